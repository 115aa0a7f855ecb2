"""The end-of-session report: the times, lengths and grades of what was actually typed, and its Markdown."""
from __future__ import annotations

from studyapp.core.clock import FakeClock
from studyapp.core.model import KeyPoint, Question
from studyapp.core.packs import bundled_pack_dir, load_pack
from studyapp.core.report import build_report, count_chars, fmt_duration
from studyapp.core.session import MockSession
from studyapp.core.store import Store

ANSWER = "我会先制定调研方案，组建调研小组，设计问卷和访谈提纲。\n重点了解社区挂牌、报表和盖章情况。"


def run_session(clock):
    pack = load_pack(bundled_pack_dir()).pack
    survey = pack.question("burden-survey")
    odd = Question(id="no-points", prompt="自我介绍 | `code` [b]x[/b]", key_points=(), type=None)
    s = MockSession.build([(pack.id, survey), (pack.id, odd)], clock, think=60, answer=120)
    s.start()
    clock.advance(20)
    s.set_text("提纲")
    s.finish_phase()
    clock.advance(45)
    s.set_text(ANSWER)
    s.finish_phase()  # question 2: let both phases run out, nothing typed
    clock.advance(60 + 120)
    s.tick()
    assert s.finished
    return pack, s


def test_report_times_lengths_speaking_estimate_and_grades():
    clock = FakeClock()
    pack, s = run_session(clock)
    r = build_report(s, thesauri={pack.id: pack.thesaurus}, session_id=7, started_at=clock.now())
    first, second = r.questions
    assert (first.think_used, first.answer_used) == (20, 45)
    assert (first.think_allowed, first.answer_allowed) == (60, 120)
    assert first.chars == count_chars(ANSWER) == len(ANSWER) - 6  # the line break and 5 marks are not spoken
    assert first.speak_s == first.chars * 60 / 200
    assert first.speech_fits and first.speech_verdict.startswith("余")
    # the same grader as everywhere else decides the score and the missed points
    from studyapp.core.grading import Grader

    expected = Grader(s.items[0].question, thesaurus=pack.thesaurus).grade(ANSWER)
    assert first.score == expected.score
    missed_ids = {v.id for v in expected.points if v.status == "missed"}
    assert missed_ids and first.missed == tuple(
        kp.point for kp in s.items[0].question.key_points if kp.id in missed_ids
    )
    assert (second.think_used, second.answer_used, second.timed_out) == (60, 120, ("thinking", "answering"))
    assert second.chars == 0 and second.score is None and second.speech_verdict == "没有作答"
    assert r.think_used == 80 and r.answer_used == 165 and r.time_allowed == 360
    assert r.score == first.score  # the ungraded question does not count as 0
    assert [x.index for x in r.results()] == [0]


def test_markdown_export_shows_everything_literally(tmp_path):
    clock = FakeClock()
    pack, s = run_session(clock)
    r = build_report(s, thesauri={pack.id: pack.thesaurus}, started_at=clock.now())
    md = r.to_markdown()
    assert "| 1 | 组织管理 | 0:20 / 1:00 | 0:45 / 2:00 |" in md
    assert "遗漏的要点：" in md
    for line in ANSWER.splitlines():
        assert line in md
    # pack text cannot break the table or become markup
    assert "自我介绍 \\| \\`code\\` \\[b\\]x\\[/b\\]" in md
    out = r.export(tmp_path)
    assert out.parent == tmp_path and out.suffix == ".md"
    assert out.read_text(encoding="utf-8") == md
    named = r.export(tmp_path / "sub" / "mine.md")
    assert named == tmp_path / "sub" / "mine.md" and named.is_file()


def test_the_exported_file_carries_no_terminal_escapes_from_a_pack_or_an_answer(tmp_path):
    # a pack's prompt with colour codes and a window-title change, an answer pasted with one:
    # `cat report.md` must not turn the terminal red or retitle it
    clock = FakeClock()
    q = Question(id="x", prompt="假如你是\x1b[31m工作人员\x1b[0m\x1b]0;pwned\x07，你怎么办？", type="应急\x1b[1m应变",
                 key_points=(KeyPoint("a", "先\x1b[5m稳住\x1b[0m情绪"),))
    s = MockSession.build([("p", q)], clock, think=1, answer=60)
    s.start()
    s.finish_phase()
    s.set_text("我会先稳住\x1b[2J情绪\x07\n再了解情况")
    s.finish_phase()
    text = build_report(s).export(tmp_path / "r.md").read_text(encoding="utf-8")
    assert not any(ch in text for ch in "\x1b\x07\x9b")
    assert "> 假如你是工作人员，你怎么办？" in text and "## 第 1 题（应急应变）" in text
    assert "我会先稳住情绪\n再了解情况" in text


def test_fenced_answer_survives_backticks():
    clock = FakeClock()
    q = Question(id="x", prompt="p", key_points=(KeyPoint("a", "要点"),))
    s = MockSession.build([("p", q)], clock, think=1, answer=1)
    s.start()
    s.set_text("````\n# 不是标题")
    clock.advance(5)
    s.tick()
    md = build_report(s).to_markdown()
    assert "`````text\n````\n# 不是标题\n`````" in md


def test_finished_session_and_its_grades_are_stored(tmp_path):
    clock = FakeClock()
    pack, s = run_session(clock)
    from studyapp.core.session import SessionRecorder

    store = Store.open(tmp_path / "h.db", clock=clock)
    rec = SessionRecorder(store, s, clock)
    rec.create()
    r = build_report(s, thesauri={pack.id: pack.thesaurus}, session_id=rec.session_id)
    rec.finish(r.results())
    saved = store.session(rec.session_id)
    assert saved.status == "finished"
    assert saved.questions[0].text == ANSWER and saved.questions[0].score == r.questions[0].score
    assert saved.questions[1].score is None
    assert store.attempts(question_id="burden-survey")[0].answer == ANSWER


def test_fmt_duration():
    assert fmt_duration(0) == "0:00" and fmt_duration(59.6) == "1:00" and fmt_duration(754) == "12:34"


def _graded(question, **texts):
    from studyapp.core.grading import Grader
    from studyapp.core.report import GradedAnswer

    grader = Grader(question)
    return tuple(GradedAnswer(name, text=t, grading=grader.grade(t)) for name, t in texts.items())


def test_a_class_counts_bands_at_their_edges_and_names_files_apart():
    from studyapp.core.report import ClassGrades, GradedAnswer

    q = Question(id="q", prompt="?", key_points=(KeyPoint("a", "精简考核", keywords=(("考核",),)),))
    answers = _graded(q, **{"x/03-李娜.txt": "考核", "y/04-王芳.txt": "", "-": "。。"})
    grades = ClassGrades(q, answers + (GradedAnswer("z.docx", error="a Word document"),))
    assert [a.blank for a in grades.answers] == [False, True, True, False]
    assert (grades.mean, grades.mean_without_blanks, grades.median) == (100 / 3, 100.0, 0.0)
    assert grades.bands() == [("0–39", 2), ("40–59", 0), ("60–79", 0), ("80–100", 1)]
    assert grades.short_names() == {"x/03-李娜.txt": "03-李娜", "y/04-王芳.txt": "04-王芳", "-": "<stdin>",
                                    "z.docx": "z"}
    twins = ClassGrades(q, _graded(q, **{"a/01.txt": "考核", "b/01.txt": ""}))
    assert twins.short_names() == {"a/01.txt": "a/01.txt", "b/01.txt": "b/01.txt"}  # not two 01s
    assert [a.name for a in grades.sorted_by_score().answers] == ["x/03-李娜.txt", "y/04-王芳.txt", "-", "z.docx"]


def test_the_most_missed_terms_leave_blank_answers_out():
    from studyapp.core.report import ClassGrades

    q = Question(id="q", prompt="?", key_points=(
        KeyPoint("a", "精简考核，给社区减负", keywords=(("考核",), ("减负",))),
        KeyPoint("b", "放权赋能", keywords=(("放权",),)),
    ))
    grades = ClassGrades(q, _graded(q, one="精简考核", two="放权赋能", three="讲政策", four="放权", five="", six=" "))
    # 减负 lacks in one's answer too, but its point is made: not counted. Blank answers lack
    # everything and would make every term "most missed" (5, 5, 4): left out
    assert grades.missing_terms() == [("考核", 3), ("减负", 3), ("放权", 2)]


def test_the_export_keeps_covered_points_the_reference_and_the_notes_apart_from_the_answer(tmp_path):
    clock = FakeClock()
    pack = load_pack(bundled_pack_dir()).pack
    survey = pack.question("burden-survey")
    s = MockSession.build([(pack.id, survey)], clock, think=60, answer=120, listen=True)
    s.start()
    clock.advance(s.current.reading_s)
    s.tick()
    s.set_text("要点：调研")  # notes while thinking
    s.reread()
    clock.advance(20)
    s.finish_phase()
    s.set_text("要点：调研\n" + ANSWER)
    clock.advance(45)
    s.finish_phase()
    r = build_report(s, thesauri={pack.id: pack.thesaurus}, started_at=clock.now())
    q = r.questions[0]
    assert q.notes == "要点：调研" and q.chars == count_chars(ANSWER)  # the notes are not counted
    md = r.to_markdown()
    assert "字数只计作答部分（思考时记的笔记不计" in md
    assert f"作答 {count_chars(ANSWER)} 字" in md
    notes_at, answer_at = md.index("思考笔记（不计字数）："), md.index("作答：")
    assert notes_at < md.index("要点：调研") < answer_at < md.index(ANSWER.splitlines()[0])
    assert "答到的要点：" in md and all(p in md for p in q.covered) and q.covered
    assert "参考答案：" in md and survey.reference.strip().splitlines()[0][:20] in md
    assert f"听题：读题 {fmt_duration(s.items[0].reading_s)}，重听过一次。" in md


def test_report_file_names_tell_same_named_answers_apart_by_their_folders():
    from studyapp.core.report import report_file_names

    # one folder per student: the folder in front, never a counter that is another's name
    assert report_file_names(["sub/A/作业.txt", "sub/B/作业.txt", "sub/B/作业-2.txt"]) == {
        "sub/A/作业.txt": "A-作业-评分.txt", "sub/B/作业.txt": "B-作业-评分.txt", "sub/B/作业-2.txt": "作业-2-评分.txt",
    }
    # a plain name stays its own answer's: A-作业.txt keeps A-作业, sub/A/作业.txt goes further
    assert report_file_names(["x/A/作业.txt", "x/B/作业.txt", "x/A-作业.txt"]) == {
        "x/A/作业.txt": "x-A-作业-评分.txt", "x/B/作业.txt": "B-作业-评分.txt", "x/A-作业.txt": "A-作业-评分.txt",
    }
    # in one folder the ending tells them apart; and the name a.txt would have is nobody's
    assert report_file_names(["d/a.txt", "d/a.md", "e/a.txt", "-"]) == {
        "d/a.txt": "a.txt-评分.txt", "d/a.md": "a.md-评分.txt", "e/a.txt": "e-a-评分.txt", "-": "stdin-评分.txt",
    }
    # never two the same, even on a disk that does not tell A from a
    names = report_file_names(["k/A.txt", "k/a.txt"])
    assert len({n.casefold() for n in names.values()}) == 2 and names["k/A.txt"] == "A-评分.txt"


def test_a_report_of_grade_out_is_told_from_an_answer():
    from studyapp.core.report import ClassGrades, GradedAnswer, answer_report_lines, is_answer_report

    q = Question(id="q", prompt="谈谈减负。", key_points=(KeyPoint("a", "精简考核", keywords=(("考核",),)),))
    (answer,) = _graded(q, **{"01-张伟.txt": "精简考核"})
    report = "\n".join(answer_report_lines(q, answer, prompt=True)) + "\n"
    assert is_answer_report(report)
    unreadable = "\n".join(answer_report_lines(q, GradedAnswer("x.docx", error="e", error_zh="这是 Word 文档"), prompt=True))
    assert is_answer_report(unreadable) and unreadable.endswith("无法读取，未评分：这是 Word 文档")
    assert not is_answer_report("题目（q）：谈谈减负。\n\n我认为要精简考核。")  # an answer that copies the prompt
    assert not is_answer_report("精简考核")
    assert ClassGrades(q, (answer,)).short_names() == {"01-张伟.txt": "01-张伟"}


def test_the_characters_counted_are_those_spoken():
    """Punctuation is not said; a Latin word is said as a word, not letter by letter; a
    number digit by digit (12345 热线: 一二三四五)."""
    assert count_chars("一、先安抚情绪，请他坐下。") == 10
    assert count_chars("（1）①③；“好”……") == 4
    assert count_chars("连上WiFi，打开APP") == 4 + 2 + 2
    assert count_chars("ＡＰＰ") == count_chars("APP") == 2  # full width as half
    assert count_chars("拨打12345热线") == 2 + 5 + 2
    assert count_chars(" \n\t ") == 0
