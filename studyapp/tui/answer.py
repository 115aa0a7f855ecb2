"""The answer editor of the practice and mock screens."""
from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import TextArea

# what ``AnswerArea.take_in`` did, and what the editor's frame then says
PUT = "put"
APPENDED = "appended"
ALREADY = "already"
TAKEN_IN = {
    PUT: "已放入上一次的提纲，直接修改（ctrl+z 撤销）",
    APPENDED: "上一次的提纲接在你写的内容后面，没有覆盖（ctrl+z 撤销）",
    ALREADY: "上一次的提纲已经在答题框里了",
}


class AnswerArea(TextArea):
    """A TextArea that keeps the cursor in view when the terminal is resized: the lines
    rewrap and the place being written must not scroll away until the next key.

    Its keys are TextArea's (help.md, 编辑), and ctrl+home / ctrl+end for the top and the
    bottom of a long answer, which TextArea does not have."""

    BINDINGS = [
        Binding("ctrl+home", "cursor_text_start", "到开头", show=False),
        Binding("ctrl+end", "cursor_text_end", "到末尾", show=False),
        Binding("ctrl+shift+home", "cursor_text_start(True)", "选到开头", show=False),
        Binding("ctrl+shift+end", "cursor_text_end(True)", "选到末尾", show=False),
    ]

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.scroll_cursor_visible)

    def action_cursor_text_start(self, select: bool = False) -> None:
        self.move_cursor((0, 0), select=select)

    def action_cursor_text_end(self, select: bool = False) -> None:
        self.move_cursor(self.document.end, select=select)

    def take_in(self, text: str) -> str:
        """Put ``text`` (an earlier outline, to be revised) into the editor as one edit that
        ctrl+z undoes: in place of nothing or blanks, else after what is written (never over
        it); not a second time when it is there already. The frame says which (``TAKEN_IN``).
        Returns PUT, APPENDED or ALREADY."""
        current = self.text
        if current.strip() and text.strip() and text.strip() in current:
            done = ALREADY
        elif not current.strip():
            self.replace(text, (0, 0), self.document.end)
            done = PUT
        else:
            self.insert(("" if current.endswith("\n") else "\n") + text, self.document.end)
            done = APPENDED
        if done != ALREADY:
            self.move_cursor(self.document.end)
        self.border_title = TAKEN_IN[done]
        self.focus()
        return done
