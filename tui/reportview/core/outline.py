"""Outline: a report's headline, publication date and sections (numbered highlight items).

Works on the lines of the NFC text with the furniture already marked; offsets it returns are
offsets into that text (the loader maps them back to the source).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from reportview.core.dates import date_in_line
from reportview.core.lexicon import LIST_INTRO_TAILS
from reportview.core.lines import Line

_HEADING = re.compile(r"(?:#{1,6}\s*)?\**\s*(\d{1,3})\s*[.)/]\s+(\S.*)")
_ROMAN_HEADING = re.compile(r"(?:#{1,6}\s*)?\**\s*([IVXLC]{1,7})\s*[.)/-]\s+(\S.*)")
_INLINE_TITLE_END = re.compile(r":\s|(?<=[.!?…])\s+(?=[\"“(\[]?[A-ZÀ-Ỹ0-9])")
INLINE_TITLE_MAX = 200
_MARKDOWN_TITLE = re.compile(r"#{1,6}\s+(\S.*)")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(\[]?[A-ZÀ-Ỹ0-9])")
# The same breaks found from their punctuation mark: a leading character class lets the regex
# engine skip ahead instead of trying the look-behind at every position.
_SENTENCE_MARK = re.compile(r"[.!?…]\s+(?=[\"“(\[]?[A-ZÀ-Ỹ0-9])")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

TITLE_MAX_CHARS = 220
HEADING_MAX_CHARS = 400
SECTION_TITLE_MAX = 90
SHORT_BLOCK = 60  # characters: a caption or byline rather than a paragraph
SHORT_RUN = 5  # short blocks in a row that make a section of their own


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


def first_sentence(text: str, limit: int = SECTION_TITLE_MAX) -> str:
    """The first sentence of a paragraph, clipped to `limit` characters on a word boundary."""
    # Only the head matters: never split a whole (possibly huge) paragraph.
    text = " ".join(text[: limit * 4].split())
    end = _SENTENCE_MARK.search(text)
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


def _heading_title(text: str) -> tuple[str, int] | None:
    """(title, its length in `text`) of a heading line, or None when it reads as a body paragraph.

    A heading may carry its body on the same line ("1. Về kinh tế: GRDP ước đạt ..."): then
    the title ends at the first colon or sentence end.
    """
    text = text.rstrip("*").rstrip()
    m = _INLINE_TITLE_END.search(text, 0, INLINE_TITLE_MAX)
    inline = m is not None and len(text[: m.start()].split()) >= 2 and len(text) - m.end() >= 60
    if not inline:
        if len(text) > HEADING_MAX_CHARS or (
            len(text) > 200 and not _is_upper_heading(text[:HEADING_MAX_CHARS])
        ):
            return None
        if len(_SENTENCE_END.split(text)) > 2:
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
    roman: bool

    @property
    def inline_body(self) -> bool:
        return self.title_end < self.line.content_end


def _heading_candidates(content: Sequence[Line]) -> list[_Candidate]:
    found = []
    for ln in content:
        roman = False
        m = _HEADING.fullmatch(ln.text)
        number = int(m[1]) if m else None
        if m is None:
            m = _ROMAN_HEADING.fullmatch(ln.text)
            number = roman_value(m[1]) if m else None
            roman = True
        if m is None or number is None:
            continue
        heading = _heading_title(m[2])
        if heading:
            title, length = heading
            found.append(_Candidate(ln, number, title, ln.content_start + m.start(2) + length, roman))
    return found


def _best_run(cands: Sequence[_Candidate], content: Sequence[Line]) -> list[_Candidate]:
    """The longest ascending run of consecutive numbers that reads as sections, not a list.

    Roman numerals win over Arabic ones that restart under them (I: 1, 2; II: 1, 2, 3).
    """
    arabic = _longest_run([c for c in cands if not c.roman], content)
    roman = _longest_run([c for c in cands if c.roman], content)
    restarts = sum(1 for c in cands if not c.roman and c.number == 1)
    if len(roman) >= 2 and (restarts > 1 or len(roman) >= len(arabic)):
        return roman
    return arabic if len(arabic) >= 2 else roman if len(roman) >= 2 else []


def _longest_run(cands: Sequence[_Candidate], content: Sequence[Line]) -> list[_Candidate]:
    position = {ln.index: i for i, ln in enumerate(content)}
    best: list[_Candidate] = []
    for i, start in enumerate(cands):
        run = [start]
        for cand in cands[i + 1 :]:
            if cand.number == run[-1].number + 1:
                run.append(cand)
        # One-line items with no body between them are an enumeration inside a section.
        gaps = [position[b.line.index] - position[a.line.index] for a, b in pairwise(run)]
        bodies = sum(g > 1 or a.inline_body for g, a in zip(gaps, run, strict=False))
        if gaps and bodies < max(1, len(gaps) // 2):
            continue
        if len(run) > len(best):
            best = run
    return best


def _upper_headings(content: Sequence[Line]) -> list[Line]:
    heads = [
        ln
        for ln in content
        if len(ln.text) <= 200 and _is_upper_heading(ln.text) and len(ln.text.split()) >= 2
    ]
    return heads if len(heads) >= 2 else []


def _paragraphs(content: Sequence[Line]) -> list[list[Line]]:
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
    # (one-line items) is cut into sections of a few lines each.
    merged: list[list[Line]] = []
    carry: list[Line] = []
    for block in blocks:
        if sum(len(ln.text) for ln in block) < SHORT_BLOCK:
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
    if _HEADING.fullmatch(text) or not any(c.isalpha() for c in text):
        return None
    return text


def build_outline(text: str, lines: Sequence[Line], furniture: dict[int, str]) -> Outline:
    """Title, date, body range and sections of a text whose furniture lines are marked."""
    content = [ln for ln in lines if not ln.blank and ln.index not in furniture]
    header_furniture = [ln for ln in lines if ln.index in furniture and not ln.blank]
    if not content:
        date = _header_date(header_furniture, [])
        return Outline(None, None, date, (), (0, 0))

    # The header: leading short lines (title, date); the date may also sit in furniture.
    title: str | None = None
    title_span: tuple[int, int] | None = None
    date: str | None = None
    body_first = 0
    for i, ln in enumerate(content[:6]):
        if date is None and date_in_line(ln.text):
            date = date_in_line(ln.text)
            body_first = i + 1
            continue
        if title is None and i == body_first and not _HEADING.fullmatch(ln.text):
            candidate = _title_of(ln.text)
            if candidate and i + 1 < len(content):
                title = candidate
                title_span = (ln.content_start, ln.content_end)
                body_first = i + 1
                continue
        break
    if date is None:
        limit = content[min(body_first, len(content) - 1)].start
        date = _header_date([ln for ln in header_furniture if ln.start <= limit], [])
    body_lines = content[body_first:] or content
    body = (body_lines[0].content_start, body_lines[-1].content_end)

    sections = _numbered_sections(body_lines, body)
    if not sections:
        sections = _upper_sections(body_lines, body)
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


def _numbered_sections(body_lines: Sequence[Line], body: tuple[int, int]) -> list[RawSection]:
    run = _best_run(_heading_candidates(body_lines), body_lines)
    if not run:
        return []
    return _sections_at([(c.line, c.number, c.title, c.title_end) for c in run], body_lines, body[1])


def _upper_sections(body_lines: Sequence[Line], body: tuple[int, int]) -> list[RawSection]:
    heads = _upper_headings(body_lines)
    if not heads:
        return []
    return _sections_at([(ln, None, ln.text, ln.content_end) for ln in heads], body_lines, body[1])


def _paragraph_sections(body_lines: Sequence[Line]) -> list[RawSection]:
    out = []
    for block in _paragraphs(body_lines):
        first = block[0]
        # The title comes from the block's first real sentence, not a caption before it.
        main = next((ln for ln in block if len(ln.text) >= SHORT_BLOCK), first)
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
