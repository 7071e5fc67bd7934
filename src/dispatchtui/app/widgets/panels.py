"""The side panels: Speakers, Quotes, Topics. Built from the model, never from markup."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...cite import statement_parts, statement_root, statement_words
from ...model import Dispatch, Quote, Speaker, Topic
from ..commands import PANEL, localize, make_bindings
from ..i18n import tr
from .safe import one_line, shorten


@dataclass(frozen=True)
class Entry:
    """What a panel row points at: ``spans`` in text order (the mentions to step through)."""

    kind: str  # "speaker" | "quote" | "topic"
    key: str | int  # speaker name, quote index, topic label
    spans: tuple[tuple[int, int], ...]


class Panel(OptionList):
    """An OptionList whose options carry :class:`Entry` objects; shows a placeholder when empty."""

    # Rows never wrap (a wrapped continuation would start flush left, and a scrollbar appearing later
    # would change the wrap): long names, roles and quotes end in an ellipsis instead.
    DEFAULT_CSS = """
    Panel { height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; scrollbar-gutter: stable; }
    """

    # j/k/g/G like the library and the article (a pager user's hands), enter to jump
    BINDINGS = make_bindings(PANEL)

    empty_key = "no_quotes"

    def __init__(self, title_key: str, number: int, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        localize(self, PANEL)
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
        super().__init__(Content.styled(tr("analysing"), "italic $text-muted"), id=f"{panel.id}-slot", markup=False)
        self.border_title = panel.border_title


def sorted_speakers(dispatch: Dispatch) -> list[Speaker]:
    """Quoted ones first (most quotes first), then by mentions, then by first appearance."""

    def first(s: Speaker) -> int:
        return min((m.start for m in s.mentions), default=1 << 60)

    return sorted(dispatch.speakers, key=lambda s: (-len(s.quotes), -len(s.mentions), first(s), s.name))


def speaker_spans(dispatch: Dispatch, speaker: Speaker) -> tuple[tuple[int, int], ...]:
    spans = {(m.start, m.end) for m in speaker.mentions + speaker.role_mentions}
    spans.update(
        (q.speaker_span.start, q.speaker_span.end)
        for q in dispatch.quotes
        if q.speaker == speaker.name and q.speaker_span is not None
    )
    if not spans:
        spans = {
            (dispatch.quotes[i].start, dispatch.quotes[i].end) for i in speaker.quotes if 0 <= i < len(dispatch.quotes)
        }
    return tuple(sorted(spans))


def is_direct(quote: Quote) -> bool:
    """The speaker's own words (a full quote or a fragment), not the author's rendering nor a question."""
    return quote.kind != "reported" and not quote.question


def statement_counts(dispatch: Dispatch, name: str) -> tuple[int, int]:
    """(direct, reported) statements of speaker ``name``: a statement in several parts counts once, an
    interviewer's question not at all."""
    direct: set[int] = set()
    reported: set[int] = set()
    for i, q in enumerate(dispatch.quotes):
        if q.speaker == name and not q.question:
            (reported if q.kind == "reported" else direct).add(statement_root(dispatch, i))
    return len(direct), len(reported)


def speaker_rows(dispatch: Dispatch) -> list[tuple[Content, Entry]]:
    rows = []
    for s in sorted_speakers(dispatch):
        direct, reported = statement_counts(dispatch, s.name)
        if not direct and not reported and s.quotes:  # quotes listed on the speaker only
            direct = len(s.quotes)
        name_style = ("bold" if direct or reported else "") + (" italic" if s.kind == "unnamed" else "")
        parts: list = [(one_line(s.name), name_style.strip())]
        if direct:
            parts.append(("  ❝" + str(direct) + "❞", "$text-accent"))
        if reported:
            parts.append(("  ≈" + str(reported), "$text-secondary"))
        if s.kind == "organization":
            parts.append(("  " + tr("org"), "italic $text-muted"))
        elif s.kind == "unnamed":
            parts.append(("  " + tr("unnamed"), "italic $text-muted"))
        if s.role:
            parts.append(("\n\u00a0\u00a0" + shorten(s.role, words=12, chars=90), "$text-muted"))
        rows.append((Content.assemble(*parts), Entry("speaker", s.name, speaker_spans(dispatch, s))))
    return rows


def quote_rows(dispatch: Dispatch, direct_only: bool = False) -> list[tuple[Content, Entry]]:
    """One row per statement (its parts together: the row jumps to the first part and steps through the
    others), direct ones as «words», reported ones as ≈ words in italics, questions dimmed;
    ``direct_only`` leaves out reported statements and interviewers' questions."""
    rows = []
    seen: set[int] = set()
    for i in range(len(dispatch.quotes)):
        root = statement_root(dispatch, i)
        if root in seen:
            continue
        seen.add(root)
        first = dispatch.quotes[root]
        if direct_only and not is_direct(first):
            continue
        parts = statement_parts(dispatch, root)
        text = statement_words(dispatch, parts)
        who = quote_speaker_label(first)
        head: list = [(who, "bold" if first.speaker else "italic $text-muted")]
        if first.question:
            head = [(tr("question"), "italic $text-muted")]
        elif first.kind == "reported":
            head.append(("  " + tr("reported"), "italic $text-secondary"))
        elif first.kind == "fragment":
            head.append(("  " + tr("fragment"), "italic $text-muted"))
        words = shorten(text, words=14, chars=100)
        if first.kind == "reported":
            body = ("\n\u00a0\u00a0≈ " + words, "italic")
        else:
            body = ("\n\u00a0\u00a0«" + words + "»", "$text-muted" if first.question else "")
        spans = tuple((dispatch.quotes[n].start, dispatch.quotes[n].end) for n in parts)
        rows.append((Content.assemble(*head, body), Entry("quote", root, spans)))
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


def quote_speaker_label(quote: Quote) -> str:
    """Who said ``quote``, as the panels, the palette and the copy notice name them (one line)."""
    return one_line(quote.speaker) if quote.speaker else tr("unknown_speaker")


__all__ = [
    "Entry",
    "Panel",
    "PanelSlot",
    "speaker_rows",
    "quote_rows",
    "topic_rows",
    "sorted_speakers",
    "speaker_spans",
    "quote_speaker_label",
    "statement_counts",
    "is_direct",
    "Topic",
]
