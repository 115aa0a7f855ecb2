"""`studyapp mock --help` fits the terminal it is printed in: argparse counts a CJK character
(综合分析, 听题) as one column, the terminal draws it in two."""
from __future__ import annotations

import pytest

from studyapp.cli import main
from studyapp.core.textio import cell_width


@pytest.mark.parametrize("columns", [80, 100, 60])
def test_every_help_line_fits_the_terminal(columns, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", str(columns))
    with pytest.raises(SystemExit) as done:
        main(["mock", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    wide = [line for line in out.splitlines() if cell_width(line) > columns]
    assert wide == []
    # nothing left out by the wrapping
    flat = " ".join(out.split())
    assert "综合分析 组织管理 人际关系 应急应变 情景模拟 自我认知" in flat
    assert "听题: the prompt is shown only while it is read out, one re-read allowed" in flat
