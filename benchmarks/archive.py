"""Archives at scale: build time, open time and memory flat with size, search against in-memory.

    python benchmarks/archive.py --quick   # 2k vs 20k reports (the must; ~5-10 min on 2 cores)
    python benchmarks/archive.py           # 20k vs 200k reports (long: run once, in the background)

Synthetic corpora replicate ../shared/corpus/vn-news into distinct copies (each file renamed with
its copy number and its last line given a varied ending, "(lưu trữ K)", so nothing is deduplicated). In one
run it prints: archive build time with the local engine (both sizes) and with Dask on a
LocalCluster of 2 worker processes (the small size, checked identical to the local archive),
against the read+regex floor (read, decode, find every number: no parsing); opening each archive
(warm: a second fresh process) and its peak RSS, in a fresh process each: the archive, its search
index, the first page of the reports list and the first report, then every keystroke below; search
p50/p95 over the big archive against the in-memory engine on 10k sections of vn-news, same run.
The last line is the summary: rss big/small, open big/small, search p95 archive/in-memory,
whether the Dask archive was identical.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import resource
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

SHARED = Path(os.environ.get("REPORTVIEW_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "vn-news"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
PHRASES = [
    "ngân sách",
    "tăng trưởng kinh tế",
    "xuat khau",
    "doanh nghiệp",
    "bất động sản",
    "lai suat ngan hang",
    "chứng khoán",
    "cu tri di bau",
    "giá xăng",
    "ngân sáhc",
    "GDP",
    "thị trường",
]
VARIED = ["lưu trữ", "bản chép", "kho tư liệu", "sao lục", "tư liệu gốc", "bản phụ"]
MEMORY_SECTIONS = 10_000


def keystrokes(phrase: str) -> list[str]:
    return [phrase[:i] for i in range(1, len(phrase) + 1) if not phrase[:i].endswith(" ")]


QUERIES = [k for p in PHRASES for k in keystrokes(p)]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))]


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


def floor_seconds(folder: Path) -> float:
    """Read every file, decode it, find every number: what no build can go under."""
    t = time.perf_counter()
    for f in sorted(folder.rglob("*.txt")):
        NUMBER.findall(f.read_bytes().decode("utf-8", errors="replace"))
    return time.perf_counter() - t


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
    tables = {
        "reports": "id",
        "sections": "report_id, idx",
        "figures": "id",
        "archive_files": "report_id",
        "archive_texts": "report_id",
        "archive_units": "uid",
        "archive_terms": "word",
        "archive_skipped": "pos",
    }
    ca, cb = sqlite3.connect(a / "archive.sqlite"), sqlite3.connect(b / "archive.sqlite")
    try:
        for table, key in tables.items():
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


def child_open(directory: str) -> dict:
    """In a fresh process: open the archive as the app does, then search every keystroke."""
    t = time.perf_counter()
    from reportview.core.archive.reader import Archive
    from reportview.core.archive.search import ArchiveIndex

    archive = Archive(directory)
    index = ArchiveIndex(archive)
    rows = archive.rows(0, 60)
    archive.report(0)
    open_s = time.perf_counter() - t
    index.search("xyzzy")
    gc.collect()
    gc.freeze()
    times = []
    for q in QUERIES:
        s = time.perf_counter()
        index.search(q, 50)
        times.append((time.perf_counter() - s) * 1000)
    return {
        "open_s": open_s,
        "rows": len(rows),
        "reports": archive.n_reports,
        "units": archive.n_units,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "p50": pct(times, 50),
        "p95": pct(times, 95),
    }


def open_archive(directory: Path) -> dict:
    """The second of two fresh-process opens (the first warms the page cache)."""
    out = {}
    for _ in range(2):
        run = subprocess.run(
            [sys.executable, __file__, "--child-open", str(directory)],
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0:
            raise RuntimeError(run.stderr[-3000:])
        out = json.loads(run.stdout.strip().splitlines()[-1])
    return out


def in_memory_search() -> tuple[float, float, int]:
    """The in-memory engine over the first 10k sections of vn-news: p50, p95 (ms), sections."""
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
    index = SearchIndex.build(reports, terms)
    index.search("xyzzy")
    gc.collect()
    gc.freeze()
    try:
        times = []
        for q in QUERIES:
            s = time.perf_counter()
            index.search(q, 50)
            times.append((time.perf_counter() - s) * 1000)
    finally:
        gc.unfreeze()
    return pct(times, 50), pct(times, 95), sections


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2k vs 20k reports (default 20k vs 200k)")
    parser.add_argument("--child-open", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", metavar="DIR", help="where to put the synthetic corpora and archives")
    args = parser.parse_args()
    if args.child_open:
        print(json.dumps(child_open(args.child_open)))
        return 0
    if not CORPUS.is_dir():
        print(f"archive: needs {CORPUS} (set REPORTVIEW_SHARED)", file=sys.stderr)
        return 2
    small_n, big_n = (2_000, 20_000) if args.quick else (20_000, 200_000)
    work = Path(tempfile.mkdtemp(prefix="rv-archive-bench-", dir=args.workdir))
    os.environ.setdefault("XDG_CACHE_HOME", str(work / "xdg"))
    lines: list[str] = []
    try:
        mem_p50, mem_p95, mem_sections = in_memory_search()
        sizes = {}
        for n in (small_n, big_n):
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
                f"open  {n:>7,} reports ({o['units']:,} units): {o['open_s'] * 1000:6.0f} ms warm,"
                f" peak RSS {o['rss_mb']:5.0f} MB (after {len(QUERIES)} searches);"
                f" search p50 {o['p50']:6.2f} ms p95 {o['p95']:6.2f} ms"
            )
            print(lines[-1], flush=True)
        lines.append(
            f"in-memory engine, {mem_sections:,} sections of vn-news: search p50 {mem_p50:6.2f} ms"
            f" p95 {mem_p95:6.2f} ms over the same {len(QUERIES)} keystrokes"
        )
        s, b = opened[small_n], opened[big_n]
        lines.append(
            f"archive: rss big/small {b['rss_mb'] / s['rss_mb']:.2f}x · open big/small"
            f" {b['open_s'] / s['open_s']:.2f}x · search p95 vs in-memory {b['p95'] / mem_p95:.2f}x"
            f" · dask identical: {'yes' if same else 'no'}"
        )
        print("\n".join(lines[-2:]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
