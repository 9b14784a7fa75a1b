"""Outline rules on small texts written like real pages: numbering styles, highlight-list intros,
lone items, page headers (banners, breadcrumbs, bylines, dates), captions, pagers, labels."""

from __future__ import annotations

import pytest

from reportview.config import default_config
from reportview.core.dates import date_in_line, date_prefix, trailing_stamp
from reportview.core.furniture import classify_lines
from reportview.core.lines import split_lines
from reportview.core.loading import parse_text
from reportview.core.outline import first_sentence, is_caption, sentence_breaks

BODY = "Nội dung chi tiết của mục này với nhiều số liệu và đánh giá của các cơ quan chuyên môn."


def _numbered(text: str) -> list[tuple[int, str]]:
    return [(s.number, s.title) for s in parse_text(text).sections if s.number is not None]


@pytest.mark.parametrize("mark", [". ", ") ", "- ", "/ "])
def test_arabic_items_in_every_style(mark):
    text = f"Báo cáo tổng kết năm\n\n1{mark}Kinh tế tăng trưởng\n{BODY}\n2{mark}Văn hóa phát triển\n{BODY}\n"
    assert _numbered(text) == [(1, "Kinh tế tăng trưởng"), (2, "Văn hóa phát triển")]


def test_letter_items_are_sections():
    text = f"Báo cáo tổng kết năm\n\na) Nông nghiệp\n{BODY}\nb) Công nghiệp\n{BODY}\nc) Dịch vụ\n{BODY}\n"
    assert _numbered(text) == [(1, "Nông nghiệp"), (2, "Công nghiệp"), (3, "Dịch vụ")]


def test_one_line_items_after_a_highlight_intro_are_sections():
    items = "\n\n".join(f"{n}. Sự kiện thứ {n} của huyện trong năm" for n in range(1, 6))
    text = f"Huyện ủy công bố kết quả bình chọn.\n\nDanh sách 5 sự kiện nổi bật năm 2022 gồm:\n\n{items}\n"
    assert [n for n, _ in _numbered(text)] == [1, 2, 3, 4, 5]


def test_one_line_roman_items_after_an_intro_are_sections():
    items = "\n".join(f"{r}. Kết quả {r} đạt được" for r in ("I", "II", "III"))
    text = f"Tổng kết năm 2022\n\nNhững kết quả nổi bật năm 2022 như sau:\n{items}\n"
    assert _numbered(text) == [
        (1, "Kết quả I đạt được"),
        (2, "Kết quả II đạt được"),
        (3, "Kết quả III đạt được"),
    ]


def test_one_line_items_without_an_intro_stay_an_enumeration():
    text = "Tiêu đề báo cáo năm\n\nNhiệm vụ năm tới gồm:\n1. Tăng cường công tác.\n2. Đẩy mạnh cải cách.\n"
    assert _numbered(text) == []


def test_a_lone_first_item_with_a_body_is_a_section():
    text = (
        f"Kinh tế quý I khởi sắc trên nhiều lĩnh vực của tỉnh.\n\n1. Tăng trưởng kinh tế\n\n{BODY} {BODY}\n"
    )
    assert _numbered(text) == [(1, "Tăng trưởng kinh tế")]


def test_a_lone_number_above_its_title():
    text = f"THÔNG TIN THỜI SỰ TUẦN\n1.\nHội nghị cấp cao khu vực\n{BODY}\n{BODY}\n"
    report = parse_text(text)
    assert [(s.number, s.title, s.start) for s in report.sections if s.number] == [
        (1, "Hội nghị cấp cao khu vực", text.index("1.\n"))
    ]


def test_a_heading_word_with_its_number():
    text = f"Annual Report 2018\n\nGoal 1: Collection building\n\n{BODY} {BODY}\n"
    assert _numbered(text) == [(1, "Collection building")]


def test_section_titles_are_not_cut_at_abbreviations():
    body = "Đại hội diễn ra trong hai ngày với sự tham dự của 550 đại biểu đại diện cho các đảng bộ."
    text = (
        f"Những dấu ấn năm 2020\n\n1. Đảng bộ TP. Hà Nội tổ chức thành công Đại hội. {body}\n"
        f"{BODY}\n2. Kinh tế phục hồi\n{BODY}\n"
    )
    assert _numbered(text)[0] == (1, "Đảng bộ TP. Hà Nội tổ chức thành công Đại hội")
    assert (
        first_sentence("Theo PGS. TS. Vũ Thanh Ca, lũ lớn. Câu hai.") == "Theo PGS. TS. Vũ Thanh Ca, lũ lớn."
    )
    assert [m.start() for m in sentence_breaks("Ông Nguyễn V. An nói. Sau đó")] == [20]


@pytest.mark.parametrize(
    "line",
    [
        "Ban Chấp hành Trung ương Đảng khóa XIII ra mắt Đại hội. Ảnh: VGP",
        "Các nhà lãnh đạo chụp ảnh lưu niệm. (Ảnh: CPV)",
        "Người phát ngôn Chính phủ tại họp báo - ảnh 1",
        "Chú thích ảnh",
        "Thủ tướng tiếp các nhà lãnh đạo tham dự hội nghị. |",
        "KMP-WILL-Parks-230811-80043.jpg",
    ],
)
def test_captions(line):
    assert is_caption(line)


def test_a_caption_never_starts_or_titles_a_paragraph_section():
    caption = "Toàn cảnh hội nghị tổng kết công tác năm 2022 của tỉnh diễn ra sáng nay. (Ảnh: Minh Anh)"
    text = f"Tỉnh tổng kết năm 2022\n\n{caption}\n\n{BODY}\n\n{BODY}\n"
    report = parse_text(text)
    assert report.sections[0].title == first_sentence(BODY)
    assert not any(s.title.startswith("Toàn cảnh") for s in report.sections)


@pytest.mark.parametrize(
    ("header", "title", "date"),
    [
        # a portal banner and a breadcrumb above the headline, the date under it
        (
            "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN A\n\nTrang chủ » Tin tức » Kinh tế\nHuyện A tổng kết năm 2022\n"
            "Thứ hai, 09/01/2023 08:15",
            "Huyện A tổng kết năm 2022",
            "2023-01-09",
        ),
        # a byline and the date on one line after a bar
        (
            "Huyện A tổng kết năm 2022\nTác giả: Nguyễn Văn An | 12/01/2023 10:30",
            "Huyện A tổng kết năm 2022",
            "2023-01-12",
        ),
        # today's date in the portal's top bar above the article's
        (
            "Thứ tư, 24/04/2024\nThứ ba, 24/01/2023 | 10:31\n\nHuyện A tổng kết năm 2022",
            "Huyện A tổng kết năm 2022",
            "2023-01-24",
        ),
        # a section label that begins the headline
        (
            "Tình hình kinh tế - xã hội\nTình hình kinh tế - xã hội quý I năm 2023",
            "Tình hình kinh tế - xã hội quý I năm 2023",
            None,
        ),
        # an official document's header, its type above its subject, a place before its date
        (
            "ỦY BAN NHÂN DÂN\nHUYỆN A\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 12/BC-UBND\nHuyện A, ngày 25 tháng 12 năm 2022\nBÁO CÁO\nTình hình kinh tế - xã hội năm 2022",
            "BÁO CÁO Tình hình kinh tế - xã hội năm 2022",
            "2022-12-25",
        ),
        # a one-sentence lead above the headline and its date
        (
            "Năm 2022 để lại nhiều dấu ấn với người dân huyện A.\nHuyện A: 10 sự kiện nổi bật\n15/01/2023 09:00",
            "Huyện A: 10 sự kiện nổi bật",
            "2023-01-15",
        ),
        # the headline's own timestamp
        ("HUYỆN A ĐẠT NHIỀU KẾT QUẢ (10:59 AM-27/01/2022)", "HUYỆN A ĐẠT NHIỀU KẾT QUẢ", "2022-01-27"),
        # a page date key sharing the headline's line
        (
            " date 2022-12 Huyện A - 10 sự kiện nổi bật năm 2022",
            "Huyện A - 10 sự kiện nổi bật năm 2022",
            None,
        ),
        # an all-capitals byline under the headline
        ("Kinh tế tháng 5 tiếp tục khởi sắc\n\nTHẢO HƯƠNG", "Kinh tế tháng 5 tiếp tục khởi sắc", None),
        # an English page: section name, headline, author, US date
        (
            "2017 Annual Report\n\nCounty Releases 2017 Annual Report\n\nAuthor: Administrative Office\n"
            "Date: 2/20/2018 4:56 PM",
            "County Releases 2017 Annual Report",
            "2018-02-20",
        ),
    ],
)
def test_headlines_and_dates_past_page_furniture(header, title, date):
    report = parse_text(f"{header}\n\n{BODY}\n\n{BODY}\n")
    assert (report.title, report.date) == (title, date)


def test_every_line_a_paragraph_keeps_the_first_line_as_headline():
    # No blank lines: a caption or lead under the headline is not taken for it.
    text = f"Giá vàng tăng mạnh\nGiá vàng hôm nay tăng 200 nghìn đồng mỗi lượng\n{BODY}\n"
    assert parse_text(text).title == "Giá vàng tăng mạnh"


@pytest.mark.parametrize("line", ["Trang 1/3", "Page 2 of 12", "page 1 of 1", "Page 3: Annual Report 2018"])
def test_pager_lines_are_furniture(line):
    cfg = default_config()
    lines = split_lines(f"Tiêu đề\n{BODY}\n{line}\n")
    marks = classify_lines(lines, cfg.parse_rules.furniture)
    assert marks.get(2) == "pager"


def test_a_lone_item_number_is_not_a_counter():
    cfg = default_config()
    lines = split_lines("1.\nHội nghị cấp cao\n")
    assert classify_lines(lines, cfg.parse_rules.furniture) == {}


def test_label_headed_parts_are_unnumbered_sections():
    text = (
        "Progress report\n\nSome of the items included in the report:\n\n"
        "FINANCE: the City improved its debt profile and adopted purchasing regulations.\n\n"
        "PUBLIC SAFETY: appointed a new Police Chief and created an emergency office.\n\n"
        "Our Achievements:\n\nApproximately £1.6 million of efficiency savings were achieved this year.\n"
    )
    report = parse_text(text)
    assert [s.title for s in report.sections if s.number is None][1:] == [
        "FINANCE",
        "PUBLIC SAFETY",
        "Our Achievements",
    ]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("26/12/2021 07:17 GMT+7 | Trong nước", "2021-12-26"),
        ("Nguyễn Văn An | 12/01/2022 10:30", "2022-01-12"),
        ("Post on 21-Mar-2020", "2020-03-21"),
        ("Date: 2/20/2018 4:56 PM", "2018-02-20"),
        ("Kon Tum, ngày 25 tháng 01 năm 2024", "2024-01-25"),
    ],
)
def test_more_date_lines(line, iso):
    assert date_in_line(line) == iso


def test_date_prefix_and_stamp():
    assert date_prefix("date 2023-12-04 The council") == ("2023-12-04", 16)
    assert date_prefix("date 2022-12 Hà Tĩnh") == (None, 13)
    assert date_prefix("Tháng 2022-12 mới") == (None, 0)
    assert trailing_stamp("TIÊU ĐỀ (10:59 AM-27/01/2022)") == ("2022-01-27", 7)


@pytest.mark.parametrize(
    "line",
    ["« Trước 1 2 3 Tiếp »", "Trang 1 2 3 4 5 Tiếp Cuối", "Báo cáo tình hình kinh tế tháng 9 - Trang 3"],
)
def test_pager_links_and_page_footers_are_furniture(line):
    cfg = default_config()
    lines = split_lines(f"Tiêu đề\n{BODY}\n{line}\n")
    marks = classify_lines(lines, cfg.parse_rules.furniture)
    assert marks.get(2) == "pager"


def test_a_running_footer_of_a_converted_document_is_furniture():
    pages = ["\n".join(f"Dòng {i} của trang {p} với nội dung báo cáo." for i in range(14)) for p in range(3)]
    text = "\n".join(f"{page}\nCục Thống kê tỉnh A - Báo cáo tháng 9" for page in pages)
    cfg = default_config()
    lines = split_lines(text)
    marks = classify_lines(lines, cfg.parse_rules.furniture)
    assert {lines[i].text for i, why in marks.items() if why == "running"} == {
        "Cục Thống kê tỉnh A - Báo cáo tháng 9"
    }
    # The same words down a table's first column are content.
    table = "\n".join(f"Trường Đại học Khoa học\nNgành {i}\n{i}.500.000" for i in range(3))
    marks = classify_lines(split_lines(table), cfg.parse_rules.furniture)
    assert "running" not in marks.values()


def test_capital_letter_parts_over_arabic_items_that_restart():
    part = "\n".join(f"{n}. Mục {n}\n{BODY}" for n in (1, 2))
    text = f"Báo cáo năm 2022\n\nA. Tình hình kinh tế\n{part}\nB. Tình hình xã hội\n{part}\n"
    assert _numbered(text) == [(1, "Tình hình kinh tế"), (2, "Tình hình xã hội")]
    # Restarting one-line items that are no run at all do not break the choice.
    items = "\n".join(f"{n}. Mục {n}" for n in (1, 2))
    text = (
        f"Báo cáo năm 2022\n\nA. Tình hình kinh tế\n{BODY}\n{items}\nB. Tình hình xã hội\n{BODY}\n{items}\n"
    )
    assert _numbered(text) == [(1, "Tình hình kinh tế"), (2, "Tình hình xã hội")]
