"""What a figure means (issue 13): periods, places, labels by the sentence's structure, on real wording."""

from __future__ import annotations

from reportview.core.labels import only_function_words
from reportview.core.loading import parse_text
from reportview.core.places import lookup, place_key, province_2025, provinces, provinces_2025


def _figs(text: str):
    report = parse_text(text)
    return report, {f.text: f for f in report.figures}


def test_periods_from_the_sentence_else_the_report():
    report, figs = _figs(
        "Tình hình kinh tế - xã hội Quý I năm 2021\n\n"
        "Đến tháng 3/2021, 100% cơ quan đã triển khai.\nSố đảng viên hoàn thành tốt nhiệm vụ đạt tỷ lệ 93,18% "
        "(năm 2020 là 92,66%); thu 6 tháng đầu năm 2021 đạt 5,2 tỷ đồng. Cấp 12 giấy phép.\n"
    )
    assert report.period == "2021-Q1"
    assert figs["100%"].period == "2021-03"
    assert figs["93,18%"].period == "2021-Q1"
    assert figs["92,66%"].period == "2020"
    assert figs["5,2 tỷ đồng"].period == "2021-H1"
    assert figs["12"].period == "2021-Q1"


def test_months_before_a_reporting_verb_are_the_period_not_a_figure():
    report, figs = _figs(
        "Báo cáo kinh tế - xã hội năm 2022 huyện Đông Anh\n\n"
        "Giá trị sản xuất các ngành kinh tế trên địa bàn huyện 6 tháng ước đạt 81.289 tỷ đồng, tăng 7,7% so "
        "với cùng kỳ. Tính chung 9 tháng đạt 1.154 triệu USD. Dự án kéo dài 6 tháng, đạt 50% khối lượng.\n"
    )
    assert "6 tháng" in figs  # a duration: "kéo dài 6 tháng," (a comma before the verb)
    assert [f.text for f in report.figures].count("6 tháng") == 1 and "9 tháng" not in figs
    assert figs["81.289 tỷ đồng"].period == "2022-H1"
    assert figs["7,7%"].period == "2022-H1"
    assert figs["1.154 triệu USD"].period == "2022-9M"


def test_a_comparison_year_is_not_the_period():
    _, figs = _figs("Năm 2021\n\nGRDP tăng 7% so với năm 2020 (mức tăng trưởng của toàn tỉnh là 6,9%).\n")
    assert figs["7%"].period == "2021"
    assert figs["6,9%"].period == "2021"


def test_a_month_without_its_year_takes_the_year_around_it():
    report, figs = _figs(
        "Tình hình kinh tế - xã hội tháng 9 và 9 tháng năm 2023 tỉnh Bình Định\n\n"
        "Chỉ số sản xuất công nghiệp tháng 9 tăng 2,68% so cùng kỳ; tính chung 9 tháng năm 2023 tăng 1,51%.\n"
        "Trong tháng 9, kim ngạch xuất khẩu đạt 150,3 triệu USD. Tháng 10.000 người lao động.\n"
    )
    # In the title, "tháng 9" beside "9 tháng năm 2023": the report covers the nine months.
    assert report.period == "2023-9M"
    assert figs["2,68%"].period == "2023-09"
    assert figs["1,51%"].period == "2023-9M"
    assert figs["150,3 triệu USD"].period == "2023-09"


def test_a_report_of_a_month_and_its_year_is_the_year():
    report, _ = _figs("Tình hình kinh tế - xã hội tháng 12 và năm 2022 tỉnh Bình Phước\n\nGRDP tăng 8,42%.\n")
    assert report.period == "2022"


def test_a_place_a_figure_is_compared_with_is_not_its_place():
    _, figs = _figs(
        "Năm 2023, tăng trưởng GRDP của tỉnh Quảng Ninh ước đạt 11,03% gấp hơn 2 lần so với trung bình cả"
        " nước, đứng thứ nhất vùng. Mức tăng trưởng của cả nước là 5,05%.\n"
    )
    assert figs["11,03%"].place is None
    assert figs["5,05%"].place == "cả nước"


def test_place_key_and_the_2025_merger():
    assert place_key("tỉnh Gia Lai") == "gia-lai"
    assert place_key("TP HCM") == place_key("Thành phố Hồ Chí Minh") == "ho-chi-minh"
    assert place_key("tỉnh Bà Rịa - Vũng Tàu") == "ba-ria-vung-tau"
    assert place_key("huyện Xuyên Mộc") == "xuyen-moc"
    assert len(provinces()) == 63 and len(provinces_2025()) == 34
    assert province_2025("Bắc Kạn").name == "Thái Nguyên"
    assert province_2025("tỉnh Bình Định").name == "Gia Lai"
    assert lookup("Nghệ An")[0].level == "province"
    # Districts (GSO codes) with their province; the kind said picks between a province and its city.
    assert [(p.level, p.province_code) for p in lookup("huyện Xuyên Mộc")] == [("district", 77)]
    assert lookup("thành phố Bắc Ninh")[0].level == "district"
    assert lookup("tỉnh Bắc Ninh")[0].level == "province"
    assert province_2025("thành phố Pleiku").name == "Gia Lai"
    assert province_2025("thành phố Chí Linh").name == "Hải Phòng"


def test_report_place_and_a_figure_about_another_place():
    report, figs = _figs(
        "10 dấu ấn nổi bật của thành phố Bắc Ninh năm 2021\n\n"
        "Kinh tế của thành phố Bắc Ninh khởi sắc: GRDP tăng 7% (mức tăng trưởng của toàn tỉnh là 6,9%); "
        "đình chỉ 48 cơ sở sản xuất giấy tại phường Phong Khê.\n"
    )
    assert report.place == "thành phố Bắc Ninh"
    assert figs["7%"].place is None
    assert figs["6,9%"].place == "toàn tỉnh"
    assert figs["48"].place == "phường Phong Khê"


def test_labels_carry_the_subject_and_the_parenthesis_owner():
    _, figs = _figs(
        "Tiêu đề\n\nTổng sản phẩm trên địa bàn (GRDP, theo giá so sánh năm 2010) ước đạt 39.399,4 tỷ đồng, "
        "vượt 0,9% kế hoạch, tăng 7% so với năm 2020. Về cơ cấu kinh tế, tỷ trọng khu vực dịch vụ chiếm "
        "52,24%; công nghiệp - xây dựng chiếm 46,98% (tương ứng với năm 2020 là 52,6%; 46,6%). "
        "Giá trị sản xuất nông, lâm, thủy sản đạt 2.556 tỷ đồng.\n"
    )
    assert figs["39.399,4 tỷ đồng"].label == "Tổng sản phẩm trên địa bàn (GRDP)"
    assert figs["0,9%"].label == figs["7%"].label == "GRDP"
    assert (figs["0,9%"].base, figs["7%"].base) == ("kế hoạch", "so với năm 2020")
    assert figs["52,6%"].label == "tỷ trọng khu vực dịch vụ năm 2020"
    assert figs["46,6%"].label == "công nghiệp - xây dựng năm 2020"
    assert figs["2.556 tỷ đồng"].label == "Giá trị sản xuất nông, lâm, thủy sản"


def test_labels_are_never_bare_words_or_cut():
    _, figs = _figs(
        "Tiêu đề\n\nChi bộ khu Ngô Khê được thành lập, như vậy 100% khu phố đã có chi bộ đảng. "
        "Tổ chức Lễ giao nhận quân, hoàn thành 100% chỉ tiêu giao quân trong bối cảnh dịch.\n"
    )
    for f in figs.values():
        assert f.label and not only_function_words(f.label) and "…" not in f.label
    assert only_function_words("như vậy") and only_function_words("hoàn thành")
    assert not only_function_words("khu phố")


def test_a_short_fronted_clause_gives_way_to_the_subject_after_it():
    # "Trước đó, Apple cũng vừa ..., đạt 89,6 tỷ USD": no phrase of its own before the figure, and
    # the sentence's first clause names nothing; its subject is the next clause's, adverbs dropped.
    _, figs = _figs(
        "Tiêu đề\n\nTrước đó, Apple cũng vừa đưa ra báo cáo với doanh thu kỷ lục trong tháng 3, đạt 89,6 tỷ"
        " USD, tăng 54% so với cùng kỳ năm ngoái.\n"
    )
    assert figs["89,6 tỷ USD"].label == "Apple" and figs["54%"].label == "Apple"
    # A long first clause (a quotation, a list) is not passed over.
    _, figs = _figs('Tiêu đề\n\nGiá vé có lúc bị dân "phe" đẩy lên cao gấp chục lần, thậm chí gần 20 lần.\n')
    assert figs["20 lần"].label != "phe"


def test_a_difference_opened_by_a_comparative_measures_what_came_before():
    _, figs = _figs(
        "Tiêu đề\n\nThuế sản phẩm ước tăng 7,39%, cao hơn 1,03 điểm % so với cùng kỳ. Tốc độ tăng trưởng"
        " GRDP ước đạt 12,9%, cao hơn nhiều so với quý I-2021 (7,11%). Diện tích cao su đạt 500 ha.\n"
    )
    assert figs["1,03 điểm"].label == "Thuế sản phẩm"
    assert figs["7,11%"].label == figs["12,9%"].label == "Tốc độ tăng trưởng GRDP"
    assert figs["500 ha"].label == "Diện tích cao su"  # "cao" alone is a word, not a comparative


def test_a_fronted_adverbial_a_period_or_a_base_is_never_the_label():
    _, figs = _figs(
        "Tiêu đề\n\nTheo báo cáo, số người thất nghiệp trong độ tuổi lao động là 1,1 triệu người. Thu ngân"
        " sách đạt 3.038 tỉ đồng, bằng 111,8% kế hoạch, gấp 4 lần năm 2021. Giải ngân đạt 296 tỷ đồng, bằng"
        " 22,3% KH, tăng 3,1% so với cùng kỳ. Có 4 nhiệm vụ KH&CN được nghiệm thu.\n"
    )
    assert figs["1,1 triệu"].label == "số người thất nghiệp trong độ tuổi lao động"
    assert figs["4 lần"].label == "Thu ngân sách"
    assert figs["22,3%"].label == "Giải ngân" and figs["22,3%"].base == "KH"
    assert figs["4"].base is None  # KH&CN is science and technology, not a plan


def test_quarters_after_trong_do_and_vietnamese_an_stay_in_the_label():
    _, figs = _figs(
        "Tiêu đề\n\nTổng sản phẩm (GRDP) năm 2023 tăng 2,58% so với năm 2022. Trong đó, quý I tăng 7,49%;"
        " quý II giảm 0,60%. GRDP bình quân đầu người đạt 4.429 USD, tăng 10,9% so cùng kỳ. Phố cổ Hội An"
        " cách 20km. Lực lượng công an tỉnh Nghệ An huy động 300 cán bộ.\n"
    )
    assert figs["7,49%"].label == figs["0,60%"].label == "Tổng sản phẩm (GRDP) năm 2023"
    assert figs["10,9%"].label == "GRDP bình quân đầu người"  # not "tương đương" or a bare period noun
    assert figs["20km"].label.startswith("Phố cổ Hội An")
    assert "Nghệ An" in (figs["300"].label or "")


def test_the_parts_in_a_parenthesis_and_a_leading_period_in_a_label():
    _, figs = _figs(
        "Tiêu đề\n\nKhu vực công nghiệp và xây dựng tăng 8,22% (trong đó công nghiệp tăng 8,48%; xây dựng"
        " tăng 7,57%). Đặc biệt, năm 2024 thu ngân sách nhà nước ước đạt 54.341 tỉ đồng.\n"
    )
    assert figs["8,48%"].label == "công nghiệp" and figs["7,57%"].label == "xây dựng"
    assert figs["54.341 tỉ đồng"].label == "thu ngân sách nhà nước"
    assert figs["54.341 tỉ đồng"].period == "2024"


def test_long_provincial_subjects_keep_their_head():
    _, figs = _figs(
        "Tiêu đề\n\nTrong mức tăng chung 6,8% thì khu vực nông, lâm nghiệp và thủy sản tăng 3,19%. Giá trị"
        " tăng thêm khu vực nông, lâm nghiệp và thuỷ sản (khu vực I) ước tính 13.897,96 tỷ đồng. Tổng sản"
        " phẩm (GRDP) 6 tháng đầu năm 2024 trên địa bàn toàn tỉnh (giá so sánh 2010) ước đạt gần 25.493 tỷ"
        " đồng. Tốc độ tăng trưởng tổng sản phẩm trên địa bàn tỉnh (GRDP) 9 tháng đầu năm 2023 ước tăng"
        " 6,27%.\n"
    )
    assert figs["3,19%"].label == "khu vực nông, lâm nghiệp và thủy sản"
    assert figs["13.897,96 tỷ đồng"].label == "Giá trị tăng thêm khu vực nông, lâm nghiệp và thuỷ sản"
    assert figs["25.493 tỷ đồng"].label == "Tổng sản phẩm (GRDP) 6 tháng đầu năm 2024 trên địa bàn toàn tỉnh"
    # Too long whole: its period goes first (the figure's period holds it), not its head.
    assert figs["6,27%"].label == "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn tỉnh (GRDP)"
    assert figs["6,27%"].period == "2023-9M"


def test_every_period_word_of_the_tables_can_open_a_period():
    # The pattern's first-letter check is built from the tables: "over" (an English term word)
    # was missing from a hand-typed list and never matched.
    from reportview.core.periods import mentions

    assert [m.period for m in mentions("Revenue grew over 2021-2025.")] == ["2021-2025"]


def test_a_list_item_with_its_own_figure_is_not_the_figure_before_it():
    _, figs = _figs(
        "Tiêu đề\n\nSản lượng lúa cả năm ước đạt 1,2 triệu tấn, năng suất 60 tạ/ha. Toàn thành phố có"
        " 35 chung cư, nhà ở xã hội với 14.676 người đang sinh sống. Thực hiện 8 đề tài, dự án chuyển"
        " tiếp từ năm 2020.\n"
    )
    # "năng suất 60 tạ/ha" is the next item, with its own figure: not what 1,2 triệu tấn measures.
    assert figs["1,2 triệu tấn"].label == "Sản lượng lúa cả năm"
    assert figs["60 tạ/ha"].label.startswith("năng suất")
    # An item joined by "với" to a figure, or holding a year, still continues the list.
    assert figs["35"].label == "chung cư, nhà ở xã hội"
    assert figs["8"].label.startswith("đề tài, dự án chuyển tiếp")


def test_a_share_is_the_part_in_the_whole():
    _, figs = _figs(
        "Tiêu đề\n\nVốn khu vực nhà nước đạt 48.958,6 tỷ đồng, chiếm 20,3% tổng vốn đầu tư toàn xã hội,"
        " giảm 13,1% so với cùng kỳ. Cuộc họp có 90 cổ đông tham dự, với 1.148.284.348 cổ phần, chiếm tỷ"
        " lệ 93,4%. Theo UNDP, khoảng 25 triệu người - chiếm 48% dân số Myanmar. Tỷ trọng khu vực dịch vụ"
        " chiếm 52,24%. Lớp 12 là 36 câu (chiếm 90%). Property taxes brought in $4.2 million, accounting"
        " for 38% of the general fund.\n"
    )
    assert figs["20,3%"].label == "Vốn khu vực nhà nước trong tổng vốn đầu tư toàn xã hội"
    # What follows the share measures the part again, not the share.
    assert figs["13,1%"].label == "Vốn khu vực nhà nước"
    assert figs["93,4%"].label == "cổ phần"
    assert figs["48%"].label == "người trong dân số Myanmar"
    # A clause naming its own part keeps it; a share naming no whole keeps the label it has.
    assert figs["52,24%"].label == "Tỷ trọng khu vực dịch vụ"
    assert figs["90%"].label and "lớp 12" in figs["90%"].label.lower()
    assert figs["$4.2 million"].label == "Property taxes"
    assert figs["38%"].label == "Property taxes of general fund"


def test_a_fronted_adverbial_is_no_subject():
    _, figs = _figs(
        "Tiêu đề\n\nTheo UNDP, 48% dân số Myanmar sẽ rơi vào cảnh đói nghèo. Tại TP.HCM, giá vàng SJC niêm yết 55,1 triệu đồng/lượng.\n"
    )
    assert figs["55,1 triệu đồng/lượng"].label == "giá vàng SJC niêm yết"


def test_budget_lines_ratios_and_multiples_name_what_they_measure():
    _, figs = _figs(
        "Title\n\n- $32.48 million for capital projects, such as flood mitigation and park improvements\n"
        "- $36.58 million for operating costs, including $2.66 million for the police department\n"
        "Over the past year, the rate has ranged from 3.9 percent to 4.1 percent. The fund's expenses are"
        " proposed at $12.83 million.\n"
    )
    assert figs["$32.48 million"].label == "capital projects"
    assert figs["$36.58 million"].label == "operating costs"
    assert figs["$2.66 million"].label == "police department"
    assert figs["3.9 percent"].label == "rate"
    assert figs["$12.83 million"].label == "fund's expenses"
    _, figs = _figs(
        "Tiêu đề\n\n+ Tổng diện tích gieo trồng 5.614/6.300 ha.\n+ Sản lượng lương thực có hạt: 17.400/18.400"
        " tấn.\nQuy mô các ngành kinh tế tăng gấp 2,58 lần so năm 2015.\n"
    )
    assert figs["5.614/6.300"].label == "Tổng diện tích gieo trồng"
    assert figs["17.400/18.400"].label == "Sản lượng lương thực có hạt"
    assert figs["2,58 lần"].label == "Quy mô các ngành kinh tế"


def test_english_labels_are_the_noun_phrase_not_the_verb_before_it():
    _, figs = _figs(
        "Title\n\nCouncil also ratified the FY 2022-23's tax rate at $0.1778 per $100. The rate of $0.1900"
        " still exceeds the no-new-revenue rate of $0.1512. Proposed revenue from the consolidated utility"
        " fund, which includes water, wastewater and utility operations, is set at $15.88 million. The number"
        " of persons employed part time for economic reasons was 3.2 million in September. The council"
        " adopted a $72.6 million budget. About 412 communes met the standard.\n"
    )
    assert figs["$0.1778"].label == "FY 2022-23's tax rate"
    assert figs["$0.1512"].label == "no-new-revenue rate"
    assert figs["$15.88 million"].label == "Proposed revenue from the consolidated utility fund"
    assert figs["3.2 million"].label == "number of persons employed part time for economic reasons"
    assert figs["$72.6 million"].label == "budget"
    # What is said of a counted noun keeps its verb.
    assert figs["412"].label == "communes met the standard"


def test_a_subject_that_attains_a_count_is_what_is_counted():
    _, figs = _figs(
        "Tiêu đề\n\nLượng khách đến Bình Thuận đạt khoảng 4,46 triệu lượt. Thành lập mới 605 doanh nghiệp."
        " Toàn tỉnh có 30 dự án.\n"
    )
    assert figs["4,46 triệu"].label == "Lượng khách đến Bình Thuận"  # not "lượt lượng khách ..."
    assert figs["605"].label == "doanh nghiệp thành lập mới"
    assert figs["30"].label.startswith("dự án")


def test_a_time_offset_has_no_label_and_lends_its_sentence_to_the_next():
    _, figs = _figs(
        "Tiêu đề\n\nTuy nhiên, chỉ 5 phút sau, Văn Quyết dứt điểm. Tăng trưởng kinh tế đạt mức cao nhất trong"
        " 4 năm qua. Tỷ lệ sử dụng thuốc lá liên tục giảm trong 10 năm qua, từ 20,9% năm 2005 xuống 15,5%"
        " năm 2016.\n"
    )
    assert figs["5 phút"].label is None and figs["4 năm"].label is None and figs["10 năm"].label is None
    assert figs["20,9%"].label == "Tỷ lệ sử dụng thuốc lá liên tục"


def test_english_amounts_named_by_the_noun_they_modify_or_the_list_item():
    _, figs = _figs(
        "Title\n\nPleasant Valley superintendent proposes 2% tax increase. The recommended 3% increase would"
        " raise the annual school tax bill by about $78, or roughly $6.50 per month. Revenue totals about"
        " $116.1 million: $57.8 million in local revenue, $56.7 million from state sources and roughly $1.5"
        " million from federal grants. It would result in a £232.10 charge for a band D property.\n"
    )
    assert figs["2%"].label == "tax increase"
    assert figs["3%"].label == "increase"
    assert figs["$6.50"].label == "annual school tax bill"  # "per month" names no thing
    assert figs["$57.8 million"].label == "local revenue"
    assert figs["$56.7 million"].label == "state sources"
    assert figs["$1.5 million"].label == "federal grants"
    assert figs["£232.10"].label == "charge"


def test_a_name_after_a_glued_unit_names_the_next_figure():
    _, figs = _figs("Tiêu đề\n\nNgô vụ mùa trồng được 3ha sản lượng ước đạt 6 tấn, diện tích giảm do mưa.\n")
    assert figs["6 tấn"].label == "sản lượng"


def test_a_name_before_a_colon_and_amounts_named_by_what_they_are_in():
    _, figs = _figs(
        "Tiêu đề\n\nTrong đó, chỉ số sản xuất công nghiệp của tỉnh Hà Giang (IIP) có mức tăng khá ngoạn mục:"
        " 23,87%.\n- Số ca điều trị khỏi: 1.018 ca.\n"
    )
    assert figs["23,87%"].label == "chỉ số sản xuất công nghiệp của tỉnh Hà Giang (IIP)"
    assert figs["1.018"].label == "Số ca điều trị khỏi"
    _, figs = _figs(
        "Title\n\nThe Fire Department issued 424 permits and collected $15,995 in fees. Sales were $5"
        " million in the first quarter. Fees and charges were to be increased by 7% where feasible.\n"
    )
    assert figs["$15,995"].label == "fees"
    assert figs["$5 million"].label == "Sales"
    assert figs["7%"].label == "Fees and charges"


def test_a_vietnamese_label_is_its_indicator_not_the_clause_around_it():
    _, figs = _figs(
        "Tiêu đề\n\nBạc Liêu phấn đấu đạt tốc độ tăng trưởng kinh tế giai đoạn 2021-2025 tăng 10%. Thống kê"
        " sơ bộ, xuất khẩu nông – lâm – thuỷ sản đạt kết quả cao kỷ lục 48,6 tỷ USD. Cơ cấu kinh tế chuyển"
        " dịch tích cực theo hướng giảm dần tỷ trọng nông nghiệp (40,63%). Theo đó, tỉnh Đồng Tháp cũ có tổng"
        " thu 6 tháng đầu năm 2025 là 6.742 tỷ đồng. Dư nợ ngắn hạn chiếm tỷ trọng chủ yếu 96,21%. Tỷ lệ xã"
        " đạt chuẩn nông thôn mới đạt 68,2%. Ông mua một tòa nhà có giá trị 654 tỷ đồng.\n"
    )
    assert figs["10%"].label == "tốc độ tăng trưởng kinh tế giai đoạn 2021-2025"
    assert figs["48,6 tỷ USD"].label == "xuất khẩu nông – lâm – thuỷ sản"
    assert figs["40,63%"].label == "tỷ trọng nông nghiệp"
    assert figs["6.742 tỷ đồng"].label == "tổng thu 6 tháng đầu năm 2025 của tỉnh Đồng Tháp cũ"
    assert figs["96,21%"].label == "Dư nợ ngắn hạn"
    assert figs["68,2%"].label == "Tỷ lệ xã đạt chuẩn nông thôn mới"  # it opens with its indicator
    assert figs["654 tỷ đồng"].label.startswith("giá trị")


def test_english_amounts_after_a_verb_are_named_by_what_they_are_in():
    _, figs = _figs(
        "Title\n\nThose taxpayers will pay an additional $5.05 in county taxes this year. The budget includes"
        " about $69.2 million in revenues. Council issued $1.337 million worth of works permits. The"
        " inflationary factor is up to 1.77 percent this year, over 0.93 percent last year.\n"
    )
    assert figs["$5.05"].label == "county taxes"
    assert figs["$69.2 million"].label == "revenues"
    assert figs["$1.337 million"].label == "works permits"
    assert figs["0.93 percent"].label == "inflationary factor"  # "last year" names no thing


def test_parts_lists_reporting_verbs_and_spans_in_vietnamese_labels():
    _, figs = _figs(
        "Tiêu đề\n\nKhu vực công nghiệp và xây dựng tăng 8,1%, đóng góp 4,9 điểm phần trăm trong đó khu vực"
        " công nghiệp tăng 7,5%. Tổng lượt khách tham quan, lưu trú du lịch ước đạt gần 2,3 triệu lượt. Ông"
        " Đoàn Thanh Sơn cho biết tốc độ tăng trưởng GRDP của tỉnh đạt 8,06%. Lũy kế 4 tháng nhập khẩu đạt"
        " 258,37 triệu USD. Dự án có ít nhất 1.500 MW.\n"
    )
    assert figs["7,5%"].label == "khu vực công nghiệp"  # after "trong đó", the part
    assert figs["2,3 triệu"].label == "Tổng lượt khách tham quan, lưu trú du lịch"
    assert figs["8,06%"].label == "tốc độ tăng trưởng GRDP của tỉnh"  # not the speaker
    assert figs["4 tháng"].label is None  # a span of time
    assert "nhập khẩu" in figs["258,37 triệu USD"].label
    assert figs["1.500 MW"].label != "ít nhất"


def test_english_bases_of_time_and_values_of_things():
    _, figs = _figs(
        "Title\n\nThe requirement results in an increase of $226 per year for an average house valued at"
        " $500,000. The average utility rate will increase $12.30 per month (8.5 per cent from the prior"
        " year). The estate emissions are estimated to be 5,822 tonnes. The fastest rise was in London,"
        " followed by the East of England (up 13.4%).\n"
    )
    assert figs["$226"].label == "increase"
    assert figs["$500,000"].label == "average house"
    assert figs["$12.30"].label == "average utility rate"
    assert figs["8.5 per cent"].label == "average utility rate"  # "from the prior year" is its base
    assert figs["5,822 tonnes"].label == "estate emissions"
    assert figs["13.4%"].label == "East of England"


def test_nouns_made_of_verbs_and_clauses_after_thi_keep_their_names():
    _, figs = _figs(
        "Tiêu đề\n\nCông nghiệp – xây dựng tiếp đà phát triển với tốc độ tăng trưởng dự ước đạt 9,9%. Giá trị"
        " tăng thêm ước đạt 500 tỷ đồng. Nếu loại trừ biến động giá (bình quân 8 tháng tăng 3,46% so với cùng"
        " kỳ) thì tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng thực tế tăng 9,2%.\n"
    )
    assert figs["9,9%"].label == "tốc độ tăng trưởng"
    assert figs["500 tỷ đồng"].label == "Giá trị tăng thêm"
    assert figs["9,2%"].label == "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng thực tế"


def test_names_keep_their_capitals_and_targets_are_bases():
    _, figs = _figs(
        "Tiêu đề\n\nTrong 5 ngày nghỉ lễ 30/4, Sa Pa ước đón 103.000 lượt khách. Giá trị sản xuất đạt 912 tỷ"
        " đồng, bằng 101,4% mục tiêu NQ HĐND thị xã.\n"
    )
    assert figs["5 ngày"].label is None
    assert figs["103.000"].label == "lượt khách Sa Pa"  # not "sa Pa ước đón"
    assert figs["101,4%"].label == "Giá trị sản xuất" and figs["101,4%"].base.startswith("mục tiêu")
    _, figs = _figs("Title\n\nWe built 700 affordable homes in the last 3 years.\n")
    assert figs["3 years"].label is None


def test_sums_moved_by_a_verb_and_rates_of_a_clause():
    _, figs = _figs(
        "Tiêu đề\n\nQuận đã giải ngân 88,2 tỷ đồng vốn xây dựng cơ bản. Huế thu 11.700 tỷ đồng từ du lịch."
        " Số hộ nghèo còn lại cuối năm là 873, đạt tỷ lệ 2,03%. Tỷ lệ hộ nghèo đạt 2,1%. Công ty đầu tư 700"
        " triệu USD vào Việt Nam.\n"
    )
    assert figs["88,2 tỷ đồng"].label == "vốn xây dựng cơ bản"
    assert figs["11.700 tỷ đồng"].label == "thu từ du lịch"
    assert figs["2,03%"].label == "tỷ lệ số hộ nghèo"
    assert figs["2,1%"].label == "Tỷ lệ hộ nghèo"
    assert figs["700 triệu USD"].label != "Việt Nam"  # no noun after the sum names it


def test_a_period_inside_a_label_keeps_its_word():
    _, figs = _figs("Tiêu đề\n\nTổng thu ngân sách nhà nước trong 6 tháng ước trên 78 tỉ đồng.\n")
    assert figs["78 tỉ đồng"].label == "Tổng thu ngân sách nhà nước trong 6 tháng"  # not "... trong 6"


def test_each_item_of_a_parenthesis_keeps_its_own_name_and_targets_in_estimates_are_bases():
    _, figs = _figs(
        "Tiêu đề\n\nGần 500 ha lúa bị mất trắng (Điện Biên 314 ha, Sơn La 60 ha). Cục Hải quan Hải Phòng thu"
        " được hơn 26.833 tỷ đồng (đạt 63,89% chỉ tiêu dự toán).\n"
    )
    assert figs["314 ha"].label.endswith("Điện Biên") and figs["60 ha"].label.endswith("Sơn La")
    assert figs["63,89%"].base == "chỉ tiêu dự toán" and figs["63,89%"].label != "chỉ tiêu dự toán"


def test_a_label_loses_a_leading_connective_and_the_verb_phrase_after_its_indicator():
    _, figs = _figs(
        "Tiêu đề\n\nNăng suất đạt 63 tạ/ha, giảm 3,5 tạ/ha nên sản lượng đạt 19,4 triệu tấn. Năng suất luôn giữ mức 131 tạ/ha."
        " Kim ngạch xuất khẩu hàng hóa tiếp tục đà phục hồi và tiếp tục tăng cao, đạt 150,3 triệu USD."
        " Vốn xây dựng cơ bản gần 49,7 tỷ đồng, đến cuối năm giải ngân đạt 100% kế hoạch.\n"
        "Zuckerberg đã chi 30 triệu USD. Công nghiệp vẫn là ngành chủ lực, tăng 4,45%.\n"
    )
    assert figs["19,4 triệu tấn"].label == "sản lượng"
    assert figs["131 tạ/ha"].label == "Năng suất"
    assert figs["150,3 triệu USD"].label == "Kim ngạch xuất khẩu hàng hóa"
    assert figs["100%"].label == "giải ngân"  # not "đến cuối năm giải ngân"
    assert figs["30 triệu USD"].label != "Zuckerberg"  # an agent is not what a sum measures
    assert figs["4,45%"].label != "Công nghiệp vẫn"


def test_english_counts_keep_their_noun_phrase_and_what_was_done_to_it():
    _, figs = _figs(
        "Annual report of the council\n\nThere were 25 municipal capital charters focusing on repairing roads."
        " Council approved 14 new positions. Police reported 15 motor vehicles stolen. The Sewer Section"
        " responded to 36 (19%) miscellaneous requests and 32 (17%) sewer-related calls. The County’s budget"
        " has grown to $139.6 million. Savings of £300,000 (there will be additional loan charges of £37,000).\n"
    )
    assert figs["25"].label == "municipal capital charters"
    assert figs["14"].label == "new positions"  # not "positions council approved"
    assert figs["15"].label == "motor vehicles stolen"
    assert figs["19%"].label == "miscellaneous requests" and figs["17%"].label == "sewer-related calls"
    assert figs["$139.6 million"].label == "County’s budget"
    assert figs["£37,000"].label == "additional loan charges"


def test_plans_bases_and_glued_sentences():
    _, figs = _figs(
        "Tiêu đề\n\nTổng đàn bò 11.133 con/KH 16.200-16.500 con. Thu ngân sách tăng 18,4%/KH tăng 10-12%,"
        " vượt kế hoạch 6,6% kế hoạch. Tổng thu ngân sách nhà nước 491,885 tỉ đồng, đạt 87,6% chỉ tiêu pháp"
        " lệnh năm. Tỷ trọng dịch vụ là 6,5%.Tổng giá trị sản xuất nông nghiệp đạt 560,5 tỷ đồng.\n"
    )
    assert figs["16.200-16.500"].label == "Tổng đàn bò KH"  # the plan's figure for the herd
    assert figs["10-12%"].label == "Thu ngân sách KH"
    assert figs["6,6%"].label == "Thu ngân sách"  # "vượt kế hoạch 6,6%" is a change, not the plan
    assert figs["87,6%"].label == "Tổng thu ngân sách nhà nước"
    assert figs["87,6%"].base == "chỉ tiêu pháp lệnh"
    assert figs["560,5 tỷ đồng"].label == "Tổng giá trị sản xuất nông nghiệp"  # a full stop glued on


def test_an_english_pronoun_and_its_verb_are_no_label():
    _, figs = _figs(
        "Annual report of the council\n\nWe know that 16.9% is a big increase. This will be in addition to the"
        " £11.6m already delivered.\n"
    )
    assert figs["16.9%"].label != "We know that"
    assert figs["£11.6m"].label != "This will be in addition"


def test_words_that_name_nothing_alone_give_way_to_the_owner():
    _, figs = _figs(
        "Annual report of the council\n\nThe capital budget of £32,178,305 (comprising £9,928,305 in 2019-20,"
        " £21,180,000 in 2020-21) was approved. Taxpayers will pay an additional $6.57 per month.\n"
    )
    assert figs["£9,928,305"].label == "capital budget" and figs["£21,180,000"].label == "capital budget"
    assert figs["$6.57"].label not in ("additional", "Taxpayers will pay an additional")


def test_what_counted_things_attained_names_them():
    _, figs = _figs(
        "Tiêu đề\n\nCó 14/16 chỉ tiêu đạt và vượt kế hoạch đề ra; 3 chỉ tiêu vượt, 1 chỉ tiêu chưa đạt. Có 01 xã"
        " đạt 15 tiêu chí về xây dựng nông thôn mới.\n"
    )
    assert figs["14/16"].label == "chỉ tiêu đạt và vượt"
    assert figs["3"].label == "chỉ tiêu vượt" and figs["1"].label == "chỉ tiêu chưa đạt"
    assert figs["01"].label == "xã đạt 15 tiêu chí"


def test_a_count_change_and_an_item_under_its_name():
    _, figs = _figs(
        "Tiêu đề\n\nCó 31/37 trường đạt chuẩn quốc gia, tăng 3 trường. Đã xảy ra 192 vụ (không phép: 129 vụ, sai"
        " phép: 63 vụ), tăng 55 vụ so cùng kỳ.\n- Lúa: Diện tích 500 ha, năng suất 60 tạ/ha, sản lượng 3.000 tấn.\n"
    )
    assert figs["3"].label == "trường đạt chuẩn quốc gia"
    assert figs["55"].label == figs["192"].label  # the whole, not the part in brackets
    assert figs["500 ha"].label == "Diện tích lúa"
    assert figs["60 tạ/ha"].label == "năng suất lúa" and figs["3.000 tấn"].label == "sản lượng lúa"


def test_a_plan_after_a_slash_and_a_condition_are_no_label():
    _, figs = _figs(
        "Tiêu đề\n\nThu ngân sách trên địa bàn ước đạt 285 tỷ đồng, tăng 18,4%/KH tăng 10-12%. Tổng mức bán lẻ"
        " hàng hóa đạt 2,4 triệu tỷ đồng, tăng 11,5%, nếu loại trừ yếu tố giá tăng 8,7%.\n"
    )
    assert figs["18,4%"].label == "Thu ngân sách trên địa bàn"
    assert figs["10-12%"].label == "Thu ngân sách trên địa bàn KH"
    assert figs["8,7%"].label == "Tổng mức bán lẻ hàng hóa"


def test_english_bracketed_shares_keep_their_phrase_and_bare_changes_take_the_subject():
    _, figs = _figs(
        "Annual report of the council\n\nThe Traffic and Lighting Section was close with 30 (16%) calls for"
        " electrical problems. The capital budget increased by $86.1 million to $516.2 million, or a 20 percent"
        " increase.\n"
    )
    assert figs["16%"].label == "calls for electrical problems"
    assert figs["20 percent"].label == "capital budget increase"
    _, figs = _figs(
        "Tiêu đề\n\nTổng mức bán lẻ tháng 9 đạt 8.000 tỷ đồng; luỹ kế 9 tháng năm 2023 đạt 77.392,7 tỷ đồng.\n"
    )
    assert figs["77.392,7 tỷ đồng"].label != "luỹ kế 9 tháng năm 2023"


def test_a_noun_ending_in_a_verb_syllable_stays_in_its_list():
    _, figs = _figs(
        "Tiêu đề\n\nTrong đó: máy móc, thiết bị, dụng cụ, phụ tùng khác giảm 34,3%; giầy dép giảm 11%.\n"
    )
    assert figs["34,3%"].label == "máy móc, thiết bị, dụng cụ, phụ tùng khác"


def test_comparatives_alone_and_lists_after_gom_are_no_label():
    _, figs = _figs(
        "Tiêu đề\n\nGiá bán lúa cao hơn so với cùng kỳ năm 2020 từ 1.000 đồng đến 2.000 đồng/kg. Triển khai xây"
        " dựng mới 5 hạng mục công trình gồm cổng Công viên văn hóa, khu thiết chế văn hóa. Có 06 nhóm tăng giá.\n"
    )
    assert figs["1.000 đồng"].label not in ("cao", None)
    assert figs["5"].label == "hạng mục công trình"
    assert figs["06"].label == "nhóm tăng giá"


def test_a_causative_verb_names_nothing_of_the_counted():
    _, figs = _figs("Tiêu đề\n\nTai nạn giao thông xảy ra 56 vụ, làm chết 32 người.\n")
    assert figs["32"].label == "người chết"  # not "người làm chết"


def test_a_fronted_month_is_the_period_not_a_figure_before_the_label():
    _, figs = _figs(
        "Tiêu đề\n\nKinh tế đạt nhiều kết quả: Trong tháng 10 thu ngân sách trên địa bàn đạt 3,2 tỷ đồng. Chỉ số"
        " sản xuất công nghiệp tháng 9 tăng 2,68%.\n"
    )
    assert figs["3,2 tỷ đồng"].label == "thu ngân sách trên địa bàn"
    assert figs["2,68%"].label == "Chỉ số sản xuất công nghiệp"  # the month stays the figure's period


def test_english_amounts_named_by_the_noun_after_them_and_predicates_are_no_label():
    _, figs = _figs(
        "Annual report of the council\n\nThe budget also includes $260,000 building renovations, $150,000"
        " increase in mental health funding and more. Net debt of $19.6 billion in 2017-18, increasing over"
        " the forward estimates to $31.4 billion in 2021-22. LESS than 5 per cent of planning applications"
        " were refused.\n"
    )
    assert figs["$260,000"].label == "building renovations"
    assert figs["$150,000"].label == "increase in mental health funding"
    assert figs["$31.4 billion"].label == "Net debt"
    assert figs["5 per cent"].label.startswith("planning applications")
    _, figs = _figs("Tiêu đề\n\nTrong đó, may mặc tăng 11,1%.\n")
    assert figs["11,1%"].label == "may mặc"  # a Vietnamese word, no English modal


def test_a_bulleted_list_line_keeps_its_head():
    _, figs = _figs("Tiêu đề\n\n- Giá trị Công nghiệp, tiểu thủ công nghiệp tăng 5-7%.\n")
    assert figs["5-7%"].label == "Giá trị Công nghiệp, tiểu thủ công nghiệp"


def test_what_a_place_sowed_names_the_area():
    _, figs = _figs(
        "Tiêu đề\n\nToàn tỉnh gieo trồng 80.888 ha lúa và cây rau màu các loại. Ngô vụ mùa trồng được 3ha sản"
        " lượng ước đạt 6 tấn.\n"
    )
    assert figs["80.888 ha"].label == "lúa và cây rau màu các loại"
    assert figs["3ha"].label != "sản lượng"  # no place: the crop before names it


def test_a_change_right_after_an_amount_and_markup_in_a_page():
    _, figs = _figs(
        "Annual report of the council\n\n<br />The Emergency Services District is proposed at $20,753,931, an"
        " increase of $2,990,267, or 16.8%.\n"
    )
    assert "<br" not in figs["$20,753,931"].label
    assert figs["$2,990,267"].label == figs["$20,753,931"].label + " increase"
    assert figs["16.8%"].label == figs["$2,990,267"].label


def test_a_long_name_opened_by_an_indicator_keeps_its_head():
    _, figs = _figs(
        "Tiêu đề\n\nGiá trị sản phẩm thu hoạch trên mỗi ha mặt nước nuôi trồng thủy sản là 842 triệu đồng/ha."
        " Cơ cấu kinh tế chuyển dịch tích cực theo hướng giảm dần tỷ trọng nông nghiệp còn 40,63%.\n"
    )
    assert (
        figs["842 triệu đồng/ha"].label
        == "Giá trị sản phẩm thu hoạch trên mỗi ha mặt nước nuôi trồng thủy sản"
    )
    assert figs["40,63%"].label == "tỷ trọng nông nghiệp"  # the indicator reached after a verb
    _, figs = _figs(
        "Tiêu đề\n\nTổng kim ngạch xuất khẩu các loại hàng hóa qua Cửa khẩu Quốc tế Vĩnh Xương ước đạt trên 600"
        " triệu USD.\n"
    )
    assert figs["600 triệu USD"].label.startswith("Tổng kim ngạch xuất khẩu")  # a total of an indicator


def test_review_mends_lead_ins_glued_stops_and_two_word_conditions():
    _, figs = _figs(
        "Tiêu đề\n\nTrong đó: Diện tích 500 ha. Doanh thu của Tp.Hồ Chí Minh đạt 500 tỷ đồng. Tổng mức bán lẻ"
        " đạt 2,4 triệu tỷ đồng, tăng 11,5%, giả sử loại trừ yếu tố giá tăng 8,7%.\n"
    )
    assert figs["500 ha"].label == "Diện tích"  # "Trong đó:" is a lead-in, no list item's name
    assert figs["500 tỷ đồng"].label == "Doanh thu của Tp.Hồ Chí Minh"  # "Tp." ends no sentence
    assert figs["8,7%"].label == "Tổng mức bán lẻ"  # "giả sử" is a condition, as "nếu"


def test_what_a_share_accounts_for_and_a_tables_number():
    _, figs = _figs(
        "Annual report of the council\n\nEducation services accounted for 33% of the total gross expenditure."
        " Table 1 shows the breakdown: commercial rates making up €16 million.\n"
    )
    assert figs["33%"].label == "Education services"
    assert figs["€16 million"].label == "commercial rates"
    assert "1" not in figs  # "Table 1" names a table, no figure
