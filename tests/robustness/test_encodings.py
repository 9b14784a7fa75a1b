"""Encodings: every file of ../shared/corpus/encodings reads to its UTF-8 original (after NFC);
broken bytes in mostly-UTF-8 text are replaced with a warning; NFD input keeps exact offsets."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from reportview.core.decoding import decode_bytes
from reportview.core.loading import load_report, parse_text, read_text
from robustness.helpers import REPORT_TEXT, assert_no_traceback, run_cli

ROOT = Path(__file__).resolve().parents[2]
ENCODINGS = ROOT.parent / "shared" / "corpus" / "encodings"
ORIGINALS = ROOT.parent / "shared" / "corpus" / "vn-news"


def _encoded_files() -> list[Path]:
    return sorted(ENCODINGS.glob("*.txt")) if ENCODINGS.is_dir() else []


def _original(path: Path) -> Path:
    return ORIGINALS / (path.name.split(".")[0] + ".txt")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.mark.shared
@pytest.mark.skipif(
    not _encoded_files(), reason="needs ../shared/corpus/encodings (not beside this checkout)"
)
@pytest.mark.parametrize("path", _encoded_files(), ids=lambda p: p.name)
def test_encoded_copy_reads_to_the_utf8_original(path):
    original = _original(path)
    if not original.is_file():
        pytest.skip(f"needs ../shared/corpus/vn-news/{original.name}")
    text, encoding, _ = read_text(path)
    assert _nfc(text) == _nfc(original.read_text(encoding="utf-8"))
    assert encoding.startswith("utf-16") if "utf16" in path.name else encoding == "cp1258"
    got, want = load_report(path), load_report(original)
    assert [(f.value, f.kind, f.unit) for f in got.figures] == [
        (f.value, f.kind, f.unit) for f in want.figures
    ]
    assert [s.title for s in got.sections] == [s.title for s in want.sections]
    for f in got.figures:  # offsets index the decoded text of the encoded file itself
        assert got.text[f.start : f.end] == f.text


@pytest.mark.shared
@pytest.mark.skipif(
    not _encoded_files(), reason="needs ../shared/corpus/encodings (not beside this checkout)"
)
def test_encodings_folder_through_the_cli():
    run = run_cli("figures", ENCODINGS, "--format", "jsonl", "--no-cache")
    assert_no_traceback(run)
    assert run.code == 0, run.err
    assert run.out.count("\n") > 100


@pytest.mark.parametrize("junk", [b"\xff", b"\xc3", b"\xe1\xba", b"\x80\x80\x80", b"\xed\xa0\x80"])
def test_invalid_bytes_in_utf8_become_replacement_characters_with_a_warning(tmp_path, junk):
    data = REPORT_TEXT.encode("utf-8")
    cut = data.index("tăng 7%".encode())
    path = tmp_path / "broken.txt"
    path.write_bytes(data[:cut] + junk + data[cut:])
    decoded = decode_bytes(path.read_bytes())
    assert "\ufffd" in decoded.text and decoded.warnings
    assert decoded.text.replace("\ufffd", "") == REPORT_TEXT
    run = run_cli("figures", path, "--format", "jsonl", "--no-cache")
    assert run.code == 0  # a warning, not a stop
    assert len(run.err_lines) == 1 and "U+FFFD" in run.err_lines[0]
    assert '"text": "7%"' in run.out


def test_truncated_utf16_is_read_with_a_warning():
    data = b"\xff\xfe" + REPORT_TEXT.encode("utf-16-le") + b"\x41"  # odd byte count
    decoded = decode_bytes(data)
    assert decoded.text.startswith(REPORT_TEXT) and decoded.warnings


def test_bomless_utf16_be_and_le():
    for enc in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(REPORT_TEXT.encode(enc)).text == REPORT_TEXT


def test_nfd_input_gives_the_same_figures_with_offsets_into_the_nfd_text(tmp_path):
    nfd = unicodedata.normalize("NFD", REPORT_TEXT)
    assert nfd != REPORT_TEXT
    path = tmp_path / "nfd.txt"
    path.write_text(nfd, encoding="utf-8")
    got, want = load_report(path), parse_text(REPORT_TEXT)
    assert got.text == nfd  # the source is kept as it is, not normalised
    assert [(f.value, f.kind, f.unit, f.section_number) for f in got.figures] == [
        (f.value, f.kind, f.unit, f.section_number) for f in want.figures
    ]
    for f, w in zip(got.figures, want.figures, strict=True):
        assert nfd[f.start : f.end] == f.text
        assert _nfc(f.text) == w.text
    for s, w in zip(got.sections, want.sections, strict=True):
        assert _nfc(nfd[s.start : s.end]) == REPORT_TEXT[w.start : w.end]
