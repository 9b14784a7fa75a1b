"""Accent and case folding for search: "Cử tri đi bầu" -> "cu tri di bau".

`fold` maps every character to at most one character with a `str.translate` table (Latin
letters with tone/vowel marks -> base letter, đ -> d, lower-cased), so on NFC text the
folded copy has the same length as the input and offsets carry over unchanged.  Combining
marks (NFD input) are dropped; `fold_with_map` then also returns, for every folded
character, the index of the source character it came from.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _build_table() -> dict[int, int | str | None]:
    table: dict[int, int | str | None] = {}
    ranges = [(0x00C0, 0x0250), (0x1E00, 0x1F00), (0x0041, 0x005B)]
    for lo, hi in ranges:
        for code in range(lo, hi):
            ch = chr(code)
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            base = base.lower()
            if len(base) == 1 and base != ch:
                table[code] = base
    extra = dict(zip("đĐðÐłŁøØıİ", "ddddllooii", strict=True))
    for ch, to in extra.items():
        table[ord(ch)] = to
    # Typographic variants that users type plainly.
    for ch in "\u2018\u2019\u201a\u201b\u2032":
        table[ord(ch)] = "'"
    for ch in "\u201c\u201d\u201e\u201f\u2033":
        table[ord(ch)] = '"'
    for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        table[ord(ch)] = "-"
    table[0x00A0] = " "
    return table


_TABLE = _build_table()
_DROP = {code: None for code in range(0x0300, 0x0370)}
_DROP.update({code: None for code in range(0x1AB0, 0x1B00)})
_DROP.update({code: None for code in range(0x1DC0, 0x1E00)})
_DROP.update({code: None for code in range(0x20D0, 0x2100)})
_DROP.update({code: None for code in range(0xFE20, 0xFE30)})
_FULL_TABLE = {**_TABLE, **_DROP}


def _fold_chars(text: str) -> str:
    """Translate then lower-case, keeping one output character per input character."""
    out = text.translate(_TABLE)
    low = out.lower()
    if len(low) == len(out):
        return low
    # A few characters lower-case to two (e.g. U+0130); keep them as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in out)


def fold(text: str) -> str:
    """Case- and accent-folded text. Same length as `text` unless it holds combining marks."""
    if _COMBINING.search(text) is None:
        return _fold_chars(text)
    return _fold_chars(text.translate(_FULL_TABLE))


def fold_with_map(text: str) -> tuple[str, array | None]:
    """The folded text and a map folded index -> source index (None: the identity).

    The map has one extra entry at the end, `len(text)`, so a folded span `[s, e)` maps to the
    source span `[m[s], m[e])`.
    """
    if _COMBINING.search(text) is None:
        return _fold_chars(text), None
    kept = array("i")
    pieces: list[str] = []
    last = 0
    for m in _COMBINING.finditer(text):
        if m.start() > last:
            pieces.append(text[last : m.start()])
            kept.extend(range(last, m.start()))
        last = m.end()
    if last < len(text):
        pieces.append(text[last:])
        kept.extend(range(last, len(text)))
    kept.append(len(text))
    folded = _fold_chars("".join(pieces))
    return folded, kept


def to_source(offset_map: array | None, start: int, end: int) -> tuple[int, int]:
    """Map a folded span back to the source text (trailing combining marks included)."""
    if offset_map is None:
        return start, end
    return offset_map[start], offset_map[end]


def to_folded(offset_map: array | None, offset: int) -> int:
    """The folded index of the first kept character at or after source `offset`."""
    if offset_map is None:
        return offset
    return bisect.bisect_left(offset_map, offset)
