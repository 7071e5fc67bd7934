"""slovnet's numpy inference, done over slovnet's own weights with fewer copies: the very same numbers.

Why: natasha's NER network (slovnet's NER news model over navec's embedding) was the floor of a huge
dispatch's cost, ~0.04 ms of CPU a token, and the dependency parser (the same encoder) the second model
cost. A profile of slovnet's ``exec`` modules on ~190,000 tokens (pieces of ~3,000, one process, one BLAS
thread) gave 7.3 s: the three conv layers 4.4 s (of which the products themselves ~2.3 s; the rest
``np.pad`` copies and the reshape of a strided window view of a channels-first array, a gather with an
inner loop of three floats), the Viterbi decoding 2.0 s (~10 µs of numpy calls a token), navec's
quantized lookup 0.65 s.

What is done here instead, and why the numbers cannot change:

* **The encoder** (:func:`encode`) keeps its activations channels-last, in a buffer with the conv's zero
  border already in place. Each layer's window matrix is built by ``kernel`` slice copies (rows of
  contiguous channels) into exactly the matrix slovnet builds — window-major, then channel, then kernel
  offset — and multiplied by exactly slovnet's weight view, in one ``np.matmul`` of the same shapes: the
  same BLAS call on the same operands, so the same sums in the same order. The bias, ReLU and batch norm
  are the same element-wise float32 operations in the same order (``x - mean``, ``/ std``, ``* weight``,
  ``+ bias``), written in place; the pad positions are zeroed after each layer, as slovnet does. Nothing is
  reassociated (no conv as a sum of per-offset products, which would sum in another order).
* **The embedding** writes navec's product-quantized vectors (a gather: codes of each word's indexes) and
  the shape vectors straight into the first layer's buffer: values copied, no arithmetic.
* **The Viterbi decoding** (:func:`viterbi`) does slovnet's step — ``(score[i] + transitions[i, j]) +
  emission[j]``, the best ``i`` for each ``j``, first on ties — on the transposed transition matrix
  (``transitions.T[j, i] + score[i]`` is the same float32 sum: addition commutes exactly), in place, with
  only the maxima in the forward pass (three numpy calls a token instead of ~8), the back-pointers all at
  once afterwards with slovnet's very sums, the path followed over bytes. Where a piece holds a pad token
  (the padding mask not all false), the caller uses the masked decoding (``nlp.crf_decode``).

The heads (the NER's projection, the parser's arc and relation scorers and their decoding) are slovnet's
own modules, given the encoder's output in slovnet's layout. ``tests/test_inference.py`` compares every
number with slovnet's path on invented sentences (empty, one word, very long, punctuation only, Latin and
Cyrillic, digits, batches of unlike lengths).
"""

from __future__ import annotations

import numpy as np

_CODES: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}  # id(codes) -> (codes, rows, offsets)


def _code_rows(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """navec's codes (qdim x centroids x chunk) as one row of ``chunk`` floats per (subspace, centroid), each
    row one opaque item (so ``take`` copies it whole), and each subspace's first row."""
    got = _CODES.get(id(codes))
    if got is None or got[0] is not codes:
        qdim, centroids, chunk = codes.shape
        table = np.ascontiguousarray(codes).reshape(qdim * centroids, chunk)
        rows = table.view(np.dtype((np.void, table.itemsize * chunk))).ravel()
        got = _CODES[id(codes)] = (codes, rows, np.arange(qdim, dtype=np.intp) * centroids)
    return got[1], got[2]


def embed_into(out: np.ndarray, emb, word_id: np.ndarray, shape_id: np.ndarray) -> None:
    """``out[:] = emb(word_id, shape_id)`` for slovnet's ``WordShapeEmbedding`` (navec words, shape
    vectors), written into ``out`` (batch x tokens x dim, any strides): the same float32 values. navec's
    ``codes[qdims, indexes]`` (a gather of two index arrays, a fifth of the NER's time after the conv) is
    one ``take`` of whole code rows here."""
    word, shape = emb.word, emb.shape
    codes = word.codes.array  # qdim x centroids x chunk
    qdim, _, chunk = codes.shape
    dim = qdim * chunk
    rows, offsets = _code_rows(codes)
    at = word.indexes.array[word_id].astype(np.intp)  # batch x tokens x qdim: each subspace's centroid
    at += offsets
    out[..., :dim] = rows.take(at).view(codes.dtype).reshape(*word_id.shape, dim)
    out[..., dim:] = shape.weight.array[shape_id]


def _conv_block(padded: np.ndarray, layer, out: np.ndarray, pad_mask: np.ndarray | None) -> None:
    """One ``CNNEncoderLayer`` (conv, ReLU, batch norm) then the pad positions zeroed, as slovnet's
    ``CNNEncoder`` does, from ``padded`` (batch x tokens + 2 * padding x channels, the border zero) into
    ``out`` (batch x tokens x filters, a view into the next layer's buffer)."""
    conv, norm = layer.conv, layer.norm
    weight = conv.weight.array  # filters x in x kernel
    filters, channels, kernel = weight.shape
    batch, tokens, _ = out.shape
    # slovnet's window matrix: row (b, w), column (c, k) = input[b, w + k, c] (its inputs are channels-first)
    windows = np.empty((batch, tokens, channels, kernel), dtype=padded.dtype)
    for k in range(kernel):
        windows[:, :, :, k] = padded[:, k : k + tokens, :]
    y = np.matmul(windows.reshape(batch * tokens, channels * kernel), weight.reshape(filters, -1).T)
    y += conv.bias.array
    y.clip(0, out=y)  # slovnet's ReLU: input.clip(0)
    y = y.reshape(batch, tokens, filters)
    np.subtract(y, norm.mean.array, out=out)
    out /= norm.std.array
    out *= norm.weight.array
    out += norm.bias.array
    if pad_mask is not None:
        out[pad_mask] = 0


def encode(model, word_id: np.ndarray, shape_id: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
    """``model.encoder(model.emb(word_id, shape_id), pad_mask)`` of a slovnet tagger or parser: the
    encoder's output, batch x tokens x dim (C-contiguous, as slovnet's), the very same numbers."""
    layers = model.encoder.layers
    batch, tokens = word_id.shape
    mask = pad_mask if pad_mask.any() else None
    codes, shapes = model.emb.word.codes.array, model.emb.shape.weight.array
    dtype = np.result_type(codes, shapes)  # float32: slovnet's arrays, and so every step's
    pad = layers[0].conv.padding
    padded = np.zeros((batch, tokens + 2 * pad, codes.shape[0] * codes.shape[2] + shapes.shape[1]), dtype=dtype)
    embed_into(padded[:, pad : pad + tokens], model.emb, word_id, shape_id)
    for n, layer in enumerate(layers):
        filters, _, kernel = layer.conv.weight.shape
        if kernel != 2 * layer.conv.padding + 1:
            raise ValueError("a conv layer that changes the sequence length")  # slovnet's masking fails too
        last = n == len(layers) - 1
        nxt = 0 if last else layers[n + 1].conv.padding
        following = np.empty((batch, tokens + 2 * nxt, filters), dtype=np.result_type(dtype, layer.conv.weight.array))
        if nxt:
            following[:, :nxt] = 0
            following[:, -nxt:] = 0
        _conv_block(padded, layer, following[:, nxt : nxt + tokens], mask)
        padded = following
    return padded


def ner_emissions(model, word_id: np.ndarray, shape_id: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
    """slovnet's ``NER.__call__``: the tag scores, batch x tokens x tags."""
    return model.head(encode(model, word_id, shape_id, pad_mask))


def syntax_pred(model, word_id: np.ndarray, shape_id: np.ndarray, pad_mask: np.ndarray):
    """slovnet's ``Syntax.__call__``: its ``SyntaxPred`` (arc scores, relation scores), by slovnet's heads."""
    from slovnet.exec.model import SyntaxPred

    x = encode(model, word_id, shape_id, pad_mask)
    head_id = model.head(x)
    target_head_id = model.head.decode(head_id, ~pad_mask)
    return SyntaxPred(head_id, model.rel(x, target_head_id))


def viterbi(transitions: np.ndarray, emissions: np.ndarray) -> list[int]:
    """The best tag path of one unpadded sequence (tokens x tags), as slovnet's ``CRF.decode`` finds it.

    slovnet's step: ``step[i, j] = (score[i] + transitions[i, j]) + emission[t, j]``, back-pointer
    ``argmax_i`` (first on ties), ``score[j] = step[best, j]``. Rounding to float32 is monotone, so the
    largest of the ``fl(u_i + e)`` is ``fl(max_i u_i + e)``: the forward pass needs only the maxima (three
    numpy calls a token), and every back-pointer is then found at once from the stored scores with
    slovnet's very sums."""
    return viterbi_many(transitions, [emissions])[0]


def viterbi_many(transitions: np.ndarray, pieces: list[np.ndarray]) -> list[list[int]]:
    """:func:`viterbi` of each of ``pieces`` (tokens x tags each, unpadded), their forward passes run
    together: each step's three numpy calls (the sums, their maxima, the emissions added) over every piece
    still that long at once, each piece's numbers those of its own pass (element-wise sums and maxima: the
    same float32 operations on the same operands). A part of a huge text is ~15 pieces: its decoding was
    ~5% of its analysis, nearly all numpy's per-call cost."""
    if not pieces:
        return []
    tags = transitions.shape[1]
    dtype = np.result_type(transitions, *pieces)
    order = sorted((p for p in range(len(pieces)) if len(pieces[p])), key=lambda p: -len(pieces[p]))
    paths: list[list[int]] = [[] for _ in pieces]
    if not order:
        return paths
    lengths = [len(pieces[p]) for p in order]
    emissions = np.zeros((len(order), lengths[0], tags), dtype=dtype)
    for rank, p in enumerate(order):
        emissions[rank, : lengths[rank]] = pieces[p]
    scores = _forward(np.ascontiguousarray(transitions.T), emissions, lengths)
    for rank, p in enumerate(order):
        paths[p] = _backtrack(transitions, pieces[p], scores[rank, : lengths[rank]])
    return paths


def _forward(into: np.ndarray, emissions: np.ndarray, lengths: list[int]) -> np.ndarray:
    """The Viterbi scores of each sequence of ``emissions`` (sequences x tokens x tags, the longest first,
    each of ``lengths`` tokens; ``into[j, i]``: from tag i to tag j): ``score[t, j] = max_i (into[j, i] +
    score[t - 1, i]) + emission[t, j]``."""
    count, tokens, tags = emissions.shape
    scores = np.empty_like(emissions)
    scores[:, 0] = emissions[:, 0]
    step = np.empty((count, tags, tags), dtype=emissions.dtype)
    best = np.empty((count, tags), dtype=emissions.dtype)
    add, largest = np.add, np.maximum.reduce
    active = count
    for t in range(1, tokens):
        while lengths[active - 1] <= t:
            active -= 1
        add(into, scores[:active, t - 1, None, :], out=step[:active])  # the same float32 sums as one's own
        largest(step[:active], axis=2, out=best[:active])
        add(best[:active], emissions[:active, t], out=scores[:active, t])
    return scores


def _backtrack(transitions: np.ndarray, emissions: np.ndarray, scores: np.ndarray) -> list[int]:
    """The best path of one sequence from its forward ``scores``: every back-pointer found at once with
    slovnet's very sums, the path followed over bytes."""
    tokens, tags = emissions.shape
    steps = scores[:-1, :, None] + transitions  # (score[i] + transitions[i, j]) for every token
    steps += emissions[1:, None, :]
    # back[(t - 1) * tags + j]: the best tag before tag j at token t (bytes: read as ints at once)
    back = steps.argmax(1).astype(np.uint8 if tags <= 256 else np.intp).ravel()
    pointers = back.tobytes() if tags <= 256 else back.tolist()
    best = int(scores[-1].argmax())
    path = [best]
    for at in range((tokens - 2) * tags, -1, -tags):
        best = pointers[at + best]
        path.append(best)
    path.reverse()
    return path
