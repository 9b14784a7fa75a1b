"""Index terms: the words each searchable unit of a report is found by, and the unit's spans.

A unit is the report's title or one of its sections. Terms are computed where the report is
parsed (a pool worker) and cached with the parse, so that opening a corpus again only appends
to posting lists; `search.SearchIndex` turns them into its index. Words come from the folded
text (`folding`: no accents, lower case), so "cu tri" finds "Cử tri".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportview.core.folding import fold, fold_with_map, to_folded
from reportview.core.model import Report

WORD = re.compile(r"\w+")
# Reports longer than this (and NFD reports, which need an offset map) are folded whole when
# searched, not unit by unit.
WHOLE_FOLD_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class UnitTerms:
    """One unit: its section (-1: the report title), folded spans and distinct words."""

    section: int
    title: tuple[int, int]  # folded span of the heading ((0, 0) when none)
    body: tuple[int, int]  # folded span of the text
    title_words: str  # the heading's words, space-separated
    other_words: str  # the text's and figure labels' words that are not title words


@dataclass(frozen=True, slots=True)
class IndexTerms:
    units: tuple[UnitTerms, ...]
    fold_whole: bool  # search this report through one folded copy of its whole text


def index_terms(report: Report) -> IndexTerms:
    """The units of `report` (its title first when it has words, then every section)."""
    folded, omap = fold_with_map(report.text)
    words = WORD.findall
    units: list[UnitTerms] = []
    if report.title:
        if report.title_span is not None:
            span = (to_folded(omap, report.title_span[0]), to_folded(omap, report.title_span[1]))
            title_words = set(words(folded, *span))
        else:
            span = (0, 0)
            title_words = set(words(fold(report.title)))
        if title_words:
            units.append(UnitTerms(-1, span, (0, 0), " ".join(title_words), ""))
    labels: dict[int, list[str]] = {}
    for fig in report.figures:
        if fig.section_index is not None and fig.label:
            labels.setdefault(fig.section_index, []).append(fold(fig.label))
    for si, sec in enumerate(report.sections):
        a, b, e = to_folded(omap, sec.start), to_folded(omap, sec.body_start), to_folded(omap, sec.end)
        title_words = set(words(folded, a, b)) if b > a else set()
        other = set(words(folded, b, e))
        for label in labels.get(si, ()):
            other.update(words(label))
        other -= title_words
        units.append(UnitTerms(si, (a, b), (b, e), " ".join(title_words), " ".join(other)))
    return IndexTerms(tuple(units), omap is not None or len(folded) > WHOLE_FOLD_CHARS)
