"""The mock interview as a state machine driven by an injected clock (no I/O, no Textual).

A ``MockSession`` holds a few questions and, for each, runs the phases

    reading (听题 only) -> thinking -> answering -> done

with a deadline each. The caller (the TUI, or a test with ``FakeClock``)
calls ``tick()`` often; ``tick()`` returns the ``Event``s that happened since
the last call: a phase started, a warning (60 s and 30 s left, once each), a
phase ran out of time, the prompt was hidden (听题), the session finished.
Time that overshoots a deadline (a slow tick, a suspended laptop) is carried
into the next phase, so the machine never drifts from the wall of time the
candidate lives in.

The state is plain data (``to_dict`` / ``from_dict``) so it can be saved with
the draft and resumed with the time that was left. ``SessionRecorder`` ties a
session to the ``Store``: autosave at least every 2 s while it runs and at
every phase change, each save one transaction.
"""
from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from studyapp.core.clock import Clock
from studyapp.core.model import KeyPoint, Pack, Question, Timing

READING = "reading"
THINKING = "thinking"
ANSWERING = "answering"
DONE = "done"
PENDING = "pending"
PHASES = (READING, THINKING, ANSWERING, DONE)
PHASE_LABELS = {READING: "听题", THINKING: "思考", ANSWERING: "作答", DONE: "结束", PENDING: "未开始"}

RUNNING = "running"
PAUSED = "paused"
FINISHED = "finished"

DEFAULT_WARNINGS = (60, 30)
# after time ran out and moved on (the next question, the report), keys still being typed
# for what ended are dropped until the typing stops: KEYS_QUIET_S without a key, never
# longer than KEYS_HOLD_MAX_S after the time-up (a deliberate key after a pause acts)
KEYS_QUIET_S = 1.0
KEYS_HOLD_MAX_S = 5.0
# a 'done with this phase' this soon after time ran out was meant for the phase that ended
# (the screen shows the change up to a tick late, and a key takes a moment to press)
MOVED_ON_GRACE_S = 1.5
# 听题: the reading lasts until the examiner's voice has finished, however long the prompt,
# but never longer than this (a voice program that hangs must not stop the session)
READING_VOICE_CAP_S = 120
DEFAULT_THINK = 90
DEFAULT_ANSWER = 210
MIN_PHASE = 1
MAX_PHASE = 60 * 60
STATE_VERSION = 1

# where a resumed question came from: its pack (loaded now), the copy saved with the session
# (key points included: it can be graded, without the pack's own thesaurus), or only its
# prompt (a session saved before the copy was kept: it cannot be graded until its pack is loaded)
FROM_PACK = "pack"
FROM_SAVED = "saved"
FROM_PROMPT = "prompt"


class SessionError(Exception):
    """A session cannot be built or an action is not allowed now.

    ``str()`` is the English message (the CLI); ``zh`` the same in Chinese (the TUI).
    """

    def __init__(self, message: str, zh: str | None = None) -> None:
        super().__init__(message)
        self.zh = zh or message


# --- presets and timing ------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """An exam format: so many questions in so many seconds."""

    key: str
    label: str
    count: int
    total_s: int | None  # None: custom, no overall budget

    @property
    def per_question_s(self) -> float | None:
        return self.total_s / self.count if self.total_s else None


PRESETS: dict[str, Preset] = {
    "3/15": Preset("3/15", "3 题 15 分钟", 3, 15 * 60),
    "4/20": Preset("4/20", "4 题 20 分钟", 4, 20 * 60),
}


def plan_timing(
    question: Question,
    *,
    per_question_s: float | None = None,
    think: int | None = None,
    answer: int | None = None,
) -> tuple[int, int]:
    """Thinking and answering seconds for one question.

    Order of authority: an explicit ``think`` / ``answer`` (command line)
    wins (under a preset the other phase then gets the rest of the
    per-question budget, when there is any); else the question's own ``time``; under a preset the question's
    time is stretched (or shrunk) to the per-question budget in its own
    ratio, so that "3 题 15 分钟" lasts 15 minutes as in the exam (about 5
    minutes a question, thinking included: docs/field-notes), and a question
    without its own time gets the budget split 30/70 (coaches suggest 1-1.5
    min thinking, 2-2.5 min speaking). Without a preset the default is
    90 s + 210 s.
    """
    own: Timing = question.time or Timing()
    if per_question_s and (think is None) != (answer is None):
        # one phase given under a preset: the other takes the rest of the question's budget,
        # so that "3 题 15 分钟" still lasts 15 minutes (unless the given time leaves nothing)
        given = think if think is not None else answer
        rest = int(round(per_question_s)) - given
        if rest >= MIN_PHASE:
            return (given, rest) if think is not None else (rest, given)
    if per_question_s:
        budget = float(per_question_s)
        q_think, q_answer = own.think, own.answer
        if q_think and q_answer:
            scale = budget / (q_think + q_answer)
            q_think = q_think * scale
            q_answer = budget - round(q_think)
        elif q_think:
            q_think = min(q_think, budget * 0.5)
            q_answer = budget - q_think
        elif q_answer:
            q_answer = min(q_answer, budget * 0.8)
            q_think = budget - q_answer
        else:
            q_think, q_answer = budget * 0.3, budget * 0.7
    else:
        q_think = own.think or DEFAULT_THINK
        q_answer = own.answer or DEFAULT_ANSWER
    t = think if think is not None else int(round(q_think))
    a = answer if answer is not None else int(round(q_answer))
    return max(MIN_PHASE, t), max(MIN_PHASE, a)


def reading_time(prompt: str) -> int:
    """How long 听题 shows the prompt: as long as an examiner takes to read it aloud.

    Spoken Chinese runs at roughly 4 characters a second; at least 8 s, at most 90 s (a
    280-character 情景模拟 with its material takes 70 s). With a voice the reading
    lasts until it has finished (``MockSession.hold_reading``).
    """
    chars = sum(1 for ch in prompt if not ch.isspace())
    return int(min(90, max(8, math.ceil(chars / 4))))


# --- drawing questions -----------------------------------------------------------


def draw_questions(
    packs: Sequence[Pack],
    count: int,
    *,
    types: Sequence[str] | None = None,
    rng: random.Random,
) -> list[tuple[str, Question]]:
    """``count`` distinct questions as (pack_id, question).

    With ``types`` only those types are drawn; without, the draw goes round
    the types in random order so a session mixes them (as in the exam).
    """
    if count < 1:
        raise SessionError("a session needs at least 1 question", "模拟面试至少要有 1 道题")
    wanted = set(types) if types else None
    pool: list[tuple[str, Question]] = []
    seen: set[tuple[str, str]] = set()
    for pack in packs:
        for q in pack.questions:
            if wanted is not None and q.type not in wanted:
                continue
            if (pack.id, q.id) in seen:
                continue
            seen.add((pack.id, q.id))
            pool.append((pack.id, q))
    if len(pool) < count:
        which = f" of type {', '.join(sorted(wanted))}" if wanted else ""
        kinds = f"「{'、'.join(sorted(wanted))}」题" if wanted else "题目"
        raise SessionError(
            f"asked for {count} questions but the packs have only {len(pool)}{which}",
            f"要抽 {count} 道题，但已加载的题包里{kinds}只有 {len(pool)} 道",
        )
    by_type: dict[str, list[tuple[str, Question]]] = {}
    for item in pool:
        by_type.setdefault(item[1].type or "", []).append(item)
    order = sorted(by_type)
    rng.shuffle(order)
    for key in order:
        rng.shuffle(by_type[key])
    picked: list[tuple[str, Question]] = []
    while len(picked) < count:
        for key in order:
            if by_type[key] and len(picked) < count:
                picked.append(by_type[key].pop())
    return picked


# --- the machine ---------------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """Something that happened in ``tick()``; warnings carry ``seconds_left``."""

    # "phase" | "warning" | "timeout" | "prompt_hidden" | "finished"; from finish_phase() only,
    # "moved_on": time ran out just before the request, which was not carried out
    kind: str
    index: int
    phase: str
    seconds_left: int | None = None  # for warnings


@dataclass
class Item:
    """One question of the session and what happened to it."""

    pack_id: str
    question: Question
    think_s: int
    answer_s: int
    reading_s: int = 0
    text: str = ""
    phase: str = PENDING
    think_used: float = 0.0
    answer_used: float = 0.0
    reading_used: float = 0.0
    rereads_left: int = 1
    timed_out: tuple[str, ...] = ()
    source: str = FROM_PACK  # FROM_PACK, FROM_SAVED or FROM_PROMPT (set when resumed)
    notes: str = ""  # the text as it was when thinking ended: the notes, before the answer

    def answer_part(self) -> str:
        """What was written after the thinking notes (the whole text if the notes were
        changed while answering, so that they no longer open it)."""
        return split_notes(self.text, self.notes)[1]

    def allowed(self, phase: str) -> int:
        return {READING: self.reading_s, THINKING: self.think_s, ANSWERING: self.answer_s}.get(phase, 0)


def split_notes(text: str, notes: str) -> tuple[str, str]:
    """(the thinking notes, the answer) of a question's text. ``notes`` is the text as it was
    when thinking ended; when it no longer opens the text (changed while answering) the
    whole text is the answer. Every screen that counts a mock answer's 字 counts the answer."""
    if notes and text.startswith(notes):
        return notes, text[len(notes):]
    return "", text


def saved_notes(state: Any, index: int, question_id: str | None = None) -> str:
    """The thinking notes of question ``index`` in a saved session's state (``to_dict``),
    "" when there are none or the state does not have them (it is outside input)."""
    try:
        item = state["items"][index]
        if question_id is not None and item.get("question_id") != question_id:
            return ""
        notes = item.get("notes", "")
    except (KeyError, IndexError, TypeError, AttributeError):
        return ""
    return notes if isinstance(notes, str) else ""


class KeyHold:
    """After time ran out and moved the candidate on (the next question, the report), the
    keys still being typed for what ended are dropped: from the time-up until KEYS_QUIET_S
    have passed without a key, never longer than KEYS_HOLD_MAX_S after the time-up. People
    see the screen change a moment late and finish the word; a key after a pause is meant."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._start: float | None = None
        self._until: float | None = None
        self.dropped = 0  # keys dropped in this hold

    def start(self) -> None:
        now = self.clock.monotonic()
        self._start, self._until, self.dropped = now, now + KEYS_QUIET_S, 0

    def stop(self) -> None:
        self._start = self._until = None

    @property
    def holding(self) -> bool:
        if self._until is not None and self.clock.monotonic() >= self._until:
            self._start = self._until = None
        return self._until is not None

    def key(self) -> bool:
        """A key came: True if it is dropped (the hold then lasts KEYS_QUIET_S from it)."""
        if not self.holding:
            return False
        assert self._start is not None
        self._until = min(self._start + KEYS_HOLD_MAX_S, self.clock.monotonic() + KEYS_QUIET_S)
        self.dropped += 1
        return True


class MockSession:
    def __init__(
        self,
        items: Sequence[Item],
        clock: Clock,
        *,
        listen: bool = False,
        practice: bool = False,
        warnings: Iterable[int] = DEFAULT_WARNINGS,
        pack_dirs: dict[str, str] | None = None,
    ) -> None:
        if not items:
            raise SessionError("a session needs at least 1 question", "模拟面试至少要有 1 道题")
        self.items: list[Item] = list(items)
        self.clock = clock
        self.listen = listen
        self.practice = practice
        self.warnings = tuple(sorted({int(w) for w in warnings}, reverse=True))
        # pack id -> the folder it was loaded from, so a resumed session can name (and load) it
        self.pack_dirs: dict[str, str] = dict(pack_dirs or {})
        self.index = 0
        self.status = RUNNING
        self._elapsed = 0.0  # time spent in the current phase before _since
        self._since: float | None = None  # monotonic start of the running stretch
        self._warned: set[int] = set()
        self._reread_left = 0.0  # seconds the re-read prompt stays visible
        self._reread_since: float | None = None
        self._pending: list[Event] = []
        self._started = False
        self._moved_on_at: float | None = None  # when time last ran out and moved the session on
        self._voice_busy = False  # 听题: the voice is still reading the question (hold_reading)
        self._reading_held = False  # the reading ran past its time, waiting for the voice

    # --- construction ----------------------------------------------------------

    @classmethod
    def build(
        cls,
        drawn: Sequence[tuple[str, Question]],
        clock: Clock,
        *,
        preset: Preset | None = None,
        think: int | None = None,
        answer: int | None = None,
        listen: bool = False,
        practice: bool = False,
        warnings: Iterable[int] = DEFAULT_WARNINGS,
        pack_dirs: dict[str, str] | None = None,
    ) -> "MockSession":
        per_q = preset.per_question_s if preset else None
        items = []
        for pack_id, q in drawn:
            t, a = plan_timing(q, per_question_s=per_q, think=think, answer=answer)
            items.append(Item(pack_id, q, t, a, reading_s=reading_time(q.prompt) if listen else 0))
        return cls(items, clock, listen=listen, practice=practice, warnings=warnings, pack_dirs=pack_dirs)

    def start(self) -> list[Event]:
        """Begin the first question; returns its 'phase' event."""
        if self._started:
            return []
        self._started = True
        self._enter(self._first_phase(), carry=0.0)
        return self._drain()

    # --- reading the state -------------------------------------------------------------

    @property
    def current(self) -> Item:
        return self.items[self.index]

    @property
    def phase(self) -> str:
        return DONE if self.status == FINISHED else self.current.phase

    @property
    def finished(self) -> bool:
        return self.status == FINISHED

    @property
    def paused(self) -> bool:
        return self.status == PAUSED

    def phase_elapsed(self) -> float:
        running = (self.clock.monotonic() - self._since) if self._since is not None else 0.0
        return self._elapsed + running

    def phase_allowed(self) -> int:
        return self.current.allowed(self.phase)

    def time_left(self) -> float:
        if self.finished or self.phase not in (READING, THINKING, ANSWERING):
            return 0.0
        return max(0.0, self.phase_allowed() - self.phase_elapsed())

    def session_time_left(self) -> float:
        """Thinking and answering time left in the whole session (the reading of 听题 is
        the examiner's, not counted): the current phase's rest and every phase after it."""
        if self.finished:
            return 0.0
        it = self.current
        if it.phase == THINKING:
            left = self.time_left() + it.answer_s
        elif it.phase == ANSWERING:
            left = self.time_left()
        else:
            left = float(it.think_s + it.answer_s)
        return left + sum(later.think_s + later.answer_s for later in self.items[self.index + 1:])

    def reread_time_left(self) -> float:
        running = (self.clock.monotonic() - self._reread_since) if self._reread_since is not None else 0.0
        return max(0.0, self._reread_left - running)

    @property
    def prompt_visible(self) -> bool:
        """看题: always. 听题: while it is being read, and during the one re-read."""
        if not self.listen or self.finished:
            return True
        if self.phase == READING:
            return True
        return self.reread_time_left() > 0

    @property
    def can_reread(self) -> bool:
        return (
            self.listen
            and not self.finished
            and self.phase in (THINKING, ANSWERING)
            and self.current.rereads_left > 0
            and self.reread_time_left() <= 0
        )

    @property
    def reading_held(self) -> bool:
        """听题: the reading time is over but the voice is still reading; thinking starts after it."""
        return self.phase == READING and self._reading_held

    @property
    def can_pause(self) -> bool:
        return self.practice and not self.finished

    # --- actions -------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """The editor's content for the current question (notes while thinking, the answer later)."""
        if not self.finished:
            self.current.text = text

    def hold_reading(self, busy: bool) -> None:
        """听题: whether the voice is still reading the question (the caller asks its voice
        before each tick). As in the exam room, thinking starts when the reading has ended:
        the reading phase lasts at least its time, and on while the voice reads, up to
        READING_VOICE_CAP_S; the thinking time starts whole when the voice stops."""
        self._voice_busy = bool(busy)

    def restart_reading(self) -> None:
        """The question is read again from the start (a resumed session, or F4 in practice mode
        during the reading): so is the reading time."""
        if self.finished or self.phase != READING:
            return
        self._elapsed = 0.0
        self._reading_held = False
        if self._since is not None:
            self._since = self.clock.monotonic()

    def restart_reread(self) -> None:
        """The F3 re-read is heard again from the start (after F4 in practice mode, or a
        resumed session): so is its time, as for the first reading."""
        if self.finished or self.reread_time_left() <= 0:
            return
        self._reread_left = float(self.current.reading_s or reading_time(self.current.question.prompt))
        self._reread_since = self.clock.monotonic() if self._since is not None else None

    def tick(self) -> list[Event]:
        """Advance to the clock's now: warnings, timeouts and the phases that follow."""
        self._tick()
        return self._drain()

    def _tick(self) -> None:
        if not self._started or self.finished or self.paused:
            return
        while not self.finished:
            allowed = self.phase_allowed()
            elapsed = self.phase_elapsed()
            left = allowed - elapsed
            # as in the exam room, warnings are about the time left to speak: none while thinking
            if self.phase == ANSWERING:
                for w in self.warnings:
                    if w not in self._warned and allowed > w and left <= w:
                        self._warned.add(w)
                        self._pending.append(Event("warning", self.index, self.phase, w))
            if left > 0:
                break
            carry = elapsed - allowed
            if self.phase == READING:
                if self._voice_busy and elapsed < max(allowed, READING_VOICE_CAP_S):
                    self._reading_held = True  # the examiner is still reading
                    break
                if self._reading_held:
                    carry = 0.0  # the voice has just finished: the thinking time starts whole
                self._reading_held = False
            self.current.timed_out = self.current.timed_out + (self.phase,)
            self._pending.append(Event("timeout", self.index, self.phase))
            self._moved_on_at = self.clock.monotonic()
            self._advance(carry=carry)
        if self._reread_since is not None and self.reread_time_left() <= 0:
            self._reread_left = 0.0
            self._reread_since = None
            self._pending.append(Event("prompt_hidden", self.index, self.phase))

    def finish_phase(self) -> list[Event]:
        """The candidate is done with this phase before its time is up.

        A request that comes as time runs out (or up to MOVED_ON_GRACE_S after) was
        meant for the phase that just ended: it does not end the one that began, so
        a ctrl+n for 'done thinking' never throws away the answering time. Pressed
        again later, it does."""
        if not self._started or self.finished:
            return self._drain()
        if self.paused:
            raise SessionError("resume the session first", "请先继续计时（F4）")
        where = (self.index, self.phase)
        self._tick()
        if self.finished:
            return self._drain()
        if (self.index, self.phase) != where or (
            self._moved_on_at is not None and self.clock.monotonic() - self._moved_on_at < MOVED_ON_GRACE_S
        ):
            # said to the candidate: the request was not carried out
            return self._drain() + [Event("moved_on", self.index, self.phase)]
        self._advance(carry=0.0)
        return self._drain()

    def reread(self) -> list[Event]:
        """听题: show the prompt once more, for the reading time; the phase clock keeps running."""
        if not self.can_reread:
            if not self.listen:
                raise SessionError("the prompt is always visible in 看题 mode", "看题模式下题目一直显示，不需要重听")
            if self.phase == READING or self.reread_time_left() > 0:
                raise SessionError("the question is being read right now", "题目正在显示，读完后才能重听")
            raise SessionError("the question was already read again once", "每道题只能重听一次，已经用过了")
        self.current.rereads_left -= 1
        self._reread_left = float(self.current.reading_s or reading_time(self.current.question.prompt))
        self._reread_since = self.clock.monotonic() if not self.paused else None
        return [Event("phase", self.index, "reread")]

    def pause(self) -> None:
        if not self.practice:
            raise SessionError(
                "strict mode: the clock cannot be paused (use --practice to allow pausing)",
                "考试模式不能暂停（练习模式可以）",
            )
        if self.finished or self.paused:
            return
        self._tick()
        self._stop_clock()
        self.status = PAUSED

    def resume(self) -> None:
        if self.paused:
            self.status = RUNNING
            self._start_clock()

    # --- internals ---------------------------------------------------------------------

    def _first_phase(self) -> str:
        return READING if self.listen else THINKING

    def _stop_clock(self) -> None:
        now = self.clock.monotonic()
        if self._since is not None:
            self._elapsed += now - self._since
            self._since = None
        if self._reread_since is not None:
            self._reread_left = max(0.0, self._reread_left - (now - self._reread_since))
            self._reread_since = None

    def _start_clock(self) -> None:
        now = self.clock.monotonic()
        self._since = now
        if self._reread_left > 0:
            self._reread_since = now

    def _record_used(self) -> None:
        item = self.current
        used = min(self.phase_elapsed(), float(item.allowed(item.phase)))
        if item.phase == THINKING:
            item.think_used = used
            item.notes = item.text
        elif item.phase == ANSWERING:
            item.answer_used = used
        elif item.phase == READING:
            item.reading_used = used

    def _enter(self, phase: str, *, carry: float) -> None:
        self.current.phase = phase
        self._reading_held = False
        self._elapsed = max(0.0, carry)
        self._since = self.clock.monotonic()
        self._warned = set()
        self._pending.append(Event("phase", self.index, phase))
        if phase == THINKING and self.listen and not self._reread_left:
            self._pending.append(Event("prompt_hidden", self.index, phase))

    def _advance(self, *, carry: float) -> None:
        self._record_used()
        item = self.current
        nxt = {READING: THINKING, THINKING: ANSWERING, ANSWERING: DONE}[item.phase]
        if nxt != DONE:
            self._enter(nxt, carry=carry)
            return
        item.phase = DONE
        self._reread_left, self._reread_since = 0.0, None
        self._pending.append(Event("phase", self.index, DONE))
        if self.index + 1 < len(self.items):
            self.index += 1
            self._enter(self._first_phase(), carry=carry)
        else:
            self.status = FINISHED
            self._since = None
            self._elapsed = 0.0
            self._pending.append(Event("finished", self.index, DONE))

    def _drain(self) -> list[Event]:
        out, self._pending = self._pending, []
        return out

    # --- persistence -----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able state; the time in the current phase is measured now."""
        return {
            "version": STATE_VERSION,
            "listen": self.listen,
            "practice": self.practice,
            "warnings": list(self.warnings),
            "index": self.index,
            "status": self.status,
            "started": self._started,
            "phase_elapsed": self.phase_elapsed() if not self.finished else 0.0,
            "warned": sorted(self._warned),
            "reread_left": self.reread_time_left(),
            "pack_dirs": dict(self.pack_dirs),
            "items": [
                {
                    "pack_id": it.pack_id,
                    "question_id": it.question.id,
                    "prompt": it.question.prompt,
                    "type": it.question.type,
                    "think_s": it.think_s,
                    "answer_s": it.answer_s,
                    "reading_s": it.reading_s,
                    "text": it.text,
                    "phase": it.phase,
                    "think_used": it.think_used,
                    "answer_used": it.answer_used,
                    "reading_used": it.reading_used,
                    "rereads_left": it.rereads_left,
                    "timed_out": list(it.timed_out),
                    "notes": it.notes,
                    # the question itself (key points too): gradable even if its pack is not loaded
                    "question": question_to_dict(it.question),
                }
                for it in self.items
            ],
        }

    @classmethod
    def from_dict(
        cls,
        data: dict[str, Any],
        clock: Clock,
        resolve: Callable[[str, str], Question | None] = lambda p, q: None,
        *,
        paused: bool = False,
    ) -> "MockSession":
        """Rebuild a saved session; its clock restarts now with the time that was left.

        ``resolve(pack_id, question_id)`` finds the question in the loaded
        packs; a question not there is rebuilt from the copy saved with the
        session (key points included, ``FROM_SAVED``), or, in a session saved
        before copies were kept, from its prompt alone (answerable, not
        gradable: ``FROM_PROMPT``). With ``paused`` a practice session comes
        back paused.
        """
        try:
            if data.get("version") != STATE_VERSION:
                raise SessionError(
                    f"saved session has an unknown format (version {data.get('version')!r})",
                    "保存的面试记录格式无法识别（可能来自别的版本）",
                )
            items = []
            for d in data["items"]:
                q, source = resolve(d["pack_id"], d["question_id"]), FROM_PACK
                if q is None and isinstance(d.get("question"), dict):
                    q, source = question_from_dict(d["question"], d["question_id"]), FROM_SAVED
                if q is None:
                    q, source = Question(
                        id=d["question_id"], prompt=d.get("prompt", ""), key_points=(), type=d.get("type")
                    ), FROM_PROMPT
                items.append(
                    Item(
                        pack_id=d["pack_id"],
                        question=q,
                        think_s=int(d["think_s"]),
                        answer_s=int(d["answer_s"]),
                        reading_s=int(d.get("reading_s", 0)),
                        text=str(d.get("text", "")),
                        phase=d.get("phase", PENDING),
                        think_used=float(d.get("think_used", 0.0)),
                        answer_used=float(d.get("answer_used", 0.0)),
                        reading_used=float(d.get("reading_used", 0.0)),
                        rereads_left=int(d.get("rereads_left", 1)),
                        timed_out=tuple(d.get("timed_out", ())),
                        source=source,
                        notes=str(d.get("notes", "")),
                    )
                )
            dirs = data.get("pack_dirs") or {}
            if not isinstance(dirs, dict) or not all(isinstance(v, str) for v in dirs.values()):
                raise ValueError("pack_dirs must map pack ids to folders")
            s = cls(
                items,
                clock,
                listen=bool(data.get("listen")),
                practice=bool(data.get("practice")),
                warnings=data.get("warnings", DEFAULT_WARNINGS),
                pack_dirs={str(k): v for k, v in dirs.items()},
            )
            s.index = int(data["index"])
            if not 0 <= s.index < len(items):
                raise SessionError(
                    f"saved session points at question {s.index + 1} of {len(items)}",
                    f"保存的面试记录已损坏（指向第 {s.index + 1} 题，共 {len(items)} 题）",
                )
            s.status = data.get("status", RUNNING)
            s._started = bool(data.get("started", True))
            s._elapsed = float(data.get("phase_elapsed", 0.0))
            s._warned = {int(w) for w in data.get("warned", ())}
            s._reread_left = float(data.get("reread_left", 0.0))
            _check_restored(s, data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise SessionError(f"saved session is damaged ({exc!r})", "保存的面试记录已损坏") from None
        if s.status != FINISHED and s._started:
            if paused and s.practice:
                s.status = PAUSED
            else:
                s.status = RUNNING
                s._start_clock()
        return s


def question_to_dict(q: Question) -> dict[str, Any]:
    """A question as plain data, saved with the session (what grading and the review need)."""
    return {
        "id": q.id,
        "prompt": q.prompt,
        "type": q.type,
        "topic": q.topic,
        "reference": q.reference,
        "time": [q.time.think, q.time.answer] if q.time else None,
        "key_points": [
            {"id": kp.id, "point": kp.point, "weight": kp.weight, "keywords": [list(g) for g in kp.keywords]}
            for kp in q.key_points
        ],
    }


def question_from_dict(d: dict[str, Any], question_id: str) -> Question:
    """``question_to_dict`` read back; the database is outside input, so every value is
    checked (ValueError / TypeError if it does not have the shape written)."""

    def text(v: Any, optional: bool = False) -> str | None:
        if v is None and optional:
            return None
        if not isinstance(v, str):
            raise TypeError("a question field must be text")
        return v

    points = []
    for kp in d.get("key_points") or ():
        weight = kp.get("weight", 1.0)
        if type(weight) not in (int, float) or not math.isfinite(weight) or weight <= 0:
            raise ValueError("a key point's weight must be a positive number")
        groups = tuple(tuple(text(w) for w in g) for g in kp.get("keywords") or ())
        points.append(KeyPoint(text(kp["id"]), text(kp["point"]), float(weight), groups))
    time = d.get("time")
    timing = None
    if time is not None:
        think, answer = time
        if not all(v is None or (type(v) is int and v > 0) for v in (think, answer)):
            raise ValueError("a question's time must be whole seconds")
        timing = Timing(think, answer)
    return Question(
        id=text(d.get("id", question_id)),
        prompt=text(d.get("prompt", "")),
        key_points=tuple(points),
        type=text(d.get("type"), True),
        topic=text(d.get("topic"), True),
        reference=text(d.get("reference"), True),
        time=timing,
    )


def _check_restored(s: "MockSession", data: dict) -> None:
    """ValueError unless a session rebuilt from the database has the types and ranges the
    screen relies on (the database is outside input: damaged or edited)."""
    import math

    def number(v) -> bool:
        return type(v) in (int, float) and math.isfinite(v) and v >= 0

    for d, it in zip(data["items"], s.items):
        if not isinstance(d, dict):
            raise ValueError("an item is not a mapping")
        if not all(isinstance(d.get(k, ""), str) for k in ("text", "prompt", "pack_id", "question_id", "notes")):
            raise ValueError("text fields must be text")
        if d.get("type") is not None and not isinstance(d.get("type"), str):
            raise ValueError("type must be text")
        if it.phase not in (PENDING, READING, THINKING, ANSWERING, DONE):
            raise ValueError(f"unknown phase {it.phase!r}")
        if not all(number(v) for v in (it.think_s, it.answer_s, it.reading_s, it.think_used,
                                        it.answer_used, it.reading_used, it.rereads_left)):
            raise ValueError("times must be numbers")
        if not (it.think_s >= MIN_PHASE and it.answer_s >= MIN_PHASE):
            raise ValueError("phase length out of range")
        if not all(isinstance(t, str) for t in it.timed_out):
            raise ValueError("timed_out must list phases")
    if s.status not in (RUNNING, PAUSED, FINISHED):
        raise ValueError(f"unknown status {s.status!r}")
    if not (number(s._elapsed) and number(s._reread_left)):
        raise ValueError("times must be numbers")


# --- autosave ------------------------------------------------------------------------------


class SessionRecorder:
    """Keeps a running session in the store.

    ``maybe_save()`` is cheap to call on every tick and keystroke: it writes
    when the last save is ``interval`` seconds old (so the text typed and the
    time left are never older than that), or at once with ``force=True``
    (phase changes, pause, quitting). Each save is one transaction.
    """

    def __init__(self, store, session: MockSession, clock: Clock, *, session_id: int | None = None,
                 config: dict | None = None, interval: float = 2.0) -> None:
        self.store = store
        self.session = session
        self.clock = clock
        self.interval = interval
        self.session_id = session_id
        self.config = dict(config or {})
        self._last: float | None = None
        self.saves = 0
        self.last_error: str | None = None

    def create(self) -> int:
        s = self.session
        self.session_id = self.store.create_session(
            config=self.config,
            questions=[(it.pack_id, it.question.id, it.question.prompt) for it in s.items],
            state=s.to_dict(),
        )
        self._last = self.clock.monotonic()
        self.saves += 1
        return self.session_id

    def drafts(self):
        from studyapp.core.store import Draft

        s = self.session
        out = []
        for i, it in enumerate(s.items):
            left = s.time_left() if i == s.index and not s.finished else None
            out.append(Draft(i, it.text, it.phase, left, it.think_used, it.answer_used))
        return out

    def due(self) -> bool:
        return self._last is None or self.clock.monotonic() - self._last >= self.interval

    def maybe_save(self, *, force: bool = False) -> bool:
        """Save if due (or forced); returns whether it wrote. Store errors are kept, not raised."""
        if self.session_id is None or self.session.finished:
            return False
        if not force and not self.due():
            return False
        from studyapp.core.store import StoreError

        try:
            self.store.save_session(self.session_id, state=self.session.to_dict(), drafts=self.drafts())
        except StoreError as exc:
            self.last_error = str(exc)
            self._last = self.clock.monotonic()  # do not hammer a failing disk on every tick
            return False
        self.last_error = None
        self._last = self.clock.monotonic()
        self.saves += 1
        return True

    def finish(self, results=()) -> None:
        if self.session_id is None:
            return
        self.store.finish_session(
            self.session_id, state=self.session.to_dict(), drafts=self.drafts(), results=results
        )

    def discard(self) -> None:
        if self.session_id is not None:
            self.store.discard_session(self.session_id)


# --- what the user asked for ----------------------------------------------------------------


@dataclass(frozen=True)
class MockOptions:
    """A mock interview as asked for on the command line or the home screen's dialog."""

    count: int = 3
    types: tuple[str, ...] = ()
    think: int | None = None
    answer: int | None = None
    listen: bool = False
    practice: bool = False
    bell: bool = True
    voice: bool = True  # 听题: read the question aloud when the computer has a speech engine
    preset: str | None = None  # a key of PRESETS, or None for custom
    seed: int | None = None

    def to_config(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "types": list(self.types),
            "think": self.think,
            "answer": self.answer,
            "listen": self.listen,
            "practice": self.practice,
            "bell": self.bell,
            "voice": self.voice,
            "preset": self.preset,
        }

    @classmethod
    def from_preset(cls, key: str, **kw: Any) -> "MockOptions":
        preset = PRESETS[key]
        return cls(count=preset.count, preset=key, **kw)


def new_session(packs: Sequence[Pack], options: MockOptions, clock: Clock,
                rng: random.Random | None = None) -> MockSession:
    """Draw the questions and time them as ``options`` says; SessionError if the packs cannot."""
    rng = rng or random.Random(options.seed)
    drawn = draw_questions(packs, options.count, types=options.types or None, rng=rng)
    used = {pack_id for pack_id, _ in drawn}
    return MockSession.build(
        drawn,
        clock,
        preset=PRESETS.get(options.preset) if options.preset else None,
        think=options.think,
        answer=options.answer,
        listen=options.listen,
        practice=options.practice,
        pack_dirs={p.id: str(p.root) for p in packs if p.id in used and p.root is not None},
    )
