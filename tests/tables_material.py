"""Test tables built from real public tables (sources in tests/data/tables/README.md), with their gold.

Each table is written by hand below as it stands in its source: caption, unit line, header rows
(merged cells as (text, rowspan, colspan)), body rows as written. The gold is hand-checked per
column (unit, kind, scale, period, base) and per row (label; the period of a time series row);
a cell's gold value is the number as written, scaled by its unit. `write_all(folder)` writes every
table as Markdown, HTML, DOCX and PDF (ruled and unruled) documents; `python tests/tables_material.py`
rewrites tests/data/tables/.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass, field
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "data" / "tables"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FORMATS = ("md", "html", "docx", "ruled.pdf", "unruled.pdf")

Header = tuple[str, int, int]  # text, rowspan, colspan


@dataclass(frozen=True)
class Col:
    """Gold for the figures of one column (None: the column holds no figures)."""

    unit: str
    kind: str
    scale: float = 1.0
    period: str | None = None
    label: str | None = None  # a time series: the column names what is measured
    base: str | None = None


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    label: str | None = None  # gold label of the row's figures
    period: str | None = None  # a time series: the row names the period


@dataclass(frozen=True)
class TableDoc:
    name: str
    title: str
    intro: str
    caption: str
    unit_line: str | None
    header: tuple[tuple[Header, ...], ...]
    cols: tuple[Col | None, ...]
    rows: tuple[Row, ...]
    outro: str = "Số liệu trên là số liệu chính thức do cơ quan thống kê công bố."
    widths: tuple[float, ...] = field(default=())


PCT = Col("%", "percent")

TABLES: tuple[TableDoc, ...] = (
    TableDoc(
        name="cpi_binhdinh",
        title="Chỉ số giá tiêu dùng các tháng trong năm tỉnh Bình Định",
        intro="Bình quân năm 2023, chỉ số giá tiêu dùng trên địa bàn tỉnh tăng 2,19% so với năm trước.",
        caption="Bảng 1. Chỉ số giá tiêu dùng các tháng trong năm (Tháng trước = 100)",
        unit_line="Đơn vị tính: %",
        header=(
            (("Tháng", 1, 1), ("2019", 1, 1), ("2020", 1, 1), ("2021", 1, 1), ("2022", 1, 1), ("2023", 1, 1)),
        ),
        cols=(
            None,
            Col("%", "percent", period="2019"),
            Col("%", "percent", period="2020"),
            Col("%", "percent", period="2021"),
            Col("%", "percent", period="2022"),
            Col("%", "percent", period="2023"),
        ),
        rows=(
            Row(("Tháng 1", "100,39", "101,54", "100,42", "100,30", "100,88"), "Tháng 1"),
            Row(("Tháng 2", "100,61", "99,49", "102,02", "100,41", "100,10"), "Tháng 2"),
            Row(("Tháng 3", "99,38", "99,00", "98,86", "100,05", "99,48"), "Tháng 3"),
            Row(("Tháng 4", "100,38", "98,25", "100,19", "100,69", "99,72"), "Tháng 4"),
            Row(("Tháng 5", "100,54", "100,05", "100,39", "100,48", "100,09"), "Tháng 5"),
            Row(("Tháng 6", "99,84", "100,45", "100,03", "100,47", "100,18"), "Tháng 6"),
            Row(("Bình quân tháng", "100,40", "100,07", "100,26", "100,24", "100,17"), "Bình quân tháng"),
        ),
        widths=(40, 28, 28, 28, 28, 28),
    ),
    TableDoc(
        name="population_binhdinh",
        title="Dân số trung bình tỉnh Bình Định",
        intro="Dân số trung bình của tỉnh tăng chậm; tỷ lệ dân số thành thị đạt khoảng 41%.",
        caption="Bảng 2. Dân số trung bình phân theo giới tính và theo thành thị, nông thôn",
        unit_line="Đơn vị tính: Người",
        header=(
            (
                ("Năm", 2, 1),
                ("Tổng số", 2, 1),
                ("Phân theo giới tính", 1, 2),
                ("Phân theo thành thị, nông thôn", 1, 2),
            ),
            (("Nam", 1, 1), ("Nữ", 1, 1), ("Thành thị", 1, 1), ("Nông thôn", 1, 1)),
        ),
        cols=(
            None,
            Col("người", "count", label="Tổng số"),
            Col("người", "count", label="Phân theo giới tính Nam"),
            Col("người", "count", label="Phân theo giới tính Nữ"),
            Col("người", "count", label="Phân theo thành thị, nông thôn Thành thị"),
            Col("người", "count", label="Phân theo thành thị, nông thôn Nông thôn"),
        ),
        rows=(
            Row(("2018", "1.487.771", "730.679", "757.092", "475.534", "1.012.237"), period="2018"),
            Row(("2019", "1.487.817", "732.712", "755.105", "476.845", "1.010.972"), period="2019"),
            Row(("2020", "1.487.903", "732.807", "755.096", "599.852", "888.051"), period="2020"),
            Row(("2021", "1.508.322", "742.865", "765.457", "620.809", "887.513"), period="2021"),
            Row(("2022", "1.504.285", "747.877", "756.408", "619.645", "884.640"), period="2022"),
            Row(("Sơ bộ 2023", "1.506.331", "748.969", "757.362", "620.875", "885.456"), period="2023"),
        ),
        widths=(30, 30, 27, 27, 34, 34),
    ),
    TableDoc(
        name="rice_regions_2018",
        title="Diện tích và sản lượng lúa ở một số vùng của nước ta",
        intro="Đồng bằng sông Cửu Long vẫn là vùng trọng điểm lúa lớn nhất cả nước.",
        caption="Bảng 3. Diện tích và sản lượng lúa ở một số vùng năm 2018",
        unit_line=None,
        header=((("Vùng", 1, 1), ("Diện tích (nghìn ha)", 1, 1), ("Sản lượng (nghìn tấn)", 1, 1)),),
        cols=(None, Col("ha", "measure", 1e3, period="2018"), Col("tấn", "measure", 1e3, period="2018")),
        rows=(
            Row(("Đồng bằng sông Hồng", "999,7", "6085,5"), "Đồng bằng sông Hồng"),
            Row(("Trung du và miền núi Bắc Bộ", "631,2", "3590,6"), "Trung du và miền núi Bắc Bộ"),
            Row(("Tây Nguyên", "245,4", "1375,6"), "Tây Nguyên"),
            Row(("Đông Nam Bộ", "270,5", "1423,0"), "Đông Nam Bộ"),
            Row(("Đồng bằng sông Cửu Long", "4107,4", "24441,9"), "Đồng bằng sông Cửu Long"),
        ),
        widths=(70, 50, 50),
    ),
    TableDoc(
        name="rubber_vietnam",
        title="Diện tích, sản lượng và năng suất cây cao su tại Việt Nam",
        intro="Sản lượng cao su của Việt Nam năm 2017 vượt 1 triệu tấn.",
        caption="Bảng 4. Diện tích, sản lượng và năng suất cây cao su",
        unit_line=None,
        header=(
            (
                ("Năm", 1, 1),
                ("Tổng diện tích (ha)", 1, 1),
                ("DT thu hoạch (ha)", 1, 1),
                ("Sản lượng (tấn)", 1, 1),
                ("Năng suất (kg/ha/năm)", 1, 1),
            ),
        ),
        cols=(
            None,
            Col("ha", "measure", label="Tổng diện tích"),
            Col("ha", "measure", label="DT thu hoạch"),
            Col("tấn", "measure", label="Sản lượng"),
            Col("kg/ha/năm", "measure", label="Năng suất"),
        ),
        rows=(
            Row(("2012", "917.900", "510.000", "877.100", "1.720"), period="2012"),
            Row(("2013", "958.800", "548.100", "946.900", "1.728"), period="2013"),
            Row(("2014", "978.900", "570.000", "966.600", "1.696"), period="2014"),
            Row(("2015", "985.600", "604.300", "1.012.700", "1.676"), period="2015"),
            Row(("2016", "973.500", "621.400", "1.035.300", "1.666"), period="2016"),
            Row(("2017", "969.700", "653.200", "1.094.500", "1.676"), period="2017"),
        ),
        widths=(22, 40, 40, 40, 48),
    ),
    TableDoc(
        name="budget_ductrong",
        title="Huyện Đức Trọng: thu ngân sách quý I tăng 11%",
        intro="Trong quý I, huyện tập trung chống thất thu, thu hồi nợ đọng thuế.",
        caption="Bảng 5. Thu ngân sách nhà nước trên địa bàn huyện Đức Trọng",
        unit_line="Đơn vị: tỷ đồng",
        header=(
            (
                ("STT", 1, 1),
                ("Chỉ tiêu", 1, 1),
                ("Ước thực hiện 3 tháng đầu năm 2020", 1, 1),
                ("So với dự toán (%)", 1, 1),
                ("So với cùng kỳ (%)", 1, 1),
            ),
        ),
        cols=(
            None,
            None,
            Col("VND", "money", 1e9, period="2020-Q1"),
            Col("%", "percent", period="2020-Q1", base="So với dự toán"),
            Col("%", "percent", period="2020-Q1", base="So với cùng kỳ"),
        ),
        rows=(
            Row(
                ("1", "Tổng thu ngân sách nhà nước trên địa bàn", "235", "24", "111"),
                "Tổng thu ngân sách nhà nước trên địa bàn",
            ),
            Row(("", "Trong đó:", "", "", "")),
            Row(
                ("", "- Thu ngân sách do huyện quản lý", "127", "26", "112"),
                "Tổng thu ngân sách nhà nước trên địa bàn - Thu ngân sách do huyện quản lý",
            ),
            Row(
                ("", "+ Thu thuế và phí", "73", "25", ""),
                "Tổng thu ngân sách nhà nước trên địa bàn - Thu ngân sách do huyện quản lý - Thu thuế và phí",
            ),
            Row(
                ("", "+ Thu cấp, thuê đất, bán nhà", "50", "28", ""),
                "Tổng thu ngân sách nhà nước trên địa bàn - Thu ngân sách do huyện quản lý - Thu cấp, thuê đất, bán nhà",
            ),
            Row(
                ("", "+ Thu tài chính", "4", "17", ""),
                "Tổng thu ngân sách nhà nước trên địa bàn - Thu ngân sách do huyện quản lý - Thu tài chính",
            ),
            Row(("2", "Thu ngân sách tỉnh quản lý", "108", "23", "110"), "Thu ngân sách tỉnh quản lý"),
        ),
        widths=(12, 78, 40, 30, 30),
    ),
    TableDoc(
        name="bank_reconciliation",
        title="Bài tập kiểm toán: chỉnh hợp số dư tiền gửi ngân hàng",
        intro="Số dư có trên sổ phụ ngân hàng là 636.000.000 đồng.",
        caption="Bảng 6. Bảng chỉnh hợp ngân hàng",
        unit_line="Đơn vị tính: đồng",
        header=((("Chỉ tiêu", 1, 1), ("Số tiền", 1, 1)),),
        cols=(None, Col("VND", "money")),
        rows=(
            Row(
                ("Số dư trên sổ sách đơn vị trước khi điều chỉnh", "646.600.000"),
                "Số dư trên sổ sách đơn vị trước khi điều chỉnh",
            ),
            Row(
                ("- Kế toán đơn vị ghi thiếu khoản phí ngân hàng", "(500.000)"),
                "Số dư trên sổ sách đơn vị trước khi điều chỉnh - Kế toán đơn vị ghi thiếu khoản phí ngân hàng",
            ),
            Row(
                ("- Ghi đảo số tiền khách hàng A trả", "9.000.000"),
                "Số dư trên sổ sách đơn vị trước khi điều chỉnh - Ghi đảo số tiền khách hàng A trả",
            ),
            Row(
                ("- Rút tiền gửi về nhập quỹ, chưa ghi sổ", "(56.000.000)"),
                "Số dư trên sổ sách đơn vị trước khi điều chỉnh - Rút tiền gửi về nhập quỹ, chưa ghi sổ",
            ),
            Row(
                ("Số dư trên sổ sách đơn vị sau điều chỉnh", "599.100.000"),
                "Số dư trên sổ sách đơn vị sau điều chỉnh",
            ),
        ),
        widths=(120, 50),
    ),
)


@dataclass(frozen=True)
class GoldCell:
    text: str
    value: float
    unit: str
    kind: str
    label: str | None
    period: str | None
    base: str | None


def written_value(text: str) -> float:
    """A Vietnamese-written number as a float: dots group thousands, a comma is the decimal mark,
    brackets make it negative (the test's own reading, independent of the extractor's)."""
    negative = text.startswith("(") and text.endswith(")")
    digits = text.strip("()").replace(".", "").replace(",", ".")
    return -float(digits) if negative else float(digits)


def gold(doc: TableDoc) -> list[GoldCell]:
    """The hand-checked figures of a table, row by row, left to right."""
    out = []
    for row in doc.rows:
        for text, col in zip(row.cells, doc.cols, strict=True):
            if col is None or not text:
                continue
            out.append(
                GoldCell(
                    text,
                    written_value(text) * col.scale,
                    col.unit,
                    col.kind,
                    row.label if row.label is not None else col.label,
                    row.period or col.period,
                    col.base,
                )
            )
    return out


# --- writers ----------------------------------------------------------------------------------


def _grid(doc: TableDoc) -> list[list[str]]:
    """The header as a full grid: a merged cell's text in its first position, "" in the others."""
    width = len(doc.cols)
    grid = [[None] * width for _ in doc.header]
    for r, row in enumerate(doc.header):
        c = 0
        for text, rowspan, colspan in row:
            while grid[r][c] is not None:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[r + dr][c + dc] = "" if dr or dc else text
            c += colspan
    return [[t or "" for t in row] for row in grid]


def write_md(doc: TableDoc, path: Path) -> None:
    header = _grid(doc)
    lines = [f"# {doc.title}", "", doc.intro, "", f"**{doc.caption}**", ""]
    if doc.unit_line:
        lines += [f"*{doc.unit_line}*", ""]
    lines.append("| " + " | ".join(header[0]) + " |")
    lines.append("|" + "|".join("---" for _ in doc.cols) + "|")
    lines += ["| " + " | ".join(r) + " |" for r in header[1:]]
    lines += ["| " + " | ".join(r.cells) + " |" for r in doc.rows]
    lines += ["", doc.outro, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_html(doc: TableDoc, path: Path) -> None:
    e = html_lib.escape
    head = "".join(
        "<tr>"
        + "".join(
            f"<th{f' rowspan={rs}' if rs > 1 else ''}{f' colspan={cs}' if cs > 1 else ''}>{e(t)}</th>"
            for t, rs, cs in row
        )
        + "</tr>\n"
        for row in doc.header
    )
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r.cells) + "</tr>\n" for r in doc.rows)
    unit = f"<p><em>{e(doc.unit_line)}</em></p>\n" if doc.unit_line else ""
    page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(doc.title)}</title></head>
<body><article><h1>{e(doc.title)}</h1>
<p>{e(doc.intro)}</p>
<p><strong>{e(doc.caption)}</strong></p>
{unit}<table>
<thead>
{head}</thead>
<tbody>
{body}</tbody>
</table>
<p>{e(doc.outro)}</p>
</article></body></html>
"""
    path.write_text(page, encoding="utf-8")


def write_docx(doc: TableDoc, path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading(doc.title, level=1)
    d.add_paragraph(doc.intro)
    d.add_paragraph(doc.caption)
    if doc.unit_line:
        d.add_paragraph(doc.unit_line)
    n_head = len(doc.header)
    table = d.add_table(rows=n_head + len(doc.rows), cols=len(doc.cols))
    table.style = "Table Grid"
    occupied: set[tuple[int, int]] = set()
    for r, row in enumerate(doc.header):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in occupied:
                c += 1
            occupied |= {(r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan)}
            cell = table.cell(r, c)
            if rowspan > 1 or colspan > 1:
                cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
            cell.text = text
            c += colspan
    for r, row in enumerate(doc.rows, start=n_head):
        for c, text in enumerate(row.cells):
            table.cell(r, c).text = text
    d.add_paragraph(doc.outro)
    d.save(str(path))


def write_pdf(doc: TableDoc, path: Path, ruled: bool, numbers: str = "LEFT", headers: str = "LEFT") -> None:
    """The document as a PDF; `numbers` and `headers` align the value columns and the header cells."""
    import fpdf

    pdf = fpdf.FPDF(orientation="L" if sum(doc.widths) > 180 else "P")
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=10)
    pdf.multi_cell(0, 6, doc.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.multi_cell(0, 6, doc.intro, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.multi_cell(0, 6, doc.caption, new_x="LMARGIN", new_y="NEXT")
    if doc.unit_line:
        pdf.multi_cell(0, 6, doc.unit_line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    with pdf.table(
        col_widths=doc.widths,
        width=sum(doc.widths),
        text_align=tuple("LEFT" if c is None else numbers for c in doc.cols),
        borders_layout="ALL" if ruled else "NONE",
        first_row_as_headings=False,
        line_height=6,
        align="LEFT",
    ) as table:
        for hrow in doc.header:
            row = table.row()
            for text, rowspan, colspan in hrow:
                row.cell(text, rowspan=rowspan, colspan=colspan, align=headers)
        for r in doc.rows:
            row = table.row()
            for text in r.cells:
                row.cell(text)
    pdf.ln(4)
    pdf.multi_cell(0, 6, doc.outro, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def write_all(folder: Path = FOLDER) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for doc in TABLES:
        base = folder / doc.name
        writers = {
            "md": lambda p, d=doc: write_md(d, p),
            "html": lambda p, d=doc: write_html(d, p),
            "docx": lambda p, d=doc: write_docx(d, p),
            "ruled.pdf": lambda p, d=doc: write_pdf(d, p, True),
            "unruled.pdf": lambda p, d=doc: write_pdf(d, p, False),
        }
        for fmt, write in writers.items():
            path = base.with_name(f"{doc.name}.{fmt}")
            write(path)
            out.append(path)
    return out


if __name__ == "__main__":
    for p in write_all():
        print(p)


# --- scoring ----------------------------------------------------------------------------------


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    unit: int = 0
    label: int = 0
    period: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "predicted", "matched", "unit", "label", "period"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    @property
    def f1(self) -> float:
        if not self.gold or not self.predicted:
            return 0.0
        p, r = self.matched / self.predicted, self.matched / self.gold
        return 2 * p * r / (p + r) if p + r else 0.0

    def rate(self, name: str) -> float:
        return getattr(self, name) / self.matched if self.matched else 0.0


def _fold(s: str | None) -> str:
    return " ".join((s or "").split()).casefold()


def score(doc: TableDoc, report) -> Score:
    """Cell figures of `report` (those with a table reference) against the table's gold, in order:
    a figure matches the next unused gold cell whose text and value it has."""
    out = Score()
    golds = gold(doc)
    cells = [f for f in report.figures if f.table is not None]
    out.gold, out.predicted = len(golds), len(cells)
    used: set[int] = set()
    for f in cells:
        hit = next(
            (
                i
                for i, g in enumerate(golds)
                if i not in used
                and f.text == g.text
                and abs(f.value - g.value) <= 1e-6 * max(1.0, abs(g.value))
            ),
            None,
        )
        if hit is None:
            out.misses.append(f"{doc.name}: extra {f.text!r} {f.value}")
            continue
        used.add(hit)
        g = golds[hit]
        out.matched += 1
        out.unit += f.unit == g.unit and f.kind == g.kind
        out.label += _fold(f.label) == _fold(g.label)
        out.period += f.period == g.period
        for name, got, want in (
            ("unit", f.unit, g.unit),
            ("label", f.label, g.label),
            ("period", f.period, g.period),
        ):
            if _fold(got) != _fold(want):
                out.misses.append(f"{doc.name}: {g.text} {name} {got!r} != {want!r}")
    out.misses += [f"{doc.name}: missed {golds[i].text!r}" for i in range(len(golds)) if i not in used]
    return out
