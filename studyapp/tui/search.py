"""Command-palette search over the topics and questions of every loaded pack."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

from studyapp.core.safe_text import sanitize_line

MATCH_STYLE = Style(reverse=True)


def fold(text: str) -> str:
    """core.text.fold, imported when the palette is first used, not at the app's start."""
    from studyapp.core.text import fold as core_fold

    return core_fold(text)


def search_terms(query: str) -> list[str]:
    """The words of a query, folded as grading folds text (繁→简, full-width → ASCII,
    lower case): 「證明 清單」 → ["证明", "清单"]. Every word must match."""
    return fold(query).split()


def _highlight(text: str, offsets: tuple[int, ...] | list[int]) -> Content:
    """Literal Content with the matched characters reversed.

    (Textual's Matcher.highlight parses its candidate as markup; pack text must not be.)
    """
    content = Content(text)
    for i in offsets:
        if 0 <= i < len(text) and not text[i].isspace():
            content = content.stylize(MATCH_STYLE, i, i + 1)
    return content


class PackSearch(Provider):
    """Find a topic or a question by words from its title or prompt (a topic by its tags
    too, a question by its id). Traditional characters find simplified ones and back; words
    separated by spaces must all match, in any order."""

    _cache: list | None = None

    def _entries(self):
        """(shown text, searched text folded, id, command, help) for every topic and question.

        The shown text begins the searched one, and folding keeps every character's place,
        so the offsets of a match in the folded text are those of the shown characters.
        The id (not shown) is matched as written: ``dog`` finds ``dog-certificate``, not
        every id with a d, an o and a g in it."""
        if self._cache is None:
            self._cache = list(self._make_entries())
        return self._cache

    def _make_entries(self):
        app = self.app
        for pack in getattr(app, "packs", ()):
            pack_title = sanitize_line(pack.title)
            for topic in pack.topics:
                text = f"话题 · {sanitize_line(topic.title)}"
                searched = " ".join([text, *(sanitize_line(t) for t in topic.tags)])
                ids = fold(sanitize_line(topic.id))
                yield text, fold(searched), ids, partial(app.open_topic, pack, topic), pack_title
            for q in pack.questions:
                kind = sanitize_line(q.type) or "题目"
                prompt = sanitize_line(q.prompt)
                searched = f"{kind} · {prompt}"
                if len(prompt) > 60:
                    prompt = prompt[:59] + "…"
                ids = fold(sanitize_line(q.id))
                yield f"{kind} · {prompt}", fold(searched), ids, partial(app.open_question, pack, q), pack_title

    async def discover(self) -> Hits:
        for text, _, _, command, help_text in self._entries():
            yield DiscoveryHit(Content(text), command, text=text, help=Content(help_text))

    async def search(self, query: str) -> Hits:
        terms = search_terms(query)
        if not terms:
            return
        fuzzy = self.matcher(query).fuzzy_search
        for text, searched, ids, command, help_text in self._entries():
            score = 0.0
            offsets: set[int] = set()
            for term in terms:
                term_score, term_offsets = fuzzy.match(term, searched)
                if term_score <= 0:
                    if term not in ids:
                        break
                    term_score = len(term)
                score += term_score
                offsets.update(term_offsets)
            else:
                yield Hit(score, _highlight(text, sorted(offsets)), command, text=text, help=Content(help_text))


NO_MATCHES = "没有找到匹配的话题或题目"


def search_palette(**kwargs):
    """The command palette, saying "no matches" in Chinese (Textual's text is English)."""
    from rich.align import Align
    from rich.text import Text
    from textual.command import CommandList, CommandPalette
    from textual.widgets.option_list import Option

    class SearchPalette(CommandPalette):
        def _start_no_matches_countdown(self, search_value: str) -> None:
            super()._start_no_matches_countdown(search_value)
            if not search_value:
                return
            timer = getattr(self, "_no_matches_timer", None)
            if timer is None:
                return
            timer.stop()

            def show() -> None:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(NO_MATCHES, style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True

            self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)

    return SearchPalette(**kwargs)

