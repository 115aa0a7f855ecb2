"""Answering again (t in a review): with the old outline, what it missed (points by number
and short name, the words a half-made one lacks); ctrl+r, named in the footer, puts the old
outline into the editor to be revised: undoable, and never over what is already written."""
from __future__ import annotations

from textual.widgets import Static, TextArea

from studyapp.tui.review import ReviewScreen

from tuiutil import MINI, answer_a_past_answer_again, answer_then_again, go_to, make_app, plain

OLD = "加强监督。"  # 一阵风: 要点1 and 要点2 missed, 要点3 half made


async def test_the_old_outline_comes_with_the_points_it_missed(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        review = await answer_then_again(pilot)
        status = [v.status for v in review.grading.points]
        assert status == ["missed", "missed", "partial"]  # as the review listed them a moment ago
        missed, partial = plain(app.screen.query_one("#previous-gaps", Static)).split("\n")
        # each named by what to add (the review's 可补充 words), not its opening words
        to_add = ["、".join(v.missing[:3]) for v in review.grading.points]
        assert missed == f"✘ 上次未覆盖，可补充：要点1 {to_add[0]}；要点2 {to_add[1]}"
        assert partial == f"◐ 上次部分，可补充：要点3 {to_add[2]}"
        assert to_add[:2] == ["宣传、习惯", "设施、方便"] and "积分" in to_add[2]
        # on the screen at once: at the top of the old outline's box, above the editor
        gaps = app.screen.query_one("#previous-gaps")
        outline = app.screen.query_one("#previous-answer")
        assert gaps.region.height == 2 and gaps.region.y < outline.region.y < app.screen.query_one(TextArea).region.y


async def test_an_old_outline_that_made_every_point_says_so(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await answer_then_again(pilot, text="宣传引导，养成习惯。完善投放设施，方便居民。积分激励，加强监督，形成长效机制。")
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
        assert "ctrl+r" in screen.active_bindings  # shown in the footer: 改旧提纲
        assert screen.active_bindings["ctrl+r"].binding.description == "改旧提纲"
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
        await answer_a_past_answer_again(pilot)
        assert "上次未覆盖，可补充：要点1" in plain(app.screen.query_one("#previous-gaps", Static))
        await pilot.press("ctrl+r")
        assert app.screen.query_one(TextArea).text == OLD


async def test_escape_from_answering_again_goes_back_to_the_review_it_came_from(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        review = await answer_then_again(pilot)
        await pilot.press("escape")  # nothing typed
        await pilot.pause()
        assert app.screen is review
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"abc", "escape", "d")  # typed, then given up
        await pilot.pause()
        assert app.screen is review
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one(TextArea).insert("宣传引导，养成习惯。")
        await pilot.press("ctrl+s")  # the new review takes the old one's place
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen is not review
        assert review not in app.screen_stack
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)


async def test_ctrl_r_is_in_the_footer_at_60_columns_and_the_old_outline_leaves_room_at_40x20(store, clock):
    from textual.widgets._footer import FooterKey

    for size in ((60, 24), (40, 20)):
        app = make_app(MINI, store=store, clock=clock)
        async with app.run_test(size=size) as pilot:
            await answer_then_again(pilot)
            key = next(k for k in app.screen.query(FooterKey) if k.key == "ctrl+r")
            assert key.region.right <= size[0]  # on the screen, not cut off
            editor = app.screen.query_one(TextArea)
            assert editor.content_region.height >= 6  # lines to write in
            assert app.screen.query_one("#previous").region.height <= size[1] // 4


async def test_what_ctrl_r_says_on_the_frame_goes_once_the_text_changes(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await answer_then_again(pilot)
        editor = app.screen.query_one(TextArea)
        await pilot.press("ctrl+r", "ctrl+r")
        await pilot.pause()
        assert "已经在答题框里" in str(editor.border_title)
        await pilot.press("home", "shift+end", *"xy")  # typed over it: it is not there any more
        await pilot.pause()
        assert not editor.border_title
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "没有覆盖" in str(editor.border_title)
        await pilot.press("ctrl+z")  # the insertion undone
        await pilot.pause()
        assert editor.text == "xy" and not editor.border_title
