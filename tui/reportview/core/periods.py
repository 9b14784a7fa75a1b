"""Periods: the time a report and each of its figures refer to ("2021", "2021-H1", "2021-Q1", "2021-9M",
"2021-03", a term "2015-2020"), read from the words of the text (docs/figures.md, "What a figure means")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportview.core import lexicon as lx


def _alt(words: Sequence[str]) -> str:
    """A regex alternation of table phrases, longest first, spaces matching any white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_YEAR = r"(?:19|20)\d\d(?![\d/.,]\d)"
_SEP = r"\s*(?:/|-|–|\s)\s*(?:" + _alt(lx.PERIOD_YEAR_WORDS) + r")?\s*"
_MONTHS = _alt(lx.PERIOD_MONTH_WORDS)
_YEARS = _alt(lx.PERIOD_YEAR_WORDS)
_COUNT = r"\d{1,2}|" + _alt(tuple(lx.PERIOD_SPELLED_MONTHS))
# The first letters of every word a period can open with (the tables below, "Q1 2021", a count).
_FIRSTS = "".join(
    sorted(
        {
            c
            for w in (
                *lx.PERIOD_TERM_WORDS, *lx.PERIOD_MONTH_WORDS, *lx.PERIOD_YEAR_WORDS,
                *lx.PERIOD_QUARTER_WORDS, *lx.PERIOD_SPELLED_MONTHS, *lx.PERIOD_HALF_WORDS,
                *lx.PERIOD_HALF_WORDS_EN,
                *lx.PERIOD_TERM_WORDS_EN, *lx.PERIOD_YEAR_WORDS_EN, "Q",
            )
            for c in (w[:1].lower(), w[:1].upper())
        }
    )
)  # fmt: skip
_PERIOD = re.compile(
    # The lookahead skips, at a glance, every position where no period can start.
    rf"(?<![\w/])(?=[{re.escape(_FIRSTS)}\d])(?:"
    # a term: "nhiệm kỳ 2015 - 2020", "giai đoạn 2021-2025"
    rf"(?P<term>{_alt(lx.PERIOD_TERM_WORDS)})\s+(?P<t1>(?:19|20)\d\d)\s*[-–]\s*(?P<t2>(?:19|20)\d\d)(?!\d)"
    # the first (or last) n months: "6 tháng đầu năm 2021", "9 tháng năm 2023", "5 tháng đầu năm"
    rf"|(?P<n>{_COUNT})\s+(?:{_MONTHS})\s+(?:(?P<first>{_alt(lx.PERIOD_FIRST_WORDS)})"
    rf"|(?P<last>{_alt(lx.PERIOD_LAST_WORDS)}))?\s*(?:{_YEARS})(?:\s+(?P<ny>{_YEAR}))?"
    # the months a value is reported for: "huyện 6 tháng ước đạt 81.289 tỷ đồng" (of the year around it)
    rf"|(?P<rn>{_COUNT})\s+(?:{_MONTHS})(?=\s+(?:{_alt(lx.PERIOD_REPORT_VERBS)})\s+\d)"
    # a quarter: "quý I/2021", "Quý I năm 2021", "quý 2"
    rf"|(?:{_alt(lx.PERIOD_QUARTER_WORDS)})\s+(?P<q>IV|I{{1,3}}|[1-4])(?![\w])(?:{_SEP}(?P<qy>{_YEAR}))?"
    # a month: "tháng 3/2021", "tháng 11 năm 2021", "tháng 9" (of the year around it)
    rf"|(?:{_MONTHS})\s+(?P<m>\d{{1,2}})(?:{_SEP}(?P<my>{_YEAR})|(?!\d|[/.,]\d|\s*(?:{_MONTHS})))"
    # a year: "năm 2021", "Năm 2022" (not "năm 2020-2021", a term)
    rf"|(?:{_YEARS})\s+(?P<y>(?:19|20)\d\d)(?!\d|\s*[-–]\s*\d)"
    # a half named in words: "nửa đầu năm 2023"
    rf"|(?P<vh>{_alt(tuple(lx.PERIOD_HALF_WORDS))})(?:\s+(?P<vhy>(?:19|20)\d\d)(?!\d))?"
    # English: "first half of 2021", "Q1 2021", "FY2021", "in 2021"
    rf"|(?P<half>{_alt(tuple(lx.PERIOD_HALF_WORDS_EN))})\s+(?P<hy>(?:19|20)\d\d)(?!\d)"
    r"|Q(?P<eq>[1-4])\s*(?P<eqy>(?:19|20)\d\d)(?!\d)"
    rf"|(?:{_alt(lx.PERIOD_TERM_WORDS_EN)})\s+(?P<e1>(?:19|20)\d\d)\s*[-–]\s*(?P<e2>(?:19|20)\d\d)(?!\d)"
    rf"|(?:{_alt(lx.PERIOD_YEAR_WORDS_EN)})\s*(?P<ey>(?:19|20)\d\d)(?![\d/]|\s*[-–]\s*\d)"
    r")",
    re.IGNORECASE,
)
# A period named in a phrase, for stripping it (labels: "Đến tháng 3/2021" names no subject).
PERIOD_WORDS = _PERIOD
_NOT_AFTER = re.compile(r"(?:^|\W)(?:" + _alt(lx.PERIOD_NOT_AFTER) + r")(?:\s+the)?\s*$", re.IGNORECASE)
# A comparison open in the clause before the mention ("so với vụ đông xuân năm 2011").
_IN_COMPARISON = re.compile(
    r"(?:^|\W)(?:" + _alt(lx.PERIOD_COMPARISON_OPENERS) + r")\s[^,;:.()\d]*$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# Where a plain mention stops applying: a sentence end or a semicolon (list items of their own).
_SCOPE_END = re.compile(r"[.!?;](?=\s)|\n")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_CLAUSE_BREAK = re.compile(r"[.!?;:,(](?=\s)|\(|\n")
_FRAME_WORDS = lx.PERIOD_FRAME_LEAD


# How far back a paragraph is read: a frame ("Năm 2022, ...") reaches this far at most, so that a
# text saved on one line (a whole corpus, a minified page) is read in linear time.
PARAGRAPH_REACH = 3000


def paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph holding `pos` starts, looking back at most PARAGRAPH_REACH characters."""
    lo = max(0, pos - PARAGRAPH_REACH)
    return max(text.rfind("\n", lo, pos) + 1, lo)


@dataclass(frozen=True, slots=True)
class Mention:
    """A period named in the text: where, what, and whether it frames the rest of its paragraph."""

    start: int
    end: int
    period: str
    frame: bool
    # The last months of a year ("3 tháng cuối năm"): what a report plans, ahead of its own period.
    ahead: bool = False
    # A single month that names no year ("tháng 12"): in a title beside another period ("tháng 12
    # và năm 2022"), the other is the report's.
    bare_month: bool = False


def _months(n: int, year: int, last: bool) -> str:
    """ "6 tháng đầu năm 2021" -> 2021-H1; 3 -> Q1; 9 -> 9M; 12 -> the year; "6 tháng cuối năm" -> H2."""
    if last:
        return {6: f"{year}-H2", 3: f"{year}-Q4"}.get(n, f"{year}")
    if n == 6:
        return f"{year}-H1"
    if n == 3:
        return f"{year}-Q1"
    if n >= 12:
        return f"{year}"
    return f"{year}-{n}M"


def _read(m: re.Match[str], year: int | None) -> str | None:
    """The period a match names; `year` fills "6 tháng đầu năm" and "quý II" that name none."""
    g = m.groupdict()
    if g["term"]:
        return f"{g['t1']}-{g['t2']}" if g["t1"] < g["t2"] else None
    if g["n"]:
        y = int(g["ny"]) if g["ny"] else year
        n = int(g["n"]) if g["n"].isdigit() else lx.PERIOD_SPELLED_MONTHS[" ".join(g["n"].lower().split())]
        if y is None or not 1 <= n <= 12 or not (g["ny"] or g["first"] or g["last"]):
            return None
        return _months(n, y, bool(g["last"]))
    if g["rn"]:
        n = int(g["rn"]) if g["rn"].isdigit() else lx.PERIOD_SPELLED_MONTHS[" ".join(g["rn"].lower().split())]
        return _months(n, year, False) if year is not None and 1 <= n <= 12 else None
    if g["q"]:
        y = int(g["qy"]) if g["qy"] else year
        q = lx.ROMAN_NUMERALS.get(g["q"].lower()) or int(g["q"])
        return None if y is None else f"{y}-Q{q}"
    if g["m"]:
        month = int(g["m"])
        y = int(g["my"]) if g["my"] else year
        return f"{y}-{month:02d}" if y is not None and 1 <= month <= 12 else None
    if g["y"]:
        return g["y"]
    if g["vh"]:
        y = int(g["vhy"]) if g["vhy"] else year
        return None if y is None else f"{y}-{lx.PERIOD_HALF_WORDS[' '.join(g['vh'].lower().split())]}"
    if g["half"]:
        return f"{g['hy']}-{lx.PERIOD_HALF_WORDS_EN[' '.join(g['half'].lower().split())]}"
    if g["eq"]:
        return f"{g['eqy']}-Q{g['eq']}"
    if g["e1"]:
        return f"{g['e1']}-{g['e2']}" if g["e1"] < g["e2"] else None
    if g["ey"]:
        return g["ey"]
    return None


def _frames(text: str, start: int, end: int, line_start: int) -> bool:
    """A period opens its clause with at most a few lead words ("Năm 2022, ...", "Kết quả đến tháng 11/2021,
    ...", "..., trong nhiệm kỳ 2020 - 2025, Đảng bộ ...") and ends it with a comma or opens the sentence."""
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, line_start, start)), default=line_start)
    lead = text[clause:start].strip(' \t\u00a0-–•*"“').lower().split()
    if len(lead) > 4 or not all(w in _FRAME_WORDS for w in lead):
        return False
    if text[end : end + 3].lstrip(" \t\u00a0").startswith(","):
        return True
    sentence = max((m.end() for m in _SENTENCE_END.finditer(text, line_start, start)), default=line_start)
    return sentence == clause


def mentions(text: str, start: int = 0, end: int | None = None, year: int | None = None) -> list[Mention]:
    """Every period named in text[start:end], in text order (comparisons and price bases left out)."""
    out: list[Mention] = []
    end = len(text) if end is None else end
    for m in _matches(text, start, end):
        if _NOT_AFTER.search(text, max(0, m.start() - 24), m.start()) or _IN_COMPARISON.search(
            text, max(0, m.start() - 40), m.start()
        ):
            continue
        period = _read(m, year)
        if period is None:
            continue
        line_start = paragraph_start(text, m.start())
        frame = _frames(text, m.start(), m.end(), line_start)
        # A term inside a sentence names a body or a plan ("HĐND các cấp nhiệm kỳ 2021-2026"), not a time.
        if m["term"] and not frame:
            continue
        out.append(Mention(m.start(), m.end(), period, frame, bool(m["last"]), bool(m["m"] and not m["my"])))
    return out


# Every period names a year, a quarter, a count of months or a half: the full pattern runs only
# around these anchors (trying it at every position of a long text is slow; a year pattern and
# plain substring searches are not).
_ANCHOR_WORDS = (
    *lx.PERIOD_QUARTER_WORDS,
    *lx.PERIOD_MONTH_WORDS,
    *(h.split()[0] for h in lx.PERIOD_HALF_WORDS),
)
_WORD_ANCHORS = tuple({form for w in _ANCHOR_WORDS for form in (w, w.capitalize(), w.upper())})
# Years and anchor words in one scan: every branch opens with a literal, so the regex engine skips
# to the next candidate character at once (a word cannot overlap a year or another word's match).
_ANCHOR = re.compile(
    "|".join((r"19\d\d", r"20\d\d", *(re.escape(w) for w in sorted(_WORD_ANCHORS, key=len, reverse=True))))
)
_REACH = 32  # how far before its anchor a period can start ("niên khoá 2020-2021", "mười một tháng")


def _anchors(text: str, start: int, end: int) -> list[int]:
    return [m.start() for m in _ANCHOR.finditer(text, start, end)]


def _matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The matches of the period pattern in text[start:end], found by searching near each anchor."""
    out: list[re.Match[str]] = []
    done = start
    for a in _anchors(text, start, end):
        if a < done:
            continue
        pos = max(done, a - _REACH)
        while True:
            m = _PERIOD.search(text, pos, min(end, a + 40))
            if m is None or m.start() > a:
                break
            if m.end() > a:
                out.append(m)
                done = m.end()
                break
            pos = m.end()
    return out


def _year_of(period: str | None) -> int | None:
    if not period:
        return None
    return (
        int(period[-4:]) if "-" in period and period[-4:].isdigit() and len(period) == 9 else int(period[:4])
    )


def report_period(
    text: str,
    title_span: tuple[int, int] | None,
    body: tuple[int, int],
    date: str | None,
    lead_chars: int = 600,
    year_hint: int | None = None,
) -> str | None:
    """The report's own period: framed in its title or lead ("Năm 2021, ..."), else named there, else the
    year of its date. A period that names no year ("9 tháng đầu năm") takes the date's, else the lead's,
    else `year_hint` (the year the file's name gives)."""
    year = int(date[:4]) if date and date[:4].isdigit() else None
    spans = [title_span] if title_span else []
    spans.append((body[0], min(body[1], body[0] + lead_chars)))
    if year is None:
        named = [m for a, b in spans for m in mentions(text, a, b)]
        year = _year_of(named[0].period) if named else year_hint
    # "3 tháng cuối năm 2023" in a lead is the plan for the rest of the year, not the report's period.
    found = [m for a, b in spans for m in mentions(text, a, b, year) if not m.ahead]
    if found:
        in_title = [m for m in found if title_span and m.start < title_span[1]]
        framed = [m for m in found if m.frame]
        chosen = in_title or framed or found
        return next((m for m in chosen if not m.bare_month), chosen[0]).period
    return str(year) if year else None


def figure_periods(text: str, spans: Sequence[tuple[int, int]], own: str | None) -> list[str | None]:
    """The period of each figure (spans in text order): the last one its sentence (or its parenthesis)
    names before it, else the one framing its paragraph, else the report's own."""
    if not spans:
        return []
    year = _year_of(own)
    found = mentions(text, max(0, spans[0][0] - 2000), min(len(text), spans[-1][1] + _AFTER_REACH), year)
    starts = [m.start for m in found]
    out: list[str | None] = []
    for s, e in spans:
        k = bisect.bisect_left(starts, s)
        after = found[k] if k < len(found) else None
        if after is not None and after.start >= e and _right_after(text, e, after.start):
            out.append(after.period)  # "7% growth in 2022-2025", "10,000 new jobs by 2025"
        else:
            out.append(_period_at(text, s, found, k, own))
    return out


_AFTER_REACH = 32  # how far after a figure its own period may stand
_BETWEEN = re.compile(r"[^\W\d_]+")


def _right_after(text: str, e: int, start: int) -> bool:
    """A period named right after the figure, in its clause: at most three words between, none a digit
    or a break ("7% growth in 2022-2025"; not "..., năm học 2020-2021")."""
    gap = text[e:start]
    if start - e > _AFTER_REACH or any(c in gap for c in ",;.:()\n") or any(c.isdigit() for c in gap):
        return False
    return len(_BETWEEN.findall(gap)) <= 3


def _period_at(text: str, s: int, found: Sequence[Mention], k: int, own: str | None) -> str | None:
    line_start = paragraph_start(text, s)
    if k == 0 or found[k - 1].start < line_start:
        return own  # no period named in the paragraph before the figure: its scope needs no reading
    paren = _open_paren(text, line_start, s)
    # Inside a parenthesis its own words come first, semicolons and all ("(năm 2020 là 52,6%; 46,6%)").
    scope = paren if paren is not None else line_start
    for m in _SCOPE_END.finditer(text, scope, s):
        # A semicolon ends the scope unless only bare figures follow it ("52,6%; 46,6%; 0,8%").
        if m[0] != ";" or _WORDS.search(text, m.end(), s):
            scope = m.end()
    i = k - 1
    while i >= 0 and found[i].start >= line_start:
        m = found[i]
        if m.end <= s and ((m.start >= scope and _visible(text, m.end, s)) or m.frame):
            return m.period
        if paren is not None and m.start < paren:
            # Out of the parenthesis: the clause around it decides, as for any figure there.
            return _period_at(text, paren, found, i + 1, own)
        i -= 1
    return own


def _open_paren(text: str, start: int, s: int) -> int | None:
    """Where the parenthesis holding `s` opened (within the paragraph), or None."""
    depth = 0
    pos = s
    while True:
        i = max(text.rfind("(", start, pos), text.rfind(")", start, pos))
        if i < 0:
            return None
        if text[i] == ")":
            depth += 1
        elif depth == 0:
            return i
        else:
            depth -= 1
        pos = i


def _visible(text: str, pos: int, s: int) -> bool:
    """No parenthesis that opened before `pos` closes before `s` ("(năm 2020 là 7,11%); ... 6,2%")."""
    depth = 0
    for ch in text[pos:s]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return False
    return True
