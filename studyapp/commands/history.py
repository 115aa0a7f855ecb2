"""``studyapp history [--json] [--limit N]``: mock-interview sessions and practice attempts.

Reads the history database without importing Textual, and without creating
one when there is none yet. A database that cannot be written (a read-only
folder or file) is opened read-only: history only reads.
"""
from __future__ import annotations

import json
import sys

from studyapp.core.textio import cell_width, clip_cells, cut_cells, terminal_safe


def add_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="show at most N sessions and N attempts (newest first)")


def _local(dt) -> str:
    return dt.astimezone().strftime("%Y-%m-%d %H:%M") if dt else ""


def _score(v) -> str:
    return "–" if v is None else f"{v:.0f}"


def _session_dict(s) -> dict:
    from studyapp.core.report import count_chars
    from studyapp.core.session import saved_notes, split_notes

    def parts(q) -> tuple[str, str]:  # (the thinking notes, the answer), as the report splits them
        return split_notes(q.text, saved_notes(s.state, q.index, q.question_id))

    return {
        "id": s.id,
        "status": s.status,
        "created_at": s.created_at.isoformat(),
        "finished_at": s.finished_at.isoformat() if s.finished_at else None,
        "score": None if s.score is None else round(s.score, 1),
        "config": s.config,
        "questions": [
            {
                "index": q.index,
                "pack_id": q.pack_id,
                "question_id": q.question_id,
                "prompt": q.prompt,
                # what was typed while thinking, and after: the score is of both, 字 of the answer
                "notes": parts(q)[0],
                "answer": parts(q)[1],
                "characters": count_chars(parts(q)[1]),
                "think_used_s": q.think_used,
                "answer_used_s": q.answer_used,
                "score": q.score,
                "missed": [p["id"] for p in _verdicts(q.grading) if p["status"] == "missed"],
            }
            for q in s.questions
        ],
    }


def _attempt_dict(a) -> dict:
    from studyapp.core.report import count_chars

    return {
        "id": a.id,
        "pack_id": a.pack_id,
        "question_id": a.question_id,
        "created_at": a.created_at.isoformat(),
        "score": a.score,
        "duration_s": a.duration_s,
        "characters": count_chars(a.answer),
        "answer": a.answer,
        "points": _verdicts(a.grading),
    }


def _verdicts(grading) -> list[dict]:
    """Each key point's id and status (covered / partial / missed) as the stored grading
    has them; the database is outside input, so anything else in it is left out."""
    points = grading.get("points") if isinstance(grading, dict) else None
    return [
        {"id": p["id"], "status": p["status"]}
        for p in (points if isinstance(points, list) else [])
        if isinstance(p, dict) and isinstance(p.get("id"), str) and isinstance(p.get("status"), str)
    ]


def _unusable_folder(db) -> str | None:
    """Why the data folder holding ``db`` cannot be used (a file where the folder should
    be, no permission), or None: no database yet is not a problem, only no history."""
    import os

    from studyapp.core.textio import terminal_safe

    folder = db.parent
    try:
        os.stat(db)
    except FileNotFoundError:
        return None  # the folder may not exist yet either: nothing has been saved
    except NotADirectoryError:
        return terminal_safe(
            f"{folder}: the data folder is not a folder (a file is in its place); "
            "set STUDYAPP_DATA_DIR to a folder"
        )
    except OSError as exc:
        return terminal_safe(f"{folder}: cannot read the data folder ({exc.strerror or exc})")
    return None


def _open_store(path):
    """The store as the app opens it (bringing an older file up to date), or, when that
    fails (a folder or file that cannot be written), opened only to read. When both fail,
    the read-only open's reason: it says what is wrong with the file itself."""
    from studyapp.core.store import Store, StoreError

    try:
        return Store.open(path)
    except StoreError:
        pass
    return Store.open(path, readonly=True)


def run(args) -> int:
    from studyapp.core.paths import default_db_path
    from studyapp.core.store import Store, StoreError

    limit = args.limit
    if limit is not None and limit < 1:
        print("studyapp history: error: --limit must be at least 1", file=sys.stderr)
        return 2
    path = default_db_path()
    sessions, attempts = [], []
    unusable = _unusable_folder(path)
    if unusable is not None:
        print(f"studyapp history: error: {unusable}", file=sys.stderr)
        return 1
    # (an empty file holds no history: opening it as the app does would write a new database
    # into it, and history only reads)
    if path.exists() and not (path.is_file() and path.stat().st_size == 0):
        try:
            with _open_store(path) as store:
                sessions = store.sessions(limit=limit)
                attempts = store.attempts(limit=limit, practice_only=True)
        except StoreError as exc:
            print(f"studyapp history: error: {exc}", file=sys.stderr)
            return 1

    if args.json:
        json.dump(
            {
                "database": str(path),
                "sessions": [_session_dict(s) for s in sessions],
                "attempts": [_attempt_dict(a) for a in attempts],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
        return 0

    if not sessions and not attempts:
        print(f"还没有记录（{terminal_safe(str(path))}）：先练一道题，或运行 studyapp mock。")
        return 0
    for line in table_lines(sessions, attempts, _terminal_width(), limited=limit is not None):
        print(line)
    return 0


# At a terminal the table is cut to its width (a split pane may be 60 columns): Chinese
# first, ids in a column after it, and an id too long for its room wrapped onto the next
# line rather than cut (the id says which question it was). In a pipe or a file every line
# is printed whole, so grep finds any id and prompt.
STATUS_ZH = {"finished": "已完成", "active": "未完成"}


def _terminal_width() -> int | None:
    """Columns of the terminal standard output is, or None when it is a pipe or a file."""
    import shutil

    try:
        if not sys.stdout.isatty():
            return None
    except (AttributeError, ValueError, OSError):
        return None
    return shutil.get_terminal_size().columns


def _pad(text: str, cells: int) -> str:
    """``text`` padded with spaces to ``cells`` terminal columns (CJK counts two)."""
    return text + " " * max(0, cells - cell_width(text))


def _one_line(text: str) -> str:
    """``text`` on one line (white space folded), terminal-safe, whole."""
    return terminal_safe(" ".join(str(text).split()))


def _wrap(text: str, cells: int) -> list[str]:
    """``text`` in pieces of at most ``cells`` terminal columns (at least one character each)."""
    pieces, cur, used = [], "", 0
    for ch in text:
        w = cell_width(ch)
        if cur and used + w > cells:
            pieces.append(cur)
            cur, used = "", 0
        cur += ch
        used += w
    return pieces + [cur] if cur or not pieces else pieces


def _points(v) -> str:
    return "  –   " if v is None else f"{v:>3.0f} 分"


def _id_lines(head: str, before: str, qid: str, width: int) -> list[str]:
    """``head`` + ``before`` cut to the width, then ``qid`` whole on the lines under it,
    wrapped and indented under ``before`` (for an id longer than its room)."""
    room = max(8, width - cell_width(head))
    lines = [head + cut_cells(before, room)] if before else []
    pieces = _wrap(qid, room)
    if not before:
        lines.append(head + pieces.pop(0))
    return lines + [" " * cell_width(head) + piece for piece in pieces]


def table_lines(sessions, attempts, width: int | None = None, limited: bool = False) -> list[str]:
    """The history as the table prints it, newest first: each mock session (its questions
    under it, with the start of each prompt and the question's id) and each practice answer
    (the question id, then its pack's: the prompts live in the packs, which history does
    not load). ``width``: the terminal's columns to cut the lines to (the question ids are
    never cut), or None for whole lines (a pipe or a file). ``limited``: --limit was given,
    so a count is of the newest shown (最近 2 次), not of all kept."""
    latest = "最近 " if limited else ""
    lines: list[str] = []
    if sessions:
        lines.append(f"模拟面试（{latest}{len(sessions)} 场，新的在前）")
        for s in sessions:
            status = STATUS_ZH.get(s.status, clip_cells(str(s.status), 8))
            lines.append(f"  {_local(s.created_at)}  {_pad(status, 6)}  {_points(s.score)}  "
                         f"{len(s.questions)} 题  #{s.id}")
            head_w = cell_width(f"    {99:>2}. {_points(None)}  ")
            ids = [_one_line(q.question_id) for q in s.questions]
            # the ids in one column, as wide as the longest that leaves the prompt 10 columns
            idw = 0 if width is None else max(
                [0] + [cell_width(i) for i in ids if cell_width(i) <= width - head_w - 12])
            for q, qid in zip(s.questions, ids):
                head = f"    {q.index + 1:>2}. {_points(q.score)}  "
                prompt = _one_line(q.prompt)
                if width is None:
                    lines.append(head + prompt + "  " + qid)
                elif cell_width(qid) <= idw:
                    room = width - cell_width(head) - idw - 2
                    lines.append(head + _pad(cut_cells(prompt, room), room) + "  " + qid)
                else:
                    lines += _id_lines(head, prompt, qid, width)
    if attempts:
        if sessions:
            lines.append("")
        lines.append(f"练习作答（{latest}{len(attempts)} 次，新的在前）")
        for a in attempts:
            head = f"  {_local(a.created_at)}  {_points(a.score)}  "
            qid = _one_line(a.question_id)
            text = f"{qid}  题库 {_one_line(a.pack_id)}"
            room = None if width is None else width - cell_width(head)
            if room is None or cell_width(text) <= room:
                lines.append(head + text)
            elif cell_width(qid) + 8 <= room:  # the pack's id is cut, the question's kept
                lines.append(head + cut_cells(text, room))
            else:
                lines += _id_lines(head, "", qid, width)
    return [line.rstrip() for line in lines]
