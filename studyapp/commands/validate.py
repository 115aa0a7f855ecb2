"""``studyapp validate [PACK ...]``: print every problem of every pack file.

Each problem is one line ``path:line: error|warning: message`` on stdout (a
key point that the question's own reference answer does not make as graded is
a warning too: see ``studyapp.core.gradecheck``); a
summary per pack (and a total when there are several packs) goes to stderr,
after that pack's problems even when both streams share one pipe. Exit
status 1 if any pack has an error (with --strict: any problem), else 0.
"""
from __future__ import annotations

import sys

from studyapp.commands._packargs import add_pack_arguments, chosen_packs, plural, sorted_problems


def add_arguments(parser) -> None:
    add_pack_arguments(parser)
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 on any problem)"
    )


def run(args) -> int:
    from studyapp.core.model import ERROR, WARNING, Problem
    from studyapp.core.packs import PACK_FILE
    from studyapp.core.textio import terminal_safe

    failed = False
    chosen, notes = chosen_packs(args)
    for note in notes:
        print(terminal_safe(note), file=sys.stderr)
    folders = [c.folder for c in chosen]
    total_errors = total_warnings = 0
    for folder, result, warning in ((c.folder, c.result, c.warning) for c in chosen):
        problems = result.problems
        if warning is not None:  # two packs with one id: what the app does about it
            problems = (Problem(folder / PACK_FILE, None, WARNING, warning),) + problems
        if result.pack is not None:
            # key points the question's own reference answer does not make as graded
            from studyapp.core.gradecheck import reference_gaps

            problems = problems + reference_gaps(result.pack)
        for problem in sorted_problems(problems):
            print(terminal_safe(problem.format()))
        # stdout is block-buffered in a pipe, stderr is not: without this the
        # summary of `validate 2>&1 | less` comes before the problems it counts
        sys.stdout.flush()
        errors = sum(1 for p in problems if p.severity == ERROR)
        warnings = sum(1 for p in problems if p.severity == WARNING)
        total_errors += errors
        total_warnings += warnings
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
    if len(folders) > 1:
        print(
            f"{plural(len(folders), 'pack')}: {plural(total_errors, 'error')}, "
            f"{plural(total_warnings, 'warning')}",
            file=sys.stderr,
        )
    return 1 if failed else 0
