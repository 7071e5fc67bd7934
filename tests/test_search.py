"""search.py: case-insensitive, ё = е, lemma-aware for Russian, offsets into the original text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from dispatchtui import search

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "01_kaztoday_kosherbaev-v-dushanbe.txt"


def texts(text, query):
    return [text[s:e] for s, e in search.find(text, query)]


def test_rahmona_finds_three_forms_in_the_seed():
    text = SEED.read_text(encoding="utf-8")
    assert texts(text, "Рахмона") == ["Рахмоном", "Рахмоном", "Рахмон"]
    assert search.count(text, "рахмон") == 3


def test_case_and_yo_insensitive():
    t = "Ёлка, ЕЛКА и ёлка"
    assert texts(t, "елка") == ["Ёлка", "ЕЛКА", "ёлка"]
    assert texts(t, "ЁЛКА") == ["Ёлка", "ЕЛКА", "ёлка"]


def test_incremental_prefixes_match_as_substrings():
    t = "Эмомали Рахмон принял министра"
    assert texts(t, "Рах") == ["Рах"]
    assert texts(t, "мини") == ["мини"]


def test_lemma_matches_other_case_forms():
    t = "Министр встретился с министром. Министров было двое."
    assert texts(t, "министра") == ["Министр", "министром", "Министров"]


def test_multiword_query_by_lemma():
    t = "Ермек Кошербаев прибыл. Ермека Кошербаева встретили. Ермек прибыл."
    assert texts(t, "Ермек Кошербаев") == ["Ермек Кошербаев", "Ермека Кошербаева"]


def test_latin_and_digits_are_plain_substrings():
    t = "KAZAKHSTAN TODAY, 2 млрд долларов США, today"
    assert texts(t, "today") == ["TODAY", "today"]
    assert texts(t, "2 млрд") == ["2 млрд"]


def test_empty_and_whitespace_queries_find_nothing():
    assert search.find("текст", "") == []
    assert search.find("текст", "   ") == []


def test_regex_characters_are_literal():
    t = "a.b (c) [d] a*b"
    assert texts(t, "a.b") == ["a.b"]
    assert texts(t, "[d]") == ["[d]"]
    assert texts(t, "(c)") == ["(c)"]


def test_matcher_is_reusable_across_texts():
    m = search.Matcher("Рахмона")
    assert m.count("Рахмон") == 1
    assert m.count("Рахмоном и Рахмону") == 2
    assert m.count("ничего") == 0


def test_headline_filter_needs_every_word():
    assert search.matches_headline("Визит Кошербаева в Душанбе", "душанбе визит")
    assert not search.matches_headline("Визит Кошербаева в Душанбе", "душанбе москва")
    assert search.matches_headline("Ёлка в Кремле", "елка")


@given(st.text(max_size=60))
def test_fold_keeps_length(s):
    assert len(search.fold(s)) == len(s)


@given(
    st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЯ .,-", max_size=80),
    st.text(alphabet="абвгдеёжзЁА -", min_size=1, max_size=6),
)
def test_matches_are_sorted_disjoint_and_inside_the_text(text, query):
    found = search.find(text, query)
    last = 0
    for s, e in found:
        assert 0 <= last <= s < e <= len(text)
        last = e
