"""Topic: the briefing rendered from Markdown, a table of contents, the topic's questions."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from studyapp.core.model import Pack, Topic
from studyapp.core.safe_text import sanitize, sanitize_line
from studyapp.tui.text import one_line, short


def _join_chinese_lines(state) -> None:
    """markdown-it core rule: a line break inside a paragraph next to a Chinese character
    joins the lines without the space Textual would put there (一行\n二行 reads 一行二行)."""
    import unicodedata

    from rich.cells import get_character_cell_size as width

    def wide(ch: str) -> bool:
        return bool(ch) and width(ch) == 2

    def punct(ch: str) -> bool:  # full-width punctuation: never a space beside it
        return wide(ch) and unicodedata.category(ch).startswith("P")

    for token in state.tokens:
        children = token.children or []
        for i, child in enumerate(children):
            if child.type != "softbreak":
                continue
            # the nearest characters on each side (past ** and other empty markup tokens)
            before = next((c.content[-1] for c in reversed(children[:i]) if c.content), "")
            after = next((c.content[0] for c in children[i + 1 :] if c.content), "")
            # 中文\n中文 and 中文，\nLatin join; Latin\n中文 keeps its space (as in "line 中文")
            if (wide(before) and wide(after)) or punct(before) or punct(after):
                child.type = "text"
                child.content = ""


def chinese_markdown_parser():
    from markdown_it import MarkdownIt

    parser = MarkdownIt("gfm-like")  # Textual's default
    parser.core.ruler.push("join_chinese_lines", _join_chinese_lines)
    return parser


class SafeMarkdown(Markdown):
    """Markdown that never follows a link: pack links are shown, not opened.

    Inline text is rendered by Textual as Content (``[bold]`` stays literal);
    a click on a link only tells the reader where it points. Lines of Chinese
    wrapped by the author are joined without a space.
    """

    def __init__(self, markdown: str | None = None, **kwargs) -> None:
        kwargs.setdefault("parser_factory", chinese_markdown_parser)
        super().__init__(sanitize(markdown), open_links=False, **kwargs)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.app.notify(f"链接（未打开）：{sanitize_line(event.href)}", markup=False)


class TopicScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回"),
        Binding("question_mark", "app.help", "帮助"),
        Binding("c", "focus_toc", "目录"),
        Binding("b", "focus_body", "正文"),
        Binding("q", "focus_questions", "题目"),
    ]

    def __init__(self, pack: Pack, topic: Topic) -> None:
        super().__init__()
        self.pack = pack
        self.topic = topic
        self.questions = self.app.questions_of_topic(pack, topic)
        self._toc_blocks: list[str] = []  # block ids of the headings listed in the contents

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="topic-main"):
            with Vertical(id="topic-side"):
                yield Label("目录", classes="side-title")
                yield OptionList(id="toc")
                yield Label(f"相关题目（{len(self.questions)}）", classes="side-title")
                yield OptionList(
                    *[
                        # no space after the number: Chinese text then wraps right after it
                        Option(Content.assemble(f"{i}、", one_line(q.prompt, 36)), id=f"q{i}")
                        for i, q in enumerate(self.questions, 1)
                    ],
                    id="topic-questions",
                )
            with VerticalScroll(id="topic-body"):
                yield Static(one_line(self.topic.title), id="topic-title")
                yield SafeMarkdown(self.topic.body, id="briefing")
                # room under the last section so that a jump to it brings it to the top too
                yield Static("", id="topic-end")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = short(self.topic.title, 40)
        self.query_one("#topic-body").focus()

    def on_markdown_table_of_contents_updated(self, event: Markdown.TableOfContentsUpdated) -> None:
        toc = self.query_one("#toc", OptionList)
        toc.clear_options()
        self._toc_blocks = []
        for level, title, block_id in event.table_of_contents:
            if level > 3 or not block_id:
                continue
            indent = "  " * max(level - 2, 0)
            toc.add_option(Option(Content(indent + sanitize_line(title)), id=f"toc-{len(self._toc_blocks)}"))
            self._toc_blocks.append(block_id)
        self.call_after_refresh(self._size_end_space)

    def on_resize(self) -> None:
        self.call_after_refresh(self._size_end_space)

    def _size_end_space(self) -> None:
        """Make the space under the briefing just tall enough for the last listed heading to
        scroll to the top of the view (no blank screen past the end otherwise)."""
        body = self.query_one("#topic-body", VerticalScroll)
        end = self.query_one("#topic-end", Static)
        need = 0
        if self._toc_blocks:
            try:
                block = self.query_one("#briefing").query_one(f"#{self._toc_blocks[-1]}")
            except Exception:  # the Markdown is being rebuilt: the next update sizes it
                return
            # from the heading (and its margin) to the end of the briefing, in the scrolled content
            md = self.query_one("#briefing")
            tail = (md.virtual_region_with_margin.bottom - md.virtual_region.y) - (
                block.virtual_region.y - block.styles.margin.top
            )
            need = max(0, body.scrollable_content_region.height - tail)
        if end.styles.height is None or end.styles.height.value != need:
            end.styles.height = need

    def toc_titles(self) -> list[str]:
        toc = self.query_one("#toc", OptionList)
        return [toc.get_option_at_index(i).prompt.plain.strip() for i in range(toc.option_count)]

    def jump_to(self, title: str) -> bool:
        """Scroll the briefing to the first heading titled ``title`` (used by tests and the TOC)."""
        for i, t in enumerate(self.toc_titles()):
            if t == title:
                self._jump(i)
                return True
        return False

    def _jump(self, index: int) -> None:
        block_id = self._toc_blocks[index]
        block = self.query_one("#briefing").query_one(f"#{block_id}")
        self.query_one("#topic-body", VerticalScroll).scroll_to_widget(block, top=True, animate=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "toc":
            self._jump(event.option_index)
        elif event.option_list.id == "topic-questions":
            self.app.open_question(self.pack, self.questions[event.option_index])

    def action_focus_toc(self) -> None:
        self.query_one("#toc").focus()

    def action_focus_body(self) -> None:
        self.query_one("#topic-body").focus()

    def action_focus_questions(self) -> None:
        self.query_one("#topic-questions").focus()
