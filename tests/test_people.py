"""People: NER persons in the nominative, fullest form, merged mentions, roles.

Corpus files in tests/data: see tests/data/SOURCES.md (factRuEval-2016 MIT; natasha/corus MIT).
"""

from __future__ import annotations

import pathlib
import sys

import pytest

from dispatchtui.analysis.people import find_people, inflect_phrase, normalize_name

DATA = pathlib.Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def ner():
    from dispatchtui.analysis import nlp

    nlp.preload()
    return nlp


def persons(text, ner):
    return [e for e in find_people(text, []) if e.kind == "person"]


def names(text, ner):
    return [e.name for e in persons(text, ner)]


# ---- nlp loading -----------------------------------------------------------------------------


def test_importing_analysis_does_not_load_models():
    import subprocess

    code = (
        "import sys, dispatchtui.analysis.people, dispatchtui.analysis.resolve, dispatchtui.analysis.topics, "
        "dispatchtui.analysis.nlp as n; "
        "print(any(m in sys.modules for m in ('natasha', 'slovnet', 'navec', 'pymorphy2')), n.is_loaded())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_preload_does_not_import_pymorphy2(ner):
    assert ner.is_loaded()
    assert "pymorphy2" not in sys.modules or sys.modules["pymorphy2"].__name__ == "pymorphy3"


def test_tag_tokens_offsets(ner):
    text = "Вчера Эмомали Рахмон прибыл в Душанбе."
    toks = ner.tag_tokens(text)
    assert all(text[t.start : t.stop] == t.text for t in toks)
    tags = {t.text: t.tag for t in toks}
    assert tags["Эмомали"] == "B-PER" and tags["Рахмон"] == "I-PER"
    assert tags["Душанбе"] == "B-LOC"


# ---- nominative names (no model needed) --------------------------------------------------------


@pytest.mark.parametrize(
    "words, expected",
    [
        (("Эмомали", "Рахмоном"), "Эмомали Рахмон"),
        (("Касым-Жомарта", "Токаева"), "Касым-Жомарт Токаев"),
        (("Сироджиддином", "Мухриддином"), "Сироджиддин Мухриддин"),
        (("Олафу", "Шольцу"), "Олаф Шольц"),
        (("Сергея", "Шойгу"), "Сергей Шойгу"),
        (("Исмоилу", "Сомони"), "Исмоил Сомони"),
        (("Аллы", "Бут"), "Алла Бут"),
        (("Станислава", "Зельвенского"), "Станислав Зельвенский"),
        (("Мэтью", "Брайза"), "Мэтью Брайза"),  # a nominative -а stays
        (("Шойгу",), "Шойгу"),
    ],
)
def test_normalize_name(words, expected):
    assert " ".join(normalize_name(words).words) == expected


def test_normalize_name_gender():
    assert normalize_name(("Аллы", "Бут")).gender == "femn"
    assert normalize_name(("Эмомали", "Рахмоном")).gender == "masc"


def test_inflect_phrase_agrees_adjectives():
    assert inflect_phrase(["Южной", "Азии"]) == ["Южная", "Азия"]
    assert inflect_phrase(["министром", "иностранных", "дел"]) == ["министр", "иностранных", "дел"]
    assert inflect_phrase(["первому", "энергоблоку"]) == ["первый", "энергоблок"]


# ---- find_people -------------------------------------------------------------------------------


def test_inflected_name_is_nominative_and_mentions_kept(ner):
    text = "Министр встретился с Олафом Шольцем. Позже Олаф Шольц уехал."
    ps = persons(text, ner)
    assert [p.name for p in ps] == ["Олаф Шольц"]
    assert [text[s.start : s.end] for s in ps[0].mentions] == ["Олафом Шольцем", "Олаф Шольц"]


def test_surname_only_joins_full_name(ner):
    text = "Ермек Кошербаев прибыл в Душанбе. Затем Кошербаев провел переговоры."
    ps = persons(text, ner)
    assert [p.name for p in ps] == ["Ермек Кошербаев"]
    assert len(ps[0].mentions) == 2


def test_same_surname_different_first_names_stay_apart(ner):
    text = "Виктор Бут остается в тюрьме. Его жена Алла Бут рассказала об этом журналистам."
    assert names(text, ner) == ["Виктор Бут", "Алла Бут"]


def test_initials(ner):
    text = "Заявление подписал В. В. Путин. Документ опубликован."
    (p,) = persons(text, ner)
    assert p.name.endswith("Путин") and p.name.startswith("В.")


def test_initials_then_full_name_merge(ner):
    text = "Указ подписал Владимир Путин. Ранее В. Путин говорил о реформе."
    assert names(text, ner) == ["Владимир Путин"]


def test_original_spelling_in_parentheses_is_not_a_second_person(ner):
    text = "Об этом сказал адвокат истцов Томас Винье (Thomas Vinje) на пресс-конференции."
    assert names(text, ner) == ["Томас Винье"]


def test_apposition_role(ner):
    text = (
        "В Душанбе министр иностранных дел Республики Казахстан Ермек Кошербаев "
        "был принят президентом Республики Таджикистан Эмомали Рахмоном."
    )
    ps = {p.name: p for p in persons(text, ner)}
    assert ps["Ермек Кошербаев"].role == "министр иностранных дел Республики Казахстан"
    assert ps["Эмомали Рахмон"].role == "президент Республики Таджикистан"


def test_capitalized_common_noun_is_no_person(ner):
    ents = find_people("Супруга заявила, что не верит обвинениям.", [])
    assert [e for e in ents if e.kind == "person" and e.name == "Супруга"] == []


def test_places_and_organizations(ner):
    text = "Глава МИД Казахстана обсудил с коллегами из Таджикистана работу ООН и ОДКБ в Центральной Азии."
    ents = find_people(text, [])
    places = {e.name for e in ents if e.kind == "place"}
    orgs = {e.name for e in ents if e.kind == "organization"}
    assert {"Казахстан", "Таджикистан", "Центральная Азия"} <= places
    assert {"ООН", "ОДКБ"} <= orgs


def test_seed_persons_exactly(ner):
    text = (DATA / "seed_000.txt").read_text(encoding="utf-8")
    assert names(text, ner) == [
        "Ермек Кошербаев",
        "Эмомали Рахмон",
        "Касым-Жомарт Токаев",
        "Сироджиддин Мухриддин",
        "Исмоил Сомони",
    ]
    kosh = persons(text, ner)[0]
    assert kosh.gender == "masc"
    assert kosh.role == "министр иностранных дел Республики Казахстан"
    assert all(text[s.start : s.end].endswith(("Кошербаев",)) for s in kosh.mentions)


def test_corpus_105_persons(ner):
    text = (DATA / "105_factrueval.txt").read_text(encoding="utf-8")
    assert set(names(text, ner)) == {"Реджеп Тайип Эрдоган", "Виктор Янукович", "Мустафа Джемилев", "Роман Коноплев"}


def test_corpus_122_reversed_order_merges(ner):
    text = (DATA / "122_ods-interfax.txt").read_text(encoding="utf-8")
    assert names(text, ner) == ["Чингиз Лабазанов", "Валерий Гусаров"]


# ---- context and cross-mention evidence ------------------------------------------------------------


def test_hint_from_agreeing_adjective():
    from dispatchtui.analysis.people import NameHint

    assert normalize_name(("Ванга",), NameHint(frozenset({"nomn"}), "femn")).words == ("Ванга",)
    # without the hint, the dictionary reads a genitive of "Ванг"
    assert normalize_name(("Ванга",)).words == ("Ванг",)


def test_unknown_first_declension_name_of_a_man():
    # "генерал-лейтенанта Аксары Кердпола": a man's name in -а, genitive
    assert " ".join(normalize_name(("Аксары", "Кердпола")).words) == "Аксара Кердпол"
    assert " ".join(normalize_name(("Никиты", "Михалкова")).words) == "Никита Михалков"


def test_known_feminine_after_adjective_in_text(ner):
    text = "Конец света в 5079 году предсказала всемирно известная Ванга."
    assert names(text, ner) == ["Ванга"]


def test_list_entry_is_nominative(ner):
    text = "Итоги: 1. Михаил Саакашвили — 52 %. 2. Давити Бакрадзе — 21 %. 3. Аркади Патаркацишвили — 7 %."
    assert names(text, ner) == ["Михаил Саакашвили", "Давити Бакрадзе", "Аркади Патаркацишвили"]


def test_paradigm_from_every_mention(ner):
    # a typo'd "Сулимы" reads as a woman's nominative; the other mentions of the same man and the
    # surname "Ямадаев" elsewhere in the text tell it is "Сулим Ямадаев"; the lone "Сулима" joins him
    text = (
        "По делу Сулима задержаны трое. Иса Ямадаев является братом Сулимы Ямадаева. "
        "Говорили о похоронах Сулима Ямадаева. Дело Сулима Ямадаева передано в суд. "
        "Как рассказывает сам Ямадаев, он знал о преступлении."
    )
    got = names(text, ner)
    assert "Сулим Ямадаев" in got and "Иса Ямадаев" in got
    assert not any(n in got for n in ("Сулим", "Сулимы Ямадаева", "Сулима Ямадаева"))


def test_feminine_first_name_sets_the_paradigm(ner):
    text = (
        "Жена Сергея Кротова Анна Кротова рассказала о болезни мужа. Кротову стало плохо в понедельник. "
        "Врачи успокоили Кротову."
    )
    ps = {p.name: p for p in persons(text, ner)}
    assert set(ps) == {"Сергей Кротов", "Анна Кротова"}
    assert ps["Анна Кротова"].gender == "femn"


def test_genitive_of_possession_gets_no_role(ner):
    text = (
        "Вчера задержан Ильнур Галиев. Ранее Ильнура Галиева разыскивала полиция. "
        "Адвокат Галиева Рустем Хабибуллин обжаловал арест."
    )
    ps = {p.name: p for p in persons(text, ner)}
    assert set(ps) == {"Ильнур Галиев", "Рустем Хабибуллин"}
    assert ps["Ильнур Галиев"].role is None
    assert ps["Рустем Хабибуллин"].role == "адвокат Галиева"


def test_role_keeps_quoted_organization_name(ner):
    text = 'Рынок снизился, отметил аналитик ФК "Открытие" Иван Петров.'
    (p,) = persons(text, ner)
    assert p.name == "Иван Петров" and p.role == 'аналитик ФК "Открытие"'


def test_transcript_address_form_joins_initials(ner):
    text = (
        "Стенограмма.\n\nВ.Путин: Добрый день, коллеги.\n\n"
        "С.Собянин: Владимир Владимирович, город готов к зиме.\n\nВ.Путин: Спасибо."
    )
    got = names(text, ner)
    assert "Владимир Путин" in got
    assert "Владимир Владимирович" not in got and not any(n.startswith("В. ") for n in got)


def test_address_form_without_a_match_stays(ner):
    text = "Сергей Кужугетович, доложите обстановку, — попросил президент."
    assert names(text, ner) == ["Сергей Кужугетович"]


def test_long_texts_reach_the_model_in_sentence_pieces_short_ones_whole():
    from dispatchtui.analysis.nlp import NER_CHUNK_TOKENS, _chunks

    short = ["слово"] * NER_CHUNK_TOKENS
    assert _chunks(short) == [(0, NER_CHUNK_TOKENS)]
    words = (["Иван", "сказал", "слово", "."] * (3 * NER_CHUNK_TOKENS))[: 10 * NER_CHUNK_TOKENS + 7]
    pieces = _chunks(words)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(words)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))  # in order, nothing lost
    assert all(0 < e - s <= NER_CHUNK_TOKENS for s, e in pieces)
    assert all(words[e - 1] == "." for s, e in pieces[:-1])  # cut after a sentence end
    no_stops = ["слово"] * (2 * NER_CHUNK_TOKENS + 1)  # none to cut at: cut anyway
    assert _chunks(no_stops) == [
        (0, NER_CHUNK_TOKENS),
        (NER_CHUNK_TOKENS, 2 * NER_CHUNK_TOKENS),
        (2 * NER_CHUNK_TOKENS, 2 * NER_CHUNK_TOKENS + 1),
    ]


def test_a_long_text_is_tokenized_in_slices_exactly_as_razdel_tokenizes_it_whole(monkeypatch):
    """razdel is given a huge text a slice at a time (it lists every atom of its input first); the slices
    are cut at whitespace between letters, where no razdel rule looks across: the tokens are the same."""
    import random

    from razdel import tokenize

    from dispatchtui.analysis import nlp

    rng = random.Random(16)
    parts = ["а", "-", "5", ".", ",", "/", "\\", "_", "\n", " ", "\n\n", "слово", "Б", "—", "x", "3", "?!", "«", ":)"]
    text = "".join(rng.choice(parts) for _ in range(40_000))
    monkeypatch.setattr(nlp, "RAZDEL_SLICE_CHARS", 97)
    whole = [(t.start, t.stop, t.text) for t in tokenize(text)]
    assert list(nlp._razdel_tokens(text)) == whole
    assert len({a for a, _, _ in whole}) == len(whole) > 10_000


def test_tagged_tokens_are_razdel_tokens_with_their_tags(ner):
    from razdel import tokenize

    from dispatchtui.analysis import nlp

    text = "Вчера Эмомали Рахмон прибыл в Душанбе. " * 3
    toks = ner.tag_tokens(text)
    assert [(t.start, t.stop, t.text) for t in toks] == [(t.start, t.stop, t.text) for t in tokenize(text)]
    compact = nlp.Tokens(
        text, nlp.array("q", [t.start for t in toks]), nlp.array("q", [t.stop for t in toks]), [t.tag for t in toks]
    )
    assert list(compact) == toks and compact[2:5] == toks[2:5] and compact[-1] == toks[-1] and len(compact) == 21


def test_a_long_text_tagged_in_worker_processes_gets_the_tags_of_the_sequential_tagging(ner, monkeypatch, tmp_path):
    """A huge text's slices and pieces go to worker processes when the caller allows it: the same tokens and
    tags, in the same order, as when this process tokenizes and tags them one after another."""
    import os
    import random

    from dispatchtui.analysis import nlp

    rng = random.Random(2)
    people = ["Анна Кузьмина", "Рустам Валиев", "Жан Дюпре", "Ольга Седых", "Пётр Лаптев"]
    places = ["Казани", "Вологде", "Брюсселе", "Тбилиси"]
    bodies = ["Минфин", "Газпром", "ООН", "МЧС"]
    text = " ".join(
        f"{rng.choice(people)} встретился в {rng.choice(places)} с главой {rng.choice(bodies)}, "
        f"сообщает {rng.choice(bodies)}."
        for _ in range(1500)
    )
    sequential = nlp.tag_compact(text)
    pids = tmp_path / "pids"
    tag = nlp._tag

    def tag_noting_the_process(words, one_of_many):
        with open(pids, "a") as f:
            f.write(f"{os.getpid()}\n")
        return tag(words, one_of_many)

    monkeypatch.setattr(nlp, "_tag", tag_noting_the_process)
    monkeypatch.setattr(nlp, "PARALLEL_FROM_CHARS", 1000)
    monkeypatch.setattr(nlp, "RAZDEL_SLICE_CHARS", 5000)  # tokenized in slices by the workers too
    nlp.allow_processes(2)
    try:
        parallel = nlp.tag_compact(text)
    finally:
        nlp.allow_processes(1)
    assert len(sequential) > 4 * nlp.NER_CHUNK_TOKENS
    assert list(parallel) == list(sequential)
    assert {"B-PER", "B-LOC", "B-ORG"} <= set(parallel.tags)
    assert set(pids.read_text().split()) - {str(os.getpid())}  # tagged elsewhere


def test_many_sentences_parsed_in_worker_processes_get_the_parses_of_the_sequential_parsing(ner, monkeypatch):
    """Many sentences' batches go to worker processes when the caller allows it: each sentence gets the
    very parse this process gives it."""
    import random

    from dispatchtui.analysis import nlp

    rng = random.Random(3)
    subjects = ["Министр", "Глава района", "Представитель компании", "Анна Кузьмина"]
    verbs = ["заявил", "сообщила", "подчеркнул", "напомнил журналистам"]
    tails = ["что мост откроют весной", "что цены не вырастут", "о новых правилах въезда", "что решение принято"]
    sentences = [
        f"{rng.choice(subjects)} {rng.choice(verbs)}, {' '.join(rng.sample(tails, rng.randint(1, 3)))}."
        for _ in range(300)
    ]
    text = " ".join(sentences)
    spans, at = [], 0
    for s in sentences:
        spans.append((at, at + len(s)))
        at += len(s) + 1
    sequential = nlp.parse_sentences(text, spans)
    monkeypatch.setattr(nlp, "PARALLEL_FROM_SENTENCES", 64)
    nlp.allow_processes(2)
    try:
        parallel = nlp.parse_sentences(text, spans)
    finally:
        nlp.allow_processes(1)
    assert parallel == sequential
    assert len(parallel) == 300 and all(p and any(t.head == -1 for t in p) for p in parallel)


@pytest.mark.slow
def test_a_huge_text_analysed_with_worker_processes_gets_the_analysis_of_one_process(ner, monkeypatch):
    """With the models' worker processes allowed, a huge text is tagged in the background while this process
    finds the quotes and reported speech, and its parses go to the workers too: the very same analysis."""
    import random

    from dispatchtui.analysis import analyze, nlp

    rng = random.Random(5)
    people = ["Анна Кузьмина", "Рустам Валиев", "Жан Дюпре", "Ольга Седых"]
    paragraphs = []
    for _ in range(260):
        who = rng.choice(people)
        paragraphs.append(
            f"«Мост откроют весной», — заявила {who}. Глава {rng.choice(['Минфина', 'МЧС', 'ООН'])} "
            f"{rng.choice(people)} сообщил, что цены на проезд в {rng.choice(['Казани', 'Вологде'])} не вырастут."
        )
    text = "\n\n".join(paragraphs)
    alone = analyze(text)
    monkeypatch.setattr(nlp, "PARALLEL_FROM_CHARS", 1000)
    monkeypatch.setattr(nlp, "PARALLEL_FROM_SENTENCES", 64)
    monkeypatch.setattr(nlp, "RAZDEL_SLICE_CHARS", 5000)
    nlp.allow_processes(2)
    try:
        with_workers = analyze(text)
    finally:
        nlp.allow_processes(1)
    assert len(nlp.tag_compact(text)) > 2 * nlp.NER_CHUNK_TOKENS
    assert with_workers == alone
    assert len(alone.quotes) > 200 and len([e for e in alone.speakers]) >= 4


def test_a_long_text_without_sentence_ends_is_cut_at_a_clause_mark_and_never_inside_a_name():
    from dispatchtui.analysis.nlp import NER_CHUNK_TOKENS, _chunks

    clauses = (["слово"] * 6 + [","]) * NER_CHUNK_TOKENS  # the limit falls on a "слово"
    pieces = _chunks(clauses)
    assert pieces[-1][1] == len(clauses) and all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(NER_CHUNK_TOKENS // 2 < e - s <= NER_CHUNK_TOKENS for s, e in pieces[:-1])
    assert all(clauses[e - 1] == "," for s, e in pieces[:-1])
    names = ["Петров", "и", "Иван"] * NER_CHUNK_TOKENS  # no mark: the limit falls inside "Иван Петров"
    pieces = _chunks(names)
    assert all(NER_CHUNK_TOKENS // 2 < e - s <= NER_CHUNK_TOKENS for s, e in pieces[:-1])
    assert all(not (names[e - 1][:1].isupper() and names[e][:1].isupper()) for s, e in pieces[:-1])


def test_a_long_run_without_letters_is_tagged_o_and_names_around_it_are_found(ner):
    from dispatchtui.analysis.nlp import NER_CHUNK_TOKENS

    text = "Владимир Путин прибыл в Душанбе. " + ", " * (3 * NER_CHUNK_TOKENS) + "Эмомали Рахмон встретил гостя."
    toks = ner.tag_tokens(text)
    assert all(t.tag == "O" for t in toks if t.text == ",")
    assert {"Владимир Путин", "Эмомали Рахмон"} <= set(names(text, ner))


def test_a_stated_nickname_in_quotation_marks_recurs_in_another_case():
    from dispatchtui.analysis import analyze

    text = (
        "Хоккей\n\nШайбу забросил нападающий Даниил Ежов, которого болельщики называют «Ёршом».\n\n"
        "— Увидел, что вратарь рано лёг, и поднял шайбу, — пожал плечами Ёрш."
    )
    d = analyze(text)
    (q,) = [q for q in d.quotes if q.kind == "full"]
    assert q.speaker == "Даниил Ежов"
    (ezhov,) = [s for s in d.speakers if s.name == "Даниил Ежов"]
    assert "Ёрш" in [text[m.start : m.end] for m in ezhov.mentions]


def test_the_idiom_play_a_role_names_no_parts():
    from dispatchtui.analysis import analyze

    text = (
        "Суд\n\nКлючевую роль в деле сыграли показания двух экспертов — Марты Кройц из Антверпена и её "
        "однофамильца Клауса Кройца из Кельна."
    )
    assert {s.name for s in analyze(text).speakers if s.kind == "person"} == {"Марта Кройц", "Клаус Кройц"}
    text = "Премьера\n\nРоль Гамлета сыграет Иван Сомов, Офелию — Анна Дубко."
    assert {s.name for s in analyze(text).speakers if s.kind == "person"} == {"Иван Сомов", "Анна Дубко"}


def test_a_hierarch_s_see_is_no_part_of_his_name():
    from pathlib import Path

    from dispatchtui.analysis import analyze

    # (an invented obituary: in this context the NER tags "Псковский Арсений" as one person)
    text = (Path(__file__).parent / "data" / "obituary_hierarch.txt").read_text(encoding="utf-8")
    names = {s.name for s in analyze(text).speakers if s.kind == "person"}
    assert "Арсений" in names and not any("Псковский" in n for n in names)


def test_a_street_s_eponym_before_a_resident_s_name_is_no_part_of_it():
    from dispatchtui.analysis import analyze

    text = "Ливень\n\nЖительница улицы Калинина Мария Пак рассказала агентству, что вода в подвале поднялась до метра."
    names = [s.name for s in analyze(text).speakers if s.kind == "person"]
    assert names == ["Мария Пак"]


def test_a_roman_numeral_after_a_first_name_is_a_monarch_s_name_and_tells_one_from_another(ner):
    text = (
        "Реформу начал Петр I, а закончить ее довелось уже при Екатерине II. "
        "Архив хранит письмо Николая I и дневник Николая II."
    )
    assert sorted(names(text, ner)) == ["Екатерина II", "Николай I", "Николай II", "Петр I"]


def test_a_name_without_its_first_word_is_the_same_person(ner):
    # a Spanish double surname; an Arabic compound name named short first, in a headline
    text = "Рукопись изучила филолог из Валенсии Мерседес Ортега Морено. По словам Ортеги Морено, письма подлинные."
    assert names(text, ner) == ["Мерседес Ортега Морено"]
    text = (
        "Хасанов обыграл Абдель Карима\n\nВ финале Руслан Хасанов обыграл тунисца Ахмеда Абдель Карима. "
        "Абдель Карим поздравил соперника."
    )
    assert sorted(names(text, ner)) == ["Ахмед Абдель Карим", "Руслан Хасанов"]


def test_a_surname_read_oblique_by_its_context_is_read_so_where_it_is_written_alike(ner):
    # "боцмана Зорина": the genitive of Зорин, so the same form elsewhere is his too, not a woman's Зорина
    text = "В судовом журнале записано: «Боцмана Зорина списать на берег». Через неделю Зорина вернули на судно."
    (p,) = persons(text, ner)
    assert (p.name, p.gender) == ("Зорин", "masc")
    # a woman's nominative stays where no context reads it otherwise
    text = "Зорина вернулась на судно через неделю. Капитан поблагодарил Зорину."
    (p,) = persons(text, ner)
    assert p.name == "Зорина"


def test_a_name_joined_by_and_takes_no_role_of_the_name_before(ner):
    text = "В полуфинале встретились бельгийский велогонщик Лукас Мертенс и Иван Рогов."
    roles = {p.name: p.roles for p in persons(text, ner)}
    assert roles == {"Лукас Мертенс": ("велогонщик",), "Иван Рогов": ()}


def test_a_post_given_by_a_clause_after_the_name_is_a_role(ner):
    text = (
        "Архив получил дневник Отто Фишера, немца, который в 1920-х годах работал инженером на заводе. "
        "Там же хранятся письма Веры Ланской, служившей экономкой в доме Фишеров. Павел Орлов, который купил "
        "дом, передал бумаги архиву."
    )
    roles = {p.name: p.roles for p in persons(text, ner)}
    assert roles["Отто Фишер"] == ("инженер",) and roles["Вера Ланская"] == ("экономка",)
    assert roles["Павел Орлов"] == ()  # (no verb of a post: "купил")


def test_a_woman_s_kin_noun_before_a_name_of_two_readings_takes_the_family_s_surname(ner):
    text = (
        "Спасатели нашли в тайге охотника Петра Зуева. Тревогу подняла дочь охотника Евгения Зуева. "
        "Зуева позвонила в полицию."
    )
    assert sorted(names(text, ner)) == ["Евгения Зуева", "Пётр Зуев"]
    # no man of that surname named otherwise: the reading of the man's genitive stays (his daughter, unnamed)
    text = "Тревогу подняла дочь охотника Евгения Зуева. Сам Зуев не вернулся из тайги."
    assert names(text, ner) == ["Евгений Зуев"]


def test_a_quoted_name_inside_a_role_is_skipped_whole(ner):
    text = "Аналитик ФГ «Зеленый берег» Кирилл Ордынцев ожидает снижения ставки."
    assert {p.name: p.roles for p in persons(text, ner)} == {"Кирилл Ордынцев": ("аналитик ФГ «Зеленый берег»",)}


def test_a_long_foreign_surname_misspelt_once_is_the_same_person(ner):
    text = (
        "Глава миссии Франк Шольценбергер прибыл в Вену. Позже Шольценбергер встретился с министром. "
        "«Мы готовы продолжать», — сказал Шолцеенбергер."
    )
    assert names(text, ner) == ["Франк Шольценбергер"]
    # short surnames a letter or two apart stay two people
    text = "Иван Петров и Олег Петриков приехали вместе. Петриков выступил первым."
    assert sorted(names(text, ner)) == ["Иван Петров", "Олег Петриков"]


def test_an_english_w_written_two_ways_is_one_first_name(ner):
    text = (
        "Актер Уолден Кросби отказался от поездки. «Я не могу поступить иначе», — написал Кросби. "
        "Позже Волден Кросби поблагодарил поклонников."
    )
    assert names(text, ner) == ["Уолден Кросби"]


def test_the_captain_of_a_ship_named_after_its_genitive_is_a_person_not_the_ship(ner):
    text = (
        "Капитан теплохода Григорий Мальцев рассказал, что рейс прошел спокойно. Пассажиров встречал теплоход «Иртыш»."
    )
    assert names(text, ner) == ["Григорий Мальцев"]
    # the ship itself named after a person is no person
    text = "В порт вошел теплоход Федор Шаляпин с тремястами пассажирами."
    assert names(text, ner) == []


def test_an_institution_s_stump_compound_is_an_organization_not_a_person(ner):
    text = (
        "По данным Главсевморпути, навигация продлится до декабря. Астронавт Скотт Хоровитц (Scott Horowitz) "
        "согласен. «Лед тает», — сказал Хоровитц."
    )
    ents = find_people(text, [])
    assert [e.name for e in ents if e.kind == "person"] == ["Скотт Хоровитц"]
    assert "Главсевморпуть" in [e.name for e in ents if e.kind == "organization"]


def test_a_people_s_noun_of_a_man_tells_the_gender_a_foreign_first_name_does_not(ner):
    text = "Первым выступил наставник гостей финн Юкка Мякинен."
    (p,) = persons(text, ner)
    assert (p.name, p.gender) == ("Юкка Мякинен", "masc")
    # a masculine noun said of women too tells nothing ("капитан")
    text = "Первым выступил капитан команды Юкка Мякинен."
    (p,) = persons(text, ner)
    assert p.gender != "masc" or p.name != "Юкка Мякинен"


def test_a_part_named_after_a_quoted_title_is_a_character_not_a_person(ner):
    text = (
        "Театр покажет «Короля Лира» еще пять раз. Роль Лира исполнял Игорь Светлов. По словам режиссера, "
        "спектакль «Король Лир» останется в репертуаре, но роль Лира никому передавать не будут."
    )
    assert names(text, ner) == ["Игорь Светлов"]
    # one sign alone is not enough: "роль Лаврова в переговорах" names the minister
    text = "Министр Сергей Лавров прибыл в Женеву. Эксперты оценили роль Лаврова в переговорах."
    assert names(text, ner) == ["Сергей Лавров"]


def test_a_lone_surname_whose_nominative_tells_its_gender_is_the_one_spouse_of_that_form(ner):
    text = (
        "Статью написала геолог Анна Муравьева вместе с мужем, геофизиком Олегом Муравьевым. Коллега из Томска "
        "назвал выводы смелыми. Муравьева с коллегой отчасти согласна."
    )
    ps = {p.name: [text[m.start : m.end] for m in p.mentions] for p in persons(text, ner)}
    assert ps["Анна Муравьева"] == ["Анна Муравьева", "Муравьева"]
    assert [m for name, ms in ps.items() if name != "Анна Муравьева" for m in ms] == ["Олегом Муравьевым"]


def test_a_patronymic_shaped_word_after_no_first_name_is_a_surname(ner):
    text = "Судья не назначил пенальти за снос Желько Павловича. «Я упал», — сказал Павлович."
    assert names(text, ner) == ["Желько Павлович"]


def test_the_verb_after_a_surname_a_couple_shares_tells_whose_it_is(ner):
    text = (
        "Ферму основала Мария Гордиенко вместе с мужем Олегом Гордиенко. Гордиенко не исключила, что ферма "
        "вырастет вдвое."
    )
    ps = {p.name: [text[m.start : m.end] for m in p.mentions] for p in persons(text, ner)}
    assert ps == {"Мария Гордиенко": ["Мария Гордиенко", "Гордиенко"], "Олег Гордиенко": ["Олегом Гордиенко"]}


def test_a_figure_of_scripture_named_by_its_title_is_no_person(ner):
    text = (
        "Реставратор Анна Котова раскрыла фреску с изображением пророка Даниила во рву со львами. "
        "Рядом сохранилась сцена с апостолом Фомой."
    )
    assert names(text, ner) == ["Анна Котова"]


def test_a_compound_first_name_called_by_its_first_part_is_the_same_person(ner):
    text = (
        "Музей покажет письма Жана-Батиста Мерсье, учителя музыки. «Для нас он был просто дядя Жан», — рассказала "
        "его правнучка Софи Мерсье."
    )
    assert sorted(names(text, ner)) == ["Жан-Батист Мерсье", "Софи Мерсье"]


def test_a_lone_first_name_in_a_sentence_naming_scripture_is_a_figure_of_it(ner):
    text = "На северной стене открыли сцены из Книги Бытия — Ной, строящий ковчег, и его сыновья Сим и Иафет."
    assert names(text, ner) == []


@pytest.mark.parametrize(
    "text, who",
    [
        ("Патриарх Кирилл процитировал Евангелие от Иоанна на встрече с молодежью.", "Кирилл"),
        ("Директор библиотеки Анна рассказала о новых книгах.", "Анна"),
        ("Богослов Петр Рыбаков перевел Библию на язык коми.", "Петр Рыбаков"),
    ],
)
def test_a_person_with_a_role_or_a_surname_or_beside_no_scripture_stays_a_person(text, who, ner):
    assert who in names(text, ner)


def test_two_initials_make_a_common_word_a_surname(ner):
    text = "Основатель компании И.К. Ласточкин сохранит пост технического директора. Ласточкин доволен."
    (e,) = persons(text, ner)
    assert e.surname == "Ласточкин" and e.first == "И."


def test_one_initial_before_a_city_is_no_person(ner):
    assert names("Мост через Оку в Н. Новгороде откроют осенью.", ner) == []


def test_an_east_asian_surname_that_is_a_function_word_after_a_closing_mark(ner):
    text = "Руководитель организации «Зеленая дельта» Ле Тхань Зунг напомнил, что рис дорожает."
    assert "Ле Тхань Зунг" in names(text, ner)


def test_mauritanian_particles_belong_to_the_name(ner):
    text = "Министр Ахмед ульд Сиди прибыл в Дакар. По словам ульд Сиди, переговоры продолжатся."
    (e,) = persons(text, ner)
    assert e.name == "Ахмед ульд Сиди" and len(e.mentions) == 2


def test_an_arabic_name_is_called_by_its_last_part(ner):
    text = (
        "Переговоры вел посланник Катара Юсуф бен Хамад аль-Кувари. Аль-Кувари сообщил, что Катар выделит "
        "деньги на колодцы."
    )
    (e,) = persons(text, ner)
    assert e.name == "Юсуф бен Хамад аль-Кувари" and len(e.mentions) == 2


def test_a_part_played_is_a_character_when_its_name_the_dictionary_lacks_can_only_be_oblique():
    from dispatchtui.analysis import analyze

    text = "Премия\n\nНаграду получила актриса Вера Стрельцова, сыгравшая Кабаниху в «Грозе». Зал аплодировал стоя."
    assert [s.name for s in analyze(text).speakers if s.kind == "person"] == ["Вера Стрельцова"]


def test_an_indeclinable_actress_named_after_the_play_verb_stays_a_person():
    from dispatchtui.analysis import analyze

    text = "Премьера\n\nГлавную роль в спектакле сыграла Ковальчук. Зал аплодировал стоя."
    assert [s.name for s in analyze(text).speakers if s.kind == "person"] == ["Ковальчук"]


@pytest.mark.parametrize(
    "text",
    [
        "Эффект Доплера объясняет смещение линий в спектре.",
        "Синдром Дауна не приговор, говорят врачи.",
    ],
)
def test_a_name_inside_the_name_of_a_thing_or_a_title_is_no_person(text, ner):
    assert names(text, ner) == []


def test_a_name_closing_a_quoted_title_is_no_person():
    from dispatchtui.analysis import analyze

    d = analyze("Тест\n\nВ музее показали «Портрет Анны Керн».")
    assert [s.name for s in d.speakers if s.kind == "person"] == []


def test_a_painting_s_sitter_named_outside_the_title_is_a_person(ner):
    text = "В музее показали «Портрет Анны Керн». Сама Анна Керн позировала художнику дважды."
    assert names(text, ner) == ["Анна Керн"]
