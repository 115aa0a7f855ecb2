"""A start-up cache of loaded packs (no Textual here; used by ``studyapp`` before the TUI starts).

Loading a pack parses YAML and Markdown (~50 ms for the bundled pack, most of
the app's start-up over a bare Textual app). The LoadResult is therefore kept
as JSON under ``data_dir()/cache/`` together with a fingerprint of every file
in the pack folder (path, size, mtime) and of the loader itself; any change
and the pack is loaded afresh. The cache holds only plain data (JSON, never
pickle); a missing, unreadable, corrupt or foreign cache file just means a
normal load, and failing to write one is silent.

The data folder is outside input like any other: a cache file is read only if
it is a regular file no larger than the pack itself allows, and it is decoded
against the model's type annotations (every field present, of its declared
type, nothing else) and the loader's guarantees (ids, unique ids, positive
weights and times). Anything else is treated as no cache at all.
"""
from __future__ import annotations

import json
import math
import os
import re
import stat
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from studyapp.core import model
from studyapp.core.model import LoadResult
from studyapp.core.paths import bundled_pack_dir  # noqa: F401 (light: no loader, no YAML)

CACHE_FORMAT = 4
# same as studyapp.core.packs.ID_RE (tests/tui/test_packcache.py checks they agree)
ID_RE = re.compile(r"[a-z0-9-]+")
# a cache file larger than this many times the pack's own files (plus a margin) is not read
SIZE_FACTOR = 8
SIZE_MARGIN = 1 << 20

_CLASSES = {
    cls.__name__: cls
    for cls in (
        model.Problem,
        model.Section,
        model.Topic,
        model.KeyPoint,
        model.Timing,
        model.Question,
        model.Thesaurus,
        model.Pack,
        model.LoadResult,
    )
}


def _loader_stamp() -> list:
    """Sizes and mtimes of the code that shapes a LoadResult."""
    import studyapp

    core = Path(model.__file__).parent
    stamp: list = [studyapp.__version__, CACHE_FORMAT]
    for name in ("packs.py", "model.py", "textio.py"):
        try:
            st = (core / name).stat()
            stamp.append([name, st.st_size, st.st_mtime_ns])
        except OSError:
            stamp.append([name, None, None])
    return stamp


def fingerprint(root: Path) -> list:
    """Every file and folder under ``root`` with its size and mtime, in a stable order."""
    entries: list = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel_dir = os.path.relpath(dirpath, root)
        try:
            entries.append([rel_dir, "d", os.stat(dirpath).st_mtime_ns])
        except OSError:
            entries.append([rel_dir, "d", None])
        for name in sorted(filenames):
            try:
                st = os.stat(os.path.join(dirpath, name))
                entries.append([os.path.join(rel_dir, name), st.st_size, st.st_mtime_ns])
            except OSError:
                entries.append([os.path.join(rel_dir, name), None, None])
    return [str(root.resolve()), _loader_stamp(), entries]


def _encode(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        out = {"__dc": type(value).__name__}
        for f in fields(value):
            out[f.name] = _encode(getattr(value, f.name))
        return out
    if isinstance(value, Path):
        return {"__path": str(value)}
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


class BadCache(Exception):
    """The cache file is not something the loader could have written."""


_DECODERS: dict[Any, Any] = {}


def _decoder(tp: Any):
    """A function turning decoded JSON into a value of the annotation ``tp`` (or raising
    BadCache); built once per annotation from the model's type hints."""
    if tp in _DECODERS:
        return _DECODERS[tp]
    import types
    import typing

    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        rest = [o for o in typing.get_args(tp) if o is not type(None)]
        if len(rest) != 1 or type(None) not in typing.get_args(tp):
            raise TypeError(f"cannot cache a {tp}")
        inner = _decoder(rest[0])

        def decode(value):
            return None if value is None else inner(value)

    elif origin is tuple:
        args = typing.get_args(tp)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"cannot cache a {tp}")
        item = _decoder(args[0])

        def decode(value):
            if type(value) is not list:
                raise BadCache(f"expected a list for {tp}")
            return tuple([item(v) for v in value])

    elif tp in (str, int):

        def decode(value):
            if type(value) is not tp:  # bool is not an int here
                raise BadCache(f"expected {tp.__name__}")
            return value

    elif tp is float:

        def decode(value):
            if type(value) not in (int, float) or not math.isfinite(value):
                raise BadCache("expected a finite number")
            return float(value)

    elif tp is Path:

        def decode(value):
            if type(value) is not dict or value.keys() != {"__path"} or type(value["__path"]) is not str:
                raise BadCache("expected a path")
            return Path(value["__path"])

    elif tp in _CLASSES.values():
        _DECODERS[tp] = lambda value: _DECODERS[tp](value)  # placeholder while recursing
        hints = typing.get_type_hints(tp)
        parts = [(f.name, _decoder(hints[f.name])) for f in fields(tp)]
        names = {"__dc", *(name for name, _ in parts)}
        cls_name = tp.__name__

        def decode(value):
            if type(value) is not dict or value.get("__dc") != cls_name or value.keys() != names:
                raise BadCache(f"expected a {cls_name} with exactly its fields")
            return tp(**{name: part(value[name]) for name, part in parts})

    else:
        raise TypeError(f"cannot cache a {tp}")
    _DECODERS[tp] = decode
    return decode


def _check(result: LoadResult) -> None:
    """The guarantees of ``load_pack`` that the app relies on."""
    for p in result.problems:
        if p.severity not in (model.ERROR, model.WARNING) or (p.line is not None and p.line < 1):
            raise BadCache("problem")
    pack = result.pack
    if pack is None:
        return
    if not pack.id:
        raise BadCache("pack id")

    def ids(items, what: str) -> None:
        seen = [i.id for i in items]
        if len(set(seen)) != len(seen) or not all(ID_RE.fullmatch(i) for i in seen):
            raise BadCache(what)

    ids(pack.topics, "topic ids")
    ids(pack.questions, "question ids")
    for t in pack.topics:
        if any(not 1 <= s.level <= 6 or (s.line is not None and s.line < 1) for s in t.sections):
            raise BadCache("section")
    for q in pack.questions:
        ids(q.key_points, "key point ids")
        if any(not 0 < kp.weight for kp in q.key_points):
            raise BadCache("weight")
        if q.time is not None and any(v is not None and v < 1 for v in (q.time.think, q.time.answer)):
            raise BadCache("time")


def _decode(value: Any) -> LoadResult:
    result = _decoder(LoadResult)(value)
    _check(result)
    return result


def _read_limited(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes (a FIFO, a
    device or a symlink to one is never opened for a blocking or endless read)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        chunks = []
        size = 0
        while True:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _pack_size(key: list) -> int:
    return sum(e[1] for e in key[2] if isinstance(e[1], int) and e[1] >= 0)


def cache_file(cache_dir: Path, root: Path) -> Path:
    import zlib  # already loaded by the interpreter; hashlib would add an import

    where = str(root.resolve()).encode("utf-8", "surrogateescape")
    return cache_dir / f"pack-{zlib.crc32(where):08x}-{zlib.adler32(where):08x}.json"


def load_pack_cached(root: Path, cache_dir: Path | None) -> LoadResult:
    """``load_pack(root)``, answered from the cache when nothing changed since it was written."""
    root = Path(root)
    if cache_dir is None or not root.is_dir():
        from studyapp.core.packs import load_pack

        return load_pack(root)
    key = fingerprint(root)
    key.append(str(root))  # the paths in a LoadResult are spelled as given
    path = cache_file(cache_dir, root)
    try:
        raw = _read_limited(path, SIZE_FACTOR * _pack_size(key) + SIZE_MARGIN)
        if raw is not None:
            data = json.loads(raw.decode("utf-8"))
            if isinstance(data, dict) and data.get("key") == key:
                return _decode(data["result"])
    except Exception:  # no cache yet, or one we cannot use (RecursionError too): load normally
        pass
    from studyapp.core.packs import load_pack

    result = load_pack(root)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        if os.path.lexists(tmp):
            os.unlink(tmp)
        # O_EXCL: never write through a file or link someone left at that name
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(json.dumps({"key": key, "result": _encode(result)}, ensure_ascii=False))
        os.replace(tmp, path)
    except Exception:
        pass
    return result
