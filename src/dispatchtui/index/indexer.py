"""Indexing a folder: :func:`index_folder` does the work (in this process, with an optional pool of
worker processes), :class:`BackgroundIndexer` runs it in a separate low-priority process that the
reader can pause, resume and stop, and that reports :class:`~dispatchtui.index.Progress` without ever
blocking the reader. That process is the index's only writer; the reader only reads (WAL).

Every analysis goes through :func:`analyse` (:mod:`dispatchtui.pipeline`'s, with its cache). Identical texts
(the same content hash) are analysed once: a worker that finds the text's analysis in the index only
lays the dispatch out (headline, dateline) and reuses it. A file that changes while it is analysed
(its stat or its bytes differ before and after) is put back in the queue (up to :data:`MAX_TRIES` times).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from .scan import file_hash, stamp
from .types import IndexUnavailable, Progress

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

#: Attempts at a file that keeps changing while it is analysed.
MAX_TRIES = 3
#: Writes are committed at least this often (readers see them), and every COMMIT_EVERY dispatches.
COMMIT_SECONDS = 1.0
COMMIT_EVERY = 500
#: Progress is reported at most this often (plus the last one).
REPORT_SECONDS = 0.1
#: Errors kept in a Progress.
KEEP_ERRORS = 20


def analyse(base, use_cache: bool = True):
    """THE analysis of one laid-out dispatch (:func:`dispatchtui.pipeline.analyse_dispatch`: the analysis
    cache, then the analysis) → Dispatch."""
    from ..pipeline import analyse_dispatch

    return analyse_dispatch(base, use_cache=use_cache)


# ------------------------------------------------------------------------------------------------ worker

_ro: dict[tuple[int, str], sqlite3.Connection] = {}
#: In the writer's own process, the writer's lookup (it sees its uncommitted analyses): (pid, callable).
_local_lookup: tuple[int, Callable[[str], int | None]] | None = None


def _known(db: str, thash: str) -> bool:
    if _local_lookup is not None and _local_lookup[0] == os.getpid():
        return _local_lookup[1](thash) is not None
    key = (os.getpid(), db)
    try:
        conn = _ro.get(key)
        if conn is None:
            from pathlib import Path

            conn = _ro[key] = sqlite3.connect(Path(db).as_uri() + "?mode=ro", uri=True, timeout=1.0)
        return conn.execute("SELECT 1 FROM analyses WHERE hash = ?", (thash,)).fetchone() is not None
    except sqlite3.Error:
        return False


def index_one(task, on_stage=lambda name: None):
    """One source → (source, payload | None, reason | None, None). Never raises (it runs in a worker).
    payload: the file's stamp and hash, the text's hash, the item, the dispatch (None when the index
    already has the analysis of this text: then ``fields`` come from the cheap layout), ``changed``."""
    from ..formats import split_source
    from ..pipeline import LoadError, layout, load
    from .store import analysis_tokens, doc_fields, text_hash

    source, path, db, use_cache = task
    try:
        before, fhash = stamp(path), file_hash(path)
        if before is None or fhash is None:
            return source, None, "cannot read it (removed or unreadable while indexing)", None
        on_stage("reading")
        loaded = load(source)
        if isinstance(loaded, LoadError):
            return source, None, loaded.reason, None
        thash = text_hash(loaded.text)
        on_stage("layout")
        d = layout(loaded, source=source)
        full = None
        if not _known(db, thash):
            d = full = analyse(d, use_cache)
        changed = stamp(path) != before or file_hash(path) != fhash
        payload = {
            "file": path,
            "size": before[0],
            "mtime_ns": before[1],
            "fhash": fhash,
            "thash": thash,
            "item": split_source(source)[1] if "#" in source else None,
            "fields": doc_fields(d),
            "dispatch": full,
            "tokens": analysis_tokens(full) if full is not None else None,
            "changed": changed,
        }
        return source, payload, None, None
    except Exception as exc:  # noqa: BLE001 - one bad dispatch must not stop the folder
        return source, None, f"indexing failed ({type(exc).__name__}: {exc})", None


def _failed(task, reason: str):
    return task[0], None, reason, None


# ------------------------------------------------------------------------------------------------ the run


class _Run:
    """The counters of one run and its progress reports."""

    def __init__(self, total: int, on_progress) -> None:
        self.total, self.on_progress = total, on_progress or (lambda p: None)
        self.done = 0
        self.errors: list[tuple[str, str]] = []
        self.failed = 0
        self.started = time.monotonic()
        self.last = 0.0
        self.analysed = 0

    def progress(self, state: str, current: str | None = None, message: str | None = None) -> Progress:
        elapsed = time.monotonic() - self.started
        eta = None
        if self.done and state == "indexing" and elapsed > 0.5:
            eta = (self.total - self.done) * elapsed / self.done
        return Progress(
            self.done,
            self.total,
            eta,
            state,  # type: ignore[arg-type]  # a str here; the callers pass one of the states
            current,
            self.failed,
            tuple(self.errors[-KEEP_ERRORS:]),
            message,
        )

    def report(self, state: str, current: str | None = None, force: bool = False, message: str | None = None):
        now = time.monotonic()
        if force or now - self.last >= REPORT_SECONDS:
            self.last = now
            self.on_progress(self.progress(state, current, message))


def index_folder(
    folder: str,
    *,
    jobs: int = 1,
    on_progress: Callable[[Progress], None] | None = None,
    control=None,
    sources: list[str] | None = None,
    use_cache: bool = True,
    prune: bool | None = None,
) -> Progress:
    """Bring ``folder``'s index up to date: analyse new and changed dispatches, drop removed ones.
    ``control``: an object with ``poll() -> "pause" | "resume" | "stop" | None`` and ``wait()`` (blocks
    for the next command) — :class:`BackgroundIndexer` passes its pipe. ``sources``: only these (files
    named on the command line); then indexed dispatches not among them stay unless ``prune``. Returns the final Progress
    (state ``done``, ``stopped`` or ``failed`` with ``message``); raises IndexBusy when another process
    is indexing this folder, IndexUnavailable when the index cannot be opened."""
    from .store import IndexWriter, writer_lock

    if jobs > 1:
        from ..analysis import one_blas_thread

        one_blas_thread()  # inherited by the workers (as extract --jobs does)
    idx = IndexWriter.open(folder)
    try:
        lock = writer_lock(idx.directory)
    except IndexUnavailable:
        idx.close()
        raise
    run = _Run(0, on_progress)
    try:
        run.report("scanning", force=True)
        plan = idx.plan(sources)
        if prune is False or (prune is None and sources is not None):
            from dataclasses import replace

            plan = replace(plan, removed=())
        run.errors += list(plan.errors)
        run.total = len(plan.todo)
        idx.begin()
        for path, size, mtime_ns in plan.touched:
            idx.touch(path, size, mtime_ns)
        idx.commit()
        stopped = _index_sources(idx, list(plan.todo), jobs, use_cache, run, control)
        idx.begin()
        idx.remove(plan.removed)
        idx.collect()
        idx.commit()
        final = run.progress("stopped" if stopped else "done")
    except IndexUnavailable as exc:
        idx.rollback()
        final = run.progress("failed", message=exc.reason)
    finally:
        idx.close()
        lock.close()
    run.on_progress(final)
    return final


def _index_sources(idx, todo: list[str], jobs: int, use_cache: bool, run: _Run, control) -> bool:
    """Analyse and store ``todo`` (re-queueing files that changed meanwhile); True when stopped."""
    global _local_lookup
    from .. import batch
    from ..formats import split_source

    tries: dict[str, int] = {}
    _local_lookup = (os.getpid(), idx.analysis_id)
    try:
        while todo:
            tasks = [(s, split_source(s)[0] if "#" in s else s, str(idx.path), use_cache) for s in todo]
            requeue: list[str] = []
            # no warm-up: most files of a big folder reuse an analysis and never need the model
            results = batch.run(tasks, index_one, jobs=jobs, failed=_failed)
            idx.begin()
            last_commit, pending = time.monotonic(), 0
            try:
                for source, payload, reason, _ in results:
                    if payload is None:
                        run.failed += 1
                        run.errors.append((source, reason or "failed"))
                    elif payload["changed"] or not _store(idx, source, payload, run):
                        tries[source] = tries.get(source, 0) + 1
                        if tries[source] < MAX_TRIES:
                            requeue.append(source)
                            continue
                        run.failed += 1
                        run.errors.append((source, "kept changing while it was indexed; try again later"))
                    run.done += 1
                    pending += 1
                    if pending >= COMMIT_EVERY or time.monotonic() - last_commit >= COMMIT_SECONDS:
                        idx.commit()
                        idx.begin()
                        last_commit, pending = time.monotonic(), 0
                    run.report("indexing", source)
                    if control is not None and _obey(control, idx, run):
                        return True
            finally:
                results.close()
                if idx.conn.in_transaction:
                    idx.commit()
            todo = requeue
        return False
    finally:
        _local_lookup = None


def _store(idx, source: str, p: dict, run: _Run) -> bool:
    """Write one result; False when its analysis is needed but was not sent (re-queue it)."""
    aid = idx.analysis_id(p["thash"])
    if aid is None:
        if p["dispatch"] is None:
            return False
        aid = idx.add_analysis(p["dispatch"], p["thash"], p["tokens"])
        run.analysed += 1
    fid = idx.put_file(p["file"], p["size"], p["mtime_ns"], p["fhash"])
    idx.put_doc(source, fid, p["file"], p["item"], aid, p["fields"], p["size"], p["mtime_ns"])
    return True


def _obey(control, idx, run: _Run) -> bool:
    """Handle pause/stop between two dispatches; True to stop. While paused the writes are committed."""
    cmd = control.poll()
    if cmd == "pause":
        idx.commit()
        run.report("paused", force=True)
        while cmd not in ("resume", "stop"):
            cmd = control.wait()
        idx.begin()
        run.report("indexing", force=True)
    return cmd == "stop"


# ------------------------------------------------------------------------------------------------ background


class _PipeControl:
    def __init__(self, conn) -> None:
        self.conn = conn

    def poll(self):
        try:
            return self.conn.recv() if self.conn.poll() else None
        except (EOFError, OSError):
            return "stop"  # the reader is gone

    def wait(self):
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            return "stop"


def _child(folder: str, jobs: int, nice: int, use_cache: bool, conn) -> None:
    """The background process: one BLAS thread per process, low priority, progress up the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    try:
        os.nice(nice)
    except OSError:
        pass

    def send(p: Progress) -> None:
        try:
            conn.send(p)
        except (OSError, ValueError):
            pass

    try:
        index_folder(folder, jobs=jobs, on_progress=send, control=_PipeControl(conn), use_cache=use_cache)
    except IndexUnavailable as exc:
        send(Progress(state="failed", message=exc.reason))
    except Exception as exc:  # noqa: BLE001 - the reader gets one line, not a dead process
        send(Progress(state="failed", message=f"indexing failed ({type(exc).__name__}: {exc})"))


class BackgroundIndexer:
    """Index a folder in a separate process (spawned: safe from a threaded reader), at low priority.

    ``start()``; ``progress()`` never blocks (it reads what the process sent); ``pause()``/``resume()``
    take effect between two dispatches; ``stop()`` ends it (committing what is done). A second indexer
    of the same folder ends at once with state ``failed`` and an IndexBusy message."""

    def __init__(self, folder: str, *, jobs: int = 1, nice: int = 10, use_cache: bool = True) -> None:
        self.folder, self.jobs, self.nice, self.use_cache = folder, jobs, nice, use_cache
        self._proc: BaseProcess | None = None
        self._conn: Connection | None = None
        self._last = Progress()

    def start(self) -> None:
        import multiprocessing as mp

        ctx = mp.get_context("spawn")
        here, there = ctx.Pipe()
        # not daemonic: it may start its own pool of workers. It stops when the reader's end of the pipe
        # closes (checked between dispatches), and at the reader's exit (the atexit hook below).
        self._proc = ctx.Process(
            target=_child,
            args=(self.folder, self.jobs, self.nice, self.use_cache, there),
            daemon=False,
            name="dispatchtui-indexer",
        )
        self._proc.start()
        there.close()
        self._conn = here
        import atexit

        atexit.register(self._at_exit)

    def _at_exit(self) -> None:
        if self.alive:
            self.stop(timeout=2.0)

    def progress(self) -> Progress:
        """The latest progress (non-blocking)."""
        conn = self._conn
        try:
            while conn is not None and conn.poll():
                self._last = conn.recv()
        except (EOFError, OSError):
            self._conn = None
            if self._last.state not in ("done", "stopped", "failed"):
                code = self._proc.exitcode if self._proc else None
                self._last = Progress(
                    self._last.done,
                    self._last.total,
                    None,
                    "failed",
                    message=f"the indexing process stopped (exit code {code})",
                )
        return self._last

    def _send(self, cmd: str) -> None:
        try:
            if self._conn is not None:
                self._conn.send(cmd)
        except (OSError, ValueError):
            pass

    def pause(self) -> None:
        self._send("pause")

    def resume(self) -> None:
        self._send("resume")

    @property
    def pid(self) -> int | None:
        """The indexing process's id (None before :meth:`start`)."""
        return self._proc.pid if self._proc is not None else None

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def join(self, timeout: float | None = None) -> Progress:
        if self._proc is not None:
            self._proc.join(timeout)
        return self.progress()

    def stop(self, timeout: float = 5.0) -> Progress:
        """Ask it to stop after the current dispatch; kill it if it does not within ``timeout``."""
        self._send("stop")
        if self._proc is not None:
            self._proc.join(timeout)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join(2.0)
        return self.progress()
