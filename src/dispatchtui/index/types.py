"""The folder index's public records and errors (re-exported by :mod:`dispatchtui.index`): a module of their
own so that the store, the scan and the indexer use them without importing the package that imports them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

#: Bump when the tables change: an index of another version is rebuilt.
SCHEMA_VERSION = 4

Sort = Literal["date", "agency", "statements", "path"]
KindFilter = Literal["direct", "reported", "all", "full", "fragment"]


class IndexUnavailable(Exception):
    """The index cannot be opened or written (locked, read-only, disk full, …). ``reason``: one line for
    the user ("the folder index is locked by another program; working from memory")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class IndexBusy(IndexUnavailable):
    """Another process is already indexing this folder (the index can still be read)."""


@dataclass(frozen=True, slots=True)
class ScanPlan:
    """What an update would do: sources new to the index, changed since indexed, gone from the folder, and
    unchanged (size+mtime equal, or equal content hash). Each a tuple of sources, in natural order."""

    new: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    #: files whose size/mtime changed but not their content: (path, size, mtime_ns), to re-stamp
    touched: tuple[tuple[str, int, int], ...] = ()
    #: what the folder scan could not use: (path, reason)
    errors: tuple[tuple[str, str], ...] = ()

    @property
    def todo(self) -> tuple[str, ...]:
        """Sources to analyse (new and changed)."""
        return self.new + self.changed

    def __bool__(self) -> bool:  # something to do
        return bool(self.new or self.changed or self.removed)


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One dispatch as the library table shows it."""

    source: str  # what load.load_path takes (path, or PATH#ID)
    path: str  # the file
    item: str | None  # the item's ID in a feed / NewsML container, else None
    headline: str
    date: str | None  # as written/given ("8 августа", "2019-08-08T19:22:59+03:00")
    date_key: str  # sortable ISO "YYYY-MM-DD[THH:MM]" ("" when unknown)
    place: str | None
    agency: str | None
    direct: int  # direct statements (full + fragment)
    reported: int  # reported statements
    speakers: tuple[str, ...]  # main speakers, most quoted first (at most 3)
    read: bool
    size: int
    mtime: float


@dataclass(frozen=True, slots=True)
class Facet:
    """A filter value with the number of dispatches it selects (given the other filters)."""

    facet: Literal["agency", "person", "topic"]
    value: str
    count: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A full-text match. ``start``/``end``: the (first) match in the dispatch's normalized text;
    ``snippet`` is ``text[snippet_start:snippet_start+len(snippet)]`` around it (one line: newlines as
    spaces); ``spans``: every match inside the snippet, as offsets into the dispatch's text."""

    source: str
    path: str
    item: str | None
    headline: str
    date: str | None
    agency: str | None
    start: int
    end: int
    snippet: str
    snippet_start: int
    spans: tuple[tuple[int, int], ...] = ()
    matches: int = 1  # matches in the whole dispatch


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """Someone quoted in the folder: statements across every dispatch, and in how many dispatches."""

    name: str
    kind: Literal["person", "organization", "unnamed"]
    direct: int
    reported: int
    dispatches: int


class StatementRow(NamedTuple):
    """One statement of one dispatch. ``start``/``end``: its words in the dispatch's normalized text
    (a statement in several parts: from the first part's start to the last part's end; ``text`` joins
    the parts with " … "). A named tuple, not a frozen dataclass: a person's statements across 100,000
    dispatches are tens of thousands of rows, made 5x faster so."""

    source: str
    path: str
    item: str | None
    headline: str
    date: str | None
    date_key: str
    agency: str | None
    speaker: str | None
    speaker_kind: Literal["person", "organization", "unnamed"] | None
    kind: Literal["full", "fragment", "reported"]
    text: str
    start: int
    end: int
    cue: str | None


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a background indexing run is. ``eta`` in seconds (None until it can be told)."""

    done: int = 0
    total: int = 0
    eta: float | None = None
    state: Literal["starting", "scanning", "indexing", "paused", "done", "stopped", "failed"] = "starting"
    current: str | None = None  # the source being analysed
    failed: int = 0  # sources that could not be read/analysed (their reasons in ``errors``)
    errors: tuple[tuple[str, str], ...] = field(default=())  # (source, reason), the last few
    message: str | None = None  # one line when state is "failed" (why the index is unavailable)
