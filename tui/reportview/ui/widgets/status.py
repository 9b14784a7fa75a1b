"""The status line: what is loading (count and bar), or what the corpus holds."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.renderables.bar import Bar
from textual.strip import Strip
from textual.widget import Widget

from reportview.core.textsafe import one_line
from reportview.ui.widgets.painted import line_strip

BAR_WIDTH = 20
PROGRESS_WIDTH = 36  # the bar, the percentage, and room after them


class StatusBar(Widget):
    """One line: the status text, then (while loading) a bar and a percentage.

    One widget drawn from a string and two numbers (it was a Horizontal holding a Label and a
    progress widget: three widgets styled and laid out at start-up for one line of text)."""

    DEFAULT_CSS = """
    StatusBar { dock: bottom; margin-bottom: 1; height: 1; background: $panel; padding: 0 1; }
    StatusBar > .status-bar--bar { color: $primary; background: $surface; }
    StatusBar > .status-bar--complete { color: $success; background: $surface; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"status-bar--bar", "status-bar--complete"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = "Starting…"
        self.done = 0
        self.total = 1
        self.show_progress = False

    def set_text(self, text: str) -> None:
        # One line, no control characters: the text may hold paths and file names.
        self.text = one_line(text)
        self.refresh()

    def progress(self, done: int, total: int) -> None:
        self.total = max(total, 1)
        self.done = max(0, min(done, self.total))
        self.show_progress = True
        self.refresh()

    def finish(self) -> None:
        self.show_progress = False
        self.refresh()

    def _bar(self) -> Text:
        fraction = self.done / self.total
        part = "status-bar--bar" if fraction < 1 else "status-bar--complete"
        style = self.get_component_rich_style(part)
        bar = Bar(
            highlight_range=(0, BAR_WIDTH * fraction),
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
            width=BAR_WIDTH,
        )
        console = self.app.console
        text = Text(no_wrap=True, end="")
        for segment in console.render(bar, console.options.update_width(BAR_WIDTH)):
            if segment.text != "\n":
                text.append(segment.text, segment.style)
        text.append(f"{round(fraction * 100)}%".rjust(5))
        return text

    def render_line(self, y: int) -> Strip:
        return line_strip(self, self._line() if y == 0 else None)

    def _line(self) -> Text:
        width = self.content_size.width
        room = width - PROGRESS_WIDTH if self.show_progress else width
        line = Text(self.text, no_wrap=True, end="")
        line.truncate(max(0, room), overflow="ellipsis", pad=self.show_progress)
        if self.show_progress:
            line.append_text(self._bar())
        return line
