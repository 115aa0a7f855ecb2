"""Exporting a mock report under a bare file name (explore-s10c #7f): the field offered
<data folder>/reports/…, so a name typed alone goes into that folder, not into whatever
folder studyapp was started from (a launcher's, invisible in the app); the toast and the
status line say the whole path. A path with a folder part is kept as typed."""
from __future__ import annotations

import os


from studyapp.core.session import MockOptions

from tuiutil import mock_app


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def finish_a_mock(pilot):
    await pilot.pause()
    await pilot.press("ctrl+n")
    pilot.app.screen.query_one("#mock-answer").insert("我会先了解情况，再耐心沟通。")
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()


async def export_to(pilot, value: str) -> str:
    """e, the field cleared and ``value`` typed, enter; returns what the field offered."""
    await pilot.press("e")
    await pilot.pause()
    field = pilot.app.screen.query_one("#export-path")
    offered = field.value
    field.value = ""
    field.insert_text_at_cursor(value)
    await pilot.press("enter")
    await pilot.pause()
    return offered


async def test_a_bare_name_goes_into_the_reports_folder_and_the_whole_path_is_said(store, clock, tmp_path, monkeypatch):
    from studyapp.tui.report import ReportScreen

    started_in = tmp_path / "launcher"
    started_in.mkdir()
    monkeypatch.chdir(started_in)  # where a launcher happened to start studyapp
    app = mock_app(store, clock, MockOptions(count=1, think=30, answer=60, seed=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_a_mock(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        offered = await export_to(pilot, "我的报告")
        reports = os.path.dirname(offered)
        assert reports == str(tmp_path / "data" / "reports")
        out = tmp_path / "data" / "reports" / "我的报告.md"
        assert out.is_file() and out.read_text(encoding="utf-8").startswith("# 模拟面试报告")
        assert list(started_in.iterdir()) == []  # nothing in the folder it was started from
        assert report.exported == out
        assert any(f"已导出到 {out}" in n for n in notices(app))
        assert f"已导出：{out}" in str(report.query_one("#report-export").render()).replace("\n", "")
        # a name with its extension too; and a path with a folder part is kept as typed
        await export_to(pilot, "第二份.md")
        assert report.exported == tmp_path / "data" / "reports" / "第二份.md" and report.exported.is_file()
        await export_to(pilot, "./就放这里")
        assert report.exported == started_in / "就放这里.md" and report.exported.is_file()
        assert any(f"已导出到 {started_in / '就放这里.md'}" in n for n in notices(app))

