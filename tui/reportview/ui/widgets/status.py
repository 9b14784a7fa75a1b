"""The status line: what is loading (count and bar), or what the corpus holds."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class StatusBar(Horizontal):
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; padding: 0 1; }
    StatusBar > Label { width: 1fr; height: 1; }
    StatusBar > ProgressBar { width: 36; height: 1; }
    StatusBar > ProgressBar Bar { width: 20; }
    """

    def compose(self) -> ComposeResult:
        yield Label("Starting…", id="status-text", markup=False)
        yield ProgressBar(show_eta=False, id="status-progress")

    def set_text(self, text: str) -> None:
        self.query_one("#status-text", Label).update(text)

    def progress(self, done: int, total: int) -> None:
        bar = self.query_one("#status-progress", ProgressBar)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)

    def finish(self) -> None:
        self.query_one("#status-progress", ProgressBar).display = False
