"""The `.sqlite` export: the reports, sections and figures of a selection, in tables people query.

Not the parse cache's schema (no blobs, fingerprints or file stamps): `figures` has a column per
entry of the column registry (`core.columns`), so `SELECT label, value, unit FROM figures WHERE
kind = 'money'` reads like the CSV export, plus `report_id`, `idx` (the figure's place in its
report) and `section_idx` to join on. `insert_part` writes one report's rows into these tables
for any writer of them (the export; an archive that wants to be queried like one).
"""

from __future__ import annotations

import os
import sqlite3
from typing import TYPE_CHECKING

from reportview.core.columns import COLUMNS, full_title

if TYPE_CHECKING:
    from reportview.core.export import Part, Selection


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


SCHEMA = f"""
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL,
    title TEXT,
    date TEXT,
    place TEXT,
    period TEXT,
    convention TEXT,
    language TEXT,
    encoding TEXT,
    n_sections INTEGER,
    n_figures INTEGER
);
CREATE TABLE sections (
    report_id INTEGER NOT NULL REFERENCES reports(id),
    idx INTEGER NOT NULL,
    number INTEGER,
    title TEXT,
    start INTEGER,
    "end" INTEGER,
    n_figures INTEGER,
    PRIMARY KEY (report_id, idx)
);
CREATE TABLE figures (
    report_id INTEGER NOT NULL REFERENCES reports(id),
    idx INTEGER NOT NULL,
    section_idx INTEGER,
    {", ".join(f"{_quoted(c.name)} {c.sql}" for c in COLUMNS)},
    PRIMARY KEY (report_id, idx)
);
CREATE INDEX figures_section ON figures(report_id, section_idx);
CREATE INDEX figures_kind ON figures(kind);
"""
_INSERT_FIGURE = (
    f"INSERT INTO figures(report_id, idx, section_idx, {', '.join(_quoted(c.name) for c in COLUMNS)})"
    f" VALUES (?, ?, ?, {', '.join('?' for _ in COLUMNS)})"
)


def write_sqlite(path: str | os.PathLike[str], selection: Selection) -> None:
    """Write the selection to a new SQLite file at `path` (replacing a file there)."""
    if os.path.exists(path):
        os.unlink(path)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(SCHEMA)
        with conn:
            for report_id, part in enumerate(selection.parts, start=1):
                insert_part(conn, report_id, part)
    finally:
        conn.close()


def insert_part(conn: sqlite3.Connection, report_id: int, part: Part) -> None:
    """One report's rows: the report, its chosen sections and figures (idx: the figure's place in
    the report, so rows of a section-only export still name the report's own figures)."""
    report = part.report
    conn.execute(
        "INSERT INTO reports(id, doc, title, date, place, period, convention, language, encoding,"
        " n_sections, n_figures) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            report_id,
            report.path,
            report.display_title,
            report.date,
            report.place,
            report.period,
            report.convention,
            report.language,
            report.encoding,
            len(part.sections),
            len(part.figures),
        ),
    )
    per_section: dict[int | None, int] = {}
    for f in part.figures:
        per_section[f.section_index] = per_section.get(f.section_index, 0) + 1
    conn.executemany(
        'INSERT INTO sections(report_id, idx, number, title, start, "end", n_figures) VALUES (?,?,?,?,?,?,?)',
        [
            (report_id, s.index, s.number, full_title(report, s), s.start, s.end, per_section.get(s.index, 0))
            for s in part.sections
        ],
    )
    place = {id(f): i for i, f in enumerate(report.figures)}
    conn.executemany(
        _INSERT_FIGURE,
        [
            (report_id, place[id(f)], f.section_index, *(c.get(report, f) for c in COLUMNS))
            for f in part.figures
        ],
    )
