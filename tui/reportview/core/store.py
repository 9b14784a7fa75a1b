"""SQLite storage: the persistent parse cache and the `.sqlite` export share one schema.

Tables (readable columns, so that users can query figures with SQL):

- ``reports``: one row per file: path, title, date, encoding, counts; for the cache also the
  file's size, mtime_ns and CRC-32, the parsing fingerprint and program version, and ``blob``:
  the parse (outline, figures, furniture, warnings) as zlib-compressed compact JSON with its own
  CRC-32. The text is not stored for plain-text files (re-reading and decoding them is cheaper
  than storing them); it is stored for HTML/PDF/DOCX, where extraction is the cost.
- ``sections``: report_id, idx, number, title, start, end, body_start.
- ``figures``: report_id, idx, section (number), section_index, text, value, kind, unit, total,
  qualifier, change, base, label, start, end.
- ``figure_rows``: a view joining figures to their report path and section title.

The export fills all three tables; the cache fills ``reports`` (with blobs) only, which keeps it
small and its writes cheap. A cache entry is never trusted blindly: the schema version is checked
on open, the blob's CRC and the file's CRC are checked on read, and a cache file SQLite cannot read
is deleted and rebuilt with a warning.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportview import __version__
from reportview.config import Config
from reportview.core.model import Figure, Report, Section, Span, TableRef
from reportview.core.terms import IndexTerms, UnitTerms

log = logging.getLogger("reportview.cache")

SCHEMA_VERSION = 1
BLOB_VERSION = 5
CACHE_FILE = "parse-cache.sqlite"

# Formats whose text is expensive to get back (extraction), so the cache keeps the text itself.
STORE_TEXT_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".pdf", ".docx"})

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    title TEXT,
    date TEXT,
    encoding TEXT,
    n_sections INTEGER,
    n_figures INTEGER,
    size INTEGER,
    mtime_ns INTEGER,
    crc32 INTEGER,
    fingerprint TEXT,
    version TEXT,
    blob BLOB,
    blob_crc INTEGER
);
CREATE TABLE IF NOT EXISTS sections (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    number INTEGER,
    title TEXT,
    start INTEGER,
    "end" INTEGER,
    body_start INTEGER,
    PRIMARY KEY (report_id, idx)
);
CREATE TABLE IF NOT EXISTS figures (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    section INTEGER,
    section_index INTEGER,
    text TEXT,
    value REAL,
    kind TEXT,
    unit TEXT,
    total REAL,
    qualifier TEXT,
    change TEXT,
    base TEXT,
    label TEXT,
    start INTEGER,
    "end" INTEGER,
    PRIMARY KEY (report_id, idx)
);
CREATE INDEX IF NOT EXISTS figures_kind ON figures(kind);
CREATE VIEW IF NOT EXISTS figure_rows AS
    SELECT r.path AS report, s.number AS section_number, s.title AS section_title, f.*
    FROM figures f JOIN reports r ON r.id = f.report_id
    LEFT JOIN sections s ON s.report_id = f.report_id AND s.idx = f.section_index;
"""


class CacheCorrupt(Exception):
    """A cache entry or file that fails validation."""


# --- compact encoding of a parse ------------------------------------------------------------------


def encode_report(report: Report, store_text: bool, terms: IndexTerms | None = None) -> bytes:
    """The parse of `report` (and its index terms) as zlib-compressed JSON (the text only when
    `store_text`)."""
    payload = [
        BLOB_VERSION,
        report.title,
        report.date,
        report.encoding,
        list(report.warnings),
        list(report.body),
        list(report.title_span) if report.title_span else None,
        [
            [s.number, s.title, s.start, s.end, s.body_start, s.figure_start, s.figure_end]
            for s in report.sections
        ],
        [
            [
                f.start,
                f.end,
                f.value,
                f.kind,
                f.unit,
                f.total,
                f.qualifier,
                f.change,
                f.base,
                f.label,
                f.section_index,
                f.upper,
                f.period,
                f.place,
                None
                if f.table is None
                else [
                    f.table.index,
                    f.table.row,
                    f.table.col,
                    f.table.row_label,
                    f.table.col_header,
                    f.table.caption,
                ],
            ]
            for f in report.figures
        ],
        [[s.start, s.end, s.reason] for s in report.furniture],
        # The caption only when it is not the title (most reports): the title is stored above.
        [
            report.convention,
            report.language,
            report.place,
            report.period,
            None if report.caption == report.title else report.caption,
        ],
        report.text if store_text else None,
        None
        if terms is None
        else [
            terms.fold_whole,
            [[u.section, *u.title, *u.body, u.title_words, u.other_words] for u in terms.units],
        ],
    ]
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return zlib.compress(raw, 1)


_WORDS: dict[str, str] = {}


def _word(s: str | None) -> str | None:
    """One shared object per short repeated string (kinds, units, reasons): 200k figures, few words."""
    if s is None:
        return None
    if len(_WORDS) > 100_000:
        _WORDS.clear()
    return _WORDS.setdefault(s, s)


def decode_report(blob: bytes, path: str, text: str | None) -> Report:
    """A Report from `encode_report`'s blob; `text` is the re-read text (None: stored in the blob)."""
    return decode_entry(blob, path, text)[0]


def decode_entry(blob: bytes, path: str, text: str | None) -> tuple[Report, IndexTerms | None]:
    """The Report and index terms (None when not stored) of `encode_report`'s blob."""
    try:
        payload = json.loads(zlib.decompress(blob))
        version, title, date, encoding, warnings, body, title_span, secs, figs, furn, facts, stored, terms = (
            payload
        )
        convention, language, place, period, caption = facts
        index_terms = (
            None
            if terms is None
            else IndexTerms(
                tuple(UnitTerms(si, (ta, tb), (ba, bb), tw, ow) for si, ta, tb, ba, bb, tw, ow in terms[1]),
                bool(terms[0]),
            )
        )
    except (zlib.error, ValueError, TypeError) as exc:
        raise CacheCorrupt(f"undecodable entry: {exc}") from None
    if version != BLOB_VERSION:
        raise CacheCorrupt("entry from another format version")
    if text is None:
        if stored is None:
            raise CacheCorrupt("entry has no text")
        text = stored
    sections = tuple(Section(i, *s) for i, s in enumerate(secs))
    word = _word
    figures = tuple(
        Figure(
            s,
            e,
            text[s:e],
            value,
            word(kind),
            word(unit),
            total,
            word(qualifier),
            word(change),
            base,
            label,
            idx,
            sections[idx].number if idx is not None else None,
            upper,
            period_,
            place_,
            None if table is None else TableRef(*table),
        )
        for (
            s,
            e,
            value,
            kind,
            unit,
            total,
            qualifier,
            change,
            base,
            label,
            idx,
            upper,
            period_,
            place_,
            table,
        ) in figs
    )
    report = Report(
        path=path,
        text=text,
        encoding=encoding,
        title=title,
        date=date,
        sections=sections,
        figures=figures,
        furniture=tuple(Span(s, e, word(r)) for s, e, r in furn),
        warnings=tuple(warnings),
        body=(body[0], body[1]),
        title_span=(title_span[0], title_span[1]) if title_span else None,
        convention=convention,
        language=language,
        place=place,
        period=period,
        caption=title if caption is None else caption,
    )
    return report, index_terms


# --- schema and export ----------------------------------------------------------------------------


def _create(conn: sqlite3.Connection, kind: str) -> None:
    conn.executescript(SCHEMA)
    conn.executemany(
        "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
        [("schema_version", str(SCHEMA_VERSION)), ("kind", kind), ("program_version", __version__)],
    )
    conn.commit()


def _insert_tables(conn: sqlite3.Connection, report_id: int, report: Report) -> None:
    conn.executemany(
        'INSERT INTO sections(report_id, idx, number, title, start, "end", body_start)'
        " VALUES (?,?,?,?,?,?,?)",
        [(report_id, s.index, s.number, s.title, s.start, s.end, s.body_start) for s in report.sections],
    )
    conn.executemany(
        "INSERT INTO figures(report_id, idx, section, section_index, text, value, kind, unit, total,"
        ' qualifier, change, base, label, start, "end") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
        [
            (
                report_id,
                i,
                f.section_number,
                f.section_index,
                f.text,
                f.value,
                f.kind,
                f.unit,
                f.total,
                f.qualifier,
                f.change,
                f.base,
                f.label,
                f.start,
                f.end,
            )
            for i, f in enumerate(report.figures)
        ],
    )


def write_sqlite(path: str | os.PathLike[str], reports: Sequence[Report]) -> None:
    """Write `reports` with their sections and figures to a new SQLite file at `path`."""
    if os.path.exists(path):
        os.unlink(path)
    conn = sqlite3.connect(path)
    try:
        _create(conn, "export")
        with conn:
            for report in reports:
                cur = conn.execute(
                    "INSERT INTO reports(path, title, date, encoding, n_sections, n_figures)"
                    " VALUES (?,?,?,?,?,?)",
                    (
                        report.path,
                        report.title,
                        report.date,
                        report.encoding,
                        len(report.sections),
                        len(report.figures),
                    ),
                )
                _insert_tables(conn, cur.lastrowid or 0, report)
    finally:
        conn.close()


# --- the parse cache ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """A cache row's key columns, read in bulk to decide hits before any blob is read."""

    id: int
    size: int
    mtime_ns: int
    fingerprint: str
    version: str


@dataclass(frozen=True, slots=True)
class NewEntry:
    """A fresh parse to store: the report, the file facts it was parsed from, and its blob."""

    key: str
    report: Report
    size: int
    mtime_ns: int
    crc32: int
    blob: bytes


def default_cache_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("reportview")) / CACHE_FILE


def cache_key(path: str | os.PathLike[str]) -> str:
    """Entries are keyed by absolute path (not resolved: two links to one file are two reports)."""
    return os.path.abspath(path)


class ParseCache:
    """The persistent parse cache. Use from one thread at a time; every failure degrades to a miss."""

    TIMEOUT = 5.0  # seconds to wait for another reportview's write to finish

    def __init__(self, path: str | os.PathLike[str], fingerprint: str) -> None:
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.warnings: list[str] = []
        self.broken = False
        self._broken_why = ""
        self._conn: sqlite3.Connection | None = None
        self._open()

    @classmethod
    def open_default(cls, config: Config) -> ParseCache:
        return cls(default_cache_path(), config.parsing_fingerprint())

    # -- opening, validation and rebuilding

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=self.TIMEOUT, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    def _open(self) -> None:
        try:
            self._conn = self._connect()
            self._validate(self._conn)
        except sqlite3.OperationalError as exc:
            # Locked by another reportview for longer than the timeout, or an I/O error: not
            # evidence of corruption, so the file is left alone and this run does without it.
            self._disable(f"cannot read ({exc})")
        except sqlite3.DatabaseError as exc:
            self._rebuild(f"unreadable ({exc})")
        except CacheCorrupt as exc:
            self._rebuild(str(exc), warn=False)
        except OSError as exc:
            self._disable(f"cannot open ({exc.strerror or exc})")

    def _validate(self, conn: sqlite3.Connection) -> None:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            _create(conn, "cache")
            return
        if "meta" not in tables:
            raise sqlite3.DatabaseError("no meta table")
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("kind") != "cache":
            raise sqlite3.DatabaseError("not a reportview cache")
        if meta.get("schema_version") != str(SCHEMA_VERSION):
            raise CacheCorrupt(f"schema version {meta.get('schema_version')} != {SCHEMA_VERSION}")
        if not {"reports", "sections", "figures"} <= tables:
            raise sqlite3.DatabaseError("tables missing")

    def _rebuild(self, why: str, warn: bool = True) -> None:
        if warn:
            self._warn(f"reportview: cache {self.path} is corrupt: {why}; rebuilt it")
        self.close()
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                p = Path(str(self.path) + suffix)
                if p.exists():
                    p.unlink()
            self._conn = self._connect()
            _create(self._conn, "cache")
            self.broken = False
        except (OSError, sqlite3.Error) as exc:
            self._disable(f"cannot rebuild ({exc})")

    def _disable(self, why: str) -> None:
        self._warn(f"reportview: cache {self.path}: {why}; loading without it")
        self.close()
        self._conn = None

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        log.warning(message)

    def _failed(self, exc: Exception) -> None:
        """A database error during use: stop using the file; a corrupt one is rebuilt on close."""
        if isinstance(exc, sqlite3.OperationalError):
            self._disable(f"cannot read ({exc})")
            return
        if not self.broken:
            self.broken = True
            self._broken_why = str(exc)

    @property
    def usable(self) -> bool:
        return self._conn is not None and not self.broken

    # -- reading

    def entries(self) -> dict[str, Entry]:
        """Every row's key columns by path (one query; blobs are read only for hits)."""
        if not self.usable:
            return {}
        assert self._conn is not None
        try:
            rows = self._conn.execute(
                "SELECT path, id, size, mtime_ns, fingerprint, version FROM reports"
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            self._failed(exc)
            return {}
        return {p: Entry(i, s or 0, m or 0, f or "", v or "") for p, i, s, m, f, v in rows}

    def is_fresh(self, entry: Entry, size: int, mtime_ns: int) -> bool:
        return (
            entry.size == size
            and entry.mtime_ns == mtime_ns
            and entry.fingerprint == self.fingerprint
            and entry.version == __version__
        )

    def blob(self, entry: Entry) -> tuple[bytes, int]:
        """The blob of a fresh entry, checked against its CRC, and the file CRC it was parsed from."""
        if not self.usable:
            raise CacheCorrupt("cache unusable")
        assert self._conn is not None
        try:
            row = self._conn.execute(
                "SELECT CAST(blob AS BLOB), blob_crc, crc32 FROM reports WHERE id = ?", (entry.id,)
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            self._failed(exc)
            raise CacheCorrupt(str(exc)) from None
        if row is None or not isinstance(row[0], bytes):
            raise CacheCorrupt("entry vanished")
        blob, blob_crc, crc = row
        if zlib.crc32(blob) != blob_crc:
            raise CacheCorrupt("entry fails its checksum")
        return blob, crc

    # -- writing

    def put_many(self, items: Iterable[NewEntry]) -> None:
        """Store fresh parses in one transaction (replacing older rows of the same paths)."""
        if not self.usable:
            return
        assert self._conn is not None
        rows = [
            (
                n.key,
                n.report.title,
                n.report.date,
                n.report.encoding,
                len(n.report.sections),
                len(n.report.figures),
                n.size,
                n.mtime_ns,
                n.crc32,
                self.fingerprint,
                __version__,
                n.blob,
                zlib.crc32(n.blob),
            )
            for n in items
        ]
        if not rows:
            return
        try:
            with self._conn:
                self._conn.executemany(
                    "INSERT INTO reports(path, title, date, encoding, n_sections, n_figures, size, mtime_ns,"
                    " crc32, fingerprint, version, blob, blob_crc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT(path) DO UPDATE SET title=excluded.title, date=excluded.date,"
                    " encoding=excluded.encoding, n_sections=excluded.n_sections,"
                    " n_figures=excluded.n_figures,"
                    " size=excluded.size, mtime_ns=excluded.mtime_ns, crc32=excluded.crc32,"
                    " fingerprint=excluded.fingerprint, version=excluded.version, blob=excluded.blob,"
                    " blob_crc=excluded.blob_crc",
                    rows,
                )
        except sqlite3.OperationalError as exc:
            # Locked by another reportview, or a full disk: this run simply does not cache.
            self._warn(f"reportview: cache {self.path}: cannot write ({exc}); continuing without it")
            self.close()
        except sqlite3.DatabaseError as exc:
            self._failed(exc)

    def drop_missing(self, folder: str, keep: set[str]) -> int:
        """Delete rows for files under `folder` (an absolute path) that are not in `keep`."""
        if not self.usable:
            return 0
        assert self._conn is not None
        lo = folder.rstrip(os.sep) + os.sep
        hi = lo[:-1] + chr(ord(os.sep) + 1)
        try:
            gone = [
                (i,)
                for i, p in self._conn.execute(
                    "SELECT id, path FROM reports WHERE path >= ? AND path < ?", (lo, hi)
                )
                if p not in keep
            ]
            if gone:
                with self._conn:
                    self._conn.executemany("DELETE FROM reports WHERE id = ?", gone)
        except sqlite3.OperationalError:
            return 0
        except sqlite3.DatabaseError as exc:
            self._failed(exc)
            return 0
        return len(gone)

    # -- the `reportview cache` command

    def clear(self) -> int:
        """Empty the cache; returns how many reports it held."""
        n = self.info()["rows"]
        self._rebuild("", warn=False)
        return n

    def info(self) -> dict[str, int]:
        rows = 0
        if self._conn is not None:
            try:
                rows = self._conn.execute("SELECT count(*) FROM reports").fetchone()[0]
            except sqlite3.DatabaseError:
                rows = 0
        size = sum(
            os.path.getsize(str(self.path) + s)
            for s in ("", "-wal", "-journal")
            if os.path.exists(str(self.path) + s)
        )
        return {"rows": rows, "bytes": size}

    def close(self) -> None:
        """Close the file; a file that failed during use is rebuilt now, with a warning."""
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
        if self.broken:
            self.broken = False
            self._rebuild(self._broken_why or "database error")
            conn, self._conn = self._conn, None
            if conn is not None:
                conn.close()

    def __enter__(self) -> ParseCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
