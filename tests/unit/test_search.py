"""The search engine: query syntax, folding, offsets back into the source, filters, API shape."""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

import pytest

from reportview.core.folding import fold
from reportview.core.loading import parse_text
from reportview.core.search import SearchHit, SearchIndex, parse_query

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
R0 = "000_30228f7ad0dec25a.txt"


@pytest.fixture(scope="module")
def index(seed_reports) -> SearchIndex:
    return SearchIndex.build(seed_reports)


def _name(hit: SearchHit) -> str:
    return hit.doc.replace("\\", "/").rsplit("/", 1)[-1]


# ---------------------------------------------------------------- query syntax


def test_parse_plain_words_last_is_prefix():
    q = parse_query("Ngân sá")
    assert [(t.text, t.prefix) for t in q.terms] == [("ngan", False), ("sa", True)]
    q = parse_query("ngân sách ")
    assert [t.prefix for t in q.terms] == [False, False]


def test_parse_phrase_and_filters():
    q = parse_query('"cử tri đi bầu" kind:percent in:text tỷ lệ')
    assert [t.text for t in q.terms] == ["cu", "tri", "di", "bau", "ty", "le"]
    assert q.phrases == [[0, 1, 2, 3]]
    assert q.kinds == ("percent",)
    assert q.scopes == ("text",)


def test_parse_partial_filter_values_and_unknown_ones():
    assert parse_query("kind:mo").kinds == ("money",)
    assert parse_query("in:tit").scopes == ("titles",)
    assert parse_query("kind:nonsense x").kinds == ()
    assert parse_query("kind:").empty


def test_empty_queries_find_nothing(index):
    assert index.search("") == []
    assert index.search("   ") == []
    assert index.search('""') == []
    assert index.search("zzzzqqqxx") == []


# ---------------------------------------------------------------- matching


def test_accent_insensitive_both_ways(index):
    plain = [(h.doc, h.section_index) for h in index.search("cu tri di bau")]
    accented = [(h.doc, h.section_index) for h in index.search("cử tri đi bầu")]
    assert plain and plain == accented
    upper = [(h.doc, h.section_index) for h in index.search("CỬ TRI ĐI BẦU")]
    assert upper == plain


def test_offsets_map_back_to_accented_words(index, seed_reports):
    by_path = {r.path: r for r in seed_reports}
    for query in ("cu tri di bau", "GRDP", "lang nghe Phong Khe", "ngân sách"):
        words = set(fold(query).split())
        hits = index.search(query + " ")
        assert hits, query
        # Hits as typed (typo-corrected extras, when there are few hits, match other words).
        for hit in hits[:1]:
            text = by_path[hit.doc].text
            assert hit.matches, (query, hit)
            # A span is one query word, or the query as a phrase.
            for s, e in hit.matches:
                assert set(fold(text[s:e]).split()) <= words, (query, text[s:e])
            for s, e in hit.snippet_matches:
                assert set(fold(hit.snippet[s:e]).split()) <= words, (query, hit.snippet[s:e])


def test_matches_are_on_accented_text(index, seed_reports):
    hit = index.search("cu tri di bau ")[0]
    report = next(r for r in seed_reports if r.path == hit.doc)
    spans = [report.text[s:e] for s, e in hit.matches]
    assert spans == ["cử tri đi bầu"]  # the phrase, once: not every "cử" and "đi" in the section
    words = [report.text[s:e] for s, e in index.search("GRDP kế hoạch")[0].matches]
    assert "GRDP" in words and "hoạch" in words


def test_nfd_report_offsets(seed_reports):
    src = (SEEDS / R0).read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", src)
    report = parse_text(nfd, "nfd.txt")
    index = SearchIndex.build([report])
    hits = index.search("cu tri di bau ")
    assert hits
    for s, e in hits[0].matches:
        assert fold(report.text[s:e]) == "cu tri di bau"
    accented = {unicodedata.normalize("NFC", report.text[s:e]) for s, e in hits[0].matches}
    assert "cử tri đi bầu" in accented
    # Snippets are NFC for display, with spans inside them.
    assert unicodedata.is_normalized("NFC", hits[0].snippet)
    assert [fold(hits[0].snippet[s:e]) for s, e in hits[0].snippet_matches] == ["cu tri di bau"]


def test_prefix_as_you_type(index):
    for typed in ("g", "gr", "grd", "grdp"):
        hits = index.search(typed)
        assert hits, typed
    assert (_name(index.search("grd")[0]), index.search("grd")[0].section) == (R0, 6)


def test_typos_are_tolerated(index):
    hits = index.search("ngân sáhc")
    assert hits
    assert all("ngan sach" in fold(h.snippet) or "ngan" in fold(h.snippet) for h in hits[:3])
    exact = index.search("ngân sách")
    assert exact[0].score > hits[0].score  # a corrected word costs something


def test_exact_phrase_is_required(index):
    loose = index.search("bầu cử tri")
    phrase = index.search('"bầu cử tri"')
    assert len(phrase) < len(loose)
    for hit in index.search('"cử tri đi bầu"'):
        assert "cu tri di bau" in fold(hit.snippet)


def test_phrase_outranks_scattered_words(index):
    hits = index.search("cử tri đi bầu ")
    assert "cu tri di bau" in fold(hits[0].snippet)


def test_titles_outrank_body(index):
    hits = index.search("chuyển đổi số ")
    assert hits[0].kind == "section_title"
    assert (_name(hits[0]), hits[0].section) == ("001_7f142ac89515c70a.txt", 7)
    body = [h for h in hits if h.kind == "text"]
    assert body and body[0].score < hits[0].score


def test_one_hit_per_section_and_limit(index):
    hits = index.search("thành phố", limit=500)
    keys = [(h.doc, h.section_index) for h in hits]
    assert len(keys) == len(set(keys))
    assert len(index.search("thành phố", limit=3)) == 3


def test_ties_are_predictable(index):
    a = index.search("covid")
    b = index.search("covid")
    assert a == b
    for x, y in itertools.pairwise(a):
        assert x.score >= y.score
        if x.score == y.score:
            assert (x.report_index, x.section_index or -1) <= (y.report_index, y.section_index or -1)


# ---------------------------------------------------------------- filters


def test_in_titles_only_titles(index):
    hits = index.search("bầu cử in:titles")
    assert hits
    for h in hits:
        assert h.kind in ("section_title", "report_title")
        assert "bau cu" in fold(h.title)


def test_in_text_excludes_title_only_hits(index):
    for h in index.search("in:text GRDP"):
        assert h.kind in ("text", "figure")


def test_in_figures_and_kind(index, seed_reports):
    hits = index.search("in:figures khẩu trang")
    assert hits and hits[0].kind == "figure"
    assert (_name(hits[0]), hits[0].section) == (R0, 4)
    money = index.search("kind:money")
    assert money and all(h.kind == "figure" for h in money)
    by_path = {r.path: r for r in seed_reports}
    for h in money:
        figs = {(f.start, f.end) for f in by_path[h.doc].figures if f.kind == "money"}
        assert set(h.matches) <= figs
    pct = index.search("kind:percent ma túy")
    assert pct and pct[0].section == 15


# ---------------------------------------------------------------- API


def test_hit_shape_and_json(index):
    hit = index.search("GRDP")[0]
    assert set(hit.as_json()) == {"doc", "section", "title", "score", "snippet", "matches"}
    j = hit.as_json()
    assert j["section"] == 6 and j["doc"].endswith(R0)
    assert all(isinstance(m, list) and len(m) == 2 for m in j["matches"])
    assert "\n" not in hit.snippet
    assert hit.kind in ("report_title", "section_title", "text", "figure")
    with pytest.raises(AttributeError):
        hit.score = 1.0  # type: ignore[misc]


def test_report_title_hits(index):
    hit = index.search("10 dấu ấn nổi bật Chí Linh")[0]
    assert hit.kind == "report_title"
    assert hit.section is None and hit.section_index is None
    assert hit.title == "10 dấu ấn nổi bật Thành phố Chí Linh năm 2021"


def test_incremental_add_matches_build(seed_reports):
    built = SearchIndex.build(seed_reports)
    streamed = SearchIndex()
    assert streamed.search("covid") == []
    for i, report in enumerate(seed_reports):
        streamed.add(report)
        hits = streamed.search("thành phố")
        assert all(h.report_index <= i for h in hits)
    for q in ("covid", "cu tri di bau", "GRDP", "ngân sáhc", "kind:money"):
        assert streamed.search(q) == built.search(q)


def test_folded_text_caches_do_not_change_results(seed_reports, monkeypatch):
    # The index keeps no folded copy of the corpus: units fold their region when scored, NFD
    # and long reports fold whole, both through bounded caches. Tiny caches (an eviction on
    # every unit) and whole-report folding for every report must give the same hits.
    from reportview.core import terms
    from reportview.core.search import index as search_index

    nfd = [parse_text(unicodedata.normalize("NFD", r.text), r.path + " (NFD)") for r in seed_reports]
    reports = [*seed_reports, *nfd]
    queries = ["GRDP", "cu tri di bau", "ngân sáh", '"xuất khẩu"', "kind:money", "in:titles su kien", "tăng"]

    def results() -> list[list[dict[str, object]]]:
        index = SearchIndex.build(reports)
        # Each query twice: folded on the first run, from the caches (if they kept it) on the second.
        return [[h.as_json() for h in index.search(q)] for q in queries + queries]

    expected = results()
    assert sum(map(len, expected)) > 50
    monkeypatch.setattr(search_index, "FOLDED_CACHE_CHARS", 10)
    assert results() == expected
    monkeypatch.setattr(terms, "WHOLE_FOLD_CHARS", 0)
    assert results() == expected
