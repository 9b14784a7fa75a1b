"""Engines: a Dask LocalCluster of two worker processes builds the archive the local engine builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportview.core.archive.reader import Archive
from reportview.core.archive.search import ArchiveIndex
from tests.archive.helpers import build, dump, queries
from tests.conftest import SEED_FILES, shared_path


def _small_corpus(tmp_path: Path, news: int) -> Path:
    """The seeds and the first `news` vn-news articles (when ../shared is there)."""
    d = tmp_path / "corpus"
    d.mkdir()
    for f in SEED_FILES:
        shutil.copy(f, d / f.name)
    try:
        vn = shared_path("corpus", "vn-news")
    except pytest.skip.Exception:
        return d
    for f in sorted(vn.glob("*.txt"))[:news]:
        shutil.copy(f, d / f.name)
    return d


def test_local_pool_equals_in_process(tmp_path: Path):
    corpus = _small_corpus(tmp_path, 120)
    one = build([corpus], tmp_path / "one", workers=1)
    pool = build([corpus], tmp_path / "pool", workers=2)
    assert one.reports == pool.reports
    assert dump(tmp_path / "one") == dump(tmp_path / "pool")


def test_dask_local_cluster_builds_the_same_archive(tmp_path: Path):
    pytest.importorskip("distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")
    from distributed import LocalCluster

    corpus = _small_corpus(tmp_path, 120)
    local = build([corpus], tmp_path / "local")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert len(cluster.workers) == 2
        stats = build([corpus], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    assert stats.engine == "dask" and stats.reports == local.reports
    assert dump(tmp_path / "local") == dump(tmp_path / "dask")
    with Archive(tmp_path / "local") as a, Archive(tmp_path / "dask") as b:
        ia, ib = ArchiveIndex(a), ArchiveIndex(b)
        for q in queries()[::7]:
            assert [h.as_json() for h in ia.search(q, 10)] == [h.as_json() for h in ib.search(q, 10)]


def test_dask_bag_without_scheduler(tmp_path: Path):
    pytest.importorskip("dask", reason="the dask extra is not installed (pip install -e '.[dask]')")
    corpus = _small_corpus(tmp_path, 40)
    build([corpus], tmp_path / "local")
    build([corpus], tmp_path / "bag", engine="dask", workers=2)
    assert dump(tmp_path / "local") == dump(tmp_path / "bag")
