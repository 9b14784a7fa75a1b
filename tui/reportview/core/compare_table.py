"""Compare results as tables people paste: the long form's columns and the pivot's cells as text.

Values in a pivot are shown in one scale per unit (tỷ đồng, triệu USD, %), so that a column reads
down; the long form keeps every value exact. A cell given by several reports shows each distinct
value (a disagreement is information), an estimate carries a mark, and a row's trend can be drawn
as a sparkline from the numbers the cells hold.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from reportview.core.compare import COMPARE_JSON_KEYS, CompareRow, Pivot
from reportview.core.indicators import Indicator
from reportview.core.numbers import format_number

ESTIMATE_MARK = "*"
ESTIMATE_NOTE = f"{ESTIMATE_MARK} estimate (ước, dự kiến); a | b: reports disagree; ×n: n reports agree"
_SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class Scale:
    """How one unit's values are shown: divided by `factor`, followed by `suffix`."""

    factor: float
    suffix: str


def scale_for(unit: str, values: Sequence[float]) -> Scale:
    """A readable scale for values of one unit (the median decides: tỷ đồng for budgets)."""
    if unit == "%":
        return Scale(1.0, "%")
    base, _, tail = unit.partition("/")
    tail = f"/{tail}" if tail else ""
    mid = statistics.median(abs(v) for v in values) if values else 0.0
    if base == "VND":
        if mid >= 1e11:
            return Scale(1e9, f" tỷ đồng{tail}")
        if mid >= 1e5:
            return Scale(1e6, f" triệu đồng{tail}")
        return Scale(1.0, f" đồng{tail}")
    if base in ("USD", "EUR", "GBP", "AUD"):
        if mid >= 1e8:
            return Scale(1e6, f" triệu {base}{tail}")
        return Scale(1.0, f" {base}{tail}")
    return Scale(1.0, f" {unit}")


def number_text(value: float, scale: Scale, convention: str) -> str:
    """`value` in `scale`, at most two decimals, in the convention's digits."""
    scaled = value / scale.factor
    return format_number(round(scaled, 0 if abs(scaled) >= 1000 else 2), convention) + scale.suffix


def _scales(pivot: Pivot) -> dict[str, Scale]:
    by_unit: dict[str, list[float]] = {}
    for rows in pivot.cells.values():
        for row in rows:
            if row.value is not None:
                by_unit.setdefault(row.unit, []).append(row.value)
    return {unit: scale_for(unit, values) for unit, values in by_unit.items()}


def cell_text(rows: Sequence[CompareRow], scales: dict[str, Scale], convention: str) -> str:
    """A pivot cell: each distinct value once ("6,2% | 6,3%"), an estimate mark, "×2" when agreed."""
    if not rows:
        return ""
    seen: dict[tuple[float | None, str], bool] = {}
    for row in rows:
        key = (row.value, row.unit)
        seen[key] = seen.get(key, False) or row.is_estimate
    parts = []
    for (value, unit), estimate in seen.items():
        text = "?" if value is None else number_text(value, scales[unit], convention)
        parts.append(text + (ESTIMATE_MARK if estimate else ""))
    text = " | ".join(parts)
    if len(seen) == 1 and len(rows) > 1:
        text += f" ×{len(rows)}"
    return text


def sparkline(values: Sequence[float | None]) -> str:
    """One block character per value, scaled between the row's min and max (blank for none)."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return ""
    lo, hi = min(known), max(known)
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        else:
            step = 0 if hi == lo else round((v - lo) / (hi - lo) * (len(_SPARKS) - 1))
            out.append(_SPARKS[step])
    return "".join(out).rstrip()


def row_values(pivot: Pivot, place: str) -> list[float | None]:
    """The first value of each period's cell of a place (for trends and sorting)."""
    out: list[float | None] = []
    for period in pivot.periods:
        rows = pivot.cell(place, period)
        out.append(rows[0].value if rows else None)
    return out


def pivot_grid(pivot: Pivot, convention: str = "vi", trend: bool = True) -> tuple[list[str], list[list[str]]]:
    """The pivot as text: header ("place", periods..., "trend") and one row per place."""
    scales = _scales(pivot)
    header = ["place", *pivot.periods] + (["trend"] if trend else [])
    body = []
    for place in pivot.places:
        cells = [cell_text(pivot.cell(place, period), scales, convention) for period in pivot.periods]
        line = [pivot.place_names.get(place, place), *cells]
        if trend:
            line.append(sparkline(row_values(pivot, place)))
        body.append(line)
    return header, body


def long_rows(rows: Sequence[CompareRow]) -> tuple[list[str], list[list[object]]]:
    """The long form: the JSON keys as header, a value per key (numbers stay numbers)."""
    header = list(COMPARE_JSON_KEYS)
    return header, [[row.as_json()[k] for k in header] for row in rows]


def convention_of(conventions: Sequence[str]) -> str:
    """The convention most reports write numbers in ("vi" when none)."""
    if not conventions:
        return "vi"
    return max(set(conventions), key=lambda c: (conventions.count(c), c == "vi"))


def long_csv(rows: Sequence[CompareRow]) -> str:
    """The long form as CSV text (header first; empty for None)."""
    return tables_csv([(None, *long_rows(rows))])


def tables_csv(tables: Sequence[tuple[Indicator | None, Sequence[str], Sequence[Sequence[object]]]]) -> str:
    """(indicator or None, header, body) tables as CSV text, a blank line between them, each headed
    by its indicator's id when there are several; empty cells for None."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for n, (ind, header, body) in enumerate(tables):
        if n:
            buf.write("\n")
        if ind is not None and len(tables) > 1:
            writer.writerow([ind.id])
        writer.writerow(header)
        writer.writerows([["" if v is None else v for v in line] for line in body])
    return buf.getvalue()
