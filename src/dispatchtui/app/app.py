"""DispatchApp: the screens, the global keys, the theme, the clipboard."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App
from textual.message import Message
from textual.screen import Screen

from .. import clipboard, config
from .commands import APP, DispatchCommands, localize, make_bindings
from .i18n import set_lang, tr
from .session import Analyser, Segmenter, Session
from .widgets.safe import visible

DEFAULT_THEME = "textual-dark"


def styles_dir() -> Path:
    """The stylesheets: package data of dispatchtui, found the one way, through :mod:`importlib.resources`.
    In a source checkout ``dispatchtui/styles`` is a link to the repository's top-level ``styles/`` (the
    folder the design card names); the wheel build follows the link and ships the files themselves."""
    from importlib.resources import files

    return Path(str(files("dispatchtui") / "styles"))


class Copied(Message, bubble=False):
    """The system clipboard took ``text`` (posted by the clipboard worker)."""

    def __init__(self, text: str, what: str) -> None:
        super().__init__()
        self.text, self.what = text, what


class DispatchApp(App[int]):
    TITLE = "dispatchtui"
    CSS_PATH = [styles_dir() / "app.tcss"]
    BINDINGS = make_bindings(APP)
    COMMANDS = App.COMMANDS | {DispatchCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        paths: list[str],
        *,
        lang: str | None = None,
        encoding: str | None = None,
        loader: Any = None,
        analyser: Analyser | None = None,
        segmenter: Segmenter | None = None,
        theme: str | None = None,
        system_clipboard: bool = True,
        notices: Iterable[str] = (),
        preloaded: dict[int, Any] | None = None,
        analysis_process: bool = False,
        failed: Iterable[tuple[str, str]] = (),
        roots: Iterable[str] = (),
        use_index: bool = True,
        watch: bool = True,
        force_polling: bool | None = None,
        index_in_background: bool = True,
    ) -> None:
        set_lang(lang)
        super().__init__()
        localize(self, APP)
        self.session = Session(
            paths,
            encoding=encoding,
            loader=loader,
            segmenter=segmenter,
            analyser=analyser,
            analysis_process=analysis_process,
        )
        for i, loaded in (preloaded or {}).items():
            self.session.set_text(i, loaded)
        self.system_clipboard = system_clipboard
        self._fixed_theme = theme
        self._notices = list(notices)
        self.keymap = self._user_keymap()
        #: inputs given on the command line that could not be opened: (path, reason), listed in the library
        self.failed_inputs = list(failed)
        self._theme_ready = False
        self._initial_theme()
        from .folder import Catalog

        #: the folders given (the index and the live folder follow them); files given one by one have none
        self.roots = [r for r in roots if r != "-"]
        self.catalog = Catalog(self.session)
        self._use_index = use_index
        #: keep the index up to date in a process of its own (the tests build it themselves)
        self._index_in_background = index_in_background
        self._watch = watch
        self._force_polling = force_polling
        self.indexer: Any = None
        self.watcher: Any = None
        self._changed_while_shown: set[int] = set()
        self.early_index: Any = None
        if use_index:
            from .indexing import EarlyIndex, index_root

            root = index_root(self)
            if root is not None:  # opened while Textual starts; the library may paint from it
                self.early_index = EarlyIndex(root)
        self._restore: tuple[int, int] | None = None

    # ---------------------------------------------------------------- start
    def _user_keymap(self) -> dict[str, str]:
        """The keymap of the config file, applied (Textual's keymap: binding id → keys); its entries that
        cannot be used make one notice."""
        from .commands import TABLES
        from .keymap import describe, user_keymap

        keymap, problems = user_keymap(config.load_keymap(), TABLES)
        if keymap:
            self.set_keymap(keymap)
        if problems:
            from ..paths import display_path

            self._notices.append(describe(problems, display_path(str(config.config_path()))))
        return keymap

    def get_default_screen(self) -> Screen:
        """The first screen is composed inside Textual's start-up batch, with no throw-away default screen
        underneath (pushing it from ``on_mount`` rendered it once for nothing: 1 frame of work, ~80 ms).
        One dispatch: straight to the reader (the library is built only if the user goes back to it)."""
        if len(self.session) == 1:
            from .screens.reader import ReaderScreen

            return ReaderScreen(self.session, 0)
        from .screens.library import LibraryScreen

        return LibraryScreen(self.session, self.catalog)

    def on_mount(self) -> None:
        self._theme_ready = True
        for notice in self._notices:  # long enough to be read; the library keeps a line for them
            self.notify(notice, severity="warning", markup=False, timeout=12)
        self._restore = self.catalog.last_position()
        from .indexing import start_folder_services

        self.call_after_refresh(start_folder_services, self)

    def on_unmount(self) -> None:
        from .indexing import stop_folder_services

        stop_folder_services(self)

    def _initial_theme(self) -> None:
        """Set before the first paint, and only when it is not the default: a theme change restyles every
        widget."""
        wanted = self._fixed_theme or config.load_theme() or DEFAULT_THEME
        if wanted != self.theme and wanted in self.available_themes:
            self.theme = wanted

    def watch_theme(self, theme: str) -> None:
        if self._theme_ready and self._fixed_theme is None:
            config.save_theme(theme)

    # ---------------------------------------------------------------- screens
    # The screens are imported where they are first needed: the first paint imports only its own screen.
    def open_reader(self, index: int, *, find: str | None = None, at: tuple[int, int] | None = None) -> None:
        """Show dispatch ``index`` in the reader; ``at``: the passage to centre and highlight (the people
        screen's statements). The last dispatch read in this folder opens where it was left."""
        from .screens.reader import ReaderScreen

        if at is None and self._restore is not None and self._restore[0] == index:
            at = (self._restore[1], self._restore[1])
        self._restore = None
        reader = self.screen if isinstance(self.screen, ReaderScreen) else None
        if reader is not None:
            reader.show(index)
        else:
            reader = ReaderScreen(self.session, index, find=find)
            self.push_screen(reader)
        if at is not None:
            self.call_after_refresh(reader.go_to, index, at)

    def dispatch_shown(self, index: int) -> None:
        """The reader shows ``index``: it is read now, and where this folder's reading stands."""
        self.catalog.set_read(index, True)
        self.catalog.remember(index, 0)
        for i in list(self._changed_while_shown):  # changed on disk while it was shown: read afresh now
            if i != index:
                self._changed_while_shown.discard(i)
                self.session.forget(i)

    def dispatch_left(self, index: int, offset: int | None) -> None:
        """Back from the reader: where reading stopped; what changed on disk meanwhile is read afresh."""
        if offset is not None:
            self.catalog.remember(index, offset)
        for i in list(self._changed_while_shown):
            self._changed_while_shown.discard(i)
            self.session.forget(i)

    def action_people(self) -> None:
        """P: everyone quoted in the folder (from the library and the reader)."""
        from .screens.people import PeopleScreen

        if isinstance(self.screen, PeopleScreen):
            self.pop_screen()
            return
        self.push_screen(PeopleScreen(self.catalog))

    def toggle_indexing(self) -> None:
        from .indexing import toggle_indexing

        toggle_indexing(self)

    def library_screen(self):
        from .screens.library import LibraryScreen

        return next((s for s in reversed(self.screen_stack) if isinstance(s, LibraryScreen)), None)

    def back_to_library(self, index: int | None = None) -> None:
        from .screens.library import LibraryScreen
        from .screens.reader import ReaderScreen

        if isinstance(self.screen, ReaderScreen):
            below = self.screen_stack[-2] if len(self.screen_stack) > 1 else None
            if not isinstance(below, LibraryScreen):  # opened straight into the reader: build the library now
                library = LibraryScreen(self.session, self.catalog)
                if not self.screen._result_callbacks:
                    # the reader is the default screen, which Textual gives no result callback, and
                    # switch_screen pops one (textual is pinned exactly; a test covers this path)
                    self.screen._push_result_callback(self.screen, None)
                self.switch_screen(library)
                if index is not None:

                    def select() -> None:
                        if library.is_mounted:
                            library.list.select_path_index(index)

                    self.call_after_refresh(select)
                return
            self.pop_screen()
        if index is not None and isinstance(self.screen, LibraryScreen):
            self.screen.list.select_path_index(index)

    def action_help(self) -> None:
        from .screens.help import HelpScreen, collect_sections

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        self.push_screen(HelpScreen(collect_sections(self.screen)))

    # ---------------------------------------------------------------- clipboard
    def copy_text(self, text: str, what: str) -> None:
        """OSC 52 (through the terminal, works over SSH and in tmux) and the system clipboard where one
        exists. One notice: "copied" when either way worked; a warning only when neither did. A terminal
        that took the OSC 52 sequence counts as a success (it cannot tell us more), so a missing pyperclip
        backend over SSH says nothing."""
        osc_error: str | None = None
        try:
            self.copy_to_clipboard(text)
        except Exception as exc:  # noqa: BLE001 - the terminal refused or went away
            osc_error = f"{type(exc).__name__}: {exc}"
        if osc_error is None:
            self._copied(text, what)
            if self.system_clipboard:  # a bonus (a local X/Wayland session): nothing to say if it fails
                self._copy_system_too(text)
            return
        if not self.system_clipboard:
            self.notify(tr("copy_failed", error=osc_error), severity="warning", markup=False)
            return
        self._copy_system(text, what, osc_error)

    def _copied(self, text: str, what: str) -> None:
        self.notify(tr("copied", what=what) + "\n" + clipboard.preview(text, 60), markup=False, timeout=4)

    @on(Copied)
    def _copied_by_system(self, message: Copied) -> None:
        self._copied(message.text, message.what)

    @work(thread=True, group="clipboard", exit_on_error=False)
    def _copy_system_too(self, text: str) -> None:
        """Worker: the system clipboard as well (the terminal took the text already)."""
        clipboard.copy_system(text)

    @work(thread=True, group="clipboard", exit_on_error=False)
    def _copy_system(self, text: str, what: str, osc_error: str) -> None:
        """Worker: the terminal refused, so the system clipboard is the only way left."""
        if clipboard.copy_system(text):
            self.post_message(Copied(text, what))
            return
        message = tr("copy_failed", error=osc_error)
        if not self._system_clipboard_warned:  # why the system clipboard did not help: once a session
            self._system_clipboard_warned = True
            message += "\n" + tr("no_system_clipboard")
        self.notify(message, severity="warning", markup=False)  # notify() is thread-safe

    _system_clipboard_warned = False

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Notices carry file names, paths and error messages from outside: control characters (an ESC in
        a file name would reach the terminal as a command) become visible placeholders."""
        super().notify(
            visible(str(message)), title=visible(str(title)), severity=severity, timeout=timeout, markup=markup
        )
