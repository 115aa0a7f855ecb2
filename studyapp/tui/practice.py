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
        self._draft_at = self._started
        self._draft_failed = False

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
        store = self.app.store
        if store is None:
            return
        try:
            found = store.draft(self.pack.id, self.question.id)
        except Exception:  # a broken database must not stop practising
            return
        if found is None:
            return
        text, when, spent = found
        self._started = self.app.clock.monotonic() - spent  # the clock goes on where it stopped
        editor.load_text(text)
        editor.move_cursor(editor.document.end)
        local = when.astimezone().strftime("%m-%d %H:%M")
        self.notify(f"已恢复上次没有提交的答案（{local} 自动保存，已用时 {mmss(spent)}）。", markup=False)

    def save_draft(self, force: bool = False) -> None:
        """Keep the answer being written, at most every DRAFT_EVERY seconds unless ``force``;
        a failure is said once and never stops the typing."""
        store = self.app.store
        if store is None or self._submitted or not self._dirty or self._draft_failed:
            return
        now = self.app.clock.monotonic()
        if not force and now - self._draft_at < DRAFT_EVERY:
            return
        try:
            store.save_draft(self.pack.id, self.question.id, self.answer, self.elapsed())
        except Exception as exc:
            self._draft_failed = True
            self.notify(f"草稿自动保存失败：{tui_text.error_text(exc)}", severity="warning", markup=False)
            return
        self._dirty = False
        self._draft_at = now

    def _forget_draft(self) -> None:
        store = self.app.store
        if store is not None:
            try:
                store.delete_draft(self.pack.id, self.question.id)
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
        question is opened again; where it cannot be kept (no data folder), ask first."""

        def check() -> None:
            if self._submitted or not self.answer.strip():
                proceed()
                return
            self._dirty = True
            self.save_draft(force=True)
            if self.app.store is not None and not self._draft_failed:
                proceed()
                return
            from studyapp.tui.confirm import ConfirmScreen

            def done(ok: bool | None) -> None:
                if ok:
                    proceed()

            self.app.push_screen(ConfirmScreen("退出 studyapp？这次作答还没有提交，答案不会保存。"), done)

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


def _bar(score: float, width: int = 10) -> Content:
    filled = max(0, min(width, round(score / 100 * width)))
    return Content.assemble(("█" * filled, "$success"), ("░" * (width - filled), "dim"))
