"""End to end: the installed ``dispatchtui`` console script in a real terminal (tmux).

Needs the real analysis (quotes, people) — it fails until the core's scanner and NER have landed.
Uses its own tmux socket and always kills that server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

#: end to end in tmux: seconds of real time per test (the everyday run skips them; CI runs them)
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "01_kaztoday_kosherbaev-v-dushanbe.txt"
SCRIPT = Path(sys.executable).with_name("dispatchtui")


@pytest.fixture(autouse=True)
def _prerequisites():
    # Not a skip: without tmux or the console script this test cannot vouch for anything, so it fails loudly.
    assert shutil.which("tmux"), "the end-to-end tests need tmux (Debian: apt-get install tmux)"
    assert SCRIPT.exists(), f"the dispatchtui console script is not installed next to {sys.executable}"


class Tmux:
    def __init__(self, tmp_path: Path) -> None:
        self.socket = f"dispatchtui-e2e-{uuid.uuid4().hex[:8]}"
        self.tmp = tmp_path

    def __call__(self, *args: str, check: bool = True) -> str:
        out = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20)
        if check and out.returncode != 0:
            raise AssertionError(f"tmux {args}: {out.stderr}")
        return out.stdout

    def start(self, command: str) -> None:
        env = {
            "DISPATCHTUI_CONFIG_DIR": str(self.tmp / "config"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color",
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(self.tmp),
        }
        exports = " ".join(f"{k}={v!r}" for k, v in env.items())
        self(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "140",
            "-y",
            "40",
            "-s",
            "e2e",
            f"env -i {exports} {command}; sleep 30",
        )
        self("set", "-g", "set-clipboard", "on")

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")

    def keys(self, *keys: str) -> None:
        for k in keys:
            self("send-keys", "-t", "e2e", k)
            time.sleep(0.15)

    def wait_for_buffer(self, text: str, timeout: float = 10) -> str:
        """The tmux paste buffer (what OSC 52 copied) once it holds ``text``, or its last value."""
        deadline = time.monotonic() + timeout
        buffer = ""
        while time.monotonic() < deadline:
            buffer = self("show-buffer", check=False)
            if text in buffer:
                break
            time.sleep(0.2)
        return buffer

    def kill(self) -> None:
        self("kill-server", check=False)
        base = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}" / self.socket
        base.unlink(missing_ok=True)  # the socket file outlives the server


@pytest.fixture
def tmux(tmp_path):
    t = Tmux(tmp_path)
    try:
        yield t
    finally:
        t.kill()


def test_open_seed_see_speaker_and_copy_quote(tmux):
    tmux.start(f"{SCRIPT} {SEED}")
    tmux.wait_for("Душанбе")  # the article painted (layout only)
    screen = tmux.wait_for("«Хотел бы", timeout=60)  # the quotes panel, after analysis
    assert "Speakers" in screen or "Персоны" in screen
    # Эмомали Рахмон as a row of the speakers panel (right of the article's border), not just in the text
    assert any("││Эмомали Рахмон" in line for line in screen.splitlines()), screen
    # the Quotes panel lists reported statements too: `r` shows direct quotes only, then the first is copied
    tmux.keys("3", "r", "g", "Enter", "y")
    buffer = tmux.wait_for_buffer("Хотел бы подчеркнуть")
    assert "Хотел бы подчеркнуть" in buffer, buffer
    assert "Кошербаев" in buffer
    tmux.keys("q")


def test_markup_in_dispatch_is_shown_literally(tmux, tmp_path):
    evil = tmp_path / "evil.txt"
    evil.write_text("[bold]жирный[/bold] [@click=app.quit]выход[/]\n\nВторой абзац.\n", encoding="utf-8")
    tmux.start(f"{SCRIPT} {evil}")
    screen = tmux.wait_for("Второй абзац")
    assert "[bold]жирный[/bold]" in screen
    assert "[@click=app.quit]выход[/]" in screen


def test_people_view_across_the_folder_and_copy(tmux, tmp_path):
    """A folder in the library: indexed in the background (the counts fill the table), P lists who is
    quoted across it, enter shows a person's statements, y copies one with its attribution."""
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "01.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "02.txt").write_text("Погода в Москве\n\nВ столице ожидаются дожди и ветер.\n", encoding="utf-8")
    # this tree's code (the console script may belong to another checkout's editable install)
    tmux.start(f"env PYTHONPATH={ROOT / 'src'} {SCRIPT} {folder}")
    tmux.wait_for("Headline")  # the table's header
    tmux.wait_for("Ермек Кошербаев", timeout=90)  # the main speaker, from the index
    tmux.keys("P")
    screen = tmux.wait_for("Statements: ", timeout=20)
    assert "Ермек Кошербаев" in screen and "Direct" in screen
    tmux.keys("Enter", "y")
    buffer = tmux.wait_for_buffer("Кошербаев", timeout=20)
    assert buffer.startswith("«") and "— Ермек Кошербаев" in buffer, buffer
    tmux.keys("Enter")  # the statement, in its dispatch
    tmux.wait_for("1 Article", timeout=20)
    tmux.keys("q", "q")
