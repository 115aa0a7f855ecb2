"""Answering again (t in a review): with the old outline, what it missed (points by number
and short name, the words a half-made one lacks); ctrl+r, named in the footer, puts the old
outline into the editor to be revised: undoable, and never over what is already written."""
from __future__ import annotations

from textual.widgets import Static, TextArea

from studyapp.tui.attempts import PastReviewScreen
from studyapp.tui.practice import PracticeScreen
from studyapp.tui.review import ReviewScreen

from tuiutil import MINI, go_to, make_app

OLD = "加强监督。"  # 一阵风: 要点1 and 要点2 missed, 要点3 half made


def plain(widget: Static) -> str:
    visual = widget.visual
    return visual.plain if hasattr(visual, "plain") else str(visual)


async def answer_then_again(pilot, text: str = OLD) -> ReviewScreen:
    await go_to(pilot, "一阵风")
    pilot.app.screen.query_one(TextArea).insert(text)
    await pilot.press("ctrl+s")
    await pilot.pause()
    review = pilot.app.screen
    assert isinstance(review, ReviewScreen)
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PracticeScreen)
    return review


async def test_the_old_outline_comes_with_the_points_it_missed(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        review = await answer_then_again(pilot)
        status = [v.status for v in review.grading.points]
        assert status == ["missed", "missed", "partial"]  # as the review listed them a moment ago
        missed, partial = plain(app.screen.query_one("#previous-gaps", Static)).split("\n")
        assert missed == "✘ 上次未覆盖：要点1 宣传引导；要点2 完善投放设施"
        lacking = "、".join(review.grading.points[2].missing[:3])
        assert partial == f"◐ 上次部分：要点3 积分激励与监督约束相结合（可补充：{lacking}）"
        assert "积分" in lacking
        # on the screen at once: at the top of the old outline's box, above the editor
        gaps = app.screen.query_one("#previous-gaps")
        outline = app.screen.query_one("#previous-answer")
        assert gaps.region.height == 2 and gaps.region.y < outline.region.y < app.screen.query_one(TextArea).region.y


async def test_an_old_outline_that_made_every_point_says_so(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await answer_then_again(pilot, "宣传引导，养成习惯。完善投放设施，方便居民。积分激励，加强监督，形成长效机制。")
        assert plain(app.screen.query_one("#previous-gaps", Static)) == "上次所有要点都已覆盖。"


async def test_ctrl_r_puts_the_old_outline_into_the_empty_editor_and_ctrl_z_takes_it_out(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "宣传活动")  # a first answer: nothing to revise, no ctrl+r
        assert "ctrl+r" not in app.screen.active_bindings
        await pilot.press("escape")
        await pilot.pause()
        await answer_then_again(pilot)
        screen = app.screen
        assert "ctrl+r" in screen.active_bindings  # shown in the footer: 改上次提纲
        assert screen.active_bindings["ctrl+r"].binding.description == "改上次提纲"
        editor = screen.query_one(TextArea)
        await pilot.press("ctrl+r")
        assert editor.text == OLD and editor.cursor_location == editor.document.end
        assert "已放入上一次的提纲" in str(editor.border_title)
        await pilot.press(*"abc")  # revised where the cursor is
        assert editor.text == OLD + "abc"
        await pilot.press("ctrl+z", "ctrl+z")
        assert editor.text == ""


async def test_ctrl_r_after_typing_appends_the_old_outline_and_keeps_what_was_typed(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await answer_then_again(pilot)
        editor = app.screen.query_one(TextArea)
        await pilot.press(*"xyz")
        await pilot.press("shift+tab")  # reading the old outline: ctrl+r works from there too
        await pilot.press("ctrl+r")
        assert editor.text == "xyz\n" + OLD and editor.has_focus
        assert "没有覆盖" in str(editor.border_title)
        await pilot.press("ctrl+r")  # once is enough: not a second copy
        assert editor.text == "xyz\n" + OLD and "已经在答题框里" in str(editor.border_title)
        await pilot.press("ctrl+z")
        assert editor.text == "xyz"


async def test_answering_again_from_a_past_answer_revises_that_outline(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await answer_then_again(pilot)
        await pilot.press("escape")  # (empty: straight back home)
        await pilot.pause()
        await pilot.press("h", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PastReviewScreen)
        await pilot.press("t")
        await pilot.pause()
        assert "上次未覆盖：要点1" in plain(app.screen.query_one("#previous-gaps", Static))
        await pilot.press("ctrl+r")
        assert app.screen.query_one(TextArea).text == OLD
