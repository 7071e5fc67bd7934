"""Lazy, thread-safe access to natasha's NER model (slovnet + navec), loaded once on first use.

Nothing heavy is imported at module import: :func:`get_ner` (or :func:`preload`, for the app's
background worker) does the work the first time it is called.

We do **not** import the ``natasha`` package itself: its ``__init__`` imports ``natasha.morph.vocab``,
which imports the abandoned ``pymorphy2`` (broken on Python 3.11+: ``inspect.getargspec``,
``pkg_resources``). We only need the model files natasha ships (``natasha/data/emb`` and
``natasha/data/model``), so we locate the package directory with :func:`importlib.util.find_spec`
(which does not execute the package) and load the files with ``navec`` and ``slovnet`` directly —
exactly what ``natasha.NewsEmbedding`` and ``natasha.NewsNERTagger`` do. Nothing is downloaded.

:func:`import_natasha` is there for code that does want natasha's own ``Doc`` pipeline (the benchmark):
it aliases ``pymorphy2`` to ``pymorphy3`` in :data:`sys.modules` before importing natasha.
"""
from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

EMBEDDING_FILE = ("emb", "navec_news_v1_1B_250K_300d_100q.tar")
NER_FILE = ("model", "slovnet_ner_news_v1.tar")
SYNTAX_FILE = ("model", "slovnet_syntax_news_v1.tar")

_lock = threading.Lock()
_navec = None  # natasha's news embedding, shared by the NER tagger and the syntax parser
_ner = None  # the slovnet NER API object, navec injected
_syntax = None  # the slovnet dependency parser, navec injected


class ModelNotFound(RuntimeError):
    """natasha (which ships the model files) is not installed, or its data directory is incomplete."""


def natasha_data_dir() -> Path:
    """``site-packages/natasha/data`` without importing natasha."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFound("the natasha package is not installed (pip install natasha)")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _model_path(parts: tuple[str, str]) -> Path:
    path = natasha_data_dir().joinpath(*parts)
    if not path.is_file():
        raise ModelNotFound(f"model file missing: {path}")
    return path


def _embedding():
    """natasha's news embedding, loaded once (call with ``_lock`` held)."""
    global _navec
    if _navec is None:
        from navec import Navec

        _navec = Navec.load(str(_model_path(EMBEDDING_FILE)))
    return _navec


def _load():
    from slovnet import NER

    ner = NER.load(str(_model_path(NER_FILE)))
    ner.navec(_embedding())
    return ner


def get_syntax():
    """natasha's dependency parser (slovnet ``Syntax``, UD relations) with the same embedding as the NER
    tagger; loaded once, thread-safe. Offline: the model file ships inside the natasha package."""
    global _syntax
    if _syntax is None:
        with _lock:
            if _syntax is None:
                from slovnet import Syntax

                syntax = Syntax.load(str(_model_path(SYNTAX_FILE)))
                syntax.navec(_embedding())
                _syntax = syntax
    return _syntax


@dataclass(frozen=True, slots=True)
class Parsed:
    """One parsed token: ``head`` is the index of its head in the same sentence (-1 for the root)."""

    start: int
    stop: int
    text: str
    head: int
    rel: str


def parse_sentences(text: str, spans: list[tuple[int, int]], max_tokens: int = 120) -> list[list[Parsed]]:
    """Dependency parses of the given character ranges of ``text``, one list of tokens per range, in order.

    Each range is tokenized with razdel and cut to its first ``max_tokens`` tokens (a run-on "sentence" of
    thousands of words costs no more than a long real one). Ranges go to the model in batches."""
    from razdel import tokenize as razdel_tokenize

    toks = []
    for a, b in spans:
        ts = []
        for t in razdel_tokenize(text[a:b]):
            ts.append((a + t.start, a + t.stop, t.text))
            if len(ts) >= max_tokens:
                break
        toks.append(ts)
    out: list[list[Parsed]] = [[] for _ in spans]
    # Sorted by length: the model pads every batch to its longest sentence (its cost grows with the
    # square of that length), so sentences of like length go together.
    todo = sorted((i for i, ts in enumerate(toks) if ts), key=lambda i: len(toks[i]))
    if not todo:
        return out
    syntax = get_syntax()
    for k in range(0, len(todo), 64):
        batch = todo[k:k + 64]
        for i, markup in zip(batch, syntax.map([[w for _, _, w in toks[i]] for i in batch])):
            ids = {t.id: n for n, t in enumerate(markup.tokens)}
            out[i] = [Parsed(a, b, w, ids.get(t.head_id, -1), t.rel or "")
                      for (a, b, w), t in zip(toks[i], markup.tokens)]
    return out


def get_ner():
    """The slovnet NER tagger with natasha's news embedding; loaded once, thread-safe."""
    global _ner
    if _ner is None:
        with _lock:
            if _ner is None:
                _ner = _load()
    return _ner


def is_loaded() -> bool:
    return _ner is not None and _syntax is not None


def preload() -> None:
    """Load the NER model and the pymorphy3 dictionaries now (call from a background worker)."""
    from .morph import get_morph

    get_morph()
    get_ner()
    get_syntax()


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    stop: int
    text: str
    tag: str = "O"     # BIO tag from the NER model: "B-PER", "I-ORG", "O", ...


def tokenize(text: str) -> list[Token]:
    from .segmenters import tokenize as razdel_tokenize    # razdel's, linear in a long token

    return [Token(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


def tag_tokens(text: str) -> list[Token]:
    """razdel tokens of ``text``, each with the NER model's BIO tag.

    Same computation as ``slovnet.NER(text)`` (which natasha's ``Doc.tag_ner`` runs on the whole text),
    but it hands back the tokens too, so the callers don't tokenize a second time.
    """
    tokens = tokenize(text)
    if not tokens:
        return tokens
    ner = get_ner()
    infer = ner.infer
    words = [t.text for t in tokens]
    tags: list[str] = []
    chunks = _chunks(words)
    for start, end in chunks:
        piece = words[start:end]
        if len(chunks) > 1 and not any(map(_LETTER.search, piece)):
            # a long run of marks, digits or symbols (",,,,", "1 2 3"): no name can be in it (find_people
            # drops a span without a letter), so the model, ~0.1 ms a token, is not asked
            tags.extend(["O"] * len(piece))
            continue
        preds = infer.decoder(infer.process(infer.encoder([piece])))
        tags.extend(next(iter(preds)))
    return [Token(t.start, t.stop, t.text, tag) for t, tag in zip(tokens, tags)]


_LETTER = re.compile(r"[^\W\d_]")

#: A long text goes through the model in pieces of about this many tokens, each cut after a sentence end.
#: One pass over a whole multi-megabyte text converts arrays for ~10^6 tokens in single numpy calls that
#: hold the GIL for a second or more (the reader's keys wait behind them); pieces keep every call short.
#: Texts up to this size (every news article) take one pass, exactly as before.
NER_CHUNK_TOKENS = 3000
_SENTENCE_END = frozenset({".", "!", "?", "…", "?!", "!!!", "..."})
_CLAUSE_END = frozenset({",", ";", ":", "—", "–", "-", ")", "»", "\""})


def _chunks(words: list[str]) -> list[tuple[int, int]]:
    """Pieces of at most ``NER_CHUNK_TOKENS`` tokens, each cut in its second half: after the last sentence
    end there; in a text without one, after the last clause mark (``,`` ``;`` ``—`` …), else at the last
    place that is not between two capitalized words (not inside a name), else at the limit. One backward
    scan of at most half a piece per piece: linear."""
    n = len(words)
    if n <= NER_CHUNK_TOKENS:
        return [(0, n)]
    out: list[tuple[int, int]] = []
    start = 0
    while start < n:
        end = min(n, start + NER_CHUNK_TOKENS)
        if end < n:
            end = _cut(words, start + NER_CHUNK_TOKENS // 2, end)
        out.append((start, end))
        start = end
    return out


def _cut(words: list[str], floor: int, end: int) -> int:
    """The best place to cut ``words`` in ``(floor, end]`` (see :func:`_chunks`)."""
    clause = outside_name = 0
    for k in range(end, floor, -1):
        before = words[k - 1]
        if before in _SENTENCE_END:
            return k
        if not clause and before in _CLAUSE_END:
            clause = k
        if not outside_name and not (before[:1].isupper() and words[k][:1].isupper()):
            outside_name = k
    return clause or outside_name or end


def install_pymorphy2_alias() -> None:
    """Make ``import pymorphy2`` give pymorphy3 (natasha imports pymorphy2, broken on 3.11+)."""
    if "pymorphy2" in sys.modules and getattr(sys.modules["pymorphy2"], "__name__", "") == "pymorphy3":
        return
    import pymorphy3

    sys.modules["pymorphy2"] = pymorphy3
    for sub in ("analyzer", "tagset", "shapes", "units", "opencorpora_dict", "lang", "utils"):
        try:
            sys.modules[f"pymorphy2.{sub}"] = importlib.import_module(f"pymorphy3.{sub}")
        except ImportError:  # pragma: no cover - depends on pymorphy3's layout
            pass


def import_natasha():
    """Import natasha (for its Doc pipeline) with pymorphy2 aliased to pymorphy3."""
    with _lock:
        if "natasha" not in sys.modules:
            install_pymorphy2_alias()
        return importlib.import_module("natasha")
