"""The paths that keep the app fast, checked for behaviour (the timings live in benchmarks/run.py):
the cache-aware default analyser, the outline of a huge text, lazy wrapping, the straight-to-reader
start, the filter worker and the in-memory search index."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app_fakes import SEED, FakeLoader, make_app, run_async, settle
from dispatchtui import search
from dispatchtui.analysis import segment
from dispatchtui.app.screens.library import LibraryScreen
from dispatchtui.app.screens.reader import ReaderScreen
from dispatchtui.app.session import Session
from dispatchtui.app.widgets.article import ArticleView, wrap_offsets
from dispatchtui.model import Span, Speaker

TEXT = "Визит в Душанбе\n\nДУШАНБЕ, 16 февраля. Министр прибыл в Душанбе. Рахмон принял министра.\n"


@pytest.fixture(autouse=True)
def _config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("DISPATCHTUI_NO_CACHE", raising=False)


def _fake_analyze(calls):
    def analyze(d, *, on_stage=None):
        calls.append(d.text)
        return d.with_(speakers=(Speaker("Эмомали Рахмон", "person", None, (Span(0, 1),), ()),), analysed=True)

    return analyze


def test_default_analyser_fills_from_the_cache_and_survives_a_corrupt_entry(tmp_path, monkeypatch):
    import dispatchtui.analysis as analysis
    from dispatchtui import cache

    calls: list[str] = []
    monkeypatch.setattr(analysis, "analyze", _fake_analyze(calls))
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    first = Session([str(f)])
    d = first.analyse(0, first.layout(0))
    assert d.analysed and len(calls) == 1
    again = Session([str(f)])  # the app reopened
    hit = again.cached(0, again.layout(0))
    assert hit is not None and hit.speakers == d.speakers and len(calls) == 1
    assert again.analyse(0, again.layout(0)).speakers == d.speakers and len(calls) == 1
    # a half-written entry: ignored, analysed again, rewritten
    entries = list(Path(os.environ["DISPATCHTUI_CACHE_DIR"]).rglob("*.json"))
    assert len(entries) == 1  # the one dispatch, stored
    entry = entries[0]
    entry.write_text('{"schema": "dispatchtui/2", "para', encoding="utf-8")
    third = Session([str(f)])
    assert third.cached(0, third.layout(0)) is None
    assert third.analyse(0, third.layout(0)).analysed and len(calls) == 2
    assert cache.get(third.layout(0)) is not None


def test_injected_analyser_is_never_bypassed_by_the_cache(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    s = Session([str(f)], analyser=lambda d: d.with_(analysed=True))
    assert s.cached(0, s.layout(0)) is None


def test_huge_text_paints_from_an_outline_then_is_segmented_fully(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    s = Session([str(f)], analyser=lambda d: d.with_(analysed=True))
    quick = s.layout(0)
    full = segment(quick.text)
    assert quick.paragraphs == full.paragraphs and quick.headline == full.headline
    assert quick.dateline == full.dateline and quick.sentences == ()
    assert s.analyse(0, quick).sentences == full.sentences


@run_async
async def test_lazy_wrap_gives_the_same_lines_as_a_full_wrap(monkeypatch):
    from textual.app import App

    monkeypatch.setattr(ArticleView, "LAZY_WRAP_CHARS", 10)
    text = "\n\n".join(f"Абзац {i}: " + "слово " * (i % 37 + 3) for i in range(400))
    d = segment(text)

    class OneView(App):
        def compose(self):
            yield ArticleView()

    app = OneView()
    async with app.run_test(size=(100, 30)):
        view = app.query_one(ArticleView)
        view.set_dispatch(d)  # (no await until the end: the background slices wait)
        width = view.wrap_width
        expected = [se for p in d.paragraphs for se in wrap_offsets(text, p.start, p.end, width)]
        assert 0 < view.line_count < len(expected)  # only the first screens are wrapped
        last = d.paragraphs[-1]
        y = view.line_of(last.start)  # a jump far ahead wraps what it needs
        assert view.line_span(y)[0] == last.start
        view.finish_wrap()
        spans = [view.line_span(y) for y in range(view.line_count)]
        assert [span for span in spans if span is not None and span[0] != span[1]] == expected


@run_async
async def test_one_dispatch_opens_straight_in_the_reader_and_escape_builds_the_library():
    app = make_app([SEED])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert not any(isinstance(s, LibraryScreen) for s in app.screen_stack)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.list.rows == [0]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)


@run_async
async def test_filter_in_a_worker_and_search_over_the_index(folder, monkeypatch):
    loader = FakeLoader()
    app = make_app([folder], loader=loader)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert sorted(app.session.search_texts) == [0, 1, 2]  # indexed in the background
        assert len(loader.peeked) <= 3
        await pilot.press("f", *"погода")
        await settle(pilot)
        assert screen.list.rows == [1]
        await pilot.press("escape", "slash", *"рахмон")
        await settle(pilot)
        assert screen.list.rows == [0, 2]
        assert screen.list.match_counts == {0: 1, 2: 2}


def test_might_match_is_a_necessary_condition():
    for query in ("Рахмон", "рах", "визит министра", "ветер"):
        m = search.Matcher(query)
        for text in ("Рахмона поздравили", "Визит министра прошёл", "Дожди и ветер.", "ничего"):
            folded = search.fold(text)
            if m.count(folded):
                assert m.might_match(folded), (query, text)


def _cells(app) -> dict[tuple[int, int], tuple[str, str]]:
    """What the terminal would show, cell by cell: ``(column, row) -> (what, style)``, read from the SVG
    screenshot (background rectangles and text runs), so two screens that render alike compare equal
    however their widgets split the drawing."""
    import html
    import re

    svg = app.export_screenshot()
    styles = dict(re.findall(r"\.(terminal-\d+-r\d+) \{ ([^}]*) \}", svg))
    cell_w, cell_h = 12.2, 24.4
    cells: dict[tuple[int, int], tuple[str, str]] = {}
    for fill, x, y, w in re.findall(r'<rect fill="(#[0-9a-f]+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"', svg):
        col, row = round(float(x) / cell_w), round(float(y) / cell_h)
        for c in range(col, col + round(float(w) / cell_w)):
            cells[(c, row)] = ("bg", fill)
    for cls, x, y, text in re.findall(
        r'<text class="(terminal-\d+-r\d+)" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg
    ):
        col, row = round(float(x) / cell_w), round(float(y) / cell_h)
        for i, ch in enumerate(html.unescape(text)):
            cells[(col + i, -row - 1)] = (ch, styles.get(cls, ""))
    return cells


@run_async
async def test_the_first_frame_stand_ins_look_exactly_like_the_panels_while_analysing(monkeypatch):
    """The reader's first frame shows light stand-ins where the panels go; when the real panels replace
    them (right after that frame) nothing on the screen may change."""
    import threading

    from app_fakes import fake_analyse

    shots = {}
    for stand_ins in (True, False):
        gate = threading.Event()

        def slow(d, gate=gate):
            gate.wait(10)
            return fake_analyse(d)

        with monkeypatch.context() as m:
            if stand_ins:
                m.setattr(ReaderScreen, "_mount_panels", lambda self: None)
            app = make_app([SEED], analyser=slow)
            async with app.run_test(size=(120, 30)) as pilot:
                for _ in range(3):
                    await pilot.pause()
                screen = app.screen
                assert len(screen.query("PanelSlot")) == (3 if stand_ins else 0)
                assert all(screen.panel(n).is_mounted != stand_ins for n in ("speakers", "quotes", "topics"))
                assert screen.state == "analysing"
                shots[stand_ins] = _cells(app)
                gate.set()
    shown = "".join(
        ch for (_, row), (ch, _) in sorted(shots[True].items(), key=lambda kv: (kv[0][1], kv[0][0])) if row < 0
    )
    assert shown.count("analysing…") >= 3  # three panels and the status line
    assert shots[True] == shots[False]


@run_async
async def test_panels_are_filled_even_when_the_analysis_lands_before_they_are_mounted(monkeypatch):
    mount_panels = ReaderScreen._mount_panels
    monkeypatch.setattr(ReaderScreen, "_mount_panels", lambda self: None)  # not mounted until the test says
    app = make_app([SEED])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.state == "ready"
        speakers = screen.panel("speakers")
        assert not speakers.is_mounted and speakers.entries and speakers.option_count == len(speakers.entries)
        await pilot.press("2")  # focus waits for the panel instead of failing
        assert app.is_running and app.focused is not speakers
        await mount_panels(screen)  # the panels arrive late: the focus asked for goes there
        await pilot.pause()
        assert speakers.is_mounted and app.focused is speakers


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conftest import examples  # noqa: E402

_LINE_TEXT = st.text(alphabet=st.sampled_from(list("аб вгд  еёж\u00a0xyz-,.")), max_size=300)


@settings(max_examples=examples(300), deadline=None)
@given(_LINE_TEXT, st.integers(min_value=4, max_value=40))
def test_the_fast_wrap_is_the_greedy_wrap(line, width):
    """The rfind wrap against its definition written as a regex: the longest run of at most ``width``
    characters followed by spaces or the end (spaces included), else a hard cut at ``width``."""
    import re

    text = "\n" + line + "\n"
    start, end = 1, 1 + len(line)
    reference = [
        (m.start(), m.end())
        for m in re.finditer(rf".{{1,{width}}}(?: +|$)|.{{{width}}}", text[:end])
        if m.start() >= start
    ] or [(start, end)]
    got = wrap_offsets(text, start, end, width)
    assert got == reference
    assert "".join(text[s:e] for s, e in got) == line  # nothing lost, nothing twice
    assert all(len(text[s:e].rstrip(" ")) <= width for s, e in got)


@run_async
async def test_a_big_file_paints_its_beginning_and_the_whole_text_arrives_below(tmp_path, monkeypatch):
    """Past PREVIEW_FROM_BYTES the reader paints the first PREVIEW_BYTES at once; the worker reads the whole
    file; the view stays where the reader is, or follows to the end after `G`."""
    import threading

    from app_fakes import fake_analyse
    from dispatchtui import load
    from dispatchtui.app.app import DispatchApp

    monkeypatch.setattr(load, "PREVIEW_FROM_BYTES", 50_000)
    monkeypatch.setattr(load, "PREVIEW_BYTES", 20_000)
    paras = [f"Абзац {i}: " + "министр прибыл в Душанбе с официальным визитом " * 3 for i in range(600)]
    path = tmp_path / "big.txt"
    path.write_text("БОЛЬШОЕ СООБЩЕНИЕ\n\n" + "\n\n".join(paras) + "\n\nПОСЛЕДНИЙ АБЗАЦ.\n", encoding="utf-8")
    whole = load.load_path(str(path)).text

    gate = threading.Event()
    real_layout = Session.layout

    def held_layout(self, i, *, preview=False):
        if not preview:
            gate.wait(10)  # the whole-file read waits until the test has seen the preview
        return real_layout(self, i, preview=preview)

    monkeypatch.setattr(Session, "layout", held_layout)
    for press_end in (False, True):
        gate.clear()
        app = DispatchApp(
            [str(path)], loader=load, analyser=fake_analyse, theme="textual-dark", system_clipboard=False, lang="en"
        )
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(3):
                await pilot.pause()
            screen = app.screen
            article = screen.article
            assert screen.state == "loading" and screen.session.is_preview(0)
            shown = article.dispatch.text
            assert 10_000 < len(shown) < 20_000 and whole.startswith(shown)
            assert "reading the whole file" in str(screen.query_one("#status").render())
            if press_end:
                await pilot.press("G")
            else:
                await pilot.press("space", "space")
            top = article.top_offset()
            gate.set()
            await settle(pilot)
            assert article.dispatch.text == whole and screen.state == "ready"
            assert not screen.session.is_preview(0)
            if press_end:
                last = whole.rindex("ПОСЛЕДНИЙ")
                assert article.is_line_visible(article.line_of(last))
            else:
                assert article.top_offset() == top > 0  # same place, the rest below
            assert article.line_count > 3 * len(paras)


def test_analysed_dispatches_kept_in_memory_are_bounded_counts_are_not(tmp_path, monkeypatch):
    monkeypatch.setattr(Session, "ANALYSED_CACHE", 2)
    paths = []
    for n in range(3):
        f = tmp_path / f"{n}.txt"
        f.write_text(TEXT.replace("Министр", f"Министр {n}"), encoding="utf-8")
        paths.append(str(f))
    s = Session(paths, analyser=lambda d: d.with_(analysed=True))
    for i in range(3):
        s.analyse(i, s.layout(i))
    assert s.analysed(0) is None and s.analysed(1) is not None and s.analysed(2) is not None
    assert sorted(s.counts) == [0, 1, 2]  # the library's counts stay for every one
    s.layout(1)  # a look makes it recent: 2 goes next
    s.analyse(0, s.layout(0))
    assert s.analysed(2) is None and s.analysed(1) is not None
