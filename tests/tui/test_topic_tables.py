"""A briefing's Markdown table on a laptop terminal, a split pane and a wide screen: every
column is shown, short cells whole, long ones wrapped; the contents pane leaves the text room."""
from __future__ import annotations

import textwrap

import pytest
from rich.cells import cell_len

from tuiutil import make_app

NOTE = "保留“绿色通道”，为60岁以上老人提供帮办代办服务，并在每个街道设立适老化服务专窗"
SHORT = ["地区", "备注", "甲市", "乙市", "85%", "95%", "12%", "3%", "92.5", "81.0", "线上办件率"]

TOPIC = f"""\
---
id: wide-topic
title: 数字政务与“一网通办”
---

## 背景

“一网通办”让群众办事“只进一扇门、最多跑一次”。

## 数据对比

| 地区 | 线上办件率 | 老年人窗口办件占比 | 群众满意度（百分制） | 备注 |
|---|---|---|---|---|
| 甲市 | 85% | 12% | 92.5 | {NOTE} |
| 乙市 | 95% | 3% | 81.0 | 考核线上率，窗口被要求“引导上网” |
"""

QUESTION = """\
id: q1
type: 综合分析
topic: wide-topic
prompt: 对“一网通办”改革，谈谈你的看法。
time: {think: 60, answer: 180}
reference: 数字政务方向正确，但不能一刀切。
key_points:
  - id: p1
    point: 保留线下窗口。
    keywords: [[窗口]]
"""


@pytest.fixture
def pack(tmp_path):
    root = tmp_path / "pack"
    (root / "topics").mkdir(parents=True)
    (root / "questions").mkdir()
    (root / "pack.yaml").write_text(
        textwrap.dedent(
            """\
            format: 1
            id: tables
            title: 表格测试
            version: "1.0"
            language: zh-CN
            description: 话题里有一张五列的表。
            """
        ),
        encoding="utf-8",
    )
    (root / "topics" / "t.md").write_text(TOPIC, encoding="utf-8")
    (root / "questions" / "q.yaml").write_text(QUESTION, encoding="utf-8")
    return root


def screen_text(app) -> list[str]:
    return ["".join(seg.text for seg in line) for line in app.screen._compositor.render_strips()]


async def open_topic(pilot) -> None:
    from textual.widgets import Tree

    from studyapp.tui.topic import TopicScreen

    await pilot.pause()
    tree = pilot.app.screen.query_one(Tree)
    lines = [tree.get_node_at_line(i).label.plain for i in range(tree.last_line + 1)]
    index = next(i for i, line in enumerate(lines) if "数字政务" in line)
    while tree.cursor_line < index:
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TopicScreen)


def in_order(text: str, within: str) -> bool:
    """Every character of ``text`` appears in ``within``, in order (wrapped across lines)."""
    rest = iter(within)
    return all(ch in rest for ch in text)


@pytest.mark.parametrize("size", [(160, 45), (80, 24), (60, 20)])
async def test_a_five_column_table_shows_every_figure_whole(pack, size):
    app = make_app(pack)
    async with app.run_test(size=size) as pilot:
        await open_topic(pilot)
        await pilot.press("b")
        assert app.screen.jump_to("数据对比")
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        text = "\n".join(shown)
        for cell in SHORT:  # city names and figures: on screen, never cut or broken in two
            assert any(cell in line for line in shown), (cell, text)
        assert in_order(NOTE, text.replace("│", ""))  # the long note: all of it, wrapped
        assert in_order("老年人窗口办件占比", text) and in_order("群众满意度（百分制）", text)
        assert "…" not in text.split("数据对比", 1)[1]
        assert all(cell_len(line) <= size[0] for line in shown)


async def test_the_contents_pane_leaves_the_briefing_room_on_a_narrow_screen(pack):
    app = make_app(pack)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_topic(pilot)
        body = app.screen.query_one("#topic-body")
        assert body.region.width >= 56  # the whole width: the contents pane is put away
        assert not any(line.strip() == "目录" for line in screen_text(app))
        await pilot.press("c")  # the contents, in the briefing's place
        await pilot.pause()
        shown = screen_text(app)
        assert shown[1].strip() == "目录" and any(line.strip() == "数据对比" for line in shown)
        await pilot.press("down", "down", "enter")  # 数据对比: back to the briefing, at that heading
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        assert not any(line.strip() == "目录" for line in shown)
        assert "数据对比" in shown[1] + shown[2] + shown[3]
        await pilot.press("q")  # the topic's questions, enter opens one; esc returns to the text
        await pilot.pause()
        assert any("1、对“一网通办”改革" in line for line in screen_text(app))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#topic-body").has_focus
        await pilot.press("escape")  # and then home, as always
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HomeScreen"


async def test_the_contents_pane_is_narrower_at_80_columns_and_its_entries_fit_at_160():
    from studyapp.core.packs import bundled_pack_dir

    app = make_app(bundled_pack_dir())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_topic_named(pilot, "为社区减负放权")
        assert app.screen.query_one("#topic-body").region.width >= 56
    app = make_app(bundled_pack_dir())
    async with app.run_test(size=(160, 45)) as pilot:
        await open_topic_named(pilot, "为社区减负放权")
        toc = app.screen.query_one("#toc")
        entry = next(line for line in screen_text(app) if "北京日报" in line)
        assert "北京日报：减负是“大抓基层”的当头炮" in entry, entry  # on one line
        assert toc.region.width < 45


async def open_topic_named(pilot, title: str) -> None:
    from textual.widgets import Tree

    await pilot.pause()
    tree = pilot.app.screen.query_one(Tree)
    lines = [tree.get_node_at_line(i).label.plain for i in range(tree.last_line + 1)]
    index = next(i for i, line in enumerate(lines) if line.strip().endswith(title))
    while tree.cursor_line < index:
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", [(100, 32), (60, 20)])
async def test_a_table_is_readable_in_both_themes(pack, size):
    from test_readability import MINIMUM, screen_lines, shown

    def faint_cells():  # the table's text (its headers bold, its rules are not text)
        words = ("地区", "甲市", "85%", "92.5", "线上办件率", "群众满意度", "老年人", "备注")
        return [(t, round(r, 2)) for _y, t, r, _b in shown(app) if r < MINIMUM and any(w in t for w in words)]

    app = make_app(pack)
    async with app.run_test(size=size) as pilot:
        await open_topic(pilot)
        assert app.screen.jump_to("数据对比")
        await pilot.pause()
        assert any("甲市" in line for line in screen_lines(app))
        assert faint_cells() == []
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "textual-light"
        assert faint_cells() == []


async def test_a_table_cell_is_shown_as_written_never_as_markup():
    from textual.app import App

    from studyapp.tui.topic import SafeMarkdown

    source = "| 写法 | 说明 |\n|---|---|\n| [bold]加粗[/bold] | \x1b[2J清屏 |\n| 只有表头的行 |\n"

    class One(App):
        def compose(self):
            yield SafeMarkdown(source)

    app = One()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        text = "\n".join(screen_text(app))
        assert "[bold]加粗[/bold]" in text and "清屏" in text and "\x1b" not in text
        assert "只有表头的行" in text


async def test_a_links_address_and_a_footnotes_note_are_shown_in_the_briefing(tmp_path):
    # links are never opened: where one points is written after it; a footnote (which
    # CommonMark reads as such a link) shows its note where it is cited
    root = tmp_path / "links"
    (root / "topics").mkdir(parents=True)
    (root / "questions").mkdir()
    (root / "pack.yaml").write_text('id: links\ntitle: 链接测试\nversion: "1.0"\n', encoding="utf-8")
    topic = TOPIC.replace(
        "“一网通办”让群众办事“只进一扇门、最多跑一次”。",
        "详见[民政部](https://www.mca.gov.cn)通知，数据见脚注[^1]。\n\n[^1]: 数据来源：某报。",
    )
    (root / "topics" / "t.md").write_text(topic, encoding="utf-8")
    (root / "questions" / "q.yaml").write_text(QUESTION, encoding="utf-8")
    app = make_app(root)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_topic(pilot)
        text = "".join(line.strip() for line in screen_text(app))
        assert "民政部（https://www.mca.gov.cn）通知" in text, text
        assert "数据见脚注（数据来源：某报）。" in text  # the note in place of its marker, one full stop
