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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportview import __version__
from reportview.core.archive.remote import fetch, is_url, list_urls, stamp
from reportview.core.archive.schema import (
    ARCHIVE_SCHEMA,
    ARCHIVE_VERSION,
    DB_NAME,
    REPORT_COLUMN,
    SHARD_DIR,
)
from reportview.core.archive.shard import write_cached
from reportview.core.files import InputError, Skipped, discover, read_file_bytes
from reportview.core.rules import load_settings_of, rules_of
from reportview.core.search.query import has_digit

SCHEMA_DIGEST = f"{zlib.crc32(ARCHIVE_SCHEMA.encode()):08x}"


@dataclass(frozen=True, slots=True)
class BuildStats:
    """What an index run did."""

    files: int
    parsed: int
    # Files read from the user's parse cache (fresh there), not parsed again.
    from_cache: int
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


def _fresh(path: Path | str, entry: tuple[int, int, int, int]) -> bool:
    """The file still has the size, mtime and CRC-32 its archive row was parsed from."""
    if isinstance(path, str):  # a URL
        if stamp(path) != (entry[1], entry[2]):
            return False
        try:
            return zlib.crc32(fetch(path)) == entry[3]
        except InputError:
            return False
    try:
        st = os.stat(path)
    except OSError:
        return False
    if st.st_size != entry[1] or st.st_mtime_ns != entry[2]:
        return False
    try:
        return zlib.crc32(read_file_bytes(path)) == entry[3]
    except (OSError, InputError):
        return False


LOCK_NAME = "archive.lock"


class ArchiveBusy(Exception):
    """Another build holds the archive (two builds would overwrite each other's shards)."""


@contextlib.contextmanager
def _exclusive(out_dir: Path) -> Iterator[None]:
    """Hold the archive's lock for one build: an OS lock on `archive.lock`, released when the
    process ends however it ends (no stale lock to clean up after a crash)."""
    path = out_dir / LOCK_NAME
    with open(path, "a+") as handle:
        try:
            _lock(handle)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise ArchiveBusy(
                f"{out_dir}: another `reportview index` (pid {holder}) is updating this archive;"
                " run again when it has finished"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield


def _lock(handle: Any) -> None:
    """An exclusive lock on the open file, without waiting (OSError when another process holds it)."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def index_archive(
    paths: Sequence[str | os.PathLike[str]],
    archive_dir: str | os.PathLike[str],
    config: Any,
    mapper: ShardMapper,
    engine: str = "local",
) -> tuple[BuildStats, list[Skipped]]:
    """Build or update the archive in `archive_dir` from the files under `paths` (ArchiveBusy
    when another build is updating it)."""
    out_dir = Path(archive_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(out_dir):
        return _index(paths, out_dir, config, mapper, engine)


def _index(
    paths: Sequence[str | os.PathLike[str]], out_dir: Path, config: Any, mapper: ShardMapper, engine: str
) -> tuple[BuildStats, list[Skipped]]:
    t0 = time.perf_counter()
    db = archive_db(out_dir)
    load = load_settings_of(config)
    local, skipped = discover([p for p in paths if not is_url(p)], load.extensions, load.exclude)
    # Local files first (discovery order), then the files under each URL, in the order given.
    files: list[Path | str] = [*local]
    for url in (str(p) for p in paths if is_url(p)):
        files.extend(list_urls(url, load.extensions))
    fingerprint = rules_of(config).fingerprint
    old = _old_entries(db, fingerprint)
    reuse: dict[int, int] = {}
    misses: list[tuple[int, str, str]] = []
    for pos, f in enumerate(files):
        key = f if isinstance(f, str) else os.path.abspath(f)
        entry = old.get(key)
        if entry is not None and _fresh(f, entry):
            reuse[pos] = entry[0]
        else:
            misses.append((pos, key, str(f)))

    shard_dir = out_dir / SHARD_DIR
    shutil.rmtree(shard_dir, ignore_errors=True)
    shard_dir.mkdir()
    t1 = time.perf_counter()
    # Files the app has read are in the user's parse cache: taken from there, not parsed again.
    cached_shard = shard_dir / "from-parse-cache.sqlite"
    from_cache, misses = write_cached(misses, config, str(cached_shard))
    shards = mapper(misses, shard_dir) if misses else []
    if from_cache:
        shards = [cached_shard, *shards]
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
        reports, units, parse_skipped = _merge(conn, db if reuse else None, reuse, shards, skipped)
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
        from_cache=from_cache,
        reused=len(reuse),
        skipped=len(skipped) + len(parse_skipped),
        reports=reports,
        units=units,
        seconds=time.perf_counter() - t0,
        parse_seconds=parse_seconds,
        engine=engine,
    )
    return stats, skipped + parse_skipped


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
            f" FROM {alias}.{table} t JOIN temp.idmap m ON t.{rcol} = m.src_id ORDER BY m.new_id, t.rowid"
        )


def _merge(
    conn: sqlite3.Connection,
    old_db: Path | None,
    reuse: dict[int, int],
    shards: list[Path],
    skipped: list[Skipped],
) -> tuple[int, int, list[Skipped]]:
    """Fill the new archive from the old one's reused rows and the shards', in discovery order;
    returns the reports and units it holds, and the files the shards could not read."""
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
    return len(rows), next_unit, [Skipped(path, reason) for _, path, reason in sorted(skipped_rows)]


def _build_search(conn: sqlite3.Connection) -> None:
    """The FTS5 index over the units' words, and every word's unit counts (all fields, titles)."""
    # The engine's own rule for the typo search's pool (letters: the word holds no digit).
    conn.create_function("has_digit", 1, has_digit, deterministic=True)
    with conn:
        conn.execute("INSERT INTO archive_fts(archive_fts) VALUES ('rebuild')")
        conn.execute(
            "INSERT INTO archive_terms(word, n, nt, len, letters)"
            " SELECT term, sum(doc), sum(CASE WHEN col = 'title_words' THEN doc ELSE 0 END), length(term),"
            " NOT has_digit(term)"
            " FROM archive_vocab WHERE col IN ('title_words', 'other_words') GROUP BY term"
        )
        conn.execute("INSERT INTO archive_fts(archive_fts) VALUES ('optimize')")
