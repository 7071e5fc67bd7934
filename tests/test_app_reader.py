"""Pilot tests of the reader: jumps, stepping, find, copy, navigation, robustness."""

from __future__ import annotations

import threading

import pytest

from app_fakes import (
    KOSHERBAEV,
    KOSHERBAEV_ROLE,
    QUOTE_1,
    QUOTE_2,
    RAHMON,
    ROOT,
    SEED,
    failing_analyse,
    fake_analyse,
    make_analysis,
    make_app,
    record_notices,
    run_async,
    settle,
)
from dispatchtui.app.screens.reader import ReaderScreen
from dispatchtui.app.widgets.article import ArticleView

SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def _config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))


def article_text(article: ArticleView) -> str:
    """What the article shows on screen right now (rendered lines)."""
    return "\n".join(article.render_line(y).text.rstrip() for y in range(article.size.height))


def assert_span_in_view(article: ArticleView, span: tuple[int, int]) -> None:
    line = article.line_of(span[0])
    assert article.is_line_visible(line), (line, article.scroll_y, article.size.height)


@run_async
async def test_single_file_opens_reader_with_panels():
    app = make_app([SEED])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.state == "ready"
        speakers = screen.panel("speakers")
        # quoted speaker first, with the role
        assert speakers.entries[0].key == KOSHERBAEV
        assert RAHMON in [e.key for e in speakers.entries]
        first = str(speakers.get_option_at_index(0).prompt)
        assert KOSHERBAEV in first and KOSHERBAEV_ROLE[:20] in first
        assert len(screen.panel("quotes").entries) == 2
        status = str(screen.query_one("#status").render())
        assert "1/1" in status and "Душанбе" in status and "KAZAKHSTAN TODAY" in status


@run_async
async def test_speaker_jump_centres_and_steps_through_mentions():
    app = make_app([SEED])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        article = screen.article
        d = screen.dispatch
        rahmon = d.speaker(RAHMON)
        mentions = sorted((m.start, m.end) for m in rahmon.mentions)
        assert len(mentions) >= 3
        await pilot.press("2")
        assert screen.focused is screen.panel("speakers")
        screen.panel("speakers").select_entry("speaker", RAHMON)
        await pilot.press("enter")
        await pilot.pause()
        assert article.highlight == mentions[0]
        assert_span_in_view(article, mentions[0])
        # same entry again: the next mention, and so on, wrapping around
        seen = [article.highlight]
        for _ in range(len(mentions)):
            await pilot.press("enter")
            await pilot.pause()
            assert_span_in_view(article, article.highlight)
            seen.append(article.highlight)
        assert seen[: len(mentions)] == mentions
        assert seen[len(mentions)] == mentions[0]  # wrapped


@run_async
async def test_quote_jump_scrolls_far_passage_to_centre():
    app = make_app([SEED])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        article = screen.article
        assert article.scroll_y == 0
        q2 = screen.dispatch.quotes[1]
        line = article.line_of(q2.start)
        assert not article.is_line_visible(line)  # far below the first screen
        await pilot.press("3", "down", "enter")
        await pilot.pause()
        assert article.highlight == (q2.start, q2.end)
        assert article.scroll_y > 0
        assert article.is_line_visible(line)
        # centred: the passage starts in the middle third of the view
        offset = line - article.scroll_y
        assert article.size.height // 4 <= offset <= article.size.height * 3 // 4, offset
        assert "Для Казахстана" in article_text(article)


@run_async
async def test_topic_jump_and_step():
    app = make_app([SEED])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("4", "enter")
        topic = screen.dispatch.topics[0]
        assert screen.article.highlight == (topic.mentions[0].start, topic.mentions[0].end)
        await pilot.press("enter")
        assert screen.article.highlight == (topic.mentions[1].start, topic.mentions[1].end)


@run_async
async def test_find_lemma_counts_and_stepping():
    app = make_app([SEED])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash")
        assert screen.findbar.is_open
        await pilot.press(*"Рахмона")
        await pilot.pause()
        text = screen.dispatch.text
        assert [text[s:e] for s, e in screen.matches] == ["Рахмоном", "Рахмоном", "Рахмон"]
        count = screen.query_one("#find-count")
        assert str(count.render()) == "1/3"
        # enter: the search is done, back to the text (less, vim); n / N step from there
        await pilot.press("enter")
        assert app.screen.focused is screen.article
        assert screen.current_match == 0 and screen.findbar.value == "Рахмона"
        await pilot.press("n")
        assert screen.current_match == 1 and str(count.render()) == "2/3"
        await pilot.press("n", "n")
        assert screen.current_match == 0  # wrapped
        await pilot.press("N")
        assert screen.current_match == 2
        assert_span_in_view(screen.article, screen.matches[2])
        # `/` again: the last query, selected (typing replaces it)
        await pilot.press("slash")
        field = screen.query_one("#find-input")
        assert app.screen.focused is field and field.selection == (0, len("Рахмона"))
        # escape closes the bar; the matches stay and n / N still step through them
        await pilot.press("escape")
        assert not screen.findbar.is_open and len(screen.matches) == 3
        assert app.screen.focused is screen.article
        await pilot.press("n")
        assert screen.current_match == 0
        assert "/Рахмона" in str(screen.query_one("#status").render())
        # a second escape clears them; n then repeats the last search
        await pilot.press("escape")
        assert screen.matches == [] and isinstance(app.screen, ReaderScreen)
        await pilot.press("n")
        assert len(screen.matches) == 3 and not screen.findbar.is_open


@run_async
async def test_find_history_with_up_and_down():
    app = make_app([SEED])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", *"Рахмон", "enter", "slash", *"Таджик", "enter", "slash")
        field = screen.query_one("#find-input")
        assert field.value == "Таджик"
        await pilot.press("up")
        assert field.value == "Таджик"
        await pilot.press("up")
        assert field.value == "Рахмон"
        await pilot.press("up")  # the oldest stays
        assert field.value == "Рахмон"
        await pilot.press("down", "down")
        assert field.value == ""
        await pilot.press("up", "enter")
        assert field.value == "Таджик" and screen.matches


@run_async
async def test_q_goes_back_one_level_and_Q_quits():
    app = make_app([SAMPLES])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")
        await settle(pilot)
        assert not isinstance(app.screen, ReaderScreen) and app.is_running
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("Q")
        await settle(pilot)
        assert not app.is_running
    app = make_app([SAMPLES])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f", "q")  # typed into the filter, not a command
        await settle(pilot)
        assert app.is_running and app.screen.query_one("#library-input").value == "q"
        await pilot.press("escape", "q")  # from the library: quits
        await settle(pilot)
        assert not app.is_running


@run_async
async def test_j_k_g_G_move_in_the_side_panels():
    app = make_app([SEED])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        panel = app.screen.panel("speakers")
        await pilot.press("2")
        assert panel.highlighted == 0
        await pilot.press("j", "j")
        assert panel.highlighted == 2
        await pilot.press("k")
        assert panel.highlighted == 1
        await pilot.press("G")
        assert panel.highlighted == len(panel.entries) - 1
        await pilot.press("g")
        assert panel.highlighted == 0


@run_async
async def test_find_is_case_and_yo_insensitive_and_incremental(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Ёлка и ЕЛКА. Ещё ёлки в лесу.\n", encoding="utf-8")
    app = make_app([f])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", *"елк")
        assert len(screen.matches) == 3
        await pilot.press(*"а")
        # "елка" by lemma also finds "ёлки"
        assert len(screen.matches) == 3
        await pilot.press(*"zzz")
        assert screen.matches == []
        assert "no matches" in str(screen.query_one("#find-count").render())


@run_async
async def test_y_copies_exact_attributed_quote():
    app = make_app([SEED])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter", "y")
        assert app.clipboard == (f"«{QUOTE_1}», — {KOSHERBAEV}, {KOSHERBAEV_ROLE} (KAZAKHSTAN TODAY, 16 февраля)")
        # the quotes panel cursor decides when it has focus
        await pilot.press("down", "y")
        # Russian style: the final period goes, «…», — follows
        assert app.clipboard.startswith(f"«{QUOTE_2.rstrip('.')}», — {KOSHERBAEV}")
        # from the article: the quote under the highlight
        await pilot.press("up", "enter", "1", "y")
        assert app.clipboard.startswith("«Хотел бы подчеркнуть")


@run_async
async def test_Y_copies_current_paragraph():
    app = make_app([SEED])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter", "1", "Y")
        assert app.clipboard.startswith("Хотел бы подчеркнуть")
        assert app.clipboard.endswith("сообщил глава МИД Казахстана.")


@run_async
async def test_y_without_quotes_notifies_and_copies_nothing(tmp_path):
    f = tmp_path / "plain.txt"
    f.write_text("Просто текст без цитат.\n\nВторой абзац.\n", encoding="utf-8")
    app = make_app([f])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard == ""
        assert any("No quote" in n for n in record_notices(app))
        assert str(app.screen.panel("quotes").get_option_at_index(0).prompt) == "no quotes found"
        assert str(app.screen.panel("speakers").get_option_at_index(0).prompt) == "no speakers found"


@run_async
async def test_next_and_previous_dispatch_and_back_to_library():
    app = make_app([SAMPLES])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.index == 0
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.index == 1
        total = len(app.session)
        assert f"2/{total}" in str(screen.query_one("#status").render())
        assert screen.article.dispatch.source.endswith(app.session.paths[1])
        await pilot.press("left_square_bracket", "left_square_bracket")  # second one hits the start
        await settle(pilot)
        assert screen.index == 0
        await pilot.press("right_square_bracket", "right_square_bracket", "escape")
        await settle(pilot)
        assert app.screen.id == "library"
        assert app.screen.list.current == 2  # the library follows the reader


@run_async
async def test_stale_analysis_is_dropped():
    release = threading.Event()

    def slow_first(d):
        if "Кошербаев" in d.text:
            release.wait(5)
        return fake_analyse(d)

    app = make_app([SAMPLES], analyser=slow_first)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert screen.state == "analysing"
        assert "analysing" in str(screen.panel("quotes").get_option_at_index(0).prompt)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        release.set()
        await settle(pilot)
        assert screen.index == 1 and screen.state == "ready"
        assert "Кошербаев" not in screen.dispatch.text
        assert screen.panel("speakers").entries == []  # not the first dispatch's speakers


@run_async
async def test_analysis_failure_is_a_notice_not_a_crash():
    app = make_app([SEED], analyser=failing_analyse)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.state == "failed"
        assert "analysis unavailable" in str(screen.panel("speakers").get_option_at_index(0).prompt)
        assert any("resolve" in n for n in record_notices(app))
        # the text is still there and find still works
        await pilot.press("slash", *"Рахмона")
        assert len(screen.matches) == 3


MARKUP = "[bold]жирный[/bold] [@click=app.quit]выход[/] [/ \x1b]52;c;QUFB\x07 \x1b[31mкрасный[0m"


@run_async
async def test_markup_and_escapes_show_literally(tmp_path):
    f = tmp_path / "evil.txt"
    f.write_text(f"{MARKUP}\n\nВторой абзац «[red]цитата[/red]», — сказал [b]Иван[/b].\n", encoding="utf-8")

    def analyse(d):
        return make_analysis(
            d,
            quotes=[("[red]цитата[/red]", "[b]Иван[/b]")],
            speakers={"[b]Иван[/b]": ("[link=x]роль[/link]", r"\[b\]Иван\[/b\]", "person")},
            topics={"[i]тема[/i]": r"Второй"},
        )

    app = make_app([f], analyser=analyse)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        shown = article_text(screen.article)
        assert "[bold]жирный[/bold]" in shown
        assert "[@click=app.quit]выход[/]" in shown
        assert "␛]52;c;QUFB␇" in shown and "␛[31mкрасный" in shown
        assert "\x1b" not in shown
        assert "[b]Иван[/b]" in str(screen.panel("speakers").get_option_at_index(0).prompt)
        assert "[link=x]роль[/link]" in str(screen.panel("speakers").get_option_at_index(0).prompt)
        assert "[red]цитата" in str(screen.panel("quotes").get_option_at_index(0).prompt)
        assert "[i]тема[/i]" in str(screen.panel("topics").get_option_at_index(0).prompt)
        # clicking around, copying and notifying with markup inside triggers nothing
        await pilot.click(ArticleView, offset=(25, 0))
        await pilot.press("3", "enter", "y")
        await pilot.pause()
        assert app.is_running
        assert app.clipboard == "«[red]цитата[/red]», — [b]Иван[/b], [link=x]роль[/link]"
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        # the library shows the headline literally too
        lib = app.screen.list
        assert "[bold]жирный[/bold]" in lib.row_text(0)


@run_async
async def test_narrow_terminal_puts_panels_below_and_p_toggles():
    app = make_app([SEED])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.has_class("-narrow")
        article = screen.query_one("#article-pane").region
        side = screen.query_one("#side").region
        assert side.y >= article.bottom  # below, not beside
        assert side.bottom <= screen.query_one("#status").region.y
        panels = [screen.panel(n).region for n in ("speakers", "quotes", "topics")]
        for a, b in zip(panels, panels[1:]):
            assert not a.overlaps(b)
        assert all(p.height >= 4 and p.width >= 20 for p in panels)
        await pilot.press("p")
        await pilot.pause()
        assert not screen.query_one("#side").display
        assert screen.query_one("#article-pane").region.height > article.height
        await pilot.press("3")  # focusing a panel brings them back
        await pilot.pause()
        assert screen.query_one("#side").display


@run_async
async def test_wide_terminal_puts_panels_beside():
    app = make_app([SEED])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.has_class("-wide")
        assert screen.query_one("#side").region.x >= screen.query_one("#article-pane").region.right


@run_async
async def test_tab_cycles_panes_and_number_keys_focus():
    app = make_app([SEED])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.focused is screen.article
        await pilot.press("tab")
        assert screen.focused is screen.panel("speakers")
        await pilot.press("tab", "tab")
        assert screen.focused is screen.panel("topics")
        await pilot.press("tab")
        assert screen.focused is screen.article
        await pilot.press("shift+tab")
        assert screen.focused is screen.panel("topics")
        await pilot.press("1")
        assert screen.focused is screen.article


@run_async
async def test_article_scroll_keys():
    app = make_app([SEED])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        article = app.screen.article
        await pilot.press("j", "j")
        assert article.scroll_y == 2
        await pilot.press("k")
        assert article.scroll_y == 1
        await pilot.press("space")
        assert article.scroll_y > 2
        await pilot.press("G")
        assert article.scroll_y == article.max_scroll_y > 0
        await pilot.press("g")
        assert article.scroll_y == 0
        await pilot.press("pagedown")
        assert article.scroll_y > 0
        await pilot.press("b")
        assert article.scroll_y == 0


@run_async
async def test_help_screen_lists_live_bindings():
    app = make_app([SEED])
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert help_screen.__class__.__name__ == "HelpScreen"
        sections = dict(help_screen.sections)
        assert list(sections) == ["Reader", "Article", "Panels", "Find", "Everywhere"]
        rows = dict((desc, keys) for keys, desc in help_screen.rows)
        assert rows["Copy quote"] == "y"
        assert rows["Copy paragraph"] == "Y"
        assert "/" in rows["Find"]
        assert rows["Next / previous dispatch"] == "] ["
        assert rows["Next / previous match"] == "n N"
        assert rows["Back"] == "q" and rows["Quit at once"] == "Q"
        assert "?" in rows["Help"] and "f1" in rows["Help"]
        panels = dict((desc, keys) for keys, desc in sections["Panels"])
        assert panels["Jump"] == "⏎" and set("jkgG") <= set(panels["Down / up"] + panels["Top / bottom"])
        find = dict((desc, keys) for keys, desc in sections["Find"])
        assert find["Search"] == "⏎" and "esc" in find["Close (matches stay)"]
        # not the find input's text-editing keys, and no key twice in a section
        every_key = " ".join(keys for keys, _ in help_screen.rows)
        assert "ctrl+w" not in every_key and "Delete" not in rows and len(help_screen.rows) < 36
        for _, section_rows in help_screen.sections:
            keys = [k for row_keys, _ in section_rows for k in row_keys.split()]
            assert len(keys) == len(set(keys)), keys
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


@run_async
async def test_help_is_translated_with_the_interface():
    app = make_app([SEED], lang="ru")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        titles = [title for title, _ in app.screen.sections]
        assert titles[:2] == ["Чтение", "Текст"]
        descriptions = [desc for _, desc in app.screen.rows]
        ascii_only = [d for d in descriptions if d.isascii()]
        assert ascii_only == [], ascii_only


@run_async
async def test_palette_jump_to_speaker_and_copy_quote():
    from dispatchtui.app.commands import DispatchCommands

    app = make_app([SEED])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        provider = DispatchCommands(screen)
        hits = [h async for h in provider.search("Jump to speaker Рахмон")]
        best = max(hits, key=lambda h: h.score)
        assert best.text == f"Jump to speaker: {RAHMON}"
        result = best.command()
        if result is not None:
            await result
        first = min((m.start, m.end) for m in screen.dispatch.speaker(RAHMON).mentions)
        assert screen.article.highlight == first
        hits = [h async for h in provider.discover()]
        titles = [h.text for h in hits]
        assert "Open next dispatch" in titles and any(t.startswith("Theme: ") for t in titles)
        copy = next(h for h in hits if h.text.startswith("Copy quote: Ермек Кошербаев «Для"))
        result = copy.command()
        if result is not None:
            await result
        assert app.clipboard.startswith(f"«{QUOTE_2.rstrip('.')}»")
        # through the real palette UI as well
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Open next dispatch")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)


@run_async
async def test_russian_interface_labels():
    app = make_app([SEED], lang="ru")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.panel("speakers").border_title == "2 Персоны"
        await pilot.press("question_mark")
        rows = dict((desc, keys) for keys, desc in app.screen.rows)
        assert rows["Копировать цитату"] == "y"


@run_async
async def test_real_loader_and_layout_find_rahmona():
    """The lead's loader and layout (not the fakes): the seed, Рахмона → 3 matches."""
    from dispatchtui import load

    app = make_app([SEED], loader=load, segmenter=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", *"Рахмона")
        assert len(screen.matches) == 3
        assert screen.dispatch.dateline is not None


@run_async
async def test_big_dispatch_renders_only_visible_lines_and_finds_in_worker(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    big = (seed + "\n\n") * (700_000 // len(seed))
    f = tmp_path / "big.txt"
    f.write_text(big, encoding="utf-8")
    app = make_app([f], analyser=lambda d: d.with_(analysed=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        article = screen.article
        assert article.line_count > 5_000
        calls = []
        original = article.render_line
        article.render_line = lambda y: calls.append(y) or original(y)  # type: ignore[method-assign]
        await pilot.press("G")
        await pilot.pause()
        assert article.scroll_y == article.max_scroll_y
        assert calls and max(calls) < article.size.height  # only rows of the viewport
        assert "Казахстан" in article_text(article) or article_text(article).strip()
        await pilot.press("slash", *"Рахмона")
        await settle(pilot)
        assert len(screen.matches) == 3 * (700_000 // len(seed))
        assert str(screen.query_one("#find-count").render()).endswith(f"/{len(screen.matches)}")


def test_importing_the_app_package_is_cheap():
    import subprocess
    import sys

    code = "import sys, dispatchtui.app; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@run_async
async def test_the_key_footer_follows_the_focus_and_a_click_on_a_key_runs_it():
    from dispatchtui.app.screens.help import HelpScreen
    from dispatchtui.app.widgets.footer import KeyFooter

    app = make_app([SEED])
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        line = footer.render().plain
        assert "Speakers" in line and "Help" in line and line.rstrip().endswith("Commands")
        assert "Next match" not in line
        await pilot.press("slash")  # the find bar's keys while typing in it
        await settle(pilot)
        assert "Search" in footer.render().plain
        await pilot.press("escape")
        await settle(pilot)
        line = footer.render().plain
        assert "Search" not in line
        await pilot.click(KeyFooter, offset=(line.index("Help") - 2, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


@run_async
async def test_article_lines_follow_a_theme_change():
    app = make_app([SEED])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        article = app.screen.article

        def line_background():
            return list(article.render_line(1))[-1].style.bgcolor

        before = line_background()
        assert before == article.rich_style.bgcolor
        app.theme = "textual-light"
        await settle(pilot)
        assert line_background() == article.rich_style.bgcolor != before
