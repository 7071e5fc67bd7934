"""A list of rows drawn through the line API (only what is on screen is rendered: 100,000 rows cost what
the screen shows), a cursor, an optional fixed header line, rows of one or more lines. The library table
and the people screen's lists are made of it; subclasses draw a row (:meth:`render_row`)."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..commands import LIBLIST, localize, make_bindings
from ..i18n import tr


class RowList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"rowlist--cursor", "rowlist--header"}
    DEFAULT_CSS = """
    RowList { scrollbar-gutter: stable; overflow-x: hidden; }
    """
    BINDINGS = make_bindings(LIBLIST)

    cursor: reactive[int] = reactive(0, always_update=True)
    #: what an empty list says (an i18n key)
    empty_key = "nothing_in_library"
    #: lines above the rows that do not scroll (a column header)
    HEADER = 0

    class Open(Message):
        """Enter or a double click on a row."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Moved(Message):
        """The cursor moved to another row."""

        def __init__(self, list_: RowList, position: int) -> None:
            super().__init__()
            self.list = list_
            self.position = position

        @property
        def control(self) -> RowList:
            return self.list

    def __init__(self, rows: list | None = None, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        localize(self, LIBLIST)
        self.rows: list = list(rows or [])

    @property
    def row_height(self) -> int:
        return 1

    def _resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) * self.row_height + self.HEADER)

    def on_mount(self) -> None:
        self._resize()

    def on_resize(self) -> None:
        self._resize()

    def set_items(self, rows: list, position: int = 0) -> None:
        self.rows = list(rows)
        self._resize()
        self.cursor = position
        self.refresh()

    @property
    def current(self):
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, value: int) -> None:
        h = self.row_height
        view = max(1, self.scrollable_content_region.height - self.HEADER)
        top = int(self.scroll_y)
        y = value * h
        if y < top:
            self.scroll_to(y=y, animate=False, immediate=True)
        elif y + h > top + view:
            self.scroll_to(y=y + h - view, animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Moved(self, value))

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, delta: int) -> None:
        self.cursor += delta * max(1, (self.scrollable_content_region.height - self.HEADER) // self.row_height)

    def action_jump(self, where: int) -> None:
        self.cursor = 0 if where == 0 else len(self.rows) - 1

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Open(self.cursor))

    def on_click(self, event) -> None:
        if event.y < self.HEADER:
            return
        row = (int(self.scroll_y) + event.y - self.HEADER) // self.row_height
        if 0 <= row < len(self.rows):
            self.cursor = row
            if event.chain >= 2:
                self.action_open()

    # ------------------------------------------------------------------ drawing
    def render_header(self, width: int, base: Style) -> Strip:
        return Strip.blank(width, base)

    def render_row(self, position: int, sub: int, width: int, style: Style, selected: bool) -> list[Segment]:
        raise NotImplementedError

    def row_text(self, position: int) -> str:
        """What row ``position`` shows, its lines joined by newlines (wherever it is scrolled)."""
        if not (0 <= position < len(self.rows)):
            return ""
        width = self.scrollable_content_region.width - 1
        style = self.rich_style
        return "\n".join(
            "".join(seg.text for seg in self.render_row(position, sub, width, style, False))
            for sub in range(self.row_height)
        )

    def cursor_style(self, base: Style) -> Style:
        return base + self.get_component_rich_style("rowlist--cursor", partial=True)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y < self.HEADER:
            return self.render_header(self.scrollable_content_region.width, base)
        line = int(self.scroll_y) + y - self.HEADER
        row, sub = divmod(line, self.row_height)
        if not self.rows:
            if line == 0:
                return Strip([Segment(" " + tr(self.empty_key), base + Style(italic=True))]).crop_extend(0, width, base)
            return Strip.blank(width, base)
        if row >= len(self.rows):
            return Strip.blank(width, base)
        selected = row == self.cursor
        style = self.cursor_style(base) if selected else base
        marker = "▌" if selected and self.has_focus else "▏" if selected else " "
        segs = [
            Segment(marker, style),
            *self.render_row(row, sub, self.scrollable_content_region.width - 1, style, selected),
        ]
        return Strip(segs).crop_extend(0, width, style)
