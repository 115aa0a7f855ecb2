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
