"""A notification over the home screen's two columns shows its Chinese text whole
(Textual replaces a wide character cut by a widget edge underneath with spaces;
studyapp/tui/overlay_fix.py keeps it)."""
from __future__ import annotations

from rich.console import Console

from studyapp.core.packs import bundled_pack_dir

from tuiutil import make_app

TITLE = "无法写入数据文件夹"
LINE = "练习记录不会被保存。"


async def test_a_notice_over_the_column_edge_keeps_every_character():
    app = make_app(bundled_pack_dir())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.notify(f"/proc/nope: cannot create the data folder\n{LINE}", title=TITLE, timeout=30, markup=False)
        for _ in range(3):
            await pilot.pause()
        toast = app.screen.query_one("Toast")
        edge = app.screen.query_one("#home-detail").region.x  # the column edge under the toast
        assert toast.region.x < edge < toast.region.right
        compositor = app.screen._compositor
        screen_text = "\n".join(strip.text for strip in compositor.render_strips())
        assert TITLE in screen_text and LINE in screen_text
        # the same through partial updates: the toast changes, or the panel under it does
        for dirty in (toast.region, app.screen.query_one("#home-detail").region):
            compositor._dirty_regions.add(dirty)
            raw = compositor.render_partial_update().render_segments(Console())
            assert "无法写入" in raw and "练习记录" in raw


async def test_ordinary_screens_render_exactly_as_before():
    """Where no wide character straddles a cut, the lines are divided as Textual does."""
    from textual._compositor import Compositor

    from studyapp.tui import overlay_fix

    app = make_app(bundled_pack_dir())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        compositor = app.screen._compositor
        ours = [strip.text for strip in compositor.render_strips()]
        patched = Compositor._render_chops
        try:
            Compositor._render_chops = overlay_fix._ORIGINAL_RENDER_CHOPS
            compositor._cuts = None
            theirs = [strip.text for strip in compositor.render_strips()]
        finally:
            Compositor._render_chops = patched
        assert ours == theirs


async def test_the_notice_stays_whole_while_the_screen_under_it_changes(monkeypatch):
    from textual._compositor import Compositor

    written: list[str] = []
    render = Compositor.render_partial_update

    def recording(self):
        update = render(self)
        if update is not None:
            written.append(update.render_segments(Console()))
        return update

    monkeypatch.setattr(Compositor, "render_partial_update", recording)
    app = make_app(bundled_pack_dir())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.notify(f"/proc/nope: cannot create the data folder\n{LINE}", title=TITLE, timeout=30, markup=False)
        for _ in range(3):
            await pilot.pause()
        written.clear()
        await pilot.press("down", "down", "down")  # the detail panel under the toast changes
        for _ in range(3):
            await pilot.pause()
        assert written  # the terminal got partial updates
        # a line of the toast is never sent in part, starting inside a wide character
        assert any("数据文件夹" in raw for raw in written)
        for raw in written:
            assert raw.count("数据文件夹") == raw.count(TITLE)
            assert raw.count("不会被保存") == raw.count(LINE)
