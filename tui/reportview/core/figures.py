"""Figures: every quantity in a report, with kind, value, upper, unit, qualifier, change and label.

The rules are docs/figures.md (shared): counts, percents, money, ratios and measures are
figures; dates, years, identifiers, names with digits, ordinals, list numbers and page
furniture are not. Words come from the tables in lexicon.py (plus config.yaml additions);
this module holds only the grammar. A number is read in stages: the vetoes (named rules for
numbers that are never figures, each with examples of what it rejects), the amount (magnitude
words, compounds), one reader per kind (money, percent, measure, count), the rate tail, a
range's high end, a written sign.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache

from reportview.core import lexicon as lx
from reportview.core.changes import change_after, qualifier_and_change
from reportview.core.labels import base_after, inherit_labels, is_time_offset, label_for, words_before
from reportview.core.model import Figure, TableRef
from reportview.core.numbers import (
    NUMBER_TOKEN,
    Convention,
    Language,
    detect_convention,
    detect_language,
    parse_number,
)

# Tokens: words, numbers, and single punctuation marks, each with the space before it.
_TOKEN = re.compile(r"([ \t\u00a0]*)([^\W\d_]+|\d+(?:[.,]\d+)*|[^\w\s])")
_WORD = re.compile(r"[^\W\d_]+")
_LIST_MARK = re.compile(r"[.)]\s")
_ESCAPE_BEFORE = re.compile(r"\x1b\[[\d;]*$")
_ESCAPE_END = re.compile(r"[\d;]*[A-Za-z]?")
_ESCAPE_ENDS = re.compile(r"\x1b\[[\d;]*[A-Za-z]$")
_CLOCK = re.compile(r":\d{2}(?::\d{2})?")
_HOUR = re.compile(rf"[{re.escape(lx.HOUR_MARKS)}]\d{{0,2}}")
_CURRENCY_SIGNS = "$€£¥₫"


@dataclass(frozen=True, slots=True)
class Entry:
    """What a lexicon phrase is: its class and canonical form."""

    cls: str  # magnitude | currency | percent | measure | count | verb
    canonical: str
    factor: float = 1.0


# Not frozen: the reader's working record of one figure, completed as it is read (sign, label);
# the loader maps each to the frozen model.Figure exactly once (source offsets, text, section).
@dataclass(slots=True)
class RawFigure:
    """A figure as read from the analysed (NFC) text: offsets into that text, no section yet."""

    start: int
    end: int
    value: float
    kind: str
    unit: str
    total: float | None = None
    qualifier: str | None = None
    change: str | None = None
    base: str | None = None
    label: str | None = None
    upper: float | None = None
    period: str | None = None
    place: str | None = None
    table: TableRef | None = None

    def as_figure(self, text: str, start: int, end: int, **decided: object) -> Figure:
        """The model Figure of this reading at source offsets `start`:`end` of `text`, with what the
        caller decided since (base, label, period, place, section, table) in `decided`."""
        # (Every field but the offsets, by name: a field added to both classes needs no line here.)
        values: dict[str, object] = {n: getattr(self, n) for n in _RAW_FIELDS}
        values.update(decided)
        return Figure(start=start, end=end, text=text[start:end], **values)  # type: ignore[arg-type]


_RAW_FIELDS = tuple(f.name for f in fields(RawFigure) if f.name not in ("start", "end"))


@dataclass(frozen=True)
class FigureRules:
    convention: str
    phrases: dict[tuple[str, ...], Entry]
    glued: frozenset[tuple[str, ...]]
    longest: dict[str, int]  # first token -> the longest phrase starting with it


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(m[2].lower() for m in _TOKEN.finditer(phrase))


@lru_cache(maxsize=16)
def _rules(
    convention: str, units: tuple[tuple[str, str], ...], magnitudes: tuple[tuple[str, float], ...]
) -> FigureRules:
    phrases: dict[tuple[str, ...], Entry] = {}
    # Later tables win ties: count < measure < currency < percent < magnitude.
    for noun in lx.COUNT_NOUNS:
        noun = noun.strip()
        if noun:
            phrases[_key(noun)] = Entry("count", noun)
    for word, canonical in lx.MEASURE_UNITS.items():
        phrases[_key(word)] = Entry("measure", canonical)
    for word, kind in units:
        phrases[_key(word)] = Entry(kind, word if kind == "count" else word.lower())
    for word, code in lx.CURRENCIES.items():
        phrases[_key(word)] = Entry("currency", code)
    for word, (code, factor) in lx.CURRENCY_SUBUNITS.items():
        phrases[_key(word)] = Entry("currency", code, factor)
    for word in lx.PERCENT_WORDS:
        phrases[_key(word)] = Entry("percent", "%")
    for phrase in lx.VERB_PHRASES:
        phrases[_key(phrase)] = Entry("verb", phrase)
    for word, factor in (*lx.MAGNITUDES.items(), *magnitudes):
        phrases[_key(word)] = Entry("magnitude", word, float(factor))
    glued = frozenset(_key(u) for u in lx.GLUED_UNITS)
    longest: dict[str, int] = {}
    for key in phrases:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return FigureRules(convention, phrases, glued, longest)


def figure_rules(
    convention: str = "auto",
    units: tuple[tuple[str, str], ...] = (),
    magnitudes: tuple[tuple[str, float], ...] = (),
) -> FigureRules:
    """Compiled rules from the built-in tables plus extra units and magnitudes (sorted pairs)."""
    return _rules(convention, tuple(sorted(units)), tuple(sorted(magnitudes)))


# Not frozen: a frozen dataclass's __init__ sets each field through object.__setattr__, and
# tokens are built by the hundred thousand (a third faster this way); nothing mutates them.
@dataclass(slots=True)
class Tok:
    space: str  # the blank before the token; "\n" for the first token of a continued line
    text: str
    start: int
    end: int
    low: str
    is_word: bool
    is_number: bool


def _tok(m: re.Match[str], space: str) -> Tok:
    word = m[2]
    start = m.start(2)
    first = word[0]
    return Tok(space, word, start, start + len(word), word.lower(), first.isalpha(), first.isdigit())


def _tokens_after(text: str, pos: int, limit: int = 8) -> list[Tok]:
    end = text.find("\n", pos, pos + 120)
    end = min(len(text), pos + 120) if end < 0 else end
    out: list[Tok] = []
    # finditer, not findall: the line after a number is long and only `limit` tokens are read.
    # (Tok built inline, not by _tok: this is the hottest loop of the parse.)
    for m in _TOKEN.finditer(text, pos, end):
        word = m[2]
        start = m.start(2)
        first = word[0]
        out.append(Tok(m[1], word, start, start + len(word), word.lower(), first.isalpha(), first.isdigit()))
        if len(out) == limit:
            return out
    # "5 nghìn⏎tỷ đồng": a figure may run on over one line break when the next line continues
    # the sentence (starts in lower case), never over a blank line.
    nxt = end + 1
    if len(out) < 3 and end < len(text) and text[end] == "\n" and nxt < len(text):
        first = text[nxt]
        if first.islower() or first == "%":
            line_end = text.find("\n", nxt, nxt + 120)
            line_end = min(len(text), nxt + 120) if line_end < 0 else line_end
            for m in _TOKEN.finditer(text, nxt, line_end):
                out.append(_tok(m, "\n" if m.start() == nxt else m[1]))
                if len(out) == limit:
                    break
    return out


def _tokens_before(text: str, pos: int, limit: int = 5) -> list[Tok]:
    start = max(text.rfind("\n", max(0, pos - 40), pos) + 1, pos - 40)
    out: list[Tok] = []
    for m in list(_TOKEN.finditer(text, start, pos))[-limit:]:
        word = m[2]
        begin = m.start(2)
        first = word[0]
        out.append(Tok(m[1], word, begin, begin + len(word), word.lower(), first.isalpha(), first.isdigit()))
    return out


# A country's name counts three votes, a spelling hint one.
_COUNTRY_VOTES = {
    **{w: (code, 1) for code, words in lx.DOLLAR_SPELLING_HINTS.items() for w in words},
    **{w: (code, 3) for code, words in lx.DOLLAR_COUNTRY_WORDS.items() for w in words},
}
_COUNTRY_WORD = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(_COUNTRY_VOTES, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)


def dollar_currency(text: str) -> str:
    """The currency "$" means in this document: the dollar of the country its words point to most
    (named countries, states and spellings; USD when nothing points anywhere)."""
    votes: dict[str, int] = {}
    for m in _COUNTRY_WORD.finditer(text):
        code, weight = _COUNTRY_VOTES[m[1].lower()]
        votes[code] = votes.get(code, 0) + weight
    if not votes:
        return "USD"
    return max(sorted(votes), key=lambda c: (votes[c], c == "USD"))


class _Context:
    """Per-document state shared by the readers of each number."""

    def __init__(
        self,
        text: str,
        rules: FigureRules,
        convention: Convention,
        language: Language,
        dollar: str | None = None,
    ) -> None:
        self.text = text
        self.rules = rules
        self.convention = convention
        self.language = language
        self._dollar = dollar

    def currency(self, code: str) -> str:
        """An ISO code, with "$" resolved to the document's dollar (the parse's, else decided here once,
        when first met)."""
        if code != lx.DOLLAR:
            return code
        if self._dollar is None:
            self._dollar = dollar_currency(self.text)
        return self._dollar

    def phrase(self, toks: Sequence[Tok], i: int, glued_only: bool = False) -> tuple[Entry, int] | None:
        """The longest lexicon phrase starting at toks[i]: (entry, number of tokens)."""
        longest = self.rules.longest.get(toks[i].low, 0)
        if not longest:
            return None
        phrases = self.rules.phrases
        top = min(longest, len(toks) - i)
        lows = tuple(t.low for t in toks[i : i + top])  # (each length's key is a prefix of these)
        for n in range(top, 0, -1):
            key = lows[:n]
            entry = phrases.get(key)
            if entry is None:
                continue
            span = toks[i : i + n]
            # A phrase does not run on over a line break ("tỷ⏎đồng" is two lines' words).
            if n > 1 and any(t.space == "\n" for t in span[1:]):
                continue
            if glued_only and key not in self.rules.glued and entry.cls not in ("percent",):
                continue
            # "SIM 3G", "chip 720G": a glued capital letter names a thing; "3m", "500g" are units.
            if glued_only and n == 1 and len(span[0].text) == 1 and span[0].text.isupper():
                continue
            return entry, n
        return None


def _allowed_regions(
    body: tuple[int, int], furniture: Sequence[tuple[int, int]], title: tuple[int, int] | None
) -> list[tuple[int, int]]:
    regions = [body]
    if title and (title[1] <= body[0] or title[0] >= body[1]):
        regions.insert(0, title)
    elif title:
        # A title inside (or overlapping) the body is read once, with it.
        regions = [(min(title[0], body[0]), max(title[1], body[1]))]
    out: list[tuple[int, int]] = []
    cuts = sorted(furniture)
    for rs, re_ in regions:
        pos = rs
        for fs, fe in cuts:
            if fe <= pos or fs >= re_:
                continue
            if fs > pos:
                out.append((pos, fs))
            pos = max(pos, fe)
        if pos < re_:
            out.append((pos, re_))
    return out


def extract_figures(
    text: str,
    body: tuple[int, int],
    furniture: Sequence[tuple[int, int]] = (),
    rules: FigureRules | None = None,
    title_span: tuple[int, int] | None = None,
    *,
    convention: Convention | None = None,
    language: Language | None = None,
    dollar: str | None = None,
) -> list[RawFigure]:
    """Every figure of `text` inside the title and body, outside furniture, in text order.

    `convention`, `language` and `dollar` (the currency "$" means) are the document's, decided once
    by the parse (loading) for all its pieces and table cells; read from `text` when not given."""
    rules = rules or figure_rules()
    regions = _allowed_regions(body, furniture, title_span)
    if convention is None:
        convention = detect_convention(text, body) if rules.convention == "auto" else rules.convention  # type: ignore[assignment]
    if language is None:
        language = detect_language(text, body)
    ctx = _Context(text, rules, convention, language, dollar)  # type: ignore[arg-type]
    out: list[RawFigure] = []
    for rs, re_ in regions:
        skip_to = rs
        for m in NUMBER_TOKEN.finditer(text, rs, re_):
            if m.start() < skip_to:
                continue
            try:
                fig, consumed = _read_number(ctx, m.start(), m.end(), re_, None, ranged=True)
                if fig is not None:
                    fig = _signed(text, fig)
            except (ValueError, OverflowError, IndexError):
                fig, consumed = None, m.end()
            skip_to = max(consumed, m.end())
            if fig is not None and fig.end <= re_ and fig.start >= rs:
                out.append(fig)
    labels = inherit_labels(
        text,
        [f.label for f in out],
        [(f.start, f.end) for f in out],
        [f.base for f in out],
        [f.kind == "percent" for f in out],
        [is_time_offset(text, f.start, f.end, f.unit) for f in out],
        [f.unit if f.kind in ("count", "ratio") else "" for f in out],
    )
    for f, label in zip(out, labels, strict=True):
        f.label = label  # the label is decided here, once
    return out


# --- the number being read -------------------------------------------------------------------------


@dataclass(slots=True)
class _Num:
    """One number token under reading: its span, text, value and (read once, when asked) the tokens before."""

    s: int
    e: int
    token: str
    value: float = 0.0
    slash: bool = False
    _before: list[Tok] | None = None
    prev: str = "\n"  # the character before the number (read by most shape vetoes)

    def before(self, text: str) -> list[Tok]:
        if self._before is None:
            self._before = _tokens_before(text, self.s)
        return self._before


# --- vetoes: numbers that are never figures ----------------------------------------------------------
# Each check returns where reading resumes when it rejects the number, else None.


def _glued_to_word(ctx: _Context, n: _Num) -> int | None:
    prev = n.prev
    # (A quoted terminal escape such as "\x1b[31m" right before the number is no word.)
    if (prev.isalnum() or prev == "_") and not (
        prev.isalpha() and _ESCAPE_ENDS.search(ctx.text, max(0, n.s - 16), n.s)
    ):
        return n.e
    return None


def _after_letters_and_mark(ctx: _Context, n: _Num) -> int | None:
    if n.prev in "-–/." and n.s > 1 and ctx.text[n.s - 2].isalpha():
        return n.e
    return None


def _after_slash(ctx: _Context, n: _Num) -> int | None:
    return n.e if n.prev == "/" and n.s > 1 and ctx.text[n.s - 2].isdigit() else None


def _in_terminal_escape(ctx: _Context, n: _Num) -> int | None:
    if n.prev in "[;" and _ESCAPE_BEFORE.search(ctx.text, max(0, n.s - 16), n.s):
        m = _ESCAPE_END.match(ctx.text, n.e)
        return m.end() if m else n.e
    return None


def _model_number(ctx: _Context, n: _Num) -> int | None:
    text, s = ctx.text, n.s
    if n.prev in "-–" and s > 1 and text[s - 2].isdigit():
        k = s - 2
        while k > 0 and text[k - 1].isdigit():
            k -= 1
        if k > 0 and text[k - 1].isalpha():
            return n.e
    return None


def _time_of_day(ctx: _Context, n: _Num) -> int | None:
    text, e = ctx.text, n.e
    nxt = text[e : e + 1]
    if nxt == ":" and text[e + 1 : e + 2].isdigit():
        m = _CLOCK.match(text, e)
        return m.end() if m else e
    if nxt and nxt in lx.HOUR_MARKS and not text[e + 1 : e + 2].isalpha():
        # "14g30", "lúc 7g", "5g sáng" are hours; "30g cồn", "700g/chùm" are grams.
        if (
            nxt == lx.HOUR_OR_GRAM_MARK
            and not text[e + 1 : e + 2].isdigit()
            and not _hour_words_around(ctx, n)
        ):
            return None
        m = _HOUR.match(text, e)
        return m.end() if m else e
    return None


def _hour_words_around(ctx: _Context, n: _Num) -> bool:
    """A clock word before ("lúc 7g") or a part of the day after ("5g sáng"): "g" is an hour."""
    before = n.before(ctx.text)
    if before and before[-1].low in lx.CLOCK_WORDS_BEFORE:
        return True
    after = _tokens_after(ctx.text, n.e + 1, 1)
    return bool(after) and after[0].low in lx.DAY_PARTS


def _list_number(ctx: _Context, n: _Num) -> int | None:
    text, s = ctx.text, n.s
    # (The look-back is bounded: a 20 MB single-line text must not cost a scan per number.)
    head = text[max(0, s - 8) : s]
    nl = head.rfind("\n")
    at_line_start = (nl >= 0 or s <= 8) and not head[nl + 1 :].strip(" \t#*-")
    if at_line_start and _LIST_MARK.match(text, n.e):
        return n.e + 1
    return None


_RANGE_OF_YEARS = re.compile(r"\s?[-–]\s?(\d+)")
_YEAR_MONTH = re.compile(r"[-–]\d{1,2}(?:-\d{1,2})?(?!\d)")


def _year(ctx: _Context, n: _Num) -> int | None:
    if 1900 <= n.value <= 2100 and len(n.token) == 4 and n.token.isdigit() and not n.slash:
        m = _RANGE_OF_YEARS.match(ctx.text, n.e)
        if m and len(m[1]) == 4:
            return m.end()
        # "2021-12", "2021-12-31", "2019-20", "2025–26": a month, a date or a year written short.
        ym = _YEAR_MONTH.match(ctx.text, n.e)
        return ym.end() if ym else n.e
    return None


def _identifier_before(ctx: _Context, n: _Num) -> int | None:
    # "ở mức 6,5 triệu đồng", "nhóm 2 tấn": a unit after the number outweighs a naming word before.
    if n.slash:
        return None
    # Only a word, a dash or a comma right before can name the number (the words are not read
    # for the rest: a number after "(", ":" or a line start).
    text, k = ctx.text, n.s - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    if k < 0 or not (text[k].isalpha() or text[k] in "-–,&"):
        return None
    # A word right before that ends no identifier phrase and joins nothing names nothing: decided
    # from that word alone, without the tokens before (the common case: "tăng 7%", "đạt 120 tỷ").
    if n._before is None and text[k].isalpha():
        last = _last_word_before(text, k, n.s)
        if last is not None and last not in _IDENTIFIER_LAST_WORDS:
            return None
    before = n.before(text)
    # "Trung ương 5 và 6", "lớp 10 và 11": the next number joined to an identifier names one too
    # (but "mức độ 3 và 23 dịch vụ công" counts: a count is no neighbour of a level).
    joined = (
        len(before) >= 3
        and before[-1].low in lx.COORDINATORS
        and before[-2].is_number
        and 0 < n.value - float(before[-2].text.replace(",", ".")) <= 3
        and _is_identifier_context(before[:-2], n.value, before[-2].text)
        and not _counted_after(ctx, n.e)
    )
    if not joined and not _is_identifier_context(before, n.value, n.token):
        return None
    return None if _measured_after(ctx, n.e) else n.e


# The words _is_identifier_context can decide on (the last word of its tables' phrases), and the
# coordinators that join a number to an identifier before it.
_IDENTIFIER_LAST_WORDS = frozenset(
    {p.split()[-1] for p in (*lx.DOCUMENT_TYPES, *lx.IDENTIFIER_BEFORE) if p.split()}
    | set(lx.DATE_WORDS_BEFORE)
    | {lx.NUMBER_WORD}
    | set(lx.COORDINATORS)
)


def _last_word_before(text: str, k: int, pos: int) -> str | None:
    """The lower-cased last token of _tokens_before(text, pos) when it is the word ending at text[k]
    (only blanks after it), the window's start cutting it as there; None when k is outside the window."""
    start = max(text.rfind("\n", max(0, pos - 40), pos) + 1, pos - 40)
    if k < start:
        return None
    j = k
    # (A word token's characters: letters and the other \w characters that are no decimal digit.)
    while j > start and text[j - 1].isalnum() and not text[j - 1].isdecimal():
        j -= 1
    return text[j : k + 1].lower()


def _identifier_glued_after(ctx: _Context, n: _Num) -> int | None:
    text, e = ctx.text, n.e
    if text[e : e + 1] in ("-", "/") and text[e + 1 : e + 2].isalpha():
        return e
    return None


@dataclass(frozen=True, slots=True)
class Veto:
    """A named rule for numbers that are never figures, with examples of text it leaves without any."""

    name: str
    rejects: tuple[str, ...]
    check: Callable[[_Context, _Num], int | None]
    # The characters right before and right after a number the rule can fire between (None: any);
    # the reading loop runs only the rules a number's neighbours allow.
    before: str | None = None
    after: str | None = None

    def may_fire(self, prev: str, nxt: str) -> bool:
        return (self.before is None or prev in self.before) and (self.after is None or nxt in self.after)


_ALNUM = "alnum"  # `before` for a rule that fires after any letter or digit (or "_")


def _may_fire(veto: Veto, prev: str, nxt: str) -> bool:
    if veto.before == _ALNUM:
        return (prev.isalnum() or prev == "_") and (veto.after is None or nxt in veto.after)
    return veto.may_fire(prev, nxt)


# Vetoes on the characters around the number, before its value is read.
SHAPE_VETOES: tuple[Veto, ...] = (
    Veto("glued to a word before: a name or code",
         ("Cúm H5N6 xuất hiện.", "Mã e833 bị lỗi."), _glued_to_word, before=_ALNUM),
    Veto("after letters and a dash, slash or dot",
         ("Dịch Covid-19 lan rộng.", "Trong Quý I/2021 vẫn vậy."), _after_letters_and_mark, before="-–/."),
    Veto("after a number and a slash: a date's or code's tail",
         ("Ngày 24/3/2021 trời mưa.",), _after_slash, before="/"),
    Veto("inside a quoted terminal escape",
         ("Chuỗi \x1b[31m đỏ.",), _in_terminal_escape, before="[;"),
    Veto("a model number after a dash",
         ("Máy i7-10700 chạy nhanh.", "Mẫu A52-2021 mới."), _model_number, before="-–"),
    Veto("a time of day",
         ("Lúc 10:39 sáng nay.", "Họp lúc 14h30 chiều.", "Từ 0h ngày mai.", "Họp lúc 7g sáng."),
         _time_of_day, after=":" + lx.HOUR_MARKS),
    Veto("a list or heading number",
         ("Mở đầu\n1. Quán triệt nghị quyết\n", "Mở đầu\n2) Tăng cường kiểm tra\n"), _list_number,
         before="\n \t#*-", after=".)"),
)  # fmt: skip
# Vetoes on the value and the words before it.
CONTEXT_VETOES: tuple[Veto, ...] = (
    Veto("a year, a range of years or a year's month",
         ("Trong năm 2021 vẫn vậy.", "Giai đoạn 2021-2026 tới.", "Từ 2015 - 2020 vậy.", "Tin 2021-12 cũ.",
          "Revenue for 2025–26 totals."),
         _year),
    Veto("named by the word before: a document, road, class, rank or date part",
         ("Theo Kế hoạch số 18 của tỉnh.", "Tuyến quốc lộ 38 mở rộng.", "Học sinh lớp 10 và 11 đi học.",
          "Nghị quyết 84 ban hành.", "Vào ngày 15 hằng tháng.", "Kỳ họp lần thứ 11 bế mạc."),
         _identifier_before),
    Veto("glued to letters after: a document code",
         ("Theo văn bản 18-KH/TU đã nêu.", "Theo 84/NQ-CP đã nêu."), _identifier_glued_after, after="-/"),
)  # fmt: skip
VETOES: tuple[Veto, ...] = SHAPE_VETOES + CONTEXT_VETOES
# The checks a number's neighbouring characters allow, per (before, after) pair, decided once:
# the reading loop runs for every number of the corpus, and most numbers need one or two checks.
_CHECKS: dict[tuple[str, str], tuple[tuple[Callable[[_Context, _Num], int | None], ...], ...]] = {}


def _checks_between(prev: str, nxt: str) -> tuple[tuple[Callable[[_Context, _Num], int | None], ...], ...]:
    """(shape checks, context checks) that can fire between these two characters."""
    pair = (prev, nxt)
    checks = _CHECKS.get(pair)
    if checks is None:
        checks = _CHECKS[pair] = (
            tuple(v.check for v in SHAPE_VETOES if _may_fire(v, prev, nxt)),
            tuple(v.check for v in CONTEXT_VETOES if _may_fire(v, prev, nxt)),
        )
    return checks


def _prev_words(before: Sequence[Tok], n: int) -> list[str]:
    words: list[str] = []
    for t in reversed(before):
        if not t.is_word:
            break
        words.insert(0, t.low)
        if len(words) == n:
            break
    return words


def _sentence_initial(text: str, tok: Tok, before: Sequence[Tok]) -> bool:
    idx = before.index(tok) if tok in before else -1
    if idx <= 0:
        return True
    prev = before[idx - 1]
    return prev.text in ".!?:;(\"“'‘–-•·*…" or prev.text == "\n"


def _is_identifier_context(before: list[Tok], value: float, token: str) -> bool:
    """Words before the number that make it a date part, a rank, a name or an identifier."""
    if before and before[-1].text in "-–" and len(before) > 1:
        before = before[:-1]  # "Covid -19", "quốc lộ - 5": a dash between the name and its number
    if not before or not before[-1].is_word:
        return False
    words = _prev_words(before, 3)
    low = words[-1]
    # "trong vòng 24 giờ" (within), "trong số 63 tỉnh" (among): not "round 24", not "number 63".
    if " ".join(words[-2:]) in lx.NOT_IDENTIFIER_BEFORE:
        return False
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        phrase = " ".join(words[-n:])
        # "Nghị quyết 84", "Chỉ thị 05": a document type, written with a capital.
        if phrase in lx.DOCUMENT_TYPES and before[-n].text[0].isupper():
            return True
        if phrase in lx.IDENTIFIER_BEFORE and phrase != lx.NUMBER_WORD:
            return True
    if low in lx.DATE_WORDS_BEFORE:
        limit = lx.DATE_WORDS_BEFORE[low]
        if limit == 9999:
            return 1000 <= value <= 2100 and token.isdigit()
        return limit > 0 and value <= limit and value == int(value)
    if low == lx.NUMBER_WORD:
        # "trong số 63 tỉnh", "tổng số 19 xã": "số" after these is a quantity, not "number".
        return not (len(words) >= 2 and words[-2] in lx.QUANTITY_BEFORE_SO)
    return False


def _after_capitalised_name(text: str, before: list[Tok]) -> bool:
    """A number right after a capitalised word inside a sentence ("Hội nghị TW 2", "Đức Xuân 4")."""
    if not before or not before[-1].is_word:
        return False
    last = before[-1]
    if not _is_name_word(last.text):
        return False
    return not _sentence_initial(text, last, before)


def _is_name_word(word: str) -> bool:
    """Capitalised or mixed-case ("Hà", "TW", "iPhone", "iOS")."""
    return word[0].isupper() or any(c.isupper() for c in word[1:])


def _counted_after(ctx: _Context, e: int) -> bool:
    """A counted noun from the tables right after the number ("23 dịch vụ công")."""
    toks = _tokens_after(ctx.text, e, 3)
    hit = ctx.phrase(toks, 0) if toks else None
    return hit is not None and hit[0].cls == "count"


def _measured_after(ctx: _Context, e: int) -> bool:
    """A percent sign, currency, magnitude or unit of measure right after the number."""
    toks = _tokens_after(ctx.text, e, 3)
    hit = ctx.phrase(toks, 0) if toks else None
    return (
        hit is not None
        and hit[0].cls in ("percent", "currency", "magnitude", "measure")
        and not (hit[0].cls == "measure" and hit[0].canonical in lx.TIME_UNITS)
    )


# --- reading one number -------------------------------------------------------------------------------


def _read_number(
    ctx: _Context, s: int, e: int, region_end: int, currency: str | None, *, ranged: bool
) -> tuple[RawFigure | None, int]:
    """The figure a number starts, if any (its sign is the caller's: _signed), and where reading resumes."""
    text = ctx.text
    # "$.42": a decimal point with no whole part, after a currency sign.
    if s > 1 and text[s - 1] == "." and text[s - 2] in _CURRENCY_SIGNS:
        s -= 1
    prev = text[s - 1] if s > 0 else "\n"
    num = _Num(s, e, text[s:e], prev=prev)
    shape_checks, context_checks = _checks_between(prev, text[e : e + 1] or "\n")
    for check in shape_checks:
        resume = check(ctx, num)
        if resume is not None:
            return None, resume
    value = parse_number(num.token, ctx.convention)
    if value is None:
        return None, e
    num.value = value
    num.slash = text[e : e + 1] == "/" and text[e + 1 : e + 2].isdigit()
    for check in context_checks:
        resume = check(ctx, num)
        if resume is not None:
            return None, resume
    # a/b: a date (24/3/2021, ngày 31/12, tháng 11/2021) or a ratio (407/412 đại biểu).
    if num.slash:
        return _read_slash(ctx, num)
    return _read_tail(ctx, num, region_end, currency, ranged)


_NEGATIVE_WORD = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(re.escape(w) for w in lx.NEGATIVE_WORDS) + r")[ \t]+$", re.IGNORECASE
)


def _signed(text: str, fig: RawFigure | None) -> RawFigure | None:
    """A sign written before a figure ("(-8,2%)", "+5%") is part of it: value and change follow it."""
    if fig is None or fig.start == 0:
        return fig
    sign = text[fig.start - 1]
    if sign.isspace() and _NEGATIVE_WORD.search(text, max(0, fig.start - 12), fig.start):
        # "tăng trưởng âm 6,18%", "âm 220 độ F": the word for minus is the sign, said aloud.
        fig.value = -fig.value
        fig.upper = -fig.upper if fig.upper is not None else None
        fig.change = "down"
        return fig
    if sign not in "+-−" or (
        fig.start >= 2 and not (text[fig.start - 2].isspace() or text[fig.start - 2] in "([")
    ):
        return fig
    # "50 -100 mét", "5 - 7 ngày": a dash after a number is a range, not a sign.
    if text[max(0, fig.start - 12) : fig.start - 1].rstrip()[-1:].isdigit():
        return fig
    negative = sign != "+"
    fig.start -= 1
    if negative:
        fig.value = -fig.value
        fig.upper = -fig.upper if fig.upper is not None else None
    fig.change = fig.change or ("down" if negative else "up")
    return fig


def _read_slash(ctx: _Context, num: _Num) -> tuple[RawFigure | None, int]:
    text, s, e, value = ctx.text, num.s, num.e, num.value
    m = NUMBER_TOKEN.match(text, e + 1)
    assert m is not None
    second = parse_number(m[0], ctx.convention)
    end = m.end()
    if text[end : end + 1] in "/-." and text[end + 1 : end + 2].isdigit():
        third = NUMBER_TOKEN.match(text, end + 1)
        return None, third.end() if third else end
    if second is None:
        return None, end
    before = num.before(text)
    prev = before[-1].low if before and before[-1].is_word else ""
    # "đứng thứ 37/63 tỉnh": a rank out of a total is no figure.
    if prev in lx.DATE_CONTEXT_WORDS or prev in lx.RANK_WORDS or 1900 <= second <= 2100:
        return None, end
    if text[end : end + 1].isalpha():
        return None, end
    toks = _tokens_after(text, end)
    if toks and toks[0].space and value <= second:
        # "2.532,015/2.579,003 tỷ đồng": a ratio of two amounts of money, both in the currency.
        amount = _amount(ctx, toks, second, end, False, None)
        hit = ctx.phrase(toks, amount.i) if amount is not None and amount.i < len(toks) else None
        if amount is not None and hit is not None and hit[0].cls == "currency":
            factor = amount.value / second * hit[0].factor
            fig_end = toks[amount.i + hit[1] - 1].end
            code = ctx.currency(hit[0].canonical)
            money = _figure(ctx, s, fig_end, value * factor, "ratio", code, fig_end, total=second * factor)
            return money, fig_end
    # "5/10 công bố điểm" is a date; a date-shaped ratio needs a counted noun from the tables.
    date_shaped = value <= 31 and second <= 12 and value == int(value) and second == int(second)
    noun = _noun_at(ctx, toks, 0, strict=date_shaped) if toks else None
    if noun is not None and value <= second and toks and toks[0].space:
        return _figure(ctx, s, end, value, "ratio", noun[0], end, total=second), end
    return None, end


# --- the amount: magnitude words and compounds ---------------------------------------------------------


@dataclass(slots=True)
class _Amount:
    """The number scaled by the magnitude words after it ("39.399,4 tỷ", "13.416 tỷ 446 triệu")."""

    value: float
    i: int  # tokens after the number used
    end: int  # where the last magnitude word ends (the number's end when there is none)
    magnitude: bool
    factor: float  # the last part's scale: a compound's next part must be smaller
    currency: str | None  # a currency already read: a sign before, or one inside a compound


def _amount(
    ctx: _Context, toks: Sequence[Tok], value: float, e: int, glued: bool, currency: str | None
) -> _Amount | None:
    """The number with its magnitudes applied; None when a word glued to it makes it no figure."""
    i = 0
    end = e
    magnitude = False
    factor = float("inf")
    while i < len(toks):
        hit = ctx.phrase(toks, i, glued_only=glued and i == 0)
        if hit is None:
            break
        entry, n = hit
        if entry.cls == "magnitude":
            # "2,4 triệu tỉ đồng", "54,6 nghìn tỉ": stacked magnitude words multiply.
            value *= entry.factor
            factor = factor * entry.factor if magnitude else entry.factor
            magnitude = True
            i += n
            end = toks[i - 1].end
            continue
        if entry.cls == "currency" and magnitude and currency is None:
            # "3.691 tỷ đồng 996 triệu đồng": a compound continues after the currency word.
            j = i + n
            if _compound_next(ctx, toks, j, factor):
                currency = ctx.currency(entry.canonical)
                i = j
                end = toks[i - 1].end
                continue
        break
    if magnitude:
        comp = _compound_next(ctx, toks, i, factor)
        if comp is not None:
            add, used = comp
            value += add
            i += used
            end = toks[i - 1].end
    if glued and not magnitude and currency is not None:
        # "$5m", "$1.2bn", "£312.5m" and, with the space lost, "£312.5min" ("m" then "in").
        word = toks[0].low
        for short, scale in lx.SHORT_MAGNITUDES.items():
            rest = word[len(short) :]
            if word == short or (word.startswith(short) and rest in lx.WORDS_GLUED_AFTER_MAGNITUDE):
                return _Amount(value * scale, 1, toks[0].start + len(short), True, scale, currency)
    if glued and not magnitude:
        hit = ctx.phrase(toks, 0, glued_only=True)
        if hit is None:
            # "245.000con", "1.031.200con": a counted noun from the tables, glued in lower case.
            hit = ctx.phrase(toks, 0)
            if hit is None or hit[0].cls != "count" or not toks[0].text.islower():
                return None
    return _Amount(value, i, end, magnitude, factor, currency)


def _compound_next(
    ctx: _Context, toks: Sequence[Tok], j: int, last_factor: float
) -> tuple[float, int] | None:
    """A smaller magnitude part after a money amount ("... tỷ [đồng] 446 triệu")."""
    if j < len(toks) and toks[j].is_number and toks[j].space:
        v = parse_number(toks[j].text, ctx.convention)
        hit = ctx.phrase(toks, j + 1)
        if v is not None and hit and hit[0].cls == "magnitude" and hit[0].factor < last_factor:
            return v * hit[0].factor, 1 + hit[1]
    return None


_PREFIX_ENDS = frozenset(sign[-1] for sign in lx.CURRENCY_PREFIXES)


def _prefix_currency(text: str, s: int) -> tuple[str, int] | None:
    """A currency written before the number ("$2.3", "US$ 40", "VND 39,399.4 billion"): (code, start)."""
    window = text[max(0, s - 5) : s]
    head = window.rstrip().lower()
    if head[-1:] not in _PREFIX_ENDS:
        return None
    for sign, code in lx.CURRENCY_PREFIXES.items():
        if head.endswith(sign) and (
            sign[0] in _CURRENCY_SIGNS or len(head) == len(sign) or not head[-len(sign) - 1].isalnum()
        ):
            return code, s - (len(window) - len(head)) - len(sign)
    return None


# --- readers, one per kind -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Reading:
    """What a reader makes of a number: kind, unit, value, tokens used and where it ends."""

    kind: str
    unit: str
    value: float
    i: int  # tokens after the number used so far
    fig_end: int  # where the figure's text ends
    consumed: int  # where reading resumes (past the unit and its rate)
    total: float | None = None
    upper: float | None = None
    whole: bool = False  # complete: no rate tail or range follows (a ratio, a range already read)


def _read_tail(
    ctx: _Context, num: _Num, region_end: int, currency: str | None, ranged: bool
) -> tuple[RawFigure | None, int]:
    text, s, e = ctx.text, num.s, num.e
    toks = _tokens_after(text, e)
    if toks and toks[0].text == "*":
        toks = _past_emphasis(toks)
    # "59,000+ potholes": a plus glued after the number means "at least".
    plus = bool(toks) and toks[0].text == "+" and not toks[0].space and len(toks) > 1 and toks[1].space != ""
    if plus:
        toks = toks[1:]
    glued = bool(toks) and toks[0].space == "" and toks[0].is_word
    start = s
    prefix = _prefix_currency(text, s)
    if prefix is not None:
        currency, start = ctx.currency(prefix[0]), prefix[1]
    amount = _amount(ctx, toks, num.value, e, glued, currency)
    if amount is None:
        return None, toks[0].end
    i = amount.i
    hit = ctx.phrase(toks, i) if i < len(toks) else None
    reading: _Reading | int
    if amount.currency is not None and (hit is None or hit[0].cls != "currency"):
        if ranged and _range_word_at(toks, i, bare=True):
            reading = _range_from(ctx, num, amount, toks, region_end, amount.currency)
        else:
            reading = _Reading("money", amount.currency, amount.value, i, amount.end, amount.end)
    elif hit is not None and hit[0].cls == "currency":
        reading = _read_money(ctx, toks, amount, hit)
    elif hit is not None and hit[0].cls == "percent":
        reading = _read_percent(toks, amount, hit)
    elif hit is not None and hit[0].cls == "measure":
        reading = _read_measure(ctx, toks, amount, hit)
    elif ranged and _range_word_at(toks, i, bare=True):
        reading = _range_from(ctx, num, amount, toks, region_end, None)
    else:
        # "mô hình 9+ đào tạo": after a plus only a counted noun from the tables counts in Vietnamese
        # (English grammar already asks for a plural: "59,000+ potholes").
        reading = _read_count(ctx, num, toks, amount, glued or (plus and ctx.language == "vi"))
    if isinstance(reading, int):
        return None, reading
    if not reading.whole:
        _add_rate(ctx, toks, reading)
        if ranged and reading.kind != "ratio" and reading.unit:
            _add_high_end(ctx, reading, region_end, currency)
    # (A range's high end, read with ranged=False, is wanted for its kind, unit, value and end only:
    # what it means is the range's, read when the range's own figure is made.)
    fig = _figure(
        ctx, start, reading.fig_end, reading.value, reading.kind, reading.unit, reading.consumed,
        total=reading.total, upper=reading.upper, words=words_before(text, start) if ranged else None,
        meaning=ranged,
    )  # fmt: skip
    if plus:
        fig.qualifier = "at_least"
        fig.end = max(fig.end, e + 1)
    return fig, max(reading.consumed, e)


def _past_emphasis(toks: list[Tok]) -> list[Tok]:
    """ "**1.245** hộ": Markdown emphasis closing right after the number is not its unit."""
    k = 0
    while k < len(toks) and toks[k].text == "*" and not toks[k].space:
        k += 1
    return toks[k:] if k else toks


def _read_money(ctx: _Context, toks: Sequence[Tok], amount: _Amount, hit: tuple[Entry, int]) -> _Reading:
    """ "39.399,4 tỷ đồng", "2.7 cents", "3.691 tỷ đồng 996 triệu đồng"."""
    entry, n = hit
    i = amount.i + n
    value = amount.value * entry.factor
    end = toks[i - 1].end
    comp = _compound_next(ctx, toks, i, amount.factor if amount.magnitude else float("inf"))
    if comp:
        add, used = comp
        value += add
        i += used
        if i < len(toks) and (h2 := ctx.phrase(toks, i)) and h2[0].cls == "currency":
            i += h2[1]
        end = toks[i - 1].end
    return _Reading("money", ctx.currency(entry.canonical), value, i, end, end)


def _read_percent(toks: Sequence[Tok], amount: _Amount, hit: tuple[Entry, int]) -> _Reading:
    """ "93,18%", "45 percent", "0,6 phần trăm"."""
    i = amount.i + hit[1]
    end = toks[i - 1].end
    return _Reading("percent", "%", amount.value, i, end, end)


def _read_measure(
    ctx: _Context, toks: Sequence[Tok], amount: _Amount, hit: tuple[Entry, int]
) -> _Reading | int:
    """ "61 tạ/ha", "1.186 tấn", "34 ngày", "50km/h"; not a clock time, a name or a calendar period."""
    entry, n = hit
    i = amount.i + n
    end = toks[i - 1].end
    unit = entry.canonical
    # "6 giờ sáng", "6 giờ 30": a time of day, not a duration.
    if unit in lx.CLOCK_UNITS and i < len(toks) and (toks[i].low in lx.DAY_PARTS or toks[i].is_number):
        return end
    text = ctx.text
    # "top 3 V-League", "5 G-Dragon": a unit glued to "-Name" is part of a name.
    if text[end : end + 1] in "-–" and text[end + 1 : end + 2].isalpha():
        return end
    # "9 tháng năm 2022", "6 tháng đầu năm": a calendar period, not a duration.
    if unit in lx.PERIOD_UNITS and _period_follows(toks, i):
        return end
    # "20 tháng 11": a day of a month, a date ("9 tháng 10 ngày", "6 tháng 1 lần" are durations).
    if unit in lx.MONTH_UNITS and i < len(toks) and toks[i].is_number and toks[i].space:
        unit_after = i + 1 < len(toks) and toks[i + 1].is_word and ctx.phrase(toks, i + 1) is not None
        if not unit_after:
            return end
    return _Reading("measure", unit, amount.value, i, end, end)


def _read_count(
    ctx: _Context, num: _Num, toks: Sequence[Tok], amount: _Amount, glued: bool
) -> _Reading | int:
    """ "10.493 đảng viên", "gần 7 nghìn người", "2,310 library patrons", "Firefighters (24)"."""
    text, s, e = ctx.text, num.s, num.e
    i = amount.i
    if not amount.magnitude:
        # "14 trong tổng số 19 xã, phường": a ratio spelled out.
        spelled = _spelled_ratio(ctx, s, e, amount.value)
        if spelled is not None:
            return spelled
    before = num.before(text)
    strict = glued or (
        not amount.magnitude
        and (
            _after_capitalised_name(text, before)
            or bool(
                before
                and before[-1].low in lx.AMBIGUOUS_BEFORE
                and not _sentence_initial(text, before[-1], before)
            )
        )
    )
    noun = _noun_at(ctx, toks, i, strict=strict)
    if noun is None:
        if amount.magnitude:
            return _Reading("count", "", amount.value, i, amount.end, amount.end)
        listed = _listed_noun(ctx, s, e)
        if listed is None:
            return e
        kind, unit = listed
        return _Reading(kind, unit, _whole_count(num.token, amount.value), i, e, e)
    unit, n, _entry = noun
    i += n
    consumed = toks[i - 1].end
    token = num.token
    whole = amount.magnitude or not ("," in token or "." in token)
    value = amount.value if whole else _whole_count(token, amount.value)
    # "20 chỉ tiêu/21": a ratio written around its noun.
    if i + 1 < len(toks) and toks[i].text == "/" and not toks[i].space and toks[i + 1].is_number:
        second = parse_number(toks[i + 1].text, ctx.convention)
        if second is not None and value <= second:
            total_end = toks[i + 1].end
            return _Reading("ratio", unit, value, i + 2, total_end, total_end, total=second, whole=True)
    # A count's text is the number (with its magnitude words): the noun belongs to the label.
    return _Reading("count", unit, value, i, amount.end, consumed)


def _whole_count(token: str, value: float) -> float:
    """A count is whole and nobody writes three decimals of people: "100,000 người" in a text that
    writes decimals with "," groups thousands (and "3.400 gian hàng" in one that writes "3.4")."""
    for sep, other in ((",", "."), (".", ",")):
        if token.count(sep) == 1 and other not in token and len(token.rpartition(sep)[2]) == 3:
            return float(token.replace(sep, ""))
    return value


def _spelled_ratio(ctx: _Context, s: int, e: int, value: float) -> _Reading | None:
    m = _SPELLED_RATIO.match(ctx.text, e)
    if not m:
        return None
    total = parse_number(m[1], ctx.convention)
    if total is None or value > total:
        return None
    after = _tokens_after(ctx.text, m.end())
    noun = _noun_at(ctx, after, 0, strict=False)
    if noun is None:
        return None
    return _Reading("ratio", noun[0], value, 0, e, e, total=total, whole=True)


_SPELLED_RATIO = re.compile(
    r"\s+(?:"
    + "|".join(w.replace(" ", r"\s+") for w in lx.SPELLED_RATIO_WORDS)
    + r")\s+(\d+(?:[.,]\d+)*)\s+",
    re.IGNORECASE,
)


def _plural(word: str) -> bool:
    """An English plural noun by its form ("patrons", "permits", "seniors") or from the table ("staff")."""
    if word in lx.ENGLISH_PLURALS:
        return True
    return (
        len(word) > 2
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in lx.ENGLISH_NOT_PLURAL
    )


def _noun_at(
    ctx: _Context, toks: Sequence[Tok], i: int, strict: bool
) -> tuple[str, int, Entry | None] | None:
    """The counted noun at toks[i]: (unit as written, tokens used, lexicon entry or None)."""
    if i >= len(toks) or not toks[i].is_word:
        return None
    hit = ctx.phrase(toks, i)
    if hit is not None and hit[0].cls == "count":
        entry, n = hit
        return _written(ctx.text, toks, i, n), n, entry
    if strict or (hit is not None and hit[0].cls == "verb"):
        return None
    first = toks[i]
    if first.low in lx.NOT_NOUNS or first.low in lx.NOT_NOUN_VERBS:
        return None
    if len(first.text) < 2 and not first.text.isupper():
        return None
    if ctx.language == "en":
        return _english_noun(ctx, toks, i)
    # A capitalised word not in the tables is a name ("75 Hàng Mã", "số 65 - 67 Phú Lợi"),
    # unless it is an acronym ("HTX", "HLV").
    if first.text[0].isupper() and not (first.text.isupper() and len(first.text) <= 6):
        return None
    if first.low in lx.CLASSIFIERS:
        return _written(ctx.text, toks, i, 1), 1, None
    n = 1
    if i + 1 < len(toks):
        second = toks[i + 1]
        if (
            second.is_word
            and second.space
            and second.space != "\n"
            and second.low not in lx.NOT_NOUNS
            and (second.text[0].islower() or (first.text[0].isupper() and second.text[0].isupper()))
            and not second.text.isupper()
        ):
            n = 2
    return _written(ctx.text, toks, i, n), n, None


def _english_noun(ctx: _Context, toks: Sequence[Tok], i: int) -> tuple[str, int, Entry | None] | None:
    """An English count's noun by grammar: a determiner-free noun phrase of up to four words whose
    head is the first plural ("2,310 library patrons", "48 new permits", "139 Zoning Inspections",
    "6 new residents' parking zones"); a capitalised phrase is one only when all of it is (a
    title-case list entry), else it is a name ("75 Main Street")."""
    title_case = toks[i].text[0].isupper() and not toks[i].text.isupper()
    k = i
    while k < min(i + 5, len(toks)):
        tok = toks[k]
        if not tok.is_word or tok.low in lx.NOT_NOUNS or (k > i and (not tok.space or tok.space == "\n")):
            break
        if tok.text[0].isupper() != title_case and not tok.text.isupper():
            break
        # "residents' parking zones": a plural possessive is a determiner, the head follows.
        mark = toks[k + 1] if k + 2 < len(toks) else None
        if mark is not None and mark.text in "'’" and not mark.space and toks[k + 2].is_word:
            k += 2
            continue
        # "garden organics waste bins", "sports facilities": a plural-form word modifying the head.
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if tok.low in lx.ENGLISH_PLURAL_MODIFIERS and nxt is not None and nxt.is_word and nxt.space == " ":
            k += 1
            continue
        hit = ctx.phrase(toks, k)
        if hit is not None and hit[0].cls == "count":
            return _written(ctx.text, toks, k, hit[1]), k - i + hit[1], hit[0]
        if _plural(tok.low):
            return _written(ctx.text, toks, k, 1), k - i + 1, None
        k += 1
    # "412 FTE", "30 EV": an acronym right after the number is what is counted.
    first = toks[i]
    named = ctx.text[first.end : first.end + 1] in ("-", "/") or ctx.text[first.end : first.end + 1].isdigit()
    if first.text.isupper() and 2 <= len(first.text) <= 5 and first.text not in lx.NOT_COUNTED_ACRONYMS:
        # ("UTF-8", "COVID-19", "F1" name things: not counted.)
        return None if named else (first.text, 1, None)
    return None


_LISTED_HEAD = re.compile(
    r"[ \t]*(?:[-*•–][ \t]+)?([^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,5})[ \t]*(\(|:|–|-)?[ \t]*"
)
_LISTED_TAIL = re.compile(r"[ \t]*\)?[ \t]*(?:\n|$)")


def _listed_noun(ctx: _Context, s: int, e: int) -> tuple[str, str] | None:
    """(kind, unit) of an English "By the numbers" line that names what it counts first:
    "Firefighters (24)", "Library visits: 120,000", "Calls answered 45,210" (the head is the last
    plural, else the last word), "Kilometres of road resealed – 45" (a unit: a measure)."""
    if ctx.language != "en":
        return None
    text = ctx.text
    if not _LISTED_TAIL.match(text, e):
        return None
    line_start = text.rfind("\n", max(0, s - 80), s) + 1
    if line_start == 0 and s > 80:
        return None
    m = _LISTED_HEAD.fullmatch(text, line_start, s)
    if not m:
        return None
    words = m[1].split()
    if any(w.lower() in lx.NOT_NOUNS for w in words[-1:]):
        return None
    plural = [w for w in words if _plural(w.lower())]
    # Without a mark between them ("Calls answered 45,210"), the phrase must say it counts a plural
    # in more than one word: "Ward 5" names a ward.
    if m[2] is None and (len(words) < 2 or not plural):
        return None
    unit = lx.MEASURE_UNITS.get(words[0].lower())
    if unit is not None and unit not in lx.TIME_UNITS:
        return "measure", unit
    return "count", plural[-1] if plural else words[-1]


def _written(text: str, toks: Sequence[Tok], i: int, n: int) -> str:
    return " ".join(text[toks[i].start : toks[i + n - 1].end].split())


def _period_follows(toks: Sequence[Tok], i: int) -> bool:
    words = [t.low for t in toks[i : i + 3]]
    for phrase in lx.PERIOD_AFTER:
        parts = phrase.split()
        if words[: len(parts)] == parts:
            # "năm" alone only with a year after it ("9 tháng năm 2022").
            return len(parts) > 1 or (len(toks) > i + 1 and toks[i + 1].is_number)
    # "... trên địa bàn huyện 6 tháng ước đạt 81.289 tỷ đồng": the months a value is reported for,
    # when a reporting verb and then a number follow ("kéo dài 6 tháng, đạt" is a duration).
    for phrase in lx.PERIOD_REPORT_VERBS:
        parts = phrase.split()
        n = len(parts)
        if words[:n] == parts and len(toks) > i + n and toks[i + n].is_number:
            return all(t.is_word for t in toks[i : i + n])
    return False


# --- after the unit: rates and ranges ------------------------------------------------------------------


def _add_rate(ctx: _Context, toks: Sequence[Tok], r: _Reading) -> None:
    """A rate written after the unit: "50 triệu đồng/người/năm", "8%/năm", "7 khung giờ/ngày"."""
    tail = ""
    used = 0
    i = r.i
    while i + 1 < len(toks) and toks[i].text == "/" and not toks[i].space and toks[i + 1].is_word:
        word = toks[i + 1].low
        entry = ctx.rules.phrases.get((word,))
        if word not in lx.TIME_UNITS and entry is None:
            break
        tail += "/" + toks[i + 1].text
        used += 2
        i += 2
        # "đồng/m2", "người/km2": a power glued to the unit.
        if i < len(toks) and toks[i].is_number and not toks[i].space and len(toks[i].text) == 1:
            tail += toks[i].text
            used += 1
            i += 1
    if not tail:
        return
    r.i += used
    head = r.unit.split()
    r.unit += tail
    r.consumed = toks[r.i - 1].end
    if r.kind in ("money", "percent", "measure"):
        r.fig_end = r.consumed
    elif r.kind == "count":
        # "7 khung giờ/ngày" (a time unit per time) and "1.200 người/km2" (a density) are
        # measures; "02 hợp tác xã/năm" stays a count of things per year.
        per = tail.strip("/").split("/")[0].rstrip("23").lower()
        per_time = bool(head) and head[-1].lower() in lx.TIME_UNITS
        if per_time or (per in lx.MEASURE_UNITS and per not in lx.TIME_UNITS):
            r.kind = "measure"
            r.fig_end = r.consumed


def _range_word_at(toks: Sequence[Tok], i: int, bare: bool) -> bool:
    """A range word then a number at toks[i] ("- 9%", "đến 30%"); English "to" only after a bare number
    ("10 to 12 days"), since "from 5% to 7%" after a unit is where a change went."""
    if i + 1 >= len(toks) or not toks[i + 1].is_number or "\n" in (toks[i].space, toks[i + 1].space):
        return False
    words = lx.RANGE_WORDS if bare else lx.RANGE_WORDS_AFTER_UNIT
    return toks[i].low in words


def _high_end(
    ctx: _Context, tok: Tok, region_end: int, currency: str | None
) -> tuple[RawFigure, float, int] | None:
    """The high end of a range read as a figure of its own: (figure, its number's value, consumed)."""
    raw = parse_number(tok.text, ctx.convention)
    if not raw:
        return None
    fig, consumed = _read_number(ctx, tok.start, tok.end, region_end, currency, ranged=False)
    if fig is None or fig.kind == "ratio":
        return None
    return fig, raw, consumed


def _range_from(
    ctx: _Context, num: _Num, amount: _Amount, toks: Sequence[Tok], region_end: int, currency: str | None
) -> _Reading | int:
    """A range whose low end has no unit ("8-9%", "2.000-2.100 tỷ đồng", "30 - 40 tuổi"): one figure,
    its kind and unit from the high end, the low end scaled like it."""
    high = _high_end(ctx, toks[amount.i + 1], region_end, currency)
    low = 0.0
    if high is not None:
        fig, raw, consumed = high
        low = amount.value if amount.magnitude else _shortened_low(num, raw) * (fig.value / raw)
    if high is None or low >= fig.value:
        if currency is not None:
            return _Reading("money", currency, amount.value, amount.i, amount.end, amount.end)
        return _read_count(ctx, num, toks, amount, False)
    return _Reading(fig.kind, fig.unit, low, amount.i + 2, fig.end, consumed, upper=fig.value, whole=True)


def _shortened_low(num: _Num, high: float) -> float:
    """ "250-280.000 đồng", "5-10.000 người": a low end written without the high end's thousands."""
    low = num.value
    if not num.token.isdigit() or low <= 0:
        return low
    while low * 1000 <= high:
        low *= 1000
    return low if low * 10 >= high else num.value


_RANGE_AHEAD = re.compile(
    r"[ \t]*(?:"
    + "|".join(re.escape(w) for w in sorted(lx.RANGE_WORDS_AFTER_UNIT, key=len, reverse=True))
    + r")",
    re.IGNORECASE,
)


def _add_high_end(ctx: _Context, r: _Reading, region_end: int, currency: str | None) -> None:
    """ "25% đến 30%", "5 tháng đến 9 tháng", "55 - 56 tạ/ha" read with their unit: the same unit after
    a range word makes the figure a range."""
    if not _RANGE_AHEAD.match(ctx.text, r.consumed):
        return  # the common case, decided without tokens
    toks = _tokens_after(ctx.text, r.consumed, 3)
    if not _range_word_at(toks, 0, bare=False):
        return
    high = _high_end(ctx, toks[1], region_end, currency)
    if high is None:
        return
    fig, _, consumed = high
    if fig.kind != r.kind or fig.unit != r.unit or fig.value <= r.value:
        return
    r.upper = fig.value
    r.fig_end = fig.end
    r.consumed = max(r.consumed, consumed)


# --- the figure ------------------------------------------------------------------------------------------


def _figure(
    ctx: _Context,
    s: int,
    end: int,
    value: float,
    kind: str,
    unit: str,
    consumed: int,
    *,
    total: float | None = None,
    upper: float | None = None,
    words: list[str] | None = None,
    meaning: bool = True,
) -> RawFigure:
    text = ctx.text
    if not meaning:
        return RawFigure(s, end, value, kind, unit, total, upper=upper)
    words = words_before(text, s) if words is None else words  # qualifier and change both read them
    base = base_after(text, consumed, ctx.language)
    qualifier, change = qualifier_and_change(text, s, consumed, kind, base, words)
    if ctx.language == "en" and (change is None or base is None):
        # "a 64% increase", "(grew) 23% over FY2019", "$4 million less than 2020".
        after = change_after(text, consumed)
        if after is not None:
            change, base = change or after[0], base or after[1]
        if change is None and base and base.split()[0].lower() in lx.BASE_EN_SOURCE_WORDS:
            base = None  # "$56.7 million from state sources": where it comes from, no comparison
    label = label_for(text, s, consumed, kind, unit, ctx.language)
    # Offsets are the analysed (NFC) text's; the loader maps them to the source.
    return RawFigure(s, end, value, kind, unit, total, qualifier, change, base, label, upper)
