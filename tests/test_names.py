"""Names: the nominative of a name (analysis/names.py) and who is a person (analysis/people.py).

Every sentence here is invented; each test states the rule of Russian news language it checks.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dispatchtui.analysis.morph import fold
from dispatchtui.analysis.names import NameHint, normalize_name, split_adjacent, split_name, trim_name
from dispatchtui.analysis.people import find_people


@pytest.fixture(scope="session")
def ner():
    from dispatchtui.analysis import nlp

    nlp.preload()
    return nlp


def names(text):
    return [e.name for e in find_people(text, []) if e.kind == "person"]


def analysed_names(text):
    """The persons of the whole analysis (with its sentences, which some rules read)."""
    from dispatchtui.analysis import analyze

    return [s.name for s in analyze(text).speakers if s.kind == "person"]


def nominative(*words, hint=None):
    return " ".join(normalize_name(tuple(words), hint).words)


# ---- the nominative (no model) --------------------------------------------------------------------


@pytest.mark.parametrize(
    "words, expected",
    [
        # foreign names in -и, -о, -э do not decline: no "Пелось", "Платиня", "Хитля"
        (("Нэнси", "Пелоси"), "Нэнси Пелоси"),
        (("Мишель", "Платини"), "Мишель Платини"),
        (("Хитли",), "Хитли"),
        # an adjectival surname after a first name, though the dictionary knows the adjective
        (("Юрию", "Долгорукому"), "Юрий Долгорукий"),
        # -ай stems: instrumental -аем
        (("Хамидом", "Карзаем"), "Хамид Карзай"),
        # an instrumental -ом is no nominative
        (("Тони", "Эбботом"), "Тони Эббот"),
        # the dative of a consonant stem still goes back (the first name tells the case)
        (("Олафу", "Шольцу"), "Олаф Шольц"),
    ],
)
def test_nominative(words, expected):
    assert nominative(*words) == expected


def test_no_locative_without_a_preposition():
    # "Дутерте" read as the locative of "Дутерт" needs an "о"/"при" before it
    assert nominative("Родриго", "Дутерте") == "Родриго Дутерте"
    assert nominative("Шольце", hint=NameHint(frozenset({"loct"}))) == "Шольц"


def test_order_as_written_unless_the_dictionary_is_sure():
    # pymorphy3's guesses for foreign names do not reverse the order the text gives
    for words in (("Карлос", "Батрес"), ("Синдзи", "Харада"), ("Дмитрия", "Уса")):
        form = normalize_name(words)
        first, _, surname, _ = split_name(form, words)
        assert fold(first)[:3] == fold(words[0])[:3] and surname is not None
    # a known surname before a known first name is the official "Фамилия Имя" order
    form = normalize_name(("Лабазанов", "Чингиз"))
    assert split_name(form, ("Лабазанов", "Чингиз"))[:3:2] == ("Чингиз", "Лабазанов")


def test_particle_names_keep_the_particle():
    assert nominative("Халеда", "эль-Масри") == "Халед эль-Масри"


# ---- boundaries (no model) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "words, expected",
    [
        (["Актриса", "Сола", "Аой"], ["Сола", "Аой"]),  # a profession noun before the name
        (["Филиппинка", "Катриона", "Грэй"], ["Катриона", "Грэй"]),  # a nationality noun
        (["Ухань", "Донни", "Йен"], ["Донни", "Йен"]),  # a place glued on
        (["Ксения", "Раньше"], ["Ксения"]),  # an adverb after the name
        (["Виктор", "Понедельник"], ["Виктор", "Понедельник"]),  # a surname that is a common noun
        (["Артур", "Гороховский"], ["Артур", "Гороховский"]),  # an adjectival surname
        (["Франк", "Де", "Блекере"], ["Франк", "Де", "Блекере"]),  # a first name the dictionary reads as a noun
    ],
)
def test_trim_name(words, expected):
    lo, hi = trim_name(words)
    assert words[lo:hi] == expected


def test_two_adjacent_names_split():
    words = ["Дженнифер", "Лопес", "Мишель", "Обама"]
    assert [words[a:b] for a, b in split_adjacent(words, (0, 4))] == [["Дженнифер", "Лопес"], ["Мишель", "Обама"]]
    words = ["Хосе", "Луис", "Родригес", "Сапатеро"]  # two given names, two surnames: one person
    assert split_adjacent(words, (0, 4)) == [(0, 4)]


# ---- property: normalization never raises and stays with the text's words --------------------------


_NAME_WORDS = [
    "Пелоси",
    "Олафу",
    "Шольцу",
    "Юрию",
    "Долгорукому",
    "Карзаем",
    "Сэйдзи",
    "Маэхара",
    "Ивановой",
    "Анны",
    "В.",
    "фон",
    "Сюдов",
    "аль-Хадж",
    "Нисипяну",
    "Кими",
    "Райкконена",
    "Ё",
    "Ъ",
    "Ли",
]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(_NAME_WORDS), st.text(min_size=1, max_size=10)), min_size=1, max_size=4),
    st.one_of(
        st.none(),
        st.builds(
            NameHint,
            st.frozensets(st.sampled_from(["nomn", "gent", "datv", "accs", "ablt", "loct"]), min_size=1),
            st.sampled_from([None, "masc", "femn"]),
            st.booleans(),
        ),
    ),
)
def test_normalize_never_raises_and_keeps_the_words(words, hint):
    form = normalize_name(tuple(words), hint)
    assert len(form.words) == len(words)
    for written, nom in zip(words, form.words):
        assert isinstance(nom, str)
        # the same word, or an inflection of it: they share all but the ending
        a, b = fold(written), fold(nom)
        k = 0
        while k < min(len(a), len(b)) and a[k] == b[k]:
            k += 1
        assert a == b or k >= min(len(a), len(b)) - 3, (written, nom)


# ---- who is a person (model) ------------------------------------------------------------------------


def test_names_inside_names_are_no_persons(ner):
    text = (
        "Лауреатом премии Андрея Белого стал поэт Иван Сидоров. Спектакль покажут в театре имени "
        "Станиславского, а у его отца нашли болезнь Паркинсона."
    )
    assert names(text) == ["Иван Сидоров"]


def test_an_eponym_named_in_full_stays_inside_its_award(ner):
    # every word of the name reads in the genitive: one eponym, not "Ханс" + "Кристиана Андерсена"
    text = "Лауреатом премии Ханса Кристиана Андерсена стала писательница Мария Лойко."
    assert names(text) == ["Мария Лойко"]
    # a street's eponym, then the resident named in the nominative: two names NER ran together
    assert names("Жительница улицы Калинина Мария Пак пожаловалась на шум.") == ["Мария Пак"]


def test_the_part_in_which_an_actor_appears_is_no_person(ner):
    text = "В роли Онегина выступил баритон Игорь Раков. В образе Петра Первого на сцену вышел Олег Дьячков."
    assert names(text) == ["Игорь Раков", "Олег Дьячков"]
    # no "в" before "роль": a real man's part in events
    assert "Путин" in names("Роль Путина в переговорах оценил эксперт Иван Сидоров.")


def test_a_quoted_outlet_after_a_verb_of_speech_keeps_its_written_form(ner):
    def orgs(text):
        return [e.name for e in find_people(text, []) if e.kind == "organization"]

    assert orgs("Как пишет «Фолья ди Сан-Паулу», губернатор Жозе Перейра подал в отставку.") == ["Фолья ди Сан-Паулу"]
    assert orgs("Об этом сообщает газета «Коррьере делла Сера».") == ["Коррьере делла Сера"]
    # governed by a noun: inflected to the nominative as before
    assert orgs("Акции «Роснефти» выросли на два процента.") == ["Роснефть"]


def test_the_name_after_a_womans_intransitive_verb_is_her_nominative(ner):
    # "Камала" reads as the genitive of the man's name "Камал"; an intransitive verb takes no object
    assert names("Позже к переговорам присоединилась Камала Харрис.") == ["Камала Харрис"]
    assert names("В дискуссии участвовала Камала Харрис.") == ["Камала Харрис"]
    # a verb that governs a genitive: the man she was afraid of
    assert names("Она очень боялась Петрова.") == ["Петров"]
    # a dative object of an intransitive verb stays a dative: the man she helped
    assert names("Вчера она помогла Петрову.") == ["Петров"]


def test_a_character_is_no_person(ner):
    text = "В новом сезоне главная героиня Карин снова ищет убийцу. Сценарий написал Чарли Брукер."
    assert names(text) == ["Чарли Брукер"]


def test_a_plural_surname_after_a_family_noun_is_the_family(ner):
    text = "Фильм снят в духе комедий братьев Цукеров, сообщил продюсер."
    assert names(text) == ["Цукер"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # first names coordinated before one plural surname are as many people, each in their own gender
        (
            "Супруги Пётр и Вера Лунёвы открыли в селе музей игрушки.",
            ["Пётр Лунёв", "Вера Лунёва"],
        ),
        # a surname the dictionary does not list, plural by its -ины shape; "Алла" a woman's name
        (
            "Выставку подготовили сестры Алла и Нина Тесемкины, художницы из Вологды.",
            ["Алла Тесемкина", "Нина Тесемкина"],
        ),
        # a surname with one form for men and women is shared the same way
        (
            "Родители спортсменки, Олег и Вера Кравец, следили за стартом.",
            ["Олег Кравец", "Вера Кравец"],
        ),
        # three of them, in the dative
        (
            "Грамоты вручили братьям Игорю, Степану и Роману Ковалёвым.",
            ["Игорь Ковалёв", "Степан Ковалёв", "Роман Ковалёв"],
        ),
    ],
)
def test_first_names_before_a_plural_surname_are_each_a_person(ner, text, expected):
    assert sorted(names(text)) == sorted(expected)


def test_a_lone_first_name_not_joined_to_a_plural_surname_keeps_none(ner):
    # "Пётр" is joined to nobody's surname: it stays a first name alone
    text = "Пётр пришёл первым. Позже приехала Вера Лунёва."
    assert sorted(names(text)) == ["Вера Лунёва", "Пётр"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a surname the dictionary knows only as a short adjective ("моржова", "лисин") stays in the name
        ("Эколог Алла Моржова рассказала, что птиц стало больше.", ["Алла Моржова"]),
        ("Об этом сообщил агроном Павел Лисин на встрече с фермерами.", ["Павел Лисин"]),
    ],
)
def test_a_surname_shaped_like_a_short_adjective_stays_in_the_name(ner, text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an apostrophe inside a name (Irish O', French d') keeps the name one word, capitalized as written
        ("Ирландский химик Киран О'Брайен назвал опыт удачным.", ["Киран О'Брайен"]),
        ("Письмо подписал бельгийский посол Жан д’Арбуа.", ["Жан д’Арбуа"]),
    ],
)
def test_a_name_with_an_apostrophe_is_kept_whole(ner, text, expected):
    assert names(text) == expected


def test_a_surname_run_into_an_organization_is_the_person(ner):
    # NER may read "Университета Тромсё Сольхейм" as one organization; Сольхейм is the person named before
    text = (
        "Руководила проектом норвежский биолог Ингрид Сольхейм. «Белок меняет мембрану», — цитирует "
        "пресс-служба Университета Бергена Сольхейм."
    )
    (p,) = [e for e in find_people(text, []) if e.kind == "person"]
    assert p.name == "Ингрид Сольхейм"
    assert len(p.mentions) == 2


def test_after_po_and_a_noun_in_the_dative_a_name_is_genitive(ner):
    # "по словам / по мнению X": X is the genitive of the one whose words they are, so a double surname in
    # -ева-…-ова is a man's, not a woman's nominative
    text = "Бывший министр Таалай Осмоналиев-Керимов ушёл в отставку. По словам Осмоналиева-Керимова, он устал."
    (p,) = [e for e in find_people(text, []) if e.kind == "person"]
    assert p.name == "Таалай Осмоналиев-Керимов"
    assert len(p.mentions) == 2


def test_a_person_noun_in_apposition_gives_the_case_and_gender(ner):
    # ", сына бывшего мэра": the apposition is accusative/genitive and masculine, so is the name before it
    text = "Депутаты избрали спикером Азамата Жолдошева, сына бывшего мэра."
    assert names(text) == ["Азамат Жолдошев"]


def test_a_turkic_patronymic_particle_belongs_to_the_surname(ner):
    text = "Против выступил лидер фракции Марат Сапар уулу. Сапар уулу заявил, что проект сырой."
    assert names(text)[0] == "Марат Сапар уулу"


@pytest.mark.parametrize(
    "text, expected",
    [
        # one person of the surname: "-младший" is him
        (
            "Гонку выиграл Карл Вестман. «Трасса была тяжелой», — сказал Вестман-младший.",
            ["Карл Вестман"],
        ),
        # father and son: which is "-старший" the text does not say in words a rule can read: no guess,
        # and no third person
        (
            "Совет возглавил Тимур Алиев, его отец Руслан Алиев остался в тени. Алиев-старший молчит.",
            ["Тимур Алиев", "Руслан Алиев"],
        ),
    ],
)
def test_a_generation_suffix_is_a_mention_of_a_namesake(ner, text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, suffix, who",
    [
        # "X, сына Y": X is the younger
        (
            "Председателем избрали Тимура Алиева, сына бывшего мэра Руслана Алиева. Алиев-младший поблагодарил "
            "коллег. Алиев-старший на заседание не пришел.",
            "Алиев-младший",
            "Тимур Алиев",
        ),
        # "Отец X, Y": Y is the elder
        (
            "Ферму восстановил Тимур Алиев. Отец Тимура, Руслан Алиев, сначала был против. "
            "Алиев-старший теперь помогает сыну.",
            "Алиев-старший",
            "Руслан Алиев",
        ),
    ],
)
def test_the_text_says_which_namesake_is_the_son(ner, text, suffix, who):
    people = {e.name: [text[m.start : m.end] for m in e.mentions] for e in find_people(text, []) if e.kind == "person"}
    assert suffix in people[who]
    assert sorted(people) == ["Руслан Алиев", "Тимур Алиев"]


def test_the_part_an_actor_plays_is_a_character(ner):
    # "Кого играет кто": the accusative after a verb of playing a part is the character; the verb may be
    # gapped in the next pair ("его сестру Ольгу — Мария Дёмина")
    text = (
        "Следователя Павла Гринёва играет Илья Крутов, его сестру Ольгу — Мария Дёмина. "
        "Гринёв в финале уезжает из города."
    )
    assert sorted(analysed_names(text)) == ["Илья Крутов", "Мария Дёмина"]


def test_a_part_before_the_dash_of_a_gapped_verb_is_a_character_whatever_its_case_reads(ner):
    # "Лопахина" may be a woman's nominative, but "X — Y" after a comma, in a sentence with a verb of playing, is
    # "X (сыграл) Y": the part, then the actor
    text = "Раневскую сыграла Елена Шкода, Лопахина — Игорь Дрозд. Спектакль идет три часа."
    assert sorted(analysed_names(text)) == ["Елена Шкода", "Игорь Дрозд"]


def test_a_settlements_name_is_no_person_here_or_where_it_recurs(ner):
    # after a settlement noun (or its name's adjective) the name is the place's, and so where "в Старой Криуше"
    # comes back without the noun; a village named after a man names a village
    text = (
        "Храм в селе Старая Криуша восстановили. В Старой Криуше живут 300 человек. "
        "Депутат Иван Петров приехал в поселок Юрия Гагарина."
    )
    assert analysed_names(text) == ["Иван Петров"]
    # a subject after a place, and a villager who shares the village's stem, are people
    assert analysed_names("В селе Иван Петров открыл школу.") == ["Иван Петров"]
    text = "Жительница деревни Горбуново Валентина Горбунова пришла на сход. «Мы ждали», — сказала Горбунова."
    assert analysed_names(text) == ["Валентина Горбунова"]


def test_a_name_after_an_inanimate_noun_in_such_a_sentence_is_a_person(ner):
    # "в фильме Петра Осокина": whose film, not a part
    text = "Илья Крутов сыграет в фильме Петра Осокина."
    assert sorted(analysed_names(text)) == ["Илья Крутов", "Пётр Осокин"]


def test_a_vietnamese_is_called_by_the_last_word_of_the_name(ner):
    # Нгуен Тхань Лонг is "Лонг" later, in any case; the surname-first Chinese convention does not apply
    text = (
        "Соглашение подписал вице-премьер Вьетнама Нгуен Тхань Лонг. Позже Лонг встретился с прессой. "
        "Встреча с Лонгом длилась час."
    )
    people = [e for e in find_people(text, []) if e.kind == "person"]
    assert [p.name for p in people] == ["Нгуен Тхань Лонг"]
    assert len(people[0].mentions) == 3


@pytest.mark.parametrize("middle, gender", [("Ван", "masc"), ("Тхи", "femn")])
def test_a_vietnamese_middle_name_tells_the_gender(ner, middle, gender):
    text = f"В переговорах участвовал представитель Вьетнама Фам {middle} Зунг."
    (p,) = [e for e in find_people(text, []) if e.kind == "person"]
    assert p.gender == gender


def test_a_role_in_the_genitive_after_a_person_noun_is_not_the_names_role(ner):
    # "супругой японского министра Юми Като": the wife, not the minister
    text = "Министр Кэн Като прибыл в Ханой. Вечером гостей встретила супруга японского министра Юми Като."
    roles = {e.name: e.role for e in find_people(text, []) if e.kind == "person"}
    assert roles["Юми Като"] == "супруга японского министра"


def test_a_particle_name_and_its_bare_mentions_are_one_person(ner):
    # "фон Гаген" later, "Фон Гаген" opening a sentence: the same man, named with his particle
    text = (
        "Доклад представил профессор Клаус фон Гаген. Фон Гаген напомнил, что работа шла пять лет. "
        "Коллеги поблагодарили фон Гагена."
    )
    people = [e for e in find_people(text, []) if e.kind == "person"]
    assert [p.name for p in people] == ["Клаус фон Гаген"]
    assert len(people[0].mentions) == 3


def test_ibn_and_the_fathers_name_stay_in_order(ner):
    # "Хасан ибн Юсуф аль-Масри": the given name, "son of Юсуф", the family name
    text = "Форум открыл шейх Хасан ибн Юсуф аль-Масри."
    assert names(text) == ["Хасан ибн Юсуф аль-Масри"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Хуан" is a Chinese surname and a Spanish first name: "Ларрага" is no run of East Asian syllables
        ("Министр Хуан Ларрага прилетел в Москву.", ["Хуан Ларрага"]),
        # while a Chinese given name declines and the surname comes first
        ("Переговоры с Чэнь Дэмином продлились час.", ["Чэнь Дэмин"]),
    ],
)
def test_a_chinese_surname_that_is_also_a_spanish_first_name(ner, text, expected):
    assert names(text) == expected


def test_an_oblique_surname_of_the_a_declension_is_the_same_person(ner):
    # "Ларраги": the genitive of "Ларрага", not a first name of somebody else
    text = "Министр Хуан Ларрага прилетел в Москву. Помощник министра Ларраги сказал, что визит продлится два дня."
    people = [e for e in find_people(text, []) if e.kind == "person"]
    assert [p.name for p in people] == ["Хуан Ларрага"]
    assert len(people[0].mentions) == 2


@pytest.mark.parametrize(
    "text, expected",
    [
        # a capitalized particle opening a sentence is the particle of a surname the text gives
        ("Его поддержал глава порта Юсуф бен Аммар. Бен Аммар заявил, что грузов стало меньше.", ["Юсуф бен Аммар"]),
        # and otherwise a first name
        ("Главную роль сыграл Бен Стиллер.", ["Бен Стиллер"]),
    ],
)
def test_a_capitalized_particle_is_a_first_name_unless_the_text_says_otherwise(ner, text, expected):
    assert names(text) == expected


def test_a_plural_word_alone_is_no_person(ner):
    text = "По его мнению, Госдумами прошлых лет было принято много законов."
    assert names(text) == []


def test_original_spelling_is_a_mention_of_the_same_person(ner):
    text = "Об этом сказал Юрген Клинсман (Jürgen Klinsmann) в понедельник."
    (p,) = [e for e in find_people(text, []) if e.kind == "person"]
    assert p.name == "Юрген Клинсман"
    assert [text[s.start : s.end] for s in p.mentions] == ["Юрген Клинсман", "Jürgen Klinsmann"]


def test_a_verb_the_name_is_subject_of_gives_the_nominative(ner):
    text = "Визит вызывает сожаление, а глава японского МИДа Сэйдзи Маэхара отметил, что поступок ранит."
    assert names(text) == ["Сэйдзи Маэхара"]


def test_a_list_entry_with_a_bracket_is_nominative(ner):
    text = "Матч обслужат арбитры:\n• Хорхе Ларрионда (Уругвай)\n• Карлос Амарилья (Парагвай)"
    assert names(text) == ["Хорхе Ларрионда", "Карлос Амарилья"]


def test_an_indeclinable_surname_written_once_as_a_nominative(ner):
    text = (
        "В матче играют Веселин Топалов и Ливиу-Дитер Нисипяну. Первую партию Нисипяну проиграл. "
        "Болельщики поддержали Нисипяну."
    )
    assert "Ливиу-Дитер Нисипяну" in names(text)


def test_first_names_one_letter_apart_are_one_person(ner):
    text = "Гарри Каспаров провёл матч. Позже Гари Каспаров сказал, что доволен."
    assert names(text) == ["Гарри Каспаров"]


def test_same_surname_different_first_names_stay_apart(ner):
    text = "Сергей Иванов встретился с Анной Ивановой. Иванова рассказала о встрече."
    assert names(text) == ["Сергей Иванов", "Анна Иванова"]


def test_a_role_with_its_modifiers_gives_the_case(ner):
    # "министра иностранных дел Японии" governs the genitive of the name in apposition
    text = "Отменён визит в Москву министра иностранных дел Японии Сейджи Маехары."
    assert names(text) == ["Сейджи Маехара"]


def test_a_compound_of_a_common_noun_is_no_person(ner):
    # "Рыбохраны" is рыбо + охраны to the dictionary: an agency, whatever NER says
    text = "Рейд провели сотрудники Росприроднадзора и Рыбохраны вместе с Иваном Петровым."
    assert names(text) == ["Иван Петров"]


def test_named_so_is_a_person_named_after_is_not(ner):
    text = "В машине был мальчик по имени Антон. Спектакль идёт в театре имени Вахтангова."
    assert names(text) == ["Антон"]


def test_a_place_named_before_does_not_open_a_name(ner):
    text = (
        "Генпрокурор Джанет Рено приказала штурмовать поместье в Уэйко, штат Техас. "
        "После Уэйко Рено оказалась под огнём критики."
    )
    assert names(text) == ["Джанет Рено"]


def test_a_first_name_is_not_a_similar_surname(ner):
    # "Джона" (Джон) is no inflection of "Джонс"
    text = "Аннабель Джонс рассказала о сериале. Рассказчиками стали Джон и Рейф."
    assert names(text) == ["Аннабель Джонс", "Джон", "Рейф"]


def test_the_editors_bracket_does_not_hide_a_character(ner):
    text = "Сначала [герой серии Гаррет] Скоулс создавал свою сеть, рассказал Чарли Брукер."
    assert names(text) == ["Чарли Брукер"]


def test_coordinated_names_share_their_case(ner):
    # "Рейфа" alone tells nothing; after "Джона и" it is the same case: "Рейф"
    text = "Авторы сделали рассказчиками Джона и Рейфа, сообщил продюсер."
    assert names(text) == ["Джон", "Рейф"]


def test_a_name_ner_cut_in_two_is_one(ner):
    # NER tags "Нейл" and "Патрик Харрис" as two persons with a space between: one name
    text = "«Браво», — заявил продюсер и директор Нейл Патрик Харрис, известный своими ролями."
    assert names(text) == ["Нейл Патрик Харрис"]


def test_an_indeclinable_name_in_i_alone_stays_as_written():
    # a lone foreign name in -и: no guessed genitive of an unseen "Барадея"
    assert nominative("аль-Барадеи") in ("аль-Барадеи",)
    assert nominative("Платини") == "Платини"


def test_a_name_before_a_coordinated_genitive_is_a_genitive(ner):
    text = "Неудача постигла его преследователей - Кими Райкконена и Марка Уэббера, чьи моторы сгорели."
    assert names(text) == ["Кими Райкконен", "Марк Уэббер"]


# ---- aliases the text states (issue 12 point 4) ------------------------------------------------------


def mentions_of(text):
    return [(e.name, [text[m.start : m.end] for m in e.mentions]) for e in find_people(text, []) if e.kind == "person"]


@pytest.mark.parametrize(
    "text, name, alias",
    [
        (
            "Писатель Борис Акунин (настоящее имя — Григорий Чхартишвили) представил новую книгу.",
            "Борис Акунин",
            "Григорий Чхартишвили",
        ),
        ("Задержанного Ивана Сидорова (он же Иван Петренко) доставили в суд.", "Иван Сидоров", "Иван Петренко"),
        (
            "Певец Дмитрий Иванов, выступающий под псевдонимом Макс Ветров, дал концерт.",
            "Дмитрий Иванов",
            "Макс Ветров",
        ),
        ("Анна Петрова, урождённая Сидорова, родилась в Туле.", "Анна Петрова", "Сидорова"),
        # a surname alone in brackets after a name: a maiden or former surname
        ("Чемпионкой стала шахматистка Екатерина Аталык (Половникова).", "Екатерина Аталык", "Половникова"),
    ],
)
def test_a_stated_alias_is_one_more_mention_of_the_person(ner, text, name, alias):
    ((got, ms),) = mentions_of(text)
    assert got == name and ms[-1] == alias


def test_an_alias_the_ner_missed_is_found_where_it_recurs(ner):
    text = (
        "Следствие установило, что Руслан Боширов, настоящая фамилия которого Чепига, служил в армии. "
        "Позже Чепига отказался от комментариев."
    )
    assert mentions_of(text) == [("Руслан Боширов", ["Руслан Боширов", "Чепига", "Чепига"])]


def test_two_names_without_a_stated_alias_stay_two_people(ner):
    text = "Встречу провели Иван Петров и Сергей Сидоров, а Анна Белова (Минфин) выступила с докладом."
    assert [n for n, _ in mentions_of(text)] == ["Иван Петров", "Сергей Сидоров", "Анна Белова"]


# ---- boundaries, merges and exclusions added for issue 12 (second pass) ----------------------------


def test_a_role_in_apposition_outweighs_a_guessed_genitive():
    # "Ямахара" may be read as the genitive of an unseen "Ямахар"; a nominative role before it says not
    # (as in "Министр финансов Японии Ёсио Ямахара должен прибыть …")
    assert nominative("Ёсио", "Ямахара", hint=NameHint(frozenset({"nomn"}), strict=False)) == "Ёсио Ямахара"


def test_a_capitalized_particle_opens_the_name_of_a_thing():
    # in a person's name the particle is lower case ("аль-Хатиб"); "Аль-Арабии" is the channel
    # ("корреспондент Аль-Арабии Мансур аль-Хатиб")
    assert trim_name(["Аль-Арабии", "Мансур", "аль-Хатиб"]) == (1, 3)
    assert trim_name(["Мансур", "аль-Хатиб"]) == (0, 2)


def test_a_doubled_letter_is_one_spelling_of_the_same_surname(ner):
    text = "Президент Армении Серж Саргсян объявил о победе. Серж Сааргсян набрал 52 %."
    assert names(text) == ["Серж Саргсян"]


def test_a_thing_whose_capitalized_name_holds_a_person_is_no_person(ner):
    text = "В среду сотрудники Госпиталя принцессы Дианы в Найроби начали забастовку."
    assert names(text) == []


def test_a_corner_named_in_apposition_and_its_original_spelling_are_no_person(ner):
    text = "Гонщик Пьер Дюваль ошибся в повороте Лоэс (Loews) на третьем круге."
    assert names(text) == ["Пьер Дюваль"]


def test_an_entry_of_a_list_of_places_is_no_person(ner):
    text = "В опросе участвовали страны: • Чили • Коста Рика • Эквадор • Египет • Эль Сальвадор • Эфиопия • Грузия"
    assert names(text) == []
    # a list of people stays a list of people
    assert names("В финал вышли • Иван Петров • Сергей Сидоров • Олег Иванов") == [
        "Иван Петров",
        "Сергей Сидоров",
        "Олег Иванов",
    ]


def test_a_capital_mid_sentence_makes_a_common_noun_a_name(ner):
    text = "Все помнят выборы, когда Буш победил Гора с шатким преимуществом."
    assert "Гор" in names(text)
    # at the opening of a sentence the capital says nothing
    assert names("Надежда умирает последней, сказал Иван Петров.") == ["Иван Петров"]


def test_one_vowel_transcribed_two_ways_is_one_surname(ner):
    text = "Спикер палаты Джон Бенер выступил в среду. Бонер объявил, что цель нового конгресса — бюджет."
    assert names(text) == ["Джон Бенер"]


# ---- East Asian names (names.east_asian_form) -------------------------------------------------------
# Korean, Vietnamese and Chinese names are written surname first; Russian declines the first word and the
# last one when they end in a consonant, never a middle one. (Every name here is made up.)


@pytest.mark.parametrize(
    "words, expected, surname",
    [
        (("Пака", "Сон", "Чоля"), "Пак Сон Чоль", "Пак"),  # genitive, a soft last syllable
        (("Хвану", "Мин", "Гуку"), "Хван Мин Гук", "Хван"),  # dative
        (("Нгуеном", "Ван", "Тханем"), "Нгуен Ван Тхань", "Нгуен"),  # instrumental ("Ван" is no "van" here)
        (("Ли", "Мён", "Чоля"), "Ли Мён Чоль", "Ли"),  # a surname ending in a vowel does not decline
        (("Чжоу", "Линьфэну"), "Чжоу Линьфэн", "Чжоу"),  # Chinese: the given name is one word
        (("Ли", "Сун", "Ок"), "Ли Сун Ок", "Ли"),  # the nominative, a surname of the list
    ],
)
def test_east_asian_name_nominative_and_surname_first(words, expected, surname):
    form = normalize_name(words)
    assert " ".join(form.words) == expected
    first, _, sur, _ = split_name(form, words)
    assert sur == surname and f"{sur} {first}" == expected


def test_european_names_of_one_syllable_words_are_no_east_asian_names():
    # every word declines, the middle one too: a European name, first name first
    form = normalize_name(("Жана", "Поля", "Сартра"))
    assert " ".join(form.words) == "Жан Поль Сартр"
    assert split_name(form, ("Жана", "Поля", "Сартра"))[2] == "Сартр"
    # a first name of the list before a Russian surname: a woman's nominative, as written
    assert nominative("Ким", "Петрова") == "Ким Петрова"


def test_east_asian_name_in_several_cases_is_one_person(ner):
    text = (
        "Министр Юн Сок Ёль прибыл в Сеул. Встреча с Юном Сок Ёлем прошла за закрытыми дверями. "
        "Речь Юна Сок Ёля транслировали все каналы."
    )
    (p,) = [e for e in find_people(text, []) if e.kind == "person"]
    assert p.name == "Юн Сок Ёль" and len(p.mentions) == 3


def test_two_east_asian_names_side_by_side_are_cut_after_the_genitive(ner):
    # "отцу Пака Сон Чоля Пак Мён Гук": the son's name in the genitive, then the father's in apposition
    text = (
        "После смерти Пака Сон Чоля власть в партии перешла к его сыну. Памятник основателю движения, "
        "отцу Пака Сон Чоля Пак Мён Гук, открыли в столице. Пак Сон Чоль правил двенадцать лет."
    )
    assert names(text) == ["Пак Сон Чоль", "Пак Мён Гук"]


def test_east_asian_surname_alone_is_the_person(ner):
    text = "Побег Хвана Мин Гука из страны наделал шума. Позже Хван выступил в парламенте."
    (p,) = [e for e in find_people(text, []) if e.kind == "person"]
    assert p.name == "Хван Мин Гук" and len(p.mentions) == 2


# ---- people who share a surname; names of things -----------------------------------------------------


def test_first_name_and_surname_the_ner_calls_a_place_are_a_person(ner):
    # NER reads "Ахмат-Хаджи Кадырова" as a place; the dictionary knows a first name and a surname
    text = (
        "Рамзан Кадыров открыл музей в Грозном. Там хранится архив его отца, первого президента "
        "Ахмат-Хаджи Кадырова, и пишется книга."
    )
    assert names(text) == ["Рамзан Кадыров", "Ахмат-Хаджи Кадыров"]


def test_bare_surname_of_two_persons_named_so_far_is_left_unattached(ner):
    text = (
        "Депутат Виктор Бут остается в тюрьме. Его жена Алла Бут рассказала об этом журналистам. "
        "Позже Бут подает апелляцию."
    )
    ps = [e for e in find_people(text, []) if e.kind == "person"]
    assert [p.name for p in ps] == ["Виктор Бут", "Алла Бут"]
    assert [len(p.mentions) for p in ps] == [1, 1]
    # the past tense after it tells the gender: a man's "подал" is Виктор's
    ps = [e for e in find_people(text.replace("подает", "подал"), []) if e.kind == "person"]
    assert [len(p.mentions) for p in ps] == [2, 1]
    # a surname ending in a consonant declines for a man only: "Бута" is Виктор's
    text = "Депутат Виктор Бут остается в тюрьме. Его жена Алла Бут рассказала, что суд оправдал Бута."
    ps = [e for e in find_people(text, []) if e.kind == "person"]
    assert [(p.name, len(p.mentions)) for p in ps] == [("Виктор Бут", 2), ("Алла Бут", 1)]
    # but a Russian surname has a feminine that declines too: "Соколову" is Ирина Соколова's
    text = "Чемпионкой стала Ирина Соколова. Председатель федерации поздравил Соколову с победой."
    ps = [e for e in find_people(text, []) if e.kind == "person"]
    assert [(p.name, len(p.mentions)) for p in ps] == [("Ирина Соколова", 2)]
    # one person of that surname so far: the bare surname is his
    text = "Депутат Виктор Бут остается в тюрьме. Позже Бут подал апелляцию. Алла Бут рассказала об этом."
    ps = [e for e in find_people(text, []) if e.kind == "person"]
    assert [(p.name, len(p.mentions)) for p in ps] == [("Виктор Бут", 2), ("Алла Бут", 1)]


def test_hyphenated_pair_of_makes_is_no_person(ner):
    # a racing team named by two makes; a double surname stays a person
    text = "Вторым финишировал Хуан Пабло Монтойя из команды Тойота-Мерседес и Дэвид Култхард."
    assert names(text) == ["Хуан Пабло Монтойя", "Дэвид Култхард"]
    assert names("Оперу написал Римский-Корсаков.") == ["Римский-Корсаков"]


# ---- rules of this stop (each sentence invented) ----------------------------------------------------


def test_form_of_address_is_no_part_of_the_name(ner):
    # "месье", "госпожа", "фрау" are forms of address, trimmed even when only the surname remains
    text = "Врач Франческа Мори навестила пострадавшего. «Месье Дюпре держится молодцом», — сказала она."
    assert "Месье Дюпре" not in names(text)
    assert trim_name(["Госпожа", "Ли"]) == (1, 2)
    assert trim_name(["Фрау", "Мюллер"]) == (1, 2)
    assert trim_name(["Мистер", "Смит"]) == (1, 2)


def test_person_noun_before_one_name_word_is_trimmed():
    # "Мать Бранкато" is his mother: the kinship noun opens no name, even with one word left after it
    assert trim_name(["Мать", "Бранкато"]) == (1, 2)
    assert trim_name(["Вера", "Бранкато"]) == (0, 2)  # a first name stays


def test_short_french_first_name_is_a_womans(ner):
    # "Анн" is known to the dictionary only as the plural of Анна: a French woman's name of its own
    assert normalize_name(("Анн", "Бергер")).gender == "femn"
    assert normalize_name(("Том", "Бергер")).gender == "masc"  # Том is a man's name too
    assert normalize_name(("Хоакин", "Ортис")).gender == "masc"  # an unknown word: no such guess


def test_lone_word_equal_to_a_known_surname_is_that_person(ner):
    # "Леру" also reads as the accusative of the first name Лера; the text gave Клод Леру in full
    text = "Операцией руководил Клод Леру. По словам Леру, вертолет не мог подняться двое суток."
    assert names(text) == ["Клод Леру"]


def test_particle_surname_in_an_oblique_case_joins_its_person(ner):
    # "де Лафоржа" (NER may leave the particle out) and "бен Ромдан" are the persons named in full before
    text = (
        "С ним не согласился французский агроном Бертран де Лафорж. По мнению Лафоржа, установки слишком "
        "дороги. Министр Мунир бен Ромдан выступил первым. «Оазисы гибнут», — сказал бен Ромдан."
    )
    assert sorted(names(text)) == ["Бертран де Лафорж", "Мунир бен Ромдан"]


def test_assimilated_arabic_article_stays_in_the_surname(ner):
    # the article al- before "sun letters" is written ас-, ад-, ар-, аш-…: part of the family name
    text = "Историк Абдалла ибн Сулейман ас-Сафи из Университета Кайруана напомнил участникам об истории оазиса."
    assert names(text) == ["Абдалла ибн Сулейман ас-Сафи"]


def test_name_tagged_as_place_whose_surname_a_person_has_elsewhere(ner):
    # NER calls "Фейсал аль-Харби" a place and "аль-Харби" a person: one person, named in full
    text = (
        "Эмиратский эксперт по опреснению воды Фейсал аль-Харби призвал строить станции. «Без технологий мы "
        "проиграем», — заявил аль-Харби журналистам."
    )
    assert names(text) == ["Фейсал аль-Харби"]


def test_capitalized_east_asian_surname_inside_a_sentence_is_no_preposition(ner):
    # "Во" is a preposition at a sentence's start, but a Vietnamese surname capitalized inside it
    text = "Решение зависит от позиции генерального секретаря Компартии Вьетнама Во Минь Тханя."
    assert names(text) == ["Во Минь Тхань"]


def test_town_after_a_preposition_of_place_is_no_person(ner):
    # "из Иванова" is from the town Иваново; "у Иванова" is at someone's
    text = "Мы с мужем переехали из Иванова ради этой работы, рассказала Дарья Левченко."
    assert "Иванов" not in names(text)
    assert "Иванов" in names("Обыск прошел у Иванова в среду, сообщил адвокат.")


def test_address_by_first_name_and_patronymic_is_the_person_named_before(ner):
    # "— Мурат Хасанбиевич, …" addresses Мурат Кушхов: a patronymic the dictionary lacks, not a surname
    text = (
        "Спасатели\n\nКорреспондент Ольга Вершинина поговорила с начальником спасотряда Муратом Кушховым.\n\n"
        "— Мурат Хасанбиевич, почему сезон оказался тяжелым?\n\n— Людей на горе стало больше."
    )
    assert sorted(analysed_names(text)) == ["Мурат Кушхов", "Ольга Вершинина"]
    # a second Роман with a surname in -евич in a list is another person
    text = "Вышла комедия Романа Каримова. В совет вошли продюсеры Роман Борисевич и Александр Акопов."
    assert "Роман Борисевич" in names(text)


def test_possessive_surname_read_as_an_adjective_by_the_dictionary():
    # "Ирине Сомовой", "с Олегом Сомовым": the dictionary knows "сомовый" (of catfish), the name is Сомова / Сомов;
    # an adjectival surname ends in -ой/-ий (Луговой, Толстой) and keeps it
    assert nominative("Ирине", "Сомовой") == "Ирина Сомова"
    assert nominative("Олегом", "Сомовым") == "Олег Сомов"
    assert nominative("Ирину", "Сомову") == "Ирина Сомова"
    assert nominative("Андреем", "Луговым") == "Андрей Луговой"
    assert nominative("Львом", "Толстым") == "Лев Толстой"


def test_first_name_and_patronymic_of_the_one_person_of_that_first_name(ner):
    # "Сергей Викторович" is Сергей Ладыгин, the one Сергей the text names with a surname
    text = "Тренер Сергей Ладыгин ответил на вопросы. «Сергей Викторович, что пошло не так?» — спросил репортер."
    assert names(text) == ["Сергей Ладыгин"]


def test_a_first_name_and_a_surname_initial_is_an_anonymised_person():
    # crime copy keeps a suspect anonymous: "Антон К." is Антон with his surname's initial, not К. Антон
    t = "Кража\n\nПодозреваемый Антон К. задержан в гараже. Его знакомая Марина С. объявлена в розыск."
    got = analysed_names(t)
    assert "Антон К." in got and "Марина С." in got


def test_a_nickname_the_text_gives_is_the_same_person():
    # "которого на улице зовут просто Кузьмичом": a stated nickname, one entry
    t = (
        "Стройка\n\nДом построил сосед Василий Рябов, которого на улице зовут просто Кузьмичом. "
        "«Чего ждать-то?» — смеется Кузьмич."
    )
    assert analysed_names(t) == ["Василий Рябов"]


def test_a_short_form_of_a_first_name_is_the_person_with_the_full_name():
    # "сыном Михаилом … Миша": Миша is the everyday form of Михаил; "Ваня" shortens no name the text gives
    t = (
        "Пожар\n\nВалентина Голубева с сыном Михаилом успели выбежать. «Миша стучал в окно», — вспоминает она. "
        "«Там был мой Ваня молодой», — говорит ее мать."
    )
    got = analysed_names(t)
    assert "Миша" not in got and "Михаил" in " ".join(got) and "Ваня" in got


def test_a_lone_first_name_is_the_person_with_that_name_and_a_patronymic():
    t = "Деревня\n\nБабушка Нина жалеет о фотографиях. «Теперь ничего нет», — говорит Нина Игнатьевна."
    assert analysed_names(t) == ["Нина Игнатьевна"]


def test_a_korean_given_name_of_two_syllables_keeps_its_last_one():
    # "Хан Сон Хо": the surname Хан, the given name Сон Хо — "хо" is no interjection there
    t = "Переговоры\n\nОб этом сообщил заместитель министра окружающей среды Южной Кореи Хан Сон Хо."
    assert analysed_names(t) == ["Хан Сон Хо"]


def test_a_surname_after_a_particle_written_as_its_nominative_elsewhere_stays_as_written():
    # "Маргарета фон Арним … Сама фон Арним": one person, no instrumental of a guessed "Арной"
    t = (
        "Скачки\n\nТренер «Сахиля» Маргарета фон Арним, по словам жокея, знала лошадь. "
        "Сама фон Арним от комментариев отказалась."
    )
    assert analysed_names(t) == ["Маргарета фон Арним"]


def test_a_compound_of_two_common_nouns_opening_a_sentence_is_no_person():
    t = (
        "Вузы\n\nРектор Виктория Пантелеева рассказала о приеме. Выпускник-геолог сейчас получает больше, чем "
        "начинающий программист."
    )
    assert analysed_names(t) == ["Виктория Пантелеева"]


def test_remembered_grammemes_are_pymorphys_answers(monkeypatch):
    """A tag's grammeme categories (``tag.case`` …), remembered per tag string where grammemes are plain
    strings, are the ones pymorphy3's own descriptor gives."""
    from pymorphy3.tagset import OpencorporaTag

    from dispatchtui.analysis.morph import _GRAMMEME_ATTRIBUTES, _RememberedGrammeme, get_morph

    morph = get_morph()
    monkeypatch.setattr(OpencorporaTag, "typed_grammemes", False)
    for word in ("министрами", "сказала", "Путина", "быстро", "новых", "2024", "ООН", "шёл"):
        for p in morph.parse(word):
            for name in _GRAMMEME_ATTRIBUTES:
                remembered = OpencorporaTag.__dict__[name]
                assert isinstance(remembered, _RememberedGrammeme)
                assert getattr(p.tag, name) == getattr(p.tag, name) == remembered.selector.__get__(p.tag, type(p.tag))


def test_a_hierarchs_name_after_his_sees_adjectives_is_a_person():
    # "епископ Вельский и Шенкурский Игнатий": NER may end a place span with the first name
    t = "Храм\n\nВ воскресенье храм освятил епископ Вельский и Шенкурский Игнатий. Службу посетили сотни людей."
    assert "Игнатий" in analysed_names(t)


def test_an_east_asian_surname_and_an_unknown_given_name_is_a_person_not_a_place():
    t = (
        "Форум\n\nНа форуме выступила председатель торговой палаты приграничного округа Ван Лимэй. "
        "Она предложила расширить упрощенный режим."
    )
    assert "Ван Лимэй" in analysed_names(t)


def test_a_name_after_a_family_noun_and_its_substantive_complement_takes_the_nouns_case():
    # "Мать погибшего Валентина Горюнова выступала": "погибшего" is the mother's complement (the dead son),
    # not an adjective of the name — she is Валентина Горюнова, not a genitive "Валентин Горюнов"
    t = "Суд\n\nМать погибшего Валентина Горюнова выступала в суде дважды. Приговор она намерена обжаловать."
    assert analysed_names(t) == ["Валентина Горюнова"]


def test_a_surname_after_a_particle_does_not_take_a_russian_adjectival_paradigm():
    from dispatchtui.analysis.names import normalize_name

    assert normalize_name(("Штефани", "фон", "Арним")).words == ("Штефани", "фон", "Арним")
    # (it still declines as a noun: "с Отто фон Бисмарком")
    assert normalize_name(("Отто", "фон", "Бисмарком")).words == ("Отто", "фон", "Бисмарк")


def test_an_indeclinable_masculine_name_after_a_womans_first_name_is_her_surname():
    from dispatchtui.analysis.names import normalize_name

    form = normalize_name(("Джулии", "Ринальдо"))
    assert form.words == ("Джулия", "Ринальдо") and form.gender == "femn" and form.tags[-1] == "Surn"


def test_a_hierarchs_see_is_no_person(ner):
    # the see's adjectives, joined by "и", stand between the title and the monastic name
    text = "Епископ Бобровский и Лискинский Иларион в четверг освятил храм в селе."
    assert names(text) == ["Иларион"]
    # the same adjective outside a title is the district's
    assert names("Глава Бобровского района Вячеслав Гудзь сообщил о дороге.") == ["Вячеслав Гудзь"]


def test_the_first_of_two_surnames_alone_is_the_person(ner):
    # a Spanish name: the father's surname, then the mother's; the first of them is used alone
    text = "Во второй тур вышел бывший мэр Медельина Хуан Себастьян Эчеверри Москера.\n\nЭчеверри набрал 38,4% голосов."
    assert names(text) == ["Хуан Себастьян Эчеверри Москера"]
    # a patronymic is no surname: "Петрович" alone is not Иван Петрович Сидоров
    assert names("Иван Петрович Сидоров вышел. Его ждал Петрович.") == ["Иван Петрович Сидоров", "Петрович"]


def test_a_role_organization_run_into_the_holders_name_is_split(ner):
    # NER ran the university on into the political scientist's first name and surname
    text = '"Все решится в пригородах", - сказал политолог Университета Лос-Андес Рикардо Санта-Мария.'
    assert names(text) == ["Рикардо Санта-Мария"]


def test_the_official_order_puts_the_surname_first(ner):
    # "Фамилия Имя Отчество" in a verdict: the surname, then the first name and the patronymic
    text = "Суд приговорил Дениса Жука к пяти годам. «Признать Жука Дениса Сергеевича виновным», — огласила судья."
    assert names(text) == ["Денис Сергеевич Жук"]


def test_a_rule_named_after_a_scientist_is_no_person(ner):
    text = "Масса тела растет в соответствии с правилом Бергмана, сообщил профессор Иван Сомов."
    assert names(text) == ["Иван Сомов"]


def test_an_actors_best_part_is_no_idiom(ner):
    # "роль со времен …" is the actor's part, not "сыграть роль в …": the accusative is still the part played
    text = "Следователя Андрея Громова играет Кирилл Перепелица, и это лучшая его роль со времен «Ледокола»."
    assert analysed_names(text) == ["Кирилл Перепелица"]
    # the idiom: the names are no parts played
    text = "Ключевую роль в деле сыграли показания экспертов — Элен Шмидт и Андрея Громова."
    assert "Элен Шмидт" in analysed_names(text)


def test_a_wire_dateline_is_no_person(ner):
    # (NER runs the headline's last name on into the dateline)
    text = "Во второй тур вышли Эчеверри и де ла Пенья\n\nБОГОТА, 1 июня. /ТАСС/. Во второй тур вышли кандидаты."
    assert "БОГОТА" not in names(text)


def test_a_mans_surname_of_the_a_declension_keeps_its_nominative(ner):
    # "Сальдарриаги" (genitive) next to "Сальдарриага": the surname declines as "папа" does
    text = (
        "Третье место занял экономист Андрес Фелипе Сальдарриага. Она призвала избирателей Сальдарриаги поддержать ее."
    )
    assert names(text) == ["Андрес Фелипе Сальдарриага"]
    # a consonant stem's genitive is no such pair: "Петрова" is Петров's
    assert names("Иван Петров пришел. Его встретил брат Петрова.") == ["Иван Петров"]


def test_a_part_and_the_actors_genitive_are_two_names(ner):
    # the words of one name agree in case: "Белов Каменского" is a part in the hands of an actor (a review's
    # idiom, "Гамлет Смоктуновского"), not a person called Белов Каменский; the actor's genitive joins the actor
    text = (
        "Майора Игоря Белова играет Денис Каменский. Лучшее в картине — Белов Каменского, сдержанный и почти без "
        "жестов."
    )
    assert analysed_names(text) == ["Денис Каменский"]
    # a woman's nominative cannot follow a man's first name: "Гамлет Зуева" is the actor's genitive too
    text = "Принца играет Андрей Зуев. Лучшее в спектакле — Гамлет Зуева, нервный и насмешливый."
    assert "Гамлет Зуев" not in analysed_names(text)
    # a surname that may be a woman's nominative after a woman's first name agrees: no split
    assert names("Вчера Анна Миронова выступила в Доме актера.") == ["Анна Миронова"]
    # nor an indeclinable one
    assert names("В Самаре Анна Черных открыла выставку.") == ["Анна Черных"]
    # a compound first name is often left undeclined before the genitive: one name
    assert names("Сторонники Ахмат-Хаджи Кадырова собрались у мечети.") == ["Ахмат-Хаджи Кадыров"]


def test_a_name_after_the_noun_of_a_part_is_the_part(ner):
    # "роль Отелло исполнил": with a verb of playing, the name after "роль"/"образ" is the part, though an
    # indeclinable name shows no case
    assert analysed_names("Роль Отелло исполнил Игорь Вольский, а Дездемону — Анна Белова.") == [
        "Игорь Вольский",
        "Анна Белова",
    ]
    # the idiom "сыграть роль в …" has no name after "роль": its subject is a person
    assert "Сергей Лавров" in analysed_names("Важную роль в переговорах сыграл Сергей Лавров, сказал Дмитрий Песков.")


def test_an_oblique_adjectival_surname_is_no_first_name(ner):
    # "Милой" reads as the first name Мила; after "Ольга Милая" it is her surname in the genitive
    text = "Экспозицию готовила куратор Ольга Милая. Помощник Милой, студент Артем Гусев, отвечал за свет."
    assert sorted(names(text)) == ["Артем Гусев", "Ольга Милая"]
    # someone of the text who bears the first name keeps it
    text = "Экспозицию готовила куратор Ольга Милая. Ей помогала студентка Мила Гусева. Вклад Милы в выставку велик."
    assert sorted(names(text)) == ["Мила Гусева", "Ольга Милая"]


def test_an_arab_given_name_of_two_words_before_the_fathers_name(ner):
    # "Сиди" is also an imperative to the dictionary, never capitalized inside a sentence before a name; and a
    # given name of two words before "ульд"/"ибн" keeps both words
    text = "На встрече в Нуакшоте был и министр энергетики Мавритании Сиди Ахмед ульд Тая, сообщило агентство."
    assert names(text) == ["Сиди Ахмед ульд Тая"]
    # a given name of one word stays as it was
    assert names("Переговоры провел министр Абдулла ибн Салех аль-Харби.") == ["Абдулла ибн Салех аль-Харби"]


def test_an_east_asian_surname_alone_before_another_name_of_three(ner):
    # "предшественник Пака Ли Сон Гю": Пак's predecessor; the declined surname alone is the first man's
    text = "Министр Пак Мин Хо провел встречу. Переговоры раньше вел предшественник Пака Ли Сон Гю, сообщило Ёнхап."
    assert names(text) == ["Пак Мин Хо", "Ли Сон Гю"]


def test_a_brother_and_a_sister_sharing_a_surname_are_two(ner):
    # "Валентин и Валентина Горох": a woman's name before an undeclined consonant surname is hers, not
    # Валентин's genitive — two people, though the first names differ by one letter
    text = (
        "В финал вышли близнецы Валентин и Валентина Горох из Томска. Валентина Горох выиграла забег, а ее брат "
        "стал третьим."
    )
    assert sorted(names(text)) == ["Валентин Горох", "Валентина Горох"]
    # a man's name in the genitive stays his ("Нурлана Турдумаматова, сына Эркина Турдумаматова" is no woman)
    text = "Председателем избрали Нурлана Сапарова, сына Эркина Сапарова. Сам Эркин Сапаров промолчал."
    assert sorted(names(text)) == ["Нурлан Сапаров", "Эркин Сапаров"]


def test_a_capitalized_person_noun_inside_a_sentence_is_a_first_name(ner):
    # "хакан" (a khagan) is a common noun to the dictionary; capitalized inside a sentence it is a Turkish first
    # name, since a common noun is capitalized only where a sentence opens
    text = "Анкара ждет ответа. Об этом журналистам сказал глава МИД Турции Хакан Фидан после встречи в Дохе."
    assert names(text) == ["Хакан Фидан"]
    # a title some texts capitalize stays out of the name
    assert names("Поздравление направил Президент России Владимир Путин.") == ["Владимир Путин"]


def test_a_span_trimmed_to_nothing_is_no_failure(ner):
    # (a regression: a name span whose words are all function words once left nothing to look before)
    text = "Сестры\n\nНа сцену вышли сестры Ирина и Ольга Власовы.\n\n— Мы репетировали полгода, — сказала Ирина."
    assert analysed_names(text) == ["Ирина Власова", "Ольга Власова"]


def test_an_elder_called_by_the_patronymic_alone_is_that_person(ner):
    # a village calls its teacher "Петровна": the one person of the text with that patronymic, no second person
    text = (
        "Учитель\n\nВалентину Петровну Сорокину в Сосновке зовут просто Петровной. Сорок лет она учит детей.\n\n"
        "Директор школы Ольга Сергеевна Ли считает, что Петровна «держит школу на себе»."
    )
    assert sorted(analysed_names(text)) == ["Валентина Петровна Сорокина", "Ольга Сергеевна Ли"]


def test_no_prepositional_without_its_preposition(ner):
    # "Буше" reads as the prepositional of Буш, but no preposition governs it: a French surname as written
    text = "«Мы ждали своего момента», — сказал главный тренер «Сибири» Ги Буше."
    assert names(text) == ["Ги Буше"]
    # with the preposition the prepositional stands
    assert names("Вчера много говорили о Джордже Буше.") == ["Джордж Буш"]
