"""The report at the end of a mock interview: time used, length, estimated speaking time, grades.

Built from a finished (or abandoned) ``MockSession``; grading goes through
``studyapp.core.grading.Grader``, the same grader as practice and
``studyapp grade``. ``Report.to_markdown()`` is the export.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from studyapp.core.model import Thesaurus
from studyapp.core.safe_text import sanitize
from studyapp.core.session import PHASE_LABELS, MockSession

SPEAKING_RATE = 200  # Chinese characters a minute, spoken (field notes: 180-250)


def count_chars(text: str) -> int:
    """Characters that would be spoken: whitespace and line breaks do not count."""
    return sum(1 for ch in text if not ch.isspace())


def speaking_seconds(chars: int, rate: int = SPEAKING_RATE) -> float:
    return chars * 60.0 / rate


def fmt_duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    s = int(round(seconds))
    return f"{s // 60}:{s % 60:02d}"


@dataclass(frozen=True)
class QuestionReport:
    index: int
    pack_id: str
    question_id: str
    type: str | None
    prompt: str
    text: str
    chars: int
    think_allowed: int
    think_used: float
    answer_allowed: int
    answer_used: float
    speak_s: float
    timed_out: tuple[str, ...]
    grading: object | None  # studyapp.core.grading.Grading, None when the question has no key points
    points: tuple[tuple[str, str, str], ...]  # (id, status, point text) in the question's order

    @property
    def score(self) -> float | None:
        return None if self.grading is None else float(self.grading.score)

    @property
    def missed(self) -> tuple[str, ...]:
        return tuple(text for _, status, text in self.points if status == "missed")

    @property
    def partial(self) -> tuple[str, ...]:
        return tuple(text for _, status, text in self.points if status == "partial")

    @property
    def speech_fits(self) -> bool:
        return self.speak_s <= self.answer_allowed

    @property
    def speech_verdict(self) -> str:
        diff = self.speak_s - self.answer_allowed
        if self.chars == 0:
            return "没有作答"
        if diff > 0:
            return f"超时约 {fmt_duration(diff)}"
        return f"余 {fmt_duration(-diff)}"


@dataclass(frozen=True)
class Report:
    questions: tuple[QuestionReport, ...]
    session_id: int | None = None
    started_at: datetime | None = None
    listen: bool = False
    practice: bool = False
    finished: bool = True

    @property
    def think_used(self) -> float:
        return sum(q.think_used for q in self.questions)

    @property
    def answer_used(self) -> float:
        return sum(q.answer_used for q in self.questions)

    @property
    def time_allowed(self) -> int:
        return sum(q.think_allowed + q.answer_allowed for q in self.questions)

    @property
    def chars(self) -> int:
        return sum(q.chars for q in self.questions)

    @property
    def speak_s(self) -> float:
        return sum(q.speak_s for q in self.questions)

    @property
    def score(self) -> float | None:
        scores = [q.score for q in self.questions if q.score is not None]
        return sum(scores) / len(scores) if scores else None

    def results(self):
        """What ``Store.finish_session`` keeps per question."""
        from studyapp.core.store import QuestionResult

        return [
            QuestionResult(q.index, q.score, q.grading.to_dict())
            for q in self.questions
            if q.grading is not None
        ]

    # --- Markdown ---------------------------------------------------------------------

    def to_markdown(self) -> str:
        mode = ("听题" if self.listen else "看题") + (" · 练习模式" if self.practice else " · 考试模式")
        when = self.started_at.astimezone().strftime("%Y-%m-%d %H:%M") if self.started_at else ""
        lines = [f"# 模拟面试报告 {when}".rstrip(), ""]
        lines.append(f"{len(self.questions)} 题 · {mode}" + ("" if self.finished else " · 未完成"))
        lines.append("")
        lines.append("| 题 | 题型 | 思考 用时/限时 | 作答 用时/限时 | 字数 | 预计口述 | 得分 |")
        lines.append("|---|---|---|---|---|---|---|")
        for q in self.questions:
            lines.append(
                "| {n} | {t} | {tu} / {ta} | {au} / {aa} | {c} | {sp}（{v}） | {s} |".format(
                    n=q.index + 1,
                    t=_cell(q.type or "–"),
                    tu=fmt_duration(q.think_used),
                    ta=fmt_duration(q.think_allowed),
                    au=fmt_duration(q.answer_used),
                    aa=fmt_duration(q.answer_allowed),
                    c=q.chars,
                    sp=fmt_duration(q.speak_s),
                    v=q.speech_verdict,
                    s="–" if q.score is None else f"{q.score:.0f}",
                )
            )
        lines.append(
            "| 合计 |  | {tu} | {au} | {c} | {sp} | {s} |".format(
                tu=fmt_duration(self.think_used),
                au=fmt_duration(self.answer_used),
                c=self.chars,
                sp=fmt_duration(self.speak_s),
                s="–" if self.score is None else f"{self.score:.0f}",
            )
        )
        lines.append("")
        lines.append(
            f"总用时 {fmt_duration(self.think_used + self.answer_used)} / 限时 {fmt_duration(self.time_allowed)}；"
            f"预计口述按每分钟 {SPEAKING_RATE} 字估算。"
        )
        for q in self.questions:
            lines += ["", f"## 第 {q.index + 1} 题" + (f"（{_inline(q.type)}）" if q.type else ""), ""]
            lines += ["> " + _inline(line) if line.strip() else ">" for line in q.prompt.strip().splitlines()]
            lines.append("")
            timeouts = [PHASE_LABELS.get(p, p) for p in q.timed_out]
            lines.append(
                f"思考 {fmt_duration(q.think_used)} / {fmt_duration(q.think_allowed)}，"
                f"作答 {fmt_duration(q.answer_used)} / {fmt_duration(q.answer_allowed)}"
                + (f"，{'、'.join(timeouts)}超时自动结束" if timeouts else "")
                + f"；{q.chars} 字，预计口述 {fmt_duration(q.speak_s)}（{q.speech_verdict}）。"
            )
            lines.append("")
            if q.score is not None:
                lines.append(f"**得分 {q.score:.0f}**")
                lines.append("")
                if q.missed:
                    lines.append("遗漏的要点：")
                    lines += [f"- {_inline(t)}" for t in q.missed]
                    lines.append("")
                if q.partial:
                    lines.append("部分覆盖的要点：")
                    lines += [f"- {_inline(t)}" for t in q.partial]
                    lines.append("")
            else:
                lines += ["（此题没有评分要点，未评分）", ""]
            lines.append("作答：")
            lines.append("")
            lines += _fenced(q.text)
        # pack text and answers are outside input: a file someone will `cat` carries no
        # terminal escapes or control characters (each piece is cleaned as it goes in, and
        # the whole once more)
        return sanitize("\n".join(lines)).rstrip() + "\n"

    def export(self, path: Path) -> Path:
        """Write the Markdown to ``path`` (a file, or a folder to put a dated file in); returns the file."""
        path = Path(path).expanduser()
        if path.is_dir():
            stamp = (self.started_at or datetime.now()).astimezone().strftime("%Y%m%d-%H%M")
            path = path / f"mock-{stamp}{'-' + str(self.session_id) if self.session_id else ''}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(self.to_markdown(), encoding="utf-8")
        tmp.replace(path)
        return path


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _inline(text: str) -> str:
    """Pack or candidate text inside Markdown: shown as written, never as markup (and
    without terminal escapes)."""
    return _MD_SPECIAL.sub(r"\\\1", sanitize(text))


def _cell(text: str) -> str:
    return _inline(text.replace("\n", " "))


def _fenced(text: str) -> list[str]:
    text = sanitize(text)
    longest = max((len(m) for m in re.findall(r"`+|~+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    body = text.rstrip("\n") if text.strip() else "（空）"
    return [fence + "text", *body.splitlines(), fence]


def build_report(
    session: MockSession,
    *,
    thesauri: Mapping[str, Thesaurus] | None = None,
    session_id: int | None = None,
    started_at: datetime | None = None,
) -> Report:
    from studyapp.core.grading import Grader

    thesauri = thesauri or {}
    out = []
    for i, it in enumerate(session.items):
        q = it.question
        grading = None
        points: tuple[tuple[str, str, str], ...] = ()
        if q.key_points:
            grading = Grader(q, thesaurus=thesauri.get(it.pack_id)).grade(it.text)
            status = {v.id: v.status for v in grading.points}
            points = tuple((kp.id, status.get(kp.id, "missed"), kp.point) for kp in q.key_points)
        chars = count_chars(it.text)
        out.append(
            QuestionReport(
                index=i,
                pack_id=it.pack_id,
                question_id=q.id,
                type=q.type,
                prompt=q.prompt,
                text=it.text,
                chars=chars,
                think_allowed=it.think_s,
                think_used=it.think_used,
                answer_allowed=it.answer_s,
                answer_used=it.answer_used,
                speak_s=speaking_seconds(chars),
                timed_out=it.timed_out,
                grading=grading,
                points=points,
            )
        )
    return Report(
        questions=tuple(out),
        session_id=session_id,
        started_at=started_at,
        listen=session.listen,
        practice=session.practice,
        finished=session.finished,
    )
