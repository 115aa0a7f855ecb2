"""The mock-interview state machine, driven by a fake clock: phases, warnings, timeouts, 听题, pause, save/resume."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from studyapp.core.clock import FakeClock
from studyapp.core.model import KeyPoint, Pack, Question, Timing
from studyapp.core.session import (
    ANSWERING,
    DONE,
    PRESETS,
    READING,
    THINKING,
    MockSession,
    SessionError,
    SessionRecorder,
    draw_questions,
    plan_timing,
    reading_time,
)
from studyapp.core.store import Store


def q(id_, type_="综合分析", prompt="请谈谈你对基层减负的看法。", time=None):
    return Question(id=id_, prompt=prompt, key_points=(KeyPoint("k", "要点"),), type=type_, time=time)


PACK = Pack(
    id="core",
    title="t",
    root=None,
    questions=(
        q("a1", "综合分析"), q("a2", "综合分析"), q("a3", "综合分析"), q("a4", "综合分析"),
        q("b1", "组织管理"), q("b2", "组织管理"),
        q("c1", "人际关系"),
        q("d1", "应急应变"),
    ),
)


def kinds(events):
    return [(e.kind, e.index, e.phase) if e.kind != "warning" else ("warning", e.index, e.seconds_left)
            for e in events]


def session(clock, n=2, think=60, answer=90, **kw):
    drawn = [("core", q(f"q{i}", prompt=f"第{i}题：如何看待“放管服”改革？")) for i in range(n)]
    s = MockSession.build(drawn, clock, think=think, answer=answer, **kw)
    return s


# --- drawing and timing -------------------------------------------------------------


def test_draw_has_no_repeats_and_mixes_types():
    for seed in range(20):
        drawn = draw_questions([PACK], 4, rng=random.Random(seed))
        ids = [qq.id for _, qq in drawn]
        assert len(set(ids)) == 4
        # four types exist: a draw of four takes one of each, although 综合分析 has half the pool
        assert Counter(qq.type for _, qq in drawn) == Counter({"综合分析": 1, "组织管理": 1, "人际关系": 1, "应急应变": 1})


def test_draw_is_reproducible_with_a_seed_and_varies_without():
    a = draw_questions([PACK], 3, rng=random.Random(7))
    assert draw_questions([PACK], 3, rng=random.Random(7)) == a
    assert len({tuple(x.id for _, x in draw_questions([PACK], 3, rng=random.Random(s))) for s in range(10)}) > 1


def test_draw_by_type_and_too_few_questions():
    drawn = draw_questions([PACK], 2, types=["组织管理"], rng=random.Random(1))
    assert sorted(x.id for _, x in drawn) == ["b1", "b2"]
    with pytest.raises(SessionError, match="only 2 of type 组织管理"):
        draw_questions([PACK], 3, types=["组织管理"], rng=random.Random(1))
    with pytest.raises(SessionError, match="only 8"):
        draw_questions([PACK], 9, rng=random.Random(1))


def test_timing_from_presets_question_time_and_overrides():
    per_q = PRESETS["3/15"].per_question_s
    assert per_q == 300 == PRESETS["4/20"].per_question_s
    assert plan_timing(q("x"), per_question_s=per_q) == (90, 210)
    # the question's own time is stretched to the budget in its own ratio (15 minutes are 15) …
    assert plan_timing(q("x", time=Timing(60, 180)), per_question_s=per_q) == (75, 225)
    assert plan_timing(q("x", time=Timing(60, 150)), per_question_s=per_q) == (86, 214)
    # … or shrunk to it
    assert plan_timing(q("x", time=Timing(120, 360)), per_question_s=per_q) == (75, 225)
    # only one of them given: the rest of the budget goes to the other
    assert plan_timing(q("x", time=Timing(think=60)), per_question_s=per_q) == (60, 240)
    # custom: the question's time or 90 + 210; the command line wins
    assert plan_timing(q("x", time=Timing(60, 180))) == (60, 180)
    assert plan_timing(q("x")) == (90, 210)
    assert plan_timing(q("x", time=Timing(60, 180)), think=5, answer=20) == (5, 20)


def test_reading_time_follows_prompt_length():
    assert reading_time("短题") == 8
    assert reading_time("字" * 100) == 25
    assert reading_time("字" * 280) == 70  # a 情景模拟 with its material
    assert reading_time("字" * 1000) == 90


# --- a run ----------------------------------------------------------------------------


def test_a_two_question_session_runs_by_the_clock_alone():
    clock = FakeClock()
    s = session(clock)
    assert kinds(s.start()) == [("phase", 0, THINKING)]
    s.set_text("提纲：一、意义")
    clock.advance(29)
    assert s.tick() == [] and s.time_left() == 31
    clock.advance(1)
    assert s.tick() == []  # no warning while thinking: the examiner warns of the time to speak
    clock.advance(30)
    assert kinds(s.tick()) == [("timeout", 0, THINKING), ("phase", 0, ANSWERING)]
    assert s.current.text == "提纲：一、意义"  # notes typed while thinking are kept
    assert s.time_left() == 90
    clock.advance(30)
    assert kinds(s.tick()) == [("warning", 0, 60)]
    clock.advance(5)
    assert s.tick() == []  # each warning once
    clock.advance(25)
    assert kinds(s.tick()) == [("warning", 0, 30)]
    s.set_text("提纲：一、意义\n回答：我认为……")
    clock.advance(30)
    assert kinds(s.tick()) == [("timeout", 0, ANSWERING), ("phase", 0, DONE), ("phase", 1, THINKING)]
    first = s.items[0]
    assert first.text == "提纲：一、意义\n回答：我认为……"
    assert (first.think_used, first.answer_used) == (60, 90)
    assert first.timed_out == (THINKING, ANSWERING)
    # second question: finish both phases early
    clock.advance(12.5)
    assert kinds(s.finish_phase()) == [("phase", 1, ANSWERING)]
    s.set_text("第二题答案")
    clock.advance(40)
    assert kinds(s.finish_phase()) == [("warning", 1, 60), ("phase", 1, DONE), ("finished", 1, DONE)]
    assert s.finished and s.phase == DONE
    second = s.items[1]
    assert (second.think_used, second.answer_used, second.timed_out) == (12.5, 40, ())
    clock.advance(100)
    assert s.tick() == []


def test_a_long_stall_carries_the_overshoot_into_the_next_phase():
    clock = FakeClock()
    s = session(clock)
    s.start()
    clock.advance(75)  # 60 s thinking + 15 s
    ev = kinds(s.tick())
    assert ev[:2] == [("timeout", 0, THINKING), ("phase", 0, ANSWERING)]
    assert s.time_left() == 75
    clock.advance(1000)  # everything runs out: the session ends, nothing is lost
    s.tick()
    assert s.finished
    assert [it.answer_used for it in s.items] == [90, 90]


def test_done_pressed_as_time_runs_out_never_ends_the_phase_that_just_began():
    clock = FakeClock()
    s = session(clock, n=2, think=30, answer=60)
    s.start()
    # ctrl+n for 'done thinking' reaches the session a moment after thinking time ran out
    clock.advance(30.3)
    assert kinds(s.finish_phase()) == [
        ("timeout", 0, THINKING), ("phase", 0, ANSWERING), ("moved_on", 0, ANSWERING)]
    assert s.phase == ANSWERING and s.time_left() == pytest.approx(59.7)
    # the screen's tick saw the timeout first; the key comes 1 s later: still not carried out
    clock.advance(59.7)
    assert kinds(s.tick())[-3:] == [("timeout", 0, ANSWERING), ("phase", 0, DONE), ("phase", 1, THINKING)]
    clock.advance(1.0)
    assert kinds(s.finish_phase()) == [("moved_on", 1, THINKING)]
    assert (s.index, s.phase) == (1, THINKING)
    # pressed again, or later, it does what it says
    clock.advance(1.0)
    assert kinds(s.finish_phase()) == [("phase", 1, ANSWERING)]
    s.set_text("我会先稳定情绪")
    clock.advance(5)
    assert kinds(s.finish_phase()) == [("phase", 1, DONE), ("finished", 1, DONE)]
    assert s.items[1].text == "我会先稳定情绪" and s.items[1].answer_used == 5


def test_strict_mode_does_not_pause_practice_mode_does():
    clock = FakeClock()
    strict = session(clock)
    strict.start()
    with pytest.raises(SessionError, match="strict mode"):
        strict.pause()
    practice = session(clock, practice=True)
    practice.start()
    clock.advance(10)
    practice.pause()
    clock.advance(500)
    assert practice.tick() == [] and practice.time_left() == 50
    with pytest.raises(SessionError, match="resume"):
        practice.finish_phase()
    practice.resume()
    clock.advance(20)
    assert practice.time_left() == 30


def test_listen_mode_hides_the_prompt_after_reading_and_allows_one_reread():
    clock = FakeClock()
    s = session(clock, listen=True)
    read_s = s.current.reading_s
    assert read_s == reading_time(s.current.question.prompt)
    assert kinds(s.start()) == [("phase", 0, READING)]
    assert s.prompt_visible and not s.can_reread
    clock.advance(read_s)
    assert kinds(s.tick()) == [("timeout", 0, READING), ("phase", 0, THINKING), ("prompt_hidden", 0, THINKING)]
    assert not s.prompt_visible and s.can_reread
    clock.advance(20)
    s.reread()
    assert s.prompt_visible and not s.can_reread
    clock.advance(read_s - 1)
    assert s.tick() == [] and s.prompt_visible
    assert s.time_left() == 60 - 20 - (read_s - 1)  # the thinking clock ran meanwhile
    clock.advance(1)
    assert kinds(s.tick()) == [("prompt_hidden", 0, THINKING)]
    assert not s.prompt_visible
    with pytest.raises(SessionError, match="already read again once"):
        s.reread()
    # the next question is read out again, with its own re-read
    s.finish_phase()
    s.finish_phase()
    assert s.index == 1 and s.phase == READING and s.prompt_visible


def test_view_mode_never_hides_the_prompt():
    clock = FakeClock()
    s = session(clock)
    s.start()
    clock.advance(200)
    s.tick()
    assert s.prompt_visible
    with pytest.raises(SessionError, match="看题"):
        s.reread()


def test_state_round_trips_and_resumes_with_the_time_that_was_left():
    clock = FakeClock()
    s = session(clock, listen=True)
    s.start()
    s.finish_phase()  # reading -> thinking
    s.finish_phase()  # -> answering
    clock.advance(35)
    s.tick()  # 60 s warning given
    s.reread()
    clock.advance(3)
    s.set_text("已经写了一半的答案，含全角标点：“基层”。")
    data = s.to_dict()

    later = FakeClock()
    later.advance(3600)
    qs = {it.question.id: it.question for it in s.items}
    back = MockSession.from_dict(data, later, lambda p, qid: qs.get(qid))
    assert back.current.text == "已经写了一半的答案，含全角标点：“基层”。"
    assert back.phase == ANSWERING and back.index == 0
    assert back.time_left() == 90 - 38
    assert back.prompt_visible and back.current.rereads_left == 0
    assert back.current.question is qs["q0"]
    later.advance(22)
    # the 60 s warning is not repeated; the re-read (8 s, 3 s used) is over
    assert kinds(back.tick()) == [("warning", 0, 30), ("prompt_hidden", 0, ANSWERING)]
    # a question missing from the packs comes back from the saved prompt
    gone = MockSession.from_dict(data, later)
    assert gone.current.question.prompt == s.current.question.prompt


def test_damaged_state_is_a_session_error():
    with pytest.raises(SessionError, match="damaged"):
        MockSession.from_dict({"version": 1, "items": [{"pack_id": "p"}]}, FakeClock())
    with pytest.raises(SessionError, match="unknown format"):
        MockSession.from_dict({"version": 99}, FakeClock())


# --- autosave --------------------------------------------------------------------------


def test_recorder_saves_every_two_seconds_and_at_phase_changes(tmp_path):
    clock = FakeClock()
    store = Store.open(tmp_path / "h.db", clock=clock)
    s = session(clock)
    s.start()
    rec = SessionRecorder(store, s, clock, config={"count": 2})
    sid = rec.create()
    s.set_text("一")
    assert rec.maybe_save() is False  # saved at creation, not due yet
    clock.advance(1.9)
    s.set_text("一二")
    assert rec.maybe_save() is False
    clock.advance(0.1)
    assert rec.maybe_save() is True
    saved = store.unfinished_session()
    assert saved.id == sid and saved.questions[0].text == "一二"
    assert saved.questions[0].time_left == 58
    s.set_text("一二三")
    clock.advance(0.5)
    s.finish_phase()
    assert rec.maybe_save(force=True) is True
    saved = store.unfinished_session()
    assert saved.questions[0].text == "一二三" and saved.questions[0].phase == ANSWERING
    assert saved.questions[0].think_used == 2.5
    back = MockSession.from_dict(saved.state, clock)
    assert back.phase == ANSWERING and back.time_left() == 90
    store.close()


def test_a_question_whose_pack_is_not_loaded_comes_back_with_its_key_points():
    from studyapp.core.session import FROM_PACK, FROM_PROMPT, FROM_SAVED

    clock = FakeClock()
    kp = KeyPoint("listen", "耐心倾听，安抚情绪。", 2.0, (("倾听", "听取"), ("安抚",)))
    asked = Question(id="x", prompt="群众来访情绪激动，你怎么办？", key_points=(kp,), type="应急应变",
                     reference="先安抚。", time=Timing(60, 180))
    s = MockSession.build([("their-pack", asked)], clock, pack_dirs={"their-pack": "/somewhere/their-pack"})
    s.start()
    data = s.to_dict()
    assert data["pack_dirs"] == {"their-pack": "/somewhere/their-pack"}
    back = MockSession.from_dict(data, clock)  # the pack is not loaded this time
    assert back.current.question == asked and back.current.source == FROM_SAVED
    assert back.pack_dirs == {"their-pack": "/somewhere/their-pack"}
    assert MockSession.from_dict(data, clock, lambda p, q: asked).current.source == FROM_PACK
    # a session saved before the copy was kept: the prompt only
    del data["items"][0]["question"]
    old = MockSession.from_dict(data, clock)
    assert old.current.source == FROM_PROMPT and old.current.question.key_points == ()
    # the copy is outside input like the rest of the state
    data["items"][0]["question"] = {"key_points": [{"id": "k", "point": "p", "weight": "heavy"}]}
    with pytest.raises(SessionError, match="damaged"):
        MockSession.from_dict(data, clock)


def test_listen_thinking_starts_when_the_voice_has_finished_reading():
    from studyapp.core.session import READING_VOICE_CAP_S

    clock = FakeClock()
    s = session(clock, n=1, think=5, answer=20, listen=True)
    s.start()
    allowed = s.current.reading_s
    s.hold_reading(True)  # the examiner's voice is slower than the reading time
    clock.advance(allowed + 20)
    assert s.tick() == [] and s.phase == READING and s.reading_held and s.prompt_visible
    clock.advance(0.25)
    s.hold_reading(False)  # the voice has finished: the whole thinking time is left
    assert kinds(s.tick())[:2] == [("timeout", 0, READING), ("phase", 0, THINKING)]
    assert s.time_left() == 5 and not s.reading_held
    # a voice that never ends: the reading stops waiting at the cap
    s = session(clock, n=1, listen=True)
    s.start()
    s.hold_reading(True)
    clock.advance(READING_VOICE_CAP_S - 1)
    s.tick()
    assert s.phase == READING
    clock.advance(1)
    s.tick()
    assert s.phase == THINKING
    # read again from the start (resumed, or un-paused): the reading time starts again too
    s = session(clock, n=1, listen=True)
    s.start()
    clock.advance(6)
    s.restart_reading()
    assert s.time_left() == s.current.reading_s


def test_a_preset_lasts_its_minutes_and_the_session_time_left_counts_every_phase_to_come():
    clock = FakeClock()
    drawn = [("core", q(f"q{i}", time=t)) for i, t in enumerate([Timing(60, 180), Timing(90, 180), None])]
    s = MockSession.build(drawn, clock, preset=PRESETS["3/15"], listen=True)
    assert sum(it.think_s + it.answer_s for it in s.items) == 15 * 60
    s.start()
    assert s.session_time_left() == 15 * 60  # the reading is the examiner's time
    s.finish_phase()  # reading over
    clock.advance(10)
    assert s.session_time_left() == 15 * 60 - 10
    s.finish_phase()  # 10 s of thinking, then answering
    clock.advance(100)
    later = sum(it.think_s + it.answer_s for it in s.items[1:])
    assert s.session_time_left() == s.items[0].answer_s - 100 + later  # the 10 s saved are not kept
