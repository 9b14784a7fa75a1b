"""Command palette (ctrl+p): the app's actions and "go to report / section" entries."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from reportview.core.textsafe import one_line

if TYPE_CHECKING:
    from reportview.ui.screens.main import MainScreen

# Section entries for every report are offered up to this many; beyond, only the current report's.
MAX_SECTION_ENTRIES = 5000

ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Search", "search", "Search titles, text and figure labels"),
    ("Copy figure", "copy_figure", "Copy the selected figure as written"),
    ("Copy plain number", "copy_value", "Copy the selected figure's normalised value"),
    ("Copy figure row (TSV)", "copy_row", "label, value, unit, report, section"),
    ("Copy section figures (TSV)", "copy_section", "All figures of the section, tab-separated"),
    ("Copy section figures (Markdown)", "copy_section_markdown", "All figures of the section as a table"),
    ("Export figures to a file", "export", "csv, json, jsonl, md, xlsx, sqlite by extension"),
    ("Sort figures", "sort_figures", "text order, value, kind, label"),
    ("Next report", "next_report", "Move to the next report"),
    ("Previous report", "previous_report", "Move to the previous report"),
    ("Figures panel", "figures", "Focus the figures panel"),
    ("Help", "help", "Every key and the search syntax"),
)


class ReportCommands(Provider):
    """Our actions, then every report and section as a "go to" entry."""

    def _main(self) -> MainScreen | None:
        from reportview.ui.screens.main import MainScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
        return None

    def _entries(self) -> Iterator[tuple[str, object, str]]:
        main = self._main()
        if main is None:
            return
        for title, action, help_text in ACTIONS:
            yield title, partial(main.run_named_action, action), help_text
        reports = main.reports
        total_sections = (
            sum(len(r.sections) for r in reports) if len(reports) < 5000 else MAX_SECTION_ENTRIES + 1
        )
        for ri, report in enumerate(reports):
            name = one_line(report.display_title)
            yield f"Go to report: {name}", partial(main.go_to, ri, 0), report.path
            if total_sections <= MAX_SECTION_ENTRIES or ri == main.report_index:
                for section in report.sections:
                    head = f"{section.number}. " if section.number is not None else "¶ "
                    title = one_line(section.title)[:80]
                    yield (
                        f"Go to section: {head}{title}",
                        partial(main.go_to, ri, section.index),
                        name,
                    )

    async def discover(self) -> Hits:
        for title, callback, help_text in self._entries():
            if title.startswith("Go to section"):
                continue
            # The palette reads str as markup: report text is escaped so it shows literally.
            yield DiscoveryHit(escape(title), callback, text=title, help=escape(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(escape(title)),
                    callback,  # type: ignore[arg-type]
                    text=title,
                    help=escape(help_text),
                )
