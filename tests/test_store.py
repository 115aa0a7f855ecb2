"""The history database: what is saved comes back, and every broken file or folder is a clear StoreError."""
from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from studyapp.core import paths
from studyapp.core.clock import FakeClock
from studyapp.core.store import (
    ACTIVE,
    DISCARDED,
    FINISHED,
    SCHEMA_VERSION,
    Draft,
    QuestionResult,
    Store,
    StoreError,
)

GRADING = {"score": 62.5, "points": [{"id": "p1", "status": "covered", "evidence": [[0, 4]]}]}


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def store(tmp_path, clock):
    s = Store.open(tmp_path / "h.db", clock=clock)
    yield s
    s.close()


def test_attempts_come_back_newest_first_with_grading_and_time(tmp_path, clock):
    with Store.open(tmp_path / "h.db", clock=clock) as s:
        first = s.save_attempt(pack_id="core", question_id="q1", answer="减负：一是精简文件，二是「放权赋能」。",
                               score=62.5, grading=GRADING, duration_s=95.0)
        clock.advance(60)
        second = s.save_attempt(pack_id="core", question_id="q1", answer="第二遍", score=80, grading={})
        s.save_attempt(pack_id="core", question_id="q2", answer="x", score=10, grading={})
    # reopen: it is on disk, not only in memory
    with Store.open(tmp_path / "h.db", clock=clock) as s:
        q1 = s.attempts(pack_id="core", question_id="q1")
        assert [a.id for a in q1] == [second, first]
        old = q1[1]
        assert old.answer == "减负：一是精简文件，二是「放权赋能」。"
        assert old.grading == GRADING
        assert old.score == 62.5 and old.duration_s == 95.0 and old.session_id is None
        assert old.created_at == clock.now() - timedelta(seconds=60)
        assert old.created_at.tzinfo is not None
        assert len(s.attempts(limit=2)) == 2
        last = s.last_attempts()
        assert set(last) == {("core", "q1"), ("core", "q2")}
        assert last[("core", "q1")].answer == "第二遍"


def test_database_is_wal_with_normal_sync_and_current_schema(store):
    c = sqlite3.connect(store.path)
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    c.close()
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store.schema_version == SCHEMA_VERSION


def test_a_version_1_file_is_migrated_and_keeps_its_attempts(tmp_path):
    db = tmp_path / "old.db"
    c = sqlite3.connect(db)
    c.executescript(
        """
        CREATE TABLE attempts (id INTEGER PRIMARY KEY, pack_id TEXT NOT NULL, question_id TEXT NOT NULL,
            answer TEXT NOT NULL, score REAL NOT NULL, grading TEXT NOT NULL, created_at TEXT NOT NULL,
            duration_s REAL, session_id INTEGER);
        INSERT INTO attempts VALUES (1, 'core', 'q1', '旧答案', 50, '{}', '2025-12-01T08:00:00+00:00', NULL, NULL);
        PRAGMA user_version = 1;
        """
    )
    c.close()
    with Store.open(db) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.attempts()[0].answer == "旧答案"
        assert s.unfinished_session() is None  # the sessions table now exists
        assert s.draft("core", "q1") is None  # and the drafts table


def test_a_version_3_file_keeps_its_drafts_with_no_time_spent(tmp_path):
    import sqlite3

    from studyapp.core import store as store_module

    db = tmp_path / "v3.db"
    c = sqlite3.connect(db)
    for script in store_module._MIGRATIONS[:3]:
        c.executescript(script)
    c.execute("INSERT INTO practice_drafts VALUES ('pack', 'q1', '写到一半', '2026-01-01T09:00:00+00:00')")
    c.execute("PRAGMA user_version = 3")
    c.commit()
    c.close()
    with Store.open(db) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert tuple(s.draft("pack", "q1"))[:3] == ("写到一半", datetime(2026, 1, 1, 9, tzinfo=timezone.utc), 0.0)
        assert s.setting("theme") is None  # and the settings table is there


def test_a_version_5_file_keeps_its_attempts_which_record_no_grading_basis(tmp_path):
    """Attempts saved before schema 6 keep everything; they have no basis (what they were
    graded against), so core/pastgrading.py compares their grading instead; new ones have it."""
    from studyapp.core import store as store_module

    db = tmp_path / "v5.db"
    c = sqlite3.connect(db)
    for script in store_module._MIGRATIONS[:5]:
        c.executescript(script)
    c.execute("INSERT INTO attempts VALUES (1, 'pack', 'q1', '一是调研', 62.5, ?, '2026-01-01T09:00:00+00:00', 95, NULL)",
              (json.dumps(GRADING),))
    c.execute("INSERT INTO settings VALUES ('theme', 'textual-light')")
    c.execute("PRAGMA user_version = 5")
    c.commit()
    c.close()
    with Store.open(db) as s:
        assert s.schema_version == SCHEMA_VERSION
        (old,) = s.attempts()
        assert (old.answer, old.score, old.grading, old.duration_s, old.basis) == ("一是调研", 62.5, GRADING, 95, None)
        assert s.setting("theme") == "textual-light"
        s.save_attempt(pack_id="pack", question_id="q1", answer="二", score=0, grading={}, basis="1:abc")
        assert [a.basis for a in s.attempts()] == ["1:abc", None]
        assert s.last_attempts()[("pack", "q1")].basis == "1:abc"


def test_the_grading_basis_follows_what_grading_depends_on():
    from studyapp.core.model import KeyPoint, Question
    from studyapp.core.store import grading_basis

    def q(*points, **other):
        return Question(id="q", prompt=other.get("prompt", "怎么做？"), key_points=points,
                        reference=other.get("reference"))

    a, b = KeyPoint("a", "做好宣传通知。", 1.0, (("宣传",), ("通知",))), KeyPoint("b", "总结经验。")
    base = grading_basis(q(a, b))
    assert base.startswith("1:") and len(base) == 34
    # neither the prompt, the reference, the line of a point, nor spaces around its text
    assert grading_basis(q(a, b, prompt="你会怎么做？", reference="参考")) == base
    assert grading_basis(q(KeyPoint("a", " 做好宣传通知。\n", 1, a.keywords, line=9), b)) == base
    # but its text, keywords, weight, id and the points' order do
    for changed in (
        (KeyPoint("a", "建立报名登记台账。", 1.0, a.keywords), b),
        (KeyPoint("a", a.point, 1.0, (("宣传", "公众号"), ("通知",))), b),
        (KeyPoint("a", a.point, 2.0, a.keywords), b),
        (KeyPoint("c", a.point, 1.0, a.keywords), b),
        (b, a),
        (a,),
    ):
        assert grading_basis(q(*changed)) != base, changed


def test_a_finished_mock_keeps_what_each_answer_was_graded_against(store, clock):
    from studyapp.core.packs import bundled_pack_dir, load_pack
    from studyapp.core.report import build_report
    from studyapp.core.session import MockSession, SessionRecorder
    from studyapp.core.store import grading_basis

    pack = load_pack(bundled_pack_dir()).pack
    question = pack.questions[0]
    session = MockSession.build([(pack.id, question)], clock, think=60, answer=120)
    session.start()
    session.finish_phase()
    session.set_text("一是稳情绪，二是讲政策。")
    session.finish_phase()
    rec = SessionRecorder(store, session, clock)
    rec.create()
    rec.finish(build_report(session, thesauri={pack.id: pack.thesaurus}).results())
    (attempt,) = store.attempts()
    assert attempt.session_id == rec.session_id and attempt.basis == grading_basis(question)


def test_a_draft_keeps_the_time_spent_on_it_and_a_damaged_time_is_no_time(store, tmp_path):
    store.save_draft("pack", "q1", "一是稳情绪", elapsed_s=125.5)
    assert store.draft("pack", "q1").elapsed_s == 125.5
    # the database is outside input: text, a negative or an endless number in the column
    import sqlite3

    for bad in ("abc", -5, float("inf"), 10**12):
        c = sqlite3.connect(store.path)
        c.execute("UPDATE practice_drafts SET elapsed_s = ?", (bad,))
        c.commit()
        c.close()
        assert store.draft("pack", "q1").elapsed_s in (0.0, 24 * 3600.0), bad


def test_a_practice_draft_is_kept_replaced_and_removed(store, clock):
    assert store.draft("pack", "q1") is None
    store.save_draft("pack", "q1", "一是稳情绪")
    first = store.draft("pack", "q1").saved_at
    clock.advance(60)
    store.save_draft("pack", "q1", "一是稳情绪\n二是讲政策")
    text, when, spent, *_ = store.draft("pack", "q1")
    assert text == "一是稳情绪\n二是讲政策" and (when - first).total_seconds() == 60 and spent == 0
    assert store.draft("pack", "q2") is None and store.draft("other", "q1") is None
    store.save_draft("pack", "q1", "   \n")  # nothing left: no draft
    assert store.draft("pack", "q1") is None
    store.save_draft("pack", "q1", "再写")
    store.delete_draft("pack", "q1")
    assert store.draft("pack", "q1") is None


def test_two_writers_of_one_draft_never_overwrite_each_others_newer_text(tmp_path, clock):
    """Two windows (or two studyapp apps) on one question: each saves over the draft only
    while it is the revision it last read or wrote; the other's newer text makes it keep its
    own in a copy beside it, and a discard removes only what is its own."""
    from studyapp.core.store import DraftConflict

    a, b = Store.open(tmp_path, clock=clock), Store.open(tmp_path, clock=clock)
    a_rev = a.save_draft("pack", "q1", "共同的开头", base=0)
    b_rev = b.draft("pack", "q1").rev  # both opened the question and restored this
    assert b_rev == a_rev
    a_rev = a.save_draft("pack", "q1", "共同的开头【A写的】", base=a_rev)
    with pytest.raises(DraftConflict) as info:
        b.save_draft("pack", "q1", "共同的开头【B写的】", base=b_rev)
    assert "另一个窗口" in info.value.zh
    assert b.draft("pack", "q1").text == "共同的开头【A写的】"  # not overwritten
    copy = b.save_draft_copy("pack", "q1", "共同的开头【B写的】", 30)
    assert b.save_draft_copy("pack", "q1", "共同的开头【B写的】再写", 40, copy_id=copy) == copy
    assert b.draft_keys() == {("pack", "q1")}
    # B gives its answer up: its copy goes, A's draft stays
    b.delete_draft("pack", "q1", base=b_rev, copies=[copy])
    assert a.draft("pack", "q1").text == "共同的开头【A写的】" and a.draft_copies("pack", "q1") == []
    # a copy is restored with the draft; saving the two as one removes the copy
    copy = b.save_draft_copy("pack", "q1", "B的另一份", 40)
    (kept,) = a.draft_copies("pack", "q1")
    assert (kept.id, kept.text, kept.elapsed_s) == (copy, "B的另一份", 40)
    a.save_draft("pack", "q1", "共同的开头【A写的】\nB的另一份", base=a_rev, drop_copies=[copy])
    assert a.draft_copies("pack", "q1") == []
    # a draft removed meanwhile (submitted elsewhere) is no newer text: it is written again
    b.delete_draft("pack", "q1")
    assert b.save_draft("pack", "q1", "B还在写", base=b_rev) and a.draft("pack", "q1").text == "B还在写"
    a.close()
    b.close()


def test_a_damaged_database_is_moved_aside_whole_and_a_new_one_starts(tmp_path, clock):
    """Never deleted: renamed with its -wal and -shm, in the same folder, dated; the
    error says so, in both languages, for `studyapp history` and the app alike."""
    db = tmp_path / "studyapp.db"
    with Store.open(db, clock=clock) as s:
        s.save_attempt(pack_id="core", question_id="q1", answer="旧答案", score=50, grading={})
    data = bytearray(db.read_bytes())
    data[4096:8192] = os.urandom(4096)  # the tables' page, overwritten
    db.write_bytes(bytes(data))
    with pytest.raises(StoreError) as info:
        with Store.open(db, clock=clock) as s:
            s.attempts()
    assert info.value.damaged and "damaged-DATE" in str(info.value) and "不会删除" in info.value.zh
    assert Store.damaged_file(tmp_path).path == db
    data = db.read_bytes()
    (tmp_path / "studyapp.db-wal").write_bytes(b"old wal")  # it belongs to the damaged file
    moved = Store.move_aside(tmp_path, clock)
    assert moved.name == "studyapp.db.damaged-" + clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
    assert moved.read_bytes() == bytes(data) and (tmp_path / (moved.name + "-wal")).read_bytes() == b"old wal"
    assert not db.exists() and not (tmp_path / "studyapp.db-wal").exists()
    assert Store.damaged_file(tmp_path) is None
    with Store.open(tmp_path, clock=clock) as s:
        assert s.attempts() == []
    db.write_bytes(b"garbage" * 1000)  # a second one in the same second is not renamed over the first
    again = Store.move_aside(tmp_path, clock)
    assert again != moved and again.name.startswith(moved.name) and moved.read_bytes() == bytes(data)


def test_the_folder_lock_tells_a_second_app_and_is_free_again_when_the_first_ends(tmp_path):
    """An OS lock, not only a pid file: a killed app leaves the file but not the lock."""
    from studyapp.core.store import LOCK_NAME, FolderLock

    first, other = FolderLock.claim(tmp_path)
    assert first is not None and other is None
    assert (tmp_path / LOCK_NAME).read_text().strip() == str(os.getpid())
    second, other = FolderLock.claim(tmp_path)
    assert second is None and other == str(os.getpid())
    first.release()
    third, other = FolderLock.claim(tmp_path)
    assert third is not None and other is None
    third.release()
    # what kill -9 leaves: a file naming a process that holds no lock
    (tmp_path / LOCK_NAME).write_text("999999999\n")
    fourth, other = FolderLock.claim(tmp_path)
    assert fourth is not None and other is None
    fourth.release()


def test_a_file_that_is_not_a_database_is_a_clear_error_and_left_untouched(tmp_path):
    db = tmp_path / "studyapp.db"
    junk = "这不是数据库\n".encode() * 200
    db.write_bytes(junk)
    with pytest.raises(StoreError) as info:
        Store.open(db)
    assert str(db) in str(info.value)
    assert "not a usable studyapp database" in str(info.value)
    assert db.read_bytes() == junk


def test_a_truncated_database_is_a_clear_error(tmp_path):
    db = tmp_path / "h.db"
    with Store.open(db) as s:
        for i in range(200):
            s.save_attempt(pack_id="p", question_id=f"q{i}", answer="答" * 500, score=1, grading={})
        s._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db.read_bytes()
    db.write_bytes(data[:100] + b"\x00" * 2000 + data[2100 : len(data) // 2])
    for ext in ("-wal", "-shm"):
        (tmp_path / f"h.db{ext}").unlink(missing_ok=True)
    with pytest.raises(StoreError) as info:
        s = Store.open(db)
        s.attempts()  # if the damage was not caught on open, it must be caught on reading
    assert str(db) in str(info.value)


def test_another_programs_sqlite_file_is_refused(tmp_path):
    db = tmp_path / "other.db"
    c = sqlite3.connect(db)
    c.execute("CREATE TABLE photos (id INTEGER)")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="some other program"):
        Store.open(db)


def test_a_newer_schema_is_refused_not_downgraded(tmp_path):
    db = tmp_path / "h.db"
    Store.open(db).close()
    c = sqlite3.connect(db)
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="newer studyapp"):
        Store.open(db)


def test_a_data_folder_that_cannot_be_created_names_the_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("I am a file, not a folder")
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(blocker / "data"))
    with pytest.raises(StoreError) as info:
        Store.open()
    assert str(blocker / "data") in str(info.value)
    assert "cannot create the data folder" in str(info.value)
    # the terminal app shows the same in Chinese
    assert str(blocker / "data") in info.value.zh and "无法创建数据文件夹" in info.value.zh
    assert "STUDYAPP_DATA_DIR" in info.value.zh


def test_every_store_error_has_its_chinese_words(tmp_path):
    not_a_db = tmp_path / "studyapp.db"
    not_a_db.write_bytes(b"this is no sqlite file at all" * 100)
    with pytest.raises(StoreError) as info:
        Store.open(not_a_db)
    assert "not a usable studyapp database" in str(info.value)
    assert "不是可用的 studyapp 数据库" in info.value.zh and str(not_a_db) in info.value.zh
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    with pytest.raises(StoreError) as info:
        Store.open(fifo)
    assert "not a regular file" in str(info.value) and "不是普通文件" in info.value.zh


def test_data_dir_follows_the_environment_and_open_uses_it(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path / "数据"))
    assert paths.data_dir() == tmp_path / "数据"
    with Store.open() as s:
        assert s.path == tmp_path / "数据" / "studyapp.db"
    assert (tmp_path / "数据" / "studyapp.db").is_file()
    # a folder given as path holds the default file name, also one not there yet
    with Store.open(tmp_path / "数据") as s:
        assert s.path == tmp_path / "数据" / "studyapp.db"
    with Store.open(tmp_path / "new") as s:
        assert s.path == tmp_path / "new" / "studyapp.db"
    with Store.open(tmp_path / "new" / "other.sqlite") as s:
        assert s.path.name == "other.sqlite"
    monkeypatch.delenv("STUDYAPP_DATA_DIR")
    assert paths.data_dir().name == "studyapp"


def test_a_mock_session_is_saved_found_unfinished_and_finished(store, clock):
    qs = [("core", "q1", "请谈谈你对基层减负的看法。"), ("core", "q2", "如何组织一次调研？")]
    sid = store.create_session(config={"count": 2, "think": 60}, questions=qs, state={"index": 0})
    assert store.unfinished_session().id == sid
    clock.advance(3)
    store.save_session(
        sid,
        state={"index": 0, "phase": "answering"},
        drafts=[Draft(0, "一是精简会议", "answering", time_left=41.5, think_used=60, answer_used=18.5)],
    )
    rec = store.unfinished_session()
    assert rec.status == ACTIVE and rec.state == {"index": 0, "phase": "answering"}
    assert rec.questions[0].text == "一是精简会议"
    assert rec.questions[0].time_left == 41.5
    assert rec.questions[1].prompt == "如何组织一次调研？" and rec.questions[1].text == ""
    assert rec.updated_at - rec.created_at == timedelta(seconds=3)

    store.finish_session(
        sid,
        state={"index": 1, "phase": "finished"},
        drafts=[Draft(1, "先定方案", "done", 0, 10, 20)],
        results=[QuestionResult(0, 75.0, {"score": 75.0}), QuestionResult(1, 20.0, {"score": 20.0})],
    )
    assert store.unfinished_session() is None
    done = store.session(sid)
    assert done.status == FINISHED and done.finished_at is not None
    assert [q.score for q in done.questions] == [75.0, 20.0]
    assert done.score == 47.5
    # each answer joins the question's history, marked as from this session
    mock_attempts = store.attempts()
    assert {(a.question_id, a.answer, a.session_id) for a in mock_attempts} == {
        ("q1", "一是精简会议", sid),
        ("q2", "先定方案", sid),
    }
    assert store.attempts(practice_only=True) == []
    assert [s.id for s in store.sessions()] == [sid]
    with pytest.raises(StoreError, match="not active"):
        store.save_session(sid, state={})


def test_a_discarded_session_is_not_offered_again(store):
    sid = store.create_session(config={}, questions=[("p", "q", "题")], state={})
    store.discard_session(sid)
    assert store.unfinished_session() is None
    assert store.session(sid).status == DISCARDED
    assert store.sessions() == []
    assert [s.id for s in store.sessions(status=DISCARDED)] == [sid]


def test_a_failed_write_changes_nothing(store):
    sid = store.create_session(config={}, questions=[("p", "q", "题")], state={"v": 1})
    store.save_session(sid, state={"v": 2}, drafts=[Draft(0, "保存的", "answering", 10)])

    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        with store._tx() as cur:
            cur.execute("UPDATE session_questions SET text = 'half' WHERE session_id = ?", (sid,))
            raise Boom
    assert store.session(sid).questions[0].text == "保存的"


CHILD = """
import sys
from studyapp.core.store import Draft, Store
s = Store.open(sys.argv[1])
sid = s.create_session(config={}, questions=[("p", "q", "题")], state={"i": 0})
i = 0
while True:
    i += 1
    s.save_session(sid, state={"i": i}, drafts=[Draft(0, "字" * (i % 500) + f"#{i}", "answering", 1.0)])
"""


def test_kill_9_in_the_middle_of_saving_leaves_a_whole_consistent_save(tmp_path):
    """A process saving as fast as it can is killed at arbitrary moments: the file is intact,
    and the state and the draft always come from the same save (one transaction)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "h.db"
    for round_ in range(3):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(db)])
        try:
            deadline = time.monotonic() + 20
            seen = 0
            while time.monotonic() < deadline:  # poll until it has saved a while
                try:
                    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                    row = c.execute("SELECT state FROM sessions ORDER BY id DESC LIMIT 1").fetchone()
                    c.close()
                    seen = int(__import__("json").loads(row[0])["i"]) if row else 0
                except sqlite3.Error:
                    seen = 0
                if seen > 200 * (round_ + 1):
                    break
                time.sleep(0.01)
            assert seen > 0, "the child never saved"
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        c = sqlite3.connect(db)
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        c.close()
        with Store.open(db) as s:
            rec = s.unfinished_session()
            i = rec.state["i"]
            assert i >= seen
            assert rec.questions[0].text == "字" * (i % 500) + f"#{i}"


def test_damaged_attempt_rows_are_left_out_not_raised(tmp_path, clock):
    """The database is outside input: SQLite keeps text in a REAL column, dates may not parse."""
    s = Store.open(tmp_path, clock=clock)
    good = s.save_attempt(pack_id="p", question_id="q1", answer="好", score=80.0, grading={"points": []})
    for qid in ("q2", "q3", "q4"):
        s.save_attempt(pack_id="p", question_id=qid, answer="坏", score=10.0, grading={})
    s.close()
    con = sqlite3.connect(tmp_path / "studyapp.db")
    con.execute("UPDATE attempts SET score = 'abc' WHERE question_id = 'q2'")
    con.execute("UPDATE attempts SET created_at = 'yesterday' WHERE question_id = 'q3'")
    con.execute("UPDATE attempts SET grading = '[1, 2', duration_s = 'long', basis = X'0102' WHERE question_id = 'q4'")
    con.commit()
    con.close()
    with Store.open(tmp_path, clock=clock) as s:
        kept = s.attempts()
        assert [a.question_id for a in kept] == ["q4", "q1"]
        assert kept[0].grading == {} and kept[0].duration_s is None  # what could be kept, is
        assert kept[0].basis is None  # (then its grading is compared with the question's points)
        assert set(s.last_attempts()) == {("p", "q1"), ("p", "q4")}
        assert kept[1].id == good and kept[1].score == 80.0


def test_damaged_session_rows_read_as_missing_values(tmp_path, clock, monkeypatch, capsys):
    from studyapp.cli import main

    with Store.open(tmp_path, clock=clock) as s:
        sid = s.create_session(config={"count": 1}, questions=[("p", "q1", "题一")], state={"version": 1})
    con = sqlite3.connect(tmp_path / "studyapp.db")
    con.execute("UPDATE session_questions SET score = 'abc', think_used = 'x', text = x'ff00', time_left = 'soon'")
    con.execute("UPDATE sessions SET state = '[1, 2', config = '[]', updated_at = 'later'")
    con.commit()
    con.close()
    with Store.open(tmp_path, clock=clock) as s:
        rec = s.session(sid)
        q = rec.questions[0]
        assert (q.score, q.think_used, q.text, q.time_left, q.prompt) == (None, 0.0, "", None, "题一")
        assert rec.state == {} and rec.config == {} and rec.updated_at.year == 1970
        assert rec.score is None
        assert s.unfinished_session().id == sid
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path))
    assert main(["history"]) == 0 and main(["history", "--json"]) == 0  # no traceback
    assert "题一" in capsys.readouterr().out


def test_a_read_only_open_reads_and_refuses_every_write(tmp_path, clock):
    db = tmp_path / "h.db"
    with Store.open(db, clock=clock) as s:
        s.save_attempt(pack_id="core", question_id="q1", answer="安抚", score=62.5, grading=GRADING)
    before = db.read_bytes()
    with Store.open(db, readonly=True) as s:
        assert s.readonly and [a.answer for a in s.attempts()] == ["安抚"]
        with pytest.raises(StoreError) as info:
            s.save_attempt(pack_id="core", question_id="q1", answer="再写", score=0, grading={})
        assert str(db) in str(info.value) and "only for reading" in str(info.value)
        assert "只能读取" in info.value.zh
    assert db.read_bytes() == before
    with Store.open(db) as s:  # nothing half-written
        assert len(s.attempts()) == 1


def test_a_read_only_open_creates_nothing_and_explains_what_it_cannot_read(tmp_path):
    with pytest.raises(StoreError, match="there is no history database") as info:
        Store.open(tmp_path / "none" / "h.db", readonly=True)
    assert "还没有练习记录数据库" in info.value.zh
    assert not (tmp_path / "none").exists()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"no sqlite here" * 300)
    with pytest.raises(StoreError, match="not a usable studyapp database"):
        Store.open(junk, readonly=True)
    old = tmp_path / "old.db"  # cannot be migrated without writing it
    c = sqlite3.connect(old)
    c.execute("CREATE TABLE attempts (id INTEGER)")
    c.execute("PRAGMA user_version = 1")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="older studyapp") as info:
        Store.open(old, readonly=True)
    assert "较早版本" in info.value.zh
    newer = tmp_path / "newer.db"
    Store.open(newer).close()
    c = sqlite3.connect(newer)
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="newer studyapp"):
        Store.open(newer, readonly=True)


def test_a_read_only_open_falls_back_to_immutable_when_no_shared_memory_file_can_be_made(tmp_path, monkeypatch):
    """A WAL database in a read-only folder without its -shm file: mode=ro cannot open it
    ("unable to open database file"); nothing can change it, so it is read as immutable."""
    db = tmp_path / "h.db"
    with Store.open(db) as s:
        s.save_attempt(pack_id="core", question_id="q1", answer="安抚", score=50, grading={})
    real = sqlite3.connect
    tried = []

    def connect(database, *args, **kw):
        tried.append(str(database).rsplit("?", 1)[-1])
        if str(database).endswith("?mode=ro"):
            return _Refusing()  # its first statement fails like a folder that cannot hold a -shm file
        return real(database, *args, **kw)

    class _Refusing:
        def execute(self, *a):
            raise sqlite3.OperationalError("unable to open database file")

        def close(self):
            pass

    monkeypatch.setattr(sqlite3, "connect", connect)
    with Store.open(db, readonly=True) as s:
        assert [a.answer for a in s.attempts()] == ["安抚"]
    assert tried == ["mode=ro", "immutable=1"]
