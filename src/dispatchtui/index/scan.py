"""The scan plan: what changed in a folder since it was indexed (size+mtime first, then content hash)."""

from __future__ import annotations

import hashlib
import os

from .types import ScanPlan

_CHUNK = 1 << 20


def file_hash(path: str) -> str | None:
    """sha256 of the file's bytes, or None when it cannot be read (only regular files reach here)."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def stamp(path: str) -> tuple[int, int] | None:
    """(size, mtime_ns) of a file, or None when it is gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def discover_folder(folder: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The folder's dispatch sources as the reader sees them, and what could not be used."""
    from ..load import discover

    sources, errors = discover([folder])
    return sources, [(e.path, e.reason) for e in errors]


def plan(index, sources: list[str] | None = None) -> ScanPlan:
    """See :meth:`FolderIndex.plan`."""
    from ..formats import split_source

    errors: list[tuple[str, str]] = []
    if sources is None:
        sources, errors = discover_folder(index.folder)
    records = index.file_records()
    indexed = index.doc_sources()
    by_file: dict[str, list[str]] = {}
    for s in sources:
        by_file.setdefault(split_source(s)[0] if "#" in s else s, []).append(s)
    new, changed, unchanged, touched = [], [], [], []
    for path, items in by_file.items():
        rec = records.get(path)
        now = stamp(path)
        if rec is None or now is None:
            new += items
            continue
        fresh = [s for s in items if s not in indexed]
        old = [s for s in items if s in indexed]
        new += fresh
        if now == rec[:2]:
            unchanged += old
        elif file_hash(path) == rec[2]:
            unchanged += old
            touched.append((path, *now))
        else:
            changed += old
    present = set(sources)
    removed = [s for s in indexed if s not in present]
    return ScanPlan(tuple(new), tuple(changed), tuple(sorted(removed)), tuple(unchanged), tuple(touched), tuple(errors))
