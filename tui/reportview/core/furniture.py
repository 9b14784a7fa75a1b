"""Cleaning: find page furniture (counters, share widgets, related-news lists) as marked lines.

Cleaning never rewrites the text; it returns which lines are furniture and why. Patterns come
from config.yaml; the generic heuristics (counter/timestamp lines, link lists with times,
metadata headers) live here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from reportview.core.lexicon import (
    COUNTER_WORDS,
    PAGER_NAV_WORDS,
    PAGER_OF_WORDS,
    PAGER_WORDS,
    RUNNING_LINE_REPEATS,
)
from reportview.core.lines import Line

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:SA|CH|AM|PM))?"
_DATE = r"\d{1,4}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?"
# A token that is only a date, a time, a number or a counter word.
_COUNTER_TOKEN = re.compile(
    rf"(?:{_DATE}|{_TIME}|\d[\d.,]*|\(?gmt[+-]?\d*\)?|[:|·•,()\-–]+|[^\W\d_]+\d[\d.,]*)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# A related-article link: a title followed by its time, "...(21/02/2022 10:39 CH)" or "- 12/01/2022".
_LINK_WITH_TIME = re.compile(
    rf"\S.{{5,200}}?(?:\(\s*{_DATE}(?:\s+{_TIME})?\s*\)|[-–|]\s*{_DATE}(?:\s+{_TIME})?|\(\s*{_TIME}\s+{_DATE}\s*\))\s*$",
    re.IGNORECASE,
)
# What a link-with-time line can end with: ")" or the last character of a date or time.
_LINK_LAST = frozenset(")aAhHmM")
_DIGIT = re.compile(r"\d")
# A number alone with its item mark ("1.", "2)"): a list item whose title is on the next line.
_ITEM_NUMBER = re.compile(r"\d{1,3}[.)]")
_METADATA = re.compile(r"#\s*[\w.-]+\s*[=:]\s*\S.*")
_PAGER_WORD = "|".join(map(re.escape, PAGER_WORDS))
# A pager ("Trang 1/3", "Page 1 of 12", "Trang 2 trên 5") or a converted document's page marker,
# which may carry the page's first words ("Page 2: 2018 Annual Report ...").
_PAGER_OF = "|".join(map(re.escape, PAGER_OF_WORDS))
# A converted document's page footer: its name, then the page ("Báo cáo tháng 9 - Trang 3").
_PAGER_TAIL = re.compile(
    rf".{{3,90}}\s[-–|]\s*(?:{_PAGER_WORD})\.?\s*\d{{1,4}}(?:\s*(?:{_PAGER_OF})\s*\d{{1,4}})?", re.IGNORECASE
)
# A pager's links: page numbers and navigation words ("« Trước 1 2 3 Tiếp »", "Previous 1 2 Next").
_NAV_TOKEN = re.compile(r"\d{1,4}|[«»‹›<>|….]+|[^\W\d_]+")
RUNNING_LINE_MAX = 120  # a running header or footer is one short line
NAV_LINE_MAX = 60  # a pager's links fit on a short line
RUNNING_MIN_GAP = 12  # content lines between two copies of a running header or footer
_PAGER = re.compile(
    rf"(?:{_PAGER_WORD})\.?\s*\d{{1,4}}\s*(?:(?:{_PAGER_OF})\s*\d{{1,4}}\s*|:.*)?", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class FurnitureRules:
    """Compiled furniture patterns from config.yaml."""

    lines: re.Pattern[str]
    tail_markers: re.Pattern[str]


_NEVER = re.compile(r"(?!)")


def _union(patterns: tuple[str, ...]) -> re.Pattern[str]:
    if not patterns:
        return _NEVER
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.UNICODE)


@lru_cache(maxsize=32)
def compile_rules(lines: tuple[str, ...], tail_markers: tuple[str, ...]) -> FurnitureRules:
    """One alternation per list: a line is tested once, not once per pattern."""
    return FurnitureRules(_union(lines), _union(tail_markers))


def is_counter_line(text: str) -> bool:
    """A short line made only of counters, timestamps and counter words ("Số lượt xem 936")."""
    if not text or len(text) > 120 or not _DIGIT.search(text) or _ITEM_NUMBER.fullmatch(text):
        return False
    rest = _COUNTER_TOKEN.sub(" ", text)
    words = [w.lower() for w in _WORD.findall(rest)]
    if not words:
        # Digits and punctuation only: a timestamp line, or a bare number widget.
        return True
    return all(w in COUNTER_WORDS for w in words) and any(w in COUNTER_WORDS for w in words)


def classify_lines(lines: Sequence[Line], rules: FurnitureRules) -> dict[int, str]:
    """Map line index -> furniture reason for every furniture line."""
    marks: dict[int, str] = {}
    content = [ln for ln in lines if not ln.blank]
    if not content:
        return marks
    # Metadata header lines ("# url = ...") at the very top.
    for ln in content:
        if _METADATA.fullmatch(ln.text):
            marks[ln.index] = "metadata"
        else:
            break
    for ln in content:
        if ln.index in marks:
            continue
        if rules.lines.fullmatch(ln.text):
            marks[ln.index] = "pattern"
        elif is_counter_line(ln.text):
            marks[ln.index] = "counter"
        elif _is_pager_line(ln.text):
            marks[ln.index] = "pager"
    _mark_running_lines(content, marks)
    _mark_link_lists(content, marks)
    _mark_tail(content, rules, marks)
    return marks


def _is_pager_line(text: str) -> bool:
    """A pager ("Trang 1/3", "Page 2 of 12"), a page footer ending with its page, or a line of page
    links and navigation words."""
    if len(text) > RUNNING_LINE_MAX or not _DIGIT.search(text):
        return False
    if text[:1] in "PpTt" and _PAGER.fullmatch(text):
        return True
    if text[-1].isdigit() and _PAGER_TAIL.fullmatch(text):
        return True
    if len(text) > NAV_LINE_MAX:
        return False
    tokens = _NAV_TOKEN.findall(text)
    words = [t.casefold() for t in tokens if t[0].isalpha()]
    digits = sum(t.isdigit() for t in tokens)
    return digits >= 2 and bool(words) and all(w in PAGER_NAV_WORDS for w in words)


def _mark_running_lines(content: Sequence[Line], marks: dict[int, str]) -> None:
    """A short line repeated on every page of a converted document is its running header or footer."""
    seen: dict[str, list[int]] = {}
    for pos, ln in enumerate(content):
        if len(ln.text) <= RUNNING_LINE_MAX and ln.index not in marks and " " in ln.text:
            seen.setdefault(ln.text, []).append(pos)
    for same in seen.values():
        # Once a page, so far apart: a word repeated down a table's first column is not a footer.
        if len(same) >= RUNNING_LINE_REPEATS and min(b - a for a, b in pairwise(same)) >= RUNNING_MIN_GAP:
            for pos in same:
                marks[content[pos].index] = "running"


def _mark_link_lists(content: Sequence[Line], marks: dict[int, str]) -> None:
    """Runs of two or more link-with-time lines are related-news lists."""
    run: list[Line] = []
    for ln in [*content, None]:
        if (
            ln is not None
            and ln.index not in marks
            and _may_end_a_link(ln.text)
            and _LINK_WITH_TIME.fullmatch(ln.text)
        ):
            run.append(ln)
            continue
        if len(run) >= 2:
            for item in run:
                marks[item.index] = "link list"
        run = []


def _may_end_a_link(text: str) -> bool:
    """A cheap necessary condition for _LINK_WITH_TIME (prose lines end with "." and fail at once)."""
    last = text.rstrip()[-1:]
    return last in _LINK_LAST or last.isdecimal()


def _mark_tail(content: Sequence[Line], rules: FurnitureRules, marks: dict[int, str]) -> None:
    """A tail marker ("Tin mới nhất", "Xem thêm") starts a block of furniture to the end."""
    total = sum(len(ln.text) for ln in content)
    seen = 0
    for pos, ln in enumerate(content):
        seen += len(ln.text)
        if ln.index in marks and marks[ln.index] != "pattern":
            continue
        if not rules.tail_markers.fullmatch(ln.text):
            continue
        # A tail follows something: a marker before any body ("Tin khác" as a first line) is the
        # text's own heading, not the start of a page's trailing links.
        if not any(c.index not in marks for c in content[:pos]):
            continue
        after = content[pos + 1 :]
        # Only a real trailing block: late in the text, or followed by nothing that reads as body.
        late = seen >= 0.5 * total
        if late or all(len(a.text) < 250 for a in after):
            for item in content[pos:]:
                marks.setdefault(item.index, "tail")
                if marks[item.index] == "pattern":
                    marks[item.index] = "tail"
            return
