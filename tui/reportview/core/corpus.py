"""A corpus: every report under some PATHs, loaded in parallel, streamed in discovery order.

Loading plan: discover the files, stat them, and ask the parse cache which are fresh. Fresh files
are served from the cache in this process (re-read, checked against the file's CRC, no parsing).
The rest are parsed: in this process when there are few (a process pool costs more to start than
it saves), else in a process pool, in chunks so that IPC stays cheap. Results are yielded in
discovery order as soon as the next one is ready (a small reorder buffer holds those that finish
early), new parses are written to the cache in batches from this process, and `cancel` stops the
load within one chunk's time.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import zlib
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from reportview.core.loading import InputError, Skipped, discover, load_report, read_file_bytes, read_text
from reportview.core.model import Report
from reportview.core.rules import LoadSettings, ParseRules, Setup, load_settings_of, rules_of
from reportview.core.terms import IndexTerms, index_terms

# Below this many files to parse, parsing stays in this process.
POOL_MIN_FILES = 64
# Files per task sent to a worker: big enough that IPC is cheap, small enough to cancel promptly.
MAX_CHUNK = 32
# Fresh parses are written to the cache in transactions of this many.
WRITE_BATCH = 256
# Loads of at least this many files keep the GC off the reports already loaded (see iter_corpus).
GC_FREEZE_MIN = 2048
GC_FREEZE_EVERY = 1024


@dataclass(frozen=True, slots=True)
class Progress:
    """One step of loading: a report or a skipped file, and how far the whole load is."""

    done: int
    total: int
    report: Report | None = None
    skipped: Skipped | None = None
    terms: IndexTerms | None = None  # the report's index terms, when asked for (with_terms)


@dataclass
class LoadResult:
    reports: list[Report] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    terms: list[IndexTerms | None] = field(default_factory=list)  # per report, when asked for


# --- reading and parsing one file (in a worker or here) -------------------------------------------


@dataclass(frozen=True, slots=True)
class Parsed:
    """A fresh parse and what the cache needs to store it (blob is None when not caching)."""

    report: Report
    size: int
    mtime_ns: int
    crc32: int
    blob: bytes | None
    terms: IndexTerms | None = None


def text_crc(text: str) -> int:
    """The CRC-32 a cache entry of a plain-text file is checked against: that of its decoded text."""
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def _stat(path: Path) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return -1, -1
    return st.st_size, st.st_mtime_ns


def _parse_file(
    path: Path, rules: ParseRules, want_blob: bool, display: str | None = None, want_terms: bool = False
) -> Parsed:
    """load_report(path), and what the cache needs to trust it later.

    Index terms are computed here, in the worker, when they are wanted or cached (then an app
    that opens the corpus again only appends them to its posting lists).

    The cache checks a plain-text entry against the CRC of the decoded text (the parse depends on
    nothing else, given the same fingerprint), and an entry whose text it stores (HTML/PDF/DOCX)
    against the CRC of the file's bytes. A file that changes while it is parsed is not cached.
    """
    from reportview.core.store import STORE_TEXT_SUFFIXES, encode_report

    stored_text = path.suffix.lower() in STORE_TEXT_SUFFIXES
    before = _stat(path)
    crc = zlib.crc32(read_file_bytes(path)) if stored_text and want_blob else 0
    report = load_report(path, rules, display_path=display)
    terms = index_terms(report) if want_blob or want_terms else None
    wanted = terms if want_terms else None  # cached either way; sent back only when asked for
    if not want_blob or _stat(path) != before:
        return Parsed(report, *before, 0, None, wanted)
    if not stored_text:
        crc = text_crc(report.text)
    return Parsed(report, *before, crc, encode_report(report, stored_text, terms), wanted)


_worker_rules: ParseRules | None = None


def _init_worker(rules: ParseRules) -> None:
    global _worker_rules
    _worker_rules = rules


def _parse_chunk(
    items: list[tuple[int, str, str]], want_blob: bool, want_terms: bool = False
) -> list[tuple[int, Parsed | str]]:
    """Parse files in a worker: (index, Parsed) or (index, reason skipped)."""
    assert _worker_rules is not None
    out: list[tuple[int, Parsed | str]] = []
    for index, path, display in items:
        try:
            out.append((index, _parse_file(Path(path), _worker_rules, want_blob, display, want_terms)))
        except InputError as exc:
            out.append((index, str(exc)))
    return out


def worker_count(load: LoadSettings | Setup) -> int:
    return load_settings_of(load).workers or os.cpu_count() or 1


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork is cheapest, but forking a process with other threads running (the app) can copy a
    # held lock into the child; forkserver forks from a clean single-threaded server instead.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["reportview.core.corpus"])
        return ctx
    return multiprocessing.get_context("spawn")


def _chunks(misses: list[int], workers: int) -> list[list[int]]:
    """Small chunks first (the first reports show at once), then up to MAX_CHUNK (cheap IPC)."""
    size = max(4, min(MAX_CHUNK, len(misses) // (workers * 8)))
    out: list[list[int]] = []
    k = 0
    step = min(4, size)
    while k < len(misses):
        out.append(misses[k : k + step])
        k += step
        if len(out) % workers == 0:
            step = min(size, step * 2)
    return out


# --- the load ---------------------------------------------------------------------------------


def _open_cache(rules: ParseRules, load: LoadSettings, use_cache: bool):  # -> ParseCache | None
    if not (use_cache and load.cache):
        return None
    from reportview.core.store import ParseCache

    cache = ParseCache.open_default(rules)
    return cache if cache.usable else None


def iter_corpus(
    paths: Sequence[str | os.PathLike[str]],
    setup: Setup,
    use_cache: bool = True,
    cancel: threading.Event | None = None,
    keep_frozen: bool = False,
    with_terms: bool = False,
) -> Iterator[Progress]:
    """Load every report under PATHs, yielding each (in discovery order) as soon as it is ready.

    Files skipped during discovery come first (done stays 0). Stops early when `cancel` is set.
    `with_terms`: each report comes with its search index terms (from the cache or the worker
    that parsed it; None when neither had them).
    Big loads keep the reports out of the cyclic GC while loading; `keep_frozen` leaves them
    there afterwards, for a caller that keeps the corpus for good (the app): handing millions
    of objects back makes the next full collection stop every thread for seconds.
    """
    rules, load = rules_of(setup), load_settings_of(setup)
    files, skipped = discover(paths, load.extensions)
    total = len(files)
    for s in skipped:
        yield Progress(0, total, skipped=s)
    if not files:
        return
    cache = _open_cache(rules, load, use_cache)
    frozen = False
    try:
        with closing(_load(files, total, rules, load, cache, cancel, with_terms)) as steps:
            for n, step in enumerate(steps, 1):
                yield step
                if total >= GC_FREEZE_MIN and n % GC_FREEZE_EVERY == 0:
                    # The reports loaded so far live on: keep the cyclic GC from rescanning them
                    # again and again while the load grows the heap (a third of a 26k-file warm
                    # load); they are handed back to it when the load ends.
                    gc.freeze()
                    frozen = True
        if cache is not None and not (cancel is not None and cancel.is_set()):
            keep = {os.path.abspath(f) for f in files}
            for p in paths:
                if os.path.isdir(p):
                    cache.drop_missing(os.path.abspath(p), keep)
    finally:
        if frozen and not keep_frozen:
            gc.unfreeze()
        if cache is not None:
            cache.close()


def _load(
    files: list[Path],
    total: int,
    rules: ParseRules,
    load: LoadSettings,
    cache,
    cancel: threading.Event | None,
    with_terms: bool = False,
) -> Iterator[Progress]:
    from reportview.core.store import STORE_TEXT_SUFFIXES, CacheCorrupt, NewEntry, cache_key, decode_entry

    cancelled = cancel.is_set if cancel is not None else (lambda: False)
    want_blob = cache is not None
    entries = cache.entries() if cache is not None else {}
    keys = [cache_key(f) for f in files] if cache is not None else []

    # Decide hits from the key columns (stat only); blobs are read when each hit's turn comes.
    hits: dict[int, object] = {}
    if entries:
        for i, f in enumerate(files):
            entry = entries.get(keys[i])
            if entry is not None:
                size, mtime_ns = _stat(f)
                if cache.is_fresh(entry, size, mtime_ns):
                    hits[i] = entry
    misses = [i for i in range(total) if i not in hits]

    pending_writes: list[NewEntry] = []

    def remember(i: int, parsed: Parsed) -> None:
        if cache is not None and parsed.blob is not None:
            pending_writes.append(
                NewEntry(keys[i], parsed.report, parsed.size, parsed.mtime_ns, parsed.crc32, parsed.blob)
            )
            if len(pending_writes) >= WRITE_BATCH:
                cache.put_many(pending_writes)
                pending_writes.clear()

    def step(i: int, parsed: Parsed | str) -> Progress:
        if isinstance(parsed, str):
            return Progress(i + 1, total, skipped=Skipped(str(files[i]), parsed))
        remember(i, parsed)
        return Progress(i + 1, total, report=parsed.report, terms=parsed.terms if with_terms else None)

    def parse_here(i: int) -> Progress:
        try:
            return step(i, _parse_file(files[i], rules, want_blob, want_terms=with_terms))
        except InputError as exc:
            return step(i, str(exc))

    def serve_hit(i: int) -> Progress:
        """A fresh cache entry, checked against the file's text (or bytes); parsed again if it fails."""
        f = files[i]
        try:
            blob, crc = cache.blob(hits[i])
            if f.suffix.lower() in STORE_TEXT_SUFFIXES:
                text = None
                if crc != zlib.crc32(read_file_bytes(f)):
                    raise CacheCorrupt("file changed without a new mtime")
            else:
                text = read_text(f)[0]
                if crc != text_crc(text):
                    raise CacheCorrupt("file changed without a new mtime")
            report, terms = decode_entry(blob, str(f), text)
            return Progress(i + 1, total, report=report, terms=terms if with_terms else None)
        except (CacheCorrupt, InputError):
            return parse_here(i)

    pool: ProcessPoolExecutor | None = None
    try:
        if len(misses) < POOL_MIN_FILES:
            for i in range(total):
                if cancelled():
                    return
                yield serve_hit(i) if i in hits else parse_here(i)
            return

        workers = min(worker_count(load), max(1, len(misses) // 16))
        chunks = _chunks(misses, workers)
        pool = ProcessPoolExecutor(
            workers, mp_context=_pool_context(), initializer=_init_worker, initargs=(rules,)
        )
        max_inflight = workers * 4
        next_chunk = 0
        inflight: dict[Future, list[int]] = {}
        here: set[int] = set()  # indices to parse in this process after a worker failed

        def submit_more() -> None:
            nonlocal next_chunk
            while len(inflight) < max_inflight and next_chunk < len(chunks):
                # Absolute paths: a worker's folder is not necessarily ours.
                items = [(i, os.path.abspath(files[i]), str(files[i])) for i in chunks[next_chunk]]
                inflight[pool.submit(_parse_chunk, items, want_blob, with_terms)] = chunks[next_chunk]
                next_chunk += 1

        def harvest(done: set[Future]) -> None:
            nonlocal next_chunk
            for fut in done:
                indices = inflight.pop(fut)
                try:
                    results = fut.result()
                except BrokenProcessPool:
                    # A worker died (killed, out of memory): finish the load here.
                    here.update(indices)
                    for rest in chunks[next_chunk:]:
                        here.update(rest)
                    next_chunk = len(chunks)
                    continue
                except Exception:
                    # Parsed again here, in order, so that a real error surfaces as it would unpooled.
                    here.update(indices)
                    continue
                for i, parsed in results:
                    ready[i] = parsed
            submit_more()

        ready: dict[int, Parsed | str | Progress] = {}
        submit_more()
        ahead = 0  # next index that may be a hit worth serving while workers parse
        nxt = 0
        while nxt < total:
            if cancelled():
                return
            if nxt in ready:
                item = ready.pop(nxt)
                yield item if isinstance(item, Progress) else step(nxt, item)
                nxt += 1
                continue
            if nxt in hits:
                yield serve_hit(nxt)
                nxt += 1
                continue
            if nxt in here:
                yield parse_here(nxt)
                nxt += 1
                continue
            # The next report is being parsed: collect finished chunks, else serve hits ahead.
            done = {f for f in inflight if f.done()}
            if done:
                harvest(done)
                continue
            ahead = max(ahead, nxt + 1)
            while ahead < total and (ahead not in hits or ahead in ready):
                ahead += 1
            if ahead < total:
                ready[ahead] = serve_hit(ahead)
                continue
            done, _ = wait(inflight, timeout=0.05, return_when=FIRST_COMPLETED)
            if done:
                harvest(done)
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        if cache is not None and pending_writes:
            cache.put_many(pending_writes)


def load_corpus(
    paths: Sequence[str | os.PathLike[str]], setup: Setup, use_cache: bool = True, with_terms: bool = False
) -> LoadResult:
    """Every report under PATHs in discovery order, with the files skipped and why (and, with
    `with_terms`, each report's search index terms)."""
    result = LoadResult()
    for step in iter_corpus(paths, setup, use_cache, with_terms=with_terms):
        if step.report is not None:
            result.reports.append(step.report)
            if with_terms:
                result.terms.append(step.terms)
        elif step.skipped is not None:
            result.skipped.append(step.skipped)
    return result
