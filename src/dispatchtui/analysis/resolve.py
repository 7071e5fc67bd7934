"""Speaker resolution: a quote's speaker mention as written → a canonical speaker.

Read as a careful reader would:

* a name (or part of one) → that person, in its fullest nominative form;
* a role (``глава МИД Казахстана``) → the person introduced with a matching role
  (``министр иностранных дел Республики Казахстан``), synonyms from :mod:`.lexicon.roles`;
* a pronoun or a bare noun (``он``, ``она``, ``министр``) → the nearest earlier person agreeing in
  gender (the cue verb tells: ``сказала`` is feminine) — subjects (nominative mentions) first;
* an organization or a document (``пресс-служба ведомства``, ``говорится в сообщении``) → a short
  nominative description, the anaphoric ``ведомство`` replaced by the organization named earlier;
* an unnamed person (``источник``, ``собеседник агентства``) → that description in the nominative.

Nothing is invented: every name comes from the text. Unresolvable → ``None``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Quote, Span, Speaker, SpeakerKind
from .lexicon.names import GENERATION_SUFFIXES, HONORIFICS, PREFIXED_NAME_RE
from .lexicon.quotes import INSTRUMENTAL_PREPOSITIONS, SUBJECT_PRONOUNS
from .lexicon.reported import SAY_VERBS
from .lexicon.roles import (
    ANAPHORIC_ORG,
    ANONYMOUS_SOURCES,
    AUTHORING_VERBS,
    COUNTRY_ADJECTIVES,
    COURT_RULINGS,
    DOCUMENT_HEADS,
    EPITHET_SOURCES,
    EXTRA_ROLE_HEADS,
    GENERIC_PERSON_NOUNS,
    HEAD_NAMED_BODIES,
    INTERVIEWEE_NOUNS,
    NON_DEFINING_ROLE_ADJECTIVES,
    NOT_ROLE_HEADS,
    OPPOSITE_MODIFIERS,
    ORG_SPEAKER_HEADS,
    OUTLET_NOUNS,
    PARTY_MEMBERS,
    PERSONAL_DOCUMENTS,
    PRONOUNS,
    ROLE_HEAD_EQUIV,
    ROLE_SYNONYMS,
    ROLE_WORD_EQUIV,
    STATE_BODY_ANAPHORS,
    SUBJECT_OPENERS,
    SUBSTANTIVE_PERSONS,
    UNNAMED_SOURCES,
    WORK_AGENT_NOUNS,
)
from .lexicon.speech import CONTINUING_VERBS, SPEECH_VERBS
from .morph import fold, lemma, substantive_form
from .names import first_name_gender
from .people import Entity, inflect_phrase, is_known, match_case, normalize_name, parses

#: Kind given to an unnamed source ("источник", "эксперты"): never a person, never an organization.
UNNAMED_KIND: SpeakerKind = "unnamed"

_WORD = re.compile(r"[\w-]+", re.U)
_INSTR_PREP_BEFORE = re.compile(r"(?:^|\s)(?:" + "|".join(INSTRUMENTAL_PREPOSITIONS) + r")\s+$", re.I)
#: two names joined: "Николай и Галина", "Драган Петрович и капитан команды Олег Рябцев" (the second one's role
#: words between, lower-case or a name in quotation marks)
_AND_BETWEEN = re.compile(r"\s+и\s+(?:(?:[а-яё-]+|«[^«»]{1,30}»)\s+){0,4}")


#: what follows a transcript label's name: a bracketed role, then the colon
_LABEL_TAIL = re.compile(r"[ \u00a0]*(?:\([^()\n]{1,200}\))?[ \u00a0]*:")


def _is_agency(name: str) -> bool:
    """The wire agency of the dateline (KAZAKHSTAN TODAY, INTERFAX.RU) is no source organization."""
    from .lexicon.agencies import AGENCIES

    u = re.sub(r"[\s./]+", " ", name.upper()).strip()
    return u in AGENCIES or u.replace(" ", ".") in AGENCIES or u.split(" ")[0] in AGENCIES


_PREPOSITIONS = {"в", "во", "на", "по", "у", "из", "от", "со", "с"}
_GENITIVE_PREPOSITIONS = {"у", "из", "от"}
_FILLER = {
    "словам",
    "слова",
    "мнению",
    "данным",
    "информации",
    "оценке",
    "заявлению",
    "сообщению",
    "как",
    "же",
    "также",
    "еще",
    "уже",
    "и",
    "а",
    "тогда",
}


@dataclass
class _Out:
    name: str
    kind: SpeakerKind
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)
    mention_set: set = field(default_factory=set)
    quotes: list[int] = field(default_factory=list)
    order: int = 0
    role_mentions: set = field(default_factory=set)  # roles tied to a person ("министр", "глава МИД")


def _is_latin_word(w: str) -> bool:
    return "a" <= w[:1].lower() <= "z"


_GENERATION_TAIL = re.compile(r"-(?:" + "|".join(GENERATION_SUFFIXES) + r")\w*$", re.I)


def _without_generation(surname: str) -> str:
    """``Юзеев-старший`` → ``Юзеев``: the epithet of the elder or the younger is no part of the surname that a
    bare ``Юзеев`` names."""
    return _GENERATION_TAIL.sub("", surname)


def _lemmas(words: Sequence[str]) -> list[str]:
    return [lemma(w) for w in words]


def _expand_role(lems: Sequence[str]) -> list[str]:
    """Apply multi-word role synonyms and word equivalences; return canonical lemmas."""
    lems = list(lems)
    out: list[str] = []
    i = 0
    while i < len(lems):
        for n in (4, 3, 2, 1):
            key = tuple(lems[i : i + n])
            if len(key) == n and key in ROLE_SYNONYMS:
                out.extend(ROLE_SYNONYMS[key])
                i += n
                break
        else:
            w = lems[i]
            out.extend(ROLE_WORD_EQUIV.get(w, w).split())
            i += 1
    return out


#: verbs of saying, either list (see Resolver._subject_just_before)
_SPEECH_LEMMAS = SPEECH_VERBS | SAY_VERBS

#: "его коллега из «Меридиана» " right before a name (see Resolver._colleagues_share_the_post)
_HIS_COLLEAGUE = re.compile(r"\b(его|ее|её)\s+(?:\w+\s+)?коллег\w*[^.!?\n]*$", re.IGNORECASE)


@lru_cache(maxsize=50_000)
def _role_match(mention_lems: tuple[str, ...], role: str) -> float:
    """How well a mention's role words match a person's role (0 = no match)."""
    m = _expand_role(mention_lems)
    r = _role_words(role)
    if not m or not r:
        return 0.0
    mh, rh = m[0], r[0]
    if not _heads_agree(mh, rh):
        # "министр иностранных дел" inside a longer role ("первый заместитель министра …") is no match
        return 0.0
    rest_m, rest_r = set(m[1:]), set(r[1:])
    pm, pr = _post_adjectives(rest_m), _post_adjectives(rest_r)
    if pm and pr and not pm & pr:
        return 0.0  # "финансовый директор" is not the "генеральный директор": two adjectives, two posts
    # a word matches its own lemma or a word of the same stem: "узбекский министр" / "министр … Узбекистана",
    # "чилийский лидер" / "президент Чили"
    same = {w for w in rest_m if w in rest_r or any(_same_stem(w, x) for x in rest_r)}
    score = 1.0 + len(same) + (0.5 if mh == rh else 0.0)  # the role's own word beats an equivalent
    if _country_differs(rest_m - same, rest_r):
        return 0.0  # "узбекский министр" is not the "министр иностранных дел Киргизии"
    if _other_complements(rest_m - same, rest_r - same):
        return 0.0  # "министр транспорта" is not the "глава Кировского района": two posts over two things
    if rest_m - same:
        # the mention says something the role does not ("министр обороны" vs "министр финансов")
        score -= 0.75 * len(rest_m - same)
    return score


def _other_complements(mention_rest: set[str], role_rest: set[str]) -> bool:
    """Both the mention and the role name what the post is over, a noun each (``министр транспорта`` / ``глава
    Кировского района``), and they share none: the heads may stand for each other, the posts are two."""

    def nouns(ws: set[str]) -> set[str]:
        return {w for w in ws if any(p.tag.POS == "NOUN" for p in parses(w)[:1])}

    # (an anaphoric noun stands for any body named before: "глава компании" is the director of «Зерновой долины»)
    m, r = nouns(mention_rest) - ANAPHORIC_ORG, nouns(role_rest)
    # (a stump compound names its last part's thing: "спасотряд" is the "отряд")
    return bool(m and r) and not any(len(b) >= 4 and a.endswith(b) for x in m for y in r for a, b in ((x, y), (y, x)))


def _former(role: str) -> bool:
    return re.search(r"\b(?:бывш|экс-|прежн)", role.lower()) is not None


def _heads_agree(mh: str, rh: str) -> bool:
    """A mention's role head names a person's role head: the same, an equivalent, or a compound of it."""
    return (
        mh == rh
        or rh in ROLE_HEAD_EQUIV.get(mh, ())
        or mh in ROLE_HEAD_EQUIV.get(rh, ())
        or _compound_of(rh, mh)
        or any(_compound_of(rh, x) for x in ROLE_HEAD_EQUIV.get(mh, ()))  # "кардиохирург" is a "врач"
    )


def _compound_of(word: str, base: str) -> bool:
    """``word`` is ``base`` with a combining form before it, joined by the vowel -о- (``кардиохирург``,
    ``нейрохирург``, ``фотокорреспондент``): a kind of ``base``, which names it. Not a prefix (``подполковник``,
    ``замминистра``)."""
    lead = word[: len(word) - len(base)]
    return len(base) >= 4 and len(lead) >= 3 and word.endswith(base) and lead.endswith("о")


@lru_cache(maxsize=20_000)
def _role_words(role: str) -> list[str]:
    """A person's role as canonical lemmas (see :func:`_expand_role`), its head noun first: "генеральный директор
    компании" is a director (``директор, генеральный, компания``), whom "глава компании" names."""
    lems = _lemmas(_WORD.findall(role))
    k = 0
    while k < len(lems) - 1 and k < 2 and any(p.tag.POS == "ADJF" for p in parses(lems[k])[:1]):
        k += 1
    return _expand_role([lems[k], *lems[:k], *lems[k + 1 :]] if k else lems)


def _post_adjectives(words: set[str]) -> set[str]:
    """The adjectives among a role's words that tell which post it is ("генеральный", "финансовый", "главный"):
    not a country's (see :func:`_country_differs`), not one that tells only when or how well ("бывший",
    "известный")."""
    return {
        w
        for w in words
        if w not in NON_DEFINING_ROLE_ADJECTIVES
        and not _country_adjective(w)
        and any(p.tag.POS == "ADJF" for p in parses(w)[:2])
    }


def _country_differs(mention_words: set[str], role_words: set[str]) -> bool:
    """The mention's country adjective that no word of the role shares a stem with, where the role names a
    place: "узбекский" against "министр иностранных дел Киргизии"."""
    # (or a country's adjective of its own: "грузинский борец" is not the "российский борец")
    return any(_country_adjective(w) and not any(_same_stem(w, x) for x in role_words) for w in mention_words) and any(
        _is_geo(x) or _country_adjective(x) for x in role_words
    )


def _role_contradicts(mention_lems: Sequence[str], role: str) -> bool:
    """The mention names another country than ``role`` does, or the opposite of its rank among kin ("старший
    брат" is not the one the text calls "младший сын")."""
    role_lems = set(_expand_role(_lemmas(_WORD.findall(role))))
    mention = set(_expand_role(mention_lems))
    if any(a in mention and b in role_lems for a, b in OPPOSITE_MODIFIERS):
        return True
    return _country_differs(mention, role_lems)


def _post_over_another_thing(words: Sequence[str], head_i: int, role_lems: Sequence[str], role: str) -> bool:
    """The mention names its post by what it is over, a common noun in the genitive right after the head
    (``Министр транспорта``), and the person's role is a post over another thing (``глава Кировского района``):
    not that person, however near. (Not a possessive or a name after the head: "главы нашего государства", "дипломат
    РИА Новости" say nothing of the post; nor people: "наставник самарцев".)"""
    if head_i + 1 >= len(words) or not words[head_i + 1][:1].islower():
        return False
    # (inanimate: a post over people, "наставник самарцев", names a team or a group any body may be)
    if not any(
        p.tag.POS == "NOUN" and p.tag.case == "gent" and p.tag.animacy == "inan" for p in parses(words[head_i + 1])[:1]
    ):
        return False
    m, r = _expand_role(role_lems), _role_words(role)
    if not m or not r or _former(role):
        return False  # (a former post says nothing of the one held now: "бывший вице-губернатор" heads a bank)
    if not _heads_agree(m[0], r[0]):
        return True  # "директор института" is not the nearest man, "австрийский педиатр"
    rest_m, rest_r = set(m[1:]), set(r[1:])
    same = {w for w in rest_m if w in rest_r or any(_same_stem(w, x) for x in rest_r)}
    return _other_complements(rest_m - same, rest_r - same)


def _country_adjective(w: str) -> bool:
    """An adjective of a place or a people ("узбекский", "киргизский", "немецкий"): the -ский/-цкий class."""
    return w.endswith(("ский", "цкий")) and any(p.tag.POS == "ADJF" for p in parses(w)[:2])


def _is_geo(w: str) -> bool:
    """A place name in the dictionary (pymorphy3's Geox: "киргизия", "узбекистан")."""
    return any("Geox" in p.tag for p in parses(w)[:2])


def _same_stem(a: str, b: str) -> bool:
    """Two lemmas of one stem: the first min(5, shorter) letters agree, at least four ("узбек-ский" and
    "узбек-истан", "чили-йский" and "чили"), or a place adjective's stem opens the other ("япон-ский", "япон-ия";
    not "австрийский" and "австралия")."""
    k = min(5, len(a), len(b))
    if k >= 4 and a[:k] == b[:k]:
        return True
    # "японский" and "япония", "российский" and "россия": the adjective's stem opens the place's name
    for adj, place in ((a, b), (b, a)):
        if place in COUNTRY_ADJECTIVES.get(adj, ()):
            return True  # "китайский" and "КНР"

        if adj.endswith(("ский", "цкий")):
            stem = adj[:-4].removesuffix("й")
            if len(stem) >= 4 and place.startswith(stem) and not place.endswith(("ский", "цкий")):
                return True
    return False


#: The marks that open a quotation (what may stand between a colon and the quote's first word).
QUOTE_OPENERS = "«„“\"'"

_CONTINUES_ROLE_SUBJECT = "the pronoun continues an unnamed role subject: abstained"


def _nationality_stem(adjective: str, noun: str) -> bool:
    """An adjective and a noun of one people or place: :func:`_same_stem`, or the noun's stem without its
    suffix of a person (``-ка``, ``-ец``, ``-анка``, ``-анин``) opens the adjective's (``немка`` / ``немецкий``,
    ``турчанка`` / ``турецкий``, ``испанка`` / ``испанский``)."""
    if _same_stem(adjective, noun):
        return True
    if not adjective.endswith(("ский", "цкий")):
        return False
    stem = noun
    for suffix in ("анка", "янка", "анин", "янин", "ка", "ец", "ок", "ин"):
        if noun.endswith(suffix) and len(noun) - len(suffix) >= 3:
            stem = noun[: -len(suffix)]
            break
    k = 0
    while k < min(len(stem), len(adjective)) and stem[k] == adjective[k]:
        k += 1
    return k >= 3 and k >= len(stem) - 1


def _cue_gender(cue: str | None) -> str | None:
    if not cue:
        return None
    for w in _WORD.findall(cue.lower()):
        for p in parses(w)[:3]:
            t = p.tag
            if t.POS == "VERB" and t.tense == "past":
                if t.number == "plur":
                    return "plur"
                return str(t.gender) if t.gender else None
            if t.POS == "VERB" and t.number == "plur":
                return "plur"  # "говорят", "считают": the present tells the number, not the gender
    return None


def _key(s: str) -> str:
    return s.lower().replace("ё", "е")


def _word_gender(word: str) -> str | None:
    """``ученая``, ``соседка``: a feminine person word tells the speaker's gender (masculine ones do not:
    ``врач`` may be a woman)."""
    for p in parses(word)[:2]:
        if (
            p.tag.POS in ("NOUN", "ADJF", "PRTF")
            and p.tag.number == "sing"
            and p.tag.gender == "femn"
            and p.tag.case == "nomn"
        ):
            return "femn"
    return None


def _is_person_noun(word: str) -> bool:
    lw = lemma(word)
    if lw in NOT_ROLE_HEADS or fold(word) in HONORIFICS:
        return False  # ("госпожа Ван": a form of address before a name, no role)
    if lw in EXTRA_ROLE_HEADS or lw in UNNAMED_SOURCES or lw in ROLE_HEAD_EQUIV or lw in SUBSTANTIVE_PERSONS:
        return True
    if substantive_form(word) in SUBSTANTIVE_PERSONS:
        return True  # "задержанная", "нападающего": a participle's lemma is its verb's
    return any(
        p.tag.POS == "NOUN" and p.tag.animacy == "anim" and "Name" not in p.tag and "Surn" not in p.tag
        for p in parses(word)[:2]
    )


_NOT_NP_POS = frozenset({"VERB", "INFN", "GRND", "PRTS", "ADJS", "ADVB", "PRED", "CONJ", "PRCL", "INTJ"})
_POSSESSIVE_DET = frozenset({"его", "ее", "их"})
_POSSESSIVE_BEFORE = re.compile(r"(?<![\w-])(?:его|ее|её|их)\s+$", re.I)
#: "представитель X": a person the dispatch introduced with organization X may be meant.
_REPRESENTATIVE_HEADS = frozenset({"представитель", "представительница"})


_PARAGRAPH_BREAK = re.compile(r"\n+")
#: The word right before a position (only spaces between).
_LAST_WORD = re.compile(r"(\w+)[ \u00a0]*$")
#: A sentence's end and the space before the next one.
_SENTENCE_GAP = re.compile(r"[ \u00a0]*[.!][ \u00a0]+")
_NAMED_NEXT = re.compile(r"[.!]\s+(?:Им|Ею|Ей)\s+(?:был|была|оказался|оказалась|стал|стала)\s")
_LABELLED_PARAGRAPH = re.compile(r"[A-ZА-ЯЁ][\w.\- ]{0,40}(?:\([^)\n]{0,60}\))?:\s")
_PREPOSITION_BEFORE = re.compile(r"(?<![\w-])(?:По|С|У|От|Для|Со)$")
#: Prepositions of place opening a speaker mention: "сообщили в ведомстве", "заверили в компании".
_LOCATIVE_PREPS = frozenset({"в", "во"})


def _org_compound(lem: str) -> bool:
    """A hyphenated compound whose first part, its head, is an organization noun (``компания-дистрибьютор``,
    ``компания-покупатель``): the second part is an apposition to it."""
    first, dash, _ = lem.partition("-")
    return bool(dash) and first in ORG_SPEAKER_HEADS


def _is_nominal(word: str) -> bool:
    if not word[:1].isalpha():
        return False
    return word[:1].isupper() or any(p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in parses(word)[:2])


def _is_noun(word: str) -> bool:
    return any(p.tag.POS == "NOUN" for p in parses(word)[:2])


def _head_index(words: Sequence[str], start: int) -> int:
    """The head noun of a mention after its leading adjectives ("финансового директора компании" →
    ``директора``); ``start`` when the words there are no ``ADJ+ NOUN`` group."""
    i = start
    while i + 1 < len(words):
        top = parses(words[i])[:1]
        if not top or top[0].tag.POS not in ("ADJF", "PRTF") or words[i][:1].isupper() and i > start:
            break
        i += 1
    if i == start or not _is_noun(words[i]):
        return start
    if not _is_person_noun(words[i]) and _is_person_noun(words[start]):
        return start  # "пострадавший мужчина": the substantive is the person word
    return i


def _is_plural_noun(word: str) -> bool:
    nouns = [p for p in parses(word)[:3] if p.tag.POS == "NOUN"]
    return bool(nouns) and all(p.tag.number == "plur" for p in nouns)


def _has_plural_reading(word: str) -> bool:
    return any(p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case == "nomn" for p in parses(word)[:3])


def _noun_gender(word: str) -> str | None:
    for p in parses(word)[:2]:
        if p.tag.POS == "NOUN":
            if p.tag.number == "plur":
                return "plur"
            return str(p.tag.gender) if p.tag.gender in ("masc", "femn") else None
    return None


def _gender_ok(want: str | None, have: str | None) -> bool:
    if want is None or have is None:
        return want != "plur" and have != "plur"
    return want == have


class _Nearest:
    """Mentions by where they end, with the running best key: ``last(limit)`` gives the best key of every
    mention ending at or before ``limit``, and the best of those marked as a subject (None where none)."""

    __slots__ = ("ends", "best", "best_subject")

    def __init__(self, items) -> None:
        items = sorted(items, key=lambda x: x[0].end)
        self.ends = [span.end for span, _, _ in items]
        self.best, self.best_subject = [], []
        top = top_s = None
        for _, key, subject in items:
            top = key if top is None or key > top else top
            if subject and (top_s is None or key > top_s):
                top_s = key
            self.best.append(top)
            self.best_subject.append(top_s)

    def last(self, limit: int):
        k = bisect.bisect_right(self.ends, limit)
        return (self.best[k - 1], self.best_subject[k - 1]) if k else (None, None)


#: How far back (characters) the sentence before a pronoun is looked for.
_SENTENCE_REACH = 600


class _Resolver:
    def __init__(self, text: str, quotes: Sequence[Quote], entities: Sequence[Entity]):
        self._mention_case: str | None = None  # the case a dropped preposition governed (see resolve_one)
        self.why: str | None = None  # set by the branch of resolve_one that decided
        self.text = text
        self.quotes = quotes
        self.persons = [e for e in entities if e.kind == "person"]
        self.orgs = [e for e in entities if e.kind == "organization"]
        self.quote_spans = [q.span for q in quotes]
        self.out: dict[str, _Out] = {}
        self._by_name = {e.name: e for e in self.persons}
        self._mention_index: dict[int, tuple[list[int], list[Span], int]] = {}
        self.last_org_speaker: str | None = None
        self.unnamed: dict[str, str | None] = {}  # unnamed-role descriptions → their gender
        self.records: list[tuple[str | None, str | None, int]] = []  # per quote: (speaker, gender, pos)
        self._details: dict[int, tuple[list[int], list, int]] = {}  # id(entity) → its mentions by start
        self._introduced: dict[str, tuple[list[int], list[Entity]]] | None = None  # see _org_named_with
        qs = sorted((q.start, q.end) for q in self.quote_spans)
        self._q_starts = [a for a, _ in qs]
        self._q_maxend, top = [], -1
        for _, b in qs:
            top = max(top, b)
            self._q_maxend.append(top)
        idx, order = [], 0
        for e in self.persons:
            for m in e.mentions:
                idx.append((m.start, m.end, order, e))
                order += 1
        idx.sort(key=lambda x: (x[0], x[2]))
        self._p_index = idx
        self._p_starts = [x[0] for x in idx]
        self._p_maxlen = max((x[1] - x[0] for x in idx), default=0)
        self._index_people()

    def _index_people(self) -> None:
        """Lookups built once, so that each statement costs no scan of every person or organization (a
        16 MB dispatch has thousands of each): the answers are those of the plain scans they replace."""
        self._first_by_name: dict[str, Entity] = {}
        self._by_surname: dict[str, list[Entity]] = {}  # lemma of the surname → persons, in order
        self._surname_keys: dict[str, list[int]] = {}  # folded surname or its lemma → person orders
        self._order = {id(e): i for i, e in enumerate(self.persons)}
        for i, e in enumerate(self.persons):
            self._first_by_name.setdefault(e.name, e)
            if e.surname:
                sur = _without_generation(e.surname)
                self._by_surname.setdefault(lemma(sur), []).append(e)
                keys = {_key(sur), "\0" + lemma(sur)}
                if " " in e.surname:
                    # "ибн Саид аль-Хашими" is named by its last part alone: "— сказал аль-Хашими"
                    keys.add(_key(e.surname.split()[-1]))
                for k in keys:
                    self._surname_keys.setdefault(k, []).append(i)
        self._roles = [e.roles for e in self.persons]
        self._colleagues_share_the_post()
        self._makers_of_a_work()
        self._with_roles = [i for i, r in enumerate(self._roles) if r]
        # "the nearest earlier person": only when every person's mentions are in text order (as find_people
        # gives them) is "the last one before" also "the one starting last"; else the plain scan is used
        self._nearest_ok = all(
            all(a.span.start <= b.span.start for a, b in zip(e.details, e.details[1:])) for e in self.persons
        )
        self._near = {
            g: _Nearest(
                [
                    (m.span, (m.span.start, -i), m.case in ("nomn", None))
                    for i, e in enumerate(self.persons)
                    if g is None or not e.gender or e.gender == g
                    for m in e.details
                    if not self._in_quote(m.span)
                ]
            )
            for g in (None, "masc", "femn")
        }
        self._min_end = {
            id(e): min((m.span.end for m in e.details if not self._in_quote(m.span)), default=None)
            for e in self.persons
        }
        org_ms = sorted((m.start, m.end, i) for i, e in enumerate(self.orgs) for m in e.mentions)
        self._org_ms, self._org_starts = org_ms, [x[0] for x in org_ms]
        self._org_maxlen = max((b - a for a, b, _ in org_ms), default=0)
        self._near_body: _Nearest | None = None  # see _nearest_org
        self._nationalities: dict[int, list[str]] = {}  # id(entity) → see _nationality_adjectives
        self._near_org = _Nearest(
            [
                (m, (m.start, -i, -j), False)
                for i, e in enumerate(self.orgs)
                if not _is_agency(e.name)
                for j, m in enumerate(e.mentions)
                if not self._in_quote(m)
            ]
        )

    # ---- helpers ---------------------------------------------------------------------------------

    def _in_quote(self, s: Span) -> bool:
        # quotes sorted by start with the running maximum of their ends: O(log n) per question
        k = bisect.bisect_right(self._q_starts, s.start)
        return k > 0 and self._q_maxend[k - 1] >= s.end

    def _earlier_persons(self, pos: int, gender: str | None, quote: Quote):
        """Persons by their last mention before ``pos`` (not inside quotes), nearest first."""
        limit = min(pos, quote.start) if quote.start < pos else pos
        cands = []
        for e in self.persons:
            if gender in ("masc", "femn") and e.gender and e.gender != gender:
                continue
            best = None
            for m in e.details:
                if m.span.end <= limit and not self._in_quote(m.span):
                    if best is None or m.span.start > best[0].span.start:
                        best = (m, m.case == "nomn")
            subj = [
                m for m in e.details if m.span.end <= limit and not self._in_quote(m.span) and m.case in ("nomn", None)
            ]
            if best:
                cands.append((e, best[0].span.start, subj[-1].span.start if subj else -1))
        return cands

    def _nearest_person(self, pos: int, gender: str | None, quote: Quote, qi: int) -> Entity | None:
        if self._nearest_ok:
            return self._nearest_indexed(pos, gender, quote, qi)
        cands = self._earlier_persons(pos, gender, quote)
        if not cands:
            return None
        # the previous quote's speaker, if it is still the last person spoken of as a subject
        prev = self._prev_person_speaker(qi)
        subj = [c for c in cands if c[2] >= 0]
        if subj:
            best = max(subj, key=lambda c: c[2])
            if prev is not None and prev is not best[0] and any(c[0] is prev for c in cands):
                # stay with the previous speaker unless a new subject was introduced since its quote
                # the previous speaker's last statement (not merely the statement before: that one may
                # have no speaker), where it begins, its attribution included ("X заявил, что …")
                pj = next((j for j in range(qi - 1, -1, -1) if self.resolved[j] == prev.name), qi - 1)
                pq = self.quotes[pj]
                pq_pos = min(pq.start, *(sp.start for sp in (pq.speaker_span, pq.cue_span) if sp is not None))
                if best[2] < pq_pos:
                    return prev
            return best[0]
        return max(cands, key=lambda c: c[1])[0]

    def _nearest_indexed(self, pos: int, gender: str | None, quote: Quote, qi: int) -> Entity | None:
        """:meth:`_nearest_person` by the index: the same choice as the scan of :meth:`_earlier_persons`."""
        limit = min(pos, quote.start) if quote.start < pos else pos
        g = gender if gender in ("masc", "femn") else None
        near = self._near[g]
        anyone, subject = near.last(limit)
        if anyone is None:
            return None
        prev = self._prev_person_speaker(qi)
        if subject is not None:
            best = self.persons[-subject[1]]
            if (
                prev is not None
                and prev is not best
                and (g is None or not prev.gender or prev.gender == g)
                and (prev_end := self._min_end[id(prev)]) is not None
                and prev_end <= limit
            ):
                pj = next((j for j in range(qi - 1, -1, -1) if self.resolved[j] == prev.name), qi - 1)
                pq = self.quotes[pj]
                pq_pos = min(pq.start, *(sp.start for sp in (pq.speaker_span, pq.cue_span) if sp is not None))
                if subject[0] < pq_pos:
                    return prev
            return best
        return self.persons[-anyone[1]]

    def _just_quoted(self, words: Sequence[str], head: str, q: Quote, qi: int, gender: str | None) -> Entity | None:
        """ "Наставник гостей Олег Сурмин недоволен. Он считает, что … «…», — сказал специалист": a bare noun of an
        unnamed source (no complement: not "специалист агентства"), right after a statement of a named person in
        the same paragraph, is that person — a new unnamed source would be introduced, not slipped in. Never for
        the nouns that say the source is anonymous (``источник``). A place's or a people's adjective before the
        noun is an epithet too (``по словам грузинского специалиста`` after the Georgian coach's words), not
        a ``другой`` or ``второй`` that would bring in someone else."""
        if len(words) == 2 and _country_adjective(lemma(words[0])) and lemma(words[1]) == head:
            words = words[1:]
        if len(words) != 1 or head in ANONYMOUS_SOURCES or qi == 0:
            return None
        pq = self.quotes[qi - 1]
        name = self.resolved[qi - 1]
        if name is None or pq.paragraph != q.paragraph:
            return None
        e = self._first_by_name.get(name)
        if e is not None and gender in ("masc", "femn") and e.gender and e.gender != gender:
            # "Гусева вспомнила, как директор успокаивал дольщиков: «…». «…», — сказала свидетельница": the words
            # just before were another's, recalled — the one person of the noun's gender this paragraph names
            # before them is the witness
            para_start = self.text.rfind("\n", 0, pq.start) + 1
            lo = bisect.bisect_left(self._p_starts, para_start)
            hi = bisect.bisect_left(self._p_starts, pq.start)
            fits = {id(x[3]): x[3] for x in self._p_index[lo:hi] if x[3].gender == gender}
            return next(iter(fits.values())) if len(fits) == 1 else None
        return e

    def _epithet_source(
        self, words: Sequence[str], head: str, q: Quote, qi: int, pos: int, gender: str | None
    ) -> Entity | None:
        """ "Кротов с этой оценкой не согласен. Эксперт полагает, что …"; "— пояснила Полозова. ¶ Специалист
        уточнила, что …": a bare epithet of a source (``эксперт``, ``специалист``) is the source the text has been
        quoting — the last person this paragraph names before it, when that person has spoken before; where the
        paragraph names nobody before it, the speaker of the statement just before, at the end of the paragraph
        before. Someone named who has not spoken yet may be the one meant: then nobody."""
        if len(words) != 1 or head not in EPITHET_SOURCES:
            return None
        para_start = self.text.rfind("\n", 0, pos) + 1
        lo = bisect.bisect_left(self._p_starts, para_start)
        hi = bisect.bisect_left(self._p_starts, pos)
        e: Entity | None
        if hi > lo:
            e = self._p_index[hi - 1][3]
            # (or one the text gives a source's role: "Аналитик Дмитрий Ровный называет … «…», — отметил эксперт")
            if e is None or (e.name not in self._said and not self._source_role(e)):
                return None
        else:
            if qi == 0:
                return None
            name, pq = self.resolved[qi - 1], self.quotes[qi - 1]
            if name is None or q.paragraph - pq.paragraph != 1:
                return None
            e = self._first_by_name.get(name)
        if e is None or (gender in ("masc", "femn") and e.gender and e.gender != gender):
            return None
        return e

    def _interviewee(self, words: Sequence[str], head: str, q: Quote, qi: int, pos: int, gender: str | None, span):
        """ "— добавила собеседница агентства": the one the outlet spoke to is a source the text quotes — the
        person this paragraph has just quoted or the source it has been quoting (an outlet's name or noun after the
        word names no one: "собеседник агентства", "собеседница РИА Новости"); else an unnamed source, as the
        guidelines have it (and always one that a description of its own sets apart: "собеседник агентства в
        правительстве области")."""
        rest = list(words[1:])
        plain = all(lemma(w) in OUTLET_NOUNS or _is_agency(w) or w[:1].isupper() for w in rest)
        bare = words[:1] if plain else words
        e = self._just_quoted(bare, head, q, qi, gender) or self._epithet_source(bare, head, q, qi, pos, gender)
        if e is not None:
            self.why = "the one the outlet spoke to: the source this paragraph has been quoting"
            return e.name, "person", span
        if not plain:
            return self._unnamed(words, span)  # (a description of its own: "собеседник агентства в правительстве")
        e = self._subject_just_before(qi, q, gender)
        if e is not None:
            self.why = "the one the outlet spoke to: the subject of the sentence just before"
            return e.name, "person", span
        return self._unnamed(words, span)

    def _party_member(self, noun: str, pos: int, gender: str | None, qi: int, q: Quote) -> Entity | None:
        """ "Депутат фракции КПРФ Иван Сорокин … «…», — заявил коммунист": a party member's noun
        (:data:`PARTY_MEMBERS`) is the one person named before ``pos`` whose role, or the words right before a
        mention, name that party; of several, the one whose statement comes just before."""
        party = PARTY_MEMBERS[noun]
        fits = []
        for i, e in enumerate(self.persons):
            if gender in ("masc", "femn") and e.gender not in (None, gender):
                continue
            near = any(self._party_before(party, m.start) for m in e.mentions if m.start < pos)
            if near or any(party.search(r) for r in self._roles[i]):
                fits.append(e)
        if len(fits) == 1:
            return fits[0]
        return self._spoke_just_before(qi, q, {e.name for e in fits}) if fits else None

    def _party_before(self, party: re.Pattern[str], at: int) -> bool:
        """The party is written in the 60 characters before ``at``, in its sentence ("депутат от КПРФ Иван …")."""
        lo = max(0, at - 60)
        lo = max(lo, max(self.text.rfind(ch, lo, at) for ch in ".!?\n") + 1)
        return party.search(self.text, lo, at) is not None

    def _sentence_before(self, q: Quote) -> tuple[int, int]:
        """(start, end) of the sentence just before ``q``'s opening (its marks, dashes and spaces passed over)."""
        k = q.start
        while k > 0 and (self.text[k - 1] in " \u00a0\n—–-" or self.text[k - 1] in QUOTE_OPENERS):
            k -= 1
        return self._sentence_start(max(0, k - 1)), k

    def _subject_just_before(self, qi: int, q: Quote, gender: str | None) -> Entity | None:
        """ "Искусствовед Элен де Марсак в беседе с агентством назвала период ключевым. «…», — пояснила
        собеседница агентства": the person named first in the sentence just before the statement, written in the
        nominative (its subject), of the cue's gender, who speaks in that sentence (a verb of speech, or a
        statement of theirs there) — whom the article makes clear the outlet spoke to. ("Министр прибыл в
        Киев. «…», — сказал собеседник агентства": someone else.)"""
        a, k = self._sentence_before(q)
        if self.text.rfind("\n", 0, q.start) > a:
            return None  # (the sentence before is in another paragraph)
        j = bisect.bisect_left(self._p_starts, a)
        if j >= len(self._p_starts) or self._p_starts[j] >= k:
            return None
        st, en, _, e = self._p_index[j]
        if fold(self.text[st:en]) not in {fold(n) for n in (e.name, e.surname) if n}:
            return None  # (not in the nominative: "Марсак поблагодарили")
        if gender in ("masc", "femn") and e.gender not in (None, gender):
            return None
        said = any(
            self.quotes[i].start >= a and self.quotes[i].end <= k and self.resolved[i] == e.name for i in range(qi)
        )
        if not said and not any(lemma(w) in _SPEECH_LEMMAS for w in _WORD.findall(self.text, a, k)):
            return None
        return e

    def _source_role(self, e: Entity) -> bool:
        """``e`` has a role whose head is an epithet of a source (``аналитик``, ``эксперт``, ``специалист``)."""
        return any((ws := _WORD.findall(r)) and lemma(ws[0]) in EPITHET_SOURCES for r in e.roles)

    def _spoke_just_before(self, qi: int, q: Quote, names: set[str]) -> Entity | None:
        """The one of ``names`` whose statement is the one right before ``q`` (in its paragraph or the one before)."""
        prev = self._prev_person_speaker(qi)
        pj = qi - 1
        if (
            prev is not None
            and prev.name in names
            and pj >= 0
            and self.resolved[pj] == prev.name
            and q.paragraph - self.quotes[pj].paragraph <= 1
        ):
            return prev
        return None

    def _prev_person_speaker(self, qi: int) -> Entity | None:
        for j in range(qi - 1, -1, -1):
            name = self.resolved[j]
            if name is None:
                continue
            return self._first_by_name.get(name)
        return None

    def _person_at(self, span: Span) -> Entity | None:
        """The person whose mention overlapping ``span`` starts last (an index, not a scan of all)."""
        k = bisect.bisect_left(self._p_starts, span.end) - 1
        best = None
        while k >= 0 and self._p_starts[k] >= span.start - self._p_maxlen:
            st, en, order, e = self._p_index[k]
            if en > span.start and st < span.end and (best is None or (st, -order) > best[0]):
                best = ((st, -order), e)
            if best is not None and st < best[0][0]:
                break
            k -= 1
        return best[1] if best else None

    def _coordinated_people(self, span: Span) -> bool:
        """Two different people named inside ``span``, joined by ``и`` (``Николай и Галина Дорофеевы``,
        ``Иван Петров и Анна Сидорова``): the mention names a group."""
        lo = bisect.bisect_left(self._p_starts, span.start)
        hi = bisect.bisect_left(self._p_starts, span.end)
        inside = [(st, en, e) for st, en, _, e in self._p_index[lo:hi] if en <= span.end]
        for (_, en1, e1), (st2, _, e2) in zip(inside, inside[1:]):
            if e1 is not e2 and _AND_BETWEEN.fullmatch(self.text, en1, st2):
                return True
        return False

    def _org_at(self, span: Span) -> Entity | None:
        """The first organization (in their order) with a mention overlapping ``span``."""
        k = bisect.bisect_left(self._org_starts, span.end) - 1
        best = None
        while k >= 0 and self._org_starts[k] > span.start - self._org_maxlen:
            a, b, i = self._org_ms[k]
            if b > span.start and a < span.end and (best is None or i < best):
                best = i
            k -= 1
        return self.orgs[best] if best is not None else None

    def _nearest_org(self, pos: int, anaphor: str | None = None) -> Entity | None:
        """The organization (no wire agency) mentioned last before ``pos``, outside quotes. For an anaphor that
        names a state body ("ведомство", "министерство"): the last organization whose name is never written in
        quotation marks — a company's, a club's or an outlet's name is, by Russian convention, a state body's
        is not ("ФАС одобрила сделку «Енисей-Связи» … в сообщении ведомства": ФАС)."""
        if anaphor in STATE_BODY_ANAPHORS:
            if self._near_body is None:
                self._near_body = _Nearest(
                    [
                        (m, (m.start, -i, -j), False)
                        for i, e in enumerate(self.orgs)
                        if not _is_agency(e.name) and not any(self._quoted_name(m) for m in e.mentions)
                        for j, m in enumerate(e.mentions)
                        if not self._in_quote(m)
                    ]
                )
            found, _ = self._near_body.last(pos)
            if found is not None:
                return self.orgs[-found[1]]
        found, _ = self._near_org.last(pos)
        return self.orgs[-found[1]] if found is not None else None

    def _mentions_in_paragraph(self, e: Entity, pos: int) -> list[Span]:
        """``e``'s mentions in the paragraph of ``pos``, before it (by binary search over its sorted mentions)."""
        para_start = self.text.rfind("\n", 0, pos) + 1
        starts, spans, _ = self._sorted_mentions(e)
        return spans[bisect.bisect_left(starts, para_start) : bisect.bisect_left(starts, pos)]

    def _described_by_kin_of(self, e: Entity, head: str, pos: int) -> bool:
        """ "коллекционер Йост ван дер Хейден, правнук брата художника … «…», — жалуется художник": the apposition
        right after a mention of ``e`` calls ``e`` someone's kin or companion by a genitive of the bare noun — the
        noun is another person's, not ``e``'s."""
        starts, spans, _ = self._sorted_mentions(e)
        for m in spans[: bisect.bisect_left(starts, pos)]:
            tail = self.text[m.end : m.end + 60]
            if not tail.startswith(","):
                continue
            words = _WORD.findall(tail.split(".")[0])[:4]
            for w in words[1:]:
                if lemma(w) == head and any(p.tag.case == "gent" for p in parses(w)[:2]):
                    return True
        return False

    def _unnamed_bearer_since(self, e: Entity, head: str, pos: int) -> bool:
        """ "Сафронова и ее испанская коллега работали … «…», — призналась испанка": since the last mention of
        ``e``, the person spoken of just before, the text has described someone else, unnamed, by an adjective
        of the bare noun's stem before a person noun (``испанская коллега`` for ``испанка``): the noun is that
        person's, not ``e``'s. Only in the sentences between (no further back than ``e``'s mention)."""
        starts, spans, _ = self._sorted_mentions(e)
        k = bisect.bisect_left(starts, pos) - 1
        if k < 0 or pos - spans[k].end > 2_000:
            return False
        words = _WORD.findall(self.text[spans[k].end : pos])
        for w, nxt in zip(words, words[1:]):
            if not w[:1].islower() or not _nationality_stem(lemma(w), head):
                continue
            if any(p.tag.POS == "ADJF" for p in parses(w)[:2]) and _is_person_noun(nxt):
                return True
        return False

    def _paragraphs_since(self, e: Entity, pos: int) -> int:
        """How many paragraph breaks stand between ``e``'s last mention before ``pos`` and ``pos`` (2 for one far
        away or none)."""
        if not self._mentions_in_paragraph(e, pos):
            got = self._sorted_mentions(e)
            k = bisect.bisect_left(got[0], pos) - 1
            if k < 0 or pos - got[1][k].end > 20_000:
                return 2
            return len(_PARAGRAPH_BREAK.findall(self.text, got[1][k].end, pos))
        return 0

    def _named_in_paragraph(self, e: Entity, pos: int) -> bool:
        """``e`` has a mention in the paragraph of ``pos``, before it."""
        return bool(self._mentions_in_paragraph(e, pos))

    def _quoted_name(self, m: Span) -> bool:
        """The name mention stands between quotation marks (``«Енисей-Связь»``)."""
        return (m.start > 0 and self.text[m.start - 1] in '«"„“') or self.text[m.start : m.start + 1] in ("«", '"')

    def _name_detail(self, e: Entity, span: Span):
        """The earliest of ``e``'s name mentions overlapping ``span`` (by binary search: a person named
        thousands of times is not scanned once per statement)."""
        got = self._details.get(id(e))
        if got is None:
            ds = sorted(e.details, key=lambda m: m.span.start)
            got = ([m.span.start for m in ds], ds, max((m.span.end - m.span.start for m in ds), default=0))
            self._details[id(e)] = got
        starts, ds, longest = got
        found = None
        k = bisect.bisect_left(starts, span.end) - 1
        while k >= 0 and starts[k] >= span.start - longest:
            if ds[k].span.overlaps(span):
                found = ds[k]
            k -= 1
        return found

    def _owned_by_head(self, e: Entity, span: Span) -> bool:
        """The person's name depends on the noun before it, so the speaker is that noun's referent: "пресс-служба
        Кадырова" (no person noun: the press office), "помощник Сергея Лаврова" (nominative head, genitive name),
        "помощник Хиллари Клинтон" / "представитель Лопес" (an indeclinable name: the head's gender is not the
        name's). Apposition keeps the name: "крестница Габриэль Даламберт", "губернатора Александра Мишарина"."""
        m = self._name_detail(e, span)
        if m is None or m.span.start <= span.start:
            return False
        before = _WORD.findall(self.text[span.start : m.span.start])
        head = _mention_head(before)
        if head is None or not _is_known_common(head) or fold(head) in HONORIFICS:
            return False  # no head, one the dictionary does not know ("замначальника"), a form of address: the name
        if _is_substantive(head):
            return False  # "Заведующий отделением … Дмитрий Мясников": a person adjective heads it
        if not _is_person_noun(head):
            return True
        words = _WORD.findall(m.text)
        if (
            m.case not in (None, "nomn")
            and e.surname
            and fold(words[-1]) != fold(e.surname)
            and m.case not in {p.tag.case for p in parses(head)[:4] if p.tag.POS == "NOUN"}
        ):
            # "Помощник министра Ларраги": a name written in an oblique case the head noun does not stand in is
            # no apposition to it (an apposition agrees) but its dependent
            return True
        return _depends_on_head(head, words, first_name_gender(e.first))

    def _group_of(self, e: Entity, span: Span) -> bool:
        """``Коллеги Ивана Петрова говорят``: the verb is plural, the head before the name is a person noun that
        can be a nominative plural, and the name is one person's — the subject is the group (his colleagues), the
        name its genitive dependent. (``коллеги`` alone is also a genitive singular, so the case of the head
        cannot tell; the number of the verb can.)"""
        m = self._name_detail(e, span)
        if m is None or m.span.start <= span.start:
            return False
        head = _mention_head(_WORD.findall(self.text[span.start : m.span.start]))
        words = _WORD.findall(m.text)
        if head is None or not words or not _has_plural_reading(head) or not _is_person_noun(head):
            return False
        # a plural subject and one person's name cannot be in apposition, whatever the name's case ("Коллеги
        # Гайнуллина", a genitive or her nominative): unless the surname is a plural, a family ("Супруги Дорофеевы")
        return not any(p.tag.number == "plur" and "Surn" in p.tag for p in parses(words[-1])[:4])

    def _bare_name(self, e: Entity, span: Span) -> bool:
        """The mention is only the name (no role noun whose own gender already settles who it is)."""
        m = self._name_detail(e, span)
        return m is not None and m.span.start <= span.start + 1

    def _namesakes(self, e: Entity) -> list[Entity]:
        """Other persons of the dispatch with ``e``'s surname (Алла Бут and Виктор Бут)."""
        if not e.surname:
            return []
        return [o for o in self._by_surname.get(lemma(_without_generation(e.surname)), ()) if o is not e]

    def _namesake(self, e: Entity, gender: str, pos: int) -> Entity | None:
        """The one namesake of ``e`` whose gender is ``gender`` and whom the text named before ``pos`` (a son
        introduced three paragraphs later is not who "Дорофеев уточнил" means), or None."""
        before = [o for o in self._namesakes(e) if any(m.start < pos for m in o.mentions)]
        hits = [o for o in before if o.gender == gender]
        if not hits:
            # "сказала Исихара" of Тадаси (a man) and Юко Исихара, whose name the dictionary does not know: the
            # one namesake whose gender nothing contradicts
            hits = [o for o in before if o.gender is None]
        return hits[0] if len(hits) == 1 else None

    def _name_after(self, span: Span, loose: bool = False) -> Entity | None:
        """A person named right after a role mention, in the same attribution ("заявил актер, продюсер и
        директор Нейл Патрик Харрис"): only role words, commas and "и" between (``loose``: any words but
        verbs, "один из авторов законопроекта, депутат Роман Евсеев")."""
        k = bisect.bisect_left(self._p_starts, span.end)
        while k < len(self._p_index) and self._p_starts[k] <= span.end + 80:
            st, en, _, e = self._p_index[k]
            gap = self.text[span.end : st]
            # (a company's name in quotation marks may complement a second role: "руководитель фракции «Народный
            # выбор» Анатолий Рябинин")
            unquoted = _QUOTED_NAME.sub(" ", gap)
            if (
                re.fullmatch(r"[\w\s,-]*", unquoted)
                and not re.search(r"[.!?;:«»\"\n]", unquoted)
                and _cases_agree(self.text[span.start : span.end], self.text[st:en])
                and not self._subject_after_comma(span, gap, st, en, e)
            ):
                words = _WORD.findall(unquoted)
                while words and words[-1][:1].isupper():
                    words.pop()  # the name's own first words the NER left out ("Нейл Патрик Харрис")
                plain = unquoted == gap
                if (
                    plain
                    and loose
                    and not any(p.tag.POS in ("VERB", "GRND", "PRTS", "INFN") for w in words for p in parses(w)[:1])
                ):
                    return e
                if plain and all(
                    _is_person_noun(w) or w == "и" or any(p.tag.POS in ("ADJF", "PRTF") for p in parses(w)[:1])
                    for w in words
                ):
                    return e
                if _second_apposition(unquoted, words):
                    return e
            k += 1
        return None

    def _subject_after_comma(self, span: Span, gap: str, st: int, en: int, e: Entity) -> bool:
        """ "По словам грузинского специалиста, Йылдыз пока не готов играть", "По словам координатора, Рочева нашли
        …": after a role and a comma, a name that no comma or dash closes opens the clause that follows (its
        subject or object): an apposition set off by a comma is set off on both sides ("по словам специалиста,
        Гии Кобахидзе, …")."""
        if gap.strip() != ",":
            return False
        k = en
        while k < len(self.text) and self.text[k] in " \u00a0":
            k += 1
        return k < len(self.text) and (self.text[k].isalnum() or self.text[k] in '«"(')

    def _makers_of_a_work(self) -> None:
        """ "Роль Гамлета в постановке Ильи Зарецкого исполняет …": a person named in the genitive right after a
        work's noun (:data:`WORK_AGENT_NOUNS`: "в постановке", "в переводе", "под руководством") holds the post
        that work implies — the director, the translator, the head — so "рассказал режиссер" can mean him."""
        for i, e in enumerate(self.persons):
            for m in e.mentions:
                words = _WORD.findall(self.text, max(0, m.start - 30), m.start)
                if len(words) >= 2 and words[-2].lower() in ("в", "во", "под", "по") and self.text[m.start - 1] == " ":
                    post = WORK_AGENT_NOUNS.get(lemma(words[-1]))
                    if post is not None and words[-1][:1].islower():
                        self._roles[i] = tuple(dict.fromkeys([*self._roles[i], post]))

    def _colleagues_share_the_post(self) -> None:
        """ "Ведущий аналитик «Арсенала» Дмитрий Громов … Его коллега из «Меридиана» Артем Брагин": a colleague
        ("его/ее коллега") holds the post of the person the possessive points to — the nearest person of its
        gender named before — so the head of that person's role is added to his (Брагин is an analyst too,
        and "сказал аналитик" after his words can mean him)."""
        for i, e in enumerate(self.persons):
            for d in e.details:
                if not d.role or _role_words(d.role)[:1] != ["коллега"]:
                    continue
                m = _HIS_COLLEAGUE.search(self.text, max(0, d.span.start - 80), d.span.start)
                if m is None:
                    continue
                gender = "masc" if m.group(1).lower() == "его" else "femn"
                k = bisect.bisect_left(self._p_starts, d.span.start - len(m.group()))
                before = [x[3] for x in reversed(self._p_index[:k]) if x[3] is not e]
                holder = next((o for o in before if o.gender == gender), None)
                heads = [w[0] for r in (holder.roles if holder else ()) if (w := _role_words(r)) and w[0] != "коллега"]
                if heads:
                    self._roles[i] = tuple(dict.fromkeys([*self._roles[i], heads[0]]))

    def _namesake_described_before(self, q: Quote, people: Sequence[Entity]) -> Entity | None:
        """ "Спор шел между старшим братом Виталием Кочергиным и … ¶ После заседания старший из братьев вышел к
        журналистам. ¶ — …, — сказал Кочергин": the sentence just before the statement names no one but
        describes one of the namesakes by every word of his role ("старший брат"); that one. A definite
        description in the sentence before is how a text tells namesakes apart without their first names."""
        a, k = self._sentence_before(q)
        j = bisect.bisect_left(self._p_starts, a)
        if j < len(self._p_starts) and self._p_starts[j] < k:
            return None  # (the sentence names someone)
        words = set(_lemmas([w for w in _WORD.findall(self.text[a:k]) if w[:1].islower()]))
        fits = []
        for e in people:
            pi = self._order[id(e)]
            if any(set(_lemmas(_WORD.findall(r))) <= words for r in self._roles[pi] if _WORD.findall(r)):
                fits.append(e)
        return fits[0] if len(fits) == 1 else None

    def _namesake_in_paragraph(self, hits: Sequence[tuple[int, Entity]], pos: int) -> Entity | None:
        """ "аналитик Дмитрий Кулагин (не родственник главы компании). «…», — отметил Кулагин": of two people
        who share a surname, the only one the paragraph of the mention names before it (by a fuller name than
        the surname alone) is meant — not when the paragraph names the other one too, if only by the surname
        ("роль Лозового …, деда, Семена Лозового. «…», — рассказал Лозовой": both are in the paragraph)."""
        here = {e.name: self._mentions_in_paragraph(e, pos) for _, e in hits}
        named = [e for _, e in hits if any(len(_WORD.findall(self.text[m.start : m.end])) > 1 for m in here[e.name])]
        if len(named) != 1 or sum(1 for ms in here.values() if ms) > 1:
            return None
        return named[0]

    def _named_next(self, span: Span | None) -> Entity | None:
        """ "— сказал почетный гость турнира. Им был … Рамазан Курбанов": the next sentence says who the role
        mention was, "Им/Ею был(а)/оказался/оказалась" and a name; that person."""
        if span is None:
            return None
        m = _NAMED_NEXT.match(self.text, span.end)
        if m is None:
            return None
        k = bisect.bisect_left(self._p_starts, m.end())
        if k >= len(self._p_index):
            return None
        st, _, _, e = self._p_index[k]
        return e if st - m.end() <= 120 and not re.search(r"[.!?\n]", self.text[m.end() : st]) else None

    def _continued_by(self, span: Span | None) -> Entity | None:
        """ "«…», — сказал журналистам генеральный директор покупателя. Барсуков добавил, что …": the sentence right
        after a statement whose speaker is a role names, as its subject, a person who goes on speaking
        (:data:`CONTINUING_VERBS`) — the holder of that role; "добавил" adds to one's own words."""
        if span is None:
            return None
        m = _SENTENCE_GAP.match(self.text, span.end)
        if m is None:
            return None
        k = bisect.bisect_left(self._p_starts, m.end())
        if k >= len(self._p_index) or self._p_starts[k] != m.end():
            return None
        st, en, _, e = self._p_index[k]
        if fold(self.text[st:en]) not in {fold(n) for n in (e.name, e.surname) if n}:
            return None  # (the name in the nominative: the subject)
        after = _WORD.findall(self.text[en : en + 40])[:2]
        if after and lemma(after[0]) == "также":
            after = after[1:]
        return e if after and lemma(after[0]) in CONTINUING_VERBS else None

    def _of_nationality(self, role_lems: Sequence[str], gender: str | None) -> Entity | None:
        """ "— сказал грузинский борец" after "грузин Леван Чихладзе": a country's adjective in the mention names
        the one person whose role gives that nationality (a noun or adjective of its stem)."""
        adjs = [w for w in role_lems if _country_adjective(w)]
        if not adjs:
            return self._of_people_noun(role_lems, gender)
        # (a role that is the nationality alone, "грузин", or one of the mention's head: not "посол России" for
        # "российский министр")
        hits = [
            self.persons[pi]
            for pi in self._with_roles
            for r in self._roles[pi]
            if any(_nationality_stem(a, lemma(w)) for a in adjs for w in _WORD.findall(r))
            and (len(_WORD.findall(r)) == 1 or _role_match(tuple(role_lems), r) > 0)
        ]
        hits = list({id(e): e for e in hits}.values())
        hits = [e for e in hits if _gender_ok(gender, e.gender) or gender not in ("masc", "femn")]
        return hits[0] if len(hits) == 1 else None

    def _of_people_noun(self, role_lems: Sequence[str], gender: str | None) -> Entity | None:
        """ "— ответил турок" after "турецкий нападающий Эмре Йылдыз": a bare noun of a people names the one person
        the dispatch describes by that people's adjective — in a role, or right before a role or a name of theirs
        (the adjective the role itself leaves out). Only a noun no role of anyone's contains as it is."""
        if len(role_lems) != 1 or not _is_noun(role_lems[0]):
            return None
        noun = role_lems[0]
        hits: dict[int, Entity] = {}
        for e in self.persons:
            if any(noun in _WORD.findall(r) for r in e.roles):
                return None  # a role word, no people's noun ("нападающий")
            if not _gender_ok(gender, e.gender) and gender in ("masc", "femn"):
                continue
            for a in self._nationality_adjectives(e):
                if _nationality_stem(a, noun):
                    hits[id(e)] = e
        return next(iter(hits.values())) if len(hits) == 1 else None

    def _nationality_adjectives(self, e: Entity) -> list[str]:
        """The place and people adjectives the text gives ``e``: in its roles, and the one word right before a
        role or a name of its (``турецкий нападающий Эмре Йылдыз``). Worked out once per person."""
        got = self._nationalities.get(id(e))
        if got is not None:
            return got
        out = [lemma(w) for r in e.roles for w in _WORD.findall(r) if _country_adjective(lemma(w))]
        for m in e.details:
            start = m.role_span.start if m.role_span is not None else m.span.start
            m_before = _LAST_WORD.search(self.text, max(0, start - 40), start)
            if m_before is not None and _country_adjective(lemma(m_before.group(1))):
                out.append(lemma(m_before.group(1)))
        self._nationalities[id(e)] = out
        return out

    def _label_by_intro(self, head: str, span: Span | None) -> Entity | None:
        """ "допрос бывшего бухгалтера Веры Ткачук … В суде свидетельница заговорила иначе. ¶ Гаврилюк: … ¶
        Свидетель: …": a role label no one named holds is the one person the paragraph introducing the transcript
        names, when that paragraph calls someone by the label's role (a word of its stem)."""
        if not self._is_label(span) or span is None:
            return None
        end = span.start - 1
        for _ in range(60):  # back over the transcript's labelled paragraphs to the one introducing them
            a = self.text.rfind("\n", 0, max(0, end - 1)) + 1
            para = self.text[a:end].strip()
            if para and not _LABELLED_PARAGRAPH.match(para):
                break
            if a == 0:
                return None
            end = a - 1
        else:
            return None
        if not any(_same_stem(head, lemma(w)) for w in _WORD.findall(para) if w[:1].islower()):
            return None
        lo = bisect.bisect_left(self._p_starts, a)
        hi = bisect.bisect_left(self._p_starts, end)
        named = {id(x[3]): x[3] for x in self._p_index[lo:hi]}
        return next(iter(named.values())) if len(named) == 1 else None

    def _is_label(self, span: Span | None) -> bool:
        """The mention is a transcript label ("Адвокат:", "Судья (Марина Колесникова):" — a paragraph opened by
        the mention and a colon)."""
        if span is None or (span.start > 0 and self.text[span.start - 1] != "\n"):
            return False
        return _LABEL_TAIL.match(self.text, span.end) is not None

    def _unnamed(self, words: Sequence[str], span: Span | None, number: str | None = None):
        desc = " ".join(inflect_phrase(list(words), "nomn", number=number))
        head = words[_head_index(words, 0)]
        self.unnamed.setdefault(desc, _noun_gender(head))
        return desc, UNNAMED_KIND, span

    def _capitalised_role(self, words: Sequence[str], head_i: int, pos: int) -> bool:
        """``Министр обороны``, ``Президент`` (opening a sentence): a role word, not a name."""
        w = words[head_i]
        if not w[:1].isupper() or w.isupper() or not is_known(w):
            return False
        if any(t in p.tag for p in parses(w)[:3] for t in ("Name", "Surn", "Patr")):
            return False
        return _key(w) not in self._surname_keys and "\0" + lemma(w) not in self._surname_keys

    def _representative_of(self, tail: Sequence[str], pos: int, gender: str | None) -> Entity | None:
        """``представитель Philips`` → the one person the dispatch introduced with Philips (in the role
        or in the same sentence just before the name), when the cue's gender agrees."""
        keys = {_key(w) for w in tail if w[:1].isupper() or _is_latin_word(w)}
        if not keys:
            return None
        orgs = [o for o in self.orgs if any(_key(x) in keys for x in _WORD.findall(o.name))]
        org_words = {_key(x) for o in orgs for x in _WORD.findall(o.name)} | keys
        ends = sorted(om.end for o in orgs for om in o.mentions)
        cands = []
        for e in self.persons:
            if not _gender_ok(gender, e.gender) and gender is not None:
                continue
            hit = any(org_words & {_key(x) for x in _WORD.findall(r)} for r in e.roles)
            if not hit:
                hit = any(
                    m.span.start < pos and not self._in_quote(m.span) and self._org_just_before(e, m.span, ends)
                    for m in e.details
                )
            if hit:
                cands.append(e)
        return cands[0] if len(cands) == 1 else None

    def _org_just_before(self, e: Entity, span: Span, ends: list[int]) -> bool:
        """One of the organization mentions ending at ``ends`` (sorted) closes at most 150 characters before
        ``span``, in the same sentence, with no other person named in between ("… Philips Джон Смит")."""
        k = bisect.bisect_left(ends, span.start - 150)
        while k < len(ends) and ends[k] <= span.start:
            end = ends[k]
            k += 1
            if re.search(r"[.!?;»«\"\n]", self.text[end : span.start]):
                continue
            j = bisect.bisect_left(self._p_starts, end)
            others = False
            while j < len(self._p_index) and self._p_starts[j] <= span.start:
                _, x_end, _, p = self._p_index[j]
                if p is not e and x_end <= span.start:
                    others = True
                    break
                j += 1
            if not others:
                return True
        return False

    def _pronoun(self, qi: int, q: Quote, pos: int, g: str | None, span: Span | None):
        """ "он"/"она"/"они" → the nearest earlier speaker or person agreeing in gender; an unnamed role
        that spoke just before ("— сказал посол. «…», — добавил он") counts."""
        u = None
        spoke: Entity | None = None  # the named person whose statement, agreeing in gender, comes just before
        for j in range(qi - 1, -1, -1):
            name, gj, pj = self.records[j]
            if name is None:
                continue
            if q.paragraph - self.quotes[j].paragraph > 2:
                break
            if not _gender_ok(g, gj):
                continue
            if name in self.unnamed or (g == "plur" and name in self.out):
                u = (name, pj)
            elif q.paragraph == self.quotes[j].paragraph:
                spoke = self._first_by_name.get(name)
            break
        if g == "plur":
            # "они": the group (or the organization, "сообщили в МЧС") that spoke just before
            return (u[0], self.out[u[0]].kind if u[0] in self.out else UNNAMED_KIND, span) if u else (None, None, None)
        e = self._topic_of_sentence_before(pos, g) or self._nearest_person(pos, g, q, qi)
        if e is not None and span is not None and self._own_clause_subject(span, e):
            # "Корреспондент Вера Михайлова поговорила с ним": an object pronoun is not its clause's subject
            e = self._nearest_person(self._sentence_start(span.start), g, q, qi)
        role = self._role_subject_phrase(pos, e) if e is not None else None
        if role is not None:
            # "… сказала её дочь Ольга. … Сама актриса не любила говорить о славе. … она говорила: «…»": the role
            # subject the pronoun continues is the one person whose role it fits in full (the "народная артистка")
            holder = self._sole_holder(role, g)
            if holder is not None:
                self.why = "the pronoun continues a role subject: the one person that role fits"
                return holder.name, "person", span
        if e is not None and (role is not None or self._continues_abstained_pronoun(qi, q, pos)):
            self.why = _CONTINUES_ROLE_SUBJECT
            return None, None, span
        if u is not None:
            last = -1
            if e is not None:
                # a person spoken of since as a subject wins; one only named as an object does not
                last = max(
                    (
                        m.span.start
                        for m in e.details
                        if m.span.end <= pos and m.case in ("nomn", None) and not self._in_quote(m.span)
                    ),
                    default=-1,
                )
            if e is None or u[1] > last:
                return u[0], UNNAMED_KIND, span
        if e is None and spoke is not None and g in ("masc", "femn"):
            # "Мельник, в свою очередь, признался, что … «…», — пошутил он": a surname the people stage left to no
            # one (two of that name), but resolved for the statement just before in this paragraph — "он" is that
            # statement's speaker
            self.why = "the pronoun: the speaker of the statement just before, in this paragraph"
            return spoke.name, "person", span
        return (e.name, "person", span) if e else (None, None, None)

    def _org_named_with(self, head: str, pos: int) -> Entity | None:
        """The organization last introduced before ``pos`` with the common noun ``head`` in apposition
        ("группа The Rolling Stones", "компания «Вектор»"): a later bare "группы" is that organization."""
        if self._introduced is None:
            # once: for each noun, the organization mentions it stands right before, by start
            by_head: dict[str, tuple[list[int], list[Entity]]] = {}
            for e in self.orgs:
                for m in e.mentions:
                    before = self.text[max(0, m.start - 40) : m.start].rstrip(' «"„“')
                    words = _WORD.findall(before)
                    if words and before.endswith(words[-1]) and _is_known_common(words[-1]):  # a common noun
                        starts, ents = by_head.setdefault(lemma(words[-1]), ([], []))
                        starts.append(m.start)
                        ents.append(e)
            for starts, ents in by_head.values():
                order = sorted(range(len(starts)), key=starts.__getitem__)
                starts[:], ents[:] = [starts[i] for i in order], [ents[i] for i in order]
            self._introduced = by_head
        starts, ents = self._introduced.get(head, ([], []))
        k = bisect.bisect_left(starts, pos) - 1
        return ents[k] if k >= 0 else None

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts (after the last ``.!?…`` or line break; bounded)."""
        lo = max(0, pos - _SENTENCE_REACH)
        return max(max(self.text.rfind(ch, lo, pos) for ch in ".!?…\n") + 1, lo)

    def _own_clause_subject(self, span: Span, e: Entity) -> bool:
        """``span`` is an oblique personal pronoun (``ним``, ``ее``, ``ему``) and ``e`` is named in the
        nominative earlier in the same sentence: the subject of its clause, which such a pronoun does not
        refer to (the reflexive ``себя`` would)."""
        word = self.text[span.start : span.end].lower()
        if word not in PRONOUNS or word in SUBJECT_PRONOUNS:
            return False
        a = self._sentence_start(span.start)
        details = e.details  # (in text order: only those of this sentence are looked at)
        k = bisect.bisect_left(details, a, key=lambda m: m.span.start)
        while k < len(details) and details[k].span.start < span.start:
            if details[k].case in ("nomn", None):
                return True
            k += 1
        return False

    def _topic_of_sentence_before(self, pos: int, g: str | None) -> Entity | None:
        """ "Фёдору Ивановичу восемьдесят три года. Он признаётся, что …": a pronoun opening its sentence after one
        that names a single person and no nominative person noun or pronoun (no other subject) is that person,
        whatever the case of the mention — the sentence is about them. A preposition may open the sentence before
        the pronoun: "Заявление Картера стало ответом … По его словам, …"."""
        k = pos
        while k > 0 and self.text[k - 1] in " \t\xa0":
            k -= 1
        prep = _PREPOSITION_BEFORE.search(self.text, max(0, k - 8), k)
        if prep is not None:
            k = prep.start()
            while k > 0 and self.text[k - 1] in " \t\xa0":
                k -= 1
        if k == 0 or self.text[k - 1] not in ".!?…":
            return None
        a = self._sentence_start(k - 1)
        if a >= k - 1 or "\n" in self.text[a : k - 1]:
            return None
        lo = bisect.bisect_left(self._p_starts, a)
        hi = bisect.bisect_left(self._p_starts, k)
        found = {
            id(e): (st, en, e) for st, en, _, e in self._p_index[lo:hi] if en <= k and not self._in_quote(Span(st, en))
        }
        if len(found) != 1:
            return None
        ((st, en, e),) = found.values()
        if not _gender_ok(g, e.gender):
            return None
        rest = _WORD.findall(self.text[a:st] + " " + self.text[en:k])
        if any(
            lemma(w) in PRONOUNS or (_is_person_noun(w) and any(p.tag.case == "nomn" for p in parses(w)[:2]))
            for w in rest
        ):
            return None
        return e

    def _only_adverbials(self, a: int, b: int) -> bool:
        """``[a, b)`` holds no name (no person or organization mention, no capitalized word but the first) and no
        nominative person noun: only circumstances ("В интервью журналу «…» в 1998 году")."""
        if self._person_at(Span(a, b)) is not None:
            return False
        words = _WORD.findall(_QUOTED_NAME.sub(" ", self.text[a:b]))
        return bool(words) and not any(
            (i > 0 and w[:1].isupper())
            or (_is_person_noun(w) and any(p.tag.case == "nomn" for p in parses(w)[:2]))
            or lemma(w) in PRONOUNS
            for i, w in enumerate(words)
        )

    def _other_speaker_just_before(self, qi: int, q: Quote, e: Entity) -> bool:
        """The statement just before ``q``, in its paragraph, is a person's other than ``e``."""
        if qi == 0 or self.quotes[qi - 1].paragraph != q.paragraph:
            return False
        name = self.resolved[qi - 1]
        return name is not None and name != e.name and name in self._first_by_name

    def _roleless_speaker_just_before(self, qi: int, q: Quote, e: Entity, gender: str, pos: int) -> bool:
        """ "Агеева рассказала, что … ¶ — …, — сказала актриса": the statement just before (this paragraph or the
        one before) is another person's of the cue's gender, whom the text gives no role that the noun could
        contradict, while ``e``, whose role fits, was last named before that paragraph: the noun goes on with the one
        just quoted (the writer would have named the far one again)."""
        if qi == 0 or q.paragraph - self.quotes[qi - 1].paragraph > 1:
            return False
        prev = self.quotes[qi - 1]
        other = self._first_by_name.get(self.resolved[qi - 1] or "")
        if other is None or other is e or other.gender != gender or self._roles[self._order[id(other)]]:
            return False
        lo = self.text.rfind("\n", 0, prev.start) + 1
        return not any(lo <= m.start < pos for m in e.mentions)

    def _continues_abstained_pronoun(self, qi: int, q: Quote, pos: int) -> bool:
        """ "Тренер гостей был менее разговорчив. «…», — сказал он. Он добавил, что …": the chain of one subject
        goes on — the statement just before, in this paragraph, went to no one because its pronoun continued an
        unnamed role subject, and no one has been named since: this pronoun is that role's too."""
        if qi == 0 or self.whys[qi - 1] != _CONTINUES_ROLE_SUBJECT or self.quotes[qi - 1].paragraph != q.paragraph:
            return False
        prev = self.quotes[qi - 1]
        since = max(prev.end, *(sp.end for sp in (prev.speaker_span, prev.cue_span) if sp is not None))
        if since > pos or not re.fullmatch(r"[\s»\"”,.!?…—–-]*(?:[.!?…]\s*)?", self.text[since:pos]):
            return False  # (the pronoun opens the sentence right after that statement's)
        return True

    def _named_in_sentence_before(self, e: Entity, a: int) -> bool:
        """``e`` is named in the sentence that ends right before ``a`` (a sentence's start)."""
        k = a
        while k > 0 and self.text[k - 1] in " \t\xa0\n":
            k -= 1
        b = self._sentence_start(max(0, k - 1))
        return any(b <= m.start and m.end <= k for m in e.mentions)

    def _sole_holder(self, role: tuple[str, ...], g: str | None) -> Entity | None:
        """The one person of the dispatch whose role ``role`` (lemmas) fits in full, of gender ``g``, or None."""
        fits = [
            o
            for o in self.persons
            if max((_role_match(role, r) for r in o.roles), default=0.0) >= 1.0 and _gender_ok(g, o.gender)
        ]
        return fits[0] if len(fits) == 1 else None

    def _role_subject_before(self, pos: int, e: Entity) -> bool:
        """A pronoun opening its sentence continues the subject of the sentence before (subject continuity):
        when that subject is a role phrase ("Сам же главный тренер сборной оценил …. Он заявил …") that
        names nobody and does not fit ``e``'s roles, the pronoun is that role's, not ``e``'s."""
        return self._role_subject_phrase(pos, e) is not None

    def _role_subject_phrase(self, pos: int, e: Entity) -> tuple[str, ...] | None:
        """The lemmas of the role phrase of :meth:`_role_subject_before`, or None where it does not hold.
        (Reason for the length: the walk back to the sentence before and the tests on its subject are one
        reading of one sentence; split, each part would need the other's positions.)"""
        k = pos
        while k > 0 and self.text[k - 1] in " \t\xa0":
            k -= 1
        close = self.text.rfind("»", max(0, k - 40), k)
        if close >= 0 and re.fullmatch(r"»[,\s]*[—–-]?\s*\w+\s*", self.text[close:k]):
            # "«…», — сказала она": the attribution after a quote; the sentence before is the one before the quote
            k = self.text.rfind("«", 0, close)
            while k > 0 and self.text[k - 1] in " \t\xa0":
                k -= 1
        if k > 0 and self.text[k - 1] not in ".!?…\n":
            # (after adverbials only — "В интервью журналу в 1998 году она говорила" — it still opens its clause:
            # no name and no person noun stands before it in its sentence)
            own = self._sentence_start(k)
            if own >= k or not self._only_adverbials(own, k):
                return None  # the pronoun does not open its sentence
            k = own
            while k > 0 and self.text[k - 1] in " \t\xa0":
                k -= 1
        lo = max(0, k - 1 - _SENTENCE_REACH)  # (bounded: a mark absent from the text is no whole-text scan)
        a = max(max(self.text.rfind(ch, lo, k - 1) for ch in ".!?…\n") + 1, lo)
        words = _WORD.findall(self.text[a:k])
        emphatic = False
        while words and lemma(words[0]) in SUBJECT_OPENERS:
            emphatic = emphatic or lemma(words[0]) == "сам"
            words = words[1:]
        if not words:
            return None
        h = _head_index(words, 0)  # "главный тренер": the noun after its adjectives
        if any(n in p.tag for p in parses(words[h])[:3] for n in ("Surn", "Name", "Patr")) or (
            words[h][:1].isupper()
            and (_key(words[h]) in self._surname_keys or "\0" + lemma(words[h]) in self._surname_keys)
        ):
            # a name the NER left out or the people stage left to no one ("Бондаренко не исключила"), or the
            # surname of a person of the dispatch that is a common noun too ("Мельник, в свою очередь, признался")
            return None
        if (
            not _is_person_noun(words[h])
            or _is_plural_noun(words[h])
            or not any(p.tag.POS == "NOUN" and p.tag.case == "nomn" for p in parses(words[h])[:2])
        ):
            return None
        head = a + self.text[a:k].find(words[0])
        if self._person_at(Span(head, k)) is not None:
            return None  # the role phrase names its holder ("Министр Олег Дымов …")
        np_end = h + 1
        while np_end < min(len(words), h + 5) and not any(p.tag.POS in _NOT_NP_POS for p in parses(words[np_end])[:1]):
            np_end += 1  # the role phrase: the head and its genitive words
        role_lems = tuple(_lemmas(words[:np_end]))
        if (
            np_end == 1
            and not emphatic
            and self._named_in_sentence_before(e, a)
            and _gender_ok(_word_gender(words[h]), e.gender)
            and not any(_role_match(role_lems, r) > 0 for o in self.persons if o is not e for r in o.roles)
        ):
            # "… Людмила Гордеевна Осадчих. Пенсионерка пришла … «…», — сказала она": a bare person noun opening the
            # sentence right after the one that names e is an epithet for e, not someone new — unless it is
            # emphatic ("Сама актриса …": the other one) or another person's role ("актриса" of the "артистка")
            return None
        # (a role that fits e only in part, the phrase saying more than e's role does — "тренер гостей" for the
        # home team's "главный тренер «Горняка»" — is another's)
        return role_lems if max((_role_match(role_lems, r) for r in e.roles), default=0.0) < 1.0 else None

    # ---- one mention -----------------------------------------------------------------------------

    def resolve_one(self, qi: int, q: Quote) -> tuple[str | None, str | None, Span | None]:
        """(name, kind, span to record as a mention)"""
        span = q.speaker_span
        if span is not None:
            mention = self.text[span.start : span.end]
        elif q.speaker:
            mention = q.speaker
        else:
            found = self._document_in_cue(q)
            if found is None:
                subject = self._colon_intro_subject(q)
                if subject is not None:
                    self.why = "the person opening the sentence that introduces the quote with a colon"
                    return subject[0].name, "person", subject[1]
                addressed = self._answer_to_address(q)
                if addressed is not None:
                    self.why = "the answer to a question put to this person by name"
                    return addressed.name, "person", None
                return None, None, None
            mention = found
        words = _WORD.findall(mention)
        if not words:
            return None, None, None
        # drop leading prepositions and fillers ("по словам", "в МИД"), minding the case a genitive-only one
        # governs ("из сводки ФГУП …" is the сводка, not two сводки)
        self._mention_case = None
        while words and (words[0].lower() in _PREPOSITIONS or words[0].lower() in _FILLER):
            if words[0].lower() in _GENITIVE_PREPOSITIONS:
                self._mention_case = "gent"
            words = words[1:]
        if not words:
            return None, None, None
        pos = span.start if span else q.start

        cue_g = _cue_gender(q.cue)
        # 1. a named person inside the mention — when the cue verb agrees ("рассказала Бут" is not Виктор Бут)
        if span is not None and self._coordinated_people(span):
            # "Супруги Николай и Галина Дорофеевы рассказали": several speakers, none of them alone — unless the
            # question just before was put to one of them by name (a press conference of two)
            addressed = self._answer_to_address(q)
            if addressed is not None:
                self.why = "the answer to a question put to this person by name (of several introduced)"
                return addressed.name, "person", None
            self.why = "several people joined in the mention: abstained"
            return None, None, span
        if span is not None:
            e = self._person_at(span)
            if e is not None and self.text[span.start : span.start + 1].islower():
                # a role word the people stage tied to someone ("актер" → the actor named before) yields to
                # a name right after the role in this very attribution ("актер, продюсер и директор Нейл …")
                after = self._name_after(span)
                if after is not None and after is not e:
                    self.why = "the name after the role"
                    return after.name, "person", span
            if e is not None and (self._owned_by_head(e, span) or (cue_g == "plur" and self._group_of(e, span))):
                e = None  # "Помощник Хиллари Клинтон", "Пресс-служба Кадырова": the name depends on the head
            if e is not None:
                bare = self._bare_name(e, span)
                # the gender the text gives: the cue verb ("рассказала"), else the surname's own form
                # ("по словам Дорофеевой" can only be a woman)
                said_g = (
                    cue_g
                    if cue_g in ("masc", "femn")
                    else (_form_gender(self.text[span.start : span.end]) if bare else None)
                )
                if (
                    bare
                    and said_g
                    and e.gender
                    and e.gender != said_g
                    and (self._namesakes(e) or first_name_gender(e.first) not in (None, said_g))
                ):
                    # a namesake of the other gender, or a first name whose gender the dictionary knows
                    other = self._namesake(e, said_g, span.start)
                    self.why = "a namesake agreeing in gender" if other else "gender disagrees: abstained"
                    return (other.name, "person", span) if other else (None, None, span)
                if (
                    self._namesakes(e)
                    and len(_WORD.findall(self.text[span.start : span.end])) == 1
                    and said_g is None
                    and e.first
                    and not self.text[span.start : span.end].lower().startswith(e.first.lower())
                ):
                    self.why = "two people share this surname: abstained"
                    return None, None, span
                self.why = "a name in the mention"
                return e.name, "person", span

        lw = [w.lower().replace("ё", "е") for w in words]
        lems = _lemmas(words)
        gender = cue_g

        # a possessive determiner before a noun ("ее соседка Мадина Алиева") is no speaker itself
        possessed = False
        if len(words) > 1 and lw[0] in _POSSESSIVE_DET and _is_nominal(words[1]):
            words, lw, lems = words[1:], lw[1:], lems[1:]
            possessed = True
        elif span is not None and _POSSESSIVE_BEFORE.search(self.text, max(0, span.start - 8), span.start):
            possessed = True

        # "один из авторов законопроекта, депутат Роман Евсеев": the name that follows says who the one is
        # (and "младший из близнецов, Макар": an adjective used as a noun, of a group, then who it is)
        partitive = (
            span is not None
            and len(words) == 1
            and any(p.tag.POS == "ADJF" and p.tag.case == "nomn" for p in parses(words[0])[:2])
            and re.match(r"\s+из\s", self.text[span.end : span.end + 5]) is not None
        )
        if (lw[0] in ("один", "одна") or partitive) and span is not None:
            e = self._name_after(span, loose=True)
            if e is not None and (gender not in ("masc", "femn") or _gender_ok(gender, e.gender)):
                self.why = "the name after 'один из …' (\"младший из …\")"
                return e.name, "person", span

        # 2. pronouns
        if lw[0] in PRONOUNS and len(lw) <= 2:
            g = PRONOUNS[lw[0]]
            if (
                lw[0] == "ним"
                and span is not None
                and _INSTR_PREP_BEFORE.search(self.text, max(0, span.start - 8), span.start)
            ):
                g = "masc"  # "с ним": the instrumental singular ("с ними" is the plural)
            if gender == "plur":
                g = "plur"
            return self._pronoun(qi, q, pos, g or gender, span)

        if len(lw) == 1 and lemma(words[0]) in GENERIC_PERSON_NOUNS and words[0][:1].islower():
            # "«…», — сказала женщина": a bare "женщина"/"мужчина" points back to the person spoken of, as "она"
            return self._pronoun(qi, q, pos, GENERIC_PERSON_NOUNS[lemma(words[0])], span)

        if len(words) > 1 and lw[0] in _LOCATIVE_PREPS and _is_nominal(words[1]):
            # "Как заверили в компании-покупателе": where the statement was made — a body, not a person
            return self._org_description(words[1:], pos, span), "organization", span
        head0 = next((i for i, w in enumerate(words) if w[:1].isalpha()), 0)
        # the head noun, after its agreeing adjectives ("финансового директора", "местные жители")
        head_i = _head_index(words, head0)
        head, head_word = lems[head_i], words[head_i]
        if _org_compound(lems[head0]):
            # "компания-дистрибьютор «Север Фильм»": the first part of a hyphenated compound is its head
            return self._org_description(words, pos, span), "organization", span

        # 3. organizations and documents
        court = self._court_of_ruling(lems[head0], len(words) == head0 + 1, pos)
        if court is not None:
            self.why = "a court's ruling: the court named before"
            return court, "organization", span
        if lems[head0] in DOCUMENT_HEADS and not _is_person_noun(words[head0]):
            if len(words) > head0 + 1:  # "в сообщении телеканала", "в заявлении гособвинителя …"
                return self._org_description(words[head0 + 1 :], pos, span), "organization", span
            author = self._document_author(lems[head0], q)
            if author is not None:
                self.why = author[1]
                return author[0].name, "person", None
            if lems[head0] == "документ" and self._personal_document_before(q.start):
                self.why = "a person's document without its author: abstained"
                return None, None, None
            if self.last_org_speaker:
                return self.last_org_speaker, "organization", None
            found = self._earlier_attribution(q.start) or self._earlier_announcer(q.start)
            if found:
                return found, "organization", None
            # a document with no owner the dispatch names is no speaker ("говорится в пресс-релизе")
            return None, None, None
        # (the head may follow its adjectives: "во внешнеполитическом ведомстве Казахстана")
        if (
            lems[head0] in ORG_SPEAKER_HEADS
            or (head_i > head0 and head in ORG_SPEAKER_HEADS and not _is_person_noun(head_word))
            or (
                span is not None
                and self._org_at(span) is not None
                # ("Росстата": a name the dictionary lacks, guessed an animate noun, that NER gave a body)
                and (not _is_person_noun(head_word) or (head_word[:1].isupper() and not is_known(head_word)))
            )
        ):
            desc = self._org_description(words, pos, span)
            return desc, "organization", span

        if len(words) == 1 and not _is_person_noun(head_word):
            org = self._org_named_with(head, pos)
            if org is not None:  # "группа The Rolling Stones" … "в заявлении группы"
                self.why = "the noun the organization was introduced with"
                return org.name, "organization", span

        # 4. a role or a bare person noun ("Министр обороны" opening a sentence is a role too)
        if (
            _is_person_noun(head_word)
            and (head_word[:1].islower() or self._capitalised_role(words, head_i, pos))
            or head in ROLE_HEAD_EQUIV
        ):
            if head_word[:1].isupper() and not head_word.isupper():
                words = [
                    w.lower() if i <= head_i and w[:1].isupper() and not w.isupper() else w for i, w in enumerate(words)
                ]
            if gender is None:
                gender = _word_gender(head_word)
            if _is_plural_noun(head_word):
                return self._unnamed(words, span)  # "местные жители", "эксперты": a group, no person
            if gender == "plur" and _has_plural_reading(head_word):
                # "Синоптики … предупредили": the plural verb tells the number "синоптики" leaves open
                return self._unnamed(words, span, number="plur")

            if span is not None:
                e = self._name_after(span)
                if e is not None and (gender not in ("masc", "femn") or _gender_ok(gender, e.gender)):
                    self.why = "the name after the role"
                    return e.name, "person", span
            if head in _REPRESENTATIVE_HEADS and len(words) > head_i + 1 and span is not None:
                e = self._representative_of(words[head_i + 1 :], pos, gender)
                if e is not None:
                    return e.name, "person", span
            # (a name closing the mention is no part of the role: "Прокурор Мамаду Туре" scores as "прокурор")
            mention = self.text[span.start : span.end] if span else ""
            quoted = set(_WORD.findall(" ".join(_QUOTED_NAME.findall(mention))))  # (an organization's name)
            named_at = next(
                (k for k in range(head_i + 1, len(words)) if _person_name_word(words[k]) and words[k] not in quoted),
                len(words),
            )
            role_lems = tuple(lems[:named_at])
            scored = []
            for pi in self._with_roles:  # (a person without a role scores 0)
                e, roles = self.persons[pi], self._roles[pi]
                s = max((_role_match(role_lems, r) for r in roles), default=0.0)
                if head_i > 0:  # "бывший министр", "узбекский министр": the head first, its modifiers after
                    moved = role_lems[head_i:] + role_lems[:head_i]
                    s = max(s, max((_role_match(moved, r) for r in roles), default=0.0))
                if s > 0:
                    last = max((m.start for m in e.mentions if m.start < pos), default=-1)
                    scored.append((s, last, e))
            nat = self._of_nationality(role_lems, gender)
            if nat is not None:
                self.why = "the one person the dispatch gives the mention's nationality"
                return nat.name, "person", span
            if head in PARTY_MEMBERS:
                member = self._party_member(head, pos, gender, qi, q)
                self.why = (
                    "the one person the dispatch ties to the mention's party"
                    if member
                    else "a party's member, and the dispatch ties no one person to that party: abstained"
                )
                return (member.name, "person", span) if member else (None, None, span)
            if scored:
                if gender in ("masc", "femn"):
                    scored = [x for x in scored if not x[2].gender or x[2].gender == gender] or scored
                # a bare role points back first: someone named only after the statement ("Главный врач Олег
                # Корнеев" a paragraph later) only when no one named before fits
                scored = [x for x in scored if x[1] >= 0] or scored
                s, last, e = max(scored, key=lambda x: (x[0], x[1]))
                rivals = {x[2].name for x in scored if x[0] == s}
                if len(rivals) > 1:
                    # "Нгуги заявил, что … ¶ «…», — сказал министр": of two ministers, the one whose statement
                    # comes right before (this paragraph or the one before) is meant
                    prev = self._spoke_just_before(qi, q, rivals)
                    if prev is not None:
                        self.why = "the role of the person whose statement comes just before"
                        return prev.name, "person", span
                    self.why = "the role fits two people equally: abstained"
                    return None, None, span
                named_in_mention = {fold(w) for w in words[head_i + 1 :] if w[:1].isupper()}
                named_in_role = {fold(w) for r in e.roles for w in _WORD.findall(r)}
                if gender in ("masc", "femn") and self._roleless_speaker_just_before(qi, q, e, gender, pos):
                    # (before the abstention below: "Сафин признал, что … «…», — сказал нападающий «Камы-Энергии»"
                    # — the noun is an epithet for Сафин, just quoted and given no role, not for the forward of
                    # the paragraph before)
                    self.why = "the role's holder is far back: the person of no contradicting role just quoted"
                    other = self._first_by_name[self.resolved[qi - 1] or ""]
                    return other.name, "person", span
                if s < 1.0 and named_in_mention - named_in_role and self._other_speaker_just_before(qi, q, e):
                    # the role fits the forward named elsewhere only in part (not his team); the statement just
                    # before is another's
                    self.why = "the role fits in part, and another person's statement comes just before: abstained"
                    return None, None, span
                if gender in (None, "plur") or not e.gender or e.gender == gender:
                    self.why = "the role of a person named in the dispatch"
                    return e.name, "person", span
            if head in UNNAMED_SOURCES or (len(words) > 1 and head not in ROLE_HEAD_EQUIV and not scored):
                tail = _trailing_name(words) if head in UNNAMED_SOURCES else None
                if tail:
                    # "аналитик Кира Лебедь": the source is named, though the NER missed it
                    self.why = "the name after the role (not tagged by the NER)"
                    return tail, "person", span
                if head in UNNAMED_SOURCES:
                    if head in INTERVIEWEE_NOUNS:
                        return self._interviewee(words, head, q, qi, pos, gender, span)
                    e = self._just_quoted(words, head, q, qi, gender)
                    if e is not None:
                        self.why = "a bare noun for the person whose statement this paragraph has just given"
                        return e.name, "person", span
                    e = self._epithet_source(words, head, q, qi, pos, gender)
                    if e is not None:
                        self.why = "a bare epithet for the source the text has been quoting"
                        return e.name, "person", span
                    e = self._label_by_intro(head, span)
                    if e is not None:
                        self.why = "a role label: the one person the transcript's introduction gives that role"
                        return e.name, "person", span
                    return self._unnamed(words, span)
            # "капитан ледокола Сергей Бахметьев": a name the NER missed closes the role — the person it names
            tail = _trailing_name(words)
            if tail:
                self.why = "the name after the role (not tagged by the NER)"
                return tail, "person", span
            e = self._named_next(span)
            if e is not None and _gender_ok(gender, e.gender):
                self.why = "the sentence after names who it was (Им был …)"
                return e.name, "person", span
            if head in EPITHET_SOURCES and head not in UNNAMED_SOURCES:
                # "— рассказала ученая" at the start of the paragraph after the scientist's statement
                e = self._epithet_source(words, head, q, qi, pos, gender)
                if e is not None:
                    self.why = "a bare epithet for the source the text has been quoting"
                    return e.name, "person", span
            e = self._continued_by(span)
            if (
                e is not None
                and _gender_ok(gender, e.gender)
                and not any(_role_contradicts(role_lems, r) for r in e.roles)
            ):
                self.why = "the person the next sentence says went on speaking (Барсуков добавил …)"
                return e.name, "person", span
            # (not for "сказал его брат": someone related to the person spoken of, not that person)
            # (not for a transcript label, "Адвокат: …": the nearest person is anyone the report named)
            # (nor for a mention that holds a name: "Помощник Хиллари Клинтон" is nobody named before)
            # (nor after a plural verb: "Синоптики … предупредили" are a group, not the person named before)
            if (
                len(words) <= 3
                and not possessed
                and gender != "plur"
                and not self._is_label(span)
                and named_at == len(words)
            ):
                e = self._nearest_person(pos, gender, q, qi)
                if e is not None and any(_role_contradicts(role_lems, r) for r in e.roles):
                    self.why = (
                        "the role contradicts the nearest person's (another country, the opposite rank): abstained"
                    )
                    return None, None, span
                if (
                    e is not None
                    and e.roles
                    and all(_post_over_another_thing(words, head_i, role_lems, r) for r in e.roles)
                ):  # (every role of his: "председатель правления банка, бывший вице-губернатор" is "глава банка")
                    self.why = "the mention's post is over another thing than the nearest person's: abstained"
                    return None, None, span
                if e is not None and len(words) == 1 and self._paragraphs_since(e, pos) > 1:
                    # "Актер признался, что …" two paragraphs after the one who was named: a bare noun reaches
                    # back to the paragraph before, no further
                    self.why = "a role no one named holds, and no one fitting is named close before: abstained"
                    return None, None, span
                if e is not None and len(words) == 1 and self._described_by_kin_of(e, head, pos):
                    self.why = "a role no one named holds, and the nearest person is described as kin of one: abstained"
                    return None, None, span
                if e is not None and len(words) == 1 and self._unnamed_bearer_since(e, head, pos):
                    self.why = "a role no one named holds, and someone unnamed was described so since: abstained"
                    return None, None, span
                if e is not None:
                    self.why = "a role no one named holds: the person spoken of just before"
                    return e.name, "person", span
            return self._unnamed(words, span)

        # 5. a name NER did not tag: surname of a known person, or a new person from the text
        # (the leading capitalized words: "Силуанов журналистам" is the surname and the addressee; a form of
        # address before them is no part of the name: "пояснил господин Мацумото")
        while len(words) > 1 and fold(words[0]) in HONORIFICS:
            words = words[1:]
        caps = []
        for w in words:
            if not (w[:1].isupper() or PREFIXED_NAME_RE.fullmatch(w)):
                break
            caps.append(w)
        # "рассказала Мельник РИА Новости": the outlet told (a dative the verb governs) is no part of the name
        for k in range(1, len(caps)):
            if _is_agency(" ".join(caps[k:])):
                caps, words = caps[:k], words[:k]
                break
        if (
            caps
            and len(caps) <= 4
            and (len(caps) == len(words) or not any(w[:1].isupper() for w in words[len(caps) :]))
        ):
            hits = []
            keys = self._surname_keys
            # the persons whose surname is one of caps, as written or by its lemma, in their order
            for pi in sorted({i for w in caps for k in (_key(w), "\0" + lemma(w)) for i in keys.get(k, ())}):
                e = self.persons[pi]
                # the first name, where the mention gives one, must agree ("Алла Бут" vs "Виктор Бут")
                if len(caps) > 1 and e.first and not any(_key(w)[:1] == _key(e.first)[:1] for w in caps[:-1]):
                    continue
                last = max((m.start for m in e.mentions if m.start < pos), default=-1)
                hits.append((last, e))
            g5 = gender if gender in ("masc", "femn") else _form_gender(" ".join(caps))
            if g5 in ("masc", "femn"):
                hits = [h for h in hits if not h[1].gender or h[1].gender == g5]
            if any(h[0] >= 0 for h in hits):
                hits = [h for h in hits if h[0] >= 0]  # people named before the statement come first
            if len({h[1].name for h in hits}) > 1 and len(caps) == 1:
                near = self._namesake_in_paragraph(hits, pos)
                if near is not None:
                    self.why = "of two namesakes, the one this paragraph has just named"
                    return near.name, "person", span
                prev = self._spoke_just_before(qi, q, {h[1].name for h in hits})
                if prev is not None:
                    # "Об этом сообщил его сын Кирилл Сабуров. ¶ «Папа ушел ночью», — сказал Сабуров": of two
                    # namesakes, the one whose statement comes right before
                    self.why = "of two namesakes, the one whose statement comes just before"
                    return prev.name, "person", span
                described = self._namesake_described_before(q, [h[1] for h in hits])
                if described is not None:
                    self.why = "of two namesakes, the one whose role the sentence just before names"
                    return described.name, "person", span
                self.why = "two people share this surname: abstained"
                return None, None, span
            if hits:
                self.why = "the surname of a person named in the dispatch"
                return max(hits, key=lambda h: h[0])[1].name, "person", span
            if len(caps) == len(words):
                form = normalize_name(tuple(words))
                if any(t in ("Name", "Surn") for t in form.tags):
                    return " ".join(form.words), "person", span
        return None, None, None

    _ATTR_HEADS = ("пресс-служба", "пресс-центр", "заявление", "сообщение", "штаб")
    _UNUSED = ("служба", "ведомство", "министерство", "управление", "администрация", "штаб")

    def _earlier_attribution(self, pos: int) -> str | None:
        """The organization the dispatch named as the source before ``pos`` ("сообщает пресс-служба …")."""
        lo = max(0, pos - 1200)
        tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[\w-]+|[^\w\s]", self.text[lo:pos])]
        tokens = [(a + lo, b + lo, w) for a, b, w in tokens]
        for k in range(len(tokens) - 1, -1, -1):
            a, b, w = tokens[k]
            if self._in_quote(Span(a, b)) or lemma(w) not in self._ATTR_HEADS:
                continue
            # "Пресс-служба «Газпрома» сообщила …" opening a sentence: the common noun in lower case
            phrase = [w.lower() if w[:1].isupper() and not w.isupper() else w]
            for a2, b2, w2 in tokens[k + 1 : k + 8]:
                if not w2[:1].isalnum() and w2 not in ('"', "«", "»"):
                    break
                if w2.lower() in ("во", "в", "на", "со", "с", "о", "об", "по", "для", "что") or self._person_at(
                    Span(a2, b2)
                ):
                    break
                if w2[:1].islower() and any(p.tag.POS in _NOT_NP_POS for p in parses(w2)[:1]):
                    break  # "пресс-служба «Газпрома» сообщила …": the phrase ends at the verb
                if w2 in ('"', "«", "»"):
                    continue
                phrase.append(w2)
            if len(phrase) == 1 and lemma(w) in DOCUMENT_HEADS:
                continue
            return self._org_description(phrase, a)
        return None

    def _earlier_source_phrase(self, org: Entity, pos: int) -> str | None:
        """The source as the dispatch named it before ``pos`` with a speech verb right before it
        ("…, сообщает ГУ МЧС РФ по Приморскому краю."), when it contains a mention of ``org``."""
        from .lexicon.speech import SPEECH_VERBS

        for m in sorted(org.mentions, key=lambda x: -x.start):
            if m.end > pos or self._in_quote(m):
                continue
            before = self.text[max(0, m.start - 60) : m.start]
            mm = re.search(r"([\w-]+)((?:\s+[A-ZА-ЯЁ][\w-]*){0,3})\s*$", before)
            if mm is None or lemma(mm.group(1)) not in SPEECH_VERBS:
                continue
            start = max(0, m.start - 60) + mm.start(2)
            tail = re.match(r"[^.!?\n,;:«»\"()]{0,80}", self.text[m.start : pos])
            phrase = (self.text[start : m.start] + tail.group()).strip() if tail else ""
            if phrase and len(phrase) > len(org.name):
                return phrase
        return None

    def _earlier_announcer(self, pos: int) -> str | None:
        """An organization the dispatch made the subject of a speech verb before ``pos``
        ("Компания «Северсталь» объявила …"): the owner of a later unowned document."""
        from .lexicon.speech import SPEECH_VERBS

        best = None
        for e in self.orgs:
            if _is_agency(e.name):
                continue
            for m in e.mentions:
                if m.end > pos or self._in_quote(m) or (best is not None and m.start < best[0]):
                    continue
                after = re.split(r"[.!?;:,\n]", self.text[m.end : min(pos, m.end + 40)], maxsplit=1)[0]
                if any(lemma(w) in SPEECH_VERBS for w in _WORD.findall(after)[:4]):
                    best = (m.start, e)
        return best[1].name if best else None

    def _answer_to_address(self, q: Quote) -> Entity | None:
        """ "— Невен, чем Бедиа лучше? ¶ — Он не лучше и не хуже, он другой.": an unattributed dash paragraph right
        after a dash question that opens with the name of the one it is put to (a vocative set off by a comma)
        is that person's answer — when the name is a person of the dispatch."""
        self._positional = True  # (the answer depends on where the quote stands: run() caches no such result)
        para = self.text.rfind("\n", 0, q.start) + 1
        if q.kind != "full" or not _DASH_OPENING.match(self.text, para, q.start + 1):
            return None
        prev_end = para
        while prev_end > 0 and self.text[prev_end - 1] in "\n \u00a0":
            prev_end -= 1
        prev = self.text.rfind("\n", 0, prev_end) + 1
        if prev_end == 0 or self.text[prev_end - 1] != "?":
            return None
        dash = _DASH_OPENING.match(self.text, prev, prev_end)
        if dash is None:
            return None
        name = _VOCATIVE.match(self.text, dash.end(), prev_end)
        if name is None:
            return None
        e = self._person_at(Span(name.start(), name.end() - 2))
        # (the person's first name, as one addresses a person: "Невен," is Невен Радович; not a surname opening a
        # question about him, "Трамп, по-вашему, прав?")
        return e if e is not None and e.first and fold(name.group(1)) == fold(e.first) else None

    def _colon_intro_subject(self, q: Quote) -> tuple[Entity, Span] | None:
        """ "Юханссон передумал, несмотря на свой преклонный возраст: «…»": a quote that a colon introduces, with no
        cue and no speaker the scanner could read (a surname the dictionary lacks), is the words of the person
        whose name opens that sentence, in the nominative — the one person it names."""
        if q.kind != "full":
            return None
        k = q.start
        while k > 0 and (self.text[k - 1] in " \u00a0" or self.text[k - 1] in QUOTE_OPENERS):
            k -= 1
        if k == 0 or self.text[k - 1] != ":":
            return None
        a = self._sentence_start(k - 1)
        while a < k and self.text[a] in " \u00a0\n":
            a += 1
        j = bisect.bisect_left(self._p_starts, a)
        named = self._p_index[j : bisect.bisect_left(self._p_starts, k)]
        if not named or named[0][0] != a or len({id(x[3]) for x in named}) != 1:
            return None
        st, en, _, e = named[0]
        written = fold(self.text[st:en])
        if written not in {fold(n) for n in (e.name, e.surname) if n}:
            return None  # (not in the nominative: "Юханссона поддержали: …")
        return e, Span(st, en)

    def _document_author(self, doc: str, q: Quote) -> tuple[Entity, str] | None:
        """ "Тогда художник написал открытое письмо в Министерство культуры. «…», — говорилось в письме": the
        subject of a verb of making a document (:data:`AUTHORING_VERBS`) whose object is that document, in the
        sentence before the quote in its paragraph, is its author — a person named there, or the one person whose
        role the subject names; else its owner (:meth:`_document_owner`). With the reason."""
        para_start = self.text.rfind("\n", 0, q.start) + 1
        a = self._sentence_start(max(para_start, self._sentence_start(q.start) - 1))
        a = max(a, para_start)
        words = [(m.start(), m.group()) for m in _WORD.finditer(self.text, a, q.start)]
        for k, (at, w) in enumerate(words):
            if lemma(w) not in AUTHORING_VERBS or not any(lemma(x) == doc for _, x in words[k + 1 : k + 4]):
                continue
            subject = [x for _, x in words[:k]]
            j = bisect.bisect_left(self._p_starts, a)
            named = {id(e): e for st, _, _, e in self._p_index[j : bisect.bisect_left(self._p_starts, at)]}
            why = "the author of the document, named with the verb that made it"
            if len(named) == 1:
                return next(iter(named.values())), why
            if named or not subject:
                return None
            h = _head_index(subject, 0)
            while h < len(subject) - 1 and not _is_person_noun(subject[h]):
                h = _head_index(subject, h + 1)
            if not _is_person_noun(subject[h]):
                return None
            lems = tuple(_lemmas(subject[h:]))
            scored = [(max((_role_match(lems, r) for r in e.roles), default=0.0), e) for e in self.persons]
            best = max((x for x, _ in scored), default=0.0)
            fits = [e for x, e in scored if x == best and x > 0]
            return (fits[0], why) if len(fits) == 1 else None
        owner = self._document_owner(words)
        return (owner, "the owner of the document named in the sentence before") if owner is not None else None

    def _personal_document_before(self, pos: int) -> bool:
        """ "Младший предъявил завещание отца. «…», — говорится в документе": the document named last before
        ``pos`` (within about two sentences) is one a person writes (:data:`PERSONAL_DOCUMENTS`),
        so the generic "документ" is that paper, not a release of the body cited before it."""
        lo = max(0, pos - 400)
        for m in reversed(list(_WORD.finditer(self.text, lo, pos))):
            lem = lemma(m.group())
            if lem in PERSONAL_DOCUMENTS:
                return True
            if lem in DOCUMENT_HEADS and lem != "документ":
                return False
        return False

    def _document_owner(self, words: list[tuple[int, str]]) -> Entity | None:
        """ "покажут приказ ярославского губернатора Петра Ключарева от 1824 года. «…», — говорится в документе":
        a document noun in the sentence before, its owner in the genitive right after it (a person named within
        a few words, only role words between), is the author of the document quoted."""
        for k, (at, w) in enumerate(words):
            if lemma(w) not in DOCUMENT_HEADS or not w[:1].islower():
                continue
            end = words[k + 4][0] if k + 4 < len(words) else words[-1][0] + len(words[-1][1])
            j = bisect.bisect_left(self._p_starts, at)
            near = [(st, e) for st, _, _, e in self._p_index[j : bisect.bisect_right(self._p_starts, end)]]
            if not near:
                continue
            st, e = near[0]
            between = [x for p0, x in words[k + 1 :] if p0 < st]
            if all(_is_person_noun(x) or _country_adjective(lemma(x)) or x[:1].islower() for x in between) and all(
                any(p.tag.case == "gent" for p in parses(x)[:2]) for x in between
            ):
                return e
        return None

    def _document_in_cue(self, q: Quote) -> str | None:
        """The document a cue names ("говорится в сообщении" + "телеканала" after it), or None."""
        if not q.cue:
            return None
        words = _WORD.findall(q.cue)
        k = next((i for i, w in enumerate(words) if lemma(w) in DOCUMENT_HEADS), None)
        if k is None:
            return None
        tail = []
        if q.cue_span is not None:
            m = re.match(r"[ \t]+([^,.;:!?()\n]{1,80})", self.text[q.cue_span.end : q.cue_span.end + 80])
            if m:
                for w in _WORD.findall(m.group(1))[:4]:
                    if w.lower() in _PREPOSITIONS or lemma(w) in ("поступить", "опубликовать", "размещенный"):
                        break
                    if any(p.tag.POS in ("PRTF", "VERB") for p in parses(w)[:1]):
                        break
                    tail.append(w)
        return " ".join(words[k:] + tail)

    def _nominative(self, words: Sequence[str]) -> str:
        return " ".join(inflect_phrase(list(words), "nomn"))

    def _court_of_ruling(self, doc: str, bare: bool, pos: int) -> str | None:
        """ "говорится в приговоре": only a court passes a sentence — the court named last before ``pos``."""
        return self._body_named_by_head("суд", pos) if bare and doc in COURT_RULINGS else None

    def _body_named_by_head(self, head: str, pos: int) -> str | None:
        """ "говорится в решении суда" after "Свердловский районный суд Костромы признал …": a bare noun of
        :data:`HEAD_NAMED_BODIES` is the last organization before ``pos`` whose own name has that noun as a word
        (a court's name holds "суд") — not the nearest organization of any kind."""
        best: tuple[int, Entity] | None = None
        for e in self.orgs:
            if head not in _lemmas(_WORD.findall(e.name)):
                continue
            last = max((m.start for m in e.mentions if m.start < pos), default=-1)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, e)
        return best[1].name if best else None

    def _org_description(self, words: Sequence[str], pos: int, span: Span | None = None) -> str:
        words = list(words)
        if len(words) == 1 and lemma(words[0]) in HEAD_NAMED_BODIES:
            named = self._body_named_by_head(lemma(words[0]), pos)
            if named is not None:
                return named
        if span is not None:
            org = self._org_at(span)
            if org is not None:
                m_text = " ".join(words).lower()
                if org.name.lower() == m_text or any(
                    self.text[m.start : m.end].lower() == m_text for m in org.mentions
                ):
                    return org.name
        lems = _lemmas(words)
        if len(words) == 1 and lems[0] in ANAPHORIC_ORG:  # "телеканала" → the channel named before
            # (one named in this paragraph; else the one introduced with this very noun: "компании «Полюс-Металл»"
            # … "В компании также сообщили", though an analyst's firm was named in the paragraph before)
            org = self._nearest_org(pos, lems[0])
            if org is None or not self._named_in_paragraph(org, pos):
                org = self._org_named_with(lems[0], pos) or org
            if org is not None:
                return org.name
        if span is not None:
            org = self._org_at(span)
            if org is not None:
                # "региональный главк МЧС" → the fuller "ГУ МЧС РФ по Приморскому краю" named before
                key = org.name.lower()
                fuller = [
                    e for e in self.orgs if e is not org and key in e.name.lower().split() and e.mentions[0].start < pos
                ]
                if fuller:
                    return max(fuller, key=lambda e: len(e.name)).name
                if any(lem in ANAPHORIC_ORG for lem in lems):
                    # "региональный главк МЧС" → "ГУ МЧС РФ по Приморскому краю", named as the source before
                    src = self._earlier_source_phrase(org, pos)
                    if src:
                        return src
        # "пресс-служба ведомства": the anaphoric noun becomes the organization named before
        for i, lem in enumerate(lems):
            if (
                i > 0
                and lem in ANAPHORIC_ORG
                and (i + 1 == len(lems) or not words[i + 1][:1].isupper())
                and not any(p.tag.POS in ("ADJF", "PRTF") for p in parses(words[i - 1])[:1])
            ):
                org = self._nearest_org(pos, lem)
                if org is not None:
                    gen = inflect_phrase(org.name.split(), "gent")
                    head = inflect_phrase(words[:i], "nomn")
                    return " ".join(head + gen)
        return " ".join(inflect_phrase(words, "nomn", source_case=self._mention_case))

    # ---- all -------------------------------------------------------------------------------------

    def _names_person(self, name: str, kind: str | None, span: Span) -> bool:
        """The span names the person: it overlaps a name mention of theirs (a sentence-initial "Президент"
        or "Глава МИД" is capitalized but names no one). A person the NER missed (the name after a role,
        a surname alone) has no mentions: there a capital letter is the name's."""
        if kind != "person":
            return True
        e = self._by_name.get(name)
        if e is None or not e.mentions:
            return any(ch.isupper() for ch in self.text[span.start : span.end])
        if _overlaps_any(self._sorted_mentions(e), span):
            return True
        # a mention the people stage left out ("Командир корабля Юрий Маленченко"): a word of the name in it
        stems = {fold(w)[:4] for w in _WORD.findall(name) if len(w) > 1}
        return any(w[:1].isupper() and fold(w)[:4] in stems for w in _WORD.findall(self.text[span.start : span.end]))

    def _sorted_mentions(self, e: Entity) -> tuple[list[int], list[Span], int]:
        """``e``'s mentions sorted by start, their starts, the longest one's length (kept per person)."""
        got = self._mention_index.get(id(e))
        if got is None:
            ms = sorted(e.mentions)
            got = self._mention_index[id(e)] = ([m.start for m in ms], ms, max((len(m) for m in ms), default=0))
        return got

    def _is_pronoun(self, span: Span) -> bool:
        words = _WORD.findall(self.text[span.start : span.end])
        return not words or all(fold(w) in PRONOUNS for w in words)

    def run(self) -> tuple[list[Quote], list[Speaker]]:
        self.resolved: list[str | None] = []
        self.whys: list[str] = []  # per quote: why its speaker was chosen (or none)
        self._said: set[str] = set()  # the names resolved so far (who has spoken before a statement)
        cache: dict[tuple, tuple] = {}
        new_quotes = []
        for qi, q in enumerate(self.quotes):
            key = (q.speaker_span, q.speaker, q.cue)
            # (the parts of one statement share their mention; quotes with none are resolved by where they stand)
            if (
                key in cache
                and qi > 0
                and q.speaker_span is not None
                and self.quotes[qi - 1].speaker_span == q.speaker_span
            ):
                name, kind, mspan, why = cache[key]
            else:
                self.why = None
                self._positional = False
                name, kind, mspan = self.resolve_one(qi, q)
                why = self.why or _default_reason(q, name, kind)
                if not self._positional:
                    cache[key] = (name, kind, mspan, why)
            self.resolved.append(name)
            self.whys.append(why)
            if name is not None:
                self._said.add(name)
            g = _cue_gender(q.cue)
            if g is None and name is not None:
                g = self.unnamed.get(name) or (
                    self._first_by_name[name].gender if name in self._first_by_name else None
                )
            self.records.append((name, g, mspan.start if mspan is not None else q.start))
            if name is not None:
                o = self.out.get(name)
                if o is None:
                    o = self.out[name] = _Out(name, kind or "person", order=len(self.out))
                o.quotes.append(qi)
                # a person's mentions are where the text names them: a pronoun or a bare role ("он",
                # "министр") stays the statement's speaker_span, and a role is kept as a role mention
                named = self._names_person(name, kind, mspan) if mspan is not None else False
                if mspan is not None and named and mspan not in o.mention_set:
                    o.mention_set.add(mspan)
                    o.mentions.append(mspan)
                elif mspan is not None and not named and kind == "person" and not self._is_pronoun(mspan):
                    o.role_mentions.add(mspan)
                if kind == "organization":
                    self.last_org_speaker = name
            reason = f"{q.reason}; {why}" if q.reason else why
            new_quotes.append(replace(q, speaker=name, reason=reason))

        speakers: list[Speaker] = []
        quoted = sorted(self.out.values(), key=lambda o: (o.quotes[0], o.order))
        by_name = self._by_name
        for o in quoted:
            e = by_name.get(o.name)
            mentions = set(o.mentions)
            role = None
            if e is not None:
                mentions |= set(e.mentions)
                role = e.role
            names = _disjoint(mentions)
            index = ([m.start for m in names], list(names), max((len(m) for m in names), default=0))
            roles = tuple(sorted(r for r in o.role_mentions if not _overlaps_any(index, r)))
            speakers.append(Speaker(o.name, o.kind, role, names, tuple(o.quotes), roles))
        for e in self.persons:
            if e.name not in self.out:
                speakers.append(Speaker(e.name, "person", e.role, _disjoint(e.mentions), ()))
        return new_quotes, speakers


def _mention_head(words: Sequence[str]) -> str | None:
    """The head of a mention's words before a name: the first noun after the adjectives that agree with it
    ("главного тренера" → тренера, "лидер Движения против …" → лидер); a nominative adjective that agrees
    with no noun after it stands for a person itself ("Заведующий отделением")."""
    for i, w in enumerate(words):
        ps = parses(w)[:3]
        if not ps:
            continue
        if ps[0].tag.POS == "NOUN" and not any(p.tag.POS == "ADJF" for p in ps):
            return w
        if any(p.tag.POS in ("ADJF", "PRTF") for p in ps):
            nxt = words[i + 1] if i + 1 < len(words) else None
            cases = {p.tag.case for p in ps if p.tag.POS in ("ADJF", "PRTF")}
            if nxt is None or not any(p.tag.POS == "NOUN" and p.tag.case in cases for p in parses(nxt)[:3]):
                return w if "nomn" in cases else None
            continue
        return None
    return None


def _is_substantive(word: str) -> bool:
    """An adjective or participle standing for a person ("заведующий", "пострадавшая")."""
    ps = parses(word)[:3]
    return bool(ps) and ps[0].tag.POS in ("ADJF", "PRTF")


def _depends_on_head(head: str, name_words: Sequence[str], first_gender: str | None) -> bool:
    """Is the name a genitive dependent of the person noun ``head`` (its aide, its agent) rather than an
    apposition (the head is the name)? Cases that cannot agree say so; an indeclinable name ("Хиллари", a
    woman's surname ending in a consonant: "Лопес") is told by gender: "помощник Хиллари Клинтон"."""
    if not name_words:
        return False
    head_cases = {p.tag.case for p in parses(head)[:4] if p.tag.POS == "NOUN"}
    name_cases = {p.tag.case for p in parses(name_words[0])[:8]}
    if is_known(name_words[0]) and not head_cases & name_cases:
        return True
    if (
        len(name_words) > 1
        and "gent" not in name_cases
        and any("Name" in p.tag and "Fixd" not in p.tag for p in parses(name_words[0])[:2])
    ):
        return False  # "бортинженер Анна Лис": a first name that declines is in the nominative, in apposition
    fixed = any("Fixd" in p.tag for p in parses(name_words[0])[:2]) or (
        first_gender == "femn" and name_words[-1][-1:].lower() not in "аяеиоуыюэё"
    )
    if not fixed or first_gender is None:
        return False
    hg = {str(p.tag.gender) for p in parses(head)[:2] if p.tag.POS == "NOUN" and p.tag.case == "nomn"}
    return len(hg) == 1 and hg <= {"masc", "femn"} and hg != {first_gender}


#: a paragraph opened by a dialogue dash
_DASH_OPENING = re.compile(r"[ \u00a0]*[—–-][ \u00a0]+")
#: a vocative opening a question: a name (one or two capitalized words) set off by a comma ("Невен, …")
_VOCATIVE = re.compile(r"([А-ЯЁ][а-яё-]+)(?:[ \u00a0]([А-ЯЁ][а-яё-]+))?,[ \u00a0]")

_QUOTED_NAME = re.compile(r"«[^«»\n]{1,40}»")


def _cases_agree(mention: str, name: str) -> bool:
    """The role mention's head and the name's first word can stand in one case — the name is the role's
    apposition — or one of them tells no case ("По словам консула, туристке Ольге Рыбаковой": a genitive and a
    dative, another person)."""
    mw, nw = _WORD.findall(mention), _WORD.findall(name)
    if not mw or not nw:
        return True
    head = mw[_head_index(mw, 0)]
    role = {p.tag.case for p in parses(head) if p.tag.POS in ("NOUN", "ADJF", "PRTF") and p.tag.case}
    named = {p.tag.case for p in parses(nw[0]) if ("Name" in p.tag or "Surn" in p.tag) and p.tag.case}
    if not role or not named:
        return True
    gen_acc = {"gent", "accs"}
    return bool(role & named) or (bool(role & gen_acc) and bool(named & gen_acc))


def _second_apposition(gap: str, words: Sequence[str]) -> bool:
    """ "руководитель работы, заведующий лабораторией экологической микробиологии Константин Лаврентьев": after a
    comma, a second role — a person noun (after its adjectives: "народный артист") or a substantivized participle
    in the nominative, then its complement (nouns and adjectives, no verb) — stands between the first role and
    the name. The first role's own complement may come before the comma ("Партнёр Званцевой по многим
    спектаклям, народный артист Геннадий Ромашов")."""
    if gap.count(",") != 1 or not 1 <= len(words) <= 12:
        return False
    pre = _WORD.findall(gap.split(",", 1)[0])
    if len(pre) > 5 or not all(p.tag.POS in _COMPLEMENT_POS for w in pre for p in parses(w)[:1]):
        return False
    words = list(words[len(pre) :])
    while len(words) > 1 and any(p.tag.POS == "ADVB" for p in parses(words[0])[:1]):
        words = words[1:]  # "Его ученица, ныне заведующая отделением Ольга Трофимова"
    if not words:
        return False
    substantive = any(p.tag.POS == "PRTF" and "Subx" in p.tag and p.tag.case == "nomn" for p in parses(words[0])[:2])
    h = 0 if substantive else _head_index(words, 0)  # ("заведующий лабораторией": the participle is the head)
    head = parses(words[h])[:2]
    if not (
        _is_person_noun(words[h]) or any(p.tag.POS == "PRTF" and "Subx" in p.tag and p.tag.case == "nomn" for p in head)
    ):
        return False
    return all(p.tag.POS in _COMPLEMENT_POS for w in words[h + 1 :] for p in parses(w)[:1])


#: The parts of speech of a role's complement ("лабораторией экологической микробиологии", "по многим спектаклям")
_COMPLEMENT_POS = frozenset({"NOUN", "ADJF", "PRTF", "PREP", "CONJ", "NUMR", "PRCL"})


def _person_name_word(w: str) -> bool:
    """A capitalized word the dictionary reads as a first name, surname or patronymic, and not as a place or an
    organization ("Мамаду", "Туре"; not "Казахстана", "МИД", "Экозащита")."""
    if not w[:1].isupper() or w.isupper():
        return False
    ps = parses(w)[:3]
    return any(t in p.tag for p in ps for t in ("Name", "Surn", "Patr")) and not any(
        "Geox" in p.tag or "Orgn" in p.tag for p in ps
    )


def _trailing_name(words: Sequence[str]) -> str | None:
    """The first name and surname closing a mention ("капитан ледокола Сергей Бахметьев"), in the
    nominative; None unless the last two or three capitalised words are a first name and a surname."""
    caps: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper() or w.isupper():
            break
        caps.insert(0, w)
    if not 2 <= len(caps) <= 3 or len(caps) == len(words):
        return None
    if not any("Name" in p.tag for p in parses(caps[0])[:3]):
        return None
    head = _mention_head(words[: len(words) - len(caps)])
    if head is not None and _depends_on_head(head, caps, first_name_gender(caps[0])):
        return None  # "помощник Хиллари Клинтон": the aide, not Клинтон
    form = normalize_name(tuple(caps))
    first_is_name = any("Name" in p.tag and p.tag.case == "nomn" for p in parses(caps[0])[:1])
    if not any(t == "Surn" for t in form.tags) and is_known(caps[-1]) and not first_is_name:
        return None  # (a first name the dictionary reads first as one makes the next word a surname: "Кира Лебедь")
    return " ".join(form.words)


def _is_known_common(word: str) -> bool:
    """A dictionary word that is no name ("Пресс-служба", "Помощник" opening a sentence)."""
    return is_known(word) and not any(t in p.tag for p in parses(word)[:3] for t in ("Name", "Surn", "Patr"))


def _form_gender(mention: str) -> str | None:
    """The gender a lone surname's form leaves possible, when only one: "Дорофеевой" femn, "Дорофеевым" masc;
    "Дорофеева" (his genitive or her nominative) and indeclinable names say nothing."""
    words = _WORD.findall(mention)
    if len(words) != 1:
        return None
    gs = {str(p.tag.gender) for p in parses(words[0]) if "Surn" in p.tag and p.tag.number == "sing"}
    return gs.pop() if len(gs) == 1 and gs <= {"masc", "femn"} else None


def _default_reason(q: Quote, name: str | None, kind: str | None) -> str:
    """A short account of a resolution no branch described itself."""
    if q.speaker_span is None and not q.speaker:
        return "speaker: none in the text" if name is None else f"speaker: from the cue ({kind})"
    mention = "the mention"
    if name is None:
        return f"speaker: {mention} not resolved (abstained)"
    return f"speaker: {mention} resolved to {'a ' + kind if kind else 'a speaker'}"


def _overlaps_any(index: tuple[list[int], list[Span], int], span: Span) -> bool:
    """``span`` overlaps one of the spans of ``index`` (their starts, the spans sorted by start, the longest
    length): a binary search, then back over the spans that may still reach ``span``."""
    starts, spans, longest = index
    k = bisect.bisect_left(starts, span.end) - 1
    while k >= 0 and starts[k] >= span.start - longest:
        if spans[k].overlaps(span):
            return True
        k -= 1
    return False


def _disjoint(spans) -> tuple[Span, ...]:
    """Sorted, non-overlapping mention spans: a span inside or across another is merged into it
    ("министр экономики Максим Решетников" holds the name's own mention)."""
    out: list[Span] = []
    for s in sorted(set(spans), key=lambda x: (x.start, -x.end)):
        if out and s.start < out[-1].end:
            if s.end > out[-1].end:
                out[-1] = Span(out[-1].start, s.end)
            continue
        out.append(s)
    return tuple(out)


def resolve(text: str, quotes: Sequence[Quote], entities: Sequence[Entity]) -> tuple[list[Quote], list[Speaker]]:
    """Quotes with ``speaker`` set to a canonical name (or None), and the speakers list.

    Invariant: every non-None ``quote.speaker`` is the ``name`` of exactly one returned speaker.
    Persons come first in the order they are first quoted, then the persons never quoted.
    """
    return _Resolver(text, quotes, entities).run()


__all__ = ["resolve", "UNNAMED_KIND", "match_case"]
