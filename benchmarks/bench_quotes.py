"""Quote finding + attribution cost per dispatch, next to razdel.sentenize on the same texts.

usage: python benchmarks/bench_quotes.py [CORPUS_DIR] [--repeat N]

Runs find_quotes over every *.txt of the corpus (paragraphs = non-blank lines, as the layout
gives them), N times, after one warm-up pass (the pymorphy3 dictionary load is reported apart).
Prints microseconds per dispatch for both and the ratio quotes / razdel. Goal: ratio <= 2.
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import time

from razdel import sentenize

from dispatchtui.analysis.quotes import find_quotes
from dispatchtui.model import Span


def paragraphs_of(text: str) -> list[Span]:
    spans, pos = [], 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e))
    return spans


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args(argv)
    files = sorted(pathlib.Path(a.corpus).glob("*.txt"))
    if not files:
        print(f"no *.txt in {a.corpus}", file=sys.stderr)
        return 2
    texts = [f.read_text(encoding="utf-8") for f in files]
    paras = [paragraphs_of(t) for t in texts]

    t0 = time.perf_counter()
    for t, p in zip(texts, paras):  # warm-up: loads pymorphy3, fills the word caches
        find_quotes(t, p, [])
    cold = time.perf_counter() - t0
    for t in texts:
        list(sentenize(t))

    q_runs, r_runs = [], []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        for t, p in zip(texts, paras):
            find_quotes(t, p, [])
        q_runs.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for t in texts:
            list(sentenize(t))
        r_runs.append(time.perf_counter() - t0)

    n = len(texts)
    chars = sum(map(len, texts))
    q = statistics.median(q_runs) / n * 1e6
    r = statistics.median(r_runs) / n * 1e6
    print(f"{n} dispatches, {chars} chars, {a.repeat} runs (median)")
    print(f"first pass (pymorphy3 load + cold caches): {cold * 1e3:.0f} ms")
    print(f"find_quotes     : {q:9.0f} us/dispatch")
    print(f"razdel.sentenize: {r:9.0f} us/dispatch")
    print(f"ratio quotes/razdel: {q / r:.2f}  (goal <= 2.00)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
