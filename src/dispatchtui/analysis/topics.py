"""Topics: what a reader would write on an index card — a short ranked list of normalized noun phrases
(``торгово-экономические связи``, ``сельское хозяйство``, ``транспорт и логистика``), plus the places and
organizations the dispatch is about as their own facets.

Our own pymorphy3 noun-phrase ranker. Candidates are agreeing ``ADJ+ NOUN`` groups, ``NOUN и NOUN``
pairs after a sphere noun (``в сфере транспорта и логистики``) and ``NOUN + genitive noun`` (``расчистка
реки``, ``сборная России``, ``чемпионат мира по хоккею``; ``ЧМ`` reads as ``чемпионат мира``), put in the
nominative — adjectives agreeing with their noun (never ``первое энергоблок``), a genitive as written.
Phrases inside the name of an organization or place belong to that facet. Each occurrence weighs more when a topic
marker introduces it (``вопросы``, ``сотрудничество в``, ``перспективы``, ``развитие``, ``углубление`` …) or when it
heads its sentence. A phrase also collects its *family*: other words sharing its stems
(``сельском хозяйстве`` + ``сельскохозяйственной продукции``; ``экономических связей`` folded into
``торгово-экономические связи``). Generic pairs (``политическая воля``, ``новый уровень``), evaluative
adjectives (``резкие замечания``; classifying ones such as ``сухие грозы`` are not, whatever pymorphy's
Qual says), participles, people by role or relation (``российский бизнесмен``, ``торговые партнеры``),
relation heads (``двустороннее сотрудничество``) and a phrase said once inside a quotation are discounted;
idioms (``выеденное яйцо``) are dropped; near-synonyms sharing a head, two stems or a noun are shown once.
A dispatch of three sentences or more always gets a few themes: weaker phrases, then repeated nouns.
Places and organizations: one entry per thing (``МИД`` = ``Министерство иностранных дел``, ``РФ`` =
``Россия``), without the dateline city, news outlets or fragments. Word lists: :mod:`.lexicon.topics`.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Span, Topic, TopicFacet
from .lexicon.agencies import AGENCIES
from .lexicon.topics import (
    ABBREVIATIONS,
    EVALUATIVE_ADJS,
    GENERIC_GENITIVE_DEPS,
    GENERIC_GENITIVE_HEADS,
    GENERIC_ORGS,
    IDIOMS,
    MEASURE_NOUNS,
    ORG_ALIASES,
    PARTITIVE_NOUNS,
    PERSON_HEADS,
    PLACE_ALIASES,
    PLACE_GENITIVE_HEADS,
    SOURCE_OUTLETS,
)
from .people import Entity, match_case, parses

MAX_THEMES = 10
MIN_THEME_SCORE = 1.0
MAX_PLACES = 3
MAX_ORGS = 3

#: Nouns too general to be a topic on their own or as a phrase head.
GENERIC_NOUNS = (
    frozenset(
        """
вопрос уровень рамка ход итог время год день месяц неделя сторона направление перспектива значение
внимание раз часть число случай тема образ вид момент место результат слово дело мнение цель срок
повестка путь возможность ряд сфера область условие процесс мера основа глава пара программа шаг
область отношение работа деятельность позиция роль решение задача план факт неделя минута час
начало конец середина половина период этап дня друг штат группа количество размер
ведомство министерство пора пожелание приветствие делегация визит встреча беседа переговоры
воля характер дух потенциал состояние приоритет усилие приверженность договоренность площадка формат
механизм контакт важность необходимость интерес образ успех ситуация сотрудник человек мужчина женщина
ребенок люди объем доля сумма выход линия очередь утро вечер ночь неделя лето зима весна осень
государство страна средство город
""".split()
    )
    | MEASURE_NOUNS
)

#: Adjectives that add nothing to a topic.
GENERIC_ADJS = frozenset(
    """
высокий дальнейший актуальный новый важный особый текущий данный который весь такой этот тот
свой наш ваш его их другой многий некоторый прошлый нынешний будущий последний первый второй
третий каждый различный большой крупный главный основной целый определенный настоящий
качественный отдельный следующий бывший взаимный двусторонний многоплановый конструктивный
поступательный регулярный рациональный тесный солидный значительный многосторонний общий
самый один полный известный должный возможный необходимый ближайший личный приоритетный
добрый теплый официальный соответствующий сам огромный мощный талантливый ключевой приглашенный
совместный сильный внешнеполитический несчастный упрощенный четырехкратный прямой
международный взаимовыгодный наилучший хороший подобный предстоящий очередной минувший
благоприятный молодой старый местный единый нужный серьезный постоянный целый небольшой малый
сегодняшний вчерашний завтрашний здешний последующий единственный крупнейший наибольший наименьший
больший
""".split()
)

#: Relation nouns: they introduce a topic ("сотрудничество в сфере …") rather than name one.
RELATION_HEADS = frozenset(
    """
сотрудничество взаимодействие отношение диалог союзничество дружба поддержка
""".split()
)

#: Words that introduce the topic right after them ("вопросы обеспечения …", "в сфере …").
TOPIC_MARKERS = frozenset(
    """
вопрос проблема сфера область отрасль сектор тема сотрудничество взаимодействие перспектива развитие
углубление расширение укрепление обеспечение повышение реформа модернизация поддержка обсуждение
поставка рынок политика реализация наращивание создание решение стратегия
""".split()
)

#: Nouns after which ``NOUN и NOUN`` is a topic ("в сфере транспорта и логистики").
_PAIR_MARKERS = frozenset("сфера область вопрос проблема отрасль тема сектор".split())

_SKIP = frozenset("в во по о об на для с со".split())

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


class _Cover:
    """Ranges (names, quotations) asked "does one contain [a, b)?" in O(log n): sorted starts and the
    running maximum of the ends."""

    def __init__(self, ranges) -> None:
        rs = sorted((r.start, r.end) if isinstance(r, Span) else tuple(r) for r in ranges)
        self.starts = [a for a, _ in rs]
        self.max_end = []
        m = -1
        for _, b in rs:
            m = max(m, b)
            self.max_end.append(m)

    def contains(self, a: int, b: int) -> bool:
        i = bisect_right(self.starts, a) - 1
        return i >= 0 and self.max_end[i] >= b

    def __bool__(self) -> bool:
        return bool(self.starts)


@dataclass
class _Cand:
    words: tuple[str, ...]  # nominative label words
    spans: list[Span] = field(default_factory=list)
    plural: int = 0
    early: bool = False
    occ: float = 0.0  # sum of occurrence weights
    animate: bool = False  # singular animate head: a person's role ("российский бизнесмен")
    weak_mod: bool = False  # only qualitative adjectives / participles ("резкие замечания")
    pair: bool = False  # "транспорт и логистика"
    gen: bool = False  # noun + genitive: "чемпионат мира", "расчистка реки"
    merged: list[Span] = field(default_factory=list)  # spans of related phrases folded in


@lru_cache(maxsize=100_000)
def _noun_parses(w: str) -> tuple:
    return tuple(
        p
        for p in parses(w)[:4]
        if p.tag.POS == "NOUN"
        and "Name" not in p.tag
        and "Surn" not in p.tag
        and "Patr" not in p.tag
        and "Geox" not in p.tag
        and "Orgn" not in p.tag
        and "Abbr" not in p.tag
    )


@lru_cache(maxsize=100_000)
def _adj_parses(w: str) -> tuple:
    # active participles govern objects ("устроившие погромы"): no modifiers of a topic noun
    return tuple(p for p in parses(w)[:6] if p.tag.POS == "ADJF" or (p.tag.POS == "PRTF" and "actv" not in p.tag))


def _agree(adj, noun) -> bool:
    a, n = adj.tag, noun.tag
    if a.case != n.case or a.number != n.number:
        return False
    if n.number == "sing" and a.gender is not None and n.gender is not None and a.gender != n.gender:
        return False
    return True


def _nominative(adjs, noun, plural: bool) -> tuple[str, ...] | None:
    return _nominative_of(tuple(adjs), noun, plural)


@lru_cache(maxsize=50_000)
def _nominative_of(adjs: tuple, noun, plural: bool) -> tuple[str, ...] | None:
    """:func:`_nominative` of readings (pymorphy3's parses are hashable values: a repeated phrase is
    inflected once)."""
    num = "plur" if plural else "sing"
    if "Pltm" in noun.tag:
        num = "plur"
    if "Sgtm" in noun.tag:
        num = "sing"
    n = noun.inflect({"nomn", num})
    if n is None:
        return None
    out = []
    for a in adjs:
        feats = {"nomn", "plur"} if num == "plur" else {"nomn", "sing", str(n.tag.gender or "masc")}
        ai = a.inflect(feats)
        if ai is None:
            return None
        out.append(ai.word)
    out.append(n.word)
    return tuple(out)


_OPENING = ' «"„“(—–-'


def _sentence_initial(text: str, block: Span, pos: int) -> bool:
    """Nothing but spaces, opening marks and dashes between the start of ``block`` (or a sentence end)
    and ``pos``. Looks back over those marks only, in growing windows: never the whole block so far
    (once per word, that was quadratic in a long sentence)."""
    stop, step = pos, 64
    while True:
        start = max(block.start, stop - step)
        before = text[start:stop].rstrip(_OPENING)
        if before:
            return before[-1] in ".!?\n"
        if start == block.start:
            return True
        stop, step = start, step * 2


def _tokens(text: str, start: int, end: int):
    out = []
    for m in _WORD.finditer(text, start, end):
        a = m.start()
        # "28-летняя": the number's suffix is no adjective of its own
        if a >= 2 and text[a - 1] == "-" and text[a - 2].isdigit():
            out.append((a, m.end(), "0"))
            continue
        out.append((a, m.end(), m.group()))
    return out


@lru_cache(maxsize=100_000)
def _lemma0(w: str) -> str:
    ps = parses(w)
    return ps[0].normal_form.replace("ё", "е") if ps else w.lower()


def _occurrence_weight(text: str, toks, k: int, block: Span) -> float:
    """1, more after a topic marker ("вопросы обеспечения …") or at the head of a sentence."""
    w = 1.0
    if _sentence_initial(text, block, toks[k][0]):
        w += 0.4
    j = k - 1
    skipped = 0
    while j >= 0 and text[toks[j][1] : toks[j + 1][0]].strip() == "":
        lw = toks[j][2].lower()
        if lw in _SKIP and skipped == 0:
            skipped += 1
            j -= 1
            continue
        if _lemma0(lw) in TOPIC_MARKERS:
            w += 0.6
        break
    return w


class _AdjRun:
    """The run of adjectives ``toks[start:end]`` (lower-case, no noun reading, nothing but spaces between
    them) and the word after it as their possible noun (``noun_ok``: lower-case, right after the run).

    :meth:`phrase` answers for any ``i`` in the run whether ``toks[i:end]`` + the noun is a phrase, in O(1)
    when it is not: each noun reading remembers the last adjective of the run that cannot agree with it.
    """

    __slots__ = ("toks", "start", "end", "noun_ok", "_nouns", "_last_bad")

    def __init__(self, text: str, toks, start: int) -> None:
        n = len(toks)
        j = start
        while (
            j < n
            and toks[j][2][:1].islower()
            and _adj_parses(toks[j][2])
            and not _noun_parses(toks[j][2])
            and (j == start or text[toks[j - 1][1] : toks[j][0]].strip() == "")
        ):
            j += 1
        self.toks, self.start, self.end = toks, start, j
        self.noun_ok = (
            j > start and j < n and toks[j][2][:1].islower() and text[toks[j - 1][1] : toks[j][0]].strip() == ""
        )
        self._nouns: tuple | None = None
        self._last_bad: list[int] = []

    def phrase(self, i: int):
        """(noun reading, one agreeing reading per adjective of ``toks[i:end]``) for the first noun reading
        all of them agree with, or None."""
        toks, end = self.toks, self.end
        if self._nouns is None:
            self._nouns = _noun_parses(toks[end][2])
            self._last_bad = []
            for noun in self._nouns:
                bad = self.start - 1
                for k in range(self.start, end):
                    if not any(_agree(a, noun) for a in _adj_parses(toks[k][2])):
                        bad = k
                self._last_bad.append(bad)
        for noun, bad in zip(self._nouns, self._last_bad):
            if bad < i:
                return noun, [next(a for a in _adj_parses(toks[k][2]) if _agree(a, noun)) for k in range(i, end)]
        return None


def _theme_candidates(
    text: str, blocks: Sequence[Span], early_end: int, names: _Cover | None = None
) -> dict[tuple, _Cand]:
    """``names``: mentions of organizations and places; a phrase inside one is part of a name, shown in
    its own facet (``антидопинговое агентство`` in ``Российское антидопинговое агентство``)."""
    cands: dict[tuple, _Cand] = {}

    class _Void(_Cand):
        pass

    def add(key, words, span, plural, weight):
        if names and names.contains(span.start, span.end):
            return _Void(words)
        if "ё" not in text[span.start : span.end].lower():  # spell ё only where the dispatch does
            words = tuple(w.replace("ё", "е") for w in words)
        c = cands.get(key)
        if c is None:
            c = cands[key] = _Cand(words)
        c.spans.append(span)
        c.plural += 1 if plural else -1
        c.occ += weight
        if span.start < early_end:
            c.early = True
        return c

    for block in blocks:
        toks = _tokens(text, block.start, block.end)
        # a capitalized word opening a sentence is an ordinary word ("Лесные пожары охватили …")
        toks = [
            (a, b, w.lower() if w[:1].isupper() and not w.isupper() and _sentence_initial(text, block, a) else w)
            for a, b, w in toks
        ]
        i = 0
        n = len(toks)
        run: _AdjRun | None = None
        while i < n:
            s, e, w = toks[i]
            if not w[:1].islower():
                i += 1
                continue
            # ADJ+ NOUN: the run of adjectives from i and its noun are the same for every i inside the run,
            # so they are found once per run (a new scan from every i was quadratic in a run of adjectives)
            if run is None or i >= run.end:
                # (a word that opens no run of adjectives, most words, makes an empty one: none is made)
                run = _AdjRun(text, toks, i) if _adj_parses(w) and not _noun_parses(w) else None
            j = i if run is None else run.end
            if run is not None and run.noun_ok and j > i:
                found = run.phrase(i)
                if found:
                    noun, adjs = found
                    # drop generic and pronominal adjectives ("никакая", "мое"); keep the phrase if
                    # something specific remains
                    keep = [
                        a for a in adjs if a.normal_form.replace("ё", "е") not in GENERIC_ADJS and "Apro" not in a.tag
                    ]
                    head = noun.normal_form.replace("ё", "е")
                    if keep and head not in GENERIC_NOUNS:
                        keep = keep[-2:]
                        plural = noun.tag.number == "plur"
                        key = tuple(a.normal_form.replace("ё", "е") for a in keep) + (head,)
                        words = _nominative(keep, noun, plural)
                        if words:
                            first_k = i + adjs.index(keep[0]) if keep[0] in adjs else i
                            c = add(
                                key,
                                words,
                                Span(toks[first_k][0], toks[j][1]),
                                plural,
                                _occurrence_weight(text, toks, i, block),
                            )
                            c.animate = noun.tag.animacy == "anim" and noun.tag.number == "sing"
                            # evaluative adjectives and participles judge or narrate ("резкие замечания");
                            # classifying ones make terms even when pymorphy calls them Qual ("сухие грозы")
                            c.weak_mod = all(
                                a.normal_form.replace("ё", "е") in EVALUATIVE_ADJS or a.tag.POS == "PRTF" for a in keep
                            )
                    elif keep and head in ("сфера", "область", "отрасль", "сектор"):
                        # "в водно-энергетической сфере" is a topic although "сфера" alone is not
                        words = _nominative(keep[-1:], noun, False)
                        if words:
                            add(
                                (keep[-1].normal_form.replace("ё", "е"), head),
                                words,
                                Span(toks[j - 1][0], toks[j][1]),
                                False,
                                _occurrence_weight(text, toks, i, block),
                            )
                i = j + 1 if found else i + 1
                continue
            # NOUN и NOUN (same case) after a sphere noun: "транспорт и логистика"
            if i + 2 < n and toks[i + 1][2] == "и" and toks[i + 2][2][:1].islower():
                gap_ok = text[e : toks[i + 1][0]].strip() == "" and text[toks[i + 1][1] : toks[i + 2][0]].strip() == ""
                a_ps, b_ps = _noun_parses(w), _noun_parses(toks[i + 2][2])
                pair = next(
                    (
                        (a, b)
                        for a in a_ps
                        for b in b_ps
                        if a.tag.case == b.tag.case
                        and a.tag.case != "nomn"
                        and a.tag.animacy == "inan"
                        and b.tag.animacy == "inan"
                    ),
                    None,
                )
                prev = _noun_parses(toks[i - 1][2]) if i > 0 else []
                if (
                    gap_ok
                    and pair
                    and pair[0].normal_form not in GENERIC_NOUNS
                    and pair[1].normal_form not in GENERIC_NOUNS
                    and prev
                    and prev[0].normal_form in _PAIR_MARKERS
                ):
                    a, b = pair
                    wa = a.inflect({"nomn", a.tag.number or "sing"})
                    wb = b.inflect({"nomn", b.tag.number or "sing"})
                    if wa and wb:
                        c = add(
                            (a.normal_form, "и", b.normal_form),
                            (wa.word, "и", wb.word),
                            Span(s, toks[i + 2][1]),
                            False,
                            _occurrence_weight(text, toks, i, block),
                        )
                        c.pair = True
                        i += 3
                        continue
            i += 1
        _genitive_candidates(text, toks, block, add)
    return cands


_GEN = "<gen>"


def _content(key: tuple) -> list[str]:
    """The lemmas of a candidate key without its markers (``и``, ``<gen>``, ``по``)."""
    return [w for w in key if w not in ("и", _GEN, "по")]


@lru_cache(maxsize=100_000)
def _top_noun(w: str):
    """The noun reading of ``w`` when it is the most likely one (``матчи``, not ``данные``)."""
    ps = parses(w)
    if not ps or ps[0].tag.POS != "NOUN":
        return None
    ns = _noun_parses(w)
    return ns[0] if ns else None


def _genitive_noun(w: str, head_lemma: str):
    """``w`` as a genitive noun dependent on ``head_lemma``: a common inanimate noun in its most likely
    reading, or a place after a head that takes one (``сборная России``)."""
    if w[:1].islower():
        ps = parses(w)
        if not ps or ps[0].tag.POS != "NOUN":
            return None
        return next((p for p in _noun_parses(w)[:3] if p.tag.case == "gent" and p.tag.animacy == "inan"), None)
    if head_lemma in PLACE_GENITIVE_HEADS:
        return next(
            (p for p in parses(w)[:3] if p.tag.POS == "NOUN" and p.tag.case == "gent" and "Geox" in p.tag), None
        )
    return None


def _genitive_candidates(text: str, toks, block: Span, add) -> None:
    """``NOUN + genitive noun`` (``расчистка реки``, ``поставки газа``, ``сборная России``; with a
    ``по``-complement: ``чемпионат мира по хоккею``), the head put in the nominative, the genitive as
    written; and abbreviations read as a phrase (``ЧМ по хоккею``). A genitive with adjectives is left to
    the ``ADJ+ NOUN`` reading (``тушение лесных пожаров`` → ``лесные пожары``)."""
    n = len(toks)

    def glued(a: int, b: int) -> bool:
        return text[toks[a][1] : toks[b][0]].strip() == ""

    def po_complement(k: int):
        """``по хоккею`` after token ``k``: (end token, lemma, surface) or None."""
        if (
            k + 2 < n
            and toks[k + 1][2] == "по"
            and glued(k, k + 1)
            and glued(k + 1, k + 2)
            and toks[k + 2][2][:1].islower()
        ):
            d = next(
                (p for p in _noun_parses(toks[k + 2][2]) if p.tag.case == "datv" and p.tag.animacy == "inan"), None
            )
            if d is not None and d.normal_form.replace("ё", "е") not in GENERIC_NOUNS:
                return k + 2, d.normal_form.replace("ё", "е"), toks[k + 2][2].lower()
        return None

    for k in range(n):
        s, e, w = toks[k]
        if w in ABBREVIATIONS:
            label, key = ABBREVIATIONS[w]
            words, end, kk = tuple(label.split()), e, k
            po = po_complement(k)
            if po is not None:
                kk, lem, surf = po
                key, words, end = key + ("по", lem), words + ("по", surf), toks[kk][1]
            c = add(key, words, Span(s, end), False, _occurrence_weight(text, toks, k, block))
            c.gen = _GEN in key
            continue
        if not w[:1].islower() or k + 1 >= n or not glued(k, k + 1):
            continue
        head = _top_noun(w)
        if head is None or head.tag.animacy == "anim":
            continue
        hl = head.normal_form.replace("ё", "е")
        if (
            hl in GENERIC_NOUNS
            or hl in GENERIC_GENITIVE_HEADS
            or hl in PERSON_HEADS
            or hl in RELATION_HEADS
            or hl in PARTITIVE_NOUNS
            or len(hl) < 3
        ):
            continue
        # the genitive: one noun, its most likely reading ("сборная России", not "пост главного [тренера]");
        # a part names the whole after it ("расчистка участка реки" → "расчистка реки")
        j = k + 1
        dep = _genitive_noun(toks[j][2], hl)
        if dep is not None and dep.normal_form in PARTITIVE_NOUNS and j + 1 < n and glued(j, j + 1):
            whole = _genitive_noun(toks[j + 1][2], hl)
            if whole is not None:
                j, dep = j + 1, whole
        if dep is None:
            continue
        dl = dep.normal_form.replace("ё", "е")
        if (
            dl in GENERIC_NOUNS
            or dl in GENERIC_GENITIVE_DEPS
            or dl in GENERIC_GENITIVE_HEADS
            or dl in PARTITIVE_NOUNS
            or dl in RELATION_HEADS
            or len(dl) < 3
        ):
            continue
        dw = toks[j][2]
        if dw[:1].islower() and any(_agree(a, dep) for a in _adj_parses(w)):
            continue  # "сборной команды": an adjective and its noun, not a noun and its genitive
        if (
            j + 1 < n
            and glued(j, j + 1)
            and toks[j + 1][2][:1].islower()
            and any(p.tag.case == "gent" for p in _noun_parses(toks[j + 1][2])[:2])
        ):
            continue  # a chain ("пост главного тренера"): no clean two-word topic
        hn = head.inflect({"nomn", head.tag.number or "sing"})
        if hn is None:
            continue
        dep_surface = dw if not dw[:1].islower() else dw.lower()
        end = toks[j][1]
        m = re.match(r"-\d+", text[end : end + 6])  # "гелия-3"
        if m:
            dep_surface += m.group()
            end += len(m.group())
        key = (hl, _GEN, dl)
        words = (hn.word, dep_surface)
        po = po_complement(j)
        if po is not None:
            kk, lem, surf = po
            key, words, end = key + ("по", lem), words + ("по", surf), toks[kk][1]
        c = add(key, words, Span(s, end), head.tag.number == "plur", _occurrence_weight(text, toks, k, block) * 0.9)
        c.gen = True


_VOWELS_END = re.compile(r"[аеиоуыэюяйь]+$")


def _stems(lemma: str) -> list[str]:
    """Crude stems of a lemma's hyphen parts: ``торгово-экономический`` → ``торгов``, ``экономическ``."""
    out = []
    for part in lemma.split("-"):
        st = _VOWELS_END.sub("", part)
        if len(st) >= 4:
            out.append(st)
    return out


class _Lemmas:
    """The text's lemmas and their counts, asked "how many words contain this stem" (:func:`_stem_hits`).

    The lemmas are one string, ``\\0``-separated, searched at C speed, and each answer is kept: a Python
    loop over every lemma for every stem of every candidate was quadratic in a long, varied text (the
    concatenated corpus, 170 KB, spent 10 s here)."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.lemmas = list(counts)
        self.counts = [counts[lem] for lem in self.lemmas]
        self.starts = []
        pos = 1
        for lem in self.lemmas:
            self.starts.append(pos)
            pos += len(lem) + 1
        self.joined = "\0" + "\0".join(self.lemmas) + "\0"
        self._memo: dict[tuple[str, bool], int] = {}

    def hits(self, stem: str, strict: bool) -> int:
        got = self._memo.get((stem, strict))
        if got is not None:
            return got
        total = 0
        find, starts, lemmas = self.joined.find, self.starts, self.lemmas
        pos = find(stem) if stem else -1
        while pos >= 0:
            i = bisect_right(starts, pos) - 1  # the lemma holding this first occurrence in it
            lem = lemmas[i]
            if not (strict and pos == starts[i] and not any(p == stem for p in _stems(lem))):
                total += self.counts[i]
            pos = find(stem, starts[i] + len(lem) + 1)
        self._memo[(stem, strict)] = total
        return total


def _stem_hits(stem: str, lemmas: _Lemmas, strict: bool = False) -> int:
    """Words of the text containing ``stem``. ``strict`` (for head nouns): the same word in another form,
    or the stem inside a compound (``сельскохозяйственный`` for ``хозяйство``) — not a derivation
    starting with it (``партнерство`` is no form of ``партнер``)."""
    if not stem:  # (every lemma contains it)
        return sum(
            c
            for lem, c in zip(lemmas.lemmas, lemmas.counts)
            if not (strict and not any(p == stem for p in _stems(lem)))
        )
    return lemmas.hits(stem, strict)


def _gen_parts(key: tuple) -> tuple[str, list[str], list[str]]:
    """A noun + genitive key → (head, the genitive's adjectives, the other nouns)."""
    tail = list(key[2:])
    po = tail[tail.index("по") + 1 :] if "по" in tail else []
    dep = tail[: tail.index("по")] if "по" in tail else tail
    return key[0], dep[:-1], dep[-1:] + po


def _add_spans(into: set, spans) -> None:
    """Add the spans that overlap none already there (a phrase folded into a near-synonym)."""
    have = sorted((o.start, o.end) for o in into)
    for sp in sorted(spans, key=lambda x: x.start):
        i = bisect_right(have, (sp.start, sp.end))
        if (i > 0 and have[i - 1][1] > sp.start) or (i < len(have) and have[i][0] < sp.end):
            continue
        insort(have, (sp.start, sp.end))
        into.add(sp)


def _stems_in(w: str, stems: dict[str, list]) -> list[str]:
    """The keys of ``stems`` (five letters or more) that occur in ``w``: its substrings looked up, or for a
    long word the stems searched in it."""
    if len(w) <= 40:
        return [sub for sub in {w[i:j] for i in range(len(w)) for j in range(i + 5, len(w) + 1)} if sub in stems]
    return [st for st in stems if st in w]


def _fold_related(cands: dict[tuple, _Cand]) -> None:
    """Fold a phrase into a more specific or more basic one of the same family, in place.

    * same head, adjectives a subset by stem: ``экономические связи`` → ``торгово-экономические связи``;
    * one compound word carrying all stems of a two-word phrase:
      ``сельскохозяйственная продукция`` → ``сельское хозяйство``;
    * noun + genitive, the same head and genitive noun with more words: ``чемпионат мира`` →
      ``чемпионат мира по хоккею``, ``тушение пожаров`` → ``тушение лесных пожаров``.

    Each phrase goes into the first phrase (in candidate order) it folds into that has not been folded
    itself. The first two rules only pair phrases with the same head (or head and genitive), the compound
    rule a word containing the other phrase's first stem: each phrase is compared with those few, not with
    every other one (that was quadratic in a long, varied text).
    """
    keys = list(cands)
    order = {k: i for i, k in enumerate(keys)}
    content = {k: _content(k) for k in keys}
    stems = {k: [s for w in content[k] for s in _stems(w)] for k in keys}
    mod_stems = {k: {s for w in content[k][:-1] for s in _stems(w)} for k in keys}
    by_gen_head: dict[tuple, list] = defaultdict(list)  # noun + genitive: (head, genitive) → keys
    by_head: dict[str, list] = defaultdict(list)  # the others, of two words or more: head → keys
    by_first_stem: dict[str, list] = defaultdict(list)  # two-word phrases for the compound rule
    for k in keys:
        if cands[k].gen:
            by_gen_head[(k[0], _gen_parts(k)[2][0])].append(k)
            continue
        if len(content[k]) >= 2:
            by_head[content[k][-1]].append(k)
        if len(content[k]) == 2 and not cands[k].pair and stems[k] and all(len(s) >= 5 for s in stems[k]):
            by_first_stem[stems[k][0]].append(k)
    gone = set()
    for b in keys:
        kb = content[b]
        found = []
        if cands[b].gen:
            sb = set(kb)
            found += [a for a in by_gen_head[(b[0], _gen_parts(b)[2][0])] if sb < set(content[a])]
        else:
            if len(kb) >= 2 and mod_stems[b]:
                found += [a for a in by_head.get(kb[-1], ()) if mod_stems[b] < mod_stems[a]]
            for w in kb:
                for first in _stems_in(w, by_first_stem):
                    found += [a for a in by_first_stem[first] if w != content[a][-1] and all(s in w for s in stems[a])]
        found = [a for a in found if a != b and a not in gone]
        if found:
            target = min(found, key=order.__getitem__)
            cands[target].merged.extend(cands[b].spans)
            cands[target].merged.extend(cands[b].merged)
            gone.add(b)
    for b in gone:
        del cands[b]


def _score(key: tuple, c: _Cand, lemma_counts: _Lemmas, quoted: _Cover | None = None) -> float:
    content = _content(key)
    if " ".join(c.words).lower().replace("ё", "е") in IDIOMS:
        return 0.0
    own = len(c.spans) + len(c.merged)
    score = c.occ + 0.6 * len(c.merged) + (0.5 if c.early else 0.0)
    # the family: other words sharing the phrase's stems ("сельскохозяйственной" for "сельское хозяйство")
    if c.gen:
        head, mods, nouns = _gen_parts(key)
        heads = [head] + nouns
    else:
        heads = content if c.pair else content[-1:]
        mods = [] if c.pair else content[:-1]
    head_hits = 0
    if not any(
        h in GENERIC_NOUNS or h in ("сфера", "область", "отрасль", "сектор") or h in RELATION_HEADS for h in heads
    ):
        head_hits = sum(max(0, _stem_hits(s, lemma_counts, True) - own) for h in heads for s in _stems(h)[-1:])
    mod_hits = sum(max(0, _stem_hits(s, lemma_counts) - own) for m in mods for s in _stems(m))
    score += 0.4 * min(head_hits, 3) + 0.2 * min(mod_hits, 3)
    score *= 1.0 + 0.25 * (len(content) - 1)
    # compound adjectives and noun pairs make terms ("торгово-экономические связи", "транспорт и логистика")
    score += 0.4 * sum(1 for k in mods if "-" in k) + (0.4 if c.pair else 0.0)
    if not c.gen and content[-1] in RELATION_HEADS and not any("-" in m and not _ethnic(m) for m in mods):
        score *= 0.5
    # people named by role or relation are no topic ("российский бизнесмен", "торговые партнеры")
    if c.animate or (not c.gen and not c.pair and content[-1] in PERSON_HEADS):
        score *= 0.35
    if c.weak_mod:
        score *= 0.45
    # said once, inside a quotation: a figure of speech more often than a topic
    if own == 1 and quoted and quoted.contains(c.spans[0].start, c.spans[0].end):
        score *= 0.5
    return score


def _ethnic(adj_lemma: str) -> bool:
    """``казахско-таджикский``: a compound of nationality adjectives says "bilateral", not a domain."""
    parts = adj_lemma.split("-")
    return all(p.endswith(("ский", "ско", "цкий", "цко")) and len(p) > 5 for p in parts) and all(
        not any(
            x in p
            for x in (
                "экономическ",
                "техническ",
                "политическ",
                "энергетическ",
                "логическ",
                "гуманитарн",
                "социальн",
                "промышлен",
            )
        )
        for p in parts
    )


def _shared(a: set[str], b: set[str]) -> int:
    """Stems of ``a`` that a stem of ``b`` equals or extends (a common start of five letters:
    ``татарин`` ~ ``татарск``)."""

    def close(x: str, y: str) -> bool:  # their first min(5, len(x), len(y)) letters alike
        k = min(5, len(x), len(y))
        return x[:k] == y[:k]

    return sum(1 for x in a if any(close(x, y) for y in b))


#: Below MIN_THEME_SCORE, a phrase still fills a short list up to MIN_THEMES.
FLOOR_THEME_SCORE = 0.45
MIN_THEMES = 3


def _rank_themes(
    cands: dict[tuple, _Cand], lemma_counts: dict[str, int], quoted: _Cover | None = None, min_themes: int = 0
) -> list[Topic]:
    _fold_related(cands)
    lemmas = _Lemmas(lemma_counts)
    scored = []
    for key, c in cands.items():
        score = _score(key, c, lemmas, quoted)
        scored.append((score, c.spans[0].start, " ".join(c.words), key, c))
    scored.sort(key=lambda x: (-x[0], x[1]))
    kept: list[list] = []  # [label, spans, score, stems, own count]
    seen_heads: set[str] = set()
    nouns_of: dict[str, list] = {}
    taken: set[tuple] = set()

    def take(score, label, key, c) -> None:
        head = key[0] if c.gen else key[-1]
        st = {s for w in _content(key) for s in _stems(w)}
        spans = set(c.spans)
        _add_spans(spans, c.merged)
        # near-synonyms: one per head noun; one sharing two stems with a better one is folded into it,
        # under the label the dispatch uses more ("крымские татары" over "крымско-татарский народ")
        if head in seen_heads:
            return
        twin = next((k for k in kept if _shared(st, k[3]) >= 2), None)
        if twin is None:
            # "реставрация памятника" after "памятник архитектуры": one card per thing
            twin = nouns_of.get(_gen_parts(key)[2][0] if c.gen else head)
        if twin is not None:
            _add_spans(twin[1], spans)
            if len(c.spans) > twin[4]:
                twin[0], twin[4] = label, len(c.spans)
            return
        if len(kept) >= MAX_THEMES:
            return
        seen_heads.add(head)
        kept.append([label, spans, score, st, len(c.spans)])
        for noun in [head] + _gen_parts(key)[2][:1] if c.gen else [head]:
            nouns_of.setdefault(noun, kept[-1])

    for score, _, label, key, c in scored:
        if score < MIN_THEME_SCORE:
            break
        taken.add(key)
        take(score, label, key, c)
    # a short list is filled from the best of the rest: an empty list says nothing about a dispatch
    for score, _, label, key, c in scored:
        if len(kept) >= min_themes or score < FLOOR_THEME_SCORE:
            break
        # … but never with a person's role or an evaluation ("действующий чемпион", "резкие замечания")
        if key not in taken and not c.animate and not c.weak_mod and not (not c.gen and key[-1] in PERSON_HEADS):
            take(score, label, key, c)
    out = [Topic(label, tuple(sorted(spans)), "theme", round(score, 3)) for label, spans, score, _, _ in kept]
    return out


def _noun_themes(
    text: str, blocks: Sequence[Span], have: list[Topic], need: int, names: _Cover | None = None
) -> list[Topic]:
    """Last resort for a short list: nouns the dispatch repeats (``аренда``, ``хоккей``), outside names
    (``театра`` in ``Большого театра`` is the organization's)."""
    occ: dict[str, list] = defaultdict(list)
    for block in blocks:
        for a, b, w in _tokens(text, block.start, block.end):
            if names and names.contains(a, b):
                continue
            if w[:1].isupper() and not w.isupper() and _sentence_initial(text, block, a):
                w = w.lower()
            if not w[:1].islower() or len(w) < 4:
                continue
            noun = _top_noun(w)
            if noun is None or noun.tag.animacy == "anim":
                continue
            lem = noun.normal_form.replace("ё", "е")
            if (
                lem in GENERIC_NOUNS
                or lem in GENERIC_GENITIVE_HEADS
                or lem in PERSON_HEADS
                or lem in RELATION_HEADS
                or lem in TOPIC_MARKERS
            ):
                continue
            occ[lem].append((Span(a, b), noun))
    have_stems = {s for t in have for w in t.label.lower().split() for s in _stems(w)}
    ranked = sorted(((len(v), -v[0][0].start, lem) for lem, v in occ.items() if len(v) >= 2), reverse=True)
    out: list[Topic] = []
    for n, _, lem in ranked:
        if len(out) >= need:
            break
        if any(_shared({s}, have_stems) for s in _stems(lem)):
            continue
        nouns = [p for _, p in occ[lem]]
        plural = sum(1 if p.tag.number == "plur" else -1 for p in nouns) > 0
        form = nouns[0].inflect({"nomn", "plur" if plural else "sing"}) or nouns[0].inflect({"nomn"})
        if form is None:
            continue
        out.append(Topic(form.word, tuple(sp for sp, _ in occ[lem]), "theme", round(0.4 * n, 3)))
        have_stems |= set(_stems(lem))
    return out


_QUOTED = re.compile(r"«[^«»]*»|„[^„“”]*[“”]|\"[^\"\n]*\"|“[^“”\n]*”")


def _upper_key(name: str) -> str:
    """``Лента.ру`` → ``ЛЕНТА РУ``: how the outlet and generic-organization lists spell names."""
    return " ".join(re.sub(r"[/.«»\"]", " ", name.upper()).split())


@lru_cache(maxsize=20_000)
def _is_agency(name: str) -> bool:
    """A news agency or outlet (the source of a dispatch, no organization it is about). Remembered: every
    part of a huge dispatch asks it of each of its names, and the answer scans the agencies."""
    u = name.upper().replace("/", "").strip(". ")
    return (
        u in AGENCIES
        or any(u.startswith(a + " ") for a in AGENCIES if len(a) > 3)
        or _upper_key(name) in SOURCE_OUTLETS
    )


#: A date right after a name: the dateline ("ЯКУТСК, 10 авг", "Москва. 7 мая.").
_DATELINE_TAIL = re.compile(r"\s*[.,]\s*\d{1,2}\s+[а-яё]{3}")

_NAME_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_INITIAL_SKIP = frozenset("и по о об за против для при в на с of for and the".split())


def _name_lemmas(name: str) -> tuple[str, ...]:
    out = []
    for w in _NAME_WORD.findall(name):
        ps = parses(w)
        out.append((ps[0].normal_form if ps and not (w.isupper() and len(w) > 1) else w.lower()).replace("ё", "е"))
    return tuple(out)


def _initials(name: str) -> str:
    return "".join(
        p[0] for w in _NAME_WORD.findall(name) if w.lower() not in _INITIAL_SKIP for p in w.split("-") if p
    ).upper()


def _same_entity(short: str, long: str, ls: tuple, ll: tuple) -> bool:
    """``МИД`` ~ ``Министерство иностранных дел``, ``Минкультуры`` ~ ``Министерство культуры``,
    ``Большого`` ~ ``Большой театр``, ``Казахстан`` ~ ``Республика Казахстан``."""
    if short.isupper() and 2 <= len(short) <= 6 and len(ll) >= 2 and _initials(long) == short.replace("-", ""):
        return True
    if short.startswith("Мин") and len(ls) == 1 and long.startswith("Министерств") and len(ll) >= 2:
        rest = short[3:].lower()
        return len(rest) >= 4 and ll[1][:4] == rest[:4]
    # the words of the short name, in order, within the long one
    if not 0 < len(ls) < len(ll):
        return False
    it = iter(ll)
    return all(w in it for w in ls)


def _fix_org_label(name: str) -> str:
    """``Мариинского театры`` (an adjective left in its case) → ``Мариинский театр``."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return name
    adjs = [parses(w) for w in words[:-1]]
    if all(any(p.tag.POS == "ADJF" and p.tag.case == "nomn" for p in ps) for ps in adjs):
        return name
    nouns = [p for p in parses(words[-1])[:3] if p.tag.POS == "NOUN"]
    if not nouns or not all(any(p.tag.POS == "ADJF" for p in ps) for ps in adjs):
        return name
    adj_ps = [next(p for p in ps if p.tag.POS == "ADJF") for ps in adjs]
    out = _nominative(adj_ps, nouns[0], False)
    if not out:
        return name
    return " ".join(o.capitalize() if w[:1].isupper() else o for o, w in zip(out, words))


def _entity_topics(text: str, entities: Sequence[Entity], kind: str, facet: TopicFacet, limit: int) -> list[Topic]:
    aliases = PLACE_ALIASES if kind == "place" else ORG_ALIASES
    items0 = []
    for e in entities:
        if e.kind != kind or _is_agency(e.name) or _upper_key(e.name) in GENERIC_ORGS:
            continue
        name = aliases.get(e.name.replace("ё", "е"), e.name)
        words = _NAME_WORD.findall(e.name)
        if kind == "organization" and len(words) == 1 and not e.name.isupper():
            ps = parses(words[0])
            if ps and "Surn" in ps[0].tag:  # a surname taken for an organization ("Демидов")
                continue
        # the dateline names where the dispatch was filed, not what it is about
        mentions = [m for m in e.mentions if not (m.start < 200 and _DATELINE_TAIL.match(text, m.end))]
        if not mentions:
            continue
        # mentions written alike (five-letter starts: "Большим театром" ~ "Большого театра") are one name
        surfaces = {tuple(w.lower()[:5] for w in _NAME_WORD.findall(text[m.start : m.end])) for m in e.mentions}
        label = _fix_org_label(e.name) if kind == "organization" else e.name
        if kind == "organization" and label.startswith("Мин") and len(words) == 1:
            # "Минприроды", "Минэкологии" do not decline: show them as written, not "Минприрода"
            written = [text[m.start : m.end] for m in e.mentions if text[m.start : m.end][:5] == label[:5]]
            if written:
                counts = Counter(written)
                label = max(sorted(counts), key=counts.__getitem__)  # (sorted: a tie never depends on the hash seed)
        surfaces.add(tuple(w.lower()[:5] for w in _NAME_WORD.findall(e.name)))
        items0.append((label, name, mentions, surfaces))
    groups = _group_names(items0)
    items = []
    for g in groups:
        spans = sorted(g["mentions"])
        names = [n for n in g["names"] if n in g["counts"] or n == g["key"]]
        if kind == "place":
            # the common name: an alias's target, else the shortest (Казахстан over Республика Казахстан),
            # spelled as in running text (Лондон, not the dateline's ЛОНДОН)
            label = (
                g["key"]
                if g["key"] in PLACE_ALIASES.values()
                else min(
                    sorted(names),  # (sorted: a tie never depends on the hash seed)
                    key=lambda n: (len(n.split()), n.isupper() and len(n) > 4, -g["counts"].get(n, 0)),
                )
            )
            if label.isupper() and len(label) > 4:
                label = "-".join(p.capitalize() for p in label.split("-"))
        elif g["key"] in ORG_ALIASES.values():
            label = g["key"]  # РУСАДА, Атлантический альянс → the name in the lexicon
        else:
            # the fullest name (Министерство иностранных дел over МИД)
            label = max(sorted(names), key=lambda n: (len(_NAME_WORD.findall(n)), g["counts"].get(n, 0)))
        if kind == "place" and len(spans) == 1 and len(g["lem"]) == 1:
            ps = parses(_NAME_WORD.findall(label)[0]) if _NAME_WORD.findall(label) else []
            # named once and an ordinary word ("канет в Лету" → "Лёт"): no place
            if (
                ps
                and ps[0].is_known
                and not any(p.tag.POS == "NOUN" and ("Geox" in p.tag or "Orgn" in p.tag) for p in ps[:4])
            ):
                continue
        items.append((len(spans), -spans[0].start, label, spans))
    items.sort(reverse=True)
    return [Topic(label, tuple(spans), facet, float(n)) for n, _, label, spans in items[:limit]]


class _NameGroups:
    """The groups of :func:`_group_names` so far, with indexes of what a new name is matched on (a name,
    a surface, lemmas, initials, a ministry's word, a lemma word), so a name is compared only with the few
    groups one of them points at, not with every group (a 16 MB dispatch's part has hundreds of names:
    the scan of every group's every name per name was most of :func:`_entity_topics`)."""

    def __init__(self) -> None:
        self.groups: list[dict] = []
        self.index: dict[tuple, set[int]] = defaultdict(set)  # (what, key) → indexes into groups

    def _at(self, what: str, key) -> set[int]:
        return self.index.get((what, key), set())

    def candidates(self, key_name: str, lem: tuple, surfaces: set) -> list[int]:
        """The groups, in order, that :func:`_joins` could accept ``key_name`` into (a superset of them):
        those sharing a name, a surface or the lemmas; those whose name ``key_name`` may abbreviate
        (initials, ``Мин…``); those holding its first lemma word (its words within a longer name)."""
        found = set(self._at("name", key_name)) | self._at("lem", lem)
        for surface in surfaces:
            found |= self._at("surface", surface)
        if key_name.isupper() and 2 <= len(key_name) <= 6:
            found |= self._at("initials", key_name.replace("-", ""))
        rest = key_name[3:].lower()
        if key_name.startswith("Мин") and len(rest) >= 4:
            found |= self._at("ministry", rest[:4])
        if lem:
            found |= self._at("word", lem[0])
        return sorted(found)

    def add(self, k: int, orig: str, key_name: str, lem: tuple, surfaces: set) -> None:
        """Index what group ``k`` now also holds (as :func:`_group_names` adds it to the group)."""
        for name in (orig, key_name):
            self.index[("name", name)].add(k)
        for surface in surfaces:
            self.index[("surface", surface)].add(k)
        self.index[("lem", lem)].add(k)
        if len(lem) >= 2:
            self.index[("initials", _initials(key_name))].add(k)
            if key_name.startswith("Министерств"):
                self.index[("ministry", lem[1][:4])].add(k)
        for w in set(lem):
            self.index[("word", w)].add(k)


def _joins(g: dict, key_name: str, lem: tuple, surfaces: set) -> bool:
    """Whether a name (its key, lemmas and surfaces) belongs in group ``g``."""
    return (
        key_name in g["names"]
        or bool(surfaces & g["surfaces"])
        or any(lem == gl or _same_entity(key_name, gn, lem, gl) for gn, gl in g["lems"])
    )


def _group_names(items0: list[tuple]) -> list[dict]:
    """The (label, key name, mentions, surfaces) of :func:`_entity_topics` in groups: the same key, then a
    short name folded into a longer one it abbreviates or is part of (the longest names first; each into
    the first group it joins)."""
    index = _NameGroups()
    groups = index.groups
    for orig, key_name, mentions, surfaces in sorted(items0, key=lambda x: -len(_name_lemmas(x[1]))):
        lem = _name_lemmas(key_name)
        found = index.candidates(key_name, lem, surfaces)
        k = next((k for k in found if _joins(groups[k], key_name, lem, surfaces)), None)
        if k is None:
            k = len(groups)
            groups.append(
                {
                    "key": key_name,
                    "lem": lem,
                    "names": set(),
                    "mentions": set(),
                    "counts": defaultdict(int),
                    "surfaces": set(),
                    "lems": [],
                }
            )
        g = groups[k]
        g["surfaces"] |= surfaces
        g["lems"].append((key_name, lem))
        g["names"].add(orig)
        g["names"].add(key_name)
        g["mentions"].update(mentions)
        g["counts"][orig] += len(mentions)
        index.add(k, orig, key_name, lem, surfaces)
    return groups


@lru_cache(maxsize=100_000)
def _first_lemma(w: str) -> str | None:
    """The normal form of ``w``'s first reading, ``ё`` spelled ``е``; None when it has none."""
    ps = parses(w)
    return ps[0].normal_form.replace("ё", "е") if ps else None


def find_topics(
    text: str, paragraphs: Sequence[Span], sentences: Sequence[Span], entities: Sequence[Entity]
) -> list[Topic]:
    """A short ranked list of themes, then places, then organizations."""
    blocks = list(sentences) or list(paragraphs) or [Span(0, len(text))]
    early_end = paragraphs[1].end if len(paragraphs) > 1 else (paragraphs[0].end if paragraphs else len(text) // 4)
    lemma_counts: dict[str, int] = defaultdict(int)
    for w in _WORD.findall(text):
        if len(w) > 3 and w[:1].islower():
            lem = _first_lemma(w)
            if lem is not None:
                lemma_counts[lem] += 1
    quoted = _Cover((m.start(), m.end()) for m in _QUOTED.finditer(text))
    # a dispatch of three sentences or more always gets a few themes
    need = MIN_THEMES if len(sentences) >= 3 else 0
    names = _Cover(m for e in entities if e.kind in ("organization", "place") for m in e.mentions)
    themes = _rank_themes(_theme_candidates(text, blocks, early_end, names), lemma_counts, quoted, need)
    if len(themes) < need:
        themes += _noun_themes(
            text, blocks, themes, need - len(themes), _Cover(m for e in entities for m in e.mentions)
        )
    places = _entity_topics(text, entities, "place", "place", MAX_PLACES)
    orgs = _entity_topics(text, entities, "organization", "organization", MAX_ORGS)
    return themes + places + orgs


__all__ = ["find_topics", "match_case"]
