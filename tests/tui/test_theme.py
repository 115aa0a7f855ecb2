"""The theme chosen with ctrl+t is the one the app starts with next time."""
from __future__ import annotations

from tuiutil import MINI, make_app


async def test_the_theme_chosen_last_time_comes_back(store):
    app = make_app(MINI, store=store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "textual-light"
    again = make_app(MINI, store=store)
    async with again.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"
        await pilot.press("ctrl+t")
        await pilot.pause()
    assert store.setting("theme") == "textual-dark"


async def test_a_kept_theme_that_is_not_a_theme_is_ignored(store):
    store.set_setting("theme", "\x1b[31mred")  # the data folder is outside input
    app = make_app(MINI, store=store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"


async def test_without_a_data_folder_the_theme_still_changes_for_this_run():
    app = make_app(MINI, store=None)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "textual-light"
