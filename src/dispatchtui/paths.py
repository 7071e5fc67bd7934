"""The one rule for a path that leaves the program (output, stderr, notices, the library, a stored index).

A Linux file name is bytes. Python hands it over as a ``str`` in which every byte that is not UTF-8 is a
lone surrogate ``U+DC80``–``U+DCFF`` (``surrogateescape``); written out as is, it raises
``UnicodeEncodeError``. So a path is never written raw:

- **shown** (stderr, the markdown digest, the reader's notices, status line and library):
  :func:`display_path` — printable text on one line, invertible with :func:`parse_display_path`:
  a byte that is not UTF-8 → ``\\xff``; a control character → ``\\x1b`` (C0, DEL) or ``\\u0085`` (C1, so
  it is never confused with a byte); any other invisible character (format, bidi override, separator,
  unassigned) → ``\\u202e`` / ``\\U000e0001``; a backslash → ``\\\\``; a space at either end → ``\\x20``
  (``"report.txt "`` is not ``"report.txt"``, and the name survives a strip).
- **in JSON** (:func:`json_source`): ``source`` — the name with each undecodable byte as U+FFFD, for
  display — and ``source_bytes`` — the exact bytes in base64, or ``null`` when the name is valid UTF-8.
  :func:`source_from_json` gives the path back.
- **stored** (an index, a database): :func:`path_bytes`, the raw bytes.

Pure standard library; imports nothing of the package.
"""

from __future__ import annotations

import base64
import binascii
import os
import re

__all__ = [
    "display_path",
    "json_source",
    "parse_display_path",
    "path_bytes",
    "path_from_bytes",
    "printable",
    "source_from_json",
    "valid_utf8",
]


def path_bytes(path: str) -> bytes:
    """The bytes of the file name ``path`` stands for (lossless; what an index should store)."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:
        # a surrogate that surrogateescape did not make (a str built by hand): kept, as UTF-8-like bytes
        return b"".join(
            bytes([ord(c) - 0xDC00]) if 0xDC80 <= ord(c) <= 0xDCFF else c.encode("utf-8", "surrogatepass") for c in path
        )


def path_from_bytes(raw: bytes) -> str:
    """The ``str`` path (surrogateescape) for the file name ``raw``: ``open()`` and ``os.stat()`` take it."""
    return os.fsdecode(raw)


def valid_utf8(path: str) -> bool:
    """The file name is valid UTF-8 (no escaped byte, no other surrogate)."""
    return not _SURROGATE.search(path)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(s: str, backslash: bool) -> str:
    out = []
    for c in s:
        o = ord(c)
        if c == "\\":
            out.append("\\\\" if backslash else c)
        elif c == " " or c.isprintable():
            out.append(c)
        elif 0xDC80 <= o <= 0xDCFF:  # a byte that is not UTF-8 (surrogateescape)
            out.append(f"\\x{o - 0xDC00:02x}")
        elif o < 0x20 or o == 0x7F:  # C0 and DEL are one byte in UTF-8 too
            out.append(f"\\x{o:02x}")
        elif o <= 0xFFFF:
            out.append(f"\\u{o:04x}")
        else:
            out.append(f"\\U{o:08x}")
    return "".join(out)


def display_path(path: str) -> str:
    """``path`` for a person: printable, one line, every byte accounted for (see the module docstring).
    ``parse_display_path(display_path(p)) == p``."""
    if path.isprintable() and "\\" not in path and path.strip(" ") == path:
        return path
    core = path.strip(" ")
    lead = len(path) - len(path.lstrip(" "))
    trail = len(path) - lead - len(core)
    return "\\x20" * lead + _escape(core, backslash=True) + "\\x20" * trail


def near(path: str) -> str:
    """``path`` as the person typed it, near where they are: relative to the working directory when it lies
    under it ("/home/me/news/a.txt" from /home/me → "news/a.txt"), else as it is."""
    if not os.path.isabs(path):
        return path
    try:
        here = os.getcwd()
    except OSError:
        return path
    rel = os.path.relpath(path, here)
    return path if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel


def printable(s: object) -> str:
    """Free text for a terminal or a digest (a reason, a message that may quote a file name): the escapes of
    :func:`display_path`, but a backslash stays as it is (nothing is meant to be parsed back)."""
    s = str(s)
    return s if s.isprintable() else _escape(s, backslash=False)


_DISPLAY_ESCAPE = re.compile(r"\\(?:\\|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")


def parse_display_path(shown: str) -> str:
    """The inverse of :func:`display_path`: the ``str`` path (surrogateescape) that was shown."""

    def back(m: re.Match[str]) -> str:
        if m.group() == "\\\\":
            return "\\"
        if m.group(1) is not None:
            b = int(m.group(1), 16)
            return chr(b) if b < 0x80 else chr(0xDC00 + b)  # a byte ≥ 0x80 was not UTF-8
        code = int(m.group(2) or m.group(3), 16)
        return chr(code) if code <= 0x10FFFF else m.group()  # (display_path never writes one out of range)

    return _DISPLAY_ESCAPE.sub(back, shown)


def json_source(path: str) -> tuple[str, str | None]:
    """``(source, source_bytes)`` for a JSON record: the name with U+FFFD for each undecodable byte, and
    the exact bytes in base64 — ``None`` when the name is valid UTF-8 (``source`` is then exact)."""
    if valid_utf8(path):
        return path, None
    raw = path_bytes(path)
    return raw.decode("utf-8", "replace"), base64.b64encode(raw).decode("ascii")


def source_from_json(source: str, source_bytes: str | None) -> str:
    """The path a JSON record names (inverse of :func:`json_source`). Raises ValueError on bad base64."""
    if source_bytes is None:
        return source
    try:
        return path_from_bytes(base64.b64decode(source_bytes, validate=True))
    except binascii.Error as exc:
        raise ValueError(f"bad source_bytes ({exc})") from None
