"""The DOCX reader (the `docx` extra, python-docx): paragraphs and tables in document order.

A table row is one block of its cells joined by " | "; a merged cell (gridSpan, vMerge) is one
cell at every grid position it covers, written once, in the first row it covers.
"""

from __future__ import annotations

import io

from reportview.core.decoding import BinaryInputError
from reportview.core.formats.blocks import Slot, TableBlock, assemble
from reportview.core.formats.html import _clean
from reportview.core.formats.registry import Extracted, MissingExtraError, Reader


def docx_to_text(data: bytes) -> str:
    """Text of a Word document (see read_docx)."""
    return read_docx(data).text


def read_docx(data: bytes) -> Extracted:
    """Text and tables of a Word document's paragraphs and tables in document order."""
    try:
        import docx
    except ImportError:
        raise MissingExtraError("DOCX needs the docx extra: pip install 'reportview[docx]'") from None
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str | TableBlock] = []
        items = document.iter_inner_content() if hasattr(document, "iter_inner_content") else None
        if items is None:  # python-docx < 1.1: paragraphs, then tables
            items = [*document.paragraphs, *document.tables]
        for item in items:
            if hasattr(item, "rows"):
                blocks.append(_table_block(item))
            else:
                blocks.append(_clean(item.text))
    except Exception as exc:  # python-docx raises zipfile/KeyError/lxml errors on broken files
        raise BinaryInputError(f"unreadable DOCX: {type(exc).__name__}") from None
    text, tables = assemble(blocks, "\n\n")
    return Extracted(text + "\n" if text else "", "docx", (), tables)


def _table_block(table) -> TableBlock:
    """The table's grid: python-docx gives a merged cell at each grid position, by its <w:tc>."""
    block = TableBlock(source="docx")
    # Keyed by the element's id, the element kept alive beside its slot so that no id is reused.
    slots: dict[int, tuple[object, Slot]] = {}
    for row in table.rows:
        grid_row: list[Slot] = []
        own: list[Slot] = []
        for cell in row.cells:
            tc = cell._tc
            known = slots.get(id(tc))
            if known is None:
                known = slots[id(tc)] = (tc, Slot(_clean(cell.text)))
                own.append(known[1])
            grid_row.append(known[1])
        block.add_row(grid_row, own)
    return block


READER = Reader("docx", frozenset({".docx"}), read_docx, stores_text=True)
