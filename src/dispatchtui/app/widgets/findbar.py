"""The find bar, docked at the bottom of the article pane (not a modal)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from ..commands import FIND, localize, make_bindings
from ..i18n import tr


class FindInput(Input):
    BINDINGS = make_bindings(FIND)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        localize(self, FIND)

    def action_find_next(self) -> None:
        self.post_message(FindBar.Step(+1))

    def action_find_prev(self) -> None:
        self.post_message(FindBar.Step(-1))

    def action_close(self) -> None:
        self.post_message(FindBar.Close())


class FindBar(Horizontal):
    """``/`` opens it; typing finds incrementally; enter/n next, shift+enter/N previous; escape closes."""

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

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), id="find-label")
        yield FindInput(placeholder=tr("find_placeholder"), id="find-input", select_on_focus=False)
        yield Static(Content(""), id="find-count")

    @property
    def input(self) -> FindInput:
        return self.query_one(FindInput)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self, value: str | None = None) -> None:
        self.add_class("-open")
        if value is not None:
            self.input.value = value
            self.input.cursor_position = len(value)
        self.input.focus()

    def close(self) -> None:
        self.remove_class("-open")

    def set_count(self, current: int | None, total: int, query: str) -> None:
        label = self.query_one("#find-count", Static)
        if not query:
            label.update(Content(""))
        elif total == 0:
            label.update(Content.styled(tr("no_matches"), "$text-error"))
        else:
            label.update(Content(f"{(current or 0) + 1}/{total}"))
