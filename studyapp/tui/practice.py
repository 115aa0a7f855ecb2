"""Practice: the prompt, an answer editor, elapsed time and an optional coverage meter."""
from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Collapsible, Footer, Header, Static, TextArea

from studyapp.core.model import Pack, Question
from studyapp.core.safe_text import sanitize, sanitize_line
from studyapp.tui import text as tui_text
from studyapp.tui.answer import AnswerArea
from studyapp.tui.text import mmss, same_length_safe, short


DRAFT_EVERY = 2.0  # seconds between saves of the answer being written


class PracticeScreen(Screen):
    BINDINGS = [
        # ctrl+s and F5 (some terminals take ctrl+s for flow control); both named in the footer
        Binding("ctrl+s,f5", "submit", "提交", key_display="^s/F5", priority=True),
        # (answering again, or a copy of the draft beside the editor: check_action); before
        # the others, so that the footer shows it in a narrow terminal too
        Binding("ctrl+r", "revise_previous", "改旧提纲"),
        Binding("ctrl+r", "take_copy", "放入另存的"),
        Binding("f2", "toggle_meter", "提示"),
        # the reference answer before (or while) writing: read, not an attempt, not scored
        Binding("ctrl+o", "reference", "参考答案", key_display="^o"),
        Binding("escape", "leave", "返回", priority=True),
        Binding("f1", "app.help", "帮助"),
        # from the prompt or an earlier outline (shift+tab, to scroll it) back to the answer
        # in one key; in the editor tab indents (the editor takes it first)
        Binding("tab", "to_answer", "回到答题框", show=False),
    ]

    def __init__(
        self,
        pack: Pack,
        question: Question,
        *,
        previous_answer: str | None = None,
        previous_grading: Any = None,
        previous_title: str = "上一次的提纲",
        back_to: Screen | None = None,
    ) -> None:
        super().__init__()
        self.pack = pack
        self.question = question
        self.previous_answer = previous_answer
        self.previous_grading = previous_grading
        self.previous_title = previous_title  # an older attempt's (from 历次作答) says its date
        self.back_to = back_to  # the review it was opened over (再答一次): escape goes back to it
        self.meter_on = bool(getattr(self.app, "meter_on", False))  # as F2 was left last time
        self._grader: Any = None
        self._started = self.app.clock.monotonic()
        self._submitted = False
        # the answer being written is kept as a draft (app.store), every DRAFT_EVERY seconds
        # of the app's clock while it changes, and at once when the app quits
        self._dirty = False
        self._draft_at = self._started  # the last try (a failed one is tried again after as long)
        self._save_error: str | None = None  # why the last try failed, while it keeps failing
        self._saved_when: Any = None  # when the stored text last matched the screen's (a datetime)
        self._base = 0  # the draft's rev as this screen last read or saved it (core/store.py)
        self._saved_text: str | None = None  # the text as this screen last read or saved it
        self._saved_spent: float | None = None  # the time spent, as stored with that text
        self._found: Any = None  # the draft read when the screen opened (core/store.py)
        self._copies: list[Any] = []  # copies kept beside the draft (two windows), shown above
        self._absorb: list[int] = []  # copies the editor's text took in: gone at its next save
        self._copies_title = ""  # the copy box's title while the copy is kept apart
        self._in_copy = False  # another window saved newer text: ours goes to a copy beside it
        self._copy_id: int | None = None
        # answering again: the outline above, as kept with the draft (core/store.py DraftOutline)
        self._draft_outline: Any = None
        self._outline_lost = False  # the draft's outline could not be read back: said on mount

    def compose(self) -> ComposeResult:
        q = self.question
        self._read_draft()
        self._reopen_outline()
        yield Header()
        with VerticalScroll(id="prompt-box"):
            # (the type's colour is app.tcss's #prompt-type: darker on the light theme)
            yield Static(self._heading(), id="prompt-type")
            yield Static(Content(sanitize(q.prompt)), id="prompt")
        if self.previous_answer is not None:
            title = self.previous_title
            if self.previous_grading is not None:
                title += f"（{round(self.previous_grading.score)} 分）"
            self._previous_title = title
            with Collapsible(title=title, collapsed=False, id="previous"):
                # scrollable (wheel, or shift+tab then the arrows): a long outline is read in full
                with VerticalScroll(id="previous-scroll"):
                    if self.previous_grading is not None:  # first what it missed (review.py)
                        from studyapp.tui.review import gaps_text

                        yield Static(gaps_text(q, self.previous_grading), id="previous-gaps")
                    yield Static(Content(same_length_safe(self.previous_answer)), id="previous-answer")
        if self._copies:
            # text written in another window (or another studyapp) beside the draft: kept
            # apart, for the candidate to take in (ctrl+r) or leave, never merged silently
            when = "、".join(_local(c.saved_at, self.app.clock.now()) for c in self._copies)
            self._copies_title = f"另存的一份（{when} 保存）"
            with Collapsible(title=self._copies_title, collapsed=False, id="copies"):
                with VerticalScroll(id="copies-scroll"):
                    yield Static(
                        Content.styled(
                            "两个窗口同时写过这道题，这一份另存着，没有放进答题框：ctrl+r 把它接到"
                            "答题框后面；提交或放弃这道题时它一起删除。",
                            "italic",
                        ),
                        id="copies-hint",
                    )
                    yield Static(
                        Content(same_length_safe("\n\n".join(c.text for c in self._copies))), id="copies-text"
                    )
        yield AnswerArea(
            "",
            id="answer",
            soft_wrap=True,
            tab_behavior="indent",
            placeholder="在这里写下你的答题提纲……（ctrl+s 或 F5 提交）",
        )
        with Horizontal(id="practice-status"):
            yield Static("用时 00:00", id="elapsed")
            yield Static("", id="meter")
        yield Footer(compact=True, show_command_palette=False)

    def _heading(self, more: bool = False) -> Content:
        """The question's type and suggested time; and, when the prompt does not fit its box
        (a long one in a small terminal), how to read the rest."""
        q = self.question
        head = [(sanitize_line(q.type) or "题目", "bold")]
        if q.time and q.time.answer:
            head.append((f"  建议作答 {mmss(q.time.answer)}", "$foreground"))
        if more:
            head.append(("  ↓ 题目未完，shift+tab 后滚动", "italic $foreground"))
        return Content.assemble(*head)

    def on_resize(self, event) -> None:
        self.call_after_refresh(self._say_if_cut)
        self.call_after_refresh(self._fit_boxes)

    # the fewest lines the editor keeps before the boxes above it fold to their titles
    MIN_EDITOR_ROWS = 6

    def _fit_boxes(self) -> None:
        """On a short terminal the boxes above the editor (a draft's copy, then the outline
        answered again) fold to their titles, the copy first, so that the editor keeps
        MIN_EDITOR_ROWS lines and the clock's line stays on the screen (▶ opens one again)."""
        try:
            editor = self.query_one("#answer", TextArea)
        except Exception:  # being torn down
            return
        if editor.size.height >= self.MIN_EDITOR_ROWS and self.size.height >= self.virtual_size.height:
            return
        for box_id in ("#copies", "#previous"):
            for box in self.query(box_id).results(Collapsible):
                if not box.collapsed:
                    box.collapsed = True
                    self.call_after_refresh(self._fit_boxes)  # (measured again once folded)
                    return

    def _say_if_cut(self) -> None:
        try:
            box = self.query_one("#prompt-box", VerticalScroll)
        except Exception:  # being torn down
            return
        more = box.max_scroll_y > 0
        if more != getattr(self, "_cut_said", False):
            self._cut_said = more
            self.query_one("#prompt-type", Static).update(self._heading(more))
        self._title_previous()

    def _title_previous(self) -> None:
        """The outline answered again says in its title when it is folded (enter opens it) or
        does not fit its box (shift+tab, then the arrows)."""
        for outline in self.query("#previous-scroll").results(VerticalScroll):
            for box in self.query("#previous").results(Collapsible):
                if box.collapsed:
                    title = self._previous_title + "  （已折叠：shift+tab 到这里，回车展开）"
                else:
                    title = self._previous_title + ("  ↓ 未完，shift+tab 后滚动" if outline.max_scroll_y > 0 else "")
                if box.title != title:
                    box.title = title

    def on_collapsible_collapsed(self, event: Collapsible.Collapsed) -> None:
        self.call_after_refresh(self._title_previous)

    def on_collapsible_expanded(self, event: Collapsible.Expanded) -> None:
        self.call_after_refresh(self._title_previous)

    def on_key(self, event: events.Key) -> None:
        """A key typed while the prompt or the outline above has the focus (shift+tab, to
        scroll it) goes into the answer, where the candidate meant it, as in the mock
        (AnswerArea.take_stray); enter still opens or folds a box's title."""
        from textual.widgets._collapsible import CollapsibleTitle

        editor = self.query_one("#answer", AnswerArea)
        editor.take_stray(event, enter=not isinstance(self.focused, CollapsibleTitle))

    def on_paste(self, event: events.Paste) -> None:
        self.query_one("#answer", AnswerArea).take_stray(event)

    def action_to_answer(self) -> None:
        self.query_one("#answer", AnswerArea).focus()

    def typing_goes_to(self) -> AnswerArea | None:
        """Where keys typed on the help (F1) over this screen go: the answer (app.action_help)."""
        return None if self._submitted else self.query_one("#answer", AnswerArea)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Away from the editor (reading the prompt or an outline), its frame says how to
        come back: the question's heading that says so scrolls away with a long prompt."""
        editor = self.query_one("#answer", AnswerArea)
        editor.border_subtitle = None if self.focused is editor else "tab 或直接打字，回到答题框"

    def on_mount(self) -> None:
        self.sub_title = short(self.question.prompt, 30)
        # home puts its cursor here when it is shown again (opened by search or 下一题 too)
        self.app.last_practised = (self.pack.id, self.question.id)
        editor = self.query_one("#answer", TextArea)
        editor.cursor_blink = tui_text.CURSOR_BLINK
        editor.focus()
        self._restore_draft(editor)
        if self._outline_lost:
            self.notify(
                "这份草稿是再答一次时写的，但它对照的那份提纲没能恢复（记录已损坏）；草稿已恢复在答题框里。",
                severity="warning",
                timeout=15,
                markup=False,
            )
        self.set_interval(1.0, self.update_elapsed)
        self.update_elapsed()
        self._show_meter()

    # -- the draft -------------------------------------------------------------

    def _read_draft(self) -> None:
        """The draft of this question and the copies beside it (another window's)."""
        store = self.app.store
        if store is None:
            return
        try:
            self._found = store.draft(self.pack.id, self.question.id)
            self._copies = store.draft_copies(self.pack.id, self.question.id)
        except Exception:  # a broken database must not stop practising
            self._found, self._copies = None, []
        if self._found is None and self._copies:
            # no draft: the newest copy is the answer (it becomes the draft at the next save)
            self._found = self._copies.pop()
            self._absorb = [self._found.id]

    def _reopen_outline(self) -> None:
        """A draft written answering again (再答一次) comes back as it was left: the outline
        it was answering above the editor, with what that outline missed and its score (as
        the review showed them while the key points are the same: core/pastgrading.py)."""
        found = self._found
        if self.previous_answer is not None or found is None or self._absorb:
            return  # (answering again now, or no draft of this question's own)
        outline = getattr(found, "outline", None)
        if outline is None:
            return
        if not outline.answer.strip():
            self._outline_lost = True
            return
        from studyapp.core.pastgrading import past_grading

        self.previous_answer = outline.answer
        self.previous_grading = past_grading(outline, self.question, self.pack.thesaurus).grading
        self.previous_title = short(outline.title, 40) or "上一次的提纲"
        self._draft_outline = outline

    def _outline(self) -> Any:
        """What is kept with the draft of the outline shown above the editor (None: none)."""
        if self.previous_answer is None:
            return None
        if self._draft_outline is None:
            from studyapp.core.store import DraftOutline, grading_basis

            g = self.previous_grading
            self._draft_outline = DraftOutline(
                self.previous_answer,
                self.previous_title,
                float(g.score) if g is not None else 0.0,
                g.to_dict() if g is not None else {},
                grading_basis(self.question) if g is not None else None,
            )
        return self._draft_outline

    def _restore_draft(self, editor: TextArea) -> None:
        """The draft goes into the editor; any copy another window kept beside it is shown
        above the editor (compose, with what ctrl+r does), not put into the answer."""
        found = self._found
        if found is None:
            return
        from_copy = bool(self._absorb)
        self._base = 0 if from_copy else found.rev
        self._saved_when = found.saved_at
        self._started = self.app.clock.monotonic() - found.elapsed_s  # the clock goes on where it stopped
        editor.load_text(found.text)
        self._saved_text = None if from_copy else found.text
        self._saved_spent = found.elapsed_s
        self._dirty = from_copy  # (a copy: saved as the draft at the next save)
        editor.move_cursor(editor.document.end)
        # said on the editor's frame, not in a toast over the place where typing goes on;
        # short enough for 60 columns with the year (2025-11-20 01:02: 49 columns)
        editor.border_title = (
            f"已恢复草稿（{_local(found.saved_at, self.app.clock.now())} 保存，已用时 {mmss(found.elapsed_s)}）"
        )

    def save_draft(self, force: bool = False, *, say_failure: bool = True) -> None:
        """Keep the answer being written, at most every DRAFT_EVERY seconds unless ``force``.
        Forced (kept on leaving, quitting, opening the reference), an answer not changed
        since its last save still has its time saved: the minutes spent reading or thinking
        after the last keystroke are 用时 too (``_save_time``).

        A failure is said once and never stops the typing; the next interval (and quitting)
        tries again, and saving again is said. If another window saved newer text to this
        question's draft since this screen read it, that text is not overwritten: this
        screen's answer is kept in a copy beside it (said once), restored with it."""
        store = self.app.store
        if store is None or self._submitted:
            return
        if not self._dirty:
            if force:
                self._save_time(store)
            return
        now = self.app.clock.monotonic()
        if not force and now - self._draft_at < DRAFT_EVERY:
            return
        self._draft_at = now
        from studyapp.core.store import DraftConflict

        text, spent = self.answer, self.elapsed()
        try:
            self._write_draft(store, text, spent)
        except Exception as exc:
            if self._save_error is None and say_failure:
                self.notify(
                    f"草稿自动保存失败：{tui_text.error_text(exc)}\n"
                    f"{self._kept_part()}每 {DRAFT_EVERY:g} 秒会再试一次，保存成功时会告诉你。",
                    severity="warning",
                    timeout=15,
                    markup=False,
                )
            self._save_error = tui_text.error_text(exc)
            return
        self._dirty = False
        self._saved_text = text
        self._saved_spent = spent
        self._saved_when = self.app.clock.now()
        if self._save_error is not None:
            self._save_error = None
            self.notify(f"草稿又能保存了：到 {_hm(self._saved_when)} 为止写的答案都已保存。", markup=False)

    def _save_time(self, store: Any) -> None:
        """The answer is stored as it is: store the time spent on it now. Another window's
        newer draft is left alone (this screen's text, unchanged, has nothing to add to it);
        a failure is not said (the text is safe; the next save of the text tries again)."""
        from studyapp.core.store import DraftConflict

        text, spent = self.answer, self.elapsed()
        if not text.strip() or text != self._saved_text or self._saved_spent is None:
            return  # (nothing stored yet, or only a copy taken in: the next save of the text)
        if abs(spent - self._saved_spent) < 1:
            return
        ids = (self.pack.id, self.question.id)
        try:
            if self._in_copy:
                if store.draft(*ids) is not None:
                    self._copy_id = store.save_draft_copy(*ids, text, spent, copy_id=self._copy_id)
                else:
                    self._write_draft(store, text, spent)
            else:
                self._base = store.save_draft(*ids, text, spent, base=self._base, outline=self._outline())
        except DraftConflict:
            return
        except Exception:
            return
        self._saved_spent = spent
        self._saved_when = self.app.clock.now()

    def _write_draft(self, store: Any, text: str, spent: float) -> None:
        """Save ``text`` as the draft, or, while another window's newer text is the draft,
        as this screen's copy beside it (once that window has submitted or given up its
        answer, as the draft again: there is nothing left to keep apart from)."""
        from studyapp.core.store import DraftConflict

        ids = (self.pack.id, self.question.id)
        taken = [i for i in self._absorb if self._copy_text(i) in text]  # still in the answer
        if self._in_copy:
            if store.draft(*ids) is not None:
                self._copy_id = store.save_draft_copy(*ids, text, spent, copy_id=self._copy_id)
                return
            own = [self._copy_id] if self._copy_id is not None else []
            try:
                self._base = store.save_draft(
                    *ids, text, spent, base=0, drop_copies=[*taken, *own], outline=self._outline()
                )
            except DraftConflict:  # a new draft again, just now: stay a copy
                self._copy_id = store.save_draft_copy(*ids, text, spent, copy_id=self._copy_id)
                return
            self._in_copy, self._copy_id = False, None
            self._dropped(taken)
            self.notify(
                "另一个窗口已经提交或放弃了这道题的答案；这里写的答案现在就是这道题的草稿，不再另存。",
                timeout=10,
                markup=False,
            )
            return
        try:
            self._base = store.save_draft(*ids, text, spent, base=self._base, drop_copies=taken, outline=self._outline())
        except DraftConflict:
            theirs = store.draft(*ids)
            if theirs is not None and theirs.text == self._saved_text:
                # saved again by the other window as it was: nothing of its own to keep
                self._base = store.save_draft(
                    *ids, text, spent, base=theirs.rev, drop_copies=taken, outline=self._outline()
                )
            else:
                self._in_copy = True
                self._copy_id = store.save_draft_copy(*ids, text, spent)
                self.notify(
                    "这道题的答案刚在另一个窗口（或另一个 studyapp）里改过并保存了。为了不覆盖它，"
                    "这里写的答案另存为一份，下次打开这道题时，一份在答题框里，另一份在它上方。",
                    severity="warning",
                    timeout=15,
                    markup=False,
                )
                return
        self._dropped(taken)

    def _copy_text(self, copy_id: int) -> str:
        if self._found is not None and getattr(self._found, "id", None) == copy_id:
            return self._found.text
        return next((c.text for c in self._copies if c.id == copy_id), "\0")

    def _dropped(self, ids: list[int]) -> None:
        """Copies taken into the answer, now saved with it, are gone from the store."""
        self._absorb = [i for i in self._absorb if i not in ids]

    def keep_as_draft(self) -> bool:
        """Save the answer now (the screen is about to be closed without leaving it):
        True when nothing typed is lost by closing it."""
        self.save_draft(force=True)
        return self._submitted or not self.answer.strip() or (self.app.store is not None and not self._dirty)

    def _kept_part(self) -> str:
        if self._saved_when is None:
            return "这次写的答案还没有保存过。"
        return f"已保存的只有 {_hm(self._saved_when)} 之前写的部分。"

    def _forget_draft(self) -> None:
        """The answer was submitted or abandoned: its draft goes (only while it is the one
        this screen saved or read, never another window's newer text), and its copies."""
        store = self.app.store
        if store is None:
            return
        if self.app.open_practice(self.pack.id, self.question.id, but=self) is not None:
            return  # another screen shows this question's answer: its draft stays (app.open_question)
        shown = [c.id for c in self._copies]  # seen above the editor, taken in or left
        copies = [*self._absorb, *shown, *([self._copy_id] if self._copy_id is not None else [])]
        try:
            store.delete_draft(self.pack.id, self.question.id, base=self._base, copies=copies)
        except Exception:
            pass

    # -- time -----------------------------------------------------------------

    def elapsed(self) -> float:
        return self.app.clock.monotonic() - self._started

    def update_elapsed(self) -> None:
        self.query_one("#elapsed", Static).update(f"用时 {mmss(self.elapsed())}")
        self.save_draft()

    # -- answer -------------------------------------------------------------

    @property
    def answer(self) -> str:
        return self.query_one("#answer", TextArea).text

    def grader(self) -> Any:
        if self._grader is None:
            from studyapp.core.grading import Grader  # imported on first use: keeps start-up lean

            self._grader = Grader(self.question, thesaurus=self.pack.thesaurus)
        return self._grader

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.answer != self._saved_text:  # (not the restored draft being loaded)
            self._dirty = True
        if self._copies:
            self.refresh_bindings()  # ctrl+r: once the copy is in the answer, nothing to add
            if self._copy_pending():
                # (ctrl+z took it out again: the box says again that it is kept apart)
                from textual.widgets import Collapsible

                for box in self.query("#copies").results(Collapsible):
                    if box.title != self._copies_title:
                        box.title = self._copies_title
        self.update_elapsed()
        if self.meter_on:
            self._show_meter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "take_copy":
            return self._copy_pending()
        if action == "revise_previous":
            return self.previous_answer is not None and not self._copy_pending()
        return True

    def _copy_pending(self) -> bool:
        """A copy shown above the editor is not in the answer (ctrl+r would add it)."""
        if not self._copies:
            return False
        try:
            answer = self.answer
        except Exception:  # not composed yet
            return True
        return any(c.text not in answer for c in self._copies)

    def action_revise_previous(self) -> None:
        """ctrl+r: the outline shown above goes into the editor to be revised, never over
        what is written there (AnswerArea.take_in, undone by ctrl+z)."""
        self.query_one("#answer", AnswerArea).take_in(self.previous_answer or "")

    def action_take_copy(self) -> None:
        """ctrl+r with a copy of the draft shown above: it goes after the answer (undone by
        ctrl+z); it leaves the store when the answer holding it is saved."""
        text = "\n\n".join(c.text for c in self._copies)
        self.query_one("#answer", AnswerArea).take_in(text, "另存的一份")
        self._absorb = sorted({*self._absorb, *(c.id for c in self._copies)})
        self._dirty = True
        # the box above no longer holds text kept apart: it is in the answer (once, not twice)
        from textual.widgets import Collapsible

        for box in self.query("#copies").results(Collapsible):
            box.title = "另存的一份：已接到答题框后面（ctrl+z 撤销）"
            box.collapsed = True

    def action_reference(self) -> None:
        """ctrl+o: the question's reference answer on a screen of its own, to study before
        writing: nothing is recorded (no attempt, no score); escape comes back to the answer,
        the practice clock having gone on (the sitting's time includes the reading). What is
        typed there comes back into the answer (ReferenceScreen.on_key). The draft is saved
        first, with its time: the reading may be long, and a ctrl+q or a crash under it must
        not lose what was written."""
        self.save_draft(force=True)
        self.app.push_screen(ReferenceScreen(self.question, self.query_one("#answer", AnswerArea)))

    def action_toggle_meter(self) -> None:
        self.meter_on = not self.meter_on
        if hasattr(self.app, "set_meter"):
            self.app.set_meter(self.meter_on)
        self._show_meter()

    def _show_meter(self) -> None:
        meter = self.query_one("#meter", Static)
        if not self.meter_on:
            meter.update(Content.styled("覆盖提示：关（F2）", "dim"))
            return
        text = self.answer
        if not text.strip():
            meter.update(f"覆盖 0/{len(self.question.key_points)}")
            return
        g = self.grader().grade(text)
        covered = sum(1 for p in g.points if p.status == "covered")
        partial = sum(1 for p in g.points if p.status == "partial")
        meter.update(
            Content.assemble(
                f"覆盖 {covered}/{len(g.points)}",
                f" · 部分 {partial}" if partial else "",
                "  ",
                _bar(g.score),
                f" {round(g.score)}",
            )
        )

    def _after_typed_keys(self, callback) -> None:
        tui_text.after_typed_keys(self, "#answer", callback)

    def action_submit(self) -> None:
        self._after_typed_keys(self._submit)

    def _submit(self) -> None:
        if self._submitted:
            return
        text = self.answer
        if not text.strip():
            self.notify("还没有写答案。", severity="warning", markup=False)
            return
        duration = self.elapsed()
        grading = self.grader().grade(text)
        attempt_id = self.app.save_attempt(self.pack, self.question, text, grading, duration)
        if attempt_id is None and self.app.store is not None:
            # not saved (a full disk): the answer stays here, kept as a draft where it can be,
            # and the review opens only once it is saved (then escape cannot lose it)
            self._dirty = True
            self.save_draft(force=True, say_failure=False)
            kept = (
                "草稿已保存，"
                if not self._dirty
                else f"草稿也没能保存（{self._kept_part()}每 {DRAFT_EVERY:g} 秒会再试），"
            )
            self.notify(
                f"提交失败：{self.app.save_error}\n这次作答（得分 {round(grading.score)}）没有保存，答案还在答题框里；"
                f"{kept}腾出空间后再按 ctrl+s 或 F5 提交。",
                title="没有保存",
                severity="error",
                timeout=20,
                markup=False,
            )
            return
        self._submitted = True
        self._forget_draft()  # it is an attempt now
        from studyapp.tui.review import ReviewScreen

        review = ReviewScreen(self.pack, self.question, text, grading, duration_s=duration, attempt_id=attempt_id)
        if self.back_to is not None and self.app.screen_stack[-2:-1] == [self.back_to]:
            self.app.pop_screen()  # the review it was opened over gives way to the new one
        self.app.switch_screen(review)

    def action_leave(self) -> None:
        self._after_typed_keys(self._leave)

    def before_quit(self, proceed) -> None:
        """ctrl+q: the answer typed and not submitted is kept as a draft, restored when the
        question is opened again; where it cannot be kept (no data folder, saving fails),
        ask first, saying what would be lost."""

        def check() -> None:
            if not self._submitted:
                self.save_draft(force=True, say_failure=False)  # (the question below says it)
            store = self.app.store
            if self._submitted or not self.answer.strip() or (store is not None and not self._dirty):
                proceed()
                return
            if store is None:
                question = "退出 studyapp？这次作答还没有提交，答案不会保存。"
            else:
                question = (
                    f"退出 studyapp？草稿保存失败（{self._save_error}）。"
                    + (
                        f"只保存了 {_hm(self._saved_when)} 之前写的部分，之后写的会丢失。"
                        if self._saved_when is not None
                        else "这次写的答案不会保存。"
                    )
                )
            from studyapp.tui.confirm import ConfirmScreen

            def done(ok: bool | None) -> None:
                if ok:
                    proceed()

            dialog = ConfirmScreen(question)
            dialog.quitting = True  # a second ctrl+q does not ask again over it (StudyApp.action_quit)
            self.app.push_screen(dialog, done)

        self._after_typed_keys(check)

    def _leave(self) -> None:
        """escape: nothing written, back at once; else asked: keep it as the draft and go
        back (the first button, enter: the safe choice), give it up, or go on writing."""
        if not self.answer.strip():
            self._forget_draft()
            self.app.pop_screen()
            return
        from studyapp.tui.confirm import ChoiceScreen, ConfirmScreen

        also = "上方另存的那一份也会删除。" if self._copies else ""
        if self.app.store is None or self._save_error is not None:  # nowhere to keep it (saving fails)
            failed = f"草稿现在存不了（{self._save_error}），" if self.app.store is not None else ""

            def done(ok: bool | None) -> None:
                if ok:
                    self._give_up()

            self.app.push_screen(ConfirmScreen(f"放弃这次作答并返回？{failed}答案不会保存。{also}"), done)
            return

        def chosen(choice: str | None) -> None:
            if choice == "keep":
                self._keep_and_leave()
            elif choice == "discard":
                self._discard_asked()

        restored = self._restored()
        older = f"（其中有 {restored} 保存的草稿）" if restored else ""
        self.app.push_screen(
            ChoiceScreen(
                f"这道题的答案还没有提交{older}。\n保留草稿：先返回，下次打开这道题时接着写。\n"
                f"放弃：删除写的答案。{also}",
                [("keep", "保留草稿", "y"), ("discard", "放弃", "d"), ("stay", "继续写", "n")],
                cancel="stay",
            ),
            chosen,
        )

    def _restored(self) -> str | None:
        """When the draft restored in the editor was saved, if one was (an earlier sitting's)."""
        found = self._found
        if found is None or self._absorb:
            return None
        return _local(found.saved_at, self.app.clock.now())

    def _keep_and_leave(self) -> None:
        if self.keep_as_draft():
            self.notify("草稿已保留，下次打开这道题时恢复。", markup=False)
            self.app.pop_screen()
            return
        self.notify(
            f"草稿没能保存（{self._save_error}），答案还在答题框里，没有返回。{self._kept_part()}",
            severity="error",
            timeout=15,
            markup=False,
        )

    def _discard_asked(self) -> None:
        """放弃: a draft restored from an earlier sitting is deleted only when asked twice."""
        restored = self._restored()
        if restored is None:
            self._give_up()
            return
        from studyapp.tui.confirm import ConfirmScreen

        def done(ok: bool | None) -> None:
            if ok:
                self._give_up()

        self.app.push_screen(
            ConfirmScreen(f"确定删除吗？{restored} 保存的草稿连同这次写的，都会删除，不能找回。"), done
        )

    def _give_up(self) -> None:
        self._submitted = True  # (no more saves of it)
        self._forget_draft()
        self.app.pop_screen()


class ReferenceScreen(Screen):
    """A question's reference answer, read from its practice screen (ctrl+o) before or while
    writing. It records nothing: the candidate studies it, and what they then write is graded
    as any answer (the attempt does not say it was written after reading: see the commit).
    Reading it, the candidate goes on to write what they just read: a key that types (or a
    paste) closes it and goes into the answer at its cursor (AnswerArea.take_typed, the rule
    of keys typed with the prompt focused), never lost."""

    ALLOW_SEARCH = False  # escape back to the answer first
    DEFAULT_CSS = """
    ReferenceScreen #reference-note { padding: 0 1; background: $boost; }
    ReferenceScreen #reference-scroll { height: 1fr; padding: 0 1; }
    """
    BINDINGS = [
        Binding("escape,ctrl+o", "back", "回去作答", key_display="esc"),
        Binding("f1", "app.help", "帮助"),
    ]

    def __init__(self, question: Question, answer: AnswerArea | None = None) -> None:
        super().__init__()
        self.question = question
        self.answer = answer  # the practice screen's editor, where typed keys go

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            Content.assemble(
                ("参考答案", "bold"),
                "  只是看，不算一次作答，也不计分；作答用时照常计算。esc 或直接打字，回去接着写。",
            ),
            id="reference-note",
        )
        with VerticalScroll(id="reference-scroll"):
            ref = self.question.reference
            if ref and ref.strip():
                from studyapp.tui.topic import SafeMarkdown  # (Markdown, as the review shows it)

                yield SafeMarkdown(ref, id="reference-body")
            else:
                yield Static("（本题没有参考答案）")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "参考答案 · " + short(self.question.prompt, 24)
        self.query_one("#reference-scroll").focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def typing_goes_to(self) -> AnswerArea | None:
        """Keys typed on the help (F1) over the reference go into the answer, as here."""
        return self.answer

    def on_key(self, event: events.Key) -> None:
        self._to_answer(event)

    def on_paste(self, event: events.Paste) -> None:
        self._to_answer(event)

    def _to_answer(self, event: events.Key | events.Paste) -> None:
        """Typed (or pasted) over the reference: back to the answer with it. The rest of the
        same burst (an input method's, a fast typist's) may still be on its way here after
        the screen has gone: it goes into the answer as well, in order."""
        if self.answer is None or AnswerArea.typed_text(event) is None:
            return
        if not self._left:
            self._left = True
            self.app.pop_screen()
        self.answer.take_typed(event)

    _left = False  # closed by typing: what follows goes to the answer as well


def _local(when: Any, now: Any = None) -> str:
    """A saved time as the candidate's clock shows it, with the day (a draft may be old),
    and the year when it is not ``now``'s (a draft of last November is not eight days old)."""
    local = when.astimezone()
    if now is not None and local.year != now.astimezone().year:
        return local.strftime("%Y-%m-%d %H:%M")
    return local.strftime("%m-%d %H:%M")


def _hm(when: Any) -> str:
    """A time of this sitting as the candidate's clock shows it."""
    return when.astimezone().strftime("%H:%M")


def _bar(score: float, width: int = 10) -> Content:
    filled = max(0, min(width, round(score / 100 * width)))
    return Content.assemble(("█" * filled, "$success"), ("░" * (width - filled), "dim"))
