"""Readable on a bright screen and without colour: the text contrast measured on the screen
as drawn (WCAG 2 contrast ratio, at least 4.5:1 for text), the evidence tied to its point by
a number, and the reference answer rendered from its Markdown."""
from __future__ import annotations

import dataclasses
import unicodedata

import pytest

from studyapp.tui.help import HelpScreen
from studyapp.tui.review import ReviewScreen

from tuiutil import MINI, REVIEW_ANSWER, go_to, make_app, review_grading

MINIMUM = 4.5
ANSWER = REVIEW_ANSWER


def _luminance(rgb) -> float:
    def channel(v: int) -> float:
        v = v / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg, bg) -> float:
    """WCAG 2 contrast ratio of two sRGB colours, 1 to 21."""
    light, dark = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _is_text(s: str) -> bool:
    """Letters or digits (not the tree guides, borders, scroll bars or colour swatches)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in s)


def shown(app) -> list[tuple[int, str, float, bool]]:
    """Every piece of text on the screen as drawn (after Textual's colour filters, so NO_COLOR's
    greys too): (row, text, contrast with its background, bold)."""
    out = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        for seg in strip:
            style = seg.style
            if style is None or not _is_text(seg.text) or style.color is None or style.bgcolor is None:
                continue
            fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
            if style.reverse:
                fg, bg = bg, fg
            if style.dim:  # as a terminal shows it: half way to the background
                fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
            out.append((y, seg.text, contrast(fg, bg), bool(style.bold)))
    return out


def drawn(app) -> list[tuple[int, int, str, float]]:
    """As ``shown``, with each piece's column: (row, column, text, contrast)."""
    from rich.cells import cell_len

    out = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        x = 0
        for seg in strip:
            style = seg.style
            if style is not None and _is_text(seg.text) and style.color is not None and style.bgcolor is not None:
                fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
                if style.reverse:
                    fg, bg = bg, fg
                if style.dim:
                    fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
                out.append((y, x, seg.text, contrast(fg, bg)))
            x += cell_len(seg.text)
    return out


def screen_lines(app) -> list[str]:
    return ["".join(seg.text for seg in strip) for strip in app.screen._compositor.render_strips()]


def assert_readable(app, *must_show: str) -> None:
    pieces = shown(app)
    faint = [(y, text.strip(), round(ratio, 2)) for y, text, ratio, _ in pieces if ratio < MINIMUM]
    assert faint == [], f"text below {MINIMUM}:1 on {type(app.screen).__name__} ({app.theme}): {faint}"
    lines = screen_lines(app)
    for words in must_show:  # (and these were on the screen to be measured)
        assert any(words in line for line in lines), words


async def _open_review(pilot, reference: str | None = None) -> ReviewScreen:
    app = pilot.app
    pack = app.packs[0]
    question = pack.question("sorting-view")
    if reference is not None:
        question = dataclasses.replace(question, reference=reference)
    await app.push_screen(ReviewScreen(pack, question, ANSWER, review_grading(), duration_s=125, attempt_id=1))
    await pilot.pause()
    await pilot.press("r")  # the reference answer too
    await pilot.pause()
    return app.screen


REVIEW_WORDS = ("你的提纲", "采分点", "✔ 覆盖 1", "◐ 部分 1", "✘ 未覆盖 1", "可补充：积分、监督、长效机制", "参考答案")


async def test_the_light_theme_is_readable_on_every_screen():
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "textual-light"
        assert_readable(app, "题包与题目", "^t")  # home, with its footer keys
        await go_to(pilot, "垃圾分类进社区")
        assert_readable(app, "目录", "垃圾分类进社区", "相关题目", "热点概况")  # the topic and its headings
        await pilot.press("escape")
        await pilot.pause()
        await _open_review(pilot)
        assert_readable(app, *REVIEW_WORDS)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert_readable(app, "按键")


async def test_the_review_follows_a_theme_change_made_on_it():
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await _open_review(pilot)
        assert_readable(app, *REVIEW_WORDS)  # dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "textual-light"
        assert_readable(app, *REVIEW_WORDS)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert_readable(app, *REVIEW_WORDS)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_without_colour_the_review_stays_readable_and_each_highlight_names_its_point(monkeypatch, theme):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        app.theme = theme
        review = await _open_review(pilot)
        assert_readable(app, *REVIEW_WORDS)
        # the words to add stand out by weight, not only by a colour that turns grey
        missing = [bold for _, text, _, bold in shown(app) if "积分、监督、长效机制" in text]
        assert missing == [True]
        # each highlighted piece of the outline ends in its point's number (要点1 → ¹),
        # as the screen shows it: greys alone can't be told apart
        lines = screen_lines(app)
        top = next(i for i, line in enumerate(lines) if "你的提纲" in line)  # (under the summary)
        outline = "".join(line.split("│")[0].strip() for line in lines[top : top + 5])
        assert "宣传引导¹，帮助居民养成分类习惯¹。" in outline
        assert "完善投放点²设施" in outline and "方便²上班" in outline
        assert "总结经验。" in outline and "³" not in outline  # 要点3 has no evidence
        # the numbers are those of the points listed beside it; the outline is otherwise as written
        assert "要点1" in "".join(lines) and "要点2" in "".join(lines)
        assert review.query_one("#review-answer").visual.plain.replace("¹", "").replace("²", "") == ANSWER


async def test_the_reference_answer_is_rendered_from_markdown_and_never_as_markup():
    reference = (
        "**一、稳情绪。** 请张大爷坐下，[bold]倒杯水[/bold]，\n耐心听他说完。\x1b[2J\n\n"
        "**二、讲政策。** 六部门指导意见明确了 20 项证明。"
    )
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await _open_review(pilot, reference)
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "**" not in text  # the emphasis marks are rendered, not shown
        pieces = shown(app)
        assert [bold for _, t, _, bold in pieces if t.strip() == "一、稳情绪。"] == [True]
        assert [bold for _, t, _, bold in pieces if "请张大爷坐下" in t] == [False]
        # pack text is text: Rich markup shown as typed, a terminal escape removed
        assert "[bold]倒杯水[/bold]" in text and "\x1b" not in text
        # a line the author wrapped joins without a space, as in the topic briefing
        paragraphs = [p._content.plain for p in app.screen.query("#reference MarkdownParagraph")]
        assert "坐下，[bold]倒杯水[/bold]，耐心听他说完。" in paragraphs[0]
        assert any("二、讲政策。" in line for line in screen_lines(app))


async def test_practice_and_the_mock_are_readable_on_the_light_theme():
    from studyapp.core.clock import FakeClock
    from studyapp.core.session import MockOptions
    from studyapp.tui.mock import MockScreen
    from studyapp.tui.practice import PracticeScreen
    from studyapp.tui.report import ReportScreen

    clock = FakeClock()
    app = make_app(MINI, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await go_to(pilot, "一阵风")
        assert isinstance(app.screen, PracticeScreen)
        assert_readable(app, "用时")  # the question's type heading, the prompt, the timer
        await pilot.press("escape")
        await pilot.pause()
        from studyapp.tui.mock import start_mock

        start_mock(app, MockOptions(count=1, think=100, answer=100, seed=1))
        await pilot.pause()
        assert isinstance(app.screen, MockScreen)
        for seconds in (45, 30):  # the countdown turns to a warning, then an urgent one
            clock.advance(seconds)
            app.screen.tick()
            await pilot.pause()
            assert_readable(app, "思考")
        clock.advance(200)
        app.screen.tick()
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert_readable(app, "平均得分")


async def test_the_mock_dialog_and_past_answers_are_readable_on_the_light_theme(store):
    from textual.widgets import Tree

    from studyapp.tui.attempts import AttemptsScreen
    from studyapp.tui.mock import MockSetupScreen
    from tuiutil import tree_lines

    app = make_app(MINI, store=store)
    pack = app.packs[0]
    q = next(q for q in pack.questions if "一阵风" in q.prompt)
    store.save_attempt(pack_id=pack.id, question_id=q.id, answer="加强宣传", score=40, grading={})
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MockSetupScreen)
        # inside the dialog (the home screen behind it is faded on purpose): every text and
        # each checkbox's mark readable, so a ticked box is told from an empty one
        from textual.widgets import Checkbox

        pieces = drawn(app)
        boxes = {cb.value: [] for cb in app.screen.query(Checkbox)}
        for cb in app.screen.query(Checkbox):
            r = cb.region
            boxes[cb.value] += [ratio for y, x, text, ratio in pieces if r.contains(x, y) and text.strip() == "X"]
        assert boxes[True] and boxes[False]
        assert min(boxes[True]) >= MINIMUM  # a ticked box reads clearly …
        assert max(boxes[False]) <= min(boxes[True]) / 2  # … and an empty one is plainly not
        box = app.screen.query_one("#setup").region
        faint = [(y, text, round(ratio, 2)) for y, x, text, ratio in pieces
                 if box.contains(x, y) and ratio < MINIMUM and text.strip() != "X"]
        assert faint == []  # every other text of the dialog (labels, the fields' 默认)
        await pilot.press("escape")
        await pilot.pause()
        tree = app.screen.query_one(Tree)
        tree.cursor_line = next(i for i, line in enumerate(tree_lines(app)) if "一阵风" in line)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, AttemptsScreen)
        assert_readable(app, "共 1 次作答")
