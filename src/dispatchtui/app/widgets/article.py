"""The article pane: a line-API view (only visible lines are rendered) over ``Dispatch.text``.

Wrapping produces ``(start, end)`` offsets into the text, so every highlight (quotes, mentions,
find matches, the jump target) is just a span of the model, looked up per visible line with bisect.
Dispatch text is rendered as literal segments — never markup — through :func:`visible`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import partial
from time import perf_counter, sleep

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...model import Dispatch
from ..commands import ARTICLE, localize, make_bindings
from .safe import visible

# line kinds
BLANK, HEADLINE, BODY = 0, 1, 2

_CHUNK = re.compile(r"\S+\s*|\s+")

#: drawing order of the highlight layers (later wins)
LAYERS = ("repeat", "dateline", "headline", "reported", "quote", "speaker", "match", "highlight", "current")


class Layer:
    """Sorted, non-overlapping spans of one kind, looked up per line with bisect."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        clean: list[tuple[int, int]] = []
        last = -1
        for s, e in sorted(spans):
            if e <= s:
                continue
            if s < last:  # overlap: merge into the previous one
                ps, pe = clean[-1]
                clean[-1] = (ps, max(pe, e))
                last = max(pe, e)
                continue
            clean.append((s, e))
            last = e
        self.starts = [s for s, _ in clean]
        self.ends = [e for _, e in clean]

    def __len__(self) -> int:
        return len(self.starts)

    def overlapping(self, start: int, end: int) -> Iterable[tuple[int, int]]:
        i = bisect_right(self.ends, start)
        n = len(self.starts)
        while i < n and self.starts[i] < end:
            yield self.starts[i], self.ends[i]
            i += 1


#: characters that are not exactly one cell wide (wide East Asian, combining, zero-width, emoji …). Compiled
#: on first need: the class costs ~20 ms to compile (sre builds a 64K-entry map) and Russian text seldom
#: needs it — see :func:`_one_cell`.
_NOT_ONE_CELL_RE = (
    "[\u0300-\u036f\u0483-\u0489\u1100-\u115f\u200b-\u200f\u2e80-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe00-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U0001f000-\U0010ffff]"
)
_not_one_cell: re.Pattern[str] | None = None


def _one_cell(text: str, start: int, end: int) -> bool:
    """Is every character of ``text[start:end]`` exactly one cell wide? Windows-1251 holds only such
    characters (ASCII, Cyrillic, «», dashes, №), so a successful encode answers for most Russian copy at C
    speed; anything else asks the full class."""
    global _not_one_cell
    try:
        text[start:end].encode("cp1251")
        return True
    except UnicodeEncodeError:
        pass
    if _not_one_cell is None:
        _not_one_cell = re.compile(_NOT_ONE_CELL_RE)
    return _not_one_cell.search(text, start, end) is None


def wrap_offsets(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` (no newlines inside) into lines of at most ``width``
    cells, as ``(start, end)`` offsets. Trailing spaces stay on the line they follow."""
    width = max(4, width)
    if _one_cell(text, start, end):
        return _wrap_one_cell(text, start, end, width)
    return _wrap_cells(text, start, end, width)


def _wrap_one_cell(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy wrap when every character is one cell: each line is the longest run of at most ``width``
    characters that is followed by a space (or the end), plus the spaces after it; a word longer than the
    line is cut at ``width``. Breaks only at plain spaces (a no-break space keeps ``5 млн`` together).
    ``str.rfind`` finds each break at C speed: ~1 µs a line, ~10x the regex it replaces."""
    lines: list[tuple[int, int]] = []
    append = lines.append
    find_space = text.rfind
    pos = start
    while end - pos > width:
        cut = find_space(" ", pos + 1, pos + width + 1)
        if cut < 0:
            stop = pos + width  # no space within reach: a hard cut
        else:
            stop = cut + 1
            while stop < end and text[stop] == " ":
                stop += 1
        append((pos, stop))
        pos = stop
    if pos < end or not lines:
        append((pos, end))
    return lines


def _wrap_cells(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    line_start = start
    used = 0
    for m in _CHUNK.finditer(text, start, end):
        chunk = m.group()
        word = chunk.rstrip()
        w = len(word) if word.isascii() or _narrow(word) else cell_len(word)
        if used and used + w > width:
            lines.append((line_start, m.start()))
            line_start, used = m.start(), 0
        if w > width:  # a word longer than the line: hard split
            pos = m.start()
            word_end = pos + len(word)
            while word_end - pos > 0:
                take, cells = 0, 0
                while pos + take < word_end:
                    c = cell_len(text[pos + take])
                    if cells + c > width and take:
                        break
                    cells += c
                    take += 1
                if pos + take >= word_end:
                    line_start, used = pos, cells
                    break
                lines.append((pos, pos + take))
                pos += take
            used += len(chunk) - len(word)
            continue
        used += w + (len(chunk) - len(word))
    if line_start < end or not lines:
        lines.append((line_start, end))
    return lines


def _narrow(word: str) -> bool:
    """Cyrillic and Latin letters are one cell wide: skip cell_len for them."""
    return all(c < "\u1100" for c in word)


class ArticleView(ScrollView, can_focus=True):
    """The scrollable, virtualized article."""

    COMPONENT_CLASSES = {
        "article--headline",
        "article--dateline",
        "article--quote",
        "article--reported",
        "article--speaker",
        "article--repeat",
        "article--match",
        "article--current",
        "article--highlight",
        "article--message",
    }

    DEFAULT_CSS = """
    ArticleView {
        scrollbar-gutter: stable;
        overflow-x: hidden;
        padding: 0 1;
    }
    """

    BINDINGS = make_bindings(ARTICLE)

    class Clicked(Message):
        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        localize(self, ARTICLE)
        self.dispatch: Dispatch | None = None
        self._lines: list[tuple[int, int, int]] = []  # (start, end, kind)
        self._line_starts: list[int] = []  # starts of non-blank lines, for offset → line
        self._line_index: list[int] = []  # their line numbers
        self._wrap_width = 0
        self._wrap_generation = 0
        self._wrap_queue: list[tuple[int, int, int]] = []  # blocks to wrap, in order
        self._wrap_next = 0  # the first block not wrapped yet
        self._layers: dict[str, Layer] = {name: Layer() for name in LAYERS}
        self._style_cache: dict[frozenset[str], Style] = {}
        self._base_style: Style | None = None
        self._pinned_end = False  # `G` was the last move: text arriving below keeps the view at the end

    # ---------------------------------------------------------------- content
    def set_dispatch(
        self, dispatch: Dispatch | None, *, keep_scroll: bool = False, wrapped: Wrapped | None = None
    ) -> None:
        """Show ``dispatch`` (or nothing). ``keep_scroll`` keeps the position (analysis arriving, the whole
        text of a big file arriving below its beginning). ``wrapped``: its lines, wrapped in a worker."""
        old = self.dispatch
        self.message = ""
        same_text = old is not None and dispatch is not None and old.text == dispatch.text
        # the whole text of a dispatch shown from its beginning (a big file): same place, more below
        grown = (
            keep_scroll
            and not same_text
            and old is not None
            and dispatch is not None
            and dispatch.text.startswith(old.text)
        )
        top = self.top_offset() if keep_scroll and (same_text or grown) else None
        self.dispatch = dispatch
        self._build_static_layers()
        self._layers["match"] = Layer()
        self._layers["current"] = Layer()
        self._layers["highlight"] = Layer()
        if not (same_text and self._lines):
            if wrapped is not None and wrapped.dispatch is dispatch and wrapped.width == self._width_now():
                self._take(wrapped)
            else:
                self._wrap_width = 0
                self._rewrap(anchor=top or 0)
            if grown and self._pinned_end:
                self.finish_wrap()
                self.scroll_end(animate=False, immediate=True)
            else:
                self.scroll_to(0, self.line_of(top) if grown and top else 0, animate=False, immediate=True)
        elif top is not None:
            self.scroll_to(y=self.line_of(top), animate=False, immediate=True)
        self.refresh()

    #: said in the empty pane when there is no dispatch to show (why: "cannot be shown: binary file")
    message: str = ""

    def set_message(self, message: str) -> None:
        self.message = visible(message)
        self.refresh()

    def _message_line(self, y: int, width: int, base: Style) -> Strip:
        if not self.message or y < 1:
            return Strip.blank(width, base)
        room = max(8, width - 2)
        lines = [self.message[s:e] for s, e in wrap_offsets(self.message, 0, len(self.message), room)]
        if y - 1 >= len(lines):
            return Strip.blank(width, base)
        style = base + self.get_component_rich_style("article--message", partial=True)
        return Strip([Segment(lines[y - 1], style)]).crop_extend(0, width, base)

    def _build_static_layers(self) -> None:
        d = self.dispatch
        L = self._layers
        if d is None:
            for name in ("repeat", "dateline", "headline", "reported", "quote", "speaker"):
                L[name] = Layer()
            return
        L["repeat"] = Layer((r.start, r.end) for r in d.repeats)
        L["dateline"] = Layer([(d.dateline.start, d.dateline.end)] if d.dateline else [])
        L["headline"] = Layer([(d.headline.start, d.headline.end)] if d.headline else [])
        # the speaker's own words highlighted; the author's rendering of them (reported) lighter
        L["quote"] = Layer((q.start, q.end) for q in d.quotes if q.kind != "reported")
        L["reported"] = Layer((q.start, q.end) for q in d.quotes if q.kind == "reported")
        quoted = {q.speaker for q in d.quotes if q.speaker}
        spans = [(q.speaker_span.start, q.speaker_span.end) for q in d.quotes if q.speaker_span]
        for s in d.speakers:
            if s.name in quoted:
                spans.extend((m.start, m.end) for m in s.mentions)
        L["speaker"] = Layer(spans)

    def set_matches(self, matches: list[tuple[int, int]], current: int | None) -> None:
        self._layers["match"] = Layer(matches)
        self._layers["current"] = Layer([matches[current]] if current is not None and matches else [])
        self.refresh()

    def set_highlight(self, span: tuple[int, int] | None) -> None:
        self._layers["highlight"] = Layer([span] if span else [])
        self.refresh()

    @property
    def highlight(self) -> tuple[int, int] | None:
        L = self._layers["highlight"]
        return (L.starts[0], L.ends[0]) if len(L) else None

    # ---------------------------------------------------------------- layout
    def _blocks(self) -> list[tuple[int, int, int]]:
        return blocks_of(self.dispatch)

    #: texts longer than this are wrapped lazily: the lines up to the view at once, the rest in slices
    #: between frames (wrapping 5 MB takes ~0.6 s; the first paint must not wait for it)
    LAZY_WRAP_CHARS = 100_000
    #: time budget of one background wrapping slice
    WRAP_SLICE_SECONDS = 0.012

    def _rewrap(self, anchor: int = 0) -> None:
        """Wrap the text at the current width. Long texts: wrap up to ``anchor`` (a text offset that must be
        reachable now) plus a few screens, and the rest in slices scheduled between frames."""
        width = self._width_now()
        if width == self._wrap_width and self._lines and not self._wrap_pending():
            return
        self._wrap_width = width
        self._wrap_generation += 1
        self._lines = []
        self._line_starts = []
        self._line_index = []
        self._wrap_queue = self._blocks()
        self._wrap_next = 0
        d = self.dispatch
        if d is None or len(d.text) <= self.LAZY_WRAP_CHARS:
            self._wrap_blocks(len(self._wrap_queue))
        else:
            self._wrap_through(anchor, extra_lines=3 * max(40, self.size.height))
            if self.is_mounted:
                self.set_timer(0.001, partial(self._wrap_slice, self._wrap_generation))
        self._style_cache.clear()

    def _wrap_pending(self) -> bool:
        return self._wrap_next < len(self._wrap_queue)

    def _wrap_blocks(self, upto: int) -> None:
        """Append the lines of blocks ``[_wrap_next, upto)``."""
        d = self.dispatch
        upto = min(upto, len(self._wrap_queue))
        if d is None or upto <= self._wrap_next:
            return
        wrap_blocks(
            d.text,
            self._wrap_queue,
            self._wrap_next,
            upto,
            self._wrap_width,
            self._lines,
            self._line_starts,
            self._line_index,
        )
        self._wrap_next = upto
        self.virtual_size = Size(self._wrap_width, len(self._lines))

    def _take(self, wrapped: Wrapped) -> None:
        """Lines wrapped in a worker (:class:`Wrapped`) instead of wrapping here."""
        self._wrap_width = wrapped.width
        self._wrap_generation += 1
        self._wrap_queue = wrapped.blocks
        self._wrap_next = len(wrapped.blocks)
        self._lines, self._line_starts, self._line_index = wrapped.lines, wrapped.line_starts, wrapped.line_index
        self.virtual_size = Size(wrapped.width, len(self._lines))
        self._style_cache.clear()

    #: lines of at most this many cells (0: the whole width); the reader sets it from the config
    measure = 0

    def _width_now(self) -> int:
        width = self.scrollable_content_region.width or self.size.width or 80
        return min(width, self.measure) if self.measure else width

    @property
    def wrap_width(self) -> int:
        """The width the current lines are wrapped at (0: none yet)."""
        return self._wrap_width

    def _wrap_through(self, offset: int, extra_lines: int = 0) -> None:
        """Wrap at least every block that starts at or before ``offset``, then ``extra_lines`` more lines."""
        queue = self._wrap_queue
        upto = self._wrap_next
        while upto < len(queue) and queue[upto][0] <= offset:
            upto += 1
        self._wrap_blocks(upto)
        target = len(self._lines) + extra_lines
        while self._wrap_pending() and len(self._lines) < target:
            self._wrap_blocks(self._wrap_next + 8)

    def _wrap_slice(self, generation: int) -> None:
        if generation != self._wrap_generation or not self._wrap_pending():
            return
        t = perf_counter()
        while self._wrap_pending() and perf_counter() - t < self.WRAP_SLICE_SECONDS:
            self._wrap_blocks(self._wrap_next + 64)
        if self._wrap_pending():
            self.set_timer(0.001, partial(self._wrap_slice, generation))
        self.refresh()

    def finish_wrap(self) -> None:
        """Wrap whatever is still pending (a jump far ahead needs every line)."""
        if self._wrap_pending():
            self._wrap_blocks(len(self._wrap_queue))

    def action_scroll_end(self) -> None:
        self.finish_wrap()
        self.scroll_end(animate=False, immediate=True)  # an animated scroll through 5 MB takes seconds
        self._pinned_end = True

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False, immediate=True)
        self._pinned_end = False

    # Paging and line steps move at once, like a pager: an animation sends a dozen frames per key (slow over
    # SSH), and a key pressed while one runs (G after space) waited for it or was undone by its last frames.
    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_scroll_down(self) -> None:
        self.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if new < old:
            self._pinned_end = False

    def on_resize(self) -> None:
        if self._width_now() != self._wrap_width:
            top = self.top_offset()
            self._rewrap(anchor=top)
            self.scroll_to(y=self.line_of(top), animate=False, immediate=True)
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache.clear()
        self._base_style = None

    # ---------------------------------------------------------------- geometry
    @property
    def line_count(self) -> int:
        return len(self._lines)

    def line_of(self, offset: int) -> int:
        """The line showing character ``offset`` (or the nearest line before it)."""
        if self._wrap_pending() and offset >= self._wrap_queue[self._wrap_next][0]:
            self._wrap_through(offset)
        if not self._line_starts:
            return 0
        i = bisect_right(self._line_starts, offset) - 1
        return self._line_index[max(0, i)]

    def line_span(self, y: int) -> tuple[int, int] | None:
        if 0 <= y < len(self._lines):
            s, e, _ = self._lines[y]
            return s, e
        return None

    def top_offset(self) -> int:
        """Text offset of the first non-blank line in view."""
        y = int(self.scroll_y)
        while y < len(self._lines) and self._lines[y][2] == BLANK:
            y += 1
        return self._lines[y][0] if y < len(self._lines) else 0

    def visible_range(self) -> tuple[int, int]:
        """``(first, last)`` text offsets of what is on screen."""
        if not self._lines:
            return 0, 0
        top = int(self.scroll_y)
        bottom = min(len(self._lines), top + max(1, self.scrollable_content_region.height)) - 1
        return self._lines[min(top, len(self._lines) - 1)][0], self._lines[max(bottom, 0)][1]

    def is_line_visible(self, y: int) -> bool:
        top = int(self.scroll_y)
        return top <= y < top + self.scrollable_content_region.height

    def center_on(self, start: int, end: int | None = None, *, highlight: bool = True) -> None:
        """Scroll so the passage ``[start, end)`` is centred; optionally mark it as the highlight."""
        if self._wrap_width == 0:
            self._rewrap()
        end = start if end is None else end
        if highlight:
            self.set_highlight((start, end) if end > start else None)
        first, last = self.line_of(start), self.line_of(max(start, end - 1))
        height = max(1, self.scrollable_content_region.height)
        span_lines = last - first + 1
        if span_lines >= height:
            y = first
        else:
            y = first - (height - span_lines) // 2
        max_y = max(0, len(self._lines) - height)
        self.scroll_to(y=max(0, min(y, max_y)), animate=False, immediate=True)

    # ---------------------------------------------------------------- rendering
    def _style_for(self, kinds: frozenset[str], base: Style) -> Style:
        style = self._style_cache.get(kinds)
        if style is None:
            style = base
            for name in LAYERS:
                if name in kinds:
                    style = style + self.get_component_rich_style(f"article--{name}", partial=True)
            self._style_cache[kinds] = style
        return style

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        base = self._base_style
        if base is None:  # DOMNode.rich_style walks every ancestor: once per style change, not per line
            base = self._base_style = self.rich_style
        index = scroll_y + y
        if self.dispatch is None:
            return self._message_line(y, width, base)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        start, end, kind = self._lines[index]
        if kind == BLANK or end <= start:
            return Strip.blank(width, base)
        text = self.dispatch.text
        # collect boundaries of every layer on this line
        marks: list[tuple[int, int, str]] = []
        cuts = {start, end}
        for name, layer in self._layers.items():
            if not len(layer):
                continue
            for s, e in layer.overlapping(start, end):
                s, e = max(s, start), min(e, end)
                marks.append((s, e, name))
                cuts.add(s)
                cuts.add(e)
        points = sorted(cuts)
        segments: list[Segment] = []
        head = frozenset(("headline",)) if kind == HEADLINE else frozenset()
        for a, b in zip(points, points[1:]):
            if b <= a:
                continue
            kinds = head | frozenset(name for s, e, name in marks if s <= a and b <= e)
            segments.append(Segment(visible(text[a:b]), self._style_for(kinds, base)))
        strip = Strip(segments)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def on_click(self, event) -> None:
        y = int(self.scroll_y) + event.y
        span = self.line_span(y)
        if span is not None and self.dispatch is not None:
            s, e = span
            # approximate the offset under the pointer (one cell per character)
            self.post_message(self.Clicked(min(e, s + max(0, event.x))))


def blocks_of(d: Dispatch | None) -> list[tuple[int, int, int]]:
    """The blocks the view shows, in text order: ``(start, end, kind)`` of the headline and paragraphs."""
    if d is None:
        return []
    blocks: list[tuple[int, int, int]] = []
    paras = list(d.paragraphs) or [_whole(d.text)]
    head = d.headline
    if head is not None and not any(p.overlaps(head) for p in paras):
        blocks.append((head.start, head.end, HEADLINE))
    for p in paras:
        kind = HEADLINE if head is not None and p.start == head.start and p.end <= head.end else BODY
        blocks.append((p.start, p.end, kind))
    blocks.sort()
    return blocks


def wrap_blocks(
    text: str,
    blocks: list[tuple[int, int, int]],
    first: int,
    upto: int,
    width: int,
    lines: list[tuple[int, int, int]],
    line_starts: list[int],
    line_index: list[int],
) -> None:
    """Append the lines of ``blocks[first:upto]`` (a blank line between blocks) to ``lines``, and the starts
    and numbers of the non-blank ones to ``line_starts`` / ``line_index``. Pure: safe in a worker thread."""
    append, extend = lines.append, lines.extend
    base = len(lines)
    for n in range(first, upto):
        start, end, kind = blocks[n]
        if n:
            append((start, start, BLANK))
        if (
            end > start
            and text.find("\n", start, end) < 0
            and not text[start].isspace()
            and not text[end - 1].isspace()
        ):
            hard_lines: Iterable[tuple[int, int]] = ((start, end),)  # a normalized paragraph: one line
        else:
            hard_lines = _hard_lines(text, start, end)
        for s, e in hard_lines:
            extend([(ls, le, kind) for ls, le in wrap_offsets(text, s, e, width)])
    shown = [i for i in range(base, len(lines)) if lines[i][2] != BLANK]
    line_index.extend(shown)
    line_starts.extend([lines[i][0] for i in shown])


def _hard_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of ``text[start:end]``, surrounding whitespace stripped."""
    out = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        seg_end = end if nl < 0 else nl
        s, e = pos, seg_end
        while s < e and text[s] in " \t\r":
            s += 1
        while e > s and text[e - 1] in " \t\r":
            e -= 1
        if e > s:
            out.append((s, e))
        if nl < 0:
            break
        pos = nl + 1
    return out


class Wrapped:
    """Every line of a dispatch at one width, computed off the event loop (see :meth:`ArticleView.set_dispatch`)."""

    __slots__ = ("dispatch", "width", "blocks", "lines", "line_starts", "line_index")

    def __init__(self, dispatch: Dispatch, width: int) -> None:
        self.dispatch, self.width = dispatch, width
        self.blocks = blocks_of(dispatch)
        self.lines: list[tuple[int, int, int]] = []
        self.line_starts: list[int] = []
        self.line_index: list[int] = []
        # in steps, with a short sleep between: a worker thread that never blocks hands the GIL to the event
        # loop only when asked, and every one of the loop's many I/O waits per frame then costs a switch
        # interval (the convoy effect: 100–200 ms frames); sleeping lets a frame through at full speed
        step = 1024
        for first in range(0, len(self.blocks), step):
            wrap_blocks(
                dispatch.text,
                self.blocks,
                first,
                min(first + step, len(self.blocks)),
                width,
                self.lines,
                self.line_starts,
                self.line_index,
            )
            sleep(0.001)


def _whole(text: str):
    from ...model import Span

    return Span(0, len(text))
