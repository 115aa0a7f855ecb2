"""Launch the terminal app (the only command path that imports Textual).

``studyapp [--pack DIR]...`` loads the bundled pack plus each DIR, opens the
history store and runs the app. A --pack folder that does not exist is an
error before the screen changes (exit 2); a pack with problems still opens,
with a notice listing them. A data folder that cannot be written gives a
notice and the app runs without saving.
"""
from __future__ import annotations

import sys
from pathlib import Path


def add_arguments(parser) -> None:  # the TUI uses only the global --pack
    pass


def load_packs(extra: list[str]) -> tuple[list, list[str], list[str]]:
    """(LoadResults for the bundled pack, the installed packs and each extra folder,
    errors that stop the launch, notices to show in the app)."""
    from studyapp.core.paths import installed_pack_dirs
    from studyapp.core.paths import data_dir
    from studyapp.tui.packcache import bundled_pack_dir, load_pack_cached

    cache_dir = data_dir() / "cache"

    def load_pack(path: Path):
        return load_pack_cached(path, cache_dir)

    from studyapp.core.textio import terminal_safe

    errors: list[str] = []
    notices: list[str] = []
    for d in extra:
        p = Path(d).expanduser()
        if not p.exists():
            errors.append(f"studyapp: error: --pack {terminal_safe(d)}: no such folder")
        elif not p.is_dir():
            errors.append(
                f"studyapp: error: --pack {terminal_safe(d)}: not a folder (a pack is a folder with pack.yaml)"
            )
    if errors:
        return [], errors, notices
    from studyapp.core import packset

    entries = [packset.Entry(bundled_pack_dir(), load_pack(bundled_pack_dir()), packset.BUNDLED)]
    # `studyapp pack add` checked each installed one
    entries += [packset.Entry(f, load_pack(f), packset.INSTALLED) for f in installed_pack_dirs()]
    given = {}
    for d in extra:
        folder = Path(d).expanduser()
        given.setdefault(folder, d)
        entries.append(packset.Entry(folder, load_pack(folder), packset.GIVEN))
    kept, clashes = packset.choose(entries)
    results = [e.result for e in kept]

    def ver(e) -> str:
        v = packset.version_text(e).strip()
        return f"（版本 {v}）" if v else ""

    for c in clashes:  # shown in the app: in Chinese like the rest of it
        d = terminal_safe(given.get(c.entry.folder, str(c.entry.folder)))
        if c.kind == "shadows":
            then = (
                "它比已安装的旧，安装它会退回到旧版本" if packset.older(c)
                else f"试好了，用 studyapp pack add --replace {d} 安装它"
            )
            notices.append(
                f"--pack {d}：题包「{c.pack_id}」已安装{ver(c.other)}；这次用这个文件夹里的这份{ver(c.entry)}"
                f"代替它，练习记录照旧。{then}"
            )
        elif c.kind == "bundled":
            notices.append(
                f"--pack {d}：没有加载，它的题包 id「{c.pack_id}」是自带题包的 id；"
                "请在它的 pack.yaml 里给它换一个自己的 id"
            )
        else:
            other = terminal_safe(given.get(c.other.folder, str(c.other.folder)))
            notices.append(
                f"--pack {d}：没有加载，它的题包 id「{c.pack_id}」和 --pack {other} 的相同，"
                "一次只加载其中一个"
            )
    return results, errors, notices


def open_store():
    """(the history Store, None), or (None, why) when the data folder cannot be
    used: the app then shows the reason and runs without saving."""
    from studyapp.core.store import Store, StoreError

    try:
        return Store.open(), None
    except StoreError as exc:
        return None, exc.zh  # shown by the app, in Chinese


def build_app(args):
    """(StudyApp ready to run, None) or (None, exit code) after printing why not."""
    results, errors, notices = load_packs(list(getattr(args, "pack", None) or []))
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        return None, 2

    store, store_error = open_store()

    from studyapp.tui.app import StudyApp

    return StudyApp(results, store=store, store_error=store_error, notices=notices), None


DUMB_TERMINAL = (
    "studyapp: this terminal cannot show the full-screen app (TERM=dumb: an editor's shell, a log).\n"
    "Run it in a terminal window, or use the commands that print: studyapp list, studyapp grade,\n"
    "studyapp validate, studyapp history (studyapp --help lists them all)."
)


def dumb_terminal() -> bool:
    """TERM=dumb cannot draw the app (it would fill the screen with escape codes); headless
    runs (STUDYAPP_HEADLESS, tests and scripts) draw nothing and are fine."""
    import os

    return os.environ.get("TERM") == "dumb" and not os.environ.get("STUDYAPP_HEADLESS")


def run(args) -> int:
    if dumb_terminal():
        print(DUMB_TERMINAL, file=sys.stderr)
        return 2
    app, code = build_app(args)
    if app is None:
        return code
    try:
        app.run()
    finally:
        if app.store is not None:
            app.store.close()
    return int(app.return_code or 0)
