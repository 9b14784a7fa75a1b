"""Places: normalised keys for place names (the full place data lands with the meaning work)."""

from __future__ import annotations

import re

from reportview.core.folding import fold

# Administrative words that are not part of a place's name ("tỉnh Gia Lai" -> "gia-lai").
_ADMIN = ("tinh", "thanh pho", "tp", "huyen", "thi xa", "quan", "province", "city", "district")
_ADMIN_RE = re.compile(
    r"^(?:" + "|".join(re.escape(a) for a in sorted(_ADMIN, key=len, reverse=True)) + r")\b\.?\s*"
)


def place_key(name: str) -> str:
    """`tỉnh Gia Lai` -> `gia-lai`, `TP. Hồ Chí Minh` -> `ho-chi-minh`: lowercase ASCII, no prefix."""
    text = fold(name).strip()
    while (m := _ADMIN_RE.match(text)) and m.end() < len(text):
        text = text[m.end() :]
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
