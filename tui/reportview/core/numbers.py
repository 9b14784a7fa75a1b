"""The number grammar: Vietnamese (39.399,4) and English (39,399.4) conventions, decided per document."""

from __future__ import annotations

import itertools
import re
from typing import Literal

Convention = Literal["vi", "en"]
# The language a document is written in: a separate fact from its number convention (a Vietnamese
# article may write "3,400 gian hàng" the English way).
Language = Literal["vi", "en"]

# A number as written: digits with '.' or ',' between groups. Boundaries are checked by callers.
NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")
# Exactly the NUMBER_TOKEN matches that hold a separator (the only ones that vote on the convention).
_SEPARATED_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")

_DECIMAL_TAIL = re.compile(r"\s*(?:%|[^\W\d_])")
_VIETNAMESE_LETTERS = re.compile("[ăâđêôơưĂÂĐÊÔƠƯàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ\u1ea0-\u1ef9]")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# (The leading look-ahead, case-blind like the rest, rejects at a glance the positions no word starts at.)
_ENGLISH_WORDS = re.compile(
    r"(?=[taoiwpmb])\b(?:the|and|of|to|in|is|was|were|percent|million|billion)\b", re.IGNORECASE
)


def _evidence(token: str, text: str, end: int) -> str | None:
    """Which convention one number token proves, if any ("39.399,4" -> vi, "1,234.5" -> en)."""
    dots, commas = token.count("."), token.count(",")
    if dots and commas:
        return "vi" if token.rfind(",") > token.rfind(".") else "en"
    if dots >= 2:
        return "vi"
    if commas >= 2:
        return "en"
    sep = "," if commas else "." if dots else ""
    if not sep:
        return None
    _, _, frac = token.partition(sep)
    # One separator followed by one or two digits and a unit or %: a decimal mark.
    if len(frac) <= 2 and _DECIMAL_TAIL.match(text, end):
        return "vi" if sep == "," else "en"
    return None


def detect_convention(
    text: str, span: tuple[int, int] | None = None, language: Language | None = None
) -> Convention:
    """The number convention of a document, from its unambiguous numbers and then its language
    (`language`: detect_language's answer for the same span, when the caller has it already)."""
    start, end = span or (0, len(text))
    votes = {"vi": 0, "en": 0}
    for m in _SEPARATED_NUMBER.finditer(text, start, end):
        which = _evidence(m.group(), text, m.end())
        if which:
            votes[which] += 1
    if votes["vi"] != votes["en"]:
        return "vi" if votes["vi"] > votes["en"] else "en"
    return language or detect_language(text, (start, end))


def detect_language(text: str, span: tuple[int, int] | None = None) -> Language:
    """The language of a document's prose ("vi" or "en"), from the start of `span`: Vietnamese
    letters against common English words. Not the number convention: a Vietnamese text may
    write its numbers the English way."""
    start, end = span or (0, len(text))
    sample = text[start : min(end, start + 1500)]
    en_words = len(_ENGLISH_WORDS.findall(sample))
    # Vietnamese letters are counted only as far as the vote needs: up to three per English word (at
    # least one), which outvotes them; fewer, and English wins (or, with none, the rule below).
    enough = max(1, en_words * 3)
    vi_letters = sum(1 for _ in itertools.islice(_VIETNAMESE_LETTERS.finditer(sample), enough))
    # Vietnamese prose is never without its diacritics: a short English text naming none of the
    # common words is still English.
    if vi_letters == 0 and _LATIN_WORD.search(sample):
        return "en"
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
