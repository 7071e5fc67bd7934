"""Property tests: normalization and layout never raise, never leak control characters, and agree
with their own offsets — on arbitrary text, including terminal escapes, CRs, NULs and bidi overrides."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples
from dispatchtui.analysis import segment
from dispatchtui.analysis.layout import layout
from dispatchtui.analysis.normalize import normalize

# Pieces a hostile or merely messy dispatch is made of.
_NASTY = [
    "\x1b",
    "\x1b[31m",
    "\x1b[0m",
    "\x1b[2J",
    "\x1b]0;title\x07",
    "\x1b]8;;http://x\x1b\\",
    "\x1bP1;2q\x1b\\",
    "\x1b(B",
    "\x9b31m",
    "\x9d0;t\x9c",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\n\n\n\n",
    "\x00",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x7f",
    "\x85",
    "\t",
    " ",
    "\u00a0",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\ufeff",
    "\u200b",
    "\u2028",
    "-",
    "- ",
    "— ",
    "«",
    "»",
    ".",
    ",",
    '"',
]
_WORDS = [
    "МОСКВА, 8 августа. /ТАСС/. ",
    "Душанбе. 16 февраля. KAZAKHSTAN TODAY - ",
    "ТАСС, 24 ноября. ",
    "МОСКВА, 10 авг - РИА Новости.",
    "Президент ",
    "заявил ",
    "«Мы продолжим работу», ",
    "- сказал он. ",
    "торгово-",
    "экономического ",
    "сотрудничества ",
    "в рамках официального визита ",
    "Путин ",
    "Кремль. ",
]

pieces = st.one_of(
    st.sampled_from(_NASTY),
    st.sampled_from(_WORDS),
    st.text(max_size=12),
    st.text(alphabet=st.characters(max_codepoint=0x20), max_size=4),
)
messy_text = st.lists(pieces, max_size=40).map("".join)
# Wire-like text: lines of words with newlines, so the unwrap and repeat logic actually fire.
wire_line = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14).map("".join)
wire_text = st.lists(st.one_of(wire_line, st.sampled_from(["", "", "\r", "\x1b[1m"])), max_size=14).map("\n".join)

any_text = st.one_of(messy_text, wire_text, st.text(max_size=200))

_SETTINGS = settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])

_FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


@_SETTINGS
@given(any_text)
def test_normalized_text_has_no_controls_and_no_escape(raw):
    text, notes = normalize(raw)
    assert isinstance(text, str)
    assert all(isinstance(n, str) for n in notes)
    bad = _FORBIDDEN.search(text)
    assert bad is None, f"control {bad.group()!r} survived normalization"
    assert "\r" not in text
    assert "\n\n\n" not in text
    assert text == text.strip("\n ")


@_SETTINGS
@given(any_text)
def test_normalize_is_idempotent(raw):
    once, _ = normalize(raw)
    twice, notes = normalize(once)
    assert twice == once
    assert notes == ()  # nothing left to remove the second time


@_SETTINGS
@given(any_text)
def test_normalize_and_segment_are_deterministic(raw):
    a, b = normalize(raw), normalize(raw)
    assert a == b
    assert segment(a[0]) == segment(b[0])


def _check_layout(text):
    lay = layout(text)
    n = len(text)
    paras = lay.paragraphs
    for p in paras:
        assert 0 <= p.start < p.end <= n
        assert not text[p.start].isspace() and not text[p.end - 1].isspace()
        assert "\n" not in text[p.start : p.end]
    assert all(a.end <= b.start for a, b in zip(paras, paras[1:])), "paragraphs overlap or are unordered"
    sents = lay.sentences
    for s in sents:
        assert 0 <= s.start < s.end <= n
        assert any(p.start <= s.start and s.end <= p.end for p in paras), "sentence outside every paragraph"
    assert all(a.end <= b.start for a, b in zip(sents, sents[1:])), "sentences overlap or are unordered"
    if lay.headline is not None:
        assert lay.headline == paras[0]
    if lay.dateline is not None:
        dl = lay.dateline
        assert 0 <= dl.start < dl.end <= n
        assert any(p.start <= dl.start and dl.end <= p.end for p in paras)
        assert lay.headline is None or dl.start >= lay.headline.end
        assert not any(s.overlaps(dl.span) for s in sents), "a sentence overlaps the dateline"
    for r in lay.repeats:
        assert 0 <= r.of.start < r.of.end <= r.start < r.end <= n
        assert text[r.start : r.end] == text[r.of.start : r.of.end]
    assert all(a.end <= b.start for a, b in zip(lay.repeats, lay.repeats[1:]))


@_SETTINGS
@given(any_text)
def test_layout_spans_in_bounds_and_ordered(raw):
    text, _ = normalize(raw)
    _check_layout(text)


@settings(max_examples=examples(60), deadline=None)
@given(wire_text)
def test_segment_never_raises_and_matches_layout(raw):
    text, notes = normalize(raw)
    d = segment(text, source="x.txt", encoding="koi8-r", notes=notes)
    assert d.text == text and d.source == "x.txt" and d.encoding == "koi8-r" and d.notes == notes
    assert d.analysed is False
    lay = layout(text)
    assert (d.paragraphs, d.sentences, d.headline, d.dateline, d.repeats) == (
        lay.paragraphs,
        lay.sentences,
        lay.headline,
        lay.dateline,
        lay.repeats,
    )
    for i, p in enumerate(d.paragraphs):
        assert d.paragraph_at(p.start) == i and d.paragraph_at(p.end - 1) == i


def test_escape_sequences_are_removed_not_just_their_escape_byte():
    raw = "Кремль\x1b[31m сообщил\x1b[0m \x1b]8;;http://evil\x1b\\ссылка\x1b]8;;\x1b\\ о \x9b1mвизите\x07."
    text, notes = normalize(raw)
    assert text == "Кремль сообщил ссылка о визите."
    assert any("escape" in n for n in notes)
