#!/usr/bin/env python3
"""The library as a table (issue #13): first paint against a bare Textual app's, keys while the folder is
indexed in the background, sorting the index's rows in memory.

usage: PYTHONPATH=src .venv/bin/python benchmarks/bench_library.py [--n 2000] [--rows 100000] [--keys 200]

Prints, in one run (headless Textual, ``App.run_test``):
- first paint (the app started until its first screen is on screen), median of 5: a bare ``App`` with one
  ``Static``, and the library on a generated folder of ``--n`` dispatches (copies of the corpus under distinct
  names; the library paints from the peeks of the rows in view and never waits for the index) — ratio
  (goal <= 2);
- keys during indexing: ``--keys`` presses of ``j``/``k`` in the library while a :class:`BackgroundIndexer`
  indexes that folder from scratch in its own process: median and worst time per key (goal: worst < 100 ms);
- the table's order of ``--rows`` index rows sorted in memory (``Catalog.order``: date, agency, statements,
  and one agency filtered), ms (goal < 100).
Not collected by pytest.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("/work/shared/corpus") if Path("/work/shared/corpus").is_dir() else ROOT / "samples"


def make_folder(root: Path, n: int) -> Path:
    texts = sorted(CORPUS.glob("*.txt"))
    d = root / f"wire-{n}"
    d.mkdir()
    for i in range(n):
        src = texts[i % len(texts)]
        try:
            os.link(src, d / f"{i:06d}.txt")
        except OSError:
            shutil.copyfile(src, d / f"{i:06d}.txt")
    return d


async def _first_paint(make) -> float:
    """From the app's start to the end of its first frame (the compositor's first full render: the moment
    the terminal would get the screen)."""
    from textual._compositor import Compositor

    app = make()
    done: list[float] = []
    real = Compositor.render_full_update

    def spy(self, *args, **kwargs):
        out = real(self, *args, **kwargs)
        if not done:
            done.append(time.perf_counter())
        return out

    Compositor.render_full_update = spy
    try:
        t = time.perf_counter()
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
    finally:
        Compositor.render_full_update = real
    return done[0] - t


def first_paints(folder: Path) -> tuple[float, float]:
    from textual.app import App
    from textual.widgets import Static

    from dispatchtui import load
    from dispatchtui.app.app import DispatchApp

    class Bare(App):
        def compose(self):
            yield Static("hello")

    files, _ = load.discover([str(folder)])

    def library():
        return DispatchApp(
            files,
            loader=load,
            roots=[str(folder)],
            theme="textual-dark",
            system_clipboard=False,
            lang="en",
            index_in_background=False,
            watch=False,
        )

    bare = statistics.median(asyncio.run(_first_paint(Bare)) for _ in range(5))
    lib = statistics.median(asyncio.run(_first_paint(library)) for _ in range(5))
    return bare, lib


async def _keys_while_indexing(folder: Path, presses: int) -> tuple[list[float], object, list[float]]:
    from dispatchtui import load
    from dispatchtui.app.app import DispatchApp

    files, _ = load.discover([str(folder)])
    app = DispatchApp(
        files, loader=load, roots=[str(folder)], theme="textual-dark", system_clipboard=False, lang="en", watch=False
    )
    times: list[float] = []
    base: list[float] = []
    app._index_in_background = False
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause(0.5)
        for _ in range(presses // 4):  # a baseline: the same keys, the indexer not started yet
            t = time.perf_counter()
            await pilot.press("j")
            base.append(time.perf_counter() - t)
        from dispatchtui.app import indexing

        app._index_in_background = True
        indexing._start_indexer(app)
        deadline = time.monotonic() + 30
        while app.indexer is None and time.monotonic() < deadline:
            await pilot.pause(0.05)
        for n in range(presses):
            t = time.perf_counter()
            await pilot.press("j" if (n // 20) % 2 == 0 else "k")
            times.append(time.perf_counter() - t)
            await asyncio.sleep(0.02)
        progress = app.indexer.progress() if app.indexer is not None else None
    return times, progress, base


def order_times(n: int) -> dict[str, float]:
    from dispatchtui.app.folder import Catalog, Filters
    from dispatchtui.index import DocumentRow

    class Session:
        def __init__(self, paths):
            self.paths = paths

    agencies = ["ТАСС", "РИА Новости", "Интерфакс", None]
    paths = [f"/wire/{i:06d}.txt" for i in range(n)]
    docs = [
        DocumentRow(
            p,
            p,
            None,
            f"Заголовок {i}",
            None,
            f"2019-08-{1 + i % 28:02d}",
            "Москва",
            agencies[i % 4],
            i % 7,
            i % 3,
            ("Дмитрий Песков",),
            False,
            100,
            0.0,
        )
        for i, p in enumerate(paths)
    ]
    docs.sort(key=lambda d: d.date_key, reverse=True)
    cat = Catalog(Session(paths), index=object())
    cat._docs = {d.source: d for d in docs}
    out = {}
    for name, kwargs in (
        ("date", {"sort": "date"}),
        ("agency", {"sort": "agency"}),
        ("statements", {"sort": "statements"}),
        ("agency filter", {"sort": "date", "filters": Filters(agency="ТАСС")}),
    ):
        runs = []
        for _ in range(5):
            t = time.perf_counter()
            cat.order(**kwargs)
            runs.append(time.perf_counter() - t)
        out[name] = statistics.median(runs) * 1000
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--keys", type=int, default=200)
    args = ap.parse_args()
    sys.setswitchinterval(0.0001)  # as run_app sets it (worker threads hand the GIL back quickly)
    tmp = Path(tempfile.mkdtemp(prefix="bench-library-"))
    os.environ["DISPATCHTUI_CACHE_DIR"] = str(tmp / "cache")
    os.environ["DISPATCHTUI_CONFIG_DIR"] = str(tmp / "config")
    try:
        folder = make_folder(tmp, args.n)
        bare, lib = first_paints(folder)
        print(
            f"first paint: bare Textual app {bare * 1000:.0f} ms, library of {args.n} dispatches "
            f"{lib * 1000:.0f} ms — ratio {lib / bare:.2f} (goal <= 2)",
            flush=True,
        )
        times, progress, base = asyncio.run(_keys_while_indexing(folder, args.keys))
        ms = sorted(t * 1000 for t in times)
        b = sorted(t * 1000 for t in base)
        print(f"keys before indexing (pilot.press round trip): median {b[len(b) // 2]:.1f} ms, worst {b[-1]:.1f} ms")
        state = f"{progress.state} {progress.done}/{progress.total}" if progress is not None else "not running"
        print(
            f"keys while indexing ({state} when the keys ended): {len(ms)} presses, median {ms[len(ms) // 2]:.1f} ms,"
            f" p95 {ms[int(len(ms) * 0.95)]:.1f} ms, worst {ms[-1]:.1f} ms (goal: worst < 100)",
            flush=True,
        )
        orders = order_times(args.rows)
        print(
            f"order of {args.rows} index rows in memory: "
            + ", ".join(f"{k} {v:.0f} ms" for k, v in orders.items())
            + " (goal < 100)"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
