"""Does a pack grade as its author means? Its own reference answers are the test.

A question's reference answer (``reference:``) is the tutor's model answer: it
makes every key point. When the grader does not credit a key point in it, a
candidate who writes the way the tutor does will not be credited either: the
point's wording and the reference's differ more than the thesaurus bridges
(the reference says 联系120救治, the point 送医; a keyword only the point uses).
``studyapp validate`` reports each such point as a warning at its line, with
the grader's reason and what it looked for, so the tutor can add a keyword or
a pack thesaurus entry (docs/pack-format.md) before students meet the gap.

No Textual here; grading imports the segmenter (rjieba) once per process.
"""
from __future__ import annotations

from studyapp.core.model import WARNING, Pack, Problem, Question

_STATUS = {"partial": "only partly", "missed": "not"}  # … credited


def reference_gaps(pack: Pack) -> tuple[Problem, ...]:
    """A warning for every key point that a question's own reference answer does not
    make as graded (partial or missed), and for every keyword the question's prompt
    already says (the grader takes the question's own words as no evidence); questions
    without a reference skip the first check."""
    from studyapp.core.grading import Grader

    problems: list[Problem] = []
    for question in pack.questions:
        if question.path is None:
            continue
        problems.extend(_prompt_keywords(question))
        if not (question.reference or "").strip():
            continue
        problems.extend(_gaps(question, Grader(question, thesaurus=pack.thesaurus)))
    return tuple(problems)


def _prompt_keywords(question: Question) -> list[Problem]:
    """贷款难 as a keyword of a point, when the prompt quotes 贷款难: saying it earns nothing."""
    from studyapp.core.grading import _in_prompt
    from studyapp.core.text import fold, fold_term

    prompt = fold(question.prompt or "")
    out = []
    for kp in question.key_points:
        for group in kp.keywords:
            if not all(_in_prompt(fold_term(w), prompt) for w in group):
                continue
            words = "、".join(group)
            out.append(Problem(question.path, kp.line, WARNING, (
                f"key point {kp.id!r}: the question's prompt already says {words}"
                f"{' (every alternative of the keyword group)' if len(group) > 1 else ''}; the grader takes"
                " the question's own words as no evidence, so an answer earns nothing by saying them."
                " Add an alternative an answer would write in its own words (the cause named, the step"
                " taken), or leave the group out"
            )))
    return out


def _gaps(question: Question, grader) -> list[Problem]:
    grading = grader.grade(question.reference or "")
    out = []
    for kp in question.key_points:
        verdict = grading.point(kp.id)
        if verdict is None or verdict.status == "covered":
            continue
        looked_for = "、".join(verdict.missing[:4])
        why = verdict.reason or verdict.status
        if looked_for:
            why += f"; looked for: {looked_for}"
        message = (
            f"key point {kp.id!r} is {_STATUS[verdict.status]} credited to the question's own reference"
            f" answer ({why}): an answer worded like the reference would not be credited"
            f"{' in full' if verdict.status == 'partial' else ''} either."
            " Add the reference's wording as a keyword or to the pack's thesaurus.yaml,"
            " or say the point in the reference in the point's words"
        )
        out.append(Problem(question.path, kp.line, WARNING, message))
    return out


__all__ = ["reference_gaps"]
