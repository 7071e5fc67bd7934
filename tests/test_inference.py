"""The fast inference (analysis/inference.py) gives slovnet's very numbers: the NER's tags and the
parser's heads and relations, compared with slovnet's own modules on invented sentences, tricky ones
included (empty, one word, a very long sentence, marks only, Latin and Cyrillic mixed, digits)."""

from __future__ import annotations

import random

import numpy as np
import pytest

INVENTED = [
    "",
    "Кузьмина",
    "Вчера глава «Севморнефти» Рустам Валиев прибыл в Архангельск.",
    "!!! ... ?! — « » ,,, ;:",
    "12 345 67,8 1999 2024-05-01 №7 +7 (912) 000-00-00",
    "CEO компании Nordwind Air Жан-Поль Дюпре заявил агентству Reuters, что рейсы в Berlin отменят.",
    "Mixed слово wоrd с латинской о, iPhone и Mинфин с латинской M.",
    "ООН, МЧС и ЦБ РФ: В. В. Лаптев и О. Седых — в Нью-Йорке, Улан-Удэ и Санкт-Петербурге",
    "а",
    "\n\n\t ",
]


def _long_sentence(words: int) -> str:
    rng = random.Random(7)
    parts = ["Анна", "Кузьмина", "из", "Вологды", "и", "Минфин", ",", "сообщил", "что", "мост", "в", "Казани"]
    return " ".join(rng.choice(parts) for _ in range(words)) + "."


@pytest.fixture(scope="module")
def nlp():
    from dispatchtui.analysis import nlp

    nlp.preload()
    return nlp


def _slovnet_tags(nlp, words: list[str]) -> list[str]:
    """slovnet's own path for one text: its encoder, its network, its CRF decoding, its decoder."""
    infer = nlp.get_ner().infer
    batch = infer.encoder.input([infer.encoder.item(words)])
    paths = infer.model.head.crf.decode(infer.model(batch.word_id, batch.shape_id, batch.pad_mask), ~batch.pad_mask)
    return next(iter(infer.decoder(paths)))


@pytest.mark.parametrize("text", [*INVENTED, _long_sentence(2500)])
def test_ner_tags_are_those_of_slovnets_own_path(nlp, text):
    toks = nlp.tag_tokens(text)
    words = [t.text for t in toks]
    assert [t.tag for t in toks] == (_slovnet_tags(nlp, words) if words else [])


def test_the_invented_sentences_do_get_names_so_the_comparison_sees_more_than_o(nlp):
    tags = {t.tag for text in INVENTED for t in nlp.tag_tokens(text)}
    assert {"B-PER", "I-PER", "B-LOC", "B-ORG"} <= tags


def test_encoder_output_is_slovnets_to_the_bit_in_a_padded_batch(nlp):
    from dispatchtui.analysis.inference import encode, ner_emissions

    for model in (nlp.get_ner().infer.model, nlp.get_syntax().infer.model):
        encoder = nlp.get_ner().infer.encoder
        texts = [t for t in INVENTED if t.strip()] + [_long_sentence(300)]
        batch = encoder.input([encoder.item([t.text for t in nlp.tokenize(text)]) for text in texts])
        assert batch.pad_mask.any() and not batch.pad_mask.all()
        ours = encode(model, batch.word_id, batch.shape_id, batch.pad_mask)
        theirs = model.encoder(model.emb(batch.word_id, batch.shape_id), batch.pad_mask)
        assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
        assert np.array_equal(ours, theirs)
    ner = nlp.get_ner().infer.model
    emitted = ner_emissions(ner, batch.word_id, batch.shape_id, batch.pad_mask)
    assert np.array_equal(emitted, ner(batch.word_id, batch.shape_id, batch.pad_mask))


def test_viterbi_paths_are_slovnets_crf_decoding_on_random_scores(nlp):
    from dispatchtui.analysis.inference import viterbi

    crf = nlp.get_ner().infer.model.head.crf
    rng = np.random.default_rng(16)
    for tokens in (1, 2, 3, 50, 777):
        emissions = rng.normal(0, 4, (1, tokens, 8)).astype(np.float32)
        emissions[0, ::5] = np.round(emissions[0, ::5])  # some ties among the candidates
        expected = crf.decode(emissions, np.ones((1, tokens), dtype=bool))[0].tolist()
        assert viterbi(crf.transitions.array, emissions[0]) == expected
    assert viterbi(crf.transitions.array, np.zeros((0, 8), dtype=np.float32)) == []


def _slovnet_parses(nlp, sentences: list[list[str]]) -> list[list[tuple[int, str]]]:
    """slovnet's own parser API (``Syntax.map``) as (head index or -1, relation) per word."""
    out = []
    for markup in nlp.get_syntax().map(sentences):
        ids = {t.id: n for n, t in enumerate(markup.tokens)}
        out.append([(ids.get(t.head_id, -1), t.rel or "") for t in markup.tokens])
    return out


def test_parses_are_those_of_slovnets_own_parser_over_the_same_batches(nlp):
    """parse_sentences gives the model its sentences by length, eight to a padded batch (as slovnet's
    ``Syntax.map`` chops them): slovnet's parser given the same sentences in the same order agrees."""
    rng = random.Random(11)
    texts = [_long_sentence(n) for n in (3, 17, 1, 60, 119, 8, 2, 33, 90, 5, 12, 140)] + INVENTED
    rng.shuffle(texts)
    text = " ".join(texts)
    spans, at = [], 0
    for t in texts:
        spans.append((at, at + len(t)))
        at += len(t) + 1
    parsed = nlp.parse_sentences(text, spans)
    words = [[p.text for p in sentence] for sentence in parsed]
    assert [len(w) for w in words if len(w) > 100] == [120, 120]  # cut at max_tokens, as before
    order = sorted((i for i, w in enumerate(words) if w), key=lambda i: len(words[i]))
    theirs = dict(zip(order, _slovnet_parses(nlp, [words[i] for i in order])))
    assert [[(p.head, p.rel) for p in sentence] for sentence in parsed] == [
        theirs.get(i, []) for i in range(len(texts))
    ]
    assert sum(1 for sentence in parsed if sentence) > 16  # several batches, padded


def test_viterbi_of_many_pieces_is_each_ones():
    """:func:`inference.viterbi_many`: each piece's path is its own :func:`inference.viterbi` path, whatever
    the other pieces' lengths (empty, one token, unlike lengths, in any order)."""
    import numpy as np

    from dispatchtui.analysis import inference

    rng = np.random.default_rng(7)
    transitions = rng.standard_normal((8, 8)).astype(np.float32)
    pieces = [rng.standard_normal((n, 8)).astype(np.float32) for n in (5, 0, 1, 300, 2, 300, 17)]
    pieces.append(np.zeros((40, 8), dtype=np.float32))  # ties everywhere: the first best, as one's own
    assert inference.viterbi_many(transitions, pieces) == [inference.viterbi(transitions, p) for p in pieces]
    assert inference.viterbi_many(transitions, []) == []
