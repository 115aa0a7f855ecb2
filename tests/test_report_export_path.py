"""Exporting a mock report to a path the candidate typed: a folder typed with a trailing / (or \\)
is made and gets the dated file; a name without an extension gets .md; and the Markdown
says an answer whose time ran out ended on time (时间到), not that it went over (超时)."""
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
    clock.advance(61)  # the answer's time runs out
    s.tick()
    assert s.finished
    return build_report(s, session_id=2, started_at=clock.now())


def test_a_new_folder_typed_with_a_slash_is_made_and_gets_the_dated_file(tmp_path):
    r = a_report()
    out = r.export(f"{tmp_path}/新建 文件夹/")
    assert (tmp_path / "新建 文件夹").is_dir()
    assert out == tmp_path / "新建 文件夹" / r.file_name()
    assert out.read_text(encoding="utf-8").startswith("# 模拟面试报告")
    # as typed on Windows, with a backslash
    assert r.export_target(f"{tmp_path}/报告\\") == tmp_path / "报告" / r.file_name()


def test_a_name_without_an_extension_gets_md_and_one_with_an_extension_is_kept(tmp_path):
    r = a_report()
    out = r.export(tmp_path / "myreport")
    assert out == tmp_path / "myreport.md" and out.is_file()
    assert not (tmp_path / "myreport").exists()
    assert r.export_target(tmp_path / "笔记.txt") == tmp_path / "笔记.txt"
    (tmp_path / "old").mkdir()  # an existing folder, typed without the slash, is still a folder
    assert r.export_target(tmp_path / "old") == tmp_path / "old" / r.file_name()


def test_an_answer_whose_time_ran_out_is_said_to_have_ended_on_time():
    md = a_report().to_markdown()
    assert "作答 1:00 / 1:00，作答时间到，自动结束" in md
    assert "超时自动结束" not in md
