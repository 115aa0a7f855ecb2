"""``studyapp grade --pack PACK --question QID [--json | --csv | --summary] FILE [FILE ...]``.

Grades each answer file (``-`` reads standard input) against the question's
key points. Without ``--json``: a readable report per file, and for several
files a class summary (each score, blank answers marked and counted, the mean
with and without them, the spread and the median, per key point how many
answers made it and who did not, the terms the class lacked most);
``--summary`` prints the summary alone; ``--csv`` a table for a spreadsheet (a
row per file: score and each point's 答到 / 部分 / 未答, a 备注 column, and a
last row for the class); ``--by-score`` orders them from the highest score;
``--out DIR`` writes each file's report to ``DIR/<name>-评分.txt`` (standard
output then has the summary; names that would be the same get their folders in
front, ``core.report.report_file_names``, and are listed on standard error; the
answers' own folder is refused, and reports of an earlier run are replaced only
with ``--force``). A report of ``--out`` given as FILE, or a folder of them, is
skipped with a warning: it quotes every key point. The text is in
``studyapp.core.report``. With
``--json``: exactly one JSON list on standard output, one object per FILE, in
order::

    {"file": str, "question": str, "score": number, "blank": bool,
     "points": [{"id", "status", "evidence": [[start, end]], "matched", "missing", "reason",
                 "written", "point", "weight"}]}

``matched`` names the point's terms that were made (a keyword group by its first
alternative), ``written`` the answer's own words for each (琐碎 for 千条线);
``point`` and ``weight`` are the key point's text and weight; ``blank`` is true
for an answer with nothing written (empty, or white space only).

A file named more than once (``a.txt ./a.txt``, or a link to it) is graded
once, at its first place, with a warning on standard error; ``-`` given twice
is refused (standard input can be read only once).

Evidence offsets are character offsets into the answer text as read (UTF-8
decoded, BOM removed, line endings made LF), end exclusive.

A question the pack leaves out for errors that need not stop grading (a type
not in the list, a topic the pack lacks, capitals in an id, a keyword YAML
reads as true/false ...) is graded from its prompt and key points, with a
warning on standard error (``studyapp validate`` names the errors).

Unknown pack or question (the message names every pack searched and
suggests the closest id), a question whose key points cannot be read,
unreadable or non-UTF-8 answer: a message on standard error and exit status 2
(nothing on standard output). Every answer is read before any is graded, so a
bad file gives no partial output -- unless ``--skip-unreadable``: the readable
files are graded, the others are rows with their ``error`` (``score`` null,
``points`` empty) and the exit status is 1.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

EXIT_USAGE = 2

REPORT_SUFFIX = "-评分.txt"  # --out DIR: DIR/03-李娜-评分.txt for 03-李娜.txt (core.report's)


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
        help="print only the class summary: each file's score, blank answers, the mean and median, the spread,"
        " per key point how many answers made it and who did not, the terms the class lacked most",
    )
    parser.add_argument(
        "--skip-unreadable",
        action="store_true",
        help="grade the files that can be read and list the others (as rows with an error in --csv"
        " and --json); exit status 1 when any could not be read",
    )
    parser.add_argument(
        "--by-score",
        action="store_true",
        help="list the files from the highest score down (report, summary, --csv;"
        " --json keeps the order of FILE)",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="also write each file's report to DIR/<name>-评分.txt, to send back to each student"
        " (a folder of its own, not the answers' folder; answers with the same name get their"
        " folder's name in front: A-作业-评分.txt); standard output then has only the class summary"
        " (or the --csv / --json)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="with --out: replace the reports of an earlier run that have the same names"
        " (without it, such a run is refused)",
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
            raise UserInputError(
                "<stdin>", "the input is over the limit of 1 MiB; refused", zh="输入超过 1 MiB 的上限，未读取"
            )
        return decode_user_bytes(data, "<stdin>")
    try:
        return read_user_text(name)
    except UserInputError as exc:
        if Path(name).is_dir():
            raise UserInputError(name, _folder_advice(name), zh="这是文件夹，不是答案文件") from None
        raise exc from None


def _shell_word(text: str) -> str:
    """``text`` as a shell word: quoted only when it needs to be (a space, a $ ...);
    Chinese is left as it is."""
    import re

    if text and not re.search(r"[^\w@%+=:,./-]", text):
        return text
    return "'" + text.replace("'", "'\\''") + "'"


def _is_report_file(path: Path) -> bool:
    """A report ``grade --out`` wrote (<name>-评分.txt, headed 题目（QID）：…), by its head."""
    from studyapp.core.report import is_answer_report

    if not path.name.endswith(REPORT_SUFFIX):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(1 << 14)
    except OSError:
        return False
    return is_answer_report(head.decode("utf-8", errors="replace"))


def _some(paths, shown: int = 3) -> str:
    """A few names of ``paths`` (30-邓超.docx, 31-PDF生.pdf and 2 more)."""
    names = sorted(p.name for p in paths)
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" and {more} more" if more > 0 else "")


def _folder_entries(folder: Path):
    """(answer files, studyapp reports, folders) in ``folder``, hidden ones left out as
    the shell's * leaves them out."""
    files, reports, folders = [], [], []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return files, reports, folders
    for p in entries:
        if p.name.startswith("."):
            continue
        try:
            if p.is_dir():
                folders.append(p)
            elif p.is_file():
                (reports if _is_report_file(p) else files).append(p)
        except OSError:
            continue
    return files, reports, folders


def _folder_advice(name: str) -> str:
    """For a folder given as FILE: the answer files to give instead (class/*.txt), what
    that leaves out (a .docx, a PDF, sub-folders), and the reports of grade --out in it,
    which are not answers; for a folder of folders (one per student), the files in those."""
    from studyapp.commands._packargs import plural

    folder = Path(name.rstrip("/") or "/")
    word = _shell_word(str(folder))
    files, reports, folders = _folder_entries(folder)
    txt = [p for p in files if p.name.endswith(".txt")]
    others = [p for p in files if not p.name.endswith(".txt")]
    head = "is a folder, not a file"
    if files:
        if txt:
            said = f"{head}; to grade the {plural(len(txt), '.txt file')} in it, give {word}/*.txt"
        else:
            said = f"{head}; it holds no .txt file: give the answer files in it ({word}/*)"
        if txt and others:
            said += (
                f"; that would leave out {plural(len(others), 'other file')} ({_some(others)}): save"
                f" {'it' if len(others) == 1 else 'them'} as .txt (UTF-8), or give {word}/* --skip-unreadable"
                f" to grade what can be read and list the rest"
            )
        if folders:
            said += (
                f"; the folder in it ({_some(folders)}) is not graded" if len(folders) == 1
                else f"; the {len(folders)} folders in it ({_some(folders)}) are not graded"
            )
        if reports:
            said += (
                f"; the report of grade --out in it ({_some(reports)}) is not an answer: it is skipped"
                if len(reports) == 1
                else f"; the {len(reports)} reports of grade --out in it ({_some(reports)}) are not answers: they are skipped"
            )
        return said
    if folders:
        inner = [p for f in folders for p in _folder_entries(f)[0]]
        inner_txt = [p for p in inner if p.name.endswith(".txt")]
        said = f"{head}; it holds {plural(len(folders), 'folder')} ({_some(folders)})"
        if inner_txt:
            return said + f": to grade the {plural(len(inner_txt), '.txt file')} in them, give {word}/*/*.txt"
        if inner:
            return said + f": give the answer files in them ({word}/*/*)"
        return said + ", and no files in them: there is no answer to grade"
    if reports:
        return f"{head}; it holds only reports of grade --out ({_some(reports)}), not answers"
    return f"{head}; it is empty: there is no answer file in it"


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



def _find_question(args):
    """(folder, load result, question, packs searched): the pack given, else the bundled
    pack, then the installed packs in turn."""
    from studyapp.core.packs import load_pack

    qid = args.question
    explicit = bool(getattr(args, "grade_pack", None) or getattr(args, "pack", None))
    folder = _pack_folder(args)
    result = load_pack(folder)
    searched = [(folder, result)]
    question = result.pack.question(qid) if result.pack is not None else None
    if question is None and not explicit:
        from studyapp.core.paths import installed_pack_dirs

        for installed in installed_pack_dirs():
            found = load_pack(installed)
            searched.append((installed, found))
            if found.pack is not None and found.pack.question(qid) is not None:
                return installed, found, found.pack.question(qid), searched
    if question is None:
        # left out of the pack for errors that need not stop grading (a type not in the
        # list, an id with capitals ...): graded from its prompt and key points, with a warning
        from studyapp.core.packs import loose_question

        question = loose_question(folder, qid)
        if question is not None:
            from studyapp.core.textio import terminal_safe

            print(
                f"studyapp grade: warning: question {terminal_safe(repr(qid))} has errors"
                f" (run: studyapp validate {terminal_safe(str(folder))}); graded from its prompt and key points",
                file=sys.stderr,
            )
    return folder, result, question, searched


def _close_ids(qid: str, ids: list[str]) -> list[str]:
    """The question ids a typo of ``qid`` most likely meant (rural-talen: rural-talent)."""
    import difflib

    same_case = [i for i in ids if i.lower() == qid.lower()]
    if same_case:
        return same_case[:1]
    close = difflib.get_close_matches(qid, ids, n=3, cutoff=0.6)
    if not close and len(qid) >= 3:
        close = [i for i in ids if qid.lower() in i.lower()][:3]
    return close


def _other_packs(searched):
    """The bundled and installed packs not searched (--pack names one): (folder, result)."""
    from studyapp.core.packs import bundled_pack_dir, load_pack
    from studyapp.core.paths import installed_pack_dirs

    import os

    def same(a, b) -> bool:
        try:
            return os.path.samefile(a, b)
        except OSError:
            return False

    out = []
    for folder in [bundled_pack_dir(), *installed_pack_dirs()]:
        if not any(same(folder, f) for f, _ in searched):
            result = load_pack(folder)
            if result.pack is not None:
                out.append((folder, result))
    return out


def _elsewhere(qid: str, searched) -> str:
    """With --pack: where else the question (or the id it most likely means) is, among the
    bundled and installed packs: '; it is in pack P: give --pack P, or leave --pack out'."""
    others = _other_packs(searched)
    for folder, result in others:
        if result.pack.question(qid) is not None:
            pid = result.pack.id
            return f"; it is in pack {pid}: give --pack {pid}, or leave --pack out"
    owners: dict[str, str] = {}
    for folder, result in others:
        for q in result.pack.questions:
            owners.setdefault(q.id, result.pack.id)
    guesses = _close_ids(qid, list(owners))
    if not guesses:
        return ""
    shown = [f"{g!r} (in pack {owners[g]}: --pack {owners[g]}, or leave --pack out)" for g in guesses]
    return "; did you mean " + " or ".join(shown) + "?"


def _no_question(qid: str, searched, *, explicit: bool = False) -> str:
    """No question ``qid``: every pack searched with its questions, and the closest ids
    (with --pack, also in the bundled and installed packs it leaves out)."""
    from studyapp.commands._packargs import plural

    owners: dict[str, str] = {}  # question id -> the first pack searched that has it
    rows = []
    for folder, result in searched:
        if result.pack is None:
            rows.append(f"  {folder}: cannot be loaded (run: studyapp validate {folder})")
            continue
        known = [q.id for q in result.pack.questions]
        for k in known:
            owners.setdefault(k, result.pack.id)
        label = "questions" if len(searched) == 1 else f"questions of {result.pack.id} ({folder})"
        rows.append(f"  {label}: {', '.join(known) or 'none'}")
        broken = [p for p in result.errors if p.path.parent.name == "questions"]
        if broken:
            files = len({p.path for p in broken})
            rows.append(
                f"  ({plural(files, 'question file')} {'has' if files == 1 else 'have'}"
                f" {plural(len(broken), 'error')}; run: studyapp validate {folder})"
            )
    if len(searched) == 1:
        folder, result = searched[0]
        where = f"pack {result.pack.id} ({folder})"
    else:  # no --pack: the bundled pack, then each installed one
        def name(folder, result):
            return result.pack.id if result.pack is not None else str(folder)

        installed = [name(f, r) for f, r in searched[1:]]
        where = (
            f"the bundled pack {name(*searched[0])} or the installed"
            f" {'pack' if len(installed) == 1 else 'packs'} {', '.join(installed)}"
        )
    message = f"no question {qid!r} in {where}"
    guesses = _close_ids(qid, list(owners))
    if guesses:
        shown = [repr(g) + (f" (in {owners[g]})" if len(searched) > 1 else "") for g in guesses]
        message += "; did you mean " + " or ".join(shown) + "?"
    elif explicit:
        message += _elsewhere(qid, searched)
    return "\n".join([message, *rows])


def _same_folder(a: Path, b: Path) -> bool:
    import os

    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _read_all(names: list[str], out_dir: Path | None):
    """Each file's GradedAnswer, with its text or why it cannot be read; the refusals;
    and the FILEs that are not answers, skipped: a report of ``grade --out`` (it quotes the
    key points, and would cover them all), the --out folder, a folder of reports."""
    from studyapp.core.report import GradedAnswer, is_answer_report
    from studyapp.core.textio import UserInputError

    read, refusals, skipped = [], [], []
    for name in names:
        if name != "-" and Path(name).is_dir():
            folder = Path(name)
            if out_dir is not None and _same_folder(folder, out_dir):
                skipped.append((name, "the --out folder"))
                continue
            files, reports, folders = _folder_entries(folder)
            if reports and not files and not folders:
                skipped.append((name, "a folder of reports"))
                continue
        try:
            text = _read_answer(name)
        except UserInputError as exc:
            # every file that cannot be read is named in one run, not one per run
            read.append(GradedAnswer(name, error=exc.message, error_zh=exc.zh))
            refusals.append(exc.format())
            continue
        if is_answer_report(text):
            skipped.append((name, "a report"))
            continue
        read.append(GradedAnswer(name, text=text))
    return read, refusals, skipped


def _say_skipped(skipped) -> None:
    """One warning for the reports skipped, one per folder skipped."""
    from studyapp.core.textio import terminal_safe

    reports = [n for n, why in skipped if why == "a report"]
    if reports:
        few = ", ".join(terminal_safe(n) for n in reports[:3]) + (
            f" and {len(reports) - 3} more" if len(reports) > 3 else ""
        )
        print(
            f"studyapp grade: warning: skipped {'a report' if len(reports) == 1 else f'{len(reports)} reports'}"
            f" of grade --out, not {'an answer' if len(reports) == 1 else 'answers'}: {few}",
            file=sys.stderr,
        )
    for name, why in skipped:
        if why == "the --out folder":
            print(f"studyapp grade: warning: {terminal_safe(name)} is the --out folder, not an answer; skipped",
                  file=sys.stderr)
        elif why == "a folder of reports":
            print(
                f"studyapp grade: warning: {terminal_safe(name)} is a folder of reports of grade --out,"
                " not answers; skipped",
                file=sys.stderr,
            )


def _check_out(out_dir: Path, answers, force: bool):
    """Where ``--out`` writes each readable answer's report (core.report.report_file_names),
    and the reports there it replaces. Raises ValueError with the message when the
    folder holds the answers (the reports would be graded with them next time), or when it
    holds reports of the same names and ``force`` is off."""
    from studyapp.commands._packargs import plural
    from studyapp.core.report import report_file_names

    if out_dir.is_dir():
        beside = [a.name for a in answers if a.name != "-" and _same_folder(Path(a.name).parent, out_dir)]
        if beside:
            few = ", ".join(Path(n).name for n in beside[:2]) + (
                f" and {len(beside) - 2} more" if len(beside) > 2 else ""
            )
            raise ValueError(
                f"{out_dir}: error: --out is the folder of the answers ({few}); reports written there"
                f" would be taken for answers by the next run on *.txt: give --out a folder of its own,"
                f" for example --out {_shell_word(str(out_dir / '反馈'))}"
            )
    names = report_file_names([a.name for a in answers])
    inputs = {_file_key(a.name) for a in answers}
    paths: dict[str, Path] = {}
    for a in answers:
        if a.error:  # not read: no report
            continue
        target = out_dir / names[a.name]
        if target.exists() and _file_key(str(target)) in inputs:
            raise ValueError(f"{target} is one of the answer files; give --out another folder")
        paths[a.name] = target
    there = [t for t in paths.values() if t.exists() or t.is_symlink()]
    if there and not force:
        raise ValueError(
            f"{out_dir}: error: {plural(len(there), 'report')} of an earlier run would be replaced"
            f" ({_some(there)}); give --out a new folder (for example one a week), or add --force"
            f" to replace {'it' if len(there) == 1 else 'them'}"
        )
    return paths, there


def _write_reports(question, answers, paths: dict[str, Path]) -> None:
    from studyapp.core.report import answer_report_lines

    for a in answers:
        if a.name not in paths:
            continue
        target = paths[a.name]
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text("\n".join(answer_report_lines(question, a, prompt=True)) + "\n", encoding="utf-8")
        tmp.replace(target)


def _say_written(out: str, out_dir: Path, paths: dict[str, Path], replaced) -> None:
    """Where the reports went: the rule, each report not named by it (answers with the
    same name, told apart by their folders), the reports replaced, and the reports of
    other runs left in the folder (not to be sent again by mistake)."""
    from studyapp.commands._packargs import plural
    from studyapp.core.textio import terminal_safe

    renamed = [
        (name, target) for name, target in paths.items()
        if target.name != ("stdin" if name == "-" else (Path(name).stem or Path(name).name)) + REPORT_SUFFIX
    ]
    line = f"studyapp grade: wrote {plural(len(paths), 'report')} to {terminal_safe(out)} (one per answer: <name>{REPORT_SUFFIX})"
    if replaced:
        line += f"; replaced {plural(len(replaced), 'report')} of an earlier run (--force)"
    print(line, file=sys.stderr)
    if renamed:
        print(
            f"studyapp grade: {'this answer has' if len(renamed) == 1 else 'these answers have'} the same name"
            " as another, so the report is named after the folder too:",
            file=sys.stderr,
        )
        for name, target in renamed:
            print(f"  {terminal_safe('<stdin>' if name == '-' else name)} → {terminal_safe(str(target))}", file=sys.stderr)
    ours = {t.name for t in paths.values()}
    _, reports, _ = _folder_entries(out_dir)
    stale = [p for p in reports if p.name not in ours]
    if stale:
        print(
            f"studyapp grade: note: {plural(len(stale), 'other report')} in {terminal_safe(out)}"
            f" {'is' if len(stale) == 1 else 'are'} not from this run ({terminal_safe(_some(stale))}): left as"
            f" {'it is' if len(stale) == 1 else 'they are'}",
            file=sys.stderr,
        )


def run(args) -> int:
    from studyapp.core.textio import terminal_safe

    if args.files.count("-") > 1:  # standard input can be read only once
        return _fail(
            f"error: - (standard input) is given {args.files.count('-')} times; it can be read only once"
        )
    if args.by_score and args.json:
        return _fail("error: --by-score orders the report, the summary and --csv; --json keeps the order of FILE")
    folder, result, question, searched = _find_question(args)
    pack = result.pack
    if question is None:
        explicit = bool(getattr(args, "grade_pack", None) or getattr(args, "pack", None))
        if pack is None and len(searched) == 1:
            if not folder.exists() and not folder.is_symlink():
                # a typo'd id or folder: said as `studyapp list` says it (the installed ids)
                from studyapp.commands._packargs import _load

                named = _load(folder, "named")
                return _fail(named.errors[0].format() if named.errors else f"{folder}: error: no such pack folder")
            first = result.errors[0].format() if result.errors else f"{folder}: not a pack"
            return _fail(f"cannot load pack {folder}: {first}")
        return _fail(_no_question(args.question, searched, explicit=explicit))

    thesaurus_errors = [e for e in result.errors if e.path is not None and e.path.name == "thesaurus.yaml"]
    if thesaurus_errors:
        # a tutor grading a class hears that part of the pack's vocabulary was not used, as for a
        # question with errors
        from studyapp.core.textio import terminal_safe

        print(
            f"studyapp grade: warning: {terminal_safe(str(thesaurus_errors[0].path))} has"
            f" {len(thesaurus_errors)} error{'s' if len(thesaurus_errors) > 1 else ''}"
            f" (run: studyapp validate {terminal_safe(str(folder))}); graded without what it could not read",
            file=sys.stderr,
        )
    if args.force and not args.out:
        return _fail("error: --force replaces the reports of an earlier --out run; give --out DIR with it")
    names = _distinct_files(args.files)
    out_dir = Path(args.out) if args.out else None
    answers, refusals, skipped = _read_all(names, out_dir)
    _say_skipped(skipped)
    if not answers:
        return _fail(
            "error: nothing to grade: the files given are reports of grade --out, not answers;"
            " give the answer files"
        )
    if refusals:
        for line in refusals:
            print(f"studyapp grade: {terminal_safe(line)}", file=sys.stderr)
        total = len(answers)
        readable = total - len(refusals)
        if not args.skip_unreadable or not readable:
            if total > 1:
                line = f"{len(refusals)} of {total} answer files cannot be read; nothing was graded"
                if readable:
                    line += f" (--skip-unreadable grades the other {readable} and lists {'it' if len(refusals) == 1 else 'these'})"
                print(f"studyapp grade: {line}", file=sys.stderr)
            return EXIT_USAGE
        print(
            f"studyapp grade: {len(refusals)} of {total} answer files cannot be read;"
            f" graded the other {readable}",
            file=sys.stderr,
        )

    report_paths: dict[str, Path] = {}
    replaced: list[Path] = []
    if out_dir is not None:
        if out_dir.exists() and not out_dir.is_dir():
            return _fail(f"{args.out}: error: --out needs a folder, and this is a file")
        try:
            report_paths, replaced = _check_out(out_dir, answers, args.force)
            out_dir.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            return _fail(f"{args.out}: error: --out needs a folder, and this is a file")
        except OSError as exc:
            return _fail(f"{args.out}: error: cannot make the folder: {exc.strerror or exc}")
        except ValueError as exc:
            return _fail(str(exc) if str(exc).startswith(str(out_dir)) else f"error: {exc}")

    from dataclasses import replace

    from studyapp.core.grading import Grader
    from studyapp.core.report import ClassGrades

    grader = Grader(question, thesaurus=pack.thesaurus if pack is not None else None)
    answers = [a if a.error else replace(a, grading=grader.grade(a.text)) for a in answers]
    grades = ClassGrades(question, tuple(answers))
    shown = grades.sorted_by_score() if args.by_score else grades

    if args.json:
        sys.stdout.write(json.dumps(_json(grades), ensure_ascii=False) + "\n")
    elif args.csv:
        sys.stdout.write(_csv(shown))
    else:
        from studyapp.core.report import class_report

        width = None
        if sys.stdout.isatty():
            import shutil

            width = shutil.get_terminal_size().columns
        sys.stdout.write(class_report(shown, detail=not (args.summary or args.out), width=width))
    if report_paths:
        try:
            _write_reports(question, answers, report_paths)
        except OSError as exc:
            return _fail(f"{args.out}: error: cannot write the reports: {exc.strerror or exc}")
        _say_written(args.out, out_dir, report_paths, replaced)
    return 1 if refusals else 0


def _json(grades) -> list[dict]:
    """One object per FILE in order: the contract's keys, and ``blank``, each point's text
    and weight (``point``, ``weight``); a file that could not be read (--skip-unreadable):
    its ``error``, ``score`` null and no ``points``."""
    points = {kp.id: kp for kp in grades.question.key_points}
    out = []
    for a in grades.answers:
        if not a.readable:
            out.append({"file": a.name, "question": grades.question.id, "score": None, "points": [],
                        "blank": False, "error": a.error})
            continue
        d = a.grading.to_dict()
        for p in d["points"]:
            kp = points.get(p["id"])
            if kp is not None:
                p["point"] = kp.point
                p["weight"] = kp.weight
        out.append({"file": a.name, "question": grades.question.id, "score": d["score"],
                    "points": d["points"], "blank": a.blank})
    return out


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula (=, +, -, @) is
    quoted with ', so a file named =HYPERLINK(…) is not run when the table is opened."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv(grades) -> str:
    """UTF-8 with a byte-order mark (so that Excel and WPS read the Chinese), a header row
    (文件, 得分, a column per key point: 要点1 id（×weight）：its text, 备注) and one row
    per file: score, 答到 / 部分 / 未答, and 空白答卷 or why it could not be read; after an
    empty row, a row for the class (the mean, per point the counts)."""
    import csv
    import io

    from studyapp.core.report import STATUS_WORD

    q = grades.question
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    kps = q.key_points
    w.writerow([
        "文件", "得分",
        *(_cell(f"要点{n} {kp.id}（×{kp.weight:g}）：{' '.join(kp.point.split())}") for n, kp in enumerate(kps, 1)),
        "备注",
    ])
    for a in grades.answers:
        name = _cell(a.shown)
        if not a.readable:
            w.writerow([name, "", *("" for _ in kps), _cell("无法读取：" + a.why_unreadable)])
            continue
        w.writerow([name, f"{a.grading.score:g}",
                    *(STATUS_WORD[a.grading.point(kp.id).status] for kp in kps),
                    "空白答卷" if a.blank else ""])
    graded = grades.graded
    if len(grades.answers) > 1 and graded:
        notes = [f"中位数 {round(grades.median, 1):g}"]
        if grades.blanks:
            rest = grades.mean_without_blanks
            notes.append(
                f"{len(grades.blanks)} 份空白（已计入中位数和各要点人数），不计空白平均 "
                + (f"{rest:.1f}" if rest is not None else "–")
            )
        if grades.unreadable:
            notes.append(f"{len(grades.unreadable)} 份无法读取")
        w.writerow([])
        w.writerow([
            f"全班平均（{len(graded)} 份）", f"{grades.mean:.1f}",
            *(" · ".join(f"{STATUS_WORD[s]} {n}" for s, n in grades.counts(kp.id).items()) for kp in kps),
            "；".join(notes),
        ])
    return "\ufeff" + buf.getvalue()
