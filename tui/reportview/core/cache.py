"""The persistent parse cache: which files' parses can be served again, and storing new ones.

The rules of trust live here. An entry is fresh when the file's size and mtime, the parse
fingerprint and the program version match its key columns (decided for every file from one
query, stat only); a fresh entry is then checked against the CRC-32 of the file's bytes before
use. Plain-text files are read and decoded again (cheaper than storing their text); the blob
stores the text of HTML/PDF/DOCX, where extraction is the cost.
A file that changes while it is parsed is not cached. The cache file's format is checked on
open: one from another version is rebuilt with a one-line notice, one SQLite cannot read is
rebuilt with a warning, and every failure during use degrades to a miss.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportview import __version__
from reportview.core.codec import SIGNATURE, CacheCorrupt, decode_entry, encode_report
from reportview.core.files import InputError, decode_text, read_file_bytes
from reportview.core.formats import STORED_TEXT_SUFFIXES
from reportview.core.model import Report
from reportview.core.rules import ParseRules, Setup, rules_of
from reportview.core.store import SCHEMA_VERSION, _create
from reportview.core.terms import IndexTerms

log = logging.getLogger("reportview.cache")

CACHE_FILE = "parse-cache.sqlite"
# The format of the cache file: its tables and the blob codec's signature.
CACHE_FORMAT = f"{SCHEMA_VERSION}/{SIGNATURE}"
# Fresh parses are written in transactions of this many.
WRITE_BATCH = 256
# Planned hits' blobs are read this many at a time (one query each, not one per report).
FETCH_BATCH = 128

# Formats whose text is expensive to get back (extraction), so the cache keeps the text itself.
STORE_TEXT_SUFFIXES = STORED_TEXT_SUFFIXES  # the format registry says which


def stores_text(path: Path) -> bool:
    return path.suffix.lower() in STORE_TEXT_SUFFIXES


def file_stamp(path: Path | str) -> tuple[int, int]:
    """(size, mtime_ns), or (-1, -1) when the file cannot be stat'ed."""
    try:
        st = os.stat(path)
    except OSError:
        return -1, -1
    return st.st_size, st.st_mtime_ns


@dataclass(frozen=True, slots=True)
class Record:
    """What the cache stores for one fresh parse: the file facts it was parsed from, and its blob."""

    size: int
    mtime_ns: int
    crc32: int
    blob: bytes


class FileProbe:
    """Taken before a file is parsed (in a worker or here): seals the parse into a Record after,
    unless the file changed meanwhile."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stamp = file_stamp(path)
        # The bytes checksummed are the bytes parsed (`data`): a cache miss reads its file once.
        self.data = read_file_bytes(path)
        self.crc = zlib.crc32(self.data)

    def seal(self, report: Report, terms: IndexTerms | None) -> Record | None:
        if file_stamp(self.path) != self.stamp:
            return None
        return Record(*self.stamp, self.crc, encode_report(report, stores_text(self.path), terms))


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


class OtherFormat(Exception):
    """A cache file written by another version of reportview (its tables or its blob codec)."""


def _create_cache(conn: sqlite3.Connection) -> None:
    _create(conn, "cache")
    with conn:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('cache_format', ?)", (CACHE_FORMAT,))


class ParseCache:
    """The persistent parse cache. Use from one thread at a time; every failure degrades to a miss.

    The protocol: `plan` (which files have fresh entries), `lookup` (a fresh entry's parse,
    checked against the file, or None), `record` (a new parse, written in batches), `close`."""

    TIMEOUT = 5.0  # seconds to wait for another reportview's write to finish

    def __init__(self, path: str | os.PathLike[str], fingerprint: str) -> None:
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.warnings: list[str] = []
        self.broken = False
        self._broken_why = ""
        self._conn: sqlite3.Connection | None = None
        self._pending: list[NewEntry] = []
        # Blobs read ahead for the planned hits (see blob), by row id.
        self._plan_ids: list[int] = []
        self._planned: dict[int, int] = {}
        self._fetched: dict[int, tuple] = {}
        self._open()

    @classmethod
    def open_default(cls, rules: ParseRules | Setup | None = None) -> ParseCache:
        """The cache in the user cache folder, for parses made with `rules`."""
        return cls(default_cache_path(), rules_of(rules).fingerprint)

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
        except OtherFormat as exc:
            self._rebuild("", notice=f"reportview: cache {self.path} {exc}; rebuilt it")
        except CacheCorrupt as exc:
            self._rebuild(str(exc), warn=False)
        except OSError as exc:
            self._disable(f"cannot open ({exc.strerror or exc})")

    def _validate(self, conn: sqlite3.Connection) -> None:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            _create_cache(conn)
            return
        if "meta" not in tables:
            raise sqlite3.DatabaseError("no meta table")
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("kind") != "cache":
            raise sqlite3.DatabaseError("not a reportview cache")
        if not {"reports", "sections", "figures"} <= tables:
            raise sqlite3.DatabaseError("tables missing")
        if meta.get("schema_version") != str(SCHEMA_VERSION) or meta.get("cache_format") != CACHE_FORMAT:
            found = meta.get("cache_format") or f"{meta.get('schema_version')}/(older)"
            raise OtherFormat(f"is in another format ({found}, this version reads {CACHE_FORMAT})")

    def _rebuild(self, why: str, warn: bool = True, notice: str | None = None) -> None:
        if notice:
            self._warn(notice)
        elif warn:
            self._warn(f"reportview: cache {self.path} is corrupt: {why}; rebuilt it")
        self.close()
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                p = Path(str(self.path) + suffix)
                if p.exists():
                    p.unlink()
            self._conn = self._connect()
            _create_cache(self._conn)
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
        if entry.id not in self._fetched:
            # The planned hits are read in order: fetch this one and the next few in one query.
            at = self._planned.get(entry.id)
            ids = [entry.id] if at is None else self._plan_ids[at : at + FETCH_BATCH]
            try:
                rows = self._conn.execute(
                    "SELECT id, CAST(blob AS BLOB), blob_crc, crc32 FROM reports"
                    f" WHERE id IN ({','.join('?' * len(ids))})",
                    ids,
                ).fetchall()
            except sqlite3.DatabaseError as exc:
                self._failed(exc)
                raise CacheCorrupt(str(exc)) from None
            self._fetched.update((r[0], r[1:]) for r in rows)
        row = self._fetched.pop(entry.id, None)
        if row is None or not isinstance(row[0], bytes):
            raise CacheCorrupt("entry vanished")
        blob, blob_crc, crc = row
        if zlib.crc32(blob) != blob_crc:
            raise CacheCorrupt("entry fails its checksum")
        return blob, crc

    # -- the protocol

    def plan(self, files: Sequence[Path]) -> dict[int, Entry]:
        """The files (by index) whose entries are fresh by size, mtime, fingerprint and version."""
        entries = self.entries()
        if not entries:
            return {}
        fresh: dict[int, Entry] = {}
        for i, f in enumerate(files):
            entry = entries.get(cache_key(f))
            if entry is not None and self.is_fresh(entry, *file_stamp(f)):
                fresh[i] = entry
        self._plan_ids = [e.id for e in fresh.values()]
        self._planned = {e: n for n, e in enumerate(self._plan_ids)}
        return fresh

    def lookup(
        self, path: Path, entry: Entry, with_terms: bool = False
    ) -> tuple[Report, IndexTerms | None] | None:
        """The parse a fresh entry holds (and its index terms), once checked against the file
        itself; None when the entry or the file fails a check (the caller parses it again)."""
        try:
            blob, crc = self.blob(entry)
            data = read_file_bytes(path)
            if crc != zlib.crc32(data):
                return None  # changed without a new mtime
            if stores_text(path):
                return decode_entry(blob, str(path), None, with_terms)

            def text_of(encoding: str, warnings: tuple[str, ...]) -> str:
                return decode_text(path, data, (encoding, warnings))[0]

            return decode_entry(blob, str(path), text_of, with_terms)
        except (CacheCorrupt, InputError):
            return None

    def record(self, path: Path, report: Report, record: Record) -> None:
        """Store a fresh parse (written in batches of WRITE_BATCH, and on close)."""
        self._pending.append(
            NewEntry(cache_key(path), report, record.size, record.mtime_ns, record.crc32, record.blob)
        )
        if len(self._pending) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, []
            self.put_many(pending)

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
        """Write what was recorded, and close the file; a file that failed during use is rebuilt
        now, with a warning."""
        self.flush()
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
