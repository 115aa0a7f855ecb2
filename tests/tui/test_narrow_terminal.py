"""A 60-column terminal (a split pane, a small laptop window): what matters is still shown whole."""
from __future__ import annotations

from textual.widgets import DataTable

from studyapp.core.clock import FakeClock
from studyapp.core.packs import bundled_pack_dir, load_pack
from studyapp.core.session import MockOptions

NARROW = (60, 20)


def app_for(clock, options=None):
    from studyapp.tui.app import StudyApp

    app = StudyApp([load_pack(bundled_pack_dir())], store=None, clock=clock, mock=options, voice=None)
    app.bell = lambda: None
    return app


def screen_text(app) -> list[str]:
    return ["".join(seg.text for seg in line) for line in app.screen._compositor.render_strips()]


async def test_the_help_shows_each_key_whole_and_wraps_what_it_does():
    app = app_for(FakeClock())
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        seen: set[str] = set()
        page = None
        while page != screen_text(app):  # page through the whole help, to its end
            page = screen_text(app)
            seen.update(page)
            await pilot.press("pagedown")
            await pilot.pause()
        text = "\n".join(seen)
        for key in ("ctrl+q", "ctrl+t", "ctrl+p", "ctrl+s", "ctrl+n", "escape"):
            assert f"│ {key}" in text, key
        assert "ctr…" not in text


async def test_the_mock_report_keeps_the_score_in_view():
    clock = FakeClock()
    app = app_for(clock, MockOptions(count=1, think=5, answer=10, seed=2))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        for ch in "我会先了解情况":
            await pilot.press(ch)
        clock.advance(20)
        app.screen.tick()
        await pilot.pause()
        table = app.screen.query_one("#report-table", DataTable)
        score = str(round(app.screen.report.questions[0].score))
        lines = screen_text(app)
        at = next(i for i, line in enumerate(lines) if "题型" in line)
        assert "得分" in lines[at]
        row = lines[at + 1]
        assert row.split()[:2] == ["1", score]
        assert table.row_count == 1


async def test_the_line_being_written_stays_in_view_when_the_terminal_shrinks():
    from textual.widgets import TextArea

    from tuiutil import MINI, go_to, make_app

    app = make_app(MINI, voice=None)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        editor = app.screen.query_one(TextArea)
        editor.insert("\n".join(f"第{i}点：加强宣传引导，完善配套设施，建立长效机制。" for i in range(1, 31)))
        await pilot.pause()
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        await pilot.pause()
        top = editor.scroll_offset.y
        # the cursor's wrapped line is on screen, between the first and the last visible row
        y = editor.wrapped_document.location_to_offset(editor.cursor_location).y
        assert top <= y < top + editor.scrollable_content_region.height, (y, top)


async def test_a_question_with_a_score_still_shows_where_its_prompt_is_cut(store):
    from studyapp.core.packs import bundled_pack_dir, load_pack as load

    from studyapp.core.grading import Grader
    from studyapp.core.store import grading_basis

    pack = load(bundled_pack_dir()).pack
    for q in pack.questions:  # practised every question once (its reference answer, say)
        grading = Grader(q, pack.thesaurus).grade(q.reference).to_dict()
        store.save_attempt(pack_id=pack.id, question_id=q.id, answer=q.reference, score=grading["score"],
                           grading=grading, basis=grading_basis(q))
    from studyapp.tui.app import StudyApp

    app = StudyApp([load(bundled_pack_dir())], store=store, voice=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        from rich.cells import cell_len
        from textual.widgets import Tree

        width = app.screen.query_one(Tree).region.right
        rows = []
        for strip in app.screen._compositor.render_strips():  # each row cut at the tree's right edge
            text, cells = "", 0
            for ch in "".join(seg.text for seg in strip):
                cells += cell_len(ch)
                if cells > width:
                    break
                text += ch
            rows.append(text)
        import re

        scored = [row for row in rows if re.search(r"\d分 01-01 ", row)]
        assert len(scored) >= 8
        # the tree's rows end in … where a prompt is cut, not at the tree's edge mid-word
        for row in scored:
            assert "…" in row, row


async def test_a_prompt_too_long_for_its_box_says_how_to_read_the_rest():
    from studyapp.core.packs import bundled_pack_dir, load_pack as load
    from studyapp.tui.app import StudyApp

    import dataclasses

    pack = load(bundled_pack_dir()).pack
    # a tutor's long prompt (190 characters): eight lines at 60 columns, the box shows six
    longest = dataclasses.replace(pack.questions[0], prompt="近年来，多地推行数字政务，" * 15)
    app = StudyApp([load(bundled_pack_dir())], store=None, voice=None)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        app.open_question(pack, longest)
        await pilot.pause()
        await pilot.pause()
        assert "题目未完" in str(app.screen.query_one("#prompt-type").render())
        await pilot.resize_terminal(120, 40)  # room for all of it: the hint goes
        await pilot.pause()
        await pilot.pause()
        assert "题目未完" not in str(app.screen.query_one("#prompt-type").render())


def test_a_point_number_is_never_the_first_thing_on_a_line():
    # 接待室¹坐下: the ¹ belongs to 接待室 (the evidence of point 1); a line that began with
    # it would seem to mark 坐下
    from studyapp.tui.text import break_chunks

    pieces = [chunk for _, _, chunk in break_chunks("请他到接待室¹坐下，倒杯水²。")]
    assert "室¹" in pieces and not any(p.startswith(("¹", "²")) for p in pieces)
