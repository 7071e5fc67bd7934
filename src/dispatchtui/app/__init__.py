"""The Textual layer. Importing this package is cheap: Textual is imported inside :func:`run_app`."""
from __future__ import annotations

import os
import sys


def run_app(paths: list[str], lang: str | None = None, encoding: str | None = None) -> int:
    """Open ``paths`` (folders, files, ``-`` for stdin) in the reader. Returns an exit code."""
    from .. import load
    from .i18n import set_lang, tr

    set_lang(lang)
    files, errors = load.discover(paths)
    notices = [tr("load_error", path=e.path, reason=e.reason) for e in errors]
    if not files:
        for n in notices:
            print(n, file=sys.stderr)
        if not notices:
            print("dispatchtui: no dispatches found", file=sys.stderr)
        return 2
    preloaded = {}
    if "-" in files:
        preloaded[files.index("-")] = load.load_path("-", encoding)
        _reattach_tty()
    from .app import DispatchApp

    app = DispatchApp(files, lang=lang, encoding=encoding, loader=load, notices=notices, preloaded=preloaded)
    result = app.run()
    return int(result or 0) if app.return_code in (None, 0) else int(app.return_code or 1)


def _reattach_tty() -> None:
    """After reading a dispatch from a pipe, take keyboard input from the terminal again."""
    if sys.stdin is not None and sys.stdin.isatty():
        return
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = sys.__stdin__ = os.fdopen(0, "r", closefd=False)  # type: ignore[misc]


__all__ = ["run_app"]
