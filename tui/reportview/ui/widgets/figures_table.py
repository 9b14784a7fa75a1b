"""The figures pane: the figures of the selected section, sortable, the cursor row marked ▸."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
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
CURSOR_MARK, NO_MARK = "▸ ", "  "  # the cursor row, said by a symbol as well as by colour
PADDING = 2  # DataTable pads each cell by one column each side
TEXT_MAX = 18  # "as written" takes up to this much before the label has its minimum
LABEL_MIN = 30  # then the label takes this much (or all it needs), before any other column
LABEL_FLOOR = 20  # in a pane too narrow for "as written" and LABEL_MIN, the label keeps this much
CAPS = {"base": 16, "period": 9}  # widest these columns get (the detail view shows them whole)

# (name shown in the title, key function); the first is text order.
SORTS: tuple[tuple[str, object], ...] = (
    ("text order", lambda f: (f.start,)),
    ("value ▼", lambda f: (-f.value, f.start)),
    ("kind", lambda f: (f.kind, f.start)),
    ("label", lambda f: ((f.label or "\uffff").casefold(), f.start)),
    ("unit", lambda f: (f.unit.casefold(), -f.value, f.start)),
)


def label_text(figure: Figure) -> str:
    """The label, and for a table cell its column header beside it (`Tây Nguyên · Sản lượng`)."""
    label = one_line(figure.label or "")
    if figure.table is not None and figure.table.col_header:
        return (
            f"{label} · {one_line(figure.table.col_header)}" if label else one_line(figure.table.col_header)
        )
    return label


def marks_for(figure: Figure) -> str:
    return (
        QUALIFIER_MARKS.get(figure.qualifier or "", "") + CHANGE_MARKS.get(figure.change or "", "")
    ).strip()


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the figures table: header, key (for sorting by a header click), cell text."""

    key: str
    header: str
    cell: Callable[[Figure, str], str]  # (figure, report convention) -> the cell's text
    justify: str = "left"


# Every column the table can show, in the order they stand. The first two are always shown; the
# others by OPTIONAL's priority, when the section's figures have something for them and the
# pane has room for them after the label's minimum.
COLUMNS: tuple[Column, ...] = (
    Column("text", "as written", lambda f, c: one_line(f.text)),
    Column("label", "label", lambda f, c: label_text(f)),
    Column("base", "base", lambda f, c: one_line(f.base or "")),
    Column("period", "period", lambda f, c: f.period or ""),
    Column("marks", "±", lambda f, c: marks_for(f)),
    Column("kind", "kind", lambda f, c: KIND_TAGS.get(f.kind, f.kind)),
    Column("value", "value", lambda f, c: display_value(f, c), "right"),
    Column("unit", "unit", lambda f, c: one_line(f.unit)),
)
# Shown before the label grows past LABEL_MIN, then after it has all it needs.
BEFORE_LABEL = ("base", "period", "marks")
AFTER_LABEL = ("unit", "kind", "value")
# A click on a column header sorts by that column.
SORT_BY_COLUMN = {"text": 0, "marks": 0, "base": 0, "period": 0, "value": 1, "kind": 2, "label": 3, "unit": 4}


def plan_columns(cells: dict[str, list[str]], room: int) -> list[tuple[str, int]]:
    """(column key, width) for the table: the columns shown and their widths, from the pane's
    `room` (cells) and the cells' text (`cells`: column key -> every row's text).

    "as written" gets what it needs up to TEXT_MAX, the label up to LABEL_MIN; base, period and
    the ± marks follow while they fit (when the figures have any); then the label grows to what
    it needs; then unit, kind and value while they fit; what is left widens "as written"."""
    need = {key: max((len(t) for t in texts), default=0) for key, texts in cells.items()}
    for col in COLUMNS:
        need[col.key] = max(need.get(col.key, 0), len(col.header)) if need.get(col.key) else 0
        if col.key in CAPS:
            need[col.key] = min(need[col.key], CAPS[col.key])
    text_w = max(len(NO_MARK) + 8, min(need["text"] + len(NO_MARK), TEXT_MAX))
    label_w = min(max(need["label"], len("label")), LABEL_MIN)
    # In a pane too narrow for both (80 columns), the label gives up cells before the value as
    # written does (its unit would go first), down to LABEL_FLOOR: no horizontal scrollbar.
    label_w = max(min(label_w, room - text_w - 2 * PADDING), min(label_w, LABEL_FLOOR))
    left = room - (text_w + PADDING) - (label_w + PADDING)
    widths = {"text": text_w, "label": label_w}

    def add(keys: tuple[str, ...], left: int) -> int:
        for key in keys:
            w = need.get(key, 0)
            if w and left >= w + PADDING:
                widths[key] = w
                left -= w + PADDING
        return left

    left = add(BEFORE_LABEL, left)
    grow = min(max(0, left), max(0, need["label"] - label_w))
    widths["label"] += grow
    left = add(AFTER_LABEL, left - grow)
    widths["text"] += min(max(0, left), max(0, need["text"] + len(NO_MARK) - text_w))
    return [(col.key, widths[col.key]) for col in COLUMNS if col.key in widths]


def fit(text: str, width: int) -> str:
    """`text` in `width` cells: cut at a word boundary with … when it is longer (display only)."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space >= width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


_FIGURE_ACTIONS = actions.by_target("figures")


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
        self.convention = "vi"  # the report's number convention, for the value column
        self._plan: list[tuple[str, int]] = []
        self._cells: dict[str, list[str]] = {}
        self._filled_room = 0
        self._unfilled: tuple[Figure | None] | None = None  # (keep,) when filled before mounting
        self.border_title = "Figures"

    def on_mount(self) -> None:
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
        self.empty_reason = empty_reason
        self.convention = convention
        self._fill(list(figures), keep=None)

    def _room(self) -> int:
        """The cells the columns can take: the pane's content width, less the scrollbar's."""
        return max(20, self.size.width - 1)

    def _fill(self, figures: list[Figure], keep: Figure | None) -> None:
        key = SORTS[self.sort_mode][1]
        figures.sort(key=key)  # type: ignore[arg-type, operator]
        self.figures = figures
        if not self.is_mounted:
            # Shown before it is mounted (it replaces its placeholder on first use): the rows
            # are added once it is, in on_mount.
            self._unfilled = (keep,)
            return
        self.clear(columns=True)
        self._marked = None
        room = self._room()
        self._filled_room = room
        self.border_subtitle = None
        if not figures:  # the empty state, said plainly in the table itself
            self.add_column("as written", key="text", width=room - PADDING)
            self.add_row(Text(NO_MARK + self.empty_reason, style="italic"))
            self.show_cursor = False
            self._update_title()
            return
        convention = self.convention
        cells = {col.key: [col.cell(f, convention) for f in figures] for col in COLUMNS}
        plan = plan_columns(cells, room)
        by_key = {col.key: col for col in COLUMNS}
        for key_, width in plan:
            self.add_column(by_key[key_].header, key=key_, width=width)
        rows = []
        for i in range(len(figures)):
            row: list[object] = []
            for key_, width in plan:
                col = by_key[key_]
                if key_ == "text":
                    text = Text(NO_MARK + fit(cells["text"][i], width - len(NO_MARK)), style="bold")
                else:
                    # Text, not str: DataTable reads str cells as markup
                    text = Text(fit(cells[key_][i], width), justify=col.justify)  # type: ignore[arg-type]
                row.append(text)
            rows.append(row)
        self._plan = plan
        self._cells = cells
        self.add_rows(rows)
        self.show_cursor = True
        self._update_title()
        row_index = figures.index(keep) if keep in figures else 0
        self.move_cursor(row=row_index, animate=False, scroll=True)
        self._mark(row_index)

    def on_resize(self, event: events.Resize) -> None:
        # The columns are planned for the pane's width: plan them again when it changes.
        if self.is_mounted and self._room() != self._filled_room:
            self._fill(list(self.figures), keep=self.current)

    def _update_title(self) -> None:
        n = len(self.figures)
        sort = SORTS[self.sort_mode][0]
        self.border_title = f"Figures ({n})" + (f" · by {sort}" if self.sort_mode else "")

    def _mark(self, row: int) -> None:
        """Move the ▸ marker (state shown by a symbol, not by colour alone)."""
        if not self.figures or not self._plan:
            return
        width = self._plan[0][1] - len(NO_MARK)
        for index, mark in ((self._marked, NO_MARK), (row, CURSOR_MARK)):
            if index is not None and 0 <= index < min(self.row_count, len(self.figures)):
                text = mark + fit(self._cells["text"][index], width)
                self.update_cell_at((index, 0), Text(text, style="bold"))
        self._marked = row if 0 <= row < self.row_count else None
        self._say_hidden(row)

    def _say_hidden(self, row: int) -> None:
        """The cursor row's base and period under the table when their columns did not fit."""
        shown = {key for key, _w in self._plan}
        parts = []
        if 0 <= row < len(self.figures):
            f = self.figures[row]
            if "base" not in shown and f.base:
                parts.append(f"vs {one_line(f.base)}")
            if "period" not in shown and f.period:
                parts.append(f"period {f.period}")
        self.border_subtitle = Text(" · ".join(parts)) if parts else None

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

    def action_figure_detail(self) -> None:
        figure = self.current
        open_figure = getattr(self.screen, "open_figure", None)
        if figure is not None and open_figure is not None:
            open_figure(figure)

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
        header = "".join(f" {h.ljust(w)} " for h, w in (("as written", TEXT_MAX), ("label", LABEL_MIN)))
        style = self.get_component_rich_style("figures-placeholder--header")
        return Strip([Segment(header[:width].ljust(width), style)], width)
