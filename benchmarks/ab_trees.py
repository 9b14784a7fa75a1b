"""Two source trees side by side: first frame and key -> results drawn, alternating runs.

    python benchmarks/ab_trees.py OTHER_TUI [--rounds 3] [--skip=frame,start,search]

OTHER_TUI is another tree's `tui/` folder (e.g. an exported older commit). Each round runs, in
a fresh child process per tree and in turn (this tree, the other, then the other first next
round), the first-frame measure of `benchmarks/run.py` (`frame`: after a warm-up, so without
imports), a fresh process to its first frame (`start`: imports included, median of 5 against
5 of the bare app) and the quick `app_search_bench.py` (`search`), all from this checkout,
against the tree's own `reportview` package: the measuring code is the same for both, only the
app differs. Each line is a ratio against the bare-Textual baseline
measured in the same child, so the two trees compare by their ratios; the load average is
printed with each round (the machine may be shared).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
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

# A fresh process from its first line to the first frame: imports, App(), layout and paint
# (run.py's first frame is taken after a warm-up, imports done). `bare`: the bare Textual app.
CHILD_START = r"""
import time
t0 = time.perf_counter()
import asyncio, os, sys
tree, seeds, which = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path[:] = [p for p in sys.path if not p.endswith("/tui")]
sys.path.insert(0, tree)
from textual.app import App
if which == "bare":
    from textual.widgets import Label, ListItem, ListView
    names = sorted(n for n in os.listdir(seeds) if n.endswith(".txt"))

    class Bare(App):
        def compose(self):
            yield ListView(*(ListItem(Label(n)) for n in names))

    app = Bare()
else:
    from reportview.ui.app import ReportViewApp
    app = ReportViewApp(paths=[seeds])
frame = []
display = app._display

def first(screen, renderable):
    if not frame and renderable is not None and not app._batch_count:
        renderable.render_segments(app.console)
        frame.append(time.perf_counter() - t0)
    display(screen, renderable)

app._display = first

async def go():
    async with app.run_test(size=(120, 40)) as pilot:
        while not frame:
            await pilot.pause(0.01)

asyncio.run(go())
print(frame[0])
"""
START_RUNS = 5
PYCACHE = tempfile.mkdtemp(prefix="rv-ab-pycache-")

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
    if what == "start":
        # As an installed program starts: from compiled bytecode (kept in a temporary prefix,
        # not in the trees), which the first, untimed, run of each writes.
        env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = PYCACHE
        times: dict[str, list[float]] = {"app": [], "bare": []}
        for run in range(START_RUNS + 1):
            for which in ("app", "bare"):
                done = subprocess.run(
                    [sys.executable, "-c", CHILD_START, tree, str(ROOT / "seeds"), which],
                    capture_output=True,
                    text=True,
                    env=env,
                    check=True,
                    cwd=str(ROOT),
                )
                if run:
                    times[which].append(float(done.stdout.split()[-1]))
        a, b = statistics.median(times["app"]), statistics.median(times["bare"])
        return a / b, f"fresh process to first frame {a * 1000:.0f} ms vs bare {b * 1000:.0f} ms"
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
        for what in ("frame", "start", "search"):
            if what in skip:
                continue
            for name in order:
                ratio, line = measure(trees[name], what)
                ratios.setdefault((what, name), []).append(ratio)
                said = f"round {r + 1} {what:<6} {name:<5} {ratio:5.2f}x  ({line}; load {load_avg()})"
                print(said, flush=True)
    shutil.rmtree(PYCACHE, ignore_errors=True)
    for (what, name), values in sorted(ratios.items()):
        print(
            f"{what:<6} {name:<5} median {statistics.median(values):.2f}x  runs "
            + ", ".join(f"{v:.2f}" for v in values)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
