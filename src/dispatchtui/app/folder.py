"""The library's data, as the table and the people screen read it: one row per dispatch, the people quoted
across the folder, their statements, facets, read/unread and the last place read.

Two sources behind one surface (:class:`Catalog`): the folder index (:mod:`dispatchtui.index`, built in
the background by another process) when it is usable, else what this session has seen (the peeks of the
rows on screen, the dispatches analysed so far). An index that cannot be opened or read gives one notice
(:attr:`Catalog.problem`) and the catalog goes on from memory. No Textual here: the widgets receive rows.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from .. import search
from ..model import Dispatch
from .rows import DocRow, Filters, Hit, PersonRow, StatementRow

__all__ = ["Catalog", "DocRow", "Filters", "Hit", "PersonRow", "StatementRow", "date_key", "snippet"]

SORTS = ("date", "agency", "statements")
_NO_FILTERS = Filters()  # the default of order() and facets(): frozen, so one shared instance is safe


# ------------------------------------------------------------------------------------------ dates
_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
_RU_DATE = re.compile(r"(?P<d>\d{1,2})\s+(?P<m>[а-яё]+)(?:\s+(?P<y>\d{4}))?", re.IGNORECASE)
_NUM_DATE = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})\b")
_ISO_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
_TIME = re.compile(r"(?<!\d)(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?!\d)")


_MAY = ("мая", "май", "мае", "маю", "маем")


def _month(word: str) -> int | None:
    """The month a Russian month name names (any case form: "марта", "мае"), else None."""
    w = search.fold(word)
    if w in _MAY:
        return 5
    for n, stem in enumerate(_MONTHS, start=1):
        if n != 5 and w.startswith(stem):
            return n
    return None


def date_key(date: str | None, time: str | None = None) -> str | None:
    """A sortable key for a dateline's date ("8 августа 2024", "08.08.2024", "2024-08-08"), None when it
    names no date. A missing year sorts as 0000 (before dated ones)."""
    if not date:
        return None
    y = m = d = 0
    iso = _ISO_DATE.search(date)
    num = _NUM_DATE.search(date) if iso is None else None
    ru = _RU_DATE.search(date) if iso is None and num is None else None
    found = iso or num or ru
    if iso:
        y, m, d = int(iso["y"]), int(iso["m"]), int(iso["d"])
    elif num:
        y, m, d = int(num["y"]), int(num["m"]), int(num["d"])
        y += 2000 if y < 100 else 0
    elif ru and _month(ru["m"]):
        y, m, d = int(ru["y"] or 0), _month(ru["m"]) or 0, int(ru["d"])
    else:
        return None
    assert found is not None  # one of iso, num, ru matched
    t = _TIME.search(time or date[found.end() :])
    hm = f"{int(t['h']):02d}:{t['mi']}" if t else "00:00"
    return f"{y:04d}-{m:02d}-{d:02d} {hm}"


# ------------------------------------------------------------------------------------------ the catalog
@dataclass
class _Memory:
    """What is kept when there is no index: read marks and the last place, for this session only."""

    read: set[str] = field(default_factory=set)
    last: tuple[str, int] | None = None


class Catalog:
    """The library's rows and the folder's people. ``session`` gives paths, peeks and analysed dispatches
    (duck-typed: ``paths``, ``row(i)``, ``analysed(i)``); ``index`` an open :class:`dispatchtui.index.FolderIndex`
    or None. Every index call is guarded: one that fails drops the index (:attr:`problem`, one notice) and
    memory answers from then on."""

    def __init__(self, session: Any, index: Any = None) -> None:
        self.session = session
        self.index = index
        self._memory = _Memory()
        self._lock = threading.RLock()
        #: source → the index's row (loaded whole in a worker: :meth:`load_index_rows`)
        self._docs: dict[str, Any] = {}
        self._positions: dict[str, int] | None = None
        #: one line saying why the index is not used (shown once), or None
        self.problem: str | None = None
        #: every row of the index has been read (:meth:`load_index_rows`)
        self.rows_loaded = False
        #: paths that arrived while the library was open (marked in the table)
        self.new: set[str] = set()
        #: paths removed from the folder (kept in the session so indices stay valid; never shown)
        self.removed: set[str] = set()

    # -------------------------------------------------------------- the index, guarded
    def _ix(self, name: str, *args: Any, default: Any = None, **kwargs: Any) -> Any:
        ix = self.index
        if ix is None:
            return default
        try:
            return getattr(ix, name)(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - locked, corrupt, gone: the reader goes on from memory
            self.drop_index(getattr(exc, "reason", None) or f"{type(exc).__name__}: {exc}")
            return default

    def drop_index(self, reason: str) -> None:
        with self._lock:
            if self.problem is None:
                self.problem = reason
            self.index = None
            self._docs = {}
            self.rows_loaded = False

    def load_index_rows(self, limit: int | None = None) -> int:
        """Read the index's rows (all of them, or the first ``limit``): a worker thread. Returns how many."""
        rows = self._ix("documents", "date", limit=limit, default=None)
        if rows is None:
            return 0
        docs = {r.source: r for r in rows}
        with self._lock:
            if limit is None:
                self._docs = docs
                self._memory.read |= {s for s, r in docs.items() if r.read}
                self.rows_loaded = True
            else:
                self._docs.update(docs)
        return len(docs)

    def show_first_page(self, docs: list) -> list[int]:
        """The index's first rows, known before the rest are read (the first frame). Returns their indices."""
        with self._lock:
            for d in docs:
                self._docs.setdefault(d.source, d)
        out = []
        for d in docs:
            i = self.index_of(d.source)
            if i is not None:
                out.append(i)
        return out

    def indexed(self, i: int) -> bool:
        return self.session.paths[i] in self._docs

    def index_of(self, source: str) -> int | None:
        """The session's index of a source (a path the loader takes)."""
        paths = self.session.paths
        if self._positions is None or len(self._positions) != len(paths):
            self._positions = {p: n for n, p in enumerate(paths)}
        return self._positions.get(source)

    # -------------------------------------------------------------- rows
    def __len__(self) -> int:
        return len(self.session.paths)

    def visible_indices(self) -> list[int]:
        removed = self.removed
        if not removed:
            return list(range(len(self.session.paths)))
        return [i for i, p in enumerate(self.session.paths) if p not in removed]

    def row(self, i: int) -> DocRow:
        path = self.session.paths[i]
        doc = self._docs.get(path)
        if doc is not None and path not in self._stale:
            return _from_index(i, path, doc)
        return self._memory_row(i)

    #: sources changed on disk since they were indexed (their memory row is shown until indexed again)
    _stale: set[str] = frozenset()  # type: ignore[assignment]

    def forget(self, path: str) -> None:
        """``path`` changed on disk: its index row is stale (shown from memory until indexed again)."""
        with self._lock:
            self._stale = set(self._stale) | {path}

    def refreshed(self, paths: Iterable[str]) -> None:
        with self._lock:
            self._stale = set(self._stale) - set(paths)

    def _memory_row(self, i: int) -> DocRow:
        peek = self.session.row(i)
        d = self.session.analysed(i)
        direct = reported = None
        speakers: tuple[str, ...] = ()
        topics: tuple[str, ...] = ()
        if d is not None:
            direct, reported = statement_counts(d)
            speakers = main_speakers(d)
            topics = tuple(t.label for t in d.topics)
        return DocRow(
            i,
            peek.path,
            peek.headline,
            peek.named,
            peek.date,
            None,
            date_key(peek.date),
            peek.agency,
            peek.place,
            direct,
            reported,
            speakers,
            topics,
            peek.error,
        )

    # -------------------------------------------------------------- order and filters
    def order(
        self,
        sort: str = "date",
        reverse: bool = False,
        filters: Filters = _NO_FILTERS,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> list[int] | None:
        """The visible rows, filtered and sorted (``date``: newest first, undated ones after, in file order;
        ``agency``: A→Z; ``statements``: most first); ``reverse`` flips it. The index sorts and filters what
        it holds; rows not indexed yet follow, sorted alike from what is known of them. None: cancelled."""
        visible = self.visible_indices()
        ordered: list[int] = []
        if self.index is not None and self._docs:
            if filters.person or filters.topic:  # lemma-aware names: the index's
                docs = self._ix(
                    "documents",
                    sort if sort in SORTS else "path",
                    agency=filters.agency,
                    person=filters.person,
                    topic=filters.topic,
                    default=None,
                )
            else:  # the rows in memory already: sorted here (100,000: ~0.1 s)
                docs = _index_order(list(self._docs.values()), sort, filters.agency)
            if docs is not None:
                stale, removed = self._stale, self.removed
                self.index_of("")  # the positions, up to date
                positions = self._positions or {}
                ordered = [
                    positions[d.source]
                    for d in docs
                    if d.source in positions and d.source not in removed and d.source not in stale
                ]
        # rows the index does not hold (not indexed yet, changed since): from memory, after the indexed ones
        held = self._docs if ordered or self.index is not None else {}
        stale = self._stale
        paths = self.session.paths
        rest = []
        for i in visible:
            path = paths[i]
            if path in held and path not in stale:
                continue
            if cancelled():
                return None
            rest.append(self.row(i))
        taken = set(ordered)
        if filters:
            rest = [r for r in rest if _passes(r, filters)]
        if sort in SORTS:
            rest = _sorted(rest, sort)
        out = ordered + [r.index for r in rest]
        if filters.text.strip() and ordered:
            matcher = search.Matcher(filters.text)
            keep = set()
            for i in ordered:
                if cancelled():
                    return None
                if matcher.find(self.row(i).headline):
                    keep.add(i)
            out = [i for i in out if i in keep or i not in taken]
        if reverse:
            out.reverse()
        return out

    def facets(
        self, kind: str, indices: Iterable[int] | None = None, filters: Filters = _NO_FILTERS
    ) -> list[tuple[str, int]]:
        """The values of one facet (``agency``, ``person``, ``topic``) with how many dispatches have each,
        most first: from the index (given the facets in force), else over ``indices`` (default: every
        visible row)."""
        if self.index is not None and self._docs:
            got = self._ix("facets", agency=filters.agency, person=filters.person, topic=filters.topic, default=None)
            if got is not None:
                return [(f.value, f.count) for f in got.get(kind, [])]
        counts: dict[str, int] = {}
        for i in self.visible_indices() if indices is None else indices:
            r = self.row(i)
            values = {"agency": (r.agency,) if r.agency else (), "person": r.speakers, "topic": r.topics}.get(kind, ())
            for v in set(values):
                counts[v] = counts.get(v, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], search.fold(kv[0])))

    # -------------------------------------------------------------- full-text search
    #: hits beyond this many get their snippet from the folded text (no second read of the file)
    SNIPPETS_AS_PRINTED = 300

    def search(
        self,
        query: str,
        texts: Callable[[int], str | None],
        cancelled: Callable[[], bool] = lambda: False,
        folded: Callable[[int], str | None] = lambda i: None,
    ) -> list[Hit] | None:
        """Lemma-aware full-text search over every visible dispatch, with a snippet around the first match
        of each: the index's full-text search for what it holds, the texts themselves for the rest
        (``folded(i)``: an already folded copy if there is one, else ``texts(i)``: the text, None when
        unreadable). None when cancelled."""
        matcher = search.Matcher(query)
        if not matcher:
            return []
        out: list[Hit] = []
        taken: set[int] = set()
        if self.index is not None and self._docs:
            for h in self._ix("search", query, limit=None, default=None) or ():
                i = self.index_of(h.source)
                if i is None or h.source in self.removed or h.source in self._stale:
                    continue
                a = h.start - h.snippet_start
                out.append(Hit(i, h.matches, (h.snippet, a, a + (h.end - h.start))))
                taken.add(i)
            taken |= {i for i in self.visible_indices() if self.indexed(i)}
        for i in self.visible_indices():
            if i in taken:
                continue
            if cancelled():
                return None
            text = None
            low = folded(i)
            if low is None:
                text = texts(i)
                if text is None:
                    continue
                low = search.fold(text)
            if not matcher.might_match(low):
                continue
            found = matcher.find_folded(low)
            if found:
                if text is None and len(out) < self.SNIPPETS_AS_PRINTED:
                    text = texts(i)
                source = text if text is not None and len(text) == len(low) else low
                out.append(Hit(i, len(found), snippet(source, *found[0])))
        return out

    # -------------------------------------------------------------- people
    def people(self, query: str | None = None) -> list[PersonRow]:
        """Everyone quoted in the folder (directly or reported), most statements first; ``query``: those
        whose name it matches by lemma."""
        if self.index is not None and self._docs:
            rows = self._ix("speakers", query or None, default=None)
            if rows is not None:
                return [PersonRow(r.name, r.kind, r.direct, r.reported, r.dispatches) for r in rows]
        table: dict[str, list] = {}
        for i in self.visible_indices():
            d = self.session.analysed(i)
            if d is None:
                continue
            seen: set[str] = set()
            for st in dispatch_statements(i, d, self.row(i)):
                entry = table.setdefault(st.speaker, [_kind_of(d, st.speaker), 0, 0, 0])
                entry[2 if st.kind == "reported" else 1] += 1
                if st.speaker not in seen:
                    seen.add(st.speaker)
                    entry[3] += 1
        rows = [PersonRow(name, kind, direct, reported, n) for name, (kind, direct, reported, n) in table.items()]
        if query and query.strip():
            matcher = search.Matcher(query)
            rows = [r for r in rows if matcher.find(r.name)]
        return sorted(rows, key=lambda p: (-(p.direct + p.reported), search.fold(p.name)))

    def statements(self, name: str) -> list[StatementRow]:
        """Every statement by ``name`` across the folder, newest dispatch first."""
        out: list[StatementRow] = []
        seen: set[int] = set()
        if self.index is not None and self._docs:
            for s in self._ix("statements", name, default=None) or ():
                i = self.index_of(s.source)
                if i is None or s.source in self.removed or s.speaker != name:
                    continue
                seen.add(i)
                out.append(
                    StatementRow(i, s.start, s.end, s.kind, s.text, s.speaker or "", s.headline, s.date, s.agency)
                )
        mem: list[StatementRow] = []
        for i in self.visible_indices():
            if i in seen:
                continue
            d = self.session.analysed(i)
            if d is None:
                continue
            mem.extend(s for s in dispatch_statements(i, d, self.row(i)) if s.speaker == name)
        keys = {i: self.row(i).date_key or "" for i in {s.index for s in mem}}
        mem.sort(key=lambda s: (keys[s.index], -s.index, -s.start), reverse=True)
        return out + mem

    # -------------------------------------------------------------- read / unread, last place
    def is_read(self, i: int) -> bool:
        return self.session.paths[i] in self._memory.read

    def set_read(self, i: int, read: bool = True) -> None:
        path = self.session.paths[i]
        if read:
            self.new.discard(path)
        with self._lock:
            (self._memory.read.add if read else self._memory.read.discard)(path)
        self._ix("set_read", path, read)

    def remember(self, i: int, offset: int) -> None:
        """The last dispatch read in this folder and where (a character offset)."""
        path = self.session.paths[i]
        self._memory.last = (path, offset)
        self._ix("set_last", path, offset)

    def last_position(self) -> tuple[int, int] | None:
        """(index, offset) of the last dispatch read in this folder, if it is still here."""
        got = self._ix("last") or self._memory.last
        if not got:
            return None
        path, offset = got
        i = self.index_of(path)
        return None if i is None or path in self.removed else (i, int(offset or 0))

    def load_read_marks(self) -> None:
        marks = self._ix("read_sources", default=None)
        if marks:
            with self._lock:
                self._memory.read |= marks


# ------------------------------------------------------------------------------------------ helpers
def statement_counts(d: Dispatch) -> tuple[int, int]:
    """(direct, reported) statements of an analysed dispatch (each split statement once, questions left
    out)."""
    from ..cite import statements

    direct = reported = 0
    for parts in statements(d):
        if d.quotes[parts[0]].kind == "reported":
            reported += 1
        else:
            direct += 1
    return direct, reported


def main_speakers(d: Dispatch, n: int = 3) -> tuple[str, ...]:
    """The speakers with the most statements (at least one), most first."""
    from ..cite import statements

    counts: dict[str, int] = {}
    for parts in statements(d):
        who = d.quotes[parts[0]].speaker
        if who:
            counts[who] = counts.get(who, 0) + 1
    return tuple(sorted(counts, key=lambda k: -counts[k])[:n])


def dispatch_statements(i: int, d: Dispatch, row: DocRow) -> list[StatementRow]:
    from ..cite import statement_words, statements

    out = []
    for parts in statements(d):
        q = d.quotes[parts[0]]
        if not q.speaker:
            continue
        last = d.quotes[parts[-1]]
        out.append(
            StatementRow(
                i,
                q.start,
                last.end,
                q.kind,
                statement_words(d, parts),
                q.speaker,
                row.headline,
                row.date,
                row.agency,
                parts[0],
            )
        )
    return out


def _kind_of(d: Dispatch, name: str) -> str:
    s = d.speaker(name)
    return s.kind if s is not None else "person"


def snippet(text: str, start: int, end: int, before: int = 40, after: int = 60) -> tuple[str, int, int]:
    """A line of ``text`` around ``[start, end)`` (whitespace collapsed, cut at words, ``…`` at cuts):
    (the line, where the match starts and ends in it)."""
    a = max(0, start - before)
    b = min(len(text), end + after)
    if a > 0:  # from the first word boundary inside the window
        space = text.find(" ", a, start)
        a = space + 1 if space >= 0 else a
    if b < len(text):  # to the last one
        space = text.rfind(" ", end, b)
        b = space if space >= 0 else b
    head, match, tail = (
        " ".join(text[a:start].split()),
        " ".join(text[start:end].split()),
        " ".join(text[end:b].split()),
    )
    lead = ("…" if a > 0 else "") + head + (" " if head and text[start - 1 : start].isspace() else "")
    trail = (" " if tail and text[end : end + 1].isspace() else "") + tail + ("…" if b < len(text) else "")
    return lead + match + trail, len(lead), len(lead) + len(match)


def _passes(r: DocRow, f: Filters) -> bool:
    if f.agency and r.agency != f.agency:
        return False
    if f.person and f.person not in r.speakers:
        return False
    if f.topic and f.topic not in r.topics:
        return False
    if f.text.strip():
        return bool(search.Matcher(f.text).find(r.headline))
    return True


def _sorted(rows: list[DocRow], sort: str) -> list[DocRow]:
    if sort == "agency":
        return sorted(rows, key=lambda r: (r.agency is None, search.fold(r.agency or ""), r.index))
    if sort == "statements":
        return sorted(rows, key=lambda r: (-((r.direct or 0) + (r.reported or 0)), -(r.direct or 0), r.index))
    # newest first; undated ones after the dated, in file order
    dated = sorted((r for r in rows if r.date_key), key=lambda r: (r.date_key, -r.index), reverse=True)
    return dated + [r for r in rows if not r.date_key]


def _index_order(docs: list, sort: str, agency: str | None) -> list:
    """The index's rows in the index's own order (see ``FolderIndex.documents``), sorted in memory. ``docs``
    come in the index's date order (newest first, undated last, ties by source: :meth:`Catalog.load_index_rows`),
    so one stable sort gives the others: by agency A→Z then newest, by statements most first then newest."""
    if agency:
        want = search.fold(agency).strip()
        docs = [d for d in docs if d.agency and search.fold(d.agency).strip() == want]
    if sort == "statements":
        docs.sort(key=lambda d: d.direct + d.reported, reverse=True)
    elif sort == "agency":
        folded: dict[str | None, tuple[bool, str]] = {}

        def key(d) -> tuple[bool, str]:
            k = folded.get(d.agency)
            if k is None:
                k = folded[d.agency] = (d.agency is None, search.fold(d.agency or ""))
            return k

        docs.sort(key=key)
    elif sort == "path":
        docs.sort(key=lambda d: d.source)
    return docs


def _from_index(i: int, path: str, doc: Any) -> DocRow:
    """A row from the index's :class:`dispatchtui.index.DocumentRow`."""
    headline = doc.headline or ""
    date, time = _date_time(doc.date)
    return DocRow(
        i,
        path,
        headline or _name(path),
        not headline,
        date,
        time,
        doc.date_key or date_key(doc.date),
        doc.agency,
        doc.place,
        doc.direct,
        doc.reported,
        tuple(doc.speakers)[:3],
    )


_ISO_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})")


def _date_time(date: str | None) -> tuple[str | None, str | None]:
    """An ISO timestamp ("2019-08-08T19:22:59+03:00") as a date and a time; a dateline's date as it is."""
    if not date:
        return None, None
    m = _ISO_STAMP.match(date)
    return (m.group(1), m.group(2)) if m else (date, None)


def _name(path: str) -> str:
    import os

    from ..paths import display_path

    return display_path(os.path.basename(path.rstrip("/")) or path)


def with_counts(row: DocRow, d: Dispatch) -> DocRow:
    direct, reported = statement_counts(d)
    return replace(
        row, direct=direct, reported=reported, speakers=main_speakers(d), topics=tuple(t.label for t in d.topics)
    )
