"""``studyapp validate [PACK ...]``: print every problem of every pack file.

Each problem is one line ``path:line: error|warning: message``; a summary
per pack goes to stderr. Exit status 1 if any pack has an error, else 0.
"""
from __future__ import annotations

import sys

from studyapp.commands._packargs import add_pack_arguments, pack_folders, plural, sorted_problems


def add_arguments(parser) -> None:
    add_pack_arguments(parser)
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 on any problem)"
    )


def run(args) -> int:
    from studyapp.core.packs import load_pack
    from studyapp.core.textio import terminal_safe

    failed = False
    for folder in pack_folders(args):
        result = load_pack(folder)
        for problem in sorted_problems(result.problems):
            print(terminal_safe(problem.format()))
        errors, warnings = len(result.errors), len(result.warnings)
        if result.pack is not None:
            counts = (
                f"{plural(len(result.pack.topics), 'topic')}, "
                f"{plural(len(result.pack.questions), 'question')}, "
            )
        else:
            counts = "not loaded, "
        print(
            terminal_safe(f"{folder}: {counts}{plural(errors, 'error')}, {plural(warnings, 'warning')}"),
            file=sys.stderr,
        )
        if errors or (args.strict and warnings):
            failed = True
    return 1 if failed else 0
