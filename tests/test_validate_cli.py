"""`studyapp validate` and `studyapp list` as a tutor uses them: one line per
problem, the right exit status, never a traceback."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from packutil import QUESTION2_YAML, QUESTION_YAML, write_pack

from studyapp import cli


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*argv: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "studyapp", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )


# ---------------------------------------------------------------- validate


def test_valid_pack_exits_0_with_a_summary(tmp_path, capsys):
    root = write_pack(tmp_path / "good")
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 0
    assert out == ""
    assert err.strip() == f"{root}: 1 topic, 2 questions, 0 errors, 0 warnings"


def test_every_problem_printed_as_path_line_severity_message(tmp_path, capsys):
    root = write_pack(
        tmp_path / "p",
        {
            "pack.yaml": "id: demo\ntitle: 演示\nauthor: 李老师\n",
            "questions/q3.yaml": "id: q3\nprompt: 谈谈\ntype: 综合\nkey_points:\n  - id: k1\n    point: 要点\n",
            "questions/q4.yaml": "id: q4\nprompt: [\n",
        },
    )
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        f"{root / 'pack.yaml'}:3: warning: unknown key 'author' in pack.yaml "
        "(known: id, title, version, language, authors, description, format)"
    )
    assert lines[1] == (
        f"{root / 'questions' / 'q3.yaml'}:3: error: unknown question type '综合': "
        "use one of 综合分析 组织管理 人际关系 应急应变 情景模拟 自我认知"
    )
    assert lines[2].startswith(f"{root / 'questions' / 'q4.yaml'}:3: error: YAML syntax error")
    assert len(lines) == 3
    assert err.strip() == f"{root}: 1 topic, 2 questions, 2 errors, 1 warning"


FIRST_AID_QUESTION = """\
id: first-aid
prompt: 社区要给居民讲一堂防溺水课,你怎么讲?
type: 情景模拟
topic: burden
reference: |
  用身边的事讲清溺水的危害;教会大家发现有人落水时先呼救、借竹竿施救;联系120。
key_points:
  - id: danger
    point: 讲清溺水的危害
  - id: rescue
    point: 教会正确施救方法
    keywords:
      - [呼救, 竹竿, 救生圈]
  - id: hospital
    point: 及时送医
"""


def test_a_key_point_the_reference_answer_does_not_make_is_a_warning_at_its_line(tmp_path, capsys):
    """A tutor whose reference says 联系120 where the point says 送医 learns that an answer worded
    like the reference would not be credited, at the key point's line, with what was looked for."""
    root = write_pack(tmp_path / "p", {"questions/first-aid.yaml": FIRST_AID_QUESTION})
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 0
    path = root / "questions" / "first-aid.yaml"
    lines = out.splitlines()
    assert len(lines) == 1, out
    line = FIRST_AID_QUESTION.splitlines().index("  - id: hospital") + 1
    head = f"{path}:{line}: warning: key point 'hospital' is not credited to the question's own reference answer ("
    assert lines[0].startswith(head), lines[0]
    assert "looked for: 送医" in lines[0] and "thesaurus.yaml" in lines[0]
    assert err.strip().endswith("0 errors, 1 warning")
    # taught the reference's wording, the pack grades its own reference: no warning
    (root / "thesaurus.yaml").write_text("synonyms:\n  - [送医, 联系120]\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", "--strict", str(root))
    assert (code, out) == (0, ""), out
    assert err.strip().endswith("0 errors, 0 warnings")


TERSE_QUESTION = """\
id: angry-payer
prompt: 新出台的停车收费政策引来一位群众到窗口质问，他情绪很激动，说不清楚原因就不走。你怎么办？
type: 应急应变
key_points:
  - id: calm
    point: 稳情绪
  - id: cause
    point: 说原因
"""


def test_a_key_point_its_own_words_do_not_make_is_a_warning_without_any_reference(tmp_path, capsys):
    """说原因 when the question already says 原因: an answer that says the point as written earns
    nothing, and the tutor learns it at the point's line though the question has no reference."""
    root = write_pack(tmp_path / "p", {"questions/angry-payer.yaml": TERSE_QUESTION})
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 0
    lines = out.splitlines()
    line = TERSE_QUESTION.splitlines().index("  - id: cause") + 1
    path = root / "questions" / "angry-payer.yaml"
    assert len(lines) == 1, out  # 稳情绪 is made by its own words: its verb is not the question's
    assert lines[0].startswith(f"{path}:{line}: warning: key point 'cause' is not credited even to its own words"), out
    assert "题目里已有的词不算答到：原因" in lines[0]


SHARED_KEYWORD_QUESTION = """\
id: canteen
prompt: 社区老年食堂饭菜贵、口味差，老人不来吃。你怎么办？
type: 组织管理
key_points:
  - id: cause
    point: 找准原因：价格偏高，口味不合老人。
    keywords: [[价格, 饭价], [口味, 不合胃口]]
  - id: remedy
    point: 对策：争取补贴降低价格，按老人口味调整菜单。
    keywords: [[补贴, 价格], 菜单]
"""


def test_a_keyword_in_two_key_points_is_a_warning_at_the_second(tmp_path, capsys):
    """价格 as a cause and as a remedy: one word said earns both points, and the tutor is told so
    at the second point's keywords line, naming the first point's."""
    root = write_pack(tmp_path / "p", {"questions/canteen.yaml": SHARED_KEYWORD_QUESTION})
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 0
    lines = SHARED_KEYWORD_QUESTION.splitlines()
    first = lines.index("    keywords: [[价格, 饭价], [口味, 不合胃口]]") + 1
    second = lines.index("    keywords: [[补贴, 价格], 菜单]") + 1
    path = root / "questions" / "canteen.yaml"
    assert out.splitlines() == [
        f"{path}:{second}: warning: key point 'remedy' has the keyword 价格 of key point 'cause'"
        f" (line {first}): an answer that says it earns both points; keep each keyword in the point it stands for"
    ]
    assert err.strip().endswith("0 errors, 1 warning")
    # the remedy's own word instead: no warning
    (path).write_text(SHARED_KEYWORD_QUESTION.replace("[补贴, 价格]", "[补贴, 降价]"), encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", "--strict", str(root))
    assert (code, out) == (0, ""), out


PROMPT_KEYWORD_QUESTION = """\
id: cut-water
prompt: 物业公司因业主欠费给整栋楼停水，业主到社区投诉。你怎么办？
type: 应急应变
key_points:
  - id: restore
    point: 先督促物业恢复供水。
    keywords: [[停水], [恢复供水, 先供水]]
"""


def test_a_keyword_group_the_prompt_already_says_is_a_warning(tmp_path, capsys):
    """[停水] on a question about 停水: saying it earns nothing, and the tutor is told at its line."""
    root = write_pack(tmp_path / "p", {"questions/cut-water.yaml": PROMPT_KEYWORD_QUESTION})
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 0
    line = PROMPT_KEYWORD_QUESTION.splitlines().index("    keywords: [[停水], [恢复供水, 先供水]]") + 1
    assert out.startswith(
        f"{root / 'questions' / 'cut-water.yaml'}:{line}: warning: key point 'restore': the question's prompt"
        " already says 停水;"
    ), out
    assert err.strip().endswith("0 errors, 1 warning")
    # with an alternative of the answer's own, the group can count: no warning
    (root / "questions" / "cut-water.yaml").write_text(
        PROMPT_KEYWORD_QUESTION.replace("[[停水]", "[[停水, 断水后果]"), encoding="utf-8")
    code, out, err = run_cli(capsys, "validate", "--strict", str(root))
    assert (code, out) == (0, ""), out


def test_warnings_only_exit_0_unless_strict(tmp_path, capsys):
    root = write_pack(tmp_path / "p", {"pack.yaml": "id: demo\ntitle: 演示\nauthor: 李老师\n"})
    code, out, _ = run_cli(capsys, "validate", str(root))
    assert code == 0
    assert ":3: warning: unknown key 'author'" in out
    code, _, _ = run_cli(capsys, "validate", "--strict", str(root))
    assert code == 1


@pytest.mark.parametrize("global_pack", [False, True], ids=["both named", "one by the global --pack"])
def test_several_packs_in_one_run(tmp_path, capsys, global_pack):
    good = write_pack(tmp_path / "good")
    bad = write_pack(tmp_path / "bad", {"questions/q1.yaml": QUESTION_YAML.replace("综合分析", "闲聊")})
    # `studyapp --pack BAD validate GOOD` validates both, as `validate GOOD BAD` does
    argv = ["--pack", str(bad), "validate", str(good)] if global_pack else ["validate", str(good), str(bad)]
    code, out, err = run_cli(capsys, *argv)
    assert code == 1
    assert out.splitlines() == [
        f"{bad / 'questions' / 'q1.yaml'}:3: error: unknown question type '闲聊': "
        "use one of 综合分析 组织管理 人际关系 应急应变 情景模拟 自我认知"
    ]
    assert err.splitlines() == [
        f"{good}: 1 topic, 2 questions, 0 errors, 0 warnings",
        f"{bad}: 1 topic, 1 question, 1 error, 0 warnings",
        "2 packs: 1 error, 0 warnings",
    ]


def test_every_problem_of_a_broken_question_file_in_one_run(tmp_path, capsys):
    """A duplicated question id, a key given twice, an unknown topic, bad times and a
    duplicated key point id in one file: all of them in the first run, not one per edit."""
    root = write_pack(
        tmp_path / "p",
        {
            "questions/q3.yaml": (
                "id: q1\n"
                "prompt: 谈谈\n"
                "prompt: 又谈谈\n"
                "type: 综合分析\n"
                "topic: no-such-topic\n"
                'time: {think: 1.5, answer: "abc"}\n'
                "key_points:\n"
                "  - id: a\n"
                "    point: 一\n"
                "    keywords: [\"\"]\n"
                "  - id: a\n"
                "    point: 二\n"
            )
        },
    )
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 1
    q3 = root / "questions" / "q3.yaml"
    assert out.splitlines() == [
        f"{q3}:1: error: duplicate question id 'q1' (first in {root / 'questions' / 'q1.yaml'}:1)",
        f"{q3}:3: error: duplicate key 'prompt' (first on line 2)",
        f"{q3}:5: error: topic 'no-such-topic' is not a topic of this pack (topics: burden)",
        f"{q3}:6: error: time.think must be a whole number of seconds, not 1.5",
        f"{q3}:6: error: time.answer must be a whole number of seconds, not 'abc'",
        f"{q3}:10: error: empty keyword",
        f"{q3}:11: error: duplicate key point id 'a' (first on line 8)",
    ]
    assert err.strip() == f"{root}: 1 topic, 2 questions, 7 errors, 0 warnings"


def test_a_broken_topic_still_gets_its_duplicate_id_reported(tmp_path, capsys):
    root = write_pack(tmp_path / "p", {"topics/zz-copy.md": "---\nid: burden\ntitle: 副本\ntitle: 又一个\n---\n正文\n"})
    code, out, _ = run_cli(capsys, "validate", str(root))
    assert code == 1
    copy = root / "topics" / "zz-copy.md"
    assert out.splitlines() == [
        f"{copy}:2: error: duplicate topic id 'burden' (first in {root / 'topics' / 'burden.md'}:2)",
        f"{copy}:4: error: duplicate key 'title' (first on line 3)",
    ]
    code, out, _ = run_cli(capsys, "list", str(root))  # the first burden.md still loads
    assert "为社区减负" in out and "副本" not in out


def test_an_ascii_colon_and_space_inside_a_value_is_explained(tmp_path, capsys):
    root = write_pack(
        tmp_path / "p",
        {
            "questions/q3.yaml": "id: q3\ntype: 综合分析\nprompt: 问题: 怎么看\nkey_points:\n  - id: a\n    point: x\n",
            "questions/q4.yaml": "id: q4\ntype: 综合分析\nprompt: 问题\nkey_points:\n  - id: a\n    point: 另一个: 要点\n",
        },
    )
    code, out, _ = run_cli(capsys, "validate", str(root))
    assert code == 1
    hint = (
        "contains ': ' (an ASCII colon and a space), which YAML reads as another key:"
        " put the whole value in quotes, or use the full-width colon ："
        " (YAML syntax error: mapping values are not allowed in this context)"
    )
    assert out.splitlines() == [
        f"{root / 'questions' / 'q3.yaml'}:3: error: the value of 'prompt' {hint}",
        f"{root / 'questions' / 'q4.yaml'}:6: error: the value of 'point' {hint}",
    ]


def test_problems_come_before_their_summary_when_piped_together(tmp_path):
    """`studyapp validate a b 2>&1 | less`: each pack's problems, then its summary line."""
    good = write_pack(tmp_path / "good")
    bad = write_pack(tmp_path / "bad", {"questions/q1.yaml": "id: q1\nprompt: [\n"})
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    proc = subprocess.run(
        [sys.executable, "-m", "studyapp", "validate", str(bad), str(good)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**env, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    lines = proc.stdout.decode("utf-8").splitlines()
    assert proc.returncode == 1
    assert len(lines) == 4
    assert lines[0].startswith(f"{bad / 'questions' / 'q1.yaml'}:3: error: YAML syntax error")
    assert lines[1:] == [
        f"{bad}: 1 topic, 1 question, 1 error, 0 warnings",
        f"{good}: 1 topic, 2 questions, 0 errors, 0 warnings",
        "2 packs: 1 error, 0 warnings",
    ]


def test_missing_folder_is_a_message_not_a_traceback(tmp_path):
    proc = run_process("validate", str(tmp_path / "nope"))
    assert proc.returncode == 1
    assert proc.stdout == f"{tmp_path / 'nope'}: error: no such pack folder\n"
    assert "Traceback" not in proc.stderr


def test_a_file_instead_of_a_folder(tmp_path, capsys):
    f = tmp_path / "pack.yaml"
    f.write_text("id: x\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "validate", str(f))
    assert code == 1
    # a pack's pack.yaml given for its pack: the folder is named
    assert out == f"{f}: error: not a folder: a pack is a folder with pack.yaml; give the folder it is in: {tmp_path}\n"


def test_hostile_files_in_a_subprocess_never_traceback(tmp_path):
    marker = tmp_path / "pwned"
    root = write_pack(
        tmp_path / "p",
        {
            "questions/evil.yaml": f"id: evil\nprompt: !!python/object/apply:os.system ['touch {marker}']\n",
            "questions/gbk.yaml": "id: gbk\nprompt: 谈谈基层减负\n".encode("gbk"),
            "questions/deep.yaml": "id: deep\nprompt: " + "[" * 5000 + "\n",
            "questions/bomb.yaml": "a: &a [*a]\nid: bomb\n",
            "questions/binary.yaml": b"\x00\x01\x02\xff" * 100,
            "topics/escape.md": "---\nid: esc\ntitle: \"\\e[2J\\e]0;pwned\\a\"\ntags: 3\n---\nx\n",
        },
    )
    proc = run_process("validate", str(root))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert not marker.exists()
    assert "\x1b" not in proc.stdout  # no terminal escape passed through
    out = proc.stdout
    q = root / "questions"
    assert f"{q / 'evil.yaml'}:2: error: YAML tag !!python/object/apply:os.system is not allowed" in out
    assert f"{q / 'gbk.yaml'}:2: error: the file is not valid UTF-8" in out and "looks like GBK" in out
    assert f"{q / 'deep.yaml'}:" in out
    assert f"{q / 'bomb.yaml'}:1: error:" in out
    assert f"{q / 'binary.yaml'}:1: error: the file contains NUL bytes" in out
    assert f"{root / 'topics' / 'escape.md'}:4: error: tags must be a list of text" in out
    assert "1 topic, 2 questions, 6 errors" in proc.stderr


def test_validate_without_arguments_checks_the_bundled_pack_from_any_folder(tmp_path):
    proc = run_process("validate", cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    summary = proc.stderr.strip().splitlines()[-1]
    assert summary.split(": ")[0].endswith("content")
    assert " question" in summary


# ---------------------------------------------------------------- list


def test_list_shows_ids_types_and_titles(tmp_path, capsys):
    root = write_pack(tmp_path / "p")
    code, out, err = run_cli(capsys, "list", str(root))
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == f"demo — 演示包  ({root})"
    assert lines[1] == "  1 topic:"
    assert lines[2].split() == ["burden", "为社区减负"]
    assert lines[3] == "  2 questions:"
    assert lines[4].split() == ["q1", "综合分析", "谈谈你对社区减负的看法。"]
    assert lines[5].split() == ["q2", "组织管理", "你如何组织一次社区减负调研？"]


def test_list_columns_line_up_in_terminal_cells(tmp_path, capsys):
    """Ids of different lengths and Chinese types: every prompt starts in the same column."""
    from studyapp.core.textio import cell_width

    root = write_pack(
        tmp_path / "p",
        {"questions/a-much-longer-id.yaml": "id: a-much-longer-id\nprompt: 乙题\ntype: 人际关系\n"
                                            "key_points: [{id: k, point: p}]\n"},
    )
    code, out, _ = run_cli(capsys, "list", str(root))
    rows = [l for l in out.splitlines() if l.split()[0] in ("q1", "q2", "a-much-longer-id")]
    assert len(rows) == 3
    starts = {cell_width(row[: row.index(prompt)]) for row, prompt in zip(rows, ["乙题", "谈谈", "你如何"])}
    assert len(starts) == 1, rows


def test_list_json(tmp_path, capsys):
    root = write_pack(tmp_path / "p")
    code, out, _ = run_cli(capsys, "list", "--json", str(root))
    assert code == 0
    data = json.loads(out)
    (pack,) = data["packs"]
    assert (pack["id"], pack["title"], pack["errors"], pack["warnings"]) == ("demo", "演示包", 0, 0)
    assert pack["topics"][0]["id"] == "burden"
    assert pack["topics"][0]["sections"] == ["热点概况", "主流观点"]
    assert [(q["id"], q["type"], q["topic"], q["key_points"]) for q in pack["questions"]] == [
        ("q1", "综合分析", "burden", 2),
        ("q2", "组织管理", None, 1),
    ]
    assert "谈谈你对社区减负的看法" in out  # Chinese kept as text, not \u escapes


def test_list_leaves_out_broken_questions_and_says_so(tmp_path, capsys):
    root = write_pack(tmp_path / "p", {"questions/q2.yaml": "id: q2\n"})
    code, out, err = run_cli(capsys, "list", str(root))
    assert code == 0
    assert "q1" in out and "q2" not in out
    assert f"{root}: 3 errors, 0 warnings; items with errors are left out" in err


def test_list_missing_folder(tmp_path, capsys):
    code, out, err = run_cli(capsys, "list", str(tmp_path / "nope"))
    assert code == 1
    assert out == ""
    assert err == f"{tmp_path / 'nope'}: error: no such pack folder\n"


def test_list_clips_long_prompts_by_terminal_width(tmp_path, capsys):
    long_prompt = "社区" * 60
    root = write_pack(
        tmp_path / "p",
        {"questions/q2.yaml": f"id: q2\nprompt: {long_prompt}\ntype: 组织管理\nkey_points: [{{id: k, point: p}}]\n"},
    )
    code, out, _ = run_cli(capsys, "list", str(root))
    line = next(l for l in out.splitlines() if l.split()[0] == "q2")
    prompt = line.split()[-1]
    assert prompt.endswith("…")
    assert len(prompt) == 25  # 24 CJK characters (48 cells) and the ellipsis


# ---------------------------------------------------------------- the global --pack


def test_global_pack_is_listed_with_the_bundled_pack(tmp_path, capsys):
    """`studyapp --pack DIR list` adds DIR, as `studyapp --pack DIR` does for the app."""
    other = write_pack(tmp_path / "other", {"pack.yaml": "id: other-pack\ntitle: 另一个包\n"})
    code, out, err = run_cli(capsys, "--pack", str(other), "list")
    assert code == 0 and err == ""
    heads = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert len(heads) == 2
    assert heads[0].startswith("community-governance — ")
    assert heads[1] == f"other-pack — 另一个包  ({other})"
    # with PACK arguments too: those, then the --pack folder, each once
    code, out, _ = run_cli(capsys, "--pack", str(other), "list", "--json", str(other))
    assert [p["id"] for p in json.loads(out)["packs"]] == ["other-pack"]


# ---------------------------------------------------------------- slips a tutor makes, each with its fix

INDENT_SLIPS = {
    # keywords at the column of the item's '-': YAML expects a new item there
    "under-indented key": (
        QUESTION_YAML.replace("    keywords: [考核, [减负, 松绑]]", "  keywords: [考核, [减负, 松绑]]"), 11,
        "'keywords' is at the column of the '-' above it (line 9), so YAML expects a new list item there:"
        " to belong to that item, indent it like 'point' on line 10 (4 spaces)",
    ),
    "key one space short": (
        QUESTION_YAML.replace("  - id: k2\n    point:", "  - id: k2\n   point:"), 13,
        "'point' is indented 3 spaces, but 'id' on line 12 is indented 4 spaces:"
        " keys of one mapping must line up (indent it 4 spaces)",
    ),
    "key too deep": (
        QUESTION_YAML.replace("    keywords: [考核", "      keywords: [考核"), 11,
        "'keywords' is indented more than 'point' on line 10, which has its value already:"
        " keys of one mapping must line up (indent it 4 spaces)",
    ),
    "item one space short": (
        QUESTION_YAML.replace("  - id: k2", " - id: k2"), 12,
        "this '-' is indented 1 space, but the '-' on line 9 is indented 2 spaces:"
        " items of one list must line up (indent it 2 spaces)",
    ),
}


@pytest.mark.parametrize("text, line, says", INDENT_SLIPS.values(), ids=INDENT_SLIPS.keys())
def test_wrong_indentation_is_named_with_the_line_and_the_fix(tmp_path, capsys, text, line, says):
    root = write_pack(tmp_path / "p", {"questions/q1.yaml": text})
    code, out, _ = run_cli(capsys, "validate", str(root))
    assert code == 1
    (problem,) = [l for l in out.splitlines() if "q1.yaml" in l]
    assert problem.startswith(f"{root / 'questions' / 'q1.yaml'}:{line}: error: {says} (YAML syntax error: ")


def test_list_items_written_left_of_their_key_are_explained(tmp_path, capsys):
    text = QUESTION_YAML.replace("    keywords: [考核, [减负, 松绑]]", "    keywords:\n  - 考核")
    root = write_pack(tmp_path / "p", {"questions/q1.yaml": text})
    code, out, _ = run_cli(capsys, "validate", str(root))
    q1 = root / "questions" / "q1.yaml"
    assert code == 1
    assert f"{q1}:11: error: keywords is empty: give them on its line ([减负, 放权]) or on '- ' lines below it," \
           " indented more than 'keywords' (items of a list must be indented under it)" in out
    assert f"{q1}:12: error: key point 2 must be a mapping (id:, point:), not text (an item of 'keywords'" \
           " on line 11? items of a list must be indented under it, more than 'keywords')" in out


def test_a_full_width_space_before_a_topic_key_is_an_error_as_in_a_question(tmp_path, capsys):
    from packutil import TOPIC_MD

    root = write_pack(tmp_path / "p", {"topics/burden.md": TOPIC_MD.replace("date: 2024", "\u3000date: 2024")})
    code, out, _ = run_cli(capsys, "validate", str(root))
    assert code == 1  # the date would be lost without a word
    assert f"{root / 'topics' / 'burden.md'}:5: error: the line is indented with full-width spaces (U+3000):" \
           " indent with ordinary spaces (as written, the key is '\u3000date', not 'date', and its value is not read)" in out


@pytest.mark.parametrize(
    "written, says",
    [
        ("id: q1\u3000", "id 'q1\u3000' (it ends with a full-width space (U+3000)) must use only"),
        ("id: q\u200b1", "id 'q\u200b1' (it has a zero-width space (U+200B) in it) must use only"),
        ('"id\u200b": q1', "the key 'id\u200b' (it ends with a zero-width space (U+200B)) is not 'id':"
                           " delete the invisible character"),
    ],
    ids=["full-width space", "zero-width space", "key"],
)
def test_an_invisible_character_in_an_id_or_key_is_named(tmp_path, capsys, written, says):
    root = write_pack(tmp_path / "p", {"questions/q1.yaml": QUESTION_YAML.replace("id: q1", written, 1)})
    code, out, _ = run_cli(capsys, "validate", str(root))
    assert code == 1
    assert f"{root / 'questions' / 'q1.yaml'}:1: error: {says}" in out


def test_an_invisible_character_in_a_keyword_a_point_id_or_a_thesaurus_term_is_named(tmp_path, capsys):
    """Text pasted from a web page or a chat: a zero-width character makes a keyword or term
    that no typed answer matches (an error), a full-width or no-break space is ignored in one
    (a warning); a key point id goes into reports and saved answers as written."""
    question = QUESTION_YAML.replace("keywords: [考核, [减负, 松绑]]", "keywords: [考核\u200b, [减负\u3000, 松绑]]")
    question = question.replace("  - id: k2", "  - id: k\u200d2")
    root = write_pack(tmp_path / "p", {
        "questions/q1.yaml": question,
        "questions/q2.yaml": QUESTION2_YAML.replace("id: k1", "id: k1\u00a0"),
        "thesaurus.yaml": "synonyms:\n  - [送水车\u200b, 水罐车]\n  - [安抚, 安慰\u3000]\n",
    })
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 1
    q1, q2, th = root / "questions" / "q1.yaml", root / "questions" / "q2.yaml", root / "thesaurus.yaml"
    assert out.splitlines() == [
        f"{q1}:11: error: keyword '考核\u200b' (it ends with a zero-width space (U+200B)): no typed answer can"
        " match it (nobody types that character); delete the invisible character",
        f"{q1}:11: warning: keyword '减负\u3000' (it ends with a full-width space (U+3000)): the grader ignores"
        " spaces in a keyword, so it is matched as '减负'; delete the character",
        f"{q1}:12: error: key point id 'k\u200d2' (it has a zero-width joiner (U+200D) in it): delete the"
        " invisible character (the id goes as written into reports and saved answers)",
        f"{q2}:5: warning: key point id 'k1\u00a0' (it ends with a no-break space (U+00A0)): it is read as 'k1';"
        " delete the character",
        f"{th}:2: error: term '送水车\u200b' (it ends with a zero-width space (U+200B)): no typed answer can match"
        " it (nobody types that character); delete the invisible character",
        f"{th}:3: warning: term '安慰\u3000' (it ends with a full-width space (U+3000)): the grader ignores"
        " spaces in a term, so it is matched as '安慰'; delete the character",
    ]
    assert err.strip() == f"{root}: 1 topic, 1 question, 3 errors, 3 warnings"


YAML_SLIPS = {
    # what a Chinese input method in full-width mode types after the colon
    "full-width space after a colon": (
        QUESTION_YAML.replace("type: 综合分析", "type:\u3000综合分析"), 3,
        "a full-width space (U+3000) after 'type:': YAML needs an ordinary space after the colon (type: ...)",
    ),
    # copied out of a web page or a chat
    "no-break space indenting a key": (
        QUESTION_YAML.replace("    point: 放权赋能。", "\u00a0   point: 放权赋能。"), 13,
        "the line is indented with a no-break space (U+00A0, as text copied from a web page or a chat has):"
        " indent with ordinary spaces",
    ),
    "list item indented too far": (
        QUESTION_YAML.replace("  - id: k2", "    - id: k2"), 12,
        "this '-' is at the column of 'keywords' (line 11), inside the list item of line 9: to start the"
        " next item, line it up with the '-' on line 9 (indent it 2 spaces)",
    ),
    "list item at column 0": (
        QUESTION_YAML.replace("  - id: k2", "- id: k2"), 12,
        "this '-' is at the beginning of the line, but the '-' on line 9 is indented 2 spaces: items of one"
        " list must line up (indent it 2 spaces)",
    ),
    "reference line not indented": (
        QUESTION_YAML.replace("  **减负**与放权并举", "**减负**与放权并举"), 6,
        "this line is not indented under 'reference' (line 5), so YAML ends the 'reference: |' block before it"
        " and reads the line as a key: every line of the block must be indented more than 'reference'"
        " (indent it 2 spaces)",
    ),
    "reference line less indented than the block": (
        QUESTION_YAML.replace("精简考核评比。\ntime", "精简考核评比。\n其次，放权。\ntime"), 7,
        "this line is indented less than the lines above it in the 'reference: |' block of line 5, so YAML"
        " ends the block before it and reads the line as a key: indent it like them (2 spaces)",
    ),
}


@pytest.mark.parametrize("text, line, says", YAML_SLIPS.values(), ids=YAML_SLIPS.keys())
def test_yaml_slips_get_a_plain_hint_at_their_line(tmp_path, capsys, text, line, says):
    root = write_pack(tmp_path / "p", {"questions/q1.yaml": text})
    code, out, _ = run_cli(capsys, "validate", str(root))
    assert code == 1
    (problem,) = [l for l in out.splitlines() if "q1.yaml" in l]
    assert problem.startswith(f"{root / 'questions' / 'q1.yaml'}:{line}: error: {says} (YAML syntax error: "), problem


def test_a_full_width_space_before_a_topics_title_is_one_error(tmp_path, capsys):
    from packutil import TOPIC_MD

    root = write_pack(tmp_path / "p", {"topics/burden.md": TOPIC_MD.replace("title: 为社区", "\u3000title: 为社区")})
    code, out, err = run_cli(capsys, "validate", str(root))
    topic = root / "topics" / "burden.md"
    assert code == 1
    assert [l for l in out.splitlines() if l.startswith(str(topic))] == [
        f"{topic}:3: error: the line is indented with full-width spaces (U+3000): indent with ordinary spaces"
        " (as written, the key is '\u3000title', not 'title', and its value is not read)"
    ]
    assert "has no title" not in out


WATER_QUESTION = """\
id: water-outage
type: 应急应变
prompt: 物业贴出停水通知后，居民仍然不满，在业主群里抱怨。你怎么办？
key_points:
  - id: calm
    point: 到现场安抚居民，耐心解释。
    keywords: [[安抚, 稳定情绪], 解释]
  - id: inform
    point: 在业主群及时发布通知，解释进展。
    keywords:
      - [通知]
      - [业主群]
      - [解释, 说明]
      - [停水, 断水]
  - id: prevent
    point: 事后督促物业建立停水预警机制。
    keywords: [[停水], 预警]
"""


def test_keyword_warnings_are_at_the_keywords_one_per_point(tmp_path, capsys):
    """A point with two prompt words gets one warning, at its first one's line; a word in two
    points that the prompt says (停水) only the prompt-word warning: saying it earns nothing."""
    root = write_pack(tmp_path / "p", {"questions/q1.yaml": WATER_QUESTION, "questions/q2.yaml": None})
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 0
    q1 = root / "questions" / "q1.yaml"
    assert out.splitlines() == [
        f"{q1}:11: warning: key point 'inform': the question's prompt already says 通知 and 业主群; the grader"
        " takes the question's own words as no evidence, so an answer earns nothing by saying them. Add an"
        " alternative an answer would write in its own words (the cause named, the step taken), or leave the"
        " groups out",
        f"{q1}:13: warning: key point 'inform' has the keyword 解释 of key point 'calm' (line 7): an answer that"
        " says it earns both points; keep each keyword in the point it stands for",
        f"{q1}:17: warning: key point 'prevent': the question's prompt already says 停水; the grader takes the"
        " question's own words as no evidence, so an answer earns nothing by saying it. Add an alternative an"
        " answer would write in its own words (the cause named, the step taken), or leave the group out",
    ]
    assert err.strip().endswith("0 errors, 3 warnings")


def test_validate_a_packs_questions_folder_names_the_pack_folder(tmp_path, capsys):
    root = write_pack(tmp_path / "p")
    code, out, _ = run_cli(capsys, "validate", str(root / "questions"))
    assert code == 1
    assert out == (f"{root / 'questions' / 'pack.yaml'}: error: missing pack.yaml: questions/ is a folder of a"
                   f" pack; give the pack folder it is in: {root}\n")


def test_a_link_to_a_device_is_to_be_removed_not_copied(tmp_path, capsys):
    root = write_pack(tmp_path / "p")
    (root / "topics" / "zero.md").symlink_to("/dev/zero")
    code, out, _ = run_cli(capsys, "validate", str(root))
    assert code == 1
    assert out == f"{root / 'topics' / 'zero.md'}: error: a link to /dev/zero, a device outside the pack, not a" \
                  " pack file: remove the link\n"


def test_links_out_of_the_pack_devices_and_pipes_are_named_with_a_fix(tmp_path, capsys):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(QUESTION_YAML.replace("id: q1", "id: q9"), encoding="utf-8")
    root = write_pack(tmp_path / "p")
    (root / "questions" / "q9.yaml").symlink_to(outside)  # a valid question, but not the pack's own
    (root / "topics" / "passwd.md").symlink_to("/etc/passwd")
    (root / "questions" / "same.yaml").symlink_to("q2.yaml")  # a link inside the pack is read as usual
    os.mkfifo(root / "questions" / "fifo.yaml")
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 1
    assert f"{root / 'questions' / 'q9.yaml'}: error: a link to {outside}, outside the pack:" \
           " a pack reads only its own files; copy the file into the pack (or remove the link)" in out
    assert f"{root / 'topics' / 'passwd.md'}: error: a link to /etc/passwd, outside the pack:" in out
    assert f"{root / 'questions' / 'fifo.yaml'}: error: a device or pipe, not a regular file: remove it from the pack" in out
    assert "same.yaml:1: error: duplicate question id 'q2'" in out
    assert "3 questions" not in err and "2 questions" in err


def test_a_huge_topic_and_an_alias_bomb_say_what_to_do(tmp_path, capsys):
    from packutil import TOPIC_MD

    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    root = write_pack(tmp_path / "p", {
        "topics/burden.md": TOPIC_MD + "乡村振兴需要人才。" * 40_000,
        "questions/bomb.yaml": "\n".join(lines) + "\n",
    })
    code, out, _ = run_cli(capsys, "validate", str(root))
    assert code == 1
    assert f"{root / 'topics' / 'burden.md'}: error: the file is 1.0 MiB, over the limit of 1 MiB; refused;" \
           " split the topic into several topic files, each under the limit" in out
    assert "bomb.yaml:1: error: too many YAML values (anchors and aliases?): write the values out," \
           " or do not put aliases (*name) in a list that is itself used as an alias" in out


def test_an_installed_packs_id_is_taken_where_a_folder_is_asked_for(tmp_path, capsys, monkeypatch):
    root = write_pack(tmp_path / "p")
    assert run_cli(capsys, "pack", "add", str(root))[0] == 0
    monkeypatch.chdir(tmp_path)  # no folder named demo here
    installed = tmp_path / "data" / "packs" / "demo"
    code, out, err = run_cli(capsys, "validate", "demo")
    assert code == 0 and f"{installed}: 1 topic, 2 questions, 0 errors" in err
    code, out, _ = run_cli(capsys, "list", "demo", "community-governance")
    assert code == 0 and f"demo — 演示包  ({installed})" in out and "community-governance — " in out
    code, out, _ = run_cli(capsys, "validate", "dem")
    assert code == 1 and out == "dem: error: no such pack folder, and no installed pack has this id (installed: demo)\n"


def test_a_bare_number_keyword_is_a_warning_and_still_matches_its_digits(tmp_path, capsys):
    """[120, 急救]: studyapp keeps the digits, but YAML (and any other tool reading the pack)
    sees the number 120; the tutor is told to quote it."""
    question = (
        "id: faint\ntype: 应急应变\nprompt: 有人在大厅晕倒,你怎么办?\n"
        "key_points:\n  - id: call\n    point: 立即呼叫急救\n    keywords: [[120, 急救]]\n"
    )
    root = write_pack(tmp_path / "p", {"questions/faint.yaml": question})
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 0
    assert out.startswith(
        f"{root / 'questions' / 'faint.yaml'}:7: warning: keyword 120 is written as a bare number"
    ), out
    assert '("120")' in out and err.strip().endswith("0 errors, 1 warning")
    answer = tmp_path / "a.txt"
    answer.write_text("马上打120", encoding="utf-8")
    code, out, _ = run_cli(capsys, "grade", "--pack", str(root), "--question", "faint", "--json", str(answer))
    assert code == 0 and '"status": "covered"' in out
    (root / "questions" / "faint.yaml").write_text(question.replace("[[120,", '[["120",'), encoding="utf-8")
    code, out, _ = run_cli(capsys, "validate", "--strict", str(root))
    assert (code, out) == (0, ""), out


def test_list_with_warnings_only_does_not_say_items_are_left_out(tmp_path, capsys):
    from packutil import QUESTION_YAML

    root = write_pack(tmp_path / "w", {"questions/q1.yaml": QUESTION_YAML.replace("[考核, [减负, 松绑]]", "[考核, [减负，松绑]]")})
    code, out, err = run_cli(capsys, "list", str(root))
    assert "0 errors, 1 warning" in err and "left out" not in err


def test_a_key_indented_with_no_break_spaces_is_named_as_the_indentation_slip(tmp_path, capsys):
    # copied from a web page: four no-break spaces before point:, which YAML reads as no
    # indent at all (a key of the question it does not know)
    from packutil import QUESTION2_YAML

    slipped = QUESTION2_YAML.replace("    point: 明确调研目的。", "\u00a0\u00a0\u00a0\u00a0point: 明确调研目的。")
    assert slipped != QUESTION2_YAML
    root = write_pack(tmp_path / "p", {"questions/q2.yaml": slipped})
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 1
    assert f"{root / 'questions' / 'q2.yaml'}:6: error: the line is indented with a no-break space (U+00A0" in out
    assert "indent with ordinary spaces" in out and "unknown key" not in out
