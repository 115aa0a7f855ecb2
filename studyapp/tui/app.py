"""The Textual application: screens for browsing, practising and reviewing.

``StudyApp`` holds what every screen shares (the loaded packs, the store, the
clock) and the navigation between screens. Screens call the core and render
its results; grading and the heavier widgets are imported only when a screen
needs them, so the home screen comes up fast.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding

from studyapp.core.clock import Clock, SystemClock
from studyapp.core.model import LoadResult, Pack, Question, Topic
from studyapp.core.safe_text import sanitize_line
from studyapp.tui.home import HomeScreen, group_by_type
from studyapp.tui.search import PackSearch
from studyapp.tui.overlay_fix import install_overlay_fix
from studyapp.tui.text import error_text, install_line_breaking

if TYPE_CHECKING:
    from textual.screen import Screen

# Start-up benchmark hooks (bench/bench_startup.py): exit as soon as the home
# screen is ready; append the time.time() at that moment to a file.
EXIT_ON_READY_ENV = "STUDYAPP_EXIT_ON_READY"
READY_FILE_ENV = "STUDYAPP_READY_FILE"

MAX_PROBLEMS_SHOWN = 8
THEME_SETTING = "theme"
METER_SETTING = "coverage_meter"  # the practice screen's coverage hint (F2), on or off
# ^q 退出 and ^t 主题 are in every footer, and left out (^t first) only where the screen's own
# keys need their room (F1's help lists both, and they still work)
GLOBAL_FOOTER_KEYS = ("ctrl+q", "ctrl+t")
FIND_VOICE = "find"  # StudyApp(voice=...): look for the computer's speech engine when 听题 first needs it


class StudyApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "studyapp"
    SUB_TITLE = "结构化面试练习"
    # The palette is the search over topics and questions (Textual's own system commands are
    # English and duplicate keys the footer shows: ctrl+t theme, ctrl+q quit, F1 help).
    COMMANDS = {PackSearch}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "搜索", show=False, priority=True, tooltip="搜索话题和题目"),
        Binding("ctrl+q", "quit", "退出", priority=True),
        Binding("f1", "help", "帮助", show=False),
        Binding("ctrl+t", "toggle_theme", "主题"),
    ]

    def __init__(
        self,
        packs: list[LoadResult],
        *,
        store: Any = None,
        clock: Clock | None = None,
        store_error: str | None = None,
        notices: list[str] | None = None,
        mock: Any = None,
        voice: Any = FIND_VOICE,
    ) -> None:
        super().__init__()
        install_line_breaking()  # Chinese line-break rules for every wrapped text (tui/text.py)
        install_overlay_fix()  # Chinese characters kept whole in notifications (tui/overlay_fix.py)
        self.results = list(packs)
        self.packs: list[Pack] = [r.pack for r in self.results if r.pack is not None]
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.store_error = store_error
        self.extra_notices = list(notices or ())
        self._last_attempts: dict | None = None
        self.mock_request = mock  # core.session.MockOptions from `studyapp mock`, started after mount
        # (pack id, question id) of the question last opened for practice: home's cursor goes there
        self.last_practised: tuple[str, str] | None = None
        self._restore_theme()  # before the first frame: no flash of the other theme
        # the coverage hint (F2) stays as the candidate left it, on the next question and the next run
        self.meter_on = self._saved_setting(METER_SETTING) == "on"
        # core.speech: (voice or None, a line saying which); tests give their own voice or None
        self._voice: tuple[Any, str] | None = None
        if voice is not FIND_VOICE:
            self._voice = (voice, f"朗读：{voice.name}" if voice is not None else "朗读已关闭")

    def voice(self) -> tuple[Any, str]:
        """The speech engine that reads 听题 questions aloud (core.speech), found once."""
        if self._voice is None:
            from studyapp.core.speech import find_voice

            self._voice = find_voice()
        return self._voice

    # -- start-up ---------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    def on_resize(self, event) -> None:
        self._footer_width = event.size.width  # (self.size may not have caught up yet)
        self._global_keys_in_footer()

    def _footer_needs(self, screen) -> int:
        """Columns the footer of ``screen`` takes for the screen's own keys (and ^p 搜索),
        measured as Textual's Footer draws them: ^q and ^t left out."""
        from rich.cells import cell_len
        from textual.widgets import Footer

        try:
            footer = screen.query_one(Footer)
        except Exception:  # a screen without a footer needs no room
            return 0
        compact = footer.compact
        seen: set[str] = set()
        needs = 0
        for _node, binding, _enabled, _tooltip in screen.active_bindings.values():
            if not binding.show or binding.key in GLOBAL_FOOTER_KEYS or binding.action in seen:
                continue
            seen.add(binding.action)
            needs += self._footer_key_cells(binding, compact)
        if footer.show_command_palette and self.ENABLE_COMMAND_PALETTE:
            palette = screen.active_bindings.get(self.COMMAND_PALETTE_BINDING)
            if palette is not None:
                text = cell_len(self.get_key_display(palette[1])) + 1 + cell_len(palette[1].description)
                needs += text + (2 if compact else 4)  # its border, margin or padding
        return needs

    def _footer_key_cells(self, binding, compact: bool) -> int:
        from rich.cells import cell_len

        # compact: "key desc" and a margin; otherwise " key " "desc "
        return cell_len(self.get_key_display(binding)) + cell_len(binding.description) + 2 + (0 if compact else 1)

    def _global_keys_in_footer(self, _screen=None) -> None:
        """^q 退出 and then ^t 主题 in the footer when the screen on top leaves room for them
        (they still work without their hint, and F1's help lists them): the screen's own
        keys get the room first, none cut in two; ^q, the way out, is the last to go."""
        import dataclasses

        if not self.screen_stack:
            return
        screen = self.screen
        if not screen.is_running:  # a screen being pushed: measure it once it is up
            self.call_after_refresh(self._global_keys_in_footer)
            return
        if self._watch_bindings_of(screen):  # (its footer is composed after this)
            self.call_after_refresh(self._global_keys_in_footer)
        room = getattr(self, "_footer_width", self.size.width) - self._footer_needs(screen)
        try:
            from textual.widgets import Footer

            compact = screen.query_one(Footer).compact
        except Exception:
            compact = True
        changed = False
        for key in GLOBAL_FOOTER_KEYS:
            bindings = self._bindings.key_to_bindings.get(key, [])
            if not bindings:
                continue
            room -= self._footer_key_cells(bindings[0], compact)
            show = room >= 0
            if any(b.show != show for b in bindings):
                self._bindings.key_to_bindings[key] = [dataclasses.replace(b, show=show) for b in bindings]
                changed = True
        if changed:
            screen.refresh_bindings()

    def _watch_bindings_of(self, screen) -> bool:
        """Measure the footer again whenever ``screen``'s keys change (a mode, the focus);
        True the first time ``screen`` is seen."""
        import weakref

        watched = self.__dict__.setdefault("_footer_watched", weakref.WeakSet())
        if screen in watched:
            return False
        watched.add(screen)
        screen.bindings_updated_signal.subscribe(self, self._global_keys_in_footer, immediate=True)
        return True

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._global_keys_in_footer, immediate=True)
        self._global_keys_in_footer()
        # the notices of the start are held while a mock interview (or the question whether to
        # go on with one) is on screen, and shown once the home screen or a mock's report is:
        # nothing lies over a question or a clock that runs
        self._held_notices = []
        self.screen_change_signal.subscribe(self, self._show_held_notices)
        for result in self.results:
            if result.problems:
                self._notify_problems(result)
        damaged = None
        if self.store is None and self.store_error:
            from studyapp.core.store import Store

            damaged = Store.damaged_file()  # (only reads) a damaged file can be moved aside
            if damaged is None:
                self._notice(
                    f"{self.store_error}\n练习记录不会被保存。",
                    title="无法写入数据文件夹",
                    severity="warning",
                    timeout=15,
                    markup=False,
                )
        for notice in self.extra_notices:
            self._notice(notice, severity="warning", timeout=15, markup=False)
        self._claim_folder()
        if damaged is not None:
            self._offer_new_database(damaged)
        else:
            self._resume_mock()
        self._show_held_notices()

    _held_notices: list | None = None  # notices of the start not shown yet (None: all shown)

    def _notice(self, *args: Any, **kwargs: Any) -> None:
        """A notice of the start: shown now, or held (on_mount) until the home screen (or a
        mock's report) is up."""
        if self._held_notices is not None:
            self._held_notices.append((args, kwargs))
        else:
            self.notify(*args, **kwargs)

    def _show_held_notices(self, _screen: Any = None) -> None:
        if self._held_notices is None or not self.screen_stack or not getattr(self.screen, "NOTICES_WELCOME", False):
            return
        held, self._held_notices = self._held_notices, None
        for args, kwargs in held:
            self.notify(*args, **kwargs)

    def _resume_mock(self) -> None:
        if self.store is not None or self.mock_request is not None:
            # an interrupted mock interview is offered first, then `studyapp mock`'s session
            from studyapp.tui.resume import on_app_mount

            on_app_mount(self, self.mock_request)

    def _offer_new_database(self, damaged: Any) -> None:
        """The database file is damaged: offer to rename it (kept, never deleted) and start a
        new one; either way the app goes on (without saving if the answer is no)."""
        from studyapp.core.store import Store, StoreError
        from studyapp.tui.confirm import ConfirmScreen

        path = damaged.path
        reason = damaged.zh.split("；")[0]  # the file and what is wrong (the advice is the question)

        def done(ok: bool | None) -> None:
            if ok:
                try:
                    moved = Store.move_aside(path, self.clock)
                    self.store = Store.open(path, clock=self.clock)
                except StoreError as exc:
                    self.notify(f"{exc.zh}\n练习记录不会被保存。", title="数据文件已损坏", severity="error",
                                timeout=30, markup=False)
                else:
                    self.store_error = None
                    self._claim_folder()
                    self.notify(
                        f"损坏的文件已改名为 {moved.name}（在 {moved.parent}，原样保留）；"
                        "新建了数据文件，练习记录从现在起会保存。",
                        title="已新建数据文件",
                        timeout=15,
                        markup=False,
                    )
            else:
                self.notify(
                    f"{reason}\n练习记录不会被保存。下次启动 studyapp 时会再问。",
                    title="数据文件已损坏",
                    severity="warning",
                    timeout=30,
                    markup=False,
                )
            self._resume_mock()

        self.push_screen(
            ConfirmScreen(
                f"数据文件已损坏\n\n{reason}\n\n把它改名为 {path.name}.damaged-日期时间 留在原处（不会删除），"
                "并新建一个数据文件？\n选“否”则这次不保存练习记录。"
            ),
            done,
        )

    def _claim_folder(self) -> None:
        """Say when another studyapp uses the same data folder (core/store.py FolderLock)."""
        if self.store is None or getattr(self, "_folder_lock", None) is not None:
            return
        from studyapp.core.store import FolderLock

        self._folder_lock, other = FolderLock.claim(self.store.path.parent)
        if other is not None:
            who = f"（进程 {other}）" if other else ""
            self._notice(
                f"另一个 studyapp{who}正在使用这个数据文件夹（{self.store.path.parent}）。"
                "两边都可以练习：同一道题的草稿不会互相覆盖，后保存的一边另存一份，"
                "再打开这道题时两份都会恢复。",
                title="另一个 studyapp 正在运行",
                severity="warning",
                timeout=20,
                markup=False,
            )

    def on_unmount(self) -> None:
        lock = getattr(self, "_folder_lock", None)
        if lock is not None:
            lock.release()
            self._folder_lock = None

    def on_ready(self) -> None:
        ready_file = os.environ.get(READY_FILE_ENV)
        if ready_file:
            import time

            with open(ready_file, "a", encoding="utf-8") as f:
                f.write(f"{time.time()}\n")
        if os.environ.get(EXIT_ON_READY_ENV):
            self.exit()

    def _notify_problems(self, result: LoadResult) -> None:
        problems = result.problems
        lines = [sanitize_line(p.format()) for p in problems[:MAX_PROBLEMS_SHOWN]]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            lines.append(f"… 另有 {len(problems) - MAX_PROBLEMS_SHOWN} 个问题（studyapp validate 可列出全部）")
        if result.pack is None:
            title = "题包无法加载"
            severity = "error"
        else:
            name = sanitize_line(result.pack.title or result.pack.id)
            n_err, n_warn = len(result.errors), len(result.warnings)
            if not n_err:
                # warnings only: every topic and question is there; the details are the pack
                # author's (studyapp validate), not a line of YAML for a candidate to read
                self._notice(
                    f"题包「{name}」有 {n_warn} 个警告，题目都已载入（作者可用 studyapp validate 查看）。",
                    timeout=8,
                    markup=False,
                )
                return
            title = f"题包「{name}」：{n_err} 个错误，{n_warn} 个警告；其余内容已加载"
            severity = "error"
        self._notice("\n".join(lines), title=title, severity=severity, timeout=20, markup=False)

    # -- shared data ------------------------------------------------------

    def last_attempts(self) -> dict:
        """(pack_id, question_id) -> the newest Attempt with something written; empty without a store.

        A question skipped in a mock interview (nothing typed, graded 0) is not an answer: it
        does not replace the score of the last time the question was answered."""
        if self.store is None:
            return {}
        if self._last_attempts is None:
            try:
                last = self.store.last_attempts()
                for key, attempt in list(last.items()):
                    if not attempt.answer.strip():
                        written = self.store.attempts(pack_id=key[0], question_id=key[1])
                        found = next((a for a in written if a.answer.strip()), None)
                        if found is None:
                            del last[key]
                        else:
                            last[key] = found
                self._last_attempts = last
            except Exception as exc:  # a broken database must not stop browsing
                self.notify(f"读取练习记录失败：{error_text(exc)}", severity="warning", markup=False)
                self._last_attempts = {}
        return self._last_attempts

    def drafts(self) -> set:
        """(pack_id, question_id) of the questions with an answer being written; none without a store."""
        if self.store is None:
            return set()
        try:
            return self.store.draft_keys()
        except Exception:  # a broken database must not stop browsing
            return set()

    def save_attempt(
        self, pack: Pack, question: Question, answer: str, grading: Any, duration_s: float | None
    ) -> int | None:
        """Store one graded answer; None when there is no store or saving fails (why: in
        ``save_error``), never a crash."""
        if self.store is None:
            return None
        from studyapp.core.store import grading_basis

        try:
            attempt_id = self.store.save_attempt(
                pack_id=pack.id,
                question_id=question.id,
                answer=answer,
                score=grading.score,
                grading=grading.to_dict(),
                duration_s=duration_s,
                basis=grading_basis(question),  # what it was graded against (tui/attempts.py)
            )
        except Exception as exc:  # the caller says it (practice stays in the editor)
            self.save_error = error_text(exc)
            return None
        self._last_attempts = None
        return attempt_id

    def pack_of(self, pack_id: str) -> Pack | None:
        return next((p for p in self.packs if p.id == pack_id), None)

    def questions_of_topic(self, pack: Pack, topic: Topic) -> list[Question]:
        return [q for q in pack.questions if q.topic == topic.id]

    def first_question(self, pack: Pack) -> Question | None:
        """The first question in home's order (by type)."""
        return next((q for _, group in group_by_type(pack.questions) for q in group), None)

    def next_question(self, pack: Pack, question: Question) -> Question | None:
        """The question after ``question`` in home's order (by type), wrapping round."""
        qs = [q for _, group in group_by_type(pack.questions) for q in group]
        for i, q in enumerate(qs):
            if q.id == question.id:
                return qs[i + 1] if i + 1 < len(qs) else (qs[0] if len(qs) > 1 else None)
        return None

    # -- navigation ---------------------------------------------------------

    def open_topic(self, pack: Pack, topic: Topic) -> None:
        from studyapp.tui.topic import TopicScreen

        self.push_screen(TopicScreen(pack, topic))

    def open_question(self, pack: Pack, question: Question, *, replace: bool = False, **practice: Any) -> None:
        """Open a question for practice (over the screen on top, or in its place with
        ``replace``: the review's 下一题); one already being answered (search, 下一题 or 再答一次
        finding the question open below) is gone back to, not opened twice: two editors on
        one draft. ``practice``: PracticeScreen's keywords (the outline to answer again)."""
        from studyapp.tui.practice import PracticeScreen

        at = self.open_practice(pack.id, question.id)
        if at is None:
            screen = PracticeScreen(pack, question, **practice)
            if replace:
                self.switch_screen(screen)
            else:
                self.push_screen(screen)
            return
        stack = self.screen_stack
        above = stack[at + 1:]
        # an answer to another question above it is kept as its draft first; if it cannot be
        # (no data folder, saving fails), the candidate is told where the question is instead
        unsaved = [s for s in above if isinstance(s, PracticeScreen) and not s.keep_as_draft()]
        if unsaved:
            self.notify(
                "这道题已经打开着，在另一道题的作答界面下面；那道题的答案还没能保存，"
                "先提交或返回（escape）那道题，就回到这道题了。",
                severity="warning",
                markup=False,
            )
            return
        for _ in above:
            self.pop_screen()
        kept = "；上面那道题的答案已存为草稿，再打开它时会恢复" if any(isinstance(s, PracticeScreen) for s in above) else ""
        self.notify(f"这道题已经打开着：回到了你正在写的答案{kept}。", markup=False)

    def open_practice(self, pack_id: str, question_id: str, but: Any = None) -> int | None:
        """Where on the screen stack the question is being answered (a practice screen other
        than ``but``), or None."""
        from studyapp.tui.practice import PracticeScreen

        return next(
            (i for i, s in enumerate(self.screen_stack)
             if isinstance(s, PracticeScreen) and s is not but
             and (s.pack.id, s.question.id) == (pack_id, question_id)),
            None,
        )

    def action_help_quit(self) -> None:
        """ctrl+c (where nothing is selected to copy): say in the app's language how to quit."""
        self.notify("按 ctrl+q 退出（没有提交的答案会留作草稿）", title="要退出吗？", markup=False)

    def action_help(self) -> None:
        """F1. Over an answer being written (the practice screen, or its reference answer:
        their ``typing_goes_to``), what is typed on the help goes into that answer."""
        from studyapp.tui.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            answer = getattr(self.screen, "typing_goes_to", lambda: None)()
            self.push_screen(HelpScreen(answer))

    async def action_quit(self) -> None:
        """Quit; every screen on the stack holding work (an answer not submitted), whatever
        is above it (help, search, a dialog), keeps it or asks first, top screen first,
        through its ``before_quit(proceed)``; a "no" to any question stays."""
        if getattr(self.screen, "quitting", False):
            return  # the question about quitting is on screen: y or n answers it
        holders = [s for s in reversed(self.screen_stack) if hasattr(s, "before_quit")]

        def step(i: int) -> None:
            if i == len(holders):
                self.exit()
            else:
                holders[i].before_quit(lambda: step(i + 1))

        step(0)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "command_palette" and not getattr(self.screen, "ALLOW_SEARCH", True):
            return False
        return super().check_action(action, parameters)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from studyapp.tui.search import search_palette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(search_palette(placeholder="搜索话题和题目（题型、题干、标签）…", id="--command-palette"))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"
        if self.store is not None:  # kept for the next start
            try:
                self.store.set_setting(THEME_SETTING, self.theme)
            except Exception as exc:  # StoreError: the theme still changes for this run
                self.notify(f"无法保存主题设置：{error_text(exc)}", severity="warning", markup=False)

    def _saved_setting(self, key: str) -> str | None:
        if self.store is None:
            return None
        try:
            return self.store.setting(key)
        except Exception:  # a broken store is said elsewhere; the default is fine
            return None

    def set_meter(self, on: bool) -> None:
        """Turn the practice screen's coverage hint on or off, for later questions and runs too."""
        self.meter_on = on
        if self.store is not None:
            try:
                self.store.set_setting(METER_SETTING, "on" if on else "off")
            except Exception as exc:  # StoreError: the hint still changes for this run
                self.notify(f"无法保存覆盖提示设置：{error_text(exc)}", severity="warning", markup=False)

    def _restore_theme(self) -> None:
        """The theme chosen last time (ctrl+t), if it is one this Textual knows."""
        if self.store is None:
            return
        try:
            saved = self.store.setting(THEME_SETTING)
        except Exception:  # a broken store is said elsewhere; the default theme is fine
            return
        if saved in ("textual-light", "textual-dark") and saved in self.available_themes:
            self.theme = saved

    def action_mock(self) -> None:
        """Start a timed mock interview: presets 3/15, 4/20 or custom (studyapp/tui/mock.py)."""
        from studyapp.tui.mock import open_mock_setup

        open_mock_setup(self)
