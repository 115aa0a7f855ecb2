"""Find, load and validate question packs (format v1, docs/pack-format.md).

``load_pack(folder)`` never raises for anything inside the folder: it returns
a ``LoadResult`` with every valid topic and question and a ``Problem`` (path,
line, severity, message) for everything wrong, so an app can start with what
is valid and ``studyapp validate`` can print all problems in one run.

YAML is read only through a safe loader (libyaml's ``CSafeLoader`` when
available), composed into nodes so every key and list item keeps its line;
values are built here, from the nodes, never by a constructor that could run
code. Tags other than YAML's plain ones (``!!python/...``, ``!foo``) are an
error and their node is never constructed.
"""
from __future__ import annotations

import datetime as _dt
import math
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from studyapp.core.model import (
    ERROR,
    QUESTION_TYPES,
    WARNING,
    KeyPoint,
    LoadResult,
    Pack,
    Problem,
    Question,
    Section,
    Thesaurus,
    Timing,
    Topic,
)
from studyapp.core.paths import bundled_pack_dir
from studyapp.core.textio import DEFAULT_LIMIT, UserInputError, read_user_text, terminal_safe

FORMAT_VERSION = 1
ID_RE = re.compile(r"[a-z0-9-]+")

PACK_FILE = "pack.yaml"
THESAURUS_FILE = "thesaurus.yaml"
TOPICS_DIR = "topics"
QUESTIONS_DIR = "questions"

PACK_KEYS = ("id", "title", "version", "language", "authors", "description", "format")
TOPIC_KEYS = ("id", "title", "tags", "date", "sources")
QUESTION_KEYS = ("id", "prompt", "type", "topic", "reference", "time", "key_points")
KEY_POINT_KEYS = ("id", "point", "weight", "keywords")
TIME_KEYS = ("think", "answer")
THESAURUS_KEYS = ("synonyms", "related", "kinds")

_SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MAX_DEPTH = 50
_MAX_NODES = 200_000


# --------------------------------------------------------------------------
# YAML with lines


@dataclass
class Y:
    """A YAML value with the 1-based line it starts on.

    ``kind`` is "map" (value: dict key -> Entry), "seq" (list of Y) or
    "scalar" (a plain Python value: str, int, float, bool, None, date).
    """

    kind: str
    value: Any
    line: int
    raw: str | None = None  # a scalar as written (110 for the int 110, 0110 for the int 72)


@dataclass
class Entry:
    key_line: int
    value: Y


class _YamlRefused(Exception):
    """YAML that is broken or refused; ``line`` is 1-based or None."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _Builder:
    """Turns composed nodes into ``Y`` values, refusing unsafe or odd YAML."""

    def __init__(self, line_offset: int, problems: list[tuple[int, str]] | None = None) -> None:
        self.offset = line_offset
        self.count = 0
        # problems that leave the rest of the document readable (a key given twice: the
        # first value is kept); None raises them like the others
        self.problems = problems
        # only used to resolve plain scalars (int, float, bool, null, timestamp)
        self._scalars = yaml.SafeLoader("")

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def build(self, node: yaml.Node, depth: int = 0) -> Y:
        self.count += 1
        if self.count > _MAX_NODES:
            raise _YamlRefused(
                self.line(node),
                "too many YAML values (anchors and aliases?): write the values out, or do not"
                " put aliases (*name) in a list that is itself used as an alias",
            )
        if depth > _MAX_DEPTH:
            raise _YamlRefused(self.line(node), "YAML nested too deeply (or an alias that contains itself)")
        line = self.line(node)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                raise _YamlRefused(line, f"YAML tag {_tag_name(node.tag)} is not allowed")
            try:
                value = self._scalars.construct_object(node)
            except (yaml.YAMLError, ValueError, OverflowError) as exc:
                raise _YamlRefused(line, f"bad YAML value {_q(node.value)}: {exc}") from None
            return Y("scalar", value, line, node.value)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                raise _YamlRefused(line, f"YAML tag {_tag_name(node.tag)} is not allowed")
            return Y("seq", [self.build(item, depth + 1) for item in node.value], line)
        if isinstance(node, yaml.MappingNode):
            if node.tag != _TAG + "map":
                raise _YamlRefused(line, f"YAML tag {_tag_name(node.tag)} is not allowed")
            out: dict[str, Entry] = {}
            for key_node, value_node in node.value:
                key_line = self.line(key_node)
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _YamlRefused(key_line, "a key must be plain text, not a list or mapping")
                if key_node.tag == _TAG + "merge":
                    raise _YamlRefused(key_line, "YAML merge keys (<<) are not supported")
                if key_node.tag not in _SCALAR_TAGS:
                    raise _YamlRefused(key_line, f"YAML tag {_tag_name(key_node.tag)} is not allowed")
                key = key_node.value
                value = self.build(value_node, depth + 1)  # refused tags inside are found either way
                if key in out:
                    message = f"duplicate key {_q(key)} (first on line {out[key].key_line})"
                    if self.problems is None:
                        raise _YamlRefused(key_line, message)
                    self.problems.append((key_line, message))
                    continue
                out[key] = Entry(key_line, value)
            return Y("map", out, line)
        raise _YamlRefused(line, "unsupported YAML node")  # pragma: no cover


def _tag_name(tag: str | None) -> str:
    if tag and tag.startswith(_TAG):
        return "!!" + tag[len(_TAG):]
    return _q(tag or "?")


_KEY_FULLWIDTH_COLON = re.compile(r"^ *(?:- +)?([A-Za-z_][A-Za-z0-9_]*) *\uff1a")
_KEY_FULLWIDTH_SPACE = re.compile(r"^ *(?:- +)?([A-Za-z_][A-Za-z0-9_]*):\u3000")
# a list item or a key: what an indentation slip breaks (a reference paragraph
# indented with full-width spaces inside a | block is fine and is not this)
_STRUCTURE = re.compile(r"(?:-(?: |$)|[A-Za-z_][\w-]* *[:\uff1a])")


# key: "一件事"一次办 / - "…"… : a quoted start with more text after the closing quote
_QUOTE_CLOSED_EARLY = re.compile(r"""^[ \t]*(?:-[ \t]+)*(?:[^\s:#'"][^:#]*:[ \t]+)?(["'])(?:(?!\1).)*\1[ \t]*[^\s#,\]}]""")


def _typing_slip(text: str, line_offset: int, upto: int | None = None) -> tuple[int, str] | None:
    """(line, message) for the first line (up to ``upto``) with a slip that
    Chinese input methods and Windows editors make and YAML cannot read:
    a full-width colon after a key, indentation with full-width spaces or
    tabs, a no-break space after a colon. None if there is none."""
    for n, raw in enumerate(text.split("\n"), 1 + line_offset):
        if upto is not None and n > upto:
            break
        m = _KEY_FULLWIDTH_COLON.match(raw)
        if m:
            return n, (
                f"full-width colon '\uff1a' after {_q(m.group(1))}: YAML needs an ASCII colon"
                f" and a space ({m.group(1)}: ...)"
            )
        rest = raw.lstrip(" \t\u3000\u00a0")
        indent = raw[: len(raw) - len(rest)]
        if _STRUCTURE.match(rest):
            if "\u3000" in indent:
                return n, "the line is indented with full-width spaces (U+3000): indent with ordinary spaces"
            if "\t" in indent:
                return n, "the line is indented with a tab: YAML indents with spaces only"
            if "\u00a0" in indent:
                return n, (
                    "the line is indented with a no-break space (U+00A0, as text copied from a web page"
                    " or a chat has): indent with ordinary spaces"
                )
        if ":\u00a0" in raw:
            return n, "a no-break space (U+00A0) after ':': use an ordinary space"
        m = _KEY_FULLWIDTH_SPACE.match(raw)
        if m:
            return n, (
                f"a full-width space (U+3000) after '{m.group(1)}:': YAML needs an ordinary space after"
                f" the colon ({m.group(1)}: ...)"
            )
        m = _QUOTE_CLOSED_EARLY.match(raw)
        if m:
            return n, (
                f"the value starts with a quote ({m.group(1)}) that closes before the value ends:"
                " put the whole value in quotes, or use Chinese quotes “…” inside it"
            )
    return None


_LINE_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)[ \t]*(.*)$")
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")


@dataclass
class _Level:
    col: int
    kind: str  # "map" or "seq"
    line: int  # the line of its latest key or '-'
    key: str | None = None  # its latest key


def _open_value(value: str) -> bool:
    """Whether a value starts something that goes on over the next lines: a | or >
    block, or a [ { or quote not closed on its line."""
    if _BLOCK_SCALAR.match(value):
        return True
    if value[:1] in "[{":
        return value.count("[") + value.count("{") > value.count("]") + value.count("}")
    if value[:1] in "'\"":
        return value.count(value[0]) < 2
    return False


def _spaces(n: int) -> str:
    return "1 space" if n == 1 else f"{n} spaces"


def _indent_to(n: int) -> str:
    return "start it at the beginning of the line" if n == 0 else f"indent it {_spaces(n)}"


def _indent_slip(text: str, line_offset: int, upto: int) -> tuple[int, str] | None:
    """(line, message) for a line at or just before the line YAML stopped at (``upto``)
    that is indented wrongly: a key at the column of the '-' of the list above it, or
    a key that does not line up with the keys of its item. None when none is found
    (or the file is something this simple reading does not follow)."""
    stack: list[_Level] = []
    opens = False  # the line before left a key (or '-') with its value to come
    skip_deeper: int | None = None  # lines indented more than this belong to a block value
    for n, raw in enumerate(text.split("\n"), 1 + line_offset):
        if n > upto:
            break
        content = raw.lstrip(" ")
        x = len(raw) - len(content)
        if not content.strip() or content.startswith("#") or (x == 0 and content.rstrip() in ("---", "...")):
            continue
        if skip_deeper is not None:
            if x > skip_deeper:
                continue
            skip_deeper = None
        if content[0] in "\t\u3000\u00a0":
            return None
        tokens: list[tuple[str, int, str | None, str]] = []  # (kind, column, key, value)
        col = x
        while content[:1] == "-" and content[1:2] in (" ", ""):
            tokens.append(("seq", col, None, ""))
            rest = content[1:].lstrip(" ")
            col += len(content) - len(rest)
            content = rest
        m = _LINE_KEY.match(content)
        if m:
            value = m.group(2).strip()
            tokens.append(("map", col, m.group(1), "" if value.startswith("#") else value))
        elif not tokens:
            if stack and x > stack[-1].col:
                continue  # the next line of a plain value
            return None
        kind0, col0, key0, _ = tokens[0]
        popped: _Level | None = None
        while stack and stack[-1].col > col0:
            popped = stack.pop()
        top = stack[-1] if stack else None
        slip: str | None = None
        if top is not None and top.col == col0 and top.kind != kind0:
            if kind0 == "map" and len(stack) > 1 and stack[-2].kind == "map" and stack[-2].col == col0:
                stack.pop()  # a key after a list written at its key's column
            elif kind0 == "map":
                like = (
                    f"like {_q(popped.key)} on line {popped.line} ({_spaces(popped.col)})"
                    if popped is not None and popped.kind == "map" and popped.key else "under that item"
                )
                slip = (
                    f"{_q(key0)} is at the column of the '-' above it (line {top.line}), so YAML expects"
                    f" a new list item there: to belong to that item, indent it {like}"
                )
            elif opens:
                stack.append(_Level(col0, kind0, n))
            elif len(stack) > 1 and stack[-2].kind == "seq" and top.key:
                # - id: a / keywords: [x] / then '- id: b' at the column of keywords
                item = stack[-2]
                slip = (
                    f"this '-' is at the column of {_q(top.key)} (line {top.line}), inside the list item"
                    f" of line {item.line}: to start the next item, line it up with the '-' on line"
                    f" {item.line} ({_indent_to(item.col)})"
                )
            elif popped is not None and popped.kind == "seq":
                # the '-' of the next item at the column of the list's key
                at = "at the beginning of the line" if col0 == 0 else f"indented {_spaces(col0)}"
                slip = (
                    f"this '-' is {at}, but the '-' on line {popped.line} is indented"
                    f" {_spaces(popped.col)}: items of one list must line up ({_indent_to(popped.col)})"
                )
            else:
                return None
        elif top is None or top.col < col0:
            if opens or top is None:
                stack.append(_Level(col0, kind0, n))
            elif kind0 == "map" and popped is not None and popped.kind == "map" and popped.key:
                slip = (
                    f"{_q(key0)} is indented {_spaces(col0)}, but {_q(popped.key)} on line {popped.line} is"
                    f" indented {_spaces(popped.col)}: keys of one mapping must line up"
                    f" ({_indent_to(popped.col)})"
                )
            elif kind0 == "map" and top.kind == "map" and top.key:
                slip = (
                    f"{_q(key0)} is indented more than {_q(top.key)} on line {top.line}, which has its value"
                    f" already: keys of one mapping must line up ({_indent_to(top.col)})"
                )
            elif kind0 == "seq" and popped is not None and popped.kind == "seq":
                slip = (
                    f"this '-' is indented {_spaces(col0)}, but the '-' on line {popped.line} is indented"
                    f" {_spaces(popped.col)}: items of one list must line up ({_indent_to(popped.col)})"
                )
            elif kind0 == "seq" and top.kind == "seq":
                slip = (
                    f"this '-' is indented {_spaces(col0)}, but the '-' on line {top.line} is indented"
                    f" {_spaces(top.col)}: items of one list must line up ({_indent_to(top.col)})"
                )
            else:
                return None
        if slip is not None:
            return (n, slip) if n >= upto - 2 else None
        stack[-1].line = n
        for kind, c, key, _ in tokens[1:]:
            stack.append(_Level(c, kind, n))
        kind, c, key, value = tokens[-1]
        if kind == "map":
            stack[-1].key = key
            opens = not value
            if value and _open_value(value):
                skip_deeper = stack[-1].col
        else:
            opens = True
    return None


_BLOCK_KEY = re.compile(r"^ *(?:- +)*([A-Za-z_][\w-]*)[ \t]*:[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$")


def _block_slip(text: str, line_offset: int, upto: int) -> tuple[int, str] | None:
    """(line, message) for a line of a ``key: |`` (or ``>``) block that is not indented
    under the key or less than the block's lines above it: YAML ends the block there and
    reads the line as a key. None when there is none up to ``upto``."""
    block: tuple[str, int, int, int | None] | None = None  # key, its line, its column, the lines' indent
    for n, raw in enumerate(text.split("\n"), 1 + line_offset):
        if n > upto:
            break
        content = raw.lstrip(" ")
        if block is not None and content.strip():
            x = len(raw) - len(content)
            key, key_line, key_col, indent = block
            if indent is None and x > key_col:
                block = (key, key_line, key_col, x)
                continue
            if indent is not None and x >= indent:
                continue
            block = None
            if not (_STRUCTURE.match(content) or content.startswith("#")):
                if indent is None:
                    return n, (
                        f"this line is not indented under {_q(key)} (line {key_line}), so YAML ends the"
                        f" '{key}: |' block before it and reads the line as a key: every line of the block"
                        f" must be indented more than {_q(key)} ({_indent_to(key_col + 2)})"
                    )
                return n, (
                    f"this line is indented less than the lines above it in the '{key}: |' block of line"
                    f" {key_line}, so YAML ends the block before it and reads the line as a key: indent it"
                    f" like them ({_spaces(indent)})"
                )
        m = _BLOCK_KEY.match(raw)
        if m:
            block = (m.group(1), n, m.start(1), None)
    return None


# a value with an ASCII ': ' inside it (prompt: 问题: 怎么看): the key and where its value starts
_KEY_THEN_VALUE = re.compile(r"""^[ \t]*(?:-[ \t]+)*([^\s:#'"\-][^:#]*?)[ \t]*:[ \t]+(?=[^\s#])""")


def _colon_in_value(text: str, mark) -> str | None:
    """The hint for "mapping values are not allowed" when the colon YAML stopped at is
    inside a plain value (``prompt: 问题: 怎么看``); None when it is something else."""
    lines = text.split("\n")
    if mark is None or not 0 <= mark.line < len(lines):
        return None
    raw = lines[mark.line]
    m = _KEY_THEN_VALUE.match(raw)
    if m is None or mark.column < m.end() or raw[mark.column:mark.column + 1] != ":":
        return None
    return (
        f"the value of {_q(m.group(1).strip())} contains ': ' (an ASCII colon and a space), which YAML"
        " reads as another key: put the whole value in quotes, or use the full-width colon \uff1a"
    )


def parse_yaml(
    text: str, *, line_offset: int = 0, problems: list[tuple[int, str]] | None = None
) -> Y | None:
    """Parse one YAML document into ``Y`` values (None for an empty document).

    Raises ``_YamlRefused`` with a line for syntax errors and refused tags.
    With ``problems``, a key given twice is added to it as (line, message)
    and the rest of the document is still read (the first value is kept).
    """
    try:
        node = yaml.compose(text, Loader=_SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark is not None else None
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{exc.context}: {what}"
        hint = _typing_slip(text, line_offset, upto=line)
        if hint is not None:
            raise _YamlRefused(hint[0], f"{hint[1]} (YAML syntax error: {what})") from None
        if line is not None:
            slip = _indent_slip(text, line_offset, line)
            if slip is not None:
                raise _YamlRefused(slip[0], f"{slip[1]} (YAML syntax error: {what})") from None
            slip = _block_slip(text, line_offset, line)
            if slip is not None:
                raise _YamlRefused(slip[0], f"{slip[1]} (YAML syntax error: {what})") from None
        if exc.problem == "mapping values are not allowed in this context":
            colon = _colon_in_value(text, exc.problem_mark)
            if colon is not None:
                raise _YamlRefused(line, f"{colon} (YAML syntax error: {what})") from None
        raise _YamlRefused(line, f"YAML syntax error: {what}") from None
    except yaml.reader.ReaderError as exc:
        pos = exc.position if isinstance(exc.position, int) else 0
        # libyaml counts bytes of the UTF-8 text, the pure-Python reader characters
        head = text.encode("utf-8")[:pos] if _SafeLoader is not yaml.SafeLoader else text[:pos].encode("utf-8")
        line = head.count(b"\n") + 1 + line_offset
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise _YamlRefused(
            line, f"YAML does not allow the control character U+{char:04X} (write it as an escape in double quotes)"
        ) from None
    except yaml.YAMLError as exc:
        raise _YamlRefused(None, f"YAML error: {terminal_safe(str(exc))}") from None
    except RecursionError:
        raise _YamlRefused(None, "YAML nested too deeply") from None
    if node is None:
        return None
    return _Builder(line_offset, problems).build(node)


# --------------------------------------------------------------------------
# messages


def _q(value: Any, limit: int = 40) -> str:
    """Quote a value from a file for a message: short, one line, no control characters."""
    text = terminal_safe(value if isinstance(value, str) else repr(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


_INVISIBLE = {
    "\u3000": "a full-width space (U+3000)",
    "\t": "a tab",
    "\u00a0": "a no-break space (U+00A0)",
    "\u200b": "a zero-width space (U+200B)",
    "\u200c": "a zero-width non-joiner (U+200C)",
    "\u200d": "a zero-width joiner (U+200D)",
    "\u2060": "a word joiner (U+2060)",
    "\ufeff": "a byte-order mark (U+FEFF)",
    " ": "a space",
}


def _invisible(value: str) -> str:
    """' (it ends with a full-width space (U+3000))' for an id or key with a character
    that cannot be seen in a message; '' when it has none."""
    found = [
        (i, ch) for i, ch in enumerate(value)
        if ch in _INVISIBLE and (ch != " " or i in (0, len(value) - 1))  # a space inside shows
    ]
    if not found:
        return ""
    i, ch = found[0]
    where = "starts with" if i == 0 else ("ends with" if i == len(value) - 1 else "has")
    return f" (it {where} {_INVISIBLE[ch]}{' in it' if where == 'has' else ''})"


_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"  # cannot be seen, and no answer has them
_ODD_SPACES = "\u3000\u00a0\t"  # look like (or are not) an ordinary space


def _hidden_char(value: str, chars: str) -> str:
    """' (it has a zero-width space (U+200B) in it)' for the first of ``chars`` in
    ``value``, '' when there is none."""
    for i, ch in enumerate(value):
        if ch in chars:
            where = "starts with" if i == 0 else ("ends with" if i == len(value) - 1 else "has")
            return f" (it {where} {_INVISIBLE[ch]}{' in it' if where == 'has' else ''})"
    return ""


def _check_term(text: str, line: int, what: str, r: _Reporter) -> bool:
    """A keyword or a thesaurus term with a character that cannot be seen: a zero-width
    one is an error (no answer has it, so the term can never match); a full-width or
    no-break space or a tab a warning (the grader ignores spaces in a term, so it does no
    harm, but it is a slip). False after an error."""
    hidden = _hidden_char(text, _ZERO_WIDTH)
    if hidden:
        r.error(line, (
            f"{what} {_q(text)}{hidden}: no typed answer can match it (nobody types that character);"
            " delete the invisible character"
        ))
        return False
    odd = _hidden_char(text, _ODD_SPACES)
    if odd:
        r.warning(line, (
            f"{what} {_q(text)}{odd}: the grader ignores spaces in a {what}, so it is matched as"
            f" {_q(''.join(text.split()))}; delete the character"
        ))
    return True


def _type_name(y: Y) -> str:
    if y.kind == "map":
        return "a mapping"
    if y.kind == "seq":
        return "a list"
    v = y.value
    if v is None:
        return "empty"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, (int, float)):
        return "a number"
    if isinstance(v, (_dt.date, _dt.datetime)):
        return "a date"
    return "text"


class _Reporter:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.found_id: str | None = None  # the item's id, even when the item has errors

    def error(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, ERROR, message))

    def warning(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, WARNING, message))

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)


# --------------------------------------------------------------------------
# field readers: each reports its own problem and returns None when unusable


def _unknown_keys(m: dict[str, Entry], known: Iterable[str], r: _Reporter, where: str) -> None:
    known = tuple(known)
    for key, entry in m.items():
        if key in known:
            continue
        bare = key.strip("".join(_INVISIBLE))
        if bare in known and key.startswith("\u3000"):
            # a full-width space before a key is the same slip as in a question file's lines,
            # and the value is lost: an error, as it is there
            r.error(
                entry.key_line,
                "the line is indented with full-width spaces (U+3000): indent with ordinary spaces"
                f" (as written, the key is {_q(key)}, not {_q(bare)}, and its value is not read)",
            )
        elif bare in known and bare != key:
            r.error(
                entry.key_line,
                f"the key {_q(key)}{_invisible(key)} is not {_q(bare)}: delete the invisible character"
                " (as written, its value is not read)",
            )
        elif key[:1] in ("\u00a0", "\u3000") and bare:
            # `\u00a0\u00a0\u00a0\u00a0point:` under a list item: to YAML no indent at all, so a
            # key of this mapping that it does not know; the slip is the indentation
            space = "a no-break space (U+00A0, as text copied from a web page or a chat has)" \
                if key[0] == "\u00a0" else "full-width spaces (U+3000)"
            r.error(
                entry.key_line,
                f"the line is indented with {space}: indent with ordinary spaces"
                f" (as written, {_q(bare)} is not indented at all, and its value is not read)",
            )
        else:
            r.warning(
                entry.key_line,
                f"unknown key {_q(key)}{_invisible(key)} in {where} (known: {', '.join(known)})",
            )


def _written_with_invisible(m: dict[str, Entry], key: str) -> bool:
    """Whether ``key`` is in ``m`` with an invisible character before, in or after it
    (``_unknown_keys`` reports that as an error already: one slip, one error)."""
    strip = "".join(_INVISIBLE)
    return any(k != key and k.strip(strip) == key for k in m)


def _text(
    m: dict[str, Entry], key: str, r: _Reporter, *, required: bool, where: str, map_line: int
) -> str | None:
    entry = m.get(key)
    if entry is None:
        if required and not _written_with_invisible(m, key):
            r.error(map_line, f"{where} has no {key!s} (required)")
        return None
    y = entry.value
    empty = y.kind == "scalar" and (y.value is None or (isinstance(y.value, str) and not y.value.strip()))
    if empty:
        if required:
            r.error(entry.key_line, f"{key} is empty")
        else:  # an optional field left blank: nothing is lost by ignoring it
            r.warning(entry.key_line, f"{key} is empty: write it or leave the key out")
        return None
    if y.kind != "scalar" or not isinstance(y.value, str):
        r.error(entry.key_line, f"{key} must be text, not {_type_name(y)}")
        return None
    return y.value


def _ident(
    m: dict[str, Entry],
    key: str,
    r: _Reporter,
    *,
    required: bool,
    where: str,
    map_line: int,
    pattern: bool = True,
) -> str | None:
    entry = m.get(key)
    if entry is not None and entry.value.kind == "scalar" and isinstance(entry.value.value, (int, float)) \
            and not isinstance(entry.value.value, bool):
        # `id: 12` is fine as an id, and so is `id: 1.0`, taken as written (not the float 1.0)
        value: str | None = entry.value.raw or str(entry.value.value)
    else:
        value = _text(m, key, r, required=required, where=where, map_line=map_line)
    if value is None:
        return None
    if not pattern:
        return value.strip()
    if not ID_RE.fullmatch(value):
        r.error(
            m[key].key_line,
            f"{key} {_q(value)}{_invisible(value)} must use only lowercase letters a-z, digits 0-9 and '-'",
        )
        return None
    return value


def _text_list(
    m: dict[str, Entry], key: str, r: _Reporter
) -> tuple[str, ...] | None:
    """An optional list of non-empty strings; a single string is a list of one."""
    entry = m.get(key)
    if entry is None:
        return ()
    y = entry.value
    if y.kind == "scalar" and isinstance(y.value, str) and y.value.strip():
        return (y.value,)
    if y.kind != "seq":
        r.error(entry.key_line, f"{key} must be a list of text, not {_type_name(y)}")
        return None
    items = _text_items(
        y.value, r, lambda n: f"each item of {key} must be text, not {_type_name(n)}", f"empty item in {key}"
    )
    return tuple(items) if items is not None else None


def _text_items(nodes, r: _Reporter, not_text, empty: str, numbers: bool = False) -> list[str] | None:
    """The text of each node, or None when any node is not text or is blank (each such
    node reported at its line: ``not_text(node)`` or ``empty``). With ``numbers``, a
    number counts as the text it is written as (a thesaurus term 12345)."""
    out = []
    ok = True
    for node in nodes:
        text = _keyword_text(node) if numbers else (
            node.value if node.kind == "scalar" and isinstance(node.value, str) else None
        )
        if text is None:
            r.error(node.line, not_text(node))
            ok = False
        elif not text.strip():
            r.error(node.line, empty)
            ok = False
        else:
            out.append(text)
    return out if ok else None


def _shown(y: Y) -> str:
    """A value for a message: a number or a text as written (1.5, 'abc'), else what it is."""
    if y.kind == "scalar" and isinstance(y.value, str) and y.value.strip():
        return _q(y.value)
    if y.kind == "scalar" and isinstance(y.value, (int, float)) and not isinstance(y.value, bool):
        return terminal_safe(y.raw or repr(y.value))[:40]
    return _type_name(y)


def _positive_int(entry: Entry, key: str, r: _Reporter) -> int | None:
    y = entry.value
    v = y.value
    if y.kind != "scalar" or isinstance(v, bool) or not isinstance(v, int):
        r.error(entry.key_line, f"{key} must be a whole number of seconds, not {_shown(y)}")
        return None
    if v <= 0:
        r.error(entry.key_line, f"{key} must be more than 0 seconds, not {v}")
        return None
    return v


# --------------------------------------------------------------------------
# files


def _read(path: Path, r: _Reporter, limit: int) -> str | None:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None  # read_user_text names why
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        r.error(None, "a device or pipe, not a regular file: remove it from the pack")
        return None
    try:
        text = read_user_text(path, limit=limit)
    except UserInputError as exc:
        message = exc.message
        if "over the limit" in message:
            message += (
                "; split the topic into several topic files, each under the limit" if path.suffix == ".md"
                else "; a pack file is a few KiB of text: is this the file meant?"
            )
        r.error(exc.line, message)
        return None
    if not text.strip():
        r.error(None, "the file is empty")
        return None
    return text


def _yaml_mapping(text: str, r: _Reporter, *, line_offset: int = 0, what: str) -> Y | None:
    soft: list[tuple[int, str]] = []
    try:
        doc = parse_yaml(text, line_offset=line_offset, problems=soft)
    except _YamlRefused as exc:
        r.error(exc.line, exc.message)
        return None
    for line, message in soft:  # a key given twice: reported, and the rest is still checked
        r.error(line, message)
    if doc is None:
        r.error(line_offset + 1 if line_offset else None, f"{what} is empty")
        return None
    if doc.kind != "map":
        hint = _typing_slip(text, line_offset) if doc.kind == "scalar" else None
        if hint is not None:
            r.error(hint[0], f"{hint[1]}; as written, {what} is one piece of text, not key: value lines")
        else:
            r.error(doc.line, f"{what} must be a mapping of keys (key: value), not {_type_name(doc)}")
        return None
    return doc


def _read_mapping(path: Path, r: _Reporter, limit: int, *, what: str) -> Y | None:
    """A whole YAML file that must be a mapping (pack.yaml, a question, thesaurus.yaml)."""
    text = _read(path, r, limit)
    if text is None:
        return None
    return _yaml_mapping(text, r, what=what)


@dataclass
class _PackInfo:
    id: str | None = None
    title: str | None = None
    version: str | None = None
    language: str | None = None
    authors: tuple[str, ...] = ()
    description: str | None = None


def _load_pack_yaml(path: Path, r: _Reporter, limit: int) -> _PackInfo | None:
    doc = _read_mapping(path, r, limit, what="pack.yaml")
    if doc is None:
        return None
    m = doc.value
    _unknown_keys(m, PACK_KEYS, r, "pack.yaml")
    info = _PackInfo()
    info.id = _ident(m, "id", r, required=True, where="pack.yaml", map_line=doc.line)
    info.title = _text(m, "title", r, required=True, where="pack.yaml", map_line=doc.line)
    if "format" in m:
        e = m["format"]
        value = e.value.value
        if e.value.kind == "scalar" and isinstance(value, str) and value.strip() == str(FORMAT_VERSION):
            value = FORMAT_VERSION  # "1", quoted as a version may be: the same format
        if e.value.kind != "scalar" or value != FORMAT_VERSION or isinstance(value, bool):
            r.error(
                e.key_line,
                f"format {_q(e.value.value if e.value.kind == 'scalar' else _type_name(e.value))}"
                f" is not supported: this studyapp reads pack format {FORMAT_VERSION}",
            )
    if "version" in m:
        e = m["version"]
        if e.value.kind == "scalar" and isinstance(e.value.value, (str, int, float)) \
                and not isinstance(e.value.value, bool) and str(e.value.value).strip():
            info.version = str(e.value.value)
            if not isinstance(e.value.value, str) and e.value.raw and e.value.raw != info.version:
                # 1.10 unquoted is the number 1.1 to YAML: the version is taken as written (the
                # zip's name, the order of versions), and other tools are told to quote it
                info.version = e.value.raw
                r.warning(
                    e.key_line,
                    f"version {e.value.raw} is written as a bare number, which YAML reads as"
                    f" {e.value.value}: studyapp takes it as written, {e.value.raw}; quote it"
                    f" (\"{e.value.raw}\") so that every tool reads the same version",
                )
        else:
            r.error(e.key_line, f"version must be text or a number, not {_type_name(e.value)}")
    info.language = _text(m, "language", r, required=False, where="pack.yaml", map_line=doc.line)
    info.description = _text(m, "description", r, required=False, where="pack.yaml", map_line=doc.line)
    authors = _text_list(m, "authors", r)
    info.authors = authors or ()
    return info


_FENCE = "---"


def _split_front_matter(text: str, r: _Reporter) -> tuple[str, str, int] | None:
    """(front matter, body, line of the body's first line) or None after reporting."""
    lines = text.split("\n")
    if lines[0].rstrip() != _FENCE:
        r.error(
            1,
            "no front matter: a topic file starts with a '---' line, then id: and title:,"
            " then another '---' line",
        )
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() == _FENCE:
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]), i + 2
    r.error(1, "front matter is not closed: add a '---' line after it")
    return None


# A body in which "## " lines are the only way to write a level-2 heading: no fences, no
# setext underlines or rules, no HTML blocks, no "##" anywhere but at a line's start, no NUL.
_PLAIN_H2 = re.compile(r"^ {0,3}##(?:[ \t]|$)")
_PLAIN_H3_TO_H6 = re.compile(r"^ {0,3}#{3,6}(?:[ \t]|$)")
_NOT_PLAIN = re.compile(r"^ {0,3}(?:`{3}|~{3}|<|[ \t]*[-=*_][-=*_ \t]*$)|\x00", re.M)


def _plain_h2_heads(body: str) -> list[tuple[int, int, str]] | None:
    """The ``## `` headings found line by line, exactly as markdown-it finds them, or None
    when the body has anything that could make the two disagree (then markdown-it is used).
    Saves importing markdown-it (~15 ms) on a first start."""
    if _NOT_PLAIN.search(body):
        return None
    heads = []
    for n, line in enumerate(body.split("\n")):
        if "##" not in line:
            continue
        if not _PLAIN_H2.match(line):
            if _PLAIN_H3_TO_H6.match(line):
                continue
            return None  # a heading in a quote or a list item, an escaped or indented one ...
        rest = line.lstrip(" ")[2:].rstrip(" \t")
        closed = rest.rstrip("#")
        if len(closed) < len(rest) and (not closed or closed[-1] in " \t"):
            rest = closed
        heads.append((n, n + 1, rest.strip()))
    return heads


def _markdown_h2_heads(body: str) -> list[tuple[int, int, str]]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(body)
    heads: list[tuple[int, int, str]] = []  # (start, body start, title)
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.tag == "h2" and tok.map:
            title = tokens[i + 1].content.strip() if i + 1 < len(tokens) else ""
            heads.append((tok.map[0], tok.map[1], title))
    return heads


def _sections(body: str, body_line: int) -> tuple[Section, ...]:
    lines = body.split("\n")
    heads = _plain_h2_heads(body)
    if heads is None:
        heads = _markdown_h2_heads(body)
    out = []
    for n, (start, content_start, title) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        text = "\n".join(lines[content_start:end]).strip("\n")
        out.append(Section(title=title, body=text, level=2, line=body_line + start))
    return tuple(out)


@dataclass
class _TopicDraft:
    topic: Topic | None  # None when the file has errors
    id: str | None  # read even when the file has errors, for the checks across files
    id_line: int | None


def _load_topic(path: Path, r: _Reporter, limit: int) -> _TopicDraft | None:
    text = _read(path, r, limit)
    if text is None:
        return None
    split = _split_front_matter(text, r)
    if split is None:
        return None
    front, body, body_line = split
    if not front.strip():
        r.error(1, "front matter is empty: it needs id: and title:")
        return None
    doc = _yaml_mapping(front, r, line_offset=1, what="front matter")
    if doc is None:
        return None
    m = doc.value
    _unknown_keys(m, TOPIC_KEYS, r, "topic front matter")
    topic_id = _ident(m, "id", r, required=True, where="front matter", map_line=doc.line)
    title = _text(m, "title", r, required=True, where="front matter", map_line=doc.line)
    tags = _text_list(m, "tags", r)
    sources = _text_list(m, "sources", r)
    date = None
    if "date" in m:
        e = m["date"]
        v = e.value.value if e.value.kind == "scalar" else None
        if isinstance(v, (_dt.date, _dt.datetime)):
            date = v.isoformat()
        elif isinstance(v, str) and v.strip():
            date = v
        else:
            r.error(e.key_line, f"date must be a date like 2024-05-01, not {_type_name(e.value)}")
    if not body.strip():
        r.warning(body_line - 1, "the topic has no text after its front matter")
    r.found_id = topic_id
    draft = _TopicDraft(None, topic_id, m["id"].key_line if topic_id is not None else None)
    if r.has_errors or topic_id is None or title is None or tags is None or sources is None:
        return draft
    draft.topic = Topic(
        id=topic_id,
        title=title,
        body=body.strip("\n"),
        sections=_sections(body, body_line),
        tags=tags,
        date=date,
        sources=sources,
        path=path,
    )
    return draft


@dataclass
class _QuestionDraft:
    question: Question | None  # None when the file has errors
    id: str | None  # id and topic are read even when the file has errors,
    id_line: int | None  # for the checks across files
    topic: str | None
    topic_line: int | None


def _check_one_keyword(item: Y, r: _Reporter) -> None:
    """Warn about a keyword that reads as two: ``[负担，事务繁杂]`` is one keyword,
    matched only as that whole phrase, because the comma is full-width."""
    if not isinstance(item.value, str):
        if isinstance(item.value, (int, float)) and not isinstance(item.value, bool):
            # 120 unquoted: studyapp keeps the digits as written, but YAML reads a number, and so do
            # other tools that read the pack (a script over the labels, a spreadsheet export)
            r.warning(
                item.line,
                f"keyword {item.raw or item.value} is written as a bare number: studyapp matches the digits as"
                f" written, but other tools reading the YAML see a number; quote it (\"{item.raw or item.value}\")",
            )
        return  # a number (110): no separator in it
    for sep in ("，", "、", "；"):
        if sep in item.value:
            r.warning(
                item.line,
                f"keyword {_q(item.value)} has '{sep}' in it, so it is one keyword, matched only as a whole:"
                " to give several, separate them with an ASCII comma ([减负, 放权]) or one per '- ' line",
            )
            return
    if ", " in item.value or "," in item.value.strip(","):
        # - 口味, 饭菜 (a '- ' line, not inside [ ]): YAML reads one keyword with a comma in it
        r.warning(
            item.line,
            f"keyword {_q(item.value)} has ',' in it, so it is one keyword, matched only as a whole:"
            " a comma separates keywords only inside [ ] ([口味, 饭菜]); on a '- ' line give one keyword",
        )


def _keyword_text(y: Y) -> str | None:
    """A keyword's text: a string, or a number as it is written (110, 12345 for the
    hotlines: a tutor means the digits, not a quantity); None for anything else."""
    if y.kind != "scalar":
        return None
    if isinstance(y.value, str):
        return y.value
    if isinstance(y.value, (int, float)) and not isinstance(y.value, bool) and y.raw:
        return y.raw
    return None


def _keywords(entry: Entry, r: _Reporter) -> tuple[tuple[str, ...], ...] | None:
    y = entry.value
    if y.kind == "scalar" and y.value is None:
        r.error(
            entry.key_line,
            "keywords is empty: give them on its line ([减负, 放权]) or on '- ' lines below it,"
            " indented more than 'keywords' (items of a list must be indented under it)",
        )
        return None
    if y.kind != "seq":
        r.error(
            entry.key_line,
            f"keywords must be a list (each item text, or a list of alternatives), not {_type_name(y)}",
        )
        return None
    groups: list[tuple[str, ...]] = []
    ok = True
    for item in y.value:
        text = _keyword_text(item)
        if text is not None:
            if not text.strip():
                r.error(item.line, "empty keyword")
                ok = False
            elif not _check_term(text, item.line, "keyword", r):
                ok = False
            else:
                _check_one_keyword(item, r)
                groups.append((text.strip(),))
        elif item.kind == "seq":
            alts = []
            if not item.value:
                r.error(item.line, "empty list of alternative keywords")
                ok = False
            for alt in item.value:
                text = _keyword_text(alt)
                if text is None:
                    r.error(
                        alt.line,
                        f"an alternative keyword must be text, not {_type_name(alt)}"
                        + (" (lists nest only one level)" if alt.kind == "seq" else ""),
                    )
                    ok = False
                elif not text.strip():
                    r.error(alt.line, "empty keyword")
                    ok = False
                elif not _check_term(text, alt.line, "keyword", r):
                    ok = False
                else:
                    _check_one_keyword(alt, r)
                    alts.append(text.strip())
            if alts:
                groups.append(tuple(alts))
        elif item.kind == "scalar" and item.value is None:
            r.error(item.line, "empty keyword")
            ok = False
        else:
            hint = " (quote it: \"...\")" if item.kind in ("scalar", "map") else ""
            r.error(
                item.line,
                f"a keyword must be text or a list of alternatives, not {_type_name(item)}{hint}",
            )
            ok = False
    return tuple(groups) if ok else None


def _key_points(entry: Entry, r: _Reporter) -> tuple[KeyPoint, ...] | None:
    y = entry.value
    if y.kind != "seq":
        r.error(entry.key_line, f"key_points must be a list, not {_type_name(y)}")
        return None
    if not y.value:
        r.error(entry.key_line, "key_points is empty: a question needs at least one key point")
        return None
    points: list[KeyPoint] = []
    seen: dict[str, int] = {}
    ok = True
    for n, item in enumerate(y.value, 1):
        where = f"key point {n}"
        if item.kind != "map":
            hint = ""
            before = y.value[n - 2] if n > 1 else None
            if before is not None and before.kind == "map":
                empty = [(k, e) for k, e in before.value.items()
                         if e.value.kind == "scalar" and e.value.value is None and e.key_line < item.line]
                if empty:
                    k, e = empty[-1]
                    hint = (f" (an item of {_q(k)} on line {e.key_line}? items of a list must be indented"
                            f" under it, more than {_q(k)})")
            r.error(item.line, f"{where} must be a mapping (id:, point:), not {_type_name(item)}{hint}")
            ok = False
            continue
        m = item.value
        errors_before = len([p for p in r.problems if p.severity == ERROR])
        _unknown_keys(m, KEY_POINT_KEYS, r, where)
        kp_id = _ident(m, "id", r, required=True, where=where, map_line=item.line, pattern=False)
        if kp_id is not None and not _plain_point_id(m["id"], r):
            kp_id = None
        if kp_id is not None:
            if kp_id in seen:
                r.error(
                    m["id"].key_line,
                    f"duplicate key point id {_q(kp_id)} (first on line {seen[kp_id]})",
                )
            else:
                seen[kp_id] = m["id"].key_line
        point = _text(m, "point", r, required=True, where=where, map_line=item.line)
        weight = 1.0
        if "weight" in m:
            e = m["weight"]
            v = e.value.value
            if e.value.kind != "scalar" or isinstance(v, bool) or not isinstance(v, (int, float)):
                r.error(e.key_line, f"weight must be a number, not {_type_name(e.value)}")
            elif not math.isfinite(v) or v <= 0:
                r.error(e.key_line, f"weight must be a number more than 0, not {v}")
            else:
                weight = float(v)
        keywords: tuple[tuple[str, ...], ...] | None = ()
        if "keywords" in m:
            keywords = _keywords(m["keywords"], r)
        errors_after = len([p for p in r.problems if p.severity == ERROR])
        if errors_after > errors_before or kp_id is None or point is None or keywords is None:
            ok = False
            continue
        points.append(KeyPoint(id=kp_id, point=point, weight=weight, keywords=keywords, line=item.line))
    return tuple(points) if ok else None


def _plain_point_id(entry: Entry, r: _Reporter) -> bool:
    """A key point id is any text, but not one with a character that cannot be seen: the id
    goes as written into reports, CSV headers and saved answers (an error for a zero-width
    one, a warning for a full-width or no-break space). False after an error."""
    raw = entry.value.value
    if not isinstance(raw, str):
        return True
    hidden = _hidden_char(raw, _ZERO_WIDTH)
    if hidden:
        r.error(entry.key_line, (
            f"key point id {_q(raw)}{hidden}: delete the invisible character (the id goes as written"
            " into reports and saved answers)"
        ))
        return False
    odd = _hidden_char(raw, _ODD_SPACES)
    if odd:
        stripped = raw.strip()
        said = (f"it is read as {_q(stripped)}" if not _hidden_char(stripped, _ODD_SPACES)
                else "the id goes as written into reports and saved answers")
        r.warning(entry.key_line, f"key point id {_q(raw)}{odd}: {said}; delete the character")
    return True


def _load_question(path: Path, r: _Reporter, limit: int) -> _QuestionDraft | None:
    doc = _read_mapping(path, r, limit, what="a question file")
    if doc is None:
        return None
    m = doc.value
    _unknown_keys(m, QUESTION_KEYS, r, "question")
    q_id = _ident(m, "id", r, required=True, where="the question", map_line=doc.line)
    prompt = _text(m, "prompt", r, required=True, where="the question", map_line=doc.line)
    q_type = _text(m, "type", r, required=True, where="the question", map_line=doc.line)
    if q_type is not None and q_type.strip() not in QUESTION_TYPES:
        r.error(
            m["type"].key_line,
            f"unknown question type {_q(q_type)}: use one of {' '.join(QUESTION_TYPES)}",
        )
    topic = _ident(m, "topic", r, required=False, where="the question", map_line=doc.line)
    reference = _text(m, "reference", r, required=False, where="the question", map_line=doc.line)
    timing = None
    if "time" in m:
        e = m["time"]
        if e.value.kind != "map":
            r.error(e.key_line, f"time must be a mapping like {{think: 60, answer: 180}}, not {_type_name(e.value)}")
        else:
            tm = e.value.value
            _unknown_keys(tm, TIME_KEYS, r, "time")
            think = _positive_int(tm["think"], "time.think", r) if "think" in tm else None
            answer = _positive_int(tm["answer"], "time.answer", r) if "answer" in tm else None
            timing = Timing(think=think, answer=answer)
    key_points = None
    if "key_points" not in m:
        if not _written_with_invisible(m, "key_points"):
            r.error(doc.line, "the question has no key_points (required)")
    else:
        key_points = _key_points(m["key_points"], r)
    draft = _QuestionDraft(
        None,
        q_id,
        m["id"].key_line if q_id is not None else None,
        topic,
        m["topic"].key_line if topic is not None else None,
    )
    if r.has_errors or q_id is None or prompt is None or q_type is None or key_points is None:
        return draft
    draft.question = Question(
        id=q_id,
        prompt=prompt,
        key_points=key_points,
        type=q_type.strip(),
        topic=topic,
        reference=reference,
        time=timing,
        path=path,
    )
    return draft


def _groups(entry: Entry, key: str, r: _Reporter) -> tuple[tuple[str, ...], ...]:
    y = entry.value
    if y.kind != "seq":
        r.error(entry.key_line, f"{key} must be a list of groups like [[减负, 松绑], ...], not {_type_name(y)}")
        return ()
    out = []
    for group in y.value:
        if group.kind != "seq":
            r.error(group.line, f"each {key} group must be a list of at least two terms, not {_type_name(group)}")
            continue
        terms = _text_items(
            group.value, r, lambda n: f"a term must be text, not {_type_name(n)}", "empty term", numbers=True
        )
        if terms is None:
            continue
        if not all([_check_term(t, n.line, "term", r) for t, n in zip(terms, group.value)]):
            continue
        if len(terms) < 2:
            what = "a general term and at least one kind of it" if key == "kinds" else "at least two terms"
            r.error(group.line, f"a {key} group needs {what}")
            continue
        out.append(tuple(t.strip() for t in terms))
    return tuple(out)


def _load_thesaurus(path: Path, r: _Reporter, limit: int) -> Thesaurus:
    doc = _read_mapping(path, r, limit, what="thesaurus.yaml")
    if doc is None:
        return Thesaurus()
    m = doc.value
    _unknown_keys(m, THESAURUS_KEYS, r, "thesaurus.yaml")
    synonyms = _groups(m["synonyms"], "synonyms", r) if "synonyms" in m else ()
    related = _groups(m["related"], "related", r) if "related" in m else ()
    kinds = _groups(m["kinds"], "kinds", r) if "kinds" in m else ()
    return Thesaurus(synonyms=synonyms, related=related, kinds=kinds)


# --------------------------------------------------------------------------
# the pack


def outside_link(path: Path, root: Path) -> str | None:
    """Where ``path`` points when it is a link to something outside the folder ``root``
    (what the link says, as the user wrote it); None for a file that is no link or a
    link inside the pack."""
    try:
        if not path.is_symlink():
            return None
        target = path.resolve()
        inside = target.is_relative_to(root.resolve())
        said = os.readlink(path)
    except (OSError, RuntimeError):  # a loop: the loader names it
        return None
    return None if inside else (said if os.path.isabs(said) else f"{said} ({target})")


def _linked_out(path: Path, root: Path, problems: list[Problem]) -> bool:
    """True, after reporting it, when ``path`` is a link to something outside the pack:
    the pack would not be what it seems (and a shared zip may hold no links at all)."""
    target = outside_link(path, root)
    if target is None:
        return False
    problems.append(Problem(path, None, ERROR, outside_link_message(path, target)))
    return True


def outside_link_message(path: Path, target: str) -> str:
    """What to do about ``path``, a link to ``target`` outside the pack: copy the file in,
    or, for a link to a device, a pipe or a folder, remove it (there is no file to copy)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None
    what = (
        "a device" if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISBLK(mode))
        else "a pipe or socket" if mode is not None and (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode))
        else "a folder" if mode is not None and stat.S_ISDIR(mode)
        else None
    )
    if what is not None:
        return f"a link to {terminal_safe(target)}, {what} outside the pack, not a pack file: remove the link"
    return (
        f"a link to {terminal_safe(target)}, outside the pack: a pack reads only its own files;"
        " copy the file into the pack (or remove the link)"
    )


def _kind(path: Path) -> tuple[str, str]:
    """("folder" | "file" | "missing" | "broken", why) for a path of the pack.

    Unlike ``Path.exists()``, a symlink loop or an unreadable parent is not
    "missing": it is "broken", with the system's reason, so the user is told.
    """
    try:
        path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return "broken", "it is a link to something that does not exist"
        return "missing", "no such file or folder"
    except OSError as exc:
        return "broken", str(exc.strerror or exc)
    return ("folder" if path.is_dir() else "file"), ""


def _files(folder: Path, suffix: str, problems: list[Problem]) -> list[Path]:
    """Files in ``folder`` ending in ``suffix``, sorted; others get a warning."""
    out = []
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        problems.append(Problem(folder, None, ERROR, f"cannot list the folder: {exc.strerror or exc}"))
        return out
    for p in entries:
        if p.name.startswith("."):
            continue  # .DS_Store, editor swap files
        if p.name.endswith(suffix) and not p.is_dir():
            out.append(p)
        elif p.is_dir():
            problems.append(
                Problem(p, None, WARNING, f"ignored: a folder (only *{suffix} files are read in {folder.name}/)")
            )
        else:
            problems.append(
                Problem(p, None, WARNING, f"ignored: only *{suffix} files are read in {folder.name}/")
            )
    return out


def _item_files(folder: Path, suffix: str, problems: list[Problem]) -> tuple[str, list[Path]]:
    """(kind of ``folder`` as by ``_kind``, its ``*suffix`` files); a topics/ or
    questions/ that is a file or cannot be opened is reported here."""
    kind, why = _kind(folder)
    if kind == "folder":
        return kind, _files(folder, suffix, problems)
    if kind == "file":
        problems.append(Problem(folder, None, ERROR, f"{folder.name} must be a folder"))
    elif kind == "broken":
        problems.append(Problem(folder, None, ERROR, f"cannot open the {folder.name} folder: {why}"))
    return kind, []


def _first_use(
    kind: str, item_id: str, path: Path, line: int, seen: dict[str, tuple[Path, int]], problems: list[Problem]
) -> bool:
    """False, after reporting it, if ``item_id`` is already in ``seen`` (id -> file, line)."""
    if item_id not in seen:
        return True
    first, first_line = seen[item_id]
    problems.append(Problem(path, line, ERROR, f"duplicate {kind} id {_q(item_id)} (first in {first}:{first_line})"))
    return False


def _guarded(loader, path: Path, limit: int, problems: list[Problem], broken: dict[str, Path] | None = None):
    """Run one file's loader; whatever happens, the other files still load.

    The id of an item left out for its errors (or, when even that could not
    be read as YAML, its ``id:`` line as written, and the file's name without
    .md) goes into ``broken``, with its file."""
    r = _Reporter(path)
    try:
        result = loader(path, r, limit)
    except Exception as exc:  # last resort: a bug must not hide the other files
        r.error(None, f"internal error while reading this file ({type(exc).__name__}: {exc}); please report it")
        result = None
    problems.extend(r.problems)
    if (result is None or getattr(result, "topic", True) is None) and broken is not None:
        if r.found_id is not None:
            broken[r.found_id] = path
        else:
            # a file too broken for YAML (date: 2024-13-01) most likely still has its id: line,
            # and is most likely named after its id
            broken[path.stem] = path
            try:
                m = _ID_LINE.search(path.read_text(encoding="utf-8", errors="replace")[:4000])
            except OSError:
                m = None
            if m:
                broken[m.group(1)] = path
    return result


_ID_LINE = re.compile(r"""^id:[ \t]*["']?([^"'\s#]+)""", re.MULTILINE)


def load_pack(path: Path | str, *, limit: int = DEFAULT_LIMIT) -> LoadResult:
    """Load the pack folder at ``path``: valid items plus every problem found.

    ``pack`` is None only when there is no usable folder or pack.yaml; when
    pack.yaml has errors the pack falls back to the folder's name so its
    valid questions stay usable. A topic or question with any error is left
    out; the rest loads.
    """
    root = Path(path)
    problems: list[Problem] = []
    kind, why = _kind(root)
    if kind == "missing":
        return LoadResult(None, (Problem(root, None, ERROR, "no such pack folder"),))
    if kind == "broken":
        return LoadResult(None, (Problem(root, None, ERROR, f"cannot open the pack folder: {why}"),))
    if kind != "folder":
        message = "not a folder: a pack is a folder with pack.yaml"
        if root.name == PACK_FILE:
            message += f"; give the folder it is in: {root.parent}"
        elif root.suffix.lower() == ".zip":
            message += "; a pack zip is installed with studyapp pack add (or unzip it and give the folder)"
        return LoadResult(None, (Problem(root, None, ERROR, message),))

    pack_file = root / PACK_FILE
    has_pack_file = _kind(pack_file)[0] != "missing"
    info: _PackInfo | None = None
    if not has_pack_file:
        message = "missing pack.yaml: a pack folder needs one, with id: and title:"
        if root.name in (TOPICS_DIR, QUESTIONS_DIR) and _kind(root.parent / PACK_FILE)[0] == "file":
            # validate my-pack/questions: the pack is the folder above
            message = (
                f"missing pack.yaml: {root.name}/ is a folder of a pack; give the pack folder it is in:"
                f" {root.parent}"
            )
        problems.append(Problem(pack_file, None, ERROR, message))
    elif not _linked_out(pack_file, root, problems):
        info = _guarded(_load_pack_yaml, pack_file, limit, problems)

    # topics
    topics: list[Topic] = []
    topic_lines: dict[str, tuple[Path, int]] = {}
    broken_topics: dict[str, Path] = {}  # ids of topics left out for their errors -> their files
    topics_kind, topic_files = _item_files(root / TOPICS_DIR, ".md", problems)
    # An item with errors still gives its id and topic when it can, so a duplicate id or an
    # unknown topic is reported in the same run as its other errors (the first file read
    # with an id keeps it, loaded or not).
    topic_ids_seen: dict[str, tuple[Path, int]] = {}
    for f in topic_files:
        if _linked_out(f, root, problems):
            broken_topics[f.stem] = f
            continue
        draft = _guarded(_load_topic, f, limit, problems, broken_topics)
        if draft is None or draft.id is None or draft.id_line is None:
            continue
        if not _first_use("topic", draft.id, f, draft.id_line, topic_ids_seen, problems):
            continue
        topic_ids_seen[draft.id] = (f, draft.id_line)
        if draft.topic is not None:
            topic_lines[draft.id] = (f, draft.id_line)
            topics.append(draft.topic)

    # questions
    questions: list[Question] = []
    question_lines: dict[str, tuple[Path, int]] = {}
    questions_kind, question_files = _item_files(root / QUESTIONS_DIR, ".yaml", problems)
    for f in question_files:
        if _linked_out(f, root, problems):
            continue
        draft = _guarded(_load_question, f, limit, problems)
        if draft is None:
            continue
        usable = draft.question is not None
        if draft.id is not None and draft.id_line is not None:
            if _first_use("question", draft.id, f, draft.id_line, question_lines, problems):
                question_lines[draft.id] = (f, draft.id_line)
            else:
                usable = False
        if draft.topic is not None and draft.topic not in topic_lines:
            if draft.topic in broken_topics:
                message = (f"topic {_q(draft.topic)} has errors ({broken_topics[draft.topic]}),"
                           " so this question is left out")
            else:
                known = ", ".join(sorted(topic_lines)) or "none"
                message = f"topic {_q(draft.topic)} is not a topic of this pack (topics: {known})"
            problems.append(Problem(f, draft.topic_line, ERROR, message))
            usable = False
        if usable and draft.question is not None:
            questions.append(draft.question)

    if topics_kind == "missing" and questions_kind == "missing" and has_pack_file:
        problems.append(Problem(root, None, WARNING, "the pack has no topics/ and no questions/ folder"))

    thesaurus = Thesaurus()
    thesaurus_file = root / THESAURUS_FILE
    if _kind(thesaurus_file)[0] != "missing" and not _linked_out(thesaurus_file, root, problems):
        thesaurus = _guarded(_load_thesaurus, thesaurus_file, limit, problems) or Thesaurus()

    if not has_pack_file:
        pack = None
    else:
        pack = Pack(
            id=(info.id if info and info.id else _fallback_id(root)),
            title=(info.title if info and info.title else root.name),
            root=root,
            version=info.version if info else None,
            language=info.language if info else None,
            authors=info.authors if info else (),
            description=info.description if info else None,
            topics=tuple(topics),
            questions=tuple(questions),
            thesaurus=thesaurus,
        )
    return LoadResult(pack, tuple(problems))


def _fallback_id(root: Path) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", root.resolve().name.lower()).strip("-")
    return slug or "pack"


@dataclass(frozen=True)
class KeywordLines:
    """Where a key point's keywords are written: the line of its ``keywords:`` key and the
    line of each keyword (its text as loaded, stripped -> the line it is first on)."""

    key_line: int
    words: dict[str, int]

    def of(self, word: str) -> int:
        return self.words.get(word.strip(), self.key_line)


def keyword_lines(path: Path | str, *, limit: int = DEFAULT_LIMIT) -> dict[str, KeywordLines]:
    """Key point id -> where its keywords are, for the question file at ``path`` (for a
    warning about a keyword to name its own line); {} when the file cannot be read."""
    try:
        doc = parse_yaml(read_user_text(Path(path), limit=limit))
    except (UserInputError, _YamlRefused, OSError):
        return {}
    if doc is None or doc.kind != "map" or "key_points" not in doc.value:
        return {}
    kps = doc.value["key_points"].value
    out: dict[str, KeywordLines] = {}
    for item in kps.value if kps.kind == "seq" else ():
        if item.kind != "map" or "id" not in item.value or "keywords" not in item.value:
            continue
        kp_id = _loose_text(item.value["id"].value)
        entry = item.value["keywords"]
        if kp_id is None or kp_id in out:
            continue
        words: dict[str, int] = {}
        for node in entry.value.value if entry.value.kind == "seq" else ():
            for alt in (node.value if node.kind == "seq" else [node]):
                text = _keyword_text(alt)
                if text is not None:
                    words.setdefault(text.strip(), alt.line)
        out[kp_id] = KeywordLines(entry.key_line, words)
    return out


# --------------------------------------------------------------------------
# a question with errors, read for grading only


def _loose_text(y: Y | None) -> str | None:
    """Any scalar as the text it is written as (a number, a date, true); None otherwise."""
    if y is None or y.kind != "scalar" or y.value is None:
        return None
    text = y.value if isinstance(y.value, str) else (y.raw or str(y.value))
    return text.strip() or None


def _loose_keywords(y: Y | None) -> tuple[tuple[str, ...], ...]:
    if y is None or y.kind != "seq":
        return ()
    groups = []
    for item in y.value:
        if item.kind == "seq":  # alternatives; a list nested deeper is flattened
            alts = [t for t in (_loose_text(a) for a in _flatten(item.value)) if t]
        else:
            alts = [t for t in (_loose_text(item),) if t]
        if alts:
            groups.append(tuple(dict.fromkeys(alts)))
    return tuple(groups)


def _flatten(items: list[Y]) -> list[Y]:
    out = []
    for it in items:
        out.extend(_flatten(it.value) if it.kind == "seq" else [it])
    return out


def loose_question(path: Path | str, question_id: str, *, limit: int = DEFAULT_LIMIT) -> Question | None:
    """The question ``question_id`` of the pack at ``path`` read as leniently as grading
    allows, for a question the pack left out because of errors that do not stop it
    being graded (a type not in the list, a topic the pack lacks, an id with capitals
    or '_', a keyword written as true ...): its prompt and its key points with their
    ids, text, weights and keywords. None when no question file has that id or its
    key points cannot be read. ``studyapp validate`` still reports every error."""
    folder = Path(path) / QUESTIONS_DIR
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix == ".yaml" and p.is_file())
    except OSError:
        return None
    for f in files:
        try:
            doc = parse_yaml(read_user_text(f, limit=limit))
        except (UserInputError, _YamlRefused):
            continue
        if doc is None or doc.kind != "map":
            continue
        m = doc.value
        if _loose_text(m["id"].value if "id" in m else None) != question_id.strip():
            continue
        kps = m.get("key_points")
        if kps is None or kps.value.kind != "seq":
            return None
        points, seen = [], set()
        for n, item in enumerate(kps.value.value, 1):
            if item.kind != "map":
                continue
            km = item.value
            kp_id = _loose_text(km["id"].value if "id" in km else None)
            text = _loose_text(km["point"].value if "point" in km else None) or ""
            keywords = _loose_keywords(km["keywords"].value if "keywords" in km else None)
            if not (text or keywords):
                continue
            # a point with no id, or with one an earlier point has, is graded all the same under
            # a name that tells it apart (supervise (2), #3: its place in the list): a point left
            # out would change the score without a word
            base = kp_id if kp_id is not None else f"#{n}"
            kp_id, k = base, 1
            while kp_id in seen:
                k += 1
                kp_id = f"{base} ({k})"
            seen.add(kp_id)
            w = km["weight"].value.value if "weight" in km else 1.0
            ok = isinstance(w, (int, float)) and not isinstance(w, bool) and math.isfinite(w) and w > 0
            weight = float(w) if ok else 1.0
            points.append(KeyPoint(id=kp_id, point=text, weight=weight, keywords=keywords))
        if not points:
            return None
        q_type = _loose_text(m["type"].value if "type" in m else None)
        return Question(
            id=question_id.strip(),
            prompt=_loose_text(m["prompt"].value if "prompt" in m else None) or "",
            key_points=tuple(points),
            type=q_type if q_type in QUESTION_TYPES else None,
            reference=_loose_text(m["reference"].value if "reference" in m else None),
            path=f,
        )
    return None


__all__ = [
    "FORMAT_VERSION",
    "outside_link_message",
    "ID_RE",
    "KeywordLines",
    "bundled_pack_dir",
    "keyword_lines",
    "load_pack",
    "loose_question",
    "parse_yaml",
]
