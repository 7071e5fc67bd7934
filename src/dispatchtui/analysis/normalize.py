"""Text normalization: one canonical text that every offset in the model points into.

* CRLF / CR → LF; a BOM or stray U+FEFF is dropped;
* terminal escape sequences (CSI, OSC, DCS, …) are removed, other C0/C1 control characters
  and bidi overrides are removed (tab becomes a space) — nothing from a dispatch can drive the terminal;
* trailing spaces are trimmed, runs of blank lines collapse into one blank line;
* hard-wrapped lines (a block of lines cut at a fixed width) are joined into one line.

Pure: text in, text out. Offsets are always into the *output*.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC (ESC P/X/^/_ … ST),
# and two-character escapes (ESC + one char). The C1 single-character forms (U+009B CSI, U+009D OSC) too.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?            # CSI
  | \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC … BEL | ST
  | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?        # DCS, SOS, PM, APC … ST
  | \x1b[@-Z\\-_]?                    # other two-character escapes (or a lone ESC)
  | \x9b[0-?]*[ -/]*[@-~]?              # C1 CSI
  | \x9d[^\x07\x9c]*(?:\x07|\x9c)?      # C1 OSC
    """,
    re.VERBOSE,
)
# Remaining control characters (tab and newline are handled separately), DEL, C1 controls,
# bidi embedding/override/isolate controls, BOM / zero-width no-break space.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]")
# Only from the start of a run (the look-behind), taken whole (possessive): tried at every position of a
# run, "spaces then a newline" rescanned the rest of the run each time — quadratic in a long run of spaces.
_TRAILING = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]++\n")

#: Longest line that can still be a hard-wrapped one: wire copy wraps at 60–80 columns.
WRAP_MAX_WIDTH = 100


def normalize(raw: str) -> tuple[str, tuple[str, ...]]:
    """Return the normalized text and notes on what was changed that a reader should know."""
    return normalize_taken([raw])


def normalize_taken(box: list[str]) -> tuple[str, tuple[str, ...]]:
    """:func:`normalize` of the one text in ``box``, taken out of it: a caller that holds the text nowhere
    else lets each step free its input as soon as the next copy is made (a 16 MB dispatch is held twice
    at most on the way, not four times)."""
    notes: list[str] = []
    text = box.pop()
    bom = text.startswith("\ufeff")
    # one step a statement (a chain of replace calls held every intermediate copy until its end); each
    # step first asks a C-speed ``in``, and a step that changes nothing returns the very same string
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        text = text.replace("\r", "\n")
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text, n = _ESCAPES.subn("", text)
        if n:
            notes.append(f"removed {n} terminal escape sequence{'s' if n != 1 else ''}")
    text = text.replace("\t", " ")
    text, n = _CONTROLS.subn("", text)
    if n and not (n == 1 and bom):
        notes.append(f"removed {n} control character{'s' if n != 1 else ''}")
    # (the regexes scan a multi-megabyte text at ~30 ns a character)
    if " \n" in text or "\u00a0\n" in text:
        text = _TRAILING.sub("\n", text)
    text = text.strip("\n ")
    while "\n\n\n" in text:  # runs of blank lines → one (each pass shortens every run by a third)
        text = text.replace("\n\n\n\n", "\n\n")
        text = text.replace("\n\n\n", "\n\n")
    text = unwrap(text)
    return text, tuple(notes)


def unwrap(text: str) -> str:
    """Join hard-wrapped lines of each blank-line separated block.

    A block whose lines are all at most ``WRAP_MAX_WIDTH`` wide and several of them long is a wrapped
    block: a line break in it is a *wrap* when the line before it is long (at least 70 % of the block's
    widest line) and the next line does not open a dialogue dash or a list; otherwise it is a paragraph break.
    Blocks with longer lines are one paragraph per line (the line break is meaningful).
    """
    if "\n" not in text:
        return text
    # block by block, without splitting the whole text: only a wrapped block is rebuilt, and a text without
    # one (most) is returned as it is — the split and the join were two more copies of a huge text
    out: list[str] = []
    done = 0  # text[:done] is in out
    pos, n = 0, len(text)
    while pos < n:
        end = text.find("\n\n", pos)
        if end < 0:
            end = n
        if text.find("\n", pos, end) >= 0:
            joined = _unwrapped(text[pos:end])
            if joined is not None:
                out.append(text[done:pos])
                out.append(joined)
                done = end
        pos = end + 2
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _unwrapped(block: str) -> str | None:
    """A block of several lines (see :func:`unwrap`) with its wrapped lines joined, or None when it is not
    a wrapped block (or joining changes nothing)."""
    lines = block.split("\n")
    width = max(len(line) for line in lines)
    if width > WRAP_MAX_WIDTH or width < 30:
        return None
    long_lines = sum(1 for line in lines[:-1] if len(line) >= 0.7 * width)
    if long_lines < max(1, (len(lines) - 1) // 2):
        return None
    joined = "\n".join(_join_wrapped(lines, width))
    return None if joined == block else joined


def _join_wrapped(lines: list[str], width: int) -> list[str]:
    """The lines of one wrapped block joined into paragraphs (see :func:`unwrap`). The paragraph joined so
    far is kept as pieces, its length and its last two characters: re-joining or re-scanning it at every
    line was quadratic in a long wrapped block."""
    done: list[str] = []
    pieces, length, tail = [lines[0]], len(lines[0]), lines[0][-2:]
    for line in lines[1:]:
        stripped = line.lstrip()
        is_wrap = length >= 0.7 * width and stripped and not stripped.startswith(("— ", "- ", "– ", "* ", "• "))
        if not is_wrap:
            done.append("".join(pieces))
            pieces, length, tail = [line], len(line), line[-2:]
            continue
        if tail.endswith("-") and length > 1 and tail[-2].isalpha() and stripped[:1].islower():
            piece = stripped  # торгово-\nэкономические
        else:
            piece = " " + stripped
        pieces.append(piece)
        length += len(piece)
        tail = (tail + piece)[-2:]
    done.append("".join(pieces))
    return done
