"""Helpers for app tests: start the app on a corpus and wait for loading or search to finish."""

from __future__ import annotations

import asyncio
import functools
import io
import time
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot

from reportview.config import Config, default_config
from reportview.ui.app import ReportViewApp

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def make_app(
    paths: Sequence[str | Path] = (SEEDS,), config: Config | None = None, strict_errors: bool = True
) -> ReportViewApp:
    """The app on `paths`; strict_errors: an internal error ends the test run (as Textual does)."""
    return ReportViewApp(
        paths=[str(p) for p in paths],
        config=config or default_config(),
        use_cache=False,
        strict_errors=strict_errors,
    )


async def wait_loaded(pilot: Pilot, timeout: float = 10.0) -> None:
    app = pilot.app
    deadline = time.monotonic() + timeout
    while not app.loaded.is_set():  # type: ignore[attr-defined]
        if time.monotonic() > deadline:
            raise AssertionError("the corpus did not finish loading")
        await pilot.pause(0.01)
    await pilot.pause()


async def search(pilot: Pilot, query: str, timeout: float = 10.0) -> None:
    """Type `/query` and wait until the results for it are drawn."""
    app = pilot.app
    await pilot.press("slash", *query)
    deadline = time.monotonic() + timeout
    while app.main.results_query != query:  # type: ignore[attr-defined]
        if time.monotonic() > deadline:
            raise AssertionError(f"no results drawn for {query!r}")
        await pilot.pause(0.01)
    await pilot.pause()


def has_search() -> bool:
    try:
        import reportview.core.search  # noqa: F401
    except ImportError:
        return False
    return True


def sync(fn):
    """Run an async pilot test with asyncio.run (no pytest-asyncio plugin needed)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return wrapper


def plain(renderable) -> str:
    """A Rich renderable as plain text (what the user reads)."""
    console = Console(width=160, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return console.export_text()
