"""Helpers for archive tests: building archives, dumping their rows, the queries compared."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reportview.config import default_config
from reportview.core.archive.build import BuildStats, archive_db, index_archive
from reportview.core.archive.engines import mapper_for
from reportview.core.archive.schema import TABLE_KEYS

# Typed one keystroke at a time: accents or not, typos, phrases, filters, scopes.
PHRASES = [
    "ngân sách",
    "tăng trưởng kinh tế",
    "xuat khau",
    "doanh nghiệp",
    "lai suat ngan hang",
    "cu tri di bau",
    "ngân sáhc",
    "GDP",
    "thị trường",
    '"thu ngân sách" đạt',
    "kind:percent tăng",
    "kind:money",
    "in:titles kinh",
    "in:text vốn",
    "in:figures tổng",
]

# What an archive holds that must not depend on who built it: every table, in key order.
TABLES = TABLE_KEYS


def keystrokes(phrase: str) -> list[str]:
    return [phrase[:i] for i in range(1, len(phrase) + 1) if not phrase[:i].endswith(" ")]


def queries() -> list[str]:
    return [k for p in PHRASES for k in keystrokes(p)]


def build(paths: list[Path], out: Path, engine: str = "local", **kw: object) -> BuildStats:
    config = default_config()
    return index_archive([str(p) for p in paths], out, config, mapper_for(engine, config, **kw), engine)[0]


def dump(archive_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in key order, with the file-stat columns left out (mtimes of
    copies differ) only where asked; the FTS index is checked through what it answers."""
    conn = sqlite3.connect(archive_db(archive_dir))
    try:
        out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY {key}").fetchall() for t, key in TABLES.items()}
        out["fts"] = conn.execute(
            "SELECT rowid FROM archive_fts WHERE archive_fts MATCH 'ngan OR kinh OR tang' ORDER BY rowid"
        ).fetchall()
        return out
    finally:
        conn.close()
