"""A restored draft says when it was saved: with the year when that is not this year (a
draft of last November is not eight days old), and all of it, the time already spent too,
on the editor's frame of a 60-column terminal."""
from __future__ import annotations

from datetime import datetime, timezone

from textual.widgets import TextArea

from studyapp.core.clock import FakeClock
from studyapp.core.packs import load_pack
from studyapp.core.store import Store
from studyapp.tui.practice import PracticeScreen

from tuiutil import MINI, go_to, make_app

QUESTION = "一阵风"


def frame_top(editor) -> str:
    """The editor's top border as drawn (the frame title and its rule)."""
    from textual.geometry import Region

    strip = editor.render_lines(Region(0, 0, editor.outer_size.width, 1))[0]
    return strip.text


def draft_saved_on(tmp_path, when: datetime, spent: float, text: str = "一回应关切"):
    """A draft written on ``when`` (its own clock), and the clock of the day it is opened."""
    data = tmp_path / "data"
    then = Store.open(data, clock=FakeClock(when))
    pack = load_pack(MINI).pack
    question = next(q for q in pack.questions if QUESTION in q.prompt)
    then.save_draft(pack.id, question.id, text, spent)
    then.close()
    today = FakeClock(datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc))
    return Store.open(data, clock=today), today


async def test_a_draft_of_last_year_says_its_year_and_the_time_spent_at_60_columns(tmp_path):
    store, clock = draft_saved_on(tmp_path, datetime(2025, 11, 20, 1, 2, tzinfo=timezone.utc), 125)
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await go_to(pilot, QUESTION)
        assert isinstance(app.screen, PracticeScreen)
        editor = app.screen.query_one(TextArea)
        assert editor.text == "一回应关切"
        saved = datetime(2025, 11, 20, 1, 2, tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
        top = frame_top(editor)
        assert f"{saved} 保存" in top and "已用时 02:05）" in top, top
        # and giving it up asks again, naming that day
        await pilot.press("escape", "d")
        await pilot.pause()
        assert saved in app.screen.question
    store.close()


async def test_a_draft_of_this_year_shows_month_and_day(tmp_path):
    store, clock = draft_saved_on(tmp_path, datetime(2026, 11, 20, 1, 2, tzinfo=timezone.utc), 3725)
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await go_to(pilot, QUESTION)
        saved = datetime(2026, 11, 20, 1, 2, tzinfo=timezone.utc).astimezone().strftime("%m-%d %H:%M")
        top = frame_top(app.screen.query_one(TextArea))
        assert f"（{saved} 保存" in top and "2026" not in top and "已用时" in top and "…" not in top, top
    store.close()
