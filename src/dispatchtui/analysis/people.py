"""People, organizations and places: natasha's slovnet NER + pymorphy3 nominative forms.

:func:`find_people` returns one :class:`Entity` per person (nominative, fullest form the dispatch gives,
every mention's span kept), per organization and per place. The nominative of a name is
:mod:`dispatchtui.analysis.names`' business (``Олафу Шольцу`` → ``Олаф Шольц``, ``Шойгу`` as written);
here NER spans are trimmed to the name, names inside other names (``премия Андрея Белого``) and
fictional characters are left out, and mentions are merged into one entry per person.
A role given in apposition right before a name (``министр иностранных дел Республики Казахстан Ермек
Кошербаев``) is kept, its head put in the nominative.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from ..model import Span
from .lexicon.names import (
    ALIAS_GAPS,
    APPOSITIVE_EPONYM_HEADS,
    CHILD_NOUNS,
    EAST_ASIAN_SURNAMES,
    EPONYM_HEADS,
    FAMILY_HEADS,
    FICTION_HEADS,
    GENERATION_SUFFIXES,
    GENITIVE_OBJECT_VERBS,
    HONORIFICS,
    HYPOCORISTICS,
    NAMED_AFTER,
    PARENT_NOUNS,
    PATRONYMIC_PARTICLES,
    PLACE_PREPOSITIONS,
    PREPOSITION_CASES,
    QUOTED_APPOSITION_HEADS,
    ROLE_PLAY_VERBS,
    SCRIPTURE_RE,
    SETTLEMENT_HEADS,
    VIETNAMESE_MIDDLE_GENDER,
    VIETNAMESE_SURNAMES,
)
from .lexicon.roles import (
    ARTICLE_PREFIXES,
    EXTRA_ROLE_HEADS,
    HEADING_VERBS,
    HIERARCH_TITLES,
    NAME_PARTICLES,
    NOT_ROLE_HEADS,
    PART_NOUNS,
    POSSESSIVE_ROLE_HEADS,
    POST_VERBS,
    ROLE_MODIFIERS,
)
from .lexicon.speech import SPEECH_VERBS
from .morph import (
    built_on_known_word,
    fold,
    inflect_phrase,
    is_known,
    match_case,
    parses,
)
from .names import (
    AMBIGUOUS_VOWEL_ENDINGS,
    CASES,
    INDECLINABLE_ENDINGS,
    NameForm,
    NameHint,
    _name_like,
    east_asian_given,
    first_name_gender,
    has_name_tag,
    normalize_name,
    split_adjacent,
    split_name,
    trim_name,
)
from .names import is_initial as _is_initial

EntityKind = Literal["person", "organization", "place"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity."""

    span: Span
    text: str  # as written
    case: str | None = None  # grammatical case the mention stands in ("nomn" = likely a subject)
    role: str | None = None  # apposition role before the mention, nominative
    role_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organization or place named in the dispatch."""

    name: str  # nominative, fullest form
    kind: EntityKind = "person"
    role: str | None = None  # first apposition role found, nominative
    mentions: tuple[Span, ...] = ()
    gender: str | None = None  # "masc" | "femn" | None (persons)
    first: str | None = None  # first name (persons)
    surname: str | None = None  # surname (persons)
    details: tuple[Mention, ...] = field(default=(), compare=False)

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.role for m in self.details if m.role))

    @property
    def first_start(self) -> int:
        return self.mentions[0].start if self.mentions else 0


# --------------------------------------------------------------------------------------------------
# NER spans


@dataclass(slots=True)
class _Span:
    kind: str
    toks: list  # nlp.Token
    first: int  # index of toks[0] in the dispatch's tokens


def _ner_spans(tokens, text: str = "") -> list[_Span]:
    """The NER's tagged runs of the compact :class:`~.nlp.Tokens` (only the runs' own tokens are made
    objects); a run never crosses a line break (a headline is not part of the next line's name)."""
    spans: list[_Span] = []
    cur: _Span | None = None
    for i, tag in enumerate(tokens.tags):
        if tag == "O":
            cur = None
            continue
        bio, kind = tag.split("-", 1)
        if bio == "B" or cur is None or cur.kind != kind or "\n" in text[cur.toks[-1].stop : tokens.starts[i]]:
            cur = _Span(kind, [tokens[i]], i)
            spans.append(cur)
        else:
            cur.toks.append(tokens[i])
    return spans


def _join_adjacent_persons(text: str, spans: list[_Span]) -> list[_Span]:
    """A one-word PER span the dictionary does not read as a name, with only a space before the next PER
    span, is the first word of that name, NER having cut it off (``Нейл`` | ``Патрик Харрис``). Two names
    side by side (``Сергею Лаврову`` | ``Олаф Шольц``, ``вдова Ельцина`` | ``Наина Иосифовна``) stay two."""
    out: list[_Span] = []
    for sp in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and sp.kind == "PER"
            and last.kind == "PER"
            and len(last.toks) == 1
            and text[last.toks[-1].stop : sp.toks[0].start] == " "
            and not _name_like(last.toks[0].text)
        ):
            out[-1] = _Span("PER", last.toks + sp.toks, last.first)
        else:
            out.append(sp)
    return out


def _with_patronymic_particles(tokens, text: str, spans: list[_Span]) -> list[_Span]:
    """A PER span followed, after one space, by a Turkic patronymic particle takes it in: ``Бакыт Садыр``
    + ``уулу`` (see :data:`PATRONYMIC_PARTICLES`)."""
    for sp in spans:
        nxt = sp.first + len(sp.toks)
        if (
            sp.kind == "PER"
            and nxt < len(tokens)
            and tokens.tags[nxt] == "O"
            and text[tokens.starts[nxt] - 1 : tokens.starts[nxt]] == " "
            and tokens.starts[nxt] - 1 == sp.toks[-1].stop
        ):
            tk = tokens[nxt]
            if tk.text in PATRONYMIC_PARTICLES:
                sp.toks.append(tk)
    return spans


def _is_see_adjective(word: str) -> bool:
    """A capitalized adjective the dictionary reads first as one ("Бобровский", "Лискинский"): a see's name."""
    ps = parses(word)[:1]
    return word[:1].isupper() and bool(ps) and ps[0].tag.POS == "ADJF"


def _after_hierarch_title(tokens, i: int) -> bool:
    """Token ``i`` follows a hierarch's title, over the see adjectives and the "и" that join them: "Епископ
    Бобровский и Лискинский Иларион" (a few words back at most)."""
    j = i - 1
    while j >= 0 and i - j <= 6:
        w = tokens[j].text
        if _lemma_of(tokens[j]) in HIERARCH_TITLES:
            return True
        if w != "и" and not _is_see_adjective(w):
            return False
        j -= 1
    return False


def _first_name_after_place_adjectives(spans: list[_Span], tokens=None) -> list[_Span]:
    """``епископ Вельский и Шенкурский Игнатий``: a place span NER ended with a first name, the words before it
    adjectives (a hierarch's title by his see) — the first name is a person of its own. Only for a word the
    dictionary reads first as a first name (not "Вера", first a common noun) and never as a place. And a
    "place" of two words that is an East Asian surname and a given name the dictionary does not know
    (``Ван Лимэй``) is a person."""
    out: list[_Span] = []
    for sp in spans:
        words = _word_tokens(sp.toks)
        in_title = sp.kind == "PER" and tokens is not None and _after_hierarch_title(tokens, sp.first)
        if in_title and words and all(_is_see_adjective(w.text) for w in words):
            continue  # "Епископ [Бобровский] и Лискинский Иларион": a see, no person
        if (
            in_title
            and len(words) >= 2
            and words[-1] is sp.toks[-1]
            and any("Name" in p.tag for p in parses(words[-1].text)[:1])
            and all(parses(w.text)[:1] and parses(w.text)[0].tag.POS == "ADJF" for w in words[:-1])
        ):
            # "митрополит Псковский Арсений" tagged as one person: the see's adjectives are his title
            out.append(_Span("PER", [sp.toks[-1]], sp.first + len(sp.toks) - 1))
            continue
        if sp.kind == "LOC" and len(words) >= 2 and words[-1] is sp.toks[-1]:
            last = parses(words[-1].text)[:1]
            if (
                last
                and "Name" in last[0].tag
                and not any("Geox" in p.tag for p in parses(words[-1].text))
                and all(parses(w.text)[:1] and parses(w.text)[0].tag.POS == "ADJF" for w in words[:-1])
            ):
                out.append(_Span("LOC", sp.toks[:-1], sp.first))
                out.append(_Span("PER", [sp.toks[-1]], sp.first + len(sp.toks) - 1))
                continue
        if sp.kind == "ORG" and tokens is not None and _role_org_then_name(tokens, sp, words):
            out.append(_Span("ORG", sp.toks[:-2], sp.first))
            out.append(_Span("PER", sp.toks[-2:], sp.first + len(sp.toks) - 2))
            continue
        if (
            sp.kind == "LOC"
            and len(words) == 2
            and len(sp.toks) == 2
            and fold(words[0].text) in EAST_ASIAN_SURNAMES
            and east_asian_given(words[1].text)
            and not any("Geox" in p.tag for p in parses(words[1].text))
        ):
            out.append(_Span("PER", sp.toks, sp.first))  # "председатель палаты округа Ван Лимэй": a person
            continue
        out.append(sp)
    return out


def _role_org_then_name(tokens, sp: _Span, words) -> bool:
    """ "политолог Университета Лос-Андес Рикардо Санта-Мария": after a person's noun, an organization NER ran on
    into the person's first name (the dictionary's, in the nominative) and surname — the apposition of the role,
    whose organization is in the genitive. Only two capitalized words at the end, two words or more before."""
    if len(words) < 4 or len(sp.toks) != len(words) or sp.first < 1:
        return False
    role = tokens[sp.first - 1].text
    if not role[:1].islower() or not any(
        p.tag.POS == "NOUN" and p.tag.animacy == "anim" and not has_name_tag(p.tag) for p in parses(role)[:1]
    ):
        return False
    first, last = words[-2].text, words[-1].text
    return (
        last[:1].isupper()
        and any("Name" in p.tag and p.tag.case == "nomn" for p in parses(first)[:1])
        and any(p.tag.case == "gent" for p in parses(words[0].text)[:2])
    )


def _with_east_asian_surname(tokens, text: str, spans: list[_Span]) -> list[_Span]:
    """A PER span right after a capitalized East Asian surname NER left out, inside a sentence, takes it in:
    ``Вьетнама Во`` + ``Минь Тханя`` (a capital "Во" there is no preposition; see :data:`EAST_ASIAN_SURNAMES`)."""
    for sp in spans:
        i = sp.first - 1
        if sp.kind != "PER" or i < 1 or tokens.tags[i] != "O":
            continue
        tk, before = tokens[i], tokens[i - 1]
        if (
            tk.text[:1].isupper()
            and not tk.text.isupper()
            and fold(tk.text) in EAST_ASIAN_SURNAMES
            and text[tk.stop : sp.toks[0].start] == " "
            and before.text[:1].isalnum()  # inside the sentence: a word before it, no full stop
        ):
            sp.toks.insert(0, tk)
            sp.first = i
    return spans


def _cut_surnames_off_organizations(spans: list[_Span]) -> list[_Span]:
    """A person's surname NER ran into the organization before it is a person mention of its own:
    ``цитирует пресс-служба Университета Тромсё Сольхейм`` after ``нейробиолог Ингрид Сольхейм`` is the
    university and Сольхейм. Only the last word is cut, only when it is written as the last word of a
    name of two words or more found elsewhere in the text (a surname the text has given a person)."""
    surnames = {
        fold(sp.toks[-1].text)
        for sp in spans
        if sp.kind == "PER" and len(_word_tokens(sp.toks)) >= 2 and sp.toks[-1].text[:1].isupper()
    }
    if not surnames:
        return spans
    out: list[_Span] = []
    for sp in spans:
        last = sp.toks[-1]
        if sp.kind == "ORG" and len(sp.toks) >= 3 and fold(last.text) in surnames and last.text[:1].isupper():
            out.append(_Span("ORG", sp.toks[:-1], sp.first))
            out.append(_Span("PER", [last], sp.first + len(sp.toks) - 1))
        else:
            out.append(sp)
    return out


_WORDLIKE = re.compile(r"[^\W\d_]", re.U)
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")


def _word_tokens(toks) -> list:
    return [t for t in toks if _WORDLIKE.search(t.text)]


def _role_head_ok(p, name_case: str | None) -> bool:
    t = p.tag
    if t.POS != "NOUN" or has_name_tag(t) or len(p.word) < 3:
        return False
    if t.number == "plur":
        return False
    if p.normal_form in NOT_ROLE_HEADS:
        return False
    if t.animacy != "anim" and p.normal_form not in EXTRA_ROLE_HEADS:
        return False
    if name_case is None:
        return True
    if t.case == name_case or (name_case == "accs" and t.case == "gent") or (name_case == "gent" and t.case == "accs"):
        return True
    return False


def _opens_sentence(tokens, j: int, sent_start: int) -> bool:
    """Token ``j`` opens its sentence, or only adjectives that can be nominative plurals stand before it
    (``Бывшие коллеги …``)."""
    k = j - 1
    while k >= 0 and tokens[k].start >= sent_start and tokens[k].text not in (".", "!", "?", "\n", "«", "„"):
        if not any(
            p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "nomn" and p.tag.number == "plur"
            for p in parses(tokens[k].text)
        ):
            return False
        k -= 1
    return True


def _subject_plural_not_genitive(ps, name_case: str | None) -> bool:
    """A sentence-opening noun that agrees with the genitive name after it only as a genitive singular and is also
    a nominative plural (``Коллеги``, ``Сестры``, ``Судьи``: gen. sg. = nom. pl.) opens the sentence as its
    subject, the plural: a genitive singular has nothing to depend on there. The name is its dependent — the
    colleagues of Ivan Petrov — and the noun no role of his."""
    if name_case not in ("gent", "accs"):
        return False
    agreeing = [p for p in ps if _role_head_ok(p, name_case)]
    return all(p.tag.case in ("gent", "accs") for p in agreeing) and any(
        p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.tag.number == "plur" for p in ps
    )


def _find_role(text: str, tokens, idx: int, name_case: str | None, sent_start: int):
    """Apposition role right before token ``idx``: (role nominative, Span) or None."""
    j = idx - 1
    modifiers = 0
    head = None
    while j >= 0 and idx - j <= 9:
        tk = tokens[j]
        if tk.start < sent_start:
            break
        w = tk.text
        if w == "»":
            # a quoted name as a whole, whatever its words: "аналитик ИК «Северная гавань» Дмитрий Ровный"
            k = next((k for k in range(j - 1, max(j - 8, -1), -1) if tokens[k].text == "«"), None)
            if k is not None and tokens[k].start >= sent_start:
                modifiers += 1
                j = k - 1
                continue
        if not _WORDLIKE.search(w):
            if w in ("«", "»", '"', "-") and (modifiers or (w in ("»", '"') and j == idx - 1)):
                j -= 1
                continue
            if w == "," and modifiers and _genitive_noun(tokens, j - 1) and _genitive_noun(tokens, j + 1):
                j -= 1  # "министр экономики, торговли и промышленности Японии": coordinated genitives
                continue
            break
        lw = w.lower()
        ps = parses(w)
        sent_initial = j == 0 or tokens[j].start <= sent_start or tokens[j - 1].text in (".", "!", "?", "\n", "«", "„")
        # (a word right before the name that the NER took into its span and the name's trimming left out is
        # no name: "«Капитана Кокорина рассчитать»")
        if (
            (w[:1].islower() or sent_initial)
            and any(_role_head_ok(p, name_case) for p in ps)
            and (tk.tag == "O" or j == idx - 1)
        ):
            if _opens_sentence(tokens, j, sent_start) and _subject_plural_not_genitive(ps, name_case):
                return None  # "Коллеги Ивана Петрова говорят": his colleagues, no role of his
            head = j
            break
        # a modifier between the head and the name: genitive words, proper names, abbreviations
        if w[:1].isupper() or w.isupper():
            modifiers += 1
            j -= 1
            continue
        if lw in ("и",):
            if not modifiers:
                break  # "теннисист Йонас Кель и Андрей Рублев": a name joined by "и" has no role of the one before
            modifiers += 1
            j -= 1
            continue
        if any(p.tag.case in ("gent",) and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in ps):
            modifiers += 1
            j -= 1
            continue
        if lw == "по" and modifiers or _po_complement_word(tokens, j, sent_start):
            modifiers += 1  # "председатель комитета по охране здоровья", "уполномоченный по правам человека"
            j -= 1
            continue
        break
    if head is None:
        return None
    governed = _governing_person_noun(tokens, head, sent_start, name_case)
    if governed != head:
        head, name_case = governed, None  # (the name's case is no longer the head's)
    start = head
    # adjectives opening the role ("бывший министр", "первый вице-премьер")
    k = head - 1
    while k >= 0 and tokens[k].start >= sent_start and head - k <= 2:
        w = tokens[k].text
        if (
            w[:1].isalpha()
            and w.lower().replace("ё", "е") in ROLE_MODIFIERS
            or (w[:1].islower() and any(p.tag.POS == "ADJF" and p.normal_form in ROLE_MODIFIERS for p in parses(w)))
        ):
            start = k
            k -= 1
            continue
        break
    words = [t.text for t in tokens[start : head + 1]]
    span_text = text[tokens[start].start : tokens[idx - 1].stop]
    norm = inflect_phrase(words, "nomn", source_case=name_case)
    # the modifiers as written, quotation marks and all ("аналитик ФК «Открытие»")
    tail = " ".join(text[tokens[head + 1].start : tokens[idx - 1].stop].split()) if head + 1 < idx else ""
    role = " ".join(norm + ([tail] if tail else []))
    if role[:1].isupper() and not words[0].isupper() and not (len(words[0]) > 1 and words[0][1].isupper()):
        role = role[:1].lower() + role[1:]
    if not role:
        return None
    del span_text
    cases = frozenset(str(p.tag.case) for p in parses(tokens[head].text) if _role_head_ok(p, name_case))
    return role, Span(tokens[start].start, tokens[idx - 1].stop), cases


def _role_from_relative_clause(text: str, tokens, i1: int):
    """A post the clause after a name gives, where no role stands before it: ``Ламбера, француза, который служил
    гувернером``, ``Петрова, работавшего врачом`` — a verb of holding a post (``служить``, ``работать``, ``быть``)
    in a relative clause of ``который`` or as a participle, and its predicate noun in the instrumental, an
    animate one of a person (the role in the nominative). Only within the sentence, a few words after the name
    (past an apposition: ``, француза,``)."""
    j, end = i1, min(len(tokens), i1 + 12)
    while j < end and tokens[j].text not in (".", "!", "?", ";", "«", "»", "(", ")"):
        ps = parses(tokens[j].text)
        verb = next((p for p in ps if p.tag.POS in ("VERB", "PRTF") and p.normal_form in POST_VERBS), None)
        if verb is not None and _after_relative_or_comma(tokens, i1, j):
            for k in range(j + 1, min(j + 5, len(tokens))):
                nps = [p for p in parses(tokens[k].text) if p.tag.case == "ablt" and _role_head_ok(p, None)]
                if nps and tokens[k].text[:1].islower():
                    nom = nps[0].inflect({"nomn"})
                    role = nom.word if nom is not None else nps[0].normal_form
                    return role, Span(tokens[k].start, tokens[k].stop), frozenset(CASES)
                if tokens[k].text in (",", ".", "и"):
                    break
            return None
        j += 1
    return None


def _role_from_heading_verb(tokens, i1: int):
    """ "Михаил Рябой возглавляет институт с 2016 года": the name as the subject of a verb of heading (right after
    it, an adverb between at most) is the head of its object — the role "глава института", in the genitive of
    the object's noun and the genitive words after it, which "директор института" or "глава института" names."""
    j = i1
    if j < len(tokens) and any(p.tag.POS == "ADVB" for p in parses(tokens[j].text)[:1]):
        j += 1
    if j >= len(tokens) or not any(
        p.tag.POS == "VERB" and p.normal_form in HEADING_VERBS and p.tag.number == "sing"
        for p in parses(tokens[j].text)
    ):
        return None
    k = j + 1
    words: list[str] = []
    while k < len(tokens) and len(words) < 4 and tokens[k].text[:1].isalpha():
        ps = parses(tokens[k].text)
        if not ps or ps[0].tag.POS not in ("NOUN", "ADJF") or (words and ps[0].tag.case != "gent"):
            break
        words.append(tokens[k].text)
        k += 1
    if not words or not any(p.tag.POS == "NOUN" and p.tag.animacy == "inan" for p in parses(words[-1])[:2]):
        return None
    head = inflect_phrase(words[:1], "gent") + words[1:]
    return "глава " + " ".join(head), Span(tokens[j].start, tokens[k - 1].stop), frozenset(CASES)


def _after_relative_or_comma(tokens, i1: int, j: int) -> bool:
    """Token ``j`` (a verb or a participle) opens, or follows only adverbials in, a clause set off after the name
    ending at ``i1``: ``, который [в 1810-х годах] служил``, ``, служивший``."""
    k = j - 1
    while k > i1 and tokens[k].text != ",":
        if fold(tokens[k].text).startswith("котор"):
            return True
        k -= 1
    return k >= i1 and tokens[k].text == "," and k == j - 1 and any(p.tag.POS == "PRTF" for p in parses(tokens[j].text))


def _po_complement_word(tokens, j: int, sent_start: int) -> bool:
    """A lower-case noun or adjective in the dative (or the locative) that a "по" at most two words before governs:
    the complement of a role ("комитет по охране здоровья", "комиссар по делам молодежи")."""
    w = tokens[j].text
    if not w[:1].islower() or not any(
        p.tag.POS in ("NOUN", "ADJF") and p.tag.case in ("datv", "loct") for p in parses(w)
    ):
        return False
    for k in (j - 1, j - 2):
        if k < 0 or tokens[k].start < sent_start or not _WORDLIKE.search(tokens[k].text):
            return False
        if tokens[k].text.lower() == "по":
            return True
    return False


def _genitive_noun(tokens, j: int) -> bool:
    """A lower-case noun that may be a genitive at token ``j``."""
    if not 0 <= j < len(tokens) or not tokens[j].text[:1].islower():
        return False
    return any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in parses(tokens[j].text))


def _governing_person_noun(tokens, head: int, sent_start: int, name_case: str | None) -> int:
    """A role noun in the genitive that depends on a person noun before it is no role of the name after
    it: ``супругой японского министра Митико Танабэ`` — the name is the wife's, the minister is someone
    else. The head is then that person noun (``супругой``), the genitive words its complement."""
    ps = parses(tokens[head].text)
    if not any(p.tag.case == "gent" for p in ps if _role_head_ok(p, name_case)):
        return head
    k = head - 1
    while k >= 0 and tokens[k].start >= sent_start and head - k <= 3:
        w = tokens[k].text
        if not w[:1].isalpha() or not w[:1].islower():
            return head
        wps = parses(w)
        if any(p.tag.POS == "ADJF" and p.tag.case == "gent" for p in wps[:2]):
            k -= 1  # "японского": the genitive's own adjective
            continue
        if any(_role_head_ok(p, None) and p.tag.case not in ("gent", None) for p in wps[:2]):
            return k
        return head
    return head


# --------------------------------------------------------------------------------------------------
# clustering persons


_key = fold


def _sur_key(s: str | None) -> str:
    """A surname's key for matching: folded, its leading particles dropped (``фон Лауэнштейн`` and a bare
    ``Лауэнштейн``, ``ван Хаутена`` and ``Ван Хаутен`` are one surname)."""
    k = _key(s)
    while " " in k and k.split(" ", 1)[0] in NAME_PARTICLES:
        k = k.split(" ", 1)[1]
    # "Юзеев-младший" is Юзеев, the younger: the epithet is no part of the surname a bare "Юзеев" matches
    return _GENERATION_TAIL.sub("", k)


_GENERATION_TAIL = re.compile(r"-(?:" + "|".join(GENERATION_SUFFIXES) + r")\w*$")


def _same_surname(a: str | None, b: str | None) -> bool:
    a, b = _sur_key(a), _sur_key(b)
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) >= 5 and _single_letters(a) == _single_letters(b):
        return True  # a doubled letter in one transcription and not in another ("Бузакка", "Бузака")
    if len(a) == len(b) >= 5 and _one_vowel_apart(a, b):
        return True  # one vowel of a foreign name transcribed two ways ("Бенер", "Бонер")
    if _long_misspelling(a, b):
        return True  # "Герстенмайер" written once "Гернстермайер"
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k >= 4 and k >= max(len(a), len(b)) - 3 and k >= min(len(a), len(b)) - 1


def _long_misspelling(a: str, b: str) -> bool:
    """A long foreign surname misspelt (``Герстенмайер`` / ``Гернстермайер``): both of nine letters or more, the
    same first two and last four letters (not an ending of grammar: those are compared whole), at most two
    letters inserted, deleted or changed in between."""
    if min(len(a), len(b)) < 9 or a[:2] != b[:2] or a[-4:] != b[-4:] or abs(len(a) - len(b)) > 2:
        return False
    return _edit_distance(a, b, 2) <= 2


def _edit_distance(a: str, b: str, cap: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``cap + 1`` once it is above ``cap``."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y))
        if min(cur) > cap:
            return cap + 1
        prev = cur
    return prev[-1]


def _one_vowel_apart(a: str, b: str) -> bool:
    """Same length, one letter apart, inside the word (not its first or last letter: an ending is grammar),
    and both letters vowels."""
    diff = [k for k, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 1 and 0 < diff[0] < len(a) - 1 and a[diff[0]] in _VOWELS and b[diff[0]] in _VOWELS


_VOWELS = frozenset("аеиоуыэюя")


def _single_letters(s: str) -> str:
    return re.sub(r"(\w)\1+", r"\1", s)


def _same_first(a: str | None, b: str | None) -> bool:
    a, b = _key(a).split(" ")[0].rstrip("."), _key(b).split(" ")[0].rstrip(".")
    if not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if a == b:
        return True
    if _english_w(a) == _english_w(b):
        return True
    if ("-" in a) != ("-" in b) and (a.split("-")[0] == b or b.split("-")[0] == a):
        return True  # "дядя Жан" of Жан-Батист Ламбер: a compound first name called by its first part
    return _same_surname(a, b) or (min(len(a), len(b)) >= 4 and _one_edit(a, b))


_W_SOUND = re.compile(r"(?:^|(?<=[бвгджзклмнпрстфхцчшщ]))у(?=[эиоа])")


@lru_cache(maxsize=20_000)
def _english_w(name: str) -> str:
    """A name with the English W written as "в" where it may be written "у" (``Уэнтуорт`` / ``Вентворт``,
    ``Уильям`` / ``Вильям``): "у" before a vowel, at the start or after a consonant, read as "в", and the vowel
    "э" after it as "е"."""
    return _W_SOUND.sub("в", name).replace("вэ", "ве")


def _one_edit(a: str, b: str) -> bool:
    """Two spellings of one transcribed first name, one letter apart (``Гарри``/``Гари``)."""
    if a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


@dataclass
class _PersonMention:
    span: Span
    text: str
    form: NameForm
    first: str | None
    patr: str | None
    surname: str | None
    initials: tuple[str, ...]
    role: tuple[str, Span, frozenset] | None  # (role, span, cases its head noun can stand in)
    weight: float
    words: tuple[str, ...] = ()  # the name's words as written
    fiction: bool = False  # the text calls it a character's (героиня Карин)
    after_word: bool = False  # a lower-case word right before: capitalized mid-sentence
    listed: bool = False  # a cell of an enumeration whose slot holds persons (see _enumerated_persons)
    address: bool = False  # words addressed to the person ("— Мурат Хасанбиевич, почему …"): see _is_address
    strict_case: bool = False  # its case comes from a context that fixes it (a preposition, an agreeing verb)
    # "жена пенсионера Валентина Рочева": a woman's kin noun, then a genitive noun, then a name that reads as a
    # man's genitive or as her nominative — the nominative reading, kept for _kin_sharing_a_surname
    kin_reading: NameForm | None = None
    hinted_case: bool = False  # its case is one its context allows (a role in apposition, a verb after it)
    verb_gender: str | None = None  # the gender of the past-tense verb right after it, whose subject it is


@dataclass
class _Cluster:
    mentions: list[_PersonMention] = field(default_factory=list)
    surname_key: str | None = None  # the paradigm the mentions agree on (see _agree_paradigm)
    gender: str | None = None

    @property
    def best(self) -> _PersonMention:
        def score(m: _PersonMention):
            return (m.weight, m.form.case == "nomn", -m.span.start)

        return max(self.mentions, key=score)

    def _heaviest(self, key: str, pred) -> _PersonMention | None:
        """The first of the heaviest mentions satisfying ``pred``. Clusters only grow by appending (or get a
        new list), so the answer is kept and updated with the new mentions only: clustering stays linear."""
        ms = self.mentions
        cache = self.__dict__.setdefault("_heaviest_cache", {})
        hit = cache.get(key)
        best, start = (hit[2], hit[1]) if hit is not None and hit[0] == id(ms) and hit[1] <= len(ms) else (None, 0)
        for m in ms[start:]:
            if pred(m) and (best is None or m.weight > best.weight):
                best = m
        cache[key] = (id(ms), len(ms), best)
        return best

    @property
    def surname(self):
        m = self._heaviest("surname", lambda m: bool(m.surname))
        return m.surname if m is not None else None

    @property
    def first(self):
        m = self._heaviest("first", lambda m: bool(m.first) and len(m.first.rstrip(".")) > 1)
        if m is not None:
            return m.first
        m = self._heaviest("any_first", lambda m: bool(m.first))  # the heaviest; any will do as a fallback
        return m.first if m is not None else None


def _first_is_tail(a: str, b: str) -> bool:
    """One first name is the last word of the other, of two words or more (``Омар Абдель`` / ``Абдель``)."""
    a, b = _key(a), _key(b)
    if " " in a and " " not in b:
        return a.rsplit(" ", 1)[1] == b
    return " " in b and " " not in a and b.rsplit(" ", 1)[1] == a


def _first_key(first: str | None) -> str:
    """The part of a first name :func:`_same_first` compares (its first word, without the period)."""
    return _key(first).split(" ")[0].rstrip(".")


class _ClusterIndex:
    """The clusters by the keys the clustering compares, so that a mention is compared with the few clusters
    that can match, not with all (a 16 MB dispatch has thousands of people). Each lookup gives a superset
    of the matching clusters, in their order, and the caller applies the same tests as before:
    ``_same_surname`` needs the first four letters alike, once doubled letters are single or a vowel masked
    (or equal words), ``_same_first`` the same first letter (or an empty first word, which matches anything)."""

    def __init__(self, clusters: list[_Cluster]) -> None:
        self.clusters = clusters
        self.keys: list[tuple] = []
        self.buckets: dict[tuple, list[int]] = {}

    def update(self, ci: int) -> None:
        c = self.clusters[ci]
        sur, first = _sur_key(c.surname), c.first
        found: list[tuple[str, ...]] = []
        if sur:
            found += [("sur4", sur[:4]), ("sur", sur), *_variant_keys(sur)]
        elif first:
            found.append(("first4", _key(first)[:4]))
        if first:
            fk = _first_key(first)
            found.append(("first1", fk[:1]) if fk else ("first-any",))
        keys = tuple(found)
        if ci < len(self.keys):
            if self.keys[ci] == keys:
                return
            for k in self.keys[ci]:
                self.buckets[k].remove(ci)
            self.keys[ci] = keys
        else:
            self.keys.append(keys)
        for k in keys:
            self.buckets.setdefault(k, []).append(ci)

    def get(self, *keys: tuple) -> list[_Cluster]:
        found = {ci for k in keys for ci in self.buckets.get(k, ())}
        return [self.clusters[ci] for ci in sorted(found)]

    def by_first(self, word: str | None) -> list[_Cluster]:
        """The clusters whose first name may be ``word`` by :func:`_same_first`."""
        fk = _first_key(word)
        if not fk:
            return [c for c in self.clusters if c.first]
        return self.get(("first1", fk[:1]), ("first-any",))


def _variant_keys(sur: str) -> list[tuple]:
    """Bucket keys under which :func:`_same_surname`'s spelling variants meet: the first four letters with
    doubled letters single ("Сааргсян" / "Саргсян") and with vowels masked ("Бонер" / "Бенер")."""
    keys = [("sursq", _single_letters(sur)[:4]), ("surv", "".join("*" if ch in _VOWELS else ch for ch in sur[:4]))]
    if len(sur) >= 9:
        keys.append(("surlong", sur[:2] + sur[-4:]))  # (see _long_misspelling)
    return keys


_HARD_CONSONANTS = frozenset("бвгдзклмнпрстфхцжшщч")


def _siblings_names(c: _Cluster, m: _PersonMention) -> bool:
    """``Двойняшки Александр и Александра Мельник``: a man's and a woman's first name, each written in the
    nominative (not a normalizer's guess from an oblique form), are two people's, however alike."""

    def written(x: _PersonMention) -> str | None:
        if not (x.first and x.words and x.form.case == "nomn" and fold(x.words[0]) == fold(x.first)):
            return None
        g = first_name_gender(x.first)
        if g == "femn" and not (len(x.words) >= 2 and x.words[-1][-1:].lower() in _HARD_CONSONANTS):
            return None  # ("Александра" may be Александр's genitive: a woman's only before an undeclined "Мельник")
        return g

    g = written(m)
    return g in ("masc", "femn") and any(written(x) not in (None, g) for x in c.mentions)


def _cluster_persons(mentions: list[_PersonMention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    index = _ClusterIndex(clusters)
    position: dict[int, int] = {}  # id of a cluster → its place in ``clusters``
    last_seen: dict[int, int] = {}

    def recent(cands):
        return max(cands, key=lambda c: last_seen[id(c)])

    for m in mentions:
        target = None
        if m.surname:
            sk = _sur_key(m.surname)
            same = [c for c in index.get(("sur4", sk[:4]), *_variant_keys(sk)) if _same_surname(c.surname, m.surname)]
            if m.first:
                exact = [c for c in same if c.first and _same_first(c.first, m.first) and not _siblings_names(c, m)]
                bare = [c for c in same if not c.first]
                if not bare:
                    # a lone word read as a first name earlier may be this surname ("Джонсон")
                    bare = [
                        c
                        for c in index.get(("first4", _key(m.surname)[:4]))
                        if not c.surname
                        and c.first
                        and _same_surname(c.first, m.surname)
                        and not any(x.patr for x in c.mentions)
                    ]
                # a name of three words or more without its first one: "Гарсиа Морено" of Инес Гарсиа Морено,
                # "Абдель Латиф" of Омар Абдель Латиф (a Spanish double surname, an Arabic compound name)
                # (or the other way round, the shorter mention first: a headline's "Абдель Латифа")
                tail = [c for c in same if c.first and _first_is_tail(c.first, m.first)]
                if exact:
                    target = recent(exact)
                elif len(tail) == 1:
                    target = tail[0]
                elif len(bare) == 1:
                    target = bare[0]
                elif not same and m.address and _PATRONYMIC_SHAPE.search(m.surname):
                    target = _addressed_by_patronymic(m, index)
                    if target is not None:
                        m = replace(m, patr=m.surname, surname=None, weight=m.weight / 2)
            elif same and _GENERATION.fullmatch(m.text):
                pass  # "Ковалёв-старший": a cluster of its own, placed by _place_generation_mentions
            elif same:
                same = _agreeing_in_gender(m, same)
                if m.verb_gender is not None:
                    # "Бондаренко не исключила": the verb's gender tells which of a couple sharing the surname
                    same = [c for c in same if _named_gender(c) in (None, m.verb_gender)] or same
                own = [c for c in same if c.surname and _sur_key(c.surname) == sk]
                if (
                    len(same) > 1
                    and len(own) == 1
                    and (
                        m.form.case not in (None, "nomn")
                        or (m.form.gender_evidence and m.form.gender == _named_gender(own[0]))
                    )
                ):
                    # "По словам Ветровой" of Олег Ветров and Анна Ветрова: her surname's own form; and so a
                    # nominative that tells its gender ("Муравьева с коллегой согласна": hers, not his)
                    same = own
                if len({_first_key(c.first) for c in same if c.first and len(_first_key(c.first)) > 1}) > 1:
                    continue  # two persons of that surname named so far, by different first names: either
                if same:
                    target = recent(same)
            if target is None and not m.first:
                # a lone word NER calls a person could be a first name seen before ("Алла")
                byfirst = [
                    c
                    for c in index.by_first(m.surname)
                    if _same_first(c.first, m.surname) and c.first and len(c.first) > 1
                ]
                if byfirst and not same:
                    target = recent(byfirst)
        elif m.first:
            byfirst = [
                c
                for c in index.by_first(m.first)
                if c.first
                and _same_first(c.first, m.first)
                and len(_key(c.first)) > 1
                and (not m.patr or any(_key(x.patr) == _key(m.patr) for x in c.mentions))
            ]
            if not byfirst and m.patr:
                # "Сергей Викторович" of the one Сергей named with a surname and no patronymic: his name and
                # patronymic (two persons of that first name: neither)
                free = [
                    c
                    for c in index.by_first(m.first)
                    if c.first and c.surname and _key(c.first) == _key(m.first) and not any(x.patr for x in c.mentions)
                ]
                byfirst = free if len(free) == 1 else []

            # (the word as written is the surname or the surname with a case ending: "Данна" is Питер Данн's
            # genitive, "Джона" is not "Аннабель Джонс")
            written = _key(m.words[-1]) if m.words else _key(m.first)
            # (and the word as written may be a surname seen with a first name: "По словам Леру" after "Клод
            # Леру", where the lone word also reads as the first name Лера)
            stems = [("sur", _key(m.first)), ("sur", written)] + [
                ("sur", written[:-n]) for n in (1, 2, 3) if len(written) > n and written[-n:] in _CASE_ENDINGS
            ]
            # a surname of the -а declension ("Ларрага"): "Ларраги", "Ларраге", "Ларрагой"
            stems += [
                ("sur", written[:-n] + a)
                for n in (1, 2)
                if len(written) > n + 3 and written[-n:] in _A_DECL_ENDINGS
                for a in ("а", "я")
            ]
            bysurname = [
                c
                for c in index.get(*stems)
                if c.surname
                and (
                    (sk := _sur_key(c.surname)) in (_key(m.first), written)
                    or (written.startswith(sk) and written[len(sk) :] in _CASE_ENDINGS)
                    or _a_declension_of(written, sk)
                )
            ]
            if byfirst:
                target = recent(byfirst)
            elif bysurname:
                if len({_first_key(c.first) for c in bysurname if c.first and len(_first_key(c.first)) > 1}) > 1:
                    continue  # "Званцева" after Лидия and Ольга Званцева: either of them (as for a surname, above)
                target = recent(bysurname)
        if target is None:
            target = _Cluster()
            position[id(target)] = len(clusters)
            clusters.append(target)
        target.mentions.append(m)
        last_seen[id(target)] = m.span.start
        index.update(position[id(target)])
    return clusters


#: The endings of a patronymic (also those of some Slavic surnames: Абрамович, Милошевич).
_PATRONYMIC_SHAPE = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)$", re.IGNORECASE)


def _addressed_by_patronymic(m: _PersonMention, index: _ClusterIndex) -> _Cluster | None:
    """ "— Мурат Хасанбиевич, почему …" after "с Муратом Кушховым": an address by a first name and a patronymic-shaped
    second word (a non-Russian father's name the dictionary lacks), where exactly one person of that
    first name has a surname of his own and no patronymic given: his name and patronymic, not a new person
    (a surname in -ович of another person is then still told apart by another first name)."""
    free = [
        c
        for c in index.by_first(m.first)
        if c.first
        and c.surname
        and _key(c.first) == _key(m.first)
        and not any(x.patr for x in c.mentions)
        and not _same_surname(c.surname, m.surname)
    ]
    return free[0] if len(free) == 1 else None


@dataclass(frozen=True, slots=True)
class PersonKey:
    """What tells one person from another when the parts of one huge text were analysed apart (see
    :mod:`.parts`): the name shown, and the first name, surname and gender its :class:`Entity` found."""

    name: str
    first: str | None = None
    surname: str | None = None
    gender: str | None = None


def person_key(name: str, e: Entity | None) -> PersonKey:
    """The key of a speaker ``name`` (``e``: its entity, None for a name the resolver read off a mention)."""
    return PersonKey(name) if e is None else PersonKey(name, e.first, e.surname, e.gender)


def group_persons(keys: Sequence[PersonKey]) -> list[int]:
    """The group of each of ``keys`` (persons found apart in the parts of one text, in text order), by the
    rules :func:`_cluster_persons` merges mentions by: the same name is one person; a full name joins the
    latest group of its first name and surname, else the one group of that surname without a first name; a
    bare surname joins the latest group of its surname agreeing in gender, unless groups of it with two
    different first names are known (either could be meant: it stays apart); a first name alone, or a name
    the entity did not split, joins only its own name."""
    groups: list[list] = []  # [first, surname, gender, last index]
    buckets: dict[tuple, list[int]] = {}
    by_name: dict[str, int] = {}
    out: list[int] = []
    for i, k in enumerate(keys):
        target = by_name.get(k.name)
        if target is None and k.surname:
            sk = _sur_key(k.surname)
            near = sorted({g for b in (("sur4", sk[:4]), *_variant_keys(sk)) for g in buckets.get(b, ())})
            same = [
                g
                for g in near
                if _same_surname(groups[g][1], k.surname)
                and (not groups[g][2] or not k.gender or groups[g][2] == k.gender)
            ]
            if k.first:
                exact = [g for g in same if groups[g][0] and _same_first(groups[g][0], k.first)]
                bare = [g for g in same if not groups[g][0]]
                target = max(exact, key=lambda g: groups[g][3]) if exact else (bare[0] if len(bare) == 1 else None)
            elif same and len({_first_key(groups[g][0]) for g in same if groups[g][0]}) <= 1:
                target = max(same, key=lambda g: groups[g][3])
        if target is None:
            target = len(groups)
            groups.append([k.first, k.surname, k.gender, i])
            if k.surname:
                sk = _sur_key(k.surname)
                for b in (("sur4", sk[:4]), *_variant_keys(sk)):
                    buckets.setdefault(b, []).append(target)
        else:
            g = groups[target]
            g[0], g[2], g[3] = g[0] or k.first, g[2] or k.gender, i
        by_name.setdefault(k.name, target)
        out.append(target)
    return out


def _agreeing_in_gender(m: _PersonMention, clusters: list[_Cluster]) -> list[_Cluster]:
    """The clusters a bare surname may stand for by its gender: a surname ending in a consonant, with no
    feminine of its own, declines for a man only (``экстрадировали Бута`` is Виктор Бут's, not Алла Бут's),
    so a declined one is a man's. (A Russian surname has a feminine that declines too: ``Гребневу`` may
    be Гребнева's.)"""
    if not m.surname or not m.words or m.form.case in (None, "nomn"):
        return clusters
    written, sur = fold(m.words[-1]), fold(m.surname)
    if written == sur or sur[-1:] in "аеёиоуыэюяйь" or sur.endswith(_SURNAMES_WITH_FEMININE):
        return clusters
    return [c for c in clusters if _named_gender(c) in (None, "masc")]


_SURNAMES_WITH_FEMININE = ("ов", "ев", "ин", "ын", "ский", "цкий", "ой", "ый", "ий")


def _named_gender(c: _Cluster) -> str | None:
    """The gender the mentions giving a first name tell, where they agree."""
    genders = {m.form.gender for m in c.mentions if m.first and m.form.gender_evidence and m.form.gender}
    return genders.pop() if len(genders) == 1 else None


_A_DECL_ENDINGS = frozenset({"ы", "и", "е", "у", "ю", "ой", "ей", "ою", "ею"})


def _a_declension_of(written: str, surname: str) -> bool:
    """``written`` is an oblique form of ``surname`` of the -а/-я declension (``ларраги`` of ``ларрага``)."""
    if len(surname) < 4 or surname[-1] not in "ая":
        return False
    stem = surname[:-1]
    return written.startswith(stem) and written[len(stem) :] in _A_DECL_ENDINGS


_CASE_ENDINGS = frozenset({"а", "я", "у", "ю", "ом", "ем", "е", "ой", "ым", "ого", "ому"})


_GENERATION = re.compile(r"(?P<sur>[^\W\d_][\w'’]+)-(?:" + "|".join(GENERATION_SUFFIXES) + r")\w*", re.I)


def _place_generation_mentions(text: str, clusters: list[_Cluster]) -> list[_Cluster]:
    """``Турдумаматов-младший``, ``Буша-старшего``: the younger or the elder of two people of one surname
    (son and father). Such a mention is the person of that surname when the text names only one; of two,
    the one the text says is the son (or the father): ``Нурлана Турдумаматова, сына … Эркина Турдумаматова``,
    ``Отец Андрея, Виктор Ковалёв`` (see :func:`_elder_younger`). Else the mention is nobody's (no person of
    its own, no guess) and the quote it attributes stays without a speaker."""
    out: list[_Cluster] = []
    pending: list[tuple[_Cluster, str, bool]] = []
    for c in clusters:
        ms = [_GENERATION.fullmatch(m.text) for m in c.mentions]
        if all(ms):
            pending.append((c, ms[0]["sur"], "младш" in c.mentions[0].text.lower()))  # type: ignore[index]
        else:
            out.append(c)
    for c, written, younger in pending:
        # (a man's: "-младший"/"-старший" agree with him; "-младшая" would be a woman's)
        fem = c.mentions[0].text.lower().endswith(("ая", "ей", "ую", "ой"))
        cands = [
            o
            for o in out
            if o.surname
            and _same_surname(o.surname, written)
            and (o.gender or _named_gender(o)) in (None, "femn" if fem else "masc")
        ]
        target = cands[0] if len(cands) == 1 else None
        if len(cands) == 2:
            pair = _elder_younger(text, cands[0], cands[1])
            if pair is not None:
                target = pair[1] if younger else pair[0]
        if target is not None:
            target.mentions.extend(replace(m, surname=target.surname, first=None, patr=None) for m in c.mentions)
            target.mentions.sort(key=lambda m: m.span.start)
    return out


def _untagged_capitalized(tokens):
    """(index, token) of each token NER tagged ``O`` whose text starts with a capital, in order. Of
    :class:`.nlp.Tokens` read from its arrays, a :class:`.nlp.Token` made for those alone (two stages look
    at every token of a part for these few: making each one was most of their time)."""
    from .nlp import _TAG_IDS, Tokens

    if not isinstance(tokens, Tokens):
        for i, tk in enumerate(tokens):
            if tk.tag == "O" and tk.text[:1].isupper():
                yield i, tk
        return
    untagged, text = _TAG_IDS.get("O"), tokens.text
    for i, (a, b, tag) in enumerate(zip(tokens.starts, tokens.stops, tokens.tag_ids)):
        if tag == untagged and b > a and text[a].isupper():
            yield i, tokens[i]


def _untagged_generation(text: str, tokens, clusters: list[_Cluster], sentences: Sequence[Span]) -> list[_Cluster]:
    """``Алиев-младший`` where NER tagged nothing, the surname being one a person found has: a cluster of its
    own each, for :func:`_place_generation_mentions`."""
    surnames = {_sur_key(c.surname)[:4] for c in clusters if c.surname}
    out = []
    for i, tk in _untagged_capitalized(tokens):
        if "-" not in tk.text:
            continue
        g = _GENERATION.fullmatch(tk.text)
        if g is None or fold(g["sur"])[:4] not in surnames:
            continue
        if any(c.surname and _same_surname(c.surname, g["sur"]) for c in clusters):
            m = _person_mention(text, tokens, i, i + 1, (tk.text,), Span(tk.start, tk.stop), sentences)
            out.append(_Cluster([m]))
    return out


_KIN = "|".join(sorted(PARENT_NOUNS | CHILD_NOUNS, key=len, reverse=True))
_KIN_BEFORE = re.compile(rf"(?:^|[^\w-])(?P<kin>{_KIN})\s+(?P<of>[\w-]+)\s*,\s*$", re.I)
_KIN_AFTER = re.compile(rf"\s*,\s*(?P<kin>{_KIN})\b", re.I)


def _elder_younger(text: str, a: _Cluster, b: _Cluster) -> tuple[_Cluster, _Cluster] | None:
    """(elder, younger) of two namesakes when the text says which is whose parent: an apposition
    ``Отец Андрея, Виктор Ковалёв`` (Виктор the elder of Андрей) or ``Нурлана Турдумаматова, сына бывшего
    вице-премьера Эркина Турдумаматова`` (Нурлан the younger of Эркин). None when it does not say."""
    for x, y in ((a, b), (b, a)):
        for m in x.mentions:
            before = _KIN_BEFORE.search(text, max(0, m.span.start - 40), m.span.start)
            if before is not None and y.first and _same_first(before["of"], y.first):
                elder = before["kin"].lower() in PARENT_NOUNS
                return (x, y) if elder else (y, x)
            after = _KIN_AFTER.match(text, m.span.end, min(len(text), m.span.end + 20))
            if after is not None and any(0 < o.span.start - m.span.end < 80 for o in y.mentions):
                elder = after["kin"].lower() in PARENT_NOUNS
                return (x, y) if elder else (y, x)
    return None


def _capitalized_particles(mentions: list[_PersonMention]) -> list[_PersonMention]:
    """A name particle capitalized at the start of a sentence (``Бен Аммар заявил``, ``Ван Хаутен``) is the
    particle of the surname the text gives a person (``Юсуф бен Аммар``), not a first name Бен."""
    with_particle = {
        _sur_key(m.surname): m.surname
        for m in mentions
        if m.surname and " " in m.surname and m.surname.split(" ", 1)[0] in NAME_PARTICLES
    }
    if not with_particle:
        return mentions
    out = []
    for m in mentions:
        w = m.words
        if len(w) == 2 and w[0].lower() in NAME_PARTICLES and w[0][:1].isupper() and m.first and not m.patr:
            full = with_particle.get(_sur_key(m.surname))
            if full is not None and full.split(" ", 1)[0] == w[0].lower():
                m = replace(m, first=None, surname=full, weight=_mention_weight(None, None, full, m.initials))
        out.append(m)
    return out


def _oblique_of_a_surname(mentions: list[_PersonMention]) -> list[_PersonMention]:
    """``Ирина Белая`` … ``Коллега Белой по агентству``: a lone word the dictionary took for a first name (``Бела``)
    that is an oblique form of the surname of someone the text names in full, in that person's gender, is that
    surname — unless someone of the text bears the first name."""
    forms: dict[str, set[str]] = {}
    firsts = {fold(m.first) for m in mentions if m.first and m.surname}
    for m in mentions:
        if m.first and m.surname and " " not in m.surname and m.form.gender in ("masc", "femn"):
            for f in _surname_oblique_forms(m.surname, m.form.gender):
                forms.setdefault(f, set()).add(m.surname)
    if not forms:
        return mentions
    out = []
    for m in mentions:
        if len(m.words) == 1 and m.first and not m.surname and fold(m.first) not in firsts:
            full = forms.get(fold(m.words[0]), set())
            if len(full) == 1:
                (sur,) = full
                m = replace(m, first=None, surname=sur, weight=_mention_weight(None, None, sur, m.initials))
        out.append(m)
    return out


@lru_cache(maxsize=4096)
def _surname_oblique_forms(surname: str, gender: str) -> frozenset[str]:
    """The oblique forms of a surname in one gender (``Белая`` → белой, белую), folded."""
    out = set()
    for p in parses(surname):
        if p.tag.gender == gender and ("Surn" in p.tag or p.tag.POS == "ADJF") and p.tag.case == "nomn":
            for case in ("gent", "datv", "accs", "ablt", "loct"):
                inf = p.inflect({case, gender, "sing"})
                if inf is not None and fold(inf.word) != fold(surname):
                    out.add(fold(inf.word))
    return frozenset(out)


def _by_last_part_of_a_particle_name(mentions: list[_PersonMention]) -> list[_PersonMention]:
    """``Халид бен Салем аль-Мансури`` … ``Аль-Мансури сообщил``: a lone surname is the last part of the one surname
    of the text that has particles before it (the father's name after "бен", "ульд"), written with its own
    particle — Arabic names are called by the last part (the nisba)."""
    longer: dict[str, set[str]] = {}
    for m in mentions:
        if m.surname and " " in m.surname and any(w.lower() in NAME_PARTICLES for w in m.surname.split()[:-1]):
            longer.setdefault(fold(m.surname.split()[-1]), set()).add(m.surname)
    if not longer:
        return mentions
    out = []
    for m in mentions:
        # (the lone word as the mention's surname, or as the first name a lone word was taken for)
        lone = m.surname if m.surname and not m.first else m.first if len(m.words) == 1 and not m.surname else None
        if lone and " " not in lone and len(longer.get(fold(lone), ())) == 1:
            (full,) = longer[fold(lone)]
            m = replace(m, first=None, surname=full, weight=_mention_weight(None, None, full, m.initials))
        out.append(m)
    return out


def _mark_played_characters(tokens, mentions: list[_PersonMention], sentences: Sequence[Span]) -> list[_PersonMention]:
    """In a sentence with a verb of playing a part (``играет``, ``сыграет``, ``исполняет``), a name in the
    accusative (or the genitive-accusative of a man's name) is the part, a character: ``Капитана Николая
    Ставрова играет Артем Лозовой, его жену Веру — Дарья Михеева`` (the verb gapped in the second pair).
    The actors are in the nominative. Not a name after an inanimate noun (``в фильме Иванова``: whose film)
    or a preposition."""
    if not sentences:
        return mentions
    out = list(mentions)
    k = 0
    for sent in sentences:
        while k < len(out) and out[k].span.start < sent.start:
            k += 1
        j = k
        while j < len(out) and out[j].span.end <= sent.end:
            j += 1
        if j == k:
            continue
        if not _has_play_verb(tokens, sent):
            continue
        if _role_idiom(tokens, sent):
            continue
        for n in range(k, j):
            m = out[n]
            i = tokens.get(m.span.start)
            if (
                (
                    (m.form.case in ("accs", "gent") or _only_oblique_with_accusative(m.words))
                    and _may_be_an_object(tokens, i)
                )
                or _after_part_noun(tokens, i)
                or n + 1 < j
                and _gapped_pair(tokens.text, m.span, out[n + 1].span)
            ):
                out[n] = replace(m, fiction=True)
    return out


def _gapped_pair(text: str, part: Span, actor: Span) -> bool:
    """ "Раневскую сыграла Елена Шкода, Лопахина — Игорь Дрозд": after a comma, a name, a dash standing for the
    gapped verb, and the next name — the first is the part, whatever case the normalizer read ("Лопахина" may be
    a woman's nominative), the second the actor."""
    return bool(_GAP_DASH.fullmatch(text, part.end, actor.start)) and bool(
        _AFTER_COMMA.search(text, max(0, part.start - 3), part.start)
    )


_GAP_DASH = re.compile(r"[ \u00a0]+[—–][ \u00a0]+")
_AFTER_COMMA = re.compile(r",[ \u00a0]+$")


def _after_part_noun(tokens, i: int | None) -> bool:
    """ "Роль Отелло исполнил Игорь Вольский": in a sentence with a verb of playing, a name right after the noun
    of a part (``роль``, ``образ``) is the part, whatever its case shows (an indeclinable name shows none)."""
    if i is None or i == 0:
        return False
    prev = tokens[i - 1].text
    return prev[:1].isalpha() and any(p.tag.POS == "NOUN" and p.normal_form in PART_NOUNS for p in parses(prev))


def _title_characters(text: str, tokens, mentions: list[_PersonMention]) -> list[_PersonMention]:
    """ "спектакль «Король Лир» …, но роль Лира никому передавать не будут": a name in the genitive after the noun of
    a part (``роль``, ``образ``) that is also a word of a work's title in quotation marks is the title character —
    each sign alone is not enough ("роль Путина в переговорах", a film titled after a living man)."""
    titles = {fold(w) for m in _QUOTED_TITLE.finditer(text) for w in re.findall(r"[^\W\d_]+", m.group(1))}
    if not titles:
        return mentions
    parts = set()
    for m in mentions:
        i = tokens.get(m.span.start)
        if i is None or i == 0 or m.form.case != "gent" or not m.words or fold(m.words[-1]) not in titles:
            continue
        prev = tokens[i - 1].text
        if prev[:1].islower() and any(p.normal_form in PART_NOUNS and p.tag.POS == "NOUN" for p in parses(prev)):
            parts.add(m.surname or m.first)
    if not parts:
        return mentions
    return [replace(x, fiction=True) if (x.surname or x.first) in parts else x for x in mentions]


#: A title in quotation marks of two words or more ("«Король Лир»", "«Анна Каренина»").
_QUOTED_TITLE = re.compile(r"«([^«»\n]{3,60}?\s[^«»\n]{1,60}?)»")


def _role_idiom(tokens, sent: Span) -> bool:
    """The sentence's "роль" is the idiom "сыграть (ключевую) роль в …" (be important): no character named after it,
    "в" / "для" or a mark next. Then its names are no parts played ("Ключевую роль в деле сыграли показания
    экспертов — Элен Шмидт и …"), while "роль Гамлета сыграет Иван Петров, Офелию — …" names parts."""
    i = bisect.bisect_left(tokens.starts, sent.start)
    idiom = False
    while i + 1 < len(tokens) and tokens.starts[i] < sent.end:
        if tokens.tags[i] == "O" and _lemma_of(tokens[i]) == "роль":
            nxt = tokens[i + 1].text
            ps = parses(nxt)[:3]
            if nxt[:1].isupper() or (
                nxt[:1].isalpha()
                and ps
                and ps[0].tag.POS != "PREP"
                and any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF") for p in ps)
            ):
                return False
            # (only "роль в …" / "роль для …" or "роль" closing a clause: "лучшая его роль со времен «Ледокола»"
            # is an actor's part, no idiom)
            if fold(nxt) in ("в", "во", "для") or not nxt[:1].isalpha():
                idiom = True
        i += 1
    return idiom


def _only_oblique_with_accusative(words: tuple[str, ...]) -> bool:
    """ "сыгравшая Кабаниху": a lone word whose readings include the accusative and never the nominative (the
    normalizer may have chosen another oblique case for a name the dictionary lacks) — a verb's object, not the
    actor, who is named in the nominative."""
    if len(words) != 1:
        return False
    ps = parses(words[0])
    return any(p.tag.case == "accs" for p in ps) and not any(p.tag.case == "nomn" for p in ps)


def _has_play_verb(tokens, sent: Span) -> bool:
    """A word NER tagged ``O`` in ``sent`` is a verb of playing a part (read from the arrays of
    :class:`.nlp.Tokens`: no token made for each word of each sentence with a name)."""
    text, starts, stops, tags = tokens.text, tokens.starts, tokens.stops, tokens.tags
    i = bisect.bisect_left(starts, sent.start)
    while i < len(starts) and starts[i] < sent.end:
        if tags[i] == "O" and _word_lemma(text[starts[i] : stops[i]]) in ROLE_PLAY_VERBS:
            return True
        i += 1
    return False


def _may_be_an_object(tokens, i: int | None) -> bool:
    """The word before a name lets it be a verb's object: no preposition, no inanimate noun governing it."""
    if i is None or i == 0:
        return i == 0
    prev = tokens[i - 1].text
    if not prev[:1].isalpha() or not prev[:1].islower():
        return True
    ps = parses(prev)
    if not ps:
        return True
    top = ps[0].tag
    return top.POS not in ("PREP",) and not (top.POS == "NOUN" and top.animacy == "inan")


#: a verb of calling right before a name, with at most two words between (``зовут просто``, ``называют в деревне``)
_CALLED = re.compile(r"\b(?:зовут|звали|называют|называли|величают|величали|кличут|прозвали)(?:\s+\w+){0,2}\s+$", re.I)


def _called_by_patronymic(text: str, clusters: list[_Cluster]) -> list[_Cluster]:
    """``Валентину Петровну Грач в Сосновке зовут просто Петровной``: a village, a team or a workplace calls an elder
    by the patronymic alone. A cluster of lone words that are a patronymic (``Петровна``, ``Ильич``), one of them
    after a verb of calling (the text states the alias), is the one person of the text whose patronymic that is.
    (Without the statement, "Петрович" may be anyone: "Иван Петрович Сидоров вышел. Его ждал Петрович.")"""
    patrs: dict[str, list[_Cluster]] = {}
    for c in clusters:
        for m in c.mentions:
            if m.patr and (m.first or m.surname) and c not in patrs.get(fold(m.patr), ()):
                patrs.setdefault(fold(m.patr), []).append(c)
    if not patrs:
        return clusters
    out = []
    for c in clusters:
        if all(len(m.words) == 1 and not m.first for m in c.mentions):
            word = c.surname or ""
            hits = [h for h in patrs.get(fold(word), ()) if h is not c]
            stated = any(_CALLED.search(text, max(0, m.span.start - 40), m.span.start) for m in c.mentions)
            if len(hits) == 1 and stated and any("Patr" in p.tag for p in parses(word)):
                target = hits[0]
                target.mentions.extend(replace(m, surname=target.surname, first=target.first) for m in c.mentions)
                target.mentions.sort(key=lambda m: m.span.start)
                continue
        out.append(c)
    return out


def _vietnamese_calling_names(clusters: list[_Cluster]) -> list[_Cluster]:
    """A Vietnamese is called by the last word of the name (``Нгуен Ван Хунг`` → ``Хунг``, ``встреча с
    Хунгом``), and the middle name Văn / Thị tells a man from a woman: a cluster of lone words that is the
    calling name of exactly one Vietnamese named in full is that person."""
    called: dict[str, list[_Cluster]] = {}
    for c in clusters:
        best = c.best
        ws = [fold(w) for w in best.form.words]
        if len(ws) >= 3 and ws[0] in VIETNAMESE_SURNAMES:
            called.setdefault(ws[-1], []).append(c)
            g = VIETNAMESE_MIDDLE_GENDER.get(ws[1])
            if g is not None and c.gender is None:
                c.gender = g
    if not called:
        return clusters
    out = []
    for c in clusters:
        if all(len(m.words) == 1 for m in c.mentions):
            word = c.surname or c.first
            hits = [v for k, vs in called.items() for v in vs if word and _same_surname(k, word)]
            if len(hits) == 1 and hits[0] is not c:
                target = hits[0]
                target.mentions.extend(replace(m, first=target.first, surname=target.surname) for m in c.mentions)
                target.mentions.sort(key=lambda m: m.span.start)
                continue
        out.append(c)
    return out


def _looks_like_person(c: _Cluster) -> bool:
    """Drop NER persons that are no names: bare initials, a capitalized common noun (``Супруга``), a word
    in the plural or an adjective alone (``Госдумами``, ``Семидесятишестилетний``), a lone word that is a
    common noun before it is a name, met once (``Надежда умирает последней``), and characters the text
    calls so (``героиня Карин``)."""
    if not any(m.surname or (m.first and len(m.first.rstrip(".")) > 1) for m in c.mentions):
        return False
    if any(m.fiction for m in c.mentions):
        return False
    if any(m.listed for m in c.mentions):
        return True  # the list says so, whatever the dictionary makes of the word ("Куниц", "Уорд")
    if all(_GENERATION.fullmatch(m.text) for m in c.mentions):
        return True  # "Алиев-младший": placed with a namesake or dropped by _place_generation_mentions
    words = {w for m in c.mentions for w in m.form.words if not _is_initial(w)}
    if len(words) == 1 and _surname_by_two_initials(c, next(iter(words))):
        return True
    if len(words) == 1:
        (w,) = words
        ps = parses(w)
        if is_known(w) and not any(has_name_tag(p.tag) for p in ps):
            return False
        if _compound_of_things(w) or _common_noun_compound(w):
            return False
        written = {x for m in c.mentions for x in m.words}
        if not any(m.form.tags == ("Surn",) and m.form.gender is None for m in c.mentions) and all(
            _not_a_name_alone(x) for x in written
        ):
            return False
        # (a capital mid-sentence is a name's: "когда Буш победил Гора" is no mountain)
        if len(c.mentions) == 1 and is_known(w) and not c.mentions[0].surname and not c.mentions[0].after_word:
            name = max((p.score for p in ps if "Name" in p.tag), default=0.0)
            common = max((p.score for p in ps if p.tag.POS == "NOUN" and not has_name_tag(p.tag)), default=0.0)
            if common > name:
                return False
    return True


def _surname_by_two_initials(c: _Cluster, word: str) -> bool:
    """ "И.К. Ласточкин", "Д.А. Стриж": a first name's and a patronymic's initials before a capitalized word make
    it a surname, though the dictionary knows it as a common word — not a place's or a body's name ("Н.
    Новгород" has one initial and is a city)."""
    return any(len(m.initials) >= 2 and m.surname for m in c.mentions) and not any(
        "Geox" in p.tag or "Orgn" in p.tag for p in parses(word)
    )


def _common_noun_compound(word: str) -> bool:
    """``Выпускник-геолог``, ``Инженер-конструктор`` opening a sentence: two common nouns joined by a hyphen, the
    second in lower case, are a compound noun; a double surname capitalizes both parts."""
    parts = word.split("-")
    return (
        len(parts) == 2
        and parts[0][:1].isupper()
        and parts[1][:1].islower()
        and all(is_known(p) and not any(has_name_tag(q.tag) for q in parses(p)) for p in parts)
    )


def _compound_of_things(word: str) -> bool:
    """``МакЛарен-Мерседес``, ``Феррари-Рено``: a hyphenated pair of words the dictionary knows as the names
    of things — a firm or a make first (its likeliest reading an organization's or a place's), or a common
    noun with no animate reading — is the name of a team or a brand, not a person's double surname, which
    has a surname or an unknown word in it (``Римский-Корсаков``, ``Новиков-Прибой``, ``Бонч-Бруевич``)."""
    parts = word.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return False
    for part in parts:
        ps = parses(part)
        if not is_known(part) or not ps:
            return False
        if "Orgn" in ps[0].tag or "Geox" in ps[0].tag:
            continue
        if any(has_name_tag(p.tag) or p.tag.animacy == "anim" for p in ps):
            return False
    return True


def _not_a_name_alone(word: str) -> bool:
    """Only plural readings, no noun reading at all (an unknown adjective), or only the readings of an
    inanimate noun the dictionary builds it from (``Нацфронта``, ``Рыбохраны``): no person's name alone."""
    ps = parses(word)
    if any("Surn" in p.tag or "Name" in p.tag for p in ps if p.tag.number != "plur"):
        return False
    nouns = [p for p in ps if p.tag.POS == "NOUN"]
    if nouns and not is_known(word) and built_on_known_word(word) and all(p.tag.animacy == "inan" for p in ps):
        return True
    if not nouns:
        return any(p.tag.POS in ("ADJF", "PRTF") for p in ps)
    return all(p.tag.number == "plur" for p in nouns)


def _mention_weight(first, patr, surname, initials) -> float:
    w = 0.0
    if first:
        w += 0.5 if len(first.rstrip(".")) == 1 else 1.0 + 0.2 * first.count(" ")
    if patr:
        w += 0.8
    if surname:
        w += 1.0
    w += 0.1 * len(initials)
    return w


def _initials_agree(m: _PersonMention, first: str, patr: str | None) -> bool:
    """``В. Путин`` / ``В.В. Путин`` agree with ``Владимир [Владимирович]``."""
    ini = [i.rstrip(".") for i in m.initials]
    if not ini:
        if not m.first:
            return False
        return (
            len(m.first.rstrip(".")) > 1
            and _key(m.first) == _key(first)
            and (not m.patr or not patr or _key(m.patr) == _key(patr))
        )
    if _key(ini[0]) != _key(first)[:1]:
        return False
    return len(ini) < 2 or not patr or _key(ini[1]) == _key(patr)[:1]


def _merge_partial_clusters(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join a cluster that never gives a surname to the one person it can only be.

    * a lone first name (``по делу Сулима`` … ``Сулима Ямадаева``), whichever comes first;
    * a name-and-patronymic address (``Владимир Владимирович``) to the person whose initials or first name
      agree (``В.Путин:`` in a transcript).
    Nothing happens when two persons could be meant.
    """
    out = list(clusters)
    for a in list(out):
        if any(m.surname for m in a.mentions):
            continue
        first = a.first
        if not first or len(first.rstrip(".")) < 2:
            continue
        patr = next((m.patr for m in a.mentions if m.patr), None)
        if patr:
            cands = [
                b
                for b in out
                if b is not a
                and any(m.surname for m in b.mentions)
                and any(_initials_agree(m, first, patr) for m in b.mentions)
            ]
        else:
            cands = [
                b
                for b in out
                if b is not a
                and any(m.surname for m in b.mentions)
                and any(m.first and m.surname and _key(m.first) == _key(first) for m in b.mentions)
            ]
            if not cands:
                cands = _full_name_of_short(a, first, out)
        if len(cands) == 1:
            b = cands[0]
            b.mentions = sorted(b.mentions + a.mentions, key=lambda m: m.span.start)
            out.remove(a)
    return out


def _first_of_two_surnames(clusters: list[_Cluster]) -> list[_Cluster]:
    """ "Хуан Себастьян Эчеверри Москера" … "Эчеверри набрал 38%": a Spanish or Portuguese name of two surnames
    (the father's, then the mother's) is shortened to the first of them. A cluster of one-word mentions that is an
    inner word of exactly one person's name of three words or more — after the first word, before the last, no
    patronymic ("Иван Петрович Сидоров": "Петрович" alone is no one) — is that person."""
    fulls: dict[str, list[_Cluster]] = {}
    for c in clusters:
        ws = c.best.form.words
        if len(ws) >= 3:
            for w in ws[1:-1]:
                if w[:1].isupper() and not any("Patr" in p.tag for p in parses(w)[:2]):
                    fulls.setdefault(_key(w), []).append(c)
    if not fulls:
        return clusters
    out = []
    for c in clusters:
        words = {_key(w) for m in c.mentions for w in m.form.words}
        if len(words) == 1 and all(len(m.form.words) == 1 for m in c.mentions):
            hits = {id(b): b for b in fulls.get(next(iter(words)), []) if b is not c}
            if len(hits) == 1:
                (b,) = hits.values()
                moved = [replace(m, first=b.first, surname=b.surname) for m in c.mentions]
                b.mentions = sorted(b.mentions + moved, key=lambda m: m.span.start)
                continue
        out.append(c)
    return out


def _full_name_of_short(a: _Cluster, first: str, clusters: list[_Cluster]) -> list[_Cluster]:
    """The persons a lone first name can only be when no one with a surname has it: "бабушка Нина" is Нина
    Игнатьевна (a first name and patronymic), "Миша" the Михаил the text names (a short form of his name,
    :data:`HYPOCORISTICS`)."""
    key = _key(first)
    fulls = set(HYPOCORISTICS.get(key, ()))
    out = []
    for b in clusters:
        if b is a:
            continue
        firsts = {_key(m.first) for m in b.mentions if m.first and len(m.first.rstrip(".")) > 1}
        if (key in firsts and any(m.patr for m in b.mentions)) or (fulls & firsts):
            out.append(b)
    return out


def _one_reading_per_form(c: _Cluster) -> _Cluster:
    """A surname written the same way is read the same way: where one mention reads it as a nominative
    written as is (``Ливиу-Дитер Нисипяну``), the mentions that give only that written form
    (``Нисипяну — Топалов``) do not turn it into a guessed ``Нисипян`` — the name does not decline."""
    as_written = {
        fold(m.surname)
        for m in c.mentions
        if m.surname
        and m.words
        and m.form.case == "nomn"
        and fold(m.surname) == fold(m.words[-1])
        and fold(m.surname).endswith(INDECLINABLE_ENDINGS + AMBIGUOUS_VOWEL_ENDINGS)
    }
    if not as_written:
        return c
    for k, m in enumerate(c.mentions):
        if m.surname and m.words and fold(m.words[-1]) in as_written and fold(m.surname) != fold(m.words[-1]):
            c.mentions[k] = replace(m, surname=m.words[-1])
    return c


def _oblique_reading_wins(c: _Cluster) -> _Cluster:
    """A surname written the same way is read the same way (2): where its context reads one mention in an
    oblique case (``«Капитана Кокорина рассчитать»``: the captain's genitive, so ``Кокорин``), another
    mention written alike that only its form read as a nominative (``Кокорина взяли обратно``: a woman's
    ``Кокорина``?) is the same oblique form — no feminine nominative explains the first one."""
    oblique = {
        fold(m.words[-1]): m
        for m in c.mentions
        if m.surname
        and m.words
        and m.hinted_case
        and m.form.case not in (None, "nomn")
        and fold(m.surname) != fold(m.words[-1])
    }
    if not oblique:
        return c
    for k, m in enumerate(c.mentions):
        o = oblique.get(fold(m.words[-1])) if m.surname and m.words else None
        if o is None or o.form.case is None or m.strict_case or m.form.case != "nomn":
            continue
        if _key(m.surname) == _key(o.surname):
            continue
        form = normalize_name(m.words, NameHint(frozenset({o.form.case}), o.form.gender, strict=False))
        first, patr, surname, _ = split_name(form, m.words)
        if surname and _key(surname) == _key(o.surname):
            c.mentions[k] = replace(m, form=form, surname=surname, first=first or m.first, patr=patr or m.patr)
    return c


def _a_declension_surname(own: dict[str, int]) -> str | None:
    """A man's surname that declines as "папа" does (Сальдарриага — Сальдарриаги — Сальдарриаге, Сорока —
    Сороки): its -а form next to an -ы/-и or -ой form of the same stem, which no consonant-stem paradigm has in
    the singular. That -а form is the nominative."""
    for k in own:
        if k[-1:] == "а" and len(k) > 3 and any(k[:-1] + end in own for end in ("и", "ы", "ой")):
            return k
    return None


def _agree_paradigm(c: _Cluster, surnames: dict[str, int]) -> _Cluster:
    """Choose the nominative the mentions agree on, using every mention of the surname in the text.

    ``Сулимы Ямадаева`` (read as a woman's nominative) next to ``Сулима Ямадаева`` twice and ``Иса Ямадаев``
    elsewhere is ``Сулим Ямадаев``; ``Адвокат Галиева`` next to ``Ильнур Галиев`` is a genitive, so
    ``адвокат`` is no role of Галиев. Mentions read against the agreed paradigm are read again in an
    oblique case of the agreed gender, and a role whose head cannot stand in that case is dropped.
    """
    own: dict[str, int] = {}
    for m in c.mentions:
        if m.surname:
            own[_key(m.surname)] = own.get(_key(m.surname), 0) + 1
    if not own:
        return c
    femn_evidence = any(m.form.gender == "femn" and m.form.gender_evidence for m in c.mentions)
    scores: dict[str, float] = dict(own)
    for k in own:
        # a woman's nominative "Ямадаева" vs the man's "Ямадаев" the text gives elsewhere
        if k[-1:] in ("а", "я") and not femn_evidence:
            masc = k[:-1] + ("й" if k.endswith(("ская", "цкая")) else "")
            if k.endswith(("ская", "цкая")):
                masc = k[:-2] + "ий"
            if masc in surnames and masc not in own:
                scores[masc] = 0.5 * surnames[masc]
    for k in scores:
        if k in own:
            scores[k] += 0.5 * (surnames.get(k, 0) - own[k])
    # a first name with a surname tells the gender best ("Анна Кротова" → "Кротову" is hers, feminine)
    # (a mention that reads as a name in either gender — "Ильнура Галиева" — tells nothing)
    named = [
        m
        for m in c.mentions
        if m.first
        and len(m.first.rstrip(".")) > 1
        and m.surname
        and m.form.gender_evidence
        and m.form.gender in ("masc", "femn")
        and m.words
    ]
    any_case = frozenset(CASES)
    clear = [
        m.form.gender
        for m in named
        if not normalize_name(
            m.words, NameHint(any_case, "femn" if m.form.gender == "masc" else "masc")
        ).gender_evidence
    ]
    votes = clear or [m.form.gender for m in named]
    gender = None
    if votes:
        tally = Counter(votes)
        top = max(tally.values())
        gender = next(g for g in votes if tally[g] == top)
    pool = scores
    if gender is not None:
        pool = {k: v for k, v in scores.items() if (k[-1:] in ("а", "я")) == (gender == "femn")} or scores
    best_key = max(pool, key=lambda k: (pool[k], k == _key(c.best.surname)))
    if gender == "masc":
        a_stem = _a_declension_surname(own)
        if a_stem is not None:
            best_key = a_stem
    if all(k == best_key for k in own):
        return c
    if gender is None:
        gender = "femn" if best_key[-1:] in ("а", "я") else "masc"
    c.surname_key, c.gender = best_key, gender
    mentions = []
    for m in c.mentions:
        if m.surname and _key(m.surname) != best_key and m.words:
            form = normalize_name(m.words, NameHint(any_case, gender))
            first, patr, surname, initials = split_name(form, m.words)
            if surname and _key(surname) == best_key:
                if m.initials and first and len(first) == 1:
                    first = m.first
                role = m.role
                if role is not None and form.case not in role[2] and not ({form.case, *role[2]} <= {"gent", "accs"}):
                    role = None
                m = _PersonMention(
                    m.span, m.text, form, first or m.first, patr, surname, m.initials, role, m.weight, m.words
                )
        mentions.append(m)
    c.mentions = mentions
    return c


def _natural_gender_of_roles(c: _Cluster) -> str | None:
    """The gender the roles of a cluster's mentions tell by nature: a feminine person noun (``финка``,
    ``наставница``), or a masculine one whose feminine counterpart the dictionary has (``финн`` / ``финка``,
    ``канадец`` / ``канадка``, ``защитник`` / ``защитница``: a woman would be called so); one gender only. A
    masculine noun without one (``капитан``, ``министр``) is said of women too and tells nothing."""
    found = set()
    for m in c.mentions:
        if m.role is None:
            continue
        head = next(
            (
                w
                for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", m.role[0])
                if any(p.tag.POS == "NOUN" for p in parses(w)[:1])
            ),
            None,
        )
        g = _person_noun_gender(head) if head else None
        if g is not None:
            found.add(g)
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=4_096)
def _person_noun_gender(word: str) -> str | None:
    ps = [p for p in parses(word) if p.tag.POS == "NOUN" and p.tag.animacy == "anim" and p.tag.case == "nomn"]
    if not ps or any(has_name_tag(p.tag) for p in ps):
        return None
    if all(p.tag.gender == "femn" for p in ps):
        return "femn"
    if not all(p.tag.gender == "masc" for p in ps):
        return None
    lem = fold(ps[0].normal_form)
    pairs = [lem + "ка"]
    if lem.endswith("ник"):
        pairs.append(lem[:-1] + "ца")
    if lem.endswith("ец"):
        pairs.append(lem[:-2] + "ка")
    if len(lem) > 2 and lem[-1] == lem[-2]:
        pairs.append(lem[:-1] + "ка")
    for f in pairs:
        if is_known(f) and any(p.tag.gender == "femn" and p.tag.POS == "NOUN" for p in parses(f)):
            return "masc"
    return None


def _vote(values: list[str]) -> str | None:
    """The form most mentions give (first one on a tie)."""
    counts: dict[str, int] = {}
    for v in values:
        counts[_key(v)] = counts.get(_key(v), 0) + 1
    if not counts:
        return None
    top = max(counts.values())
    return next(v for v in values if counts[_key(v)] == top)


def _entity_from_cluster(c: _Cluster) -> Entity:
    best = c.best
    # the fullest form; first name from the cluster if the best mention lacks it; where mentions disagree
    # ("Сулимы" once, "Сулима" twice), the form most of them give
    first = best.first or c.first
    firsts = [m.first for m in c.mentions if m.first and len(m.first.rstrip(".")) > 1 and m.surname] or [
        m.first for m in c.mentions if m.first and len(m.first.rstrip(".")) > 1
    ]
    firsts = [f for f in firsts if " " not in f]
    if first and " " not in first and len(first.rstrip(".")) > 1 and len({_key(f) for f in firsts}) > 1:
        first = _vote(firsts) or first
    surname = best.surname or c.surname
    surnames = [m.surname for m in c.mentions if m.surname]
    if c.surname_key is not None:
        surname = next((x for x in surnames if _key(x) == c.surname_key), None) or match_case(
            surname or "", c.surname_key
        )
    elif surname and len({_key(x) for x in surnames}) > 1:
        surname = _vote(surnames) or surname
    if best.surname and surname and _sur_key(best.surname) == _sur_key(surname) and len(best.surname) > len(surname):
        surname = best.surname  # "фон Лауэнштейн" as the fullest mention writes it, not a bare "Лауэнштейн"
    parts = []
    if first:
        parts.append(first)
    elif best.initials:
        parts.extend(best.initials)
    # a patronymic only from a mention that gives the surname too ("Владимир Владимирович" addressed
    # in a transcript is "Владимир Путин")
    if best.patr and (best.surname or not surname):
        parts.append(best.patr)
    if surname:
        # an East Asian name keeps the order the text gives it: surname first ("Ким Ир Сен")
        if best.form.surname_first and first:
            parts.insert(0, surname)
        else:
            parts.append(surname)
    name = " ".join(parts) if parts else " ".join(best.form.words)
    genders = [m.form.gender for m in c.mentions if m.form.gender_evidence and m.form.gender]
    # a mention with the first name tells the gender better than any number of the surname alone ("Наталья
    # Гаврилюк" and the labels "Гаврилюк:", which the dictionary reads as a man's)
    genders = [
        m.form.gender
        for m in c.mentions
        if m.first and len(m.first.rstrip(".")) > 1 and m.form.gender_evidence and m.form.gender
    ] or genders
    # (on a tie, the first mention's: no set order, which changes from run to run)
    counts = Counter(genders)
    gender = max(genders, key=counts.__getitem__) if genders else None
    if c.gender is not None:
        gender = c.gender
    elif gender is None and (role_gender := _natural_gender_of_roles(c)) is not None:
        gender = role_gender  # "финн Юкка Лаппалайнен": a name the dictionary lacks, a people's noun of a man
    elif (
        surname
        and gender is None
        and surname[-1:].lower() not in "эеиоуыю"  # "Танабэ", "Мори": an indeclinable surname tells no gender
        and not (  # nor does an East Asian name ("Ван Лимэй")
            len(best.form.words) >= 2
            and fold(best.form.words[0]) in EAST_ASIAN_SURNAMES
            and east_asian_given(best.form.words[-1])
        )
        and any(m.surname == surname and m.form.gender for m in c.mentions)
    ):
        gender = next(m.form.gender for m in c.mentions if m.surname == surname and m.form.gender)
    details = tuple(
        Mention(m.span, m.text, m.form.case, m.role[0] if m.role else None, m.role[1] if m.role else None)
        for m in c.mentions
    )
    role = next((m.role[0] for m in c.mentions if m.role), None)
    return Entity(
        name=name,
        kind="person",
        role=role,
        mentions=tuple(m.span for m in c.mentions),
        gender=gender,
        first=first,
        surname=surname,
        details=details,
    )


# --------------------------------------------------------------------------------------------------


def _sentence_start(sentences: Sequence[Span], pos: int) -> int:
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= pos:
        return sentences[lo].start
    return 0


def _quoted_name_as_written(tokens, a: int, b: int) -> bool:
    """A name in quotation marks that nothing before governs stands in the nominative as written: the subject after
    a verb ("как пишет «Фолья ди Сан-Паулу»", "сообщила «Коррьере делла Сера»"), a line's or a sentence's
    first words, or the quoted apposition of a generic noun, which never declines ("в газете «Правда»",
    "агентству «Синьхуа»"). Inflecting it would turn a foreign word into a false nominative ("Фолье"); after a
    preposition or a governing noun ("в «Газпроме»", "акции «Роснефти»") it is inflected as usual."""
    if a < 1 or b >= len(tokens) or tokens[a - 1].text not in _OPEN_MARKS or tokens[b].text not in _CLOSE_MARKS:
        return False
    if a < 2:
        return True
    prev = tokens[a - 2].text
    if not prev[:1].isalpha():
        return prev in (".", "!", "?", ":")  # (not a comma: "акции «Роснефти», «Газпрома»" go on a genitive)
    ps = parses(prev)[:2]
    if any(p.tag.POS == "NOUN" and fold(p.normal_form) in QUOTED_APPOSITION_HEADS for p in ps):
        return True
    # a verb of speech: its subject ("руководит «Роснефтью»", another verb's object, is inflected)
    return bool(ps) and ps[0].tag.POS == "VERB" and _lemma_of(tokens[a - 2]) in SPEECH_VERBS


def _norm_org_or_place(words: list[str], kind: str) -> str:
    """The name of an organization or a place in the nominative (each name worked out once)."""
    return _org_or_place_name(tuple(words), kind)


@lru_cache(maxsize=50_000)
def _org_or_place_name(words: tuple[str, ...], kind: str) -> str:
    if kind == "LOC" and len(words) == 1 and not words[0].isupper():
        ps = [p for p in parses(words[0]) if p.tag.POS == "NOUN"]
        geo = [p for p in ps if "Geox" in p.tag] or ps
        if geo and "Fixd" not in geo[0].tag:
            inf = geo[0].inflect({"nomn", geo[0].tag.number or "sing"})
            if inf is not None:
                return match_case(words[0], inf.word)
        return words[0]
    if all(w.isupper() for w in words if _WORDLIKE.search(w)):
        return " ".join(words)
    return " ".join(inflect_phrase(words, "nomn", number=None))


_LIST_NUMBER = re.compile(r"\d{1,2}")


def _context_hint(text: str, tokens, i0: int, words: tuple[str, ...]) -> NameHint | None:
    """Case/gender the words right before a name impose (see :class:`NameHint`)."""
    if i0 == 0:
        return NameHint(frozenset({"nomn"}))
    prev = tokens[i0 - 1]
    if "\n" in text[prev.stop : tokens[i0].start]:
        return NameHint(frozenset({"nomn"}))  # a line opens with it: a label, a list entry
    w = prev.text
    if w == "." and i0 >= 2 and _LIST_NUMBER.fullmatch(tokens[i0 - 2].text):
        return NameHint(frozenset({"nomn"}))  # "3. Аркади Патаркацишвили — 6,69 %"
    if not w[:1].islower() or prev.tag != "O":
        return None
    lw = w.lower().replace("ё", "е")
    if lw in PREPOSITION_CASES:
        return NameHint(PREPOSITION_CASES[lw])
    ps = parses(w)
    if not ps:
        return None
    by_noun = i0 >= 2 and tokens[i0 - 2].text.lower() == "по"
    if by_noun and all(p.tag.POS == "NOUN" and p.tag.case == "datv" for p in ps):
        return NameHint(frozenset({"gent"}))  # "по словам / мнению / оценке Касымалиева": whose words
    if ps[0].tag.POS == "ADJF" and "Apro" not in ps[0].tag and i0 >= 2:
        # "Мать погибшего Валентина Горюнова": a family noun, then an adjective that cannot agree with it — the
        # adjective is that noun's complement (the dead son), the name the noun's apposition, in its case
        head = parses(tokens[i0 - 2].text)[:1]
        if (
            head
            and head[0].normal_form.replace("ё", "е") in POSSESSIVE_ROLE_HEADS
            and not any(p.tag.POS == "ADJF" and p.tag.case == head[0].tag.case for p in ps)
        ):
            return NameHint(
                frozenset({str(head[0].tag.case)}),
                head[0].tag.gender if head[0].tag.gender in ("masc", "femn") else None,
            )
    if ps[0].tag.POS == "ADJF" and "Apro" not in ps[0].tag:
        # an agreeing adjective: "всемирно известная Ванга" (not a participle: "обещанный Авелем")
        adj = [p for p in ps if p.tag.POS == "ADJF" and p.tag.number == "sing"]
        if not adj:
            return None
        genders = {str(p.tag.gender) for p in adj if p.tag.gender in ("masc", "femn")}
        return NameHint(frozenset(str(p.tag.case) for p in adj), genders.pop() if len(genders) == 1 else None)
    if any(_intransitive_feminine_past(p) for p in ps[:1]):
        # "к переговорам присоединилась Камала Харрис": an intransitive verb takes no accusative object, so the
        # name after it, where it reads as a woman's nominative as written, is its subject (not "Камал"'s
        # genitive); a dative stays one ("помогла Петрову")
        her = NameHint(frozenset({"nomn"}), "femn")
        form = normalize_name(tuple(words), her)
        if (
            form.case == "nomn"
            and form.gender == "femn"
            and [fold(w) for w in form.words] == [fold(w) for w in words]
            and all(_may_be_her_nominative(w) for w in words if not _is_initial(w))
        ):
            return her
    core = [x for x in words if not _is_initial(x) and x.lower() not in NAME_PARTICLES]
    if len(core) >= 2:
        # a role noun in apposition: "генерал-лейтенанта Аксары Кердпола" (a lone surname after a noun is
        # often a genitive of possession instead: "адвокат Галиева")
        roles = [
            p for p in ps if _role_head_ok(p, None) and p.normal_form.replace("ё", "е") not in POSSESSIVE_ROLE_HEADS
        ]
        if roles:
            return NameHint(frozenset(str(p.tag.case) for p in roles), None, strict=False)
    return None


def _may_be_her_nominative(word: str) -> bool:
    """A word that can be a woman's name in the nominative as written: the dictionary reads it so, it ends in -а/-я
    (a declinable woman's name the dictionary lacks: "Камала"), or it has no reading at all; not "Петрову", a
    dative."""
    ps = parses(word)
    return not ps or any(p.tag.case == "nomn" for p in ps) or fold(word).endswith(("а", "я"))


def _intransitive_feminine_past(p) -> bool:
    """A woman's past-tense verb that takes no accusative object (pymorphy's ``intr``) — nor a genitive one
    (:data:`GENITIVE_OBJECT_VERBS`: "боялась Петрова" is afraid of Petrov)."""
    t = p.tag
    return (
        t.POS == "VERB"
        and "intr" in t
        and "past" in t
        and t.number == "sing"
        and t.gender == "femn"
        and fold(p.normal_form) not in GENITIVE_OBJECT_VERBS
    )


def _join(toks, text: str) -> str:
    return text[toks[0].start : toks[-1].stop]


def _lemma_of(tk) -> str:
    return _word_lemma(tk.text)


@lru_cache(maxsize=100_000)
def _word_lemma(word: str) -> str:
    """The first reading's normal form of ``word``, folded (``word`` folded when it has none)."""
    ps = parses(word)
    return fold(ps[0].normal_form) if ps else fold(word)


def _eponym_then_name(tokens, a: int, words: Sequence[str]) -> bool:
    """A name of three words or more after the head of a named thing whose first word is a name in the genitive
    (the thing's eponym, ``улицы Калинина``) and whose second is a first name in the nominative (the person's):
    two names NER ran together. Not when every word reads as a name in the genitive: that is one eponym's
    full name (``премии Ханса Кристиана Андерсена``: "Кристиана" is a woman's nominative too)."""
    if len(words) < 3 or tokens[a].text != words[0]:
        return False
    first = any(p.tag.case == "gent" and has_name_tag(p.tag) for p in parses(words[0]))
    second = any(p.tag.case == "nomn" and "Name" in p.tag for p in parses(words[1]))
    one_genitive = all(any(p.tag.case == "gent" for p in parses(w)) for w in words[1:])
    return first and second and not one_genitive


def _named_place(text: str, c: _Cluster, place_stems: set[str]) -> bool:
    """ "в селе Старая Криуша … в Старой Криуше": a cluster without a first name whose every mention is a word of a
    settlement's name the text gave after its noun, after a preposition of place (the name's adjective between),
    is that place again, not a person ("жительница деревни Горбуново … сказала Горбунова" is one)."""
    return bool(place_stems) and all(
        not m.first
        and m.words
        and all(fold(w)[:5] in place_stems for w in m.words)
        and _PLACE_PREPOSITION_BEFORE.search(text, max(0, m.span.start - 40), m.span.start)
        for m in c.mentions
    )


_PLACE_PREPOSITION_BEFORE = re.compile(
    r"(?:^|[^\w-])(?:в|во|из|до|у|около|под|возле|близ)\s+(?:[А-ЯЁ][а-яё-]+\s+)?$", re.I
)


def _settlement_name(tokens, a: int) -> bool:
    """ "в селе Старая Криуша", "деревни Малые Пески", "поселок Юрия Гагарина": a name right after a settlement noun
    (or after the capitalized adjective of the place's name) is the place's — not when it opens with a first name
    in the nominative ("В селе Иван Петров открыл школу": a subject after a place)."""
    j = a - 1
    while (
        j >= 0
        and a - j <= 2
        and tokens[j].text[:1].isupper()
        and any(p.tag.POS == "ADJF" for p in parses(tokens[j].text)[:2])
    ):
        j -= 1  # the name's adjective the NER left out ("Старая"), not another name ("деревни Горбуново Валентина …")
    if j < 0 or not tokens[j].text[:1].islower() or _lemma_of(tokens[j]) not in SETTLEMENT_HEADS:
        return False
    return not any("Name" in p.tag and p.tag.case == "nomn" for p in parses(tokens[a].text)[:3])


def _inside_other_name(tokens, a: int, b: int) -> str | None:
    """A person's name inside the name of something else: ``театр имени Станиславского``, ``им. Ленина``,
    ``премия Андрея Белого``, ``болезнь Паркинсона``, ``аэропорт Рейган``, a film title in quotation
    marks (``«Анна Каренина»``). The thing is mentioned, not the person.

    "always", or "genitive" when only a name in the genitive is so (``в театре Иван Петров сыграл``).
    The head may open the thing's own capitalized name (``Госпиталь принцессы Марины``). (A monument is
    to a person, who is mentioned: ``памятник Пушкину`` is no name of a thing.)"""
    if a >= 1 and b < len(tokens) and tokens[a - 1].text in _OPEN_MARKS and tokens[b].text in _CLOSE_MARKS:
        return "always"
    if _in_quoted_title(tokens, a, b):
        return "always"
    if _settlement_name(tokens, a):
        return "always"
    j = a - 1
    titles = 0
    while j >= 0 and titles <= 1:
        tk = tokens[j]
        lw = fold(tk.text)
        if lw == "." and j >= 1 and fold(tokens[j - 1].text) == "им":
            return "always"
        if not tk.text[:1].isalpha():
            return None
        lem = _lemma_of(tk)
        if not tk.text[:1].islower() and (tk.text.isupper() or lem not in EPONYM_HEADS):
            return None
        if lem in NAMED_AFTER and not (j >= 1 and fold(tokens[j - 1].text) == "по"):
            return "always"  # (but "мальчик по имени Антон" is named so himself)
        if lem in EPONYM_HEADS and any(p.tag.POS == "NOUN" and p.normal_form == lem for p in parses(tk.text)):
            # "премия Андрея Белого", "болезни Паркинсона": the name in the genitive after the head
            # (a nominative after it is a subject: "в театре Иван Петров сыграл …"); a ship, an airport
            # or a telescope takes the name as it is ("аэропорт Рейган")
            if lem in APPOSITIVE_EPONYM_HEADS and _crew_role_before(tokens, j, a, b):
                return None  # "Капитан ледокола Сергей Бахметьев": the captain, named
            return "always" if lem in APPOSITIVE_EPONYM_HEADS else "genitive"
        # a title between ("имени шейха Мансура", "премии академика Королёва")
        if any(_role_head_ok(p, None) for p in parses(tk.text)):
            titles += 1
            j -= 1
            continue
        return None
    return None


def _may_be_genitive(words: tuple[str, ...]) -> bool:
    """A lone word the dictionary lacks with a genitive reading ("Эффект Доплера"): after an eponym's head it is
    the genitive the head takes, whatever case the normalizer preferred."""
    return len(words) == 1 and not is_known(words[0]) and any(p.tag.case == "gent" for p in parses(words[0]))


def _in_quoted_title(tokens, a: int, b: int) -> bool:
    """ "«Портрет Анны Керн»", "«Смерть Ивана Ильича»": a name closing a title in quotation marks that opens with a
    capitalized common noun — the work is mentioned, not the person."""
    if a < 2 or b >= len(tokens) or tokens[b].text not in _CLOSE_MARKS or tokens[a - 2].text not in _OPEN_MARKS:
        return False
    head = tokens[a - 1].text
    return (
        head[:1].isupper()
        and is_known(head)
        and any(p.tag.POS == "NOUN" and not has_name_tag(p.tag) for p in parses(head)[:1])
    )


def _crew_role_before(tokens, j: int, a: int, b: int) -> bool:
    """ "Капитан ледокола Сергей Бахметьев": the head of a thing that takes a name as it is (a ship, an airport),
    itself in the genitive after a person's role noun, then a first name and a surname — the role's holder, not
    the thing's name (a ship is named in quotation marks, or by a title and a surname: "Академик Фёдоров")."""
    if j < 1 or b - a < 2 or not tokens[j].text[:1].islower():
        return False
    if not all(p.tag.case == "gent" for p in parses(tokens[j].text)[:2]):
        return False
    if not any(_role_head_ok(p, None) for p in parses(tokens[j - 1].text)):
        return False
    return any("Name" in p.tag and p.tag.case == "nomn" for p in parses(tokens[a].text))


_LIST_SEPARATORS = frozenset({"•", "·", ",", ";", "|", "/"})


def _between_places(tokens, a: int, b: int) -> bool:
    """An entry of a list of places, whatever NER says (``• Чили • Коста Рика • Эквадор •``): a list
    separator on each side, and a place named beyond each one."""

    def place_at(k: int, step: int) -> bool:
        if not (0 <= k < len(tokens)) or tokens[k].text not in _LIST_SEPARATORS:
            return False
        k += step
        if not (0 <= k < len(tokens)):
            return False
        tk = tokens[k]
        return tk.text[:1].isupper() and (tk.tag.endswith("LOC") or any("Geox" in p.tag for p in parses(tk.text)[:2]))

    return place_at(a - 1, -1) and place_at(b, 1)


_DATELINE_AFTER = re.compile(r",\s*\d{1,2}\s+[а-яё]+")


def _dateline(text: str, tokens, a: int, b: int) -> bool:
    """ "БОГОТА, 1 июня. /ТАСС/.": the capital letters opening a line before a comma and a date are the wire's
    dateline, a city (NER reads a capitalised word there as anyone)."""
    if not all(tokens[k].text.isupper() or not tokens[k].text[:1].isalpha() for k in range(a, b)):
        return False
    start = tokens.starts[a]
    if start > 0 and text[start - 1] != "\n":
        return False
    return _DATELINE_AFTER.match(text, tokens[b - 1].stop) is not None


def _town_after_preposition(tokens, a: int, b: int) -> bool:
    """``переехали из Иванова``: one word after a preposition of place (:data:`PLACE_PREPOSITIONS`) that the
    dictionary reads as a place in a case the preposition governs."""
    if b - a != 1 or a < 1:
        return False
    prep = fold(tokens[a - 1].text)
    if prep not in PLACE_PREPOSITIONS:
        return False
    cases = PREPOSITION_CASES[prep]
    return any("Geox" in p.tag and p.tag.case in cases for p in parses(tokens[a].text))


_OPEN_MARKS = frozenset({"«", '"', "“", "„"})
_CLOSE_MARKS = frozenset({"»", '"', "”", "“"})


def _is_fiction(tokens, i0: int) -> bool:
    """``персонаж Гаррет``, ``[главная героиня] Карин``, ``герой сериала Гаррет``: the text says the name is
    a character's. (A capitalized head — ``Герой России`` — is a title, not this.)"""
    j = i0 - 1
    seen = skipped = 0
    while j >= 0 and seen < 3 and skipped < 12:  # (bounded: a run of a thousand initials is no backward walk)
        tk = tokens[j]
        if tk.text in ("[", "]", "(", ")") or tk.tag.endswith("PER"):
            j -= 1  # "[герой серии Гаррет] Скоулс": the name goes on after the editor's bracket
            skipped += 1
            continue
        if not tk.text[:1].isalpha() or not tk.text[:1].islower():
            return False
        if _lemma_of(tk) in FICTION_HEADS:
            return True
        seen += 1
        j -= 1
    return False


def _in_the_part_of(tokens, i0: int) -> bool:
    """ "В роли Онегина выступил Игорь Раков", "в образе Гамлета": a name right after "в роли" / "в образе" is
    the part played, a character — even a real man's name is then his portrayal ("в роли Петра Первого").
    ("роль Путина в переговорах", with no "в" before, is his part in events: not this.)"""
    if i0 < 2:
        return False
    head, prep = tokens[i0 - 1], tokens[i0 - 2]
    if fold(prep.text) not in ("в", "во") or not head.text[:1].islower():
        return False
    return any(p.tag.POS == "NOUN" and p.tag.case == "loct" and p.normal_form in PART_NOUNS for p in parses(head.text))


def _in_scripture_sentence(text: str, sent_start: int, span: Span, words: tuple[str, ...]) -> bool:
    """ "Сцены из Книги Бытия — Ной, строящий ковчег, … и сыновья Ноя Сим, Хам и Иафет": a first name alone, in a
    sentence that names scripture (:data:`SCRIPTURE_RE`), is a figure of it — named in a fresco, an icon, a book's
    title — not a person of the news. (A name with a surname or a role, "патриарх Кирилл", is never this.)"""
    if len(words) != 1:
        return False
    m = _SENTENCE_END.search(text, span.end, span.end + 400)
    return SCRIPTURE_RE.search(text, max(sent_start, span.start - 400), m.end() if m else span.end + 400) is not None


_SENTENCE_END = re.compile(r"[.!?\n]")


def _family_form(tokens, i0: int, words: tuple[str, ...]) -> NameForm | None:
    """A surname in the plural after a family noun (``братьев Цукеров``, ``супруги Скрипали``, ``семьи
    Ивановых``) or one that can only be plural: the family, named by the surname in the singular."""
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    w = words[0]
    ps = [p for p in parses(w) if p.tag.POS == "NOUN" or ("Surn" in p.tag)]
    plural = [p for p in ps if p.tag.number == "plur"]
    if not plural:
        return None
    if any("Name" in p.tag and p.tag.number == "sing" for p in ps) and not any("Surn" in p.tag for p in plural):
        return None  # "супруги Пётр и Вера …": a first name in the singular, not the plural of "Петра"
    after_family = (
        i0 >= 1
        and _lemma_of(tokens[i0 - 1]) in FAMILY_HEADS
        and (
            any(p.tag.number == "plur" for p in parses(tokens[i0 - 1].text))
            or _lemma_of(tokens[i0 - 1]) in ("семья", "семейство", "клан", "чета", "династия")
        )
    )
    only_plural = all(p.tag.number == "plur" for p in ps) and any("Surn" in p.tag for p in plural) and not is_known(w)
    if not (after_family or only_plural):
        return None
    best = max(plural, key=lambda p: ("Surn" in p.tag, p.score))
    nom = best.normal_form
    if "Surn" in best.tag:
        inf = best.inflect({"nomn", "sing", "masc"})
        nom = inf.word if inf is not None else nom
    return NameForm((match_case(w, nom),), str(best.tag.case), None, ("Surn",))


def _right_hint(text: str, tokens, i0: int, i1: int) -> NameHint | None:
    """What the word right after a name (ending at token ``i1 - 1``) says about its case, softly.

    * a finite verb in the singular: the name is its subject (``Сэйдзи Маэхара отметил``), the past
      tense giving the gender too;
    * an opening bracket, a dash before a lower-case word, a bullet or a line end: a list entry or a
      definition (``Хорхе Ларрионда (Уругвай)``, ``Ннека Угбома - руководитель проекта``).
    """
    if i1 >= len(tokens):
        return NameHint(frozenset({"nomn"}), strict=False)
    nxt = tokens[i1]
    if "\n" in text[tokens[i1 - 1].stop : nxt.start] or nxt.text in ("(", "•"):
        return NameHint(frozenset({"nomn"}), strict=False)
    if nxt.text in ("—", "–", "-") and i1 + 1 < len(tokens) and tokens[i1 + 1].text[:1].islower():
        return NameHint(frozenset({"nomn"}), strict=False)
    if nxt.text == "," and i1 + 1 < len(tokens):
        app = _apposition_hint(tokens[i1 + 1].text)
        if app is not None:
            return app
    if nxt.text.lower() == "не" and i1 + 1 < len(tokens):
        nxt = tokens[i1 + 1]  # "Бондаренко не исключила": the negation stands between the subject and its verb
    hint = _verb_hint(nxt.text)
    if hint is not None and hint.gender is None and i1 - i0 < 2:
        return None  # "по книге Даниила станет …": a lone name before a verb of no gender is no sure subject
    return hint


def _apposition_hint(word: str) -> NameHint | None:
    """A person noun in apposition after a name and a comma agrees with it in case, and its natural
    gender is the person's (``Нурлана Турдумаматова, сына бывшего вице-премьера``: accusative or genitive,
    a man): a soft hint. Only a lower-case animate common noun whose every reading is one."""
    if not word[:1].islower():
        return None
    ps = parses(word)
    if not ps or not all(p.tag.POS == "NOUN" and p.tag.animacy == "anim" and p.tag.number == "sing" for p in ps):
        return None
    if any(t in p.tag for p in ps for t in ("Name", "Surn", "Patr")):
        return None
    genders = {p.tag.gender for p in ps}
    gender = genders.pop() if len(genders) == 1 and genders <= {"masc", "femn"} else None
    return NameHint(frozenset(str(p.tag.case) for p in ps), gender, strict=False)


def _verb_hint(word: str) -> NameHint | None:
    """A finite verb in the singular next to a name: its subject is nominative; a past tense, agreeing in
    gender, all but says so (``Сэйдзи Маэхара отметил``), a present tense only favours it."""
    if not word[:1].islower():
        return None
    ps = parses(word)
    if not ps or ps[0].tag.POS != "VERB" or ps[0].tag.number != "sing" or ps[0].tag.mood != "indc":
        return None
    t = ps[0].tag
    if t.tense != "past" and t.person != "3per":
        return None
    gender = t.gender if t.gender in ("masc", "femn") else None
    return NameHint(frozenset({"nomn"}), gender, strict=gender is not None)


def _hint(text: str, tokens, i0: int, i1: int, words: tuple[str, ...], sent_start: int = 0) -> NameHint | None:
    """The case hint for a name over tokens ``i0 .. i1-1``: the left context when it is strict, else the
    right one; where there are both, their common cases, or the left one (a role in apposition) when they
    have none in common."""
    left = _context_hint(text, tokens, i0, words)
    if left is not None and left.strict:
        if left.gender is None:
            # a line opening with the name (nominative) and a verb agreeing in gender after it: "Юми Сато
            # победила на выборах" — the case from the left, the gender from the verb
            right = _right_hint(text, tokens, i0, i1)
            if right is not None and right.strict and right.gender and left.cases & right.cases:
                return NameHint(left.cases & right.cases, right.gender)
        return left
    if left is None:
        # a role in apposition with its own modifiers between ("министра иностранных дел Японии Сейджи
        # Маехары"); before a lone name only an oblique one ("мальчика Элиана" — "адвокат Галиева" may
        # be the lawyer of a man Галиев)
        role = _find_role(text, tokens, i0, None, sent_start)
        if role is not None and role[2] and (len(words) >= 2 or "nomn" not in role[2]):
            left = NameHint(role[2], None, strict=False)
    right = _right_hint(text, tokens, i0, i1)
    if right is None:
        if left is None and i0 >= 1 and tokens[i0 - 1].tag == "O" and _lemma_of(tokens[i0 - 1]) in SPEECH_VERBS:
            return _verb_hint(tokens[i0 - 1].text)  # "— заявил Сэйдзи Маэхара"
        return left
    if left is None:
        return right
    both = left.cases & right.cases
    if both:
        return NameHint(both, left.gender or right.gender, strict=right.strict)
    return left  # a role in apposition binds closer than the verb: "генерал-лейтенанта Аксары Кердпола сообщил"


def _east_asian_order(mentions: list[_PersonMention]) -> None:
    """A name the text declines as an East Asian one (``Си Цзиньпина``: surname first) is one wherever it is
    written so in the nominative (``Си Цзиньпин``), though the dictionary does not list its surname."""
    seen = {tuple(fold(w) for w in m.form.words) for m in mentions if m.form.surname_first}
    if not seen:
        return
    for k, m in enumerate(mentions):
        if m.form.surname_first or len(m.words) < 2 or tuple(fold(w) for w in m.words) not in seen:
            continue
        tags = ("Surn",) + ("Name",) * (len(m.words) - 1)
        form = replace(m.form, words=m.words, tags=tags, surname_first=True)
        first, patr, surname, initials = split_name(form, m.words)
        mentions[k] = replace(
            m, form=form, first=first, patr=patr, surname=surname, weight=_mention_weight(first, patr, surname, ())
        )


def _surname_first_by_lone_mention(text: str, mentions: list[_PersonMention]) -> None:
    """A foreign name of two words whose FIRST word the text later uses alone after a form of address
    ("директор департамента Мацумото Кэндзи … пояснил господин Мацумото") is written surname first, as Japanese
    and Chinese officials' names often are: a form of address takes the surname. Only for a first word the
    dictionary does not know (no Russian first name is read as a surname); a first name used alone without
    one ("Чарли вспомнил" in an interview) says nothing."""
    lone = {
        fold(m.words[0])
        for m in mentions
        if len(m.words) == 1
        and (w := _WORD_BEFORE.search(text, max(0, m.span.start - 20), m.span.start)) is not None
        and fold(w.group(1)) in HONORIFICS
    }
    if not lone:
        return
    for k, m in enumerate(mentions):
        if m.form.surname_first or len(m.words) != 2 or m.initials or m.patr:
            continue
        a, b = m.words
        if (
            fold(a) in lone
            and fold(b) not in lone
            and a[:1].isupper()
            and b[:1].isupper()
            and (not is_known(a) or fold(a) in EAST_ASIAN_SURNAMES)  # ("Ван" is also a particle to the dictionary)
        ):
            form = replace(m.form, words=m.words, tags=("Surn", "Name"), surname_first=True)
            first, patr, surname, initials = split_name(form, m.words)
            mentions[k] = replace(
                m, form=form, first=first, patr=patr, surname=surname, weight=_mention_weight(first, patr, surname, ())
            )


def _particle_names_as_written(mentions: list[_PersonMention]) -> None:
    """A surname after a particle (``фон``, ``ван``, ``де``) is a foreign one: where one mention writes it as its
    nominative (``Маргарета фон Арним``), another that writes it the same way is that nominative too ("Сама фон
    Арним отказалась", not an instrumental of a guessed "Арной")."""
    written = {
        fold(m.words[-1])
        for m in mentions
        if len(m.words) >= 2
        and m.surname
        and m.words[-2].lower() in NAME_PARTICLES
        and m.form.case == "nomn"
        and fold(m.surname.split()[-1]) == fold(m.words[-1])
    }
    if not written:
        return
    for k, m in enumerate(mentions):
        if (
            m.surname
            and len(m.words) >= 2
            and m.words[-2].lower() in NAME_PARTICLES
            and fold(m.words[-1]) in written
            and fold(m.surname.split()[-1]) != fold(m.words[-1])
        ):
            mentions[k] = replace(m, surname=" ".join(m.surname.split()[:-1] + [m.words[-1]]))


_WORD_BEFORE = re.compile(r"(?<![\w-])([\w-]+)[ \u00a0]+$")


def _joined(tokens, a: _PersonMention, start_b: int) -> bool:
    """Mention ``a`` and the name opening at token ``start_b`` are joined by ``и`` or a comma."""
    if start_b < 1:
        return False
    sep = tokens[start_b - 1]
    return sep.text in ("и", ",") and a.span.end == sep.start - (0 if sep.text == "," else 1)


def _agree_coordinated(
    text: str, tokens, start_index, mentions: list[_PersonMention], sentences: Sequence[Span]
) -> None:
    """A name read in the nominative for want of evidence, joined by ``и`` to a name whose case is clear,
    is read again in that case (``Кими Райкконена и Марка Уэббера``: genitives both)."""
    for k in range(len(mentions) - 1):
        m, nxt = mentions[k], mentions[k + 1]
        if m.form.case != "nomn" or not nxt.form.gender_evidence or nxt.form.case in (None, "nomn"):
            continue
        b = start_index.get(nxt.span.start)
        a = start_index.get(m.span.start)
        if a is None or b is None or not _joined(tokens, m, b) or not m.words or m.initials:
            continue
        i1 = a
        while i1 < len(tokens) and tokens[i1].stop <= m.span.end:
            i1 += 1
        again = _person_mention(text, tokens, a, i1, m.words, m.span, sentences, next_case=nxt.form.case)
        if again.form.case == nxt.form.case:
            mentions[k] = again


def _plural_surname(word: str) -> str | None:
    """The masculine nominative singular of ``word`` read as a surname in the plural (``Дорофеевы``,
    ``Самохиным``: the dictionary's reading; ``Зимины``, ``Зиминых``: the plural of an -ин/-ов surname by its
    shape, the dictionary not listing it), or None."""
    if not word[:1].isupper():
        return None
    p = next((p for p in parses(word) if "Surn" in p.tag and p.tag.number == "plur"), None)
    if p is not None:
        return p.normal_form
    low = word.lower()
    for end in ("ыми", "ых", "ым", "ы"):
        stem = low[: -len(end)]
        if low.endswith(end) and stem.endswith(("ов", "ев", "ёв", "ин", "ын")) and len(stem) > 3:
            return stem
    return None


def _genderless_surname(word: str) -> str | None:
    """A surname with one form for men and women (``Мельник``, ``Кравец``, ``Шевченко``, ``Черных``), in the
    nominative: after coordinated first names it is everyone's, as a plural one is (``Олег и Вера Мельник``;
    a Russian one would say ``Ивановы``). Capitalized after a first name, a common noun's form is a surname."""
    low = word.lower()
    if not word[:1].isupper() or low.endswith(("ов", "ев", "ёв", "ин", "ын", "ий", "ой", "ый", "а", "я")):
        return None
    if not (low[-1] not in "аеёиоуыэюяь" or low.endswith(("енко", "ко", "ых", "их"))):
        return None
    return low


def _surname_for(masc: str, gender: str | None) -> str:
    """The nominative singular, in ``gender``, of a plural surname whose masculine is ``masc``: ``Дорофеевы``
    is ``Дорофеев`` for a man and ``Дорофеева`` for a woman (the -ов/-ин/-ский kinds change; others do not)."""
    if gender == "femn":
        for q in parses(masc):
            if "Surn" in q.tag and q.tag.gender == "masc" and q.tag.number == "sing":
                inf = q.inflect({"nomn", "sing", "femn"})
                if inf is not None:
                    return inf.word
                break
        if masc.endswith(("ов", "ев", "ёв", "ин", "ын")):
            return masc + "а"
        if masc.endswith(("ский", "цкий")):
            return masc[:-2] + "ая"
    return masc


def _share_plural_surname(
    text: str, tokens, mentions: list[_PersonMention], sentences: Sequence[Span]
) -> list[_PersonMention]:
    """First names coordinated before one surname in the plural are as many people of that surname:
    ``супруги Николай и Галина Дорофеевы`` are Николай Дорофеев and Галина Дорофеева, ``братьям Андрею,
    Олегу и Петру Самохиным`` three Самохины. NER takes the lone first names apart from the last one's
    surname, or misses them (a first name of the dictionary, joined so, is one of them); each gets the
    surname in the singular of its own gender (the first name's)."""
    out = list(mentions)
    for k in range(len(out) - 1, -1, -1):
        last = out[k]
        if len(last.words) != 2 or not last.first or last.patr or last.initials:
            continue
        p = _plural_surname(last.words[1]) or _genderless_surname(last.words[1])
        if p is None:
            continue
        group = [last]
        j, b = k - 1, tokens.get(last.span.start)
        while b is not None and b >= 2 and tokens[b - 1].text in ("и", ","):
            m = out[j] if j >= 0 else None
            if m is not None and _joined(tokens, m, b):
                if len(m.words) != 1 or not m.first or m.surname:
                    break
                j -= 1
            elif _lone_first_name(tokens[b - 2]):
                tk = tokens[b - 2]
                m = _person_mention(text, tokens, b - 2, b - 1, (tk.text,), Span(tk.start, tk.stop), sentences)
                if not m.first:
                    break
                out.insert(j + 1, m)
                k += 1
            else:
                break
            group.append(m)
            b = tokens.get(m.span.start)
        if len(group) < 2:
            continue
        for m in group:
            i = next(n for n, x in enumerate(out[: k + 1]) if x is m)
            first = m.first
            if m is not last and last.form.case == "nomn" and _nominative_first_name(m.words[0]):
                first = m.words[0]  # the names share the case: "сестры Алла и Нина …" (not the genitive "Алла")
            sur = _surname_for(p, first_name_gender(first) or m.form.gender)
            sur = match_case(last.words[1], _with_yo(last.words[1], sur))
            form = replace(m.form, words=(first or m.form.words[0], sur), tags=("Name", "Surn"))
            out[i] = replace(
                m, form=form, first=first, surname=sur, weight=_mention_weight(first, None, sur, m.initials)
            )
    return out


def _lone_first_name(tk) -> bool:
    """An untagged capitalized word the dictionary knows as a first name in the singular only."""
    if tk.tag != "O" or not tk.text[:1].isupper():
        return False
    ps = parses(tk.text)
    return bool(ps) and "Name" in ps[0].tag and ps[0].tag.number == "sing"


def _with_yo(written: str, word: str) -> str:
    """``word`` spelled with ``ё`` where the written form has it and with ``е`` where it has ``е``
    (``Лунёвы`` → ``Лунёв``; ``Тесемкины`` → ``Тесемкина``, not the dictionary's ``Тесёмкина``)."""
    out = list(word)
    for i, ch in enumerate(written.lower()[: len(out)]):
        if ch == "ё" and out[i] == "е":
            out[i] = "ё"
        elif ch == "е" and out[i] == "ё":
            out[i] = "е"
    return "".join(out)


def _nominative_first_name(word: str) -> bool:
    """The dictionary reads ``word`` as a first name in the nominative singular."""
    return any("Name" in p.tag and p.tag.case == "nomn" and p.tag.number == "sing" for p in parses(word))


def _person_mention(
    text: str,
    tokens,
    i0: int,
    i1: int,
    words: tuple[str, ...],
    span: Span,
    sentences: Sequence[Span],
    prev: _PersonMention | None = None,
    next_case: str | None = None,
) -> _PersonMention:
    """One person mention over tokens ``i0 .. i1-1`` (its name words ``words``). Coordinated names share
    their case (``Джона и Рейфа``, ``Кими Райкконена и Марка Уэббера``): ``prev``, the person mention
    before it, and ``next_case``, the case of the one joined after it, give a soft hint."""
    # initials written before the span but outside it ("В. Путин", NER taking only "Путин")
    j = i0 - 1
    pre: list[str] = []
    while j >= 1 and tokens[j].text == "." and _is_initial(tokens[j - 1].text) and len(pre) < 2:
        pre.insert(0, tokens[j - 1].text)
        span = Span(tokens[j - 1].start, span.end)
        j -= 2
    start_i = j + 1 if pre else i0
    sent_start = _sentence_start(sentences, span.start) if sentences else 0
    hint = _hint(text, tokens, start_i, i1, words, sent_start)
    if hint is None or not hint.strict:
        if prev is not None and prev.form.case and prev.form.gender_evidence and _joined(tokens, prev, start_i):
            hint = NameHint(frozenset({prev.form.case}), None, strict=False)
        elif next_case is not None:
            hint = NameHint(frozenset({next_case}), None, strict=False)
    form = _family_form(tokens, start_i, words) or normalize_name(words, hint)
    first, patr, surname, initials = split_name(form, words)
    if patr and not first and surname and len(words) == 2 and not initials:
        # "Драгана Петровича": a patronymic goes after a first name only; of two words, a first name the
        # dictionary lacks and a surname of the patronymic's shape (Serbian "Петрович", "Милошевич")
        first, surname, patr = surname, patr, None
    if pre and not first:
        initials = tuple(p + "." for p in pre) + initials
        first = initials[0]
    if initials and first and len(first) == 1:
        first = first + "."
    role = (
        _find_role(text, tokens, start_i, form.case, sent_start)
        or _role_from_relative_clause(text, tokens, i1)
        or (_role_from_heading_verb(tokens, i1) if form.case in ("nomn", None) else None)
    )
    return _PersonMention(
        span,
        text[span.start : span.end],
        form,
        first,
        patr,
        surname,
        tuple(i if i.endswith(".") else i + "." for i in initials),
        role,
        _mention_weight(first, patr, surname, initials),
        words,
        fiction=_is_fiction(tokens, start_i)
        or _in_the_part_of(tokens, start_i)
        or (role is None and _in_scripture_sentence(text, sent_start, span, words)),
        after_word=start_i >= 1 and tokens[start_i - 1].text[:1].islower(),
        address=_is_address(text, span),
        strict_case=hint is not None and hint.strict,
        hinted_case=hint is not None and form.case in hint.cases,
        verb_gender=_subject_verb_gender(text, tokens, start_i, i1, form),
        kin_reading=_kin_apposition_reading(tokens, start_i, words, form),
    )


#: A Roman numeral of a monarch's or a pope's name (I … XXXIX).
_REGNAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")


def _with_regnal_number(text: str, tokens, b: int, m: _PersonMention) -> _PersonMention:
    """A first name with a Roman numeral after it is a monarch's or a pope's name (``императора Александра
    I``, ``Николай II``, ``Людовика XIV``): the numeral is part of the name, written as is, and tells one
    Александр from another — it takes the place a surname has in matching mentions."""
    if m.surname or not m.first or len(m.first.rstrip(".")) < 2 or b >= len(tokens):
        return m
    tk = tokens[b]
    if not _REGNAL.fullmatch(tk.text) or text[tokens[b - 1].stop : tk.start] not in (" ", "\u00a0"):
        return m
    span = Span(m.span.start, tk.stop)
    return replace(m, span=span, text=text[span.start : span.end], surname=tk.text, words=(*m.words, tk.text))


def _subject_verb_gender(text: str, tokens, i0: int, i1: int, form: NameForm) -> str | None:
    """The gender of the past-tense verb right after a name in the nominative (its subject: "Бондаренко не
    исключила"), or None."""
    if form.case != "nomn":
        return None
    right = _right_hint(text, tokens, i0, i1)
    return right.gender if right is not None and right.strict else None


def _kin_apposition_reading(tokens, i0: int, words: tuple[str, ...], form: NameForm) -> NameForm | None:
    """ "Тревогу подняла жена пенсионера Валентина Рочева": after a woman's kin noun in the nominative and a
    genitive person noun, a name read as a man's genitive (the pensioner's name) may as well be the woman's own
    nominative (her apposition) — the same letters. That reading, when the name has it; which one the text
    means is decided with the other people it names (:func:`_kin_sharing_a_surname`)."""
    if i0 < 2 or form.gender != "masc" or form.case not in ("gent", "accs"):
        return None
    head, mid = tokens[i0 - 2].text, tokens[i0 - 1].text
    if not head[:1].islower() or not mid[:1].islower():
        return None
    kin = [
        p
        for p in parses(head)
        if p.tag.case == "nomn" and p.tag.gender == "femn" and p.normal_form in POSSESSIVE_ROLE_HEADS
    ]
    if not kin or not any(
        p.tag.POS == "NOUN" and p.tag.case == "gent" and p.tag.animacy == "anim" for p in parses(mid)
    ):
        return None
    her = normalize_name(words, NameHint(frozenset({"nomn"}), "femn", strict=True))
    if her.gender != "femn" or her.case != "nomn" or tuple(fold(w) for w in her.words) != tuple(fold(w) for w in words):
        return None
    return her


def _kin_sharing_a_surname(mentions: list[_PersonMention]) -> None:
    """A woman's kin noun before a name of two readings (see :func:`_kin_apposition_reading`): where a man of that
    surname is named elsewhere by another first name ("Николая Рочева"), the name is the woman's, who shares the
    family's surname, not a second man of it whose kin she would be."""
    men: dict[str, set[str]] = {}
    for m in mentions:
        if m.surname and m.first and m.form.gender == "masc" and m.kin_reading is None:
            men.setdefault(_key(m.surname), set()).add(_first_key(m.first))
    for k, m in enumerate(mentions):
        if m.kin_reading is None or not m.surname or not m.first:
            continue
        firsts = men.get(_key(m.surname), set())
        if firsts and _first_key(m.first) not in firsts:
            form = m.kin_reading
            first, patr, surname, _ = split_name(form, m.words)
            if surname and first:
                mentions[k] = replace(m, form=form, first=first, patr=patr, surname=surname, role=None)


def _is_address(text: str, span: Span) -> bool:
    """The name opens an utterance and a comma follows it: ``— Мурат Хасанбиевич, почему …``, ``«Анна Петровна,
    …``: the vocative of an address, set off by commas, at the start of the words said."""
    before = text[max(0, span.start - 3) : span.start].rstrip(" \u00a0")
    return text[span.end : span.end + 1] == "," and (before.endswith(("—", "–", "«", '"', "„")) or before == "")


def _name_pieces(
    text: str, tokens, i0: int, toks, places: frozenset[str] = frozenset()
) -> list[tuple[int, int, tuple[str, ...]]]:
    """The names in one PER span, as (first token index, end token index, name words): the span cut at
    bullets and other punctuation inside it, trimmed to name words, two adjacent names split; a word
    the text names as a place elsewhere does not open a name (``После Уэйко Рено оказалась`` when
    ``в Уэйко, штат Техас`` came before)."""
    pieces: list[tuple[int, int]] = []
    k = i0
    for n, tk in enumerate(toks):
        if tk.text in _CUTS:
            if i0 + n > k:
                pieces.append((k, i0 + n))
            k = i0 + n + 1
    if i0 + len(toks) > k:
        pieces.append((k, i0 + len(toks)))
    out = []
    words = [tk.text for tk in toks]  # (the text of token i is words[i - i0])
    for a, b in pieces:
        idx = [
            i
            for i in range(a, b)
            if _WORDLIKE.search(w := words[i - i0])
            and (w[:1].isupper() or _is_particle(w) or _elided_particle(tokens, i, b))
            and not any(ch.isdigit() for ch in w)
        ]
        if not idx:
            continue
        if any(_CYRILLIC.search(words[i - i0]) for i in idx):
            idx = [i for i in idx if _CYRILLIC.search(words[i - i0]) or _is_particle(words[i - i0])]
        while len(idx) >= 2 and fold(words[idx[0] - i0]) in places:
            idx = idx[1:]
        while idx and _function_word(words[idx[0] - i0]) and not _surname_not_preposition(tokens, idx[0]):
            idx = idx[1:]  # a heading's or a sentence's first word NER took in: "Всё-таки Проди", "Даже Иванов"
        ws = [words[i - i0] for i in idx]
        mid = bool(idx) and _inside_a_sentence(text, toks[idx[0] - i0].start)
        for lo, hi in split_adjacent(ws, trim_name(ws, mid_sentence=mid)):
            sub = idx[lo:hi]
            if sub:
                out.append((sub[0], sub[-1] + 1, _apostrophe_words(tokens, sub)))
    return out


def _inside_a_sentence(text: str, pos: int) -> bool:
    """A word or a comma right before ``pos`` on its line: the word at ``pos`` stands inside a sentence."""
    k = pos
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    return k > 0 and (text[k - 1] == "," or text[k - 1].isalnum())


def _surname_not_preposition(tokens, i: int) -> bool:
    """``Компартии Вьетнама Во Минь Тхань``, ``«Живая дельта» Ле Ван Хоа``: a capitalized East Asian surname that
    is also a function word ("Во", "Ле") inside a sentence (after a word, a closing mark or a comma), where no
    preposition is capitalized."""
    return (
        i >= 1
        and fold(tokens[i].text) in EAST_ASIAN_SURNAMES
        and tokens[i].text[:1].isupper()
        and (tokens[i - 1].text[:1].isalnum() or tokens[i - 1].text in ("»", '"', "”", ")", ","))
    )


def _elided_particle(tokens, i: int, end: int) -> bool:
    """A lower-case particle elided before the name it belongs to: ``д’Арбуа``, ``л'Эстранж``."""
    return (
        i + 2 < end
        and len(tokens[i].text) <= 2
        and tokens[i + 1].text in ("'", "’")
        and tokens[i].stop == tokens[i + 1].start
        and tokens[i + 1].stop == tokens[i + 2].start
        and tokens[i + 2].text[:1].isupper()
    )


def _apostrophe_words(tokens, idx: list[int]) -> tuple[str, ...]:
    """The words of a name, a particle joined by an apostrophe to the word after it kept one word:
    ``О'Мэлли``, ``Д'Аламбер`` (the tokenizer gives "О", "'", "Мэлли")."""
    words: list[str] = []
    prev = None
    for i in idx:
        if (
            prev is not None
            and i == prev + 2
            and tokens[prev + 1].text in ("'", "’")
            and tokens[prev].stop == tokens[prev + 1].start
            and tokens[prev + 1].stop == tokens[i].start
        ):
            words[-1] = words[-1] + tokens[prev + 1].text + tokens[i].text
        else:
            words.append(tokens[i].text)
        prev = i
    return tuple(words)


def _function_word(word: str) -> bool:
    """A word the dictionary knows only as a particle, a conjunction, a preposition, an interjection or an
    adverb (``Всё-таки``, ``Даже``, ``Лишь``): capitalized at the start of a line, never a name's."""
    return is_known(word) and all(p.tag.POS in _FUNCTION_POS for p in parses(word))


_FUNCTION_POS = frozenset({"PRCL", "CONJ", "PREP", "INTJ", "ADVB"})


_CUTS = frozenset({"•", ",", ";", ":", "(", ")", "[", "]", "/", "|", "«", "»", '"', "“", "”", "„", "—", "–"})


def _is_particle(word: str) -> bool:
    """``фон``, ``ибн``; ``аль-Хадж``, ``эль-Масри``: a name particle, alone or before a hyphen."""
    lw = word.lower()
    head = lw.split("-", 1)[0]
    return lw in NAME_PARTICLES or (
        (head in NAME_PARTICLES or head in ARTICLE_PREFIXES) and "-" in word and word.split("-", 1)[1][:1].isupper()
    )


def find_people(text: str, sentences: Sequence[Span] = (), tokens=None) -> list[Entity]:
    """Persons, organizations and places named in ``text``; persons first, in order of appearance.
    ``tokens``: the text's :func:`.nlp.tag_compact`, when the caller has it already."""
    from . import nlp

    if tokens is None:
        tokens = nlp.tag_compact(text)
    sentences = sorted(sentences)
    spans = _ner_spans(tokens, text)
    spans = _join_adjacent_persons(
        text,
        _cut_surnames_off_organizations(
            _with_east_asian_surname(
                tokens,
                text,
                _with_patronymic_particles(tokens, text, _first_name_after_place_adjectives(spans, tokens)),
            )
        ),
    )

    places = frozenset(fold(t.text) for sp in spans if sp.kind == "LOC" for t in sp.toks if len(sp.toks) == 1)
    surnames_tagged = frozenset(fold(sp.toks[-1].text) for sp in spans if sp.kind == "PER" and len(sp.toks) <= 3)
    # (the words after the first of each person's name of two words or more: "Скотт Хоровитц (Scott Horowitz)")
    full_name_ends = frozenset(
        fold(t.text) for sp in spans if sp.kind == "PER" for t in _word_tokens(sp.toks)[1:4] if t.text[:1].isupper()
    )
    person_mentions: list[_PersonMention] = []
    originals: list[tuple[_PersonMention, Span, str]] = []
    dropped_end = -10  # where the last name that was no person's ended
    place_stems: set[str] = set()  # the words of settlements' names ("Старая Криуша"): see _settlement_name
    others: dict[tuple[EntityKind, str], list] = {}
    for sp in spans:
        toks = sp.toks
        words = tuple(t.text for t in _word_tokens(toks))
        if not words:
            continue
        span = Span(toks[0].start, toks[-1].stop)
        if (sp.kind == "PER" and _reads_as_organization(words) and fold(words[0]) not in full_name_ends) or (
            sp.kind != "PER" and not _reads_as_person(words) and not _named_as_person_elsewhere(words, surnames_tagged)
        ):
            kind: EntityKind = "organization" if sp.kind in ("ORG", "PER") else "place"
            name = (
                " ".join(words)
                if _quoted_name_as_written(tokens, sp.first, sp.first + len(toks))
                else _norm_org_or_place(list(words), "ORG" if sp.kind == "PER" else sp.kind)
            )
            others.setdefault((kind, _key(name)), []).append((name, span, text[span.start : span.end]))
            continue
        for a, b, name_words in _name_pieces(text, tokens, sp.first, toks, places):
            prev = person_mentions[-1] if person_mentions else None
            if not any(_CYRILLIC.search(w) for w in name_words) and a >= 1 and tokens[a - 1].text == "(":
                if prev is not None and tokens[a - 1].start - prev.span.end <= 2:
                    # "Томас Винье (Thomas Vinje)": the original spelling, one more mention of the same person
                    o = Span(tokens[a].start, tokens[b - 1].stop)
                    originals.append((prev, o, text[o.start : o.end]))
                    continue
                if tokens[a - 1].start - dropped_end <= 2:
                    continue  # the original spelling of a name that was no person's ("Раскассэ (La Rascasse)")
            inside = (
                "always"
                if _between_places(tokens, a, b)
                or _town_after_preposition(tokens, a, b)
                or _dateline(text, tokens, a, b)
                else _inside_other_name(tokens, a, b)
            )
            if inside == "genitive" and _eponym_then_name(tokens, a, name_words):
                # "Жительница улицы Калинина Мария Пак": the street's eponym, then the person
                a, name_words, inside = a + 1, name_words[1:], None
            piece = Span(tokens[a].start, tokens[b - 1].stop)
            if inside == "always":
                dropped_end = piece.end
                if _settlement_name(tokens, a):
                    place_stems.update(fold(w)[:5] for w in name_words)
                continue
            m = _with_regnal_number(
                text, tokens, b, _person_mention(text, tokens, a, b, name_words, piece, sentences, prev)
            )
            if inside is None or (m.form.case not in ("gent", "accs") and not _may_be_genitive(name_words)):
                person_mentions.append(m)
            else:
                dropped_end = piece.end

    person_mentions = _enumerated_persons(text, tokens, spans, person_mentions, sentences)
    _agree_coordinated(text, tokens, tokens, person_mentions, sentences)
    person_mentions = _share_plural_surname(text, tokens, person_mentions, sentences)
    person_mentions = _title_characters(text, tokens, _mark_played_characters(tokens, person_mentions, sentences))
    person_mentions = _by_last_part_of_a_particle_name(_capitalized_particles(person_mentions))
    person_mentions = _oblique_of_a_surname(person_mentions)
    _kin_sharing_a_surname(person_mentions)
    _east_asian_order(person_mentions)
    _surname_first_by_lone_mention(text, person_mentions)
    _particle_names_as_written(person_mentions)
    clusters = _first_of_two_surnames(_merge_partial_clusters(_cluster_persons(person_mentions)))
    clusters = [c for c in clusters if _looks_like_person(c) and not _named_place(text, c, place_stems)]
    clusters = _place_generation_mentions(text, clusters + _untagged_generation(text, tokens, clusters, sentences))
    clusters = _called_by_patronymic(text, _vietnamese_calling_names(clusters))
    _add_recurring_surnames(text, tokens, clusters, sentences)
    surnames: dict[str, int] = {}
    for m in person_mentions:
        if m.surname:
            surnames[_key(m.surname)] = surnames.get(_key(m.surname), 0) + 1
    kept = {id(m) for c in clusters for m in c.mentions}
    entities = [
        _entity_from_cluster(_agree_paradigm(_oblique_reading_wins(_one_reading_per_form(c)), surnames))
        for c in clusters
    ]
    extra: dict[int, list[tuple[Span, str]]] = {}
    for m, o, written in originals:
        if id(m) in kept:
            extra.setdefault(id(m), []).append((o, written))
    if extra:
        entities = [_with_originals(e, c, extra) for e, c in zip(entities, clusters)]
    entities.sort(key=lambda e: e.first_start)
    entities = _merge_stated_aliases(text, entities, frozenset(m.span.start for m in person_mentions if m.listed))
    rest = []
    for (kind, _), items in others.items():
        rest.append(
            Entity(
                name=items[0][0],
                kind=kind,
                mentions=tuple(s for _, s, _ in items),
                details=tuple(Mention(s, t) for _, s, t in items),
            )
        )
    rest.sort(key=lambda e: e.first_start)
    return entities + rest


def _enumerated_persons(
    text: str, tokens, spans: list[_Span], mentions: list[_PersonMention], sentences: Sequence[Span]
) -> list[_PersonMention]:
    """Persons named in the cells of an enumeration (:mod:`.enumerations`): a list, a table, a results
    protocol writes its items in one shape, and the cells at one place of that shape hold things of one
    kind. Where the slot's other cells are persons, a cell is a person too: NER's person the dictionary
    doubts (``• 2:1 — 09:17 Куниц``, ``Вратари: Уорд — Набоков``) is kept, and a cell NER left untagged
    (``• Коффи Коджа (Бенин)`` among ``• Имя Фамилия (Страна)``) is a person when its words may be a
    name's (a first name, a surname, or a word the dictionary does not know). Where the slot's other cells
    are places, NER's person in it is none (``Иван Соколов (Нидеоланды, 37, 2689)``: a misspelt country).
    The mentions come back in text order; the persons the list vouches for are marked ``listed``."""
    from .enumerations import cells, slot_kinds

    table = cells(tokens)
    if len(table) < 2:
        return mentions
    cell_of: dict[int, int] = {}
    for k, c in enumerate(table):
        for i in range(c.start, c.stop):
            cell_of[i] = k
    labels: list[str | None] = [None] * len(table)
    for sp in spans:
        if sp.kind in ("LOC", "ORG"):
            for i in range(sp.first, sp.first + len(sp.toks)):
                if i in cell_of:
                    labels[cell_of[i]] = "place" if sp.kind == "LOC" else "organization"
    in_cell: dict[int, list[_PersonMention]] = {}
    for m in mentions:
        k = cell_of.get(tokens.get(m.span.start, -1), -1)
        if k >= 0:
            labels[k] = "person"
            in_cell.setdefault(k, []).append(m)
    verdicts = slot_kinds(table, labels)
    dropped: set[int] = set()
    added: list[_PersonMention] = []
    for k, (c, lab, verdict) in enumerate(zip(table, labels, verdicts)):
        if verdict == "place" and lab == "person":
            dropped.update(id(m) for m in in_cell[k])
        elif verdict == "person" and lab == "person":
            for m in in_cell[k]:
                m.listed = True
        elif verdict == "person" and lab is None and _may_be_a_name(tokens, c.start, c.stop):
            words = tuple(tokens[i].text for i in range(c.start, c.stop))
            span = Span(tokens.starts[c.start], tokens.stops[c.stop - 1])
            m = _person_mention(text, tokens, c.start, c.stop, words, span, sentences)
            m.listed = True
            added.append(m)
    if not dropped and not added:
        return mentions
    kept = [m for m in mentions if id(m) not in dropped]
    return sorted(kept + added, key=lambda m: m.span.start) if added else kept


def _may_be_a_name(tokens, a: int, b: int) -> bool:
    """Tokens ``a .. b-1`` may be a person's name: one to four words, none written in capitals only, each
    a first name, a patronymic or a surname to the dictionary, a name particle, or a capitalized word it
    does not know (and no place's name)."""
    if not 1 <= b - a <= 4:
        return False
    for i in range(a, b):
        w = tokens[i].text
        if _is_particle(w):
            continue
        if w.isupper() or not w.replace("-", "").isalpha():
            return False
        ps = parses(w)
        if any("Geox" in p.tag for p in ps):
            return False
        if is_known(w) and not any(has_name_tag(p.tag) for p in ps):
            return False
    return True


def _named_as_person_elsewhere(words: tuple[str, ...], surnames: frozenset[str]) -> bool:
    """ "эксперт Фейсал аль-Харби" that NER calls a place, where "заявил аль-Харби" it calls a person: a name of two
    words whose last word is the last word of a person's name elsewhere in the text, and whose first word is no
    word of the dictionary but a name or an unknown one (not "Театр", not a place)."""
    if len(words) != 2 or fold(words[-1]) not in surnames or not words[0][:1].isupper() or words[0].isupper():
        return False
    ps = parses(words[0])
    if any("Geox" in p.tag or "Orgn" in p.tag for p in ps):
        return False
    return not is_known(words[0]) or any("Name" in p.tag and p.tag.number == "sing" for p in ps)


def _reads_as_organization(words: tuple[str, ...]) -> bool:
    """A lone word NER calls a person's that the dictionary reads (or, for a word it lacks, guesses) only as an
    inanimate organization's name: an institution's stump compound (``Главсевморпути``, ``Минздрава``). (The
    caller keeps a word that closes a person's name elsewhere: "сказал Хоровитц" after "Скотт Хоровитц".)"""
    if len(words) != 1:
        return False
    ps = parses(words[0])
    return bool(ps) and all("Orgn" in p.tag and p.tag.animacy == "inan" for p in ps)


def _reads_as_person(words: tuple[str, ...]) -> bool:
    """A name NER calls a place's or an organization's that the dictionary reads as a person's: a first name
    (a compound one by its first part: ``Ахмат-Хаджи``), [a patronymic,] a surname — each word one the
    dictionary knows so, in the singular, and none the name of a place or an organization (``Южной Осетии``,
    ``Нижнего Новгорода`` are places). A street or a fund named after the person is left out later, as any
    name inside another name (``проспект Ахмата Кадырова``)."""
    # (a family name with the Arabic article is a surname by its shape: "Фейсал аль-Харби")
    article_surname = "-" in words[-1] and _is_particle(words[-1]) and words[-1][:1].islower()
    if len(words) not in (2, 3) or not all(
        (w[:1].isupper() or (k == len(words) - 1 and article_surname)) and not w.isupper() for k, w in enumerate(words)
    ):
        return False

    def reads(word: str, tag: str) -> bool:
        ps = parses(word)
        if any("Geox" in p.tag or "Orgn" in p.tag for p in ps):
            return False
        return any(tag in p.tag and p.tag.number == "sing" for p in ps)

    if not reads(words[0].split("-", 1)[0], "Name") or not (article_surname or reads(words[-1], "Surn")):
        return False
    return len(words) == 2 or reads(words[1], "Patr")


def _add_recurring_surnames(text: str, tokens, clusters: list[_Cluster], sentences: Sequence[Span]) -> None:
    """A surname the text gives a person is that person where it recurs and NER missed it
    (``Топалов — Нисипяну 1:0`` in a results table, ``Понтеса спросили …``): a capitalized word outside
    any NER span whose written form, or nominative, is a surname of exactly one person found."""
    by_form: dict[str, _Cluster | None] = {}
    for c in clusters:
        for m in c.mentions:
            if m.surname and m.words and " " not in m.surname:
                for f in {fold(m.words[-1]), fold(m.surname)}:
                    by_form[f] = c if by_form.get(f, c) is c else None  # two persons: neither
    if not by_form:
        return
    prefixes = {f[:3] for f in by_form}
    added: dict[int, list[_PersonMention]] = {}
    for i, tk in _untagged_capitalized(tokens):
        w = tk.text
        if len(w) < 3 or w.isupper() or fold(w)[:3] not in prefixes:
            continue
        if i >= 1 and tokens[i - 1].text[:1].isupper() and tokens[i - 1].text.isalpha():
            continue  # another first name before it: maybe another person of that surname
        owner = by_form.get(fold(w))
        if owner is None and fold(w) not in by_form and _name_like(w):
            form = normalize_name((w,), _hint(text, tokens, i, i + 1, (w,)))
            owner = by_form.get(fold(form.words[0]))
        if owner is None or _inside_other_name(tokens, i, i + 1) is not None:
            continue
        m = _person_mention(text, tokens, i, i + 1, (w,), Span(tk.start, tk.stop), sentences)
        if m.surname and _same_surname(m.surname, owner.surname):
            added.setdefault(id(owner), []).append(m)
    for c in clusters:
        if id(c) in added:
            c.mentions = sorted(c.mentions + added[id(c)], key=lambda m: m.span.start)


def _with_originals(e: Entity, c: _Cluster, extra: dict[int, list[tuple[Span, str]]]) -> Entity:
    """The entity with the original (Latin) spellings given in brackets after its mentions."""
    more = [x for m in c.mentions for x in extra.get(id(m), ())]
    if not more:
        return e
    return _with_mentions(e, tuple(Mention(s, w) for s, w in more))


def _with_mentions(e: Entity, more: tuple[Mention, ...]) -> Entity:
    """The entity with ``more`` mentions, all kept in text order."""
    details = tuple(sorted(e.details + more, key=lambda d: d.span.start))
    return replace(e, mentions=tuple(sorted(e.mentions + tuple(m.span for m in more))), details=details)


_ALIAS_GAP = re.compile("|".join(f"(?:{g})" for g in ALIAS_GAPS), re.I)


def _merge_stated_aliases(text: str, people: list[Entity], listed: frozenset[int] = frozenset()) -> list[Entity]:
    """One entry for a person the text gives two names: an alias it states between them (``Боширов,
    настоящая фамилия которого Чепига``, ``(он же …)``, ``под псевдонимом …``) or a surname alone in brackets
    right after a name (``Екатерина Аталык (Половникова)``: a maiden or former name). The second name's
    mentions join the person named first, whose name the entry keeps; no alias is guessed otherwise. A name
    in brackets that is a cell of an enumeration (its mention starts at an offset in ``listed``: ``Хитли
    (Гецлаф)`` among ``Бернс (Рой, Грин)``) is another person: that list's brackets hold the assistants."""
    marks = sorted((m, i) for i, e in enumerate(people) for m in e.mentions)
    into: dict[int, int] = {}
    for (a, i), (b, j) in zip(marks, marks[1:]):
        i, j = into.get(i, i), into.get(j, j)
        if i == j or b.start - a.end > 80:
            continue
        gap = fold(text[a.end : b.start])
        bracketed = (
            re.fullmatch(r"\s*\(\s*", gap) is not None
            and re.match(r"\s*\)", text[b.end :]) is not None
            and " " not in text[b.start : b.end].strip()
            and b.start not in listed
        )
        if bracketed or _ALIAS_GAP.fullmatch(gap):
            into[j] = i
    out = [_with_untagged_alias(text, e, marks) for e in people]
    if not into:
        return out
    for j, i in into.items():
        while i in into:
            i = into[i]
        e, other = out[i], out[j]
        out[i] = _with_mentions(e, other.details)
    return [e for k, e in enumerate(out) if k not in into]


_ALIAS_THEN_NAME = re.compile(
    f"(?:{_ALIAS_GAP.pattern})" + r"[«\"„“]?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])", re.I
)


def _noun_lemmas(word: str) -> set[str]:
    """The word itself and the normal forms of its noun readings (``Ёршом`` → ``ёрш``: its first reading is an
    adverb)."""
    return {fold(word)} | {fold(p.normal_form) for p in parses(word) if p.tag.POS == "NOUN"}


def _with_untagged_alias(text: str, e: Entity, marks) -> Entity:
    """A stated alias the NER did not tag (``Боширов, настоящая фамилия которого Чепига``): the capitalized
    word after the statement is a mention of the person, and so is that word where it recurs as written."""
    taken = [m for m, _ in marks]
    found: list[Span] = []
    for m in e.mentions:
        hit = _ALIAS_THEN_NAME.match(fold(text[m.end : m.end + 80]))
        if hit is None or not text[m.end + hit.start(1)].isupper():
            continue
        word = text[m.end + hit.start(1) : m.end + hit.end(1)]
        # (a nickname is given in the case its verb governs, «Ёршом», and recurs in any: "Ёрш сегодня …")
        key, stem = _noun_lemmas(word), word[: max(2, len(word) - 3)]
        for w in re.finditer(rf"(?<![\w-]){re.escape(stem)}[а-яё]*(?![\w-])", text):
            if w.group() != word and not key & _noun_lemmas(w.group()):
                continue
            s = Span(w.start(), w.end())
            if not any(s.overlaps(t) for t in taken + found):
                found.append(s)
    if not found:
        return e
    return _with_mentions(e, tuple(Mention(s, text[s.start : s.end]) for s in found))


def persons(entities: Iterable[Entity]) -> list[Entity]:
    return [e for e in entities if e.kind == "person"]
