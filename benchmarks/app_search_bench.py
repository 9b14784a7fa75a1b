"""Search as the user sees it: key press to results drawn, in the real app, headless.

    python benchmarks/app_search_bench.py            # ~10k and ~100k sections, 3 rounds each
    python benchmarks/app_search_bench.py --quick    # ~10k sections, 1 round (< 60 s)
    python benchmarks/app_search_bench.py --try=gc-freeze,fps120,gc-freeze+fps120
                                                     # also the app with proposed fixes applied

Corpus: the vn-news articles of ../shared/corpus are copied into a temporary directory (copy 0,
copy 1, ...) until the copies hold the wanted number of sections (counted from one parse of the
originals). The parse cache lives in a temporary XDG_CACHE_HOME and is filled once before the
app starts, so the app's own load is a warm one; everything is removed afterwards.

The app is the real `ReportViewApp` under `App.run_test(size=(120, 40))`. Once loading is done
`/` opens the search field and each query is typed one key at a time ("ngân sách" is n, g, â, n,
space, s, ...). For every key press the time runs from just before `pilot.press(key)` (which
posts the key event to the app straight away) until the first screen update handed to the
driver after the results for that exact field value are in the results list: the app sets
`search_done` and `results_query` (MainScreen) when it shows a search's results, and the app's
`_display` (where Textual hands each compositor update to the driver) is wrapped to note the
first update after that. Headless, the driver writes nothing, so the wrapper turns the update into
the bytes a terminal would get (`render_segments`), as a real terminal run would; that cost is
inside the measure. Not counted: `pilot.press` itself returns only after waiting for the
process to go idle (sleeps of 20 ms or more, test machinery, not the app), so its return is never
the end point; the end point is the paint, stamped when it happens. Between keys the benchmark
waits for the paint and then a short typist's gap, so each key is measured on its own.

Baselines in the same run, on the same key presses:
- engine alone: `index.search(query, limit)` on the app's own index, called directly (no
  worker, no UI): the floor the app cannot go under;
- bare Textual: an app with only an `Input` and an `OptionList` that, on each change, replaces
  the list with the same rows (precomputed, no search) and is timed the same way: what Textual
  costs to redraw a list of results per key.
A breakdown of the app's medians says where the time goes: key -> `Input.Changed` handled,
-> search started in its worker thread, engine time inside the app, -> results handed back to
the UI thread, -> painted; the frame work per key (full layouts, compositor renders, terminal
bytes, and garbage collection, timed with `gc.callbacks`), and the slowest keys as a timeline
(`resume`: the screen's update timer woken by a dirty widget, `tick`: it fires). It also counts
reader / figures / section updates during typing. `--try` runs the app again with a proposed fix
applied from the outside (the app's code is not changed): `gc-freeze` calls `gc.freeze()` once
loading is done, `fps120` sets Textual's screen update period to 1/120 s (what TEXTUAL_FPS=120
does when set before Textual is imported).
"""

from __future__ import annotations

import asyncio
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tui"))

SHARED = Path(os.environ.get("REPORTVIEW_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "vn-news"

PHRASES = ["ngân sách", "cu tri di bau", "GRDP", "xuat khau", "ngân sáhc"]
TARGET_P50_MS = 50.0
TARGET_MAX_MS = 100.0
SIZE = (120, 40)
GAP_S = 0.05  # after a key's results are painted, before the next key (a fast typist's gap)
KEY_TIMEOUT_S = 10.0


def pct(values: Sequence[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _load_avg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


# --- corpus ---------------------------------------------------------------------------------------


def _articles(source: Path, max_files: int | None) -> list[Path]:
    exts = (".txt", ".md", ".html")
    files = sorted(
        p for p in source.rglob("*") if p.is_file() and p.suffix.lower() in exts and p.name != "SOURCE.md"
    )
    return files[:max_files] if max_files is not None else files


def _section_counts(files: list[Path]) -> list[int]:
    from reportview.config import default_config
    from reportview.core.corpus import load_corpus

    result = load_corpus([str(f) for f in files], default_config(), use_cache=True)
    by_path = {os.path.abspath(r.path): len(r.sections) for r in result.reports}
    return [by_path.get(os.path.abspath(f), 0) for f in files]


def build_corpus(files: list[Path], counts: list[int], sections: int, root: Path) -> tuple[Path, int, int]:
    """Copies of `files` under root/c0, root/c1, ... until they hold `sections` sections."""
    target = Path(tempfile.mkdtemp(prefix="corpus-", dir=root))
    total = n = copy = 0
    while total < sections and sum(counts):
        dest = target / f"c{copy}"
        dest.mkdir()
        for f, c in zip(files, counts, strict=True):
            shutil.copyfile(f, dest / f.name)
            total += c
            n += 1
            if total >= sections:
                break
        copy += 1
    # Fill the parse cache once, so that the app's load is a warm one.
    from reportview.config import default_config
    from reportview.core.corpus import load_corpus

    load_corpus([str(target)], default_config(), use_cache=True)
    return target, n, total


# --- measuring one app --------------------------------------------------------------------------


def keys_of(phrase: str) -> list[str]:
    return list(phrase)


class Painted:
    """Wraps `app._display`: stamps the first screen update once `ready()` holds.

    With `instrument(screen)` it also adds up, from the key press to the stamped update, the time
    spent in full layouts (`Screen._refresh_layout`), in compositor renders (`render_update`) and
    in turning updates into terminal bytes, and how many of each.
    """

    COSTS = ("layout", "render", "bytes", "gc")

    def __init__(self, app) -> None:
        self.app = app
        self.ready = lambda: False
        self.stamp: float | None = None
        self.paints = 0
        self._costs = dict.fromkeys(self.COSTS, 0.0)
        self._counts = dict.fromkeys(self.COSTS, 0)
        self.costs: tuple[dict[str, float], dict[str, int]] | None = None
        self.timeline: list[tuple[str, float]] = []  # (what, when) since arm(): layouts, renders
        display = app._display

        def wrapped(screen, renderable) -> None:
            if renderable is not None and not app._batch_count:
                if hasattr(renderable, "render_segments"):
                    with self._timed("bytes"):
                        renderable.render_segments(app.console)  # what a terminal driver would write
                self.paints += 1
                if self.stamp is None and self.ready():
                    self.stamp = time.perf_counter()
                    self.costs = (dict(self._costs), dict(self._counts), list(self.timeline))
            display(screen, renderable)

        app._display = wrapped
        self._gc_t = 0.0

        def on_gc(phase: str, info: dict) -> None:  # garbage collection, in any thread
            if phase == "start":
                self._gc_t = time.perf_counter()
            elif self._gc_t:
                self._costs["gc"] += (time.perf_counter() - self._gc_t) * 1000
                self._counts["gc"] += 1

        self._on_gc = on_gc
        gc.callbacks.append(on_gc)

    def close(self) -> None:
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)

    def _timed(self, name: str):
        painted = self

        class _Timer:
            def __enter__(self) -> None:
                self.t = time.perf_counter()
                painted.timeline.append((name, self.t))

            def __exit__(self, *exc: object) -> None:
                painted._costs[name] += (time.perf_counter() - self.t) * 1000
                painted._counts[name] += 1

        return _Timer()

    def instrument(self, screen) -> None:
        refresh_layout = screen._refresh_layout
        compositor = screen._compositor
        render_update = compositor.render_update

        def layout_hook(*args, **kwargs):
            with self._timed("layout"):
                return refresh_layout(*args, **kwargs)

        def render_hook(*args, **kwargs):
            with self._timed("render"):
                return render_update(*args, **kwargs)

        screen._refresh_layout = layout_hook
        compositor.render_update = render_hook
        # Markers (no cost): the screen's update timer resumed (something is dirty), and ticking.
        timer = screen._update_timer
        resume, tick = timer.resume, timer._callback

        def resume_hook() -> None:
            if not timer._active.is_set():
                self.timeline.append(("resume", time.perf_counter()))
            resume()

        def tick_hook() -> None:
            self.timeline.append(("tick", time.perf_counter()))
            tick()

        timer.resume = resume_hook
        timer._callback = tick_hook

    def arm(self, ready) -> None:
        self.timeline = []
        self.stamp = None
        self.costs = None
        self._costs = dict.fromkeys(self.COSTS, 0.0)
        self._counts = dict.fromkeys(self.COSTS, 0)
        self.ready = ready

    async def wait(self, pilot, t0: float) -> float | None:
        while self.stamp is None and time.perf_counter() - t0 < KEY_TIMEOUT_S:
            await asyncio.sleep(0.002)
        self.ready = lambda: False
        return None if self.stamp is None else self.stamp - t0


async def _type_phrase(
    pilot, painted: Painted, field, phrase: str, ready_for, on_key=None, after_key=None
) -> list[tuple]:
    """Type `phrase` key by key; (query, ms or None, t0, after_key's note) per key press."""
    field.value = ""
    await pilot.pause(0.1)
    out = []
    for i, key in enumerate(keys_of(phrase)):
        query = phrase[: i + 1]
        if on_key is not None:
            on_key(query)
        painted.arm(ready_for(query))
        t0 = time.perf_counter()
        await pilot.press(key)
        dt = await painted.wait(pilot, t0)
        ms = None if dt is None else dt * 1000
        out.append((query, ms, t0, after_key(ms, t0) if after_key is not None else None))
        await asyncio.sleep(GAP_S)
    return out


TWEAKS = {
    "gc-freeze": "gc.freeze() once loading is done (loaded objects leave the collector's walks)",
    "fps120": "screen updates at up to 120 fps instead of Textual's 60 (TEXTUAL_FPS=120)",
}


async def measure_app(corpus: Path, phrases: list[str], rounds: int, tweaks: Sequence[str] = ()) -> dict:
    """Type the phrases in the real app. `tweaks` try proposed fixes from outside the app's code."""
    from reportview.ui.app import ReportViewApp

    if "fps120" in tweaks:
        import textual.screen

        period, textual.screen.UPDATE_PERIOD = textual.screen.UPDATE_PERIOD, 1 / 120
        try:
            return await measure_app(corpus, phrases, rounds, [t for t in tweaks if t != "fps120"])
        finally:
            textual.screen.UPDATE_PERIOD = period
    if "gc-freeze" in tweaks:
        tweaks = [t for t in tweaks if t != "gc-freeze"]
        try:
            return await measure_app(corpus, phrases, rounds, [*tweaks, "_freeze"])
        finally:
            gc.unfreeze()
    app = ReportViewApp(paths=[str(corpus)])
    painted = Painted(app)
    res: dict = {"keys": [], "phases": [], "updates": {}, "costs": [], "detail": []}
    try:
        async with app.run_test(size=SIZE) as pilot:
            t = time.perf_counter()
            while not app.loaded.is_set() and time.perf_counter() - t < 600:
                await pilot.pause(0.05)
            res["load_s"] = time.perf_counter() - t
            if "_freeze" in tweaks:
                gc.collect()
                gc.freeze()
            main = app.main
            res["sections"] = main._n_sections
            res["reports"] = len(main.reports)
            await pilot.press("slash")
            await pilot.pause(0.1)
            field, _results = main._search_widgets()
            if not (field.display and app.focused is field):
                raise RuntimeError("the search field did not open on '/'")

            # Instrumentation (instance attributes only; the app's code is not changed).
            painted.instrument(main)
            stamps: dict[str, float] = {}
            run_search, show_results, search = main._run_search, main._show_results, main.index.search

            def run_search_hook(query, generation):
                stamps["changed"] = time.perf_counter()
                return run_search(query, generation)

            def search_hook(query, *args, **kwargs):
                stamps["engine_start"] = time.perf_counter()
                try:
                    return search(query, *args, **kwargs)
                finally:
                    stamps["engine_end"] = time.perf_counter()

            def show_hook(query, hits, generation, elapsed):
                stamps["show"] = time.perf_counter()
                show_results(query, hits, generation, elapsed)
                stamps["shown"] = time.perf_counter()

            main._run_search = run_search_hook
            main.index.search = search_hook
            main._show_results = show_hook
            counts = res["updates"]
            for name, widget in (
                ("reader", main.query_one("#reader")),
                ("figures", main.query_one("#figures")),
                ("sections", main.query_one("#sections")),
            ):
                original = widget.show

                def counted(*args, _name=name, _original=original, **kwargs):
                    counts[_name] = counts.get(_name, 0) + 1
                    return _original(*args, **kwargs)

                widget.show = counted

            def ready_for(query: str):
                return lambda: app.search_done.is_set() and main.results_query == query

            def on_key(query: str) -> None:
                stamps.clear()
                app.search_done.clear()

            def after_key(ms: float | None, t0: float) -> tuple[float, ...] | None:
                if painted.costs is not None:
                    res["costs"].append(painted.costs)
                res["detail"].append((ms, dict(stamps), t0, painted.costs))
                if (
                    ms is None
                    or not {"changed", "engine_start", "engine_end", "show", "shown"} <= stamps.keys()
                ):
                    return None
                return (
                    (stamps["changed"] - t0) * 1000,
                    (stamps["engine_start"] - stamps["changed"]) * 1000,
                    (stamps["engine_end"] - stamps["engine_start"]) * 1000,
                    (stamps["show"] - stamps["engine_end"]) * 1000,
                    (stamps["shown"] - stamps["show"]) * 1000,
                    (t0 + ms / 1000 - stamps["shown"]) * 1000,
                )

            limit = app.config.search_limit
            engine = []
            for _ in range(rounds):
                for phrase in phrases:
                    typed = await _type_phrase(pilot, painted, field, phrase, ready_for, on_key, after_key)
                    for query, ms, _t0, phases in typed:
                        res["keys"].append((query, ms))
                        if phases is not None:
                            res["phases"].append(phases)
                # Baseline: the engine alone on the same keystrokes, no worker, no UI.
                for phrase in phrases:
                    for i in range(len(phrase)):
                        t1 = time.perf_counter()
                        search(phrase[: i + 1], limit=limit)
                        engine.append((time.perf_counter() - t1) * 1000)
            res["engine"] = engine
            # Rows for the bare baseline: the same results, as plain text rows.
            rows: dict[str, list] = {}
            for phrase in phrases:
                for i in range(len(phrase)):
                    q = phrase[: i + 1]
                    rows[q] = [_row(main.reports, h) for h in search(q, limit=limit)]
            res["rows"] = rows
            res["paints"] = painted.paints
    finally:
        painted.close()
    return res


def _row(reports, hit):
    from rich.text import Text

    report = reports[hit.report_index] if 0 <= hit.report_index < len(reports) else None
    name = (report.display_title if report else hit.doc)[:20]
    section = f" §{hit.section}" if hit.section is not None else ""
    return Text(f"{name}{section} [{hit.kind}] {' '.join(hit.snippet.split())}", no_wrap=True)


async def measure_bare(rows: dict[str, list], phrases: list[str], rounds: int) -> dict:
    from textual.app import App, ComposeResult
    from textual.widgets import Input, OptionList

    class BareSearch(App[None]):
        shown: str | None = None

        def compose(self) -> ComposeResult:
            yield Input(id="q")
            yield OptionList(id="r")

        def on_input_changed(self, event: Input.Changed) -> None:
            options = self.query_one(OptionList)
            options.clear_options()
            options.add_options(rows.get(event.value, []))
            self.shown = event.value

    app = BareSearch()
    painted = Painted(app)
    out: dict = {"ms": [], "costs": []}
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.2)
            field = app.query_one(Input)
            field.focus()
            painted.instrument(app.screen)

            def after_key(ms: float | None, t0: float) -> None:
                if painted.costs is not None:
                    out["costs"].append(painted.costs)

            def ready_for(query: str):
                return lambda: app.shown == query

            def on_key(query: str) -> None:
                app.shown = None

            for _ in range(rounds):
                for phrase in phrases:
                    typed = await _type_phrase(pilot, painted, field, phrase, ready_for, on_key, after_key)
                    out["ms"].extend(ms for _q, ms, _t0, _ in typed)
    finally:
        painted.close()
    return out


# --- report -------------------------------------------------------------------------------------


def _fmt(name: str, values: Sequence[float], extra: str = "") -> str:
    return (
        f"{name:<22} p50 {pct(values, 50):7.2f} ms  p95 {pct(values, 95):7.2f} ms"
        f"  max {max(values) if values else float('nan'):7.2f} ms{extra}"
    )


def bench_size(
    files: list[Path],
    counts: list[int],
    sections: int,
    phrases: list[str],
    rounds: int,
    tmp: Path,
    lines: list[str],
    tries: Sequence[str] = (),
) -> None:
    t = time.perf_counter()
    corpus, n_files, _n_sections = build_corpus(files, counts, sections, tmp)
    built = time.perf_counter() - t
    try:
        app = asyncio.run(measure_app(corpus, phrases, rounds))
        bare = asyncio.run(measure_bare(app["rows"], phrases, rounds))
        tried = [(t, asyncio.run(measure_app(corpus, phrases, rounds, t.split("+")))) for t in tries]
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
    lines.append(
        f"== {app['sections']:,} sections in {app['reports']:,} reports ({n_files:,} files; corpus and"
        f" cache built in {built:.1f} s, app load {app['load_s']:.1f} s), {rounds} round(s) of"
        f" {len(phrases)} queries typed key by key, load average {_load_avg()}"
    )
    keys = app["keys"]
    ms = [m for _q, m in keys if m is not None]
    lost = len(keys) - len(ms)
    worst = max(((m, q) for q, m in keys if m is not None), default=(float("nan"), ""))
    ok50 = pct(ms, 50) <= TARGET_P50_MS and not lost
    okmax = worst[0] <= TARGET_MAX_MS and not lost
    lines.append(
        _fmt("app key -> drawn", ms, f" ({worst[1]!r})  over {len(keys)} key presses")
        + (f", {lost} never drawn within {KEY_TIMEOUT_S:g} s" if lost else "")
        + f"  [targets p50 <= {TARGET_P50_MS:g} ms: {'ok' if ok50 else 'MISSED'},"
        f" max <= {TARGET_MAX_MS:g} ms: {'ok' if okmax else 'MISSED'}]"
    )
    lines.append(_fmt("baseline engine alone", app["engine"], "  (index.search, same keystrokes, no UI)"))
    bare_ms = [m for m in bare["ms"] if m is not None]
    lines.append(
        _fmt("baseline bare Textual", bare_ms, "  (Input + OptionList replaced with the same rows)")
        + (f", {len(bare['ms']) - len(bare_ms)} never drawn" if len(bare_ms) < len(bare["ms"]) else "")
    )
    if app["phases"]:
        names = ["key->Changed", "->worker", "engine", "->UI thread", "show()", "->painted"]
        med = [_median([p[i] for p in app["phases"]]) for i in range(len(names))]
        p95 = [pct([p[i] for p in app["phases"]], 95) for i in range(len(names))]
        lines.append(
            "where the time goes    median (p95) ms: "
            + ", ".join(f"{n} {m:.1f} ({q:.1f})" for n, m, q in zip(names, med, p95, strict=True))
        )
    for name, costs in (("app", app["costs"]), ("bare", bare["costs"])):
        if costs:
            parts = [
                f"{k} {_median([c[0][k] for c in costs]):.1f} ms"
                f" x{_median([c[1][k] for c in costs]):g} ({pct([c[0][k] for c in costs], 95):.1f})"
                for k in Painted.COSTS
            ]
            lines.append(f"frame work, {name:<4}       per key, median x count (p95): " + ", ".join(parts))
    slow = sorted(
        ((ms, q, d) for (q, ms), d in zip(keys, app["detail"], strict=True) if ms is not None),
        key=lambda x: x[0],
        reverse=True,
    )
    over = [x for x in slow if x[0] > TARGET_MAX_MS]
    for ms, q, (_ms, st, t0, costs) in (over or slow)[:3]:
        marks = ", ".join(f"{k} +{(v - t0) * 1000:.1f}" for k, v in sorted(st.items(), key=lambda kv: kv[1]))
        work = ", ".join(f"{k} {costs[0][k]:.1f} ms x{costs[1][k]}" for k in Painted.COSTS) if costs else "?"
        frames = " ".join(f"{k} +{(v - t0) * 1000:.1f}" for k, v in costs[2] if k != "gc") if costs else ""
        lines.append(f"slow key {q!r:<16} {ms:7.1f} ms: ({marks}; {work}; frame work at {frames})")
    for name, res in tried:
        ms_t = [m for _q, m in res["keys"] if m is not None]
        gcs = _median([c[0]["gc"] for c in res["costs"]]) if res["costs"] else float("nan")
        lines.append(
            _fmt(f"try {name}", ms_t, f"  (the app with {'; '.join(TWEAKS[t] for t in name.split('+'))})")
            + f"; over target: {sum(m > TARGET_MAX_MS for m in ms_t)}, gc per key median {gcs:.1f} ms"
        )
    updates = ", ".join(f"{k} {v}" for k, v in sorted(app["updates"].items())) or "none"
    lines.append(
        f"during typing          other panes updated: {updates}; {app['paints']} screen updates"
        f" for {len(keys)} key presses"
    )


class _Lines(list):
    def __init__(self, echo: bool) -> None:
        super().__init__()
        self.echo = echo

    def append(self, line: str) -> None:
        super().append(line)
        if self.echo:
            print(line, flush=True)


def run(
    quick: bool = False,
    echo: bool = False,
    *,
    source: Path | None = None,
    sizes: Sequence[int] | None = None,
    max_files: int | None = None,
    phrases: Sequence[str] | None = None,
    rounds: int | None = None,
    tries: Sequence[str] = (),
) -> list[str]:
    """Run the benchmark and return its report lines (also used by benchmarks/run.py).

    The keyword arguments are for tests: another source directory (e.g. seeds/), other sizes;
    `tries` runs the app again with proposed fixes applied from outside (see TWEAKS; "a+b").
    """
    lines = _Lines(echo)
    source = CORPUS if source is None else Path(source)
    if not source.is_dir():
        lines.append(
            f"app search benchmark skipped: {source} not found (needs ../shared beside the checkout)"
        )
        return list(lines)
    try:
        import reportview.ui.app  # noqa: F401
    except Exception as exc:  # the UI belongs to another engineer; absent is not a failure here
        lines.append(f"app search benchmark skipped: the UI is not importable ({type(exc).__name__}: {exc})")
        return list(lines)
    sizes = list(sizes) if sizes is not None else ([10_000] if quick else [10_000, 100_000])
    phrases = list(phrases) if phrases is not None else PHRASES
    rounds = rounds if rounds is not None else (1 if quick else 3)
    if max_files is None and quick:
        max_files = 900
    lines.append(f"app search benchmark ({'quick' if quick else 'full'}) on {source}, terminal {SIZE}")
    tmp = Path(tempfile.mkdtemp(prefix="rv-app-search-"))
    old_cache = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp / "cache")
    try:
        files = _articles(source, max_files)
        counts = _section_counts(files)
        for n in sizes:
            bench_size(files, counts, n, phrases, rounds, tmp, lines, tries)
    finally:
        if old_cache is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = old_cache
        shutil.rmtree(tmp, ignore_errors=True)
    return list(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    t = time.perf_counter()
    tries = [t for a in argv if a.startswith("--try=") for t in a[6:].split(",") if t]
    unknown = {x for t in tries for x in t.split("+")} - TWEAKS.keys()
    if unknown:
        print(f"unknown --try: {', '.join(sorted(unknown))}; known: {', '.join(TWEAKS)}", file=sys.stderr)
        return 2
    run("--quick" in argv, echo=True, tries=tries)
    print(f"({time.perf_counter() - t:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
