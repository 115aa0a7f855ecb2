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
    sid, _ = fill(tmp_path)
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert f"#{sid}" in out and "unfinished" in out and "done" in out
    assert "2 questions" in out and "1 question\n" in out  # the unfinished one has one
    assert "谈谈基层减负。" in out and "core/burden-survey" in out


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
