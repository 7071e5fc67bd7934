"""The library list: two lines per dispatch, only visible rows are rendered (and peeked)."""
from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...paths import display_path
from ..commands import LIBLIST, localize, make_bindings
from ..i18n import plural, tr
from ..session import Session
from .safe import fit, one_line

ROW_HEIGHT = 2


class LibraryList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"liblist--headline", "liblist--meta", "liblist--cursor", "liblist--count",
                         "liblist--error"}

    DEFAULT_CSS = """
    LibraryList { scrollbar-gutter: stable; overflow-x: hidden; }
    """

    BINDINGS = make_bindings(LIBLIST)

    cursor: reactive[int] = reactive(0, always_update=True)
    #: what an empty list says (the library screen sets it: no dispatches / no headline matched / …)
    empty_key = "nothing_in_library"

    class Open(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index   # index into Session.paths

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        localize(self, LIBLIST)
        self.session = session
        self.rows: list[int] = list(range(len(session)))
        self.match_counts: dict[int, int] | None = None

    def set_rows(self, rows: list[int], match_counts: dict[int, int] | None = None) -> None:
        current = self.current
        self.rows = rows
        self.match_counts = match_counts
        self.virtual_size = Size(self.size.width, len(rows) * ROW_HEIGHT)
        self.cursor = rows.index(current) if current in rows else 0
        self.refresh()

    @property
    def current(self) -> int | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def select_path_index(self, index: int) -> None:
        if index in self.rows:
            self.cursor = self.rows.index(index)

    def on_mount(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) * ROW_HEIGHT)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, value: int) -> None:
        self.scroll_to_region_lines(value * ROW_HEIGHT, ROW_HEIGHT)
        self.refresh()

    def scroll_to_region_lines(self, y: int, height: int) -> None:
        view = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        if y < top:
            self.scroll_to(y=y, animate=False, immediate=True)
        elif y + height > top + view:
            self.scroll_to(y=y + height - view, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, delta: int) -> None:
        self.cursor += delta * max(1, self.scrollable_content_region.height // ROW_HEIGHT)

    def action_jump(self, where: int) -> None:
        self.cursor = 0 if where == 0 else len(self.rows) - 1

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Open(self.current))

    def on_click(self, event) -> None:
        row = (int(self.scroll_y) + event.y) // ROW_HEIGHT
        if 0 <= row < len(self.rows):
            self.cursor = row
            if event.chain >= 2:
                self.action_open()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        line = int(self.scroll_y) + y
        row, sub = divmod(line, ROW_HEIGHT)
        if not self.rows:
            if line == 0:
                return Strip([Segment(" " + tr(self.empty_key), base + Style(italic=True))]
                             ).crop_extend(0, width, base)
            return Strip.blank(width, base)
        if row >= len(self.rows):
            return Strip.blank(width, base)
        index = self.rows[row]
        info = self.session.row(index)
        selected = row == self.cursor
        line_style = base + self.get_component_rich_style("liblist--cursor", partial=True) if selected else base
        marker = "▌" if selected and self.has_focus else " " if not selected else "▏"
        number = f"{row + 1:>{len(str(len(self.rows)))}} "
        if sub == 0:
            head_style = line_style + self.get_component_rich_style("liblist--headline", partial=True)
            room = self.scrollable_content_region.width - 1 - len(number)
            segs = [Segment(marker, line_style), Segment(number, line_style + Style(dim=True)),
                    Segment(fit(info.headline if info.named else one_line(info.headline), room), head_style)]
        else:
            meta_style = line_style + self.get_component_rich_style("liblist--meta", partial=True)
            parts = [p for p in (info.place, info.date, info.agency) if p]
            meta = one_line(" · ".join(parts)) if parts else display_path(info.path)
            segs = [Segment(marker, line_style), Segment(" " * len(number), line_style)]
            if info.error:
                segs.append(Segment(one_line(info.error), line_style + self.get_component_rich_style(
                    "liblist--error", partial=True)))
            else:
                segs.append(Segment(meta, meta_style))
            extra = []
            if self.match_counts is not None and index in self.match_counts:
                extra.append(plural(self.match_counts[index], "match_1", "matches_n"))
            counts = self.session.counts.get(index)
            if counts is not None:
                extra.append(plural(counts[0], "quote_1", "quotes_n"))
                extra.append(plural(counts[1], "speaker_1", "speakers_n"))
            if extra:
                segs.append(Segment("   " + " · ".join(extra), line_style + self.get_component_rich_style(
                    "liblist--count", partial=True)))
        return Strip(segs).crop_extend(0, width, line_style)
