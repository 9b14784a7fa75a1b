"""Places: Vietnam's provinces and districts (data/places.json, with the July 2025 merger of 63 provinces
into 34), a normalised `place_key`, and the place a report and each of its figures are about."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from reportview.core import lexicon as lx
from reportview.core.folding import fold


@dataclass(frozen=True, slots=True)
class Place:
    """A province (level "province") or a district ("district") of the GSO list."""

    key: str
    name: str
    kind: str  # tỉnh, thành phố, huyện, quận, thị xã
    level: str
    code: int
    province_code: int
    # For a province before July 2025: the code and name of the province it merged into.
    merged_into: int | None = None
    merged_name: str | None = None


_NON_KEY = re.compile(r"[^a-z0-9]+")
_DROPPED = tuple(sorted(lx.PLACE_KEY_DROPPED, key=len, reverse=True))


_FOLDED_DROPPED = tuple(fold(p) for p in _DROPPED)


def _raw_key(name: str) -> str:
    folded = fold(" ".join(name.split()))
    for p in _FOLDED_DROPPED:
        if folded == p:
            return ""
        if folded.startswith(p) and not folded[len(p)].isalnum():
            folded = folded[len(p) :]
            break
    return _NON_KEY.sub("-", folded).strip("-")


@lru_cache(maxsize=4096)
def place_key(name: str) -> str:
    """ "tỉnh Gia Lai" -> "gia-lai", "TP HCM" -> "ho-chi-minh", "Bà Rịa - Vũng Tàu" -> "ba-ria-vung-tau":
    lowercase ASCII (accents folded, đ -> d), the kind word dropped, hyphens between words."""
    key = _raw_key(name)
    return _data().aliases.get(key, key)


@dataclass(frozen=True)
class _Places:
    provinces: tuple[Place, ...]
    provinces_2025: tuple[Place, ...]
    districts: tuple[Place, ...]
    aliases: dict[str, str]
    by_key: dict[str, tuple[Place, ...]]


@lru_cache(maxsize=1)
def _data() -> _Places:
    raw = json.loads(resources.files("reportview").joinpath("data/places.json").read_text("utf-8"))
    new_names = {p["code"]: p["name"] for p in raw["provinces_2025"]}
    aliases = dict(raw.get("aliases", {}))
    provinces = tuple(
        Place(_raw_key(p["name"]), p["name"], p["kind"], "province", p["code"], p["code"],
              p["merged_into"], new_names[p["merged_into"]])
        for p in raw["provinces"]
    )  # fmt: skip
    provinces_2025 = tuple(
        Place(_raw_key(p["name"]), p["name"], p["kind"], "province", p["code"], p["code"])
        for p in raw["provinces_2025"]
    )
    districts = tuple(
        Place(_raw_key(d["name"]), d["name"], d["kind"], "district", d["code"], d["province"])
        for d in raw.get("districts", [])
    )
    by_key: dict[str, list[Place]] = {}
    for p in (*provinces, *districts):
        by_key.setdefault(p.key, []).append(p)
    return _Places(provinces, provinces_2025, districts, aliases, {k: tuple(v) for k, v in by_key.items()})


def lookup(name: str) -> tuple[Place, ...]:
    """The provinces and districts (before July 2025) a name can mean: those of the kind the name
    says first ("thành phố Bắc Ninh": the city, then the province), else provinces first."""
    found = _data().by_key.get(place_key(name), ())
    kind = place_kind(name)
    if kind is None or len(found) < 2:
        return found
    return tuple(sorted(found, key=lambda p: p.kind != kind))


_PREFIXES_LONGEST_FIRST = tuple(sorted(lx.PLACE_PREFIXES, key=len, reverse=True))


def place_kind(name: str) -> str | None:
    """The kind of place a name opens with ("huyện Tri Tôn" -> "huyện", "TP. Vinh" -> "thành phố"; the
    kind alone too: "Quận"), or None."""
    low = " ".join(name.lower().split())
    for prefix in _PREFIXES_LONGEST_FIRST:
        if low == prefix or low.startswith(prefix + " ") or (prefix.endswith(".") and low.startswith(prefix)):
            return lx.PLACE_PREFIXES[prefix]
    return None


def provinces() -> tuple[Place, ...]:
    """The 63 provinces in force until 30 June 2025, each with the province it merged into."""
    return _data().provinces


def provinces_2025() -> tuple[Place, ...]:
    """The 34 provinces from 1 July 2025."""
    return _data().provinces_2025


def province_2025(name: str) -> Place | None:
    """The province from July 2025 that holds a place ("Bắc Kạn" -> Thái Nguyên, "Gia Lai" -> Gia Lai)."""
    for p in lookup(name):
        code = p.merged_into if p.level == "province" else _province(p.province_code).merged_into
        return next((q for q in _data().provinces_2025 if q.code == code), None)
    return None


def _province(code: int) -> Place:
    return next(p for p in _data().provinces if p.code == code)


# --- the place a report and its figures are about ------------------------------------------------


def _trie_alternation(words: list[str]) -> str:
    """A case-sensitive regex alternation of `words` (a space matching any white space) written as
    a trie: "t(?:ỉnh|hành\\s+phố|p(?:\\.|))|...". It matches what the flat longest-first alternation
    matches: two words match at one place only when one begins the other, and a node tries its
    longer continuations before the word that ends there. The regex engine then tests a character
    once per node, not once per word that starts with it."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branches(node: dict[str, dict]) -> list[str]:
        out = [(r"\s+" if ch == " " else re.escape(ch)) + tail(node[ch]) for ch in sorted(node) if ch]
        return [*out, ""] if "" in node else out

    def tail(node: dict[str, dict]) -> str:
        parts = branches(node)
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return "|".join(branches(root))


# Every case form of the kind words, so the pattern needs no IGNORECASE (much slower on long texts).
_PREFIX_FORMS = {f for p in lx.PLACE_PREFIXES for f in (p, p.capitalize(), p.upper(), p.title())}
_PREFIX_ALT = _trie_alternation(sorted(_PREFIX_FORMS, key=len, reverse=True))
# "tỉnh Bắc Ninh", "TP. Hồ Chí Minh", "thành phố Chí Linh", "huyện Xuyên Mộc", "tỉnh Bà Rịa - Vũng Tàu".
_NAME = r"[A-ZĐ\u00c0-\u1ef9][^\W\d_]*(?:(?:\s+|\s*[-–]\s*)[A-ZĐ\u00c0-\u1ef9][^\W\d_]*){0,3}"
# (The pattern opens with the kind words' literals, which the regex engine skips to at once; the
# character before, which must not be a letter, digit or dot, is tested by _starting_words.)
_MENTION = re.compile(rf"(?P<kind>{_PREFIX_ALT})\s*(?P<name>{_NAME})")
_MENTION_NOT_AFTER = re.compile(r"[\w.]")
_NAME_NOT_AFTER = re.compile(r"\w")


def _starting_words(
    pattern: re.Pattern[str], not_after: re.Pattern[str], text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text, start, end)` would give with a leading look-behind
    (?<!not_after): a match right after such a character is skipped and the search goes on one
    character later, as the look-behind would have it."""
    pos = start
    while True:
        m = pattern.search(text, pos, end)
        if m is None:
            return
        at = m.start()
        if at > 0 and not_after.match(text, at - 1):
            pos = at + 1
            continue
        yield m
        pos = m.end()


_NAME_PARTS = re.compile(r"\s*[-–]\s*|\s+")


def _upper_start(word: str) -> bool:
    return word[:1].isupper()


def _mentions(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, name) of every "kind Name" mention in text[start:end]."""
    out = []
    for m in _starting_words(_MENTION, _MENTION_NOT_AFTER, text, start, end):
        name = m["name"]
        # The name's words must be capitalised (IGNORECASE lets the pattern match any case).
        words = _NAME_PARTS.split(name)
        keep = []
        for w in words:
            if not _upper_start(w):
                break
            keep.append(w)
        if not keep:
            continue
        cut = name.find(keep[-1]) + len(keep[-1]) if len(keep) < len(words) else len(name)
        name = name[:cut]
        kind = lx.PLACE_PREFIXES[" ".join(m["kind"].lower().split())]
        out.append((m.start(), m.start("name") + len(name), kind, " ".join(name.split())))
    return out


def report_place(
    text: str,
    title_span: tuple[int, int] | None,
    body: tuple[int, int],
    lead_chars: int = 600,
    body_chars: int = 3000,
) -> str | None:
    """The report's own place ("thành phố Bắc Ninh", "tỉnh Nghệ An"): the province, city or district
    its title and text name most, the title and lead counting more; bare province names count too."""
    votes: Counter[str] = Counter()
    shown: dict[str, str] = {}
    lead_end = body[0] + lead_chars
    regions = [(title_span, False)] if title_span else []
    # The body's opening page is enough to tell (and a corpus of long reports stays fast).
    regions.append(((body[0], min(body[1], body[0] + body_chars)), True))
    levels = {"tỉnh", "thành phố", "huyện", "thị xã", "quận"}
    for span, in_body in regions:
        if span is None:
            continue

        def weight(pos: int, in_body: bool = in_body) -> int:
            return (2 if pos < lead_end else 1) if in_body else 3

        for s, _e, kind, name in _mentions(text, span[0], span[1]):
            if kind not in levels:
                continue
            key = place_key(name)
            w = weight(s)
            votes[key] += w
            shown.setdefault(key, f"{kind} {name}")
            # The same name as a province and as its capital city: the kind said most wins.
            votes[f"{key}\t{kind}"] += w
        for s, key, label in _bare_provinces(text, span[0], span[1]):
            votes[key] += weight(s)
            shown.setdefault(key, label)
    if not votes:
        return None
    best = max((k for k in votes if "\t" not in k), key=lambda k: (votes[k], -len(k)))
    kinds = [(votes[k], k.split("\t")[1]) for k in votes if k.startswith(best + "\t")]
    if kinds:
        kind = max(kinds)[1]
        name = shown[best].split(" ", 1)[1] if " " in shown[best] else shown[best]
        for known in ("thành phố", "thị xã"):
            if shown[best].startswith(known + " "):
                name = shown[best][len(known) + 1 :]
        return f"{kind} {name}"
    return shown[best]


@lru_cache(maxsize=1)
def _province_pattern() -> re.Pattern[str]:
    names = sorted({p.name for p in _data().provinces}, key=len, reverse=True)
    # "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu"; "Thừa Thiên Huế", "Thừa Thiên – Huế".
    alt = "|".join(
        re.escape(n).replace(r"\ \-\ ", r"\s*[-–]\s*").replace(r"\ ", r"(?:\s+|\s*[-–]\s*)") for n in names
    )
    # (Opened by the names' literals: see _starting_words, which tests the character before.)
    return re.compile(rf"(?:{alt})(?![\w])")


def _bare_provinces(text: str, start: int, end: int) -> list[tuple[int, str, str]]:
    out = []
    for m in _starting_words(_province_pattern(), _NAME_NOT_AFTER, text, start, end):
        name = " ".join(m[0].split())
        place = lookup(name)
        kind = place[0].kind if place else "tỉnh"
        out.append((m.start(), place_key(name), f"{kind} {name}"))
    return out


_WHOLE = re.compile(
    # (The look-ahead, case-blind like the rest, rejects at a glance the positions no phrase starts at.)
    rf"(?=[{re.escape(''.join(sorted({w[0] for w in lx.PLACE_WHOLE})))}])(?<![\w])(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lx.PLACE_WHOLE, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[;.!?()\n]|,(?=\s)")
_COMPARISON = re.compile(
    r"(?<![\w])(?:"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(lx.PLACE_COMPARISON_OPENERS, key=len, reverse=True)
    )
    + r")(?![\w])",
    re.IGNORECASE,
)
# How many words may stand between a comparison's opener and its place ("so với trung bình cả nước").
_COMPARISON_REACH = 4
_DISTRICT_LEVEL = {"thành phố", "huyện", "thị xã", "quận", "phường", "xã", "thị trấn"}


def figure_places(
    text: str, spans: Sequence[tuple[int, int]], units: Sequence[str], own: str | None
) -> list[str | None]:
    """The place each figure is about when its clause names another than the report's own (`toàn tỉnh
    là 6,9%` in a city's report, `cả nước`, `tại phường Phong Khê`); None for the report's own place."""
    own_key = place_key(own) if own else None
    out: list[str | None] = []
    for (s, e), unit in zip(spans, units, strict=True):
        a = _clause_edge(text, s, back=True)
        b = _clause_edge(text, e, back=False)
        out.append(_place_in(text, a, s, e, b, unit, own_key, own))
    return out


# Up to the last clause break (the greedy run backs up from the end: no loop over every break).
_UP_TO_LAST_CLAUSE = re.compile(r".*(?:" + _CLAUSE.pattern + ")", re.DOTALL)


def _clause_edge(text: str, pos: int, back: bool) -> int:
    if back:
        lo = max(0, pos - 200)
        last = _UP_TO_LAST_CLAUSE.match(text, lo, pos)
        return last.end() if last else lo
    m = _CLAUSE.search(text, pos, min(len(text), pos + 200))
    return m.start() if m else min(len(text), pos + 200)


def _place_in(
    text: str, a: int, s: int, e: int, b: int, unit: str, own_key: str | None, own: str | None
) -> str | None:
    for whole in _WHOLE.finditer(text, a, b):
        if _is_base(text, a, s, e, whole.start()):
            continue
        phrase = " ".join(whole[0].split())
        level = lx.PLACE_WHOLE[phrase.lower()]
        own_is_district = bool(own) and any(own.startswith(k + " ") for k in _DISTRICT_LEVEL)
        # ("cả nước" in a national report, one that names no place of its own, is its own place.)
        if (level == "country" and own) or (level in ("province", "region") and own_is_district):
            return phrase
        break
    for ms, _me, kind, name in _mentions(text, a, b):
        # "tại 02 xã Nông Thượng": the figure counts the places, it is not about one of them.
        if ms == _skip_space(text, e) and kind == unit.lower():
            continue
        if place_key(name) == own_key or _is_base(text, a, s, e, ms):
            continue
        return f"{kind} {name}"
    return None


def _is_base(text: str, a: int, s: int, e: int, at: int) -> bool:
    """Whether the place named at `at` is what the figure (text[s:e]) is compared with: after the
    figure with a comparison word between them, or a comparison word just before it."""
    if at >= e and _COMPARISON.search(text, e, at):
        return True
    before = list(_COMPARISON.finditer(text, a, at))
    return (
        bool(before)
        and len(text[before[-1].end() : at].split()) <= _COMPARISON_REACH
        and (before[-1].start() >= e or at < s)
    )


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos
