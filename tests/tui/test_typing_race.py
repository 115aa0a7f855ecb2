"""Keys that arrive faster than the editor takes them (a burst from an input method,
a paste without bracketed paste, a fast typist) are all in the answer that is
submitted: the submit key waits for the keys before it."""
from __future__ import annotations

from textual import events
from textual.widgets import Static, TextArea

from studyapp.tui.review import ReviewScreen
from tuiutil import MINI, go_to, make_app


def _burst(app, text: str, *then: str) -> None:
    """Post every key at once, as a terminal delivers a burst, without waiting between."""
    for ch in text:
        app.post_message(events.Key(ch, ch))
    for key in then:
        app.post_message(events.Key(key, None))


async def test_keys_typed_right_before_ctrl_s_are_in_the_submitted_answer():
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        answer = "加强宣传引导，帮助居民养成分类习惯"
        _burst(app, answer, "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.query_one("#review-answer", Static).visual.plain == answer


async def test_keys_typed_right_before_escape_are_not_left_without_asking():
    from studyapp.tui.confirm import ConfirmScreen

    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        _burst(app, "加强宣传", "escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # something was typed: it asks first
        await pilot.press("n")
        assert app.screen.query_one(TextArea).text == "加强宣传"


async def test_ctrl_q_with_an_answer_not_submitted_asks_before_quitting():
    from studyapp.tui.confirm import ConfirmScreen

    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        _burst(app, "加强宣传", "ctrl+q")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # stay: the answer is still there
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "加强宣传"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0  # quit when the candidate said so


async def test_ctrl_q_quits_at_once_where_nothing_would_be_lost():
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        await pilot.press("ctrl+q")  # nothing typed
        await pilot.pause()
    assert app.return_code == 0
