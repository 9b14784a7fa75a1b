"""A shard: the archive rows of a run of files, parsed and written by one task.

`write_shard` is the one function every engine maps over the files (in this process, a process
pool, or Dask workers): it parses each file with `loading.load_report`, computes its index terms
(`terms.index_terms`), and writes the user rows (reports, sections, figures) and the archive rows
(cache key, blob, compressed text, search units) into a small SQLite file with local ids, which
`build` merges into the archive in discovery order.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import tempfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportview import __version__
from reportview.core.archive import remote
from reportview.core.archive.schema import SHARD_FULL_SCHEMA
from reportview.core.cache import ParseCache, default_cache_path, file_stamp
from reportview.core.codec import encode_report
from reportview.core.export import Part
from reportview.core.files import InputError, read_file_bytes
from reportview.core.folding import fold
from reportview.core.loading import load_report
from reportview.core.model import Report
from reportview.core.rules import load_settings_of, rules_of
from reportview.core.sql_export import insert_part
from reportview.core.terms import IndexTerms, index_terms

# Texts are compressed fast: the archive is written once per change and read a unit at a time.
TEXT_LEVEL = 1


@dataclass(frozen=True, slots=True)
class ShardTask:
    """Files to parse into one shard: (position in discovery order, absolute path, display path)."""

    items: tuple[tuple[int, str, str], ...]


def compress_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), TEXT_LEVEL)


def decompress_text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


def unit_rows(report: Report, terms: IndexTerms, report_id: int, first_uid: int) -> list[tuple[Any, ...]]:
    """The `archive_units` rows of one report: what the in-memory index keeps per unit."""
    figures_of: dict[int, list[int]] = {}
    for fi, fig in enumerate(report.figures):
        if fig.section_index is not None:
            figures_of.setdefault(fig.section_index, []).append(fi)
    rows = []
    for k, unit in enumerate(terms.units):
        figures = figures_of.get(unit.section, ()) if unit.section >= 0 else ()
        kinds = sorted({report.figures[fi].kind for fi in figures})
        labels = (
            json.dumps(
                [[fold(report.figures[fi].label or ""), report.figures[fi].kind, fi] for fi in figures],
                ensure_ascii=False,
                separators=(",", ":"),
            )
            if figures
            else None
        )
        sec = report.sections[unit.section] if unit.section >= 0 else None
        rows.append(
            (
                first_uid + k,
                report_id,
                unit.section,
                sec.number if sec is not None else None,
                sec.title if sec is not None else None,
                *unit.title,
                *unit.body,
                _sorted_words(unit.title_words),
                _sorted_words(unit.other_words),
                " ".join(kinds),
                labels,
            )
        )
    return rows


def _sorted_words(words: str) -> str:
    """Words in a fixed order: the terms come as sets, whose order changes with each process's
    hash seed, and archives must not depend on which worker parsed them."""
    return " ".join(sorted(words.split(" "))) if words else ""


def _create(conn: sqlite3.Connection) -> None:
    conn.executescript(SHARD_FULL_SCHEMA)


def write_shard(task: ShardTask, config: Any, out_path: str | None = None) -> str | bytes:
    """Parse `task`'s files into a shard at `out_path` (returned), or, with no path, into a
    temporary file whose bytes are returned (a Dask worker need not share a disk with the client)."""
    if out_path is None:
        fd, tmp = tempfile.mkstemp(suffix=".shard.sqlite")
        os.close(fd)
        try:
            _write(task, config, tmp)
            return Path(tmp).read_bytes()
        finally:
            os.unlink(tmp)
    _write(task, config, out_path)
    return out_path


def _new_shard(path: str) -> sqlite3.Connection:
    """An empty shard at `path` (written once, read once by the merge: no journal, no syncs)."""
    if os.path.exists(path):
        os.unlink(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    _create(conn)
    return conn


def _write(task: ShardTask, config: Any, path: str) -> None:
    conn = _new_shard(path)
    try:
        fingerprint = rules_of(config).fingerprint
        report_id = 0
        uid = 0
        with conn:
            for pos, abspath, display in task.items:
                stat = remote.stamp if remote.is_url(abspath) else file_stamp
                before = stat(abspath)
                try:
                    crc, report = _parse(abspath, display, config)
                except (InputError, OSError) as exc:
                    why = str(exc) if isinstance(exc, InputError) else (exc.strerror or str(exc))
                    conn.execute("INSERT INTO archive_skipped VALUES (?,?,?)", (pos, display, why))
                    continue
                if stat(abspath) != before:
                    before = (before[0], -1)  # changed while read: the next run parses it again
                terms = index_terms(report)
                report_id += 1
                add_report(conn, report_id, pos, abspath, before, crc, fingerprint, report, terms, uid)
                uid += len(terms.units)
    finally:
        conn.close()


def write_cached(
    items: Sequence[tuple[int, str, str]], config: Any, out_path: str
) -> tuple[int, list[tuple[int, str, str]]]:
    """The files among `items` that the user's parse cache holds fresh (the app has read them),
    written into a shard at `out_path` from the cache, not parsed again; returns how many, and the
    items left to parse. Nothing is written to the cache, and a missing one is not created."""
    local = [it for it in items if not remote.is_url(it[1])]
    if not local or not load_settings_of(config).cache or not default_cache_path().is_file():
        return 0, list(items)
    cache = ParseCache.open_default(config)
    found: dict[int, tuple[int, Report, IndexTerms, tuple[int, int]]] = {}
    try:
        if not cache.usable:
            return 0, list(items)
        fresh = cache.plan([Path(abspath) for _, abspath, _ in local])
        for k, entry in fresh.items():
            pos, abspath, display = local[k]
            before = file_stamp(abspath)
            hit = cache.lookup(Path(abspath), entry, with_terms=True)
            if hit is None or file_stamp(abspath) != before:
                continue
            report, terms = hit
            report = dataclasses.replace(report, path=display)
            crc = zlib.crc32(read_file_bytes(Path(abspath)))
            found[pos] = (crc, report, terms if terms is not None else index_terms(report), before)
    finally:
        cache.close()
    if not found:
        return 0, list(items)
    conn = _new_shard(out_path)
    try:
        fingerprint = rules_of(config).fingerprint
        uid = 0
        with conn:
            for report_id, (pos, abspath, _) in enumerate((it for it in local if it[0] in found), 1):
                crc, report, terms, stamp = found[pos]
                add_report(conn, report_id, pos, abspath, stamp, crc, fingerprint, report, terms, uid)
                uid += len(terms.units)
    finally:
        conn.close()
    return len(found), [it for it in items if it[0] not in found]


def _parse(key: str, display: str, config: Any) -> tuple[int, Report]:
    """The CRC-32 of a file's bytes and its parse (a URL is fetched and parsed from a local copy)."""
    if remote.is_url(key):
        data = remote.fetch(key)
        with remote.local_copy(key, data) as tmp:
            return zlib.crc32(data), load_report(tmp, config, display_path=display)
    return zlib.crc32(read_file_bytes(Path(key))), load_report(key, config, display_path=display)


def add_report(
    conn: sqlite3.Connection,
    report_id: int,
    pos: int,
    key: str,
    stat: tuple[int, int],
    crc: int,
    fingerprint: str,
    report: Report,
    terms: IndexTerms,
    first_uid: int,
) -> None:
    """Write one parsed report's rows (user tables and archive tables) with the given ids."""
    insert_part(conn, report_id, Part(report, report.sections, report.figures))
    conn.execute(
        "INSERT INTO archive_files VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            report_id,
            pos,
            key,
            stat[0],
            stat[1],
            crc,
            fingerprint,
            __version__,
            encode_report(report, store_text=False, canonical=True),
            report.title,
            first_uid,
            len(terms.units),
            int(terms.fold_whole),
        ),
    )
    conn.execute("INSERT INTO archive_texts VALUES (?,?)", (report_id, compress_text(report.text)))
    conn.executemany(
        "INSERT INTO archive_units VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        unit_rows(report, terms, report_id, first_uid),
    )


def shard_tasks(items: Sequence[tuple[int, str, str]], size: int) -> list[ShardTask]:
    """`items` cut into tasks of `size` files (the last may be smaller)."""
    return [ShardTask(tuple(items[k : k + size])) for k in range(0, len(items), size)]
