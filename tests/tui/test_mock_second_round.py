"""The mock interview, second round of exploratory findings (s9g): one measure of an
answer's length on every screen, keys at a time-up, typing with the prompt focused, a
preset with one time given, 听题 re-reads, and the session's leftovers."""
from __future__ import annotations

import json

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable, Tree

from studyapp.core.report import count_chars
from studyapp.core.session import ANSWERING, READING, THINKING, MockOptions
from studyapp.core.store import FolderLock
from studyapp.tui.app import FIND_VOICE

from tuiutil import mock_app, step, tree_lines

SIZE = (100, 32)
NOTES = "要点：减负赋能 笔记"
ANSWER = "我认为社区减负要厘清职责清单，清理不合理证明和报表，同时向社区放权赋能。"


@pytest.fixture
def db(store):
    return store


def shown(app, selector) -> str:
    return str(app.screen.query_one(selector).render())


def rows(screen, selector="DataTable") -> list[list[str]]:
    table = screen.query_one(selector, DataTable)
    return [[str(getattr(c, "plain", c)).strip() for c in table.get_row_at(i)] for i in range(table.row_count)]


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def type_text(pilot, text):
    """Type as a user does (full-width punctuation arrives as an input method commits it)."""
    for ch in text:
        if ch.isascii() or "\u4e00" <= ch <= "\u9fff":
            await pilot.press("enter" if ch == "\n" else ch)
        else:
            pilot.app.focused.insert(ch)
    await pilot.pause()


async def start_from_home(pilot, options):
    """As the home screen's m does (escape on the report goes back home)."""
    from studyapp.tui.mock import start_mock

    await pilot.pause()
    start_mock(pilot.app, options)
    await pilot.pause()


# --- 1. one measure of an answer's length -----------------------------------------------------


async def test_a_mock_answer_is_counted_without_its_notes_on_every_screen(db, clock, capsys, monkeypatch):
    from studyapp.cli import main
    from studyapp.tui.attempts import AttemptsScreen
    from studyapp.tui.report import PastMocksScreen, ReportScreen

    app = mock_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_from_home(pilot, MockOptions(count=2, think=8, answer=15, types=("综合分析",), seed=1))
        s = app.screen.session
        q1 = s.items[0].question
        await type_text(pilot, NOTES)  # while thinking
        await step(pilot, clock, 8)
        assert s.phase == ANSWERING
        await type_text(pilot, ANSWER)
        assert f"作答 {count_chars(ANSWER)} 字" in shown(app, "#mock-save")
        await step(pilot, clock, 15)
        await step(pilot, clock, 2)  # question 2: nothing typed
        await step(pilot, clock, 23)
        report = app.screen
        assert isinstance(report, ReportScreen)
        said = count_chars(ANSWER)
        assert rows(report)[0][5] == str(said)
        clock.advance(2)
        await pilot.press("escape")
        await pilot.pause()

        # m → 以前的报告: the row counts what the report counts
        await pilot.press("m")
        await pilot.pause()
        await pilot.click("#past")
        await pilot.pause()
        assert isinstance(app.screen, PastMocksScreen)
        assert rows(app.screen)[0][-1] == str(said)
        assert rows(app.screen)[0][3] == "看题 0:46"  # how it was run, and its time
        await pilot.press("escape")
        await pilot.pause()

        # h on the question: the answer's length and its first line, not the notes'
        tree = app.screen.query_one(Tree)
        tree.cursor_line = next(i for i, line in enumerate(tree_lines(app)) if q1.prompt[:10] in line)
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, AttemptsScreen)
        row = rows(app.screen)[0]
        assert row[3:5] == [str(said), "模拟"] and row[5].startswith("我认为社区减负")
        await pilot.press("enter")  # its review, as it was: the same length
        await pilot.pause()
        assert f"字数 {said}（思考笔记计分，不计字数）" in shown(app, "#review-summary")

    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(db.path.parent))
    assert main(["history", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)["sessions"][0]["questions"][0]
    assert (first["notes"], first["characters"]) == (NOTES, said)
    assert first["answer"].strip() == ANSWER


async def test_a_question_answered_only_in_the_thinking_notes_is_not_called_unanswered(db, clock):
    from studyapp.tui.attempts import AttemptsScreen
    from studyapp.tui.report import ReportScreen

    outline = "减负就是明确社区法定职责精简填表盖章等事务"
    app = mock_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_from_home(pilot, MockOptions(count=1, think=8, answer=5, types=("综合分析",), seed=1))
        q = app.screen.session.current.question
        await type_text(pilot, outline)  # everything in the thinking time
        await step(pilot, clock, 8)
        await step(pilot, clock, 5)
        report = app.screen
        assert isinstance(report, ReportScreen)
        row = rows(report)[0]
        assert row[1] != "0" and row[5] == "0"  # graded by the notes, nothing said
        assert "只有思考笔记" in row[6] and "没有作答" not in row[6]
        assert "思考笔记计分，不计字数" in shown(app, "#report-summary")
        clock.advance(2)
        await pilot.press("escape")
        await pilot.pause()
        tree = app.screen.query_one(Tree)
        tree.cursor_line = next(i for i, line in enumerate(tree_lines(app)) if q.prompt[:10] in line)
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, AttemptsScreen)
        assert rows(app.screen)[0][3] == "0"
        assert rows(app.screen)[0][5].startswith("（只有思考笔记）减负就是")


# --- 3. keys at a time-up ------------------------------------------------------------------------


async def test_keys_still_coming_after_the_last_time_up_are_held_until_the_typing_stops(db, clock):
    from studyapp.tui.report import ReportScreen
    from studyapp.tui.review import ReviewScreen

    app = mock_app(db, clock, MockOptions(count=1, think=30, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.press("a", "b")
        await step(pilot, clock, 60)  # time runs out while the candidate types on
        report = app.screen
        assert isinstance(report, ReportScreen)
        for key in ["enter", "enter", "c", "enter", "e", "f", "g"]:  # a key every 0.4 s, for 2.8 s
            clock.advance(0.4)
            await pilot.press(key)
        await pilot.pause()
        assert app.screen is report  # neither a review nor the export dialog opened
        assert sum("时间到，作答已结束" in n for n in notices(app)) == 1  # one notice, not one per key
        clock.advance(1.0)  # the typing has stopped: the next key is meant
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_the_hold_has_a_cap_and_a_deliberate_key_after_a_pause_acts(db, clock):
    from studyapp.tui.report import ExportScreen, ReportScreen

    app = mock_app(db, clock, MockOptions(count=1, think=30, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await step(pilot, clock, 60)
        assert isinstance(app.screen, ReportScreen)
        for _ in range(12):  # someone leaning on a key: 6 s of keys
            clock.advance(0.5)
            await pilot.press("x")
        await pilot.press("e")  # past the cap the keys are the report's again
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)


async def test_keys_typed_on_after_a_question_ran_out_are_dropped_until_they_stop(db, clock):
    app = mock_app(db, clock, MockOptions(count=2, think=30, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        await pilot.press("ctrl+n")
        await pilot.press("a")
        await step(pilot, clock, 60)
        assert s.index == 1
        for key in "bcdef":  # still question 1's sentence, 2 s of it
            clock.advance(0.4)
            app.screen.tick()
            await pilot.press(key)
        await pilot.pause()
        assert s.current.text == "" and s.items[0].text == "a"
        assert "上一题时间到" in shown(app, "#mock-save")
        await step(pilot, clock, 1.0)  # a second without a key: typing is question 2's
        await pilot.press("x")
        await pilot.pause()
        assert s.current.text == "x"


async def test_escape_typed_on_over_a_time_up_is_held_too_and_a_held_yes_does_not_leave(db, clock):
    from studyapp.tui.confirm import ConfirmScreen
    from studyapp.tui.mock import MockScreen

    app = mock_app(db, clock, MockOptions(count=2, think=30, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        await pilot.press("ctrl+n")
        await step(pilot, clock, 60)
        assert s.index == 1
        for key in ["escape", "y", "e", "s"]:
            clock.advance(0.3)
            app.screen.tick()
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, MockScreen) and not isinstance(app.screen, ConfirmScreen)
        assert s.index == 1 and not s.finished
        await step(pilot, clock, 1.0)  # the typing has stopped: escape now asks
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_text_typed_with_the_prompt_focused_goes_into_the_answer_and_tab_types_no_spaces(db, clock):
    app = mock_app(db, clock, MockOptions(count=1, think=30, answer=60, seed=2))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        s = app.screen.session
        await pilot.press("ctrl+n")
        await step(pilot, clock, 0.25)
        await pilot.press("shift+tab", "down")  # to read the rest of the prompt
        assert app.focused.id == "mock-prompt-box"
        await pilot.press("w", "o", "m", "e", "n")
        await pilot.pause()
        assert app.focused.id == "mock-answer" and s.current.text == "women"
        await pilot.press("tab")  # already in the answer box: tab types nothing
        await pilot.pause()
        assert s.current.text == "women" and app.focused.id == "mock-answer"
        await pilot.press("shift+tab", "tab")  # and from the prompt it comes back
        assert app.focused.id == "mock-answer"


# --- 4. timing, 听题 -------------------------------------------------------------------------------


async def test_a_preset_with_only_a_thinking_time_still_lasts_its_minutes(db, clock):
    from studyapp.cli import build_parser
    from studyapp.commands.mock import options_from_args

    args = build_parser().parse_args(["mock", "--think", "30", "--seed", "1"])
    app = mock_app(db, clock, options_from_args(args))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        assert [(it.think_s, it.answer_s) for it in s.items] == [(30, 270)] * 3
        assert "全场剩余 15:00" in shown(app, "#mock-title")


class RecordingVoice:
    name = "测试朗读"

    def __init__(self) -> None:
        self.said: list[str] = []
        self.speaking = False

    def speak(self, text: str) -> None:
        self.said.append(text)
        self.speaking = True

    def stop(self) -> None:
        self.speaking = False


async def test_f3_read_again_after_a_pause_is_heard_again(db, clock):
    voice = RecordingVoice()
    app = mock_app(db, clock, MockOptions(count=1, think=60, answer=60, listen=True, practice=True, seed=1),
                   voice=voice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        await step(pilot, clock, s.current.reading_s)
        voice.speaking = False
        await step(pilot, clock, 0.25)
        assert s.phase == THINKING
        await pilot.press("f3")
        await step(pilot, clock, 3)
        assert len(voice.said) == 2
        await pilot.press("f4")  # pause: the voice stops
        await pilot.pause()
        assert not voice.speaking
        await pilot.press("f4")  # resume: heard again from the start, with its whole time
        await pilot.pause()
        assert len(voice.said) == 3 and voice.speaking
        assert s.reread_time_left() == s.current.reading_s


async def test_a_voice_still_reading_at_the_cap_is_stopped_when_thinking_starts(db, clock):
    voice = RecordingVoice()
    app = mock_app(db, clock, MockOptions(count=1, think=60, answer=60, listen=True, seed=1), voice=voice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        await step(pilot, clock, s.current.reading_s + 1)
        assert s.phase == READING and "最多 2 分钟" in shown(app, "#mock-phase")
        await step(pilot, clock, 120)
        assert s.phase == THINKING and not voice.speaking


# --- 5. leftovers --------------------------------------------------------------------------------


async def test_a_session_running_in_another_window_is_not_offered_for_resume(db, clock):
    from studyapp.tui.resume import ResumeScreen

    app = mock_app(db, clock, MockOptions(count=1, think=30, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:  # window 1: a session, saved as it runs
        await pilot.pause()
        await type_text(pilot, "笔记")
        await step(pilot, clock, 3)
    other, _ = FolderLock.claim(db.path.parent)  # ... and window 1 is still open (holds the folder)
    assert other is not None and db.unfinished_session() is not None
    try:
        app = mock_app(db, clock)  # window 2
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert not isinstance(app.screen, ResumeScreen)
            assert any("可能正在另一个 studyapp 里进行" in n for n in notices(app))
            other.release()  # window 1 ends: now m offers it
            await pilot.press("m")
            await pilot.pause()
            assert isinstance(app.screen, ResumeScreen)
    finally:
        other.release()


async def test_n_in_a_review_opened_from_the_report_goes_to_the_mocks_next_question(db, clock):
    from studyapp.tui.report import MockReviewScreen, ReportScreen

    app = mock_app(db, clock, MockOptions(count=2, think=5, answer=5, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        await step(pilot, clock, 10)
        await step(pilot, clock, 10)
        report = app.screen
        assert isinstance(report, ReportScreen)
        clock.advance(2)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MockReviewScreen) and app.screen.question.id == s.items[0].question.id
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MockReviewScreen) and app.screen.question.id == s.items[1].question.id
        await pilot.press("n")  # the last one: it says so and stays
        await pilot.pause()
        assert app.screen.question.id == s.items[1].question.id
        assert any("本场的最后一题" in n for n in notices(app))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is report


async def test_the_report_fits_60_columns_and_escape_on_studyapp_mocks_report_ends_the_app(db, clock):
    from studyapp.tui.report import ReportScreen

    app = mock_app(db, clock, MockOptions(count=1, think=5, answer=5, seed=2))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await step(pilot, clock, 10)
        assert isinstance(app.screen, ReportScreen)
        table = app.screen.query_one(DataTable)
        await pilot.pause()
        assert table.virtual_size.width <= table.size.width  # no column cut off
        assert rows(app.screen)[0][-1].endswith("没有作答")
        clock.advance(2)
        await pilot.press("escape")  # `studyapp mock`: back to the shell
        await pilot.pause()
        assert not app.is_running
