"""The find bar's input line. Its own module so that the reader's first paint does not import (or style)
Textual's Input: the find bar builds it the first time it opens."""
from __future__ import annotations

from textual.widgets import Input

from ..commands import FIND, localize, make_bindings
from .findbar import FindBar


class FindInput(Input):
    BINDINGS = make_bindings(FIND)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        localize(self, FIND)

    def action_submit_find(self) -> None:
        self.post_message(FindBar.Submit(+1))

    def action_submit_find_prev(self) -> None:
        self.post_message(FindBar.Submit(-1))

    def action_history(self, delta: int) -> None:
        bar = self.parent
        if isinstance(bar, FindBar):
            bar.step_history(delta)

    def action_close(self) -> None:
        self.post_message(FindBar.Close())
