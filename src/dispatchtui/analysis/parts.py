"""A huge text analysed in parts, each by the normal pipeline in a worker process, merged here.

One process running every rule stage over a 16 MB text was the critical path of its analysis (the models'
worker processes waited on it) and held per-token structures of the whole text. Where the caller allows
the models worker processes (:func:`.nlp.allow_processes`: ``extract`` analysing a file in its own process;
never the reader, never a ``--jobs`` worker), a text of :data:`PARTS_FROM_CHARS` or more is cut, after its
layout, into parts of about :data:`PART_CHARS` (:func:`plan`): at paragraph boundaries; a longer paragraph
at its sentence boundaries, a longer sentence at a space. Workers forked with the models loaded (and the
text and its layout, shared with this process) analyse each part on its own substring, its paragraphs and
sentences clipped to it, and send back only what they found, every offset already shifted back into the
whole text (:func:`_analyse_part`). This process merges (:class:`_Merge`):

* quotes in text order, statement numbers and the speakers' quote indices renumbered;
* speakers into one entry per person by the rules the people stage merges mentions by
  (:func:`.people.group_persons`: "Владимир Путин" in one part and "Путин" in another are one person),
  organizations and unnamed sources by their name;
* topics by facet and label, their mentions joined and their weights added (a theme's score and a place's
  or organization's count both sum over occurrences), ranked and cut as :mod:`.topics` does.

What a part cannot see is lost at its edges: a statement running over a cut, a pronoun whose person was
named in the part before. The layout itself is the whole text's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..model import Dateline, Quote, Repeat, Span, Speaker, Topic, TopicFacet

#: A text of this many characters or more is analysed in parts, where worker processes are allowed.
PARTS_FROM_CHARS = 1_000_000
#: A part is about this many characters (a text's few hundred thousand tokens: a few seconds' work).
PART_CHARS = 256_000

Stage = Callable[[str], None]

#: (text, paragraphs, sentences, cuts, heads) of the text being analysed in parts, set while the workers
#: fork (they read their part from it; nothing of it is pickled). ``heads`` (headline, dateline) when the
#: text is only outlined: the workers find their parts' sentences, ``sentences`` holds the long paragraphs'.
_job: tuple | None = None


def in_parts(text: str, parts_from: int | None = None) -> bool:
    """Whether :func:`analyse_in_parts` is the way to analyse ``text``."""
    from .nlp import processes_allowed

    return len(text) >= (PARTS_FROM_CHARS if parts_from is None else parts_from) and processes_allowed() > 0


def plan(text: str, paragraphs: Sequence[Span], sentences: Sequence[Span], size: int) -> list[tuple[int, int]]:
    """The parts of ``text`` as (start, end) ranges, in order, each at most ``size`` characters (see the
    module's docstring for where they are cut). Every paragraph's characters are in one part or, cut, in
    consecutive ones."""
    size = max(1, size)
    cuts: list[tuple[int, int]] = []
    start = end = paragraphs[0].start if paragraphs else 0
    for p in paragraphs:
        if p.end - start <= size:
            end = p.end
            continue
        if end > start:  # the part so far ends before this paragraph
            cuts.append((start, end))
        start = end = p.start
        while p.end - start > size:  # a paragraph longer than a part
            cut = _cut_inside(text, sentences, start, size)
            cuts.append((start, cut))
            start = cut
        end = p.end
    if end > start:
        cuts.append((start, end))
    return cuts


def _cut_inside(text: str, sentences: Sequence[Span], start: int, size: int) -> int:
    """Where a part starting at ``start`` inside a long paragraph ends: at the last sentence start within
    ``size`` characters, else after the last space there, else at ``size`` characters."""
    limit = start + size
    k = bisect_right(sentences, limit, key=lambda s: s.start) - 1
    if k >= 0 and sentences[k].start > start:
        return sentences[k].start
    space = text.rfind(" ", start + 1, limit)
    return space + 1 if space > start else limit


def analyse_in_parts(
    text: str,
    paragraphs: Sequence[Span],
    sentences: Sequence[Span] | None,
    stage: Stage,
    part_chars: int | None = None,
    heads: tuple[Span | None, Dateline | None] | None = None,
) -> tuple[list[Quote], list[Speaker], list[Topic], tuple[tuple[Span, ...], tuple[Repeat, ...]] | None]:
    """The quotes, speakers and topics of ``text`` (laid out as ``paragraphs`` and ``sentences``), found part
    by part in worker processes; ``stage("parts k/n")`` as each part is taken (where a caller can cancel).

    ``sentences`` None: ``text`` is only outlined (its headline and dateline ``heads``), and its sentences
    and repeated passages are found here too, returned fourth (else None): each part's sentences by its
    worker, the repeats by one worker before its first part. The layout of a 16 MB text, ~2.5 s of one
    process before any worker started, so runs beside the parts."""
    from . import nlp, run_stages

    global _job
    if sentences is not None:
        heads = None  # (laid out already)
    size = PART_CHARS if part_chars is None else part_chars
    given = sentences if sentences is not None else _long_sentences(text, paragraphs, heads, size)
    cuts = plan(text, paragraphs, given, size)
    _give_back_freed_memory()  # (before the fork: the workers start from this process's pages)
    _job = (text, paragraphs, given, cuts, heads)
    try:
        executor = nlp.fork_workers(_one_process)
    finally:
        _job = None  # the workers have their copy
    if executor is None:  # (workers were allowed a moment ago)
        laid = None if heads is None else _laid_out_here(text, paragraphs, heads)
        quotes, speakers, topics, _ = run_stages(text, paragraphs, laid[0] if laid else given, stage)
        return quotes, speakers, topics, laid
    merge = _Merge()
    try:
        found = _take_parts(executor, len(cuts), merge, stage, heads is not None)
    except BaseException:
        # cancelled, Ctrl-C, a part that failed: the workers stop now, not after the parts they are on
        for process in list(getattr(executor, "_processes", {}).values()):
            process.terminate()
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    quotes, speakers, topics = merge.result()
    laid = None
    if heads is not None:
        laid = (tuple(sorted([*given, *merge.sentences], key=_start_of)), found)
    del merge
    _give_back_freed_memory()  # (what unpickling the parts' findings left behind, before the export)
    return quotes, speakers, topics, laid


def _take_parts(executor, n: int, merge: _Merge, stage: Stage, outlined: bool) -> tuple[Repeat, ...]:
    """Send the ``n`` parts to the workers a few ahead (what waits here stays a few parts' findings) and
    merge their findings in order. ``outlined``: a worker first finds the text's repeated passages
    (:func:`_repeats_of_job`), returned (in this process their ~20 MB, made beside the parts' findings
    arriving, stayed in its heap: its peak at the export grew by as much)."""
    from . import nlp

    repeats = executor.submit(_repeats_of_job) if outlined else None
    stage(f"parts 0/{n}")
    ahead, sent = 2 * nlp.processes_allowed(), 0
    pending: deque = deque()
    for k in range(n):
        while sent < n and len(pending) < ahead:
            pending.append(executor.submit(_analyse_part, sent))
            sent += 1
        merge.add(*pending.popleft().result())
        stage(f"parts {k + 1}/{n}")
    return () if repeats is None else repeats.result()


def _repeats_of_job() -> tuple[Repeat, ...]:
    """In a worker: the repeated passages of the outlined text being analysed in parts."""
    assert _job is not None
    text, paragraphs, _, _, heads = _job
    found = _repeats(text, paragraphs, heads)
    _give_back_freed_memory()  # (a worker's peak stays one part's)
    return found


def _start_of(s: Span) -> int:
    return s.start


def _long_sentences(
    text: str, paragraphs: Sequence[Span], heads: tuple[Span | None, Dateline | None] | None, size: int
) -> list[Span]:
    """The sentences of the paragraphs longer than a part (:func:`plan` cuts them at their sentences), as
    :func:`.layout.find_sentences` finds them (it finds a paragraph's sentences in that paragraph alone)."""
    from .layout import find_sentences

    headline, dateline = heads or (None, None)
    return find_sentences(text, [p for p in paragraphs if len(p) > size], headline, dateline)


def _laid_out_here(
    text: str, paragraphs: Sequence[Span], heads: tuple[Span | None, Dateline | None] | None
) -> tuple[tuple[Span, ...], tuple[Repeat, ...]]:
    """The sentences and repeats of an outlined text, all found in this process (as :func:`.layout.layout`)."""
    from .layout import find_sentences

    headline, dateline = heads or (None, None)
    return tuple(find_sentences(text, list(paragraphs), headline, dateline)), _repeats(text, paragraphs, heads)


def _repeats(
    text: str, paragraphs: Sequence[Span], heads: tuple[Span | None, Dateline | None] | None
) -> tuple[Repeat, ...]:
    """The repeated passages of an outlined text (none looked for when ``heads`` is None: it was laid out)."""
    from .layout import find_debris

    return () if heads is None else tuple(find_debris(text, list(paragraphs), heads[0]))


def _give_back_freed_memory() -> None:
    """Return the heap's free pages to the system (glibc keeps what reading and laying out a huge text
    freed: ~40 MB of a 16 MB text's); elsewhere nothing."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _one_process() -> None:
    """A part's worker analyses its part alone (no workers of its own); what it inherited is frozen (see
    :func:`_settle`)."""
    import gc

    from .nlp import allow_processes

    allow_processes(1)
    gc.freeze()


def _settle() -> None:
    """In a worker after a part: its cyclic garbage collected, what survived it (the models, the word caches)
    frozen, then the freed pages given back. The collector's full passes, each over every object the worker
    held, the caches' hundreds of thousands included, were ~10% of a part's CPU; frozen, they look only at
    what the part being analysed made. (No result depends on when garbage is collected.)"""
    import gc

    gc.collect()
    gc.freeze()
    _give_back_freed_memory()


def _no_stage(name: str) -> None:
    pass


def _analyse_part(k: int):
    """In a worker: part ``k``'s (quotes, speakers, person keys, topics, sentences found), offsets in the
    whole text (quote indices and statement numbers still the part's own; the sentences those of its
    paragraphs no longer than a part, when the text is only outlined, else none)."""
    from . import run_stages
    from .people import person_key

    assert _job is not None
    text, paragraphs, sentences, cuts, heads = _job
    a, b = cuts[k]
    paras, owners = _clipped(text, paragraphs, a, b)
    own = [] if heads is None else _own_sentences(text, paragraphs, heads, a, b)
    if heads is not None:  # the part's sentences: its own paragraphs', and those of a long one it is in
        lo, hi = bisect_right(sentences, a, key=_end_of), bisect_left(sentences, b, key=_start_of)
        sentences = sorted([*own, *sentences[lo:hi]], key=_start_of)
    sents, _ = _clipped(text, sentences, a, b)
    quotes, speakers, topics, entities = run_stages(text[a:b], paras, sents, _no_stage)
    by_name = {e.name: e for e in entities if e.kind == "person"}
    keys = [person_key(s.name, by_name.get(s.name)) if s.kind == "person" else None for s in speakers]
    found = (
        [_shift_quote(q, a, owners) for q in quotes],
        [_shift_speaker(s, a) for s in speakers],
        keys,
        [replace(t, mentions=_shift_spans(t.mentions, a)) for t in topics],
        own,
    )
    del quotes, speakers, topics, entities, by_name, paras, sents
    _settle()  # what the part's stages freed: a worker's peak stays one part's
    return found


def _end_of(s: Span) -> int:
    return s.end


def _own_sentences(
    text: str, paragraphs: Sequence[Span], heads: tuple[Span | None, Dateline | None], a: int, b: int
) -> list[Span]:
    """The sentences of the paragraphs inside part ``[a, b)``, as :func:`.layout.find_sentences` finds them.
    Each paragraph no longer than a part is inside one part; a longer one's sentences were found before
    the parts were cut (none is inside a part: a part is no longer than a part)."""
    from .layout import find_sentences

    lo, hi = bisect_left(paragraphs, a, key=_start_of), bisect_left(paragraphs, b, key=_start_of)
    return find_sentences(text, [p for p in paragraphs[lo:hi] if p.end <= b], heads[0], heads[1])


def _clipped(text: str, spans: Sequence[Span], a: int, b: int) -> tuple[list[Span], list[int]]:
    """The ``spans`` (sorted, disjoint) within ``[a, b)``, clipped to it without the whitespace at a cut,
    relative to ``a``; and the index of each in ``spans``."""
    out: list[Span] = []
    owners: list[int] = []
    k = bisect_right(spans, a, key=lambda s: s.end)
    while k < len(spans) and spans[k].start < b:
        x, y = max(spans[k].start, a), min(spans[k].end, b)
        while x < y and text[x].isspace():
            x += 1
        while y > x and text[y - 1].isspace():
            y -= 1
        if y > x:
            out.append(Span(x - a, y - a))
            owners.append(k)
        k += 1
    return out, owners


def _shift(s: Span | None, by: int) -> Span | None:
    return None if s is None else Span(s.start + by, s.end + by)


def _shift_spans(spans: tuple[Span, ...], by: int) -> tuple[Span, ...]:
    return tuple(Span(s.start + by, s.end + by) for s in spans)


def _shift_quote(q: Quote, by: int, owners: list[int]) -> Quote:
    return replace(
        q,
        start=q.start + by,
        end=q.end + by,
        paragraph=owners[q.paragraph],
        speaker_span=_shift(q.speaker_span, by),
        cue_span=_shift(q.cue_span, by),
    )


def _shift_speaker(s: Speaker, by: int) -> Speaker:
    return replace(s, mentions=_shift_spans(s.mentions, by), role_mentions=_shift_spans(s.role_mentions, by))


class _Merge:
    """The parts' findings, taken in text order, merged (see the module's docstring)."""

    def __init__(self) -> None:
        self.quotes: list[Quote] = []
        self.speakers: list[Speaker] = []  # every part's, their quote indices renumbered
        self.keys: list = []  # a person's PersonKey, else None, for each of ``speakers``
        self.topics: dict[tuple[TopicFacet, str], list] = {}  # (facet, label) → [mentions, weight]
        #: one string object for each cue, reason and speaker name written alike (each part's came as its own
        #: copies: a 16 MB text's 25,000 quotes have ~200 different cues and reasons)
        self.strings: dict[str, str] = {}
        self.sentences: list[Span] = []  # the sentences the parts found (an outlined text's)

    def _one(self, s: str | None) -> str | None:
        return None if s is None else self.strings.setdefault(s, s)

    def add(
        self, quotes: list[Quote], speakers: list[Speaker], keys: list, topics: list[Topic], sentences: list[Span]
    ) -> None:
        base, one = len(self.quotes), self._one
        self.sentences.extend(sentences)
        self.quotes.extend(
            replace(
                q,
                statement=None if q.statement is None else q.statement + base,
                cue=one(q.cue),
                reason=one(q.reason),
                speaker=one(q.speaker),
            )
            for q in quotes
        )
        self.speakers.extend(replace(s, quotes=tuple(i + base for i in s.quotes)) for s in speakers)
        self.keys.extend(keys)
        for t in topics:
            entry = self.topics.setdefault((t.facet, t.label), [[], 0.0])
            entry[0].extend(t.mentions)
            entry[1] += t.weight

    def result(self) -> tuple[list[Quote], list[Speaker], list[Topic]]:
        speakers = self._speakers()
        for s in speakers:  # each quote's speaker by its merged name
            for i in s.quotes:
                if self.quotes[i].speaker != s.name:
                    self.quotes[i] = replace(self.quotes[i], speaker=s.name)
        return self.quotes, speakers, self._topics()

    def _speakers(self) -> list[Speaker]:
        """One entry per person (see :func:`.people.group_persons`), organization or source; the quoted ones
        first in the order they are first quoted, then the others in text order (as :func:`.resolve.resolve`
        orders them)."""
        from .people import group_persons

        persons = [i for i, k in enumerate(self.keys) if k is not None]
        group_of = {i: ("person", g) for i, g in zip(persons, group_persons([self.keys[i] for i in persons]))}
        groups: dict[object, list[Speaker]] = {}
        for i, s in enumerate(self.speakers):
            groups.setdefault(group_of.get(i, ("name", s.name)), []).append(s)
        merged: dict[str, Speaker] = {}  # by name: a person and an organization of one name are one entry
        for entries in groups.values():
            s = _merged(entries)
            merged[s.name] = _merged([merged[s.name], s]) if s.name in merged else s
        quoted = sorted((s for s in merged.values() if s.quotes), key=lambda s: s.quotes[0])
        return quoted + [s for s in merged.values() if not s.quotes]

    def _topics(self) -> list[Topic]:
        from .topics import MAX_ORGS, MAX_PLACES, MAX_THEMES

        out: list[Topic] = []
        limits: tuple[tuple[TopicFacet, int], ...] = (
            ("theme", MAX_THEMES),
            ("place", MAX_PLACES),
            ("organization", MAX_ORGS),
        )
        for facet, limit in limits:
            found = [
                Topic(label, tuple(sorted(mentions)), f, round(weight, 3))
                for (f, label), (mentions, weight) in self.topics.items()
                if f == facet
            ]
            found.sort(key=lambda t: (-t.weight, t.mentions[0].start if t.mentions else 0))
            out += found[:limit]
        return out


def _merged(entries: list[Speaker]) -> Speaker:
    """One speaker of the entries of one person (or organization, or source): the fullest name (the most
    words; the first of those), the first role given, every mention and quote."""
    if len(entries) == 1:
        return entries[0]
    name = max(entries, key=lambda s: len(s.name.split())).name
    return Speaker(
        name,
        entries[0].kind,
        next((s.role for s in entries if s.role), None),
        tuple(sorted({m for s in entries for m in s.mentions})),
        tuple(sorted({i for s in entries for i in s.quotes})),
        tuple(sorted({m for s in entries for m in s.role_mentions})),
    )
