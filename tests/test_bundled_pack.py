"""The bundled pack (content/) holds what the foundation issue promises a learner:
the briefing's sections, the source document's interview question, and enough
questions of every type for a mock interview that never repeats."""
from __future__ import annotations

import random

import pytest

from studyapp.core.model import QUESTION_TYPES
from studyapp.core.packs import bundled_pack_dir, load_pack
from studyapp.core.session import draw_questions


@pytest.fixture(scope="module")
def pack():
    result = load_pack(bundled_pack_dir())
    assert [p.format() for p in result.problems] == []
    return result.pack


def test_the_topic_has_the_documents_sections_and_its_three_concerns(pack):
    (topic,) = pack.topics
    assert [s.title for s in topic.sections] == ["热点概况", "主流观点", "深度分析"]
    analysis = topic.sections[2].body
    concerns = [line for line in analysis.splitlines() if line.startswith("### ")]
    assert len(concerns) == 3
    assert ["减负" in concerns[0], "放权" in concerns[1], "机制保障" in concerns[2]] == [True] * 3
    mechanisms = [line for line in analysis.split(concerns[2])[1].splitlines() if line.startswith("#### ")]
    assert len(mechanisms) == 3


def test_the_documents_own_question_has_its_reference_and_6_to_8_key_points(pack):
    q = pack.question("community-basket")
    assert "社区是个筐" in q.prompt
    assert q.reference and "减负" in q.reference
    assert 6 <= len(q.key_points) <= 8
    assert all(kp.keywords for kp in q.key_points)


def test_every_question_has_a_reference_and_5_to_8_key_points_with_keywords(pack):
    assert len(pack.questions) >= 10
    for q in pack.questions:
        assert q.reference and q.reference.strip(), q.id
        assert 5 <= len(q.key_points) <= 8, q.id
        assert all(kp.keywords for kp in q.key_points), q.id


def test_every_type_is_there_and_a_4_question_mock_never_repeats(pack):
    assert {q.type for q in pack.questions} == set(QUESTION_TYPES)
    for seed in range(200):
        drawn = draw_questions([pack], 4, rng=random.Random(seed))
        ids = [q.id for _pack_id, q in drawn]
        assert len(ids) == 4 and len(set(ids)) == 4, (seed, ids)


def test_a_written_word_is_named_once_not_again_by_the_words_inside_it(pack):
    # 服务群众 says the keyword group 最后一公里; its 服务 and 群众 are not named again
    from studyapp.core.grading import grade

    question = pack.question("persuade-colleague")
    v = grade(question, "社区是服务群众的「最后一公里」，帮居民解决难事就是成绩。", pack.thesaurus).point("value")
    assert v.status == "covered"
    names = v.matched_as_written()
    assert "服务" not in names and "群众" not in names, names
    assert len(v.written) == len(v.matched)
