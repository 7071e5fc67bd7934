"""The reader: article on the left, Speakers / Quotes / Topics on the right, status line below."""

from __future__ import annotations

import threading
from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.worker import Worker, get_current_worker

from ...model import Dispatch
from ...paths import display_path, near
from ..commands import READER, PaletteCommand, localize, make_bindings
from ..i18n import tr
from ..session import Session
from ..widgets.article import ArticleView
from ..widgets.findbar import FindBar
from ..widgets.footer import KeyFooter
from ..widgets.panels import Entry, Panel, PanelSlot, quote_rows, quote_speaker_label, speaker_rows, topic_rows
from ..widgets.safe import one_line, shorten

PANES = ("article", "speakers", "quotes", "topics")


class WorkerResult(Message, bubble=False):
    """What a worker of the reader found, posted to the reader. Stale when its worker was cancelled meanwhile
    (the reader showed another dispatch, or a newer search replaced it)."""

    def __init__(self, worker: Worker) -> None:
        super().__init__()
        self.worker = worker

    @property
    def stale(self) -> bool:
        return self.worker.is_cancelled


class WholeText(WorkerResult):
    """A big file read whole and laid out (``whole``: the dispatch, or why it cannot be shown)."""

    def __init__(self, worker: Worker, index: int, whole: Dispatch | str, wrapped=None) -> None:
        super().__init__(worker)
        self.index, self.whole, self.wrapped = index, whole, wrapped


class Analysed(WorkerResult):
    """The analysis of dispatch ``index`` (or the exception it raised)."""

    def __init__(self, worker: Worker, index: int, result: Dispatch | BaseException) -> None:
        super().__init__(worker)
        self.index, self.result = index, result


class Found(WorkerResult):
    """The matches of ``query`` in a text too big to search on the event loop."""

    def __init__(self, worker: Worker, query: str, matches: list[tuple[int, int]]) -> None:
        super().__init__(worker)
        self.query, self.matches = query, matches


class ReaderScreen(Screen[None]):
    COMMAND_TABLE = READER
    BINDINGS = make_bindings(READER)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    AUTO_FOCUS = "ArticleView"

    def __init__(self, session: Session, index: int, *, find: str | None = None) -> None:
        super().__init__(id="reader")
        localize(self, READER)
        self.session = session
        self.index = index
        self.dispatch: Dispatch | None = None
        self.state = "analysing"  # analysing | ready | failed
        self._initial_find = find
        self.matches: list[tuple[int, int]] = []
        self.current_match: int | None = None
        self._last_pick: tuple[str, str | int] | None = None
        self._step = 0
        self._panels = {name: Panel(name, n, id=name) for n, name in enumerate(PANES[1:], start=2)}
        for name, empty in (("speakers", "no_speakers"), ("quotes", "no_quotes"), ("topics", "no_topics")):
            self._panels[name].empty_key = empty
        self._pending_focus: str | None = None
        from ...config import load_measure

        self._measure = load_measure()
        #: set once the first frame is on screen (the worker waits for it before heavy work)
        self._painted = threading.Event()
        # the breakpoint class for the current width now, so the first Resize finds it set and does not
        # restyle every widget of the screen a second time before the first paint
        try:
            width = self.app.size.width
        except Exception:  # noqa: BLE001 - no app yet: the first Resize sets it
            width = 0
        if width:
            self.add_class(*self._get_breakpoint_classes(width, self.HORIZONTAL_BREAKPOINTS))

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="article-pane"):
                yield ArticleView(id="article")
                yield FindBar(id="findbar")
            with Vertical(id="side"):
                # light stand-ins for the first frame; the panels themselves are mounted right after it
                # (until then they are filled unmounted: see panel())
                for name in PANES[1:]:
                    yield PanelSlot(self._panels[name])
        yield Static(Content(""), id="status")
        yield KeyFooter()

    #: the article gets fewer lines than this with the panels below it: the panels step aside
    MIN_ARTICLE_LINES = 10
    #: the side panels' width when the article is narrower than its measure
    SIDE_WIDTH = 44

    def on_resize(self, event) -> None:
        self._fit_layout(event.size.width, event.size.height)

    def _fit_layout(self, width: int, height: int) -> None:
        """Wide screens: the article stops at its measure (about 100 columns) and the panels take the rest.
        Small ones (panels below the article): the panels hide when the article would get too few lines."""
        side = self.query_one("#side")
        narrow = width < self.HORIZONTAL_BREAKPOINTS[1][0]
        measure = self.article.measure
        wanted: int | None = None  # None: the stylesheet's width
        if measure and not narrow:
            # the article's box: border 2 + padding 2 + scrollbar gutter
            overhead = 4 + (self.article.styles.scrollbar_size_vertical or 1)
            if width - self.SIDE_WIDTH - overhead > measure:
                wanted = width - measure - overhead
        current = side.styles.inline.width
        if (None if current is None else current.value) != wanted:
            side.styles.width = wanted
        body = height - 2  # the status line and the key line
        self.set_class(narrow and body * 3 // 5 - 2 < self.MIN_ARTICLE_LINES, "-small")

    def on_mount(self) -> None:
        self.article.measure = self._measure
        size = self.app.size  # a real terminal sends no Resize for the first screen
        if size.width:
            self._fit_layout(size.width, size.height)
        self.article.border_title = f"1 {tr('article')}"
        self.show(self.index)
        self.call_after_refresh(self._mount_panels)
        if self._initial_find:
            self.call_after_refresh(self.action_open_find, self._initial_find)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def findbar(self) -> FindBar:
        return self.query_one(FindBar)

    def panel(self, name: str) -> Panel:
        """The Speakers / Quotes / Topics panel (it may not be mounted yet: an OptionList can be filled
        before it is, and shows what it holds when it is)."""
        return self._panels[name]

    async def _mount_panels(self) -> None:
        """After the first paint: the real panels replace their stand-ins, in one frame; then the worker
        may start its heavy work (see _analyse)."""
        side = self.query_one("#side")
        try:
            with self.app.batch_update():
                for name in PANES[1:]:
                    slot = side.query_one(f"#{name}-slot")
                    await side.mount(self._panels[name], before=slot)
                    await slot.remove()
        finally:
            self.call_after_refresh(self._painted.set)
        if self._pending_focus is not None:
            self.action_focus_pane(self._pending_focus)
            self._pending_focus = None

    # ------------------------------------------------------------------ showing a dispatch
    def show(self, index: int) -> None:
        """Paint dispatch ``index`` at once (layout only), then analyse it in a worker."""
        self.index = index
        shown = getattr(self.app, "dispatch_shown", None)
        if shown is not None:
            shown(index)
        # what the workers are doing for the dispatch shown until now is no longer wanted (a long job in the
        # analysis process is stopped; see Session.analyse)
        self.workers.cancel_group(self, "analysis")
        self.workers.cancel_group(self, "find")
        self._last_pick = None
        self.matches, self.current_match = [], None
        result = self.session.layout(index, preview=True)
        if isinstance(result, str):
            self.dispatch = None
            self.article.set_dispatch(None)
            self._load_failed(index, result)
            return
        self._layout_notice(index)
        self.dispatch = result
        self.article.set_dispatch(result)
        if self._query:  # the search in force carries over to the next dispatch
            self._run_find(self._query)
        if result.analysed:
            self.state = "ready"
            self._fill_panels()
        else:
            # a big file shows its beginning at once; the worker reads it whole, then analyses it
            self.state = "loading" if self.session.is_preview(index) else "analysing"
            for name in PANES[1:]:
                self.panel(name).show_state("analysing")
            self._analyse(index, result)
        self._update_status()

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _analyse(self, index: int, dispatch: Dispatch) -> None:
        """Worker: read a big file whole (a preview was painted), then analyse the dispatch; each result is
        posted to the reader (:class:`WholeText`, :class:`Analysed`). Leaving the dispatch cancels it."""
        worker = get_current_worker()
        # The first frame is being built and written (event loop + the driver's writer thread): reading a
        # big file now, or the model in a thread (DISPATCHTUI_ANALYSIS_THREAD), would take the GIL from
        # them. Wait until it is painted and the panels are mounted. (Starting the worker itself after the
        # first refresh instead shows a Textual OptionList glitch in the panels.)
        self._painted.wait(2.0)
        if self.session.is_preview(index):
            try:
                whole: Dispatch | str = self.session.layout(index)  # the whole file: read, decoded, outlined
            except Exception as exc:  # noqa: BLE001 - the session promises not to raise; be safe anyway
                whole = f"{type(exc).__name__}: {exc}"
            if worker.is_cancelled:
                return
            wrapped = None
            if not isinstance(whole, str) and self.article.wrap_width:
                from ..widgets.article import Wrapped

                wrapped = Wrapped(whole, self.article.wrap_width)  # ~0.2 s for 5 MB: not on the event loop
            if worker.is_cancelled:
                return
            self.post_message(WholeText(worker, index, whole, wrapped))
            if isinstance(whole, str):
                return
            dispatch = whole
        try:
            result: Dispatch | BaseException | None = self.session.cached(index, dispatch)
            if result is None:
                result = self.session.analyse(index, dispatch, lambda: worker.is_cancelled)
        except Exception as exc:  # noqa: BLE001 - whatever the analysis raises is a notice, never a crash
            result = exc
        if not worker.is_cancelled:
            self.post_message(Analysed(worker, index, result))

    def _load_failed(self, index: int, reason: str) -> None:
        self.state = "failed"
        self.article.set_message(tr("cannot_show", reason=reason))  # stays in the pane, not only a toast
        for name in PANES[1:]:
            self.panel(name).show_state("analysis_failed")
        self.app.notify(
            tr("load_error", path=display_path(near(self.session.paths[index])), reason=reason),
            severity="error",
            markup=False,
        )
        self._update_status()

    def _layout_notice(self, index: int) -> None:
        """The layout failed and the text is shown as plain blocks: say so (once)."""
        if index in self.session.layout_errors:
            self.app.notify(
                tr("layout_error", error=self.session.layout_errors.pop(index)), severity="warning", markup=False
            )

    @on(WholeText)
    def _whole_text(self, message: WholeText) -> None:
        """The whole text of a dispatch painted from its beginning: the view stays where the reader is."""
        index, whole = message.index, message.whole
        if message.stale or index != self.index:
            return
        if isinstance(whole, str):
            self._load_failed(index, whole)
            return
        self._layout_notice(index)
        self.dispatch = whole
        self.article.set_dispatch(whole, keep_scroll=True, wrapped=message.wrapped)
        self.state = "analysing"
        if self._query:
            self._run_find(self._query)
        self._update_status()

    @on(Analysed)
    def _analysed(self, message: Analysed) -> None:
        result = message.result
        if message.stale or message.index != self.index:
            return  # the user moved on
        if isinstance(result, BaseException):
            self.state = "failed"
            for name in PANES[1:]:
                self.panel(name).show_state("analysis_failed")
            self.app.notify(
                tr("analysis_error", error=f"{type(result).__name__}: {result}"), severity="warning", markup=False
            )
            self._update_status()
            return
        self.state = "ready"
        highlight = self.article.highlight
        self.dispatch = result
        self.article.set_dispatch(result, keep_scroll=True)
        if highlight:
            self.article.set_highlight(highlight)
        if self.matches:
            self.article.set_matches(self.matches, self.current_match)
        self._fill_panels()
        self._update_status()

    def _fill_panels(self) -> None:
        d = self.dispatch
        assert d is not None
        self.panel("speakers").show_entries(speaker_rows(d))
        self._fill_quotes()
        self.panel("topics").show_entries(topic_rows(d))

    #: the Quotes panel lists direct statements only (r toggles; reported ones and questions hidden)
    direct_only = False

    def _fill_quotes(self) -> None:
        d = self.dispatch
        if d is None or not d.analysed:
            return
        panel = self.panel("quotes")
        panel.empty_key = "no_direct_quotes" if self.direct_only and d.quotes else "no_quotes"
        panel.border_title = f"{panel.number} {tr('quotes')}" + (f" · {tr('direct_only')}" if self.direct_only else "")
        panel.show_entries(quote_rows(d, direct_only=self.direct_only))

    def action_toggle_statements(self) -> None:
        self.direct_only = not self.direct_only
        self._fill_quotes()

    def _update_status(self) -> None:
        view = self.session.view if self.index in self.session.view else list(range(len(self.session)))
        pos = view.index(self.index) + 1 if self.index in view else 0
        parts: list = [(f"{pos}/{len(view)}", "bold"), "  ", (display_path(near(self.session.paths[self.index])), "")]
        d = self.dispatch
        if d is not None and d.dateline is not None:
            bits = [b for b in (d.dateline.place, d.dateline.date, d.dateline.agency) if b]
            if bits:
                parts += ["  ", (one_line(", ".join(bits)), "$text-accent")]
        if self.state in ("analysing", "loading"):
            parts += ["  ", (tr(self.state), "italic $text-muted")]
        if self._query and not self.findbar.is_open:  # the search in force, with the bar closed
            count = f"{(self.current_match or 0) + 1}/{len(self.matches)}" if self.matches else tr("no_matches")
            parts += ["  ", (one_line(tr("find_status", query=self._query, count=count)), "$text-warning")]
        self.query_one("#status", Static).update(Content.assemble(*parts))

    # ------------------------------------------------------------------ panes
    def action_focus_pane(self, name: str) -> None:
        if name != "article" and self.has_class("-no-panels"):
            self.remove_class("-no-panels")
        if name != "article" and self.has_class("-small"):
            self.add_class("-panels-asked")  # asked for: shown, small or not
        pane = self.article if name == "article" else self.panel(name)
        if not pane.is_mounted:  # a key in the first few milliseconds: focus it once it is there
            self._pending_focus = name
            return
        pane.focus()

    def _current_pane(self) -> int:
        focused = self.focused
        for i, name in enumerate(PANES):
            w = self.article if name == "article" else self.panel(name)
            if focused is w:
                return i
        return -1 if focused is not None and focused.id == "find-input" else 0

    def action_cycle_pane(self, delta: int) -> None:
        """tab / shift+tab: article → speakers → quotes → topics (from the find bar: to the article)."""
        hidden = self.has_class("-no-panels") or (self.has_class("-small") and not self.has_class("-panels-asked"))
        panes = ["article"] if hidden else list(PANES)
        current = self._current_pane()
        if current < 0:
            self.action_focus_pane("article" if delta > 0 else panes[-1])
            return
        i = panes.index(PANES[current]) if PANES[current] in panes else 0
        self.action_focus_pane(panes[(i + delta) % len(panes)])

    def action_toggle_panels(self) -> None:
        if self.has_class("-small"):
            self.toggle_class("-panels-asked")
            if not self.has_class("-panels-asked"):
                self.article.focus()
            return
        self.toggle_class("-no-panels")
        if self.has_class("-no-panels"):
            self.article.focus()

    # ------------------------------------------------------------------ jumping
    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        panel = event.option_list
        if not isinstance(panel, Panel) or not (0 <= event.option_index < len(panel.entries)):
            return
        self.jump(panel.entries[event.option_index])

    def jump(self, entry: Entry) -> None:
        """Centre and highlight the entry's passage; the same entry again steps to its next mention."""
        if not entry.spans:
            return
        key = (entry.kind, entry.key)
        if self._last_pick == key:
            self._step = (self._step + 1) % len(entry.spans)
        else:
            self._last_pick, self._step = key, 0
        start, end = entry.spans[self._step]
        self.article.center_on(start, end)

    # ------------------------------------------------------------------ dispatch navigation
    def action_next_dispatch(self, delta: int) -> None:
        view = self.session.view if self.index in self.session.view else list(range(len(self.session)))
        pos = view.index(self.index) + delta if self.index in view else 0
        if not (0 <= pos < len(view)):
            self.app.notify(tr("last_dispatch" if delta > 0 else "first_dispatch"), markup=False, timeout=2)
            return
        self.show(view[pos])

    def action_back(self) -> None:
        """``q``: one level up, like newsboat or mutt (reader → library; the library's ``q`` quits)."""
        if self.findbar.is_open:
            self.findbar.remember(self.findbar.value)
            self.findbar.close()
        left = getattr(self.app, "dispatch_left", None)
        if left is not None:
            left(self.index, self.article.top_offset() if self.dispatch is not None else None)
        self.app.back_to_library(self.index)  # type: ignore[attr-defined]

    def go_to(self, index: int, at: tuple[int, int]) -> None:
        """Centre the passage ``at`` of dispatch ``index`` (a statement from the people screen; an empty
        passage: the place reading stopped, brought to the top)."""
        if index != self.index or self.dispatch is None:
            return
        start, end = at
        if end > start:
            self.article.center_on(start, end)
        else:
            self.article.scroll_to(y=self.article.line_of(start), animate=False, immediate=True)

    def action_escape(self) -> None:
        """``esc``: close the find bar (the matches stay), then clear the matches, then back to the library."""
        if self.findbar.is_open:
            self._close_find()
        elif self.matches or self._query:
            self._clear_find()
        else:
            self.action_back()

    # ------------------------------------------------------------------ find
    #: the query of the search in force ("" none): n/N step through it with the bar closed, and it carries
    #: over to the next dispatch; a second escape clears it
    _query = ""

    def action_open_find(self, value: str | None = None) -> None:
        self.findbar.open(value)
        query = self.findbar.value if value is None else value
        if query:
            self._run_find(query)

    def on_key(self, event) -> None:
        """Keys typed between `/` and the find input taking the focus (typing fast, a paste, a slow first
        open) are the query, not commands."""
        if self.findbar.wants_keys() and self.findbar.feed(event.key, event.character):
            event.stop()
            event.prevent_default()

    def on_input_changed(self, event) -> None:  # Input.Changed (Input is imported when the bar opens)
        if event.input.id == "find-input":
            self._run_find(event.value)

    @on(FindBar.Step)
    def _find_step_msg(self, event: FindBar.Step) -> None:
        self.action_find_step(event.direction)

    @on(FindBar.Submit)
    def _find_submit_msg(self, event: FindBar.Submit) -> None:
        """Enter in the bar: the search is done, back to the text; n/N go on from there (less, vim)."""
        self.findbar.remember(self.findbar.value)
        if event.direction < 0 and self.matches:
            self.action_find_step(-1)
        self.article.focus()
        self.refresh_bindings()

    @on(FindBar.Close)
    def _find_close_msg(self) -> None:
        self._close_find()

    #: above this many characters the find runs in a worker (a 5 MB dispatch takes ~1 s)
    FIND_IN_WORKER = 300_000

    def _run_find(self, query: str) -> None:
        d = self.dispatch
        self._query = query.strip() and query
        if d is not None and query.strip() and len(d.text) > self.FIND_IN_WORKER:
            self._find(d.text, query)
            return
        self.workers.cancel_group(self, "find")
        from ...search import find

        self._found(find(d.text, query) if d is not None and query.strip() else [])

    @work(thread=True, exclusive=True, group="find", exit_on_error=False)
    def _find(self, text: str, query: str) -> None:
        """Worker: the search in a big text, posted as :class:`Found` (a newer search cancels it)."""
        from ...search import find

        matches = find(text, query)
        worker = get_current_worker()
        if not worker.is_cancelled:
            self.post_message(Found(worker, query, matches))

    @on(Found)
    def _found_in_worker(self, message: Found) -> None:
        if not message.stale and self._query == message.query:
            self._found(message.matches)

    def _found(self, matches: list[tuple[int, int]]) -> None:
        # typing on: stay at the current match if it still matches, else the next one after it;
        # a fresh search starts at the top of the view (like a browser)
        if self.current_match is not None and self.matches:
            anchor = self.matches[self.current_match][0]
        else:
            anchor = self.article.top_offset()
        self.matches = matches
        if not self.matches:
            self.current_match = None
        else:
            self.current_match = next((i for i, (s, _) in enumerate(self.matches) if s >= anchor), 0)
        self._show_match()

    def _show_match(self) -> None:
        self.article.set_matches(self.matches, self.current_match)
        if self.current_match is not None:
            s, e = self.matches[self.current_match]
            self.article.center_on(s, e, highlight=False)
        self.findbar.set_count(self.current_match, len(self.matches), self._query)
        self.refresh_bindings()
        self._update_status()

    def _last_query(self) -> str:
        history = getattr(self.app, "find_history", None)
        return self._query or (history[-1] if history else "")

    def action_find_step(self, direction: int) -> None:
        if not self.matches:
            query = self._last_query()
            if not query:
                self.action_open_find()
                return
            if not self._query:  # cleared by a second escape: n searches again
                self._run_find(query)
                return
            self.app.notify(tr("no_matches_for", query=query), severity="warning", markup=False, timeout=2)
            return
        cur = self.current_match if self.current_match is not None else -direction
        self.current_match = (cur + direction) % len(self.matches)
        self._show_match()

    def _close_find(self) -> None:
        """The bar closes, the search stays in force (n/N, the highlights) until a second escape."""
        self.findbar.remember(self.findbar.value)
        self.findbar.close()
        if not self._query:
            self.matches, self.current_match = [], None
            self.article.set_matches([], None)
        self.article.focus()
        self.refresh_bindings()
        self._update_status()

    def _clear_find(self) -> None:
        self._query = ""
        self.matches, self.current_match = [], None
        self.article.set_matches([], None)
        self.refresh_bindings()
        self._update_status()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find_step" and not self.matches and not self._last_query():
            return None  # shown greyed in the footer, still in help
        if action == "copy_paragraph":  # nothing to copy (the dispatch could not be read): not offered
            return self.dispatch is not None and bool(self.dispatch.paragraphs)
        return True

    # ------------------------------------------------------------------ copying
    def _quote_at_cursor(self) -> int | None:
        d = self.dispatch
        if d is None or not d.quotes:
            return None
        if self.focused is self.panel("quotes"):
            entry = self.panel("quotes").current_entry
            return entry.key if entry is not None else None  # type: ignore[return-value]
        # the highlight (last jump / click), else the first quote in view
        hl = self.article.highlight
        if hl is not None:
            for i, q in enumerate(d.quotes):
                if q.start <= hl[0] < max(q.end, q.start + 1) or (hl[0] <= q.start < hl[1]):
                    return i
        if self.focused is self.panel("speakers"):
            entry = self.panel("speakers").current_entry
            s = d.speaker(entry.key) if entry else None  # type: ignore[arg-type]
            if s is not None and s.quotes:
                return s.quotes[0]
        first, last = self.article.visible_range()
        for i, q in enumerate(d.quotes):
            if q.end > first and q.start < last:
                return i
        return None

    def action_copy_quote(self, index: int | None = None) -> None:
        d = self.dispatch
        i = self._quote_at_cursor() if index is None else index
        if d is None or i is None or not (0 <= i < len(d.quotes)):
            self.app.notify(tr("nothing_to_copy"), severity="warning", markup=False, timeout=3)
            return
        who = quote_speaker_label(d.quotes[i])
        from ...cite import cite

        self.app.copy_text(cite(d, i), tr("copied_quote", who=who))  # type: ignore[attr-defined]

    def action_copy_paragraph(self) -> None:
        d = self.dispatch
        if d is None or not d.paragraphs:
            return
        hl = self.article.highlight
        pos = hl[0] if hl else self.article.top_offset()
        i = d.paragraph_at(pos)
        if i is None:
            i = next((n for n, p in enumerate(d.paragraphs) if p.start >= pos), len(d.paragraphs) - 1)
        from ...cite import paragraph_text

        self.app.copy_text(paragraph_text(d, i), tr("copied_paragraph", n=i + 1))  # type: ignore[attr-defined]

    @on(ArticleView.Clicked)
    def _article_clicked(self, event: ArticleView.Clicked) -> None:
        d = self.dispatch
        if d is None:
            return
        from ...cite import statement_root

        for i, q in enumerate(d.quotes):
            if q.start <= event.offset < q.end:
                self.article.set_highlight((q.start, q.end))
                self.panel("quotes").select_entry("quote", statement_root(d, i))
                return

    # ------------------------------------------------------------------ outside tools
    def action_open_external(self, which: str) -> None:
        """``o``: the source file in ``$PAGER`` (less), ``e``: in ``$EDITOR`` (vi), the app suspended
        meanwhile; editors that have a read-only switch get it (files are only ever read)."""
        path = self.session.paths[self.index]
        if path == "-":
            self.app.notify(tr("no_source_file"), severity="warning", markup=False)
            return
        command = external_command(which, path)
        import subprocess

        try:
            with self.app.suspend():
                subprocess.run(command, check=False)
        except Exception as exc:  # noqa: BLE001 - no such tool, no terminal to suspend (tests, web)
            self.app.notify(
                tr("external_failed", tool=command[0], error=f"{type(exc).__name__}: {exc}"),
                severity="warning",
                markup=False,
            )
        self.refresh()

    # ------------------------------------------------------------------ palette
    def palette_commands(self) -> list[PaletteCommand]:
        d = self.dispatch
        out: list[PaletteCommand] = []
        if d is None:
            return out
        for s in d.speakers:
            from ..widgets.panels import speaker_spans

            entry = Entry("speaker", s.name, speaker_spans(d, s))
            title = tr("cmd_jump_speaker", name=one_line(s.name))
            out.append((title, partial(self._palette_jump, "speakers", entry), ""))
        for i, q in enumerate(d.quotes):
            if q.statement is not None and q.statement != i:
                continue  # a later part: its statement is listed
            who = quote_speaker_label(q)
            words = shorten(q.span.slice(d.text), words=6, chars=40)
            out.append((tr("cmd_copy_quote", who=who, words=words), partial(self.action_copy_quote, i), ""))
        for t in d.topics:
            entry = Entry("topic", t.label, tuple(sorted({(m.start, m.end) for m in t.mentions})))
            title = tr("cmd_jump_topic", label=one_line(t.label))
            out.append((title, partial(self._palette_jump, "topics", entry), ""))
        return out

    def _palette_jump(self, panel: str, entry: Entry) -> None:
        self.panel(panel).select_entry(entry.kind, entry.key)
        self.jump(entry)


#: read-only switches of common editors (the file is never to be changed from here)
_READ_ONLY = {
    "vi": ["-R"],
    "vim": ["-R"],
    "nvim": ["-R"],
    "view": [],
    "nano": ["-v"],
    "emacs": [],
    "micro": ["-readonly", "true"],
    "hx": [],
    "kak": ["-ro"],
    "mcedit": [],
}


def external_command(which: str, path: str) -> list[str]:
    """The argv for ``$PAGER`` (default ``less``) or ``$VISUAL``/``$EDITOR`` (default ``vi``) on ``path``."""
    import os
    import shlex

    if which == "pager":
        raw = os.environ.get("PAGER") or "less"
    else:
        raw = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        argv = shlex.split(raw) or ["less"]
    except ValueError:
        argv = [raw]
    if which == "editor":
        argv += _READ_ONLY.get(os.path.basename(argv[0]), [])
    return [*argv, path]
