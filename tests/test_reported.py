"""Reported (indirect) speech, form by form: each test is an invented sentence of its own.

The forms and their functions are listed in the docstring of :mod:`dispatchtui.analysis.reported`. Every
test runs the whole analysis (the speaker is resolved as the reader would see it).
"""

from __future__ import annotations

import pytest

from dispatchtui.analysis import analyze


def reported(text: str):
    """(content, speaker, cue) of every reported statement of ``text``."""
    d = analyze(text)
    return [(d.text[q.start : q.end], q.speaker, q.cue) for q in d.quotes if q.kind == "reported"]


def only(text: str):
    rs = reported(text)
    assert len(rs) == 1, rs
    return rs[0]


# --- verb + что / чтобы / ли -------------------------------------------------------------------------


def test_that_clause_named_subject():
    t = "Переговоры\n\nМинистр финансов Олег Дымов заявил, что бюджет будет сбалансирован уже в этом году."
    assert only(t) == ("бюджет будет сбалансирован уже в этом году", "Олег Дымов", "заявил")


def test_a_sign_written_after_a_number_stays_with_the_clause():
    # "%" is no word, but no punctuation to trim either: "на 10" would misquote the figure
    t = "Рынок\n\nМинистр финансов Олег Дымов заявил, что инфляция снизилась до 4%."
    assert only(t)[0] == "инфляция снизилась до 4%"
    t = "Рынок\n\nПо данным аналитиков, рынок вырос на 10%."
    assert only(t)[0] == "рынок вырос на 10%"


def test_that_clause_addressee_and_time_between():
    t = "Новости\n\nГубернатор Андрей Крылов сообщил журналистам в четверг, что мост откроют к осени."
    content, speaker, cue = only(t)
    assert (content, speaker, cue) == ("мост откроют к осени", "Андрей Крылов", "сообщил")


def test_that_clause_outlet_in_quotation_marks_between():
    # the outlet addressed, a name in quotation marks, between the verb and "что"
    t = "Сделка\n\nВ антимонопольной службе сообщили «Ведомостям», что ходатайство пока не поступало."
    content, _, cue = only(t)
    assert (content, cue) == ("ходатайство пока не поступало", "сообщили")


def test_trailing_relay_verb_whose_subject_has_a_participle_after_it():
    # ", знакомых с ходом переговоров" is the sources', not a statement's words
    t = "Сделка\n\nСделка будет закрыта до конца года, рассказали два источника, знакомых с ходом переговоров."
    content, _, cue = only(t)
    assert (content, cue) == ("Сделка будет закрыта до конца года", "рассказали")
    # an adjective opening a clause with its own verb is no modifier of the subject
    t = "Раунд\n\nПереговоры продолжатся, сообщил министр, новый раунд пройдет в мае."
    assert only(t)[0] != "Переговоры продолжатся"


def test_a_two_word_clause_with_its_predicate_is_a_statement_when_someone_says_it():
    # "что доволен результатом", "что угрозы нет": a predicate and its complement make a clause
    t = "Итоги\n\nПрезидент клуба Аркадий Лосев заявил, что доволен результатом."
    assert only(t) == ("доволен результатом", "Аркадий Лосев", "заявил")
    t = "Паводок\n\nГлава района Нина Орлова сообщила, что угрозы нет."
    assert only(t)[:2] == ("угрозы нет", "Нина Орлова")


def test_two_words_after_an_agentless_passive_are_no_statement():
    # no one says them ("было подтверждено, что экипаж жив"): too little to call a statement
    assert reported("Посадка\n\nЧерез час было подтверждено, что экипаж жив.") == []


def test_that_clause_stance_adjective():
    t = "Новости\n\nАктриса Вера Лебедева уверена, что фильм получит главный приз фестиваля."
    assert only(t)[:2] == ("фильм получит главный приз фестиваля", "Вера Лебедева")


def test_that_clause_light_verb_and_noun():
    t = "Новости\n\nПосол Игорь Панин выразил надежду, что диалог между странами продолжится."
    content, speaker, cue = only(t)
    assert (content, speaker) == ("диалог между странами продолжится", "Игорь Панин")
    assert cue == "выразил надежду"


def test_that_clause_pronoun_resolves_to_the_person_before():
    t = "Новости\n\nДиректор завода Павел Орлов провел совещание с рабочими. Он сказал, что зарплату повысят с января."
    assert only(t)[:2] == ("зарплату повысят с января", "Павел Орлов")


def test_that_clause_impersonal_has_no_person():
    t = "Новости\n\nСообщается, что пострадавших в результате аварии нет."
    content, speaker, _ = only(t)
    assert content == "пострадавших в результате аварии нет" and speaker is None


def test_that_clause_document_speaker():
    t = "Новости\n\nВ сообщении пресс-службы министерства говорится, что проверка продлится месяц."
    content, speaker, _ = only(t)
    assert content == "проверка продлится месяц"
    assert speaker is not None and "пресс-служба" in speaker


def test_authorial_first_person_is_no_report():
    t = "Новости\n\nНапомним, что в прошлом году фестиваль не проводился из-за ремонта."
    assert reported(t) == []


def test_fact_of_discovery_is_no_report():
    t = "Новости\n\nСтало известно, что завод закроют на ремонт до весны. Оказалось, что денег не хватает."
    assert reported(t) == []


# --- по словам / по мнению / по данным / согласно ---------------------------------------------------


def test_according_to_words_opening_the_sentence():
    t = "Новости\n\nПо словам мэра Николая Зуева, новый парк откроется в мае."
    assert only(t)[:3] == ("новый парк откроется в мае", "Николай Зуев", "По словам")


def test_according_to_possessive_inside_the_sentence():
    t = "Новости\n\nТренер Сергей Белых остался доволен игрой. Команда, по его мнению, готова к финалу."
    content, speaker, cue = only(t)
    assert speaker == "Сергей Белых" and cue == "по его мнению"
    assert content.startswith("Команда") and content.endswith("готова к финалу")


def test_according_to_data_without_a_comma_after():
    t = "Новости\n\nПо его мнению страны региона могут договориться без посредников."
    assert only(t)[0] == "страны региона могут договориться без посредников"


def test_according_to_document():
    t = "Новости\n\nСогласно заявлению прокуратуры, обвиняемому грозит до десяти лет лишения свободы."
    content, _, cue = only(t)
    assert content == "обвиняемому грозит до десяти лет лишения свободы" and cue.startswith("Согласно")


# --- как заявил X -----------------------------------------------------------------------------------


def test_as_said_opening():
    t = "Новости\n\nКак отметил глава района Иван Сомов, ремонт дорог завершится в августе."
    assert only(t)[:2] == ("ремонт дорог завершится в августе", "Иван Сомов")


def test_as_said_inside_a_clause_after_но():
    t = "Новости\n\nСначала говорили о переносе матча, но клуб, как пишет газета «Спорт», сыграет в срок."
    content = only(t)[0]
    assert content.startswith("клуб") and content.endswith("сыграет в срок")


# --- Об этом заявил X --------------------------------------------------------------------------------


def test_back_pointer_takes_the_sentence_before():
    t = "Новости\n\nСтроительство второй очереди метро начнется весной. Об этом заявил мэр города Олег Ветров."
    assert only(t)[:2] == ("Строительство второй очереди метро начнется весной", "Олег Ветров")


def test_back_pointer_needs_a_pointer_not_a_determiner():
    t = "Новости\n\nВ городе открыли памятник поэту. Об этом человеке говорят много хорошего."
    assert reported(t) == []


# --- attribution after the content, no что ------------------------------------------------------------


def test_trailing_attribution():
    t = "Новости\n\nПереговоры продолжатся на следующей неделе, сообщает пресс-служба Кремля."
    content, speaker, cue = only(t)
    assert content == "Переговоры продолжатся на следующей неделе" and cue == "сообщает"
    assert speaker is not None and "пресс-служба" in speaker


def test_trailing_attribution_inside():
    t = "Новости\n\nОдна из групп, уточняет газета «Вести», пришла к посольству с плакатами."
    content = only(t)[0]
    assert content.startswith("Одна из групп") and content.endswith("с плакатами")


# --- not inside direct quotes -------------------------------------------------------------------------


def test_report_inside_a_direct_quote_is_not_listed():
    t = "Новости\n\n«Мэр сказал, что денег нет, и мы ему поверили», — рассказал житель поселка Петр Лунин."
    assert reported(t) == []


def test_reported_statements_have_cue_and_speaker_spans():
    d = analyze("Новости\n\nМинистр Анна Круглова заявила, что реформа займет два года.")
    (q,) = [q for q in d.quotes if q.kind == "reported"]
    assert d.text[q.cue_span.start : q.cue_span.end] == "заявила"
    assert d.text[q.speaker_span.start : q.speaker_span.end] == "Министр Анна Круглова"
    assert q.reason and q.reason.startswith("reported:")


@pytest.mark.parametrize("text", ["", "заявил, что", "по словам", "Об этом.", "— , что ли?", "как" * 500])
def test_odd_inputs_do_not_raise(text):
    analyze(text or " ")


def test_trailing_attribution_to_a_body_named_with_adjectives():
    t = (
        "Визит\n\nМинистр Ермек Кошербаев провел переговоры с коллегой, сообщили во внешнеполитическом "
        "ведомстве Казахстана."
    )
    d = analyze(t)
    (q,) = [q for q in d.quotes if q.kind == "reported"]
    assert q.speaker == "внешнеполитическое ведомство Казахстана" and d.speaker(q.speaker).kind == "organization"


def test_sentences_parsed_in_small_blocks_give_the_same_statements(monkeypatch):
    """A huge dispatch is parsed a block of candidate sentences at a time: the statements are those of one
    block, a back pointer opening a block included ("Об этом заявил X" points at the block before)."""
    from pathlib import Path

    from dispatchtui.analysis import reported as mod
    from dispatchtui.load import load_path

    samples = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))[:4]
    text = (
        "\n\n".join(load_path(str(p)).text.strip() for p in samples)
        + "\n\n"
        + "Министр прибыл в Казань в понедельник.\n\nОб этом заявил губернатор области Иван Петров.\n"
    )
    whole = [(q.start, q.end, q.speaker, q.cue) for q in analyze(text).quotes if q.kind == "reported"]
    assert len(whole) >= 5
    for block in (1, 2, 3):
        monkeypatch.setattr(mod, "PARSE_BLOCK", block)
        assert [(q.start, q.end, q.speaker, q.cue) for q in analyze(text).quotes if q.kind == "reported"] == whole


# --- added forms: "на его взгляд", the other aspect of a stance verb, "давать понять" ------------------


def test_view_phrase_names_its_holder():
    t = "Новости\n\nЭколог Иван Петров выступил на форуме. На его взгляд, проблема не в законах, а в их исполнении."
    assert only(t)[:2] == ("проблема не в законах, а в их исполнении", "Иван Петров")


def test_view_idiom_without_a_holder_is_nobodys_statement():
    assert reported("Новости\n\nНа первый взгляд, проект выглядит простым.") == []


def test_perfective_stance_verb_with_that_clause():
    t = "Новости\n\nАрбитражный суд счел, что компания нарушила условия контракта."
    content, _, cue = only(t)
    assert (content, cue) == ("компания нарушила условия контракта", "счел")


def test_imperfective_light_verb_give_to_understand():
    t = "Новости\n\nМинистр спорта Олег Волков давал понять, что не будет выставлять свою кандидатуру."
    content, speaker, cue = only(t)
    assert (content, speaker, cue) == ("не будет выставлять свою кандидатуру", "Олег Волков", "давал понять")


def test_relay_closing_the_sentence_is_not_content():
    t = (
        "Новости\n\nТренер Иван Петров дал интервью. "
        "Он заявил, что ничья на выезде — хороший результат, сообщает «Спортивный вестник»."
    )
    assert only(t)[:2] == ("ничья на выезде — хороший результат", "Иван Петров")


def test_verb_after_a_comma_with_its_subject_before_is_no_relay():
    # "…, опубликовал фотографии" continues the clause (its subject came first): the content runs on
    t = (
        "Новости\n\nВоеннослужащий Андрей Ковалев, находясь на дежурстве, опубликовал снимки казармы, "
        "говорится в решении военного суда."
    )
    content, _, cue = only(t)
    assert content.endswith("опубликовал снимки казармы") and cue == "говорится"


def test_source_phrase_inside_the_clause_relays_the_verbs_statement():
    t = "Новости\n\nМестная полиция, по данным газеты, отметила, что в этом году протестующих было больше."
    assert only(t)[:3] == ("в этом году протестующих было больше", "Местная полиция", "отметила")


def test_source_phrase_opening_the_sentence_frames_all_of_it():
    t = (
        "Новости\n\nПевец Олег Миронов отменил гастроли. "
        "По словам Миронова, как отец, он считает, что семья сейчас важнее."
    )
    content, speaker, cue = only(t)
    assert speaker == "Олег Миронов" and cue == "По словам" and content.startswith("как отец")


def test_discourse_opener_before_a_relay_is_not_content():
    t = "Новости\n\nТем временем, сообщает газета «Уральский курьер», художники проведут в городе акцию."
    content, _, cue = only(t)
    assert content == "художники проведут в городе акцию" and cue == "сообщает"


def test_pronoun_after_an_unnamed_role_subject_abstains():
    # subject continuity: "Он" is the coach of the sentence before, whom the text never names, not the
    # veteran quoted earlier
    t = (
        "Новости\n\nВетеран Виктор Понедельник выразил мнение о тренере. «Тренер запоздал с заменами», — "
        "сказал Понедельник.\n\nСам же главный тренер сборной оценил итоги матча как приемлемые. "
        "Он заявил, что ничья на выезде — хороший результат."
    )
    assert only(t)[:2] == ("ничья на выезде — хороший результат", None)


def test_pronoun_after_a_role_that_fits_the_person_resolves():
    t = (
        "Новости\n\nМинистр финансов Олег Дымов провел совещание. «Бюджет сбалансирован», — сказал Дымов. "
        "Министр отметил рост доходов. Он заявил, что дефицита не будет."
    )
    assert only(t)[:2] == ("дефицита не будет", "Олег Дымов")


def test_back_pointer_with_the_speaker_right_after_it_and_past_a_caption():
    # a photo caption (a name line without a predicate) stands between the statement and "Об этом X заявил"
    t = (
        "Новости\n\nГлава союза Павел Ильин решил остаться на посту еще на четыре года.\nПавел Ильин\n"
        "Об этом Ильин заявил на городском телевидении."
    )
    assert only(t)[:3] == (
        "Глава союза Павел Ильин решил остаться на посту еще на четыре года",
        "Павел Ильин",
        "Об этом Ильин заявил",
    )


def test_about_this_noun_is_a_determiner_not_a_pointer():
    t = "Новости\n\nСтадион откроют весной.\n\nОб этом стадионе говорят давно."
    assert reported(t) == []


def test_inverted_relay_subject_the_parse_missed():
    # a number sign in the object ("приказа № 12") can throw the parse; the animate nominative after the
    # verb and the name closing the sentence are its subject
    t = (
        "Новости\n\nНужно было закрепить право не тушить пожары, на которые нет денег, описывает причину "
        "появления приказа № 12 руководитель программы отделения «Лесного фонда» Павел Ильин."
    )
    content, speaker, cue = only(t)
    assert content.startswith("Нужно было закрепить право") and cue == "описывает"
    assert speaker == "Павел Ильин"


def test_content_stops_at_a_sentence_end_before_an_opening_mark():
    t = (
        "Новости\n\nАстронавт НАСА Анна Лис сказала, что во время спуска перегрузка достигала 8 G. "
        "«Для меня это было тяжело», — добавила она."
    )
    content, speaker, _ = only(t)
    assert content == "во время спуска перегрузка достигала 8 G" and speaker == "Анна Лис"


def test_light_verb_with_an_explanation_noun():
    t = "Новости\n\nПредставитель агентства Олег Ким дает объяснение журналистам, что это происки конкурентов."
    content, speaker, cue = only(t)
    assert (content, speaker, cue) == ("это происки конкурентов", "Олег Ким", "дает объяснение")


def test_connective_opening_the_sentence_is_not_content():
    t = "Новости\n\nПричем, по словам министра Олега Кима, страна готова к переговорам."
    content, speaker, _ = only(t)
    assert content == "страна готова к переговорам" and speaker == "Олег Ким"


def test_coordinated_people_as_subject_are_no_single_speaker():
    # "Пётр и Вера Лунёвы рассказали, что …": both said it; naming one of them would be a wrong attribution
    t = "Пожар\n\nСупруги Пётр и Вера Лунёвы рассказали журналистам, что дом сгорел за час."
    assert only(t) == ("дом сгорел за час", None, "рассказали")


def test_one_person_of_a_couple_is_the_speaker_when_named_alone():
    t = "Пожар\n\nВера Лунёва рассказала журналистам, что дом сгорел за час."
    assert only(t) == ("дом сгорел за час", "Вера Лунёва", "рассказала")


def test_a_coordinated_clause_opened_by_its_own_source_is_another_statement():
    # "X заявил, что A, а по словам Y, B": two speakers, two statements
    t = (
        "Эфир\n\nЭкономист Геннадий Волков заявил, что готов выступить на слушаниях как эксперт, а по словам "
        "фермера Степана Огарева, фермеры района уже создают собственный кооператив."
    )
    got = [(c, s) for c, s, _ in reported(t)]
    assert got == [
        ("готов выступить на слушаниях как эксперт", "Геннадий Волков"),
        ("фермеры района уже создают собственный кооператив", "Степан Огарев"),
    ]


def test_a_source_set_off_inside_the_clause_keeps_it_one_statement():
    t = "Мост\n\nГубернатор Олег Дымов сообщил, что первый мост, по словам строителей, появится уже в следующем году."
    assert len(reported(t)) == 1


def test_a_medium_relaying_a_statement_is_not_its_speaker():
    # "Как передаёт агентство Anadolu, он заявил, что …": the governor's statement, relayed
    t = (
        "Посадка\n\nГубернатор провинции Эрол Кылычоглу прибыл в аэропорт. Как передаёт агентство Anadolu, он "
        "заявил, что экипаж действовал безупречно."
    )
    assert only(t)[:2] == ("экипаж действовал безупречно", "Эрол Кылычоглу")


def test_a_speaker_whose_as_clause_holds_a_stance_keeps_it():
    # "Как отметил Лю, Пекин рассчитывает, что …": Лю's statement, the whole clause
    t = (
        "Форум\n\nЗамминистра Лю Цзяньпин был сдержан. Как отметил Лю, Пекин рассчитывает, что меморандум "
        "станет основой."
    )
    content, speaker, _ = only(t)
    assert speaker == "Лю Цзяньпин" and content.startswith("Пекин рассчитывает")


def test_a_coordinated_clause_with_its_own_speaker_is_another_statement():
    from dispatchtui.analysis import analyze

    text = (
        "Суд\n\nПоказания дали эксперты Марта Кройц и Клаус Кройц. "
        "Марта Кройц настаивала, что полотна написаны в 1990-е годы, а Клаус Кройц заявил, что не может исключить их "
        "подлинность."
    )
    d = analyze(text)
    got = [(d.text[q.start : q.end], q.speaker) for q in d.quotes if q.kind == "reported"]
    assert got == [
        ("полотна написаны в 1990-е годы", "Марта Кройц"),
        ("не может исключить их подлинность", "Клаус Кройц"),
    ]


def test_a_past_verb_joined_to_the_speech_verb_after_no_resumes_the_narrative():
    from dispatchtui.analysis import analyze

    text = "Матч\n\nВратарь Олег Сизов признал, что пропустил по своей вине, но остался недоволен работой защиты."
    d = analyze(text)
    assert [d.text[q.start : q.end] for q in d.quotes if q.kind == "reported"] == ["пропустил по своей вине"]
    # a present tense after the past speech verb is still the words reported
    text = "Реформа\n\nМинистр Ирина Лаврова сообщила, что поддерживает реформу, но требует ее доработать к осени."
    d = analyze(text)
    assert [d.text[q.start : q.end] for q in d.quotes if q.kind == "reported"] == [
        "поддерживает реформу, но требует ее доработать к осени"
    ]


def test_a_named_subject_s_past_verb_after_a_present_clause_resumes_the_narrative():
    from dispatchtui.analysis import analyze

    text = (
        "Водовод\n\nПодрядчик Иван Дьяков приехал на объект. Глава округа Олег Сомов напомнил, что жители поселка "
        "десять лет возят воду цистернами, "
        "а Дьяков пообещал закончить работы к осени."
    )
    d = analyze(text)
    assert [d.text[q.start : q.end] for q in d.quotes if q.kind == "reported"] == [
        "жители поселка десять лет возят воду цистернами"
    ]


def test_how_after_a_verb_of_hearing_opens_what_was_heard_not_a_source():
    t = (
        "Суд\n\nСвидетельница Вера Громова рассказала, что слышала, как Олег Сизов говорил соседу: "
        "«Я верну долг весной»."
    )
    rs = reported(t)
    assert ("слышала, как Олег Сизов говорил соседу", "Вера Громова", "рассказала") in rs
    assert all(speaker != "Олег Сизов" for _, speaker, _ in rs)


def test_a_negated_verb_of_exclusion_or_doubt_states_a_view():
    t = "Спорт\n\nТренер Олег Панов не исключает, что команда сыграет в финале."
    assert only(t) == ("команда сыграет в финале", "Олег Панов", "не исключает")


def test_the_same_verb_without_negation_is_no_statement():
    t = "Спорт\n\nТренер Олег Панов исключил, что команда сыграет в финале, из своих планов."
    assert all(speaker != "Олег Панов" or "финале" not in content for content, speaker, _ in reported(t))


def test_a_parenthetical_source_opening_a_subordinate_clause_sources_that_clause():
    t = (
        "Суд\n\nДом достался младшему сыну Олегу Русакову, однако дарственная была подписана весной, когда, как "
        "утверждал его брат Петр Русаков, мать уже болела."
    )
    assert ("мать уже болела", "Петр Русаков", "как утверждал") in reported(t)


def test_an_interviewers_labelled_question_holds_no_reported_statement():
    t = (
        "Пресс-конференция\n\nО.Лебедев: Добрый день.\n\nВопрос (ТАСС): Горожане жалуются, что автобусы ходят "
        "редко. Почему?\n\nО.Лебедев: Мы закупим двадцать новых машин."
    )
    assert reported(t) == []


def test_according_to_a_registers_extract():
    t = "Сделка\n\nСогласно выписке из ЕГРЮЛ, генеральным директором компании значится Павел Гусаров."
    content, _, _ = only(t)
    assert content == "генеральным директором компании значится Павел Гусаров"


def test_an_expectation_is_a_stated_view():
    t = "Тарифы\n\nАналитик Кира Соколова ожидает, что после сделки тарифы на хранение вырастут."
    content, speaker, cue = only(t)
    assert (content, speaker, cue) == ("после сделки тарифы на хранение вырастут", "Кира Соколова", "ожидает")
    t = "Цены\n\nМинистр экономики Олег Дымов допускает, что цены вырастут к осени."
    assert only(t)[:2] == ("цены вырастут к осени", "Олег Дымов")


def test_following_from_a_document_attributes_the_content_to_it():
    # "следует из" a document: as "говорится в" — after the content, in a "как" aside, with "что"
    t = "Пожары\n\nПлощадь пожаров в крае увеличилась до 826 тысяч гектаров, следует из сводки Лесопожарного центра."
    assert only(t) == (
        "Площадь пожаров в крае увеличилась до 826 тысяч гектаров",
        "сводка Лесопожарного центра",
        "следует",
    )
    t = "Суд\n\nКак следует из картотеки суда, иск компании подан в мае."
    assert only(t)[0] == "иск компании подан в мае"
    t = "Суд\n\nИз материалов дела следует, что сделка была фиктивной."
    assert only(t)[0] == "сделка была фиктивной"
    # a nominal content whose dash stands for the copula is a statement too
    t = "Пожары\n\nПод наблюдением — еще 295 лесных пожаров, следует из сводки Авиалесоохраны."
    assert only(t)[0] == "Под наблюдением — еще 295 лесных пожаров"


def test_following_as_duty_or_the_authors_inference_is_no_attribution():
    assert reported("Суд\n\nКомпании следует выплатить долг в течение месяца.") == []
    assert reported("Рынок\n\nИз этого следует, что рынок перегрет.") == []
