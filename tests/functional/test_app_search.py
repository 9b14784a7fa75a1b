"""Search that lands: the hit in view, one stop per phrase, previews, Esc back, the status line,
results in words, the palette folding accents."""

from __future__ import annotations

from apphelp import make_app, search, sync, wait_loaded

from reportview.core.folding import fold
from reportview.ui.screens.help import HelpScreen
from reportview.ui.widgets.reader import Reader
from reportview.ui.widgets.search import ResultList


def in_view(reader: Reader, offset: int) -> bool:
    line = reader.line_of(offset)
    return reader.scroll_y <= line < reader.scroll_y + reader.scrollable_content_region.height


@sync
async def test_enter_brings_the_hit_into_view_and_steps_by_phrase() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        await search(pilot, "cu tri di bau")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        reader = main.query_one(Reader)
        stops = main.hit_stops
        _ri, start, end = stops[main.hit_pos]
        assert fold(main.report.text[start:end]) == "cu tri di bau", "one stop is the whole phrase"
        assert in_view(reader, start)
        status = main.query_one("#status").text
        assert status.startswith(f"Hit {main.hit_pos + 1}/{len(stops)}")
        for _ in range(len(stops)):
            await pilot.press("n")
            await pilot.pause()
            _ri, start, end = stops[main.hit_pos]
            if start >= 0:
                assert in_view(reader, start)


@sync
async def test_moving_through_results_previews_them_and_esc_returns() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        await pilot.press("j", "j")  # report 2, where no result is
        before = (main.report_index, main.section_index)
        await search(pilot, "cu tri di bau")
        results = main.query_one(ResultList)
        assert len(results.hits) >= 2
        await pilot.press("down")
        hit = results.hits[1]
        assert main.report_index == hit.report_index, "the result under the cursor is shown"
        assert main.query_one(Reader).hits, "with its words marked"
        assert isinstance(app.focused, type(main.query_one("#search"))), "typing goes on in the field"
        await pilot.press("escape")
        assert (main.report_index, main.section_index) == before, "Esc: back where / was pressed"
        # a jump, then Esc: back too
        await search(pilot, "GRDP")
        await pilot.press("enter")
        assert main.report_index == 0
        await pilot.press("escape")
        assert (main.report_index, main.section_index) == before
        assert main.hit_stops == ()


@sync
async def test_status_line_drops_the_hit_when_search_closes_and_under_help() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        status = main.query_one("#status")
        await search(pilot, "GRDP")
        await pilot.press("enter", "n")
        assert status.text.startswith("Hit ")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert not status.text.startswith("Hit ") and "reports loaded" in status.text
        await pilot.press("escape", "n")
        assert status.text.startswith("Hit ")
        await pilot.press("slash", "escape")
        assert not status.text.startswith("Hit ")


@sync
async def test_results_say_where_the_words_are_in_words() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await search(pilot, "Chí Linh")
        results = app.main.query_one(ResultList)
        rows = [" ".join(t.plain for t in results.row_lines(i, 90)) for i in range(results.count)]
        assert rows and not any("[" in r and "_title]" in r for r in rows)
        assert any("in the report's title" in r or "in the item's title" in r for r in rows)
        assert any("Chí Linh" in r.split("in ")[0] for r in rows), "the report is named"


@sync
async def test_palette_folds_accents_as_search_does() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p", *"chi linh")
        options: list[str] = []
        for _ in range(150):
            await pilot.pause(0.02)
            options = [str(o.prompt) for o in app.screen.query_one("CommandList").options]
            if any("Chí Linh" in o for o in options):
                break
        assert any(o.startswith("Go to report:") and "Chí Linh" in o for o in options)


@sync
async def test_results_typed_while_loading_are_marked_partial_and_refreshed(
    monkeypatch, seed_reports
) -> None:
    import threading
    import time

    from reportview.core.corpus import Progress

    release = threading.Event()

    def slow_corpus(paths, config, use_cache=True, cancel=None, keep_frozen=False, with_terms=False):
        yield Progress(1, len(seed_reports), report=seed_reports[0])
        while not release.is_set():
            if cancel is not None and cancel.is_set():
                return
            time.sleep(0.005)
        for done, report in enumerate(seed_reports[1:], start=2):
            yield Progress(done, len(seed_reports), report=report)

    monkeypatch.setattr("reportview.core.corpus.iter_corpus", slow_corpus)
    app = make_app()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(300):
                await pilot.pause(0.01)
                if app.main.reports:
                    break
            await search(pilot, "năm 2021")
            results = app.main.query_one(ResultList)
            partial = len(results.hits)
            assert "partial" in str(results.border_title)
            release.set()
            await wait_loaded(pilot)
            for _ in range(300):
                await pilot.pause(0.01)
                if "partial" not in str(results.border_title):
                    break
            assert "partial" not in str(results.border_title)
            assert len(results.hits) > partial, "the search ran again over the whole corpus"
    finally:
        release.set()


@sync
async def test_kind_money_lists_money_figures_and_kind_foo_names_the_kinds() -> None:
    from reportview.config import SHIPPED_CONFIG, config_from_dict, read_config_file

    raw = read_config_file(SHIPPED_CONFIG)
    raw["search"] = {"limit": 10}
    app = make_app(config=config_from_dict(raw, source=str(SHIPPED_CONFIG)))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        main = app.main
        await search(pilot, "kind:money")
        results = main.query_one(ResultList)
        money = [f for r in main.reports for f in r.figures if f.kind == "money"]
        assert len(results.hits) == 10 < len(money)
        for hit in results.hits:
            ((start, end),) = hit.matches  # one figure per result
            figure = next(f for f in main.reports[hit.report_index].figures if f.start == start)
            assert figure.kind == "money" and figure.end == end
        assert f"Results (10 of {len(money):,})" in str(results.border_title), "of all the money figures"
        await pilot.press("ctrl+u", *"kind:foo")
        while main.results_query != "kind:foo":
            await pilot.pause(0.01)
        assert results.hits == []
        assert "kind:foo is not a kind: kind:money|percent|count|ratio|measure" in results.empty_text


@sync
async def test_results_say_how_many_matched_in_all() -> None:
    from reportview.config import SHIPPED_CONFIG, config_from_dict, read_config_file

    raw = read_config_file(SHIPPED_CONFIG)
    raw["search"] = {"limit": 3}
    app = make_app(config=config_from_dict(raw, source=str(SHIPPED_CONFIG)))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await search(pilot, "năm")
        results = app.main.query_one(ResultList)
        total = app.main.search_hits.total
        assert len(results.hits) == 3 and total > 3
        assert f"Results (3 of {total:,})" in str(results.border_title)
