"""The domain core never imports Textual, and the headless commands start without it.

Each check runs in a fresh interpreter, because the test process itself may
have imported Textual for the TUI tests. New core modules are picked up by
themselves (pkgutil); a new headless command is one line in HEADLESS_COMMANDS.
"""
from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import studyapp.core

CORE_MODULES = sorted(
    m.name for m in pkgutil.walk_packages(studyapp.core.__path__, prefix="studyapp.core.")
)

# argv for studyapp; each must run to the end without importing textual
HEADLESS_COMMANDS = [
    ["validate"],
    ["list"],
    ["list", "--json"],
    ["history"],
    ["history", "--json"],
    ["pack", "list"],
]

PROBE = """
import json, sys
{body}
print(json.dumps(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))))
"""


def textual_modules_after(body: str) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(body=body)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_core_modules_are_found():
    for name in ("studyapp.core.model", "studyapp.core.packs", "studyapp.core.textio", "studyapp.core.clock"):
        assert name in CORE_MODULES


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module):
    assert textual_modules_after(f"import {module}") == []


@pytest.mark.parametrize("argv", HEADLESS_COMMANDS, ids=" ".join)
def test_headless_command_runs_without_textual(argv):
    body = (
        "import contextlib, io\n"
        "from studyapp import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    code = cli.main({argv!r})\n"
        "assert code in (0, 1), code  # ran to the end, whatever the pack holds\n"
    )
    assert textual_modules_after(body) == []


def test_the_probe_would_notice_textual():
    """The check above can fail: importing the TUI package's dependency is seen."""
    assert "textual" in textual_modules_after("import textual.app")
