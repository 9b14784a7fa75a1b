"""The parse pipeline: a file's decoded text to a Report (files.py finds and reads the files).

The pipeline runs one way: file -> decoded text -> furniture spans -> sections -> figures.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from reportview.core import lexicon as lx
from reportview.core.decoding import nfc_view
from reportview.core.docname import place_in_name, year_in_name
from reportview.core.figures import FigureRules, dollar_currency, extract_figures
from reportview.core.files import (
    EMPTY_REASON as EMPTY_REASON,
)
from reportview.core.files import (
    MAX_FILE_BYTES as MAX_FILE_BYTES,
)
from reportview.core.files import (
    EmptyInputError as EmptyInputError,
)
from reportview.core.files import (
    InputError as InputError,
)
from reportview.core.files import (
    Skipped as Skipped,
)
from reportview.core.files import (
    decode_document,
    read_document,
)
from reportview.core.files import (
    discover as discover,
)
from reportview.core.files import (
    is_empty_reason as is_empty_reason,
)
from reportview.core.files import (
    read_file_bytes as read_file_bytes,
)
from reportview.core.files import (
    read_text as read_text,
)
from reportview.core.furniture import classify_lines
from reportview.core.labels import fronted_bases
from reportview.core.lines import split_lines
from reportview.core.markup import unmarked
from reportview.core.model import Figure, Report, Section, Span
from reportview.core.numbers import Convention, detect_convention, detect_language
from reportview.core.outline import build_outline, fallback_title
from reportview.core.periods import figure_periods, report_period
from reportview.core.places import figure_places, report_place
from reportview.core.rules import LoadSettings, ParseRules, Setup, load_settings_of, rules_of
from reportview.core.table_figures import figures_in_tables
from reportview.core.tables import Table


def load_report(
    path: str | os.PathLike[str],
    rules: ParseRules | Setup | None = None,
    display_path: str | None = None,
    data: bytes | None = None,
) -> Report:
    """Read and parse one file (or its bytes, read already: `data`); raise InputError when it is not
    a readable report."""
    got = read_document(Path(path)) if data is None else decode_document(Path(path), data)
    try:
        return parse_text(
            got.text, display_path or str(path), rules, encoding=got.encoding, warnings=got.warnings,
            tables=got.tables, markup=got.markup,
        )  # fmt: skip
    except RecursionError:
        raise InputError("too deeply nested to parse") from None
    except Exception as exc:
        # A parser bug must cost one file, not the whole run: say so in one line and go on.
        why = " ".join(str(exc).split())[:120]
        raise InputError(
            f"could not be parsed ({type(exc).__name__}: {why}); please report this file"
        ) from None


def parse_text(
    text: str,
    path: str = "<text>",
    rules: ParseRules | Setup | None = None,
    *,
    encoding: str = "utf-8",
    warnings: tuple[str, ...] = (),
    tables: tuple[Table, ...] = (),
    markup: tuple[Span, ...] = (),
) -> Report:
    """Parse decoded text into a Report; offsets refer to `text` itself (and the tables' spans,
    whose cells are read as table figures, not prose).

    `rules`: compiled ParseRules (or a Setup holding them, such as the app's Config); the
    built-in tables alone when None."""
    parse_rules = rules_of(rules)
    view = nfc_view(text)
    norm = view.text
    lines = split_lines(norm)
    marks = classify_lines(lines, parse_rules.furniture)
    if tables:  # a table's rows of numbers are no counter widget: the table is the text
        rows = [_nfc_span(view, (t.start, t.end)) for t in tables]
        marks = {i: why for i, why in marks.items() if not any(a <= lines[i].start < b for a, b in rows)}
    outline = build_outline(norm, lines, marks)
    furniture_nfc = [(lines[i].start, lines[i].end, why) for i, why in sorted(marks.items())]
    line_spans = [(ln.start, ln.end) for ln in lines]
    fig_rules = parse_rules.figures
    big = _is_big(norm, line_spans)
    # Decided once for the document, stored on the Report, read by display and exports.
    convention = fig_rules.convention
    # (detect_language reads only the body's start: the sample's answer is the body's.)
    language = detect_language(norm, outline.body)
    if convention == "auto":
        body = outline.body
        sample = (body[0], min(body[1], body[0] + CONVENTION_SAMPLE)) if big else body
        convention = detect_convention(norm, sample, language)

    # The currency "$" means, decided once for the document (its pieces and cells read alike), and
    # only where a "$" stands.
    dollar = dollar_currency(norm) if lx.DOLLAR in norm else None
    raw_figures = list(
        _figures_in_pieces(
            norm,
            outline.body,
            _merged(
                [(s, e) for s, e, _ in furniture_nfc],
                [_nfc_span(view, sp) for t in tables for sp in t.spans()],
            ),
            fig_rules,
            outline.title_span,
            line_spans,
            big,
            convention,
            language,
            dollar,
        )
    )
    # What the text does not say, the file's name may (an excerpt that never names its province).
    own_period = report_period(
        norm, outline.title_span, outline.body, outline.date, year_hint=year_in_name(path)
    )
    fig_spans = [(f.start + shift, f.end + shift) for shift, f in raw_figures]
    periods = figure_periods(norm, fig_spans, own_period)
    own_place = report_place(norm, outline.title_span, outline.body) or place_in_name(path)
    places = figure_places(norm, fig_spans, [f.unit for _, f in raw_figures], own_place)
    bases = fronted_bases(
        norm, fig_spans, [f.base for _, f in raw_figures], [f.change for _, f in raw_figures]
    )
    src, src_end = view.source, view.source_end
    spans = [(src(s.start), src_end(s.end)) for s in outline.sections]
    ordered = all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    starts = [a for a, _ in spans] if ordered else None
    numbers = [s.number for s in outline.sections]
    figures: list[Figure] = []
    owners: list[int | None] = []  # the section index of each figure
    for (shift, f), period, place, base in zip(raw_figures, periods, places, bases, strict=True):
        if len(figures) >= MAX_FIGURES:
            warnings = (*warnings, f"more than {MAX_FIGURES} figures: only the first {MAX_FIGURES} are kept")
            break
        start, end = src(f.start + shift), src_end(f.end + shift)
        idx = _section_at(spans, starts, start)
        owners.append(idx)
        # A raw figure becomes a model Figure here (source offsets, text, section) and for a cell
        # read as prose (table_figures), both through RawFigure.as_figure.
        figures.append(
            f.as_figure(
                text,
                start,
                end,
                base=base,
                section_index=idx,
                section_number=numbers[idx] if idx is not None else None,
                period=f.period or period,
                place=f.place or place,
            )
        )
    if tables:  # cell figures, read from the tables (not the prose), in text order among the others
        cells = [
            replace(f, period=f.period or own_period)
            for f in figures_in_tables(text, tables, convention, fig_rules, language, dollar)
        ]
        cell_owners = [_section_at(spans, starts, f.start) for f in cells]
        merged = sorted(
            zip([*figures, *cells], [*owners, *cell_owners], strict=True), key=lambda p: p[0].start
        )
        figures = [
            f if f.table is None or o is None else replace(f, section_index=o, section_number=numbers[o])
            for f, o in merged
        ]
        owners = [o for _, o in merged]
    ranges = figure_ranges(owners, len(spans))
    if sum(b - a for a, b in ranges) != sum(o is not None for o in owners):
        # Sections out of text order (never seen in the corpora): one run per section, kept so.
        order = sorted(range(len(figures)), key=lambda k: (owners[k] is None, owners[k] or 0, k))
        figures = [figures[k] for k in order]
        ranges = figure_ranges([owners[k] for k in order], len(spans))
    # A Markdown report's section titles read without their marks ("**Bảng 5." was shown as written).
    title_of = unmarked if markup else (lambda title: title)
    sections = tuple(
        Section(i, s.number, title_of(s.title), a, b, src(s.body_start), *ranges[i])
        for i, (s, (a, b)) in enumerate(zip(outline.sections, spans, strict=True))
    )
    caption = outline.title or fallback_title(
        text,
        [(s.number, s.title, s.start, s.end) for s in sections[:1]],
        sum(1 for s in sections if s.number is not None),
    )
    return Report(
        path=path,
        text=text,
        encoding=encoding,
        title=outline.title,
        date=outline.date,
        sections=sections,
        figures=tuple(figures),
        furniture=tuple(Span(src(s), src_end(e), why) for s, e, why in furniture_nfc),
        warnings=warnings,
        body=(src(outline.body[0]), src_end(outline.body[1])),
        title_span=(src(outline.title_span[0]), src_end(outline.title_span[1]))
        if outline.title_span
        else None,
        convention=convention,
        language=language,
        caption=caption,
        place=own_place,
        period=own_period,
        tables=tables,
        markup=markup,
    )


# Big texts are read for figures in pieces: runs of lines of about LINE_PIECE_CHARS, cut between
# lines, and lines longer than LONG_LINE_CHARS (a whole corpus saved on one line, minified pages)
# in pieces of about PIECE_CHARS cut at sentence ends. The figure reader looks back to the start
# of the line, linear per figure and so quadratic on one huge line; and pieces keep its working
# memory small. Texts of ordinary size are read whole, exactly as before.
BIG_TEXT_CHARS = 1_000_000
LINE_PIECE_CHARS = 64_000
LONG_LINE_CHARS = 50_000
PIECE_CHARS = 8_000
# The number convention of a big text is voted on its first CONVENTION_SAMPLE characters.
CONVENTION_SAMPLE = 200_000
# A report with more figures than this is not a report; the rest are left out, with a warning.
MAX_FIGURES = 200_000
_SENTENCE_END = re.compile(r"[.!?;…][\"”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _figures_in_pieces(
    text: str,
    body: tuple[int, int],
    furniture: list[tuple[int, int]],
    rules: FigureRules,
    title_span: tuple[int, int] | None,
    line_spans: list[tuple[int, int]],
    big: bool,
    convention: Convention,
    language: Convention,
    dollar: str | None = None,
) -> Iterator[tuple[int, Figure]]:
    """(offset shift, figure) for every figure, in text order; the whole text at once unless big.

    One convention and language for the whole document (the parse's), not one per piece."""
    facts = {"convention": convention, "language": language, "dollar": dollar}
    if not big:
        for f in extract_figures(text, body, furniture, rules, title_span=title_span, **facts):
            yield 0, f
        return
    ends = [e for _, e in furniture]  # furniture spans are sorted and do not overlap
    for a, b in _pieces(text, line_spans):
        piece_body = _clip(body, a, b)
        piece_title = _clip(title_span, a, b) if title_span else None
        if piece_body is None and piece_title is None:
            continue
        cuts = []
        for i in range(bisect.bisect_right(ends, a), len(furniture)):
            if furniture[i][0] >= b:
                break
            cut = _clip(furniture[i], a, b)
            if cut is not None:
                cuts.append(cut)
        for f in extract_figures(
            text[a:b], piece_body or (0, 0), cuts, rules, title_span=piece_title, **facts
        ):
            yield a, f


def _is_big(text: str, line_spans: list[tuple[int, int]]) -> bool:
    """A text read for figures in pieces (see BIG_TEXT_CHARS)."""
    return len(text) > BIG_TEXT_CHARS or any(e - s > LONG_LINE_CHARS for s, e in line_spans)


def _clip(span: tuple[int, int], a: int, b: int) -> tuple[int, int] | None:
    """`span` inside [a, b), shifted to start at a; None when they do not overlap."""
    s, e = max(span[0], a), min(span[1], b)
    return (s - a, e - a) if s < e else None


def _pieces(text: str, line_spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Spans covering `text` in order: runs of whole lines, and huge lines cut at sentence ends."""
    start = 0
    for s, e in line_spans:
        if s - start >= LINE_PIECE_CHARS:
            yield start, s
            start = s
        if e - s > LONG_LINE_CHARS:
            if s > start:
                yield start, s
            pos = s
            while e - pos > PIECE_CHARS:
                cut = _cut_point(text, pos + PIECE_CHARS // 2, pos + PIECE_CHARS)
                yield pos, cut
                pos = cut
            start = pos
    if start < len(text):
        yield start, len(text)


def _cut_point(text: str, lo: int, hi: int) -> int:
    """The last sentence end in text[lo:hi], else the last space, else hi (never splits a figure
    at a sentence end; a space cut can, once per PIECE_CHARS of space-less text)."""
    last = None
    for m in _SENTENCE_END.finditer(text, lo, hi):
        last = m.end()
    if last is None:
        for m in _SPACE.finditer(text, lo, hi):
            last = m.end()
    return last if last is not None and last > lo else hi


def _nfc_span(view, span: tuple[int, int]) -> tuple[int, int]:
    """A span of the source as a span of its NFC view."""
    to_source = view._to_source  # NFC offset -> source offset, ascending (None: the same text)
    if to_source is None:
        return span
    return bisect.bisect_left(to_source, span[0]), bisect.bisect_left(to_source, span[1])


def _merged(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of two lists of spans (the figure reader bisects them)."""
    if not b:
        return a
    out: list[tuple[int, int]] = []
    for s, e in sorted(a + b):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _section_at(spans: list[tuple[int, int]], starts: list[int] | None, offset: int) -> int | None:
    """The index of the section holding `offset`: by bisection over `starts` when sections come in
    order and do not overlap (they do), else (starts None) the first that holds it."""
    if starts is None:
        return next((i for i, (a, b) in enumerate(spans) if a <= offset < b), None)
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return i
    return None


def figure_ranges(owners: list[int | None], n_sections: int) -> list[tuple[int, int]]:
    """Per section, the (first, end) indices of its figures in the report's figure list.

    Figures come in text order and sections do not overlap, so each section's figures are one
    run; a section without figures gets an empty range where its run would be."""
    ranges = [(0, 0)] * n_sections
    k = 0
    for i in range(n_sections):
        while k < len(owners) and (owners[k] is None or owners[k] < i):  # type: ignore[operator]
            k += 1
        first = k
        while k < len(owners) and owners[k] == i:
            k += 1
        ranges[i] = (first, k)
    return ranges


def load_paths(
    paths: Iterable[str | os.PathLike[str]], setup: Setup | None = None
) -> tuple[list[Report], list[Skipped]]:
    """Every report under PATHs, in order, with the files skipped and why."""
    load: LoadSettings = load_settings_of(setup)
    rules = rules_of(setup)
    files, skipped = discover(paths, load.extensions, load.exclude)
    reports = []
    for f in files:
        try:
            reports.append(load_report(f, rules))
        except InputError as exc:
            skipped.append(Skipped(str(f), str(exc)))
    return reports, skipped
