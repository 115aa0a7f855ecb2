"""The reference answer can be read before writing (ctrl+o on the practice screen, named in
its footer and on home): nothing is recorded by reading it, and escape comes back to the
answer, where typing goes on."""
from __future__ import annotations

from textual.widgets import Footer, TextArea

from studyapp.tui.practice import PracticeScreen, ReferenceScreen

from tuiutil import MINI, go_to, make_app

QUESTION = "一阵风"  # has a reference answer
NO_REFERENCE = "邻居总是"  # has none


def shown_text(screen) -> str:
    from textual.widgets import Markdown, Static

    parts = []
    for widget in screen.query("Static, Markdown"):
        if isinstance(widget, Markdown):
            parts.append(widget.source)
        elif isinstance(widget, Static):
            visual = widget.visual
            parts.append(visual.plain if hasattr(visual, "plain") else str(visual))
    return "\n".join(parts)


def footer_keys(screen) -> list[str]:
    return [key.description for key in screen.query_one(Footer).query("FooterKey")]


async def test_the_reference_is_read_before_writing_and_nothing_is_recorded(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        assert "参考答案" in footer_keys(practice)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ReferenceScreen)
        text = shown_text(app.screen)
        assert "垃圾分类贵在坚持" in text and "不计分" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is practice
        assert practice.focused is practice.query_one(TextArea)
        await pilot.press(*"看完再写")
        await pilot.pause()
        assert practice.query_one(TextArea).text == "看完再写"
        assert store.attempts() == []  # reading it was not an attempt


async def test_a_question_without_a_reference_says_so(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, NO_REFERENCE)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "本题没有参考答案" in shown_text(app.screen)
        await pilot.press("ctrl+o")  # the same key closes it
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)


async def test_home_says_where_the_reference_can_be_read(store, clock):
    from textual.widgets import Tree

    from tuiutil import tree_lines

    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(Tree)
        index = next(i for i, line in enumerate(tree_lines(app)) if QUESTION in line)
        while tree.cursor_line < index:
            await pilot.press("down")
        await pilot.pause()
        detail = app.screen.query_one("#detail")
        assert "ctrl+o 可先看参考答案" in detail.visual.plain
