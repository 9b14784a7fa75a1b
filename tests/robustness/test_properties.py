"""Property-based tests: the loader, cleaner (furniture), outline and figures never crash on
random bytes or random Unicode, and every offset they return is exact and in bounds.

Kept to a few seconds in total (modest max_examples); `benchmarks/fuzz.py` runs the same checks
for as long as you like.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportview.core.decoding import BinaryInputError, decode_bytes, nfc_view
from reportview.core.formats import html_to_text
from reportview.core.loading import parse_text
from robustness.helpers import REPORT_LINES

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real reports, so random text often looks like one: numbers in both conventions,
# units, magnitudes, list numbers, dates, furniture, and the characters that make trouble.
FRAGMENTS = [
    *REPORT_LINES,
    "1. ",
    "2) ",
    "II. ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "39.399,4",
    "1,234.5",
    "0,9%",
    "7 %",
    "tỷ đồng",
    "triệu USD",
    "nghìn người",
    "tạ/ha",
    "407/412",
    "24/3/2021",
    "2021-2026",
    "năm 2020",
    "tăng",
    "giảm",
    "gần",
    "trên",
    "Lượt xem: 936",
    "Chia sẻ",
    "Tin liên quan",
    "%",
    "/",
    "-",
    "–",
    "\x1b[31m",
    "\u202e",
    "\ufeff",
    "\u0301",
    "\u0343",
    "\u1a74",
    "\u0f73",
    "\u0323",
    "\ufffd",
    "\x00",
    "\u2028",
    "…",
    "“",
    "”",
]
report_like = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join)
any_text = st.text(max_size=300) | report_like


def _check_report(text: str) -> None:
    report = parse_text(text)
    n = len(text)
    assert report.text == text
    last_end = 0
    for s in report.sections:
        assert 0 <= s.start <= s.body_start <= s.end <= n
        assert s.start >= last_end  # in order, not overlapping
        last_end = s.end
    for f in report.figures:
        assert 0 <= f.start < f.end <= n
        assert text[f.start : f.end] == f.text
        assert f.kind in ("count", "percent", "money", "ratio", "measure")
        assert f.value == f.value  # not NaN
        if f.section_index is not None:
            s = report.sections[f.section_index]
            assert s.start <= f.start < s.end
    for span in report.furniture:
        assert 0 <= span.start <= span.end <= n
    assert 0 <= report.body[0] <= report.body[1] <= n


@FAST
@given(st.binary(max_size=2000))
def test_decode_bytes_never_raises_anything_but_binary_input_error(data):
    try:
        decoded = decode_bytes(data)
    except BinaryInputError:
        return
    assert isinstance(decoded.text, str)


@FAST
@given(st.text(max_size=500))
def test_utf8_text_decodes_to_itself(text):
    try:
        decoded = decode_bytes(text.encode("utf-8"))
    except BinaryInputError:
        assert sum(ch < " " and ch not in "\t\n\r\x0b\x0c\x1b" for ch in text) > 0  # controls only
        return
    assert decoded.text == text or decoded.encoding.startswith("utf-16")


@FAST
@given(any_text)
def test_parse_text_never_raises_and_offsets_are_exact(text):
    _check_report(text)


@FAST
@given(report_like)
def test_nfd_input_keeps_offsets_exact(text):
    nfd = unicodedata.normalize("NFD", text)
    _check_report(nfd)
    view = nfc_view(nfd)
    assert view.source(0) == 0 and view.source(len(view.text)) == len(nfd)
    assert all(view.source(i) <= view.source(i + 1) for i in range(len(view.text)))


@FAST
@given(st.binary(max_size=1500))
def test_random_bytes_through_decode_and_parse(data):
    try:
        text = decode_bytes(data).text
    except BinaryInputError:
        return
    _check_report(text)


@FAST
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div class='menu'>",
                "</div>",
                "<a>",
                "</a>",
                "<br>",
                "<table><tr><td>",
                "</td></tr></table>",
                "<!--",
                "-->",
                "<script>",
                "&amp;",
                "&#x1b;",
                "<h1>",
            ]
        )
        | report_like,
        max_size=30,
    ).map("".join)
)
def test_html_extraction_never_raises(markup):
    try:
        text = html_to_text(markup.encode("utf-8"))
    except BinaryInputError:
        return
    _check_report(text)


def _nfc_view_reference(source: str) -> tuple[str, list[int], list[int]]:
    """The specification of nfc_view: normalise each cluster (a character and the combining marks
    after it) on its own; every character of a cluster's NFC maps to the cluster's start and end."""
    out, mapping, ends = [], [], []
    i = 0
    while i < len(source):
        j = i + 1
        while j < len(source) and (
            unicodedata.combining(source[j]) or unicodedata.category(source[j]) == "Mn"
        ):
            j += 1
        piece = unicodedata.normalize("NFC", source[i:j])
        out.append(piece)
        mapping += [i] * len(piece)
        ends += [j] * len(piece)
        i = j
    return "".join(out), [*mapping, len(source)], ends


# Starters, marks (BMP and beyond), characters NFC replaces alone or with marks (U+212B, U+0340,
# U+1D15E -> two characters), Hangul jamo, Vietnamese precomposed letters.
_NFC_TROUBLE = st.sampled_from(
    list(
        "aeoAĐ ơư9.\n\u0301\u0300\u0323\u0303\u0309\u0302\u0306\u031b\u0344\u0340\u212b\u2126"
        "\uf900\u1100\u1161\u11a8\u1ec7\U0001d15e\U0001d165\U0001d16e\U0002f800\U000e0100"
        "\U0001f600\u0e31"
    )
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_NFC_TROUBLE, min_size=1, max_size=40).map("".join))
def test_nfc_view_matches_cluster_by_cluster_normalisation(source):
    view = nfc_view(source)
    text, mapping, ends = _nfc_view_reference(source)
    assert view.text == text
    if view._to_source is not None:
        assert list(view._to_source) == mapping and list(view._ends) == ends
    else:
        assert text == source
