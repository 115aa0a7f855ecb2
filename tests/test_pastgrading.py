"""core/pastgrading.py: when a past answer's saved grading still fits its question, when it
is graded again, and why (the key points changed, or the record is damaged)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from studyapp.core import grading as grading_module
from studyapp.core import pastgrading
from studyapp.core.grading import Grader
from studyapp.core.packs import bundled_pack_dir, load_pack
from studyapp.core.pastgrading import AS_SAVED, CHANGED, DAMAGED, check, past_grading
from studyapp.core.store import Attempt, grading_basis

EXAMPLE = Path(__file__).parents[1] / "docs" / "example-pack"


def attempt(question, text, thesaurus=None, *, basis=True, **grading_changes) -> Attempt:
    g = Grader(question, thesaurus=thesaurus).grade(text).to_dict()
    g.update(grading_changes)
    return Attempt(1, "p", question.id, text, g["score"], g, datetime(2026, 1, 1, tzinfo=timezone.utc),
                   basis=grading_basis(question) if basis else None)


def test_the_score_of_verdicts_is_the_graders():
    assert pastgrading.VALUE == grading_module.VALUE


@pytest.mark.parametrize("folder", [bundled_pack_dir(), EXAMPLE], ids=["bundled", "example"])
def test_an_unchanged_question_keeps_every_saved_grading_with_or_without_a_basis(folder):
    """Saved before the basis was kept, a grading is compared term by term: every question's
    reference and each point's own text, graded, still fit their unchanged question."""
    pack = load_pack(folder).pack
    for q in pack.questions:
        texts = [q.reference or "", *(kp.point for kp in q.key_points), "\n".join(kp.point for kp in q.key_points)]
        for text in texts:
            for basis in (True, False):
                a = attempt(q, text, pack.thesaurus, basis=basis)
                assert check(a, q) == AS_SAVED, (q.id, text[:20], basis)
                assert past_grading(a, q, pack.thesaurus).grading.to_dict() == a.grading


def test_why_a_grading_is_not_shown_as_saved():
    pack = load_pack(bundled_pack_dir()).pack
    q = next(q for q in pack.questions if len(q.key_points) >= 3)
    text = q.reference
    first, *rest = q.key_points
    rewritten = replace(q, key_points=(replace(first, point="建立报名登记台账，统计参训人数。", keywords=(("台账",),)), *rest))
    for basis in (True, False):
        a = attempt(q, text, pack.thesaurus, basis=basis)
        assert check(a, rewritten) == CHANGED, basis
        past = past_grading(a, rewritten, pack.thesaurus)
        assert past.regraded and past.why == CHANGED and past.then == a.score
        assert past.grading == Grader(rewritten, thesaurus=pack.thesaurus).grade(text)
    a = attempt(q, text, pack.thesaurus)
    points = a.grading["points"]
    for damage in (
        {"score": "八十"},
        {"points": points[:-1]},  # a point left out of a grading made against these points
        {"points": points + points[:1]},
        {"points": [dict(points[0], evidence=[[0, len(text) + 5]]), *points[1:]]},
        {"score": (a.score + 30) % 100},  # not the score of its own verdicts
    ):
        assert check(replace(a, grading=dict(a.grading, **damage)), q) == DAMAGED, damage
    assert check(replace(a, score=a.score + 1), q) == DAMAGED  # the column and the grading disagree
