"""The parse cache's blob codec: a parsed Report (and its index terms) to bytes and back.

Rows are written in the model's own field order, read from the dataclasses, so a new field of
Figure, Section, Span, TableRef or Report needs no edit here (the format signature changes with
the fields, and older blobs are refused). Blobs are `marshal` data: several times faster to
read than JSON, and the cache is private to one program version and Python. Index terms are a
separate compressed part, decoded only when asked for (most loads do not search).
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import sys
import typing
import zlib
from collections.abc import Callable

from reportview.core.model import Cell, Figure, Report, Section, Span
from reportview.core.tables import decode_tables, encode_tables
from reportview.core.terms import IndexTerms, UnitTerms

BLOB_VERSION = 7


class CacheCorrupt(Exception):
    """A cache entry or file that fails validation."""


def _names(cls: type, *, without: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in without)


# Figure rows leave out `text` (it is source[start:end]); Section rows leave out `index` (their
# position); a Report row leaves out what is stored apart (path, text, sections, figures, furniture).
_FIGURE_ALL = _names(Figure)
assert _FIGURE_ALL[:3] == ("start", "end", "text"), "Figure rows are read as (start, end, *rest)"
FIGURE_FIELDS = _names(Figure, without=("text",))
assert _names(Section)[0] == "index", "Section rows are read as (index, *rest)"
SECTION_FIELDS = _names(Section, without=("index",))
SPAN_FIELDS = _names(Span)
REPORT_FIELDS = _names(Report, without=("path", "text", "sections", "figures", "furniture"))
# Report fields holding dataclasses, written as plain rows: (to rows, from rows).
_REPORT_CODECS: dict[str, tuple[Callable, Callable]] = {
    "tables": (lambda tables: tuple(encode_tables(tables)), decode_tables),
    "markup": (
        lambda spans: tuple(_row(m, SPAN_FIELDS) for m in spans),
        lambda rows: tuple(Span(*r) for r in rows),
    ),
}


def _nested(cls: type) -> dict[str, type]:
    """Fields of `cls` that hold another dataclass (or None): written as its row, read back."""
    hints = typing.get_type_hints(cls)
    out: dict[str, type] = {}
    for name in _names(cls):
        for arg in (*typing.get_args(hints[name]), hints[name]):
            if isinstance(arg, type) and dataclasses.is_dataclass(arg):
                out[name] = arg
    return out


# Kinds and units are shared strings (see decode_entry); they sit at these places in a row.
assert FIGURE_FIELDS[3:5] == ("kind", "unit"), "decode_entry shares row[3] (kind) and row[4] (unit)"
FIGURE_NESTED = _nested(Figure)
# Their positions in a figure row (the row is (start, end, *rest) without text).
_FIGURE_NESTED_AT = {FIGURE_FIELDS.index(name): cls for name, cls in FIGURE_NESTED.items()}
assert not _nested(Section) and not _nested(Span), "only figures nest dataclasses (TableRef)"

# Changes whenever a field list or the marshal format does: an older blob is then refused.
SIGNATURE = hashlib.sha1(
    repr(
        (
            BLOB_VERSION,
            marshal.version,
            sys.version_info[:2],
            FIGURE_FIELDS,
            SECTION_FIELDS,
            SPAN_FIELDS,
            REPORT_FIELDS,
            {k: _names(v) for k, v in FIGURE_NESTED.items()},
            _names(UnitTerms),
            _names(IndexTerms),
            _names(Cell),
        )
    ).encode()
).hexdigest()[:12]


def _row(obj: object, names: tuple[str, ...]) -> tuple:
    return tuple(getattr(obj, n) for n in names)


def _figure_row(f: Figure) -> tuple:
    row = [getattr(f, n) for n in FIGURE_FIELDS]
    for at, cls in _FIGURE_NESTED_AT.items():
        if row[at] is not None:
            row[at] = _row(row[at], _names(cls))
    return tuple(row)


# marshal's format 0 writes the same bytes for the same values in any process. Later formats mark
# a string the process happens to have interned (a one-letter unit "F" is, in a Dask worker that
# imported pandas) and refer back to an object whose reference count says it is shared, so an
# archive's blobs differed with the process that parsed them. The cache keeps the fastest format.
CANONICAL_FORMAT = 0


def encode_report(
    report: Report, store_text: bool, terms: IndexTerms | None = None, canonical: bool = False
) -> bytes:
    """The parse of `report` (with its index terms, and its text only when `store_text`);
    `canonical`: bytes that depend on the values alone (archives), a little larger and slower."""
    fmt = CANONICAL_FORMAT if canonical else marshal.version
    payload = (
        SIGNATURE,
        _facts_row(report),
        tuple(_row(s, SECTION_FIELDS) for s in report.sections),
        tuple(_figure_row(f) for f in report.figures),
        tuple(_row(s, SPAN_FIELDS) for s in report.furniture),
        zlib.compress(report.text.encode("utf-8", "surrogatepass"), 1) if store_text else None,
        None if terms is None else zlib.compress(marshal.dumps(_terms_row(terms), fmt), 1),
    )
    return marshal.dumps(payload, fmt)


def _facts_row(report: Report) -> tuple:
    return tuple(
        _REPORT_CODECS[n][0](getattr(report, n)) if n in _REPORT_CODECS else getattr(report, n)
        for n in REPORT_FIELDS
    )


def _terms_row(terms: IndexTerms) -> tuple:
    return (terms.fold_whole, tuple(_row(u, _names(UnitTerms)) for u in terms.units))


def _read_terms(part: bytes) -> IndexTerms:
    fold_whole, units = marshal.loads(zlib.decompress(part))
    return IndexTerms(tuple(UnitTerms(*u) for u in units), fold_whole)


_WORDS: dict[str, str] = {}


def decode_report(blob: bytes, path: str, text: str | None) -> Report:
    """A Report from `encode_report`'s blob; `text` is the re-read text (None: stored in the blob)."""
    return decode_entry(blob, path, text, with_terms=False)[0]


def decode_entry(
    blob: bytes,
    path: str,
    text: str | Callable[[str, tuple[str, ...]], str] | None,
    with_terms: bool = True,
) -> tuple[Report, IndexTerms | None]:
    """The Report and (when `with_terms` and stored) index terms of `encode_report`'s blob.

    `text`: the re-read text, or a function of the report's (encoding, warnings) giving it, or
    None when the blob stores it."""
    try:
        signature, facts, secs, figs, furn, stored, terms_part = marshal.loads(blob)
    except (EOFError, ValueError, TypeError) as exc:
        raise CacheCorrupt(f"undecodable entry: {exc}") from None
    if signature != SIGNATURE:
        raise CacheCorrupt("entry from another format version")
    try:
        values = dict(zip(REPORT_FIELDS, facts, strict=True))
        for name, (_, read) in _REPORT_CODECS.items():
            values[name] = read(values[name])
        if callable(text):
            text = text(values["encoding"], values["warnings"])
        elif text is None:
            if stored is None:
                raise CacheCorrupt("entry has no text")
            text = zlib.decompress(stored).decode("utf-8", "surrogatepass")
        sections = tuple(Section(i, *s) for i, s in enumerate(secs))
        # One shared object per repeated short string (kinds, units): 200k figures, few words.
        words = _WORDS if len(_WORDS) < 100_000 else _WORDS.clear() or _WORDS
        word = words.setdefault
        figures = tuple(
            Figure(r[0], r[1], text[r[0] : r[1]], r[2], word(r[3], r[3]), word(r[4], r[4]), *r[5:])
            for r in figs
        )
        if _FIGURE_NESTED_AT:
            figures = _nest(figures, figs)
        furniture = tuple(Span(*s) for s in furn)
        report = Report(
            path,
            text,
            sections=sections,
            figures=figures,
            furniture=furniture,
            **values,
        )
        terms = _read_terms(terms_part) if with_terms and terms_part is not None else None
    except (zlib.error, ValueError, TypeError, IndexError) as exc:
        raise CacheCorrupt(f"undecodable entry: {exc}") from None
    return report, terms


def _nest(figures: tuple[Figure, ...], rows: tuple) -> tuple[Figure, ...]:
    """Put nested rows (a figure's TableRef) back as their dataclasses, for the few that have one."""
    for at, cls in _FIGURE_NESTED_AT.items():
        name = FIGURE_FIELDS[at]
        for f, r in zip(figures, rows, strict=True):
            if r[at] is not None:
                # Frozen: set once here, as the constructor would have (the codec builds it).
                object.__setattr__(f, name, cls(*r[at]))
    return figures
