"""The answer being written is kept as a draft while it changes (every 2 s of the app's
clock) and when the app quits, and comes back when the question is opened again; a
submitted or abandoned answer leaves no draft. Driven by a fake clock, no sleeps."""
from __future__ import annotations

import pytest
from textual.widgets import TextArea

from studyapp.tui.confirm import ConfirmScreen
from studyapp.tui.practice import PracticeScreen
from tuiutil import MINI, go_to, make_app

QUESTION = "一阵风"  # a question of the mini pack, found by its prompt


def the_draft(store, app):
    screen = app.screen
    return store.draft(screen.pack.id, screen.question.id)


async def test_typing_is_saved_every_two_seconds_and_comes_back_after_ctrl_q(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        editor = app.screen.query_one(TextArea)
        editor.insert("一要加强宣传")
        await pilot.pause()
        assert the_draft(store, app) is None  # not two seconds yet
        clock.advance(2)
        app.screen.update_elapsed()  # what the screen's 1 s timer does
        assert the_draft(store, app)[0] == "一要加强宣传"
        editor.insert("，二要完善设施")
        await pilot.pause()
        clock.advance(63)  # a minute more of thinking and writing
        await pilot.press("ctrl+q")  # kept at once, no question asked: it comes back
        await pilot.pause()
    assert app.return_code == 0
    again = make_app(MINI, store=store, clock=clock)
    async with again.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        assert isinstance(again.screen, PracticeScreen)
        assert again.screen.query_one(TextArea).text == "一要加强宣传，二要完善设施"
        # said on the editor's frame, not in a toast over the lines where typing goes on
        title = str(again.screen.query_one(TextArea).border_title)
        assert "已恢复草稿" in title and "已用时 01:05" in title
        assert not any("已恢复" in str(n.message) for n in again._notifications)
        # the practice clock goes on from the time already spent, not from zero
        assert str(again.screen.query_one("#elapsed").render()) == "用时 01:05"
        clock.advance(10)
        again.screen.update_elapsed()
        assert str(again.screen.query_one("#elapsed").render()) == "用时 01:15"


async def typed_and_kept(pilot, store, clock, text: str):
    """Open the question, type ``text`` and let two seconds pass: it is a draft now."""
    await go_to(pilot, QUESTION)
    screen = pilot.app.screen
    screen.query_one(TextArea).insert(text)
    await pilot.pause()
    clock.advance(3)
    screen.update_elapsed()
    assert store.draft(screen.pack.id, screen.question.id)[0] == text
    return screen


@pytest.mark.parametrize(
    "keys, attempts", [(("ctrl+s",), 1), (("escape", "d"), 0)], ids=["submitted", "abandoned"]
)
async def test_a_submitted_or_abandoned_answer_leaves_no_draft(store, clock, keys, attempts):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await typed_and_kept(pilot, store, clock, "加强宣传引导")
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert not isinstance(app.screen, (PracticeScreen, ConfirmScreen))
        assert store.draft(screen.pack.id, screen.question.id) is None
        assert [a.answer for a in store.attempts()] == ["加强宣传引导"] * attempts


async def test_home_marks_a_question_with_a_draft(store, clock):
    from tuiutil import tree_lines

    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        assert not any("草稿" in line for line in tree_lines(app))
        await typed_and_kept(pilot, store, clock, "加强宣传")
        await pilot.press("ctrl+q")
        await pilot.pause()
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        marked = [line for line in tree_lines(app) if "草稿" in line]
        assert len(marked) == 1 and QUESTION in marked[0]
