"""End to end in a real terminal: tmux runs `reportview seeds`, keys are sent, the screen is read.

The issue's "done when": at 120x40 the five seed reports show; `/GRDP` Enter lands on Bắc Ninh's
section 6 with 39.399,4 tỷ đồng in the figures panel; `y` puts the figure on the clipboard (tmux
`set-clipboard on` turns the app's OSC 52 into a tmux buffer); at 80x24 it is still usable; `q`
quits with exit code 0. A private tmux server (-L) keeps the user's sessions out of it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from apphelp import ROOT, has_search

pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(not has_search(), reason="reportview.core.search is not importable yet"),
]

GRDP = "39.399,4 tỷ đồng"


class Tmux:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def __call__(self, *args: str, check: bool = True) -> str:
        out = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=10,
        )
        return out.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, predicate: Callable[[str], bool], what: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if predicate(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; screen:\n{text}")

    def keys(self, *keys: str, literal: bool = False) -> None:
        self("send-keys", "-t", "e2e", *(["-l"] if literal else []), *keys)
        time.sleep(0.15)


@pytest.fixture
def tmux(tmp_path: Path):
    t = Tmux(f"rv-e2e-{os.getpid()}")
    reportview = Path(sys.executable).parent / "reportview"
    run = f"{shlex.quote(str(reportview))} --no-cache seeds"
    command = f"cd {shlex.quote(str(ROOT))} && {run}; echo EXITED $?; sleep 30"
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
    }
    subprocess.run(
        [
            "tmux",
            "-L",
            t.socket,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "120",
            "-y",
            "40",
            command,
        ],
        check=True,
        env=env,
        timeout=10,
    )
    t("set-option", "-g", "set-clipboard", "on")
    try:
        yield t
    finally:
        t("kill-server", check=False)


def test_done_when_in_tmux(tmux: Tmux) -> None:
    screen = tmux.wait_for(lambda s: "5 reports loaded" in s, "the seeds to load")
    assert "5 reports · " in screen
    # What tells the reports apart (their places lead, issue 16), with their dates.
    for words in ("Bắc Ninh", "Chí Linh", "Bắc Kạn", "2022-01-04", "2022-01-11"):
        assert words in screen, words

    tmux.keys("/")
    tmux.keys("GRDP", literal=True)
    tmux.wait_for(lambda s: "Results (" in s and "Results (0)" not in s, "search results")
    tmux.keys("Enter")
    screen = tmux.wait_for(lambda s: "Item 6 ·" in s and GRDP in s, "Bắc Ninh section 6")
    assert "Figures (" in screen
    assert "10 sự kiện nổi bật" in screen  # Bắc Ninh's report (fallback title) is the selected one

    tmux.keys("y")
    tmux.wait_for(lambda s: "to the clipboard" in s or "Copied" in s, "the copy notice")
    assert tmux("show-buffer") == GRDP

    tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
    screen = tmux.wait_for(lambda s: len(s.splitlines()[0]) <= 80 and "Figures (" in s, "the 80x24 layout")
    for part in ("Reports", "Sections (", "Item 6 ·", "Figures ("):
        assert part in screen, part
    assert all(len(line) <= 80 for line in screen.splitlines())
    # still usable: move to the next figure and copy it
    tmux.keys("f")
    tmux.keys("j")
    tmux.keys("y")
    tmux.wait_for(lambda s: "0,9%" in s, "the second figure")
    deadline = time.monotonic() + 5
    while tmux("show-buffer") != "0,9%" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert tmux("show-buffer") == "0,9%"

    tmux.keys("q")
    tmux.wait_for(lambda s: "EXITED 0" in s, "reportview to quit with 0")
