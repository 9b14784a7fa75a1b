"""Does the app's UI stay responsive while it loads a big corpus? Event-loop lag, headless.

A coroutine on the app's event loop sleeps 20 ms at a time while the app loads; the lag is how
much later than asked each wake-up comes. A wake-up late by more than 100 ms means the UI froze
for that long (the issue's target at 26k files). The baseline is the same loop in a bare
Textual app that loads nothing, measured in the same run. Each load runs in a fresh process, so
its peak memory (the app's RSS and the PSS of the app with its pool workers, sampled) is that of
one app holding the whole corpus and its search index.

    python benchmarks/app_load_lag.py [--copies N]   # N copies of ../shared/corpus/vn-news (10)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The same memory sampler as the load benchmark.
from run import PeakRss

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TICK = 0.02


def _corpus(copies: int, root: Path) -> Path:
    source = sorted((SHARED / "corpus" / "vn-news").glob("*.txt"))
    corpus = root / "corpus"
    for k in range(copies):
        folder = corpus / f"copy{k}"
        folder.mkdir(parents=True)
        for f in source:
            shutil.copyfile(f, folder / f.name)
    return corpus


async def _lags(app, until) -> tuple[list[float], float]:
    lags: list[float] = []
    async with app.run_test(size=(120, 40)):
        start = last = time.perf_counter()
        while not until(app):
            await asyncio.sleep(TICK)
            now = time.perf_counter()
            lags.append(now - last - TICK)
            last = now
        took = time.perf_counter() - start
    return sorted(lags), took


def _line(name: str, lags: list[float], took: float) -> str:
    def ms(q: float) -> float:
        return lags[min(len(lags) - 1, int(len(lags) * q))] * 1000

    return f"{name:28} {took:6.1f} s  lag p50 {ms(0.5):6.1f} ms  p99 {ms(0.99):6.1f} ms  max {ms(1):6.1f} ms"


async def _bare_lags(seconds: float) -> tuple[list[float], float]:
    from textual.app import App
    from textual.widgets import OptionList

    class Bare(App):
        def compose(self):
            yield OptionList(*[f"row {i}" for i in range(50)])

    deadline = time.perf_counter() + seconds
    return await _lags(Bare(), lambda _app: time.perf_counter() > deadline)


def _one_load(corpus: str) -> dict:
    """One app load in this (fresh) process: lags, seconds and peak memory."""
    from reportview.config import default_config
    from reportview.ui.app import ReportViewApp

    app = ReportViewApp(paths=[corpus], config=default_config(), use_cache=True)
    with PeakRss() as rss:
        lags, took = asyncio.run(_lags(app, lambda a: a.loaded.is_set()))
    return {"lags": lags, "took": took, "rss_mb": rss.peak_self / 1024, "pss_mb": rss.peak_pss / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a child: load this corpus once
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_one_load(args.one)))
        return 0
    if not (SHARED / "corpus" / "vn-news").is_dir():
        print("app load lag: skipped (../shared/corpus/vn-news is absent)")
        return 0
    root = Path(tempfile.mkdtemp(prefix="rv-lag-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(root / "cache")}
    try:
        corpus = _corpus(args.copies, root)
        n = sum(1 for _ in corpus.rglob("*.txt"))
        print(f"app load lag: {n:,} files, load average {os.getloadavg()[0]:.1f}, target max lag <= 100 ms")
        for label in ("cold (no cache yet)", "warm (cache filled)"):
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(corpus)],
                capture_output=True, text=True, env=env, check=False,
            )  # fmt: skip
            if out.returncode != 0:
                raise RuntimeError(f"app load failed:\n{out.stderr[-3000:]}")
            r = json.loads(out.stdout.strip().splitlines()[-1])
            verdict = "ok" if r["lags"][-1] <= 0.1 else "MISSED"
            print(
                _line(f"app, {label}", r["lags"], r["took"])
                + f"  [{verdict}]  peak memory: app RSS {r['rss_mb']:.0f} MB,"
                f" PSS with workers {r['pss_mb']:.0f} MB"
            )
        lags, took = asyncio.run(_bare_lags(3.0))
        print(_line("baseline bare Textual app", lags, took))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
