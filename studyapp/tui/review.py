"""Review: the outline beside the key points, with the evidence highlighted in the outline."""
from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from studyapp.core.model import KeyPoint, Pack, Question
from studyapp.core.safe_text import sanitize, sanitize_line
from studyapp.tui.text import mmss, same_length_safe, short

# Background colours for evidence, one per key point (readable on light and dark themes).
POINT_COLOURS = (
    "#ffd75f",
    "#87d7ff",
    "#afd787",
    "#ffafd7",
    "#d7afff",
    "#ffaf5f",
    "#87d7af",
    "#d7d787",
)

# status -> (symbol, label, style): symbol and word as well as colour.
STATUS = {
    "covered": ("✔", "覆盖", "bold green"),
    "partial": ("◐", "部分", "bold yellow"),
    "missed": ("✘", "未覆盖", "bold red"),
}

def point_style(index: int) -> str:
    return f"black on {POINT_COLOURS[index % len(POINT_COLOURS)]}"


def highlighted_answer(answer: str, grading: Any) -> Text:
    """The answer as rich Text, each point's evidence spans in that point's colour."""
    text = Text(same_length_safe(answer))
    n = len(answer)
    for i, verdict in enumerate(grading.points):
        for start, end in verdict.evidence:
            start, end = max(0, int(start)), min(n, int(end))
            if start < end:
                text.stylize(point_style(i), start, end)
    return text


MAX_TERMS = 8


def _terms(terms) -> str:
    shown = [sanitize_line(t) for t in terms[:MAX_TERMS]]
    more = len(terms) - MAX_TERMS
    return "、".join(shown) + (f" 等 {len(terms)} 个" if more > 0 else "")


def point_text(index: int, verdict: Any, point: KeyPoint | None, answer: str) -> Text:
    """One key point's verdict: status (symbol + word + colour), the point, terms, evidence, reason."""
    symbol, word, style = STATUS.get(verdict.status, ("?", str(verdict.status), "bold"))
    colour = POINT_COLOURS[index % len(POINT_COLOURS)]
    t = Text()
    # the swatch ties the point to its highlight colour in the outline
    t.append("■ " if verdict.evidence else "□ ", style=colour if verdict.evidence else "dim")
    t.append(f"{symbol} {word}", style=style)
    t.append(f" · 要点{index + 1}", style="bold")
    if point is not None and point.weight != 1:
        t.append(f"（权重 {point.weight:g}）", style="dim")
    t.append("\n")
    t.append(sanitize_line(point.point if point else verdict.id))
    if verdict.matched:
        t.append("\n命中：", style="dim")
        t.append(_terms(verdict.matched), style="green")
    if verdict.missing:
        t.append("\n可补充：", style="dim")
        t.append(_terms(verdict.missing), style="red")
    quotes = []
    for start, end in verdict.evidence[:3]:
        snippet = sanitize_line(answer[max(0, start) : end])
        if snippet:
            quotes.append(f"「{short(snippet, 30)}」")
    if quotes:
        t.append("\n依据：", style="dim")
        t.append(" ".join(quotes), style=point_style(index))
    reason = sanitize_line(verdict.reason)
    if reason and not _restates_terms(reason, verdict):
        t.append("\n" + reason, style="italic dim")
    return t


def _restates_terms(reason: str, verdict: Any) -> bool:
    """True if the reason only lists terms already shown as 命中 / 可补充."""
    head, sep, rest = reason.replace("：", ":").partition(":")
    if not sep:
        return False
    terms = {t.strip() for t in rest.split("、") if t.strip()}
    return bool(terms) and terms <= set(verdict.matched) | set(verdict.missing)


class ReviewScreen(Screen):
    BINDINGS = [
        Binding("r", "toggle_reference", "参考答案"),
        Binding("t", "try_again", "再答一次"),
        Binding("n", "next_question", "下一题"),
        Binding("escape", "app.pop_screen", "返回"),
        Binding("question_mark", "app.help", "帮助"),
    ]

    def __init__(
        self,
        pack: Pack,
        question: Question,
        answer: str,
        grading: Any,
        *,
        duration_s: float | None = None,
        attempt_id: int | None = None,
    ) -> None:
        super().__init__()
        self.pack = pack
        self.question = question
        self.answer = answer
        self.grading = grading
        self.duration_s = duration_s
        self.attempt_id = attempt_id

    def compose(self) -> ComposeResult:
        g = self.grading
        counts = {s: sum(1 for p in g.points if p.status == s) for s in STATUS}
        summary = Text()
        summary.append(f"得分 {round(g.score)}", style="bold")
        summary.append(" / 100   ")
        for status, (symbol, word, style) in STATUS.items():
            summary.append(f"{symbol} {word} {counts[status]}", style=style)
            summary.append("   ")
        if self.duration_s is not None:
            summary.append(f"用时 {mmss(self.duration_s)}", style="dim")
        if self.attempt_id is None and self.app.store is None:
            summary.append("   （未保存）", style="dim")
        yield Header()
        yield Static(summary, id="review-summary")
        with Horizontal(id="review-body"):
            with Vertical(id="review-answer-box"):
                yield Label("你的提纲", classes="side-title")
                with VerticalScroll(id="review-answer-scroll"):
                    yield Static(highlighted_answer(self.answer, g), id="review-answer")
            with Vertical(id="review-points-box"):
                yield Label("采分点", classes="side-title")
                with VerticalScroll(id="review-points"):
                    by_id = {kp.id: kp for kp in self.question.key_points}
                    for i, verdict in enumerate(g.points):
                        yield Static(
                            point_text(i, verdict, by_id.get(verdict.id), self.answer),
                            classes=f"point {verdict.status}",
                        )
                    ref = self.question.reference
                    yield Static(
                        Text("参考答案\n", style="bold") + Text(sanitize(ref) if ref else "（本题没有参考答案）"),
                        id="reference",
                    )
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "点评 · " + short(self.question.prompt, 24)
        self.query_one("#reference").display = False
        self.query_one("#review-points").focus()

    def action_toggle_reference(self) -> None:
        ref = self.query_one("#reference")
        ref.display = not ref.display
        if ref.display:
            self.query_one("#review-points", VerticalScroll).scroll_to_widget(ref, top=True, animate=False)

    def action_try_again(self) -> None:
        from studyapp.tui.practice import PracticeScreen

        self.app.switch_screen(
            PracticeScreen(
                self.pack, self.question, previous_answer=self.answer, previous_grading=self.grading
            )
        )

    def action_next_question(self) -> None:
        nxt = self.app.next_question(self.pack, self.question)
        if nxt is None:
            self.notify("这个题包没有别的题目了。", markup=False)
            return
        from studyapp.tui.practice import PracticeScreen

        self.app.switch_screen(PracticeScreen(self.pack, nxt))
