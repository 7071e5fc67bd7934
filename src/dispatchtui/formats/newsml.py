"""IPTC NewsML-G2: news items (alone, or in a ``newsMessage``'s ``itemSet``), one dispatch per ``newsItem``.

Read: ``itemMeta`` (versionCreated / firstCreated, provider, a link), ``contentMeta`` (headline — the main
one, ``located``, ``dateline``, ``by`` / ``creator``, ``creditline``, contentCreated) and the first
``contentSet`` rendition with text: ``inlineXML`` (XHTML, or NITF's ``body.content``) or ``inlineData``
(text). ``remoteContent`` is never fetched. A ``packageItem`` only refers to its items (``itemRef``), so it
is no dispatch of its own; a file with nothing but a package says so.
"""

from __future__ import annotations

import re

from ..model import Meta
from .common import MAX_ITEMS, Container, Item, limited, squash
from .rss import _iso

G2 = "{http://iptc.org/std/nar/2006-10-01/}"


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_newsml(fh) -> Container:
    from xml.etree.ElementTree import ParseError

    from .rss import _declared_encoding
    from .safexml import Refused, parse

    try:
        root = parse(fh)
    except Refused as exc:
        return Container("newsml", "utf-8", error=str(exc))
    except ParseError as exc:
        return Container("newsml", "utf-8", error=f"not well-formed XML ({exc})")
    c = Container("newsml", _declared_encoding(fh))
    elements = [e for e in root.iter() if _local(e.tag) in ("newsItem", "packageItem")]
    news = [e for e in elements if _local(e.tag) == "newsItem"]
    if len(news) > MAX_ITEMS:
        c.notes = (f"only the first {MAX_ITEMS} news items were read",)
        del news[MAX_ITEMS:]
    c.items = [limited(news_item(e)) for e in news]
    if not c.items and len(elements) > len(news):
        refs = sum(1 for e in root.iter() if _local(e.tag) == "itemRef")
        c.error = (
            f"a NewsML-G2 package: its {refs} item(s) are referred to (itemRef), not included — open the item files"
        )
    return c


def _first(el, path: str):
    """``el.find`` over G2 names (``a/b`` → the G2 namespace on each step), or None."""
    return el.find("/".join(G2 + step for step in path.split("/")))


def _text(el) -> str | None:
    if el is None:
        return None
    return squash("".join(el.itertext())) or None


def _literal(el) -> str | None:
    """A G2 "flex" property: its ``literal``, else its ``<name>``."""
    if el is None:
        return None
    return (el.get("literal") or "").strip() or _text(_first(el, "name"))


def _headline(content_meta) -> str | None:
    if content_meta is None:
        return None
    lines = content_meta.findall(G2 + "headline")
    for h in lines:  # the main headline first; a headline without a role is the main one
        if (h.get("role") or "").split(":")[-1] in ("", "main", "headline"):
            return _text(h)
    return _text(lines[0]) if lines else None


def news_item(el) -> Item:
    """One ``newsItem`` element → its Item (meta and body)."""
    item_meta = _first(el, "itemMeta")
    cm = _first(el, "contentMeta")
    guid = (el.get("guid") or "").strip() or None
    dateline = _text(_first(cm, "dateline")) if cm is not None else None
    place = _literal(_first(cm, "located")) if cm is not None else None
    if place is None and dateline:
        m = re.match(r"([^\W\d][\w\-]*(?:\s[^\W\d][\w\-]*){0,3})[,.]", dateline)
        place = m[1] if m else None
    date = None
    for where, name in ((cm, "contentCreated"), (item_meta, "firstCreated"), (item_meta, "versionCreated")):
        if where is not None and date is None:
            date = _iso(_text(_first(where, name)))
    agency = None
    if cm is not None:
        agency = _text(_first(cm, "creditline"))
    if agency is None and item_meta is not None:
        agency = _literal(_first(item_meta, "provider"))
    if agency is None:
        agency = _literal(_first(el, "rightsInfo/copyrightHolder"))
    byline = None
    if cm is not None:
        byline = _text(_first(cm, "by")) or _literal(_first(cm, "creator"))
    url = None
    if item_meta is not None:
        for link in item_meta.findall(G2 + "link"):
            href = (link.get("href") or "").strip()
            if href.startswith(("http://", "https://")):
                url = href
                break
    meta = Meta("newsml", guid, _headline(cm), date, place, agency, byline, url)
    body, remote = _content(_first(el, "contentSet"))
    if body is None:
        why = "its content is remote (remoteContent is never fetched)" if remote else "it has no text content"
        return Item(meta, error=f"NewsML-G2 item {guid or ''}: {why}".replace("item :", "item:"))
    return Item(meta, text=body)


def _content(content_set) -> tuple[str | None, bool]:
    """The text of the first rendition that has some: (text, whether only remote content was there)."""
    from .html import element_text

    if content_set is None:
        return None, False
    remote = False
    for rendition in content_set:
        name = _local(rendition.tag)
        if name == "remoteContent":
            remote = True
            continue
        ctype = (rendition.get("contenttype") or "").lower()
        if name == "inlineXML":
            body = _xml_body(rendition)
            text = element_text(body)
        elif name == "inlineData":
            raw = "".join(rendition.itertext())
            if "html" in ctype:
                from .html import fragment_to_text

                text = fragment_to_text(raw)
            else:
                text = "\n\n".join(squash(p) for p in raw.split("\n") if p.strip())
        else:
            continue
        if text.strip():
            return text, False
    return None, remote


def _xml_body(rendition):
    """XHTML's ``<body>`` or NITF's ``<body.content>`` inside an ``inlineXML``, else the whole of it."""
    for e in rendition.iter():
        if _local(e.tag) in ("body.content",):
            return e
    for e in rendition.iter():
        if _local(e.tag) == "body":
            return e
    return rendition
