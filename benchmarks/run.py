"""reportview benchmarks: `python benchmarks/run.py [--quick]`.

One line per measure, each with a baseline measured in the same run, then a summary line.
Loads run in a fresh child process each (cold = empty cache, warm = reopen from the cache) so
that timings and peak RSS (parent + pool workers, sampled) are those of one load. The cache
lives in a temporary XDG_CACHE_HOME, never the user's. Needs ../shared/corpus/vn-news for the
corpus measures (skipped when absent); first frame runs on seeds/.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("REPORTVIEW_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "vn-news"
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT / "tui"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
TARGETS = {"cold": 5.0, "warm": 1.0, "first_frame_ratio": 1.5, "rss_mb": 600.0, "indexing_mb_s": 10.0}


# --- child process: one load, timed, with peak RSS sampled --------------------------------------


def _rss_kb(pid: int | str) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError, IndexError):
        return 0


def _pss_kb(pid: int | str) -> int:
    """Proportional set size: RSS with shared pages split between their sharers (no double count)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return _rss_kb(pid)


def _cpu_ticks(pid: str) -> int:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return 0


def _children(pid: str = "self") -> list[str]:
    """Every descendant (pool workers of a forkserver are grandchildren)."""
    kids: list[str] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                kids.extend(fh.read().split())
    except OSError:
        pass
    return kids + [g for k in kids for g in _children(k)]


class PeakRss:
    """Samples RSS of this process plus its children every 20 ms (Linux; else ru_maxrss)."""

    def __init__(self) -> None:
        self.peak_total = 0  # sum of RSS over the process tree (shared pages counted in each)
        self.peak_pss = 0  # sum of PSS over the process tree (the memory the load really takes)
        self.peak_self = 0
        self.child_ticks: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            mine = _rss_kb(me)
            kids = _children()
            total = mine + sum(_rss_kb(k) for k in kids)
            self.peak_pss = max(self.peak_pss, _pss_kb(me) + sum(_pss_kb(k) for k in kids))
            for k in kids:
                self.child_ticks[k] = max(self.child_ticks.get(k, 0), _cpu_ticks(k))
            self.peak_self = max(self.peak_self, mine)
            self.peak_total = max(self.peak_total, total)
            self._stop.wait(0.05)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        import resource

        self.peak_self = max(self.peak_self, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        self.peak_total = max(self.peak_total, self.peak_self)


def baseline_pass(files: list[Path]) -> tuple[float, int, int]:
    """Read every file, decode it, find every number: (seconds, bytes, numbers)."""
    t = time.perf_counter()
    size = found = 0
    for f in files:
        data = f.read_bytes()
        size += len(data)
        found += len(NUMBER.findall(data.decode("utf-8", errors="replace")))
    return time.perf_counter() - t, size, found


def child_load(spec: dict) -> dict:
    from reportview.config import default_config
    from reportview.core.corpus import iter_corpus, worker_count
    from reportview.core.loading import discover

    config = default_config()
    files, _ = discover(spec["paths"], config.extensions)
    base_s, size, _ = baseline_pass(files)
    reports = []
    first = None
    with PeakRss() as rss:
        cpu0 = os.times()
        t = time.perf_counter()
        for step in iter_corpus(spec["paths"], config, use_cache=spec["cache"]):
            if step.report is not None:
                if first is None:
                    first = time.perf_counter() - t
                reports.append(step.report)
        seconds = time.perf_counter() - t
        cpu1 = os.times()
    return {
        "files": len(files),
        "reports": len(reports),
        "figures": sum(len(r.figures) for r in reports),
        "sections": sum(len(r.sections) for r in reports),
        "mb": size / 1e6,
        "seconds": seconds,
        "first": first or 0.0,
        "baseline": base_s,
        "rss_total_mb": rss.peak_total / 1024,
        "rss_self_mb": rss.peak_self / 1024,
        "pss_mb": rss.peak_pss / 1024,
        "workers": worker_count(config),
        "fingerprint": config.parsing_fingerprint(),
        "cpu_main": cpu1.user + cpu1.system - cpu0.user - cpu0.system,
        "cpu_workers": sum(rss.child_ticks.values()) / os.sysconf("SC_CLK_TCK"),
    }


def load(paths: list[str], cache: bool, env: dict[str, str]) -> dict:
    spec = json.dumps({"paths": paths, "cache": cache})
    out = subprocess.run(
        [sys.executable, __file__, "--child", spec], capture_output=True, text=True, env=env, check=False
    )
    if out.returncode != 0:
        raise RuntimeError(f"load child failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- measures -----------------------------------------------------------------------------------


def replicate(files: list[Path], root: Path, copies: int, target: Path) -> Path:
    """A corpus of `copies` folders holding copies of `files` (copies, not links: discovery reads
    a file reached by two links once, as it should)."""
    for k in range(copies):
        folder = target / f"copy{k:02d}"
        for f in files:
            dest = folder / f.relative_to(root)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, dest)
    return target


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def fmt_load(name: str, r: dict, target: float | None) -> str:
    verdict = ""
    if target is not None:
        verdict = f"  [target <= {target:g} s: {'ok' if r['seconds'] <= target else 'MISSED'}]"
    return (
        f"{name:<22} {r['seconds']:7.2f} s  {r['files']:>6,} files {r['mb']:5.1f} MB"
        f"  first report {r['first'] * 1000:5.0f} ms  {r['figures']:,} figures"
        f"  cpu main {r['cpu_main']:.1f} s workers {r['cpu_workers']:.1f} s"
        f"  peak RSS main {r['rss_self_mb']:.0f} MB, all {r['rss_total_mb']:.0f} MB, PSS {r['pss_mb']:.0f} MB"
        f"  | baseline read+regex {r['baseline']:.2f} s"
        f" ({r['seconds'] / max(r['baseline'], 1e-9):.1f}x){verdict}"
    )


def _changed(cold: dict, warm: dict) -> str:
    if cold["fingerprint"] == warm["fingerprint"]:
        return ""
    return "  (NOTE: the parsing code or config changed between the two loads: this was not a warm load)"


def bench_corpus(quick: bool, env: dict[str, str], results: dict, lines: list[str]) -> None:
    from reportview.config import default_config
    from reportview.core.loading import discover

    if not CORPUS.is_dir():
        lines.append(
            f"corpus loads           skipped: {CORPUS} not found (needs ../shared beside the checkout)"
        )
        return
    files, _ = discover([CORPUS], default_config().extensions)
    tmp = Path(tempfile.mkdtemp(prefix="reportview-bench-"))
    try:
        if quick:
            subset = files[::4]
            one = str(replicate(subset, CORPUS, 1, tmp / "subset"))
            name, copies = f"vn-news 1/4 ({len(subset)})", 3
        else:
            subset, one, name, copies = files, str(CORPUS), "vn-news", 10
        cold = load([one], True, env)
        lines.append(fmt_load(f"cold {name}", cold, None if quick else TARGETS["cold"]))
        warm = load([one], True, env)
        lines.append(
            fmt_load(f"warm {name}", warm, None if quick else TARGETS["warm"]) + _changed(cold, warm)
        )
        big = str(replicate(subset, CORPUS, copies, tmp / "replicated"))
        cold_big = load([big], True, env)
        lines.append(fmt_load(f"cold {copies}x copies", cold_big, None))
        warm_big = load([big], True, env)
        lines.append(fmt_load(f"warm {copies}x copies", warm_big, None) + _changed(cold_big, warm_big))
        peak = max(cold_big["pss_mb"], warm_big["pss_mb"])
        rss_sum = max(cold_big["rss_total_mb"], warm_big["rss_total_mb"])
        main_rss = max(cold_big["rss_self_mb"], warm_big["rss_self_mb"])
        verdict = (
            "" if quick else f"  [target <= {TARGETS['rss_mb']:g} MB: {_verdict(peak <= TARGETS['rss_mb'])}]"
        )
        lines.append(
            f"peak memory {cold_big['files']:,} files {peak:5.0f} MB"
            f" PSS of main + {cold_big['workers']} workers"
            f" + forkserver (RSS: main {main_rss:.0f} MB, sum over processes {rss_sum:.0f} MB, shared pages"
            f" counted in each)  | baseline: the text itself {cold_big['mb']:.0f} MB as UTF-8{verdict}"
        )
        results.update(cold=cold, warm=warm, cold_big=cold_big, warm_big=warm_big, rss=peak, quick=quick)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def bench_reopen(quick: bool, env: dict[str, str], results: dict, lines: list[str]) -> None:
    """A warm reopen from the cache: `reportview figures --format jsonl` over vn-news, the whole
    command (start-up, cache reads, output), against the read+regex floor, in the same run."""
    from reportview.config import default_config
    from reportview.core.loading import discover

    if not CORPUS.is_dir():
        return
    cmd = [sys.executable, "-m", "reportview", "figures", "--format", "jsonl", str(CORPUS)]
    # As an installed program runs: from its compiled bytecode (a shell with
    # PYTHONDONTWRITEBYTECODE set would otherwise compile every changed module on each run).
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)  # fill
    files, _ = discover([CORPUS], default_config().extensions)
    walls, cpus, floors, floor_cpus = [], [], [], []
    for _ in range(2 if quick else 3):
        before = os.times()
        t = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - t)
        after = os.times()
        cpus.append(
            (after.children_user + after.children_system) - (before.children_user + before.children_system)
        )
        c0 = os.times()
        floors.append(baseline_pass(files)[0])
        c1 = os.times()
        floor_cpus.append(c1.user + c1.system - c0.user - c0.system)
    wall, cpu, floor, floor_cpu = min(walls), min(cpus), min(floors), min(floor_cpus)
    ratio, cpu_ratio = wall / max(floor, 1e-9), cpu / max(floor_cpu, 1e-9)
    lines.append(
        f"warm reopen figures    {wall:7.2f} s  (cpu {cpu:.2f} s) `reportview figures --format jsonl` over"
        f" {len(files):,} files from the cache, start-up and output included"
        f"  | floor read+regex {floor:.2f} s (cpu {floor_cpu:.2f} s): {ratio:.1f}x wall, {cpu_ratio:.1f}x cpu"
        f"  [target <= 2x: {_verdict(min(ratio, cpu_ratio) <= 2.0)}]"
    )
    results.update(reopen_ratio=ratio, reopen_cpu_ratio=cpu_ratio)


def _best_cpu_seconds(work, reps: int) -> float:
    """The least CPU time of `reps` runs: on a shared machine the least disturbed run is the truest."""
    best = float("inf")
    for _ in range(reps):
        t = time.process_time()
        work()
        best = min(best, time.process_time() - t)
    return best


def bench_throughput(quick: bool, results: dict, lines: list[str]) -> None:
    from reportview.config import default_config
    from reportview.core.decoding import nfc_view
    from reportview.core.figures import _tokens_after, _tokens_before
    from reportview.core.folding import fold_with_map
    from reportview.core.furniture import classify_lines
    from reportview.core.lines import split_lines
    from reportview.core.loading import discover, parse_text, read_text
    from reportview.core.numbers import NUMBER_TOKEN
    from reportview.core.outline import build_outline

    root = CORPUS if CORPUS.is_dir() else SEEDS
    config = default_config()
    files, _ = discover([root], config.extensions)
    if quick:
        files = files[:: max(1, len(files) // 300)]
    texts = [read_text(f)[0] for f in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    parse_text(texts[0], "warm-up", config)
    reps = 2 if quick else 3

    def parse_all() -> None:
        for i, text in enumerate(texts):
            parse_text(text, str(i), config)

    def fold_all() -> None:
        for text in texts:
            fold_with_map(text)

    def floor_all() -> None:
        # This design with every decision taken out: clean and section, fold, and read the
        # tokens around each number (what the figure rules look at), nothing else.
        rules = config.parse_rules.furniture
        for text in texts:
            norm = nfc_view(text).text
            lines_ = split_lines(norm)
            build_outline(norm, lines_, classify_lines(lines_, rules))
            fold_with_map(text)
            for m in NUMBER_TOKEN.finditer(norm):
                _tokens_before(norm, m.start())
                _tokens_after(norm, m.end())

    parse_s = _best_cpu_seconds(parse_all, reps)
    fold_s = _best_cpu_seconds(fold_all, reps)
    floor_s = _best_cpu_seconds(floor_all, reps)
    regex_s = _best_cpu_seconds(lambda: [NUMBER.findall(t) for t in texts], reps)
    indexing = mb / (parse_s + fold_s)
    target = TARGETS["indexing_mb_s"]
    results["throughput"] = indexing
    lines.append(
        f"indexing               {indexing:7.1f} MB/s  one core (cpu time, best of {reps}),"
        f" sectioning + figures + accent folding, {mb:.1f} MB:"
        f" parse {mb / parse_s:.1f} MB/s, folding {mb / fold_s:.1f} MB/s"
        f"  | baseline bare number regex {mb / regex_s:.1f} MB/s"
        f"  [target >= {target:.0f} MB/s: {_verdict(indexing >= target)}]"
    )
    lines.append(
        f"indexing floor         {mb / floor_s:7.1f} MB/s  this design with no decisions:"
        f" sectioning + folding + reading the tokens around each number"
        f" (no figure rules, labels or model objects)"
    )


async def _first_frame(make_app, wait_loaded: bool) -> tuple[float, float]:
    """Seconds from creating the app to its first frame, and to the end of its load.

    The first frame is the first screen update Textual hands to its driver: the layout done and
    every visible widget rendered. Headless, the driver writes nothing, so the update is turned
    into the bytes a terminal would get here (the same work for both apps). `pilot.pause()` is
    not the measure: it waits until the process's CPU is idle, so for an app that loads in a
    worker it times the load, not the frame.
    """
    t = time.perf_counter()
    app = make_app()
    frame: list[float] = []
    display = app._display

    def first_display(screen, renderable) -> None:
        if not frame and renderable is not None and not app._batch_count:
            if hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)
            frame.append(time.perf_counter() - t)
        display(screen, renderable)

    app._display = first_display  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        while not frame and time.perf_counter() - t < 30:
            await pilot.pause(0.01)
        loaded = frame[0] if frame else float("nan")
        if wait_loaded and hasattr(app, "loaded"):
            while not app.loaded.is_set() and time.perf_counter() - t < 30:
                await pilot.pause(0.01)
            loaded = time.perf_counter() - t
    return (frame[0] if frame else float("nan")), loaded


def bench_first_frame(quick: bool, results: dict, lines: list[str]) -> None:
    try:
        from reportview.ui.app import ReportViewApp
    except Exception as exc:  # the UI is written by another engineer; absent is not a failure
        lines.append(
            f"first frame            skipped: the UI is not importable ({type(exc).__name__}: {exc})"
        )
        return
    from textual.app import App, ComposeResult
    from textual.containers import Container, Horizontal, Vertical
    from textual.scroll_view import ScrollView
    from textual.widgets import DataTable, Footer, Header, Label, ListItem, ListView, Static

    names = sorted(p.name for p in SEEDS.glob("*.txt"))

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ListView(*(ListItem(Label(n)) for n in names))

    class Pane(ScrollView, can_focus=True):
        pass

    class FloorApp(App[None]):
        """Not a baseline, a floor: stock Textual widgets in the app's layout (header, three
        bordered panes in a grid, a table with the figures' 7 columns, a status line, footer)."""

        CSS = """
        #main { layout: grid; grid-size: 3 1; grid-columns: 30 1fr 46; height: 1fr; }
        #left, #middle { height: 100%; }
        .pane { border: round $panel-lighten-2; border-title-style: bold; height: 1fr; }
        .pane:focus { border: heavy $accent; }
        #status { height: 1; background: $panel; padding: 0 1; }
        #status > Label { width: 1fr; }
        #status > Static { width: 36; }
        """

        def compose(self) -> ComposeResult:
            yield Header(icon="▤")
            with Container(id="main"):
                with Vertical(id="left"):
                    yield Pane(classes="pane", id="first")
                    yield Pane(classes="pane")
                with Vertical(id="middle"):
                    yield Pane(classes="pane")
                yield DataTable(classes="pane")
            with Horizontal(id="status"):
                yield Label("Loading…")
                yield Static("")
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            for column in (" ", "as written", "label", "±", "kind", "value", "unit"):
                table.add_column(column)
            self.query_one("#first").focus()

    def ours() -> App:
        return ReportViewApp(paths=[str(SEEDS)])

    reps = 5 if quick else 11
    # Warm-up, both apps: one-time costs of a first run in this process (lazy imports, the
    # cache file) are not the frame's.
    asyncio.run(_first_frame(BareApp, False))
    asyncio.run(_first_frame(ours, True))
    asyncio.run(_first_frame(FloorApp, False))
    bare, app, app_loaded, floor = [], [], [], []
    for _ in range(reps):
        bare.append(asyncio.run(_first_frame(BareApp, False))[0])
        floor.append(asyncio.run(_first_frame(FloorApp, False))[0])
        frame, loaded = asyncio.run(_first_frame(ours, True))
        app.append(frame)
        app_loaded.append(loaded)
    b, a = statistics.median(bare), statistics.median(app)
    ratio = a / b
    results["first_frame"] = (a, b, ratio)
    lines.append(
        f"first frame (seeds)    {a * 1000:7.0f} ms"
        f"  reports loaded {statistics.median(app_loaded) * 1000:.0f} ms"
        f"  | baseline bare Textual app with one list {b * 1000:.0f} ms ({ratio:.2f}x)"
        f"  [target <= {TARGETS['first_frame_ratio']}x: {_verdict(ratio <= TARGETS['first_frame_ratio'])}]"
    )
    f = statistics.median(floor)
    lines.append(
        f"first frame floor      {f * 1000:7.0f} ms  stock Textual widgets in the app's layout"
        f" (header, 3 panes, 7-column table, status, footer; no config, no data)"
        f"  | baseline the same bare app {b * 1000:.0f} ms ({f / b:.2f}x)"
    )


def bench_search(quick: bool, lines: list[str]) -> None:
    try:
        import search_bench
    except ImportError:
        lines.append("search latency         skipped: benchmarks/search_bench.py not present")
        return
    lines.extend(search_bench.run(quick))
    try:
        import app_search_bench
    except ImportError:
        lines.append("app search latency     skipped: benchmarks/app_search_bench.py not present")
        return
    lines.extend(app_search_bench.run(quick))


def summary(results: dict) -> str:
    parts, verdicts = [], []

    def check(label: str, ok: bool) -> None:
        verdicts.append(ok)
        parts.append(f"{label} {'ok' if ok else 'MISSED'}")

    if "cold" in results:
        c, w = results["cold"]["seconds"], results["warm"]["seconds"]
        if results["quick"]:
            parts.append(f"cold {c:.2f} s, warm {w:.2f} s (quick subset; targets need the full run)")
        else:
            check(f"cold {c:.2f} s (<= 5)", c <= TARGETS["cold"])
            check(f"warm {w:.2f} s (<= 1)", w <= TARGETS["warm"])
            check(f"peak memory {results['rss']:.0f} MB PSS (<= 600)", results["rss"] <= TARGETS["rss_mb"])
        big = results["cold_big"]
        parts.append(
            f"{big['files']:,} files cold {big['seconds']:.1f} s warm {results['warm_big']['seconds']:.1f} s"
        )
    if "first_frame" in results:
        ratio = results["first_frame"][2]
        check(f"first frame {ratio:.2f}x bare (<= 1.5)", ratio <= TARGETS["first_frame_ratio"])
    if "throughput" in results:
        rate = results["throughput"]
        check(f"indexing {rate:.1f} MB/s/core (>= 10)", rate >= TARGETS["indexing_mb_s"])
    met = f"{sum(verdicts)}/{len(verdicts)} targets met" if verdicts else "no targets checked"
    return f"summary: {met} · " + " · ".join(parts)


def _load_avg() -> str:
    try:
        return "/".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


class Printed(list):
    """Lines printed as soon as they are added (a long run shows its progress)."""

    def append(self, line: str) -> None:
        print(line, flush=True)
        super().append(line)

    def extend(self, more) -> None:
        for line in more:
            self.append(line)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        print(json.dumps(child_load(json.loads(argv[1]))))
        return 0
    quick = "--quick" in argv
    skip = {s for a in argv if a.startswith("--skip=") for s in a[7:].split(",")}
    t0 = time.perf_counter()
    cache_home = tempfile.mkdtemp(prefix="reportview-bench-cache-")
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = cache_home
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "tui"), os.environ.get("PYTHONPATH", "")])}
    print(
        f"reportview benchmarks ({'quick' if quick else 'full'}), {os.cpu_count()} cores,"
        f" load average {_load_avg()} (wall times stretch when other work shares the cores; cpu does not)",
        flush=True,
    )
    results: dict = {}
    lines = Printed()

    try:
        if "load" not in skip:
            bench_corpus(quick, env, results, lines)
        if "reopen" not in skip:
            bench_reopen(quick, env, results, lines)
        if "throughput" not in skip:
            bench_throughput(quick, results, lines)
        if "frame" not in skip:
            bench_first_frame(quick, results, lines)
        if "search" not in skip:
            bench_search(quick, lines)
    finally:
        shutil.rmtree(cache_home, ignore_errors=True)
        if saved is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = saved
    print(
        summary(results) + f" · load average {_load_avg()} · ({time.perf_counter() - t0:.0f} s)", flush=True
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
