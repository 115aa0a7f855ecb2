"""A draft written answering again (t in a review: the old outline above the editor), kept
(escape, 保留草稿) and reopened from the home screen, comes back as it was left: the old
outline above it, with what it missed and its score, and ctrl+r to revise it (session 11,
#2); also after a restart, and from an older answer's review (that answer's date). An
outline that cannot be read back (a damaged record) is said, the draft restored."""
from __future__ import annotations

from textual.widgets import Static, TextArea

from studyapp.tui.confirm import ChoiceScreen
from studyapp.tui.home import HomeScreen
from studyapp.tui.practice import PracticeScreen

from tuiutil import MINI, answer_a_past_answer_again, answer_then_again, go_to, make_app, notices, plain

QUESTION = "一阵风"
OLD = "加强监督。"  # 一阵风: 要点1 and 要点2 missed, 要点3 half made


async def keep_and_go_home(pilot, text: str) -> None:
    app = pilot.app
    await pilot.press(*text, "escape")
    await pilot.pause()
    assert isinstance(app.screen, ChoiceScreen)
    await pilot.press("enter")  # 保留草稿
    await pilot.pause()
    while not isinstance(app.screen, HomeScreen):
        await pilot.press("escape")
        await pilot.pause()


def shown_outline(screen) -> tuple[str, str, str]:
    """The outline box's title, what it missed, the outline."""
    box = screen.query_one("#previous")
    return (
        str(box.title),
        plain(screen.query_one("#previous-gaps", Static)),
        plain(screen.query_one("#previous-answer", Static)),
    )


async def test_a_kept_draft_of_answering_again_reopens_with_the_old_outline(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await answer_then_again(pilot)
        as_left = shown_outline(app.screen)
        assert as_left[0].startswith("上一次的提纲（") and as_left[2] == OLD
        await keep_and_go_home(pilot, "新的答案")
        await go_to(pilot, QUESTION)
        reopened = app.screen
        assert isinstance(reopened, PracticeScreen)
        assert reopened.query_one("#answer", TextArea).text == "新的答案"
        assert shown_outline(reopened) == as_left  # the same outline, gaps and score
        await pilot.press("ctrl+r")  # and it can be revised, as before
        assert reopened.query_one("#answer", TextArea).text == "新的答案\n" + OLD
    # after a restart too
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        assert shown_outline(app.screen) == as_left


async def test_a_draft_answering_an_older_answer_again_names_that_answer(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await answer_a_past_answer_again(pilot)
        as_left = shown_outline(app.screen)
        assert "的提纲（" in as_left[0] and not as_left[0].startswith("上一次")
        await keep_and_go_home(pilot, "再写")
        await go_to(pilot, QUESTION)
        assert shown_outline(app.screen) == as_left


async def test_a_plain_draft_reopens_without_an_outline(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await answer_then_again(pilot)
        await pilot.press("escape", "escape")
        await pilot.pause()
        await go_to(pilot, QUESTION)  # not answering again: from home
        await keep_and_go_home(pilot, "普通草稿")
        await go_to(pilot, QUESTION)
        assert not app.screen.query("#previous")
        assert app.screen.query_one("#answer", TextArea).text == "普通草稿"


async def test_an_outline_that_cannot_be_read_back_is_said(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await answer_then_again(pilot)
        await keep_and_go_home(pilot, "新的答案")
    with store._tx() as cur:  # the database file is outside input
        cur.execute("UPDATE practice_drafts SET outline = '{\"answer\": 5'")
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, QUESTION)
        assert app.screen.query_one("#answer", TextArea).text == "新的答案"
        assert not app.screen.query("#previous")
        assert any("提纲" in n and "没能" in n for n in notices(app))


async def test_on_a_short_terminal_the_boxes_above_fold_so_the_editor_and_clock_keep_their_room(store, clock):
    # answering again, with another window's copy kept beside the draft, on a short terminal:
    # the two boxes above once left the editor 3 rows and pushed the clock's line off the screen
    from studyapp.tui.answer import AnswerArea

    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 20)) as pilot:
        await answer_then_again(pilot, text="\n".join(f"第{n}条：加强监督，做好宣传。" for n in range(1, 11)))
        await keep_and_go_home(pilot, "新的答案")
        store.save_draft_copy("tui-mini", "sorting-view", "另一个窗口写的\n" * 8)
        await go_to(pilot, QUESTION)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert screen.query("#copies") and screen.query("#previous")
        editor = screen.query_one(AnswerArea)
        assert editor.size.height >= 6
        status = screen.query_one("#practice-status")
        assert status.region.bottom <= 20 - 1  # on the screen, above the footer
        assert screen.query_one("#copies").collapsed  # folded to its title first
        # a tall terminal keeps them open
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 45)) as pilot:
        await go_to(pilot, QUESTION)
        await pilot.pause()
        assert not app.screen.query_one("#copies").collapsed and not app.screen.query_one("#previous").collapsed


async def test_an_outline_answered_again_that_does_not_fit_its_box_says_it_goes_on(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_then_again(pilot, text="\n".join(f"第{n}条：加强监督，做好宣传。" for n in range(1, 21)))
        await pilot.pause()
        title = str(app.screen.query_one("#previous").title)
        assert title.startswith("上一次的提纲（") and "↓ 未完，shift+tab 后滚动" in title
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await answer_then_again(pilot, text="加强监督。")  # one line: all of it is shown
        await pilot.pause()
        assert "未完" not in str(app.screen.query_one("#previous").title)


async def test_a_folded_outline_says_how_to_open_it(store, clock):
    # at 60x20 the outline answered again folds to its title: the title says enter opens it,
    # not that it scrolls
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await answer_then_again(pilot, text="\n".join(f"第{n}条：加强监督，做好宣传。" for n in range(1, 21)))
        await pilot.pause()
        box = app.screen.query_one("#previous")
        if not box.collapsed:
            box.collapsed = True
            await pilot.pause()
        assert "回车展开" in str(box.title) and "未完" not in str(box.title)
        box.collapsed = False
        await pilot.pause()
        await pilot.pause()
        assert "回车展开" not in str(box.title)
