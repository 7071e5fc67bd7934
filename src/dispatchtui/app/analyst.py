"""The reader's analysis in a process of its own.

In a thread, the analysis shared the GIL with the interface: every long C call of it (a regex over a
megabyte, a numpy conversion, an import) froze the keys, and a multi-megabyte dispatch kept frames at
100–200 ms for a minute. In a process, the interface thread never waits for it. The process is started on
first use (it loads the NER model once and keeps it), gets a :class:`Dispatch`, runs the pipeline's cache-miss
path on it (:func:`..pipeline.analyse_and_store`: segmentation of an outline, ``analyze``, cache write) and
sends the result back. No UI imports here, none in the child.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

from ..model import Dispatch
from ..pipeline import Cancelled

#: A job for a text at least this long is killed when the reader no longer wants it (the process is then
#: restarted: ~1.5 s of model load in the background); a shorter one finishes and its result is dropped.
KILL_FROM_CHARS = 200_000


class AnalysisProcess:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Any = None

    def analyse(self, dispatch: Dispatch, cancelled: Callable[[], bool] = lambda: False) -> Dispatch:
        """Blocking: call from a worker thread. Raises on failure and :class:`Cancelled` (the reader moved on
        and the job was stopped)."""
        with self._lock:
            self._ensure()
            proc, conn = self._proc, self._conn
            try:
                # an outline (paragraphs only) is segmented again over there anyway: send just the text
                # and what names it (pickling 10^4 spans would hold the GIL here for tens of ms)
                conn.send(
                    dispatch
                    if dispatch.sentences or not dispatch.paragraphs
                    else (dispatch.text, dispatch.source, dispatch.encoding, dispatch.notes, dispatch.meta)
                )
                while not conn.poll(0.05):
                    if proc.poll() is not None:
                        raise RuntimeError(f"the analysis process stopped (exit code {proc.returncode})")
                    if cancelled() and len(dispatch.text) >= KILL_FROM_CHARS:
                        raise Cancelled()
                status, payload = conn.recv()
            except (EOFError, OSError) as exc:  # the process went away mid-job
                code = proc.poll()
                self._stop()
                raise RuntimeError(f"the analysis process stopped (exit code {code})") from exc
            except BaseException:
                self._stop()  # a half-done exchange: start clean next time
                raise
        if status != "ok":
            raise RuntimeError(payload)
        return payload

    def close(self) -> None:
        """Stop the process (the app is quitting). Does not wait for a running job."""
        self._stop()

    def _ensure(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            return
        self._stop()
        # A plain subprocess and a socket pair, not multiprocessing: its spawn re-imports the main module
        # and passes the parent's stderr descriptor, which Textual has replaced by then.
        import socket
        from multiprocessing.connection import Connection

        here, there = socket.socketpair()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        code = f"from dispatchtui.app.analyst import _child; _child({there.fileno()})"
        self._proc = subprocess.Popen(
            [sys.executable, "-c", code],
            pass_fds=[there.fileno()],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=True,
        )
        there.close()
        self._conn = Connection(here.detach())

    def _stop(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            try:
                conn.close()
            except OSError:
                pass
        if proc is not None and proc.poll() is None:
            proc.kill()
            try:
                proc.wait(1.0)
            except subprocess.TimeoutExpired:
                pass


def _child(fd: int) -> None:
    """Entry point of the analysis process (its standard streams are /dev/null)."""
    from multiprocessing.connection import Connection

    _serve(Connection(fd))


def _serve(conn) -> None:
    """The child: analyse what arrives until the connection closes."""
    from ..analysis import one_blas_thread
    from ..pipeline import analyse_and_store

    one_blas_thread()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if isinstance(job, tuple):
                from ..analysis import segment

                text, source, encoding, notes, meta = job
                job = segment(text, source=source, encoding=encoding, notes=notes, meta=meta)
            reply: tuple[str, Dispatch | str] = ("ok", analyse_and_store(job))
        except BaseException as exc:  # noqa: BLE001 - reported to the reader as a notice
            reply = ("error", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return
