"""The user's keymap (``"keymap"`` in the config file, by binding id) and the palette offering only the
commands that are enabled now. Observed on screen: what the keys do, the key line, the help, the notices."""

from __future__ import annotations

import contextlib
import html
import json
import re

import pytest

from app_fakes import SEED, make_app, run_async, settle
from dispatchtui.app.commands import DispatchCommands


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    path = tmp_path / "config"
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(path))
    return path


def write_config(config_dir, data) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.json").write_text(json.dumps(data), encoding="utf-8")


def screen_lines(app) -> list[str]:
    """The terminal's lines as the screenshot shows them: each text run put at its column (Textual's SVG
    cells are 12.2 by 24.4 units; blank cells are no text)."""
    svg = app.export_screenshot()
    rows: dict[int, dict[int, str]] = {}
    for x, y, text in re.findall(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        cells = rows.setdefault(round(float(y) / 24.4), {})
        for i, ch in enumerate(html.unescape(text)):
            cells[round(float(x) / 12.2) + i] = " " if ch == "\xa0" else ch
    return ["".join(cells.get(c, " ") for c in range(max(cells) + 1)).rstrip() for _, cells in sorted(rows.items())]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def key_line(app) -> str:
    return screen_lines(app)[-1]


@contextlib.asynccontextmanager
async def reading_seed(config_dir, keymap: object, size=(140, 40)):
    """The reader on the seed dispatch, with ``keymap`` in the config file; yields ``(app, pilot)``."""
    write_config(config_dir, {"theme": "textual-dark", "keymap": keymap})
    app = make_app([SEED])
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        yield app, pilot


async def palette_titles(screen) -> list[str]:
    return [hit.text async for hit in DispatchCommands(screen).discover()]


@run_async
async def test_a_keymap_entry_moves_a_command_to_another_key(config_dir):
    async with reading_seed(config_dir, {"reader.find": "ctrl+f"}) as (app, pilot):
        screen = app.screen
        assert "^f Find" in key_line(app) and "/ Find" not in key_line(app)
        await pilot.press("slash")  # the old key does nothing now
        await pilot.pause()
        assert not screen.findbar.is_open
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert screen.findbar.is_open
        await pilot.press(*"Рахмон", "enter")
        await settle(pilot)
        assert "Рахмон" in screen_text(app) and screen.matches
        await pilot.press("question_mark")  # the help lists the key the user chose
        await pilot.pause()
        assert ("^f", "Find") in app.screen.rows and ("/", "Find") not in app.screen.rows


@run_async
async def test_a_command_with_several_keys_gets_the_users_keys_instead_of_all_of_them(config_dir):
    async with reading_seed(config_dir, {"article.down": "ctrl+n"}, size=(80, 20)) as (app, pilot):
        article = app.screen.article
        assert article.scroll_y == 0
        await pilot.press("j", "down")  # both default keys are gone
        await pilot.pause()
        assert article.scroll_y == 0
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        assert article.scroll_y == 2
        await pilot.press("k")  # the other commands keep their keys
        await pilot.pause()
        assert article.scroll_y == 1


@run_async
async def test_the_palette_moved_to_another_key_keeps_its_place_in_the_key_line(config_dir):
    async with reading_seed(config_dir, {"app.palette": "ctrl+k"}) as (app, pilot):
        assert key_line(app).endswith("▏^k Commands")
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert app.screen.id == "--command-palette"


@run_async
async def test_bad_keymap_entries_make_one_notice_and_the_good_ones_still_apply(config_dir):
    keymap = {"reader.nope": "x", "reader.back": 5, "reader.copy_quote": "ctrl+,hyperspace", "reader.find": "ctrl+f"}
    async with reading_seed(config_dir, keymap) as (app, pilot):
        text = screen_text(app)
        assert text.count("The keymap in") == 1
        for line in (
            "reader.nope: no such command",
            "reader.back: keys go in a string",
            "reader.copy_quote: ctrl+, hyperspace: not a key name",
        ):
            assert line in text
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.screen.findbar.is_open
        await pilot.press("escape", "q")  # the broken entries left q as it was
        await pilot.pause()
        assert app.screen.id == "library"


@run_async
async def test_a_keymap_that_is_no_table_is_one_notice_and_the_default_keys_stay(config_dir):
    async with reading_seed(config_dir, ["reader.find", "ctrl+f"]) as (app, pilot):
        assert screen_text(app).count('"keymap" must map command ids to keys') == 1
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.findbar.is_open


@run_async
async def test_a_key_taken_from_another_command_is_said_and_the_keymap_wins(config_dir):
    async with reading_seed(config_dir, {"reader.panels": "n"}) as (app, pilot):
        assert "n: reader.find_next, reader.panels: one key, two commands" in screen_text(app)
        assert "─ 2 Speakers" in screen_text(app)  # the panel's border
        await pilot.press("n")
        await pilot.pause()
        assert "─ 2 Speakers" not in screen_text(app)  # the side panels are hidden


@run_async
async def test_the_palette_does_not_offer_a_command_that_is_disabled_now(tmp_path):
    unreadable = tmp_path / "broken.txt"
    unreadable.write_bytes(b"\xff\xfe not utf-8 \xff")
    app = make_app([unreadable, SEED])
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        app.open_reader(0)  # nothing to copy: the file cannot be read
        await settle(pilot)
        assert "Copy the current paragraph" not in await palette_titles(app.screen)
        assert "Open next dispatch" in await palette_titles(app.screen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Copy the current")
        await pilot.pause(0.3)
        assert "Copy the current" in screen_text(app)  # typed into the open palette
        assert "Copy the current paragraph" not in screen_text(app)  # and not offered
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("right_square_bracket")  # a dispatch with paragraphs: offered again
        await settle(pilot)
        assert "Copy the current paragraph" in await palette_titles(app.screen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Copy the current")
        await pilot.pause(0.3)
        assert "Copy the current paragraph" in screen_text(app)


def test_the_readme_names_every_command_id():
    from app_fakes import ROOT
    from dispatchtui.app.commands import COMMANDS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [cmd_id for cmd_id in COMMANDS if f"`{cmd_id}`" not in readme] == []


def test_keys_may_be_written_as_their_characters_and_the_plus_key_is_one():
    from dispatchtui.app.commands import TABLES
    from dispatchtui.app.keymap import user_keymap

    keymap, problems = user_keymap({"reader.find": "?", "reader.panels": "ctrl++", "reader.back": "ctrl+"}, TABLES)
    assert keymap == {"reader.find": "question_mark", "reader.panels": "ctrl+plus"}
    assert problems == [("reader.back: ctrl+", "bad_key")]
