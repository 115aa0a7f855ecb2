"""Reading 听题 questions aloud through the computer's own speech program (core/speech.py).

A real program stands in for the engine: a small Python script that writes what it was
given to a file, or one that keeps talking until it is stopped."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studyapp.core.speech import (
    ESPEAK_RATE,
    TEXT_ENV,
    CommandVoice,
    VoiceError,
    find_voice,
    say_voice_from_list,
)

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="the stand-in engines are POSIX scripts")


def engine(tmp_path: Path, body: str) -> Path:
    """A speech program: an executable Python script."""
    path = tmp_path / "fake-tts"
    path.write_text(f"#!{sys.executable}\n{body}", encoding="utf-8")
    path.chmod(0o755)
    return path


def wait_for(predicate, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


@POSIX
def test_the_question_reaches_the_engine_as_plain_text_never_as_options_or_code(tmp_path):
    heard = tmp_path / "heard.txt"
    prog = engine(tmp_path, "import sys\n"
                  f"open({str(heard)!r}, 'wb').write(repr(sys.argv[1:]).encode() + b'\\n' + sys.stdin.buffer.read())\n")
    voice, about = find_voice({"STUDYAPP_VOICE": f"{prog} --quiet"})
    assert about == f"朗读：{prog} --quiet"
    question = "-v en $(rm -rf ~) 第1题。\x1b[31m社区“万能章”[bold]现象[/bold]，你怎么看？\x07"
    voice.speak(question)
    assert wait_for(lambda: heard.exists() and b"\n" in heard.read_bytes() and not voice.speaking)
    args, text = heard.read_bytes().split(b"\n", 1)
    assert args == b"['--quiet']"  # the text is never an argument
    assert text.decode("utf-8") == "-v en $(rm -rf ~) 第1题。 [31m社区“万能章”[bold]现象[/bold]，你怎么看？"


@POSIX
def test_stop_silences_a_voice_still_reading_and_a_new_question_replaces_the_old(tmp_path):
    started = tmp_path / "started"
    prog = engine(tmp_path, "import sys, time\n"
                  f"open({str(started)!r}, 'a').write(sys.stdin.read() + '\\n')\n"
                  "time.sleep(60)\n")
    voice, _ = find_voice({"STUDYAPP_VOICE": str(prog)})
    voice.speak("第1题。")
    assert wait_for(lambda: started.exists())
    first = voice._proc
    voice.speak("第2题。")  # the next question: the first stops at once
    assert first.poll() is not None
    assert wait_for(lambda: started.read_text(encoding="utf-8").count("\n") == 2)
    assert voice.speaking
    second = voice._proc
    voice.stop()
    assert second.poll() is not None and not voice.speaking
    voice.stop()  # quiet already: nothing happens
    assert started.read_text(encoding="utf-8").splitlines() == ["第1题。", "第2题。"]


def test_a_program_that_cannot_start_is_a_voice_error_in_chinese(tmp_path):
    def popen(*args, **kw):
        raise PermissionError(13, "Permission denied")

    voice = CommandVoice("espeak-ng", ["espeak-ng", "--stdin"], popen=popen)
    with pytest.raises(VoiceError) as err:
        voice.speak("第1题。")
    assert err.value.zh.startswith("无法启动朗读程序 espeak-ng")


def test_nothing_to_read_starts_nothing():
    calls = []
    voice = CommandVoice("x", ["x"], popen=lambda *a, **k: calls.append(a))
    voice.speak(" \x1b\x07 ")
    assert calls == []


def found(setting=None, platform="linux", have=(), listing=""):
    env = {} if setting is None else {"STUDYAPP_VOICE": setting}

    def which(name):
        return f"/usr/bin/{name}" if name in have else None

    def run(argv, **kw):
        assert argv == ["say", "-v", "?"]
        return subprocess.CompletedProcess(argv, 0, stdout=listing, stderr="")

    return find_voice(env, platform=platform, which=which, run=run)


def test_linux_uses_espeak_ng_in_mandarin_at_an_examiners_pace_then_espeak():
    voice, about = found(have={"espeak-ng", "espeak"})
    assert voice.argv == ["espeak-ng", "-v", "cmn", "-s", ESPEAK_RATE, "--stdin"] and about == "朗读：espeak-ng"
    voice, _ = found(have={"espeak"})
    assert voice.argv == ["espeak", "-v", "zh", "-s", ESPEAK_RATE, "--stdin"]


def test_no_engine_says_how_to_get_one_and_off_turns_it_off():
    voice, about = found(have=())
    assert voice is None and "espeak-ng" in about and "STUDYAPP_VOICE" in about
    for off in ("off", "OFF", "0", "none"):
        voice, about = found(off, have={"espeak-ng"})
        assert voice is None and about == f"朗读已关闭（STUDYAPP_VOICE={off}）"


def test_a_wrong_voice_setting_is_named():
    voice, about = found("piper --model zh.onnx", have=())
    assert voice is None and about == "STUDYAPP_VOICE 指定的程序找不到：piper"
    voice, about = found('piper "unclosed', have={"piper"})
    assert voice is None and about.startswith("STUDYAPP_VOICE 无法解析")


MAC_VOICES = """Albert              en_US    # Hello! My name is Albert.
Mei-Jia             zh_TW    # 你好，我叫美佳。
Sin-ji              zh_HK    # 你好！我叫善怡。
Tingting            zh_CN    # 你好，我叫婷婷。
Grandma (Chinese (China mainland)) zh_CN    # 你好！我叫奶奶。
"""


def test_macos_say_reads_with_a_mainland_chinese_voice_when_there_is_one():
    voice, about = found(platform="darwin", have={"say"}, listing=MAC_VOICES)
    assert voice.argv == ["say", "-v", "Tingting", "-f", "-"] and about == "朗读：say（Tingting）"
    assert say_voice_from_list("Mei-Jia  zh_TW  # 你好\nAlex en_US # hi\n") == "Mei-Jia"
    voice, about = found(platform="darwin", have={"say"}, listing="Alex  en_US  # Hello\n")
    assert voice.argv == ["say", "-f", "-"] and about == "朗读：say"


def test_windows_speaks_through_powershell_with_the_text_outside_the_script():
    voice, about = found(platform="win32", have={"powershell"})
    assert about == "朗读：Windows 语音" and voice.text_in_env
    seen = {}

    class Proc:
        stdin = None
        pid = 1

        def poll(self):
            return 0

    def popen(argv, **kw):
        seen.update(argv=argv, env=kw["env"])
        return Proc()

    voice.popen = popen
    question = "第1题。'); Remove-Item C:\\ -Recurse; ('"
    voice.speak(question)
    assert seen["argv"][0] == "/usr/bin/powershell" and "-NoProfile" in seen["argv"]
    assert all("Remove-Item" not in a for a in seen["argv"])  # the script is fixed; the text is data
    assert seen["env"][TEXT_ENV] == question and f"$env:{TEXT_ENV}" in seen["argv"][-1]


def test_the_running_app_finds_no_engine_in_tests():
    # conftest turns reading aloud off, so no test talks through a developer's speakers
    assert os.environ["STUDYAPP_VOICE"] == "off"
    assert find_voice()[0] is None
