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

from reportview.cli.index import cmd_index, open_archive_index
from reportview.config import Config
from reportview.core.columns import COLUMN_NAMES, value_text, values
from reportview.core.corpus import LoadResult, load_corpus
from reportview.core.export import ExportError, Selection, check_output, display_value, write_export
from reportview.core.model import Report
from reportview.core.textsafe import json_lines, json_safe, one_line, printable


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
    # Files the config excludes (README*, LICENSE*) are left out on purpose: not said, not a skip.
    failed = [s for s in result.skipped if not getattr(s, "excluded", False)]
    for skipped in failed:
        print(f"reportview: skipped {_line(skipped.path)}: {_line(skipped.reason)}", file=sys.stderr)
    for report in result.reports:
        for warning in report.warnings:
            print(f"reportview: {_line(report.path)}: {_line(warning)}", file=sys.stderr)
    named_files = {str(Path(p)) for p in paths if not Path(p).is_dir()}
    # One rule: a file named as PATH that gives no report (empty, binary, unreadable) is bad input
    # (2); a file skipped inside a folder is a skipped input (1), the rest still comes out.
    code = 0
    if failed:
        code = 2 if any(s.path in named_files for s in failed) else 1
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
        "index": cmd_index,
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


def _reports(n: int) -> str:
    return f"{n:,} report" if n == 1 else f"{n:,} reports"


def _no_section(reports: Sequence[Report], number: int) -> str:
    """Why `--section N` found nothing, in one line."""
    numbers = sorted({sec.number for r in reports for sec in r.sections if sec.number is not None})
    have = f"sections here: {numbers[0]}-{numbers[-1]}" if numbers else "no numbered sections here"
    return f"reportview: no section {number} in {_reports(len(reports))} ({have})"


def cmd_figures(args: argparse.Namespace, config: Config) -> int:
    loaded = _load(args, config)
    if isinstance(loaded, int):
        return loaded
    result, code = loaded
    selection = Selection.of_reports(result.reports, args.section)
    if args.section is not None and not selection.parts and result.reports:
        print(_no_section(result.reports, args.section), file=sys.stderr)
        return _finish(code, False)
    out = sys.stdout
    fmt = args.format or ("table" if out.isatty() else "jsonl")
    if fmt == "jsonl":
        out.writelines(json_lines(f.as_json(report.path) for report, f in selection.pairs()))
    elif fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(COLUMN_NAMES)
        writer.writerows([_csv_cell(v, fmt) for v in values(r, f)] for r, f in selection.pairs())
        out.write(buf.getvalue())
    else:
        _figures_tables(selection, out)
    if not selection.n_figures and result.reports:
        print(f"reportview: no figures in {_reports(len(result.reports))}", file=sys.stderr)
    return _finish(code, selection.n_figures > 0)


def _figures_tables(selection: Selection, out) -> None:
    """A Rich table per report, numbers in the report's own convention (39.399,4 or 39,399.4)."""
    # Rich only for a table on a terminal: a piped run (jsonl, csv) does not import it.
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=False)
    for part in selection.parts:
        report = part.report
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
        for f in part.figures:
            extra = " ".join(
                x for x in (f.qualifier or "", {"up": "▲", "down": "▼"}.get(f.change or "", "")) if x
            )
            value = display_value(f, report.convention)
            if f.total is not None:
                value += f"/{value_text(f.total)}"
            table.add_row(
                Text(str(f.section_number) if f.section_number is not None else "·"),
                Text(one_line(f.text)),
                Text(value),
                Text(f.kind),
                Text(one_line(f.unit)),
                Text(one_line(f.label or "")),
                Text(extra),
            )
        console.print(table)


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

    if not (args.query or "").strip():
        return _die(
            "reportview search: give a QUERY, e.g. reportview search 'cu tri di bau' seeds/"
            " (PATH is optional: default the configured corpus)"
        )
    limit = args.limit or config.search_limit
    if limit < 1:
        return _die("reportview search: --limit must be at least 1")
    if getattr(args, "archive", None):
        index, code = _archive_index(args)
        if index is None:
            return code
    else:
        loaded = _load(args, config, with_terms=True)
        if isinstance(loaded, int):
            return loaded
        result, code = loaded
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
    if not hits:
        where = _reports(len(result.reports))
        print(f"reportview: no results for {_line(repr(args.query))} in {where}", file=sys.stderr)
    return _finish(code, bool(hits))


def _archive_index(args: argparse.Namespace):  # -> tuple[SearchIndex | None, int]
    from reportview.core.archive.reader import ArchiveError

    if args.paths:
        return None, _die("reportview search: give PATHs or --archive, not both")
    try:
        return open_archive_index(args.archive), 0
    except ArchiveError as exc:
        return None, _die(f"reportview search: {_line(exc)}")


def cmd_export(args: argparse.Namespace, config: Config) -> int:
    paths = args.paths or [str(p) for p in config.corpus_paths()]
    # Never write into a folder being read, nor into the configured corpus.
    protected = [Path(p) for p in [*paths, *config.corpus_paths()] if Path(p).is_dir()]
    try:  # refuse a bad output before reading anything
        check_output(args.output, args.force, protected)
    except ExportError as exc:
        return _die(f"reportview export: {_line(str(exc))}")
    loaded = _load(args, config)
    if isinstance(loaded, int):
        return loaded
    result, code = loaded
    selection = Selection.of_reports(result.reports, args.section)
    if args.section is not None and not selection.parts and result.reports:
        print(_no_section(result.reports, args.section) + "; nothing written", file=sys.stderr)
        return _finish(code, False)
    try:
        n = write_export(Path(args.output), selection, force=args.force, protected=protected)
    except ExportError as exc:
        return _die(f"reportview export: {_line(str(exc))}")
    except OSError as exc:
        return _die(f"reportview export: {_line(args.output)}: {exc.strerror or exc}")
    print(f"wrote {n} figures from {_reports(len(selection.parts))} to {_line(args.output)}", file=sys.stderr)
    return _finish(code, n > 0)


def cmd_compare(args: argparse.Namespace, config: Config) -> int:
    from reportview.cli.compare_cmd import cmd_compare as run_compare

    return run_compare(args, config, _load)


def cmd_cache(args: argparse.Namespace, config: Config) -> int:
    from reportview.core.cache import ParseCache

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
    """Every key as the help screen lists it (remaps applied), with the id to remap it under `keys:`."""
    from reportview.ui.actions import keys_listing

    rows = keys_listing(dict(config.keys))
    width = max(len(keys) for _g, keys, _d, _i in rows)
    group = None
    for grp, keys, does, binding_id in rows:
        if grp != group:
            print(("\n" if group else "") + grp)
            group = grp
        tail = f"  keys.{binding_id}" if binding_id else ""
        print(_line(f"  {keys.ljust(width)}  {does}{tail}"))
    return 0
