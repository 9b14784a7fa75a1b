"""`reportview index`: build or update an archive (reports, figures and a search index on disk)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reportview.config import Config
from reportview.core.textsafe import printable


def default_archive_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("reportview")) / "archive"


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "index", parents=[common], help="build or update an archive: reports and a search index on disk"
    )
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="who parses (default local)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --engine dask)")
    p.add_argument("--archive", metavar="DIR", help=f"archive folder (default {default_archive_dir()})")
    p.add_argument("--workers", type=int, metavar="N", help="parsing processes (default: all cores)")


def add_search_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--archive", metavar="DIR", help="search this archive (built by 'reportview index')")


def cmd_index(args: argparse.Namespace, config: Config) -> int:
    from reportview.core.archive.build import ArchiveBusy, index_archive
    from reportview.core.archive.engines import EngineUnavailable, mapper_for

    paths = args.paths or [str(p) for p in config.corpus_paths()]
    for p in paths:
        if "://" not in p and not os.path.lexists(p):  # a URL (fsspec) is checked by the build
            print(f"reportview: {printable(p, keep_newlines=False)}: no such file or folder", file=sys.stderr)
            return 2
    if args.scheduler and args.engine != "dask":
        print("reportview index: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    out = Path(args.archive) if args.archive else default_archive_dir()
    try:
        mapper = mapper_for(args.engine, config, args.scheduler, args.workers)
        stats, skipped = index_archive(paths, out, config, mapper, engine=args.engine)
    except (EngineUnavailable, ArchiveBusy, FileNotFoundError) as exc:
        print(printable(f"reportview index: {exc}", keep_newlines=False), file=sys.stderr)
        return 2
    for s in skipped:
        line = printable(f"reportview: skipped {s.path}: {s.reason}", keep_newlines=False)
        print(line, file=sys.stderr)
    print(
        f"{stats.reports} reports in {printable(str(out), keep_newlines=False)}"
        f" ({stats.parsed} parsed, {stats.from_cache} from the parse cache, {stats.reused} unchanged,"
        f" {stats.skipped} skipped;"
        f" {stats.units} search units) in {stats.seconds:.1f} s, engine {stats.engine}"
    )
    return 1 if stats.skipped else 0


def open_archive_index(directory: str):  # -> ArchiveIndex
    """The search index of the archive in `directory` (ArchiveError when there is none)."""
    from reportview.core.archive.reader import Archive
    from reportview.core.archive.search import ArchiveIndex

    return ArchiveIndex(Archive(directory))
