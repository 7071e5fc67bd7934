"""Writing a file so that whoever reads it sees the old content or the new one, never half of either.

The one implementation for the analysis cache, the config file and any stored index: a temp file in the same
folder (so the rename stays on one file system), then :func:`os.replace`. Pure standard library; imports
nothing of the package.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically, creating its folder. Raises :class:`OSError` (and
    :class:`ValueError` for text UTF-8 cannot encode, a lone surrogate); no temp file is left behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
