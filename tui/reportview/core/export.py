"""Export figures: a selection written as csv/json/jsonl/md/xlsx/sqlite, and rows for clipboards.

Every format reads one `Selection` and the column registry (`core.columns`)."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportview.core.columns import COLUMN_NAMES, COLUMNS, cell_text, record, texts, value_text, values
from reportview.core.model import Figure, Report, Section
from reportview.core.numbers import format_number
from reportview.core.textsafe import json_lines, json_safe, printable


class ExportError(Exception):
    """An export that cannot be written; str() is one line for the user."""


@dataclass(frozen=True, slots=True)
class Part:
    """One report's share of a selection: the sections and figures chosen from it."""

    report: Report
    sections: tuple[Section, ...]
    figures: tuple[Figure, ...]


@dataclass(frozen=True, slots=True)
class Selection:
    """What an export or a copy writes: every format reads this one list, nothing else."""

    parts: tuple[Part, ...]

    @classmethod
    def of_reports(cls, reports: Iterable[Report], section_number: int | None = None) -> Selection:
        """Whole reports, or (with `section_number`) each report's sections of that number."""
        parts = []
        for report in reports:
            if section_number is None:
                parts.append(Part(report, report.sections, report.figures))
                continue
            sections = tuple(s for s in report.sections if s.number == section_number)
            if sections:
                figures = tuple(f for s in sections for f in report.figures_in(s.index))
                parts.append(Part(report, sections, figures))
        return cls(tuple(parts))

    @classmethod
    def of_section(cls, report: Report, section: Section) -> Selection:
        return cls((Part(report, (section,), report.figures_in(section.index)),))

    @property
    def n_figures(self) -> int:
        return sum(len(p.figures) for p in self.parts)

    def pairs(self) -> Iterator[tuple[Report, Figure]]:
        for part in self.parts:
            for figure in part.figures:
                yield part.report, figure


def display_value(figure: Figure, convention: str) -> str:
    """The normalised value for people: grouped digits in the report's convention (Report.convention)."""
    decimals = None if figure.value != int(figure.value) else 0
    return format_number(figure.value, "vi" if convention == "vi" else "en", decimals)


def tsv(rows: Iterable[Sequence[object]]) -> str:
    """Tab-separated lines; tabs and newlines inside cells become spaces."""
    return "\n".join("\t".join(cell_text(v) for v in row) for row in rows) + "\n"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    def esc(v: object) -> str:
        return cell_text(v).replace("|", "\\|")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(esc(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def clip_rows(selection: Selection) -> list[list[object]]:
    """The rows `Y`, `c` and `C` copy: every column, a value per column."""
    return [values(r, f) for r, f in selection.pairs()]


def render_csv(selection: Selection) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    writer.writerows(texts(r, f) for r, f in selection.pairs())
    return buf.getvalue()


def render_json(selection: Selection) -> str:
    rows = [record(r, f) for r, f in selection.pairs()]
    return json_safe(json.dumps(rows, ensure_ascii=False, indent=1)) + "\n"


def render_jsonl(selection: Selection) -> str:
    return "".join(json_lines(record(r, f) for r, f in selection.pairs()))


def render_markdown(selection: Selection) -> str:
    return markdown_table(COLUMN_NAMES, clip_rows(selection))


TEXT_FORMATS: dict[str, tuple[Callable[[Selection], str], str]] = {
    ".csv": (render_csv, "utf-8-sig"),  # the BOM makes Excel read UTF-8
    ".json": (render_json, "utf-8"),
    ".jsonl": (render_jsonl, "utf-8"),
    ".md": (render_markdown, "utf-8"),
}
FORMATS = (*TEXT_FORMATS, ".xlsx", ".sqlite")


def check_output(path: Path | str, force: bool, protected: Iterable[Path] = ()) -> None:
    """Refuse folders, unknown formats, overwriting without force, and writing into a corpus folder."""
    raw, path = str(path), Path(path)
    if path.is_dir() or raw.endswith(("/", os.sep)):
        raise ExportError(f"{path}: is a folder; name a file in it, e.g. {path / 'figures.csv'}")
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(
            f"{path}: unknown export format {suffix or '(none)'}; use one of {' '.join(FORMATS)}"
        )
    if os.path.lexists(path) and not force:
        raise ExportError(f"{path}: exists; use --force to overwrite")
    target = path.resolve().parent
    for folder in protected:
        folder = folder.resolve()
        if folder.is_dir() and (target == folder or folder in target.parents):
            raise ExportError(f"{path}: refusing to write into the corpus folder {folder}")
    if not target.is_dir():
        raise ExportError(f"{path}: folder {target} does not exist")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: Path, write: Callable[[str], None], force: bool = True) -> None:
    """Write through a temp file in the same folder, then move it into place in one step.

    Readers see the old file or the whole new one, never a part. Without `force` the move is a
    hard link, which fails if the name appeared meanwhile, so nothing is ever overwritten.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.resolve().parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it 0600; give it a normal file's mode
        if force:
            os.replace(tmp, path)
            return
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise ExportError(f"{path}: exists; use --force to overwrite") from None
        except OSError:
            # No hard links here (some network and FAT file systems): check, then rename.
            if os.path.lexists(path):
                raise ExportError(f"{path}: exists; use --force to overwrite") from None
            os.replace(tmp, path)
            return
        os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_export(
    path: Path, selection: Selection, force: bool = False, protected: Iterable[Path] = ()
) -> int:
    """Write the selection's figures to `path`, format by extension; returns the figures written."""
    check_output(path, force, protected)
    suffix = path.suffix.lower()
    write: Callable[[str], None]
    if suffix in TEXT_FORMATS:
        render, encoding = TEXT_FORMATS[suffix]
        data = render(selection)

        def write(tmp: str) -> None:
            # surrogateescape: a non-UTF-8 file name goes out as the bytes it was
            with open(tmp, "w", encoding=encoding, errors="surrogateescape", newline="") as fh:
                fh.write(data)

    elif suffix == ".xlsx":
        write = _xlsx_writer(selection)
    else:
        from reportview.core.sql_export import write_sqlite

        def write(tmp: str) -> None:
            write_sqlite(tmp, selection)

    atomic_write(path, write, force=force)
    return selection.n_figures


# Excel's own grouping (shown in the reader's locale); integers without a decimal mark.
XLSX_INTEGER = "#,##0"
XLSX_DECIMAL = "#,##0.0#########"


def _xlsx_cell(ws: Any, value: object, bold: Any = None, number_format: str | None = None) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    if bold is not None:
        cell.font = bold
    if number_format is not None:
        cell.number_format = number_format
    return cell


def _xlsx_writer(selection: Selection) -> Callable[[str], None]:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise ExportError("xlsx export needs the xlsx extra: pip install 'reportview[xlsx]'") from None

    def write(tmp: str) -> None:
        rows: list[list[object]] = []
        widths = [len(name) for name in COLUMN_NAMES]
        for report, figure in selection.pairs():
            row: list[object] = []
            for i, column in enumerate(COLUMNS):
                value = column.get(report, figure)
                # Numbers stay numbers (a spreadsheet sums them); text is one line, its control
                # characters (which a worksheet cannot hold) and undecodable file-name bytes
                # shown as symbols, as in every text output.
                cell = value if column.numeric or value is None else printable(cell_text(value))
                row.append(cell)
                shown = len(value_text(value) if isinstance(value, float) else str(cell or ""))
                widths[i] = max(widths[i], min(shown, column.width))
            rows.append(row)
        # Write-only: rows stream to the file (3x faster than the in-memory sheet, a third of the
        # memory); widths, the frozen header and the filter are set before the first row.
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("figures")
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width + 2
        ws.freeze_panes = "A2"  # the header stays when scrolling
        last = f"{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
        ws.auto_filter.ref = f"A1:{last}"
        bold = Font(bold=True)
        ws.append([_xlsx_cell(ws, name, bold=bold) for name in COLUMN_NAMES])
        for row in rows:
            ws.append(
                [
                    _xlsx_cell(ws, v, number_format=XLSX_INTEGER if v == int(v) else XLSX_DECIMAL)
                    if isinstance(v, float)
                    else v
                    for v in row
                ]
            )
        wb.save(tmp)

    return write
