"""Keys that arrive faster than the editor takes them (a burst from an input method,
a paste without bracketed paste, a fast typist) are all in the answer that is
submitted: the submit key waits for the keys before it."""
from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Static, TextArea

from studyapp.tui.review import ReviewScreen, without_marks
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
        assert without_marks(app.screen.query_one("#review-answer", Static).visual.plain) == answer


@pytest.mark.parametrize("key", ["escape", "ctrl+q"])
async def test_keys_typed_right_before_escape_or_ctrl_q_are_not_dropped_without_asking(key):
    """Something was typed (even if the editor has not taken it yet): leaving or quitting asks."""
    from studyapp.tui.confirm import ConfirmScreen

    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        _burst(app, "加强宣传", key)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # stay: the answer is still there
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "加强宣传"
        assert app.return_code is None


async def test_ctrl_q_quits_when_the_candidate_says_yes():
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        await pilot.press("ctrl+q")  # nothing typed yet: no question
        await pilot.pause()
    assert app.return_code == 0
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        _burst(app, "加强宣传", "ctrl+q")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
