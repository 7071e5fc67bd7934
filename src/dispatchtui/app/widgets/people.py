"""The people screen's two lists: everyone quoted in the folder (with counts), and one person's statements
across the folder (two lines each: the words; headline · date · agency). They receive rows, nothing else."""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from ..i18n import tr
from ..rows import PersonRow, StatementRow
from .rowlist import RowList
from .safe import fit, one_line


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


class PeopleList(RowList):
    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {"people--count", "people--meta"}
    HEADER = 1
    empty_key = "no_people"
    rows: list[PersonRow]

    def _widths(self, width: int) -> tuple[int, int]:
        counts = 9
        return max(8, width - 3 * counts), counts

    def render_header(self, width: int, base: Style) -> Strip:
        style = base + self.get_component_rich_style("rowlist--header", partial=True)
        name, n = self._widths(width - 1)
        text = (
            " "
            + _pad(fit(tr("col_name"), name - 1), name)
            + "".join(fit(tr(k), n - 1).rjust(n - 1) + " " for k in ("col_direct", "col_reported", "col_dispatches"))
        )
        return Strip([Segment(text, style)]).crop_extend(0, width, style)

    def render_row(self, position: int, sub: int, width: int, style: Style, selected: bool) -> list[Segment]:
        p = self.rows[position]
        name, n = self._widths(width)
        count = style + self.get_component_rich_style("people--count", partial=True)
        meta = style + self.get_component_rich_style("people--meta", partial=True)
        label = one_line(p.name) + (f" ({tr('org')})" if p.kind == "organization" else "")
        return [
            Segment(_pad(fit(label, name - 1), name), style),
            Segment(f"{p.direct:>{n - 1}} ", count),
            Segment(f"{p.reported:>{n - 1}} ", count),
            Segment(f"{p.dispatches:>{n - 1}} ", meta),
        ]


class StatementList(RowList):
    COMPONENT_CLASSES = RowList.COMPONENT_CLASSES | {"people--count", "people--meta", "people--reported"}
    empty_key = "no_statements"
    rows: list[StatementRow]

    @property
    def row_height(self) -> int:
        return 3

    def render_row(self, position: int, sub: int, width: int, style: Style, selected: bool) -> list[Segment]:
        s = self.rows[position]
        c = self.get_component_rich_style
        if sub == 2:
            return []
        if sub == 0:
            words = one_line(s.text)
            if s.kind == "reported":
                return [Segment(fit(words, width - 1), style + c("people--reported", partial=True))]
            return [Segment(fit(f"«{words}»", width - 1), style)]
        meta = style + c("people--meta", partial=True)
        bits = [b for b in (s.date, s.agency) if b]
        tail = ("  " + one_line(" · ".join(bits))) if bits else ""
        kind = tr("reported") if s.kind == "reported" else tr("fragment") if s.kind == "fragment" else ""
        tail += f"  {kind}" if kind else ""
        room = max(8, width - 3 - cell_len(tail))
        return [Segment("  " + fit(one_line(s.headline), room), meta), Segment(tail, meta)]
