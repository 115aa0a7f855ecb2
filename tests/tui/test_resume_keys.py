"""The dialog offering an interrupted mock interview at start: F1 and ctrl+t keep the meaning
they have on every screen, ctrl+q quits and keeps the session; only an ordinary key (a letter,
space, escape) asks whether to discard it."""
from __future__ import annotations

from textual.widgets import Static

from studyapp.tui.confirm import ConfirmScreen
from studyapp.tui.help import HelpScreen
from studyapp.tui.home import HomeScreen
from studyapp.tui.resume import ResumeScreen

from tuiutil import mock_app


def interrupted(store) -> int:
    return store.create_session(
        config={}, questions=[("community-governance", "burden-survey", "题")], state={"version": 1, "items": []}
    )


async def test_f1_opens_the_help_over_the_dialog_and_escape_comes_back_to_it(store, clock):
    interrupted(store)
    app = mock_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        text = str(app.screen.query_one("#resume-text", Static).render())
        assert "F1 帮助" in text and "ctrl+t 主题" in text and "其他键" not in text
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")  # leaves the help, not the session
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)


async def test_ctrl_t_changes_the_theme_and_function_keys_do_not_ask_to_discard(store, clock):
    sid = interrupted(store)
    app = mock_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        theme = app.theme
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme != theme and isinstance(app.screen, ResumeScreen)
        for key in ("f5", "down", "tab", "pagedown", "ctrl+n"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ResumeScreen), key
        await pilot.press("space")  # an ordinary key: asks, and a yes discards it
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.session(sid).status == "discarded"


async def test_escape_asks_to_discard_and_no_keeps_the_offer(store, clock):
    sid = interrupted(store)
    app = mock_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
    assert store.session(sid).status != "discarded"


async def test_several_unfinished_sessions_can_be_given_up_at_once(store, clock):
    # sessions killed or left in another studyapp pile up: each start used to offer only the
    # newest, and giving it up offered the next older one at the next m
    from studyapp.tui.confirm import ChoiceScreen

    old1, old2, newest = interrupted(store), interrupted(store), interrupted(store)
    app = mock_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        assert "另有 2 场更早的模拟面试也没有完成" in str(app.screen.query_one("#resume-text", Static).render())
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("a")  # 全部放弃（3 场）
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [store.session(i).status for i in (old1, old2, newest)] == ["discarded"] * 3
    assert store.unfinished_session() is None


async def test_giving_up_only_the_newest_keeps_the_older_ones(store, clock):
    from studyapp.tui.confirm import ChoiceScreen

    old, newest = interrupted(store), interrupted(store)
    app = mock_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("y")  # 只放弃这一场
        await pilot.pause()
    assert store.session(newest).status == "discarded" and store.session(old).status != "discarded"
