"""A list that draws only the rows on screen (Textual line API), for 20k reports or 200k sections.

Subclasses say how many rows there are (`row_count`) and what one row looks like (`row_text`);
the list keeps a cursor, scrolls it into view, and posts `Highlighted` / `Selected` messages.
The cursor row is marked with ▸ and reverse video, so it never depends on colour alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.containers import Lines
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from reportview.ui import actions
from reportview.ui.errors import GuardedMessages
from reportview.ui.widgets.painted import PaintedScrollView

CURSOR_MARK = "▸ "
NO_MARK = "  "


class LineList(GuardedMessages, PaintedScrollView, can_focus=True):
    """A cursor list over rows drawn on demand."""

    DEFAULT_CSS = """
    LineList {
        background: $surface;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    LineList > .line-list--cursor { text-style: bold reverse; }
    LineList:focus > .line-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    LineList > .line-list--empty { color: $text-muted; text-style: italic; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"line-list--cursor", "line-list--empty"}

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("lists")  # type: ignore[assignment]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class _RowMessage(Message):
        def __init__(self, sender: LineList, index: int) -> None:
            super().__init__()
            self.list = sender
            self.index = index

        @property
        def control(self) -> LineList:
            return self.list

    class Highlighted(_RowMessage):
        """The cursor moved to row `index`."""

    class Selected(_RowMessage):
        """Row `index` was opened (Enter or a click)."""

    empty_text = "Nothing here."
    row_height = 1  # screen lines per row (row_lines gives them)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._count = 0
        self._empty_lines: tuple[tuple[str, int] | None, Lines] = (None, Lines())  # ((text, width), lines)
        # Called at once on enter / double click (else a Selected message is posted): the owner
        # can move focus before the next queued key is matched against bindings.
        self.on_select: Callable[[int], None] | None = None
        # Likewise for cursor moves: the owner updates dependent panes before the next key.
        self.on_highlight: Callable[[int], None] | None = None

    # --- what subclasses provide -------------------------------------------------------------

    def row_count(self) -> int:
        raise NotImplementedError

    def row_text(self, index: int, width: int) -> Text:
        """Row `index`; `width` is the room after the cursor mark (for right-aligned parts)."""
        raise NotImplementedError

    def row_lines(self, index: int, width: int) -> list[Text]:
        """The row_height lines of row `index` (one: row_text)."""
        return [self.row_text(index, width)]

    # --- data changes ------------------------------------------------------------------------

    def reset(self, cursor: int = 0) -> None:
        """The rows changed completely: remeasure, move the cursor, redraw."""
        self._count = self.row_count()
        self._measure()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.set_reactive(LineList.cursor, max(0, min(cursor, self._count - 1)))
        self._scroll_cursor_into_view()
        self.refresh()

    def rows_added(self) -> None:
        """Rows were appended: grow without moving the cursor or the view."""
        self._count = self.row_count()
        self._measure()
        self.refresh()

    def _measure(self) -> None:
        """The scrollable size for the rows, without a layout of the screen.

        A new virtual size asks Textual for a layout of the whole screen (every key typed in the
        search, every batch of loaded reports). The list's own size does not depend on its rows:
        its scrollbars are brought up to date here (what the layout would do for it), and only
        a scrollbar shown or hidden still lays the screen out (Textual's own reactive)."""
        size = Size(self.scrollable_content_region.width or 1, self._count * self.row_height)
        if size == self.virtual_size:
            return
        self.set_reactive(Widget.virtual_size, size)
        self._scroll_update(size)

    @property
    def count(self) -> int:
        return self._count

    # --- cursor ------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self._count - 1)) if self._count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        if self._count:
            if self.on_highlight is not None:
                self.on_highlight(new)
            else:
                self.post_message(self.Highlighted(self, new))

    def move_to(self, index: int, *, notify: bool = True) -> None:
        if notify:
            self.cursor = index
        else:
            self.set_reactive(LineList.cursor, self.validate_cursor(index))
            self._scroll_cursor_into_view()
            self.refresh()

    def _scroll_cursor_into_view(self) -> None:
        if self._count:
            h = self.row_height
            self.scroll_to_region(Region(0, self.cursor * h, 1, h), animate=False, immediate=True, force=True)

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_cursor_top(self) -> None:
        self.cursor = 0

    def action_cursor_bottom(self) -> None:
        self.cursor = self._count - 1

    def action_select(self) -> None:
        if not self._count:
            return
        if self.on_select is not None:
            self.on_select(self.cursor)
        else:
            self.post_message(self.Selected(self, self.cursor))

    # --- mouse -------------------------------------------------------------------------------

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + int(self.scroll_y)) // self.row_height
        if 0 <= index < self._count:
            event.stop()
            if index == self.cursor and event.chain >= 2:
                self.action_select()
            else:
                self.cursor = index

    def _on_hide(self, event: events.Hide) -> None:
        # Keep focus through a transient zero-size layout at start-up; give it up only when the
        # list is really taken off the screen (display: none).
        if self.display:
            event.prevent_default()  # Textual calls every class's handler unless prevented
            if self.show_vertical_scrollbar:
                self.vertical_scrollbar.post_message(event)

    # --- drawing -----------------------------------------------------------------------------

    def _on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width or 1, self._count * self.row_height)
        self._scroll_cursor_into_view()

    def render_line(self, y: int) -> Strip:
        width = self.paint_width
        base = self.base_style
        index, part = divmod(y + int(self.scroll_y), self.row_height)
        if self._count == 0:
            # The empty state's words, wrapped to the pane (they can say what to type instead);
            # wrapped once per text and width, not once per line drawn.
            key = (self.empty_text, width)
            if self._empty_lines[0] != key:
                self._empty_lines = (key, Text(self.empty_text).wrap(self.app.console, max(1, width)))
            lines = self._empty_lines[1]
            if y < len(lines):
                style = self.get_component_rich_style("line-list--empty")
                line = lines[y].copy()  # (styled and padded below: the wrapped lines stay as they are)
                line.stylize(style)
                return self._strip(line, width, base)
            return Strip.blank(width, base)
        if index >= self._count:
            return Strip.blank(width, base)
        is_cursor = index == self.cursor
        line = Text(CURSOR_MARK if is_cursor and not part else NO_MARK, no_wrap=True, end="")
        room = max(1, width - len(CURSOR_MARK))
        if self.row_height == 1:
            line.append_text(self.row_text(index, room))
        else:
            rows = self.row_lines(index, room)
            if part < len(rows):
                line.append_text(rows[part])
        if is_cursor:
            line.stylize(self.get_component_rich_style("line-list--cursor"))
        return self._strip(line, width, base)

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        text.no_wrap = True
        text.end = ""
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console))
        return Strip(Segment.apply_style(segments, base), width).crop(0, width)
