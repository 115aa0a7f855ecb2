"""What the candidate types over the practice reference answer (ctrl+o, also when answering
again) is not lost (explore-s10c #1): a key that types (or a paste) closes the reference and
goes into the answer at its cursor; the reference's own keys (scrolling, escape) still work."""
from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from studyapp.tui.practice import PracticeScreen, ReferenceScreen

from tuiutil import MINI, answer_then_again, go_to, make_app

QUESTION = "一阵风"  # has a reference answer


async def open_reference(pilot) -> ReferenceScreen:
    await pilot.press("ctrl+o")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReferenceScreen)
    return pilot.app.screen


async def test_typing_over_the_reference_goes_on_writing_the_answer(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, QUESTION)
        practice = app.screen
        await pilot.press(*"第一行", "enter")
        await open_reference(pilot)
        await pilot.press(*"读完参考答案后接着写")
        await pilot.pause()
        assert app.screen is practice
        editor = practice.query_one("#answer", TextArea)
        assert editor.text == "第一行\n读完参考答案后接着写"
        assert practice.focused is editor
        # a paste over it too, at the cursor
        await open_reference(pilot)
        assert "直接打字" in app.screen.query_one("#reference-note").visual.plain  # it says so
        app.screen.focused.post_message(events.Paste("，再贴一段"))
        await pilot.pause()
        assert app.screen is practice
        assert editor.text == "第一行\n读完参考答案后接着写，再贴一段"


async def test_a_burst_of_keys_over_the_reference_arrives_whole_and_in_order(store, clock):
    # an input method (or a fast typist) sends many keys at once: they reach the app before
    # the reference has closed, and the ones after the first still go into the answer
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, QUESTION)
        practice = app.screen
        await open_reference(pilot)
        burst = "一口气打很多字，abc def？"
        for ch in burst:
            app.post_message(events.Key(ch, ch))  # as the terminal driver delivers them
        await pilot.pause()
        await pilot.pause()
        assert app.screen is practice
        assert practice.query_one("#answer", TextArea).text == burst


async def test_the_reference_keeps_its_own_keys(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await go_to(pilot, QUESTION)
        await pilot.press(*"写了")
        reference = await open_reference(pilot)
        await pilot.press("down", "pagedown", "end", "home")  # reading it: it stays
        await pilot.pause()
        assert app.screen is reference
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.query_one("#answer", TextArea).text == "写了"


async def test_typing_over_the_reference_when_answering_again_goes_into_the_new_answer(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_then_again(pilot, QUESTION)
        again = app.screen
        assert isinstance(again, PracticeScreen) and again.previous_answer == "加强监督。"
        await open_reference(pilot)
        await pilot.press(*"宣传引导")
        await pilot.pause()
        assert app.screen is again
        assert again.query_one("#answer", TextArea).text == "宣传引导"
