"""Archives at scale: build time, open time and memory flat with size, search against in-memory.

    python benchmarks/archive.py --quick   # 2k vs 20k reports (the must; ~5-10 min on 2 cores)
    python benchmarks/archive.py           # 20k vs 200k reports (long: run once, in the background)

Synthetic corpora replicate ../shared/corpus/vn-news into distinct copies (each file renamed with
its copy number and its last line given a varied ending, "(lưu trữ K)", so nothing is deduplicated). In one
run it prints: archive build time with the local engine (both sizes) and with Dask on a
LocalCluster of 2 worker processes (the small size, checked identical to the local archive),
against the read+regex floor (read, decode, find every number: no parsing); the app opening each
archive (warm: the second of two fresh processes; headless, until the first report is on screen)
and its peak RSS after a search; the archive and its index alone (open, first page of rows, first
report) and, in that process, search p50/p95 over every keystroke below, against the in-memory
engine on 10k sections of vn-news, same run.
The last line is the summary: rss big/small, open big/small, search p95 archive/in-memory,
whether the Dask archive was identical.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportview.core.archive.build import BuildStats

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tui"))
sys.path.insert(0, str(ROOT / "benchmarks"))

# The same typed phrases, keystroke by keystroke, and percentiles as the in-memory engine's benchmark;
# the same read+regex floor as the load benchmark's.
from run import baseline_pass  # noqa: E402
from search_bench import PHRASES, keystrokes, pct  # noqa: E402

from reportview.core.archive.schema import TABLE_KEYS  # noqa: E402

SHARED = Path(os.environ.get("REPORTVIEW_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "vn-news"
VARIED = ["lưu trữ", "bản chép", "kho tư liệu", "sao lục", "tư liệu gốc", "bản phụ"]
MEMORY_SECTIONS = 10_000


QUERIES = [k for p in PHRASES for k in keystrokes(p)]


def make_corpus(target: Path, n: int) -> Path:
    """`n` distinct files made from vn-news: copy K of a file is named copyK_NAME, one line added."""
    sources = sorted(p for p in CORPUS.glob("*.txt") if p.is_file())
    texts = [p.read_text(encoding="utf-8") for p in sources]
    target.mkdir(parents=True)
    for i in range(n):
        k, j = divmod(i, len(sources))
        folder = target / f"c{k:03d}"
        if j == 0:
            folder.mkdir()
        # Into the last paragraph: a line of its own would change how the article is sectioned.
        varied = f"{texts[j].rstrip()} ({VARIED[k % len(VARIED)]} {k * len(sources) + j})\n"
        (folder / f"copy{k:03d}_{sources[j].name}").write_text(varied, encoding="utf-8")
    return target


def copy_archive(src: Path, out: Path, times: int) -> float:
    """An archive of `times` copies of `src`'s reports, merged with SQL (no parsing), FTS5 built."""
    from reportview.core.archive import build as archive_build

    t = time.perf_counter()
    out.mkdir(parents=True)
    db = out / "archive.sqlite"
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.executescript(archive_build.ARCHIVE_SCHEMA)
        reports, units, _ = archive_build._merge(conn, None, {}, [src / "archive.sqlite"] * times, [])
        archive_build._build_search(conn)
        src_meta = sqlite3.connect(src / "archive.sqlite").execute("SELECT key, value FROM archive_meta")
        meta = dict(src_meta.fetchall())
        meta.update(reports=str(reports), units=str(units))
        conn.executemany("INSERT INTO archive_meta VALUES (?,?)", list(meta.items()))
        conn.commit()
    finally:
        conn.close()
    return time.perf_counter() - t


def floor_seconds(folder: Path) -> float:
    """Read every file, decode it, find every number: what no build can go under."""
    return baseline_pass(sorted(folder.rglob("*.txt")))[0]


def build(folder: Path, out: Path, engine: str, scheduler: str | None = None) -> BuildStats:
    from reportview.config import default_config
    from reportview.core.archive.build import index_archive
    from reportview.core.archive.engines import mapper_for

    config = default_config()
    return index_archive(
        [str(folder)], out, config, mapper_for(engine, config, scheduler, workers=2), engine
    )[0]


def identical(a: Path, b: Path) -> bool:
    """Every table's rows equal (key order), the FTS index answering the same."""
    ca, cb = sqlite3.connect(a / "archive.sqlite"), sqlite3.connect(b / "archive.sqlite")
    try:
        for table, key in TABLE_KEYS.items():
            # archive_files holds the file's mtime: the same files, so equal too.
            qa = ca.execute(f"SELECT * FROM {table} ORDER BY {key}")
            qb = cb.execute(f"SELECT * FROM {table} ORDER BY {key}")
            while True:
                ra, rb = qa.fetchmany(2000), qb.fetchmany(2000)
                if ra != rb:
                    return False
                if not ra:
                    break
        q = "SELECT rowid FROM archive_fts WHERE archive_fts MATCH 'ngan OR kinh OR luu' ORDER BY rowid"
        return ca.execute(q).fetchall() == cb.execute(q).fetchall()
    finally:
        ca.close()
        cb.close()


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM: ru_maxrss would carry the parent's over fork + exec)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child_open(directory: str) -> dict:
    """In a fresh process: open the archive and its index as the app does; then time every
    keystroke over it and over the in-memory engine on 10k sections, interleaved (same load)."""
    t = time.perf_counter()
    from reportview.core.archive.reader import Archive
    from reportview.core.archive.search import ArchiveIndex

    archive = Archive(directory)
    index = ArchiveIndex(archive)
    rows = archive.rows(0, 60)
    archive.report(0)
    open_s = time.perf_counter() - t
    rss_open = peak_rss_mb()
    memory, sections = in_memory_index()
    index.search("xyzzy")
    memory.search("xyzzy")
    gc.collect()
    gc.freeze()
    times, mem_times = [], []
    for q in QUERIES:
        s = time.perf_counter()
        index.search(q, 50)
        times.append((time.perf_counter() - s) * 1000)
        s = time.perf_counter()
        memory.search(q, 50)
        mem_times.append((time.perf_counter() - s) * 1000)
    return {
        "open_s": open_s,
        "rows": len(rows),
        "reports": archive.n_reports,
        "units": archive.n_units,
        "rss_mb": rss_open,
        "p50": pct(times, 50),
        "p95": pct(times, 95),
        "mem_p50": pct(mem_times, 50),
        "mem_p95": pct(mem_times, 95),
        "mem_sections": sections,
    }


def child_app(directory: str) -> dict:
    """In a fresh process: the app itself over the archive (headless, 120x40), opened lazily at
    both sizes (archive_in_memory_max 0, so that the two sizes take the same path): time from
    creating the app to the first report on screen, then a search typed, peak RSS."""
    import asyncio
    import dataclasses

    from reportview.config import default_config
    from reportview.ui.app import ReportViewApp

    config = dataclasses.replace(default_config(), archive_in_memory_max=0)
    query = "ngân sách"

    async def run() -> dict:
        t = time.perf_counter()
        app = ReportViewApp(paths=[directory], config=config, use_cache=False, archive=directory)
        async with app.run_test(size=(120, 40)) as pilot:
            while not app.loaded.is_set():
                await pilot.pause(0.005)
            await pilot.pause()
            opened = time.perf_counter() - t
            assert app.main.report_index == 0
            await pilot.press("slash", *query)
            while app.main.results_query != query:
                await pilot.pause(0.01)
            await pilot.pause()
            hits = len(app.main.search_hits)
        return {"app_open_s": opened, "app_hits": hits}

    out = asyncio.run(run())
    out["app_rss_mb"] = peak_rss_mb()
    return out


def open_archive(directory: Path) -> dict:
    """The second of two fresh-process opens (the first warms the page cache), of the archive
    and its index alone and of the app."""
    out: dict = {}
    for mode in ("--child-open", "--child-open", "--child-app", "--child-app"):
        run = subprocess.run(
            [sys.executable, __file__, mode, str(directory)],
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0:
            raise RuntimeError(run.stderr[-3000:])
        out.update(json.loads(run.stdout.strip().splitlines()[-1]))
    return out


def in_memory_index():  # -> tuple[SearchIndex, int]
    """The in-memory engine over the first 10k sections of vn-news (and how many sections)."""
    from reportview.config import default_config
    from reportview.core.corpus import load_corpus
    from reportview.core.search import SearchIndex

    result = load_corpus([str(CORPUS)], default_config(), use_cache=True, with_terms=True)
    reports, terms, sections = [], [], 0
    for r, t in zip(result.reports, result.terms, strict=True):
        reports.append(r)
        terms.append(t)
        sections += len(r.sections)
        if sections >= MEMORY_SECTIONS:
            break
    return SearchIndex.build(reports, terms), sections


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2k vs 20k reports (default 20k vs 200k)")
    parser.add_argument("--child-open", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--child-app", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", metavar="DIR", help="where to put the synthetic corpora and archives")
    parser.add_argument("--keep", action="store_true", help="leave the corpora and archives (says where)")
    parser.add_argument(
        "--copies",
        nargs=2,
        type=int,
        metavar=("N", "K"),
        help="parse N reports; make the big archive of K copies of that one, merged by SQL (no parsing:"
        " for measuring the app and search when parsing N*K files takes too long; copies repeat words)",
    )
    args = parser.parse_args()
    if args.child_open:
        print(json.dumps(child_open(args.child_open)))
        return 0
    if args.child_app:
        print(json.dumps(child_app(args.child_app)))
        return 0
    if not CORPUS.is_dir():
        print(f"archive: needs {CORPUS} (set REPORTVIEW_SHARED)", file=sys.stderr)
        return 2
    small_n, big_n = (2_000, 20_000) if args.quick else (20_000, 200_000)
    if args.copies:
        small_n, big_n = args.copies[0], args.copies[0] * args.copies[1]
    work = Path(tempfile.mkdtemp(prefix="rv-archive-bench-", dir=args.workdir))
    os.environ.setdefault("XDG_CACHE_HOME", str(work / "xdg"))
    lines: list[str] = []
    try:
        sizes = {}
        for n in (small_n,) if args.copies else (small_n, big_n):
            t = time.perf_counter()
            folder = make_corpus(work / f"corpus{n}", n)
            made = time.perf_counter() - t
            floor = floor_seconds(folder)
            stats = build(folder, work / f"archive{n}", "local")
            local = stats.seconds
            mb = sum(f.stat().st_size for f in folder.rglob("*.txt")) / 1e6
            size_mb = (work / f"archive{n}" / "archive.sqlite").stat().st_size / 1e6
            sizes[n] = {"folder": folder, "floor": floor, "local": local, "mb": mb, "archive_mb": size_mb}
            lines.append(
                f"build {n:>7,} reports ({mb:6.0f} MB, made in {made:.0f} s): local engine {local:7.1f} s"
                f" ({local / floor:5.1f}x the read+regex floor {floor:.1f} s;"
                f" parsing {stats.parse_seconds:.1f} s, merge + FTS5 {local - stats.parse_seconds:.1f} s),"
                f" {stats.units:,} units, archive {size_mb:.0f} MB"
            )
            print(lines[-1], flush=True)
        if args.copies:
            copied = copy_archive(work / f"archive{small_n}", work / f"archive{big_n}", args.copies[1])
            size_mb = (work / f"archive{big_n}" / "archive.sqlite").stat().st_size / 1e6
            lines.append(
                f"build {big_n:>7,} reports: {args.copies[1]} copies of the {small_n:,} merged by SQL in"
                f" {copied:.1f} s (no parsing; FTS5 and term counts built), archive {size_mb:.0f} MB"
            )
            print(lines[-1], flush=True)
        from distributed import LocalCluster

        small = sizes[small_n]
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl:
            dask_s = build(small["folder"], work / f"dask{small_n}", "dask", cl.scheduler_address).seconds
        same = identical(work / f"archive{small_n}", work / f"dask{small_n}")
        lines.append(
            f"build {small_n:>7,} reports: dask LocalCluster(2 workers) {dask_s:7.1f} s"
            f" vs local engine {small['local']:.1f} s vs read+regex floor {small['floor']:.1f} s;"
            f" archive identical to the local engine's: {'yes' if same else 'NO'}"
        )
        print(lines[-1], flush=True)
        opened = {n: open_archive(work / f"archive{n}") for n in (small_n, big_n)}
        for n, o in opened.items():
            lines.append(
                f"app   {n:>7,} reports ({o['units']:,} units): open {o['app_open_s'] * 1000:6.0f} ms warm"
                f" (app created -> first report shown), peak RSS {o['app_rss_mb']:5.0f} MB after a search"
                f" ({o['app_hits']} hits) | archive + index alone: open {o['open_s'] * 1000:5.0f} ms,"
                f" peak RSS {o['rss_mb']:4.0f} MB; search p50 {o['p50']:6.2f} ms p95 {o['p95']:6.2f} ms"
                f" vs in-memory engine on {o['mem_sections']:,} sections p50 {o['mem_p50']:6.2f} ms"
                f" p95 {o['mem_p95']:6.2f} ms (same {len(QUERIES)} keystrokes, interleaved)"
            )
            print(lines[-1], flush=True)
        s, b = opened[small_n], opened[big_n]
        rss, opening, p95 = (
            b["app_rss_mb"] / s["app_rss_mb"],
            b["app_open_s"] / s["app_open_s"],
            b["p95"] / b["mem_p95"],
        )
        lines.append(
            f"archive: rss big/small {rss:.2f}x · open big/small {opening:.2f}x"
            f" · search p95 vs in-memory {p95:.2f}x"
            f" · dask identical: {'yes' if same else 'no'}"
        )
        print(lines[-1])
    finally:
        if args.keep:
            print(f"kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
