"""A practice draft written answering again keeps the outline it answers (DraftOutline), so
that it reopens as it was left; a draft of a version-7 file has none, and an outline record
that is not what the app writes reads as LOST_OUTLINE (said by the practice screen), never
an error."""
from __future__ import annotations

import sqlite3

import pytest

from studyapp.core import store as store_module
from studyapp.core.clock import FakeClock
from studyapp.core.store import LOST_OUTLINE, SCHEMA_VERSION, DraftOutline, Store

GRADING = {"score": 50.0, "points": [{"id": "p1", "status": "partial", "evidence": [[0, 2]]}]}
OUTLINE = DraftOutline("加强监督。", "2026-11-20 14:05 的提纲", 50.0, GRADING, "1:abc")


def test_the_outline_comes_back_with_the_draft_and_goes_when_a_plain_draft_is_saved(tmp_path):
    clock = FakeClock()
    with Store.open(tmp_path / "h.db", clock=clock) as s:
        s.save_draft("pack", "q1", "新的答案", 30.0, base=0, outline=OUTLINE)
    with Store.open(tmp_path / "h.db", clock=clock) as s:
        found = s.draft("pack", "q1")
        assert found.text == "新的答案" and found.outline == OUTLINE
        s.save_draft("pack", "q1", "新的答案，改了", 40.0, base=found.rev)  # not answering again
        assert s.draft("pack", "q1").outline is None


def test_a_version_7_draft_has_no_outline(tmp_path):
    db = tmp_path / "v7.db"
    c = sqlite3.connect(db)
    for script in store_module._MIGRATIONS[:7]:
        c.executescript(script)
    c.execute("INSERT INTO practice_drafts VALUES ('pack', 'q1', '写到一半', '2026-01-01T09:00:00+00:00', 12, 5)")
    c.execute("PRAGMA user_version = 7")
    c.commit()
    c.close()
    with Store.open(db) as s:
        assert s.schema_version == SCHEMA_VERSION
        found = s.draft("pack", "q1")
        assert (found.text, found.elapsed_s, found.rev, found.outline) == ("写到一半", 12, 5, None)


@pytest.mark.parametrize(
    "raw",
    ['{"answer": 5', "[1, 2]", '{"answer": 5, "title": "x"}', '{"answer": "  ", "title": "x"}',
     '{"answer": "a"}', "[" * 100_000, "NaN"],
)
def test_an_outline_record_that_is_not_what_the_app_writes_is_lost_not_an_error(tmp_path, raw):
    with Store.open(tmp_path / "h.db", clock=FakeClock()) as s:
        s.save_draft("pack", "q1", "答案", 1.0, outline=OUTLINE)
        with s._tx() as cur:
            cur.execute("UPDATE practice_drafts SET outline = ?", (raw,))
        found = s.draft("pack", "q1")
        assert found.text == "答案" and found.outline == LOST_OUTLINE


def test_odd_parts_of_an_outline_record_are_left_out_not_trusted(tmp_path):
    with Store.open(tmp_path / "h.db", clock=FakeClock()) as s:
        s.save_draft("pack", "q1", "答案", 1.0)
        with s._tx() as cur:
            cur.execute("UPDATE practice_drafts SET outline = ?",
                        ('{"answer": "旧提纲", "title": "t", "score": "x", "grading": [], "basis": 3}',))
        assert s.draft("pack", "q1").outline == DraftOutline("旧提纲", "t", 0.0, {}, None)
