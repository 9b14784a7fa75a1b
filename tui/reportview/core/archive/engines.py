"""Engines: who runs `shard.write_shard` over the files to parse.

- ``local``: this process for a few files, else a process pool on this machine; each task
  writes its shard straight into the archive's shard folder.
- ``dask``: Dask (optional extra ``dask``). With a scheduler address, a `distributed.Client` maps
  the tasks over the cluster's workers; without one, `dask.bag` runs them on local processes.
  A task returns its shard's bytes, so workers need to read the input files (a shared path) but
  not to share a disk with the client for the output.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from reportview.core.archive.build import ShardMapper
from reportview.core.archive.shard import ShardTask, shard_tasks, write_shard
from reportview.core.rules import load_settings_of

ENGINES = ("local", "dask")
# Below this many files, the local engine parses in this process (a pool costs more to start).
POOL_MIN_FILES = 64
# Files per shard: bounds per-task memory and merge steps; small corpora still get a few per worker.
SHARD_MAX = 2000
SHARD_MIN = 16


class EngineUnavailable(Exception):
    """The engine asked for is not installed or cannot reach its scheduler."""


def shard_size(n: int, workers: int) -> int:
    """Files per shard: about four tasks per worker, within [SHARD_MIN, SHARD_MAX]."""
    return max(SHARD_MIN, min(SHARD_MAX, -(-n // max(1, workers * 4))))


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork is cheapest, but forking a process with threads running can copy a held lock.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _write_numbered(args: tuple[ShardTask, Any, str]) -> str | bytes:
    task, config, out = args
    return write_shard(task, config, out)


def local_mapper(config: Any, workers: int | None = None) -> ShardMapper:
    """Shards written by this process, or by a pool of `workers` processes (default: all cores)."""
    n_workers = workers or load_settings_of(config).workers or os.cpu_count() or 1

    def run(items: list[tuple[int, str, str]], shard_dir: Path) -> list[Path]:
        if len(items) < POOL_MIN_FILES or n_workers == 1:
            out = shard_dir / "shard-00000.sqlite"
            write_shard(ShardTask(tuple(items)), config, str(out))
            return [out]
        tasks = shard_tasks(items, shard_size(len(items), n_workers))
        outs = [shard_dir / f"shard-{k:05d}.sqlite" for k in range(len(tasks))]
        with ProcessPoolExecutor(min(n_workers, len(tasks)), mp_context=_pool_context()) as pool:
            list(pool.map(_write_numbered, [(t, config, str(o)) for t, o in zip(tasks, outs, strict=True)]))
        return outs

    return run


def dask_mapper(config: Any, scheduler: str | None = None, workers: int | None = None) -> ShardMapper:
    """Shards written by Dask tasks: on the cluster at `scheduler`, else local processes."""
    try:
        import dask.bag as db
    except ImportError:
        raise EngineUnavailable(
            "the dask engine needs Dask: pip install 'reportview[dask]' (dask[distributed])"
        ) from None

    def store(results: list[bytes], shard_dir: Path) -> list[Path]:
        outs = []
        for k, data in enumerate(results):
            out = shard_dir / f"shard-{k:05d}.sqlite"
            out.write_bytes(data)
            outs.append(out)
        return outs

    def run(items: list[tuple[int, str, str]], shard_dir: Path) -> list[Path]:
        if scheduler is not None:
            try:
                from distributed import Client
            except ImportError:
                raise EngineUnavailable(
                    "--scheduler needs dask.distributed: pip install 'reportview[dask]'"
                ) from None
            try:
                client = Client(scheduler, timeout="10s")
            except OSError as exc:
                raise EngineUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
            with client:
                n = workers or max(1, len(client.scheduler_info().get("workers", {})))
                tasks = shard_tasks(items, shard_size(len(items), n))
                futures = client.map(write_shard, tasks, config=config, pure=False)
                return store(client.gather(futures), shard_dir)
        n = workers or load_settings_of(config).workers or os.cpu_count() or 1
        tasks = shard_tasks(items, shard_size(len(items), n))
        bag = db.from_sequence(tasks, npartitions=len(tasks)).map(write_shard, config)
        return store(bag.compute(scheduler="processes", num_workers=n), shard_dir)

    return run


def mapper_for(
    engine: str, config: Any, scheduler: str | None = None, workers: int | None = None
) -> ShardMapper:
    if engine == "local":
        if scheduler is not None:
            raise EngineUnavailable("--scheduler is for --engine dask")
        return local_mapper(config, workers)
    if engine == "dask":
        return dask_mapper(config, scheduler, workers)
    raise EngineUnavailable(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
