"""Serializations of the model: jsonl / json (schema ``dispatchtui/2``) and a markdown digest."""

from __future__ import annotations

import json
import re

from .model import Dispatch
from .paths import display_path, printable

__all__ = [
    "join_json_array",
    "json_array_item",
    "md_code",
    "printable",
    "to_json_array",
    "to_json_line",
    "to_markdown",
    "write_json_line",
]


def to_json_line(d: Dispatch) -> str:
    return json.dumps(d.to_json(), ensure_ascii=False)


#: A dispatch with more text than this is written by :func:`write_json_line` piece by piece.
PIECEWISE_CHARS = 1 << 20
_LISTS = ("paragraphs", "sentences", "repeats", "quotes", "speakers", "topics")


def write_json_line(d: Dispatch, fh, chunk: int = 4096) -> None:
    """Write :func:`to_json_line` of ``d`` to the binary file ``fh`` as UTF-8, byte for byte, without
    ever holding the whole record: the lists go out ``chunk`` items at a time (a 16 MB dispatch's record,
    its dicts and its encoded copy were each several times the text). Raises UnicodeEncodeError (a lone
    surrogate) like the encoding of the whole line would; what was written then is incomplete."""
    head = d.with_(**{k: () for k in _LISTS}).to_json()
    first = True
    for key, value in head.items():
        fh.write(b"{" if first else b", ")
        first = False
        fh.write(json.dumps(key, ensure_ascii=False).encode("utf-8") + b": ")
        if key == "text" and len(value) > chunk * 64:  # a huge text too goes out a piece at a time
            _write_json_string(value, fh, chunk * 64)
            continue
        if key not in _LISTS:
            fh.write(json.dumps(value, ensure_ascii=False).encode("utf-8"))
            continue
        items = getattr(d, key)
        fh.write(b"[")
        for k in range(0, len(items), chunk):
            piece = json.dumps([x.to_json() for x in items[k : k + chunk]], ensure_ascii=False)
            fh.write((", " if k else "").encode("utf-8") + piece[1:-1].encode("utf-8"))
        fh.write(b"]")
    fh.write(b"}" if not first else b"{}")


def _write_json_string(s: str, fh, piece: int) -> None:
    """``json.dumps(s, ensure_ascii=False)`` as UTF-8, ``piece`` characters at a time: JSON escapes each
    character on its own, so the pieces' escaped insides, one after another, are the whole string's (its
    escaped copy and the encoded one were each the size of a 16 MB dispatch's text)."""
    fh.write(b'"')
    for k in range(0, len(s), piece):
        fh.write(json.dumps(s[k : k + piece], ensure_ascii=False)[1:-1].encode("utf-8"))
    fh.write(b'"')


def to_json_array(ds: list[Dispatch]) -> str:
    return join_json_array([json_array_item(d) for d in ds])


def json_array_item(d: Dispatch) -> str:
    """One item of :func:`to_json_array`, serialized on its own (``extract`` writes the array's items as
    they come and a record that fails to serialize fails alone)."""
    return json.dumps(d.to_json(), ensure_ascii=False, indent=1)


def join_json_array(items: list[str]) -> str:
    """``items`` from :func:`json_array_item` as one array, byte for byte ``json.dumps(list, indent=1)``
    (a JSON string never holds a raw newline, so every line of an item moves in by one space)."""
    if not items:
        return "[]"
    return "[\n" + ",\n".join(" " + item.replace("\n", "\n ") for item in items) + "\n]"


def _md_escape(s: str) -> str:
    """Keep dispatch text from turning into markdown structure (headings, links, emphasis)."""
    out = []
    for ch in s:
        if ch in "\\`*_[]<>#|":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def md_code(s: str) -> str:
    """``s`` as a CommonMark code span, exact whatever backticks it holds: a fence longer than its longest
    run of backticks, padded by a space when it starts or ends with one (the space is not part of it)."""
    longest = max((len(run) for run in re.findall(r"`+", s)), default=0)
    fence = "`" * (longest + 1)
    if s[:1] == "`" or s[-1:] == "`" or (s[:1] == " " and s[-1:] == " " and s.strip(" ")):
        s = f" {s} "
    return f"{fence}{s}{fence}"


def to_markdown(d: Dispatch) -> str:
    """A readable digest a person could paste into a note: headline, dateline, who said what."""
    lines: list[str] = []
    if d.headline is not None:
        title = d.headline.slice(d.text)
    elif d.paragraphs:
        first = d.paragraphs[0]
        start = d.dateline.end if d.dateline is not None and d.dateline.start == first.start else first.start
        title = d.text[start : first.end].lstrip(" -–—")
        if len(title) > 120:
            title = title[: title.rfind(" ", 0, 120) if " " in title[:120] else 120] + "…"
    else:
        title = display_path(d.source)
    lines.append(f"# {_md_escape(title)}")
    lines.append("")
    meta = []
    if d.dateline is not None:
        meta.append(", ".join(x for x in (d.dateline.place, d.dateline.date, d.dateline.agency) if x))
    if d.meta is not None and d.meta.byline:
        meta.append(f"by {d.meta.byline}")
    meta.append(f"source: {md_code(display_path(d.source))}")
    lines.append(" · ".join(_md_escape(m) if not m.startswith("source:") else m for m in meta))
    if d.meta is not None and d.meta.url:
        lines.append("")
        lines.append(f"<{printable(d.meta.url).replace('>', '%3E').replace(' ', '%20')}>")
    lines.append("")
    lines += _statements_md(d)
    people = [s for s in d.speakers if s.kind == "person"]
    if people:
        lines.append("## People")
        lines.append("")
        for s in people:
            extra = f" — {s.role}" if s.role else ""
            direct, reported = _counts(d, s.name)
            said = [f"{direct} quote{'s' if direct != 1 else ''}"] if direct else []
            said += [f"{reported} reported"] if reported else []
            count = f" ({', '.join(said)})" if said else ""
            lines.append(f"- {_md_escape(s.name)}{_md_escape(extra)}{count}")
        lines.append("")
    if d.topics:
        lines.append("## Topics")
        lines.append("")
        lines.append(", ".join(_md_escape(t.label) for t in d.topics))
        lines.append("")
    return "\n".join(lines)


def _statements(d: Dispatch) -> list[list[int]]:
    from .cite import statements

    return statements(d)


def _counts(d: Dispatch, name: str) -> tuple[int, int]:
    """(direct, reported) statements of ``name`` — the very ones the digest prints."""
    direct = reported = 0
    for parts in _statements(d):
        q = d.quotes[parts[0]]
        if q.speaker == name:
            if q.kind == "reported":
                reported += 1
            else:
                direct += 1
    return direct, reported


def _who_md(d: Dispatch, name: str | None) -> str:
    who = name or "unattributed"
    sp = d.speaker(name)
    if sp is not None and sp.role:
        who = f"{who}, {sp.role}"
    return who


def _statements_md(d: Dispatch) -> list[str]:
    """ "Quotes" (direct statements, multi-part ones whole, fragments marked) and "Reported" (the sentence
    each reported statement stands in)."""
    from .cite import statement_sentence, statement_words

    lines: list[str] = []
    statements = _statements(d)
    direct = [p for p in statements if d.quotes[p[0]].kind != "reported"]
    reported = [p for p in statements if d.quotes[p[0]].kind == "reported"]
    if direct:
        lines += ["## Quotes", ""]
        for parts in direct:
            q = d.quotes[parts[0]]
            mark = " _(fragment)_" if q.kind == "fragment" else ""
            lines.append(f"> «{_md_escape(statement_words(d, parts))}»{mark}")
            lines.append(f"> — {_md_escape(_who_md(d, q.speaker))}")
            lines.append("")
    elif d.analysed:
        lines += ["_No quotes found._", ""]
    if reported:
        lines += ["## Reported", ""]
        for parts in reported:
            q = d.quotes[parts[0]]
            sentence = statement_sentence(d, parts)
            lines.append(f"- {_md_escape(sentence)} — {_md_escape(_who_md(d, q.speaker))}")
        lines.append("")
    return lines
