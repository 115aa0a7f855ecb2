"""Every test gets its own data folder: packs a developer installed with
`studyapp pack add`, and their history, never reach a test (nor the other way)."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def _no_speech(monkeypatch):
    """No test reads a question aloud through a developer's speech engine; the tests of
    reading aloud give the app a voice of their own (or set STUDYAPP_VOICE themselves)."""
    monkeypatch.setenv("STUDYAPP_VOICE", "off")
