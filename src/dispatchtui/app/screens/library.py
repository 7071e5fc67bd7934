"""The library screen: the folder as a table (date, agency, place, headline, statements, main speakers),
sorted and filtered (facets with counts, lemma-aware headline filter), full-text search with snippets,
read/unread, the indexing progress in the header."""

from __future__ import annotations

import builtins
from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ..commands import LIBRARY, localize, make_bindings
from ..folder import Filters, Hit
from ..i18n import plural, tr
from ..widgets.footer import KeyFooter
from ..widgets.liblist import LibraryList
from ..widgets.safe import one_line


def _spaced(n: int) -> str:
    """3412 → "3 412" (a thin space between thousands, as Russian typography has it)."""
    return f"{n:,}".replace(",", "\u2009")


class LibraryScreen(Screen[None]):
    COMMAND_TABLE = LIBRARY
    BINDINGS = make_bindings(LIBRARY)
    AUTO_FOCUS = "LibraryList"

    def __init__(self, session, catalog=None) -> None:
        super().__init__(id="library")
        localize(self, LIBRARY)
        self.session = session
        if catalog is None:
            from ..folder import Catalog

            catalog = Catalog(session)
        self.catalog = catalog
        self.mode: str | None = None  # None | "filter" | "search"
        self.search_query = ""
        self.filters = Filters()
        #: the order in force: None is the folder's own order (nothing known about dates yet)
        self.sort: str | None = "date" if getattr(catalog, "index", None) is not None else None
        self.reverse = False
        self.progress: tuple[int, int, float | None, bool] | None = None  # done, total, seconds left, paused
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="library-title")
        failed = getattr(self.app, "failed_inputs", [])
        if failed:
            names = ", ".join(f"{one_line(path)} ({one_line(reason)})" for path, reason in failed)
            yield Static(
                Content.styled(tr("failed_inputs", n=len(failed), names=names), "$text-error"),
                id="library-failed",
                markup=False,
            )
        cat = self.catalog
        rows = self._first_rows()
        table = LibraryList(
            rows,
            source=cat.row,
            is_read=cat.is_read,
            is_new=lambda i: cat.session.paths[i] in cat.new,
            id="library-list",
        )
        table.sort = (self.sort or "", self.reverse)
        yield table
        with Horizontal(id="library-inputbar"):
            yield Static(Content(""), id="library-input-label")
            yield Input(id="library-input")
            yield Static(Content(""), id="library-input-status")
        yield KeyFooter()

    #: how long the first frame may wait for the folder index's first page (it is opened with the app)
    EARLY_INDEX_WAIT = 0.15

    def _first_rows(self) -> list[int]:
        """The rows of the first frame: the index's first page (newest first) when the index answers in
        time, then the rest in folder order until the index's rows are all read; else the folder's order."""
        cat = self.catalog
        rows = cat.visible_indices()
        early = getattr(self.app, "early_index", None)
        if early is None or cat.index is not None or not early.wait(self.EARLY_INDEX_WAIT) or early.error:
            return rows
        cat.index = early.index
        first = cat.show_first_page(early.page)
        if not first:
            return rows
        self.sort = "date"
        head = set(first)
        return first + [i for i in rows if i not in head]

    # --------------------------------------------------------------- the header
    def _title(self, shown: int | None = None) -> Content:
        total = len(self.catalog.visible_indices())
        n = total if shown is None else shown
        count = f"{n}/{total}" if shown is not None and shown != total else str(total)
        parts: list = [(tr("library"), "bold"), "  ", (count, "$text-muted")]
        for kind in ("agency", "person", "topic"):
            value = getattr(self.filters, kind)
            if value:
                parts += ["  ", (f"{tr('facet_' + kind)}: ", "$text-muted"), (one_line(value), "bold $text-accent")]
        if self.filters.text.strip():
            parts += ["  ", (f"{tr('filter_label')}: ", "$text-muted"), (one_line(self.filters.text), "bold")]
        new = len(self.catalog.new)
        if new:
            parts += ["  ", (tr("new_n", n=new), "bold $text-success")]
        if self.progress is not None:
            parts += ["  ", (self._progress_text(), "$text-muted")]
        return Content.assemble(*parts)

    def _progress_text(self) -> str:
        done, total, left, paused = self.progress or (0, 0, None, False)
        if not total:
            return tr("indexing") + (" · " + tr("paused") if paused else "")
        text = tr("indexed", done=_spaced(done), total=_spaced(total))
        if paused:
            return text + " · " + tr("paused")
        if left is not None and done < total:
            text += " · ~" + (
                tr("minutes", n=max(1, round(left / 60))) if left >= 90 else tr("seconds", n=max(1, int(left)))
            )
        return text

    def update_title(self) -> None:
        if self.is_mounted:
            shown = len(self.list.rows) if (self.filters or self.mode == "search") else None
            self.query_one("#library-title", Static).update(self._title(shown))

    def set_progress(self, done: int, total: int, left: float | None, paused: bool) -> None:
        """The indexing progress (from the app's poll of the indexer); None-like when finished."""
        self.progress = None if total and done >= total and not paused else (done, total, left, paused)
        self.update_title()

    @property
    def list(self) -> LibraryList:
        return self.query_one(LibraryList)

    def on_screen_resume(self) -> None:
        self.list.refresh()

    def on_mount(self) -> None:
        last = self.catalog.last_position()
        if last is not None:
            self.list.select_path_index(last[0])
        if self.sort is not None:
            self.refresh_rows()
        if len(self.session) > 1:  # after the list is on screen: peek every row, index every text
            self.call_after_refresh(self._start_index)

    def _start_index(self) -> None:
        build = getattr(self.session, "build_index", None)
        if build is not None and getattr(self.catalog, "index", None) is None:
            self.run_worker(self._build_index, thread=True, group="index", exit_on_error=False)

    def _build_index(self) -> None:
        worker = get_current_worker()
        self.session.build_index(lambda: worker.is_cancelled)

    # --------------------------------------------------------------- actions
    def action_open_selected(self) -> None:
        self.list.action_open()

    def action_open_input(self, mode: str) -> None:
        bar = self.query_one("#library-inputbar")
        field = self.query_one("#library-input", Input)
        if self.mode != mode:
            self.mode = mode
            field.value = self.search_query if mode == "search" else self.filters.text
            if mode == "search":
                self.filters = Filters(self.filters.agency, self.filters.person, self.filters.topic)
            self.refresh_rows()
        self.query_one("#library-input-label", Static).update(
            Content.styled(tr("filter_label" if mode == "filter" else "search_label"), "bold $text-accent")
        )
        field.placeholder = tr("filter_placeholder" if mode == "filter" else "search_placeholder")
        bar.add_class("-open")
        field.focus()
        self.refresh_bindings()

    def action_close_input(self) -> None:
        """esc: close the filter / search bar (its query dropped); then the facets in force."""
        if self.mode is None:
            if self.filters:
                self.filters = Filters()
                self.refresh_rows()
            return
        self.mode = None
        self.search_query = ""
        self.filters = Filters(self.filters.agency, self.filters.person, self.filters.topic)
        self._generation += 1
        self.workers.cancel_group(self, "search")
        self.query_one("#library-inputbar").remove_class("-open")
        self.query_one("#library-input", Input).value = ""
        self.query_one("#library-input-status", Static).update(Content(""))
        self.refresh_rows()
        self.list.focus()
        self.refresh_bindings()

    def action_sort(self, by: str) -> None:
        """d / a / s: sort by date (newest first), agency (A→Z), statements (most first); again: reversed."""
        if self.sort == by:
            self.reverse = not self.reverse
        else:
            self.sort, self.reverse = by, False
        self.list.sort = (by, self.reverse)
        self.app.notify(
            tr("sorted_by", by=tr(f"col_{by}")) + (" " + tr("reversed") if self.reverse else ""),
            markup=False,
            timeout=2,
        )
        self.refresh_rows()

    def action_toggle_read(self) -> None:
        i = self.list.current
        if i is None:
            return
        self.catalog.set_read(i, not self.catalog.is_read(i))
        self.list.refresh()
        self.update_title()

    def action_next_unread(self) -> None:
        rows = self.list.rows
        start = self.list.cursor
        for step in range(1, len(rows) + 1):
            pos = (start + step) % len(rows)
            if not self.catalog.is_read(rows[pos]):
                self.list.cursor = pos
                return
        self.app.notify(tr("no_unread"), markup=False, timeout=2)

    def action_facets(self) -> None:
        """F: pick an agency, person or topic (with how many dispatches have it)."""
        self.app.push_screen(FacetScreen(self.catalog, self.list.rows if self.filters else None), self._facet_picked)

    def _facet_picked(self, picked: tuple[str, str] | None) -> None:
        if not picked:
            return
        kind, value = picked
        self.filters = replace(self.filters, **{kind: value})
        self.refresh_rows()

    def action_toggle_indexing(self) -> None:
        toggle = getattr(self.app, "toggle_indexing", None)
        if toggle is not None:
            toggle()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_input":
            return self.mode is not None or bool(self.filters)
        if action == "toggle_indexing":
            return getattr(self.app, "indexer", None) is not None
        return True

    # --------------------------------------------------------------- rows
    def refresh_rows(self, keep: int | None = None) -> None:
        """Recompute the rows for the sort and filters in force (a worker: a big folder takes a moment)."""
        if self.mode == "search" and self.search_query.strip():
            self.start_search(self.search_query)
            return
        self._generation += 1
        if self.sort is None and not self.filters:
            self._ordered(self._generation, self.catalog.visible_indices(), keep)
            return
        self._order(self._generation, keep)

    @work(thread=True, exclusive=True, group="order", exit_on_error=False)
    def _order(self, generation: int, keep: int | None) -> None:
        worker = get_current_worker()
        rows = self.catalog.order(
            self.sort or "", self.reverse, self.filters, lambda: worker.is_cancelled or generation != self._generation
        )
        if rows is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._ordered, generation, rows, keep)

    def _index_trouble(self) -> None:
        """The index failed under a query (locked, gone, corrupt): one notice; memory answers from now on."""
        if self.catalog.problem:
            from ..indexing import index_problem

            index_problem(self.app, self.catalog.problem)

    # (builtins.list: in this class, after the property below, `list` names the table widget)
    def _ordered(self, generation: int, rows: builtins.list[int], keep: int | None = None) -> None:
        self._index_trouble()
        if generation != self._generation or not self.is_mounted:
            return
        self.list.empty_key = "no_headline_matches" if self.filters else "nothing_in_library"
        self.list.sort = (self.sort or "", self.reverse)
        self.list.set_rows(rows, keep=keep)
        self.session.view = rows
        self.update_title()
        self.refresh_bindings()

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

    def apply_filter(self, query: str) -> None:
        """f: the headlines, by lemma like the reader's find (``Рахмона`` finds ``Рахмон``)."""
        f = self.filters
        self.filters = Filters(f.agency, f.person, f.topic, query)
        self.refresh_rows()

    def start_search(self, query: str) -> None:
        self._generation += 1
        self.search_query = query
        status = self.query_one("#library-input-status", Static)
        if not query.strip():
            status.update(Content(""))
            self.mode_search_cleared()
            return
        status.update(Content.styled(tr("searching"), "$text-muted"))
        self._search(query, self._generation)

    def mode_search_cleared(self) -> None:
        self._generation += 1
        if self.sort is None and not self.filters:
            self._ordered(self._generation, self.catalog.visible_indices())
        else:
            self._order(self._generation, None)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str, generation: int) -> None:
        worker = get_current_worker()
        cancelled = lambda: worker.is_cancelled or generation != self._generation  # noqa: E731
        hits = self.catalog.search(query, self._text_of, cancelled, self.session.search_texts.get)
        if hits is None or cancelled():
            return
        order = None
        if self.filters or self.sort:
            order = self.catalog.order(self.sort or "", self.reverse, self.filters, cancelled)
            if order is None:
                return
        self.app.call_from_thread(self._search_done, generation, hits, order)

    def _text_of(self, i: int) -> str | None:
        """A dispatch's text for the search (the session's folded copy is not enough: snippets need the
        text as printed)."""
        loaded = self.session.text(i)
        return None if hasattr(loaded, "reason") else getattr(loaded, "text", None)

    def _search_done(self, generation: int, hits: builtins.list[Hit], order: builtins.list[int] | None) -> None:
        self._index_trouble()
        if generation != self._generation or not self.is_mounted:
            return
        by_index = {h.index: h for h in hits}
        rows = [i for i in order if i in by_index] if order is not None else [h.index for h in hits]
        self.list.empty_key = "no_search_matches"
        self.list.set_rows(rows, {i: by_index[i] for i in rows})
        self.session.view = rows
        self.update_title()
        total = sum(by_index[i].count for i in rows)
        self.query_one("#library-input-status", Static).update(
            Content(plural(total, "match_1", "matches_n")) if rows else Content.styled(tr("no_matches"), "$text-error")
        )

    # --------------------------------------------------------------- the folder changed
    def folder_changed(self, added: int, removed: int) -> None:
        """New, changed or removed files (the live folder): the rows again, the cursor where it was."""
        self.refresh_rows(keep=self.list.current)

    # --------------------------------------------------------------- open
    @on(LibraryList.Open)
    def _open(self, event: LibraryList.Open) -> None:
        query = self.search_query if self.mode == "search" else None
        self.app.open_reader(event.index, find=query or None)  # type: ignore[attr-defined]


class FacetScreen(ModalScreen[tuple[str, str] | None]):
    """The facets of the rows in view: agencies, people, topics, each with how many dispatches have it."""

    DEFAULT_CSS = """
    FacetScreen { align: center middle; }
    FacetScreen > OptionList { width: 70; max-width: 100%; height: auto; max-height: 80%;
                               border: round $accent; background: $surface; }
    """
    BINDINGS = [("escape", "dismiss_none", "Close"), ("q", "dismiss_none", "Close")]

    def __init__(self, catalog, rows: list[int] | None) -> None:
        super().__init__()
        self.catalog = catalog
        self.rows = rows
        self.values: list[tuple[str, str] | None] = []

    def compose(self) -> ComposeResult:
        options: list[Option | None] = []
        for kind in ("agency", "person", "topic"):
            facets = self.catalog.facets(kind, self.rows)
            if not facets:
                continue
            if options:
                options.append(None)  # a separator: not an option, no value
            options.append(Option(Content.styled(tr("facet_" + kind), "bold underline"), disabled=True))
            self.values.append(None)
            for value, n in facets[:200]:
                options.append(Option(Content.assemble((one_line(value), ""), "  ", (str(n), "$text-muted"))))
                self.values.append((kind, value))
        if not options:
            options.append(Option(Content.styled(tr("no_facets"), "italic"), disabled=True))
            self.values.append(None)
        ol = OptionList(*options, id="facets")
        ol.border_title = tr("facets_title")
        yield ol

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        first = next((n for n, v in enumerate(self.values) if v is not None), None)
        if first is not None:
            ol.highlighted = first

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        i = event.option_index
        self.dismiss(self.values[i] if 0 <= i < len(self.values) else None)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
