"""Fuzz the app with random keys: `python benchmarks/app_fuzz.py [--seeds 0-19] [--keys 2000] [PATH ...]`.

Drives the real ReportViewApp headless through Textual's Pilot on the seed reports (or PATHs):
random sequences of every key the action registry binds, Textual's own keys (tab, enter, esc,
ctrl+p), search text (words from the reports, kind:/in: filters, quotes), and terminal resizes
(200x50, 120x40, 80x24, 60x20). The app runs as a user runs it: an internal error is logged and
shown, and the run counts them (app.internal_errors); quitting is counted instead of done.
Exports go to a temporary folder (the working directory of the run).

Prints, per seed, the keys pressed, the errors (type, message, the last keys before it) and the
time; exit 1 when any error happened. tests/functional/test_app_fuzz.py runs a fixed seed list.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tui"))

from textual import events  # noqa: E402
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key  # noqa: E402
from textual.pilot import WaitForScreenTimeout  # noqa: E402

from reportview.config import default_config  # noqa: E402
from reportview.ui import actions  # noqa: E402
from reportview.ui.app import ReportViewApp  # noqa: E402

SIZES = ((120, 40), (80, 24), (60, 20), (200, 50), (100, 30))
QUIT_IDS: set[str] = set()  # every key is pressed; quitting is counted, not done (run_seed)
TEXTUAL_KEYS = ("tab", "shift+tab", "enter", "escape", "ctrl+p", "backspace", "space", "left", "right")
WORDS = ("cu tri", "GRDP", "ngân sách", "kind:money", "kind:percent", "kind:foo", "in:titles", '"tỷ đồng"')


def registry_keys() -> list[str]:
    """Every key the registry binds (defaults), quit left out."""
    keys: list[str] = []
    for row in actions.ACTIONS:
        if row.id in QUIT_IDS:
            continue
        keys.extend(k.strip() for k in row.keys.split(",") if k.strip())
    return sorted(set(keys))


@dataclass
class SeedResult:
    seed: int
    keys: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def _steps(rng: random.Random, n: int) -> list[tuple[str, object]]:
    """A random session of about `n` key presses: ("keys", [...]) and ("resize", (w, h)) steps."""
    keys = registry_keys()
    steps: list[tuple[str, object]] = []
    pressed = 0
    while pressed < n:
        r = rng.random()
        if r < 0.03:
            steps.append(("resize", rng.choice(SIZES)))
            continue
        if r < 0.15:  # a search typed as a user types it
            word = rng.choice(WORDS)
            batch = ["slash", *[("space" if ch == " " else ch) for ch in word]]
            if rng.random() < 0.5:
                batch.append(rng.choice(("enter", "down", "escape", "up")))
        elif r < 0.25:
            batch = [rng.choice(TEXTUAL_KEYS)]
        else:
            batch = [rng.choice(keys) for _ in range(rng.randint(1, 6))]
        steps.append(("keys", batch))
        pressed += len(batch)
    return steps


async def press(app: ReportViewApp, keys: Sequence[str]) -> None:
    """Send `keys` as the terminal would, one event each, as fast as a paste (Pilot.press waits
    for the CPU to go idle after every key: 90 ms a key on a shared machine)."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        try:
            char: str | None = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
        except KeyError:
            char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)
        driver.send_message(event)
        await asyncio.sleep(0)


async def run_seed(seed: int, n_keys: int, paths: Sequence[str]) -> SeedResult:
    """One session of `n_keys` random keys; the app's internal errors, with the keys before them."""
    rng = random.Random(seed)
    result = SeedResult(seed)
    app = ReportViewApp(paths=list(paths), config=default_config(), use_cache=False, strict_errors=False)
    # Quitting (q, or Quit picked in the palette) is counted, not done: the session goes on.
    quits: list[int] = []
    app.action_quit = lambda: quits.append(1)  # type: ignore[method-assign]
    recent: list[str] = []
    t0 = time.perf_counter()
    async with app.run_test(size=rng.choice(SIZES)) as pilot:
        for _ in range(1000):
            if app.loaded.is_set():
                break
            await pilot.pause(0.01)
        seen = 0
        for kind, arg in _steps(rng, n_keys):
            if not app.is_running:
                result.errors.append(f"the app stopped after {' '.join(recent[-12:])}")
                break
            if kind == "resize":
                await pilot.resize_terminal(*arg)  # type: ignore[misc]
                recent.append(f"<resize {arg}>")
            else:
                await press(app, arg)  # type: ignore[arg-type]
                recent.extend(arg)  # type: ignore[arg-type]
                try:
                    await pilot._wait_for_screen()  # every message handled (no wait for an idle CPU)
                except WaitForScreenTimeout:
                    result.errors.append(f"the app did not settle in 30 s after {' '.join(recent[-12:])}")
                    break  # type: ignore[arg-type]
                result.keys += len(arg)  # type: ignore[arg-type]
            for error in app.internal_errors[seen:]:
                result.errors.append(f"{type(error).__name__}: {error} after {' '.join(recent[-12:])}")
            seen = len(app.internal_errors)
        await pilot.pause()
        for error in app.internal_errors[seen:]:
            result.errors.append(f"{type(error).__name__}: {error} after {' '.join(recent[-12:])}")
    result.seconds = time.perf_counter() - t0
    return result


def run(seeds: Sequence[int], n_keys: int, paths: Sequence[str]) -> list[SeedResult]:
    """Each seed's session, in a temporary working directory (exports land there)."""
    here = os.getcwd()
    results = []
    with tempfile.TemporaryDirectory(prefix="rv-app-fuzz-") as tmp:
        os.chdir(tmp)
        try:
            for seed in seeds:
                results.append(asyncio.run(run_seed(seed, n_keys, paths)))
        finally:
            os.chdir(here)
    return results


def _seeds(text: str) -> list[int]:
    if "-" in text:
        a, b = text.split("-", 1)
        return list(range(int(a), int(b) + 1))
    return [int(x) for x in text.split(",")]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="0-19", help="seed list: 0-19 or 1,5,9")
    parser.add_argument("--keys", type=int, default=2000, help="key presses per seed")
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "seeds")])
    args = parser.parse_args(argv)
    os.environ.setdefault("XDG_STATE_HOME", tempfile.mkdtemp(prefix="rv-app-fuzz-log-"))
    t0 = time.perf_counter()
    results = run(_seeds(args.seeds), args.keys, [str(Path(p).resolve()) for p in args.paths])
    total = sum(r.keys for r in results)
    failed = [r for r in results if r.errors]
    for r in results:
        print(f"seed {r.seed:>3}: {r.keys:>6,} keys in {r.seconds:5.1f} s, {len(r.errors)} errors")
        for error in r.errors[:5]:
            print(f"    {error}")
    print(
        f"app fuzz: {total:,} keys over {len(results)} seeds in {time.perf_counter() - t0:.1f} s "
        f"({total / max(1e-9, time.perf_counter() - t0):,.0f} keys/s); seeds with errors: {len(failed)}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
