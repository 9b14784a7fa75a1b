"""The archive: built from real files, searched like the in-memory engine, updated incrementally."""

from __future__ import annotations

import shutil
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from reportview.config import default_config
from reportview.core.archive.build import archive_db
from reportview.core.archive.reader import Archive, ArchiveError
from reportview.core.archive.search import ArchiveIndex
from reportview.core.corpus import load_corpus
from reportview.core.search import SearchIndex
from tests.archive.helpers import build, dump, queries
from tests.conftest import SEED_FILES, shared_path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, plus one seed written in NFD (searched through a whole-text offset map)."""
    d = tmp_path_factory.mktemp("corpus")
    for f in SEED_FILES:
        shutil.copy(f, d / f.name)
    nfd = unicodedata.normalize("NFD", SEED_FILES[1].read_text(encoding="utf-8"))
    (d / "nfd_copy.txt").write_text(nfd, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive")
    stats = build([corpus], out)
    assert stats.parsed == stats.files == len(SEED_FILES) + 1 and stats.reused == 0
    return out


def _in_memory(paths: list[Path]) -> SearchIndex:
    result = load_corpus([str(p) for p in paths], default_config(), use_cache=False, with_terms=True)
    return SearchIndex.build(result.reports, result.terms)


def test_reports_read_back_equal_the_parse(corpus: Path, built: Path):
    reports = load_corpus([str(corpus)], default_config(), use_cache=False).reports
    with Archive(built) as archive:
        assert len(archive.reports) == len(reports)
        assert list(archive.reports) == reports
        rows = archive.rows(0, 3)
        assert [r.path for r in rows] == [r.path for r in reports[:3]]
        assert [r.n_sections for r in rows] == [len(r.sections) for r in reports[:3]]
        assert archive.rows(len(reports), 10) == []


def test_user_tables_are_the_exports(corpus: Path, built: Path, tmp_path: Path):
    """The archive's reports/sections/figures rows are those `reportview export x.sqlite` writes."""
    from reportview.core.export import Selection
    from reportview.core.sql_export import write_sqlite

    reports = load_corpus([str(corpus)], default_config(), use_cache=False).reports
    export = tmp_path / "x.sqlite"
    write_sqlite(export, Selection.of_reports(reports))
    a, b = sqlite3.connect(archive_db(built)), sqlite3.connect(export)
    for table, key in (("reports", "id"), ("sections", "report_id, idx"), ("figures", "report_id, idx")):
        assert a.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall() == (
            b.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
        )
    assert a.execute("SELECT count(*) FROM figures").fetchone()[0] == sum(len(r.figures) for r in reports)


def test_search_equals_in_memory_engine(corpus: Path, built: Path):
    memory = _in_memory([corpus])
    with Archive(built) as archive:
        index = ArchiveIndex(archive)
        assert len(index) == len(memory)
        for q in queries():
            got, want = index.search(q, 30), memory.search(q, 30)
            assert [h.as_json() for h in got] == [h.as_json() for h in want], q
            assert (got.total, got.notes) == (want.total, want.notes), q
            hits = index.search(q, 5)
            assert [(h.snippet, h.snippet_matches, h.kind) for h in hits] == [
                (h.snippet, h.snippet_matches, h.kind) for h in memory.search(q, 5)
            ], q


def test_search_small_budgets_walk_the_same_candidates(corpus: Path, built: Path, monkeypatch):
    """Tight budgets push queries through the intersect and stream paths: still the same hits."""
    import reportview.core.archive.search as archive_search
    import reportview.core.search.candidates as search

    for mod in (search, archive_search):
        monkeypatch.setattr(mod, "SET_LIMIT", 40)
        monkeypatch.setattr(mod, "VERIFY_BUDGET", 12)
    memory = _in_memory([corpus])
    with Archive(built) as archive:
        index = ArchiveIndex(archive)
        for q in queries():
            assert [h.as_json() for h in index.search(q, 10)] == [
                h.as_json() for h in memory.search(q, 10)
            ], q


def test_reindex_parses_only_changed_files(corpus: Path, tmp_path: Path):
    src = tmp_path / "src"
    shutil.copytree(corpus, src)
    out = tmp_path / "archive"
    first = build([src], out)
    again = build([src], out)
    assert (again.parsed, again.reused) == (0, first.files)
    changed = src / SEED_FILES[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nDòng mới: thu ngân sách tăng 5%.\n")
    (src / SEED_FILES[2].name).unlink()
    shutil.copy(SEED_FILES[2], src / "zz_new.txt")
    third = build([src], out)
    assert (third.parsed, third.reused, third.files) == (2, first.files - 2, first.files)
    fresh = tmp_path / "fresh"
    build([src], fresh)
    assert dump(out) == dump(fresh)
    with Archive(out) as archive:
        assert ArchiveIndex(archive).search("Dòng mới", 5)[0].doc == str(changed)


def test_not_an_archive(tmp_path: Path):
    with pytest.raises(ArchiveError):
        Archive(tmp_path)
    (tmp_path / "archive.sqlite").write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(ArchiveError):
        Archive(tmp_path)


def test_archive_is_read_only(built: Path, seed_reports):
    with Archive(built) as archive, pytest.raises(TypeError):
        ArchiveIndex(archive).add(seed_reports[0])


@pytest.mark.shared
def test_vn_news_search_equals_in_memory(tmp_path: Path):
    vn = shared_path("corpus", "vn-news")
    build([vn], tmp_path / "vn")
    memory = _in_memory([vn])
    with Archive(tmp_path / "vn") as archive:
        index = ArchiveIndex(archive)
        assert len(index) == len(memory)
        for q in queries():
            assert [h.as_json() for h in index.search(q, 50)] == [
                h.as_json() for h in memory.search(q, 50)
            ], q


def test_cli_index_and_search(corpus: Path, tmp_path: Path, capsys):
    from reportview.cli.main import main

    out = tmp_path / "a"
    assert main(["index", str(corpus), "--archive", str(out)]) == 0
    assert "parsed" in capsys.readouterr().out
    assert main(["index", str(corpus), "--archive", str(out)]) == 0
    assert f"0 parsed, 0 from the parse cache, {len(SEED_FILES) + 1} unchanged" in capsys.readouterr().out
    assert main(["search", "ngân sách", "--archive", str(out), "--format", "json"]) == 0
    from_archive = capsys.readouterr().out
    assert main(["search", "ngân sách", str(corpus), "--format", "json"]) == 0
    assert from_archive == capsys.readouterr().out
    assert main(["search", "x", "--archive", str(tmp_path / "none")]) == 2
    assert main(["index", str(corpus), "--scheduler", "tcp://127.0.0.1:1"]) == 2


def test_archive_loaded_into_memory_searches_the_same(corpus: Path, built: Path):
    """The small-archive path (reports and terms read into the in-memory engine)."""
    memory = _in_memory([corpus])
    with Archive(built) as archive:
        pairs = list(archive.with_terms())
        loaded = SearchIndex.build([r for r, _ in pairs], [t for _, t in pairs])
        assert [r for r, _ in pairs] == list(memory.reports)
        for q in queries()[::3]:
            assert [h.as_json() for h in loaded.search(q, 20)] == [h.as_json() for h in memory.search(q, 20)]


def test_cli_index_reports_skipped_files(tmp_path: Path, capsys):
    from reportview.cli.main import main

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEED_FILES[0], src / SEED_FILES[0].name)
    (src / "empty.txt").write_bytes(b"")
    assert main(["index", str(src), "--archive", str(tmp_path / "a")]) == 1
    captured = capsys.readouterr()
    assert "skipped" in captured.err and "empty.txt" in captured.err
    assert "1 reports" in captured.out and "1 skipped" in captured.out
    with Archive(tmp_path / "a") as archive:
        assert len(archive.reports) == 1


def test_files_from_an_fsspec_url(tmp_path: Path):
    """memory:// stands for any fsspec store (s3://, gcs://): listed, fetched, re-indexed by key."""
    fsspec = pytest.importorskip("fsspec", reason="fsspec comes with the dask extra")
    fs = fsspec.filesystem("memory")
    for f in SEED_FILES:
        fs.pipe(f"/rv-test/{f.name}", f.read_bytes())
    try:
        first = build(["memory://rv-test"], tmp_path / "url")
        assert (first.parsed, first.reports) == (len(SEED_FILES), len(SEED_FILES))
        local = load_corpus([str(p) for p in SEED_FILES], default_config(), use_cache=False).reports
        with Archive(tmp_path / "url") as archive:
            got = list(archive.reports)
            assert [r.path for r in got] == [f"memory:///rv-test/{f.name}" for f in SEED_FILES]
            assert [(r.text, r.sections, r.figures) for r in got] == [
                (r.text, r.sections, r.figures) for r in local
            ]
        again = build(["memory://rv-test"], tmp_path / "url")
        assert (again.parsed, again.reused) == (0, len(SEED_FILES))
        fs.pipe(f"/rv-test/{SEED_FILES[0].name}", SEED_FILES[0].read_bytes() + "\nThêm một dòng.\n".encode())
        third = build(["memory://rv-test"], tmp_path / "url")
        assert (third.parsed, third.reused) == (1, len(SEED_FILES) - 1)
    finally:
        fs.rm("/rv-test", recursive=True)


def test_a_second_build_of_the_same_archive_waits_its_turn(corpus: Path, tmp_path: Path, capsys):
    """Two builds would overwrite each other's shards: while one holds the archive, another says so
    and stops; the lock goes with the process that held it."""
    import subprocess
    import sys

    from reportview.cli.main import main

    out = tmp_path / "a"
    out.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from reportview.core.archive.build import _exclusive\n"
            f"with _exclusive(Path({str(out)!r})):\n    print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert main(["index", str(corpus), "--archive", str(out)]) == 2
        err = capsys.readouterr().err
        assert "another `reportview index`" in err and f"pid {holder.pid}" in err
        assert not archive_db(out).exists()
    finally:
        holder.communicate("", timeout=60)
    assert main(["index", str(corpus), "--archive", str(out)]) == 0
    assert "parsed" in capsys.readouterr().out


def test_a_typo_of_a_word_is_never_a_number(tmp_path: Path):
    """The typo search looks for a word typed without digits among the words without digits
    (numbers are most of a big archive's vocabulary), in memory and over an archive alike."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Báo cáo mã số\n\nMã hồ sơ b4n được cấp cho 12 đơn vị.\n", encoding="utf-8")
    (src / "b.txt").write_text("Văn bản mới\n\nChương trình ban hành 3 văn bản mới.\n", encoding="utf-8")
    out = tmp_path / "a"
    build([src], out)
    memory = _in_memory([src])
    with Archive(out) as archive:
        index = ArchiveIndex(archive)
        for engine in (memory, index):
            typo = {Path(h.doc).name for h in engine.search("bqn", 10)}  # a typo of "ban" (and of "b4n")
            assert typo == {"b.txt"}
            assert "a.txt" in {Path(h.doc).name for h in engine.search("b4m", 10)}  # typed with a digit
        for q in ("bqn", "b4m", "ban", "b4n"):
            assert [h.as_json() for h in index.search(q, 10)] == [h.as_json() for h in memory.search(q, 10)]


def test_a_first_build_takes_what_the_parse_cache_holds(corpus: Path, built: Path, tmp_path: Path):
    """Files the app has already read are not parsed again: the first build takes them from the
    user's parse cache (fresh entries only), and writes the archive a parse would."""
    load_corpus([str(corpus)], default_config(), use_cache=True)  # the app opened the folder
    extra = corpus / "new_one.txt"
    out = tmp_path / "from-cache"
    try:
        extra.write_text(SEED_FILES[0].read_text(encoding="utf-8") + "\nMột dòng mới.\n", encoding="utf-8")
        stats = build([corpus], out)
        assert stats.from_cache == len(SEED_FILES) + 1 and stats.parsed == 1
    finally:
        extra.unlink()
    stats = build([corpus], tmp_path / "again")
    assert stats.from_cache == len(SEED_FILES) + 1 and stats.parsed == 0
    assert dump(tmp_path / "again") == dump(built)
