#!/usr/bin/env python3
"""The performance suite of issue #6: every figure as measured value and ratio to its reference.

usage: .venv/bin/python benchmarks/run.py [--runs N] [--quick] [--only NAME[,NAME...]] [--keep]

Generates its own inputs in a temp dir (10,000 dispatches = the corpus copied over and over, a 5 MB
dispatch, 1,000 dispatches for extract) and removes it afterwards (``--keep`` leaves it). Terminal
figures launch a fresh interpreter in a fresh pty (see ``_pty.py``), the bare Textual app and dispatchtui
the same way, and take the median of ``--runs`` launches. Sections (``--only``): paint, folder, search,
analysis, cache, huge, formats (wire formats: bench_formats.py), growth (adversarial inputs, see
``bench_growth.py``). Not a test: nothing here is collected by pytest.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from _pty import _ESC, _rss_kib, time_to_text  # noqa: E402

PY = sys.executable
CORPUS = Path(os.environ.get("DISPATCHTUI_BENCH_CORPUS", "/work/shared/corpus"))
if not CORPUS.is_dir():
    CORPUS = ROOT / "samples"
SAMPLE = ROOT / "samples" / "01_kaztoday_kosherbaev-v-dushanbe.txt"
SAMPLE_NEEDLE = "официального визита"  # body text of SAMPLE (the article, not a panel)
SAMPLE_SPEAKER = "Ермек Кошербаев  "  # a Speakers panel row (name + padding)

BARE_APP = """\
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("BARE-APP-READY")

Bare().run()
"""

RESULTS: list[tuple[str, str, str, str]] = []  # (figure, value, reference, verdict)


def report(figure: str, value: str, reference: str, ok: bool | None) -> None:
    verdict = "" if ok is None else ("MET" if ok else "MISSED")
    RESULTS.append((figure, value, reference, verdict))
    print(f"  {figure:44} {value:>18}   {reference:40} {verdict}", flush=True)


def med(xs):
    return statistics.median(xs)


# ------------------------------------------------------------------------------------------ pty session
class Term:
    """A program in a pty that we can type into and watch."""

    def __init__(self, argv, env, cols=140, rows=40):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execvpe(
                    argv[0],
                    argv,
                    {**os.environ, **env, "TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows)},
                )
            finally:
                os._exit(127)
        self.start = time.perf_counter()
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.raw = b""
        self.seen = 0  # plain-text position after which wait_for looks

    def _pump(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if r:
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                raise RuntimeError("program exited")
            if b"\x1b[c" in chunk or b"\x1b[>c" in chunk:
                os.write(self.fd, b"\x1b[?62;c")
            self.raw += chunk

    def wait_for(self, needle: str, timeout=60.0) -> float:
        """Seconds (since launch) until ``needle`` appears in output produced after the last mark()."""
        want = needle.encode()
        end = time.perf_counter() + timeout
        while True:
            plain = _ESC.sub(b"", self.raw)
            i = plain.find(want, self.seen)
            if i >= 0:
                self.seen = i + len(want)
                return time.perf_counter() - self.start
            if time.perf_counter() > end:
                raise TimeoutError(needle)
            self._pump(0.02)

    def wait_output(self, timeout=30.0) -> float:
        """Seconds (since launch) until any new output arrives."""
        n = len(self.raw)
        end = time.perf_counter() + timeout
        while len(self.raw) == n:
            if time.perf_counter() > end:
                raise TimeoutError("no output")
            self._pump(0.005)
        return time.perf_counter() - self.start

    def mark(self) -> None:
        self.seen = len(_ESC.sub(b"", self.raw))

    def drain(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self._pump(0.02)

    def send(self, data: str) -> float:
        self.drain(0.0)
        self.mark()
        os.write(self.fd, data.encode())
        return time.perf_counter() - self.start

    def rss(self) -> int | None:
        return _rss_kib(self.pid)

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


# ------------------------------------------------------------------------------------------ inputs
#: on screen once the library's first frame is (the table's column header)
LIBRARY_NEEDLE = "Dir/Rep"


def make_inputs(tmp: Path, n_folder: int, n_extract: int) -> dict[str, Path]:
    texts = [(p.stem, p.read_bytes()) for p in sorted(CORPUS.glob("*.txt"))]
    folder = tmp / "folder10k"
    per_dir = 1000
    for i in range(n_folder):
        stem, data = texts[i % len(texts)]
        sub = folder / f"part{i // per_dir:02d}"
        if i % per_dir == 0:
            sub.mkdir(parents=True)
        (sub / f"{i:05d}_{stem}.txt").write_bytes(data)
    extract = tmp / "extract"
    extract.mkdir()
    for i in range(n_extract):
        stem, data = texts[i % len(texts)]
        (extract / f"{i:04d}_{stem}.txt").write_bytes(data)
    huge = tmp / "huge.txt"
    with open(huge, "wb") as fh:
        fh.write("ОГРОМНОЕ СООБЩЕНИЕ ДЛЯ ПРОВЕРКИ\n\n".encode())
        size = 0
        i = 0
        while size < 5 * 1024 * 1024:
            data = texts[i % len(texts)][1].replace(b"\r\n", b"\n").strip() + b"\n\n"
            fh.write(data)
            size += len(data)
            i += 1
        fh.write("ПОСЛЕДНИЙ АБЗАЦ ОГРОМНОГО СООБЩЕНИЯ.\n".encode())
    bare = tmp / "bare_app.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    return {"folder": folder, "extract": extract, "huge": huge, "bare": bare}


def app_env(tmp: Path, cache: str = "fresh") -> dict[str, str]:
    env = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "DISPATCHTUI_CONFIG_DIR": str(tmp / "config")}
    if cache == "fresh":
        env["DISPATCHTUI_CACHE_DIR"] = tempfile.mkdtemp(prefix="cache-", dir=tmp)
    else:
        env["DISPATCHTUI_CACHE_DIR"] = cache
    return env


def paint_times(argv, needle, env_fn, runs, rss_after=None):
    times, rss = [], []
    for _ in range(runs):
        t, r = time_to_text(argv, needle, env=env_fn(), rss_after=rss_after, timeout=60)
        times.append(t)
        if r:
            rss.append(r)
    return med(times), (max(rss) if rss else None), times


# ------------------------------------------------------------------------------------------ sections
def bench_bare(inp, tmp, runs):
    t, _, all_t = paint_times([PY, str(inp["bare"])], "BARE-APP-READY", lambda: app_env(tmp), runs)
    print(f"  bare Textual app first paint: median {t:.3f}s  runs {[round(x, 3) for x in all_t]}")
    return t


def bench_paint(inp, tmp, runs, bare):
    t, rss, all_t = paint_times([PY, "-m", "dispatchtui", str(SAMPLE)], SAMPLE_NEEDLE, lambda: app_env(tmp), runs)
    print(f"    runs {[round(x, 3) for x in all_t]}")
    report("first paint, one dispatch", f"{t:.3f}s", f"{t / bare:.2f}x bare (goal <= 1.5x)", t / bare <= 1.5)


def bench_folder(inp, tmp, runs, bare):
    folder = inp["folder"]
    t, _, all_t = paint_times([PY, "-m", "dispatchtui", str(folder)], LIBRARY_NEEDLE, lambda: app_env(tmp), runs)
    print(f"    runs {[round(x, 3) for x in all_t]}")
    n = sum(1 for _ in folder.rglob("*.txt"))
    report(f"library list shown, {n} dispatches", f"{t:.3f}s", f"{t / bare:.2f}x bare (goal <= 4x)", t / bare <= 4)
    # RSS: at first paint, and after the background work (search index) has had time to finish
    term = Term([PY, "-m", "dispatchtui", str(folder)], app_env(tmp))
    try:
        term.wait_for(LIBRARY_NEEDLE)
        rss0 = term.rss()
        term.drain(8.0)
        rss1 = term.rss()
        # filter: first keystroke over every headline
        term.send("f")
        term.drain(0.3)
        t0 = term.send("в")
        t1 = term.wait_for(f"/{n}")
        filt = t1 - t0
        term.drain(0.5)
        rss2 = term.rss()
    finally:
        term.close()
    peak = max(x for x in (rss0, rss1, rss2) if x) / 1024
    report(
        "  RSS at list / +8s / after filter",
        f"{rss0 / 1024:.0f}/{rss1 / 1024:.0f}/{rss2 / 1024:.0f} MB",
        f"max {peak:.0f} MB (goal < 400 MB)",
        peak < 400,
    )
    report("  first filter keystroke, whole folder", f"{filt:.3f}s", "(no goal; was synchronous)", None)


#: seconds the search figure waits after the list shows: the background index of 10,000 dispatches
#: (read + decode + normalize + fold, ~1 ms each) must be complete
INDEX_WAIT = 20.0


def bench_search(inp, tmp, runs, bare):
    folder = inp["folder"]
    query = "Рахмон"
    greps = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(["grep", "-rc", query, str(folder)], stdout=subprocess.DEVNULL)
        greps.append(time.perf_counter() - t)
    g = med(greps)
    answers, rss = [], []
    for _ in range(max(1, runs // 2)):
        term = Term([PY, "-m", "dispatchtui", str(folder)], app_env(tmp))
        try:
            term.wait_for(LIBRARY_NEEDLE)
            term.drain(INDEX_WAIT)  # "after the folder is loaded" (and indexed in the background)
            term.send("/")
            term.drain(0.3)
            # pasted (bracketed paste): one query, one search — typed keys would each start a search and
            # the first answer on screen would be for a partial query
            t0 = term.send(f"\x1b[200~{query}\x1b[201~")
            t1 = term.wait_for(" match")
            answers.append(t1 - t0)
            rss.append(term.rss())
            # a second, different query: ctrl+u empties the bar, then the next one is pasted
            term.send("\x15")
            term.drain(1.0)
            t0 = term.send("\x1b[200~визит\x1b[201~")
            t1 = term.wait_for(" match")
            answers.append(t1 - t0)
        finally:
            term.close()
    a = med(answers)
    print(f"    answers {[round(x, 3) for x in answers]}, grep -rc {[round(x, 3) for x in greps]}")
    report(
        f"full-text search (list shown + {INDEX_WAIT:.0f}s)",
        f"{a:.3f}s",
        f"goal < 0.5s; {a / g:.2f}x grep -rc ({g:.3f}s)",
        a < 0.5,
    )
    peak = max(r for r in rss if r) / 1024
    report("  RSS with the search index", f"{peak:.0f} MB", "(goal < 400 MB)", peak < 400)


NATASHA_SCRIPT = """\
import sys, pathlib
sys.path.insert(0, %r)
from dispatchtui.analysis import nlp
natasha = nlp.import_natasha()
emb = natasha.NewsEmbedding(); ner = natasha.NewsNERTagger(emb); morph = natasha.NewsMorphTagger(emb)
syntax = natasha.NewsSyntaxParser(emb)
vocab = natasha.MorphVocab(); seg = natasha.Segmenter()
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    doc = natasha.Doc(p.read_text(encoding="utf-8"))
    doc.segment(seg); doc.tag_ner(ner); doc.tag_morph(morph); doc.parse_syntax(syntax)
    for span in doc.spans:
        span.normalize(vocab)
"""


def bench_analysis(inp, tmp, runs, bare):
    folder = inp["extract"]
    n = sum(1 for _ in folder.glob("*.txt"))
    script = tmp / "natasha_pipeline.py"
    script.write_text(NATASHA_SCRIPT % str(ROOT / "src"), encoding="utf-8")
    env = {**os.environ, **app_env(tmp)}

    def wall(argv):
        t = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, env=env, check=True)
        return time.perf_counter() - t

    reps = 1
    nat = med([wall([PY, str(script), str(folder)]) for _ in range(reps)])
    ours1 = med([wall([PY, "-m", "dispatchtui", "extract", str(folder), "--no-cache"]) for _ in range(reps)])
    ours2 = med(
        [wall([PY, "-m", "dispatchtui", "extract", str(folder), "--no-cache", "--jobs", "2"]) for _ in range(reps)]
    )
    report(f"natasha segment+morph+syntax+NER+normalize, {n}", f"{nat:.2f}s", "(reference)", None)
    report(
        f"extract --no-cache, {n} dispatches",
        f"{ours1:.2f}s",
        f"{ours1 / nat:.2f}x natasha (goal <= 1.0x)",
        ours1 / nat <= 1.0,
    )
    report(
        "extract --no-cache --jobs 2", f"{ours2:.2f}s", f"speed-up {ours1 / ours2:.2f}x on 2 cores", ours1 / ours2 > 1.5
    )


def bench_cache(inp, tmp, runs, bare):
    # in process: what reopening an analysed dispatch costs (layout is already painted; this fills panels)
    env = app_env(tmp)
    code = textwrap.dedent(f"""
        import os, pathlib, statistics, time
        from dispatchtui import load
        from dispatchtui.app.session import Session
        files = sorted(str(p) for p in pathlib.Path({str(CORPUS)!r}).glob("*.txt"))
        s = Session(files)
        for i in range(len(files)):
            s.analyse(i, s.layout(i))            # cold: analyse + put
        s2 = Session(files)                      # a new session = the app reopened
        ts = []
        for i in range(len(files)):
            d = s2.layout(i)
            t = time.perf_counter(); r = s2.analyse(i, d); ts.append(time.perf_counter() - t)
            assert r.analysed
        print(statistics.median(ts), max(ts))
    """)
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, env={**os.environ, **env})
    if out.returncode:
        print(out.stderr[-2000:])
        report("cache hit (panels' data), median/max", "error", "", False)
        return
    m, mx = map(float, out.stdout.split())
    report(
        "reopen analysed dispatch: cache hit",
        f"{m * 1e3:.1f}/{mx * 1e3:.1f} ms",
        "median/max (goal < 50 ms)",
        mx < 0.05,
    )
    # in the terminal: warm cache, time from article text to the Speakers panel filled
    deltas = []
    for _ in range(max(1, runs // 2)):
        term = Term([PY, "-m", "dispatchtui", str(SAMPLE)], env)
        try:
            a = term.wait_for(SAMPLE_NEEDLE)
            term.mark()
            b = term.wait_for(SAMPLE_SPEAKER, timeout=60)
            deltas.append(b - a)
        finally:
            term.close()
    d = med(deltas)
    report("  on screen: text → panels filled (warm)", f"{d * 1e3:.0f} ms", "(goal < 50 ms)", d < 0.05)


def bench_huge(inp, tmp, runs, bare):
    huge = inp["huge"]
    t, rss, all_t = paint_times([PY, "-m", "dispatchtui", str(huge)], "ОГРОМНОЕ СООБЩЕНИЕ", lambda: app_env(tmp), runs)
    print(f"    runs {[round(x, 3) for x in all_t]}")
    report("first paint, 5 MB dispatch", f"{t:.3f}s", f"{t / bare:.2f}x bare (goal <= 2x)", t / bare <= 2)

    def keys(term):
        lat = []
        t0 = term.send("G")
        lat.append(term.wait_for("ПОСЛЕДНИЙ АБЗАЦ") - t0)
        t0 = term.send("g")
        lat.append(term.wait_for("ОГРОМНОЕ СООБЩЕНИЕ") - t0)
        pages = []
        for _ in range(10):  # page down: time until the terminal gets the new frame
            t0 = term.send(" ")
            pages.append(term.wait_output() - t0)
            term.drain(0.1)
        lat.append(max(pages))
        t0 = term.send("G")
        lat.append(term.wait_for("ПОСЛЕДНИЙ АБЗАЦ") - t0)
        return lat

    # the first paint shows the beginning of the file; a worker reads, outlines and wraps the whole of it
    # (the status line says "reading the whole file…" until then), then the analysis starts
    whole, early, settled = [], [], []
    for _ in range(max(1, runs // 2)):
        term = Term([PY, "-m", "dispatchtui", str(huge)], app_env(tmp))
        try:
            p = term.wait_for("ОГРОМНОЕ СООБЩЕНИЕ")
            term.mark()  # the status line: "… huge.txt  reading the whole file…", then "… huge.txt  analysing…"
            whole.append(term.wait_for("  analysing…") - p)  # (a panel shows it without the two spaces)
            term.drain(0.3)
            settled.append(keys(term))
        finally:
            term.close()
        term = Term([PY, "-m", "dispatchtui", str(huge)], app_env(tmp))
        try:
            term.wait_for("ОГРОМНОЕ СООБЩЕНИЕ")
            term.drain(0.5)
            t0 = term.send("G")  # while the whole file is still being read: G follows it to the end
            early.append(term.wait_for("ПОСЛЕДНИЙ АБЗАЦ") - t0)
        finally:
            term.close()
    w = med(whole)
    report("  whole 5 MB read and wrapped, after paint", f"{w:.3f}s", "(no goal; keys work meanwhile)", None)
    lat = [max(run[i] for run in settled) for i in range(4)]
    worst = max(lat)
    report(
        "  keys G / g / 10x space (worst) / G",
        "/".join(f"{x * 1e3:.0f}" for x in lat) + " ms",
        f"worst {worst * 1e3:.0f} ms (stall = > 100 ms)",
        worst < 0.1,
    )
    e = med(early)
    report("  G 0.5 s after paint (file still read)", f"{e * 1e3:.0f} ms", "(waits for the whole file)", None)


def bench_formats(inp, tmp, runs, bare):
    """Wire formats (benchmarks/bench_formats.py): a 10,000-entry feed and 1,000 HTML pages."""
    import bench_formats

    sub = tmp / "formats"
    sub.mkdir()
    bench_formats.run(sub, runs, bare, report)


def bench_growth(inp, tmp, runs, bare):
    """Adversarial growth (issue 18): ``bench_growth.py`` in a process of its own, up to 1 MB
    (250 KB with --quick); every family ≤ 2.5× per doubling."""
    top = inp.get("growth_max", 1_000_000)
    out = subprocess.run(
        [PY, str(HERE / "bench_growth.py"), "--json", "--max-size", str(top), "--min-size", str(top // 16)],
        capture_output=True,
        text=True,
        env={**os.environ, **app_env(tmp)},
    )
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    if not rows:
        print(out.stderr[-2000:])
        report("adversarial growth", "error", "", False)
        return
    for r in rows:
        if "family" in r:
            facs = "/".join(f"{f:.1f}" for f in r["factors"])
            report(
                f"growth: {r['family']}",
                f"x{r['worst']:.2f} (mean {r['mean']:.2f})",
                f"per doubling to {top // 1000} KB ({facs})",
                r["ok"],
            )
        else:
            report(r["figure"], f"{r['seconds']:.2f}s", f"goal < {r['goal']:.0f} s", r["ok"])


SECTIONS = {
    "paint": bench_paint,
    "folder": bench_folder,
    "search": bench_search,
    "analysis": bench_analysis,
    "cache": bench_cache,
    "huge": bench_huge,
    "formats": bench_formats,
    "growth": bench_growth,
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="launches per terminal figure (median)")
    ap.add_argument("--quick", action="store_true", help="1,000 dispatches in the folder, 200 for extract, 3 runs")
    ap.add_argument("--only", default="", help="comma-separated sections: " + ",".join(SECTIONS))
    ap.add_argument("--keep", action="store_true", help="keep the temp dir")
    a = ap.parse_args(argv)
    runs = 3 if a.quick and a.runs == 5 else a.runs
    only = [s for s in a.only.split(",") if s] or list(SECTIONS)
    tmp = Path(tempfile.mkdtemp(prefix="dispatchtui-bench-"))
    try:
        t = time.perf_counter()
        inp = make_inputs(tmp, 1000 if a.quick else 10_000, 200 if a.quick else 1000)
        inp["growth_max"] = 250_000 if a.quick else 1_000_000
        print(
            f"inputs in {tmp} ({time.perf_counter() - t:.1f}s); {os.cpu_count()} CPUs; "
            f"load average {os.getloadavg()[0]:.2f}; {runs} runs per terminal figure",
            flush=True,
        )
        bare = bench_bare(inp, tmp, runs)
        for name in only:
            print(f"[{name}]", flush=True)
            SECTIONS[name](inp, tmp, runs, bare)
    finally:
        if a.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print("\nsummary")
    for figure, value, reference, verdict in RESULTS:
        print(f"  {figure:44} {value:>18}   {reference:40} {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
