"""Publication dates: find the date line of a report's header and read it as an ISO date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from reportview.core.lexicon import DATE_LINE_WORDS, DATE_LONG_FORM, METADATA_DATE_KEYS, MONTHS_EN

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), "ymd"),
    (re.compile(r"(?<!\d)(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)"), "dmy"),
    (
        re.compile(
            r"{}\s+(\d{{1,2}})\s+{}\s+(\d{{1,2}})\s+{}\s+(\d{{4}})".format(*DATE_LONG_FORM), re.IGNORECASE
        ),
        "dmy-vi",
    ),
    (re.compile(r"(?<![\w])([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?!\d)"), "mdy-en"),
    # "4 June 2019", "21-Mar-2020"
    (re.compile(r"(?<!\d)(\d{1,2})(?:\s+|-)([A-Za-z]{3,9})\.?,?(?:\s+|-)(\d{4})(?!\d)"), "dmy-en"),
)
# A date segment of a header line: the parts of "author | date | section" are read one by one.
_SEGMENT_SEP = re.compile(r"\s+\|\s+|\s*\|\s*(?=\S)")
SEGMENT_MAX_WORDS = 5  # a name or section label beside the date, not a sentence
NAME_WORDS_MAX = 8  # authors' names before a date
_METADATA = re.compile(
    r"#\s*(?:" + "|".join(METADATA_DATE_KEYS) + r")\s*[=:]\s*(\d{4})-?(\d{2})-?(\d{2})", re.IGNORECASE
)
_NOISE = re.compile(rf"{_TIME}(?:\s*(?:SA|CH|AM|PM))?|\(?GMT[+-]?\d*\)?|\d+|[^\w\s]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _read(match: re.Match[str], how: str) -> str | None:
    g = match.groups()
    if how == "ymd":
        return _iso(int(g[0]), int(g[1]), int(g[2]))
    if how == "dmy":
        # An American "2/20/2018" cannot be day/month: read it month/day.
        return _iso(int(g[3]), int(g[2]), int(g[0])) or _iso(int(g[3]), int(g[0]), int(g[2]))
    if how == "dmy-vi":
        return _iso(int(g[2]), int(g[1]), int(g[0]))
    if how == "mdy-en":
        month = MONTHS_EN.get(g[0].lower())
        return _iso(int(g[2]), month, int(g[1])) if month else None
    month = MONTHS_EN.get(g[1].lower())
    return _iso(int(g[2]), month, int(g[0])) if month else None


def date_in_line(text: str) -> str | None:
    """The ISO date of a header line that is essentially a date ("Thứ Ba, 11/01/2022 17:57"), also
    beside a name or a section label after a bar ("26/12/2021 07:17 GMT+7 | Trong nước")."""
    if len(text) > 120:
        return None
    meta = _METADATA.fullmatch(text.strip())
    if meta:
        return _iso(int(meta[1]), int(meta[2]), int(meta[3]))
    iso = _date_segment(text)
    if iso is not None or "|" not in text:
        return iso
    parts = [p for p in _SEGMENT_SEP.split(text) if p.strip()]
    if any(len(p.split()) > SEGMENT_MAX_WORDS for p in parts):
        return None
    for part in parts:
        iso = _date_segment(part)
        if iso:
            return iso
    return None


def _names_before(before: str, after: str, words: list[str]) -> bool:
    """Whether the words beside a date are its authors' names before it ("Tuấn Minh - Đức Sơn
    06/12/2023 19:44"): every word capitalised, a few of them, nothing but a time after."""
    names = _WORD.findall(before)
    if not names or len(names) > NAME_WORDS_MAX:
        return False
    # Names are written "Đức Sơn": a capital, then small letters (a headline in capitals is not one).
    if any(not w[0].isupper() or (len(w) > 1 and w.isupper()) for w in names):
        return False
    return all(w in DATE_LINE_WORDS for w in words[len(names) :]) and not _WORD.findall(
        _NOISE.sub(" ", after)
    )


def _date_segment(text: str) -> str | None:
    for pattern, how in _PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        iso = _read(match, how)
        if iso is None:
            continue
        before = text[: match.start()]
        if how == "dmy-vi" and before.rstrip().endswith(","):
            before = ""  # the place of an official document's date: "Kon Tum, ngày 25 tháng 01 năm 2024"
        rest = before + " " + text[match.end() :]
        words = [w.lower() for w in _WORD.findall(_NOISE.sub(" ", rest))]
        if how.endswith("-en"):
            words = [w for w in words if w not in MONTHS_EN]
        strangers = [w for w in words if w not in DATE_LINE_WORDS]
        if len(strangers) <= 1 or _names_before(text[: match.start()], text[match.end() :], words):
            return iso
    return None


def publication_date(header_lines: Iterable[str]) -> str | None:
    """The first date line among a report's header lines, as YYYY-MM-DD."""
    for text in header_lines:
        iso = date_in_line(text)
        if iso:
            return iso
    return None


# A page's date given as a key before the first line's text ("date 2022-12-04 The council ...").
_DATE_PREFIX = re.compile(
    r"(?:" + "|".join(METADATA_DATE_KEYS) + r")\s*[=:]?\s+(\d{4})-(\d{2})(?:-(\d{2}))?(?:\s+|$)",
    re.IGNORECASE,
)
# A headline's own timestamp at its end: "... TOÀN DIỆN (10:59 AM-27/01/2022)", "... - 12/01/2022".
_TRAILING_STAMP = re.compile(r"\s*(?:\(([^()]{6,40})\)|[-–|]\s+([^-–|]{6,40}))$")


def date_prefix(text: str) -> tuple[str | None, int]:
    """(ISO date or None when only a month is given, length of the prefix) of a line that opens with
    a date key ("date 2022-12 Hà Tĩnh ..."); (None, 0) when it does not."""
    m = _DATE_PREFIX.match(text)
    if not m:
        return None, 0
    day = m[3]
    return (_iso(int(m[1]), int(m[2]), int(day)) if day else None), m.end()


def trailing_stamp(text: str) -> tuple[str, int] | None:
    """(ISO date, where the stamp starts) of a line ending with its own date stamp, else None."""
    m = _TRAILING_STAMP.search(text)
    if not m:
        return None
    iso = date_in_line(m[1] or m[2])
    return (iso, m.start()) if iso else None
