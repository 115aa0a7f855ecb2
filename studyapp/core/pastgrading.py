"""A past attempt's grading, as it can be shown now.

An attempt keeps the grading made when it was answered, and (since the store's schema 6)
``store.grading_basis()`` of the question it was graded against: each key point's id, text,
weight and keywords. The saved grading is shown as it was only while it still fits the
question:

* ``CHANGED``: the question's key points are not those it was graded against. The tutor
  rewrote a point (even keeping its id), changed its keywords or weight, or added, removed
  or renamed points. An attempt saved before the basis was kept is compared with what its
  grading says: the points' ids, the terms it matched and missed (each a word of the point's
  text or keywords) and its score under the present weights.
* ``DAMAGED``: the saved grading is not what the app writes (the database file is outside
  input): not ``Grading.to_dict()``'s shape, spans outside the answer, a score that is not
  that of its verdicts.

Either way the saved answer is graded again by the core's grader, and whoever shows it says
which of the two happened, with the score then and now. Every view of an attempt (home's
score, the past answers' list, the review) goes through ``past_grading`` or ``check``, so
they never disagree.

``check`` decides without importing the grader (the home screen asks it at start-up);
``past_grading`` grades again only when needed, and a grader and a regrade are kept for
the next caller (the list of past answers regrades each attempt once).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from studyapp.core.model import Question, Thesaurus
from studyapp.core.store import grading_basis

AS_SAVED = "as saved"
CHANGED = "changed"
DAMAGED = "damaged"
FAILED = "failed"  # could not be graded again (the error is kept)

STATUSES = ("covered", "partial", "missed")
# the share of a point's weight each status earns (as core.grading.VALUE; a test ties them)
VALUE = {"covered": 1.0, "partial": 0.5, "missed": 0.0}


@dataclass(frozen=True)
class PastGrading:
    """What is shown of a past attempt: ``grading`` (a ``core.grading.Grading``: the saved
    one when ``why`` is AS_SAVED, else the answer graded again now; None if that failed,
    ``error`` says why) and ``then``, the score saved with it."""

    grading: Any
    why: str
    then: float
    error: BaseException | None = None

    @property
    def regraded(self) -> bool:
        return self.why in (CHANGED, DAMAGED)

    @property
    def score(self) -> float:
        """The score to show: the grading's, or the saved one if it could not be had."""
        return float(self.grading.score) if self.grading is not None else self.then


@dataclass(frozen=True)
class _Verdict:
    id: str
    status: str
    evidence: tuple[tuple[int, int], ...]
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    reason: str
    written: tuple[str, ...]


def _parse(data: Any, answer: str) -> tuple[float, list[_Verdict]] | None:
    """The saved grading's score and verdicts, or None if it is not the shape
    ``Grading.to_dict()`` writes for this answer."""
    if not isinstance(data, dict):
        return None
    score, points = data.get("score"), data.get("points")
    if type(score) not in (int, float) or not math.isfinite(score) or not 0 <= score <= 100:
        return None
    if not isinstance(points, list):
        return None
    verdicts = []
    for p in points:
        if not isinstance(p, dict):
            return None
        pid, status, evidence = p.get("id"), p.get("status"), p.get("evidence", [])
        matched, missing, reason = p.get("matched", []), p.get("missing", []), p.get("reason", "")
        if not isinstance(pid, str) or status not in STATUSES:
            return None
        if not isinstance(reason, str) or not isinstance(evidence, list):
            return None
        written = p.get("written", [])  # (gradings saved before it was kept have none)
        if not all(isinstance(x, list) and all(isinstance(t, str) for t in x) for x in (matched, missing, written)):
            return None
        if written and len(written) != len(matched):
            written = []
        spans = []
        for span in evidence:
            if not (isinstance(span, list) and len(span) == 2 and all(type(v) is int for v in span)):
                return None
            start, end = span
            if not 0 <= start < end <= len(answer):
                return None
            spans.append((start, end))
        verdicts.append(_Verdict(pid, status, tuple(spans), tuple(matched), tuple(missing), reason, tuple(written)))
    return float(score), verdicts


def _score(verdicts: list[_Verdict], weights: dict[str, float]) -> float:
    """The score these verdicts earn under ``weights`` (as the grader computes it)."""
    total = sum(weights[v.id] for v in verdicts)
    got = sum(weights[v.id] * VALUE[v.status] for v in verdicts)
    return round(100.0 * got / total, 1) if total else 0.0


def _terms_fit(verdicts: list[_Verdict], question: Question) -> bool:
    """Every term a verdict matched or names as missing is a word of its point's text or
    keywords (the grader's terms all are): a point rewritten under the same id fails."""
    by_id = {kp.id: kp for kp in question.key_points}
    folded: dict[str, str] = {}
    for v in verdicts:
        kp = by_id[v.id]
        raw = " ".join([kp.point, *(t for group in kp.keywords for t in group)])
        for term in (*v.matched, *v.missing):
            if term in raw:
                continue
            from studyapp.core.text import fold  # (the grader names the folded words)

            if v.id not in folded:
                folded[v.id] = fold(raw)
            if fold(term) not in folded[v.id]:
                return False
    return True


def check(attempt: Any, question: Question) -> str:
    """AS_SAVED if ``attempt``'s saved grading can be shown as it was for ``question`` as it
    is now; else CHANGED or DAMAGED (see the module's docstring). Never grades."""
    parsed = _parse(attempt.grading, attempt.answer)
    basis = getattr(attempt, "basis", None)
    if basis is not None and basis != grading_basis(question):
        return CHANGED
    if parsed is None:
        return DAMAGED
    score, verdicts = parsed
    ids = [v.id for v in verdicts]
    weights = {kp.id: kp.weight for kp in question.key_points}
    if len(set(ids)) != len(ids) or (not ids and weights):
        return DAMAGED  # a point twice; no point at all (a grading always has every point)
    if set(ids) != set(weights):
        # graded against these very points, yet not them: damaged; else renamed, added, removed
        return DAMAGED if basis is not None else CHANGED
    saved = getattr(attempt, "score", score)
    if abs(score - saved) > 0.05:
        return DAMAGED  # the column and the grading were written together
    if basis is None:
        # saved before the basis was kept: what the grading says must fit the points now
        if not _terms_fit(verdicts, question) or abs(_score(verdicts, weights) - score) > 0.05:
            return CHANGED
    elif abs(_score(verdicts, weights) - score) > 0.05:
        return DAMAGED
    return AS_SAVED


@lru_cache(maxsize=64)
def _grader(question: Question, thesaurus: Thesaurus | None) -> Any:
    from studyapp.core.grading import Grader

    return Grader(question, thesaurus=thesaurus)


@lru_cache(maxsize=1024)
def _regrade_cached(answer: str, question: Question, thesaurus: Thesaurus | None) -> Any:
    return _grader(question, thesaurus).grade(answer)


def _regrade(answer: str, question: Question, thesaurus: Thesaurus | None) -> Any:
    try:
        hash((question, thesaurus))
    except TypeError:  # (the model's dataclasses are frozen; a caller's own objects may not be)
        from studyapp.core.grading import Grader

        return Grader(question, thesaurus=thesaurus).grade(answer)
    return _regrade_cached(answer, question, thesaurus)


def _as_saved(attempt: Any, question: Question) -> Any:
    from studyapp.core.grading import Grading, PointVerdict

    score, verdicts = _parse(attempt.grading, attempt.answer)  # (check() said it parses)
    weights = {kp.id: kp.weight for kp in question.key_points}
    return Grading(score, tuple(
        PointVerdict(v.id, v.status, v.evidence, v.matched, v.missing, v.reason, weights[v.id], v.written)
        for v in verdicts
    ))


def past_grading(attempt: Any, question: Question, thesaurus: Thesaurus | None = None) -> PastGrading:
    """``attempt`` (a ``store.Attempt``) as it can be shown for ``question`` now: its saved
    grading, or its answer graded again with ``thesaurus`` (the pack's) and why."""
    why = check(attempt, question)
    if why == AS_SAVED:
        return PastGrading(_as_saved(attempt, question), AS_SAVED, attempt.score)
    try:
        grading = _regrade(attempt.answer, question, thesaurus)
    except Exception as exc:  # noqa: BLE001 -- a past answer must never crash its viewer
        return PastGrading(None, FAILED, attempt.score, exc)
    return PastGrading(grading, why, attempt.score)


def shown_score(attempt: Any, question: Question, thesaurus: Thesaurus | None = None) -> PastGrading:
    """As ``past_grading``, for a caller that shows only the score (the home screen): an
    attempt shown as saved is not turned into a ``Grading``, nor the grader imported."""
    why = check(attempt, question)
    if why == AS_SAVED:
        return PastGrading(None, AS_SAVED, attempt.score)
    return past_grading(attempt, question, thesaurus)
