"""At start-up: an interrupted mock interview is offered first. Enter resumes; an ordinary key
(a letter, space, escape …) discards it, after a confirmation; the keys of every screen (F1,
ctrl+t, ctrl+q) keep their meaning."""
from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from studyapp.core.store import SessionRecord
from studyapp.tui.text import error_text, mmss, short

RESUME = "resume"
DISCARD = "discard"
DISCARD_ALL = "discard-all"  # this one and the older unfinished sessions under it


DAMAGED = "上次的模拟面试没有完成，但保存的记录已损坏，看不到详情。"
DISCARD_LINE = "字母、空格或 escape：放弃它（会再确认一次）"
KEYS_LINE = "F1 帮助 · ctrl+t 主题 · ctrl+q 退出（这场面试留着，下次再问）"
CHOICES = ["", "回车：尝试继续这场面试", DISCARD_LINE, KEYS_LINE]
# keys that mean "discard" besides the printable ones; function keys, ctrl+…, arrows do not
DISCARD_KEYS = frozenset({"escape", "space", "backspace", "delete"})


def describe(record: SessionRecord) -> str:
    """What the dialog says about the interrupted session. The database is outside input:
    a damaged or edited record gives a short notice instead of a crash at every start."""
    try:
        return _describe(record)
    except Exception:
        return "\n".join([DAMAGED, *CHOICES])


def _describe(record: SessionRecord) -> str:
    from studyapp.core.session import PHASE_LABELS  # only when there is something to resume

    state = record.state or {}
    idx = int(state.get("index", 0))
    items = state.get("items") or []
    n = len(items) or len(record.questions)
    cur = items[idx] if 0 <= idx < len(items) else {}
    phase = PHASE_LABELS.get(cur.get("phase", ""), cur.get("phase", ""))
    if not isinstance(phase, str):
        raise ValueError("phase")
    allowed = {"reading": "reading_s", "thinking": "think_s", "answering": "answer_s"}.get(cur.get("phase", ""))
    left = None
    if allowed and allowed in cur:
        left = max(0.0, float(cur[allowed]) - float(state.get("phase_elapsed", 0.0)))
    from studyapp.core.report import count_chars

    chars = sum(count_chars(str(it.get("text", ""))) for it in items)
    when = record.updated_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    lines = [
        "上次的模拟面试还没有完成。",
        "",
        f"最后保存：{when}",
        f"进度：第 {idx + 1}/{n} 题 · {phase}" + (f" · 剩余 {mmss(left)}" if left is not None else ""),
        f"已输入：{chars} 字",
    ]
    if 0 <= idx < len(items):
        if state.get("listen") and cur.get("phase") != "reading":
            lines.append("题目：（听题，题目不在这里显示）")  # as in the exam: heard, not read
        else:
            lines.append(f"题目：{short(str(items[idx].get('prompt', '')), 40)}")
    lines += ["", "回车：继续这场面试（从保存时剩余的时间继续）", DISCARD_LINE, KEYS_LINE]
    return "\n".join(lines)


class ResumeScreen(ModalScreen[str]):
    ALLOW_SEARCH = False  # answer the question first (StudyApp.check_action)
    # a modal screen hides the app's own bindings (ctrl+q, a priority one, still works)
    BINDINGS = [
        Binding("f1", "app.help", "帮助", show=False),
        Binding("ctrl+t", "app.toggle_theme", "主题", show=False),
    ]
    DEFAULT_CSS = """
    ResumeScreen { align: center middle; }
    ResumeScreen #resume { width: 70; max-width: 100%; height: auto; max-height: 100%;
        border: thick $warning; padding: 1 2; background: $surface; }
    /* a split pane or a small window: the lines wrap inside the dialog, none is cut */
    ResumeScreen #resume-text { width: 1fr; }
    """

    def __init__(self, record: SessionRecord, older: int = 0) -> None:
        """``older``: how many earlier sessions are unfinished too (killed, or left in
        another studyapp): giving this one up can give them up with it."""
        super().__init__()
        self.record = record
        self.older = older
        self._confirming = False

    def compose(self) -> ComposeResult:
        text = describe(self.record)
        if self.older:
            text += f"\n（另有 {self.older} 场更早的模拟面试也没有完成：放弃时可以一并放弃）"
        with Vertical(id="resume"):
            yield Static(Content(text), id="resume-text")

    def on_key(self, event: events.Key) -> None:
        if self._confirming:
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.dismiss(RESUME)
            return
        if event.key == "ctrl+p":  # (no search until this is answered: StudyApp.check_action)
            event.stop()
            self.notify("先决定这场模拟面试：回车继续，或按字母键放弃；之后就能搜索。", markup=False)
            return
        if not (event.is_printable or event.key in DISCARD_KEYS):
            return  # F1, ctrl+t, ctrl+q keep their meaning (the app's bindings); others do nothing
        event.stop()
        event.prevent_default()
        from studyapp.tui.confirm import ChoiceScreen, ConfirmScreen

        def done(yes: bool | str | None) -> None:
            self._confirming = False
            if yes is True or yes == DISCARD:
                self.dismiss(DISCARD)
            elif yes == DISCARD_ALL:
                self.dismiss(DISCARD_ALL)

        self._confirming = True
        if self.older:
            # (one question for all of them, not the next older one offered at every start)
            self.app.push_screen(
                ChoiceScreen(
                    f"放弃这场未完成的模拟面试？更早的 {self.older} 场也没有完成。已输入的内容将不再提示恢复。",
                    [("no", "不放弃", "n"), (DISCARD, "只放弃这一场", "y"),
                     (DISCARD_ALL, f"全部放弃（{self.older + 1} 场）", "a")],
                    cancel="no",
                ),
                done,
            )
            return
        self.app.push_screen(ConfirmScreen("确定放弃这场未完成的模拟面试？已输入的内容将不再提示恢复。"), done)


def folder_in_use(app: Any) -> bool:
    """Another studyapp holds the data folder (the studyapp.lock the app claims at its start,
    core/store.py FolderLock; the app has said so): an unfinished session may be running
    there. Claimed again here only when the app does not hold it (the other may have ended)."""
    if getattr(app, "_folder_lock", None) is not None:
        return False
    from studyapp.core.store import FolderLock

    lock, other = FolderLock.claim(app.store.path.parent)
    if lock is not None:
        app._folder_lock = lock  # the other app has ended since: this one holds the folder now
    return other is not None


IN_USE = ("上次没做完的模拟面试可能正在另一个 studyapp 里进行：这里不提供继续"
          "（那边退出后，在主页按 m 会问是否继续）。")


def offer_resume(app: Any, then=None) -> bool:
    """If the store holds an unfinished session, ask about it (then call ``then()`` if it is discarded).
    Not while another studyapp uses the data folder: the session may be running there.

    Returns whether a dialog was shown.
    """
    if app.store is None:
        return False
    try:
        record = app.store.unfinished_session()
    except Exception as exc:  # StoreError: a notice, the app goes on
        app.notify(f"读取未完成的模拟面试失败：{error_text(exc)}", severity="warning", markup=False)
        return False
    if record is None:
        return False
    if folder_in_use(app):
        app.notify(IN_USE, severity="warning", markup=False, timeout=10)
        return False
    try:
        from studyapp.core.store import ACTIVE

        older = [s.id for s in app.store.sessions(status=ACTIVE) if s.id != record.id]
    except Exception:  # (a record that cannot be read: this one is still offered)
        older = []

    def chosen(choice: str | None) -> None:
        from studyapp.tui.mock import resume_mock

        if choice == RESUME:
            if resume_mock(app, record):
                return
        try:
            for session_id in [record.id, *(older if choice == DISCARD_ALL else [])]:
                app.store.discard_session(session_id)
        except Exception as exc:
            app.notify(f"无法标记为放弃：{exc}", severity="warning", markup=False)
        if then is not None:
            then()

    app.push_screen(ResumeScreen(record, older=len(older)), chosen)
    return True


def on_app_mount(app: Any, requested: Any = None) -> None:
    """At start: an interrupted session is offered first; then the session asked for (``studyapp mock``).

    Called from ``StudyApp.on_mount``; the mock screens are imported only when needed,
    so a plain start stays fast.
    """

    def then() -> None:
        if requested is not None:
            from studyapp.tui.mock import start_mock

            start_mock(app, requested)

    if not offer_resume(app, then=then):
        then()
