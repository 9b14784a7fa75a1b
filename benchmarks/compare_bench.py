"""Compare against search, side by side: `python benchmarks/compare_bench.py [--quick]`.

Both commands run as a user runs them (a fresh `reportview` process each), over the same corpus
(../shared/corpus/vn-news and ../shared/corpus/provinces), from a warm parse cache in a temporary
XDG_CACHE_HOME. Prints the median of each and the ratio compare/search (issue 15: <= 2x).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("REPORTVIEW_SHARED", ROOT.parent / "shared"))
CORPORA = [SHARED / "corpus" / "vn-news", SHARED / "corpus" / "provinces"]
TARGET_RATIO = 2.0


def _time(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reportview", *args], env=env, cwd=ROOT, check=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return time.perf_counter() - started


def run(quick: bool = False) -> list[str]:
    if not all(p.is_dir() for p in CORPORA):
        return ["compare bench: skipped (needs ../shared/corpus/vn-news and provinces)"]
    paths = [str(p) for p in CORPORA]
    rounds = 2 if quick else 5
    with tempfile.TemporaryDirectory(prefix="rv-compare-bench-") as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": tmp, "PYTHONPATH": str(ROOT / "tui")}
        search = ["search", "tăng trưởng kinh tế", *paths, "--format", "json"]
        compare = ["compare", "grdp_growth_pct,budget_revenue_vnd", *paths, "--format", "jsonl"]
        _time(search, env)  # fills the cache
        s_times, c_times = [], []
        for _ in range(rounds):  # interleaved, so that load on the machine hits both alike
            s_times.append(_time(search, env))
            c_times.append(_time(compare, env))
    s, c = statistics.median(s_times), statistics.median(c_times)
    ok = "ok" if c <= TARGET_RATIO * s else "OVER TARGET"
    return [
        f"search  (cached, {len(paths)} corpora): median {s:.2f} s over {rounds} runs",
        f"compare (cached, 2 indicators):       median {c:.2f} s over {rounds} runs",
        f"compare vs search: {c / s:.2f}x  [target <= {TARGET_RATIO:.0f}x: {ok}]",
    ]


if __name__ == "__main__":
    for line in run(quick="--quick" in sys.argv):
        print(line)
