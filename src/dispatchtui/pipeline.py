"""One way from a path to an analysed dispatch: load → layout → cache lookup → analyse → store.

The command line (``extract``), the reader's analysis (in its process, :mod:`dispatchtui.app.analyst`, or
in a thread) and the folder index all go through here, so the cache key, the analyser version and the
stages are the same everywhere. No UI imports; the heavy modules load on first use.

Public API
----------
``analyse_path(path, encoding=None, *, use_cache=True, on_stage=None) -> Dispatch | LoadError``
    Read, decode, lay out and analyse one file (``-``: standard input; ``FEED#ID``: one entry of a feed).
    A file that cannot be read is a :class:`LoadError` value (``.path``, ``.reason``), never an exception;
    an exception means a bug of the analysis (the caller reports it).
``analyse_dispatch(base, *, use_cache=True, on_stage=None, cancelled=None) -> Dispatch``
    The analysis of a laid-out dispatch (from :func:`layout`, ``analysis.segment`` or ``analysis.outline``):
    the cached one if there is one, else :func:`analyse_and_store`.
``analyse_and_store(base, *, use_cache=True, on_stage=None, cancelled=None) -> Dispatch``
    The cache miss: ``analysis.analyze`` (an outline laid out fully), the result written to the cache.
``cached(base) -> Dispatch | None``
    The cached analysis of ``base``'s text (with ``base``'s source, notes and headline), or None. Cheap
    (about a millisecond); never raises.
``store(result) -> None``
    Write an analysis to the cache; an unwritable cache is skipped silently.
``load(path, encoding=None) -> Loaded | LoadError`` and ``layout(loaded, source=None) -> Dispatch``
    The first two steps on their own (the loader's :func:`~dispatchtui.load.load_path`; the layout with the
    file's encoding, notes and format metadata).
``Loaded``, ``LoadError``
    The loader's result types (from :mod:`dispatchtui.load`): tell them apart with ``isinstance``.
``Cancelled``
    Raised by the analysis when ``cancelled()`` turned true (checked as each stage starts).
``on_stage(name)``
    Called as each stage starts: ``"reading"``, ``"layout"``, then the stages of ``analysis.analyze``
    (the progress line of ``extract``).

The cache is an optimisation: a broken or unwritable cache is a miss, never an error. ``use_cache=False``
neither reads nor writes it (``DISPATCHTUI_NO_CACHE=1`` does the same, see :mod:`dispatchtui.cache`).
"""

from __future__ import annotations

from collections.abc import Callable

from .load import Loaded, LoadError
from .model import Dispatch

Stage = Callable[[str], None]


class Cancelled(Exception):
    """The caller no longer wants the result (its ``cancelled()`` said so)."""


def load(path: str, encoding: str | None = None) -> Loaded | LoadError:
    """Read, decode and normalize one dispatch (never raises: a bad file is a :class:`LoadError`)."""
    from .load import load_path

    return load_path(path, encoding)


def layout(loaded: Loaded, source: str | None = None) -> Dispatch:
    """The cheap, model-free layout of a loaded text (``source``: the name it goes by, default its path)."""
    from .analysis import segment

    return segment(
        loaded.text,
        source=loaded.path if source is None else source,
        encoding=loaded.encoding,
        notes=loaded.notes,
        meta=loaded.meta,
    )


def analyse_path(
    path: str, encoding: str | None = None, *, use_cache: bool = True, on_stage: Stage | None = None
) -> Dispatch | LoadError:
    """Load, lay out and analyse ``path`` (the cached analysis when there is one)."""
    stage = on_stage or _no_stage
    stage("reading")
    loaded = load(path, encoding)
    if isinstance(loaded, LoadError):
        return loaded
    stage("layout")
    return analyse_dispatch(_laid_out(loaded, path), use_cache=use_cache, on_stage=on_stage)


def _laid_out(loaded: Loaded, source: str) -> Dispatch:
    """:func:`layout`, or for a text analysed in parts only its outline: its sentences and repeats are
    found beside its parts (see ``analysis.analyze``), not before them."""
    from .analysis import outline
    from .analysis.parts import in_parts

    if not in_parts(loaded.text):
        return layout(loaded, source=source)
    return outline(loaded.text, source=source, encoding=loaded.encoding, notes=loaded.notes, meta=loaded.meta)


def analyse_dispatch(
    base: Dispatch,
    *,
    use_cache: bool = True,
    on_stage: Stage | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Dispatch:
    """The analysis of ``base``: from the cache, else computed and stored."""
    if use_cache:
        hit = cached(base)
        if hit is not None:
            return hit
    return analyse_and_store(base, use_cache=use_cache, on_stage=on_stage, cancelled=cancelled)


def analyse_and_store(
    base: Dispatch,
    *,
    use_cache: bool = True,
    on_stage: Stage | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Dispatch:
    """Analyse ``base`` without looking in the cache (the caller has), then store the result. An outline (a
    huge text painted at once) is laid out fully by ``analysis.analyze``."""
    from .analysis import analyze

    stage = _stages(on_stage, cancelled)
    if cancelled is not None and cancelled():
        raise Cancelled()
    result = analyze(base, on_stage=stage)
    if use_cache:
        store(result)
    return result


def cached(base: Dispatch) -> Dispatch | None:
    """The cached analysis of ``base.text`` for this analyser version, or None (a broken entry too)."""
    from . import cache

    try:
        return cache.get(base)
    except Exception:  # noqa: BLE001 - the cache is an optimisation: whatever is wrong with it is a miss
        return None


def store(result: Dispatch) -> None:
    """Write an analysis to the cache; an unwritable cache (or entry) is silently skipped."""
    from . import cache

    try:
        cache.put(result)
    except Exception:  # noqa: BLE001 - the cache is an optimisation
        pass


def _no_stage(name: str) -> None:
    pass


def _stages(on_stage: Stage | None, cancelled: Callable[[], bool] | None) -> Stage | None:
    """``on_stage``, raising :class:`Cancelled` first when ``cancelled()`` has turned true."""
    if cancelled is None:
        return on_stage

    def stage(name: str) -> None:
        if cancelled():
            raise Cancelled()
        if on_stage is not None:
            on_stage(name)

    return stage


__all__ = [
    "Cancelled",
    "LoadError",
    "Loaded",
    "analyse_and_store",
    "analyse_dispatch",
    "analyse_path",
    "cached",
    "layout",
    "load",
    "store",
]
