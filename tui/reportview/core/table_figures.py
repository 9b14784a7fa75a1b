"""Figures in table cells (docs/figures.md, "Figures in tables").

A number in a body cell is a figure. Its unit comes from the cell, else the column header, else the
row label (or the row's unit column), else the caption or the unit line above the table, which
also scales it (`Đơn vị: 1000 đồng`). Its label is the row label (after the parent row's, for
sub-rows); a period column header gives its period, a comparison header makes it a change with
that base. Header cells, row numbers (STT), codes and unit columns are not figures.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportview.core import lexicon as lx
from reportview.core.figures import FigureRules, dollar_currency, extract_figures
from reportview.core.model import Figure, FigureKind, TableRef
from reportview.core.numbers import Convention, parse_number
from reportview.core.periods import mentions
from reportview.core.tables import Cell, Table, fold, is_numeric_cell


@dataclass(frozen=True, slots=True)
class Unit:
    """What a unit phrase makes of a number: kind, unit as figures write it, and a multiplier."""

    kind: FigureKind
    unit: str
    scale: float = 1.0


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_LEAD_NUMBER = re.compile(r"^(\d+(?:[.,]\d+)*)\s*")
_PAREN = re.compile(r"\(([^()]*)\)")
_CELL = re.compile(r"^(\()?\s*([-–−+])?\s*(\d+(?:[.,]\d+)*)\s*(\))?\s*(.*?)\s*$", re.S)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_QUARTER = re.compile(
    rf"(?<![^\W\d_])(?:{_alternation(lx.TABLE_QUARTER_WORDS)})\s*([ivx]+|[1-4])(?![^\W\d_])"
)
_MONTH = re.compile(rf"(?<![^\W\d_])(?:{_alternation(lx.TABLE_MONTH_WORDS)})\s*(\d{{1,2}})(?!\d)")
_HALF = re.compile(rf"(?<![^\W\d_])(?:{_alternation(lx.TABLE_HALF_PHRASES)})(?![^\W\d_])")
_NINE = re.compile(rf"(?<![^\W\d_])(?:{_alternation(lx.TABLE_NINE_MONTH_PHRASES)})(?![^\W\d_])")
_LIST_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}|[A-Z])[.)]\s")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zA-Z])[.)]?$")
_EMPHASIS = "*_`"
_MINUS = "-–−"


def _longest(words: dict[str, object] | Sequence[str], text: str) -> tuple[str, int]:
    """The longest entry `text` starts with as whole words, and its length (0: none)."""
    best = ""
    for w in words:
        if len(w) > len(best) and text.startswith(w) and (len(text) == len(w) or not text[len(w)].isalnum()):
            best = w
    return best, len(best)


def read_unit(phrase: str, counts: bool = True) -> Unit | None:
    """The unit a phrase names (`tỷ đồng`, `%`, `1000 đồng`, `nghìn tấn`, `người`), or None.

    `counts`: a phrase of plain words is a counted noun (`người`, `doanh nghiệp`); off where such
    a phrase is more likely a name (`(GRDP)` after a row label).
    """
    p = fold(phrase).strip(" .:;()[]")
    words = p.split()
    if words and any(w in lx.TABLE_UNIT_FILLERS for w in words):
        p = " ".join(w for w in words if w not in lx.TABLE_UNIT_FILLERS)
    if not p:
        return None
    if any(w in p.split() or w == p or (w == "%" and "%" in p) for w in lx.PERCENT_WORDS):
        return Unit("percent", "%")
    scale = 1.0
    m = _LEAD_NUMBER.match(p)
    if m:
        value = parse_number(m[1].replace(".", "").replace(",", ""), "vi")
        if not value:
            return None
        scale, p = value, p[m.end() :]
    magnitudes = {**lx.MAGNITUDES, **lx.TABLE_MAGNITUDE_PLURALS}
    word, n = _longest(magnitudes, p)
    while n:
        scale *= magnitudes[word]
        p = p[n:].lstrip()
        word, n = _longest(magnitudes, p)
    head, tail = ([*p.split("/", 1), ""])[:2]
    head, tail = head.strip(), tail.strip()
    rate = "/" + tail if tail else ""
    word, n = _longest(lx.CURRENCIES, head)
    if n and n == len(head):
        return Unit("money", lx.CURRENCIES[word] + rate, scale)
    word, n = _longest(lx.MEASURE_UNITS, head)
    if n and n == len(head):
        return Unit("measure", lx.MEASURE_UNITS[word] + rate, scale)
    if not head or any(ch.isdigit() for ch in head):
        return Unit("count", "", scale) if scale != 1.0 and not head else None
    if (counts or scale != 1.0) and len(head.split()) <= 3 and head.replace(" ", "").isalpha():
        return Unit("count", head + rate, scale)
    return None


def _unit_in(text: str) -> Unit | None:
    """The unit a header or label states in brackets (`Tỷ lệ (%)`, `Thu ngân sách (tỷ đồng)`)."""
    for m in reversed(list(_PAREN.finditer(text))):
        inner = _after_unit_words(m[1].strip())
        if inner and inner == inner.upper() and any(ch.isalpha() for ch in inner) and "%" not in inner:
            continue  # an acronym (GRDP, FDI), not a unit
        unit = read_unit(inner, counts=inner.islower())
        if unit is not None:
            return unit
    return None


def _after_unit_words(text: str) -> str:
    """`đơn vị: tỷ đồng` -> `tỷ đồng` (a caption's bracketed unit line); other text as it is."""
    head = fold(text)
    for w in sorted(lx.TABLE_UNIT_LINE_WORDS, key=len, reverse=True):
        if head.startswith(w) and ":" in text:
            return text.split(":", 1)[1].strip()
    return text


def _without_unit(text: str) -> str:
    """A label or header without its bracketed unit and its trailing colon."""
    out = text
    for m in reversed(list(_PAREN.finditer(text))):
        if _unit_in(m[0]) is not None:
            out = out[: m.start()] + out[m.end() :]
    return " ".join(out.split()).rstrip(" :")


def read_period(text: str) -> str | None:
    """The period a header names: `Quý I/2024` 2024-Q1, `Năm 2023` 2023, `6 tháng đầu năm 2024`
    2024-H1, `9 tháng 2024` 2024-9M, `Tháng 3/2024` 2024-03; None when it names no year."""
    named = mentions(text)  # the prose's period reader first, so that both read a phrase alike
    if named:
        return named[0].period
    p = fold(text)
    years = _YEAR.findall(p)
    if not years:
        return None
    year = years[0]
    m = _QUARTER.search(p)
    if m:
        q = lx.ROMAN_NUMERALS.get(m[1]) or (int(m[1]) if m[1].isdigit() else None)
        if q:
            return f"{year}-Q{q}"
    if _NINE.search(p):
        return f"{year}-9M"
    if _HALF.search(p):
        return f"{year}-H1"
    m = _MONTH.search(p)
    if m and 1 <= int(m[1]) <= 12:
        return f"{year}-{int(m[1]):02d}"
    return year


def _comparison(header: str) -> bool:
    h = fold(header)
    return any(w in h for w in lx.TABLE_COMPARISON_WORDS)


def _period_before_comparison(header: str) -> str | None:
    """A comparison header's own period: the one named before the comparison words, if any."""
    h = fold(header)
    cut = min((h.find(w) for w in lx.TABLE_COMPARISON_WORDS if w in h), default=len(h))
    return read_period(h[:cut])


@dataclass(frozen=True, slots=True)
class _Column:
    header: str
    unit: Unit | None
    period: str | None
    base: str | None
    growth: bool
    index_numbers: bool


def _role(header: str) -> str | None:
    h = fold(header).rstrip(" .:")
    if h in lx.TABLE_ROW_NUMBER_HEADERS:
        return "number"
    if h in lx.TABLE_CODE_HEADERS:
        return "code"
    if h in lx.TABLE_UNIT_COLUMN_HEADERS:
        return "unit"
    return None


def _label_column(table: Table, roles: list[str | None]) -> int:
    """The column of row labels: the first that is no row number or code and holds words."""
    free = [c for c in range(table.n_cols) if roles[c] is None]
    for c in free:
        texts = [row[c].text.strip() for row in table.body if row[c].col == c and row[c].text.strip()]
        if texts and all(_ROW_NUMBER.match(t) for t in texts) and not table.col_header(c):
            roles[c] = "number"  # an STT column without a header
            continue
        if any(not is_numeric_cell(t) for t in texts):
            return c
    return next((c for c in range(table.n_cols) if roles[c] is None), 0)


def _level(label: str) -> int:
    if label.startswith(lx.TABLE_DEEP_SUBROW_MARKS):
        return 2
    return 1 if label.startswith(lx.TABLE_SUBROW_MARKS) else 0


def _strip_mark(label: str) -> str:
    for mark in (*lx.TABLE_DEEP_SUBROW_MARKS, *lx.TABLE_SUBROW_MARKS):
        if label.startswith(mark):
            return label[len(mark) :].strip()
    return label


def _intro(label: str) -> str | None:
    """For a `Trong đó:` row, what follows the intro (maybe ""); None for any other row."""
    f = fold(label)
    for w in lx.TABLE_SUBROW_INTROS:
        if f.startswith(w) and (len(f) == len(w) or not f[len(w)].isalnum()):
            return label[len(w) :].lstrip(" :,").strip()
    return None


def _label_columns(table: Table, roles: list[str | None], first: int) -> list[int]:
    """The label column and the columns of words right after it (a merged `Năm 2023` over
    `Kế hoạch` / `Thực hiện`): their texts together label the row."""
    cols = [first]
    for c in range(first + 1, table.n_cols):
        texts = [row[c].text.strip() for row in table.body if row[c].text.strip()]
        if roles[c] is not None or not texts or any(is_numeric_cell(t) for t in texts):
            break
        cols.append(c)
    return cols


def _row_label(row: tuple[Cell, ...], cols: list[int]) -> str:
    parts: list[str] = []
    for c in cols:
        text = row[c].text.strip()
        if text and text not in parts:
            parts.append(text)
    return " - ".join(parts)


def _row_labels(
    table: Table, label_cols: list[int], number_cols: list[int]
) -> list[tuple[str | None, str | None]]:
    """(label for figures, the row label as written) of each body row; sub-rows after their parent."""
    out: list[tuple[str | None, str | None]] = []
    parents: dict[int, str] = {}
    group = False  # inside a `Trong đó:` list
    group_marked: bool | None = None
    for row in table.body:
        raw = _row_label(row, label_cols) if row else ""
        numbered = any(row[c].text.strip() for c in number_cols) or bool(_LIST_NUMBER.match(raw))
        clean = _without_unit(raw)
        intro = _intro(clean)
        if intro is not None:
            group, group_marked = True, None
            clean = intro
            if not clean:
                out.append((None, raw or None))
                continue
        level = _level(clean)
        if group and not numbered:
            if group_marked is None:
                group_marked = level > 0
            if level == 0 and group_marked:
                group = False
            else:
                level = max(level, 1)
        elif numbered:
            group = False
        child = _strip_mark(clean)
        if not child:
            out.append((None, raw or None))
            continue
        if level == 0:
            parents = {0: child}
            out.append((child, raw))
            continue
        parent = parents.get(level - 1) or parents.get(0)
        parents[level] = f"{parent} - {child}" if parent else child
        for deeper in [k for k in parents if k > level]:
            del parents[deeper]
        out.append((parents[level], raw))
    return out


def _caption_unit(table: Table) -> Unit | None:
    if table.unit_line:
        _, _, rest = table.unit_line.partition(":")
        unit = read_unit(rest or table.unit_line)
        if unit is not None:
            return unit
    return _unit_in(table.caption) if table.caption else None


def _columns(table: Table, convention: Convention) -> list[_Column]:
    cols = []
    for c in range(table.n_cols):
        header = table.col_header(c)
        unit = _unit_in(header) or (read_unit(header, counts=False) if header else None)
        if unit is not None and read_period(header):
            unit = _unit_in(header)  # "Năm 2023" is a period, not a count of "năm"
        base = growth = None
        index_numbers = False
        # A title row spanning the whole table (`Bảng 1 ... năm 2023` over `2019 | 2020`) gives no
        # column its period; the column's own header cells do, read together (wrapped lines).
        own = " ".join(
            dict.fromkeys(
                row[c].text for row in table.header if row[c].text.strip() and row[c].colspan < table.n_cols
            )
        )
        period = read_period(own)
        if _comparison(header):
            base = _without_unit(header) or None
            growth = any(w in fold(header) for w in lx.TABLE_GROWTH_WORDS)
            period = _period_before_comparison(own)
            values = [v for row in table.body if (v := _cell_value(row[c].text, convention)) is not None]
            index_numbers = bool(values) and not growth and statistics.median(values) > 50
        if base is not None and period is None:
            # `Quý I/2024 | So với cùng kỳ (%)`: the comparison is of the period column before it.
            period = next((col.period for col in reversed(cols) if col.period and col.base is None), None)
        cols.append(_Column(header, unit, period, base, bool(growth), index_numbers))
    return cols


def _cell_value(text: str, convention: Convention) -> float | None:
    m = _CELL.match(text.strip(_EMPHASIS + " "))
    if not m:
        return None
    return parse_number(m[3], convention)


def figures_in_tables(
    text: str,
    tables: Sequence[Table],
    convention: Convention,
    rules: FigureRules | None = None,
    language: Convention | None = None,
    dollar: str | None = None,
) -> list[Figure]:
    """Every figure of the tables' body cells, in text order (spans index `text`); `dollar` is the
    document's currency for "$" (the parse's; read from `text` when not given).

    A cell of words with numbers in it (`Tăng 5,2% so với cùng kỳ`, a note) is read by the prose
    figure reader, within the cell, when `rules` are given."""
    out: list[Figure] = []
    for table in tables:
        out.extend(_table_figures(text, table, convention, rules, language, dollar))
    if any(f.unit.startswith(lx.DOLLAR) for f in out):  # "$" is the dollar of the document's country
        dollar = dollar or dollar_currency(text)
        out = [
            replace(f, unit=dollar + f.unit[len(lx.DOLLAR) :]) if f.unit.startswith(lx.DOLLAR) else f
            for f in out
        ]
    out.sort(key=lambda f: f.start)
    return out


def _table_figures(
    text: str,
    table: Table,
    convention: Convention,
    rules: FigureRules | None,
    language: Convention | None,
    dollar: str | None = None,
) -> list[Figure]:
    n = table.n_cols
    roles: list[str | None] = [_role(table.col_header(c)) for c in range(n)]
    label_cols = _label_columns(table, roles, _label_column(table, roles))
    label_col = label_cols[-1]
    number_cols = [c for c in range(n) if roles[c] == "number"]
    unit_cols = [c for c in range(n) if roles[c] == "unit"]
    labels = _row_labels(table, label_cols, number_cols)
    cols = _columns(table, convention)
    caption_unit = _caption_unit(table)
    out: list[Figure] = []
    for r, row in enumerate(table.body):
        label, raw_label = labels[r]
        if raw_label and _role(raw_label) in ("number", "code"):
            continue  # a row of codes (`Mã số | 01 | 02`) or row numbers holds no figures
        label_unit = _unit_in(raw_label or "")
        if label_unit is None:
            label_unit = next((u for c in unit_cols if (u := read_unit(row[c].text))), None)
        # A row label naming a period gives it to cells whose column names none; a label that is a
        # period alone (`2021`, `Sơ bộ 2023`) makes a time series: the column names the measure.
        row_period = read_period(raw_label) if raw_label else None
        series = _is_period(raw_label)
        for c in range(label_col + 1, n):
            cell = row[c]
            if roles[c] is not None or cell.col != c or cell.row != r + len(table.header):
                continue  # a unit/number/code column, or a merged cell read where it starts
            col = cols[c]
            fig = _cell_figure(text, cell, convention, col.unit or label_unit or caption_unit)
            if fig is None:
                if rules is not None and any(ch.isdigit() for ch in cell.text):
                    ref = TableRef(table.index, r, c, raw_label, col.header or None, table.caption)
                    out.extend(
                        _prose_in_cell(
                            text, cell, rules, convention, language, ref, label, col.period, dollar
                        )
                    )
                continue
            period, fig_label = col.period, label
            if row_period and not col.period:
                period = row_period
                if series:
                    fig_label = _without_unit(col.header) or label
            change = base = None
            if col.base is not None:
                base = col.base
                if col.index_numbers:
                    change = "up" if fig.value > 100 else "down" if fig.value < 100 else None
                elif col.growth:
                    change = "down" if fig.value < 0 else "up" if fig.value > 0 else None
                # else a share of the base (`So với dự toán (%)`: 24 is "đạt 24% dự toán"): no change
            out.append(
                Figure(
                    start=fig.start,
                    end=fig.end,
                    text=fig.text,
                    value=fig.value,
                    kind=fig.kind,
                    unit=fig.unit,
                    change=change,  # type: ignore[arg-type]
                    base=base,
                    label=fig_label,
                    period=period,
                    table=TableRef(table.index, r, c, raw_label, col.header or None, table.caption),
                )
            )
    return out


def _prose_in_cell(
    text: str,
    cell: Cell,
    rules: FigureRules,
    convention: Convention,
    language: Convention | None,
    ref: TableRef,
    label: str | None,
    period: str | None,
    dollar: str | None = None,
) -> list[Figure]:
    """The figures of a cell of words, read as prose within the cell, labelled by the row."""
    out = []
    for f in extract_figures(
        text, (cell.start, cell.end), rules=rules, convention=convention, language=language, dollar=dollar
    ):
        out.append(
            f.as_figure(
                text,
                f.start,
                f.end,
                base=f.base.split("|")[0].strip() or None if f.base else None,  # not past the cell's edge
                label=label,  # the row's: the prose reader's own would reach across the cell's edges
                period=f.period or period,
                place=None,
                table=ref,
            )
        )
    return out


def _is_period(label: str | None) -> bool:
    """A row label that names a period alone (`2021`, `Năm 2021`, `Quý I/2024`): a time series."""
    if not label or read_period(label) is None:
        return False
    rest = _YEAR.sub("", fold(label))
    for words in (
        lx.TABLE_PERIOD_QUALIFIERS,
        lx.TABLE_YEAR_WORDS,
        lx.TABLE_QUARTER_WORDS,
        lx.TABLE_MONTH_WORDS,
    ):
        for w in words:
            rest = re.sub(rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", " ", rest)
    rest = re.sub(r"\b[ivx]+\b|\d+|[^\w\s]", " ", rest)
    return not rest.split()


def _cell_figure(text: str, cell: Cell, convention: Convention, unit: Unit | None) -> Figure | None:
    """The figure of one body cell (its own unit first), or None when the cell holds no number."""
    raw = text[cell.start : cell.end]
    lead = len(raw) - len(raw.lstrip(_EMPHASIS + " "))
    body = raw.strip(_EMPHASIS + " ")
    m = _CELL.match(body)
    if not m:
        return None
    opened, sign, token, closed, rest = m.groups()
    value = parse_number(token, convention)
    if value is None:
        return None
    own = read_unit(rest) if rest else None
    if rest and own is None and rest.strip("*¹²³⁽⁾)(") != "":
        return None  # a number followed by words that are no unit: not a value cell
    unit = own or unit
    negative = (opened and closed) or (sign is not None and sign in _MINUS)
    if bool(opened) != bool(closed) and not (closed and rest == ""):
        return None
    start = cell.start + lead + (0 if opened and closed else m.start(2) if sign else m.start(3))
    end = cell.start + lead + (m.end(5) if own else m.end(4) if closed and opened else m.end(3))
    kind: FigureKind = unit.kind if unit else "count"
    scale = unit.scale if unit and kind != "percent" else 1.0
    value = value * scale * (-1 if negative else 1)
    return Figure(start, end, text[start:end], value, kind, unit.unit if unit else "")
