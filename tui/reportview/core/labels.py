"""The words around a figure: its comparison base and label (qualifier and change: changes.py)."""

from __future__ import annotations

import re
from functools import lru_cache

from reportview.core import lexicon as lx

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
# Where a clause ends when walking back from a figure (commas split list items).
_LAST_PUNCT = re.compile(r"[,;:.()\"“”][^,;:.()\"“”]*$")
LABEL_MAX = 60


def words_before(text: str, pos: int, window: int = 40) -> list[str]:
    """The lower-cased words of the clause right before `pos` (what qualifiers and changes read)."""
    start = max(0, pos - window)
    line = text.rfind("\n", start, pos) + 1
    chunk = text[max(start, line) : pos]
    # Stop at the last punctuation: qualifiers stand right before the number.
    last = _LAST_PUNCT.search(chunk)
    if last:
        chunk = chunk[last.start() + 1 :]
    return [w.lower() for w in _WORD.findall(chunk)]


_BASE_SO = re.compile(
    r"\s*\(?\s*(so\s+(?:với\s+)?[^,;.()\n]{2,40}?)(?=\s*(?:[,;.()\n]|$|và\s|nhưng\s))", re.IGNORECASE
)
_BASE_EN = re.compile(
    r"\s*((?:compared\s+(?:with|to)|from|than)\s+[^,;.()\n]{2,30}?)(?=\s*[,;.()\n]|$)", re.IGNORECASE
)


def base_after(text: str, end: int, lang: str = "vi") -> str | None:
    """The comparison after a figure: "so với năm 2020", "so cùng kỳ", "kế hoạch", "dự toán"."""
    m = _BASE_SO.match(text, end) or (_BASE_EN.match(text, end) if lang == "en" else None)
    if m:
        return " ".join(m[1].split())
    head = text[end : end + 40].lstrip().lower()
    for word in lx.BASE_WORDS:
        if head.startswith(word):
            return word
    return None


def _clip(label: str) -> str:
    label = " ".join(label.split()).strip(" ,;:-–(")
    if label.count("(") > label.count(")"):
        label = label[: label.rfind("(")].rstrip()
    if len(label) <= LABEL_MAX:
        return label
    cut = label[:LABEL_MAX].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-–(") + "…"


_BREAKS = re.compile(r"[;:\n!?()]|[.,](?=\s)")
# Up to the last clause break (the common case: no parenthesis to balance).
_UP_TO_LAST_BREAK = re.compile(r".*(?:[;:\n!?()]|[.,](?=\s))", re.DOTALL)
_AFTER_BREAK = re.compile(r"[;:\n.!?]|,(?=\s)|\(|\)")


def _phrase_before(text: str, start: int) -> str:
    base = max(0, start - 160)
    base = max(base, text.rfind("\n", base, start) + 1)
    chunk = text[base:start]
    last = _UP_TO_LAST_BREAK.match(chunk)
    cut = 0 if last is None else last.end()
    if cut and chunk[cut - 1] not in "()":
        return _trimmed_phrase(chunk[cut:].split())
    # Keep "(GRDP ...)" inside a subject: only an unbalanced "(" ends the clause.
    depth = 0
    cut = 0
    for m in reversed(list(_BREAKS.finditer(chunk))):
        ch = m.group()
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                cut = m.end()
                break
            depth -= 1
        elif depth == 0:
            cut = m.end()
            break
    return _trimmed_phrase(chunk[cut:].split())


def _trimmed_phrase(words: list[str]) -> str:
    _strip_phrases(words, lx.LABEL_TRAILING, from_end=True)
    _strip_phrases(words, lx.LABEL_LEADING, from_end=False)
    return " ".join(words)


@lru_cache(maxsize=8)
def _edge_words(table: frozenset[str], last: bool) -> frozenset[str]:
    """The words a table phrase can end (or start) with."""
    return frozenset(p.split()[-1 if last else 0] for p in table if p.split())


def _strip_phrases(words: list[str], table: frozenset[str], *, from_end: bool) -> None:
    """Drop table phrases (up to three words) from one end of `words`, repeatedly, in place."""
    edges = _edge_words(table, from_end)
    changed = True
    while words and changed:
        if words[-1 if from_end else 0].lower().strip(",") not in edges:
            return
        changed = False
        # The (up to) three words at this end, lower-cased, in text order.
        edge = [w.lower().strip(",") for w in (words[-3:] if from_end else words[:3])]
        for n in (3, 2, 1):
            if len(edge) < n:
                continue
            if " ".join(edge[-n:] if from_end else edge[:n]) in table:
                if from_end:
                    del words[len(words) - n :]
                else:
                    del words[:n]
                changed = True
                break


def _phrase_after(text: str, end: int) -> str:
    chunk = text[end : end + 200]
    m = _AFTER_BREAK.search(chunk)
    if m:
        chunk = chunk[: m.start()]
    words = chunk.split()
    # Stop before a comparison or the next figure.
    out = []
    for k, w in enumerate(words):
        if w[:1].isdigit():
            break
        # "so với ...", "đạt 97,8%", "tăng 7%": the start of a comparison or of the next figure.
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if w.lower() in lx.LABEL_STOPS and (w.lower() in lx.BASE_STARTS or not nxt or nxt[:1].isdigit()):
            break
        out.append(w)
    return " ".join(out[:12])


def label_for(text: str, start: int, end: int, kind: str, unit: str, lang: str = "vi") -> str | None:
    """What the figure measures, in the report's words, short enough for a panel column."""
    before = _phrase_before(text, start)
    after = _phrase_after(text, end)
    if kind in ("count", "ratio"):
        # "Thành lập mới 605 doanh nghiệp" -> "doanh nghiệp thành lập mới"; "124 doanh nghiệp
        # ngừng hoạt động" -> the words after the noun.
        if after:
            label = f"{unit} {after}" if unit and not after.lower().startswith(unit.lower()) else after
        elif unit and unit.lower() in before.lower():
            label = before  # "Số vụ ma túy 218 vụ": the phrase already names what is counted
        else:
            if before[:2].istitle():  # a sentence start, not a name or acronym: "Thành lập mới"
                before = before[0].lower() + before[1:]
            label = f"{unit} {before}".strip()
    elif before:
        label = before
    else:
        label = after
    return _clip(label) or None


def _contains_number(text: str, number: str) -> bool:
    """`number` stands in `text` as a whole number ("218" in "... 218 vụ", not in "2180" or "1.218")."""

    def digit(i: int) -> bool:
        return 0 <= i < len(text) and text[i].isdigit()

    at = text.find(number)
    while at >= 0:
        end = at + len(number)
        glued_before = digit(at - 1) or (at > 0 and text[at - 1] in ".," and digit(at - 2))
        glued_after = digit(end) or (end < len(text) and text[end] in ".," and digit(end + 1))
        if not glued_before and not glued_after:
            return True
        at = text.find(number, at + 1)
    return False


_SENTENCE_GAP = re.compile(r"[.!?;](?:\s|$)|\n")


def inherit_labels(
    text: str, labels: list[str | None], spans: list[tuple[int, int]], bases: list[str | None]
) -> list[str | None]:
    """A figure that only continues the sentence's topic ("..., vượt 0,9% kế hoạch, tăng 7% so với
    năm 2020"), or whose own phrase runs back over the figure before it ("218 vụ tăng 2,4 lần"),
    takes the label of the figure before it in the same sentence."""
    out = list(labels)
    for k in range(1, len(out)):
        own = out[k]
        prev_text = text[spans[k - 1][0] : spans[k - 1][1]]
        weak = (
            own is None
            or (bases[k] is not None and own.lower() in bases[k].lower())
            or _contains_number(own, prev_text)
        )
        if not weak or out[k - 1] is None:
            continue
        gap = text[spans[k - 1][1] : spans[k][0]]
        if _SENTENCE_GAP.search(gap):
            continue
        out[k] = out[k - 1]
    return out
