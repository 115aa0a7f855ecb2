"""Turning pack text into something Textual displays literally.

Every string that comes from a pack goes through ``plain`` / ``one_line``
(``Content`` built from the plain string: no markup parsing) after
``sanitize`` removed terminal escapes and control characters.
"""
from __future__ import annotations

from textual.content import Content

from studyapp.core.safe_text import sanitize, sanitize_line


def plain(text: str | None) -> Content:
    """Multi-line pack text as literal Content."""
    return Content(sanitize(text))


def one_line(text: str | None, limit: int | None = None) -> Content:
    """Pack text squeezed onto one line (optionally cut to ``limit`` characters)."""
    s = sanitize_line(text)
    if limit is not None and len(s) > limit:
        s = s[: max(limit - 1, 1)] + "…"
    return Content(s)


def short(text: str | None, limit: int) -> str:
    """A sanitised one-line plain string cut to ``limit`` characters."""
    s = sanitize_line(text)
    return s if len(s) <= limit else s[: max(limit - 1, 1)] + "…"


def unwrap(text: str | None) -> str:
    """Sanitised text with hard line breaks inside paragraphs removed (blank lines kept).

    Chinese lines join without a space; Latin ones with one.
    """
    paragraphs = []
    for para in sanitize(text).split("\n\n"):
        out = ""
        for line in para.split("\n"):
            line = line.strip()
            if not line:
                continue
            if out and (out[-1].isascii() and line[0].isascii()):
                out += " "
            out += line
        if out:
            paragraphs.append(out)
    return "\n\n".join(paragraphs)


_UNSAFE = None


def same_length_safe(text: str) -> str:
    """The candidate's own text with control characters shown as '\ufffd', offsets unchanged
    (evidence offsets point into the original text)."""
    global _UNSAFE
    if _UNSAFE is None:
        import re

        _UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    return _UNSAFE.sub("\ufffd", text)


def mmss(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


# The answer editor's cursor blinks; tests and snapshot runs turn this off.
CURSOR_BLINK = True
