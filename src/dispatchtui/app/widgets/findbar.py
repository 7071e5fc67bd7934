"""The find bar, docked at the bottom of the article pane (not a modal).

It is composed empty and builds its children (label, input, count) the first time it opens: the reader's
first paint neither imports nor styles an Input nobody has asked for yet.
"""
from __future__ import annotations

from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from ..i18n import tr


class FindBar(Horizontal):
    """``/`` opens it with the last query selected; typing finds incrementally; enter goes back to the text
    (``n``/``N`` then step through the matches); ↑/↓ walk the session's earlier queries; escape closes it
    (the matches stay until a new search or a second escape)."""

    DEFAULT_CSS = """
    FindBar {
        dock: bottom;
        height: 1;
        display: none;
        background: $panel;
    }
    FindBar.-open { display: block; }
    FindBar > #find-label { width: auto; padding: 0 1; color: $text-accent; }
    FindBar > FindInput { width: 1fr; height: 1; border: none; padding: 0; background: $panel; }
    FindBar > FindInput:focus { border: none; background: $boost; }
    FindBar > #find-count { width: auto; min-width: 9; padding: 0 1; text-align: right; }
    """

    class Step(Message):
        def __init__(self, direction: int) -> None:
            super().__init__()
            self.direction = direction

    class Close(Message):
        pass

    class Submit(Message):
        """Enter: the search is done, back to the text (``direction`` -1: to the match before)."""

        def __init__(self, direction: int) -> None:
            super().__init__()
            self.direction = direction

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._input = None                 # the FindInput, once built
        self._count = Content("")

    @property
    def value(self) -> str:
        """What is typed in the bar ("" before it was ever opened)."""
        return "" if self._input is None else self._input.value

    def help_bindings(self) -> list:
        """The find keys for the help screen while the input is not built yet (once it is, the help
        finds them on the input itself)."""
        if self._input is not None:
            return []
        from .findinput import FindInput

        return [FindInput()._bindings]       # never mounted: only its (localized) bindings are read

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def _build(self, value: str) -> None:
        from .findinput import FindInput

        # select_on_focus: each `/` opens with the last query selected (typing replaces it, → edits it)
        self._input = FindInput(value=value, placeholder=tr("find_placeholder"), id="find-input",
                                select_on_focus=True)
        self.mount(Static(Content("/"), id="find-label"), self._input, Static(self._count, id="find-count"))

    @property
    def history(self) -> list[str]:
        """The session's queries, oldest first (kept on the app: they outlive a reader screen)."""
        app = self.app
        if not hasattr(app, "find_history"):
            app.find_history = []            # type: ignore[attr-defined]
        return app.find_history              # type: ignore[attr-defined]

    def remember(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        history = self.history
        if query in history:
            history.remove(query)
        history.append(query)
        self._history_pos = None

    _history_pos: int | None = None

    def step_history(self, delta: int) -> None:
        """↑ (-1) an earlier query, ↓ (+1) a later one, past the newest: an empty line."""
        history = self.history
        if self._input is None or not history:
            return
        pos = len(history) if self._history_pos is None else self._history_pos
        pos = max(0, min(len(history), pos + delta))
        self._history_pos = pos
        value = history[pos] if pos < len(history) else ""
        self._input.value = value
        self._input.cursor_position = len(value)

    def open(self, value: str | None = None) -> None:
        self.add_class("-open")
        self._history_pos = None
        if self._input is None:
            history = self.history
            self._build(value if value is not None else (history[-1] if history else ""))
            field = self._input
            self.call_after_refresh(lambda: field.is_mounted and field.focus())
            return
        if value is not None:
            self._input.value = value
        self._input.focus()
        self._input.selection = _all(self._input.value)   # focus selects only when it moves

    def close(self) -> None:
        self.remove_class("-open")

    def set_count(self, current: int | None, total: int, query: str) -> None:
        if not query:
            self._count = Content("")
        elif total == 0:
            self._count = Content.styled(tr("no_matches"), "$text-error")
        else:
            self._count = Content(f"{(current or 0) + 1}/{total}")
        for label in self.query("#find-count").results(Static):
            label.update(self._count)


def _all(value: str):
    from textual.widgets.input import Selection

    return Selection(0, len(value))
