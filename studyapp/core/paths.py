"""Where studyapp keeps its data (the SQLite history, exported reports)."""
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
