"""The figures pane: the figures of the selected section, sortable, the cursor row marked ▸."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual.binding import BindingType
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable

from reportview.core.export import display_value
from reportview.core.model import Figure
from reportview.core.textsafe import one_line
from reportview.ui import actions
from reportview.ui.errors import GuardedMessages

QUALIFIER_MARKS = {"approx": "≈", "over": ">", "under": "<", "at_least": "≥"}
CHANGE_MARKS = {"up": "▲", "down": "▼"}
KIND_TAGS = {"money": "money", "percent": "pct", "count": "count", "ratio": "ratio", "measure": "meas"}
LABEL_WIDTH = 18

# (name shown in the title, key function); the first is text order.
SORTS: tuple[tuple[str, object], ...] = (
    ("text order", lambda f: (f.start,)),
    ("value ▼", lambda f: (-f.value, f.start)),
    ("kind", lambda f: (f.kind, f.start)),
    ("label", lambda f: ((f.label or "\uffff").casefold(), f.start)),
    ("unit", lambda f: (f.unit.casefold(), -f.value, f.start)),
)
# (header, key, width or None for the content's): the table's columns, by importance.
COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    (" ", "mark", 1),
    ("as written", "text", None),
    ("label", "label", None),
    ("±", "marks", None),
    ("kind", "kind", None),
    ("value", "value", None),
    ("unit", "unit", None),
)
# A click on a column header sorts by that column.
SORT_BY_COLUMN = {"mark": 0, "text": 0, "marks": 0, "value": 1, "kind": 2, "label": 3, "unit": 4}


_FIGURE_ACTIONS = actions.by_target("figures")


def marks_for(figure: Figure) -> str:
    return (
        QUALIFIER_MARKS.get(figure.qualifier or "", "") + CHANGE_MARKS.get(figure.change or "", "")
    ).strip()


class FiguresTable(GuardedMessages, DataTable):
    """Figures of one section; `current` is the figure under the cursor."""

    DEFAULT_CSS = """
    FiguresTable { background: $surface; scrollbar-size-vertical: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("figures")  # type: ignore[assignment]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            id=id, cursor_type="row", zebra_stripes=False, cursor_foreground_priority="renderable"
        )
        self.figures: list[Figure] = []  # in display (sorted) order
        self.sort_mode = 0
        self.convention = "vi"  # the shown report's number convention
        self.chosen = False  # the user picked a row since the section was shown
        self.empty_reason = "No section selected."
        self._marked: int | None = None
        self._unfilled: tuple[Figure | None] | None = None  # (keep,) when filled before mounting
        self.border_title = "Figures"

    def on_mount(self) -> None:
        for header, key, width in COLUMNS:
            self.add_column(header, key=key, width=width)
        if self._unfilled is not None:
            (keep,) = self._unfilled
            self._unfilled = None
            self._fill(list(self.figures), keep)

    def show(
        self,
        figures: Sequence[Figure],
        empty_reason: str = "This section has no figures.",
        convention: str = "vi",
    ) -> None:
        """Show `figures`, their values written in `convention` (the report's, decided by the parse)."""
        self.chosen = self.has_focus
        self.convention = convention
        self.empty_reason = empty_reason
        self._fill(list(figures), keep=None)

    def _fill(self, figures: list[Figure], keep: Figure | None) -> None:
        key = SORTS[self.sort_mode][1]
        figures.sort(key=key)  # type: ignore[arg-type, operator]
        self.figures = figures
        if not self.columns:
            # Shown before it is mounted (it replaces its placeholder on first use): the rows
            # are added once the columns are, in on_mount.
            self._unfilled = (keep,)
            return
        self.clear()
        self._marked = None
        self.add_rows(self._row(f) for f in figures)
        self.show_cursor = bool(figures)
        if not figures:  # the empty state, said plainly in the table itself
            self.add_row(Text(""), Text(self.empty_reason, style="italic"), *[Text("")] * 5)
        self._update_title()
        if figures:
            row = figures.index(keep) if keep in figures else 0
            self.move_cursor(row=row, animate=False, scroll=True)
            self._mark(row)

    def _row(self, f: Figure) -> list[object]:
        label = one_line(f.label or "")
        if len(label) > LABEL_WIDTH:
            label = label[: LABEL_WIDTH - 1] + "…"
        return [
            Text(" "),
            Text(one_line(f.text), style="bold"),
            Text(label),  # Text, not str: DataTable reads str cells as markup
            Text(marks_for(f)),
            Text(KIND_TAGS.get(f.kind, f.kind)),
            Text(display_value(f, self.convention), justify="right"),
            Text(one_line(f.unit)),
        ]

    def _update_title(self) -> None:
        n = len(self.figures)
        sort = SORTS[self.sort_mode][0]
        self.border_title = f"Figures ({n})" + (f" · by {sort}" if self.sort_mode else "")

    def _mark(self, row: int) -> None:
        """Move the ▸ marker (state shown by a symbol, not by colour alone)."""
        if self._marked is not None and self._marked < self.row_count and self._marked != row:
            self.update_cell_at((self._marked, 0), Text(" "))
        if 0 <= row < self.row_count:
            self.update_cell_at((row, 0), Text("▸", style="bold"))
            self._marked = row

    @property
    def current(self) -> Figure | None:
        if not self.figures:
            return None
        return self.figures[max(0, min(self.cursor_row, len(self.figures) - 1))]

    def select_figure(self, figure: Figure) -> None:
        if figure in self.figures:
            row = self.figures.index(figure)
            self.move_cursor(row=row, animate=False, scroll=True)
            self._mark(row)

    def action_cursor_top(self) -> None:
        self.action_scroll_top()

    def action_cursor_bottom(self) -> None:
        self.action_scroll_bottom()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        row = _FIGURE_ACTIONS.get(action)
        if row is None:
            return True
        available = getattr(self.screen, "available", None)
        return available(row.when) if available is not None else True

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._mark(event.cursor_row)

    def on_focus(self) -> None:
        self.chosen = bool(self.figures)

    def action_sort(self) -> None:
        self.sort_by((self.sort_mode + 1) % len(SORTS))

    def sort_by(self, mode: int) -> None:
        keep = self.current
        self.sort_mode = mode
        self._fill(list(self.figures), keep=keep)
        self.app.notify(f"Figures sorted by {SORTS[self.sort_mode][0]}", timeout=2, markup=False)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.sort_by(SORT_BY_COLUMN.get(str(event.column_key.value), 0))


class FiguresPlaceholder(Widget):
    """The figures pane of the first frame: the empty table's look (border and title from the
    app's CSS, the header row) without the table.

    A DataTable is the costliest widget to style, lay out and draw at start-up, and it has
    nothing to show before a report is loaded: the main screen mounts the real table in its
    place once the first frame is on screen (MainScreen.figures_table)."""

    DEFAULT_CSS = """
    FiguresPlaceholder { background: $surface; color: $foreground; }
    FiguresPlaceholder > .figures-placeholder--header {
        text-style: bold;
        background: $panel;
        color: $foreground;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"figures-placeholder--header"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Figures"
        self._blank: Strip | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        # The rows under the header are one blank strip, made once per paint (rich_style walks
        # every ancestor's styles).
        self._blank = Strip.blank(self.content_size.width, self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._blank = None

    def render_line(self, y: int) -> Strip:
        # DataTable's header: each column padded by one cell each side, the row's remaining
        # width in the header style too. Drawn line by line: the rows under it are blank.
        width = self.content_size.width
        if y:
            return self._blank if self._blank is not None else Strip.blank(width, self.rich_style)
        header = "".join(f" {h.ljust(w or len(h))} " for h, _key, w in COLUMNS)
        style = self.get_component_rich_style("figures-placeholder--header")
        return Strip([Segment(header[:width].ljust(width), style)], width)
