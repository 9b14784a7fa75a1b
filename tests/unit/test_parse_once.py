"""Facts decided once in the parse and read after: figure runs per section, the caption, the rules."""

from __future__ import annotations

from pathlib import Path

from reportview.config import default_config
from reportview.core.loading import load_report, parse_text

DATA = Path(__file__).resolve().parents[1] / "data"


def test_each_section_names_its_figures_as_one_run_of_the_figure_list(seed_reports):
    reports = [*seed_reports, *(load_report(p, default_config()) for p in sorted(DATA.glob("*.txt")))]
    assert sum(len(r.figures) for r in reports) > 100
    for report in reports:
        owned = 0
        for s in report.sections:
            run = report.figures_in(s.index)
            assert run == tuple(f for f in report.figures if f.section_index == s.index)
            assert run == report.figures[s.figure_start : s.figure_end]
            owned += len(run)
        assert owned == sum(f.section_index is not None for f in report.figures)


def test_a_section_without_figures_has_an_empty_run():
    text = "Báo cáo\n\n1. Mở đầu\n\nKhông có số liệu ở đây.\n\n2. Kết quả\n\nThu ngân sách đạt 120 tỷ đồng.\n"
    report = parse_text(text, "r.txt", default_config())
    numbered = [s for s in report.sections if s.number is not None]
    assert [len(report.figures_in(s.index)) for s in numbered] == [0, 1]
    assert report.figures_in(numbered[1].index)[0].text == "120 tỷ đồng"


def test_the_caption_is_decided_by_the_parse_and_display_title_only_reads_it(monkeypatch):
    from reportview.core import outline
    from reportview.core.store import decode_report, encode_report

    lead = (
        "Năm 2021, Ban Biên tập đã lựa chọn 3 sự kiện nổi bật của thành phố như sau:\n\n"
        "1. Một\n\nNội dung.\n\n2. Hai\n\nNội dung.\n\n3. Ba\n\nNội dung.\n"
    )
    untitled = parse_text(lead, "untitled.txt", default_config())
    titled = load_report(DATA / "held_out_vi.txt", default_config())
    assert untitled.title is None
    assert untitled.caption == "3 sự kiện nổi bật của thành phố"
    assert titled.caption == titled.title
    copies = [decode_report(encode_report(r, True), r.path, None) for r in (untitled, titled)]

    def no_parsing(*args, **kwargs):
        raise AssertionError("display_title parsed the text again")

    monkeypatch.setattr(outline, "fallback_title", no_parsing)
    for report, copy in zip((untitled, titled), copies, strict=True):
        assert report.display_title == copy.display_title == report.caption
    # A report with neither title nor caption shows its file name.
    assert parse_text("\n\n", "dir/empty.txt", default_config()).display_title == "empty.txt"


CORE = Path(__file__).resolve().parents[2] / "tui" / "reportview" / "core"


def _imports(path: Path) -> set[str]:
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def test_no_core_module_imports_the_app_config_textual_or_rich():
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 15
    for path in files:
        for name in _imports(path):
            top = name.split(".")
            assert not (top[0] in ("textual", "rich") or name.startswith("reportview.config")), (path, name)
            assert name not in ("reportview.ui", "reportview.cli") and not name.startswith(
                ("reportview.ui.", "reportview.cli.")
            ), (path, name)
    # The model is the ground floor: it imports nothing of reportview.
    assert not any(n.startswith("reportview") for n in _imports(CORE / "model.py"))


def test_the_parse_fingerprint_follows_the_modules_parsing_imports(tmp_path, monkeypatch):
    import importlib

    from reportview.core.rules import PARSE_ENTRY_MODULES, code_digest, imported_modules

    # The real parse: modules reached only through others (labels via figures) are in the set.
    real = imported_modules(PARSE_ENTRY_MODULES)
    assert {"reportview.core.labels", "reportview.core.lexicon", "reportview.core.decoding"} <= set(real)
    assert "reportview.config" not in real and "reportview.core.store" not in real

    pkg = tmp_path / "fpkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "entry.py").write_text("from fpkg import a\n")
    (pkg / "a.py").write_text("X = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    before = code_digest(("fpkg.entry",))
    assert set(imported_modules(("fpkg.entry",))) == {"fpkg", "fpkg.entry", "fpkg.a"}
    # A new module, imported (lazily, inside a function) by one parsing imports: a new digest.
    (pkg / "b.py").write_text("Y = 2\n")
    (pkg / "a.py").write_text("X = 1\n\n\ndef f():\n    from . import b\n\n    return b.Y\n")
    importlib.invalidate_caches()
    code_digest.cache_clear()
    after = code_digest(("fpkg.entry",))
    assert "fpkg.b" in imported_modules(("fpkg.entry",))
    assert after != before
    # ... and an edit of that new module changes it again.
    (pkg / "b.py").write_text("Y = 3\n")
    code_digest.cache_clear()
    edited = code_digest(("fpkg.entry",))
    assert edited != after
    # A data file the parsing code names (as places.py names data/places.json) counts too; one it
    # does not name does not.
    (pkg / "data").mkdir()
    (pkg / "data" / "words.json").write_text("[1]")
    (pkg / "data" / "other.json").write_text("[1]")
    (pkg / "b.py").write_text('Y = 3\nWORDS = "data/words.json"\n')
    code_digest.cache_clear()
    named = code_digest(("fpkg.entry",))
    (pkg / "data" / "other.json").write_text("[2]")
    code_digest.cache_clear()
    assert code_digest(("fpkg.entry",)) == named
    (pkg / "data" / "words.json").write_text("[2]")
    code_digest.cache_clear()
    assert code_digest(("fpkg.entry",)) != named
    # The real parse reads the places table; the compare registry is not parsing's.
    from reportview.core.rules import _data_files_named, _module_sources

    sources = {name: source for name, (_, source) in _module_sources(PARSE_ENTRY_MODULES).items()}
    assert [f.name for f in _data_files_named(sources)] == ["places.json"]


def test_workers_receive_the_compiled_rules_not_the_app_config():
    import pickle

    config = default_config()
    rules = config.parse_rules
    sent = pickle.dumps(rules)
    # Nothing of the app's concerns (theme, clipboard, key bindings) travels with the rules.
    for ui_value in (config.theme, "clipboard", "copy_section_markdown"):
        assert ui_value.encode() not in sent
    assert pickle.loads(sent).fingerprint == config.parsing_fingerprint()


def test_a_cell_reads_as_a_number_by_the_parse_and_the_reader_only_reads_it(monkeypatch):
    from reportview.core import tables
    from reportview.core.store import decode_report, encode_report

    report = load_report(DATA / "tables" / "bank_reconciliation.md", default_config())
    (table,) = report.tables
    assert [c.numeric for c in table.body[0]] == [False, True]
    assert all(not c.numeric for row in table.header for c in row)
    copy = decode_report(encode_report(report, True), report.path, None)
    assert [[c.numeric for c in row] for row in copy.tables[0].rows] == [
        [c.numeric for c in row] for row in table.rows
    ]  # kept by the cache
    widest = max(len(c.text) for row in table.body for c in row if c.numeric)

    def no_parsing(*args, **kwargs):
        raise AssertionError("the reader decided again whether a cell is a number")

    from reportview.ui.widgets import reader_tables

    monkeypatch.setattr(tables, "is_numeric_cell", no_parsing)
    assert not hasattr(reader_tables, "is_numeric_cell")
    assert reader_tables._widths(copy.tables[0], 30)[1] >= widest  # a number is never cut


def test_no_ui_module_decides_whether_a_cell_is_a_number():
    ui = CORE.parent / "ui"
    for path in sorted(ui.rglob("*.py")):
        # (Neither imported nor called through the module: the parse's Cell.numeric is read.)
        assert "is_numeric_cell" not in path.read_text(encoding="utf-8"), path


def test_a_cache_miss_reads_its_file_once(monkeypatch):
    import zlib

    from reportview.core import cache, corpus, files
    from reportview.core.rules import rules_of

    reads: list[str] = []
    real = files.read_file_bytes

    def counted(path):
        reads.append(str(path))
        return real(path)

    monkeypatch.setattr(cache, "read_file_bytes", counted)
    monkeypatch.setattr(files, "read_file_bytes", counted)
    path = DATA / "held_out_vi.txt"
    parsed = corpus._parse_file(path, rules_of(default_config()), want_record=True)
    assert reads == [str(path)]  # checksummed and parsed from the same bytes
    assert parsed.record is not None and parsed.record.crc32 == zlib.crc32(real(path))
    assert parsed.report.figures == load_report(path, default_config()).figures


def test_section_titles_read_without_markdown_marks_and_keep_a_table_number():
    from reportview.core.markup import unmarked

    report = load_report(DATA / "tables" / "budget_ductrong.md", default_config())
    titles = [s.title for s in report.sections]
    assert "Bảng 5. Thu ngân sách nhà nước trên địa bàn huyện Đức Trọng" in titles  # not "**Bảng 5."
    assert "Đơn vị: tỷ đồng" in titles and not any("*" in t for t in titles)
    assert unmarked("## Kết quả **chính**") == "Kết quả chính"
    assert unmarked("2 ** 3 = 8") == "2 ** 3 = 8"  # no mark without a word beside it
    pdf = load_report(DATA / "tables" / "budget_ductrong.unruled.pdf", default_config())
    assert "Bảng 5. Thu ngân sách nhà nước trên địa bàn huyện Đức Trọng" in [s.title for s in pdf.sections]


def test_break_tags_a_copied_page_left_in_plain_text_are_marks(tmp_path):
    page = tmp_path / "minutes.txt"
    page.write_text(
        "Budget workshop minutes\n\n<br />ADMINISTRATOR\n<br />The General Fund for 2013-2014 is $40,807,742,"
        " an increase of $1,492,368.\n<br />The County Administrator reviewed the budget.\n",
        encoding="utf-8",
    )
    report = load_report(page, default_config())
    marks = [report.text[m.start : m.end] for m in report.markup if m.reason == "md-mark"]
    assert marks == ["<br />"] * 3  # left out by the reader, as Markdown's marks are
    assert not any("<br" in s.title for s in report.sections)
    assert not any(f.label and "<br" in f.label for f in report.figures)
    assert [f.text for f in report.figures if f.kind == "money"] == ["$40,807,742", "$1,492,368"]
