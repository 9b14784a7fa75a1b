"""Accent and case folding for search."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from reportview.core.folding import fold, fold_with_map, to_folded, to_source

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY ,.-0123456789\n"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)


def test_vietnamese_letters_fold_to_ascii():
    assert fold("Cử tri đi bầu") == "cu tri di bau"
    assert fold("ĐẢNG BỘ Thành phố") == "dang bo thanh pho"
    assert fold("Ngân sách Nhà nước") == "ngan sach nha nuoc"
    assert fold("Hưng Yên, Quảng Ngãi, Đắk Lắk") == "hung yen, quang ngai, dak lak"
    assert fold("ỳ ỷ ỹ ỵ ý Ỳ") == "y y y y y y"


def test_typographic_marks_fold_to_plain():
    assert fold("“GRDP” – 7%") == '"grdp" - 7%'
    assert fold("a\u00a0b") == "a b"


def test_nfc_keeps_length_and_offsets():
    text = "Tổng sản phẩm (GRDP) ước đạt 39.399,4 tỷ đồng"
    folded, omap = fold_with_map(text)
    assert omap is None
    assert len(folded) == len(text)
    i = folded.index("uoc dat")
    assert text[i : i + 7] == "ước đạt"


def test_nfd_maps_back_to_source():
    text = unicodedata.normalize("NFD", "Cuộc bầu cử đại biểu Quốc hội")
    folded, omap = fold_with_map(text)
    assert folded == "cuoc bau cu dai bieu quoc hoi"
    assert omap is not None and len(omap) == len(folded) + 1
    i = folded.index("bau cu")
    s, e = to_source(omap, i, i + len("bau cu"))
    assert unicodedata.normalize("NFC", text[s:e]) == "bầu cử"
    assert to_folded(omap, s) == i


@given(st.text(alphabet=VIETNAMESE, max_size=80))
def test_fold_nfd_equals_fold_nfc(text):
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert fold(nfc) == fold(nfd)
    assert len(fold(nfc)) == len(nfc)


@given(st.text(alphabet=VIETNAMESE, max_size=80), st.data())
def test_map_spans_fold_back(text, data):
    nfd = unicodedata.normalize("NFD", text)
    folded, omap = fold_with_map(nfd)
    assert folded == fold(nfd)
    if not folded:
        return
    a = data.draw(st.integers(0, len(folded) - 1))
    b = data.draw(st.integers(a + 1, len(folded)))
    s, e = to_source(omap, a, b)
    assert fold(nfd[s:e]) == folded[a:b]


@given(st.text(max_size=60))
def test_fold_never_grows_and_is_idempotent(text):
    out = fold(text)
    assert len(out) <= len(text)
    assert fold(out) == out or len(fold(out)) <= len(out)
