"""Enumerations: the cells of lists, tables and results protocols, and the persons their slots hold.

Every text here is invented (made-up referees, players and protocols in the layout of sports news).
"""

from __future__ import annotations

import pytest

from dispatchtui.analysis.enumerations import Cell, cells, slot_kinds
from dispatchtui.analysis.people import find_people


@pytest.fixture(scope="session")
def ner():
    from dispatchtui.analysis import nlp

    nlp.preload()
    return nlp


def names(text: str) -> list[str]:
    return [e.name for e in find_people(text, []) if e.kind == "person"]


def cell_slots(text: str, ner) -> dict[str, int]:
    toks = ner.tag_compact(text)
    return {text[toks.starts[c.start] : toks.stops[c.stop - 1]]: c.slot for c in cells(toks)}


# ---- the cells and their slots -----------------------------------------------------------------


def test_cells_at_one_place_of_one_shape_share_a_slot(ner):
    text = "• 1:0 — 04:12 Ларин (Сомов, Жуков) • 2:1 — 17:40 Маклин (Грей)\n\nВратари: Корд — Брызгалов."
    slot = cell_slots(text, ner)
    assert slot["Ларин"] == slot["Маклин"]  # the scorers
    assert slot["Сомов"] == slot["Жуков"] == slot["Грей"]  # the assistants, in one bracket and across items
    assert slot["Корд"] == slot["Брызгалов"]  # the names after one label, a dash between
    assert len({slot["Ларин"], slot["Сомов"], slot["Корд"]}) == 3 and "Вратари" not in slot  # (a line opens with it)


def test_a_name_in_running_text_is_no_cell(ner):
    text = "Вчера Иван Петров, глава клуба, заявил, что Сомов останется. Матч выиграл Маклин."
    assert set(cell_slots(text, ner)) <= {"Вчера Иван Петров"}  # (a line's first words before a comma)


def test_slot_kinds_follow_the_other_cells_of_the_slot():
    row = [Cell(k, k + 1, 7, k, True) for k in range(4)] + [Cell(9, 10, 8, 9, True), Cell(11, 12, 8, 10, True)]
    labels = ["person", "person", "person", None, "person", None]
    # one person says so for the unknown cell beside it, the unknown cell says nothing for the person
    assert slot_kinds(row, labels) == ["person", "person", "person", "person", None, "person"]
    places = [Cell(k, k + 1, 3, k, True) for k in range(4)]
    assert slot_kinds(places, ["place", "place", "person", "place"]) == ["place"] * 4
    mixed = [Cell(k, k + 1, 5, k, True) for k in range(4)]
    assert slot_kinds(mixed, ["place", "person", "organization", None]) == [None] * 4


# ---- persons in enumerations -----------------------------------------------------------------


def test_an_untagged_entry_of_a_list_of_referees_is_a_person(ner):
    text = (
        "Финал обслужат арбитры из Африки и Европы:\n\n"
        "• Коффи Доджа (Бенин) • Мохаммед Салах (Египет) • Ларс Хедин (Швеция)"
    )
    assert names(text) == ["Коффи Доджа", "Мохаммед Салах", "Ларс Хедин"]


def test_hockey_protocol_keeps_the_surnames_the_dictionary_reads_as_common_nouns(ner):
    # "Сомов", "Синиц" (сом, синица), "Корд" (a cord): the protocol's other cells are players; a bracket of
    # the protocol holds the assistants, no second name of the scorer ("Маклин (Кроули)")
    text = (
        "Протокол матча\n\n"
        "• 1:0 — 04:12 Ларин (Сомов, Жуков) • 1:1 — 10:05 Маклин (Грей, Уилсон) • 2:1 — 17:40 Синиц "
        "• 2:2 — 25:31 Маклин (Кроули) • 3:2 — 44:18 Жуков (Ларин)\n\n"
        "Вратари: Корд — Брызгалов."
    )
    assert sorted(names(text)) == sorted(
        ["Ларин", "Сомов", "Жуков", "Маклин", "Грей", "Уилсон", "Синиц", "Кроули", "Корд", "Брызгалов"]
    )


def test_an_entry_in_the_country_slot_of_a_list_is_no_person(ner):
    # a misspelt country NER takes for a person, among the countries of the other entries
    text = "• Пётр Ларин (Россия, 30, 2690) • Хуан Мартинес (Исапния, 27, 2655) • Ян Новак (Словакия, 41, 2610)"
    assert names(text) == ["Пётр Ларин", "Хуан Мартинес", "Ян Новак"]
    text = "• Пётр Ларин (Россия, 30) • Хуан Мартинес (Колумбиа, 27) • Ян Новак (Андорра, 41) • Ли Вэй (Монголия, 25)"
    assert names(text) == ["Пётр Ларин", "Хуан Мартинес", "Ян Новак", "Ли Вэй"]


def test_a_line_opening_word_is_no_cell_whatever_ner_makes_of_it(ner):
    # a heading, a label, a transcript's "Стенограмма." (which NER may tag a person, among the speakers'
    # labels "В.Путин:" — see test_resolve) stand in no list's slot; a bullet opens a list item
    slot = cell_slots("Итоги\n\nЛарин\n\nВратари: Корд — Брызгалов.\n\n• Маклин (Грей)", ner)
    assert set(slot) == {"Корд", "Брызгалов", "Маклин", "Грей"}


# ---- headings ------------------------------------------------------------------------------------


def test_a_particle_opening_a_heading_is_no_part_of_the_name(ner):
    assert names("Итоги выборов\n\nВсё-таки Ланцетти\n\nГолосование завершилось.") == ["Ланцетти"]
    assert names("Неужели Ковальчук?") == ["Ковальчук"]
