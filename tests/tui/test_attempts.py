"""A daily candidate looks back: a question's past answers from home (h), each one's review
again; the home marker after a skipped mock question; home labels as wide as the tree."""
from __future__ import annotations

import sqlite3

from rich.cells import cell_len
from textual.widgets import DataTable, Static, TextArea, Tree

from studyapp.core.grading import Grader
from studyapp.core.packs import load_pack
from studyapp.core.paths import bundled_pack_dir
from studyapp.core.report import count_chars
from studyapp.core.safe_text import sanitize_line
from studyapp.core.store import Draft, QuestionResult, grading_basis
from studyapp.tui.attempts import AttemptsScreen, PastReviewScreen, when_text
from studyapp.tui.home import HomeScreen
from studyapp.tui.review import ReviewScreen

from tuiutil import MINI, go_to, make_app, tree_lines

FIRST = "宣传引导"
SECOND = "一要加强宣传引导，帮助居民养成习惯。\n二要完善投放点设施。"
PACK = load_pack(MINI).pack


def plain(widget: Static) -> str:
    visual = widget.visual
    return visual.plain if hasattr(visual, "plain") else str(visual)


def rows(screen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(getattr(c, "plain", c)).strip() for c in table.get_row_at(i)] for i in range(table.row_count)]


def shows_outline(review, answer: str) -> bool:
    """The review holds ``answer`` and shows every character of it, in order (among the
    marks the review may add to the evidence)."""
    shown = iter(plain(review.query_one("#review-answer", Static)))
    return review.answer == answer and all(ch in shown for ch in answer)


def when(attempt) -> str:
    return attempt.created_at.astimezone().strftime("%Y-%m-%d %H:%M")


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def move_to(pilot, label_part: str) -> None:
    """Put the home tree's cursor on the first line containing ``label_part``."""
    tree = pilot.app.screen.query_one(Tree)
    tree.cursor_line = next(i for i, line in enumerate(tree_lines(pilot.app)) if label_part in line)
    await pilot.pause()


async def answer(pilot, text: str, clock, seconds: float) -> None:
    """Open 一阵风 from home, write ``text`` in ``seconds``, submit, and go back home."""
    await go_to(pilot, "一阵风")
    pilot.app.screen.query_one(TextArea).insert(text)
    clock.advance(seconds)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReviewScreen)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)


async def test_past_answers_are_listed_newest_first_and_reopen_their_review(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await answer(pilot, FIRST, clock, 30)
        clock.advance(3600 * 26)  # the next day
        await answer(pilot, SECOND, clock, 95)
        newest, oldest = store.attempts(question_id="sorting-view")
        await move_to(pilot, "一阵风")
        assert "h 历次作答" in plain(app.screen.query_one("#detail", Static))

        await pilot.press("h")
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, AttemptsScreen)
        assert "共 2 次作答" in plain(listing.query_one("#attempts-title", Static))
        assert rows(listing) == [
            [when(newest), str(round(newest.score)), "01:35", str(count_chars(SECOND)), "练习",
             "一要加强宣传引导，帮助居民养成习惯。"],
            [when(oldest), str(round(oldest.score)), "00:30", "4", "练习", FIRST],
        ]
        assert when(newest) != when(oldest)

        # the older one: its review as it was, with the outline written then
        await pilot.press("down", "enter")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, PastReviewScreen)
        assert shows_outline(review, FIRST)
        assert review.grading.to_dict() == oldest.grading
        summary = plain(review.query_one("#review-summary", Static))
        assert f"得分 {round(oldest.score)} / 100" in summary and "用时 00:30" in summary
        assert when(oldest) in review.sub_title
        await pilot.press("r")  # the review's keys work as after answering
        assert review.query_one("#reference").display

        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is listing
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert len(store.attempts()) == 2  # looking back saved nothing


async def test_answering_again_from_a_past_review_compares_with_that_outline(store, clock):
    store.save_attempt(pack_id=PACK.id, question_id="sorting-view", answer=FIRST, score=30,
                       grading=Grader(PACK.question("sorting-view")).grade(FIRST).to_dict(), duration_s=30)
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await move_to(pilot, "一阵风")
        await pilot.press("h", "enter")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert plain(app.screen.query_one("#previous-answer", Static)) == FIRST
        # named by its date: it need not be the last attempt (an older one may have been opened)
        from textual.widgets import Collapsible

        title = app.screen.query_one("#previous", Collapsible).title
        assert title.startswith(when_text(store.attempts()[0])) and "的提纲" in title and "上一次" not in title
        app.screen.query_one(TextArea).insert(SECOND)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # from the new review back to the list, which shows it first
        await pilot.pause()
        assert isinstance(app.screen, AttemptsScreen)
        assert [r[-1] for r in rows(app.screen)] == ["一要加强宣传引导，帮助居民养成习惯。", FIRST]
    assert len(store.attempts()) == 2


async def test_a_damaged_saved_grading_is_graded_again_with_a_notice(store, clock):
    question = PACK.question("sorting-view")
    fresh = Grader(question).grade(SECOND)
    damaged = [
        {},  # (what the store gives for JSON it cannot read, too)
        {"score": "八十", "points": []},
        {"score": 80, "points": [{"id": "habit", "status": "covered", "evidence": [[0, 9999]]}]},
        {"score": 80, "points": [dict(p, evidence=[["0", 3]]) for p in fresh.to_dict()["points"]]},
        # the pack's key points changed since: a point the question no longer has
        {"score": 80, "points": [dict(p, id=p["id"] + "-old") for p in fresh.to_dict()["points"]]},
        {"score": float("nan"), "points": fresh.to_dict()["points"]},
    ]
    for grading in damaged:
        store.save_attempt(pack_id=PACK.id, question_id=question.id, answer=SECOND, score=80, grading=grading)
    broken = store.save_attempt(pack_id=PACK.id, question_id=question.id, answer=SECOND, score=80, grading={})
    with sqlite3.connect(store.path) as c:  # not JSON at all
        c.execute("UPDATE attempts SET grading = '{\"score\": 8' WHERE id = ?", (broken,))
    # a sound one that says more than the grader would now: shown as it was saved
    saved = dict(fresh.to_dict(), score=100.0)
    saved["points"] = [dict(p, status="covered") for p in saved["points"]]
    store.save_attempt(pack_id=PACK.id, question_id=question.id, answer=SECOND, score=100, grading=saved)

    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await move_to(pilot, "一阵风")
        await pilot.press("h")
        await pilot.pause()
        listing = app.screen
        # each row shows the score its review shows: graded again, beside the one saved then
        assert [r[1] for r in rows(listing)] == ["100"] + [f"{round(fresh.score)}（当时 80）"] * 7
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.grading.score == 100 and not notices(app)
        summary = plain(app.screen.query_one("#review-summary", Static))
        assert "得分 100 / 100" in summary and "✔ 覆盖 3" in summary
        await pilot.press("escape")
        for row in range(1, 8):
            await pilot.pause()
            listing.query_one(DataTable).move_cursor(row=row)
            await pilot.press("enter")
            await pilot.pause()
            review = app.screen
            assert isinstance(review, PastReviewScreen), row
            assert review.grading == fresh, row
            assert shows_outline(review, SECOND)
            assert f"重新评的分：{round(fresh.score)} 分（当时 80 分）" in notices(app)[-1]
            # it says which of the two happened: only row 3's points are not the question's
            changed = "这道题的采分点在这次作答之后改过" in notices(app)[-1]
            damaged = "这次作答保存的评分记录已损坏" in notices(app)[-1]
            assert (changed, damaged) == ((True, False) if row == 3 else (False, True)), row
            assert ("采分点改过" if row == 3 else "记录损坏") in plain(review.query_one("#review-summary", Static))
            await pilot.press("escape")
        await pilot.pause()
        assert app.screen is listing
    assert len(store.attempts()) == 8


async def test_h_says_why_when_there_is_nothing_to_list(store):
    app = make_app(MINI, store=store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")  # on the pack
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert notices(app)[-1] == "先选一道题，再按 h 查看它的历次作答。"
        await move_to(pilot, "一阵风")
        assert "h 历次作答" not in plain(app.screen.query_one("#detail", Static))
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert notices(app)[-1] == "这道题还没有作答记录。"


def graded(qid: str, text: str) -> dict:
    """The mini pack's grading of ``text``, as the app saves it."""
    return Grader(PACK.question(qid)).grade(text).to_dict()


def save_graded(store, qid: str, text: str) -> int:
    """Save ``text`` as a practice answer to ``qid``, graded as the app would; its rounded score."""
    grading = graded(qid, text)
    store.save_attempt(pack_id=PACK.id, question_id=qid, answer=text, score=grading["score"], grading=grading,
                       basis=grading_basis(PACK.question(qid)))
    return round(grading["score"])


def finish_mock(store, answers: dict[str, str]) -> None:
    """A finished mock session: question id -> what was typed (graded as the app would)."""
    qs = [(PACK.id, qid, PACK.question(qid).prompt) for qid in answers]
    sid = store.create_session(config={}, questions=qs, state={})
    results = []
    for i, (qid, text) in enumerate(answers.items()):
        grading = graded(qid, text)
        results.append(QuestionResult(i, grading["score"], grading, grading_basis(PACK.question(qid))))
    store.finish_session(
        sid,
        state={},
        drafts=[Draft(i, text, "done", 0, 10, 20) for i, text in enumerate(answers.values())],
        results=results,
    )


async def test_a_question_skipped_in_a_mock_keeps_its_last_score_on_home(store, clock):
    view = save_graded(store, "sorting-view", FIRST)
    save_graded(store, "sorting-plan", "先调研")
    clock.advance(86400)
    finish_mock(store, {
        "sorting-view": " \n",  # skipped: nothing typed
        "sorting-plan": "先调研再宣传，总结反馈",  # answered in the mock: the newest score
        "sorting-neighbour": "",  # never answered anywhere
    })
    plan = round(store.attempts(question_id="sorting-plan")[0].score)
    assert view > 0 and plan > 0
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        lines = {key: next(line.lstrip("│├└ ") for line in tree_lines(app) if key in line)
                 for key in ("一阵风", "组织一次", "邻居")}
        assert lines["一阵风"].startswith(f"{view}分 01-01 ")
        assert lines["组织一次"].startswith(f"{plan}分 01-02 ")
        assert lines["邻居"].startswith("邻居")
        await move_to(pilot, "一阵风")
        assert f"上次：{view} 分 · 01-01" in plain(app.screen.query_one("#detail", Static))
        # the skipped one is still in the question's history, as what it was
        await pilot.press("h")
        await pilot.pause()
        assert [r[1:] for r in rows(app.screen)] == [
            ["0", "00:30", "0", "模拟", "（没有作答）"],
            [str(view), "–", "4", "练习", FIRST],
        ]


def _row_texts(app) -> list[str]:
    """The home tree's rows as shown, each cut at the tree's right edge."""
    tree = app.screen.query_one(Tree)
    right = tree.region.right
    out = []
    for strip in app.screen._compositor.render_strips()[tree.region.y : tree.region.bottom]:
        text, cells = "", 0
        for ch in "".join(seg.text for seg in strip):
            cells += cell_len(ch)
            if cells > right:
                break
            text += ch
        out.append(text.rstrip())
    return out


async def test_home_titles_use_the_width_of_the_tree(store):
    pack = load_pack(bundled_pack_dir()).pack
    practised = pack.questions[0]
    grading = Grader(practised, pack.thesaurus).grade(practised.reference).to_dict()
    store.save_attempt(pack_id=pack.id, question_id=practised.id, answer=practised.reference,
                       score=grading["score"], grading=grading, basis=grading_basis(practised))
    mark = f"{round(grading['score'])}分"
    from studyapp.tui.app import StudyApp

    app = StudyApp([load_pack(bundled_pack_dir())], store=store, voice=None)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()

        def question_rows():
            shown = _row_texts(app)
            return [next(r for r in shown if q.prompt[:10] in r) for q in pack.questions]

        tree = app.screen.query_one(Tree)
        wide = question_rows()
        assert tree.region.width > 100
        cut = [r for r in wide if r.endswith("…")]
        assert cut and len(cut) < len(wide)  # long prompts cut, short ones whole
        for row in cut:  # a cut row reaches (nearly) the tree's edge
            assert cell_len(row) >= tree.region.width - 2, row
        for row, q in zip(wide, pack.questions):
            if not row.endswith("…"):
                assert row.endswith(sanitize_line(q.prompt)), row
        scored = next(r for r in wide if mark in r)
        assert scored.lstrip("│├└ ").startswith(f"{mark} 01-01 " + practised.prompt[:20])

        await pilot.resize_terminal(80, 24)  # the same screen, narrower: cut again, shorter
        await pilot.pause()
        narrow = question_rows()
        assert tree.region.width < 60
        for row in narrow:
            assert cell_len(row) <= tree.region.width
        assert all(r.endswith("…") for r in narrow if cell_len(r) >= tree.region.width - 1)
        scored = next(r for r in narrow if mark in r)
        assert scored.endswith("…") and scored.lstrip("│├└ ").startswith(f"{mark} 01-01 ")
        assert sum(cell_len(r) for r in narrow) < sum(cell_len(r) for r in wide) * 0.6

        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert question_rows() == wide


def test_the_help_and_the_readme_name_the_keys_of_past_answers():
    from pathlib import Path

    from studyapp.tui.help import help_text

    text = help_text()
    home = text.split("### 主页")[1].split("###")[0]
    assert "| h |" in home
    section = text.split("### 历次作答")[1].split("###")[0]
    shown = [b for b in AttemptsScreen.BINDINGS if b.show and b.description]
    names = {"question_mark": "?"}
    for b in shown:
        assert f"| {names.get(b.key, b.key)} |" in section, b.key
    assert "↑ ↓ enter" in section
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "| home | `h` |" in readme
    assert any(b.key == "h" and b.description == "历史" for b in HomeScreen.BINDINGS)


async def test_back_home_after_practising_a_question_found_by_search_h_shows_its_answers(store, clock):
    from tuiutil import settle_palette

    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"一阵风")
        await settle_palette(pilot)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(TextArea).insert(FIRST)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("h")  # the cursor is on the question just practised
        await pilot.pause()
        assert isinstance(app.screen, AttemptsScreen) and app.screen.question.id == "sorting-view"


async def test_the_past_answers_heading_shows_the_whole_prompt_when_there_is_room(store, clock):
    from studyapp.core.packs import bundled_pack_dir, load_pack

    bundled = load_pack(bundled_pack_dir()).pack
    question = max(bundled.questions, key=lambda q: len(q.prompt))  # 100 characters
    store.save_attempt(pack_id=bundled.id, question_id=question.id, answer="答", score=10,
                       grading=Grader(question, bundled.thesaurus).grade("答").to_dict(), duration_s=30)
    app = make_app(bundled_pack_dir(), store=store, clock=clock)
    async with app.run_test(size=(160, 40)) as pilot:
        await move_to(pilot, question.prompt[:12])
        await pilot.press("h")
        await pilot.pause()
        heading = str(app.screen.query_one("#attempts-title").render())
        assert question.prompt.strip() in heading  # not cut at 60 characters with room to spare


async def test_home_and_end_go_to_the_newest_and_the_oldest_answer(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        for n in range(5):
            await answer(pilot, f"第{n + 1}次：宣传引导", clock, 30)
            clock.advance(3600)
        await move_to(pilot, "一阵风")
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == 4 and rows(app.screen)[4][-1] == "第1次：宣传引导"
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("end", "enter")  # the oldest answer's review
        await pilot.pause()
        assert isinstance(app.screen, PastReviewScreen) and app.screen.answer == "第1次：宣传引导"


async def test_an_attempts_time_is_the_same_in_the_list_and_in_its_review(store, clock):
    # 4.5 s: the review rounds it to 00:05, and so does the list of past answers (it cut it to 00:04)
    store.save_attempt(pack_id=PACK.id, question_id="sorting-view", answer=FIRST, score=30,
                       grading=Grader(PACK.question("sorting-view")).grade(FIRST).to_dict(), duration_s=4.544)
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await move_to(pilot, "一阵风")
        await pilot.press("h")
        await pilot.pause()
        assert rows(app.screen)[0][2] == "00:05"
        await pilot.press("enter")
        await pilot.pause()
        assert "用时 00:05" in plain(app.screen.query_one("#review-summary", Static))
