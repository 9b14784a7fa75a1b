"""The search index: reports added as they load, and a query run through its stages
(query -> candidates -> scores -> hits)."""

from __future__ import annotations

import heapq
import threading
from array import array
from collections.abc import Iterable, Sequence

from reportview.core.model import Report
from reportview.core.search.candidates import _Candidates
from reportview.core.search.lru import _RecentCache
from reportview.core.search.query import KINDS, SCOPES, Query, parse_query, query_notes
from reportview.core.search.scoring import _Scoring
from reportview.core.search.snippets import SearchHit, SearchResults, _Results
from reportview.core.search.units import FOLDED_CACHE_CHARS, _Unit, _UnitTable
from reportview.core.terms import IndexTerms, index_terms

FEW_HITS = 3  # fewer hits than this: also try typo corrections of words that do occur


class SearchIndex(_UnitTable, _Candidates, _Scoring, _Results):
    """The search index over reports; add reports as they load, search on every keystroke."""

    def __init__(self) -> None:
        self._reports: list[Report] = []
        # Folded text for searching (see the module docstring): unit -> (unit, start, folded
        # text of the unit's region from there, None for the reports in _whole); and, for those,
        # report -> (folded text, offset map).
        self._regions: _RecentCache[int, tuple[_Unit, int, str | None]] = _RecentCache(FOLDED_CACHE_CHARS)
        self._whole: set[int] = set()
        self._folded: _RecentCache[int, tuple[str, array | None]] = _RecentCache(FOLDED_CACHE_CHARS)
        # Units: report index, section index (-1: the report title), folded title and body spans.
        self._u_report = array("i")
        self._u_section = array("i")
        self._u_spans = array("i")  # 4 per unit: title start, end, body start, end
        # Unit u's figures (indices into its report's figures):
        # _u_fig_index[_u_fig_pos[u] : _u_fig_pos[u + 1]].
        self._u_fig_pos = array("i", [0])
        self._u_fig_index = array("i")
        self._post: dict[str, array] = {}
        self._tpost: dict[str, array] = {}
        self._kind_units: dict[str, array] = {k: array("i") for k in KINDS}
        self._vocab: list[str] = []
        self._vocab_dirty = False
        self._by_len: dict[int, list[str]] = {}
        self._by_len_letters: dict[int, list[str]] = {}  # words without a digit (see has_digit)
        self._fuzzy_cache: dict[str, tuple[str, ...]] = {}
        self._stream_cache: dict[tuple[object, ...], list[int]] = {}
        # add() may run in a loader thread while a search worker runs: one at a time.
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ building

    @classmethod
    def build(
        cls, reports: Iterable[Report], terms: Iterable[IndexTerms | None] | None = None
    ) -> SearchIndex:
        """An index of `reports`, with their index terms when the loader brought them."""
        index = cls()
        if terms is None:
            for report in reports:
                index.add(report)
        else:
            for report, report_terms in zip(reports, terms, strict=True):
                index.add(report, report_terms)
        index._refresh_vocab()
        return index

    def __len__(self) -> int:
        return len(self._u_report)

    @property
    def reports(self) -> Sequence[Report]:
        return self._reports

    def add(self, report: Report, terms: IndexTerms | None = None) -> None:
        """Index one more report (its report_index is the number of reports added before it).

        `terms`: its index terms when the loader has them (computed with the parse, or cached);
        else they are computed here. Thread-safe against concurrent search()."""
        if terms is None:
            terms = index_terms(report)
        with self._lock:
            self._add(report, terms)

    # ------------------------------------------------------------------ searching

    def search(self, query: str, limit: int = 50) -> SearchResults:
        """The best `limit` hits for `query`, best first, one per (report, section); kind:...
        alone: one per figure of those kinds, in corpus order. The list says its total."""
        with self._lock:
            q = parse_query(query)
            hits, total = self._search(q, limit)
            return SearchResults(hits, total, query_notes(q))

    def _search(self, q: Query, limit: int) -> tuple[list[SearchHit], int]:
        if q.empty or not self._u_report or limit < 1:
            return [], 0
        self._refresh_vocab()
        if not q.terms:
            return self._kind_listing(q, limit)

        scopes = set(q.scopes) or set(SCOPES)
        hits, total = self._run(q, scopes, limit, widen=False)
        if len(hits) < min(limit, FEW_HITS) and any(len(t.text) >= 3 and t.phrase is None for t in q.terms):
            # Little or nothing as typed (a typo can spell another real word: "ngâng" -> "ngang"):
            # let every word also stand for its typo corrections. Corrections cost score, so the
            # hits as typed stay first.
            seen = {(h.report_index, h.section_index) for h in hits}
            wide, wide_total = self._run(q, scopes, limit, widen=True)
            hits += [h for h in wide if (h.report_index, h.section_index) not in seen]
            hits.sort(key=lambda h: (-h.score, h.report_index, _order(h.section_index)))
            del hits[limit:]
            total = max(total, wide_total)  # the widened run matches everything the first did
        return hits, total

    def _run(self, q: Query, scopes: set[str], limit: int, widen: bool) -> tuple[list[SearchHit], int]:
        """The best `limit` hits and how many units matched in all."""
        postings = self._tpost if scopes == {"titles"} else self._post
        # Expand each term to vocabulary words: exact / prefix, else (or when widening) typo
        # corrections.
        expansions: list[list[str]] = []
        alts: list[list[tuple[str, bool]]] = []
        fuzzy_only: list[bool] = []
        for t in q.terms:
            exact = self._prefix_words(t.text) if t.prefix else ([t.text] if t.text in self._post else [])
            fz = [] if t.phrase is not None or (exact and not widen) else list(self._fuzzy_words(t.text))
            if not exact and not fz:
                return [], 0
            expansions.append(exact + [w for w in fz if w not in exact])
            alts.append([(t.text, t.prefix)] * bool(exact) + [(w, False) for w in fz])
            fuzzy_only.append(not exact)

        plan = self._plan(q, alts, fuzzy_only)
        cands = self._candidates(q, expansions, postings)
        scored: list[tuple[float, int, str | None]] = []
        for uid in cands:
            s = self._score(uid, q, plan, scopes)
            if s is not None:
                scored.append((s[0], uid, s[1]))
        best = heapq.nsmallest(limit, scored, key=lambda t: (-t[0], t[1]))
        return [self._hit(uid, score, q, plan, where) for score, uid, where in best], len(scored)


def _order(section_index: int | None) -> int:
    return -1 if section_index is None else section_index
