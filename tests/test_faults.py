"""Load and faults (issue 16): thousands of files created, rewritten and deleted while the library is open;
the reader's analysis process killed mid-work. Nothing of the user's is lost or touched, the reader stays
usable, and each failure is one notice."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import threading
import time

import pytest

from app_fakes import SEED, fake_analyse, record_notices, run_async, settle
from dispatchtui import load
from dispatchtui.app.screens.reader import ReaderScreen

N_FILES = 2000


@pytest.fixture(autouse=True)
def _dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DISPATCHTUI_CACHE_DIR", str(tmp_path / "cache"))


def dispatch(i: int, version: int = 0) -> str:
    return (
        f"Сообщение номер {i}\n\nМОСКВА, 8 августа. /ТАСС/. Версия {version}: министр сообщил о "
        f'расчистке реки номер {i}. "Работы завершатся в срок", - сказал он.\n'
    )


class Churn(threading.Thread):
    """Rewrites, deletes, recreates and replaces by FIFOs the files of a folder until stopped, and
    remembers what each file should hold at the end (None: deleted; "fifo")."""

    def __init__(self, folder, n: int) -> None:
        super().__init__(daemon=True)
        self.folder, self.n = folder, n
        self.state: dict[str, object] = {}
        self.stop = threading.Event()
        self.ops = 0

    def run(self) -> None:
        rng = random.Random(16)
        while not self.stop.is_set():
            i = rng.randrange(self.n + 200)  # also files the library never listed
            path = os.path.join(self.folder, f"{i}.txt")
            op = rng.random()
            try:
                if os.path.exists(path) and not os.path.isfile(path):
                    os.unlink(path)  # a FIFO goes away again
                    self.state[path] = None
                elif op < 0.55:  # rewritten (or created)
                    data = dispatch(i, rng.randrange(1000)).encode("utf-8")
                    with open(path, "wb") as fh:  # in place, as an editor without a temp file would
                        fh.write(data[: len(data) // 2])
                        fh.flush()
                        fh.write(data[len(data) // 2 :])
                    self.state[path] = data
                elif op < 0.85:
                    os.unlink(path)
                    self.state[path] = None
                elif hasattr(os, "mkfifo"):
                    if os.path.exists(path):
                        os.unlink(path)
                    os.mkfifo(path)
                    self.state[path] = "fifo"
            except FileNotFoundError:
                pass
            self.ops += 1
            if self.ops % 50 == 0:
                time.sleep(0.001)  # let the app's threads in


@pytest.mark.slow
@run_async
async def test_the_library_under_thousands_of_changes_stays_usable_and_touches_nothing(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    for i in range(N_FILES):
        (folder / f"{i}.txt").write_text(dispatch(i), encoding="utf-8")
    files, errors = load.discover([str(folder)])
    assert len(files) == N_FILES and errors == []
    from dispatchtui.app.app import DispatchApp

    churn = Churn(str(folder), N_FILES)
    app = DispatchApp(
        files, loader=load, analyser=fake_analyse, theme="textual-dark", system_clipboard=False, lang="en"
    )
    said = record_notices(app)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot)
            churn.start()
            before = len(said)
            await pilot.press("enter")  # open the first dispatch, then walk the folder
            reader = app.screen
            assert isinstance(reader, ReaderScreen)
            opened = failed = 0
            for _ in range(40):
                t = time.perf_counter()
                await asyncio.wait_for(settle(pilot), 30)  # never a hang
                assert time.perf_counter() - t < 30
                path = app.session.paths[reader.index]
                if reader.state == "ready":
                    opened += 1
                    assert reader.dispatch.text.startswith("Сообщение номер")
                else:
                    assert reader.state == "failed", reader.state
                    failed += 1
                    mine = [
                        n
                        for n in said[before:]
                        if n.endswith(os.sep + os.path.basename(path) + ": " + app.session.text(reader.index).reason)
                    ]
                    assert len(mine) == 1, (path, said[before:])  # one notice for the file, with its reason
                    assert mine[0].startswith("Cannot open")
                before = len(said)
                await pilot.press("right_square_bracket")
            await pilot.press("escape", "slash")  # full-text search over the changing folder
            await pilot.press(*"расчистке", "enter")
            await asyncio.wait_for(settle(pilot), 60)
            assert app.is_running
            assert opened > 0 and churn.ops > 500
    finally:
        churn.stop.set()
        churn.join(10)
    # nothing of the user's lost or touched: every file holds exactly what the churn last put there
    for i in range(N_FILES + 200):
        path = os.path.join(str(folder), f"{i}.txt")
        want = churn.state.get(path, dispatch(i).encode("utf-8") if i < N_FILES else None)
        if want is None:
            assert not os.path.lexists(path), path
        elif want == "fifo":
            assert os.path.exists(path) and not os.path.isfile(path), path
        else:
            with open(path, "rb") as fh:
                assert fh.read() == want, path
    assert sorted(os.listdir(folder)) == sorted(
        os.path.basename(p)
        for p, w in {**{os.path.join(str(folder), f"{i}.txt"): b"" for i in range(N_FILES)}, **churn.state}.items()
        if w is not None
    )


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kills a process")
@run_async
async def test_the_analysis_process_killed_mid_work_is_one_notice_and_the_reader_goes_on(tmp_path):
    """The real analysis process (the NER model loads in it: a few seconds), killed while it analyses a
    big dispatch: the text stays on screen, one notice says so, the next dispatch is analysed by a fresh
    process, and the killed one's file is untouched."""
    seed = SEED.read_text(encoding="utf-8")
    big = tmp_path / "1_big.txt"
    big.write_text("\n\n".join([seed] * 60), encoding="utf-8")  # ~300 KB: a minute of analysis
    small = tmp_path / "2_small.txt"
    small.write_text(seed, encoding="utf-8")
    big_bytes = big.read_bytes()
    from dispatchtui.app.app import DispatchApp

    app = DispatchApp(
        [str(big), str(small)],
        loader=load,
        theme="textual-dark",
        system_clipboard=False,
        lang="en",
        analysis_process=True,
    )
    said = record_notices(app)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # the library lists the two: open the big one
            await pilot.pause()
            reader = app.screen
            assert isinstance(reader, ReaderScreen)
            worker = app.session._process  # our own object: its child process is what we kill
            deadline = time.monotonic() + 120
            while (worker._proc is None or reader.state != "analysing") and time.monotonic() < deadline:
                await pilot.pause(0.1)
            assert reader.state == "analysing" and worker._proc is not None
            await pilot.pause(1.0)  # the job is in the process now
            before = len(said)
            os.kill(worker._proc.pid, signal.SIGKILL)
            await asyncio.wait_for(settle(pilot), 60)
            assert reader.state == "failed"
            assert reader.dispatch is not None and reader.dispatch.text.startswith(seed[:40])  # text still shown
            new = said[before:]
            assert len(new) == 1 and new[0].startswith("Analysis failed") and "stopped" in new[0], new
            await pilot.press("right_square_bracket")  # the reader goes on: a fresh process analyses the next
            deadline = time.monotonic() + 180
            while reader.state != "ready" and time.monotonic() < deadline:
                await pilot.pause(0.2)
            assert reader.index == 1 and reader.state == "ready" and reader.dispatch.quotes
            assert said[before:] == new  # no second notice for the same failure
    finally:
        app.session.close()
    assert big.read_bytes() == big_bytes
