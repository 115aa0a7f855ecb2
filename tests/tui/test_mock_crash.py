"""A real crash: `studyapp mock` in a pseudo-terminal, typing, kill -9, start again, resume, the text is there.

No fixed sleeps: the test polls the database (with a deadline) for the autosave.
"""
from __future__ import annotations

import os
import select
import signal
import sqlite3
import struct
import sys
import threading
import time

import pytest

pty = pytest.importorskip("pty")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")

TYPED = "减负要落到实处 abc"
DEADLINE_S = 20.0


def poll(condition, what: str, timeout: float):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)  # polling interval, not a wait for something to happen
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def saved_text(db_path) -> str | None:
    if not db_path.exists():
        return None
    try:
        c = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
        try:
            row = c.execute(
                "SELECT q.text FROM session_questions q JOIN sessions s ON s.id = q.session_id "
                "WHERE s.status = 'active' ORDER BY s.id DESC, q.idx LIMIT 1"
            ).fetchone()
        finally:
            c.close()
    except sqlite3.Error:
        return None  # not created yet
    return row[0] if row else None


class Terminal:
    """The app under a pseudo-terminal; its output is drained so it never blocks."""

    def __init__(self, argv, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child
            try:
                os.execve(sys.executable, [sys.executable, "-m", "studyapp", *argv], env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.output = bytearray()
        self._stop = False
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self):
        while not self._stop:
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.1)
                if ready:
                    data = os.read(self.fd, 65536)
                    if not data:
                        return
                    self.output += data
            except OSError:
                return

    def type(self, text: str):
        os.write(self.fd, text.encode("utf-8"))

    def kill9(self):
        os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        self._stop = True
        self._reader.join(2)
        os.close(self.fd)
        return status


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
async def test_kill_9_while_typing_then_resume_finds_the_text(tmp_path):
    started = time.monotonic()
    data = tmp_path / "data"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "STUDYAPP_DATA_DIR": str(data),
    }
    db = data / "studyapp.db"
    term = Terminal(["mock", "--count", "1", "--think", "60", "--answer", "300", "--seed", "1", "--no-bell"], env)
    try:
        # the session exists once the app is up and has saved it
        poll(lambda: saved_text(db) is not None, "the app to start its session", DEADLINE_S)
        # and the session screen is drawn (its footer), so keys go to its editor
        poll(lambda: "结束本阶段".encode() in term.output, "the session screen", DEADLINE_S)
        term.type("\x0e")  # ctrl+n: finish thinking, answer now
        term.type(TYPED)
        poll(lambda: saved_text(db) == TYPED, "the autosave of the typed text", DEADLINE_S)
    except AssertionError:
        term.kill9()
        raise AssertionError(f"saved: {saved_text(db)!r}; app output: {bytes(term.output[-1500:])!r}")
    status = term.kill9()
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

    # the file survived the kill intact (the WAL is replayed on open)
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    c.close()

    # start again (headless) and resume: the text and the answering phase come back
    from studyapp.core.packs import bundled_pack_dir, load_pack
    from studyapp.core.store import Store
    from studyapp.tui.app import StudyApp
    from studyapp.tui.mock import MockScreen
    from studyapp.tui.resume import ResumeScreen

    with Store.open(data) as store:
        app = StudyApp([load_pack(bundled_pack_dir())], store=store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ResumeScreen)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, MockScreen)
            assert app.screen.query_one("#mock-answer").text == TYPED
            assert app.screen.session.phase == "answering"
            assert 250 < app.screen.session.time_left() <= 300
    assert time.monotonic() - started < 30
