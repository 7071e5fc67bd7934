"""Property tests for the quote scanner: any text, never raises, sane spans, linear cost."""

from __future__ import annotations

import importlib
import pkgutil
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples
from dispatchtui.analysis import quotes as Q
from dispatchtui.analysis.quotes import QUOTE_MARKS, find_quotes
from dispatchtui.model import Span
from test_quotes import paragraphs_of


def check(text: str) -> None:
    paras = paragraphs_of(text)
    got = find_quotes(text, paras, [])
    again = find_quotes(text, paras, [])
    assert got == again  # deterministic
    last = -1
    for q in got:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= last, "sorted and not overlapping"
        last = q.end
        body = text[q.start : q.end]
        assert body[0] not in QUOTE_MARKS and body[-1] not in QUOTE_MARKS
        assert body == body.strip()
        assert 0 <= q.paragraph < len(paras)
        p = paras[q.paragraph]
        assert p.start <= q.start and q.end <= p.end
        assert q.kind in ("full", "fragment")
        for span, s in ((q.speaker_span, q.speaker), (q.cue_span, q.cue)):
            if span is None:
                assert s is None
            else:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start : span.end] == s


# pieces that exercise every rule: marks of every family, dashes, cues, names, paragraph breaks
PIECES = [
    "«",
    "»",
    "„",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ", — ",
    " – ",
    ", - ",
    ": ",
    ". ",
    "?",
    "!",
    "…",
    ",",
    "— ",
    "-",
    "сказал",
    "он",
    "заявил министр",
    "говорится в сообщении",
    "по словам",
    "что",
    "Мы готовы к переговорам",
    "компания",
    "Газпром",
    "так называемый",
    "В.Путин: ",
    "Иван Петров",
    "работы завершатся",
    "Об этом",
    "слова",
    "приводятся",
    "цитирует",
    "МОСКВА, 8 августа. /ТАСС/. ",
    "( ",
    ")",
    "<…>",
    "\u00a0",
    "Ё",
    "x",
]

pieces_text = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
marks_only = st.text(alphabet=QUOTE_MARKS + " \n—-,.:", max_size=300)
any_text = st.text(max_size=300)


@pytest.mark.slow
@settings(max_examples=examples(1500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces_text)
def test_structured_noise(text):
    check(text)


@settings(max_examples=examples(1000), deadline=None)
@given(marks_only)
def test_marks_only(text):
    check(text)


@settings(max_examples=examples(1000), deadline=None)
@given(any_text)
def test_random_unicode(text):
    check(text)


@settings(max_examples=examples(30), deadline=None)
@given(st.integers(min_value=1000, max_value=4000), st.sampled_from(list(QUOTE_MARKS) + ["«»", '"x", - сказал он. ']))
def test_thousands_of_marks(n, unit):
    check(unit * n)


def test_unbalanced_and_arbitrary_paragraphs_do_not_raise():
    text = "«a» " * 10
    # paragraphs out of order, out of bounds, empty: ignored, never raise
    bad = [Span(5, 3 + 5), Span(0, 2), Span(1, 10_000), Span(3, 3)]
    for q in find_quotes(text, bad, []):
        assert 0 <= q.start < q.end <= len(text)


def _stages() -> list:
    """The scanner's modules (one per stage): each holds its own reference to the shared helpers."""
    return [importlib.import_module(f"{Q.__name__}.{m.name}") for m in pkgutil.iter_modules(Q.__path__)]


def _cost(text: str) -> int:
    """Work done: characters the scanner's bounded helpers look at, plus morph lookups."""
    counter = {"n": 0}
    orig_tokens, orig_info = Q._tokens, Q._info

    def tokens(t, a, b, limit=40):
        counter["n"] += max(0, min(b, a + 400) - a)
        return orig_tokens(t, a, b, limit)

    def info(w):
        counter["n"] += 1
        return orig_info(w)

    patched = [(m, name) for m in _stages() for name in ("_tokens", "_info") if hasattr(m, name)]
    assert patched  # the helpers are where the count looks for them
    for m, name in patched:
        setattr(m, name, tokens if name == "_tokens" else info)
    try:
        find_quotes(text, paragraphs_of(text), [])
    finally:
        for m, name in patched:
            setattr(m, name, orig_tokens if name == "_tokens" else orig_info)
    return counter["n"] + len(text)


def test_cost_is_linear_in_marks():
    unit = '«Мы готовы, — сказал он. — Начнем». Компания «Газпром». x", - сказал он. "'
    small, big = _cost(unit * 200), _cost(unit * 2000)
    assert big <= 12 * small  # 10x the input, about 10x the work (quadratic would be ~100x)


def test_cost_is_linear_in_paragraph_length():
    unit = "Слово без кавычек, но с тире — и запятыми, — сказал он. "
    small, big = _cost(unit * 500), _cost(unit * 5000)
    assert big <= 12 * small


def test_long_paragraph_without_marks_is_fast_enough():
    text = "слово " * 200_000  # 1.2 MB, one paragraph, no marks
    t0 = time.perf_counter()
    assert find_quotes(text, paragraphs_of(text), []) == []
    assert time.perf_counter() - t0 < 30  # generous: linear is well under a second
