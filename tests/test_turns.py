"""Speech turns (interviews, transcripts, colon blocks) and attribution rules, on invented dispatches.

The forms are listed in the docstring of :mod:`dispatchtui.analysis.turns`; the attribution rules (agreement,
namesakes, names that depend on the mention's head) in :mod:`dispatchtui.analysis.resolve`.
"""

from __future__ import annotations

import pytest

from dispatchtui.analysis import analyze


def direct(text: str):
    """(text, speaker, question, statement) of every direct quote."""
    d = analyze(text)
    return [(d.text[q.start : q.end], q.speaker, q.question, q.statement) for q in d.quotes if q.kind == "full"]


def speakers_of(text: str) -> dict[str, str | None]:
    d = analyze(text)
    return {d.text[q.start : q.end]: q.speaker for q in d.quotes}


# --- transcripts ----------------------------------------------------------------------------------------

TRANSCRIPT = """Встреча в Кремле

Президент провел рабочую встречу с губернатором области Сергеем Донским.

С.Донской: Уважаемый господин президент! Разрешите коротко доложить о ситуации в регионе.

Мы завершили строительство двух больниц и школы. Наша задача — закончить дорогу к осени.

Кроме того, мы вдвое увеличили выпуск сельхозпродукции.

В.Путин: Хорошо. А что с жильем для молодых семей?

С.Донской: Программа работает, в этом году мы выдали около трехсот сертификатов.
"""


def test_transcript_turn_continues_over_unlabelled_paragraphs():
    rows = direct(TRANSCRIPT)
    texts = [r[0] for r in rows]
    assert texts[0].startswith("Уважаемый господин президент!")
    assert "Мы завершили строительство двух больниц и школы. Наша задача — закончить дорогу к осени." in texts
    assert "Кроме того, мы вдвое увеличили выпуск сельхозпродукции." in texts
    first = next(r for r in rows if r[0].startswith("Уважаемый"))
    parts = [r for r in rows if r[3] is not None and r[3] == rows.index(first)]
    assert len(parts) == 3 and all(r[1] == "Сергей Донской" for r in parts)


def test_transcript_turns_of_two_speakers_stay_apart():
    rows = direct(TRANSCRIPT)
    other = next(r for r in rows if r[0].startswith("Хорошо."))
    assert other[1] != "Сергей Донской"
    assert rows[-1][0].startswith("Программа работает") and rows[-1][1] == "Сергей Донской"


def test_transcript_label_with_a_role_in_brackets():
    t = (
        "Итоги года\n\nАнна Смирнова (директор фонда): Мы помогли почти тысяче семей.\n\n"
        "Игорь Белов (волонтер): Я пришел в фонд два года назад."
    )
    rows = direct(t)
    assert [(r[0], r[1]) for r in rows] == [
        ("Мы помогли почти тысяче семей.", "Анна Смирнова"),
        ("Я пришел в фонд два года назад.", "Игорь Белов"),
    ]


def test_transcript_labels_with_an_affiliation_and_a_role_alone():
    # "Name, «Company»:" labels its speaker as a bracketed role does; "Губернатор:" is the governor named in
    # the transcript; a woman's -ова surname the dictionary reads only as a genitive is still her nominative
    t = (
        "Брифинг\n\nПавел Зорин (губернатор края): Паводок прошел пик.\n\n"
        "Лидия Жмурова, «Краевые электросети»: Свет вернем к утру.\n\n"
        "Губернатор: Эвакуацию пока не отменяем."
    )
    rows = direct(t)
    assert [(r[0], r[1]) for r in rows] == [
        ("Паводок прошел пик.", "Павел Зорин"),
        ("Свет вернем к утру.", "Лидия Жмурова"),
        ("Эвакуацию пока не отменяем.", "Павел Зорин"),
    ]


def test_a_role_label_of_a_few_words_is_the_role_holders_turn():
    t = (
        "Брифинг\n\nПавел Зорин (глава района): Паводок прошел пик.\n\n"
        "Лидия Жмурова (директор электросетей): Свет вернем к утру.\n\n"
        "Глава района: Эвакуацию пока не отменяем."
    )
    rows = direct(t)
    assert rows[-1][:2] == ("Эвакуацию пока не отменяем.", "Павел Зорин")


COURT = (
    "Суд начал рассматривать дело о растрате\n\n"
    "Районный суд начал рассматривать дело бывшего директора предприятия Олега Смородина. Председательствует "
    "судья Марина Колесникова, обвинение поддерживает прокурор Денис Ушаков.\n\n"
    "Судья: Подсудимый, вам понятно обвинение?\n\n"
    "Смородин: Понятно, ваша честь. Вину я не признаю.\n\n"
    "Прокурор: Прошу приобщить к делу заключение экспертизы.\n\n"
    "Адвокат: Защита возражает.\n\n"
    "Судья: Ходатайство удовлетворено."
)


def test_a_surname_label_the_dictionary_reads_as_a_common_word_is_the_person_the_intro_names():
    # "смородин" is the genitive plural of "смородина"; the intro gives "Олега Смородина" after a first name
    rows = {r[0]: r[1] for r in direct(COURT)}
    assert rows["Понятно, ваша честь. Вину я не признаю."] == "Олег Смородин"


def test_court_role_labels_are_the_holders_the_intro_names_and_an_unnamed_role_abstains():
    rows = {r[0]: r[1] for r in direct(COURT)}
    assert rows["Подсудимый, вам понятно обвинение?"] == "Марина Колесникова"
    assert rows["Прошу приобщить к делу заключение экспертизы."] == "Денис Ушаков"
    assert rows["Ходатайство удовлетворено."] == "Марина Колесникова"
    # no lawyer is named: "Адвокат:" is not the nearest person (the prosecutor), it stays the role
    assert rows["Защита возражает."] not in ("Денис Ушаков", "Олег Смородин", "Марина Колесникова")


def test_the_defence_counsel_label_is_the_person_the_report_calls_defender():
    t = COURT + "\n\nЗащитник подсудимого Ирина Белова после заседания пообещала добиваться новой экспертизы."
    rows = {r[0]: r[1] for r in direct(t)}
    assert rows["Защита возражает."] == "Ирина Белова"


def test_a_namesake_of_unknown_gender_is_the_one_the_verb_leaves():
    # Юми (a name the dictionary lacks) and her father Кэн Сато: "сказала Сато" is not him
    t = (
        "Выборы\n\nЮми Сато победила на выборах мэра. Её отец Кэн Сато поздравил дочь.\n\n"
        "«Это победа всех жителей», — сказала Сато."
    )
    assert speakers_of(t)["Это победа всех жителей"] == "Юми Сато"


def test_a_role_label_outside_a_transcript_is_no_turn():
    # a match report's "Судья: …" line names the referee; nobody speaks
    t = "Матч\n\n«Волга» победила 2:1. Голы: Сизов, 12; Ким, 60.\n\nСудья: Павел Рогов (Самара)."
    assert direct(t) == []


def test_an_outlet_label_is_not_a_continuation_of_the_answer():
    t = (
        "Интервью\n\nИван Орлов: Да, мы подписали договор.\n\nГолос Америки: А что дальше?\n\n"
        "Иван Орлов: Дальше мы начнем стройку.\n\nЛюдмила Орлова: Я тоже так думаю."
    )
    texts = [r[0] for r in direct(t)]
    assert "Голос Америки: А что дальше?" not in texts and "А что дальше?" not in texts


def test_authorial_paragraph_without_first_person_ends_a_lone_turn():
    t = "Совещание\n\nИ.Петров: Мы готовы к зиме.\n\nСовещание продолжилось докладом министра энергетики."
    texts = [r[0] for r in direct(t)]
    assert texts == ["Мы готовы к зиме."]


# --- interviews -------------------------------------------------------------------------------------------

INTERVIEW = """«Мы не отступим»

Директор театра Марина Колесова — о новом сезоне и ремонте здания. Корреспондент Петр Ильин поговорил с Мариной Колесовой.

— Почему ремонт затянулся?

— Подрядчик сорвал сроки. Я писала жалобы в министерство, но ответа не получила.

Мы все равно откроем сезон в срок, пусть и на малой сцене.

— Что покажете первым?

— Премьеру молодого режиссера. Мне кажется, это будет событие.

Фотографии с репетиции

— А зрители придут?

— Уверена, что придут. Билеты уже проданы.
"""  # noqa: E501 - a paragraph of a dispatch is one line


def test_interview_answers_belong_to_the_interviewee():
    rows = direct(INTERVIEW)[1:]  # the first is the headline, a marked quote of its own
    answers = [r for r in rows if not r[2]]
    assert answers and all(r[1] == "Марина Колесова" for r in answers)
    assert any(r[0].startswith("Мы все равно откроем сезон") for r in answers)  # the continuation paragraph


def test_interview_questions_are_the_interviewers_and_flagged():
    rows = direct(INTERVIEW)
    questions = [r for r in rows if r[2]]
    assert [r[0] for r in questions] == ["Почему ремонт затянулся?", "Что покажете первым?", "А зрители придут?"]
    assert all(r[1] == "Петр Ильин" for r in questions)


def test_interview_caption_is_nobodys_words():
    assert all(r[0] != "Фотографии с репетиции" for r in direct(INTERVIEW))


def test_answer_and_its_continuation_are_one_statement():
    rows = direct(INTERVIEW)
    first = next(i for i, r in enumerate(rows) if r[0].startswith("Подрядчик"))
    cont = next(r for r in rows if r[0].startswith("Мы все равно"))
    assert rows[first][3] == first and cont[3] == first


# --- colon blocks -----------------------------------------------------------------------------------------


def test_colon_block_after_a_speech_verb():
    t = (
        "Заявление\n\nВыступая на форуме, министр промышленности Олег Громов заявил:\n\n"
        "Мы не будем повышать налоги для малого бизнеса в ближайшие три года."
    )
    rows = direct(t)
    assert rows and rows[0][0] == "Мы не будем повышать налоги для малого бизнеса в ближайшие три года."
    assert rows[0][1] == "Олег Громов"


# --- attribution by shape -----------------------------------------------------------------------------


def test_any_finite_verb_attributes_after_dash():
    t = "Турнир\n\n«Это была самая трудная партия в моей жизни», — описала впечатления шахматистка Алина Серова."
    assert direct(t)[0][:2] == ("Это была самая трудная партия в моей жизни", "Алина Серова")


# --- who is the speaker ---------------------------------------------------------------------------------


def test_cue_gender_picks_the_namesake():
    t = (
        "Суд\n\nВиктор Бут и его жена Алла Бут встретились в тюрьме.\n\n"
        "«Свидание длилось три часа», — рассказала Бут журналистам."
    )
    assert speakers_of(t)["Свидание длилось три часа"] == "Алла Бут"


def test_two_namesakes_and_no_gender_cue_abstain():
    t = "Дело\n\nСергей Лунев и его брат Антон Лунев выступили в суде.\n\nПо словам Лунева, обвинение не доказано."
    d = analyze(t)
    (q,) = [q for q in d.quotes if q.kind == "reported"]
    assert q.speaker is None and q.speaker_span is not None  # the mention stays, the name does not


def test_aide_of_a_person_is_not_that_person():
    t = (
        "Визит\n\nГоссекретарь Хиллари Клинтон прибыла в Белград.\n\n"
        "Помощник Хиллари Клинтон заявил, что визит продлится два дня."
    )
    d = analyze(t)
    (q,) = [q for q in d.quotes if q.kind == "reported"]
    assert q.speaker != "Хиллари Клинтон"


def test_press_office_of_a_person_is_an_organization():
    t = (
        "Чечня\n\nРамзан Кадыров провел совещание.\n\n"
        "Пресс-служба Кадырова заявила, что совещание было посвящено бюджету."
    )
    d = analyze(t)
    (q,) = [q for q in d.quotes if q.kind == "reported"]
    assert q.speaker != "Рамзан Кадыров"
    assert q.speaker is None or d.speaker(q.speaker).kind == "organization"


def test_role_in_genitive_apposition_keeps_the_name():
    t = "Регион\n\nПо словам свердловского губернатора Александра Мишарина, бюджет области выполнен полностью."
    d = analyze(t)
    (q,) = [q for q in d.quotes if q.kind == "reported"]
    assert q.speaker == "Александр Мишарин"


def test_name_after_a_list_of_roles():
    t = (
        "Кино\n\nАктер Иван Дронов поддержал коллег.\n\n"
        "«Это смелое решение», — заявил актер, продюсер и режиссер Петр Ланской."
    )
    assert speakers_of(t)["Это смелое решение"] == "Петр Ланской"


def test_every_statement_says_why_its_speaker_was_chosen():
    d = analyze("Новости\n\n«Мы готовы», — сказал министр Олег Дымов.")
    assert all(q.reason for q in d.quotes)


# --- a quote that is a paragraph of its own -----------------------------------------------------------------


def test_paragraph_quote_continues_the_speaker_of_the_paragraph_before():
    t = (
        "Матч\n\nИгра закончилась вничью.\n\nВетеран сборной Олег Ракитин уверен, что тренер опоздал с заменами.\n\n"
        "«Пусть на меня не обижаются болельщики, но второй тайм мы просто проспали».\n\nСледующий матч — в среду."
    )
    assert speakers_of(t)["Пусть на меня не обижаются болельщики, но второй тайм мы просто проспали"] == "Олег Ракитин"


def test_paragraph_quote_attributed_by_the_next_paragraph():
    t = (
        "Инаугурация\n\nЦеремония прошла в Грозном.\n\n"
        "«Изменений у нас не будет. Мы будем работать, как и прежде».\n\n"
        "заявил после церемонии Ислам Хасанов. Гости поздравили его."
    )
    assert speakers_of(t)["Изменений у нас не будет. Мы будем работать, как и прежде"] == "Ислам Хасанов"


def test_paragraph_quote_with_a_signature_line():
    t = (
        "Проверка\n\nПроверка завершилась в пятницу.\n\n«Токсичных веществ в реке не обнаружено».\n\n"
        "— Татьяна Рощина, заместитель начальника пресс-службы МЧС\n\nЖители с этим не согласны."
    )
    assert speakers_of(t)["Токсичных веществ в реке не обнаружено"] == "Татьяна Рощина"


def test_paragraph_quote_after_two_speakers_stays_unattributed():
    t = (
        "Спор\n\nМэр Иван Лосев и депутат Павел Крот поспорили о бюджете. «Денег нет», — сказал Лосев. "
        "«Деньги есть», — ответил Крот.\n\n«Вопрос решат в суде».\n\nСуд назначен на май."
    )
    assert speakers_of(t)["Вопрос решат в суде"] is None


def test_a_namesake_named_only_later_is_not_the_speaker():
    t = (
        "Библиотека\n\nСупруги Николай и Галина Ветровы открыли библиотеку.\n\n"
        "Ветров уточнил, что книги принесли соседи.\n\nИх сын Артем Ветров сделал для библиотеки сайт."
    )
    d = analyze(t)
    (q,) = [q for q in d.quotes if q.kind == "reported" and "соседи" in d.text[q.start : q.end]]
    assert q.speaker != "Артем Ветров"


def test_the_surname_form_tells_the_namesake():
    t = (
        "Суд\n\nВиктор Бут и его жена Алла Бут встретились в тюрьме. Адвокат Олег Ветров и его жена Анна Ветрова "
        "пришли тоже.\n\nПо словам Ветровой, встреча длилась три часа."
    )
    d = analyze(t)
    (q,) = [q for q in d.quotes if q.kind == "reported"]
    assert q.speaker == "Анна Ветрова"


def test_interview_intro_with_an_addressee():
    t = (
        "Заповедник\n\nДиректор заповедника Павел Ершов рассказал корреспонденту «Интерфакса» Анне Зуевой, "
        "почему туристов будут пускать по записи.\n\n— Павел Сергеевич, почему по записи?\n\n"
        "— Потому что иначе мы потеряем долину.\n\n— А медведи?\n\n— Медведи перестали бояться людей."
    )
    rows = direct(t)
    answers = [r for r in rows if not r[2]]
    assert [r[1] for r in answers] == ["Павел Ершов", "Павел Ершов"]
    assert all(r[1] == "Анна Зуева" for r in rows if r[2])


@pytest.mark.parametrize(
    "intro",
    [
        # the interviewee as an object pronoun: not the subject of its own clause, but the person before
        "Главный врач больницы Олег Сивцов уходит на пенсию. Корреспондент ТАСС Нина Жукова поговорила с ним "
        "о тридцати годах работы.",
        # the interviewee as the direct object of "расспросить"
        "Главный врач больницы Олег Сивцов уходит на пенсию. Обозреватель Нина Жукова расспросила его о планах.",
    ],
)
def test_interview_intro_with_an_object_pronoun(intro):
    t = (
        f"Врач\n\n{intro}\n\n— Олег Петрович, о чем жалеете?\n\n— Ни о чем. Я делал, что мог.\n\n"
        "— А что дальше?\n\n— Дача и внуки."
    )
    rows = direct(t)
    assert [r[1] for r in rows if not r[2]] == ["Олег Сивцов", "Олег Сивцов"]
    assert all(r[1] == "Нина Жукова" for r in rows if r[2])


def test_outlet_labelled_questions_and_unlabelled_answers():
    t = (
        "Путина\n\nГлава агентства Аркадий Мельников рассказал агентству «Интерфакс» о прогнозе вылова.\n\n"
        "Интерфакс: Какой прогноз вылова на этот год?\n\nУченые прогнозируют вылов на уровне прошлого года.\n\n"
        "Интерфакс: Цены вырастут?\n\nРезкого роста я не жду.\n\nМы обсуждаем льготные тарифы с перевозчиками."
    )
    rows = direct(t)
    assert [r[0] for r in rows] == [
        "Ученые прогнозируют вылов на уровне прошлого года.",
        "Резкого роста я не жду.",
        "Мы обсуждаем льготные тарифы с перевозчиками.",
    ]
    assert all(r[1] == "Аркадий Мельников" for r in rows)


def test_a_name_closing_a_role_mention_is_the_speaker():
    t = (
        "Ледокол\n\nЛедокол вернулся в порт.\n\n"
        "«Было непросто, но экипаж сработал отлично», — сказал капитан ледокола Сергей Бахметьев."
    )
    assert speakers_of(t)["Было непросто, но экипаж сработал отлично"] == "Сергей Бахметьев"


def test_an_unmarked_label_headline_is_no_quote():
    t = "Песков: Кремль не видит угрозы в учениях\n\nПресс-секретарь президента ответил на вопросы журналистов."
    assert direct(t) == []


# --- rules of this stop (invented sentences) ------------------------------------------------------------


def test_any_finite_verb_between_dashes_attributes_a_dialogue_line():
    # "— …, — смеется Дарья. — …": the author's words between dashes, whatever their verb
    t = (
        "Пекари\n\nВ пекарне работают супруги Антон и Дарья Левченко.\n\n"
        "— Мы переехали сюда ради этой работы, — смеется Дарья. — Родители сначала крутили пальцем у виска."
    )
    assert speakers_of(t) == {
        "Мы переехали сюда ради этой работы": "Дарья Левченко",
        "Родители сначала крутили пальцем у виска.": "Дарья Левченко",
    }


def test_headline_quote_then_colon_and_the_speaker():
    # «…»: капитан порта — о сезоне: the headline form, the speaker after the colon (a role, resolved)
    t = (
        "«Море не прощает ошибок»: капитан порта — о летнем сезоне\n\n"
        "Капитан порта Новоморск Игорь Лаптев рассказал о том, как прошел сезон.\n"
    )
    assert speakers_of(t) == {"Море не прощает ошибок": "Игорь Лаптев"}
    # a thing after the colon is no speaker
    t = "Совещание\n\n«Нам нужно больше денег»: эта фраза звучит на каждом совещании.\n"
    assert all(s is None for s in speakers_of(t).values())


def test_quoting_verb_with_an_indeclinable_object_before_the_medium():
    # "— цитирует Мори газета": the one quoted stands first, whatever the dictionary reads "Мори" as (a verb)
    t = (
        "Спасение\n\nЛечащий врач Франческа Мори рассказала о пострадавших.\n\n"
        "«Он держался молодцом», — цитирует Мори швейцарская газета Le Nouvelliste."
    )
    assert speakers_of(t)["Он держался молодцом"] == "Франческа Мори"


def test_addressee_in_the_dative_with_its_name_is_skipped():
    # "сказал агентству Интерфакс директор …": the addressee, then the speaker
    t = "Дорога\n\n«Главное — сроки», — сказал агентству Интерфакс директор института Фам Куок Зунг."
    assert speakers_of(t)["Главное — сроки"] == "Фам Куок Зунг"
    t = "Мэрия\n\n«Все решено», — сообщил газете «Вести» мэр Иван Попов."
    assert speakers_of(t)["Все решено"] == "Иван Попов"


def test_pronoun_after_a_french_womans_name():
    # "Анн Бергер поблагодарила …": she, not the woman who spoke before
    t = (
        "Спасение\n\nЛечащий врач Франческа Мори рассказала журналистам, что жизни туриста ничего не угрожает. "
        "«Он держался молодцом», — цитирует Мори газета.\n\n"
        "Его жена Анн Бергер поблагодарила спасателей. «Я не думала, что снова увижу мужа», — написала она."
    )
    assert speakers_of(t)["Я не думала, что снова увижу мужа"] == "Анн Бергер"


def test_question_opening_with_a_name_is_answered_by_that_person():
    # a press conference of two: "— Сергей Викторович, …?" is answered by the coach, "— Артем, …?" by the captain
    t = (
        "Пресс-конференция\n\nПосле матча главный тренер «Торпедо» Сергей Ладыгин и капитан команды Артем Зуев "
        "ответили на вопросы журналистов.\n\n— Сергей Викторович, что пошло не так во втором тайме?\n\n"
        "— Мы потеряли концентрацию.\n\n— Артем, как вы оцениваете свою игру?\n\n— Плохо. Я должен был забивать."
    )
    got = speakers_of(t)
    assert got["Мы потеряли концентрацию."] == "Сергей Ладыгин"
    assert got["Плохо. Я должен был забивать."] == "Артем Зуев"


def test_label_of_a_surname_the_dictionary_reads_as_a_short_adjective():
    # "Сомова (КПРФ):" labels a turn although the dictionary knows "сомова" only as a short adjective
    t = (
        "Дебаты\n\nДепутаты обсудили бюджет. Спикер Андрей Клюев открыл заседание.\n\n"
        "Клюев: Слово предоставляется депутату Ирине Сомовой.\n\n"
        "Сомова (КПРФ): Бюджет не учитывает расходы на село. Мы будем голосовать против.\n\n"
        "Клюев: Спасибо, коллега.\n"
    )
    assert speakers_of(t)["Бюджет не учитывает расходы на село. Мы будем голосовать против."] == "Ирина Сомова"


INTERVIEW_UNDER_A_QUOTE = """«Ледник отступает быстрее, чем мы думали»

Обозреватель РИА Новости Павел Угрюмов поговорил с гляциологом Еленой Сомовой о ее экспедиции.

— Елена Викторовна, что вы увидели на леднике?

— Мы увидели воду там, где раньше был лед.

— Что было самым трудным?

— Погода. Пять дней мы не могли выйти из палатки.

Гастрольный план экспедиции, по словам Сомовой, расписан до весны.

— Когда следующая экспедиция?

— Летом, если найдем деньги.
"""


def test_quoted_headline_of_an_interview_is_the_interviewees():
    # a bare quoted headline over an interview: the interviewee's words, as the intro names her
    assert speakers_of(INTERVIEW_UNDER_A_QUOTE)["Ледник отступает быстрее, чем мы думали"] == "Елена Сомова"


def test_paragraph_reporting_the_interviewee_is_the_authors():
    # "…, по словам Сомовой, …" after an answer: the author reports her words, the answer does not go on
    d = analyze(INTERVIEW_UNDER_A_QUOTE)
    (q,) = [q for q in d.quotes if "по словам" in d.text[q.start : q.end] or "расписан" in d.text[q.start : q.end]]
    assert q.kind == "reported" and q.speaker == "Елена Сомова"


def test_capitalized_word_right_after_the_cue_is_the_speaker():
    # "— сказал Туре журналистам": the dictionary reads "Туре" as "тур", but no common noun is capitalized there
    t = "Суд\n\nПрокурор Мамаду Туре заявил, что обжалует приговор. «Экспертиза однозначна», — сказал Туре журналистам."
    assert speakers_of(t)["Экспертиза однозначна"] == "Мамаду Туре"


def test_japanese_given_name_in_ko_is_a_womans():
    # Митико (-ко, "child") is a woman: "сказала она" after she is named in the instrumental
    t = (
        "Визит\n\nМинистр Хироси Танабэ прибыл в Ханой. Вечером министр Нгуен Ван Хунг встретился с супругой "
        "японского министра Митико Танабэ. «Наши страны связывает не только торговля», — сказала она."
    )
    assert speakers_of(t)["Наши страны связывает не только торговля"] == "Митико Танабэ"


def test_country_adjective_matches_a_role_with_coordinated_genitives():
    # "министр экономики, торговли и промышленности Японии" is the role; "японский министр" names him
    t = (
        "Переговоры\n\nМинистр экономики, торговли и промышленности Японии Хироси Танабэ и министр коммерции "
        "Вьетнама Нгуен Ван Хунг подписали меморандум.\n\n"
        "«Япония не может больше ждать», — добавил японский министр."
    )
    assert speakers_of(t)["Япония не может больше ждать"] == "Хироси Танабэ"


def test_role_of_two_people_goes_to_the_one_whose_statement_comes_before():
    # two ministers; "Кабу заявил, что … ¶ «…», — сказал министр": the one who was just speaking
    t = (
        "Форум\n\nНа форуме выступили министр сельского хозяйства Кении Сэмюэл Нгуги и министр торговли Того "
        "Кофи Кабу.\n\nВ своем выступлении Нгуги заявил, что биржам следует ограничить спекуляции.\n\n"
        "«Фермер получает меньше, чем трейдер зарабатывает за минуту», — сказал министр."
    )
    assert speakers_of(t)["Фермер получает меньше, чем трейдер зарабатывает за минуту"] == "Сэмюэл Нгуги"


def test_country_adjective_of_an_abbreviated_country():
    # "китайский министр" is the "министр коммерции КНР": the adjective's country written as an abbreviation
    t = (
        "Переговоры\n\nМинистр коммерции КНР Лю Цзяньпин и министр торговли Вьетнама Нгуен Ван Хунг подписали "
        "меморандум.\n\n«Детали еще предстоит обсудить», — сказал китайский министр."
    )
    assert speakers_of(t)["Детали еще предстоит обсудить"] == "Лю Цзяньпин"


def test_a_role_with_a_po_complement_tells_the_committee_head_from_the_chamber_head():
    # "председатель комитета по охране здоровья" is a role ("по" + dative is its complement): "глава
    # комитета" is that committee's chairman, not the chairman of the Duma
    t = (
        "Бюджет\n\nПервым выступил председатель комитета по охране здоровья Андрей Кудрин.\n\n"
        "Председатель Госдумы Виктор Арсеньев призвал коллег к сдержанности.\n\n"
        "«Ни одно предложение не останется без ответа», — заверил глава комитета."
    )
    assert speakers_of(t)["Ни одно предложение не останется без ответа"] == "Андрей Кудрин"


def test_a_second_apposition_between_the_role_and_the_name():
    # "руководитель работы, заведующий лабораторией … Константин Лаврентьев": two roles, then the name
    t = (
        "Бактерия\n\n«Бактерия работает в холоде», — рассказал руководитель работы, заведующий лабораторией "
        "экологической микробиологии Константин Лаврентьев."
    )
    assert speakers_of(t)["Бактерия работает в холоде"] == "Константин Лаврентьев"


def test_of_two_namesakes_the_one_the_paragraph_just_named():
    t = (
        "Отчетность\n\n«Мы собрали рекордный урожай», — сказал гендиректор холдинга Андрей Кулагин.\n\n"
        "С ним согласен аналитик банка Дмитрий Кулагин (не родственник главы компании). «Рынок уже заложил "
        "урожай в котировки», — отметил Кулагин."
    )
    assert speakers_of(t)["Рынок уже заложил урожай в котировки"] == "Дмитрий Кулагин"


def test_a_general_director_is_the_head_of_the_company():
    # the role's head is its noun ("генеральный директор" is a director): "глава компании" names him, not
    # the analyst the paragraph before named
    t = (
        "Облигации\n\n«Мы собрали рекордный урожай», — сказал генеральный директор холдинга Андрей Кулагин.\n\n"
        "Аналитик банка Дмитрий Сорокин считает, что рост разовый.\n\n"
        "Тогда глава компании заявил, что средства пойдут на рефинансирование кредитов."
    )
    assert speakers_of(t)["средства пойдут на рефинансирование кредитов"] == "Андрей Кулагин"


def test_a_bare_woman_after_the_verb_is_the_woman_just_spoken_of():
    t = "Деревня\n\nСоседка Людмила Кротова пекла пироги. «Сегодня у них беда, завтра у нас», — сказала женщина."
    assert speakers_of(t)["Сегодня у них беда, завтра у нас"] == "Людмила Кротова"


def test_the_anaphor_vedomstvo_is_the_state_body_not_the_quoted_company():
    # a company's name is written in quotation marks, a state body's is not: "ведомство" is ФАС
    t = (
        "Сделка\n\nВ ФАС сообщили, что одобрили покупку оператором «Сибтелеком» акций компании «Енисей-Связь». "
        "В «Енисей-Связи» сообщили, что акционеры уже одобрили сделку.\n\n"
        "Как говорится в сообщении ведомства, предписание будет действовать три года."
    )
    assert speakers_of(t)["предписание будет действовать три года"] == "ФАС"


def test_a_form_of_address_takes_the_surname_of_a_name_written_surname_first():
    # "Мацумото Кэндзи … господин Мацумото": the name is written surname first, "господин" names him
    t = (
        "Бури\n\nЯпонию представлял директор департамента атмосферы Мацумото Кэндзи. «Сейчас у нас есть "
        "шесть часов», — пояснил господин Мацумото."
    )
    assert speakers_of(t)["Сейчас у нас есть шесть часов"] == "Мацумото Кэндзи"


def test_a_surname_that_reads_as_a_particle_after_the_verb():
    # "— добавил Ли": a capitalized "Ли" right after the cue is the surname, not the particle "ли"
    t = (
        "Датчики\n\nЕе президент Ли Мин Чжон сообщил, что датчики установят до конца года. «Для нас это шанс», "
        "— добавил Ли."
    )
    assert speakers_of(t)["Для нас это шанс"] == "Ли Мин Чжон"


def test_an_arabic_name_is_named_by_its_last_part_with_its_article():
    # "шейха Халида ибн Саида аль-Хашими … — сказал журналистам аль-Хашими"
    t = (
        "Скачки\n\nПобедил скакун из конюшни шейха Халида ибн Саида аль-Хашими.\n\n"
        "«Для нас это великий день», — сказал журналистам аль-Хашими."
    )
    assert speakers_of(t)["Для нас это великий день"] == "Халид ибн Саид аль-Хашими"


def test_a_bare_source_noun_right_after_a_named_persons_statement_is_that_person():
    t = (
        "Матч\n\nНаставник гостей Олег Сурмин недоволен. Он считает, что судья не назначил пенальти. «Я не хочу "
        "говорить про судейство», — сказал специалист."
    )
    assert speakers_of(t)["Я не хочу говорить про судейство"] == "Олег Сурмин"


def test_an_anonymous_source_noun_is_never_the_person_just_quoted():
    t = (
        "Переговоры\n\nМинистр Олег Сурмин считает, что соглашение будет подписано. «Это технический вопрос», "
        "— сказал источник."
    )
    assert speakers_of(t)["Это технический вопрос"] != "Олег Сурмин"


def test_a_second_role_with_a_quoted_name_and_an_adverb_before_the_name():
    t = (
        "Закон\n\nПредседатель заксобрания Евгений Кравцов открыл обсуждение.\n\n"
        "Автор законопроекта, руководитель фракции «Народный выбор» Анатолий Рябинин, напомнил, что число "
        "отравлений выросло.\n\n"
        "Его ученица, ныне заведующая тем же отделением Ольга Трофимова, вспоминает, что врач никогда не "
        "повышал голос."
    )
    got = speakers_of(t)
    assert got["число отравлений выросло"] == "Анатолий Рябинин"
    assert got["врач никогда не повышал голос"] == "Ольга Трофимова"


def test_a_name_in_another_case_after_the_role_is_someone_else():
    # "По словам консула, туристке Ольге Рыбаковой …": a genitive role, a dative name — not the consul
    t = (
        "ДТП\n\nКак сообщил генеральный консул России Андрей Шубин, среди пострадавших две россиянки.\n\n"
        "По словам консула, госпитализированной туристке Ольге Рыбаковой в среду сделали операцию."
    )
    assert speakers_of(t)["госпитализированной туристке Ольге Рыбаковой в среду сделали операцию"] == "Андрей Шубин"


def test_an_organization_anaphor_is_the_one_introduced_with_that_noun_unless_the_paragraph_names_another():
    t = (
        "Отчет\n\nАкции горнодобывающей компании «Полюс-Металл» подешевели на 6%.\n\n"
        "Ее коллега из «БКС Мир инвестиций» Павел Ермолаев считает, что акции недооценены.\n\n"
        "В компании также сообщили, что совет директоров рекомендует дивиденды."
    )
    assert speakers_of(t)["совет директоров рекомендует дивиденды"] == "Полюс-Металл"


def test_a_two_word_clause_after_po_mneniyu_with_its_holder():
    t = "Рынок\n\nАналитик Павел Ермолаев придерживается другого мнения. По его мнению, акции недооценены."
    assert speakers_of(t)["акции недооценены"] == "Павел Ермолаев"


OBITUARY = (
    "Некролог\n\nНародная артистка Лидия Званцева скончалась. Об этом сообщила её дочь Ольга Званцева.\n\n"
    "«Мама ушла тихо», — сказала Ольга Званцева ТАСС.\n\n"
    "Сама актриса не любила говорить о славе. В интервью журналу «Театральная жизнь» она говорила: «Слава — это "
    "когда тебя узнают в булочной».\n\n"
    "Десять лет спустя Званцева признавалась, что перед спектаклем всегда волнуется."
)


def test_a_pronoun_after_adverbials_continues_the_role_subject_before_it():
    # "Сама актриса …. В интервью журналу «…» она говорила": "она" is the actress, not the daughter named
    # before — the role fits neither named woman's role given, so the quote abstains rather than guess
    assert speakers_of(OBITUARY)["Слава — это когда тебя узнают в булочной"] != "Ольга Званцева"


def test_a_lone_surname_of_two_women_named_in_full_is_neither():
    # "Званцева" after Лидия and Ольга Званцева: either of them; and "Званцева ТАСС" introduces no organization
    got = speakers_of(OBITUARY)["перед спектаклем всегда волнуется"]
    assert got not in ("Ольга Званцева", "ТАСС")


def test_a_form_of_address_picks_the_namesake_of_its_gender_and_names_a_vietnamese_by_his_last_name():
    t = (
        "Форум\n\nКитайскую делегацию возглавлял заместитель министра коммерции КНР Ван Цзяньго.\n\n"
        "На форуме выступила и председатель торговой палаты округа Ван Лимэй — однофамилица замминистра. "
        "Госпожа Ван заявила, что режим стоит распространить на морепродукты.\n\n"
        "Заместитель министра Вьетнама Фам Тхань Лонг поддержал идею. Господин Лонг заявил, что Вьетнам "
        "изучит это предложение."
    )
    got = speakers_of(t)
    assert got["режим стоит распространить на морепродукты"] == "Ван Лимэй"
    assert got["Вьетнам изучит это предложение"] == "Фам Тхань Лонг"


def test_the_first_roles_complement_before_a_second_role_and_the_name():
    # "Партнёр Званцевой по многим спектаклям, народный артист Геннадий Ромашов, рассказал": not the person named
    # in the paragraph before
    t = (
        "Некролог\n\nХудожественный руководитель театра Борис Ланской назвал её уход концом эпохи.\n\n"
        "Партнёр Званцевой по многим спектаклям, народный артист Геннадий Ромашов, рассказал, что актриса "
        "приходила на все премьеры."
    )
    assert speakers_of(t)["актриса приходила на все премьеры"] == "Геннадий Ромашов"


def test_a_pronoun_after_a_sentence_about_one_person_in_the_dative_is_that_person():
    # "Фёдору Ивановичу восемьдесят три года. Он признаётся, что …": the sentence is about him, though the last
    # subject named was his grandson
    t = (
        "Мотоцикл\n\nБратья Матвей и Макар Кудрины восстановили мотоцикл, на котором их дед Фёдор Иванович Кудрин "
        "ездил на свидания.\n\n"
        "— Мы даже ни разу не поругались, — смеётся Макар.\n\n"
        "Фёдору Ивановичу восемьдесят три года. Он признаётся, что не верил в затею внуков."
    )
    assert speakers_of(t)["не верил в затею внуков"] == "Фёдор Иванович Кудрин"


def test_a_pronoun_after_a_sentence_with_a_role_subject_is_not_the_named_object():
    # "Петрову позвонил министр. Он сказал, что …": the subject is the minister, not Петров
    t = (
        "Звонок\n\nМинистр финансов Олег Дымов провел совещание.\n\n"
        "Губернатору Ивану Петрову позвонил министр. Он сказал, что деньги уже выделены."
    )
    assert speakers_of(t)["деньги уже выделены"] != "Иван Петров"


def test_a_role_mention_holding_a_name_scores_by_its_role_and_never_falls_to_the_nearest_person():
    # "Прокурор Мамаду Туре уже заявил": the prosecutor, not the gallery owner named before
    t = (
        "Суд\n\nГалерист Франсуа Дюпре получил два года условно.\n\n"
        "Прокурор Мамаду Туре уже заявил, что обжалует приговор суда."
    )
    assert speakers_of(t)["обжалует приговор суда"] == "Мамаду Туре"


def test_a_short_surname_label_is_the_person_the_text_names_with_it():
    from dispatchtui.analysis import analyze

    text = (
        "Суд\n\nБизнесмен Виктор Пак, обвиняемый в мошенничестве, выступил в суде. "
        "Обвинение поддерживает прокурор Олег Сычёв.\n\n"
        "Прокурор: Прошу приобщить к делу справку о банкротстве.\n\n"
        "Пак: Эта справка подложная."
    )
    got = [(text[q.start : q.end], q.speaker) for q in analyze(text).quotes if q.kind == "full"]
    assert got == [
        ("Прошу приобщить к делу справку о банкротстве.", "Олег Сычёв"),
        ("Эта справка подложная.", "Виктор Пак"),
    ]


def test_a_role_label_no_one_holds_is_the_person_the_introduction_gives_that_role():
    from dispatchtui.analysis import analyze

    text = (
        "Суд\n\nОбвинение поддерживает прокурор Наталья Гаврилюк.\n\n"
        "Главным событием дня стал допрос бывшего бухгалтера компании Веры Ткачук. "
        "В суде свидетельница заговорила иначе.\n\n"
        "Гаврилюк: Вы подтверждаете показания?\n\n"
        "Свидетель: Не полностью. Тогда я подписала бы что угодно."
    )
    got = [q.speaker for q in analyze(text).quotes if q.kind == "full"]
    assert got == ["Наталья Гаврилюк", "Вера Ткачук"]


def test_a_first_name_tells_the_gender_better_than_surname_labels():
    from dispatchtui.analysis import analyze

    text = (
        "Суд\n\nОбвинение поддерживает прокурор Наталья Гаврилюк.\n\n"
        "Гаврилюк: Вы подтверждаете показания?\n\nГаврилюк: На вас оказывали давление?"
    )
    (e,) = [s for s in analyze(text).speakers if s.name == "Наталья Гаврилюк"]
    from dispatchtui.analysis.people import find_people

    (p,) = [x for x in find_people(text) if x.name == "Наталья Гаврилюк"]
    assert p.gender == "femn" and e.kind == "person"


def test_question_and_answer_labels_are_the_interviewer_and_interviewee_the_intro_names():
    from dispatchtui.analysis import analyze

    text = (
        "Интервью\n\nО сроках стройки корреспондент Интерфакса Денис Аксёнов поговорил с председателем совета "
        "директоров компании Мехметом Озкаем.\n\n"
        "Вопрос: Стройка отстаёт от графика на четыре месяца. Успеете?\n\n"
        "Ответ: Успеем. Каркас корпуса готов, фасад закончим к маю."
    )
    got = [(q.speaker, q.question) for q in analyze(text).quotes if q.kind == "full"]
    assert got == [("Денис Аксёнов", True), ("Мехмет Озкай", False)]


def test_the_interviewee_is_the_subject_that_holds_a_name():
    from dispatchtui.analysis import analyze

    text = (
        "Интервью\n\nМастерская реставрации отмечает сорокалетие. Ее бессменный руководитель Тамара Гогия "
        "рассказала корреспонденту ТАСС Ольге Пименовой о работе.\n\n"
        "— Тамара Шалвовна, сорок лет — это много?\n\n— Для иконы это мгновение.\n\n"
        "— Кто еще вас учил?\n\n— Вера Кузьмина, она начинала еще при Грабаре."
    )
    answers = [q.speaker for q in analyze(text).quotes if q.kind == "full" and not q.question]
    assert answers == ["Тамара Гогия", "Тамара Гогия"]


# --- answers the question or the line itself attributes ---------------------------------------------------

DIALOGUE_BY_NAME = """Новичок «Волны»

Главный тренер «Волны» Драган Петрович в среду представил журналистам нового защитника команды.

— Драган, зачем команде еще один защитник?

— Травмы. У нас выбыли сразу двое.

— Сколько стоил трансфер? — спросил корреспондент.

— Это тайна клуба, — ответил тренер. — Скажу только, что мы уложились в бюджет.
"""


def test_an_unattributed_answer_to_a_question_put_by_first_name_is_that_persons():
    said = speakers_of(DIALOGUE_BY_NAME)
    assert said["Травмы. У нас выбыли сразу двое."] == "Драган Петрович"
    # a question opening with no one's first name tells nothing
    text = DIALOGUE_BY_NAME.replace("— Драган, зачем", "— Скажите, зачем")
    assert speakers_of(text)["Травмы. У нас выбыли сразу двое."] is None


PRESS_CONFERENCE_OF_TWO = """Перед сезоном

Главный тренер «Волны» Драган Петрович и капитан команды Олег Рябцев в пятницу ответили на вопросы журналистов.

— Драган, почему в составе нет Рябцева?

— Он восстанавливается после травмы. Через неделю будет готов.

— Олег, как вы себя чувствуете?

— Уже лучше, спасибо, — ответил капитан. — Колено почти не болит.

— Чего вы ждете от сезона?

— Только побед, — сказал Петрович.

— А болельщики?

— Болельщики ждут того же.
"""


def test_an_interview_of_two_gives_each_answer_to_the_one_addressed_or_named_else_to_no_one():
    said = speakers_of(PRESS_CONFERENCE_OF_TWO)
    assert said["Он восстанавливается после травмы. Через неделю будет готов."] == "Драган Петрович"
    assert said["Уже лучше, спасибо"] == said["Колено почти не болит."] == "Олег Рябцев"
    # the line's own attribution, cut out of the words
    assert said["Только побед"] == "Драган Петрович"
    assert said["Болельщики ждут того же."] is None  # two introduced, none addressed or named


INTERVIEW_WITH_A_DEPUTY = """Мосты и дороги

Корреспондент агентства поговорил с министром транспорта области Иваном Петровым. На встрече был и его
заместитель Олег Рябцев.

— Иван Сергеевич, когда откроют мост?

— В сентябре. Подрядчик уже работает.

— А деньги на ремонт дорог есть?

— Деньги заложены в бюджет, — добавил заместитель министра. — Их хватит на два года.

— Платные трассы будут?

— Пока нет, — развел руками Петров. — Но проект готов.
"""


def test_an_interview_answer_keeps_its_own_attribution_to_someone_else_and_loses_it_from_the_words():
    said = speakers_of(INTERVIEW_WITH_A_DEPUTY)
    assert said["В сентябре. Подрядчик уже работает."] == "Иван Петров"
    assert said["Деньги заложены в бюджет"] == said["Их хватит на два года."] == "Олег Рябцев"
    # the interviewee's own surname in the line: still his, in two parts without "— развел руками Петров. —"
    assert said["Пока нет"] == said["Но проект готов."] == "Иван Петров"


def test_a_compound_abbreviation_is_the_role_it_shortens():
    text = (
        "Юбилей театра\n\nХудожественный руководитель драмтеатра Аркадий Полозов отмечает двадцать лет на посту. "
        "Директор театра Лидия Гончаренко готовит праздник.\n\n«Любимых актеров не бывает», — смеется худрук."
    )
    assert speakers_of(text)["Любимых актеров не бывает"] == "Аркадий Полозов"


ABBREVIATED_LABELS = """Глациолог Лев Мороз: «Ледники Алтая исчезнут к концу века»

Гляциолог Лев Мороз рассказал корреспонденту РИА Новости Дарье Кравец, почему тают ледники.

Корр.: Лев Аркадьевич, насколько быстро отступают ледники?

Л. Мороз: За двадцать лет ледник отступил почти на километр. Это быстрее, чем в Альпах.

Корр.: С чем это связано?

Л. Мороз: Главное — сухость. Снега выпадает мало.

Лаборатория работает с коллегами из Цюриха. Соавтор Урс Бреннер считает, что выводы применимы ко всей Азии.

Корр.: Вы давно были на ледниках?

Мороз: Прошлым летом. Мы поставили там новые датчики.
"""


def test_an_abbreviated_interviewer_label_asks_and_an_authors_paragraph_ends_the_turn():
    said = direct(ABBREVIATED_LABELS)
    by_text = {t: (who, question) for t, who, question, _ in said}
    # "Корр.:" is the correspondent's label, not a paragraph continuing the answer before it
    assert by_text["С чем это связано?"] == ("Дарья Кравец", True)
    assert by_text["Главное — сухость. Снега выпадает мало."] == ("Лев Мороз", False)
    # the author reports a third person between two turns: no one's answer goes on there
    assert not any(t.startswith("Лаборатория работает") for t in by_text)
    assert reported(ABBREVIATED_LABELS) == [("выводы применимы ко всей Азии", "Урс Бреннер", "считает")]


def reported(text: str):
    d = analyze(text)
    return [(d.text[q.start : q.end], q.speaker, q.cue) for q in d.quotes if q.kind == "reported"]


def test_a_dash_question_after_an_attributed_answer_is_not_the_answerers():
    text = (
        "После матча\n\nГлавный тренер «Сокола» Игорь Зуев остался доволен игрой.\n\n"
        "— Мы выиграли характером, — сказал Зуев.\n\n— Вы довольны игрой вратаря?\n\n"
        "— Вратарь сегодня спас нас трижды, — улыбнулся тренер."
    )
    said = speakers_of(text)
    assert said["Вы довольны игрой вратаря?"] != "Игорь Зуев"
    # a second dash paragraph that goes on as the first did (no question between) is still the eyewitness's
    text = (
        "Авария\n\nОчевидец, житель поселка Виктор Шалаев, рассказал, что услышал грохот.\n\n"
        "— Вышел на крыльцо, а там вагоны лежат поперек путей, — сказал он.\n\n"
        "— Я сразу позвонил в 112. Минут через двадцать приехали пожарные."
    )
    assert speakers_of(text)["Я сразу позвонил в 112. Минут через двадцать приехали пожарные."] == "Виктор Шалаев"


ANSWER_OVER_TWO_DASHES = """Директор зоопарка: «Слонов мы не отдадим»

Директор зоопарка Андрей Рысь рассказал корреспонденту «Интерфакса» Ольге Мельник о планах на сезон.

— Андрей Павлович, правда ли, что зоопарк отдает слонов в Казань?

— Нет. Это слухи, которые появились после нашей переписки с казанскими коллегами.

— Мы обсуждали обмен опытом, не животными. Слонов мы не отдадим.

— Что будет с вольером для тигров?

— Его перестроят к лету. Деньги выделил город.
"""


def test_an_answer_over_two_dash_paragraphs_does_not_swap_the_turns_after_it():
    said = speakers_of(ANSWER_OVER_TWO_DASHES)
    assert said["Мы обсуждали обмен опытом, не животными. Слонов мы не отдадим."] == "Андрей Рысь"
    assert said["Что будет с вольером для тигров?"] == "Ольга Мельник"
    assert said["Его перестроят к лету. Деньги выделил город."] == "Андрей Рысь"
    # a statement put to the interviewee is the interviewer's, though its answer asks back at its end: the turns
    # ahead fit as they are
    text = ANSWER_OVER_TWO_DASHES.replace(
        "— Мы обсуждали обмен опытом, не животными. Слонов мы не отдадим.",
        "— В городе говорят, что вы хотите отдать и жирафов.\n\n— Это тоже слухи. Зачем нам их отдавать?",
    )
    said = speakers_of(text)
    assert said["В городе говорят, что вы хотите отдать и жирафов."] == "Ольга Мельник"
    assert said["Это тоже слухи. Зачем нам их отдавать?"] == "Андрей Рысь"
    assert said["Что будет с вольером для тигров?"] == "Ольга Мельник"


def test_the_turns_ahead_tell_an_answer_going_on_though_it_says_vy_and_the_next_question_has_two_sentences():
    text = (
        "Директор зоопарка: «Слонов мы не отдадим»\n\n"
        "Директор зоопарка Андрей Рысь рассказал корреспонденту «Интерфакса» Ольге Мельник о планах на сезон.\n\n"
        "— Андрей Павлович, правда ли, что зоопарк отдает слонов в Казань?\n\n"
        "— Нет. Это слухи, которые появились после нашей переписки с коллегами.\n\n"
        "— Вы знаете, мы обсуждали обмен опытом, не животными.\n\n"
        "— Понятно. А что будет с вольером для тигров?\n\n"
        "— Его перестроят к лету. Деньги выделил город.\n\n"
        "— Посетителей станет больше?\n\n"
        "— Надеюсь. В прошлом году пришло больше миллиона человек."
    )
    said = speakers_of(text)
    assert said["Вы знаете, мы обсуждали обмен опытом, не животными."] == "Андрей Рысь"
    assert said["Понятно. А что будет с вольером для тигров?"] == "Ольга Мельник"
    assert said["Надеюсь. В прошлом году пришло больше миллиона человек."] == "Андрей Рысь"
