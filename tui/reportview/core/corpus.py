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
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from reportview.core.cache import FileProbe, ParseCache, Record
from reportview.core.files import InputError, Skipped, discover
from reportview.core.model import Report
from reportview.core.rules import LoadSettings, ParseRules, Setup, load_settings_of, rules_of
from reportview.core.terms import IndexTerms, index_terms

# Below this many files to parse, parsing stays in this process.
POOL_MIN_FILES = 64
# Files per task sent to a worker: big enough that IPC is cheap, small enough to cancel promptly.
MAX_CHUNK = 32
# The cyclic GC's first threshold while loading (allocations between its young collections).
LOAD_GC_THRESHOLD = 100_000
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


@dataclass(frozen=True, slots=True)
class Loaded:
    """One loaded report and its search index terms (None unless asked for, or when unknown)."""

    report: Report
    terms: IndexTerms | None = None


@dataclass
class LoadResult:
    items: list[Loaded] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def reports(self) -> list[Report]:
        return [item.report for item in self.items]

    @property
    def terms(self) -> list[IndexTerms | None]:
        return [item.terms for item in self.items]


# --- reading and parsing one file (in a worker or here) -------------------------------------------


@dataclass(frozen=True, slots=True)
class Parsed:
    """A fresh parse, what the cache stores of it (None when not caching), and its index terms."""

    report: Report
    record: Record | None
    terms: IndexTerms | None = None


def _parse_file(
    path: Path, rules: ParseRules, want_record: bool, display: str | None = None, want_terms: bool = False
) -> Parsed:
    """load_report(path), and (want_record) the cache's record of it.

    Index terms are computed here, in the worker, when they are wanted or cached (then an app
    that opens the corpus again only appends them to its posting lists).
    """
    # Imported here: a load the cache serves whole never imports the parsing modules.
    from reportview.core.loading import load_report

    probe = FileProbe(path) if want_record else None
    report = load_report(path, rules, display_path=display, data=probe.data if probe else None)
    if probe is not None:
        probe.data = b""  # (the bytes are not kept past the parse: a worker holds one file at a time)
    terms = index_terms(report) if want_record or want_terms else None
    record = probe.seal(report, terms) if probe is not None else None
    return Parsed(report, record, terms if want_terms else None)


_worker_rules: ParseRules | None = None


def _init_worker(rules: ParseRules) -> None:
    global _worker_rules
    _worker_rules = rules


def _parse_chunk(
    items: list[tuple[int, str, str]], want_record: bool, want_terms: bool = False
) -> list[tuple[int, Parsed | str]]:
    """Parse files in a worker: (index, Parsed) or (index, reason skipped)."""
    assert _worker_rules is not None
    out: list[tuple[int, Parsed | str]] = []
    for index, path, display in items:
        try:
            out.append((index, _parse_file(Path(path), _worker_rules, want_record, display, want_terms)))
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


def _open_cache(rules: ParseRules, load: LoadSettings, use_cache: bool) -> ParseCache | None:
    if not (use_cache and load.cache):
        return None
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
    The cyclic GC runs rarely while loading, and big loads move the reports out of its reach;
    `keep_frozen` leaves them there afterwards, for a caller that keeps the corpus for good (the
    app): handing millions of objects back makes the next full collection stop every thread for
    seconds.
    """
    rules, load = rules_of(setup), load_settings_of(setup)
    files, skipped = discover(paths, load.extensions, load.exclude)
    total = len(files)
    for s in skipped:
        yield Progress(0, total, skipped=s)
    if not files:
        return
    cache = _open_cache(rules, load, use_cache)
    frozen = False
    # A load makes many objects that live on and few reference cycles (a text parse leaves none;
    # a PDF's may): at the default threshold the cyclic GC rescans the growing heap again and
    # again (a sixth of a warm load's decoding). While loading it runs a hundred times less often.
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], LOAD_GC_THRESHOLD), *thresholds[1:])
    try:
        with closing(_Loader(files, rules, load, cache, cancel, with_terms).run()) as steps:
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
        gc.set_threshold(*thresholds)
        if cache is not None:
            cache.close()


class _Loader:
    """One load: serves fresh cache entries here, parses the rest (here or in a pool), and
    yields every file's Progress in discovery order."""

    def __init__(
        self,
        files: list[Path],
        rules: ParseRules,
        load: LoadSettings,
        cache: ParseCache | None,
        cancel: threading.Event | None,
        with_terms: bool,
    ) -> None:
        self.files = files
        self.total = len(files)
        self.rules = rules
        self.load = load
        self.cache = cache
        self.cancelled = cancel.is_set if cancel is not None else (lambda: False)
        self.with_terms = with_terms
        # Hits are decided from the key columns (stat only); blobs are read when a hit's turn comes.
        self.hits = cache.plan(files) if cache is not None else {}
        self.misses = [i for i in range(self.total) if i not in self.hits]

    def step(self, i: int, parsed: Parsed | str) -> Progress:
        if isinstance(parsed, str):
            return Progress(i + 1, self.total, skipped=Skipped(str(self.files[i]), parsed))
        if self.cache is not None and parsed.record is not None:
            self.cache.record(self.files[i], parsed.report, parsed.record)
        terms = parsed.terms if self.with_terms else None
        return Progress(i + 1, self.total, report=parsed.report, terms=terms)

    def parse_here(self, i: int) -> Progress:
        try:
            want_record = self.cache is not None
            return self.step(
                i, _parse_file(self.files[i], self.rules, want_record, want_terms=self.with_terms)
            )
        except InputError as exc:
            return self.step(i, str(exc))

    def serve(self, i: int) -> Progress:
        """A fresh cache entry (the cache checks it against the file); parsed again if it fails."""
        assert self.cache is not None
        found = self.cache.lookup(self.files[i], self.hits[i], self.with_terms)
        if found is None:
            return self.parse_here(i)
        report, terms = found
        return Progress(i + 1, self.total, report=report, terms=terms)

    def next_here(self, i: int) -> Progress:
        return self.serve(i) if i in self.hits else self.parse_here(i)

    def run(self) -> Iterator[Progress]:
        if len(self.misses) < POOL_MIN_FILES:
            for i in range(self.total):
                if self.cancelled():
                    return
                yield self.next_here(i)
            return
        yield from _Pooled(self).run()


class _Pooled:
    """The pooled part of a load: chunks of misses in flight, results reordered to discovery order,
    and fresh hits served here while the workers parse."""

    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.workers = min(worker_count(loader.load), max(1, len(loader.misses) // 16))
        self.chunks = _chunks(loader.misses, self.workers)
        self.next_chunk = 0
        self.inflight: dict[Future, list[int]] = {}
        self.ready: dict[int, Parsed | str | Progress] = {}
        self.here: set[int] = set()  # indices to parse in this process after a worker failed
        self.pool: ProcessPoolExecutor | None = None

    def submit_more(self) -> None:
        assert self.pool is not None
        files = self.loader.files
        while len(self.inflight) < self.workers * 4 and self.next_chunk < len(self.chunks):
            chunk = self.chunks[self.next_chunk]
            # Absolute paths: a worker's folder is not necessarily ours.
            items = [(i, os.path.abspath(files[i]), str(files[i])) for i in chunk]
            fut = self.pool.submit(_parse_chunk, items, self.loader.cache is not None, self.loader.with_terms)
            self.inflight[fut] = chunk
            self.next_chunk += 1

    def harvest(self, done: set[Future]) -> None:
        for fut in done:
            indices = self.inflight.pop(fut)
            try:
                results = fut.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory): finish the load here.
                self.here.update(indices)
                for rest in self.chunks[self.next_chunk :]:
                    self.here.update(rest)
                self.next_chunk = len(self.chunks)
                continue
            except Exception:
                # Parsed again here, in order, so that a real error surfaces as it would unpooled.
                self.here.update(indices)
                continue
            for i, parsed in results:
                self.ready[i] = parsed
        self.submit_more()

    def run(self) -> Iterator[Progress]:
        loader = self.loader
        total, hits = loader.total, loader.hits
        self.pool = ProcessPoolExecutor(
            self.workers, mp_context=_pool_context(), initializer=_init_worker, initargs=(loader.rules,)
        )
        try:
            self.submit_more()
            ahead = 0  # next index that may be a hit worth serving while workers parse
            nxt = 0
            while nxt < total:
                if loader.cancelled():
                    return
                if nxt in self.ready:
                    item = self.ready.pop(nxt)
                    yield item if isinstance(item, Progress) else loader.step(nxt, item)
                    nxt += 1
                    continue
                if nxt in hits or nxt in self.here:
                    yield loader.next_here(nxt)
                    nxt += 1
                    continue
                # The next report is being parsed: collect finished chunks, else serve hits ahead.
                done = {f for f in self.inflight if f.done()}
                if done:
                    self.harvest(done)
                    continue
                ahead = max(ahead, nxt + 1)
                while ahead < total and (ahead not in hits or ahead in self.ready):
                    ahead += 1
                if ahead < total:
                    self.ready[ahead] = loader.serve(ahead)
                    continue
                done, _ = wait(self.inflight, timeout=0.05, return_when=FIRST_COMPLETED)
                if done:
                    self.harvest(done)
        finally:
            self.pool.shutdown(wait=False, cancel_futures=True)


def load_corpus(
    paths: Sequence[str | os.PathLike[str]], setup: Setup, use_cache: bool = True, with_terms: bool = False
) -> LoadResult:
    """Every report under PATHs in discovery order, with the files skipped and why (and, with
    `with_terms`, each report's search index terms)."""
    result = LoadResult()
    for step in iter_corpus(paths, setup, use_cache, with_terms=with_terms):
        if step.report is not None:
            result.items.append(Loaded(step.report, step.terms))
        elif step.skipped is not None:
            result.skipped.append(step.skipped)
    return result
