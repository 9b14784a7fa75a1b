"""SQLite storage: the schema the persistent parse cache (core/cache.py) and `.sqlite` files share.

Tables (readable columns, so that users can query figures with SQL):

- ``reports``: one row per file: path, title, date, encoding, counts; for the cache also the
  file's size, mtime_ns and CRC-32, the parsing fingerprint and program version, and ``blob``:
  the parse (outline, figures, furniture, warnings; core/codec.py) with its own CRC-32. The
  text is not stored for plain-text files (re-reading and decoding them is cheaper than
  storing them); it is stored for HTML/PDF/DOCX, where extraction is the cost.
- ``sections``: report_id, idx, number, title, start, end, body_start.
- ``figures``: report_id, idx, section (number), section_index, text, value, kind, unit, total,
  qualifier, change, base, label, start, end.
- ``figure_rows``: a view joining figures to their report path and section title.

`write_sqlite` fills all three tables; the cache fills ``reports`` (with blobs) only, which keeps
it small and its writes cheap. The blob codec is core/codec.py, the cache protocol core/cache.py
(both names are still importable from here).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence

from reportview import __version__
from reportview.core.model import Report

SCHEMA_VERSION = 1

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


# Moved to their own modules (the cache protocol, the blob codec); still importable from here.
_MOVED = {
    "reportview.core.cache": (
        "CACHE_FILE",
        "STORE_TEXT_SUFFIXES",
        "Entry",
        "NewEntry",
        "ParseCache",
        "cache_key",
        "default_cache_path",
    ),
    "reportview.core.codec": (
        "BLOB_VERSION",
        "CacheCorrupt",
        "decode_entry",
        "decode_report",
        "encode_report",
    ),
}


def __getattr__(name: str) -> object:
    import importlib

    for module, names in _MOVED.items():
        if name in names:
            return getattr(importlib.import_module(module), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
