"""Topic: the briefing rendered from Markdown, a table of contents, the topic's questions."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Label, Markdown, OptionList, Static
from textual.widgets._markdown import MarkdownTable, MarkdownTH  # (not re-exported by textual.widgets.markdown)
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


def _show_link_targets(state) -> None:
    """markdown-it core rule: where a link points is written after its text, in brackets
    (民政部（https://www.mca.gov.cn）): a briefing is read, not clicked, and links are never
    opened. (A footnote, 说明[^1] … [^1]: 数据来源：某报, is read by CommonMark as such a
    link: its note is shown where it is cited.)"""
    from urllib.parse import unquote

    from markdown_it.token import Token

    for token in state.tokens:
        children = token.children
        if not children:
            continue
        out = []
        href, text = None, []
        for child in children:
            out.append(child)
            if child.type == "link_open":
                # (as written: markdown-it percent-encodes what is not ASCII, 数据 -> %E6%95%B0…)
                href, text = unquote(str(child.attrs.get("href") or "")), []
            elif href is not None and child.type == "link_close":
                said = "".join(text).strip()
                if href and not href.startswith("#") and said not in (href, href.removeprefix("mailto:")):
                    if said.startswith("^"):
                        # a footnote's marker (^1): its note, in place, is the mark (…20项（数据来源：某报）)
                        for t in reversed(out):
                            if t.type == "link_open":
                                break
                            if t.type == "text":
                                t.content = ""
                    extra = Token("text", "", 0)
                    extra.content = f"（{href.rstrip('。.')}）"
                    out.append(extra)
                href = None
            elif href is not None:
                text.append(child.content)
        token.children = out


def chinese_markdown_parser():
    from markdown_it import MarkdownIt

    parser = MarkdownIt("gfm-like")  # Textual's default
    parser.core.ruler.push("join_chinese_lines", _join_chinese_lines)
    parser.core.ruler.push("show_link_targets", _show_link_targets)
    return parser


# --- Tables ---------------------------------------------------------------------------------
#
# Textual's Markdown table is a grid that squeezes columns to nothing when the table is wider
# than the view (a column of city names drawn 0 cells wide) and breaks 甲市 into 甲/市 while a
# long note takes the room. Here each column keeps what its cells need: a cell of up to four
# Chinese characters (8 cells) or one Latin word is never broken; long cells wrap by the Chinese
# rules of text.py; a column of prose keeps at least 16 cells. The room left goes first to the
# columns that need least to be whole. A table that cannot fit even so is shown one row at a
# time, as 表头：内容 lines: nothing is ever dropped.

SHORT_CELL = 8  # cells: up to four Chinese characters stay on one line
LONG_WORD = 16  # a Latin word (a URL, a number) wider than this may be folded
PROSE_CELL = 24  # a cell wider than this is prose ...
PROSE_MIN = 16  # ... and its column keeps at least this many cells


def _cell_lines(cell: Content, width: int) -> list[Content]:
    """``cell`` wrapped to ``width`` cells by the Chinese line-breaking rules."""
    from studyapp.tui.text import divide_line

    lines: list[Content] = []
    for line in cell.split("\n", allow_blank=True):
        offsets = divide_line(line.plain, width)
        lines.extend(part.rstrip() for part in line.divide(offsets))
    return lines or [Content("")]


def _hanging(line: Content, width: int, indent: int = 2) -> list[Content]:
    """``line`` wrapped to ``width``, the lines after the first indented by ``indent``."""
    from studyapp.tui.text import divide_line

    offsets = divide_line(line.plain, width)
    if not offsets:
        return [line.rstrip()]
    first, rest = line.divide([offsets[0]])
    rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")) :]
    return [first.rstrip(), *(" " * indent + part for part in _cell_lines(rest, max(width - indent, 2)))]


def _cell_min(cell: Content) -> int:
    """The narrowest a cell's column may be without breaking a short word."""
    from rich.cells import cell_len

    from studyapp.tui.text import break_chunks

    whole = cell.cell_length
    longest = max((cell_len(chunk.rstrip()) for _s, _e, chunk in break_chunks(cell.plain)), default=0)
    return min(whole, max(SHORT_CELL, min(longest, LONG_WORD)))


def column_widths(headers: list[Content], rows: list[list[Content]], room: int) -> list[int] | None:
    """Widths of the columns' text for a table drawn in ``room`` cells (borders and padding
    included), or None when the table cannot be drawn as a grid without breaking short words."""
    columns = [[h, *(row[i] for row in rows)] for i, h in enumerate(headers)]
    if not columns:
        return None
    natural = [max(max(c.cell_length for c in col), 1) for col in columns]
    least = []
    for col, nat in zip(columns, natural):
        need = max(max(_cell_min(c) for c in col), 1)
        if max(c.cell_length for c in col) > PROSE_CELL:
            need = max(need, PROSE_MIN)
        least.append(min(need, nat))
    space = room - (3 * len(columns) + 1)  # │ x │ y │: a rule and a space each side
    if sum(natural) <= space:
        return natural
    if sum(least) > space:
        return None
    widths = least[:]
    extra = space - sum(least)
    # the columns that need least to be whole are made whole first (a header on one line);
    # the others share what is left, each up to what it needs
    order = sorted(range(len(columns)), key=lambda i: natural[i] - least[i])
    rest = []
    for i in order:
        if natural[i] - least[i] <= extra:
            extra -= natural[i] - least[i]
            widths[i] = natural[i]
        else:
            rest.append(i)
    for n, i in enumerate(rest):
        give = min(natural[i] - widths[i], extra // (len(rest) - n))
        widths[i] += give
        extra -= give
    if rest:
        widths[rest[-1]] += min(extra, natural[rest[-1]] - widths[rest[-1]])
    return widths


def table_lines(
    headers: list[Content],
    rows: list[list[Content]],
    room: int,
    *,
    align: list[str] | None = None,
    header_style: str = "bold",
    rule_style: str = "dim",
) -> list[Content]:
    """The table drawn in ``room`` cells: a grid when it fits, else one block per row of
    ``表头：内容`` lines (continuations indented)."""
    n = len(headers)
    rows = [(row + [Content("")] * n)[:n] for row in rows]
    align = align or ["left"] * n
    widths = column_widths(headers, rows, room)

    def rule(text: str) -> Content:
        return Content(text).stylize(rule_style)

    if widths is None:
        room = max(room, 4)
        out = [rule("─" * room)]
        if not rows:  # a header row alone: its headers, one after another
            out.extend(_hanging(Content(" · ").join(h.stylize(header_style) for h in headers), room))
        for r, row in enumerate(rows):
            if r:
                out.append(rule("─" * room))
            for head, cell in zip(headers, row):
                line = Content.assemble(head.stylize(header_style), "：", cell) if head.plain.strip() else cell
                out.extend(_hanging(line, room))
        out.append(rule("─" * room))
        return out

    def grid_row(cells: list[Content], style: str = "") -> list[Content]:
        wrapped = [_cell_lines(c.stylize(style) if style else c, w) for c, w in zip(cells, widths)]
        height = max(len(w) for w in wrapped)
        lines = []
        for y in range(height):
            parts: list[Content | str] = []
            for i, (cell, w) in enumerate(zip(wrapped, widths)):
                text = cell[y] if y < len(cell) else Content("")
                pad = w - text.cell_length
                text = text.pad_left(pad) if align[i] == "right" else text.center(w) if align[i] == "center" else text.pad_right(pad)
                parts += [rule("│ "), text, " "]
            parts.append(rule("│"))
            lines.append(Content.assemble(*parts))
        return lines

    def border(left: str, mid: str, right: str) -> Content:
        return rule(left + mid.join("─" * (w + 2) for w in widths) + right)

    body = [grid_row(row) for row in rows]
    between = any(len(lines) > 1 for lines in body)  # a rule between rows when one wraps
    out = [border("┌", "┬", "┐"), *grid_row(headers, header_style), border("├", "┼", "┤")]
    for r, lines in enumerate(body):
        if r and between:
            out.append(border("├", "┼", "┤"))
        out.extend(lines)
    out.append(border("└", "┴", "┘"))
    return out


class TableText(Widget):
    """A Markdown table drawn to the width it is given (see ``table_lines``)."""

    DEFAULT_CSS = """
    TableText { width: 1fr; height: auto; text-wrap: nowrap; text-overflow: clip; }
    TableText > .table-text--header { text-style: bold; color: $text-primary; }
    TableText > .table-text--rule { color: $foreground 40%; }
    """
    COMPONENT_CLASSES = {"table-text--header", "table-text--rule"}

    def __init__(self, headers: list[Content], rows: list[list[Content]], align: list[str]) -> None:
        super().__init__()
        self.headers, self.rows, self.align = headers, rows, align
        self._cache: tuple[int, list[Content]] | None = None

    def lines(self, width: int) -> list[Content]:
        if self._cache is None or self._cache[0] != width:
            header = self.get_visual_style("table-text--header", partial=True)
            rule = self.get_visual_style("table-text--rule", partial=True)
            self._cache = (
                width,
                table_lines(self.headers, self.rows, width, align=self.align, header_style=header, rule_style=rule),
            )
        return self._cache[1]

    def notify_style_update(self) -> None:
        self._cache = None
        super().notify_style_update()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_size.width))

    async def action_link(self, href: str) -> None:
        self.post_message(Markdown.LinkClicked(self.query_ancestor(Markdown), href))


class WrappingTable(MarkdownTable):
    """Markdown's table block drawn by ``TableText``."""

    def compose(self) -> ComposeResult:
        headers, rows = self._get_headers_and_rows()
        self._headers, self._rows = headers, rows
        align = []
        for block in self._blocks_of(MarkdownTH):
            style = (block._token.attrGet("style") or "") if block._token is not None else ""
            align.append("right" if "right" in style else "center" if "center" in style else "left")
        yield TableText(headers, rows, align)

    def _blocks_of(self, kind) -> list:
        def flatten(block):
            for child in block._blocks:
                yield from flatten(child)
                yield child

        return [b for b in flatten(self) if isinstance(b, kind)]


class SafeMarkdown(Markdown):
    """Markdown that never follows a link: pack links are shown, not opened.

    Inline text is rendered by Textual as Content (``[bold]`` stays literal);
    a click on a link only tells the reader where it points. Lines of Chinese
    wrapped by the author are joined without a space.
    """

    BLOCKS = {**Markdown.BLOCKS, "table_open": WrappingTable}

    def __init__(self, markdown: str | None = None, **kwargs) -> None:
        kwargs.setdefault("parser_factory", chinese_markdown_parser)
        super().__init__(sanitize(markdown), open_links=False, **kwargs)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.app.notify(f"链接（未打开）：{sanitize_line(event.href)}", markup=False)


class BriefingScroll(VerticalScroll):
    """The briefing's scroll; tells the screen when it is laid out anew (shown again on a
    narrow screen, where a heading chosen in the contents waits for it)."""

    def on_resize(self) -> None:
        if isinstance(self.screen, TopicScreen):
            self.screen.briefing_resized()


class TopicScreen(Screen):
    # The contents pane is narrower on a laptop terminal and wider on a big one; below 70
    # columns it is hidden and c / q show it in place of the briefing (b or esc bring it back).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-medium"), (100, "-normal"), (140, "-wide")]
    BINDINGS = [
        Binding("escape", "back", "返回"),
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
        self._pending_jump: int | None = None  # a heading chosen while the briefing was hidden

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
            with BriefingScroll(id="topic-body"):
                yield Static(one_line(self.topic.title), id="topic-title")
                yield SafeMarkdown(self.topic.body, id="briefing")
                if self.topic.sources:
                    # where the briefing's facts come from (the pack's sources: list), as text
                    yield Static(
                        Content("来源\n" + "\n".join(f"· {sanitize_line(src)}" for src in self.topic.sources)),
                        id="topic-sources",
                    )
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

    def briefing_resized(self) -> None:
        if self._pending_jump is not None and self.query_one("#topic-body").size.height:
            index, self._pending_jump = self._pending_jump, None
            self._size_end_space()
            self._jump(index)

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
            sources = self.query("#topic-sources")
            if sources:
                tail += sources.first().outer_size.height
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
            if self.has_class("-narrow"):  # back to the briefing, at that heading
                self._pending_jump = event.option_index  # done once the briefing is shown again
                self.action_focus_body()
            else:
                self._jump(event.option_index)
        elif event.option_list.id == "topic-questions":
            self.app.open_question(self.pack, self.questions[event.option_index])

    def _show_side(self, show: bool) -> None:
        """On a narrow screen the contents and questions take the briefing's place."""
        self.set_class(show, "-side-open")

    def on_descendant_focus(self, event) -> None:
        side = self.query_one("#topic-side")
        self._show_side(event.widget is side or side in event.widget.ancestors)

    def action_back(self) -> None:
        if self.has_class("-narrow") and self.has_class("-side-open"):
            self.action_focus_body()
        else:
            self.app.pop_screen()

    def action_focus_toc(self) -> None:
        self._show_side(True)
        self.query_one("#toc").focus()

    def action_focus_body(self) -> None:
        self._show_side(False)
        self.query_one("#topic-body").focus()
        self.call_after_refresh(self._size_end_space)  # (sized while it was hidden)

    def action_focus_questions(self) -> None:
        self._show_side(True)
        self.query_one("#topic-questions").focus()
