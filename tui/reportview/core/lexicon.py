"""Word tables: every Vietnamese (and English) word the core reacts to lives here, not in the logic.

Entries are lower-case NFC. Multi-word entries are matched as whole words.
"""

from __future__ import annotations


def _phrases(block: str) -> frozenset[str]:
    """Entries of a table written as '|'-separated phrases over several lines."""
    return frozenset(p.strip() for line in block.splitlines() for p in line.split("|") if p.strip())


# Words that end the sentence introducing a report's list ("... 10 sự kiện nổi bật ... như sau:").
LIST_INTRO_TAILS: tuple[str, ...] = ("như sau", "sau đây", "dưới đây", "as follows", "below")

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
    views view visits visitors online today total
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
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "euro": "EUR",
    "eur": "EUR",
    "yên": "JPY",
    "yen": "JPY",
    "nhân dân tệ": "CNY",
    "bảng anh": "GBP",
    "pounds": "GBP",
    "won": "KRW",
}

# Currency signs written before a number ("$2.3 million", "US$ 40").
CURRENCY_PREFIXES: dict[str, str] = {
    "us$": "USD",
    "$": "USD",
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
    "giờ tiếng phút giây ngày đêm tuần tháng quý năm vụ hour hours day days week month year".split()
)

# Units written glued to the number ("200ha", "1,2tạ/ha", "5%"); others glued mean an identifier.
GLUED_UNITS: tuple[str, ...] = (
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

# After "N tháng", words that make it a calendar period, not a duration: "6 tháng đầu năm",
# "9 tháng năm 2022", "3 tháng cuối năm".
PERIOD_AFTER: tuple[str, ...] = ("đầu năm", "cuối năm", "năm")
PERIOD_UNITS: frozenset[str] = frozenset({"tháng", "quý"})

# Verbs that can follow a number but never name what is counted ("vàng 99,99 bán ra").
NOT_NOUN_VERBS: frozenset[str] = frozenset(
    "bán mua làm đưa giữ nhận trao tặng đi về ra vào lên xuống đứng nằm ngồi chạy xếp".split()
)

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
    liệt sĩ|gia đình chính sách|mẹ việt nam anh hùng|ngôi nhà|nhà đại đoàn kết|nhà tình nghĩa
    people|persons|residents|workers|students|cases|deaths|households|families|companies|firms|enterprises
    projects|schools|hospitals|vehicles|units|villages|communes|districts|provinces|countries|visitors
    tourists|voters|delegates|members|employees|jobs|patients|doses|tests|products|items|homes|houses
    """
    )
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
    phase|round|khu phố|tổ dân phố|phút|hiệp|phương án|ván|mùa|sư đoàn|trung đoàn|tiểu đoàn|lữ đoàn
    quân đoàn|đại đội|binh đoàn|hạm đội|lần|pháo|gen|thế hệ|chip|sim|iphone|galaxy|note|series|windows|ios
    """
)

# Words before a number that may name a thing or a level ("cấp 2", "nhóm 3") or be a verb
# ("cấp 141.732 căn cước"): after them a number needs a counted noun from the tables.
AMBIGUOUS_BEFORE: frozenset[str] = frozenset("cấp tuyến đoàn đội nhóm cụm khu vùng bảng tổ".split())

# Words after a clock hour ("6 giờ sáng", "21 giờ đêm") that make it a time of day, not a duration.
DAY_PARTS: frozenset[str] = frozenset("sáng trưa chiều tối đêm khuya kém rưỡi".split())
CLOCK_UNITS: frozenset[str] = frozenset({"giờ", "h"})

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
QUANTITY_BEFORE_SO: frozenset[str] = frozenset({"tổng", "con", "chỉ", "trên", "hơn", "gần"})

# "14 trong tổng số 19 xã": a ratio spelled out (in, out of); the words between the two numbers.
SPELLED_RATIO_WORDS: tuple[str, ...] = ("trong tổng số", "trong số", "trong", "out of", "of")

# Long-form dates: "ngày 5 tháng 8 năm 2020" (day, month, year words).
DATE_LONG_FORM: tuple[str, str, str] = ("ngày", "tháng", "năm")

# A comparison base starts with one of these ("so với năm 2020", "so cùng kỳ", "compared with").
BASE_STARTS: tuple[str, ...] = ("so với", "so", "compared with", "compared to")
# Words that end a base phrase ("so với năm 2020 và ...").
BASE_STOPS: tuple[str, ...] = ("và", "nhưng", "and", "but")

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
    "up": "up",
    "giảm": "down",
    "fell": "down",
    "declined": "down",
    "decreased": "down",
    "dropped": "down",
    "decrease of": "down",
    "down": "down",
}
# "vượt mức 10/12 chỉ tiêu": exceeding a target, not a change of the figure.
NOT_CHANGE_AFTER: frozenset[str] = frozenset({"mức"})

# Comparison bases after a figure ("so với năm 2020", "kế hoạch", "cùng kỳ").
BASE_WORDS: tuple[str, ...] = (
    "kế hoạch",
    "dự toán",
    "chỉ tiêu",
    "cùng kỳ",
    "nghị quyết",
    "kịch bản",
    "year on year",
    "year-on-year",
)

# Words stripped from the end of the phrase before a figure when it becomes a label.
LABEL_TRAILING: frozenset[str] = _phrases(
    """
    đạt|là|chiếm|có|được|với|ước|ước đạt|ước thực hiện|thực hiện|ước tính|tăng|giảm|vượt|bằng|lên|lên đến
    lên tới|đến|tới|còn|giảm còn|gần|khoảng|trên|hơn|dưới|tổng số|xấp xỉ|đạt tỷ lệ|tỷ lệ|bình quân
    tăng trưởng|thêm|nâng|mức|tổng|đã|khi|chỉ|đạt được|với tổng số|of|is|was|were|are|at|to|by|about
    around|over|under|nearly|reached|totalled|totaled
    """
)

# Words stripped from the start of a label.
LABEL_LEADING: frozenset[str] = _phrases(
    """
    trong đó|đồng thời|cụ thể|ngoài ra|theo đó|với|và|nhưng|riêng|còn|có|là|the|a|an|and|but|while|with
    """
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
PERIOD_YEAR_WORDS_EN: tuple[str, ...] = ("in", "during", "for", "fiscal year", "fiscal", "fy", "year")
PERIOD_HALF_WORDS_EN: dict[str, str] = {"first half of": "H1", "second half of": "H2"}
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
# Words before a place name that make the figure about that place ("tại phường Phong Khê").
PLACE_AT_WORDS: frozenset[str] = frozenset("tại ở của trên địa bàn thuộc".split())
