"""``studyapp grade --pack PACK --question QID [--json | --csv | --summary] FILE [FILE ...]``.

Grades each answer file (``-`` reads standard input) against the question's
key points. Without ``--json``: a readable report per file, and for several
files a class summary (each score, the mean, and per key point how many
answers made it); ``--summary`` prints the summary alone; ``--csv`` a table
for a spreadsheet (a row per file: score and each point's 答到 / 部分 / 未答). With ``--json``:
exactly one JSON list on standard output, one object per FILE, in order::

    {"file": str, "question": str, "score": number,
     "points": [{"id", "status", "evidence": [[start, end]], "matched", "missing", "reason",
                 "written"}]}

``matched`` names the point's terms that were made (a keyword group by its first
alternative), ``written`` the answer's own words for each (琐碎 for 千条线).

A file named more than once (``a.txt ./a.txt``, or a link to it) is graded
once, at its first place, with a warning on standard error; ``-`` given twice
is refused (standard input can be read only once).

Evidence offsets are character offsets into the answer text as read (UTF-8
decoded, BOM removed, line endings made LF), end exclusive.

A question the pack leaves out for errors that need not stop grading (a type
not in the list, a topic the pack lacks, capitals in an id, a keyword YAML
reads as true/false ...) is graded from its prompt and key points, with a
warning on standard error (``studyapp validate`` names the errors).

Unknown pack or question, a question whose key points cannot be read,
unreadable or non-UTF-8 answer: a message on standard error and exit status 2
(nothing on standard output). Every answer
is read before any is graded, so a bad file gives no partial output.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

EXIT_USAGE = 2

_STATUS_MARK = {"covered": "✓", "partial": "◐", "missed": "✗"}
_STATUS_WORD = {"covered": "答到", "partial": "部分", "missed": "未答"}


def add_arguments(parser) -> None:
    parser.add_argument(
        "--pack",
        dest="grade_pack",
        metavar="PACK",
        help="the pack folder holding the question, or the id of the bundled pack or an installed one"
        " (default: the bundled pack, then the installed packs, whichever holds the question)",
    )
    parser.add_argument("--question", "-q", required=True, metavar="QID", help="the question's id")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON list instead of a report")
    output.add_argument(
        "--csv",
        action="store_true",
        help="print a table for a spreadsheet: one row per file, its score and each key point's verdict",
    )
    output.add_argument(
        "--summary",
        action="store_true",
        help="print only the class summary: each file's score and, for each key point, how many answers made it",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="answer files (UTF-8); - reads standard input; a file named twice is graded once")


def _fail(message: str) -> int:
    """The message on stderr (names of files and packs made terminal-safe), exit 2."""
    from studyapp.core.textio import terminal_safe

    safe = "\n".join(terminal_safe(line) for line in message.split("\n"))
    print(f"studyapp grade: {safe}", file=sys.stderr)
    return EXIT_USAGE


def _read_answer(name: str) -> str:
    from studyapp.core.textio import DEFAULT_LIMIT, UserInputError, decode_user_bytes, read_user_text

    if name == "-":
        # the same limit as for a file, without reading an endless pipe whole
        if hasattr(sys.stdin, "buffer"):
            data = sys.stdin.buffer.read(DEFAULT_LIMIT + 1)
        else:
            data = sys.stdin.read(DEFAULT_LIMIT + 1).encode("utf-8")
        if len(data) > DEFAULT_LIMIT:
            raise UserInputError("<stdin>", "the input is over the limit of 1 MiB; refused")
        return decode_user_bytes(data, "<stdin>")
    return read_user_text(name)


def _pack_folder(args) -> Path:
    chosen = getattr(args, "grade_pack", None)
    if chosen:
        path = Path(chosen)
        if not path.exists():
            # the bundled pack or an installed one may be named by its id (community-governance)
            from studyapp.core.packs import ID_RE, bundled_pack_dir, load_pack
            from studyapp.core.paths import packs_dir

            bundled = load_pack(bundled_pack_dir()).pack
            if bundled is not None and bundled.id == chosen:
                return bundled.root
            if ID_RE.fullmatch(chosen) and (packs_dir() / chosen / "pack.yaml").is_file():
                return packs_dir() / chosen
        return path
    extra = getattr(args, "pack", None) or []
    if extra:
        return Path(extra[-1])
    from studyapp.core.packs import bundled_pack_dir

    return bundled_pack_dir()


def _installed_holding(qid: str) -> Path | None:
    """The first installed pack with the question ``qid`` (for a grade with no --pack)."""
    from studyapp.core.packs import load_pack
    from studyapp.core.paths import installed_pack_dirs

    for folder in installed_pack_dirs():
        pack = load_pack(folder).pack
        if pack is not None and pack.question(qid) is not None:
            return folder
    return None


def _file_key(name: str):
    """What makes two FILE arguments the same answer: the file itself (a.txt, ./a.txt, a
    link to it), else the path as resolved."""
    import os

    if name == "-":
        return ("stdin",)
    try:
        st = os.stat(name)
        return ("inode", st.st_dev, st.st_ino)
    except (OSError, ValueError):
        pass
    try:
        return ("path", str(Path(name).resolve()))
    except (OSError, RuntimeError, ValueError):
        return ("path", os.path.abspath(name))


def _distinct_files(names: list[str]) -> list[str]:
    """Each file once, at its first position; the others named on standard error."""
    from studyapp.core.textio import terminal_safe

    first: dict = {}
    kept = []
    for name in names:
        key = _file_key(name)
        if key in first:
            what = (
                "is given more than once" if name == first[key]
                else f"is the same file as {terminal_safe(first[key])}"
            )
            print(f"studyapp grade: warning: {terminal_safe(name)} {what}; graded once", file=sys.stderr)
            continue
        first[key] = name
        kept.append(name)
    return kept


def run(args) -> int:
    from studyapp.core.packs import load_pack
    from studyapp.core.textio import UserInputError

    if args.files.count("-") > 1:  # standard input can be read only once
        return _fail(
            f"error: - (standard input) is given {args.files.count('-')} times; it can be read only once"
        )
    folder = _pack_folder(args)
    result = load_pack(folder)
    pack = result.pack
    question = pack.question(args.question) if pack is not None else None
    if question is None and not getattr(args, "grade_pack", None) and not getattr(args, "pack", None):
        installed = _installed_holding(args.question)
        if installed is not None:
            folder = installed
            result = load_pack(folder)
            pack = result.pack
            question = pack.question(args.question) if pack is not None else None
    if question is None:
        # left out of the pack for errors that need not stop grading (a type not in the
        # list, an id with capitals ...): graded from its prompt and key points, with a warning
        from studyapp.core.packs import loose_question

        question = loose_question(folder, args.question)
        if question is not None:
            from studyapp.core.textio import terminal_safe

            print(
                f"studyapp grade: warning: question {terminal_safe(repr(args.question))} has errors"
                f" (run: studyapp validate {terminal_safe(str(folder))}); graded from its prompt and key points",
                file=sys.stderr,
            )
    if question is None:
        if pack is None:
            first = result.errors[0].format() if result.errors else f"{folder}: not a pack"
            return _fail(f"cannot load pack {folder}: {first}")
        known = ", ".join(q.id for q in pack.questions) or "none"
        msg = f"no question {args.question!r} in pack {pack.id} ({folder}); questions: {known}"
        broken = [p for p in result.errors if p.path.parent.name == "questions"]
        if broken:
            from studyapp.commands._packargs import plural

            files = len({p.path for p in broken})
            msg += (
                f"\n  ({plural(files, 'question file')} {'has' if files == 1 else 'have'}"
                f" {plural(len(broken), 'error')}; run: studyapp validate {folder})"
            )
        return _fail(msg)

    names = _distinct_files(args.files)
    texts = []
    unreadable = []
    for name in names:
        try:
            texts.append(_read_answer(name))
        except UserInputError as exc:
            # every file that cannot be read is named in one run, not one per run
            unreadable.append(exc.format())
    if unreadable:
        if len(unreadable) > 1:
            unreadable.append(f"{len(unreadable)} of {len(names)} answer files cannot be read; nothing was graded")
        return _fail("\nstudyapp grade: ".join(unreadable))

    from studyapp.core.grading import Grader

    grader = Grader(question, thesaurus=pack.thesaurus if pack is not None else None)
    results = [grader.grade(t) for t in texts]

    if args.json:
        out = []
        for name, g in zip(names, results):
            d = g.to_dict()
            out.append({"file": name, "question": question.id, "score": d["score"], "points": d["points"]})
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        return 0
    if args.csv:
        sys.stdout.write(_csv(question, names, results))
        return 0

    sys.stdout.write(_report(question, names, texts, results, detail=not args.summary))
    return 0


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula (=, +, -, @) is
    quoted with ', so a file named =HYPERLINK(…) is not run when the table is opened."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv(question, names, results) -> str:
    """UTF-8 with a byte-order mark (so that Excel and WPS read the Chinese), a header row
    (文件, 得分, then the key points' ids) and one row per file: score, 答到 / 部分 / 未答."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    ids = [kp.id for kp in question.key_points]
    w.writerow(["文件", "得分", *(_cell(i) for i in ids)])
    for name, g in zip(names, results):
        w.writerow([_cell("<stdin>" if name == "-" else name), f"{g.score:g}",
                    *(_STATUS_WORD[g.point(i).status] for i in ids)])
    return "\ufeff" + buf.getvalue()


def _quote(text: str, start: int, end: int, limit: int = 40) -> str:
    from studyapp.core.textio import terminal_safe

    piece = " ".join(text[start:end].split())
    if len(piece) > limit:
        piece = piece[: limit - 1] + "…"
    return "「" + terminal_safe(piece) + "」"


def _restates_terms(reason: str, p) -> bool:
    """The reason only lists terms the report already shows (答到：减负、放权)."""
    head, sep, rest = reason.replace("：", ":").partition(":")
    terms = {t.strip() for t in rest.split("、") if t.strip()}
    return bool(sep and terms) and terms <= set(p.matched) | set(p.matched_as_written()) | set(p.missing)


def _report(question, names, texts, results, detail: bool = True) -> str:
    from studyapp.core.textio import terminal_safe

    lines = []
    points = {kp.id: kp for kp in question.key_points}
    for name, text, g in zip(names, texts, results) if detail else ():
        shown = "<stdin>" if name == "-" else name
        counts = {s: sum(1 for p in g.points if p.status == s) for s in _STATUS_MARK}
        lines.append(
            f"{terminal_safe(shown)}  题目 {terminal_safe(question.id)}  得分 {g.score:g}/100"
            f"（答到 {counts['covered']} · 部分 {counts['partial']} · 未答 {counts['missed']}）"
        )
        for p in g.points:
            kp = points.get(p.id)
            label = terminal_safe(" ".join((kp.point if kp else "").split()))
            lines.append(f"  {_STATUS_MARK[p.status]} {_STATUS_WORD[p.status]}  {terminal_safe(p.id)}：{label}")
            if p.evidence:
                lines.append("      依据：" + " ".join(_quote(text, s, e) for s, e in p.evidence[:6]))
            if p.matched:
                lines.append("      命中：" + terminal_safe("、".join(p.matched_as_written())))
            if p.missing and p.status != "covered":
                lines.append("      可补充：" + terminal_safe("、".join(p.missing[:8])))
            if p.reason and not _restates_terms(p.reason, p):
                lines.append("      说明：" + terminal_safe(p.reason))
        lines.append("")
    if len(results) > 1 or not detail:  # a tutor grading a class: the scores side by side at the end
        lines.append(f"共 {len(results)} 份答案，平均得分 {sum(g.score for g in results) / len(results):.1f}")
        for name, g in zip(names, results):
            lines.append(f"  {g.score:>5g}  {terminal_safe('<stdin>' if name == '-' else name)}")
        lines.append("")
        # which points the class made and which it missed: what to teach next
        lines.append("各采分点（答到 · 部分 · 未答）")
        width = max((len(kp.id) for kp in question.key_points), default=0)
        for kp in question.key_points:
            statuses = [g.point(kp.id).status for g in results]
            counts = "  ".join(f"{_STATUS_MARK[s]} {statuses.count(s):>2}" for s in _STATUS_MARK)
            label = " ".join(kp.point.split())
            if len(label) > 24:
                label = label[:23] + "…"
            lines.append(f"  {terminal_safe(kp.id):<{width}}  {counts}  {terminal_safe(label)}")
        lines.append("")
    return "\n".join(lines)
