"""The help screen, built from the live bindings of the screen it was opened over."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import tr


def collect_bindings(screen) -> list[tuple[str, str]]:
    """``(keys, description)`` rows for every binding reachable on ``screen``: its own, the app's and
    those of every widget on it (article, panels, find bar), keys of the same action joined."""
    app = screen.app
    keys: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    order: list[str] = []

    def add(binding: Binding) -> None:
        if not binding.description or binding.action in _NOISE:
            return
        action = binding.description.casefold()      # one row per meaning: "↓ j  Down"
        if action not in keys:
            keys[action] = []
            order.append(action)
            descriptions[action] = binding.description
        key = app.get_key_display(binding)
        if key not in keys[action]:
            keys[action].append(key)

    # our own declarations first (they carry ids), then Textual's built-ins
    # (a widget that builds its children on demand, like the find bar, lends their bindings meanwhile)
    maps = []
    for node in [screen, *screen.walk_children(with_self=False), app]:
        maps.append(node._bindings)
        lent = getattr(node, "help_bindings", None)
        if lent is not None:
            maps.extend(lent())
    for bindings_map in maps:
        for bindings in bindings_map.key_to_bindings.values():
            for binding in bindings:
                if binding.id:
                    add(binding)
    for bindings_map in maps:
        for bindings in bindings_map.key_to_bindings.values():
            for binding in bindings:
                add(binding)
    return [(" ".join(keys[a]), descriptions[a]) for a in order]


#: generic bindings of Textual's scroll containers that mean nothing in a reader without horizontal scroll
_NOISE = frozenset({"scroll_left", "scroll_right", "page_left", "page_right"})


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 72; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    HelpScreen #help-body { width: 100%; }
    """
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="help.close"),
        Binding("q", "dismiss", "Close", show=False, id="help.close_q"),
        Binding("question_mark", "dismiss", "Close", show=False, id="help.close_question"),
    ]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = tr("help_title")
            scroll.border_subtitle = tr("help_hint")
            width = max((len(k) for k, _ in self.rows), default=4) + 2
            width = min(width, 24)
            lines = []
            for keys, desc in self.rows:
                lines.append(Content.assemble((keys.ljust(width), "bold $text-accent"), desc))
            yield Static(Content("\n").join(lines), id="help-body")
