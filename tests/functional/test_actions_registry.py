"""One row in ui/actions.py is a key binding everywhere: keys, help, footer, palette, config."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from apphelp import ROOT

from reportview.config import SCHEMA
from reportview.ui import actions

# Run in a fresh interpreter: the row is added before anything reads the registry, as a row
# written into actions.py would be.
SCRIPT = textwrap.dedent(
    """
    import asyncio, io, contextlib, sys
    sys.path.insert(0, sys.argv[1])
    from reportview.ui import actions
    ROW = actions.Action("ring_bell", "z", "ring the terminal bell", "App", ("app",),
                         footer="Bell", title="Ring the bell", action="bell")
    actions.ACTIONS = (*actions.ACTIONS, ROW)

    from reportview.cli.main import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["keys"])
    print("KEYS", [line for line in out.getvalue().splitlines() if "ring" in line])

    from reportview.config import config_from_dict, read_config_file, SHIPPED_CONFIG
    from reportview.ui.app import ReportViewApp
    from reportview.ui.screens.help import HelpScreen
    from reportview.ui.widgets.key_footer import KeyFooter
    from textual.command import CommandPalette
    from apphelp import SEEDS, plain, wait_loaded

    async def run():
        app = ReportViewApp([str(SEEDS)], use_cache=False, strict_errors=True)
        rang = []
        app.bell = lambda: rang.append(1)
        async with app.run_test(size=(160, 40)) as pilot:
            await wait_loaded(pilot)
            print("FOOTER", "z Bell" in app.screen.query_one(KeyFooter)._line().plain)
            await pilot.press("z")
            print("PRESSED", len(rang))
            await pilot.press("question_mark")
            help_rows = [l for l in plain(app.screen.keys_table).splitlines() if "ring" in l]
            print("HELP", [" ".join(l.split()) for l in help_rows])
            await pilot.press("escape", "ctrl+p")
            await pilot.pause()
            palette = app.screen
            assert isinstance(palette, CommandPalette)
            await pilot.press(*"ring the")
            for _ in range(100):
                await pilot.pause(0.02)
                options = [str(o.prompt) for o in palette.query_one("CommandList").options]
                if any("Ring the bell" in o for o in options):
                    break
            print("PALETTE", [o for o in options if "Ring" in o])
            await pilot.press("enter")
            await pilot.pause()
            print("PALETTE_RAN", len(rang))

    asyncio.run(run())
    """
)


def test_one_registry_row_is_a_binding_in_keys_help_footer_and_palette() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ROOT / "tests" / "functional")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["KEYS"] == "['  z          ring the terminal bell  keys.ring_bell']"
    assert lines["FOOTER"] == "True"
    assert lines["PRESSED"] == "1"
    assert lines["HELP"] == "['z ring the terminal bell']"
    assert "Ring the bell" in lines["PALETTE"]
    assert lines["PALETTE_RAN"] == "2"


def test_config_keys_accept_exactly_the_remappable_ids() -> None:
    assert set(SCHEMA["keys"]) == set(actions.key_ids())
    fixed = {a.id for a in actions.ACTIONS if not a.remap}
    assert "stop_loading" in fixed and "command_palette" in fixed
    assert not fixed & set(SCHEMA["keys"])


def test_keys_are_named_as_typed() -> None:
    assert actions.keys_text("question_mark,f1") == "? / f1"
    assert actions.keys_text("left_square_bracket") == "["
    assert actions.keys_text("slash") == "/"
    assert actions.keys_text("ctrl+p") == "^p"
    assert actions.keys_text("escape") == "esc"
    assert actions.keys_text("shift+tab") == "shift+tab"


def test_every_bound_action_has_a_method_on_its_owner() -> None:
    from reportview.ui.app import ReportViewApp
    from reportview.ui.screens.compare import CompareScreen
    from reportview.ui.screens.main import MainScreen
    from reportview.ui.widgets.figures_table import FiguresTable
    from reportview.ui.widgets.line_list import LineList
    from reportview.ui.widgets.reader import Reader
    from reportview.ui.widgets.search import SearchInput

    owners = {
        "app": ReportViewApp,
        "main": MainScreen,
        "lists": LineList,
        "reader": Reader,
        "figures": FiguresTable,
        "search": SearchInput,
        "compare": CompareScreen,
    }
    for row in actions.ACTIONS:
        for owner in row.owners:
            if owner == "textual":
                continue
            cls = MainScreen if row.target.startswith("screen.") else owners[owner]
            assert owner in actions.OWNERS
            name = row.target.removeprefix("screen.").split("(")[0]
            assert callable(getattr(cls, f"action_{name}", None)), (row.id, owner)
