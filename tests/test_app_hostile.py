"""Hostile and broken input in the app: bad files in the library, hostile dispatch text, tiny terminals,
thousands of quotes, clipboard failures — and the user's files are never written, moved or locked.

What reaches the terminal is checked on what the screen shows: the text of Textual's public SVG screenshot,
where the app's styles are CSS and not escape sequences. A C0/C1 control (ESC, BEL, CSI, OSC…) in it came
from the data and would reach the terminal.
"""

from __future__ import annotations

import builtins
import errno
import os
import re
import sys
from pathlib import Path

import pytest

from app_fakes import (
    ROOT,
    SEED,
    fake_analyse,
    make_app,
    record_notices,
    run_async,
    screen_text,
    settle,
)
from dispatchtui import load, reading
from dispatchtui.app.screens.reader import ReaderScreen
from dispatchtui.model import Quote, Speaker
from dispatchtui.paths import display_path

SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def _dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(tmp_path / "cache"))


# ------------------------------------------------------------------------------------------ terminal output
_RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def assert_nothing_raw_reaches_terminal(app) -> str:
    """The screen's text, after checking that no raw control character is in it."""
    shown = screen_text(app)
    bad = _RAW_CONTROL.search(shown)
    assert bad is None, (
        f"raw control {bad.group()!r} would reach the terminal: {shown[max(0, bad.start() - 40) : bad.end() + 40]!r}"
    )
    return shown


def notices(app) -> list[str]:
    """What the app has said in notices since it was made (:func:`app_fakes.record_notices`)."""
    return record_notices(app)


# ------------------------------------------------------------------------------------------ a library of bad files
GOOD_1 = "Хорошая новость\n\nМОСКВА, 8 августа. /ТАСС/. Министр сказал: «Всё в порядке».\n"
GOOD_2 = "Вторая новость\n\nПутин провёл встречу с Рахмоном в Душанбе.\n"


def _build_hostile_folder(tmp_path: Path) -> Path:
    d = tmp_path / "wire"
    d.mkdir()
    (d / "01_good.txt").write_text(GOOD_1, encoding="utf-8")
    (d / "02_binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "03_empty.txt").write_bytes(b"")
    (d / "04_nul.txt").write_bytes("Текст с нулями".encode() + b"\x00\x00\x00" + "ещё".encode())
    (d / "05_truncated.txt").write_bytes("Обрезанный текст\n\nКонец: ж".encode()[:-1])
    (d / "06_utf16.txt").write_bytes("Новость в UTF-16\n\nБез метки порядка байтов.\n".encode("utf-16-le"))
    (d / "07_huge.txt").write_text("Огромная новость\n\n" + "слово " * 5000, encoding="utf-8")
    (d / "08_unreadable.txt").write_text("Секрет\n\nНикто не прочтёт.\n", encoding="utf-8")
    (d / "09_vanished.txt").write_text("Исчезнет\n\nСкоро.\n", encoding="utf-8")
    os.symlink(d / "10_loop.txt", d / "10_loop.txt")  # a symlink loop to itself
    big = d / "11_sparse50mb.txt"  # 50 MB (sparse: costs no disk)
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (d / "12_good.txt").write_text(GOOD_2, encoding="utf-8")
    (d / "13_\x1b[31m[bold]evil\x07.txt").write_bytes(b"\x00\x01\x02\x03" * 100)  # hostile name, binary
    return d


def _refuse(monkeypatch, path: Path) -> None:
    """Root reads anything: make open() refuse ``path`` as the OS would for a normal user."""
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and os.fspath(file) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)


EXPECTED_REASONS = {
    "02_binary.txt": "binary",
    "03_empty.txt": "empty",
    "04_nul.txt": "binary",
    "07_huge.txt": "too large",
    "08_unreadable.txt": "permission denied",
    "09_vanished.txt": "no such file",
    "10_loop.txt": "symlink loop",
    "11_sparse50mb.txt": "too large",
}
OPENS = {
    "01_good.txt": "Всё в порядке",
    "05_truncated.txt": "Обрезанный текст",
    "06_utf16.txt": "Без метки порядка байтов",
    "12_good.txt": "Рахмоном",
}


@pytest.mark.slow
@run_async
async def test_library_of_broken_files_shows_the_good_ones_and_notices_for_the_bad(tmp_path, monkeypatch):
    folder = _build_hostile_folder(tmp_path)
    files, errors = load.discover([str(folder)])
    assert errors == []
    names = [os.path.basename(f) for f in files]
    assert len(names) == 13
    monkeypatch.setattr(reading, "MAX_BYTES", 20_000)
    _refuse(monkeypatch, folder / "08_unreadable.txt")
    (folder / "09_vanished.txt").unlink()  # deleted between listing and opening
    from dispatchtui.app.app import DispatchApp

    app = DispatchApp(
        files, loader=load, analyser=fake_analyse, theme="textual-dark", system_clipboard=False, lang="en"
    )
    record_notices(app)
    async with app.run_test(size=(120, 50), notifications=True) as pilot:
        await settle(pilot)
        lib = app.screen
        assert lib.list.rows == list(range(13))
        # every row renders; bad ones carry their reason in the second line
        for row, name in enumerate(names):
            shown = lib.list.row_text(row)
            error = lib.list.source(row).error or ""
            if name in EXPECTED_REASONS and name not in ("07_huge.txt", "11_sparse50mb.txt"):
                assert EXPECTED_REASONS[name] in error, (name, error)  # (peek reads 4 KB: size shows on opening)
                assert error[:10] in shown or "…" in shown, (name, shown)
        assert "Хорошая новость" in lib.list.row_text(0)
        assert_nothing_raw_reaches_terminal(app)
        # open every dispatch in turn (the reader's ] walks the folder)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        for i, name in enumerate(names):
            assert reader.index == i
            if name in OPENS:
                assert reader.dispatch is not None, name
                assert OPENS[name] in reader.dispatch.text, name
                assert reader.state == "ready"
            else:
                assert reader.dispatch is None, name
                assert reader.state == "failed"
                last = notices(app)[-1]
                await pilot.pause()
                assert_nothing_raw_reaches_terminal(app)
                assert last.startswith("Cannot open") and display_path(os.path.basename(files[i])) in last, last
                if name in EXPECTED_REASONS:
                    assert EXPECTED_REASONS[name] in last, last
            assert_nothing_raw_reaches_terminal(app)
            await pilot.press("right_square_bracket")
            await settle(pilot)
        assert app.is_running
        # the hostile file name is shown literally (markup not interpreted, controls escaped: paths.display_path)
        assert any("13_\\x1b[31m[bold]evil\\x07.txt" in n for n in notices(app)), notices(app)
        # and the good ones still open after all that
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("G", "up", "enter")
        await settle(pilot)
        assert "Рахмоном" in app.screen.dispatch.text


@run_async
async def test_folder_with_no_dispatches_and_bad_paths_at_start(tmp_path):
    """Startup errors (from discover) are notices in the app; the good paths still open."""
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README").write_text("not a dispatch")
    good = tmp_path / "good.txt"
    good.write_text(GOOD_1, encoding="utf-8")
    files, errors = load.discover([str(empty), str(tmp_path / "missing.txt"), str(good)])
    from dispatchtui.app.app import DispatchApp
    from dispatchtui.app.i18n import tr

    app = DispatchApp(
        files,
        loader=load,
        analyser=fake_analyse,
        theme="textual-dark",
        system_clipboard=False,
        lang="en",
        notices=[tr("load_error", path=e.path, reason=e.reason) for e in errors],
    )
    record_notices(app)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert "Всё в порядке" in app.screen.dispatch.text
        shown = notices(app)
        assert any("no dispatches here" in n for n in shown)
        assert any("missing.txt" in n and "no such file" in n for n in shown)


@run_async
async def test_file_rewritten_while_open_keeps_the_text_it_read(tmp_path):
    """The reader works on the text it read: a rewrite on disk never shifts its offsets or crashes it."""
    f = tmp_path / "live.txt"
    f.write_text(GOOD_1 + "\n«Мы готовы», — сказал Путин.\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(GOOD_2, encoding="utf-8")

    def analyse_after_rewrite(d):
        f.write_text("X", encoding="utf-8")  # rewritten (shorter) while the analysis runs
        return fake_analyse(d)

    from dispatchtui.app.app import DispatchApp

    app = DispatchApp(
        [str(f), str(other)],
        loader=load,
        analyser=analyse_after_rewrite,
        theme="textual-dark",
        system_clipboard=False,
        lang="en",
    )
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert reader.state == "ready" and "Всё в порядке" in reader.dispatch.text
        await pilot.press("slash", *"Путин")
        await settle(pilot)
        assert len(reader.matches) == 1
        await pilot.press("escape", "Y")
        await pilot.press("right_square_bracket")
        await settle(pilot)
        f.write_bytes(b"\x00\xff" * 10)  # now binary
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.is_running and reader.index == 0
        assert "Всё в порядке" in reader.dispatch.text  # the text read before (cached), not garbage
        assert_nothing_raw_reaches_terminal(app)


# ------------------------------------------------------------------------------------------ hostile text
HOSTILE = (
    "[bold]жирный[/bold] [@click=app.quit]выход[/] [/ [link=https://x]ссылка[/link] "
    "\x1b]52;c;QUFBQQ==\x07 \x1b[31mкрасный\x1b[0m \x1b[2J\x1b[H \x9b31m \x9d0;title\x9c \x07\x08 "
    "\x1bP1;2q\x1b\\ \u202eперевёрнуто\u202c \x7f"
)
LONG_LINE = "Ж" * 50_000 + "x" * 50_000  # 100,000 characters, no spaces


def _hostile_text() -> str:
    return (
        f"{HOSTILE}\n\nМОСКВА, 8 августа. /ТАСС/. «[red]цитата\x1b[5m[/red]», — сказал [b]Иван[/b].\n\n"
        f"{LONG_LINE}\n\nПоследний абзац {HOSTILE}\n"
    )


def _hostile_analyse(d):
    from app_fakes import make_analysis

    # (the raw text keeps the ESC sequence; the real loader strips it)
    return make_analysis(
        d,
        quotes=[("[red]цитата\x1b[5m[/red]", "[b]Иван\x1b[31m[/b]"), ("[red]цитата[/red]", "[b]Иван\x1b[31m[/b]")],
        speakers={"[b]Иван\x1b[31m[/b]": ("[link=x]роль\x07[/link]", r"\[b\]Иван\[/b\]", "person")},
        topics={"[i]тема\x1b]0;t\x07[/i]": r"Последний"},
    )


@pytest.mark.slow
@pytest.mark.parametrize("loader", ["raw", "real"])
@run_async
async def test_hostile_text_is_literal_and_no_escape_reaches_the_terminal(tmp_path, loader):
    f = tmp_path / "evil.txt"
    f.write_text(_hostile_text(), encoding="utf-8")
    other = tmp_path / "zz_other.txt"
    other.write_text(GOOD_2, encoding="utf-8")
    kwargs = dict(analyser=_hostile_analyse)
    if loader == "real":  # the real loader strips controls; the app must be safe without it too
        kwargs.update(loader=load, segmenter=None)
    app = make_app([f, other], **kwargs)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert_nothing_raw_reaches_terminal(app)
        assert "[bold]жирный[/bold]" in screen_text(app)  # the library's headline
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.state == "ready"
        shown = assert_nothing_raw_reaches_terminal(app)
        text = screen_text(app)
        assert "[bold]жирный[/bold]" in text and "[@click=app.quit]выход[/]" in text
        assert "[link=https://x]ссылка[/link]" in text
        if loader == "raw":  # a visible substitute for each control
            assert "␛]52;c;QUFBQQ==␇" in text and "␛[31mкрасный" in text and "␛[2J" in text
            assert "52;c;QUFBQQ" in shown  # shown, but never as a command
        assert "\x1b]52" not in shown and "\x1b[31m" not in shown and "\x1b[2J" not in shown
        # panels: literal names, roles, quotes, topics
        assert "[b]Иван" in text and "[red]цитата" in text
        # the long line wraps (no horizontal overflow), scrolls to its end and back
        article = reader.article
        assert article.line_count > 100_000 // 120
        await pilot.press("G")
        await pilot.pause()
        assert "Последний абзац" in screen_text(app)
        assert_nothing_raw_reaches_terminal(app)
        # jump, click, copy, find with markup in the query — nothing is interpreted
        await pilot.press("3", "enter", "y")
        await pilot.pause()
        assert app.clipboard.startswith("«[red]цитата")
        await pilot.click("#article", offset=(10, 2))
        await pilot.press("1", "slash", *"[bold]")
        await settle(pilot)
        assert len(reader.matches) >= 1
        await pilot.press("escape")
        # shrink to 20x5 and back, repainting at every size
        for size in ((60, 20), (20, 5), (21, 6), (20, 5), (120, 40)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert app.is_running
            assert_nothing_raw_reaches_terminal(app)
        assert "[" in screen_text(app)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert reader.index == 1 and "Рахмоном" in reader.dispatch.text
        assert_nothing_raw_reaches_terminal(app)
    assert app.return_code in (None, 0)  # [@click=app.quit] never fired


@pytest.mark.slow
@run_async
async def test_tiny_terminal_everywhere():
    """20x5 from the start, through the library, the reader, help, find and back."""
    app = make_app([SAMPLES])
    async with app.run_test(size=(20, 5), notifications=True) as pilot:
        await settle(pilot)
        for keys in (
            ["down", "enter"],
            ["slash", *"Рахмон"],
            ["escape"],
            ["question_mark"],
            ["escape"],
            ["3", "enter", "y"],
            ["Y"],
            ["p"],
            ["p"],
            ["right_square_bracket"],
            ["escape"],
            ["f", *"рос"],
            ["escape"],
            ["slash", *"Рахмон", "enter"],
        ):
            await pilot.press(*keys)
            await settle(pilot)
            assert app.is_running
            assert_nothing_raw_reaches_terminal(app)
        await pilot.resize_terminal(1, 1)
        await settle(pilot)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert app.is_running


# ------------------------------------------------------------------------------------------ 5,000 quotes
def _many_quotes_text(n: int) -> str:
    return "Заголовок про цитаты\n\n" + "".join(f"«Цитата номер {i}», — сказал Путин. " for i in range(n)) + "\n"


def _fake_5000(d):
    qs, pos = [], 0
    for _ in range(5000):
        s = d.text.find("«Цитата", pos) + 1
        e = d.text.find("»", s)
        qs.append(Quote(s, e, d.paragraph_at(s) or 0, speaker="Владимир Путин"))
        pos = e
    return d.with_(quotes=tuple(qs), speakers=(Speaker("Владимир Путин", quotes=tuple(range(5000))),), analysed=True)


@pytest.mark.slow
@pytest.mark.parametrize("analyser, n", [("fake", 5000), ("real", 5000)])
@run_async
async def test_five_thousand_quotes(tmp_path, analyser, n):
    """5,000 Quote objects from a fake analyser, and the real pipeline on 5,000 quotes."""
    f = tmp_path / "many.txt"
    f.write_text(_many_quotes_text(n), encoding="utf-8")
    kwargs = {"analyser": _fake_5000} if analyser == "fake" else {"analyser": None, "loader": load, "segmenter": None}
    app = make_app([f], **kwargs)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        reader = app.screen
        assert reader.state == "ready"
        quotes = reader.dispatch.quotes
        assert len(quotes) == n
        assert len(reader.panel("quotes").entries) == n
        await pilot.press("3", "end", "enter", "y")
        await pilot.pause()
        last = quotes[-1]
        assert reader.article.highlight == (last.start, last.end)
        assert reader.article.is_line_visible(reader.article.line_of(last.start))
        assert app.clipboard.startswith(f"«Цитата номер {n - 1}»")
        await pilot.resize_terminal(20, 5)
        await settle(pilot)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert app.is_running
        assert_nothing_raw_reaches_terminal(app)


# ------------------------------------------------------------------------------------------ clipboard failures
@run_async
async def test_osc52_failure_is_a_notice(monkeypatch):
    from textual.app import App

    def broken(self, text):
        raise OSError(errno.EIO, "terminal gone")

    monkeypatch.setattr(App, "copy_to_clipboard", broken)
    app = make_app([SEED])
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter", "y")
        await settle(pilot)
        await pilot.press("Y")
        await settle(pilot)
        assert app.is_running
        assert any("clipboard" in n.lower() and "terminal gone" in n for n in notices(app)), notices(app)


@run_async
async def test_no_system_clipboard_says_nothing_when_osc52_carried_the_copy(monkeypatch):
    """Over SSH/tmux there is no pyperclip backend, and OSC 52 did the job: no "unavailable" warning."""
    import pyperclip

    def no_backend(text):
        raise pyperclip.PyperclipException("could not find a copy/paste mechanism")

    monkeypatch.setattr(pyperclip, "copy", no_backend)
    app = make_app([SEED], system_clipboard=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter", "y")
        await settle(pilot)
        await pilot.press("Y")
        await settle(pilot)
        assert app.is_running
        assert app.clipboard.startswith("Хотел бы")  # OSC 52 carried both
        assert not any("system clipboard" in n.lower() for n in notices(app)), notices(app)
        assert sum(n.startswith("Copied") for n in notices(app)) == 2


@run_async
async def test_system_clipboard_is_used_when_osc52_fails(monkeypatch):
    import pyperclip
    from textual.app import App

    got = []
    monkeypatch.setattr(App, "copy_to_clipboard", lambda self, text: 1 / 0)
    monkeypatch.setattr(pyperclip, "copy", got.append)
    app = make_app([SEED], system_clipboard=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter", "y")
        await settle(pilot)
        assert got and got[0].startswith("«Хотел бы")
        assert any(n.startswith("Copied") for n in notices(app)), notices(app)
        assert not any("could not" in n.lower() for n in notices(app)), notices(app)


@run_async
async def test_both_clipboards_failing(monkeypatch):
    import pyperclip
    from textual.app import App

    monkeypatch.setattr(App, "copy_to_clipboard", lambda self, text: 1 / 0)
    monkeypatch.setattr(pyperclip, "copy", lambda text: 1 / 0)
    app = make_app([SEED], system_clipboard=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter", "y", "Y")
        await settle(pilot)
        assert app.is_running and app.return_code in (None, 0)
        assert sum("clipboard" in n.lower() for n in notices(app)) >= 2


# ------------------------------------------------------------------------------------------ nothing lost
def _snapshot(root: Path) -> dict[str, tuple]:
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in sorted(dirnames + filenames):
            p = Path(dirpath) / name
            st = p.lstat()
            data = p.read_bytes() if p.is_file() and not p.is_symlink() else None
            out[str(p.relative_to(root))] = (st.st_mode, st.st_size, st.st_mtime_ns, data)
    return out


class _WriteRecorder:
    """Every write-ish operation of the process (any thread), via audit hooks (they cannot be removed,
    so one hook is installed once and switched on and off)."""

    events: list[tuple[str, str]] | None = None
    installed = False
    _WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        rec = cls.events
        if rec is None:
            return
        if event == "open":
            path, mode, flags = (tuple(args) + (None, None, None))[:3]
            if isinstance(path, int) or path is None:
                return
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & cls._WRITE_FLAGS
            )
            if writing:
                rec.append(("open-write", os.fsdecode(path)))
        elif event in (
            "os.rename",
            "os.remove",
            "os.rmdir",
            "os.mkdir",
            "os.chmod",
            "os.chown",
            "os.utime",
            "os.truncate",
            "os.link",
            "os.symlink",
            "shutil.rmtree",
            "shutil.move",
        ):
            for a in args[:2]:
                if isinstance(a, (str, bytes, os.PathLike)):
                    rec.append((event, os.fsdecode(a)))
        elif event in ("fcntl.flock", "fcntl.lockf"):
            rec.append((event, str(args[0])))

    @classmethod
    def start(cls) -> list[tuple[str, str]]:
        if not cls.installed:
            sys.addaudithook(cls.hook)
            cls.installed = True
        cls.events = []
        return cls.events

    @classmethod
    def stop(cls) -> None:
        cls.events = None


@pytest.mark.slow
@run_async
async def test_a_full_session_never_touches_the_dispatches_and_writes_only_cache_and_config(tmp_path, monkeypatch):
    import shutil

    library = tmp_path / "library"
    shutil.copytree(SAMPLES, library)
    os.utime(library / "02_tass_raschistka-kunovki.txt", ns=(1_000_000_000, 1_000_000_000))
    home = tmp_path / "home"
    home.mkdir()
    cache_dir, config_dir = tmp_path / "cache", tmp_path / "config"
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    before = _snapshot(library)
    files, _ = load.discover([str(library)])
    from dispatchtui.app.app import DispatchApp

    app = DispatchApp(files, loader=load, analyser=None, theme=None, system_clipboard=False, lang="en")
    events = _WriteRecorder.start()
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"Рахмона")  # library full-text search
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ReaderScreen)
            await pilot.press("escape", "3", "enter", "y", "Y")  # copy quote, paragraph
            await settle(pilot)
            await pilot.press("1", "slash", *"Таджикистан", "enter", "escape")
            await pilot.press("right_square_bracket")
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            await pilot.press("escape", "down", "down", "enter")  # another dispatch
            await settle(pilot)
            await pilot.press("y", "left_square_bracket")
            await settle(pilot)
            app.theme = "nord"  # persisted in the config
            await pilot.pause()
            await pilot.press("q")
            await pilot.pause()
    finally:
        _WriteRecorder.stop()
    assert _snapshot(library) == before  # bytes, sizes, mtimes, modes, listing
    assert not any(home.rglob("*")), list(home.rglob("*"))  # nothing in HOME or the XDG dirs
    assert any(cache_dir.rglob("*.json")), "the session analysed dispatches: the cache was written"
    allowed = (str(cache_dir) + os.sep, str(config_dir) + os.sep)
    outside = [
        (e, p)
        for e, p in events
        if not os.path.abspath(p).startswith(allowed)
        and not (e == "os.mkdir" and os.path.abspath(p) in (str(cache_dir), str(config_dir)))
    ]
    assert outside == [], outside
    assert not [e for e in events if e[0].startswith("fcntl")]
    # atomic: files are only ever created under a temporary name, then renamed into place
    for e, p in events:
        if e == "open-write":
            name = os.path.basename(p)
            assert name.startswith(".tmp-") or name.endswith(".tmp"), f"written in place: {p}"
    renamed = [p for e, p in events if e == "os.rename"]
    assert renamed, "atomic writes rename their temporary file"


# ------------------------------------------------------------------------------------------ the CLI side
@pytest.mark.slow
def test_cli_messages_never_carry_raw_escapes_from_file_names(tmp_path):
    """One line per bad file; a hostile file name is escaped (``\\x1b``), never sent to the terminal."""
    import subprocess

    folder = _build_hostile_folder(tmp_path)
    env = dict(os.environ, DISPATCHTUI_CACHE_DIR=str(tmp_path / "cache"), DISPATCHTUI_MAX_BYTES="20000")
    missing = str(tmp_path / "\x1b]0;owned\x07missing.txt")
    out = subprocess.run(
        [sys.executable, "-m", "dispatchtui", "extract", str(folder), missing],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert out.returncode == 1
    lines = out.stderr.splitlines()
    assert not _RAW_CONTROL.search(out.stderr.replace("\n", "")), out.stderr
    assert any("13_\\x1b[31m[bold]evil\\x07.txt: binary file" in line for line in lines), lines
    assert any("\\x1b]0;owned\\x07missing.txt: no such file" in line for line in lines), lines
    for name, reason in EXPECTED_REASONS.items():
        if name not in ("08_unreadable.txt", "09_vanished.txt"):  # (not monkeypatched / not deleted here)
            assert any(name in line and reason in line for line in lines), (name, lines)
    assert len(out.stdout.splitlines()) == 6  # the good ones (and 08, 09) still came out (jsonl)
    # the reader's own entry point, with nothing it can open
    out = subprocess.run(
        [sys.executable, "-m", "dispatchtui", missing], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.returncode != 0
    assert "\\x1b]0;owned\\x07missing.txt" in out.stderr and not _RAW_CONTROL.search(out.stderr.replace("\n", ""))


def test_run_app_with_nothing_to_open_escapes_the_path(tmp_path, capsys):
    from dispatchtui.app import run_app

    assert run_app([str(tmp_path / "\x1b[2Jgone.txt")], lang="en") == 2
    err = capsys.readouterr().err
    assert "\\x1b[2Jgone.txt: no such file" in err and "\x1b" not in err
