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
