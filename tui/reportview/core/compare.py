"""Compare: one indicator across reports, each report's headline figure for it, as place × period.

For every report and indicator the reader looks at the report's figures in text order. A figure
is a *candidate* when its kind and unit fit the indicator and the nearest indicator name before
it in its clause is one of the indicator's names; it is then ruled out when its own lead-in
says it is a plan target, another place's, the other side of a comparison, a sub-sector or a
reduction. The headline is the first candidate for the report's own period and place (the
corpus README's rule: "the first one, unless a later one is more explicit"); the others are
counted. Every row keeps the figure's offsets, so each cell leads back to its sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reportview.core import lexicon
from reportview.core.folding import fold, fold_with_map, to_folded
from reportview.core.indicators import CompiledIndicator, Indicator, compile_indicator, words_pattern
from reportview.core.model import Figure, Report
from reportview.core.places import place_key

# Where a clause starts: after a sentence end or a semicolon followed by a space, or a line break;
# a full stop after a short abbreviation ("TP. Hồ Chí Minh", "Tp. Vinh") ends nothing.
_CLAUSE_END = re.compile(r"[.!?;…](?=\s)|\n")
_WORD_BEFORE = re.compile(r"(?<!\w)(\w+)$")
_ABBREVIATIONS = frozenset(fold(a) for a in lexicon.ABBREVIATIONS)
# Where a figure's own lead-in starts inside its clause (a list of figures is cut at commas).
_LEAD_CUT = re.compile(
    r"[,;:(]|\s-\s|" + "|".join(rf"\b{re.escape(fold(w))}\b" for w in lexicon.COMPARE_LEAD_JOINERS)
)

_TARGET = words_pattern(lexicon.COMPARE_TARGET_WORDS)
_CUMULATIVE = words_pattern(lexicon.COMPARE_CUMULATIVE_WORDS)
_CUMULATIVE_START = re.compile(rf"[\s\-–•*]*(?:{_CUMULATIVE.pattern if _CUMULATIVE else '(?!)'})")
_OTHER_PLACE = words_pattern(lexicon.COMPARE_OTHER_PLACE_WORDS)
_BASE = words_pattern(lexicon.COMPARE_BASE_WORDS)
# A change word after the comparison makes the figure the change, not the other side's level
# ("so cùng kỳ tăng 1,51%" against "cùng kỳ đạt khoảng 25.080 tỷ đồng").
_CHANGE_WORD = words_pattern([*lexicon.CHANGES_BEFORE, *lexicon.COMPARE_NEGATIVE_WORDS])
_ESTIMATE = words_pattern(lexicon.COMPARE_ESTIMATE_WORDS)
_NEGATIVE_END = words_pattern(lexicon.COMPARE_NEGATIVE_WORDS, tail=r"\s*$")
_REDUCTION_END = words_pattern(lexicon.COMPARE_REDUCTION_WORDS, tail=r"\s*$")
# How far after a figure a plan word still qualifies it ("đạt 99,4% dự toán", "vượt 8,7% kế hoạch"),
# and what ends that stretch first.
_AFTER_CHARS = 24
_AFTER_STOP = re.compile(r"[.,;:!?()\n]")
# A single month's period ("2023-09"): never a longer period's headline.
_MONTH_PERIOD = re.compile(r"^\d{4}-\d{2}$")


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One report's headline figure for one indicator, with where it came from."""

    indicator: str
    doc: str
    report_title: str
    place: str | None
    place_key: str | None
    period: str | None
    value: float | None
    unit: str
    text: str
    label: str
    section: int | None
    start: int
    end: int
    is_estimate: bool
    candidates: int
    report_index: int = 0
    figure_index: int = 0
    # Figure indices of the other candidates, in text order (kept for the drill-down).
    others: tuple[int, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "indicator": self.indicator,
            "doc": self.doc,
            "place": self.place,
            "place_key": self.place_key,
            "period": self.period,
            "value": self.value,
            "unit": self.unit,
            "text": self.text,
            "label": self.label,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "is_estimate": self.is_estimate,
            "candidates": self.candidates,
        }


COMPARE_JSON_KEYS: tuple[str, ...] = (
    "indicator", "doc", "place", "place_key", "period", "value", "unit", "text", "label", "section",
    "start", "end", "is_estimate", "candidates",
)  # fmt: skip


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    owners: set[str] = field(default_factory=set)


class _ReportView:
    """A report's folded text, clause starts and indicator-name mentions (computed once)."""

    def __init__(self, report: Report, compiled: Sequence[CompiledIndicator]) -> None:
        self.report = report
        self.folded, self.omap = fold_with_map(report.text)
        self.clause_starts = [0] + [
            m.end()
            for m in _CLAUSE_END.finditer(self.folded)
            if not (m.group() == "." and self._abbreviation_before(m.start()))
        ]
        spans: dict[tuple[int, int], _Mention] = {}
        for ci in compiled:
            for m in ci.names.finditer(self.folded):
                spans.setdefault((m.start(), m.end()), _Mention(m.start(), m.end())).owners.add(
                    ci.indicator.id
                )
        # A name inside a longer one is not a mention of its own ("GRDP" in "GRDP bình quân đầu người").
        ordered = sorted(spans.values(), key=lambda x: (x.start, -x.end))
        kept: list[_Mention] = []
        for mention in ordered:
            if kept and mention.end <= kept[-1].end:
                continue
            kept.append(mention)
        self.mentions = kept
        self.mention_ends = [m.end for m in kept]

    def _abbreviation_before(self, pos: int) -> bool:
        word = _WORD_BEFORE.search(self.folded, max(0, pos - 8), pos)
        return word is not None and word.group(1) in _ABBREVIATIONS

    def at(self, offset: int) -> int:
        """The folded offset of a source offset."""
        return to_folded(self.omap, offset)

    def clause_start(self, pos: int) -> int:
        return self.clause_starts[bisect.bisect_right(self.clause_starts, pos) - 1]

    def subject(self, pos: int) -> _Mention | None:
        """The nearest name mention ending before `pos` inside its clause; a clause that opens with
        a running total ("; lũy kế 9 tháng ...", "Tính chung 9 tháng ...") goes on with the one before."""
        i = bisect.bisect_right(self.mention_ends, pos) - 1
        if i < 0:
            return None
        mention = self.mentions[i]
        start = self.clause_start(pos)
        while mention.start < start and start > 0 and _CUMULATIVE_START.match(self.folded, start):
            start = self.clause_start(start - 1)
        return mention if mention.start >= start else None


def _lead_in(folded: str, lo: int, pos: int) -> str:
    """The figure's own lead-in: from the last list cut in folded[lo:pos] to pos; a figure in
    brackets also takes the words before the bracket ("so với quý I-2021 (7,11%)")."""
    window = folded[lo:pos]
    cuts = [m for m in _LEAD_CUT.finditer(window)]
    if not cuts:
        return window
    last = cuts[-1]
    lead = window[last.end() :]
    if last.group() == "(" and not lead.strip():
        before = [m for m in cuts[:-1]]
        return window[before[-1].end() if before else 0 :]
    return lead


def _ends_with(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def _ruled_out(
    ci: CompiledIndicator, view: _ReportView, fig: Figure, mention: _Mention, prev_end: int
) -> bool:
    """Whether a figure whose subject is the indicator is, by its lead-in, something else
    (`prev_end`: where the figure before it ends, folded)."""
    folded = view.folded
    start, end = view.at(fig.start), view.at(fig.end)
    between = folded[mention.end : start]
    if ci.excludes is not None and ci.excludes.search(between):
        return True
    lead = _lead_in(folded, max(mention.end, prev_end), start)
    # A plan or another place can be named before the indicator's name ("kế hoạch tăng trưởng GRDP 8%").
    clause_lead = _lead_in(folded, max(view.clause_start(start), prev_end), start)
    if any(p is not None and p.search(clause_lead) for p in (_TARGET, _OTHER_PLACE)):
        return True
    if (base := _BASE.search(lead) if _BASE else None) and not (
        _CHANGE_WORD and _CHANGE_WORD.search(lead, base.end())
    ):
        return True
    after = folded[end : end + _AFTER_CHARS]
    stop = _AFTER_STOP.search(after)
    if _TARGET is not None and _TARGET.search(after[: stop.start()] if stop else after):
        return True
    if fig.base and _TARGET is not None and _TARGET.search(fold(fig.base)):
        return True
    indicator = ci.indicator
    if fig.period and _MONTH_PERIOD.match(fig.period) and fig.period != view.report.period:
        return True
    if fig.upper is not None:  # a range ("khoảng 9,2% đến 9,5%") is a forecast band, not a result
        return True
    return indicator.measure == "share" and (fig.change == "down" or _ends_with(_REDUCTION_END, lead))


@dataclass(frozen=True, slots=True)
class _Candidate:
    index: int
    figure: Figure
    mention: _Mention
    preferred: bool


def _candidates(ci: CompiledIndicator, view: _ReportView) -> list[_Candidate]:
    out = []
    prev_end = 0
    for index, fig in enumerate(view.report.figures):
        fig_end, prev = view.at(fig.end), prev_end
        prev_end = fig_end
        if not ci.indicator.accepts(fig.kind, fig.unit):
            continue
        mention = view.subject(view.at(fig.start))
        if mention is None or ci.indicator.id not in mention.owners:
            continue
        if _ruled_out(ci, view, fig, mention, prev):
            continue
        clause = view.folded[view.clause_start(view.at(fig.start)) : view.at(fig.end)]
        preferred = ci.prefer is not None and ci.prefer.search(clause) is not None
        out.append(_Candidate(index, fig, mention, preferred))
    return out


def _headline(cands: list[_Candidate], report: Report, indicator: Indicator) -> _Candidate:
    """The first candidate for the report's own place and period, preferred units and phrases
    first; a figure in the headline comes after the body's (a headline rounds: "trên 11%")."""
    title = report.title_span or (0, 0)

    def rank(c: _Candidate) -> tuple[int, ...]:
        f = c.figure
        other_period = int(bool(f.period and report.period and f.period != report.period))
        in_title = int(title[0] <= f.start < title[1])
        return (int(f.place is not None), other_period, indicator.unit_rank(f.unit), int(not c.preferred),
                in_title, f.start)  # fmt: skip

    return min(cands, key=rank)


def _signed(fig: Figure, lead: str, indicator: Indicator) -> float:
    if indicator.measure != "growth" or fig.value < 0:
        return fig.value
    return -fig.value if fig.change == "down" or _ends_with(_NEGATIVE_END, lead) else fig.value


def compare_report(
    report: Report, indicators: Sequence[Indicator], report_index: int = 0
) -> list[CompareRow]:
    """The rows of one report: one per indicator it states."""
    compiled = [compile_indicator(i) for i in indicators]
    return _rows(report, compiled, report_index)


def _rows(report: Report, compiled: Sequence[CompiledIndicator], report_index: int) -> list[CompareRow]:
    view = _ReportView(report, compiled)
    rows = []
    for ci in compiled:
        cands = _candidates(ci, view)
        if not cands:
            continue
        best = _headline(cands, report, ci.indicator)
        fig = best.figure
        start = view.at(fig.start)
        lead = _lead_in(view.folded, best.mention.end, start)
        clause = view.folded[best.mention.start : start]
        estimate = _ESTIMATE is not None and _ESTIMATE.search(clause) is not None
        # The figure's label when it names the indicator, else the indicator's name as written.
        named = report.text[best.mention.start : best.mention.end]
        label = fig.label if fig.label and fold(named) in fold(fig.label) else named
        rows.append(
            CompareRow(
                indicator=ci.indicator.id,
                doc=report.path,
                report_title=report.display_title,
                place=report.place,
                place_key=place_key(report.place) if report.place else None,
                period=fig.period or report.period,
                value=_signed(fig, lead, ci.indicator),
                unit=fig.unit,
                text=fig.text,
                label=label,
                section=fig.section_number,
                start=fig.start,
                end=fig.end,
                is_estimate=estimate,
                candidates=len(cands),
                report_index=report_index,
                figure_index=best.index,
                others=tuple(c.index for c in cands if c is not best),
            )
        )
    return rows


def indicators_of(report: Report, figure_index: int, indicators: Sequence[Indicator]) -> list[str]:
    """The ids of the indicators a figure of `report` states (as headline or another candidate)."""
    return [
        row.indicator
        for row in compare_report(report, indicators)
        if row.figure_index == figure_index or figure_index in row.others
    ]


def compare(reports: Sequence[Report], indicators: Sequence[Indicator]) -> list[CompareRow]:
    """Long form: one row per (report, indicator) the reports state, in report then indicator order."""
    compiled = [compile_indicator(i) for i in indicators]
    rows: list[CompareRow] = []
    for i, report in enumerate(reports):
        rows.extend(_rows(report, compiled, i))
    return rows


# --- pivot: place × period ---------------------------------------------------------------------

_PERIOD = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|\d{1,2}M|\d{2}))?$")


def period_sort_key(period: str | None) -> tuple[int, int, int, str]:
    """Periods in time order: a year's quarters and months-to-date before the year itself."""
    if not period:
        return (9999, 99, 0, "")
    m = _PERIOD.match(period)
    if not m:
        return (9998, 99, 0, period)
    year, part = int(m.group(1)), m.group(2)
    if part is None:
        return (year, 12, 0, period)
    if part.startswith("Q"):
        q = int(part[1])
        return (year, 3 * q, 0, period)
    if part.startswith("H"):
        return (year, 6 * int(part[1]), 1, period)
    if part.endswith("M"):
        return (year, int(part[:-1]), 2, period)
    return (year, int(part), 0, period)


@dataclass(frozen=True, slots=True)
class Pivot:
    """One indicator laid out as place × period; a cell holds every row that states it."""

    indicator: str
    places: tuple[str, ...]
    place_names: Mapping[str, str]
    periods: tuple[str, ...]
    cells: Mapping[tuple[str, str], tuple[CompareRow, ...]]

    def cell(self, place: str, period: str) -> tuple[CompareRow, ...]:
        return self.cells.get((place, period), ())

    @staticmethod
    def disagrees(rows: Sequence[CompareRow]) -> bool:
        """Whether the reports of one cell give different values."""
        return len({r.value for r in rows}) > 1


UNKNOWN_PLACE = "?"
UNKNOWN_PERIOD = "?"


def pivot(rows: Sequence[CompareRow], indicator: str) -> Pivot:
    """The rows of `indicator` as place_key × period (unknown place or period: "?")."""
    cells: dict[tuple[str, str], list[CompareRow]] = {}
    names: dict[str, str] = {}
    for row in rows:
        if row.indicator != indicator:
            continue
        key = row.place_key or UNKNOWN_PLACE
        names.setdefault(key, row.place or key)
        cells.setdefault((key, row.period or UNKNOWN_PERIOD), []).append(row)
    places = tuple(sorted({p for p, _ in cells}, key=lambda p: (p == UNKNOWN_PLACE, p)))
    periods = tuple(sorted({q for _, q in cells}, key=period_sort_key))
    return Pivot(indicator, places, names, periods, {k: tuple(v) for k, v in cells.items()})
