"""People, organizations and places: natasha's slovnet NER + pymorphy3 nominative forms.

:func:`find_people` returns one :class:`Entity` per person (nominative, fullest form the dispatch gives,
every mention's span kept), per organization and per place. Names are put in the nominative by choosing
the case and gender that the name's tokens agree on (pymorphy3's Name/Surn/Patr tags weigh most), then
inflecting each token — so ``Сироджиддином Мухриддином`` becomes ``Сироджиддин Мухриддин`` and
``Олафу Шольцу`` becomes ``Олаф Шольц`` while indeclinable ``Шойгу``/``Сомони`` stay as written.
A role given in apposition right before a name (``министр иностранных дел Республики Казахстан Ермек
Кошербаев``) is kept, its head put in the nominative.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Literal, Sequence

from ..model import Span
from .lexicon.roles import (EXTRA_ROLE_HEADS, NAME_PARTICLES, NOT_ROLE_HEADS, POSSESSIVE_ROLE_HEADS,
                            ROLE_MODIFIERS)
from .morph import get_morph

EntityKind = Literal["person", "organization", "place"]
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NAME_TAGS = ("Name", "Surn", "Patr")


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity."""

    span: Span
    text: str                       # as written
    case: str | None = None         # grammatical case the mention stands in ("nomn" = likely a subject)
    role: str | None = None         # apposition role before the mention, nominative
    role_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organization or place named in the dispatch."""

    name: str                                   # nominative, fullest form
    kind: EntityKind = "person"
    role: str | None = None                     # first apposition role found, nominative
    mentions: tuple[Span, ...] = ()
    gender: str | None = None                   # "masc" | "femn" | None (persons)
    first: str | None = None                    # first name (persons)
    surname: str | None = None                  # surname (persons)
    details: tuple[Mention, ...] = field(default=(), compare=False)

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.role for m in self.details if m.role))

    @property
    def first_start(self) -> int:
        return self.mentions[0].start if self.mentions else 0


# --------------------------------------------------------------------------------------------------
# morphology helpers (cached)


@lru_cache(maxsize=100_000)
def parses(word: str):
    return tuple(get_morph().parse(word.lower().replace("ё", "е")))


@lru_cache(maxsize=100_000)
def is_known(word: str) -> bool:
    return get_morph().word_is_known(word.lower().replace("ё", "е"))


def match_case(src: str, dst: str) -> str:
    """Give ``dst`` the capitalization pattern of ``src`` (per hyphen part)."""
    if src.isupper() and len(src) > 1:
        return dst.upper()
    sp, dp = src.split("-"), dst.split("-")
    if len(sp) == len(dp):
        return "-".join(d.capitalize() if s[:1].isupper() else d for s, d in zip(sp, dp))
    return dst.capitalize() if src[:1].isupper() else dst


def _is_initial(word: str) -> bool:
    return len(word) <= 2 and word[:1].isupper() and word.isalpha() and (len(word) == 1 or word[1].islower())


_MASC_ENDINGS = {"gent": ("а", "я"), "accs": ("а", "я"), "datv": ("у", "ю"), "ablt": ("ом", "ем", "ём"),
                 "loct": ("е",)}


def _guess_nominative(word: str, case: str, gender: str) -> str | None:
    """A surface-based nominative for an unknown masculine name (``Шольцу`` → ``Шольц``)."""
    if gender != "masc" or case == "nomn":
        return None
    w = word.lower()
    for end in _MASC_ENDINGS.get(case, ()):
        if w.endswith(end) and len(w) - len(end) >= 3:
            stem = word[: len(word) - len(end)]
            if stem[-1:].lower() in "аеёиоуыэюяй":
                return None
            if end in ("я", "ю", "ем", "е") and stem[-1:].lower() not in "жшчщц":
                return stem + "ь" if end in ("я", "ю", "ем") else stem
            return stem
    return None


def _stem_ok(word: str, nominative: str, adjectival: bool = False) -> bool:
    w, n = word.lower().replace("ё", "е"), nominative.lower().replace("ё", "е")
    k = min(len(w), len(n))
    common = 0
    while common < k and w[common] == n[common]:
        common += 1
    slack = 3 if adjectival else 2
    if common < len(w) - slack or common < len(n) - slack:
        return False
    # a guessed masculine nominative does not end in a vowel ("Сайкыа" is no genitive of "Сайкы")
    return not (n != w and n[-1:] in "аеиоуыэюя" and w[-1:] in "аяуюе")


def _name_part_options(part: str, case: str, gender: str,
                       hint_nomn: bool = False) -> tuple[float, str | None, str | None]:
    """(weight, nominative, name tag) of the best reading of one name part in (case, gender)."""
    best: tuple[float, str | None, str | None] = (0.0, None, None)
    known = is_known(part)
    for p in parses(part):
        t = p.tag
        adjf = t.POS == "ADJF" and part[:1].isupper() and not known
        if t.POS != "NOUN" and not adjf:
            continue
        if "Patr" in t and not known:
            continue
        if t.number == "plur" and "Fixd" not in t:
            continue
        fixd = "Fixd" in t
        if t.case != case and not (fixd or (case == "accs" and t.case == "gent")):
            continue
        first_decl = False
        if t.gender is not None and t.gender != gender:
            # "Аксары" → "Аксара": an unknown name of the -а declension may be a man's (Никита, Илья)
            if not (gender == "masc" and not known and "Name" in t and t.gender == "femn"
                    and p.normal_form[-1:] in ("а", "я") and t.number == "sing"):
                continue
            first_decl = True
        tag = next((n for n in NAME_TAGS if n in t), None) if not adjf else "Surn"
        w = 1.0 if tag else (0.6 if t.animacy == "anim" else 0.3)
        if first_decl:
            w = 0.5
        if adjf:
            w = 0.7
        elif not known:
            w *= 0.8
        if fixd:
            w -= 0.15
        w += 0.3 * p.score
        if fixd or case == "nomn":
            nom = part
        else:
            inf = p.inflect({"nomn", "sing"} if t.number else {"nomn"})
            if adjf:
                inf = p.inflect({"nomn", "sing", gender})
            if gender == "femn" and tag == "Surn" and inf is not None:
                inf = p.inflect({"nomn", "sing", "femn"}) or inf
            nom = inf.word if inf is not None else None
            if first_decl:
                nom = p.normal_form
            if nom is None:
                continue
            if not known and not _stem_ok(part, nom, adjf):
                continue
        if w > best[0]:
            best = (w, nom, tag)
    if best[0] == 0.0 and known and case == "nomn" and hint_nomn:
        best = (0.25, part, None)       # "известная Ванга": a name the dictionary knows as something else
    if best[0] == 0.0 and not known:
        if case == "nomn":
            best = (0.25, part, None)   # an unknown word, read as written
        else:
            g = _guess_nominative(part, case, gender)
            if g is not None:
                clear = part.lower().endswith(("у", "ю", "ом", "ем", "ём"))   # no nominative ends so
                best = (0.3 if clear else 0.2, g.lower(), None)
    return best


@dataclass(frozen=True, slots=True)
class NameForm:
    words: tuple[str, ...]          # nominative, capitalized as written
    case: str | None
    gender: str | None
    tags: tuple[str | None, ...]    # Name / Surn / Patr / None per word (None for initials, particles)
    gender_evidence: bool = False


#: Cases a preposition right before a name allows.
PREPOSITION_CASES: dict[str, frozenset[str]] = {
    "с": frozenset({"ablt", "gent"}), "со": frozenset({"ablt", "gent"}), "к": frozenset({"datv"}),
    "ко": frozenset({"datv"}), "о": frozenset({"loct"}), "об": frozenset({"loct"}), "обо": frozenset({"loct"}),
    "при": frozenset({"loct"}), "у": frozenset({"gent"}), "от": frozenset({"gent"}), "для": frozenset({"gent"}),
    "без": frozenset({"gent"}), "из": frozenset({"gent"}), "до": frozenset({"gent"}),
    "после": frozenset({"gent"}), "против": frozenset({"gent"}), "около": frozenset({"gent"}),
    "по": frozenset({"datv"}), "за": frozenset({"ablt", "accs"}), "перед": frozenset({"ablt"}),
    "между": frozenset({"ablt"}), "над": frozenset({"ablt"}), "под": frozenset({"ablt", "accs"}),
    "про": frozenset({"accs"}), "через": frozenset({"accs"}),
}


@dataclass(frozen=True, slots=True)
class NameHint:
    """What the words around a name say about its case and gender.

    ``strict`` hints (an agreeing adjective ``известная Ванга``, a preposition ``с Олафом``, a list number)
    rule other readings out; soft ones (a role noun in apposition ``генерал-лейтенанта Аксары``) favour.
    """

    cases: frozenset[str]
    gender: str | None = None
    strict: bool = True


@lru_cache(maxsize=20_000)
def normalize_name(words: tuple[str, ...], hint: NameHint | None = None) -> NameForm:
    """Put a personal name (its tokens) in the nominative, choosing the case/gender they agree on.

    ``hint`` (from the context) favours — or, when strict, all but imposes — a case and gender.
    """
    core = [i for i, w in enumerate(words)
            if w[:1].isalpha() and not _is_initial(w) and w.lower() not in NAME_PARTICLES]
    latin = all(re.fullmatch(r"[A-Za-z'.\-]+", words[i]) for i in core) if core else False
    if not core or latin:
        return NameForm(tuple(words), None, None, tuple(None for _ in words))
    best = None
    for ci, case in enumerate(CASES):
        for gi, gender in enumerate(("masc", "femn")):
            total, noms, tags, evidence = 0.0, {}, {}, False
            for i in core:
                parts = words[i].split("-")
                part_noms = []
                tag = None
                for k, part in enumerate(parts):
                    w, nom, t = _name_part_options(part, case, gender, hint is not None and hint.strict
                                                   and "nomn" in hint.cases)
                    if k == len(parts) - 1 or len(parts) == 1:
                        total += w
                        tag = t
                    part_noms.append(nom if nom is not None else part)
                    if t in ("Name", "Patr", "Surn") and w >= 0.9:
                        evidence = True
                noms[i] = "-".join(part_noms)
                tags[i] = tag
            # a name reads "first [patronymic] surname": reward readings with that shape
            if len(core) >= 2:
                if tags.get(core[-1]) == "Surn":
                    total += 0.3
                if tags.get(core[0]) == "Name":
                    total += 0.2
            if hint is not None:
                fits = case in hint.cases and hint.gender in (None, gender)
                total += 0.3 if fits else (-0.8 if hint.strict else 0.0)
            key = (round(total, 6), -ci, -gi)
            if best is None or key > best[0]:
                best = (key, case, gender, noms, tags, evidence)
    _, case, gender, noms, tags, evidence = best
    out = tuple(match_case(words[i], noms[i]) if i in noms else words[i] for i in range(len(words)))
    return NameForm(out, case, gender, tuple(tags.get(i) for i in range(len(words))), evidence)


def inflect_phrase(words: Sequence[str], case: str = "nomn", *, number: str | None = None,
                   source_case: str | None = None) -> list[str]:
    """Inflect the leading ``ADJ* NOUN`` group of a phrase to ``case``; the rest is kept as written.

    ``министром иностранных дел`` → ``министр иностранных дел``; ``Южной Азии`` → ``Южная Азия``.
    ``number`` forces "sing"/"plur"; by default singular readings are preferred.
    """
    words = list(words)
    if not words:
        return words
    head = None
    for i, w in enumerate(words):
        ps = parses(w)
        if not ps:
            break
        if any(p.tag.POS == "NOUN" for p in ps) and not all(p.tag.POS in ("ADJF", "PRTF") for p in ps[:1]):
            head = i
            break
        if not any(p.tag.POS in ("ADJF", "PRTF") for p in ps):
            break
    if head is None:
        return words
    best = None
    for p in parses(words[head]):
        t = p.tag
        if t.POS != "NOUN":
            continue
        if number and t.number and t.number != number and "Fixd" not in t:
            continue
        if source_case and t.case != source_case and "Fixd" not in t \
                and not (source_case == "accs" and t.case == "gent"):
            continue
        adj = []
        score = p.score + (0.5 if t.number != "plur" else 0.0)
        for w in words[:head]:
            cand = [a for a in parses(w) if a.tag.POS in ("ADJF", "PRTF") and a.tag.case == t.case
                    and a.tag.number == t.number and (t.number == "plur" or a.tag.gender in (t.gender, None))]
            if not cand:
                score -= 1.0
                adj.append(None)
            else:
                adj.append(cand[0])
        if best is None or score > best[0]:
            best = (score, p, adj)
    if best is None:
        return words
    _, p, adj = best
    t = p.tag
    if t.case == case:
        return words
    num = t.number or "sing"
    out = list(words)
    inf = p.inflect({case, num}) if "Fixd" not in t else None
    if inf is not None:
        out[head] = match_case(words[head], inf.word)
    elif "Fixd" not in t:
        return words
    g = (inf.tag.gender if inf is not None else t.gender)
    for i, a in enumerate(adj):
        if a is None:
            continue
        feats = {case, "plur"} if num == "plur" else {case, "sing"} | ({g} if g in ("masc", "femn", "neut") else set())
        ai = a.inflect(feats)
        if ai is not None:
            out[i] = match_case(words[i], ai.word)
    return out


# --------------------------------------------------------------------------------------------------
# NER spans


@dataclass(slots=True)
class _Span:
    kind: str
    toks: list  # nlp.Token
    first: int  # index of toks[0] in the text's tokens


def _ner_spans(tokens) -> list[_Span]:
    spans: list[_Span] = []
    cur: _Span | None = None
    tags = tokens.tags if hasattr(tokens, "tags") else [t.tag for t in tokens]
    for i, tag in enumerate(tags):       # Token objects only for the tokens of a name
        if tag == "O":
            cur = None
            continue
        bio, kind = tag.split("-", 1)
        if bio == "B" or cur is None or cur.kind != kind:
            cur = _Span(kind, [tokens[i]], i)
            spans.append(cur)
        else:
            cur.toks.append(tokens[i])
    return spans


_WORDLIKE = re.compile(r"[^\W\d_]", re.U)
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")


def _word_tokens(toks) -> list:
    return [t for t in toks if _WORDLIKE.search(t.text)]


def _role_head_ok(p, name_case: str | None) -> bool:
    t = p.tag
    if t.POS != "NOUN" or any(n in t for n in NAME_TAGS) or len(p.word) < 3:
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
        if not _WORDLIKE.search(w):
            if w in ("«", "»", '"', "-") and (modifiers or (w in ("»", '"') and j == idx - 1)):
                j -= 1
                continue
            break
        lw = w.lower()
        ps = parses(w)
        sent_initial = (j == 0 or tokens[j].start <= sent_start or tokens[j - 1].text in (".", "!", "?", "\n"))
        if (w[:1].islower() or sent_initial) and any(_role_head_ok(p, name_case) for p in ps) \
                and tk.tag == "O":
            head = j
            break
        # a modifier between the head and the name: genitive words, proper names, abbreviations
        if w[:1].isupper() or w.isupper():
            modifiers += 1
            j -= 1
            continue
        if lw in ("и",) and modifiers:
            modifiers += 1
            j -= 1
            continue
        if any(p.tag.case in ("gent",) and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in ps):
            modifiers += 1
            j -= 1
            continue
        break
    if head is None:
        return None
    start = head
    # adjectives opening the role ("бывший министр", "первый вице-премьер")
    k = head - 1
    while k >= 0 and tokens[k].start >= sent_start and head - k <= 2:
        w = tokens[k].text
        if w[:1].isalpha() and w.lower().replace("ё", "е") in ROLE_MODIFIERS or (
                w[:1].islower() and any(p.tag.POS == "ADJF" and p.normal_form in ROLE_MODIFIERS for p in parses(w))):
            start = k
            k -= 1
            continue
        break
    words = [t.text for t in tokens[start:head + 1]]
    span_text = text[tokens[start].start:tokens[idx - 1].stop]
    norm = inflect_phrase(words, "nomn", source_case=name_case)
    # the modifiers as written, quotation marks and all ("аналитик ФК «Открытие»")
    tail = " ".join(text[tokens[head + 1].start:tokens[idx - 1].stop].split()) if head + 1 < idx else ""
    role = " ".join(norm + ([tail] if tail else []))
    if role[:1].isupper() and not words[0].isupper() and not (len(words[0]) > 1 and words[0][1].isupper()):
        role = role[:1].lower() + role[1:]
    if not role:
        return None
    del span_text
    cases = frozenset(str(p.tag.case) for p in parses(tokens[head].text) if _role_head_ok(p, name_case))
    return role, Span(tokens[start].start, tokens[idx - 1].stop), cases


# --------------------------------------------------------------------------------------------------
# clustering persons


def _key(s: str | None) -> str:
    return (s or "").lower().replace("ё", "е")


def _same_surname(a: str | None, b: str | None) -> bool:
    a, b = _key(a), _key(b)
    if not a or not b:
        return False
    if a == b:
        return True
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k >= 4 and k >= max(len(a), len(b)) - 3 and k >= min(len(a), len(b)) - 1


def _same_first(a: str | None, b: str | None) -> bool:
    a, b = _key(a).split(" ")[0].rstrip("."), _key(b).split(" ")[0].rstrip(".")
    if not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b or _same_surname(a, b)


@dataclass
class _PersonMention:
    span: Span
    text: str
    form: NameForm
    first: str | None
    patr: str | None
    surname: str | None
    initials: tuple[str, ...]
    role: tuple[str, Span, frozenset] | None     # (role, span, cases its head noun can stand in)
    weight: float
    words: tuple[str, ...] = ()                  # the name's words as written


@dataclass
class _Cluster:
    mentions: list[_PersonMention] = field(default_factory=list)
    surname_key: str | None = None      # the paradigm the mentions agree on (see _agree_paradigm)
    gender: str | None = None

    @property
    def best(self) -> _PersonMention:
        def score(m: _PersonMention):
            return (m.weight, m.form.case == "nomn", -m.span.start)
        return max(self.mentions, key=score)

    def _heaviest(self, key: str, pred) -> "_PersonMention | None":
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


def _split_name(form: NameForm, words: tuple[str, ...]) -> tuple[str | None, str | None, str | None, tuple[str, ...]]:
    """(first, patronymic, surname, initials) of a nominative name."""
    ws = list(form.words)
    initials = tuple(w for w in ws if _is_initial(w))
    core = [(i, w) for i, w in enumerate(ws) if not _is_initial(w) and w.lower() not in NAME_PARTICLES]
    tags = form.tags
    if not core:
        return None, None, None, initials
    if len(core) == 1:
        i, w = core[0]
        tag = tags[i]
        if initials:
            return initials[0], None, w, initials
        # a lone first name ("Лиза") vs a lone surname ("Кошербаев")
        ps = parses(w)
        name_score = sum(p.score for p in ps if "Name" in p.tag)
        surn_score = sum(p.score for p in ps if "Surn" in p.tag)
        if tag == "Name" and name_score > surn_score and w[:1].isupper():
            return w, None, None, initials
        return None, None, w, initials
    patr = next((w for i, w in core if tags[i] == "Patr"), None)
    rest = [(i, w) for i, w in core if w != patr]
    if not rest:
        return None, patr, None, initials
    if len(rest) == 1:
        i, w = rest[0]
        return (w, patr, None, initials) if tags[i] == "Name" else (None, patr, w, initials)
    if len(rest) == 2 and tags[rest[0][0]] == "Surn" and tags[rest[1][0]] == "Name" and patr is None:
        return rest[1][1], None, rest[0][1], initials   # "Лабазанов Чингиз"
    # particles keep their place: "Авраам ибн Эзра" → surname "ибн Эзра"
    first = rest[0][1]
    if len(rest) > 2 and patr is None:
        # "Реджеп Тайип Эрдоган": two given names
        first = " ".join(w for _, w in rest[:-1])
    last_i = rest[-1][0]
    surname = " ".join(ws[k] for k in range(rest[0][0] + 1 if len(rest) > 1 else 0, last_i + 1)
                       if ws[k].lower() in NAME_PARTICLES) or ""
    surname = (surname + " " + rest[-1][1]).strip()
    return first, patr, surname, initials


def _cluster_persons(mentions: list[_PersonMention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    last_seen: dict[int, int] = {}

    def recent(cands):
        return max(cands, key=lambda c: last_seen[id(c)])

    for m in mentions:
        target = None
        if m.surname:
            same = [c for c in clusters if _same_surname(c.surname, m.surname)]
            if m.first:
                exact = [c for c in same if c.first and _same_first(c.first, m.first)]
                bare = [c for c in same if not c.first]
                if not bare:
                    # a lone word read as a first name earlier may be this surname ("Джонсон")
                    bare = [c for c in clusters if not c.surname and c.first
                            and _same_surname(c.first, m.surname) and not any(x.patr for x in c.mentions)]
                if exact:
                    target = recent(exact)
                elif len(bare) == 1:
                    target = bare[0]
            elif same:
                target = recent(same)
            if target is None and not m.first:
                # a lone word NER calls a person could be a first name seen before ("Алла")
                byfirst = [c for c in clusters if _same_first(c.first, m.surname) and c.first
                           and len(c.first) > 1]
                if byfirst and not same:
                    target = recent(byfirst)
        elif m.first:
            byfirst = [c for c in clusters if c.first and _same_first(c.first, m.first)
                       and len(_key(c.first)) > 1
                       and (not m.patr or any(_key(x.patr) == _key(m.patr) for x in c.mentions))]
            bysurname = [c for c in clusters if _same_surname(c.surname, m.first)]
            if byfirst:
                target = recent(byfirst)
            elif bysurname:
                target = recent(bysurname)
        if target is None:
            target = _Cluster()
            clusters.append(target)
        target.mentions.append(m)
        last_seen[id(target)] = m.span.start
    return clusters


def _looks_like_person(c: _Cluster) -> bool:
    """Drop NER persons that are no names: bare initials, a capitalized common noun ("Супруга")."""
    if not any(m.surname or (m.first and len(m.first.rstrip(".")) > 1) for m in c.mentions):
        return False
    words = {w for m in c.mentions for w in m.form.words if not _is_initial(w)}
    if len(words) == 1:
        (w,) = words
        if is_known(w) and not any(any(n in p.tag for n in NAME_TAGS) for p in parses(w)):
            return False
    return True


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
        return bool(m.first) and len(m.first.rstrip(".")) > 1 and _key(m.first) == _key(first) \
            and (not m.patr or not patr or _key(m.patr) == _key(patr))
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
            cands = [b for b in out if b is not a and any(m.surname for m in b.mentions)
                     and any(_initials_agree(m, first, patr) for m in b.mentions)]
        else:
            cands = [b for b in out if b is not a and any(m.surname for m in b.mentions)
                     and any(m.first and m.surname and _key(m.first) == _key(first) for m in b.mentions)]
        if len(cands) == 1:
            b = cands[0]
            b.mentions = sorted(b.mentions + a.mentions, key=lambda m: m.span.start)
            out.remove(a)
    return out


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
    scores = dict(own)
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
    named = [m for m in c.mentions if m.first and len(m.first.rstrip(".")) > 1 and m.surname
             and m.form.gender_evidence and m.form.gender in ("masc", "femn") and m.words]
    any_case = frozenset(CASES)
    clear = [m.form.gender for m in named
             if not normalize_name(m.words, NameHint(any_case, "femn" if m.form.gender == "masc" else "masc"))
             .gender_evidence]
    votes = clear or [m.form.gender for m in named]
    gender = None
    if votes:
        top = max(votes.count(g) for g in votes)
        gender = next(g for g in votes if votes.count(g) == top)
    pool = scores
    if gender is not None:
        pool = {k: v for k, v in scores.items() if (k[-1:] in ("а", "я")) == (gender == "femn")} or scores
    best_key = max(pool, key=lambda k: (pool[k], k == _key(c.best.surname)))
    if all(k == best_key for k in own):
        return c
    if gender is None:
        gender = "femn" if best_key[-1:] in ("а", "я") else "masc"
    c.surname_key, c.gender = best_key, gender
    mentions = []
    for m in c.mentions:
        if m.surname and _key(m.surname) != best_key and m.words:
            form = normalize_name(m.words, NameHint(any_case, gender))
            first, patr, surname, initials = _split_name(form, m.words)
            if surname and _key(surname) == best_key:
                if m.initials and first and len(first) == 1:
                    first = m.first
                role = m.role
                if role is not None and form.case not in role[2] and not (
                        {form.case, *role[2]} <= {"gent", "accs"}):
                    role = None
                m = _PersonMention(m.span, m.text, form, first or m.first, patr, surname,
                                   m.initials, role, m.weight, m.words)
        mentions.append(m)
    c.mentions = mentions
    return c


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
    firsts = [m.first for m in c.mentions if m.first and len(m.first.rstrip(".")) > 1 and m.surname] or \
        [m.first for m in c.mentions if m.first and len(m.first.rstrip(".")) > 1]
    firsts = [f for f in firsts if " " not in f]
    if first and " " not in first and len(first.rstrip(".")) > 1 and len({_key(f) for f in firsts}) > 1:
        first = _vote(firsts) or first
    surname = best.surname or c.surname
    surnames = [m.surname for m in c.mentions if m.surname]
    if c.surname_key is not None:
        surname = next((x for x in surnames if _key(x) == c.surname_key), None) or \
            match_case(surname or "", c.surname_key)
    elif surname and len({_key(x) for x in surnames}) > 1:
        surname = _vote(surnames) or surname
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
        parts.append(surname)
    name = " ".join(parts) if parts else " ".join(best.form.words)
    genders = [m.form.gender for m in c.mentions if m.form.gender_evidence and m.form.gender]
    # (on a tie, the first mention's: no set order, which changes from run to run)
    gender = max(genders, key=genders.count) if genders else None
    if c.gender is not None:
        gender = c.gender
    elif surname and gender is None and any(m.surname == surname and m.form.gender for m in c.mentions):
        gender = next(m.form.gender for m in c.mentions if m.surname == surname and m.form.gender)
    details = tuple(Mention(m.span, m.text, m.form.case, m.role[0] if m.role else None,
                            m.role[1] if m.role else None) for m in c.mentions)
    role = next((m.role[0] for m in c.mentions if m.role), None)
    return Entity(name=name, kind="person", role=role, mentions=tuple(m.span for m in c.mentions),
                  gender=gender, first=first, surname=surname, details=details)


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


def _norm_org_or_place(words: list[str], kind: str) -> str:
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
    if "\n" in text[prev.stop:tokens[i0].start]:
        return NameHint(frozenset({"nomn"}))          # a line opens with it: a label, a list entry
    w = prev.text
    if w == "." and i0 >= 2 and _LIST_NUMBER.fullmatch(tokens[i0 - 2].text):
        return NameHint(frozenset({"nomn"}))          # "3. Аркади Патаркацишвили — 6,69 %"
    if not w[:1].islower() or prev.tag != "O":
        return None
    lw = w.lower().replace("ё", "е")
    if lw in PREPOSITION_CASES:
        return NameHint(PREPOSITION_CASES[lw])
    ps = parses(w)
    if not ps:
        return None
    if ps[0].tag.POS == "ADJF" and "Apro" not in ps[0].tag:
        # an agreeing adjective: "всемирно известная Ванга" (not a participle: "обещанный Авелем")
        adj = [p for p in ps if p.tag.POS == "ADJF" and p.tag.number == "sing"]
        if not adj:
            return None
        genders = {str(p.tag.gender) for p in adj if p.tag.gender in ("masc", "femn")}
        return NameHint(frozenset(str(p.tag.case) for p in adj),
                        genders.pop() if len(genders) == 1 else None)
    core = [x for x in words if not _is_initial(x) and x.lower() not in NAME_PARTICLES]
    if len(core) >= 2:
        # a role noun in apposition: "генерал-лейтенанта Аксары Кердпола" (a lone surname after a noun is
        # often a genitive of possession instead: "адвокат Галиева")
        roles = [p for p in ps if _role_head_ok(p, None)
                 and p.normal_form.replace("ё", "е") not in POSSESSIVE_ROLE_HEADS]
        if roles:
            return NameHint(frozenset(str(p.tag.case) for p in roles), None, strict=False)
    return None


def _join(toks, text: str) -> str:
    return text[toks[0].start:toks[-1].stop]


def find_people(text: str, sentences: Sequence[Span] = ()) -> list[Entity]:
    """Persons, organizations and places named in ``text``; persons first, in order of appearance."""
    from . import nlp

    tokens = nlp.tag_tokens(text)
    sentences = sorted(sentences)
    spans = _ner_spans(tokens)

    person_mentions: list[_PersonMention] = []
    others: dict[tuple[str, str], list] = {}
    prev_person: _PersonMention | None = None
    for sp in spans:
        toks = sp.toks
        words = tuple(t.text for t in _word_tokens(toks))
        if not words:
            continue
        span = Span(toks[0].start, toks[-1].stop)
        if sp.kind == "PER":
            # trim surrounding punctuation tokens NER sometimes includes
            words = tuple(w for w in words if (w[:1].isupper() or w.lower() in NAME_PARTICLES)
                          and not any(ch.isdigit() for ch in w))
            if any(_CYRILLIC.search(w) for w in words):
                # "Юрген Клинсман (Jürgen Klinsmann)": keep the Cyrillic name, drop the original spelling
                cut = next((k for k, t in enumerate(toks) if t.text == "("), None)
                if cut:
                    toks = toks[:cut]
                    words = tuple(t.text for t in _word_tokens(toks) if t.text[:1].isupper()
                                  or t.text.lower() in NAME_PARTICLES)
                    span = Span(toks[0].start, toks[-1].stop)
                words = tuple(w for w in words if _CYRILLIC.search(w) or w.lower() in NAME_PARTICLES)
            if not words:
                continue
            latin = all(re.fullmatch(r"[A-Za-z'.\-]+", w) for w in words)
            i0 = sp.first
            if latin and prev_person is not None and i0 >= 1 and tokens[i0 - 1].text == "(" \
                    and tokens[i0 - 1].start - prev_person.span.end <= 2:
                continue  # "Томас Винье (Thomas Vinje)": the original spelling of the same person
            # initials written before the span but outside it ("В. Путин", NER taking only "Путин")
            j = i0 - 1
            pre = []
            while j >= 1 and tokens[j].text == "." and _is_initial(tokens[j - 1].text) and len(pre) < 2:
                pre.insert(0, tokens[j - 1].text)
                span = Span(tokens[j - 1].start, span.end)
                j -= 2
            form = normalize_name(words, _context_hint(text, tokens, j + 1 if pre else i0, words))
            first, patr, surname, initials = _split_name(form, words)
            if pre and not first:
                initials = tuple(p + "." for p in pre) + initials
                first = initials[0]
            if initials and first and len(first) == 1:
                first = first + "."
            sent_start = _sentence_start(sentences, span.start) if sentences else 0
            role = _find_role(text, tokens, j + 1 if pre else i0, form.case, sent_start)
            m = _PersonMention(span, text[span.start:span.end], form, first, patr, surname,
                               tuple(i if i.endswith(".") else i + "." for i in initials), role,
                               _mention_weight(first, patr, surname, initials), words)
            person_mentions.append(m)
            prev_person = m
        else:
            kind = "organization" if sp.kind == "ORG" else "place"
            name = _norm_org_or_place(list(words), sp.kind)
            others.setdefault((kind, _key(name)), []).append((name, span, text[span.start:span.end]))

    clusters = _merge_partial_clusters(_cluster_persons(person_mentions))
    clusters = [c for c in clusters if _looks_like_person(c)]
    surnames: dict[str, int] = {}
    for m in person_mentions:
        if m.surname:
            surnames[_key(m.surname)] = surnames.get(_key(m.surname), 0) + 1
    entities = [_entity_from_cluster(_agree_paradigm(c, surnames)) for c in clusters]
    entities.sort(key=lambda e: e.first_start)
    rest = []
    for (kind, _), items in others.items():
        rest.append(Entity(name=items[0][0], kind=kind, mentions=tuple(s for _, s, _ in items),
                           details=tuple(Mention(s, t) for _, s, t in items)))
    rest.sort(key=lambda e: e.first_start)
    return entities + rest


def persons(entities: Iterable[Entity]) -> list[Entity]:
    return [e for e in entities if e.kind == "person"]
