"""The unit table and posting lists: what adding a report indexes, and a unit's folded text."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

from reportview.core.folding import fold, fold_with_map
from reportview.core.model import Report
from reportview.core.search.query import has_digit
from reportview.core.terms import IndexTerms

# Folded text kept for searching, most recently used first, up to this many characters in each
# cache (units' regions; whole reports): bounded caches, not a second copy of the corpus.
FOLDED_CACHE_CHARS = 8_000_000
# A unit's folded region runs this far past its end: scoring looks at a window after a hit.
REGION_TAIL = 256


@dataclass(slots=True)
class _Unit:
    """One unit as the scorer sees it, made from the index's arrays for each candidate."""

    report: int
    section: int  # section index, -1 for the report title
    title: tuple[int, int]  # folded span of the heading (empty when none)
    body: tuple[int, int]  # folded span of the text
    figures: tuple[tuple[str, str, int], ...]  # (folded label, kind, figure index)


class _UnitTable:
    """Building the index: units as rows of integer arrays, word -> posting list of unit ids."""

    def _add(self, report: Report, terms: IndexTerms) -> None:
        r = len(self._reports)
        self._reports.append(report)
        if terms.fold_whole:
            self._whole.add(r)
        post, tpost = self._post, self._tpost
        figures_of: dict[int, list[int]] = {}
        for fi, fig in enumerate(report.figures):
            if fig.section_index is not None:
                figures_of.setdefault(fig.section_index, []).append(fi)
        for unit in terms.units:
            uid = len(self._u_report)
            self._u_report.append(r)
            self._u_section.append(unit.section)
            self._u_spans.extend((*unit.title, *unit.body))
            figures = figures_of.get(unit.section, ()) if unit.section >= 0 else ()
            self._u_fig_index.extend(figures)
            self._u_fig_pos.append(len(self._u_fig_index))
            title_words = unit.title_words.split(" ") if unit.title_words else ()
            _append_postings(post, title_words, uid)
            _append_postings(post, unit.other_words.split(" ") if unit.other_words else (), uid)
            _append_postings(tpost, title_words, uid)
            for kind in {report.figures[fi].kind for fi in figures}:
                self._kind_units[kind].append(uid)
        self._vocab_dirty = True
        self._fuzzy_cache.clear()
        self._stream_cache.clear()

    def _folded_text(self, r: int) -> tuple[str, array | None]:
        """Report r's folded text and offset map: from the cache, else folded again (and cached)."""
        hit = self._folded.get(r)
        if hit is None:
            hit = fold_with_map(self._reports[r].text)
            self._folded.put(r, hit, len(hit[0]))
        return hit

    def _unit_and_text(self, uid: int) -> tuple[_Unit, str, array | None]:
        """Unit `uid`, a folded text that is right (at the offsets of the report's folded text)
        in and around the unit's title and body, and the report's offset map.

        Most reports: only the unit's region is folded, and cached with the unit; the characters
        before it are NULs, so that offsets are unchanged and every search stays in the region.
        """
        cached = self._regions.get(uid)
        if cached is not None:
            u, lo, region = cached
        else:
            u = self._unit(uid)
            lo, region = 0, None
            if u.report not in self._whole:
                src = self._reports[u.report].text
                spans = [s for s in (u.title, u.body) if s[1] > s[0]]
                # One character before the region: the regexes' word-start look-behind reads it.
                lo = max(0, min(s[0] for s in spans) - 1) if spans else 0
                hi = min(len(src), max((s[1] for s in spans), default=0) + REGION_TAIL)
                region = fold(src[lo:hi])
            size = len(region or "") + sum(len(label) for label, _, _ in u.figures)
            self._regions.put(uid, (u, lo, region), size)
        if region is None:
            text, omap = self._folded_text(u.report)
            return u, text, omap
        return u, "\0" * lo + region, None

    def _offset_map(self, r: int) -> array | None:
        return self._folded_text(r)[1] if r in self._whole else None

    def _unit(self, uid: int) -> _Unit:
        r = self._u_report[uid]
        ta, tb, ba, bb = self._u_spans[4 * uid : 4 * uid + 4]
        figures: tuple[tuple[str, str, int], ...] = ()
        indices = self._u_fig_index[self._u_fig_pos[uid] : self._u_fig_pos[uid + 1]]
        if indices:
            report_figures = self._reports[r].figures
            figures = tuple(
                (fold(report_figures[fi].label or ""), report_figures[fi].kind, fi) for fi in indices
            )
        return _Unit(r, self._u_section[uid], (ta, tb), (ba, bb), figures)

    def _refresh_vocab(self) -> None:
        if not self._vocab_dirty:
            return
        self._vocab = sorted(self._post)
        by_len: dict[int, list[str]] = {}
        letters: dict[int, list[str]] = {}
        for w in self._vocab:
            by_len.setdefault(len(w), []).append(w)
            if not has_digit(w):
                letters.setdefault(len(w), []).append(w)
        self._by_len, self._by_len_letters = by_len, letters
        self._vocab_dirty = False


def _append_postings(postings: dict[str, array], words: Iterable[str], uid: int) -> None:
    for w in words:
        arr = postings.get(w)
        if arr is None:
            postings[w] = arr = array("i")
        arr.append(uid)
