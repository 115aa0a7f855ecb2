"""Properties of the grader that need no human verdict.

A key point typed out as the answer makes that point: the grader reads a point's text
as it reads a candidate's (every key point of every pack in the repository: the bundled
pack, the example pack and the question packs of our labelled sets, questions only).

An answer typed in traditional characters grades as the same answer in simplified ones,
and an answer framed by the manners of the exam room (各位考官好 … 谢谢考官) as the bare
answer (the answers of three labelled sets read for development; their verdicts are not
used)."""
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


# labelled sets read for development (eval/README.md); only their answers are used here
READ_SETS = [ROOT / "eval" / "bundled", ROOT / "eval" / "holdout", ROOT / "eval" / "holdout17"]


def changed_verdicts(folder: Path, rewrite) -> list[str]:
    """The key points of the set's answers whose status changes when the answer is rewritten."""
    import yaml

    pack = load_pack(folder / "pack").pack
    failures = []
    for f in sorted((folder / "labels").glob("*.yaml")):
        labels = yaml.safe_load(f.read_text(encoding="utf-8"))
        question = pack.question(labels["question"])
        grader = Grader(question, thesaurus=pack.thesaurus)
        for answer in labels["answers"]:
            other = rewrite(answer["text"])
            if other is None:
                continue
            as_written = [p.status for p in grader.grade(answer["text"]).points]
            rewritten = [p.status for p in grader.grade(other).points]
            if as_written != rewritten:
                failures.append(f"{question.id}/{answer['id']}: {as_written} != {rewritten}")
    return failures


@pytest.mark.parametrize("folder", READ_SETS, ids=lambda p: p.name)
def test_an_answer_typed_in_traditional_characters_grades_as_typed_in_simplified(folder):
    import opencc

    to_traditional = opencc.OpenCC("s2t")

    def traditional(text):
        converted = to_traditional.convert(text)
        return converted if len(converted) == len(text) else None

    failures = changed_verdicts(folder, traditional)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("folder", READ_SETS, ids=lambda p: p.name)
def test_a_greeting_and_a_thank_you_around_an_answer_change_no_verdict(folder):
    opening = "各位考官好。这道题考察的是我的组织协调能力,我从以下几个方面来回答。\n"
    closing = "\n以上是我的回答,谢谢考官。"
    failures = changed_verdicts(folder, lambda text: opening + text + closing)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("folder", READ_SETS, ids=lambda p: p.name)
def test_an_answer_said_twice_grades_as_said_once(folder):
    """The repeat's first sentence must not join the answer's last one into a window
    of two sentences that the answer said once does not have."""
    failures = changed_verdicts(folder, lambda text: text.rstrip() + "\n" + text)
    assert not failures, "\n".join(failures)
