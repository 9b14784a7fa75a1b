"""Scoring a candidate unit: which fields hold the words, and how well."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from reportview.core.folding import fold
from reportview.core.search.candidates import _Plan
from reportview.core.search.query import Query
from reportview.core.search.units import _Unit

# Score layout: quality tier (phrase 3, words in order 2, all words in one field 1, spread over
# fields 0) * 100 + field weight (title 3, figure label 2, text 1) * 20 + up to 20 of rapidfuzz
# and small bonuses - 30 per word found only through a typo correction.
_FIELD_WEIGHT = {"title": 3, "figure": 2, "text": 1}


class _Scoring:
    """A unit's fields and its score for a query."""

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


def _in_order(res: list[re.Pattern[str]], text: str, a: int, b: int) -> bool:
    pos = a
    for r in res:
        m = r.search(text, pos, b)
        if m is None:
            return False
        pos = m.end()
    return True
