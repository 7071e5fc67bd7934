#!/usr/bin/env python3
"""The cost budget of one huge dispatch (issue 16): ``extract`` on a ~16 MB text made of the corpus's
articles concatenated, as ratios to reading it and to its size.

usage: .venv/bin/python benchmarks/bench_big.py [--mb 15.9] [--stages] [--keep]

Three fresh interpreters, each timed with its peak resident memory (``getrusage`` of the child; its
CPU seconds include its worker processes'):
reading the file (``load_path``: read, decode, normalize), loading the model alone, and
``dispatchtui extract --no-cache FILE``. ``--stages`` also runs the analysis in this process stage by
stage (layout: for a huge text only its outline, its sentences and repeats are found in the parts; then the
parts a huge text is analysed in by worker processes, see ``analysis/parts.py``, as one line; with workers
not allowed: quotes, reported speech, people, speakers, topics) with the time, the CPU seconds of this
process and of its worker processes, and the peak memory growth of each (a worker's CPU is counted at the
stage where its pool ends): on a loaded machine the wall time says little.
Goals: analysed in well under a minute; memory over the model's under 4x the file's size.
Not collected by pytest.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = Path(os.environ.get("DISPATCHTUI_BENCH_CORPUS", "/work/shared/corpus"))
if not CORPUS.is_dir():
    CORPUS = ROOT / "samples"
PY = sys.executable
MB = 1024 * 1024


def make_text(path: Path, mb: float) -> int:
    """Corpus articles one after another (a blank line between) up to ``mb`` MB; returns the size."""
    arts = [p.read_text(encoding="utf-8").strip() + "\n\n" for p in sorted(CORPUS.glob("*.txt"))]
    target, size, i, out = int(mb * MB), 0, 0, []
    while True:
        a = arts[i % len(arts)]
        b = len(a.encode("utf-8"))
        if size + b > target:
            break
        out.append(a)
        size += b
        i += 1
    path.write_text("".join(out), encoding="utf-8")
    return size


#: CPU seconds (user + system) of the last child :func:`timed` ran: on a loaded machine the wall time
#: says more about the other processes than about this one.
CPU = [0.0]


def timed(argv: list[str], env: dict[str, str], own_clock: bool = False) -> tuple[float, int, int]:
    """(seconds, peak RSS in bytes, exit code) of one child process: its wall time, or with ``own_clock``
    the seconds it prints (the work without the interpreter's start-up). Its CPU seconds go to ``CPU``."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = r0.ru_maxrss
    t = time.perf_counter()
    p = subprocess.run(
        argv, env=env, stdout=subprocess.PIPE if own_clock else subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    wall = float(p.stdout) if own_clock and not p.returncode else time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[0] = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
    peak = r1.ru_maxrss
    if peak <= before:
        print("  (peak RSS of this child not above an earlier one: figure is an upper bound)", file=sys.stderr)
    if p.returncode:
        print(p.stderr.decode("utf-8", "replace")[-2000:], file=sys.stderr)
    return wall, peak * 1024, p.returncode


def stages(path: Path) -> None:
    """Each stage of the analysis in this process: time and peak growth of the resident memory."""
    sys.path.insert(0, str(ROOT / "src"))
    from dispatchtui.analysis import analyze, one_blas_thread, outline, segment
    from dispatchtui.analysis.parts import in_parts

    one_blas_thread()
    from dispatchtui import load
    from dispatchtui.analysis.nlp import allow_processes, preload

    allow_processes(min(4, os.cpu_count() or 1))  # as extract does for a file it analyses in its process

    def rss() -> int:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    peak = [0]

    def sample() -> None:
        while True:
            peak[0] = max(peak[0], rss())
            time.sleep(0.02)

    threading.Thread(target=sample, daemon=True).start()
    preload()
    current = {"name": None, "t": 0.0, "rss": 0, "cpu": 0.0, "workers": 0.0}

    def workers_cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    def on_stage(name: str) -> None:
        if name.startswith("parts "):  # a huge text analysed in parts: "parts 0/36" … "parts 36/36", one line
            if str(current["name"]).startswith("parts"):
                return
            name = f"parts ({name.split('/')[-1]})"
        now, cpu, workers = time.perf_counter(), time.process_time(), workers_cpu()
        if current["name"] is not None:
            print(
                f"  {current['name']:16} {now - current['t']:7.1f} s   cpu {cpu - current['cpu']:6.1f} s"
                f" + workers {workers - current['workers']:5.1f} s   peak +{(peak[0] - current['rss']) / MB:5.0f} MB",
                flush=True,
            )
        current.update(name=name, t=now, rss=rss(), cpu=cpu, workers=workers)
        peak[0] = current["rss"]

    print(f"stages (model loaded: {rss() / MB:.0f} MB resident)")
    on_stage("read")
    loaded = load.load_path(str(path))
    on_stage("layout")
    # as extract does: a text analysed in parts is only outlined here, laid out beside its parts
    d = (outline if in_parts(loaded.text) else segment)(loaded.text, source=str(path))
    analyze(d, on_stage=on_stage)
    on_stage("end")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=15.9, help="size of the dispatch (default 15.9: under the 16 MB limit)")
    ap.add_argument("--stages", action="store_true", help="also time each stage in this process")
    ap.add_argument("--keep", action="store_true", help="leave the generated file in the temp dir")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="dispatchtui-big-"))
    path = tmp / "big.txt"
    size = make_text(path, args.mb)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DISPATCHTUI_CACHE_DIR": str(tmp / "cache")}
    print(f"big dispatch: {size / MB:.1f} MB ({path})", flush=True)
    src = str(ROOT / "src")
    read_t, read_rss, _ = timed(
        [
            PY,
            "-c",
            f"import sys, time; sys.path.insert(0, {src!r}); t = time.perf_counter(); "
            f"from dispatchtui import load; load.load_path({str(path)!r}); "
            "print(time.perf_counter() - t)",
        ],
        env,
        own_clock=True,
    )
    model_t, model_rss, _ = timed(
        [
            PY,
            "-c",
            f"import sys; sys.path.insert(0, {src!r}); "
            "from dispatchtui.analysis import one_blas_thread; one_blas_thread(); "
            "from dispatchtui.analysis.nlp import preload; preload()",
        ],
        env,
    )
    model_cpu = CPU[0]
    ext_t, ext_rss, code = timed([PY, "-m", "dispatchtui", "extract", "--no-cache", str(path)], env)
    ext_cpu = CPU[0]
    over = ext_rss - model_rss
    print(f"  reading it (load_path: read, decode, normalize) {read_t:5.2f} s   peak RSS {read_rss / MB:6.0f} MB")
    print(
        f"  the model alone (fresh interpreter)        {model_t:7.1f} s   peak RSS {model_rss / MB:6.0f} MB"
        f"   cpu {model_cpu:6.1f} s"
    )
    exit_note = "" if code == 0 else f" (exit {code})"
    print(
        f"  extract --no-cache{exit_note:24} {ext_t:7.1f} s   peak RSS {ext_rss / MB:6.0f} MB"
        f"   cpu {ext_cpu:6.1f} s (wall / cpu: {ext_t / max(ext_cpu, 1e-9):.1f}, above 1 on a loaded machine)"
    )
    print(
        f"extract, {size / MB:.1f} MB dispatch: {ext_t:.0f} s = {ext_t / read_t:.0f}x reading it "
        f"({'MET' if ext_t < 60 else 'MISSED'}: goal well under a minute); "
        f"peak RSS {ext_rss / MB:.0f} MB = {ext_rss / size:.1f}x its size, "
        f"{over / MB:.0f} MB over the model = {over / size:.1f}x its size "
        f"({'MET' if over < 4 * size else 'MISSED'}: goal < 4x)",
        flush=True,
    )
    if args.stages:
        stages(path)
    if not args.keep:
        for p in sorted(tmp.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
        tmp.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
