"""Help: the keys and how grading works (studyapp/tui/help.md)."""
from __future__ import annotations

from pathlib import Path

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, Static

HELP_FILE = Path(__file__).with_name("help.md")


def help_text() -> str:
    try:
        return HELP_FILE.read_text(encoding="utf-8")
    except OSError:
        return "# 帮助\n\n帮助文件缺失。按 escape 返回。"


class HelpScreen(Screen):
    """F1's help. Opened over an answer being written (``answer``: the practice editor, F1
    from the practice screen or from its reference answer), the candidate may go on
    writing: a key that types (q and ? too, which close the help elsewhere: there they are
    answer text) or a paste closes the help, and the screens over the answer, and goes into
    the answer at its cursor (AnswerArea.take_typed: the rule of keys typed over the
    reference or the prompt), never lost. A line at its top says so."""

    # every table here is key | what it does: the key is never shortened (ctrl+q, ctrl+t and
    # ctrl+p would all read ctr… at 60 columns); the description wraps instead
    DEFAULT_CSS = """
    HelpScreen MarkdownTableContent { grid-columns: auto 1fr; }
    HelpScreen #help-note { height: auto; padding: 0 1; background: $boost; }
    """
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "app.pop_screen", "返回"),
    ]
    TYPING_NOTE = "escape 或直接打字，回到答题框（打的字写进答案）"

    def __init__(self, answer: Any = None) -> None:
        super().__init__()
        self.answer = answer  # an AnswerArea being written under the help, where typed keys go

    def compose(self) -> ComposeResult:
        yield Header()
        if self.answer is not None:
            yield Static(Content(self.TYPING_NOTE), id="help-note")
        with VerticalScroll(id="help-body"):
            yield Markdown(help_text(), open_links=False, id="help")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "帮助"
        self.query_one("#help-body").focus()

    def on_key(self, event: events.Key) -> None:
        self._to_answer(event)

    def on_paste(self, event: events.Paste) -> None:
        self._to_answer(event)

    def _to_answer(self, event: events.Key | events.Paste) -> None:
        """Typed (or pasted) over the help: back to the answer with it, the screens above
        its own (the help, the reference answer) closed. The rest of the same burst may
        still arrive here after the help has gone: it goes into the answer too, in order."""
        from studyapp.tui.answer import AnswerArea

        answer = self.answer
        if answer is None or AnswerArea.typed_text(event) is None:
            return
        stack = self.app.screen_stack
        if not answer.is_attached or answer.screen not in stack:
            return  # (its screen is gone: nothing to write into)
        if not self._left:
            self._left = True
            for _ in range(len(stack) - 1 - stack.index(answer.screen)):
                self.app.pop_screen()
        answer.take_typed(event)

    _left = False  # closed by typing: what follows goes to the answer as well
