"""RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds: one dispatch per entry (title, date, source, full content or
summary; Yandex's ``yandex:full-text`` too, as Russian agencies publish it).

A well-formed feed is read as a stream by expat through defusedxml (entities and external references refused;
~20× faster than feedparser on a 10,000-entry feed, which the library needs before its first paint). A feed
that is not well-formed XML (an undeclared ``&nbsp;``, a bare ``&``) goes to feedparser's lenient parser,
which is given the bytes (never a URL) and strips entity declarations itself; a file declaring entities never
gets that far. Links, enclosures and images are never fetched.
"""
from __future__ import annotations

import io

from ..model import Meta
from . import MAX_ITEMS, Container, Item, limited, squash

_ATOM = "http://www.w3.org/2005/Atom"
_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_DC = "http://purl.org/dc/elements/1.1/"
_YANDEX = "http://news.yandex.ru"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def parse_feed(fh) -> Container:
    """Read a feed from a binary file object → its entries (or an error)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, iterparse

    c = Container("rss", "utf-8")
    feed_title: str | None = None
    depth = 0
    in_entry = 0
    try:
        for event, el in iterparse(fh, events=("start", "end"), forbid_dtd=False, forbid_entities=True,
                                   forbid_external=True):
            name = _local(el.tag)
            if event == "start":
                depth += 1
                if depth == 1:
                    c.kind = "atom" if name == "feed" else "rss"
                if name in ("item", "entry"):
                    in_entry += 1
                continue
            depth -= 1
            if name in ("item", "entry"):
                in_entry -= 1
                if in_entry == 0:
                    if len(c.items) < MAX_ITEMS:
                        c.items.append(limited(_entry(el, c.kind, feed_title)))
                    else:
                        c.notes = (f"only the first {MAX_ITEMS} entries were read",)
                    el.clear()
            elif name == "title" and not in_entry and depth <= 2 and feed_title is None:
                feed_title = _text(el) or None
    except DefusedXmlException as exc:
        return Container(c.kind, "utf-8", error=refusal(exc))
    except ParseError as exc:
        return _lenient(fh, str(exc))
    c.encoding = _declared_encoding(fh)
    return c


def refusal(exc: Exception) -> str:
    from defusedxml import DTDForbidden, EntitiesForbidden

    if isinstance(exc, EntitiesForbidden):
        return "refused: the XML declares entities (entity expansion is off)"
    if isinstance(exc, DTDForbidden):
        return "refused: the XML has a DTD"
    return "refused: the XML refers to an external entity (nothing is fetched)"


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


def _child(el, *names: str):
    """The first child with one of these names (``ns:local`` for namespaced ones, bare for any namespace)."""
    for name in names:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if ":" in name:
                ns, local = name.split(":", 1)
                if _local(tag) == local and _ns(tag) == {"content": _CONTENT, "dc": _DC, "yandex": _YANDEX}[ns]:
                    return child
            elif _local(tag) == name and _ns(tag) in ("", _ATOM, "http://purl.org/rss/1.0/"):
                return child
    return None


def _entry(el, kind: str, feed_title: str | None) -> Item:
    if kind == "atom":
        return _atom_entry(el, feed_title)
    title = _child(el, "title")
    link = _child(el, "link")
    guid = _child(el, "guid")
    date = _child(el, "pubDate", "dc:date")
    author = _child(el, "author", "dc:creator")
    source = _child(el, "source")
    url = _text(link) if link is not None else None
    ident = (_text(guid) if guid is not None else None) or el.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about") or url
    meta = Meta("rss", ident or None, _plain_title(title), _iso(_text(date)) if date is not None else None, None,
                (_text(source) if source is not None else None) or feed_title,
                _text(author) if author is not None else None, url or None)
    full = _child(el, "yandex:full-text")
    if full is not None and _text(full):
        return Item(meta, text=_paragraphs("".join(full.itertext())))
    body = _child(el, "content:encoded", "description")
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
    meta = Meta("atom", _text(ident) if ident is not None else url, _atom_title(title),
                _iso(_text(date)) if date is not None else None, None,
                (_text(source_title) if source_title is not None else None) or feed_title,
                _text(name) if name is not None else None, url)
    content = _child(el, "content")
    if content is not None and content.get("src"):
        content = None       # remote content: never fetched; the summary stands in
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
    if "<" in raw or "&" in raw:      # an HTML-escaped title (common in RSS): its text
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
    kind = "atom" if str(parsed.get("version", "")).startswith("atom") else "rss"
    if not parsed.entries:
        return Container(kind, "utf-8", error=f"not a readable feed ({why})")
    feed_title = parsed.feed.get("title") or None
    c = Container(kind, (parsed.get("encoding") or "utf-8").lower(),
                  notes=(f"not well-formed XML ({why}): read leniently",))
    for e in parsed.entries[:MAX_ITEMS]:
        c.items.append(limited(_feedparser_entry(e, kind, feed_title)))
    return c


def _feedparser_entry(e, kind: str, feed_title: str | None) -> Item:
    date = e.get("published_parsed") or e.get("updated_parsed")
    iso = None
    if date is not None:
        from datetime import datetime, timezone

        iso = datetime(*date[:6], tzinfo=timezone.utc).isoformat()
    source = e.get("source") or {}
    title = e.get("title")
    meta = Meta(kind, e.get("id") or e.get("link") or None, squash(title) if title else None, iso, None,
                source.get("title") or feed_title, e.get("author") or None, e.get("link") or None)
    contents = e.get("content") or []
    body = contents[0] if contents else e.get("summary_detail")
    if not body:
        return Item(meta, text="")
    value = body.get("value", "")
    if "html" in (body.get("type") or ""):
        return Item(meta, html=value)
    return Item(meta, text=_paragraphs(value))
