"""The core: pure functions, text in, parts of the model out. No UI imports here, ever.

Two entry points:

* :func:`segment` — the cheap part (paragraphs, sentences, headline, dateline, repeats). It needs no
  model and is what the reader paints at once.
* :func:`analyze` — everything: :func:`segment` plus quotes, people, speaker resolution and topics.
  The NER model loads lazily on first use (see :mod:`dispatchtui.analysis.nlp`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..model import Dispatch, Meta, Span

_SURROGATE = re.compile("[\ud800-\udfff]")


def one_blas_thread() -> None:
    """Run the model's numpy with one BLAS thread, unless the user chose otherwise. Call before numpy is
    imported. OpenBLAS spreads one process's NER over every core with threads that spin while they wait:
    ``extract --jobs N`` processes only fought each other (--jobs 2 was no faster), and in the reader they
    took the interface's core."""
    import os

    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


#: Bump when the output of analyze() changes for the same text (invalidates the on-disk cache).
ANALYSER_VERSION = "17"


def segment(
    text: str, *, source: str = "-", encoding: str = "utf-8", notes: tuple[str, ...] = (), meta: Meta | None = None
) -> Dispatch:
    """Layout only: fast, model-free. ``text`` must already be normalized (see :mod:`dispatchtui.load`);
    ``meta`` is what the file format said (its headline and dateline win over the text's)."""
    from .layout import layout

    lay = layout(text, meta)
    return _laid_out(text, lay, source, encoding, notes, meta, sentences=lay.sentences, repeats=lay.repeats)


def outline(
    text: str, *, source: str = "-", encoding: str = "utf-8", notes: tuple[str, ...] = (), meta: Meta | None = None
) -> Dispatch:
    """Paragraphs, headline and dateline only (no sentences, no repeats): linear even for a huge text, so
    the reader can paint a huge dispatch at once and :func:`segment` it fully in the background."""
    from .layout import outline_with

    lay = outline_with(text, meta)
    return _laid_out(text, lay, source, encoding, notes, meta)


def _laid_out(
    text: str, lay, source: str, encoding: str, notes: tuple[str, ...], meta: Meta | None, **more
) -> Dispatch:
    """The unanalysed Dispatch of a layout (``more``: the sentences and repeats a full layout adds)."""
    return Dispatch(
        text=text,
        source=source,
        encoding=encoding,
        headline=lay.headline,
        dateline=lay.dateline,
        paragraphs=lay.paragraphs,
        analysed=False,
        notes=notes,
        meta=meta,
        **more,
    )


def link_statements(quotes):
    """Number the statements: parts that share a (negative) group id get the index of their first part in
    ``quotes``; a group of one part is no multi-part statement (``None``)."""
    from dataclasses import replace

    first: dict[int, int] = {}
    count: dict[int, int] = {}
    for i, q in enumerate(quotes):
        if q.statement is not None and q.statement < 0:
            first.setdefault(q.statement, i)
            count[q.statement] = count.get(q.statement, 0) + 1
    return [
        replace(q, statement=first[q.statement] if count[q.statement] > 1 else None)
        if q.statement is not None and q.statement < 0
        else q
        for q in quotes
    ]


def analyze(
    text: str | Dispatch,
    *,
    source: str = "-",
    encoding: str = "utf-8",
    on_stage: Callable[[str], None] | None = None,
    parts_from: int | None = None,
    part_chars: int | None = None,
) -> Dispatch:
    """The whole pipeline, in order: layout → direct quotes → reported statements → people → resolution → topics.

    ``text`` may be an outline (see :func:`outline`): laid out here. ``on_stage(name)`` is called as each
    stage starts (a progress line for a huge text). A text of
    ``parts_from`` characters or more (default :data:`.parts.PARTS_FROM_CHARS`), where the caller allows
    the models worker processes (see :func:`.nlp.allow_processes`), is analysed in parts of about
    ``part_chars`` (default :data:`.parts.PART_CHARS`) by those processes (see :mod:`.parts`); an outline of
    one, or one given as a string, is laid out there too (its sentences by the parts' workers, its repeats
    beside them), not first in this process alone."""
    stage = on_stage or (lambda name: None)
    from . import parts

    if isinstance(text, Dispatch):
        d = text
    else:
        stage("layout")
        lay = outline if parts.in_parts(text, parts_from) else segment
        d = lay(text, source=source, encoding=encoding)
    # Lone surrogates (possible through the API, never from the loader) make the morphology and the
    # NER encoder raise UnicodeEncodeError: analyse a same-length copy with U+FFFD in their place,
    # so every offset still points into ``d.text``.
    text = _SURROGATE.sub("\ufffd", d.text) if _SURROGATE.search(d.text) else d.text
    huge = parts.in_parts(text, parts_from)
    outlined = bool(d.paragraphs) and not d.sentences  # (see outline)
    if outlined and not (huge and text is d.text):  # laid out in full here, else by the parts
        d = segment(d.text, source=d.source, encoding=d.encoding, notes=d.notes, meta=d.meta)
        outlined = False
    if huge:
        found = parts.analyse_in_parts(
            text, d.paragraphs, None if outlined else d.sentences, stage, part_chars, (d.headline, d.dateline)
        )
        quotes, speakers, topics, laid = found
        if laid is not None:
            d = d.with_(sentences=laid[0], repeats=laid[1])
    else:
        quotes, speakers, topics, _ = run_stages(text, d.paragraphs, d.sentences, stage)
    return d.with_(quotes=tuple(quotes), speakers=tuple(speakers), topics=tuple(topics), analysed=True)


def run_stages(text: str, paragraphs: Sequence[Span], sentences: Sequence[Span], stage: Callable[[str], None]):
    """The stages after the layout on ``text`` → (quotes, speakers, topics, entities)."""
    from . import nlp
    from .attribution import check_mentions
    from .people import find_people
    from .quotes import find_quotes
    from .reported import find_reported
    from .resolve import resolve
    from .topics import find_topics
    from .turns import attribute_paragraph_quotes, find_turns

    # a huge text, where the caller allows the models worker processes: tagged by them from now on,
    # while this process finds the quotes and reported speech (see nlp.shared_processes)
    with nlp.shared_processes(text):
        tagged = nlp.tag_soon(text)
        stage("quotes")
        direct = check_mentions(text, find_turns(text, paragraphs, find_quotes(text, paragraphs, sentences)))
        stage("reported speech")
        reported = find_reported(text, paragraphs, sentences, direct)
        raw_quotes = attribute_paragraph_quotes(
            text, paragraphs, sorted([*direct, *reported], key=lambda q: (q.start, q.end))
        )
        stage("people")
        tokens = tagged()
    entities = find_people(text, sentences, tokens)
    del tokens
    stage("speakers")
    quotes, speakers = resolve(text, raw_quotes, entities)
    quotes = link_statements(quotes)
    stage("topics")
    topics = find_topics(text, paragraphs, sentences, entities)
    return quotes, speakers, topics, entities
