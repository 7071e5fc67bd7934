"""Topics: what a reader would write on an index card — a short ranked list of normalized noun phrases
(``торгово-экономические связи``, ``сельское хозяйство``, ``транспорт и логистика``), plus the places and
organizations the dispatch is about as their own facets.

Our own pymorphy3 noun-phrase ranker: agreeing ``ADJ+ NOUN`` groups and ``NOUN и NOUN`` pairs, put in the
nominative with the adjectives agreeing with their noun (never ``первое энергоблок``), scored by frequency,
length and an early mention (headline, first paragraph).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from ..model import Span, Topic
from .lexicon.agencies import AGENCIES
from .people import Entity, match_case, parses

MAX_THEMES = 8
MAX_PLACES = 3
MAX_ORGS = 3

#: Nouns too general to be a topic on their own or as a phrase head.
GENERIC_NOUNS = frozenset("""
вопрос уровень рамка ход итог время год день месяц неделя сторона направление перспектива значение
внимание раз часть число случай тема образ вид момент место результат слово дело мнение цель срок
повестка путь возможность ряд сфера область условие процесс мера основа глава пара программа шаг
область отношение работа деятельность позиция роль решение задача план факт неделя минута час
начало конец середина половина период этап дня друг штат группа количество размер
ведомство министерство пора пожелание приветствие делегация визит встреча беседа переговоры
""".split())

#: Adjectives that add nothing to a topic.
GENERIC_ADJS = frozenset("""
высокий дальнейший актуальный новый важный особый текущий данный который весь такой этот тот
свой наш ваш его их другой многий некоторый прошлый нынешний будущий последний первый второй
третий каждый различный большой крупный главный основной целый определенный настоящий
качественный отдельный следующий бывший взаимный двусторонний многоплановый конструктивный
поступательный регулярный рациональный тесный солидный значительный многосторонний общий
самый один полный известный должный возможный необходимый ближайший личный приоритетный
добрый теплый официальный соответствующий сам огромный мощный талантливый ключевой приглашенный
совместный сильный внешнеполитический несчастный упрощенный четырехкратный прямой
международный взаимовыгодный наилучший хороший
""".split())

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


@dataclass
class _Cand:
    words: tuple[str, ...]          # nominative label words
    spans: list[Span] = field(default_factory=list)
    plural: int = 0
    early: bool = False


def _noun_parses(w: str):
    return [p for p in parses(w)[:4] if p.tag.POS == "NOUN" and "Name" not in p.tag and "Surn" not in p.tag
            and "Patr" not in p.tag and "Geox" not in p.tag and "Orgn" not in p.tag and "Abbr" not in p.tag]


def _adj_parses(w: str):
    return [p for p in parses(w)[:6] if p.tag.POS in ("ADJF", "PRTF")]


def _agree(adj, noun) -> bool:
    a, n = adj.tag, noun.tag
    if a.case != n.case or a.number != n.number:
        return False
    if n.number == "sing" and a.gender is not None and n.gender is not None and a.gender != n.gender:
        return False
    return True


def _nominative(adjs, noun, plural: bool) -> tuple[str, ...] | None:
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


def _sentence_initial(text: str, block: Span, pos: int) -> bool:
    before = text[block.start:pos].rstrip(" «\"„“(—–-")
    return not before or before[-1] in ".!?\n"


def _tokens(text: str, start: int, end: int):
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def _theme_candidates(text: str, blocks: Sequence[Span], early_end: int) -> dict[tuple, _Cand]:
    cands: dict[tuple, _Cand] = {}

    def add(key, words, span, plural):
        if "ё" not in text[span.start:span.end].lower():   # spell ё only where the dispatch does
            words = tuple(w.replace("ё", "е") for w in words)
        c = cands.get(key)
        if c is None:
            c = cands[key] = _Cand(words)
        c.spans.append(span)
        c.plural += 1 if plural else -1
        if span.start < early_end:
            c.early = True

    for block in blocks:
        toks = _tokens(text, block.start, block.end)
        # a capitalized word opening a sentence is an ordinary word ("Лесные пожары охватили …")
        toks = [(a, b, w.lower() if w[:1].isupper() and not w.isupper() and _sentence_initial(text, block, a) else w)
                for a, b, w in toks]
        # gaps: punctuation between tokens breaks a phrase
        i = 0
        n = len(toks)
        while i < n:
            s, e, w = toks[i]
            if not w[:1].islower():
                i += 1
                continue
            # ADJ+ NOUN
            j = i
            while j < n and toks[j][2][:1].islower() and _adj_parses(toks[j][2]) and not _noun_parses(toks[j][2]) \
                    and (j == i or text[toks[j - 1][1]:toks[j][0]].strip() == ""):
                j += 1
            if j > i and j < n and toks[j][2][:1].islower() and text[toks[j - 1][1]:toks[j][0]].strip() == "":
                nps = _noun_parses(toks[j][2])
                found = None
                for noun in nps:
                    adjs = []
                    for k in range(i, j):
                        ok = [a for a in _adj_parses(toks[k][2]) if _agree(a, noun)]
                        if not ok:
                            break
                        adjs.append(ok[0])
                    else:
                        found = (noun, adjs)
                        break
                if found:
                    noun, adjs = found
                    # drop generic adjectives from the left; keep the phrase if something specific remains
                    keep = [a for a in adjs if a.normal_form.replace("ё", "е") not in GENERIC_ADJS]
                    if keep and noun.normal_form not in GENERIC_NOUNS:
                        keep = keep[-2:]
                        plural = noun.tag.number == "plur"
                        key = tuple(a.normal_form for a in keep) + (noun.normal_form,)
                        words = _nominative(keep, noun, plural)
                        if words:
                            first_k = i + adjs.index(keep[0]) if keep[0] in adjs else i
                            add(key, words, Span(toks[first_k][0], toks[j][1]), plural)
                    elif keep and noun.normal_form in ("сфера", "область"):
                        # "в водно-энергетической сфере" is a topic although "сфера" alone is not
                        words = _nominative(keep[-1:], noun, False)
                        if words:
                            add((keep[-1].normal_form, noun.normal_form), words,
                                Span(toks[j - 1][0], toks[j][1]), False)
                i = j + 1 if found else i + 1
                continue
            # NOUN и NOUN (same case): "транспорт и логистика"
            if i + 2 < n and toks[i + 1][2] == "и" and toks[i + 2][2][:1].islower():
                gap_ok = text[e:toks[i + 1][0]].strip() == "" and text[toks[i + 1][1]:toks[i + 2][0]].strip() == ""
                a_ps, b_ps = _noun_parses(w), _noun_parses(toks[i + 2][2])
                pair = next(((a, b) for a in a_ps for b in b_ps if a.tag.case == b.tag.case
                             and a.tag.case != "nomn" and a.tag.animacy == "inan" and b.tag.animacy == "inan"), None)
                if gap_ok and pair and pair[0].normal_form not in GENERIC_NOUNS \
                        and pair[1].normal_form not in GENERIC_NOUNS and i > 0 \
                        and _noun_parses(toks[i - 1][2]) and _noun_parses(toks[i - 1][2])[0].normal_form in (
                            "сфера", "область", "вопрос", "проблема", "отрасль"):
                    a, b = pair
                    wa = a.inflect({"nomn", a.tag.number or "sing"})
                    wb = b.inflect({"nomn", b.tag.number or "sing"})
                    if wa and wb:
                        add((a.normal_form, "и", b.normal_form), (wa.word, "и", wb.word),
                            Span(s, toks[i + 2][1]), False)
                        i += 3
                        continue
            i += 1
    return cands


def _rank_themes(cands: dict[tuple, _Cand], lemma_counts: dict[str, int]) -> list[Topic]:
    scored = []
    for key, c in cands.items():
        count = len(c.spans)
        # the phrase's words discussed elsewhere too ("водно-энергетического взаимодействия")
        echo = sum(max(0, lemma_counts.get(k, 0) - count) for k in key[:-1] if k != "и")
        score = count * (1.0 + 0.5 * (len(key) - 1)) + 0.3 * min(echo, 6) + (0.5 if c.early else 0.0)
        # compound adjectives make terms ("торгово-экономические связи", "водно-энергетическая сфера")
        score += 0.5 * sum(1 for k in key[:-1] if "-" in k)
        label = " ".join(c.words)
        scored.append((score, c.spans[0].start, label, c))
    scored.sort(key=lambda x: (-x[0], x[1]))
    out: list[Topic] = []
    seen_heads: dict[str, int] = defaultdict(int)
    for score, _, label, c in scored:
        head = label.split()[-1]
        if seen_heads[head] >= 1:
            continue
        seen_heads[head] += 1
        out.append(Topic(label, tuple(sorted(c.spans)), "theme", round(score, 3)))
        if len(out) >= MAX_THEMES:
            break
    return out


def _is_agency(name: str) -> bool:
    u = name.upper().replace("/", "").strip(". ")
    return u in AGENCIES or any(u.startswith(a + " ") for a in AGENCIES if len(a) > 3)


def _entity_topics(entities: Sequence[Entity], kind: str, facet: str, limit: int) -> list[Topic]:
    groups: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.kind != kind or _is_agency(e.name):
            continue
        last = e.name.split()[-1]
        ps = parses(last)
        key = (ps[0].normal_form if ps and not last.isupper() else last.lower()).replace("ё", "е")
        groups[key].append(e)
    items = []
    for key, es in groups.items():
        spans = sorted({m for e in es for m in e.mentions})
        # the label: the shortest name of the group (Казахстан over Республика Казахстан)
        label = min((e.name for e in es), key=lambda n: (len(n.split()), -sum(len(x.mentions) for x in es if x.name == n)))
        items.append((len(spans), -spans[0].start, label, spans))
    items.sort(reverse=True)
    return [Topic(label, tuple(spans), facet, float(n)) for n, _, label, spans in items[:limit]]


def find_topics(text: str, paragraphs: Sequence[Span], sentences: Sequence[Span],
                entities: Sequence[Entity]) -> list[Topic]:
    """A short ranked list of themes, then places, then organizations."""
    blocks = list(sentences) or list(paragraphs) or [Span(0, len(text))]
    early_end = paragraphs[1].end if len(paragraphs) > 1 else (paragraphs[0].end if paragraphs else len(text) // 4)
    lemma_counts: dict[str, int] = defaultdict(int)
    for m in _WORD.finditer(text):
        w = m.group()
        if w[:1].islower() and len(w) > 3:
            ps = parses(w)
            if ps:
                lemma_counts[ps[0].normal_form] += 1
    themes = _rank_themes(_theme_candidates(text, blocks, early_end), lemma_counts)
    places = _entity_topics(entities, "place", "place", MAX_PLACES)
    orgs = _entity_topics(entities, "organization", "organization", MAX_ORGS)
    return themes + places + orgs


__all__ = ["find_topics", "match_case"]
