"""`studyapp mock` checks what it is asked before the screen changes: one clear line, exit 2, no Textual."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from studyapp.cli import build_parser, main
from studyapp.commands.mock import options_from_args


def run_cli(args, tmp_path):
    code = (
        "import sys; from studyapp.cli import main\n"
        f"try:\n    rc = main({args!r})\nexcept SystemExit as e:\n    rc = e.code\n"
        "print('TEXTUAL', 'textual.app' in sys.modules); sys.exit(rc)"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={"STUDYAPP_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"})


@pytest.mark.parametrize(
    "args, message",
    [
        (["mock", "--type", "综合分析", "--count", "9"], "asked for 9 questions but the packs have only 3 of type 综合分析"),
        (["mock", "--type", "面试"], "invalid choice: '面试'"),
        (["mock", "--count", "0"], "0 is out of range (1-20 questions)"),
        (["mock", "--think", "abc"], "'abc' is not a whole number of seconds"),
        (["mock", "--answer", "99999"], "99999 is out of range (1-3600 seconds)"),
        (["mock", "--pack", "/nonexistent/pack"], "--pack /nonexistent/pack: no such folder"),
    ],
)
def test_bad_requests_fail_before_the_app_starts(args, message, tmp_path):
    out = run_cli(args, tmp_path)
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr
    assert "TEXTUAL False" in out.stdout  # refused without loading the TUI


def test_options_follow_the_exam_presets_unless_times_are_given():
    parse = build_parser().parse_args
    o = options_from_args(parse(["mock"]))
    assert (o.count, o.preset, o.think, o.answer) == (3, "3/15", None, None)
    assert options_from_args(parse(["mock", "--count", "4"])).preset == "4/20"
    assert options_from_args(parse(["mock", "--count", "5"])).preset is None
    o = options_from_args(parse(["mock", "--count", "2", "--think", "5", "--answer", "20", "--listen",
                                 "--practice", "--no-bell", "--type", "综合分析", "人际关系", "--type", "综合分析"]))
    assert (o.count, o.think, o.answer, o.preset) == (2, 5, 20, None)
    assert (o.listen, o.practice, o.bell) == (True, True, False)
    assert o.types == ("综合分析", "人际关系")
    assert o.voice and not options_from_args(parse(["mock", "--listen", "--no-voice"])).voice


def test_pack_given_before_or_after_the_subcommand(tmp_path, monkeypatch, capsys):
    # both spellings reach the loader (a missing folder is reported either way)
    assert main(["--pack", str(tmp_path / "a"), "mock"]) == 2
    assert f"--pack {tmp_path / 'a'}: no such folder" in capsys.readouterr().err
    assert main(["mock", "--pack", str(tmp_path / "b")]) == 2
    assert f"--pack {tmp_path / 'b'}: no such folder" in capsys.readouterr().err


def test_mock_starts_headless_and_saves_its_session(tmp_path):
    """The whole command path in CI: packs, store, app, session screen; exits once ready."""
    import os

    env = dict(os.environ, STUDYAPP_DATA_DIR=str(tmp_path), STUDYAPP_HEADLESS="1", STUDYAPP_EXIT_ON_READY="1")
    out = subprocess.run([sys.executable, "-m", "studyapp", "mock", "--count", "2", "--think", "5",
                          "--answer", "20", "--seed", "4"], capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    from studyapp.core.store import Store

    with Store.open(tmp_path) as store:
        rec = store.unfinished_session()
    assert rec is not None and len(rec.questions) == 2
    assert rec.config["think"] == 5 and rec.config["answer"] == 20
    assert rec.state["items"][0]["think_s"] == 5 and rec.state["items"][0]["answer_s"] == 20


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in speech program is a POSIX script")
def test_listen_mode_reads_the_first_question_aloud_through_the_speech_program(tmp_path):
    """`studyapp mock --listen` end to end: the prompt reaches the speech program named by
    STUDYAPP_VOICE on its standard input."""
    import os

    heard = tmp_path / "heard.txt"
    prog = tmp_path / "tts"
    # it keeps reading when the app, quitting at once, silences it (SIGTERM ignored)
    prog.write_text(f"#!/bin/sh\ntrap '' TERM\nexec cat > '{heard}'\n", encoding="utf-8")
    prog.chmod(0o755)
    env = dict(os.environ, STUDYAPP_DATA_DIR=str(tmp_path / "data"), STUDYAPP_HEADLESS="1",
               STUDYAPP_EXIT_ON_READY="1", STUDYAPP_VOICE=str(prog))
    out = subprocess.run([sys.executable, "-m", "studyapp", "mock", "--listen", "--count", "1", "--seed", "4"],
                         capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    from studyapp.core.store import Store

    with Store.open(tmp_path / "data") as store:
        prompt = store.unfinished_session().state["items"][0]["prompt"]
    for _ in range(200):  # the program runs on its own; give it a moment to write
        if heard.exists() and heard.read_bytes():
            break
        time.sleep(0.05)
    assert heard.read_text(encoding="utf-8") == "第1题。" + prompt.strip()


def test_the_app_and_mock_open_the_store_or_say_why_not(tmp_path, monkeypatch):
    from studyapp.commands.tui import open_store

    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path / "data"))
    store, why = open_store()
    try:
        assert why is None and store.path.parent == tmp_path / "data"
    finally:
        store.close()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(blocker / "data"))
    store, why = open_store()
    assert store is None and str(blocker) in why


def test_a_hostile_pack_name_is_not_echoed_to_the_terminal(tmp_path, monkeypatch):
    from studyapp.commands.tui import load_packs

    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path / "data"))
    results, errors, _ = load_packs([str(tmp_path / "\x1b[2Jgone")])
    assert results == [] and len(errors) == 1
    assert "\x1b" not in errors[0] and "\\x1b[2Jgone: no such folder" in errors[0]


@pytest.mark.parametrize(
    "voice, args, said",
    [
        ("nonexistent-program --x", ["--listen"], "STUDYAPP_VOICE 指定的程序找不到：nonexistent-program；听题时题目只显示不朗读"),
        ("off", ["--listen"], None),  # turned off on purpose
        ("nonexistent-program", ["--listen", "--no-voice"], None),
        ("nonexistent-program", [], None),  # no 听题: nothing to read aloud
    ],
)
def test_listen_says_before_the_screen_opens_why_nothing_will_be_read_aloud(voice, args, said, monkeypatch, capsys):
    import studyapp.tui.app

    monkeypatch.setenv("STUDYAPP_VOICE", voice)
    seen = {}

    class App:  # stands in for the screen: what was said before it opened, what it is given to show
        return_code = 0

        def __init__(self, results, **kw):
            seen["notices"] = kw["notices"]

        def run(self, headless=False):
            seen["before"] = capsys.readouterr().err

    monkeypatch.setattr(studyapp.tui.app, "StudyApp", App)
    assert main(["mock", "--count", "1", "--think", "5", "--answer", "10", *args]) == 0
    if said is None:
        assert seen == {"notices": [], "before": ""}
    else:
        assert seen == {"notices": [said], "before": f"studyapp mock: warning: {said}\n"}


def test_listen_with_a_speech_program_that_cannot_be_found_says_so_on_stderr(tmp_path):
    import os

    env = dict(os.environ, STUDYAPP_DATA_DIR=str(tmp_path), STUDYAPP_HEADLESS="1", STUDYAPP_EXIT_ON_READY="1",
               STUDYAPP_VOICE="nonexistent-program --x")
    out = subprocess.run([sys.executable, "-m", "studyapp", "mock", "--listen", "--count", "1", "--think", "5",
                          "--answer", "10", "--seed", "4"], capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stderr.splitlines()[0] == (
        "studyapp mock: warning: STUDYAPP_VOICE 指定的程序找不到：nonexistent-program；听题时题目只显示不朗读"
    )


@pytest.mark.parametrize("argv", [[], ["mock", "--count", "1"]], ids=["app", "mock"])
def test_a_dumb_terminal_gets_a_line_naming_the_printing_commands(argv, monkeypatch, capsys):
    # (an editor's shell or a log: the full-screen app would be a screenful of escape codes)
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("STUDYAPP_HEADLESS", raising=False)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "TERM=dumb" in err and "studyapp grade" in err
