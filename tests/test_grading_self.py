"""A key point typed out as the answer makes that point: the grader reads a point's text
as it reads a candidate's. Checked over every key point of every pack in the repository
(the bundled pack, the example pack and the question packs of our labelled sets; only
their questions are read, not any answer or label)."""
from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.grading import Grader
from studyapp.core.packs import load_pack

ROOT = Path(__file__).resolve().parent.parent
PACKS = [ROOT / "content", ROOT / "docs" / "example-pack"] + sorted(
    p for p in (ROOT / "eval").glob("*/pack") if p.resolve() != (ROOT / "content").resolve()
)


@pytest.mark.parametrize("folder", PACKS, ids=lambda p: p.parent.name if p.name == "pack" else p.name)
def test_each_key_point_typed_as_the_answer_makes_it(folder):
    pack = load_pack(folder).pack
    assert pack is not None and pack.questions
    failures = []
    for question in pack.questions:
        grader = Grader(question, thesaurus=pack.thesaurus)
        for kp in question.key_points:
            verdict = grader.grade(kp.point).point(kp.id)
            if verdict.status != "covered":
                failures.append(f"{question.id}/{kp.id}: {kp.point} -> {verdict.status} ({verdict.reason})")
    assert not failures, "\n".join(failures)
