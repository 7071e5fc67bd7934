"""A huge text analysed in parts by worker processes (analysis/parts.py), on invented dispatches joined into
one text, with the threshold and the part size lowered so a few kilobytes make several parts."""

from __future__ import annotations

import pytest

from dispatchtui.analysis import analyze, nlp
from dispatchtui.analysis.parts import plan
from dispatchtui.model import Dispatch, Span

#: Invented dispatches, none with a dateline (only a text's first paragraph can hold one): each is one
#: part of the joined text, and what is found in it must be what is found in it alone.
DISPATCHES = [
    "Белецкий пообещал снизить налоги\n\n"
    "Министр экономики Олег Белецкий заявил в среду, что налог на малый бизнес снизят уже к осени. "
    "По его словам, решение поддержали все профильные ведомства.\n\n"
    "«Мы не будем ждать следующего года, — сказал Белецкий журналистам. — Предприниматели ждут этого давно».\n\n"
    "Депутат Марина Лосева назвала инициативу своевременной. «Это правильный шаг», — отметила она.",
    "В Вологде открыли новый мост\n\n"
    "Мэр Вологды Игорь Сухов сообщил, что движение по мосту откроют в пятницу утром. "
    "Строительство обошлось городу в два миллиарда рублей.\n\n"
    "«Мост разгрузит центр города», — пояснил Сухов. Жители давно просили о второй переправе через реку.\n\n"
    "Представитель подрядчика рассказал, что работы завершили на месяц раньше срока. "
    "Старый мост закроют на ремонт до весны.",
    "Налоговая реформа обсуждается в правительстве\n\n"
    "Правительство продолжает обсуждать налоговую реформу, сообщили в пресс-службе кабинета министров. "
    "Окончательное решение примут до конца месяца.\n\n"
    "«Снижение налога не ударит по бюджету», — заявил Белецкий на заседании. "
    "Он добавил, что дефицит удастся покрыть за счет роста поступлений.\n\n"
    "Эксперты считают, что реформа поможет малому бизнесу пережить трудный год.",
]


def joined() -> tuple[str, list[int]]:
    """The dispatches one after another (a blank line between) and where each starts."""
    starts, at = [], 0
    for d in DISPATCHES:
        starts.append(at)
        at += len(d) + 2
    return "\n\n".join(DISPATCHES), starts


@pytest.fixture(scope="module")
def workers():
    nlp.preload()
    nlp.allow_processes(2)
    if not nlp.processes_allowed():
        nlp.allow_processes(1)
        pytest.skip("no worker processes here (no fork)")
    yield
    nlp.allow_processes(1)


@pytest.fixture(scope="module")
def in_parts(workers) -> Dispatch:
    text, _ = joined()
    return analyze(text, parts_from=1000, part_chars=max(map(len, DISPATCHES)) + 1)


def shifted(q, by: int, paragraphs: int, statements: int):
    """What a quote of a dispatch alone is, in the joined text (its speaker left out: see the speaker test)."""

    def sp(s):
        return None if s is None else Span(s.start + by, s.end + by)

    return (
        q.start + by,
        q.end + by,
        q.paragraph + paragraphs,
        q.kind,
        sp(q.speaker_span),
        q.cue,
        sp(q.cue_span),
        None if q.statement is None else q.statement + statements,
        q.question,
    )


def as_found(q):
    return (q.start, q.end, q.paragraph, q.kind, q.speaker_span, q.cue, q.cue_span, q.statement, q.question)


def test_each_dispatch_is_a_part_of_its_own():
    from dispatchtui.analysis import segment

    text, starts = joined()

    d = segment(text)
    size = max(map(len, DISPATCHES)) + 1
    assert plan(text, d.paragraphs, d.sentences, size) == [(s, s + len(t)) for s, t in zip(starts, DISPATCHES)]


def test_every_quote_of_a_part_is_the_quote_of_its_dispatch_alone_shifted(in_parts):
    text, starts = joined()
    expected, paragraphs = [], 0
    for start, dispatch in zip(starts, DISPATCHES):
        alone = analyze(dispatch)
        expected += [shifted(q, start, paragraphs, len(expected)) for q in alone.quotes]
        paragraphs += len(alone.paragraphs)
    assert [as_found(q) for q in in_parts.quotes] == expected
    assert len(expected) >= 8
    assert {q.kind for q in in_parts.quotes} >= {"full", "reported"}


def test_a_person_named_in_full_in_one_part_and_by_surname_in_another_is_one_speaker(in_parts):
    text, starts = joined()
    [minister] = [s for s in in_parts.speakers if "Белецк" in s.name]
    assert minister.name == "Олег Белецкий"
    first, third = Span(starts[0], starts[0] + len(DISPATCHES[0])), Span(starts[2], len(text))
    assert any(first.overlaps(m) for m in minister.mentions) and any(third.overlaps(m) for m in minister.mentions)
    quoted_in = {in_parts.quotes[i].start >= starts[2] for i in minister.quotes}
    assert quoted_in == {False, True}  # quoted in the first dispatch and in the third
    assert all(in_parts.quotes[i].speaker == "Олег Белецкий" for i in minister.quotes)
    # every quote's speaker is one entry, which lists that quote
    by_name = {s.name: s for s in in_parts.speakers}
    assert len(by_name) == len(in_parts.speakers)
    for i, q in enumerate(in_parts.quotes):
        if q.speaker is not None:
            assert i in by_name[q.speaker].quotes
    assert "Игорь Сухов" in by_name and "Марина Лосева" in by_name


def test_the_offsets_of_parts_point_into_the_whole_text(in_parts):
    text = in_parts.text
    for q in in_parts.quotes:
        p = in_parts.paragraphs[q.paragraph]
        assert p.start <= q.start <= q.end <= p.end
        for s in (q.speaker_span, q.cue_span):
            assert s is None or 0 <= s.start < s.end <= len(text)
    assert text[in_parts.quotes[0].start : in_parts.quotes[0].end].startswith("налог на малый бизнес")
    for s in in_parts.speakers:
        for m in (*s.mentions, *s.role_mentions):
            assert text[m.start : m.end].strip() == text[m.start : m.end] != ""
    for t in in_parts.topics:
        assert t.mentions and all(0 <= m.start < m.end <= len(text) for m in t.mentions)


def test_a_statement_interrupted_by_its_attribution_inside_a_part_still_links(in_parts):
    text = in_parts.text
    at = text.index("Мы не будем ждать")
    [first] = [i for i, q in enumerate(in_parts.quotes) if q.start == at]
    rest = [q for q in in_parts.quotes if q.statement == first]
    assert len(rest) == 2 and text[rest[1].start :].startswith("Предприниматели ждут")
    assert in_parts.quotes[first].statement == first


def test_topics_of_parts_are_merged_by_label(in_parts):
    labels = [t.label for t in in_parts.topics]
    assert len(labels) == len({(t.facet, t.label) for t in in_parts.topics})
    places = [t for t in in_parts.topics if t.facet == "place"]
    assert [t.label for t in places if t.label == "Вологда"] == ["Вологда"]


SAYING = "«Поезда пойдут по новому графику с понедельника», — сказал начальник вокзала Рустам Гайсин. "


def test_one_huge_paragraph_without_newlines_is_cut_at_sentences_and_analysed(workers):
    text = "Новости транспорта\n\n" + SAYING * 40
    d = analyze(text, parts_from=1000, part_chars=1000)
    from dispatchtui.analysis import segment

    lay = segment(text)
    cuts = plan(text, lay.paragraphs, lay.sentences, 1000)
    assert len(cuts) >= 4 and all(b - a <= 1000 for a, b in cuts)
    assert {a for a, _ in cuts[1:]} <= {s.start for s in lay.sentences}  # at sentence starts
    full = [q for q in d.quotes if q.kind == "full"]
    assert len(full) == 40
    assert all(d.text[q.start : q.end] == "Поезда пойдут по новому графику с понедельника" for q in full)
    assert {q.paragraph for q in full} == {1}
    [gaisin] = [s for s in d.speakers if s.name == "Рустам Гайсин"]
    assert len(gaisin.quotes) == 40 and len(gaisin.mentions) == 40


def test_a_sentence_longer_than_a_part_is_cut_at_spaces(workers):
    words = "поезда идут по новому графику и вокзал работает круглосуточно " * 60
    text = "Новости\n\n" + words.strip()
    from dispatchtui.analysis import segment

    lay = segment(text)
    cuts = plan(text, lay.paragraphs, lay.sentences, 500)
    assert len(cuts) > 5 and all(b - a <= 500 for a, b in cuts)
    assert all(text[a - 1] == " " for a, _ in cuts[2:])  # never inside a word
    assert cuts[-1][1] == len(text)
    d = analyze(text, parts_from=1000, part_chars=500)
    assert d.analysed and d.paragraphs == lay.paragraphs and d.sentences == lay.sentences


def test_a_text_below_the_threshold_is_analysed_whole(workers):
    text, _ = joined()
    assert analyze(text) == analyze(text, parts_from=len(text) + 1, part_chars=100)


def test_cancelling_between_parts_stops_the_workers(workers):
    import multiprocessing as mp

    from dispatchtui.pipeline import Cancelled

    text = "Новости транспорта\n\n" + SAYING * 40

    def stage(name: str) -> None:
        if name.startswith("parts 1/"):
            raise Cancelled()

    with pytest.raises(Cancelled):
        analyze(text, parts_from=1000, part_chars=400, on_stage=stage)
    assert mp.active_children() == []


def test_an_outline_laid_out_in_parts_has_the_layout_of_the_whole_text(workers):
    """Sentences found by the parts' workers (a long paragraph's before the cut) and the repeats found by a
    worker are the layout of the whole text: with a dateline, a headline, a paragraph printed twice."""
    from dispatchtui.analysis import outline, segment

    text, _ = joined()
    text = (
        "Новости транспорта\n\nМОСКВА, 8 августа. /ТАСС/. "
        + SAYING * 12
        + "\n\n"
        + text
        + "\n\n"
        + DISPATCHES[1].split("\n\n")[1]
        + "\n\nКонец."
    )
    whole = segment(text)
    assert whole.repeats and whole.dateline is not None and whole.headline is not None
    d = analyze(outline(text), parts_from=1000, part_chars=500)
    assert (d.headline, d.dateline, d.paragraphs) == (whole.headline, whole.dateline, whole.paragraphs)
    assert d.sentences == whole.sentences and d.repeats == whole.repeats
    assert analyze(text, parts_from=1000, part_chars=500) == d
    assert analyze(whole, parts_from=1000, part_chars=500) == d
