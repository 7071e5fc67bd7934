"""The library screen: every dispatch of the folder, filter-as-you-type and full-text search."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from .. import search
from ..load import LoadError
from .commands import LIBRARY, localize, make_bindings
from .i18n import plural, tr
from .session import Session
from .widgets.footer import KeyFooter
from .widgets.liblist import LibraryList
from .widgets.safe import one_line


class LibraryScreen(Screen[None]):
    COMMAND_TABLE = LIBRARY
    BINDINGS = make_bindings(LIBRARY)
    AUTO_FOCUS = "LibraryList"

    def __init__(self, session: Session) -> None:
        super().__init__(id="library")
        localize(self, LIBRARY)
        self.session = session
        self.mode: str | None = None          # None | "filter" | "search"
        self.search_query = ""
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="library-title")
        failed = getattr(self.app, "failed_inputs", [])
        if failed:
            names = ", ".join(f"{one_line(path)} ({one_line(reason)})" for path, reason in failed)
            yield Static(Content.styled(tr("failed_inputs", n=len(failed), names=names), "$text-error"),
                         id="library-failed", markup=False)
        yield LibraryList(self.session, id="library-list")
        with Horizontal(id="library-inputbar"):
            yield Static(Content(""), id="library-input-label")
            yield Input(id="library-input")
            yield Static(Content(""), id="library-input-status")
        yield KeyFooter()

    def _title(self, shown: int | None = None) -> Content:
        total = len(self.session)
        n = total if shown is None else shown
        count = f"{n}/{total}" if shown is not None and shown != total else str(total)
        return Content.assemble((tr("library"), "bold"), "  ", (count, "$text-muted"))

    @property
    def list(self) -> LibraryList:
        return self.query_one(LibraryList)

    def on_screen_resume(self) -> None:
        self.list.refresh()

    # --------------------------------------------------------------- actions
    def action_open_selected(self) -> None:
        self.list.action_open()

    def action_open_input(self, mode: str) -> None:
        bar = self.query_one("#library-inputbar")
        field = self.query_one("#library-input", Input)
        if self.mode != mode:
            self.mode = mode
            field.value = self.search_query if mode == "search" else ""
            self._reset_rows()
        self.query_one("#library-input-label", Static).update(
            Content.styled(tr("filter_label" if mode == "filter" else "search_label"), "bold $text-accent"))
        field.placeholder = tr("filter_placeholder" if mode == "filter" else "search_placeholder")
        bar.add_class("-open")
        field.focus()
        self.refresh_bindings()

    def action_close_input(self) -> None:
        if self.mode is None:
            return
        self.mode = None
        self.search_query = ""
        self._generation += 1
        self.workers.cancel_group(self, "search")
        self.query_one("#library-inputbar").remove_class("-open")
        self.query_one("#library-input", Input).value = ""
        self.query_one("#library-input-status", Static).update(Content(""))
        self._reset_rows()
        self.list.focus()
        self.refresh_bindings()

    def _reset_rows(self) -> None:
        rows = list(range(len(self.session)))
        self.list.empty_key = "nothing_in_library"
        self.list.set_rows(rows)
        self.session.view = rows
        self.query_one("#library-title", Static).update(self._title())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_input":
            return self.mode is not None
        return True

    # --------------------------------------------------------------- input
    @on(Input.Changed, "#library-input")
    def _changed(self, event: Input.Changed) -> None:
        if self.mode == "filter":
            self.apply_filter(event.value)
        elif self.mode == "search":
            self.start_search(event.value)

    @on(Input.Submitted, "#library-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.list.rows:
            self.list.action_open()

    def on_key(self, event) -> None:
        # arrows move the list while typing in the input bar
        if self.focused is self.query_one("#library-input", Input) and event.key in ("up", "down"):
            self.list.action_cursor(-1 if event.key == "up" else 1)
            event.stop()
            event.prevent_default()

    #: larger libraries filter in a worker (the first keystroke peeks every headline not yet peeked)
    FILTER_IN_WORKER = 500

    def on_mount(self) -> None:
        if len(self.session) > 1:   # after the list is on screen: peek every row, index every text
            self.call_after_refresh(self._start_index)

    def _start_index(self) -> None:
        self.run_worker(self._build_index, thread=True, group="index", exit_on_error=False)

    def _build_index(self) -> None:
        worker = get_current_worker()
        self.session.build_index(lambda: worker.is_cancelled)

    def apply_filter(self, query: str) -> None:
        self._generation += 1
        if len(self.session) > self.FILTER_IN_WORKER and query.strip():
            self._filter(query, self._generation)
            return
        self._filtered(self._generation, self._filter_rows(query))

    def _filter_rows(self, query: str, cancelled=lambda: False) -> list[int] | None:
        rows = []
        for i in range(len(self.session)):
            if cancelled():
                return None
            if not query.strip() or search.matches_headline(self.session.row(i).headline, query):
                rows.append(i)
        return rows

    @work(thread=True, exclusive=True, group="filter")
    def _filter(self, query: str, generation: int) -> None:
        worker = get_current_worker()
        rows = self._filter_rows(query, lambda: worker.is_cancelled or generation != self._generation)
        if rows is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._filtered, generation, rows)

    def _filtered(self, generation: int, rows: list[int]) -> None:
        if generation != self._generation:
            return
        self.list.empty_key = "no_headline_matches"
        self.list.set_rows(rows)
        self.session.view = rows
        self.query_one("#library-title", Static).update(self._title(len(rows)))

    def start_search(self, query: str) -> None:
        self._generation += 1
        self.search_query = query
        status = self.query_one("#library-input-status", Static)
        if not query.strip():
            status.update(Content(""))
            self._reset_rows()
            return
        status.update(Content.styled(tr("searching"), "$text-muted"))
        self._search(query, self._generation)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str, generation: int) -> None:
        worker = get_current_worker()
        matcher = search.Matcher(query)
        counts: dict[int, int] = {}
        indexed = self.session.search_texts
        for i in range(len(self.session)):
            if worker.is_cancelled or generation != self._generation:
                return
            folded = indexed.get(i)
            if folded is None:               # not indexed yet: read it now
                loaded = self.session.text(i)
                if isinstance(loaded, LoadError):
                    continue
                folded = search.fold(loaded.text)
            if not matcher.might_match(folded):
                continue
            n = matcher.count_folded(folded)
            if n:
                counts[i] = n
        if not worker.is_cancelled and generation == self._generation:
            self.app.call_from_thread(self._search_done, generation, counts)

    def _search_done(self, generation: int, counts: dict[int, int]) -> None:
        if generation != self._generation:
            return
        rows = sorted(counts)
        self.list.empty_key = "no_search_matches"
        self.list.set_rows(rows, counts)
        self.session.view = rows
        self.query_one("#library-title", Static).update(self._title(len(rows)))
        total = sum(counts.values())
        self.query_one("#library-input-status", Static).update(
            Content(plural(total, "match_1", "matches_n")) if rows else Content.styled(tr("no_matches"), "$text-error"))

    # --------------------------------------------------------------- open
    @on(LibraryList.Open)
    def _open(self, event: LibraryList.Open) -> None:
        query = self.search_query if self.mode == "search" else None
        self.app.open_reader(event.index, find=query or None)  # type: ignore[attr-defined]
