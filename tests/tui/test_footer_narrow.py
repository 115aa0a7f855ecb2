"""The footer's key hints on a 60-column terminal (a split pane): every hint whole, none
drawn over another; ^t 主题 and then ^q 退出 (in F1's help, and they still work) make room,
but only where the screen's own keys need it."""
from __future__ import annotations

from textual.widgets import TextArea

from studyapp.core.clock import FakeClock
from studyapp.core.packs import bundled_pack_dir
from studyapp.core.session import MockOptions

from tuiutil import go_to, make_app

NARROW = (60, 20)


def footer_keys(app) -> list[tuple[str, object]]:
    """(hint, region) of each key hint in the footer of the screen on top."""
    from textual.widgets._footer import FooterKey

    return [(f"{k.key_display} {k.description}".strip(), k.region) for k in app.screen.query(FooterKey)]


def assert_whole(app) -> list[str]:
    width = app.size.width
    keys = footer_keys(app)
    assert keys
    for hint, region in keys:
        assert region.width > 0 and region.right <= width, (hint, region, width)  # on screen, whole
    for i, (hint, region) in enumerate(keys):
        for other, elsewhere in keys[i + 1 :]:
            assert not region.overlaps(elsewhere), (hint, other)  # none drawn over another
    return [" ".join(hint for hint, _ in keys)]


async def test_the_review_shows_every_hint_whole_at_60_columns(store):
    app = make_app(bundled_pack_dir(), store=store)
    async with app.run_test(size=NARROW) as pilot:
        await go_to(pilot, "为了解辖区内")
        app.screen.query_one(TextArea).insert("一、先开展调研。")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (review,) = assert_whole(app)
        assert "参考答案" in review and "再答一次" in review and "帮助" in review
        assert "^q 退出" in review  # the way out has room
        assert "主题" not in review  # ^t does not (F1's help lists it)
        await pilot.press("ctrl+q")  # still quits
        await pilot.pause()
        assert not app.is_running


async def test_the_home_screen_shows_the_way_out_at_60_columns():
    app = make_app(bundled_pack_dir())
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        (home,) = assert_whole(app)
        # home's own keys leave room: a newcomer in a split pane sees how to quit
        assert "^q 退出" in home and "^t 主题" in home and "^p 搜索" in home and "m 模拟面试" in home


async def test_quit_and_theme_give_way_only_when_the_screens_keys_need_the_room():
    app = make_app(bundled_pack_dir())
    async with app.run_test(size=(50, 20)) as pilot:
        await go_to(pilot, "为了解辖区内")
        await pilot.pause()
        (practice,) = assert_whole(app)
        assert "^o 参考答案" in practice and "f1 帮助" in practice
        assert "^q" not in practice and "^t" not in practice
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        (practice,) = assert_whole(app)
        assert "^q 退出" in practice and "^t 主题" in practice
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        await pilot.pause()
        (practice,) = assert_whole(app)
        assert "^q 退出" in practice and "^t" not in practice
        await pilot.press("escape")  # back home: its footer has room for both again
        await pilot.pause()
        await pilot.pause()
        (home,) = assert_whole(app)
        assert "^q 退出" in home and "^t 主题" in home
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        await pilot.pause()
        (home,) = assert_whole(app)
        assert "^q 退出" in home
        await pilot.press("ctrl+t")  # the key works without its hint
        await pilot.pause()
        assert app.theme == "textual-light"


async def test_the_mock_report_hints_are_not_covered_by_search_at_60_columns():
    from studyapp.core.packs import load_pack
    from studyapp.tui.app import StudyApp

    clock = FakeClock()
    app = StudyApp([load_pack(bundled_pack_dir())], store=None, clock=clock,
                   mock=MockOptions(count=1, think=5, answer=10, seed=2), voice=None)
    app.bell = lambda: None
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        for ch in "我会先了解情况":
            await pilot.press(ch)
        clock.advance(20)
        app.screen.tick()
        await pilot.pause()
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ReportScreen"
        (report,) = assert_whole(app)
        assert "导出" in report
