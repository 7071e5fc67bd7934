"""Topics: what a reader would write on an index card — a short ranked list of normalized noun phrases
(``торгово-экономические связи``, ``сельское хозяйство``, ``транспорт и логистика``), plus the places and
organizations the dispatch is about as their own facets.

Our own pymorphy3 noun-phrase ranker. Candidates are agreeing ``ADJ+ NOUN`` groups and ``NOUN и NOUN``
pairs after a sphere noun (``в сфере транспорта и логистики``), put in the nominative with the adjectives
agreeing with their noun (never ``первое энергоблок``). Each occurrence weighs more when a topic marker
introduces it (``вопросы``, ``сотрудничество в``, ``перспективы``, ``развитие``, ``углубление`` …) or when it
heads its sentence. A phrase also collects its *family*: other words sharing its stems
(``сельском хозяйстве`` + ``сельскохозяйственной продукции``; ``экономических связей`` folded into
``торгово-экономические связи``). Generic pairs (``политическая воля``, ``новый уровень``), evaluative
(qualitative) adjectives, participles, person roles (``российский бизнесмен``) and relation heads
(``двустороннее сотрудничество``) are discounted; near-synonyms sharing a head or two stems are shown once.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from ..model import Span, Topic
from .lexicon.agencies import AGENCIES
from .people import Entity, match_case, parses

MAX_THEMES = 10
MIN_THEME_SCORE = 1.0
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
воля характер дух потенциал состояние приоритет усилие приверженность договоренность площадка формат
механизм контакт важность необходимость интерес образ успех ситуация сотрудник человек мужчина женщина
ребенок люди объем доля сумма выход линия очередь утро вечер ночь неделя лето зима весна осень
государство страна
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
международный взаимовыгодный наилучший хороший подобный предстоящий очередной минувший
благоприятный молодой старый местный единый нужный серьезный постоянный целый небольшой малый
сегодняшний вчерашний завтрашний здешний последующий единственный крупнейший наибольший наименьший
""".split())

#: Relation nouns: they introduce a topic ("сотрудничество в сфере …") rather than name one.
RELATION_HEADS = frozenset("""
сотрудничество взаимодействие отношение диалог союзничество дружба поддержка
""".split())

#: Words that introduce the topic right after them ("вопросы обеспечения …", "в сфере …").
TOPIC_MARKERS = frozenset("""
вопрос проблема сфера область отрасль сектор тема сотрудничество взаимодействие перспектива развитие
углубление расширение укрепление обеспечение повышение реформа модернизация поддержка обсуждение
поставка рынок политика реализация наращивание создание решение стратегия
""".split())

#: Nouns after which ``NOUN и NOUN`` is a topic ("в сфере транспорта и логистики").
_PAIR_MARKERS = frozenset("сфера область вопрос проблема отрасль тема сектор".split())

_SKIP = frozenset("в во по о об на для с со".split())

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


@dataclass
class _Cand:
    words: tuple[str, ...]          # nominative label words
    spans: list[Span] = field(default_factory=list)
    plural: int = 0
    early: bool = False
    occ: float = 0.0                # sum of occurrence weights
    animate: bool = False           # singular animate head: a person's role ("российский бизнесмен")
    weak_mod: bool = False          # only qualitative adjectives / participles ("резкие замечания")
    pair: bool = False              # "транспорт и логистика"
    merged: list[Span] = field(default_factory=list)   # spans of related phrases folded in


def _noun_parses(w: str):
    return [p for p in parses(w)[:4] if p.tag.POS == "NOUN" and "Name" not in p.tag and "Surn" not in p.tag
            and "Patr" not in p.tag and "Geox" not in p.tag and "Orgn" not in p.tag and "Abbr" not in p.tag]


def _adj_parses(w: str):
    # active participles govern objects ("устроившие погромы"): no modifiers of a topic noun
    return [p for p in parses(w)[:6] if p.tag.POS == "ADJF" or (p.tag.POS == "PRTF" and "actv" not in p.tag)]


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
    out = []
    for m in _WORD.finditer(text, start, end):
        a = m.start()
        # "28-летняя": the number's suffix is no adjective of its own
        if a >= 2 and text[a - 1] == "-" and text[a - 2].isdigit():
            out.append((a, m.end(), "0"))
            continue
        out.append((a, m.end(), m.group()))
    return out


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
    while j >= 0 and text[toks[j][1]:toks[j + 1][0]].strip() == "":
        lw = toks[j][2].lower()
        if lw in _SKIP and skipped == 0:
            skipped += 1
            j -= 1
            continue
        if _lemma0(lw) in TOPIC_MARKERS:
            w += 0.6
        break
    return w


def _theme_candidates(text: str, blocks: Sequence[Span], early_end: int) -> dict[tuple, _Cand]:
    cands: dict[tuple, _Cand] = {}

    def add(key, words, span, plural, weight):
        if "ё" not in text[span.start:span.end].lower():   # spell ё only where the dispatch does
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
        toks = [(a, b, w.lower() if w[:1].isupper() and not w.isupper() and _sentence_initial(text, block, a) else w)
                for a, b, w in toks]
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
                    # drop generic and pronominal adjectives ("никакая", "мое"); keep the phrase if
                    # something specific remains
                    keep = [a for a in adjs if a.normal_form.replace("ё", "е") not in GENERIC_ADJS
                            and "Apro" not in a.tag]
                    head = noun.normal_form.replace("ё", "е")
                    if keep and head not in GENERIC_NOUNS:
                        keep = keep[-2:]
                        plural = noun.tag.number == "plur"
                        key = tuple(a.normal_form.replace("ё", "е") for a in keep) + (head,)
                        words = _nominative(keep, noun, plural)
                        if words:
                            first_k = i + adjs.index(keep[0]) if keep[0] in adjs else i
                            c = add(key, words, Span(toks[first_k][0], toks[j][1]), plural,
                                    _occurrence_weight(text, toks, i, block))
                            c.animate = noun.tag.animacy == "anim" and noun.tag.number == "sing"
                            c.weak_mod = all("Qual" in a.tag or a.tag.POS == "PRTF" for a in keep)
                    elif keep and head in ("сфера", "область", "отрасль", "сектор"):
                        # "в водно-энергетической сфере" is a topic although "сфера" alone is not
                        words = _nominative(keep[-1:], noun, False)
                        if words:
                            add((keep[-1].normal_form.replace("ё", "е"), head), words,
                                Span(toks[j - 1][0], toks[j][1]), False,
                                _occurrence_weight(text, toks, i, block))
                i = j + 1 if found else i + 1
                continue
            # NOUN и NOUN (same case) after a sphere noun: "транспорт и логистика"
            if i + 2 < n and toks[i + 1][2] == "и" and toks[i + 2][2][:1].islower():
                gap_ok = text[e:toks[i + 1][0]].strip() == "" and text[toks[i + 1][1]:toks[i + 2][0]].strip() == ""
                a_ps, b_ps = _noun_parses(w), _noun_parses(toks[i + 2][2])
                pair = next(((a, b) for a in a_ps for b in b_ps if a.tag.case == b.tag.case
                             and a.tag.case != "nomn" and a.tag.animacy == "inan" and b.tag.animacy == "inan"), None)
                prev = _noun_parses(toks[i - 1][2]) if i > 0 else []
                if gap_ok and pair and pair[0].normal_form not in GENERIC_NOUNS \
                        and pair[1].normal_form not in GENERIC_NOUNS and prev \
                        and prev[0].normal_form in _PAIR_MARKERS:
                    a, b = pair
                    wa = a.inflect({"nomn", a.tag.number or "sing"})
                    wb = b.inflect({"nomn", b.tag.number or "sing"})
                    if wa and wb:
                        c = add((a.normal_form, "и", b.normal_form), (wa.word, "и", wb.word),
                                Span(s, toks[i + 2][1]), False, _occurrence_weight(text, toks, i, block))
                        c.pair = True
                        i += 3
                        continue
            i += 1
    return cands


_VOWELS_END = re.compile(r"[аеиоуыэюяйь]+$")


def _stems(lemma: str) -> list[str]:
    """Crude stems of a lemma's hyphen parts: ``торгово-экономический`` → ``торгов``, ``экономическ``."""
    out = []
    for part in lemma.split("-"):
        st = _VOWELS_END.sub("", part)
        if len(st) >= 4:
            out.append(st)
    return out


def _stem_hits(stem: str, lemma_counts: dict[str, int], strict: bool = False) -> int:
    """Words of the text containing ``stem``. ``strict`` (for head nouns): the same word in another form,
    or the stem inside a compound (``сельскохозяйственный`` for ``хозяйство``) — not a derivation
    starting with it (``партнерство`` is no form of ``партнер``)."""
    total = 0
    for lem, c in lemma_counts.items():
        k = lem.find(stem)
        if k < 0:
            continue
        if strict and k == 0 and not any(p == stem for p in _stems(lem)):
            continue
        total += c
    return total


def _fold_related(cands: dict[tuple, _Cand]) -> None:
    """Fold a phrase into a more specific or more basic one of the same family, in place.

    * same head, adjectives a subset by stem: ``экономические связи`` → ``торгово-экономические связи``;
    * one compound word carrying all stems of a two-word phrase:
      ``сельскохозяйственная продукция`` → ``сельское хозяйство``.
    """
    keys = list(cands)
    content = {k: [w for w in k if w != "и"] for k in keys}
    stems = {k: [s for w in content[k] for s in _stems(w)] for k in keys}
    gone = set()
    for b in keys:
        target = None
        for a in keys:
            if a == b or a in gone:
                continue
            ka, kb = content[a], content[b]
            if len(ka) >= 2 and ka[-1] == kb[-1] and len(kb) >= 2:
                sa = {s for w in ka[:-1] for s in _stems(w)}
                sb = {s for w in kb[:-1] for s in _stems(w)}
                if sb and sb < sa:
                    target = a
                    break
            if len(ka) == 2 and not cands[a].pair and all(len(s) >= 5 for s in stems[a]) and stems[a]:
                if any(w != ka[-1] and all(s in w for s in stems[a]) for w in kb):
                    target = a
                    break
        if target is not None:
            cands[target].merged.extend(cands[b].spans)
            cands[target].merged.extend(cands[b].merged)
            gone.add(b)
    for b in gone:
        del cands[b]


def _score(key: tuple, c: _Cand, lemma_counts: dict[str, int]) -> float:
    content = [w for w in key if w != "и"]
    own = len(c.spans) + len(c.merged)
    score = c.occ + 0.6 * len(c.merged) + (0.5 if c.early else 0.0)
    # the family: other words sharing the phrase's stems ("сельскохозяйственной" for "сельское хозяйство")
    heads = content if c.pair else content[-1:]
    mods = [] if c.pair else content[:-1]
    head_hits = 0
    if not any(h in GENERIC_NOUNS or h in ("сфера", "область", "отрасль", "сектор") or h in RELATION_HEADS
               for h in heads):
        head_hits = sum(max(0, _stem_hits(s, lemma_counts, True) - own) for h in heads for s in _stems(h)[-1:])
    mod_hits = sum(max(0, _stem_hits(s, lemma_counts) - own) for m in mods for s in _stems(m))
    score += 0.4 * min(head_hits, 3) + 0.2 * min(mod_hits, 3)
    score *= 1.0 + 0.25 * (len(content) - 1)
    # compound adjectives and noun pairs make terms ("торгово-экономические связи", "транспорт и логистика")
    score += 0.4 * sum(1 for k in mods if "-" in k) + (0.4 if c.pair else 0.0)
    if content[-1] in RELATION_HEADS and not any("-" in m and not _ethnic(m) for m in mods):
        score *= 0.5
    if c.animate:
        score *= 0.35
    if c.weak_mod:
        score *= 0.6
    return score


def _ethnic(adj_lemma: str) -> bool:
    """``казахско-таджикский``: a compound of nationality adjectives says "bilateral", not a domain."""
    parts = adj_lemma.split("-")
    return all(p.endswith(("ский", "ско", "цкий", "цко")) and len(p) > 5 for p in parts) and \
        all(not any(x in p for x in ("экономическ", "техническ", "политическ", "энергетическ", "логическ",
                                       "гуманитарн", "социальн", "промышлен"))
            for p in parts)


def _shared(a: set[str], b: set[str]) -> int:
    """Stems of ``a`` that a stem of ``b`` equals or extends (a common start of five letters: ``татарин`` ~ ``татарск``)."""
    def close(x: str, y: str) -> bool:
        k = 0
        while k < min(len(x), len(y)) and x[k] == y[k]:
            k += 1
        return k >= min(5, len(x), len(y))
    return sum(1 for x in a if any(close(x, y) for y in b))


def _rank_themes(cands: dict[tuple, _Cand], lemma_counts: dict[str, int]) -> list[Topic]:
    _fold_related(cands)
    scored = []
    for key, c in cands.items():
        score = _score(key, c, lemma_counts)
        scored.append((score, c.spans[0].start, " ".join(c.words), key, c))
    scored.sort(key=lambda x: (-x[0], x[1]))
    kept: list[list] = []      # [label, spans, score, stems, own count]
    seen_heads: set[str] = set()
    for score, _, label, key, c in scored:
        if score < MIN_THEME_SCORE:
            break
        head = key[-1]
        st = {s for w in key if w != "и" for s in _stems(w)}
        spans = set(c.spans) | set(c.merged)
        # near-synonyms: one per head noun; one sharing two stems with a better one is folded into it,
        # under the label the dispatch uses more ("крымские татары" over "крымско-татарский народ")
        if head in seen_heads:
            continue
        twin = next((k for k in kept if _shared(st, k[3]) >= 2), None)
        if twin is not None:
            twin[1] |= spans
            if len(c.spans) > twin[4]:
                twin[0], twin[4] = label, len(c.spans)
            continue
        if len(kept) >= MAX_THEMES:
            continue
        seen_heads.add(head)
        kept.append([label, spans, score, st, len(c.spans)])
    out = [Topic(label, tuple(sorted(spans)), "theme", round(score, 3)) for label, spans, score, _, _ in kept]
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
                lemma_counts[ps[0].normal_form.replace("ё", "е")] += 1
    themes = _rank_themes(_theme_candidates(text, blocks, early_end), lemma_counts)
    places = _entity_topics(entities, "place", "place", MAX_PLACES)
    orgs = _entity_topics(entities, "organization", "organization", MAX_ORGS)
    return themes + places + orgs


__all__ = ["find_topics", "match_case"]
