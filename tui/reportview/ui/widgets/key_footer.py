"""The footer: Textual's, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer recomposes (removes and mounts a widget per key) on every bindings
    refresh, and Textual asks for one on each focus change too: six rebuilds of ~10 ms while
    the seeds load, taking turns with the loading thread. This one rebuilds when what it would
    show differs from what it shows."""

    _shown: tuple[Any, ...] | None = None

    def _keys_shown(self) -> tuple[Any, ...]:
        palette = self.app.COMMAND_PALETTE_BINDING
        keys = tuple(
            (key, binding.action, binding.description, binding.key_display, binding.group, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )
        return (self.show_command_palette, self.compact, self.app.ENABLE_COMMAND_PALETTE, keys)

    async def recompose(self) -> None:
        if self.is_attached:
            shown = self._keys_shown()
            if shown == self._shown:
                return
            self._shown = shown
        await super().recompose()
