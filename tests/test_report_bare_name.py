"""Report.export_target/export with a bare name (explore-s10c #7f): a name with no folder
part goes into the folder given (the one the export field offered), and the file is always
answered as an absolute path (said whole in the toast); a path with a folder part is kept as
typed, relative to where the program runs."""
from __future__ import annotations

from studyapp.core.clock import FakeClock
from studyapp.core.model import KeyPoint, Question
from studyapp.core.report import build_report
from studyapp.core.session import MockSession


def a_report():
    clock = FakeClock()
    q = Question(id="x", prompt="谈谈你对基层减负的看法。", key_points=(KeyPoint("a", "减负"),), type="综合分析")
    s = MockSession.build([("p", q)], clock, think=30, answer=60)
    s.start()
    s.finish_phase()
    s.set_text("减负要落到实处")
    s.finish_phase()
    assert s.finished
    return build_report(s, session_id=3, started_at=clock.now())


def test_a_bare_name_goes_into_the_folder_given_and_the_answer_is_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = a_report()
    reports = tmp_path / "reports"
    assert r.export_target("报告", folder=reports) == reports / "报告.md"
    assert r.export_target("报告.txt", folder=reports) == reports / "报告.txt"
    assert r.export_target("新文件夹/", folder=reports) == reports / "新文件夹" / r.file_name()
    out = r.export("报告", folder=reports)
    assert out == reports / "报告.md" and out.is_file()
    assert out.read_text(encoding="utf-8").startswith("# 模拟面试报告")


def test_a_path_with_a_folder_part_is_kept_as_typed_and_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = a_report()
    reports = tmp_path / "reports"
    assert r.export_target("./报告", folder=reports) == tmp_path / "报告.md"
    assert r.export_target("sub/报告", folder=reports) == tmp_path / "sub" / "报告.md"
    assert r.export_target(".", folder=reports) == tmp_path / r.file_name()
    assert r.export_target("报告") == tmp_path / "报告.md"  # no folder given: where it runs
    assert r.export_target(tmp_path / "x" / "报告", folder=reports) == tmp_path / "x" / "报告.md"
