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
    assert format_citation(make(), Q) == ("«Мы готовы к диалогу», — Иван Петров, министр иностранных дел "
                                          "(ТАСС, 8 августа)")


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
    for raw, want in [('Хотел бы подчеркнуть"', "Хотел бы подчеркнуть"),
                      ("«Хотел бы", "Хотел бы"),
                      ('он сказал "да"', 'он сказал "да"'),
                      ("фильм «Дом»", "фильм „Дом“")]:
        d = Dispatch(text=raw)
        assert quote_text(d, Quote(0, len(raw), 0)) == want, raw
