"""What a report's file name says when its text does not: the place and the year.

Archives name files after what they hold (`bao-cao-quang-ngai-2021.txt`, `p022_ba-ria-vung-tau-2020`);
an excerpt that says "GRDP của tỉnh" without naming the province still belongs to one. The parse
asks here only when the text itself names no place, or no year.
"""

from __future__ import annotations

import re

from reportview.core.places import lookup

_TOKEN = re.compile(r"[^\W_]+")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
# A place name in a file name has at least two words ("gia-lai"): one word alone is too often
# something else ("an", "binh").
_MIN_WORDS = 2
_MAX_WORDS = 4


def _stem(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def place_in_name(path: str) -> str | None:
    """The province or district a file name names (its full name, e.g. "tỉnh Gia Lai"), else None."""
    words = _TOKEN.findall(_stem(path).lower())
    for n in range(min(_MAX_WORDS, len(words)), _MIN_WORDS - 1, -1):
        for i in range(len(words) - n + 1):
            found = [p for p in lookup(" ".join(words[i : i + n])) if p.level == "province"]
            if found:
                return f"{found[0].kind} {found[0].name}"
    return None


def year_in_name(path: str) -> int | None:
    """The last plausible year in a file name (`...-2021-h1.txt` -> 2021), else None."""
    years = _YEAR.findall(_stem(path))
    return int(years[-1]) if years else None
