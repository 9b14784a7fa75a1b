"""The status line: what is loading (count and bar), or what the corpus holds."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.renderables.bar import Bar
from textual.widget import Widget
from textual.widgets import Label

BAR_WIDTH = 20


class LoadProgress(Widget):
    """A bar and a percentage in one widget (Textual's ProgressBar is four, each styled at
    start-up; this one is drawn from two numbers)."""

    DEFAULT_CSS = """
    LoadProgress { width: 36; height: 1; }
    LoadProgress > .load-progress--bar { color: $primary; background: $surface; }
    LoadProgress > .load-progress--complete { color: $success; background: $surface; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"load-progress--bar", "load-progress--complete"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.done = 0
        self.total = 1

    def update(self, total: int, progress: int) -> None:
        self.total, self.done = max(total, 1), max(0, min(progress, total))
        self.refresh()

    def render(self) -> Text:
        fraction = self.done / self.total
        part = "load-progress--bar" if fraction < 1 else "load-progress--complete"
        style = self.get_component_rich_style(part)
        bar = Bar(
            highlight_range=(0, BAR_WIDTH * fraction),
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
            width=BAR_WIDTH,
        )
        text = Text(no_wrap=True, end="")
        for segment in self.app.console.render(bar, self.app.console.options.update_width(BAR_WIDTH)):
            if segment.text != "\n":
                text.append(segment.text, segment.style)
        text.append(f"{round(fraction * 100)}%".rjust(5))
        return text


class StatusBar(Horizontal):
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; padding: 0 1; }
    StatusBar > Label { width: 1fr; height: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Label("Starting…", id="status-text", markup=False)
        yield LoadProgress(id="status-progress")

    def set_text(self, text: str) -> None:
        self.query_one("#status-text", Label).update(text)

    def progress(self, done: int, total: int) -> None:
        bar = self.query_one("#status-progress", LoadProgress)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)

    def finish(self) -> None:
        self.query_one("#status-progress", LoadProgress).display = False
