"""The words that qualify a figure (approx, over, under, at least) or make it a change (up, down)."""

from __future__ import annotations

import re

from reportview.core import lexicon as lx
from reportview.core.labels import words_before


def _match_end(
    words: list[str], table: dict[str, str], ends: frozenset[str], skip: frozenset[str]
) -> str | None:
    """The table entry that ends the word list, allowing filler words between it and the figure.

    `ends` holds the last word of every table phrase: no phrase can end on another word."""
    k = len(words)
    while k > 0:
        if words[k - 1] in ends:
            for n in (3, 2, 1):
                if k - n < 0:
                    continue
                phrase = " ".join(words[k - n : k])
                if phrase in table:
                    return table[phrase]
        if words[k - 1] in skip:
            k -= 1
            continue
        return None
    return None


_QUALIFIER_ENDS = frozenset(phrase.split()[-1] for phrase in lx.QUALIFIERS_BEFORE)
# "ước tăng 11,07%", "ước chiếm 23,4%": a qualifier may stand before the change or share verb.
_QUALIFIER_SKIP = lx.FILLERS | lx.QUALIFIED_VERBS | frozenset(w for p in lx.CHANGES_BEFORE for w in p.split())
_CHANGE_SKIP = lx.FILLERS | frozenset(lx.QUALIFIERS_BEFORE)


def qualifier_around(text: str, start: int, end: int, words: list[str] | None = None) -> str | None:
    """approx / over / under / at_least from the words right before (or "trở lên" right after)."""
    after = text[end : end + 16].lower().lstrip()
    for phrase, q in lx.QUALIFIERS_AFTER.items():
        if after.startswith(phrase):
            return q
    words = words_before(text, start) if words is None else words
    return _match_end(words, lx.QUALIFIERS_BEFORE, _QUALIFIER_ENDS, _QUALIFIER_SKIP)


def change_word_before(words: list[str]) -> tuple[str, str] | None:
    """(phrase, up/down) of the change word right before a figure ("tăng 7%", "giảm 06 vụ")."""
    k = len(words)
    while k > 0 and words[k - 1] in _CHANGE_SKIP:
        k -= 1
    if k == 0:
        return None
    for n in (2, 1):
        phrase = " ".join(words[max(0, k - n) : k])
        if phrase in lx.CHANGES_BEFORE:
            # "vượt mức 10/12 chỉ tiêu" is exceeding a target, not a change.
            if k < len(words) and words[k] in lx.NOT_CHANGE_AFTER:
                return None
            return phrase, lx.CHANGES_BEFORE[phrase]
    return None


def _attained(words: list[str]) -> bool:
    """ "đạt và vượt 20 chỉ tiêu": attaining a target, neither a change nor "more than"."""
    tail = " ".join(words[-4:])
    return any(tail.endswith(phrase) for phrase in lx.ATTAINMENT_PHRASES)


def qualifier_and_change(
    text: str, start: int, end: int, kind: str, base: str | None, words: list[str]
) -> tuple[str | None, str | None]:
    """The figure's qualifier and change, with "vượt" read as either (or neither) by what follows.

    "vượt 0,9% kế hoạch" compares with a plan (a change up); "vượt 8 triệu tấn" means "more than"
    (qualifier over); "đạt và vượt 20 chỉ tiêu/21" is attainment (neither)."""
    qualifier = qualifier_around(text, start, end, words)
    hit = change_word_before(words)
    if hit is None:
        return qualifier, None
    phrase, change = hit
    if phrase in lx.COMPARING_WORDS:
        if _attained(words):
            return qualifier, None
        if base is None and kind != "percent":
            return qualifier or "over", None
    return qualifier, change


_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
_BASE_OBJECT = re.compile(r"[ \t]*([\w'’/-]+(?:[ \t]+[\w'’/-]+){0,3}?)(?=[ \t]*(?:[,;.()\n]|$))")


def _words_after(text: str, pos: int, limit: int = 4) -> list[tuple[str, int]]:
    """The words right after `pos` on its line, up to punctuation: (lower-cased word, its end)."""
    out: list[tuple[str, int]] = []
    while len(out) < limit:
        m = _NEXT_WORD.match(text, pos)
        if not m:
            break
        out.append((m[1].lower(), m.end()))
        pos = m.end()
    return out


def _base_object(text: str, pos: int) -> str | None:
    """What an English comparison is against: "FY2019", "2020", "last year", "the previous year"."""
    m = _BASE_OBJECT.match(text, pos, min(len(text), pos + 40))
    if not m:
        return None
    phrase = m[1]
    low = phrase.lower()
    if any(c.isdigit() for c in phrase) or any(low.startswith(w) for w in lx.BASE_OBJECTS_EN):
        return phrase
    return None


def change_after(text: str, end: int) -> tuple[str, str | None] | None:
    """An English change stated after the number: "a 64% increase", "23% over FY2019",
    "$4 million less than 2020". Returns (up/down, base or None)."""
    words = _words_after(text, end)
    for n in (2, 1):
        if len(words) < n:
            continue
        phrase = " ".join(w for w, _ in words[:n])
        after = words[n - 1][1]
        if phrase in lx.CHANGES_AFTER:
            base = None
            if len(words) > n and words[n][0] in lx.BASE_LINKS_EN:
                base = _base_object(text, words[n][1])
            return lx.CHANGES_AFTER[phrase], base
        if phrase in lx.COMPARISONS_AFTER:
            base = _base_object(text, after)
            if base is not None:
                return lx.COMPARISONS_AFTER[phrase], base
    return None
