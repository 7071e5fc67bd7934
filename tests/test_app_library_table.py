"""Pilot tests of the library as a table: columns, sorting (d a s), facets (F), the lemma-aware headline
filter, read/unread (N n), the folder index behind it (counts on every row, marks and the last place kept
across sessions), an index that cannot be used (one notice, the reader goes on), and the live folder."""

from __future__ import annotations

import os
import re
import time

import pytest

from app_fakes import SEED, make_app, run_async, settle, wait_until
from dispatchtui.app.folder import date_key, snippet
from dispatchtui.app.screens.library import FacetScreen
from dispatchtui.app.screens.reader import ReaderScreen


@pytest.fixture(autouse=True)
def _config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def dated(tmp_path):
    """Four dispatches with datelines (the fake loader's form: ``Место. 5 марта. AGENCY - headline``)."""
    d = tmp_path / "dated"
    d.mkdir()
    (d / "1.txt").write_text("Москва. 5 марта. TASS - Рахмон прибыл в Москву\n\nТекст.\n", encoding="utf-8")
    (d / "2.txt").write_text("Душанбе. 7 марта. RIA - Погода в Душанбе\n\nДожди.\n", encoding="utf-8")
    (d / "3.txt").write_text("Москва. 1 марта. TASS - Визит министра\n\nТекст.\n", encoding="utf-8")
    (d / "4.txt").write_text("Без даты\n\nТекст без датировки.\n", encoding="utf-8")
    return d


def headlines(screen) -> list[str]:
    return [screen.list.source(i).headline for i in screen.list.rows]


# ------------------------------------------------------------------------------------------ pure helpers
def test_date_keys_sort_dated_forms_and_leave_undated_out():
    assert date_key("8 августа 2019") == "2019-08-08 00:00"
    assert date_key("08.08.2019, 14:30") == "2019-08-08 14:30"
    assert date_key("2019-08-08T19:22:59+03:00") == "2019-08-08 19:22"
    assert date_key("5 мая") == "0000-05-05 00:00"
    assert date_key("Москва") is None and date_key(None) is None
    assert date_key("8 августа 2019") > date_key("7 августа 2019")


def test_snippet_cuts_at_words_around_the_match():
    text = "Начало длинного текста. " * 5 + "Рахмон принял министра иностранных дел. " + "Хвост. " * 20
    start = text.index("Рахмон")
    line, a, b = snippet(text, start, start + len("Рахмон"))
    assert line[a:b] == "Рахмон"
    assert line.startswith("…") and line.endswith("…")
    assert "Начало длинного текста." in line[:a] and "принял министра иностранных дел" in line[b:]  # context
    assert "\n" not in line


# ------------------------------------------------------------------------------------------ the table
@run_async
async def test_columns_and_the_header(dated):
    app = make_app([dated])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        lst = app.screen.list
        header = lst.render_line(0).text
        for column in ("Date", "Agency", "Place", "Headline", "Dir/Rep", "Speakers"):
            assert column in header
        row = lst.row_text(0)
        assert "05.03" in row and "TASS" in row and "Москва" in row and "Рахмон прибыл" in row


@run_async
async def test_sort_by_date_agency_and_again_reversed(dated):
    app = make_app([dated])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("d")
        await settle(pilot)
        assert headlines(screen) == ["Погода в Душанбе", "Рахмон прибыл в Москву", "Визит министра", "Без даты"]
        assert "Date ▼" in screen.list.render_line(0).text
        await pilot.press("d")  # again: oldest first
        await settle(pilot)
        assert headlines(screen)[0] == "Без даты" and headlines(screen)[-1] == "Погода в Душанбе"
        await pilot.press("a")
        await settle(pilot)
        agencies = [screen.list.source(i).agency for i in screen.list.rows]
        assert agencies == ["RIA", "TASS", "TASS", None]


@run_async
async def test_sort_by_statements_uses_the_counts():
    app = make_app([SEED.parent])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        seed = app.session.paths.index(str(SEED))
        screen.list.select_path_index(seed)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert screen.list.rows[0] == seed
        assert "2/0" in screen.list.row_text(0)


@run_async
async def test_filter_headlines_by_lemma(dated):
    app = make_app([dated])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"Рахмона")  # another case form of the headline's word
        await settle(pilot)
        assert headlines(app.screen) == ["Рахмон прибыл в Москву"]
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.screen.list.rows) == 4


@run_async
async def test_facets_with_counts_filter_and_escape_clears(dated):
    app = make_app([dated])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.list.focus()
        await pilot.press("F")
        await settle(pilot)
        facets = app.screen
        assert isinstance(facets, FacetScreen)
        assert facets.values[1] == ("agency", "TASS")  # under its heading, most dispatches first
        options = facets.query_one("#facets")
        assert "TASS  2" in str(options.get_option_at_index(1).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert sorted(headlines(screen)) == ["Визит министра", "Рахмон прибыл в Москву"]
        assert "Agency: TASS" in str(screen.query_one("#library-title").render())
        await pilot.press("escape")
        await settle(pilot)
        assert len(screen.list.rows) == 4


@run_async
async def test_read_unread_toggle_and_next_unread(dated):
    app = make_app([dated])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        first = screen.list.rows[0]
        assert screen.list.row_text(0).startswith("•")  # unread: marked (and bold)
        await pilot.press("enter")  # opening a dispatch reads it
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert app.catalog.is_read(first)
        assert not screen.list.row_text(0).startswith("•")
        await pilot.press("N")  # unread again
        assert not app.catalog.is_read(first)
        await pilot.press("N")
        await pilot.press("n")  # the next unread one
        assert screen.list.cursor == 1
        for pos in range(1, 4):
            app.catalog.set_read(screen.list.rows[pos])
        await pilot.press("n")
        assert any("Everything here is read" in n.message for n in app._notifications)


# ------------------------------------------------------------------------------------------ the index
@pytest.fixture
def wire(tmp_path):
    from index_fixtures import make_wire

    return make_wire(tmp_path)


@pytest.fixture
def indexed(wire):
    """The wire folder, indexed (in this process, with the real analysis)."""
    from dispatchtui.index.indexer import index_folder

    assert index_folder(str(wire)).state == "done"
    return wire


async def index_open(pilot) -> None:
    """Wait until the app has read the index's rows."""
    await wait_until(pilot, lambda: pilot.app.catalog.rows_loaded)
    await settle(pilot)


def real_app(folder, **kwargs):
    from dispatchtui import load
    from dispatchtui.app.app import DispatchApp

    files, _ = load.discover([str(folder)])
    kwargs.setdefault("index_in_background", False)
    kwargs.setdefault("watch", False)
    return DispatchApp(
        files, loader=load, roots=[str(folder)], theme="textual-dark", system_clipboard=False, lang="en", **kwargs
    )


@run_async
async def test_counts_on_every_row_from_the_index_and_marks_kept_across_sessions(indexed):
    wire = indexed
    app = real_app(wire)
    async with app.run_test(size=(140, 30)) as pilot:
        await index_open(pilot)
        screen = app.screen
        assert headlines(screen)[0].startswith("Захарова")  # newest first (9, 8, 7 August)
        rows = [screen.list.row_text(n) for n in range(3)]
        assert all(re.search(r"\b\d+/\d+\b", r) for r in rows)  # every row has its counts
        peskov = next(r for r in rows if "Песков" in r)
        assert "1/1" in peskov and "Дмитрий Песков" in peskov  # counts of a dispatch never opened
        await pilot.press("down", "enter")  # read the second one
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        opened = screen.list.current
    app2 = real_app(wire)
    async with app2.run_test(size=(140, 30)) as pilot:
        await index_open(pilot)
        assert app2.catalog.is_read(opened)  # kept across sessions
        assert app2.screen.list.current == opened  # the last dispatch read in this folder


@run_async
async def test_full_text_search_from_the_index_with_snippets(indexed):
    app = real_app(indexed)
    async with app.run_test(size=(140, 30)) as pilot:
        await index_open(pilot)
        await pilot.press("slash", *"Пескова")
        await settle(pilot)
        lst = app.screen.list
        assert [os.path.basename(app.session.paths[i]) for i in lst.rows] == ["1.txt"]
        text = lst.row_text(0)
        assert "Песков" in text.splitlines()[1]  # the snippet line


async def _check_works_from_memory(app) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: any("not available" in n.message for n in app._notifications))
        await settle(pilot)
        notices = [n.message for n in app._notifications if "index" in n.message]
        assert len(notices) == 1 and "working from memory" in notices[0]
        assert len(app.screen.list.rows) == 3
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.dispatch is not None
        await pilot.press("q", "down", "enter")  # and on: read marks kept in memory
        await settle(pilot)
        assert app.catalog.is_read(app.screen.index)


@run_async
async def test_a_cache_dir_that_cannot_hold_an_index_is_one_notice_and_the_reader_works(wire, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache dir should be\n", encoding="utf-8")
    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(blocker))
    await _check_works_from_memory(real_app(wire, analyser=lambda d: d.with_(analysed=True)))
    assert blocker.read_text(encoding="utf-8") == "a file where the cache dir should be\n"


@run_async
async def test_a_read_only_cache_dir_is_one_notice_and_the_reader_works(wire, tmp_path, monkeypatch):
    cache = tmp_path / "ro-cache"
    cache.mkdir()
    cache.chmod(0o500)
    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(cache))
    try:
        if os.access(cache, os.W_OK):
            pytest.skip("running as a user who may write to a read-only folder (root)")
        await _check_works_from_memory(real_app(wire, analyser=lambda d: d.with_(analysed=True)))
    finally:
        cache.chmod(0o700)


@run_async
async def test_an_index_that_fails_while_open_is_dropped_with_one_notice(indexed):
    from dispatchtui.index import IndexUnavailable

    app = real_app(indexed)
    async with app.run_test(size=(120, 30)) as pilot:
        await index_open(pilot)

        def broken(*args, **kwargs):
            raise IndexUnavailable("the folder index is locked by another program")

        app.catalog.index.search = broken  # locked under our feet
        await pilot.press("slash", *"Пескова")
        await settle(pilot)
        assert app.catalog.index is None and "locked" in app.catalog.problem
        lst = app.screen.list
        assert [os.path.basename(app.session.paths[i]) for i in lst.rows] == ["1.txt"]  # from memory now
        notices = [n.message for n in app._notifications if "index" in n.message]
        assert len(notices) == 1 and "locked" in notices[0] and "working from memory" in notices[0]
        await pilot.press("escape")
        await settle(pilot)
        assert len(lst.rows) == 3
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)


# ------------------------------------------------------------------------------------------ live folder
@run_async
async def test_live_folder_new_changed_and_removed_files(folder):
    old = time.time() - 60  # written a minute ago (polling compares whole-second mtimes)
    for f in folder.iterdir():
        os.utime(f, (old, old))
    app = make_app([folder], roots=[str(folder)], force_polling=True, use_index=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: app.watcher is not None)
        screen = app.screen
        await pilot.press("enter")  # reading 1.txt
        await settle(pilot)
        reader = app.screen
        shown = reader.dispatch.text
        (folder / "0.txt").write_text("Проба\n\nТекст.\n", encoding="utf-8")  # the watcher is live once
        await wait_until(pilot, lambda: len(app.session.paths) == 4, timeout=10)  # it has seen this one
        # in this order: once the removal is seen, so are the others (a batch holds what came before it)
        (folder / "1.txt").write_text("Переписано\n\nДругой текст.\n", encoding="utf-8")
        for n in range(4, 9):
            (folder / f"{n}.txt").write_text(f"Новость номер {n}\n\nТекст {n}.\n", encoding="utf-8")
        (folder / "2.txt").unlink()
        await wait_until(pilot, lambda: len(app.session.paths) == 9, timeout=10)
        await wait_until(pilot, lambda: app.catalog.removed, timeout=10)
        await settle(pilot)
        # one notice per batch the watcher saw (a busy machine may split the burst): 5 arrivals in all
        arrived = [int(m) for n in app._notifications for m in re.findall(r"(\d+) new dispatch", n.message)]
        assert sum(arrived) == 6 and arrived
        assert app.screen is reader and reader.dispatch.text == shown  # never yanked away
        await pilot.press("q")
        await settle(pilot)
        assert app.screen is screen
        rows = [os.path.basename(app.session.paths[i]) for i in screen.list.rows]
        assert "2.txt" not in rows and "8.txt" in rows
        new = screen.list.position_of(app.session.paths.index(str(folder / "8.txt")))
        assert screen.list.row_text(new).startswith("●")  # marked new
        assert "6 new" in str(screen.query_one("#library-title").render())
        first = app.session.paths.index(str(folder / "1.txt"))
        # the rewritten one, read afresh now that the reader has left it (its last event may come late)
        await wait_until(pilot, lambda: screen.list.source(first).headline == "Переписано", timeout=10)
        screen.list.select_path_index(first)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.index == first and "Другой текст" in app.screen.dispatch.text


@run_async
async def test_thousands_of_files_created_rewritten_and_deleted_while_the_library_is_open(tmp_path):
    folder = tmp_path / "busy"
    folder.mkdir()
    (folder / "0000.txt").write_text("Первая\n\nТекст.\n", encoding="utf-8")
    (folder / "0001a.txt").write_text("Вторая\n\nТекст.\n", encoding="utf-8")
    app = make_app([folder], roots=[str(folder)], use_index=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: app.watcher is not None)
        (folder / "0001b.txt").write_text("Проба\n\nТекст.\n", encoding="utf-8")  # the watcher is live once
        await wait_until(pilot, lambda: len(app.session.paths) == 3, timeout=10)  # it has seen this one
        for n in range(1, 2001):
            (folder / f"{n:04d}.txt").write_text(f"Новость {n}\n\nТекст {n}.\n", encoding="utf-8")
        for n in range(1, 501):
            (folder / f"{n:04d}.txt").write_text(f"Переписано {n}\n\nДругой текст.\n", encoding="utf-8")
        for n in range(1501, 2001):
            (folder / f"{n:04d}.txt").unlink()
        await wait_until(pilot, lambda: len(app.catalog.visible_indices()) == 1503, timeout=30)
        await settle(pilot)
        await pilot.press("G")  # the keys work throughout
        lst = app.screen.list
        assert len(lst.rows) == 1503 and lst.cursor == 1502
        shown = {os.path.basename(app.session.paths[i]) for i in lst.rows}
        assert "1500.txt" in shown and "1501.txt" not in shown and "2000.txt" not in shown
        rewritten = app.session.paths.index(str(folder / "0250.txt"))
        assert lst.source(rewritten).headline == "Переписано 250"
        notices = [n.message for n in app._notifications]
        assert len(notices) < 50  # batches, not a notice per file


@run_async
async def test_the_indexing_process_killed_mid_work_is_one_notice(folder):
    from dispatchtui.app import indexing
    from dispatchtui.index import Progress

    class Killed:
        """A background indexer whose process died (what BackgroundIndexer.progress says then)."""

        def progress(self):
            return Progress(3, 10, None, "failed", message="the indexing process stopped (exit code -9)")

    app = make_app([folder], roots=[str(folder)], watch=False, use_index=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        for _ in range(3):
            app.indexer = Killed()
            indexing._poll(app)
        await settle(pilot)
        notices = [n.message for n in app._notifications if "index" in n.message]
        assert len(notices) == 1 and "exit code -9" in notices[0] and "working from memory" in notices[0]
        assert app.indexer is None
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)


def test_the_date_column_shows_a_year_only_where_the_wire_printed_one():
    from dispatchtui.app.rows import DocRow
    from dispatchtui.app.widgets.liblist import _short_date

    assert (
        _short_date(DocRow(0, "a", "h", date="10 августа 2019", time="14:35", date_key="2019-08-10 14:35"))
        == "10.08.2019 14:35"
    )
    assert _short_date(DocRow(0, "a", "h", date="5 марта", date_key="2026-03-05")) == "05.03"
    assert _short_date(DocRow(0, "a", "h", date="весной", date_key=None)) == "весной"
