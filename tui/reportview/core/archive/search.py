"""Search over an archive: the in-memory engine's ranking, with its index read from SQLite.

`ArchiveIndex` is `search.SearchIndex` whose postings, vocabulary, units and reports live in the
archive instead of in memory: candidates come from the FTS5 index (the same sets the in-memory
engine builds: the rarest word drives, rare-enough words are intersected, else the driver's units
are walked in unit order, titles first, up to the same budget), and are then scored, ranked and
highlighted by the engine's own code, on the folded text of each candidate's unit, with offsets
mapped back to the source as the engine does. So results equal the in-memory engine's over the
same reports (tested on vn-news), while memory stays flat: only bounded caches are held.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reportview.core.archive.reader import Archive
from reportview.core.archive.shard import decompress_text
from reportview.core.folding import fold, fold_with_map
from reportview.core.model import Report
from reportview.core.search import (
    FOLDED_CACHE_CHARS,
    REGION_TAIL,
    SET_LIMIT,
    VERIFY_BUDGET,
    Query,
    SearchIndex,
    _RecentCache,
    _Unit,
)
from reportview.core.terms import IndexTerms

_ALL = "{title_words other_words}"
# Typed prefixes up to this long are asked from FTS5's prefix index (schema: prefix='1 2');
# longer ones as their words, unless there are more than PREFIX_AS_WORDS.
PREFIX_INDEXED = 2
PREFIX_AS_WORDS = 64
# Light reports kept for making hits (a query's hits touch each a few times).
HIT_REPORTS_KEPT = 1024
_TITLE = "title_words"


class _Count:
    """Stands for the engine's unit arrays where only their length is asked."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n


class _Words:
    """Stands for a posting dict where the engine asks whether a word occurs (`in`)."""

    def __init__(self, index: ArchiveIndex) -> None:
        self._index = index

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._index._count(word) is not None


@dataclass(frozen=True, slots=True)
class _SectionRow:
    number: int | None
    title: str


@dataclass(frozen=True, slots=True)
class _FigureRow:
    start: int
    end: int
    label: str | None
    kind: str


class _Rows:
    """A report's sections or figures as the engine reads them for a hit: rows of the user tables."""

    def __init__(self, index: ArchiveIndex, report: int, table: str) -> None:
        self._index, self._report, self._table = index, report, table

    def __getitem__(self, i: int) -> _SectionRow | _FigureRow:
        conn = self._index._conn
        if self._table == "sections":
            n, t = conn.execute(
                "SELECT number, title FROM archive_units WHERE report_id = ? AND section = ?",
                (self._report + 1, i),
            ).fetchone()
            return _SectionRow(n, t)
        s, e, label, kind = conn.execute(
            'SELECT start, "end", label, kind FROM figures WHERE report_id = ? AND idx = ?',
            (self._report + 1, i),
        ).fetchone()
        return _FigureRow(s, e, label, kind)


class _HitReport:
    """What the engine reads of a report to make a hit, without decoding the report: its path,
    title as parsed, sections' numbers and titles (the units'), figures' offsets."""

    __slots__ = ("_index", "figures", "index", "path", "sections", "title")

    def __init__(self, index: ArchiveIndex, r: int) -> None:
        self._index, self.index = index, r
        self.path, self.title = index._conn.execute(
            "SELECT r.doc, f.title FROM reports r JOIN archive_files f ON f.report_id = r.id WHERE r.id = ?",
            (r + 1,),
        ).fetchone()
        self.sections = _Rows(index, r, "sections")
        self.figures = _Rows(index, r, "figures")

    @property
    def text(self) -> str:
        return self._index._source(self.index)

    @property
    def display_title(self) -> str:
        return self.title or self._index._archive.report(self.index).display_title


class _HitReports:
    """The engine's `_reports` over an archive: light reports for ranking and hits."""

    def __init__(self, index: ArchiveIndex) -> None:
        self._index = index
        self._kept: dict[int, _HitReport] = {}

    def __len__(self) -> int:
        return self._index._archive.n_reports

    def __getitem__(self, r: int) -> _HitReport:
        kept = self._kept.get(r)
        if kept is None:
            if len(self._kept) >= HIT_REPORTS_KEPT:
                self._kept.clear()
            kept = self._kept[r] = _HitReport(self._index, r)
        return kept


class _KindUnits:
    """Units holding figures of a kind, in unit order: the first `limit` (all a listing shows)."""

    def __init__(self, index: ArchiveIndex) -> None:
        self._index = index

    def __getitem__(self, kind: str) -> Iterator[int]:
        return iter(self._index._match(f'kinds : "{kind}"', self._index._listing_limit))


def _quote(word: str) -> str:
    return f'"{word}"'


class ArchiveIndex(SearchIndex):
    """The search engine over an archive; read-only (`reportview index` updates the archive)."""

    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self._archive = archive
        # Its own connection (and the engine's own lock): the reports list and the reader read
        # through the archive's while a search runs in a worker.
        self._conn = archive.connect()
        self._reports = _HitReports(self)  # type: ignore[assignment]
        self._whole = archive.whole_folded()
        self._u_report = _Count(archive.n_units)  # type: ignore[assignment]
        self._post = _Words(self)  # type: ignore[assignment]
        self._tpost = _Words(self)  # type: ignore[assignment]
        self._kind_units = _KindUnits(self)  # type: ignore[assignment]
        self._texts: _RecentCache[int, str] = _RecentCache(FOLDED_CACHE_CHARS)
        # Word -> (units with it, units with it in a title), for the words of the current query.
        self._counts: dict[str, tuple[int, int] | None] = {}
        self._listing_limit = 0
        self._vocab_dirty = False

    def __len__(self) -> int:
        return self._archive.n_units

    @property
    def reports(self) -> Sequence[Report]:
        return self._archive.reports

    def add(self, report: Report, terms: IndexTerms | None = None) -> None:
        raise TypeError("an archive is read-only: update it with 'reportview index'")

    def _refresh_vocab(self) -> None:
        return None

    def _search(self, q: Query, limit: int) -> tuple[list, int]:
        if len(self._counts) > 50_000:
            self._counts.clear()
        return super()._search(q, limit)

    # ------------------------------------------------------------------ vocabulary

    def _count(self, word: str) -> tuple[int, int] | None:
        if word not in self._counts:
            row = self._conn.execute("SELECT n, nt FROM archive_terms WHERE word = ?", (word,)).fetchone()
            self._counts[word] = (row[0], row[1]) if row else None
        return self._counts[word]

    def _prefix_words(self, prefix: str) -> list[str]:
        rows = self._conn.execute(
            "SELECT word, n, nt FROM archive_terms WHERE word >= ? AND word < ? ORDER BY word",
            (prefix, prefix + "\U0010ffff"),
        ).fetchall()
        for w, n, nt in rows:
            self._counts[w] = (n, nt)
        return [w for w, _, _ in rows]

    # The engine's typo search (_Candidates._fuzzy_words) over the archive's vocabulary table.
    def _fuzzy_pool(self, shortest: int, longest: int, letters_only: bool) -> list[str]:
        letters = " AND letters = 1" if letters_only else ""
        return [
            w
            for (w,) in self._conn.execute(
                f"SELECT word FROM archive_terms WHERE len BETWEEN ? AND ?{letters} ORDER BY len, word",
                (shortest, longest),
            )
        ]

    def _word_use(self, word: str) -> int:
        return (self._count(word) or (0, 0))[0]

    # ------------------------------------------------------------------ candidates

    def _match(self, expr: str, limit: int) -> list[int]:
        return [
            uid
            for (uid,) in self._conn.execute(
                "SELECT rowid FROM archive_fts WHERE archive_fts MATCH ? ORDER BY rowid LIMIT ?",
                (expr, limit),
            )
        ]

    def _any_of(self, q: Query, i: int, words: list[str]) -> str:
        """FTS5 for "any of term i's expansion words": the words themselves (FTS5 reads each
        one's postings lazily), or for a short typed prefix or one of many words, the prefix
        (answered from its prefix index, or by merging its words' postings)."""
        term = q.terms[i]
        if term.prefix and (len(term.text) <= PREFIX_INDEXED or len(words) > PREFIX_AS_WORDS):
            rest = [w for w in words if not w.startswith(term.text)]
            parts = [_quote(term.text) + " *"] + [_quote(w) for w in rest]
        else:
            parts = [_quote(w) for w in words]
        return "(" + " OR ".join(parts) + ")"

    def _candidates(self, q: Query, expansions: list[list[str]], postings: object) -> list[int]:
        """The engine's candidates (same rule, same order), from the FTS5 index."""
        titles_only = postings is self._tpost
        col = _TITLE if titles_only else _ALL
        sizes = []
        for words in expansions:
            total = 0
            for w in words:
                n, nt = self._count(w) or (0, 0)
                total += nt if titles_only else n
                if total > SET_LIMIT:
                    break
            sizes.append(total)
        order = sorted(range(len(expansions)), key=lambda i: sizes[i])
        driver = order[0]
        limit = min(SET_LIMIT, max(SET_LIMIT // 4, 4 * sizes[driver]))
        others = [i for i in order[1:] if sizes[i] <= limit]
        drive = self._any_of(q, driver, expansions[driver])
        kinds = "kinds : (" + " OR ".join(_quote(k) for k in q.kinds) + ")" if q.kinds else None

        if sizes[driver] <= SET_LIMIT and (others or kinds is not None):
            parts = [f"{col} : {drive}"] + [f"{col} : {self._any_of(q, i, expansions[i])}" for i in others]
            if kinds is not None:
                parts.append(kinds)
            expr = " AND ".join(parts)
            cand = self._match(expr, VERIFY_BUDGET + 1)
            if len(cand) <= VERIFY_BUDGET:
                return self._prefetch(cand)
            first = self._match(f"({expr}) AND {_TITLE} : {drive}", VERIFY_BUDGET)
            if len(first) < VERIFY_BUDGET:
                first += self._match(f"({expr}) NOT {_TITLE} : {drive}", VERIFY_BUDGET - len(first))
            return self._prefetch(first)
        # The engine's stream: the driver's units with it in a title first, then the others.
        out = self._match(f"{_TITLE} : {drive}", VERIFY_BUDGET)
        if len(out) < VERIFY_BUDGET and not titles_only:
            out += self._match(f"({col} : {drive}) NOT {_TITLE} : {drive}", VERIFY_BUDGET - len(out))
        return self._prefetch(out)

    def _kind_listing(self, q: Query, limit: int) -> tuple[list, int]:
        """The engine's listing over the first `limit` units of those kinds (each holds one at
        least), and the total counted in SQL: every figure of those kinds that is in a section."""
        self._listing_limit = limit
        hits, _ = super()._kind_listing(q, limit)
        marks = ",".join("?" * len(q.kinds))
        (total,) = self._conn.execute(
            f"SELECT count(*) FROM figures WHERE section_idx IS NOT NULL AND kind IN ({marks})", q.kinds
        ).fetchone()
        return hits, total

    # ------------------------------------------------------------------ units and text

    def _prefetch(self, uids: list[int]) -> list[int]:
        """Read the candidates' units and their reports' texts in two queries, not one per unit."""
        missing = [u for u in uids if self._regions.get(u) is None]
        if missing:
            units = self._units(missing)
            need = sorted({u.report for u in units.values() if self._texts.get(u.report) is None})
            for k in range(0, len(need), 500):
                chunk = need[k : k + 500]
                marks = ",".join("?" * len(chunk))
                for rid, blob in self._conn.execute(
                    f"SELECT report_id, text FROM archive_texts WHERE report_id IN ({marks})",
                    [r + 1 for r in chunk],
                ):
                    text = decompress_text(blob)
                    self._texts.put(rid - 1, text, len(text))
            for uid, unit in units.items():
                self._store_region(uid, unit)
        return uids

    def _units(self, uids: list[int]) -> dict[int, _Unit]:
        out: dict[int, _Unit] = {}
        for k in range(0, len(uids), 500):
            chunk = uids[k : k + 500]
            marks = ",".join("?" * len(chunk))
            for uid, rid, section, ta, tb, ba, bb, labels in self._conn.execute(
                "SELECT uid, report_id, section, ta, tb, ba, bb, labels FROM archive_units"
                f" WHERE uid IN ({marks})",
                chunk,
            ):
                figures = tuple((lb, kd, fi) for lb, kd, fi in json.loads(labels)) if labels else ()
                out[uid] = _Unit(rid - 1, section, (ta, tb), (ba, bb), figures)
        return out

    def _unit(self, uid: int) -> _Unit:
        unit = self._units([uid]).get(uid)
        if unit is None:
            raise IndexError(uid)
        return unit

    def _source(self, r: int) -> str:
        text = self._texts.get(r)
        if text is None:
            row = self._conn.execute(
                "SELECT text FROM archive_texts WHERE report_id = ?", (r + 1,)
            ).fetchone()
            if row is None:
                raise IndexError(r)
            text = decompress_text(row[0])
            self._texts.put(r, text, len(text))
        return text

    def _store_region(self, uid: int, u: _Unit) -> tuple[_Unit, int, str | None]:
        """As the engine: the unit's folded region (NULs before it keep offsets), cached."""
        lo, region = 0, None
        if u.report not in self._whole:
            src = self._source(u.report)
            spans = [s for s in (u.title, u.body) if s[1] > s[0]]
            lo = max(0, min(s[0] for s in spans) - 1) if spans else 0
            hi = min(len(src), max((s[1] for s in spans), default=0) + REGION_TAIL)
            region = fold(src[lo:hi])
        size = len(region or "") + sum(len(label) for label, _, _ in u.figures)
        entry = (u, lo, region)
        self._regions.put(uid, entry, size)
        return entry

    def _unit_and_text(self, uid: int) -> tuple[_Unit, str, array | None]:
        cached = self._regions.get(uid)
        u, lo, region = cached if cached is not None else self._store_region(uid, self._unit(uid))
        if region is None:
            text, omap = self._folded_text(u.report)
            return u, text, omap
        return u, "\0" * lo + region, None

    def _folded_text(self, r: int) -> tuple[str, array | None]:
        hit = self._folded.get(r)
        if hit is None:
            hit = fold_with_map(self._source(r))
            self._folded.put(r, hit, len(hit[0]))
        return hit
