"""The query language: words, "phrases", prefix on the word being typed, kind: and in: filters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportview.core.folding import fold
from reportview.core.terms import WORD

KINDS = ("money", "percent", "count", "ratio", "measure")
SCOPES = ("titles", "text", "figures")


@dataclass(slots=True)
class Term:
    text: str  # folded
    prefix: bool  # the word being typed: matches any word starting with it
    phrase: int | None = None  # which quoted phrase it belongs to


@dataclass(slots=True)
class Query:
    """A parsed query. `terms` holds plain words and phrase words alike."""

    raw: str
    terms: list[Term] = field(default_factory=list)
    phrases: list[list[int]] = field(default_factory=list)  # term indexes per quoted phrase
    kinds: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()  # filters whose value names no kind or scope ("kind:foo")

    @property
    def empty(self) -> bool:
        return not self.terms and not self.kinds


_QTOKEN = re.compile(r'"([^"]*)("?)|(\S+)')
_FILTER = re.compile(r"(kind|in):(\S*)$", re.IGNORECASE)


def parse_query(raw: str) -> Query:
    """Split a query into folded words, quoted phrases and kind:/in: filters.

    The last plain word is a prefix (it is being typed) unless the query ends with a space.
    Unknown filter values are read as partial values ("kind:mo" -> money); nothing matching: ignored.
    """
    q = Query(raw)
    kinds: list[str] = []
    scopes: list[str] = []
    unknown: list[str] = []
    ends_open = bool(raw) and not raw[-1].isspace()
    tokens = list(_QTOKEN.finditer(raw))
    for i, m in enumerate(tokens):
        last = i == len(tokens) - 1
        if m.group(3) is not None:
            word = m.group(3)
            f = _FILTER.match(word)
            if f:
                name, value = f.group(1).lower(), fold(f.group(2))
                pool = KINDS if name == "kind" else SCOPES
                hits = [p for p in pool if value and p.startswith(value)] if value else []
                if name == "in" and value in ("title", "t"):
                    hits = ["titles"]
                if value and not hits:
                    unknown.append(f"{name}:{f.group(2)}")
                (kinds if name == "kind" else scopes).extend(h for h in hits if h not in kinds + scopes)
                continue
            words = WORD.findall(fold(word))
            for j, w in enumerate(words):
                is_last = last and j == len(words) - 1 and ends_open and word[-1].isalnum()
                q.terms.append(Term(w, prefix=is_last))
        else:
            words = WORD.findall(fold(m.group(1)))
            if not words:
                continue
            closed = bool(m.group(2))
            idx = []
            for j, w in enumerate(words):
                is_last = last and not closed and j == len(words) - 1 and ends_open
                idx.append(len(q.terms))
                q.terms.append(Term(w, prefix=is_last, phrase=len(q.phrases)))
            q.phrases.append(idx)
    q.kinds = tuple(kinds)
    q.scopes = tuple(scopes)
    q.unknown = tuple(unknown)
    return q


def query_notes(q: Query) -> tuple[str, ...]:
    """What to tell the user about the query itself: filters that name nothing, with the choices."""
    notes = []
    for f in q.unknown:
        name, _, value = f.partition(":")
        pool = KINDS if name.lower() == "kind" else SCOPES
        what = "kind" if name.lower() == "kind" else "place to search"
        notes.append(f"{name}:{value} is not a {what}: {name}:" + "|".join(pool))
    return tuple(notes)


def has_digit(word: str) -> bool:
    """Whether a (folded) word holds a digit: "2021", "h5n1", "19/5" (kept out of a lettered
    word's typo search)."""
    return any(c.isdigit() for c in word)
