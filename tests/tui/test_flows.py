"""A candidate's sessions in the terminal app, driven with Pilot."""
from __future__ import annotations

from textual.widgets import Static, TextArea, Tree

from studyapp.tui.help import HelpScreen
from studyapp.tui.home import HomeScreen
from studyapp.tui.practice import PracticeScreen
from studyapp.tui.review import ReviewScreen, without_marks
from studyapp.tui.topic import TopicScreen

from tuiutil import MINI, go_to, make_app, settle_palette, tree_lines

ANSWER = "一要加强宣传引导，帮助居民养成习惯。\n二要完善投放点设施。"




def static_text(widget: Static) -> str:
    visual = widget.visual
    return visual.plain if hasattr(visual, "plain") else str(visual)


async def test_home_shows_packs_topics_and_questions_by_type():
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        lines = tree_lines(app)
        assert any("测试题包：垃圾分类" in line and "1 个话题 · 3 道题" in line for line in lines)
        assert "垃圾分类进社区" in "".join(lines)
        # types in the usual order: 综合分析 before 组织管理 before 人际关系
        types = [line.strip() for line in lines if line.split()[0] in ("综合分析", "组织管理", "人际关系")]
        assert [t.split()[0] for t in types] == ["综合分析", "组织管理", "人际关系"]
        await pilot.press("down", "down")  # the topic
        detail = static_text(app.screen.query_one("#detail", Static))
        assert "垃圾分类进社区" in detail and "6 个部分" not in detail


async def test_open_topic_and_jump_to_a_section():
    app = make_app(MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "垃圾分类进社区")
        screen = app.screen
        assert isinstance(screen, TopicScreen)
        await pilot.pause()
        titles = screen.toc_titles()
        assert titles[:3] == ["热点概况", "主流观点", "支持者：习惯靠引导"]
        assert "深度分析" in titles and "关注点三：激励约束" in titles
        body = screen.query_one("#topic-body")
        assert body.scroll_y == 0
        # c focuses the contents; walk down to 主流观点 and press enter
        await pilot.press("c")
        target = titles.index("主流观点")
        for _ in range(target + 1):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert body.scroll_y > 0

        def heading(title):
            return next(h for h in screen.query("MarkdownH2, MarkdownH3") if h._content.plain == title)

        h = heading("主流观点")  # the section starts at the top of the view (after its margin)
        assert h.region.y - h.styles.margin.top == body.region.y
        # the last section, though short, comes to the top as well: there is just enough room under it
        await pilot.press("end", "enter")
        await pilot.pause()
        last = heading("关注点三：激励约束")
        assert last.region.y - last.styles.margin.top == body.region.y
        assert body.scroll_y == body.max_scroll_y  # and no blank page past it
        # after a resize too
        await pilot.resize_terminal(100, 32)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert last.region.y - last.styles.margin.top == body.region.y and body.scroll_y == body.max_scroll_y
        # the topic's questions are listed and open a practice screen
        await pilot.press("q", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.question is screen.questions[0]
        assert {q.id for q in screen.questions} == {"sorting-view", "sorting-plan"}


async def test_answer_submit_and_review(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        editor = screen.query_one(TextArea)
        assert editor.has_focus
        await pilot.press(*"一要")  # typed by key...
        editor.insert(ANSWER[2:])  # ...and the rest as a paste would
        clock.advance(95)
        await pilot.press("end")  # any key refreshes the time display
        assert "01:35" in static_text(screen.query_one("#elapsed", Static))
        await pilot.press("ctrl+s")
        await pilot.pause()

        review = app.screen
        assert isinstance(review, ReviewScreen)
        g = review.grading
        status = {v.id: v.status for v in g.points}
        assert status["habit"] == "covered"  # 宣传引导 … 养成习惯
        assert status["incentive"] == "missed"  # nothing about 积分/监督
        rows = [static_text(w) for w in review.query(".point")]
        assert rows[0].startswith("■ ✔ 覆盖 · 要点1\n宣传引导，帮助居民养成分类习惯。")
        assert rows[2].startswith("□ ✘ 未覆盖 · 要点3\n积分激励与监督约束相结合")
        for row, verdict in zip(rows, g.points):
            if verdict.matched:
                assert "命中：" + "、".join(verdict.matched_as_written()[:8]) in row
            if verdict.missing and verdict.status != "covered":
                assert "可补充：" + "、".join(verdict.missing[:8]) in row
            if verdict.status == "covered":
                assert "可补充" not in row  # a point made is not asked for more, as in `grade`'s report
        s0, e0 = g.points[0].evidence[0]
        assert f"依据：「{ANSWER[s0:e0]}」" in rows[0]
        assert "可补充：积分" in rows[2]
        summary = static_text(review.query_one("#review-summary", Static))
        assert f"得分 {round(g.score)} / 100" in summary and "用时 01:35" in summary
        assert "✔ 覆盖 2" in summary or "✔ 覆盖 1" in summary

        # the evidence is highlighted in the candidate's own text, a colour per point
        # (each run of evidence ends in its point's number, ¹ for 要点1: tests/tui/test_readability.py)
        shown = review.query_one("#review-answer", Static)
        assert without_marks(shown.visual.plain) == ANSWER
        # answer offset -> colour (the marks taken out)
        shown_colours = _colours_by_offset(shown)
        at = [k for k, ch in enumerate(shown.visual.plain) if without_marks(ch)]
        colours = {i: shown_colours[k] for i, k in enumerate(at) if k in shown_colours}
        assert colours[s0] == point_colour(0)
        assert ANSWER.index("一要") not in colours  # not evidence: not highlighted
        for n, verdict in enumerate(g.points):
            for start, end in verdict.evidence:
                # overlapping evidence shows the later point's colour
                later = {point_colour(m) for m, v in enumerate(g.points) if m >= n}
                assert all(colours.get(k) in later for k in range(start, end))
        assert point_colour(0) != point_colour(1)

        # the reference answer only on request
        ref = review.query_one("#reference")
        assert not ref.display
        await pilot.press("r")
        assert ref.display

    saved = store.attempts(question_id="sorting-view")
    assert len(saved) == 1
    assert saved[0].answer == ANSWER
    assert saved[0].score == g.score
    assert saved[0].duration_s == 95
    assert saved[0].grading == g.to_dict()


def point_colour(n: int) -> str:
    from studyapp.tui.review import point_style

    return point_style(n).split(" on ")[1].lower()


def _colours_by_offset(widget: Static) -> dict[int, str]:
    """character offset -> background colour (#rrggbb) of the highlighted characters."""
    out: dict[int, str] = {}
    for span in widget.visual.spans:
        bg = getattr(span.style, "background", None) or getattr(span.style, "bgcolor", None)
        if bg is None:
            continue
        hex_ = bg.hex if hasattr(bg, "hex") else bg.get_truecolor().hex
        for k in range(span.start, span.end):
            out[k] = hex_.lower()
    return out


async def test_try_again_keeps_previous_outline_and_next_question(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        app.screen.query_one(TextArea).insert("宣传引导")
        await pilot.press("f5")  # the second submit key
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("t")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, PracticeScreen)
        assert static_text(again.query_one("#previous-answer", Static)) == "宣传引导"
        assert again.query_one(TextArea).text == ""
        again.query_one(TextArea).insert("宣传引导，养成习惯，完善设施，方便投放，积分激励，加强监督，形成长效机制")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.grading.score > 90
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.question.id == "sorting-plan"
        await pilot.press("escape")  # empty answer: straight back home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # home now shows how the question last went
        line = next(line for line in tree_lines(app) if "一阵风" in line)
        assert line.lstrip("│├└ ").startswith(f"{round(store.attempts()[0].score)}分 01-01")
    assert len(store.attempts(question_id="sorting-view")) == 2


async def test_leaving_a_written_answer_asks_first(store):
    app = make_app(MINI, store=store)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        app.screen.query_one(TextArea).insert("还没写完")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")  # no: keep writing
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.query_one(TextArea).text == "还没写完"
        await pilot.press("escape", "d")  # d: give it up (enter or y would keep it as a draft)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.attempts() == []


async def test_live_coverage_meter_is_off_until_toggled():
    from studyapp.core.grading import Grader

    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        screen = app.screen
        grader = Grader(screen.question, thesaurus=screen.pack.thesaurus)

        def expected_prefix(text):
            g = grader.grade(text)
            return f"覆盖 {sum(p.status == 'covered' for p in g.points)}/3"

        editor = screen.query_one(TextArea)
        editor.insert("加强宣传引导，养成习惯")
        await pilot.pause()
        meter = screen.query_one("#meter", Static)
        assert static_text(meter) == "覆盖提示：关（F2）"
        await pilot.press("f2")
        first = static_text(meter)
        assert first.startswith(expected_prefix(editor.text))
        assert first.startswith("覆盖 1/3")
        editor.insert("，积分激励，加强监督，形成长效机制")
        await pilot.pause()
        assert static_text(meter).startswith(expected_prefix(editor.text))
        assert static_text(meter) != first
        await pilot.press("f2")
        assert static_text(meter) == "覆盖提示：关（F2）"


async def test_the_coverage_hint_stays_as_left_on_the_next_question_and_the_next_run(store):
    app = make_app(MINI, store=store)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        app.screen.query_one(TextArea).insert("加强宣传引导，养成习惯")
        await pilot.press("f2")  # on
        assert static_text(app.screen.query_one("#meter", Static)).startswith("覆盖 1/3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("t")  # answer again: the hint is still on
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert static_text(app.screen.query_one("#meter", Static)).startswith("覆盖 ")
        await pilot.press("f2")  # off again, and so it stays
        assert static_text(app.screen.query_one("#meter", Static)) == "覆盖提示：关（F2）"
        await pilot.press("f2")  # on, for the next run
    app = make_app(MINI, store=store)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "一阵风")
        assert static_text(app.screen.query_one("#meter", Static)).startswith("覆盖 ")


async def test_search_in_the_command_palette():
    from textual.command import CommandInput
    from textual.widgets._footer import FooterKey

    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        footer = {k.description: k.key_display for k in app.screen.query(FooterKey)}
        assert footer.get("搜索") == "^p" and "palette" not in footer  # the footer speaks Chinese
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert str(app.screen.query_one(CommandInput).placeholder).startswith("搜索话题和题目")
        await settle_palette(pilot)
        from textual.command import CommandList

        everything = app.screen.query_one(CommandList)
        listed = [everything.get_option_at_index(i).prompt.plain for i in range(everything.option_count)]
        # only the pack's topics and questions, no English system commands
        assert len(listed) == 4 and all(p.startswith(("话题", "人际关系", "组织管理", "综合分析")) for p in listed)
        await pilot.press(*"劝说")
        await settle_palette(pilot)  # the palette searches in a worker
        from textual.command import CommandList

        results = app.screen.query_one(CommandList)
        prompts = [results.get_option_at_index(i).prompt.plain for i in range(results.option_count)]
        assert any("人际关系 · 邻居总是不分类" in p for p in prompts)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.question.id == "sorting-neighbour"
        # a topic is found by its tags too
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"基层治理")
        await settle_palette(pilot)
        results = app.screen.query_one(CommandList)
        prompts = [results.get_option_at_index(i).prompt.plain for i in range(results.option_count)]
        assert prompts[0].startswith("话题 · 垃圾分类进社区")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TopicScreen)


async def test_help_and_theme_keys():
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help").source
        assert "ctrl+s 或 F5" in text and "采分点" in text
        assert "studyapp pack add 题包.zip" in text  # how a student installs a tutor's pack
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        # F1 works while typing an answer, where ? is just a character
        await go_to(pilot, "一阵风")
        await pilot.press("question_mark")
        assert app.screen.query_one(TextArea).text == "?"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_pasting_a_long_chinese_outline_keeps_it_whole_and_wrapped():
    from textual import events

    long_text = "（一）加强宣传引导，进楼入户讲清为什么分、怎么分。" * 12 + "\n二、完善設施，方便居民投放。"
    app = make_app(MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "一阵风")
        editor = app.screen.query_one(TextArea)
        app.post_message(events.Paste(long_text))  # as the terminal driver delivers a paste
        await pilot.pause()
        assert editor.text == long_text
        # soft wrap: nothing scrolls sideways, the long line takes several rows
        assert editor.scroll_x == 0 and editor.max_scroll_x == 0
        assert editor.wrapped_document.height >= 9  # 600 cells of Chinese on a ~76-cell line, + 1 line
        await pilot.press("ctrl+s")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert without_marks(review.query_one("#review-answer", Static).visual.plain) == long_text
        assert {v.id: v.status for v in review.grading.points}["facility"] == "covered"  # 設施 (traditional)


def test_the_help_lists_every_key_shown_in_a_footer():
    """Each screen's shown bindings appear in help.md's key table, in that screen's rows."""
    from studyapp.tui.app import StudyApp
    from studyapp.tui.help import help_text
    from studyapp.tui.mock import MockScreen
    from studyapp.tui.report import ReportScreen

    rows: dict[str, str] = {}  # "### 界面" headings, each with a table of keys
    where = ""
    for line in help_text().splitlines():
        if line.startswith("### "):
            where = line[4:].strip()
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 2 and where:
            rows[where] = rows.get(where, "") + " " + cells[0].lower()
    names = {"?": "question_mark", "↑": "up", "↓": "down"}

    def keys_in(row: str) -> set[str]:
        return {names.get(k, k) for k in row.replace("/", " ").replace("或", " ").split()}

    screens = {
        "所有界面": StudyApp,
        "主页": HomeScreen,
        "话题": TopicScreen,
        "作答": PracticeScreen,
        "点评": ReviewScreen,
        "模拟面试": MockScreen,
        "报告": ReportScreen,
    }
    for where, cls in screens.items():
        documented = keys_in(rows.get(where, "")) | keys_in(rows["所有界面"])
        for binding in cls.BINDINGS:
            if not binding.show or not binding.description:
                continue
            for key in binding.key.split(","):
                assert key in documented, f"{where}: {key} ({binding.description}) is not in help.md"


LONG_OUTLINE = (
    "一、理解：北京坚持“减负与赋能并举”，一手给社区减负，精简填表、盖章、开证明等事务，清理不应由社区出具的"
    "证明事项，让社区工作者从繁杂的行政事务中解脱出来；一手给社区赋能，提高薪酬待遇，畅通晋升通道。\n"
    "三、做法：1. 建立准入清单制度，明确社区职责边界；2. 推进信息共享，打通部门数据，避免重复填报；"
    "3. 完善考核评价，把居民满意度作为主要标准。"
)


def _shown_lines(widget) -> list[str]:
    from textual.geometry import Region

    size = widget.content_region.size
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, size.width, size.height))]


async def test_chinese_text_wraps_by_chinese_rules_at_80x24(store, clock):
    """No line starts with ，。；： or a closing quote, none ends with an opening one, and a
    short Latin item ("1. ") does not push the Chinese after it onto the next line."""
    from studyapp.tui.text import NO_BREAK_AFTER, NO_BREAK_BEFORE

    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "一阵风")
        editor = app.screen.query_one(TextArea)
        editor.insert(LONG_OUTLINE)
        await pilot.pause()
        typed = [s for i in range(editor.document.line_count) for s in editor.wrapped_document.get_sections(i)]
        assert len(typed) > 4 and "".join(typed) == LONG_OUTLINE.replace("\n", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        review_lines = [ln.strip() for ln in _shown_lines(app.screen.query_one("#review-answer"))]
        assert without_marks("".join(review_lines)) == LONG_OUTLINE.replace("\n", "")
        for lines in (typed, review_lines):
            for line in lines:
                assert line[:1] not in NO_BREAK_BEFORE and line.rstrip()[-1:] not in NO_BREAK_AFTER, line
            assert not any(line.strip() in ("三、做法：1.", "1.", "2.", "3.") for line in lines)


async def test_a_long_previous_outline_can_be_read_in_full_at_80x24(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "一阵风")
        app.screen.query_one(TextArea).insert(LONG_OUTLINE * 2)
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        again = app.screen
        editor = again.query_one(TextArea)
        assert editor.has_focus and editor.size.height >= 5  # room left to write
        box = again.query_one("#previous-scroll")
        assert 0 < box.size.height < box.virtual_size.height  # part shown, the rest scrolls
        await pilot.press("shift+tab")  # from the editor to the previous outline
        assert app.focused is box
        await pilot.press("end")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y > 0
        last_line = _shown_lines(again.query_one("#previous-answer"))[-1].strip()
        assert LONG_OUTLINE.endswith(last_line)


async def test_the_pack_description_is_reflowed_not_broken_where_the_yaml_was():
    from studyapp.core.packs import bundled_pack_dir
    from studyapp.tui.text import NO_BREAK_BEFORE

    app = make_app(bundled_pack_dir())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        pack = app.packs[0]
        assert "\n" in pack.description.strip()  # the YAML has hard line breaks
        detail = app.screen.query_one("#detail", Static)
        text = static_text(detail)
        assert pack.description.replace("\n", "").strip() in text
        lines = [ln.strip() for ln in _shown_lines(detail) if ln.strip()]
        desc_lines = lines[1 : lines.index(next(ln for ln in lines if ln.startswith("1 个话题")))]
        assert "".join(desc_lines) == pack.description.replace("\n", "").strip()
        width = detail.content_region.width
        from rich.cells import cell_len

        # every line but the last is (nearly) full: no early breaks where the YAML had them
        assert all(cell_len(ln) >= width - 4 for ln in desc_lines[:-1]), desc_lines  # 禁则 may move a character
        assert not any(ln[0] in NO_BREAK_BEFORE for ln in desc_lines)


async def test_a_briefing_wrapped_by_its_author_reads_as_one_paragraph():
    from textual.app import App

    from studyapp.tui.topic import SafeMarkdown

    source = "社区减负要落到实处，\n不能**只减报表**\n而不减事务。Latin words\nstay apart 中文\n与 English 混排。"

    class One(App):
        def compose(self):
            yield SafeMarkdown(source)

    app = One()
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        paragraph = app.query_one("MarkdownParagraph")
        assert _shown_lines(paragraph)[0].strip() == (
            "社区减负要落到实处，不能只减报表而不减事务。Latin words stay apart 中文与 English 混排。"
        )


async def test_a_search_without_hits_says_so_in_chinese(monkeypatch):
    from textual.command import CommandList, CommandPalette

    from studyapp.tui.search import NO_MATCHES

    monkeypatch.setattr(CommandPalette, "_NO_MATCHES_COUNTDOWN", 0.01)  # not half a second
    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"zzqx")
        await settle_palette(pilot)
        await pilot.pause(0.05)  # Textual's own timer (not our clock)
        results = app.screen.query_one(CommandList)
        shown = [str(results.get_option_at_index(i).prompt.renderable) for i in range(results.option_count)]
        assert results.option_count == 1 and NO_MATCHES in shown[0]


async def test_the_review_names_each_hit_with_the_candidates_own_words(store):
    from studyapp.core.packs import bundled_pack_dir

    app = make_app(bundled_pack_dir(), store=store)
    async with app.run_test(size=(100, 32)) as pilot:
        await go_to(pilot, "居民张大爷")
        app.screen.query_one(TextArea).insert("直接告诉他按规定不能开。")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        shown = "\n".join(str(w.render()) for w in app.screen.query(".point"))
        assert "命中：不是推诿（按规定）" in shown  # not 不是推诿 alone: that was never written
        assert "答到：不是推诿" not in shown  # (the reason says no more than 命中 does)


async def test_r_brings_the_reference_answer_into_view_below_many_points(store):
    from studyapp.core.packs import bundled_pack_dir

    app = make_app(bundled_pack_dir(), store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "居民张大爷")  # six key points: the reference is below them
        app.screen.query_one(TextArea).insert("先安抚大爷情绪，再讲清政策。")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        title = app.screen.query_one(".reference-title")
        box = app.screen.query_one("#review-points").region
        assert title.region.y >= box.y and title.region.bottom <= box.bottom  # on screen


async def test_ctrl_c_says_in_chinese_how_to_quit(store, clock):
    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        said = [(str(n.title), str(n.message)) for n in app._notifications]
        assert ("要退出吗？", "按 ctrl+q 退出（没有提交的答案会留作草稿）") in said
        assert not any("quit" in title.lower() for title, _ in said)
        assert app.is_running  # ctrl+c does not quit


async def test_a_topics_sources_are_shown_at_the_end_of_its_briefing():
    # the bundled briefing lists five sources (民政部等六部门《…指导意见》…): a candidate who
    # wants to cite the document by name finds it under the text
    from studyapp.core.packs import bundled_pack_dir

    app = make_app(bundled_pack_dir())
    async with app.run_test(size=(100, 30)) as pilot:
        lines = tree_lines(app)
        tree = app.screen.query_one(Tree)
        while tree.cursor_line < lines.index("为社区减负放权"):  # (the pack's line names it too)
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TopicScreen)
        await pilot.pause()
        sources = static_text(screen.query_one("#topic-sources", Static))
        assert sources.startswith("来源")
        assert "· 民政部等六部门《关于改进和规范基层群众性自治组织出具证明工作的指导意见》" in sources
        assert sources.count("· ") == 5


async def test_next_question_from_the_last_one_says_it_starts_over(store, clock):
    from tuiutil import notices

    app = make_app(MINI, store=store, clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        from studyapp.tui.home import group_by_type

        pack = app.packs[0]
        order = [q for _, group in group_by_type(pack.questions) for q in group]  # home's order
        first, last = order[0], order[-1]
        await go_to(pilot, one_line_prompt(last))
        app.screen.query_one(TextArea).insert("宣传引导")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.question.id == last.id
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen) and app.screen.question.id == first.id
        assert any("最后一题" in n and "第一题" in n for n in notices(app))


def one_line_prompt(question) -> str:
    """A piece of the question's prompt as home's tree shows it."""
    return question.prompt.strip().splitlines()[0][:8]


async def test_a_reviews_time_is_rounded_as_the_mock_reports_total_is():
    # a mock question's review after 20.4 s of thinking and 21.2 s of answering: the report
    # says 总用时 0:42 (rounded); the review said 00:41 (cut)
    from studyapp.core.report import fmt_duration

    from tuiutil import REVIEW_ANSWER, review_grading

    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        pack = app.packs[0]
        await app.push_screen(ReviewScreen(pack, pack.question("sorting-view"), REVIEW_ANSWER, review_grading(),
                                           duration_s=20.4 + 21.2))
        await pilot.pause()
        summary = static_text(app.screen.query_one("#review-summary", Static))
        assert fmt_duration(20.4 + 21.2) == "0:42" and "用时 00:42" in summary, summary


async def test_the_review_of_a_mock_answer_written_only_as_notes_says_so():
    from tuiutil import review_grading

    app = make_app(MINI)
    async with app.run_test(size=(100, 32)) as pilot:
        pack = app.packs[0]
        notes = "服务群众，奉献"
        await app.push_screen(ReviewScreen(pack, pack.question("sorting-view"), notes, review_grading(),
                                           duration_s=20, answer_s=30, notes=notes))
        await pilot.pause()
        summary = static_text(app.screen.query_one("#review-summary", Static))
        assert "只有思考笔记" in summary and "字数 0" in summary, summary
        # an answer written after the notes is not 'only notes'
        await app.push_screen(ReviewScreen(pack, pack.question("sorting-view"), notes + "\n我会先了解情况。",
                                           review_grading(), duration_s=40, answer_s=30, notes=notes))
        await pilot.pause()
        assert "只有思考笔记" not in static_text(app.screen.query_one("#review-summary", Static))
