"""Building questions for the grading tests (imported by name: tests/ is on sys.path under pytest)."""
from __future__ import annotations

from studyapp.core.model import KeyPoint, Question


def q(points, prompt="谈谈你的看法。", qid="q"):
    """A question from ``(id, point[, keywords[, weight]])`` tuples; a keyword group is a
    list of alternatives or a single string."""
    kps = []
    for p in points:
        pid, text, *rest = p
        keywords = tuple(tuple(g) if isinstance(g, (list, tuple)) else (g,) for g in (rest[0] if rest else ()))
        weight = rest[1] if len(rest) > 1 else 1.0
        kps.append(KeyPoint(pid, text, weight, keywords))
    return Question(qid, prompt, tuple(kps))
