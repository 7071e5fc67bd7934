"""The app's side of the folder index and the live folder: open the index in a thread (a failure is one
notice; the library goes on from memory), read its rows, run the background indexer (another process) and
show its progress in the library header, and take the live folder's changes.

Everything that may wait on SQLite or the disk runs in a thread worker; the event loop only gets results.
"""

from __future__ import annotations

import os
import time
from typing import Any

from .i18n import plural, tr
from .live import Changes, FolderWatcher

#: the indexer's progress is read this often (s); the rows are read again at most this often while it runs
POLL_SECONDS = 0.5
RELOAD_SECONDS = 3.0


def index_root(app: Any) -> str | None:
    """The one folder the library shows, if it is one folder (an index is per folder)."""
    roots = [r for r in app.roots if os.path.isdir(r)]
    return roots[0] if len(roots) == 1 else None


class EarlyIndex:
    """The index opened and its first page read in a thread started with the app, so the library's first
    frame can show rows from the index (no file peeked) when the index answers in time (:meth:`wait`)."""

    #: the first page: more rows than any terminal shows
    PAGE = 120

    def __init__(self, root: str) -> None:
        import threading

        self.root = root
        self.index: Any = None
        self.page: list = []
        self.error: str | None = None
        self._done = threading.Event()
        threading.Thread(target=self._run, name="dispatchtui-index-open", daemon=True).start()

    def _run(self) -> None:
        from ..index import IndexUnavailable, open_index

        try:
            self.index = open_index(self.root)
            self.page = self.index.documents("date", limit=self.PAGE)
        except IndexUnavailable as exc:
            self.error = exc.reason
        except Exception as exc:  # noqa: BLE001 - never fatal: the library works from memory
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self._done.set()

    def wait(self, seconds: float) -> bool:
        return self._done.wait(seconds)


def start_folder_services(app: Any) -> None:
    root = index_root(app)
    if root is not None and app._use_index:
        app.run_worker(lambda: _open_index(app, root), thread=True, group="index-open", exit_on_error=False)
    if app._watch and app.roots:
        watcher = FolderWatcher(
            app.roots, lambda changes: _from_watcher(app, changes), force_polling=app._force_polling
        )
        if watcher.start():
            app.watcher = watcher


def stop_folder_services(app: Any) -> None:
    if app.watcher is not None:
        app.watcher.stop()
        app.watcher = None
    if app.indexer is not None:
        try:
            app.indexer.stop()
        except Exception:  # noqa: BLE001 - it is going away anyway
            pass
        app.indexer = None
    ix = app.catalog.index
    if ix is not None:
        try:
            ix.close()
        except Exception:  # noqa: BLE001
            pass


# ------------------------------------------------------------------------------------------ the index
def _open_index(app: Any, root: str) -> None:
    """Worker thread: open the index, read its rows, then start the indexer."""
    early = app.early_index
    if early is None:
        early = EarlyIndex(root)
    early.wait(60)
    if early.error is not None or early.index is None:
        _call(app, index_problem, app, early.error or "no index")
        return
    ix = early.index
    app.catalog.index = ix
    app.catalog.load_read_marks()
    app.catalog.load_index_rows()
    _call(app, _index_ready, app, ix)


def index_problem(app: Any, reason: str) -> None:
    """One notice, whatever went wrong; the reader keeps working from memory."""
    if getattr(app, "_index_warned", False):
        return
    app._index_warned = True
    reason = reason.removesuffix("; working from memory")  # (the notice says so, in the UI's language)
    app.notify(tr("index_unavailable", reason=reason), severity="warning", markup=False, timeout=10)


def _index_ready(app: Any, ix: Any) -> None:
    cat = app.catalog
    if cat.problem:
        index_problem(app, cat.problem)
        return
    if getattr(ix, "rebuilt", None):
        app.notify(tr("index_rebuilt", reason=ix.rebuilt), severity="warning", markup=False, timeout=8)
    _rows_changed(app, first=True)
    _start_indexer(app)


def _rows_changed(app: Any, first: bool = False) -> None:
    keep = None
    if first:  # the last dispatch read in this folder, where it was left
        last = app.catalog.last_position()
        if last is not None and app._restore is None and not isinstance(app.screen, _reader_class()):
            app._restore = last
            keep = last[0]
    library = app.library_screen()
    if library is None or not library.is_mounted:
        return
    if first and library.sort is None:
        library.sort = "date"  # the dates are known now: newest first
    library.refresh_rows(keep=keep if keep is not None else library.list.current)


def _reader_class():
    from .screens.reader import ReaderScreen

    return ReaderScreen


def _start_indexer(app: Any) -> None:
    root = index_root(app)
    if root is None or app.catalog.index is None or not app._index_in_background:
        return
    try:
        from ..index.indexer import BackgroundIndexer
    except ImportError:
        return
    try:
        job = BackgroundIndexer(root, jobs=1)
        with _real_stdio():
            job.start()
    except Exception as exc:  # noqa: BLE001 - the index stays readable; only the updating stops
        index_problem(app, f"{type(exc).__name__}: {exc}")
        return
    app.indexer = job
    app._indexed_at = (0, time.monotonic())
    if getattr(app, "_index_timer", None) is None:
        app._index_timer = app.set_interval(POLL_SECONDS, lambda: _poll(app))


class _real_stdio:
    """The process's own stdout/stderr while a process is spawned: Textual captures them with objects whose
    ``fileno()`` is -1, and multiprocessing's resource tracker hands stderr's descriptor to the child
    ("bad value(s) in fds_to_keep")."""

    def __enter__(self) -> None:
        import sys

        self._saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__

    def __exit__(self, *exc) -> None:
        import sys

        sys.stdout, sys.stderr = self._saved


def _poll(app: Any) -> None:
    job = app.indexer
    if job is None:
        return
    try:
        p = job.progress()
    except Exception as exc:  # noqa: BLE001
        index_problem(app, f"{type(exc).__name__}: {exc}")
        app.indexer = None
        return
    library = app.library_screen()
    paused = p.state == "paused" or getattr(app, "_indexing_paused", False)
    finished = p.state in ("done", "stopped", "failed")
    if library is not None and library.is_mounted:
        if finished:
            library.set_progress(p.total, p.total, None, False)
        else:
            library.set_progress(p.done, p.total, p.eta, paused)
    if p.state == "failed":
        index_problem(app, p.message or tr("index_failed"))
    last_done, last_time = getattr(app, "_indexed_at", (0, 0.0))
    now = time.monotonic()
    every = max(RELOAD_SECONDS, getattr(app, "_reload_every", 0.0))
    if finished or (p.done > last_done and now - last_time >= every):
        app._indexed_at = (p.done, now)
        app.run_worker(
            lambda: _reload(app, finished), thread=True, group="index-rows", exclusive=True, exit_on_error=False
        )
    if finished:
        app.indexer = None
        pending = getattr(app, "_pending_changes", False)
        app._pending_changes = False
        if pending and p.state != "failed":
            _start_indexer(app)


def _reload(app: Any, finished: bool = False) -> None:
    cat = app.catalog
    before = cat.problem
    t = time.perf_counter()
    cat.load_index_rows()
    # a big index takes a while to read: read it again no more than a tenth of the time
    app._reload_every = 10 * (time.perf_counter() - t)
    if finished:  # a run that has finished has indexed what changed before it
        cat.refreshed(list(cat._stale))
    if cat.problem and not before:
        _call(app, index_problem, app, cat.problem)
    _call(app, _rows_changed, app)


def toggle_indexing(app: Any) -> None:
    job = app.indexer
    if job is None:
        return
    paused = not getattr(app, "_indexing_paused", False)
    app._indexing_paused = paused  # the process obeys between two dispatches: say it at once
    try:
        if paused:
            job.pause()
            app.notify(tr("indexing_paused"), markup=False, timeout=2)
        else:
            job.resume()
            app.notify(tr("indexing_resumed"), markup=False, timeout=2)
    except Exception as exc:  # noqa: BLE001
        index_problem(app, f"{type(exc).__name__}: {exc}")
    _poll(app)


# ------------------------------------------------------------------------------------------ live folder
def _call(app: Any, fn, *args) -> None:
    """Run ``fn`` on the event loop from a thread; nothing if the app is gone."""
    try:
        app.call_from_thread(fn, *args)
    except Exception:  # noqa: BLE001 - the app is closing
        pass


def _from_watcher(app: Any, changes: Changes) -> None:
    _call(app, folder_changed, app, changes)


def folder_changed(app: Any, changes: Changes) -> None:
    """New, rewritten and removed files: the session and the catalog follow, one notice says what came,
    and the library's rows are computed again. The reader's current dispatch stays as it is (a rewritten
    one is read afresh once the reader leaves it)."""
    session, cat = app.session, app.catalog
    shown = _shown_index(app)
    added: list[str] = []
    back: list[str] = []
    for path in sorted(changes.added | changes.modified):
        i = cat.index_of(path)
        if i is None:
            added.append(path)
            continue
        if path in cat.removed:
            cat.removed.discard(path)
            back.append(path)
        cat.forget(path)
        if i == shown:
            app._changed_while_shown.add(i)
        else:
            session.forget(i)
    removed = 0
    for path in changes.removed:
        i = cat.index_of(path)
        if i is not None and path not in cat.removed:
            cat.removed.add(path)
            removed += 1
    if added:
        session.add_paths(added)
        cat.new |= set(added)
    arrived = len(added) + len(back)
    modified = len(changes.modified) - len([p for p in changes.modified if p in back])
    if arrived or removed:
        bits = []
        if arrived:
            bits.append(plural(arrived, "arrived_1", "arrived_n"))
        if removed:
            bits.append(plural(removed, "removed_1", "removed_n"))
        app.notify(", ".join(bits), markup=False, timeout=5)
    elif modified > 0 and shown is not None and shown in app._changed_while_shown:
        app.notify(tr("shown_changed"), markup=False, timeout=5)
    library = app.library_screen()
    if library is not None and library.is_mounted:
        library.folder_changed(arrived, removed)
    if app.catalog.index is not None:
        if app.indexer is None:
            _start_indexer(app)
        else:
            app._pending_changes = True


def _shown_index(app: Any) -> int | None:
    from .screens.reader import ReaderScreen

    for screen in app.screen_stack:
        if isinstance(screen, ReaderScreen):
            return screen.index
    return None
