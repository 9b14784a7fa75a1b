"""Decoding: BOMs, UTF-16, cp1258, broken UTF-8, NFD input with offsets into the source."""

from __future__ import annotations

import unicodedata

import pytest

from reportview.core.decoding import BinaryInputError, decode_bytes, nfc_view

TEXT = "Tổng sản phẩm đạt 39.399,4 tỷ đồng\r\ntăng 7%\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.text == TEXT  # BOM removed, \r\n untouched
    assert decoded.encoding == encoding


def test_bomless_utf16_is_recognised():
    assert decode_bytes(TEXT.encode("utf-16-le")).text == TEXT


def _cp1258(text: str) -> bytes:
    """Encode like Windows does: precomposed where cp1258 has the letter, else base + tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            out += unicodedata.normalize("NFC", nfd[:-1]).encode("cp1258") + nfd[-1].encode("cp1258")
    return bytes(out)


def test_cp1258_reads_to_the_nfc_text():
    decoded = decode_bytes(_cp1258(TEXT))
    assert decoded.encoding == "cp1258"
    assert unicodedata.normalize("NFC", decoded.text) == TEXT


def test_invalid_bytes_in_mostly_utf8_become_replacement_characters():
    data = ("Đây là một báo cáo dài " * 20).encode() + b"\xff\xfe\xfa" + " đạt 93,18%".encode()
    decoded = decode_bytes(data)
    assert "\ufffd" in decoded.text
    assert decoded.warnings
    assert decoded.text.endswith("đạt 93,18%")


def test_binary_is_refused():
    with pytest.raises(BinaryInputError):
        decode_bytes(bytes(range(256)) * 10)


def test_nfc_view_maps_offsets_back_to_an_nfd_source():
    source = unicodedata.normalize("NFD", "Cử tri đi bầu đạt 99,26%")
    view = nfc_view(source)
    assert view.text == unicodedata.normalize("NFC", source)
    start = view.text.index("99,26%")
    end = start + len("99,26%")
    assert source[view.source(start) : view.source(end)] == "99,26%"
    assert view.source(len(view.text)) == len(source)


def test_nfc_view_is_the_identity_for_nfc_text():
    view = nfc_view("Cử tri đi bầu")
    assert view.text == "Cử tri đi bầu"
    assert view.source(3) == 3
