"""Search: accent-insensitive, typo-tolerant, search-as-you-type over a corpus of reports.

How it stays fast at 100k sections: every report's text is folded when it is added
(`folding.fold_with_map`: accents and case off, plus an offset map only for NFD text) and its
words indexed, and the folded text is dropped: a search folds again only the units it scores,
and keeps the most recent in a bounded cache, so the corpus is held once, as its source text.
(NFD and very long texts are cached folded whole instead: their offset map, or their few huge
units, make that the cheaper way.) Each searchable unit, a report title or a (report, section) pair, is
indexed by the words of its title, text and figure labels: word -> posting list of unit ids
(`array('i')`, in add order), with a sorted vocabulary for prefix lookup (the word being typed is
a prefix). Units are rows of parallel integer arrays, not objects. A query picks its most selective word as
the driver, intersects posting sets while they stay small, and then verifies and scores a bounded
number of candidates with compiled regexes on the folded text (phrase, words in order, all words)
and rapidfuzz. Words that do not occur are replaced by their nearest vocabulary words
(Damerau-Levenshtein, via rapidfuzz) so typos still find something.

Query syntax: plain words; "exact phrase"; kind:money|percent|count|ratio|measure (figures of a
kind); in:titles|text|figures.
"""

from __future__ import annotations

import bisect
import heapq
import re
import threading
import unicodedata
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from reportview.core.folding import fold, fold_with_map, to_folded, to_source
from reportview.core.model import Report
from reportview.core.terms import WORD, IndexTerms, index_terms

KINDS = ("money", "percent", "count", "ratio", "measure")
SCOPES = ("titles", "text", "figures")

_SPACE = str.maketrans({c: " " for c in "\n\r\t\v\f\x85\u2028\u2029"})

# Candidate budgets (see module docstring): posting sets up to SET_LIMIT ids are materialised;
# at most VERIFY_BUDGET candidates are scored per query.
SET_LIMIT = 40_000
VERIFY_BUDGET = 400
SNIPPET_BEFORE = 40
SNIPPET_WIDTH = 120
MAX_MATCHES = 200
FEW_HITS = 3  # fewer hits than this: also try typo corrections of words that do occur
# Folded text kept for searching, most recently used first, up to this many characters in each
# cache (units' regions; whole reports): bounded caches, not a second copy of the corpus.
FOLDED_CACHE_CHARS = 8_000_000
# A unit's folded region runs this far past its end: scoring looks at a window after a hit.
REGION_TAIL = 256

# Score layout: quality tier (phrase 3, words in order 2, all words in one field 1, spread over
# fields 0) * 100 + field weight (title 3, figure label 2, text 1) * 20 + up to 20 of rapidfuzz
# and small bonuses - 30 per word found only through a typo correction.
_FIELD_WEIGHT = {"title": 3, "figure": 2, "text": 1}


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: a report title or a section, with where the query words are."""

    doc: str
    report_index: int
    section: int | None
    section_index: int | None
    title: str
    score: float
    snippet: str
    snippet_matches: tuple[tuple[int, int], ...]
    matches: tuple[tuple[int, int], ...]
    kind: str

    def as_json(self) -> dict[str, object]:
        return {
            "doc": self.doc,
            "section": self.section,
            "title": self.title,
            "score": round(self.score, 3),
            "snippet": self.snippet,
            "matches": [[s, e] for s, e in self.matches],
        }


class SearchResults(list[SearchHit]):
    """The hits shown (best first, at most the limit) and what the search knows beyond them:
    `total` hits matched in all; `notes`, words about the query (a filter value that means
    nothing: "kind:foo is not a kind: money, percent, count, ratio, measure")."""

    def __init__(self, hits: Iterable[SearchHit] = (), total: int = 0, notes: tuple[str, ...] = ()) -> None:
        super().__init__(hits)
        self.total = max(total, len(self))
        self.notes = notes


@dataclass(slots=True)
class Term:
    text: str  # folded
    prefix: bool  # the word being typed: matches any word starting with it
    phrase: int | None = None  # which quoted phrase it belongs to


@dataclass(slots=True)
class Query:
    """A parsed query. `terms` holds plain words and phrase words alike."""

    raw: str
    terms: list[Term] = field(default_factory=list)
    phrases: list[list[int]] = field(default_factory=list)  # term indexes per quoted phrase
    kinds: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()  # filters whose value names no kind or scope ("kind:foo")

    @property
    def empty(self) -> bool:
        return not self.terms and not self.kinds


_QTOKEN = re.compile(r'"([^"]*)("?)|(\S+)')
_FILTER = re.compile(r"(kind|in):(\S*)$", re.IGNORECASE)


def parse_query(raw: str) -> Query:
    """Split a query into folded words, quoted phrases and kind:/in: filters.

    The last plain word is a prefix (it is being typed) unless the query ends with a space.
    Unknown filter values are read as partial values ("kind:mo" -> money); nothing matching: ignored.
    """
    q = Query(raw)
    kinds: list[str] = []
    scopes: list[str] = []
    unknown: list[str] = []
    ends_open = bool(raw) and not raw[-1].isspace()
    tokens = list(_QTOKEN.finditer(raw))
    for i, m in enumerate(tokens):
        last = i == len(tokens) - 1
        if m.group(3) is not None:
            word = m.group(3)
            f = _FILTER.match(word)
            if f:
                name, value = f.group(1).lower(), fold(f.group(2))
                pool = KINDS if name == "kind" else SCOPES
                hits = [p for p in pool if value and p.startswith(value)] if value else []
                if name == "in" and value in ("title", "t"):
                    hits = ["titles"]
                if value and not hits:
                    unknown.append(f"{name}:{f.group(2)}")
                (kinds if name == "kind" else scopes).extend(h for h in hits if h not in kinds + scopes)
                continue
            words = WORD.findall(fold(word))
            for j, w in enumerate(words):
                is_last = last and j == len(words) - 1 and ends_open and word[-1].isalnum()
                q.terms.append(Term(w, prefix=is_last))
        else:
            words = WORD.findall(fold(m.group(1)))
            if not words:
                continue
            closed = bool(m.group(2))
            idx = []
            for j, w in enumerate(words):
                is_last = last and not closed and j == len(words) - 1 and ends_open
                idx.append(len(q.terms))
                q.terms.append(Term(w, prefix=is_last, phrase=len(q.phrases)))
            q.phrases.append(idx)
    q.kinds = tuple(kinds)
    q.scopes = tuple(scopes)
    q.unknown = tuple(unknown)
    return q


def query_notes(q: Query) -> tuple[str, ...]:
    """What to tell the user about the query itself: filters that name nothing, with the choices."""
    notes = []
    for f in q.unknown:
        name, _, value = f.partition(":")
        pool = KINDS if name.lower() == "kind" else SCOPES
        what = "kind" if name.lower() == "kind" else "place to search"
        notes.append(f"{name}:{value} is not a {what}: {name}:" + "|".join(pool))
    return tuple(notes)


@dataclass(slots=True)
class _Unit:
    """One unit as the scorer sees it, made from the index's arrays for each candidate."""

    report: int
    section: int  # section index, -1 for the report title
    title: tuple[int, int]  # folded span of the heading (empty when none)
    body: tuple[int, int]  # folded span of the text
    figures: tuple[tuple[str, str, int], ...]  # (folded label, kind, figure index)


@dataclass(slots=True)
class _Plan:
    """Per-query compiled matchers."""

    res: list[re.Pattern[str]]
    fuzzy_only: list[bool]
    plain_phrase: re.Pattern[str] | None
    phrases: list[re.Pattern[str]]
    query_text: str


class SearchIndex:
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
        for w in self._vocab:
            by_len.setdefault(len(w), []).append(w)
        self._by_len = by_len
        self._vocab_dirty = False

    # ------------------------------------------------------------------ expansion

    def _prefix_words(self, prefix: str) -> list[str]:
        v = self._vocab
        lo = bisect.bisect_left(v, prefix)
        hi = bisect.bisect_left(v, prefix + "\U0010ffff", lo)
        return v[lo:hi]

    def _fuzzy_words(self, word: str) -> tuple[str, ...]:
        """Vocabulary words within a small edit distance (typos, swapped letters)."""
        cached = self._fuzzy_cache.get(word)
        if cached is not None:
            return cached
        n = len(word)
        if n < 3 or word.isdigit():
            out: tuple[str, ...] = ()
        else:
            cutoff = 1 if n <= 5 else 2
            pool: list[str] = []
            for length in range(n - cutoff, n + cutoff + 1):
                pool.extend(self._by_len.get(length, ()))
            found = process.extract(
                word, pool, scorer=DamerauLevenshtein.distance, score_cutoff=cutoff, limit=12
            )
            found.sort(key=lambda t: (t[1], -len(self._post.get(t[0], ()))))
            out = tuple(w for w, _, _ in found if w != word)
        if len(self._fuzzy_cache) > 2000:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[word] = out
        return out

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

    def _plan(self, q: Query, alts: list[list[tuple[str, bool]]], fuzzy_only: list[bool]) -> _Plan:
        # Word starts are checked by a lookbehind placed after the literal, so that the regex
        # engine can scan for the literal prefix (much faster than testing every position).
        bodies: list[str] = []
        for options in alts:
            parts = sorted(options, key=lambda o: -len(o[0]))
            ors = [f"{re.escape(w)}(?<!\\w{re.escape(w)})" + ("" if p else r"(?!\w)") for w, p in parts]
            bodies.append(ors[0] if len(ors) == 1 else "(?:" + "|".join(ors) + ")")
        res = [re.compile(b) for b in bodies]
        sep = r"[^\w\n]{1,4}"
        plain = [i for i, t in enumerate(q.terms) if t.phrase is None]
        plain_phrase = None
        if len(plain) >= 2:
            plain_phrase = re.compile(sep.join(bodies[i] for i in plain))
        phrases = [re.compile(sep.join(bodies[i] for i in idx)) for idx in q.phrases]
        return _Plan(res, fuzzy_only, plain_phrase, phrases, " ".join(t.text for t in q.terms))

    def _candidates(self, q: Query, expansions: list[list[str]], postings: dict[str, array]) -> list[int]:
        """Unit ids to score, at most VERIFY_BUDGET, title matches and earlier units first.

        The rarest word drives. When a second word is rare enough, posting sets are intersected;
        otherwise the driver's postings are walked in unit order (titles first) up to the budget
        and the other words are left to the verification regexes.
        """
        sizes = []
        for words in expansions:
            total = 0
            for w in words:
                total += len(postings.get(w, ()))
                if total > SET_LIMIT:
                    break
            sizes.append(total)
        order = sorted(range(len(expansions)), key=lambda i: sizes[i])
        driver = order[0]
        kind_set: set[int] | None = None
        if q.kinds:
            kind_set = set()
            for k in q.kinds:
                kind_set.update(self._kind_units[k])
        others = [i for i in order[1:] if sizes[i] <= min(SET_LIMIT, max(SET_LIMIT // 4, 4 * sizes[driver]))]

        if sizes[driver] <= SET_LIMIT and (others or kind_set is not None):
            cand: set[int] = set()
            for w in expansions[driver]:
                cand.update(postings.get(w, ()))
            for i in others:
                other: set[int] = set()
                for w in expansions[i]:
                    other.update(postings.get(w, ()))
                cand &= other
            if kind_set is not None:
                cand &= kind_set
            if len(cand) <= VERIFY_BUDGET:
                return sorted(cand)
            titled: set[int] = set()
            for w in expansions[driver]:
                titled.update(self._tpost.get(w, ()))
            first = sorted(cand & titled)[:VERIFY_BUDGET]
            if len(first) < VERIFY_BUDGET:
                rest = sorted(cand - titled)[: VERIFY_BUDGET - len(first)]
                first.extend(rest)
            return first
        return self._stream(expansions[driver], postings)

    def _stream(self, words: list[str], postings: dict[str, array]) -> list[int]:
        """The first VERIFY_BUDGET units (titles first, then in unit order) holding any of `words`.

        Cached until the next add(): typing "n", "ng", "ngâ" repeats these walks.
        """
        span = tuple(words) if len(words) <= 16 else (words[0], words[-1], len(words))
        key = (span, postings is self._tpost)
        cached = self._stream_cache.get(key)
        if cached is not None:
            return cached
        out: list[int] = []
        seen: set[int] = set()
        for source in (self._tpost, postings):
            streams = [source[w] for w in words if w in source]
            merged = streams[0][: VERIFY_BUDGET * 2] if len(streams) == 1 else _dedup(heapq.merge(*streams))
            for uid in merged:
                if uid in seen:
                    continue
                seen.add(uid)
                out.append(uid)
                if len(out) >= VERIFY_BUDGET:
                    break
            if len(out) >= VERIFY_BUDGET:
                break
        if len(self._stream_cache) > 256:
            self._stream_cache.clear()
        self._stream_cache[key] = out
        return out

    def _fields(
        self, u: _Unit, text: str, scopes: set[str], kinds: tuple[str, ...]
    ) -> list[tuple[str, str, int, int]]:
        """(field, text, start, end) regions of a unit to match against (`text`: its folded text)."""
        out: list[tuple[str, str, int, int]] = []
        if "titles" in scopes:
            if u.section < 0 and u.title == (0, 0):
                title = self._reports[u.report].title or ""
                out.append(("title", fold(title), 0, len(title)))
            elif u.title[1] > u.title[0]:
                out.append(("title", text, u.title[0], u.title[1]))
        if "figures" in scopes or kinds:
            for label, kind, _ in u.figures:
                if label and (not kinds or kind in kinds):
                    out.append(("figure", label, 0, len(label)))
        if "text" in scopes and u.body[1] > u.body[0]:
            out.append(("text", text, u.body[0], u.body[1]))
        return out

    def _score(self, uid: int, q: Query, plan: _Plan, scopes: set[str]) -> tuple[float, str | None] | None:
        """(score, field that scored best: None when the words are spread over fields)."""
        u, text, _ = self._unit_and_text(uid)
        fields = self._fields(u, text, scopes, q.kinds)
        if not fields:
            return None
        if q.kinds:
            kinds = set(q.kinds)
            if not any(k in kinds for _, k, _ in u.figures):
                return None
        n = len(plan.res)
        found = [False] * n
        best = -1.0
        best_field: str | None = None
        for name, text, a, b in fields:
            weight = _FIELD_WEIGHT[name]
            # Quoted phrases must occur as written (in some field).
            hits = [r.search(text, a, b) for r in plan.res]
            present = [h is not None for h in hits]
            for i, p in enumerate(present):
                if p:
                    found[i] = True
            if not all(present):
                continue
            if plan.phrases and not all(p.search(text, a, b) for p in plan.phrases):
                continue
            if n == 1 or (plan.plain_phrase is not None and plan.plain_phrase.search(text, a, b)):
                tier = 3
            elif _in_order(plan.res, text, a, b):
                tier = 2
            else:
                tier = 1
            bonus = 0.0
            if name == "text":
                first = hits[0]
                s = max(a, first.start() - 10)
                window = text[s : s + len(plan.query_text) + 20]
                bonus += fuzz.partial_ratio(plan.query_text, window) / 100 * 8
                # A hit in the opening sentence says what the section is about.
                bonus += 4 * max(0.0, 1 - (first.start() - a) / 400)
            else:
                window = text[a:b] if b - a < 300 else text[a : a + 300]
                bonus += fuzz.ratio(plan.query_text, window) / 100 * 12
            last = hits[-1]
            if q.terms[-1].prefix and last is not None:
                end = last.end()
                if end >= len(text) or not text[end].isalnum():
                    bonus += 4  # the word being typed is already complete
            score = tier * 100 + weight * 20 + bonus
            typos = sum(1 for t, h in zip(q.terms, hits, strict=True) if not h.group().startswith(t.text))
            score -= 30 * typos
            if score > best:
                best, best_field = score, name
        if best < 0:
            if not all(found):
                return None
            if plan.phrases:
                return None
            return 1 * 20 - 30 * sum(plan.fuzzy_only), None  # words spread over title, text and labels
        return best, best_field

    # ------------------------------------------------------------------ results

    def _hit(self, uid: int, score: float, q: Query, plan: _Plan, best_field: str | None) -> SearchHit:
        u, text, omap = self._unit_and_text(uid)
        report = self._reports[u.report]
        if u.section < 0:
            title = report.title or report.display_title
            region = u.title if u.title != (0, 0) else None
            section = section_index = None
            kind = "report_title"
        else:
            sec = report.sections[u.section]
            title = sec.title
            region = (u.title[0], u.body[1])
            section, section_index = sec.number, u.section
            kind = "section_title"
        if u.section >= 0:
            kind = {"title": "section_title", "figure": "figure", "text": "text", None: "text"}[best_field]

        # Marks: the query as a phrase where it occurs so (one span each), else every word.
        spans: list[tuple[int, int]] = []
        if region is not None:
            whole = [plan.plain_phrase] if plan.plain_phrase is not None else []
            for r in whole + plan.phrases:
                spans.extend(m.span() for m in r.finditer(text, region[0], region[1]))
            plain_words = sum(t.phrase is None for t in q.terms)
            if not spans or (plan.phrases and plain_words == 1):
                for r in plan.res:
                    spans.extend(m.span() for m in r.finditer(text, region[0], region[1]))
            spans = _merge(sorted(spans))[:MAX_MATCHES]
        matches = tuple(to_source(omap, s, e) for s, e in spans)

        if kind == "report_title" or (kind == "section_title" and region is not None):
            if kind == "report_title" and region is None:
                snippet = " ".join(title.split())
                snip_matches = _spans_in(fold(snippet), plan)
            else:
                a, b = u.title if kind == "report_title" else (u.title[0], u.title[1])
                snippet, snip_matches = self._snippet(u.report, a, b, spans)
        else:
            anchor_spans = [s for s in spans if s[0] >= u.body[0]] or spans
            if kind == "figure" and best_field == "figure":
                figs = [f for f in u.figures if all(r.search(f[0]) for r in plan.res)]
                if figs:
                    fig = report.figures[figs[0][2]]
                    fs, fe = to_folded(omap, fig.start), to_folded(omap, fig.end)
                    # The label's words usually come just before the figure: start there.
                    near = [sp for sp in spans if fs - 150 <= sp[0] <= fe]
                    anchor_spans = near[:1] or [(fs, fe)]
            if anchor_spans:
                first = anchor_spans[0][0]
                a = max(u.body[0], first - SNIPPET_BEFORE)
                b = min(u.body[1], a + SNIPPET_WIDTH)
                a = _word_start(text, a, u.body[0])
            else:
                a, b = u.body[0], min(u.body[1], u.body[0] + SNIPPET_WIDTH)
            snippet, snip_matches = self._snippet(u.report, a, b, spans)
        return SearchHit(
            doc=report.path,
            report_index=u.report,
            section=section,
            section_index=section_index,
            title=" ".join(title.split()),
            score=round(score, 3),
            snippet=snippet,
            snippet_matches=snip_matches,
            matches=matches,
            kind=kind,
        )

    def _snippet(
        self, r: int, a: int, b: int, spans: list[tuple[int, int]]
    ) -> tuple[str, tuple[tuple[int, int], ...]]:
        """One line of source text for folded [a, b), NFC, with the match spans inside it."""
        src = self._reports[r].text
        omap = self._offset_map(r)
        pieces: list[str] = []
        out: list[tuple[int, int]] = []
        pos = a
        length = 0
        prefix = "…" if a > 0 and src[to_source(omap, a, a)[0] - 1 : to_source(omap, a, a)[0]].strip() else ""
        if prefix:
            pieces.append(prefix)
            length += 1

        def piece(s: int, e: int) -> str:
            ss, se = to_source(omap, s, e)
            return unicodedata.normalize("NFC", src[ss:se].translate(_SPACE))

        for s, e in spans:
            if e <= a or s >= b:
                continue
            s, e = max(s, a), min(e, b)
            if s < pos:
                continue
            before = piece(pos, s)
            hit = piece(s, e)
            pieces.append(before)
            length += len(before)
            out.append((length, length + len(hit)))
            pieces.append(hit)
            length += len(hit)
            pos = e
        pieces.append(piece(pos, b))
        snippet = "".join(pieces)
        return snippet, tuple(out)

    def _kind_listing(self, q: Query, limit: int) -> tuple[list[SearchHit], int]:
        """kind:... with no words: the figures of those kinds, one hit each, in corpus order
        (the snippet around the figure); and how many there are in all."""
        uids: set[int] = set()
        for k in q.kinds:
            uids.update(self._kind_units[k])
        hits: list[SearchHit] = []
        total = 0
        for uid in sorted(uids):
            u = self._unit(uid)
            figs = [fi for _, k, fi in u.figures if k in q.kinds]
            total += len(figs)
            if len(hits) >= limit:
                continue
            u, folded, omap = self._unit_and_text(uid)
            report = self._reports[u.report]
            sec = report.sections[u.section]
            for fi in figs[: limit - len(hits)]:
                f = report.figures[fi]
                span = (to_folded(omap, f.start), to_folded(omap, f.end))
                a = max(u.body[0], span[0] - SNIPPET_BEFORE)
                a = _word_start(folded, a, u.body[0])
                b = min(u.body[1], a + SNIPPET_WIDTH)
                snippet, snip = self._snippet(u.report, a, b, [span])
                hits.append(
                    SearchHit(
                        doc=report.path,
                        report_index=u.report,
                        section=sec.number,
                        section_index=u.section,
                        title=" ".join(sec.title.split()),
                        score=100.0,
                        snippet=snippet,
                        snippet_matches=snip,
                        matches=((f.start, f.end),),
                        kind="figure",
                    )
                )
        return hits, total


K = TypeVar("K")
V = TypeVar("V")


class _RecentCache(Generic[K, V]):
    """The most recently used values, the oldest dropped once their sizes pass `budget` (the
    newest is always kept)."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._size = 0

    def get(self, key: K) -> V | None:
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def put(self, key: K, value: V, size: int) -> None:
        self._items[key] = (value, size)
        self._size += size
        while self._size > self.budget and len(self._items) > 1:
            _, (_, dropped) = self._items.popitem(last=False)
            self._size -= dropped


def _append_postings(postings: dict[str, array], words: Iterable[str], uid: int) -> None:
    for w in words:
        arr = postings.get(w)
        if arr is None:
            postings[w] = arr = array("i")
        arr.append(uid)


def _order(section_index: int | None) -> int:
    return -1 if section_index is None else section_index


def _dedup(it: Iterable[int]) -> Iterator[int]:
    last = -1
    for x in it:
        if x != last:
            yield x
            last = x


def _in_order(res: list[re.Pattern[str]], text: str, a: int, b: int) -> bool:
    pos = a
    for r in res:
        m = r.search(text, pos, b)
        if m is None:
            return False
        pos = m.end()
    return True


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _spans_in(folded: str, plan: _Plan) -> tuple[tuple[int, int], ...]:
    spans = [(m.start(), m.end()) for r in plan.res for m in r.finditer(folded)]
    return tuple(_merge(sorted(spans)))


def _word_start(text: str, a: int, floor: int) -> int:
    """Move `a` forward to the start of the next word, unless that would skip too much."""
    if a <= floor or not text[a - 1].isalnum():
        return a
    i = a
    while i < len(text) and i - a < 15 and text[i].isalnum():
        i += 1
    return i if i - a < 15 else a
