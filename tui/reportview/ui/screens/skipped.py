"""The files that were not read, and why (excluded by config, unreadable, empty, not text)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reportview.core.textsafe import one_line
from reportview.ui.counts import counted


class SkippedScreen(ModalScreen[None]):
    """Every skipped file with its reason."""

    DEFAULT_CSS = """
    SkippedScreen { align: center middle; }
    SkippedScreen > VerticalScroll {
        width: 110; max-width: 100%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q,S", "dismiss", "Close"),
        Binding("down,j", "scroll('down')", "Down", show=False),
        Binding("up,k", "scroll('up')", "Up", show=False),
    ]

    def __init__(self, skipped: Sequence[Any]) -> None:
        super().__init__()
        self.skipped = list(skipped)

    def compose(self) -> ComposeResult:
        from reportview.ui.widgets.key_footer import KeyFooter

        with VerticalScroll() as scroll:
            scroll.border_title = f"Skipped: {counted(len(self.skipped), 'file')}"
            scroll.can_focus = True
            if not self.skipped:
                self.table: Table | Text = Text("No file was skipped.", style="italic")
            else:
                table = Table(box=None, show_header=True, header_style="bold", expand=True, padding=(0, 1))
                table.add_column("file", overflow="fold")
                table.add_column("why")
                for item in self.skipped:
                    table.add_row(Text(one_line(str(item.path))), Text(one_line(str(item.reason))))
                self.table = table
            yield Static(self.table, id="skipped-files")
        yield KeyFooter()

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one(VerticalScroll)
        (scroll.scroll_down if direction == "down" else scroll.scroll_up)(animate=False)
