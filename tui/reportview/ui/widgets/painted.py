"""A line-API ScrollView that looks up its base style once per paint."""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip


class PaintedScrollView(ScrollView):
    """`base_style` is the widget's rich style, computed once per `render_lines`: the style walks
    every ancestor's styles, which per line costs more than drawing the line."""

    _paint_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._paint_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._paint_style = None

    @property
    def base_style(self) -> Style:
        return self.rich_style if self._paint_style is None else self._paint_style
