"""The plain-text reader (.txt, .md and every suffix no other reader claims): decoded bytes, and the
tables written in them (Markdown pipe tables, tables aligned with spaces)."""

from __future__ import annotations

from reportview.core.decoding import decode_bytes
from reportview.core.formats.registry import Extracted, Reader
from reportview.core.formats.text_tables import find_tables
from reportview.core.markup import markdown_spans, page_tag_spans
from reportview.core.tables import Table, build_table


def text_tables(text: str) -> tuple[Table, ...]:
    """The data tables written in `text`, numbered in order; spans index `text` itself."""
    out: list[Table] = []
    for found in find_tables(text):
        table = build_table(
            found.grid, len(out), found.above, source=found.kind, header_rows=found.header_rows
        )
        if table is not None:
            out.append(table)
    return tuple(out)


def read_plain(data: bytes) -> Extracted:
    """Text in its detected encoding (BinaryInputError for binary data), its tables, and the break tags
    a copied web page left in it (marks the reader leaves out)."""
    decoded = decode_bytes(data)
    text = decoded.text
    return Extracted(text, decoded.encoding, decoded.warnings, text_tables(text), page_tag_spans(text))


def read_markdown(data: bytes) -> Extracted:
    """Plain text that is Markdown: its tables, and its headings and emphasis for the reader."""
    got = read_plain(data)
    marks = tuple(sorted((*got.markup, *markdown_spans(got.text)), key=lambda s: (s.start, s.end)))
    return Extracted(got.text, got.encoding, got.warnings, got.tables, marks)


READER = Reader("text", frozenset({".txt", ".text"}), read_plain)
MARKDOWN_READER = Reader("markdown", frozenset({".md", ".markdown"}), read_markdown)

# The readers of plain text, whose bytes the cache re-reads rather than storing their text.
TEXT_READERS = (READER, MARKDOWN_READER)
