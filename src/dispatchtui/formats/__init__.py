"""Dispatches in the formats wires arrive in: NewsML-G2, RSS / Atom feeds, HTML pages, e-mail messages.

Each loader turns one file into one or more items, each ending in the same normalized text a plain-text
dispatch has (headline, blank line, paragraphs) and a :class:`~dispatchtui.model.Meta` with what the format
said (headline, date, place, agency, byline, URL, the item's id). A file that holds several items (a feed, a
NewsML-G2 news message) is addressed item by item as ``PATH#ID`` (:func:`expand` lists them).

Safety: XML is parsed by expat with entity declarations and external references refused (:mod:`.safexml`;
a billion-laughs or external-entity file is one message); nothing is ever fetched (no feed links, images,
DTDs or remote content); a container is at most :data:`MAX_CONTAINER_BYTES`, an item at most
``load.MAX_BYTES``, a container at most :data:`MAX_ITEMS` items. Nothing here raises for a bad input: a
broken file is a :class:`~dispatchtui.load.LoadError` and the rest of the folder still loads.

Plain text stays in :mod:`dispatchtui.load`; this package is only called from there, for the suffixes in
:data:`SUFFIXES`, for extension-less files that turn out to be markup or mail, and for ``PATH#ID`` sources.
"""

from __future__ import annotations

import os
import stat
import threading
from collections import OrderedDict

from ..model import Meta
from ..reading import _env_int
from .common import (  # noqa: F401 - the formats' shared pieces, named here as they always were
    MAX_ITEMS,
    Container,
    Item,
    _mb,
    compose,
    limited,
    resolve,
    squash,
)

#: Suffixes read by this package (an extension-less file is looked at: see :func:`kind`).
XML_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf", ".newsml", ".nml", ".g2"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MAIL_SUFFIXES = frozenset({".eml"})
SUFFIXES = XML_SUFFIXES | HTML_SUFFIXES | MAIL_SUFFIXES


#: A feed or NewsML-G2 file may be bigger than one dispatch (``load.MAX_BYTES``): it is parsed as a stream.
MAX_CONTAINER_BYTES = _env_int("DISPATCHTUI_MAX_CONTAINER_BYTES", 256 * 1024 * 1024)
#: Bytes looked at to tell a file's format by its content.
SNIFF_BYTES = 4096
#: Parsed containers kept (a reader flipping through a feed must not parse it per item; a folder of many
#: small feeds must not parse one again for each row the library shows): up to this many files, and past
#: the first one only while their sizes add up to at most :data:`CONTAINER_CACHE_BYTES`.
CONTAINER_CACHE = 256
CONTAINER_CACHE_BYTES = 256 * 1024 * 1024

CONTAINER_KINDS = frozenset({"rss", "atom", "newsml"})

# --------------------------------------------------------------------------------------------- detection


def kind(path: str) -> str:
    """``text`` | ``rss`` | ``atom`` | ``newsml`` | ``html`` | ``email`` | ``xml`` (XML of no known kind):
    by suffix, and by content for extension-less and XML files. Never raises (unreadable → ``text``, whose
    loader tells why)."""
    known = _known.get(path)
    if known is not None:  # a container parsed in this process (each of its 10,000 items asks)
        return known
    suffix = _suffix(path)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MAIL_SUFFIXES:
        return "email"
    if suffix in XML_SUFFIXES or suffix == "":
        try:
            st = os.stat(path)
            key = (st.st_mtime_ns, st.st_size)
        except OSError:
            return "text"
        hit = _kinds.get(path)
        if hit is not None and hit[0] == key:  # each item of a feed asks again
            return hit[1]
        from .sniff import sniff

        found = sniff(_head(path))
        if suffix and found == "text":
            found = "xml"
        if len(_kinds) > 50_000:
            _kinds.clear()
        _kinds[path] = (key, found)
        return found
    return "text"


_kinds: dict[str, tuple[tuple[int, int], str]] = {}


def _head(path: str) -> bytes:
    fd = _open_regular(path)
    if isinstance(fd, str):
        return b""
    try:
        return os.read(fd, SNIFF_BYTES)
    except OSError:
        return b""
    finally:
        os.close(fd)


def _open_regular(path: str) -> int | str:
    """A file descriptor of ``path`` if it is a regular file (never blocks on a FIFO), else a reason."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        from ..reading import _reason

        return _reason(exc)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return "not a regular file"
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except OSError as exc:
        os.close(fd)
        return exc.strerror or str(exc)
    return fd


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()  # (pathlib's suffix is ~10x slower: 10,000 items ask)


def split_source(source: str) -> tuple[str, str | None]:
    """``feed.xml#ID`` → (``feed.xml``, ``ID``); a source that is a file as it stands → (source, None)."""
    if "#" not in source:
        return source, None
    at = source.find("#")
    while at != -1:  # a container parsed in this process: no file system call
        if source[:at] in _known:
            return source[:at], source[at + 1 :]
        at = source.find("#", at + 1)
    if os.path.isfile(source):
        return source, None
    at = source.find("#")
    while at != -1:
        if os.path.isfile(source[:at]):
            return source[:at], source[at + 1 :]
        at = source.find("#", at + 1)
    return source, None


def is_item_source(source: str) -> bool:
    path, frag = split_source(source)
    return frag is not None and kind(path) in CONTAINER_KINDS


def handles(source: str) -> bool:
    """Is ``source`` for this package (rather than the plain-text loader)?"""
    suffix = _suffix(source)
    if suffix not in SUFFIXES and suffix != "" and "#" not in source:
        return False
    path, frag = split_source(source)
    return frag is not None or kind(path) != "text"


# --------------------------------------------------------------------------------------------- containers

_cache: OrderedDict[str, tuple[tuple[int, int], Container]] = OrderedDict()
_lock = threading.Lock()
#: path → kind of every container parsed in this process (``PATH#ID`` is split without asking the disk)
_known: dict[str, str] = {}


def container(path: str, what: str) -> Container:
    """The parsed feed / NewsML-G2 file (cached while the file's size and mtime stay the same)."""
    try:
        st = os.stat(path)
        key = (st.st_mtime_ns, st.st_size)
    except OSError:
        key = (-1, -1)
    with _lock:  # one parse per file even when the reader and the search index ask at once
        hit = _cache.get(path)
        if hit is not None and hit[0] == key:
            _cache.move_to_end(path)
            return hit[1]
        c = _parse_container(path, what)
        _cache[path] = (key, c)
        _known[path] = what
        while len(_cache) > 1 and (
            len(_cache) > CONTAINER_CACHE or sum(k[1] for k, _ in _cache.values()) > CONTAINER_CACHE_BYTES
        ):
            _cache.popitem(last=False)
        return c


def _parse_container(path: str, what: str) -> Container:
    fd = _open_regular(path)
    if isinstance(fd, str):
        return Container(what, "utf-8", error=fd)
    with os.fdopen(fd, "rb") as fh:
        try:
            size = os.fstat(fh.fileno()).st_size
        except OSError as exc:
            return Container(what, "utf-8", error=exc.strerror or str(exc))
        if size > MAX_CONTAINER_BYTES:
            return Container(
                what,
                "utf-8",
                error=f"too large ({_mb(size)}; the limit for a feed or NewsML file is {_mb(MAX_CONTAINER_BYTES)})",
            )
        try:
            if what == "newsml":
                from .newsml import parse_newsml

                c = parse_newsml(fh)
            else:
                from .rss import parse_feed

                c = parse_feed(fh)
        except Exception as exc:  # noqa: BLE001 - a parser bug must not take the folder down
            return Container(what, "utf-8", error=f"cannot read this {what} file ({type(exc).__name__}: {exc})")
    if c.error is None and not c.items:
        c.error = "no items in this feed" if what != "newsml" else "no news items in this NewsML-G2 file"
    _name_fragments(c)
    return c


def _name_fragments(c: Container) -> None:
    """Each item's ``#ID``: the format's id when every item has a clean, distinct one, else its position."""
    ids = [it.meta.item for it in c.items]
    clean = all(i and len(i) <= 300 and i.isprintable() and not any(ch.isspace() for ch in i) for i in ids)
    if clean and len(set(ids)) == len(ids):
        for it in c.items:
            it.fragment = str(it.meta.item)
    else:
        for n, it in enumerate(c.items, 1):
            it.fragment = str(n)
    c.by_fragment = {it.fragment: it for it in c.items}


def expand(found: list[str], errors: list, explicit: set[str]) -> list[str]:
    """:func:`load.discover`'s last step: a container becomes its items (``PATH#ID``; a file with one item
    stays ``PATH``); a broken one is an error; XML of no known kind is skipped in a folder and an error when
    given by name."""
    from ..reading import LoadError

    out: list[str] = []
    for path in found:
        if path == "-" or not handles(path) or split_source(path)[1] is not None:
            out.append(path)
            continue
        k = kind(path)
        if k == "xml":
            if path in explicit:
                errors.append(LoadError(path, "XML, but neither an RSS/Atom feed nor NewsML-G2"))
            continue
        if k not in CONTAINER_KINDS:
            out.append(path)
            continue
        c = container(path, k)
        if c.error is not None:
            errors.append(LoadError(path, c.error))
        elif len(c.items) == 1:
            out.append(path)
        else:
            out.extend(f"{path}#{it.fragment}" for it in c.items)
    return out


# --------------------------------------------------------------------------------------------- loading


def load(source: str, encoding: str | None = None):
    """``Loaded`` (with ``meta``) or ``LoadError`` for a source this package handles. Never raises."""
    from ..reading import LoadError

    path, frag = split_source(source)
    k = kind(path)
    try:
        if k == "html":
            from .html import load_html

            return load_html(path, encoding)
        if k == "email":
            from .mail import load_mail

            return load_mail(path, encoding)
        if k not in CONTAINER_KINDS:
            return LoadError(
                source,
                "XML, but neither an RSS/Atom feed nor NewsML-G2"
                if k == "xml"
                else "no such item (the file is not a feed)",
            )
        return _load_item(source, path, frag, k)
    except Exception as exc:  # noqa: BLE001 - one bad file is one message
        return LoadError(source, f"cannot read this {k} file ({type(exc).__name__}: {exc})")


def _load_item(source: str, path: str, frag: str | None, k: str):
    from ..reading import Loaded, LoadError

    c = container(path, k)
    if c.error is not None:
        return LoadError(source, c.error)
    item = _find_item(c, frag)
    if item is None:
        if frag is None:
            return LoadError(
                source,
                f"a feed of {len(c.items)} items: open the folder or the file through discovery (each item is PATH#ID)",
            )
        return LoadError(source, "no such item in this file")
    if item.error is not None:
        return LoadError(source, item.error)
    body = item.text
    if body is None and item.html is not None:
        from .html import fragment_to_text

        body = fragment_to_text(item.html)
    composed = compose(item.meta.headline, body or "")
    if isinstance(composed, str):
        return LoadError(source, composed)
    text, notes = composed
    return Loaded(source, text, c.encoding, c.notes + notes, meta=item.meta)


def _find_item(c: Container, frag: str | None) -> Item | None:
    if frag is None:
        item = c.items[0] if len(c.items) == 1 else None
    else:
        item = c.by_fragment.get(frag)
    return None if item is None else resolve(item)


def peek(source: str):
    """``load.Peek`` of a source this package handles: the format's headline and date, cheaply. Never raises."""
    from ..analysis.layout import ru_date
    from ..reading import LoadError, Peek

    path, frag = split_source(source)
    k = kind(path)
    try:
        got: Meta | str
        if k == "html":
            from .html import peek_meta as html_meta

            got = html_meta(path)
        elif k == "email":
            from .mail import peek_meta as mail_meta

            got = mail_meta(path)
        elif k in CONTAINER_KINDS:
            c = container(path, k)
            item = _find_item(c, frag) if c.error is None else None
            if item is None:
                return LoadError(source, c.error or "no such item in this file")
            got = item.meta
        else:
            return LoadError(source, "XML, but neither an RSS/Atom feed nor NewsML-G2")
        if isinstance(got, str):
            return LoadError(source, got)
        meta = got
    except Exception as exc:  # noqa: BLE001
        return LoadError(source, f"cannot read this {k} file ({type(exc).__name__}: {exc})")
    headline = squash(meta.headline or "") or os.path.basename(path)
    return Peek(source, headline[:300], meta.place, ru_date(meta.date), meta.agency)
