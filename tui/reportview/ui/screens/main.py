"""The main screen: reports and sections on the left, the text in the middle, figures on the right."""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input
from textual.worker import get_current_worker

from reportview.core.model import Figure, Report, Section
from reportview.core.textsafe import one_line
from reportview.ui import actions
from reportview.ui.clipboard import copy_native, native_command
from reportview.ui.commands import ReportCommands
from reportview.ui.counts import counted
from reportview.ui.errors import GuardedMessages
from reportview.ui.live import LiveFolders
from reportview.ui.widgets.figures_table import FiguresPlaceholder, FiguresTable
from reportview.ui.widgets.key_footer import KeyFooter
from reportview.ui.widgets.reader import Reader
from reportview.ui.widgets.report_list import ReportList
from reportview.ui.widgets.search import ResultList, SearchInput
from reportview.ui.widgets.section_list import SectionList
from reportview.ui.widgets.status import StatusBar
from reportview.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from reportview.core.search import SearchIndex
    from reportview.ui.app import ReportViewApp


def start_process_helpers() -> None:
    """Start multiprocessing's resource tracker with the real stderr.

    Textual replaces sys.stderr with a capture whose fileno() is -1; the resource tracker (used by
    the forkserver and spawn pools that core's parallel loading starts) passes that fd to its
    child and fails with "bad value(s) in fds_to_keep". Started once here, it is reused.
    """
    if os.name != "posix" or sys.__stderr__ is None:
        return
    from multiprocessing import resource_tracker

    saved = sys.stderr
    try:
        sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    except Exception:  # loading falls back or reports its own error
        pass
    finally:
        sys.stderr = saved


@dataclass(frozen=True, slots=True)
class HitTrail:
    """The results a jump was made from and the stops n/N step through, kept together: a new
    search replaces the results list, never the trail of the jump (a stale index crashed N)."""

    hits: tuple[Any, ...]
    stops: tuple[tuple[int, int, int], ...]  # (index in hits, start, end) in text order per hit


@dataclass(frozen=True, slots=True)
class Place:
    """Where the user was: report, section, the text's scroll and the focused pane."""

    report_index: int | None
    section_index: int | None
    scroll_y: float
    focus: Widget | None


_MAIN_ACTIONS = actions.by_target("main")

READER_MIN = 44  # the text pane is never narrower than this beside the figures
# The figures pane beside the text is at least this wide: "as written" (18), the label (30), base
# (16) and period (9), each padded by DataTable, with the border and the scrollbar. Where that and
# READER_MIN do not fit beside the reports, the figures pane goes under the text, as wide as it
# (at 120 columns the pane beside would be 54 wide: base and period could not be columns).
FIGURES_BESIDE = 84
FIGURES_UNDER_SHARE = 0.45  # the part of the height the figures pane takes under the text
FIGURES_UNDER_MIN = 11  # rows


def pane_widths(width: int) -> tuple[int, int, int]:
    """(reports/sections, text, figures) widths for a terminal `width`: the side panes take a
    share of the width between a floor and a ceiling, the text the rest (it wraps at 80 anyway).
    When the figures pane cannot be FIGURES_BESIDE wide beside the text, it goes under the text,
    as wide as it (see figures_beside)."""
    left = max(26, min(44, round(width * 0.23)))
    if not figures_beside(width):
        return left, width - left, width - left
    figures = max(FIGURES_BESIDE, min(100, round(width * 0.4)))
    figures = min(figures, width - left - READER_MIN)  # just above the threshold the text keeps its room
    return left, width - left - figures, figures


def figures_beside(width: int) -> bool:
    """Whether the figures pane stands beside the text (else under it) at a terminal `width`."""
    return width - max(26, min(44, round(width * 0.23))) - FIGURES_BESIDE >= READER_MIN


def figures_rows(height: int) -> int:
    """The rows of the figures pane under the text, for a terminal `height` (3 rows are the title,
    status and footer lines)."""
    return max(FIGURES_UNDER_MIN, round((height - 3) * FIGURES_UNDER_SHARE))


BATCH_SECONDS = 0.1  # loaded reports are handed to the UI at most this often


class MainScreen(GuardedMessages, LiveFolders, Screen[None]):
    """Everything the user works with."""

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("main")  # type: ignore[assignment]
    COMMANDS: ClassVar[set[Any]] = {ReportCommands}  # type: ignore[assignment]

    AUTO_FOCUS = "#reports"

    def __init__(
        self, paths: Sequence[str], use_cache: bool = True, watch: bool = False, archive: str | None = None
    ) -> None:
        super().__init__()
        self.paths = [str(p) for p in paths]
        self.use_cache = use_cache
        self.init_live(watch)  # live folders (ui/live.py)
        self.archive = archive  # an archive folder (`reportview --archive DIR`): see _steps
        self.reports: list[Report] = []
        self.skipped: list[Any] = []
        self.report_index: int | None = None
        self.section_index: int | None = None
        self.is_loading = False
        self.load_total = 0
        self.load_done = 0
        self.load_seconds = 0.0
        self._cancel = threading.Event()
        self._load_started = False
        self._n_sections = 0
        self._n_figures = 0
        self.index: SearchIndex | None = None  # built while the reports load
        self._index_lock = threading.Lock()
        self.search_hits: list[Any] = []  # results of the last search drawn
        self.trail: HitTrail | None = None  # what n/N step through: the results of the last jump
        self.hit_pos = -1
        self.marks: tuple[int, tuple[tuple[int, int], ...]] | None = None  # (report index, spans)
        self._return_focus: Widget | None = None
        self.before_search: Place | None = None  # where `/` was pressed (previews move the view)
        self.before_jump: Place | None = None  # where Esc goes back to after a jump
        self._search_generation = 0
        self.results_query: str | None = None  # the query whose results are on screen
        self._figures_table: FiguresTable | None = None
        self._grid_columns = ""
        self._grid_rows = ""  # set while the figures pane is under the text (_lay_out)
        self.whole = False  # the text pane shows the whole report (w), not one section
        self.compare_spec = "grdp_growth_pct"  # the indicator the Compare screen opens on
        self.status_text = ""  # what the corpus holds: the status line when nothing else is said

    @property
    def rv_app(self) -> ReportViewApp:
        return self.app  # type: ignore[return-value]

    # --- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The layout for the terminal's size before any pane is mounted: a class set later
        # (on_mount) would style every pane a second time before the first frame.
        self._lay_out(self.app.size.width, self.app.size.height)
        yield TitleBar(icon="▤")
        # The screen is the grid (app.tcss); the search field and its results are mounted
        # before the reader on first use, and take the rows above it.
        with Vertical(id="left"):
            yield ReportList(self.reports, id="reports")
            yield SectionList(id="sections")
        yield Reader(id="reader")
        # the table is mounted in its place after the first frame (see figures_table)
        yield FiguresPlaceholder(id="figures-pending")
        yield StatusBar(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(ReportList).on_highlight = self._report_highlighted
        self.query_one(SectionList).on_highlight = self._section_highlighted
        self.query_one(ReportList).on_select = self._report_selected
        self.query_one(SectionList).on_select = self._section_selected
        self._lay_out(self.app.size.width)  # (compose did it; the size may have changed since)
        self._update_counts()
        self._start_loading()

    @property
    def figures_table(self) -> FiguresTable:
        """The figures pane, mounted in place of its placeholder on first use.

        The first frame shows the placeholder (the empty table's look); the table is mounted
        right after it (begin_load), or sooner if a key needs it."""
        table = self._figures_table
        if table is None:
            table = self._figures_table = FiguresTable(id="figures")
            placeholder = self.query_one(FiguresPlaceholder)
            placeholder.display = False
            self.mount(table, before=placeholder)
            placeholder.remove()
        return table

    def _search_widgets(self) -> tuple[SearchInput, ResultList]:
        """The search field and the results list, mounted the first time they are needed."""
        try:
            return self.query_one("#search", SearchInput), self.query_one("#results", ResultList)
        except NoMatches:
            pass
        field = SearchInput(id="search")
        results = ResultList(self.reports, id="results")
        field.display = results.display = False
        results.on_select = self.open_result
        results.on_highlight = self.preview_result
        self.mount(field, results, before=self.query_one(Reader))
        return field, results

    def on_resize(self, event: Resize) -> None:
        self._lay_out(event.size.width, event.size.height)

    def _lay_out(self, width: int, height: int | None = None) -> None:
        """The panes' sizes for a terminal `width` x `height`: they grow with it (see pane_widths)."""
        narrow = not figures_beside(width)
        self.set_class(narrow, "-narrow")
        left, _reader, figures = pane_widths(width)
        two = narrow or self.has_class("-searching")  # no figures column (under the text, or hidden)
        columns = f"{left} 1fr" if two else f"{left} 1fr {figures}"
        if self._grid_columns != columns:
            self._grid_columns = columns
            self.styles.grid_columns = columns
        # Under the text, the figures pane takes its share of the height (while searching it is
        # hidden and the stylesheet's rows apply).
        under = narrow and not self.has_class("-searching")
        rows = f"1fr {figures_rows(self.app.size.height if height is None else height)}" if under else ""
        if self._grid_rows != rows:
            self._grid_rows = rows
            self.styles.grid_rows = rows or None  # None: the stylesheet's rows (app.tcss)

    # --- loading -----------------------------------------------------------------------------

    def _start_loading(self) -> None:
        self.is_loading = True
        self._t0 = time.perf_counter()
        status = self.query_one(StatusBar)
        status.set_text(f"Loading {', '.join(self.paths)}…")
        status.progress(0, 1)
        self.refresh_bindings()
        # The worker starts once the first frame is on screen (the app's Ready event; this is
        # the fallback): started here, its thread would take turns with the first layout and
        # paint for the interpreter.
        self.call_after_refresh(self.begin_load)

    def begin_load(self) -> None:
        """Mount the figures table, and start the loading worker, once, after _start_loading."""
        self.figures_table  # noqa: B018 (the property mounts it)
        if self.is_loading and not self._load_started:
            self._load_started = True
            # The search engine and the parsing modules are imported here, after the first
            # frame (~60 ms of imports at start-up): typing before it finds no index yet.
            from reportview.core.search import SearchIndex

            with self._index_lock:
                if self.index is None:
                    self.index = SearchIndex()
            self._load()

    @work(thread=True, exclusive=True, group="load", name="load corpus")
    def _load(self) -> None:
        worker = get_current_worker()
        app = self.rv_app
        batch: list[Report] = []
        skipped: list[Any] = []
        last = time.perf_counter()
        done = total = 0
        try:
            start_process_helpers()
            self.live_look()
            steps = self._steps()
            for step in steps:
                if worker.is_cancelled:
                    break
                done, total = step.done, step.total
                if step.report is not None:
                    if self.index is not None:
                        with self._index_lock:
                            self.index.add(step.report, step.terms)
                    self.live_keep(step.report, step.terms)
                    batch.append(step.report)
                elif step.skipped is not None:
                    skipped.append(step.skipped)
                now = time.perf_counter()
                if now - last >= BATCH_SECONDS or (len(batch) == 1 and not self.reports):
                    app.call_from_thread(self._add_batch, batch, skipped, done, total)
                    batch, skipped, last = [], [], time.perf_counter()
        except Exception as exc:  # an unexpected failure must not leave the UI stuck in "loading"
            app.call_from_thread(self._add_batch, batch, skipped, done, total)
            app.call_from_thread(self._finish_loading, f"Loading failed: {one_line(str(exc))}")
            return
        app.call_from_thread(self._add_batch, batch, skipped, done, total)
        app.call_from_thread(self._finish_loading, None)

    def _steps(self) -> Iterator[Any]:
        """Where the reports come from: the files (parsed or cached), or an archive: a small one
        read into memory (the in-memory engine is the fastest), a big one opened lazily (rows,
        reports and search read from disk as they are used, so memory stays flat)."""
        app = self.rv_app
        if self.archive is None:
            from reportview.core.corpus import iter_corpus  # (this thread: not at start-up)

            yield from iter_corpus(
                self.paths, app.config, self.use_cache, self._cancel, keep_frozen=True, with_terms=True
            )
            return
        from reportview.core.archive.reader import Archive
        from reportview.core.corpus import Progress

        archive = Archive(self.archive)
        total = archive.n_reports
        if total > app.config.archive_in_memory_max:
            from reportview.core.archive.search import ArchiveIndex

            app.call_from_thread(self._attach_archive, archive, ArchiveIndex(archive))
            return
        for done, (report, terms) in enumerate(archive.with_terms(), 1):
            if self._cancel.is_set():
                break
            yield Progress(done, total, report=report, terms=terms)
        archive.close()

    def _attach_archive(self, archive: Any, index: SearchIndex) -> None:
        """A big archive: the lists and the search read it from disk (nothing is loaded)."""
        self.reports = archive.reports
        with self._index_lock:
            self.index = index
        self.query_one(ReportList).reports = self.reports
        with suppress(NoMatches):
            self.query_one("#results", ResultList).reports = self.reports
        self._n_sections, self._n_figures = archive.counts()
        self.load_done = self.load_total = len(self.reports)
        self.query_one(ReportList).rows_added()
        if self.reports:
            self.show_report(0)
        self._update_counts()

    def _add_batch(self, batch: list[Report], skipped: list[Any], done: int, total: int) -> None:
        first = not self.reports and bool(batch)
        if batch:  # (an archive opened lazily has no batches: its reports are read from disk)
            self.reports.extend(batch)
        self.skipped.extend(skipped)
        for r in batch:
            self._n_sections += len(r.sections)
            self._n_figures += len(r.figures)
        self.load_done, self.load_total = done, total
        self.query_one(ReportList).rows_added()
        if first:
            self.show_report(0)
        self._update_counts()
        status = self.query_one(StatusBar)
        status.progress(done, total)
        status.set_text(f"Loading… {done:,}/{total:,} files · {len(self.skipped)} skipped · Esc stops")

    def _finish_loading(self, error: str | None) -> None:
        self.is_loading = False
        self.load_seconds = time.perf_counter() - self._t0
        status = self.query_one(StatusBar)
        status.finish()
        cancelled = self._cancel.is_set()
        parts = [f"{counted(len(self.reports), 'report')} loaded"]
        if cancelled:
            parts[0] = f"Stopped: {len(self.reports):,} of {self.load_total:,} files loaded"
        if self.skipped:
            first = one_line(str(self.skipped[0].reason))[:60]
            parts.append(f"{len(self.skipped)} skipped ({first}…; S lists them)")
        if error:
            parts.append(error)
        if self.live and not cancelled:
            parts.append("watching for changes")
            self.start_live()
        self.status_text = " · ".join(parts)
        status.set_text(self.status_text)
        if not self.reports:
            self.query_one(ReportList).empty_text = error or (
                "Loading stopped before any report."
                if cancelled
                else f"No reports found in {', '.join(self.paths)}."
            )
            self.query_one(ReportList).refresh()
            self.query_one(Reader).show(None, None)
            self.figures_table.show((), "No reports.")
        self.refresh_bindings()
        if self.results_query:
            # Results typed while loading were over part of the corpus: search it all again.
            self._search_generation += 1
            self._run_search(self.results_query, self._search_generation)
        # The loaded corpus lives as long as the app: move it out of the cyclic collector's
        # reach, or a full collection walks every report mid-keystroke (300 ms at 100k sections).
        gc.freeze()
        self.rv_app.loaded.set()

    def _update_counts(self) -> None:
        self.rv_app.sub_title = " · ".join(
            (
                counted(len(self.reports), "report"),
                counted(self._n_sections, "section"),
                counted(self._n_figures, "figure"),
            )
        )

    # --- selection ---------------------------------------------------------------------------

    @property
    def report(self) -> Report | None:
        if self.report_index is None or not (0 <= self.report_index < len(self.reports)):
            return None
        return self.reports[self.report_index]

    @property
    def section(self) -> Section | None:
        report = self.report
        if (
            report is None
            or self.section_index is None
            or not (0 <= self.section_index < len(report.sections))
        ):
            return None
        return report.sections[self.section_index]

    def show_report(self, index: int, section_index: int = 0) -> None:
        if not (0 <= index < len(self.reports)):
            return
        reports = self.query_one(ReportList)
        if reports.cursor != index:
            reports.move_to(index, notify=False)
        if self.report_index is None:
            self.refresh_bindings()  # copy/export become available (the footer redraws only now)
        self.report_index = index
        report = self.reports[index]
        self.query_one(SectionList).show(report, section_index)
        self.show_section(section_index if report.sections else None)

    def show_section(self, section_index: int | None) -> None:
        report = self.report
        self.section_index = section_index
        section = self.section
        figures = report.figures_in(section.index) if report and section else ()
        table = self.figures_table
        if report is None:
            reason = "No report selected."
        elif section is None:
            reason = "This report has no sections."
        else:
            reason = "This section has no figures."
        table.show(figures, reason, report.convention if report is not None else "vi")
        hits: tuple[tuple[int, int], ...] = ()
        if self.marks and self.marks[0] == self.report_index:
            hits = self.marks[1]
        reader = self.query_one(Reader)
        if self.whole and report is not None and section is not None:
            # The whole report in the text pane, the view on the section the lists point at.
            if reader.report is not report or not reader.whole:
                reader.show(report, section, report.figures, hits, whole=True)
            else:
                reader.section = section
            reader.scroll_to_offset(section.start)
        else:
            reader.show(report, section, figures, hits)

    def go_to(self, report_index: int, section_index: int) -> None:
        """Open a report at a section (command palette, search)."""
        self.show_report(report_index, section_index)
        self.set_focus(self.query_one(Reader))

    def _report_highlighted(self, index: int) -> None:
        if index != self.report_index:
            self.show_report(index)

    def _section_highlighted(self, index: int) -> None:
        if index != self.section_index:
            self.show_section(index)

    # enter on a list: handled synchronously (LineList.on_select), so that keys typed right after
    # it are matched against the pane it opens rather than the one it leaves.
    def _report_selected(self, index: int) -> None:
        self.set_focus(self.query_one(SectionList))

    def _section_selected(self, index: int) -> None:
        self.set_focus(self.query_one(Reader))

    @on(DataTable.RowHighlighted, "#figures")
    def _figure_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = self.figures_table
        reader = self.query_one(Reader)
        if table.chosen and table.current is not None and reader.selected != table.current:
            reader.set_selected(table.current)

    def on_descendant_focus(self, event: Any) -> None:
        table = self._figures_table  # not mounted by a focus change (the first one is at start-up)
        if table is not None and event.widget is table and table.current is not None:
            self.query_one(Reader).set_selected(table.current)

    def action_next_report(self) -> None:
        if self.reports:
            self.show_report(min(len(self.reports) - 1, (self.report_index or 0) + 1))

    def action_previous_report(self) -> None:
        if self.reports:
            self.show_report(max(0, (self.report_index or 0) - 1))

    def action_figures(self) -> None:
        # set_focus, not focus(): keys already typed after `f` are matched against the new pane.
        self.set_focus(self.figures_table)

    def action_skipped_files(self) -> None:
        from reportview.ui.screens.skipped import SkippedScreen  # (screens: imported when opened)

        self.app.push_screen(SkippedScreen(self.skipped))

    def action_whole_report(self) -> None:
        self.whole = not self.whole
        self.show_section(self.section_index)

    def action_stop_loading(self) -> None:
        if self.is_loading:
            self._cancel.set()
            self.query_one(StatusBar).set_text("Stopping…")

    def available(self, when: str) -> bool | None:
        """Whether actions of this availability (actions.WHEN) can run: True, None (shown dim),
        False (hidden)."""
        if when == "report":
            return True if self.report is not None else None
        if when == "figure":
            table = self._figures_table
            return True if table is not None and table.current is not None else None
        if when == "hits":
            return bool(self.hit_stops)
        if when == "loading":
            return self.is_loading
        if when == "jumped":
            return self.before_jump is not None and not self.is_loading
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        row = _MAIN_ACTIONS.get(action)
        return self.available(row.when) if row is not None else True

    # --- copying -----------------------------------------------------------------------------

    def current_figure(self) -> Figure | None:
        """The row selected in the figures panel; the section's first figure when none is chosen."""
        table = self.figures_table
        if table.chosen and table.current is not None:
            return table.current
        report, section = self.report, self.section
        if report is None or section is None:
            return None
        figures = report.figures_in(section.index)
        return figures[0] if figures else None

    def _no_figure(self) -> None:
        self.notify(
            "Nothing to copy: this section has no figures.", severity="warning", timeout=3, markup=False
        )

    def action_copy_figure(self) -> None:
        figure = self.current_figure()
        if figure is None:
            return self._no_figure()
        self.copy(figure.text, one_line(figure.text))

    def action_copy_value(self) -> None:
        figure = self.current_figure()
        if figure is None:
            return self._no_figure()
        from reportview.core.columns import value_text

        text = value_text(figure.value)
        self.copy(text, text)

    def action_copy_row(self) -> None:
        figure, report = self.current_figure(), self.report
        if figure is None or report is None:
            return self._no_figure()
        # the export's columns, without the header: pasted under a `c` copy, it lines up
        from reportview.core.columns import values
        from reportview.core.export import tsv

        self.copy(tsv([values(report, figure)]), f"the row of {one_line(figure.text)} (TSV)")

    def _section_rows(self) -> list[list[object]] | None:
        report, section = self.report, self.section
        if report is None or section is None:
            return None
        from reportview.core.export import Selection, clip_rows

        return clip_rows(Selection.of_section(report, section))

    def action_copy_section(self) -> None:
        rows = self._section_rows()
        if not rows:
            return self._no_figure()
        from reportview.core.columns import COLUMN_NAMES
        from reportview.core.export import tsv

        self.copy(tsv([list(COLUMN_NAMES), *rows]), f"{counted(len(rows), 'figure')} of the section (TSV)")

    def action_copy_section_markdown(self) -> None:
        rows = self._section_rows()
        if not rows:
            return self._no_figure()
        from reportview.core.columns import COLUMN_NAMES
        from reportview.core.export import markdown_table

        self.copy(
            markdown_table(COLUMN_NAMES, rows), f"{counted(len(rows), 'figure')} of the section (Markdown)"
        )

    def copy(self, text: str, what: str) -> None:
        """OSC 52 always; a native tool too when there is one (see ui.clipboard)."""
        app = self.rv_app
        app.copy_to_clipboard(text)
        config = app.config
        if app.is_headless or native_command(config.clipboard_method, config.clipboard_command) is None:
            self.notify(
                f"Sent {what} to the clipboard (OSC 52; the terminal does not confirm)",
                timeout=4,
                markup=False,
            )
        else:
            self._copy_native(text, what)

    @work(thread=True, group="clipboard")
    def _copy_native(self, text: str, what: str) -> None:
        config = self.rv_app.config
        result = copy_native(text, config.clipboard_method, config.clipboard_command)
        if result.native:
            message = f"Copied {what} (with {result.native}, and OSC 52)"
        else:
            message = f"Sent {what} to the clipboard (OSC 52; the terminal does not confirm)"
            if result.error:
                message += f"; {result.error}"
        self.app.call_from_thread(self.notify, message, timeout=4, markup=False)

    # --- export ------------------------------------------------------------------------------

    def action_export(self) -> None:
        report = self.report
        if report is None:
            self.notify("Nothing to export: no report is open.", severity="warning", markup=False)
            return
        protected = [Path(p) for p in self.paths if Path(p).is_dir()]

        def done(message: str | None) -> None:
            if message:
                self.notify(message, timeout=5, markup=False)

        from reportview.ui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(report, self.section, protected), done)

    # --- search ------------------------------------------------------------------------------

    def action_search(self) -> None:
        if isinstance(self.focused, Input):
            raise SkipAction()  # `/` typed into a text field (the query itself, a path)
        self.figures_table  # noqa: B018 (mounted, so that the figures pane steps aside)
        field, results = self._search_widgets()
        if not field.display:
            focused = self.focused
            self._return_focus = focused if focused not in (field, results) else None
            self.before_search = self.place()
        field.display = True
        results.display = True
        self.add_class("-searching")
        self._lay_out(self.app.size.width)
        # Focus now, not after a refresh: keys typed right after `/` must land in the field.
        self.set_focus(field)
        if not field.value:
            results.show([], results.__class__.empty_text)

    def place(self) -> Place:
        focus = self.focused
        return Place(self.report_index, self.section_index, self.query_one(Reader).scroll_y, focus)

    def go_back_to(self, place: Place) -> None:
        """Show `place` again: its report, section, scroll position and pane."""
        if place.report_index is not None and (
            place.report_index != self.report_index or place.section_index != self.section_index
        ):
            self.show_report(place.report_index, place.section_index or 0)
        reader = self.query_one(Reader)
        reader.scroll_to(y=place.scroll_y, animate=False, immediate=True)
        if place.focus is not None and place.focus.is_attached:
            self.set_focus(place.focus)

    def preview_result(self, index: int) -> None:
        """Show result `index` in the text while the cursor moves over the results."""
        results = self.query_one(ResultList)
        if not (0 <= index < len(results.hits)):
            return
        hit = results.hits[index]
        if not (0 <= hit.report_index < len(self.reports)):
            return
        report = self.reports[hit.report_index]
        from reportview.core.search.snippets import phrase_stops

        stops = phrase_stops(report.text, hit.matches)
        start = stops[0][0] if stops else -1
        self.marks = (hit.report_index, tuple(hit.matches))
        section_index = self._section_of(report, hit.section_index, start)
        if self.report_index != hit.report_index or self.section_index != section_index:
            self.show_report(hit.report_index, section_index)
        else:
            self.query_one(Reader).set_hits(self.marks[1])
        if start >= 0:
            self.query_one(Reader).scroll_to_offset(start)

    @staticmethod
    def _section_of(report: Report, section_index: int | None, start: int) -> int:
        if section_index is None and start >= 0:
            section_index = next((s.index for s in report.sections if s.start <= start < s.end), None)
        return section_index if section_index is not None else 0

    def action_jump_back(self) -> None:
        place = self.before_jump
        if place is None:
            return
        self.before_jump = None
        self.trail = None
        self.hit_pos = -1
        self.marks = None
        self.go_back_to(place)
        self.query_one(Reader).set_hits(())
        self.show_corpus_status()
        self.refresh_bindings()

    def show_corpus_status(self) -> None:
        """The status line back to what the corpus holds (a hit's position is said only while
        stepping through hits)."""
        if self.status_text and not self.is_loading:
            self.query_one(StatusBar).set_text(self.status_text)

    def action_search_close(self, jumped: bool = False) -> None:
        self.show_corpus_status()
        before, self.before_search = self.before_search, None
        if (
            not jumped
            and before is not None
            and (before.report_index != self.report_index or before.section_index != self.section_index)
        ):
            self.go_back_to(before)  # previews moved the view; Esc puts it back
        self.query_one("#search").display = False
        self.query_one(ResultList).display = False
        self.remove_class("-searching")
        self._lay_out(self.app.size.width)
        target = self._return_focus
        if target is None or not target.is_attached:
            target = self.query_one(Reader)
        if isinstance(target, FiguresTable):
            # shown again by the class change above, focusable once styles are refreshed
            reader = self.query_one(Reader)
            self.set_focus(reader)

            def back_to_figures() -> None:
                if self.focused is reader:  # unless the user moved on meanwhile
                    self.set_focus(target)

            self.call_after_refresh(back_to_figures)
        else:
            self.set_focus(target)

    def action_search_move(self, delta: int) -> None:
        results = self.query_one(ResultList)
        results.cursor = results.cursor + delta

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        self._search_generation += 1
        if self.index is None:
            return
        query = event.value
        if not query.strip():
            self.query_one(ResultList).show([], ResultList.empty_text)
            return
        self._run_search(query, self._search_generation)

    @work(thread=True, exclusive=True, group="search", name="search")
    def _run_search(self, query: str, generation: int) -> None:
        worker = get_current_worker()
        limit = self.rv_app.config.search_limit
        with self._index_lock:
            if worker.is_cancelled or generation != self._search_generation:
                return
            t0 = time.perf_counter()
            hits = self.index.search(query, limit=limit) if self.index is not None else []
            elapsed = time.perf_counter() - t0
        if not worker.is_cancelled and generation == self._search_generation:
            self.app.call_from_thread(self._show_results, query, hits, generation, elapsed)

    def _show_results(self, query: str, hits: list[Any], generation: int, elapsed: float) -> None:
        if generation != self._search_generation:
            return
        self.search_hits = hits
        self.results_query = query
        limit = self.rv_app.config.search_limit
        notes = " ".join(getattr(hits, "notes", ()))  # e.g. kind:foo is not a kind: kind:money|...
        empty = f"No results for {one_line(query)!r}" + (" yet (still loading)." if self.is_loading else ".")
        self.query_one(ResultList).show(
            hits, f"{empty} {notes}" if notes else empty, partial=self.is_loading, limit=limit, note=notes
        )
        self.rv_app.last_search_ms = elapsed * 1000
        self.rv_app.search_done.set()

    @on(Input.Submitted, "#search")
    def _query_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        results = self.query_one(ResultList)
        if not results.hits:
            self.notify("No result to open.", severity="warning", timeout=2, markup=False)
            return
        self.open_result(results.cursor)

    def open_result(self, index: int) -> None:
        results = self.query_one(ResultList)
        hits = tuple(results.hits)
        stops: list[tuple[int, int, int]] = []
        from reportview.core.search.snippets import phrase_stops

        for ri, hit in enumerate(hits):
            text = self.reports[hit.report_index].text if 0 <= hit.report_index < len(self.reports) else ""
            spans = phrase_stops(text, hit.matches) or [(-1, -1)]
            stops.extend((ri, a, b) for a, b in spans)
        self.trail = HitTrail(hits, tuple(stops))
        self.hit_pos = next((i for i, s in enumerate(stops) if s[0] == index), -1)
        if self.before_jump is None and self.before_search is not None:
            self.before_jump = self.before_search  # Esc comes back here (once per trail of jumps)
        self._return_focus = None  # a jump lands in the text, not where the search started
        self.action_search_close(jumped=True)
        self._go_to_stop()
        self.set_focus(self.query_one(Reader))

    @property
    def hit_stops(self) -> tuple[tuple[int, int, int], ...]:
        return self.trail.stops if self.trail is not None else ()

    def _go_to_stop(self) -> None:
        trail = self.trail
        if trail is None or not (0 <= self.hit_pos < len(trail.stops)):
            return
        ri, start, _end = trail.stops[self.hit_pos]
        hit = trail.hits[ri]
        if not (0 <= hit.report_index < len(self.reports)):
            return
        report = self.reports[hit.report_index]
        self.marks = (hit.report_index, tuple(hit.matches))
        section_index = self._section_of(report, hit.section_index, start)
        if self.report_index != hit.report_index or self.section_index != section_index:
            self.show_report(hit.report_index, section_index)
        else:
            self.query_one(Reader).set_hits(self.marks[1])
        self.query_one(SectionList).move_to(section_index, notify=False)
        if start >= 0:
            self.query_one(Reader).scroll_to_offset(start)
        n = len(trail.stops)
        self.query_one(StatusBar).set_text(
            f"Hit {self.hit_pos + 1}/{n} · result {ri + 1}/{len(trail.hits)} · n/N next/previous"
        )
        self.refresh_bindings()

    def action_next_hit(self) -> None:
        if self.hit_stops:
            self.hit_pos = (self.hit_pos + 1) % len(self.hit_stops)
            self._go_to_stop()

    def action_previous_hit(self) -> None:
        if self.hit_stops:
            self.hit_pos = (self.hit_pos - 1) % len(self.hit_stops)
            self._go_to_stop()

    # --- compare -----------------------------------------------------------------------------

    def action_compare(self) -> None:
        """The Compare screen, on the selected figure's indicator (else its label, else the last one)."""
        from reportview.core.compare import indicators_of
        from reportview.core.indicators import registry
        from reportview.ui.screens.compare import CompareScreen

        spec = self.compare_spec
        table, report = self._figures_table, self.report
        if table is not None and table.chosen and table.current is not None and report is not None:
            figure = table.current
            index = report.figures.index(figure)
            found = indicators_of(
                report, index, list(registry(dict(self.rv_app.config.compare.indicators)).values())
            )
            spec = found[0] if found else (figure.label or spec)
        self.compare_spec = spec
        extra = dict(self.rv_app.config.compare.indicators)
        self.app.push_screen(CompareScreen(self.reports, spec, self.open_compared, self.copy, extra))

    def open_compared(self, report_index: int, figure_index: int) -> None:
        """From a Compare cell: the report at the figure's section, the figure marked and selected."""
        if not (0 <= report_index < len(self.reports)):
            return
        report = self.reports[report_index]
        figure = report.figures[figure_index]
        self.whole = False
        self.go_to(report_index, figure.section_index if figure.section_index is not None else 0)
        self.figures_table.select_figure(figure)
        self.query_one(Reader).set_selected(figure)

    def open_figure(self, figure: Figure) -> None:
        """The figure's detail view (Enter or i on a figures row, or the palette)."""
        if self.report is not None:
            from reportview.ui.screens.figure import FigureScreen

            self.app.push_screen(FigureScreen(self.report, figure))

    # --- palette ---------------------------------------------------------------------------

    def action_target(self, owner: str) -> Any:
        """Where an action of `owner` (actions.OWNERS) runs when the palette picks it."""
        if owner == "app":
            return self.app
        if owner == "figures":
            return self.figures_table
        return self
