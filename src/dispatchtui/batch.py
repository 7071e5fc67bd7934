"""Running one job per file for ``extract``: in this process, or in worker processes that can be given a
time limit per file, with a progress line on a terminal.

A job is a picklable task and a function ``fn(task, on_stage) -> (path, result | None, reason | None,
...)``; ``on_stage(name)`` says which stage of the analysis it is in; ``failed(task, reason)`` makes the
result of a job that could not finish (default ``(path, None, reason)``). :func:`run` yields the results in the order
of the tasks, whatever order the workers finish in. With ``max_seconds``, a job that runs longer is given
up: its worker is killed (a fresh one takes the next task: ~1.5 s of model load) and the job's result is a
reason ("gave up after 30 s …"), so one huge or pathological file never holds the rest. No UI imports.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

Result = tuple  # (path, result | None, reason | None, ...): whatever the job returns
Failed = Callable[[Any, str], Result]


def _failed(task, reason: str) -> Result:
    return task[0], None, reason


Job = Callable[[Any, Callable[[str], None]], Result]

#: A progress line appears once a file has taken this long (short files never flash one).
PROGRESS_AFTER_SECONDS = 1.0
#: Workers dying before they are ready, in a row, after which the remaining files fail.
_MAX_FAILED_STARTS = 3
#: How often the parent wakes to watch deadlines and redraw the progress line.
_TICK = 0.2


class Progress:
    """One status line on a terminal (stderr), redrawn in place: ``12/1000 · huge.txt (15.9 MB) · people
    · 34 s``. Silent when the stream is not a terminal. :meth:`message` prints a line above it."""

    def __init__(
        self,
        stream: TextIO | None = None,
        total: int = 0,
        *,
        enabled: bool | None = None,
        shown: Callable[[str], str] = lambda s: s,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            try:
                enabled = self.stream.isatty() and os.environ.get("TERM") != "dumb"
            except (AttributeError, ValueError, OSError):
                enabled = False
        self.enabled = enabled
        self.total = total
        self.done = 0
        self._shown = shown
        self._drawn = False
        self._last = ""
        self._lock = threading.RLock()
        self._current: dict[int, tuple[str, float, str]] = {}  # slot → (path, started, stage)

    def start(self, slot: int, path: str) -> None:
        self._current[slot] = (path, time.monotonic(), "reading")

    def stage(self, slot: int, name: str) -> None:
        if slot in self._current:
            path, started, _ = self._current[slot]
            self._current[slot] = (path, started, name)
            self.draw()

    def finish(self, slot: int) -> None:
        self._current.pop(slot, None)
        self.done += 1
        if self._drawn:
            self.draw()

    def message(self, line: str) -> None:
        with self._lock:
            self.clear()
            print(line, file=self.stream, flush=True)

    def draw(self) -> None:
        if not self.enabled:
            return
        with self._lock:
            self._draw()

    def _draw(self) -> None:
        now = time.monotonic()
        slow = [
            (now - started, path, stage)
            for path, started, stage in list(self._current.values())
            if now - started >= PROGRESS_AFTER_SECONDS
        ]
        if not slow:
            self.clear()
            return
        took, path, stage = max(slow)
        count = f"{self.done + 1}/{self.total} · " if self.total > 1 else ""
        try:
            size = f" ({os.path.getsize(path) / 1048576:.1f} MB)" if path != "-" else ""
        except OSError:
            size = ""
        line = f"dispatchtui: {count}{self._shown(os.path.basename(path) or path)}{size} · {stage} · {took:.0f} s"
        line = line[: _width(self.stream) - 1]
        if self._drawn and line == self._last:
            return
        self._write("\r" + line + "\x1b[K")
        self._drawn, self._last = True, line

    def clear(self) -> None:
        with self._lock:
            if self._drawn:
                self._write("\r\x1b[K")
                self._drawn = False

    def _write(self, s: str) -> None:
        try:
            self.stream.write(s)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False


def _width(stream) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 80


def gave_up(seconds: float) -> str:
    return f"gave up after {seconds:g} s (--max-seconds); the other files go on"


def run(
    tasks: list,
    fn: Job,
    *,
    jobs: int = 1,
    max_seconds: float | None = None,
    progress: Progress | None = None,
    warm: Callable[[], None] | None = None,
    failed: Failed = _failed,
) -> Generator[Result, None, None]:
    """``fn`` over ``tasks``, results in task order (see the module's docstring). ``warm()`` runs once in
    each worker process before its first task (loading the model), outside every task's time limit."""
    progress = progress or Progress(enabled=False)
    progress.total = len(tasks)
    if max_seconds is None and (jobs <= 1 or len(tasks) < 2 * jobs):
        stop = threading.Event()

        def tick() -> None:  # the seconds keep counting during a long stage
            while not stop.wait(0.5):
                progress.draw()

        if progress.enabled:
            threading.Thread(target=tick, daemon=True, name="dispatchtui-progress").start()
        try:
            for task in tasks:
                progress.start(0, task[0])
                result = fn(task, lambda name: progress.stage(0, name))
                progress.finish(0)
                yield result
        finally:
            stop.set()
            progress.clear()
        return
    yield from _in_workers(tasks, fn, max(1, min(jobs, len(tasks))), max_seconds, progress, warm, failed)


@dataclass
class _Worker:
    process: Any
    conn: Any
    task: int | None = None  # index of the task it is working on
    started: float = 0.0
    ready: bool = False  # warmed up (the model loaded): a task's clock starts from here


def _in_workers(
    tasks: list,
    fn: Job,
    jobs: int,
    max_seconds: float | None,
    progress: Progress,
    warm: Callable[[], None] | None,
    failed: Failed,
) -> Iterator[Result]:
    """The scheduler: ``jobs`` forked workers, one task each at a time. This function is the reason the
    module exists; its loop reads as one piece (hand out, collect, give up, yield in order)."""
    import multiprocessing as mp
    from multiprocessing.connection import wait

    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    workers: list[_Worker] = []
    done: dict[int, Result] = {}
    next_task = next_out = failed_starts = 0
    try:
        while next_out < len(tasks):
            # hand out work to ready workers; start one (warming up: the clock starts once it is ready)
            # while there is more work than busy or warming workers
            for w in workers:
                if w.ready and w.task is None and next_task < len(tasks):
                    w.task, w.started = next_task, time.monotonic()
                    w.conn.send(tasks[next_task])
                    progress.start(id(w), tasks[next_task][0])
                    next_task += 1
            if len(workers) < jobs and next_task + sum(not w.ready for w in workers) < len(tasks):
                workers.append(_start(ctx, fn, warm, failed))
            for conn in wait([w.conn for w in workers], timeout=_TICK):
                w = next(w for w in workers if w.conn is conn)
                try:
                    kind, payload = w.conn.recv()
                except (EOFError, OSError):
                    w.process.join(1.0)
                    reason = f"the analysis process stopped (exit code {w.process.exitcode})"
                    if w.task is not None:
                        done[w.task] = failed(tasks[w.task], reason)
                    elif not w.ready:
                        failed_starts += 1
                        if failed_starts >= _MAX_FAILED_STARTS:  # no worker can start: fail the rest
                            for k in range(next_task, len(tasks)):
                                done[k] = failed(tasks[k], reason)
                            next_task = len(tasks)
                    _retire(w, workers, progress)
                    continue
                if kind == "ready":
                    w.ready = True
                    failed_starts = 0
                elif kind == "stage":
                    progress.stage(id(w), payload)
                elif w.task is not None:
                    done[w.task] = payload
                    progress.finish(id(w))
                    w.task = None
            if max_seconds is not None:
                now = time.monotonic()
                for w, task in [(w, w.task) for w in workers if w.task is not None and now - w.started > max_seconds]:
                    done[task] = failed(tasks[task], gave_up(max_seconds))
                    _retire(w, workers, progress)
            progress.draw()
            while next_out in done:
                result = done.pop(next_out)
                next_out += 1
                yield result
    finally:
        progress.clear()
        for w in workers:
            _stop(w)


def _start(ctx, fn: Job, warm: Callable[[], None] | None, failed: Failed) -> _Worker:
    here, there = ctx.Pipe()
    p = ctx.Process(target=_serve, args=(there, fn, warm, failed), daemon=True)
    p.start()
    there.close()
    return _Worker(p, here)


def _retire(w: _Worker, workers: list[_Worker], progress: Progress) -> None:
    progress.finish(id(w))
    _stop(w)
    workers.remove(w)


def _stop(w: _Worker) -> None:
    try:
        w.conn.close()
    except OSError:
        pass
    if w.process.is_alive():
        w.process.kill()
    w.process.join(2.0)


def _serve(conn, fn: Job, warm: Callable[[], None] | None, failed: Failed) -> None:
    """A worker: warm up, say so, then run tasks until the connection closes. Ctrl-C is the parent's to
    handle (it stops us)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if warm is not None:
        try:
            warm()
        except BaseException:  # noqa: BLE001 - a missing model fails each file with its reason instead
            pass
    try:
        conn.send(("ready", None))
    except (OSError, ValueError):
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = fn(task, lambda name: conn.send(("stage", name)))
        except BaseException as exc:  # noqa: BLE001 - reported as this file's failure
            result = failed(task, f"analysis failed ({type(exc).__name__}: {exc})")
        try:
            conn.send(("done", result))
        except (OSError, ValueError):
            return
