"""Fuzz the reader for N seconds: `python benchmarks/fuzz.py [--seconds 60] [--seed 1] [--save DIR]`.

Inputs: random bytes, random Unicode, and mutated seed reports (bytes flipped, inserted, deleted
and duplicated; control characters, escape sequences and bidi overrides spliced in; truncated
mid-character; re-encoded as UTF-16/cp1258/NFD; spliced between reports; wrapped in HTML;
several joined on one line), and PDF/DOCX files written from a seed (fpdf2 + DejaVu, python-docx)
then mutated. Each input goes through the same path as a file: decode_bytes (or html_to_text,
pdf_to_text, docx_to_text), then
parse_text, then the CLI's text and JSON renderings. Checked on every input:

- nothing raises except BinaryInputError (the "binary file" skip);
- every figure's text is the source at its offsets; sections are in order and in bounds;
- text output holds no raw control or bidi characters; JSON output parses back to the exact text.

Prints how many inputs it tried (by kind), the failures (each with the input's SHA-1, saved to
DIR with --save), and the slowest input. Exit 1 when anything failed.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import re
import sys
import time
import traceback
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tui"))

from reportview.core.decoding import BinaryInputError, decode_bytes  # noqa: E402
from reportview.core.formats import docx_to_text, html_to_text, pdf_to_text  # noqa: E402
from reportview.core.loading import parse_text  # noqa: E402
from reportview.core.textsafe import json_safe, one_line, printable  # noqa: E402

SEEDS = ROOT / "seeds"
SHARED_NEWS = ROOT.parent / "shared" / "corpus" / "vn-news"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
SPLICES = [
    "\x1b[31m",
    "\x1b]52;c;aGFja2Vk\x07",
    "\x1b[2J",
    "\u202e",
    "\u2066",
    "\x00",
    "\x07",
    "\x08",
    "\x7f",
    "\x9b",
    "[bold]x[/bold]",
    "\ufeff",
    "\u0301",
    "\u0323\u0302",
    "\r",
    "\r\n",
    "\n\n",
    "\u2028",
    "\t",
    "…",
    "%",
    "/",
    "1. ",
    "12. ",
    "39.399,4 tỷ đồng",
    "1,234.5 USD",
    "tăng 7%",
    "407/412",
    "24/3/2021",
    "Lượt xem: 9",
    "9" * 40,
    "1." * 30,
    "," * 20,
    "0" * 25 + "%",
    "1e308",
    "\ud800",
]


def load_seeds() -> list[bytes]:
    paths = sorted(SEEDS.glob("*.txt"))
    if SHARED_NEWS.is_dir():
        paths += sorted(SHARED_NEWS.glob("*.txt"))[:60]
    return [p.read_bytes() for p in paths]


# --- input generators -------------------------------------------------------------------------


def random_bytes(rng: random.Random, seeds: list[bytes]) -> tuple[str, bytes]:
    return "random-bytes", rng.randbytes(rng.choice([0, 1, 3, 16, 200, 2000, 20000]))


def random_unicode(rng: random.Random, seeds: list[bytes]) -> tuple[str, bytes]:
    n = rng.choice([1, 10, 100, 1000])
    pools = [(0x20, 0x7E), (0xC0, 0x1FF), (0x1EA0, 0x1EF9), (0x300, 0x36F), (0x0, 0x3000), (0x0, 0x10FFFF)]
    chars = []
    for _ in range(n):
        lo, hi = rng.choice(pools)
        cp = rng.randint(lo, hi)
        chars.append(chr(cp) if not 0xD800 <= cp <= 0xDFFF else "\ufffd")
    return "random-unicode", "".join(chars).encode("utf-8")


def _mutate_bytes(rng: random.Random, data: bytearray) -> None:
    for _ in range(rng.randint(1, 12)):
        if not data:
            data.extend(rng.randbytes(4))
        op = rng.randrange(6)
        i = rng.randrange(len(data))
        if op == 0:
            data[i] = rng.randrange(256)
        elif op == 1:
            data[i:i] = rng.randbytes(rng.randint(1, 8))
        elif op == 2:
            del data[i : i + rng.randint(1, 64)]
        elif op == 3:
            j = rng.randrange(len(data))
            data[i:i] = data[j : j + rng.randint(1, 400)]
        elif op == 4:
            data[i:i] = rng.choice(SPLICES).encode("utf-8", "surrogatepass")
        else:
            del data[i:]  # truncated, maybe mid-character


def mutated_seed(rng: random.Random, seeds: list[bytes]) -> tuple[str, bytes]:
    data = bytearray(rng.choice(seeds))
    _mutate_bytes(rng, data)
    return "mutated-seed", bytes(data)


def spliced_text(rng: random.Random, seeds: list[bytes]) -> tuple[str, bytes]:
    text = rng.choice(seeds).decode("utf-8", "replace")
    parts = []
    for _ in range(rng.randint(1, 20)):
        a = rng.randrange(len(text) + 1)
        parts.append(text[a : a + rng.randint(0, 600)])
        parts.append(rng.choice(SPLICES))
    joined = "".join(parts)
    form = rng.choice(["raw", "NFD", "NFC", "NFKC"])
    if form != "raw":
        joined = unicodedata.normalize(form, joined)
    return f"spliced-{form}", joined.encode("utf-8", "surrogatepass")


def reencoded_seed(rng: random.Random, seeds: list[bytes]) -> tuple[str, bytes]:
    text = rng.choice(seeds).decode("utf-8", "replace")
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "cp1258", "utf-32"])
    data = bytearray(text.encode(encoding, "replace"))
    if rng.random() < 0.5:
        _mutate_bytes(rng, data)
    return f"reencoded-{encoding}", bytes(data)


def html_page(rng: random.Random, seeds: list[bytes]) -> tuple[str, bytes]:
    text = rng.choice(seeds).decode("utf-8", "replace")
    lines = text.splitlines()[: rng.randint(1, 60)]
    tags = ["p", "div", "li", "td", "h1", "span", "nav", "aside", "a", "br", "table", "tr"]
    body = []
    for line in lines:
        tag = rng.choice(tags)
        cls = rng.choice(
            ["", " class='menu'", " class='article-body'", " id='related'", " class='view-count'"]
        )
        body.append(f"<{tag}{cls}>{line}</{tag}>" if rng.random() < 0.9 else f"<{tag}>{line}")
    page = f"<html><head><meta charset='utf-8'></head><body><article>{''.join(body)}</article></body></html>"
    data = bytearray(page.encode("utf-8"))
    if rng.random() < 0.5:
        _mutate_bytes(rng, data)
    return "html", bytes(data)


def long_line(rng: random.Random, seeds: list[bytes]) -> tuple[str, bytes]:
    """Several reports on one line (over loading.LONG_LINE_CHARS): the read-in-pieces path."""
    text = " ".join(rng.choice(seeds).decode("utf-8", "replace").replace("\n", " ") for _ in range(4))
    data = bytearray(text.encode("utf-8"))
    _mutate_bytes(rng, data)
    return "long-line", bytes(data)


# PDF and DOCX documents written from a seed report at start-up (when fpdf2 with a DejaVu font,
# pdfplumber and python-docx are installed), then mutated byte-wise like the text seeds.
DOCUMENTS: dict[str, bytes] = {}
FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf")


def make_documents(seed: bytes) -> None:
    lines = [ln for ln in seed.decode("utf-8", "replace").splitlines() if ln.strip()][:40]
    try:
        import docx

        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        buf = io.BytesIO()
        document.save(buf)
        DOCUMENTS["docx"] = buf.getvalue()
    except ImportError:
        pass
    font = next((f for f in FONTS if Path(f).is_file()), None)
    try:
        import fpdf
        import pdfplumber  # noqa: F401 - the reader under test
    except ImportError:
        return
    if font is not None:
        pdf = fpdf.FPDF()
        pdf.add_page()
        pdf.add_font("DejaVu", fname=font)
        pdf.set_font("DejaVu", size=11)
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        DOCUMENTS["pdf"] = bytes(pdf.output())


def document(rng: random.Random, seeds: list[bytes]) -> tuple[str, bytes]:
    if not DOCUMENTS:
        return random_bytes(rng, seeds)
    kind = rng.choice(sorted(DOCUMENTS))
    data = bytearray(DOCUMENTS[kind])
    if rng.random() < 0.9:
        _mutate_bytes(rng, data)
    return kind, bytes(data)


GENERATORS = [
    document,
    long_line,
    random_bytes,
    random_unicode,
    mutated_seed,
    mutated_seed,
    spliced_text,
    reencoded_seed,
    html_page,
]


# --- checks -----------------------------------------------------------------------------------


def check(kind: str, data: bytes) -> None:
    """Raise AssertionError (or anything else) when the reader misbehaves on this input."""
    try:
        if kind in ("html", "pdf", "docx"):
            text = {"html": html_to_text, "pdf": pdf_to_text, "docx": docx_to_text}[kind](data)
        else:
            text = decode_bytes(data).text
    except BinaryInputError:
        return
    report = parse_text(text, "fuzz.txt")
    n = len(text)
    last = 0
    for s in report.sections:
        assert 0 <= s.start <= s.body_start <= s.end <= n, ("section out of bounds", s)
        assert s.start >= last, ("sections out of order", s)
        last = s.end
        assert not UNSAFE.search(one_line(s.title)), "unsafe section title"
    for f in report.figures:
        assert 0 <= f.start < f.end <= n, ("figure out of bounds", f)
        assert text[f.start : f.end] == f.text, ("figure text is not the source at its offsets", f)
        assert f.value == f.value, ("NaN value", f)
        for field in (f.text, f.unit, f.label or ""):
            assert not UNSAFE.search(one_line(field)), "unsafe figure field"
    assert not UNSAFE.search(printable(text)), "printable() left a control character"
    rows = [f.as_json("fuzz.txt") for f in report.figures]
    dumped = json_safe(json.dumps([report.outline_json(), rows], ensure_ascii=False))
    assert not UNSAFE.search(dumped), "raw control character in JSON output"
    assert json.loads(dumped) == json.loads(json.dumps([report.outline_json(), rows])), (
        "JSON changed the text"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save", type=Path, help="write each failing input here, named by SHA-1")
    args = parser.parse_args()

    seeds = load_seeds()
    make_documents(seeds[0])
    rng = random.Random(args.seed)
    tried: Counter[str] = Counter()
    failures: dict[str, tuple[str, str]] = {}
    slowest = (0.0, "", "")
    started = time.monotonic()
    while time.monotonic() - started < args.seconds:
        kind, data = rng.choice(GENERATORS)(rng, seeds)
        tried[kind] += 1
        t0 = time.perf_counter()
        try:
            check(kind, data)
        except Exception as exc:  # a failure to report, not to stop on
            digest = hashlib.sha1(data).hexdigest()[:12]
            where = traceback.extract_tb(exc.__traceback__)[-1]
            failures.setdefault(
                f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}",
                (digest, f"{kind}: {' '.join(str(exc).split())[:160]}"),
            )
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                suffix = kind if kind in ("html", "pdf", "docx") else "txt"
                (args.save / f"{digest}.{suffix}").write_bytes(data)
        took = time.perf_counter() - t0
        if took > slowest[0]:
            slowest = (took, kind, f"{len(data)} bytes")
    total = sum(tried.values())
    elapsed = time.monotonic() - started
    rate = total / elapsed
    print(
        f"fuzz: {total} inputs in {elapsed:.0f} s ({rate:.0f}/s), seed {args.seed}, {len(seeds)} seed reports"
    )
    for kind, count in sorted(tried.items()):
        print(f"  {kind:22} {count}")
    print(f"slowest input: {slowest[0] * 1000:.0f} ms ({slowest[1]}, {slowest[2]})")
    print(f"failures: {len(failures)} distinct")
    for where, (digest, what) in sorted(failures.items()):
        print(f"  {where}  [{digest}] {what}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
