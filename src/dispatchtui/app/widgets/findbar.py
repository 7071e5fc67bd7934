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

        self._input = FindInput(value=value, placeholder=tr("find_placeholder"), id="find-input",
                                select_on_focus=False)
        self.mount(Static(Content("/"), id="find-label"), self._input, Static(self._count, id="find-count"))

    def open(self, value: str | None = None) -> None:
        self.add_class("-open")
        if self._input is None:
            self._build(value or "")
            field = self._input
            self.call_after_refresh(lambda: field.is_mounted and field.focus())
            return
        if value is not None:
            self._input.value = value
            self._input.cursor_position = len(value)
        self._input.focus()

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
