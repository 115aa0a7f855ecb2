"""The answer editor's own keys: the help names them (编辑, under 作答), each is one the
editor has, and a long answer has a key for its top and its bottom. The help reads at 40
columns without a line that starts with a closing mark or a straight quote."""
from __future__ import annotations

import re

from textual import events
from textual.geometry import Region
from textual.widgets import Static, TextArea

from studyapp.tui.answer import AnswerArea
from studyapp.tui.help import HelpScreen, help_text
from studyapp.tui.text import NO_BREAK_BEFORE

from tuiutil import MINI, go_to, make_app


def editing_rows() -> dict[str, str]:
    """The help's 编辑 table: key cell -> what it does."""
    text = help_text()
    section = text[text.index("#### 编辑") :]
    section = section[: section.index("\n### ")]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 2 and cells[0] not in ("按键", "---"):
            rows[cells[0]] = cells[1]
    return rows


NAMES = {"←": "left", "→": "right"}


def keys_of(cell: str) -> set[str]:
    """'home / end' -> {home, end}; 'ctrl+← →' -> {ctrl+left, ctrl+right};
    'shift+方向键' -> shift and each arrow."""
    if cell == "shift+方向键":
        return {f"shift+{k}" for k in ("left", "right", "up", "down")}
    keys = set()
    for part in re.split(r"\s*/\s*", cell):
        words = part.split()
        prefix = words[0].rpartition("+")[0] + "+" if "+" in words[0] else ""
        for i, word in enumerate(words):
            word = word.lower()
            if word in NAMES:
                word = NAMES[word]
            elif "+" in word:
                mod, _, key = word.rpartition("+")
                word = f"{mod}+{NAMES.get(key, key)}"
            keys.add(word if i == 0 or not prefix else prefix + word)
    return keys


async def test_every_key_the_help_names_for_the_editor_is_one_it_has():
    rows = editing_rows()
    documented = set().union(*(keys_of(cell) for cell in rows))
    # what a candidate who writes thousands of characters needs first
    assert {"ctrl+z", "ctrl+y", "f7", "ctrl+k", "ctrl+u", "shift+left", "ctrl+home", "ctrl+end"} <= documented
    assert "全选" in rows["F7"] and "ctrl+a 不是全选" in help_text()
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        editor = app.screen.query_one(AnswerArea)
        bound = {key for key in editor._bindings.key_to_bindings}
        assert documented - {"tab"} <= bound, documented - bound
        assert editor.tab_behavior == "indent"  # 'tab 输入缩进', as the table says


async def test_ctrl_home_and_ctrl_end_reach_the_top_and_the_bottom_of_a_long_answer():
    app = make_app(MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "一阵风")
        editor = app.screen.query_one(TextArea)
        editor.insert("\n".join(f"第{n}条：宣传引导，帮助居民养成分类习惯。" for n in range(1, 61)))
        await pilot.pause()
        assert editor.scroll_y > 0  # the end of a long answer is in view, its top is not
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert editor.cursor_location == (0, 0) and editor.scroll_y == 0
        await pilot.press(*"abc")
        assert editor.text.startswith("abc第1条")
        await pilot.press("ctrl+end")
        await pilot.pause()
        await pilot.press("x")
        assert editor.text.endswith("分类习惯。x") and editor.scroll_y > 0
        await pilot.press("ctrl+z")  # the help's undo: back to what it was before the x
        assert editor.text.endswith("分类习惯。") and editor.text.startswith("abc第1条")
        await pilot.press("ctrl+shift+home")  # selects to the top
        assert editor.selected_text == editor.text


def _help_lines(app) -> list[str]:
    lines = []
    for widget in app.screen.query_one("#help").query("*"):
        if isinstance(widget, Static) and not widget.children:
            size = widget.size
            lines += [s.text.strip() for s in widget.render_lines(Region(0, 0, size.width, size.height))]
    return [line for line in lines if line]


async def test_the_help_at_40_columns_starts_no_line_with_a_quote_or_a_closing_mark():
    app = make_app(MINI)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = _help_lines(app)
        # (a cell holding the key ? alone is a key, not a broken line)
        bad = [line for line in lines if line[0] == '"' or (line[0] in NO_BREAK_BEFORE and line != "?")]
        assert not bad
        assert any("ctrl+home" in line for line in lines)
    assert '"' not in help_text()  # Chinese quotes “…”, which the line breaker keeps with their words


async def test_end_and_ctrl_k_reach_the_last_character_of_a_wrapped_screen_line():
    """A Chinese paragraph wraps between any two characters: End (ctrl+e) goes after the
    screen line's last character and ctrl+k deletes it too (help: 屏幕上这一行的末尾)."""
    paragraph = "甲乙丙丁戊己庚辛壬癸" * 15
    app = make_app(MINI)
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "一阵风")
        editor = app.screen.query_one(TextArea)
        for end_key in ("end", "ctrl+e"):
            editor.load_text(paragraph)
            await pilot.pause()
            wrap = editor.wrapped_document.get_offsets(0)[0]  # where the first screen line ends
            await pilot.press("ctrl+home", end_key, "Z")
            assert editor.text == paragraph[:wrap] + "Z" + paragraph[wrap:]
        editor.load_text(paragraph)
        await pilot.pause()
        await pilot.press("ctrl+home", "right", "right", "ctrl+k")
        assert editor.text == paragraph[:2] + paragraph[wrap:]
        # a line that wraps at a space keeps TextArea's end: before the space
        editor.load_text("word " * 40)
        await pilot.pause()
        wrap = editor.wrapped_document.get_offsets(0)[0]
        await pilot.press("ctrl+home", "end")
        assert editor.cursor_location == (0, wrap - 1)


async def test_undoing_a_long_paste_or_typed_lines_takes_them_out_and_the_app_goes_on():
    # ctrl+z that makes the answer fit the editor again (its scroll bar goes) once crashed
    # the app (Textual 8.2 asked for the cursor's place before moving it into the shorter text)
    app = make_app(MINI)
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "一阵风")
        editor = app.screen.query_one(AnswerArea)
        await pilot.press("一")
        pasted = "\n".join(f"第{n}点：稳定情绪，讲清政策。" for n in range(1, 31))
        app.post_message(events.Paste(pasted))  # as the terminal delivers a paste
        await pilot.pause()
        assert editor.text == "一" + pasted
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.is_running and "第1点" not in editor.text
        await pilot.press("ctrl+y")  # and redo puts it back
        await pilot.pause()
        assert app.is_running and "第30点" in editor.text
        # typed line by line, undone one press at a time down to what fits
        await pilot.press("f7", "delete")
        for n in range(1, 21):
            await pilot.press(*f"第{n}点", "enter")
        await pilot.press(*["ctrl+z"] * 20)
        assert app.is_running
        assert "第20点" not in editor.text


async def test_a_full_width_space_typed_is_kept_as_it_is_pasted():
    # the space bar of a Chinese input method in 全角 mode types U+3000: indents and the
    # gaps between an outline's items (Textual's editor dropped it: not 'printable')
    app = make_app(MINI)
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "一阵风")
        editor = app.screen.query_one(AnswerArea)

        async def full_width_space():  # as a terminal sends it (the pilot gives no character)
            app.post_message(events.Key("ideographic_space", "\u3000"))
            await pilot.pause()

        await full_width_space()
        await full_width_space()
        await pilot.press(*"稳定情绪")
        await full_width_space()
        await pilot.press(*"讲清政策")
        await pilot.pause()
        assert editor.text == "\u3000\u3000稳定情绪\u3000讲清政策"
