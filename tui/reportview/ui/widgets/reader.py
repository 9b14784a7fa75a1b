"""The reader: one section's text, figures highlighted by kind, search hits marked.

Text is drawn with the line API: the section is laid out once per width (at most 80 columns,
so lines stay readable) and only visible lines are rendered. Every displayed line remembers
the source offset it starts at, so a figure or a search hit (offsets into Report.text) can be
scrolled into view. Page furniture inside the section is left out. Report text is appended as
plain `Text` after `printable()`, so markup and escape sequences in a report are shown, never
interpreted.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import ClassVar

from rich._wrap import divide_line
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.strip import Strip

from reportview.core.model import Figure, Report, Section
from reportview.core.textsafe import one_line, printable
from reportview.ui import actions
from reportview.ui.counts import counted
from reportview.ui.errors import GuardedMessages
from reportview.ui.widgets import reader_tables
from reportview.ui.widgets.painted import PaintedScrollView

MAX_WIDTH = 80

KIND_CLASSES = {
    "money": "reader--money",
    "percent": "reader--percent",
    "count": "reader--count",
    "ratio": "reader--ratio",
    "measure": "reader--measure",
}


def _clean(chunk: str) -> str:
    return printable(chunk.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


class Reader(GuardedMessages, PaintedScrollView, can_focus=True):
    """Section text with figure and hit styling, wrapped to at most 80 columns."""

    DEFAULT_CSS = """
    Reader { background: $surface; padding: 0 1; scrollbar-size-vertical: 1; overflow-x: hidden; }
    Reader > .reader--money { color: $success; text-style: underline; }
    Reader > .reader--percent { color: $accent; text-style: underline; }
    Reader > .reader--count { color: $warning; text-style: underline; }
    Reader > .reader--ratio { color: $secondary; text-style: underline; }
    Reader > .reader--measure { color: $primary; text-style: underline; }
    Reader > .reader--selected { text-style: bold reverse; }
    Reader > .reader--hit { background: $warning 40%; text-style: bold italic; }
    Reader > .reader--title { text-style: bold; }
    Reader > .reader--empty { color: $text-muted; text-style: italic; }
    Reader > .reader--md-heading { text-style: bold; color: $accent; }
    Reader > .reader--md-strong { text-style: bold; }
    Reader > .reader--md-em { text-style: italic; }
    Reader > .reader--table-header { text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *KIND_CLASSES.values(),
        "reader--selected",
        "reader--hit",
        "reader--title",
        "reader--empty",
        "reader--md-heading",
        "reader--md-strong",
        "reader--md-em",
        "reader--table-header",
    }

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("reader")  # type: ignore[assignment]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.report: Report | None = None
        self.section: Section | None = None
        self.whole = False  # the whole report in one text, not one section
        self.figures: Sequence[Figure] = ()
        self.hits: tuple[tuple[int, int], ...] = ()
        self.selected: Figure | None = None
        self.empty_text = "No section selected."
        self._text = Text()
        self._marks: list[tuple[int, int]] = []  # (source offset, display offset), ascending
        self._lines: list[Text] = []
        self._line_starts: list[int] = []  # display offset of each laid-out line
        self._layout_width = 0
        self._grid_width: int | None = None  # the width the shown tables' grids were drawn for
        self._anchor: int | None = None  # the source offset kept in view when the width changes
        self.border_title = "Text"

    # --- content -----------------------------------------------------------------------------

    def show(
        self,
        report: Report | None,
        section: Section | None,
        figures: Sequence[Figure] = (),
        hits: Sequence[tuple[int, int]] = (),
        selected: Figure | None = None,
        whole: bool = False,
    ) -> None:
        """Show `section` of `report`; `whole`: the whole report (its sections in one text), the
        view on `section`."""
        self.whole = whole and report is not None and bool(report.sections)
        self.report, self.section, self.figures = report, section, figures
        self.hits = tuple(hits)
        self.selected = selected
        if report is None:
            self.empty_text = "No report selected."
        elif section is None:
            self.empty_text = "This report has no text to show."
        self.border_title = self._title()
        self.border_subtitle = Text(self._subtitle())  # report text: never markup
        self._anchor = None
        self._build()
        self.scroll_to(y=0, animate=False, immediate=True)

    def set_selected(self, figure: Figure | None, scroll: bool = True) -> None:
        self.selected = figure
        self._build()
        if figure is not None and scroll:
            self.scroll_to_offset(figure.start)

    def set_hits(self, hits: Sequence[tuple[int, int]]) -> None:
        self.hits = tuple(hits)
        self._build()

    def _title(self) -> str:
        if self.section is None:
            return "Text"
        if self.whole:
            return f"Whole report · {counted(len(self.figures), 'figure')}"
        s = self.section
        head = f"Item {s.number}" if s.number is not None else f"Paragraph {s.index + 1}"
        return f"{head} · {counted(len(self.figures), 'figure')}"

    def _subtitle(self) -> str:
        if self.report is None:
            return ""
        name = one_line(self.report.display_title)
        if len(name) > 40:
            name = name[:39] + "…"
        return f"{name} · {self.report.date}" if self.report.date else name

    def _build(self) -> None:
        """Turn the section into styled display text with a source->display offset map."""
        text = Text(end="", no_wrap=False)
        marks: list[tuple[int, int]] = []
        report, section = self.report, self.section
        if report is None or section is None:
            self._text, self._marks = text, marks
            self._relayout(force=True)
            return
        start, end = section.start, section.end
        if self.whole:
            start, end = report.sections[0].start, report.sections[-1].end
        cuts = {start, end}
        omitted = [(s.start, s.end) for s in report.furniture if s.end > start and s.start < end]
        # Markdown marks (`#`, `**`) are left out; the stretches they mark are styled instead.
        omitted += [
            (m.start, m.end)
            for m in report.markup
            if m.reason == "md-mark" and m.end > start and m.start < end
        ]
        for a, b in omitted:
            cuts.update((max(a, start), min(b, end)))
        styled: list[tuple[int, int, str]] = []
        for f in self.figures:
            styled.append((f.start, f.end, KIND_CLASSES.get(f.kind, "reader--measure")))
        if self.selected is not None:
            styled.append((self.selected.start, self.selected.end, "reader--selected"))
        for a, b in self.hits:
            styled.append((a, b, "reader--hit"))
        styled += [(m.start, m.end, f"reader--{m.reason}") for m in report.markup if m.reason != "md-mark"]
        styled = [(max(a, start), min(b, end), c) for a, b, c in styled if b > start and a < end and b > a]
        for a, b, _ in styled:
            cuts.update((a, b))
        cuts.update(reader_tables.cuts_in(report, start, end))
        points = sorted(cuts)
        # Classes of each interval [points[i], points[i+1]), filled by bisecting each span.
        classes: list[list[str]] = [[] for _ in points]
        hidden = [False] * len(points)
        for a, b, c in styled:
            for i in range(bisect.bisect_left(points, a), bisect.bisect_left(points, b)):
                classes[i].append(c)
        for a, b in omitted:
            for i in range(
                bisect.bisect_left(points, max(a, start)), bisect.bisect_left(points, min(b, end))
            ):
                hidden[i] = True
        title_end = section.body_start if start <= section.body_start <= end and not self.whole else start
        styles = {c: self.get_component_rich_style(c, partial=True) for c in self.COMPONENT_CLASSES}
        rank = {"reader--hit": 1, "reader--selected": 2}
        text_src = report.text
        grids = reader_tables.grids_in(
            report, start, end, styled, styles, rank, self._wrap_width(), styles["reader--table-header"]
        )
        grid_end = start
        for i in range(len(points) - 1):
            a, b = points[i], points[i + 1]
            if a < grid_end:
                continue  # inside a table, drawn as its grid
            if a in grids:  # a table: its grid instead of its rows' text
                grid = grids[a]
                marks.append((a, len(text)))
                marks.extend((src, len(text) + disp) for src, disp in grid.marks if src > a)
                text.append_text(grid.text)
                grid_end = grid.end
                continue
            marks.append((a, len(text)))
            if hidden[i] or b <= a:
                continue
            style = styles["reader--title"] if b <= title_end else None
            for c in sorted(classes[i], key=lambda c: rank.get(c, 0)):
                style = styles[c] if style is None else style + styles[c]
            text.append(_clean(text_src[a:b]), style)
        marks.append((end, len(text)))
        self._text, self._marks = text, marks
        self._grid_width = self._wrap_width() if grids else None
        self._relayout(force=True)

    # --- layout ------------------------------------------------------------------------------

    def _wrap_width(self, width: int | None = None) -> int:
        """The width text is wrapped to, for a content `width` (default: the current one)."""
        return max(10, min(MAX_WIDTH, self.scrollable_content_region.width if width is None else width))

    def _relayout(self, force: bool = False) -> None:
        width = self._wrap_width()
        if not force and width == self._layout_width:
            return
        if self._grid_width is not None and width != self._grid_width:
            self._build()  # its tables' grids are drawn for a width: drawn again for this one
            return
        old_width, self._layout_width = self._layout_width, width
        lines: list[Text] = []
        starts: list[int] = []
        pos = 0
        for para in self._text.split("\n", allow_blank=True):
            plain = para.plain
            offsets = divide_line(plain, width, fold=True) if plain else []
            pieces = para.divide(offsets) if offsets else [para]
            piece_pos = pos
            for piece in pieces:
                lines.append(piece)
                starts.append(piece_pos)
                piece_pos += len(piece.plain)
            pos += len(plain) + 1
        # Drop trailing blank lines.
        while lines and not lines[-1].plain.strip():
            lines.pop()
            starts.pop()
        self._lines, self._line_starts = lines, starts
        self.virtual_size = Size(width, max(1, len(lines)))
        self.refresh()
        if self._anchor is not None and width != old_width:
            # The lines moved (a new width: the search closing, a resize): the hit or figure
            # that was brought into view stays in view.
            self.call_after_refresh(self._keep_anchor)

    def _on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def display_offset(self, source_offset: int) -> int:
        """Where a source offset lands in the displayed text."""
        if not self._marks:
            return 0
        i = bisect.bisect_right(self._marks, (source_offset, 1 << 60)) - 1
        if i < 0:
            return 0
        src, disp = self._marks[i]
        nxt = self._marks[i + 1][1] if i + 1 < len(self._marks) else len(self._text)
        return min(disp + (source_offset - src), nxt)

    def line_of(self, source_offset: int) -> int:
        disp = self.display_offset(source_offset)
        return max(0, bisect.bisect_right(self._line_starts, disp) - 1)

    def scroll_to_offset(self, source_offset: int) -> None:
        """Bring the line holding `source_offset` into view (with a little context above), and
        keep it there when the text is laid out again."""
        self._anchor = source_offset
        self._scroll_to_line(self.line_of(source_offset))

    def _keep_anchor(self) -> None:
        if self._anchor is not None:
            self._scroll_to_line(self.line_of(self._anchor))

    def _scroll_to_line(self, line: int) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        if not (top <= line < top + height):
            # force: the text just shown may not have its scrollbar yet (it comes with the next
            # layout), and Textual ignores a scroll without one; the lines are already laid out.
            y = max(0, line - min(3, height // 3))
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
        else:
            self.scroll_to_region(Region(0, line, 1, 1), animate=False, immediate=True)

    @property
    def lines(self) -> list[str]:
        """The laid-out lines as plain text (for tests and tools)."""
        return [line.plain for line in self._lines]

    # --- keys (actions.py names them as every pane does) ---------------------------------------

    def action_cursor_up(self) -> None:
        self._anchor = None  # the user moves: the view is theirs
        self.action_scroll_up()

    def action_cursor_down(self) -> None:
        self._anchor = None
        self.action_scroll_down()

    def action_cursor_top(self) -> None:
        self._anchor = None
        self.action_scroll_home()

    def action_cursor_bottom(self) -> None:
        self._anchor = None
        self.action_scroll_end()

    # --- drawing -----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if self._wrap_width(self.paint_width) != self._layout_width:
            self._relayout()  # laid out before the widget had its size (or a resize was missed)
            self.refresh_paint_width()
        width = self.paint_width
        base = self.base_style
        index = y + int(self.scroll_y)
        if not self._lines:
            if y == 0:
                line = Text(self.empty_text, style=self.get_component_rich_style("reader--empty"))
            else:
                return Strip.blank(width, base)
        elif index >= len(self._lines):
            return Strip.blank(width, base)
        else:
            line = self._lines[index].copy()
        line.no_wrap = True
        line.end = ""
        line.truncate(width, overflow="crop", pad=True)
        segments = Segment.apply_style(list(line.render(self.app.console)), base)
        return Strip(segments, width).crop(0, width)
