"""Topic sections are found without markdown-it when the body is plain (a faster first start),
and then exactly as markdown-it finds them."""
from __future__ import annotations

import random
import sys
import subprocess
from pathlib import Path

import pytest

from studyapp.core import packs
from studyapp.core.packs import _markdown_h2_heads, _plain_h2_heads, bundled_pack_dir

ROOT = Path(__file__).resolve().parent.parent


def _bodies():
    for folder in (bundled_pack_dir(), ROOT / "docs" / "example-pack", *(ROOT / "tests").rglob("topics")):
        for f in sorted(Path(folder).rglob("*.md")):
            text = f.read_text(encoding="utf-8", errors="replace")
            parts = text.split("\n---\n", 1)
            yield f.name, parts[-1]


def test_the_real_briefings_take_the_fast_path_and_agree_with_markdown_it():
    seen = 0
    for name, body in _bodies():
        fast = _plain_h2_heads(body)
        if name == "community-burden.md":
            assert fast is not None and len(fast) >= 3  # the bundled briefing is plain
        if fast is not None:
            assert fast == _markdown_h2_heads(body), name
            seen += 1
    assert seen >= 2


TRICKY = [
    "## 标题\n正文",
    "## 标题 ##\n正文",
    "## 标题 #不是结尾#\n",
    "##\n空标题",
    "## ##\n",
    "##\t制表符\n",
    "   ## 缩进三格\n",
    "    ## 缩进四格是代码\n",
    "\t## 制表符缩进是代码\n",
    "###不是\n## 是\n### 三级\n",
    "#不是标题\n",
    "段落\n---\n",
    "段落\n===\n",
    "段落\n-\n",
    "- 列表\n## 标题\n",
    "- ## 列表里的标题\n",
    "> ## 引用里的标题\n",
    "1. 第一\n   ## 列表里缩进的标题\n",
    "```\n## 代码里\n```\n## 外面\n",
    "~~~\n## 代码里\n~~~\n",
    "<div>\n## 在 HTML 里\n</div>\n",
    "\\## 转义\n",
    "正文 ## 中间\n",
    "* * *\n## 分隔线后\n",
    "## a\x00b\n",
    "## 标题  \n   \n## 第二个\t\n",
]


@pytest.mark.parametrize("body", TRICKY)
def test_tricky_bodies_agree_with_markdown_it_or_use_it(body):
    fast = _plain_h2_heads(body)
    assert fast is None or fast == _markdown_h2_heads(body)
    assert packs._sections(body, 1) == packs._sections(body, 1)  # and loading works either way


def test_random_bodies_agree_with_markdown_it():
    rng = random.Random(7)
    pieces = ["## 标题", "## 二 ##", "##", "###", "### 三", "#### 四", "####### 七", "   ### 三", "# 一", "正文。", "", "  ", "- 项", "1. 项", "> 引",
              "---", "===", "```", "~~~", "<p>", "    ## 码", "   ## 三", "##\t制", "\\##", "## #", "a ## b"]
    for _ in range(3000):
        body = "\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        fast = _plain_h2_heads(body)
        assert fast is None or fast == _markdown_h2_heads(body), repr(body)


def test_loading_the_bundled_pack_does_not_import_markdown_it():
    code = (
        "import sys; from studyapp.core.packs import load_pack, bundled_pack_dir; "
        "r = load_pack(bundled_pack_dir()); assert r.pack.topics[0].sections; "
        "print('markdown_it' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
