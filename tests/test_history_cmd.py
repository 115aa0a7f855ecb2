"""`studyapp history`: what was practised and every mock session, as a table or JSON, without Textual."""
from __future__ import annotations

import json
import subprocess
import sys

from studyapp.cli import main
from studyapp.core.clock import FakeClock
from studyapp.core.store import Draft, QuestionResult, Store


def fill(data_dir):
    clock = FakeClock()
    with Store.open(data_dir, clock=clock) as s:
        s.save_attempt(pack_id="core", question_id="burden-survey", answer="一是制定方案", score=33.3, grading={})
        sid = s.create_session(config={"count": 2}, questions=[("core", "q1", "谈谈基层减负。"), ("core", "q2", "组织调研")],
                               state={})
        clock.advance(120)
        s.finish_session(
            sid,
            state={},
            drafts=[Draft(0, "减负要\n落到实处", "done", None, 30, 60), Draft(1, "", "done", None, 10, 0)],
            results=[QuestionResult(0, 80.0, {"points": [{"id": "k2", "status": "missed"}]}),
                     QuestionResult(1, 0.0, {"points": []})],
        )
        unfinished = s.create_session(config={}, questions=[("core", "q3", "第三题")], state={})
    return sid, unfinished


def test_history_json_lists_sessions_with_answers_and_practice_attempts(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path))
    sid, unfinished = fill(tmp_path)
    assert main(["history", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in data["sessions"]] == [unfinished, sid]
    done = data["sessions"][1]
    assert done["status"] == "finished" and done["score"] == 40.0
    q1 = done["questions"][0]
    assert q1["answer"] == "减负要\n落到实处" and q1["characters"] == 7
    assert (q1["think_used_s"], q1["answer_used_s"], q1["score"], q1["missed"]) == (30, 60, 80.0, ["k2"])
    # mock answers are listed with their session, not again as practice attempts
    assert [(a["question_id"], a["score"]) for a in data["attempts"]] == [("burden-survey", 33.3)]


def test_history_table(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path))
    sid, unfinished = fill(tmp_path)
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    # in Chinese, as the app speaks; the ids stay, in a column after the words
    assert "模拟面试（2 场" in out and "练习作答（1 次" in out
    assert f"已完成   40 分  2 题  #{sid}" in out and f"未完成    –     1 题  #{unfinished}" in out
    assert "谈谈基层减负。" in out and " q1" in out and "burden-survey  题库 core" in out
    assert " 80 分  " in out and "33 分  burden-survey  题库 core" in out
    # with --limit the counts are of the newest shown, not a total
    assert main(["history", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "模拟面试（最近 1 场，新的在前）" in out and "练习作答（最近 1 次，新的在前）" in out


def test_no_history_does_not_create_a_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path / "none"))
    assert main(["history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sessions"] == []
    assert not (tmp_path / "none").exists()


def test_a_broken_database_is_one_clear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path))
    (tmp_path / "studyapp.db").write_bytes(b"garbage" * 100)
    assert main(["history"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("studyapp history: error: ") and str(tmp_path / "studyapp.db") in err
    assert "Traceback" not in err


def test_a_data_folder_that_is_a_file_is_an_error_not_an_empty_history(tmp_path, monkeypatch, capsys):
    afile = tmp_path / "afile"
    afile.write_text("not a folder")
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(afile))
    for argv in (["history"], ["history", "--json"]):
        assert main(argv) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert err == (
            f"studyapp history: error: {afile}: the data folder is not a folder (a file is in its place);"
            " set STUDYAPP_DATA_DIR to a folder\n"
        )


def test_history_does_not_import_textual(tmp_path):
    code = (
        "import sys; from studyapp.cli import main; rc = main(['history', '--json']);"
        "print('textual' in sys.modules, rc)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"STUDYAPP_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "False 0", out.stderr


def _readonly_connections(monkeypatch):
    """Every SQLite file opened the ordinary way is opened read-only, as in a data folder
    that cannot be written (chmod does not stop root, who runs the tests in CI)."""
    import sqlite3
    from pathlib import Path

    real = sqlite3.connect

    def connect(database, *args, uri=False, **kw):
        if not uri and str(database) != ":memory:":
            database, uri = Path(database).absolute().as_uri() + "?mode=ro", True
        return real(database, *args, uri=uri, **kw)

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_history_reads_a_database_that_cannot_be_written(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path))
    sid, unfinished = fill(tmp_path)
    before = (tmp_path / "studyapp.db").read_bytes()
    _readonly_connections(monkeypatch)
    assert main(["history", "--json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert err == ""
    assert [s["id"] for s in data["sessions"]] == [unfinished, sid]
    assert [a["question_id"] for a in data["attempts"]] == ["burden-survey"]
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert f"#{sid}" in out and "burden-survey  题库 core" in out
    assert (tmp_path / "studyapp.db").read_bytes() == before


def test_a_database_that_can_neither_be_written_nor_read_is_one_clear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path))
    (tmp_path / "studyapp.db").write_bytes(b"garbage" * 100)
    _readonly_connections(monkeypatch)
    assert main(["history", "--json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"studyapp history: error: {tmp_path / 'studyapp.db'}: is not a usable studyapp database")


def _can_mount_read_only(tmp_path) -> list[str] | None:
    """The unshare command that gives a private mount namespace here, or None."""
    import os
    import shutil

    if sys.platform != "linux" or not shutil.which("unshare"):
        return None
    cmd = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    probe = tmp_path / "probe"
    probe.mkdir()
    script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && ! touch "$1/x" 2>/dev/null'
    try:
        ok = subprocess.run([*cmd, "sh", "-c", script, "sh", str(probe)], capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return cmd if ok.returncode == 0 else None


def test_history_on_a_read_only_mount(tmp_path):
    """The reported case end to end: the data folder mounted read-only (a private mount
    namespace, gone with the process). Skipped where mounting is not allowed."""
    import pytest

    cmd = _can_mount_read_only(tmp_path)
    if cmd is None:
        pytest.skip("no private read-only mount here")
    data = tmp_path / "我的 数据"
    sid, _ = fill(data)
    script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && exec "$2" -m studyapp history --json'
    env = {"STUDYAPP_DATA_DIR": str(data), "PATH": "/usr/bin:/bin", "STUDYAPP_VOICE": "off"}
    out = subprocess.run([*cmd, "sh", "-c", script, "sh", str(data), sys.executable],
                         capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert sid in [s["id"] for s in json.loads(out.stdout)["sessions"]]


def test_history_json_gives_each_practice_attempts_answer_and_verdicts(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path))
    grading = {"score": 62.5, "points": [
        {"id": "calm", "status": "covered", "evidence": [[0, 2]], "matched": ["安抚"], "missing": []},
        {"id": "policy", "status": "partial", "evidence": [], "matched": [], "missing": ["六部门"]},
        {"id": "path", "status": "missed", "evidence": [], "matched": [], "missing": ["指路"]},
    ]}
    with Store.open(tmp_path) as s:
        s.save_attempt(pack_id="core", question_id="angry-resident", answer="安抚大爷，\n讲政策。",
                       score=62.5, grading=grading)
        s.save_attempt(pack_id="core", question_id="q2", answer="x", score=0, grading={"points": "damaged"})
    assert main(["history", "--json"]) == 0
    damaged, attempt = json.loads(capsys.readouterr().out)["attempts"]
    assert attempt["answer"] == "安抚大爷，\n讲政策。" and attempt["characters"] == 7  # (no ，。)
    assert attempt["points"] == [{"id": "calm", "status": "covered"}, {"id": "policy", "status": "partial"},
                                 {"id": "path", "status": "missed"}]
    assert {"id", "pack_id", "question_id", "created_at", "score", "duration_s"} <= set(attempt)
    assert damaged["answer"] == "x" and damaged["points"] == []


def test_an_empty_database_file_is_no_history_and_is_left_as_it_is(tmp_path, monkeypatch, capsys):
    from studyapp.cli import main

    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path))
    db = tmp_path / "studyapp.db"
    db.write_bytes(b"")
    assert main(["history"]) == 0
    assert "还没有记录" in capsys.readouterr().out
    assert db.stat().st_size == 0  # history reads; it does not make a database
