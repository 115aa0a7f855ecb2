"""Turning pack text into something Textual displays literally.

Every string that comes from a pack goes through ``plain`` / ``one_line``
(``Content`` built from the plain string: no markup parsing) after
``sanitize`` removed terminal escapes and control characters.
"""
from __future__ import annotations

from textual.content import Content

from studyapp.core.safe_text import sanitize, sanitize_line


def after_typed_keys(screen, selector: str, callback) -> None:
    """Run ``callback`` once the editor ``selector`` of ``screen`` has taken every key that
    came before the one running now.

    Submit, leave and end-of-phase keys are priority bindings: the app runs them as they
    arrive, while the characters before them (a burst from an input method, a paste without
    bracketed paste, a fast typist) may still wait in the editor's queue. A callback queued
    on the editor runs after them."""
    try:
        editor = screen.query_one(selector)
    except Exception:  # being torn down
        return
    editor.call_later(callback)


def error_text(exc: BaseException) -> str:
    """What a failure says to the candidate: the Chinese message of the app's own
    errors (StoreError, SessionError), or the error's own text for anything else."""
    return getattr(exc, "zh", None) or str(exc)


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


# --- Chinese line breaking ------------------------------------------------------------------
#
# Textual wraps text at spaces and folds a longer run of characters at the edge, whatever
# they are. Chinese has no spaces: a paragraph is one "word", so a line may begin with ，。
# and a short Latin item before it ("1. 建立……") pushes the whole run to the next line.
# Here a line may break between any two wide characters, except before closing punctuation
# (，。、；：？！）」』”’》…) and after opening punctuation (（「『“‘《), the usual rules
# (禁则) of Chinese typesetting. Installed into Textual's two wrappers (Content and the
# TextArea) by ``install_line_breaking()``; text without wide characters wraps as before.

# (and the review's point numbers after a piece of evidence, 接待室¹: they belong to it)
NO_BREAK_BEFORE = frozenset("，。、；：？！）」』”’》〉】〕〗…—～·・,.;:?!)]}%‰℃⁰¹²³⁴⁵⁶⁷⁸⁹")
NO_BREAK_AFTER = frozenset("（「『“‘《〈【〔〖([{")


def break_chunks(text: str):
    """(start, end, chunk) pieces of ``text`` between which a line may break; each piece
    keeps its trailing whitespace. Covers the whole text, in order."""
    from rich.cells import get_character_cell_size as width

    start = 0
    seen_text = False
    prev = ""
    prev_wide = False
    for i, ch in enumerate(text):
        space = ch.isspace()
        wide = not space and width(ch) == 2
        if i and seen_text and not space:
            if prev.isspace():
                can_break = True
            else:
                can_break = (wide or prev_wide) and ch not in NO_BREAK_BEFORE and prev not in NO_BREAK_AFTER
            if can_break and i > start:
                yield start, i, text[start:i]
                start = i
        if not space:
            seen_text = True
        prev, prev_wide = ch, wide
    if start < len(text):
        yield start, len(text), text[start:]


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """``rich._wrap.divide_line`` (what Textual's Content uses) with Chinese break rules."""
    if text.isascii():
        from rich._wrap import divide_line as rich_divide_line  # never replaced itself

        return rich_divide_line(text, width, fold)
    from rich._loop import loop_last
    from rich.cells import cell_len, chop_cells

    breaks: list[int] = []
    offset = 0
    for start, _end, word in break_chunks(text):
        word_len = cell_len(word.rstrip())
        if width - offset >= word_len:
            offset += cell_len(word)
        elif word_len > width:
            if fold:
                for last, line in loop_last(chop_cells(word, width=width)):
                    if start:
                        breaks.append(start)
                    if last:
                        offset = cell_len(line)
                    else:
                        start += len(line)
            else:
                if start:
                    breaks.append(start)
                offset = cell_len(word)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def _wrap_chunks(text: str):
    """``textual._wrap.chunks`` (the TextArea's wrapping) with Chinese break rules."""
    if text.isascii() and _textual_chunks is not None:
        return _textual_chunks(text)
    return break_chunks(text)


_installed = False
_textual_chunks = None


def install_line_breaking() -> bool:
    """Make Textual wrap Chinese text by the rules above; False if its internals moved
    (then text wraps as Textual does; tests/tui/test_flows.py notices)."""
    global _installed, _textual_chunks
    if _installed:
        return True
    try:
        import textual._wrap as textual_wrap
        import textual.content as textual_content
    except ImportError:
        return False
    if not (callable(getattr(textual_content, "divide_line", None)) and callable(getattr(textual_wrap, "chunks", None))):
        return False
    _installed = True
    _textual_chunks = textual_wrap.chunks
    textual_content.divide_line = divide_line
    textual_wrap.chunks = _wrap_chunks
    return True
