"""Counts in words for titles and notices: "1 figure", "354 figures"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and the noun, singular for one: counted(1, "figure") -> "1 figure"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
