"""A kept draft keeps the time spent on it, not only the time of its last keystroke
(explore-s10c #6): the time is saved when the draft is kept (保留草稿), when the app quits
(ctrl+q, also from the reference and when answering again) and when the reference is opened
(ctrl+o: its reading is 用时 too). The app's clock is a fake one: no sleeps."""
from __future__ import annotations

from textual.widgets import TextArea

from studyapp.tui.confirm import ChoiceScreen
from studyapp.tui.practice import PracticeScreen, ReferenceScreen

from tuiutil import MINI, answer_then_again, go_to, make_app

QUESTION = "一阵风"


def the_draft(store, screen: PracticeScreen):
    return store.draft(screen.pack.id, screen.question.id)


async def type_and_let_it_save(pilot, clock, text: str = "计时测试") -> PracticeScreen:
    practice = pilot.app.screen
    assert isinstance(practice, PracticeScreen)
    await pilot.press(*text)
    clock.advance(2)
    practice.update_elapsed()  # what the screen's 1 s timer does: the text is saved
    await pilot.pause()
    return practice


async def reopened_title(store, clock) -> str:
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, QUESTION)
        return str(app.screen.query_one(TextArea).border_title)


async def test_keeping_the_draft_keeps_the_time_spent_after_the_last_keystroke(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await go_to(pilot, QUESTION)
        practice = await type_and_let_it_save(pilot, clock)
        assert round(the_draft(store, practice).elapsed_s) == 2
        clock.advance(19)  # thinking, not typing
        practice.update_elapsed()
        await pilot.pause()
        assert "用时 00:21" in str(practice.query_one("#elapsed").visual)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("y")  # 保留草稿
        await pilot.pause()
        assert app.screen is not practice
        draft = store.draft(practice.pack.id, practice.question.id)
        assert draft.text == "计时测试" and round(draft.elapsed_s) == 21
    assert "已用时 00:21" in await reopened_title(store, clock)


async def test_quitting_keeps_the_time_spent_after_the_last_keystroke(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, QUESTION)
        await type_and_let_it_save(pilot, clock)
        clock.advance(189)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert "已用时 03:11" in await reopened_title(store, clock)


async def test_the_reading_of_the_reference_is_saved_as_time_spent(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, QUESTION)
        practice = await type_and_let_it_save(pilot, clock)
        clock.advance(58)
        await pilot.press("ctrl+o")  # leaving for the reference saves the time so far
        await pilot.pause()
        assert isinstance(app.screen, ReferenceScreen)
        assert round(the_draft(store, practice).elapsed_s) == 60
        clock.advance(120)  # three minutes of reading in all, then ctrl+q from the reference
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert "已用时 03:00" in await reopened_title(store, clock)


async def test_answering_again_keeps_its_time_across_ctrl_q(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_then_again(pilot, QUESTION)
        again = await type_and_let_it_save(pilot, clock, "宣传引导")
        assert again.previous_answer == "加强监督。"
        clock.advance(189)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    draft = store.draft(again.pack.id, again.question.id)
    assert draft.text == "宣传引导" and round(draft.elapsed_s) == 191


async def test_an_unchanged_answer_under_another_windows_newer_draft_is_not_copied(store, clock):
    # saving only the time must never turn this window's old text into a copy beside the
    # newer text another window saved
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, QUESTION)
        practice = await type_and_let_it_save(pilot, clock)
        ids = (practice.pack.id, practice.question.id)
        store.save_draft(*ids, "另一个窗口写的新答案", 30.0, base=store.draft(*ids).rev)
        clock.advance(40)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert store.draft(*ids).text == "另一个窗口写的新答案"
    assert store.draft_copies(*ids) == []
