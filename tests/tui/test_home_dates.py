"""The date beside a question's score on the home screen says its year when it is not this
year's (session 11, #3): an answer of last November is not a few days old. This year's stays
short. "This year" is the app's clock (injected), in the computer's time zone."""
from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest
from textual.widgets import Static, Tree

from studyapp.core.clock import FakeClock
from studyapp.core.grading import Grader
from studyapp.core.packs import load_pack
from studyapp.core.store import Store, grading_basis

from tuiutil import MINI, make_app, tree_lines


@pytest.fixture
def shanghai(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


PACK = load_pack(MINI).pack


def answered(store: Store, qid: str, answer: str) -> int:
    """``answer`` saved as a practice answer to ``qid``, graded as the app would; its score."""
    question = PACK.question(qid)
    grading = Grader(question, thesaurus=PACK.thesaurus).grade(answer)
    store.save_attempt(pack_id=PACK.id, question_id=qid, answer=answer, score=grading.score,
                       grading=grading.to_dict(), basis=grading_basis(question))
    return round(grading.score)


def line_of(app, part: str) -> str:
    return next(line.lstrip("│├└ ") for line in tree_lines(app) if part in line)


async def test_a_score_from_another_year_shows_its_year(tmp_path, shanghai):
    then = FakeClock(datetime(2025, 11, 27, 2, 0, tzinfo=timezone.utc))  # 10:00 in Shanghai
    store = Store.open(tmp_path / "data", clock=then)
    try:
        view = answered(store, "sorting-view", "加强监督，宣传引导")
        then.advance((datetime(2025, 12, 31, 20, 0, tzinfo=timezone.utc) - then.now()).total_seconds())
        plan = answered(store, "sorting-plan", "先调研再宣传")  # 2026-01-01 04:00 in Shanghai: this year
        now = FakeClock(datetime(2026, 1, 5, 4, 0, tzinfo=timezone.utc))
        app = make_app(MINI, store=store, clock=now)
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            assert line_of(app, "一阵风").startswith(f"{view:>3}分 2025-11-27 ".lstrip())
            assert line_of(app, "组织一次").startswith(f"{plan:>3}分 01-01 ".lstrip())
            tree = app.screen.query_one(Tree)
            tree.cursor_line = next(i for i, line in enumerate(tree_lines(app)) if "一阵风" in line)
            await pilot.pause()
            detail = app.screen.query_one("#detail", Static).visual
            assert f"上次：{view} 分 · 2025-11-27" in getattr(detail, "plain", str(detail))
        # the same answers, seen in 2025: both short
        app = make_app(MINI, store=store, clock=FakeClock(datetime(2025, 12, 1, tzinfo=timezone.utc)))
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            assert line_of(app, "一阵风").startswith(f"{view:>3}分 11-27 ".lstrip())
            assert line_of(app, "组织一次").startswith(f"{plan:>3}分 2026-01-01 ".lstrip())
    finally:
        store.close()
