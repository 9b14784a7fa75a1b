"""The parse cache (hit, miss, stale, removed, corrupt, fingerprint, --no-cache) and the SQLite export."""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from reportview.cli.main import main
from reportview.config import default_config
from reportview.core import corpus
from reportview.core.corpus import load_corpus
from reportview.core.loading import load_report
from reportview.core.store import (
    SCHEMA_VERSION,
    ParseCache,
    decode_report,
    default_cache_path,
    encode_report,
    write_sqlite,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the seeds, free to edit."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the files actually parsed (not served from the cache) during a test."""
    seen: list[str] = []
    real = corpus._parse_file

    def counting(path, config, want_blob, display=None, want_terms=False):
        seen.append(Path(path).name)
        return real(path, config, want_blob, display, want_terms)

    monkeypatch.setattr(corpus, "_parse_file", counting)
    return seen


def _same(a, b) -> None:
    assert [r.outline_json() for r in a] == [r.outline_json() for r in b]
    assert [r.figures for r in a] == [r.figures for r in b]
    assert a == b


def test_cache_lives_in_xdg_cache_home(cache_home: Path) -> None:
    assert default_cache_path() == cache_home / "reportview" / "parse-cache.sqlite"


def test_blob_roundtrip(seed_reports) -> None:
    for report in seed_reports:
        assert decode_report(encode_report(report, False), report.path, report.text) == report
        assert decode_report(encode_report(report, True), report.path, None) == report


def test_a_canonical_blob_depends_on_the_values_alone(seed_reports) -> None:
    """Archives are built in many processes: a string one process happens to have interned (as a
    Dask worker that imported pandas had the unit "F") must not change the bytes."""
    import sys

    from reportview.core.codec import decode_report, encode_report

    report = next(r for r in seed_reports if r.figures)
    unit = "".join(["unit", "_x"])  # built at run time: not interned
    twin = sys.intern("".join(["unit", "_x"]))  # an equal string, another object, interned
    assert unit is not twin
    plain = dataclasses.replace(report, figures=(dataclasses.replace(report.figures[0], unit=unit),))
    interned = dataclasses.replace(plain, figures=(dataclasses.replace(plain.figures[0], unit=twin),))
    assert plain == interned
    assert encode_report(plain, False, canonical=True) == encode_report(interned, False, canonical=True)
    # The cache's faster format records the interning, which is why archives do not use it.
    assert encode_report(plain, False) != encode_report(interned, False)
    back = decode_report(encode_report(plain, False, canonical=True), report.path, report.text)
    assert back == plain


def test_index_terms_roundtrip_with_the_parse(seed_reports) -> None:
    from reportview.core.store import decode_entry
    from reportview.core.terms import index_terms

    for report in seed_reports:
        terms = index_terms(report)
        assert decode_entry(encode_report(report, False, terms), report.path, report.text) == (report, terms)
        assert decode_entry(encode_report(report, False), report.path, report.text) == (report, None)


def test_a_warm_load_brings_index_terms_and_the_same_search(cache_home: Path, folder: Path) -> None:
    # The app indexes reports with the terms the loader brings (computed in the worker, then
    # cached): cold and warm, the index answers as one built from the reports alone.
    from reportview.core.corpus import iter_corpus
    from reportview.core.search import SearchIndex

    config = default_config()
    queries = ["GRDP", "cu tri di bau", "ngân sáh", "kind:money", "in:titles su kien"]
    expected = SearchIndex.build(load_corpus([folder], config, use_cache=False).reports)
    want = [[h.as_json() for h in expected.search(q)] for q in queries]
    assert sum(map(len, want)) > 20
    for _ in ("cold", "warm"):
        index = SearchIndex()
        steps = [s for s in iter_corpus([folder], config, use_cache=True, with_terms=True) if s.report]
        assert all(s.terms is not None for s in steps)
        for s in steps:
            index.add(s.report, s.terms)
        assert [[h.as_json() for h in index.search(q)] for q in queries] == want


def test_miss_then_hit(cache_home: Path, folder: Path, parses: list[str]) -> None:
    config = default_config()
    first = load_corpus([folder], config).reports
    assert len(parses) == len(first) > 0
    parses.clear()
    second = load_corpus([folder], config).reports
    assert parses == []
    _same(first, second)
    _same(second, [load_report(r.path, config) for r in second])
    assert ParseCache.open_default(config).info()["rows"] == len(first)


def test_stale_entry_is_parsed_again(cache_home: Path, folder: Path, parses: list[str]) -> None:
    config = default_config()
    load_corpus([folder], config)
    victim = sorted(folder.glob("*.txt"))[1]
    victim.write_text("Báo cáo mới\n\n1. Doanh thu đạt 12,5 tỷ đồng, tăng 7%.\n", encoding="utf-8")
    parses.clear()
    reports = load_corpus([folder], config).reports
    assert parses == [victim.name]
    _same(reports, [load_report(r.path, config) for r in reports])
    assert any(f.text == "12,5 tỷ đồng" for r in reports for f in r.figures)


def test_same_size_and_mtime_but_new_bytes_is_not_trusted(
    cache_home: Path, folder: Path, parses: list[str]
) -> None:
    config = default_config()
    load_corpus([folder], config)
    victim = sorted(folder.glob("*.txt"))[0]
    st = victim.stat()
    data = bytearray(victim.read_bytes())
    i = data.index(b"2")  # same length, one digit changed, mtime put back
    data[i : i + 1] = b"3"
    victim.write_bytes(bytes(data))
    os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns))
    parses.clear()
    reports = load_corpus([folder], config).reports
    assert parses == [victim.name]
    _same(reports, [load_report(r.path, config) for r in reports])


def test_removed_files_are_dropped(cache_home: Path, folder: Path) -> None:
    config = default_config()
    n = len(load_corpus([folder], config).reports)
    sorted(folder.glob("*.txt"))[-1].unlink()
    assert len(load_corpus([folder], config).reports) == n - 1
    assert ParseCache.open_default(config).info()["rows"] == n - 1


def test_garbage_cache_file_is_rebuilt_with_a_warning(
    cache_home: Path, folder: Path, parses: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    config = default_config()
    first = load_corpus([folder], config).reports
    path = default_cache_path()
    with open(path, "r+b") as fh:
        fh.write(os.urandom(4096))
    parses.clear()
    with caplog.at_level(logging.WARNING, logger="reportview.cache"):
        again = load_corpus([folder], config).reports
    assert "corrupt" in caplog.text and "rebuilt" in caplog.text
    assert len(parses) == len(first)
    _same(first, again)
    parses.clear()
    _same(first, load_corpus([folder], config).reports)
    assert parses == []


def test_damaged_entry_fails_its_checksum_and_is_parsed_again(
    cache_home: Path, folder: Path, parses: list[str]
) -> None:
    config = default_config()
    first = load_corpus([folder], config).reports
    conn = sqlite3.connect(default_cache_path())
    blob = bytearray(conn.execute("SELECT blob FROM reports WHERE id = 1").fetchone()[0])
    blob[len(blob) // 2] ^= 0xFF
    with conn:
        conn.execute("UPDATE reports SET blob = ? WHERE id = 1", (bytes(blob),))
        conn.execute("UPDATE reports SET blob = 'text, not a blob' WHERE id = 2")
    conn.close()
    parses.clear()
    _same(first, load_corpus([folder], config).reports)
    assert len(parses) == 2
    parses.clear()
    _same(first, load_corpus([folder], config).reports)
    assert parses == []


def test_a_locked_cache_is_left_alone(
    cache_home: Path, folder: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Another reportview holding the lock is not corruption: load without the cache, delete nothing."""
    config = default_config()
    first = load_corpus([folder], config).reports
    monkeypatch.setattr(ParseCache, "TIMEOUT", 0.05)
    other = sqlite3.connect(default_cache_path())
    other.execute("BEGIN EXCLUSIVE")
    try:
        with caplog.at_level(logging.WARNING, logger="reportview.cache"):
            _same(first, load_corpus([folder], config).reports)
        assert "without it" in caplog.text and "corrupt" not in caplog.text
    finally:
        other.rollback()
        other.close()
    assert ParseCache.open_default(config).info()["rows"] == len(first)


def test_other_schema_version_is_rebuilt(cache_home: Path, folder: Path, parses: list[str]) -> None:
    config = default_config()
    first = load_corpus([folder], config).reports
    conn = sqlite3.connect(default_cache_path())
    with conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.close()
    parses.clear()
    _same(first, load_corpus([folder], config).reports)
    assert len(parses) == len(first)


def test_fingerprint_change_invalidates(cache_home: Path, folder: Path, parses: list[str]) -> None:
    config = default_config()
    load_corpus([folder], config)
    units = tuple(sorted({**dict(config.parse.units), "thùng": "count"}.items()))
    other = dataclasses.replace(config, parse=dataclasses.replace(config.parse, units=units))
    assert other.parsing_fingerprint() != config.parsing_fingerprint()
    parses.clear()
    reports = load_corpus([folder], other).reports
    assert len(parses) == len(reports)
    parses.clear()
    load_corpus([folder], other)
    assert parses == []


def test_no_cache_bypasses(cache_home: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(folder), "--format", "json", "--no-cache"]) == 0
    capsys.readouterr()
    assert main(["cache", "info"]) == 0
    assert "reports: 0" in capsys.readouterr().out
    assert main(["outline", str(folder), "--format", "json"]) == 0
    with_cache = capsys.readouterr().out
    assert main(["cache", "info"]) == 0
    n = len(list(folder.glob("*.txt")))
    assert f"reports: {n}" in capsys.readouterr().out
    assert main(["outline", str(folder), "--format", "json", "--no-cache"]) == 0
    assert capsys.readouterr().out == with_cache
    assert main(["cache", "clear"]) == 0
    assert f"cleared {n} cached reports" in capsys.readouterr().out
    assert ParseCache.open_default(default_config()).info()["rows"] == 0


def test_sqlite_export_is_queryable(tmp_path: Path, seed_reports) -> None:
    out = tmp_path / "out.sqlite"
    write_sqlite(out, seed_reports)
    conn = sqlite3.connect(out)
    money = conn.execute("select count(*) from figures where kind='money'").fetchone()[0]
    assert money == sum(f.kind == "money" for r in seed_reports for f in r.figures) > 0
    assert conn.execute("select count(*) from reports").fetchone()[0] == len(seed_reports)
    assert conn.execute("select count(*) from sections").fetchone()[0] == sum(
        len(r.sections) for r in seed_reports
    )
    row = conn.execute(
        'select report, section_number, text, value, unit, start, "end" from figure_rows'
        " where kind='money' order by report, start limit 1"
    ).fetchone()
    report = next(r for r in seed_reports if r.path == row[0])
    assert report.text[row[5] : row[6]] == row[2]
    conn.close()


def test_cli_export_sqlite(tmp_path: Path, folder: Path) -> None:
    out = tmp_path / "figures.sqlite"
    assert main(["export", str(folder), "--output", str(out)]) == 0
    conn = sqlite3.connect(out)
    assert conn.execute("select count(*) from figures where kind='money'").fetchone()[0] > 0
    conn.close()


def test_cli_search_from_cached_terms_answers_as_without_the_cache(
    cache_home: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `reportview search` indexes with the terms the cache holds (cold: from the workers).
    outputs = []
    for extra in (["--no-cache"], [], []):
        assert main(["search", "cu tri di bau", str(folder), "--format", "json", *extra]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert '"snippet"' in outputs[0]


def test_a_cache_from_an_older_format_is_rebuilt_with_a_one_line_notice(
    cache_home: Path, folder: Path, parses: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    config = default_config()
    first = load_corpus([folder], config).reports
    conn = sqlite3.connect(default_cache_path())
    with conn:  # a cache written before the format was recorded (blob version 5 and older)
        conn.execute("DELETE FROM meta WHERE key = 'cache_format'")
    conn.close()
    parses.clear()
    with caplog.at_level(logging.WARNING, logger="reportview.cache"):
        _same(first, load_corpus([folder], config).reports)
    notices = [r.getMessage() for r in caplog.records]
    assert len(notices) == 1 and "\n" not in notices[0], notices
    assert "another format" in notices[0] and "rebuilt" in notices[0] and "corrupt" not in notices[0]
    assert len(parses) == len(first)
    parses.clear()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="reportview.cache"):
        _same(first, load_corpus([folder], config).reports)
    assert parses == [] and caplog.records == []
