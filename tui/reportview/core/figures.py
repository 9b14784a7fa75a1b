"""Figures: every quantity in a report, with kind, value, unit, qualifier, change and label.

The rules are docs/figures.md (shared): counts, percents, money, ratios and measures are
figures; dates, years, identifiers, names with digits, ordinals, list numbers and page
furniture are not. Words come from the tables in lexicon.py (plus config.yaml additions);
this module holds only the grammar.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from reportview.core import lexicon as lx
from reportview.core.labels import (
    base_after,
    change_before,
    inherit_labels,
    label_for,
    qualifier_around,
    words_before,
)
from reportview.core.model import TableRef
from reportview.core.numbers import NUMBER_TOKEN, Convention, detect_convention, detect_language, parse_number

if TYPE_CHECKING:
    from reportview.config import Config

# Tokens: words, numbers, and single punctuation marks, each with the space before it.
_TOKEN = re.compile(r"([ \t\u00a0]*)([^\W\d_]+|\d+(?:[.,]\d+)*|[^\w\s])")
_WORD = re.compile(r"[^\W\d_]+")
_RANGE = re.compile(r"\s?[-–]\s?(\d+)")
_LIST_MARK = re.compile(r"[.)]\s")
_ESCAPE_BEFORE = re.compile(r"\x1b\[[\d;]*$")
_ESCAPE_END = re.compile(r"[\d;]*[A-Za-z]?")
_ESCAPE_ENDS = re.compile(r"\x1b\[[\d;]*[A-Za-z]$")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a lexicon phrase is: its class and canonical form."""

    cls: str  # magnitude | currency | percent | measure | count
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
    for word in lx.PERCENT_WORDS:
        phrases[_key(word)] = Entry("percent", "%")
    for word, factor in (*lx.MAGNITUDES.items(), *magnitudes):
        phrases[_key(word)] = Entry("magnitude", word, float(factor))
    glued = frozenset(_key(u) for u in lx.GLUED_UNITS)
    longest: dict[str, int] = {}
    for key in phrases:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return FigureRules(convention, phrases, glued, longest)


def figure_rules(config: Config | None = None) -> FigureRules:
    """Compiled rules from the built-in tables plus config.yaml's extra units and magnitudes."""
    if config is None:
        return _rules("auto", (), ())
    return _rules(
        config.convention, tuple(sorted(config.units.items())), tuple(sorted(config.magnitudes.items()))
    )


# Not frozen: a frozen dataclass's __init__ sets each field through object.__setattr__, and
# tokens are built by the hundred thousand (a third faster this way); nothing mutates them.
@dataclass(slots=True)
class Tok:
    space: str
    text: str
    start: int
    end: int
    low: str
    is_word: bool
    is_number: bool


def _tokens_after(text: str, pos: int, limit: int = 8) -> list[Tok]:
    end = text.find("\n", pos, pos + 120)
    end = min(len(text), pos + 120) if end < 0 else end
    out: list[Tok] = []
    # finditer, not findall: the line after a number is long and only `limit` tokens are read.
    for m in _TOKEN.finditer(text, pos, end):
        word = m[2]
        start = m.start(2)
        first = word[0]
        out.append(Tok(m[1], word, start, start + len(word), word.lower(), first.isalpha(), first.isdigit()))
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


class _Context:
    """Per-document state shared by the readers of each number."""

    def __init__(self, text: str, rules: FigureRules, convention: Convention, language: Convention) -> None:
        self.text = text
        self.rules = rules
        self.convention = convention  # how numbers are written: parse_number reads this
        self.language = language  # the prose: which words name counted things, labels, bases

    def phrase(self, toks: Sequence[Tok], i: int, glued_only: bool = False) -> tuple[Entry, int] | None:
        """The longest lexicon phrase starting at toks[i]: (entry, number of tokens)."""
        longest = self.rules.longest.get(toks[i].low, 0)
        for n in range(min(longest, len(toks) - i), 0, -1):
            span = toks[i : i + n]
            key = tuple(t.low for t in span)
            entry = self.rules.phrases.get(key)
            if entry is None:
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
    if title:
        regions.insert(0, title)
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
    language: Convention | None = None,
) -> list[RawFigure]:
    """Every figure of `text` inside the title and body, outside furniture, in text order.

    `convention` and `language` are the document's, decided once by the parse (loading); read
    from `text` when not given."""
    rules = rules or figure_rules()
    regions = _allowed_regions(body, furniture, title_span)
    if convention is None:
        convention = detect_convention(text, body) if rules.convention == "auto" else rules.convention  # type: ignore[assignment]
    if language is None:
        language = detect_language(text, body)
    ctx = _Context(text, rules, convention, language)  # type: ignore[arg-type]
    out: list[RawFigure] = []
    for rs, re_ in regions:
        skip_to = rs
        for m in NUMBER_TOKEN.finditer(text, rs, re_):
            if m.start() < skip_to:
                continue
            try:
                fig, consumed = _read(ctx, m.start(), m.end(), re_)
            except (ValueError, OverflowError, IndexError):
                fig, consumed = None, m.end()
            skip_to = max(consumed, m.end())
            if fig is not None and fig.end <= re_:
                out.append(fig)
    labels = inherit_labels(
        text, [f.label for f in out], [(f.start, f.end) for f in out], [f.base for f in out]
    )
    for f, label in zip(out, labels, strict=True):
        f.label = label  # the label is decided here, once
    return out


# --- reading one number ---------------------------------------------------------------------------


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
    return prev.text in ".!?:;(\"“'‘–-•*…" or prev.text == "\n"


def _is_identifier_context(ctx: _Context, before: list[Tok], value: float, token: str) -> bool:
    """Words before the number that make it a date part, a rank, a name or an identifier."""
    if before and before[-1].text in "-–" and len(before) > 1:
        before = before[:-1]  # "Covid -19", "quốc lộ - 5": a dash between the name and its number
    if not before or not before[-1].is_word:
        return False
    words = _prev_words(before, 3)
    low = words[-1]
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


def _skip_date_or_time(text: str, s: int, e: int) -> int | None:
    """If the number starts a time (10:39, 14h30, 0h) return where it ends."""
    nxt = text[e : e + 1]
    if nxt == ":" and text[e + 1 : e + 2].isdigit():
        m = re.compile(r":\d{2}(?::\d{2})?").match(text, e)
        return m.end() if m else e
    if nxt in ("h", "g", "H") and not text[e + 1 : e + 2].isalpha():
        m = re.compile(r"[hHg]\d{0,2}").match(text, e)
        return m.end() if m else e
    return None


def _read(ctx: _Context, s: int, e: int, region_end: int) -> tuple[RawFigure | None, int]:
    text = ctx.text
    token = text[s:e]
    prev_char = text[s - 1] if s > 0 else "\n"
    prev2 = text[s - 2] if s > 1 else "\n"
    # Glued to a word before: H5N6, e833, Covid-19, 18-KH/TU's tail, Quý I/2021 (but a quoted
    # terminal escape such as "\x1b[31m" right before the number is no word).
    if (prev_char.isalnum() or prev_char == "_") and not (
        prev_char.isalpha() and _ESCAPE_ENDS.search(text, max(0, s - 16), s)
    ):
        return None, e
    if prev_char in "-–/." and prev2.isalpha():
        return None, e
    if prev_char == "/" and prev2.isdigit():
        return None, e
    # Inside a terminal escape sequence quoted in the text ("\x1b[31m", "\x1b[0m").
    if prev_char in "[;" and _ESCAPE_BEFORE.search(text, max(0, s - 16), s):
        return None, _ESCAPE_END.match(text, e).end()
    if prev_char in "-–" and prev2.isdigit():
        k = s - 2
        while k > 0 and text[k - 1].isdigit():
            k -= 1
        if k > 0 and text[k - 1].isalpha():  # "i7-10700", "A52-2021"
            return None, e
    time_end = _skip_date_or_time(text, s, e)
    if time_end is not None:
        return None, time_end
    # A list number at the start of a line: "1. Quán triệt ...".
    # (The look-back is bounded: a 20 MB single-line text must not cost a scan per number.)
    head = text[max(0, s - 8) : s]
    nl = head.rfind("\n")
    at_line_start = (nl >= 0 or s <= 8) and not head[nl + 1 :].strip(" \t#*-")
    if at_line_start and _LIST_MARK.match(text, e):
        return None, e + 1

    value = parse_number(token, ctx.convention)
    if value is None:
        return None, e
    nxt = text[e : e + 1]
    after_nxt = text[e + 1 : e + 2]
    slash = nxt == "/" and after_nxt.isdigit()
    # Years and year ranges (2021, 2021-2026, 2015 - 2020) are never figures.
    if 1900 <= value <= 2100 and len(token) == 4 and token.isdigit() and not slash:
        range_m = _RANGE.match(text, e)
        return None, range_m.end() if range_m and len(range_m[1]) == 4 else e
    before = _tokens_before(text, s)
    # a/b: a date (24/3/2021, ngày 31/12, tháng 11/2021) or a ratio (407/412 đại biểu).
    if slash:
        return _read_slash(ctx, s, e, value, before)
    # "ở mức 6,5 triệu đồng", "nhóm 2 tấn": a unit after the number outweighs a naming word before.
    if _is_identifier_context(ctx, before, value, token) and not _measured_after(ctx, e):
        return None, e
    # Identifiers glued with - or / to letters: 18-KH/TU, 84/NQ-CP.
    if nxt in "-/" and after_nxt.isalpha():
        return None, e
    fig, consumed = _read_tail(ctx, s, e, value, before, region_end)
    return _signed(text, fig), consumed


def _signed(text: str, fig: RawFigure | None) -> RawFigure | None:
    """A sign written before a figure ("(-8,2%)", "+5%") is part of it: value and change follow it."""
    if fig is None or fig.start == 0:
        return fig
    sign = text[fig.start - 1]
    if sign not in "+-−" or (
        fig.start >= 2 and not (text[fig.start - 2].isspace() or text[fig.start - 2] in "([")
    ):
        return fig
    # "50 -100 mét", "5 - 7 ngày": a dash after a number is a range, not a sign.
    if text[max(0, fig.start - 12) : fig.start - 1].rstrip()[-1:].isdigit():
        return fig
    negative = sign != "+"
    fig.start -= 1
    fig.value = -fig.value if negative else fig.value
    fig.change = fig.change or ("down" if negative else "up")
    return fig


def _read_slash(
    ctx: _Context, s: int, e: int, value: float, before: list[Tok]
) -> tuple[RawFigure | None, int]:
    text = ctx.text
    m = NUMBER_TOKEN.match(text, e + 1)
    assert m is not None
    second = parse_number(m[0], ctx.convention)
    end = m.end()
    if text[end : end + 1] in "/-." and text[end + 1 : end + 2].isdigit():
        third = NUMBER_TOKEN.match(text, end + 1)
        return None, third.end() if third else end
    if second is None:
        return None, end
    prev = before[-1].low if before and before[-1].is_word else ""
    if prev in lx.DATE_CONTEXT_WORDS or 1900 <= second <= 2100 or text[end : end + 1].isalpha():
        return None, end
    toks = _tokens_after(text, end)
    # "5/10 công bố điểm" is a date; a date-shaped ratio needs a counted noun from the tables.
    date_shaped = value <= 31 and second <= 12 and value == int(value) and second == int(second)
    noun = _noun_at(ctx, toks, 0, strict=date_shaped) if toks else None
    if noun is not None and value <= second and toks and toks[0].space:
        unit, _, _ = noun
        words = words_before(text, s)
        qualifier = qualifier_around(text, s, end, ctx.language, words)
        return _figure(
            ctx, s, end, value, "ratio", unit, end, total=second, qualifier=qualifier, words=words
        ), end
    return None, end


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
    if strict:
        return None
    first = toks[i]
    if first.low in lx.NOT_NOUNS or first.low in lx.NOT_NOUN_VERBS:
        return None
    if len(first.text) < 2 and not first.text.isupper():
        return None
    # A capitalised word not in the tables is a name ("75 Hàng Mã", "số 65 - 67 Phú Lợi"),
    # unless it is an acronym ("HTX", "HLV").
    if first.text[0].isupper() and not (first.text.isupper() and len(first.text) <= 6):
        return None
    n = 1
    if ctx.language == "vi" and first.low in lx.CLASSIFIERS:
        return _written(ctx.text, toks, i, 1), 1, None
    if ctx.language == "en":
        # "1,250 new companies": an English count's noun may follow an adjective or two.
        for k in range(i, min(i + 3, len(toks))):
            if not toks[k].is_word or toks[k].low in lx.NOT_NOUNS:
                break
            hit = ctx.phrase(toks, k)
            if hit is not None and hit[0].cls == "count":
                return _written(ctx.text, toks, k, hit[1]), k - i + hit[1], hit[0]
        if not first.low.endswith("s"):
            return None
    if ctx.language == "vi" and i + 1 < len(toks):
        second = toks[i + 1]
        if (
            second.is_word
            and second.space
            and second.low not in lx.NOT_NOUNS
            and (second.text[0].islower() or (first.text[0].isupper() and second.text[0].isupper()))
            and not second.text.isupper()
        ):
            n = 2
    return _written(ctx.text, toks, i, n), n, None


def _written(text: str, toks: Sequence[Tok], i: int, n: int) -> str:
    return " ".join(text[toks[i].start : toks[i + n - 1].end].split())


def _rate_tail(ctx: _Context, toks: Sequence[Tok], i: int) -> tuple[str, int]:
    """A rate written after a unit: "/người/năm", "/ha". Returns (tail text, tokens used)."""
    tail = ""
    used = 0
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
    return tail, used


def _read_tail(
    ctx: _Context, s: int, e: int, value: float, before: list[Tok], region_end: int
) -> tuple[RawFigure | None, int]:
    text = ctx.text
    toks = _tokens_after(text, e)
    glued = bool(toks) and toks[0].space == "" and toks[0].is_word
    currency: str | None = _prefix_currency(text, s)
    i = 0
    end = e
    magnitude = False
    last_factor = float("inf")
    # Magnitudes and compounds: "39.399,4 tỷ", "13.416 tỷ 446 triệu đồng", "3.691 tỷ đồng 996 triệu đồng".
    while i < len(toks):
        hit = ctx.phrase(toks, i, glued_only=glued and i == 0)
        if hit is None:
            break
        entry, n = hit
        if entry.cls == "magnitude" and entry.factor < last_factor:
            value *= entry.factor
            last_factor = entry.factor
            magnitude = True
            i += n
            end = toks[i - 1].end
            continue
        if entry.cls == "currency" and magnitude and currency is None:
            # Peek for a compound continuation after the currency word.
            j = i + n
            if _compound_next(ctx, toks, j, last_factor):
                currency = entry.canonical
                i = j
                end = toks[i - 1].end
                continue
        break
    if magnitude and i < len(toks) and toks[i].is_number and toks[i].space != "":
        nxt_val = parse_number(toks[i].text, ctx.convention)
        hit = ctx.phrase(toks, i + 1) if nxt_val is not None else None
        if hit and hit[0].cls == "magnitude" and hit[0].factor < last_factor:
            value += nxt_val * hit[0].factor
            i += 1 + hit[1]
            end = toks[i - 1].end
    if glued and not magnitude and currency is not None and toks[0].low in lx.SHORT_MAGNITUDES:
        value *= lx.SHORT_MAGNITUDES[toks[0].low]
        magnitude = True
        i = 1
        end = toks[0].end
    if glued and not magnitude:
        hit = ctx.phrase(toks, 0, glued_only=True)
        if hit is None:
            return None, toks[0].end
    hit = ctx.phrase(toks, i) if i < len(toks) else None
    kind: str
    unit: str
    fig_end = end
    consumed = end
    if currency is not None and (hit is None or hit[0].cls != "currency"):
        kind, unit = "money", currency
        fig_end = consumed = end
    elif hit is not None and hit[0].cls == "currency":
        entry, n = hit
        kind, unit = "money", entry.canonical
        i += n
        fig_end = consumed = toks[i - 1].end
        # A compound written "3.691 tỷ đồng 996 triệu đồng".
        comp = _compound_next(ctx, toks, i, last_factor if magnitude else float("inf"))
        if comp:
            add, used = comp
            value += add
            i += used
            if i < len(toks) and (h2 := ctx.phrase(toks, i)) and h2[0].cls == "currency":
                i += h2[1]
            fig_end = consumed = toks[i - 1].end
    elif hit is not None and hit[0].cls == "percent":
        entry, n = hit
        kind, unit = "percent", "%"
        i += n
        fig_end = consumed = toks[i - 1].end
    elif hit is not None and hit[0].cls == "measure":
        entry, n = hit
        kind, unit = "measure", entry.canonical
        i += n
        fig_end = consumed = toks[i - 1].end
        # "6 giờ sáng", "6 giờ 30": a time of day, not a duration.
        if unit in lx.CLOCK_UNITS and i < len(toks) and (toks[i].low in lx.DAY_PARTS or toks[i].is_number):
            return None, consumed
        # "top 3 V-League", "5 G-Dragon": a unit glued to "-Name" is part of a name.
        if text[fig_end : fig_end + 1] in "-–" and text[fig_end + 1 : fig_end + 2].isalpha():
            return None, consumed
        # "9 tháng năm 2022", "6 tháng đầu năm": a calendar period, not a duration.
        if unit in lx.PERIOD_UNITS and _period_follows(toks, i):
            return None, consumed
    else:
        # "14 trong tổng số 19 xã, phường": a ratio spelled out.
        ratio = None if magnitude else _spelled_ratio(ctx, s, e)
        if ratio is not None:
            return ratio
        strict = not magnitude and (
            _after_capitalised_name(text, before)
            or bool(
                before
                and before[-1].low in lx.AMBIGUOUS_BEFORE
                and not _sentence_initial(text, before[-1], before)
            )
        )
        noun = _noun_at(ctx, toks, i, strict=strict)
        if noun is None:
            ranged = None if magnitude else _range_start(ctx, s, e, value, toks, region_end)
            if ranged is not None:
                return ranged, e
            if magnitude:
                kind, unit = "count", ""
            else:
                return None, e
        else:
            unit, n, _entry = noun
            kind = "count"
            i += n
            consumed = toks[i - 1].end
            # "20 chỉ tiêu/21": a ratio written around its noun.
            if i + 1 < len(toks) and toks[i].text == "/" and not toks[i].space and toks[i + 1].is_number:
                second = parse_number(toks[i + 1].text, ctx.convention)
                if second is not None and value <= second:
                    total_end = toks[i + 1].end
                    return _figure(
                        ctx, s, total_end, value, "ratio", unit, total_end, total=second
                    ), total_end
    # Rates: "50 triệu đồng/người/năm", "8%/năm", "61 tạ/ha", "7 khung giờ/ngày".
    tail, used = _rate_tail(ctx, toks, i)
    if tail:
        i += used
        unit = unit + tail
        consumed = toks[i - 1].end
        if kind in ("money", "percent", "measure"):
            fig_end = consumed
        elif kind == "count":
            # "7 khung giờ/ngày" (a time unit per time) and "1.200 người/km2" (a density) are
            # measures; "02 hợp tác xã/năm" stays a count of things per year.
            head = unit[: -len(tail)].split()
            per = tail.strip("/").split("/")[0].rstrip("23").lower()
            if (head and head[-1].lower() in lx.TIME_UNITS) or (
                per in lx.MEASURE_UNITS and per not in lx.TIME_UNITS
            ):
                kind = "measure"
                fig_end = consumed
    if kind == "count" and not magnitude:
        fig_end = e
    elif kind == "count" and magnitude:
        fig_end = end
    words = words_before(text, s)  # read once: the qualifier and the change both look at them
    qualifier = qualifier_around(text, s, consumed, ctx.language, words)
    return _figure(ctx, s, fig_end, value, kind, unit, consumed, qualifier=qualifier, words=words), max(
        consumed, e
    )


def _period_follows(toks: Sequence[Tok], i: int) -> bool:
    words = [t.low for t in toks[i : i + 3]]
    for phrase in lx.PERIOD_AFTER:
        parts = phrase.split()
        if words[: len(parts)] == parts:
            # "năm" alone only with a year after it ("9 tháng năm 2022").
            return len(parts) > 1 or (len(toks) > i + 1 and toks[i + 1].is_number)
    return False


def _measured_after(ctx: _Context, e: int) -> bool:
    """A percent sign, currency, magnitude or unit of measure right after the number."""
    toks = _tokens_after(ctx.text, e, 3)
    hit = ctx.phrase(toks, 0) if toks else None
    return (
        hit is not None
        and hit[0].cls in ("percent", "currency", "magnitude", "measure")
        and not (hit[0].cls == "measure" and hit[0].canonical in lx.TIME_UNITS)
    )


def _range_start(
    ctx: _Context, s: int, e: int, value: float, toks: Sequence[Tok], region_end: int
) -> RawFigure | None:
    """The first number of a range ("30 - 40 tuổi", "400-500 tô bún") takes the second's unit."""
    if len(toks) < 2 or toks[0].low not in lx.RANGE_WORDS or not toks[1].is_number:
        return None
    second = parse_number(toks[1].text, ctx.convention)
    if not second or value >= second:
        return None
    fig, _ = _read_tail(ctx, toks[1].start, toks[1].end, second, [], region_end)
    if fig is None or fig.kind == "ratio":
        return None
    factor = fig.value / second
    return _figure(ctx, s, e, value * factor, fig.kind, fig.unit, e, qualifier=fig.qualifier)


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


def _prefix_currency(text: str, s: int) -> str | None:
    """A currency written before the number: "$2.3", "US$ 40", "VND 39,399.4 billion"."""
    head = text[max(0, s - 5) : s].rstrip().lower()
    if head[-1:] not in _PREFIX_ENDS:
        return None
    for sign, code in lx.CURRENCY_PREFIXES.items():
        if head.endswith(sign) and (
            sign[0] in "$€£¥₫" or len(head) == len(sign) or not head[-len(sign) - 1].isalnum()
        ):
            return code
    return None


_SPELLED_RATIO = re.compile(
    r"\s+(?:"
    + "|".join(w.replace(" ", r"\s+") for w in lx.SPELLED_RATIO_WORDS)
    + r")\s+(\d+(?:[.,]\d+)*)\s+",
    re.IGNORECASE,
)


def _spelled_ratio(ctx: _Context, s: int, e: int) -> tuple[RawFigure, int] | None:
    m = _SPELLED_RATIO.match(ctx.text, e)
    if not m:
        return None
    total = parse_number(m[1], ctx.convention)
    value = parse_number(ctx.text[s:e], ctx.convention)
    if total is None or value is None or value > total:
        return None
    after = _tokens_after(ctx.text, m.end())
    noun = _noun_at(ctx, after, 0, strict=False)
    if noun is None:
        return None
    return _figure(ctx, s, e, value, "ratio", noun[0], e, total=total), e


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
    qualifier: str | None = None,
    words: list[str] | None = None,
) -> RawFigure:
    text = ctx.text
    change = change_before(text, s, ctx.language, words)
    base = base_after(text, consumed, ctx.language)
    label = label_for(text, s, consumed, kind, unit, ctx.language)
    # Offsets are the analysed (NFC) text's; the loader maps them to the source.
    return RawFigure(s, end, value, kind, unit, total, qualifier, change, base, label)
