"""Snapshots of the screens (pytest-textual-snapshot): update with `pytest --snapshot-update`.

Stable by construction: the corpus is the seeds (no cache), loading is awaited, no field with a
blinking cursor has focus, and no notice is on screen.
"""

from __future__ import annotations

from apphelp import make_app, wait_loaded


async def _loaded(pilot) -> None:
    await wait_loaded(pilot)


async def _bac_ninh_6_figures(pilot) -> None:
    await wait_loaded(pilot)
    await pilot.press("enter", *["j"] * 6, "f", "j")
    await pilot.pause()


async def _help(pilot) -> None:
    await wait_loaded(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


def test_main_screen_120x40(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=_loaded)


def test_section_with_figures_120x40(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=_bac_ninh_6_figures)


def test_section_with_figures_80x24(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_bac_ninh_6_figures)


def test_help_screen(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=_help)
