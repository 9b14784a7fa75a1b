"""The non-interactive commands: outline, figures, search, export, cache, keys."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reportview.config import BINDING_IDS, Config
from reportview.core.corpus import LoadResult, load_corpus
from reportview.core.export import ExportError, check_output, rows_for, value_text, write_export
from reportview.core.loading import is_empty_reason
from reportview.core.model import FIGURE_JSON_KEYS, Report
from reportview.core.textsafe import json_safe, one_line, printable


class InputPathError(Exception):
    """A PATH that does not exist: bad usage."""


def _line(text: object) -> str:
    """Text for one line of output: controls, bidi characters and newlines made visible."""
    return printable(str(text), keep_newlines=False)


def check_paths(paths: Sequence[str]) -> None:
    for p in paths:
        if not os.path.lexists(p):
            raise SystemExit(_die(f"reportview: {_line(p)}: no such file or folder"))


def _die(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def _load(args: argparse.Namespace, config: Config, with_terms: bool = False) -> tuple[LoadResult, int] | int:
    paths = args.paths or [str(p) for p in config.corpus_paths()]
    for p in paths:
        if not os.path.lexists(p):
            return _die(f"reportview: {_line(p)}: no such file or folder")
    result = load_corpus(paths, config, use_cache=not getattr(args, "no_cache", False), with_terms=with_terms)
    for skipped in result.skipped:
        print(f"reportview: skipped {_line(skipped.path)}: {_line(skipped.reason)}", file=sys.stderr)
    for report in result.reports:
        for warning in report.warnings:
            print(f"reportview: {_line(report.path)}: {_line(warning)}", file=sys.stderr)
    named_files = {str(Path(p)) for p in paths if not Path(p).is_dir()}
    # A file named on the command line that cannot be read is bad input (2); inside folders, or a
    # named file that is merely empty, it is a skipped input (1).
    code = 0
    if result.skipped:
        unreadable = any(s.path in named_files and not is_empty_reason(s.reason) for s in result.skipped)
        code = 2 if unreadable else 1
    return result, code


def run(args: argparse.Namespace, config: Config) -> int:
    handler = {
        "outline": cmd_outline,
        "figures": cmd_figures,
        "search": cmd_search,
        "export": cmd_export,
        "compare": cmd_compare,
        "cache": cmd_cache,
        "keys": cmd_keys,
    }[args.command]
    return handler(args, config)


def _finish(code: int, found: bool) -> int:
    if code:
        return code
    return 0 if found else 1


def cmd_outline(args: argparse.Namespace, config: Config) -> int:
    loaded = _load(args, config)
    if isinstance(loaded, int):
        return loaded
    result, code = loaded
    out = sys.stdout
    if args.format == "json":
        out.write(
            json_safe(json.dumps([r.outline_json() for r in result.reports], ensure_ascii=False, indent=1))
        )
        out.write("\n")
    else:
        for report in result.reports:
            out.write(f"{_line(report.path)}\n")
            out.write(f"  title: {one_line(report.title) if report.title else '(none)'}\n")
            out.write(f"  date:  {report.date or '(none)'}\n")
            for s in report.sections:
                num = f"{s.number:>3}." if s.number is not None else "   ·"
                out.write(f"  {num} {one_line(s.title)}  [{s.start}:{s.end}]\n")
            out.write("\n")
    return _finish(code, bool(result.reports))


def _selected_figures(report: Report, section: int | None) -> list:
    if section is None:
        return list(report.figures)
    return [f for f in report.figures if f.section_number == section]


def cmd_figures(args: argparse.Namespace, config: Config) -> int:
    loaded = _load(args, config)
    if isinstance(loaded, int):
        return loaded
    result, code = loaded
    out = sys.stdout
    count = 0
    if args.format == "jsonl":
        for report in result.reports:
            for f in _selected_figures(report, args.section):
                out.write(json_safe(json.dumps(f.as_json(report.path), ensure_ascii=False)) + "\n")
                count += 1
    elif args.format in ("csv", "tsv"):
        columns = FIGURE_JSON_KEYS
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if args.format == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        for report in result.reports:
            for f in _selected_figures(report, args.section):
                row = f.as_json(report.path)
                cells = [_csv_cell(row[c], args.format) for c in columns]
                writer.writerow(cells)
                count += 1
        out.write(buf.getvalue())
    else:
        console = Console(file=out, highlight=False, soft_wrap=False)
        for report in result.reports:
            figs = _selected_figures(report, args.section)
            count += len(figs)
            table = Table(title=Text(_line(report.display_title)), title_justify="left", expand=False)
            for name, justify in (
                ("§", "right"),
                ("as written", "left"),
                ("value", "right"),
                ("kind", "left"),
                ("unit", "left"),
                ("label", "left"),
                ("±", "left"),
            ):
                table.add_column(name, justify=justify, overflow="fold")
            for f in figs:
                extra = " ".join(
                    x for x in (f.qualifier or "", {"up": "▲", "down": "▼"}.get(f.change or "", "")) if x
                )
                table.add_row(
                    Text(str(f.section_number) if f.section_number is not None else "·"),
                    Text(one_line(f.text)),
                    Text(value_text(f.value) + (f"/{value_text(f.total)}" if f.total is not None else "")),
                    Text(f.kind),
                    Text(one_line(f.unit)),
                    Text(one_line(f.label or "")),
                    Text(extra),
                )
            console.print(table)
    return _finish(code, count > 0)


def _csv_cell(value: object, fmt: str) -> str:
    """A csv/tsv cell for the terminal: controls shown as symbols (JSON keeps the exact text)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return value_text(value)
    text = str(value)
    return one_line(text) if fmt == "tsv" else printable(text)


def cmd_search(args: argparse.Namespace, config: Config) -> int:
    from reportview.core.search import SearchIndex

    loaded = _load(args, config, with_terms=True)
    if isinstance(loaded, int):
        return loaded
    result, code = loaded
    limit = args.limit or config.search_limit
    if limit < 1:
        return _die("reportview search: --limit must be at least 1")
    index = SearchIndex.build(result.reports, result.terms)
    hits = index.search(args.query, limit=limit)
    if args.format == "json":
        sys.stdout.write(json_safe(json.dumps([h.as_json() for h in hits], ensure_ascii=False, indent=1)))
        sys.stdout.write("\n")
    else:
        for h in hits:
            sec = f"§{h.section}" if h.section is not None else "§·"
            head = f"{h.score:6.1f}  {_line(h.doc)} {sec}  {one_line(h.title)}"
            sys.stdout.write(f"{head}\n        {one_line(h.snippet)}\n")
    return _finish(code, bool(hits))


def cmd_export(args: argparse.Namespace, config: Config) -> int:
    paths = args.paths or [str(p) for p in config.corpus_paths()]
    # Never write into a folder being read, nor into the configured corpus.
    protected = [Path(p) for p in [*paths, *config.corpus_paths()] if Path(p).is_dir()]
    try:  # refuse a bad output before reading anything
        check_output(Path(args.output), args.force, protected)
    except ExportError as exc:
        return _die(f"reportview export: {_line(str(exc))}")
    loaded = _load(args, config)
    if isinstance(loaded, int):
        return loaded
    result, code = loaded
    rows = rows_for(result.reports)
    try:
        n = write_export(Path(args.output), result.reports, rows, force=args.force, protected=protected)
    except ExportError as exc:
        return _die(f"reportview export: {_line(str(exc))}")
    except OSError as exc:
        return _die(f"reportview export: {_line(args.output)}: {exc.strerror or exc}")
    print(f"wrote {n} figures from {len(result.reports)} reports to {_line(args.output)}", file=sys.stderr)
    return _finish(code, n > 0)


def cmd_compare(args: argparse.Namespace, config: Config) -> int:
    from reportview.cli.compare_cmd import cmd_compare as run_compare

    return run_compare(args, config, _load)


def cmd_cache(args: argparse.Namespace, config: Config) -> int:
    from reportview.core.store import ParseCache

    cache = ParseCache.open_default(config)
    if args.action == "clear":
        removed = cache.clear()
        print(f"cleared {removed} cached reports from {cache.path}")
        return 0
    info = cache.info()
    print(f"path:    {cache.path}")
    print(f"reports: {info['rows']}")
    print(f"size:    {info['bytes'] / 1024:.0f} KiB")
    return 0


def cmd_keys(args: argparse.Namespace, config: Config) -> int:
    for binding in BINDING_IDS:
        print(f"{binding:24} {config.keys.get(binding, '')}")
    return 0
