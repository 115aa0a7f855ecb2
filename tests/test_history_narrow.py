"""`studyapp history` as the app speaks (Chinese) and as wide as a split pane (60 columns),
long prompts and ids included (exploratory report s10a, smaller things)."""
from __future__ import annotations

from studyapp.cli import main
from studyapp.core.clock import FakeClock
from studyapp.core.store import Draft, QuestionResult, Store
from studyapp.core.textio import cell_width

LONG = "“万能居委会”“社区万能章”现象突出，有报道称，一些社区的挂牌竟高达120多块。有人比喻：“社区是个筐，啥都往里装。”对此，谈谈你的看法。"


LONG_ID = "an-item-id-that-is-much-too-long-for-a-sixty-column-row"  # 55 columns


def _fill(data) -> None:
    with Store.open(data, clock=FakeClock()) as s:
        s.save_attempt(pack_id="community-governance", question_id="community-basket-long-name-here",
                       answer="一是", score=75, grading={})
        s.save_attempt(pack_id="my-class-pack-2026", question_id=LONG_ID, answer="二是", score=40, grading={})
        sid = s.create_session(config={}, questions=[("community-governance", "community-basket", LONG),
                                                     ("community-governance", "colleague-certificates", "题二")],
                               state={})
        s.finish_session(sid, state={}, drafts=[Draft(0, "答", "done", None, 1, 2), Draft(1, "", "done", None, 1, 0)],
                         results=[QuestionResult(0, 57.0, {}), QuestionResult(1, 0.0, {})])


def _at_terminal(data, columns: int) -> list[str]:
    """`studyapp history` run in a terminal (a pseudo-terminal) ``columns`` wide: its lines."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, columns, 0, 0))
    env = {"STUDYAPP_DATA_DIR": str(data), "PATH": "/usr/bin:/bin", "STUDYAPP_VOICE": "off"}
    proc = subprocess.Popen([sys.executable, "-m", "studyapp", "history"], stdin=slave, stdout=slave,
                            stderr=slave, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert proc.wait(timeout=60) == 0, out
    return out.decode().replace("\r\n", "\n").splitlines()


def test_history_is_in_chinese_and_fits_a_60_column_terminal(tmp_path):
    _fill(tmp_path)
    lines = _at_terminal(tmp_path, 60)
    out = "\n".join(lines)
    assert max(cell_width(line) for line in lines) <= 60, out
    for english in ("Mock interviews", "Practice attempts", "done", "score", "question"):
        assert english not in out
    assert "模拟面试（1 场" in out and "已完成" in out and "2 题" in out and "练习作答（2 次" in out
    row = next(line for line in lines if "57 分" in line)
    assert "“万能居委会”" in row and row.rstrip().endswith("community-basket")
    # a practice row keeps the question's id whole, first: the pack's id is what gives way
    assert any(line.endswith("75 分  community-basket-long-name-here") for line in lines), out
    # an id longer than the row is wrapped onto the next line, not cut
    at = next(i for i, line in enumerate(lines) if "40 分" in line)
    assert "…" not in lines[at] + lines[at + 1]
    assert lines[at].split("分  ")[1] + lines[at + 1].strip() == LONG_ID, out


def test_history_uses_a_wider_terminal(tmp_path):
    _fill(tmp_path)
    lines = _at_terminal(tmp_path, 100)
    out = "\n".join(lines)
    assert max(cell_width(line) for line in lines) <= 100, out
    assert any(line.endswith("75 分  community-basket-long-name-here  题库 community-governance")
               for line in lines), out
    assert any(line.endswith(f"40 分  {LONG_ID}  题库 my-class-…") for line in lines), out
    row = next(line for line in lines if "57 分" in line)
    assert "一些社区的挂牌" in row and row.endswith("community-basket"), out


def test_history_in_a_pipe_prints_whole_lines(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "60")
    _fill(tmp_path)
    assert main(["history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert not any("…" in line for line in lines)
    row = next(line for line in lines if "57 分" in line)
    assert row.endswith(LONG + "  community-basket")
    assert [line for line in lines if LONG_ID in line] == [f"  {lines[-1].split('  ')[1]}   40 分  {LONG_ID}  题库 my-class-pack-2026"]
    assert any(line.endswith("75 分  community-basket-long-name-here  题库 community-governance") for line in lines)


def test_no_history_is_said_in_chinese(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path / "none"))
    assert main(["history"]) == 0
    assert "还没有记录" in capsys.readouterr().out
