"""Dispatch text on screen: never markup, never raw control characters.

Text from a dispatch is only ever put on screen through :func:`visible` — every C0/C1 control
character (ESC of an ANSI/OSC sequence, BEL, …) and lone surrogate (unwritable: U+FFFD) becomes one
visible placeholder character, so offsets stay the same length and nothing reaches the terminal as a
command. Markup is never involved: callers build ``Content``/``Segment`` objects from the result, not
markup strings. File names are shown through :func:`..paths.display_path` instead (escaped, exact).
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _placeholder(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c == 0x09:
        return " "
    if c < 0x20:
        return chr(0x2400 + c)  # ␛ for ESC, ␇ for BEL …
    if c == 0x7F:
        return "␡"
    if 0xD800 <= c <= 0xDFFF:  # a lone surrogate (a byte of a file name that is not UTF-8): unwritable
        return "\ufffd"
    return "�" if c <= 0x9F else " " if c in (0x2028, 0x2029) else "\u00b7"


def visible(text: str) -> str:
    """``text`` with control characters replaced one-for-one by visible placeholders."""
    if text.isprintable():
        return text
    text = text.replace("\t", " ")
    return _CONTROL.sub(_placeholder, text)


def one_line(text: str) -> str:
    """Visible, whitespace collapsed to single spaces."""
    return " ".join(visible(text).split())


def shorten(text: str, words: int = 8, chars: int = 60) -> str:
    """The first ``words`` words (at most ``chars`` characters) with an ellipsis if cut."""
    parts = one_line(text).split(" ")
    out = " ".join(parts[:words])
    cut = len(parts) > words
    if len(out) > chars:
        out, cut = out[: chars - 1].rstrip(), True
    return out + "…" if cut else out


def fit(text: str, cells: int) -> str:
    """``text`` in at most ``cells`` terminal cells: cut at a word boundary near the end when there is one,
    with an ellipsis, never mid-word without a mark."""
    from rich.cells import cell_len

    if cells <= 0:
        return ""
    if cell_len(text) <= cells:
        return text
    cut = text
    while cut and cell_len(cut) > cells - 1:
        cut = cut[: max(0, min(len(cut) - 1, cells - 1))]
    space = cut.rfind(" ")
    if space >= max(1, len(cut) - 16):  # a word boundary not too far back
        cut = cut[:space]
    return cut.rstrip(" ,;:—-") + "…"
