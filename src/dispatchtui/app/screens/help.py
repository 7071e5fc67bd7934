"""The help screen, built from the live bindings of the screen it was opened over, grouped by context
(reader, article, panels, find, library, everywhere). Only the project's own declarations are listed (their
bindings carry ids, see ``commands.make_bindings``): Textual's built-ins (the find input's text-editing keys,
the option list's duplicates) would double the screen and mean nothing new to a reader."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..commands import HELP, HELP_SECTIONS, command_index, command_of, localize, make_bindings
from ..i18n import tr

Rows = list[tuple[str, str]]


def collect_sections(screen) -> list[tuple[str, Rows]]:
    """``(section title, [(keys, description)])`` for every declared binding reachable on ``screen``: its
    own, the app's and those of every widget on it (article, panels, find bar), the keys of one command —
    or of commands sharing a help row — joined (``n N  Next / previous match``)."""
    app = screen.app
    #: section → row → [(order, key shown)], description
    rows: dict[str, dict[str, tuple[list[tuple[tuple[int, int], str]], str]]] = {n: {} for n in HELP_SECTIONS}
    maps = []
    # a widget that builds its children on demand (the find bar) lends their bindings meanwhile
    for node in [screen, *screen.walk_children(with_self=False), app]:
        maps.append(node._bindings)
        lent = getattr(node, "help_bindings", None)
        if lent is not None:
            maps.extend(lent())
    keymap = getattr(app, "keymap", None)  # the user's keys (see ..keymap), as Textual applies them
    for bindings_map in maps:
        if keymap:
            bindings_map = bindings_map.copy()
            bindings_map.apply_keymap(keymap)
        for bindings in bindings_map.key_to_bindings.values():
            for binding in bindings:
                _add(app, rows, binding)
    out = []
    for name in HELP_SECTIONS:
        if rows[name]:
            ordered = sorted(rows[name].values(), key=lambda r: min(r[0]))
            out.append((tr(f"help_{name}"), [(_keys(keys), desc) for keys, desc in ordered]))
    return out


#: named keys left out of a help row that has letter keys for the same thing ("g G", not "g G home end")
_ALIASES = frozenset({"pgdn", "pgup", "home", "end"})


def _keys(keys: list[tuple[tuple[int, int], str]]) -> str:
    shown: list[str] = []
    letters = any(len(key) == 1 and key.isalpha() for _, key in keys)
    for _, key in sorted(keys):
        if letters and key in _ALIASES:
            continue
        if key not in shown and not (len(key) == 1 and any(key in o and len(o) > 1 for _, o in keys)):
            shown.append(key)  # "↓" goes into the "↑↓" of its row
    return " ".join(shown)


def _add(app, rows, binding: Binding) -> None:
    cmd = command_of(binding.id)
    if cmd is None or not binding.description:
        return
    section = cmd.group or cmd.id.split(".", 1)[0]
    section = section if section in rows else "app"
    row = cmd.help or cmd.id
    keys, _ = rows[section].setdefault(row, ([], tr(cmd.help) if cmd.help else binding.description))
    # the first key of every command of the row, then the second ones: "j k ↓ ↑"
    order = (_key_position(app, binding), command_index(cmd.id))
    if all(o != order for o, _ in keys):
        keys.append((order, app.get_key_display(binding)))


def _key_position(app, binding: Binding) -> int:
    """Which of its command's keys ``binding`` is: as the user's keymap lists them, else as declared."""
    user_keys = (getattr(app, "keymap", None) or {}).get(binding.id or "")
    if user_keys:
        keys = user_keys.split(",")
        return keys.index(binding.key) if binding.key in keys else 0
    return int(binding.id.split("#")[1]) if binding.id and "#" in binding.id else 0


def collect_bindings(screen) -> Rows:
    """Every row of :func:`collect_sections`, without the sections."""
    return [row for _, rows in collect_sections(screen) for row in rows]


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: auto; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    HelpScreen Horizontal { width: auto; height: auto; }
    HelpScreen .help-column { width: auto; max-width: 60; padding: 0 1 0 0; }
    """
    BINDINGS = make_bindings(HELP)

    def __init__(self, sections: list[tuple[str, Rows]]) -> None:
        super().__init__()
        localize(self, HELP)
        self.sections = sections

    @property
    def rows(self) -> Rows:
        return [row for _, rows in self.sections for row in rows]

    def compose(self) -> ComposeResult:
        width = self.app.size.width
        columns = _split(self.sections) if width >= 80 else [self.sections]
        with VerticalScroll() as scroll:
            scroll.border_title = tr("help_title")
            scroll.border_subtitle = tr("help_hint")
            with Horizontal():
                for n, column in enumerate(columns):
                    yield Static(
                        _render(column, (width - 8) // len(columns)), classes="help-column", id=f"help-column-{n}"
                    )


def _split(sections: list[tuple[str, Rows]]) -> list[list[tuple[str, Rows]]]:
    """Two columns of about the same height, sections kept whole and in order."""
    heights = [len(rows) + 2 for _, rows in sections]
    total = sum(heights)
    best, best_diff = 1, total
    for cut in range(1, len(sections)):
        left = sum(heights[:cut])
        if abs(total - 2 * left) < best_diff:
            best, best_diff = cut, abs(total - 2 * left)
    return [sections[:best], sections[best:]] if len(sections) > 1 else [sections]


def _render(sections: list[tuple[str, Rows]], room: int) -> Content:
    key_width = min(12, max((len(k) for _, rows in sections for k, _ in rows), default=4) + 1)
    lines: list[Content] = []
    for title, rows in sections:
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(title, "bold underline"))
        for keys, desc in rows:
            room_for_desc = max(8, room - key_width - 1)
            if len(desc) > room_for_desc:
                desc = desc[: room_for_desc - 1].rstrip() + "…"
            lines.append(Content.assemble((keys.ljust(key_width), "bold $text-accent"), desc))
    return Content("\n").join(lines)
