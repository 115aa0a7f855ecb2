"""A question's past answers (home screen, `h`): newest first; each opens its review again.

A thin layer over the store: ``Store.attempts()`` gives the answers and the gradings saved
with them, the review screen shows one. The saved grading is outside input (the database
file): one that does not fit the question any more (damaged, or the pack's key points have
changed since) is not shown as it was; the saved answer is graded again by the core's
grader instead, and the review says so.
"""
from __future__ import annotations

import math
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from studyapp.core.model import Pack, Question
from studyapp.core.report import count_chars
from studyapp.core.safe_text import sanitize_line
from studyapp.tui.home import fit_cells
from studyapp.tui.review import ReviewScreen
from studyapp.tui.text import error_text, mmss, short

MAX_SHOWN = 500  # attempts listed for one question (newest)
# the table's cells before the outline's first line (time 16, score, time used, characters,
# practice or mock, each with a cell of padding either side, and a scrollbar); that line
# takes the rest of the width, at least MIN_OUTLINE_CELLS
OTHER_COLUMNS_CELLS = 48
MIN_OUTLINE_CELLS = 12
STATUSES = ("covered", "partial", "missed")


def when_text(attempt: Any) -> str:
    """'2026-11-28 14:05', in the computer's time zone."""
    when = attempt.created_at
    try:
        when = when.astimezone()
    except (AttributeError, ValueError, OverflowError):
        pass
    return when.strftime("%Y-%m-%d %H:%M") if hasattr(when, "strftime") else str(when)


def first_line(answer: str) -> str:
    """The outline's first line with something on it, as one safe line."""
    for line in answer.splitlines():
        line = sanitize_line(line).strip()
        if line:
            return line
    return ""


def stored_grading(data: Any, answer: str, question: Question) -> Any:
    """The saved grading as the core's ``Grading``, or None if it cannot be shown as it was:
    not the shape ``Grading.to_dict()`` writes, spans outside the answer, or key points that
    are not the question's (the pack changed since)."""
    from studyapp.core.grading import Grading, PointVerdict

    if not isinstance(data, dict):
        return None
    score, points = data.get("score"), data.get("points")
    if type(score) not in (int, float) or not math.isfinite(score) or not 0 <= score <= 100:
        return None
    if not isinstance(points, list):
        return None
    weights = {kp.id: kp.weight for kp in question.key_points}
    verdicts = []
    for p in points:
        if not isinstance(p, dict):
            return None
        pid, status, evidence = p.get("id"), p.get("status"), p.get("evidence", [])
        matched, missing, reason = p.get("matched", []), p.get("missing", []), p.get("reason", "")
        if not isinstance(pid, str) or pid not in weights or status not in STATUSES:
            return None
        if not isinstance(reason, str) or not isinstance(evidence, list):
            return None
        written = p.get("written", [])  # (gradings saved before it was kept have none)
        if not all(isinstance(x, list) and all(isinstance(t, str) for t in x) for x in (matched, missing, written)):
            return None
        if written and len(written) != len(matched):
            written = []
        spans = []
        for span in evidence:
            if not (isinstance(span, list) and len(span) == 2 and all(type(v) is int for v in span)):
                return None
            start, end = span
            if not 0 <= start < end <= len(answer):
                return None
            spans.append((start, end))
        verdicts.append(
            PointVerdict(pid, status, tuple(spans), tuple(matched), tuple(missing), reason, weights[pid],
                         tuple(written))
        )
    if sorted(v.id for v in verdicts) != sorted(weights):
        return None  # a point missing, twice, or the question's points are not these any more
    return Grading(float(score), tuple(verdicts))


def review_of(pack: Pack, question: Question, attempt: Any) -> tuple[Any, str | None]:
    """(grading, a note or None) for a past attempt: the grading saved with it, else the
    saved answer graded again now; (None, why) if neither can be had."""
    grading = stored_grading(attempt.grading, attempt.answer, question)
    if grading is not None:
        return grading, None
    try:
        from studyapp.core.grading import Grader

        grading = Grader(question, thesaurus=pack.thesaurus).grade(attempt.answer)
    except Exception as exc:  # noqa: BLE001 -- a past answer must never crash the app
        return None, f"这次作答保存的评分无法显示，也无法重新评分：{error_text(exc)}"
    return grading, (
        f"这次作答保存的评分无法按原样显示（记录损坏，或题目的采分点改过），"
        f"下面是按现在的评分规则重新评的分：{round(grading.score)} 分（当时 {round(attempt.score)} 分）。"
    )


def load_attempts(app: Any, pack: Pack, question: Question) -> list | None:
    """The question's attempts, newest first; None (after a notice) if there is no history."""
    if app.store is None:
        app.notify("没有可用的数据文件夹，练习记录没有保存。", severity="warning", markup=False)
        return None
    try:
        return app.store.attempts(pack_id=pack.id, question_id=question.id, limit=MAX_SHOWN)
    except Exception as exc:  # a broken database must not stop browsing
        app.notify(f"读取练习记录失败：{error_text(exc)}", severity="warning", markup=False)
        return None


def open_attempts(app: Any, pack: Pack, question: Question) -> None:
    """Push the list of ``question``'s past answers; a notice if there are none."""
    attempts = load_attempts(app, pack, question)
    if attempts is None:
        return
    if not attempts:
        app.notify("这道题还没有作答记录。", markup=False)
        return
    app.push_screen(AttemptsScreen(pack, question, attempts))


class PastReviewScreen(ReviewScreen):
    """The review of an answer given earlier: what was saved, nothing saved again."""

    def __init__(self, pack: Pack, question: Question, attempt: Any, grading: Any) -> None:
        super().__init__(
            pack, question, attempt.answer, grading, duration_s=attempt.duration_s, attempt_id=attempt.id
        )
        self.past = attempt

    def on_mount(self) -> None:
        # after ReviewScreen's own on_mount (Textual runs the base class's handler next)
        self.call_later(self._name_the_attempt)

    def _name_the_attempt(self) -> None:
        self.sub_title = f"{when_text(self.past)} 的作答 · " + short(self.question.prompt, 20)

    def outline_title(self) -> str:
        return f"{when_text(self.past)} 的提纲"  # not 上一次: an older one may have been chosen


class AttemptsScreen(Screen):
    DEFAULT_CSS = """
    AttemptsScreen #attempts-title { padding: 0 1; height: auto; }
    AttemptsScreen #attempts-table { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回"),
        Binding("question_mark", "app.help", "帮助"),
    ]

    def __init__(self, pack: Pack, question: Question, attempts: list) -> None:
        super().__init__()
        self.pack = pack
        self.question = question
        self.attempts = list(attempts)
        self._outline_cells = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="attempts-title")
        table: DataTable = DataTable(id="attempts-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "历次作答 · " + short(self.question.prompt, 24)
        self._fill()
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        # back from answering again (t in a review): the new answer is listed first
        attempts = load_attempts(self.app, self.pack, self.question)
        if attempts is not None and [a.id for a in attempts] != [a.id for a in self.attempts]:
            self.attempts = attempts
            self._fill()

    def on_resize(self, event: events.Resize) -> None:
        if self._outline_cells and self._cells() != self._outline_cells:  # (filled on mount first)
            self._fill()

    def _cells(self) -> int:
        return max(MIN_OUTLINE_CELLS, self.size.width - OTHER_COLUMNS_CELLS)

    def _fill(self) -> None:
        n = len(self.attempts)
        self._outline_cells = cells = self._cells()
        title = Text()
        title.append(sanitize_line(self.question.type) or "题目", style="bold")
        # the prompt in up to two lines of the screen's width (a wide terminal shows all of it)
        title.append("  " + fit_cells(self.question.prompt, max(60, 2 * self.size.width - 16)))
        title.append(f"\n共 {n} 次作答，最新的在上面；回车打开当时的点评。", style="dim")
        self.query_one("#attempts-title", Static).update(title)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        # the outline's column is as wide as what is left of the screen (it would be cut unseen)
        table.add_columns("时间", "得分", "用时", "字数", "方式", "提纲第一行")
        for i, a in enumerate(self.attempts):
            line = first_line(a.answer)
            table.add_row(
                when_text(a),
                Text(f"{round(a.score):>3}", justify="right"),
                "–" if a.duration_s is None else mmss(a.duration_s),
                Text(str(count_chars(a.answer)), justify="right"),
                "模拟" if a.session_id is not None else "练习",
                # Text, not str: a str cell would be read as markup
                Text(fit_cells(line, cells)) if line else Text("（没有作答）", style="dim"),
                key=str(i),
            )
        if 0 < row < n:
            table.move_cursor(row=row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_review(event.cursor_row)

    def open_review(self, row: int) -> None:
        if not 0 <= row < len(self.attempts):
            return
        attempt = self.attempts[row]
        grading, note = review_of(self.pack, self.question, attempt)
        if grading is None:
            self.notify(note or "这次作答的评分无法显示。", severity="warning", markup=False)
            return
        self.app.push_screen(PastReviewScreen(self.pack, self.question, attempt, grading))
        if note:
            self.app.notify(note, severity="warning", timeout=10, markup=False)
