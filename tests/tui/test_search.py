"""Searching (ctrl+p) the way a candidate types: traditional characters, several words."""
from __future__ import annotations

from textual.command import CommandList

from studyapp.tui.practice import PracticeScreen

from tuiutil import MINI, make_app, settle_palette

NEIGHBOUR = "人际关系 · 邻居总是不分类就扔垃圾，你作为志愿者怎么劝说？"
PLAN = "组织管理 · 社区让你组织一次垃圾分类宣传活动，你怎么组织？"
VIEW = "综合分析 · 有人说垃圾分类“一阵风”，推行几个月就松懈了。你怎么看？"
TOPIC = "话题 · 垃圾分类进社区"


async def search(pilot, query: str) -> list:
    """Open the palette, type ``query`` key by key; the options listed (a fresh palette each
    time), each an entry's line and the pack's title under it."""
    app = pilot.app
    if app.screen.id == "--command-palette":
        await pilot.press("escape")
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*[" " if ch == " " else ch for ch in query])
    await settle_palette(pilot)
    results = app.screen.query_one(CommandList)
    return [results.get_option_at_index(i).prompt for i in range(results.option_count)]


def first(prompt) -> str:
    return prompt.plain.split("\n")[0]


def marked(prompt) -> str:
    """The characters the palette highlights as matching (reversed)."""
    text = prompt.plain
    return "".join(
        text[k] for k in range(len(text)) if any(s.start <= k < s.end and getattr(s.style, "reverse", False) for s in prompt.spans)
    )


async def test_traditional_characters_find_the_simplified_text():
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        found = await search(pilot, "勸說")  # 劝说
        assert [first(p) for p in found] == [NEIGHBOUR]
        assert marked(found[0]) == "劝说"  # the shown (simplified) characters are highlighted
        found = await search(pilot, "鬆懈")  # 松懈
        assert [first(p) for p in found] == [VIEW]
        found = await search(pilot, "垃圾分類")
        assert first(found[0]) == TOPIC  # the title (and the tag) 垃圾分类
        assert {first(p) for p in found} == {TOPIC, PLAN, VIEW}  # (the neighbour's 垃圾 comes after 分类)
        # full-width letters and digits fold too: the question's id, typed on a Chinese keyboard
        found = await search(pilot, "ｐｌａｎ")
        assert [first(p) for p in found] == [PLAN]


async def test_words_separated_by_spaces_must_all_match_in_any_order():
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        found = await search(pilot, "邻居 劝说")
        assert [first(p) for p in found] == [NEIGHBOUR]
        assert marked(found[0]) == "邻居劝说"
        found = await search(pilot, "宣传活动 社区")  # the second word comes first in the prompt
        assert [first(p) for p in found] == [PLAN]
        assert marked(found[0]) == "社区宣传活动"
        found = await search(pilot, "鄰居　勸說")  # traditional, with an ideographic space
        assert [first(p) for p in found] == [NEIGHBOUR]
        # a word that matches nothing: no hit, even where the other words match
        found = await search(pilot, "垃圾 火箭")
        assert [first(p) for p in found if "·" in p.plain] == []
        # and the hit opens its question
        await search(pilot, "一阵风 松懈")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.question.id == "sorting-view"
