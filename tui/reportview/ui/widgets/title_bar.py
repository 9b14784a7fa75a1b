"""The title line: Textual's Header drawn by one widget.

Header is four widgets (itself, icon, title, clock space), each styled and laid out at start-up;
this one draws the same line from the app's title and sub-title: the icon on the left (a click
opens the command palette), the title centred between the icon's 8 columns and the clock's 10.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.strip import Strip
from textual.widget import Widget

from reportview.ui.widgets.painted import line_strip

ICON_WIDTH = 8  # Header's icon: width 8, padding 0 1
CLOCK_WIDTH = 10  # the space Header keeps for its clock on the right


class TitleBar(Widget):
    """Icon, then `title — sub_title` centred (the sub-title dim)."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    TitleBar { dock: top; width: 100%; height: 1; background: $panel; color: $foreground; }
    TitleBar > .title-bar--icon-hover { background: $foreground 10%; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"title-bar--icon-hover"}

    def __init__(self, icon: str = "▤", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.icon = icon
        self._icon_hover = False

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._title_changed, init=False)
            self.watch(node, "sub_title", self._title_changed, init=False)

    def _title_changed(self) -> None:
        self.refresh()

    def title_text(self) -> Text:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        text = Text(title, no_wrap=True, end="")
        if sub_title:
            text.append(" — ", "dim")
            text.append(sub_title, "dim")
        return text

    def render_line(self, y: int) -> Strip:
        return line_strip(self, self._line() if y == 0 else None)

    def _line(self) -> Text:
        width = self.size.width
        room = max(0, width - ICON_WIDTH - CLOCK_WIDTH)
        title = self.title_text()
        title.truncate(room, overflow="ellipsis")
        left = (room - title.cell_len) // 2
        icon = Text(" " + self.icon, no_wrap=True, end="")
        icon.pad_right(max(0, ICON_WIDTH - 2 - cell_len(self.icon)))
        icon.append(" ")
        if self._icon_hover:
            hover = self.get_component_rich_style("title-bar--icon-hover")
            icon.stylize(Style(bgcolor=hover.bgcolor))
        line = Text.assemble(icon, " " * left, title, no_wrap=True, end="")
        line.truncate(width, overflow="crop", pad=True)
        return line

    # --- the icon opens the command palette (as Header's does) --------------------------------

    def _set_icon_hover(self, hover: bool) -> None:
        hover = hover and self.app.ENABLE_COMMAND_PALETTE
        if hover != self._icon_hover:
            self._icon_hover = hover
            self.tooltip = "Open the command palette" if hover else None
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_icon_hover(event.x < ICON_WIDTH)

    def on_leave(self, event: events.Leave) -> None:
        self._set_icon_hover(False)

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
