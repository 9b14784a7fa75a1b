"""Results: a hit's title, its snippet around the matches, and the match offsets in the source."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportview.core.folding import fold, to_folded, to_source
from reportview.core.search.candidates import _Plan
from reportview.core.search.query import Query

_SPACE = str.maketrans({c: " " for c in "\n\r\t\v\f\x85\u2028\u2029"})

SNIPPET_BEFORE = 40
SNIPPET_WIDTH = 120
MAX_MATCHES = 200


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
    nothing: "kind:foo is not a kind: kind:money|percent|count|ratio|measure")."""

    def __init__(self, hits: Iterable[SearchHit] = (), total: int = 0, notes: tuple[str, ...] = ()) -> None:
        super().__init__(hits)
        self.total = max(total, len(self))
        self.notes = notes


class _Results:
    """Hits with their snippets, and kind: listings."""

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
            figs = [fi for _, k, fi in self._unit(uid).figures if k in q.kinds]
            total += len(figs)
            if len(hits) >= limit:
                continue  # counted, not shown: the unit's text is not folded for it
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


def phrase_stops(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Matched words next to each other (only spaces or punctuation between them) as one stop:
    `cu tri di bau` is one hit at `cử tri đi bầu`, not four."""
    stops: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if stops and 0 <= a - stops[-1][1] <= 3 and not any(c.isalnum() for c in text[stops[-1][1] : a]):
            stops[-1] = (stops[-1][0], max(b, stops[-1][1]))
        else:
            stops.append((a, b))
    return stops
