"""Reading comfort and honest notices (issue 14 points 4 and 5): the article's measure, panels that step
aside on small screens, the key line keeping ? and q, ellipses, failed inputs listed in the app, a reason in
the pane of a dispatch that cannot be shown, empty states that say what to try."""

from __future__ import annotations

import pytest

from app_fakes import SEED, make_app, record_notices, run_async, settle
from dispatchtui.app.screens.reader import ReaderScreen
from dispatchtui.app.widgets.footer import KeyFooter


@pytest.fixture(autouse=True)
def _config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("DISPATCHTUI_MEASURE", raising=False)


def longest_line(article) -> int:
    text = article.dispatch.text
    spans = (article.line_span(y) for y in range(article.line_count))
    return max((len(text[span[0] : span[1]].rstrip()) for span in spans if span is not None), default=0)


@run_async
async def test_wide_screens_cap_the_article_at_its_measure_and_give_the_rest_to_the_panels():
    app = make_app([SEED])
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        article = app.screen.article
        assert article.wrap_width == 100 and longest_line(article) <= 100
        side = app.screen.query_one("#side")
        assert side.size.width > 80  # the panels took the rest
        assert article.region.width < 110


@run_async
async def test_the_measure_is_configurable(monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_MEASURE", "70")
    app = make_app([SEED])
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        assert app.screen.article.wrap_width == 70
    monkeypatch.setenv("DISPATCHTUI_MEASURE", "0")  # no limit
    app = make_app([SEED])
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        assert app.screen.article.wrap_width > 140


@run_async
async def test_below_ten_article_lines_the_panels_step_aside_until_asked_for():
    app = make_app([SEED])
    async with app.run_test(size=(80, 18)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert not screen.query_one("#side").display or screen.query_one("#side").size.height == 0
        assert screen.article.scrollable_content_region.height >= 10
        await pilot.press("3")  # asked for: shown
        await settle(pilot)
        assert screen.query_one("#side").size.height > 0 and app.focused is screen.panel("quotes")
    app = make_app([SEED])
    async with app.run_test(size=(80, 24)) as pilot:  # 80x24 keeps them
        await settle(pilot)
        assert app.screen.query_one("#side").size.height > 0


@run_async
async def test_the_key_line_keeps_help_and_back_at_80_columns():
    for lang, back, help_ in (("en", "Back", "Help"), ("ru", "Назад", "Справка")):
        app = make_app([SEED], lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            line = app.screen.query_one(KeyFooter).render().plain
            assert f"? {help_}" in line and f"q {back}" in line, line


@run_async
async def test_library_headlines_cut_with_an_ellipsis(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    long = "Очень длинный заголовок " * 8
    for n in range(2):
        (folder / f"{n}.txt").write_text(f"{long.strip()} {n}\n\nТекст сообщения.\n", encoding="utf-8")
    app = make_app([folder])
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        lst = app.screen.list
        first = lst.row_text(0)
        assert "…" in first
        cut = first.split("…")[0]
        assert cut.split()[-1] in {"Очень", "длинный", "заголовок"}  # a whole word, then …


@run_async
async def test_inputs_that_failed_are_listed_in_the_library(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    for n in range(2):
        (folder / f"{n}.txt").write_text(f"Заголовок {n}\n\nТекст.\n", encoding="utf-8")
    app = make_app(
        [folder],
        failed=[("missing/", "no such file or directory")],
        notices=["Cannot open missing/: no such file or directory"],
    )
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        line = str(app.screen.query_one("#library-failed").render())
        assert "missing/" in line and "no such file" in line
        assert any("missing/" in n for n in record_notices(app))


@run_async
async def test_a_dispatch_that_cannot_be_shown_says_why_in_its_pane(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00binary\x00\x00")
    good = tmp_path / "good.txt"
    good.write_text("Заголовок\n\nТекст.\n", encoding="utf-8")
    app = make_app([bad, good])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.state == "failed"
        text = "\n".join(screen.article.render_line(y).text for y in range(screen.article.size.height))
        assert "cannot be shown" in text and "bad.txt" not in text.split("cannot be shown")[0]


@run_async
async def test_a_filter_that_matches_nothing_says_what_to_try(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    for n in range(2):
        (folder / f"{n}.txt").write_text(f"Заголовок {n}\n\nТекст.\n", encoding="utf-8")
    app = make_app([folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"zzzz")
        await settle(pilot)
        assert "no headline matches" in app.screen.list.render_line(1).text


def test_pager_and_editor_commands_open_the_file_read_only_where_the_tool_allows(monkeypatch):
    from dispatchtui.app.screens.reader import external_command

    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    assert external_command("pager", "a b.txt") == ["less", "a b.txt"]
    assert external_command("editor", "a.txt") == ["vi", "-R", "a.txt"]
    monkeypatch.setenv("EDITOR", "/usr/bin/nano")
    assert external_command("editor", "a.txt") == ["/usr/bin/nano", "-v", "a.txt"]
    monkeypatch.setenv("VISUAL", "code --wait")  # VISUAL first; unknown: as given
    assert external_command("editor", "a.txt") == ["code", "--wait", "a.txt"]
    monkeypatch.setenv("PAGER", "less -R")
    assert external_command("pager", "a.txt") == ["less", "-R", "a.txt"]


@run_async
async def test_o_without_a_terminal_to_suspend_is_a_notice(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGER", "true")
    app = make_app([SEED])
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("o")  # the test driver cannot suspend: said, not raised
        await settle(pilot)
        assert app.is_running
        assert any("Cannot run true" in n for n in record_notices(app))
