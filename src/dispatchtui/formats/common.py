"""What the wire formats share: the records a container's parser fills (:class:`Container`, :class:`Item`),
the per-item limits, whitespace squashing and the composition of one item's text. A module of its own, so
that each format (rss, newsml, html, mail) uses them without importing the package that imports it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Meta
from ..reading import _env_int

#: Items read from one container; the rest are dropped with a note.
MAX_ITEMS = _env_int("DISPATCHTUI_MAX_ITEMS", 100_000)

#: what squash changes: a run of two or more ASCII whitespace characters, or one that is not a space
_SPACE = re.compile(r"[\t\n\r\f\v][ \t\n\r\f\v]*| [ \t\n\r\f\v]+")


def squash(s: str) -> str:
    """Runs of ASCII whitespace → one space, trimmed (a no-break space is a character of the text: kept)."""
    if "  " in s or "\n" in s or "\t" in s or "\r" in s or "\f" in s or "\v" in s:  # C-speed tests first
        s = _SPACE.sub(" ", s)
    return s.strip(" \t\n\r\f\v")


@dataclass(slots=True)
class Item:
    """One dispatch of a container: its metadata and its body (text, or HTML converted when loaded)."""

    meta: Meta
    text: str | None = None  # body paragraphs, plain
    html: str | None = None  # body as an HTML fragment (converted on load)
    error: str | None = None
    fragment: str = ""  # the ``#ID`` part of its source
    #: makes the whole item (meta and body) from what the parser kept, on first use (see :func:`resolve`)
    pending: Callable[[], Item] | None = None


def resolve(item: Item) -> Item:
    """The item complete: a feed entry is only read out of its element when it is first peeked or loaded."""
    pending = item.pending
    if pending is not None:
        full = pending()
        item.meta, item.text, item.html, item.error = full.meta, full.text, full.html, full.error
        item.pending = None
    return item


@dataclass(slots=True)
class Container:
    kind: str
    encoding: str
    items: list[Item] = field(default_factory=list)
    error: str | None = None
    notes: tuple[str, ...] = ()
    by_fragment: dict[str, Item] = field(default_factory=dict)


def limited(item: Item) -> Item:
    """An item whose content is over the per-item limit (``load.MAX_BYTES`` characters) keeps its meta and
    becomes an error (the big string is not kept)."""
    from ..reading import MAX_BYTES

    size = max(len(item.text or ""), len(item.html or ""))
    if size > MAX_BYTES:
        return Item(item.meta, error=f"item too large ({_mb(size)} of content; the limit is {_mb(MAX_BYTES)})")
    return item


def compose(headline: str | None, body: str) -> tuple[str, tuple[str, ...]] | str:
    """Headline, a blank line, the body (paragraphs one per line), normalized like a plain-text file; a body
    that already opens with the headline (a page's ``<h1>``) keeps it once. A reason string when empty or
    over the item size limit."""
    from ..analysis.normalize import normalize
    from ..reading import MAX_BYTES

    if len(body) > MAX_BYTES:
        return f"item too large ({_mb(len(body))} of text; the limit is {_mb(MAX_BYTES)})"
    head = squash(headline or "")
    body = body.strip()
    first = body.split("\n", 1)[0].strip()
    text = body if not head or squash(first) == head else f"{head}\n\n{body}"
    text, notes = normalize(text)
    if not text.strip():
        return "empty (no text)"
    return text, notes


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"
