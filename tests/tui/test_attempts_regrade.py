"""A tutor updates a pack after the class has practised: a past answer's saved grading is
shown only while the key points it was graded against are unchanged (text, keywords and
weights, not only ids); otherwise home, the past answers' list and the review all show the
answer graded again, and say why and what the score was then."""
from __future__ import annotations

import time
from pathlib import Path

from textual.widgets import DataTable, Static, TextArea, Tree

from studyapp.core.grading import Grader
from studyapp.core.packs import load_pack
from studyapp.tui.attempts import AttemptsScreen, PastReviewScreen
from studyapp.tui.home import HomeScreen
from studyapp.tui.review import ReviewScreen

from tuiutil import make_app, tree_lines

PACK_YAML = "id: tutor-class\ntitle: 周末面试班\nversion: '1.0'\n"
# explore-s9b #1: the tutor rewrites point 3 and keeps its id
QUESTION = """\
id: organize-training
type: 组织管理
prompt: 单位让你组织一次返乡大学生创业培训，你会怎么做？
reference: 先调研需求，再制定方案，做好宣传通知，最后总结评估。
key_points:
  - id: research
    point: 前期调研，了解培训需求。
    keywords: [调研, 需求]
  - id: plan
    point: 制定方案，确定课程和师资。
    keywords: [方案, [课程, 师资]]
  - id: publicity
    point: {publicity}
    keywords: {keywords}
    weight: {weight}
  - id: evaluate
    point: 培训后评估效果，回访跟踪，总结经验。
    keywords: [[评估, 回访], 总结]
"""
V1 = dict(publicity="做好宣传通知。", keywords="[宣传, 通知]", weight=1)
V2 = dict(publicity="建立报名登记台账，统计参训人数。", keywords="[[台账, 登记], 参训人数]", weight=1)
ANSWER = "一、调研需求。二、制定方案，请专家讲课。三、公众号宣传，发通知。"


def write_pack(folder: Path, **fields) -> Path:
    (folder / "questions").mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (folder / "questions" / "q.yaml").write_text(QUESTION.format(**fields), encoding="utf-8")
    return folder


def plain(widget: Static) -> str:
    visual = widget.visual
    return visual.plain if hasattr(visual, "plain") else str(visual)


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def home_line(app) -> str:
    return next(line for line in tree_lines(app) if "返乡大学生" in line)


async def on_question(pilot) -> None:
    tree = pilot.app.screen.query_one(Tree)
    tree.cursor_line = next(i for i, line in enumerate(tree_lines(pilot.app)) if "返乡大学生" in line)
    await pilot.pause()


async def answer_it(store, clock, pack: Path, text: str) -> float:
    """Open the question in the app on ``pack``, write ``text``, submit; the score shown."""
    app = make_app(pack, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await on_question(pilot)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(TextArea).insert(text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        return app.screen.grading.score


def point_texts(review) -> list[str]:
    return [plain(w) for w in review.query(".point")]


async def test_a_point_rewritten_under_its_id_is_graded_again_on_home_in_the_list_and_in_the_review(
    store, clock, tmp_path
):
    v1 = write_pack(tmp_path / "v1", **V1)
    then = await answer_it(store, clock, v1, ANSWER)
    assert round(then) == 75  # 宣传 and 通知: point 3 covered under its first text
    v2 = write_pack(tmp_path / "v2", **V2)  # the tutor's new version, same ids
    now = Grader(load_pack(v2).pack.questions[0]).grade(ANSWER).score
    assert round(now) == 50

    app = make_app(v2, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        # home: the score the review will show, marked as graded again
        assert home_line(app).lstrip("│├└ ").startswith("50分 01-01 重评 ")
        await on_question(pilot)
        detail = plain(app.screen.query_one("#detail", Static))
        assert "上次：50 分 · 01-01（题目的采分点改过，已重新评分；当时 75 分）" in detail

        await pilot.press("h")
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, AttemptsScreen)
        table = listing.query_one(DataTable)
        assert str(table.get_row_at(0)[1]).strip() == "50（当时 75）"
        assert "已按现在的采分点重新评分" in plain(listing.query_one("#attempts-title", Static))

        await pilot.press("enter")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, PastReviewScreen)
        summary = plain(review.query_one("#review-summary", Static))
        assert "得分 50 / 100" in summary and "采分点改过，已重新评分（当时 75 分）" in summary
        # the new point is not 'covered' by 公众号 and 通知
        third = point_texts(review)[2]
        assert "建立报名登记台账" in third and "✘ 未覆盖" in third and "公众号" not in third
        assert notices(app)[-1] == (
            "这道题的采分点在这次作答之后改过（要点的文字、关键词或权重），保存的评分已不适用；"
            "下面是按现在的采分点重新评的分：50 分（当时 75 分）。"
        )
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert len(store.attempts()) == 1 and store.attempts()[0].score == then  # history kept as it was


async def test_what_does_not_change_the_grading_keeps_the_saved_one_and_a_new_weight_does_not(
    store, clock, tmp_path
):
    v1 = write_pack(tmp_path / "v1", **V1)
    await answer_it(store, clock, v1, "一、调研需求。二、制定方案。")  # points 1 and 2 of 4: 50
    # the prompt and the reference reworded, the point quoted: the grading still fits
    same = write_pack(tmp_path / "same", **dict(V1, publicity="'做好宣传通知。  '"))
    q = same / "questions" / "q.yaml"
    q.write_text(q.read_text(encoding="utf-8").replace("你会怎么做", "你打算怎样做")
                 .replace("reference: 先调研", "reference: 首先调研"), encoding="utf-8")
    app = make_app(same, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        assert home_line(app).lstrip("│├└ ").startswith("50分 01-01 单位")
        await on_question(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert str(app.screen.query_one(DataTable).get_row_at(0)[1]).strip() == "50"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PastReviewScreen) and not notices(app)
        assert "重新评分" not in plain(app.screen.query_one("#review-summary", Static))

    # the points the answer missed now weigh 3: the same verdicts earn 40, not 50
    heavier = write_pack(tmp_path / "heavier", **dict(V1, weight=4))
    app = make_app(heavier, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        assert home_line(app).lstrip("│├└ ").startswith("29分 01-01 重评 ")
        await on_question(pilot)
        await pilot.press("h", "enter")
        await pilot.pause()
        assert "得分 29 / 100" in plain(app.screen.query_one("#review-summary", Static))
        assert "重新评的分：29 分（当时 50 分）" in notices(app)[-1]


async def test_an_answer_saved_before_the_app_kept_what_it_was_graded_against(store, clock, tmp_path):
    """Attempts of an older studyapp have no record of the points they were graded against:
    what their grading says (ids, terms, score under the weights) is compared instead."""
    v1 = write_pack(tmp_path / "v1", **V1)
    question = load_pack(v1).pack.questions[0]
    grading = Grader(question).grade(ANSWER).to_dict()
    store.save_attempt(pack_id="tutor-class", question_id=question.id, answer=ANSWER,
                       score=grading["score"], grading=grading)  # no basis, as schema 5 saved it
    assert store.attempts()[0].basis is None

    app = make_app(v1, store=store, clock=clock)  # the same pack: shown as saved
    async with app.run_test(size=(100, 32)) as pilot:
        assert home_line(app).lstrip("│├└ ").startswith("75分 01-01 单位")
        await on_question(pilot)
        await pilot.press("h", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PastReviewScreen) and not notices(app)
        assert "✔ 覆盖" in point_texts(app.screen)[2]

    for name, fields in (("v2", V2), ("weight", dict(V1, weight=2))):
        app = make_app(write_pack(tmp_path / name, **fields), store=store, clock=clock)
        async with app.run_test(size=(100, 32)) as pilot:
            now = round(Grader(app.packs[0].questions[0]).grade(ANSWER).score)
            assert now != 75, name
            assert home_line(app).lstrip("│├└ ").startswith(f"{now}分 01-01 重评 "), name
            await on_question(pilot)
            await pilot.press("h", "enter")
            await pilot.pause()
            assert f"得分 {now} / 100" in plain(app.screen.query_one("#review-summary", Static)), name
            assert notices(app)[-1].startswith("这道题的采分点在这次作答之后改过"), name


async def test_a_long_list_of_answers_graded_again_opens_at_once(store, clock, tmp_path):
    """40 answers of the old version, each graded again for the list (measured: about 30 ms)."""
    v1 = write_pack(tmp_path / "v1", **V1)
    question = load_pack(v1).pack.questions[0]
    grader = Grader(question)
    for i in range(40):
        text = ANSWER + f"\n第{i}条：总结评估，回访跟踪。" * (i % 3)
        g = grader.grade(text).to_dict()
        store.save_attempt(pack_id="tutor-class", question_id=question.id, answer=text, score=g["score"], grading=g)
    app = make_app(write_pack(tmp_path / "v2", **V2), store=store, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_question(pilot)
        started = time.perf_counter()
        await pilot.press("h")
        await pilot.pause()
        took = time.perf_counter() - started
        table = app.screen.query_one(DataTable)
        assert table.row_count == 40
        assert all("（当时 " in str(table.get_row_at(i)[1]) for i in range(40))
        assert took < 2.0, took  # generous for a loaded machine; the grading itself is ~1 ms each
