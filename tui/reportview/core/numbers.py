"""The number grammar: Vietnamese (39.399,4) and English (39,399.4) conventions, decided per document."""

from __future__ import annotations

import re
from typing import Literal

Convention = Literal["vi", "en"]

# A number as written: digits with '.' or ',' between groups. Boundaries are checked by callers.
NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")

# Unambiguous evidence for one convention or the other.
_VI_EVIDENCE = re.compile(
    r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?![\d.,])"  # 39.399,4
    r"|(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,])"  # 1.234.567
    r"|(?<![\d.,])\d+,\d{1,2}(?![\d.,])\s*(?:%|[^\W\d_])"  # 93,18% / 1,8 tỷ
)
_EN_EVIDENCE = re.compile(
    r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d+(?![\d.,])"  # 39,399.4
    r"|(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d.,])"  # 1,234,567
    r"|(?<![\d.,])\d+\.\d{1,2}(?![\d.,])\s*(?:%|percent|million|billion|[^\W\d_])"  # 2.5% / 3.4 million
)
_VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300-\u0323]|[à-ỹ]")
_ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|was|were|percent|million|billion)\b", re.IGNORECASE)


def detect_convention(text: str) -> Convention:
    """The number convention of a document, from the unambiguous numbers and then its language."""
    vi = len(_VI_EVIDENCE.findall(text))
    en = len(_EN_EVIDENCE.findall(text))
    if vi != en:
        return "vi" if vi > en else "en"
    sample = text[:20000]
    vi_letters = len(_VIETNAMESE_LETTERS.findall(sample))
    en_words = len(_ENGLISH_WORDS.findall(sample))
    return "en" if en_words * 3 > vi_letters else "vi"


def parse_number(token: str, convention: Convention) -> float | None:
    """The value of a number token in the document's convention, or None when it is no number."""
    thousands, decimal = (".", ",") if convention == "vi" else (",", ".")
    if thousands in token and decimal in token:
        head, _, frac = token.rpartition(decimal)
        if thousands in frac or decimal in head or not _grouped(head, thousands):
            return None
        return float(head.replace(thousands, "") + "." + frac)
    if thousands in token:
        if _grouped(token, thousands):
            return float(token.replace(thousands, ""))
        # "2.4" in a Vietnamese text: a decimal point written the English way.
        if token.count(thousands) == 1:
            return float(token.replace(thousands, "."))
        return None
    if decimal in token:
        if token.count(decimal) != 1:
            return None
        return float(token.replace(decimal, "."))
    return float(token)


def _grouped(token: str, sep: str) -> bool:
    parts = token.split(sep)
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def format_number(value: float, convention: Convention, decimals: int | None = None) -> str:
    """Write a number in a convention ("39.399,4" / "39,399.4"); the inverse of parse_number."""
    if decimals is None:
        text = repr(float(value))
        if "e" in text or "E" in text:
            text = f"{value:.6f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.{decimals}f}"
    negative = text.startswith("-")
    text = text.lstrip("-")
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0") if decimals is None else frac
    thousands, decimal = (".", ",") if convention == "vi" else (",", ".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = thousands.join(groups) + (decimal + frac if frac else "")
    return ("-" if negative else "") + out
