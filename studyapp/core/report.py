"""The report at the end of a mock interview: time used, length, estimated speaking time, grades.

Built from a finished (or abandoned) ``MockSession``; grading goes through
``studyapp.core.grading.Grader``, the same grader as practice and
``studyapp grade``. ``Report.to_markdown()`` is the export.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from studyapp.core.model import Thesaurus
from studyapp.core.safe_text import sanitize
from studyapp.core.session import FROM_PROMPT, FROM_SAVED, PHASE_LABELS, MockSession

SPEAKING_RATE = 200  # Chinese characters a minute, spoken (field notes: 180-250)


LATIN_WORD_CHARS = 2  # a Latin word or abbreviation (WiFi, APP) as spoken, in 字
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


def count_chars(text: str) -> int:
    """What would be spoken, in 字: each Chinese character (any letter of a script without
    spaces) and each digit one, a Latin word or abbreviation LATIN_WORD_CHARS; punctuation,
    symbols, whitespace and line breaks none (一、先安抚情绪，请他坐下。 is 10)."""
    text = unicodedata.normalize("NFKC", text)  # full-width ＡＰＰ１２ as APP12, ① as 1
    words = len(_LATIN_WORD.findall(text))
    rest = _LATIN_WORD.sub(" ", text)
    return words * LATIN_WORD_CHARS + sum(1 for ch in rest if unicodedata.category(ch)[0] in "LN")


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
    basis: str | None = None  # store.grading_basis() of the question graded
    note: str = ""  # why it is not graded, or graded other than by its loaded pack
    notes: str = ""  # the thinking notes that open ``text`` (not counted in ``chars``)
    reference: str | None = None  # the question's reference answer (参考答案)
    reading_used: float = 0.0  # 听题: how long the question was read
    reread: bool = False  # 听题: heard once more (F3)

    @property
    def answer(self) -> str:
        """The answer after the thinking notes: what ``chars`` counts and speaking is timed by."""
        return self.text[len(self.notes):] if self.notes and self.text.startswith(self.notes) else self.text

    @property
    def covered(self) -> tuple[str, ...]:
        return tuple(text for _, status, text in self.points if status == "covered")

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
        if self.chars == 0:  # notes only: graded (the score counts them), but nothing said
            return "只有思考笔记" if count_chars(self.text) else "没有作答"
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
            QuestionResult(q.index, q.score, q.grading.to_dict(), q.basis)
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
            f"{CHARS_COUNTED}，预计口述按每分钟 {SPEAKING_RATE} 字估算。"
        )
        for q in self.questions:
            lines += ["", f"## 第 {q.index + 1} 题" + (f"（{_inline(q.type)}）" if q.type else ""), ""]
            lines += ["> " + _inline(line) if line.strip() else ">" for line in q.prompt.strip().splitlines()]
            lines.append("")
            timeouts = [PHASE_LABELS.get(p, p) for p in q.timed_out]
            lines.append(
                f"思考 {fmt_duration(q.think_used)} / {fmt_duration(q.think_allowed)}，"
                f"作答 {fmt_duration(q.answer_used)} / {fmt_duration(q.answer_allowed)}"
                + (f"，{'、'.join(timeouts)}时间到，自动结束" if timeouts else "")
                + f"；作答 {q.chars} 字，预计口述 {fmt_duration(q.speak_s)}（{q.speech_verdict}）。"
            )
            if self.listen:
                lines.append("")
                lines.append(f"听题：读题 {fmt_duration(q.reading_used)}，" + ("重听过一次。" if q.reread else "没有重听。"))
            lines.append("")
            if q.score is not None:
                lines.append(f"**得分 {q.score:.0f}**")
                lines.append("")
                if q.covered:
                    lines.append("答到的要点：")
                    lines += [f"- {_inline(t)}" for t in q.covered]
                    lines.append("")
                if q.missed:
                    lines.append("遗漏的要点：")
                    lines += [f"- {_inline(t)}" for t in q.missed]
                    lines.append("")
                if q.partial:
                    lines.append("部分覆盖的要点：")
                    lines += [f"- {_inline(t)}" for t in q.partial]
                    lines.append("")
                if q.note:
                    lines += [f"（{_inline(q.note)}）", ""]
            else:
                lines += [f"（{_inline(q.note or NO_KEY_POINTS)}）", ""]
            if q.notes.strip():
                lines += ["思考笔记（不计字数）：", ""]
                lines += _fenced(q.notes)
                lines.append("")
            lines.append("作答：")
            lines.append("")
            lines += _fenced(q.answer)
            if q.reference and q.reference.strip():
                lines += ["", "参考答案：", ""]
                lines += ["> " + line if line.strip() else ">" for line in _markdown(q.reference).splitlines()]
        # pack text and answers are outside input: a file someone will `cat` carries no
        # terminal escapes or control characters (each piece is cleaned as it goes in, and
        # the whole once more)
        return sanitize("\n".join(lines)).rstrip() + "\n"

    def file_name(self) -> str:
        stamp = (self.started_at or datetime.now()).astimezone().strftime("%Y%m%d-%H%M")
        return f"mock-{stamp}{'-' + str(self.session_id) if self.session_id else ''}.md"

    def export_target(self, path: Path | str, *, folder: Path | None = None) -> Path:
        """The file ``export(path)`` writes, as an absolute path: a dated file in ``path``
        when it is a folder, or is typed as one (ending in / or \\: a folder to create);
        else ``path``, with ``.md`` added to a name without an extension (so that it opens as
        Markdown). A bare name (a file's, or a folder's typed with its trailing slash: no
        other / or \\, not ~, not . or ..) goes into ``folder`` when one is given (the folder
        the candidate was offered), not into whatever folder the program was started from."""
        raw = str(path)
        as_folder = raw.endswith(("/", "\\"))
        name = raw.rstrip("/\\")  # (a folder typed as one, with a trailing slash, is a name too)
        bare = not any(sep in name for sep in "/\\") and not name.startswith("~") and name not in ("", ".", "..")
        path = Path(raw.rstrip("/\\") or raw[:1]).expanduser()
        if bare and folder is not None:
            path = Path(folder).expanduser() / path
        path = path.absolute()
        if as_folder or path.is_dir():
            return path / self.file_name()
        return path if path.suffix else path.with_name(path.name + ".md")

    def export(self, path: Path | str, *, folder: Path | None = None) -> Path:
        """Write the Markdown to ``path`` (a file, or a folder to put a dated file in; a bare
        name in ``folder``: ``export_target``); returns the file, an absolute path.
        An existing file is replaced: ask first (``export_target`` says which file it will be)."""
        path = self.export_target(path, folder=folder)
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


def _markdown(text: str) -> str:
    """Pack Markdown (a reference answer) kept as Markdown, made safe to view: no terminal
    escapes, no raw HTML or <autolink>, no image fetched from elsewhere, no link other than
    http(s) or mailto (its brackets shown as text)."""

    def escaped(m: re.Match) -> str:  # a backslash in front, unless one already escapes it
        slashes = m.group(1)
        return slashes + ("" if len(slashes) % 2 else "\\") + m.group(2)

    text = sanitize(text).strip()
    text = re.sub(r"(\\*)(<|!\[)", escaped, text)
    text = re.sub(r"(\\*)(\])(?=\((?!\s*(?:https?://|mailto:)))", escaped, text)
    return re.sub(r"(?m)^(\s*)(\\*)(\[[^\]\n]*)(\\*)(\]:)",
                  lambda m: m.group(1) + escaped(re.match(r"(\\*)(.*)", m.group(2) + m.group(3), re.S))
                  + escaped(re.match(r"(\\*)(.*)", m.group(4) + m.group(5), re.S)), text)


def _cell(text: str) -> str:
    return _inline(text.replace("\n", " "))


def _fenced(text: str) -> list[str]:
    text = sanitize(text)
    longest = max((len(m) for m in re.findall(r"`+|~+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    body = text.strip("\n") if text.strip() else "（空）"  # (the answer's line break under the notes)
    return [fence + "text", *body.splitlines(), fence]


NO_KEY_POINTS = "此题没有评分要点，未评分"
# what 字数 counts (said on the report and in the export)
CHARS_COUNTED = "字数只计作答部分（思考时记的笔记不计，标点、空格和换行不计，一个英文词算 2 字）"


def why_not_by_pack(item, pack_dir: str | None) -> str:
    """What the report says of a question its pack did not grade (resumed without the pack)."""
    if item.source == FROM_SAVED:
        return (f"题包 {item.pack_id} 本次没有载入：按这场面试开始时保存的评分要点评分，"
                "未用题包自带的词表")
    if item.source == FROM_PROMPT:
        where = f"（{pack_dir}）" if pack_dir else ""
        return (f"题包 {item.pack_id}{where} 本次没有载入，这场面试也没有保存它的评分要点：此题未评分。"
                "答案已保存：载入这个题包（--pack）后，在主页按 m →「以前的报告」重新打开这份报告即可评分")
    return "" if item.question.key_points else NO_KEY_POINTS


def build_report(
    session: MockSession,
    *,
    thesauri: Mapping[str, Thesaurus] | None = None,
    session_id: int | None = None,
    started_at: datetime | None = None,
) -> Report:
    from studyapp.core.grading import Grader
    from studyapp.core.store import grading_basis

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
        chars = count_chars(it.answer_part())  # what would be said: the notes are not
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
                basis=grading_basis(q) if grading is not None else None,
                note=why_not_by_pack(it, session.pack_dirs.get(it.pack_id)),
                notes=it.notes if it.notes and it.text.startswith(it.notes) else "",
                reference=q.reference,
                reading_used=it.reading_used,
                reread=it.rereads_left < 1,
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


# --- a class graded by `studyapp grade` ------------------------------------------------
#
# The text `studyapp grade` prints: one block per answer file and the class summary
# (scores, blanks, the spread, who missed each key point, the terms the class lacks).
# `--out DIR` writes each file's block on its own, for the tutor to send back.

STATUS_MARK = {"covered": "✓", "partial": "◐", "missed": "✗"}
STATUS_WORD = {"covered": "答到", "partial": "部分", "missed": "未答"}
SCORE_BANDS = ((0.0, 40.0, "0–39"), (40.0, 60.0, "40–59"), (60.0, 80.0, "60–79"), (80.0, 101.0, "80–100"))
MISSING_TERMS_SHOWN = 10


@dataclass(frozen=True)
class GradedAnswer:
    """One answer file of a class: its text and grading, or why it could not be read."""

    name: str  # as given on the command line; "-" is standard input
    text: str | None = None
    grading: object | None = None  # studyapp.core.grading.Grading; None when unreadable
    error: str = ""  # why the file could not be read (English, for standard error and --json)
    error_zh: str = ""  # the same in Chinese, for the report, the summary and the CSV

    @property
    def why_unreadable(self) -> str:
        """Why the file could not be read, in Chinese when that is known."""
        return self.error_zh or self.error

    @property
    def shown(self) -> str:
        return "<stdin>" if self.name == "-" else self.name

    @property
    def readable(self) -> bool:
        return self.grading is not None

    @property
    def blank(self) -> bool:
        """Nothing written: empty, or white space and punctuation only."""
        return self.text is not None and not any(ch.isalnum() for ch in self.text)

    @property
    def score(self) -> float | None:
        return None if self.grading is None else float(self.grading.score)


@dataclass(frozen=True)
class ClassGrades:
    """The answers of a class to one question, graded, with the figures a tutor asks for."""

    question: object  # studyapp.core.model.Question
    answers: tuple[GradedAnswer, ...]

    @property
    def graded(self) -> tuple[GradedAnswer, ...]:
        return tuple(a for a in self.answers if a.readable)

    @property
    def blanks(self) -> tuple[GradedAnswer, ...]:
        return tuple(a for a in self.graded if a.blank)

    @property
    def unreadable(self) -> tuple[GradedAnswer, ...]:
        return tuple(a for a in self.answers if not a.readable)

    @property
    def mean(self) -> float | None:
        scores = [a.score for a in self.graded]
        return sum(scores) / len(scores) if scores else None

    @property
    def mean_without_blanks(self) -> float | None:
        scores = [a.score for a in self.graded if not a.blank]
        return sum(scores) / len(scores) if scores else None

    @property
    def median(self) -> float | None:
        import statistics

        scores = [a.score for a in self.graded]
        return statistics.median(scores) if scores else None

    def bands(self) -> list[tuple[str, int]]:
        """How many scores fall in each band (0–39, 40–59, 60–79, 80–100)."""
        scores = [a.score for a in self.graded]
        return [(label, sum(1 for s in scores if lo <= s < hi)) for lo, hi, label in SCORE_BANDS]

    def with_status(self, point_id: str, status: str) -> list[GradedAnswer]:
        """The answers (blank ones left out) whose verdict on the point is ``status``."""
        return [
            a for a in self.graded
            if not a.blank and (a.grading.point(point_id) is not None)
            and a.grading.point(point_id).status == status
        ]

    def counts(self, point_id: str) -> dict[str, int]:
        """Per status, how many graded answers (blank ones included) have it on the point."""
        out = dict.fromkeys(STATUS_MARK, 0)
        for a in self.graded:
            v = a.grading.point(point_id)
            out[v.status if v is not None else "missed"] += 1
        return out

    def missing_terms(self) -> list[tuple[str, int]]:
        """The terms the class's answers lack most (可补充 of the points not made in full),
        each counted once per answer, blank answers left out: what to teach next."""
        from collections import Counter

        counter: Counter = Counter()
        for a in self.graded:
            if a.blank:
                continue
            terms = {t for p in a.grading.points if p.status != "covered" for t in p.missing}
            counter.update(terms)
        order: dict[str, int] = {}  # ties: in the order of the question's points
        for i in range(len(self.question.key_points)):
            for a in self.graded:
                if i < len(a.grading.points) and a.grading.points[i].status != "covered":
                    for t in a.grading.points[i].missing:
                        order.setdefault(t, len(order))
        return sorted(counter.items(), key=lambda kv: (-kv[1], order.get(kv[0], 0)))

    def short_names(self) -> dict[str, str]:
        """Each answer's name in a list of names: the file name without its folder and
        ending (03-李娜) when these tell the files apart, else the name as given."""
        stems = {a.name: ("<stdin>" if a.name == "-" else Path(a.name).stem or a.name) for a in self.answers}
        if len(set(stems.values())) == len(stems):
            return stems
        return {a.name: a.shown for a in self.answers}

    def sorted_by_score(self) -> "ClassGrades":
        """The answers from the highest score down (ties in the order given), the files that
        could not be read last."""
        ranked = sorted(self.answers, key=lambda a: (a.score is None, -(a.score or 0.0)))
        return ClassGrades(self.question, tuple(ranked))


def _weighted(question) -> bool:
    return any(kp.weight != 1 for kp in question.key_points)


def _point_label(kp, weighted: bool) -> str:
    from studyapp.core.textio import terminal_safe

    label = terminal_safe(" ".join(kp.point.split()))
    return label + (f"（×{kp.weight:g}）" if weighted else "")


def _quote(text: str, start: int, end: int, limit: int = 40) -> str:
    from studyapp.core.textio import terminal_safe

    piece = " ".join(text[start:end].split())
    if len(piece) > limit:
        piece = piece[: limit - 1] + "…"
    return "「" + terminal_safe(piece) + "」"


def _restates_terms(reason: str, p) -> bool:
    """The reason only lists terms the report already shows (答到：减负、放权)."""
    head, sep, rest = reason.replace("：", ":").partition(":")
    terms = {t.strip() for t in rest.split("、") if t.strip()}
    return bool(sep and terms) and terms <= set(p.matched) | set(p.matched_as_written()) | set(p.missing)


def answer_report_lines(question, answer: GradedAnswer, *, prompt: bool = False) -> list[str]:
    """One answer file's report: its score, then per key point the verdict, the words it
    rests on (依据), the terms matched (命中), what would complete it (可补充) and why
    (说明). A blank answer says so instead of listing reasons; a file that could not be
    read says why. ``prompt``: the question's prompt first (a report sent to a student)."""
    from studyapp.core.textio import terminal_safe

    lines = []
    if prompt:
        lines.append(f"题目（{terminal_safe(question.id)}）：" + terminal_safe(" ".join(question.prompt.split())))
        lines.append("")
    head = f"{terminal_safe(answer.shown)}  题目 {terminal_safe(question.id)}"
    if not answer.readable:
        return lines + [f"{head}  无法读取，未评分：{terminal_safe(answer.why_unreadable)}"]
    g = answer.grading
    if answer.blank:
        lines.append(f"{head}  得分 {g.score:g}/100（空白答卷：没有写任何内容）")
    else:
        counts = {s: sum(1 for p in g.points if p.status == s) for s in STATUS_MARK}
        lines.append(
            f"{head}  得分 {g.score:g}/100"
            f"（答到 {counts['covered']} · 部分 {counts['partial']} · 未答 {counts['missed']}）"
        )
    points = {kp.id: kp for kp in question.key_points}
    weighted = _weighted(question)
    text = answer.text or ""
    for p in g.points:
        kp = points.get(p.id)
        label = _point_label(kp, weighted) if kp else ""
        lines.append(f"  {STATUS_MARK[p.status]} {STATUS_WORD[p.status]}  {terminal_safe(p.id)}：{label}")
        if answer.blank:
            continue
        if p.evidence:
            lines.append("      依据：" + " ".join(_quote(text, s, e) for s, e in p.evidence[:6]))
        if p.matched:
            lines.append("      命中：" + terminal_safe("、".join(p.matched_as_written())))
        if p.missing and p.status != "covered":
            lines.append("      可补充：" + terminal_safe("、".join(p.missing[:8])))
        if p.reason and not _restates_terms(p.reason, p):
            lines.append("      说明：" + terminal_safe(p.reason))
    return lines


# the head of a report `grade --out` writes: 题目（q1）：…, an empty line, then
# "<file>  题目 q1  得分 …" (or 无法读取): a report handed back in as an answer would cover
# every point (it quotes them), so it is told apart and not graded
_REPORT_HEAD = re.compile(r"\A题目（([^）\n]+)）：[^\n]*\n\n[^\n]*  题目 ([^\n]+?)  (?:得分 |无法读取)")
REPORT_SUFFIX = "-评分.txt"  # --out DIR: DIR/03-李娜-评分.txt for 03-李娜.txt


def is_answer_report(text: str) -> bool:
    """``text`` is a report ``answer_report_lines(prompt=True)`` made (what ``grade --out``
    writes), not an answer."""
    m = _REPORT_HEAD.match(text)
    return bool(m) and m.group(1) == m.group(2)


def report_file_names(names: list[str]) -> dict[str, str]:
    """The file ``grade --out`` writes for each answer file: ``<name>-评分.txt``, and for
    answers whose names are the same (one folder per student, each with 作业.txt) the
    folders that tell them apart in front: ``A-作业-评分.txt``, ``B-作业-评分.txt``. The
    names are all different and never the plain name of another answer (no counter that
    could be another student's 作业-2), and do not depend on the order of ``names``."""
    import os

    def parts(name: str) -> tuple[list[str], str, str]:
        if name == "-":
            return [], "stdin", "stdin"
        path = os.path.normpath(os.path.abspath(name))
        folders = [f for f in Path(path).parent.parts if f not in ("/", "\\") and not f.endswith(":\\")]
        base = Path(path).name
        return folders, Path(path).stem or base, base

    info = {n: parts(n) for n in names}
    depth = dict.fromkeys(names, 0)
    whole = dict.fromkeys(names, False)  # the file name with its ending (a.txt, a.md)

    def candidate(n: str) -> str:
        folders, stem, base = info[n]
        own = base if whole[n] else stem
        return "-".join(folders[len(folders) - depth[n]:] + [own]) if depth[n] else own

    for _ in range(4 * len(names) + 64):
        groups: dict[str, list[str]] = {}
        for n in names:  # casefold: Windows and macOS take A-作业 and a-作业 for one file
            groups.setdefault(candidate(n).casefold(), []).append(n)
        clashes = [g for g in groups.values() if len(g) > 1]
        if not clashes:
            break
        moved = False
        for group in clashes:
            exact = [candidate(n) for n in group]
            # names told apart by their case alone (A.txt, a.txt): nothing longer helps
            group = [n for n, c in zip(group, exact) if exact.count(c) > 1]
            # in one folder (a.txt, a.md) only the ending tells them apart
            folders = [tuple(info[n][0]) for n in group]
            same = [
                n for n, f in zip(group, folders)
                if folders.count(f) > 1 and not whole[n] and info[n][2] != info[n][1]
            ]
            for n in same:
                whole[n] = moved = True
            # the others by their folders: the names already lengthened go further first,
            # so that a plain name stays plain
            can = [n for n in group if n not in same and depth[n] < len(info[n][0])]
            deepest = max((depth[n] for n in can), default=0)
            first = [n for n in can if depth[n] == deepest and deepest > min(depth[m] for m in group)]
            for n in first or can:
                depth[n] += 1
                moved = True
        if not moved:
            break
    out: dict[str, str] = {}
    used: set[str] = set()
    for n in sorted(names, key=lambda n: (candidate(n), os.path.abspath(n) if n != "-" else "")):
        name, k = candidate(n), 1
        while name.casefold() in used:  # nothing else tells them apart: never two the same
            k += 1
            name = f"{candidate(n)}（{k}）"
        used.add(name.casefold())
        out[n] = name + REPORT_SUFFIX
    return {n: out[n] for n in names}


def _names_lines(head: str, names: list[str], width: int | None, sep: str = "、") -> list[str]:
    """``head`` then the names joined by 「、」 (a name may hold spaces: Zhang San),
    wrapped to ``width`` terminal columns between names, never inside one, the 「、」 kept
    at the end of the line (None: one line)."""
    from studyapp.core.textio import cell_width

    if width is None:
        return [head + sep.join(names)]
    indent = " " * cell_width(head)
    lines, line, empty = [], head, True
    if cell_width(head) > width // 2:  # too little room beside it: the names under it
        indent = " " * (len(head) - len(head.lstrip(" ")) + 2)
        lines, line = [head.rstrip()], indent
    for i, n in enumerate(names):
        piece = n + (sep if i < len(names) - 1 else "")
        if not empty and cell_width(line + piece) > width:
            lines.append(line)
            line = indent
        line += piece
        empty = False
    return lines + [line]


def class_summary_lines(grades: ClassGrades, *, width: int | None = None) -> list[str]:
    """The class summary: how many answers, the mean (and without the blank ones), each
    file's score, the spread of scores and the median, per key point how many made it and
    who did not, and the terms the class lacked most. ``width``: the terminal's columns,
    to cut long point texts and wrap lists of names to (None: nothing cut, for a file)."""
    from studyapp.core.textio import cell_width, clip_cells, terminal_safe

    q = grades.question
    graded, blanks, unreadable = grades.graded, grades.blanks, grades.unreadable
    lines = []
    if graded:
        first = f"共 {len(graded)} 份答案，平均得分 {grades.mean:.1f}"
        if blanks:
            rest = grades.mean_without_blanks
            first += f"（其中 {len(blanks)} 份空白；不计空白 " + (f"{rest:.1f}）" if rest is not None else "–）")
    else:
        first = "没有可评分的答案"
    if unreadable:
        first += f"；另有 {len(unreadable)} 份无法读取，未评分"
    lines.append(first)
    for a in grades.answers:
        name = terminal_safe(a.shown)
        if not a.readable:
            lines.append(f"  {'–':>5}  {name}  （无法读取：{terminal_safe(a.why_unreadable)}）")
        else:
            lines.append(f"  {a.score:>5g}  {name}" + ("  （空白）" if a.blank else ""))
    lines.append("")
    if len(graded) >= 2:
        # the mean alone hides a class of two halves: the spread, band by band
        lines.append(
            f"分数分布（中位数 {round(grades.median, 1):g}"
            + (f"；分布和中位数都计入 {len(blanks)} 份空白答卷" if blanks else "") + "）"
        )
        bands = grades.bands()
        most = max(n for _, n in bands)
        scale = 30 / most if most > 30 else 1
        for label, n in bands:
            lines.append(f"  {label:>6}  {'█' * round(n * scale)}{' ' if n else ''}{n}")
        lines.append("")
    # which points the class made and which it missed, and who: what to teach next
    lines.append(
        "各采分点（答到 · 部分 · 未答"
        + (f"；人数含 {len(blanks)} 份空白答卷，名单不含" if blanks and len(graded) > 1 else "") + "）"
    )
    width_ids = max((len(kp.id) for kp in q.key_points), default=0)
    names = grades.short_names()
    weighted = _weighted(q)
    for kp in q.key_points:
        counts = grades.counts(kp.id)
        marks = "  ".join(f"{STATUS_MARK[s]} {counts[s]:>2}" for s in STATUS_MARK)
        head = f"  {terminal_safe(kp.id):<{width_ids}}  {marks}  "
        label = _point_label(kp, weighted)
        if width is not None:
            label = clip_cells(label, max(10, width - cell_width(head)))
        lines.append(head + label)
        if len(graded) > 1:
            for status in ("partial", "missed"):
                who = [terminal_safe(names[a.name]) for a in grades.with_status(kp.id, status)]
                if who:
                    lines += _names_lines(f"      {STATUS_WORD[status]}：", who, width)
    lines.append("")
    written = len(graded) - len(blanks)
    # terms one answer of a class lacks are that answer's business, not the class's
    terms = [(t, n) for t, n in grades.missing_terms() if n > 1 or written <= 2][:MISSING_TERMS_SHOWN]
    if terms and written > 1:
        lines += _names_lines(
            "全班最常缺的词（×几份答卷缺它）：",
            [f"{terminal_safe(t)}×{n}" for t, n in terms],
            width,
            sep="、",
        )
        lines.append("")
    return lines


def class_report(grades: ClassGrades, *, detail: bool = True, width: int | None = None) -> str:
    """What ``studyapp grade`` prints: each file's report (``detail``), then for a class
    (several files, or ``detail`` off) the class summary."""
    lines = []
    if detail:
        for a in grades.answers:
            lines += answer_report_lines(grades.question, a)
            lines.append("")
    if len(grades.answers) > 1 or not detail:
        lines += class_summary_lines(grades, width=width)
    return "\n".join(lines)
