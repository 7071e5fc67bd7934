"""A persistent index of a folder of dispatches: who said what, across every dispatch, in SQLite.

One database per folder (keyed by the folder's resolved path) in the cache dir (``DISPATCHTUI_CACHE_DIR``
overrides; see :func:`dispatchtui.cache.cache_dir`), never inside the user's folder. WAL mode: one writer
(the indexing process, :mod:`.indexer`), any number of readers (the UI). Read/unread marks and the last
position live in a second small database next to it (``state.sqlite``), written by the UI process, so a
reader never needs the indexer's write lock.

Public API (stable; the UI builds on it)::

    idx = open_index("/path/to/folder")            # FolderIndex, or raises IndexUnavailable(reason)
    idx.plan()                                     # ScanPlan(new, changed, removed, unchanged)
    idx.documents(sort="date", agency="ТАСС", person="Песков", topic=None, text=None)
    idx.facets()                                   # {"agency": [Facet], "person": [...], "topic": [...]}
    idx.search("Пескова")                          # [Hit] with snippets (offsets into the dispatch's text)
    idx.speakers()                                 # [SpeakerRow]
    idx.statements(speaker="Пескова", kind="direct", since="2019-08-01")   # [StatementRow]
    idx.set_read(source) / idx.toggle_read(source) / idx.next_unread(after=source)
    idx.set_last(source, position) / idx.last()

    from dispatchtui.index.indexer import BackgroundIndexer, index_folder
    job = BackgroundIndexer(folder, jobs=1); job.start(); job.progress(); job.pause(); job.resume(); job.stop()
    index_folder(folder, jobs=1, on_progress=...)  # the same work in this process (the CLI, the tests)

Sources: a dispatch is named by its *source* — the path the loader takes (``load.load_path``): a file path,
or ``FEED#ID`` for one item of a feed / NewsML-G2 container. Rows carry ``path`` (the file) and ``item``
(the ID, or None) too.

Matching of person, topic, speaker and text is lemma-aware like the reader's find
(:mod:`dispatchtui.search`): ``Пескова`` finds ``Песков``; never a plain substring.

Every failure to open or use the index is an :class:`IndexUnavailable` with one clear ``reason``; the
caller then works from memory. An unknown schema or a corrupt file is rebuilt (``FolderIndex.rebuilt``
says why), never fatal.
"""

from __future__ import annotations

__all__ = [
    "SCHEMA_VERSION",
    "DocumentRow",
    "Facet",
    "FolderIndex",
    "Hit",
    "IndexBusy",
    "IndexUnavailable",
    "Progress",
    "ScanPlan",
    "SpeakerRow",
    "StatementRow",
    "index_dir",
    "open_index",
]

from .store import FolderIndex
from .types import (  # noqa: F401 - the public API
    SCHEMA_VERSION,
    DocumentRow,
    Facet,
    Hit,
    IndexBusy,
    IndexUnavailable,
    KindFilter,
    Progress,
    ScanPlan,
    Sort,
    SpeakerRow,
    StatementRow,
)


def index_dir(folder: str):
    """The cache directory holding ``folder``'s index (``<cache>/index/<hash of the resolved path>``)."""
    from .store import index_dir as _index_dir

    return _index_dir(folder)


def open_index(folder: str, *, create: bool = True) -> FolderIndex:
    """Open (creating or rebuilding as needed) the index of ``folder`` for reading, with read/unread and
    the last position writable. Raises :class:`IndexUnavailable` when it cannot (locked, read-only, full
    disk, no cache dir): the caller works from memory."""
    from .store import FolderIndex as _FolderIndex

    return _FolderIndex.open(folder, create=create)
