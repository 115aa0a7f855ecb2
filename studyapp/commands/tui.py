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
    results = [load_pack(bundled_pack_dir())]
    seen = {r.pack.id for r in results if r.pack is not None}
    for folder in installed_pack_dirs():  # `studyapp pack add` checked each one
        result = load_pack(folder)
        if result.pack is not None and result.pack.id not in seen:
            seen.add(result.pack.id)
            results.append(result)
    for d in extra:
        result = load_pack(Path(d).expanduser())
        if result.pack is not None and result.pack.id in seen:
            notices.append(  # shown in the app: in Chinese like the rest of it
                f"--pack {d}：没有加载，它的题包 id「{result.pack.id}」已被另一个题包使用"
                "（请在它的 pack.yaml 里换一个 id）"
            )
            continue
        if result.pack is not None:
            seen.add(result.pack.id)
        results.append(result)
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
