"""What the library table and the people screen show, as plain records: the widgets receive these (they
import nothing that reads files, the index or the analysis)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocRow:
    """One dispatch as the library table shows it."""

    index: int  # into the session's paths
    path: str
    headline: str
    named: bool = False  # the headline is the file name (display_path: already printable)
    date: str | None = None  # as printed in the dateline ("8 августа")
    time: str | None = None
    date_key: str | None = None  # sortable: "YYYY-MM-DD HH:MM", unknown parts as zeros
    agency: str | None = None
    place: str | None = None
    direct: int | None = None  # None: not analysed yet
    reported: int | None = None
    speakers: tuple[str, ...] = ()  # the main ones, most statements first
    topics: tuple[str, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class PersonRow:
    name: str
    kind: str  # person | organization
    direct: int
    reported: int
    dispatches: int


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One statement of a person, somewhere in the folder."""

    index: int  # the dispatch (into the session's paths)
    start: int  # the passage, in that dispatch's text
    end: int
    kind: str  # full | fragment | reported
    text: str  # the words, one line
    speaker: str
    headline: str = ""
    date: str | None = None
    agency: str | None = None
    quote: int | None = None  # index into Dispatch.quotes, when known


@dataclass(frozen=True)
class Filters:
    """What the table is narrowed to (all optional): a facet value each, and a lemma-aware headline query."""

    agency: str | None = None
    person: str | None = None
    topic: str | None = None
    text: str = ""

    def __bool__(self) -> bool:
        return bool(self.agency or self.person or self.topic or self.text.strip())


@dataclass
class Hit:
    index: int
    count: int
    snippet: tuple[str, int, int] | None = None  # (text, match start, match end) around the first match
