"""Speaker resolution with hand-built quotes (independent of the quote scanner).

Corpus files in tests/data: see tests/data/SOURCES.md.
"""
from __future__ import annotations

import pathlib

import pytest

from dispatchtui.analysis.people import find_people
from dispatchtui.analysis.resolve import UNNAMED_KIND, resolve
from dispatchtui.model import Quote, Span

DATA = pathlib.Path(__file__).parent / "data"


@pytest.fixture(scope="session", autouse=True)
def ner():
    from dispatchtui.analysis import nlp

    nlp.preload()


def quote(text: str, words: str, mention: str | None, cue: str | None, *, after: int = 0) -> Quote:
    """A Quote over ``words`` whose speaker mention is the first ``mention`` found after the quote
    (or anywhere, from ``after``) and whose cue is the first ``cue`` found likewise."""
    s = text.index(words)
    e = s + len(words)
    ms = text.index(mention, after or 0) if mention else None
    cs = text.index(cue, after or 0) if cue else None
    return Quote(s, e, 0, "full", mention,
                 Span(ms, ms + len(mention)) if mention else None,
                 cue, Span(cs, cs + len(cue)) if cue else None)


def run(text, quotes):
    qs, speakers = resolve(text, quotes, find_people(text, []))
    names = {s.name for s in speakers}
    assert all(q.speaker is None or q.speaker in names for q in qs)   # the invariant
    return qs, speakers


def test_name_mention():
    text = "«Мы готовы к диалогу», — сказал Сергею Лаврову Олаф Шольц. Лавров промолчал."
    q = quote(text, "Мы готовы к диалогу", "Олаф Шольц", "сказал")
    (r,), _ = run(text, [q])
    assert r.speaker == "Олаф Шольц"


def test_role_with_synonym_resolves_to_person():
    text = ("Министр иностранных дел Казахстана Ермек Кошербаев встретился с президентом Таджикистана "
            "Эмомали Рахмоном. «Отношения развиваются», — сообщил глава МИД Казахстана.")
    q = quote(text, "Отношения развиваются", "глава МИД Казахстана", "сообщил")
    (r,), speakers = run(text, [q])
    assert r.speaker == "Ермек Кошербаев"
    assert speakers[0].name == "Ермек Кошербаев" and speakers[0].quotes == (0,)


def test_head_of_state_is_president():
    text = ("Министр иностранных дел Ермек Кошербаев встретился с президентом Таджикистана "
            "Эмомали Рахмоном. «Мы ценим дружбу», — отметил глава государства.")
    q = quote(text, "Мы ценим дружбу", "глава государства", "отметил")
    (r,), _ = run(text, [q])
    assert r.speaker == "Эмомали Рахмон"


def test_pronoun_agrees_in_gender_with_cue_verb():
    text = ("Алла Бут встретилась с адвокатом Виктором Петровым. "
            "«Я не сдамся», — сказала она.")
    q = quote(text, "Я не сдамся", "она", "сказала")
    (r,), _ = run(text, [q])
    assert r.speaker == "Алла Бут"


def test_pronoun_prefers_subject_over_later_object():
    text = ("Александр Белов дал интервью Сергею Митрохину. "
            "«Это провокация», — сказал он.")
    q = quote(text, "Это провокация", "он", "сказал")
    (r,), _ = run(text, [q])
    assert r.speaker == "Александр Белов"


def test_pronoun_without_antecedent_is_none():
    text = "«Все будет хорошо», — сказал он."
    (r,), _ = run(text, [quote(text, "Все будет хорошо", "он", "сказал")])
    assert r.speaker is None


def test_bare_noun_goes_to_nearest_person_agreeing():
    text = ("Скульптор Георгий Франгулян показал памятник. "
            "«Работа заняла два года», — говорит скульптор.")
    q = quote(text, "Работа заняла два года", "скульптор", "говорит", after=60)
    (r,), _ = run(text, [q])
    assert r.speaker == "Георгий Франгулян"


def test_press_service_of_agency_resolves_to_earlier_organization():
    text = ("Министерство экологии и природопользования Подмосковья объявило конкурс. "
            "«Работы завершатся в 2020 году», — сообщает пресс-служба ведомства.")
    q = quote(text, "Работы завершатся в 2020 году", "пресс-служба ведомства", "сообщает")
    (r,), speakers = run(text, [q])
    assert r.speaker.startswith("пресс-служба Министерства экологии")
    assert speakers[0].kind == "organization"


def test_document_uses_earlier_attribution():
    text = ("Москва. Спортсмен наказан, сообщает пресс-служба Российского антидопингового агентства.\n\n"
            "\"Спортсмен лишен права выступать\", - говорится в сообщении.")
    q = quote(text, "Спортсмен лишен права выступать", "в сообщении", "говорится")
    (r,), speakers = run(text, [q])
    assert r.speaker == "пресс-служба Российского антидопингового агентства"
    assert speakers[0].kind == "organization"


def test_unnamed_source_is_not_a_person():
    text = "«Решение уже принято», — сказал источник агентства."
    (r,), speakers = run(text, [quote(text, "Решение уже принято", "источник агентства", "сказал")])
    assert r.speaker == "источник агентства"
    assert speakers[0].kind == UNNAMED_KIND != "person"


def test_floating_quote_keeps_speaker_and_unquoted_persons_listed():
    text = ("«Первое», — сказал Виктор Шендерович. «Второе», — продолжил Шендерович. "
            "Ему возразил Александр Брод.")
    q1 = quote(text, "Первое", "Виктор Шендерович", "сказал")
    q2 = quote(text, "Второе", "Шендерович", "продолжил", after=40)
    qs, speakers = run(text, [q1, q2])
    assert [q.speaker for q in qs] == ["Виктор Шендерович", "Виктор Шендерович"]
    assert [s.name for s in speakers] == ["Виктор Шендерович", "Александр Брод"]
    assert speakers[0].quotes == (0, 1) and speakers[1].quotes == ()
    assert all(s.kind == "person" for s in speakers)


def test_no_mention_is_none():
    text = "«Просто цитата без автора»."
    (r,), speakers = run(text, [Quote(1, 26, 0)])
    assert r.speaker is None and speakers == []


def test_seed_quotes_resolve_to_koshcherbaev():
    text = (DATA / "seed_000.txt").read_text(encoding="utf-8")
    qs = []
    for words, cue in (("Хотел бы подчеркнуть", "сообщил"), ("Для Казахстана развитие", "констатировал")):
        s = text.index(words)
        e = text.index('"', s)
        m = text.index("глава МИД Казахстана", e)
        c = text.index(cue, e)
        qs.append(Quote(s, e, 0, "full", "глава МИД Казахстана", Span(m, m + 20), cue, Span(c, c + len(cue))))
    rq, speakers = run(text, qs)
    assert [q.speaker for q in rq] == ["Ермек Кошербаев", "Ермек Кошербаев"]
    assert [s.name for s in speakers] == ["Ермек Кошербаев", "Эмомали Рахмон", "Касым-Жомарт Токаев",
                                          "Сироджиддин Мухриддин", "Исмоил Сомони"]
    assert speakers[0].quotes == (0, 1)


def test_document_named_only_in_cue():
    text = ("Москва. Первый канал объявил о трансляциях.\n\n"
            "\"Мы покажем все матчи\", - говорится в сообщении телеканала, поступившем в редакцию.")
    s = text.index("Мы покажем")
    c = text.index("говорится в сообщении")
    q = Quote(s, s + len("Мы покажем все матчи"), 1, "full", None, None, "говорится в сообщении",
              Span(c, c + len("говорится в сообщении")))
    (r,), speakers = run(text, [q])
    assert r.speaker == "Первый канал"
    assert speakers[0].kind == "organization"


def test_wire_agency_is_not_the_anaphoric_organization():
    text = ("Москва. 30 апреля. INTERFAX.RU - Борец наказан, сообщает пресс-служба ведомства.\n\n"
            "\"Решение принято\", - говорится в сообщении.")
    s = text.index("Решение принято")
    c = text.index("говорится в сообщении")
    q = Quote(s, s + 15, 1, "full", None, None, "говорится в сообщении", Span(c, c + 21))
    (r,), _ = run(text, [q])
    assert r.speaker is not None and "INTERFAX" not in r.speaker


def test_surname_mention_resolves_to_full_name():
    text = ("Министр финансов Антон Силуанов заявил, что бюджет будет исполнен. "
            "«Мы выполним все обязательства перед гражданами», — сказал Силуанов журналистам.")
    # the scanner may hand over the surname alone or with the addressee
    for mention in ("Силуанов", "Силуанов журналистам"):
        q = quote(text, "Мы выполним все обязательства перед гражданами", mention, "сказал")
        (r,), speakers = run(text, [q])
        assert r.speaker == "Антон Силуанов"
        assert speakers[0].role == "министр финансов"


def test_surname_not_tagged_by_ner_resolves_by_surname_only():
    text = ("Министр финансов Антон Силуанов заявил, что бюджет будет исполнен. "
            "«Все будет хорошо», — добавил Силуанов журналистам.")
    s = text.index("Все будет")
    m = text.index("Силуанов журналистам")
    q = Quote(s, s + 16, 0, "full", "Силуанов журналистам", Span(m, m + 20), "добавил",
              Span(text.index("добавил"), text.index("добавил") + 7))
    from dataclasses import replace

    ents = [replace(e, mentions=tuple(x for x in e.mentions if x.start != m),
                    details=tuple(d for d in e.details if d.span.start != m)) for e in find_people(text, [])]
    assert all(x.start != m for e in ents for x in e.mentions)
    r = resolve(text, [q], ents)[0][0]
    assert r.speaker == "Антон Силуанов"


def test_transcript_labels_resolve_to_one_person():
    text = ("Стенограмма.\n\nВ.Путин: Добрый день, коллеги.\n\n"
            "С.Собянин: Владимир Владимирович, город готов к зиме.\n\nВ.Путин: Спасибо.")
    qs = []
    for words, label in (("Добрый день, коллеги.", "В.Путин"), ("Владимир Владимирович, город готов к зиме.", "С.Собянин"),
                         ("Спасибо.", "В.Путин")):
        s = text.index(words)
        m = text.rindex(label, 0, s)
        qs.append(Quote(s, s + len(words), 0, "full", label, Span(m, m + len(label)), None, None))
    rq, speakers = run(text, qs)
    assert [q.speaker for q in rq] == ["Владимир Путин", "С. Собянин", "Владимир Путин"]
    assert [s.name for s in speakers if s.kind == "person"] == ["Владимир Путин", "С. Собянин"]


@pytest.mark.parametrize("mention", ["источник", "собеседник агентства", "журналист телеканала",
                                     "корреспондент агентства"])
def test_unnamed_sources_never_persons_even_after_a_named_person(mention):
    text = (f"Министр финансов Антон Силуанов прибыл в Киев. «Документ будет подписан завтра», — сказал "
            f"{mention}.")
    q = quote(text, "Документ будет подписан завтра", mention, "сказал")
    (r,), speakers = run(text, [q])
    assert r.speaker == mention
    sp = next(s for s in speakers if s.name == mention)
    assert sp.kind == UNNAMED_KIND != "person"
    assert [s.name for s in speakers if s.kind == "person"] == ["Антон Силуанов"]


def test_feminine_substantive_resolves_to_the_woman():
    text = ("Профессор НГУ Елена Кравцова получила грант вместе с Игорем Беловым. "
            "«Это результат десяти лет работы», — говорит ученая.")
    q = quote(text, "Это результат десяти лет работы", "ученая", "говорит")
    (r,), _ = run(text, [q])
    assert r.speaker == "Елена Кравцова"
