"""ReportViewApp: the Textual app (`reportview [PATH ...]`)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.worker import WorkerFailed

from reportview.config import Config, default_config
from reportview.ui import actions
from reportview.ui.commands import Palette
from reportview.ui.errors import notice, record_error
from reportview.ui.screens.help import HelpScreen
from reportview.ui.screens.main import MainScreen

PALETTE_ID = "--command-palette"


class ReportViewApp(App[int]):
    """A terminal explorer for reports: read the highlights, take the figures away."""

    TITLE = "reportview"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("app")  # type: ignore[assignment]

    def __init__(
        self,
        paths: Sequence[str] = (),
        config: Config | None = None,
        use_cache: bool = True,
        strict_errors: bool = False,
        watch: bool | None = None,
        archive: str | None = None,
    ) -> None:
        super().__init__()
        self.archive = archive  # an archive folder to open instead of PATHs
        # Internal errors once the app is up: logged, shown as one line, the app carries on.
        # strict_errors (tests) also lets Textual end the app with the error, as it would.
        self.strict_errors = strict_errors
        self.internal_errors: list[BaseException] = []
        self._guarding = False
        self.config = config or default_config()
        self.paths = [str(p) for p in paths] or [str(p) for p in self.config.corpus_paths()]
        self.use_cache = use_cache
        self.live = self.config.watch if watch is None else watch  # live folders (ui/live.py)
        ids = actions.key_ids()
        self.keymap: dict[str, str] = {k: v for k, v in self.config.keys.items() if k in ids}
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
        return MainScreen(self.paths, self.use_cache, self.live, archive=self.archive)

    def on_mount(self) -> None:
        bad = getattr(self, "_bad_theme", None)
        if bad:
            self.notify(
                f"Unknown theme {bad!r} in config; using {self.theme}.", severity="warning", markup=False
            )

    def on_ready(self) -> None:
        self._guarding = True
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

    def pop_screen(self) -> AwaitComplete:
        # A modal dismissed twice (the palette gets Enter from its field and its list when keys
        # come fast) would pop the main screen: the second dismiss does nothing.
        if len(self.screen_stack) <= 1:
            return AwaitComplete.nothing()
        return super().pop_screen()

    def action_command_palette(self) -> None:
        # Not while one is open or still being taken down (a second one would reuse its id).
        if not self.use_command_palette or CommandPalette.is_open(self):
            return
        try:
            self.get_child_by_id(PALETTE_ID)
        except NoMatches:
            self.push_screen(Palette(id=PALETTE_ID))

    def search_themes(self) -> None:
        # Textual's "Change theme" command: the same steady palette as ctrl+p.
        from textual.theme import ThemeProvider

        self.push_screen(Palette(providers=[ThemeProvider], placeholder="Search for themes…"))

    def get_key_display(self, binding: Binding) -> str:
        # The footer says keys as the help screen and `reportview keys` do (actions.key_name).
        return binding.key_display or actions.key_name(binding.key)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            for screen in self.screen_stack:
                if isinstance(screen, MainScreen):
                    screen.show_corpus_status()
            self.push_screen(HelpScreen())

    # --- internal errors ---------------------------------------------------------------------

    def internal_error(self, error: BaseException, where: str = "") -> None:
        """Log `error`, say so in one line, and carry on (see ui.errors)."""
        if isinstance(error, WorkerFailed):
            error = error.error
        self.internal_errors.append(error)
        path = record_error(error, where)
        self.bell()
        self.notify(notice(error, path), severity="error", timeout=8, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        # Textual's last stop for an unhandled error (a handler, a paint, a worker): it ends the
        # app. Once the app is up, the error is logged and shown instead.
        if self._guarding and not self.strict_errors and self.is_running:
            self.internal_error(error, "unhandled")
            return
        super()._handle_exception(error)

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:  # type: ignore[override]
        # Every key binding, palette entry and footer click runs through here: an action that
        # fails is reported, and the app's message loop (which would stop) carries on.
        if not self._guarding or self.strict_errors:
            return await super().run_action(action, default_namespace, namespaces)
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:
            self.internal_error(error, f"action {action!r}")
            return True

    async def on_event(self, event: events.Event) -> None:
        if not self._guarding or self.strict_errors:
            return await super().on_event(event)
        try:
            await super().on_event(event)
        except Exception as error:
            self.internal_error(error, f"event {type(event).__name__}")
