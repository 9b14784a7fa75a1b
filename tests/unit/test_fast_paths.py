"""Shortcuts the parse takes for speed give what the longer way gives, on real and generated text."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import shared_path
from hypothesis import given, settings
from hypothesis import strategies as st

from reportview.core import figures, numbers, outline, places

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# Letters, digits, marks and the blanks and punctuation the shortcuts look at.
_ALPHABET = st.sampled_from(
    [
        *"aBđĐẠtThHpPxX_²Ⅻ0123456789 \t\u00a0\u2003\n.,;:-–&()%",
        "thành phố ",
        "Hà Nội",
        "tp",
        "Tp.",
        "t.p",
        "Thị xã",
    ]
)
_TEXT = st.lists(_ALPHABET, max_size=60).map("".join)


def _texts() -> list[str]:
    news = sorted(shared_path("corpus", "vn-news").glob("*.txt"))[::40]
    return [p.read_text(encoding="utf-8") for p in [*sorted(SEEDS.glob("*.txt")), *news]]


def _look_behind_matches(pattern: re.Pattern[str], not_after: str, text: str) -> list[tuple[int, int]]:
    """The matches of the pattern written the plain way, with its look-behind in front."""
    return [m.span() for m in re.compile(rf"(?<!{not_after}){pattern.pattern}").finditer(text)]


# The mention pattern written the plain way: the kind words as a flat alternation, longest first.
_FLAT_KINDS = "|".join(
    re.escape(p).replace(r"\ ", r"\s+") for p in sorted(places._PREFIX_FORMS, key=len, reverse=True)
)
_FLAT_MENTION = re.compile(rf"(?P<kind>{_FLAT_KINDS})\s*(?P<name>{places._NAME})")


def _starting(pattern: re.Pattern[str], not_after: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in places._starting_words(pattern, not_after, text, 0, len(text))]


# Kind words and names right after a letter, a digit, a dot or an underscore: not mentions.
_GLUED = "ở tp.Hà Nội, xthành phố Huế, 5huyện Mê Linh, Bắc Ninh.thị xã Từ Sơn, _tỉnh Nam Định, PhúThọ"


def test_place_mentions_and_province_names_start_where_the_look_behind_allows():
    found = 0
    for text in [*_texts(), _GLUED]:
        mentions = _starting(places._MENTION, places._MENTION_NOT_AFTER, text)
        assert mentions == _look_behind_matches(_FLAT_MENTION, r"[\w.]", text)
        names = _starting(places._province_pattern(), places._NAME_NOT_AFTER, text)
        assert names == _look_behind_matches(places._province_pattern(), r"\w", text)
        found += len(mentions) + len(names)
    assert found > 50


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_place_mentions_on_generated_text(text):
    assert _starting(places._MENTION, places._MENTION_NOT_AFTER, text) == _look_behind_matches(
        _FLAT_MENTION, r"[\w.]", text
    )


def _last_words(text: str) -> list[tuple[str | None, str | None]]:
    """(shortcut, tokens) for every number after a letter: the word before it, read both ways."""
    out = []
    for m in figures.NUMBER_TOKEN.finditer(text):
        k = m.start() - 1
        while k >= 0 and text[k] in " \t\u00a0":
            k -= 1
        if k < 0 or not text[k].isalpha():
            continue
        short = figures._last_word_before(text, k, m.start())
        if short is not None:
            toks = figures._tokens_before(text, m.start())
            out.append((short, toks[-1].low if toks else None))
    return out


def test_the_word_before_a_number_is_the_last_token_before_it():
    pairs = [p for text in _texts() for p in _last_words(text)]
    assert len(pairs) > 200
    assert all(short == low for short, low in pairs)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_word_before_a_number_on_generated_text(text):
    assert all(short == low for short, low in _last_words(text + " 12"))


def _first_sentence_of_long_head(text: str, limit: int) -> str:
    """first_sentence as it was: always from a head of four times the limit."""
    head = " ".join(text[: limit * 4].split())
    end = outline._first_break(head)
    sentence = head if end is None else head[: end.start() + 1]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:-–") + "…"


def test_first_sentence_reads_the_same_from_the_shorter_head():
    paragraphs = [p for text in _texts() for p in text.split("\n") if p.strip()]
    assert len(paragraphs) > 100
    for paragraph in paragraphs:
        for limit in (90, 30):
            assert outline.first_sentence(paragraph, limit) == _first_sentence_of_long_head(paragraph, limit)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from([5, 12, 40]))
def test_first_sentence_on_generated_text(text, limit):
    assert outline.first_sentence(text, limit) == _first_sentence_of_long_head(text, limit)


def _language_by_full_counts(text: str) -> str:
    """detect_language as it was: every Vietnamese letter of the sample counted."""
    sample = text[:1500]
    vi = len(numbers._VIETNAMESE_LETTERS.findall(sample))
    en = len(numbers._ENGLISH_WORDS.findall(sample))
    if vi == 0 and numbers._LATIN_WORD.search(sample):
        return "en"
    return "en" if en * 3 > vi else "vi"


def test_language_vote_stops_counting_where_it_is_decided():
    texts = [*_texts(), "The council spent $4 million on roads.", "Tỉnh có 12 xã and the 3 of them", "abc"]
    for text in texts:
        assert numbers.detect_language(text) == _language_by_full_counts(text)


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(alphabet=st.characters(codec="utf-8"))
    | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_JSON_VALUES, max_size=5))
def test_json_lines_called_encoder_writes_what_json_dumps_writes(objs: list[object]) -> None:
    from reportview.core.textsafe import json_lines, json_safe

    expected = "".join(json_safe(json.dumps(o, ensure_ascii=False)) + "\n" for o in objs)
    assert "".join(json_lines(objs)) == expected
