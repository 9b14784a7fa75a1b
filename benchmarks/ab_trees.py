"""Two source trees side by side: first frame and key -> results drawn, alternating runs.

    python benchmarks/ab_trees.py OTHER_TUI [--rounds 3] [--skip=frame,search]

OTHER_TUI is another tree's `tui/` folder (e.g. an exported older commit). Each round runs, in
a fresh child process per tree and in turn (this tree, the other, then the other first next
round), the first-frame measure of `benchmarks/run.py` and the quick `app_search_bench.py`,
both from this checkout, against the tree's own `reportview` package: the measuring code is the
same for both, only the app differs. Each line is a ratio against the bare-Textual baseline
measured in the same child, so the two trees compare by their ratios; the load average is
printed with each round (the machine may be shared).
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, sys
tree, here, what = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, here)
import run as bench_run  # inserts this checkout's tui/ first: put the tree's in its place
import app_search_bench
sys.path[:] = [p for p in sys.path if not p.endswith("/tui")]
sys.path.insert(0, tree)
import reportview
assert reportview.__file__.startswith(tree), reportview.__file__
lines = []
if what == "frame":
    results = {}
    bench_run.bench_first_frame(True, results, lines)
else:
    lines = app_search_bench.run(quick=True)
print(json.dumps(lines))
"""

FRAME = re.compile(
    r"first frame \(seeds\)\s+(\d+) ms.*baseline bare Textual app with one list (\d+) ms \(([\d.]+)x\)"
)
KEY = re.compile(r"app key -> drawn\s+p50\s+([\d.]+) ms")
BARE = re.compile(r"baseline bare Textual\s+p50\s+([\d.]+) ms")


def load_avg() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def measure(tree: str, what: str) -> tuple[float, str]:
    """(ratio against bare Textual, the line it comes from) for one child run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, tree, str(HERE), what],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=str(ROOT),
    ).stdout
    lines = json.loads(out.strip().splitlines()[-1])
    text = "\n".join(lines)
    if what == "frame":
        m = FRAME.search(text)
        if m is None:
            raise RuntimeError(text)
        return float(m.group(3)), f"{m.group(1)} ms vs bare {m.group(2)} ms"
    key, bare = KEY.search(text), BARE.search(text)
    if key is None or bare is None:
        raise RuntimeError(text)
    k, b = float(key.group(1)), float(bare.group(1))
    return k / b, f"p50 {k:.1f} ms vs bare {b:.1f} ms"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    other = str(Path(argv[0]).resolve())
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 3
    skip = {s for a in argv if a.startswith("--skip=") for s in a[7:].split(",")}
    trees = {"this": str(ROOT / "tui"), "other": other}
    ratios: dict[tuple[str, str], list[float]] = {}
    for r in range(rounds):
        order = ["this", "other"] if r % 2 == 0 else ["other", "this"]
        for what in ("frame", "search"):
            if what in skip:
                continue
            for name in order:
                ratio, line = measure(trees[name], what)
                ratios.setdefault((what, name), []).append(ratio)
                said = f"round {r + 1} {what:<6} {name:<5} {ratio:5.2f}x  ({line}; load {load_avg()})"
                print(said, flush=True)
    for (what, name), values in sorted(ratios.items()):
        print(
            f"{what:<6} {name:<5} median {statistics.median(values):.2f}x  runs "
            + ", ".join(f"{v:.2f}" for v in values)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
