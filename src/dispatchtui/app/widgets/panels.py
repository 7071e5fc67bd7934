"""The side panels: Speakers, Quotes, Topics. Built from the model, never from markup."""
from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...model import Dispatch, Quote, Speaker, Topic
from ..i18n import tr
from .safe import one_line, shorten


@dataclass(frozen=True)
class Entry:
    """What a panel row points at: ``spans`` in text order (the mentions to step through)."""

    kind: str                       # "speaker" | "quote" | "topic"
    key: str | int                  # speaker name, quote index, topic label
    spans: tuple[tuple[int, int], ...]


class Panel(OptionList):
    """An OptionList whose options carry :class:`Entry` objects; shows a placeholder when empty."""

    # Rows never wrap (a wrapped continuation would start flush left, and a scrollbar appearing later
    # would change the wrap): long names, roles and quotes end in an ellipsis instead.
    DEFAULT_CSS = """
    Panel { height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; scrollbar-gutter: stable; }
    """

    empty_key = "no_quotes"

    def __init__(self, title_key: str, number: int, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.title_key = title_key
        self.number = number
        self.entries: list[Entry] = []
        self.border_title = f"{number} {tr(title_key)}"

    def show_state(self, key: str) -> None:
        """A single disabled row: ``analysing…``, ``no quotes found``, ``analysis unavailable``."""
        self.entries = []
        self.clear_options()
        self.add_option(Option(Content.styled(tr(key), "italic $text-muted"), disabled=True))
        self.border_subtitle = ""

    def show_entries(self, rows: list[tuple[Content, Entry]]) -> None:
        if not rows:
            self.show_state(self.empty_key)
            return
        self.entries = [entry for _, entry in rows]
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Option(prompt) for prompt, _ in rows])
        self.border_subtitle = str(len(rows))
        if highlighted is not None and highlighted < len(rows):
            self.highlighted = highlighted
        else:
            self.highlighted = 0

    @property
    def current_entry(self) -> Entry | None:
        i = self.highlighted
        if i is None or not (0 <= i < len(self.entries)):
            return None
        return self.entries[i]

    def select_entry(self, kind: str, key: str | int) -> bool:
        for i, e in enumerate(self.entries):
            if e.kind == kind and e.key == key:
                self.highlighted = i
                return True
        return False


class PanelSlot(Static):
    """Stands in for a :class:`Panel` in the reader's first frame: the same box, title and muted line, at a
    fraction of the cost (an OptionList is composed, styled and rendered through many more layers). The
    reader mounts the real panels right after the first paint; the screen does not change when it does."""

    def __init__(self, panel: Panel) -> None:
        super().__init__(Content.styled(tr("analysing"), "italic $text-muted"), id=f"{panel.id}-slot",
                         markup=False)
        self.border_title = panel.border_title


def sorted_speakers(dispatch: Dispatch) -> list[Speaker]:
    """Quoted ones first (most quotes first), then by mentions, then by first appearance."""
    def first(s: Speaker) -> int:
        return min((m.start for m in s.mentions), default=1 << 60)

    return sorted(dispatch.speakers, key=lambda s: (-len(s.quotes), -len(s.mentions), first(s), s.name))


def speaker_spans(dispatch: Dispatch, speaker: Speaker) -> tuple[tuple[int, int], ...]:
    spans = {(m.start, m.end) for m in speaker.mentions}
    spans.update((q.speaker_span.start, q.speaker_span.end) for q in dispatch.quotes
                 if q.speaker == speaker.name and q.speaker_span is not None)
    if not spans:
        spans = {(dispatch.quotes[i].start, dispatch.quotes[i].end) for i in speaker.quotes
                 if 0 <= i < len(dispatch.quotes)}
    return tuple(sorted(spans))


def speaker_rows(dispatch: Dispatch) -> list[tuple[Content, Entry]]:
    rows = []
    for s in sorted_speakers(dispatch):
        n_quotes = len(s.quotes) or sum(1 for q in dispatch.quotes if q.speaker == s.name)
        parts: list = [(one_line(s.name), "bold" if n_quotes else "")]
        if n_quotes:
            parts.append(("  ❝" + str(n_quotes) + "❞", "$text-accent"))
        if s.kind == "organization":
            parts.append(("  " + tr("org"), "italic $text-muted"))
        if s.role:
            parts.append(("\n\u00a0\u00a0" + shorten(s.role, words=12, chars=90), "$text-muted"))
        rows.append((Content.assemble(*parts), Entry("speaker", s.name, speaker_spans(dispatch, s))))
    return rows


def quote_rows(dispatch: Dispatch) -> list[tuple[Content, Entry]]:
    rows = []
    for i, q in enumerate(dispatch.quotes):
        who = one_line(q.speaker) if q.speaker else tr("unknown_speaker")
        words = shorten(q.span.slice(dispatch.text), words=14, chars=100)
        prompt = Content.assemble((who, "bold" if q.speaker else "italic $text-muted"),
                                  ("\n\u00a0\u00a0«" + words + "»", ""))
        rows.append((prompt, Entry("quote", i, ((q.start, q.end),))))
    return rows


def topic_rows(dispatch: Dispatch) -> list[tuple[Content, Entry]]:
    rows = []
    for t in dispatch.topics:
        parts: list = [(one_line(t.label), "")]
        if t.mentions:
            parts.append(("  ×" + str(len(t.mentions)), "$text-accent"))
        if t.facet != "theme":
            parts.append(("  " + t.facet, "italic $text-muted"))
        spans = tuple(sorted({(m.start, m.end) for m in t.mentions}))
        rows.append((Content.assemble(*parts), Entry("topic", t.label, spans)))
    return rows


def quote_speaker_label(dispatch: Dispatch, quote: Quote) -> str:
    return one_line(quote.speaker) if quote.speaker else tr("unknown_speaker")


__all__ = ["Entry", "Panel", "PanelSlot", "speaker_rows", "quote_rows", "topic_rows", "sorted_speakers",
           "speaker_spans", "quote_speaker_label", "Topic"]
