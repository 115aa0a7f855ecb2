"""The pack loader: a valid pack reads into the model; every broken file is a
problem naming the file and the line of the offending key or item, and the
rest of the pack still loads."""
from __future__ import annotations

from pathlib import Path

import pytest
from packutil import QUESTION_YAML, TOPIC_MD, where, write_pack

from studyapp.core.model import ERROR, WARNING
from studyapp.core.packs import load_pack

E, W = ERROR, WARNING


def q_ids(result) -> list[str]:
    return [q.id for q in result.pack.questions]


def only(result, root):
    """The single problem of ``result`` as (path, line, severity, message)."""
    assert len(result.problems) == 1, [p.format() for p in result.problems]
    p = result.problems[0]
    return p.path.relative_to(root).as_posix(), p.line, p.severity, p.message


# ---------------------------------------------------------------- valid pack


def test_valid_pack_reads_into_the_model(tmp_path):
    result = load_pack(write_pack(tmp_path))
    assert result.problems == ()
    pack = result.pack
    assert (pack.id, pack.title, pack.version, pack.language, pack.authors) == (
        "demo", "演示包", "1.0", "zh-CN", ("李老师",)
    )
    topic = pack.topic("burden")
    assert topic.title == "为社区减负"
    assert topic.tags == ("社区治理", "基层减负")
    assert topic.date == "2024-05-01"
    assert topic.sources == ("人民日报",)
    assert topic.body.startswith("引言一段。")
    # each ## heading is a section, in order; ## inside a code fence is not, ### stays inside
    assert [s.title for s in topic.sections] == ["热点概况", "主流观点"]
    first = topic.sections[0]
    assert first.line == 11  # line of "## 热点概况" in the file
    assert "## 代码块里的井号不是标题" in first.body
    assert "### 小节" in first.body and "仍属热点概况。" in first.body
    assert "观点一" not in first.body
    assert topic.sections[1].body == "观点一。"

    q1 = pack.question("q1")
    assert q1.prompt == "谈谈你对社区减负的看法。"
    assert (q1.type, q1.topic) == ("综合分析", "burden")
    assert q1.reference.startswith("**减负**")
    assert (q1.time.think, q1.time.answer) == (60, 180)
    assert [k.id for k in q1.key_points] == ["k1", "k2"]
    assert q1.key_points[0].keywords == (("考核",), ("减负", "松绑"))
    assert q1.key_points[0].weight == 1.0
    assert q1.key_points[1].weight == 2.0
    assert q1.path == tmp_path / "questions" / "q1.yaml"
    assert q_ids(result) == ["q1", "q2"]
    assert pack.question("q2").topic is None and pack.question("q2").time is None


def test_bom_and_crlf_files_are_accepted(tmp_path):
    crlf = QUESTION_YAML.replace("\n", "\r\n")
    topic = TOPIC_MD.replace("\n", "\r\n")
    root = write_pack(
        tmp_path,
        {"questions/q1.yaml": b"\xef\xbb\xbf" + crlf.encode(), "topics/burden.md": b"\xef\xbb\xbf" + topic.encode()},
    )
    result = load_pack(root)
    assert result.problems == ()
    assert result.pack.question("q1").reference == "**减负**与放权并举，精简考核评比。\n"
    assert [s.title for s in result.pack.topic("burden").sections] == ["热点概况", "主流观点"]


def test_thesaurus_is_loaded(tmp_path):
    root = write_pack(
        tmp_path,
        {"thesaurus.yaml": "synonyms:\n  - [减负, 松绑, 减压]\n  - [放权, 赋权]\nrelated:\n  - [监督, 问责]\n"},
    )
    result = load_pack(root)
    assert result.problems == ()
    assert result.pack.thesaurus.synonyms == (("减负", "松绑", "减压"), ("放权", "赋权"))
    assert result.pack.thesaurus.related == (("监督", "问责"),)


# ---------------------------------------------------------------- the folder


def test_missing_folder(tmp_path):
    result = load_pack(tmp_path / "nope")
    assert result.pack is None
    assert [p.format() for p in result.problems] == [f"{tmp_path / 'nope'}: error: no such pack folder"]


def test_missing_pack_yaml_is_an_error_and_other_files_are_still_checked(tmp_path):
    root = write_pack(tmp_path, {"pack.yaml": None, "questions/q3.yaml": "id: q3\n"})
    result = load_pack(root)
    assert result.pack is None
    got = where(result, root)
    assert ("pack.yaml", None, E) in got
    assert ("questions/q3.yaml", 1, E) in got  # q3 has no prompt etc.
    assert "missing pack.yaml" in result.problems[0].message


def test_pack_yaml_missing_title_and_bad_id(tmp_path):
    root = write_pack(tmp_path, {"pack.yaml": "# my pack\nid: Demo Pack\n"})
    result = load_pack(root)
    assert where(result, root) == [("pack.yaml", 2, E), ("pack.yaml", 2, E)]
    messages = " | ".join(p.message for p in result.problems)
    assert "'Demo Pack' must use only lowercase letters" in messages
    assert "no title" in messages
    # the questions are still usable under a fallback id
    assert q_ids(result) == ["q1", "q2"]


def test_pack_yaml_unsupported_format_version(tmp_path):
    root = write_pack(tmp_path, {"pack.yaml": "id: demo\ntitle: t\nformat: 2\n"})
    path, line, sev, msg = only(load_pack(root), root)
    assert (path, line, sev) == ("pack.yaml", 3, E)
    assert "pack format 1" in msg


def test_unknown_key_in_pack_yaml_is_a_warning(tmp_path):
    root = write_pack(tmp_path, {"pack.yaml": "id: demo\ntitle: t\nauthor: 李老师\n"})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, line, sev) == ("pack.yaml", 3, W)
    assert "unknown key 'author'" in msg


def test_file_in_topics_that_is_not_markdown_is_a_warning(tmp_path):
    root = write_pack(tmp_path, {"topics/notes.txt": "x", "questions/q3.yml": "id: q3\n"})
    result = load_pack(root)
    assert where(result, root) == [("topics/notes.txt", None, W), ("questions/q3.yml", None, W)]


# ---------------------------------------------------------------- YAML level


def test_yaml_syntax_error_names_the_line(tmp_path):
    bad = "id: q3\nprompt: 说说看\nkey_points:\n  - id: k1\n    point: [未闭合\n"
    root = write_pack(tmp_path, {"questions/q3.yaml": bad})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, sev) == ("questions/q3.yaml", E)
    assert line in (5, 6)  # libyaml reports the end of the unclosed flow list
    assert msg.startswith("YAML syntax error")
    assert q_ids(result) == ["q1", "q2"]


def test_tab_indentation_is_a_syntax_error_with_line(tmp_path):
    root = write_pack(tmp_path, {"questions/q3.yaml": "id: q3\nkey_points:\n\t- id: k1\n"})
    path, line, sev, msg = only(load_pack(root), root)
    assert (path, line, sev) == ("questions/q3.yaml", 3, E)


@pytest.mark.parametrize(
    "content, line, words",
    [
        ("", None, "the file is empty"),
        ("\n  \n", None, "the file is empty"),
        ("# only a comment\n", None, "is empty"),
        ("- id: q3\n- prompt: x\n", 1, "must be a mapping"),
        ("just some text\n", 1, "must be a mapping"),
    ],
)
def test_empty_or_not_a_mapping(tmp_path, content, line, words):
    root = write_pack(tmp_path, {"questions/q3.yaml": content})
    result = load_pack(root)
    path, got_line, sev, msg = only(result, root)
    assert (path, got_line, sev) == ("questions/q3.yaml", line, E)
    assert words in msg
    assert q_ids(result) == ["q1", "q2"]


def test_python_tag_is_an_error_and_nothing_is_executed(tmp_path):
    marker = tmp_path / "executed"
    evil = (
        "id: q3\n"
        "prompt: 谈谈\n"
        "type: 综合分析\n"
        f"reference: !!python/object/apply:os.system ['touch {marker}']\n"
        "key_points: [{id: k1, point: x}]\n"
    )
    root = write_pack(tmp_path / "p", {"questions/q3.yaml": evil})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, line, sev) == ("questions/q3.yaml", 4, E)
    assert "!!python/object/apply:os.system" in msg and "not allowed" in msg
    assert not marker.exists()
    assert q_ids(result) == ["q1", "q2"]


def test_python_tag_in_front_matter_and_custom_tags(tmp_path):
    topic = "---\nid: t2\ntitle: !!python/name:os.getcwd ''\n---\n正文\n"
    root = write_pack(
        tmp_path, {"topics/t2.md": topic, "questions/q3.yaml": "id: !secret q3\nprompt: x\n"}
    )
    result = load_pack(root)
    assert where(result, root) == [("topics/t2.md", 3, E), ("questions/q3.yaml", 1, E)]
    assert "'!secret' is not allowed" in result.problems[1].message


def test_control_character_in_yaml_names_the_line(tmp_path):
    root = write_pack(tmp_path, {"questions/q3.yaml": "id: q3\nprompt: 响铃\x07字符\n"})
    path, line, sev, msg = only(load_pack(root), root)
    assert (path, line, sev) == ("questions/q3.yaml", 2, E)
    assert "control character U+0007" in msg


def test_duplicate_yaml_key(tmp_path):
    root = write_pack(tmp_path, {"questions/q1.yaml": QUESTION_YAML + "prompt: 第二个\n"})
    path, line, sev, msg = only(load_pack(root), root)
    assert (path, line, sev) == ("questions/q1.yaml", 15, E)
    assert "duplicate key 'prompt' (first on line 2)" in msg


def test_recursive_alias_does_not_hang(tmp_path):
    root = write_pack(tmp_path, {"questions/q3.yaml": "id: q3\nprompt: &a [*a]\n"})
    result = load_pack(root)
    assert ("questions/q3.yaml", 2, E) in where(result, root)


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    root = write_pack(tmp_path, {"questions/q3.yaml": "\n".join(lines) + "\n"})
    result = load_pack(root)
    assert any("too many YAML values" in p.message for p in result.problems)


# ---------------------------------------------------------------- encoding and size


def test_gbk_question_file_names_line_and_says_gbk(tmp_path):
    text = "id: q3\nprompt: 谈谈你对社区减负的看法\ntype: 综合分析\n"
    root = write_pack(tmp_path, {"questions/q3.yaml": text.encode("gbk")})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, line, sev) == ("questions/q3.yaml", 2, E)
    assert "not valid UTF-8" in msg and "looks like GBK" in msg


def test_file_over_one_mib_is_refused(tmp_path):
    big = "id: q3\nprompt: x\n" + "# padding\n" * 110_000
    root = write_pack(tmp_path, {"questions/q3.yaml": big})
    path, line, sev, msg = only(load_pack(root), root)
    assert (path, line, sev) == ("questions/q3.yaml", None, E)
    assert "over the limit of 1 MiB" in msg


# ---------------------------------------------------------------- topics


def test_topic_without_front_matter(tmp_path):
    root = write_pack(tmp_path, {"topics/t2.md": "# 标题\n\n## 一节\n正文\n"})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, line, sev) == ("topics/t2.md", 1, E)
    assert "no front matter" in msg
    assert [t.id for t in result.pack.topics] == ["burden"]


def test_topic_front_matter_not_closed(tmp_path):
    root = write_pack(tmp_path, {"topics/t2.md": "---\nid: t2\ntitle: 标题\n\n## 一节\n"})
    path, line, sev, msg = only(load_pack(root), root)
    assert (path, line, sev) == ("topics/t2.md", 1, E)
    assert "not closed" in msg


def test_topic_front_matter_yaml_error_names_the_file_line(tmp_path):
    root = write_pack(tmp_path, {"topics/t2.md": "---\nid: t2\ntitle: [标题\ntags: x\n---\n正文\n"})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, sev) == ("topics/t2.md", E)
    assert line in (3, 4, 5)  # inside the front matter, counted from the top of the file
    assert "YAML syntax error" in msg


def test_topic_front_matter_missing_title_and_bad_tags(tmp_path):
    root = write_pack(tmp_path, {"topics/t2.md": "---\nid: t2\ntags:\n  - 社区\n  - 3\n---\n正文\n"})
    result = load_pack(root)
    assert where(result, root) == [("topics/t2.md", 2, E), ("topics/t2.md", 5, E)]
    assert "no title" in result.problems[0].message
    assert "must be text" in result.problems[1].message


def test_topic_front_matter_blank_tag(tmp_path):
    root = write_pack(tmp_path, {"topics/t2.md": "---\nid: t2\ntitle: 标题\ntags:\n  - 社区\n  - ' '\n---\n正文\n"})
    path, line, sev, msg = only(load_pack(root), root)
    assert (path, line, sev) == ("topics/t2.md", 6, E)
    assert "empty item in tags" in msg


def test_topic_front_matter_that_is_a_list(tmp_path):
    root = write_pack(tmp_path, {"topics/t2.md": "---\n- id: t2\n---\n正文\n"})
    path, line, sev, msg = only(load_pack(root), root)
    assert (path, line, sev) == ("topics/t2.md", 2, E)
    assert "must be a mapping" in msg


def test_duplicate_topic_id_across_files(tmp_path):
    root = write_pack(tmp_path, {"topics/zz-copy.md": "---\ntitle: 副本\nid: burden\n---\n正文\n"})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, line, sev) == ("topics/zz-copy.md", 3, E)
    assert f"duplicate topic id 'burden' (first in {root / 'topics' / 'burden.md'}:2)" in msg
    assert [t.title for t in result.pack.topics] == ["为社区减负"]


def test_topic_with_empty_body_is_a_warning(tmp_path):
    root = write_pack(tmp_path, {"topics/t2.md": "---\nid: t2\ntitle: 空\n---\n\n"})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, line, sev) == ("topics/t2.md", 4, W)
    assert result.pack.topic("t2").sections == ()


def test_unknown_front_matter_key_is_a_warning(tmp_path):
    root = write_pack(tmp_path, {"topics/t2.md": "---\nid: t2\ntitle: 题\nauthor: 我\n---\n正文\n"})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, line, sev) == ("topics/t2.md", 4, W)
    assert result.pack.topic("t2") is not None


# ---------------------------------------------------------------- questions


def question(**changes: str | None) -> str:
    """A valid question (id q3) with top-level keys replaced (value None drops the key);
    new keys go after key_points, which spans lines 4-6, so they start on line 7."""
    fields = {
        "id": "q3",
        "prompt": "谈谈你的看法。",
        "type": "综合分析",
        "key_points": "\n  - id: k1\n    point: 要点一。",
    }
    fields.update(changes)
    return "".join(f"{k}: {v}\n" for k, v in fields.items() if v is not None)


@pytest.mark.parametrize("missing, line", [("id", 1), ("prompt", 1), ("type", 1), ("key_points", 1)])
def test_missing_required_question_field(tmp_path, missing, line):
    root = write_pack(tmp_path, {"questions/q3.yaml": question(**{missing: None})})
    result = load_pack(root)
    path, got, sev, msg = only(result, root)
    assert (path, got, sev) == ("questions/q3.yaml", line, E)
    assert f"no {missing}" in msg
    assert q_ids(result) == ["q1", "q2"]


@pytest.mark.parametrize(
    "changes, line, words",
    [
        ({"prompt": "[一, 二]"}, 2, "prompt must be text, not a list"),
        ({"prompt": '""'}, 2, "prompt is empty"),
        ({"prompt": ""}, 2, "prompt is empty"),
        ({"type": "综合"}, 3, "unknown question type '综合'"),
        ({"type": "3"}, 3, "type must be text, not a number"),
        ({"id": "Q_3"}, 1, "id 'Q_3' must use only lowercase"),
        ({"id": "社区-1"}, 1, "must use only lowercase"),
        ({"topic": "nowhere"}, 7, "topic 'nowhere' is not a topic of this pack"),
        ({"topic": "Bad Topic"}, 7, "must use only lowercase"),
        ({"reference": "{a: 1}"}, 7, "reference must be text, not a mapping"),
        ({"time": "90"}, 7, "time must be a mapping"),
        ({"time": "{think: 0, answer: 180}"}, 7, "time.think must be more than 0"),
        ({"time": "{think: 60, answer: '180'}"}, 7, "time.answer must be a whole number"),
        ({"time": "{think: 1.5}"}, 7, "time.think must be a whole number"),
        ({"key_points": "[]"}, 4, "key_points is empty"),
        ({"key_points": "要点"}, 4, "key_points must be a list"),
    ],
)
def test_wrong_question_field(tmp_path, changes, line, words):
    root = write_pack(tmp_path, {"questions/q3.yaml": question(**changes)})
    result = load_pack(root)
    path, got, sev, msg = only(result, root)
    assert (path, got, sev) == ("questions/q3.yaml", line, E)
    assert words in msg
    assert q_ids(result) == ["q1", "q2"]  # the broken question is left out, the rest loads


def test_empty_optional_field_is_a_warning_and_the_question_loads(tmp_path):
    root = write_pack(tmp_path, {"questions/q3.yaml": question(reference="")})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, line, sev) == ("questions/q3.yaml", 7, W)
    assert "reference is empty" in msg
    assert result.pack.question("q3").reference is None


def test_topic_with_empty_front_matter(tmp_path):
    root = write_pack(tmp_path, {"topics/t2.md": "---\n---\n正文\n"})
    path, line, sev, msg = only(load_pack(root), root)
    assert (path, line, sev) == ("topics/t2.md", 1, E)
    assert "front matter is empty" in msg


def test_unknown_question_key_and_time_key_are_warnings_and_the_question_loads(tmp_path):
    root = write_pack(
        tmp_path,
        {"questions/q3.yaml": question(difficulty="3", time="\n  think: 60\n  speak: 120")},
    )
    result = load_pack(root)
    assert where(result, root) == [("questions/q3.yaml", 7, W), ("questions/q3.yaml", 10, W)]
    assert "unknown key 'difficulty'" in result.problems[0].message
    assert "unknown key 'speak'" in result.problems[1].message
    assert q_ids(result) == ["q1", "q2", "q3"]


def test_duplicate_question_id_across_files(tmp_path):
    root = write_pack(tmp_path, {"questions/q9.yaml": "# copy\n" + QUESTION_YAML})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, line, sev) == ("questions/q9.yaml", 2, E)
    assert f"duplicate question id 'q1' (first in {root / 'questions' / 'q1.yaml'}:1)" in msg
    assert q_ids(result) == ["q1", "q2"]


def test_every_problem_of_every_file_in_one_run(tmp_path):
    root = write_pack(
        tmp_path,
        {
            "questions/a.yaml": question(id="A"),
            "questions/b.yaml": question(id="b", type="聊天"),
            "topics/x.md": "no front matter\n",
        },
    )
    result = load_pack(root)
    assert sorted(where(result, root)) == [
        ("questions/a.yaml", 1, E),
        ("questions/b.yaml", 3, E),
        ("topics/x.md", 1, E),
    ]


# ---------------------------------------------------------------- key points


KP_HEAD = "id: q3\nprompt: 谈谈\ntype: 综合分析\nkey_points:\n"


def kp_file(body: str) -> str:
    return KP_HEAD + body


@pytest.mark.parametrize(
    "body, line, words",
    [
        # line 5 is the first key point item
        ("  - point: 无编号\n", 5, "key point 1 has no id"),
        ("  - id: k1\n", 5, "key point 1 has no point"),
        ("  - id: k1\n    point: ''\n", 6, "point is empty"),
        ("  - id: k1\n    point: [a]\n", 6, "point must be text"),
        ("  - 只有一句话\n", 5, "key point 1 must be a mapping"),
        ("  - id: k1\n    point: a\n    weight: 0\n", 7, "weight must be a number more than 0, not 0"),
        ("  - id: k1\n    point: a\n    weight: -1.5\n", 7, "more than 0"),
        ("  - id: k1\n    point: a\n    weight: .nan\n", 7, "more than 0"),
        ("  - id: k1\n    point: a\n    weight: heavy\n", 7, "weight must be a number, not text"),
        ("  - id: k1\n    point: a\n    weight: true\n", 7, "weight must be a number"),
        ("  - id: k1\n    point: a\n  - id: k1\n    point: b\n", 7, "duplicate key point id 'k1' (first on line 5)"),
    ],
)
def test_broken_key_point(tmp_path, body, line, words):
    root = write_pack(tmp_path, {"questions/q3.yaml": kp_file(body)})
    result = load_pack(root)
    path, got, sev, msg = only(result, root)
    assert (path, got, sev) == ("questions/q3.yaml", line, E)
    assert words in msg
    assert q_ids(result) == ["q1", "q2"]


@pytest.mark.parametrize(
    "keywords, line, words",
    [
        ("减负", 7, "keywords must be a list"),
        ("{减负: 松绑}", 7, "keywords must be a list"),
        ("\n      - 减负\n      - true\n", 9, "a keyword must be text or a list of alternatives, not true/false"),
        ("\n      - [减负, 2024-05-01]\n", 8, "an alternative keyword must be text, not a date"),
        ("\n      - 减负\n      - ''\n", 9, "empty keyword"),
        ("\n      - {a: b}\n", 8, "not a mapping"),
        ("\n      - []\n", 8, "empty list of alternative keywords"),
        ("\n      - [减负, [松绑]]\n", 8, "lists nest only one level"),
        ("\n      - [减负, '  ']\n", 8, "empty keyword"),
        ("\n      - 减负\n      -\n", 9, "empty keyword"),
        ("\n      - 减负: 松绑\n", 8, "not a mapping (quote it"),
    ],
)
def test_keywords_of_the_wrong_shape(tmp_path, keywords, line, words):
    body = f"  - id: k1\n    point: 减负\n    keywords: {keywords}\n"
    root = write_pack(tmp_path, {"questions/q3.yaml": kp_file(body)})
    result = load_pack(root)
    path, got, sev, msg = only(result, root)
    assert (path, got, sev) == ("questions/q3.yaml", line, E)
    assert words in msg


def test_unknown_key_point_key_is_a_warning(tmp_path):
    body = "  - id: k1\n    point: 减负\n    keyword: [减负]\n"
    root = write_pack(tmp_path, {"questions/q3.yaml": kp_file(body)})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, line, sev) == ("questions/q3.yaml", 7, W)
    assert "unknown key 'keyword' in key point 1" in msg
    assert result.pack.question("q3").key_points[0].keywords == ()


def test_numbers_as_keywords_are_the_digits_the_tutor_wrote(tmp_path):
    # 110, 12345 are hotlines, not quantities: read as written, even 0110 (YAML's octal 72)
    body = "  - id: k1\n    point: 报警求助\n    keywords: [[110, 报警], 12345, 0110, 1.50]\n"
    root = write_pack(tmp_path, {"questions/q3.yaml": kp_file(body), "thesaurus.yaml": "synonyms:\n  - [12345, 市民热线]\n"})
    result = load_pack(root)
    # …and the tutor is told to quote them, for the tools that read the YAML as numbers
    assert [(p.severity, p.message.split(" is ")[0]) for p in result.problems] == [
        (W, "keyword 110"), (W, "keyword 12345"), (W, "keyword 0110"), (W, "keyword 1.50")
    ]
    kp = result.pack.question("q3").key_points[0]
    assert kp.keywords == (("110", "报警"), ("12345",), ("0110",), ("1.50",))
    assert ("12345", "市民热线") in result.pack.thesaurus.synonyms


def test_numeric_key_point_ids_are_text(tmp_path):
    body = "  - id: 1\n    point: 减负\n  - id: 2\n    point: 放权\n"
    root = write_pack(tmp_path, {"questions/q3.yaml": kp_file(body)})
    result = load_pack(root)
    assert result.problems == ()
    assert [k.id for k in result.pack.question("q3").key_points] == ["1", "2"]


# ---------------------------------------------------------------- thesaurus


@pytest.mark.parametrize(
    "content, line, sev, words",
    [
        ("synonyms:\n  - [减负]\n", 2, E, "at least two terms"),
        ("synonyms:\n  - [减负, '']\n", 2, E, "empty term"),
        ("synonyms:\n  - 减负\n", 2, E, "must be a list of at least two terms"),
        ("synonyms: 减负\n", 1, E, "synonyms must be a list of groups"),
        ("synonyms:\n  - [减负, [松绑]]\n", 2, E, "a term must be text, not a list"),
        ("related:\n  - [a, b]\nsynonym:\n  - [a, b]\n", 3, W, "unknown key 'synonym'"),
        ("[[a, b]]\n", 1, E, "must be a mapping"),
        ("kinds:\n  - [优惠]\n", 2, E, "a general term and at least one kind of it"),
        ("kinds: 优惠\n", 1, E, "kinds must be a list of groups"),
    ],
)
def test_thesaurus_shape(tmp_path, content, line, sev, words):
    root = write_pack(tmp_path, {"thesaurus.yaml": content})
    result = load_pack(root)
    path, got, got_sev, msg = only(result, root)
    assert (path, got, got_sev) == ("thesaurus.yaml", line, sev)
    assert words in msg
    assert q_ids(result) == ["q1", "q2"]


def test_thesaurus_kinds_are_loaded_general_term_first(tmp_path):
    root = write_pack(tmp_path, {"thesaurus.yaml": "kinds:\n  - [优惠, 八折, 半价]\n"})
    result = load_pack(root)
    assert result.problems == ()
    assert result.pack.thesaurus.kinds == (("优惠", "八折", "半价"),)


def test_good_thesaurus_groups_survive_a_bad_one(tmp_path):
    root = write_pack(tmp_path, {"thesaurus.yaml": "synonyms:\n  - [减负, 松绑]\n  - [放权]\n"})
    result = load_pack(root)
    assert where(result, root) == [("thesaurus.yaml", 3, E)]
    assert result.pack.thesaurus.synonyms == (("减负", "松绑"),)


# ---------------------------------------------------------------- hostile text


def test_control_characters_in_values_are_escaped_in_messages(tmp_path):
    root = write_pack(tmp_path, {"questions/q3.yaml": question(type='"\\e[31m综合\\e[0m"')})
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert "\x1b" not in msg
    assert "\\x1b[31m综合" in msg


def test_bundled_pack_dir_holds_a_pack():
    from studyapp.core.packs import bundled_pack_dir

    assert (bundled_pack_dir() / "pack.yaml").is_file()
    assert Path(bundled_pack_dir()).name == "content"


def test_bundled_pack_is_clean():
    from studyapp.core.packs import bundled_pack_dir

    result = load_pack(bundled_pack_dir())
    assert [p.format() for p in result.problems] == []
    pack = result.pack
    assert pack.topics and pack.questions
    for q in pack.questions:
        assert q.topic is None or pack.topic(q.topic) is not None


def test_question_whose_topic_has_errors_says_so(tmp_path):
    broken_topic = TOPIC_MD.replace("tags: [社区治理, 基层减负]", "tags: {a: b}")
    root = write_pack(tmp_path, {"topics/burden.md": broken_topic})
    result = load_pack(root)
    assert where(result, root) == [("topics/burden.md", 4, E), ("questions/q1.yaml", 4, E)]
    assert f"topic 'burden' has errors ({root / 'topics' / 'burden.md'})" in result.problems[1].message
    assert q_ids(result) == ["q2"]


# ---------------------------------------------------------------- links and odd folders


def test_symlink_loops_and_dangling_links_are_named_not_skipped(tmp_path):
    root = write_pack(tmp_path / "p")
    qdir = root / "questions"
    (qdir / "a.yaml").symlink_to("b.yaml")
    (qdir / "b.yaml").symlink_to("a.yaml")
    (qdir / "gone.yaml").symlink_to("deleted.yaml")
    (qdir / "sub.yaml").mkdir()
    result = load_pack(root)
    assert q_ids(result) == ["q1", "q2"]  # the good files still load
    got = {p.path.name: (p.severity, p.message) for p in result.problems}
    assert got["a.yaml"][0] == E and "symbolic links" in got["a.yaml"][1]
    assert got["b.yaml"][0] == E
    assert got["gone.yaml"] == (E, "a link to a file that does not exist")
    assert got["sub.yaml"] == (W, "ignored: a folder (only *.yaml files are read in questions/)")


def test_a_questions_folder_that_is_a_symlink_loop_is_an_error(tmp_path):
    root = write_pack(tmp_path / "p", {"questions/q1.yaml": None, "questions/q2.yaml": None})
    (root / "questions").symlink_to("questions")
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, line, sev) == ("questions", None, E)
    assert msg.startswith("cannot open the questions folder: ")


def test_pack_yaml_that_is_a_symlink_loop_is_unreadable_not_missing(tmp_path):
    root = write_pack(tmp_path / "p", {"pack.yaml": None})
    (root / "pack.yaml").symlink_to("pack.yaml")
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, sev) == ("pack.yaml", E)
    assert msg.startswith("cannot read: ") and "missing" not in msg
    assert q_ids(result) == ["q1", "q2"]  # usable under the folder's name, as for a broken pack.yaml


def test_a_pack_folder_that_is_a_symlink_loop(tmp_path):
    (tmp_path / "loop").symlink_to("loop")
    result = load_pack(tmp_path / "loop")
    assert result.pack is None
    assert result.problems[0].message.startswith("cannot open the pack folder: ")


def test_a_folder_named_pack_yaml(tmp_path):
    root = write_pack(tmp_path / "p", {"pack.yaml": None})
    (root / "pack.yaml").mkdir()
    result = load_pack(root)
    path, line, sev, msg = only(result, root)
    assert (path, sev, msg) == ("pack.yaml", E, "is a folder, not a file")


def test_topics_or_questions_that_is_a_file_is_an_error(tmp_path):
    root = write_pack(tmp_path / "p", {"topics/burden.md": None, "questions/q1.yaml": None,
                                       "questions/q2.yaml": None, "topics": "x", "questions": "y"})
    result = load_pack(root)
    assert [(p.path.name, p.severity, p.message) for p in result.problems] == [
        ("topics", E, "topics must be a folder"),
        ("questions", E, "questions must be a folder"),
    ]


# ---------------------------------------------------------------- slips of Chinese input methods

GOOD_Q = "id: q3\nprompt: 谈谈你的看法。\ntype: 综合分析\nreference: |\n  \u3000\u3000段落缩进用全角空格，这是正文。\nkey_points:\n  - id: k1\n    point: 要点一。\n"


@pytest.mark.parametrize(
    "text, line, words",
    [
        (GOOD_Q.replace("id: q3", "id：q3"), 1, "full-width colon '：' after 'id': YAML needs an ASCII colon"),
        (GOOD_Q.replace("    point: 要点一", "    point：要点一"), 8, "full-width colon '：' after 'point'"),
        ("id：q3\nprompt：谈谈\ntype：综合分析\n", 1, "as written, a question file is one piece of text"),
        (GOOD_Q.replace("  - id: k1", "\u3000\u3000- id: k1"), 7, "indented with full-width spaces (U+3000)"),
        (GOOD_Q.replace("  - id: k1", "\t- id: k1"), 7, "indented with a tab"),
        (GOOD_Q.replace("prompt: 谈谈", "prompt:\u00a0谈谈"), 2, "no-break space (U+00A0) after ':'"),
        (GOOD_Q.replace("    point: 要点一。", '    point: "一件事"一次办改革'), 8, "use Chinese quotes “…” inside it"),
    ],
    ids=["colon", "colon-nested", "all-colons", "ideographic-indent", "tab", "nbsp", "quote-closed-early"],
)
def test_input_method_slips_are_named_on_their_own_line(tmp_path, text, line, words):
    root = write_pack(tmp_path, {"questions/q3.yaml": text})
    path, got_line, sev, msg = only(load_pack(root), root)
    assert (path, got_line, sev) == ("questions/q3.yaml", line, E)
    assert words in msg


def test_quoted_values_that_are_whole_are_no_slip(tmp_path):
    text = GOOD_Q.replace("    point: 要点一。", '    point: "一件事一次办"\n    keywords:\n      - ["12315", 投诉]')
    root = write_pack(tmp_path, {"questions/q3.yaml": text})
    assert load_pack(root).problems == ()


def test_full_width_spaces_inside_a_reference_are_text_not_a_slip(tmp_path):
    root = write_pack(tmp_path, {"questions/q3.yaml": GOOD_Q})
    result = load_pack(root)
    assert result.problems == ()
    assert result.pack.question("q3").reference.startswith("\u3000\u3000段落缩进")
    # a real syntax error further down is still reported where it is, not on the indented paragraph
    root = write_pack(tmp_path / "b", {"questions/q3.yaml": GOOD_Q + "  - id: [k2\n"})
    path, line, sev, msg = only(load_pack(root), root)
    assert line == 10 and msg.startswith("YAML syntax error")


def test_a_question_on_a_topic_too_broken_to_read_says_the_topic_has_errors(tmp_path):
    root = write_pack(tmp_path, {"topics/burden.md": TOPIC_MD.replace("title: 为社区减负", "title：为社区减负")})
    result = load_pack(root)
    assert where(result, root) == [("topics/burden.md", 3, E), ("questions/q1.yaml", 4, E)]
    assert "full-width colon" in result.problems[0].message
    assert f"topic 'burden' has errors ({root / 'topics' / 'burden.md'})" in result.problems[1].message


def test_a_topic_too_broken_for_yaml_in_a_file_not_named_after_it_is_still_named(tmp_path):
    # one typo in an optional date: YAML cannot read the front matter, so its id is found by
    # its id: line; the question is told its topic has errors, not that there is no such topic
    broken = TOPIC_MD.replace("id: burden", "id: burden\ndate: 2024-13-01")
    assert broken != TOPIC_MD
    root = write_pack(tmp_path, {"topics/burden.md": None, "topics/elderly.md": broken})
    result = load_pack(root)
    messages = [p.message for p in result.problems]
    assert any("month must be in 1..12" in m for m in messages)
    assert any(f"topic 'burden' has errors ({root / 'topics' / 'elderly.md'})" in m for m in messages), messages
    assert not any("is not a topic of this pack" in m for m in messages)


def test_a_keyword_joined_by_a_full_width_comma_is_a_warning(tmp_path):
    kps = "\n  - id: k1\n    point: 要点一。\n    keywords: [负担，事务繁杂, [减负、放权, 松绑]]"
    root = write_pack(tmp_path, {"questions/q3.yaml": question(key_points=kps)})
    result = load_pack(root)
    assert where(result, root) == [("questions/q3.yaml", 7, W), ("questions/q3.yaml", 7, W)]
    assert "keyword '负担，事务繁杂' has '，' in it, so it is one keyword" in result.problems[0].message
    assert "'减负、放权' has '、'" in result.problems[1].message
    # a warning: the question still loads, with the keywords as written
    assert result.pack.question("q3").key_points[0].keywords == (("负担，事务繁杂",), ("减负、放权", "松绑"))


def test_a_keyword_line_holding_an_ascii_comma_is_a_warning(tmp_path):
    # on a '- ' line a comma separates nothing: 口味, 饭菜 is one keyword no answer says
    kps = "\n  - id: k1\n    point: 要点一。\n    keywords:\n      - 口味, 饭菜\n      - [价格, 补贴]"
    root = write_pack(tmp_path, {"questions/q3.yaml": question(key_points=kps)})
    result = load_pack(root)
    assert where(result, root) == [("questions/q3.yaml", 8, W)]
    assert "keyword '口味, 饭菜' has ',' in it" in result.problems[0].message
    assert "inside [ ] ([口味, 饭菜])" in result.problems[0].message


def test_a_key_point_id_written_as_a_decimal_number_is_taken_as_written(tmp_path):
    # pack-format.md: a key point id is text or a number; 1.0 is a number as much as 1 is
    q = GOOD_Q.replace("  - id: k1\n", "  - id: 1.0\n") if "  - id: k1\n" in GOOD_Q else None
    assert q is not None
    root = write_pack(tmp_path, {"questions/q3.yaml": q})
    result = load_pack(root)
    assert not result.errors, [p.format() for p in result.problems]
    q3 = result.pack.question("q3")
    assert q3.key_points[0].id == "1.0"
