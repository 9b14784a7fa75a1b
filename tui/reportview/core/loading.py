"""Loading: PATHs to files, files to decoded text, text to a parsed Report.

The pipeline runs one way: file -> decoded text -> furniture spans -> sections -> figures.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reportview.config import Config, default_config
from reportview.core.decoding import BinaryInputError, decode_bytes, nfc_view
from reportview.core.figures import extract_figures, figure_rules
from reportview.core.formats import MissingExtraError, extract_text
from reportview.core.furniture import classify_lines, compile_rules
from reportview.core.lines import split_lines
from reportview.core.model import Figure, Report, Section, Span
from reportview.core.outline import build_outline

# Files above this size are refused: reports are text, and this keeps memory bounded.
MAX_FILE_BYTES = 64 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as a report; str() is one line for stderr."""


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


def discover(paths: Iterable[str | os.PathLike[str]], extensions: Iterable[str]) -> tuple[list[Path], list[Skipped]]:
    """Files named by PATHs (folders read recursively, sorted), and what was skipped with why.

    A PATH that does not exist raises FileNotFoundError (bad usage); inside folders, FIFOs,
    devices, dangling links and link loops are skipped without being opened.
    """
    exts = tuple(e.lower() for e in extensions)
    files: list[Path] = []
    skipped: list[Skipped] = []
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
            files.extend(_walk(path, exts, skipped))
        elif stat.S_ISREG(st.st_mode):
            files.append(path)
        else:
            skipped.append(Skipped(str(path), "not a regular file"))
    return files, skipped


def _os_reason(exc: OSError) -> str:
    if exc.errno == 40:  # ELOOP
        return "symbolic link loop"
    if exc.errno == 2:
        return "dangling symbolic link"
    return exc.strerror or str(exc)


def _walk(root: Path, exts: tuple[str, ...], skipped: list[Skipped]) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []

    def visit(folder: Path) -> None:
        try:
            st = folder.stat()
        except OSError as exc:
            skipped.append(Skipped(str(folder), _os_reason(exc)))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            skipped.append(Skipped(str(folder), "symbolic link loop"))
            return
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(str(folder), _os_reason(exc)))
            return
        for entry in entries:
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
                visit(p)
            elif p.suffix.lower() in exts:
                if stat.S_ISREG(est.st_mode):
                    found.append(p)
                else:
                    skipped.append(Skipped(str(p), "not a regular file"))

    visit(root)
    yield from found


def read_file_bytes(path: Path) -> bytes:
    """The bytes of a regular file, refusing FIFOs/devices (which would block) and huge files."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(_os_reason(exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            raise InputError(f"too large ({st.st_size // (1024 * 1024)} MB > {MAX_FILE_BYTES // (1024 * 1024)} MB)")
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(_os_reason(exc)) from None
    finally:
        os.close(fd)


def read_text(path: Path) -> tuple[str, str, tuple[str, ...]]:
    """Decoded text, encoding name and warnings for any supported format."""
    data = read_file_bytes(path)
    try:
        extracted = extract_text(path, data)
    except MissingExtraError as exc:
        raise InputError(str(exc)) from None
    if extracted is not None:
        return extracted
    if not data:
        return "", "utf-8", ("empty file",)
    try:
        decoded = decode_bytes(data)
    except BinaryInputError as exc:
        raise InputError(str(exc)) from None
    return decoded.text, decoded.encoding, decoded.warnings


def load_report(path: str | os.PathLike[str], config: Config | None = None, display_path: str | None = None) -> Report:
    """Read and parse one file; raise InputError when it is not a readable report."""
    config = config or default_config()
    text, encoding, warnings = read_text(Path(path))
    return parse_text(text, display_path or str(path), config, encoding=encoding, warnings=warnings)


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

    raw_figures = extract_figures(
        norm,
        outline.body,
        [(s, e) for s, e, _ in furniture_nfc],
        figure_rules(config),
        title_span=outline.title_span,
    )
    src = view.source
    sections = tuple(
        Section(i, s.number, s.title, src(s.start), src(s.end), src(s.body_start))
        for i, s in enumerate(outline.sections)
    )
    figures = []
    for f in raw_figures:
        start, end = src(f.start), src(f.end)
        idx = _section_at(sections, start)
        figures.append(
            Figure(
                start=start,
                end=end,
                text=text[start:end],
                value=f.value,
                kind=f.kind,
                unit=f.unit,
                total=f.total,
                qualifier=f.qualifier,
                change=f.change,
                base=f.base,
                label=f.label,
                section_index=idx,
                section_number=sections[idx].number if idx is not None else None,
            )
        )
    return Report(
        path=path,
        text=text,
        encoding=encoding,
        title=outline.title,
        date=outline.date,
        sections=sections,
        figures=tuple(figures),
        furniture=tuple(Span(src(s), src(e), why) for s, e, why in furniture_nfc),
        warnings=warnings,
        body=(src(outline.body[0]), src(outline.body[1])),
        title_span=(src(outline.title_span[0]), src(outline.title_span[1])) if outline.title_span else None,
    )


def _section_at(sections: tuple[Section, ...], offset: int) -> int | None:
    for s in sections:
        if s.start <= offset < s.end:
            return s.index
    return None


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
