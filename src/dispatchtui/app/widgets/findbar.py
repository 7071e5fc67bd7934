"""The find bar, docked at the bottom of the article pane (not a modal).

It is composed empty and builds its children (label, input, count) the first time it opens: the reader's
first paint neither imports nor styles an Input nobody has asked for yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from ..i18n import tr

if TYPE_CHECKING:
    from .findinput import FindInput


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
        self._input: FindInput | None = None  # the FindInput, once built
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

        return [FindInput()._bindings]  # never mounted: only its (localized) bindings are read

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def _build(self, value: str) -> None:
        from .findinput import FindInput

        # each `/` opens with the last query selected (typing replaces it, → edits it): see open()
        self._input = FindInput(value=value, placeholder=tr("find_placeholder"), id="find-input", select_on_focus=False)
        self.mount(Static(Content("/"), id="find-label"), self._input, Static(self._count, id="find-count"))

    @property
    def history(self) -> list[str]:
        """The session's queries, oldest first (kept on the app: they outlive a reader screen)."""
        app = self.app
        if not hasattr(app, "find_history"):
            app.find_history = []  # type: ignore[attr-defined]
        return app.find_history  # type: ignore[attr-defined]

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

    def submit(self, direction: int) -> None:
        """Enter in the input: the search is done (posted from the bar, as the screen listens for it)."""
        self.post_message(self.Submit(direction))

    def close_find(self) -> None:
        self.post_message(self.Close())

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
        self._typed_early = False
        self._opening = True
        if self._input is None:
            history = self.history
            self._build(value if value is not None else (history[-1] if history else ""))
            self.call_after_refresh(self._focus_input)
            return
        if value is not None:
            self._input.value = value
        self._input.focus()
        self._input.selection = _all(self._input.value)

    def _focus_input(self) -> None:
        field = self._input
        if field is None or not field.is_mounted or not self.is_open or not self._opening:
            return  # closed or submitted meanwhile (keys typed fast)
        self.screen.set_focus(field)
        if self._typed_early:
            field.cursor_position = len(field.value)
        else:
            field.selection = _all(field.value)

    #: keys typed between `/` and the input taking the focus (the first open builds it: a frame or two)
    _typed_early = False

    #: between `/` and the input taking the focus
    _opening = False

    def focused_input(self) -> None:
        self._opening = False

    def wants_keys(self) -> bool:
        """Just opened, and the input does not have the focus yet: keys typed now are meant for it."""
        return self._opening and self.is_open and (self._input is None or self.screen.focused is not self._input)

    def feed(self, key: str, character: str | None) -> bool:
        """A key typed before the input had the focus (see :meth:`wants_keys`). True if it was taken."""
        field = self._input
        if field is None:
            return False
        if key in ("enter", "escape"):
            self._opening = False
            self.post_message(self.Submit(+1) if key == "enter" else self.Close())
            return True
        if key == "backspace":
            field.value = field.value[:-1]
            self._typed_early = True
            return True
        if character and character.isprintable():
            # the first key replaces the preselected last query, like typing over a selection
            field.value = (field.value if self._typed_early else "") + character
            field.cursor_position = len(field.value)
            self._typed_early = True
            return True
        return False

    def close(self) -> None:
        self._opening = False
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
