"""What the app has to say at start (a pack with errors or warnings, another studyapp on the
data folder) never lies over a mock interview's question or clock: it waits for the home
screen, or the mock's report. A pack with warnings only says so in one line; its details are for its author."""
from __future__ import annotations

import shutil

from studyapp.core.clock import FakeClock
from studyapp.core.packs import bundled_pack_dir, load_pack
from studyapp.core.session import MockOptions
from studyapp.core.store import Store

from tuiutil import BROKEN, MINI, finish_a_mock, notices


def app_with(store, clock, *packs, mock=None):
    from studyapp.tui.app import StudyApp

    results = [load_pack(bundled_pack_dir()), *(load_pack(p) for p in packs)]
    app = StudyApp(results, store=store, clock=clock, mock=mock)
    app.bell = lambda: None
    return app


async def test_a_mock_started_from_the_command_line_shows_no_notice_until_its_report(tmp_path):
    from studyapp.tui.mock import MockScreen
    from studyapp.tui.report import ReportScreen

    clock = FakeClock()
    store = Store.open(tmp_path / "data", clock=clock)
    app = app_with(store, clock, BROKEN, mock=MockOptions(count=1, think=20, answer=60, seed=1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MockScreen)
        assert notices(app) == []  # the question and the thinking clock are not covered
        await pilot.press(*"稳定情绪")
        assert notices(app) == []
        await finish_a_mock(pilot)
        assert isinstance(app.screen, ReportScreen)
        shown = "\n".join(notices(app))
        assert "key_points is empty" in shown  # the pack's errors, now that nothing runs
    store.close()


async def test_a_pack_with_warnings_only_is_one_chinese_line_and_errors_keep_their_list(tmp_path):
    warned_pack = tmp_path / "warned"
    shutil.copytree(MINI, warned_pack)
    q = warned_pack / "questions" / "sorting-neighbour.yaml"
    q.write_text(q.read_text(encoding="utf-8").replace("[耐心, 友善, 沟通]", "[耐心, 友善，沟通]"), encoding="utf-8")
    assert load_pack(warned_pack).warnings and not load_pack(warned_pack).errors
    clock = FakeClock()
    app = app_with(None, clock, warned_pack, BROKEN)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = notices(app)
        warned = [n for n in shown if "警告" in n and "错误" not in n]
        assert len(warned) == 1 and "题目都已载入" in warned[0] and "\n" not in warned[0]
        assert not any("warning:" in n for n in shown)  # no line of the validator's English
        assert any("key_points is empty" in n for n in shown)  # what was left out, and why
