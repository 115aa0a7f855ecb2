"""Home: the loaded packs, their topics and their questions grouped by type."""
from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, Tree
from textual.widgets.tree import TreeNode

from studyapp.core.model import QUESTION_TYPES, Pack, Question, Topic
from studyapp.core.safe_text import sanitize, sanitize_line
from studyapp.tui.text import short, unwrap

UNTYPED = "未分类"


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


def attempt_summary(attempt: Any) -> str:
    """'82 分 · 11-27' for the newest attempt of a question."""
    when = attempt.created_at
    try:
        when = when.astimezone()
    except (AttributeError, ValueError):
        pass
    date = when.strftime("%m-%d") if hasattr(when, "strftime") else str(when)
    return f"{round(attempt.score)} 分 · {date}"


class PackTree(Tree):
    """A Tree whose string labels are plain text (never markup)."""

    def process_label(self, label: Any) -> Text:
        if isinstance(label, str):
            label = Text(sanitize_line(label))
        return label.split()[0] if label.plain else label


class HomeScreen(Screen):
    BINDINGS = [
        Binding("question_mark", "app.help", "帮助"),
        Binding("m", "app.mock", "模拟面试"),
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
        last = self.app.last_attempts()
        self._drafts = self.app.drafts()
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
                    topics.add_leaf(Text(short(topic.title, 24)), data=("topic", pack, topic))
            for qtype, questions in group_by_type(pack.questions):
                group = pack_node.add(Text.assemble((qtype, "bold"), f"  {len(questions)}"), expand=True)
                for q in questions:
                    node = group.add_leaf(self._question_label(pack, q, last), data=("question", pack, q))
                    self._question_nodes.append((node, pack, q))
        tree.cursor_line = 0

    def _question_label(self, pack: Pack, q: Question, last: dict) -> Text:
        # Score first: long prompts are cut at the tree's edge, the score must stay visible.
        label = Text()
        attempt = last.get((pack.id, q.id))
        if attempt is not None:
            label.append(f"{round(attempt.score):>3}分 ", style="bold")
            label.append(f"{attempt_summary(attempt).split(' · ')[-1]} ", style="dim")
        if (pack.id, q.id) in getattr(self, "_drafts", ()):
            label.append("草稿 ", style="italic")  # an answer being written, kept for later
        # the prompt shares the row's 22 wide characters with what comes before it, so a
        # cut prompt still ends in … instead of at the tree's edge
        label.append(short(q.prompt, max(8, 22 - (label.cell_len + 1) // 2)))
        return label

    def on_screen_resume(self) -> None:
        # Back from practice: show the newest scores and drafts.
        last = self.app.last_attempts()
        self._drafts = self.app.drafts()
        for node, pack, q in getattr(self, "_question_nodes", []):
            node.set_label(self._question_label(pack, q, last))
        self._show_cursor_detail()

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
            parts.append(f"\n上次：{attempt_summary(attempt)}")
        if (pack.id, q.id) in getattr(self, "_drafts", ()):
            parts.append("\n有没提交的草稿，打开时恢复")
        parts.append(("\n\nenter 开始作答", "dim"))
        return Content.assemble(*parts)
