"""The footer: the keys of the focused pane, Textual's Footer look, drawn by one widget.

Textual's Footer is a container that mounts a widget per key, and recomposes (removes and
mounts them all) on every bindings refresh, focus changes included. This one draws the same
line from `screen.active_bindings` each time the bindings change: ` key Description ` per
action (dim when the action is disabled), the command palette key on the right after a `▏`.
A click on a key presses it, as Footer's does.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from reportview.ui.widgets.painted import line_strip


class _Key(NamedTuple):
    start: int
    end: int
    key: str
    enabled: bool
    tooltip: str


class KeyFooter(Widget, can_focus=False):
    """One line of keys; redrawn when the screen's bindings change."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter { dock: bottom; height: 1; color: $footer-foreground; background: $footer-background; }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyFooter > .key-footer--hover { background: $block-hover-background; }
    KeyFooter > .key-footer--separator { color: $foreground 20%; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--separator",
    }

    def __init__(self, *, show_command_palette: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_command_palette = show_command_palette
        self._keys: list[_Key] = []
        self._hover: int | None = None  # index in _keys of the key under the mouse

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        return line_strip(self, self._line() if y == 0 else None)

    def _line(self) -> Text:
        width = self.size.width
        key_style = self.get_component_rich_style("key-footer--key", partial=True)
        description_style = self.get_component_rich_style("key-footer--description", partial=True)
        app = self.app
        bindings = self.screen.active_bindings
        shown: dict[str, tuple[str, str, str, bool, str]] = {}  # action -> the first key shown for it
        for key, (_node, binding, enabled, tooltip) in bindings.items():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (
                    key,
                    app.get_key_display(binding),
                    binding.description,
                    enabled,
                    tooltip,
                )
        palette: Text | None = None
        palette_key: _Key | None = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            entry = bindings.get(app.COMMAND_PALETTE_BINDING)
            if entry is not None:
                _node, binding, enabled, tooltip = entry
                separator = self.get_component_rich_style("key-footer--separator")
                palette = Text.assemble(
                    ("▏", separator),
                    (app.get_key_display(binding), key_style),
                    (f" {binding.description}", description_style),
                    " ",
                )
                start = max(0, width - palette.cell_len)
                palette_key = _Key(start, width, binding.key, enabled, binding.tooltip or binding.description)
        room = width - (palette.cell_len if palette is not None else 0)
        line = Text(no_wrap=True, end="")
        keys: list[_Key] = []
        for key, display, description, enabled, tooltip in shown.values():
            start = line.cell_len
            if description:
                line.append(f" {display} ", key_style)
                line.append(f"{description} ", description_style)
            else:
                line.append(display, key_style)
            keys.append(_Key(start, line.cell_len, key, enabled, tooltip))
        line.truncate(max(0, room), overflow="crop", pad=True)
        # Keys cropped away have no place on the line (the palette key is drawn over them).
        keys = [k._replace(end=min(k.end, room)) for k in keys if k.start < room]
        if palette is not None and palette_key is not None:
            line.append_text(palette)
            keys.append(palette_key)
        for index, spot in enumerate(keys):
            if not spot.enabled:
                line.stylize(Style(dim=True), spot.start, spot.end)
            if index == self._hover:
                hover = self.get_component_rich_style("key-footer--hover")
                line.stylize_before(Style(bgcolor=hover.bgcolor), spot.start, spot.end)
        self._keys = keys
        line.truncate(width, overflow="crop", pad=True)
        return line

    # --- mouse: hover, tooltip, click ----------------------------------------------------------

    def _key_at(self, x: int) -> int | None:
        for index, spot in enumerate(self._keys):
            if spot.start <= x < spot.end:
                return index
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._key_at(event.x)
        if index != self._hover:
            self._hover = index
            self.tooltip = None if index is None else (self._keys[index].tooltip or None)
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        spot = self._keys[index]
        if spot.enabled:
            self.app.simulate_key(spot.key)
        else:
            self.app.bell()
