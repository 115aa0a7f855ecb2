"""Help: the keys and how grading works (studyapp/tui/help.md)."""
from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

HELP_FILE = Path(__file__).with_name("help.md")


def help_text() -> str:
    try:
        return HELP_FILE.read_text(encoding="utf-8")
    except OSError:
        return "# 帮助\n\n帮助文件缺失。按 escape 返回。"


class HelpScreen(Screen):
    # every table here is key | what it does: the key is never shortened (ctrl+q, ctrl+t and
    # ctrl+p would all read ctr… at 60 columns); the description wraps instead
    DEFAULT_CSS = """
    HelpScreen MarkdownTableContent { grid-columns: auto 1fr; }
    """
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "app.pop_screen", "返回"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help-body"):
            yield Markdown(help_text(), open_links=False, id="help")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "帮助"
        self.query_one("#help-body").focus()
