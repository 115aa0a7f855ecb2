"""Launch the terminal app (the only command path that imports Textual)."""
from __future__ import annotations

import sys


def run(args) -> int:
    # Placeholder until the TUI lands (issue 4): say what would open.
    print("studyapp: the terminal app would open here on the bundled pack", file=sys.stderr)
    return 0
