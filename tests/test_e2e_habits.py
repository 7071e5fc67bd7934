"""End to end, a pager user's habits (issue 14): the installed console script in tmux, keys in, screen or
clipboard out. Uses its own tmux socket per test and always kills that server."""

from __future__ import annotations

import os
import shlex
import time

import pytest

from test_e2e_tmux import ROOT, SCRIPT, SEED, Tmux, _prerequisites  # noqa: F401 - the autouse fixture

#: end to end in tmux: seconds of real time per test (the everyday run skips them; CI runs them)
pytestmark = pytest.mark.slow

SAMPLES = ROOT / "samples"


class Term(Tmux):
    def start(self, command: str, size: tuple[int, int] = (140, 40), env: dict[str, str] | None = None) -> None:
        base = {
            "DISPATCHTUI_CONFIG_DIR": str(self.tmp / "config"),
            "DISPATCHTUI_CACHE_DIR": str(self.tmp / "cache"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color",
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(self.tmp),
        }
        base.update(env or {})
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in base.items())
        self(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            "-s",
            "e2e",
            f"env -i {exports} {command}; echo DISPATCHTUI-EXITED-$?; sleep 30",
        )
        self("set", "-g", "set-clipboard", "on")

    def buffer_with(self, text: str, timeout: float = 10) -> str:
        deadline = time.monotonic() + timeout
        buffer = ""
        while time.monotonic() < deadline:
            buffer = self("show-buffer", check=False)
            if text in buffer:
                return buffer
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never reached the clipboard: {buffer!r}\n{self.screen()}")

    def gone(self, text: str, timeout: float = 10) -> str:
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while time.monotonic() < deadline and text in screen:
            time.sleep(0.2)
            screen = self.screen()
        assert text not in screen, screen
        return screen


@pytest.fixture
def term(tmp_path):
    t = Term(tmp_path)
    try:
        yield t
    finally:
        t.kill()


def _reader_ready(term: Term) -> str:
    term.wait_for("Душанбе")
    return term.wait_for("«Хотел бы", timeout=60)  # the quotes panel, after the analysis


def test_find_enter_returns_to_the_text_and_n_repeats_after_the_bar_is_closed(term):
    term.start(f"{SCRIPT} {SEED}")
    _reader_ready(term)
    term.keys("/", "Кошербаев", "Enter")
    screen = term.wait_for("1/")
    term.keys("n")  # not typed into the bar: the next match
    screen = term.wait_for("2/")
    assert "Кошербаевn" not in screen
    term.keys("Escape")  # the bar closes, the search stays in force
    screen = term.wait_for("/Кошербаев 2/")  # in the status line
    term.keys("n")
    term.wait_for("/Кошербаев 3/")
    term.keys("N", "N")
    term.wait_for("/Кошербаев 1/")
    term.keys("/")  # the last query, selected: typing replaces it
    term.keys("Рахмон", "Enter")
    screen = term.wait_for("1/")
    assert "КошербаевРахмон" not in screen
    term.keys("Escape", "Escape")  # closed, then cleared
    term.gone("/Рахмон ")


def test_q_goes_back_one_level_and_quits_from_the_library(term):
    term.start(f"{SCRIPT} {SAMPLES}")
    term.wait_for("Library")
    term.keys("Enter")
    _reader_ready(term)
    term.keys("q")  # reader → library, not out of the program
    screen = term.wait_for("Library")
    assert "DISPATCHTUI-EXITED" not in screen
    term.keys("Enter")
    _reader_ready(term)
    term.keys("Q")  # at once
    term.wait_for("DISPATCHTUI-EXITED-0")


def test_j_and_k_move_in_the_side_panels(term):
    term.start(f"{SCRIPT} {SEED}")
    _reader_ready(term)
    term.keys("3", "r", "g", "y")  # direct quotes only (the panel lists reported statements too)
    first = term.buffer_with("«")
    term.keys("j", "y")
    second = term.buffer_with("«Для Казахстана")
    assert second != first and "Хотел бы" in first
    term.keys("k", "y")
    term.buffer_with("«Хотел бы")


def test_help_is_grouped_translated_and_without_editing_keys(term):
    term.start(f"{SCRIPT} --lang ru {SEED}", size=(80, 24))
    term.wait_for("Душанбе")
    term.keys("?")
    term.wait_for("Панели")
    screen = term.wait_for("Перейти")  # (the help paints in steps under load: wait for its last group too)
    for section in ("Чтение", "Текст", "Поиск"):
        assert section in screen, screen
    assert "Перейти" in screen  # enter in the panels
    assert "Delete" not in screen and "ctrl+" not in screen.lower()
    term.keys("Escape")
    term.gone("Панели")


def test_copy_is_whole_and_over_tmux_says_nothing_about_a_system_clipboard(term):
    term.start(f"{SCRIPT} {SEED}")
    _reader_ready(term)
    term.keys("3", "r", "g", "Enter", "y")
    buffer = term.buffer_with("Кошербаев")
    assert buffer.startswith("«Хотел бы подчеркнуть") and "», — Ермек Кошербаев" in buffer
    screen = term.wait_for("Copied")
    assert "unavailable" not in screen and "недоступен" not in screen


@pytest.mark.parametrize("size", [(80, 24), (140, 40), (200, 50)])
def test_the_key_line_keeps_help_and_back_at_every_size(term, size):
    term.start(f"{SCRIPT} {SEED}", size=size)
    term.wait_for("Душанбе")
    screen = term.wait_for("q Back")  # the key line comes right after the first paint
    footer = screen.rstrip("\n").splitlines()[-1]
    assert "? Help" in footer and "q Back" in footer, footer
    if size[0] == 200:  # the article stops at its measure
        body = [line for line in screen.splitlines() if line.startswith("│")]
        widths = [line.index("│", 1) for line in body if "│" in line[1:]]
        assert widths and max(widths) <= 110, widths


def test_inputs_that_failed_are_said_in_the_app(term, tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    for n in range(2):
        (good / f"{n}.txt").write_text(f"Заголовок {n}\n\nМОСКВА, 8 августа. /ТАСС/. Текст {n}.\n", encoding="utf-8")
    term.start(f"{SCRIPT} {good} {tmp_path / 'missing'}")
    screen = term.wait_for("Library")
    screen = term.wait_for("missing")
    assert "Could not open 1" in screen, screen


def test_o_opens_the_source_in_the_pager_and_comes_back(term, tmp_path):
    out = tmp_path / "pager-args"
    pager = tmp_path / "pager.sh"
    pager.write_text(f'#!/bin/sh\necho "$@" > {out}\n', encoding="utf-8")
    pager.chmod(0o755)
    term.start(f"{SCRIPT} {SEED}", env={"PAGER": str(pager), "EDITOR": f"{pager} --editor"})
    _reader_ready(term)
    term.keys("o")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not out.exists():
        time.sleep(0.2)
    assert out.read_text(encoding="utf-8").strip() == str(SEED)
    term.wait_for("Душанбе")  # back in the reader
    out.unlink()
    term.keys("e")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not out.exists():
        time.sleep(0.2)
    assert out.read_text(encoding="utf-8").strip() == f"--editor {SEED}"
    term.keys("q", "q")
    term.wait_for("DISPATCHTUI-EXITED")
