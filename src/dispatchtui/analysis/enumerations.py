"""Enumerations: the cells of a list, a table or a results protocol, and the slots they share.

News layout writes an enumeration as items of one shape: bulleted (``• Имя Фамилия (Страна)``), one a line
(``1. Иванов (Россия) — 12,5``), a protocol (``• 2:1 — 09:17 Фамилия (Фамилия, Фамилия)``), a label and a
colon (``Вратари: Фамилия — Фамилия``). A *cell* is a run of capitalized words with no word of running text
beside it: punctuation, a number or the item's edge on each side, and something before it in its item
(a line's first words are a heading's, a label's or a subject's, not a cell's; a bullet's are). Its
*slot* is the shape of its item before it, up to the bracket or the colon the cell stands in: marks,
numbers, cells and words, each written as its kind. The cells in one bracket or after one colon,
separated by commas or dashes, share a slot (``(Овечкин, Фёдоров)``), and so do the cells that stand at
the same place in items of the same shape anywhere in the dispatch. A slot holds things of one kind: the
referees' names in one, their countries in the next; which kind, its other cells say (see
:func:`slot_kinds`).

The scan is one pass over the tokens: a shape is a running hash, not a string, so a paragraph of prose
costs a constant per token and yields no cells (a name in prose has a word beside it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon.enumerations import CELL_SEPARATORS, DASHES, GROUP_CLOSERS, GROUP_OPENERS, ITEM_MARKS
from .lexicon.roles import NAME_PARTICLES


@dataclass(frozen=True, slots=True)
class Cell:
    """Tokens ``start .. stop-1`` are one cell of an enumeration; ``slot`` names its place in the item's
    shape. ``bare``: no word of running text comes before it in its item (a table's or a label's cell,
    which stands in the nominative: nothing governs it)."""

    start: int
    stop: int
    slot: int
    item: int
    bare: bool


@dataclass(slots=True)
class _Group:
    base: int  # the shape a cell right after the group's opener (or a separator inside it) stands in
    outer: int  # the enclosing shape when the group opened
    bracket: bool  # a bracket (closed by its closer), not a colon (closed by the item's end)


def _kind(word: str) -> str:
    """``A`` a capitalized word, ``a`` a word in lower case, ``0`` a number, else the mark itself."""
    first = word[:1]
    if first.isalpha() and (word.isalpha() or _DIGIT.search(word) is None):
        return "A" if first.isupper() else "a"
    if _DIGIT.search(word) is not None:
        return "0"
    if word in DASHES:
        return "—"
    return word


_DIGIT = re.compile(r"\d")
# The shapes of an item's start: a line's first words are no cell (a heading, a label, a sentence's subject,
# whatever NER makes of it: "Стенограмма."); a bullet's are (the bullet says a list begins)
_LINE = hash("^")
_BULLET = hash("•")


def cells(tokens) -> list[Cell]:
    """The cells of ``tokens`` (:class:`~.nlp.Tokens`: ``text``, ``starts``, ``stops``), in text order."""
    text, starts, stops = tokens.text, tokens.starts, tokens.stops
    n = len(starts)
    out: list[Cell] = []
    item = 0
    groups: list[_Group] = []
    shape = _LINE
    bare = True  # no word of running text yet in the item
    run = -1  # first token of the capitalized run being read
    run_shape = 0
    left_ok = True  # no word of running text right before the run
    prev = ""  # the kind of the token before
    for i in range(n + 1):
        edge = i == n or (i > 0 and text.find("\n", stops[i - 1], starts[i]) >= 0)
        word = "" if i == n else text[starts[i] : stops[i]]
        # (the kind of a word in lower case, most of running text, is told first and cheaply)
        k = "a" if word[:1].islower() and word.isalpha() else _kind(word) if word else ""
        particle = k == "a" and run >= 0 and word in NAME_PARTICLES
        if run >= 0 and (edge or not (k == "A" or particle)):
            if left_ok and (edge or k != "a") and run_shape != _LINE:
                out.append(Cell(run, i, run_shape, item, bare))
            run = -1
            shape = hash((shape, "A"))
        if i == n:
            break
        if edge or word in ITEM_MARKS:
            item += 1
            groups.clear()
            shape = _LINE if word not in ITEM_MARKS else _BULLET
            bare, left_ok, prev = True, True, ""
            if word in ITEM_MARKS:
                continue
        if k == "A" or particle:
            if run < 0:
                run, run_shape = i, shape
        elif k == "a":
            bare = left_ok = False
            if prev != "a":
                shape = hash((shape, "a"))
        else:
            left_ok = True
            shape = _after_mark(text, starts, stops, i, word, k, prev, shape, groups)
        prev = k
    return out


def _after_mark(text: str, starts, stops, i: int, word: str, k: str, prev: str, shape: int, groups) -> int:
    """The shape after the mark or number ``word`` (token ``i``): a bracket or a label's colon opens a group
    (its cells share the shape it opened with, again after each separator inside it), a closing bracket
    ends one."""
    if word in GROUP_OPENERS:
        groups.append(_Group(hash((shape, "(")), shape, True))
        return groups[-1].base
    if word in GROUP_CLOSERS:
        while groups and not groups[-1].bracket:
            groups.pop()
        return hash((groups.pop().outer, "()")) if groups else hash((shape, ")"))
    if word == ":" and not (prev == "0" and _number_follows(text, starts, stops, i)):
        groups.append(_Group(hash((shape, ":")), shape, False))
        return groups[-1].base
    if groups and word in CELL_SEPARATORS:
        return groups[-1].base
    return hash((shape, k))


def _number_follows(text: str, starts, stops, i: int) -> bool:
    """The colon at token ``i`` stands between two numbers with no space (``2:1``, ``09:17``): part of a
    score or a time, no label's."""
    return (
        0 < i < len(starts) - 1
        and stops[i - 1] == starts[i]
        and stops[i] == starts[i + 1]
        and text[starts[i + 1] : starts[i + 1] + 1].isdigit()
    )


def slot_kinds(cells: Sequence[Cell], labels: Sequence[str | None]) -> list[str | None]:
    """For each cell, the kind the *other* cells of its slot hold, when they agree: ``labels[k]`` is what
    cell ``k`` is known to hold (``"person"``, ``"place"``, another kind, or ``None``, unknown).

    ``"person"`` when the slot's other cells hold a person more often than anything else, known or not
    (one other person will do: the two goalkeepers of ``Вратари: Уорд — Набоков``); ``"place"`` when two
    at least of them are places and places are most of them. Otherwise ``None``: no verdict."""
    total: Counter[int] = Counter()
    per: Counter[tuple[int, str | None]] = Counter()
    for c, lab in zip(cells, labels):
        total[c.slot] += 1
        per[(c.slot, lab)] += 1
    out: list[str | None] = []
    for c, lab in zip(cells, labels):
        others = total[c.slot] - 1
        persons = per[(c.slot, "person")] - (lab == "person")
        places = per[(c.slot, "place")] - (lab == "place")
        if persons >= 1 and persons * 2 > others:
            out.append("person")
        elif places >= 2 and places * 2 > others:
            out.append("place")
        else:
            out.append(None)
    return out
