"""Export figures: rows for tables and clipboards, and files in csv/json/jsonl/md/xlsx/sqlite."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reportview.core.model import Figure, Report
from reportview.core.numbers import format_number
from reportview.core.textsafe import json_safe

EXPORT_COLUMNS = (
    "report",
    "section",
    "label",
    "text",
    "value",
    "kind",
    "unit",
    "total",
    "qualifier",
    "change",
    "base",
    "start",
    "end",
)
CLIP_COLUMNS = ("label", "text", "unit", "report", "section")


class ExportError(Exception):
    """An export that cannot be written; str() is one line for the user."""


def section_name(report: Report, figure: Figure) -> str:
    if figure.section_index is None:
        return ""
    s = report.sections[figure.section_index]
    return f"{s.number}. {s.title}" if s.number is not None else s.title


def value_text(value: float) -> str:
    """A normalised value written plainly: 39399400000000 / 93.18 (no exponent, no trailing .0)."""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.10f}".rstrip("0").rstrip(".")


def display_value(figure: Figure, convention: str) -> str:
    """The normalised value for people: grouped digits in the report's convention (Report.convention)."""
    decimals = None if figure.value != int(figure.value) else 0
    return format_number(figure.value, "vi" if convention == "vi" else "en", decimals)


def figure_row(report: Report, figure: Figure) -> dict[str, object]:
    return {
        "report": report.path,
        "section": section_name(report, figure),
        "label": figure.label or "",
        "text": figure.text,
        "value": figure.value,
        "kind": figure.kind,
        "unit": figure.unit,
        "total": figure.total,
        "qualifier": figure.qualifier or "",
        "change": figure.change or "",
        "base": figure.base or "",
        "start": figure.start,
        "end": figure.end,
    }


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return value_text(v)
    return " ".join(str(v).split())


def tsv(rows: Iterable[Sequence[object]]) -> str:
    """Tab-separated lines; tabs and newlines inside cells become spaces."""
    return "\n".join("\t".join(_cell(v) for v in row) for row in rows) + "\n"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    def esc(v: object) -> str:
        return _cell(v).replace("|", "\\|")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(esc(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def clip_row(report: Report, figure: Figure) -> list[object]:
    """label, value as written, unit, report, section: the row `Y` copies."""
    return [figure.label or "", figure.text, figure.unit, report.name, section_name(report, figure)]


def rows_for(
    reports: Iterable[Report], figures_of: Callable[[Report], Iterable[Figure]] | None = None
) -> list[dict[str, object]]:
    out = []
    for report in reports:
        figs = figures_of(report) if figures_of else report.figures
        out.extend(figure_row(report, f) for f in figs)
    return out


def render_csv(rows: Sequence[dict[str, object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow(
            [_cell(row[c]) if c != "value" else value_text(float(row[c])) for c in EXPORT_COLUMNS]
        )  # type: ignore[arg-type]
    return buf.getvalue()


def render_json(rows: Sequence[dict[str, object]]) -> str:
    return json_safe(json.dumps(list(rows), ensure_ascii=False, indent=1)) + "\n"


def render_jsonl(rows: Sequence[dict[str, object]]) -> str:
    return "".join(json_safe(json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)


def render_markdown(rows: Sequence[dict[str, object]]) -> str:
    cols = ("report", "section", "label", "text", "value", "unit", "qualifier", "change")
    return markdown_table(cols, ([r[c] for c in cols] for r in rows))


TEXT_FORMATS: dict[str, tuple[Callable[[Sequence[dict[str, object]]], str], str]] = {
    ".csv": (render_csv, "utf-8-sig"),  # the BOM makes Excel read UTF-8
    ".json": (render_json, "utf-8"),
    ".jsonl": (render_jsonl, "utf-8"),
    ".md": (render_markdown, "utf-8"),
}
FORMATS = (*TEXT_FORMATS, ".xlsx", ".sqlite")


def check_output(path: Path, force: bool, protected: Iterable[Path] = ()) -> None:
    """Refuse unknown formats, overwriting without force, and writing into a corpus folder."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(
            f"{path}: unknown export format {suffix or '(none)'}; use one of {' '.join(FORMATS)}"
        )
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; name a file")
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
    path: Path,
    reports: Sequence[Report],
    rows: Sequence[dict[str, object]],
    force: bool = False,
    protected: Iterable[Path] = (),
) -> int:
    """Write `rows` (figure rows of `reports`) to `path` by its extension; returns rows written."""
    check_output(path, force, protected)
    suffix = path.suffix.lower()
    if suffix in TEXT_FORMATS:
        render, encoding = TEXT_FORMATS[suffix]
        data = render(rows)

        def write(tmp: str) -> None:
            # surrogateescape: a non-UTF-8 file name goes out as the bytes it was
            with open(tmp, "w", encoding=encoding, errors="surrogateescape", newline="") as fh:
                fh.write(data)

    elif suffix == ".xlsx":
        write = _xlsx_writer(rows)
    else:
        from reportview.core.store import write_sqlite

        def write(tmp: str) -> None:
            write_sqlite(tmp, reports)

    atomic_write(path, write, force=force)
    return len(rows)


def _xlsx_writer(rows: Sequence[dict[str, object]]) -> Callable[[str], None]:
    try:
        from openpyxl import Workbook
    except ImportError:
        raise ExportError("xlsx export needs the xlsx extra: pip install 'reportview[xlsx]'") from None

    def write(tmp: str) -> None:
        wb = Workbook()
        ws = wb.active
        ws.title = "figures"
        ws.append(list(EXPORT_COLUMNS))
        for row in rows:
            ws.append(
                [row[c] if c in ("value", "total", "start", "end") else _cell(row[c]) for c in EXPORT_COLUMNS]
            )
        wb.save(tmp)

    return write
