"""Attributed citations, safe to paste.

- a direct statement: ``«<words>», — <Speaker>, <role> (<agency>, <date>)``, with Russian punctuation at the
  closing mark (no comma after ``?``, ``!``, ``…``; a final period dropped);
- a statement interrupted by its attribution (several ``Quote`` parts sharing ``statement``): all its parts,
  with the author's words between them as printed (``«Утверждают…, — пояснила она, — но ведь…»``);
- a fragment (a few quoted words) or a reported statement: the sentence it stands in, as printed, with its
  attribution and the source.

Pure: model in, string out. Missing parts are left out together with their punctuation.
"""

from __future__ import annotations

import re

from .model import Dispatch, Quote

_WS = re.compile(r"\s+")
#: the author's words between two parts of one statement longer than this are elided
MAX_BETWEEN = 160
_LEAD_CLOSE = re.compile(r"^\s*[»\"“”]")  # a closing mark right after a part
_TRAIL_OPEN = re.compile(r"[«\"„“]\s*$")  # an opening mark right before the next part
#: a sentence end (for texts the layout gave no sentences): «…». Дальше / …?» Дальше — not before a dash
_SENTENCE_END = re.compile(r"[»\"“”)]*[.!?…]+[»\"“”)]*\s+(?=[«\"„“(]*[A-ZА-ЯЁ0-9])")


def quote_text(dispatch: Dispatch, quote: Quote) -> str:
    """The words of ``quote`` on one line: whitespace collapsed, stray outer quotation marks removed,
    inner «ёлочки» turned into „лапки“ so the outer ones stay unambiguous."""
    return _inner(_bare(quote.span.slice(dispatch.text)))


def _bare(raw: str) -> str:
    text = _WS.sub(" ", raw).strip()
    if len(text) >= 2 and text[0] in '«"„“' and text[-1] in '»"“”':
        text = text[1:-1].strip()  # one enclosing pair, if the span includes it
    # a stray mark at an edge whose partner was lost ("…потенциалом" + '"')
    odd_straight = text.count('"') % 2 == 1
    if text and ((text[-1] == "»" and text.count("«") < text.count("»")) or (text[-1] == '"' and odd_straight)):
        text = text[:-1].rstrip()
    elif text and ((text[0] == "«" and text.count("«") > text.count("»")) or (text[0] == '"' and odd_straight)):
        text = text[1:].lstrip()
    return text


def _inner(text: str) -> str:
    return text.replace("«", "„").replace("»", "“")


# ------------------------------------------------------------------------------------------ statements
def statement_root(dispatch: Dispatch, index: int) -> int:
    """The index of the first part of the statement quote ``index`` belongs to."""
    s = dispatch.quotes[index].statement
    return s if s is not None and 0 <= s < len(dispatch.quotes) else index


def statement_parts(dispatch: Dispatch, index: int) -> list[int]:
    """Every part of the statement quote ``index`` belongs to, in text order (just ``[index]`` for a
    statement in one piece)."""
    root = statement_root(dispatch, index)
    parts = [i for i, q in enumerate(dispatch.quotes) if i == root or q.statement == root]
    return sorted(parts, key=lambda i: dispatch.quotes[i].start)


def statements(dispatch: Dispatch) -> list[list[int]]:
    """Every statement once (the parts of each together, in text order), interviewers' questions left out."""
    seen: set[int] = set()
    out = []
    for i, q in enumerate(dispatch.quotes):
        root = statement_root(dispatch, i)
        if root in seen or q.question:
            continue
        seen.add(root)
        out.append(statement_parts(dispatch, root))
    return out


def direct_count(dispatch: Dispatch) -> int:
    """How many direct statements (quotes and fragments, each split statement once) the dispatch has."""
    return sum(1 for parts in statements(dispatch) if dispatch.quotes[parts[0]].kind != "reported")


def statement_words(dispatch: Dispatch, parts: list[int]) -> str:
    """The parts' words joined by the author's words between them as printed (``, — пояснила она, —``);
    parts in separate paragraphs are joined by a space, a long passage between them by ``[…]``."""
    text = dispatch.text
    quotes = [dispatch.quotes[i] for i in parts]
    out = _bare(quotes[0].span.slice(text))
    for prev, part in zip(quotes, quotes[1:]):
        between = text[prev.end : max(prev.end, part.start)]
        between = _TRAIL_OPEN.sub("", _LEAD_CLOSE.sub("", between))
        between = _WS.sub(" ", between)
        if not between.strip():
            between = " "
        elif len(between) > MAX_BETWEEN:
            between = " […] "
        out += between + _bare(part.span.slice(text))
    return _inner(_WS.sub(" ", out).strip())


def _closing(words: str) -> tuple[str, str]:
    """The words and the punctuation before the attribution dash, in Russian style:
    ``«…», —`` after plain words, ``«…?» —`` after ``?``, ``!`` or ``…`` (a final period is dropped)."""
    words = words.rstrip()
    if words.endswith(("?", "!", "…", "...", "?!", "!?")):
        return words, " — "
    words = words.rstrip(",;:").rstrip()
    if words.endswith(".") and not words.endswith(".."):
        words = words[:-1].rstrip()
    return words, ", — "


def _who(dispatch: Dispatch, quote: Quote) -> tuple[str, str]:
    speaker = dispatch.speaker(quote.speaker)
    name = speaker.name if speaker else (quote.speaker or "").strip()
    role = _WS.sub(" ", speaker.role).strip() if speaker and speaker.role else ""
    return name, role


def _source(dispatch: Dispatch) -> list[str]:
    if dispatch.dateline is None:
        return []
    return [p.strip() for p in (dispatch.dateline.agency, dispatch.dateline.date) if p and p.strip()]


def _attributed(dispatch: Dispatch, quote: Quote, words: str) -> str:
    words, dash = _closing(words)
    out = f"«{words}»"
    name, role = _who(dispatch, quote)
    if name:
        out += dash + name + (f", {role}" if role else "")
    source = _source(dispatch)
    if source:
        out += f" ({', '.join(source)})"
    return out


def format_citation(dispatch: Dispatch, quote: Quote) -> str:
    """``«<quote>», — <Speaker>, <role> (<agency>, <date>)`` for one direct quote, missing parts omitted."""
    return _attributed(dispatch, quote, quote_text(dispatch, quote))


# ------------------------------------------------------------------------------------------ in a sentence
def sentence_around(dispatch: Dispatch, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) covering ``[start, end)``: from ``Dispatch.sentences`` when the layout found them,
    else up to the nearest sentence ends within the paragraph."""
    text = dispatch.text
    covering = [s for s in dispatch.sentences if s.start < max(end, start + 1) and start < s.end]
    if covering:
        return min(s.start for s in covering), max(s.end for s in covering)
    p = dispatch.paragraph_at(start)
    lo, hi = (dispatch.paragraphs[p].start, dispatch.paragraphs[p].end) if p is not None else (0, len(text))
    hi = max(hi, end)
    a = lo
    for m in _SENTENCE_END.finditer(text, lo, min(hi, start + 4)):  # (+4: room for the lookahead)
        if m.end() <= start:
            a = m.end()
    after = _SENTENCE_END.search(text, max(end - 1, a), hi)
    b = after.end() if after else hi
    return a, b


def _named_in(sentence: str, name: str) -> bool:
    """Is the speaker named in the sentence (any case form of the surname)?"""
    last = name.split()[-1] if name.split() else ""
    stem = last[: max(4, len(last) - 2)].casefold()
    return bool(stem) and stem in sentence.casefold()


def statement_sentence(dispatch: Dispatch, parts: list[int]) -> str:
    """The sentence(s) a statement stands in, with its cue and speaker mention, as printed, on one line."""
    quotes = [dispatch.quotes[i] for i in parts]
    lo = min(q.start for q in quotes)
    hi = max(q.end for q in quotes)
    for q in quotes:
        for span in (q.cue_span, q.speaker_span):
            if span is not None:
                lo, hi = min(lo, span.start), max(hi, span.end)
    a, b = sentence_around(dispatch, lo, hi)
    return _WS.sub(" ", dispatch.text[a:b]).strip()


def format_in_sentence(dispatch: Dispatch, parts: list[int]) -> str:
    """A fragment or a reported statement: the sentence it stands in, as printed, then who (when the sentence
    does not name them: ``он заявил, что…``) and the source in parentheses."""
    sentence = statement_sentence(dispatch, parts)
    name, role = _who(dispatch, dispatch.quotes[parts[0]])
    bits = []
    if name and not _named_in(sentence, name):
        bits.append(name + (f", {role}" if role else ""))
    source = ", ".join(_source(dispatch))
    if source:
        bits.append(source)
    if not bits:
        return sentence
    if sentence.endswith(".") and not sentence.endswith(".."):
        return f"{sentence[:-1].rstrip()} ({'; '.join(bits)})."  # the source inside the sentence
    return f"{sentence} ({'; '.join(bits)})"


def cite(dispatch: Dispatch, index: int) -> str:
    """What ``y`` copies for quote ``index``: its whole statement, attributed (see the module doc)."""
    parts = statement_parts(dispatch, index)
    first = dispatch.quotes[parts[0]]
    if first.kind in ("reported", "fragment"):
        return format_in_sentence(dispatch, parts)
    return _attributed(dispatch, first, statement_words(dispatch, parts))


def paragraph_text(dispatch: Dispatch, index: int) -> str:
    """A paragraph's text, whitespace collapsed."""
    return _WS.sub(" ", dispatch.paragraphs[index].slice(dispatch.text)).strip()
