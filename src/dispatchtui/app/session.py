"""What the app holds about the open library: paths, cheap peeks, cached texts and dispatches.

The app never does NLP: texts come from the loader, layout from ``analysis.outline``/``segment`` and the
heavy part from :mod:`..pipeline` (the on-disk cache, ``analysis.analyze``) — all injectable, so tests can
pass fakes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import pipeline
from ..cite import direct_count
from ..load import Loaded, LoadError
from ..model import Dispatch, Span

Analyser = Callable[[Dispatch], Dispatch]
Segmenter = Callable[..., Dispatch]


@dataclass(frozen=True)
class Row:
    """What the library list shows for one path (from ``peek``; refined once a dispatch is loaded)."""

    path: str
    headline: str
    place: str | None = None
    date: str | None = None
    agency: str | None = None
    error: str | None = None
    #: the headline is the file name (display_path: one printable line, shown as it is)
    named: bool = False


def _default_segmenter(
    text: str, *, source: str = "-", encoding: str = "utf-8", notes: tuple[str, ...] = (), meta=None
) -> Dispatch:
    from ..analysis import segment

    return segment(text, source=source, encoding=encoding, notes=notes, meta=meta)


def fallback_layout(
    text: str, *, source: str = "-", encoding: str = "utf-8", notes: tuple[str, ...] = (), meta=None
) -> Dispatch:
    """Used only when the real layout fails: blocks separated by blank lines, nothing else."""
    import re

    paras = [Span(m.start(), m.end()) for m in re.finditer(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*", text)]
    return Dispatch(text=text, source=source, encoding=encoding, paragraphs=tuple(paras), notes=notes, meta=meta)


class Session:
    TEXT_CACHE = 64

    def __init__(
        self,
        paths: list[str],
        *,
        encoding: str | None = None,
        loader: Any = None,
        segmenter: Segmenter | None = None,
        analyser: Analyser | None = None,
        analysis_process: bool = False,
    ) -> None:
        if loader is None:
            from .. import load as loader
        self.loader = loader
        self.paths = list(paths)
        self.encoding = encoding
        self.segmenter = segmenter or _default_segmenter
        #: the real layout: an outline first (no razdel before the first paint), segmented with the analysis;
        #: an injected segmenter is used as it is
        self._outline_first = segmenter is None
        #: None: the real analysis (:mod:`..pipeline`, the on-disk cache first); an injected analyser is
        #: never bypassed by the cache
        self.analyser = analyser
        #: run the real analysis in a process of its own (the reader; see :mod:`.analyst`)
        self._process = None
        if analysis_process and analyser is None:
            from .analyst import AnalysisProcess

            self._process = AnalysisProcess()
        self._peeks: dict[int, Row] = {}
        self._texts: OrderedDict[int, Loaded | LoadError] = OrderedDict()
        self._layouts: OrderedDict[int, Dispatch] = OrderedDict()
        self._analysed: OrderedDict[int, Dispatch] = OrderedDict()  # LRU: see ANALYSED_CACHE
        self._outlined: set[int] = set()  # layouts that are only an outline (not yet segmented)
        self._previews: set[int] = set()  # layouts of the beginning of a big file only
        self.counts: dict[int, tuple[int, int]] = {}
        self.layout_errors: dict[int, str] = {}
        self._lock = threading.RLock()
        #: folded full texts for the library search, filled in the background (:meth:`build_index`)
        self.search_texts: dict[int, str] = {}
        #: the library's current order (filter / search results); the reader walks it with ] and [
        self.view: list[int] = list(range(len(self.paths)))

    def __len__(self) -> int:
        return len(self.paths)

    # -------------------------------------------------------------- a live folder
    def add_paths(self, paths: list[str]) -> list[int]:
        """Files that arrived while the app runs: appended (every index stays valid). Returns their indices."""
        with self._lock:
            start = len(self.paths)
            self.paths.extend(paths)
            return list(range(start, len(self.paths)))

    def forget(self, i: int) -> None:
        """Path ``i`` changed on disk: what was read, laid out and analysed of it is dropped (read again when
        it is next shown; the on-disk analysis cache is keyed by the text, so a new text is a miss)."""
        with self._lock:
            self._peeks.pop(i, None)
            self._texts.pop(i, None)
            self._layouts.pop(i, None)
            self._analysed.pop(i, None)
            self._outlined.discard(i)
            self._previews.discard(i)
            self.counts.pop(i, None)
            self.search_texts.pop(i, None)

    # -------------------------------------------------------------- cheap
    def row(self, i: int) -> Row:
        with self._lock:
            row = self._peeks.get(i)
        if row is not None:
            return row
        path = self.paths[i]
        try:
            p = self.loader.peek(path) if path != "-" else None
        except Exception as exc:  # noqa: BLE001 - the loader promises not to raise; be safe anyway
            p = None
            row = Row(path, _basename(path), error=str(exc), named=True)
        if row is None:
            if p is None:
                row = Row(path, _basename(path) if path != "-" else "stdin", named=True)
            elif isinstance(p, LoadError):
                row = Row(path, _basename(path), error=str(p.reason), named=True)
            else:
                headline = (p.headline or "").strip()
                row = Row(path, headline or _basename(path), p.place, p.date, p.agency, named=not headline)
        with self._lock:
            self._peeks[i] = row
        return row

    def set_text(self, i: int, loaded: Loaded | LoadError) -> None:
        """Pre-seed a text (stdin is read before the app starts)."""
        with self._lock:
            self._texts[i] = loaded

    def text(self, i: int) -> Loaded | LoadError:
        """The loader's ``Loaded`` or ``LoadError`` for path ``i`` (cached, LRU)."""
        with self._lock:
            if i in self._texts:
                self._texts.move_to_end(i)
                return self._texts[i]
        path = self.paths[i]
        try:
            loaded = self.loader.load_path(path, self.encoding)
        except Exception as exc:  # noqa: BLE001 - a file that fails to load becomes a row's notice
            loaded = LoadError(path, str(exc))
        with self._lock:
            self._texts[i] = loaded
            while len(self._texts) > self.TEXT_CACHE:
                k, _ = self._texts.popitem(last=False)
                if self.paths[k] == "-":  # stdin cannot be read twice: keep it
                    self._texts[k] = _
                    self._texts.move_to_end(k, last=False)
                    break
        return loaded

    def layout(self, i: int, *, preview: bool = False) -> Dispatch | str:
        """The segmented dispatch (cheap), or an error message.

        ``preview``: a big file not read yet may answer with the outline of its beginning only (see
        :func:`load.load_preview`) — :meth:`is_preview` says so, and :meth:`layout` without ``preview``
        (in a worker) then reads the whole file."""
        with self._lock:
            if i in self._analysed:
                self._analysed.move_to_end(i)
                return self._analysed[i]
            if i in self._layouts and (preview or i not in self._previews):
                return self._layouts[i]
            known = i in self._texts
        load_preview = getattr(self.loader, "load_preview", None)
        if preview and not known and load_preview is not None and self._outline_first:
            try:
                head = load_preview(self.paths[i], self.encoding)
            except Exception:  # noqa: BLE001 - the loader promises not to raise; the full load will tell
                head = None
            if head is not None and not isinstance(head, LoadError):
                from ..analysis import outline

                try:
                    d = outline(head.text, source=head.path, encoding=head.encoding or "utf-8", notes=tuple(head.notes))
                except Exception:  # noqa: BLE001 - the full layout will run (and report) anyway
                    d = None
                if d is not None:
                    with self._lock:
                        self._previews.add(i)
                        self._layouts[i] = d
                    return d
        with self._lock:
            self._previews.discard(i)
        loaded = self.text(i)
        if isinstance(loaded, LoadError):
            return str(loaded.reason)
        kwargs: dict[str, Any] = dict(
            source=loaded.path, encoding=loaded.encoding or "utf-8", notes=tuple(loaded.notes)
        )
        if loaded.meta is not None:  # a wire format's headline and dateline (an injected segmenter gets it too)
            kwargs["meta"] = loaded.meta
        # The default layout is an outline (paragraphs, headline, dateline: linear, no razdel), so the first
        # paint never waits for razdel; the full segmentation (sentences, repeats) comes with the analysis.
        quick = self._outline_first
        try:
            if quick:
                from ..analysis import outline

                d = outline(loaded.text, **kwargs)
            else:
                d = self.segmenter(loaded.text, **kwargs)
        except Exception as exc:  # noqa: BLE001 - a failed layout falls back to the plain one
            self.layout_errors[i] = f"{type(exc).__name__}: {exc}"
            d = fallback_layout(loaded.text, **kwargs)
            quick = False
        with self._lock:
            if quick:
                self._outlined.add(i)
            else:
                self._outlined.discard(i)
            self._layouts[i] = d
            while len(self._layouts) > self.TEXT_CACHE:
                self._layouts.popitem(last=False)
        return d

    def is_preview(self, i: int) -> bool:
        """Is the layout of ``i`` only the beginning of the file (the whole text is not read yet)?"""
        with self._lock:
            return i in self._previews

    def build_index(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        """Keep every text folded in memory for the full-text search (a worker thread, started once the
        list is on screen; 10,000 dispatches ≈ 100 MB). Rows stay unpeeked until they are shown."""
        from ..search import fold

        for i, path in enumerate(self.paths):
            if cancelled():
                return
            if i in self.search_texts:
                continue
            with self._lock:
                loaded = self._texts.get(i)
            if loaded is None:
                try:
                    loaded = self.loader.load_path(path, self.encoding) if path != "-" else self.text(i)
                except Exception:  # noqa: BLE001 - the loader promises not to raise; be safe anyway
                    continue
            if not isinstance(loaded, LoadError):
                self.search_texts[i] = fold(loaded.text)
        try:  # the lemma-aware matcher's dictionaries, so the first query does not wait for them
            from ..search import lemmas

            lemmas("поиска")
        except Exception:  # noqa: BLE001
            pass

    # -------------------------------------------------------------- heavy (worker thread)
    def analysed(self, i: int) -> Dispatch | None:
        with self._lock:
            return self._analysed.get(i)

    def cached(self, i: int, dispatch: Dispatch) -> Dispatch | None:
        """The analysis from the on-disk cache (the real analysis only; cheap), else None."""
        if self.analyser is not None:
            return None
        hit = pipeline.cached(dispatch)
        if hit is not None:
            with self._lock:
                self._keep_analysed(i, hit)
                self.counts[i] = (direct_count(hit), len(hit.speakers))
        return hit

    #: analysed dispatches kept in memory (flipping through a 10,000-dispatch folder must not keep them
    #: all); an evicted one comes back from the on-disk cache in about a millisecond
    ANALYSED_CACHE = 256

    def _keep_analysed(self, i: int, d: Dispatch) -> None:
        """Call with the lock held."""
        self._analysed[i] = d
        self._analysed.move_to_end(i)
        while len(self._analysed) > self.ANALYSED_CACHE:
            self._analysed.popitem(last=False)

    def close(self) -> None:
        """Stop the analysis process, if any."""
        if self._process is not None:
            self._process.close()

    def analyse(self, i: int, dispatch: Dispatch, cancelled: Callable[[], bool] = lambda: False) -> Dispatch:
        """Run the analyser (may raise). Call from a worker thread. ``cancelled``: the caller no longer
        wants the result (a long job in the analysis process is then stopped)."""
        with self._lock:
            outlined = i in self._outlined
        if outlined and self.analyser is not None and not dispatch.sentences:
            # a huge text painted from its outline: segment it now (the pipeline does this itself, after
            # looking in the cache)
            extra = {"meta": dispatch.meta} if dispatch.meta is not None else {}
            dispatch = self.segmenter(
                dispatch.text, source=dispatch.source, encoding=dispatch.encoding, notes=dispatch.notes, **extra
            )
        if self._process is not None:
            result = self._process.analyse(dispatch, cancelled)
        elif self.analyser is not None:
            result = self.analyser(dispatch)
        else:
            result = pipeline.analyse_dispatch(dispatch)
        with self._lock:
            self._keep_analysed(i, result)
            self.counts[i] = (direct_count(result), len(result.speakers))
        return result


def _basename(path: str) -> str:
    """The file name as the library shows it (see :func:`..paths.display_path`)."""
    import os

    from ..paths import display_path

    return display_path(os.path.basename(path.rstrip("/")) or path)
