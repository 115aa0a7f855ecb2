"""Where studyapp keeps its data (the SQLite history, exported reports, installed packs)."""
from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "STUDYAPP_DATA_DIR"
DB_NAME = "studyapp.db"


def data_dir() -> Path:
    """The user data folder: ``$STUDYAPP_DATA_DIR`` if set, else the platform's user data dir.

    The folder is not created here; ``Store.open`` creates it (and reports a
    folder that cannot be created as a ``StoreError``).
    """
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("studyapp", appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_NAME


def packs_dir() -> Path:
    """Where ``studyapp pack add`` installs packs (studyapp.core.installed)."""
    return data_dir() / "packs"


def installed_pack_dirs(root: Path | None = None) -> list[Path]:
    """Folders of the installed packs, by name (none when there are none or the
    folder cannot be read: the app starts on the bundled pack all the same).

    Here, with no zip or loader import, so that the app's start stays quick."""
    root = packs_dir() if root is None else root
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name)
        return [p for p in entries if not p.name.startswith(".") and (p / "pack.yaml").is_file()]
    except OSError:
        return []


def bundled_pack_dir() -> Path:
    """The bundled pack: inside an installed wheel ``studyapp/content``, in a
    checkout (editable install) the repository's top-level ``content/``.

    Here rather than in ``studyapp.core.packs`` so that the start-up pack cache
    can find it without importing the loader (and YAML)."""
    import studyapp

    package_dir = Path(studyapp.__file__).resolve().parent
    candidates = (package_dir / "content", package_dir.parent / "content")
    for c in candidates:
        if (c / "pack.yaml").is_file():
            return c
    return candidates[0]
