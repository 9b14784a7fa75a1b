"""The help screen: every key (as currently bound, remaps included) and the search syntax."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reportview.ui.widgets.key_footer import KeyFooter

# (group, binding id or None, default keys, what it does). Ids are remapped from config.keys.
KEYS: tuple[tuple[str, str | None, str, str], ...] = (
    ("Move", None, "↑ ↓ / k j", "move in a list, scroll the text"),
    ("Move", None, "pgup / pgdn", "a page up / down"),
    ("Move", "cursor_top", "g,home", "to the top"),
    ("Move", "cursor_bottom", "G,end", "to the bottom"),
    ("Move", None, "tab / shift+tab", "next / previous pane"),
    ("Move", None, "enter", "open the report or section under the cursor (mouse: click, double click)"),
    ("Move", "previous_report", "left_square_bracket", "previous report"),
    ("Move", "next_report", "right_square_bracket", "next report"),
    ("Move", "figures", "f", "go to the figures panel"),
    ("Search", "search", "slash", "search (results update as you type)"),
    ("Search", None, "enter", "in search: jump to the result, hits marked in the text"),
    ("Search", "next_hit", "n", "next hit"),
    ("Search", "previous_hit", "N", "previous hit"),
    ("Search", None, "escape", "close search and return; while loading: stop loading"),
    ("Copy", "copy_figure", "y", "copy the figure as written (selected row, else the section's first)"),
    ("Copy", "copy_value", "v", "copy the plain normalised number"),
    ("Copy", "copy_row", "Y", "copy the row as TSV in the export's columns: label, value, unit, text, ..."),
    ("Copy", "copy_section", "c", "copy all figures of the section as TSV, with the header row"),
    ("Copy", "copy_section_markdown", "C", "copy all figures of the section as a Markdown table"),
    ("Copy", "export", "e", "export the section's or report's figures to a file"),
    ("Figures", "sort_figures", "s", "sort the figures: text order, value, kind, label"),
    ("App", "help", "question_mark,f1", "this help"),
    ("App", None, "ctrl+p", "command palette: actions, go to report / section"),
    ("App", "quit", "q", "quit"),
)

SEARCH_SYNTAX: tuple[tuple[str, str], ...] = (
    ("plain words", "fuzzy, accents and case ignored: cu tri di bau finds cử tri đi bầu"),
    ('"exact phrase"', "the words together, in this order"),
    ("kind:money|percent|count|ratio|measure", "figures of that kind"),
    ("in:titles|text|figures", "only report and section titles, section text, or figure labels"),
)


def key_text(app, keys: str) -> str:
    """Keys as the user types them: 'question_mark,f1' -> '? / f1'."""
    if "/" in keys:
        return keys
    out = []
    for key in keys.split(","):
        key = key.strip()
        if key:
            out.append(app.get_key_display(Binding(key, "")))
    return " / ".join(out)


class HelpScreen(ModalScreen[None]):
    """Every key and the search syntax."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 96; max-width: 100%; height: 90%; border: round $primary; background: $surface; padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help"),
        Binding("down,j", "scroll('down')", "Down", show=False),
        Binding("up,k", "scroll('up')", "Up", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "reportview help"
            scroll.can_focus = True
            self.keys_table = self._keys_table()
            self.syntax_table = self._syntax_table()
            yield Static(self.keys_table, id="help-keys")
            yield Static(self.syntax_table, id="help-syntax")
        yield KeyFooter()

    def _keys_table(self) -> Table:
        keymap = dict(getattr(self.app, "keymap", {}))
        table = Table(box=None, show_header=True, header_style="bold", expand=True, padding=(0, 1))
        table.add_column("Keys", style="bold", no_wrap=True, min_width=14)
        table.add_column("Does")
        group = None
        for grp, binding_id, default, does in KEYS:
            if grp != group:
                table.add_row(Text(grp, style="bold underline"), "")
                group = grp
            keys = keymap.get(binding_id, default) if binding_id else default
            table.add_row(Text(key_text(self.app, keys)), Text(does))
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

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one(VerticalScroll)
        (scroll.scroll_down if direction == "down" else scroll.scroll_up)(animate=False)
