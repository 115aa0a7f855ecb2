"""The practice history and mock-interview sessions, in one SQLite file.

Durability choices (the "nothing typed is lost" promise of the mock interview):

* ``journal_mode=WAL``: a writer appends to the write-ahead log and readers
  are never blocked; a process killed at any instant (``kill -9``) leaves
  the database consistent -- an interrupted transaction is simply not there
  on the next open.
* ``synchronous=NORMAL``: in WAL mode this is still crash-safe for the
  *process* (every committed transaction is in the WAL, which the OS keeps
  even if we are killed); what it gives up is the last commits before an
  *operating-system* crash or power cut, never the integrity of the file.
  ``FULL`` would fsync on every autosave (every 2 s while typing) for no gain
  against the failure we guard against (the app or terminal dying), and an
  fsync can stall the UI for tens of milliseconds on a slow disk.
* Every write is one explicit ``BEGIN IMMEDIATE ... COMMIT`` transaction.
* The schema version lives in ``PRAGMA user_version``; ``_MIGRATIONS`` takes
  any older file forward, each step in its own transaction.

Every failure -- a folder that cannot be created, a file that is not a
database, a disk that refuses writes -- is raised as ``StoreError`` with a
message naming the path, never as a bare ``sqlite3`` traceback.
"""
from __future__ import annotations

import errno
import json
import math
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

from studyapp.core.clock import Clock, SystemClock
from studyapp.core.paths import DB_NAME, default_db_path

ACTIVE = "active"
FINISHED = "finished"
DISCARDED = "discarded"
SESSION_STATUSES = (ACTIVE, FINISHED, DISCARDED)


class StoreError(Exception):
    """The history database cannot be used; ``str(err)`` is a message for the user of the
    command line, ``err.zh`` the same in Chinese for the terminal app."""

    def __init__(
        self, message: str, path: Path | None = None, zh: str | None = None, *, damaged: bool = False
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.zh = zh or message
        # the file itself is damaged (or not a database): Store.move_aside can rename it
        self.damaged = damaged


class DraftConflict(StoreError):
    """A practice draft changed since this writer last read or wrote it (another window or
    another studyapp on the same data folder saved newer text): it is not overwritten."""


class DraftOutline(NamedTuple):
    """The earlier outline a draft answers again (再答一次: shown above the editor, with what
    it missed), kept with the draft so that the draft reopens as it was left. Its grading as
    the review showed it, and what it was graded against: ``core.pastgrading`` reads it as it
    reads an ``Attempt`` (the saved grading while the key points are the same, else the
    outline graded again). Read back from the file, an outline that is not this shape has
    an empty ``answer`` (``DraftOutline.LOST``): the draft says it could not be shown."""

    answer: str
    title: str  # what the box above the editor was called (上一次的提纲, or an answer's date)
    score: float = 0.0
    grading: dict = {}  # Grading.to_dict() of the outline
    basis: str | None = None  # grading_basis() of the question it was graded against

    def to_json(self) -> str:
        return json.dumps(
            {"answer": self.answer, "title": self.title, "score": self.score, "grading": self.grading,
             "basis": self.basis},
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: Any) -> DraftOutline | None:
        """None for a draft that answers nothing again (NULL); LOST if it cannot be read."""
        if text is None:
            return None
        try:
            data = _json_load(text, None) if isinstance(text, str) else None
        except RecursionError:  # (nested too deep: not what the app writes)
            data = None
        if not isinstance(data, dict):
            return LOST_OUTLINE
        answer, title, basis = data.get("answer"), data.get("title"), data.get("basis")
        grading, score = data.get("grading"), _number(data.get("score"))
        if not isinstance(answer, str) or not answer.strip() or not isinstance(title, str):
            return LOST_OUTLINE
        return cls(answer, title, score if score is not None else 0.0,
                   grading if isinstance(grading, dict) else {}, basis if isinstance(basis, str) else None)


LOST_OUTLINE = DraftOutline("", "")


class PracticeDraft(NamedTuple):
    """An answer being written to a practice question, not yet submitted."""

    text: str
    saved_at: datetime
    elapsed_s: float  # time spent on it so far (the practice clock goes on from here)
    # changes at every save: a writer that saves with the rev it last saw overwrites only its
    # own text (Store.save_draft(base=...)), never newer text another window saved
    rev: int = 0
    outline: DraftOutline | None = None  # answering again: the outline shown above it


class DraftCopy(NamedTuple):
    """Text that could not be saved as a question's draft because another window had saved
    newer text there: kept beside it, and restored with it when the question is opened."""

    id: int
    text: str
    saved_at: datetime
    elapsed_s: float


MAX_DRAFT_SECONDS = 24 * 3600.0


@dataclass(frozen=True)
class Attempt:
    """One graded practice answer (or a mock-session answer, with ``session_id``)."""

    id: int
    pack_id: str
    question_id: str
    answer: str
    score: float
    grading: dict
    created_at: datetime
    duration_s: float | None = None
    session_id: int | None = None
    # grading_basis() of the question it was graded against; None if saved before schema 6
    basis: str | None = None


@dataclass(frozen=True)
class Draft:
    """What is saved of one question of a mock session while it runs."""

    index: int
    text: str
    phase: str
    time_left: float | None = None
    think_used: float = 0.0
    answer_used: float = 0.0


@dataclass(frozen=True)
class QuestionResult:
    """The grading of one question when a session finishes."""

    index: int
    score: float
    grading: dict
    basis: str | None = None  # grading_basis() of the question graded


@dataclass(frozen=True)
class SessionQuestion:
    """One question of a stored mock session, with its latest draft and grade."""

    index: int
    pack_id: str
    question_id: str
    prompt: str
    text: str = ""
    phase: str = "pending"
    time_left: float | None = None
    think_used: float = 0.0
    answer_used: float = 0.0
    score: float | None = None
    grading: dict | None = None


@dataclass(frozen=True)
class SessionRecord:
    """A stored mock session; ``state`` is ``MockSession.to_dict()`` at the last save."""

    id: int
    status: str
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None
    config: dict
    state: dict
    questions: tuple[SessionQuestion, ...] = field(default_factory=tuple)

    @property
    def score(self) -> float | None:
        scores = [q.score for q in self.questions if q.score is not None]
        return sum(scores) / len(scores) if scores else None


# --- schema -----------------------------------------------------------------

_V1 = """
CREATE TABLE attempts (
    id          INTEGER PRIMARY KEY,
    pack_id     TEXT NOT NULL,
    question_id TEXT NOT NULL,
    answer      TEXT NOT NULL,
    score       REAL NOT NULL,
    grading     TEXT NOT NULL,          -- JSON of Grading.to_dict()
    created_at  TEXT NOT NULL,          -- ISO 8601, UTC
    duration_s  REAL,
    session_id  INTEGER
);
CREATE INDEX attempts_question ON attempts (pack_id, question_id, id);
"""

_V2 = """
CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    status      TEXT NOT NULL CHECK (status IN ('active', 'finished', 'discarded')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    finished_at TEXT,
    config      TEXT NOT NULL,          -- JSON: how the session was asked for
    state       TEXT NOT NULL           -- JSON: MockSession.to_dict() at the last save
);
CREATE INDEX sessions_status ON sessions (status, id);
CREATE TABLE session_questions (
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    pack_id     TEXT NOT NULL,
    question_id TEXT NOT NULL,
    prompt      TEXT NOT NULL,          -- kept so history reads even without the pack
    text        TEXT NOT NULL DEFAULT '',
    phase       TEXT NOT NULL DEFAULT 'pending',
    time_left   REAL,
    think_used  REAL NOT NULL DEFAULT 0,
    answer_used REAL NOT NULL DEFAULT 0,
    score       REAL,
    grading     TEXT,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (session_id, idx)
);
"""

_V3 = """
CREATE TABLE practice_drafts (
    pack_id     TEXT NOT NULL,
    question_id TEXT NOT NULL,
    text        TEXT NOT NULL,          -- an answer being written, not yet submitted
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (pack_id, question_id)
);
"""

_V4 = """
-- the time spent on the draft so far: the practice clock goes on from it when it is restored
ALTER TABLE practice_drafts ADD COLUMN elapsed_s REAL NOT NULL DEFAULT 0;
"""

# _MIGRATIONS[i] takes a database from user_version i to i + 1.
_V5 = """
-- the candidate's choices that outlive a run of the app (the theme)
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL
);
"""

_V6 = """
-- what an attempt was graded against: grading_basis() of the question when it was saved
-- (NULL for attempts saved before: the saved grading itself is compared with the question)
ALTER TABLE attempts ADD COLUMN basis TEXT;
"""

_V7 = """
-- a practice draft's revision (random, new at every save): a window saves over the draft only
-- while it is the revision that window last saw, otherwise its text goes to a copy beside it
ALTER TABLE practice_drafts ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
CREATE TABLE practice_draft_copies (
    id          INTEGER PRIMARY KEY,
    pack_id     TEXT NOT NULL,
    question_id TEXT NOT NULL,
    text        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    elapsed_s   REAL NOT NULL DEFAULT 0
);
CREATE INDEX practice_draft_copies_question ON practice_draft_copies (pack_id, question_id, id);
"""

_V8 = """
-- a draft written answering again (再答一次): the earlier outline shown above it, as JSON
-- (DraftOutline), so that the draft reopens with it (NULL for any other draft)
ALTER TABLE practice_drafts ADD COLUMN outline TEXT;
"""

_MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8)
SCHEMA_VERSION = len(_MIGRATIONS)


def grading_basis(question: Any) -> str:
    """A fingerprint of what a grading of ``question`` depends on in the pack: each key
    point's id, text, weight and keyword groups, in order. A saved grading is shown as it
    was only while the question's basis is the one saved with it (the tutor may rewrite a
    point and keep its id). Whitespace inside a point's text does not count."""
    points = [
        [kp.id, " ".join(str(kp.point).split()), float(kp.weight), [list(group) for group in kp.keywords]]
        for kp in question.key_points
    ]
    data = json.dumps(points, ensure_ascii=False, separators=(",", ":"))
    import hashlib  # (here, not at start-up: OpenSSL's load is ~2.5 ms of every start)

    return "1:" + hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def _iso(dt: datetime) -> str:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).isoformat()


def _dt(text: str | None) -> datetime | None:
    if text is None:
        return None
    dt = datetime.fromisoformat(text)
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _number(value: Any) -> float | None:
    return float(value) if type(value) in (int, float) and math.isfinite(value) else None


def _seconds(value: Any) -> float:
    """A draft's seconds from the database (outside input): 0 unless a sane number."""
    v = _number(value)
    return 0.0 if v is None or v < 0 else min(v, MAX_DRAFT_SECONDS)


def _safe_dt(text: Any) -> datetime:
    try:
        return _dt(text) or datetime.fromtimestamp(0, timezone.utc)
    except (TypeError, ValueError):
        return datetime.fromtimestamp(0, timezone.utc)


def _json_load(text: str | None, default: Any) -> Any:
    if text is None:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default


def _store_error(p: Path, exc: BaseException | None, readonly: bool = False) -> StoreError:
    """An SQLite failure at ``p`` as a StoreError that says what to do, in English and Chinese."""
    msg = str(exc)
    low = msg.lower()
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        en = (f"{p}: is not a usable studyapp database ({msg}); start `studyapp` to rename it to "
              f"{p.name}.damaged-DATE (kept, never deleted) and start a new one, or move it away yourself")
        zh = (f"{p}：不是可用的 studyapp 数据库（{msg}）；可以把它改名为 {p.name}.damaged-日期"
              "（文件原样保留，不会删除），studyapp 会新建一个")
        return StoreError(en, p, zh=zh, damaged=True)
    elif readonly and ("readonly" in low or "read-only" in low):
        en = f"{p}: the history database is open only for reading here, nothing can be saved ({msg})"
        zh = f"{p}：练习记录数据库在这里只能读取，无法保存（{msg}）"
    elif readonly and ("unable to open" in low or "permission" in low):
        en = f"{p}: cannot read the history database ({msg}); check the file's permissions"
        zh = f"{p}：无法读取练习记录数据库（{msg}）；请检查文件的权限"
    elif "readonly" in low or "read-only" in low or "unable to open" in low or "permission" in low:
        en = f"{p}: cannot write the history database ({msg}); check the folder's permissions"
        zh = f"{p}：无法写入练习记录数据库（{msg}）；请检查文件夹的权限"
    elif "disk" in low and "full" in low:
        en = f"{p}: the disk is full, the history could not be saved ({msg})"
        zh = f"{p}：磁盘已满，练习记录没能保存（{msg}）"
    elif "locked" in low or "busy" in low:
        en = f"{p}: the history database is busy in another studyapp ({msg})"
        zh = f"{p}：练习记录数据库正被另一个 studyapp 使用（{msg}）"
    else:
        en = f"{p}: history database error ({msg})"
        zh = f"{p}：练习记录数据库出错（{msg}）"
    return StoreError(en, p, zh=zh)


class Store:
    """Open with ``Store.open()``; close with ``close()`` or use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock, readonly: bool = False) -> None:
        self._conn = conn
        self.path = path
        self._clock = clock
        self._lock = threading.RLock()
        self.readonly = readonly

    # --- opening -----------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path | str | None = None, clock: Clock | None = None, *, readonly: bool = False
    ) -> "Store":
        """Open (creating if needed) the database at ``path``.

        ``path`` may be the database file or a folder (the file is then
        ``studyapp.db`` inside it); a path that does not exist yet is taken
        as a folder unless it has a suffix (``history.db``). Default:
        ``data_dir()/studyapp.db``.

        ``readonly=True`` opens an existing database only to read it (for
        ``studyapp history`` on a data folder that cannot be written): nothing
        is created or migrated, and every write raises ``StoreError``.
        """
        db = cls._db_path(path)
        if readonly:
            return cls._open_readonly(db, clock)
        folder = db.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"{folder}: cannot create the data folder ({exc.strerror or exc}); "
                "set STUDYAPP_DATA_DIR to a writable folder",
                db,
                zh=f"{folder}：无法创建数据文件夹（{exc.strerror or exc}）；"
                "请把环境变量 STUDYAPP_DATA_DIR 设为一个可以写入的文件夹",
            ) from None
        if db.exists() and not db.is_file():
            raise StoreError(
                f"{db}: is not a regular file, cannot use it as the history database",
                db,
                zh=f"{db}：不是普通文件，不能用作练习记录数据库",
            )
        try:
            conn = sqlite3.connect(str(db), isolation_level=None, check_same_thread=False, timeout=5.0)
        except sqlite3.Error as exc:
            raise StoreError(
                f"{db}: cannot open the history database ({exc})", db, zh=f"{db}：无法打开练习记录数据库（{exc}）"
            ) from None
        store = cls(conn, db, clock or SystemClock())
        try:
            store._setup()
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise store._error(exc) from None
        return store

    @staticmethod
    def _db_path(path: Path | str | None) -> Path:
        db = Path(path) if path is not None else default_db_path()
        if db.is_dir() or (not db.exists() and not db.suffix):
            db = db / DB_NAME
        return db

    @classmethod
    def damaged_file(cls, path: Path | str | None = None) -> StoreError | None:
        """Why the database at ``path`` (as ``open`` finds it) is damaged or not a database,
        or None (no file, or one that is fine or unusable for another reason). Only reads."""
        db = cls._db_path(path)
        if not db.is_file():
            return None
        try:
            cls._open_readonly(db, None).close()
        except StoreError as exc:
            return exc if exc.damaged else None
        return None

    @classmethod
    def move_aside(cls, path: Path | str | None = None, clock: Clock | None = None) -> Path:
        """Rename a damaged database (and its -wal / -shm / -journal files, which belong to
        it) to ``studyapp.db.damaged-YYYYMMDD-HHMMSS`` in the same folder, never deleting
        anything, so ``open`` starts a new one; returns the new name. ``StoreError`` if the
        rename fails."""
        db = cls._db_path(path)
        stamp = (clock or SystemClock()).now().astimezone().strftime("%Y%m%d-%H%M%S")
        target = db.with_name(f"{db.name}.damaged-{stamp}")
        n = 1
        while any(Path(f"{target}{s}").exists() for s in ("", "-wal", "-shm", "-journal")):
            n += 1
            target = db.with_name(f"{db.name}.damaged-{stamp}-{n}")
        try:
            db.rename(target)
            for suffix in ("-wal", "-shm", "-journal"):
                side = Path(f"{db}{suffix}")
                if side.exists():
                    side.rename(f"{target}{suffix}")
        except OSError as exc:
            raise StoreError(
                f"{db}: cannot rename it to {target.name} ({exc.strerror or exc})",
                db,
                zh=f"{db}：无法改名为 {target.name}（{exc.strerror or exc}）",
            ) from None
        return target

    @classmethod
    def _open_readonly(cls, db: Path, clock: Clock | None) -> "Store":
        """SQLite ``mode=ro``; when even that cannot open it (a WAL database whose folder
        is read-only and holds no ``-shm`` file to share), ``immutable=1``: nothing can
        change a file no one can write."""
        if not db.exists():
            raise StoreError(
                f"{db}: there is no history database (nothing has been saved yet)",
                db,
                zh=f"{db}：还没有练习记录数据库（尚未保存过任何记录）",
            )
        if not db.is_file():
            raise StoreError(
                f"{db}: is not a regular file, cannot use it as the history database",
                db,
                zh=f"{db}：不是普通文件，不能用作练习记录数据库",
            )
        uri = db.absolute().as_uri()
        last: sqlite3.Error | None = None
        for query in ("mode=ro", "immutable=1"):
            try:
                conn = sqlite3.connect(
                    f"{uri}?{query}", uri=True, isolation_level=None, check_same_thread=False, timeout=5.0
                )
            except sqlite3.Error as exc:
                last = exc
                continue
            store = cls(conn, db, clock or SystemClock(), readonly=True)
            try:
                store._setup_readonly()
            except StoreError:
                conn.close()
                raise
            except sqlite3.Error as exc:
                conn.close()
                last = exc
                if "unable to open" in str(exc).lower():
                    continue  # no -shm and none can be made: read it as immutable
                raise store._error(exc) from None
            return store
        raise _store_error(db, last, readonly=True) from None

    def _check_contents(self) -> int:
        """The checks every open makes, reading only: a damaged file, another program's
        database, one written by a newer studyapp. Returns the schema version."""
        c = self._conn
        ok = c.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            p = self.path
            raise StoreError(
                f"{p}: the history database is damaged ({ok}); start `studyapp` to rename it to "
                f"{p.name}.damaged-DATE (kept, never deleted) and start a new one, or move it away yourself",
                p,
                zh=f"{p}：练习记录数据库已损坏（{ok}）；可以把它改名为 {p.name}.damaged-日期"
                "（文件原样保留，不会删除），studyapp 会新建一个",
                damaged=True,
            )
        version = c.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer studyapp (schema {version}, this one knows "
                f"{SCHEMA_VERSION}); upgrade studyapp or set STUDYAPP_DATA_DIR to another folder",
                self.path,
                zh=f"{self.path}：由更新版本的 studyapp 写入（数据版本 {version}，本版本只认识 {SCHEMA_VERSION}）；"
                "请升级 studyapp，或把 STUDYAPP_DATA_DIR 设为另一个文件夹",
            )
        if version == 0 and self._has_foreign_tables():
            raise StoreError(
                f"{self.path}: is an SQLite database of some other program, not studyapp's history",
                self.path,
                zh=f"{self.path}：是其他程序的 SQLite 数据库，不是 studyapp 的练习记录",
            )
        return version

    def _setup_readonly(self) -> None:
        """The checks of ``_setup`` that only read, and an older schema refused (it cannot
        be migrated here)."""
        version = self._check_contents()
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by an older studyapp (schema {version}) and cannot be brought up to "
                "date while it cannot be written; run studyapp once where the folder can be written",
                self.path,
                zh=f"{self.path}：由较早版本的 studyapp 写入（数据版本 {version}），文件不能写入，无法升级；"
                "请在可以写入的地方运行一次 studyapp",
            )

    def _error(self, exc: BaseException) -> StoreError:
        """An SQLite failure as a StoreError that says what to do, in English and Chinese."""
        return _store_error(self.path, exc, self.readonly)

    def _setup(self) -> None:
        c = self._conn
        c.execute("PRAGMA foreign_keys = ON")
        mode = c.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(
                f"{self.path}: cannot switch the database to WAL mode (got {mode!r})",
                self.path,
                zh=f"{self.path}：无法把数据库切换到 WAL 模式（得到 {mode!r}）",
            )
        c.execute("PRAGMA synchronous = NORMAL")
        version = self._check_contents()
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self._tx() as cur:
                for stmt in _MIGRATIONS[target - 1].split(";"):
                    if stmt.strip():
                        cur.execute(stmt)
                cur.execute(f"PRAGMA user_version = {int(target)}")
        # Prove we can write (a read-only file passes every check above).
        with self._tx() as cur:
            cur.execute("PRAGMA user_version = %d" % SCHEMA_VERSION)

    def _has_foreign_tables(self) -> bool:
        rows = self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return bool(rows)

    def close(self) -> None:
        with self._lock:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._read(lambda c: c.execute("PRAGMA user_version").fetchone()[0])

    # --- plumbing ------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Cursor]:
        """One write transaction; any sqlite error becomes a StoreError, nothing half-written."""
        with self._lock:
            cur = self._conn.cursor()
            try:
                cur.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._error(exc) from None
            try:
                yield cur
                cur.execute("COMMIT")
            except BaseException as exc:
                try:
                    self._conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                if isinstance(exc, sqlite3.Error):
                    raise self._error(exc) from None
                raise
            finally:
                cur.close()

    def _read(self, fn):
        with self._lock:
            try:
                return fn(self._conn)
            except sqlite3.Error as exc:
                raise self._error(exc) from None

    def _now(self) -> str:
        return _iso(self._clock.now())

    # --- practice attempts -----------------------------------------------------

    def save_attempt(
        self,
        *,
        pack_id: str,
        question_id: str,
        answer: str,
        score: float,
        grading: dict,
        duration_s: float | None = None,
        session_id: int | None = None,
        basis: str | None = None,
    ) -> int:
        """Keep one graded answer; ``basis`` is ``grading_basis(question)`` of the question it
        was graded against (without it, the saved grading is later compared point by point)."""
        payload = json.dumps(grading, ensure_ascii=False)
        with self._tx() as cur:
            cur.execute(
                "INSERT INTO attempts (pack_id, question_id, answer, score, grading, created_at, "
                "duration_s, session_id, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (pack_id, question_id, answer, float(score), payload, self._now(), duration_s, session_id, basis),
            )
            return int(cur.lastrowid)

    # --- settings: small choices kept between runs (the theme) --------------------------

    def setting(self, key: str) -> str | None:
        """A kept choice, or None (also for a value that is not text: the file is outside input)."""
        row = self._read(lambda c: c.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone())
        return row[0] if row is not None and isinstance(row[0], str) else None

    def set_setting(self, key: str, value: str) -> None:
        with self._tx() as cur:
            cur.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # --- practice drafts: an answer being written, kept until it is submitted -------------

    def save_draft(
        self,
        pack_id: str,
        question_id: str,
        text: str,
        elapsed_s: float = 0.0,
        *,
        base: int | None = None,
        drop_copies: Sequence[int] = (),
        outline: DraftOutline | None = None,
    ) -> int:
        """Keep the answer being written to a question and the seconds spent on it so far
        (an empty answer removes the draft); returns the draft's new ``rev`` (0 if removed).
        ``outline``: the earlier outline it answers again, shown above it (None: none).

        With ``base`` (the rev this writer last read or saved; 0: there was no draft), the
        draft is written only over that revision or where there is none: if another window
        saved newer text since, ``DraftConflict`` is raised and nothing changes (the caller
        keeps its text with ``save_draft_copy``). ``drop_copies``: copies the text being
        saved took in when it was restored, removed in the same transaction."""
        with self._tx() as cur:
            if base is not None:
                row = cur.execute(
                    "SELECT rev FROM practice_drafts WHERE pack_id = ? AND question_id = ?", (pack_id, question_id)
                ).fetchone()
                if row is not None and row[0] != base:
                    raise DraftConflict(
                        f"{self.path}: the draft of {question_id} was saved by another window since; not overwritten",
                        self.path,
                        zh="这道题的草稿刚在另一个窗口（或另一个 studyapp）里保存过，没有覆盖它",
                    )
            if drop_copies:
                cur.executemany("DELETE FROM practice_draft_copies WHERE id = ?", [(int(i),) for i in drop_copies])
            if not text.strip():
                cur.execute(
                    "DELETE FROM practice_drafts WHERE pack_id = ? AND question_id = ?", (pack_id, question_id)
                )
                return 0
            rev = (int.from_bytes(os.urandom(7), "big") >> 4) + 1  # 52 random bits (not secrets: it loads OpenSSL)
            cur.execute(
                "INSERT INTO practice_drafts (pack_id, question_id, text, updated_at, elapsed_s, rev, outline) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (pack_id, question_id) DO UPDATE SET text = excluded.text, "
                "updated_at = excluded.updated_at, elapsed_s = excluded.elapsed_s, rev = excluded.rev, "
                "outline = excluded.outline",
                (pack_id, question_id, text, self._now(), _seconds(elapsed_s), rev,
                 outline.to_json() if outline is not None else None),
            )
            return rev

    def draft(self, pack_id: str, question_id: str) -> PracticeDraft | None:
        """The draft for a question (text, when it was saved, seconds spent on it, rev, the
        outline it answers again), or None."""
        row = self._read(
            lambda c: c.execute(
                "SELECT text, updated_at, elapsed_s, rev, outline FROM practice_drafts "
                "WHERE pack_id = ? AND question_id = ?",
                (pack_id, question_id),
            ).fetchone()
        )
        if row is None:
            return None
        text = _text(row[0])
        rev = row[3] if type(row[3]) is int else -1  # (a damaged rev matches no writer's)
        if not text.strip():
            return None
        return PracticeDraft(text, _safe_dt(row[1]), _seconds(row[2]), rev, DraftOutline.from_json(row[4]))

    def delete_draft(
        self, pack_id: str, question_id: str, *, base: int | None = None, copies: Sequence[int] = ()
    ) -> None:
        """Remove a question's draft (with ``base``: only while it is still that revision,
        never newer text another window saved) and the given copies."""
        try:
            self.save_draft(pack_id, question_id, "", base=base, drop_copies=copies)
        except DraftConflict:
            if copies:
                with self._tx() as cur:
                    cur.executemany("DELETE FROM practice_draft_copies WHERE id = ?", [(int(i),) for i in copies])

    def save_draft_copy(
        self, pack_id: str, question_id: str, text: str, elapsed_s: float = 0.0, copy_id: int | None = None
    ) -> int | None:
        """Keep text beside a question's draft (``DraftConflict``: another window's newer
        text is there); ``copy_id`` updates the copy this writer made before (a new one if it
        is gone). Returns the copy's id, None when empty text removed it."""
        with self._tx() as cur:
            if copy_id is not None:
                if not text.strip():
                    cur.execute("DELETE FROM practice_draft_copies WHERE id = ?", (int(copy_id),))
                    return None
                cur.execute(
                    "UPDATE practice_draft_copies SET text = ?, updated_at = ?, elapsed_s = ? WHERE id = ?",
                    (text, self._now(), _seconds(elapsed_s), int(copy_id)),
                )
                if cur.rowcount:
                    return copy_id
            if not text.strip():
                return None
            cur.execute(
                "INSERT INTO practice_draft_copies (pack_id, question_id, text, updated_at, elapsed_s) "
                "VALUES (?, ?, ?, ?, ?)",
                (pack_id, question_id, text, self._now(), _seconds(elapsed_s)),
            )
            return int(cur.lastrowid)

    def draft_copies(self, pack_id: str, question_id: str) -> list[DraftCopy]:
        """The copies kept beside a question's draft, oldest first."""
        rows = self._read(
            lambda c: c.execute(
                "SELECT id, text, updated_at, elapsed_s FROM practice_draft_copies "
                "WHERE pack_id = ? AND question_id = ? ORDER BY id",
                (pack_id, question_id),
            ).fetchall()
        )
        return [
            DraftCopy(r[0], _text(r[1]), _safe_dt(r[2]), _seconds(r[3])) for r in rows if _text(r[1]).strip()
        ]

    def draft_keys(self) -> set[tuple[str, str]]:
        """(pack_id, question_id) of every question with a draft (or a copy beside one)."""
        rows = self._read(
            lambda c: c.execute(
                "SELECT pack_id, question_id FROM practice_drafts "
                "UNION SELECT pack_id, question_id FROM practice_draft_copies"
            ).fetchall()
        )
        return {(_text(a), _text(b)) for a, b in rows}

    @staticmethod
    def _attempt(row: sqlite3.Row | tuple) -> Attempt | None:
        """The row as an Attempt, or None if it is damaged (the database file is outside
        input: SQLite keeps text in a REAL column, a date may not parse)."""
        id_, pack_id, question_id, answer, score, grading, created_at, duration_s, session_id, basis = row
        if not all(isinstance(v, str) for v in (pack_id, question_id, answer)):
            return None
        if type(score) not in (int, float) or not math.isfinite(score):
            return None
        try:
            when = _dt(created_at)
        except (TypeError, ValueError):
            return None
        if type(duration_s) not in (int, float) or not math.isfinite(duration_s) or duration_s < 0:
            duration_s = None
        grading = _json_load(grading, {}) if isinstance(grading, str) else {}
        return Attempt(
            id=id_,
            pack_id=pack_id,
            question_id=question_id,
            answer=answer,
            score=float(score),
            grading=grading if isinstance(grading, dict) else {},
            created_at=when,
            duration_s=duration_s,
            session_id=session_id if type(session_id) is int else None,
            basis=basis if isinstance(basis, str) else None,
        )

    _ATTEMPT_COLS = "id, pack_id, question_id, answer, score, grading, created_at, duration_s, session_id, basis"

    def attempts(
        self,
        *,
        pack_id: str | None = None,
        question_id: str | None = None,
        limit: int | None = None,
        practice_only: bool = False,
    ) -> list[Attempt]:
        """Attempts, newest first; ``practice_only`` leaves out answers given in mock sessions."""
        where, params = [], []
        if pack_id is not None:
            where.append("pack_id = ?")
            params.append(pack_id)
        if question_id is not None:
            where.append("question_id = ?")
            params.append(question_id)
        if practice_only:
            where.append("session_id IS NULL")
        sql = f"SELECT {self._ATTEMPT_COLS} FROM attempts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        rows = self._read(lambda c: c.execute(sql, params).fetchall())
        return [a for a in map(self._attempt, rows) if a is not None]

    def last_attempts(self) -> dict[tuple[str, str], Attempt]:
        sql = (
            f"SELECT {self._ATTEMPT_COLS} FROM attempts WHERE id IN "
            "(SELECT MAX(id) FROM attempts GROUP BY pack_id, question_id)"
        )
        rows = self._read(lambda c: c.execute(sql).fetchall())
        out = {}
        for r in rows:
            a = self._attempt(r)
            if a is not None:
                out[(a.pack_id, a.question_id)] = a
        return out

    # --- mock sessions ---------------------------------------------------------

    def create_session(
        self,
        *,
        config: dict,
        questions: Sequence[tuple[str, str, str]],
        state: dict,
    ) -> int:
        """Start a session; ``questions`` are (pack_id, question_id, prompt) in order."""
        now = self._now()
        with self._tx() as cur:
            cur.execute(
                "INSERT INTO sessions (status, created_at, updated_at, config, state) VALUES (?, ?, ?, ?, ?)",
                (ACTIVE, now, now, json.dumps(config, ensure_ascii=False), json.dumps(state, ensure_ascii=False)),
            )
            sid = int(cur.lastrowid)
            cur.executemany(
                "INSERT INTO session_questions (session_id, idx, pack_id, question_id, prompt, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(sid, i, p, q, prompt, now) for i, (p, q, prompt) in enumerate(questions)],
            )
            return sid

    def save_session(self, session_id: int, *, state: dict, drafts: Iterable[Draft] = ()) -> None:
        """Autosave: the machine state and the drafts, all in one transaction."""
        now = self._now()
        with self._tx() as cur:
            cur.execute(
                "UPDATE sessions SET state = ?, updated_at = ? WHERE id = ? AND status = ?",
                (json.dumps(state, ensure_ascii=False), now, session_id, ACTIVE),
            )
            if cur.rowcount == 0:
                raise StoreError(
                    f"{self.path}: session {session_id} is not active, not saved",
                    self.path,
                    zh=f"{self.path}：第 {session_id} 场模拟面试已不在进行中，没有保存",
                )
            cur.executemany(
                "UPDATE session_questions SET text = ?, phase = ?, time_left = ?, think_used = ?, "
                "answer_used = ?, updated_at = ? WHERE session_id = ? AND idx = ?",
                [
                    (d.text, d.phase, d.time_left, d.think_used, d.answer_used, now, session_id, d.index)
                    for d in drafts
                ],
            )

    def finish_session(
        self,
        session_id: int,
        *,
        state: dict,
        drafts: Iterable[Draft] = (),
        results: Iterable[QuestionResult] = (),
    ) -> None:
        """Mark finished, store the final drafts and grades, and add each answer to the attempts."""
        drafts = list(drafts)
        results = {r.index: r for r in results}
        now = self._now()
        with self._tx() as cur:
            cur.execute(
                "UPDATE sessions SET status = ?, state = ?, updated_at = ?, finished_at = ? "
                "WHERE id = ? AND status = ?",
                (FINISHED, json.dumps(state, ensure_ascii=False), now, now, session_id, ACTIVE),
            )
            if cur.rowcount == 0:
                raise StoreError(
                    f"{self.path}: session {session_id} is not active, cannot finish it",
                    self.path,
                    zh=f"{self.path}：第 {session_id} 场模拟面试已不在进行中，无法结束",
                )
            for d in drafts:
                cur.execute(
                    "UPDATE session_questions SET text = ?, phase = ?, time_left = ?, think_used = ?, "
                    "answer_used = ?, updated_at = ? WHERE session_id = ? AND idx = ?",
                    (d.text, d.phase, d.time_left, d.think_used, d.answer_used, now, session_id, d.index),
                )
            for r in results.values():
                cur.execute(
                    "UPDATE session_questions SET score = ?, grading = ? WHERE session_id = ? AND idx = ?",
                    (float(r.score), json.dumps(r.grading, ensure_ascii=False), session_id, r.index),
                )
            rows = cur.execute(
                "SELECT idx, pack_id, question_id, text, think_used, answer_used FROM session_questions "
                "WHERE session_id = ? ORDER BY idx",
                (session_id,),
            ).fetchall()
            for idx, pack_id, question_id, text, think_used, answer_used in rows:
                r = results.get(idx)
                if r is None:
                    continue
                cur.execute(
                    "INSERT INTO attempts (pack_id, question_id, answer, score, grading, created_at, "
                    "duration_s, session_id, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        pack_id,
                        question_id,
                        text,
                        float(r.score),
                        json.dumps(r.grading, ensure_ascii=False),
                        now,
                        (think_used or 0.0) + (answer_used or 0.0),
                        session_id,
                        r.basis,
                    ),
                )

    def discard_session(self, session_id: int) -> None:
        """Mark an unfinished session discarded (its drafts stay in the file, out of the way)."""
        with self._tx() as cur:
            cur.execute(
                "UPDATE sessions SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                (DISCARDED, self._now(), session_id, ACTIVE),
            )

    def _session_from_row(self, c: sqlite3.Connection, row: tuple) -> SessionRecord:
        sid, status, created_at, updated_at, finished_at, config, state = row
        qrows = c.execute(
            "SELECT idx, pack_id, question_id, prompt, text, phase, time_left, think_used, answer_used, "
            "score, grading FROM session_questions WHERE session_id = ? ORDER BY idx",
            (sid,),
        ).fetchall()
        # The file is outside input: a value of the wrong type (SQLite keeps text in a REAL
        # column) reads as missing, a date that does not parse as the epoch.
        questions = tuple(
            SessionQuestion(
                index=q[0] if type(q[0]) is int else i,
                pack_id=_text(q[1]),
                question_id=_text(q[2]),
                prompt=_text(q[3]),
                text=_text(q[4]),
                phase=_text(q[5]) or "pending",
                time_left=_number(q[6]),
                think_used=_number(q[7]) or 0.0,
                answer_used=_number(q[8]) or 0.0,
                score=_number(q[9]),
                grading=_json_load(q[10], None) if isinstance(q[10], str) else None,
            )
            for i, q in enumerate(qrows)
        )
        state = _json_load(state, {}) if isinstance(state, str) else {}
        config = _json_load(config, {}) if isinstance(config, str) else {}
        return SessionRecord(
            id=sid,
            status=status,
            created_at=_safe_dt(created_at),
            updated_at=_safe_dt(updated_at),
            finished_at=_safe_dt(finished_at) if finished_at is not None else None,
            config=config if isinstance(config, dict) else {},
            state=state if isinstance(state, dict) else {},
            questions=questions,
        )

    _SESSION_COLS = "id, status, created_at, updated_at, finished_at, config, state"

    def session(self, session_id: int) -> SessionRecord | None:
        def q(c):
            row = c.execute(f"SELECT {self._SESSION_COLS} FROM sessions WHERE id = ?", (session_id,)).fetchone()
            return self._session_from_row(c, row) if row else None

        return self._read(q)

    def unfinished_session(self) -> SessionRecord | None:
        """The newest session still active (the app was closed or killed during it)."""

        def q(c):
            row = c.execute(
                f"SELECT {self._SESSION_COLS} FROM sessions WHERE status = ? ORDER BY id DESC LIMIT 1",
                (ACTIVE,),
            ).fetchone()
            return self._session_from_row(c, row) if row else None

        return self._read(q)

    def sessions(self, *, status: str | None = None, limit: int | None = None) -> list[SessionRecord]:
        """Sessions newest first; by default all but the discarded ones."""

        def q(c):
            if status is None:
                sql, params = f"SELECT {self._SESSION_COLS} FROM sessions WHERE status != ?", [DISCARDED]
            else:
                sql, params = f"SELECT {self._SESSION_COLS} FROM sessions WHERE status = ?", [status]
            sql += " ORDER BY id DESC"
            if limit is not None:
                sql += " LIMIT ?"
                params.append(int(limit))
            return [self._session_from_row(c, r) for r in c.execute(sql, params).fetchall()]

        return self._read(q)


LOCK_NAME = "studyapp.lock"


class FolderLock:
    """Says that a studyapp app is using a data folder, so a second one can be told.

    ``<folder>/studyapp.lock`` holds the process id of the app using the folder, under an
    OS lock (``flock``; ``msvcrt.locking`` on Windows) that lives as long as the process:
    an app that was killed (``kill -9``, a closed terminal) leaves the file behind, but not
    the lock, so the file is stale at once and the next app takes it over. Where the OS
    cannot lock the file (some network drives), nothing is claimed and nothing is said."""

    def __init__(self, file: Any) -> None:
        self._file = file

    @classmethod
    def claim(cls, folder: Path | str) -> tuple["FolderLock | None", str | None]:
        """(the lock, None), or (None, the other app's process id as text, "" if unknown)
        when another app holds it, or (None, None) when the folder cannot be locked."""
        path = Path(folder) / LOCK_NAME
        try:
            f = open(path, "a+", encoding="utf-8")
        except OSError:
            return None, None
        try:
            if not _try_lock(f):
                f.seek(0)
                other = f.read(64).strip()
                f.close()
                return None, other if other.isdigit() else ""
            f.seek(0)
            f.truncate()
            f.write(f"{os.getpid()}\n")
            f.flush()
        except OSError:
            f.close()
            return None, None
        return cls(f), None

    def release(self) -> None:
        if self._file is None:
            return
        try:
            _unlock(self._file)
        except OSError:
            pass
        self._file.close()
        self._file = None


def _try_lock(f: Any) -> bool:
    """True if this process now holds ``f``'s lock, False if another one does; OSError when
    the file cannot be locked at all."""
    try:
        import fcntl
    except ImportError:
        import msvcrt  # Windows

        f.seek(0)
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK):
                return False
            raise
        return True
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def _unlock(f: Any) -> None:
    try:
        import fcntl
    except ImportError:
        import msvcrt

        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
