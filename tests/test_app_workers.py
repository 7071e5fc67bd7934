"""The reader's workers stop when the reader no longer wants their work: leaving a huge dispatch stops its
analysis in the analysis process (observed in the process table), and a result that comes back for a
dispatch the reader left is not painted over the one shown."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from app_fakes import SEED, fake_analyse, make_app, run_async, settle
from dispatchtui import load
from dispatchtui.app.analyst import KILL_FROM_CHARS


@pytest.fixture(autouse=True)
def _config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCHTUI_CONFIG_DIR", str(tmp_path / "config"))


def analysis_processes() -> set[int]:
    """Our live children that run the analysis (a killed one that is reaped, or a zombie, has no command line)."""
    me, out = os.getpid(), set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == me and b"dispatchtui.app.analyst" in cmdline:
            out.add(int(pid))
    return out


async def wait_until(pilot, condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.1)
    return condition()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
@run_async
async def test_leaving_a_huge_dispatch_stops_its_analysis(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    huge = tmp_path / "huge.txt"
    huge.write_text("\n\n".join([text] * (KILL_FROM_CHARS // len(text) + 2)), encoding="utf-8")
    before = analysis_processes()
    app = make_app([huge], loader=load, segmenter=None, analyser=None, analysis_process=True)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            assert await wait_until(pilot, lambda: analysis_processes() - before, 20), "no analysis started"
            await pilot.pause(1.0)
            assert analysis_processes() - before  # still at it: minutes for this text
            assert app.screen.state == "analysing"
            await pilot.press("q")  # back to the library
            await pilot.pause()
            assert app.screen.id == "library"
            assert await wait_until(pilot, lambda: not (analysis_processes() - before), 5), (
                "the analysis of the dispatch left behind still runs"
            )
    finally:
        app.session.close()


@run_async
async def test_an_analysis_that_ends_after_the_reader_moved_on_is_not_painted(tmp_path):
    first, second = tmp_path / "1.txt", tmp_path / "2.txt"
    first.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    second.write_text("Погода в Москве\n\nДожди и ветер.\n", encoding="utf-8")
    release = threading.Event()

    def slow_for_the_first(d):
        if "Душанбе" in d.text:
            release.wait(10)
        return fake_analyse(d)

    app = make_app([first, second], analyser=slow_for_the_first)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_reader(0)
        await pilot.pause(0.3)
        screen = app.screen
        assert screen.state == "analysing"
        await pilot.press("right_square_bracket")  # on to the second before the first is done
        assert await wait_until(pilot, lambda: screen.state == "ready", 5)
        assert screen.dispatch.text.startswith("Погода")
        release.set()  # the first one's analysis comes back now
        await settle(pilot)
        assert screen.dispatch.text.startswith("Погода")
        assert [e.key for e in screen.panel("speakers").entries] == []
