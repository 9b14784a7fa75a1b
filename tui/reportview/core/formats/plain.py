"""The plain-text reader (.txt, .md and every suffix no other reader claims): decoded bytes, and the
tables written in them (Markdown pipe tables, tables aligned with spaces)."""

from __future__ import annotations

from reportview.core.decoding import decode_bytes
from reportview.core.formats.registry import Extracted, Reader
from reportview.core.formats.text_tables import find_tables
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
    """Text in its detected encoding (BinaryInputError for binary data), and its tables."""
    decoded = decode_bytes(data)
    return Extracted(decoded.text, decoded.encoding, decoded.warnings, text_tables(decoded.text))


READER = Reader("text", frozenset({".txt", ".md", ".markdown", ".text"}), read_plain)
