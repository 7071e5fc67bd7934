"""The quote scanner, rule by rule: each test is a minimal example of its own."""

from __future__ import annotations

import re

import pytest
from razdel import sentenize

from dispatchtui.analysis.quotes import find_quotes
from dispatchtui.model import Span


def paragraphs_of(text: str) -> list[Span]:
    """Blank-line-separated blocks, surrounding whitespace excluded."""
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Span(s, e))
    return out


def scan(text: str):
    paras = paragraphs_of(text)
    sents = [Span(p.start + s.start, p.start + s.stop) for p in paras for s in sentenize(text[p.start : p.end])]
    return find_quotes(text, paras, sents)


def table(text: str):
    """(quote text, kind, speaker mention, cue) per quote."""
    return [(text[q.start : q.end], q.kind, q.speaker, q.cue) for q in scan(text)]


# --- marks ------------------------------------------------------------------------------------


def test_guillemets_dash_attribution():
    t = "«Мы готовы к переговорам», — сказал он."
    assert table(t) == [("Мы готовы к переговорам", "full", "он", "сказал")]


def test_german_marks():
    t = "„Мы готовы к переговорам“, — сказал министр."
    assert table(t) == [("Мы готовы к переговорам", "full", "министр", "сказал")]


def test_english_marks():
    t = "“Мы готовы к переговорам”, — сказал министр."
    assert table(t) == [("Мы готовы к переговорам", "full", "министр", "сказал")]


def test_straight_marks_ascii_dash():
    t = 'Текст новости.\n\n"Мы готовы к переговорам", - сообщил глава МИД.'
    assert table(t) == [("Мы готовы к переговорам", "full", "глава МИД", "сообщил")]


def test_spaced_guillemets():
    t = "« Мы готовы к переговорам », — сказал он."
    assert table(t) == [("Мы готовы к переговорам", "full", "он", "сказал")]


def test_nested_german_inside_guillemets_stays_in_outer():
    t = "«Мы назвали проект „Север“ и начали работу», — сказал он."
    assert table(t) == [("Мы назвали проект „Север“ и начали работу", "full", "он", "сказал")]


def test_nested_guillemets_inside_guillemets():
    t = "«Мы купили акции «Газпрома» и довольны», — сказал он."
    assert table(t) == [("Мы купили акции «Газпрома» и довольны", "full", "он", "сказал")]


def test_straight_nested_in_straight_with_shared_close():
    t = '"Мы решили купить "Яндекс", - сказал он.'
    q = table(t)
    assert len(q) == 1
    assert q[0][0].startswith("Мы решили купить") and q[0][2] == "он" and q[0][3] == "сказал"


def test_straight_nested_in_straight_both_closed():
    t = '"Мы решили купить "Яндекс"." - сказал он.'
    q = table(t)
    assert [(x[0], x[2]) for x in q] == [('Мы решили купить "Яндекс".', "он")]


def test_straight_quote_direction_from_neighbours():
    # the inner "РУСАДА" opens after a space and closes before a space
    t = 'Текст.\n\n"Федерация на основании решения РАА "РУСАДА" приняла решение", - говорится в сообщении.'
    q = table(t)
    assert q == [('Федерация на основании решения РАА "РУСАДА" приняла решение', "full", None, "говорится в сообщении")]


# --- attribution after the quote -------------------------------------------------------------


def test_question_then_dash():
    t = "«Когда вы начнете работу?» — спросил министр."
    assert table(t) == [("Когда вы начнете работу?", "full", "министр", "спросил")]


def test_comma_dash_without_space():
    t = "«Мы готовы к переговорам»,— заявил он."
    assert table(t) == [("Мы готовы к переговорам", "full", "он", "заявил")]


def test_en_dash_attribution():
    t = "«Мы готовы к переговорам», – заявил он."
    assert table(t) == [("Мы готовы к переговорам", "full", "он", "заявил")]


def test_comma_without_dash():
    t = "«Это было самое тяжелое решение», сказал Клинсман."
    assert table(t) == [("Это было самое тяжелое решение", "full", "Клинсман", "сказал")]


def test_speaker_noun_phrase_with_name():
    t = "«Мы восстановили театр», — сказал генеральный директор театра Дмитрий Богачев."
    assert table(t) == [("Мы восстановили театр", "full", "генеральный директор театра Дмитрий Богачев", "сказал")]


def test_speaker_after_prepositional_phrase():
    t = "«Мы это сделаем», — сказал в беседе с корреспондентом агентства лидер движения Иван Петров."
    assert table(t) == [("Мы это сделаем", "full", "лидер движения Иван Петров", "сказал")]


def test_speaker_span_points_at_mention():
    t = "«Мы готовы к переговорам», — сказал он."
    q = scan(t)[0]
    assert q.speaker_span is not None and t[q.speaker_span.start : q.speaker_span.end] == "он"
    assert q.cue_span is not None and t[q.cue_span.start : q.cue_span.end] == "сказал"


def test_cue_matched_by_lemma_not_form():
    t = "«Работы завершатся в срок», — констатировала губернатор."
    assert table(t) == [("Работы завершатся в срок", "full", "губернатор", "констатировала")]


def test_attribution_in_next_sentence():
    t = "«Мы выполним все обязательства перед партнерами». Об этом заявил министр финансов."
    assert table(t) == [("Мы выполним все обязательства перед партнерами", "full", "министр финансов", "заявил")]


# --- documents ---------------------------------------------------------------------------------


def test_document_cue():
    t = '"Работы завершатся в 2020 году", - говорится в сообщении.'
    assert table(t) == [("Работы завершатся в 2020 году", "full", None, "говорится в сообщении")]


def test_document_cue_otmechaetsya():
    t = '"Обвинения предъявлены в пятницу", - отмечается в документе.'
    assert table(t) == [("Обвинения предъявлены в пятницу", "full", None, "отмечается в документе")]


def test_document_cue_skazano():
    t = "«Доходы выросли на треть», — сказано в отчете."
    assert table(t) == [("Доходы выросли на треть", "full", None, "сказано в отчете")]


def test_words_of_someone_are_quoted():
    t = '"Мы очень рады новому игроку", - приводятся слова главного тренера клуба.'
    assert table(t) == [("Мы очень рады новому игроку", "full", "главного тренера клуба", "приводятся слова")]


def test_organization_in_place_after_plural_verb():
    t = '"Средства направят на погашение долга", - сообщили в пресс-службе.'
    assert table(t) == [("Средства направят на погашение долга", "full", "пресс-службе", "сообщили")]


# --- colon introduction ------------------------------------------------------------------------


def test_colon_introduction():
    t = "Министр заявил: «Мы выполним все обязательства»."
    assert table(t) == [("Мы выполним все обязательства", "full", "Министр", "заявил")]


def test_colon_introduction_inverted_order():
    t = "Вот как это прокомментировал писатель Виктор Шендерович: «Это уже перебор»."
    assert table(t) == [("Это уже перебор", "full", "писатель Виктор Шендерович", "прокомментировал")]


def test_colon_without_speech_verb_takes_named_subject():
    t = "Сам Александр Белов оказался дипломатичным: «Для нас это было неожиданно»."
    assert table(t) == [("Для нас это было неожиданно", "full", "Александр Белов", None)]


# --- interrupted, multi-paragraph --------------------------------------------------------------


def test_interrupted_quote_two_parts_one_speaker():
    t = "«Мы не отступим, — заявил он. — Россия выполнит свои обязательства»."
    assert table(t) == [
        ("Мы не отступим", "full", "он", "заявил"),
        ("Россия выполнит свои обязательства", "full", "он", "заявил"),
    ]


def test_interrupted_quote_dash_inside_is_not_an_interruption():
    t = "«Мы придем все вместе, втроем, — прийти в суд, — сказала она. — Никто не запрещал»."
    assert table(t) == [
        ("Мы придем все вместе, втроем, — прийти в суд", "full", "она", "сказала"),
        ("Никто не запрещал", "full", "она", "сказала"),
    ]


def test_multi_paragraph_russian_style():
    t = "Министр сказал: «Мы начали работу в январе.\n\nОна продлится до конца года».\n\nДругая новость."
    assert table(t) == [
        ("Мы начали работу в январе.", "full", "Министр", "сказал"),
        ("Она продлится до конца года", "full", "Министр", "сказал"),
    ]


def test_multi_paragraph_translated_style():
    t = "«Мы начали работу в январе.\n\n«Она продлится до конца года», — сказал министр."
    q = table(t)
    assert [x[0] for x in q] == ["Мы начали работу в январе.", "Она продлится до конца года"]
    assert {x[2] for x in q} == {"министр"}
    assert [x.paragraph for x in scan(t)] == [0, 1]


# --- dialogue, transcripts ---------------------------------------------------------------------


def test_dialogue_paragraph():
    t = "Текст.\n\n— Мы готовы, — сказал он."
    assert table(t) == [("Мы готовы", "full", "он", "сказал")]


def test_dialogue_paragraph_continued_after_attribution():
    t = "— Мы готовы, — сказал он. — Начнем завтра."
    assert table(t) == [("Мы готовы", "full", "он", "сказал"), ("Начнем завтра.", "full", "он", "сказал")]


def test_dash_list_item_without_attribution_is_not_dialogue():
    t = "— поставки угля в Китай выросли"
    assert table(t) == []


def test_transcript_paragraphs():
    t = "В.Путин: Мы обсудили все вопросы.\n\nС.Донской: Спасибо, работа идет."
    assert table(t) == [
        ("Мы обсудили все вопросы.", "full", "В.Путин", None),
        ("Спасибо, работа идет.", "full", "С.Донской", None),
    ]


def test_transcript_label_must_name_a_person():
    t = "Справочная информация: компания основана в 1990 году."
    assert table(t) == []


# --- lost opening mark -------------------------------------------------------------------------


def test_lost_opening_mark():
    t = (
        "Министр провел переговоры.\n\n"
        'Хотел бы подчеркнуть, что отношения носят характер развития", - сообщил глава МИД Казахстана.'
    )
    assert table(t) == [
        ("Хотел бы подчеркнуть, что отношения носят характер развития", "full", "глава МИД Казахстана", "сообщил")
    ]


def test_lost_opening_mark_skips_dateline():
    t = 'МОСКВА, 8 августа. /ТАСС/. Работы завершатся в 2020 году", - говорится в сообщении.'
    assert table(t) == [("Работы завершатся в 2020 году", "full", None, "говорится в сообщении")]


def test_orphan_closing_mark_without_attribution_is_ignored():
    t = 'Работы завершатся в 2020 году". Другая фраза.'
    assert table(t) == []


# --- floating quotes, reported clauses, fragments ----------------------------------------------


def test_floating_quote_inherits_previous_speaker():
    t = "«Мы готовы к переговорам», — сказал министр.\n\n«Мы ждем ответа от партнеров в ближайшие дни»."
    q = scan(t)
    assert [t[x.start : x.end] for x in q] == ["Мы готовы к переговорам", "Мы ждем ответа от партнеров в ближайшие дни"]
    assert q[1].speaker == "министр" and q[1].speaker_span == q[0].speaker_span and q[1].cue is None


def test_floating_quote_far_from_previous_does_not_inherit():
    t = (
        "«Мы готовы к переговорам», — сказал министр.\n\nАбзац.\n\nЕще абзац.\n\n"
        "«Мы ждем ответа от партнеров в ближайшие дни»."
    )
    q = scan(t)
    assert len(q) == 2 and q[1].speaker is None


def test_reported_clause_after_chto_is_full():
    t = "Он отметил, что «Россия должна быть благодарна за эти годы»."
    assert table(t) == [("Россия должна быть благодарна за эти годы", "full", "Он", "отметил")]


def test_po_slovam():
    t = "По словам губернатора Ивана Петрова, «работы идут по графику»."
    assert table(t) == [("работы идут по графику", "full", "губернатора Ивана Петрова", "По словам")]


@pytest.mark.parametrize("phrase", ["По мнению", "По оценке"])
def test_po_mneniyu_with_a_quoted_clause_is_a_direct_quote(phrase):
    # "по мнению / по оценке X, «…»": the whole clause in marks is X's own words, as after "по словам"
    t = f"{phrase} аналитика Веры Ласточкиной, «рынок жилья уже прошел дно»."
    assert table(t) == [("рынок жилья уже прошел дно", "full", "аналитика Веры Ласточкиной", phrase)]


def test_fragment_after_speech_verb():
    t = "Министр назвал ситуацию «катастрофической»."
    assert table(t) == [("катастрофической", "fragment", "Министр", "назвал")]


def test_fragment_in_the_instrumental_after_an_object_that_may_head_a_name():
    # "соглашение" may head a name in quotation marks (соглашение «Открытое небо»), but a name stays in the
    # nominative: words in the instrumental are the naming verb's predicate
    t = "Министр назвал соглашение «важным сигналом для региона»."
    assert table(t) == [("важным сигналом для региона", "fragment", "Министр", "назвал")]
    assert table("Министр подписал соглашение «Открытое небо».") == []


def test_fragment_clause_inside_author_sentence():
    t = "Он сказал, что такой союз «опасен для страны, потому что он разрушает доверие»."
    assert table(t) == [("опасен для страны, потому что он разрушает доверие", "fragment", "Он", "сказал")]


# --- names and scare quotes are never quotes --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Компания «Газпром» увеличила добычу.",
        'Защитник "Спартака" приступил к тренировкам.',
        "Банк провел круглый стол на форуме «Армия-2019».",
        "Минкультуры выделит деньги на фильм «Мама не горюй» и ленту «Берцы».",
        'Главы МИД "сверили часы" по актуальным вопросам.',
        "Это так называемый «серый импорт» товаров.",
        "Об этом сообщает «Новый Регион — Екатеринбург».",
        "«Краснорубашечники», которые несут потери, объявили о готовности к переговорам.",
        "Ему вменяется «преступный сговор с целью убийства граждан США».",
        '"Эх, яблочко"... Кроме сторонников партии, пришли другие.',
        "На нем надпись – «40 дней без Егора».",
        "Состоялся круглый стол «Реконструкция театра: справятся ли власти?».",
    ],
)
def test_names_titles_and_scare_quotes_are_not_quotes(text):
    assert table(text) == []


def test_name_inside_attribution_is_not_a_quote():
    t = "«Мы это сделаем», — сказал корреспонденту «Голоса Америки» Иван Петров."
    q = table(t)
    assert [x[0] for x in q] == ["Мы это сделаем"]


def test_media_relay_does_not_replace_the_introduced_speaker():
    t = "Алексей Клименко называет это злом: «Я убежден, что театр ждет судьба Царицыно», сообщает Лента.ру."
    assert table(t) == [("Я убежден, что театр ждет судьба Царицыно", "full", "Алексей Клименко", "называет")]


# --- shape guarantees --------------------------------------------------------------------------


def test_paragraph_index_and_order():
    t = "Первый абзац.\n\n«Мы готовы», — сказал он.\n\n«Мы начнем завтра», — добавил он."
    q = scan(t)
    assert [x.paragraph for x in q] == [1, 2]
    assert q[0].end <= q[1].start


def test_empty_and_markless_input():
    assert scan("") == []
    assert scan("Просто текст без кавычек.") == []
    assert find_quotes("«Мы готовы», — сказал он.", [], []) != []  # paragraphs derived when missing


def test_paragraph_index_refers_to_the_given_paragraphs():
    t = "«Мы готовы к переговорам», — сказал он."
    bogus = Span(0, 10_000)  # out of bounds: skipped, but indexes still count it
    q = find_quotes(t, [bogus, Span(0, len(t))], [])
    assert [x.paragraph for x in q] == [1]


# --- generalization: speaker mentions ------------------------------------------------------------


def test_speaker_after_cue_followed_by_indirect_object():
    # an unknown surname guessed as a short adjective ("Силуанов") is still a name
    t = "«Мы выполним все обязательства перед гражданами», — сказал Силуанов журналистам."
    assert table(t) == [("Мы выполним все обязательства перед гражданами", "full", "Силуанов", "сказал")]


def test_addressed_medium_is_not_the_speaker():
    t = "«Рынок восстановится к концу года», — сказал Reuters глава банка Андрей Костин."
    assert table(t) == [("Рынок восстановится к концу года", "full", "глава банка Андрей Костин", "сказал")]


def test_addressed_agency_before_place_of_organization():
    t = "«Все пассажиры эвакуированы», — сообщили РИА Новости в пресс-службе МЧС."
    assert table(t) == [("Все пассажиры эвакуированы", "full", "пресс-службе МЧС", "сообщили")]


def test_addressed_agency_alone_is_the_speaker():
    t = "«Самолет совершил посадку», — сообщает Reuters со ссылкой на источники."
    assert table(t) == [("Самолет совершил посадку", "full", "Reuters", "сообщает")]


def test_quoting_verb_object_is_the_speaker():
    t = "«Переговоры пройдут в Стамбуле», — цитирует министра агентство Reuters."
    assert table(t) == [("Переговоры пройдут в Стамбуле", "full", "министра", "цитирует")]


def test_subject_agrees_with_verb_in_number():
    t = "Министр обороны сказал: «Учения пройдут в штатном режиме»."
    assert table(t) == [("Учения пройдут в штатном режиме", "full", "Министр обороны", "сказал")]


def test_surname_that_is_a_common_noun_after_first_name():
    t = "Эммануэль Макрон написал: «Франция стоит на стороне мира»."
    assert table(t) == [("Франция стоит на стороне мира", "full", "Эммануэль Макрон", "написал")]


def test_plural_verb_with_place_before_names_the_organization():
    t = "В министерстве отметили: «Цены на бензин стабильны»."
    assert table(t) == [("Цены на бензин стабильны", "full", "министерстве", "отметили")]


def test_medium_between_quoting_verb_and_words():
    t = "«Банк не уходит с рынка», — приводит издание слова источника."
    assert table(t) == [("Банк не уходит с рынка", "full", "источника", "приводит издание слова")]


def test_statement_noun_with_light_verb_is_a_cue():
    t = "«Санкции бьют прежде всего по Европе» — такое заявление сделал премьер Виктор Орбан."
    assert table(t) == [("Санкции бьют прежде всего по Европе", "full", "премьер Виктор Орбан", "заявление сделал")]


# --- generalization: introductions -------------------------------------------------------------


def test_kak_zayavil_clause_gives_a_full_quote():
    t = "Как заявил глава Минэнерго Николай Шульгинов, «запасов газа хватит на всю зиму»."
    assert table(t) == [("запасов газа хватит на всю зиму", "full", "глава Минэнерго Николай Шульгинов", "заявил")]


def test_po_ego_slovam():
    t = "По его словам, «окончательное решение примет президент»."
    assert table(t) == [("окончательное решение примет президент", "full", "его", "По его словам")]


def test_po_slovam_far_from_the_mark_is_not_a_reported_clause():
    t = "По его словам, было убрано казино, «вычищены фасады», также здание модернизировано."
    assert [x[1] for x in table(t)] in ([], ["fragment"])


def test_interrupted_quote_keeps_full_stop_of_first_part():
    t = "«Решение принято. — подчеркнул министр. — Отступать мы не будем»."
    assert table(t) == [
        ("Решение принято.", "full", "министр", "подчеркнул"),
        ("Отступать мы не будем", "full", "министр", "подчеркнул"),
    ]


# --- generalization: paragraph forms -----------------------------------------------------------


def test_interview_questions_and_answers_without_attribution():
    t = (
        "Интервью.\n\n— Как вы оцениваете итоги года?\n\n— Мы считаем, что год был успешным.\n\n"
        "— А что с финансированием?\n\n— Средства выделены."
    )
    assert table(t) == [
        ("Как вы оцениваете итоги года?", "full", None, None),
        ("Мы считаем, что год был успешным.", "full", None, None),
        ("А что с финансированием?", "full", None, None),
        ("Средства выделены.", "full", None, None),
    ]


def test_dash_list_with_capitals_but_no_question_is_not_dialogue():
    t = "Итоги года:\n\n— Рост ВВП составил три процента.\n\n— Инфляция замедлилась."
    assert table(t) == []


def test_multi_paragraph_quote_over_a_markless_middle_paragraph():
    t = (
        "«Мы сделали все, что могли.\n\nКоманда играла с полной отдачей.\n\n"
        "Результат нас не устраивает», — сказал тренер."
    )
    assert table(t) == [
        ("Мы сделали все, что могли.", "full", "тренер", "сказал"),
        ("Команда играла с полной отдачей.", "full", "тренер", "сказал"),
        ("Результат нас не устраивает", "full", "тренер", "сказал"),
    ]


def test_lost_opening_mark_never_starts_with_a_mark():
    t = ",»говорится в сообщении», — цитирует"
    for q in scan(t):
        assert t[q.start] not in '«»„“”"‘’‚'


def test_stance_adjective_after_quote_is_a_cue():
    t = "«Рубль укрепится к концу года», — уверен экономист Михаил Делягин."
    assert table(t) == [("Рубль укрепится к концу года", "full", "экономист Михаил Делягин", "уверен")]


def test_next_sentence_so_attribution():
    t = "«Это была ошибка». Так прокомментировал ситуацию глава региона."
    assert table(t) == [("Это была ошибка", "full", "глава региона", "прокомментировал")]


def test_coordinated_predicate_after_quote_is_not_an_attribution():
    t = "Президент подчеркнул, что «никто не будет забыт», и призвал чиновников работать."
    assert table(t) == [("никто не будет забыт", "full", "Президент", "подчеркнул")]


def test_neuter_object_is_not_the_subject_of_a_past_verb():
    t = "«Это прорыв», — назвал соглашение глава МИД."
    assert table(t) == [("Это прорыв", "full", "глава МИД", "назвал")]


def test_animate_head_before_indeclinable_genitive():
    t = "Глава МИД сделал заявление: «Россия не будет участвовать в конференции»."
    assert table(t) == [("Россия не будет участвовать в конференции", "full", "Глава МИД", "сделал заявление")]


def test_parenthetical_between_cue_and_speaker():
    t = "«Мы не допустим дефицита топлива», — сказал, в частности, министр энергетики."
    assert table(t) == [("Мы не допустим дефицита топлива", "full", "министр энергетики", "сказал")]


def test_relay_verb_with_words_of_someone():
    t = "«Решение примут скоро», — передает «Интерфакс» слова Пескова."
    assert table(t) == [("Решение примут скоро", "full", "Пескова", "передает «Интерфакс» слова")]


def test_colon_after_a_common_noun_phrase_is_not_a_transcript_label():
    t = "Позиция Сергея Лаврова: «Никаких уступок не будет»."
    assert table(t) == [("Никаких уступок не будет", "full", "Сергея Лаврова", None)]


def test_carried_quote_is_closed_only_by_its_own_family():
    t = (
        "Компания «Ромашка объявила о банкротстве.\n\nСуд рассмотрит дело в мае.\n\n"
        'Кредиторы требуют вернуть долги", - сообщил источник.'
    )
    assert table(t) == [("Кредиторы требуют вернуть долги", "full", "источник", "сообщил")]


def test_dash_questions_without_answers_are_not_dialogue():
    t = "Вопросы повестки:\n\n— Что делать с долгами?\n\n— Куда направить инвестиции?"
    assert table(t) == []


def test_org_noun_before_a_comma_does_not_make_a_name():
    t = "Как пишет издание, «сделка может сорваться в последний момент»."
    assert table(t) == [("сделка может сорваться в последний момент", "full", "издание", "пишет")]


def test_dative_person_addressee_is_skipped():
    t = "«Мы обсудили все вопросы», — сказал Путину Александр Лукашенко."
    assert table(t) == [("Мы обсудили все вопросы", "full", "Александр Лукашенко", "сказал")]


def test_possessive_before_noun_is_a_determiner_not_the_speaker():
    t = "«Он всегда был тихим и вежливым человеком», — сказала ее соседка Мадина Алиева."
    assert table(t) == [("Он всегда был тихим и вежливым человеком", "full", "соседка Мадина Алиева", "сказала")]


def test_possessive_pronoun_alone_is_still_the_speaker():
    t = "«Это его решение», — сказал он."
    assert table(t) == [("Это его решение", "full", "он", "сказал")]


def test_unknown_hyphenated_foreign_name_after_the_verb():
    t = "«Мы проведем выборы в следующем году», — заявил Прают Чан-Оча."
    assert table(t) == [("Мы проведем выборы в следующем году", "full", "Прают Чан-Оча", "заявил")]


def test_unknown_foreign_name_before_the_verb():
    t = "Прают Чан-Оча заявил: «Мы проведем выборы в следующем году»."
    assert table(t) == [("Мы проведем выборы в следующем году", "full", "Прают Чан-Оча", "заявил")]


def test_next_sentence_so_with_po_slovam():
    t = "«Экономика вырастет на три процента». Так, по словам министра, считают в правительстве."
    assert table(t) == [("Экономика вырастет на три процента", "full", "министра", "по словам")]


def test_kak_zayavil_clause_inside_the_sentence():
    t = "В четверг, как сообщил глава Минздрава Михаил Мурашко, «вакцина поступит в регионы до конца месяца»."
    assert table(t) == [
        ("вакцина поступит в регионы до конца месяца", "full", "глава Минздрава Михаил Мурашко", "сообщил")
    ]


def test_mispaired_straight_quotes_do_not_swallow_the_authors_sentence():
    t = (
        'Новости\n\nЖитель рассказал о встрече. "Он вошел и сказал: "Здрасте, я пришел" - так все и '
        'началось", - цитирует РБК очевидца.'
    )
    texts = [t[q.start : q.end] for q in scan(t)]
    assert texts == ['Он вошел и сказал: "Здрасте, я пришел" - так все и началось']


def test_singular_object_is_not_the_subject_of_a_plural_verb():
    # "обращают внимание": the object "внимание" cannot be the subject of a plural verb; the organization
    # named by place ("в Гринписе") speaks, not the person named inside the что-clause
    t = "В Гринписе обращают внимание, что денег регионам губернатор так и не выделил: «Без них лес не спасти»."
    assert table(t) == [("Без них лес не спасти", "full", "Гринписе", "обращают")]


def test_imperfective_partner_of_a_speech_verb_is_a_cue():
    # "высказываться" beside "высказаться": the ministry named by place speaks
    t = "В министерстве высказываются осторожно: «Проверка займет месяц»."
    assert table(t) == [("Проверка займет месяц", "full", "министерстве", "высказываются")]


def test_bracketed_gloss_inside_the_speaker_phrase_is_skipped():
    # the original-language name in brackets does not end the attribution: the name after it is the speaker's
    t = "«Это разрушает ее имидж», — заявил глава Фонда свободы (Freedom Foundation) Тур Хансен (Tur Hansen)."
    assert table(t) == [
        ("Это разрушает ее имидж", "full", "глава Фонда свободы (Freedom Foundation) Тур Хансен", "заявил")
    ]
    # a gloss that ends the phrase stays outside it
    t = "«Это разрушает ее имидж», — заявил глава фонда (на фото)."
    assert table(t) == [("Это разрушает ее имидж", "full", "глава фонда", "заявил")]


def test_surname_the_dictionary_reads_as_a_common_noun():
    # "Дымов" is only the genitive plural of "дым" to the dictionary; after the cue it has a surname's shape
    t = "«Бюджет сбалансирован», — сказал Дымов."
    assert table(t) == [("Бюджет сбалансирован", "full", "Дымов", "сказал")]


def test_statement_noun_heading_a_colon_introduction_names_the_speaker():
    t = "Комментарий городского телевидения: «Мэр не может смириться с отставкой»."
    assert table(t) == [("Мэр не может смириться с отставкой", "full", "городского телевидения", "Комментарий")]


def test_statement_noun_inside_the_introduction_is_not_its_head():
    # "сослался на мнение Орлова:" — the one who refers speaks, not the one referred to
    t = "Министр Петр Ильин сослался на мнение Орлова: «Это задание меня вдохновило бы»."
    (row,) = table(t)
    assert row[2] != "Орлова"


def test_an_inner_quote_closed_before_the_speakers_own_dash_closes_only_itself():
    # «Отец сказал: „Иди“, — я и побежал»: the dash is inside the quote, the guillemets close after it
    from dispatchtui.analysis import analyze

    for inner in ("„Иди и беги“", '"Иди и беги"'):
        t = f"Матч\n\nОн вышел рано. «Отец сказал: {inner}, — я и побежал», — рассказал полузащитник Никита Галиев."
        d = analyze(t)
        full = [d.text[q.start : q.end] for q in d.quotes if q.kind == "full"]
        assert full == [f"Отец сказал: {inner}, — я и побежал"]


def test_a_verb_read_first_as_a_noun_attributes_the_quote_before_a_subject_pronoun():
    # "«…» — начала она": "начала" is first a genitive of "начало" to the dictionary; with "она" after, the verb
    from dispatchtui.analysis import analyze

    t = (
        "Дума\n\nДепутат Светлана Ильина потребовала вернуть деньги. «Вы урезали образование на 200 миллионов "
        "и называете это оптимизацией...» — начала она."
    )
    d = analyze(t)
    assert [(d.text[q.start : q.end], q.speaker) for q in d.quotes if q.kind == "full"] == [
        ("Вы урезали образование на 200 миллионов и называете это оптимизацией...", "Светлана Ильина")
    ]


def test_the_words_relayed_are_the_genitive_after_the_words_noun_even_an_indeclinable_name():
    from dispatchtui.analysis import analyze

    text = (
        "Авария\n\nГубернатор провинции Эрол Тунджоглу прибыл в аэропорт. "
        "«Пилоты приняли единственно верное решение», — приводит агентство слова Тунджоглу."
    )
    (q,) = [q for q in analyze(text).quotes if q.kind == "full"]
    assert q.speaker == "Эрол Тунджоглу"


def test_inline_dialogue_after_the_author_s_sentence_is_speech():
    from dispatchtui.analysis import analyze

    text = (
        "Футбол\n\nКапитан команды Денис Орлов поддержал тренера. — Андрей Викторович дал нам всё, что мог, — "
        "заявил футболист. — Виноваты мы."
    )
    got = [(text[q.start : q.end], q.speaker) for q in analyze(text).quotes if q.kind == "full"]
    assert got == [("Андрей Викторович дал нам всё, что мог", "Денис Орлов"), ("Виноваты мы.", "Денис Орлов")]


def test_inline_dialogue_needs_its_attribution():
    from dispatchtui.analysis import analyze

    text = "Футбол\n\nМатч начался в семь. — Это было в апреле, когда снег уже сошёл."
    assert [q for q in analyze(text).quotes if q.kind == "full"] == []


def test_a_dialogue_line_closed_by_a_verb_and_an_adjective_used_as_a_noun_is_attributed():
    from dispatchtui.analysis import analyze

    text = (
        "Сестры\n\nНа сцену вышли сестры Ирина и Ольга Власовы.\n\n— Мы репетировали полгода, — сказала Ирина.\n\n"
        "— Не полгода, а целый год, — поправила старшая."
    )
    d = analyze(text)
    full = [d.text[q.start : q.end] for q in d.quotes if q.kind == "full"]
    assert full == ["Мы репетировали полгода", "Не полгода, а целый год"]
    (q,) = [q for q in d.quotes if d.text[q.start : q.end].startswith("Не полгода")]
    assert d.text[q.speaker_span.start : q.speaker_span.end] == "старшая"


def test_a_document_s_words_introduced_by_a_colon_do_not_inherit_the_speaker_before():
    from dispatchtui.analysis import analyze

    text = (
        "Архив\n\n«Эти тетради пролежали на чердаке полвека», — рассказал историк Игорь Сомов.\n\n"
        "На обложке первой тетради есть надпись: «Сжечь после моей смерти, не читая»."
    )
    d = analyze(text)
    (q,) = [q for q in d.quotes if d.text[q.start : q.end].startswith("Сжечь")]
    assert q.speaker is None


def test_the_owner_of_the_words_a_verb_repeats_is_the_speaker():
    from dispatchtui.analysis import analyze

    text = (
        "Память\n\nУченики вспоминают профессора Андрея Лукина. Тренер Ольга Зайцева часто повторяет фразу Лукина: "
        "«Сначала техника, потом скорость»."
    )
    d = analyze(text)
    (q,) = [q for q in d.quotes if q.kind == "full"]
    assert q.speaker == "Андрей Лукин"


def test_a_surname_the_dictionary_reads_first_as_a_short_adjective_is_the_speaker_after_the_cue():
    from dispatchtui.analysis.quotes import find_quotes
    from dispatchtui.model import Span

    text = "«Папа до последнего дня учил текст новой роли», — сказал Сабуров."
    (q,) = find_quotes(text, [Span(0, len(text))])
    assert (q.speaker, q.cue) == ("Сабуров", "сказал")


def test_a_colon_after_a_clause_of_kak_with_its_own_subject_gives_that_subject_s_words():
    from dispatchtui.analysis import analyze

    text = (
        "Суд\n\nДиректор фирмы Игорь Пронин вину не признал. На процессе выступили супруги Павел и Анна Лосевы. "
        "Лосева вспомнила, как в 2020 году "
        "директор уговаривал вкладчиков: «Деньги вернутся через месяц». «Не вернулись до сих пор», — сказала "
        "свидетельница."
    )
    d = analyze(text)
    assert [(d.text[q.start : q.end], q.speaker) for q in d.quotes if q.kind == "full"] == [
        ("Деньги вернутся через месяц", "Игорь Пронин"),
        ("Не вернулись до сих пор", "Анна Лосева"),
    ]


def test_words_said_to_belong_to_someone_in_the_next_sentence_are_theirs():
    from dispatchtui.analysis import analyze

    text = (
        "Сессия\n\nОбсуждение бюджета затянулось до вечера.\n\n«Вы считаете школы как койко-места». Эти слова, "
        "вызвавшие шум в зале, принадлежат депутату Ирине Лобовой, бывшей учительнице."
    )
    d = analyze(text)
    (q,) = [q for q in d.quotes if q.kind == "full"]
    assert q.speaker == "Ирина Лобова"


def test_a_dash_line_attribution_may_name_an_outlet_in_guillemets():
    from dispatchtui.analysis import analyze

    text = (
        "Матч\n\nНападающий Жуниор Алвес забил победный гол.\n\n"
        "— Это ваш самый важный гол? — спросил корреспондент «Вечернего спорта».\n\n— Пока да, — ответил бразилец."
    )
    d = analyze(text)
    first = next(q for q in d.quotes if q.kind == "full")
    assert d.text[first.start : first.end] == "Это ваш самый важный гол?"
    assert d.text[first.speaker_span.start : first.speaker_span.end] == "корреспондент «Вечернего спорта»"


def test_the_one_a_plural_verb_asked_is_no_speaker():
    from dispatchtui.analysis import analyze

    # "Радовича" declines as a surname in the accusative: the one asked, not the subject of "спросили"
    d = analyze("Главный тренер Невен Радович пришел на встречу.\n\n«Вы готовы?» — спросили Радовича журналисты.")
    (q,) = [q for q in d.quotes if q.kind == "full"]
    assert q.speaker != "Невен Радович"
    assert d.text[q.speaker_span.start : q.speaker_span.end] == "журналисты"
    # a plural subject after the verb is the speaker as before
    d = analyze("«Мы готовы», — заявили Ивановы.")
    (q,) = [q for q in d.quotes if q.kind == "full"]
    assert d.text[q.speaker_span.start : q.speaker_span.end] == "Ивановы"


def test_a_headline_speaker_ends_before_the_topic():
    from dispatchtui.analysis import analyze

    d = analyze(
        "«Читатель стал смелее»: директор библиотеки о ночных чтениях\n\n"
        "Библиотека Кургана увеличила число читателей. Ее директор Лейла Гарипова рассказала об этом."
    )
    (q,) = [q for q in d.quotes if q.kind == "full"]
    assert d.text[q.speaker_span.start : q.speaker_span.end] == "директор библиотеки"
    assert q.speaker == "Лейла Гарипова"


def test_an_outlet_in_inner_marks_inside_a_split_quote():
    from dispatchtui.analysis import analyze

    # inside guillemets the outlet's name takes the inner marks; the attribution still splits the quote
    for inner in ("“Ведомостям”", "„Ведомостям“"):
        d = analyze(f"«Мы давно смотрели на юг, — признался {inner} Ковальчук. — Без элеваторов мы бы переплачивали».")
        full = [d.text[q.start : q.end] for q in d.quotes if q.kind == "full"]
        assert full == ["Мы давно смотрели на юг", "Без элеваторов мы бы переплачивали"]
