"""``studyapp pack add|list|remove|export``: share packs and install them once.

A tutor runs ``studyapp pack export my-pack`` and sends the zip; a student
runs ``studyapp pack add my-pack-1.0.zip`` once, and from then on the app,
``list``, ``validate``, ``grade`` and ``mock`` all load it, as they load the
bundled pack. Problems go to stderr as ``path:line: error: message`` with
the member of the zip named; exit 1 when the pack has errors, 2 when the
command cannot be carried out (no such file, not a zip, a refused member).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from studyapp.commands._packargs import plural, sorted_problems


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    p = sub.add_parser("add", help="install a pack (a zip or a folder) for every command to load",
                       description="Check a pack and install a copy of its pack files in the data folder.")
    p.add_argument("source", metavar="PACK", help="a pack zip (from `studyapp pack export`) or a pack folder")
    p.add_argument("--replace", action="store_true", help="replace an installed pack with the same id")
    p = sub.add_parser("list", help="the installed packs", description="List the installed packs.")
    p.add_argument("--json", action="store_true", help="as a JSON list")
    p = sub.add_parser("remove", help="uninstall a pack", description="Remove an installed pack by its id.")
    p.add_argument("pack_id", metavar="ID", help="the pack's id (see `studyapp pack list`)")
    p = sub.add_parser("export", help="write a pack folder as a zip to share",
                       description="Check a pack folder and write its pack files as a zip to share.")
    p.add_argument("folder", metavar="FOLDER", help="the pack folder (with pack.yaml)")
    p.add_argument("-o", "--output", metavar="FILE", help="the zip to write, or a folder for ID-VERSION.zip (default: ID-VERSION.zip here)")
    p.add_argument("--force", action="store_true", help="overwrite the zip if it exists")


def _say(text: str, stream=None) -> None:
    from studyapp.core.textio import terminal_safe

    if stream is sys.stderr:
        sys.stdout.flush()  # in a pipe, what came before on stdout stays before
    print(terminal_safe(text), file=stream or sys.stdout)


def _problems(problems) -> None:
    for problem in sorted_problems(tuple(problems)):
        _say(problem.format(), sys.stderr)


def _skipped(skipped: list[str], verb: str) -> None:
    if skipped:
        shown = ", ".join(skipped[:5]) + (" …" if len(skipped) > 5 else "")
        _say(f"  {verb} {plural(len(skipped), 'file')} that the app does not read: {shown}", sys.stderr)


def _bundled_ids() -> frozenset[str]:
    """The bundled pack's id: no installed pack may take it or be removed by it."""
    from studyapp.core.packs import bundled_pack_dir, load_pack

    bundled = load_pack(bundled_pack_dir()).pack
    return frozenset({bundled.id}) if bundled is not None else frozenset()


def _fix_hint(source: Path, errors: int) -> str:
    """What to do about a pack with errors, true for a folder and for a zip
    (``studyapp validate`` reads folders only)."""
    if source.is_dir():
        return f"  {plural(errors, 'error')}: fix them (studyapp validate {source} shows the same) and try again"
    return (
        f"  {plural(errors, 'error')}: the pack's author can fix them in the pack folder"
        " (studyapp validate FOLDER shows the same) and export a new zip; or unzip it and"
        " run studyapp validate on the folder"
    )


def _saved_answers(pack_id: str) -> dict[str, int] | None:
    """question id -> how many answers (practice and mock) are saved for it in this
    pack; None when there is no history to read (nothing saved yet, or it cannot be read)."""
    from studyapp.core.paths import default_db_path
    from studyapp.core.store import Store, StoreError

    if not default_db_path().is_file():
        return None
    try:
        with Store.open(readonly=True) as store:
            answers = store.attempts(pack_id=pack_id)
    except (StoreError, OSError):
        return None
    counts: dict[str, int] = {}
    for a in answers:
        counts[a.question_id] = counts.get(a.question_id, 0) + 1
    return counts


def _regraded(pack, question_ids: tuple[str, ...]) -> dict[str, int]:
    """question id -> how many of its saved answers were graded against other key points
    than the installed pack's (the app grades them again when they are shown)."""
    from studyapp.core.packs import load_pack
    from studyapp.core.pastgrading import CHANGED, check
    from studyapp.core.store import Store, StoreError

    new = load_pack(pack.path).pack
    questions = {q.id: q for q in new.questions} if new is not None else {}
    counts: dict[str, int] = {}
    try:
        with Store.open(readonly=True) as store:
            for qid in question_ids:
                if qid in questions:
                    answers = store.attempts(pack_id=pack.id, question_id=qid)
                    counts[qid] = sum(1 for a in answers if check(a, questions[qid]) == CHANGED)
    except (StoreError, OSError):
        return {}
    return counts


def _what_changed(pack) -> None:
    """After ``add --replace``: an older version put over a newer one, and the questions
    and key points the old copy had that this one has not (students' answers refer to
    them by id: they stay in the history, but the app no longer offers them)."""
    from studyapp.core.packset import version_key

    old_v, new_v = version_key(pack.replaced_version), version_key(pack.version)
    if old_v is not None and new_v is not None and new_v < old_v:
        _say(f"  warning: version {pack.version} is older than the version {pack.replaced_version} it replaced;"
             " to go back, add the newer zip with --replace again", sys.stderr)
    if not pack.removed_questions and not pack.removed_points and not pack.rewritten_points:
        return
    saved = _saved_answers(pack.id) or {}
    regrade = False
    if pack.removed_questions:
        shown = ", ".join(
            q + (f" ({plural(saved[q], 'saved answer')})" if saved.get(q) else "") for q in pack.removed_questions
        )
        _say(f"  questions no longer in the pack: {shown}")
        if any(saved.get(q) for q in pack.removed_questions):
            _say("    their saved answers stay in `studyapp history`, but the app no longer offers these"
                 " questions (answers refer to a question by its id: a renamed question is a new one)")
    if pack.removed_points:
        by_question: dict[str, list[str]] = {}
        for qid, kid in pack.removed_points:
            by_question.setdefault(qid, []).append(kid)
        shown = "; ".join(
            f"{q}: {', '.join(ks)}" + (f" ({q} has {plural(saved[q], 'saved answer')})" if saved.get(q) else "")
            for q, ks in by_question.items()
        )
        _say(f"  key points no longer in the pack: {shown}")
        regrade = any(saved.get(q) for q in by_question)
    if pack.rewritten_points:
        by_question = {}
        for qid, kid in pack.rewritten_points:
            by_question.setdefault(qid, []).append(kid)
        regraded = _regraded(pack, tuple(by_question)) if saved else {}
        shown = "; ".join(
            f"{q}: {', '.join(ks)}"
            + (f" ({plural(regraded[q], 'saved answer')} will be graded again)" if regraded.get(q) else "")
            for q, ks in by_question.items()
        )
        _say(f"  key points rewritten under the same id (text, keywords or weight): {shown}")
        regrade = regrade or any(regraded.values())
    if regrade:
        _say("    the app grades those saved answers again by the new key points when they are opened,"
             " and shows the score they had then beside the new one")


def run(args) -> int:
    from studyapp.core import installed as inst
    from studyapp.core.model import ERROR

    try:
        if args.pack_command == "add":
            pack, skipped = inst.install(
                Path(args.source).expanduser(), replace=args.replace, reserved=_bundled_ids()
            )
            _problems(pack.problems)
            _say(
                f"installed {pack.title} ({pack.id}{' ' + pack.version if pack.version else ''}): "
                f"{plural(pack.topics, 'topic')}, {plural(pack.questions, 'question')}"
                f"{', ' + plural(len(pack.problems), 'warning') if pack.problems else ''}"
            )
            if pack.replaced:
                was = f" (version {pack.replaced_version})" if pack.replaced_version else ""
                _say(f"  replaced the copy installed before{was}")
                _what_changed(pack)
            _say(f"  in {pack.path}")
            _skipped(skipped, "left out")
            return 0
        if args.pack_command == "list":
            from studyapp.core.paths import data_dir

            home = data_dir()
            if home.exists() and not home.is_dir():
                # not 'no packs installed': the folder they would be in is not there
                _say(f"studyapp pack: error: {home}: the data folder is not a folder "
                     "(a file is in its place); set STUDYAPP_DATA_DIR to a folder", sys.stderr)
                return 1
            packs = inst.list_installed()
            if args.json:
                print(json.dumps(
                    [{"id": p.id, "title": p.title, "version": p.version, "path": str(p.path),
                      "topics": p.topics, "questions": p.questions} for p in packs],
                    ensure_ascii=False, indent=2,
                ))
                return 0
            if not packs:
                _say(f"no packs installed (they go in {inst.packs_dir()}; add one with `studyapp pack add`)")
                return 0
            for p in packs:
                _say(f"{p.id}  {p.version or '-'}  {p.title}  "
                     f"({plural(p.topics, 'topic')}, {plural(p.questions, 'question')})")
            return 0
        if args.pack_command == "remove":
            path = inst.remove(args.pack_id, reserved=_bundled_ids())
            _say(f"removed {args.pack_id} ({path})")
            return 0
        if args.pack_command == "export":
            out = Path(args.output).expanduser() if args.output else None
            folder = Path(args.folder).expanduser()
            path, count, skipped, warnings = inst.export(
                folder, out, overwrite=args.force, into_folder=bool(args.output) and args.output.endswith(("/", os.sep)),
                reserved=_bundled_ids(),
            )
            _problems(warnings)
            _say(f"wrote {path}: {plural(count, 'file')}; a student installs it with: studyapp pack add {path.name}")
            if warnings:
                _say(f"  {plural(len(warnings), 'warning')} (above; studyapp validate {folder} shows the same):"
                     " the zip is written, but students get the pack as it is", sys.stderr)
            _skipped(skipped, "left out")
            return 0
    except inst.PackShareError as exc:
        _problems(exc.problems)
        _say(f"studyapp pack {args.pack_command}: {exc.message}", sys.stderr)
        if exc.problems:
            errors = sum(1 for p in exc.problems if p.severity == ERROR)
            source = Path(args.source if args.pack_command == "add" else args.folder).expanduser()
            _say(_fix_hint(source, errors), sys.stderr)
            return 1
        return 2
    return 2
