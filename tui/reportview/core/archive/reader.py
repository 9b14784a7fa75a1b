"""Reading an archive: its report rows a page at a time, and reports decoded when asked for.

`Archive` keeps one read-only SQLite connection and a small most-recently-used set of decoded
reports, so what it holds does not grow with the archive: the list pages `reports` rows, a
report's text, sections and figures are read (and its text decompressed) when it is opened.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from reportview.core.archive.build import SCHEMA_DIGEST, archive_db, read_only_uri
from reportview.core.archive.schema import ARCHIVE_VERSION
from reportview.core.archive.shard import decompress_text
from reportview.core.codec import decode_report
from reportview.core.model import Report
from reportview.core.terms import IndexTerms, UnitTerms

# Decoded reports kept: the reader's report, the search hits' reports, a page of the list.
REPORTS_KEPT = 256


class ArchiveError(Exception):
    """Not an archive this version can read (missing, another schema, unreadable)."""


@dataclass(frozen=True, slots=True)
class ReportRow:
    """What the reports list shows of a report, read without decoding it."""

    index: int
    path: str
    title: str  # as the list shows it: the headline, or the fallback (Report.display_title)
    date: str | None
    n_sections: int
    n_figures: int


class Archive:
    """A built archive, opened read-only. Thread-safe (one lock around the connection)."""

    def __init__(self, archive_dir: str | os.PathLike[str]) -> None:
        db = archive_db(archive_dir)
        if not db.exists():
            raise ArchiveError(f"{archive_dir}: no archive here (build one with 'reportview index')")
        self.dir = Path(archive_dir)
        try:
            self.conn = sqlite3.connect(read_only_uri(db), uri=True, check_same_thread=False)
            meta = dict(self.conn.execute("SELECT key, value FROM archive_meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"{db}: not a readable archive ({exc})") from None
        if meta.get("version") != ARCHIVE_VERSION or meta.get("schema") != SCHEMA_DIGEST:
            raise ArchiveError(f"{db}: archive from another version; run 'reportview index' again")
        self.meta = meta
        self.n_reports = int(meta["reports"])
        self.n_units = int(meta["units"])
        self.lock = threading.RLock()
        self._kept: OrderedDict[int, Report] = OrderedDict()
        self.reports = LazyReports(self)

    def connect(self) -> sqlite3.Connection:
        """Another read-only connection to the archive (for a reader in another thread)."""
        return sqlite3.connect(read_only_uri(archive_db(self.dir)), uri=True, check_same_thread=False)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows(self, start: int, count: int) -> list[ReportRow]:
        """Report rows `start` .. `start + count` (0-based, in discovery order)."""
        with self.lock:
            found = self.conn.execute(
                "SELECT id, doc, title, date, n_sections, n_figures FROM reports"
                " WHERE id > ? AND id <= ? ORDER BY id",
                (start, start + count),
            ).fetchall()
        return [ReportRow(i - 1, p, t, d, ns or 0, nf or 0) for i, p, t, d, ns, nf in found]

    def text(self, index: int) -> str:
        """Report `index`'s decoded text."""
        with self.lock:
            row = self.conn.execute(
                "SELECT text FROM archive_texts WHERE report_id = ?", (index + 1,)
            ).fetchone()
        if row is None:
            raise IndexError(index)
        return decompress_text(row[0])

    def report(self, index: int) -> Report:
        """Report `index`, decoded (kept among the most recently used)."""
        with self.lock:
            kept = self._kept.get(index)
            if kept is not None:
                self._kept.move_to_end(index)
                return kept
            row = self.conn.execute(
                "SELECT r.doc, f.blob, t.text FROM reports r JOIN archive_files f ON f.report_id = r.id"
                " JOIN archive_texts t ON t.report_id = r.id WHERE r.id = ?",
                (index + 1,),
            ).fetchone()
            if row is None:
                raise IndexError(index)
            report = decode_report(row[1], row[0], decompress_text(row[2]))
            self._kept[index] = report
            if len(self._kept) > REPORTS_KEPT:
                self._kept.popitem(last=False)
            return report

    def counts(self) -> tuple[int, int]:
        """(sections, figures) over the whole archive."""
        with self.lock:
            row = self.conn.execute("SELECT sum(n_sections), sum(n_figures) FROM reports").fetchone()
        return row[0] or 0, row[1] or 0

    def with_terms(self) -> Iterator[tuple[Report, IndexTerms]]:
        """Every report, decoded, with its index terms (for loading an archive into memory)."""
        conn = self.connect()
        try:
            units = conn.execute(
                "SELECT report_id, section, ta, tb, ba, bb, title_words, other_words FROM archive_units"
                " ORDER BY uid"
            )
            pending = units.fetchone()
            for rid, path, blob, text, whole in conn.execute(
                "SELECT r.id, r.doc, f.blob, t.text, f.fold_whole FROM reports r"
                " JOIN archive_files f ON f.report_id = r.id JOIN archive_texts t ON t.report_id = r.id"
                " ORDER BY r.id"
            ):
                mine: list[UnitTerms] = []
                while pending is not None and pending[0] == rid:
                    _, section, ta, tb, ba, bb, tw, ow = pending
                    mine.append(UnitTerms(section, (ta, tb), (ba, bb), tw, ow))
                    pending = units.fetchone()
                yield decode_report(blob, path, decompress_text(text)), IndexTerms(tuple(mine), bool(whole))
        finally:
            conn.close()

    def whole_folded(self) -> set[int]:
        """Reports that search folds whole (NFD text, or very long)."""
        with self.lock:
            return {
                r - 1 for (r,) in self.conn.execute("SELECT report_id FROM archive_files WHERE fold_whole")
            }


class LazyReports(Sequence[Report]):
    """The archive's reports as a sequence; each is decoded when indexed."""

    def __init__(self, archive: Archive) -> None:
        self._archive = archive

    def __len__(self) -> int:
        return self._archive.n_reports

    @overload
    def __getitem__(self, i: int) -> Report: ...
    @overload
    def __getitem__(self, i: slice) -> list[Report]: ...
    def __getitem__(self, i: int | slice) -> Report | list[Report]:
        if isinstance(i, slice):
            return [self._archive.report(k) for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._archive.report(i)

    def __iter__(self) -> Iterator[Report]:
        for k in range(len(self)):
            yield self._archive.report(k)
