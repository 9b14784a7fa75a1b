"""Every user action, once: its id, default keys, footer label, palette title, help text, group,
owner and availability. Key bindings, check_action, the help screen, the footer, the command
palette, config validation of `keys:` and `reportview keys` are all generated from ACTIONS.

Pure data (no Textual import at module level): config.py validates key ids against it, and the
CLI prints it without starting the UI. To add a key binding, add one row (and its action method
on the owner).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.binding import Binding

# Who holds the binding. "textual": bound by Textual itself (listed in help and `keys` only).
OWNERS = ("app", "main", "search", "lists", "reader", "figures", "compare", "textual")
# When an action can run (MainScreen.available answers): True, None (shown dim), False (hidden).
WHEN = ("always", "report", "figure", "hits", "loading", "jumped", "cell")


@dataclass(frozen=True, slots=True)
class Action:
    """One user action and everything said about it."""

    id: str  # binding id: the name under `keys:` in config.yaml, and the action's method name
    keys: str  # default keys, Textual key names, comma-separated
    help: str  # what it does, in the help screen and `reportview keys`
    group: str  # the help screen's heading
    owners: tuple[str, ...] = ("main",)
    footer: str | None = None  # label in the footer; None: not shown there
    title: str | None = None  # entry in the command palette; None: not offered there
    when: str = "always"
    action: str | None = None  # the Textual action string when it is not the id
    priority: bool = False  # checked before the focused widget sees the key
    remap: bool = True  # can be changed under `keys:` (False: Textual's or a fixed key)

    @property
    def target(self) -> str:
        return self.action or self.id


PANES = ("lists", "reader", "figures")

ACTIONS: tuple[Action, ...] = (
    # --- moving ---
    Action("cursor_up", "up,k", "move up in a list, scroll the text up", "Move", PANES),
    Action("cursor_down", "down,j", "move down in a list, scroll the text down", "Move", PANES),
    Action("page_up", "pageup", "a page up", "Move", ("lists",)),
    Action("page_down", "pagedown", "a page down", "Move", ("lists",)),
    Action("cursor_top", "g,home", "to the top", "Move", PANES),
    Action("cursor_bottom", "G,end", "to the bottom", "Move", PANES),
    Action(
        "select", "enter", "open the report or section under the cursor (mouse: click, double click)",
        "Move", ("lists",), footer="Open",
    ),
    Action("focus_next", "tab", "next pane", "Move", ("textual",), remap=False),
    Action("focus_previous", "shift+tab", "previous pane", "Move", ("textual",), remap=False),
    Action("previous_report", "left_square_bracket", "previous report", "Move", title="Previous report"),
    Action("next_report", "right_square_bracket", "next report", "Move", title="Next report"),
    Action("figures", "f", "go to the figures panel", "Move", title="Figures panel"),
    Action("whole_report", "w", "read the whole report in the text pane (the lists move through it), or "
           "one section at a time again", "Move", footer="Whole", title="Whole report / one section",
           when="report"),
    # --- search ---
    Action(
        "search", "slash", "search titles, text and figure labels (results update as you type)",
        "Search", footer="Search", title="Search", priority=True,
    ),
    Action("search_next_result", "down", "in search: next result (shown in the text as you move)", "Search",
           ("search",), action="screen.search_move(1)", remap=False),
    Action("search_previous_result", "up", "in search: previous result", "Search",
           ("search",), action="screen.search_move(-1)", remap=False),
    Action("search_page_down", "pagedown", "in search: ten results down", "Search",
           ("search",), action="screen.search_move(10)", remap=False),
    Action("search_page_up", "pageup", "in search: ten results up", "Search",
           ("search",), action="screen.search_move(-10)", remap=False),
    Action("search_open", "enter", "in search: jump to the result, hits marked in the text", "Search",
           ("textual",), remap=False),
    Action("search_close", "escape", "in search: close it and go back to where you were", "Search",
           ("search",), footer="Close search", action="screen.search_close", remap=False),
    Action("next_hit", "n", "next hit of the search you jumped from", "Search",
           footer="Next hit", when="hits"),
    Action("previous_hit", "N", "previous hit", "Search", footer="Prev hit", when="hits"),
    Action("jump_back", "escape", "after a jump: back to where you were before the search", "Search",
           footer="Back", title="Back to before the search", when="jumped", remap=False),
    # --- figures ---
    Action("figure_detail", "enter,i", "everything about the figure: value, kind, unit, base, period, "
           "place, label, its sentence", "Figures", ("figures",), footer="Details", title="Figure details",
           when="figure"),
    Action("sort_figures", "s", "sort the figures: text order, value, kind, label, unit", "Figures",
           ("figures",), footer="Sort", title="Sort figures", action="sort", when="figure"),
    # --- compare: one indicator across the reports (screens/compare.py) ---
    Action("compare", "m", "compare one indicator across all reports as place × period (from the figures "
           "panel: the selected figure's indicator or label)", "Compare", footer="Compare",
           title="Compare an indicator across reports"),
    Action("compare_open", "enter", "in compare: open the report at the cell's sentence, figure marked",
           "Compare", ("compare",), footer="Open", when="cell", remap=False),
    Action("compare_next_source", "n", "in compare: the cell's next report (when several give it)",
           "Compare", ("compare",), footer="Next source", when="cell"),
    Action("compare_copy_cell", "y", "in compare: copy the cell", "Compare", ("compare",), footer="Copy",
           when="cell"),
    Action("compare_copy_grid", "c", "in compare: copy the whole grid as TSV", "Compare", ("compare",),
           footer="Copy grid"),
    Action("compare_export", "e", "in compare: write every row (exact values, offsets) to compare-ID.csv",
           "Compare", ("compare",), footer="Export"),
    Action("compare_sort", "s", "in compare: sort by the cursor's column (again: reverse); clicking a "
           "header sorts too", "Compare", ("compare",), footer="Sort"),
    Action("compare_indicator", "i", "in compare: type another indicator (an id or words)", "Compare",
           ("compare",), footer="Indicator"),
    Action("compare_close", "escape,q", "in compare: back to the reports", "Compare", ("compare",),
           footer="Back", remap=False),
    # --- copying (the columns copied come from core.export's column registry) ---
    Action("copy_figure", "y", "copy the figure as written (selected row, else the section's first)",
           "Copy", footer="Copy", title="Copy figure", when="report"),
    Action("copy_value", "v", "copy the plain normalised number", "Copy",
           title="Copy plain number", when="report"),
    Action("copy_row", "Y", "copy the figure's row as TSV", "Copy", footer="Copy row",
           title="Copy figure row (TSV)", when="report"),
    Action("copy_section", "c", "copy all figures of the section as TSV", "Copy", footer="Copy all",
           title="Copy section figures (TSV)", when="report"),
    Action("copy_section_markdown", "C", "copy all figures of the section as a Markdown table", "Copy",
           title="Copy section figures (Markdown)", when="report"),
    Action("export", "e", "export the section's or report's figures to a file (csv, json, jsonl, md, "
           "xlsx, sqlite by extension)", "Copy", footer="Export", title="Export figures to a file",
           when="report"),
    # --- the app ---
    Action("stop_loading", "escape", "while loading: stop loading", "App", footer="Stop loading",
           when="loading", remap=False),
    Action("skipped_files", "S", "list the files that were not read, and why (excluded, unreadable, "
           "empty)", "App", title="Skipped files"),
    Action("help", "question_mark,f1", "this help: every key and the search syntax", "App", ("app",),
           footer="Help", title="Help"),
    Action("command_palette", "ctrl+p", "command palette: actions, figures, go to report / section", "App",
           ("textual",), remap=False),
    Action("quit", "q", "quit", "App", ("app",), footer="Quit", title="Quit"),
)  # fmt: skip


def key_ids() -> tuple[str, ...]:
    """The ids `keys:` in config.yaml accepts."""
    return tuple(a.id for a in ACTIONS if a.remap)


# Key names whose character unicodedata does not know by the key's name.
_KEY_WORDS = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "escape": "esc",
    "pageup": "pgup",
    "pagedown": "pgdn",
    "slash": "/",
    "backslash": "\\",
    "minus": "-",
    "space": "space",
    "delete": "del",
    "backspace": "backspace",
}


def key_name(key: str) -> str:
    """One key as the user types it: 'question_mark' -> '?', 'ctrl+p' -> '^p', 'f1' -> 'f1'."""
    key = key.strip()
    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    if len(base) > 1:
        word = _KEY_WORDS.get(base)
        if word is None:
            try:
                word = unicodedata.lookup(base.replace("_", " ").upper())
            except KeyError:
                word = base
            if not word.isprintable():
                word = base
        base = word
    if "ctrl" in modifiers:
        modifiers.remove("ctrl")
        base = f"^{base}"
    return "+".join([*modifiers, base])


def keys_text(keys: str) -> str:
    """Comma-separated keys as the user types them: 'question_mark,f1' -> '? / f1'."""
    return " / ".join(key_name(k) for k in keys.split(",") if k.strip())


def effective_keys(action: Action, keymap: dict[str, str]) -> str:
    """The keys an action has with the user's remaps."""
    return keymap.get(action.id, action.keys) if action.remap else action.keys


def for_owner(owner: str) -> tuple[Action, ...]:
    return tuple(a for a in ACTIONS if owner in a.owners)


def bindings(owner: str) -> list[Binding]:
    """The Textual bindings of one owner (its BINDINGS)."""
    from textual.binding import Binding

    return [
        Binding(
            a.keys,
            a.target,
            a.footer or a.help,
            show=a.footer is not None,
            id=a.id if a.remap else None,
            priority=a.priority,
        )
        for a in for_owner(owner)
    ]


def by_target(owner: str) -> dict[str, Action]:
    """An owner's actions by the action name Textual passes to check_action."""
    return {a.target.split("(")[0].rsplit(".", 1)[-1]: a for a in for_owner(owner)}


def keys_listing(keymap: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(group, keys as typed, what it does, id) for every action: the help screen's rows."""
    return [(a.group, keys_text(effective_keys(a, keymap)), a.help, a.id if a.remap else "") for a in ACTIONS]
