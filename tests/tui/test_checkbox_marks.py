"""The mock setup's check boxes: a ticked box and an empty one differ in shape (an X or
none), in both themes, with NO_COLOR and on a 16-colour terminal, not only in a shade."""
from __future__ import annotations

import pytest
from rich.color import ColorSystem

from tuiutil import MINI, make_app


def marks(app) -> dict[str, tuple[bool, list]]:
    """Each check box's value and the styles its box's middle cell is drawn in."""
    from rich.cells import cell_len
    from textual.widgets import Checkbox

    out = {cb.id: (cb.value, []) for cb in app.screen.query(Checkbox)}
    boxes = {cb.id: cb.region for cb in app.screen.query(Checkbox)}
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        x = 0
        for seg in strip:
            for name, r in boxes.items():
                if r.contains(x, y) and seg.text == "X":
                    out[name][1].append(seg.style)
            x += cell_len(seg.text)
    return out


def seen(style, system: ColorSystem | None) -> bool:
    """Whether a mark can be seen, as the terminal gets it: in truecolor (or NO_COLOR's greys)
    at least 3:1 against its background, an empty box's below 1.2:1 (a disabled box is faded
    as a whole: its hidden X may differ by a shade no eye sees); in 16 colours, drawn in
    another colour than its background."""
    from test_readability import contrast

    fg, bg = style.color, style.bgcolor
    if system is not None:
        return fg.downgrade(system).number != bg.downgrade(system).number
    ratio = contrast(fg.get_truecolor(), bg.get_truecolor())
    assert ratio >= 3 or ratio < 1.2, ratio  # nothing in between: clearly there, or not at all
    return ratio >= 3


@pytest.mark.parametrize("no_color", [False, True])
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_a_ticked_box_shows_an_x_and_an_empty_one_none(monkeypatch, theme, no_color):
    from studyapp.tui.mock import MockSetupScreen

    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(MINI)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MockSetupScreen)
        for tick in (False, True):  # as the dialog opens, then with every box turned over
            boxes = marks(app)
            assert {value for value, _ in boxes.values()} == {True, False}
            for name, (value, styles) in boxes.items():
                assert len(styles) == 1, name
                for system in (None, ColorSystem.STANDARD):  # 16 colours (TERM=xterm)
                    assert seen(styles[0], system) == value, (name, value, system)
            if not tick:
                from textual.widgets import Checkbox

                for cb in app.screen.query(Checkbox):
                    cb.value = not cb.value
                await pilot.pause()
