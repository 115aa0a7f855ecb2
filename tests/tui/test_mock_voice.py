"""听题 read aloud: a candidate hears each question once (and once more with F3), as the
examiner reads it. The app is given a voice that records what it was asked to say; the
real engines are tested in tests/test_speech.py."""
from __future__ import annotations

import pytest

from studyapp.core.session import ANSWERING, READING, THINKING, MockOptions
from studyapp.core.speech import VoiceError
from studyapp.tui.app import FIND_VOICE

from tuiutil import mock_app, step

SIZE = (100, 32)


class RecordingVoice:
    """Says nothing; remembers what it was asked to read and whether it is still reading."""

    name = "测试朗读"

    def __init__(self, fail: bool = False) -> None:
        self.said: list[str] = []
        self.speaking = False
        self.fail = fail

    def speak(self, text: str) -> None:
        if self.fail:
            raise VoiceError("cannot start espeak-ng", "无法启动朗读程序 espeak-ng：没有声卡")
        self.said.append(text)
        self.speaking = True

    def stop(self) -> None:
        self.speaking = False


@pytest.fixture
def db(store):
    """The history store of tests/tui/conftest.py (and its fake clock, ``clock``)."""
    return store


def app_for(store, clock, options=None, voice=FIND_VOICE):
    return mock_app(store, clock, options, voice=voice)


def prompt_of(app, index) -> str:
    return app.screen.session.items[index].question.prompt.strip()


async def test_each_question_is_read_aloud_once_and_again_with_f3(db, clock):
    voice = RecordingVoice()
    app = app_for(db, clock, MockOptions(count=2, think=60, answer=60, listen=True, seed=1), voice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        assert s.phase == READING
        assert voice.said == ["第1题。" + prompt_of(app, 0)]
        # the voice has read the question within the reading time: when that ends, the prompt hides
        await step(pilot, clock, s.current.reading_s - 1)
        voice.speaking = False
        await step(pilot, clock, 1)
        assert s.phase == THINKING and len(voice.said) == 1
        await pilot.press("f3")
        await pilot.pause()
        assert voice.said[-1] == "第1题。" + prompt_of(app, 0) and len(voice.said) == 2
        await pilot.press("f3")  # the one re-read is used: nothing more is read
        await pilot.pause()
        assert len(voice.said) == 2
        await step(pilot, clock, 60)  # thinking time over
        assert s.phase == ANSWERING and len(voice.said) == 2  # no reading while answering
        await step(pilot, clock, 60)  # answering time over: the second question is read
        assert s.index == 1 and s.phase == READING
        assert voice.said[-1] == "第2题。" + prompt_of(app, 1) and len(voice.said) == 3
        await step(pilot, clock, 1.0)  # (keys right after a time-up are held, escape too)
        await pilot.press("escape")
        await pilot.press("y")
        await pilot.pause()
        assert not voice.speaking  # leaving the session silences it


@pytest.mark.parametrize("key", ["ctrl+n", "ctrl+q"], ids=["done listening", "quitting"])
async def test_ending_the_reading_or_quitting_silences_the_voice(db, clock, key):
    voice = RecordingVoice()
    app = app_for(db, clock, MockOptions(count=1, think=60, answer=60, listen=True, seed=1), voice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert voice.speaking
        await pilot.press(key)
        await pilot.pause()
        if key == "ctrl+n":
            assert app.screen.session.phase == THINKING  # the reading cut short
            assert not voice.speaking
    assert not voice.speaking  # (and when the app has closed)


@pytest.mark.parametrize("listen, read", [(False, False), (True, False)])
async def test_nothing_is_read_in_kanti_mode_or_with_no_voice(db, clock, listen, read):
    voice = RecordingVoice()
    options = MockOptions(count=1, think=60, answer=60, listen=listen, voice=read, seed=1)
    app = app_for(db, clock, options, voice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        assert s.phase == (READING if listen else THINKING)
        await step(pilot, clock, 200)
    assert voice.said == []


async def test_an_engine_that_cannot_start_is_said_once_and_the_session_goes_on(db, clock):
    voice = RecordingVoice(fail=True)
    app = app_for(db, clock, MockOptions(count=2, think=30, answer=30, listen=True, seed=1), voice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        said = [str(n.message) for n in app._notifications]
        assert any("无法启动朗读程序 espeak-ng" in m and "只显示、不朗读" in m for m in said)
        assert prompt_of(app, 0)[:8] in str(app.screen.query_one("#mock-prompt").render())
        await step(pilot, clock, s.current.reading_s + 60)
        assert s.index == 1 and s.phase == READING  # the next question: no second notice
        said = [str(n.message) for n in app._notifications]
        assert sum("无法启动朗读程序" in m for m in said) == 1


async def test_a_session_resumed_while_its_question_was_read_reads_it_again(db, clock):
    voice = RecordingVoice()
    app = app_for(db, clock, MockOptions(count=1, think=60, answer=60, listen=True, seed=3), voice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = prompt_of(app, 0)
    # the terminal closed while the examiner was reading; the candidate starts again
    clock.advance(5)
    again = RecordingVoice()
    app = app_for(db, clock, voice=again)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # resume
        await pilot.pause()
        assert app.screen.session.phase == READING
        assert again.said == ["第1题。" + first]


async def test_the_setup_dialog_says_which_engine_reads_and_can_turn_it_off(db, clock):
    from studyapp.tui.mock import MockScreen, MockSetupScreen

    voice = RecordingVoice()
    app = app_for(db, clock, voice=voice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MockSetupScreen)
        assert "朗读：测试朗读" in str(app.screen.query_one("#setup-voice").render())
        await pilot.click("#listen")
        await pilot.click("#voice")  # heard in the head only: no reading aloud
        app.screen.query_one("#preset-3-15").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MockScreen)
        assert app.screen.session.listen and app.screen.session.phase == READING
        assert voice.said == []
    assert db.unfinished_session().config["voice"] is False


async def test_without_an_engine_the_dialog_says_how_to_get_one(db, clock):
    from studyapp.tui.mock import MockSetupScreen

    app = app_for(db, clock)  # STUDYAPP_VOICE=off in every test (conftest)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MockSetupScreen)
        assert app.screen.query_one("#voice").disabled
        assert "朗读已关闭（STUDYAPP_VOICE=off）" in str(app.screen.query_one("#setup-voice").render())


async def test_a_paused_reading_is_read_again_on_resume_and_ctrl_n_stops_a_reread(db, clock):
    voice = RecordingVoice()
    options = MockOptions(count=1, think=60, answer=60, listen=True, practice=True, seed=1)
    app = app_for(db, clock, options, voice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        await step(pilot, clock, 5)
        await pilot.press("f4")  # paused while the question is read: the voice stops …
        await pilot.pause()
        assert not voice.speaking
        await pilot.press("f4")  # … and reads it again on resume, with its whole time again
        await pilot.pause()
        assert voice.speaking and len(voice.said) == 2
        assert s.time_left() == s.current.reading_s
        voice.speaking = False  # read in its time
        await step(pilot, clock, s.current.reading_s)
        await step(pilot, clock, 5)  # thinking for a while
        await pilot.press("f3")  # the one re-read …
        await pilot.pause()
        assert voice.speaking and len(voice.said) == 3
        await pilot.press("ctrl+n")  # … stops when the candidate moves on to answering
        await pilot.pause()
        assert s.phase == ANSWERING and not voice.speaking


async def test_thinking_starts_when_a_long_reading_has_finished(db, clock):
    voice = RecordingVoice()
    app = app_for(db, clock, MockOptions(count=1, think=5, answer=20, listen=True, seed=1), voice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        s = app.screen.session
        await step(pilot, clock, s.current.reading_s + 10)  # the voice reads on past the reading time
        assert s.phase == READING and s.prompt_visible
        assert "还在朗读，读完后开始思考" in str(app.screen.query_one("#mock-phase").render())
        voice.speaking = False  # the examiner has finished
        await step(pilot, clock, 0.25)
        assert s.phase == THINKING and s.time_left() == 5


async def test_a_resumed_reading_restarts_its_time_with_the_voice(db, clock):
    app = app_for(db, clock, MockOptions(count=1, think=5, answer=20, listen=True, seed=3), RecordingVoice())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reading_s = app.screen.session.current.reading_s
        await step(pilot, clock, reading_s - 2)  # the terminal closes near the end of the reading
    again = RecordingVoice()
    app = app_for(db, clock, voice=again)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        s = app.screen.session
        assert s.phase == READING and s.time_left() == reading_s and len(again.said) == 1
        again.speaking = False
        await step(pilot, clock, reading_s - 1)
        assert s.phase == READING  # not hidden 2 s into the new reading
