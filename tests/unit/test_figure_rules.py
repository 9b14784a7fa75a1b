"""Each figure rule of docs/figures.md (shared) with its examples: the named vetoes (their examples
sit beside them in figures.py) and one table of examples per reading rule."""

from __future__ import annotations

import pytest

from reportview.core.figures import VETOES, _Context, _Num, dollar_currency, figure_rules
from reportview.core.loading import parse_text
from reportview.core.numbers import NUMBER_TOKEN, parse_number

VI_TITLE = "Báo cáo kinh tế xã hội của tỉnh"
EN_TITLE = "Annual report of the council"


def figs(sentence: str, title: str = VI_TITLE):
    report = parse_text(f"{title}\n\n{sentence}\n")
    for f in report.figures:
        assert report.text[f.start : f.end] == f.text
    return report.figures


def en(sentence: str):
    return figs(sentence, EN_TITLE)


@pytest.mark.parametrize(
    ("veto", "example"), [(v, x) for v in VETOES for x in v.rejects], ids=lambda p: getattr(p, "name", p)
)
def test_each_veto_rejects_the_numbers_of_its_examples(veto, example):
    text = f"{VI_TITLE}\n\n{example}\n"
    assert not figs(example)
    ctx = _Context(text, figure_rules(), "vi", "vi")
    fired = []
    for m in NUMBER_TOKEN.finditer(text, len(VI_TITLE)):
        num = _Num(m.start(), m.end(), m[0], parse_number(m[0], "vi") or 0.0, prev=text[m.start() - 1])
        num.slash = text[m.end() : m.end() + 1] == "/" and text[m.end() + 1 : m.end() + 2].isdigit()
        fired.append(veto.check(ctx, num) is not None)
    assert any(fired), f"{veto.name!r} does not fire on {example!r}"


def test_vetoes_have_distinct_names():
    assert len({v.name for v in VETOES}) == len(VETOES)


# (sentence, [(text, value, upper, kind, unit), ...]) per rule; English sentences start with "EN:".
RULES: dict[str, list[tuple[str, list[tuple[str, float, float | None, str, str]]]]] = {
    "a range is one figure with upper": [
        ("Tăng trưởng đạt 8-9%.", [("8-9%", 8, 9, "percent", "%")]),
        ("Năng suất đạt 55 - 56 tạ/ha.", [("55 - 56 tạ/ha", 55, 56, "measure", "tạ/ha")]),
        ("Thu ngân sách 2.000-2.100 tỷ đồng.", [("2.000-2.100 tỷ đồng", 2e12, 2.1e12, "money", "VND")]),
        ("Tỷ lệ tăng từ 25% đến 30%.", [("25% đến 30%", 25, 30, "percent", "%")]),
        ("Giá 250-280.000 đồng/kg.", [("250-280.000 đồng/kg", 250000, 280000, "money", "VND/kg")]),
        ("EN:Repairs take 10 to 12 days.", [("10 to 12 days", 10, 12, "measure", "days")]),
    ],
    "a written minus belongs to the value": [
        ("Chỉ số giảm (-0,36%) so với tháng trước.", [("-0,36%", -0.36, None, "percent", "%")]),
        ("Chỉ số giảm 0,36% so với tháng trước.", [("0,36%", 0.36, None, "percent", "%")]),
        ("GRDP tăng trưởng âm 6,18% so với cùng kỳ.", [("6,18%", -6.18, None, "percent", "%")]),
        ("Nhiệt độ xuống âm 5 độ C; trọng tâm 3 tháng cuối năm.", [("5 độ C", -5, None, "measure", "°C")]),
    ],
    "stacked magnitudes multiply": [
        ("Tổng tài sản đạt 2,4 triệu tỉ đồng.", [("2,4 triệu tỉ đồng", 2.4e15, None, "money", "VND")]),
        ("Vốn đầu tư đạt 54,6 nghìn tỉ đồng.", [("54,6 nghìn tỉ đồng", 5.46e13, None, "money", "VND")]),
    ],
    "a money ratio is in the currency": [
        ("Giải ngân 2.532,015/2.579,003 tỷ đồng.", [("2.532,015/2.579,003 tỷ đồng", 2.532015e12, None, "ratio", "VND")]),
    ],
    "a figure may break across a line or be glued to its unit": [
        ("Tổng thu đạt 5 nghìn\ntỷ đồng trong năm.", [("5 nghìn\ntỷ đồng", 5e12, None, "money", "VND")]),
        ("Đàn gia cầm có 245.000con được tiêm.", [("245.000", 245000, None, "count", "con")]),
        ("Xe chạy 50km/h trong khu dân cư.", [("50km/h", 50, None, "measure", "km/h")]),
        ("Một chùm nặng 700g/chùm.", [("700g", 700, None, "measure", "g")]),
    ],
    "a count is whole": [
        ("Lễ hội đón 100,000 người tham dự.", [("100,000", 100000, None, "count", "người")]),
        ("EN:We built 3.100 new homes.", [("3.100", 3100, None, "count", "homes")]),
    ],
    "words that look like magnitudes or identifiers": [
        ("Nước này có 3 triệu phú mới.", [("3", 3, None, "count", "triệu phú")]),
        ("Có 40 trong số 63 tỉnh đạt.", [("40", 40, None, "ratio", "tỉnh"), ("63", 63, None, "count", "tỉnh")]),
        ("Toàn tỉnh có **1.245** hộ nghèo.", [("1.245", 1245, None, "count", "hộ nghèo")]),
    ],
    "English counts by grammar": [
        ("EN:We served 2,310 library patrons.", [("2,310", 2310, None, "count", "patrons")]),
        ("EN:The office issued 48 new permits.", [("48", 48, None, "count", "permits")]),
        ("EN:Meals went to 960 seniors.", [("960", 960, None, "count", "seniors")]),
        ("EN:Staff completed 139 Zoning Inspections.", [("139", 139, None, "count", "Inspections")]),
        ("EN:Developing 6 new residents’ parking zones.", [("6", 6, None, "count", "zones")]),
        ("EN:They repaired 59,000+ potholes.", [("59,000+", 59000, None, "count", "potholes")]),
        ("EN:The crew fixed 75 Main Street.", []),
        ("EN:Staff: 412 FTE and 30 EV chargers.", [("412", 412, None, "count", "FTE"), ("30", 30, None, "count", "chargers")]),
    ],
    "English 'By the numbers' lines name the noun first": [
        ("EN:By the numbers\nCalls answered 45,210\nKilometres of road resealed – 45\nWard 5", [
            ("45,210", 45210, None, "count", "Calls"), ("45", 45, None, "measure", "km"),
        ]),
        ("EN:By the numbers\nFirefighters (24)\nLibrary visits: 120,000", [
            ("24", 24, None, "count", "Firefighters"), ("120,000", 120000, None, "count", "visits"),
        ]),
    ],
    "English money: subunits, short magnitudes, signs": [
        ("EN:The fee is $.42 a page.", [("$.42", 0.42, None, "money", "USD")]),
        ("EN:Stamps cost 2.7 cents each.", [("2.7 cents", 0.027, None, "money", "USD")]),
        ("EN:It spent £312.5m on roads.", [("£312.5m", 3.125e8, None, "money", "GBP")]),
        ("EN:It won £312.5min funding.", [("£312.5m", 3.125e8, None, "money", "GBP")]),
    ],
}  # fmt: skip

CASES = [(rule, sentence, want) for rule, rows in RULES.items() for sentence, want in rows]


@pytest.mark.parametrize(("rule", "sentence", "want"), CASES, ids=[f"{r}: {s[:40]}" for r, s, _ in CASES])
def test_each_rule_reads_its_examples(rule, sentence, want):
    found = en(sentence[3:]) if sentence.startswith("EN:") else figs(sentence)
    got = [(f.text, f.value, f.upper, f.kind, f.unit) for f in found]
    assert len(got) == len(want), got
    for (text, value, upper, kind, unit), w in zip(got, want, strict=True):
        assert (text, kind, unit) == (w[0], w[3], w[4])
        assert value == pytest.approx(w[1])
        assert upper == (pytest.approx(w[2]) if w[2] is not None else None)


@pytest.mark.parametrize(
    ("sentence", "qualifier", "change"),
    [
        ("GRDP ước đạt 39.399,4 tỷ đồng, vượt 0,9% kế hoạch.", None, "up"),  # compared with a plan
        ("Sản lượng lúa vượt 8 triệu tấn.", "over", None),  # "more than" a quantity
        ("Tỉnh đạt và vượt 20 chỉ tiêu/21.", None, None),  # attainment
        ("Chỉ số công nghiệp ước tăng 11,07%.", "approx", "up"),
        ("Công nghiệp ước chiếm 23,4% GRDP.", "approx", None),
    ],
)
def test_vuot_is_a_change_a_qualifier_or_neither_and_uoc_is_approx(sentence, qualifier, change):
    last = figs(sentence)[-1]
    assert (last.qualifier, last.change) == (qualifier, change)


@pytest.mark.parametrize(
    ("sentence", "change", "base"),
    [
        ("The library saw a 64% increase in visits.", "up", None),
        ("Revenue grew 23% over FY2019.", "up", "FY2019"),
        ("The budget is $4 million less than 2020.", "down", "2020"),
    ],
)
def test_english_changes_stated_after_the_number_with_their_base(sentence, change, base):
    (f,) = en(sentence)
    assert (f.change, f.base) == (change, base)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Shire of Augusta annual report. Roads cost $5 million in Western Australia.", "AUD"),
        ("Council adopted the budget; the Artarmon Local Centre upgrade cost $1 million.", "AUD"),
        ("The County Board approved $500.8 million for Schools in Arlington County.", "USD"),
        ("The City of Toronto, Ontario spent $2 million.", "CAD"),
        ("Revenue reached $3 million.", "USD"),
    ],
)
def test_the_dollar_is_the_currency_of_the_documents_country(text, code):
    assert dollar_currency(text) == code
    money = [f for f in en(text) if f.kind == "money"]
    assert money and all(f.unit == code for f in money)


def test_the_dollar_is_decided_once_for_a_text_read_in_pieces(monkeypatch):
    from reportview.core import loading

    # A text read in pieces (made small here): the country is named in the first piece only.
    monkeypatch.setattr(loading, "BIG_TEXT_CHARS", 2_000)
    monkeypatch.setattr(loading, "LINE_PIECE_CHARS", 500)
    lines = ["Annual report of the Shire of Augusta, Western Australia.", ""]
    lines += [f"Item {i}: the council spent $ {i + 1}.5 million on local roads and parks." for i in range(80)]
    report = parse_text("\n".join(lines) + "\n", "shire.txt")
    money = [f for f in report.figures if f.kind == "money"]
    assert len(money) == 80 and {f.unit for f in money} == {"AUD"}
