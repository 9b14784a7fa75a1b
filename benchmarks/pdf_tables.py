"""How long a 50-page PDF with a table on every page takes to load, against pypdf's plain text.

The PDF (tests/pdf_material.py: a ruled or unruled statistics table and a paragraph on every
page) is loaded as the app loads a file (`load_report`: pdfplumber text and tables, then the
parse with cell figures), and its pages' text is extracted by pypdf alone (no tables, no parse),
the cheapest way to get text out of it; both in this run, best of N. The ratio is the price of
reading the tables as tables. pdfplumber's own plain text (`extract_text`) is printed too.

    python benchmarks/pdf_tables.py [--pages 50] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdf_material import write_long_pdf  # noqa: E402

from reportview.core.loading import load_report  # noqa: E402


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    try:
        import pdfplumber
        import pypdf
    except ImportError as exc:
        print(f"skipped: {exc} (pip install 'reportview[test]')")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = write_long_pdf(Path(tmp) / "long.pdf", args.pages)
        data = path.read_bytes()

        def pypdf_text() -> None:
            reader = pypdf.PdfReader(io.BytesIO(data))
            for page in reader.pages:
                page.extract_text()

        def plumber_text() -> None:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.close()

        report = load_report(path)
        cells = sum(1 for f in report.figures if f.table)
        base = _best(pypdf_text, args.repeat)
        plumber = _best(plumber_text, args.repeat)
        load = _best(lambda: load_report(path), args.repeat)
    print(
        f"pdf: {args.pages} pages, {len(report.tables)} tables, {cells} cell figures, {len(data) // 1024} KB"
    )
    print(
        f"pypdf plain text (baseline)       {base * 1000:8.0f} ms  ({base / args.pages * 1000:.1f} ms/page)"
    )
    print(f"pdfplumber plain text             {plumber * 1000:8.0f} ms  x{plumber / base:.2f}")
    print(f"load_report (text, tables, parse) {load * 1000:8.0f} ms  x{load / base:.2f}")
    print(f"summary: load {load:.2f} s = x{load / base:.2f} pypdf's plain text of the same file")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
