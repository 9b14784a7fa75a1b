"""Build or update an archive: decide what to parse, parse it into shards, merge, index.

An `index` run discovers the files, reuses every report whose cache key (size, mtime_ns, CRC-32
of its bytes, parsing fingerprint, program version) matches the archive's row, has the others
parsed into shards by an engine (`engines`), and writes a new archive file from the old one's
reused rows and the shards' rows, in discovery order (ids and unit ids renumbered with SQL, no
re-parsing), then builds the FTS5 index and the term counts, and renames the file over the old
one. So an archive is the same whichever engine built it and however it was updated.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportview import __version__
from reportview.core.archive.schema import (
    ARCHIVE_SCHEMA,
    ARCHIVE_VERSION,
    DB_NAME,
    REPORT_COLUMN,
    SHARD_DIR,
)
from reportview.core.files import Skipped, discover, read_file_bytes

SCHEMA_DIGEST = f"{zlib.crc32(ARCHIVE_SCHEMA.encode()):08x}"


@dataclass(frozen=True, slots=True)
class BuildStats:
    """What an index run did."""

    files: int
    parsed: int
    reused: int
    skipped: int
    reports: int
    units: int
    seconds: float
    parse_seconds: float
    engine: str


# (position, absolute path, display path) of each file to parse -> the shard files written.
ShardMapper = Callable[[list[tuple[int, str, str]], Path], list[Path]]


def archive_db(archive_dir: str | os.PathLike[str]) -> Path:
    return Path(archive_dir) / DB_NAME


def read_only_uri(path: Path) -> str:
    """A URI that opens `path` read-only (any characters in the name are escaped)."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def _old_entries(db: Path, fingerprint: str) -> dict[str, tuple[int, int, int, int]]:
    """key -> (report_id, size, mtime_ns, crc32) of an archive's rows that a run may reuse."""
    if not db.exists():
        return {}
    try:
        conn = sqlite3.connect(read_only_uri(db), uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM archive_meta").fetchall())
            if meta.get("schema") != SCHEMA_DIGEST or meta.get("version") != ARCHIVE_VERSION:
                return {}
            rows = conn.execute(
                "SELECT key, report_id, size, mtime_ns, crc32 FROM archive_files"
                " WHERE fingerprint = ? AND version = ?",
                (fingerprint, __version__),
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return {}  # unreadable or not an archive: rebuilt from the files
    return {k: (r, s, m, c) for k, r, s, m, c in rows}


def _fresh(path: Path, entry: tuple[int, int, int, int]) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    if st.st_size != entry[1] or st.st_mtime_ns != entry[2]:
        return False
    try:
        return zlib.crc32(read_file_bytes(path)) == entry[3]
    except OSError:
        return False


def index_archive(
    paths: Sequence[str | os.PathLike[str]],
    archive_dir: str | os.PathLike[str],
    config: Any,
    mapper: ShardMapper,
    engine: str = "local",
) -> tuple[BuildStats, list[Skipped]]:
    """Build or update the archive in `archive_dir` from the files under `paths`."""
    t0 = time.perf_counter()
    out_dir = Path(archive_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    db = archive_db(out_dir)
    files, skipped = discover(paths, config.extensions, getattr(config, "exclude", ()))
    fingerprint = config.parsing_fingerprint()
    old = _old_entries(db, fingerprint)
    reuse: dict[int, int] = {}
    misses: list[tuple[int, str, str]] = []
    for pos, f in enumerate(files):
        key = os.path.abspath(f)
        entry = old.get(key)
        if entry is not None and _fresh(f, entry):
            reuse[pos] = entry[0]
        else:
            misses.append((pos, key, str(f)))

    shard_dir = out_dir / SHARD_DIR
    shutil.rmtree(shard_dir, ignore_errors=True)
    shard_dir.mkdir()
    t1 = time.perf_counter()
    shards = mapper(misses, shard_dir) if misses else []
    parse_seconds = time.perf_counter() - t1

    tmp = out_dir / (DB_NAME + ".new")
    for suffix in ("", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(str(tmp) + suffix)
    conn = sqlite3.connect(tmp.resolve().as_uri(), uri=True)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-65536")
        conn.executescript(ARCHIVE_SCHEMA)
        reports, units, n_skipped = _merge(conn, db if reuse else None, reuse, shards, skipped)
        _build_search(conn)
        conn.executemany(
            "INSERT INTO archive_meta VALUES (?,?)",
            [
                ("version", ARCHIVE_VERSION),
                ("schema", SCHEMA_DIGEST),
                ("program_version", __version__),
                ("fingerprint", fingerprint),
                ("reports", str(reports)),
                ("units", str(units)),
            ],
        )
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp, db)
    shutil.rmtree(shard_dir, ignore_errors=True)
    stats = BuildStats(
        files=len(files),
        parsed=len(misses),
        reused=len(reuse),
        skipped=n_skipped,
        reports=reports,
        units=units,
        seconds=time.perf_counter() - t0,
        parse_seconds=parse_seconds,
        engine=engine,
    )
    return stats, skipped


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]


def _copy(conn: sqlite3.Connection, alias: str) -> None:
    """Copy every report table's rows of the attached `alias` through temp.idmap (ids renumbered)."""
    for table, rcol in REPORT_COLUMN.items():
        cols = _columns(conn, table)
        exprs = []
        for c in cols:
            if c == rcol:
                exprs.append("m.new_id")
            elif table == "archive_files" and c == "pos":
                exprs.append("m.new_pos")
            elif (table == "archive_files" and c == "first_unit") or (
                table == "archive_units" and c == "uid"
            ):
                exprs.append(f't."{c}" + m.u_delta')
            else:
                exprs.append(f't."{c}"')
        names = ", ".join(f'"{c}"' for c in cols)
        conn.execute(
            f"INSERT INTO main.{table} ({names}) SELECT {', '.join(exprs)}"
            f" FROM {alias}.{table} t JOIN temp.idmap m ON t.{rcol} = m.src_id ORDER BY m.new_id"
        )


def _merge(
    conn: sqlite3.Connection,
    old_db: Path | None,
    reuse: dict[int, int],
    shards: list[Path],
    skipped: list[Skipped],
) -> tuple[int, int, int]:
    """Fill the new archive from the old one's reused rows and the shards', in discovery order."""
    # (pos, source, source id, source first unit, units) of every report the archive will hold.
    rows: list[tuple[int, int, int, int, int]] = []
    sources: list[Path] = []
    if old_db is not None:
        sources.append(old_db)
        src = sqlite3.connect(read_only_uri(old_db), uri=True)
        try:
            wanted = {rid: pos for pos, rid in reuse.items()}
            for rid, first, n in src.execute("SELECT report_id, first_unit, n_units FROM archive_files"):
                if rid in wanted:
                    rows.append((wanted[rid], 0, rid, first, n))
        finally:
            src.close()
    skipped_rows: list[tuple[int, str, str]] = []
    for shard in shards:
        k = len(sources)
        sources.append(shard)
        src = sqlite3.connect(shard)
        try:
            for rid, pos, first, n in src.execute(
                "SELECT report_id, pos, first_unit, n_units FROM archive_files"
            ):
                rows.append((pos, k, rid, first, n))
            skipped_rows.extend(src.execute("SELECT pos, path, reason FROM archive_skipped"))
        finally:
            src.close()
    rows.sort()
    maps: dict[int, list[tuple[int, int, int, int]]] = {}
    next_unit = 0
    for new_id, (pos, k, rid, first, n) in enumerate(rows, 1):
        maps.setdefault(k, []).append((rid, new_id, pos, next_unit - first))
        next_unit += n
    conn.execute("CREATE TEMP TABLE idmap (src_id INTEGER PRIMARY KEY, new_id, new_pos, u_delta)")
    with conn:
        for k, path in enumerate(sources):
            if k not in maps:
                continue
            conn.execute("DELETE FROM temp.idmap")
            conn.executemany("INSERT INTO temp.idmap VALUES (?,?,?,?)", maps[k])
            conn.execute("ATTACH DATABASE ? AS src", (read_only_uri(path),))
            try:
                _copy(conn, "src")
                conn.commit()
            finally:
                conn.execute("DETACH DATABASE src")
        # Skipped files, discovery's and the shards', by path (positions are per-run facts).
        conn.executemany(
            "INSERT INTO archive_skipped(pos, path, reason) VALUES (?,?,?)",
            [(-1 - i, s.path, s.reason) for i, s in enumerate(skipped)] + sorted(skipped_rows),
        )
    return len(rows), next_unit, len(skipped) + len(skipped_rows)


def _build_search(conn: sqlite3.Connection) -> None:
    """The FTS5 index over the units' words, and every word's unit counts (all fields, titles)."""
    with conn:
        conn.execute("INSERT INTO archive_fts(archive_fts) VALUES ('rebuild')")
        conn.execute(
            "INSERT INTO archive_terms(word, n, nt, len)"
            " SELECT term, sum(doc), sum(CASE WHEN col = 'title_words' THEN doc ELSE 0 END), length(term)"
            " FROM archive_vocab WHERE col IN ('title_words', 'other_words') GROUP BY term"
        )
        conn.execute("INSERT INTO archive_fts(archive_fts) VALUES ('optimize')")
