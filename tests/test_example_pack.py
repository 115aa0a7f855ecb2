"""The example pack in docs/ is valid, and docs/pack-format.md shows it verbatim."""
from __future__ import annotations

import re
from pathlib import Path

from studyapp.core.packs import load_pack

DOCS = Path(__file__).resolve().parent.parent / "docs"
EXAMPLE = DOCS / "example-pack"


def test_example_pack_validates_clean():
    result = load_pack(EXAMPLE)
    assert [p.format() for p in result.problems] == []
    pack = result.pack
    assert pack.id == "example-pack"
    assert [t.id for t in pack.topics] == ["grassroots-burden"]
    assert [q.id for q in pack.questions] == ["burden-view"]
    assert [s.title for s in pack.topic("grassroots-burden").sections] == ["热点概况", "主流观点", "深度分析"]
    assert pack.question("burden-view").key_points[1].keywords[1] == ("层层下压", "层层加码", "推给社区")
    assert pack.thesaurus.synonyms[0] == ("减负", "松绑", "减轻负担")


def test_pack_format_doc_shows_every_example_file_verbatim():
    doc = (DOCS / "pack-format.md").read_text(encoding="utf-8")
    # "`questions/x.yaml`:" then a fenced block (``` or ```` for Markdown holding fences)
    found = re.findall(r"^`([\w./-]+)`:\n\n(`{3,4})\w+\n(.*?)^\2$", doc, flags=re.M | re.S)
    blocks = {name: text for name, _fence, text in found}
    files = sorted(p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*") if p.is_file())
    assert sorted(blocks) == files
    for name, text in blocks.items():
        assert text == (EXAMPLE / name).read_text(encoding="utf-8"), name
