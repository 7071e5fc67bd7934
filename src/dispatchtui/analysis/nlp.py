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

import bisect
import importlib
import importlib.util
import re
import sys
import threading
from array import array
from collections import deque
from collections.abc import Callable, Sequence
from contextlib import contextmanager
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
    thousands of words costs no more than a long real one). Ranges go to the model in batches; many
    ranges are tokenized and parsed in worker processes (see :func:`tag_compact`) when allowed: the same
    parses, a batch's parse depending on its sentences alone."""
    pool = _Pool.start() if len(spans) >= PARALLEL_FROM_SENTENCES else None
    if pool is not None:
        _foreground_done.clear()  # the caller waits for these parses: a background tagging pauses
    try:
        return _parse_with(pool, text, spans, max_tokens)
    finally:
        if pool is not None:
            _foreground_done.set()
            pool.close()


def _parse_with(pool: _Pool | None, text: str, spans: list[tuple[int, int]], max_tokens: int) -> list[list[Parsed]]:
    """:func:`parse_sentences`, the work done here or in ``pool``."""
    toks: list[list[tuple[int, int, str]]] = []
    for k in range(0, len(spans), 256):
        ranges = [(a, text[a:b]) for a, b in spans[k : k + 256]]
        if pool is not None:
            pool.put(_range_tokens, (ranges, max_tokens), toks.extend)
        else:
            toks.extend(_range_tokens((ranges, max_tokens)))
    if pool is not None:
        pool.drain()
    out: list[list[Parsed]] = [[] for _ in spans]
    # Sorted by length: the model pads every batch to its longest sentence (its cost grows with the
    # square of that length), so sentences of like length go together.
    todo = sorted((i for i, ts in enumerate(toks) if ts), key=lambda i: len(toks[i]))

    def take(batch: list[int], heads: list[list[tuple[int, str]]]) -> None:
        for i, hs in zip(batch, heads):
            out[i] = [Parsed(a, b, w, head, rel) for (a, b, w), (head, rel) in zip(toks[i], hs)]

    for k in range(0, len(todo), 64):
        batch = todo[k : k + 64]
        words = [[w for _, _, w in toks[i]] for i in batch]
        if pool is not None:
            pool.put(_parse_batch, words, lambda heads, batch=batch: take(batch, heads))
        else:
            take(batch, _parse_batch(words))
    if pool is not None:
        pool.drain()
    return out


def _range_tokens(job: tuple[list[tuple[int, str]], int]) -> list[list[tuple[int, int, str]]]:
    """razdel's first ``max_tokens`` tokens of each range (its start, its text), as (start, stop, word)."""
    from .segmenters import token_spans  # razdel's tokens

    ranges, max_tokens = job
    out = []
    for a, piece in ranges:
        out.append([(a + x, a + y, piece[x:y]) for x, y in token_spans(piece)[:max_tokens]])
    return out


def _parse_batch(sentences: list[list[str]]) -> list[list[tuple[int, str]]]:
    """The parser's (head index, relation) of every word of a batch of sentences: what
    ``get_syntax().map(sentences)`` gives (the same sub-batches of slovnet's batch size, padded alike), its
    network run by :mod:`.inference` (the same numbers, fewer copies)."""
    from slovnet.exec.mask import split_masked

    from .inference import syntax_pred

    syntax = get_syntax()
    infer = syntax.infer
    model, encoder, rels = infer.model, infer.encoder, infer.decoder.rels_vocab
    size = min(syntax.batch_size, encoder.batch_size)  # API.map's chunks, each chopped again by the encoder
    heads = []
    for k in range(0, len(sentences), size):
        batch = encoder.input([_word_ids(encoder, words) for words in sentences[k : k + size]])
        pred = syntax_pred(model, batch.word_id, batch.shape_id, batch.pad_mask)
        mask = ~batch.pad_mask
        head_ids = split_masked(model.head.decode(pred.head_id, mask), mask)
        rel_ids = split_masked(model.rel.decode(pred.rel_id, mask), mask)
        for head_id, rel_id in zip(head_ids, rel_ids):
            n = len(head_id)  # slovnet's head ids: 0 the root, else a token's number from 1
            heads.append(
                [(h - 1 if 0 < h <= n else -1, rels.decode(r) or "") for h, r in zip(head_id.tolist(), rel_id.tolist())]
            )
    return heads


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
    tag: str = "O"  # BIO tag from the NER model: "B-PER", "I-ORG", "O", ...


def tokenize(text: str) -> list[Token]:
    from .segmenters import tokenize as razdel_tokenize  # razdel's, linear in a long token

    return [Token(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


#: The NER's tags, each one string, by a small id (:class:`Tokens` holds a byte per token).
_TAG_NAMES: list[str] = []
_TAG_IDS: dict[str, int] = {}


def _tag_id(tag: str) -> int:
    k = _TAG_IDS.get(tag)
    if k is None:
        with _lock:
            k = _TAG_IDS.get(tag)
            if k is None:
                k = _TAG_IDS[tag] = len(_TAG_NAMES)
                _TAG_NAMES.append(tag)
    return k


def _offsets(text: str) -> array:
    """An empty array for the offsets of ``text``: four bytes each when they fit (every text under 2 GB)."""
    return array("i" if len(text) < 2**31 else "q")


class TagView(Sequence):
    """The tags of :class:`Tokens` as strings, read from their byte ids (nothing is copied)."""

    __slots__ = ("ids",)

    def __init__(self, ids: bytes | bytearray) -> None:
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [_TAG_NAMES[k] for k in self.ids[i]]
        return _TAG_NAMES[self.ids[i]]

    def __iter__(self):
        return map(_TAG_NAMES.__getitem__, self.ids)


class Tokens(Sequence):
    """razdel tokens of a text with their NER tags, held compactly: offsets in two arrays (four bytes each),
    the tags a byte each (an id of one shared string), the text itself. A :class:`Token` is made when one
    is asked for (index, slice, iteration).

    A 16 MB dispatch has ~1.5 million tokens: as a list of Token objects (each with its own string and
    int objects) they took ~300 MB, here ~14 MB (with eight-byte offsets and a list of tags, ~36 MB)."""

    __slots__ = ("text", "starts", "stops", "tag_ids")

    def __init__(self, text: str, starts: array, stops: array, tags: Sequence[str] | bytes | bytearray) -> None:
        """``tags``: the tags as strings, or their ids (see :func:`_tag_id`) as bytes."""
        self.text, self.starts, self.stops = text, starts, stops
        self.tag_ids = tags if isinstance(tags, (bytes, bytearray)) else bytearray(map(_tag_id, tags))

    @property
    def tags(self) -> TagView:
        return TagView(self.tag_ids)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        a, b = self.starts[i], self.stops[i]
        return Token(a, b, self.text[a:b], _TAG_NAMES[self.tag_ids[i]])

    def __iter__(self):
        text, names = self.text, _TAG_NAMES
        for a, b, tag in zip(self.starts, self.stops, self.tag_ids):
            yield Token(a, b, text[a:b], names[tag])

    def get(self, start: int, default: int | None = None) -> int | None:
        """Index of the token starting at ``start`` (the offsets are increasing), else ``default``."""
        k = bisect.bisect_left(self.starts, start)
        return k if k < len(self.starts) and self.starts[k] == start else default


def tag_tokens(text: str) -> list[Token]:
    """razdel tokens of ``text``, each with the NER model's BIO tag, as a list (see :func:`tag_compact`)."""
    return list(tag_compact(text))


def tag_compact(text: str, *, background: bool = False) -> Tokens:
    """razdel tokens of ``text``, each with the NER model's BIO tag.

    Same computation as ``slovnet.NER(text)`` (which natasha's ``Doc.tag_ner`` runs on the whole text),
    but it hands back the tokens too, so the callers don't tokenize a second time. The text is tokenized
    a slice at a time (see :func:`_razdel_tokens`) and goes to the model one piece (see
    :data:`NER_CHUNK_TOKENS`) at a time: only a slice's words are held besides the result (the pieces are
    exactly those of :func:`_chunks`). A text of :data:`PARALLEL_FROM_CHARS` or more, when the caller
    allowed it (:func:`allow_processes`), is tokenized and tagged in worker processes, this one cutting
    the pieces: the same tokens and tags (a piece's tags depend on its words alone), in a fraction of the
    time."""
    starts, stops = _offsets(text), _offsets(text)
    tags = bytearray()  # one id a tag (see _tag_id)
    words: list[str] = []  # the words not yet tagged
    pieces = False  # the text goes in more than one piece
    pool = _Pool.start(background) if len(text) >= PARALLEL_FROM_CHARS else None

    def take(got: list[str]) -> None:
        tags.extend(map(_tag_id, got))

    waiting: list[list[str]] = []  # pieces cut, tagged here a few at once (see _tag_many)

    def untagged(batch: list[list[str]]) -> None:
        for got in _tag_many(batch, True):
            take(got)
        batch.clear()

    try:
        for slice_starts, slice_stops, slice_words in _slice_tokens(text) if pool is None else pool.tokens(text):
            same = slice_starts.typecode == starts.typecode  # (else extended item by item)
            starts.extend(slice_starts if same else iter(slice_starts))
            stops.extend(slice_stops if same else iter(slice_stops))
            words.extend(slice_words)
            # more follow: cut a piece (see _chunks; _cut looks at the piece's words and the next one only)
            while len(words) > NER_CHUNK_TOKENS:
                end = _cut(words, NER_CHUNK_TOKENS // 2, NER_CHUNK_TOKENS)
                piece = words[:end]
                del words[:end]
                pieces = True
                if pool is not None:
                    pool.put(_tag_piece, piece, take)
                else:
                    waiting.append(piece)
                    if len(waiting) >= NER_DECODED_TOGETHER:
                        untagged(waiting)
        if pool is not None:
            pool.drain()
    finally:
        if pool is not None:
            pool.close()
    untagged(waiting)
    if words:
        take(_tag(words, pieces))
    return Tokens(text, starts, stops, tags)


#: A text of this many characters (~1.2 MB, ~200,000 tokens, a hundred pieces) is tagged in worker
#: processes, when allowed: below, starting them costs more than it saves.
PARALLEL_FROM_CHARS = 1_200_000
#: So many sentences (sixteen batches) are parsed in worker processes, when allowed.
PARALLEL_FROM_SENTENCES = 1024
_processes = 1  # worker processes the models may use (see allow_processes)


def allow_processes(n: int) -> None:
    """Let :func:`tag_compact` and :func:`parse_sentences` send a long text's pieces to ``n`` worker
    processes (1: never). For a caller that analyses one text at a time with the cores to itself
    (``extract`` in its own process); never used inside a daemonic worker (``extract --jobs``'s, which
    cannot have children anyway)."""
    global _processes
    _processes = max(1, n)


def processes_allowed() -> int:
    """How many worker processes :func:`fork_workers` would start (0: none, not allowed or not possible)."""
    import multiprocessing as mp

    if _processes < 2 or mp.current_process().daemon or "fork" not in mp.get_all_start_methods():
        return 0
    return _processes


def fork_workers(initializer: Callable[[], None] | None = None):
    """A ``ProcessPoolExecutor`` of :func:`processes_allowed` workers, forked now with the models loaded
    (shared with this process, not reloaded), each ignoring Ctrl-C and running ``initializer``; None when
    workers are not allowed."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    workers = processes_allowed()
    if not workers:
        return None
    preload()  # the models loaded before the fork, so every worker has them
    executor = ProcessPoolExecutor(
        workers, mp_context=mp.get_context("fork"), initializer=_start_worker, initargs=(initializer,)
    )
    executor.submit(len, "").result()  # forked now, from this thread (none other is in the middle of work)
    return executor


def _start_worker(initializer: Callable[[], None] | None) -> None:
    _quiet_worker()
    if initializer is not None:
        initializer()


def _quiet_worker() -> None:
    """A worker leaves Ctrl-C to the parent, which stops the pool."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _tag_piece(words: list[str]) -> list[str]:
    """In a worker process: one piece's tags (see :func:`tag_compact`)."""
    return _tag(words, True)


class _Pool:
    """Worker processes for one call (forked: the loaded models are shared, not reloaded) and the work
    sent to them, whose results are taken in the order it was sent. At most a few items wait per
    worker, so what is held stays a few pieces' worth however far the sender runs ahead."""

    def __init__(self, executor, workers: int, owned: bool = True, background: bool = False) -> None:
        self.executor, self.workers, self.owned, self.background = executor, workers, owned, background
        self.pending: deque = deque()  # (future, what takes its result)

    @classmethod
    def start(cls, background: bool = False) -> _Pool | None:
        """The pool (the shared one's processes while :func:`shared_processes` holds them open), or None
        where workers are not allowed (see :func:`allow_processes`) or cannot fork. A ``background``
        user sends nothing while a caller waits on the shared workers (see :func:`parse_sentences`)."""
        if _shared is not None:
            return cls(_shared.executor, _shared.workers, owned=False, background=background)
        executor = fork_workers()
        return None if executor is None else cls(executor, _processes)

    def tokens(self, text: str):
        """:func:`_slice_tokens` of ``text``, the slices tokenized by the workers, a few ahead."""
        ahead: deque = deque()
        for start, end in _slices(text):
            self._wait_turn()
            ahead.append(self.executor.submit(_tokens_of, text[start:end], start))
            if len(ahead) > self.workers:
                yield ahead.popleft().result()
        while ahead:
            yield ahead.popleft().result()

    def put(self, fn, arg, take) -> None:
        """Send ``fn(arg)``; the oldest results go to their ``take`` while too many wait."""
        self._wait_turn()
        self.pending.append((self.executor.submit(fn, arg), take))
        while len(self.pending) > 3 * self.workers:
            self._take_oldest()

    def _wait_turn(self) -> None:
        if self.background:
            _foreground_done.wait()

    def drain(self) -> None:
        while self.pending:
            self._take_oldest()

    def _take_oldest(self) -> None:
        future, take = self.pending.popleft()
        take(future.result())

    def close(self) -> None:
        if self.owned:
            self.executor.shutdown(wait=True, cancel_futures=True)


_shared: _Pool | None = None  # the worker processes one analysis holds open (see shared_processes)
_foreground_done = threading.Event()  # clear while a caller waits on the shared workers
_foreground_done.set()


@contextmanager
def shared_processes(text: str):
    """For the analysis of ``text``: when it is long enough for the models' worker processes
    (:data:`PARALLEL_FROM_CHARS`) and they are allowed, one pool of them for every model call inside,
    started once. Yields whether there is one."""
    global _shared
    pool = _Pool.start() if _shared is None and len(text) >= PARALLEL_FROM_CHARS else None
    if pool is None:
        yield False
        return
    _shared = pool
    try:
        yield True
    finally:
        _shared = None
        pool.close()


def tag_soon(text: str) -> Callable[[], Tokens]:
    """:func:`tag_compact` of ``text``, as a call that gives it. Inside :func:`shared_processes` (with
    workers) it starts now, in a thread that only hands slices and pieces to the workers and cuts pieces
    (it waits for them nearly all the time), so the text is tagged while the caller does its other
    stages, pausing while this process waits for parses; the call waits for the tags. Elsewhere the
    call computes them. Either way the same tokens."""
    if _shared is None:
        return lambda: tag_compact(text)
    from concurrent.futures import ThreadPoolExecutor

    thread = ThreadPoolExecutor(1, thread_name_prefix="dispatchtui-ner")
    future = thread.submit(tag_compact, text, background=True)
    thread.shutdown(wait=False)
    return future.result


#: razdel is given a long text in slices of about this many characters (see :func:`_razdel_tokens`): the
#: atoms of a slice of 2**18 were ~14 MB, of 2**16 ~3.5 MB; smaller slices cost no more time.
RAZDEL_SLICE_CHARS = 1 << 16
#: Whitespace between two letters: razdel never joins across whitespace, and only its dash / underscore /
#: float / fraction rules look past the atoms next to a split, when one of those is such a sign. Cut here,
#: and every slice tokenizes exactly as the whole text would.
_SAFE_CUT = re.compile(r"(?<=[^\W\d_])\s+(?=[^\W\d_])")


def _razdel_tokens(text: str):
    """razdel's tokens of ``text`` as (start, stop, text), the same as ``razdel.tokenize(text)`` gives, but
    a slice of the text at a time: razdel lists every atom of what it is given first (~200 bytes each: a
    16 MB text peaked ~300 MB inside razdel alone)."""
    for starts, stops, words in _slice_tokens(text):
        yield from zip(starts, stops, words)


def _slice_tokens(text: str):
    """The tokens of each slice of ``text`` (see :func:`_slices`) in turn, as (starts, stops, words)."""
    for start, end in _slices(text):
        yield _tokens_of(text[start:end] if (start, end) != (0, len(text)) else text, start)


def _slices(text: str):
    """(start, end) of the slices razdel is given: about :data:`RAZDEL_SLICE_CHARS` each, cut where no
    razdel rule looks across (:data:`_SAFE_CUT`)."""
    n = len(text)
    start = 0
    while start < n:
        end = n
        if n - start > RAZDEL_SLICE_CHARS:
            m = _SAFE_CUT.search(text, start + RAZDEL_SLICE_CHARS)
            if m is not None:
                end = m.start()
        yield start, end
        start = end


#: A long run of one mark razdel joins into one token ("!!!!", "....", "----"), between letters or spaces:
#: razdel's join of such a run grows faster than the run (256,000 "!" took 10 s), so the run is made the one
#: token razdel would make, and razdel tokenizes what lies around it.
_MARK_RUN = re.compile(r"(?:(?<=[^\W\d_])|(?<=\s)|^)([!.\-])\1{255,}(?=[^\W\d_]|\s|$)")


def _tokens_of(piece: str, offset: int) -> tuple[array, array, list[str]]:
    """razdel's tokens of one slice, which starts at ``offset`` of the text."""
    from .segmenters import token_spans  # razdel's tokens

    code = "i" if offset + len(piece) < 2**31 else "q"
    starts, stops, words = array(code), array(code), []
    at = 0
    for run in (*_MARK_RUN.finditer(piece), None):
        end = run.start() if run is not None else len(piece)
        part = piece[at:end] if (at, end) != (0, len(piece)) else piece
        base = offset + at
        for x, y in token_spans(part):
            starts.append(base + x)
            stops.append(base + y)
            words.append(part[x:y])
        if run is not None:
            starts.append(offset + run.start())
            stops.append(offset + run.end())
            words.append(run.group())
            at = run.end()
    return starts, stops, words


_TAGS: dict[str, str] = {}


def _tag(words: list[str], one_of_many: bool) -> list[str]:
    """The model's BIO tags of one piece (each tag one shared string)."""
    return _tag_many([words], one_of_many)[0]


def _tag_many(pieces: list[list[str]], one_of_many: bool) -> list[list[str]]:
    """:func:`_tag` of each of ``pieces``, each run through the network alone, their Viterbi decodings
    together (:func:`.inference.viterbi_many`: each piece's very numbers, a fraction of the numpy calls)."""
    from .inference import ner_emissions, viterbi_many

    infer = get_ner().infer
    model = infer.model
    transitions = model.head.crf.transitions.array
    paths: list[list[int] | None] = []  # a piece's path, None: decoded with the others, below
    marks: set[int] = set()  # the pieces of marks alone, not asked of the model
    plain: list = []  # the emissions of the pieces without a pad word, decoded together
    for k, words in enumerate(pieces):
        if one_of_many and not any(map(_LETTER.search, words)):
            # a long run of marks, digits or symbols (",,,,", "1 2 3"): no name can be in it (find_people
            # drops a span without a letter), so the model, ~0.1 ms a token, is not asked
            marks.add(k)
            paths.append([])
            continue
        batch = infer.encoder.input([_word_ids(infer.encoder, words)])
        # slovnet's network and decoding, done by .inference: the same numbers, fewer copies and numpy calls
        emissions = ner_emissions(model, batch.word_id, batch.shape_id, batch.pad_mask)
        if batch.pad_mask.any():  # a word that is the vocabulary's pad: slovnet's masked decoding
            paths.append(crf_decode(transitions, emissions, ~batch.pad_mask)[0])
        else:
            paths.append(None)
            plain.append(emissions[0])
    decoded = iter(viterbi_many(transitions, plain))
    out = []
    for k, path in enumerate(paths):
        if k in marks:
            out.append(["O"] * len(pieces[k]))
            continue
        found = next(decoded) if path is None else path
        out.append([_TAGS.setdefault(tag, tag) for tag in next(iter(infer.decoder([found])))])
    return out


_IDS: dict[str, tuple[int, int]] = {}


def _word_ids(encoder, words: list[str]) -> tuple[list[int], list[int]]:
    """slovnet's ``WordShapeEncoder.item``: each word's vocabulary and shape ids, a word's pair computed once
    (the encoder's own loop was a sixth of the NER's time; the ids depend on the word alone)."""
    from slovnet.shape import word_shape

    word_ids, shape_ids = [], []
    for word in words:
        ids = _IDS.get(word)
        if ids is None:
            if len(_IDS) > 200_000:
                _IDS.clear()
            ids = _IDS[word] = (encoder.words_vocab.encode(word.lower()), encoder.shapes_vocab.encode(word_shape(word)))
        word_ids.append(ids[0])
        shape_ids.append(ids[1])
    return word_ids, shape_ids


def crf_decode(transitions, emissions, mask) -> list:
    """Viterbi paths of a batch: the very numbers of slovnet's ``CRF.decode`` (the same float operations in
    the same order), without its per-token index arrays, which made the decoding a third of the NER's
    time. ``emissions`` is batch x tokens x tags, ``mask`` batch x tokens (True on real tokens)."""
    import numpy as np

    out = []
    tags = np.arange(emissions.shape[2])
    for em, m in zip(emissions, mask):
        score = em[0]
        history = []
        for index in range(1, em.shape[0]):
            step = score[:, None] + transitions + em[index][None, :]  # from-tag x to-tag
            best = step.argmax(0)
            if m[index]:
                score = step[best, tags]
            history.append(best)
        path = [score.argmax()]
        for best in reversed(history[: int(m.sum()) - 1]):
            path.append(best[path[-1]])
        path.reverse()
        out.append(np.array(path))
    return out


_LETTER = re.compile(r"[^\W\d_]")

#: A long text goes through the model in pieces of about this many tokens, each cut after a sentence end.
#: One pass over a whole multi-megabyte text converts arrays for ~10^6 tokens in single numpy calls that
#: hold the GIL for a second or more (the reader's keys wait behind them); pieces keep every call short.
#: Texts up to this size (every news article) take one pass, exactly as before.
NER_CHUNK_TOKENS = 3000
#: Pieces of a text tagged in this process are decoded this many at once (see :func:`_tag_many`): a part
#: of a huge text analysed in parts has ~15
NER_DECODED_TOGETHER = 16
_SENTENCE_END = frozenset({".", "!", "?", "…", "?!", "!!!", "..."})
_CLAUSE_END = frozenset({",", ";", ":", "—", "–", "-", ")", "»", '"'})


def _chunks(words: list[str]) -> list[tuple[int, int]]:
    """Pieces of at most ``NER_CHUNK_TOKENS`` tokens, each cut in its second half: after the last sentence
    end there; in a text without one, after the last clause mark (``,`` ``;`` ``—`` …), else at the last
    place that is not between two capitalized words (not inside a name), else at the limit. One backward
    scan of at most half a piece per piece: linear."""
    n = len(words)
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
