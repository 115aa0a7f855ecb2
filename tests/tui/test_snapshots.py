"""How the four main screens look at 100x32 (pytest-textual-snapshot).

Regenerate after an intended change with
    python -m pytest tests/tui/test_snapshots.py --snapshot-update
and look at the SVGs (snapshot_report.html on failure) before committing.
Content is fixed: the tests/tui/fixtures/mini pack and a FakeClock.
"""
from __future__ import annotations

from textual.widgets import TextArea, Tree

from tuiutil import MINI, REVIEW_ANSWER, make_app, review_grading

SIZE = (100, 32)
ANSWER = REVIEW_ANSWER


async def _open(pilot, label_part: str) -> None:
    await pilot.pause()  # let the home screen compose
    tree = pilot.app.screen.query_one(Tree)
    lines = [tree.get_node_at_line(i).label.plain for i in range(tree.last_line + 1)]
    index = next(i for i, line in enumerate(lines) if label_part in line)
    while tree.cursor_line < index:
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


def test_home(snap_compare):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("down", "down", "down", "down")  # a question: its detail on the right

    assert snap_compare(make_app(MINI), terminal_size=SIZE, run_before=run_before)


def test_topic(snap_compare):
    async def run_before(pilot):
        await _open(pilot, "垃圾分类进社区")
        await pilot.pause()

    assert snap_compare(make_app(MINI), terminal_size=SIZE, run_before=run_before)


def test_practice(snap_compare, clock):
    async def run_before(pilot):
        await _open(pilot, "一阵风")
        pilot.app.screen.query_one(TextArea).insert(ANSWER)
        clock.advance(83)
        await pilot.press("end")  # the elapsed time refreshes on a key (the meter stays off: the default)
        await pilot.pause()

    assert snap_compare(make_app(MINI, clock=clock), terminal_size=SIZE, run_before=run_before)


def test_review(snap_compare, clock):
    async def run_before(pilot):
        from studyapp.tui.review import ReviewScreen

        await pilot.pause()
        app = pilot.app
        pack = app.packs[0]
        question = pack.question("sorting-view")
        await app.push_screen(ReviewScreen(pack, question, ANSWER, review_grading(), duration_s=125, attempt_id=1))
        await pilot.press("r")  # the reference answer revealed
        await pilot.pause()

    assert snap_compare(make_app(MINI, clock=clock), terminal_size=SIZE, run_before=run_before)
