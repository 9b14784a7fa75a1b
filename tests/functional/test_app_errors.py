"""The app never dies of its own errors: the crash of issue 16, and any internal error as one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import make_app, search, sync, wait_loaded

from reportview.ui.widgets.reader import Reader


@sync
async def test_n_after_a_new_search_steps_through_the_hits_of_the_jump() -> None:
    # `/` cu tri di bau Enter, `/` clear GRDP Esc, N: the new results list is shorter than the
    # one the jump was made from; N used to index it with the old positions (IndexError).
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        await search(pilot, "cu tri di bau")
        await pilot.press("enter")
        jumped = main.trail
        assert jumped is not None and len(jumped.hits) > 1
        await pilot.press("slash", "ctrl+u", *"GRDP")
        while main.results_query != "GRDP":
            await pilot.pause(0.01)
        assert len(main.search_hits) != len(jumped.hits)
        await pilot.press("escape", "N", "N", "n")
        await pilot.pause()
        assert main.trail is jumped, "n/N keep stepping through the jump's results"
        assert main.hit_pos == len(jumped.stops) - 1
        assert app.internal_errors == []


@sync
async def test_an_internal_error_is_one_line_and_a_log_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    app = make_app(strict_errors=False)

    def broken() -> None:
        raise ZeroDivisionError("the test broke it")

    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        monkeypatch.setattr(main, "action_next_report", broken)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert [type(e) for e in app.internal_errors] == [ZeroDivisionError]
        notices = [n.message for n in app._notifications]
        assert len(notices) == 1 and "\n" not in notices[0]
        log = next(tmp_path.rglob("errors.log"))
        assert str(log) in notices[0]
        assert "ZeroDivisionError: the test broke it" in log.read_text()
        assert "Traceback" in log.read_text()
        # the app carries on: keys still work
        await pilot.press("j", "enter", "enter")
        assert main.report_index == 1
        assert isinstance(app.focused, Reader)
        # an error in a message handler (not an action) is caught the same way
        monkeypatch.setattr(main, "_show_results", lambda *a: 1 / 0)
        await pilot.press("slash", "x")
        for _ in range(100):
            if len(app.internal_errors) == 2:
                break
            await pilot.pause(0.02)
        assert len(app.internal_errors) == 2
        await pilot.press("escape", "right_square_bracket")
        assert app.is_running
