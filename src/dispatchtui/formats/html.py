"""HTML: article pages (trafilatura finds the main text and its metadata) and fragments (feed entries,
NewsML-G2 XHTML, mail parts: every block a paragraph). lxml's HTML parser loads no DTD and fetches nothing."""

from __future__ import annotations

import logging
import re
from typing import Any

from ..model import Meta, MetaFormat
from .common import squash

#: Blocks: each starts a new paragraph.
BLOCKS = frozenset(
    """p div section article header footer main aside blockquote li ul ol dl dt dd h1 h2 h3 h4 h5
h6 pre table tr td th caption figure figcaption address hr body html form fieldset legend center nav details
summary body.content hedline hl1 hl2 byline dateline block""".split()
)
#: Never text: dropped with everything inside (their tail text stays).
DROPPED = frozenset(
    """script style noscript template iframe object embed svg math head title button select
input textarea canvas video audio picture img source meta link param map area frame frameset applet
body.head""".split()
)
#: Page furniture dropped when a page's main text is taken whole (no article found).
FURNITURE = frozenset({"nav", "header", "footer", "aside", "form", "menu"})

_SPACE = re.compile(r"[ \t\n\r\f\v]+")  # HTML whitespace: ASCII only (a no-break space stays)
#: Bigger pages are not handed to trafilatura (its tree walk is not linear); the plain walk reads them.
TRAFILATURA_MAX_ELEMENTS = 100_000

for _name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)  # their warnings must not reach the terminal


def _local(tag) -> str | None:
    if not isinstance(tag, str):
        return None  # lxml comments and processing instructions
    return tag.rsplit("}", 1)[-1].lower()


def element_text(root, skip: frozenset[str] = frozenset()) -> str:
    """The text of an element tree (lxml or ElementTree), one paragraph per line: blocks and ``<br>`` break,
    whitespace inside a paragraph collapsed. Iterative (a hostile 100,000-deep nesting is fine)."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            text = squash("".join(current))
            if text:
                paragraphs.append(text)
            current.clear()

    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        if closing:
            if _local(el.tag) in BLOCKS:
                flush()
            if el.tail and el is not root:
                current.append(el.tail)
            continue
        name = _local(el.tag)
        if name is None or name in DROPPED or name in skip or name == "br":
            if name == "br":
                flush()
            if el.tail and el is not root:
                current.append(el.tail)
            continue
        if name in BLOCKS:
            flush()
        if el.text:
            current.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    flush()
    return "\n\n".join(paragraphs)


def fragment_to_text(html: str) -> str:
    """An HTML fragment (a feed entry's content) → paragraphs. Text without tags keeps its line breaks."""
    if "<" not in html:
        import html as _html

        return "\n\n".join(squash(p) for p in re.split(r"\n\s*\n|\n", _html.unescape(html)) if p.strip())
    tree = _parse(html)
    return "" if tree is None else element_text(tree)


def _parse(html: str):
    import lxml.html

    html = _XML_DECL.sub("", html, count=1)  # lxml refuses a str that declares its encoding
    if not html.strip():
        return None
    parser = _parser()
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except Exception:  # noqa: BLE001 - lxml's ParserError for a document of nothing but comments
        return None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise TooDeep("nested too deeply to read (libxml2 stops at 2048 levels)")
    return tree


class TooDeep(ValueError):
    """A page nested past the HTML parser's limit: what it kept is not the page's text."""


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_local_parser = __import__("threading").local()  # an lxml parser is not for two threads at once


def _parser():
    parser = getattr(_local_parser, "parser", None)
    if parser is None:
        import lxml.html

        # huge_tree: 2048 levels of nesting instead of 256 (generated pages go past 256), no other limit lifted
        parser = _local_parser.parser = lxml.html.HTMLParser(
            no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=True
        )
    return parser


# --------------------------------------------------------------------------------------------- pages


def load_html(path: str, encoding: str | None = None):
    """One HTML page → ``Loaded`` with its main text and meta, or ``LoadError``."""
    from ..reading import Loaded, LoadError, _read_bytes
    from .common import compose

    data = _read_bytes(path)
    if isinstance(data, LoadError):
        return data
    decoded = decode_html(data, encoding)
    if isinstance(decoded, str):
        return LoadError(path, decoded)
    html, enc, notes = decoded
    try:
        meta, body, more = page_to_text(html)
    except TooDeep as exc:
        return LoadError(path, str(exc))
    composed = compose(meta.headline, body)
    if isinstance(composed, str):
        return LoadError(path, composed if composed != "empty (no text)" else "empty (no text in this page)")
    text, norm_notes = composed
    return Loaded(path, text, enc, notes + more + norm_notes, meta=meta)


def page_to_text(html: str, fmt: MetaFormat = "html") -> tuple[Meta, str, tuple[str, ...]]:
    """(meta, main text, notes) of a whole page: trafilatura's article without navigation, ads and
    comments; the page's own text (furniture dropped) when it finds none."""
    keep = _NBSP not in html  # trafilatura turns no-break spaces into spaces: carry them through it
    if keep:
        html = _NBSP_FORMS.sub(_NBSP, html)
    tree = _parse(html)
    if tree is None:
        return Meta(fmt), "", ()
    head = _head_meta(tree)
    doc: Any = None  # trafilatura's Document
    tried = sum(1 for _ in tree.iter()) <= TRAFILATURA_MAX_ELEMENTS
    if tried:
        try:
            import trafilatura

            # its metadata pass costs a third of the time: only when the <head> lacks a title or a date
            doc = trafilatura.bare_extraction(
                tree,
                with_metadata=not ("title" in head and "date" in head),
                include_comments=False,
                include_tables=False,
                include_images=False,
                deduplicate=False,
            )
        except Exception:  # noqa: BLE001 - the extractor failing is no reason to show nothing
            doc = None
    if doc is not None and (doc.text or "").strip():
        body = "\n\n".join(_SPACE.sub(" ", line).strip() for line in doc.text.split("\n") if line.strip())
        first = body.split("\n", 1)[0]
        # the article opens with its own heading (og:title is often a shorter or longer variant): that is the
        # headline, not a second one above it
        title = first if first and first == head.get("h1") else head.get("title") or doc.title
        meta = Meta(
            fmt,
            None,
            title,
            head.get("date") or doc.date,
            None,
            head.get("site") or doc.sitename,
            head.get("author") or doc.author,
            head.get("url") or doc.url,
        )
        return (_unkeep(meta), body.replace(_NBSP, "\u00a0"), ()) if keep else (meta, body, ())
    tree = _parse(html) if tried else tree  # trafilatura prunes the tree it is given
    body_el = tree.find("body") if tree is not None else None
    body = element_text(body_el if body_el is not None else tree, skip=FURNITURE) if tree is not None else ""
    meta = Meta(
        fmt, None, head.get("title"), head.get("date"), None, head.get("site"), head.get("author"), head.get("url")
    )
    if keep:
        meta, body = _unkeep(meta), body.replace(_NBSP, "\u00a0")
    return meta, body, (("no article found in the page: its whole text is shown",) if body else ())


#: A printable symbol (BLANK SYMBOL) standing in for U+00A0 while trafilatura works (it collapses every \s).
_NBSP = "\u2422"  # ␢
_NBSP_FORMS = re.compile("\u00a0|&nbsp;|&#160;|&#[xX]0*[aA]0;")


def _unkeep(meta: Meta) -> Meta:
    from dataclasses import replace

    return replace(
        meta,
        **{k: getattr(meta, k).replace(_NBSP, "\u00a0") for k in ("headline", "agency", "byline") if getattr(meta, k)},
    )


def _head_meta(tree) -> dict[str, str]:
    """Title, date, site and URL from the page's <head> (Open Graph, article:*, <title>)."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        value = squash(el.get("content") or "")
        if not value:
            continue
        slot = {
            "og:title": "title",
            "article:published_time": "date",
            "datepublished": "date",
            "pubdate": "date",
            "date": "date",
            "og:site_name": "site",
            "og:url": "url",
            "author": "author",
            "article:author": "author",
        }.get(key)
        if slot and slot not in found:
            found[slot] = value
    h1 = tree.find(".//h1")
    if h1 is not None and h1.text_content().strip():
        found["h1"] = squash(h1.text_content())
    if "title" not in found:
        title = tree.find(".//title")
        for text in (found.get("h1"), squash(title.text_content()) if title is not None else None):
            if text:
                found["title"] = text
                break
    if "url" not in found:
        for el in tree.iter("link"):
            if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
                found["url"] = el.get("href").strip()
                break
    return found


def peek_meta(path: str) -> Meta | str:
    """The page's headline and date from its <head>, without the article extraction (the library list)."""
    from ..reading import LoadError, _read_bytes

    data = _read_bytes(path, limit=64 * 1024)
    if isinstance(data, LoadError):
        return data.reason
    decoded = decode_html(data, None, partial=True)
    if isinstance(decoded, str):
        return decoded
    tree = _parse(decoded[0])
    if tree is None:
        return "empty (no text in this page)"
    head = _head_meta(tree)
    return Meta("html", None, head.get("title"), head.get("date"), None, head.get("site"), None, head.get("url"))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def decode_html(data: bytes, encoding: str | None, partial: bool = False):
    """(text, encoding, notes) or a reason: ``--encoding``, a BOM, the page's <meta charset>, else detection."""
    from ..reading import decode

    if encoding is None and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = _META_CHARSET.search(data[:4096])
        if m is not None:
            name = m[1].decode("ascii", "replace")
            try:
                return data.decode(name, errors="strict"), name.lower(), ()
            except UnicodeDecodeError as exc:
                if partial and exc.start > len(data) - 4:
                    return data[: exc.start].decode(name), name.lower(), ()
            except LookupError:
                pass
    return decode(data, encoding, partial=partial)
