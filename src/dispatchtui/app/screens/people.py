"""The people screen (``P`` from the library and the reader): everyone quoted in the folder with their
direct and reported statements and in how many dispatches; one person's statements across the folder
(enter opens the dispatch at the passage, ``y`` copies it with its attribution, as the reader does); a
lemma-aware search by name (``Пескова`` finds Песков)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from ..commands import PEOPLE, localize, make_bindings
from ..folder import PersonRow, StatementRow
from ..i18n import tr
from ..widgets.footer import KeyFooter
from ..widgets.people import PeopleList, StatementList
from ..widgets.rowlist import RowList
from ..widgets.safe import one_line


class PeopleScreen(Screen[None]):
    COMMAND_TABLE = PEOPLE
    BINDINGS = make_bindings(PEOPLE)
    AUTO_FOCUS = "#people-list"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    class PeopleLoaded(Message):
        def __init__(self, query: str, people: list[PersonRow]) -> None:
            super().__init__()
            self.query, self.people = query, people

    class StatementsLoaded(Message):
        def __init__(self, name: str, statements: list[StatementRow]) -> None:
            super().__init__()
            self.name, self.statements = name, statements

    class Cited(Message):
        def __init__(self, text: str | None, who: str) -> None:
            super().__init__()
            self.text, self.who = text, who

    def __init__(self, catalog) -> None:
        super().__init__(id="people")
        localize(self, PEOPLE)
        self.catalog = catalog
        self.name_query = ""
        self.shown_name: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._title(None), id="people-title")
        with Horizontal(id="people-body"):
            people = PeopleList(id="people-list")
            people.border_title = tr("people_title")
            yield people
            statements = StatementList(id="people-statements")
            statements.border_title = tr("quotes")
            yield statements
        with Horizontal(id="people-inputbar"):
            yield Static(Content.styled(tr("people_search"), "bold $text-accent"), id="people-input-label")
            yield Input(placeholder=tr("people_placeholder"), id="people-input")
        yield KeyFooter()

    def _title(self, people: list[PersonRow] | None) -> Content:
        parts: list = [(tr("people_title"), "bold")]
        if people is not None:
            parts += ["  ", (str(len(people)), "$text-muted")]
        if self.name_query.strip():
            parts += ["  ", ("/" + one_line(self.name_query), "$text-warning")]
        if getattr(self.catalog, "index", None) is None:
            parts += ["  ", (tr("people_unindexed"), "italic $text-muted")]
        return Content.assemble(*parts)

    @property
    def people(self) -> PeopleList:
        return self.query_one(PeopleList)

    @property
    def statements(self) -> StatementList:
        return self.query_one(StatementList)

    def on_mount(self) -> None:
        self._load_people("")

    # ------------------------------------------------------------------ loading (thread workers)
    @work(thread=True, exclusive=True, group="people", exit_on_error=False)
    def _load_people(self, query: str) -> None:
        self.post_message(self.PeopleLoaded(query, self.catalog.people(query or None)))

    @on(PeopleLoaded)
    def _people_loaded(self, event: PeopleLoaded) -> None:
        if self.catalog.problem:
            from ..indexing import index_problem

            index_problem(self.app, self.catalog.problem)
        if event.query != self.name_query:
            return
        self.people.set_items(event.people)
        self.query_one("#people-title", Static).update(self._title(event.people))
        self._show_statements()

    def _show_statements(self) -> None:
        person = self.people.current
        if person is None:
            self.shown_name = None
            self.statements.set_items([])
            return
        if person.name != self.shown_name:
            self.shown_name = person.name
            self._load_statements(person.name)

    @work(thread=True, exclusive=True, group="statements", exit_on_error=False)
    def _load_statements(self, name: str) -> None:
        self.post_message(self.StatementsLoaded(name, self.catalog.statements(name)))

    @on(StatementsLoaded)
    def _statements_loaded(self, event: StatementsLoaded) -> None:
        if event.name != self.shown_name:
            return
        lst = self.statements
        lst.border_title = tr("statements_of", name=one_line(event.name)) + f" · {len(event.statements)}"
        lst.set_items(event.statements)

    @on(RowList.Moved, "#people-list")
    def _person_moved(self, event: RowList.Moved) -> None:
        self._show_statements()

    # ------------------------------------------------------------------ keys
    @on(RowList.Open)
    def _opened(self, event: RowList.Open) -> None:
        if self.focused is self.people:
            self._show_statements()
            self.statements.focus()
        else:
            self.action_open_selected()

    def action_open_selected(self) -> None:
        """enter: on a person, their statements; on a statement, its dispatch at the passage."""
        if self.focused is self.people:
            self._show_statements()
            self.statements.focus()
            return
        s = self.statements.current
        if s is None:
            return
        self.app.pop_screen()
        self.app.open_reader(s.index, at=(s.start, s.end))  # type: ignore[attr-defined]

    def action_back(self) -> None:
        """esc: close the search, then from the statements to the people, then back."""
        bar = self.query_one("#people-inputbar")
        if bar.has_class("-open"):
            bar.remove_class("-open")
            self.people.focus()
            return
        if self.focused is self.statements:
            self.people.focus()
            return
        self.app.pop_screen()

    def action_open_search(self) -> None:
        bar = self.query_one("#people-inputbar")
        bar.add_class("-open")
        field = self.query_one("#people-input", Input)
        field.value = self.name_query
        field.focus()

    @on(Input.Changed, "#people-input")
    def _search_changed(self, event: Input.Changed) -> None:
        self.name_query = event.value
        self._load_people(event.value)

    @on(Input.Submitted, "#people-input")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#people-inputbar").remove_class("-open")
        self.people.focus()

    def on_key(self, event) -> None:
        if self.focused is self.query_one("#people-input", Input) and event.key in ("up", "down"):
            self.people.action_cursor(-1 if event.key == "up" else 1)
            event.stop()
            event.prevent_default()

    # ------------------------------------------------------------------ copying
    def action_copy_statement(self) -> None:
        """y: the statement with its attribution, exactly as the reader's ``y`` copies it (cite.py)."""
        s = self.statements.current if self.focused is not self.people or self.statements.rows else None
        if s is None:
            self.app.notify(tr("nothing_to_copy"), severity="warning", markup=False, timeout=3)
            return
        self._cite(s)

    @work(thread=True, exclusive=True, group="cite", exit_on_error=False)
    def _cite(self, s: StatementRow) -> None:
        self.post_message(self.Cited(citation(self.catalog.session, s), one_line(s.speaker)))

    @on(Cited)
    def _cited(self, event: Cited) -> None:
        if event.text is None:
            self.app.notify(tr("nothing_to_copy"), severity="warning", markup=False, timeout=3)
            return
        self.app.copy_text(event.text, tr("copied_quote", who=event.who))  # type: ignore[attr-defined]

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < 100, "-narrow")


def citation(session, s: StatementRow) -> str | None:
    """The reader's citation of statement ``s`` (:func:`dispatchtui.cite.cite` on its analysed dispatch:
    from memory, the analysis cache, else analysed now). None when the dispatch cannot be read or the
    statement is not found in it any more."""
    from ...cite import cite

    d = session.analysed(s.index)
    if d is None:
        layout = session.layout(s.index)
        if isinstance(layout, str):
            return None
        try:
            d = session.cached(s.index, layout) or session.analyse(s.index, layout)
        except Exception:  # noqa: BLE001 - no analysis: nothing to cite
            return None
    i = s.quote if s.quote is not None and 0 <= s.quote < len(d.quotes) else _quote_at(d, s.start, s.end)
    return cite(d, i) if i is not None else None


def _quote_at(d, start: int, end: int) -> int | None:
    """The quote starting at ``start`` (else the first one overlapping ``[start, end)``)."""
    best = None
    for i, q in enumerate(d.quotes):
        if q.start == start:
            return i
        if best is None and q.start < max(end, start + 1) and start < q.end:
            best = i
    return best
