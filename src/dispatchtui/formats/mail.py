"""E-mail alerts (``.eml``, RFC 5322): the subject is the headline, the body the text/plain part — or the
HTML part through the page path. Headers (RFC 2047) and charsets are decoded by the standard ``email``
package; a part whose declared charset is wrong or unknown goes through the loader's own detection."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

from ..model import Meta
from .common import squash


def _header(msg, name: str) -> str | None:
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001 - a malformed header is an absent one
        return None
    if value is None:
        return None
    return squash(str(value)) or None


def _meta(msg) -> Meta:
    date = None
    try:
        header = msg.get("date")
        dt = getattr(header, "datetime", None)
        date = dt.isoformat() if dt is not None else None
    except Exception:  # noqa: BLE001
        date = None
    byline = None
    try:
        sender = msg.get("from")
        addresses = getattr(sender, "addresses", ())
        if addresses:
            byline = addresses[0].display_name or addresses[0].addr_spec or None
    except Exception:  # noqa: BLE001
        byline = _header(msg, "from")
    ident = (_header(msg, "message-id") or "").strip("<>") or None
    return Meta("email", ident, _header(msg, "subject"), date, None, None, byline, None)


def load_mail(path: str, encoding: str | None = None):
    """One message → ``Loaded`` (subject as headline, the body's text) or ``LoadError``."""
    from ..reading import Loaded, LoadError, _read_bytes
    from .common import compose

    data = _read_bytes(path)
    if isinstance(data, LoadError):
        return data
    msg = email.message_from_bytes(data, policy=email.policy.default)
    meta = _meta(msg)
    found = _body(msg, encoding)
    if found is None:
        return LoadError(path, "no text in this message (no text/plain or text/html part)")
    body, enc, notes = found
    if not body.strip():
        return LoadError(path, "no text in this message (its text part is empty)")
    composed = compose(meta.headline, body)
    if isinstance(composed, str):
        return LoadError(path, composed)
    text, norm_notes = composed
    return Loaded(path, text, enc, notes + norm_notes, meta=meta)


def _body(msg: EmailMessage, encoding: str | None) -> tuple[str, str, tuple[str, ...]] | None:
    """(text, charset, notes) of the text/plain part, else of the HTML part as a page's text."""
    part = None
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
    except Exception:  # noqa: BLE001 - a broken MIME tree: look at the parts one by one
        part = None
    if part is None:
        for p in msg.walk():
            if p.get_content_maintype() == "text" and not p.is_attachment():
                part = p
                break
    if part is None:
        return None
    decoded = _decode_part(part, encoding)
    if decoded is None:
        return None
    text, enc, notes = decoded
    if part.get_content_subtype() == "html":
        from .html import page_to_text

        _meta_unused, text, more = page_to_text(text, "email")
        notes += more
    else:
        cut = text.find("\n-- \n")  # the signature separator
        if cut != -1:
            text = text[:cut]
    return text, enc, notes


def _decode_part(part, encoding: str | None) -> tuple[str, str, tuple[str, ...]] | None:
    from ..reading import decode

    try:
        payload = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001
        payload = None
    if payload is None:
        return None
    charset = encoding or part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset), charset, ()
        except (LookupError, UnicodeDecodeError):
            pass
    found = decode(payload, None)
    if isinstance(found, str):
        return None
    text, enc, notes = found
    if charset:
        notes = (f"the part says {charset}, but it is {enc}",) + notes
    return text, enc, notes


def peek_meta(path: str) -> Meta | str:
    """Subject, date and sender from the headers only (the library list)."""
    from email.parser import BytesHeaderParser

    from ..reading import LoadError, _read_bytes

    data = _read_bytes(path, limit=64 * 1024)
    if isinstance(data, LoadError):
        return data.reason
    return _meta(BytesHeaderParser(policy=email.policy.default).parsebytes(data))
