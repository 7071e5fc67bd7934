"""Snapshot tests (pytest-textual-snapshot) of the library and the reader at 80x24 and 160x48.

Deterministic: fake layout and analyser, fixed theme, relative paths, workers settled before the
screenshot, no clock on screen. Snapshots live in ``tests/snapshots/``; regenerate with
``pytest tests/test_app_snapshots.py --snapshot-update`` and look at them before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_textual_snapshot

from app_fakes import ROOT, make_app, settle

SEED_REL = "samples/01_kaztoday_kosherbaev-v-dushanbe.txt"


class _Extension(pytest_textual_snapshot.SVGImageExtension):
    @classmethod
    def dirname(cls, *, test_location) -> str:
        return str(Path(test_location.filepath).parent / "snapshots")


@pytest.fixture(autouse=True)
def _setup(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr(pytest_textual_snapshot, "SVGImageExtension", _Extension)
    monkeypatch.chdir(ROOT)


async def _settle(pilot) -> None:
    await settle(pilot)


async def _settle_still(pilot) -> None:
    """Settle, and stop every text cursor blinking: a blink timer firing late (a busy machine) would
    otherwise decide whether the cursor cell is drawn."""
    from textual.widgets import Input

    for screen in pilot.app.screen_stack:
        for inp in screen.query(Input):
            inp.cursor_blink = False
    await settle(pilot)


def test_library_80x24(snap_compare):
    assert snap_compare(make_app(["samples"]), terminal_size=(80, 24), run_before=_settle)


def test_library_160x48_search(snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("slash", *"Рахмона")
        await _settle_still(pilot)

    assert snap_compare(make_app(["samples"]), terminal_size=(160, 48), run_before=run_before)


def test_reader_80x24(snap_compare):
    assert snap_compare(make_app([SEED_REL]), terminal_size=(80, 24), run_before=_settle)


def test_reader_160x48_jump_and_find(snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("3", "down", "enter", "slash", *"Рахмона")
        await _settle_still(pilot)

    assert snap_compare(make_app([SEED_REL]), terminal_size=(160, 48), run_before=run_before)


def test_reader_80x24_help(snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(make_app([SEED_REL]), terminal_size=(80, 24), run_before=run_before)


def test_reader_140x40(snap_compare):
    assert snap_compare(make_app([SEED_REL]), terminal_size=(140, 40), run_before=_settle)


def test_reader_200x50_measure(snap_compare):
    """The article stops at its measure (about 100 columns); the panels take the rest."""

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("3", "enter")
        await _settle_still(pilot)

    assert snap_compare(make_app([SEED_REL]), terminal_size=(200, 50), run_before=run_before)


def test_reader_140x40_help(snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(make_app([SEED_REL]), terminal_size=(140, 40), run_before=run_before)


def test_reader_140x40_find_closed_matches_stay(snap_compare):
    """`/ query ⏎ n esc`: the bar is closed, the matches stay highlighted, the status line shows them."""

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("slash", *"Рахмона", "enter", "n", "escape")
        await _settle_still(pilot)

    assert snap_compare(make_app([SEED_REL]), terminal_size=(140, 40), run_before=run_before)


STATEMENTS_REL = "tests/data/statements.txt"


def _statements_app():
    from test_app_statements import analyse

    return make_app([STATEMENTS_REL], analyser=analyse)


def test_reader_140x40_statements(snap_compare):
    """Reported statements lighter than quotes in the article; the Quotes panel with a split statement as one
    row, a reported one, an interviewer's question, a fragment; the speakers counting both."""
    assert snap_compare(_statements_app(), terminal_size=(140, 40), run_before=_settle)


def test_reader_80x24_statements_direct_only(snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("3", "r")
        await settle(pilot)

    assert snap_compare(_statements_app(), terminal_size=(80, 24), run_before=run_before)


async def _people(pilot) -> None:
    """The seed opened (its statements known), then the people screen."""
    await settle(pilot)
    lib = pilot.app.screen
    lib.list.select_path_index(pilot.app.session.paths.index(SEED_REL))
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("q", "P")
    await _settle_still(pilot)


def test_people_80x24(snap_compare):
    assert snap_compare(make_app(["samples"]), terminal_size=(80, 24), run_before=_people)


def test_people_160x48(snap_compare):
    assert snap_compare(make_app(["samples"]), terminal_size=(160, 48), run_before=_people)
