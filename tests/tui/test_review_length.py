"""The review says how long the outline is to say: characters, speaking time at 200 字/分钟,
against the question's suggested answer time (or the mock's), marked when it could not be
said in that time even fast, and when it is far too short."""
from __future__ import annotations

from textual.widgets import Static, TextArea

from studyapp.core.session import MockOptions
from studyapp.tui.review import ReviewScreen

from tuiutil import MINI, go_to, make_app, mock_app, step

SENTENCE = "宣传引导，帮助居民养成习惯。"  # 14 characters said (punctuation counts, line breaks do not)


def summary_lines(app) -> list[str]:
    return app.screen.query_one("#review-summary", Static).visual.plain.split("\n")


def style_of(app, word: str):
    """The style the summary gives ``word``."""
    text = app.screen.query_one("#review-summary", Static).visual
    start = text.plain.index(word)
    return [s.style for s in text.spans if s.start <= start < s.end]


async def submit(pilot, text: str) -> None:
    await go_to(pilot, "一阵风")  # 建议作答 03:00
    pilot.app.screen.query_one(TextArea).insert(text)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReviewScreen)


async def test_an_outline_far_too_long_to_say_in_three_minutes_is_marked(store, clock):
    long = "\n".join([SENTENCE] * 80)  # 1120 characters: 5:36 at 200 a minute
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await submit(pilot, long)
        score, length = summary_lines(app)
        assert score.startswith("得分 ")
        assert length.startswith("字数 1120 · 预计口述 05:36（建议作答 03:00）")
        assert "超出约 02:36" in length
        # marked as a miss is (the same colour as ✘ 未覆盖), not dim like the rest
        assert style_of(app, "超出约") == style_of(app, "✘ 未覆盖")


async def test_a_little_over_is_said_but_not_marked_and_a_fitting_one_has_no_remark(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await submit(pilot, "\n".join([SENTENCE] * 50))  # 700: 3:30, said at 240 字/分钟
        length = summary_lines(app)[1]
        assert length.startswith("字数 700 · 预计口述 03:30（建议作答 03:00）")
        assert "略超 00:30" in length and "超出" not in length
        await pilot.press("escape")
        await pilot.pause()
        await submit(pilot, "\n".join([SENTENCE] * 40))  # 560: 2:48
        length = summary_lines(app)[1]
        assert length == "字数 560 · 预计口述 02:48（建议作答 03:00）"


async def test_an_outline_under_a_quarter_of_the_time_is_called_short(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await submit(pilot, "宣传引导，养成习惯。")
        length = summary_lines(app)[1]
        assert length.startswith("字数 10 · 预计口述 00:03（建议作答 03:00）")
        assert "偏短" in length
        assert style_of(app, "偏短") == style_of(app, "◐ 部分")


async def test_a_question_without_a_suggested_time_still_shows_the_speaking_time(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "宣传活动")  # sorting-plan: no time in its file
        assert app.screen.question.time is None or not app.screen.question.time.answer
        app.screen.query_one(TextArea).insert("\n".join([SENTENCE] * 80))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert summary_lines(app)[1] == "字数 1120 · 预计口述 05:36（按每分钟 200 字）"


async def test_a_mock_answer_is_measured_against_the_time_the_mock_gave_it(store, clock):
    from studyapp.tui.report import ReportScreen

    app = mock_app(store, clock, MockOptions(count=1, think=10, answer=30, seed=1))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")  # to answering
        app.screen.query_one("#mock-answer").insert(SENTENCE * 10)  # 140: 0:42
        await step(pilot, clock, 5)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        length = summary_lines(app)[1]
        assert length.startswith("字数 140 · 预计口述 00:42（作答限时 00:30）")
        assert "超出约 00:12" in length
