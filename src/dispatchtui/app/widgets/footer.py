"""The key line at the bottom: the screen's shown bindings, one widget, one line.

Textual's Footer composes a widget per key and recomposes them all whenever the bindings change (every
focus change), each styled through the whole stylesheet: as much work as the rest of the reader's first
frame, again on every tab. This footer renders the same information as a single line of text and only
re-renders when the bindings change. Keys are clickable.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widget import Widget


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--separator"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyFooter > .key-footer--separator { color: $foreground 20%; }
    """

    #: kept at the right end whatever the width (a new user's way out and way to learn): help, back, quit
    PINNED = ("app.help", "reader.back", "library.quit")

    def __init__(self) -> None:
        super().__init__()
        self._items: list[tuple[str, str, str, bool]] = []  # (key, key display, description, enabled)
        self._pinned: list[tuple[str, str, str, bool]] = []
        self._palette: tuple[str, str, str, bool] | None = None
        self._spans: list[tuple[int, int, str]] = []  # clickable cells: (x0, x1, key)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._collect()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        if self.is_attached and screen is self.screen:
            self._collect()
            self.refresh()

    def _collect(self) -> None:
        app = self.app
        items: list[tuple[str, str, str, bool]] = []
        pinned: dict[str, tuple[str, str, str, bool]] = {}
        seen: set[str] = set()
        self._palette = None
        for _key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            # the palette's key (whichever the user's keymap gave it) goes at the right end
            if app.ENABLE_COMMAND_PALETTE and binding.action in ("command_palette", "app.command_palette"):
                if self._palette is None:
                    self._palette = (binding.key, app.get_key_display(binding), binding.description, enabled)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            item = (binding.key, app.get_key_display(binding), binding.description, enabled)
            if binding.id in self.PINNED:
                pinned[binding.id] = item
            else:
                items.append(item)
        self._items = items
        self._pinned = [pinned[i] for i in self.PINNED if i in pinned]

    def render(self) -> Text:
        width = self.size.width
        key_style = self.get_component_rich_style("key-footer--key")
        desc_style = self.get_component_rich_style("key-footer--description")
        sep_style = self.get_component_rich_style("key-footer--separator")
        pinned = Text(no_wrap=True)
        pinned_keys: list[tuple[int, int, str]] = []
        for key, shown, desc, _enabled in self._pinned:
            part = Text.assemble((f" {shown} ", key_style), (f"{desc} ", desc_style))
            pinned_keys.append((pinned.cell_len, pinned.cell_len + part.cell_len, key))
            pinned.append_text(part)
        right = Text()
        if self._palette is not None and width - pinned.cell_len >= 40:  # the palette goes first
            key, shown, desc, _ = self._palette
            right = Text.assemble(("▏", sep_style), (shown, key_style), (f" {desc} ", desc_style))
        line = Text(no_wrap=True, overflow="crop")
        spans: list[tuple[int, int, str]] = []
        room = max(0, width - right.cell_len - pinned.cell_len)
        for key, shown, desc, enabled in self._items:
            part = Text.assemble((f" {shown} ", key_style), (f"{desc} ", desc_style))
            if not enabled:
                part.stylize("dim")
            if line.cell_len + part.cell_len > room:
                break
            spans.append((line.cell_len, line.cell_len + part.cell_len, key))
            line.append_text(part)
        tail = pinned.cell_len + right.cell_len
        if tail and width >= tail:
            line.append(" " * max(0, width - line.cell_len - tail))
            x = line.cell_len
            spans.extend((x + a, x + b, key) for a, b, key in pinned_keys)
            line.append_text(pinned)
            if right.cell_len:
                spans.append((line.cell_len + 1, width, self._palette[0]))  # type: ignore[index]
                line.append_text(right)
        self._spans = spans
        return line

    def on_click(self, event: events.Click) -> None:
        for x0, x1, key in self._spans:
            if x0 <= event.x < x1:
                self.app.simulate_key(key)
                return
