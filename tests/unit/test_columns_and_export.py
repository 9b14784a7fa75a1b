"""One column set everywhere: the registry's columns in every export, a section's export is the section's."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from reportview.cli.main import main
from reportview.core.columns import COLUMN_NAMES, COLUMNS, full_title, record
from reportview.core.export import Selection, write_export

SEED_000 = Path(__file__).resolve().parents[2] / "seeds" / "000_30228f7ad0dec25a.txt"
GRDP_VALUE = 39399400000000


@pytest.fixture(scope="module")
def bac_ninh(seed_reports):
    return next(r for r in seed_reports if r.path.endswith(SEED_000.name))


def _section(report, number):
    return next(s for s in report.sections if s.number == number)


def test_every_text_export_and_figures_csv_share_the_registry_header(
    tmp_path: Path, bac_ninh, capsys: pytest.CaptureFixture[str]
) -> None:
    selection = Selection.of_reports([bac_ninh])
    write_export(tmp_path / "f.csv", selection)
    header = next(csv.reader(io.StringIO((tmp_path / "f.csv").read_text(encoding="utf-8-sig"))))
    assert tuple(header) == COLUMN_NAMES
    write_export(tmp_path / "f.md", selection)
    md_header = (tmp_path / "f.md").read_text(encoding="utf-8").splitlines()[0]
    assert md_header == "| " + " | ".join(COLUMN_NAMES) + " |"
    assert main(["figures", str(SEED_000), "--format", "csv", "--no-cache"]) == 0
    cli_rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert tuple(cli_rows[0]) == COLUMN_NAMES
    assert len(cli_rows) == 1 + len(bac_ninh.figures)
    assert main(["figures", str(SEED_000), "--format", "tsv", "--no-cache"]) == 0
    assert tuple(capsys.readouterr().out.splitlines()[0].split("\t")) == COLUMN_NAMES


def test_json_export_writes_null_where_figures_jsonl_does(
    tmp_path: Path, bac_ninh, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "f.json"
    write_export(out, Selection.of_reports([bac_ninh]))
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert main(["figures", str(SEED_000), "--format", "jsonl", "--no-cache"]) == 0
    jsonl = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(jsonl) == len(bac_ninh.figures)
    shared = [k for k in COLUMN_NAMES if k in jsonl[0]]
    assert {"label", "value", "total", "qualifier", "change", "base", "period"} <= set(shared)
    for row, fig in zip(rows, jsonl, strict=True):
        assert list(row) == list(COLUMN_NAMES)
        assert {k: row[k] for k in shared} == {k: fig[k] for k in shared}
    assert any(r["total"] is None and r["base"] is None for r in rows)
    assert not any(v == "" for r in rows for k, v in r.items() if k not in ("unit",))


def test_rows_name_the_report_by_title_and_sections_without_the_clip_mark(bac_ninh) -> None:
    lead = bac_ninh.sections[0]
    assert lead.number is None and lead.title.endswith("…")  # the outline clips the lead
    assert not full_title(bac_ninh, lead).endswith("…")
    assert full_title(bac_ninh, lead) in bac_ninh.text[lead.start : lead.end]
    assert full_title(bac_ninh, _section(bac_ninh, 6)) == _section(bac_ninh, 6).title  # not clipped
    grdp = next(f for f in bac_ninh.figures if f.value == GRDP_VALUE)
    row = record(bac_ninh, grdp)
    assert row["report"] == bac_ninh.display_title != bac_ninh.name
    assert row["doc"] == bac_ninh.path and row["section"] == 6
    assert row["section_title"] == _section(bac_ninh, 6).title


def test_a_section_only_sqlite_export_writes_that_sections_figures(
    tmp_path: Path, bac_ninh, capsys: pytest.CaptureFixture[str]
) -> None:
    section = _section(bac_ninh, 6)
    expected = bac_ninh.figures_in(section.index)
    assert 0 < len(expected) < len(bac_ninh.figures)
    out = tmp_path / "s6.sqlite"
    n = write_export(out, Selection.of_section(bac_ninh, section))
    assert n == len(expected)
    conn = sqlite3.connect(out)
    try:
        assert conn.execute("select count(*) from figures").fetchone()[0] == len(expected)
        assert conn.execute("select n_figures, n_sections from reports").fetchall() == [(len(expected), 1)]
        assert conn.execute("select number, n_figures from sections").fetchall() == [(6, len(expected))]
        first = bac_ninh.figures.index(expected[0])  # idx: the figure's place in the whole report
        idx = [r[0] for r in conn.execute("select idx from figures order by idx")]
        assert idx == list(range(first, first + len(expected)))
        money = conn.execute(
            "select label, value, unit, text, start, \"end\" from figures where kind = 'money' order by start"
        ).fetchall()
        assert money[0][1:4] == (GRDP_VALUE, "VND", "39.399,4 tỷ đồng")
        assert all(bac_ninh.text[s:e] == text for _l, _v, _u, text, s, e in money)
    finally:
        conn.close()
    # the CLI says the same through --section
    cli_out = tmp_path / "cli.sqlite"
    assert main(["export", str(SEED_000), "--section", "6", "-o", str(cli_out), "--no-cache"]) == 0
    assert f"wrote {len(expected)} figures from 1 report" in capsys.readouterr().err


def test_the_sqlite_export_holds_what_users_query_not_the_caches_internals(
    tmp_path: Path, seed_reports
) -> None:
    out = tmp_path / "all.sqlite"
    write_export(out, Selection.of_reports(seed_reports))
    conn = sqlite3.connect(out)
    try:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        assert tables == {"reports", "sections", "figures"}
        report_cols = {r[1] for r in conn.execute("pragma table_info(reports)")}
        assert not report_cols & {"blob", "blob_crc", "fingerprint", "mtime_ns", "crc32", "size"}
        assert {"doc", "title", "convention", "language", "place", "period"} <= report_cols
        figure_cols = [r[1] for r in conn.execute("pragma table_info(figures)")]
        assert figure_cols[3:] == list(COLUMN_NAMES)
        assert conn.execute("select count(*) from figures").fetchone()[0] == sum(
            len(r.figures) for r in seed_reports
        )
        # the join users write: figures per report title
        per_report = dict(
            conn.execute(
                "select r.doc, count(f.idx) from reports r left join figures f on f.report_id = r.id group by r.id"
            ).fetchall()
        )
        assert per_report == {r.path: len(r.figures) for r in seed_reports}
        types = {r[1]: r[2] for r in conn.execute("pragma table_info(figures)")}
        assert all(types[c.name] == c.sql for c in COLUMNS)
    finally:
        conn.close()


def test_xlsx_has_typed_numbers_widths_a_frozen_header_and_filters(tmp_path: Path, bac_ninh) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (the xlsx extra) is not installed")
    out = tmp_path / "f.xlsx"
    write_export(out, Selection.of_reports([bac_ninh]))
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert tuple(header) == COLUMN_NAMES
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == ws.dimensions
    assert ws.max_row == 1 + len(bac_ninh.figures)
    col = {name: i + 1 for i, name in enumerate(header)}
    values = [ws.cell(row=r, column=col["value"]) for r in range(2, ws.max_row + 1)]
    assert all(c.data_type == "n" and isinstance(c.value, int | float) for c in values)
    grdp = next(c for c in values if c.value == GRDP_VALUE)
    assert grdp.number_format == "#,##0"
    assert any(c.number_format != "#,##0" for c in values if c.value != int(c.value))
    assert ws.cell(row=2, column=col["start"]).data_type == "n"
    assert ws.cell(row=2, column=col["text"]).data_type == "s"
    widths = {
        name: ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width for name, i in col.items()
    }
    assert widths["label"] > widths["kind"] >= len("kind")


def test_unknown_theme_is_refused_and_the_theme_list_is_textuals() -> None:
    from textual.theme import BUILTIN_THEMES

    from reportview.config import THEMES

    assert set(THEMES) == set(BUILTIN_THEMES)


def test_xlsx_takes_control_characters_and_undecodable_file_names(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (the xlsx extra) is not installed")
    from reportview.config import default_config
    from reportview.core.corpus import load_corpus

    text = SEED_000.read_text(encoding="utf-8").replace("Mặc dù chịu ảnh hưởng", "Mặc dù \x08chịu ảnh hưởng")
    name = tmp_path / "b\udce1o-c\u00e1o.txt"  # a byte that is not UTF-8 in the file name
    try:
        name.write_text(text, encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system takes no undecodable file names")
    reports = load_corpus([str(name)], default_config(), use_cache=False).reports
    out = tmp_path / "f.xlsx"
    n = write_export(out, Selection.of_reports(reports))
    ws = openpyxl.load_workbook(out).active
    assert ws.max_row == 1 + n
    cells = [str(c.value) for row in ws.iter_rows(min_row=2) for c in row if c.value is not None]
    assert any("␈" in c for c in cells) and any("\\xe1" in c for c in cells)
