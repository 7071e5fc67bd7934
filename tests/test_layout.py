"""Layout: paragraphs, headline, dateline, repeated passages, sentences — on the seed and on minimal texts."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dispatchtui.analysis import segment
from dispatchtui.analysis.layout import layout, parse_dateline
from dispatchtui.analysis.normalize import normalize
from dispatchtui.load import Loaded, load_path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED = SAMPLES / "01_kaztoday_kosherbaev-v-dushanbe.txt"

LEAD = (
    "Министерство экологии и природопользования Московской области завершит расчистку участка реки "
    "Куновки в Талдомском городском округе в 2020 году. Об этом сообщила пресс-служба ведомства. "
    "По словам представителей министерства, работы ведутся в рамках государственной программы "
    "торгово-экономического развития региона."
)


def seg(raw: str):
    text, notes = normalize(raw)
    return segment(text, notes=notes)


@pytest.fixture(scope="module")
def seed():
    loaded = load_path(str(SEED))
    assert isinstance(loaded, Loaded), loaded
    return segment(loaded.text, source=str(SEED), encoding=loaded.encoding, notes=loaded.notes)


# --------------------------------------------------------------------------------------------- the seed


def test_seed_has_19_paragraphs(seed):
    assert len(seed.paragraphs) == 19
    for p in seed.paragraphs:
        chunk = seed.text[p.start : p.end]
        assert chunk == chunk.strip() and "\n" not in chunk


def test_seed_dateline(seed):
    dl = seed.dateline
    assert dl is not None
    assert (dl.place, dl.date, dl.agency) == ("Душанбе", "16 февраля", "KAZAKHSTAN TODAY")
    assert dl.start == 0 == seed.paragraphs[0].start
    assert seed.text[dl.start : dl.end].startswith("Душанбе. 16 февраля. KAZAKHSTAN TODAY")
    assert seed.headline is None  # the seed opens straight with the dateline


def test_seed_repeated_lead(seed):
    assert len(seed.repeats) == 1
    r = seed.repeats[0]
    repeated = seed.text[r.start : r.end]
    assert repeated == seed.text[r.of.start : r.of.end]
    assert repeated.startswith("В рамках официального визита")
    assert r.of.end <= r.start
    # Both copies are in the lead paragraph, right after the dateline.
    lead = seed.paragraphs[0]
    assert lead.start <= r.of.start and r.end <= lead.end
    assert seed.text[seed.dateline.end : r.of.start].strip(" -") == ""


def test_seed_sentences_skip_dateline(seed):
    assert seed.sentences[0].start > seed.dateline.end
    assert seed.text[seed.sentences[0].start :].startswith("В рамках официального визита")
    assert not any(s.overlaps(seed.dateline.span) for s in seed.sentences)


# --------------------------------------------------------------------------------------------- repeats


def test_no_repeat_for_headline_echoed_by_lead():
    head = "Украина и Турция создали Стратегический совет высокого уровня по сотрудничеству"
    d = seg(f"{head}\n\n{head}, позволяющий вывести отношения на новый уровень. Об этом сообщил президент.")
    assert d.headline is not None and d.text[d.headline.start : d.headline.end] == head
    assert d.repeats == ()


def test_debris_after_headline_still_found():
    head = "Украина и Турция создали Стратегический совет высокого уровня по сотрудничеству"
    lead = f"{head}, позволяющий вывести отношения на новый уровень"
    d = seg(f"{head}\n\n{lead}, - {lead}. Об этом сообщил президент.")
    assert len(d.repeats) == 1
    r = d.repeats[0]
    assert d.text[r.start : r.end] == lead == d.text[r.of.start : r.of.end]
    assert r.of.start > d.headline.end


def test_no_repeat_for_distinct_text():
    d = seg(LEAD + "\n\n" + "Ранее в Подмосковье завершили очистку еще нескольких малых рек и прудов.")
    assert d.repeats == ()


def test_whole_paragraph_printed_twice_is_a_repeat():
    para = "Президент России провел совещание с членами правительства по вопросам развития экономики страны."
    d = seg(f"{para}\n\nДругой абзац, совсем не похожий на первый.\n\n{para}")
    assert len(d.repeats) == 1
    r = d.repeats[0]
    # Word-based: the copy runs from the paragraph's first word to its last (the final period is not a word).
    assert r.start == d.paragraphs[2].start and d.text[r.end : d.paragraphs[2].end] == "."
    assert r.of.start == d.paragraphs[0].start and d.text[r.of.end : d.paragraphs[0].end] == "."


# --------------------------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    "line, place, date, agency, rest",
    [
        (
            "Душанбе. 16 февраля. KAZAKHSTAN TODAY - Министр прибыл в столицу.",
            "Душанбе",
            "16 февраля",
            "KAZAKHSTAN TODAY",
            "Министр прибыл в столицу.",
        ),
        (
            "МОСКВА, 8 августа. /ТАСС/. Министерство экологии объявило конкурс.",
            "МОСКВА",
            "8 августа",
            "ТАСС",
            "Министерство экологии объявило конкурс.",
        ),
        (
            "МОСКВА, 10 авг - РИА Новости. Восемнадцать туристов застряли на пляже.",
            "МОСКВА",
            "10 авг",
            "РИА Новости",
            "Восемнадцать туристов застряли на пляже.",
        ),
        (
            "ВЛАДИВОСТОК, 10 авг – РИА Новости. Восемнадцать туристов застряли на пляже.",
            "ВЛАДИВОСТОК",
            "10 авг",
            "РИА Новости",
            "Восемнадцать туристов застряли на пляже.",
        ),
        (
            "Москва. 8 мая. INTERFAX.RU - Первый канал покажет все матчи.",
            "Москва",
            "8 мая",
            "INTERFAX.RU",
            "Первый канал покажет все матчи.",
        ),
        ("ТАСС, 24 ноября. Правительство утвердило план.", None, "24 ноября", "ТАСС", "Правительство утвердило план."),
        ("МОСКВА, 30 мая ПРАЙМ - Курс доллара снизился.", "МОСКВА", "30 мая", "ПРАЙМ", "Курс доллара снизился."),
        ("МОСКВА, 30 мая ПРАЙМ. Курс доллара снизился.", "МОСКВА", "30 мая", "ПРАЙМ", "Курс доллара снизился."),
        (
            "НЬЮ-ЙОРК, 8 августа. /ТАСС/. Биржи открылись ростом.",
            "НЬЮ-ЙОРК",
            "8 августа",
            "ТАСС",
            "Биржи открылись ростом.",
        ),
        (
            "Нижний Новгород, 8 августа - РИА Новости. Мост открыли после ремонта.",
            "Нижний Новгород",
            "8 августа",
            "РИА Новости",
            "Мост открыли после ремонта.",
        ),
        (
            "МОСКВА, 8 августа. Министерство финансов сообщило о росте.",
            "МОСКВА",
            "8 августа",
            None,
            "Министерство финансов сообщило о росте.",
        ),
    ],
    ids=[
        "kaztoday",
        "tass",
        "ria-hyphen",
        "ria-en-dash",
        "interfax",
        "agency-first",
        "prime-dash",
        "prime-dot",
        "hyphenated-place",
        "two-word-place",
        "place-date-only",
    ],
)
def test_dateline_forms(line, place, date, agency, rest):
    dl = parse_dateline(line, 0, len(line))
    assert dl is not None
    assert (dl.place, dl.date, dl.agency) == (place, date, agency)
    assert dl.start == 0
    # The dateline ends where the lead begins (separating punctuation and dash belong to the dateline).
    assert line[dl.end :].lstrip(" -–—") == rest


def test_dateline_does_not_swallow_lead_capitals():
    # Capitalized lead words after a place-and-date dateline are not an agency.
    line = "МОСКВА, 8 августа. Президент России Владимир Путин заявил о росте экономики."
    dl = parse_dateline(line, 0, len(line))
    assert dl is not None and dl.agency is None and line[dl.end :].lstrip() == line[19:]


def test_dateline_on_its_own_line_after_headline():
    raw = (
        "Восемнадцать туристов застряли на пляже в Приморье из-за ливней\n\n"
        "ВЛАДИВОСТОК, 10 авг – РИА Новости.\n\n"
        "Восемнадцать туристов, среди которых есть двое детей, застряли на пляже."
    )
    d = seg(raw)
    assert d.headline is not None
    assert d.dateline is not None and d.dateline.place == "ВЛАДИВОСТОК"
    assert (d.dateline.start, d.dateline.end) == (d.paragraphs[1].start, d.paragraphs[1].end)
    assert not any(s.overlaps(d.dateline.span) for s in d.sentences)
    assert [d.text[s.start : s.end] for s in d.sentences][-1].startswith("Восемнадцать туристов, среди")


def test_not_a_dateline():
    for line in (
        "В Москве 8 августа прошел митинг.",
        "Президент заявил, что 8 августа будет выходным.",
        "МОСКВА, 30 мая Президент сказал, что все в порядке.",
    ):
        assert parse_dateline(line, 0, len(line)) is None, line


def test_dateline_spans_inside_text_with_headline():
    raw = (
        "Расчистку участка реки Куновки завершат в 2020 году\n\n"
        "МОСКВА, 8 августа. /ТАСС/. Министерство экологии объявило конкурс. Работы завершат в 2020 году."
    )
    d = seg(raw)
    dl = d.dateline
    assert d.text[dl.start : dl.end] == "МОСКВА, 8 августа. /ТАСС/."
    assert dl.start == d.paragraphs[1].start
    assert [d.text[s.start : s.end] for s in d.sentences] == [
        "Расчистку участка реки Куновки завершат в 2020 году",
        "Министерство экологии объявило конкурс.",
        "Работы завершат в 2020 году.",
    ]


# --------------------------------------------------------------------------------------------- headlines


def test_headline_short_line_then_blank():
    d = seg("Джонсон поручил упростить визы для ученых\n\nЛОНДОН, 9 августа. /ТАСС/. Премьер поручил.")
    assert d.headline is not None
    assert d.text[d.headline.start : d.headline.end] == "Джонсон поручил упростить визы для ученых"
    assert d.headline == d.paragraphs[0]


@pytest.mark.parametrize(
    "first",
    [
        "Президент подписал указ о помиловании.",  # ends with a period: a sentence, not a headline
        "Министр заявил:",
        "Министерство экологии и природопользования " * 6,  # longer than a headline may be
    ],
)
def test_not_a_headline(first):
    d = seg(first.strip() + "\n\nВторой абзац сообщения о событии.")
    assert d.headline is None


def test_no_headline_without_blank_line_or_second_paragraph():
    assert seg("Джонсон поручил упростить визы\nЛОНДОН, 9 августа. /ТАСС/. Премьер поручил.").headline is None
    assert seg("Джонсон поручил упростить визы").headline is None


def test_headline_ending_with_question_mark():
    d = seg("Кто заплатит за расчистку рек?\n\nМОСКВА, 8 августа. /ТАСС/. Ответ дали в министерстве.")
    assert d.headline is not None and d.text[d.headline.start : d.headline.end].endswith("?")


# --------------------------------------------------------------------------------------------- paragraphs


def test_hard_wrapped_block_becomes_one_paragraph():
    wrapped = textwrap.fill(LEAD, 70)
    assert wrapped.count("\n") >= 3
    d = seg("Расчистка реки Куновки\n\n" + wrapped + "\n\n" + wrapped)
    assert len(d.paragraphs) == 3
    assert d.text[d.paragraphs[1].start : d.paragraphs[1].end] == LEAD
    assert d.text[d.paragraphs[2].start : d.paragraphs[2].end] == LEAD


def test_hyphenated_wrap_is_joined_without_space():
    raw = (
        "Министерство экологии и природопользования Московской области по программе торгово-\n"
        "экономического развития завершит расчистку участка реки Куновки в Талдомском округе\n"
        "в 2020 году, сообщила пресс-служба ведомства."
    )
    d = seg(raw)
    assert len(d.paragraphs) == 1
    assert "торгово-экономического развития" in d.text
    assert "Куновки в Талдомском округе в 2020 году" in d.text


def test_dialogue_lines_are_not_joined():
    raw = (
        "Министерство экологии и природопользования Московской области сообщило следующее:\n"
        "- работы по расчистке участка реки Куновки начнутся весной будущего года;\n"
        "- подрядчика выберут по итогам конкурса, который объявлен в августе."
    )
    d = seg(raw)
    assert len(d.paragraphs) == 3


def test_long_lines_are_paragraphs_each():
    a = LEAD
    b = "В текущем году также планируется расчистить несколько малых рек и прудов. " * 2
    d = seg(a + "\n" + b.strip())
    assert len(d.paragraphs) == 2


def test_blank_line_runs_collapse():
    d = seg("Первый абзац сообщения.\n\n\n\n\n\nВторой абзац сообщения.\r\n\r\n\r\nТретий.")
    assert d.text == "Первый абзац сообщения.\n\nВторой абзац сообщения.\n\nТретий."
    assert [d.text[p.start : p.end] for p in d.paragraphs] == [
        "Первый абзац сообщения.",
        "Второй абзац сообщения.",
        "Третий.",
    ]


def test_paragraph_spans_exclude_surrounding_spaces():
    text = "  Отступ в начале абзаца.\n\nВторой."
    lay = layout(text)
    assert [text[p.start : p.end] for p in lay.paragraphs] == ["Отступ в начале абзаца.", "Второй."]


# --------------------------------------------------------------------------------------------- sentences


def test_sentences_from_razdel_inside_paragraphs():
    raw = (
        "МОСКВА, 8 августа. /ТАСС/. Первое предложение о т.е. сокращениях. Второе предложение! "
        "А это третье?\n\nНовый абзац: одно предложение."
    )
    d = seg(raw)
    assert [d.text[s.start : s.end] for s in d.sentences] == [
        "Первое предложение о т.е. сокращениях.",
        "Второе предложение!",
        "А это третье?",
        "Новый абзац: одно предложение.",
    ]
    for s in d.sentences:
        assert any(p.start <= s.start and s.end <= p.end for p in d.paragraphs)
    assert not any(s.overlaps(d.dateline.span) for s in d.sentences)


def test_all_samples_segment_consistently():
    for path in sorted(SAMPLES.glob("*.txt")):
        loaded = load_path(str(path))
        assert isinstance(loaded, Loaded), loaded
        d = segment(loaded.text)
        spans = list(d.paragraphs)
        assert spans and all(a.end < b.start for a, b in zip(spans, spans[1:])), path
        assert all(a.end <= b.start for a, b in zip(d.sentences, d.sentences[1:])), path
        if d.dateline is not None:
            assert not any(s.overlaps(d.dateline.span) for s in d.sentences), path
