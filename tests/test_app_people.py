"""Pilot tests of the people screen (P from the library and the reader): everyone quoted with counts,
one person's statements across the folder, enter opens the dispatch at the passage, y copies with the
attribution (the reader's citation), the lemma-aware name search, esc steps back."""

from __future__ import annotations

import pytest

from app_fakes import KOSHERBAEV, QUOTE_1, SEED, make_app, run_async, settle, wait_until
from dispatchtui.app.screens.library import LibraryScreen
from dispatchtui.app.screens.people import PeopleScreen
from dispatchtui.app.screens.reader import ReaderScreen


@pytest.fixture(autouse=True)
def _config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))


async def open_people(pilot) -> int:
    """Read the seed (its statements become known), back to the library, P. Returns the seed's index."""
    app = pilot.app
    await settle(pilot)
    seed = app.session.paths.index(str(SEED))
    app.screen.list.select_path_index(seed)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("q", "P")
    await settle(pilot)
    return seed


# ------------------------------------------------------------------------------------------ from memory
@run_async
async def test_people_from_the_reader_with_counts_and_statements():
    app = make_app([SEED.parent])
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        seed = app.session.paths.index(str(SEED))
        app.screen.list.select_path_index(seed)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("P")
        await settle(pilot)
        people = app.screen
        assert isinstance(people, PeopleScreen)
        row = people.people.current
        assert row.name == KOSHERBAEV and (row.direct, row.reported, row.dispatches) == (2, 0, 1)
        assert KOSHERBAEV in people.people.row_text(0)
        assert len(people.statements.rows) == 2
        assert QUOTE_1[:30] in people.statements.row_text(0)
        assert "not ready" in str(people.query_one("#people-title").render())  # only what was opened


@run_async
async def test_enter_opens_the_dispatch_at_the_passage_and_y_copies_with_attribution():
    app = make_app([SEED.parent])
    async with app.run_test(size=(140, 40)) as pilot:
        seed = await open_people(pilot)
        people = app.screen
        await pilot.press("enter")  # a person: to their statements
        assert people.focused is people.statements
        await pilot.press("down", "y")
        await settle(pilot)
        second = people.statements.current
        from dispatchtui.cite import cite

        assert app.clipboard == cite(app.session.analysed(seed), 1)  # what the reader's y copies
        assert app.clipboard.startswith("«Для Казахстана развитие")
        assert f"— {KOSHERBAEV}, министр иностранных дел Республики Казахстан (" in app.clipboard
        await pilot.press("enter")  # the statement: its dispatch, at the passage
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.index == seed
        assert reader.article.highlight == (second.start, second.end)
        first, last = reader.article.visible_range()
        assert first <= second.start < last


@run_async
async def test_people_search_by_lemma_and_escape_steps_back(folder):
    app = make_app([SEED.parent])
    async with app.run_test(size=(140, 40)) as pilot:
        await open_people(pilot)
        people = app.screen
        await pilot.press("slash", *"Кошербаева")  # another case form of the surname
        await settle(pilot)
        assert [p.name for p in people.people.rows] == [KOSHERBAEV]
        await pilot.press("backspace", *"зз")
        await settle(pilot)
        assert people.people.rows == [] and "nobody" in people.people.render_line(1).text
        await pilot.press("escape")  # the search bar closes
        assert people.focused is people.people
        await pilot.press("escape")  # then back to the library
        assert isinstance(app.screen, LibraryScreen)


@run_async
async def test_p_toggles_and_is_in_help_and_the_palette():
    from dispatchtui.app.commands import DispatchCommands
    from dispatchtui.app.screens.help import collect_bindings

    app = make_app([SEED.parent])
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        rows = collect_bindings(app.screen)
        assert ("P", "People") in rows
        assert any(keys == "d a s" for keys, _ in rows) and any(keys == "n N" for keys, _ in rows)
        provider = DispatchCommands(app.screen)
        titles = [title for title, _, _ in provider._commands()]
        assert "People quoted in the folder" in titles
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


# ------------------------------------------------------------------------------------------ from the index
@run_async
async def test_people_across_the_folder_from_the_index(tmp_path):
    from dispatchtui import load
    from dispatchtui.app.app import DispatchApp
    from dispatchtui.index.indexer import index_folder
    from index_fixtures import make_wire

    wire = make_wire(tmp_path)
    index_folder(str(wire))
    files, _ = load.discover([str(wire)])
    app = DispatchApp(
        files,
        loader=load,
        roots=[str(wire)],
        theme="textual-dark",
        system_clipboard=False,
        lang="en",
        index_in_background=False,
        watch=False,
    )
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: app.catalog.rows_loaded)
        await pilot.press("P")
        await settle(pilot)
        people = app.screen
        names = [p.name for p in people.people.rows]
        assert "Дмитрий Песков" in names and "Мария Захарова" in names  # never opened in this session
        await pilot.press("slash", *"Пескова", "enter")
        await settle(pilot)
        assert [p.name for p in people.people.rows] == ["Дмитрий Песков"]
        statement = people.statements.rows[0]
        assert "конструктивном ключе" in statement.text and statement.agency == "ТАСС"
        await pilot.press("enter", "y")
        await settle(pilot)
        assert app.clipboard.startswith("«Встреча прошла в конструктивном ключе», — Дмитрий Песков")
