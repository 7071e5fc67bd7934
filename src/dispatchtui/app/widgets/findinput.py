"""The find bar's input line. Its own module so that the reader's first paint does not import (or style)
Textual's Input: the find bar builds it the first time it opens."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual import events
from textual.widgets import Input

from ..commands import FIND, localize, make_bindings


@runtime_checkable
class FindHost(Protocol):
    """What the input asks of the bar it sits in (the find bar; a protocol, so the bar, which builds the
    input lazily, and the input do not import each other)."""

    def submit(self, direction: int) -> None: ...
    def close_find(self) -> None: ...
    def focused_input(self) -> None: ...
    def step_history(self, delta: int) -> None: ...


class FindInput(Input):
    BINDINGS = make_bindings(FIND)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        localize(self, FIND)

    # The focus moves back to the text at once (Widget.focus() would wait a turn of the loop, and an `n`
    # typed right after enter would still land here).
    def _back_to_text(self) -> None:
        article = getattr(self.screen, "article", None)
        if article is not None:
            self.screen.set_focus(article)

    def action_submit_find(self) -> None:
        self._back_to_text()
        if isinstance(self.parent, FindHost):
            self.parent.submit(+1)

    def action_submit_find_prev(self) -> None:
        self._back_to_text()
        if isinstance(self.parent, FindHost):
            self.parent.submit(-1)

    def action_close(self) -> None:
        self._back_to_text()
        if isinstance(self.parent, FindHost):
            self.parent.close_find()

    #: keys whose binding moves the focus away: handled here, at once, not when the key has bubbled up to
    #: the app (Textual checks bindings last): keys typed right after them are already queued for this input
    _LEAVING = {"enter": "submit_find", "shift+enter": "submit_find_prev", "escape": "close"}

    async def _on_key(self, event: events.Key) -> None:
        target = self.screen.focused  # (not has_focus: that follows a Blur event still queued)
        if target is not self:
            # forwarded here before enter/escape moved the focus (typed fast, or while a search ran):
            # meant for where the focus is now (`n` after `/query⏎`)
            if target is not None:
                event.stop()
                event.prevent_default()
                target.post_message(events.Key(event.key, event.character))
                return
        action = self._LEAVING.get(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            getattr(self, f"action_{action}")()

    def on_focus(self) -> None:
        bar = self.parent
        if isinstance(bar, FindHost):
            bar.focused_input()

    def action_history(self, delta: int) -> None:
        bar = self.parent
        if isinstance(bar, FindHost):
            bar.step_history(delta)
