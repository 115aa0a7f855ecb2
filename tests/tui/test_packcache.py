"""The start-up pack cache gives exactly what the loader gives, and notices every change."""
from __future__ import annotations

import os
import shutil

import pytest

from studyapp.core.packs import bundled_pack_dir, load_pack
from studyapp.tui import packcache
from studyapp.tui.packcache import cache_file, load_pack_cached

from tuiutil import BROKEN, MINI


def test_bundled_pack_dir_agrees_with_the_loader_without_importing_it():
    import subprocess
    import sys

    code = (
        "import sys; from studyapp.tui import packcache; d = packcache.bundled_pack_dir(); "
        "print(d); print('yaml' in sys.modules, 'studyapp.core.packs' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.splitlines() == [str(bundled_pack_dir()), "False False"], out.stderr


def test_a_cached_pack_equals_a_fresh_load(tmp_path):
    cache = tmp_path / "cache"
    for pack in (MINI, BROKEN, bundled_pack_dir()):
        first = load_pack_cached(pack, cache)
        assert cache_file(cache, pack).is_file()
        second = load_pack_cached(pack, cache)  # from the cache
        assert second == first == load_pack(pack)


def test_an_edited_added_or_removed_file_is_reloaded(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    cache = tmp_path / "cache"
    assert len(load_pack_cached(pack, cache).pack.questions) == 3

    q = pack / "questions" / "sorting-neighbour.yaml"
    q.write_text(q.read_text(encoding="utf-8").replace("邻居总是", "楼上邻居总是"), encoding="utf-8")
    edited = load_pack_cached(pack, cache)
    assert edited.pack.question("sorting-neighbour").prompt.startswith("楼上邻居总是")

    (pack / "questions" / "sorting-plan.yaml").unlink()
    assert len(load_pack_cached(pack, cache).pack.questions) == 2

    (pack / "questions" / "broken.yaml").write_text("id: [oops\n", encoding="utf-8")
    result = load_pack_cached(pack, cache)
    assert [p.path.name for p in result.errors] == ["broken.yaml"]
    assert load_pack_cached(pack, cache) == result


def test_a_corrupt_or_foreign_cache_file_is_ignored(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    for junk in ('{"key": 1', '{"key": null, "result": {"__dc": "os.system"}}', "[]", "\x00\x01"):
        cache_file(cache, MINI).write_text(junk, encoding="utf-8")
        assert load_pack_cached(MINI, cache) == load_pack(MINI)


def test_an_unwritable_cache_folder_still_loads(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert load_pack_cached(MINI, blocker / "cache") == load_pack(MINI)
    assert not os.path.exists(blocker / "cache")


# --- the data folder is outside input: a tampered cache is never trusted -----------------


def _cached_json(cache):
    import json

    load_pack_cached(MINI, cache)
    return json.loads(cache_file(cache, MINI).read_text(encoding="utf-8"))


def _no_fresh_load(monkeypatch):
    import studyapp.core.packs

    def refuse(*a, **k):
        raise AssertionError("the pack was loaded again instead of coming from the cache")

    monkeypatch.setattr(studyapp.core.packs, "load_pack", refuse)


def test_an_unchanged_pack_comes_from_the_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = load_pack_cached(MINI, cache)
    _no_fresh_load(monkeypatch)
    assert load_pack_cached(MINI, cache) == first


def _q0(d):
    return d["result"]["pack"]["questions"][0]


TAMPERINGS = {
    "title is a number": lambda d: d["result"]["pack"].__setitem__("title", 7),
    "prompt is a list": lambda d: _q0(d).__setitem__("prompt", ["a", "b"]),
    "a field is missing": lambda d: _q0(d).pop("reference"),
    "an extra field": lambda d: _q0(d).__setitem__("evil", "[bold red]x"),
    "another class name": lambda d: _q0(d).__setitem__("__dc", "Topic"),
    "negative weight": lambda d: _q0(d)["key_points"][0].__setitem__("weight", -1),
    "infinite weight": lambda d: _q0(d)["key_points"][0].__setitem__("weight", float("inf")),
    "a bool for a time": lambda d: _q0(d).__setitem__("time", {"__dc": "Timing", "think": True, "answer": None}),
    "zero seconds": lambda d: _q0(d).__setitem__("time", {"__dc": "Timing", "think": 0, "answer": 60}),
    "duplicate question ids": lambda d: d["result"]["pack"]["questions"].append(_q0(d)),
    "an id that is a path": lambda d: _q0(d).__setitem__("id", "../../etc"),
    "a path that is a string": lambda d: d["result"]["pack"].__setitem__("root", "/etc"),
    "keywords nested wrongly": lambda d: _q0(d)["key_points"][0].__setitem__("keywords", "abc"),
    "unknown severity": lambda d: d["result"].__setitem__(
        "problems", [{"__dc": "Problem", "path": {"__path": "x"}, "line": 1, "severity": "boom", "message": "m"}]
    ),
    "result is a list": lambda d: d.__setitem__("result", []),
}


@pytest.mark.parametrize("how", list(TAMPERINGS))
def test_a_tampered_cache_file_is_not_used(tmp_path, monkeypatch, how):
    import json

    cache = tmp_path / "cache"
    data = _cached_json(cache)
    TAMPERINGS[how](data)
    cache_file(cache, MINI).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    fresh = load_pack(MINI)
    assert load_pack_cached(MINI, cache) == fresh
    # a good cache was written in its place
    _no_fresh_load(monkeypatch)
    assert load_pack_cached(MINI, cache) == fresh


def test_a_huge_or_deeply_nested_cache_file_is_not_used(tmp_path):
    cache = tmp_path / "cache"
    data = _cached_json(cache)
    import json

    # deep nesting where a list is expected
    deep = "[" * 200_000 + "]" * 200_000
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace('"questions": [', '"questions": [' + deep + ",", 1)
    cache_file(cache, MINI).write_text(text, encoding="utf-8")
    assert load_pack_cached(MINI, cache) == load_pack(MINI)
    # far larger than the pack could need: not even read (a well-formed description, only too long)
    data = _cached_json(cache)
    data["result"]["pack"]["description"] = "长" * (packcache.SIZE_MARGIN * 2)
    cache_file(cache, MINI).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_pack_cached(MINI, cache) == load_pack(MINI)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev/zero")
def test_a_fifo_or_device_in_place_of_the_cache_is_not_read(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    target = cache_file(cache, MINI)
    os.mkfifo(target)  # a blocking read would hang the start
    assert load_pack_cached(MINI, cache) == load_pack(MINI)
    target.unlink(missing_ok=True)
    target.symlink_to("/dev/zero")  # an endless read would eat the memory
    assert load_pack_cached(MINI, cache) == load_pack(MINI)


def test_the_id_pattern_agrees_with_the_loader():
    from studyapp.core.packs import ID_RE

    assert packcache.ID_RE.pattern == ID_RE.pattern
