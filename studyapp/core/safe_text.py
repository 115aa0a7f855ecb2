"""Make text from a pack safe to show in a terminal.

Pack files are outside input: a title or a prompt may carry terminal escape
sequences (ESC [ ... m, OSC 8 hyperlinks, a window-title change) or other
control characters. ``sanitize`` removes them and keeps everything a reader
needs: letters, CJK, punctuation, newlines and tabs.

This only deals with the terminal. Rich/Textual markup (``[bold red]``) is a
separate concern: the TUI never passes pack text through a markup parser (it
builds ``Content``/``Text`` objects from plain strings).
"""
from __future__ import annotations

import re

# (compiled on first use: most text has no ESC at all, and start-up time counts)
# ESC-introduced sequences: CSI (ESC [ ... final), OSC / DCS / SOS / PM / APC
# (ESC ] ... BEL or ST), and two-character escapes (ESC x).
_ESCAPES_PATTERN = (
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?            # CSI ... final byte
  | \x1b[\]PX^_].*?(?:\x07|\x1b\\|$)    # OSC, DCS, SOS, PM, APC ... BEL or ST
  | \x1b[ -/]*[0-~]?                    # other ESC sequences (incl. lone ESC)
  | \x9b[0-?]*[ -/]*[@-~]?              # 8-bit CSI
  | [\x90\x98\x9d\x9e\x9f].*?(?:\x07|\x9c|\x1b\\|$)  # 8-bit DCS, SOS, OSC, PM, APC
    """
)
_escapes: re.Pattern | None = None

# C0 controls except TAB and LF, DEL, C1 controls; bidirectional overrides and
# isolates (they can make text display in an order other than it reads).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sanitize(text: str | None) -> str:
    """Return ``text`` without escape sequences or control characters.

    CRLF and lone CR become LF; tabs and newlines are kept. ``None`` gives "".
    """
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or _has_c1(text):
        global _escapes
        if _escapes is None:
            _escapes = re.compile(_ESCAPES_PATTERN, re.VERBOSE | re.DOTALL)
        text = _escapes.sub("", text)
    return _CONTROLS.sub("", text)


def sanitize_line(text: str | None) -> str:
    """Like ``sanitize`` but for one-line labels: newlines and tabs become spaces."""
    return " ".join(sanitize(text).split()) if text else ""


def _has_c1(text: str) -> bool:
    return any("\x80" <= ch <= "\x9f" for ch in text)
