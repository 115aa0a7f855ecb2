"""The domain model: plain frozen dataclasses shared by every layer.

A pack on disk (see docs/pack-format.md) is read by ``studyapp.core.packs``
into these objects. Nothing here does I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

QUESTION_TYPES: tuple[str, ...] = (
    "综合分析",
    "组织管理",
    "人际关系",
    "应急应变",
    "情景模拟",
    "自我认知",
)

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem found in a pack file. ``line`` is 1-based, or None if unknown."""

    path: Path
    line: int | None
    severity: str  # ERROR or WARNING
    message: str

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Section:
    """A ``## heading`` of a topic body and the Markdown under it (sub-headings included)."""

    title: str
    body: str
    level: int = 2
    line: int | None = None  # line of the heading in the source file


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    body: str  # the whole Markdown body, front matter removed
    sections: tuple[Section, ...] = ()
    tags: tuple[str, ...] = ()
    date: str | None = None
    sources: tuple[str, ...] = ()
    path: Path | None = None


@dataclass(frozen=True)
class KeyPoint:
    """A scoring point (采分点).

    ``keywords`` is a tuple of concept groups; each group holds the
    alternatives (synonyms) for one concept. A plain keyword is a group of one.
    """

    id: str
    point: str
    weight: float = 1.0
    keywords: tuple[tuple[str, ...], ...] = ()
    line: int | None = field(default=None, compare=False)  # of the key point in its question file


@dataclass(frozen=True)
class Timing:
    think: int | None = None  # seconds
    answer: int | None = None  # seconds


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    key_points: tuple[KeyPoint, ...]
    type: str | None = None
    topic: str | None = None
    reference: str | None = None
    time: Timing | None = None
    path: Path | None = None


@dataclass(frozen=True)
class Thesaurus:
    """A pack's own vocabulary (PACK/thesaurus.yaml), added to the built-in one.

    ``synonyms``: groups of interchangeable terms; ``related``: loose relatives
    (used with less confidence than exact synonyms); ``kinds``: a general term
    followed by narrower kinds of it (a kind says the general term; the general
    term says a kind only in part; kinds say nothing of each other). ``english``
    (the built-in thesaurus only): a Chinese term, then English words that say it
    (报告, report); each counts as the term and as every exact synonym of it.
    ``spoken`` (the built-in thesaurus only): a term, then the phrasings candidates
    say for it aloud (老大爷 for 老人); each counts as ``english`` words do.
    """

    synonyms: tuple[tuple[str, ...], ...] = ()
    related: tuple[tuple[str, ...], ...] = ()
    kinds: tuple[tuple[str, ...], ...] = ()
    english: tuple[tuple[str, ...], ...] = ()
    spoken: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    root: Path
    version: str | None = None
    language: str | None = None
    authors: tuple[str, ...] = ()
    description: str | None = None
    topics: tuple[Topic, ...] = ()
    questions: tuple[Question, ...] = ()
    thesaurus: Thesaurus = field(default_factory=Thesaurus)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass(frozen=True)
class LoadResult:
    """What loading a pack folder gives: the valid items and every problem found."""

    pack: Pack | None
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == WARNING)
