"""The mock interview in the app, driven by a fake clock: no sleeps, the tick is called after moving the clock."""
from __future__ import annotations

import pytest
from rich.cells import cell_len

from studyapp.core.clock import FakeClock
from studyapp.core.grading import Grader
from studyapp.core.session import ANSWERING, READING, THINKING, MockOptions
from studyapp.core.store import Store

from tuiutil import mock_app, step

SIZE = (100, 32)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def db(tmp_path, clock):
    s = Store.open(tmp_path / "data", clock=clock)
    yield s
    s.close()


app_for = mock_app


def shown(app, selector) -> str:
    return str(app.screen.query_one(selector).render())


async def type_text(pilot, text):
    """Type as a user does; characters Pilot has no key name for (full-width punctuation)
    arrive as an input method commits them, inserted at the cursor."""
    editor = pilot.app.screen.query_one("#mock-answer")
    for ch in text:
        if ch.isascii() or "\u4e00" <= ch <= "\u9fff":
            await pilot.press("enter" if ch == "\n" else ch)
        else:
            editor.insert(ch)
    await pilot.pause()


def countdown(app) -> str:
    return app.screen.query_one("#mock-countdown").value


async def test_a_full_two_question_session_with_warnings_timeout_and_report(db, clock, tmp_path):
    from studyapp.tui.mock import MockScreen
    from studyapp.tui.report import ReportScreen

    app = app_for(db, clock, MockOptions(count=2, think=60, answer=90, seed=3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MockScreen)
        session = screen.session
        first_q = session.items[0].question
        assert session.phase == THINKING and countdown(app) == "01:00"
        assert first_q.prompt.strip()[:10] in shown(app, "#mock-prompt")
        # notes while thinking: the editor already has the focus
        assert app.focused.id == "mock-answer"
        await type_text(pilot, "提纲：先理解")
        assert "全场剩余 05:00" in shown(app, "#mock-title")  # 2 × (60 + 90) s
        await step(pilot, clock, 30)
        # no warning while thinking: as in the exam room, warnings are about the time to speak
        assert shown(app, "#mock-warning") == "" and app.rings == 0
        assert countdown(app) == "00:30" and "全场剩余 04:30" in shown(app, "#mock-title")
        await step(pilot, clock, 30)  # thinking runs out by itself
        assert session.phase == ANSWERING and countdown(app) == "01:30"
        assert app.focused.id == "mock-answer"
        # the notes stay, and the answer starts on the line under them
        assert screen.query_one("#mock-answer").text == "提纲：先理解\n"
        await type_text(pilot, "我会先私下和老王沟通，学习证明清单")
        answer1 = "提纲：先理解\n我会先私下和老王沟通，学习证明清单"
        await step(pilot, clock, 30)
        assert "剩余不到 60 秒" in shown(app, "#mock-warning") and app.rings == 1
        await step(pilot, clock, 1)
        assert app.rings == 1  # once each
        await step(pilot, clock, 29)
        assert "剩余不到 30 秒" in shown(app, "#mock-warning") and app.rings == 2
        # the autosave has the text, and the time left
        saved = db.unfinished_session()
        assert saved.questions[0].text == answer1
        assert saved.questions[0].time_left == 30
        await step(pilot, clock, 30)  # answering runs out: on to question 2, text kept
        assert session.index == 1 and session.phase == THINKING
        assert screen.query_one("#mock-answer").text == ""
        assert session.items[0].text == answer1
        assert db.unfinished_session().questions[0].phase == "done"
        # question 2: finish both phases early with the key
        await step(pilot, clock, 10)
        await pilot.press("ctrl+n")
        assert session.phase == ANSWERING
        # the last question's answer: its hint says the report comes next, not a next question
        assert "时间到结束并打开报告" in shown(app, "#mock-phase")
        await type_text(pilot, "及时上报，做好解释")
        await step(pilot, clock, 20)
        await pilot.press("ctrl+n")
        await pilot.pause()

        report_screen = app.screen
        assert isinstance(report_screen, ReportScreen)
        r = report_screen.report
        q1, q2 = r.questions
        assert q1.text == answer1 and q2.text == "及时上报，做好解释"
        assert (q1.think_used, q1.answer_used, q1.timed_out) == (60, 90, ("thinking", "answering"))
        assert (q2.think_used, q2.answer_used, q2.timed_out) == (10, 20, ())
        assert q1.notes == "提纲：先理解" and q1.chars == len("我会先私下和老王沟通学习证明清单")  # (the comma is not said)
        assert q1.score == Grader(first_q, thesaurus=app.packs[0].thesaurus).grade(answer1).score
        table = report_screen.query_one("#report-table")
        assert table.row_count == 2
        row = [str(c) for c in table.get_row_at(0)]
        assert row[:2] == ["1", str(round(q1.score))]
        assert row[3:6] == ["1:00/1:00", "1:30/1:30", str(q1.chars)]
        assert "遗漏的要点" in shown(app, "#report-detail") or not q1.missed

        # stored: finished, with the answers and scores; both joined the history
        done = db.session(r.session_id)
        assert done.status == "finished"
        assert [q.text for q in done.questions] == [answer1, "及时上报，做好解释"]
        assert db.unfinished_session() is None
        assert {a.answer for a in db.attempts()} == {answer1, "及时上报，做好解释"}

        # each question opens in the review screen
        await pilot.press("enter")
        await pilot.pause()
        from studyapp.tui.review import ReviewScreen

        assert isinstance(app.screen, ReviewScreen) and app.screen.answer == answer1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is report_screen

        # export: the default path is in the data folder, and the screen says where
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        out = report_screen.exported
        assert out is not None and out.parent == tmp_path / "data" / "reports"
        assert answer1.splitlines()[1] in out.read_text(encoding="utf-8")
        assert str(out) in shown(app, "#report-export")


async def test_listen_mode_hides_the_prompt_and_allows_one_reread(db, clock):
    app = app_for(db, clock, MockOptions(count=1, think=60, answer=120, listen=True, seed=1), voice=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        prompt = s.current.question.prompt.strip()
        reading = s.current.reading_s
        assert s.phase == READING and prompt[:8] in shown(app, "#mock-prompt")
        # (no voice: said where the candidate waits for one, not in a notice held for later)
        assert "不朗读：记住题目" in shown(app, "#mock-phase")
        await step(pilot, clock, reading)
        assert s.phase == THINKING
        assert "不朗读" not in shown(app, "#mock-phase")
        assert prompt[:8] not in shown(app, "#mock-prompt")
        assert "F3 再听一遍" in shown(app, "#mock-prompt")
        await pilot.press("f3")
        await pilot.pause()
        assert prompt[:8] in shown(app, "#mock-prompt")
        await step(pilot, clock, reading)
        assert prompt[:8] not in shown(app, "#mock-prompt")
        assert "已重听过一次" in shown(app, "#mock-prompt")
        await pilot.press("f3")  # no second re-read
        await pilot.pause()
        assert prompt[:8] not in shown(app, "#mock-prompt")
        assert s.time_left() == 60 - reading  # the re-read cost thinking time, as in the exam


async def test_strict_mode_cannot_pause_practice_mode_can(db, clock):
    app = app_for(db, clock, MockOptions(count=1, think=60, answer=60, seed=1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await step(pilot, clock, 10)
        assert not app.screen.session.paused and countdown(app) == "00:50"
    app = app_for(db, clock, MockOptions(count=1, think=60, answer=60, practice=True, seed=1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # the strict session above was left unfinished: it is offered first; discard it
        from studyapp.tui.resume import ResumeScreen

        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("x")
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("f4")
        await step(pilot, clock, 100)
        assert app.screen.session.paused and countdown(app) == "01:00"
        assert "已暂停" in shown(app, "#mock-phase")
        await pilot.press("f4")
        await step(pilot, clock, 15)
        assert countdown(app) == "00:45"


async def test_an_interrupted_session_is_offered_and_resumed_with_text_and_time(db, clock):
    from studyapp.tui.mock import MockScreen
    from studyapp.tui.resume import ResumeScreen

    app = app_for(db, clock, MockOptions(count=2, think=30, answer=100, seed=5))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")  # straight to answering
        await type_text(pilot, "第一点，规范开证明")
        await step(pilot, clock, 25)
        first_prompt = app.screen.session.current.question.prompt
    # the app went away mid-answer (the next test kills it for real)
    clock.advance(3600)
    app = app_for(db, clock)  # plain `studyapp`: no session asked for
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        text = shown(app, "#resume-text")
        assert "第 1/2 题 · 作答 · 剩余 01:15" in text and "已输入：8 字" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MockScreen)
        s = app.screen.session
        assert s.current.question.prompt == first_prompt
        assert app.screen.query_one("#mock-answer").text == "第一点，规范开证明"
        assert s.phase == ANSWERING and countdown(app) == "01:15"
        await type_text(pilot, "。")
        await step(pilot, clock, 5)
        assert s.current.text == "第一点，规范开证明。" and countdown(app) == "01:10"


async def test_discarding_an_interrupted_session_asks_first(db, clock):
    from studyapp.tui.home import HomeScreen
    from studyapp.tui.resume import ResumeScreen

    sid = db.create_session(config={}, questions=[("community-governance", "burden-survey", "题")],
                            state={"version": 1, "items": []})
    app = app_for(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("q")
        await pilot.press("n")  # not confirmed: the offer stays
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("d")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert db.session(sid).status == "discarded" and db.unfinished_session() is None


async def test_home_m_offers_presets_and_starts_the_session(db, clock):
    from studyapp.tui.mock import MockScreen, MockSetupScreen

    app = app_for(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MockSetupScreen)
        # the three number fields are drawn whole, the same height (the answering editor's
        # style once stretched the third, which shares its id, past the dialog)
        heights = {app.screen.query_one(f"#{f}").region.height for f in ("count", "think", "answer")}
        assert heights == {3}
        await pilot.click("#preset-4-20")
        await pilot.pause()
        assert isinstance(app.screen, MockScreen)
        s = app.screen.session
        assert len(s.items) == 4
        assert all(it.think_s + it.answer_s <= 300 for it in s.items)
        assert len({it.question.type for it in s.items}) == 4  # mixed types
        assert db.unfinished_session() is not None


async def test_leaving_a_session_keeps_it_and_m_offers_it_again(db, clock):
    from studyapp.tui.home import HomeScreen
    from studyapp.tui.mock import MockScreen
    from studyapp.tui.resume import ResumeScreen

    app = app_for(db, clock, MockOptions(count=1, think=60, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "要点一")
        await pilot.press("escape")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert db.unfinished_session().questions[0].text == "要点一"  # saved on leaving, not 2 s later
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MockScreen)
        assert app.screen.query_one("#mock-answer").text == "要点一"


async def test_without_a_store_the_session_runs_and_says_it_is_not_saved(clock):
    from studyapp.tui.report import ReportScreen

    app = app_for(None, clock, MockOptions(count=1, think=5, answer=5, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "未保存" in shown(app, "#mock-save")
        await type_text(pilot, "没有保存也能答")
        await step(pilot, clock, 11)
        assert isinstance(app.screen, ReportScreen)
        assert app.screen.report.questions[0].text == "没有保存也能答"


async def test_the_last_keystroke_before_time_runs_out_stays_with_its_question(db, clock):
    app = app_for(db, clock, MockOptions(count=2, think=5, answer=10, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        screen = app.screen
        editor = screen.query_one("#mock-answer")
        editor.insert("最后一句")  # typed, its Changed message not handled yet...
        clock.advance(10)
        screen.tick()  # ...when the clock moves on to question 2
        await pilot.pause()
        assert screen.session.index == 1
        assert screen.session.items[0].text == "最后一句"
        assert screen.session.items[1].text == "" and editor.text == ""


async def test_home_custom_session_takes_count_and_seconds(db, clock):
    from studyapp.tui.mock import MockScreen, MockSetupScreen

    app = app_for(db, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, MockSetupScreen)
        await pilot.click("#listen")
        setup.query_one("#count").focus()
        await pilot.press("backspace", "9", "9", "enter")
        await pilot.pause()
        assert "题数应在 1–20 之间" in shown(app, "#setup-error")  # refused, dialog stays
        await pilot.press("backspace", "backspace", "enter")
        await pilot.pause()
        assert "请填写题数" in shown(app, "#setup-error")  # empty is not quietly 1
        assert isinstance(app.screen, MockSetupScreen)
        await pilot.press("2", "tab", "9", "9", "9", "9", "enter")
        await pilot.pause()
        assert "思考时间应在 1–3600 秒之间" in shown(app, "#setup-error")  # with its unit
        await pilot.press(*["backspace"] * 4, "5", "tab", "8", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MockScreen)
        s = app.screen.session
        assert len(s.items) == 2 and s.listen
        assert [(it.think_s, it.answer_s) for it in s.items] == [(5, 8), (5, 8)]


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_asking_for_more_questions_than_the_packs_have_is_said_in_chinese_in_the_dialog(db, clock):
    from studyapp.tui.mock import MockSetupScreen

    app = app_for(db, clock)
    n = len(app.packs[0].questions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#count").focus()
        await pilot.press("backspace", *str(n + 3), "enter")
        await pilot.pause()
        assert isinstance(app.screen, MockSetupScreen)  # the numbers stay editable
        assert shown(app, "#setup-error") == f"要抽 {n + 3} 道题，但已加载的题包里题目只有 {n} 道"


async def test_a_damaged_saved_session_is_explained_in_chinese(db, clock):
    from studyapp.tui.home import HomeScreen

    db.create_session(config={}, questions=[("community-governance", "burden-survey", "题")],
                      state={"version": 1, "index": 0, "items": [{"pack_id": "community-governance"}]})
    app = app_for(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # resume
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "无法恢复上次的模拟面试：保存的面试记录已损坏" in notices(app)
        assert not any("saved session" in m for m in notices(app))


async def test_the_report_footer_names_enter_and_enter_opens_the_highlighted_question(db, clock):
    from textual.widgets._footer import FooterKey

    from studyapp.tui.report import ReportScreen
    from studyapp.tui.review import ReviewScreen

    app = app_for(db, clock, MockOptions(count=2, think=5, answer=5, seed=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "第一题")
        await step(pilot, clock, 10)
        await step(pilot, clock, 1.5)  # the moment after a time-up, when keys are held, has passed
        await type_text(pilot, "第二题的提纲")
        await step(pilot, clock, 8.5)
        clock.advance(1.5)
        report = app.screen
        assert isinstance(report, ReportScreen)
        summary = shown(app, "#report-summary").splitlines()
        assert summary[0].startswith("2 题 · 平均得分 ") and summary[0].endswith("总用时 0:20 / 限时 0:20")
        # both were notes typed while thinking: 字数 counts what was answered
        assert summary[1] == "作答共 0 字，预计口述 0:00（每分钟 200 字；思考笔记计分，不计字数）"
        assert all(cell_len(line) <= 78 for line in summary)  # each fits an 80-column line
        keys = {k.description: k.key_display for k in report.query(FooterKey)}
        assert keys.get("点评本题") == "⏎"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.answer == "第二题的提纲"


@pytest.mark.parametrize("on_top", ["help", "leave dialog"])
async def test_time_running_out_under_the_help_or_a_dialog_still_ends_in_the_report(db, clock, on_top):
    from studyapp.tui.home import HomeScreen
    from studyapp.tui.report import ReportScreen

    app = app_for(db, clock, MockOptions(count=1, think=5, answer=5, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        mock = app.screen
        await type_text(pilot, "笔记")
        await pilot.press("f1" if on_top == "help" else "escape")
        await pilot.pause()
        assert app.screen is not mock
        clock.advance(11)
        mock.tick()  # its timer runs on under the other screen
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [HomeScreen, ReportScreen]
        assert app.screen.report.questions[0].text == "笔记"
        clock.advance(1)  # (keys still being typed are held a moment)
        await pilot.press("escape")  # `studyapp mock`'s report: back to the shell
        await pilot.pause()
        assert not app.is_running


async def test_no_search_during_a_session(db, clock):
    from textual.command import CommandPalette
    from textual.widgets._footer import FooterKey

    from studyapp.tui.mock import MockScreen

    app = app_for(db, clock, MockOptions(count=1, think=60, answer=60, seed=1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MockScreen)
        assert "搜索" not in {k.description for k in app.screen.query(FooterKey)}
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, MockScreen) and not CommandPalette.is_open(app)


async def test_with_the_bell_turned_off_the_warnings_still_show_but_nothing_rings(db, clock):
    from studyapp.tui.mock import MockScreen

    app = app_for(db, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.click("#bell")  # on by default: now off
        app.screen.query_one("#count").focus()
        await pilot.press("backspace", "1", "tab", "5", "tab", *"70", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MockScreen) and not screen.bell_on
        await step(pilot, clock, 5)  # thinking over
        await step(pilot, clock, 10)
        assert "剩余不到 60 秒" in shown(app, "#mock-warning")
        assert "warn" in screen.query_one("#mock-countdown").classes
        await step(pilot, clock, 30)
        assert "剩余不到 30 秒" in shown(app, "#mock-warning")
        assert "urgent" in screen.query_one("#mock-countdown").classes
        assert app.rings == 0


async def test_the_resume_question_is_answered_before_anything_else(db, clock):
    from studyapp.tui.resume import ResumeScreen

    db.create_session(config={}, questions=[("community-governance", "burden-survey", "题")],
                      state={"version": 1, "items": []})
    app = app_for(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from textual.command import CommandPalette

        from studyapp.tui.confirm import ConfirmScreen

        await pilot.press("ctrl+p")  # no search over the dialog, and not a key that discards it
        await pilot.pause()
        assert not CommandPalette.is_open(app) and isinstance(app.screen, ResumeScreen)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("ctrl+p")  # nor over the confirmation
        await pilot.pause()
        assert not CommandPalette.is_open(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)


@pytest.mark.parametrize("listen", [False, True])
async def test_the_phase_line_fits_beside_the_countdown_at_80x24(db, clock, listen):
    from textual.geometry import Region

    app = app_for(db, clock, MockOptions(count=1, think=60, answer=300, listen=listen, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        from studyapp.tui.mock import MockScreen

        seen = 0
        while isinstance(app.screen, MockScreen):  # reading (听题), thinking, answering
            seen += 1
            phase = app.screen.query_one("#mock-phase")
            assert phase.size.height == 1, shown(app, "#mock-phase")
            lines = [s.text.strip() for s in phase.render_lines(Region(0, 0, phase.size.width, 1))]
            assert lines[0] == shown(app, "#mock-phase")
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert seen == (3 if listen else 2)


GOOD_ITEM = {"pack_id": "community-governance", "question_id": "burden-survey", "prompt": "题", "think_s": 60,
             "answer_s": 120, "phase": "answering", "text": "已写的"}
DAMAGED_STATES = {
    "index is text": {"version": 1, "index": "abc", "items": [GOOD_ITEM]},
    "item is a list": {"version": 1, "index": 0, "items": [[1, 2]]},
    "items is a mapping": {"version": 1, "index": 0, "items": {"a": 1}},
    "time is text": {"version": 1, "index": 0, "items": [GOOD_ITEM | {"think_s": "x"}], "phase_elapsed": "y"},
    "phase is a list": {"version": 1, "index": 0, "items": [GOOD_ITEM | {"phase": []}]},
    "unknown phase": {"version": 1, "index": 0, "items": [GOOD_ITEM | {"phase": "dreaming"}]},
    "text is not text": {"version": 1, "index": 0, "items": [GOOD_ITEM | {"text": None}]},
    "prompt is markup and escapes": {"version": 1, "index": 0, "items": [GOOD_ITEM | {"prompt": 5}]},
    "infinite time": {"version": 1, "index": 0, "items": [GOOD_ITEM], "phase_elapsed": float("inf")},
    "state is a list": [1, 2, 3],
}


@pytest.mark.parametrize("how", list(DAMAGED_STATES))
async def test_a_damaged_saved_session_never_stops_the_app(db, clock, how):
    from studyapp.tui.home import HomeScreen
    from studyapp.tui.resume import ResumeScreen

    db.create_session(config={}, questions=[("community-governance", "burden-survey", "题")],
                      state=DAMAGED_STATES[how])
    app = app_for(db, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)  # offered, described or said to be damaged
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any(m.startswith("无法恢复上次的模拟面试：保存的面试记录") for m in notices(app))
    assert db.unfinished_session() is None  # not offered again at every start


async def test_keys_typed_right_before_ctrl_n_belong_to_the_phase_they_were_typed_in(db, clock):
    from textual import events

    app = app_for(db, clock, MockOptions(count=2, think=5, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")  # thinking over: answering question 1
        await pilot.pause()
        screen = app.screen
        assert screen.session.phase == ANSWERING and screen.session.index == 0
        # a burst (an input method's commit) and ctrl+n right after, before the editor took it
        for ch in "先稳住情绪":
            app.post_message(events.Key(ch, ch))
        app.post_message(events.Key("ctrl+n", None))
        await pilot.pause()
        await pilot.pause()
        assert screen.session.index == 1
        assert screen.session.items[0].text == "先稳住情绪"
        assert screen.session.items[1].text == ""


async def test_the_answer_starts_on_its_own_line_under_the_thinking_notes(db, clock):
    app = app_for(db, clock, MockOptions(count=2, think=30, answer=60, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.session.phase == THINKING
        await type_text(pilot, "稳情绪")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.session.phase == ANSWERING
        await type_text(pilot, "我会先安抚")
        editor = screen.query_one("#mock-answer")
        assert editor.text == "稳情绪\n我会先安抚"
        assert screen.session.items[0].text == "稳情绪\n我会先安抚"


async def test_ctrl_n_just_after_thinking_time_ran_out_does_not_end_the_answer(db, clock):
    app = app_for(db, clock, MockOptions(count=1, think=3, answer=30, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        # thinking runs out; the candidate's ctrl+n for 'done thinking' comes 0.3 s late
        clock.advance(3.3)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.session.phase == ANSWERING and not screen.session.finished
        assert any("这次 ctrl+n 没有结束作答" in m for m in notices(app))
        await type_text(pilot, "我愿意扎根基层")
        await step(pilot, clock, 5)
        await pilot.press("ctrl+n")  # now it ends the answer, as asked
        await pilot.pause()
    assert screen.session.finished
    assert screen.session.items[0].text == "我愿意扎根基层"


async def test_several_arrows_arriving_together_in_the_setup_each_move_one_button(db, clock):
    # a quick typist (or an SSH link) delivers → → → in one write: each moves one button, so
    # enter does not start an exam the candidate did not choose
    from textual import events

    from studyapp.tui.mock import MockSetupScreen

    app = app_for(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MockSetupScreen)
        buttons = list(app.screen.query("#setup-presets Button"))
        start = buttons.index(app.screen.focused)
        for _ in range(3):
            app.post_message(events.Key("right", None))  # (no pause between: as they arrive)
        await pilot.pause()
        assert app.screen.focused is buttons[(start + 3) % len(buttons)]
