"""The marks that lay out an enumeration (a list, a table, a results protocol): what opens an item, what
opens and closes a group of cells inside one, and what separates the cells of a group.

Read by :mod:`dispatchtui.analysis.enumerations`."""

from __future__ import annotations

#: A mark that opens a list item (besides a line break).
ITEM_MARKS: frozenset[str] = frozenset("• · ▪ ● ◦ ■ □ ► ▸ ‣ ⁃".split())

#: Brackets that open and close a group of cells inside an item (``Бернс (Сен-Луи, Хитли)``).
GROUP_OPENERS: frozenset[str] = frozenset("( [".split())
GROUP_CLOSERS: frozenset[str] = frozenset(") ]".split())

#: Marks between the cells of one group: the names after one label (``Вратари: Уорд — Набоков``) or in one
#: bracket (``(Овечкин, Фёдоров)``) are cells of one kind.
CELL_SEPARATORS: frozenset[str] = frozenset([",", ";", "—", "–", "/"])

#: Dashes, written one way in an item's shape.
DASHES: frozenset[str] = frozenset("— – - ‒ ―".split())
