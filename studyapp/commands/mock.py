"""``studyapp mock``: a timed mock interview, straight into the session.

    studyapp mock [--count N] [--type TYPE ...] [--think SECONDS] [--answer SECONDS]
                  [--listen] [--no-voice] [--practice] [--no-bell] [--pack DIR] [--seed N]

The arguments are checked and the questions drawn before Textual is imported,
so a wrong type or too few questions is one clear line and exit code 2. With
``--listen``, a speech program that cannot be found is said on standard error
before the screen opens (and as a notice in the app). If an earlier session
was interrupted, the app first offers to resume it.

``STUDYAPP_HEADLESS=1`` runs the app without drawing to the terminal
(scripts, CI).
"""
from __future__ import annotations

import argparse
import os
import random
import sys

from studyapp.core.model import QUESTION_TYPES

HEADLESS_ENV = "STUDYAPP_HEADLESS"
MAX_COUNT = 20
MAX_SECONDS = 3600


def _seconds(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of seconds") from None
    if not 1 <= v <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"{v} is out of range (1-{MAX_SECONDS} seconds)")
    return v


def _count(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= v <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"{v} is out of range (1-{MAX_COUNT} questions)")
    return v


class _CellsHelpFormatter(argparse.HelpFormatter):
    """argparse wraps the help by characters, and a CJK one (综合分析, 听题) takes two
    terminal columns: wrap by the columns the text takes."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        from studyapp.core.textio import cell_width

        lines: list[str] = []
        line, used = "", 0
        for word in text.split():
            w = cell_width(word)
            if line and used + 1 + w > width:
                lines.append(line)
                line, used = "", 0
            while w > width:  # (on a line of its own) a word wider than the column: cut at the edge
                cut = 1
                while cell_width(word[:cut + 1]) <= width:
                    cut += 1
                lines.append(word[:cut])
                word = word[cut:]
                w = cell_width(word)
            line, used = (line + " " + word, used + 1 + w) if line else (word, w)
        if line:
            lines.append(line)
        return lines


def add_arguments(parser) -> None:
    parser.formatter_class = _CellsHelpFormatter
    parser.add_argument("--count", type=_count, default=None, metavar="N",
                        help="number of questions (default 3; 3 and 4 use the exam's 15/20-minute timing)")
    parser.add_argument("--type", dest="types", action="extend", nargs="+", default=[], metavar="TYPE",
                        choices=QUESTION_TYPES, help="only these question types (default: mixed): "
                        + " ".join(QUESTION_TYPES))
    parser.add_argument("--think", type=_seconds, default=None, metavar="SECONDS",
                        help="thinking time per question (default: from the preset or the question)")
    parser.add_argument("--answer", type=_seconds, default=None, metavar="SECONDS",
                        help="answering time per question (default: from the preset or the question)")
    parser.add_argument("--listen", action="store_true",
                        help="听题: the prompt is shown only while it is read out, one re-read allowed")
    parser.add_argument("--practice", action="store_true", help="practice mode: the clock can be paused (F4)")
    parser.add_argument("--no-bell", dest="bell", action="store_false", help="no terminal bell at the warnings")
    parser.add_argument("--no-voice", dest="voice", action="store_false",
                        help="听题 without reading the question aloud (by default it is read with the "
                        "computer's speech engine when there is one; see STUDYAPP_VOICE in the README)")
    parser.add_argument("--pack", dest="mock_packs", action="append", default=[], metavar="DIR",
                        help="also draw from this pack (may be given more than once)")
    parser.add_argument("--seed", type=int, default=None, help=argparse.SUPPRESS)


def options_from_args(args):
    from studyapp.core.session import PRESETS, MockOptions

    count = args.count or 3
    preset = None
    if args.think is None or args.answer is None:
        preset = next((k for k, p in PRESETS.items() if p.count == count), None)
    return MockOptions(
        count=count,
        types=tuple(dict.fromkeys(args.types)),
        think=args.think,
        answer=args.answer,
        listen=args.listen,
        practice=args.practice,
        bell=args.bell,
        voice=args.voice,
        preset=preset,
        seed=args.seed,
    )


def _why_silent(options) -> str | None:
    """With --listen and reading aloud on: why no question will be read aloud (no speech
    program, or STUDYAPP_VOICE names one that cannot be found), in Chinese; else None."""
    if not (options.listen and options.voice):
        return None
    from studyapp.core.speech import OFF, VOICE_ENV, find_voice

    if (os.environ.get(VOICE_ENV) or "").strip().lower() in OFF:
        return None  # turned off on purpose
    voice, about = find_voice()
    if voice is not None:
        return None
    return about if "只显示不朗读" in about else f"{about}；听题时题目只显示不朗读"


def run(args) -> int:
    from studyapp.commands.tui import load_packs, open_store
    from studyapp.core.session import SessionError, draw_questions

    options = options_from_args(args)
    extra = list(getattr(args, "pack", None) or []) + list(args.mock_packs)
    results, errors, notices = load_packs(extra)
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        return 2
    packs = [r.pack for r in results if r.pack is not None]
    try:  # fail before the screen changes if the packs cannot supply the session
        draw_questions(packs, options.count, types=options.types or None, rng=random.Random(options.seed))
    except SessionError as exc:
        print(f"studyapp mock: error: {exc}", file=sys.stderr)
        return 2

    from studyapp.commands.tui import DUMB_TERMINAL, dumb_terminal

    if dumb_terminal():
        print(DUMB_TERMINAL, file=sys.stderr)
        return 2

    silent = _why_silent(options)
    if silent is not None:  # said before the screen opens, and again in the app
        from studyapp.core.textio import terminal_safe

        print(f"studyapp mock: warning: {terminal_safe(silent)}", file=sys.stderr)
        notices = [*notices, silent]

    store, store_error = open_store()

    from studyapp.tui.app import StudyApp

    app = StudyApp(results, store=store, store_error=store_error, notices=notices, mock=options)
    try:
        app.run(headless=bool(os.environ.get(HEADLESS_ENV)))
    finally:
        if store is not None:
            store.close()
    return int(app.return_code or 0)
