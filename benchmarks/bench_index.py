#!/usr/bin/env python3
"""The folder index (issue #13): a generated folder of N dispatches (default 100,000: copies of the corpus
texts under distinct names), indexed in a background process, then the reader's questions timed on it.

usage: .venv/bin/python benchmarks/bench_index.py [--n 100000] [--jobs N] [--throughput-n 3000] [--copy] [--keep]

Prints, in one run:
- indexing throughput on the corpus's distinct texts with nothing cached, as a ratio to
  ``dispatchtui extract --no-cache --jobs N`` (the analysis itself; goal <= 1.10);
- indexing throughput as a ratio to ``dispatchtui extract --jobs N`` on the same folder of ``--throughput-n``
  files (both with the analysis cache warmed on the corpus first, so both reuse the analysis of identical
  texts; goal: the index within 10 %, i.e. ratio <= 1.10);
- the whole N-dispatch folder indexed by :class:`BackgroundIndexer` (seconds, dispatches/s);
- on that index (median of 5 runs, ms): a person's statements (< 100), full-text search (< 200), sort and
  filter of the library table (a page of 100 rows, < 100) and its facets; the index size; the main
  process's peak RSS (it only reads; the writer is the background process).

The copies are hard links by default (the same bytes under 100,000 names without 1 GB of writes; every one
is still read, hashed and laid out); ``--copy`` writes real copies. Everything lives in a temp dir
(the index too: DISPATCHTUI_CACHE_DIR points there), removed afterwards unless ``--keep``.
Not collected by pytest.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

CORPUS = Path(os.environ.get("DISPATCHTUI_BENCH_CORPUS", "/work/shared/corpus"))
if not CORPUS.is_dir():
    CORPUS = ROOT / "samples"
PY = sys.executable


def make_folder(root: Path, n: int, copy: bool, name: str) -> Path:
    texts = sorted(CORPUS.glob("*.txt"))
    d = root / name
    d.mkdir()
    for i in range(n):
        src = texts[i % len(texts)]
        dst = d / f"{i:06d}_{src.name}"
        if copy:
            shutil.copyfile(src, dst)
        else:
            try:
                os.link(src, dst)
            except OSError:
                shutil.copyfile(src, dst)
    return d


def env(cache: Path) -> dict:
    return dict(os.environ, DISPATCHTUI_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT / "src"))


def time_extract(folder: Path, jobs: int, cache: Path) -> float:
    t = time.perf_counter()
    subprocess.run(
        [PY, "-m", "dispatchtui", "extract", str(folder), "--jobs", str(jobs)],
        env=env(cache),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - t


def time_index(folder: Path, jobs: int, cache: Path) -> float:
    code = (
        "import sys; from dispatchtui.index.indexer import index_folder; "
        f"p = index_folder({str(folder)!r}, jobs={jobs}); sys.exit(p.state != 'done')"
    )
    t = time.perf_counter()
    subprocess.run([PY, "-c", code], env=env(cache), check=True)
    return time.perf_counter() - t


def ms(fn, runs: int = 5) -> tuple[float, object]:
    out, times = None, []
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


def cold(tmp: Path, cache: Path, args) -> None:
    """Distinct texts, nothing cached: the analysis itself, extract --no-cache vs the index (no cache)."""
    folder = tmp / "corpus"
    shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("gold", ".*"))
    n = len(list(folder.glob("*.txt")))
    t = time.perf_counter()
    subprocess.run(
        [PY, "-m", "dispatchtui", "extract", str(folder), "--jobs", str(args.jobs), "--no-cache"],
        env=env(cache),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    te = time.perf_counter() - t
    code = (
        "import sys; from dispatchtui.index.indexer import index_folder; "
        f"p = index_folder({str(folder)!r}, jobs={args.jobs}, use_cache=False); sys.exit(p.state != 'done')"
    )
    t = time.perf_counter()
    subprocess.run([PY, "-c", code], env=env(cache), check=True)
    ti = time.perf_counter() - t
    print(
        f"cold, {n} distinct texts: extract --no-cache --jobs {args.jobs} {te:.1f} s, index (no cache) "
        f"{ti:.1f} s: ratio {ti / te:.2f} (goal <= 1.10)",
        flush=True,
    )
    shutil.rmtree(folder)


def throughput(tmp: Path, cache: Path, args) -> None:
    t = time.perf_counter()
    subprocess.run(
        [PY, "-m", "dispatchtui", "extract", str(CORPUS), "--jobs", str(args.jobs)],
        env=env(cache),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    print(f"analysis cache warmed on the corpus: {time.perf_counter() - t:.1f} s", flush=True)
    small = make_folder(tmp, args.throughput_n, args.copy, "throughput")
    te = time_extract(small, args.jobs, cache)
    ti = time_index(small, args.jobs, cache)
    print(
        f"throughput on {args.throughput_n} files: extract --jobs {args.jobs} {te:.1f} s "
        f"({args.throughput_n / te:.0f}/s), index {ti:.1f} s ({args.throughput_n / ti:.0f}/s): "
        f"ratio {ti / te:.2f} (goal <= 1.10)",
        flush=True,
    )
    shutil.rmtree(small)


def build(tmp: Path, args) -> Path:
    """The big folder, indexed by a BackgroundIndexer (this process only polls its progress)."""
    from dispatchtui.index.indexer import BackgroundIndexer

    t = time.perf_counter()
    big = make_folder(tmp, args.n, args.copy, f"wire-{args.n}")
    print(f"generated {args.n} dispatches in {time.perf_counter() - t:.1f} s", flush=True)
    job = BackgroundIndexer(str(big), jobs=args.jobs)
    t = last = time.perf_counter()
    job.start()
    while (p := job.progress()).state not in ("done", "failed", "stopped"):
        if time.perf_counter() - last > 30:
            last = time.perf_counter()
            print(f"  {p.state} {p.done}/{p.total}" + ("" if p.eta is None else f" · ~{p.eta:.0f} s"), flush=True)
        time.sleep(0.2)
    took = time.perf_counter() - t
    job.join(5)
    print(
        f"indexed {p.done}/{p.total} in the background: {took:.1f} s ({p.done / took:.0f}/s), "
        f"state {p.state} {p.message or ''}",
        flush=True,
    )
    return big


def queries(big: Path) -> None:
    from dispatchtui.index import open_index

    idx = open_index(str(big))
    top = idx.speakers()[0]
    surname = top.name.split()[-1]
    # an oblique form of the most quoted speaker's surname: the lemma match is what is timed
    query = surname + "а" if surname[-1] not in "аяоеиыу" else surname
    t_st, st = ms(lambda: idx.statements(speaker=query))
    t_st_page, _ = ms(lambda: idx.statements(speaker=query, limit=200))
    t_sp, sp = ms(lambda: idx.speakers())
    word = "заявил"
    t_fts, hits = ms(lambda: idx.search(word))
    t_fts2, hits2 = ms(lambda: idx.search("президента России"))
    sorts = {k: ms(lambda k=k: idx.documents(k, limit=100))[0] for k in ("date", "agency", "statements")}
    agency = idx.facets()["agency"][0].value
    t_fa, _ = ms(lambda: idx.documents("date", agency=agency, limit=100))
    t_fp, _ = ms(lambda: idx.documents("date", person=query, limit=100))
    t_ft, _ = ms(lambda: idx.documents("date", text=word, limit=100))
    t_cnt, n_p = ms(lambda: idx.count_documents(person=query))
    t_fac, _ = ms(lambda: idx.facets())
    fresh = open_index(str(big))  # the first call, before the answer is remembered
    t_fac1, _ = ms(lambda: fresh.facets(), runs=1)
    t_sp1, _ = ms(lambda: fresh.speakers(), runs=1)
    fresh.close()
    size = sum(f.stat().st_size for f in idx.directory.iterdir() if f.is_file())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{query!r} → {top.name}: {len(st)} statements in {t_st:.1f} ms, "
        f"the first 200 in {t_st_page:.1f} ms (goal < 100)"
    )
    print(f"speakers(): {len(sp)} rows in {t_sp1:.1f} ms the first time, {t_sp:.2f} ms remembered")
    print(
        f"search {word!r}: {len(hits)} hits (page of 200) in {t_fts:.1f} ms; 'президента России': "
        f"{len(hits2)} in {t_fts2:.1f} ms (goal < 200)"
    )
    print(
        "table, page of 100: sort by "
        + ", ".join(f"{k} {v:.1f} ms" for k, v in sorts.items())
        + f"; filter agency {t_fa:.1f} ms, person {t_fp:.1f} ms ({n_p} dispatches, counted in {t_cnt:.1f} ms), "
        f"text {t_ft:.1f} ms (goal < 100)"
    )
    print(f"facets {t_fac1:.1f} ms the first time, {t_fac:.2f} ms remembered")
    print(
        f"index size {size / 1048576:.1f} MB for {idx.count()} dispatches "
        f"({size / max(1, idx.count()):.0f} B each); main process peak RSS {rss:.0f} MB (goal < 400)"
    )
    idx.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--throughput-n", type=int, default=3000)
    ap.add_argument("--copy", action="store_true", help="real copies instead of hard links")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--queries-only", metavar="DIR", help="time the queries on a folder kept by --keep")
    ap.add_argument("--cold-only", action="store_true", help="only the distinct-texts throughput")
    args = ap.parse_args()
    if args.queries_only:  # DIR: the temp dir --keep printed
        os.environ["DISPATCHTUI_CACHE_DIR"] = str(Path(args.queries_only) / "cache")
        queries(Path(args.queries_only) / f"wire-{args.n}")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="bench-index-"))
    cache = tmp / "cache"
    os.environ["DISPATCHTUI_CACHE_DIR"] = str(cache)
    print(
        f"corpus: {len(list(CORPUS.glob('*.txt')))} texts from {CORPUS}; jobs {args.jobs}; "
        f"load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    try:
        if args.cold_only:
            cold(tmp, cache, args)
            return 0
        if not args.skip_throughput:
            cold(tmp, cache, args)
            throughput(tmp, cache, args)
        queries(build(tmp, args))
    finally:
        (print(f"kept {tmp}") if args.keep else shutil.rmtree(tmp, ignore_errors=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
