"""Reading a question aloud (听题) with the speech engine the computer already has.

No library and no network: the text goes to a program, never through a shell.

- ``STUDYAPP_VOICE`` unset: the first engine found —
  - macOS: ``say`` (a Chinese voice when one is installed);
  - Linux and others: ``espeak-ng -v cmn``, then ``espeak -v zh``;
  - Windows: PowerShell's System.Speech (a zh-CN voice when one is installed).
- ``STUDYAPP_VOICE=off`` (or ``0``, ``no``, ``none``): never speak.
- ``STUDYAPP_VOICE="COMMAND ARGS"``: any program that reads UTF-8 text on its
  standard input and speaks it (piper, a script, ``spd-say -e -w -l zh``).

``find_voice()`` gives a ``Voice`` or None with the reason in Chinese. A voice
starts its program and returns at once; ``stop()`` silences it; ``speaking``
says whether it is still reading. Nothing here waits: the mock screen asks
``speaking`` on each tick and the session holds the reading phase while it is true.
"""
from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Callable, Protocol

VOICE_ENV = "STUDYAPP_VOICE"
TEXT_ENV = "STUDYAPP_VOICE_TEXT"  # Windows: the text reaches PowerShell as UTF-16, never as code
OFF = {"off", "0", "no", "none", "false"}
MAX_CHARS = 3000  # a prompt is a few hundred characters; the rest is not read out
# espeak-ng reads Mandarin at about 2.7 characters a second at its default 175;
# 250 comes near the 4 a second an examiner reads at (session.reading_time)
ESPEAK_RATE = "250"

_PS_SCRIPT = (
    "Add-Type -AssemblyName System.Speech;"
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer;"
    "$v = $s.GetInstalledVoices() | Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.Name -like 'zh*' }"
    " | Select-Object -First 1;"
    "if ($v) { $s.SelectVoice($v.VoiceInfo.Name) };"
    f"$s.Speak($env:{TEXT_ENV})"
)


class VoiceError(Exception):
    """The engine could not be started; ``zh`` is the message the app shows."""

    def __init__(self, message: str, zh: str) -> None:
        super().__init__(message)
        self.zh = zh


class Voice(Protocol):
    name: str

    def speak(self, text: str) -> None:
        """Start reading ``text`` aloud, silencing whatever was being read."""

    def stop(self) -> None:
        """Silence it (nothing happens when it is quiet)."""


def speakable(text: str) -> str:
    """What is read out: the text without control characters, cut at MAX_CHARS."""
    out = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    return out[:MAX_CHARS].strip()


@dataclass
class CommandVoice:
    """A speech program: ``argv`` gets the text on standard input, or in TEXT_ENV."""

    name: str
    argv: list[str]
    text_in_env: bool = False
    popen: Callable[..., subprocess.Popen] = subprocess.Popen
    _proc: subprocess.Popen | None = field(default=None, repr=False)

    def speak(self, text: str) -> None:
        self.stop()
        text = speakable(text)
        if not text:
            return
        kw: dict = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        if self.text_in_env:
            kw["env"] = {**os.environ, TEXT_ENV: text}
            kw["stdin"] = subprocess.DEVNULL
        else:
            kw["stdin"] = subprocess.PIPE
        if sys.platform == "win32":
            kw["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        else:
            kw["start_new_session"] = True  # its own process group: stop() silences helpers too
        try:
            proc = self.popen(self.argv, **kw)
        except (OSError, ValueError) as exc:
            raise VoiceError(
                f"cannot start {self.argv[0]}: {exc}", f"无法启动朗读程序 {self.argv[0]}：{exc}"
            ) from None
        if not self.text_in_env and proc.stdin is not None:
            try:  # a few kilobytes at most: less than a pipe holds, so this does not block
                proc.stdin.write(text.encode("utf-8"))
                proc.stdin.close()
            except OSError:
                pass  # it exited at once; nothing to read out then
        self._proc = proc

    @property
    def speaking(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        try:
            if sys.platform != "win32":
                os.killpg(proc.pid, signal.SIGTERM)
            else:
                proc.terminate()
            proc.wait(timeout=1)
        except (OSError, subprocess.TimeoutExpired):
            try:
                proc.kill()
                proc.wait(timeout=1)
            except (OSError, subprocess.TimeoutExpired):
                pass


def _say_voice(run: Callable[..., subprocess.CompletedProcess]) -> str | None:
    """macOS: the first installed Chinese (Mandarin) voice of ``say -v ?``."""
    try:
        out = run(["say", "-v", "?"], capture_output=True, text=True, timeout=3).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return say_voice_from_list(out)


def say_voice_from_list(listing: str) -> str | None:
    """``Tingting   zh_CN   # 你好…`` -> ``Tingting`` (zh_CN first, then zh_TW, zh_HK)."""
    found: dict[str, str] = {}
    for line in listing.splitlines():
        head = line.split("#", 1)[0].split()
        if len(head) >= 2 and head[-1].startswith("zh_"):
            found.setdefault(head[-1], " ".join(head[:-1]))
    for locale in ("zh_CN", "zh_TW", "zh_HK"):
        if locale in found:
            return found[locale]
    return next(iter(found.values()), None)


def find_voice(
    env: dict | None = None,
    *,
    platform: str | None = None,
    which: Callable[[str], str | None] = shutil.which,
    run: Callable[..., subprocess.CompletedProcess] = subprocess.run,
) -> tuple[CommandVoice | None, str]:
    """The voice to read questions with, or None; and a line saying which (or why none), in Chinese."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    setting = (env.get(VOICE_ENV) or "").strip()
    if setting.lower() in OFF:
        return None, f"朗读已关闭（{VOICE_ENV}={setting}）"
    if setting:
        try:
            argv = shlex.split(setting, posix=platform != "win32")
        except ValueError as exc:
            return None, f"{VOICE_ENV} 无法解析：{exc}"
        if not argv or not which(argv[0]):
            return None, f"{VOICE_ENV} 指定的程序找不到：{argv[0] if argv else setting}"
        return CommandVoice(os.path.basename(argv[0]), argv), f"朗读：{setting}"
    if platform == "darwin" and which("say"):
        voice = _say_voice(run)
        argv = ["say"] + (["-v", voice] if voice else []) + ["-f", "-"]
        return CommandVoice("say", argv), f"朗读：say{'（' + voice + '）' if voice else ''}"
    if platform == "win32":
        ps = which("powershell") or which("pwsh")
        if ps:
            argv = [ps, "-NoProfile", "-NonInteractive", "-Command", _PS_SCRIPT]
            return CommandVoice("System.Speech", argv, text_in_env=True), "朗读：Windows 语音"
    for program, voice in (("espeak-ng", "cmn"), ("espeak", "zh")):
        if which(program):
            argv = [program, "-v", voice, "-s", ESPEAK_RATE, "--stdin"]
            return CommandVoice(program, argv), f"朗读：{program}"
    return None, "本机没有找到朗读程序（可安装 espeak-ng，或用 STUDYAPP_VOICE 指定），听题时题目只显示不朗读"
