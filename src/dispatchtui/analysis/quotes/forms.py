"""Paragraph forms: speech without quotation marks that a whole paragraph makes (dialogue, transcript)."""
from __future__ import annotations

import re

from .marks import QUOTE_MARKS, _DASHES, _skip_space
from .tokens import _info, _tokens

def _dialogue_start(text: str, a: int, b: int) -> int | None:
    """Content start of a dialogue paragraph (``— Мы готовы, — сказал он.``), else None."""
    if a >= b or text[a] not in _DASHES:
        return None
    i = a
    while i < b and text[i] in _DASHES:
        i += 1
    j = _skip_space(text, i, b)
    if j == i and text[a] == "-":
        return None
    if j < b and (text[j].isalpha() or text[j] in QUOTE_MARKS or text[j] in "….") :
        return j
    return None


_LABEL_RE = re.compile(r"([A-ZА-ЯЁ][\w.\-]*(?:[ \u00a0][A-ZА-ЯЁ][\w.\-]*){0,3})[ \u00a0]?:[ \u00a0]+(?=\S)")


def _transcript_label(text: str, a: int, b: int) -> tuple[int, int, int] | None:
    """``В.Путин: …`` — (label start, label end, content start) when the label names a person."""
    m = _LABEL_RE.match(text, a, min(b, a + 60))
    if m is None:
        return None
    toks = _tokens(text, m.start(1), m.end(1), 8)
    if not toks or any(t.kind == "p" for t in toks if t.text != "."):
        return None
    has_name = False
    for t in toks:
        if t.kind == "i":
            has_name = True
        elif t.kind == "w":
            if not t.text[:1].isupper():
                return None
            info = _info(t.text)
            if info.name and (info.pos in ("NOUN", "") or (info.pos == "ADJS" and not info.known)):
                has_name = True
            elif "." in t.text and t.text.split(".")[0].isupper():
                has_name = True  # "В.Путин" tokenized as one word
            elif t is toks[0] and info.known and info.pos == "NOUN" and not t.text.isupper():
                return None  # "Позиция Сергея Лаврова:" introduces, it does not label a speaker
    if not has_name:
        return None
    last = toks[-1]
    if last.kind == "w" and "." not in last.text and _info(last.text).known and "nomn" not in _info(last.text).cases:
        return None  # a label is nominative ("Сергея Лаврова:" is not)
    if m.end() < b and text[m.end()] in QUOTE_MARKS:
        return None  # "Путин: «…»" is a colon introduction of a quote
    return m.start(1), m.end(1), m.end()
