"""Shared by validate and list: which pack folders a command works on."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studyapp.core.model import LoadResult, Problem


def add_pack_arguments(parser) -> None:
    parser.add_argument(
        "packs",
        nargs="*",
        metavar="PACK",
        help="a pack folder (with pack.yaml), or the id of the bundled pack or an installed one;"
        " default: the bundled pack and the installed ones",
    )


def pack_arg(name: str) -> Path:
    """A PACK argument as a folder: the folder named, or, when there is no such folder,
    the bundled pack or the installed pack with that id (``studyapp pack list`` shows
    the ids, as ``grade --pack`` takes them)."""
    path = Path(name).expanduser()
    try:
        if path.exists() or path.is_symlink():
            return path
    except OSError:
        return path
    from studyapp.core.packs import ID_RE, bundled_pack_dir, load_pack
    from studyapp.core.paths import packs_dir

    if not ID_RE.fullmatch(name):
        return path
    if (packs_dir() / name / "pack.yaml").is_file():
        return packs_dir() / name
    bundled = load_pack(bundled_pack_dir()).pack
    if bundled is not None and bundled.id == name:
        return bundled_pack_dir()
    return path


@dataclass(frozen=True)
class Chosen:
    folder: Path
    result: LoadResult
    refused: str | None = None  # why the app would not load it with the others (list leaves it out)
    warning: str | None = None  # what validate warns about (list: a note)


def _load(folder: Path, role: str) -> LoadResult:
    """The pack at ``folder``; for a PACK argument that is neither a folder nor a pack's
    id, the message names the installed packs' ids too."""
    from studyapp.core.packs import ID_RE, load_pack
    from studyapp.core.paths import installed_pack_dirs

    result = load_pack(folder)
    if role == "named" and result.pack is None and ID_RE.fullmatch(str(folder)) and len(result.problems) == 1:
        p = result.problems[0]
        if p.message == "no such pack folder":
            ids = ", ".join(d.name for d in installed_pack_dirs()) or "none"
            message = f"no such pack folder, and no installed pack has this id (installed: {ids})"
            result = LoadResult(None, (Problem(p.path, p.line, p.severity, message),))
    return result


def _bundled_id() -> str | None:
    from studyapp.core.packs import bundled_pack_dir, load_pack

    pack = load_pack(bundled_pack_dir()).pack
    return pack.id if pack is not None else None


def chosen_packs(args) -> tuple[list[Chosen], list[str]]:
    """The packs a command works on, in order, and notes for stderr.

    The PACK arguments (each read on its own), else the bundled and installed
    packs; then each folder of the global ``studyapp --pack DIR``, which adds a
    pack as it does for the app and ``mock``, resolved as the app resolves
    packs with one id (``studyapp.core.packset``): a folder with an installed
    pack's id is read instead of that installed copy (a note says so); a folder
    with the bundled pack's id, or with the id of a --pack folder before it, is
    one the app does not load (``refused`` says why). A pack with the bundled
    pack's id is warned about however it is named: it can be neither loaded
    beside the bundled pack nor installed."""
    from studyapp.core import packset
    from studyapp.core.packs import bundled_pack_dir, load_pack
    from studyapp.core.paths import installed_pack_dirs

    bundled = bundled_pack_dir()
    if args.packs:
        folders = [(pack_arg(p), packset.NAMED) for p in args.packs]
    else:
        folders = [(bundled, packset.BUNDLED)] + [(f, packset.INSTALLED) for f in installed_pack_dirs()]
    folders += [(Path(extra).expanduser(), packset.GIVEN) for extra in getattr(args, "pack", None) or []]
    entries = [
        packset.Entry(f, _load(f, role), packset.BUNDLED if packset.same_folder(f, bundled) else role)
        for f, role in folders
    ]
    kept, clashes = packset.choose(entries)
    bundled_id = next((e.result.pack.id for e in entries if e.role == packset.BUNDLED and e.result.pack), None)
    if bundled_id is None and any(e.role == packset.NAMED for e in entries):
        bundled_id = _bundled_id()
    by_entry = {id(c.entry): c for c in clashes}
    shadowed = {id(c.other): c for c in clashes if c.kind == "shadows"}
    bundled_said = (
        "the app does not load it: its pack id {!r} is the bundled pack's; give it its own id in"
        " pack.yaml (a pack cannot be installed under that id either)"
    )
    chosen: list[Chosen] = []
    notes: list[str] = []
    for e in entries:
        c = by_entry.get(id(e))
        if id(e) in shadowed:
            s = shadowed[id(e)]
            old_v, new_v = packset.version_text(e).strip(), packset.version_text(s.entry).strip()
            if packset.older(s):
                then = (
                    f"; the folder is an older version than the installed one ({new_v} < {old_v}):"
                    f" installing it would go back to version {new_v}"
                )
            else:
                then = f"; to install the folder: studyapp pack add --replace {s.entry.folder}"
            notes.append(
                f"{s.entry.folder}: its pack id {s.pack_id!r} is that of the installed pack ({e.folder}"
                f"{', version ' + old_v if old_v else ''}): this run reads the folder"
                f"{' (version ' + new_v + ')' if new_v else ''} instead of it; answers saved under the id"
                f" stay with it{then}"
            )
        elif c is not None and c.kind == "bundled":
            said = bundled_said.format(c.pack_id)
            chosen.append(Chosen(e.folder, e.result, refused=said, warning=said))
        elif c is not None and c.kind == "again":
            said = (
                f"the app does not load it: its pack id {c.pack_id!r} is also that of {c.other.folder},"
                " given before it (one pack per id in a run)"
            )
            chosen.append(Chosen(e.folder, e.result, refused=said, warning=said))
        elif any(e is k for k in kept):
            pack = e.result.pack
            if e.role == packset.NAMED and pack is not None and pack.id == bundled_id:
                chosen.append(Chosen(e.folder, e.result, warning=bundled_said.format(pack.id)))
            else:
                chosen.append(Chosen(e.folder, e.result))
    return chosen, notes


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def sorted_problems(problems: tuple[Problem, ...]) -> list[Problem]:
    """Problems grouped by file in the order files were read, by line within a file."""
    order: dict[Path, int] = {}
    for p in problems:
        order.setdefault(p.path, len(order))
    return sorted(problems, key=lambda p: (order[p.path], p.line or 0))
