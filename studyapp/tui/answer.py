"""The answer editor of the practice and mock screens."""
from __future__ import annotations

import unicodedata

from textual import events
from textual.binding import Binding
from textual.geometry import Offset
from textual.widgets import TextArea

# what ``AnswerArea.take_in`` did, and what the editor's frame then says (of ``name``)
PUT = "put"
APPENDED = "appended"
ALREADY = "already"
TAKEN_IN = {
    PUT: "已放入{name}，直接修改（ctrl+z 撤销）",
    APPENDED: "{name}接在你写的内容后面，没有覆盖（ctrl+z 撤销）",
    ALREADY: "{name}已经在答题框里了",
}


def _typed_space(event: events.Key) -> bool:
    """A space other than the ASCII one typed (全角空格 U+3000, a no-break space): text to keep,
    which Textual's keys do not count as printable."""
    c = event.character
    return c is not None and len(c) == 1 and c != " " and unicodedata.category(c) == "Zs"


class AnswerArea(TextArea):
    """A TextArea that keeps the cursor in view when the terminal is resized: the lines
    rewrap and the place being written must not scroll away until the next key.

    Its keys are TextArea's (help.md, 编辑), and ctrl+home / ctrl+end for the top and the
    bottom of a long answer, which TextArea does not have. End (ctrl+e, and ctrl+k's end) on
    a screen line that wraps goes after its last character: TextArea stops one short, as if
    the line wrapped at a space (Chinese wraps between any two characters)."""

    BINDINGS = [
        Binding("ctrl+home", "cursor_text_start", "到开头", show=False),
        Binding("ctrl+end", "cursor_text_end", "到末尾", show=False),
        Binding("ctrl+shift+home", "cursor_text_start(True)", "选到开头", show=False),
        Binding("ctrl+shift+end", "cursor_text_end(True)", "选到末尾", show=False),
    ]

    def take_stray(self, event: events.Key | events.Paste, *, enter: bool = True) -> bool:
        """A key (or a paste) that reached the screen while another part of it had the focus
        (the prompt, or an earlier outline, focused with shift+tab to scroll it): what was
        typed is meant for the answer. A character (enter too, unless ``enter`` is False:
        where enter works a button), or pasted text, goes in here at the cursor, and the
        focus with it. True when taken (the event goes no further)."""
        if self.has_focus:
            return False
        return self.take_typed(event, enter=enter)

    @staticmethod
    def typed_text(event: events.Key | events.Paste, *, enter: bool = True) -> str | None:
        """What a key or a paste would type into the answer (``take_stray``'s rule), or None
        for a key that types nothing (arrows, page keys, ctrl+…: a screen's own keys)."""
        if isinstance(event, events.Paste):
            return event.text
        if event.is_printable or _typed_space(event) or (enter and event.key == "enter"):
            return "\n" if event.key == "enter" else (event.character or "")
        return None

    def take_typed(self, event: events.Key | events.Paste, *, enter: bool = True) -> bool:
        """Type what ``event`` types (``typed_text``) into the answer at its cursor, and
        focus it, even from a screen shown over this one (the reference answer, the mock's
        help: that screen closes first). True when taken (the event goes no further)."""
        text = self.typed_text(event, enter=enter)
        if text is None:
            return False
        event.stop()
        event.prevent_default()
        self.focus()
        self.insert(text)
        return True

    async def _on_key(self, event: events.Key) -> None:
        if _typed_space(event) and not self.read_only:
            # a full-width space (全角空格, the space bar of a Chinese input method in 全角 mode):
            # TextArea types only what Python calls printable, and drops it
            event.stop()
            event.prevent_default()
            self._restart_blink()
            self._replace_via_keyboard(event.character, *self.selection)
            return
        await super()._on_key(event)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.scroll_cursor_visible)

    def scroll_cursor_visible(self, center: bool = False, animate: bool = False) -> Offset:
        try:
            return super().scroll_cursor_visible(center, animate)
        except ValueError:
            # Textual 8.2: an undo or redo that makes the text fit the editor takes its scroll
            # bar away, and asks where the cursor is before moving it into the shorter text
            # (an out-of-bounds line, and the app died); the undo then moves the cursor, and
            # that scrolls it into view
            return Offset(0, 0)

    def get_cursor_line_end_location(self) -> tuple[int, int]:
        row, column = super().get_cursor_line_end_location()
        line = self.document[row]
        if column < len(line) and not line[column].isspace():
            # a wrap point follows: TextArea's end leaves the line's last character after it
            # (right where the wrap is at a space, which then is that character)
            offsets = self.wrapped_document.get_offsets(row)
            if column + 1 in offsets:
                return row, column + 1
        return row, column

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # what take_in said on the frame is true only until the text changes (it bubbles on)
        if self._taken is not None and self.text != self._taken:
            self._taken = None
            self.border_title = None

    _taken: str | None = None  # the text as take_in left it, while its frame title shows

    def action_cursor_text_start(self, select: bool = False) -> None:
        self.move_cursor((0, 0), select=select)

    def action_cursor_text_end(self, select: bool = False) -> None:
        self.move_cursor(self.document.end, select=select)

    def take_in(self, text: str, name: str = "上一次的提纲") -> str:
        """Put ``text`` (an earlier outline, to be revised; or a draft's copy) into the editor as one edit that
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
        self.border_title = TAKEN_IN[done].format(name=name)
        self._taken = self.text
        self.focus()
        return done
