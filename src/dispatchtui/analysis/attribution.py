"""A second opinion on the mark scanner's speaker mentions, from the dependency parse.

The scanner (:mod:`.quotes`) finds the speaker of an introduced quote ("X …, но сказал: «…»") by the nearest
name-like words before the verb: fast, and right in the plain case, but a name inside the clause ("отказался
назвать фаворита в матче Топалов — Крамник, но сказал: «…»") can stand nearer than the subject. For every
direct quote introduced before its text (the cue before the opening mark), :func:`check_mentions` parses the
introducing sentence and, where the parse gives the cue verb a subject that the scanner's mention does not
overlap, takes the parse's subject (climbing "и добавил" / "но сказал" to the first verb's subject). Quotes
attributed after their text («…», — сказал X) keep the scanner's mention: the inverted order is its strength.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Quote, Span

__all__ = ["check_mentions"]

#: How far back (characters) the introducing sentence may start.
_REACH = 600


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - _REACH)
    k = pos
    while k > lo:
        ch = text[k - 1]
        if ch == "\n" or (ch in ".!?…" and k < len(text) and text[k].isspace()):
            break
        k -= 1
    return k


def check_mentions(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` with the speaker mention of each introduced direct quote checked against the parse."""
    from .syntax import parse, speaker_of, speaker_span

    # (a mention standing right before its verb, "он объяснил", "Песков сказал", is the subject: kept)
    todo = [
        (i, cue, who)
        for i, q in enumerate(quotes)
        if q.kind in ("full", "fragment")
        and (cue := q.cue_span) is not None
        and (who := q.speaker_span) is not None
        and cue.end <= q.start
        and who.end <= cue.start
        and text[who.end : cue.start].strip() != ""
    ]
    if not todo:
        return list(quotes)
    spans = [(_sentence_start(text, who.start), min(len(text), cue.end + 1), 0) for _, cue, who in todo]
    out = list(quotes)
    for (i, cue, who), s in zip(todo, parse(text, spans)):
        q = quotes[i]
        v = next((k for k, t in enumerate(s.toks) if t.start == cue.start), None)
        if v is None:
            continue
        subj = speaker_of(s, v)
        if subj is None:
            continue
        got = speaker_span(s, subj)
        if got is None or got.overlaps(who) or got.start >= cue.start:
            continue
        if not any(ch.isupper() for ch in text[got.start : got.end]) and text[got.start : got.end].lower() not in (
            "он",
            "она",
            "они",
        ):
            continue  # the parse's subject is a common noun phrase: no better than the scanner's
        out[i] = replace(
            q,
            speaker=text[got.start : got.end],
            speaker_span=Span(got.start, got.end),
            reason="speaker mention: the subject of the cue verb in the parse",
        )
    return out
