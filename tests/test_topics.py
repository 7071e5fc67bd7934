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


SEED_EXPECTED = {"торгово-экономические связи", "водно-энергетическая сфера", "транспорт и логистика",
                 "сельское хозяйство", "региональная безопасность", "стратегическое партнерство"}


def test_seed_topics(analyse):
    ts = analyse("seed_000.txt")
    got = [t.label.replace("ё", "е") for t in ts if t.facet == "theme"]
    assert len(got) <= 10
    assert len(SEED_EXPECTED & set(got)) >= 5, got
    # the expected cards lead the list; generic pairs stay out of it
    assert len(SEED_EXPECTED & set(got[:6])) >= 5, got
    assert not {"политическая воля", "новый уровень", "этот год", "двустороннее сотрудничество",
                "казахско-таджикское сотрудничество"} & set(got), got
    places = [t.label for t in ts if t.facet == "place"]
    assert places[:2] == ["Казахстан", "Таджикистан"]
    assert "ООН" in [t.label for t in ts if t.facet == "organization"] or "МИД" in [t.label for t in ts]


def test_seed_topic_spans_collect_the_family(analyse):
    text = (DATA / "seed_000.txt").read_text(encoding="utf-8")
    ts = {t.label.replace("ё", "е"): t for t in analyse("seed_000.txt") if t.facet == "theme"}
    farm = [text[s.start:s.end].lower() for s in ts["сельское хозяйство"].mentions]
    assert farm == ["сельском хозяйстве", "сельскохозяйственной продукции"]
    trade = [text[s.start:s.end].lower() for s in ts["торгово-экономические связи"].mentions]
    assert trade == ["торгово-экономических связей", "экономических связей"]


def test_105_topics(analyse):
    ts = analyse("105_factrueval.txt")
    got = [t.label for t in ts if t.facet == "theme"]
    assert got[0] == "крымские татары"
    assert "крымско-татарский народ" not in got          # folded into its near-synonym
    assert "территориально-национальная автономия" in got[:4]
    assert [t.label for t in ts if t.facet == "place"][:3] == ["Турция", "Украина", "Крым"]


def test_117_topics(analyse):
    ts = analyse("117_ods-tass.txt")
    got = [t.label for t in ts if t.facet == "theme"]
    assert got[:2] == ["русловый пруд", "иловые отложения"]
    assert "Куновка" in [t.label for t in ts if t.facet == "place"]


def test_122_topics(analyse):
    ts = analyse("122_ods-interfax.txt")
    got = [t.label for t in ts if t.facet == "theme"]
    assert got[:2] == ["антидопинговые правила", "греко-римская борьба"]
    assert not {"российский чемпион", "отечественный борец"} & set(got)   # persons' roles are no topics
    assert "РУСАДА" in [t.label for t in ts if t.facet == "organization"]


# ---- ranking rules ------------------------------------------------------------------------------


def test_family_folds_compound_adjective_into_phrase():
    text = ("Стороны обсудили сотрудничество в сельском хозяйстве и поставки сельскохозяйственной продукции. "
            "Также говорили о новых проектах.")
    ts = {t.label: t for t in themes(text)}
    assert "сельскохозяйственная продукция" not in ts
    assert len(ts["сельское хозяйство"].mentions) == 2


def test_topic_markers_outrank_incidental_phrases():
    text = ("Министры обсудили вопросы региональной безопасности. По дороге делегация осмотрела "
            "старинные мосты. Отдельно рассмотрены перспективы развития цифровой экономики.")
    got = labels(text)
    assert set(got[:2]) == {"региональная безопасность", "цифровая экономика"}, got


def test_generic_pairs_and_person_roles_are_discounted():
    text = ("Благодаря политической воле лидеров отношения вышли на новый уровень в этом году. "
            "Российский бизнесмен заявил о поддержке. Стороны обсудили развитие атомной энергетики.")
    got = labels(text)
    assert got[0] == "атомная энергетика"
    assert not {"политическая воля", "новый уровень", "этот год"} & set(got)


def test_pronominal_adjectives_participles_and_ages_are_no_modifiers():
    text = ("Никакая символика не допускается. Мое пребывание закончилось. Фанаты, устроившие погромы, "
            "задержаны. Его 28-летняя дочь уехала.")
    got = labels(text)
    assert not {"никакая символика", "мое пребывание", "устроившие погромы", "летняя дочь"} & set(got), got


def test_near_synonyms_are_shown_once():
    text = ("Крымские татары вернулись. Права крымских татар обсуждались. Представители крымско-татарского "
            "народа выступили. Крымских татар поддержали.")
    got = labels(text)
    assert got[0] == "крымские татары"
    assert "крымско-татарский народ" not in got


def test_at_most_ten_themes():
    text = " ".join(f"Обсудили вопросы {a} {n}." for a, n in [
        ("атомной", "энергетики"), ("цифровой", "экономики"), ("водных", "ресурсов"), ("лесных", "пожаров"),
        ("сельского", "хозяйства"), ("морских", "перевозок"), ("железнодорожного", "транспорта"),
        ("космической", "отрасли"), ("налоговой", "реформы"), ("пенсионной", "системы"),
        ("жилищного", "строительства"), ("горнодобывающей", "промышленности")])
    assert len(labels(text)) == 10


# ---- property: labels agree ----------------------------------------------------------------------


def _agreement_errors(label: str) -> list[str]:
    from dispatchtui.analysis.people import parses

    words = label.split()
    if "и" in words:            # "транспорт и логистика": two nominative nouns
        return [w for w in words if w != "и" and not any(p.tag.POS == "NOUN" and p.tag.case == "nomn"
                                                         for p in parses(w))]
    *adjs, head = words
    nouns = [p for p in parses(head) if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    errors = []
    for a in adjs:
        ok = any(ap.tag.POS in ("ADJF", "PRTF") and ap.tag.case == "nomn" and any(
            ap.tag.number == n.tag.number and (n.tag.number == "plur" or ap.tag.gender in (n.tag.gender, None)
                                                or n.tag.gender is None)
            for n in nouns) for ap in parses(a))
        if not ok:
            errors.append(a)
    if not nouns:
        errors.append(head)
    return errors


AGREEMENT_TEXTS = [
    "Строители запустили первый энергоблок. Работы на новом атомном энергоблоке завершены.",
    "Обсудили поставки сжиженного природного газа и развитие атомной энергетики.",
    "Обсуждены вопросы водно-энергетического взаимодействия и торгово-экономических связей.",
    "Рассмотрены перспективы железнодорожных перевозок, морской логистики и крупных инфраструктурных проектов.",
    "В Якутии лесные пожары охватили десятки гектаров тайги; сухие грозы мешают тушению.",
]


@pytest.mark.parametrize("text", AGREEMENT_TEXTS)
def test_labels_agree_synthetic(text):
    for label in labels(text):
        assert _agreement_errors(label) == [], label


@pytest.mark.parametrize("name", ["seed_000.txt", "105_factrueval.txt", "117_ods-tass.txt", "122_ods-interfax.txt"])
def test_labels_agree_corpus(analyse, name):
    for t in analyse(name):
        if t.facet == "theme":
            assert _agreement_errors(t.label.replace("ё", "е")) == [], t.label
