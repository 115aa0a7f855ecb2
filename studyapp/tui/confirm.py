"""A small yes/no dialog."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    ALLOW_SEARCH = False  # answer the question first (StudyApp.check_action)
    BINDINGS = [
        Binding("y", "answer(True)", "是"),
        Binding("n,escape", "answer(False)", "否"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(Content(self.question), id="confirm-text")
            with Horizontal(id="confirm-buttons"):
                yield Button("是 (y)", id="yes", variant="warning")
                yield Button("否 (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class ChoiceScreen(ModalScreen[str]):
    """A question with a few answers, a button each, named with its key. The first button
    has the focus (enter takes it: make it the safe one); escape gives ``cancel``."""

    ALLOW_SEARCH = False  # answer the question first (StudyApp.check_action)
    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    #choice { width: 58; max-width: 100%; height: auto; border: thick $warning; background: $surface; padding: 1 2; }
    #choice-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    #choice-buttons Button { min-width: 0; width: auto; margin-left: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, question: str, choices: list[tuple[str, str, str]], cancel: str) -> None:
        """``choices``: (value, label, key) each; ``cancel``: the value of escape."""
        super().__init__()
        self.question = question
        self.choices = choices
        self.cancel = cancel

    def compose(self) -> ComposeResult:
        with Vertical(id="choice"):
            yield Static(Content(self.question), id="choice-text")
            with Horizontal(id="choice-buttons"):
                for i, (value, label, key) in enumerate(self.choices):
                    yield Button(f"{label} ({key})", id=f"choice-{value}", variant="primary" if i == 0 else "default")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_key(self, event) -> None:
        for value, _label, key in self.choices:
            if event.key == key:
                event.stop()
                self.dismiss(value)
                return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(str(event.button.id).removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self.cancel)
