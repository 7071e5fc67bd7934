"""Topics: normalized noun phrases with agreeing adjectives, places and organizations as facets.

Corpus files in tests/data: see tests/data/SOURCES.md.
"""
from __future__ import annotations

import pathlib

import pytest

from dispatchtui.analysis.people import Entity
from dispatchtui.analysis.topics import find_topics
from dispatchtui.model import Span

DATA = pathlib.Path(__file__).parent / "data"


def themes(text, entities=()):
    return [t for t in find_topics(text, [Span(0, len(text))], [Span(0, len(text))], list(entities))
            if t.facet == "theme"]


def labels(text, entities=()):
    return [t.label.replace("ё", "е") for t in themes(text, entities)]


def test_adjective_agrees_with_noun_in_nominative():
    text = "Строители запустили первый энергоблок. Работы на первом энергоблоке завершены."
    assert "первый энергоблок" not in labels(text)  # "первый" is too general to be a topic ...
    text = "Обсудили развитие атомной энергетики. Вопросы атомной энергетики важны."
    assert labels(text)[0] == "атомная энергетика"


def test_plural_kept_when_text_uses_plural():
    text = "Стороны обсудили углубление торгово-экономических связей."
    assert labels(text) == ["торгово-экономические связи"]


def test_coordinated_nouns_after_sphere():
    text = "Обсудили сотрудничество в сфере транспорта и логистики."
    assert "транспорт и логистика" in labels(text)


def test_generic_phrases_are_skipped():
    text = "В ходе беседы обсудили актуальные вопросы и высокий уровень отношений."
    assert labels(text) == []


def test_spans_point_at_mentions():
    text = "Сельское хозяйство растет. Инвестиции в сельское хозяйство выросли."
    (t,) = [t for t in themes(text) if t.label == "сельское хозяйство"]
    assert [text[s.start:s.end].lower() for s in t.mentions] == ["сельское хозяйство"] * 2


def test_frequency_ranks_first():
    text = ("Лесные пожары охватили район. Лесные пожары тушат военные. Сухие грозы мешают. "
            "Лесные пожары не утихают.")
    assert labels(text)[0] == "лесные пожары"


def test_places_and_organizations_facets_merge_forms():
    text = "Казахстан и Республика Казахстан; ООН."
    ents = [Entity("Казахстан", "place", mentions=(Span(0, 9),)),
            Entity("Республика Казахстан", "place", mentions=(Span(12, 32),)),
            Entity("ООН", "organization", mentions=(Span(34, 37),)),
            Entity("KAZAKHSTAN TODAY", "organization", mentions=(Span(0, 1),))]
    ts = find_topics(text, [Span(0, len(text))], [Span(0, len(text))], ents)
    places = [t for t in ts if t.facet == "place"]
    orgs = [t.label for t in ts if t.facet == "organization"]
    assert [p.label for p in places] == ["Казахстан"] and len(places[0].mentions) == 2
    assert orgs == ["ООН"]   # the news agency is no topic


@pytest.fixture(scope="session")
def analyse():
    from dispatchtui.analysis import nlp, segment
    from dispatchtui.analysis.people import find_people

    nlp.preload()

    def run(name):
        text = (DATA / name).read_text(encoding="utf-8")
        d = segment(text)
        return find_topics(d.text, d.paragraphs, d.sentences, find_people(d.text, d.sentences))
    return run


def test_seed_topics(analyse):
    ts = analyse("seed_000.txt")
    got = [t.label.replace("ё", "е") for t in ts if t.facet == "theme"]
    expected = {"торгово-экономические связи", "водно-энергетическая сфера", "транспорт и логистика",
                "сельское хозяйство", "региональная безопасность", "стратегическое партнерство"}
    assert got[0] == "стратегическое партнерство"
    assert len(expected & set(got)) >= 4, got
    assert len(ts) <= 14
    places = [t.label for t in ts if t.facet == "place"]
    assert places[:2] == ["Казахстан", "Таджикистан"]
    assert "ООН" in [t.label for t in ts if t.facet == "organization"] or "МИД" in [t.label for t in ts]


def test_105_topics(analyse):
    ts = analyse("105_factrueval.txt")
    got = [t.label for t in ts if t.facet == "theme"]
    assert got[0] == "крымские татары"
    assert [t.label for t in ts if t.facet == "place"][:3] == ["Турция", "Украина", "Крым"]


def test_117_topics(analyse):
    ts = analyse("117_ods-tass.txt")
    got = [t.label for t in ts if t.facet == "theme"]
    assert {"русловый пруд", "иловые отложения"} <= set(got[:3])
    assert "Куновка" in [t.label for t in ts if t.facet == "place"]


def test_122_topics(analyse):
    ts = analyse("122_ods-interfax.txt")
    got = [t.label for t in ts if t.facet == "theme"]
    assert got[:2] == ["антидопинговые правила", "греко-римская борьба"]
    assert "РУСАДА" in [t.label for t in ts if t.facet == "organization"]
