"""Shared by validate and list: which pack folders a command works on."""
from __future__ import annotations

from pathlib import Path

from studyapp.core.model import Problem


def add_pack_arguments(parser) -> None:
    parser.add_argument(
        "packs",
        nargs="*",
        metavar="PACK",
        help="a pack folder (with pack.yaml); default: the bundled pack and the installed ones",
    )


def pack_folders(args) -> list[Path]:
    """The PACK folders given, else the bundled and installed packs; then each folder
    of the global ``studyapp --pack DIR`` (which adds a pack, as it does for the app
    and ``mock``), once."""
    from studyapp.core.paths import installed_pack_dirs
    from studyapp.core.packs import bundled_pack_dir

    folders = [Path(p) for p in args.packs] or [bundled_pack_dir(), *installed_pack_dirs()]
    for extra in getattr(args, "pack", None) or []:
        path = Path(extra).expanduser()
        if not any(_same(path, f) for f in folders):
            folders.append(path)
    return folders


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def sorted_problems(problems: tuple[Problem, ...]) -> list[Problem]:
    """Problems grouped by file in the order files were read, by line within a file."""
    order: dict[Path, int] = {}
    for p in problems:
        order.setdefault(p.path, len(order))
    return sorted(problems, key=lambda p: (order[p.path], p.line or 0))
