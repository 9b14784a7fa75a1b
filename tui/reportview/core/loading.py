"""Loading: PATHs to files, files to decoded text, text to a parsed Report.

The pipeline runs one way: file -> decoded text -> furniture spans -> sections -> figures.
"""

from __future__ import annotations

import bisect
import errno
import itertools
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reportview.config import Config, default_config
from reportview.core.decoding import BinaryInputError, decode_bytes, nfc_view
from reportview.core.figures import FigureRules, extract_figures, figure_rules
from reportview.core.formats import MissingExtraError, extract_text
from reportview.core.furniture import classify_lines, compile_rules
from reportview.core.lines import split_lines
from reportview.core.model import Figure, Report, Section, Span
from reportview.core.numbers import Convention, detect_convention, detect_language
from reportview.core.outline import build_outline, fallback_title
from reportview.core.periods import figure_periods, report_period

# Files above this size are refused: reports are text, and this keeps memory bounded.
MAX_FILE_BYTES = 64 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as a report; str() is one line for stderr."""


class EmptyInputError(InputError):
    """A readable file with no text in it: skipped, but not an error of the user's (exit 1)."""


EMPTY_REASON = "empty file"


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


def discover(
    paths: Iterable[str | os.PathLike[str]], extensions: Iterable[str]
) -> tuple[list[Path], list[Skipped]]:
    """Files named by PATHs (folders read recursively, sorted), and what was skipped with why.

    A PATH that does not exist raises FileNotFoundError (bad usage); inside folders, FIFOs,
    devices, dangling links and link loops are skipped without being opened. A file or folder
    reached twice (named twice, or through a second link) is read once, silently.
    """
    exts = tuple(e.lower() for e in extensions)
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            raise FileNotFoundError(f"{path}: no such file or folder")
        try:
            st = path.stat()
        except OSError as exc:
            skipped.append(Skipped(str(path), _os_reason(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            files.extend(_walk(path, exts, skipped, seen_dirs, seen_files))
        elif stat.S_ISREG(st.st_mode):
            _add_once(files, seen_files, path, st)
        else:
            skipped.append(Skipped(str(path), "not a regular file"))
    return files, skipped


def _add_once(files: list[Path], seen: set[tuple[int, int]], path: Path, st: os.stat_result) -> None:
    """Add a file unless it was reached before (a second link, or named twice)."""
    key = (st.st_dev, st.st_ino)
    if key not in seen:
        seen.add(key)
        files.append(path)


def _os_reason(exc: OSError, path: Path | None = None) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        if path is not None and not os.path.islink(path):
            return "no longer there (removed while reading?)"
        return "dangling symbolic link"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def _walk(
    root: Path,
    exts: tuple[str, ...],
    skipped: list[Skipped],
    seen: set[tuple[int, int]],
    seen_files: set[tuple[int, int]],
) -> Iterator[Path]:
    """Files under `root`, entries in name order, depth first, without recursion (deep trees are fine).

    Folders are followed through symbolic links: a link back to an ancestor is a loop (skipped,
    with a reason); a second way into a folder already read is passed over silently.
    """
    found: list[Path] = []
    # One frame per open folder: its remaining entries and the (dev, ino) keys down to it.
    stack: list[tuple[Iterator[os.DirEntry[str]], frozenset[tuple[int, int]]]] = []

    def enter(folder: Path, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            st = folder.stat()
        except OSError as exc:
            skipped.append(Skipped(str(folder), _os_reason(exc)))
            return
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            skipped.append(Skipped(str(folder), "symbolic link loop"))
            return
        if key in seen:
            return
        seen.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(str(folder), _os_reason(exc)))
            return
        stack.append((iter(entries), ancestors | {key}))

    enter(root, frozenset())
    while stack:
        entries, ancestors = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        p = Path(entry.path)
        try:
            est = entry.stat()
        except OSError as exc:
            if p.suffix.lower() in exts or entry.is_symlink():
                skipped.append(Skipped(str(p), _os_reason(exc)))
            continue
        if stat.S_ISDIR(est.st_mode):
            enter(p, ancestors)
        elif p.suffix.lower() in exts:
            if stat.S_ISREG(est.st_mode):
                _add_once(found, seen_files, p, est)
            else:
                skipped.append(Skipped(str(p), "not a regular file"))
    yield from found


def read_file_bytes(path: Path) -> bytes:
    """The bytes of a regular file, refusing FIFOs/devices (which would block) and huge files."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(_os_reason(exc, path)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            raise InputError(_too_large(st.st_size))
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_FILE_BYTES:  # a file that grows while we read it
                raise InputError(_too_large(total))
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(_os_reason(exc, path)) from None
    finally:
        os.close(fd)


def _too_large(size: int) -> str:
    return f"too large ({size // (1024 * 1024)} MB > {MAX_FILE_BYTES // (1024 * 1024)} MB)"


def is_empty_reason(reason: str) -> bool:
    """True for a skip that means "nothing to read" (exit 1), not "cannot read" (exit 2)."""
    return reason.startswith(EMPTY_REASON)


def read_text(path: Path) -> tuple[str, str, tuple[str, ...]]:
    """Decoded text, encoding name and warnings for any supported format."""
    data = read_file_bytes(path)
    try:
        extracted = extract_text(path, data)
    except (MissingExtraError, BinaryInputError) as exc:
        raise InputError(str(exc)) from None
    except Exception as exc:  # a parser library's bug must cost one file, not the run
        why = " ".join(str(exc).split())[:120]
        raise InputError(f"text could not be extracted ({type(exc).__name__}: {why})") from None
    if extracted is not None:
        text, fmt, _ = extracted
        if not text.strip():
            raise EmptyInputError(f"{EMPTY_REASON}: no text in this {fmt.upper()} file")
        return extracted
    if not data:
        raise EmptyInputError(EMPTY_REASON)
    try:
        decoded = decode_bytes(data)
    except BinaryInputError as exc:
        raise InputError(str(exc)) from None
    if not decoded.text.strip():
        raise EmptyInputError(f"{EMPTY_REASON}: only white space")
    return decoded.text, decoded.encoding, decoded.warnings


def load_report(
    path: str | os.PathLike[str], config: Config | None = None, display_path: str | None = None
) -> Report:
    """Read and parse one file; raise InputError when it is not a readable report."""
    config = config or default_config()
    text, encoding, warnings = read_text(Path(path))
    try:
        return parse_text(text, display_path or str(path), config, encoding=encoding, warnings=warnings)
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
    config: Config | None = None,
    *,
    encoding: str = "utf-8",
    warnings: tuple[str, ...] = (),
) -> Report:
    """Parse decoded text into a Report; offsets refer to `text` itself."""
    config = config or default_config()
    view = nfc_view(text)
    norm = view.text
    lines = split_lines(norm)
    rules = compile_rules(config.furniture_lines, config.tail_markers)
    marks = classify_lines(lines, rules)
    outline = build_outline(norm, lines, marks)
    furniture_nfc = [(lines[i].start, lines[i].end, why) for i, why in sorted(marks.items())]
    line_spans = [(ln.start, ln.end) for ln in lines]
    fig_rules = figure_rules(config)
    big = _is_big(norm, line_spans)
    # Decided once for the document, stored on the Report, read by display and exports.
    convention = fig_rules.convention
    if convention == "auto":
        body = outline.body
        sample = (body[0], min(body[1], body[0] + CONVENTION_SAMPLE)) if big else body
        convention = detect_convention(norm, sample)
    language = detect_language(norm, outline.body)

    raw_figures = list(
        _figures_in_pieces(
            norm,
            outline.body,
            [(s, e) for s, e, _ in furniture_nfc],
            fig_rules,
            outline.title_span,
            line_spans,
            big,
            convention,
            language,
        )
    )
    own_period = report_period(norm, outline.title_span, outline.body, outline.date)
    periods = figure_periods(norm, [(f.start + shift, f.end + shift) for shift, f in raw_figures], own_period)
    src, src_end = view.source, view.source_end
    spans = [(src(s.start), src_end(s.end)) for s in outline.sections]
    ordered = all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    starts = [a for a, _ in spans] if ordered else None
    numbers = [s.number for s in outline.sections]
    figures: list[Figure] = []
    owners: list[int | None] = []  # the section index of each figure
    for (shift, f), period in zip(raw_figures, periods, strict=True):
        if len(figures) >= MAX_FIGURES:
            warnings = (*warnings, f"more than {MAX_FIGURES} figures: only the first {MAX_FIGURES} are kept")
            break
        start, end = src(f.start + shift), src_end(f.end + shift)
        idx = _section_at(spans, starts, start)
        owners.append(idx)
        # The one place a raw figure becomes a model Figure (source offsets, text, section).
        figures.append(
            Figure(
                start=start,
                end=end,
                text=text[start:end],
                value=f.value,
                kind=f.kind,  # type: ignore[arg-type]
                unit=f.unit,
                total=f.total,
                qualifier=f.qualifier,  # type: ignore[arg-type]
                change=f.change,  # type: ignore[arg-type]
                base=f.base,
                label=f.label,
                section_index=idx,
                section_number=numbers[idx] if idx is not None else None,
                upper=f.upper,
                period=f.period or period,
                place=f.place,
                table=f.table,
            )
        )
    ranges = figure_ranges(owners, len(spans))
    if sum(b - a for a, b in ranges) != sum(o is not None for o in owners):
        # Sections out of text order (never seen in the corpora): one run per section, kept so.
        order = sorted(range(len(figures)), key=lambda k: (owners[k] is None, owners[k] or 0, k))
        figures = [figures[k] for k in order]
        ranges = figure_ranges([owners[k] for k in order], len(spans))
    sections = tuple(
        Section(i, s.number, s.title, a, b, src(s.body_start), *ranges[i])
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
        period=own_period,
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
) -> Iterator[tuple[int, Figure]]:
    """(offset shift, figure) for every figure, in text order; the whole text at once unless big.

    One convention and language for the whole document (the parse's), not one per piece."""
    facts = {"convention": convention, "language": language}
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
    paths: Iterable[str | os.PathLike[str]], config: Config | None = None
) -> tuple[list[Report], list[Skipped]]:
    """Every report under PATHs, in order, with the files skipped and why."""
    config = config or default_config()
    files, skipped = discover(paths, config.extensions)
    reports = []
    for f in files:
        try:
            reports.append(load_report(f, config))
        except InputError as exc:
            skipped.append(Skipped(str(f), str(exc)))
    return reports, skipped
