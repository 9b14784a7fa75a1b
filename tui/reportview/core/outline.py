"""Outline: a report's headline, publication date and sections (numbered highlight items).

Works on the lines of the NFC text with the furniture already marked; offsets it returns are
offsets into that text (the loader maps them back to the source).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from reportview.core.dates import date_in_line, date_prefix, trailing_stamp
from reportview.core.lexicon import (
    ABBREVIATIONS,
    BREADCRUMB_HOMES,
    BREADCRUMB_MARKS,
    BYLINE_STARTS,
    CAPTION_CREDITS,
    CAPTION_POSITION_WORDS,
    CAPTION_STARTS,
    FILE_TYPE_WORDS,
    HEADER_WIDGET_STARTS,
    HIGHLIGHT_INTRO_WORDS,
    IMAGE_SUFFIXES,
    ISSUER_MAX_WORDS,
    LABEL_SMALL_WORDS,
    LIST_INTRO_TAILS,
    NAME_JOINERS,
    NUMBERED_HEADING_WORDS,
    OFFICIAL_HEADER_STARTS,
    OFFICIAL_ISSUER_STARTS,
    TABLE_CAPTION_WORDS,
    TITLE_DOCUMENT_TYPES,
)
from reportview.core.lines import Line

# Every numbering style of an item line in one pass: "1. ", "1) ", "1/ ", "1- ", "I. ", "a) ", "A. ",
# "Goal 1: "; the title is missing when the number stands alone on its line ("1." then the title).
_ITEM = re.compile(
    r"(?:#{1,6}\s*)?\**\s*(?:(?P<word>"
    + "|".join(map(re.escape, NUMBERED_HEADING_WORDS))
    + r")\s+)?(?P<num>\d{1,3}|[IVXLC]{1,7}|[a-zA-Z])\s*(?P<punct>[.)/:]|[-–](?=\s|$))\**"
    r"(?:\s+(?P<title>\S.*))?",
    re.IGNORECASE,
)
# Kept for callers and tests that read a plain "1. Title" heading.
_HEADING = re.compile(r"(?:#{1,6}\s*)?\**\s*(\d{1,3})\s*[.)/]\s+(\S.*)")
_BULLET = re.compile(r"[•·▪●○◦‣∙*+-]\s")
_INLINE_TITLE_END = re.compile(r":\s|(?<=[.!?…])\s+(?=[\"“(\[]?[A-ZÀ-Ỹ0-9])")
INLINE_TITLE_MAX = 200
_MARKDOWN_TITLE = re.compile(r"#{1,6}\s+(\S.*)")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(\[]?[A-ZÀ-Ỹ0-9])")
# The same breaks found from their punctuation mark: a leading character class lets the regex
# engine skip ahead instead of trying the look-behind at every position.
_SENTENCE_MARK = re.compile(r"[.!?…]\s+(?=[\"“(\[]?[A-ZÀ-Ỹ0-9])")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.$")
_NUMBERED_CAPTION = re.compile(r"([^\W\d_]+)\s+\d{1,3}\.$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_INTRO_WORDS = tuple(w.casefold() for w in HIGHLIGHT_INTRO_WORDS)
_BYLINE = re.compile(
    r"(?:" + "|".join(map(re.escape, BYLINE_STARTS)) + r")\s*:?\s+[\"“(]?(\w)", re.IGNORECASE
)
_KEY_VALUE = re.compile(r"([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?)\s*:\s*(.*)")
_CAPTION_CREDIT = re.compile(
    r"(?:^|[\s(–-])(?:" + "|".join(map(re.escape, CAPTION_CREDITS)) + r")\s*:\s*[^.:]{1,60}[.)]?\)?$",
    re.IGNORECASE,
)
_CAPTION_POSITION = re.compile(
    r"(?:\s[-–]\s|\s)(?:" + "|".join(CAPTION_POSITION_WORDS) + r")\s+\d{1,2}$", re.IGNORECASE
)
_CAPTION_START = tuple(w.casefold() for w in CAPTION_STARTS)
_CAPTION_FIRST = frozenset(ch for w in CAPTION_STARTS for ch in (w[0], w[0].upper()))
_BREADCRUMB_MARK = re.compile(r"\s(?:" + "|".join(map(re.escape, BREADCRUMB_MARKS)) + r")\s")
_OFFICIAL = tuple(w.casefold() for w in OFFICIAL_HEADER_STARTS)
_ISSUER = tuple(w.casefold() for w in OFFICIAL_ISSUER_STARTS)
_COUNT_INTRO = re.compile(r"(?<![\d.,])(\d{1,3})\s+(?:" + "|".join(map(re.escape, _INTRO_WORDS)) + r")")
# A paragraph that opens with its label in capitals ("FINANCE: the City improved ...").
_CAPS_LABEL = re.compile(r"([^\W\d_][^\W\d_&/ -]*(?:[ &/-]+[^\W\d_]+){0,4})\s*:\s+\S")
_FILE_TYPE = re.compile(r"\s+(?:" + "|".join(FILE_TYPE_WORDS) + r")$", re.IGNORECASE)

TITLE_MAX_CHARS = 220
HEADING_MAX_CHARS = 400
SECTION_TITLE_MAX = 90
SHORT_BLOCK = 60  # characters: a caption or byline rather than a paragraph
SHORT_RUN = 5  # short blocks in a row that make a section of their own
HEADER_LINES = 15  # the first content lines where a headline, its date and page furniture may stand
SINGLE_TITLE_MAX = 150  # a lone numbered item is a section when its heading is this short ...
SINGLE_BODY_CHARS = 100  # ... and this much text follows it within the next lines
SINGLE_BODY_LINES = 3
BYLINE_MAX_WORDS = 8
NAME_MAX_WORDS = 6  # words of the names in a byline ("Sỹ Đông - Đỗ Trường")
LABEL_MAX_WORDS = 6
LABEL_SCAN = 64  # characters at a line's start where a label's colon may stand
CAPTION_MAX_CHARS = 260  # a caption is a sentence or two, not a paragraph
CAPTION_TAIL = 72  # characters at a line's end that may hold a photo credit
PROSE_TAIL_WORDS = 3  # words after a sentence break that make a header line prose
REPEATED_HEADLINE_WORDS = 8  # a line shown twice with this many words is the headline, not a banner


@dataclass(frozen=True, slots=True)
class RawSection:
    number: int | None
    title: str
    start: int
    end: int
    body_start: int


@dataclass(frozen=True, slots=True)
class Outline:
    title: str | None
    title_span: tuple[int, int] | None
    date: str | None
    sections: tuple[RawSection, ...]
    body: tuple[int, int]


def roman_value(text: str) -> int | None:
    """The value of a well-formed Roman numeral, else None."""
    total = 0
    prev = 0
    for ch in reversed(text.upper()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if total > 0 and _to_roman(total) == text.upper() else None


def _to_roman(n: int) -> str:
    out = []
    for value, sym in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _is_abbreviation_stop(text: str, mark: int) -> bool:
    """Whether the full stop at `mark` closes an abbreviation or an initial ("TP. Hà Nội", "V. An")."""
    if text[mark] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, mark - 12), mark + 1)
    if m is None:
        # "Bảng 5. Thu ngân sách ...": a table's number, not the end of its caption.
        n = _NUMBERED_CAPTION.search(text, max(0, mark - 16), mark + 1)
        return n is not None and n[1].casefold() in TABLE_CAPTION_WORDS
    word = m[1]
    return (len(word) == 1 and word.isupper()) or word.casefold() in ABBREVIATIONS


def _first_break(text: str) -> re.Match[str] | None:
    """The first sentence break of `text` (the common case: no abbreviation before it)."""
    m = _SENTENCE_MARK.search(text)
    if m is None or not _is_abbreviation_stop(text, m.start()):
        return m
    return next(sentence_breaks(text, m.end()), None)


def sentence_breaks(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The sentence breaks of `text` (matches of _SENTENCE_MARK), abbreviations and initials skipped."""
    end = len(text) if end is None else end
    for m in _SENTENCE_MARK.finditer(text, start, end):
        if not _is_abbreviation_stop(text, m.start()):
            yield m


def _breaks_at_least(text: str, n: int) -> bool:
    """Whether `text` has at least `n` sentence breaks."""
    if n == 1:
        return _first_break(text) is not None
    return sum(1 for _ in itertools.islice(sentence_breaks(text), n)) >= n


def first_sentence(text: str, limit: int = SECTION_TITLE_MAX) -> str:
    """The first sentence of a paragraph, clipped to `limit` characters on a word boundary."""
    # Only the head matters: never split a whole (possibly huge) paragraph. A head of the limit and 24
    # characters is read first: once it holds more than limit + 8 characters, its first limit + 1
    # characters and any sentence break that far are those of the longer head (the break test looks
    # 3 ahead).
    head = " ".join(text[: min(limit + 24, limit * 4)].split())
    text = head if len(head) > limit + 8 else " ".join(text[: limit * 4].split())
    end = _first_break(text)
    sentence = text if end is None else text[: end.start() + 1]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:-–")
    return cut + "…"


def _is_upper_heading(text: str) -> bool:
    if text.isupper():
        return sum(map(str.isalpha, text)) >= 8
    # Prose: the lower-case letters of its head alone already exceed a tenth of the line.
    if sum(map(str.islower, text[:64])) * 10 > len(text):
        return False
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    return upper >= 8 and lower <= 0.1 * (upper + lower)


def _inline_title_end(text: str) -> re.Match[str] | None:
    """Where a heading's own title ends on its line: a colon, or a sentence end that is no abbreviation."""
    for m in _INLINE_TITLE_END.finditer(text, 0, INLINE_TITLE_MAX):
        if m[0].startswith(":") or not _is_abbreviation_stop(text, m.start() - 1):
            return m
    return None


def _heading_title(text: str) -> tuple[str, int] | None:
    """(title, its length in `text`) of a heading line, or None when it reads as a body paragraph.

    A heading may carry its body on the same line ("1. Về kinh tế: GRDP ước đạt ..."): then
    the title ends at the first colon or sentence end.
    """
    text = text.rstrip("*").rstrip()
    m = _inline_title_end(text)
    inline = m is not None and len(text[: m.start()].split()) >= 2 and len(text) - m.end() >= 60
    if not inline:
        if len(text) > HEADING_MAX_CHARS:
            return None
        # A long heading is one sentence (a highlight stated in full) or written in capitals.
        if len(text) > 200 and not _is_upper_heading(text) and _breaks_at_least(text, 1):
            return None
        if _breaks_at_least(text, 2):
            return None
        return text.strip("* "), len(text)
    assert m is not None
    return text[: m.start()].strip("* ").rstrip(".:"), m.start()


@dataclass(frozen=True, slots=True)
class _Candidate:
    line: Line
    number: int
    title: str
    title_end: int  # offset where the heading's own text ends
    style: str  # numbering style: arabic, dash, roman, lower, upper, or the heading word
    pos: int  # position of the line among the content lines
    title_line: int  # position of the line holding the title (the next one for a lone number)

    @property
    def roman(self) -> bool:
        return self.style == "roman"

    @property
    def inline_body(self) -> bool:
        return self.title_end < self.line.content_end


def _styles(m: re.Match[str]) -> list[tuple[str, int]]:
    """(style, number) readings of an item's numbering: "I." is both roman one and the letter I."""
    num, punct, word = m["num"], m["punct"], m["word"]
    if word:
        value = int(num) if num.isdigit() else roman_value(num)
        return [(word.casefold(), value)] if value else []
    if punct == ":":
        return []
    if num.isdigit():
        return [("dash" if punct in "-–" else "arabic", int(num))]
    out = []
    if num.isupper() and punct != "/":
        value = roman_value(num)
        if value:
            out.append(("roman", value))
    if len(num) == 1 and punct in ".)":
        out.append(("lower" if num.islower() else "upper", ord(num.casefold()) - ord("a") + 1))
    return out


def _heading_candidates(content: Sequence[Line]) -> list[_Candidate]:
    found = []
    for pos, ln in enumerate(content):
        m = _ITEM.fullmatch(ln.text)
        if m is None:
            continue
        styles = _styles(m)
        if not styles:
            continue
        title_line = pos
        if m["title"] is None:
            # The number alone on its line, the title on the next (converted documents).
            if pos + 1 >= len(content) or content[pos + 1].index != ln.index + 1:
                continue
            nxt = content[pos + 1]
            if _ITEM.fullmatch(nxt.text) or not nxt.text[:1].isupper():
                continue
            heading = _heading_title(nxt.text)
            if heading is None or heading[1] < len(nxt.text):
                continue
            title, title_end, title_line = heading[0], nxt.content_end, pos + 1
        else:
            if m["punct"] in "-–" and not m["title"][:1].isalpha():
                continue  # "1 - 2 tuần": a range, not an item
            if m["title"][:1].islower():
                continue  # a heading opens with a capital: "Phần 2: gồm 30 câu hỏi" is a sentence
            heading = _heading_title(m["title"])
            if heading is None:
                continue
            title, length = heading
            title_end = ln.content_start + m.start("title") + length
        for style, number in styles:
            found.append(_Candidate(ln, number, title, title_end, style, pos, title_line))
    return found


def _best_run(
    cands: Sequence[_Candidate], content: Sequence[Line], title: str | None = None
) -> list[_Candidate]:
    """The items that are the report's sections: the longest ascending run of one numbering style
    that reads as sections, not a list; else a lone first item with a body under it.

    Roman numerals win over Arabic ones that restart under them (I: 1, 2; II: 1, 2, 3).
    """
    by_style: dict[str, list[_Candidate]] = {}
    for c in cands:
        by_style.setdefault(c.style, []).append(c)
    runs = {style: _longest_run(group, content, title) for style, group in by_style.items()}
    arabic, roman = runs.get("arabic", []), runs.get("roman", [])
    restarts = sum(1 for c in by_style.get("arabic", ()) if c.number == 1)
    if len(roman) >= 2 and (restarts > 1 or len(roman) >= len(arabic)):
        return roman
    # Capital letters over Arabic items that restart under them (A: 1, 2; B: 1, 2), as Roman ones.
    upper = runs.get("upper", [])
    if len(upper) >= 2 and restarts > 1 and upper[0].pos < by_style["arabic"][0].pos:
        return upper
    if len(arabic) >= 2:
        return arabic
    if len(roman) >= 2:
        return roman
    # Other styles ("1-", "a)", "Goal 1:"): the run that starts first is the outermost.
    others = [run for style, run in runs.items() if len(run) >= 2 and style not in ("arabic", "roman")]
    if others:
        return min(others, key=lambda run: (run[0].pos, -len(run)))
    singles = [c for c in cands if _is_lone_section(c, content)]
    return [min(singles, key=lambda c: c.pos)] if singles else []


def _is_lone_section(cand: _Candidate, content: Sequence[Line]) -> bool:
    """A lone first item is a section (an excerpt that holds one item) when its heading is short
    and a body follows it, not another heading."""
    if cand.number != 1 or cand.style in ("lower", "upper"):
        return False
    if len(cand.title) > SINGLE_TITLE_MAX or len(cand.title.split()) < 2 or cand.inline_body:
        return False
    after = content[cand.title_line + 1 : cand.title_line + 1 + SINGLE_BODY_LINES]
    if not after or _ITEM.fullmatch(after[0].text):
        return False
    return sum(len(ln.text) for ln in after) >= SINGLE_BODY_CHARS


def _longest_run(
    cands: Sequence[_Candidate], content: Sequence[Line], title: str | None = None
) -> list[_Candidate]:
    best: list[_Candidate] = []
    for i, start in enumerate(cands):
        run = [start]
        for cand in cands[i + 1 :]:
            if cand.number == run[-1].number + 1:
                run.append(cand)
        if len(run) <= len(best):
            continue
        # One-line items with no body between them are an enumeration inside a section, unless a
        # highlight-list intro announces them ("Danh sách 10 sự kiện tiêu biểu:").
        gaps = [b.pos - a.title_line for a, b in pairwise(run)]
        bodies = sum(g > 1 or a.inline_body for g, a in zip(gaps, run, strict=False))
        if gaps and bodies < max(1, len(gaps) // 2) and not _announced(run[0], content, len(run), title):
            continue
        best = run
    return best


def _announced(first: _Candidate, content: Sequence[Line], size: int, title: str | None) -> bool:
    """Whether the line before a run's first item (the headline when the run opens the body)
    introduces a highlight list: it ends with a colon or "như sau" and names the highlights, or
    it counts them ("10 sự kiện", at least as many as the run holds)."""
    if first.number != 1:
        return False
    intro = (title or "") if first.pos == 0 else content[first.pos - 1].text.rstrip()
    intro = intro.casefold()
    counted = _COUNT_INTRO.search(intro)
    if counted and int(counted[1]) >= size:
        return True
    if not intro.endswith(":"):
        intro_body = intro.rstrip(" .")
        if not any(intro_body.endswith(t) for t in LIST_INTRO_TAILS):
            return False
    return any(w in intro for w in _INTRO_WORDS)


def _upper_headings(content: Sequence[Line]) -> list[Line]:
    heads = [
        ln
        for ln in content
        if len(ln.text) <= 200 and _is_upper_heading(ln.text) and len(ln.text.split()) >= 2
    ]
    return heads if len(heads) >= 2 else []


def is_caption(text: str) -> bool:
    """An image caption or alt text: a photo credit at its end ("... Ảnh: VGP"), an image's position
    ("- Ảnh 1"), a caption label ("Chú thích ảnh"), a file name, or a trailing bar ("... |")."""
    if not text or len(text) > CAPTION_MAX_CHARS:
        return False
    last = text[-1]
    if last == "|":
        return True
    # Only a line's tail can hold its credit or image position: never scan a whole paragraph.
    tail = text[-CAPTION_TAIL:]
    if ":" in tail and _CAPTION_CREDIT.search(tail):
        return True
    if last.isdigit() and _CAPTION_POSITION.search(tail):
        return True
    if "." in text[-6:] and text[-6:].casefold().endswith(IMAGE_SUFFIXES):
        return True
    return text[0] in _CAPTION_FIRST and text[:24].casefold().startswith(_CAPTION_START)


def _paragraphs(content: Sequence[Line], captions: frozenset[int] = frozenset()) -> list[list[Line]]:
    """Blocks separated by blank lines; one block per line when the text has no blank lines."""
    blocks: list[list[Line]] = []
    prev: Line | None = None
    for ln in content:
        if prev is None or ln.index != prev.index + 1:
            blocks.append([ln])
        else:
            blocks[-1].append(ln)
        prev = ln
    if len(blocks) == 1 and len(blocks[0]) > 1:
        blocks = [[ln] for ln in blocks[0]]
    # Short blocks (captions, bylines) join the paragraph after them; a long run of short blocks
    # (one-line items) is cut into sections of a few lines each. A caption is short at any length.
    merged: list[list[Line]] = []
    carry: list[Line] = []
    for block in blocks:
        if sum(len(ln.text) for ln in block) < SHORT_BLOCK or (
            len(block) == 1 and block[0].index in captions
        ):
            carry.extend(block)
            if len(carry) >= SHORT_RUN:
                merged.append(carry)
                carry = []
            continue
        merged.append(carry + block)
        carry = []
    if carry:
        if merged and len(carry) < SHORT_RUN // 2:
            merged[-1].extend(carry)
        else:
            merged.append(carry)
    return merged


def _title_of(text: str) -> str | None:
    m = _MARKDOWN_TITLE.fullmatch(text)
    if m:
        text = m[1]
    words = text.split()
    if not 2 <= len(words) <= 40 or len(text) > TITLE_MAX_CHARS:
        return None
    if text[-1] in ".;:," and not text.endswith("..."):
        return None
    if _ITEM.fullmatch(text) or not any(c.isalpha() for c in text):
        return None
    # A document-sharing site's name of a file: the name without its file type.
    return _FILE_TYPE.sub("", text) if len(words) > 2 else text


# --- the header: headline, date and the page furniture around them -------------------------------


@dataclass(frozen=True, slots=True)
class _HeaderLine:
    pos: int
    line: Line
    text: str  # the line's text after a date prefix
    offset: int  # where `text` starts in the line's content
    kind: str  # "date", "title" (a headline candidate), "skip" (furniture) or "other"
    date: str | None = None
    title: str | None = None


def _is_body_line(text: str) -> bool:
    """A line of running text or structure, which ends a page's header."""
    if len(text) > TITLE_MAX_CHARS or _ITEM.fullmatch(text) or _BULLET.match(text):
        return True
    last = text[-1:]
    if last in ".;" and not text.endswith("...") and len(text.split()) >= 6:
        return True
    if last == ":" and len(text) >= SHORT_BLOCK:
        return True
    # Two sentences are prose, not a headline (a notice's one-word button aside: "... Đóng").
    brk = _first_break(text)
    return brk is not None and len(text[brk.end() :].split()) >= PROSE_TAIL_WORDS


def _headline_shape(text: str) -> bool:
    """A headline opens with a capital, a digit or a quote and is one phrase (no sentence break)."""
    first = text[:1]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'"):
        return False
    return not is_caption(text) and not _breaks_at_least(text, 1)


def _is_header_furniture(text: str) -> bool:
    """A byline, a "Key: value" metadata line or a widget among the header lines."""
    low = text.casefold()
    if low.startswith(HEADER_WIDGET_STARTS) or low.startswith(_OFFICIAL):
        return True
    if low.startswith(BREADCRUMB_HOMES) or len(_BREADCRUMB_MARK.findall(text)) >= 2:
        return True
    byline = _BYLINE.match(text)
    if byline and byline[1].isupper() and len(text.split()) <= BYLINE_MAX_WORDS:
        return True
    # "Upload: others", "Author: Administrative Office"; a bare "Our Objectives:" heads what follows.
    m = _KEY_VALUE.fullmatch(text)
    return m is not None and 1 <= len(m[2].split()) <= 3 and not m[2][:1].isdigit()


def _classify_header(content: Sequence[Line]) -> tuple[list[_HeaderLine], str | None]:
    """The header lines of a text (those before its running text) and a date its first line opens with."""
    zone: list[_HeaderLine] = []
    prefix_date: str | None = None
    for pos, ln in enumerate(content[:HEADER_LINES]):
        text, offset = ln.text, 0
        if pos == 0:
            iso, offset = date_prefix(text)
            prefix_date = iso
            text = text[offset:]
        if not text or _is_body_line(text):
            break
        iso = date_in_line(text)
        if iso:
            zone.append(_HeaderLine(pos, ln, text, offset, "date", date=iso))
            continue
        stamp = trailing_stamp(text)
        if stamp and _title_of(text[: stamp[1]]) and _headline_shape(text[: stamp[1]]):
            zone.append(_HeaderLine(pos, ln, text, offset, "title", date=stamp[0], title=text[: stamp[1]]))
            continue
        headline = _title_of(text)
        if _is_header_furniture(text):
            kind = "skip"
        elif headline and _headline_shape(headline):
            kind = "title"
        else:
            kind = "other"
        zone.append(_HeaderLine(pos, ln, text, offset, kind, title=headline if kind == "title" else None))
    return _drop_header_repeats(_drop_wrapped(zone)), prefix_date


def _drop_wrapped(zone: list[_HeaderLine]) -> list[_HeaderLine]:
    """A candidate whose line runs on into the next (which opens in lower case) is a fragment."""
    out = list(zone)
    for i, h in enumerate(zone[:-1]):
        nxt = zone[i + 1]
        if h.kind == "title" and nxt.line.index == h.line.index + 1 and nxt.text[:1].islower():
            out[i] = _HeaderLine(h.pos, h.line, h.text, h.offset, "other")
    return out


def _drop_header_repeats(zone: list[_HeaderLine]) -> list[_HeaderLine]:
    """Banners repeated on the next line, section labels that begin or end the next or previous
    headline candidate, and all-capitals names under a headline (bylines) are furniture."""
    out = list(zone)
    for i, h in enumerate(zone):
        if h.kind not in ("title", "other"):
            continue
        near = [zone[j] for j in (i - 1, i + 1) if 0 <= j < len(zone) and zone[j].pos == h.pos + (j - i)]
        # A short line shown twice is a banner; a headline shown twice (page title, then heading)
        # keeps its first copy.
        long_headline = len(h.text.split()) >= REPEATED_HEADLINE_WORDS
        repeat = any(n.text == h.text and not (long_headline and n.pos > h.pos) for n in near)
        label = any(
            n.kind == "title"
            and len(n.text) > len(h.text)
            and (n.text.startswith(h.text) or n.text.endswith(h.text))
            for n in near
        )
        # A name under a longer headline (a byline "Phạm Đức Trọng", "THẢO HƯƠNG", a tag "An Giang
        # ĐBSCL"): short, every word capitalised, no digits.
        words = [w for w in h.text.split() if w.casefold() not in NAME_JOINERS and any(map(str.isalpha, w))]
        name = (
            0 < len(words) <= NAME_MAX_WORDS
            and not any(c.isdigit() for c in h.text)
            and all(w[:1].isupper() for w in words)
            and any(z.kind == "title" and len(z.text.split()) > len(words) + 1 for z in zone[:i])
        )
        issuer = (
            h.text.isupper()
            and len(h.text.split()) <= ISSUER_MAX_WORDS
            and h.text.casefold().startswith(_ISSUER)
            and any(z.kind == "title" and not z.text.isupper() for z in zone[i + 1 :])
        )
        if repeat or label or name or issuer:
            out[i] = _HeaderLine(h.pos, h.line, h.text, h.offset, "skip")
    return out


def _last_of_first_stack(zone: Sequence[_HeaderLine]) -> _HeaderLine | None:
    """The last headline candidate of the first stack of them (a line that is none of the
    header's parts ends it: a table's cells or a notice further down are not the headline)."""
    found: _HeaderLine | None = None
    for h in zone:
        if h.kind == "title":
            found = h
        elif h.kind == "other" and found is not None:
            break
    return found


def _is_document_type(text: str) -> bool:
    """A document's type in capitals on its own line ("BÁO CÁO", "THÔNG CÁO BÁO CHÍ")."""
    return text.isupper() and text.casefold() in TITLE_DOCUMENT_TYPES


def _has_blank_lines(content: Sequence[Line], zone: Sequence[_HeaderLine]) -> bool:
    """Whether the header's lines, up to the first body line, are parted by blank lines."""
    end = min(len(content) - 1, zone[-1].pos + 1) if zone else 0
    return any(b.index != a.index + 1 for a, b in pairwise(content[: end + 1]))


def _headline_after_lead(
    content: Sequence[Line], furniture_dates: dict[int, str]
) -> tuple[str, tuple[int, int], str | None] | None:
    """(headline, span, date) of a page that opens with a one-sentence lead above its headline: the
    second line is the headline when a date line follows it, or when blank lines part the three
    blocks and running text follows. The lead stays in the body."""
    if len(content) < 3:
        return None
    lead, head, after = content[0], content[1], content[2]
    text = lead.text[date_prefix(lead.text)[1] :]
    if not text or text[-1] not in ".!?…" or _breaks_at_least(text, 1):
        return None
    title = _title_of(head.text)
    if not title or not _headline_shape(title) or _is_header_furniture(head.text):
        return None
    span = (head.content_start, head.content_end)
    # The date line under it may have been marked as furniture (a bare "15/01/2023 09:00").
    iso = furniture_dates.get(head.index + 1) or date_in_line(after.text)
    if iso:
        return title, span, iso
    parted = lead.index + 1 != head.index and head.index + 1 != after.index
    return (title, span, None) if parted and _is_body_line(after.text) else None


def _read_header(
    content: Sequence[Line], furniture_dates: dict[int, str] | None = None
) -> tuple[str | None, tuple[int, int] | None, str | None, int]:
    """(headline, its span, publication date, position of the first body line) of a text.

    The headline is the candidate nearest above the header's date lines (else the first below
    them); with no date line it is the last candidate before the running text, since portal
    banners, section names and breadcrumbs stand above it. Of several header dates (today's date
    in a portal's top bar, then the article's) the earliest is the publication date.
    """
    zone, prefix_date = _classify_header(content)
    if not zone:
        after_lead = _headline_after_lead(content, furniture_dates or {})
        if after_lead:
            return after_lead[0], after_lead[1], after_lead[2] or prefix_date, 0
    blocks = _has_blank_lines(content, zone)
    if not blocks:
        # Where every line is a paragraph, the header ends at the first line that is none of its
        # parts (a caption, a kicker, a lead without its full stop): what follows is the body.
        other = next((i for i, h in enumerate(zone) if h.kind == "other"), len(zone))
        zone = zone[:other]
    dates = [h for h in zone if h.date]
    # Date lines marked as furniture (a bare "14:44, 29/06/2022") among the header lines count too;
    # they are placed by line index.
    end_index = content[zone[-1].pos + 1].index if zone and zone[-1].pos + 1 < len(content) else 0
    first_index = zone[0].line.index if zone else 0
    stamps = sorted(
        [(h.line.index, h.date) for h in dates if h.date]
        + [(i, iso) for i, iso in (furniture_dates or {}).items() if first_index < i < end_index]
    )
    cands = [h for h in zone if h.kind == "title" and h.pos + 1 < len(content)]
    title_line: _HeaderLine | None = None
    if stamps:
        before = [c for c in cands if c.line.index <= stamps[0][0]]
        after = [c for c in cands if c.line.index > stamps[-1][0]]
        title_line = before[-1] if before else (after[0] if after else None)
    elif cands:
        # Where blank lines part the page's blocks, banners and section names stand as blocks above
        # the headline: the last candidate is it. Where every line is a paragraph, the first is.
        title_line = _last_of_first_stack(zone) if blocks else cands[0]
    found = [iso for _, iso in stamps]
    date = min(found) if found else prefix_date
    last = max([h.pos for h in dates] + ([title_line.pos] if title_line else []), default=-1)
    # Bylines and widgets right after the headline and its date belong to the header too.
    for h in zone:
        if h.pos == last + 1 and h.kind == "skip":
            last = h.pos
    if title_line is None or title_line.title is None:
        return None, None, date, last + 1
    title = title_line.title
    # The span is the headline's whole line (after a date prefix), its own timestamp included.
    span = (title_line.line.content_start + title_line.offset, title_line.line.content_end)
    # "BÁO CÁO" alone above its subject: the two lines are one title.
    k = zone.index(title_line)
    prev = zone[k - 1] if k else None
    nxt = zone[k + 1] if k + 1 < len(zone) else None
    if prev and prev.pos == title_line.pos - 1 and _is_document_type(prev.text):
        title, span = f"{prev.text} {title}", (prev.line.content_start + prev.offset, span[1])
    elif (
        nxt
        and nxt.pos == title_line.pos + 1
        and nxt.kind == "title"
        and nxt.title
        and _is_document_type(title)
        and nxt.pos + 1 < len(content)
    ):
        title, span = f"{title} {nxt.title}", (span[0], nxt.line.content_end)
        last = max(last, nxt.pos)
    return title, span, date, last + 1


def build_outline(text: str, lines: Sequence[Line], furniture: dict[int, str]) -> Outline:
    """Title, date, body range and sections of a text whose furniture lines are marked."""
    content = [ln for ln in lines if not ln.blank and ln.index not in furniture]
    header_furniture = [ln for ln in lines if ln.index in furniture and not ln.blank]
    if not content:
        date = _header_date(header_furniture, [])
        return Outline(None, None, date, (), (0, 0))

    # Furniture lines between the first content lines may be date lines ("14:44, 29/06/2022").
    head_end = content[min(HEADER_LINES, len(content) - 1)].index
    furniture_dates = {
        ln.index: iso
        for ln in header_furniture
        if content[0].index < ln.index < head_end and (iso := date_in_line(ln.text))
    }
    title, title_span, date, body_first = _read_header(content, furniture_dates)
    if date is None:
        limit = content[min(body_first, len(content) - 1)].start
        date = _header_date([ln for ln in header_furniture if ln.start <= limit], [])
    body_lines = content[body_first:] or content
    body = (body_lines[0].content_start, body_lines[-1].content_end)
    prefix = date_prefix(content[0].text)[1] if body_first == 0 else 0
    if prefix:
        # The page's "date 2021-12" key before the lead is not report text: the body starts after it.
        first = content[0]
        start = first.content_start + prefix
        body_lines = [Line(first.index, start, first.end, first.text[prefix:], start, first.content_end)]
        body_lines += content[1:]
        body = (start, body[1])

    sections = _numbered_sections(body_lines, body, title)
    if not sections:
        sections = _upper_sections(body_lines, body)
    if not sections:
        sections = _label_sections(body_lines, body)
    if not sections:
        sections = _paragraph_sections(body_lines)
    return Outline(title, title_span, date, tuple(sections), body)


def _header_date(furniture_lines: Sequence[Line], _: Sequence[Line]) -> str | None:
    for ln in furniture_lines[:12]:
        iso = date_in_line(ln.text)
        if iso:
            return iso
    return None


def _lead(body_lines: Sequence[Line], first_heading: Line) -> RawSection | None:
    lead_lines = [ln for ln in body_lines if ln.start < first_heading.start]
    if not lead_lines:
        return None
    end = lead_lines[-1].content_end
    return RawSection(
        None,
        first_sentence(lead_lines[0].text),
        lead_lines[0].content_start,
        end,
        lead_lines[0].content_start,
    )


def _sections_at(
    heads: Sequence[tuple[Line, int | None, str, int]], body_lines: Sequence[Line], body_end: int
) -> list[RawSection]:
    out: list[RawSection] = []
    lead = _lead(body_lines, heads[0][0])
    if lead:
        out.append(lead)
    for k, (ln, number, title, title_end) in enumerate(heads):
        if k + 1 < len(heads):
            nxt = heads[k + 1][0]
            inner = [b for b in body_lines if ln.start <= b.start < nxt.start]
        else:
            inner = [b for b in body_lines if b.start >= ln.start]
        end = inner[-1].content_end if inner else min(ln.content_end, body_end)
        out.append(RawSection(number, title, ln.content_start, end, title_end))
    return out


def _numbered_sections(
    body_lines: Sequence[Line], body: tuple[int, int], title: str | None = None
) -> list[RawSection]:
    run = _best_run(_heading_candidates(body_lines), body_lines, title)
    if not run:
        return []
    return _sections_at([(c.line, c.number, c.title, c.title_end) for c in run], body_lines, body[1])


def _upper_sections(body_lines: Sequence[Line], body: tuple[int, int]) -> list[RawSection]:
    heads = _upper_headings(body_lines)
    if not heads:
        return []
    return _sections_at([(ln, None, ln.text, ln.content_end) for ln in heads], body_lines, body[1])


def _is_title_case(text: str) -> bool:
    """Every word capitalised but the small ones ("Our Achievements", "Report of the Year")."""
    words = text.split()
    return (
        bool(words)
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w.casefold() in LABEL_SMALL_WORDS for w in words)
    )


def _label_heads(body_lines: Sequence[Line]) -> list[tuple[Line, int | None, str, int]]:
    """Labels that head a report's parts: a short title-case line ending with a colon ("Our
    Objectives:") above its text, or a label in capitals opening a paragraph ("FINANCE: ...")."""
    heads: list[tuple[Line, int | None, str, int]] = []
    for pos, ln in enumerate(body_lines):
        text = ln.text
        if ":" not in text[:LABEL_SCAN]:
            continue
        if text.endswith(":") and len(text) <= SHORT_BLOCK and pos + 1 < len(body_lines):
            label = text[:-1].strip()
            if len(label.split()) <= LABEL_MAX_WORDS and _is_title_case(label):
                heads.append((ln, None, label, ln.content_end))
            continue
        m = _CAPS_LABEL.match(text)
        if m and m[1].isupper() and len(m[1].split()) <= LABEL_MAX_WORDS and sum(map(str.isalpha, m[1])) >= 4:
            heads.append((ln, None, m[1], ln.content_start + m.end(1)))
    return heads if len(heads) >= 2 else []


def _label_sections(body_lines: Sequence[Line], body: tuple[int, int]) -> list[RawSection]:
    heads = _label_heads(body_lines)
    return _sections_at(heads, body_lines, body[1]) if heads else []


def _paragraph_sections(body_lines: Sequence[Line]) -> list[RawSection]:
    out = []
    captions = frozenset(ln.index for ln in body_lines if len(ln.text) >= SHORT_BLOCK and is_caption(ln.text))
    for block in _paragraphs(body_lines, captions):
        first = block[0]
        # The title comes from the block's first real sentence, not a caption before it.
        main = next((ln for ln in block if len(ln.text) >= SHORT_BLOCK and ln.index not in captions), first)
        out.append(
            RawSection(
                None,
                first_sentence(main.text),
                first.content_start,
                block[-1].content_end,
                first.content_start,
            )
        )
    return out


def fallback_title(
    text: str, sections: Sequence[tuple[int | None, str, int, int]], items: int = 0
) -> str | None:
    """A readable name for a report without a headline: the sentence that introduces its list
    ("... lựa chọn 10 sự kiện nổi bật của thành phố Bắc Ninh trong năm 2021 như sau:"), else the
    first sentence of its lead. `sections` holds (number, title, start, end); `items` is the
    number of highlight items, which the introducing sentence usually names ("10 sự kiện")."""
    if not sections:
        return None
    number, title, start, end = sections[0]
    if number is not None:
        return None
    # Only the lead's last line matters, and only its tail: this runs each time a list row is
    # drawn, so it must not copy a whole (possibly huge) lead.
    tail_start = max(start, end - 600)
    lead = text[tail_start:end].rstrip()
    last = lead[lead.rfind("\n") + 1 :].strip()
    if last.endswith(":"):
        intro = last.rstrip(":").rstrip()
        for tail in LIST_INTRO_TAILS:
            if intro.lower().endswith(tail):
                intro = intro[: -len(tail)].rstrip(" ,")
        intro = _SENTENCE_END.split(intro)[-1]
        named = re.search(rf"(?<![\d.,]){items}(?![\d.,])", intro) if items else None
        if named:
            intro = intro[named.start() :]
        return first_sentence(intro[:1].upper() + intro[1:], SECTION_TITLE_MAX)
    return title
