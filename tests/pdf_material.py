"""A long PDF with a table on every page (ruled and unruled in turn), for the app and the benchmark.

The tables are the yearbook CPI and population tables of tests/tables_material.py, repeated with
their page number in the caption; each page also carries a paragraph of prose.
"""

from __future__ import annotations

from pathlib import Path

from tables_material import FONT, TABLES

PROSE = (
    "Tình hình kinh tế - xã hội trên địa bàn tỉnh tiếp tục ổn định; thu ngân sách đạt 5.381,1 tỷ đồng, "
    "bằng 95,6% so với cùng kỳ, trong đó thu nội địa chiếm 87% tổng thu."
)


def write_long_pdf(path: Path, pages: int = 50) -> Path:
    """A PDF of `pages` pages, each with a heading, a paragraph, a caption, a unit line and a table."""
    import fpdf

    docs = [d for d in TABLES if d.name in ("cpi_binhdinh", "population_binhdinh")]
    pdf = fpdf.FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=10)
    for page in range(pages):
        doc = docs[page % len(docs)]
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Phần {page + 1}. {doc.title}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.multi_cell(0, 6, PROSE, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.multi_cell(
            0, 6, f"Bảng {page + 1}. {doc.caption.split('. ', 1)[1]}", new_x="LMARGIN", new_y="NEXT"
        )
        if doc.unit_line:
            pdf.multi_cell(0, 6, doc.unit_line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        with pdf.table(
            col_widths=doc.widths,
            width=sum(doc.widths),
            text_align="LEFT",
            borders_layout="ALL" if page % 2 == 0 else "NONE",
            first_row_as_headings=False,
            line_height=6,
            align="LEFT",
        ) as table:
            for hrow in doc.header:
                row = table.row()
                for text, rowspan, colspan in hrow:
                    row.cell(text, rowspan=rowspan, colspan=colspan)
            for r in doc.rows:
                row = table.row()
                for text in r.cells:
                    row.cell(text)
    pdf.output(str(path))
    return path
