"""A live folder: files created, rewritten or removed under the library's folders, reported in batches.

``watchfiles`` (inotify and its kin) in a thread of its own; where the system has no usable notification
(inotify's watch limit, a network mount, a container without it) the same watch by polling. Paths come
back spelled as the loader spelled them (under the folder as given, not resolved), so they match the
session's. No Textual here: ``on_change`` gets plain sets and the app hands them to the event loop.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass
class Changes:
    added: set[str] = field(default_factory=set)
    modified: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.added or self.modified or self.removed)


def is_dispatch_file(path: str) -> bool:
    """Would the loader's folder walk take this file (a dispatch's suffix, no hidden part)?"""
    from .. import load

    parts = path.replace(os.sep, "/").split("/")
    if any(p.startswith(".") and p not in (".", "..") for p in parts):
        return False
    check = getattr(load, "_is_dispatch_name", None)
    return bool(check(os.path.basename(path))) if check is not None else path.endswith(".txt")


class FolderWatcher:
    """Watch ``roots`` (folders) and call ``on_change(Changes)`` from the watcher thread, a batch at a time.
    ``force_polling``: poll even where notifications work (tests; ``DISPATCHTUI_POLL=1``)."""

    #: how long a burst of events is gathered into one batch (ms)
    DEBOUNCE_MS = 300
    POLL_MS = 700

    def __init__(
        self, roots: Iterable[str], on_change: Callable[[Changes], None], *, force_polling: bool | None = None
    ) -> None:
        self.roots = [r for r in roots if os.path.isdir(r)]
        self.on_change = on_change
        if force_polling is None:
            force_polling = os.environ.get("DISPATCHTUI_POLL") == "1"
        self.force_polling = force_polling
        self.polling = force_polling
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: why watching stopped (None while it works)
        self.error: str | None = None
        self._abs = [(os.path.realpath(r), r) for r in self.roots]

    def start(self) -> bool:
        if not self.roots:
            return False
        try:
            import watchfiles  # noqa: F401
        except ImportError:
            self.error = "watchfiles is not installed"
            return False
        self._thread = threading.Thread(target=self._run, name="dispatchtui-watch", daemon=True)
        self._thread.start()
        return True

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def _run(self) -> None:
        from watchfiles import watch

        while not self._stop.is_set():
            try:
                for batch in watch(
                    *self.roots,
                    stop_event=self._stop,
                    debounce=self.DEBOUNCE_MS,
                    step=50,
                    force_polling=self.polling,
                    poll_delay_ms=self.POLL_MS,
                    raise_interrupt=False,
                    recursive=True,
                    ignore_permission_denied=True,
                ):
                    changes = self._classify(batch)
                    if changes:
                        self.on_change(changes)
                return
            except Exception as exc:  # noqa: BLE001 - no inotify (limit, mount): poll instead, once
                if self.polling:
                    self.error = f"{type(exc).__name__}: {exc}"
                    return
                self.polling = True

    def _spelled(self, path: str) -> str:
        """An absolute path from the watcher as the loader spells it (under the root as given)."""
        for real, given in self._abs:
            if path == real or path.startswith(real + os.sep):
                rel = os.path.relpath(path, real)
                return given if rel == "." else os.path.join(given, rel)
        return path

    def _classify(self, batch) -> Changes:
        from watchfiles import Change

        out = Changes()
        for change, raw in batch:
            path = self._spelled(raw)
            if not is_dispatch_file(path):
                continue
            if change == Change.deleted:
                out.removed.add(path)
                out.added.discard(path)
                out.modified.discard(path)
            elif change == Change.added:
                out.added.add(path)
                out.removed.discard(path)
            else:
                out.modified.add(path)
        for path in list(out.added | out.modified):  # gone again, or not a regular file: not a dispatch
            try:
                regular = os.path.isfile(path)
            except OSError:
                regular = False
            if not regular:
                out.added.discard(path)
                out.modified.discard(path)
                if not os.path.lexists(path):
                    out.removed.add(path)
        out.modified -= out.added
        return out
