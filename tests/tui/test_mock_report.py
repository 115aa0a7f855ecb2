"""The mock report: export (never overwriting a file unasked), the keys around the automatic
switch to it, and reopening a past session's report."""
from __future__ import annotations

import pytest

from studyapp.core.clock import FakeClock
from studyapp.core.session import MockOptions
from studyapp.core.store import Store

from tuiutil import mock_app, step

SIZE = (100, 32)
MOCK_1 = MockOptions(count=1, think=30, answer=60, seed=2)


@pytest.fixture
def db(tmp_path, clock):
    s = Store.open(tmp_path / "data", clock=clock)
    yield s
    s.close()


def shown(app, selector) -> str:
    return str(app.screen.query_one(selector).render())


async def finish_a_mock(pilot, clock, answer="我会先了解情况，再耐心沟通。"):
    """A one-question mock: the answer is typed, ctrl+n ends thinking, then the answer time."""
    await pilot.pause()
    await pilot.press("ctrl+n")
    app = pilot.app
    app.screen.query_one("#mock-answer").insert(answer)
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()


async def type_path(pilot, path) -> None:
    field = pilot.app.screen.query_one("#export-path")
    field.value = ""
    field.insert_text_at_cursor(str(path))
    await pilot.press("enter")
    await pilot.pause()


async def test_export_asks_before_replacing_a_file_and_keeps_the_typed_path_on_an_error(db, clock, tmp_path):
    from studyapp.tui.confirm import ConfirmScreen
    from studyapp.tui.report import ExportScreen, ReportScreen

    notes = tmp_path / "我的笔记.md"
    notes.write_text("我的重要笔记", encoding="utf-8")
    app = mock_app(db, clock, MockOptions(count=1, think=30, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await finish_a_mock(pilot, clock)
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.press("e")
        await pilot.pause()
        await type_path(pilot, notes)
        assert isinstance(app.screen, ConfirmScreen)
        assert "文件已存在，覆盖吗？(y/n)" in shown(app, "#confirm-text")
        await pilot.press("n")  # no: the note stays, the dialog stays with the name to change
        await pilot.pause()
        assert notes.read_text(encoding="utf-8") == "我的重要笔记"
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-path").value == str(notes)
        # a folder that cannot be made: said in Chinese, the typed path kept
        bad = tmp_path / "a-file" / "sub" / "r.md"
        (tmp_path / "a-file").write_text("x", encoding="utf-8")
        await type_path(pilot, bad)
        assert isinstance(app.screen, ExportScreen)
        assert "导出失败：路径中有一项不是文件夹" in shown(app, "#export-error")
        assert app.screen.query_one("#export-path").value == str(bad)
        # yes: replaced, as asked
        await type_path(pilot, notes)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is report and report.exported == notes
        assert "模拟面试报告" in notes.read_text(encoding="utf-8")


async def test_without_a_data_folder_the_export_is_proposed_in_the_home_folder(clock, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    app = mock_app(None, clock, MockOptions(count=1, think=30, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await finish_a_mock(pilot, clock)
        await pilot.press("e")
        await pilot.pause()
        proposed = app.screen.query_one("#export-path").value
        assert proposed.startswith(str(tmp_path / "home" / "mock-"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.exported.read_text(encoding="utf-8").startswith("# 模拟面试报告")


async def test_keys_typed_as_the_last_answer_runs_out_do_not_act_on_the_report(db, clock):
    from studyapp.tui.report import ReportScreen
    from studyapp.tui.review import ReviewScreen

    app = mock_app(db, clock, MOCK_1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.press("a", "p", "p")
        await step(pilot, clock, 60)  # the answer time runs out while the candidate types
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.press("enter")  # the line being typed ends
        await pilot.pause()
        assert app.screen is report  # no review opened
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is report  # no export dialog
        assert "时间到，作答已结束" in " ".join(str(n.message) for n in app._notifications)
        clock.advance(1.5)  # a moment later the keys are the report's
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_keys_typed_as_a_question_runs_out_do_not_spill_into_the_next_ones_notes(db, clock):
    app = mock_app(db, clock, MockOptions(count=2, think=30, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        await pilot.press("ctrl+n")
        await pilot.press("d", "i", "y", "i")
        await step(pilot, clock, 60)  # question 1's answer time runs out mid-sentence
        assert s.index == 1
        await pilot.press("d", "i", "e", "r", "enter")  # still typing question 1's sentence
        await pilot.pause()
        assert app.screen.query_one("#mock-answer").text == "" and s.current.text == ""
        assert s.items[0].text == "diyi"
        assert "上一题时间到" in str(app.screen.query_one("#mock-save").render())
        await step(pilot, clock, 1.5)  # then the keys are question 2's notes
        await pilot.press("x")
        await pilot.pause()
        assert s.current.text == "x"


async def test_without_a_data_folder_ctrl_q_in_a_mock_asks_first(clock):
    from studyapp.tui.confirm import ConfirmScreen
    from studyapp.tui.mock import MockScreen

    app = mock_app(None, clock, MOCK_1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#mock-answer").insert("不能保存的答案")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "这场模拟面试不会保存（数据文件夹不可用），已写的 7 字" in shown(app, "#confirm-text")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MockScreen) and app.is_running
        await pilot.press("ctrl+q")
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running


async def test_with_a_data_folder_ctrl_q_keeps_the_session_without_asking(db, clock):
    app = mock_app(db, clock, MOCK_1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#mock-answer").insert("保存的笔记")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert db.unfinished_session().questions[0].text == "保存的笔记"


async def test_a_finished_mocks_report_is_reopened_later_and_exported(db, clock, tmp_path):
    from studyapp.tui.home import HomeScreen
    from studyapp.tui.report import PastMocksScreen, ReportScreen

    from studyapp.tui.mock import start_mock

    app = mock_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start_mock(app, MOCK_1)  # (as the home screen's m does: escape on the report goes home)
        await finish_a_mock(pilot, clock)
        first = app.screen.report
        await pilot.press("escape")  # by habit
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        clock.advance(7 * 24 * 3600)  # a week later
        await pilot.press("m")
        await pilot.pause()
        await pilot.click("#past")
        await pilot.pause()
        assert isinstance(app.screen, PastMocksScreen)
        row = [str(c) for c in app.screen.query_one("#past-table").get_row_at(0)]
        assert row[1:3] == [str(round(first.score)), "1"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        again = app.screen.report
        assert again.session_id == first.session_id and again.started_at == first.started_at
        assert [(q.question_id, q.text, q.score) for q in again.questions] == \
            [(q.question_id, q.text, q.score) for q in first.questions]
        await pilot.press("e")
        await pilot.pause()
        await type_path(pilot, tmp_path / "last-week.md")
        assert "我会先了解情况，再耐心沟通。" in (tmp_path / "last-week.md").read_text(encoding="utf-8")


async def test_a_long_prompt_on_a_small_terminal_says_it_continues_and_scrolls_while_answering(db, clock, tmp_path):
    import shutil

    from studyapp.core.packs import load_pack
    from studyapp.tui.app import StudyApp

    from tuiutil import MINI

    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    long_prompt = "社区里有位老人来办事，" * 28 + "请你现场模拟，先向这位居民作解释。"
    q = pack / "questions" / "sorting-neighbour.yaml"
    q.write_text(q.read_text(encoding="utf-8").replace("邻居总是不分类就扔垃圾，你作为志愿者怎么劝说？", long_prompt),
                 encoding="utf-8")
    app = StudyApp([load_pack(pack)], store=db, clock=clock,
                   mock=MockOptions(count=1, types=("人际关系",), think=30, answer=60, seed=1))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await step(pilot, clock, 0.25)
        box = app.screen.query_one("#mock-prompt-box")
        assert "题目未显示完：shift+tab 后 ↑↓ 滚动" in str(box.border_subtitle)
        await pilot.press("ctrl+n")  # answering: the prompt can still be scrolled
        await step(pilot, clock, 0.25)
        await pilot.press("shift+tab")
        await step(pilot, clock, 0.25)  # a tick does not take the focus back to the editor
        assert app.focused is box
        await pilot.press("end")
        await step(pilot, clock, 0.25)
        assert box.scroll_y == box.max_scroll_y > 0
        assert box.border_subtitle == ""  # the end is shown
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused.id == "mock-answer"
