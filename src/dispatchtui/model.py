"""The dispatch model: frozen dataclasses, every position a character offset into ``Dispatch.text``.

This module is the floor everything stands on. It imports nothing from the rest of the package but the
path rule (:mod:`.paths`, standard library only) and nothing heavy, so the app, the CLI and the tests can
all use it cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast, overload

from .paths import json_source, source_from_json

SCHEMA = "dispatchtui/2"
#: Schemas this version cannot read, with what to tell a reader that meets one.
OLD_SCHEMAS = {
    "dispatchtui/1": "written by dispatchtui before 0.3 (no reported statements); re-run `dispatchtui extract`"
}

#: full: someone's own words in marks (or a dash/label/colon block); fragment: a few quoted words inside the
#: author's sentence; reported: the author's rendering of what someone said (indirect speech).
QuoteKind = Literal["full", "fragment", "reported"]
#: unnamed: a source without a name ("источник", "собеседник агентства", "один из участников").
SpeakerKind = Literal["person", "organization", "unnamed"]
TopicFacet = Literal["theme", "place", "organization"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of ``Dispatch.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Dateline:
    """The wire dateline: ``МОСКВА, 8 августа. /ТАСС/.`` → place, date, agency."""

    start: int
    end: int
    place: str | None
    date: str | None
    agency: str | None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "place": self.place, "date": self.date, "agency": self.agency}


@dataclass(frozen=True, slots=True)
class Repeat:
    """A passage ``[start, end)`` that repeats ``of`` verbatim (the reader dims it)."""

    start: int
    end: int
    of: Span

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "of": self.of.to_json()}


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement: ``start``/``end`` cover its words (direct: without the quotation marks; reported: the
    content clause). A statement interrupted by its attribution or running over paragraphs is several
    ``Quote`` parts sharing one ``statement`` number (the index of its first part)."""

    start: int
    end: int
    paragraph: int
    kind: QuoteKind = "full"
    speaker: str | None = None  # one of Dispatch.speakers[].name, or None
    speaker_span: Span | None = None  # the mention as written ("глава МИД Казахстана", "он")
    cue: str | None = None  # the attribution words as written ("сообщил", "по словам")
    cue_span: Span | None = None
    statement: int | None = None  # index in Dispatch.quotes of the statement's first part
    question: bool = False  # an interviewer's question (the Quotes panel can hide them)
    reason: str | None = None  # why this speaker was chosen (or none): for debugging attribution

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_span": self.speaker_span.to_json() if self.speaker_span else None,
            "cue": self.cue,
            "cue_span": self.cue_span.to_json() if self.cue_span else None,
            "statement": self.statement,
            "question": self.question,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person or organization named in the dispatch, in the nominative, fullest form."""

    name: str
    kind: SpeakerKind = "person"
    role: str | None = None
    mentions: tuple[Span, ...] = ()  # where the text names them
    quotes: tuple[int, ...] = ()  # indexes into Dispatch.quotes
    #: where the text refers to them by a role the resolver tied to them ("министр", "глава МИД"), not by
    #: name; apart from ``mentions``, which stay the name mentions (a record without the key has none)
    role_mentions: tuple[Span, ...] = ()

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "mentions": [m.to_json() for m in self.mentions],
            "quotes": list(self.quotes),
            "role_mentions": [m.to_json() for m in self.role_mentions],
        }


@dataclass(frozen=True, slots=True)
class Topic:
    """What the dispatch is about: a normalized noun phrase, place or organization."""

    label: str
    mentions: tuple[Span, ...] = ()
    facet: TopicFacet = "theme"
    weight: float = 0.0

    def to_json(self) -> dict:
        return {
            "label": self.label,
            "mentions": [m.to_json() for m in self.mentions],
            "facet": self.facet,
            "weight": round(self.weight, 4),
        }


#: Where a dispatch came from when it was not plain text (see :mod:`dispatchtui.formats`).
MetaFormat = Literal["newsml", "rss", "atom", "html", "email"]


@dataclass(frozen=True, slots=True)
class Meta:
    """What the file format said about the dispatch (plain text has none: ``Dispatch.meta`` is None).

    ``date`` is ISO 8601 as the format gave it (``2019-08-08T19:22:59+03:00``, or a bare date); ``item`` is
    the format's own id of the item (NewsML-G2 guid, feed entry id / guid, Message-ID) and ``url`` its link.
    Headline and dateline of the :class:`Dispatch` defer to these where they are given."""

    format: MetaFormat
    item: str | None = None
    headline: str | None = None
    date: str | None = None
    place: str | None = None
    agency: str | None = None
    byline: str | None = None
    url: str | None = None

    def to_json(self) -> dict:
        return {
            "format": self.format,
            "item": self.item,
            "headline": self.headline,
            "date": self.date,
            "place": self.place,
            "agency": self.agency,
            "byline": self.byline,
            "url": self.url,
        }


def meta_from_json(o: dict | None) -> Meta | None:
    if o is None:
        return None
    # the format as stored; an unknown one is kept as written (as before), hence the cast
    return Meta(
        cast(MetaFormat, str(o["format"])),
        *(
            None if o.get(k) is None else str(o[k])
            for k in ("item", "headline", "date", "place", "agency", "byline", "url")
        ),
    )


@dataclass(frozen=True, slots=True)
class Dispatch:
    """One dispatch, analysed. ``text`` is THE normalized text all offsets point into."""

    text: str
    source: str = "-"
    encoding: str = "utf-8"
    headline: Span | None = None
    dateline: Dateline | None = None
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    repeats: tuple[Repeat, ...] = ()
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    topics: tuple[Topic, ...] = ()
    #: False while only the cheap layout has run (the app paints this at once);
    #: True once quotes, speakers and topics have been looked for.
    analysed: bool = False
    notes: tuple[str, ...] = field(default=())  # what normalization changed (e.g. "stripped 3 control characters")
    meta: Meta | None = None  # what the file format said (headline, date, agency, item id…); None for plain text

    def with_(self, **changes) -> Dispatch:
        return replace(self, **changes)

    def paragraph_at(self, pos: int) -> int | None:
        """Index of the paragraph containing ``pos`` (binary search), or None."""
        lo, hi = 0, len(self.paragraphs)
        while lo < hi:
            mid = (lo + hi) // 2
            p = self.paragraphs[mid]
            if pos < p.start:
                hi = mid
            elif pos >= p.end:
                lo = mid + 1
            else:
                return mid
        return None

    def speaker(self, name: str | None) -> Speaker | None:
        if name is None:
            return None
        for s in self.speakers:
            if s.name == name:
                return s
        return None

    def to_json(self) -> dict:
        # a file name that is not UTF-8: shown with U+FFFD, exact in source_bytes (see paths.json_source)
        source, source_bytes = json_source(self.source)
        return {
            "schema": SCHEMA,
            "source": source,
            "source_bytes": source_bytes,
            "encoding": self.encoding,
            "text": self.text,
            "headline": self.headline.to_json() if self.headline else None,
            "dateline": self.dateline.to_json() if self.dateline else None,
            "paragraphs": [p.to_json() for p in self.paragraphs],
            "sentences": [s.to_json() for s in self.sentences],
            "repeats": [r.to_json() for r in self.repeats],
            "quotes": [q.to_json() for q in self.quotes],
            "speakers": [s.to_json() for s in self.speakers],
            "topics": [t.to_json() for t in self.topics],
            "meta": self.meta.to_json() if self.meta is not None else None,
        }


@overload
def _span(o: None) -> None: ...
@overload
def _span(o: dict) -> Span: ...
def _span(o: Any) -> Span | None:
    return None if o is None else Span(int(o["start"]), int(o["end"]))


def dispatch_from_json(o: dict) -> Dispatch:
    """Inverse of :meth:`Dispatch.to_json` (used by the cache). Raises on malformed input."""
    schema = o.get("schema")
    if schema in OLD_SCHEMAS:
        raise ValueError(f"a {schema} record, {OLD_SCHEMAS[schema]}")
    if schema != SCHEMA:
        raise ValueError(f"not a {SCHEMA} record")
    dl = o.get("dateline")
    return Dispatch(
        text=o["text"],
        source=source_from_json(o["source"], o.get("source_bytes")),
        encoding=o["encoding"],
        headline=_span(o.get("headline")),
        dateline=None
        if dl is None
        else Dateline(int(dl["start"]), int(dl["end"]), dl.get("place"), dl.get("date"), dl.get("agency")),
        paragraphs=tuple(_span(p) for p in o["paragraphs"]),
        sentences=tuple(_span(s) for s in o["sentences"]),
        repeats=tuple(Repeat(int(r["start"]), int(r["end"]), _span(r["of"])) for r in o["repeats"]),
        quotes=tuple(
            Quote(
                int(q["start"]),
                int(q["end"]),
                int(q["paragraph"]),
                q["kind"],
                q.get("speaker"),
                _span(q.get("speaker_span")),
                q.get("cue"),
                _span(q.get("cue_span")),
                None if q.get("statement") is None else int(q["statement"]),
                bool(q.get("question", False)),
                q.get("reason"),
            )
            for q in o["quotes"]
        ),
        speakers=tuple(
            Speaker(
                s["name"],
                s["kind"],
                s.get("role"),
                tuple(_span(m) for m in s["mentions"]),
                tuple(int(i) for i in s["quotes"]),
                tuple(_span(m) for m in s.get("role_mentions", ())),
            )
            for s in o["speakers"]
        ),
        topics=tuple(
            Topic(
                t["label"], tuple(_span(m) for m in t["mentions"]), t.get("facet", "theme"), float(t.get("weight", 0.0))
            )
            for t in o["topics"]
        ),
        analysed=True,
        meta=meta_from_json(o.get("meta")),
    )
