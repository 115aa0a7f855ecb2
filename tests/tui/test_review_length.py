"""The review says how long the outline is to say: characters, speaking time at 200 字/分钟,
against the question's suggested answer time (or the mock's), marked when it could not be
said in that time even fast, and when it is far too short."""
from __future__ import annotations

from textual.widgets import Static, TextArea

from studyapp.core.session import MockOptions
from studyapp.tui.review import ReviewScreen

from tuiutil import MINI, go_to, make_app, mock_app, step

SENTENCE = "宣传引导，帮助居民养成习惯。"  # 12 characters said (punctuation and line breaks are not)


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
    long = "\n".join([SENTENCE] * 80)  # 960 characters: 4:48 at 200 a minute
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await submit(pilot, long)
        score, length = summary_lines(app)
        assert score.startswith("得分 ")
        assert length.startswith("字数 960 · 预计口述 04:48（建议作答 03:00）")
        assert "超出约 01:48" in length
        # marked as a miss is (the same colour as ✘ 未覆盖), not dim like the rest
        assert style_of(app, "超出约") == style_of(app, "✘ 未覆盖")


async def test_a_little_over_is_said_but_not_marked_and_a_fitting_one_has_no_remark(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await submit(pilot, "\n".join([SENTENCE] * 55))  # 660: 3:18, said at 220 字/分钟
        length = summary_lines(app)[1]
        assert length.startswith("字数 660 · 预计口述 03:18（建议作答 03:00）")
        assert "略超 00:18" in length and "超出" not in length
        await pilot.press("escape")
        await pilot.pause()
        await submit(pilot, "\n".join([SENTENCE] * 40))  # 480: 2:24
        length = summary_lines(app)[1]
        assert length == "字数 480 · 预计口述 02:24（建议作答 03:00）"


async def test_an_outline_under_a_quarter_of_the_time_is_called_short(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await submit(pilot, "宣传引导，养成习惯。")
        length = summary_lines(app)[1]
        assert length.startswith("字数 8 · 预计口述 00:02（建议作答 03:00）")
        assert "偏短：不到建议时间的四分之一" in length
        assert style_of(app, "偏短") == style_of(app, "◐ 部分")


async def test_a_question_without_a_suggested_time_still_shows_the_speaking_time(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "宣传活动")  # sorting-plan: no time in its file
        assert app.screen.question.time is None or not app.screen.question.time.answer
        app.screen.query_one(TextArea).insert("\n".join([SENTENCE] * 80))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert summary_lines(app)[1] == "字数 960 · 预计口述 04:48（按每分钟 200 字）"


async def test_a_mock_answer_is_measured_against_the_time_the_mock_gave_it(store, clock):
    from studyapp.tui.report import ReportScreen

    app = mock_app(store, clock, MockOptions(count=1, think=10, answer=30, seed=1))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")  # to answering
        app.screen.query_one("#mock-answer").insert(SENTENCE * 11)  # 132: 0:39.6
        await step(pilot, clock, 5)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        length = summary_lines(app)[1]
        assert length.startswith("字数 132 · 预计口述 00:40（作答限时 00:30）")
        assert "超出约 00:10" in length


async def test_punctuation_and_latin_letters_are_not_counted_as_said(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await submit(pilot, "一、先安抚情绪，请他坐下。\n（1）连上WiFi，打开APP；")
        assert summary_lines(app)[1].startswith("字数 19 · ")  # 10 + 1 + 2 + 2 + 2 + 2 (not 29)


async def test_the_thresholds_are_exact_in_characters(store, clock):
    """3 minutes: under 150 字 (45 s) is short, over 600 a little over, over 750 (3:45 at
    200 a minute, i.e. 3:00 at 250) too long: 149 and 751 are not rounded into the middle."""
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        for chars, remark in ((149, "偏短"), (150, None), (600, None), (601, "略超 00:01"), (750, "略超"),
                              (751, "超出约 00:46")):
            await submit(pilot, "说" * chars)
            length = summary_lines(app)[1]
            assert length.startswith(f"字数 {chars} · ")
            if remark is None:
                assert length.endswith("（建议作答 03:00）"), length
            else:
                assert remark in length and (remark != "略超" or "超出" not in length), length
            await pilot.press("escape")
            await pilot.pause()


async def test_a_short_mock_answer_is_called_short_of_its_time_limit_and_its_notes_are_not_counted(store, clock):
    from studyapp.tui.report import ReportScreen

    app = mock_app(store, clock, MockOptions(count=1, think=10, answer=90, seed=1))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.screen.query_one("#mock-answer").insert("笔记：减负放权")  # typed while thinking
        await pilot.press("ctrl+n")  # to answering
        await pilot.pause()
        app.screen.query_one("#mock-answer").insert("\n我认为社区减负是好事。")
        await step(pilot, clock, 5)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("enter")
        await pilot.pause()
        length = summary_lines(app)[1]
        assert length.startswith("字数 10（思考笔记计分，不计字数） · 预计口述 00:03（作答限时 01:30）")
        assert "偏短：不到限时的四分之一" in length and "建议时间" not in length


def test_the_shown_speaking_time_and_the_overrun_agree_at_the_threshold():
    from studyapp.tui.review import length_text

    # 3 minutes suggested: 750 字 is 3:45 exactly (略超), 751 is over 1.25x (超出)
    at = length_text("字" * 750, 180).plain
    over = length_text("字" * 751, 180).plain
    assert "预计口述 03:45" in at and "略超 00:45" in at
    assert "预计口述 03:46" in over and "超出约 00:46" in over
