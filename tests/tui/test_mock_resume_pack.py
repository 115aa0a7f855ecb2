"""A mock drawn from a `--pack` pack, interrupted, and resumed by a plain `studyapp` (without
that --pack): its questions are still graded, and the report says how."""
from __future__ import annotations

import shutil

import pytest

from studyapp.core.clock import FakeClock
from studyapp.core.grading import Grader
from studyapp.core.packs import bundled_pack_dir, load_pack
from studyapp.core.session import MockOptions
from studyapp.core.store import Store

from tuiutil import MINI, step

SIZE = (100, 32)
ANSWER = "我会耐心友善地沟通，给邻居示范分类方法，发一份分类指南。"


@pytest.fixture
def db(tmp_path, clock):
    s = Store.open(tmp_path / "data", clock=clock)
    yield s
    s.close()


def app_on(folders, db, clock, options=None):
    from studyapp.tui.app import StudyApp

    return StudyApp([load_pack(f) for f in folders], store=db, clock=clock, mock=options)


async def start_and_quit(pack, db, clock):
    """`studyapp mock --pack PACK` (here: only that pack), notes typed, the terminal closes."""
    app = app_on([pack], db, clock, MockOptions(count=1, types=("人际关系",), think=30, answer=100, seed=1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        question = app.screen.session.current.question
        assert question.id == "sorting-neighbour"
        await step(pilot, clock, 2)
    return question


async def resume_and_answer(db, clock):
    """A plain `studyapp` (the bundled pack only): Enter resumes; the answer is typed; time runs out."""
    from studyapp.tui.report import ReportScreen

    app = app_on([bundled_pack_dir()], db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#mock-answer").insert(ANSWER)
        await pilot.pause()
        await step(pilot, clock, 30)
        await step(pilot, clock, 100)
        assert isinstance(app.screen, ReportScreen)
        q = app.screen.report.questions[0]
        detail = str(app.screen.query_one("#report-detail").render())
        clock.advance(1.5)  # (keys right after the time-up do nothing on the report)
        await pilot.press("enter")  # its review opens
        await pilot.pause()
        opened = type(app.screen).__name__
    return q, detail, opened


async def test_a_resumed_pack_question_is_loaded_from_its_folder_and_graded(tmp_path, db, clock):
    pack = tmp_path / "mypack"
    shutil.copytree(MINI, pack)
    question = await start_and_quit(pack, db, clock)
    q, detail, opened = await resume_and_answer(db, clock)
    expected = Grader(question, thesaurus=load_pack(pack).pack.thesaurus).grade(ANSWER).score
    assert q.score == expected > 0
    assert "没有评分要点" not in detail and "本次没有载入" not in detail
    assert opened == "MockReviewScreen"
    stored = db.sessions(status="finished")[0].questions[0]
    assert stored.score == expected


async def test_a_resumed_pack_question_whose_folder_is_gone_is_graded_by_its_saved_key_points(
    tmp_path, db, clock
):
    pack = tmp_path / "mypack"
    shutil.copytree(MINI, pack)
    question = await start_and_quit(pack, db, clock)
    shutil.rmtree(pack)
    q, detail, opened = await resume_and_answer(db, clock)
    assert q.score == Grader(question).grade(ANSWER).score > 0
    assert "题包 tui-mini 本次没有载入：按这场面试开始时保存的评分要点评分" in detail
    assert "没有评分要点，未评分" not in detail
    assert opened == "MockReviewScreen"  # its review opens from the saved question
