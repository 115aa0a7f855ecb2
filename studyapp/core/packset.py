"""Which packs one run loads when two of them have the same id.

The app, ``mock``, ``list`` and ``validate`` load the bundled pack and the
installed ones (or the folders named on the command line), then each
``--pack DIR``. A pack id is what saved answers refer to, so one run holds one
pack per id:

- a folder given on the command line whose id is an installed pack's is
  *used instead of* the installed copy for this run (a tutor trying the next
  version of a pack the students already have; the saved answers stay with
  the id) -- ``shadows``;
- a folder with the bundled pack's id is not loaded: the bundled pack stays,
  and such a pack could not be installed either -- ``bundled``;
- a folder with the id of another folder given before it is not loaded --
  ``again``.

The same folder given twice is simply loaded once. No YAML here: the start-up
of the app uses this with packs read from its cache.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from studyapp.core.model import LoadResult

BUNDLED = "bundled"
INSTALLED = "installed"
GIVEN = "given"  # added to the run on the command line (--pack DIR)
NAMED = "named"  # a PACK argument of list / validate: read on its own, whatever its id


@dataclass(frozen=True)
class Entry:
    folder: Path
    result: LoadResult
    role: str  # BUNDLED, INSTALLED or GIVEN


@dataclass(frozen=True)
class Clash:
    """A pack not loaded as it is, because of another with its id."""

    kind: str  # "shadows": ``entry`` is used instead of ``other`` (an installed copy);
    #            "bundled" / "again": ``entry`` is not loaded, ``other`` is
    entry: Entry
    other: Entry

    @property
    def pack_id(self) -> str:
        assert self.entry.result.pack is not None
        return self.entry.result.pack.id


def same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def choose(entries: Sequence[Entry]) -> tuple[list[Entry], list[Clash]]:
    """(the entries one run loads, in order, the clashes found), by the rules above."""
    kept: list[Entry] = []
    clashes: list[Clash] = []
    for entry in entries:
        if any(same_folder(entry.folder, k.folder) for k in kept):
            continue  # the same folder twice: loaded once
        pack = entry.result.pack
        if entry.role == NAMED:
            kept.append(entry)
            continue
        other = next(
            (k for k in kept if pack is not None and k.role != NAMED
             and k.result.pack is not None and k.result.pack.id == pack.id),
            None,
        )
        if other is None:
            kept.append(entry)
        elif entry.role == GIVEN and other.role == INSTALLED:
            clashes.append(Clash("shadows", entry, other))
            kept[kept.index(other)] = entry
        elif entry.role == INSTALLED and other.role == BUNDLED:
            continue  # `pack add` refuses the bundled id; a copy put there by hand is not loaded
        else:
            clashes.append(Clash("bundled" if other.role == BUNDLED else "again", entry, other))
    return kept, clashes


def version_key(version: str | None) -> tuple[int, ...] | None:
    """'1.10' -> (1, 10), for telling a newer version from an older one; None for a
    version that is not numbers and dots ('2024春', 'beta'): it is not compared."""
    import re

    if not version or not re.fullmatch(r"\s*v?\d+(\.\d+)*\s*", version):
        return None
    parts = [int(n) for n in re.findall(r"\d+", version)]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def older(clash: Clash) -> bool:
    """For a "shadows" clash: whether the folder used in this run is an older version of
    the pack than the installed copy it stands in for (then installing it would go back)."""
    new = version_key(clash.entry.result.pack.version if clash.entry.result.pack else None)
    old = version_key(clash.other.result.pack.version if clash.other.result.pack else None)
    return new is not None and old is not None and new < old


def version_text(entry: Entry) -> str:
    """' 1.2' for a pack with a version, else ''."""
    pack = entry.result.pack
    return f" {pack.version}" if pack is not None and pack.version else ""
