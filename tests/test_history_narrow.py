"""`studyapp history` as the app speaks (Chinese) and as wide as a split pane (60 columns),
long prompts and ids included (exploratory report s10a, smaller things)."""
from __future__ import annotations

from studyapp.cli import main
from studyapp.core.clock import FakeClock
from studyapp.core.store import Draft, QuestionResult, Store
from studyapp.core.textio import cell_width

LONG = "“万能居委会”“社区万能章”现象突出，有报道称，一些社区的挂牌竟高达120多块。有人比喻：“社区是个筐，啥都往里装。”对此，谈谈你的看法。"


def test_history_is_in_chinese_and_fits_60_columns(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path))
    with Store.open(tmp_path, clock=FakeClock()) as s:
        s.save_attempt(pack_id="community-governance", question_id="community-basket-long-name-here",
                       answer="一是", score=75, grading={})
        sid = s.create_session(config={}, questions=[("community-governance", "community-basket", LONG),
                                                     ("community-governance", "colleague-certificates", "题二")],
                               state={})
        s.finish_session(sid, state={}, drafts=[Draft(0, "答", "done", None, 1, 2), Draft(1, "", "done", None, 1, 0)],
                         results=[QuestionResult(0, 57.0, {}), QuestionResult(1, 0.0, {})])
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(cell_width(line) for line in lines) <= 60, "\n".join(lines)
    for english in ("Mock interviews", "Practice attempts", "done", "score", "question"):
        assert english not in out
    assert "模拟面试（1 场" in out and "已完成" in out and "2 题" in out and "练习作答（1 次" in out
    row = next(line for line in lines if "57 分" in line)
    assert "“万能居委会”" in row and row.rstrip().endswith("community-basket")
    # a pack/question id too long for the row is cut with …, the row kept to 60 columns
    assert any("75 分  community-governance/commun" in line and line.endswith("…") for line in lines)


def test_no_history_is_said_in_chinese(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path / "none"))
    assert main(["history"]) == 0
    assert "还没有记录" in capsys.readouterr().out
