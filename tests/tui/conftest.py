"""Shared fixtures for the TUI tests: fixed packs, a fake clock, a throwaway data folder."""
from __future__ import annotations

import pytest

from studyapp.core.clock import FakeClock

@pytest.fixture(autouse=True)
def _quiet_and_private(monkeypatch, tmp_path):
    """No cursor blink (stable snapshots); history goes to this test's own folder."""
    import studyapp.tui.text

    monkeypatch.setattr(studyapp.tui.text, "CURSOR_BLINK", False)
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("STUDYAPP_EXIT_ON_READY", raising=False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path, clock):
    from studyapp.core.store import Store

    s = Store.open(tmp_path / "data", clock=clock)
    yield s
    s.close()
