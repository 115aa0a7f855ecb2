"""Practice: the prompt, an answer editor, elapsed time and an optional coverage meter."""
from __future__ import annotations

from typing import Any

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
        Binding("f2", "toggle_meter", "覆盖提示"),
        Binding("escape", "leave", "返回", priority=True),
        Binding("f1", "app.help", "帮助"),
        Binding("ctrl+r", "revise_previous", "改上次提纲"),  # (answering again: check_action)
    ]

    def __init__(
        self,
        pack: Pack,
        question: Question,
        *,
        previous_answer: str | None = None,
        previous_grading: Any = None,
        previous_title: str = "上一次的提纲",
    ) -> None:
        super().__init__()
        self.pack = pack
        self.question = question
        self.previous_answer = previous_answer
        self.previous_grading = previous_grading
        self.previous_title = previous_title  # an older attempt's (from 历次作答) says its date
        self.meter_on = False
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
        self._absorbed: list[int] = []  # copies (another window's text) restored into this one
        self._in_copy = False  # another window saved newer text: ours goes to a copy beside it
        self._copy_id: int | None = None

    def compose(self) -> ComposeResult:
        q = self.question
        yield Header()
        with VerticalScroll(id="prompt-box"):
            # (the type's colour is app.tcss's #prompt-type: darker on the light theme)
            yield Static(self._heading(), id="prompt-type")
            yield Static(Content(sanitize(q.prompt)), id="prompt")
        if self.previous_answer is not None:
            title = self.previous_title
            if self.previous_grading is not None:
                title += f"（{round(self.previous_grading.score)} 分）"
            with Collapsible(title=title, collapsed=False, id="previous"):
                # scrollable (wheel, or shift+tab then the arrows): a long outline is read in full
                with VerticalScroll(id="previous-scroll"):
                    if self.previous_grading is not None:  # first what it missed (review.py)
                        from studyapp.tui.review import gaps_text

                        yield Static(gaps_text(q, self.previous_grading), id="previous-gaps")
                    yield Static(Content(same_length_safe(self.previous_answer)), id="previous-answer")
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

    def _say_if_cut(self) -> None:
        try:
            box = self.query_one("#prompt-box", VerticalScroll)
        except Exception:  # being torn down
            return
        more = box.max_scroll_y > 0
        if more != getattr(self, "_cut_said", False):
            self._cut_said = more
            self.query_one("#prompt-type", Static).update(self._heading(more))

    def on_mount(self) -> None:
        self.sub_title = short(self.question.prompt, 30)
        # home puts its cursor here when it is shown again (opened by search or 下一题 too)
        self.app.last_practised = (self.pack.id, self.question.id)
        editor = self.query_one("#answer", TextArea)
        editor.cursor_blink = tui_text.CURSOR_BLINK
        editor.focus()
        self._restore_draft(editor)
        self.set_interval(1.0, self.update_elapsed)
        self.update_elapsed()
        self._show_meter()

    # -- the draft -------------------------------------------------------------

    def _restore_draft(self, editor: TextArea) -> None:
        """The draft, and any copy another window kept beside it (each after a line saying
        so), go into the editor; they become one draft at the next save."""
        store = self.app.store
        if store is None:
            return
        try:
            found = store.draft(self.pack.id, self.question.id)
            copies = store.draft_copies(self.pack.id, self.question.id)
        except Exception:  # a broken database must not stop practising
            return
        if found is None and not copies:
            return
        parts = [found.text] if found is not None else []
        for c in copies:
            parts.append(f"——另一个窗口 {_local(c.saved_at)} 保存的答案——\n{c.text}")
        spent = max([found.elapsed_s] if found is not None else [c.elapsed_s for c in copies])
        when = found.saved_at if found is not None else max(c.saved_at for c in copies)
        self._base = found.rev if found is not None else 0
        self._absorbed = [c.id for c in copies]
        self._dirty = bool(copies)  # saved as one draft at the next save
        self._saved_when = when
        self._started = self.app.clock.monotonic() - spent  # the clock goes on where it stopped
        editor.load_text("\n\n".join(parts))
        editor.move_cursor(editor.document.end)
        # said on the editor's frame, not in a toast over the place where typing goes on
        editor.border_title = f"已恢复上次没有提交的答案（{_local(when)} 自动保存，已用时 {mmss(spent)}）"
        if copies:
            self.notify(f"另一个窗口另存的 {len(copies)} 份附在后面。", markup=False)

    def save_draft(self, force: bool = False, *, say_failure: bool = True) -> None:
        """Keep the answer being written, at most every DRAFT_EVERY seconds unless ``force``.

        A failure is said once and never stops the typing; the next interval (and quitting)
        tries again, and saving again is said. If another window saved newer text to this
        question's draft since this screen read it, that text is not overwritten: this
        screen's answer is kept in a copy beside it (said once), restored with it."""
        store = self.app.store
        if store is None or self._submitted or not self._dirty:
            return
        now = self.app.clock.monotonic()
        if not force and now - self._draft_at < DRAFT_EVERY:
            return
        self._draft_at = now
        from studyapp.core.store import DraftConflict

        text, spent = self.answer, self.elapsed()
        ids = (self.pack.id, self.question.id)
        try:
            if not self._in_copy:
                try:
                    self._base = store.save_draft(*ids, text, spent, base=self._base, drop_copies=self._absorbed)
                    self._absorbed = []
                except DraftConflict:
                    self._in_copy = True
                    self._copy_id = store.save_draft_copy(*ids, text, spent)
                    self.notify(
                        "这道题的草稿刚在另一个窗口（或另一个 studyapp）里保存过。为了不覆盖它，"
                        "这里写的答案另存为一份，下次打开这道题时两份都会恢复。",
                        severity="warning",
                        timeout=15,
                        markup=False,
                    )
            else:
                self._copy_id = store.save_draft_copy(*ids, text, spent, copy_id=self._copy_id)
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
        self._saved_when = self.app.clock.now()
        if self._save_error is not None:
            self._save_error = None
            self.notify(f"草稿又能保存了：到 {_hm(self._saved_when)} 为止写的答案都已保存。", markup=False)

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
        if store is not None:
            copies = [*self._absorbed, *([self._copy_id] if self._copy_id is not None else [])]
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
        self._dirty = True
        self.update_elapsed()
        if self.meter_on:
            self._show_meter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "revise_previous":
            return self.previous_answer is not None
        return True

    def action_revise_previous(self) -> None:
        """ctrl+r: the outline shown above goes into the editor to be revised, never over
        what is written there (AnswerArea.take_in, undone by ctrl+z)."""
        self.query_one("#answer", AnswerArea).take_in(self.previous_answer or "")

    def action_toggle_meter(self) -> None:
        self.meter_on = not self.meter_on
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
        self._submitted = True
        duration = self.elapsed()
        grading = self.grader().grade(text)
        attempt_id = self.app.save_attempt(self.pack, self.question, text, grading, duration)
        if attempt_id is not None:
            self._forget_draft()  # it is an attempt now (if saving failed, the draft stays)
        from studyapp.tui.review import ReviewScreen

        self.app.switch_screen(
            ReviewScreen(self.pack, self.question, text, grading, duration_s=duration, attempt_id=attempt_id)
        )

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
        if self.answer.strip():
            from studyapp.tui.confirm import ConfirmScreen

            def done(ok: bool | None) -> None:
                if ok:
                    self._submitted = True  # (no more saves of it)
                    self._forget_draft()
                    self.app.pop_screen()

            self.app.push_screen(ConfirmScreen("放弃这次作答并返回？答案不会保存。"), done)
        else:
            self._forget_draft()
            self.app.pop_screen()


def _local(when: Any) -> str:
    """A saved time as the candidate's clock shows it (with the day: a draft may be old)."""
    return when.astimezone().strftime("%m-%d %H:%M")


def _hm(when: Any) -> str:
    """A time of this sitting as the candidate's clock shows it."""
    return when.astimezone().strftime("%H:%M")


def _bar(score: float, width: int = 10) -> Content:
    filled = max(0, min(width, round(score / 100 * width)))
    return Content.assemble(("█" * filled, "$success"), ("░" * (width - filled), "dim"))
