"""Answering again at 60 columns: every hint of the practice screen whole (its own hints
took 65 cells, ^s/F5 提交 ^r 改上次提纲 f2 覆盖提示 ^o 参考答案 esc 返回 f1 帮助, even with
^q/^t left out; now ^r 改旧提纲 and f2 提示)."""
from __future__ import annotations

from textual.widgets import TextArea

from studyapp.core.packs import bundled_pack_dir

from test_footer_narrow import NARROW, assert_whole
from tuiutil import go_to, make_app


async def test_answering_again_shows_every_hint_whole_at_60_columns(store):
    app = make_app(bundled_pack_dir(), store=store)
    async with app.run_test(size=NARROW) as pilot:
        await go_to(pilot, "为了解辖区内")
        app.screen.query_one(TextArea).insert("一、先开展调研。")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        (again,) = assert_whole(app)
        assert "改旧提纲" in again and "帮助" in again
