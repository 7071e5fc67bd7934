#!/usr/bin/env python3
"""Model load time and per-dispatch analysis cost, next to natasha's own pipeline.

usage: python benchmarks/bench_analysis.py [CORPUS_DIR_OR_FILES ...] [--repeat N]

Reports:
* load: our NER model (navec + slovnet, via dispatchtui.analysis.nlp) vs natasha's
  NewsEmbedding + NewsNERTagger + NewsMorphTagger + MorphVocab;
* per dispatch: natasha's Doc.segment + tag_ner + tag_morph + span.normalize, vs our
  find_people + resolve + find_topics (and the whole analyze() when the quote scanner is there).
Each timing is the best of N runs (warm caches after the first, as in the app).
Goal: our whole analyze() <= 1.25x natasha's pipeline.
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

DEFAULT_CORPUS = pathlib.Path("/work/shared/corpus")


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", type=pathlib.Path)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    paths = a.paths or [DEFAULT_CORPUS]
    files = []
    for p in paths:
        files.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
    if not texts:
        sys.exit("no .txt files")

    from dispatchtui.analysis import nlp

    t = time.perf_counter()
    nlp.preload()
    ours_load = time.perf_counter() - t

    natasha = nlp.import_natasha()
    t = time.perf_counter()
    emb = natasha.NewsEmbedding()
    ner = natasha.NewsNERTagger(emb)
    morph_tagger = natasha.NewsMorphTagger(emb)
    vocab = natasha.MorphVocab()
    segmenter = natasha.Segmenter()
    nat_load = time.perf_counter() - t
    print(
        f"model load: ours {ours_load:.2f}s (NER + pymorphy3), natasha {nat_load:.2f}s "
        f"(embedding + NER + morph + MorphVocab)"
    )

    def natasha_pipeline(text):
        doc = natasha.Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        doc.tag_morph(morph_tagger)
        for span in doc.spans:
            span.normalize(vocab)

    from dispatchtui.analysis import segment
    from dispatchtui.analysis.people import find_people
    from dispatchtui.analysis.resolve import resolve
    from dispatchtui.analysis.topics import find_topics

    try:
        from dispatchtui.analysis.quotes import find_quotes
    except ImportError:
        find_quotes = None

    def ours(text):
        d = segment(text)
        quotes = find_quotes(d.text, d.paragraphs, d.sentences) if find_quotes else []
        ents = find_people(d.text, d.sentences)
        resolve(d.text, quotes, ents)
        find_topics(d.text, d.paragraphs, d.sentences, ents)

    # warm both (first-use caches), then measure
    for _, text in texts[:3]:
        natasha_pipeline(text)
        ours(text)
    rows = []
    for name, text in texts:
        tn = best(lambda text=text: natasha_pipeline(text), a.repeat)
        to = best(lambda text=text: ours(text), a.repeat)
        rows.append((name, len(text), tn, to))
    print(f"{'dispatch':28} {'chars':>6} {'natasha ms':>10} {'ours ms':>8} {'ratio':>6}")
    for name, n, tn, to in rows:
        print(f"{name:28} {n:6d} {tn * 1000:10.1f} {to * 1000:8.1f} {to / tn:6.2f}")
    tot_n = sum(r[2] for r in rows)
    tot_o = sum(r[3] for r in rows)
    print(
        f"total: natasha {tot_n * 1000:.0f} ms, ours {tot_o * 1000:.0f} ms, ratio {tot_o / tot_n:.2f} "
        f"(median per dispatch {statistics.median(r[3] / r[2] for r in rows):.2f}); "
        f"quotes {'included' if find_quotes else 'not available (quote scanner missing)'}"
    )


if __name__ == "__main__":
    main()
