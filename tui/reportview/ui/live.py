"""Live folders for the main screen (`--watch`, `watch: true`): the lists follow the files.

A worker thread looks at the loaded paths every `live_seconds` (core.watch: size and mtime per
file), parses what appeared or changed through the corpus loader (so through the parse cache),
and off the UI thread makes the new report list (new files at its end) and search index (grown
for new files only, built again when reports changed or left), handed over in one step.
The UI keeps the open report (by path), its section and the reader's scroll position.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from textual import work
from textual.worker import get_current_worker

from reportview.core.model import Report
from reportview.core.textsafe import one_line
from reportview.ui.widgets.reader import Reader
from reportview.ui.widgets.report_list import ReportList
from reportview.ui.widgets.status import StatusBar

if TYPE_CHECKING:
    from reportview.core.search import SearchIndex
    from reportview.core.terms import IndexTerms
    from reportview.core.watch import Changes, Stamp
    from reportview.ui.screens.main import MainScreen

WATCH_SECONDS = 2.0  # how often the folders are looked at, at most
# A look costs a stat per file (55 ms for vn-news' 2,614 files here): the pause after one is at
# least this many times its length, so watching a huge corpus takes a few percent of a core.
PAUSE_PER_LOOK = 20


def updated_reports(reports: Sequence[Report], fresh: Mapping[str, Report], changes: Changes) -> list[Report]:
    """The reports after `changes`: a changed file's new parse takes its place, removed (or now
    unreadable) files leave, new files join at the end (so nothing already listed moves for them)."""
    gone = set(changes.removed)
    changed = set(changes.changed)
    out = []
    for report in reports:
        if report.path in gone:
            continue
        if report.path in changed:
            if report.path in fresh:
                out.append(fresh[report.path])
            continue
        out.append(report)
    listed = {r.path for r in reports}
    out.extend(fresh[p] for p in changes.to_parse if p in fresh and p not in listed)
    return out


class LiveFolders:
    """Mixin for MainScreen: start_live() after the load, the rest happens by itself."""

    live_seconds = WATCH_SECONDS

    def init_live(self, watch: bool) -> None:
        self.live = watch
        self.live_stamps: dict[str, Stamp] = {}
        self.live_terms: dict[str, IndexTerms | None] = {}  # kept to rebuild the index cheaply
        self.live_changes = 0  # changes applied so far (tests wait on it)
        self._live_stop = threading.Event()

    def live_look(self) -> None:
        """The stamps the load starts from (taken before it: a change during the load is seen)."""
        screen: MainScreen = self  # type: ignore[assignment]
        if self.live:
            # Imported here (the load's thread), as the parsing modules are: not at start-up.
            from reportview.core.watch import look

            self.live_stamps = look(
                screen.paths, screen.rv_app.config.extensions, screen.rv_app.config.exclude
            )

    def live_keep(self, report: Report, terms: IndexTerms | None) -> None:
        if self.live:
            self.live_terms[report.path] = terms

    def start_live(self) -> None:
        if self.live:
            self._live_folders()

    def on_unmount(self) -> None:
        # The worker's thread sleeps on this event: wake it so that it ends with the app.
        self._live_stop.set()

    @work(thread=True, exclusive=True, group="watch", name="watch folders")
    def _live_folders(self) -> None:
        screen: MainScreen = self  # type: ignore[assignment]
        worker = get_current_worker()
        app = screen.rv_app
        pause = self.live_seconds
        while not (worker.is_cancelled or self._live_stop.wait(pause)):
            started = time.perf_counter()
            try:
                found = self._look_once(screen)
            except Exception as exc:  # one failed look (a file system error) must not end watching
                app.call_from_thread(self._live_status, f"Watching: {one_line(str(exc))[:100]}")
                found = None
            pause = max(self.live_seconds, PAUSE_PER_LOOK * (time.perf_counter() - started))
            if found is not None and not worker.is_cancelled:
                app.call_from_thread(self._apply_folder_changes, *found)

    def _look_once(self, screen: MainScreen) -> tuple[list[Report], SearchIndex, Changes, list[Any]] | None:
        """Look at the paths; on a change, parse it and build the new list and index (this thread)."""
        from reportview.core.corpus import iter_corpus
        from reportview.core.search import SearchIndex
        from reportview.core.watch import compare, look

        config = screen.rv_app.config
        now = look(screen.paths, config.extensions, config.exclude)
        changes = compare(self.live_stamps, now)
        if not changes:
            return None
        fresh: dict[str, Report] = {}
        skipped: list[Any] = []
        for step in iter_corpus(list(changes.to_parse), config, screen.use_cache, with_terms=True):
            if step.report is not None:
                fresh[step.report.path] = step.report
                self.live_terms[step.report.path] = step.terms
            elif step.skipped is not None:
                skipped.append(step.skipped)
        for path in changes.removed:
            self.live_terms.pop(path, None)
        # screen.reports changes only on the UI thread, in _apply_folder_changes, which this
        # thread waits for (call_from_thread): reading it here is safe.
        current = screen.reports
        reports = updated_reports(current, fresh, changes)
        listed = {r.path for r in current}
        if not changes.removed and not any(p in listed for p in changes.changed) and screen.index is not None:
            # Only new files: they are appended, so the index grows as it does while loading.
            index = screen.index
            with screen._index_lock:
                for report in reports[len(current) :]:
                    index.add(report, self.live_terms.get(report.path))
        else:  # reports left or changed: positions moved, the index is built again
            index = SearchIndex.build(reports, [self.live_terms.get(r.path) for r in reports])
        self.live_stamps = now
        return reports, index, changes, skipped

    def _live_status(self, text: str) -> None:
        self.query_one(StatusBar).set_text(text)  # type: ignore[attr-defined]

    def _apply_folder_changes(
        self, reports: list[Report], index: SearchIndex, changes: Changes, skipped: list[Any]
    ) -> None:
        screen: MainScreen = self  # type: ignore[assignment]
        open_report = screen.report
        open_path = open_report.path if open_report is not None else None
        old_index, section_index = screen.report_index, screen.section_index
        reader = screen.query_one(Reader)
        scroll = reader.scroll_y
        with screen._index_lock:
            screen.reports[:] = reports  # in place: the lists hold this very list
            screen.index = index
        screen.skipped.extend(skipped)
        screen._n_sections = sum(len(r.sections) for r in reports)
        screen._n_figures = sum(len(r.figures) for r in reports)
        # Jump trails and marks name reports by position, which may have moved.
        screen.trail = None
        screen.hit_pos = -1
        screen.marks = None
        screen.before_jump = screen.before_search = None
        report_list = screen.query_one(ReportList)
        report_list.rows_added()
        if not reports:
            screen.report_index = screen.section_index = None
            screen.show_section(None)
        else:
            paths = [r.path for r in reports]
            if open_path in paths:
                new_index = paths.index(open_path)
            else:  # the open report left: its neighbour
                new_index = min(old_index or 0, len(reports) - 1)
            reparse = open_path in changes.changed or open_path not in paths or old_index is None
            report_list.move_to(new_index, notify=False)
            if reparse:
                keep = section_index if open_path in paths and section_index is not None else 0
                screen.show_report(new_index, min(keep, max(0, len(reports[new_index].sections) - 1)))
                if open_path in paths:
                    reader.scroll_to(y=scroll, animate=False, immediate=True)
            else:
                screen.report_index = new_index
        screen._update_counts()
        if screen.results_query:
            screen._search_generation += 1
            screen._run_search(screen.results_query, screen._search_generation)
        self.live_changes += 1
        screen.query_one(StatusBar).set_text(
            f"Folders changed: {changes.summary()} · {len(reports):,} reports · watching"
        )
        screen.refresh_bindings()
