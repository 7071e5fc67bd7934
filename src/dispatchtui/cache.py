"""Analysis cache on disk: one JSON file per (analyser version, dispatch text).

The platform cache dir (``DISPATCHTUI_CACHE_DIR`` overrides). Entries are written atomically
(temp file + rename); a corrupt, half-written or foreign entry is ignored and rebuilt. The cache is
the only place dispatchtui writes; failures to write are silent (the cache is an optimisation).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from . import atomic
from .model import Dispatch, dispatch_from_json


def cache_dir() -> Path:
    override = os.environ.get("DISPATCHTUI_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("dispatchtui", appauthor=False))


def _key(text: str) -> str:
    from .analysis import ANALYSER_VERSION

    h = hashlib.sha256()
    from .analysis.parts import in_parts

    h.update(ANALYSER_VERSION.encode())
    # a huge text analysed in parts (extract, with worker processes) differs a little at the parts' edges from
    # the same text analysed whole (the reader): each way has its own entry
    h.update(b"\0parts\0" if in_parts(text) else b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _path(text: str) -> Path:
    k = _key(text)
    return cache_dir() / k[:2] / f"{k}.json"


def get(base: Dispatch) -> Dispatch | None:
    """The cached analysis of ``base.text``, with ``base``'s source/encoding/notes/meta and its headline and
    dateline (they follow the file format's metadata, which the text alone does not tell), or None."""
    if os.environ.get("DISPATCHTUI_NO_CACHE") == "1":
        return None
    p = _path(base.text)
    try:
        with open(p, encoding="utf-8") as fh:
            o = json.load(fh)
        if o.get("text_sha") != hashlib.sha256(base.text.encode("utf-8", "surrogatepass")).hexdigest():
            return None
        o["text"] = base.text
        d = dispatch_from_json(o)
    except Exception:  # noqa: BLE001 - any broken entry (truncated, foreign, deeply nested…) is a miss
        return None
    return d.with_(
        source=base.source,
        encoding=base.encoding,
        notes=base.notes,
        meta=base.meta,
        headline=base.headline,
        dateline=base.dateline,
    )


def put(d: Dispatch) -> None:
    if os.environ.get("DISPATCHTUI_NO_CACHE") == "1":
        return
    p = _path(d.text)
    o = d.to_json()
    # to_json rounds topic weights for the export; the cache must give back exactly what analyze() made.
    o["topics"] = [dict(t.to_json(), weight=t.weight) for t in d.topics]
    o["text_sha"] = hashlib.sha256(d.text.encode("utf-8", "surrogatepass")).hexdigest()
    del o["text"]
    try:
        atomic.write_text(p, json.dumps(o, ensure_ascii=False))
    except (OSError, ValueError):  # ValueError: UnicodeEncodeError (a lone surrogate), a value json refuses
        pass
