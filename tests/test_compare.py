"""Compare: the indicator registry, the headline rules, the pivot, and the provinces gold as floors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, shared_path

from reportview.core.compare import COMPARE_JSON_KEYS, compare, period_sort_key, pivot
from reportview.core.compare_table import cell_text, pivot_grid, scale_for, sparkline
from reportview.core.indicators import (
    IndicatorError,
    builtin_indicators,
    free_text_indicator,
    indicators_from_mapping,
    registry,
    resolve,
)
from reportview.core.loading import parse_text

NINE = (
    "grdp_growth_pct", "grdp_total_vnd", "grdp_per_capita", "budget_revenue_vnd", "retail_sales_vnd",
    "export_value_usd", "investment_total_vnd", "poverty_rate_pct", "iip_growth_pct",
)  # fmt: skip


def _rows(text: str, *ids: str, path: str = "bao-cao-gia-lai-2022.txt"):
    reg = registry()
    return {r.indicator: r for r in compare([parse_text(text, path)], [reg[i] for i in ids])}


def test_the_nine_indicators_of_the_corpus_are_built_in() -> None:
    assert set(NINE) <= set(builtin_indicators())
    for ind in builtin_indicators().values():
        assert ind.names and ind.kind and ind.units, ind.id


def test_bad_definitions_are_refused_with_the_reason() -> None:
    with pytest.raises(IndicatorError, match="needs a list of names"):
        indicators_from_mapping({"x": {"kind": "money"}})
    with pytest.raises(IndicatorError, match="kind must be one of"):
        indicators_from_mapping({"x": {"names": ["a"], "kind": "cash"}})
    with pytest.raises(IndicatorError, match="unknown key 'nmes'"):
        indicators_from_mapping({"x": {"nmes": ["a"]}})


def test_ids_resolve_and_other_text_is_a_free_text_indicator() -> None:
    found = resolve("grdp_growth_pct, sản lượng lương thực", registry())
    assert [i.id for i in found] == ["grdp_growth_pct", "sản lượng lương thực"]
    assert found[1].free_text and found[1].kind is None
    with pytest.raises(IndicatorError):
        free_text_indicator("   ")


def test_every_figure_of_a_sentence_list_measures_its_subject() -> None:
    text = (
        "Kinh tế tỉnh Gia Lai năm 2022\n\n"
        "Năm 2022, tổng sản phẩm trên địa bàn (GRDP) ước đạt 134.810 tỷ đồng, âm 6,18% so với cùng kỳ. "
        "Thu ngân sách nhà nước ước đạt 30.372 tỷ đồng, đạt 99,4% dự toán.\n"
    )
    rows = _rows(text, "grdp_total_vnd", "grdp_growth_pct", "budget_revenue_vnd")
    assert rows["grdp_total_vnd"].value == 134810e9 and rows["grdp_total_vnd"].is_estimate
    assert rows["grdp_growth_pct"].value == -6.18  # "âm" makes growth negative
    assert rows["budget_revenue_vnd"].value == 30372e9
    assert rows["grdp_growth_pct"].place_key == "gia-lai" and rows["grdp_growth_pct"].period == "2022"


def test_targets_sub_sectors_other_places_and_the_base_side_are_not_headlines() -> None:
    text = (
        "Kinh tế tỉnh Gia Lai năm 2022\n\n"
        "Năm 2022, kế hoạch tăng trưởng GRDP 8%. Tốc độ tăng trưởng GRDP ước đạt 6,5%; trong đó khu vực "
        "công nghiệp tăng 9,1%. Mức tăng trưởng của cả nước là 8,02%. "
        "Tổng mức bán lẻ hàng hóa đạt 30.000 tỷ đồng (cùng kỳ đạt khoảng 25.080 tỷ đồng).\n"
    )
    rows = _rows(text, "grdp_growth_pct", "retail_sales_vnd")
    assert rows["grdp_growth_pct"].text == "6,5%"
    assert rows["grdp_growth_pct"].candidates == 1
    assert rows["retail_sales_vnd"].text == "30.000 tỷ đồng" and rows["retail_sales_vnd"].candidates == 1


def test_a_running_total_clause_goes_on_with_the_subject_before_it() -> None:
    text = (
        "Tình hình kinh tế 9 tháng năm 2023 của tỉnh Bình Định\n\n"
        "- Chỉ số sản xuất công nghiệp tăng 2,68% so với tháng trước; luỹ kế 9 tháng năm 2023 so cùng kỳ tăng 1,51%;\n"
    )
    row = _rows(text, "iip_growth_pct", path="x.txt")["iip_growth_pct"]
    assert row.candidates == 2  # the base-side rule does not rule out "so cùng kỳ tăng 1,51%"


def test_a_report_that_does_not_name_its_place_takes_it_from_the_file_name() -> None:
    text = "Năm 2021, GRDP của tỉnh ước đạt trên 53.500 tỷ đồng, tăng 6% so với năm 2020.\n"
    row = _rows(text, "grdp_growth_pct", path="reports/quang-ngai-2021.txt")["grdp_growth_pct"]
    assert (row.place_key, row.period, row.value) == ("quang-ngai", "2021", 6.0)


def test_pivot_lays_out_place_by_period_and_keeps_disagreement() -> None:
    texts = {
        "a.txt": "Tỉnh Nghệ An năm 2021\n\nTốc độ tăng trưởng GRDP tỉnh Nghệ An năm 2021 đạt 6,2%.\n",
        "b.txt": "Tỉnh Nghệ An năm 2021\n\nTốc độ tăng trưởng GRDP tỉnh Nghệ An năm 2021 ước đạt 6,3%.\n",
        "c.txt": "Tỉnh Gia Lai năm 2022\n\nTốc độ tăng trưởng GRDP tỉnh Gia Lai năm 2022 đạt 9,27%.\n",
    }
    reports = [parse_text(t, p) for p, t in texts.items()]
    rows = compare(reports, [registry()["grdp_growth_pct"]])
    p = pivot(rows, "grdp_growth_pct")
    assert p.places == ("gia-lai", "nghe-an") and p.periods == ("2021", "2022")
    assert [r.doc for r in p.cell("nghe-an", "2021")] == ["a.txt", "b.txt"]
    assert p.disagrees(p.cell("nghe-an", "2021"))
    header, body = pivot_grid(p)
    assert header == ["place", "2021", "2022", "trend"]
    assert body[1][1] == "6,2% | 6,3%*" and body[0][2] == "9,27%"


def test_cells_read_in_one_scale_and_periods_sort_in_time() -> None:
    assert scale_for("VND", [3e13, 5e13]).suffix == " tỷ đồng"
    assert scale_for("USD", [6.8e8]).suffix == " triệu USD"
    assert scale_for("VND/người", [6e7]).suffix == " triệu đồng/người"
    assert sorted(["2023", "2023-H1", "2022", "2023-Q1", "2023-9M"], key=period_sort_key) == [
        "2022", "2023-Q1", "2023-H1", "2023-9M", "2023",
    ]  # fmt: skip
    assert cell_text([], {}, "vi") == ""
    assert sparkline([1.0, None, 3.0, 2.0]) == "▁ █▅"


def _gold() -> list[dict]:
    path = shared_path("gold", "provinces", "indicators.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def provinces_rows():
    from reportview.config import default_config
    from reportview.core.corpus import load_corpus

    folder = shared_path("corpus", "provinces")
    files = sorted(str(p) for p in folder.glob("p*.txt"))
    reports = load_corpus(files, default_config(), use_cache=False).reports
    return compare(reports, [builtin_indicators()[i] for i in NINE])


def test_provinces_gold_floors(provinces_rows) -> None:
    """Precision >= 0.97 and recall >= 0.94 of (doc, indicator) rows with the right value; on
    matched rows place_key 100% and period >= 95% (issue 15's floors were 0.95 and 0.90; measured
    since the month and comparison-place rules: 0.978 and 0.948)."""
    gold = {(g["doc"], g["indicator"]): g for g in _gold()}
    pred = {(Path(r.doc).name, r.indicator): r for r in provinces_rows}

    def right(key) -> bool:
        g, r = gold.get(key), pred[key]
        return (
            g is not None
            and r.value is not None
            and abs(r.value - g["value"]) <= 1e-6 * max(1, abs(g["value"]))
        )

    tp = [k for k in pred if right(k)]
    precision, recall = len(tp) / len(pred), len(tp) / len(gold)
    matched = [k for k in pred if k in gold]
    place = sum(pred[k].place_key == gold[k]["place_key"] for k in matched) / len(matched)
    period = sum(pred[k].period == gold[k]["period"] for k in matched) / len(matched)
    print(f"compare: P={precision:.3f} R={recall:.3f} place_key={place:.3f} period={period:.3f}")
    assert precision >= 0.97 and recall >= 0.94, (precision, recall)
    assert place == 1.0 and period >= 0.95, (place, period)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reportview", "compare", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip


def test_cli_long_form_pivot_and_exports(tmp_path: Path) -> None:
    folder = shared_path("corpus", "provinces")
    run = _cli("grdp_growth_pct,budget_revenue_vnd", str(folder), "--format", "jsonl", "--no-cache")
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert rows and all(tuple(r) == COMPARE_JSON_KEYS for r in rows)
    assert {r["indicator"] for r in rows} == {"grdp_growth_pct", "budget_revenue_vnd"}
    table = _cli("grdp_growth_pct", str(folder), "--pivot", "--format", "table")
    assert table.returncode == 0 and "GRDP growth" in table.stdout and "bac-ninh" not in table.stdout
    assert "Bắc Ninh" in table.stdout and "-6,18%*" in table.stdout
    md = _cli("grdp_growth_pct", str(folder), "--pivot", "--format", "md").stdout
    assert md.splitlines()[2].startswith("| place |") and "|---|" in md
    out = tmp_path / "g.csv"
    assert _cli("grdp_growth_pct", str(folder), "--format", "csv", "-o", str(out)).returncode == 0
    header = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(header) == COMPARE_JSON_KEYS
    xlsx = tmp_path / "g.xlsx"
    assert (
        _cli("grdp_growth_pct", str(folder), "--pivot", "--format", "xlsx", "-o", str(xlsx)).returncode == 0
    )
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx)["grdp_growth_pct"]
    assert sheet["A1"].value == "place" and sheet.freeze_panes == "A2"
    unknown = _cli("kind:nothing here", str(folder), "--format", "jsonl")
    assert unknown.returncode == 1 and "no report states" in unknown.stderr


def test_config_adds_an_indicator_and_refuses_a_bad_one_at_its_line(tmp_path: Path) -> None:
    from reportview.config import ConfigError, load_config

    good = tmp_path / "good.yaml"
    good.write_text(
        "compare:\n  indicators:\n    rice_tonnes:\n      title: Rice\n      kind: measure\n"
        "      units: [tấn]\n      names: [sản lượng lúa]\n",
        encoding="utf-8",
    )
    extra = dict(load_config(str(good)).compare.indicators)
    assert extra["rice_tonnes"].units == ("tấn",)
    text = "Huyện Xuyên Mộc năm 2022\n\nSản lượng lúa đạt 12.500 tấn, tăng 3%.\n"
    rows = compare([parse_text(text, "x.txt")], [registry(extra)["rice_tonnes"]])
    assert [r.value for r in rows] == [12500.0]
    bad = tmp_path / "bad.yaml"
    bad.write_text("compare:\n  indicators:\n    x:\n      kind: cash\n      names: [a]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.yaml:4.*kind must be one of"):
        load_config(str(bad))
