"""One declaration per command: it drives the key bindings, the footer, the help screen and the
command palette (davep/hike style). Labels are i18n keys, translated when a screen is created."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingsMap, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from .i18n import tr
from .widgets.safe import visible

if TYPE_CHECKING:
    from textual.dom import DOMNode


@dataclass(frozen=True)
class Cmd:
    id: str
    keys: str  # comma-separated Textual key names
    action: str
    label: str  # i18n key of the footer/help description
    palette: str | None = None  # i18n key of the palette title (None: not in the palette)
    show: bool = False  # in the footer
    key_display: str | None = None
    priority: bool = False
    help: str | None = None  # i18n key of a help row shared by several commands ("1 2 3 4  Focus …")
    group: str | None = None  # help section; default: from the id ("reader.x" → "reader")


READER: tuple[Cmd, ...] = (
    Cmd("reader.article", "1", "focus_pane('article')", "focus_article", show=True, help="help_focus"),
    Cmd("reader.speakers", "2", "focus_pane('speakers')", "focus_speakers", show=True, help="help_focus"),
    Cmd("reader.quotes", "3", "focus_pane('quotes')", "focus_quotes", show=True, help="help_focus"),
    Cmd("reader.topics", "4", "focus_pane('topics')", "focus_topics", show=True, help="help_focus"),
    Cmd("reader.next_pane", "tab", "cycle_pane(1)", "next_pane", help="help_cycle"),
    Cmd("reader.prev_pane", "shift+tab", "cycle_pane(-1)", "prev_pane", help="help_cycle", key_display="⇧tab"),
    Cmd("reader.find", "slash", "open_find", "find", "cmd_find", show=True, key_display="/", group="find"),
    Cmd("reader.find_next", "n", "find_step(1)", "find_next", help="help_find_step", group="find"),
    Cmd("reader.find_prev", "N", "find_step(-1)", "find_prev", help="help_find_step", group="find"),
    Cmd("reader.copy_quote", "y", "copy_quote", "copy_quote", show=True),
    Cmd("reader.copy_paragraph", "Y", "copy_paragraph", "copy_paragraph", "cmd_copy_paragraph"),
    Cmd(
        "reader.next",
        "right_square_bracket",
        "next_dispatch(1)",
        "next_dispatch",
        "cmd_next",
        show=True,
        key_display="]",
        help="help_dispatch",
    ),
    Cmd(
        "reader.prev",
        "left_square_bracket",
        "next_dispatch(-1)",
        "prev_dispatch",
        "cmd_prev",
        show=True,
        key_display="[",
        help="help_dispatch",
    ),
    Cmd("reader.panels", "p", "toggle_panels", "toggle_panels", "cmd_toggle_panels"),
    Cmd("reader.statements", "r", "toggle_statements", "toggle_statements", "cmd_toggle_statements", group="panels"),
    Cmd("reader.pager", "o", "open_external('pager')", "open_pager", "cmd_open_pager"),
    Cmd("reader.editor", "e", "open_external('editor')", "open_editor", "cmd_open_editor"),
    Cmd("reader.people", "P", "app.people", "people", "cmd_people"),
    Cmd("reader.escape", "escape", "escape", "escape", key_display="esc"),
    Cmd("reader.back", "q", "back", "back", "cmd_library", show=True),
)

LIBRARY: tuple[Cmd, ...] = (
    Cmd("library.open", "enter", "open_selected", "open", show=True),
    Cmd("library.filter", "f", "open_input('filter')", "filter", "cmd_filter", show=True),
    Cmd("library.search", "slash", "open_input('search')", "search", "cmd_search", show=True, key_display="/"),
    Cmd("library.facets", "F", "facets", "facets", "cmd_facets", show=True),
    Cmd("library.sort_date", "d", "sort('date')", "sort_date", "cmd_sort_date", help="help_sort"),
    Cmd("library.sort_agency", "a", "sort('agency')", "sort_agency", "cmd_sort_agency", help="help_sort"),
    Cmd(
        "library.sort_statements", "s", "sort('statements')", "sort_statements", "cmd_sort_statements", help="help_sort"
    ),
    Cmd("library.next_unread", "n", "next_unread", "next_unread", "cmd_next_unread", help="help_unread"),
    Cmd("library.toggle_read", "N", "toggle_read", "toggle_read", "cmd_toggle_read", help="help_unread"),
    Cmd("library.people", "P", "app.people", "people", "cmd_people", show=True),
    Cmd("library.indexing", "i", "toggle_indexing", "toggle_indexing", "cmd_toggle_indexing"),
    Cmd("library.close_input", "escape", "close_input", "close_input", show=True, key_display="esc"),
    Cmd("library.quit", "q", "app.quit", "quit", show=True),
)

PEOPLE: tuple[Cmd, ...] = (
    Cmd("people.open", "enter", "open_selected", "people_open", show=True, key_display="⏎"),
    Cmd("people.copy", "y", "copy_statement", "copy_quote", "cmd_copy_statement", show=True),
    Cmd("people.search", "slash", "open_search", "people_search", "cmd_people_search", show=True, key_display="/"),
    Cmd("people.back", "escape", "back", "people_back", show=True, key_display="esc"),
    Cmd("people.quit", "q", "back", "back", help="help_people_back"),
)

ARTICLE: tuple[Cmd, ...] = (
    Cmd("article.down", "j,down", "scroll_down", "down", help="help_line"),
    Cmd("article.up", "k,up", "scroll_up", "up", help="help_line"),
    Cmd("article.page_down", "space,pagedown", "page_down", "page_down", help="help_page"),
    Cmd("article.page_up", "b,pageup", "page_up", "page_up", help="help_page"),
    Cmd("article.top", "g,home", "scroll_home", "top", help="help_ends"),
    Cmd("article.bottom", "G,end", "scroll_end", "bottom", help="help_ends"),
)

PANEL: tuple[Cmd, ...] = (
    Cmd("panels.down", "j,down", "cursor_down", "down", help="help_line"),
    Cmd("panels.up", "k,up", "cursor_up", "up", help="help_line"),
    Cmd("panels.page_down", "pagedown", "page_down", "page_down", help="help_page"),
    Cmd("panels.page_up", "pageup", "page_up", "page_up", help="help_page"),
    Cmd("panels.top", "g,home", "first", "top", help="help_ends"),
    Cmd("panels.bottom", "G,end", "last", "bottom", help="help_ends"),
    Cmd("panels.jump", "enter", "select", "jump", key_display="⏎"),
)

LIBLIST: tuple[Cmd, ...] = (
    Cmd("library.down", "j,down", "cursor(1)", "down", help="help_line"),
    Cmd("library.up", "k,up", "cursor(-1)", "up", help="help_line"),
    Cmd("library.page_down", "space,pagedown", "page(1)", "page_down", help="help_page"),
    Cmd("library.page_up", "b,pageup", "page(-1)", "page_up", help="help_page"),
    Cmd("library.top", "g,home", "jump(0)", "top", help="help_ends"),
    Cmd("library.bottom", "G,end", "jump(-1)", "bottom", help="help_ends"),
)

FIND: tuple[Cmd, ...] = (
    Cmd("find.submit", "enter", "submit_find", "find_submit", show=True, key_display="⏎"),
    Cmd("find.submit_prev", "shift+enter", "submit_find_prev", "find_submit_prev", key_display="⇧⏎"),
    Cmd("find.history_prev", "up", "history(-1)", "history_prev", key_display="↑↓", help="help_history"),
    Cmd("find.history_next", "down", "history(1)", "history_next", help="help_history"),
    Cmd("find.close", "escape", "close", "find_close", show=True, key_display="esc"),
)

APP: tuple[Cmd, ...] = (
    Cmd("app.help", "question_mark,f1", "help", "help", "cmd_help", show=True, key_display="?"),
    Cmd("app.quit", "Q", "quit", "quit_now"),
    Cmd("app.palette", "ctrl+p", "command_palette", "palette", key_display="^p"),
)

#: the help screen's own keys (it is not listed in itself)
HELP: tuple[Cmd, ...] = (Cmd("help.close", "escape,q,question_mark", "dismiss", "close"),)

#: every table, for the help screen: (section i18n key, table)
HELP_SECTIONS = ("reader", "article", "panels", "find", "library", "people", "app")

#: the tables, one per kind of node that declares bindings (a key is looked up in one of them at a time)
TABLES = (READER, LIBRARY, PEOPLE, ARTICLE, PANEL, LIBLIST, FIND, APP, HELP)


def make_bindings(cmds: Iterable[Cmd]) -> list[BindingType]:
    """Bindings with English descriptions (class level); :func:`localize` translates per instance. Every key
    of a command carries an id (``reader.find``, ``reader.find#1`` …): the help screen reads them back."""
    out: list[BindingType] = []
    for c in cmds:
        for n, key in enumerate(c.keys.split(",")):
            first = n == 0
            out.append(
                Binding(
                    key,
                    c.action,
                    tr(c.label),
                    show=c.show and first,
                    key_display=c.key_display if first else None,
                    priority=c.priority,
                    id=c.id if first else f"{c.id}#{n}",
                )
            )
    return out


COMMANDS: dict[str, Cmd] = {}
for _table in TABLES:
    for _c in _table:
        COMMANDS.setdefault(_c.id, _c)


def command_index(cmd_id: str) -> int:
    """Where a command is declared (the help lists rows in this order)."""
    return _ORDER.get(cmd_id, len(_ORDER))


_ORDER = {cmd_id: n for n, cmd_id in enumerate(COMMANDS)}


def command_of(binding_id: str | None) -> Cmd | None:
    """The declaration a binding came from (by its id), or None for Textual's own bindings."""
    if not binding_id:
        return None
    return COMMANDS.get(binding_id.split("#", 1)[0])


def localize(node: DOMNode, cmds: Iterable[Cmd]) -> None:
    """Replace the descriptions of ``node``'s bindings from ``cmds`` with the current language."""
    labels = {c.action: tr(c.label) for c in cmds}
    bindings = []
    for key_bindings in node._bindings.key_to_bindings.values():
        for b in key_bindings:
            if b.action in labels:
                from dataclasses import replace

                b = replace(b, description=labels[b.action])
            bindings.append(b)
    node._bindings = BindingsMap(bindings)


#: a palette entry: (title, what it does, help line)
PaletteCommand = tuple[str, Callable[[], Any], str]


class DispatchCommands(Provider):
    """The palette: the current screen's commands that are enabled now (``check_action``: hike does the
    same), plus per-dispatch commands (jump to speaker …, copy quote …, jump to topic …) and theme
    switching."""

    def _commands(self) -> list[PaletteCommand]:
        screen = self.screen
        out: list[PaletteCommand] = []
        table = getattr(screen, "COMMAND_TABLE", ())
        for c in table:
            if c.palette and enabled(screen, c.action):
                out.append((tr(c.palette), partial(screen.run_action, c.action), tr(c.label)))
        for c in APP:
            if c.palette and enabled(self.app, c.action):
                out.append((tr(c.palette), partial(screen.run_action, c.action), tr(c.label)))
        dynamic = getattr(screen, "palette_commands", None)
        if dynamic is not None:
            out.extend(dynamic())
        app = self.app
        for name in sorted(app.available_themes):
            out.append((tr("cmd_theme", name=name), partial(setattr, app, "theme", name), ""))
        return out

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(Content(visible(title)), callback, text=title, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, _highlight(matcher, title), callback, text=title, help=help_text or None)


def enabled(node: DOMNode, action: str) -> bool:
    """Would ``action`` run on ``node`` now? (Its ``check_action`` says False, or None — shown greyed in the
    footer —, when it would not; the ``app.`` namespace asks the app.)"""
    from textual.actions import parse

    namespace, name, parameters = parse(action)
    target = node.app if namespace == "app" else node
    return bool(target.check_action(name, parameters))


def _highlight(matcher, title: str) -> Content:
    """Like ``Matcher.highlight`` but never parses ``title`` as markup (it may hold dispatch text)."""
    content = Content(visible(title))
    try:
        score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    except Exception:  # noqa: BLE001 - Textual's fuzzy matcher is not public API: if it changes, the title shows plain
        return content
    style = matcher.match_style
    if score and style is not None:
        for offset in offsets:
            if offset < len(title) and not title[offset].isspace():
                content = content.stylize(style, offset, offset + 1)
    return content
