"""The mock interview's core, second round of exploratory findings (s9g): the exported
reference answer, a preset with one time given, the hold of keys after a time-up, and
`studyapp history --json` telling the thinking notes from the answer."""
from __future__ import annotations

import json
import re

from studyapp.core.clock import FakeClock
from studyapp.core.model import KeyPoint, Question, Timing
from studyapp.core.report import build_report, count_chars
from studyapp.core.session import MockOptions, MockSession, SessionRecorder, new_session
from studyapp.core.store import Store


def question(**kw) -> Question:
    return Question(id=kw.pop("id", "q"), prompt="题目", key_points=(KeyPoint("k", "沟通", 1.0, (("沟通",),)),),
                    type="人际关系", **kw)


# --- 2. the exported reference answer ------------------------------------------------------------


def test_the_export_keeps_the_reference_as_markdown_without_anything_hostile():
    reference = ("**一、私下和老王沟通。** 找个空闲时间。\n- 对象：居民\n"
                 "\x1b]0;owned\x07<script>alert(1)</script> ![track](http://example.com/t.png) "
                 "[click](javascript:alert(1)) [ok](https://example.com) a_b_c")
    session = MockSession.build([("p", question(reference=reference))], FakeClock(), think=5, answer=5)
    session.start()
    text = build_report(session).to_markdown()
    ref = text[text.index("参考答案："):]
    assert "> **一、私下和老王沟通。** 找个空闲时间。" in ref and "> - 对象：居民" in ref
    assert "\\*" not in ref and "a_b_c" in ref
    assert "\x1b" not in ref and "\x07" not in ref
    assert "\\<script>" in ref and not re.search(r"(?<!\\)<", ref)  # raw HTML shown as text
    assert "\\![track]" in ref  # an image is not fetched when the file is viewed
    assert "[click\\](javascript:" in ref and "[ok](https://example.com)" in ref


def test_a_preset_with_one_time_given_gives_the_other_phase_the_rest_of_its_minutes():
    from studyapp.core.model import Pack

    pack = Pack(id="p", title="p", root=None, questions=tuple(
        question(id=f"q{i}", time=Timing(60, 180)) for i in range(4)))
    think = new_session([pack], MockOptions(count=3, preset="3/15", think=30, seed=1), FakeClock())
    assert [(it.think_s, it.answer_s) for it in think.items] == [(30, 270)] * 3
    answer = new_session([pack], MockOptions(count=4, preset="4/20", answer=100, seed=1), FakeClock())
    assert [(it.think_s, it.answer_s) for it in answer.items] == [(200, 100)] * 4
    # a time that leaves nothing of the 5 minutes: the other phase keeps the preset's share
    long = new_session([pack], MockOptions(count=3, preset="3/15", think=400, seed=1), FakeClock())
    assert [(it.think_s, it.answer_s) for it in long.items] == [(400, 225)] * 3


def test_keys_are_held_while_they_keep_coming_and_never_past_the_cap():
    from studyapp.core.session import KEYS_HOLD_MAX_S, KeyHold

    clock = FakeClock()
    hold = KeyHold(clock)
    assert not hold.key()  # nothing ran out: a key is a key
    hold.start()
    for _ in range(4):
        clock.advance(0.5)
        assert hold.key()  # still typing
    clock.advance(1.0)
    assert not hold.holding and not hold.key()  # a second without a key: the hold is over
    hold.start()
    for _ in range(int(KEYS_HOLD_MAX_S / 0.5) - 1):
        clock.advance(0.5)
        assert hold.key()
    clock.advance(0.5)
    assert not hold.key()  # leaning on a key does not hold it for ever
    assert hold.dropped == int(KEYS_HOLD_MAX_S / 0.5) - 1


def test_history_json_gives_a_mock_answers_notes_apart_and_counts_the_answer(tmp_path, monkeypatch, capsys):
    from studyapp.cli import main

    clock = FakeClock()
    notes, answer = "要点：沟通", "我会先和他沟通。"
    session = MockSession.build([("p", question())], clock, think=10, answer=10)
    session.start()
    with Store.open(tmp_path, clock=clock) as store:
        recorder = SessionRecorder(store, session, clock)
        recorder.create()
        session.set_text(notes)
        clock.advance(10)
        session.tick()
        session.set_text(notes + "\n" + answer)
        clock.advance(10)
        session.tick()
        report = build_report(session)
        recorder.finish(report.results())
    assert report.questions[0].chars == count_chars(answer)
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path))
    assert main(["history", "--json"]) == 0
    q = json.loads(capsys.readouterr().out)["sessions"][0]["questions"][0]
    assert (q["notes"], q["answer"], q["characters"]) == (notes, "\n" + answer, count_chars(answer))
