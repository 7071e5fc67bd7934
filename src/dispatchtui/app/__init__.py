"""The Textual layer. Importing this package is cheap: Textual is imported inside :func:`run_app`."""

from __future__ import annotations

import os
import sys


def run_app(
    paths: list[str],
    lang: str | None = None,
    encoding: str | None = None,
    failed: list | None = None,
    roots: list[str] | None = None,
) -> int:
    """Open ``paths`` (folders, files, ``-`` for stdin) in the reader. Returns an exit code. ``failed``: the
    load errors of inputs the caller already gave up on (they are listed in the app too); ``roots``: the
    folders the user named (the folder index and the live folder follow them; default: the folders among
    ``paths``)."""
    from .. import load
    from ..paths import display_path, printable
    from .i18n import set_lang, tr

    set_lang(lang)
    files, errors = load.discover(paths)
    errors = [*(failed or ()), *errors]
    notices = [tr("load_error", path=display_path(e.path), reason=printable(e.reason)) for e in errors]
    if not files:
        for n in notices:  # an ESC or a byte that is not UTF-8 in a file name: written as \x1b, \xff
            print(n, file=sys.stderr)
        if not notices:
            print("dispatchtui: no dispatches found", file=sys.stderr)
        return 2
    preloaded = {}
    if "-" in files:
        preloaded[files.index("-")] = load.load_path("-", encoding)
        _reattach_tty()
    from .app import DispatchApp

    app = DispatchApp(
        files,
        lang=lang,
        encoding=encoding,
        loader=load,
        notices=notices,
        preloaded=preloaded,
        failed=[(display_path(e.path), printable(e.reason)) for e in errors],
        analysis_process=os.environ.get("DISPATCHTUI_ANALYSIS_THREAD") != "1",
        roots=roots if roots is not None else [p for p in paths if p != "-" and os.path.isdir(p)],
    )
    # Worker threads (reading a big file whole, search, the analysis with DISPATCHTUI_ANALYSIS_THREAD):
    # hand the GIL back to the event loop every 0.1 ms instead of 5 ms, or every keystroke and frame waits
    # behind them (the convoy effect).
    sys.setswitchinterval(0.0001)
    from ..analysis import one_blas_thread

    one_blas_thread()  # inherited by the analysis process
    try:
        result = app.run()
    finally:
        app.session.close()
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
