"""Figures by the rules of docs/figures.md, on sentences written like real reports (not the seeds)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportview.core.loading import parse_text
from reportview.core.numbers import (
    _SEPARATED_NUMBER,
    NUMBER_TOKEN,
    detect_convention,
    format_number,
    parse_number,
)


def figs(sentence: str, title: str = "Báo cáo kinh tế xã hội của tỉnh"):
    report = parse_text(f"{title}\n\n{sentence}\n")
    for f in report.figures:
        assert report.text[f.start : f.end] == f.text
    return report.figures


def one(sentence: str):
    found = figs(sentence)
    assert len(found) == 1, [(f.text, f.value, f.kind, f.unit) for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "value", "kind", "unit"),
    [
        ("Toàn tỉnh có 12.345 hộ dân được hỗ trợ.", 12345, "count", "hộ"),
        ("Đã tổ chức 03 lớp tập huấn cho cán bộ.", 3, "count", "lớp"),
        ("Tỷ lệ hộ nghèo giảm còn 2,57%.", 2.57, "percent", "%"),
        ("Doanh thu ước đạt 1.250,5 tỷ đồng.", 1.2505e12, "money", "VND"),
        ("Giá trị đạt 2.556 tỷ 619 triệu đồng.", 2.556619e12, "money", "VND"),
        ("Kim ngạch xuất khẩu đạt 2,3 triệu USD.", 2.3e6, "money", "USD"),
        ("Mức lương tối thiểu là 4.680.000 đồng/tháng.", 4680000, "money", "VND/tháng"),
        ("Năng suất lúa bình quân đạt 58,7 tạ/ha.", 58.7, "measure", "tạ/ha"),
        ("Sản lượng thủy sản đạt 3.120 tấn.", 3120, "measure", "tấn"),
        ("Diện tích gieo trồng đạt 150ha.", 150, "measure", "ha"),
        ("Thời gian thi công kéo dài 45 ngày.", 45, "measure", "ngày"),
        ("Kết quả có 18/20 xã đạt chuẩn nông thôn mới.", 18, "ratio", "xã"),
        ("Khu công nghiệp thu hút thêm gần 15 nghìn lao động.", 15000, "count", "lao động"),
    ],
)
def test_kinds_values_units(sentence, value, kind, unit):
    f = one(sentence)
    assert f.value == pytest.approx(value)
    assert (f.kind, f.unit) == (kind, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ngày 15/3/2022, Ủy ban tổ chức hội nghị.",
        "Đến tháng 11/2021 công tác hoàn thành.",
        "Giai đoạn 2021-2025 là giai đoạn quan trọng.",
        "Thực hiện Kế hoạch số 18-KH/TU của Thành ủy.",
        "Theo Nghị quyết 84/NQ-CP của Chính phủ.",
        "Phòng chống dịch Covid-19 và cúm H5N6 trong các khu vực F1.",
        "Đại hội lần thứ 4 của Hội Nông dân.",
        "Dự án mở rộng quốc lộ 38 và tỉnh lộ 279 được khởi công.",
        "Học sinh lớp 10 được hỗ trợ học phí.",
        "Văn bản số 659/UBND-NN.TN gửi các sở.",
        "Sự kiện diễn ra lúc 14:30 tại hội trường.",
        "Năm 2021 thành phố tiếp tục phát triển.",
    ],
)
def test_never_figures(sentence):
    assert figs(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "qualifier", "change"),
    [
        ("Tổng thu ước đạt 959,4 tỷ đồng.", "approx", None),
        ("Cả nước có hơn 50 nghìn cử tri.", "over", None),
        ("Dân số gần 500.000 người.", "approx", None),
        ("Chi phí dưới 10 triệu đồng.", "under", None),
        ("Tốc độ tăng bình quân 8%/năm trở lên.", "at_least", "up"),
        ("Số vụ tai nạn giảm 06 vụ so với cùng kỳ.", None, "down"),
        ("Chỉ tiêu vượt 0,9% kế hoạch.", None, "up"),
    ],
)
def test_qualifier_and_change(sentence, qualifier, change):
    f = one(sentence)
    assert (f.qualifier, f.change) == (qualifier, change)


def test_change_has_a_base_and_label():
    f = one("Tổng sản phẩm trên địa bàn (GRDP) tăng 7% so với năm 2020.")
    assert f.change == "up"
    assert f.base == "so với năm 2020"
    assert f.label and "GRDP" in f.label


def test_english_document_follows_the_english_convention():
    report = parse_text(
        "Quarterly report of the province\n\nRevenue reached $2.3 million, up 12.5 percent, and the company "
        "hired 1,234 workers. Exports rose to 3,456.7 tonnes in 2021.\n"
    )
    got = [(f.value, f.kind, f.unit) for f in report.figures]
    assert (2.3e6, "money", "USD") in got
    assert (12.5, "percent", "%") in got
    assert (1234, "count", "workers") in got
    assert (3456.7, "measure", "tonnes") in got
    assert all(f.value != 2021 for f in report.figures)


def test_list_numbers_are_not_figures():
    report = parse_text(
        "Tiêu đề\n\n1. Công tác xây dựng Đảng\n\nNội dung có 5 chi bộ.\n\n2. Kinh tế\n\nTăng 7%.\n"
    )
    assert [f.value for f in report.figures] == [5, 7]


def test_every_figure_knows_its_section():
    report = parse_text("Tiêu đề\n\n1. Một\n\nCó 5 chi bộ.\n\n2. Hai\n\nTăng 7%.\n")
    assert [f.section_number for f in report.figures] == [1, 2]


def test_convention_is_decided_per_document():
    assert detect_convention("Doanh thu 39.399,4 tỷ đồng, tăng 7,5%") == "vi"
    assert detect_convention("Revenue of 39,399.4 billion, up 7.5%") == "en"
    # "2.298" alone reads as thousands in a Vietnamese document.
    assert parse_number("2.298", "vi") == 2298
    assert parse_number("2.298", "en") == 2.298


@given(st.text(alphabet="0123456789.,a -", max_size=30))
def test_convention_votes_come_from_every_separated_number(text):
    # detect_convention scans only numbers holding a separator: the same tokens, with the same
    # spans, as NUMBER_TOKEN's matches that hold one.
    expected = [m.span() for m in NUMBER_TOKEN.finditer(text) if "." in m[0] or "," in m[0]]
    assert [m.span() for m in _SEPARATED_NUMBER.finditer(text)] == expected


@settings(max_examples=300, deadline=None)
@given(
    st.decimals(min_value=0, max_value=10**12, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(["vi", "en"]),
)
def test_numbers_round_trip_in_both_conventions(value, convention):
    v = float(value)
    written = format_number(v, convention)
    assert parse_number(written, convention) == pytest.approx(v, rel=1e-12, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_extraction_never_raises_and_offsets_hold(text):
    report = parse_text(text)
    for f in report.figures:
        assert text[f.start : f.end] == f.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "có ",
                "12",
                ".",
                "345",
                ",",
                "5",
                " tỷ ",
                "đồng",
                "%",
                "/",
                "2021",
                " người",
                "\n",
                "ngày ",
                "-",
                "số ",
            ]
        ),
        max_size=40,
    )
)
def test_extraction_on_number_soup(parts):
    text = "".join(parts)
    report = parse_text(text)
    for f in report.figures:
        assert text[f.start : f.end] == f.text


def test_quoted_terminal_escapes_are_not_figures():
    report = parse_text("Tiêu đề báo cáo\n\nKinh tế \x1b[31mtăng\x1b[0m 5% so với năm trước.\n")
    assert [(f.text, f.kind) for f in report.figures] == [("5%", "percent")]


def test_a_long_single_line_is_read_whole():
    # A per-number scan back to the line start once made this take minutes; the speed itself is
    # the benchmarks' business (tests assert no times), this holds that every figure is read.
    line = "Tổng thu đạt 5,2 tỷ đồng, tăng 7% so với năm trước; " * 4000  # ~220 KB, one line
    report = parse_text("Tiêu đề\n\n" + line)
    assert len(report.figures) == 8000


def test_labels_follow_the_sentence_topic():
    report = parse_text(
        "Tiêu đề\n\nSố vụ ma túy 218 vụ tăng 2,4 lần so với quý trước nhưng giảm 5,2% so với cùng kỳ. "
        "Thành lập mới 605 doanh nghiệp, 124 doanh nghiệp ngừng hoạt động.\n"
    )
    labels = {f.text: f.label for f in report.figures}
    assert labels["218"] == labels["2,4 lần"] == labels["5,2%"] == "Số vụ ma túy"
    assert labels["605"] == "doanh nghiệp thành lập mới"
    assert labels["124"] == "doanh nghiệp ngừng hoạt động"


def test_figure_json_keys_are_the_contract():
    from reportview.core.model import FIGURE_JSON_KEYS

    f = one("Toàn tỉnh có 12.345 hộ dân được hỗ trợ.")
    assert tuple(f.as_json("doc.txt")) == FIGURE_JSON_KEYS


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Số vụ giảm 5 vụ (-8,2%) so với cùng kỳ.", [("5", 5), ("-8,2%", -8.2)]),
        ("Nhiệt độ còn -30 độ đến -40 độ.", [("-30 độ", -30), ("-40 độ", -40)]),
        ("Ở độ sâu 50 -100 mét dưới biển.", [("50 -100 mét", 50)]),
        ("Do dịch bệnh Covid -19 diễn biến phức tạp.", []),
        ("Đội bóng vươn lên top 3 V-League năm nay.", []),
        ("Giá vàng bán ra ở mức 6,5 triệu đồng/chỉ.", [("6,5 triệu đồng/chỉ", 6.5e6)]),
        ("Tiêm vắc xin cho trẻ từ 12 đến 17 tuổi.", [("12 đến 17 tuổi", 12)]),
    ],
)
def test_signs_ranges_and_names(sentence, expected):
    assert [(f.text, f.value) for f in figs(sentence)] == [(t, pytest.approx(v)) for t, v in expected]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("Doanh thu tăng 5\u2009% so với năm trước.", "5\u2009%", 5.0, "%"),  # thin space
        ("Vốn 5\u202ftỷ đồng được giải ngân.", "5\u202ftỷ đồng", 5e9, "VND"),  # narrow no-break space
        ("Vốn 5\u2003tỷ đồng được giải ngân.", "5\u2003tỷ đồng", 5e9, "VND"),  # em space
    ],
)
def test_unusual_spaces_between_number_and_unit_keep_exact_offsets(sentence, text, value, unit):
    # Tokens after a number carry their offsets from the match, not from summed lengths: a
    # space the tokenizer does not count must not shift the figure's end.
    (fig,) = parse_text(sentence).figures
    assert (fig.text, fig.value, fig.unit) == (text, value, unit)
    assert sentence[fig.start : fig.end] == text
