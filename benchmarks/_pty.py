"""Launch a terminal program in a pseudo-terminal and time how long until some text is on its screen.

Both the bare Textual app and dispatchtui are launched the same way (a fresh interpreter in a fresh pty of
the same size); the clock runs from just before the fork until the needle appears in the output stream
(escape sequences stripped), which is what a person sees as the first paint.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time

_ESC = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


def time_to_text(
    argv: list[str],
    needle: str,
    *,
    env: dict | None = None,
    cols: int = 140,
    rows: int = 40,
    timeout: float = 30.0,
    rss_after: float | None = None,
) -> tuple[float, int | None]:
    """Seconds until ``needle`` shows up in the program's terminal output, and its RSS (KiB) at that moment
    (or ``rss_after`` seconds later). Raises TimeoutError if it never does."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        try:
            os.execvpe(
                argv[0],
                argv,
                {**os.environ, **(env or {}), "TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows)},
            )
        finally:
            os._exit(127)
    start = time.perf_counter()
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    want = needle.encode("utf-8")
    buf = b""
    found_at = None
    rss = None
    try:
        while True:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(f"{needle!r} did not appear within {timeout}s: {argv}")
            r, _, _ = select.select([fd], [], [], min(left, 0.05))
            if r:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    raise TimeoutError(f"program exited before showing {needle!r}: {argv}") from None
                if not chunk:
                    raise TimeoutError(f"program exited before showing {needle!r}: {argv}")
                # Answer terminal queries the way a terminal would, so the app does not wait on them.
                if b"\x1b[c" in chunk or b"\x1b[>c" in chunk:
                    os.write(fd, b"\x1b[?62;c")
                buf += chunk
                plain = _ESC.sub(b"", buf)
                if want in plain:
                    found_at = time.perf_counter() - start
                    break
        if rss_after:
            end = time.perf_counter() + rss_after
            while time.perf_counter() < end:
                r, _, _ = select.select([fd], [], [], 0.05)
                if r:
                    try:
                        os.read(fd, 65536)
                    except OSError:
                        break
        rss = _rss_kib(pid)
        return found_at, rss
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        os.close(fd)


def _rss_kib(pid: int) -> int | None:
    """Resident set of the process and its children (the app may fork workers), in KiB."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None
