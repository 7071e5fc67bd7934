#!/usr/bin/env python3
"""Adversarial growth (issue 18): how the analysis cost grows with the input, per family of hostile text.

usage: python benchmarks/bench_growth.py [--max-size CHARS] [--min-size CHARS] [--families A,B,...]
                                         [--repeat N] [--json]       (all families to 1 MB: ~15 min)

Each family is one shape repeated to a size (a run of one adjective, a letter and a million spaces, …).
For sizes min, 2·min, 4·min, … up to ``--max-size`` (default 1,000,000 characters) it times what the
reader and ``extract`` do with a file's text: :func:`normalize` then :func:`analyze`, in CPU seconds of
this process (best of ``--repeat``; CPU time, not wall time: the machine may be shared) — and prints the
growth factor per doubling. Linear work doubles (×2); quadratic work quadruples (×4).

A short size is timed as :mod:`timeit` does: a size whose first run takes under :data:`SHORT_SECONDS` is
timed in batches of back-to-back runs lasting about :data:`BATCH_SECONDS` together (a run's time the batch's
over its runs), the best of at least :data:`SHORT_REPEAT` batches. A shared machine's noise (another
process's cache misses, a frequency step, the clock's granularity) adds a few milliseconds to a run: much of
a time of 0.02 s, nothing of 10 s. Timed once, a linear family of such times read ×2.6–2.7 on one doubling
(hyphens, tabs: 0.02 s → 0.05 s). The goal is not loosened; a short size only costs a second or two more.

Goals: every family ≤ 2.5× per doubling (the first doubling is not judged: at the smallest size fixed
costs dominate; a family under 50 ms at the largest size is no threat, whatever its ratios of
milliseconds); 4,000 adjectives in under a second; a letter and 1 MB of spaces in under 5 s.
``--json`` prints one JSON object per family (``benchmarks/run.py --only growth`` reads them).
Not a test: nothing here is collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

GOAL_PER_DOUBLING = 2.5
#: A size whose first run takes under this many CPU seconds is timed in batches (see the docstring) …
SHORT_SECONDS = 1.0
#: … of runs lasting about this long together, the best of at least SHORT_REPEAT batches
BATCH_SECONDS = 0.25
SHORT_REPEAT = 3
#: CPU seconds at the largest size below which a family is no threat whatever its factors (they are ratios
#: of milliseconds there: noise)
NEGLIGIBLE = 0.05

#: name → (prefix, unit, suffix): the text is ``prefix + unit * k + suffix``, about ``size`` characters.
FAMILIES: dict[str, tuple[str, str, str]] = {
    # the two shapes of issue 18 and their neighbours
    "adjectives": ("", "новый ", ""),
    "nouns": ("", "дом ", ""),
    "one capitalised word": ("", "Новый ", ""),
    "adjective noun": ("", "новый дом ", ""),
    "adjectives then a noun": ("", "новый ", "дом"),
    "noun genitive": ("", "расчистка реки ", ""),
    "spaces": ("а", " ", ""),
    "spaces then a line end": ("а", " ", "б \n"),
    "tabs": ("а", "\t", "б"),
    "no-break spaces": ("а", "\u00a0", "б\u00a0\n"),
    "commas": ("а", ",", ""),
    "full stops": ("а", ".", ""),
    "exclamation marks": ("а", "!", ""),
    "hyphens": ("а", "-", ""),
    "hard-wrapped lines": ("", "слово " * 11 + "слово\n", ""),
    # the families the audit found linear: they must stay so
    "dashes": ("", "— ", ""),
    "straight quotes": ("", '"', ""),
    "guillemets": ("", "«", ""),
    "lost openings": ("", "Да», — сказал Путин. ", ""),
    "capitalised words (a name)": ("", "Ермек Кошербаев ", ""),
    "initials": ("", "В. ", ""),
    # the attribution stages: a role list before a name (one regex over the gap), a long paragraph closed
    # by "заявил:" (the sentence before the colon), reported cues in one run-on sentence
    "role list before a name": ("«Мы готовы», — заявил актер", ", продюсер", " (Иван Петров)."),
    "paragraph closed by a colon": ("", "министр сказал, что ", "заявил:\n\nМы готовы."),
    "reported cues": ("", "заявил, что по словам министра как сообщает агентство ", ""),
}


def make(family: str, size: int) -> str:
    prefix, unit, suffix = FAMILIES[family]
    return prefix + unit * max(1, (size - len(prefix) - len(suffix)) // len(unit)) + suffix


def cpu_seconds(raw: str, repeat: int) -> float:
    """CPU seconds of one run of the analysis of ``raw``: the best of ``repeat`` runs, or for a short one
    of batches of runs (see the module's docstring)."""
    from dispatchtui.analysis import analyze
    from dispatchtui.analysis.normalize import normalize

    def batch(runs: int) -> float:
        t = time.process_time()
        for _ in range(runs):
            analyze(normalize(raw)[0])
        return (time.process_time() - t) / runs

    first = batch(1)
    if first >= SHORT_SECONDS:
        return min([first] + [batch(1) for _ in range(repeat - 1)])
    runs = max(1, math.ceil(BATCH_SECONDS / max(first, 1e-3)))
    return min(batch(runs) for _ in range(max(repeat, SHORT_REPEAT)))


def sizes(lo: int, hi: int) -> list[int]:
    out = [lo]
    while out[-1] * 2 <= hi:
        out.append(out[-1] * 2)
    return out


def measure(family: str, lo: int, hi: int, repeat: int) -> dict:
    from dispatchtui.analysis import analyze
    from dispatchtui.analysis.normalize import normalize

    analyze(normalize(make(family, lo))[0])  # warm the caches this shape fills (its words' parses)
    times = []
    for n in sizes(lo, hi):
        times.append(cpu_seconds(make(family, n), repeat))
    factors = [b / a if a > 0 else float("inf") for a, b in zip(times, times[1:])]
    judged = factors[1:] or factors
    worst = max(judged) if judged else 0.0
    # the mean growth per doubling over the judged range (one noisy doubling shows in ``worst``)
    k = len(judged)
    mean = (times[-1] / times[-1 - k]) ** (1 / k) if k and times[-1 - k] > 0 else worst
    return {
        "family": family,
        "sizes": sizes(lo, hi),
        "seconds": times,
        "factors": factors,
        "worst": worst,
        "mean": mean,
        "ok": worst <= GOAL_PER_DOUBLING or times[-1] < NEGLIGIBLE,
    }


def absolute_goals(repeat: int) -> list[dict]:
    """The two figures issue 18 names, measured on their own."""
    out = []
    t = cpu_seconds("новый " * 4000, repeat)
    out.append({"figure": "4,000 adjectives", "seconds": t, "goal": 1.0, "ok": t < 1.0})
    t = cpu_seconds("а" + " " * 1_000_000, repeat)
    out.append({"figure": "a letter and 1 MB of spaces", "seconds": t, "goal": 5.0, "ok": t < 5.0})
    t = cpu_seconds("а" + " " * 1_000_000 + "б \n", repeat)
    out.append({"figure": "… then a letter and a line end", "seconds": t, "goal": 5.0, "ok": t < 5.0})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-size", type=int, default=1_000_000, help="largest text, in characters")
    ap.add_argument("--min-size", type=int, default=62_500, help="smallest text, in characters")
    ap.add_argument("--families", default="", help="comma-separated: " + ", ".join(FAMILIES))
    ap.add_argument(
        "--repeat",
        type=int,
        default=2,
        help=f"runs per size (best of; 2 keeps a shared machine's noise out of most doublings; a size under "
        f"{SHORT_SECONDS:.0f} s: the best of at least {SHORT_REPEAT} batches of runs)",
    )
    ap.add_argument("--json", action="store_true", help="one JSON object per line")
    a = ap.parse_args(argv)
    families = [f.strip() for f in a.families.split(",") if f.strip()] or list(FAMILIES)
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        ap.error(f"unknown families: {', '.join(unknown)}")

    from dispatchtui.analysis import analyze, one_blas_thread

    one_blas_thread()
    from dispatchtui.analysis.nlp import preload

    preload()
    analyze("Путин сказал: «Да». Новый дом.")
    if not a.json:
        print(
            f"sizes {', '.join(f'{n:,}' for n in sizes(a.min_size, a.max_size))} characters; "
            f"CPU seconds (best of {a.repeat}); goal ≤ {GOAL_PER_DOUBLING}× per doubling",
            flush=True,
        )
    failed = 0
    for family in families:
        r = measure(family, a.min_size, a.max_size, a.repeat)
        failed += not r["ok"]
        if a.json:
            print(json.dumps(r, ensure_ascii=False), flush=True)
        else:
            secs = " ".join(f"{t:7.2f}" for t in r["seconds"])
            facs = " ".join(f"{f:4.1f}" for f in r["factors"])
            print(
                f"  {family:30} {secs}   ×{facs}   mean ×{r['mean']:.2f}   {'MET' if r['ok'] else 'MISSED'}", flush=True
            )
    for g in absolute_goals(a.repeat):
        failed += not g["ok"]
        if a.json:
            print(json.dumps(g, ensure_ascii=False), flush=True)
        else:
            print(
                f"  {g['figure']:36} {g['seconds']:6.2f}s   goal < {g['goal']:.0f} s   "
                f"{'MET' if g['ok'] else 'MISSED'}",
                flush=True,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
