"""The folder index in SQLite: schema, opening (rebuilt when unknown or corrupt), the queries of
:class:`FolderIndex` and the writes of :class:`IndexWriter` (the indexing process's).

Tables: ``files`` (one per file: path bytes, size, mtime, content hash), ``docs`` (one per dispatch —
a file, or one item of a feed — with headline and dateline), ``analyses`` (one per distinct normalized
text: identical texts share one), ``statements`` and ``names`` (speakers, people, organizations and
topics with counts) per analysis, and the lemma tokens of each analysis in ``fts`` (FTS5) or, where the
build has no FTS5, in ``tokens``. Read/unread and the last position live in ``state.sqlite`` (written by
the reader's process; attached as ``st``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from ..paths import display_path, path_bytes, path_from_bytes
from .text import date_key, name_key, query_terms, since_key
from .types import (
    SCHEMA_VERSION,
    DocumentRow,
    Facet,
    Hit,
    IndexUnavailable,
    ScanPlan,
    SpeakerRow,
    StatementRow,
)

#: The sort key of a dispatch without an agency (after every agency).
NO_AGENCY = "\uffff"
#: How long a reader or the writer waits for a lock before giving up (seconds).
BUSY_SECONDS = 2.0
#: Characters of context on each side of a full-text match.
SNIPPET_CONTEXT = 60

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE files(id INTEGER PRIMARY KEY, path BLOB UNIQUE NOT NULL, size INTEGER NOT NULL,
                   mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL);
CREATE TABLE analyses(id INTEGER PRIMARY KEY, hash TEXT UNIQUE NOT NULL, text TEXT NOT NULL,
                      direct INTEGER NOT NULL, reported INTEGER NOT NULL, speakers TEXT NOT NULL);
CREATE TABLE docs(id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL, source BLOB UNIQUE NOT NULL,
                  path BLOB NOT NULL, item TEXT, analysis_id INTEGER NOT NULL, headline TEXT NOT NULL, date TEXT,
                  date_key TEXT NOT NULL, place TEXT, agency TEXT, agency_key TEXT NOT NULL,
                  direct INTEGER NOT NULL, reported INTEGER NOT NULL, statements INTEGER NOT NULL,
                  speakers TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL);
CREATE INDEX docs_file ON docs(file_id);
CREATE INDEX docs_analysis ON docs(analysis_id);
CREATE INDEX docs_date ON docs(date_key DESC, source, analysis_id);
CREATE INDEX docs_agency ON docs(agency_key, date_key DESC, source, analysis_id);
CREATE INDEX docs_statements ON docs(statements DESC, date_key DESC, source, analysis_id);
CREATE TABLE statements(id INTEGER PRIMARY KEY, analysis_id INTEGER NOT NULL, n INTEGER NOT NULL,
                        kind TEXT NOT NULL, speaker TEXT, speaker_kind TEXT, start INTEGER NOT NULL,
                        "end" INTEGER NOT NULL, text TEXT NOT NULL, cue TEXT);
CREATE INDEX statements_speaker ON statements(speaker);
CREATE INDEX statements_analysis ON statements(analysis_id);
CREATE TABLE names(analysis_id INTEGER NOT NULL, facet TEXT NOT NULL, name TEXT NOT NULL,
                   key TEXT NOT NULL, mentions INTEGER NOT NULL, direct INTEGER NOT NULL,
                   reported INTEGER NOT NULL);
CREATE INDEX names_analysis ON names(analysis_id);
CREATE INDEX names_key ON names(key, facet);
CREATE TABLE name_tokens(token TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY(token, name)) WITHOUT ROWID;
"""
_FTS = "CREATE VIRTUAL TABLE fts USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0');"
_TOKENS = (
    "CREATE TABLE tokens(token TEXT NOT NULL, analysis_id INTEGER NOT NULL,"
    " PRIMARY KEY(token, analysis_id)) WITHOUT ROWID;"
)
_STATE = """
CREATE TABLE IF NOT EXISTS reads(source BLOB PRIMARY KEY, read INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS last(id INTEGER PRIMARY KEY CHECK (id = 1), source BLOB NOT NULL,
                                position INTEGER NOT NULL);
"""


def index_dir(folder: str) -> Path:
    from ..cache import cache_dir

    resolved = os.path.realpath(folder)
    key = hashlib.sha256(path_bytes(resolved)).hexdigest()[:32]
    return cache_dir() / "index" / key


def _analyser_version() -> str:
    from ..analysis import ANALYSER_VERSION

    return ANALYSER_VERSION


def fts5_available() -> bool:
    """FTS5 is used for a new index (``DISPATCHTUI_INDEX_NO_FTS=1``: the token table instead)."""
    return os.environ.get("DISPATCHTUI_INDEX_NO_FTS") != "1" and _fts5_builds()


def _fts5_builds() -> bool:
    try:
        c = sqlite3.connect(":memory:")
        c.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        c.close()
        return True
    except sqlite3.Error:
        return False


def unavailable(exc: BaseException, where: str = "the folder index") -> IndexUnavailable:
    """One clear line for a failure to use the index (the caller goes on from memory)."""
    text = str(exc)
    low = text.lower()
    if "locked" in low or "busy" in low:
        why = f"{where} is locked by another program"
    elif "readonly" in low or "read-only" in low or "permission" in low or isinstance(exc, PermissionError):
        why = f"{where} is read-only"
    elif "full" in low or getattr(exc, "errno", None) == 28:
        why = f"no space left on the disk for {where}"
    else:
        why = f"cannot use {where}"
    return IndexUnavailable(f"{why} ({text}); working from memory")


def _corrupt(exc: sqlite3.DatabaseError) -> bool:
    low = str(exc).lower()
    return "not a database" in low or "malformed" in low or "corrupt" in low


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA cache_size = -16384")  # 16 MB of pages (the default 2 MB rereads them)
    conn.execute("PRAGMA mmap_size = 134217728")
    return conn


class FolderIndex:
    """The index of one folder, open for reading (and for read/unread marks). See the package docstring."""

    def __init__(self, folder: str, directory: Path, conn: sqlite3.Connection, fts: bool, rebuilt: str | None) -> None:
        self.folder = os.path.realpath(folder)
        self.directory = directory
        self.path = directory / "index.sqlite"
        self.conn = conn
        self.fts = fts
        #: why the index was rebuilt on opening (unknown schema, corrupt file), or None
        self.rebuilt = rebuilt
        self._memo: dict[tuple, object] = {}
        self._memo_version: tuple[int, int] | None = None

    def _memoized(self, key: tuple, compute):
        """``compute()``, remembered until the index changes (another process's commit or our own write):
        the facets and the speakers of an unchanged 100,000-dispatch folder are asked for on every key."""
        try:
            version = (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)
        except sqlite3.Error as exc:
            raise unavailable(exc) from None
        if version != self._memo_version:
            self._memo.clear()
            self._memo_version = version
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    # ------------------------------------------------------------------------------------------ opening
    @classmethod
    def open(cls, folder: str, *, create: bool = True):
        directory = index_dir(folder)
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise unavailable(exc, "the index folder") from None
        path = directory / "index.sqlite"
        rebuilt = None
        try:
            conn, fts = _open_db(path, folder, create)
        except sqlite3.DatabaseError as exc:
            if not (_corrupt(exc) or isinstance(exc, _Stale)):
                raise unavailable(exc) from None
            rebuilt = f"the folder index was {'corrupt' if _corrupt(exc) else 'of another version'} ({exc}); rebuilt"
            _remove_db(path)
            try:
                conn, fts = _open_db(path, folder, create)
            except sqlite3.Error as exc2:
                raise unavailable(exc2) from None
        except OSError as exc:
            raise unavailable(exc) from None
        try:
            conn.execute("ATTACH DATABASE ? AS st", (str(directory / "state.sqlite"),))
            conn.executescript(_STATE.replace("CREATE TABLE IF NOT EXISTS ", "CREATE TABLE IF NOT EXISTS st."))
        except sqlite3.DatabaseError as exc:
            if not _corrupt(exc):
                conn.close()
                raise unavailable(exc) from None
            conn.execute("DETACH DATABASE st") if _attached(conn) else None
            _remove_db(directory / "state.sqlite")
            conn.execute("ATTACH DATABASE ? AS st", (str(directory / "state.sqlite"),))
            conn.executescript(_STATE.replace("CREATE TABLE IF NOT EXISTS ", "CREATE TABLE IF NOT EXISTS st."))
            rebuilt = rebuilt or f"the read/unread marks were corrupt ({exc}); started afresh"
        return cls(folder, directory, conn, fts, rebuilt)

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _rows(self, sql: str, params: Iterable = ()):
        """The rows one by one (a caller that stops early does not fetch the rest)."""
        try:
            cur = self.conn.execute(sql, tuple(params))
            while batch := cur.fetchmany(256):
                yield from batch
        except sqlite3.Error as exc:
            raise unavailable(exc) from None

    def _query(self, sql: str, params: Iterable = ()) -> list[tuple]:
        try:
            return self.conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as exc:
            raise unavailable(exc) from None

    # ------------------------------------------------------------------------------------------ scanning
    def plan(self, sources: list[str] | None = None) -> ScanPlan:
        """Compare the folder (``sources``: what :func:`dispatchtui.load.discover` finds in it, by default)
        with the index: size+mtime first, then the content hash for a file whose stat changed."""
        from .scan import plan

        return plan(self, sources)

    def file_records(self) -> dict[str, tuple[int, int, str]]:
        """path → (size, mtime_ns, content hash) of every indexed file."""
        return {
            path_from_bytes(p): (s, m, h) for p, s, m, h in self._query("SELECT path, size, mtime_ns, hash FROM files")
        }

    def doc_sources(self) -> dict[str, str]:
        """source → file path of every indexed dispatch."""
        return {path_from_bytes(s): path_from_bytes(p) for s, p in self._query("SELECT source, path FROM docs")}

    def count(self) -> int:
        """Dispatches in the index."""
        return self._query("SELECT count(*) FROM docs")[0][0]

    # ------------------------------------------------------------------------------------------ the table
    def documents(
        self,
        sort: str = "date",
        *,
        agency: str | None = None,
        person: str | None = None,
        topic: str | None = None,
        text: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[DocumentRow]:
        """The dispatches as library rows, filtered (every filter lemma-aware; all must hold) and sorted:
        ``date`` newest first (unknown dates last), ``agency`` A→Z then newest, ``statements`` most first,
        ``path`` natural file order. ``limit``/``offset`` page through a large folder."""
        where, params = self._filters(agency, person, topic, text, walk=limit is not None)
        # (an unknown date is "", after every date; an unknown agency NO_AGENCY, after every agency)
        order = {
            "date": "d.date_key DESC, d.source",
            "agency": "d.agency_key, d.date_key DESC, d.source",
            "statements": "d.statements DESC, d.date_key DESC, d.source",
            "path": "d.source",
        }.get(sort)
        if order is None:
            raise ValueError(f"unknown sort {sort!r}")
        sql = (
            "SELECT d.source, d.path, d.item, d.headline, d.date, d.date_key, d.place, d.agency, d.direct,"
            " d.reported, d.speakers, coalesce(r.read, 0), d.size, d.mtime_ns FROM docs d"
            " LEFT JOIN st.reads r ON r.source = d.source" + where + " ORDER BY " + order
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        rows = self._query(sql, params)
        if sort == "path":
            from ..load import natural_key

            rows.sort(key=lambda r: natural_key(path_from_bytes(r[0])))
        return [
            DocumentRow(
                path_from_bytes(s),
                path_from_bytes(p),
                item,
                h,
                date,
                dk,
                place,
                ag,
                dr,
                rp,
                tuple(sp.split("\n")) if sp else (),
                bool(rd),
                size,
                mt / 1e9,
            )
            for s, p, item, h, date, dk, place, ag, dr, rp, sp, rd, size, mt in rows
        ]

    def count_documents(
        self, *, agency: str | None = None, person: str | None = None, topic: str | None = None, text: str | None = None
    ) -> int:
        where, params = self._filters(agency, person, topic, text)
        return self._query("SELECT count(*) FROM docs d" + where, params)[0][0]

    def _filters(self, agency, person, topic, text, walk: bool = False) -> tuple[str, list]:
        """The WHERE clause of the filters. ``walk``: the caller walks an index in its sort order and
        stops at a page (the analysis sets are then tested row by row, not looked up: a common word's
        50,000 dispatches are not sorted to show 100 of them)."""
        plus = "+" if walk else ""
        clauses, params = [], []
        if agency:
            clauses.append("d.agency_key = ?")
            params.append(name_key(agency))
        for value, facets in ((person, ("person", "organization", "unnamed")), (topic, ("topic",))):
            if value:
                names = self.match_names(value, facets)
                marks = ",".join("?" * len(names))
                clauses.append(
                    f"{plus}d.analysis_id IN (SELECT analysis_id FROM names WHERE name IN ({marks})"
                    f" AND facet IN ({','.join('?' * len(facets))}))"
                )
                params += names + list(facets)
        if text:
            ids = self._phrase_analyses(text)
            clauses.append(f"{plus}d.analysis_id IN ({','.join(str(i) for i in ids)})")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def match_names(self, query: str, facets: Iterable[str] = ("person", "organization", "unnamed")) -> list[str]:
        """The names (speakers, people, organizations, topics) every word of ``query`` matches by lemma:
        ``Пескова`` → ``Дмитрий Песков``; the full name folded matches itself."""
        terms = query_terms(query)
        if not terms:
            return []
        found: set[str] | None = None
        for forms in terms:
            marks = ",".join("?" * len(forms))
            names = {n for (n,) in self._query(f"SELECT name FROM name_tokens WHERE token IN ({marks})", forms)}
            found = names if found is None else found & names
            if not found:
                return []
        facets = tuple(facets)
        if not found:
            return []
        rows = self._query(
            f"SELECT DISTINCT name FROM names WHERE facet IN ({','.join('?' * len(facets))})"
            f" AND name IN ({','.join('?' * len(found))})",
            facets + tuple(found),
        )
        return sorted(n for (n,) in rows)

    def facets(
        self,
        *,
        agency: str | None = None,
        person: str | None = None,
        topic: str | None = None,
        text: str | None = None,
        top: int = 50,
    ) -> dict[str, list[Facet]]:
        """Filter values with the number of dispatches each selects among those the given filters select:
        ``{"agency": [...], "person": [...], "topic": [...]}``, most dispatches first (``top`` of each)."""
        return self._memoized(
            ("facets", agency, person, topic, text, top), lambda: self._facets(agency, person, topic, text, top)
        )

    def _facets(self, agency, person, topic, text, top) -> dict[str, list[Facet]]:
        where, params = self._filters(agency, person, topic, text)
        counts = f"SELECT analysis_id, count(*) AS c FROM docs d{where} GROUP BY analysis_id"
        out: dict[str, list[Facet]] = {}
        rows = self._query(
            f"SELECT min(d.agency), count(*) AS c FROM docs d{where}"
            f"{' AND' if where else ' WHERE'} d.agency_key != '{NO_AGENCY}' GROUP BY d.agency_key"
            " ORDER BY c DESC, 1 LIMIT ?",
            params + [top],
        )
        out["agency"] = [Facet("agency", v, c) for v, c in rows]
        for facet, kinds in (("person", ("person", "organization")), ("topic", ("topic",))):
            rows = self._query(
                f"WITH ac AS ({counts}) SELECT n.name, sum(ac.c) AS c FROM names n"
                f" JOIN ac ON ac.analysis_id = n.analysis_id WHERE n.facet IN"
                f" ({','.join('?' * len(kinds))}) GROUP BY n.name ORDER BY c DESC, n.name LIMIT ?",
                params + list(kinds) + [top],
            )
            out[facet] = [Facet(facet, v, c) for v, c in rows]  # type: ignore[arg-type]
        return out

    # ------------------------------------------------------------------------------------------ full text
    def _text_analyses(self, query: str) -> list[int]:
        """Analyses whose text has every query word by lemma (the last word also as a prefix of a token,
        so typing ``Песк`` already finds ``Песков``)."""
        terms = query_terms(query)
        if not terms:
            return []
        if self.fts:
            groups = []
            for i, forms in enumerate(terms):
                alts = ['"' + f.replace('"', '""') + '"' for f in sorted(forms)]
                if i == len(terms) - 1:
                    alts += [a + "*" for a in alts]
                groups.append("(" + " OR ".join(alts) + ")")
            return [i for (i,) in self._query("SELECT rowid FROM fts WHERE fts MATCH ?", (" AND ".join(groups),))]
        found: set[int] | None = None
        for i, forms in enumerate(terms):
            ids: set[int] = set()
            for f in forms:
                if i == len(terms) - 1:
                    rows = self._query(
                        "SELECT analysis_id FROM tokens WHERE token >= ? AND token < ?", (f, f + "\U0010ffff")
                    )
                else:
                    rows = self._query("SELECT analysis_id FROM tokens WHERE token = ?", (f,))
                ids.update(r[0] for r in rows)
            found = ids if found is None else found & ids
            if not found:
                return []
        return sorted(found or ())

    def _phrase_analyses(self, query: str) -> dict[int, list[tuple[int, int]] | None]:
        """Analyses that have the query as the reader's find has it (a phrase of words, each by lemma) →
        their matches (None: not looked for yet — a one-word query needs no second look)."""
        ids = self._text_analyses(query)
        if len(query_terms(query)) <= 1 or not ids:
            return dict.fromkeys(ids)
        from ..search import Matcher

        matcher = Matcher(query)
        out: dict[int, list[tuple[int, int]] | None] = {}
        for aid, t in self._query(f"SELECT id, text FROM analyses WHERE id IN ({','.join(map(str, ids))})"):
            found = matcher.find(t)
            if found:
                out[aid] = found
        return out

    def search(self, text: str, *, limit: int | None = 200) -> list[Hit]:
        """Dispatches whose text has the query (a phrase, each word by lemma, like the reader's find),
        newest first, each with a snippet around its first match (offsets into its normalized text)."""
        from ..search import Matcher

        found = self._phrase_analyses(text)
        if not found:
            return []
        matcher = Matcher(text)
        sql = (
            "SELECT d.source, d.path, d.item, d.headline, d.date, d.agency, d.analysis_id FROM docs d"
            f" WHERE +d.analysis_id IN ({','.join(map(str, found))}) ORDER BY d.date_key DESC, d.source"
        )
        snippets: dict[int, tuple | None] = {}
        out: list[Hit] = []
        for s, p, item, h, date, ag, aid in self._rows(sql):
            if aid not in snippets:
                t = self._analysis_text(aid)
                spans = found[aid] if found[aid] is not None else matcher.find(t)
                snippets[aid] = (*_snippet(t, spans), len(spans)) if spans else None
            snippet = snippets[aid]
            if snippet is None:
                continue
            (start, end), snip, snip_start, inside, n = snippet
            out.append(
                Hit(path_from_bytes(s), path_from_bytes(p), item, h, date, ag, start, end, snip, snip_start, inside, n)
            )
            if limit is not None and len(out) >= limit:
                break
        return out

    def _analysis_text(self, aid: int) -> str:
        return self._query("SELECT text FROM analyses WHERE id = ?", (aid,))[0][0]

    def text(self, source: str) -> str | None:
        """The normalized text of an indexed dispatch (what every offset points into), or None."""
        rows = self._query(
            "SELECT a.text FROM docs d JOIN analyses a ON a.id = d.analysis_id WHERE d.source = ?",
            (path_bytes(source),),
        )
        return rows[0][0] if rows else None

    # ------------------------------------------------------------------------------------------ people
    def speakers(self, query: str | None = None) -> list[SpeakerRow]:
        """Everyone quoted in the folder (statements, direct or reported), most statements first;
        ``query`` keeps those whose name it matches by lemma."""
        return list(self._memoized(("speakers", query), lambda: self._speakers(query)))

    def _speakers(self, query: str | None) -> list[SpeakerRow]:
        names_sql, params = "", []
        if query:
            names = self.match_names(query)
            if not names:
                return []
            names_sql = f" AND n.name IN ({','.join('?' * len(names))})"
            params = names
        rows = self._query(
            "WITH ac AS (SELECT analysis_id, count(*) AS c FROM docs GROUP BY analysis_id)"
            " SELECT n.name, n.facet, sum(n.direct * ac.c) AS dr, sum(n.reported * ac.c) AS rp, sum(ac.c)"
            " FROM names n JOIN ac ON ac.analysis_id = n.analysis_id"
            " WHERE n.facet IN ('person', 'organization', 'unnamed') AND n.direct + n.reported > 0"
            + names_sql
            + " GROUP BY n.name, n.facet ORDER BY dr + rp DESC, n.name",
            params,
        )
        return [SpeakerRow(n, k, dr, rp, c) for n, k, dr, rp, c in rows]

    def statements(
        self,
        speaker: str | None = None,
        kind: str = "all",
        since: str | None = None,
        *,
        limit: int | None = None,
        source: str | None = None,
    ) -> list[StatementRow]:
        """Statements across the folder, newest dispatch first, in text order within one. ``speaker``:
        by lemma (``Пескова`` → Дмитрий Песков); ``kind``: ``direct`` (full + fragment), ``reported``,
        ``full``, ``fragment`` or ``all``; ``since``: a date (``2019-08-01``) — dispatches dated that day
        or later (undated ones are left out); ``source``: one dispatch's."""
        kinds = {
            "all": None,
            "direct": ("full", "fragment"),
            "reported": ("reported",),
            "full": ("full",),
            "fragment": ("fragment",),
        }
        if kind not in kinds:
            raise ValueError(f"unknown kind {kind!r}")
        # the statements of the analyses concerned, once each (identical texts share one analysis), then
        # the dispatches that have them, newest first: every (dispatch, statement) pair is made here, not
        # fetched from SQLite once per pair
        clauses: list[str] = []
        params: list[str | bytes] = []
        if speaker:
            names = self.match_names(speaker)
            if not names:
                return []
            clauses.append(f"speaker IN ({','.join('?' * len(names))})")
            params += names
        wanted = kinds[kind]
        if wanted:
            clauses.append(f"kind IN ({','.join('?' * len(wanted))})")
            params += wanted
        by_analysis: dict[int, list[tuple]] = {}
        for aid, *rest in self._rows(
            'SELECT analysis_id, speaker, speaker_kind, kind, text, start, "end", cue'
            " FROM statements" + (" WHERE " + " AND ".join(clauses) if clauses else "") + " ORDER BY analysis_id, n",
            params,
        ):
            by_analysis.setdefault(aid, []).append(tuple(rest))
        if not by_analysis:
            return []
        where, params = [f"+d.analysis_id IN ({','.join(map(str, by_analysis))})"], []
        if since:
            where.append("d.date_key >= ?")
            params.append(since_key(since))
        if source is not None:
            where.append("d.source = ?")
            params.append(path_bytes(source))
        out: list[StatementRow] = []
        make = tuple.__new__
        for src, path, item, headline, date, dk, agency, aid in self._rows(
            "SELECT d.source, d.path, d.item, d.headline, d.date, d.date_key, d.agency, d.analysis_id"
            " FROM docs d WHERE " + " AND ".join(where) + " ORDER BY d.date_key DESC, d.source",
            params,
        ):
            src_s = path_from_bytes(src)
            path_s = src_s if path == src else path_from_bytes(path)
            head = (src_s, path_s, item, headline, date, dk, agency)
            out.extend(make(StatementRow, head + st) for st in by_analysis[aid])
            if limit is not None and len(out) >= limit:
                return out[:limit]
        return out

    # ------------------------------------------------------------------------------------------ read marks
    def _write_state(self, sql: str, params: tuple) -> None:
        try:
            self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise unavailable(exc, "the read/unread marks") from None

    def is_read(self, source: str) -> bool:
        rows = self._query("SELECT read FROM st.reads WHERE source = ?", (path_bytes(source),))
        return bool(rows and rows[0][0])

    def set_read(self, source: str, read: bool = True) -> None:
        """Mark a dispatch read (or unread); kept across sessions."""
        self._write_state(
            "INSERT INTO st.reads(source, read) VALUES (?, ?) ON CONFLICT(source) DO UPDATE SET read = excluded.read",
            (path_bytes(source), int(read)),
        )

    def toggle_read(self, source: str) -> bool:
        """Flip a dispatch's mark; returns the new state (True: read)."""
        new = not self.is_read(source)
        self.set_read(source, new)
        return new

    def read_sources(self) -> set[str]:
        return {path_from_bytes(s) for (s,) in self._query("SELECT source FROM st.reads WHERE read = 1")}

    def next_unread(self, after: str | None = None, sort: str = "date", **filters) -> str | None:
        """The first unread dispatch after ``after`` in the table's order (wrapping round), or None."""
        rows = self.documents(sort, **filters)
        order = [r.source for r in rows]
        start = order.index(after) + 1 if after in order else 0
        for r in rows[start:] + rows[:start]:
            if not r.read and r.source != after:
                return r.source
        return None

    def set_last(self, source: str, position: int = 0) -> None:
        """Remember the dispatch being read and the position in it (a character offset)."""
        self._write_state(
            "INSERT INTO st.last(id, source, position) VALUES (1, ?, ?) ON CONFLICT(id)"
            " DO UPDATE SET source = excluded.source, position = excluded.position",
            (path_bytes(source), int(position)),
        )

    def last(self) -> tuple[str, int] | None:
        """The dispatch and position last remembered for this folder, or None."""
        rows = self._query("SELECT source, position FROM st.last WHERE id = 1")
        return (path_from_bytes(rows[0][0]), rows[0][1]) if rows else None


def _snippet(text: str, found: list[tuple[int, int]]):
    start, end = found[0]
    a = max(0, start - SNIPPET_CONTEXT)
    b = min(len(text), end + SNIPPET_CONTEXT)
    # whole words at the edges
    if a > 0:
        sp = text.find(" ", a, start)
        a = sp + 1 if sp != -1 else a
    if b < len(text):
        sp = text.rfind(" ", end, b)
        b = sp if sp != -1 else b
    snip = text[a:b].replace("\n", " ")
    inside = tuple((s, e) for s, e in found if s >= a and e <= b)
    return (start, end), snip, a, inside


class _Stale(sqlite3.DatabaseError):
    """The index is of another schema version, or not ours."""


def _attached(conn: sqlite3.Connection) -> bool:
    return any(r[1] == "st" for r in conn.execute("PRAGMA database_list"))


def _remove_db(path: Path) -> None:
    """Remove one of OUR index files (in the cache dir) and its WAL/SHM companions."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def _open_db(path: Path, folder: str, create: bool) -> tuple[sqlite3.Connection, bool]:
    """Connect; make the schema when the file is new; raise _Stale for an unknown one, DatabaseError for
    a corrupt file, OperationalError when locked / read-only."""
    fresh = not path.exists() or path.stat().st_size == 0
    if fresh and not create:
        raise IndexUnavailable("this folder has no index yet")
    conn = _connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
        if not tables:
            conn.execute("PRAGMA journal_mode = WAL")
            fts = fts5_available()
            conn.execute("BEGIN IMMEDIATE")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
            if not tables:  # (another process may have made it while we waited for the lock)
                for stmt in _SCHEMA.split(";"):
                    if stmt.strip():
                        conn.execute(stmt)
                conn.execute(_FTS if fts else _TOKENS)
                conn.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [
                        ("schema", str(SCHEMA_VERSION)),
                        ("folder", display_path(os.path.realpath(folder))),
                        ("fts", "1" if fts else "0"),
                        ("analyser", _analyser_version()),
                    ],
                )
            conn.execute("COMMIT")
        if "meta" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}:
            raise _Stale("no meta table")
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema") != str(SCHEMA_VERSION):
            raise _Stale(f"schema {meta.get('schema')!r}, this version reads {SCHEMA_VERSION}")
        if meta.get("analyser") != _analyser_version():
            raise _Stale(f"made by analyser {meta.get('analyser')!r}, this one is {_analyser_version()}")
        fts = meta.get("fts") == "1"
        if fts and not _fts5_builds():
            raise _Stale("made with FTS5, which this SQLite lacks")
        return conn, fts
    except BaseException:
        conn.close()
        raise


# ---------------------------------------------------------------------------------------------- writing


def text_hash(text: str) -> str:
    """The key of one analysis: the analyser's version and the normalized text."""
    h = hashlib.sha256(_analyser_version().encode())
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def doc_fields(d) -> tuple[str, str | None, str | None, str | None]:
    """(headline, date, place, agency) of a Dispatch (the format's metadata already won in segment)."""
    headline = d.headline.slice(d.text) if d.headline else ""
    if not headline and d.meta is not None and d.meta.headline:
        headline = d.meta.headline
    dl = d.dateline
    if not headline:
        # no headline: the first line, after the dateline that opens it ("Душанбе. 16 февраля. KAZAKHSTAN
        # TODAY - В рамках визита …" → "В рамках визита …"); the table has a column for the dateline
        start = dl.end if dl is not None and not d.text[: dl.start].strip() else 0
        headline = d.text[start:].lstrip(" -–—.:,").strip().split("\n", 1)[0][:200]
    date = (dl.date if dl else None) or (d.meta.date if d.meta else None)
    return " ".join(headline.split()), date, dl.place if dl else None, dl.agency if dl else None


def analysis_tokens(d) -> dict:
    """The lemma tokens of a dispatch's text and of each of its names (made where it was analysed: the
    pool's workers, in parallel, rather than the one writer)."""
    from .text import tokens

    names = {sp.name for sp in d.speakers} | {t.label for t in d.topics}
    return {"text": tokens(d.text), "names": {n: tokens(n) for n in names}}


def statements_of(d) -> list[tuple]:
    """(n, kind, speaker, speaker_kind, start, end, text, cue) per statement (its parts joined);
    interviewers' questions are left out."""
    groups: dict[int, list] = {}
    for i, q in enumerate(d.quotes):
        groups.setdefault(q.statement if q.statement is not None else i, []).append(q)
    out = []
    for n, parts in sorted(groups.items()):
        first = parts[0]
        if first.question:
            continue
        sp = d.speaker(first.speaker)
        text = " … ".join(d.text[q.start : q.end] for q in parts)
        cue = next((q.cue for q in parts if q.cue), None)
        out.append((n, first.kind, first.speaker, sp.kind if sp else None, first.start, parts[-1].end, text, cue))
    return out


class IndexWriter(FolderIndex):
    """The indexing process's handle: the same queries, and the writes. One per folder at a time (the
    caller holds :func:`writer_lock`)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._counts: dict[int, tuple] = {}  # analysis id → (direct, reported, speakers) for its docs

    def begin(self) -> None:
        self._exec("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self._exec("COMMIT")

    def rollback(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def _exec(self, sql: str, params: Iterable = ()):
        try:
            return self.conn.execute(sql, tuple(params))
        except sqlite3.Error as exc:
            raise unavailable(exc) from None

    def analysis_id(self, thash: str) -> int | None:
        rows = self._query("SELECT id FROM analyses WHERE hash = ?", (thash,))
        return rows[0][0] if rows else None

    def add_analysis(self, d, thash: str, lemma_tokens: dict | None = None) -> int:
        """Store one analysis (statements, names, lemma tokens) and return its id. ``lemma_tokens``: the
        :func:`analysis_tokens` of ``d`` when the worker that analysed it made them already."""
        toks = lemma_tokens if lemma_tokens is not None else analysis_tokens(d)

        sts = statements_of(d)
        direct = sum(1 for s in sts if s[1] != "reported")
        reported = len(sts) - direct
        per_speaker: dict[str, list[int]] = {}
        for s in sts:
            if s[2]:
                per_speaker.setdefault(s[2], [0, 0])[s[1] == "reported"] += 1
        main = sorted(per_speaker, key=lambda n: -sum(per_speaker[n]))[:3]
        cur = self._exec(
            "INSERT INTO analyses(hash, text, direct, reported, speakers) VALUES (?, ?, ?, ?, ?)",
            (thash, d.text, direct, reported, "\n".join(main)),
        )
        aid = cur.lastrowid
        try:
            self.conn.executemany(
                'INSERT INTO statements(analysis_id, n, kind, speaker, speaker_kind, start, "end", text, cue)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(aid, *s) for s in sts],
            )
            names = [
                (aid, sp.kind, sp.name, name_key(sp.name), len(sp.mentions), *per_speaker.get(sp.name, (0, 0)))
                for sp in d.speakers
            ]
            names += [(aid, "topic", t.label, name_key(t.label), len(t.mentions), 0, 0) for t in d.topics]
            self.conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?, ?, ?)", names)
            self.conn.executemany(
                "INSERT OR IGNORE INTO name_tokens VALUES (?, ?)",
                [(tok, n[2]) for n in names for tok in toks["names"].get(n[2], ())],
            )
            if self.fts:
                self.conn.execute("INSERT INTO fts(rowid, tokens) VALUES (?, ?)", (aid, " ".join(toks["text"])))
            else:
                self.conn.executemany("INSERT OR IGNORE INTO tokens VALUES (?, ?)", [(t, aid) for t in toks["text"]])
        except sqlite3.Error as exc:
            raise unavailable(exc) from None
        return aid

    def put_file(self, path: str, size: int, mtime_ns: int, fhash: str) -> int:
        raw = path_bytes(path)
        self._exec(
            "INSERT INTO files(path, size, mtime_ns, hash) VALUES (?, ?, ?, ?) ON CONFLICT(path)"
            " DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, hash = excluded.hash",
            (raw, size, mtime_ns, fhash),
        )
        return self._query("SELECT id FROM files WHERE path = ?", (raw,))[0][0]

    def touch(self, path: str, size: int, mtime_ns: int) -> None:
        raw = path_bytes(path)
        self._exec("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?", (size, mtime_ns, raw))
        self._exec("UPDATE docs SET size = ?, mtime_ns = ? WHERE path = ?", (size, mtime_ns, raw))

    def put_doc(
        self,
        source: str,
        file_id: int,
        path: str,
        item: str | None,
        aid: int,
        fields: tuple[str, str | None, str | None, str | None],
        size: int,
        mtime_ns: int,
    ) -> None:
        headline, date, place, agency = fields
        counts = self._counts.get(aid)
        if counts is None:
            counts = self._counts[aid] = self._query(
                "SELECT direct, reported, speakers FROM analyses WHERE id = ?", (aid,)
            )[0]
        direct, reported, speakers = counts
        self._exec(
            "INSERT INTO docs(file_id, source, path, item, analysis_id, headline, date, date_key, place,"
            " agency, agency_key, direct, reported, statements, speakers, size, mtime_ns)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET"
            " file_id = excluded.file_id, path = excluded.path, item = excluded.item,"
            " analysis_id = excluded.analysis_id, headline = excluded.headline, date = excluded.date,"
            " date_key = excluded.date_key, place = excluded.place, agency = excluded.agency,"
            " agency_key = excluded.agency_key, direct = excluded.direct, reported = excluded.reported,"
            " statements = excluded.statements, speakers = excluded.speakers, size = excluded.size,"
            " mtime_ns = excluded.mtime_ns",
            (
                file_id,
                path_bytes(source),
                path_bytes(path),
                item,
                aid,
                headline,
                date,
                date_key(date, mtime_ns / 1e9),
                place,
                agency,
                name_key(agency) if agency else NO_AGENCY,
                direct,
                reported,
                direct + reported,
                speakers,
                size,
                mtime_ns,
            ),
        )

    def remove(self, sources: Iterable[str]) -> None:
        """Drop dispatches (and files left without any)."""
        self.conn.executemany("DELETE FROM docs WHERE source = ?", [(path_bytes(s),) for s in sources])

    def collect(self) -> int:
        """Remove files without dispatches and analyses no dispatch uses; returns analyses removed."""
        self._counts.clear()
        self._exec("DELETE FROM files WHERE id NOT IN (SELECT file_id FROM docs)")
        ids = [i for (i,) in self._query("SELECT id FROM analyses WHERE id NOT IN (SELECT analysis_id FROM docs)")]
        for table, col in (
            ("statements", "analysis_id"),
            ("names", "analysis_id"),
            ("fts" if self.fts else "tokens", "rowid" if self.fts else "analysis_id"),
            ("analyses", "id"),
        ):
            self.conn.executemany(f"DELETE FROM {table} WHERE {col} = ?", [(i,) for i in ids])
        return len(ids)


def writer_lock(directory: Path):
    """Hold the one-writer lock of an index (a file lock in the index's own folder), or raise IndexBusy."""
    import fcntl

    from .types import IndexBusy

    try:
        fh = open(directory / "writer.lock", "a+b")  # noqa: SIM115 - held open: the lock lives as long as it
    except OSError as exc:
        raise unavailable(exc, "the index lock") from None
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise IndexBusy("another dispatchtui is indexing this folder; its index is read as it stands") from None
    return fh
