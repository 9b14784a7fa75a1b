"""The files that were not read, and why (excluded by config, unreadable, empty, not text)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Static

from reportview.core.textsafe import one_line
from reportview.ui.counts import counted
from reportview.ui.screens.scroll_modal import ScrollModal


class SkippedScreen(ScrollModal):
    """Every skipped file with its reason."""

    DEFAULT_CSS = """
    SkippedScreen > VerticalScroll { width: 110; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,q,S", "dismiss", "Close")]

    def __init__(self, skipped: Sequence[Any]) -> None:
        super().__init__()
        self.skipped = list(skipped)

    def frame_title(self) -> str:
        return f"Skipped: {counted(len(self.skipped), 'file')}"

    def body(self) -> Iterable[Widget]:
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
