"""`studyapp grade` as a tutor scripts it: the JSON contract, the readable
report, and clear exits for every bad input."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from packutil import write_pack

from studyapp import cli


def run(capsys, *argv: str, stdin: bytes | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pack(tmp_path):
    return write_pack(tmp_path / "pack")


@pytest.fixture
def answers(tmp_path):
    def make(**texts: str | bytes):
        paths = []
        for name, text in texts.items():
            p = tmp_path / f"{name}.txt"
            if isinstance(text, bytes):
                p.write_bytes(text)
            else:
                p.write_text(text, encoding="utf-8")
            paths.append(str(p))
        return paths

    return make


def test_json_is_one_list_with_one_object_per_file_in_order(capsys, monkeypatch, pack, answers):
    good, empty = answers(good="要精简考核,给社区松绑;放权赋能。", empty="")
    code, out, err = run(
        capsys, "grade", "--pack", str(pack), "--question", "q1", "--json", good, "-", empty,
        stdin="我不同意给社区松绑。".encode(), monkeypatch=monkeypatch,
    )
    assert code == 0, err
    data = json.loads(out)
    assert [d["file"] for d in data] == [good, "-", empty]
    assert all(d["question"] == "q1" for d in data)
    first = data[0]
    assert first["score"] == 100
    assert [p["id"] for p in first["points"]] == ["k1", "k2"]
    for p in first["points"]:
        assert {"id", "status", "evidence", "matched", "missing"} <= set(p)
        assert p["status"] == "covered"
    text = "要精简考核,给社区松绑;放权赋能。"
    k1 = first["points"][0]
    # words side by side are one piece of evidence (精简 + 考核)
    assert {text[a:b] for a, b in k1["evidence"]} == {"精简考核", "松绑"}
    # stdin: a negated proposal; empty file: valid, everything missed
    assert data[1]["points"][0]["status"] != "covered"
    assert data[2]["score"] == 0 and all(p["status"] == "missed" for p in data[2]["points"])


def test_readable_report_shows_score_status_evidence_and_why(capsys, pack, answers):
    (f,) = answers(a="一是精简考核,二是给社区松绑。")
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", f)
    assert code == 0, err
    assert f in out and "得分" in out
    assert "✓ 答到  k1" in out
    assert "「精简考核」 「松绑」" in out
    assert "✗ 未答  k2" in out
    assert "可补充：" in out and "说明：" in out


def test_terminal_escapes_in_an_answer_are_not_echoed(capsys, pack, answers):
    (f,) = answers(a="\x1b[31m考核\x1b[0m")
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", f)
    assert code == 0
    assert "\x1b" not in out


def test_unknown_pack_exits_2_with_a_message(capsys, tmp_path, answers):
    (f,) = answers(a="考核")
    code, out, err = run(capsys, "grade", "--pack", str(tmp_path / "nope"), "--question", "q1", f)
    assert code == 2
    assert out == ""
    assert "nope" in err and "no such pack folder" in err
    assert "Traceback" not in err


def test_unknown_question_exits_2_and_lists_the_questions(capsys, pack, answers):
    (f,) = answers(a="考核")
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q9", f)
    assert code == 2 and out == ""
    assert "q9" in err and "q1" in err and "q2" in err


def test_unknown_question_counts_the_broken_question_files_and_their_errors(capsys, tmp_path, answers):
    root = write_pack(
        tmp_path / "pack",
        {
            # four errors in one file (no prompt, type, time, point), one in another: 2 files, 5 errors
            "questions/q3.yaml": "id: q3\ntype: 闲聊\ntime: {think: 0}\nkey_points:\n  - id: a\n",
            "questions/q4.yaml": "id: q4\nprompt: [\n",
        },
    )
    (f,) = answers(a="考核")
    code, out, err = run(capsys, "grade", "--pack", str(root), "--question", "q9", f)
    assert code == 2 and out == ""
    assert err.splitlines()[-1] == f"  (2 question files have 5 errors; run: studyapp validate {root})"
    code, _, err = run(capsys, "validate", str(root))
    assert err.strip() == f"{root}: 1 topic, 2 questions, 5 errors, 0 warnings"


def test_a_gbk_answer_exits_2_naming_the_file_and_the_encoding(capsys, pack, answers):
    good, bad = answers(good="考核", bad="给社区减负".encode("gbk"))
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", "--json", good, bad)
    assert code == 2
    assert out == ""  # no partial JSON
    assert bad in err and "GBK" in err and "UTF-8" in err


def test_every_answer_file_that_cannot_be_read_is_named_in_one_run(capsys, pack, answers):
    # a class saved from Windows: the tutor learns of every GBK file at once, not one per run
    good, bad1, bad2 = answers(good="考核", bad1="给社区减负".encode("gbk"), bad2="讲政策".encode("gbk"))
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", good, bad1, bad2)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert any(bad1 in line and "GBK" in line for line in lines)
    assert any(bad2 in line and "GBK" in line for line in lines)
    assert lines[-1] == "studyapp grade: 2 of 3 answer files cannot be read; nothing was graded"


def test_a_missing_answer_file_exits_2(capsys, pack, tmp_path):
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", str(tmp_path / "gone.txt"))
    assert code == 2 and out == ""
    assert "gone.txt" in err and "no such file" in err


def test_the_pack_may_come_from_the_global_option(capsys, pack, answers):
    (f,) = answers(a="放权赋能")
    code, out, err = run(capsys, "--pack", str(pack), "grade", "--question", "q1", "--json", f)
    assert code == 0, err
    assert json.loads(out)[0]["points"][1]["status"] == "covered"


def test_grade_runs_in_a_fresh_process_without_textual(pack, answers):
    (f,) = answers(a="考核,松绑")
    probe = (
        "import sys, io, contextlib\n"
        "from studyapp import cli\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        f"    code = cli.main(['grade', '--pack', {str(pack)!r}, '--question', 'q1', '--json', {f!r}])\n"
        "assert code == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_the_bundled_pack_is_the_default_and_can_be_named_by_its_id(capsys, answers):
    from studyapp.core.packs import bundled_pack_dir, load_pack

    bundled = load_pack(bundled_pack_dir()).pack
    qid = bundled.questions[0].id
    (f,) = answers(a="")
    code, out, err = run(capsys, "grade", "--question", qid, "--json", f)
    assert code == 0, err
    by_default = json.loads(out)
    code, out, err = run(capsys, "grade", "--pack", bundled.id, "--question", qid, "--json", f)
    assert code == 0, err
    assert json.loads(out) == by_default
    assert [p["id"] for p in by_default[0]["points"]] == [kp.id for kp in bundled.questions[0].key_points]


def test_hostile_answer_files_exit_2_naming_the_file(capsys, pack, answers, tmp_path):
    nul, big = answers(nul=b"\xe8\x80\x83\x00\xe6\xa0\xb8", big="考核" * 200_000)
    link = tmp_path / "link.txt"
    link.symlink_to("deleted.txt")
    for bad, words in [
        (nul, "NUL bytes"),
        (big, "over the limit of 1 MiB"),
        (str(tmp_path), "is a folder"),
        (str(link), "a link to a file that does not exist"),
    ]:
        code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", "--json", bad)
        assert (code, out) == (2, ""), bad
        assert err.startswith(f"studyapp grade: {bad}") and words in err
        assert "Traceback" not in err


def test_standard_input_over_the_limit_is_refused(capsys, monkeypatch, pack):
    code, out, err = run(
        capsys, "grade", "--pack", str(pack), "--question", "q1", "-",
        stdin=("考核" * 200_000).encode(), monkeypatch=monkeypatch,
    )
    assert (code, out) == (2, "")
    assert "<stdin>: error: the input is over the limit of 1 MiB" in err


def test_windows_line_endings_and_bom_grade_like_the_plain_text(capsys, pack, answers):
    """Offsets are into the text as read: BOM dropped, CRLF made LF."""
    plain, windows = answers(plain="一、精简考核\n二、放权赋能\n", windows=b"\xef\xbb\xbf" + "一、精简考核\r\n二、放权赋能\r\n".encode())
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", "--json", plain, windows)
    assert code == 0, err
    a, b = json.loads(out)
    assert a["score"] == b["score"] == 100
    assert a["points"] == b["points"]
    text = "一、精简考核\n二、放权赋能\n"
    assert "精简考核" in {text[s:e] for s, e in a["points"][0]["evidence"]}


def test_an_unreadable_answer_file_exits_2(capsys, monkeypatch, pack, answers):
    """chmod 0 does not stop root (CI), so the refusal is made by the file system stand-in."""
    from studyapp.core import textio

    (f,) = answers(secret="考核")
    real_open = open

    def refusing_open(path, *a, **kw):
        if str(path) == f:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **kw)

    monkeypatch.setattr(textio, "open", refusing_open, raising=False)
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", f)
    assert (code, out) == (2, "")
    assert err == f"studyapp grade: {f}: error: permission denied\n"


def test_several_files_end_with_their_scores_side_by_side(capsys, pack, answers):
    full, half, empty = answers(full="要精简考核,给社区松绑;放权赋能。", half="放权赋能", empty="")
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", full, half, empty)
    assert code == 0, err
    scores = {}
    for line in out.splitlines():  # each file's own heading carries its score
        for f in (full, half, empty):
            if line.startswith(f + "  "):
                scores[f] = float(line.split("得分 ")[1].split("/")[0])
    lines = out.splitlines()
    start = lines.index(f"共 3 份答案，平均得分 {sum(scores.values()) / 3:.1f}")
    assert [l.split() for l in lines[start + 1:start + 4]] == [[f"{scores[f]:g}", f] for f in (full, half, empty)]
    assert scores[full] == 100 and scores[empty] == 0


def test_the_class_summary_counts_who_made_each_key_point(capsys, pack, answers):
    """A tutor grading a class sees, per key point, how many answers made it, half made it or missed it."""
    files = answers(a="要精简考核,给社区松绑;放权赋能。", b="放权赋能", c="", d="我不同意放权")
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", *files)
    assert code == 0, err
    lines = out.rstrip("\n").splitlines()
    assert lines[-3] == "各采分点（答到 · 部分 · 未答）"
    assert lines[-2].split() == ["k1", "✓", "1", "◐", "0", "✗", "3", "精简考核评比。"]
    assert lines[-1].split() == ["k2", "✓", "2", "◐", "0", "✗", "2", "放权赋能。"]


def test_summary_leaves_out_each_files_detail(capsys, pack, answers):
    files = answers(a="要精简考核,给社区松绑;放权赋能。", b="放权赋能")
    code, out, err = run(capsys, "grade", "--summary", "--pack", str(pack), "--question", "q1", *files)
    assert code == 0, err
    assert "依据" not in out and "可补充" not in out and "题目 q1" not in out
    lines = out.splitlines()
    assert lines[0] == "共 2 份答案，平均得分 83.3"
    assert [l.split() for l in lines[1:3]] == [["100", files[0]], ["66.7", files[1]]]
    assert lines[-1].split()[:7] == ["k2", "✓", "2", "◐", "0", "✗", "0"]


def test_a_hostile_file_name_is_not_echoed_to_the_terminal(capsys, pack, tmp_path):
    name = str(tmp_path / "\x1b]0;pwned\x07\x1b[2J.txt")
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", name)
    assert (code, out) == (2, "")
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b]0;pwned\\x07\\x1b[2J.txt: error: no such file" in err


QUESTION_WITH_ERRORS = """\
id: Hotline_1
prompt: 市民打12345热线投诉噪音扰民,你怎么处理?
type: 应急应变题
topic: nowhere
key_points:
  - id: Listen
    point: 耐心倾听,安抚情绪
    keywords: [[安抚, 倾听], true]
  - id: act
    point: 联系执法部门到场处置
    weight: heavy
"""


@pytest.mark.parametrize("pack_yaml", [None, "id: Demo Pack\ntitle: 演示包\n"])
def test_a_question_with_errors_that_do_not_stop_grading_is_graded_with_a_warning(
    capsys, tmp_path, answers, pack_yaml
):
    # a type not in the list, a topic the pack lacks, capitals and '_' in ids, a keyword
    # that YAML reads as true, a weight that is not a number (and, second run, a
    # pack.yaml with a bad id): validate reports them all, but grading goes on
    files = {"questions/hot.yaml": QUESTION_WITH_ERRORS}
    if pack_yaml:
        files["pack.yaml"] = pack_yaml
    root = write_pack(tmp_path / "pack", files)
    (f,) = answers(a="先安抚他的情绪,再联系城管执法部门到场处置。")
    code, out, err = run(capsys, "grade", "--pack", str(root), "--question", "Hotline_1", "--json", f)
    assert code == 0, err
    assert "warning" in err and "Hotline_1" in err and "studyapp validate" in err
    (result,) = json.loads(out)
    assert result["question"] == "Hotline_1"
    assert {p["id"]: p["status"] for p in result["points"]} == {"Listen": "covered", "act": "covered"}
    code, out, err = run(capsys, "validate", str(root))
    assert code == 1 and "hot.yaml" in err + out


def test_a_question_whose_key_points_cannot_be_read_still_exits_2(capsys, tmp_path, answers):
    root = write_pack(tmp_path / "pack", {"questions/hot.yaml": "id: hot\nprompt: 你怎么办?\nkey_points: 安抚\n"})
    (f,) = answers(a="安抚")
    code, out, err = run(capsys, "grade", "--pack", str(root), "--question", "hot", f)
    assert code == 2 and out == ""
    assert "hot" in err and "studyapp validate" in err


def test_csv_is_a_table_a_spreadsheet_opens_one_row_per_answer(capsys, pack, answers, tmp_path, monkeypatch):
    import csv

    files = answers(li="一是精简考核,给基层减负;二是放权赋能。", wang="精简考核评比。", zhao="")
    monkeypatch.chdir(tmp_path)
    formula = tmp_path / "=1+1.txt"  # a file name a spreadsheet would take for a formula
    formula.write_text("放权赋能", encoding="utf-8")
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", "--csv", *files, formula.name)
    assert code == 0, err
    assert out.startswith("\ufeff")  # so that Excel and WPS read it as UTF-8
    rows = list(csv.reader(io.StringIO(out[1:])))
    assert rows[0] == ["文件", "得分", "k1", "k2"]
    assert rows[1] == [files[0], "100", "答到", "答到"]
    assert rows[2][0] == files[1] and rows[2][2:] == ["答到", "未答"]
    assert rows[3] == [files[2], "0", "未答", "未答"]
    assert rows[4][0] == "'=1+1.txt" and rows[4][3] == "答到"
    with pytest.raises(SystemExit) as exit_:
        cli.main(["grade", "--pack", str(pack), "--question", "q1", "--csv", "--json", *files])
    assert exit_.value.code == 2 and "not allowed with" in capsys.readouterr().err


def test_a_file_named_twice_is_graded_once_with_a_warning(capsys, pack, answers, tmp_path, monkeypatch):
    """A tutor globbing class/*.txt plus a named file: the class statistics count each answer once."""
    full, half = answers(full="要精简考核,给社区松绑;放权赋能。", half="放权赋能")
    monkeypatch.chdir(tmp_path)
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "full.txt")
    argv = ["grade", "--pack", str(pack), "--question", "q1"]
    files = ["full.txt", "half.txt", "./full.txt", full, "half.txt", "link.txt"]
    code, out, err = run(capsys, *argv, "--json", *files)
    assert code == 0, err
    assert [d["file"] for d in json.loads(out)] == ["full.txt", "half.txt"]  # first places kept
    assert err.splitlines() == [
        "studyapp grade: warning: ./full.txt is the same file as full.txt; graded once",
        f"studyapp grade: warning: {full} is the same file as full.txt; graded once",
        "studyapp grade: warning: half.txt is given more than once; graded once",
        "studyapp grade: warning: link.txt is the same file as full.txt; graded once",
    ]
    code, out, err = run(capsys, *argv, "--summary", *files)
    assert code == 0 and out.splitlines()[0] == "共 2 份答案，平均得分 83.3"
    assert out.splitlines()[-1].split()[:7] == ["k2", "✓", "2", "◐", "0", "✗", "0"]
    code, out, err = run(capsys, *argv, "--csv", *files)
    assert code == 0 and len(out.splitlines()) == 3  # the header and two answers


def test_standard_input_named_twice_is_refused(capsys, monkeypatch, pack, answers):
    (f,) = answers(a="放权赋能")
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", "--summary", "-", f, "-",
                         stdin="放权赋能".encode(), monkeypatch=monkeypatch)
    assert (code, out) == (2, "")
    assert err == "studyapp grade: error: - (standard input) is given 2 times; it can be read only once\n"
    assert sys.stdin.read() == "放权赋能"  # refused before anything was read


def test_the_report_names_each_hit_with_the_words_the_answer_used(tmp_path, capsys):
    from studyapp.cli import main

    answer = tmp_path / "a.txt"
    answer.write_text("直接告诉他按规定不能开。", encoding="utf-8")
    assert main(["grade", "--question", "angry-resident", str(answer)]) == 0
    out = capsys.readouterr().out
    assert "命中：不是推诿（按规定）" in out  # not 不是推诿 alone: that was never written
    assert main(["grade", "--question", "angry-resident", "--json", str(answer)]) == 0
    import json

    policy = next(p for p in json.loads(capsys.readouterr().out)[0]["points"] if p["id"] == "policy")
    assert policy["matched"] == ["不是推诿"] and policy["written"] == ["按规定"]
