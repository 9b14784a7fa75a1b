"""Word tables: every Vietnamese (and English) word the core reacts to lives here, not in the logic.

Entries are lower-case NFC. Multi-word entries are matched as whole words.
"""

from __future__ import annotations


def _phrases(block: str) -> frozenset[str]:
    """Entries of a table written as '|'-separated phrases over several lines."""
    return frozenset(p.strip() for line in block.splitlines() for p in line.split("|") if p.strip())


# Words that end the sentence introducing a report's list ("... 10 sự kiện nổi bật ... như sau:").
LIST_INTRO_TAILS: tuple[str, ...] = ("như sau", "sau đây", "dưới đây", "as follows", "below")

# --- outline: highlight lists, headings, headers, captions ---------------------------------------

# Words of the line that introduces a highlight list ("Danh sách 10 sự kiện tiêu biểu:", "những dấu
# ấn nổi bật sau:", "Highlights include:"): such a list is the report's sections even when its items
# are one line each with no body.
HIGHLIGHT_INTRO_WORDS: tuple[str, ...] = (
    "sự kiện",
    "dấu ấn",
    "kết quả nổi bật",
    "thành tựu",
    "điểm nhấn",
    "điểm sáng",
    "nổi bật",
    "tiêu biểu",
    "highlights",
    "achievements",
    "accomplishments",
)
# Words that name a numbered heading ("Goal 1: Collection building", "Phần 2. Kinh tế").
NUMBERED_HEADING_WORDS: tuple[str, ...] = (
    "goal",
    "priority",
    "objective",
    "theme",
    "part",
    "chapter",
    "section",
    "phần",
    "chương",
    "mục",
)
# Abbreviations whose full stop ends no sentence ("Đảng bộ TP. Hà Nội", "Mr. Smith"); single capital
# letters (initials) count too.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    tp tx tt ths ts pgs gs bs ks ls ck đc
    mr mrs ms dr st no nos vs etc jr sr inc co ltd dept gov approx fig vol
    """.split()
)
# Openers of a byline under (or over) a headline ("Theo Tổng cục Thống kê", "Author: ...", "By ...").
BYLINE_STARTS: tuple[str, ...] = (
    "theo",
    "tác giả",
    "bài và ảnh",
    "nguồn",
    "phóng viên",
    "author",
    "by",
    "written by",
    "posted by",
    "reported by",
    "source",
)
# Words that join the names of a byline ("Sỹ Đông - Đỗ Trường", "Minh và Lan").
NAME_JOINERS: frozenset[str] = frozenset({"-", "–", ",", "&", "và", "and"})
# Header widgets that read like short titles ("Theo dõi Báo X trên", "Follow us on").
HEADER_WIDGET_STARTS: tuple[str, ...] = ("theo dõi", "follow us", "follow", "content continues below")
# Captions: a photo credit at the end ("... Ảnh: VGP", "(Ảnh: CPV)"), an image's position ("- Ảnh 1",
# "anh 1"), a caption label at the start ("Chú thích ảnh", "Trong ảnh:"), an image file name.
CAPTION_CREDITS: tuple[str, ...] = ("ảnh", "photo", "image", "nguồn ảnh", "credit", "đồ họa", "video", "clip")
CAPTION_STARTS: tuple[str, ...] = (
    "chú thích ảnh",
    "trong ảnh",
    "ảnh minh họa",
    "ảnh minh hoạ",
    "(ảnh",
    "photo:",
)
CAPTION_POSITION_WORDS: tuple[str, ...] = ("ảnh", "anh", "hình", "photo", "image")
IMAGE_SUFFIXES: tuple[str, ...] = (".jpg", ".jpeg", ".png", ".gif", ".webp")
# Breadcrumbs: a trail that opens with the home page ("Trang chủ » Tin tức") or joins short links by
# one of these marks.
BREADCRUMB_HOMES: tuple[str, ...] = ("trang chủ", "trang nhất", "home")
BREADCRUMB_MARKS: tuple[str, ...] = ("»", "›", ">", "/", "|", "→")
# The header of an official document: the state motto lines and the number line (any case), and
# the issuer's name in capitals ("ỦY BAN NHÂN DÂN" / "TỈNH KON TUM", "HUYỆN ỦY X"): not its title.
OFFICIAL_HEADER_STARTS: tuple[str, ...] = (
    "cộng hòa xã hội chủ nghĩa việt nam",
    "cộng hoà xã hội chủ nghĩa việt nam",
    "độc lập - tự do - hạnh phúc",
    "độc lập – tự do – hạnh phúc",
    "số:",
)
OFFICIAL_ISSUER_STARTS: tuple[str, ...] = (
    "ủy ban nhân dân",
    "uỷ ban nhân dân",
    "ubnd",
    "hội đồng nhân dân",
    "hđnd",
    "đảng bộ",
    "đảng ủy",
    "đảng uỷ",
    "huyện ủy",
    "huyện uỷ",
    "tỉnh ủy",
    "tỉnh uỷ",
    "thành ủy",
    "thành uỷ",
    "ban chấp hành",
    "cục thống kê",
    "chi cục thống kê",
    "tổng cục thống kê",
    "sở",
    "tỉnh",
    "huyện",
    "thành phố",
    "thị xã",
    "xã",
    "phường",
)
ISSUER_MAX_WORDS = 6

# A document's type standing alone on its line above its subject ("BÁO CÁO" then "Tình hình kinh tế
# - xã hội năm 2023"): the two lines are one title.
TITLE_DOCUMENT_TYPES: frozenset[str] = frozenset(
    (
        "báo cáo",
        "thông cáo báo chí",
        "thông cáo",
        "tờ trình",
        "kế hoạch",
        "nghị quyết",
        "quyết định",
        "thông báo",
        "chương trình",
        "đề án",
        "press release",
        "annual report",
    )
)
# Page navigation words of a pager line ("« Trước 1 2 3 Tiếp »", "Previous 1 2 Next").
PAGER_NAV_WORDS: frozenset[str] = frozenset(
    "trước sau tiếp cuối đầu trang next previous prev first last page more xem".split()
)
# A short line repeated this often is a running header or footer of a converted document.
RUNNING_LINE_REPEATS = 3

# Small words that stay in lower case in a title-case label ("Report of the Year:").
LABEL_SMALL_WORDS: frozenset[str] = frozenset("a an and at by for in of on or the to with và của".split())

# File types that a document-sharing site writes after a document's name ("... năm 2010 pptx").
FILE_TYPE_WORDS: tuple[str, ...] = ("pdf", "doc", "docx", "ppt", "pptx", "xls", "xlsx", "txt")
# Pager lines ("Trang 1/3", "Page 1 of 12", "Page 2:" of a converted document).
PAGER_WORDS: tuple[str, ...] = ("trang", "page", "tr")
PAGER_OF_WORDS: tuple[str, ...] = ("/", "of", "trên", "trong số")

# --- page header: dates and counters -------------------------------------------------------------

# Words that may stand on a date line beside the date itself ("Thứ Ba, 11/01/2022 17:57 (GMT+0)").
DATE_LINE_WORDS: frozenset[str] = frozenset(
    """
    thứ hai ba tư năm sáu bảy chủ nhật cn t2 t3 t4 t5 t6 t7
    đăng ngày cập nhật lúc giờ vào gmt utc ict sa ch am pm
    số lượt xem lượt xem views view
    monday tuesday wednesday thursday friday saturday sunday
    published updated posted on at by date
    """.split()
)

# Words of counter widgets ("Số lượt xem 936", "Đang online50", "Đã truy cập : 45309579").
COUNTER_WORDS: frozenset[str] = frozenset(
    """
    số lượt xem lượt truy cập đang online trực tuyến đã tất cả hôm nay qua tuần này tháng
    views view visits visitors online today total result results found s download downloads
    """.split()
)

MONTHS_EN: dict[str, int] = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

# Markers of a metadata header line such as "# date = 20200101" in corpus files.
METADATA_DATE_KEYS: tuple[str, ...] = ("date", "published", "ngày")


# --- figures: magnitudes, currencies, units -----------------------------------------------------

# Magnitude words multiply the number before them ("39.399,4 tỷ", "7 nghìn", "2.3 million").
MAGNITUDES: dict[str, float] = {
    "nghìn tỷ": 1e12,
    "ngàn tỷ": 1e12,
    "nghìn tỉ": 1e12,
    "ngàn tỉ": 1e12,
    "nghìn": 1e3,
    "ngàn": 1e3,
    "vạn": 1e4,
    "triệu": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mn": 1e6,
    "bn": 1e9,
}

# After a currency sign, short magnitudes glued to the number: "$5m", "$1.2bn", "$300k".
SHORT_MAGNITUDES: dict[str, float] = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tr": 1e6}
# Words a converted document glues to a short magnitude: "£312.5min funding" is "£312.5m in".
WORDS_GLUED_AFTER_MAGNITUDE: frozenset[str] = frozenset({"in", "on", "of", "for", "to", "from", "and"})

# Currency words after a number -> ISO code. "đồng" is also a syllable of other words
# ("đồng chí"); the longest-match rule over all tables keeps those apart.
CURRENCIES: dict[str, str] = {
    "đồng": "VND",
    "vnđ": "VND",
    "vnd": "VND",
    "đ": "VND",
    "usd": "USD",
    "đô la mỹ": "USD",
    "đô la": "USD",
    "đôla": "USD",
    "đô": "USD",
    "đô la úc": "AUD",
    "đô la canada": "CAD",
    "đô la singapore": "SGD",
    "dollars": "$",
    "dollar": "$",
    "us dollars": "USD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "euro": "EUR",
    "eur": "EUR",
    "yên": "JPY",
    "yen": "JPY",
    "nhân dân tệ": "CNY",
    "bảng anh": "GBP",
    "pounds": "GBP",
    "won": "KRW",
}

# A currency's subunit after a number: "2.7 cents" is 0.027 of the document's dollar ("$").
CURRENCY_SUBUNITS: dict[str, tuple[str, float]] = {
    "cents": ("$", 0.01),
    "cent": ("$", 0.01),
    "¢": ("$", 0.01),
    "pence": ("GBP", 0.01),
}

# "$" is the dollar of the document's country: the words that name a country, counted over the
# document, decide it (the most named wins; none named: USD).
DOLLAR = "$"
DOLLAR_COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "AUD": (
        "australia", "australian", "nsw", "new south wales", "victoria", "queensland", "tasmania",
        "western australia", "south australia", "northern territory", "shire", "qld", "vic",
    ),
    "CAD": ("canada", "canadian", "ontario", "british columbia", "alberta", "quebec", "manitoba", "nova scotia"),
    "NZD": ("new zealand", "aotearoa", "auckland", "wellington"),
    "SGD": ("singapore",),
    "HKD": ("hong kong",),
    "USD": ("united states", "u.s.", "usa", "america", "american", "county", "state of"),
}  # fmt: skip
# Weaker signs, counted once each where no country is named enough: British spellings in a text
# priced in "$" point to Australia (the commonest such council reports), US spellings to the US.
DOLLAR_SPELLING_HINTS: dict[str, tuple[str, ...]] = {
    "AUD": ("centre", "centres", "organisation", "organisations", "neighbour", "neighbours", "programme",
            "colour", "recognised", "prioritise", "licence", "kerb", "footpath", "footpaths", "councillor",
            "councillors", "bushland"),
    "USD": ("center", "centers", "organization", "organizations", "neighbor", "neighbors", "color",
            "recognized", "prioritize", "license", "sidewalk", "sidewalks", "councilmember"),
}  # fmt: skip

# Currency signs written before a number ("$2.3 million", "US$ 40", "A$5m").
CURRENCY_PREFIXES: dict[str, str] = {
    "us$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "c$": "CAD",
    "nz$": "NZD",
    "s$": "SGD",
    "hk$": "HKD",
    "$": "$",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₫": "VND",
    "vnd": "VND",
    "vnđ": "VND",
    "usd": "USD",
    "eur": "EUR",
}

PERCENT_WORDS: tuple[str, ...] = ("%", "phần trăm", "percent", "per cent", "pct")

# Units of measure -> the canonical (case-normalised) unit written in figures.
MEASURE_UNITS: dict[str, str] = {
    # mass
    "tấn": "tấn",
    "tạ": "tạ",
    "yến": "yến",
    "kg": "kg",
    "kilôgam": "kg",
    "kilogam": "kg",
    "ki-lô-gam": "kg",
    "gam": "gam",
    "gram": "gam",
    "g": "g",
    "mg": "mg",
    "tonnes": "tonnes",
    "tonne": "tonnes",
    "tons": "tons",
    "ton": "tons",
    "kilograms": "kg",
    "grams": "g",
    "pounds weight": "lb",
    # area and length
    "ha": "ha",
    "hecta": "ha",
    "héc-ta": "ha",
    "héc ta": "ha",
    "hectares": "ha",
    "hectare": "ha",
    "m2": "m2",
    "m²": "m2",
    "mét vuông": "m2",
    "km2": "km2",
    "km²": "km2",
    "sào": "sào",
    "km": "km",
    "km/h": "km/h",
    "km/s": "km/s",
    "m/s": "m/s",
    "km/giờ": "km/h",
    "mph": "mph",
    "ki-lô-mét": "km",
    "kilômét": "km",
    "kilometres": "km",
    "kilometers": "km",
    "m": "m",
    "mét": "m",
    "metres": "m",
    "meters": "m",
    "cm": "cm",
    "mm": "mm",
    "miles": "miles",
    "mile": "miles",
    "square metres": "m2",
    "square meters": "m2",
    "sqm": "m2",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "square miles": "square miles",
    "square feet": "sq ft",
    "sq ft": "sq ft",
    "acres": "acres",
    "acre": "acres",
    "feet": "feet",
    "ft": "feet",
    "inches": "inches",
    "gallons": "gallons",
    "megalitres": "ML",
    "megaliters": "ML",
    "kilolitres": "kL",
    "lane kilometres": "lane km",
    "lane miles": "lane miles",
    # volume and energy
    "m3": "m3",
    "m³": "m3",
    "mét khối": "m3",
    "lít": "lít",
    "litres": "litres",
    "liters": "litres",
    "ml": "ml",
    "kw": "kW",
    "kwh": "kWh",
    "mw": "MW",
    "mwh": "MWh",
    "gw": "GW",
    "gwh": "GWh",
    "kv": "kV",
    "độ c": "°C",
    "°c": "°C",
    "teu": "TEU",
    "thùng dầu": "thùng dầu",
    "barrels": "barrels",
    # time
    "giờ": "giờ",
    "tiếng": "giờ",
    "phút": "phút",
    "giây": "giây",
    "ngày": "ngày",
    "ngày đêm": "ngày đêm",
    "tuần": "tuần",
    "tháng": "tháng",
    "năm": "năm",
    "thập kỷ": "thập kỷ",
    "hours": "hours",
    "hour": "hours",
    "minutes": "minutes",
    "seconds": "seconds",
    "days": "days",
    "day": "days",
    "weeks": "weeks",
    "months": "months",
    "years": "years",
    "year": "years",
    # multiples and grades
    "lần": "lần",
    "times": "times",
    "sao": "sao",
    "điểm": "điểm",
    "tuổi": "tuổi",
    "bậc": "bậc",
    "độ": "độ",
    "chỉ": "chỉ",
    "lượng": "lượng",
    "điểm phần trăm": "điểm phần trăm",
    "mill": "mills",
    "mills": "mills",
    "percentage points": "percentage points",
    "percentage point": "percentage points",
    "basis points": "basis points",
    "bps": "basis points",
    # devices and data
    "gb": "GB",
    "mb": "MB",
    "tb": "TB",
    "kb": "KB",
    "mp": "MP",
    "megapixel": "megapixel",
    "inch": "inch",
    "mah": "mAh",
    "hz": "Hz",
    "ghz": "GHz",
    "mhz": "MHz",
    "nit": "nit",
    "w": "W",
    "v": "V",
    "mbps": "Mbps",
}

# Time words that end a rate ("/năm", "/ngày") and that make a counted thing a measure.
TIME_UNITS: frozenset[str] = frozenset(
    """giờ tiếng phút giây ngày đêm tuần tháng quý năm vụ hour hours day days week weeks month months year
    years minutes seconds""".split()
)

# Words around a duration that make it a time offset or span of the sentence ("chỉ 5 phút sau, Văn
# Quyết dứt điểm", "trong 25 năm qua, Nestlé ...", "1 năm trước đó"): it measures no subject, so it has
# no label (benchmarks/label_check.py counts such empty labels apart).
TIME_OFFSET_AFTER: frozenset[str] = _phrases(
    "sau|trước|qua|nữa|tới|trở lại đây|gần đây|vừa qua|ago|later|earlier"
)
TIME_OFFSET_BEFORE: frozenset[str] = _phrases(
    "trong|suốt|cách|cách đây|lũy kế|luỹ kế|within|during|over|the last|the past|the next|last|past"
)

# Units written glued to the number ("200ha", "1,2tạ/ha", "5%"); others glued mean an identifier.
GLUED_UNITS: tuple[str, ...] = (
    "km/h",
    "tạ/ha",
    "tấn/ha",
    "kg",
    "km2",
    "km",
    "ha",
    "m2",
    "m3",
    "mm",
    "cm",
    "m",
    "g",
    "mg",
    "tấn",
    "tạ",
    "kw",
    "kwh",
    "mw",
    "mwh",
    "gw",
    "kv",
    "ml",
    "đ",
    "¢",
    "usd",
    "vnd",
    "vnđ",
    "%",
    "lít",
    "gb",
    "mb",
    "tb",
    "mp",
    "mah",
    "hz",
    "ghz",
    "mhz",
    "w",
    "tỷ",
    "tỉ",
    "triệu",
    "nghìn",
    "ngàn",
)

# Words that join the two ends of a range ("12 đến 17 tuổi", "5 - 7 ngày", "10 to 12 days").
RANGE_WORDS: frozenset[str] = frozenset({"-", "–", "đến", "tới", "to"})
# After a figure with its unit only these make a range ("25% đến 30%"): English "from 5% to 7%"
# is where a change went.
RANGE_WORDS_AFTER_UNIT: frozenset[str] = frozenset({"-", "–", "đến", "tới"})

# After "N tháng", words that make it a calendar period, not a duration: "6 tháng đầu năm",
# "9 tháng năm 2022", "3 tháng cuối năm".
PERIOD_AFTER: tuple[str, ...] = ("đầu năm", "cuối năm", "năm")
# After "N tháng" (no comma between), verbs that make it the period a value is reported for:
# "giá trị sản xuất ... 6 tháng ước đạt 81.289 tỷ đồng", "Tổng thu 9 tháng đạt 1.200 tỷ đồng".
PERIOD_REPORT_VERBS: tuple[str, ...] = (
    "ước đạt",
    "ước tính",
    "ước thực hiện",
    "ước",
    "dự ước",
    "đạt",
    "thực hiện",
)
PERIOD_UNITS: frozenset[str] = frozenset({"tháng", "quý"})
# "20 tháng 11": a unit that, followed by a number, names a month of a date, not a duration.
MONTH_UNITS: frozenset[str] = frozenset({"tháng"})
# Words joining two numbers of one kind ("Trung ương 5 và 6", "lớp 10, 11").
COORDINATORS: frozenset[str] = frozenset({"và", ",", "hoặc", "and", "or", "&"})
# Words before "a/b" that make it a rank out of a total ("đứng thứ 37/63 tỉnh").
RANK_WORDS: frozenset[str] = frozenset({"thứ", "hạng", "ranked", "rank"})

# Verbs that can follow a number but never name what is counted ("vàng 99,99 bán ra").
NOT_NOUN_VERBS: frozenset[str] = frozenset(
    "bán mua làm đưa giữ nhận trao tặng đi về ra vào lên xuống đứng nằm ngồi chạy xếp".split()
)

# Verbs whose first syllable is a counted noun ("6 ban hành": "ban" counts boards, "ban hành" issues).
VERB_PHRASES: tuple[str, ...] = ("ban hành",)

# Classifiers: the counted word itself when a noun follows it ("12.500 viên ma túy" counts viên).
CLASSIFIERS: frozenset[str] = frozenset(
    "viên con cái chiếc quả tấm bức cuốn quyển căn ngôi bộ đôi cặp gói hộp bao túi chai lọ hũ tờ cây sợi mảnh".split()
)

# Counted nouns (the unit of a count), longest first when matched. A representative table of
# the nouns Vietnamese reports count; a noun not listed is read by the fallback rule in figures.py.
COUNT_NOUNS: tuple[str, ...] = tuple(
    _phrases(
        """
    tổ chức cơ sở đảng|tổ chức đảng|tổ chức cơ sở|đảng viên|đảng bộ|chi bộ|cấp ủy|cấp uỷ|ủy viên|uỷ viên
    căn cước công dân|thẻ căn cước|căn cước|hộ chiếu|thẻ bảo hiểm y tế|huấn luyện viên|vận động viên
    đại biểu|cử tri|ứng cử viên|đồng chí|cán bộ|công chức|viên chức|cán bộ, công chức|công dân
    người|người dân|nhân khẩu|lao động|công nhân|học sinh|sinh viên|giáo viên|giảng viên|bác sĩ|y bác sĩ
    bệnh nhân|ca|trường hợp|đối tượng|bị can|bị cáo|phạm nhân|nạn nhân
    hộ|hộ gia đình|hộ nghèo|hộ cận nghèo|hộ kinh doanh|gia đình|cá nhân|tập thể|đơn vị|cơ quan|tổ chức
    doanh nghiệp|công ty|hợp tác xã|htx|chi nhánh|cơ sở|làng nghề|nhà máy|cửa hàng|chợ|siêu thị
    xã|phường|thị trấn|xã, phường|xã, phường, thị trấn|huyện|quận|tỉnh|thành phố|thôn|xóm|bản|ấp|khu phố
    tổ dân phố|khu dân cư|khu|khu công nghiệp|cụm công nghiệp|khu cách ly|điểm cách ly|điểm|điểm cầu
    điểm chốt chặn|chốt|chốt kiểm soát|trạm|trạm y tế|trường|trường học|lớp|lớp học|phòng học|phòng|phòng trọ
    nhà|căn nhà|căn hộ|chung cư|nhà ở|công trình|dự án|đề án|đề tài|chương trình|kế hoạch|nhiệm vụ|mục tiêu
    chỉ tiêu|tiêu chí|giải pháp|nội dung|văn bản|nghị quyết|quyết định|hồ sơ|thủ tục|thủ tục hành chính
    dịch vụ công|dịch vụ|giấy phép|giấy chứng nhận|giấy đăng ký|chứng chỉ|bằng khen|giấy khen|huân chương
    huy chương|giải|giải thưởng|sản phẩm|mặt hàng|mẫu|phương tiện|phương tiện đo|xe|ô tô|xe máy
    tàu|chuyến|chuyến bay|vé|vé máy bay|mã cổ phiếu|cổ phiếu|trái phiếu|lượt|lượt người|lượt khách|khách|du khách|thuê bao|tài khoản|tin bài|tin|bài|bài viết
    bài báo|tác phẩm|cuốn|quyển|đầu sách|trang|buổi|cuộc|hội nghị|hội thảo|đợt|khung giờ|vụ|vụ việc|vụ án
    đơn|đơn thư|kiến nghị|ý kiến|phản ánh|camera|máy|thiết bị|bộ|thùng|bình|chai|hộp|túi|suất|suất ăn|suất quà
    phần quà|khẩu trang|liều|mũi|mũi tiêm|con|cây|cây xanh|gốc|cá thể|tổ|đội|nhóm
    tổ công tác|đoàn|đoàn kiểm tra|đoàn công tác|ban|ban chỉ đạo|hội|câu lạc bộ|clb|mô hình|dấu ấn|sự kiện
    hoạt động|phong trào|quần chúng|hội viên|đoàn viên|thanh niên|thành viên|chiến sĩ|quân nhân|tân binh
    giường|giường bệnh|bệnh viện|phòng khám|cửa khẩu|cảng|tuyến|tuyến đường|cây cầu|cầu|km đường|dòng
    website|ứng dụng|trang web|cổng thông tin|lượt truy cập|lượt xem|video|clip|tin nhắn|cuộc gọi
    quốc gia|nước|vùng|địa phương|ngành|lĩnh vực|môn|học viên|trẻ|trẻ em|cháu|em|cụ|người cao tuổi|thương binh
    triệu phú|tỷ phú|tỉ phú
    liệt sĩ|gia đình chính sách|mẹ việt nam anh hùng|ngôi nhà|nhà đại đoàn kết|nhà tình nghĩa
    people|persons|residents|workers|students|cases|deaths|households|families|companies|firms|enterprises
    projects|schools|hospitals|vehicles|units|villages|communes|districts|provinces|countries|visitors
    tourists|voters|delegates|members|employees|jobs|patients|doses|tests|products|items|homes|houses
    """
    )
)

# English words that end in "s" and are no plural noun (a count's head after a number is plural).
ENGLISH_NOT_PLURAL: frozenset[str] = frozenset(
    """
    is was has does his its this thus plus across less unless always perhaps whereas towards besides
    afterwards sometimes yes us as news series species means lens gas bus
    """.split()
)
# Plural-form English words that modify a later head ("garden organics waste bins", "sports fields").
ENGLISH_PLURAL_MODIFIERS: frozenset[str] = frozenset(
    "organics sales sports arts parks savings goods works operations services systems communications".split()
)
# Acronyms after an English number that are no counted thing ("10 AM", "300 BC").
NOT_COUNTED_ACRONYMS: frozenset[str] = frozenset("AM PM BC AD CE BCE GMT UTC EST PST AEST".split())
# English plural nouns not ending in "s" ("960 seniors" is read by grammar; "24 staff" by this table).
ENGLISH_PLURALS: frozenset[str] = frozenset(
    "people children staff police men women cattle sheep fish personnel youth".split()
)

# Words that cannot begin a counted noun: a number followed by one of them has no unit.
NOT_NOUNS: frozenset[str] = frozenset(
    """
    và hoặc hay của với trong ngoài tại ở là có được bị đã đang sẽ cho các những này đó kia thì mà nên vì
    do để từ đến tới so như theo về trên dưới hơn gần khoảng đạt tăng giảm bằng chiếm còn lên xuống nhưng
    cũng đều rồi sau trước khi nếu tuy vẫn chỉ rất quá nữa thêm mới cùng nhau cả mỗi từng toàn tổng
    năm tháng ngày quý tuần giờ phút giây lúc hồi sáng chiều tối đêm trưa
    of and or in on at to the a an for by with from as is was were are be been than per that which who this
    these those it its into over under about around nearly almost more less up down after before since
    until between during percent rưỡi tôi chúng mình họ nó ta ấy
    """.split()
)

# Words right before a number that make it an identifier, a date part or a rank, not a figure.
IDENTIFIER_BEFORE: frozenset[str] = _phrases(
    """
    số|mức|mức độ|cấp độ|lớp|khóa|khoá|phần|thứ|hạng|loại|tầng|phòng|nhà số|đường|phố|quốc lộ|tỉnh lộ
    huyện lộ|ql|tl|đt|điều|khoản|chương|mục|trang|tập|lô|ô|cổng|bến|nút|km|tổ|ấp|xóm|khối|tiểu khu
    phân khu|block|top|covid|cov|sars|vòng|bảng|trận|mã|mã số|ký hiệu|hotline|fax|tel|phone|no|version
    phiên bản|model|quận|phường|kênh|tw|trung ương|quân khu|khu vực|đợt|kỳ|lúc|hồi|giai đoạn|nhiệm kỳ
    niên khóa|năm học|mùng|mồng|hôm|thế kỷ|article|section|chapter|page|room|route|highway|grade|level
    phase|round|quarter|item|annex|appendix|khu phố|tổ dân phố|phút|hiệp|phương án|ván|mùa|sư đoàn|trung đoàn|tiểu đoàn|lữ đoàn
    quân đoàn|đại đội|binh đoàn|hạm đội|lần|pháo|gen|thế hệ|chip|sim|iphone|galaxy|note|series|windows|ios
    table|chart|exhibit|graph
    """
)

# Two words before a number that end in an identifier word but mean a quantity follows.
NOT_IDENTIFIER_BEFORE: frozenset[str] = frozenset({"trong vòng", "trong số", "tổng số", "within the"})

# Words before a number that may name a thing or a level ("cấp 2", "nhóm 3") or be a verb
# ("cấp 141.732 căn cước"): after them a number needs a counted noun from the tables.
AMBIGUOUS_BEFORE: frozenset[str] = frozenset("cấp tuyến đoàn đội nhóm cụm khu vùng bảng tổ".split())

# Words after a clock hour ("6 giờ sáng", "21 giờ đêm") that make it a time of day, not a duration.
DAY_PARTS: frozenset[str] = frozenset("sáng trưa chiều tối đêm khuya kém rưỡi".split())
CLOCK_UNITS: frozenset[str] = frozenset({"giờ", "h"})
# Letters glued to a number that make it an hour ("14h30", "14H30", "lúc 7g"); of them, the one that
# is also grams ("30g cồn"), an hour only with the words around it ("lúc 7g", "5g sáng").
HOUR_MARKS: str = "hgH"
HOUR_OR_GRAM_MARK = "g"
# Words before "7g" that make the "g" an hour (giờ), not grams.
CLOCK_WORDS_BEFORE: frozenset[str] = frozenset("lúc vào hồi".split())

# Document types: "Nghị quyết 84", "Chỉ thị 05" are identifiers.
DOCUMENT_TYPES: tuple[str, ...] = (
    "nghị quyết",
    "chỉ thị",
    "quyết định",
    "thông tư",
    "nghị định",
    "kế hoạch",
    "văn bản",
    "công văn",
    "luật",
    "tờ trình",
    "báo cáo",
    "thông báo",
    "kết luận",
    "quy định",
    "hướng dẫn",
    "đề án",
    "chương trình",
    "công điện",
    "thông tri",
    "quy chế",
    "pháp lệnh",
    "hiến pháp",
)

# "số" (number) before a figure makes it an identifier ("Kế hoạch số 18") unless a word before it
# makes "số" a quantity ("tổng số 19 xã", "con số 300").
NUMBER_WORD = "số"
# Openers of a phrase that names what is counted ("số TCCSĐ hoàn thành nhiệm vụ", "tổng số cơ sở lưu trú").
COUNT_NAME_OPENERS: tuple[str, ...] = ("số ", "tổng số ")
QUANTITY_BEFORE_SO: frozenset[str] = frozenset({"tổng", "con", "chỉ", "trên", "hơn", "gần", "trong"})

# "14 trong tổng số 19 xã": a ratio spelled out (in, out of); the words between the two numbers.
SPELLED_RATIO_WORDS: tuple[str, ...] = ("trong tổng số", "trong số", "trong", "out of", "of")

# Long-form dates: "ngày 5 tháng 8 năm 2020" (day, month, year words).
DATE_LONG_FORM: tuple[str, str, str] = ("ngày", "tháng", "năm")

# A comparison base starts with one of these ("so với năm 2020", "so cùng kỳ", "compared with").
BASE_STARTS: tuple[str, ...] = ("so với", "so", "compared with", "compared to")
# Words that end a base phrase ("so với năm 2020 và ...").
BASE_STOPS: tuple[str, ...] = (
    "và", "nhưng", "and", "but", "chỉ", "cao hơn", "thấp hơn", "trong đó", "đạt", "bằng", "là", "while",
)  # fmt: skip

# Words that end the phrase after a figure used as its label ("100% đơn thư ... đạt ...").
LABEL_STOPS: frozenset[str] = frozenset("so tăng giảm bằng đạt chiếm vượt compared up down rose fell".split())

# Words that put a number in a date when they precede it, with the largest value they allow.
DATE_WORDS_BEFORE: dict[str, int] = {
    "ngày": 31,
    "mùng": 31,
    "mồng": 31,
    "hôm": 31,
    "sáng": 31,
    "chiều": 31,
    "tối": 31,
    "đêm": 31,
    "trưa": 31,
    "rạng": 31,
    "tháng": 12,
    "quý": 4,
    "năm": 9999,
    "từ": 0,
    "đến": 0,
    "in": 9999,
    "since": 9999,
    "year": 9999,
    "fy": 9999,
}

# Words before "a/b" that make it a date ("ngày 31/12", "tháng 11/2021", "đêm 3/3").
DATE_CONTEXT_WORDS: frozenset[str] = frozenset(
    "ngày mùng mồng hôm sáng chiều tối đêm trưa rạng tháng quý từ đến tới lúc hồi on since until by".split()
)

# Qualifiers right before a figure ("gần 7 nghìn", "ước đạt trên 3.250") or right after ("trở lên").
QUALIFIERS_BEFORE: dict[str, str] = {
    "gần": "approx",
    "khoảng": "approx",
    "xấp xỉ": "approx",
    "chừng": "approx",
    "ước chừng": "approx",
    "ước tính": "approx",
    "ước đạt": "approx",
    "ước thực hiện": "approx",
    "ước": "approx",
    "dự kiến": "approx",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "nearly": "approx",
    "almost": "approx",
    "some": "approx",
    "roughly": "approx",
    "close to": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "trên": "over",
    "hơn": "over",
    "hơn nữa": "over",
    "ngoài": "over",
    "over": "over",
    "more than": "over",
    "above": "over",
    "upwards of": "over",
    "dưới": "under",
    "chưa đến": "under",
    "chưa tới": "under",
    "không quá": "under",
    "chưa đầy": "under",
    "under": "under",
    "less than": "under",
    "below": "under",
    "fewer than": "under",
    "ít nhất": "at_least",
    "tối thiểu": "at_least",
    "at least": "at_least",
    "no fewer than": "at_least",
}
QUALIFIERS_AFTER: dict[str, str] = {"trở lên": "at_least", "or more": "at_least"}

# Filler words allowed between a qualifier or change word and the figure ("ước đạt trên", "tăng bình quân").
FILLERS: frozenset[str] = frozenset(
    "đạt là có được lên đến tới thêm bình quân trưởng thực hiện mức by to".split()
)

# Change words right before a figure.
CHANGES_BEFORE: dict[str, str] = {
    "tăng": "up",
    "vượt": "up",
    "tăng trưởng": "up",
    "rose": "up",
    "grew": "up",
    "increased": "up",
    "increase of": "up",
    "increases of": "up",
    "reduction of": "down",
    "up": "up",
    "giảm": "down",
    "fell": "down",
    "declined": "down",
    "decreased": "down",
    "dropped": "down",
    "decrease of": "down",
    "down": "down",
}
# Words for "minus" right before a number: its sign said in words ("tăng trưởng âm 6,18%"). Unlike
# "giảm" (a decrease of 0,36%), they make the value negative.
NEGATIVE_WORDS: tuple[str, ...] = ("âm", "minus")

# "vượt mức 10/12 chỉ tiêu": exceeding a target, not a change of the figure.
NOT_CHANGE_AFTER: frozenset[str] = frozenset({"mức"})
# Change words that compare with a plan or base ("vượt 0,9% kế hoạch": up) or else mean "more
# than" a quantity ("vượt 8 triệu tấn": qualifier over).
COMPARING_WORDS: frozenset[str] = frozenset({"vượt"})
# Attaining a target: "đạt và vượt 20 chỉ tiêu/21" is neither a change nor "more than".
ATTAINMENT_PHRASES: tuple[str, ...] = (
    "đạt và vượt",
    "hoàn thành và vượt",
    "đạt hoặc vượt",
    "met or exceeded",
)
# Verbs a qualifier may stand before ("ước chiếm 23,4%", "ước tăng 11,07%": both approx).
QUALIFIED_VERBS: frozenset[str] = frozenset({"chiếm", "đạt", "thu", "có"})

# English changes stated after the number: "a 64% increase", "12% growth in ...".
CHANGES_AFTER: dict[str, str] = {
    "increase": "up",
    "increases": "up",
    "rise": "up",
    "growth": "up",
    "gain": "up",
    "jump": "up",
    "hike": "up",
    "uplift": "up",
    "decrease": "down",
    "decline": "down",
    "drop": "down",
    "fall": "down",
    "reduction": "down",
    "cut": "down",
}
# English comparisons after the number, which need a base after them: "23% over FY2019",
# "$4 million less than 2020", "5% up on last year".
COMPARISONS_AFTER: dict[str, str] = {
    "over": "up",
    "above": "up",
    "more than": "up",
    "higher than": "up",
    "up on": "up",
    "up from": "up",
    "less than": "down",
    "lower than": "down",
    "fewer than": "down",
    "below": "down",
    "under": "down",
    "down on": "down",
    "down from": "down",
}
# Words linking an English change to its base ("a 64% increase over 2019", "... on last year").
BASE_LINKS_EN: frozenset[str] = frozenset({"over", "on", "from", "since", "than"})
# What an English comparison is against, when it holds no number ("last year", "the budget").
BASE_OBJECTS_EN: tuple[str, ...] = (
    "last year", "the previous", "previous", "the prior", "prior", "the same", "budget", "the budget",
    "target", "the target", "plan", "forecast", "the forecast", "fy", "the year before",
)  # fmt: skip

# Comparison bases after a figure ("so với năm 2020", "kế hoạch", "cùng kỳ").
# ("100% chỉ tiêu" is attainment of a target, not a comparison: "chỉ tiêu" is not among them.)
BASE_WORDS: tuple[str, ...] = (
    "kế hoạch",
    "dự toán",
    "cùng kỳ",
    "nghị quyết",
    "kịch bản",
    "mục tiêu",
    "chỉ tiêu dự toán",
    "chỉ tiêu pháp lệnh",
    "chỉ tiêu kế hoạch",
    "kh",  # kế hoạch, abbreviated: "bằng 22,3% KH"
    "year on year",
    "year-on-year",
)

# Words that finish a base word as the report writes it ("Nghị quyết đề ra", "kế hoạch đề ra").
BASE_TAILS: tuple[str, ...] = ("đề ra", "giao", "được giao")

# Words stripped from the end of the phrase before a figure when it becomes a label.
# ("an" is no English article to strip here: "công an", "An Giang" end and open Vietnamese labels.)
LABEL_TRAILING: frozenset[str] = _phrases(
    """
    đạt|là|chiếm|lần đầu|averaging|accounted|accounts|accounting|making|making up|made up|makes up|drew|có|được|với|ước|ước đạt|ước thực hiện|thực hiện|ước tính|tăng|giảm|vượt|bằng|lên|lên đến
    lên tới|đến|tới|còn|giảm còn|gần|khoảng|trên|hơn|dưới|tổng số|xấp xỉ|đạt tỷ lệ|tỷ lệ|bình quân
    tăng trưởng|thêm|nâng|mức|tổng|đã|khi|chỉ|đạt được|với tổng số|of|is|was|were|are|at|to|by|about
    around|over|under|nearly|reached|totalled|totaled|và|của|cho|trong|tại|từ|ở|như|hoặc|hay|thì|mà|đều
    đạt và vượt|dự kiến|chiếm tỷ lệ|chiếm tỉ lệ|chiếm tỷ trọng|chiếm tỉ trọng|có tổng số|đạt mức|ở mức|lần lượt là|lần lượt|tương ứng|còn lại
    a|the|and|or|for|in|with|from|than|total|totaling|totalling|some|approximately|almost|more than
    grew|rose|fell|increased|decreased|declined|dropped|climbed|jumped|hit|up|down|$|£|€|us$|vnd|usd|to vnd
    brought in|brings in|bring in|generated|generates|generate|raised|raises|collected|collects|amounted to
    is proposed|are proposed|was proposed|were proposed|proposed|is projected|are projected|projected
    is budgeted|are budgeted|budgeted|is expected|are expected|has ranged|ranged|stood|stands|came in
    will|would|could|will generate|would generate|will be|would be|is set|was set|are set|were set
    roughly|or roughly|about|some|totals|totaling|amounts to|amounted to|were to be|was to be|is to be
    luôn|includes|include|included|this year|last year|next year|this month|last month|ước đón|đón
    ít nhất|tối thiểu|tối đa|at least|up to|valued|valued at|worth|priced at|are estimated|is estimated
    estimated|will increase|will rise|will fall|will decrease|would increase|dự ước|dự ước đạt|ước tính đạt
    are to be|to be|be
    for fy|in fy|fy
    gấp|tăng gấp|giảm gấp
    to usd|to $|of $|thứ|xếp thứ|đứng thứ
    có giá|có mức giá|mức giá|với mức giá|giá khởi điểm|có giá khởi điểm|khởi điểm|từ mức
    vào tháng|vào năm|vào ngày|tháng|ngày|sẽ|sẽ có|đang|vẫn|cũng|đã có|hiện có|âm|minus
    """
)

# Nouns among the trailing words that name a figure when nothing else stands before it ("Với mức giá
# khoảng 20 triệu đồng"; "iPhone có mức giá 20 triệu" drops them, the product naming it).
LABEL_TRAILING_NOUNS: frozenset[str] = frozenset(
    {"mức giá", "giá", "giá khởi điểm", "tỷ lệ", "tổng số", "mức"}
)

# Verbs by which a subject attains a count ("Lượng khách ... đạt khoảng 4,46 triệu lượt"): the subject
# is what is counted, the unit is not put in front of it ("có" is not one: "Toàn tỉnh có 30 dự án").
LABEL_SUBJECT_VERBS: frozenset[str] = frozenset(
    {"đạt", "ước đạt", "đạt được", "đạt mức", "là", "reached", "totalled", "totaled"}
)

# Verbs that end the name before a colon and its value ("chỉ số sản xuất công nghiệp (IIP) có mức tăng
# khá ngoạn mục: 23,87%"); other verbs belong to the name ("Số ca điều trị khỏi: 1.018").
LABEL_COLON_VERBS: frozenset[str] = _phrases("có mức|đạt mức|có tốc độ|ghi nhận|was|were|is|are|had|has")

# Adverbs that stand between a subject and its verb ("Apple cũng vừa đưa ra"): dropped from the end of
# a subject read from a clause after a fronted adverbial (labels._sentence_subject).
LABEL_PREVERBAL: frozenset[str] = _phrases("cũng|vừa|mới|đã|đang|sẽ|vẫn|đều|còn|just|also|has|have|had")

# Words that open a fronted adverbial ("Ở chiều ngược lại, nhập khẩu ...", "Tính đến nay, ..."): a
# label's first comma-separated part of at most LABEL_FRONTED_WORDS words opened by one is dropped.
LABEL_FRONTED_OPENERS: frozenset[str] = frozenset(
    "ở trong theo về sau trước tính đến từ qua riêng ngoài bên nhìn so cũng nhờ do vì tuy dù tại lúc đáng"
    " at in on by over under nổi"
    " for after before since during overall meanwhile".split()
)
LABEL_FRONTED_WORDS = 4

# Words opening a condition: a label opened by one names a circumstance, not what is measured.
LABEL_CONDITION_OPENERS: tuple[str, ...] = ("nếu", "giả sử", "if", "unless")
# The most words of a sentence's subject that names a bare change ("capital budget increase").
LABEL_EN_SUBJECT_WORDS = 6
# Nouns of a change that an English percent modifies without a determiner before it ("superintendent
# proposes 2% tax increase"): the phrase ending in one is the label.
# A label opened by an English pronoun and its verb names nothing ("we", "This will be in addition").
LABEL_EN_CLAUSE_PRONOUNS: frozenset[str] = frozenset(
    "we they it he she this that these those i you which who".split()
)
# A label opened by a modal verb or by a participle of change ("could then be retained to fund",
# "increasing over the forward estimates") is the predicate of a clause, not what is measured. (Not
# "may", "can": Vietnamese syllables too, "may mặc"; not "will": "12 per cent will go towards ...".)
LABEL_EN_PREDICATE_OPENERS: frozenset[str] = frozenset(
    "could would should might must increasing decreasing rising falling growing declining".split()
)
LABEL_EN_CLAUSE_VERBS: frozenset[str] = frozenset(
    "will would can could may might should must is are was were has have had do does did know think".split()
)
LABEL_EN_CHANGE_NOUNS: frozenset[str] = frozenset(
    "increase increases decrease decreases rise raise hike cut cuts reduction growth decline drop gain jump".split()
)
# Words that end the noun an English figure modifies ("the 2% increase would raise ...").
LABEL_EN_NOUN_STOPS: frozenset[str] = frozenset(
    "would will could should may might can is are was were has have had be been that which who as per".split()
)
# English base openers that, without a change, say where an amount comes from ("$56.7 million from
# state sources"), not what it is compared with ("rose 5% from last year" keeps it).
BASE_EN_SOURCE_WORDS: frozenset[str] = frozenset({"from"})
# English words that open a comparison with a time ("8.5 per cent from the prior year").
BASE_EN_TIME_OPENERS: frozenset[str] = frozenset({"from", "over", "than", "since", "versus", "vs"})
# Prepositions that open what an English amount is for when nothing else names it ("$32.48 million
# for capital projects", "$45.59 million in combined city revenues"): dropped from that label.
LABEL_PURPOSE_PREPS: frozenset[str] = frozenset({"for", "in", "from"})
# The English word that makes an amount the last noun phrase's ("results in an increase of $226").
LABEL_EN_OF_WORDS: frozenset[str] = frozenset({"of"})
# English determiners that open the noun phrase an English figure is "of" or "at" ("Council ratified
# the tax rate at $0.1778", "still exceeds the no-new-revenue rate of $0.1512"): the words before one
# are a verb phrase, unless a preposition stands before it ("revenue from the utility fund").
LABEL_EN_DETERMINERS: frozenset[str] = frozenset("the a an its their this that these those our".split())
LABEL_EN_PREPOSITIONS: frozenset[str] = frozenset(
    "of from for in on at to by with into over under about between among per than".split()
)
# Words whose phrase after an English count's noun still names what is counted ("30 calls for
# electrical problems", "6 indicators being red"), and how many words of it a label keeps.
LABEL_EN_COUNT_TAIL_OPENERS: frozenset[str] = frozenset({"of", "for", "on", "being"})
LABEL_EN_COUNT_TAIL_WORDS = 6
# Prepositions whose phrase after an amount's noun still names it ("$150,000 increase in mental health
# funding", "$300,000 expansion of solar power on county buildings").
LABEL_EN_AMOUNT_TAIL: frozenset[str] = frozenset({"of", "in", "on", "for"})
LABEL_EN_WORTH_OF = "worth of"
# What was done to what an English count counts ("15 vehicles stolen", "69 children were screened"):
# the irregular participles (the rest end in -ed) and the auxiliaries of a passive.
LABEL_EN_PARTICIPLES: frozenset[str] = frozenset(
    "stolen broken taken given seen built sold paid won done grown shown made held found met lost"
    " written driven chosen spent sent kept cut put set read heard brought bought caught taught"
    " thrown drawn known".split()
)
LABEL_EN_PASSIVE_AUX: frozenset[str] = frozenset("was were are is been being got".split())
# The regular participle's ending, and the shortest word read as one ("built" is in the table above;
# "used" and "red" are too short to tell).
LABEL_EN_PARTICIPLE_SUFFIX = "ed"
LABEL_EN_PARTICIPLE_MIN = 5
# What joins the items of an English list of amounts (", $150,000 increase ... and $300,000 ...").
LABEL_EN_LIST_JOINS: tuple[str, ...] = ("and",)
# An English label ends before one of these and a participle ("County's budget has grown"), and
# loses an opening "there is" ("there will be additional loan charges of £37,000").
LABEL_EN_PREDICATE_AUX: frozenset[str] = frozenset("has have had was were is are".split())
LABEL_EN_EXISTENTIALS: frozenset[str] = frozenset(
    {"there is", "there are", "there was", "there were", "there will be", "there have been", "there has been"}
)
# Pronouns that open a new clause after a comma ("$5.05 in county taxes this year, she said").
LABEL_PRONOUNS: frozenset[str] = frozenset("she he they it we you i".split())
# Words opening a relative clause between commas ("the fund, which includes ..., is set at"): the
# subject is before it.
LABEL_RELATIVES: tuple[str, ...] = ("which", "who", "whose", "mà")
# Words stripped from the start of a label.
LABEL_LEADING: frozenset[str] = _phrases(
    """
    trong đó|đồng thời|cụ thể|ngoài ra|theo đó|với|và|nhưng|riêng|còn|có|là|the|a|and|but|while|with
    như vậy|qua|sau|hằng năm|hàng năm|trong đó có|đã có|đã|kết quả|tương ứng với|tương ứng|tính chung|chung
    hiện nay|hiện|cùng với|bên cạnh đó|bên cạnh|đặc biệt|nhất là|thì|trong năm|trong quý|trong kỳ|also
    trở lên|trở xuống|or more|of|vào|sang|khi đó|do đó|sau đó|vì vậy|về|đối với|including|such as|tính bình quân|or|worth of|worth|followed by
    per cent|percent|per year|per month|per week|per day|a year|a month|+|-|–|•|*|·
    nên|cho nên|vậy nên|do vậy|vì thế|tuy nhiên|tuy vậy|dù vậy|song|từ đó|nhờ đó|qua đó|trong khi
    trong khi đó|đến nay|tính đến nay|hiện tại|đến cuối năm|cuối năm
    """
)
# Adverbs that stand before a Vietnamese verb ("năng suất luôn giữ mức 131 tạ/ha", "Vốn đầu tư đã giải
# ngân đạt"): in a label read before a figure, the noun phrase ends at one.
LABEL_VERB_ADVERBS: frozenset[str] = _phrases("đã|đang|sẽ|luôn|vẫn|đều|cũng|từng|tiếp tục|luôn luôn")
LABEL_COPULAS: frozenset[str] = frozenset({"là"})
# The cut is made only where the words before name what is measured: an indicator or list head, or
# one of these ("ngành công nghiệp chế biến tiếp tục ...", "Lúa vụ hè thu đã gieo trồng"), or where the
# verb after the adverb only states the value ("năng suất luôn giữ mức"). "Zuckerberg đã chi" keeps
# its verb: an agent is not what a sum measures.
LABEL_MEASURED_OPENERS: tuple[str, ...] = (
    "ngành", "lĩnh vực", "khu vực", "nguồn vốn", "vốn", "lúa", "cây", "đàn", "hoạt động", "sản xuất",
    "xuất khẩu", "nhập khẩu", "khách", "lượng khách", "lượt khách", "thu", "chi",
)  # fmt: skip
LABEL_VALUE_VERBS: frozenset[str] = frozenset({"giữ", "duy trì", "đạt", "ở", "tăng", "giảm", "ước", "tiếp"})

# What a label must never be alone (issue 13): bare verbs and connectives. The label checker
# (tests/unit/test_label_words.py, benchmarks/label_check.py) reads these tables too.
LABEL_VERBS: frozenset[str] = _phrases(
    """
    đạt|tăng|giảm|vượt|chiếm|bằng|có|được|là|đã|hoàn thành|đảm bảo|bảo đảm|thực hiện|xử lý|xử phạt
    tiếp nhận|giải quyết|kết nạp|triển khai|ban hành|nâng|lên|còn|ước|ước đạt|ước tính
    dự kiến|đạt được|tăng trưởng|đạt và vượt|giảm còn|tăng thêm|huy động|phấn đấu|duy trì|thu hút|đón
    reached|rose|fell|increased|decreased|secured|received|totaled|totalled|is|was|were|are|has|had|have
    grew|declined|spent|raised|awarded|approved|reached|added|saw|recorded|reported|generated|collected
    is set|was set|are set|were set|set|adopted|adopts|adopt|approves|passed|passes|includes|include
    ước đón|đón|đón tiếp
    included|issued|hosted|attracted|delivered|completed|invested|paid|pays|pay
    up|down|targets|target|aims|plans|expects|forecasts|beating|beat|exceeding|exceeded|found|handled
    phát triển|ổn định|tiếp tục|chỉ đạo|kiện toàn|đăng ký|phối hợp|xông pha|làm|gỡ|chuyển|nhắc nhở|kiểm tra
    sử dụng|nộp|lắp đặt|đưa|tiêm|khởi công|khánh thành|trao|tặng|bắt giữ|phát hiện|khám|điều trị
    bắt|thu giữ|bị|bị thương|làm chết|triệt phá|xảy ra|lập|cấp mới|thu hút|giải quyết|tiếp nhận
    mở rộng|gấp|đóng góp|cao hơn|thấp hơn|chiếm|tăng thêm|ước tính|phục vụ
    thu hoạch|xuất siêu|nhập siêu|lấp đầy|đề ra
    """
)
# Noun phrases that hold a verb of LABEL_VERBS ("giá trị tăng thêm" is value added), read as nouns
# where a list's head is looked for ("Giá trị tăng thêm khu vực nông, lâm nghiệp và thủy sản").
LABEL_VERB_NOUNS: tuple[str, ...] = (
    "giá trị tăng thêm", "tốc độ tăng trưởng", "mức tăng trưởng", "tốc độ tăng", "mức tăng"
)  # fmt: skip
# Nouns whose last syllable alone is a verb of LABEL_VERBS ("thiết bị": "bị"): no verb in a phrase.
LABEL_NOUN_COMPOUNDS: frozenset[str] = frozenset({"thiết bị", "dự bị"})
LABEL_CONNECTIVES: frozenset[str] = _phrases(
    """
    và|với|như vậy|trong đó|đồng thời|cụ thể|ngoài ra|theo đó|riêng|nhưng|hoặc|hay|thì|của|cho|để|do
    bởi|tại|trong|qua|sau|khi|nên|mà|từ|ở|so|so với|đến|tới|như|gồm|bao gồm|trên|dưới|hơn|gần|khoảng
    and|or|but|with|of|the|a|an|to|by|in|for|at|as|while|also|from|than|on|about|over|under|nearly
    sang|vào|ra|lại|nữa|đó|trước|khi đó|do đó|vì vậy|sau đó|tương đương|tương ứng
    tuy nhiên|tuy vậy|dù vậy|mặc dù|song|however|nevertheless|trở lại đây|gần đây|vừa qua|không|which|that
    who|this|these|those|it
    tháng trước|năm trước|quý trước|kỳ trước|cùng kỳ|cùng kỳ năm trước
    """
)
# Nouns of time that, left alone, name only when ("quý" of "quý 3 tăng 1,22%", "năm"): never a label.
LABEL_PERIOD_NOUNS: frozenset[str] = _phrases(
    """quý|tháng|năm|kỳ|ngày|tuần|giai đoạn|quarter|month|year|week|per month|per year|per day|per week
    a month|a year|a day|a week|monthly|annually|year-over-year|year-on-year|year over year|month-over-month
    last year|this year|next year|last month|this month|the year|the month|năm trước|năm nay|cùng kỳ"""
)
# Openers of a sentence that continues the one before ("Trong đó, quý I tăng 7,49%"): a figure there
# that names nothing measures what the sentence before measured.
LABEL_CONTINUERS: frozenset[str] = _phrases("trong đó|cụ thể|riêng|trong số đó|among them|of which")
# A label phrase after a figure stops before these words when a figure or a comparison follows them
# ("trường hợp với tổng số tiền 1,8 tỷ đồng", "người và 2 người bị thương").
LABEL_AFTER_STOPS: frozenset[str] = frozenset("với và hoặc cùng trong gồm bao and or with".split())
# Verbs that give a figure as a share of a whole named after it, and the word that joins the part
# (the sentence's subject) to the whole in its label: "Vốn khu vực nhà nước ..., chiếm 20,3% tổng vốn
# đầu tư toàn xã hội" -> "Vốn khu vực nhà nước trong tổng vốn đầu tư toàn xã hội".
LABEL_SHARE_VERBS: dict[str, str] = {
    "chiếm": "trong",
    "chiếm tỷ trọng": "trong",
    "chiếm tỷ lệ": "trong",
    "chiếm tỉ trọng": "trong",
    "chiếm tỉ lệ": "trong",
    "accounting for": "of",
    "accounts for": "of",
    "accounted for": "of",
    "making up": "of",
    "makes up": "of",
    "made up": "of",
}
# Prepositions that may open the whole after a share ("chiếm 57,3% trên tổng số người", "0.586% của
# thế giới"): the label's joiner stands in their place.
LABEL_SHARE_WHOLE_PREPS: frozenset[str] = frozenset("trong trên của so of in among".split())
# Words after another figure that introduce what the next one measures ("46 điểm cách ly với sức
# chứa trên 7.200 người": the capacity).
LABEL_JOINS: frozenset[str] = frozenset({"với", "with", "at"})
# Prepositions that open an adjunct after a figure, not what it measures ("đóng góp 8,85% vào mức
# tăng trưởng chung"; unlike "3.5 million tonnes of cargo").
LABEL_ADJUNCT_PREPS: frozenset[str] = frozenset("vào cho tới đến trong tại ở to into for in on at by".split())
# Words joining two clauses of one sentence, each with its subject ("A tăng 3% và B tăng 5%").
LABEL_COORDINATORS: frozenset[str] = frozenset({"và", "and", "còn"})
# Words that open a new clause inside a sentence: the phrase before a figure starts after the last one
# ("Exports reached $2.3 billion while imports fell 4.2%": imports).
LABEL_CLAUSE_OPENERS: frozenset[str] = frozenset(
    {"while", "whereas", "but", "nhưng", "cho biết", "cho hay", "cho rằng", "khẳng định", "thì"}
)
# Words that open a comparison, which is the base, not the label ("beating the plan by 0.9%").
LABEL_COMPARISON_LEADS: frozenset[str] = frozenset({"beating", "beat", "exceeding", "exceeded", "vượt"})
# Comparatives that open the phrase before a difference ("tăng 7,39%, cao hơn 1,03 điểm % so với cùng
# kỳ", "cao hơn nhiều so với quý I-2021 (7,11%)"): the figure measures what the clause before does.
LABEL_COMPARATIVES: frozenset[str] = _phrases(
    """
    cao hơn|thấp hơn|nhiều hơn|ít hơn|lớn hơn|nhỏ hơn|nhanh hơn|chậm hơn|cao hơn nhiều|thấp hơn nhiều
    higher than|lower than|faster than|slower than
    """
)
# Words that end the first item of a list of nouns sharing their second word ("nông, lâm nghiệp và
# thủy sản", "xuất, nhập khẩu"): the comma before the next item does not end the subject.
LABEL_LIST_FRAGMENTS: frozenset[str] = frozenset("nông lâm ngư công thương xuất nhập".split())
# Heads of an indicator's name. A label that reaches one only after a verb ("Bạc Liêu phấn đấu đạt tốc
# độ tăng trưởng kinh tế ...", "tỉnh Đồng Tháp cũ có tổng thu 6 tháng", "... theo hướng giảm dần tỷ
# trọng nông nghiệp") names the indicator from it.
LABEL_INDICATOR_HEADS: tuple[str, ...] = (
    "tốc độ tăng trưởng", "tỷ trọng", "tỉ trọng", "tỷ lệ", "tỉ lệ", "tổng thu", "tổng chi", "tổng vốn",
    "tổng mức", "tổng sản phẩm", "tổng sản lượng", "năng suất", "sản lượng", "giá trị", "kim ngạch",
    "doanh thu", "thu nhập", "chỉ số", "quy mô", "diện tích", "công suất", "lợi nhuận", "thu ngân sách",
    "chi ngân sách", "vốn đầu tư", "cơ cấu", "mức tăng trưởng", "tăng trưởng kinh tế",
)  # fmt: skip
# Words before an indicator's head that make a total of it ("tổng kim ngạch xuất khẩu").
LABEL_TOTAL_WORDS: frozenset[str] = frozenset({"tổng", "total"})
# Heads that open a list's first item ("Tổng mức bán lẻ hàng hóa, doanh thu dịch vụ tiêu dùng và doanh
# thu bán buôn", "Tổng lượt khách tham quan, lưu trú du lịch"): the list is one label.
LABEL_LIST_HEADS: tuple[str, ...] = (
    *LABEL_INDICATOR_HEADS,
    "tổng lượt",
    "tổng số",
    "tổng giá trị",
    "tổng diện tích",
    "tổng doanh thu",
)
# What joins the items of such a list.
LABEL_LIST_JOINS: tuple[str, ...] = (",", " và ", " and ")
# Verbs that move a sum; the words after the sum name it ("Quận đã giải ngân 88,2 tỷ đồng vốn xây dựng
# cơ bản"), or, after a source word, the verb and its source ("Huế thu 11.700 tỷ đồng từ du lịch").
LABEL_MONEY_VERBS: tuple[str, ...] = ("giải ngân", "huy động", "thu", "chi", "nộp", "hỗ trợ", "đầu tư")
LABEL_MONEY_SOURCES: frozenset[str] = frozenset({"từ", "cho"})
# Words that open no noun after a sum ("... 50 triệu Nhân dân tệ chỉ trong thời gian ngắn").
LABEL_NOT_NOUN_STARTS: frozenset[str] = frozenset("chỉ ngay thông mua bán trong khi vào để nhờ qua".split())
# Rate nouns right before a figure whose clause names what the rate is of ("đạt tỷ lệ 2,03%").
LABEL_RATE_NOUNS: frozenset[str] = frozenset({"tỷ lệ", "tỉ lệ"})
# A verb of having between an owner and its indicator ("một tòa nhà có giá trị 654 tỷ đồng"): the label
# is the indicator "của" the owner, for an owner of at most LABEL_OWNER_WORDS words without a verb.
LABEL_OWNER_VERBS: frozenset[str] = frozenset({"có"})
LABEL_OWNER_WORDS = 5
LABEL_OWNER_JOINER = "của"
# Nouns after "đạt"/"có" that praise or place a figure, not name it ("xuất khẩu nông – lâm – thuỷ sản
# đạt kết quả cao kỷ lục 48,6 tỷ USD", "Tốc độ tăng trưởng kinh tế đạt mức cao nhất"): the label ends
# before the verb.
LABEL_RESULT_NOUNS: tuple[str, ...] = ("kết quả", "mức cao", "mức kỷ lục", "con số", "kỷ lục")
LABEL_RESULT_VERBS: frozenset[str] = frozenset({"đạt", "có", "ghi nhận", "lập"})
# Heads that name a measure of something said before them ("sản xuất công nghiệp tăng trưởng khá,
# giá trị ước đạt 142.756 tỷ đồng": the value of industrial production).
LABEL_GENERIC_HEADS: frozenset[str] = _phrases(
    "giá trị|tổng|tổng đàn|tổng số|sản lượng|quy mô|tổng giá trị|tốc độ"
)
# Words that always end the phrase after a figure: what follows is a circumstance or another item
# ("30 nghìn suất ăn mỗi ngày cùng nhiều loại nhu yếu phẩm", "100% chỉ tiêu giao quân trong bối cảnh ...").
LABEL_AFTER_ENDS: frozenset[str] = _phrases(
    """
    cùng|cùng với|trong bối cảnh|trong điều kiện|trong khi|để|nhằm|do|vì|nhưng|song|mặc dù|tuy nhiên
    đồng thời|while|because|despite|although|such as|including|which|who|bao gồm|gồm|chẳng hạn như|như là
    according to|said|says
    """
)
# Words opening how a quantity is measured, not what ("theo giá so sánh 2010", "tính theo giá hiện hành"):
# a label ends before them.
LABEL_FOOTNOTES: tuple[str, ...] = (
    "theo giá",
    "tính theo giá",
    "giá so sánh",
    "giá hiện hành",
    "theo giá ss",
)
# At most this many words in a label: a longer phrase is cut at a word, never with "…".
LABEL_MAX_WORDS = 14
# Words a list opened by an indicator's head may have beyond LABEL_MAX_WORDS (labels.LABEL_LIST_HEADS).
LABEL_LIST_EXTRA_WORDS = 4

# --- page furniture (cleaning) --------------------------------------------------------------------
# Python regular expressions matched case-insensitively against a whole line (spaces trimmed);
# config.yaml's furniture.lines / furniture.tail_markers are added to these.

# A line that matches one of these is furniture wherever it stands.
FURNITURE_LINES: tuple[str, ...] = (
    r"(số )?lượt xem\s*:?\s*\d[\d.,]*",  # "Số lượt xem 936"
    r"(đang online|trực tuyến|đã truy cập|tất cả|lượt truy cập|hôm nay|hôm qua|tuần này|tháng này)\s*:?\s*\d[\d.,]*",
    r"\d[\d.,]*\s+người (đang online|đang trực tuyến|đã bình chọn)",  # "147 người đã bình chọn"
    r"(\w+-icon\s*)+",  # "zalo-icon", "viber-icon"
    r"loading the player\.*",
    r"đánh giá của bạn về .{0,80}",  # vote widget header
    r"logo\b.{0,80}",  # "Logo báo điện tử ..."
    r"\d{1,3}\s*%",  # a lone "100%" zoom widget
    r"(video|audio|ảnh|in bài|chia sẻ|share|print|bình luận|lượt thích|thích|theo dõi)",
    r"(cỡ chữ|font size)\s*:?.{0,20}",
    r"(bản in|gửi email|gửi bài viết|lưu bài viết|trở về|quay lại|lên đầu trang|về đầu trang)",
    r"(https?://|www\.)\S+",  # a page's address on a line of its own ("https://champaignil.gov/2015/...")
)

# A line that matches one of these starts the trailing block of related links, comments and
# counters; that line and everything after it is furniture.
TAIL_MARKERS: tuple[str, ...] = (
    r"tin mới( nhất| hơn)?",
    r"tin (liên quan|cùng chuyên mục|khác|đã đưa|mới cập nhật|nổi bật|xem nhiều|đọc nhiều)",
    r"(các )?(tin|bài)( viết)? (khác|liên quan)",
    r"bài viết liên quan",
    r"xem thêm\s*:?",
    r"có thể bạn quan tâm",
    r"ý kiến bình luận",
    r"(ý kiến|bình luận) của bạn",
    r"thống kê truy cập",
    r"related (news|articles|stories)",
    r"read more",
)

# --- periods (core/periods.py): the time a figure refers to ---------------------------------------
# Words that open a term of years ("nhiệm kỳ 2015 - 2020", "giai đoạn 2021-2025", "năm học 2020-2021").
PERIOD_TERM_WORDS: tuple[str, ...] = ("nhiệm kỳ", "giai đoạn", "năm học", "thời kỳ", "niên khóa", "niên khoá")
# The words of "năm 2021", "tháng 3/2021", "quý I/2021", "6 tháng đầu năm 2021", "9 tháng năm 2023".
PERIOD_YEAR_WORDS: tuple[str, ...] = ("năm",)
PERIOD_MONTH_WORDS: tuple[str, ...] = ("tháng",)
PERIOD_QUARTER_WORDS: tuple[str, ...] = ("quý",)
# Between "6 tháng" and "năm": "đầu" (the first n months), "cuối" (the last n months).
PERIOD_FIRST_WORDS: tuple[str, ...] = ("đầu",)
PERIOD_LAST_WORDS: tuple[str, ...] = ("cuối",)
# English periods: "in 2021", "fiscal year 2021", "FY2021", "first half of 2021", "Q1 2021".
PERIOD_YEAR_WORDS_EN: tuple[str, ...] = ("in", "during", "for", "fiscal year", "fiscal", "fy", "year", "by")
# English terms: "in 2022-2025", "for 2021-2025".
PERIOD_TERM_WORDS_EN: tuple[str, ...] = ("in", "during", "for", "over")
PERIOD_HALF_WORDS_EN: dict[str, str] = {
    "first half of": "H1",
    "second half of": "H2",
    "first quarter of": "Q1",
    "second quarter of": "Q2",
    "third quarter of": "Q3",
    "fourth quarter of": "Q4",
}
# Halves named in words ("nửa đầu năm 2023"), and month counts spelled out ("Sáu tháng đầu năm").
PERIOD_HALF_WORDS: dict[str, str] = {"nửa đầu năm": "H1", "nửa cuối năm": "H2", "nửa sau năm": "H2"}
PERIOD_SPELLED_MONTHS: dict[str, int] = {
    "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11,
}  # fmt: skip
# A year after these words is a comparison or a price basis, not the figure's time
# ("so với năm 2020", "giá so sánh năm 2010", "compared with 2020").
PERIOD_NOT_AFTER: tuple[str, ...] = (
    "so với", "so", "so với cùng kỳ", "cùng kỳ", "giá so sánh", "giá ss", "giá", "giá hiện hành",
    "giá cố định", "compared with", "compared to", "than", "from", "since", "over",
)  # fmt: skip
# Words that open a comparison: a period named after them in the same clause is the base's, not the
# figure's ("tăng 27,4 nghìn ha so với vụ đông xuân năm 2011").
PERIOD_COMPARISON_OPENERS: tuple[str, ...] = ("so với", "so", "compared with", "compared to", "than")
# Words that may open a sentence before its period ("Trong năm 2021, ...", "Kết quả đến tháng 11/2021, ...");
# a period so placed (or followed by a comma) frames the rest of the paragraph.
PERIOD_FRAME_LEAD: frozenset[str] = _phrases(
    """
    trong|đến|tính đến|tính từ|kết quả|kết quả đến|ngay từ|từ|qua|sau|cuối|đầu|vào|riêng|riêng trong|sang
    bước sang|bước vào|để|in|during|for|by|at|the|end|of|at the end of|as of
    """
)

# --- places (core/places.py) ----------------------------------------------------------------------
# Words that name the kind of a place before its name, and the kind they mean.
PLACE_PREFIXES: dict[str, str] = {
    "tỉnh": "tỉnh",
    "thành phố": "thành phố",
    "tp.": "thành phố",
    "tp": "thành phố",
    "t.p": "thành phố",
    "huyện": "huyện",
    "thị xã": "thị xã",
    "tx.": "thị xã",
    "quận": "quận",
    "phường": "phường",
    "xã": "xã",
    "thị trấn": "thị trấn",
}
# Of these, the ones that `place_key` drops (issue 15: "gia-lai", "ho-chi-minh").
PLACE_KEY_DROPPED: tuple[str, ...] = (
    "tỉnh",
    "thành phố",
    "tp.",
    "tp",
    "t.p",
    "huyện",
    "thị xã",
    "tx.",
    "quận",
)
# Phrases that put a figure in a wider place than the report's own ("toàn tỉnh là 6,9%", "cả nước"),
# with the level they name: "country" is always another place; "province" is another place in a
# report about a district or city.
PLACE_WHOLE: dict[str, str] = {
    "cả nước": "country",
    "toàn quốc": "country",
    "bình quân cả nước": "country",
    "toàn tỉnh": "province",
    "cả tỉnh": "province",
    "toàn vùng": "region",
}
# Words right before a figure, after a slash or a bracket, that make it the plan's value for what the
# figure before it measures ("đàn bò 11.133 con/KH 16.200-16.500 con", "(kế hoạch 11,5%)"), with a
# change word allowed after them ("18,4%/KH tăng 10-12%"; "vượt kế hoạch 6,6%" is a change, no plan).
LABEL_PLAN_MARKERS: tuple[str, ...] = ("KH", "kế hoạch", "chỉ tiêu", "mục tiêu", "plan", "target")
LABEL_PLAN_CHANGES: tuple[str, ...] = ("tăng", "giảm")
# Change words before a count in its own unit ("31/37 trường đạt chuẩn, tăng 3 trường"): the change
# of the count before it.
LABEL_COUNT_CHANGES: tuple[str, ...] = ("tăng", "giảm", "tăng thêm", "hơn", "ít hơn", "nhiều hơn")
# The most words of a list item's name before its colon ("- Cây ăn quả: Diện tích 50 ha"), and of a
# place before what it did ("Huyện Thông Nông trồng được 52 ha lúa xuân").
LABEL_ITEM_NAME_WORDS = 4
LABEL_PLACE_WORDS = 4
# A causative verb before the verb of what is counted ("làm chết 11 người", "làm bị thương 5 người").
LABEL_CAUSATIVES: frozenset[str] = frozenset({"làm"})
# Verbs of attainment right after counted things ("14/16 chỉ tiêu đạt và vượt kế hoạch", "1 chỉ tiêu
# chưa đạt", "01 xã đạt 15 tiêu chí"): with what follows they say which things are counted.
LABEL_ATTAIN_VERBS: tuple[str, ...] = (
    "đạt và vượt", "chưa đạt", "không đạt", "đạt", "vượt", "hoàn thành", "chưa hoàn thành", "tăng giá",
    "giảm giá", "tăng", "giảm",
)  # fmt: skip
# Words that name nothing alone or with connectives ("An additional $8", "(comprising £9,928,305 in
# 2019-20"), though they may open a label ("additional county taxes"): with only these and the verbs
# and connectives a label is no label; so are comparatives and motion alone ("cao gần 1,3 lần so với
# trước dịch", "rising"): they say how the figure stands to what came before.
LABEL_EMPTY_WORDS: frozenset[str] = _phrases(
    """
    additional|another|further|extra|comprising|consisting of|consisting|respectively
    bình quân|tính chung|lũy kế|luỹ kế|cộng dồn
    cao|thấp|nhiều|ít|mạnh|nhẹ|rising|falling|growing|declining|less|more|fewer
    """
)
# Verbs of sowing a place does before the measure of what it sowed ("toàn tỉnh gieo trồng 80.888 ha
# lúa"); kept out of LABEL_VERBS, where "Ngô vụ mùa trồng được 3ha" would give the label away.
LABEL_SOWING_VERBS: frozenset[str] = _phrases("trồng|trồng được|gieo trồng|gieo cấy|xuống giống|gieo sạ")
# Abbreviations of a place's kind before its name ("TP. Hồ Chí Minh", "P. Phong Khê", "Q. 1"): their
# full stop ends no clause of a label (as written: "tp." too, not "Tp" of a sentence's start only).
LABEL_NAME_ABBREVIATIONS: tuple[str, ...] = ("TP", "Tp", "tp", "TX", "Tx", "P", "Q")
# Words before a place's kind that make it the whole place ("toàn huyện", "cả tỉnh").
PLACE_WHOLE_OPENERS: frozenset[str] = frozenset({"toàn", "cả"})
# Words that make the place after them a comparison's base, not the figure's own place
# ("11,03% gấp hơn 2 lần so với trung bình cả nước", "higher than the state average").
PLACE_COMPARISON_OPENERS: tuple[str, ...] = (
    "so với", "so", "gấp", "cao hơn", "thấp hơn", "compared with", "compared to", "than",
)  # fmt: skip

# --- compare: which figure of a report is an indicator's headline --------------------------------

# Words that end a figure's lead-in inside its clause, as commas do ("GRDP tăng 7% và thu ngân sách
# đạt ...": the second figure's lead-in starts after "và").
COMPARE_LEAD_JOINERS: tuple[str, ...] = ("và",)
# A figure whose clause (from the indicator's name to the figure) says one of these is a plan
# target, not a result ("phấn đấu tăng 8%", "kế hoạch 11,5%", "bằng 22,3% KH").
COMPARE_TARGET_WORDS: frozenset[str] = _phrases(
    """
    kế hoạch | mục tiêu | phấn đấu | chỉ tiêu | dự toán | nghị quyết | kh | target | goal | plan
    """
)
# ... says it is about another place than the report's own (a ranking, the national figure).
COMPARE_OTHER_PLACE_WORDS: frozenset[str] = _phrases(
    """
    cả nước | toàn quốc | bình quân chung | bình quân cả nước | vùng | khu vực kinh tế trọng điểm
    các tỉnh | các địa phương | xếp thứ | đứng thứ | national | nationwide
    """
)
# ... says the figure is the comparison's other side (last year's level quoted after "so với").
COMPARE_BASE_WORDS: frozenset[str] = _phrases(
    """
    so với | so cùng kỳ | cùng kỳ | năm trước | năm ngoái | compared with | compared to | last year
    """
)
# Words that make a stated figure an estimate (is_estimate).
COMPARE_ESTIMATE_WORDS: frozenset[str] = _phrases(
    """
    ước | ước tính | ước đạt | ước thực hiện | dự kiến | dự ước | dự báo | estimated | expected | forecast
    """
)
# Words right before a growth figure that make it negative ("âm 6,18%", "giảm 2,6%").
COMPARE_NEGATIVE_WORDS: frozenset[str] = _phrases("âm | giảm | sụt giảm | fell | down | decreased")
# Words that say a cumulative figure follows ("lũy kế 9 tháng", "tính chung 6 tháng").
COMPARE_CUMULATIVE_WORDS: frozenset[str] = _phrases("lũy kế | luỹ kế | tính chung | cộng dồn | year to date")
# Words before a share figure that make it a reduction, not the rate ("tỷ lệ hộ nghèo giảm 0,7%").
COMPARE_REDUCTION_WORDS: frozenset[str] = _phrases("giảm | giảm còn | reduced by | fell by")

# --- tables: cells, headers, units, periods (core/table_figures.py, core/tables.py) ---------------

# A line above a table that gives its unit (`Đơn vị: 1000 đồng`, `ĐVT: tỷ đồng`), matched at its start.
TABLE_UNIT_LINE_WORDS: tuple[str, ...] = ("đơn vị tính", "đơn vị", "đvt", "unit", "units")
# Column headers of row numbers and codes: their cells are not figures.
TABLE_ROW_NUMBER_HEADERS: frozenset[str] = frozenset({"stt", "tt", "số tt", "số thứ tự", "no", "no.", "#"})
TABLE_CODE_HEADERS: frozenset[str] = frozenset({"mã", "mã số", "mã ngành", "mã hàng", "code"})
# Column headers of a unit column (`Đơn vị tính`): each row's unit, not a figure.
TABLE_UNIT_COLUMN_HEADERS: frozenset[str] = frozenset({"đơn vị tính", "đơn vị", "đvt", "unit", "units"})
# Marks that make a row a sub-row of the row above it (`- Thuế thu nhập`, `+ Thu từ đất`).
TABLE_SUBROW_MARKS: tuple[str, ...] = ("- ", "– ", "+ ", "• ", "* ")
# Deeper marks (a `+` row under a `-` row).
TABLE_DEEP_SUBROW_MARKS: tuple[str, ...] = ("+ ", "* ")
# A row opening a list of sub-rows (`Trong đó:`), alone or before the first sub-row's label.
TABLE_SUBROW_INTROS: tuple[str, ...] = ("trong đó", "of which", "bao gồm", "gồm", "chia ra", "including")
# Column headers that make a cell a change against a base (`So với cùng kỳ (%)`, `So với KH (%)`).
TABLE_COMPARISON_WORDS: tuple[str, ...] = (
    "so với", "so cùng kỳ", "so kh", "so kế hoạch", "so dự toán", "tăng/giảm", "tăng giảm", "tăng, giảm",
    "tốc độ tăng", "change", "compared with", "compared to", "vs", "% kh", "% cùng kỳ",
)  # fmt: skip
# Words of a comparison header saying its cells are growth rates (signed), not index numbers.
TABLE_GROWTH_WORDS: tuple[str, ...] = ("tăng", "giảm", "tốc độ", "change", "growth")
# Period words in headers: `Quý I/2024` -> 2024-Q1, `6 tháng đầu năm 2024` -> 2024-H1, `9 tháng` -> 9M.
TABLE_QUARTER_WORDS: tuple[str, ...] = ("quý", "quarter", "q")
TABLE_MONTH_WORDS: tuple[str, ...] = ("tháng", "month")
TABLE_YEAR_WORDS: tuple[str, ...] = ("năm", "year", "fy")
TABLE_HALF_PHRASES: tuple[str, ...] = ("6 tháng đầu năm", "6 tháng", "sáu tháng đầu năm", "first half", "h1")
TABLE_NINE_MONTH_PHRASES: tuple[str, ...] = ("9 tháng đầu năm", "9 tháng", "chín tháng")
# The quarters' numerals (`Quý II/2024` in prose, periods.py, and in table headers, table_figures.py);
# a heading's Roman numbers of any size are read by outline.roman_value.
ROMAN_NUMERALS: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Words around a unit in a caption that say nothing of it (`(in thousands of dollars)`).
TABLE_UNIT_FILLERS: frozenset[str] = frozenset({"in", "of", "tính", "bằng"})
# Plural magnitudes of English captions.
TABLE_MAGNITUDE_PLURALS: dict[str, float] = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
# Words that may stand beside a period in a row label of a time series (`Sơ bộ - Prel. 2023`).
TABLE_PERIOD_QUALIFIERS: tuple[str, ...] = ("sơ bộ", "prel", "ước tính", "ước", "dự kiến", "estimate", "est")
# A line above a table that is a unit alone (`%` over a yearbook's table of indices).
TABLE_UNIT_ALONE: tuple[str, ...] = ("%",)
# Words that open a table's caption before its number (`Bảng 2.`, `Biểu 05`).
TABLE_CAPTION_WORDS: frozenset[str] = frozenset({"bảng", "biểu", "table"})
