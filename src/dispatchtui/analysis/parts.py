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

from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..model import Quote, Span, Speaker, Topic, TopicFacet

#: A text of this many characters or more is analysed in parts, where worker processes are allowed.
PARTS_FROM_CHARS = 1_000_000
#: A part is about this many characters (a text's few hundred thousand tokens: a few seconds' work).
PART_CHARS = 256_000

Stage = Callable[[str], None]

#: (text, paragraphs, sentences, cuts) of the text being analysed in parts, set while the workers fork
#: (they read their part from it; nothing of it is pickled)
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
    text: str, paragraphs: Sequence[Span], sentences: Sequence[Span], stage: Stage, part_chars: int | None = None
) -> tuple[list[Quote], list[Speaker], list[Topic]]:
    """The quotes, speakers and topics of ``text`` (laid out as ``paragraphs`` and ``sentences``), found part
    by part in worker processes; ``stage("parts k/n")`` as each part is taken (where a caller can cancel)."""
    from . import nlp, run_stages

    global _job
    cuts = plan(text, paragraphs, sentences, PART_CHARS if part_chars is None else part_chars)
    _give_back_freed_memory()  # (before the fork: the workers start from this process's pages)
    _job = (text, paragraphs, sentences, cuts)
    try:
        executor = nlp.fork_workers(_one_process)
    finally:
        _job = None  # the workers have their copy
    if executor is None:  # (workers were allowed a moment ago)
        quotes, speakers, topics, _ = run_stages(text, paragraphs, sentences, stage)
        return quotes, speakers, topics
    merge = _Merge()
    try:
        stage(f"parts 0/{len(cuts)}")
        ahead, sent = 2 * nlp.processes_allowed(), 0
        pending: deque = deque()  # a few parts sent ahead: what waits here stays a few parts' findings
        for k in range(len(cuts)):
            while sent < len(cuts) and len(pending) < ahead:
                pending.append(executor.submit(_analyse_part, sent))
                sent += 1
            merge.add(*pending.popleft().result())
            stage(f"parts {k + 1}/{len(cuts)}")
    except BaseException:
        # cancelled, Ctrl-C, a part that failed: the workers stop now, not after the parts they are on
        for process in list(getattr(executor, "_processes", {}).values()):
            process.terminate()
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    found = merge.result()
    del merge
    _give_back_freed_memory()  # (what unpickling the parts' findings left behind, before the export)
    return found


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
    """A part's worker analyses its part alone (no workers of its own)."""
    from .nlp import allow_processes

    allow_processes(1)


def _no_stage(name: str) -> None:
    pass


def _analyse_part(k: int):
    """In a worker: part ``k``'s (quotes, speakers, person keys, topics), offsets in the whole text (quote
    indices and statement numbers still the part's own)."""
    from . import run_stages
    from .people import person_key

    assert _job is not None
    text, paragraphs, sentences, cuts = _job
    a, b = cuts[k]
    paras, owners = _clipped(text, paragraphs, a, b)
    sents, _ = _clipped(text, sentences, a, b)
    quotes, speakers, topics, entities = run_stages(text[a:b], paras, sents, _no_stage)
    by_name = {e.name: e for e in entities if e.kind == "person"}
    keys = [person_key(s.name, by_name.get(s.name)) if s.kind == "person" else None for s in speakers]
    found = (
        [_shift_quote(q, a, owners) for q in quotes],
        [_shift_speaker(s, a) for s in speakers],
        keys,
        [replace(t, mentions=_shift_spans(t.mentions, a)) for t in topics],
    )
    del quotes, speakers, topics, entities, by_name, paras, sents
    _give_back_freed_memory()  # what the part's stages freed: a worker's peak stays one part's
    return found


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

    def _one(self, s: str | None) -> str | None:
        return None if s is None else self.strings.setdefault(s, s)

    def add(self, quotes: list[Quote], speakers: list[Speaker], keys: list, topics: list[Topic]) -> None:
        base, one = len(self.quotes), self._one
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
