"""Review: the outline beside the key points, with the evidence highlighted in the outline."""
from __future__ import annotations

import math
import re
from functools import partial
from typing import Any, Callable

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from studyapp.core.model import KeyPoint, Pack, Question
from studyapp.core.report import SPEAKING_RATE, count_chars, speaking_seconds
from studyapp.core.safe_text import sanitize_line
from studyapp.tui.text import mmss, same_length_safe, short
from studyapp.tui.topic import SafeMarkdown

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

# status -> (symbol, label): a symbol and a word as well as a colour (the colour is the
# ReviewText component "review--<status>", app.tcss, readable on either theme).
STATUS = {
    "covered": ("✔", "覆盖"),
    "partial": ("◐", "部分"),
    "missed": ("✘", "未覆盖"),
}

# The parts of the review coloured per theme (app.tcss: `ReviewText > .review--covered` …).
COMPONENTS = frozenset({"review--covered", "review--partial", "review--missed", "review--matched", "review--missing"})
FALLBACK = {  # before the widget is mounted (and for callers outside a screen)
    "review--covered": Style(color="green", bold=True),
    "review--partial": Style(color="yellow", bold=True),
    "review--missed": Style(color="red", bold=True),
    "review--matched": Style(color="green"),
    "review--missing": Style(color="red", bold=True),
}
Styles = Callable[[str], Style]


def fallback_styles(name: str) -> Style:
    return FALLBACK.get(name, Style())


def point_style(index: int) -> str:
    return f"black on {POINT_COLOURS[index % len(POINT_COLOURS)]}"


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def point_mark(index: int) -> str:
    """The small number after an evidence span: 要点1's evidence ends in ¹. It ties a
    highlight to its point where colours don't show (NO_COLOR, a monochrome terminal)."""
    return str(index + 1).translate(SUPERSCRIPT)


def without_marks(text: str) -> str:
    """``text`` (the outline as the review shows it) without the evidence numbers."""
    return text.translate(_NO_MARKS)


_NO_MARKS = {ord(c): None for c in "⁰¹²³⁴⁵⁶⁷⁸⁹"}


def highlighted_answer(answer: str, grading: Any) -> Text:
    """The answer as rich Text, each point's evidence in that point's colour and followed by
    the point's number (``point_mark``). Where evidence overlaps, the later point's shows."""
    safe = same_length_safe(answer)
    n = len(answer)
    owner = [-1] * n
    for i, verdict in enumerate(grading.points):
        for start, end in verdict.evidence:
            start, end = max(0, int(start)), min(n, int(end))
            for k in range(start, end):
                owner[k] = i
    text = Text()
    k = 0
    while k < n:
        i = owner[k]
        end = k + 1
        while end < n and owner[end] == i:
            end += 1
        if i < 0:
            text.append(safe[k:end])
        else:
            run = safe[k:end]
            body = run.rstrip()  # the number goes after the words, not onto the next line
            text.append(body, style=point_style(i))
            text.append(point_mark(i), style=point_style(i))
            text.append(run[len(body) :])
        k = end
    return text


MAX_TERMS = 8


def _terms(terms) -> str:
    shown = [sanitize_line(t) for t in terms[:MAX_TERMS]]
    more = len(terms) - MAX_TERMS
    return "、".join(shown) + (f" 等 {len(terms)} 个" if more > 0 else "")


def point_text(
    index: int, verdict: Any, point: KeyPoint | None, answer: str, styles: Styles = fallback_styles
) -> Text:
    """One key point's verdict: status (symbol + word + colour), the point, terms, evidence, reason."""
    symbol, word = STATUS.get(verdict.status, ("?", str(verdict.status)))
    colour = POINT_COLOURS[index % len(POINT_COLOURS)]
    t = Text()
    # the swatch (a cell of the highlight colour) ties the point to its highlights in the outline
    t.append("■" if verdict.evidence else "□", style=f"{colour} on {colour}" if verdict.evidence else "dim")
    t.append(" ")
    t.append(f"{symbol} {word}", style=styles(f"review--{verdict.status}"))
    t.append(f" · 要点{index + 1}", style="bold")
    if point is not None and point.weight != 1:
        t.append(f"（权重 {point.weight:g}）", style="dim")
    t.append("\n")
    t.append(sanitize_line(point.point if point else verdict.id))
    if verdict.matched:
        t.append("\n命中：", style="dim")
        t.append(_terms(_as_written(verdict)), style=styles("review--matched"))
    if verdict.missing and verdict.status != "covered":
        # (a point made is not asked for more: ✔ beside 'add all of it' reads as a contradiction)
        t.append("\n可补充：", style="dim")
        t.append(_terms(verdict.missing), style=styles("review--missing"))
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
    return bool(terms) and terms <= set(verdict.matched) | set(_as_written(verdict)) | set(verdict.missing)


def _as_written(verdict: Any) -> tuple[str, ...]:
    """命中 as the candidate reads it: 不是推诿（按规定） where other words said it (a saved
    grading from before ``written`` was kept has only the terms)."""
    as_written = getattr(verdict, "matched_as_written", None)
    return as_written() if as_written is not None else tuple(verdict.matched)


# The review's remark on length (help.md, 点评): the outline's speaking time at the app's
# 200 字/分钟 (core/report.py, as the mock report) against the answer time suggested. Marked
# as too long only where even a fast speaker (250 字/分钟, the top of the 180-250 measured)
# could not say it in that time; as short under a quarter of it (45 s of 3 minutes).
TOO_LONG = 1.25
TOO_SHORT = 0.25


def length_text(
    answer: str, suggested_s: float | None, styles: Styles = fallback_styles, label: str = "建议作答",
    aside: str = "",
) -> Text:
    """'字数 3086 · 预计口述 15:26（建议作答 03:00）' and, when it is well over or far under
    the suggested time, a remark saying so. ``label`` 作答限时: the time a mock gave it.
    The thresholds compare the exact speaking time (3 minutes: under 150 字 is short, over
    750 too long), not the rounded seconds shown."""
    chars = count_chars(answer)
    exact = speaking_seconds(chars)
    t = Text()
    t.append(f"字数 {chars}")
    t.append(aside, style="dim")  # what the count leaves out of the text shown
    # (over the time, rounded up as the overrun below is: 751 字 is 03:46, 超出约 00:46)
    over_time = bool(suggested_s) and exact > suggested_s
    t.append(f" · 预计口述 {mmss(math.ceil(exact) if over_time else round(exact))}")
    if not suggested_s:
        t.append(f"（按每分钟 {SPEAKING_RATE} 字）", style="dim")
        return t
    t.append(f"（{label} {mmss(suggested_s)}）", style="dim")
    if chars == 0:
        return t
    over = mmss(math.ceil(exact - suggested_s))  # (never 00:00 for a little over)
    if exact > suggested_s * TOO_LONG:
        t.append(f"   超出约 {over}：考场上说不完，要精简", style=styles("review--missed"))
    elif exact > suggested_s:
        t.append(f"   略超 {over}，说快一点能说完", style="dim")
    elif exact < suggested_s * TOO_SHORT:
        of = "限时" if label == "作答限时" else "建议时间"
        t.append(f"   偏短：不到{of}的四分之一，口述时要展开", style=styles("review--partial"))
    return t


def _gist(point: KeyPoint | None, verdict: Any) -> str:
    """A key point's short name where it lacks no word: its text up to the first comma."""
    text = sanitize_line(point.point if point else verdict.id).strip()
    head = re.split(r"[，,；;。：:！!？?]", text, maxsplit=1)[0].strip()
    return short(head or text, 12)


GAP_TERMS = 3  # 可补充 terms named per partial point under the old outline


def gaps_text(question: Question, grading: Any) -> Content:
    """What the outline shown above 'answer again' (t) missed: the review's ✘ and ◐ points
    by number, each named by the words that would make it (the review's 可补充), the
    point's opening words only where it lacks none."""
    by_id = {kp.id: kp for kp in question.key_points}
    lines: dict[str, list[str]] = {"missed": [], "partial": []}
    for i, verdict in enumerate(grading.points):
        if verdict.status not in lines:
            continue
        terms = [sanitize_line(t) for t in verdict.missing[:GAP_TERMS]]
        if terms:
            name = "、".join(terms) + ("等" if len(verdict.missing) > GAP_TERMS else "")
        else:
            name = f"（{_gist(by_id.get(verdict.id), verdict)}）"
        lines[verdict.status].append(f"要点{i + 1} {name}")
    if not lines["missed"] and not lines["partial"]:
        return Content.styled("上次所有要点都已覆盖。", "$text-success")
    parts = []
    for status, colour in (("missed", "$text-error"), ("partial", "$text-warning")):
        if lines[status]:
            symbol, word = STATUS[status]
            if parts:
                parts.append("\n")
            parts.append((f"{symbol} 上次{word}，可补充：", f"bold {colour}"))
            parts.append("；".join(lines[status]))
    return Content.assemble(*parts)


class ReviewText(Static):
    """Text built with the review's colours of the current theme (``COMPONENTS``, app.tcss),
    built again when the theme changes."""

    COMPONENT_CLASSES = COMPONENTS

    def __init__(self, build: Callable[[Styles], Text], **kwargs) -> None:
        self._build = build
        super().__init__(build(fallback_styles), **kwargs)

    def _styles(self, name: str) -> Style:
        # (the styles themselves: get_component_rich_style's cache outlives a theme change)
        return self.get_component_styles(name).partial_rich_style

    def on_mount(self) -> None:
        self.update(self._build(self._styles))
        # published once the new theme's CSS is applied (App._watch_theme)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.update(self._build(self._styles)))


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
        answer_s: float | None = None,
        notes: str = "",
    ) -> None:
        super().__init__()
        self.pack = pack
        self.question = question
        self.answer = answer
        self.grading = grading
        self.duration_s = duration_s
        self.attempt_id = attempt_id
        # the answer time the length is measured against: the question's suggested one, or
        # the time a mock gave it
        self.answer_s = answer_s if answer_s else (question.time.answer if question.time else None)
        self.answer_label = "作答限时" if answer_s else "建议作答"
        # a mock's thinking notes open the text shown, and are not counted as said (as the
        # mock report counts them: core/report.py QuestionReport.answer_part)
        self.notes = notes if notes and answer.startswith(notes) else ""

    def compose(self) -> ComposeResult:
        g = self.grading
        yield Header()
        yield ReviewText(self._summary, id="review-summary")
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
                        yield ReviewText(
                            partial(point_text, i, verdict, by_id.get(verdict.id), self.answer),
                            classes=f"point {verdict.status}",
                        )
                    # the reference is Markdown (docs/pack-format.md), shown as the topic
                    # briefing is: rendered, its text never taken as markup
                    with Vertical(id="reference"):
                        yield Label("参考答案", classes="reference-title")
                        ref = self.question.reference
                        if ref and ref.strip():
                            yield SafeMarkdown(ref, id="reference-body")
                        else:
                            yield Static("（本题没有参考答案）", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def _summary(self, styles: Styles) -> Text:
        """The score line, and under it the outline's length and speaking time."""
        summary = self._score_line(styles)
        summary.append("\n")
        summary.append_text(
            length_text(self.answer[len(self.notes):], self.answer_s, styles, self.answer_label,
                        aside="（思考笔记计分，不计字数）" if self.notes else "")
        )
        if self.notes and not count_chars(self.answer[len(self.notes):]):
            # (as the mock's report says it: only the thinking notes, nothing in the answer)
            summary.append("   只有思考笔记：作答时没有写，口述时要展开", style=styles("review--partial"))
        return summary

    def _score_line(self, styles: Styles) -> Text:
        g = self.grading
        counts = {s: sum(1 for p in g.points if p.status == s) for s in STATUS}
        summary = Text()
        summary.append(f"得分 {round(g.score)}", style="bold")
        summary.append(" / 100   ")
        for status, (symbol, word) in STATUS.items():
            summary.append(f"{symbol} {word} {counts[status]}", style=styles(f"review--{status}"))
            summary.append("   ")
        if self.duration_s is not None:
            summary.append(f"用时 {mmss(round(self.duration_s))}", style="dim")  # (rounded, as the report's 总用时)
        if self.attempt_id is None and self.app.store is None:
            summary.append("   （未保存）", style="dim")
        return summary

    def on_mount(self) -> None:
        self.sub_title = "点评 · " + short(self.question.prompt, 24)
        self.query_one("#reference").display = False
        self.query_one("#review-points").focus()

    def action_toggle_reference(self) -> None:
        ref = self.query_one("#reference")
        ref.display = not ref.display
        if ref.display:
            # once it has a place on the screen (after the layout this change causes)
            points = self.query_one("#review-points", VerticalScroll)
            self.call_after_refresh(points.scroll_to_widget, ref, top=True, animate=False)

    def action_try_again(self) -> None:
        """Answer again, over this review (escape with nothing typed comes back to it); if
        the question is being answered on a screen below, back to that one (app.open_question)."""
        self.app.open_question(
            self.pack, self.question, previous_answer=self.answer, previous_grading=self.grading,
            previous_title=self.outline_title(), back_to=self,
        )

    def outline_title(self) -> str:
        """What the outline shown above the next answer is called (上一次的提纲)."""
        return "上一次的提纲"

    def action_next_question(self) -> None:
        nxt = self.app.next_question(self.pack, self.question)
        if nxt is None:
            self.notify("这个题包没有别的题目了。", markup=False)
            return
        if nxt is self.app.first_question(self.pack):
            # (the list has gone round: said, or the first question looks like just another one)
            self.notify("这是题包的最后一题：从第一题重新开始。", markup=False)
        # in this review's place, or back to it where it is being answered below
        self.app.open_question(self.pack, nxt, replace=True)
