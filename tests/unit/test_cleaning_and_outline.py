"""Cleaning (page furniture), dates, titles and headings, on small texts written like real pages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportview.config import default_config
from reportview.core.dates import date_in_line
from reportview.core.furniture import (
    _LINK_WITH_TIME,
    _may_end_a_link,
    classify_lines,
    is_counter_line,
)
from reportview.core.lines import split_lines
from reportview.core.loading import parse_text
from reportview.core.outline import _SENTENCE_END, _SENTENCE_MARK, first_sentence, roman_value


def _furniture(text: str) -> list[str]:
    cfg = default_config()
    lines = split_lines(text)
    marks = classify_lines(lines, cfg.parse_rules.furniture)
    return [lines[i].text for i in sorted(marks)]


@pytest.mark.parametrize(
    "line",
    [
        "2022-01-04 10:18:20 Số lượt xem 936",
        "05/04/2021 14:24 Số lượt xem: 110",
        "Đang online50",
        "Trực tuyến : 8949",
        "Đã truy cập : 45309579",
        "Tất cả2763680",
    ],
)
def test_counter_and_timestamp_lines(line):
    assert is_counter_line(line) or line in _furniture(line + "\n\nMột đoạn văn bản dài để làm thân bài.")


@pytest.mark.parametrize(
    "line", ["Tổng thu ngân sách đạt 5.381,1 tỷ đồng", "Năm 2021 có 10 sự kiện", "100 người"]
)
def test_sentences_with_numbers_are_not_counters(line):
    assert not is_counter_line(line)


def test_widgets_and_tail_lists_are_furniture():
    text = (
        "Loading the player...\nĐánh giá của bạn về cổng thông tin điện tử\n147 người đã bình chọn\n"
        "0 người đang online\n\nTiêu đề của bài viết\n\nĐăng ngày 06 - 08 - 2020\n100%\nzalo-icon\n\n"
        "Đảng bộ có 47 tổ chức cơ sở đảng với 4.284 đảng viên và nhiều kết quả tốt.\n\n"
        "Tin mới nhất\n\nBài một(21/02/2022 10:39 CH)\n\nBài hai(12/01/2022 3:58 CH)\n"
    )
    furniture = _furniture(text)
    for line in (
        "Loading the player...",
        "147 người đã bình chọn",
        "0 người đang online",
        "100%",
        "zalo-icon",
        "Tin mới nhất",
        "Bài hai(12/01/2022 3:58 CH)",
    ):
        assert line in furniture
    assert "Tiêu đề của bài viết" not in furniture
    report = parse_text(text)
    assert report.title == "Tiêu đề của bài viết"
    assert report.date == "2020-08-06"
    assert [f.value for f in report.figures] == [47, 4284]


def test_link_list_with_times_is_furniture_without_a_marker():
    text = "Một đoạn thân bài đủ dài để là nội dung chính của báo cáo này.\n\nTin A - 21/02/2022 10:39\nTin B - 12/01/2022 15:58\n"
    assert "Tin A - 21/02/2022 10:39" in _furniture(text)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("2022-01-04 10:18:20", "2022-01-04"),
        ("Thứ Ba, 11/01/2022 17:57 (GMT+0)", "2022-01-11"),
        ("Đăng ngày 06 - 08 - 2020", "2020-08-06"),
        ("05/04/2021 14:24 Số lượt xem: 110", "2021-04-05"),
        ("Cập nhật: 09:15 SA, 02/03/2021", "2021-03-02"),
        ("# date = 20200917", "2020-09-17"),
        ("Published March 5, 2021", "2021-03-05"),
        ("ngày 5 tháng 8 năm 2020", "2020-08-05"),
    ],
)
def test_date_lines(line, iso):
    assert date_in_line(line) == iso


@pytest.mark.parametrize(
    "line",
    ["Thu ngân sách toàn thành phố đến ngày 31/12/2021 đạt 158,3 tỷ đồng", "31/02/2021", "Năm 2021"],
)
def test_not_date_lines(line):
    assert date_in_line(line) is None


def test_timestamp_is_not_a_title_and_body_sentence_is_not_promoted():
    text = "2022-01-04 10:18:20 Số lượt xem 936\nNăm 2021, là năm diễn ra nhiều sự kiện trọng đại của đất nước, của tỉnh và thành phố.\n1. Một\nNội dung một.\n2. Hai\nNội dung hai.\n"
    report = parse_text(text)
    assert report.title is None
    assert report.date == "2022-01-04"
    assert [s.number for s in report.sections if s.number] == [1, 2]


def test_numbering_may_start_anywhere_and_must_ascend():
    text = (
        "Tình hình quý I (phần 5)\n\n11. Thông tin\n\nNội dung thông tin với nhiều chi tiết.\n\n"
        "12. Khoa học\n\nNội dung khoa học.\n1. Một câu đánh số trong thân bài.\n\n13. Môi trường\n\nNội dung.\n"
    )
    report = parse_text(text)
    numbered = [(s.number, s.title) for s in report.sections if s.number is not None]
    assert numbered == [(11, "Thông tin"), (12, "Khoa học"), (13, "Môi trường")]
    for s in report.sections:
        assert report.text[s.start : s.end].strip()


def test_enumerated_one_line_items_are_not_sections():
    text = "Tiêu đề báo cáo năm\n\nNhiệm vụ năm tới gồm:\n1. Tăng cường công tác.\n2. Đẩy mạnh cải cách.\n3. Giữ vững an ninh.\nKết thúc báo cáo với nhiều nội dung quan trọng.\n"
    report = parse_text(text)
    assert all(s.number is None for s in report.sections)


def test_uppercase_numbered_headings_and_roman_numerals():
    text = "Báo cáo tổng kết\n\nI. CÔNG TÁC XÂY DỰNG ĐẢNG\n\nNội dung phần một.\n\nII. PHÁT TRIỂN KINH TẾ\n\nNội dung phần hai.\n"
    report = parse_text(text)
    assert [(s.number, s.title) for s in report.sections if s.number] == [
        (1, "CÔNG TÁC XÂY DỰNG ĐẢNG"),
        (2, "PHÁT TRIỂN KINH TẾ"),
    ]
    assert roman_value("XIV") == 14 and roman_value("IIII") is None


def test_unnumbered_report_gets_paragraph_sections():
    text = "Một tiêu đề ngắn gọn\n\nĐoạn thứ nhất của báo cáo, đủ dài để là một đoạn văn thực sự.\n\nĐoạn thứ hai của báo cáo, cũng đủ dài để là một đoạn văn thực sự.\n"
    report = parse_text(text)
    assert [s.number for s in report.sections] == [None, None]
    assert report.sections[0].title.startswith("Đoạn thứ nhất")


def test_first_sentence_clips_on_a_word():
    assert first_sentence("Câu một. Câu hai.") == "Câu một."
    long = "từ " * 60
    assert first_sentence(long, 20).endswith("…") and len(first_sentence(long, 20)) <= 21


def test_heading_with_its_body_on_the_same_line():
    text = (
        "Báo cáo tình hình năm\n\n1. Về kinh tế: Tổng sản phẩm ước đạt 39.399,4 tỷ đồng, tăng 7% so với năm 2020, "
        "cơ cấu kinh tế chuyển dịch đúng hướng với tỷ trọng dịch vụ chiếm 52,24% và công nghiệp chiếm 46,98%.\n"
        "2. Về xã hội: Công tác an sinh xã hội được bảo đảm, hỗ trợ 3.539 đối tượng với tổng số tiền 6,85 tỷ đồng "
        "trong năm, giải quyết việc làm cho hàng nghìn lao động trên địa bàn thành phố.\n"
    )
    report = parse_text(text)
    assert [(s.number, s.title) for s in report.sections if s.number] == [(1, "Về kinh tế"), (2, "Về xã hội")]
    assert report.text[report.sections[0].body_start :].startswith(": Tổng sản phẩm")


def test_roman_parts_win_over_arabic_items_that_restart():
    text = (
        "Báo cáo\n\nI. KINH TẾ\n\n1. Nông nghiệp\n\nNội dung.\n\n2. Công nghiệp\n\nNội dung.\n\n"
        "II. XÃ HỘI\n\n1. Giáo dục\n\nNội dung.\n\n2. Y tế\n\nNội dung.\n\n3. Văn hóa\n\nNội dung.\n"
    )
    report = parse_text(text)
    assert [s.number for s in report.sections if s.number] == [1, 2]
    assert [s.title for s in report.sections if s.number] == ["KINH TẾ", "XÃ HỘI"]


def test_markdown_bold_headings():
    text = "# Báo cáo năm\n\n**1. Kinh tế**\n\nNội dung kinh tế.\n\n**2. Xã hội**\n\nNội dung xã hội.\n"
    report = parse_text(text)
    assert report.title == "Báo cáo năm"
    assert [(s.number, s.title) for s in report.sections if s.number] == [(1, "Kinh tế"), (2, "Xã hội")]


def test_report_without_headline_is_named_by_the_sentence_introducing_its_list():
    text = (
        "2022-01-04 10:18:20 Số lượt xem 936\nNăm 2021 là năm có nhiều sự kiện trọng đại của đất nước và của tỉnh.\n"
        "Ban biên tập lựa chọn 3 sự kiện nổi bật của thành phố trong năm 2021 như sau:\n"
        "1. Một\nNội dung một.\n2. Hai\nNội dung hai.\n3. Ba\nNội dung ba.\n"
    )
    report = parse_text(text, "x/000.txt")
    assert report.title is None
    assert report.display_title == "3 sự kiện nổi bật của thành phố trong năm 2021"
    assert parse_text("", "x/empty.txt").display_title == "empty.txt"


def test_many_short_paragraphs_become_several_sections_titled_by_their_first_line():
    report = parse_text("\n\n".join(f"Đoạn {i} tăng 5%." for i in range(100)))
    assert len(report.sections) == 20
    assert report.sections[0].title == "Đoạn 0 tăng 5%."
    assert report.sections[1].title == "Đoạn 5 tăng 5%."


_LINK_TAIL = st.sampled_from(
    ["(21/02/2022 10:39 CH)", "- 12/01/2022", "| 3.4.2021 08:15", "(10:39 SA 21/02/2022)", "- 5/6"]
)


def test_a_tail_marker_before_any_body_is_no_tail():
    # "Tin khác" as a text's first line heads it; the page's trailing links come after a body.
    report = parse_text("Tin khác\n\nChương trình ban hành 3 văn bản mới.\n")
    assert report.body != (0, 0) and "Chương trình" in report.text[report.body[0] : report.body[1]]
    assert "Tin khác" not in _furniture("Tin khác\n\nChương trình ban hành 3 văn bản mới.\n")


@given(st.text(alphabet="0123456789/.-:() aAhHmMsScCpP|–x٣\t", max_size=30), _LINK_TAIL, st.booleans())
def test_link_lines_pass_the_cheap_check(noise, tail, with_tail):
    # classify_lines runs the link-with-time regex only on lines that pass _may_end_a_link: every
    # line the regex takes must pass it. Half the lines end as links do, so the check is reached.
    text = "Tin bài " + noise + (" " + tail if with_tail else "")
    matched = _LINK_WITH_TIME.fullmatch(text) is not None
    assert matched or not with_tail
    if matched:
        assert _may_end_a_link(text)


@given(st.text(alphabet=list('.!?… \t\nAaĐđ"“([1x'), max_size=30))
def test_first_sentence_ends_where_the_sentence_split_does(text):
    m = _SENTENCE_MARK.search(text)
    assert (text if m is None else text[: m.start() + 1]) == _SENTENCE_END.split(text, maxsplit=1)[0]


def test_a_page_address_on_its_own_line_is_furniture_and_the_title_above_it_stands():
    report = parse_text(
        "December Service Requests\nhttps://champaignil.gov/2015/01/08/december-service-requests/\n\n"
        "The Public Works Department received 182 service requests in December. See www.example.org for"
        " more.\n"
    )
    assert report.title == "December Service Requests"
    assert all("champaignil" not in s.title for s in report.sections)
    # An address inside a sentence is the sentence's.
    assert any("www.example.org" in report.text[s.start : s.end] for s in report.sections)
