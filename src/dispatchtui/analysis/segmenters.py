"""razdel's tokenizer and sentence splitter, linear in the length of a token or a sentence.

razdel (0.5.0, the last release) builds each token and each sentence by string concatenation,
``buffer = buffer + delimiter + right``, while a reference to ``buffer`` is held by the split being
decided: every join copies the whole token or sentence so far. A token or sentence made of many parts
therefore costs the square of its length — a run of full stops (``а.....``, one token and one sentence),
of hyphens, of dashes (``— — —``, one sentence): 1 MB of them did not finish in minutes.

Here the same splits go through the same rules in the same order; only the buffer is kept as a list of
pieces. A rule sees ``split.buffer`` as the text itself while it is short (:data:`SHORT` characters or
fewer) and as its last :data:`SHORT` characters when it is longer: razdel's rules read the buffer only to
test that it is short (``list_item``: ``len(buffer) > BULLET_SIZE``, 20) or a smiley (``punct``: at most 5
characters), so every decision is razdel's own. ``tests/test_segmenters.py`` checks the output against
razdel's on random text. Another razdel version gets razdel's own functions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from operator import attrgetter

#: Longest buffer a rule sees in full (razdel's rules need 20 characters at most).
SHORT = 64


class _Buffer:
    """A token or sentence being built: its pieces, and ``view`` — the text while it is short, else the
    last ``SHORT`` characters (what a rule gets as ``split.buffer``)."""

    __slots__ = ("pieces", "length", "view")

    def __init__(self, first: str) -> None:
        self.pieces = [first]
        self.length = len(first)
        self.view = first if len(first) <= SHORT else first[-SHORT:]

    def add(self, piece: str) -> None:
        self.pieces.append(piece)
        self.length += len(piece)
        if self.length <= SHORT:
            self.view += piece
        elif len(piece) >= SHORT:
            self.view = piece[-SHORT:]
        else:
            self.view = (self.view + piece)[-SHORT:]

    def text(self) -> str:
        return "".join(self.pieces)


def _tokens(segmenter, parts):
    """razdel's ``TokenSegmenter.segment`` with a :class:`_Buffer`."""
    first = next(parts, None)
    if first is None:
        return
    buffer = _Buffer(first)
    for split in parts:
        right = next(parts)
        split.buffer = buffer.view
        if not split.delimiter and segmenter.join(split):
            buffer.add(right)
        else:
            yield buffer.text()
            buffer = _Buffer(right)
    yield buffer.text()


def _sentences(segmenter, parts):
    """razdel's ``Segmenter.segment`` (the sentence splitter's) with a :class:`_Buffer`."""
    first = next(parts, None)
    if first is None:
        return
    buffer = _Buffer(first)
    for split in parts:
        right = next(parts)
        split.buffer = buffer.view
        buffer.add(split.delimiter)
        if segmenter.join(split):
            buffer.add(right)
        else:
            yield buffer.text()
            buffer = _Buffer(right)
    yield buffer.text()


@lru_cache(maxsize=1)
def _razdel():
    """(tokenize, sentenize, "0.5.0"): ours for razdel 0.5.0; razdel's own and None for any other version."""
    from importlib.metadata import version

    import razdel

    if version("razdel") != "0.5.0":  # pragma: no cover - depends on the installed razdel
        return razdel.tokenize, razdel.sentenize, None
    from razdel.segmenters.sentenize import sentenize as sent_segmenter
    from razdel.segmenters.tokenize import tokenize as token_segmenter
    from razdel.substring import find_substrings

    def tokenize(text: str):
        return find_substrings(_tokens(token_segmenter, token_segmenter.split(text)), text)

    def sentenize(text: str):
        chunks = _sentences(sent_segmenter, sent_segmenter.split(text))
        return find_substrings(sent_segmenter.post(chunks), text)

    return tokenize, sentenize, "0.5.0"


def tokenize(text: str):
    """razdel tokens of ``text`` (``.start``, ``.stop``, ``.text``), as ``razdel.tokenize`` gives them."""
    return _razdel()[0](text)


def sentenize(text: str):
    """razdel sentences of ``text`` (``.start``, ``.stop``, ``.text``), as ``razdel.sentenize`` gives them."""
    return _razdel()[1](text)


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, stop) of each razdel token of ``text``: the tokens :func:`tokenize` gives, found without
    razdel's split objects where no rule is asked. razdel splits a text into atoms (a run of Cyrillic or of
    Latin letters, of digits, one mark, any other character; only whitespace between them) and asks its
    rules about two atoms with nothing between them alone (whitespace always splits); a token is the text
    from its first atom to its last. So the same atoms, the same rules asked of the same splits (the same
    atoms around, the token so far as ``split.buffer``, as :class:`_Buffer` shows it), the same tokens;
    their offsets are the atoms' (razdel finds each token's text after the one before: nothing but
    whitespace lies between them). Another razdel version: its own tokens."""
    if _razdel()[2] is None:  # pragma: no cover - depends on the installed razdel
        return [(t.start, t.stop) for t in tokenize(text)]
    from razdel.segmenters.tokenize import ATOM, Atom, TokenSplit
    from razdel.segmenters.tokenize import tokenize as segmenter

    # razdel's atoms (``split.atoms``) as their spans and types: no match object kept (a million of them, a
    # run of marks', made the collector's passes over them grow faster than the run)
    spans: list[tuple[int, int]] = []
    kinds: list[str] = []
    found = ATOM.finditer(text)
    while batch := list(islice(found, 4096)):  # (at C speed, a batch of matches at a time)
        spans.extend(map(_SPAN, batch))
        kinds.extend(map(_KIND, batch))
    del batch
    if not spans:
        return []
    window, join = segmenter.split.window, segmenter.join
    made: dict[int, Atom] = {}  # razdel's Atom of each match a rule may see, made once, when first needed

    def atoms(lo: int, hi: int) -> list[Atom]:
        out = []
        for j in range(lo, min(hi, len(spans))):
            atom = made.get(j)
            if atom is None:
                x, y = spans[j]
                atom = made[j] = Atom(x, y, kinds[j], text[x:y])
            out.append(atom)
        return out

    out: list[tuple[int, int]] = []
    start, stop = spans[0]
    for i in range(1, len(spans)):
        a, b = spans[i]
        if a == stop:  # no whitespace between
            lt, rt = kinds[i - 1], kinds[i]
            if lt == rt == "PUNCT":  # two marks: razdel's punct rule alone decides
                if _marks_join(text, start, stop):
                    stop = b
                    continue
            elif _some_rule_may_join(text, spans[i - 1], lt, spans[i], rt):
                split = TokenSplit(atoms(max(0, i - window), i), "", atoms(i, i + window))
                split.buffer = text[max(start, stop - SHORT) : stop]
                if join(split):
                    stop = b
                    continue
        out.append((start, stop))
        start, stop = a, b
    out.append((start, stop))
    return out


_SPAN = re.Match.span
_KIND = attrgetter("lastgroup")
#: razdel's atom types no rule joins by their type alone (``other`` joins an OTHER atom to its neighbour)
_PLAIN = frozenset(("RU", "LAT", "INT", "PUNCT"))
#: the marks a rule looks at next to a word: dashes and ``_`` (joining words), ``/`` and ``\\`` (numbers),
#: ``!`` (``yahoo!``); ``.`` and ``,`` join numbers alone (see :func:`_some_rule_may_join`)
_ASKED = frozenset("‑–—−-_/\\!")


#: razdel's ``punct`` rule: marks ending a sentence (``...``, ``?!``) and ``--``, ``**`` join; and a smiley
_ENDINGS = ".?!…"
_MARK_PAIRS = ("--", "**")
_SMILE = re.compile(r"^[=:;]-?[)(]{1,3}$")
#: the longest smiley ``_SMILE`` matches
_SMILE_CHARS = 5


def _marks_join(text: str, start: int, stop: int) -> bool:
    """razdel's decision on the one-mark atoms ``text[stop - 1]`` and ``text[stop]`` (nothing between them),
    the token so far ``text[start:stop]``, without razdel's split objects (a run of a million commas made
    two million of them). Of razdel's token rules only ``punct`` can answer for two marks (the dash,
    underscore, float and fraction rules join a word or number on each side of theirs, ``other`` an OTHER
    atom, ``yahoo`` a word): a smiley (the token so far and the mark), two sentence endings, ``--``, ``**``."""
    left, right = text[stop - 1], text[stop]
    if left in _ENDINGS and right in _ENDINGS or left + right in _MARK_PAIRS:
        return True
    return stop - start < _SMILE_CHARS and _SMILE.match(text[start:stop] + right) is not None


def _some_rule_may_join(text: str, left: tuple[int, int], lt: str, right: tuple[int, int], rt: str) -> bool:
    """Whether one of razdel's token rules (dash, underscore, float, fraction, punct, other, yahoo) could
    join two atoms (their spans and types) with nothing between them; when not, every rule passes and
    razdel splits them. Two marks (``punct``), an OTHER atom, a dash, ``_``, ``/``, ``\\``, ``!``, or ``.`` /
    ``,`` next to a number are asked; a word or number next to any other mark, or two words (``тестtest``,
    ``abc123``), are not."""
    if lt not in _PLAIN or rt not in _PLAIN or lt == rt == "PUNCT":
        return True
    lw, rw = text[left[0] : left[1]], text[right[0] : right[1]]
    if lw in _ASKED or rw in _ASKED:
        return True
    return (rw in (".", ",") and lt == "INT") or (lw in (".", ",") and rt == "INT")
