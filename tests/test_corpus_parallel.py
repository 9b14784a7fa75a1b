"""Parallel loading gives exactly the sequential reports, in order, with and without the cache."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest
from conftest import shared_path

from reportview.config import default_config
from reportview.core import corpus
from reportview.core.corpus import POOL_MIN_FILES, iter_corpus, load_corpus
from reportview.core.loading import load_report
from reportview.core.store import ParseCache

SUBSET = 160  # above POOL_MIN_FILES, so the process pool is used


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture(scope="module")
def news_files() -> list[str]:
    root = shared_path("corpus", "vn-news")
    files = sorted(str(p) for p in root.glob("*.txt"))
    # Every 16th file: all the categories of the corpus, not just the first one.
    return files[:: max(1, len(files) // SUBSET)][:SUBSET]


@pytest.fixture(scope="module")
def sequential(news_files: list[str]):
    config = default_config()
    return [load_report(f, config) for f in news_files]


def _two_workers():
    config = default_config()
    return dataclasses.replace(config, load=dataclasses.replace(config.load, workers=2))


def _check(reports, expected) -> None:
    assert [r.path for r in reports] == [r.path for r in expected]
    assert [r.outline_json() for r in reports] == [r.outline_json() for r in expected]
    assert [[f.as_json(r.path) for f in r.figures] for r in reports] == [
        [f.as_json(r.path) for f in r.figures] for r in expected
    ]
    assert reports == expected


def test_parallel_equals_sequential(cache_home: Path, news_files: list[str], sequential) -> None:
    assert len(news_files) >= POOL_MIN_FILES
    steps = list(iter_corpus(news_files, _two_workers(), use_cache=False))
    assert [s.done for s in steps] == list(range(1, len(news_files) + 1))
    assert all(s.total == len(news_files) for s in steps)
    _check([s.report for s in steps], sequential)
    assert ParseCache.open_default(default_config()).info()["rows"] == 0


def test_parallel_with_cache_cold_warm_and_mixed(cache_home: Path, news_files: list[str], sequential) -> None:
    config = _two_workers()
    # Half warm, half cold: hits and pool results interleave and must still come out in order.
    _check(load_corpus(news_files[::2], config).reports, sequential[::2])
    _check(load_corpus(news_files, config).reports, sequential)
    _check(load_corpus(news_files, config).reports, sequential)
    assert ParseCache.open_default(config).info()["rows"] == len(news_files)


def test_parallel_from_a_thread(cache_home: Path, news_files: list[str], sequential) -> None:
    """The app loads from a worker thread: the pool must work there too (no fork with threads)."""
    out: list = []
    t = threading.Thread(target=lambda: out.extend(iter_corpus(news_files, _two_workers(), use_cache=False)))
    t.start()
    t.join(120)
    _check([s.report for s in out], sequential)


def test_cancel_stops_promptly(cache_home: Path, news_files: list[str]) -> None:
    cancel = threading.Event()
    seen = 0
    for step in iter_corpus(news_files, _two_workers(), use_cache=True, cancel=cancel):
        seen += 1
        if step.report is not None and seen == 3:
            cancel.set()
    # Prompt means no step after the cancel: the pool's queued work is dropped, not drained.
    assert seen == 3
    # What was parsed before the cancel is cached and right; the rest loads on the next run.
    config = _two_workers()
    _check(load_corpus(news_files[:10], config).reports, [load_report(f, config) for f in news_files[:10]])


def test_skipped_files_keep_their_place(
    cache_home: Path, tmp_path: Path, news_files: list[str], sequential
) -> None:
    bad = tmp_path / "zz_binary.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    paths = [*news_files[:80], str(bad), *news_files[80:]]
    steps = list(iter_corpus(paths, _two_workers(), use_cache=True))
    assert steps[80].skipped is not None and steps[80].skipped.path == str(bad)
    _check([s.report for s in steps if s.report is not None], sequential)


def test_small_loads_stay_in_process(cache_home: Path, news_files: list[str], monkeypatch) -> None:
    def no_pool(*args, **kwargs):
        raise AssertionError("a small load started a process pool")

    monkeypatch.setattr(corpus, "ProcessPoolExecutor", no_pool)
    assert len(load_corpus(news_files[: POOL_MIN_FILES - 1], _two_workers()).reports) == POOL_MIN_FILES - 1


def test_gc_freeze_is_undone(cache_home: Path, news_files: list[str], sequential, monkeypatch) -> None:
    import gc

    monkeypatch.setattr(corpus, "GC_FREEZE_MIN", 16)
    monkeypatch.setattr(corpus, "GC_FREEZE_EVERY", 8)
    base = gc.get_freeze_count()
    seen_frozen = False
    reports = []
    for step in iter_corpus(news_files, _two_workers(), use_cache=False):
        reports.append(step.report)
        seen_frozen = seen_frozen or gc.get_freeze_count() > base
    assert seen_frozen
    assert gc.get_freeze_count() == 0
    _check(reports, sequential)
    steps = iter_corpus(news_files, _two_workers(), use_cache=False)
    for n, _ in enumerate(steps):
        if n == 20:
            break
    steps.close()
    assert gc.get_freeze_count() == 0


def test_parallel_on_copied_seeds(cache_home: Path, tmp_path: Path) -> None:
    """The pool path without ../shared: copies of the bundled seeds, above POOL_MIN_FILES."""
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    folder = tmp_path / "many"
    for k in range(POOL_MIN_FILES // len(seeds) + 2):
        sub = folder / f"c{k:02d}"
        sub.mkdir(parents=True)
        for s in seeds:
            (sub / s.name).write_bytes(s.read_bytes())
    config = _two_workers()
    files = sorted(folder.rglob("*.txt"))
    assert len(files) >= POOL_MIN_FILES
    expected = [load_report(f, config) for f in files]
    _check(load_corpus([folder], config, use_cache=False).reports, expected)
    _check(load_corpus([folder], config).reports, expected)
    _check(load_corpus([folder], config).reports, expected)
