"""Lines of a text with their offsets: the unit that cleaning and outlining work on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    """One line: [start, end) without its line break; `text` is the stripped content."""

    index: int
    start: int
    end: int
    text: str
    content_start: int
    content_end: int

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """Every line of `text` (\\n, \\r\\n and \\r breaks), with offsets of the stripped content."""
    return list(_iter_lines(text))


def _iter_lines(text: str) -> Iterator[Line]:
    pos = 0
    n = len(text)
    index = 0
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        raw_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        raw = text[pos:raw_end]
        # Old Mac files: a lone \r separates lines too.
        if "\r" in raw:
            for part_start, part in _split_cr(raw, pos):
                yield _make(index, part_start, part_start + len(part), part)
                index += 1
        else:
            yield _make(index, pos, raw_end, raw)
            index += 1
        if nl < 0:
            break
        pos = nl + 1


def _split_cr(raw: str, offset: int) -> Iterator[tuple[int, str]]:
    start = 0
    for i, ch in enumerate(raw):
        if ch == "\r":
            yield offset + start, raw[start:i]
            start = i + 1
    yield offset + start, raw[start:]


def _make(index: int, start: int, end: int, raw: str) -> Line:
    stripped_left = raw.lstrip()
    content_start = start + (len(raw) - len(stripped_left))
    content = stripped_left.rstrip()
    return Line(index, start, end, content, content_start, content_start + len(content))
