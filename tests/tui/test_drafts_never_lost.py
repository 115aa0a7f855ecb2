"""What a candidate typed is never lost: ctrl+q keeps (or asks about) every answer on the
screen stack whatever is on top of it, a question already open is gone back to rather than
opened twice, a second studyapp on the same data folder is told about and never overwrites
the other's newer draft, a draft save that failed is tried again (and saving again is said),
and a damaged database is moved aside, on request, for a new one. A fake clock drives the
2-second saves (``update_elapsed`` is what the screen's 1 s timer does)."""
from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import TextArea

from studyapp.core.store import FolderLock, Store, StoreError
from studyapp.tui.confirm import ConfirmScreen
from studyapp.tui.help import HelpScreen
from studyapp.tui.practice import PracticeScreen
from tuiutil import MINI, go_to, make_app, settle_palette

QUESTION = "一阵风"  # the mini pack's question 综合分析 · 有人说垃圾分类“一阵风”…
OTHER = "邻居总是"  # and its 人际关系 question


def the_draft(store, screen):
    found = store.draft(screen.pack.id, screen.question.id)
    return None if found is None else found.text


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def dialog_text(app) -> str:
    assert isinstance(app.screen, ConfirmScreen), app.screen
    return app.screen.question


async def type_keys(pilot, text: str) -> None:
    """Typed key by key (letters and Chinese characters: a punctuation mark is not a key name)."""
    await pilot.press(*text)
    await pilot.pause()


async def tick(pilot, clock, seconds: float = 3) -> None:
    """Time passes; the practice screens' timers run (what their 1 s interval does)."""
    clock.advance(seconds)
    for screen in pilot.app.screen_stack:
        if isinstance(screen, PracticeScreen):
            screen.update_elapsed()
    await pilot.pause()


async def open_and_write(pilot, clock, text: str, question: str = QUESTION):
    """Open ``question``, type ``text`` and let the 2-second draft save run; the practice screen."""
    await go_to(pilot, question)
    practice = pilot.app.screen
    await type_keys(pilot, text)
    await tick(pilot, clock)
    return practice


async def search_and_open(pilot, query: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await settle_palette(pilot)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


# -- 1. ctrl+q whatever is on top ----------------------------------------------------------


@pytest.mark.parametrize("on_top", ["f1", "ctrl+p"], ids=["help", "search"])
async def test_ctrl_q_over_help_or_search_keeps_the_whole_answer(store, clock, on_top):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        practice = await open_and_write(pilot, clock, "一先安抚情绪")
        assert the_draft(store, practice) == "一先安抚情绪"
        await type_keys(pilot, "二最后一句话")  # less than 2 s before the key: not saved yet
        await pilot.press(on_top)
        await pilot.pause()
        assert app.screen is not practice
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert the_draft(store, practice) == "一先安抚情绪二最后一句话"


async def test_ctrl_q_over_help_without_a_data_folder_asks_first(clock):
    app = make_app(MINI, store=None, clock=clock, store_error="/nowhere：无法创建数据文件夹")
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        await type_keys(pilot, "一段还没提交的答案")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "答案不会保存" in dialog_text(app)
        await pilot.press("ctrl+q")  # not asked twice
        await pilot.pause()
        assert len([s for s in app.screen_stack if isinstance(s, ConfirmScreen)]) == 1
        await pilot.press("n")  # stays, the answer with it
        await pilot.pause()
        assert app.return_code is None
        assert app.screen_stack[-2].query_one(TextArea).text == "一段还没提交的答案"


async def test_ctrl_q_keeps_the_answers_of_every_practice_screen_on_the_stack(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        first = app.screen
        await type_keys(pilot, "第一题的答案")
        await search_and_open(pilot, "劝说")  # another question, opened over it
        second = app.screen
        assert isinstance(second, PracticeScreen) and second is not first
        await type_keys(pilot, "第二题的答案")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert the_draft(store, first) == "第一题的答案"
    assert the_draft(store, second) == "第二题的答案"


# -- 2. one question, one editor; two apps, no silent overwrite ----------------------------


async def test_searching_the_question_being_answered_goes_back_to_it(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        practice = await open_and_write(pilot, clock, "没写完的答案ABC")
        await pilot.press("f1")  # (help in between)
        await pilot.pause()
        await search_and_open(pilot, "一阵风")
        assert app.screen is practice
        assert [s for s in app.screen_stack if isinstance(s, PracticeScreen)] == [practice]
        assert any("这道题已经打开着" in n for n in notices(app))
        await type_keys(pilot, "D")
        assert practice.query_one(TextArea).text == "没写完的答案ABCD"
        # from another question's screen above it: that answer is kept as its draft first
        await search_and_open(pilot, "劝说")
        other = app.screen
        await type_keys(pilot, "另一题")
        await search_and_open(pilot, "一阵风")
        assert app.screen is practice
        assert the_draft(store, other) == "另一题"
        assert "上面那道题的答案已存为草稿" in notices(app)[-1]
        # giving it up removes its draft, and there is no other copy of the screen to lose
        await pilot.press("escape", "d")
        await pilot.pause()
        assert the_draft(store, practice) is None


async def test_a_second_app_on_the_data_folder_is_told(store, clock):
    other_app, _ = FolderLock.claim(store.path.parent)  # another studyapp holds the folder
    try:
        app = make_app(MINI, store=store, clock=clock)
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            assert any("另一个 studyapp" in n and "正在使用这个数据文件夹" in n for n in notices(app))
    finally:
        other_app.release()
    app = make_app(MINI, store=store, clock=clock)  # alone now (also after a kill -9: an OS lock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert not any("另一个 studyapp" in n for n in notices(app))


async def test_another_apps_newer_draft_is_not_overwritten_and_both_come_back(store, clock, tmp_path):
    store.save_draft("tui-mini", "sorting-view", "共同的开头")
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        practice = app.screen
        assert practice.query_one(TextArea).text == "共同的开头"
        # the other studyapp, on the same folder, restored it too and saves its own text
        with Store.open(store.path, clock=clock) as other:
            other.save_draft("tui-mini", "sorting-view", "共同的开头B窗口写的", base=other.draft("tui-mini", "sorting-view").rev)
        await type_keys(pilot, "A窗口写的")
        await tick(pilot, clock)
        assert the_draft(store, practice) == "共同的开头B窗口写的"  # B's newer text stays
        assert any("为了不覆盖它" in n and "另存为一份" in n for n in notices(app))
        await type_keys(pilot, "再写一点")
        await pilot.press("ctrl+q")
        await pilot.pause()
    again = make_app(MINI, store=store, clock=clock)
    async with again.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        # the draft in the editor; the copy above it, apart, never merged into the answer
        editor = again.screen.query_one(TextArea)
        assert editor.text == "共同的开头B窗口写的"
        assert str(again.screen.query_one("#copies-text").visual) == "共同的开头A窗口写的再写一点"
        hint = str(again.screen.query_one("#copies-hint").visual)
        assert "没有放进答题框" in hint and "ctrl+r" in hint
        await tick(pilot, clock)  # both stay as they are
        assert len(store.draft_copies("tui-mini", "sorting-view")) == 1
        assert again.screen.active_bindings["ctrl+r"].binding.description == "放入另存的"
        await pilot.press("ctrl+r")  # taken in after the draft, then one draft again
        assert editor.text == "共同的开头B窗口写的\n共同的开头A窗口写的再写一点"
        await pilot.pause()
        assert "ctrl+r" not in again.screen.active_bindings  # nothing more to add
        box = again.screen.query_one("#copies")  # and the box no longer says it is kept apart
        assert box.collapsed and "已接到答题框" in str(box.title)
        await pilot.press("ctrl+z")  # taken out again: kept apart again, as the box then says
        await pilot.pause()
        assert editor.text == "共同的开头B窗口写的" and str(box.title).startswith("另存的一份（")
        assert again.screen.active_bindings["ctrl+r"].binding.description == "放入另存的"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert editor.text == "共同的开头B窗口写的\n共同的开头A窗口写的再写一点" and "已接到答题框" in str(box.title)
        await tick(pilot, clock)
        assert the_draft(store, again.screen) == editor.text
        assert store.draft_copies("tui-mini", "sorting-view") == []


# -- 3. a failed draft save is tried again -----------------------------------------------


@pytest.fixture
def failing(store, monkeypatch):
    """``failing.on = True``: the disk is full for every write of the store."""
    from studyapp.core import store as store_module

    class Switch:
        on = False

    real = Store._tx

    def tx(self):
        if Switch.on:
            raise store_module._store_error(self.path, sqlite3.OperationalError("database or disk is full"))
        return real(self)

    monkeypatch.setattr(Store, "_tx", tx)
    return Switch


async def test_a_failed_draft_save_is_retried_and_saving_again_is_said(store, clock, failing):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        practice = await open_and_write(pilot, clock, "一稳住情绪")
        failing.on = True
        await type_keys(pilot, "二讲清政策")
        await tick(pilot, clock)
        said = notices(app)[-1]
        assert "草稿自动保存失败" in said and "磁盘已满" in said and "会再试" in said
        assert the_draft(store, practice) == "一稳住情绪"
        failing.on = False  # space again
        await type_keys(pilot, "三联系原部门")
        await tick(pilot, clock)
        assert the_draft(store, practice) == "一稳住情绪二讲清政策三联系原部门"
        assert "草稿又能保存了" in notices(app)[-1]


async def test_quitting_while_saving_fails_says_which_part_is_kept(store, clock, failing):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        practice = await open_and_write(pilot, clock, "一稳住情绪")
        saved_at = clock.now().astimezone().strftime("%H:%M")
        failing.on = True
        await type_keys(pilot, "二讲清政策")
        await tick(pilot, clock, 120)
        await pilot.press("ctrl+q")  # tried once more at quit: still full
        await pilot.pause()
        asked = dialog_text(app)
        assert "草稿保存失败" in asked and f"只保存了 {saved_at} 之前写的部分" in asked
        assert "答案不会保存" not in asked  # a part is kept: it says which
        await pilot.press("n")
        await pilot.pause()
        failing.on = False
        await pilot.press("ctrl+q")  # it works at quit now: no question
        await pilot.pause()
    assert app.return_code == 0
    assert the_draft(store, practice) == "一稳住情绪二讲清政策"


# -- 6. a damaged database ---------------------------------------------------------------


def damaged_data_folder(tmp_path):
    """The data folder of the tests, with a studyapp.db that is not a database any more;
    (store, why) as `studyapp` opens it."""
    from studyapp.commands.tui import open_store

    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    (folder / "studyapp.db").write_bytes(b"SQLite format 3\x00" + b"\x5a" * 8000)
    store, why = open_store()
    assert store is None
    return folder, why


async def test_a_damaged_database_is_said_and_moved_aside_on_request(tmp_path, clock):
    folder, why = damaged_data_folder(tmp_path)
    before = (folder / "studyapp.db").read_bytes()
    app = make_app(MINI, store=None, clock=clock, store_error=why)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        asked = dialog_text(app)
        assert asked.startswith("数据文件已损坏") and "studyapp.db.damaged-" in asked and "不会删除" in asked
        assert not any("无法写入数据文件夹" in str(n.title) for n in app._notifications)
        await pilot.press("y")
        await pilot.pause()
        moved = [p for p in folder.iterdir() if p.name.startswith("studyapp.db.damaged-")]
        assert [p.read_bytes() for p in moved] == [before]  # renamed, not deleted
        assert moved[0].name == "studyapp.db.damaged-" + clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
        assert app.store is not None and "已改名为" in notices(app)[-1]
        # practising is saved again, in the new file
        await go_to(pilot, QUESTION)
        await type_keys(pilot, "加强宣传引导")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.answer for a in app.store.attempts()] == ["加强宣传引导"]
        app.store.close()


async def test_a_damaged_database_kept_as_it_is_when_the_answer_is_no(tmp_path, clock, capsys):
    folder, why = damaged_data_folder(tmp_path)
    before = (folder / "studyapp.db").read_bytes()
    app = make_app(MINI, store=None, clock=clock, store_error=why)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.store is None
        last = list(app._notifications)[-1]
        assert last.title == "数据文件已损坏" and "练习记录不会被保存" in str(last.message)
    assert not any("damaged" in p.name for p in folder.iterdir())
    assert (folder / "studyapp.db").read_bytes() == before
    # `studyapp history` says the same, and how to get out of it
    from studyapp.cli import main

    assert main(["history"]) == 1
    err = capsys.readouterr().err
    assert "is not a usable studyapp database" in err and "damaged-DATE" in err


# -- 1b. every road to a question goes back to it where it is open (s9f #1) ---------------


async def test_next_question_from_a_review_goes_back_to_the_question_open_below(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        first = app.screen
        await type_keys(pilot, "先在群里回应")
        await tick(pilot, clock)
        await search_and_open(pilot, "劝说")  # the question before 一阵风 in home's order
        await type_keys(pilot, "耐心劝说邻居")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")  # 下一题 is 一阵风, still open below: back to it, not a second editor
        await pilot.pause()
        assert app.screen is first
        assert [s for s in app.screen_stack if isinstance(s, PracticeScreen)] == [first]
        assert any("这道题已经打开着" in n for n in notices(app))
        assert first.query_one(TextArea).text == "先在群里回应"


async def test_giving_up_an_answer_never_deletes_the_draft_another_screen_shows(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        below = app.screen
        await type_keys(pilot, "下面写的答案")
        await tick(pilot, clock)
        # any road that still opened the question a second time (the screen's own door)
        app.push_screen(PracticeScreen(below.pack, below.question))
        await pilot.pause()
        await type_keys(pilot, "上面")
        await pilot.press("escape", "d", "y")  # (its draft, restored: asked twice)
        await pilot.pause()
        assert app.screen is below
        assert the_draft(store, below) == "下面写的答案"  # what the screen shows is still kept


# -- 2b. a submit that cannot be saved stays in the editor (s9f #2) ------------------------


async def test_a_submit_that_cannot_be_saved_stays_in_the_editor_and_nothing_leaves_unasked(store, clock, failing):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        practice = await open_and_write(pilot, clock, "一稳住情绪")
        failing.on = True  # the disk is full
        await type_keys(pilot, "四事后回访")
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen is practice  # no review as if it were saved
        said = notices(app)[-1]
        assert "提交失败" in said and "磁盘已满" in said and "没有保存" in said and "还在答题框里" in said
        assert store.attempts() == []
        await pilot.press("escape")  # leaving asks
        await pilot.pause()
        assert "答案不会保存" in dialog_text(app)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+q")  # so does quitting: only the part saved before is kept
        await pilot.pause()
        assert "草稿保存失败" in dialog_text(app)
        await pilot.press("n")
        await pilot.pause()
        failing.on = False  # space again: the draft is saved, and the submit goes through
        await tick(pilot, clock)
        assert the_draft(store, practice) == "一稳住情绪四事后回访"
        await pilot.press("f5")
        await pilot.pause()
        assert [a.answer for a in store.attempts()] == ["一稳住情绪四事后回访"]
        assert the_draft(store, practice) is None


# -- 7. two windows: the copy says what happened and stays apart (s9f #7) ------------------


async def test_a_draft_only_saved_again_unchanged_elsewhere_is_not_a_conflict(store, clock):
    store.save_draft("tui-mini", "sorting-view", "共同的开头")
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        practice = app.screen
        with Store.open(store.path, clock=clock) as other:  # the other window saved it as it was
            other.save_draft("tui-mini", "sorting-view", "共同的开头", base=other.draft("tui-mini", "sorting-view").rev)
        await type_keys(pilot, "A")
        await tick(pilot, clock)
        assert the_draft(store, practice) == "共同的开头A"
        assert store.draft_copies("tui-mini", "sorting-view") == []
        assert not any("另存" in n for n in notices(app))


async def test_after_the_other_window_submits_this_window_is_the_draft_again(store, clock):
    store.save_draft("tui-mini", "sorting-view", "共同的开头")
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        practice = app.screen
        with Store.open(store.path, clock=clock) as other:
            rev = other.draft("tui-mini", "sorting-view").rev
            rev = other.save_draft("tui-mini", "sorting-view", "共同的开头B写的", base=rev)
            await type_keys(pilot, "A写的")
            await tick(pilot, clock)  # B's newer text is kept: ours goes beside it
            assert len(store.draft_copies("tui-mini", "sorting-view")) == 1
            other.delete_draft("tui-mini", "sorting-view", base=rev)  # B submits
        await type_keys(pilot, "再写")
        await tick(pilot, clock)
        assert the_draft(store, practice) == "共同的开头A写的再写"
        assert store.draft_copies("tui-mini", "sorting-view") == []
        assert "现在就是这道题的草稿" in notices(app)[-1]
