"""Hostile packs, broken packs, missing folders and an unwritable data folder."""
from __future__ import annotations

import argparse
import os

import pytest
from textual.widgets import Static, TextArea

from studyapp.commands import tui as tui_command
from studyapp.core.store import Store
from studyapp.tui.home import HomeScreen
from studyapp.tui.practice import PracticeScreen
from studyapp.tui.review import ReviewScreen, without_marks
from studyapp.tui.topic import TopicScreen

from tuiutil import BROKEN, HOSTILE, MINI, go_to, make_app, settle_palette, tree_lines




def plain(widget) -> str:
    return widget.visual.plain


def all_text(screen) -> str:
    """Every Static-like widget's text on a screen (Markdown blocks included)."""
    out = []
    for w in screen.query("*"):
        visual = getattr(w, "_content", None) or getattr(w, "visual", None)
        if visual is not None and hasattr(visual, "plain"):
            out.append(visual.plain)
    return "\n".join(out)


async def test_hostile_pack_text_is_shown_literally(tmp_path):
    store = Store.open(tmp_path / "db")
    app = make_app(HOSTILE, store=store)
    opened = []
    app.open_url = lambda url, **kw: opened.append(url)
    async with app.run_test(size=(100, 32)) as pilot:
        lines = tree_lines(app)
        # markup shown as typed; the escape sequences removed, their visible text kept
        assert lines[0].startswith("[bold red]红色标题[/bold red] 转义")
        assert "\x1b" not in "".join(lines)
        await pilot.pause()
        detail = plain(app.screen.query_one("#detail", Static))
        assert "[link=app.quit]点我退出[/link]" in detail

        await go_to(pilot, "[reverse]反色[/reverse]话题")
        topic = app.screen
        assert isinstance(topic, TopicScreen)
        await pilot.pause()
        text = all_text(topic)
        assert "正文 [bold red]不是红色[/bold red] 和 [link=app.quit]不是链接[/link]。" in text
        assert "控制清屏序列。" in text and "pwned" not in text and "\x1b" not in text
        assert "关注点一：[@click=app.quit]点击[/]" in topic.toc_titles()
        # nothing in the body carries a click action except real Markdown links, and those
        # are only reported, never followed
        paragraph = next(p for p in topic.query("MarkdownParagraph") if "点这里" in p._content.plain)
        await paragraph.action_link("app.quit")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, TopicScreen)
        assert opened == []
        assert any("链接（未打开）：app.quit" in n.message for n in app._notifications)

        await pilot.press("escape")
        await go_to(pilot, "请谈谈")
        practice = app.screen
        assert isinstance(practice, PracticeScreen)
        prompt = plain(practice.query_one("#prompt", Static))
        assert prompt == "请谈谈 [link=https://evil.example]链接[/link] 与 [bold]粗体[/bold] 超链接 的看法。"
        practice.query_one(TextArea).insert("要加强宣传")
        await pilot.press("ctrl+s")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        row = plain(review.query_one(".point"))
        assert "[blink]闪烁[/blink]要点：宣传引导" in row
        await pilot.press("r")
        await pilot.pause()
        assert "[red]参考[/red]答案" in all_text(review.query_one("#reference"))
    store.close()


async def test_hostile_titles_in_the_palette_are_literal():
    app = make_app(HOSTILE)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"反色")
        await settle_palette(pilot)
        from textual.command import CommandList

        results = app.screen.query_one(CommandList)
        prompts = [results.get_option_at_index(i).prompt.plain for i in range(results.option_count)]
        assert any("话题 · [reverse]反色[/reverse]话题" in p for p in prompts)
        assert all("\x1b" not in p for p in prompts)


async def test_a_pack_with_errors_lists_them_and_loads_the_rest():
    app = make_app(MINI, BROKEN)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        notes = [n for n in app._notifications if "有错误的题包" in n.title]
        assert len(notes) == 1
        note = notes[0]
        assert note.severity == "error"
        assert "2 个错误" in note.title and "其余内容已加载" in note.title
        assert f"{BROKEN / 'questions' / 'bad.yaml'}:4: error: key_points is empty" in note.message
        assert f"{BROKEN / 'questions' / 'worse.yaml'}:3: error: YAML syntax error" in note.message
        # the valid question of the broken pack is there to practise
        lines = tree_lines(app)
        assert any("有错误的题包" in line and "1 道题" in line for line in lines)
        await go_to(pilot, "邻居总是不分类")
        assert isinstance(app.screen, PracticeScreen)


def _args(*packs: str) -> argparse.Namespace:
    return argparse.Namespace(pack=list(packs), command=None)


def test_missing_pack_folder_is_an_error_before_the_app_starts(tmp_path, capsys):
    missing = tmp_path / "no-such-pack"
    from studyapp.cli import main

    code = main(["--pack", str(missing)])
    assert code == 2
    err = capsys.readouterr().err
    assert f"--pack {missing}: no such folder" in err
    assert "Traceback" not in err


def test_a_file_given_as_pack_is_an_error(tmp_path, capsys):
    f = tmp_path / "pack.yaml"
    f.write_text("id: x\n", encoding="utf-8")
    app, code = tui_command.build_app(_args(str(f)))
    assert app is None and code == 2
    assert "not a folder" in capsys.readouterr().err


async def test_unwritable_data_folder_gives_a_notice_and_the_app_runs(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(blocker / "data"))
    app, code = tui_command.build_app(_args(str(MINI)))
    assert code is None and app.store is None
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        notes = [n for n in app._notifications if n.title == "无法写入数据文件夹"]
        assert notes and str(blocker) in notes[0].message and "不会被保存" in notes[0].message
        assert "无法创建数据文件夹" in notes[0].message and "cannot" not in notes[0].message
        await go_to(pilot, "一阵风")
        app.screen.query_one(TextArea).insert("加强宣传引导")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "（未保存）" in plain(app.screen.query_one("#review-summary", Static))


async def test_bundled_pack_and_extra_pack_load_together(tmp_path):
    app, code = tui_command.build_app(_args(str(MINI)))
    assert code is None
    try:
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            ids = [p.id for p in app.packs]
            assert ids[1] == "tui-mini" and len(ids) == 2
            assert app.store is not None
            assert str(app.store.path).startswith(os.environ["STUDYAPP_DATA_DIR"])
            assert not [n for n in app._notifications if n.severity != "information"]
    finally:
        app.store.close()


def test_the_same_pack_twice_is_loaded_once():
    # the same folder twice is nothing wrong (list and validate read it once too); two
    # folders with one id: tests/test_pack_share.py
    results, errors, notices = tui_command.load_packs([str(MINI), str(MINI)])
    assert errors == []
    assert [r.pack.id for r in results].count("tui-mini") == 1
    assert notices == []


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("红\x1b[31m色\x1b[0m", "红色"),
        ("标题\x1b]0;pwned\x07完", "标题完"),
        ("链\x1b]8;;https://e.example\x1b\\接\x1b]8;;\x1b\\", "链接"),
        ("行一\r\n行二\r行三", "行一\n行二\n行三"),
        ("空\x00字\x07符\x7f", "空字符"),
        ("C1\x9b31m控制\x85", "C1控制"),
        ("方向\u202e反转", "方向反转"),
        ("全角，标点。\t缩进", "全角，标点。\t缩进"),
        ("[bold red]留着[/bold red]", "[bold red]留着[/bold red]"),
        (None, ""),
    ],
)
def test_sanitize_removes_terminal_controls_only(raw, shown):
    from studyapp.core.safe_text import sanitize

    assert sanitize(raw) == shown


async def test_control_characters_in_the_candidates_own_text_are_shown_harmlessly():
    answer = "宣传\x1b[2J引导\x07，养成习惯"
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        app.screen.query_one(TextArea).insert(answer)
        await pilot.press("ctrl+s")
        await pilot.pause()
        review = app.screen
        shown = without_marks(plain(review.query_one("#review-answer", Static)))
        assert "\x1b" not in shown and "\x07" not in shown
        assert len(shown) == len(answer)  # evidence offsets still point at the right characters
        assert shown == "宣传\ufffd[2J引导\ufffd，养成习惯"
        await pilot.press("t")
        await pilot.pause()
        assert plain(app.screen.query_one("#previous-answer", Static)) == shown
