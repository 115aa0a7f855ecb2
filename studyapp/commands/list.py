"""``studyapp list [PACK ...] [--json]``: the topics and questions of packs."""
from __future__ import annotations

import json
import sys

from studyapp.commands._packargs import add_pack_arguments, chosen_packs, plural
from studyapp.core.textio import cell_width, clip_cells, terminal_safe


def add_arguments(parser) -> None:
    add_pack_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _pad(text: str, cells: int) -> str:
    return text + " " * max(0, cells - cell_width(text))


def _as_dict(folder, result) -> dict:
    pack = result.pack
    data: dict = {
        "path": str(folder),
        "errors": len(result.errors),
        "warnings": len(result.warnings),
    }
    if pack is None:
        data.update(id=None, title=None, topics=[], questions=[])
        return data
    data.update(
        id=pack.id,
        title=pack.title,
        version=pack.version,
        language=pack.language,
        authors=list(pack.authors),
        description=pack.description,
        topics=[
            {
                "id": t.id,
                "title": t.title,
                "tags": list(t.tags),
                "date": t.date,
                "sections": [s.title for s in t.sections],
                "path": str(t.path) if t.path else None,
            }
            for t in pack.topics
        ],
        questions=[
            {
                "id": q.id,
                "type": q.type,
                "topic": q.topic,
                "prompt": q.prompt,
                "key_points": len(q.key_points),
                "time": (
                    {"think": q.time.think, "answer": q.time.answer} if q.time else None
                ),
                "path": str(q.path) if q.path else None,
            }
            for q in pack.questions
        ],
    )
    return data


def run(args) -> int:
    chosen, notes = chosen_packs(args)
    for note in notes:
        print(terminal_safe(note), file=sys.stderr)
    results = []
    for c in chosen:
        if c.refused is not None:  # left out, as the app leaves it out
            print(terminal_safe(f"{c.folder}: not listed: {c.refused}"), file=sys.stderr)
            continue
        if c.warning is not None:
            print(terminal_safe(f"{c.folder}: warning: {c.warning}"), file=sys.stderr)
        results.append((c.folder, c.result))
    status = 0
    for folder, result in results:
        if result.pack is None:
            status = 1
            for problem in result.errors:
                print(terminal_safe(problem.format()), file=sys.stderr)
        elif result.problems:
            # (with warnings only, nothing is left out: the clause would be noise)
            left_out = "; items with errors are left out" if result.errors else ""
            print(
                terminal_safe(
                    f"{folder}: {plural(len(result.errors), 'error')}, "
                    f"{plural(len(result.warnings), 'warning')}{left_out}"
                    f" (see: studyapp validate {folder})"
                ),
                file=sys.stderr,
            )
    if args.json:
        json.dump(
            {"packs": [_as_dict(folder, result) for folder, result in results]},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return status

    first = True
    for folder, result in results:
        pack = result.pack
        if pack is None:
            continue
        if not first:
            print()
        first = False
        print(terminal_safe(f"{pack.id} — {pack.title}  ({folder})"))
        print(f"  {plural(len(pack.topics), 'topic')}:")
        id_w = max([cell_width(t.id) for t in pack.topics] + [cell_width(q.id) for q in pack.questions] + [2])
        for t in pack.topics:
            print(f"    {_pad(terminal_safe(t.id), id_w)}  {clip_cells(t.title, 60)}")
        print(f"  {plural(len(pack.questions), 'question')}:")
        for q in pack.questions:
            print(f"    {_pad(terminal_safe(q.id), id_w)}  {_pad(q.type or '', 8)}  {clip_cells(q.prompt, 50)}")
    return status
