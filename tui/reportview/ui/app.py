"""ReportViewApp: the Textual app (`reportview [PATH ...]`)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from reportview.config import BINDING_IDS, Config, default_config
from reportview.ui.commands import ReportCommands
from reportview.ui.screens.help import HelpScreen
from reportview.ui.screens.main import MainScreen


class ReportViewApp(App[int]):
    """A terminal explorer for reports: read the highlights, take the figures away."""

    TITLE = "reportview"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ReportCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help"),
    ]

    def __init__(
        self,
        paths: Sequence[str] = (),
        config: Config | None = None,
        use_cache: bool = True,
        archive: str | None = None,
    ) -> None:
        super().__init__()
        self.archive = archive  # an archive folder to open instead of PATHs
        self.config = config or default_config()
        self.paths = [str(p) for p in paths] or [str(p) for p in self.config.corpus_paths()]
        self.use_cache = use_cache
        self.keymap: dict[str, str] = {k: v for k, v in self.config.keys.items() if k in BINDING_IDS}
        self.set_keymap(self.keymap)
        self.loaded = threading.Event()  # set when loading finished (tests, benchmarks)
        # Set each time search results are drawn (clear it before typing to wait for the next);
        # last_search_ms is the engine time of that search. For tests and benchmarks.
        self.search_done = threading.Event()
        self.last_search_ms = 0.0
        # NO_COLOR: Textual turns every colour to greys (App.no_color); states never rely on colour.
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self._bad_theme = self.config.theme

    def get_default_screen(self) -> Screen:
        return MainScreen(self.paths, self.use_cache, archive=self.archive)

    def on_mount(self) -> None:
        bad = getattr(self, "_bad_theme", None)
        if bad:
            self.notify(
                f"Unknown theme {bad!r} in config; using {self.theme}.", severity="warning", markup=False
            )

    def on_ready(self) -> None:
        # Ready: the first frame is on screen, so the corpus may start loading.
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.begin_load()

    @property
    def main(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("main screen not mounted")

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
