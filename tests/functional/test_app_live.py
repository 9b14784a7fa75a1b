"""Live folders (`--watch`): files added, changed and removed while the app runs show up in the
lists within seconds, through the parse cache, the open report, section and scroll kept."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from apphelp import SEEDS, search, sync, wait_loaded

from reportview.config import default_config
from reportview.core.store import ParseCache
from reportview.core.watch import compare, look
from reportview.ui.app import ReportViewApp
from reportview.ui.widgets.reader import Reader
from reportview.ui.widgets.report_list import ReportList

SEED_FILES = sorted(SEEDS.glob("*.txt"))
POLL = 0.2  # seconds between looks in these tests (the app's default is 2 s)


async def _until(pilot, check, what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"the app did not follow the folder: {what}")
        await pilot.pause(0.05)
    await pilot.pause()


def _paths(app) -> list[str]:
    return [Path(r.path).name for r in app.main.reports]


def test_look_and_compare_see_new_changed_and_removed_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("một", encoding="utf-8")
    (tmp_path / "b.txt").write_text("hai", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00")  # not a report extension: never looked at
    before = look([str(tmp_path)], default_config().extensions)
    assert sorted(Path(p).name for p in before) == ["a.txt", "b.txt"]
    (tmp_path / "a.txt").write_text("một hai ba", encoding="utf-8")
    (tmp_path / "b.txt").unlink()
    (tmp_path / "c.txt").write_text("bốn", encoding="utf-8")
    changes = compare(before, look([str(tmp_path)], default_config().extensions))
    assert [Path(p).name for p in changes.added] == ["c.txt"]
    assert [Path(p).name for p in changes.changed] == ["a.txt"]
    assert [Path(p).name for p in changes.removed] == ["b.txt"]
    assert changes.summary() == "1 new, 1 changed, 1 removed"
    assert not compare(before, before)
    assert look([str(tmp_path / "gone")], default_config().extensions) == {}


@sync
async def test_watch_follows_added_changed_and_removed_files_keeping_the_selection(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in SEED_FILES[:3]:
        shutil.copy(seed, folder / seed.name)
    app = ReportViewApp(paths=[str(folder)], config=default_config(), use_cache=True, watch=True)
    async with app.run_test(size=(100, 24)) as pilot:
        app.main.live_seconds = POLL
        await wait_loaded(pilot)
        main = app.main
        assert _paths(app) == [s.name for s in SEED_FILES[:3]]
        # open the second report at its longest section, scroll the text
        longest = max(main.reports[1].sections, key=lambda sec: sec.end - sec.start).index
        main.show_report(1, longest)
        await pilot.pause()
        reader = main.query_one(Reader)
        reader.scroll_to(y=3, animate=False, immediate=True)
        await pilot.pause()
        scroll = reader.scroll_y
        assert scroll > 0
        opened = main.report.path

        # a new file appears (first in name order): it joins at the end, nothing listed moves
        index_before = main.index
        shutil.copy(SEED_FILES[3], folder / ("000a_" + SEED_FILES[3].name))
        await _until(pilot, lambda: len(main.reports) == 4, "a new file")
        assert _paths(app)[:3] == [s.name for s in SEED_FILES[:3]]
        assert _paths(app)[3] == "000a_" + SEED_FILES[3].name
        assert main.report.path == opened and main.section_index == longest
        assert main.query_one(ReportList).cursor == main.report_index == 1
        assert reader.scroll_y == scroll
        assert app.sub_title.startswith("4 reports")
        assert main.index is index_before and len(main.index.reports) == 4  # grown, not rebuilt

        # the open file changes: reparsed in its place, still open at its section and scroll
        target = Path(opened)
        target.write_text(target.read_text(encoding="utf-8") + "\nThêm 12.345 khách du lịch mới.\n", "utf-8")
        os.utime(target, ns=(time.time_ns(), time.time_ns() + 10**9))  # a later mtime in any case
        await _until(pilot, lambda: "12.345 khách" in main.report.text, "a changed file")
        assert main.report.path == opened and main.section_index == longest and main.report_index == 1
        assert main.index is not index_before and len(main.index.reports) == 4
        assert reader.scroll_y == scroll
        # parsed through the cache: it holds the new parse under the file's new stamp
        cache = ParseCache.open_default(default_config())
        try:
            entry = cache.entries()[os.path.abspath(target)]
            assert (entry.size, entry.mtime_ns) == (target.stat().st_size, target.stat().st_mtime_ns)
        finally:
            cache.close()

        # the new file's text is searchable: the index was rebuilt with it
        added = next(r for r in main.reports if Path(r.path).name.startswith("000a_"))
        word = next(w for w in added.sections[1].title.split() if len(w) > 4)
        await search(pilot, word)
        assert any(main.reports[h.report_index].path == added.path for h in main.search_hits)
        await pilot.press("escape")

        # a file is removed: it leaves; the open one stays open
        removed = next(r.path for r in main.reports if r.path != opened)
        Path(removed).unlink()
        await _until(pilot, lambda: len(main.reports) == 3, "a removed file")
        assert removed not in [r.path for r in main.reports]
        assert main.report.path == opened and main.section_index == longest

        # the open file is removed: its neighbour opens
        Path(opened).unlink()
        await _until(pilot, lambda: len(main.reports) == 2, "the open file removed")
        assert main.report is not None and main.report.path != opened


@sync
async def test_without_watch_nothing_is_followed(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder / SEED_FILES[0].name)
    app = ReportViewApp(paths=[str(folder)], config=default_config(), use_cache=False, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        app.main.live_seconds = POLL
        await wait_loaded(pilot)
        shutil.copy(SEED_FILES[1], folder / SEED_FILES[1].name)
        await pilot.pause(POLL * 5)
        assert len(app.main.reports) == 1 and app.main.live_changes == 0


def test_watch_true_in_config_turns_it_on(tmp_path: Path) -> None:
    from reportview.config import load_config

    path = tmp_path / "c.yaml"
    path.write_text("watch: true\n", encoding="utf-8")
    config = load_config(path)
    assert config.watch and not default_config().watch
    app = ReportViewApp(paths=[str(SEEDS)], config=config)
    assert app.live and app.get_default_screen().live
    assert not ReportViewApp(paths=[str(SEEDS)], config=config, watch=False).live


@sync
async def test_watch_survives_the_whole_folder_going_and_coming_back(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder / SEED_FILES[0].name)
    app = ReportViewApp(paths=[str(folder)], config=default_config(), use_cache=False, watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        app.main.live_seconds = POLL
        await wait_loaded(pilot)
        shutil.rmtree(folder)
        await _until(pilot, lambda: not app.main.reports, "the folder removed")
        assert app.main.report is None and app.sub_title.startswith("0 reports")
        folder.mkdir()
        shutil.copy(SEED_FILES[1], folder / SEED_FILES[1].name)
        await _until(pilot, lambda: len(app.main.reports) == 1, "the folder back")
        assert app.main.report is not None and app.main.report.path.endswith(SEED_FILES[1].name)
        assert not app.internal_errors
