"""The linear tokenizer and sentence splitter give exactly razdel's tokens and sentences."""

from __future__ import annotations

import pytest
import razdel
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatchtui.analysis import segmenters

#: what razdel's rules look at: marks, dashes, smileys, bullets, abbreviations, initials, digits, cases
PIECES = [
    ".",
    "..",
    "...",
    "…",
    "!",
    "?",
    "?!",
    ",",
    ";",
    ":",
    "-",
    "--",
    "—",
    "–",
    "«",
    "»",
    '"',
    "(",
    ")",
    ":)",
    ":-(",
    ";)",
    "=(((",
    "1.",
    "2)",
    "а)",
    "IV.",
    "т.е.",
    "т.д.",
    "г.",
    "руб.",
    "В.",
    "В.В.",
    "Путин",
    "сказал",
    "слово",
    "Да",
    "yahoo",
    "yahoo!",
    "3,5",
    "1/2",
    "ΔP",
    "mβж",
    "кто-то",
    "a_b",
    "http://x.ru",
    " ",
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
]
text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=80).map("".join)


def _same(ours, theirs) -> None:
    assert [(s.start, s.stop, s.text) for s in ours] == [(s.start, s.stop, s.text) for s in theirs]


def _same_spans(t: str) -> None:
    """:func:`segmenters.token_spans` are razdel's tokens."""
    assert segmenters.token_spans(t) == [(s.start, s.stop) for s in razdel.tokenize(t)]


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(text)
def test_tokens_are_razdels(t):
    _same(segmenters.tokenize(t), razdel.tokenize(t))
    _same_spans(t)


@settings(max_examples=300, deadline=None)
@given(text)
def test_token_spans_are_razdels(t):
    _same_spans(t)


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(text)
def test_sentences_are_razdels(t):
    _same(segmenters.sentenize(t), razdel.sentenize(t))


def test_long_runs_are_razdels():
    for t in [
        "а" + "." * 300,
        "а" + "-" * 300,
        "— " * 200,
        "а" + "!?" * 150,
        ":" + ")" * 200,
        "1." * 200,
        "В." * 100 + " Путин",
        "«" * 150 + "Да" + "»" * 150,
        "а-б" * 150,
        ("слово " * 30 + ". ") * 10,
    ]:
        _same(segmenters.tokenize(t), razdel.tokenize(t))
        _same(segmenters.sentenize(t), razdel.sentenize(t))
        _same_spans(t)


def test_the_corpus_samples_are_razdels():
    from pathlib import Path

    for p in sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt")):
        t = p.read_text(encoding="utf-8")
        _same(segmenters.tokenize(t), razdel.tokenize(t))
        _same(segmenters.sentenize(t), razdel.sentenize(t))
        _same_spans(t)


@pytest.mark.parametrize(
    "t",
    [
        "а" + "!" * 1000,
        "Слово " + "." * 300 + " конец.",
        "а\n" + "-" * 600 + "\nб",
        "?" + "!" * 400 + "б",  # a run razdel joins with the mark before it: left to razdel
        "1" + "-" * 300 + "2",
    ],
)
def test_the_models_tokens_of_a_long_run_of_marks_are_razdels(t):
    # the NER's tokenizer makes a long run of one mark the single token razdel makes of it, without
    # razdel's join (which grew faster than the run)
    from dispatchtui.analysis import nlp

    nlp.preload()
    assert [(k.start, k.stop) for k in nlp.tag_compact(t)] == [(k.start, k.stop) for k in razdel.tokenize(t)]


def test_the_marks_rule_is_razdels():
    """:func:`segmenters._marks_join` reads razdel's ``punct`` rule: its constants are razdel's."""
    from razdel.segmenters.punct import ENDINGS
    from razdel.segmenters.tokenize import SMILE

    assert segmenters._ENDINGS == ENDINGS
    assert segmenters._SMILE.pattern == SMILE.pattern
    for t in ["а,,,,", "а.....", "а!!!?!", ":-)))", ";((((", "=)", ":-))))", "--**--", "а-—-", "(:)", ",:-)"]:
        assert segmenters.token_spans(t) == [(s.start, s.stop) for s in razdel.tokenize(t)]
