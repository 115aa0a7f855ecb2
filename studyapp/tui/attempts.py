"""A question's past answers (home screen, `h`): newest first; each opens its review again.

A thin layer over the store: ``Store.attempts()`` gives the answers and the gradings saved
with them, the review screen shows one. The saved grading is outside input (the database
file): one that does not fit the question any more (the key points changed since, or the
record is damaged; core/pastgrading.py decides) is not shown as it was; the saved answer is
graded again by the core's grader instead, the list shows that score beside the one saved
then ('54（当时 100）'), and the review says which of the two happened.
"""
from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from studyapp.core.model import Pack, Question
from studyapp.core.pastgrading import CHANGED, FAILED, PastGrading, past_grading, shown_score
from studyapp.core.report import count_chars
from studyapp.core.safe_text import sanitize_line
from studyapp.core.session import saved_notes, split_notes
from studyapp.tui.home import fit_cells
from studyapp.tui.review import ReviewScreen
from studyapp.tui.text import error_text, mmss, short

MAX_SHOWN = 500  # attempts listed for one question (newest)
# the table's cells before the outline's first line (time 16, score, time used, characters,
# practice or mock, each with a cell of padding either side, and a scrollbar); that line
# takes the rest of the width, at least MIN_OUTLINE_CELLS
OTHER_COLUMNS_CELLS = 48
MIN_OUTLINE_CELLS = 12


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


def note_of(past: PastGrading) -> str | None:
    """What a review of a past attempt says about its grading: None when it is the one saved."""
    if past.why == FAILED:
        return f"这次作答保存的评分无法显示，也无法重新评分：{error_text(past.error)}"
    if not past.regraded:
        return None
    scores = f"{round(past.score)} 分（当时 {round(past.then)} 分）"
    if past.why == CHANGED:
        return (
            "这道题的采分点在这次作答之后改过（要点的文字、关键词或权重），保存的评分已不适用；"
            f"下面是按现在的采分点重新评的分：{scores}。"
        )
    return f"这次作答保存的评分记录已损坏，无法按原样显示；下面是按现在的评分规则重新评的分：{scores}。"


def score_cell(past: PastGrading) -> str:
    """The score a list shows for a past attempt: the review's, and the one saved then when
    it was graded again to another score ('54（当时 100）')."""
    now, then = round(past.score), round(past.then)
    return f"{now}（当时 {then}）" if past.regraded and now != then else str(now)


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
    """The review of an answer given earlier: what was saved, nothing saved again. Graded
    again (``regraded``: a ``PastGrading``), its score line says so and gives the score then.
    A mock's answer is measured without its thinking notes (``notes``), as its report was."""

    def __init__(
        self, pack: Pack, question: Question, attempt: Any, grading: Any, regraded: PastGrading | None = None,
        notes: str = "",
    ) -> None:
        super().__init__(
            pack, question, attempt.answer, grading, duration_s=attempt.duration_s, attempt_id=attempt.id,
            notes=notes,
        )
        self.past = attempt
        self.regraded = regraded if regraded is not None and regraded.regraded else None

    def _score_line(self, styles: Any) -> Text:
        summary = super()._score_line(styles)
        if self.regraded is not None:
            why = "采分点改过，已重新评分" if self.regraded.why == CHANGED else "记录损坏，已重新评分"
            summary.append(f"   {why}（当时 {round(self.regraded.then)} 分）", style=styles("review--partial"))
        return summary

    def on_mount(self) -> None:
        # after ReviewScreen's own on_mount (Textual runs the base class's handler next)
        self.call_later(self._name_the_attempt)

    def _name_the_attempt(self) -> None:
        self.sub_title = f"{when_text(self.past)} 的作答 · " + short(self.question.prompt, 20)

    def outline_title(self) -> str:
        return f"{when_text(self.past)} 的提纲"  # not 上一次: an older one may have been chosen


class AttemptsTable(DataTable):
    """The list of attempts: a row per answer and no columns to scroll to, so Home / End go
    to the first (newest) and the last (oldest) answer, as ctrl+home / ctrl+end do."""

    BINDINGS = [
        Binding("home", "scroll_top", "最新", show=False),
        Binding("end", "scroll_bottom", "最早", show=False),
    ]


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
        self._pasts: dict[int, PastGrading] = {}  # attempt id -> as shown (core/pastgrading.py)
        self._score_cells = 0  # the widest score cell beyond the header's
        self._session_states: dict[int, dict] = {}  # mock session id -> its saved state

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="attempts-title")
        table: DataTable = AttemptsTable(id="attempts-table", cursor_type="row", zebra_stripes=True)
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
        return max(MIN_OUTLINE_CELLS, self.size.width - OTHER_COLUMNS_CELLS - self._score_cells)

    def past(self, attempt: Any) -> PastGrading:
        """How ``attempt`` is shown: its saved grading, or its answer graded again (once)."""
        past = self._pasts.get(attempt.id)
        if past is None:
            past = self._pasts[attempt.id] = shown_score(attempt, self.question, self.pack.thesaurus)
        return past

    def notes(self, attempt: Any) -> str:
        """A mock answer's thinking notes (saved with its session), "" for practice: the
        report, this list and the review count the answer without them."""
        sid = attempt.session_id
        if sid is None or self.app.store is None:
            return ""
        if sid not in self._session_states:
            try:
                record = self.app.store.session(sid)
            except Exception:  # a broken database: the whole text is counted
                record = None
            self._session_states[sid] = record.state if record is not None else {}
        state = self._session_states[sid]
        items = state.get("items") if isinstance(state, dict) else None
        for i, item in enumerate(items if isinstance(items, list) else ()):
            if isinstance(item, dict) and (item.get("pack_id"), item.get("question_id")) == (
                    attempt.pack_id, attempt.question_id):
                return split_notes(attempt.answer, saved_notes(state, i))[0]
        return ""

    def _fill(self) -> None:
        n = len(self.attempts)
        scores = [score_cell(self.past(a)) for a in self.attempts]
        self._score_cells = max(0, max((cell_len(c) for c in scores), default=0) - cell_len("得分"))
        self._outline_cells = cells = self._cells()
        title = Text()
        title.append(sanitize_line(self.question.type) or "题目", style="bold")
        # the prompt in up to two lines of the screen's width (a wide terminal shows all of it)
        title.append("  " + fit_cells(self.question.prompt, max(60, 2 * self.size.width - 16)))
        title.append(f"\n共 {n} 次作答，最新的在上面；回车打开当时的点评。", style="dim")
        if any(self.notes(a) for a in self.attempts):
            title.append("\n模拟面试的作答：字数不计思考时记的笔记（笔记照样计分），和那场的报告一样。", style="dim")
        if any("当时" in c for c in scores):
            title.append(
                "\n得分后有「当时」的，是题目的采分点后来改过（或记录损坏），已按现在的采分点重新评分。",
                style="dim",
            )
        self.query_one("#attempts-title", Static).update(title)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        # the outline's column is as wide as what is left of the screen (it would be cut unseen)
        table.add_columns("时间", "得分", "用时", "字数", "方式", "提纲第一行")
        for i, a in enumerate(self.attempts):
            notes, answer = split_notes(a.answer, self.notes(a))
            line = first_line(answer)
            if line:  # Text, not str: a str cell would be read as markup
                shown = Text(fit_cells(line, cells))
            elif first_line(notes):  # graded by its notes, nothing said after them
                shown = Text(fit_cells("（只有思考笔记）" + first_line(notes), cells), style="dim")
            else:
                shown = Text("（没有作答）", style="dim")
            table.add_row(
                when_text(a),
                Text(f"{scores[i]:>3}", justify="right"),
                "–" if a.duration_s is None else mmss(round(a.duration_s)),  # (rounded, as its review says it)
                Text(str(count_chars(answer)), justify="right"),
                "模拟" if a.session_id is not None else "练习",
                shown,
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
        past = past_grading(attempt, self.question, self.pack.thesaurus)  # (a regrade is kept: the same)
        note = note_of(past)
        if past.grading is None:
            self.notify(note or "这次作答的评分无法显示。", severity="warning", markup=False)
            return
        self.app.push_screen(
            PastReviewScreen(self.pack, self.question, attempt, past.grading, past, notes=self.notes(attempt))
        )
        if note:
            self.app.notify(note, severity="warning", timeout=10, markup=False)
