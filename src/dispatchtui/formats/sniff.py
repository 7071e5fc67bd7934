"""Tell a file's format from its first few KB: an ``.xml`` that is RSS, an HTML page without a suffix, a mail."""

from __future__ import annotations

import re

#: The first element's local name → format.
_ROOTS = {
    "rss": "rss",
    "rdf": "rss",
    "feed": "atom",
    "newsitem": "newsml",
    "packageitem": "newsml",
    "newsmessage": "newsml",
    "html": "html",
}
#: Elements that open an HTML page or fragment saved without its <html> (only for extension-less files).
_HTML_OPENERS = frozenset(
    {
        "head",
        "body",
        "meta",
        "title",
        "div",
        "p",
        "article",
        "section",
        "table",
        "link",
        "script",
        "style",
        "header",
        "main",
        "h1",
        "h2",
    }
)
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)", re.S | re.I)
_TAG = re.compile(r"\s*<([A-Za-z_][\w.:-]*)")
_HEADER = re.compile(r"[!-9;-~]+:[ \t]", re.A)  # RFC 5322 field name: printable ASCII but ':'
_MAIL_FIELDS = frozenset(
    {
        "from",
        "subject",
        "date",
        "message-id",
        "mime-version",
        "received",
        "return-path",
        "to",
        "delivered-to",
        "content-type",
    }
)


def sniff(head: bytes) -> str:
    """``rss`` | ``atom`` | ``newsml`` | ``html`` | ``email`` | ``xml`` | ``text`` for the first bytes of a file."""
    text = _as_text(head)
    if text is None:
        return "text"
    s = text.lstrip("\ufeff \t\r\n")
    if s.startswith("<"):
        return _markup(s)
    if _looks_like_mail(s):
        return "email"
    return "text"


def _as_text(head: bytes) -> str | None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"<\x00", b"\x00<"):
        enc = "utf-16-be" if head.startswith(b"\xfe\xff") or head[:1] == b"\x00" else "utf-16-le"
        return head[: len(head) // 2 * 2].decode(enc, errors="replace")
    if b"\x00" in head:
        return None
    return head.decode("utf-8", errors="replace")


def _markup(s: str) -> str:
    doctype_html = bool(re.match(r"(?:\s*(?:<\?.*?\?>|<!--.*?-->))*\s*<!DOCTYPE\s+html", s, re.S | re.I))
    pos = 0
    while True:
        m = _PROLOG.match(s, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    m = _TAG.match(s, pos)
    if m is None:
        return "html" if doctype_html else ("xml" if s.startswith("<?xml") else "text")
    name = m[1].rsplit(":", 1)[-1].lower()
    if name in _ROOTS:
        return _ROOTS[name]
    if doctype_html or name in _HTML_OPENERS:
        return "html"
    return "xml"


def _looks_like_mail(s: str) -> bool:
    """At least two header lines at the very top, one of them a field every message has."""
    names: list[str] = []
    for line in s.split("\n")[:40]:
        line = line.rstrip("\r")
        if not line:
            break
        if line[0] in " \t":  # a folded continuation line
            if not names:
                return False
            continue
        if not _HEADER.match(line) and not line.startswith("From "):
            return False
        names.append(line.split(":", 1)[0].lower())
    return len(names) >= 2 and bool(_MAIL_FIELDS.intersection(names))
