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
    assert err.splitlines() == [f"studyapp grade: no question 'q9' in pack demo ({pack})", "  questions: q1, q2"]


def test_a_typo_in_the_question_id_names_every_pack_searched_and_the_closest_id(capsys, tmp_path, answers):
    from studyapp.core.packs import bundled_pack_dir, load_pack

    installed = write_pack(
        tmp_path / "class-pack",
        {"pack.yaml": "id: tutor-class\ntitle: 班课\nversion: '1.0'\n",
         "questions/q1.yaml": QUESTION_RURAL},
    )
    assert cli.main(["pack", "add", str(installed)]) == 0
    capsys.readouterr()
    (f,) = answers(a="返乡创业大有可为")
    code, out, err = run(capsys, "grade", "--question", "rural-talen", f)
    assert (code, out) == (2, "")
    bundled = load_pack(bundled_pack_dir()).pack
    lines = err.splitlines()
    assert lines[0] == (
        f"studyapp grade: no question 'rural-talen' in the bundled pack {bundled.id} or the installed pack"
        " tutor-class; did you mean 'rural-talent' (in tutor-class)?"
    )
    assert lines[1].startswith(f"  questions of {bundled.id} ({bundled_pack_dir()}): ")
    assert lines[2].startswith("  questions of tutor-class (") and lines[2].endswith("): rural-talent, q2")
    # with the pack given, only that pack is searched
    code, out, err = run(capsys, "grade", "--pack", "tutor-class", "--question", "Rural-Talent", f)
    assert code == 2 and err.splitlines()[0].endswith("; did you mean 'rural-talent'?")
    code, out, err = run(capsys, "grade", "--pack", "tutor-class", "--question", "rural-talent", f)
    assert code == 0, err


QUESTION_RURAL = """\
id: rural-talent
prompt: 有人说,大学生返乡创业是“大材小用”。对此你怎么看?
type: 综合分析
key_points:
  - id: stance
    point: 这种说法片面,返乡创业大有可为。
    keywords: [片面, 大有可为]
"""


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
    assert lines[-1] == (
        "studyapp grade: 2 of 3 answer files cannot be read; nothing was graded"
        " (--skip-unreadable grades the other 1 and lists these)"
    )


def test_skip_unreadable_grades_the_class_and_lists_the_files_it_could_not_read(capsys, pack, answers, tmp_path):
    """Thirty files from WeChat, four of them GBK, UTF-16 or Word: the tutor sees the class at once."""
    import csv

    good, gbk = answers(good="要精简考核,给社区松绑;放权赋能。", gbk="给社区减负".encode("gbk"))
    word = tmp_path / "邓超.docx"
    word.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"word/document.xml" + b"\x00" * 40)
    argv = ["grade", "--pack", str(pack), "--question", "q1", "--skip-unreadable"]
    code, out, err = run(capsys, *argv, "--summary", good, gbk, str(word))
    assert (code, err.count("\n")) == (1, 3), err  # graded, but not all: exit 1, not 0 (nor 2: output)
    assert f"{word}: error: this is a Word document (.docx), not a text file: save it as plain text (.txt, UTF-8)" in err
    assert err.splitlines()[-1] == "studyapp grade: 2 of 3 answer files cannot be read; graded the other 1"
    lines = out.splitlines()
    assert lines[0] == "共 1 份答案，平均得分 100.0；另有 2 份无法读取，未评分"
    assert lines[1].split() == ["100", good]
    # the summary is in Chinese, for the class group: so is why a file cannot be read
    assert lines[2] == (
        f"      –  {gbk}  （无法读取：文件不是有效的 UTF-8（第 1 行的字节 0xb8）："
        "看来是 Windows 编辑器常用的 GBK（GB18030）编码，请另存为 UTF-8）"
    )
    assert lines[3] == f"      –  {word}  （无法读取：这是 Word 文档（.docx），不是纯文本文件：请另存为纯文本（.txt，UTF-8））"
    code, out, err = run(capsys, *argv, "--csv", good, gbk)
    rows = list(csv.reader(io.StringIO(out[1:])))
    assert code == 1 and rows[2][:4] == [gbk, "", "", ""]
    assert rows[2][4] == "无法读取：文件不是有效的 UTF-8（第 1 行的字节 0xb8）：看来是 Windows 编辑器常用的 GBK（GB18030）编码，请另存为 UTF-8"
    code, out, err = run(capsys, *argv, "--json", good, gbk)
    data = json.loads(out)
    assert code == 1 and [d["file"] for d in data] == [good, gbk]
    assert data[0]["score"] == 100 and "error" not in data[0]
    assert data[1]["score"] is None and data[1]["points"] == [] and "GBK" in data[1]["error"]
    # nothing readable: nothing to show, the refusal as without the option
    code, out, err = run(capsys, *argv, "--json", gbk, str(word))
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == "studyapp grade: 2 of 2 answer files cannot be read; nothing was graded"


def test_office_documents_pdfs_and_pictures_are_named_with_what_to_do(capsys, pack, tmp_path):
    cases = {
        "a.docx": (b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml", "a Word document (.docx)"),
        "b.txt": (b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml", "a Word document (.docx)"),  # renamed
        "c.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "a Word document (.doc)"),
        "d.wps": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "a WPS document (.wps)"),
        "e.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF, not text: copy its text into a plain text file"),
        "f.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a picture (JPEG), not text: type the answer"),
        "g.txt": ("1. 放权赋能\r\n2. 精简考核\r\n".encode("utf-16-le"), "UTF-16 (without a byte-order mark)"),
    }
    for name, (data, words) in cases.items():
        f = tmp_path / name
        f.write_bytes(data)
        code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", str(f))
        assert (code, out) == (2, ""), name
        assert err.startswith(f"studyapp grade: {f}") and words in err, err
        assert "NUL" not in err


def test_a_folder_given_as_a_file_suggests_its_txt_files(capsys, pack, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "班级 答卷").mkdir()
    for n in ("01", "02"):
        (tmp_path / "班级 答卷" / f"{n}.txt").write_text("放权赋能", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", "班级 答卷/")
    assert (code, out) == (2, "")
    assert err == (
        "studyapp grade: 班级 答卷: error: is a folder, not a file;"
        " to grade the 2 .txt files in it, give '班级 答卷'/*.txt\n"
    )
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", "empty")
    assert err == "studyapp grade: empty: error: is a folder, not a file; it is empty: there is no answer file in it\n"


def test_a_folder_hint_says_what_txt_leaves_out_and_looks_into_a_folder_of_folders(capsys, pack, tmp_path, monkeypatch):
    """all/*.txt would leave a .docx and a PDF out without a word; sub/* of one folder per
    student gives folders again."""
    monkeypatch.chdir(tmp_path)
    argv = ["grade", "--pack", str(pack), "--question", "q1"]
    (tmp_path / "all").mkdir()
    for n in ("01", "02", "03"):
        (tmp_path / "all" / f"{n}.txt").write_text("放权赋能", encoding="utf-8")
    (tmp_path / "all" / "30-邓超.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml")
    (tmp_path / "all" / "31-PDF生.pdf").write_bytes(b"%PDF-1.7\n")
    code, out, err = run(capsys, *argv, "all")
    assert (code, out) == (2, "")
    assert err == (
        "studyapp grade: all: error: is a folder, not a file; to grade the 3 .txt files in it, give all/*.txt;"
        " that would leave out 2 other files (30-邓超.docx, 31-PDF生.pdf): save them as .txt (UTF-8),"
        " or give all/* --skip-unreadable to grade what can be read and list the rest\n"
    )
    for student in ("A", "B", "三 班"):
        (tmp_path / "sub" / student).mkdir(parents=True)
        (tmp_path / "sub" / student / "作业.txt").write_text("放权赋能", encoding="utf-8")
    code, out, err = run(capsys, *argv, "sub")
    assert err == (
        "studyapp grade: sub: error: is a folder, not a file; it holds 3 folders (A, B, 三 班):"
        " to grade the 3 .txt files in them, give sub/*/*.txt\n"
    )


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
    mean, written = sum(scores.values()) / 3, (scores[full] + scores[half]) / 2
    start = lines.index(f"共 3 份答案，平均得分 {mean:.1f}（其中 1 份空白；不计空白 {written:.1f}）")
    assert [l.split() for l in lines[start + 1:start + 4]] == [
        [f"{scores[full]:g}", full], [f"{scores[half]:g}", half], ["0", empty, "（空白）"],
    ]
    assert scores[full] == 100 and scores[empty] == 0


def test_the_class_summary_counts_who_made_each_key_point(capsys, pack, answers):
    """A tutor grading a class sees, per key point, how many answers made it, half made it or missed it."""
    files = answers(a="要精简考核,给社区松绑;放权赋能。", b="放权赋能", c="", d="我不同意放权")
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", *files)
    assert code == 0, err
    lines = out.rstrip("\n").splitlines()
    # the counts include the blank answer (✗ 3), the names leave it out: both said
    start = lines.index("各采分点（答到 · 部分 · 未答；人数含 1 份空白答卷，名单不含）")
    assert [line.split() for line in lines[start + 1:start + 5]] == [
        ["k1", "✓", "1", "◐", "0", "✗", "3", "精简考核评比。（×1）"],
        ["未答：b、d"],  # who missed it, by name; c handed in nothing
        ["k2", "✓", "2", "◐", "0", "✗", "2", "放权赋能。（×2）"],
        ["未答：d"],
    ]
    # the class's most-missed terms: what to teach next
    assert lines[-1] == "全班最常缺的词（×几份答卷缺它）：考核×2、松绑×2"  # (减负 is the prompt's word: 松绑 is what counts)


def test_the_summary_gives_the_spread_of_scores_and_the_median(capsys, pack, answers):
    files = answers(a="要精简考核,给社区松绑;放权赋能。", b="放权赋能", c="精简考核", d="", e="我不同意")
    code, out, err = run(capsys, "grade", "--summary", "--pack", str(pack), "--question", "q1", *files)
    assert code == 0, err
    lines = out.splitlines()
    start = lines.index("分数分布（中位数 33.3；分布和中位数都计入 1 份空白答卷）")  # 100, 66.7, 33.3, 0, 0
    assert [line.split() for line in lines[start + 1:start + 5]] == [
        ["0–39", "███", "3"], ["40–59", "0"], ["60–79", "█", "1"], ["80–100", "█", "1"],
    ]
    assert lines[0] == "共 5 份答案，平均得分 40.0（其中 1 份空白；不计空白 50.0）"
    assert [line.split()[1] for line in lines[1:6]] == files  # in the order given ...
    code, out, err = run(capsys, "grade", "--summary", "--by-score", "--pack", str(pack), "--question", "q1",
                         *files)
    lines = out.splitlines()
    assert [line.split()[1] for line in lines[1:6]] == [files[0], files[1], files[2], files[3], files[4]]
    code, out, err = run(capsys, "grade", "--summary", "--by-score", "--pack", str(pack), "--question", "q1",
                         *reversed(files))
    assert [line.split()[1] for line in out.splitlines()[1:4]] == [files[0], files[1], files[2]]
    code, out, err = run(capsys, "grade", "--json", "--by-score", "--pack", str(pack), "--question", "q1", *files)
    assert (code, out) == (2, "") and "--json keeps the order of FILE" in err


def test_a_blank_answer_is_marked_and_flagged_not_only_scored_0(capsys, pack, answers):
    import csv

    full, blank, spaces = answers(full="要精简考核,给社区松绑;放权赋能。", blank="", spaces=" \n\u3000\n。")
    argv = ["grade", "--pack", str(pack), "--question", "q1"]
    code, out, err = run(capsys, *argv, full, blank, spaces)
    assert code == 0, err
    assert f"{blank}  题目 q1  得分 0/100（空白答卷：没有写任何内容）" in out
    assert f"{spaces}  题目 q1  得分 0/100（空白答卷：没有写任何内容）" in out
    assert "共 3 份答案，平均得分 33.3（其中 2 份空白；不计空白 100.0）" in out
    code, out, err = run(capsys, *argv, "--json", full, blank)
    assert [d["blank"] for d in json.loads(out)] == [False, True]
    assert json.loads(out)[1]["score"] == 0  # still a valid answer, everything missed
    code, out, err = run(capsys, *argv, "--csv", full, blank)
    rows = list(csv.reader(io.StringIO(out[1:])))
    assert [r[-1] for r in rows[1:3]] == ["", "空白答卷"]
    assert rows[4][-1] == "中位数 50；1 份空白（已计入中位数和各要点人数），不计空白平均 100.0"


def test_summary_leaves_out_each_files_detail(capsys, pack, answers):
    files = answers(a="要精简考核,给社区松绑;放权赋能。", b="放权赋能")
    code, out, err = run(capsys, "grade", "--summary", "--pack", str(pack), "--question", "q1", *files)
    assert code == 0, err
    assert "依据" not in out and "可补充" not in out and "题目 q1" not in out
    lines = out.splitlines()
    assert lines[0] == "共 2 份答案，平均得分 83.3"
    assert [l.split() for l in lines[1:3]] == [["100", files[0]], ["66.7", files[1]]]
    assert "  k2  ✓  2  ◐  0  ✗  0  放权赋能。（×2）" in lines


def test_summary_shows_the_full_point_text_when_not_on_a_terminal(capsys, tmp_path, answers, monkeypatch):
    long_point = "提出对策：完善扶持政策，提供创业贷款，改善公共服务，搭建返乡人才交流平台。"
    root = write_pack(tmp_path / "pack", {"questions/q1.yaml": QUESTION_YAML_LONG.format(point=long_point)})
    files = answers(a="完善扶持政策", b="")
    argv = ["grade", "--summary", "--pack", str(root), "--question", "q1", *files]
    code, out, err = run(capsys, *argv)
    assert code == 0 and f"  k1  ✓  1  ◐  0  ✗  1  {long_point}" in out.splitlines()
    # on a terminal 40 columns wide, cut to fit
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("COLUMNS", "40")
    code, out, err = run(capsys, *argv)
    line = next(line for line in out.splitlines() if line.startswith("  k1"))
    assert line.endswith("…") and line.startswith("  k1  ✓  1  ◐  0  ✗  1  提出对策")


QUESTION_YAML_LONG = """\
id: q1
prompt: 对大学生返乡创业,你怎么看?
key_points:
  - id: k1
    point: {point}
    keywords: [扶持政策]
"""


def test_out_writes_one_report_per_answer_to_send_back(capsys, pack, answers, tmp_path, monkeypatch):
    li, wang, blank = answers(li="要精简考核,给社区松绑;放权赋能。", wang="放权赋能", blank="")
    out_dir = tmp_path / "反馈"
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", "--out", str(out_dir),
                         li, wang, blank)
    assert code == 0, err
    assert err == f"studyapp grade: wrote 3 reports to {out_dir} (one per answer: <name>-评分.txt)\n"
    assert out.startswith("共 3 份答案")  # standard output: the class summary, not 3 reports again
    assert "依据" not in out
    assert sorted(p.name for p in out_dir.iterdir()) == ["blank-评分.txt", "li-评分.txt", "wang-评分.txt"]
    wang_report = (out_dir / "wang-评分.txt").read_text(encoding="utf-8")
    lines = wang_report.splitlines()
    assert lines[0] == "题目（q1）：谈谈你对社区减负的看法。"
    assert lines[2] == f"{wang}  题目 q1  得分 66.7/100（答到 1 · 部分 0 · 未答 1）"
    assert "  ✗ 未答  k1：精简考核评比。（×1）" in lines and "      可补充：考核、松绑" in lines
    # the same block as the full report on standard output
    code, full, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", li, wang, blank)
    assert "\n".join(lines[2:]) in full
    assert "空白答卷" in (out_dir / "blank-评分.txt").read_text(encoding="utf-8")
    # a report never overwrites an answer: li.txt next to li-评分.txt given as an answer
    monkeypatch.chdir(tmp_path)
    (tmp_path / "li-评分.txt").write_text("放权赋能", encoding="utf-8")
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", "--out", ".",
                         "li-评分.txt", "li.txt")
    assert (code, out) == (2, "")
    assert "--out is the folder of the answers (li-评分.txt, li.txt)" in err
    assert (tmp_path / "li-评分.txt").read_text(encoding="utf-8") == "放权赋能"


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
    # each point's column says which point it is and what it weighs
    assert rows[0] == ["文件", "得分", "要点1 k1（×1）：精简考核评比。", "要点2 k2（×2）：放权赋能。", "备注"]
    assert rows[1] == [files[0], "100", "答到", "答到", ""]
    assert rows[2][0] == files[1] and rows[2][2:4] == ["答到", "未答"]
    assert rows[3] == [files[2], "0", "未答", "未答", "空白答卷"]
    assert rows[4][0] == "'=1+1.txt" and rows[4][3] == "答到"
    # after an empty row, the class: the mean and each point's counts
    assert rows[5] == []
    assert rows[6][:4] == ["全班平均（4 份）", "50.0", "答到 2 · 部分 0 · 未答 2", "答到 2 · 部分 0 · 未答 2"]
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
    assert "  k2  ✓  2  ◐  0  ✗  0  放权赋能。（×2）" in out.splitlines()
    code, out, err = run(capsys, *argv, "--csv", *files)
    assert code == 0 and len(out.splitlines()) == 5  # the header, two answers, an empty row, the class


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


# --- --out: a folder of its own, one report per student, never another's -------------


def _class(folder, **texts):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_out_into_the_answers_folder_is_refused_and_reports_are_never_graded_as_answers(
    capsys, pack, tmp_path, monkeypatch
):
    """A tutor puts the feedback next to the answers: the next *.txt would grade the reports
    (they quote every key point: 100 each) and the class mean would double."""
    cls = _class(tmp_path / "class", 李娜="放权赋能", 王芳="", 张伟="要精简考核,给社区松绑;放权赋能。")
    monkeypatch.chdir(cls)
    argv = ["grade", "--pack", str(pack), "--question", "q1"]
    code, out, err = run(capsys, *argv, "--out", ".", "李娜.txt", "王芳.txt", "张伟.txt")
    assert (code, out) == (2, "")
    assert err == (
        "studyapp grade: .: error: --out is the folder of the answers (李娜.txt, 王芳.txt and 1 more);"
        " reports written there would be taken for answers by the next run on *.txt: give --out a folder"
        " of its own, for example --out 反馈\n"
    )
    assert sorted(p.name for p in cls.iterdir()) == ["张伟.txt", "李娜.txt", "王芳.txt"]
    # the folder suggested: fine, and grading the class again with * skips it
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv, "--out", "class/反馈", "class/李娜.txt", "class/王芳.txt", "class/张伟.txt")
    assert code == 0, err
    code, out, err = run(capsys, *argv, "--summary", "class/反馈", "class/张伟.txt", "class/李娜.txt", "class/王芳.txt")
    assert code == 0, err
    assert out.splitlines()[0] == "共 3 份答案，平均得分 55.6（其中 1 份空白；不计空白 83.3）"
    assert err == "studyapp grade: warning: class/反馈 is a folder of reports of grade --out, not answers; skipped\n"
    # a report copied among the answers (or --out . from an older version) is not an answer
    (cls / "反馈" / "李娜-评分.txt").replace(cls / "李娜-评分.txt")
    code, out, err = run(capsys, *argv, "--summary", "class/张伟.txt", "class/李娜-评分.txt", "class/李娜.txt")
    assert code == 0, err
    assert out.splitlines()[0] == "共 2 份答案，平均得分 83.3"
    assert err == "studyapp grade: warning: skipped a report of grade --out, not an answer: class/李娜-评分.txt\n"
    # the reports folder's own files: nothing to grade, and no hint to grade it
    code, out, err = run(capsys, *argv, "class/反馈/王芳-评分.txt", "class/反馈/张伟-评分.txt")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        "studyapp grade: error: nothing to grade: the files given are reports of grade --out, not answers;"
        " give the answer files"
    )
    # the hint for the class folder counts the answers, not the report beside them
    code, out, err = run(capsys, *argv, "class")
    assert err == (
        "studyapp grade: class: error: is a folder, not a file; to grade the 3 .txt files in it, give class/*.txt;"
        " the folder in it (反馈) is not graded; the report of grade --out in it (李娜-评分.txt) is not an answer:"
        " it is skipped\n"
    )


def test_reports_of_answers_with_the_same_name_are_named_after_their_folders(capsys, pack, tmp_path, monkeypatch):
    """One folder per student, each with 作业.txt: a counter (作业-2) was the name of another
    student's report, so feedback went to the wrong student."""
    monkeypatch.chdir(tmp_path)
    _class(tmp_path / "sub" / "A", 作业="要精简考核,给社区松绑;放权赋能。")
    _class(tmp_path / "sub" / "B", 作业="", **{"作业-2": "放权赋能"})
    files = ["sub/A/作业.txt", "sub/B/作业.txt", "sub/B/作业-2.txt"]
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", "--out", "fb", *files)
    assert code == 0, err
    assert err.splitlines() == [
        "studyapp grade: wrote 3 reports to fb (one per answer: <name>-评分.txt)",
        "studyapp grade: these answers have the same name as another, so the report is named after the folder too:",
        "  sub/A/作业.txt → fb/A-作业-评分.txt",
        "  sub/B/作业.txt → fb/B-作业-评分.txt",
    ]
    reports = {p.name: p.read_text(encoding="utf-8").splitlines()[2] for p in (tmp_path / "fb").iterdir()}
    assert reports == {
        "A-作业-评分.txt": "sub/A/作业.txt  题目 q1  得分 100/100（答到 2 · 部分 0 · 未答 0）",
        "B-作业-评分.txt": "sub/B/作业.txt  题目 q1  得分 0/100（空白答卷：没有写任何内容）",
        "作业-2-评分.txt": "sub/B/作业-2.txt  题目 q1  得分 66.7/100（答到 1 · 部分 0 · 未答 1）",
    }
    # the same names whatever the order of the files
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", "--out", "fb2",
                         *reversed(files))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "fb2").iterdir()) == sorted(reports)
    assert (tmp_path / "fb2" / "作业-2-评分.txt").read_text(encoding="utf-8").splitlines()[2].startswith("sub/B/作业-2.txt ")


def test_a_second_out_run_into_the_same_folder_asks_for_force(capsys, pack, tmp_path, monkeypatch):
    """Last week's reports are not replaced without a word."""
    monkeypatch.chdir(tmp_path)
    _class(tmp_path / "wk1", li="放权赋能", wang="")
    argv = ["grade", "--pack", str(pack), "--question", "q1", "--out", "反馈"]
    assert run(capsys, *argv, "wk1/li.txt", "wk1/wang.txt")[0] == 0
    before = (tmp_path / "反馈" / "li-评分.txt").read_text(encoding="utf-8")
    _class(tmp_path / "wk2", li="要精简考核,给社区松绑;放权赋能。")
    code, out, err = run(capsys, *argv, "wk2/li.txt")
    assert (code, out) == (2, "")
    assert err == (
        "studyapp grade: 反馈: error: 1 report of an earlier run would be replaced (li-评分.txt); give --out"
        " a new folder (for example one a week), or add --force to replace it\n"
    )
    assert (tmp_path / "反馈" / "li-评分.txt").read_text(encoding="utf-8") == before
    code, out, err = run(capsys, *argv, "--force", "wk2/li.txt")
    assert code == 0, err
    assert err.splitlines() == [
        "studyapp grade: wrote 1 report to 反馈 (one per answer: <name>-评分.txt); replaced 1 report of an"
        " earlier run (--force)",
        "studyapp grade: note: 1 other report in 反馈 is not from this run (wang-评分.txt): left as it is",
    ]
    assert "wk2/li.txt  题目 q1  得分 100/100" in (tmp_path / "反馈" / "li-评分.txt").read_text(encoding="utf-8")
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", "--force", "wk2/li.txt")
    assert (code, out) == (2, "") and "--force replaces the reports of an earlier --out run; give --out DIR" in err


# --- the class summary: names, the terminal's width, blanks ---------------------------


def test_names_in_the_summary_are_told_apart_and_wrapped_between_names(capsys, pack, tmp_path, monkeypatch):
    names = ["Zhang San", "Li Si", "01-张伟", "02-王芳", "03-李娜", "04-刘洋", "05-陈静", "06-杨磊"]
    cls = _class(tmp_path / "eng", **dict.fromkeys(names, "我不同意"), 满分="要精简考核,给社区松绑;放权赋能。")
    files = [str(cls / f"{n}.txt") for n in names] + [str(cls / "满分.txt")]
    argv = ["grade", "--summary", "--pack", str(pack), "--question", "q1", *files]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert "      未答：Zhang San、Li Si、01-张伟、02-王芳、03-李娜、04-刘洋、05-陈静、06-杨磊" in out.splitlines()
    # on a terminal 40 columns wide: wrapped between names, the 、 kept at the end of a line
    from studyapp.core.textio import cell_width

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("COLUMNS", "40")
    code, out, err = run(capsys, *argv)
    lines = out.splitlines()
    start = lines.index("      未答：Zhang San、Li Si、01-张伟、")
    block = lines[start:start + 4]
    assert block[1:] == [
        "            02-王芳、03-李娜、04-刘洋、",
        "            05-陈静、06-杨磊",
        "  k2  ✓  1  ◐  0  ✗  8  放权赋能。（×2）",
    ]
    assert all(cell_width(line) <= 40 for line in lines if "：" in line or line.startswith(" " * 12))
    # the terms the class lacks: under their heading when it leaves too little room beside it
    i = lines.index("全班最常缺的词（×几份答卷缺它）：")
    assert lines[i + 1] == "  考核×8、松绑×8、放权赋能×8"
    monkeypatch.setenv("COLUMNS", "24")
    code, out, err = run(capsys, *argv)
    lines = out.splitlines()
    i = lines.index("全班最常缺的词（×几份答卷缺它）：")
    assert lines[i + 1:i + 3] == ["  考核×8、松绑×8、", "  放权赋能×8"]  # the 、 is not lost at the wrap


def test_unknown_pack_is_said_as_list_says_it_and_a_question_of_another_pack_is_pointed_to(
    capsys, pack, answers
):
    from studyapp.core.packs import bundled_pack_dir, load_pack

    (f,) = answers(a="放权")
    code, out, err = run(capsys, "grade", "--pack", "tutor-clas", "--question", "q1", f)
    assert (code, out) == (2, "")
    code2, out2, err2 = run(capsys, "list", "tutor-clas")
    assert err == "studyapp grade: " + err2 == (
        "studyapp grade: tutor-clas: error: no such pack folder, and no installed pack has this id (installed: none)\n"
    )
    bundled = load_pack(bundled_pack_dir()).pack
    qid = bundled.questions[0].id
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", qid[:-1], f)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        f"studyapp grade: no question {qid[:-1]!r} in pack demo ({pack}); did you mean {qid!r}"
        f" (in pack {bundled.id}: --pack {bundled.id}, or leave --pack out)?"
    )
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", qid, f)
    assert err.splitlines()[0] == (
        f"studyapp grade: no question {qid!r} in pack demo ({pack}); it is in pack {bundled.id}:"
        f" give --pack {bundled.id}, or leave --pack out"
    )


def test_an_all_chinese_utf16_answer_without_a_byte_order_mark_is_named(capsys, pack, tmp_path):
    f = tmp_path / "34-u16le.txt"
    f.write_bytes("返乡创业大有可为，要提供创业贷款，改善公共服务。".encode("utf-16-le"))  # no NUL byte in it
    code, out, err = run(capsys, "grade", "--pack", str(pack), "--question", "q1", str(f))
    assert (code, out) == (2, "")
    assert err == f"studyapp grade: {f}:1: error: the file is UTF-16 (without a byte-order mark), not UTF-8; save it as UTF-8\n"


def test_a_question_with_a_duplicate_key_point_id_is_graded_on_every_point(capsys, tmp_path, answers):
    # validate reports the duplicate; grading a class from the pack being written keeps both
    # points (the second told apart), so the score is out of the points the file has
    from packutil import QUESTION_YAML

    broken = QUESTION_YAML.replace("  - id: k2\n", "  - id: k1\n")
    root = write_pack(tmp_path / "dup", {"questions/q1.yaml": broken})
    files = answers(a="要精简考核评比，还要放权赋能。")
    code, out, err = run(capsys, "grade", "--pack", str(root), "-q", "q1", "--json", *files)
    assert code == 0, err
    points = json.loads(out)[0]["points"]
    assert [p["id"] for p in points] == ["k1", "k1 (2)"]
    assert all(p["status"] == "covered" for p in points) and json.loads(out)[0]["score"] == 100
    assert "has errors" in err


def test_grading_with_a_pack_thesaurus_that_has_errors_says_so(capsys, tmp_path, answers):
    bad = "synonyms:\n  - [助餐]\n  - [减负, 松绑]\nrelated: 写成了一段文字\n"
    root = write_pack(tmp_path / "t", {"thesaurus.yaml": bad})
    files = answers(a="要给社区松绑。")
    code, out, err = run(capsys, "grade", "--pack", str(root), "-q", "q1", *files)
    assert code == 0, err
    assert f"warning: {root / 'thesaurus.yaml'} has 2 errors (run: studyapp validate {root})" in err, err
    # a clean thesaurus says nothing
    ok = write_pack(tmp_path / "ok", {"thesaurus.yaml": "synonyms:\n  - [减负, 松绑]\n"})
    code, out, err = run(capsys, "grade", "--pack", str(ok), "-q", "q1", *files)
    assert code == 0 and "thesaurus" not in err
