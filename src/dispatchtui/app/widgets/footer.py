"""A one-line stand-in for Textual's Footer that swaps itself for the real one after the first paint.

Composing the Footer (a FooterKey per binding, each styled through the whole stylesheet, recomposed when
the bindings settle) costs as much as the rest of the reader's first frame; the keys can arrive one frame
later. The slot keeps the line reserved, so nothing moves when they do.
"""
from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Footer


class FooterSlot(Widget):
    DEFAULT_CSS = """
    FooterSlot {
        dock: bottom;
        height: 1;
        background: $footer-background;
    }
    """

    def on_mount(self) -> None:
        self.call_after_refresh(self._swap)

    def _swap(self) -> None:
        parent = self.parent
        if parent is None or not self.is_attached:
            return
        screen = self.screen
        parent.mount(Footer(), before=self)
        self.remove()
        # a Footer shows its keys when the screen's bindings change: tell it they did
        screen.call_after_refresh(screen.refresh_bindings)
