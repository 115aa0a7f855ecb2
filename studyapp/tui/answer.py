"""The answer editor of the practice and mock screens."""
from __future__ import annotations

from textual import events
from textual.widgets import TextArea


class AnswerArea(TextArea):
    """A TextArea that keeps the cursor in view when the terminal is resized: the lines
    rewrap and the place being written must not scroll away until the next key."""

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.scroll_cursor_visible)
