"""The ``studyapp`` command line.

Subcommands live in ``studyapp.commands.<name>`` (``add_arguments``, ``run``).
Only launching the TUI imports Textual; validate, list, grade and history
start without it (tests/test_import_hygiene.py).
"""
from __future__ import annotations

import argparse
import importlib
import sys

# name -> one-line help; each is a module in studyapp.commands
COMMANDS: dict[str, str] = {
    "validate": "check question packs and print every problem as path:line",
    "list": "list the topics and questions of packs",
    "grade": "grade answer files against a question's key points",
    "history": "list practice attempts and mock-interview sessions",
    "mock": "run a timed mock interview in the terminal",
    "pack": "install a shared pack, list or remove installed ones, export a pack as a zip",
}


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studyapp",
        description="Practise the Chinese civil-service structured interview (公务员结构化面试) offline.",
    )
    from studyapp import __version__

    parser.add_argument("--version", action="version", version=f"studyapp {__version__}")
    parser.add_argument(
        "--pack",
        action="append",
        default=[],
        metavar="DIR",
        help="also load this question pack (may be given more than once)",
    )
    if not with_commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        try:
            module = importlib.import_module(f"studyapp.commands.{name}")
        except ModuleNotFoundError:
            continue  # not built yet
        p = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def _launches_tui(argv: list[str]) -> bool:
    """True if argv only gives --pack DIRs: the TUI starts, so the subcommand
    modules need not be imported (start-up time, bench/bench_startup.py)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--pack":
            i += 2
            continue
        if not arg.startswith("--pack="):
            return False
        i += 1
    return i == len(argv)


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(with_commands=not _launches_tui(argv))
    args = parser.parse_args(argv)
    module = getattr(args, "_module", None)
    try:
        if module is None:
            from studyapp.commands import tui

            return tui.run(args)
        return int(module.run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
