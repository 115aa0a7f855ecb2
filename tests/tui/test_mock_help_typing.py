"""Keys typed while F1's help is open over a running mock are not lost (explore-s10c #7a): the
clock runs on and the candidate goes on writing; a key that types (q and ? too) or a paste
closes the help and goes into the answer. Elsewhere the help closes with q as before."""
from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from studyapp.core.clock import FakeClock
from studyapp.core.session import ANSWERING, MockOptions
from studyapp.core.store import Store
from studyapp.tui.help import HelpScreen

from tuiutil import MINI, make_app, mock_app, step


async def test_typing_over_the_help_in_a_running_mock_goes_into_the_answer(tmp_path):
    clock = FakeClock()
    db = Store.open(tmp_path / "data", clock=clock)
    try:
        app = mock_app(db, clock, MockOptions(count=1, think=5, answer=60, seed=1))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            mock = app.screen
            await step(pilot, clock, 6)
            assert mock.session.phase == ANSWERING
            await pilot.press(*"先说", "f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            # q and ? close the help elsewhere; under the running clock they are answer text too
            await pilot.press(*"在帮助里打的字q?")
            await pilot.pause()
            assert app.screen is mock
            editor = mock.query_one("#mock-answer", TextArea)
            assert editor.text == "先说在帮助里打的字q?"
            assert mock.focused is editor
            await pilot.press("f1")
            await pilot.pause()
            assert "直接打字" in "".join(str(w.visual) for w in app.screen.query("#help-clock"))  # it says so
            app.screen.focused.post_message(events.Paste("，贴的"))
            await pilot.pause()
            assert app.screen is mock and editor.text == "先说在帮助里打的字q?，贴的"
            await pilot.press("f1")
            await pilot.pause()
            for ch in "一口气的字":  # a burst, as an input method sends it: all of it, in order
                app.post_message(events.Key(ch, ch))
            await pilot.pause()
            await pilot.pause()
            assert app.screen is mock and editor.text == "先说在帮助里打的字q?，贴的一口气的字"
            await pilot.press("f1", "down", "pagedown")  # reading the help: it stays
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is mock and editor.text == "先说在帮助里打的字q?，贴的一口气的字"
    finally:
        db.close()


async def test_the_help_outside_a_mock_still_closes_with_q(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is home
