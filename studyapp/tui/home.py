"""Home: the loaded packs, their topics and their questions grouped by type."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import get_character_cell_size
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, Tree
from textual.widgets.tree import TreeNode

from studyapp.core.model import QUESTION_TYPES, Pack, Question, Topic
from studyapp.core.safe_text import sanitize, sanitize_line
from studyapp.core.textio import cut_cells
from studyapp.tui.text import unwrap

if TYPE_CHECKING:  # (imported where used: not at start-up when there is no history)
    from studyapp.core.pastgrading import PastGrading

UNTYPED = "未分类"
# cells a label may take before the tree has a width (44: 22 wide characters, an 80-column terminal)
DEFAULT_LABEL_CELLS = 44
MIN_LABEL_CELLS = 16
LEAF_DEPTH = 2  # topics and questions: pack → 热点话题 / a type → the leaf


def fit_cells(text: str | None, cells: int) -> str:
    """A sanitised one-line string that takes at most ``cells`` terminal cells; a cut one
    ends in …."""
    return cut_cells(sanitize_line(text), cells, get_character_cell_size)


def group_by_type(questions: tuple[Question, ...]) -> list[tuple[str, list[Question]]]:
    """Questions grouped by type: the known types in their usual order, then others."""
    groups: dict[str, list[Question]] = {}
    for q in questions:
        groups.setdefault(q.type or UNTYPED, []).append(q)
    order = [t for t in QUESTION_TYPES if t in groups]
    order += sorted(t for t in groups if t not in QUESTION_TYPES and t != UNTYPED)
    if UNTYPED in groups:
        order.append(UNTYPED)
    return [(t, groups[t]) for t in order]


def attempt_date(attempt: Any, now: Any = None) -> str:
    """'11-27': the day of an attempt, in the computer's time zone; '2025-11-27' when it is
    not the year of ``now`` (the app's clock), there too: last November's answer is not
    a few days old."""
    when = attempt.created_at
    try:
        when = when.astimezone()
    except (AttributeError, ValueError, OverflowError):
        pass
    if not hasattr(when, "strftime"):
        return str(when)
    try:
        this_year = now is None or when.year == now.astimezone().year
    except (AttributeError, ValueError, OverflowError):
        this_year = True
    return when.strftime("%m-%d" if this_year else "%Y-%m-%d")


def attempt_summary(attempt: Any, past: PastGrading | None = None, now: Any = None) -> str:
    """'82 分 · 11-27' for the newest attempt of a question (its year too when not ``now``'s);
    graded again since (``past``, core/pastgrading.py), the score the review shows and the
    one saved then."""
    day = attempt_date(attempt, now)
    if past is None or not past.regraded or round(past.score) == round(past.then):
        score = round(past.score if past is not None else attempt.score)
        return f"{score} 分 · {day}"
    from studyapp.core.pastgrading import CHANGED

    why = "题目的采分点改过" if past.why == CHANGED else "记录损坏"
    return f"{round(past.score)} 分 · {day}（{why}，已重新评分；当时 {round(past.then)} 分）"


class PackTree(Tree):
    """A Tree whose string labels are plain text (never markup)."""

    def process_label(self, label: Any) -> Text:
        if isinstance(label, str):
            label = Text(sanitize_line(label))
        return label.split()[0] if label.plain else label

    def label_cells(self, depth: int = LEAF_DEPTH) -> int:
        """The cells left at the tree's present width for the label of a node ``depth``
        levels below the (hidden) root, after the guides."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return DEFAULT_LABEL_CELLS
        guides = (depth + (1 if self.show_root else 0)) * self.guide_depth
        return max(MIN_LABEL_CELLS, width - guides - 1)

    def on_resize(self, event: events.Resize) -> None:
        # labels are cut to the tree's width: a wider terminal shows more of each prompt
        # (after the frame being drawn: the home screen comes up first, with the labels cut
        # to an 80-column terminal's width, then they take the room there is)
        fit = getattr(self.screen, "fit_labels", None)
        if fit is not None:
            self.call_after_refresh(fit)


class HomeScreen(Screen):
    # the app's notices of the start are shown once this screen is up (no clock runs here)
    NOTICES_WELCOME = True

    BINDINGS = [
        Binding("question_mark", "app.help", "帮助"),
        Binding("m", "app.mock", "模拟面试"),
        Binding("h", "attempts", "历史"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-body"):
            yield PackTree("packs", id="pack-tree")
            with VerticalScroll(id="home-detail"):
                yield Static(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "题包与题目"
        self._question_nodes: list[tuple[TreeNode, Pack, Question]] = []
        self._topic_nodes: list[tuple[TreeNode, Topic]] = []
        self._label_cells: int | None = None  # the budget the labels were last cut to
        # (pack id, question id, attempt id) -> a latest attempt as its review shows it
        self._pasts: dict[tuple[str, str, int], PastGrading] = {}
        tree = self.query_one(PackTree)
        tree.show_root = False
        tree.guide_depth = 2
        self._build_tree(tree)
        tree.focus()
        self.call_after_refresh(self._show_cursor_detail)

    def _show_cursor_detail(self) -> None:
        tree = self.query_one(PackTree)
        if tree.cursor_node is None and tree.last_line >= 0:
            tree.cursor_line = 0  # start on the first pack, highlighted
        self._show_detail(tree.cursor_node.data if tree.cursor_node else None)

    def _build_tree(self, tree: PackTree) -> None:
        tree.clear()
        self._question_nodes.clear()
        self._topic_nodes.clear()
        last = self._last = self.app.last_attempts()
        self._drafts = self.app.drafts()
        cells = self._label_cells = tree.label_cells()
        if not self.app.packs:
            tree.root.add_leaf(Text("没有可用的题包（见通知）"))
        for pack in self.app.packs:
            title = sanitize_line(pack.title or pack.id)
            pack_node = tree.root.add(
                Text.assemble((title, "bold"), f"  {len(pack.topics)} 个话题 · {len(pack.questions)} 道题"),
                data=("pack", pack, None),
                expand=True,
            )
            if pack.topics:
                topics = pack_node.add(Text("热点话题", style="bold"), expand=True)
                for topic in pack.topics:
                    node = topics.add_leaf(Text(fit_cells(topic.title, cells)), data=("topic", pack, topic))
                    self._topic_nodes.append((node, topic))
            for qtype, questions in group_by_type(pack.questions):
                group = pack_node.add(Text.assemble((qtype, "bold"), f"  {len(questions)}"), expand=True)
                for q in questions:
                    node = group.add_leaf(self._question_label(pack, q, last, cells), data=("question", pack, q))
                    self._question_nodes.append((node, pack, q))
        tree.cursor_line = 0

    def fit_labels(self, force: bool = False) -> None:
        """Cut the topics' and questions' labels to the tree's present width."""
        if not hasattr(self, "_question_nodes"):
            return  # not mounted yet
        cells = self.query_one(PackTree).label_cells()
        if cells == self._label_cells and not force:
            return
        self._label_cells = cells
        last = self._last
        for node, pack, q in self._question_nodes:
            node.set_label(self._question_label(pack, q, last, cells))
        for node, topic in self._topic_nodes:
            node.set_label(Text(fit_cells(topic.title, cells)))

    def _question_label(self, pack: Pack, q: Question, last: dict, cells: int = DEFAULT_LABEL_CELLS) -> Text:
        # Score first: long prompts are cut at the tree's edge, the score must stay visible.
        label = Text()
        attempt = last.get((pack.id, q.id))
        if attempt is not None:
            past = self.past(pack, q, attempt)
            label.append(f"{round(past.score):>3}分 ", style="bold")
            label.append(f"{attempt_date(attempt, self.app.clock.now())} ", style="dim")
            if past.regraded and round(past.score) != round(past.then):
                label.append("重评 ", style="italic")  # the key points changed: not the score saved then
        if (pack.id, q.id) in getattr(self, "_drafts", ()):
            label.append("草稿 ", style="italic")  # an answer being written, kept for later
        # the prompt shares the row's width with what comes before it, so a cut prompt
        # still ends in … instead of at the tree's edge
        label.append(fit_cells(q.prompt, max(MIN_LABEL_CELLS // 2, cells - label.cell_len)))
        return label

    def past(self, pack: Pack, q: Question, attempt: Any) -> PastGrading:
        """``attempt`` of ``q`` as its review shows it: the saved score, or, if the key points
        changed since (or the record is damaged), the answer graded again (once per attempt)."""
        if not hasattr(self, "_pasts"):
            self._pasts = {}
        key = (pack.id, q.id, attempt.id)
        past = self._pasts.get(key)
        if past is None:
            from studyapp.core.pastgrading import shown_score

            past = self._pasts[key] = shown_score(attempt, q, pack.thesaurus)
        return past

    def on_screen_resume(self) -> None:
        # Back from practice: show the newest scores and drafts (cut to the present width).
        self._drafts = self.app.drafts()
        self._last = self.app.last_attempts()
        self.fit_labels(force=True)
        # on the question just practised, wherever it was opened from (search, 下一题), so
        # h shows its past answers at once
        practised = self.app.last_practised
        if practised is not None:
            self.app.last_practised = None
            node = next((n for n, pack, q in self._question_nodes if (pack.id, q.id) == practised), None)
            if node is not None:
                self.query_one(PackTree).move_cursor(node)
        self._show_cursor_detail()

    def action_attempts(self) -> None:
        """The highlighted question's past answers, each opening its review (tui/attempts.py)."""
        node = self.query_one(PackTree).cursor_node
        data = node.data if node is not None else None
        if not data or data[0] != "question":
            self.notify("先选一道题，再按 h 查看它的历次作答。", markup=False)
            return
        from studyapp.tui.attempts import open_attempts

        open_attempts(self.app, data[1], data[2])

    # -- events -------------------------------------------------------------

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        self._show_detail(event.node.data)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        data = event.node.data
        if not data:
            return
        kind, pack, item = data
        if kind == "topic":
            self.app.open_topic(pack, item)
        elif kind == "question":
            self.app.open_question(pack, item)

    def _show_detail(self, data: Any) -> None:
        self.query_one("#detail", Static).update(self.detail_content(data))

    def detail_content(self, data: Any) -> Content:
        if not data:
            return Content.assemble(
                ("选择一个话题阅读简报，或选择一道题作答。", "bold"),
                "\n\nenter 打开 · ? 帮助 · ctrl+p 搜索",
            )
        kind, pack, item = data
        if kind == "pack":
            parts: list[Any] = [(sanitize_line(pack.title or pack.id), "bold"), "\n"]
            if pack.description:
                parts += ["\n", unwrap(pack.description), "\n"]
            parts.append(f"\n{len(pack.topics)} 个话题，{len(pack.questions)} 道题")
            if pack.version:
                parts.append(f"\n版本 {sanitize_line(pack.version)}")
            return Content.assemble(*parts)
        if kind == "topic":
            topic: Topic = item
            qs = self.app.questions_of_topic(pack, topic)
            parts = [(sanitize_line(topic.title), "bold"), "\n"]
            if topic.date:
                parts.append(f"\n{sanitize_line(topic.date)}")
            if topic.tags:
                parts.append("\n标签：" + "、".join(sanitize_line(t) for t in topic.tags))
            parts.append(f"\n\n{len(topic.sections)} 个部分 · {len(qs)} 道相关题目")
            parts.append(("\n\nenter 阅读简报", "dim"))
            return Content.assemble(*parts)
        q: Question = item
        parts = [(q.type or UNTYPED, "bold"), "\n\n", sanitize(q.prompt), "\n"]
        if q.topic:
            topic = pack.topic(q.topic)
            parts.append(f"\n话题：{sanitize_line(topic.title if topic else q.topic)}")
        parts.append(f"\n采分点：{len(q.key_points)} 个")
        attempt = self.app.last_attempts().get((pack.id, q.id))
        if attempt is not None:
            parts.append(f"\n上次：{attempt_summary(attempt, self.past(pack, q, attempt), self.app.clock.now())}")
        if (pack.id, q.id) in getattr(self, "_drafts", ()):
            parts.append("\n有没提交的草稿，打开时恢复")
        parts.append(("\n\nenter 开始作答" + (" · h 历次作答" if attempt is not None else ""), "dim"))
        if q.reference and q.reference.strip():  # (practice.py's ctrl+o: read, not scored)
            parts.append(("\n作答时 ctrl+o 可先看参考答案（不计分）", "dim"))
        return Content.assemble(*parts)
