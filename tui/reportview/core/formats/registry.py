"""The format registry's parts: what a reader returns and how a reader is described."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportview.core.model import Span
from reportview.core.tables import Table


class MissingExtraError(Exception):
    """A format whose optional dependency is not installed; the message names the extra."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """A reader's result: the text (figure offsets index it), what it was read as, and its tables."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    # Markup the reader styles (Markdown headings and emphasis, core/markup.py).
    markup: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Reader:
    """One format: its name, the file suffixes it reads, and the function reading a file's bytes.

    `stores_text`: the cache keeps the text itself (extraction is the cost, not decoding).
    """

    name: str
    suffixes: frozenset[str]
    read: Callable[[bytes], Extracted]
    stores_text: bool = False
