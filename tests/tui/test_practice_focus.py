"""The practice screen's focus: what is typed while the prompt or the outline above the editor
has the focus (shift+tab, to scroll it) goes into the answer, as in the mock; tab comes back
in one key, and the editor's frame says so while the focus is away."""
from __future__ import annotations

import dataclasses

from textual.widgets import TextArea

from studyapp.tui.practice import PracticeScreen
from studyapp.tui.review import ReviewScreen

from tuiutil import MINI, go_to, make_app

LONG = "近年来，多地推行数字政务，" * 15  # longer than its box at 60x20


async def open_long_prompt(pilot):
    from studyapp.core.packs import load_pack

    app = pilot.app
    pack = load_pack(MINI).pack
    question = dataclasses.replace(pack.questions[0], prompt=LONG)
    app.open_question(pack, question)
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, PracticeScreen)
    return app.screen


async def test_typing_after_scrolling_the_prompt_goes_into_the_answer():
    app = make_app(MINI)
    async with app.run_test(size=(60, 20)) as pilot:
        practice = await open_long_prompt(pilot)
        editor = practice.query_one("#answer", TextArea)
        await pilot.press("shift+tab", "down", "down", "down")
        await pilot.pause()
        box = practice.query_one("#prompt-box")
        assert practice.focused is box and box.scroll_y > 0
        # the heading that says how to come back has scrolled away: the editor's frame says it
        assert "tab" in str(editor.border_subtitle)
        await pilot.press(*"看完题目了")
        await pilot.pause()
        assert editor.text == "看完题目了"
        assert practice.focused is editor and not editor.border_subtitle
        await pilot.press(*"第二次")  # and on, in the editor
        await pilot.pause()
        assert editor.text == "看完题目了第二次"


async def test_a_paste_while_the_prompt_has_the_focus_goes_into_the_answer():
    from textual import events

    app = make_app(MINI)
    async with app.run_test(size=(60, 20)) as pilot:
        practice = await open_long_prompt(pilot)
        await pilot.press("shift+tab")
        await pilot.pause()
        practice.query_one("#prompt-box").post_message(events.Paste("一、回应关切。"))
        await pilot.pause()
        editor = practice.query_one("#answer", TextArea)
        assert editor.text == "一、回应关切。" and practice.focused is editor


async def answer_again(pilot) -> PracticeScreen:
    await go_to(pilot, "一阵风")
    pilot.app.screen.query_one(TextArea).insert("加强监督。")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReviewScreen)
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PracticeScreen)
    return pilot.app.screen


async def test_typing_while_scrolling_the_old_outline_goes_into_the_answer(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        practice = await answer_again(pilot)
        editor = practice.query_one("#answer", TextArea)
        await pilot.press("shift+tab", "down")  # the 上一次的提纲 box, as help's 作答 table says
        await pilot.pause()
        assert practice.focused is practice.query_one("#previous-scroll")
        await pilot.press(*"丢失测试", "enter", *"二")
        await pilot.pause()
        assert editor.text == "丢失测试\n二" and practice.focused is editor


async def test_tab_goes_back_to_the_answer_from_anywhere_and_enter_still_folds_a_box(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        practice = await answer_again(pilot)
        editor = practice.query_one("#answer", TextArea)
        await pilot.press("shift+tab", "shift+tab", "shift+tab")  # outline, its title, the prompt
        await pilot.pause()
        assert practice.focused is practice.query_one("#prompt-box")
        await pilot.press("tab")  # not to the outline's title: to the answer
        await pilot.pause()
        assert practice.focused is editor
        await pilot.press(*"ab", "tab")  # in the editor tab still indents
        await pilot.pause()
        assert editor.text.startswith("ab") and editor.text != "ab" and practice.focused is editor
        await pilot.press("shift+tab", "shift+tab")
        await pilot.pause()
        previous = practice.query_one("#previous")
        assert not previous.collapsed
        await pilot.press("enter")  # on the box's title: it folds, nothing is typed
        await pilot.pause()
        assert previous.collapsed and editor.text.startswith("ab") and "\n" not in editor.text
