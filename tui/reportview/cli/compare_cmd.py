"""`reportview compare`: one indicator across reports, long form or place × period."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportview.core.export import ExportError, atomic_write, check_output
from reportview.core.indicators import IndicatorError, registry, resolve
from reportview.core.textsafe import json_lines, json_safe, one_line, printable

# Every start builds every command's parser (add_parser); what only `compare` runs (the matching,
# the tables, Rich) is imported when it runs, so that other commands do not pay for it.
if TYPE_CHECKING:
    from reportview.core.compare import CompareRow
    from reportview.core.indicators import Indicator

FORMATS = ("table", "csv", "json", "jsonl", "md", "xlsx")

EPILOG = """\
indicators (built in; config.yaml adds more under compare: indicators:):
{ids}
any other text is a free-text indicator matched against figure labels, e.g. "sản lượng lương thực".

examples:
  reportview compare grdp_growth_pct ../shared/corpus/provinces --pivot
  reportview compare grdp_growth_pct,budget_revenue_vnd reports/ --format csv > out.csv
  reportview compare export_value_usd reports/ --pivot --format xlsx --output exports.xlsx
"""


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    ids = "\n".join(f"  {i.id:22} {i.title} ({i.measure}, {'/'.join(i.units[:2]) or 'any unit'})"
                    for i in registry().values())  # fmt: skip
    p = sub.add_parser(
        "compare",
        parents=[common],
        help="one indicator across reports: a row per report, or place × period",
        description="Find each report's headline figure for an indicator (its own place and period, "
        "not a plan target, not another place, not a sub-sector) and line the reports up.",
        epilog=EPILOG.format(ids=ids),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "indicator", metavar="INDICATOR", help="an indicator id, several joined by commas, or free text"
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: the configured corpus)"
    )
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.add_argument("--pivot", action="store_true", help="place × period instead of one row per report")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout (needed for xlsx)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _line(text: object) -> str:
    return printable(str(text), keep_newlines=False)


def cmd_compare(args: argparse.Namespace, config: object, load: Callable[..., object]) -> int:
    try:
        extra = dict(getattr(getattr(config, "compare", None), "indicators", ()))
        indicators = resolve(args.indicator, registry(extra))
    except IndicatorError as exc:
        print(f"reportview compare: {_line(exc)}", file=sys.stderr)
        return 2
    if args.format == "xlsx" and not args.output:
        print("reportview compare: --format xlsx needs --output FILE", file=sys.stderr)
        return 2
    if args.output:
        try:  # refuse a bad output before reading anything
            check_output(Path(args.output), args.force, [Path(p) for p in args.paths if Path(p).is_dir()])
        except ExportError as exc:
            print(f"reportview compare: {_line(exc)}", file=sys.stderr)
            return 2
    loaded = load(args, config)
    if isinstance(loaded, int):
        return loaded
    from reportview.core.compare import compare
    from reportview.core.compare_table import convention_of

    result, code = loaded
    rows = compare(result.reports, indicators)
    convention = convention_of([r.convention for r in result.reports])
    text = render(rows, indicators, args.format, args.pivot, convention, args.output)
    if text is not None:
        if args.output:
            atomic_write(Path(args.output), lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
        else:
            sys.stdout.write(text)
    if not rows:
        names = ", ".join(i.id for i in indicators)
        print(f"reportview compare: no report states {names}", file=sys.stderr)
    elif args.output:
        print(f"wrote {len(rows)} rows to {_line(args.output)}", file=sys.stderr)
    return code or (0 if rows else 1)


def render(
    rows: Sequence[CompareRow],
    indicators: Sequence[Indicator],
    fmt: str,
    as_pivot: bool,
    convention: str,
    output: str | None,
) -> str | None:
    """The output text (None: written to `output` already, for xlsx)."""
    from reportview.core.compare import pivot
    from reportview.core.compare_table import ESTIMATE_NOTE, long_rows, pivot_grid, tables_csv

    if fmt == "jsonl" and not as_pivot:
        return "".join(json_lines(r.as_json() for r in rows))
    if fmt == "json" and not as_pivot:
        return json_safe(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=1)) + "\n"
    if as_pivot:
        tables = [(i, *pivot_grid(pivot(rows, i.id), convention)) for i in indicators]
        if fmt in ("json", "jsonl"):
            objs = [_pivot_json(rows, i.id) for i in indicators]
            if fmt == "jsonl":
                return "".join(json_lines(objs))
            return json_safe(json.dumps(objs, ensure_ascii=False, indent=1)) + "\n"
    else:
        header, body = long_rows(rows)
        tables = [(None, header, body)]
    if fmt == "xlsx":
        assert output is not None
        _write_xlsx(Path(output), tables)
        return None
    if fmt == "csv":
        return tables_csv(tables)
    if fmt == "md":
        out = []
        for ind, header, body in tables:
            if ind is not None:
                out.append(f"### {ind.title} (`{ind.id}`)\n")
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "|".join("---" for _ in header) + "|")
            out.extend("| " + " | ".join(_md(v) for v in line) + " |" for line in body)
            out.append("")
        if as_pivot:
            out.append(ESTIMATE_NOTE)
        return "\n".join(out) + "\n"
    return _rich_tables(tables, as_pivot)


def _md(value: object) -> str:
    return "" if value is None else one_line(str(value)).replace("|", "\\|")


def _pivot_json(rows: Sequence[CompareRow], indicator: str) -> dict[str, object]:
    """A pivot as data: places, periods, and each cell's rows (value, doc, offsets)."""
    from reportview.core.compare import pivot

    p = pivot(rows, indicator)
    return {
        "indicator": indicator,
        "periods": list(p.periods),
        "places": [
            {
                "place_key": place,
                "place": p.place_names.get(place, place),
                "cells": {
                    period: [r.as_json() for r in p.cell(place, period)]
                    for period in p.periods
                    if p.cell(place, period)
                },
            }
            for place in p.places
        ],
    }


def _rich_tables(tables: list, as_pivot: bool) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from reportview.core.compare_table import ESTIMATE_NOTE

    buf = io.StringIO()
    # On a terminal, its width; piped or redirected, as wide as the table needs (a pasteable table).
    width = max(80, _width()) if sys.stdout.isatty() else 1000
    console = Console(file=buf, highlight=False, soft_wrap=False, width=width)
    for ind, header, body in tables:
        title = Text(f"{ind.title} ({ind.id})") if ind is not None else None
        table = Table(title=title, title_justify="left", expand=False)
        for n, name in enumerate(header):
            numeric = as_pivot and 0 < n < len(header) - 1
            table.add_column(name, justify="right" if numeric else "left", overflow="fold")
        for line in body:
            table.add_row(*(Text(_line("" if v is None else v)) for v in line))
        console.print(table)
    if as_pivot:
        console.print(Text(ESTIMATE_NOTE))
    return buf.getvalue()


def _width() -> int:
    try:
        import shutil

        return shutil.get_terminal_size((120, 40)).columns
    except OSError:
        return 120


def _write_xlsx(path: Path, tables: list) -> None:
    try:
        from openpyxl import Workbook
    except ImportError:
        raise SystemExit(
            "reportview compare: .xlsx needs the xlsx extra (pip install 'reportview[xlsx]')"
        ) from None
    book = Workbook()
    book.remove(book.active)
    for ind, header, body in tables:
        sheet = book.create_sheet((ind.id if ind is not None else "compare")[:31])
        sheet.append(header)
        for line in body:
            sheet.append([v for v in line])
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for n, name in enumerate(header, start=1):
            widest = max([len(str(name))] + [len(str(line[n - 1] or "")) for line in body])
            sheet.column_dimensions[sheet.cell(1, n).column_letter].width = min(60, widest + 2)
    atomic_write(path, book.save)
