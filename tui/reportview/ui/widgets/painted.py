"""A line-API ScrollView that looks up its base style once per paint."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget


class PaintedScrollView(ScrollView):
    """`base_style` (the widget's rich style) and `paint_width` (the width lines are drawn in) are
    computed once per `render_lines`: the style walks every ancestor's styles and the width
    works out the scrollbars, which per line costs more than drawing the line."""

    _paint_style: Style | None = None
    _paint_width: int | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._paint_style = self.rich_style
        self._paint_width = self.scrollable_content_region.width
        try:
            return super().render_lines(crop)
        finally:
            self._paint_style = None
            self._paint_width = None

    @property
    def base_style(self) -> Style:
        return self.rich_style if self._paint_style is None else self._paint_style

    @property
    def paint_width(self) -> int:
        return self.scrollable_content_region.width if self._paint_width is None else self._paint_width

    def refresh_paint_width(self) -> None:
        """Call after changing the virtual size mid-paint: the scrollbars may change the width."""
        if self._paint_width is not None:
            self._paint_width = self.scrollable_content_region.width


def line_strip(widget: Widget, text: Text | None) -> Strip:
    """One line of a one-line widget drawn with the line API: `text` on the widget's style,
    cropped or padded to the content width (blank when `text` is None). Cheaper at start-up
    than `render()`, which makes a Visual of the widget's content first."""
    width = widget.content_size.width
    base = widget.rich_style
    if text is None:
        return Strip.blank(width, base)
    text.no_wrap = True
    text.end = ""
    text.truncate(width, overflow="crop", pad=True)
    return Strip(Segment.apply_style(list(text.render(widget.app.console)), base), width).crop(0, width)
