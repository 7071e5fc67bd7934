"""One declaration per command: it drives the key bindings, the footer, the help screen and the
command palette (davep/hike style). Labels are i18n keys, translated when a screen is created."""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Iterable

from textual.binding import Binding, BindingsMap
from textual.command import DiscoveryHit, Hit, Hits, Provider

from textual.content import Content

from .i18n import tr
from .widgets.safe import visible

if TYPE_CHECKING:
    from textual.dom import DOMNode


@dataclass(frozen=True)
class Cmd:
    id: str
    keys: str                    # comma-separated Textual key names
    action: str
    label: str                   # i18n key of the footer/help description
    palette: str | None = None   # i18n key of the palette title (None: not in the palette)
    show: bool = False           # in the footer
    key_display: str | None = None
    priority: bool = False


READER: tuple[Cmd, ...] = (
    Cmd("reader.article", "1", "focus_pane('article')", "focus_article", show=True),
    Cmd("reader.speakers", "2", "focus_pane('speakers')", "focus_speakers", show=True),
    Cmd("reader.quotes", "3", "focus_pane('quotes')", "focus_quotes", show=True),
    Cmd("reader.topics", "4", "focus_pane('topics')", "focus_topics", show=True),
    Cmd("reader.next_pane", "tab", "cycle_pane(1)", "next_pane"),
    Cmd("reader.prev_pane", "shift+tab", "cycle_pane(-1)", "prev_pane"),
    Cmd("reader.find", "slash", "open_find", "find", "cmd_find", show=True, key_display="/"),
    Cmd("reader.find_next", "n", "find_step(1)", "find_next"),
    Cmd("reader.find_prev", "N", "find_step(-1)", "find_prev"),
    Cmd("reader.copy_quote", "y", "copy_quote", "copy_quote", show=True),
    Cmd("reader.copy_paragraph", "Y", "copy_paragraph", "copy_paragraph", "cmd_copy_paragraph"),
    Cmd("reader.next", "right_square_bracket", "next_dispatch(1)", "next_dispatch", "cmd_next",
        show=True, key_display="]"),
    Cmd("reader.prev", "left_square_bracket", "next_dispatch(-1)", "prev_dispatch", "cmd_prev",
        show=True, key_display="["),
    Cmd("reader.panels", "p", "toggle_panels", "toggle_panels", "cmd_toggle_panels"),
    Cmd("reader.back", "escape", "back", "back", "cmd_library", show=True, key_display="esc"),
)

LIBRARY: tuple[Cmd, ...] = (
    Cmd("library.open", "enter", "open_selected", "open", show=True),
    Cmd("library.filter", "f", "open_input('filter')", "filter", "cmd_filter", show=True),
    Cmd("library.search", "slash", "open_input('search')", "search", "cmd_search", show=True,
        key_display="/"),
    Cmd("library.close_input", "escape", "close_input", "close", show=True, key_display="esc"),
)

ARTICLE: tuple[Cmd, ...] = (
    Cmd("article.down", "j", "scroll_down", "down"),
    Cmd("article.up", "k", "scroll_up", "up"),
    Cmd("article.page_down", "space", "page_down", "page_down"),
    Cmd("article.page_up", "b", "page_up", "page_up"),
    Cmd("article.top", "g", "scroll_home", "top"),
    Cmd("article.bottom", "G", "scroll_end", "bottom"),
)

LIBLIST: tuple[Cmd, ...] = (
    Cmd("library.down", "down,j", "cursor(1)", "down"),
    Cmd("library.up", "up,k", "cursor(-1)", "up"),
    Cmd("library.page_down", "pagedown,space", "page(1)", "page_down"),
    Cmd("library.page_up", "pageup,b", "page(-1)", "page_up"),
    Cmd("library.top", "home,g", "jump(0)", "top"),
    Cmd("library.bottom", "end,G", "jump(-1)", "bottom"),
)

FIND: tuple[Cmd, ...] = (
    Cmd("find.next", "enter,down", "find_next", "find_next", show=True, key_display="⏎"),
    Cmd("find.prev", "shift+enter,up", "find_prev", "find_prev", show=True, key_display="⇧⏎"),
    Cmd("find.close", "escape", "close", "close", show=True, key_display="esc"),
)

APP: tuple[Cmd, ...] = (
    Cmd("app.help", "question_mark,f1", "help", "help", "cmd_help", show=True, key_display="?"),
    Cmd("app.quit", "q", "quit", "quit", show=True),
    Cmd("app.palette", "ctrl+p", "command_palette", "palette", key_display="^p"),
)


def make_bindings(cmds: Iterable[Cmd]) -> list[Binding]:
    """Bindings with English descriptions (class level); :func:`localize` translates per instance."""
    out = []
    for c in cmds:
        for n, key in enumerate(c.keys.split(",")):
            first = n == 0
            out.append(Binding(key, c.action, tr(c.label), show=c.show and first,
                               key_display=c.key_display if first else None,
                               priority=c.priority, id=c.id if first else None))
    return out


def localize(node: "DOMNode", cmds: Iterable[Cmd]) -> None:
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


class DispatchCommands(Provider):
    """The palette: the current screen's commands, plus per-dispatch commands (jump to speaker …,
    copy quote …, jump to topic …) and theme switching."""

    def _commands(self) -> list[tuple[str, object, str]]:
        screen = self.screen
        out: list[tuple[str, object, str]] = []
        table = getattr(screen, "COMMAND_TABLE", ())
        for c in (*table, *APP):
            if c.palette:
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


def _highlight(matcher, title: str) -> Content:
    """Like ``Matcher.highlight`` but never parses ``title`` as markup (it may hold dispatch text)."""
    content = Content(visible(title))
    try:
        score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    except Exception:
        return content
    style = matcher.match_style
    if score and style is not None:
        for offset in offsets:
            if offset < len(title) and not title[offset].isspace():
                content = content.stylize(style, offset, offset + 1)
    return content
