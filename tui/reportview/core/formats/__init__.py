"""Formats: one reader per format behind one registry, which also answers which suffixes exist.

Every reader returns plain text with one block per line (so the rest of the pipeline treats every
format alike; figure offsets index this text) and the tables it found, cells' spans in that text.
A suffix no reader claims is read as plain text.
"""

from __future__ import annotations

from pathlib import Path

from reportview.core.formats import docx, html, pdf, plain
from reportview.core.formats.docx import docx_to_text
from reportview.core.formats.html import html_to_text
from reportview.core.formats.pdf import pdf_to_text, reflow_pdf_pages
from reportview.core.formats.plain import text_tables
from reportview.core.formats.registry import Extracted, MissingExtraError, Reader

READERS: tuple[Reader, ...] = (plain.READER, plain.MARKDOWN_READER, html.READER, pdf.READER, docx.READER)
_BY_SUFFIX = {suffix: reader for reader in READERS for suffix in reader.suffixes}

# The suffixes some reader claims, and those whose text the cache keeps (extraction is the cost).
SUFFIXES: frozenset[str] = frozenset(_BY_SUFFIX)
STORED_TEXT_SUFFIXES: frozenset[str] = frozenset(s for r in READERS if r.stores_text for s in r.suffixes)

__all__ = [
    "READERS",
    "STORED_TEXT_SUFFIXES",
    "SUFFIXES",
    "Extracted",
    "MissingExtraError",
    "Reader",
    "docx_to_text",
    "html_to_text",
    "pdf_to_text",
    "read",
    "reader_for",
    "reflow_pdf_pages",
    "text_tables",
]


def reader_for(path: str | Path) -> Reader:
    """The reader of a file, by its suffix (plain text for any suffix no reader claims)."""
    return _BY_SUFFIX.get(Path(path).suffix.lower(), plain.READER)


def read(path: str | Path, data: bytes) -> Extracted:
    """The text and tables of a file's bytes, read by the reader of its suffix."""
    return reader_for(path).read(data)
