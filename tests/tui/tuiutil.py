"""Helpers for the TUI tests (imported by name: tests/tui is on sys.path under pytest)."""
from __future__ import annotations

from pathlib import Path

from studyapp.core.clock import FakeClock
from studyapp.core.packs import load_pack

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
HOSTILE = FIXTURES / "hostile"
BROKEN = FIXTURES / "broken"


def make_app(*pack_dirs: Path, store=None, clock=None, **kwargs):
    from studyapp.tui.app import StudyApp

    results = [load_pack(d) for d in (pack_dirs or (MINI,))]
    return StudyApp(results, store=store, clock=clock or FakeClock(), **kwargs)


async def settle_palette(pilot) -> None:
    """Wait until the command palette has finished searching (its search runs in a worker)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def tree_lines(app) -> list[str]:
    """The home tree's lines as shown."""
    from textual.widgets import Tree

    tree = app.screen.query_one(Tree)
    return [tree.get_node_at_line(i).label.plain for i in range(tree.last_line + 1)]


async def go_to(pilot, label_part: str) -> None:
    """Move the home tree's cursor down to the first line containing ``label_part`` and press enter."""
    from textual.widgets import Tree

    lines = tree_lines(pilot.app)
    index = next(i for i, line in enumerate(lines) if label_part in line)
    tree = pilot.app.screen.query_one(Tree)
    while tree.cursor_line < index:
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


def plain(widget) -> str:
    """What a Static shows, as text."""
    visual = widget.visual
    return visual.plain if hasattr(visual, "plain") else str(visual)


async def answer_then_again(pilot, question: str = "一阵风", text: str = "加强监督。"):
    """Open ``question`` from home, submit ``text`` and press t in the review (answer again):
    the review left behind is returned; the app is on the practice screen."""
    from textual.widgets import TextArea

    from studyapp.tui.practice import PracticeScreen
    from studyapp.tui.review import ReviewScreen

    await go_to(pilot, question)
    pilot.app.screen.query_one(TextArea).insert(text)
    await pilot.press("ctrl+s")
    await pilot.pause()
    review = pilot.app.screen
    assert isinstance(review, ReviewScreen)
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PracticeScreen)
    return review


async def answer_a_past_answer_again(pilot) -> None:
    """As answer_then_again, then back home (nothing typed), into the history (h) and t on the
    answer there: answering again from a past answer's review."""
    from studyapp.tui.attempts import PastReviewScreen

    await answer_then_again(pilot)
    await pilot.press("escape", "escape")  # (empty: back to the review, then home)
    await pilot.pause()
    await pilot.press("h", "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PastReviewScreen)
    await pilot.press("t")
    await pilot.pause()


# The answer and a grading of it written out by hand, for tests of the review screen as
# drawn (the snapshot, readability): they test the screen, not today's grader
# (tests/tui/test_flows.py checks the grader's own output).
REVIEW_ANSWER = "一、加强宣传引导，帮助居民养成分类习惯。\n二、完善投放点设施，设置延时投放，方便上班族。\n三、总结经验。"


def review_grading():
    """A verdict of REVIEW_ANSWER with every status."""
    from studyapp.core.grading import Grading, PointVerdict

    def at(word, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = REVIEW_ANSWER.index(word, start + 1)
        return (start, start + len(word))

    return Grading(
        score=50.0,
        points=(
            PointVerdict("habit", "covered", (at("宣传引导"), at("习惯")), ("宣传", "引导", "习惯"), (), "答到: 宣传、引导、习惯"),
            PointVerdict("facility", "partial", (at("投放点"), at("方便")), ("投放点", "方便"), ("设施",), "只有一部分: 投放点、方便"),
            PointVerdict("incentive", "missed", (), (), ("积分", "监督", "长效机制"), "没有提到: 积分、监督、长效机制"),
        ),
    )


def mock_app(store, clock, options=None, **kwargs):
    """The app on the bundled pack for the mock interview tests (a ``mock`` of
    ``MockOptions`` starts one at once); its bell counts rings in ``app.rings``."""
    from studyapp.core.packs import bundled_pack_dir
    from studyapp.tui.app import StudyApp

    app = StudyApp([load_pack(bundled_pack_dir())], store=store, clock=clock, mock=options, **kwargs)
    app.rings = 0

    def bell():
        app.rings += 1

    app.bell = bell
    return app


async def step(pilot, clock, seconds):
    """Let ``seconds`` pass and let the mock screen see it, as its 0.25 s timer would."""
    clock.advance(seconds)
    pilot.app.screen.tick()
    await pilot.pause()


def notices(app) -> list[str]:
    """The messages of the notifications the app shows (toasts)."""
    return [str(n.message) for n in app._notifications]


async def finish_a_mock(pilot):
    """Through a one-question mock's phases with an answer written: to its report."""
    await pilot.pause()
    await pilot.press("ctrl+n")
    pilot.app.screen.query_one("#mock-answer").insert("我会先了解情况，再耐心沟通。")
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()


async def export_to(pilot, value: str) -> str:
    """On a mock report: e, the field cleared and ``value`` typed, enter; returns what the field offered."""
    await pilot.press("e")
    await pilot.pause()
    field = pilot.app.screen.query_one("#export-path")
    offered = field.value
    field.value = ""
    field.insert_text_at_cursor(value)
    await pilot.press("enter")
    await pilot.pause()
    return offered
