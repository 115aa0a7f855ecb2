"""The start-up pack cache gives exactly what the loader gives, and notices every change."""
from __future__ import annotations

import os
import shutil

from studyapp.core.packs import bundled_pack_dir, load_pack
from studyapp.tui import packcache
from studyapp.tui.packcache import cache_file, load_pack_cached

from tuiutil import BROKEN, MINI


def test_bundled_pack_dir_agrees_with_the_loader():
    assert packcache.bundled_pack_dir() == bundled_pack_dir()


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
