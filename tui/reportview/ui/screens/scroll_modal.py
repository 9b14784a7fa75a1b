"""A modal panel of text over the app: a titled scrolling frame, its keys in the footer, j/k to scroll."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget


class ScrollModal(ModalScreen[None]):
    """The frame the help, figure and skipped-files screens share; each gives its title and body
    (and its own close keys and width in BINDINGS and DEFAULT_CSS)."""

    # (Textual matches a type selector against every class of a screen's line: this applies to all.)
    DEFAULT_CSS = """
    ScrollModal { align: center middle; }
    ScrollModal > VerticalScroll {
        width: 100; max-width: 100%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll('down')", "Down", show=False),
        Binding("up,k", "scroll('up')", "Up", show=False),
    ]

    def frame_title(self) -> str:
        """The title on the frame's border."""
        raise NotImplementedError

    def body(self) -> Iterable[Widget]:
        """The widgets inside the frame, top to bottom."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        from reportview.ui.widgets.key_footer import KeyFooter  # (imported when a modal opens)

        with VerticalScroll() as scroll:
            scroll.border_title = self.frame_title()
            scroll.can_focus = True
            yield from self.body()
        yield KeyFooter()

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one(VerticalScroll)
        (scroll.scroll_down if direction == "down" else scroll.scroll_up)(animate=False)
