"""RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds: one dispatch per entry (title, date, source, full content or
summary; Yandex's ``yandex:full-text`` too, as Russian agencies publish it).

A well-formed feed is read by expat and ElementTree's C builder (see :mod:`.safexml`: entity declarations and
external references refused; ~20× faster than feedparser on a 10,000-entry feed, which the library needs
before its first paint). A feed
that is not well-formed XML (an undeclared ``&nbsp;``, a bare ``&``) goes to feedparser's lenient parser,
which is given the bytes (never a URL) and strips entity declarations itself; a file declaring entities never
gets that far. Links, enclosures and images are never fetched.
"""

from __future__ import annotations

import io
from datetime import UTC
from typing import Any

from ..model import Meta, MetaFormat
from .common import MAX_ITEMS, Container, Item, limited, squash

_ATOM = "http://www.w3.org/2005/Atom"
_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_DC = "http://purl.org/dc/elements/1.1/"
_YANDEX = "http://news.yandex.ru"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def parse_feed(fh) -> Container:
    """Read a feed from a binary file object → its entries (or an error). The tree is built by expat and
    ElementTree's C builder; each entry keeps its element and becomes an :class:`Item` only when it is first
    peeked or loaded (discovering a 10,000-entry feed does no per-entry Python work but reading its id)."""
    from xml.etree.ElementTree import ParseError

    from .safexml import Refused, parse

    try:
        root = parse(fh)
    except Refused as exc:
        return Container("rss", "utf-8", error=str(exc))
    except ParseError as exc:
        return _lenient(fh, str(exc))
    kind: MetaFormat = "atom" if _local(root.tag) == "feed" else "rss"
    c = Container(kind, _declared_encoding(fh))
    levels = [root, *(el for el in root if _local(el.tag) == "channel")]
    title = next((el for level in levels for el in level if _local(el.tag) == "title"), None)
    feed_title = _text(title) or None if title is not None else None
    entries = [el for level in levels for el in level if _local(el.tag) in ("item", "entry")]
    if len(entries) > MAX_ITEMS:
        c.notes = (f"only the first {MAX_ITEMS} entries were read",)
        del entries[MAX_ITEMS:]
    c.items = [Item(Meta(kind, _entry_id(el, kind)), pending=_later(el, kind, feed_title)) for el in entries]
    return c


def _later(el, kind: MetaFormat, feed_title: str | None):
    return lambda: limited(_entry(el, kind, feed_title))


def _entry_id(el, kind: MetaFormat) -> str | None:
    """The entry's id (Atom ``id``, RSS ``guid``, RDF ``about``, else its link), cheaply."""
    names = ("id", "link") if kind == "atom" else ("guid", "link")
    kids = _children(el)
    for name in names:
        child = kids.get(name)
        if child is None:
            continue
        value = _text(child) or (child.get("href") or "").strip()
        if value:
            return value
        if name == names[0] and kind != "atom":
            break
    about = el.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    if about:
        return about.strip()
    link = kids.get("link")
    if link is None:
        return None
    return _text(link) or (link.get("href") or "").strip() or None


def _declared_encoding(fh) -> str:
    import re

    try:
        fh.seek(0)
        head = fh.read(200)
    except (OSError, ValueError):
        return "utf-8"
    m = re.match(rb"""\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)""", head.lstrip(b"\xef\xbb\xbf"))
    return m[1].decode("ascii").lower() if m else "utf-8"


def _text(el) -> str:
    return squash("".join(el.itertext()))


_KNOWN_NS = {"": "", _ATOM: "", "http://purl.org/rss/1.0/": "", _CONTENT: "content:", _DC: "dc:", _YANDEX: "yandex:"}


def _children(el) -> dict[str, Any]:
    """An entry's children by name (``title``, ``content:encoded``, ``dc:date``…; the first of each), one pass."""
    found: dict[str, Any] = {}
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag[0] == "{":
            ns, local = tag[1:].split("}", 1)
            prefix = _KNOWN_NS.get(ns)
            if prefix is None:
                continue
            name = prefix + local
        else:
            name = tag
        found.setdefault(name, child)
    return found


def _child(el, *names: str):
    """The first child with one of these names, in the order of ``names``."""
    kids = _children(el)
    for name in names:
        if name in kids:
            return kids[name]
    return None


def _entry(el, kind: MetaFormat, feed_title: str | None) -> Item:
    if kind == "atom":
        return _atom_entry(el, feed_title)
    kids = _children(el)
    pick = lambda *names: next((kids[n] for n in names if n in kids), None)  # noqa: E731
    title, link, guid = kids.get("title"), kids.get("link"), kids.get("guid")
    date, author, source = pick("pubDate", "dc:date"), pick("author", "dc:creator"), kids.get("source")
    url = _text(link) if link is not None else None
    ident = (
        (_text(guid) if guid is not None else None)
        or el.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
        or url
    )
    meta = Meta(
        "rss",
        ident or None,
        _plain_title(title),
        _iso(_text(date)) if date is not None else None,
        None,
        (_text(source) if source is not None else None) or feed_title,
        _text(author) if author is not None else None,
        url or None,
    )
    full = kids.get("yandex:full-text")
    if full is not None and _text(full):
        return Item(meta, text=_paragraphs("".join(full.itertext())))
    body = pick("content:encoded", "description")
    return Item(meta, html="".join(body.itertext()) if body is not None else "")


def _atom_entry(el, feed_title: str | None) -> Item:
    ident = _child(el, "id")
    title = _child(el, "title")
    date = _child(el, "published", "updated")
    author = _child(el, "author")
    name = _child(author, "name") if author is not None else None
    source = _child(el, "source")
    source_title = _child(source, "title") if source is not None else None
    url = None
    for link in el:
        if isinstance(link.tag, str) and _local(link.tag) == "link" and link.get("rel", "alternate") == "alternate":
            url = link.get("href")
            break
    meta = Meta(
        "atom",
        _text(ident) if ident is not None else url,
        _atom_title(title),
        _iso(_text(date)) if date is not None else None,
        None,
        (_text(source_title) if source_title is not None else None) or feed_title,
        _text(name) if name is not None else None,
        url,
    )
    content = _child(el, "content")
    if content is not None and content.get("src"):
        content = None  # remote content: never fetched; the summary stands in
    body = content if content is not None and _text(content) else _child(el, "summary")
    if body is None:
        return Item(meta, text="")
    kind = (body.get("type") or "text").lower()
    if kind in ("xhtml", "application/xhtml+xml"):
        from .html import element_text

        return Item(meta, text=element_text(body))
    if kind in ("html", "text/html"):
        return Item(meta, html="".join(body.itertext()))
    return Item(meta, text=_paragraphs("".join(body.itertext())))


def _plain_title(el) -> str | None:
    if el is None:
        return None
    raw = "".join(el.itertext())
    if "<" in raw or "&" in raw:  # an HTML-escaped title (common in RSS): its text
        from .html import fragment_to_text

        raw = fragment_to_text(raw)
    return squash(raw) or None


def _atom_title(el) -> str | None:
    if el is None:
        return None
    if (el.get("type") or "text") in ("html", "xhtml"):
        return _plain_title(el)
    return _text(el) or None


def _paragraphs(text: str) -> str:
    import re

    return "\n\n".join(squash(p) for p in re.split(r"\n", text) if p.strip())


def _iso(value: str | None) -> str | None:
    """RFC 822 (RSS) or ISO 8601 (Atom, dc:date) → ISO 8601; None when it is neither."""
    if not value:
        return None
    from datetime import datetime
    from email.utils import parsedate_to_datetime

    try:
        return datetime.fromisoformat(value.strip()).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


# --------------------------------------------------------------------------------------------- lenient


def _lenient(fh, why: str) -> Container:
    """A feed that is not well-formed XML, through feedparser (bytes in: it never opens a URL)."""
    try:
        fh.seek(0)
        data = fh.read()
    except (OSError, ValueError) as exc:
        return Container("rss", "utf-8", error=f"not well-formed XML ({why}) and unreadable again ({exc})")
    if b"<!ENTITY" in data or "<!ENTITY".encode("utf-16-le") in data or "<!ENTITY".encode("utf-16-be") in data:
        return Container("rss", "utf-8", error="refused: the XML declares entities (entity expansion is off)")
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    kind: MetaFormat = "atom" if str(parsed.get("version", "")).startswith("atom") else "rss"
    if not parsed.entries:
        return Container(kind, "utf-8", error=f"not a readable feed ({why})")
    feed_title = parsed.feed.get("title") or None
    c = Container(
        kind, (parsed.get("encoding") or "utf-8").lower(), notes=(f"not well-formed XML ({why}): read leniently",)
    )
    for e in parsed.entries[:MAX_ITEMS]:
        c.items.append(limited(_feedparser_entry(e, kind, feed_title)))
    return c


def _feedparser_entry(e, kind: MetaFormat, feed_title: str | None) -> Item:
    date = e.get("published_parsed") or e.get("updated_parsed")
    iso = None
    if date is not None:
        from datetime import datetime

        year, month, day, hour, minute, second = date[:6]
        iso = datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
    source = e.get("source") or {}
    title = e.get("title")
    meta = Meta(
        kind,
        e.get("id") or e.get("link") or None,
        squash(title) if title else None,
        iso,
        None,
        source.get("title") or feed_title,
        e.get("author") or None,
        e.get("link") or None,
    )
    contents = e.get("content") or []
    body = contents[0] if contents else e.get("summary_detail")
    if not body:
        return Item(meta, text="")
    value = body.get("value", "")
    if "html" in (body.get("type") or ""):
        return Item(meta, html=value)
    return Item(meta, text=_paragraphs(value))
