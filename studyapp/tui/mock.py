"""The timed mock interview: a setup dialog (presets) and the session screen.

The screen only renders ``core.session.MockSession`` and forwards keys to it;
the timing lives in the core. ``tick()`` runs four times a second: it asks the
session what happened (phase changes, warnings, timeouts), updates the
countdown, rings the bell, and lets ``SessionRecorder`` autosave (every 2 s at
the latest, at once on a phase change).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Digits, Footer, Header, Input, Label, Static, TextArea

from studyapp.core.model import Pack
from studyapp.core.session import (
    ANSWERING,
    PHASE_LABELS,
    PRESETS,
    READING,
    READING_VOICE_CAP_S,
    THINKING,
    KeyHold,
    MockOptions,
    MockSession,
    SessionError,
    SessionRecorder,
    draw_questions,
    new_session,
)
from studyapp.core.report import count_chars
from studyapp.core.safe_text import sanitize, sanitize_line
from studyapp.tui import text as tui_text
from studyapp.tui.answer import AnswerArea
from studyapp.tui.help import HelpScreen
from studyapp.tui.text import after_typed_keys, error_text, mmss

if TYPE_CHECKING:
    from studyapp.core.store import SessionRecord

TICK_S = 0.25

# short enough to stay on one line beside the countdown at 80 columns
PHASE_HINT = {
    READING: "听题：记住题目，读题时间到后题目隐藏",
    THINKING: "思考：可在下面记要点，时间到自动开始作答",
    ANSWERING: "作答：直接输入，时间到自动进入下一题",
}


LAST_ANSWER_HINT = "作答：直接输入，时间到结束并打开报告"


def start_mock(app: Any, options: MockOptions) -> bool:
    """Draw a new session from the app's packs and open it; a notice if the packs cannot."""
    try:
        session = new_session(app.packs, options, app.clock)
    except SessionError as exc:
        app.notify(f"无法开始模拟面试：{exc.zh}", severity="error", markup=False)
        return False
    session.start()
    voice = app.voice()[0] if options.listen and options.voice else None
    recorder = None
    if app.store is not None:
        recorder = SessionRecorder(app.store, session, app.clock, config=options.to_config())
        try:
            recorder.create()
        except Exception as exc:  # StoreError: run without saving, say so
            app.notify(f"无法保存本次模拟面试：{error_text(exc)}", severity="warning", markup=False)
            recorder = None
    screen = MockScreen(session, recorder, bell=options.bell, voice=voice)
    # the session `studyapp mock` asked for: escape on its report goes back to the shell
    screen.from_command_line = options is getattr(app, "mock_request", None)
    app.push_screen(screen)
    return True


def packs_of_saved_session(app: Any, state: dict) -> dict[str, Pack]:
    """The packs a saved session drew from that this run did not load, loaded from the
    folders the session remembers (a folder gone, or now holding another pack, is left out:
    its questions come back from the copy saved with the session)."""
    from pathlib import Path

    from studyapp.core.packs import load_pack

    out: dict[str, Pack] = {}
    dirs = state.get("pack_dirs") if isinstance(state, dict) else None
    if not isinstance(dirs, dict):
        return out
    for pack_id, folder in dirs.items():
        if app.pack_of(pack_id) is not None or not isinstance(folder, str) or not folder:
            continue
        try:
            result = load_pack(Path(folder))
        except Exception:  # unreadable now: the saved copies serve
            continue
        if result.pack is not None and result.pack.id == pack_id:
            out[pack_id] = result.pack
    return out


def session_packs(app: Any, session: MockSession, loaded: dict[str, Pack]) -> dict[str, Pack]:
    """For the report: every pack of the session's questions that the app has not loaded — one
    loaded from its folder, or one made of the copies saved with the session."""
    out = dict(loaded)
    saved: dict[str, list] = {}
    for it in session.items:
        if app.pack_of(it.pack_id) is None and it.pack_id not in loaded and it.question.key_points:
            saved.setdefault(it.pack_id, []).append(it.question)
    for pack_id, questions in saved.items():
        from pathlib import Path

        out[pack_id] = Pack(id=pack_id, title=pack_id, root=Path(session.pack_dirs.get(pack_id, ".")),
                            questions=tuple(questions))
    return out


def resume_mock(app: Any, record: "SessionRecord") -> bool:
    """Open a saved unfinished session where it stopped. A pack it drew from that this run
    did not load is loaded from the folder the session remembers; failing that, its
    questions come back from the copies saved with the session (graded by their key points)."""
    loaded = packs_of_saved_session(app, record.state)

    def resolve(pack_id: str, question_id: str):
        pack = app.pack_of(pack_id) or loaded.get(pack_id)
        return pack.question(question_id) if pack else None

    try:
        session = MockSession.from_dict(record.state, app.clock, resolve)
    except SessionError as exc:
        app.notify(f"无法恢复上次的模拟面试：{exc.zh}", severity="error", markup=False)
        return False
    recorder = SessionRecorder(app.store, session, app.clock, session_id=record.id, config=record.config)
    voice = app.voice()[0] if session.listen and record.config.get("voice", True) is not False else None
    screen = MockScreen(session, recorder, bell=bool(record.config.get("bell", True)), voice=voice, resumed=True)
    screen.extra_packs = session_packs(app, session, loaded)
    screen.from_command_line = getattr(app, "mock_request", None) is not None
    for pack_id, pack in loaded.items():
        app.notify(f"这场面试用到题包 {pack_id}，本次启动没有载入它：已从 {pack.root} 读取。",
                   markup=False, timeout=6)
    from studyapp.core.session import FROM_SAVED

    missing = sorted({it.pack_id for it in session.items if it.source == FROM_SAVED})
    if missing:
        app.notify(f"这场面试用到的题包 {'、'.join(missing)} 本次没有载入，原文件夹也读不到："
                   "按面试开始时保存的评分要点评分。", severity="warning", markup=False, timeout=6)
    app.push_screen(screen)
    return True


class MockScreen(Screen):
    # as in the exam: no searching the packs (nor opening another question) during a session
    ALLOW_SEARCH = False
    DEFAULT_CSS = """
    MockScreen #mock-top { height: auto; padding: 0 1; }
    MockScreen #mock-clock-box { width: auto; height: auto; margin-right: 2; }
    MockScreen #mock-countdown { width: auto; }
    MockScreen #mock-countdown.warn { color: $warning; }
    MockScreen #mock-countdown.urgent { color: $error; }
    MockScreen #mock-info { width: 1fr; height: auto; }
    MockScreen #mock-phase { text-style: bold; }
    MockScreen #mock-warning { color: $error; text-style: bold; }
    MockScreen #mock-prompt-box { height: auto; max-height: 35%; padding: 0 1; background: $boost; }
    MockScreen #mock-prompt-box.more { border-bottom: solid $warning; border-subtitle-color: $warning; }
    MockScreen #mock-prompt.hidden-prompt { color: $text-muted; text-style: italic; }
    MockScreen #mock-answer { height: 1fr; }
    MockScreen #mock-save { height: 1; padding: 0 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding("ctrl+n", "finish_phase", "结束本阶段", priority=True),
        Binding("f3", "reread", "重听", priority=True),
        Binding("f4", "pause", "暂停/继续", priority=True),
        Binding("escape", "leave", "离开", priority=True),
        # the help over the running clock says so (MockHelpScreen)
        Binding("f1", "mock_help", "帮助"),
        # tab goes (back) to the answer box and never types spaces into the answer
        Binding("tab", "to_answer", "回到答题框", show=False, priority=True),
    ]

    def __init__(
        self,
        session: MockSession,
        recorder: SessionRecorder | None,
        *,
        bell: bool = True,
        voice: Any = None,
        resumed: bool = False,
    ) -> None:
        super().__init__()
        self.session = session
        self.recorder = recorder
        self.bell_on = bell
        self.voice = voice  # core.speech.Voice reading 听题 questions aloud, or None
        self.resumed = resumed
        self.bells = 0  # rung so far (tests and the status line read it)
        self.warning_text = ""
        self._shown_index = -1
        self._shown_phase: str | None = None
        self._done = False
        # packs of this session's questions that the app has not loaded (a resumed session)
        self.extra_packs: dict[str, Pack] = {}
        # after time ran out and moved to the next question, keys still being typed for the
        # last one are not put at the top of this one (core.session.KeyHold, on the app clock)
        self.keys_hold: KeyHold | None = None
        self.from_command_line = False  # `studyapp mock`'s session: escape on its report quits

    # --- layout ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="mock-top"):
            with Vertical(id="mock-clock-box"):
                yield Digits("00:00", id="mock-countdown")
            with Vertical(id="mock-info"):
                yield Static("", id="mock-title")
                yield Static("", id="mock-phase")
                yield Static("", id="mock-warning")
        with VerticalScroll(id="mock-prompt-box"):
            yield Static("", id="mock-prompt")
        # tab does not indent (the binding above takes it: back to the answer box)
        yield AnswerArea("", id="mock-answer", soft_wrap=True, tab_behavior="focus")
        yield Static("", id="mock-save")
        yield Footer()

    def on_mount(self) -> None:
        editor = self.query_one("#mock-answer", TextArea)
        editor.cursor_blink = tui_text.CURSOR_BLINK
        if self.resumed:
            self.notify("已恢复上次的模拟面试，计时从中断时剩余的时间继续。", markup=False)
        self.keys_hold = KeyHold(self.app.clock)
        rereading = False
        if self.resumed:
            # the question is read (or, without a voice, shown) again from the start: so is its
            # time; the same for an F3 re-read that was going on
            self.session.restart_reading()
            rereading = self.session.reread_time_left() > 0
            self.session.restart_reread()
        self.refresh_view()
        if (self.session.phase == READING or rereading) and not self.session.paused:
            self.read_aloud()  # the first question (or, resumed, the one being read)
        self.set_interval(TICK_S, self.tick)

    def on_unmount(self) -> None:
        # Leaving the screen (or the app closing): keep the latest text and time.
        # The session's text follows every edit (on_text_area_changed), so no widget is needed here.
        self.silence()
        if self.recorder is not None and not self.session.finished:
            self.recorder.maybe_save(force=True)

    # --- 听题 read aloud ----------------------------------------------------------------

    def read_aloud(self) -> None:
        """Read the current question out, as the examiner does in 听题; the text stays the timing's."""
        if self.voice is None or self.session.finished:
            return
        from studyapp.core.speech import VoiceError

        s = self.session
        try:
            self.voice.speak(f"第{s.index + 1}题。" + sanitize(s.current.question.prompt).strip())
        except VoiceError as exc:
            self.voice = None
            self.notify(f"{exc.zh}\n本次模拟面试的题目只显示、不朗读。", severity="warning", markup=False)

    def silence(self) -> None:
        if self.voice is not None:
            self.voice.stop()

    # --- the clock ---------------------------------------------------------------

    def tick(self) -> None:
        if self._done:
            return
        self._release_keys()
        self._sync_text()
        # 听题: thinking starts when the examiner has finished reading
        self.session.hold_reading(bool(getattr(self.voice, "speaking", False)))
        self.handle(self.session.tick())

    @property
    def keys_held(self) -> bool:
        return self.keys_hold is not None and self.keys_hold.holding

    def _hold_keys(self) -> None:
        """Time ran out and the next question came up: the editor takes no keys until the
        typing stops (core.session.KeyHold: they were meant for the question that ended)."""
        if self.keys_hold is None:
            return
        self.keys_hold.start()
        self.query_one("#mock-answer", TextArea).read_only = True

    def _release_keys(self) -> None:
        editor = self.query_one("#mock-answer", TextArea)
        if editor.read_only and not self.keys_held:
            editor.read_only = False
            self.query_one("#mock-save", Static).update(Content(self._save_status()))

    def on_key(self, event: events.Key) -> None:
        """Keys that reach the screen: held after a time-up (dropped, and the hold goes on
        while they come), or typed while the prompt box has the focus (shift+tab to scroll
        it): those go into the answer box, where the candidate meant them."""
        if self.keys_held:
            self.keys_hold.key()
            event.stop()
            event.prevent_default()
            return
        if not self._done:
            self.query_one("#mock-answer", AnswerArea).take_stray(event)

    def action_mock_help(self) -> None:
        self.app.push_screen(MockHelpScreen(self))

    def action_to_answer(self) -> None:
        editor = self.query_one("#mock-answer", TextArea)
        if self.focused is not editor:
            editor.focus()

    def _sync_text(self) -> None:
        """Give the session the editor's text now, before the clock may move it to the next
        question (a TextArea.Changed still in the queue must not be lost or land on the wrong one)."""
        if self._shown_index == self.session.index and not self.session.finished:
            try:
                editor = self.query_one("#mock-answer", TextArea)
            except Exception:  # being torn down
                return
            self.session.set_text(editor.text)

    def handle(self, events) -> None:
        phase_changed = False
        speak = False
        before = self._shown_index
        timed_out = any(ev.kind == "timeout" for ev in events)
        for ev in events:
            if ev.kind == "warning":
                # it stays up while the clock runs on: 'less than', not a count that goes stale
                self.warning_text = f"剩余不到 {ev.seconds_left} 秒"
                self.ring()
            elif ev.kind == "moved_on":
                label = PHASE_LABELS.get(ev.phase, ev.phase)
                self.notify(f"时间刚到，已自动进入{label}；这次 ctrl+n 没有结束{label}，需要时请再按一次。",
                            severity="warning", markup=False, timeout=4)
            elif ev.kind == "timeout":
                self.notify(f"{PHASE_LABELS.get(ev.phase, ev.phase)}时间到", markup=False, timeout=3)
                phase_changed = True
                if ev.phase == READING:
                    self.silence()  # a voice still reading at the cap does not talk into the thinking
            elif ev.kind in ("phase", "prompt_hidden", "finished"):
                phase_changed = True
                if ev.kind == "phase":
                    self.warning_text = ""
                    if ev.phase in (READING, "reread"):
                        speak = True  # the next question, or the one re-read (F3)
        if self.session.finished:
            self._finish(by_timeout=timed_out)
            return
        if self.recorder is not None:
            self.recorder.maybe_save(force=phase_changed)
        if timed_out and self.session.index != before:
            self._hold_keys()
        self.refresh_view()
        if speak:
            self.read_aloud()

    def ring(self) -> None:
        if self.bell_on:
            self.bells += 1
            self.app.bell()

    # --- rendering ------------------------------------------------------------------

    def refresh_view(self) -> None:
        s = self.session
        item = s.current
        q = item.question
        editor = self.query_one("#mock-answer", TextArea)
        if self._shown_index != s.index:
            # a new question: its own (possibly restored) text in the editor
            self._shown_index = s.index
            editor.load_text(item.text)
            editor.move_cursor(editor.document.end)
            editor.focus()
        elif self._shown_phase == THINKING and s.phase == ANSWERING and editor.text.strip() \
                and not editor.text.endswith("\n"):
            # thinking over: the answer starts on a line of its own, under the notes
            editor.insert("\n", editor.document.end)
            editor.move_cursor(editor.document.end)
        phase_changed_here = self._shown_phase != s.phase
        self._shown_phase = s.phase
        left = s.time_left()
        countdown = self.query_one("#mock-countdown", Digits)
        countdown.update(mmss(left + 0.999 if left > 0 else 0))
        countdown.set_class(0 < left <= 60 and s.phase != READING, "warn")
        countdown.set_class(0 < left <= 30 and s.phase != READING, "urgent")
        mode = ("听题" if s.listen else "看题") + ("·练习" if s.practice else "·考试")
        title = f"第 {s.index + 1}/{len(s.items)} 题"
        if q.type:
            title += f" · {sanitize_line(q.type)}"
        title += f" · {mode} · 全场剩余 {mmss(s.session_time_left() + 0.999)}"
        self.query_one("#mock-title", Static).update(Content(title))
        phase = f"{PHASE_LABELS.get(s.phase, s.phase)}（限时 {mmss(s.phase_allowed())}）"
        if s.reading_held:
            phase = f"听题（还在朗读，读完后开始思考；最多 {READING_VOICE_CAP_S // 60} 分钟）"
        if s.paused:
            phase += "  ‖ 已暂停（F4 继续）"
        hint = "" if s.reading_held else PHASE_HINT.get(s.phase, "")
        if s.phase == READING and s.listen and self.voice is None:
            # (no voice found, one that failed, or reading aloud turned off: said where the
            # candidate waits for it, not in a notice held for later)
            hint = NO_VOICE_HINT
        if s.phase == ANSWERING and s.index == len(s.items) - 1:
            hint = LAST_ANSWER_HINT
        self.query_one("#mock-phase", Static).update(Content(phase + ("  " + hint if hint else "")))
        self.query_one("#mock-warning", Static).update(Content(self.warning_text))
        prompt = self.query_one("#mock-prompt", Static)
        if s.prompt_visible:
            prompt.update(Content(sanitize(q.prompt).strip()))
            prompt.set_class(False, "hidden-prompt")
        else:
            more = "F3 再听一遍（仅一次）" if s.can_reread else "已重听过一次"
            prompt.update(Content(f"（听题：题目已隐藏。{more}）"))
            prompt.set_class(True, "hidden-prompt")
        if s.phase == ANSWERING and phase_changed_here and self.focused is not editor:
            editor.focus()  # answering begins in the editor (shift+tab still reaches the prompt)
        self._prompt_more_hint()
        self.query_one("#mock-save", Static).update(Content(self._save_status()))
        self.sub_title = "模拟面试"
        reread_state = (s.listen, s.can_reread, s.index, s.current.rereads_left)
        if reread_state != getattr(self, "_reread_state", None):
            self._reread_state = reread_state
            self.refresh_bindings()

    def _prompt_more_hint(self) -> None:
        """A prompt longer than its box (a long 情景模拟 on a small terminal): say so, and how
        to read the rest while thinking or answering."""
        box = self.query_one("#mock-prompt-box", VerticalScroll)
        more = self.session.prompt_visible and box.max_scroll_y > 0 and box.scroll_y < box.max_scroll_y
        box.border_subtitle = "题目未显示完：shift+tab 后 ↑↓ 滚动，tab 回到答题框" if more else ""
        box.set_class(more, "more")

    def on_resize(self) -> None:
        self.call_after_refresh(self._prompt_more_hint)

    def _save_status(self) -> str:
        if self.keys_held:
            return "上一题时间到：正在输入的按键不算进本题，停手一秒后再输入"
        s = self.session
        if s.phase in (READING, THINKING):  # (听题: what is typed while it is read is notes too)
            count = f"思考笔记 {count_chars(s.current.text)} 字（计分，不计作答字数）"
        else:  # what the report counts: the answer, not the notes above it
            count = f"作答 {count_chars(s.current.answer_part())} 字"
        if self.recorder is None:
            return f"{count} · 未保存（数据文件夹不可写）"
        if self.recorder.last_error:
            return f"{count} · 自动保存失败：{sanitize_line(self.recorder.last_error)}"
        return f"{count} · 已自动保存"

    # --- input -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F3 only exists in 听题, F4 only in practice mode; shown dimmed when not usable now."""
        s = self.session
        if action == "reread":
            if not s.listen or s.current.rereads_left <= 0:
                return False  # (once used, F3 leaves the footer: pressing it would do nothing)
            return True if s.can_reread else None
        if action == "pause":
            return True if s.practice else False
        return True

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "mock-answer" or self._done or self._shown_index != self.session.index:
            return
        self.session.set_text(event.text_area.text)
        if self.recorder is not None:
            self.recorder.maybe_save()
        self.query_one("#mock-save", Static).update(Content(self._save_status()))  # the 字 as typed

    def action_finish_phase(self) -> None:
        # the keys typed before ctrl+n count for this phase
        after_typed_keys(self, "#mock-answer", self._finish_phase)

    def _finish_phase(self) -> None:
        if self._done:
            return
        self._sync_text()
        # done with this phase: whatever is being read (the reading, or the F3 re-read while
        # thinking) stops; the next question's reading starts on its own
        self.silence()
        try:
            events = self.session.finish_phase()
        except SessionError as exc:
            self.notify(exc.zh, severity="warning", markup=False)
            return
        self.handle(events)

    def action_reread(self) -> None:
        try:
            self.handle(self.session.reread())
        except SessionError as exc:
            self.notify(exc.zh, severity="warning", markup=False)

    def action_pause(self) -> None:
        s = self.session
        if not s.practice:
            self.notify("考试模式不能暂停（练习模式 --practice 可以）。", severity="warning", markup=False)
            return
        if s.paused:
            s.resume()
            if self.voice is not None and (s.phase == READING or s.reread_time_left() > 0):
                # the reading (or F3's re-read) was cut by the pause: from the start again, time too
                s.restart_reading()
                s.restart_reread()
                self.read_aloud()
        else:
            s.pause()
            self.silence()
            if self.recorder is not None:
                self.recorder.maybe_save(force=True)
        self.refresh_view()

    def action_leave(self) -> None:
        from studyapp.tui.confirm import ConfirmScreen

        if self.keys_held:
            # escape in the keys typed on over a time-up (a priority binding: on_key does not
            # see it) is held like them: its dialog would take the next held 'y' as yes
            self.keys_hold.key()
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.dismiss_session()

        where = ("已保存，以后可以从剩下的时间接着做（主页按 m 或重新启动时继续）。"
                 if self.recorder is not None else "不会被保存。")
        self.app.push_screen(ConfirmScreen(f"离开模拟面试？进度{where}"), done)

    def before_quit(self, proceed) -> None:
        """ctrl+q (StudyApp.action_quit): a saved session is kept, to be resumed; one that cannot
        be saved (no data folder, saving fails) is lost with the app, so ask first."""
        if self._done:
            proceed()
            return
        self._sync_text()
        if self.recorder is not None and self.recorder.maybe_save(force=True):
            proceed()
            return
        from studyapp.tui.confirm import ConfirmScreen

        why = "数据文件夹不可用" if self.recorder is None else "自动保存失败"
        chars = sum(count_chars(it.text) for it in self.session.items)
        dialog = ConfirmScreen(f"退出 studyapp？这场模拟面试不会保存（{why}），"
                               f"已写的 {chars} 字和进度都会丢失。")
        dialog.quitting = True  # a second ctrl+q does not ask again over it (StudyApp.action_quit)
        self.app.push_screen(dialog, lambda ok: proceed() if ok else None)

    def dismiss_session(self) -> None:
        self.app.pop_screen()

    # --- the end -------------------------------------------------------------------------

    def _finish(self, *, by_timeout: bool = False) -> None:
        if self._done:
            return
        self._done = True
        from studyapp.core.report import build_report
        from studyapp.tui.report import ReportScreen

        thesauri = {p.id: p.thesaurus for p in [*self.extra_packs.values(), *self.app.packs]}
        started = None
        sid = self.recorder.session_id if self.recorder else None
        if self.recorder is not None:
            try:
                rec = self.app.store.session(sid)
                started = rec.created_at if rec else None
            except Exception:
                started = None
        report = build_report(
            self.session, thesauri=thesauri, session_id=sid, started_at=started or self.app.clock.now()
        )
        if self.recorder is not None:
            try:
                self.recorder.finish(report.results())
            except Exception as exc:
                self.notify(f"保存结果失败：{exc}", severity="error", markup=False)
        if hasattr(self.app, "_last_attempts"):
            self.app._last_attempts = None  # the home screen shows these scores
        # keys are held only from a candidate who was typing here, not under the help or a dialog
        by_timeout = by_timeout and self.app.screen is self
        # time ran out under the help or a dialog: close them, the report takes this screen's place
        while len(self.app.screen_stack) > 1 and self.app.screen is not self:
            self.app.pop_screen()
        # time ran out as the candidate typed: the next keys were meant for the answer, not the report
        self.app.switch_screen(ReportScreen(report, packs=self.extra_packs, hold_keys=by_timeout,
                                            quit_on_escape=self.from_command_line))


class MockHelpScreen(HelpScreen):
    """F1 during a mock: the help, with a line at its top saying that the clock runs on
    under it, and how much time is left (as in the exam, reading the rules costs time). The
    candidate may go on writing: a key that types (q and ? too, which close the help
    elsewhere) or a paste closes it and goes into the answer (AnswerArea.take_typed)."""

    DEFAULT_CSS = """
    MockHelpScreen #help-clock { height: auto; padding: 0 1; background: $boost; color: $text-warning;
        text-style: bold; }
    MockHelpScreen #help-clock:light { color: $text-error; }
    """

    def __init__(self, mock: MockScreen) -> None:
        super().__init__()
        self.mock = mock

    def on_mount(self) -> None:
        super().on_mount()
        self.mount(Static(Content(self.clock_line()), id="help-clock"), before="#help-body")
        self.set_interval(TICK_S, self.show_clock)

    def clock_line(self) -> str:
        s = self.mock.session
        if s.finished:
            return "模拟面试已结束：escape 返回"
        if s.paused:
            return "模拟面试已暂停：escape 回到面试，按 F4 继续"
        phase = PHASE_LABELS.get(s.phase, s.phase)
        return (f"模拟面试计时仍在进行：{phase}剩余 {mmss(s.time_left() + 0.999)}，"
                f"全场剩余 {mmss(s.session_time_left() + 0.999)} · escape 或直接打字，回到面试")

    def show_clock(self) -> None:
        self.query_one("#help-clock", Static).update(Content(self.clock_line()))

    def on_key(self, event: events.Key) -> None:
        self._to_answer(event)

    def on_paste(self, event: events.Paste) -> None:
        self._to_answer(event)

    def _to_answer(self, event: events.Key | events.Paste) -> None:
        """(the rest of a burst may arrive after the help has gone: it goes in too, in order)"""
        mock = self.mock
        if mock._done or mock.session.finished or mock.keys_held:
            return
        if AnswerArea.typed_text(event) is None:
            return
        if not self._left:
            self._left = True
            self.app.pop_screen()
        mock.query_one("#mock-answer", AnswerArea).take_typed(event)

    _left = False  # closed by typing: what follows goes to the answer as well


SETUP_HELP = ("Tab 或 ← → 切换，回车选定；Esc 取消\n"
              "自定义：填题数与秒数（空着按题目建议时间），回车开始")


# the reading of 听题 with no voice: the prompt is shown, not read out
NO_VOICE_HINT = "不朗读：记住题目，时间到后隐藏"


class MockSetupScreen(ModalScreen[MockOptions | None]):
    """Home screen's 'm': pick 3/15, 4/20 or a custom session."""

    DEFAULT_CSS = """
    MockSetupScreen { align: center middle; }
    MockSetupScreen #setup { width: 66; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; padding: 0 1; background: $surface; }
    MockSetupScreen #setup-title { text-style: bold; margin-bottom: 1; }
    MockSetupScreen #setup-presets { height: 3; }
    MockSetupScreen #setup-presets Button { margin-right: 1; min-width: 12; }
    /* one button stands out, the one enter presses: the others all look alike */
    MockSetupScreen #setup-presets Button:focus { background: $primary; color: $button-color-foreground; }
    MockSetupScreen Checkbox { border: none; padding: 0; height: 1; margin: 0; background: $surface; }
    MockSetupScreen #setup-custom { height: 3; margin-top: 1; }
    MockSetupScreen #setup-custom Input { width: 10; height: 3; }
    MockSetupScreen #setup-custom Label { height: 3; content-align: left middle; padding: 0 1 0 0; }
    MockSetupScreen #setup-error { color: $error; height: auto; }
    MockSetupScreen #setup-help { color: $text-muted; height: auto; }
    MockSetupScreen #setup-voice { color: $text-muted; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "取消"),
        # along the button row (an input field keeps its own ← →: they move its cursor)
        Binding("left", "along_buttons(-1)", show=False),
        Binding("right", "along_buttons(1)", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="setup"):
            yield Static(Content("模拟面试：选择题量与时间"), id="setup-title")
            with Horizontal(id="setup-presets"):
                for key, preset in PRESETS.items():
                    yield Button(preset.label, id=f"preset-{key.replace('/', '-')}")
                yield Button("自定义", id="custom")
                yield Button("以前的报告", id="past")
            yield Checkbox("听题（题目读完后隐藏，可重听一次）", id="listen")
            voice, about = self.app.voice()
            yield Checkbox("听题时朗读题目", value=voice is not None, disabled=voice is None, id="voice")
            yield Static(Content(f"  {about}"), id="setup-voice")
            yield Checkbox("练习模式（允许暂停）", id="practice")
            yield Checkbox("警告时响铃", value=True, id="bell")
            with Horizontal(id="setup-custom"):
                yield Label("题数")
                yield Input("2", id="count", type="integer")
                yield Label("思考秒")
                yield Input("", id="think", type="integer", placeholder="默认")
                yield Label("作答秒")
                yield Input("", id="answer", type="integer", placeholder="默认")
            yield Static("", id="setup-error")
            yield Static(Content(SETUP_HELP), id="setup-help")

    def on_mount(self) -> None:
        self.query_one("#preset-3-15").focus()

    def action_along_buttons(self, step: int) -> None:
        """← →: the previous / next button of the row (round at its ends); elsewhere nothing."""
        buttons = list(self.query("#setup-presets Button"))
        if self.focused in buttons:
            # (focused at once: several → that arrive together each move one button; with
            # focus(), set later, they all started from the same one)
            self.set_focus(buttons[(buttons.index(self.focused) + step) % len(buttons)])

    def _flags(self) -> dict:
        return {
            "listen": self.query_one("#listen", Checkbox).value,
            "practice": self.query_one("#practice", Checkbox).value,
            "bell": self.query_one("#bell", Checkbox).value,
            "voice": self.query_one("#voice", Checkbox).value,
        }

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        if bid.startswith("preset-"):
            key = bid[len("preset-"):].replace("-", "/")
            self.dismiss(MockOptions.from_preset(key, **self._flags()))
        elif bid == "custom":
            self._custom()
        elif bid == "past":  # the finished sessions' reports, to read again or export
            from studyapp.tui.report import PastMocksScreen

            self.dismiss(None)
            self.app.push_screen(PastMocksScreen())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._custom()

    def _custom(self) -> None:
        def num(wid: str, lo: int, hi: int, name: str, unit: str = "") -> int | None:
            raw = self.query_one(f"#{wid}", Input).value.strip()
            if not raw:
                return None
            try:
                v = int(raw)
            except ValueError:
                raise SessionError(f"{name}必须是整数") from None
            if not lo <= v <= hi:
                raise SessionError(f"{name}应在 {lo}–{hi} {unit}之间")
            return v

        try:
            count = num("count", 1, 20, "题数")
            if count is None:  # not 1 quietly: the candidate may have meant 10
                raise SessionError("the number of questions is empty", "请填写题数（1–20）")
            think = num("think", 1, 3600, "思考时间", "秒")
            answer = num("answer", 1, 3600, "作答时间", "秒")
            import random

            # too few questions: say so here, with the numbers still editable
            draw_questions(self.app.packs, count, rng=random.Random(0))
        except SessionError as exc:
            self.query_one("#setup-error", Static).update(Content(exc.zh))
            return
        self.dismiss(MockOptions(count=count, think=think, answer=answer, **self._flags()))

    def action_cancel(self) -> None:
        self.dismiss(None)


# --- hooks called by StudyApp -------------------------------------------------------------


def open_mock_setup(app: Any) -> None:
    """The home screen's 'm': an unfinished session is offered first; else (or once it is
    discarded) choose a preset or a custom session, then start it."""
    from studyapp.tui.resume import offer_resume

    def chosen(options: MockOptions | None) -> None:
        if options is not None:
            start_mock(app, options)

    def setup() -> None:
        app.push_screen(MockSetupScreen(), chosen)

    if not offer_resume(app, then=setup):
        setup()

