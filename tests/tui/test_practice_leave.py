"""Leaving a question with escape: with something written, the candidate is asked, and the
safe answer (enter, the first button) keeps it as the draft and goes back; 放弃 (d) gives it
up; a draft restored from an earlier sitting is deleted only when asked twice."""
from __future__ import annotations

from textual.widgets import TextArea

from studyapp.tui.confirm import ChoiceScreen, ConfirmScreen
from studyapp.tui.home import HomeScreen
from studyapp.tui.practice import PracticeScreen

from tuiutil import MINI, go_to, make_app, tree_lines

QUESTION = "一阵风"


def the_draft(store, screen):
    found = store.draft(screen.pack.id, screen.question.id)
    return None if found is None else found.text


async def write_and_escape(pilot, text: str) -> PracticeScreen:
    await go_to(pilot, QUESTION)
    practice = pilot.app.screen
    assert isinstance(practice, PracticeScreen)
    await pilot.press(*text)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceScreen)
    return practice


async def test_enter_keeps_the_answer_as_a_draft_and_goes_home(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(60, 20)) as pilot:
        practice = await write_and_escape(pilot, "一回应关切")
        dialog = app.screen
        assert "保留草稿" in dialog.question and "放弃" in dialog.question
        assert dialog.focused is dialog.query_one("#choice-keep")  # the first button
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert the_draft(store, practice) == "一回应关切"
        assert any(line.lstrip("│├└ ").startswith("草稿") for line in tree_lines(app) if QUESTION in line)
        await go_to(pilot, QUESTION)  # and it comes back
        assert app.screen.query_one(TextArea).text == "一回应关切"
    assert store.attempts() == []


async def test_y_out_of_habit_keeps_it_too_and_escape_or_n_goes_on_writing(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        practice = await write_and_escape(pilot, "一回应")
        await pilot.press("escape")  # on the dialog: back to writing
        await pilot.pause()
        assert app.screen is practice and practice.focused is practice.query_one(TextArea)
        await pilot.press("escape", "n")
        await pilot.pause()
        assert app.screen is practice
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert the_draft(store, practice) == "一回应"


async def test_d_gives_up_what_was_written_this_sitting(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        practice = await write_and_escape(pilot, "abc")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert the_draft(store, practice) is None


async def test_a_draft_restored_from_an_earlier_sitting_is_deleted_only_when_asked_twice(store, clock):
    from studyapp.core.packs import load_pack

    pack = load_pack(MINI).pack
    question = next(q for q in pack.questions if QUESTION in q.prompt)
    store.save_draft(pack.id, question.id, "前天写的两段", 125.0)
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        practice = await write_and_escape(pilot, "又")
        assert "保存的草稿" in app.screen.question  # the dialog says there is an older draft in it
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "不能找回" in app.screen.question
        await pilot.press("enter")  # a hasty enter: 否, the draft stays
        await pilot.pause()
        assert app.screen is practice
        assert practice.query_one(TextArea).text == "前天写的两段又"
        await pilot.press("escape", "d", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert the_draft(store, practice) is None


async def test_without_a_data_folder_escape_asks_only_whether_to_give_up(clock):
    app = make_app(MINI, store=None, clock=clock, store_error="/nowhere：无法创建数据文件夹")
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        await pilot.press(*"abc", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "答案不会保存" in app.screen.question


async def test_keeping_a_draft_that_cannot_be_saved_stays_and_says_so(store, clock, monkeypatch):
    import sqlite3

    from studyapp.core import store as store_module
    from studyapp.core.store import Store

    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        practice = await write_and_escape(pilot, "abc")

        def full(self):  # the disk fills up now
            raise store_module._store_error(self.path, sqlite3.OperationalError("database or disk is full"))

        monkeypatch.setattr(Store, "_tx", full)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is practice and practice.query_one(TextArea).text == "abc"
        assert any("没能保存" in str(n.message) for n in app._notifications)
        await pilot.press("escape")  # saving fails now: only giving up is offered, said why
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "存不了" in app.screen.question
