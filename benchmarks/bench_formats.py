#!/usr/bin/env python3
"""Wire formats (issue #17): loading a 10,000-entry RSS feed and a folder of 1,000 HTML pages, each as a ratio
to reading the same texts as plain files; the library's first paint of such a folder as a ratio to a bare
Textual app (goal <= 4x).

usage: .venv/bin/python benchmarks/bench_formats.py [--runs N] [--entries N] [--pages N] [--keep]
       (or ``benchmarks/run.py --only formats``)

Inputs are generated in a temp dir from the corpus texts (headline = first line, paragraphs = the blocks after
it): the feed carries each text as content:encoded HTML, each page wraps it in navigation, an ad, a comment
block and a footer; the plain reference is the same texts as .txt files. "Loading" is what the reader and
extract do before any analysis: discover the folder, then load_path every dispatch (read, parse, extract,
normalize), in this process after a warm-up of the same code on other files. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))
from _pty import time_to_text  # noqa: E402

CORPUS = Path(os.environ.get("DISPATCHTUI_BENCH_CORPUS", "/work/shared/corpus"))
if not CORPUS.is_dir():
    CORPUS = ROOT / "samples"
PY = sys.executable
BARE_APP = (
    "from textual.app import App\nfrom textual.widgets import Static\n\nclass Bare(App):\n"
    "    def compose(self):\n        yield Static('BARE-APP-READY')\n\nBare().run()\n"
)

PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{title} | Новости</title>
<meta property="og:title" content="{title}"><meta property="article:published_time" content="2019-08-08T19:22:59+03:00">
<link rel="canonical" href="https://news.example/{i}"><script>var ads = [];</script></head>
<body><header><nav><a href="/">Главная</a> <a href="/politics/">Политика</a> <a href="/economy/">Экономика</a>
<a href="/sport/">Спорт</a> <a href="/culture/">Культура</a></nav></header>
<div class="ad banner">Реклама. Подпишитесь со скидкой 50% до конца месяца</div>
<main><article><h1>{title}</h1>
{body}
</article></main>
<section class="comments"><h3>Комментарии</h3><div class="comment"><p>Читатель: интересно, спасибо</p></div></section>
<aside><h3>Читайте также</h3><ul><li><a href="/1">Другая новость дня</a></li>
<li><a href="/2">Ещё одна</a></li></ul></aside>
<footer><p>© 2019 Новости. Все права защищены.</p></footer></body></html>
"""


def texts() -> list[tuple[str, list[str]]]:
    out = []
    for p in sorted(CORPUS.glob("*.txt")):
        raw = p.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").strip()
        head, _, body = raw.partition("\n")
        paras = [" ".join(x.split()) for x in body.split("\n") if x.strip()]
        if head.strip() and paras:
            out.append((" ".join(head.split()), paras))
    return out


def make_inputs(tmp: Path, entries: int, pages: int) -> dict[str, Path]:
    ts = texts()
    plain_feed, plain_pages, page_dir = tmp / "plain-feed", tmp / "plain-pages", tmp / "pages"
    for d in (plain_feed, plain_pages, page_dir):
        d.mkdir()
    items = []
    for i in range(entries):
        head, paras = ts[i % len(ts)]
        head = f"{head} [{i:05d}]"
        (plain_feed / f"{i:05d}.txt").write_text(head + "\n\n" + "\n\n".join(paras), encoding="utf-8")
        body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
        items.append(
            f"<item><title>{html.escape(head)}</title><link>https://news.example/{i}</link>"
            f"<guid>https://news.example/{i}</guid><pubDate>Thu, 08 Aug 2019 19:22:59 +0300</pubDate>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )
    feed_dir = tmp / "feed"
    feed_dir.mkdir()
    (feed_dir / "lenta.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
        'content/"><channel><title>Новости</title><link>https://news.example/</link>'
        + "".join(items)
        + "</channel></rss>",
        encoding="utf-8",
    )
    for i in range(pages):
        head, paras = ts[i % len(ts)]
        head = f"{head} [{i:05d}]"
        (plain_pages / f"{i:05d}.txt").write_text(head + "\n\n" + "\n\n".join(paras), encoding="utf-8")
        body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
        (page_dir / f"{i:05d}.html").write_text(PAGE.format(title=html.escape(head), body=body, i=i), encoding="utf-8")
    warm = tmp / "warm"
    warm.mkdir()
    (warm / "a.txt").write_text("Заголовок\n\nТекст.", encoding="utf-8")
    (warm / "b.html").write_text(PAGE.format(title="Разогрев", body="<p>Текст разогрева статьи.</p>", i=0))
    (warm / "c.rss").write_text(
        '<rss version="2.0"><channel><title>T</title><item><guid>1</guid><title>Т</title>'
        "<description>&lt;p&gt;Текст.&lt;/p&gt;</description></item></channel></rss>"
    )
    bare = tmp / "bare_app.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    return {
        "plain_feed": plain_feed,
        "plain_pages": plain_pages,
        "feed": feed_dir,
        "pages": page_dir,
        "warm": warm,
        "bare": bare,
    }


def load_all(folder: Path) -> tuple[float, int]:
    """Seconds to discover ``folder`` and load every dispatch in it (containers parsed afresh)."""
    from dispatchtui import formats, load

    formats._cache.clear()
    t = time.perf_counter()
    paths, errors = load.discover([str(folder)])
    n = sum(1 for p in paths if isinstance(load.load_path(p), load.Loaded))
    took = time.perf_counter() - t
    assert not errors and n == len(paths), (errors[:3], n, len(paths))
    return took, n


def paint(argv: list[str], needle: str, tmp: Path, runs: int) -> list[float]:
    env = {
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "DISPATCHTUI_CONFIG_DIR": str(tmp / "config"),
        "PYTHONPATH": str(ROOT / "src"),
    }
    out = []
    for _ in range(runs):
        env["DISPATCHTUI_CACHE_DIR"] = tempfile.mkdtemp(prefix="cache-", dir=tmp)
        out.append(time_to_text(argv, needle, env=env, timeout=120)[0])
    return out


def run(tmp: Path, runs: int, bare: float | None, report, entries: int = 10_000, pages: int = 1_000) -> None:
    inp = make_inputs(tmp, entries, pages)
    load_all(inp["warm"])  # imports and first-call set-up of every loader, outside the clock
    for label, fmt, plain in (
        (f"{entries:,}-entry RSS feed", "feed", "plain_feed"),
        (f"folder of {pages:,} HTML pages", "pages", "plain_pages"),
    ):
        wire = [load_all(inp[fmt])[0] for _ in range(runs)]
        ref = [load_all(inp[plain])[0] for _ in range(runs)]
        w, r = statistics.median(wire), statistics.median(ref)
        report(f"load {label}", f"{w:.2f}s", f"{w / r:.1f}x the same texts as .txt ({r:.2f}s)", None)
    if bare is None:
        bare = statistics.median(paint([PY, str(inp["bare"])], "BARE-APP-READY", tmp, runs))
        print(f"  bare Textual app first paint: median {bare:.3f}s")
    for label, fmt in (("feed", "feed"), ("HTML pages", "pages")):
        times = paint([PY, "-m", "dispatchtui", str(inp[fmt])], "[00002]", tmp, runs)
        t = statistics.median(times)
        print(f"    runs {[round(x, 3) for x in times]}")
        report(f"library first paint, {label}", f"{t:.3f}s", f"{t / bare:.2f}x bare (goal <= 4x)", t / bare <= 4)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--pages", type=int, default=1_000)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="dispatchtui-bench-formats-"))

    def report(figure, value, reference, ok):
        verdict = "" if ok is None else ("MET" if ok else "MISSED")
        print(f"  {figure:44} {value:>10}   {reference:48} {verdict}", flush=True)

    try:
        print(f"load average {os.getloadavg()[0]:.2f}; {a.runs} runs each", flush=True)
        run(tmp, a.runs, None, report, a.entries, a.pages)
    finally:
        if a.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
