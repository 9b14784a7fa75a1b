"""The help screen: every key (as currently bound, remaps included) and the search syntax."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Static

from reportview.ui import actions
from reportview.ui.screens.scroll_modal import ScrollModal

SYMBOLS: tuple[tuple[str, str], ...] = (
    ("▸", "the row under the cursor"),
    ("Item 6", "the text pane shows the report's 6th numbered highlight"),
    ("Paragraph 3", "a report without numbered items is read paragraph by paragraph (w: all of it)"),
    ("(12) in Sections", "the section holds 12 figures"),
    ("≈  >  <  ≥", "figures column ±: about, over, under, at least"),
    ("▲  ▼", "figures column ±: a rise, a fall"),
    ("…", "cut to fit the pane: Enter on a figure shows all of it"),
    ("vs … · period …", "under the figures: the cursor row's base and period, when they have no column"),
    ("·", "separates the parts of a line (title · date, count · count)"),
)

SEARCH_SYNTAX: tuple[tuple[str, str], ...] = (
    ("plain words", "fuzzy, accents and case ignored: cu tri di bau finds cử tri đi bầu"),
    ('"exact phrase"', "the words together, in this order"),
    ("kind:money|percent|count|ratio|measure", "figures of that kind"),
    ("in:titles|text|figures", "only report and section titles, section text, or figure labels"),
)


class HelpScreen(ScrollModal):
    """Every key and the search syntax."""

    DEFAULT_CSS = """
    HelpScreen > VerticalScroll { width: 96; height: 90%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark,f1", "dismiss", "Close help")]

    def frame_title(self) -> str:
        return "reportview help"

    def body(self) -> Iterable[Widget]:
        self.keys_table = self._keys_table()
        self.syntax_table = self._syntax_table()
        self.symbols_table = self._symbols_table()
        yield Static(self.keys_table, id="help-keys")
        yield Static(self.syntax_table, id="help-syntax")
        yield Static(self.symbols_table, id="help-symbols")

    def _keys_table(self) -> Table:
        keymap = dict(getattr(self.app, "keymap", {}))
        table = Table(box=None, show_header=True, header_style="bold", expand=True, padding=(0, 1))
        table.add_column("Keys", style="bold", no_wrap=True, min_width=14)
        table.add_column("Does")
        group = None
        for grp, keys, does, _id in actions.keys_listing(keymap):
            if grp != group:
                table.add_row(Text(grp, style="bold underline"), "")
                group = grp
            table.add_row(Text(keys), Text(does))
        return table

    def _syntax_table(self) -> Table:
        table = Table(
            box=None, show_header=True, header_style="bold", expand=True, padding=(0, 1), title_justify="left"
        )
        table.add_column("Search syntax", style="bold", no_wrap=True)
        table.add_column("Finds")
        for syntax, what in SEARCH_SYNTAX:
            table.add_row(Text(syntax), Text(what))
        return table

    def _symbols_table(self) -> Table:
        table = Table(box=None, show_header=True, header_style="bold", expand=True, padding=(0, 1))
        table.add_column("Symbol", style="bold", no_wrap=True, min_width=14)
        table.add_column("Means")
        for symbol, means in SYMBOLS:
            table.add_row(Text(symbol), Text(means))
        return table
