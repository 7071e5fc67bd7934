"""cite.format_citation: «<quote>», — <Speaker>, <role> (<agency>, <date>), missing parts omitted."""

from __future__ import annotations

from dispatchtui.cite import format_citation, paragraph_text, quote_text
from dispatchtui.model import Dateline, Dispatch, Quote, Span, Speaker

TEXT = "МОСКВА, 8 августа. /ТАСС/. «Мы  готовы\nк диалогу», — заявил министр Иван Петров."
Q = Quote(TEXT.index("Мы"), TEXT.index("»"), 0, speaker="Иван Петров")
DL = Dateline(0, 26, "МОСКВА", "8 августа", "ТАСС")
SP = Speaker("Иван Петров", "person", "министр иностранных дел", (Span(TEXT.index("Иван"), len(TEXT) - 1),), (0,))


def make(**kw):
    base = dict(text=TEXT, dateline=DL, quotes=(Q,), speakers=(SP,), paragraphs=(Span(0, len(TEXT)),))
    base.update(kw)
    return Dispatch(**base)


def test_full_citation():
    assert format_citation(make(), Q) == (
        "«Мы готовы к диалогу», — Иван Петров, министр иностранных дел (ТАСС, 8 августа)"
    )


def test_without_role():
    d = make(speakers=(Speaker("Иван Петров"),))
    assert format_citation(d, Q) == "«Мы готовы к диалогу», — Иван Петров (ТАСС, 8 августа)"


def test_without_dateline():
    assert format_citation(make(dateline=None), Q) == "«Мы готовы к диалогу», — Иван Петров, министр иностранных дел"


def test_without_speaker():
    q = Quote(Q.start, Q.end, 0)
    assert format_citation(make(), q) == "«Мы готовы к диалогу» (ТАСС, 8 августа)"


def test_speaker_name_not_among_speakers_is_still_used():
    assert format_citation(make(speakers=()), Q) == "«Мы готовы к диалогу», — Иван Петров (ТАСС, 8 августа)"


def test_partial_dateline():
    d = make(dateline=Dateline(0, 6, "МОСКВА", None, "ТАСС"))
    assert format_citation(d, Q).endswith("(ТАСС)")
    d = make(dateline=Dateline(0, 6, "МОСКВА", None, None))
    assert format_citation(d, Q).endswith("министр иностранных дел")


def test_nothing_but_the_quote():
    q = Quote(Q.start, Q.end, 0)
    assert format_citation(make(dateline=None, speakers=()), q) == "«Мы готовы к диалогу»"


def test_inner_guillemets_become_lapki_and_outer_marks_are_not_doubled():
    text = "«Фильм „«Дом»“ и «Сад»»"
    q = Quote(0, len(text), 0)
    d = Dispatch(text=text)
    assert quote_text(d, q) == "Фильм „„Дом““ и „Сад“"
    assert format_citation(d, q) == "«Фильм „„Дом““ и „Сад“»"


def test_paragraph_text_collapses_whitespace():
    assert paragraph_text(make(), 0).startswith("МОСКВА, 8 августа. /ТАСС/. «Мы готовы к диалогу»")


def test_stray_edge_marks_are_dropped_but_balanced_inner_ones_kept():
    for raw, want in [
        ('Хотел бы подчеркнуть"', "Хотел бы подчеркнуть"),
        ("«Хотел бы", "Хотел бы"),
        ('он сказал "да"', 'он сказал "да"'),
        ("фильм «Дом»", "фильм „Дом“"),
    ]:
        d = Dispatch(text=raw)
        assert quote_text(d, Quote(0, len(raw), 0)) == want, raw


# ------------------------------------------------------------------ statements safe to paste (issue 14)
from dispatchtui.cite import cite, statement_parts  # noqa: E402

SPLIT = (
    "МОСКВА, 8 августа. /ТАСС/. «Утверждают, что это так, — пояснила она, — но ведь никто не "
    "проверял». Потом был перерыв."
)


def _split_dispatch():
    a0 = SPLIT.index("Утверждают")
    a1 = SPLIT.index(", — пояснила")
    b0 = SPLIT.index("но ведь")
    b1 = SPLIT.index("»")
    she = Speaker("Мария Иванова", "person", "официальный представитель МИД")
    quotes = (
        Quote(a0, a1, 0, speaker="Мария Иванова", statement=0),
        Quote(b0, b1, 0, speaker="Мария Иванова", statement=0),
    )
    return Dispatch(text=SPLIT, dateline=DL, quotes=quotes, speakers=(she,), paragraphs=(Span(0, len(SPLIT)),))


def test_a_statement_split_by_its_attribution_is_copied_whole_with_the_authors_words():
    d = _split_dispatch()
    assert statement_parts(d, 1) == [0, 1]
    want = (
        "«Утверждают, что это так, — пояснила она, — но ведь никто не проверял», — Мария Иванова, "
        "официальный представитель МИД (ТАСС, 8 августа)"
    )
    assert cite(d, 0) == want
    assert cite(d, 1) == want  # from any part


def test_parts_with_their_own_marks_lose_the_inner_marks():
    text = "«Мы готовы», — сказал он. — «Но не сегодня»."
    q1 = Quote(1, text.index("»"), 0, speaker="Он", statement=0)
    q2 = Quote(text.index("Но"), text.rindex("»"), 0, speaker="Он", statement=0)
    d = Dispatch(text=text, quotes=(q1, q2), paragraphs=(Span(0, len(text)),))
    assert cite(d, 0) == "«Мы готовы, — сказал он. — Но не сегодня», — Он"


def test_parts_in_separate_paragraphs_are_joined_by_a_space():
    text = "«Первая часть заявления.\n\n«Вторая часть», — сказал министр Иван Петров."
    q1 = Quote(1, text.index("\n"), 0, speaker="Иван Петров", statement=0)
    q2 = Quote(text.index("Вторая"), text.index("»"), 1, speaker="Иван Петров", statement=0)
    d = Dispatch(text=text, quotes=(q1, q2), paragraphs=(Span(0, text.index("\n")), Span(text.index("«В"), len(text))))
    assert cite(d, 1) == "«Первая часть заявления. Вторая часть», — Иван Петров"


def test_no_comma_after_question_or_exclamation_mark_and_a_final_period_dropped():
    for words, want in [
        ("Вы где были?", "«Вы где были?» — Антон Силуанов"),
        ("Это победа!", "«Это победа!» — Антон Силуанов"),
        ("Посмотрим…", "«Посмотрим…» — Антон Силуанов"),
        ("Бюджет исполнен.", "«Бюджет исполнен», — Антон Силуанов"),
    ]:
        text = f"«{words}», — Антон Силуанов."
        d = Dispatch(text=text, quotes=(Quote(1, 1 + len(words), 0, speaker="Антон Силуанов"),))
        assert cite(d, 0) == want
        assert format_citation(d, d.quotes[0]) == want


def test_a_fragment_is_copied_in_the_sentence_it_stands_in():
    text = (
        "МОСКВА, 8 августа. /ТАСС/. Переговоры прошли спокойно. Министр Иван Петров назвал их "
        "«конструктивными». Затем был обед."
    )
    s = text.index("«конструктивными»") + 1
    q = Quote(s, s + len("конструктивными"), 0, kind="fragment", speaker="Иван Петров")
    d = Dispatch(text=text, dateline=DL, quotes=(q,), speakers=(SP,), paragraphs=(Span(0, len(text)),))
    assert cite(d, 0) == "Министр Иван Петров назвал их «конструктивными» (ТАСС, 8 августа)."


def test_a_reported_statement_is_copied_as_its_sentence_with_the_attribution():
    text = (
        "МОСКВА, 8 августа. /ТАСС/. Встреча длилась час. Он также заявил, что переговоры будут "
        "продолжены в сентябре. Других заявлений не было."
    )
    start = text.index("переговоры будут")
    end = text.index(" в сентябре") + len(" в сентябре")
    cue = text.index("заявил")
    q = Quote(
        start,
        end,
        0,
        kind="reported",
        speaker="Иван Петров",
        speaker_span=Span(text.index("Он"), text.index("Он") + 2),
        cue="заявил",
        cue_span=Span(cue, cue + 6),
    )
    d = Dispatch(
        text=text,
        dateline=DL,
        quotes=(q,),
        speakers=(SP,),
        paragraphs=(Span(0, len(text)),),
        sentences=(
            Span(27, text.index(" Он")),
            Span(text.index("Он"), text.index(" Других")),
            Span(text.index("Других"), len(text)),
        ),
    )
    assert cite(d, 0) == (
        "Он также заявил, что переговоры будут продолжены в сентябре "
        "(Иван Петров, министр иностранных дел; ТАСС, 8 августа)."
    )


def test_a_reported_statement_naming_its_speaker_is_not_attributed_twice():
    text = "По словам Ивана Петрова, переговоры будут продолжены. Потом был обед."
    start = text.index("переговоры")
    q = Quote(start, text.index("."), 0, kind="reported", speaker="Иван Петров", cue="по словам", cue_span=Span(0, 9))
    d = Dispatch(text=text, quotes=(q,), speakers=(SP,), paragraphs=(Span(0, len(text)),))
    assert cite(d, 0) == "По словам Ивана Петрова, переговоры будут продолжены."
