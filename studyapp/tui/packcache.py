"""A start-up cache of loaded packs (no Textual here; used by ``studyapp`` before the TUI starts).

Loading a pack parses YAML and Markdown (~50 ms for the bundled pack, most of
the app's start-up over a bare Textual app). The LoadResult is therefore kept
as JSON under ``data_dir()/cache/`` together with a fingerprint of every file
in the pack folder (path, size, mtime) and of the loader itself; any change
and the pack is loaded afresh. The cache holds only plain data (JSON, never
pickle); a missing, unreadable, corrupt or foreign cache file just means a
normal load, and failing to write one is silent.
"""
from __future__ import annotations

import json
import os
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from studyapp.core import model
from studyapp.core.model import LoadResult

CACHE_FORMAT = 1
PACK_FILE = "pack.yaml"

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


def bundled_pack_dir() -> Path:
    """Same answer as ``studyapp.core.packs.bundled_pack_dir`` without importing the
    loader (and YAML) on a cache hit; tests/tui/test_packcache.py checks they agree."""
    import studyapp

    package_dir = Path(studyapp.__file__).resolve().parent
    candidates = (package_dir / "content", package_dir.parent / "content")
    for c in candidates:
        if (c / PACK_FILE).is_file():
            return c
    return candidates[0]


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


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    if isinstance(value, dict):
        if "__path" in value:
            return Path(value["__path"])
        cls = _CLASSES[value["__dc"]]
        return cls(**{k: _decode(v) for k, v in value.items() if k != "__dc"})
    return value


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
    path = cache_file(cache_dir, root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") == key:
            result = _decode(data["result"])
            if isinstance(result, LoadResult):
                return result
    except Exception:  # no cache yet, or one we cannot use: load normally
        pass
    from studyapp.core.packs import load_pack

    result = load_pack(root)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"key": key, "result": _encode(result)}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except Exception:
        pass
    return result
