"""Command palette (ctrl+p) on the main screen: the registry's actions, then "go to" entries.

Matching folds accents and case as search does (core.folding): `chi linh` finds Chí Linh."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.css.query import NoMatches

from reportview.core.folding import fold
from reportview.core.textsafe import one_line
from reportview.ui import actions

if TYPE_CHECKING:
    from reportview.ui.screens.main import MainScreen

# Section entries for every report are offered up to this many; beyond, only the current report's.
MAX_SECTION_ENTRIES = 5000


class ReportCommands(Provider):
    """The actions available now, then every report and section as a "go to" entry."""

    @property
    def main(self) -> MainScreen:
        return self.screen  # type: ignore[return-value]  (MainScreen.COMMANDS holds this provider)

    async def _run(self, row: actions.Action) -> None:
        await self.app.run_action(row.target, self.main.action_target(row.owners[0]))

    def _action_entries(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        main = self.main
        for row in actions.ACTIONS:
            if row.title is None or not main.available(row.when):
                continue
            keys = actions.keys_text(actions.effective_keys(row, dict(getattr(self.app, "keymap", {}))))
            yield row.title, partial(self._run, row), f"{keys} · {row.help}"

    def _entries(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        yield from self._action_entries()
        main = self.main
        reports = main.reports
        total_sections = (
            sum(len(r.sections) for r in reports) if len(reports) < 5000 else MAX_SECTION_ENTRIES + 1
        )
        for ri, report in enumerate(reports):
            name = one_line(report.display_title)
            yield f"Go to report: {name}", partial(main.go_to, ri, 0), report.path
            if total_sections <= MAX_SECTION_ENTRIES or ri == main.report_index:
                for section in report.sections:
                    head = f"{section.number}. " if section.number is not None else "paragraph: "
                    title = one_line(section.title)[:80]
                    yield (
                        f"Go to section: {head}{title}",
                        partial(main.go_to, ri, section.index),
                        name,
                    )

    async def discover(self) -> Hits:
        for title, callback, help_text in self._action_entries():
            # Content, not str: the palette reads str as markup; titles and report text are literal.
            yield DiscoveryHit(Content(title), callback, text=title, help=Content(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(fold(query))
        style = matcher.match_style
        for title, callback, help_text in self._entries():
            folded = fold(title)
            score, offsets = matcher.fuzzy_search.match(matcher.query, folded)
            if score <= 0:
                continue
            display = Content(title)
            if len(folded) == len(title):  # one folded character per character (NFC text)
                for offset in offsets:
                    if not title[offset].isspace():
                        display = display.stylize(style, offset, offset + 1)
            yield Hit(score, display, callback, text=title, help=Content(help_text))


class Palette(CommandPalette):
    """Textual's command palette, steady under fast keys."""

    def _action_command_list(self, action: str) -> None:
        # pgup/pgdn before the list has laid out its new options (Textual's OptionList reads its
        # line map), or a key that comes while the palette is being taken down (its list gone):
        # the key does nothing rather than fail.
        with contextlib.suppress(KeyError, NoMatches):
            super()._action_command_list(action)

    def _watch__list_visible(self) -> None:
        # Commands gathered after the palette was dismissed find no list to show: nothing to do.
        with contextlib.suppress(NoMatches):
            super()._watch__list_visible()
