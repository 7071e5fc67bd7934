"""The library table: one line per dispatch (two with a search snippet), a fixed header line, and only the
visible rows rendered (the line API: 100,000 rows cost what the screen shows). The widget receives its data
— a row getter and read/new predicates — and never reads files or the index itself."""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.message import Message
from textual.strip import Strip

from ..i18n import tr
from ..rows import DocRow, Hit
from .rowlist import RowList
from .safe import fit, one_line

HEADER = 1


def _blank_row(i: int) -> DocRow:
    return DocRow(i, "", "")


class LibraryList(RowList):
    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {
        "liblist--header",
        "liblist--headline",
        "liblist--meta",
        "liblist--cursor",
        "liblist--count",
        "liblist--error",
        "liblist--unread",
        "liblist--new",
        "liblist--match",
        "liblist--sorted",
    }

    DEFAULT_CSS = """
    LibraryList { scrollbar-gutter: stable; overflow-x: hidden; }
    """

    HEADER = HEADER

    class Open(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index  # index into the session's paths

    def __init__(
        self,
        rows: list[int],
        *,
        source: Callable[[int], DocRow] = _blank_row,
        is_read: Callable[[int], bool] = lambda i: True,
        is_new: Callable[[int], bool] = lambda i: False,
        id: str | None = None,
    ) -> None:
        super().__init__(rows, id=id)
        self.source = source
        self.is_read = is_read
        self.is_new = is_new
        self.hits: dict[int, Hit] | None = None
        #: the column the rows are sorted by (marked in the header) and whether reversed
        self.sort = ("date", False)

    @property
    def row_height(self) -> int:
        return 2 if self.hits is not None else 1

    @property
    def match_counts(self) -> dict[int, int] | None:
        return None if self.hits is None else {i: h.count for i, h in self.hits.items()}

    def set_rows(self, rows: list[int], hits: dict[int, Hit] | None = None, *, keep: int | None = None) -> None:
        """Show ``rows`` (path indices, in order); ``hits``: full-text results (a snippet line under each).
        The cursor stays on the dispatch it was on (or ``keep``) when it is still listed."""
        current = self.current if keep is None else keep
        self.hits = hits
        self._positions = None
        self.rows = rows
        pos = self.position_of(current) if current is not None else None
        self.set_items(rows, pos if pos is not None else 0)

    _positions: dict[int, int] | None = None

    def position_of(self, index: int) -> int | None:
        if self._positions is None:
            self._positions = {i: n for n, i in enumerate(self.rows)}
        return self._positions.get(index)

    def select_path_index(self, index: int) -> None:
        pos = self.position_of(index)
        if pos is not None:
            self.cursor = pos

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Open(self.current))

    # ------------------------------------------------------------------ drawing
    def columns(self, width: int) -> list[tuple[str, int]]:
        """(column, width) for a table ``width`` cells wide: the headline takes what is left; the place
        goes first when room is short, then the speakers shrink."""
        # "10.08.2019 14:35" where there is room; "10.08.2019" (or "10.08 14:35") in a narrow terminal
        fixed = [("mark", 3), ("date", 17 if width >= 110 else 11), ("agency", 10)]
        place = 14 if width >= 110 else 0
        speakers = max(12, min(34, width // 5 - (4 if width < 100 else 0)))
        counts = 8
        head = width - sum(w for _, w in fixed) - place - speakers - counts
        if head < 24:
            speakers = max(0, speakers - (24 - head))
            head = width - sum(w for _, w in fixed) - place - speakers - counts
        cols = fixed + ([("place", place)] if place else []) + [("headline", max(8, head)), ("statements", counts)]
        if speakers:
            cols.append(("speakers", speakers))
        return cols

    def _header(self, width: int, base: Style) -> Strip:
        style = base + self.get_component_rich_style("liblist--header", partial=True)
        sorted_style = style + self.get_component_rich_style("liblist--sorted", partial=True)
        sort, reverse = self.sort
        segs = []
        for name, w in self.columns(width):
            label = "" if name == "mark" else tr(f"col_{name}")
            if name == sort:
                label += " ▲" if reverse else " ▼"
            if name == "mark":  # (its own segment: an SVG export drops merged blanks)
                segs.append(Segment(" " * w, base))
                continue
            segs.append(Segment(_pad(fit(label, w - 1), w), sorted_style if name == sort else style))
        return Strip(segs).crop_extend(0, width, style)

    def render_header(self, width: int, base: Style) -> Strip:
        return self._header(width, base)

    def cursor_style(self, base: Style) -> Style:
        return base + self.get_component_rich_style("liblist--cursor", partial=True)

    def render_row(self, position: int, sub: int, width: int, style: Style, selected: bool) -> list[Segment]:
        index = self.rows[position]
        if sub == 1:
            return self._snippet_line(index, width, style)
        return self._row_line(index, width, style)

    def _row_line(self, index: int, width: int, line_style: Style) -> list[Segment]:
        r = self.source(index)
        unread = not self.is_read(index)
        new = self.is_new(index)
        c = self.get_component_rich_style
        meta = line_style + c("liblist--meta", partial=True)
        head = line_style + c("liblist--headline", partial=True)
        if unread:
            head = head + c("liblist--unread", partial=True)
        segs = []
        for name, w in self.columns(width + 1):
            if name == "mark":
                segs.append(
                    Segment(
                        _pad("●" if new else "•" if unread else "", w - 1),
                        line_style + c("liblist--new" if new else "liblist--count", partial=True),
                    )
                )
                continue
            text, style = self._cell(r, name, meta, head, line_style)
            segs.append(Segment(_pad(fit(text, w - 1), w), style))
        return segs

    def _cell(self, r: DocRow, name: str, meta: Style, head: Style, line: Style) -> tuple[str, Style]:
        c = self.get_component_rich_style
        if name == "date":
            return one_line(_short_date(r)), meta
        if name == "agency":
            return one_line(r.agency or ""), meta
        if name == "place":
            return one_line(r.place or ""), meta
        if name == "headline":
            if r.error:
                return (r.headline if r.named else one_line(r.headline)) + " — " + one_line(r.error), line + c(
                    "liblist--error", partial=True
                )
            return (r.headline if r.named else one_line(r.headline)), head
        if name == "statements":
            if r.direct is None:
                return "  ·", meta
            return f"{r.direct:>3}/{r.reported or 0:<3}", line + c("liblist--count", partial=True)
        if name == "speakers":
            return one_line(", ".join(r.speakers)), meta
        return "", meta

    def _snippet_line(self, index: int, width: int, line_style: Style) -> list[Segment]:
        hit = (self.hits or {}).get(index)
        segs = [Segment(" " + " " * 12, line_style)]
        if hit is None:
            return segs
        c = self.get_component_rich_style
        count = f"{hit.count}× "
        segs.append(Segment(count, line_style + c("liblist--count", partial=True)))
        if hit.snippet is not None:
            text, a, b = hit.snippet
            meta = line_style + c("liblist--meta", partial=True)
            room = width - 13 - len(count)
            parts = [(text[:a], meta), (text[a:b], line_style + c("liblist--match", partial=True)), (text[b:], meta)]
            for chunk, style in parts:
                chunk = chunk.replace("\n", " ")
                if room <= 0:
                    break
                chunk = _visible(chunk)
                cut = chunk if cell_len(chunk) <= room else fit(chunk, room)
                segs.append(Segment(cut, style))
                room -= cell_len(cut)
        return segs


def _visible(text: str) -> str:
    from .safe import visible

    return visible(text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")


def _short_date(r: DocRow) -> str:
    """The dateline's date in a column's width: "10.08.2019 14:35", "16.02" when the wire gave no year (none is
    made up), the printed words when the date is not understood."""
    key = r.date_key or ""
    if len(key) >= 10 and key[5:7] != "00" and key[8:10] != "00":
        day = f"{key[8:10]}.{key[5:7]}"
        if r.date and _YEAR.search(r.date) and key[:4] != "0000":
            day += f".{key[:4]}"
        return f"{day} {r.time}" if r.time else day
    return " ".join(x for x in (r.date, r.time) if x)
