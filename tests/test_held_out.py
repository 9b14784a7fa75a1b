"""Reports that are not the seeds (written for these tests, one Vietnamese, one English), with every
figure checked by hand: the rules, not the seeds, are the target."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportview.config import default_config
from reportview.core.loading import load_report

DATA = Path(__file__).parent / "data"

VI = [
    ("9,33%", 9.33, "percent", "%"),
    ("68.400 tỷ đồng", 6.84e13, "money", "VND"),
    ("79,2 triệu đồng", 7.92e7, "money", "VND"),
    ("7,1 triệu đồng", 7.1e6, "money", "VND"),
    ("15.107 tỷ đồng", 1.5107e13, "money", "VND"),
    ("135,4%", 135.4, "percent", "%"),
    ("2,68 tỷ USD", 2.68e9, "money", "USD"),
    ("25,3%", 25.3, "percent", "%"),
    ("2,1 tỷ USD", 2.1e9, "money", "USD"),
    ("52", 52, "count", "dự án"),
    ("18", 18, "count", "dự án"),
    ("385,7 triệu USD", 3.857e8, "money", "USD"),
    ("1.025", 1025, "count", "doanh nghiệp"),
    ("9.870 tỷ đồng", 9.87e12, "money", "VND"),
    ("17.850", 17850, "count", "lao động"),
    ("105%", 105, "percent", "%"),
    ("75,5%", 75.5, "percent", "%"),
    ("1,28%", 1.28, "percent", "%"),
    ("0,6 điểm phần trăm", 0.6, "measure", "điểm phần trăm"),
    ("100%", 100, "percent", "%"),
    ("92,3%", 92.3, "percent", "%"),
    ("99,89%", 99.89, "percent", "%"),
    ("50/50", 50, "ratio", "đại biểu"),
    ("412", 412, "count", "trường học"),
    ("358/412", 358, "ratio", "trường"),
    ("86,9%", 86.9, "percent", "%"),
    ("83/83", 83, "ratio", "xã"),
    ("29", 29, "count", "xã"),
    ("06", 6, "count", "xã"),
    ("58.300 ha", 58300, "measure", "ha"),
    ("64,2 tạ/ha", 64.2, "measure", "tạ/ha"),
    ("374 nghìn tấn", 374000, "measure", "tấn"),
    ("1.020", 1020, "count", "tân binh"),
    ("98", 98, "count", "vụ"),
    ("63", 63, "count", "người"),
    ("47", 47, "count", "người"),
    ("12", 12, "count", "vụ"),
    ("10,9%", 10.9, "percent", "%"),
    ("8", 8, "count", "người"),
    ("15", 15, "count", "đường dây"),
    ("312", 312, "count", "đối tượng"),
    ("4,5 kg", 4.5, "measure", "kg"),
    ("12.500", 12500, "count", "viên"),
    ("245", 245, "count", "chốt kiểm soát"),
    ("1,35 triệu", 1.35e6, "count", "liều"),
    ("98,7%", 98.7, "percent", "%"),
    ("18 tuổi", 18, "measure", "tuổi"),
]

EN = [
    ("6.5 percent", 6.5, "percent", "%"),
    ("VND 39,399.4 billion", 3.93994e13, "money", "VND"),
    ("0.9%", 0.9, "percent", "%"),
    ("1,250", 1250, "count", "companies"),
    ("12%", 12, "percent", "%"),
    ("3,400", 3400, "count", "workers"),
    ("$2.3 billion", 2.3e9, "money", "USD"),
    ("4.2%", 4.2, "percent", "%"),
    ("1.8 billion USD", 1.8e9, "money", "USD"),
    ("125,000 TEU", 125000, "measure", "TEU"),
    ("3.5 million tonnes", 3.5e6, "measure", "tonnes"),
    ("45 days", 45, "measure", "days"),
    ("$12m", 1.2e7, "money", "USD"),
    ("60%", 60, "percent", "%"),
    ("412", 412, "count", "communes"),
    ("407/412", 407, "ratio", "delegates"),
    ("7%", 7, "percent", "%"),
    ("10,000", 10000, "count", "jobs"),
]


BULLETIN = [
    ("25.430,5 ha", 25430.5, "measure", "ha"),
    ("98,2%", 98.2, "percent", "%"),
    ("152,3 nghìn", 152300, "count", "con"),
    ("4,5%", 4.5, "percent", "%"),
    ("3,2 triệu", 3.2e6, "count", "con"),
    ("12.345 tấn", 12345, "measure", "tấn"),
    ("3,1%", 3.1, "percent", "%"),
    ("1.250 ha", 1250, "measure", "ha"),
    ("104,2%", 104.2, "percent", "%"),
    ("8,7%", 8.7, "percent", "%"),
    ("12,4%", 12.4, "percent", "%"),
    ("10,2%", 10.2, "percent", "%"),
    ("1.234 triệu kWh", 1.234e9, "measure", "kWh"),
    ("2,5 triệu tấn", 2.5e6, "measure", "tấn"),
    ("45,6 triệu", 4.56e7, "count", "cái"),
    ("45.678 tỷ đồng", 4.5678e13, "money", "VND"),
    ("15,3%", 15.3, "percent", "%"),
    ("0,35%", 0.35, "percent", "%"),
    ("2,9%", 2.9, "percent", "%"),
    ("6,5 triệu đồng/chỉ", 6.5e6, "money", "VND/chỉ"),
    ("23.650 đồng/USD", 23650, "money", "VND/USD"),
    ("3,45 tỷ USD", 3.45e9, "money", "USD"),
    ("20%", 20, "percent", "%"),
    ("85%", 85, "percent", "%"),
    ("18.500", 18500, "count", "lượt"),
    ("1.200", 1200, "count", "người"),
    ("1.035/1.050", 1035, "ratio", "trường"),
    ("12 đến 17 tuổi", 12, "measure", "tuổi"),  # a range: upper 17
    ("245", 245, "count", "ca"),
    ("30%", 30, "percent", "%"),
    ("56", 56, "count", "vụ"),
    ("32", 32, "count", "người"),
    ("41", 41, "count", "người"),
    ("5", 5, "count", "vụ"),
    ("-8,2%", -8.2, "percent", "%"),
    ("3", 3, "count", "người"),
    ("-8,6%", -8.6, "percent", "%"),
]


def test_bulletin_figures_with_periods_left_open():
    """A monthly bulletin: every figure right; "9 tháng" as the reporting period (a duration or a
    period name, ambiguous like the gold's optional "6 tháng đầu năm") may or may not be read."""
    report = load_report(DATA / "held_out_vi_bulletin.txt", default_config())
    got = [(f.text, f.value, f.kind, f.unit) for f in report.figures if f.text != "9 tháng"]
    assert [(t, k, u) for t, _, k, u in got] == [(t, k, u) for t, _, k, u in BULLETIN]
    for (_, value, _, _), want in zip(got, BULLETIN, strict=True):
        assert value == pytest.approx(want[1])
    assert report.title == "BÁO CÁO Tình hình kinh tế - xã hội tháng 9 và 9 tháng năm 2022"
    assert report.date == "2022-09-30"
    assert not [f for f in report.figures if f.section_number is None]  # "9 tháng năm 2022" is a period


@pytest.mark.parametrize(("name", "expected"), [("held_out_vi.txt", VI), ("held_out_en.txt", EN)])
def test_every_figure_and_nothing_else(name, expected):
    report = load_report(DATA / name, default_config())
    got = [(f.text, f.value, f.kind, f.unit) for f in report.figures]
    assert len(got) == len(expected), got
    for (text, value, kind, unit), want in zip(got, expected, strict=True):
        assert (text, kind, unit) == (want[0], want[2], want[3])
        assert value == pytest.approx(want[1])
    for f in report.figures:
        assert report.text[f.start : f.end] == f.text


def test_held_out_outlines():
    vi = load_report(DATA / "held_out_vi.txt", default_config())
    assert vi.title == "Kinh tế - xã hội tỉnh Hà Nam năm 2021 tăng trưởng ấn tượng"
    assert vi.date == "2021-12-28"
    assert [s.title for s in vi.sections if s.number] == [
        "TĂNG TRƯỞNG KINH TẾ",
        "VĂN HÓA - XÃ HỘI",
        "QUỐC PHÒNG - AN NINH",
    ]
    en = load_report(DATA / "held_out_en.txt", default_config())
    assert en.title == "Provincial economy in the first quarter of 2021"
    assert en.date == "2021-04-05"
    assert [s.title for s in en.sections if s.number] == ["Growth", "Trade and investment", "Outlook"]
    # The related-news list is furniture: no section holds it.
    assert "Province wins award" not in en.text[en.sections[-1].start : en.sections[-1].end]


def test_an_english_report_keeps_its_convention_and_is_displayed_in_it():
    from reportview.core.export import display_value

    en = load_report(DATA / "held_out_en.txt", default_config())
    vi = load_report(DATA / "held_out_vi.txt", default_config())
    assert (en.convention, en.language) == ("en", "en")
    assert (vi.convention, vi.language) == ("vi", "vi")
    shown = {f.text: display_value(f, en.convention) for f in en.figures}
    assert shown["0.9%"] == "0.9"
    assert shown["VND 39,399.4 billion"] == "39,399,400,000,000"
    shown_vi = {f.text: display_value(f, vi.convention) for f in vi.figures}
    assert shown_vi["68.400 tỷ đồng"] == "68.400.000.000.000"
    assert shown_vi["9,33%"] == "9,33"


def test_a_vietnamese_text_writing_numbers_the_english_way_keeps_its_counted_nouns():
    from reportview.core.loading import parse_text

    text = (
        "Hội chợ thương mại tỉnh năm 2021\n\n"
        "Doanh thu của hội chợ đạt 1,234.5 tỷ đồng, tăng 12.5% so với năm trước. Năm nay hội chợ"
        " có 3,400 gian hàng của các doanh nghiệp trong và ngoài tỉnh.\n"
    )
    report = parse_text(text, "fair.txt", default_config())
    # The numbers vote "en"; the prose is Vietnamese, and the language reads the nouns.
    assert (report.convention, report.language) == ("en", "vi")
    got = {f.text: (f.value, f.kind, f.unit) for f in report.figures}
    assert got["3,400"] == (3400.0, "count", "gian hàng")
    assert got["1,234.5 tỷ đồng"][0] == pytest.approx(1.2345e12)
