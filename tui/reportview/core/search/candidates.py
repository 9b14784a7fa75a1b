"""From query terms to candidate units: vocabulary expansion (prefixes, typos), matchers, and
the bounded candidate walk."""

from __future__ import annotations

import bisect
import heapq
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from reportview.core.search.query import Query, has_digit

# Candidate budgets (see module docstring): posting sets up to SET_LIMIT ids are materialised;
# at most VERIFY_BUDGET candidates are scored per query.
SET_LIMIT = 40_000
VERIFY_BUDGET = 400


@dataclass(slots=True)
class _Plan:
    """Per-query compiled matchers."""

    res: list[re.Pattern[str]]
    fuzzy_only: list[bool]
    plain_phrase: re.Pattern[str] | None
    phrases: list[re.Pattern[str]]
    query_text: str


class _Candidates:
    """Expansion of terms to vocabulary words, the per-query matchers, and the candidate units."""

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
            found = process.extract(
                word,
                self._fuzzy_pool(n - cutoff, n + cutoff, not has_digit(word)),
                scorer=DamerauLevenshtein.distance,
                score_cutoff=cutoff,
                limit=12,
            )
            found.sort(key=lambda t: (t[1], -self._word_use(t[0])))
            out = tuple(w for w, _, _ in found if w != word)
        if len(self._fuzzy_cache) > 2000:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[word] = out
        return out

    def _fuzzy_pool(self, shortest: int, longest: int, letters_only: bool) -> list[str]:
        """Vocabulary words of these lengths (the candidates a typo can be of); `letters_only`:
        without the words that hold a digit (a word typed without one is no typo of "2021" or
        "h5n1", and numbers are most of a big archive's vocabulary)."""
        by_len = self._by_len_letters if letters_only else self._by_len
        pool: list[str] = []
        for length in range(shortest, longest + 1):
            pool.extend(by_len.get(length, ()))
        return pool

    def _word_use(self, word: str) -> int:
        """How many units hold `word` (ties between typo candidates go to the commoner word)."""
        return len(self._post.get(word, ()))

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


def _dedup(it: Iterable[int]) -> Iterator[int]:
    last = -1
    for x in it:
        if x != last:
            yield x
            last = x
