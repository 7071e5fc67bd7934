"""Deterministic stand-ins for the app tests: a loader, a layout and an analyser built by hand.

The app takes them by injection (``DispatchApp(loader=, segmenter=, analyser=)``), so the app tests
neither depend on the NLP models nor change when the core's heuristics improve.
"""

from __future__ import annotations

import html
import os
import re
import weakref
from pathlib import Path

from dispatchtui.load import Loaded, LoadError, Peek  # the loader's own result types: the app tells them apart by type
from dispatchtui.model import Dateline, Dispatch, Quote, Repeat, Span, Speaker, Topic

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "01_kaztoday_kosherbaev-v-dushanbe.txt"

QUOTE_1 = (
    "Хотел бы подчеркнуть, что казахско-таджикские отношения носят характер устойчивого и "
    "поступательного развития и обладают значительным потенциалом"
)
QUOTE_2 = "Для Казахстана развитие взаимовыгодного сотрудничества с Таджикистаном является важным приоритетом."
KOSHERBAEV = "Ермек Кошербаев"
KOSHERBAEV_ROLE = "министр иностранных дел Республики Казахстан"
RAHMON = "Эмомали Рахмон"


# ------------------------------------------------------------------------------------------ loader
class FakeLoader:
    """``discover`` / ``load_path`` / ``peek`` over real files, no normalization beyond \\r\\n. ``peeked``
    lists the paths peeked, in order (the library peeks only the rows it shows)."""

    def __init__(self) -> None:
        self.peeked: list[str] = []

    def discover(self, paths):
        out = []
        for p in paths:
            if os.path.isdir(p):
                out += sorted(str(q) for q in Path(p).rglob("*.txt"))
            else:
                out.append(p)
        return out, []

    def load_path(self, path, encoding=None):
        try:
            return Loaded(path, Path(path).read_text(encoding=encoding or "utf-8").replace("\r\n", "\n"), "utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return LoadError(path, str(exc))

    def peek(self, path):
        self.peeked.append(path)
        loaded = self.load_path(path)
        if isinstance(loaded, LoadError):
            return loaded
        first = next((line.strip() for line in loaded.text.splitlines() if line.strip()), "")
        m = _DATELINE.match(first)
        if m:
            return Peek(path, first[m.end() :].strip()[:120], m["place"], m["date"], m["agency"])
        return Peek(path, first[:120])


_DATELINE = re.compile(r"(?P<place>[А-ЯЁ][а-яё]+)\. (?P<date>\d+ [а-яё]+)\. (?P<agency>[A-Z ]+?) - ")


# ------------------------------------------------------------------------------------------ layout
def fake_segment(text: str, *, source: str = "-", encoding: str = "utf-8", notes=()) -> Dispatch:
    paragraphs = tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text) if m.group().strip())
    dateline = None
    m = _DATELINE.match(text)
    if m:
        dateline = Dateline(0, m.end() - 3, m["place"], m["date"], m["agency"])
    repeats = ()
    lead = "В рамках официального визита"
    first = text.find(lead)
    second = text.find(lead, first + 1) if first >= 0 else -1
    if second > 0:
        end = text.find("Рахмоном", second) + len("Рахмоном")
        repeats = (Repeat(second, end, Span(first, first + (end - second))),)
    headline = None
    if paragraphs and dateline is None and len(paragraphs) > 1 and len(paragraphs[0]) < 120:
        headline = paragraphs[0]
    return Dispatch(
        text=text,
        source=source,
        encoding=encoding,
        headline=headline,
        dateline=dateline,
        paragraphs=paragraphs,
        repeats=repeats,
        notes=tuple(notes),
    )


# ------------------------------------------------------------------------------------------ analysis
def make_analysis(
    d: Dispatch,
    quotes: list[tuple[str, str | None]],
    speakers: dict[str, tuple[str | None, str, str]],
    topics: dict[str, str],
) -> Dispatch:
    """Quotes located by their text; speakers ``name → (role, mention regex, kind)``; topics
    ``label → mention regex``."""
    text = d.text
    qs: list[Quote] = []
    for words, who in quotes:
        start = text.find(words)
        if start < 0:
            continue
        end = start + len(words)
        qs.append(Quote(start, end, d.paragraph_at(start) or 0, speaker=who))
    sp = []
    for name, (role, pattern, kind) in speakers.items():
        mentions = tuple(Span(m.start(), m.end()) for m in re.finditer(pattern, text))
        sp.append(Speaker(name, kind, role, mentions, tuple(i for i, q in enumerate(qs) if q.speaker == name)))
    tp = tuple(
        Topic(label, tuple(Span(m.start(), m.end()) for m in re.finditer(pattern, text)))
        for label, pattern in topics.items()
    )
    return d.with_(quotes=tuple(qs), speakers=tuple(sp), topics=tp, analysed=True)


def fake_analyse(d: Dispatch) -> Dispatch:
    """Knows the seed (two quotes by Кошербаев); other texts get no quotes, speakers or topics."""
    if "Кошербаев" not in d.text:
        return d.with_(analysed=True)
    return make_analysis(
        d,
        quotes=[(QUOTE_1, KOSHERBAEV), (QUOTE_2, KOSHERBAEV)],
        speakers={
            KOSHERBAEV: (KOSHERBAEV_ROLE, r"(?:Ермек )?Кошербаев\w*", "person"),
            RAHMON: ("президент Республики Таджикистан", r"(?:Эмомали )?Рахмон\w*", "person"),
            "Касым-Жомарт Токаев": ("президент Республики Казахстан", r"Касым-Жомарт\w* Токаев\w*", "person"),
            "МИД Казахстана": (None, r"МИД Казахстана", "organization"),
        },
        topics={"Таджикистан": r"Таджикистан\w*", "сотрудничество": r"сотрудничеств\w*"},
    )


def failing_analyse(d: Dispatch) -> Dispatch:
    raise ModuleNotFoundError("No module named 'dispatchtui.analysis.resolve'")


def make_app(paths, **kwargs):
    """A DispatchApp with the fakes, a fixed theme and no system clipboard; its notices are recorded from the
    start (:func:`record_notices`)."""
    from dispatchtui.app.app import DispatchApp

    kwargs.setdefault("loader", FakeLoader())
    kwargs.setdefault("segmenter", fake_segment)
    kwargs.setdefault("analyser", fake_analyse)
    kwargs.setdefault("theme", "textual-dark")
    kwargs.setdefault("system_clipboard", False)
    kwargs.setdefault("lang", "en")
    files, _ = kwargs["loader"].discover([str(p) for p in paths])
    app = DispatchApp(files, **kwargs)
    record_notices(app)
    return app


_NOTICES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def record_notices(app) -> list[str]:
    """Every notice the app gives from now on (through the public ``App.notify``, which still shows it),
    kept: shown ones expire after seconds, and a slow machine would lose them before the test looks. Called
    again for the same app, the same list."""
    said = _NOTICES.get(app)
    if said is not None:
        return said
    said = _NOTICES[app] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        said.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return said


_SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="[\d.]+" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>'
)


def screen_lines(app) -> list[str]:
    """What is on the screen now, one string per terminal row: the text of Textual's public SVG screenshot
    (``App.export_screenshot``: the segments the terminal would be sent, styles aside; a raw control
    character in them stays raw, so tests can look for one)."""
    rows: dict[int, list[str]] = {}
    for line, text in _SVG_TEXT.findall(app.export_screenshot()):
        # (the SVG writes a space as &#160; and a no-break space as itself)
        rows.setdefault(int(line), []).append(html.unescape(text.replace("&#160;", " ")))
    return ["".join(rows.get(y, ())) for y in range(max(rows, default=-1) + 1)]


def screen_text(app) -> str:
    """:func:`screen_lines` joined by newlines."""
    return "\n".join(screen_lines(app))


async def settle(pilot) -> None:
    """Let workers (analysis, search) finish and their results be painted."""
    app = pilot.app
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def run_async(fn):
    """Run an ``async def`` test without a pytest async plugin (none is a project dependency)."""
    import asyncio
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return wrapper


async def wait_until(pilot, condition, timeout: float = 5.0) -> None:
    """Pause until ``condition()`` holds (bounded: a failure after ``timeout`` seconds)."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await pilot.pause(0.05)
