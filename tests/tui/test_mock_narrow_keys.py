"""The mock on a laptop terminal and for a newcomer (exploratory report s10a #3, #4, #5, #8,
#11): its dialogs fit 60 columns and wrap, the setup's buttons are walked with ← →, the
export takes a folder typed with a slash, 听题's notes are called notes, and F1 says the
clock runs on."""
from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Label, Static

from studyapp.core.session import READING, THINKING, MockOptions

from tuiutil import export_to, finish_a_mock, mock_app, notices, step

NARROW = (60, 20)
FRAME = "█▀▄▔▁▊▎▌▐"


def screen_text(app) -> list[str]:
    return ["".join(seg.text for seg in line) for line in app.screen._compositor.render_strips()]


def compact(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in FRAME)


def on_screen(app, region=None) -> str:
    """The screen's text (in ``region``: a dialog) row after row, without spaces and frames:
    a line wrapped inside a dialog reads on as one."""
    rows = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        if region is not None and not region.y <= y < region.bottom:
            continue
        x, row = 0, []
        for seg in strip:
            for ch in seg.text:
                if region is None or region.x <= x < region.right:
                    row.append(ch)
                x += cell_len(ch)
        rows.append("".join(row))
    return compact("".join(rows))


def footer(app) -> str:
    return screen_text(app)[-1]


def shown(app, selector) -> str:
    return str(app.screen.query_one(selector).render())


# --- #4 export -------------------------------------------------------------------------------


async def test_the_export_dialogs_label_is_shown_whole_at_60_columns(store, clock):
    from studyapp.tui.report import ExportScreen

    app = mock_app(store, clock, MockOptions(count=1, think=30, answer=60, seed=2))
    async with app.run_test(size=NARROW) as pilot:
        await finish_a_mock(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        label = str(app.screen.query_one(Label).render())
        box = app.screen.query_one("#export").region
        assert box.right <= NARROW[0]
        assert compact(label) in on_screen(app, box)  # wrapped, its end not cut at the edge


async def test_a_folder_typed_with_a_slash_is_made_and_a_bare_name_gets_md(store, clock, tmp_path):
    from studyapp.tui.report import ReportScreen

    app = mock_app(store, clock, MockOptions(count=1, think=30, answer=60, seed=2))
    async with app.run_test(size=(100, 32)) as pilot:
        await finish_a_mock(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        await export_to(pilot, f"{tmp_path}/新建 文件夹/")
        folder = tmp_path / "新建 文件夹"
        assert folder.is_dir() and report.exported == folder / report.report.file_name()
        assert report.exported.read_text(encoding="utf-8").startswith("# 模拟面试报告")
        await export_to(pilot, str(tmp_path / "myreport"))
        assert report.exported == tmp_path / "myreport.md" and report.exported.is_file()
        assert not (tmp_path / "myreport").exists()
        assert any(f"已导出到 {tmp_path / 'myreport.md'}" in n and "已加上 .md" in n for n in notices(app))


# --- #3 the resume dialog --------------------------------------------------------------------


async def test_the_resume_dialog_fits_60_columns_and_wraps_its_lines(store, clock):
    from studyapp.tui.confirm import ConfirmScreen
    from studyapp.tui.resume import ResumeScreen

    app = mock_app(store, clock, MockOptions(count=1, think=60, answer=60, seed=1))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # leave the mock: kept, to resume
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        box = app.screen.query_one("#resume").region
        assert box.x >= 0 and box.right <= NARROW[0]
        text = str(app.screen.query_one("#resume-text", Static).render())
        seen = on_screen(app, box)
        for line in text.splitlines():
            assert compact(line) in seen, line  # the question's words and ctrl+q's line, whole
        assert "ctrl+q退出（这场面试留着，下次再问）" in seen


# --- #5 the setup dialog ---------------------------------------------------------------------


async def test_arrows_walk_the_setup_buttons_and_one_button_stands_out(store, clock):
    from studyapp.tui.mock import MockScreen, MockSetupScreen

    app = mock_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, MockSetupScreen)
        help_text = shown(app, "#setup-help")
        assert "Tab" in help_text and "← →" in help_text and "回车" in help_text
        buttons = list(setup.query("#setup-presets Button"))

        def looks() -> tuple:
            focused = [str(b.styles.background) for b in buttons if b is setup.focused]
            others = {str(b.styles.background) for b in buttons if b is not setup.focused}
            return focused, others

        focused, others = looks()
        assert len(others) == 1 and focused[0] not in others  # one button looks chosen, not two
        await pilot.press("left")  # round the row's start, to its end
        assert setup.focused is buttons[-1]
        await pilot.press("right", "right", "right")
        assert setup.focused.id == "custom"
        focused, others = looks()
        assert len(others) == 1 and focused[0] not in others
        await pilot.press("enter")  # 自定义 with its 2 questions, not the 15-minute exam
        await pilot.pause()
        assert isinstance(app.screen, MockScreen)
        assert len(app.screen.session.items) == 2


async def test_arrows_in_the_setup_fields_still_move_the_cursor(store, clock):
    from studyapp.tui.mock import MockSetupScreen

    app = mock_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MockSetupScreen)
        field = app.screen.query_one("#count")
        field.focus()
        await pilot.press("end", "left", "1")
        assert field.value == "12" and app.screen.focused is field


# --- #8 听题 ---------------------------------------------------------------------------------


async def test_what_is_typed_while_the_question_is_read_is_called_notes(store, clock):
    app = mock_app(store, clock, MockOptions(count=1, think=60, answer=60, listen=True, seed=1), voice=None)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        s = app.screen.session
        assert s.phase == READING
        for ch in "123":  # (digits: one 字 each)
            await pilot.press(ch)
        await pilot.pause()
        during = shown(app, "#mock-save")
        assert during.startswith("思考笔记 3 字"), during
        await step(pilot, clock, s.current.reading_s)
        assert s.phase == THINKING
        assert shown(app, "#mock-save").startswith("思考笔记 3 字")  # the same words, the same name


# --- #11 and F3: the footer, the help over the clock --------------------------------------


async def test_the_mock_footer_offers_f1_and_the_help_says_the_clock_runs_on(store, clock):
    from studyapp.tui.help import HelpScreen

    app = mock_app(store, clock, MockOptions(count=2, think=60, answer=120, seed=1))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        mock = app.screen
        assert "f1 帮助" in footer(app)
        await step(pilot, clock, 4)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        top = shown(app, "#help-clock")
        assert "计时仍在进行" in top and "思考剩余 00:56" in top and "全场剩余" in top
        clock.advance(10)
        mock.tick()  # the session runs on under the help, and the line follows it
        app.screen.show_clock()
        await pilot.pause()
        assert "思考剩余 00:46" in shown(app, "#help-clock")
        # the line sits at the top, above the help's own text
        assert app.screen.query_one("#help-clock").region.y < app.screen.query_one("#help-body").region.y
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is mock


async def test_f3_leaves_the_footer_once_the_re_read_is_used(store, clock):
    app = mock_app(store, clock, MockOptions(count=1, think=60, answer=120, listen=True, seed=1), voice=None)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        s = app.screen.session
        await step(pilot, clock, s.current.reading_s)
        assert s.phase == THINKING and "f3" in footer(app)
        await pilot.press("f3")
        await pilot.pause()
        await step(pilot, clock, s.current.reading_s)
        assert s.current.rereads_left == 0
        assert "f3" not in footer(app)  # pressing it would do nothing
