"""Paths → bytes → decoded, normalized text. Files are only ever read; failures are values with a reason.

Plain text is read here; NewsML-G2, RSS/Atom, HTML and e-mail go through :mod:`dispatchtui.formats`
(:func:`discover`, :func:`load_path` and :func:`peek` hand such files over), which ends in the same
normalized text and adds a :class:`~dispatchtui.model.Meta`.

Nothing here raises for a bad input: every function returns a :class:`LoadError` naming the file and
the reason instead, so the CLI can print one line per failure and go on, and the app can show a notice.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from . import reading
from .analysis.normalize import normalize, normalize_taken
from .reading import (  # noqa: F401 - load's public names (and what callers have always imported from here)
    MAX_BYTES,
    PEEK_STALL_SECONDS,
    READ_STALL_SECONDS,
    STDIN,
    Loaded,
    LoadError,
    Peek,
    _env_int,
    _not_regular,
    _read_bytes,
    _reason,
    _size,
    _too_large,
    decode,
)

#: Files with these suffixes (or none) inside a folder are dispatches; everything else is skipped.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".news", ".wire", ".dispatch", ""})
#: Extension-less files with these names are documentation, not dispatches.
NOT_DISPATCHES = frozenset({"readme", "license", "licence", "copying", "authors", "changelog", "sources", "makefile"})
#: Bytes read by :func:`peek` for the library list.
PEEK_BYTES = 4096


# --------------------------------------------------------------------------------------------- discovery


def natural_key(path: str) -> tuple:
    """Sort ``2.txt`` before ``10.txt``: digit runs compare as numbers."""
    return tuple(
        tuple(
            (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
            for part in re.split(r"(\d+)", comp)
            if part
        )
        for comp in path.split(os.sep)
    )


def _is_dispatch_name(name: str) -> bool:
    p = Path(name)
    suffix = p.suffix.lower()
    if name.startswith(".") or (suffix not in TEXT_SUFFIXES and suffix not in _formats().SUFFIXES):
        return False
    return p.stem.lower() not in NOT_DISPATCHES


def discover(paths: list[str]) -> tuple[list[str], list[LoadError]]:
    """Expand folders (recursively, natural order) and keep files and ``-`` as given.

    Returns the dispatch paths in order and the errors for paths that cannot be used at all.
    """
    found: list[str] = []
    errors: list[LoadError] = []
    seen: set[str] = set()
    for given in paths:
        if given == STDIN:
            found.append(STDIN)
            continue
        try:
            st = os.stat(given)
        except OSError as exc:
            if "#" in given and _formats().is_item_source(given):  # one item of a feed: feed.xml#ID
                found.append(given)
            else:
                errors.append(LoadError(given, _reason(exc)))
            continue
        if os.path.isdir(given):
            files = _walk(given, errors)
            if not files:
                errors.append(LoadError(given, "no dispatches here (no text files in this folder)"))
            for f in files:
                if f not in seen:
                    seen.add(f)
                    found.append(f)
        elif not os.path.isfile(given):
            errors.append(LoadError(given, "not a regular file"))
        else:
            del st
            if given not in seen:
                seen.add(given)
                found.append(given)
    # feeds and NewsML-G2 files become their items; XML of no known kind is dropped
    found = _formats().expand(found, errors, explicit=set(paths))
    return found, errors


def _formats():
    from . import formats

    return formats


def _walk(root: str, errors: list[LoadError]) -> list[str]:
    """Dispatch files under ``root`` (symlinks followed, each folder once, hidden ones skipped), in natural
    order. FIFOs, sockets and devices with a dispatch's name are never opened: each is an error with its
    kind ("skipped: a named pipe (FIFO), not a regular file"), and the walk goes on."""
    out: list[str] = []
    visited: set[tuple[int, int]] = set()
    todo = [root]
    while todo:
        dirpath = todo.pop()
        try:
            st = os.stat(dirpath)
            key = (st.st_dev, st.st_ino)
        except OSError as exc:
            errors.append(LoadError(dirpath, _reason(exc)))
            continue
        if key in visited:  # a symlink loop or a second link to the same folder
            continue
        visited.add(key)
        try:
            with os.scandir(dirpath) as it:
                entries = list(it)
        except OSError as exc:
            errors.append(LoadError(getattr(exc, "filename", None) or dirpath, _reason(exc)))
            continue
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()  # follows symlinks; no stat call for a plain entry
            except OSError:
                is_dir = False
            if is_dir:
                if not name.startswith("."):
                    todo.append(entry.path)
                continue
            if not _is_dispatch_name(name):
                continue
            try:
                regular = entry.is_file()  # follows symlinks; the type from the folder when it can
            except OSError:
                regular = False
            if regular:
                out.append(entry.path)
                continue
            try:
                kind = _not_regular(entry.stat().st_mode)
            except OSError:  # a dangling or looping link: loading it names the reason
                out.append(entry.path)
                continue
            errors.append(LoadError(entry.path, f"skipped: {kind}"))
    out.sort(key=natural_key)
    return out


def load_path(path: str, encoding: str | None = None) -> Loaded | LoadError:
    """Read, decode and normalize one dispatch. Never raises."""
    if path != STDIN and _formats().handles(path):
        return _formats().load(path, encoding)
    data = _read_bytes(path)
    if isinstance(data, LoadError):
        return data
    decoded = decode(data, encoding)
    del data  # the bytes are not needed once decoded (16 MB for the largest file)
    if isinstance(decoded, str):
        return LoadError(path, decoded)
    box, enc, notes = [decoded[0]], decoded[1], decoded[2]
    del decoded  # the decoded text is in ``box`` alone: normalizing frees it as soon as it is copied
    text, norm_notes = normalize_taken(box)
    if _blank(text):
        return LoadError(path, "empty (no text)")
    return Loaded(path, text, enc, notes + norm_notes)


def _blank(text: str) -> bool:
    """Nothing but whitespace (a normalized text has none at its ends, so its first character tells;
    ``text.strip()`` made a copy of a huge text to say no)."""
    return not text or (text[0].isspace() and not text.strip())


#: A file larger than this paints first from its beginning (see :func:`load_preview`).
PREVIEW_FROM_BYTES = _env_int("DISPATCHTUI_PREVIEW_FROM_BYTES", 1024 * 1024)
#: How much of such a file the preview reads.
PREVIEW_BYTES = 128 * 1024


def load_preview(
    path: str, encoding: str | None = None, *, limit: int | None = None, threshold: int | None = None
) -> Loaded | LoadError | None:
    """The beginning of a big dispatch, so a reader can paint before the whole file is read: the first
    ``limit`` bytes (default :data:`PREVIEW_BYTES`), decoded and normalized like :func:`load_path`, cut
    after the last complete paragraph. None when the file is not bigger than ``threshold`` (default
    :data:`PREVIEW_FROM_BYTES`) — load it whole — or is standard input. The preview is provisional:
    :func:`load_path` gives the text that offsets point into. Never raises."""
    if path == STDIN or _formats().handles(path):  # wire formats are read whole
        return None
    threshold = PREVIEW_FROM_BYTES if threshold is None else threshold
    limit = PREVIEW_BYTES if limit is None else limit
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        return LoadError(path, _reason(exc))
    if size <= max(threshold, limit):
        return None
    if size > reading.MAX_BYTES:
        return LoadError(path, _too_large(size))
    head = _read_head(path, limit, encoding)
    if isinstance(head, LoadError):
        return head
    text, enc, notes = head
    # the last paragraph may be cut in the middle: end at the last paragraph break (else line, else word)
    for sep in ("\n\n", "\n", " "):
        cut = text.rfind(sep)
        if cut > 0:
            text = text[:cut].rstrip()
            break
    if not text.strip():
        return None
    return Loaded(path, text, enc, notes)


def _read_head(path: str, limit: int, encoding: str | None) -> tuple[str, str, tuple[str, ...]] | LoadError:
    """The first ``limit`` bytes of ``path``, decoded (a character cut at the end dropped) and normalized."""
    data = _read_bytes(path, limit=limit)
    if isinstance(data, LoadError):
        return data
    decoded = decode(data, encoding, partial=True)
    if isinstance(decoded, str):
        return LoadError(path, decoded)
    text, enc, notes = decoded
    text, norm_notes = normalize(text)
    return text, enc, notes + norm_notes


def peek(path: str, encoding: str | None = None) -> Peek | LoadError:
    """Headline and dateline from the first few KB, for the library list. Never raises."""
    if path != STDIN and _formats().handles(path):
        return _formats().peek(path)
    head = _read_head(path, PEEK_BYTES, encoding)
    if isinstance(head, LoadError):
        return head
    text = head[0]
    if not text.strip():
        return LoadError(path, "empty (no text)")
    from .analysis.layout import find_headline, find_paragraphs, parse_dateline

    paragraphs = find_paragraphs(text)
    headline = find_headline(text, paragraphs)
    first = paragraphs[0]
    title = text[first.start : first.end]
    dateline = None
    body = paragraphs[1:] if headline is not None else paragraphs
    for p in body[:2]:
        dateline = parse_dateline(text, p.start, p.end)
        if dateline is not None:
            break
    if headline is None and dateline is not None and dateline.start == first.start:
        title = text[dateline.end : first.end].lstrip(" -–—") or title
    if len(title) > 300:
        cut = title.rfind(" ", 0, 300)
        title = title[: cut if cut > 200 else 300] + "…"
    if dateline is None:
        return Peek(path, title)
    return Peek(path, title, dateline.place, dateline.date, dateline.agency)
