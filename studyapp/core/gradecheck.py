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

from studyapp.core.model import WARNING, KeyPoint, Pack, Problem, Question

_STATUS = {"partial": "only partly", "missed": "not"}  # … credited


def reference_gaps(pack: Pack) -> tuple[Problem, ...]:
    """The warnings that take the grader to find (``studyapp validate``, ``pack add`` and
    ``pack export`` give them with the loader's): a keyword group the question's prompt
    already says (the grader takes the question's own words as no evidence); a keyword that
    two key points share (an answer that says it earns both); a key point that the
    question's own reference answer does not make as graded (partial or missed), or that
    its own words do not make. Questions without a reference skip the reference check."""
    from studyapp.core.grading import Grader

    problems: list[Problem] = []
    for question in pack.questions:
        if question.path is None:
            continue
        problems.extend(_keyword_checks(question))
        grader = Grader(question, thesaurus=pack.thesaurus)
        unmade = _unmade(question, grader)
        problems.extend(unmade.values())
        if not (question.reference or "").strip():
            continue
        problems.extend(p for p in _gaps(question, grader) if p.line not in {u.line for u in unmade.values()})
    return tuple(problems)


def _unmade(question: Question, grader) -> dict[str, Problem]:
    """Key points that their own words, written as an answer, do not make (说原因 when the
    question says 原因 and nothing names the saying): no answer can be credited for them."""
    out = {}
    for kp in question.key_points:
        verdict = grader.grade(kp.point or "").point(kp.id)
        if verdict is None or verdict.status == "covered" or not (kp.point or "").strip():
            continue
        out[kp.id] = Problem(question.path, kp.line, WARNING, (
            f"key point {kp.id!r} is {_STATUS[verdict.status]} credited even to its own words written as"
            f" an answer ({verdict.reason or verdict.status}): no answer that says the point as written"
            " earns it. Add keywords an answer would write, or say the point in more words (the step"
            " taken and what it is taken on)"
        ))
    return out


grading_warnings = reference_gaps


def _keyword_checks(question: Question) -> list[Problem]:
    """贷款难 as a keyword of a point, when the prompt quotes 贷款难: saying it earns
    nothing; 价格 in two points: saying it earns both. One warning of each kind per key
    point, at the line of its first such keyword. A word the prompt says is only the first
    (saying it earns nothing, so not both points either)."""
    from studyapp.core.grading import _in_prompt
    from studyapp.core.packs import KeywordLines, keyword_lines
    from studyapp.core.text import fold, fold_term

    prompt = fold(question.prompt or "")
    lines = None

    def where(kp: KeyPoint, word: str | None = None) -> int | None:
        nonlocal lines
        if lines is None:
            lines = keyword_lines(question.path) if question.path is not None else {}
        at: KeywordLines | None = lines.get(kp.id)
        if at is None:
            return kp.line
        return at.of(word) if word is not None else at.key_line

    said = {w: _in_prompt(fold_term(w), prompt) for kp in question.key_points for g in kp.keywords for w in g}
    out = []
    owner: dict[str, tuple[KeyPoint, str]] = {}  # a keyword -> the first point that has it, as written there
    for kp in question.key_points:
        in_prompt = [g for g in kp.keywords if all(said[w] for w in g)]
        if in_prompt:
            if len(in_prompt) == 1:
                words = "、".join(in_prompt[0])
                if len(in_prompt[0]) > 1:
                    words += " (every alternative of the keyword group)"
            else:
                shown = [g[0] if len(g) == 1 else "[" + ", ".join(g) + "]" for g in in_prompt]
                words = ", ".join(shown[:-1]) + " and " + shown[-1] + (
                    " (every alternative of each keyword group)" if any(len(g) > 1 for g in in_prompt) else ""
                )
            out.append(Problem(question.path, where(kp, in_prompt[0][0]), WARNING, (
                f"key point {kp.id!r}: the question's prompt already says {words}; the grader takes"
                " the question's own words as no evidence, so an answer earns nothing by saying"
                f" {'them' if len(in_prompt) > 1 or len(in_prompt[0]) > 1 else 'it'}."
                " Add an alternative an answer would write in its own words (the cause named, the step"
                f" taken), or leave the group{'s' if len(in_prompt) > 1 else ''} out"
            )))
        shared: list[tuple[str, KeyPoint, str]] = []  # (word here, the other point, the word there)
        for group in kp.keywords:
            for word in group:
                key = fold_term(word)
                first = owner.setdefault(key, (kp, word))
                if first[0] is not kp and not said[word] and all(word != w for w, _, _ in shared):
                    shared.append((word, first[0], first[1]))
        if shared:
            others = {id(o): o for _, o, _ in shared}
            if len(others) == 1:
                other, there = shared[0][1], shared[0][2]
                words = "、".join(w for w, _, _ in shared)
                what = (f"the keyword{'s' if len(shared) > 1 else ''} {words} of key point {other.id!r}"
                        f" (line {where(other, there)})")
            else:
                what = "keywords of other key points: " + ", ".join(
                    f"{w} ({o.id!r}, line {where(o, t)})" for w, o, t in shared
                )
            out.append(Problem(question.path, where(kp, shared[0][0]), WARNING, (
                f"key point {kp.id!r} has {what}: an answer that says "
                f"{'it' if len(shared) == 1 else 'one of them'} earns both points;"
                " keep each keyword in the point it stands for"
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


__all__ = ["grading_warnings", "reference_gaps"]
