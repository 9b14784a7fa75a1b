"""The sentence around a span of text (for showing a figure in its sentence)."""

from __future__ import annotations

import re

# A sentence ends at . ! ? ; … (closing quotes and brackets after it), before a space; a line
# break ends one too (list items, table rows).
_END = re.compile(r"[.!?;…][\"”’)\]]*\s+|\n\s*")
MAX_SIDE = 400  # characters looked at on each side of the span


def sentence_span(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """(a, b): the sentence of text[lo:hi] holding text[start:end], at most MAX_SIDE each side."""
    hi = len(text) if hi is None else hi
    left = max(lo, start - MAX_SIDE)
    a = left
    for m in _END.finditer(text, left, start):
        a = m.end()
    b = min(hi, end + MAX_SIDE)
    m = _END.search(text, end, b)
    if m is not None:
        b = m.start() + 1 if text[m.start()] not in "\n" else m.start()
    return a, max(b, end)
