"""Pilot tests of the library: list, filter-as-you-type, full-text search, opening."""

from __future__ import annotations

import pytest

from app_fakes import ROOT, SEED, FakeLoader, make_app, record_notices, run_async, settle
from dispatchtui.app.screens.library import LibraryScreen
from dispatchtui.app.screens.reader import ReaderScreen

SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def _config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))


@run_async
async def test_library_lists_every_dispatch(folder):
    app = make_app([folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        lst = screen.list
        assert lst.rows == [0, 1, 2]
        assert "Путин провёл встречу" in lst.row_text(0)
        assert "Погода в Москве" in lst.row_text(1)
        assert "Headline" in lst.render_line(0).text  # the column header stays on top
        assert "3" in str(screen.query_one("#library-title").render())


@run_async
async def test_rows_render_lazily(folder):
    """Only visible rows are peeked (10,000-dispatch folders)."""
    loader = FakeLoader()
    app = make_app([folder] * 1, loader=loader)
    app.session.paths = app.session.paths * 400  # 1,200 entries
    app.session.view = list(range(len(app.session.paths)))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        screen.list.set_rows(list(range(len(app.session.paths))))
        await settle(pilot)
        assert len(loader.peeked) < 40
        await pilot.press("G")
        await pilot.pause()
        assert screen.list.current == len(app.session.paths) - 1
        assert len(loader.peeked) < 80


@run_async
async def test_filter_as_you_type_and_escape(folder):
    app = make_app([folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("f", *"погода")
        await pilot.pause()
        assert screen.list.rows == [1]
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace", *"ви")
        assert screen.list.rows == [2]  # "Визит" (case-insensitive), not "встречу"
        await pilot.press("escape")
        assert screen.list.rows == [0, 1, 2] and screen.mode is None
        assert screen.focused is screen.list


@run_async
async def test_full_text_search_with_counts_then_open(folder):
    app = make_app([folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", *"Рахмона")
        await settle(pilot)
        assert screen.list.rows == [0, 2]
        assert screen.list.match_counts == {0: 1, 2: 2}
        second = screen.list.row_text(1)
        assert "2×" in second and "Рахмон" in second.splitlines()[1]  # the count and a snippet
        await pilot.press("down", "enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.index == 2
        # the reader opens with the query in its find bar
        assert reader.findbar.is_open and len(reader.matches) == 2
        # ] walks the search results, not the whole folder
        assert reader.session.view == [0, 2]
        await pilot.press("tab", "left_square_bracket")
        await settle(pilot)
        assert reader.index == 0


@run_async
async def test_search_with_no_results(folder):
    app = make_app([folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ничегоподобного")
        await settle(pilot)
        assert app.screen.list.rows == []
        assert "no matches" in str(app.screen.query_one("#library-input-status").render())
        assert "no dispatch contains it" in app.screen.list.render_line(1).text


@run_async
async def test_enter_opens_and_counts_appear_after_analysis():
    app = make_app([ROOT / "samples"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await settle(pilot)
        line = app.screen.list.row_text(0)
        assert "2/0" in line and "Кошербаев" in line  # direct/reported, the main speaker


@run_async
async def test_mouse_click_selects_and_double_click_opens(folder):
    app = make_app([folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.click("#library-list", offset=(5, 2))
        assert app.screen.list.cursor == 1
        await pilot.double_click("#library-list", offset=(5, 3))
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.index == 2


@run_async
async def test_unreadable_file_is_shown_not_fatal(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken \xc3\x28")
    good = tmp_path / "good.txt"
    good.write_text("Хорошая новость\n\nТекст.\n", encoding="utf-8")
    app = make_app([bad, good])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        assert app.screen.dispatch is None
        assert any("Cannot open" in n for n in record_notices(app))
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.screen.dispatch is not None and "Хорошая" in app.screen.dispatch.text


@run_async
async def test_theme_persists_between_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "cfg"))
    app = make_app([SEED], theme=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert '"nord"' in (tmp_path / "cfg" / "config.json").read_text()
    app = make_app([SEED], theme=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
