"""The grading vocabulary: the built-in thesaurus plus a pack's own.

The built-in thesaurus (``studyapp/core/data/thesaurus.yaml``, shipped in the
wheel) has the same format as a pack's ``thesaurus.yaml``::

    synonyms:            # groups of interchangeable terms (exact synonyms)
      - [减负, 松绑, 减轻负担]
    related:             # loose relatives: weak evidence only
      - [监督, 检查]
    kinds:               # a general term, then narrower kinds of it
      - [优惠, 八折, 半价]

It is parsed once per process. ``lexicon(pack_thesaurus)`` merges it with a
pack's ``model.Thesaurus`` into a ``Lexicon`` that answers "which terms mean
the same as this one" on folded (simplified, half-width) terms.

A ``kinds`` group has a direction: a kind says its general term (八折 makes
a point about 优惠), so the kinds join the general term's synonyms (and its
synonyms' synonyms); the general term says a kind only in part, so it is a
relative of each kind; two kinds of one term say nothing of each other.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from studyapp.core.model import Thesaurus
from studyapp.core.text import fold_term

DATA_FILE = Path(__file__).parent / "data" / "thesaurus.yaml"


def _groups(raw) -> tuple[tuple[str, ...], ...]:
    out = []
    if not isinstance(raw, list):
        return ()
    for g in raw:
        if isinstance(g, str):
            g = [g]
        if not isinstance(g, list):
            continue
        terms = tuple(str(t).strip() for t in g if isinstance(t, (str, int)) and str(t).strip())
        if len(terms) >= 2:
            out.append(terms)
    return tuple(out)


@lru_cache(maxsize=1)
def builtin_thesaurus() -> Thesaurus:
    """The thesaurus shipped with the app (empty if its file is missing or broken)."""
    try:
        raw = DATA_FILE.read_text(encoding="utf-8")
    except OSError:
        return Thesaurus()
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(raw, Loader=loader)  # safe loader only
    except yaml.YAMLError:
        return Thesaurus()
    if not isinstance(data, dict):
        return Thesaurus()
    return Thesaurus(
        synonyms=_groups(data.get("synonyms")), related=_groups(data.get("related")), kinds=_groups(data.get("kinds")),
        english=_groups(data.get("english")), spoken=_groups(data.get("spoken")),
    )


@dataclass(frozen=True)
class Lexicon:
    """Folded term -> its exact synonyms / its loose relatives (the term itself excluded)."""

    synonyms: dict
    related: dict
    # first two characters -> the terms of three or more characters starting with them,
    # longest first: finds a term whole in a text the segmenter cuts apart (黑臭水体)
    starts: dict = field(default_factory=dict, compare=False)

    def terms_at(self, text: str, i: int) -> tuple[str, ...]:
        """Terms of three or more characters that ``text`` has at ``i``, longest first."""
        cands = self.starts.get(text[i:i + 2])
        if not cands:
            return ()
        return tuple(t for t in cands if text.startswith(t, i))

    def synonyms_of(self, term: str) -> frozenset[str]:
        return self.synonyms.get(fold_term(term), frozenset())

    def related_of(self, term: str) -> frozenset[str]:
        return self.related.get(fold_term(term), frozenset())


def _index(groups) -> dict[str, frozenset[str]]:
    acc: dict[str, set[str]] = {}
    for g in groups:
        terms = {fold_term(t) for t in g}
        terms.discard("")
        for t in terms:
            acc.setdefault(t, set()).update(terms)
    return {t: frozenset(s - {t}) for t, s in acc.items()}


def _with_kinds(kinds, synonyms: dict, related: dict) -> tuple[dict, dict]:
    """Synonyms and relatives with each kinds group's direction added: a kind counts as
    an exact synonym of its general term (and of the general term's synonyms); the
    general term (and its synonyms) as a relative of the kind."""
    syn = {t: set(s) for t, s in synonyms.items()}
    rel = {t: set(r) for t, r in related.items()}
    for g in kinds:
        head = fold_term(g[0])
        narrow = {fold_term(k) for k in g[1:]} - {"", head}
        broad = {head} | synonyms.get(head, frozenset())
        for b in broad:
            syn.setdefault(b, set()).update(narrow - {b})
        for k in narrow:
            rel.setdefault(k, set()).update(broad - {k})
    return (
        {t: frozenset(s) for t, s in syn.items()},
        {t: frozenset(r) for t, r in rel.items()},
    )


def _with_phrasings(groups, synonyms: dict) -> dict:
    """Synonyms with each phrasing joined to its term's group (报告, report; 老人, 老大爷):
    the phrasing counts as the term and as every exact synonym of it, and they as the
    phrasing. (Kept apart from the synonym groups, whose size a data test limits.)"""
    syn = {t: set(s) for t, s in synonyms.items()}
    for g in groups:
        head = fold_term(g[0])
        words = {fold_term(w) for w in g[1:]} - {"", head}
        same = {head} | synonyms.get(head, frozenset())
        for w in words:
            syn.setdefault(w, set()).update(same | (words - {w}))
        for t in same:
            syn.setdefault(t, set()).update(words)
    return {t: frozenset(s) for t, s in syn.items()}


@lru_cache(maxsize=32)
def lexicon(extra: Thesaurus | None = None) -> Lexicon:
    """The built-in thesaurus merged with a pack's (``extra``); cached per pack thesaurus."""
    base = builtin_thesaurus()
    syn = list(base.synonyms)
    rel = list(base.related)
    kinds = list(base.kinds)
    if extra is not None:
        syn.extend(extra.synonyms)
        rel.extend(extra.related)
        kinds.extend(extra.kinds)
    synonyms = _index(syn)
    related = _index(rel)
    if kinds:
        synonyms, related = _with_kinds(kinds, synonyms, related)
    if base.english or base.spoken:
        synonyms = _with_phrasings(base.english + base.spoken, synonyms)
    # an exact synonym is never also "only related"
    related = {t: frozenset(r - synonyms.get(t, frozenset())) for t, r in related.items()}
    starts: dict[str, list[str]] = {}
    for t in set(synonyms) | set(related):
        if len(t) >= 3:
            starts.setdefault(t[:2], []).append(t)
    return Lexicon(synonyms, related, {k: tuple(sorted(v, key=len, reverse=True)) for k, v in starts.items()})


__all__ = ["DATA_FILE", "Lexicon", "builtin_thesaurus", "lexicon"]
