"""The app over an archive (`reportview --archive DIR`): lazy above the size switch, in memory below."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from apphelp import SEEDS, search, sync, wait_loaded

from reportview.config import default_config
from reportview.core.archive.build import index_archive
from reportview.core.archive.engines import mapper_for
from reportview.core.archive.reader import LazyReports
from reportview.core.archive.search import ArchiveIndex
from reportview.core.corpus import load_corpus
from reportview.core.search import SearchIndex
from reportview.ui.app import ReportViewApp
from reportview.ui.widgets.reader import Reader
from reportview.ui.widgets.report_list import ReportList


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive")
    config = default_config()
    index_archive([str(SEEDS)], out, config, mapper_for("local", config))
    return out


@pytest.mark.parametrize("in_memory_max", [0, 5000], ids=["lazy", "in-memory"])
@sync
async def test_app_over_an_archive(archive_dir: Path, in_memory_max: int) -> None:
    config = dataclasses.replace(default_config(), archive_in_memory_max=in_memory_max)
    reports = load_corpus([str(SEEDS)], config, use_cache=False).reports
    app = ReportViewApp(paths=[str(archive_dir)], config=config, use_cache=False, archive=str(archive_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        lazy = in_memory_max == 0
        assert isinstance(main.reports, LazyReports) is lazy
        assert isinstance(main.index, ArchiveIndex) is lazy
        assert list(main.reports) == reports
        n_sections = sum(len(r.sections) for r in reports)
        n_figures = sum(len(r.figures) for r in reports)
        assert app.sub_title == f"5 reports · {n_sections} sections · {n_figures} figures"
        assert main.query_one(ReportList).count == 5
        assert main.query_one(Reader).lines, "the first report's text is shown"
        await pilot.press("j")
        assert main.report == reports[1]
        await search(pilot, "ngân sách")
        expected = SearchIndex.build(reports).search("ngân sách", limit=config.search_limit)
        assert [h.as_json() for h in main.search_hits] == [h.as_json() for h in expected]
        await pilot.press("enter")
        await pilot.pause()
        assert main.report_index == expected[0].report_index
