"""Keys typed while F1's help is open over the practice screen are not lost (session 11, #1):
as over the reference answer and the mock's help, a key that types (q and ? too: while
answering they are answer text) or a paste closes the help and goes into the answer at its
cursor. The help's own keys (scrolling, escape) still work; over home, q still closes it."""
from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from studyapp.tui.help import HelpScreen
from studyapp.tui.practice import PracticeScreen, ReferenceScreen
from studyapp.tui.review import ReviewScreen

from tuiutil import MINI, answer_then_again, go_to, make_app

QUESTION = "一阵风"  # has a reference answer


async def open_help(pilot) -> HelpScreen:
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    return pilot.app.screen


def help_note(app) -> str:
    return "".join(str(w.visual) for w in app.screen.query("#help-note"))


async def test_typing_over_the_help_in_practice_goes_into_the_answer(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, QUESTION)
        practice = app.screen
        await pilot.press(*"先写", "enter")
        await open_help(pilot)
        assert "直接打字" in help_note(app)  # the help says so at its top
        await pilot.press(*"稳情绪q?")
        await pilot.pause()
        assert app.screen is practice
        editor = practice.query_one("#answer", TextArea)
        assert editor.text == "先写\n稳情绪q?"
        assert practice.focused is editor
        # a paste too
        await open_help(pilot)
        app.screen.focused.post_message(events.Paste("，贴的"))
        await pilot.pause()
        assert app.screen is practice and editor.text == "先写\n稳情绪q?，贴的"
        # a burst, as an input method sends it: all of it, in order
        await open_help(pilot)
        for ch in "一口气的字":
            app.post_message(events.Key(ch, ch))
        await pilot.pause()
        await pilot.pause()
        assert app.screen is practice and editor.text == "先写\n稳情绪q?，贴的一口气的字"
        # reading the help: it stays; escape comes back, nothing added
        help_screen = await open_help(pilot)
        await pilot.press("down", "pagedown", "end", "home")
        await pilot.pause()
        assert app.screen is help_screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is practice and editor.text == "先写\n稳情绪q?，贴的一口气的字"


async def test_typing_over_the_help_opened_from_the_reference_goes_into_the_answer(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, QUESTION)
        practice = app.screen
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ReferenceScreen)
        await open_help(pilot)
        await pilot.press(*"看完接着写")
        await pilot.pause()
        assert app.screen is practice  # the help and the reference both give way
        assert practice.query_one("#answer", TextArea).text == "看完接着写"


async def test_typing_over_the_help_when_answering_again_goes_into_the_new_answer(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_then_again(pilot, QUESTION)
        again = app.screen
        assert isinstance(again, PracticeScreen) and again.previous_answer == "加强监督。"
        await pilot.press("shift+tab")  # the outline above has the focus: typing still reaches the answer
        await open_help(pilot)
        await pilot.press(*"宣传引导")
        await pilot.pause()
        assert app.screen is again
        assert again.query_one("#answer", TextArea).text == "宣传引导"


async def test_the_help_over_the_review_and_home_still_closes_with_q(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, QUESTION)
        app.screen.query_one(TextArea).insert("加强监督。")
        await pilot.press("ctrl+s")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await open_help(pilot)
        assert help_note(app) == ""  # nothing being written under it
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is review
