"""Exporting a mock report under a bare file name (explore-s10c #7f): the field offered
<data folder>/reports/…, so a name typed alone goes into that folder, not into whatever
folder studyapp was started from (a launcher's, invisible in the app); the toast and the
status line say the whole path. A path with a folder part is kept as typed."""
from __future__ import annotations

import os


from studyapp.core.session import MockOptions

from tuiutil import export_to, finish_a_mock, mock_app, notices


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

