"""The mock report: export (never overwriting a file unasked), the keys around the automatic
switch to it, and reopening a past session's report."""
from __future__ import annotations

import pytest

from studyapp.core.clock import FakeClock
from studyapp.core.session import MockOptions
from studyapp.core.store import Store

from tuiutil import mock_app, step

SIZE = (100, 32)


@pytest.fixture
def db(tmp_path, clock):
    s = Store.open(tmp_path / "data", clock=clock)
    yield s
    s.close()


def shown(app, selector) -> str:
    return str(app.screen.query_one(selector).render())


async def finish_a_mock(pilot, clock, answer="我会先了解情况，再耐心沟通。"):
    """A one-question mock: the answer is typed, ctrl+n ends thinking, then the answer time."""
    await pilot.pause()
    await pilot.press("ctrl+n")
    app = pilot.app
    app.screen.query_one("#mock-answer").insert(answer)
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()


async def type_path(pilot, path) -> None:
    field = pilot.app.screen.query_one("#export-path")
    field.value = ""
    field.insert_text_at_cursor(str(path))
    await pilot.press("enter")
    await pilot.pause()


async def test_export_asks_before_replacing_a_file_and_keeps_the_typed_path_on_an_error(db, clock, tmp_path):
    from studyapp.tui.confirm import ConfirmScreen
    from studyapp.tui.report import ExportScreen, ReportScreen

    notes = tmp_path / "我的笔记.md"
    notes.write_text("我的重要笔记", encoding="utf-8")
    app = mock_app(db, clock, MockOptions(count=1, think=30, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await finish_a_mock(pilot, clock)
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.press("e")
        await pilot.pause()
        await type_path(pilot, notes)
        assert isinstance(app.screen, ConfirmScreen)
        assert "文件已存在，覆盖吗？(y/n)" in shown(app, "#confirm-text")
        await pilot.press("n")  # no: the note stays, the dialog stays with the name to change
        await pilot.pause()
        assert notes.read_text(encoding="utf-8") == "我的重要笔记"
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-path").value == str(notes)
        # a folder that cannot be made: said in Chinese, the typed path kept
        bad = tmp_path / "a-file" / "sub" / "r.md"
        (tmp_path / "a-file").write_text("x", encoding="utf-8")
        await type_path(pilot, bad)
        assert isinstance(app.screen, ExportScreen)
        assert "导出失败：路径中有一项不是文件夹" in shown(app, "#export-error")
        assert app.screen.query_one("#export-path").value == str(bad)
        # yes: replaced, as asked
        await type_path(pilot, notes)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is report and report.exported == notes
        assert "模拟面试报告" in notes.read_text(encoding="utf-8")


async def test_without_a_data_folder_the_export_is_proposed_in_the_home_folder(clock, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    app = mock_app(None, clock, MockOptions(count=1, think=30, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await finish_a_mock(pilot, clock)
        await pilot.press("e")
        await pilot.pause()
        proposed = app.screen.query_one("#export-path").value
        assert proposed.startswith(str(tmp_path / "home" / "mock-"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.exported.read_text(encoding="utf-8").startswith("# 模拟面试报告")
