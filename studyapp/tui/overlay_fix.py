"""Keep Chinese characters whole where a notification (or another overlay) crosses the edge
of a widget underneath.

Textual's compositor cuts every screen line at the edges of every visible widget and
divides each widget's line at those cuts; a double-width character that straddles a cut
is replaced by two spaces. In an overlay (a toast over the home screen's two columns) the
character simply vanishes: "无法写入数据文件夹" shows as "无法写  数据文件夹"
(https://github.com/Textualize/textual/issues/6357, open).

The replacement ``_render_chops`` below is Textual's own, except where the original would
destroy a character: when a wide character of a widget straddles a cut and that widget is
the one shown on both sides of it, the cut is not made for that line; the character stays
in the left piece and the right piece becomes an empty placeholder. Partial updates get the
matching end for such a widened piece, and redraw whole lines (a changed region's own edge
would crop the overlay mid-character too). Lines without a straddling character are divided
exactly as before, so everything else renders as it always did.
"""
from __future__ import annotations

from typing import Any, Callable

_installed = False
_ORIGINAL_RENDER_CHOPS = None  # Textual's own, kept for tests/tui/test_overlay.py


def _straddled(strip: Any, cuts: list[int]) -> set[int]:
    """The cuts (relative to the strip) that fall inside one of its double-width characters."""
    if not cuts:
        return set()
    from rich.cells import get_character_cell_size

    wanted = set(cuts)
    found: set[int] = set()
    x = 0
    for segment in strip:
        text = segment.text
        if segment.control or text.isascii():
            x += len(text) if not segment.control else 0
            continue
        for ch in text:
            w = get_character_cell_size(ch)
            if w == 2 and x + 1 in wanted:
                found.add(x + 1)
            x += w
    return found


def _render_chops(self, crop, is_rendered_line: Callable[[int], bool]):
    from textual.geometry import Region
    from textual.strip import Strip

    cuts = self.cuts
    chops: list[dict[int, Any]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    intersection = Region.intersection
    for region, clip, strips in self._get_renders(crop):
        render_region = intersection(region, clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips):
            if not is_rendered_line(y):
                continue
            chops_line = chops[y]
            final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            relative = [cut - render_x for cut in final_cuts[1:]]
            keep = set(final_cuts)
            for rel in _straddled(strip, relative[:-1]):
                cut = rel + render_x
                i = final_cuts.index(cut)
                # only where this widget wins the pieces on both sides of the cut
                if chops_line.get(final_cuts[i - 1]) is None and chops_line.get(cut) is None:
                    keep.discard(cut)
            if len(keep) == len(final_cuts):
                pieces = strip.divide(relative)
                for cut, piece in zip(final_cuts, pieces):
                    if chops_line.get(cut) is None:
                        chops_line[cut] = piece
                continue
            kept = [cut for cut in final_cuts if cut in keep]
            pieces = strip.divide([cut - render_x for cut in kept[1:]])
            by_start = dict(zip(kept, pieces))
            empty = Strip([], 0)
            for cut in final_cuts[:-1]:
                if chops_line.get(cut) is not None:
                    continue
                chops_line[cut] = by_start.get(cut, empty)  # merged into the piece on its left
    return chops


def _render_partial_update(self):
    from textual._compositor import ChopsUpdate
    from textual.geometry import Region

    screen_region = self.size.region
    # Whole lines: a dirty region's own edge (the detail panel changing under a toast) would
    # otherwise crop the overlay's line in the middle of a wide character.
    update_regions = {Region(0, r.y, screen_region.width, r.height) for r in self._dirty_regions}
    self._dirty_regions.clear()
    if not update_regions:
        return None
    crop = Region.from_union(update_regions).intersection(screen_region)
    spans = list(self._regions_to_spans(update_regions))
    is_rendered_line = {y for y, _, _ in spans}.__contains__
    chops = self._render_chops(crop, is_rendered_line)
    chop_ends = []
    for cut_set, line in zip(self.cuts, chops):
        ends = cut_set[1:]
        # a piece widened over the next cut ends where its text ends
        chop_ends.append(
            [
                max(end, x + piece.cell_length) if piece is not None and piece.cell_length else end
                for end, (x, piece) in zip(ends, line.items())
            ]
        )
    return ChopsUpdate(chops, spans, chop_ends)


def install_overlay_fix() -> bool:
    """Patch Textual's compositor as described above; False if its internals moved (then
    Textual renders as it does upstream; tests/tui/test_bad_input.py notices)."""
    global _installed, _ORIGINAL_RENDER_CHOPS
    if _installed:
        return True
    try:
        from textual._compositor import ChopsUpdate, Compositor  # noqa: F401
    except ImportError:
        return False
    needed = ("_render_chops", "render_partial_update", "cuts", "_get_renders", "_regions_to_spans")
    if not all(hasattr(Compositor, name) for name in needed):
        return False
    _ORIGINAL_RENDER_CHOPS = Compositor._render_chops
    Compositor._render_chops = _render_chops
    Compositor.render_partial_update = _render_partial_update
    _installed = True
    return True
