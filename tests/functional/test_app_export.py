"""The export dialog and the copies, driven with Textual's pilot on the real seeds."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from apphelp import make_app, plain, sync, wait_loaded

from reportview.core.columns import COLUMN_NAMES
from reportview.ui.screens.export import ExportScreen, ScopeBox

GRDP = "39.399,4 tỷ đồng"


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home with a Documents folder, the dialog's default (never the current directory)."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    return home / "Documents"


async def _open_section_6(pilot) -> None:
    await pilot.press("enter", *["j"] * 6)
    await pilot.pause()
    assert pilot.app.main.section.number == 6


def _label(screen, selector: str) -> str:
    return plain(screen.query_one(selector).render()).strip()


@sync
async def test_the_dialog_says_where_it_writes_and_the_default_is_not_the_cwd(documents: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await _open_section_6(pilot)
        await pilot.press("e")
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        field = screen.query_one("#export-path")
        default = Path(field.value)
        assert default.parent == documents != Path.cwd()
        assert default.name == "000_30228f7ad0dec25a-s6-figures.csv"
        assert _label(screen, "#export-target") == f"Writes {default}"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        rows = list(csv.reader(io.StringIO(default.read_text(encoding="utf-8-sig"))))
        assert tuple(rows[0]) == COLUMN_NAMES
        assert len(rows) - 1 == len(app.main.report.figures_in(app.main.section.index))
        assert any(f"{default}" in n.message for n in app._notifications)


@sync
async def test_the_checkbox_shows_its_state_in_words_and_the_name_follows_it(documents: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await _open_section_6(pilot)
        report = app.main.report
        n_section = len(report.figures_in(app.main.section.index))
        await pilot.press("e")
        screen = app.screen
        box = screen.query_one(ScopeBox)
        field = screen.query_one("#export-path")
        off = plain(box.render())
        assert f"this section's {n_section} figures" in off and "✓" not in off
        await pilot.press("tab")  # to the checkbox
        assert app.focused is box
        await pilot.press("space")
        on = plain(box.render())
        assert box.value and "✓" in on and f"all {len(report.figures)} figures" in on
        assert Path(field.value).name == "000_30228f7ad0dec25a-figures.csv"
        assert _label(screen, "#export-target").endswith("000_30228f7ad0dec25a-figures.csv")
        await pilot.press("space")
        assert Path(field.value).name == "000_30228f7ad0dec25a-s6-figures.csv"
        # a name the user typed is theirs: the checkbox leaves it alone
        field.value = str(documents / "mine.csv")
        await pilot.press("space")
        assert field.value == str(documents / "mine.csv")


@sync
async def test_enter_on_the_checkbox_writes(documents: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await _open_section_6(pilot)
        await pilot.press("e")
        out = documents / "whole.md"
        app.screen.query_one("#export-path").value = str(out)
        await pilot.press("tab", "space", "enter")  # whole report, then Enter with the box focused
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 2 + len(app.main.report.figures)


@sync
async def test_a_folder_path_writes_the_default_name_inside_it(documents: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await _open_section_6(pilot)
        await pilot.press("e")
        screen = app.screen
        screen.query_one("#export-path").value = str(folder)
        await pilot.pause()
        target = folder / "000_30228f7ad0dec25a-s6-figures.csv"
        assert _label(screen, "#export-target") == f"Writes {target}"
        await pilot.press("enter")  # no "exists, overwrite?" for the folder: it writes inside it
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert GRDP in target.read_text(encoding="utf-8-sig")
        assert sorted(os.listdir(folder)) == [target.name]
        # a second time the file exists: now it asks
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(folder) + "/"
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        assert "exists" in _label(app.screen, "#export-message")
        assert "(exists)" in _label(app.screen, "#export-target")


@sync
async def test_copies_use_the_registry_columns_and_the_normalised_value() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await _open_section_6(pilot)
        await pilot.press("f")  # the GRDP figure is the section's first row
        assert app.main.figures_table.current.text == GRDP
        await pilot.press("Y")
        row = app.clipboard.rstrip("\n").split("\t")
        assert len(row) == len(COLUMN_NAMES) and "39399400000000" in row
        assert row[COLUMN_NAMES.index("value")] == "39399400000000"
        await pilot.press("c")
        header = app.clipboard.split("\n", 1)[0].split("\t")
        assert tuple(header) == COLUMN_NAMES
