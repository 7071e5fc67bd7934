"""Attributed citations: ``«<quote>», — <Speaker>, <role> (<agency>, <date>)``.

Pure: model in, string out. Missing parts are left out together with their punctuation.
"""
from __future__ import annotations

import re

from .model import Dispatch, Quote

_WS = re.compile(r"\s+")


def quote_text(dispatch: Dispatch, quote: Quote) -> str:
    """The words of ``quote`` on one line: whitespace collapsed, stray outer quotation marks removed,
    inner «ёлочки» turned into „лапки“ so the outer ones stay unambiguous."""
    text = _WS.sub(" ", quote.span.slice(dispatch.text)).strip()
    if len(text) >= 2 and text[0] in "«\"„“" and text[-1] in "»\"“”":
        text = text[1:-1].strip()                    # one enclosing pair, if the span includes it
    # a stray mark at an edge whose partner was lost ("…потенциалом" + '"')
    odd_straight = text.count('"') % 2 == 1
    if text and ((text[-1] == "»" and text.count("«") < text.count("»")) or (text[-1] == '"' and odd_straight)):
        text = text[:-1].rstrip()
    elif text and ((text[0] == "«" and text.count("«") > text.count("»")) or (text[0] == '"' and odd_straight)):
        text = text[1:].lstrip()
    return text.replace("«", "„").replace("»", "“")


def format_citation(dispatch: Dispatch, quote: Quote) -> str:
    """``«<quote>», — <Speaker>, <role> (<agency>, <date>)`` with missing parts omitted gracefully."""
    out = f"«{quote_text(dispatch, quote)}»"
    speaker = dispatch.speaker(quote.speaker)
    name = speaker.name if speaker else (quote.speaker or "").strip()
    if name:
        out += f", — {name}"
        role = _WS.sub(" ", speaker.role).strip() if speaker and speaker.role else ""
        if role:
            out += f", {role}"
    source = []
    if dispatch.dateline is not None:
        source = [p.strip() for p in (dispatch.dateline.agency, dispatch.dateline.date) if p and p.strip()]
    if source:
        out += f" ({', '.join(source)})"
    return out


def paragraph_text(dispatch: Dispatch, index: int) -> str:
    """A paragraph's text, whitespace collapsed."""
    return _WS.sub(" ", dispatch.paragraphs[index].slice(dispatch.text)).strip()
