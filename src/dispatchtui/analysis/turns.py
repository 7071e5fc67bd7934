"""Speech turns: statements made of whole paragraphs, without quotation marks.

``find_turns(text, paragraphs, direct)`` returns direct statements (``Quote`` of kind ``"full"``) that the mark
scanner (:mod:`.quotes`) cannot see, and the direct quotes they replace:

=================================================  ==========================  ==============================
form                                               function                    test (tests/test_turns.py)
=================================================  ==========================  ==============================
«С.Донской: …» / «Аннабель Джонс (продюсер): …»    :func:`transcript_turns`    ``test_transcript_*``
and the unlabelled paragraphs that continue the
turn; «Вопрос: …» / «Медуза»: … are questions
«— Почему вы …? / — Для меня …» interviews: the     :func:`interview_turns`     ``test_interview_*``
answers (and the paragraphs after them) are the
interviewee's, the questions the interviewer's,
named by the intro ("X поговорил с Y")
«X заявил:» closing a paragraph, the next          :func:`colon_blocks`        ``test_colon_block_*``
paragraph unmarked
=================================================  ==========================  ==============================

Continuation is the risky part (a wrong paragraph would carry someone's name): an unlabelled paragraph continues
a turn only inside a dense transcript or interview, or when it speaks in the first or second person ("я", "мы",
"вы"). All parts of one turn share a statement id (``Quote.statement``, negative until
:func:`dispatchtui.analysis.link_statements` turns it into the index of the first part). Linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..model import Quote, Span
from .lexicon.roles import PRONOUNS
from .lexicon.speech import ACCORDING_NOUNS, SPEECH_VERBS
from .lexicon.turns import (
    ANSWER_LABELS,
    CONVERSATION_VERBS,
    FIRST_SECOND_PERSON,
    INTERVIEW_NOUNS,
    INTERVIEW_OBJECT_VERBS,
    INTERVIEWEE_VERBS,
    INTERVIEWER_LABELS,
)
from .morph import get_morph, lemma, parses
from .names import RUSSIAN_SURNAME_ENDINGS

__all__ = ["find_turns", "attribute_paragraph_quotes", "TURN_GROUP_BASE"]

#: Statement ids of turns start here (negated), apart from the mark scanner's groups.
TURN_GROUP_BASE = 1_000_000
_DASHES = "—–-―"
#: At most this many unlabelled paragraphs continue one turn.
MAX_CONTINUATION = 8
_NAME_WORD = r"(?:[A-ZА-ЯЁ]\.[ \u00a0]?)*[A-ZА-ЯЁ][\w’'\-]*"
_LABEL_RE = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,3}}|«[^«»\n]{{1,40}}»)"
    r"(?P<role>[ \u00a0]*\([^()\n]{1,200}\))?"
    # "Марина Ладыгина, «Приозерскавтотранс»:", "Анна Кротова, «Коммерсантъ»:", "Олег Ким, глава района:"
    r"(?P<aff>,[ \u00a0]*(?:«[^«»\n]{1,60}»|[а-яё][^,:()«»\n]{1,60}(?:«[^«»\n]{1,40}»)?))?"
    r"[ \u00a0]*:[ \u00a0]+(?=\S)"
)
_WORD_RE = re.compile(r"[^\W\d_][\w-]*")


@dataclass(frozen=True, slots=True)
class Label:
    name: Span  # the name as written ("С.Донской", "Аннабель Джонс")
    content: int  # where the turn's words start
    question: bool  # an interviewer's label ("Вопрос", «Медуза»)
    answer: bool  # "Ответ:" (the interviewee, named elsewhere)
    role: str | None = None  # the lemma of the role a label gives ("(губернатор края)", ", глава района") or is
    role_only: bool = False  # "Губернатор:": a role and no name


def _name_word(w: str) -> bool:
    """A word that can stand in a person's name: a first name, surname or patronymic, an initial
    ("С.Донской"), or a capitalised word the dictionary does not know (foreign names)."""
    if re.fullmatch(r"(?:[A-ZА-ЯЁ]\.)+[ \u00a0]?[A-ZА-ЯЁ][\w-]*", w):
        return True
    ps = parses(w)
    if any(t in p.tag for p in ps for t in ("Name", "Surn", "Patr")):
        return True
    if _short_adjective_surname(w):
        return True
    return not get_morph().word_is_known(w.lower()) and w[:1].isupper()


def _short_adjective_surname(w: str) -> bool:
    """ "Сомова (КПРФ):": a capitalized word of a surname's shape that the dictionary reads only as a short adjective
    ("сомова"): a surname."""
    ps = parses(w)
    return (
        w[:1].isupper()
        and bool(ps)
        and all(p.tag.POS == "ADJS" for p in ps)
        and w.lower().endswith(RUSSIAN_SURNAME_ENDINGS)
    )


def _woman_named(words: list[str]) -> bool:
    """A woman's first name in the nominative before a surname of the feminine -ова/-ева/-ина shape: "Анна
    Кротова" is a nominative though the dictionary knows "Кротова" only as the genitive of "Кротов"."""
    return (
        len(words) >= 2
        and any(
            "Name" in p.tag and p.tag.case == "nomn" and p.tag.gender == "femn" and p.tag.number == "sing"
            for p in parses(words[0])
        )
        and words[-1].lower().endswith(("ова", "ева", "ёва", "ина", "ына", "ская", "цкая"))
    )


def _role_noun(word: str) -> bool:
    """A capitalized person noun in the nominative singular that names a role ("Министр", "Губернатор",
    "Модератор"), not a name and not an interviewer's label."""
    ps = parses(word)
    if not ps or any(t in p.tag for p in ps for t in ("Name", "Surn", "Patr", "Geox", "Orgn")):
        return False
    return any(
        p.tag.POS == "NOUN" and p.tag.animacy == "anim" and p.tag.case == "nomn" and p.tag.number == "sing"
        for p in ps[:3]
    )


#: A role label of a few words: "Глава района:", "Начальник гидрометцентра:" (a role noun, its complement).
_ABBREVIATED_LABEL_RE = re.compile(r"(?P<name>[А-ЯЁ][а-яё]{1,6})\.[ \u00a0]*:[ \u00a0]+(?=\S)")
_ROLE_LABEL_RE = re.compile(r"(?P<name>[А-ЯЁ][а-яё-]+(?:[ \u00a0][а-яё-]+){1,3})[ \u00a0]*:[ \u00a0]+(?=\S)")


def label_at(text: str, p: Span, named: Callable[[str], bool] = lambda w: False) -> Label | None:
    """The speaker label opening paragraph ``p`` ("С.Донской:", "Аннабель Джонс (продюсер):", "Вопрос:",
    «Медуза»:), or None. A label is a nominative name: "Позиция Сергея Лаврова:" introduces, it does not label.
    ``named(word)`` tells a surname the text gives a person elsewhere (see :func:`_surnames_of_people`)."""
    a = _ABBREVIATED_LABEL_RE.match(text, p.start, min(p.end, p.start + 20))
    if a is not None and a.group("name").lower() in INTERVIEWER_LABELS | ANSWER_LABELS:
        # "Корр.: …", "Вопр.: …", "Отв.: …": the interviewer's (or the answerer's) label, abbreviated
        asks = a.group("name").lower() in INTERVIEWER_LABELS
        return Label(Span(a.start("name"), a.end("name") + 1), a.end(), asks, not asks)
    m = _LABEL_RE.match(text, p.start, min(p.end, p.start + 260))
    if m is None:
        r = _ROLE_LABEL_RE.match(text, p.start, min(p.end, p.start + 120))
        if r is not None and _role_noun(r.group("name").split()[0]) and text[r.end()] not in '«"„“':
            return Label(
                Span(r.start("name"), r.end("name")), r.end(), False, False, lemma(r.group("name").split()[0]), True
            )
        return None
    name = m.group("name")
    span = Span(m.start("name"), m.end("name"))
    rest = m.end()
    if text[rest] in '«"„“':
        return None  # "Путин: «…»" is a colon introduction of a marked quote
    if name.startswith("«") or _is_outlet(name):
        return Label(span, rest, True, False)  # «Медуза»: / Интерфакс: — the outlet asks
    words = re.findall(r"(?:[A-ZА-ЯЁ]\.[ \u00a0]?)*[A-ZА-ЯЁ][\w’'\-]*", name)
    low = lemma(words[0]) if len(words) == 1 else ""
    if low in INTERVIEWER_LABELS:
        return Label(span, rest, True, False)
    if low in ANSWER_LABELS:
        return Label(span, rest, False, True)
    if len(words) == 1 and "." not in name and not m.group("aff") and _role_noun(words[0]):
        return Label(span, rest, False, False, lemma(words[0]), True)  # "Министр:": the holder, named elsewhere
    if words and named(words[-1].split(".")[-1]) and all(_name_word(w) for w in words[:-1]):
        return Label(span, rest, False, False, _label_role(m.group("role"), m.group("aff")))
    if not words or not all(_name_word(w) for w in words):
        return None
    aff = m.group("aff")
    if aff and "«" in aff and _is_outlet(aff.split("«", 1)[1].rstrip("» ")):
        return Label(span, rest, True, False)  # "Анна Кротова, «Коммерсантъ»:": a journalist of the outlet asks
    last = words[-1].split(".")[-1].strip()
    if (
        last
        and get_morph().word_is_known(last.lower())
        and not any(p.tag.case == "nomn" for p in parses(last))
        and not _woman_named(words)
        and not _short_adjective_surname(last)
    ):
        return None
    if (
        len(words) == 1
        and "." not in name
        and not any("Surn" in p.tag for p in parses(words[0]))
        and get_morph().word_is_known(words[0].lower())
        and not _short_adjective_surname(words[0])
    ):
        return None  # "Итог:", "Москва:" — one known word that is no surname
    return Label(span, rest, False, False, _label_role(m.group("role"), m.group("aff")))


def _surnames_of_people(text: str) -> Callable[[str], bool]:
    """ "Смородин:" after "директора … Олега Смородина": a label word is a surname when the text puts it (in any case)
    after a first name, though the dictionary reads it otherwise ("смородин", the genitive plural of "смородина").
    The scan runs once, on the first question."""
    found: set[str] | None = None

    def named(word: str) -> bool:
        nonlocal found
        if found is None:
            found = set()
            for m in _FIRST_THEN_CAPITALIZED.finditer(text):
                if any("Name" in p.tag for p in parses(m.group(1))):
                    surname = m.group(2).lower().replace("ё", "е")
                    found.add(surname[:-1] if len(surname) > 3 else "=" + surname)
        w = word.lower().replace("ё", "е")
        # (a short surname, "Пак:" after "Виктор Пак", only as written: its stem is too short to tell)
        return "=" + w in found or (len(w) >= 4 and (w in found or w[:-1] in found))

    return named


#: (the second word in a lookahead: "Бизнесмен Виктор Пак" must not use up "Виктор" with the word before it)
_FIRST_THEN_CAPITALIZED = re.compile(r"\b([А-ЯЁ][а-яё]+)[ \u00a0](?=([А-ЯЁ][а-яё]{2,})(?![\w-]))")


def _label_role(*parts: str | None) -> str | None:
    """The lemma of the first lower-case word of a label's bracketed role or affiliation (``губернатор``)."""
    for part in parts:
        w = _WORD_RE.search(part or "")
        if w is not None and w.group()[:1].islower():
            return lemma(w.group())
    return None


def _is_outlet(name: str) -> bool:
    """A news outlet's name ("Интерфакс", "РИА Новости", "ТАСС")."""
    from .lexicon.agencies import AGENCIES

    key = re.sub(r"[\s./]+", " ", name.upper().strip('«»"')).strip()
    return key in AGENCIES or key.replace(" ", ".") in AGENCIES


def _speaks(text: str, p: Span) -> bool:
    """The paragraph talks in the first or second person ("я", "мы", "вы", "наш")."""
    return any(m.group().lower() in FIRST_SECOND_PERSON for m in _WORD_RE.finditer(text, p.start, p.end))


_OPEN_MARKS = '«"„“‘‚'
QUOTE_CHARS = '«»„“”"‘’‚'


def _own_quote(text: str, p: Span) -> bool:
    """The paragraph opens with a quotation mark: a quote of its own (with its own attribution), not the
    continuation of a turn."""
    return text[p.start] in _OPEN_MARKS


def _sentence_like(text: str, p: Span) -> bool:
    """Ends like running text ("…." "?" "!" "»"): a heading or a photo caption ("Арест блогера Егора Жукова")
    between turns is no one's words."""
    return text[p.end - 1] in '.!?…»"”)]'


def _names_speaker(text: str, p: Span, surnames: set[str]) -> bool:
    """The paragraph names one of the transcript's speakers in the third person (an authorial paragraph
    introducing the next turn: "У продюсера Сэнны Уоленберг разнообразная карьера")."""
    return any(
        m.group().lower()[:5] in surnames
        for m in _WORD_RE.finditer(text, p.start, p.end)
        if m.group()[:1].isupper() and len(m.group()) >= 4
    )


def _source_phrase(text: str, p: Span) -> bool:
    """The paragraph holds a source phrase ("по словам Полозова", "по его мнению"): the author reports someone's
    words there, no speaker goes on talking."""
    words = [m.group().lower() for m in _WORD_RE.finditer(text, p.start, min(p.end, p.start + 400))]
    return any(w == "по" and lemma(nxt) in ACCORDING_NOUNS for w, nxt in zip(words, words[1:] + [""]) if nxt) or any(
        w == "по" and nxt in ("его", "ее", "её", "их") and lemma(nxt2) in ACCORDING_NOUNS
        for w, nxt, nxt2 in zip(words, words[1:], words[2:])
    )


def _reports_someone(text: str, p: Span) -> bool:
    """The paragraph reports someone in the third person — a verb of saying or stance in the third person
    ("Урс Бреннер считает, что …", "сообщил") or a source phrase — so it is the author's, not a turn going on
    (a speaker going on in the first person is told by :func:`_speaks` before this is asked)."""
    if _source_phrase(text, p):
        return True
    for m in _WORD_RE.finditer(text, p.start, min(p.end, p.start + 600)):
        w = m.group()
        if w[:1].isupper() or len(w) < 4:
            continue
        for q in parses(w)[:2]:
            if (
                q.tag.POS == "VERB"
                and q.normal_form in SPEECH_VERBS
                and q.tag.person != "1per"
                and q.tag.person != "2per"
            ):
                return True
    return False


def _dash_start(text: str, p: Span) -> int | None:
    """Content start of a paragraph opened by a dialogue dash ("— Почему вы …"), or None."""
    i = p.start
    if i >= p.end or text[i] not in _DASHES:
        return None
    while i < p.end and text[i] in _DASHES:
        i += 1
    j = i
    while j < p.end and text[j] in " \u00a0\t":
        j += 1
    if j == i and text[p.start] == "-":
        return None
    return j if j < p.end else None


def _part(
    text: str, a: int, b: int, para: int, speaker: Span | None, group: int, question: bool = False, reason: str = ""
) -> Quote | None:
    while a < b and text[a] in " \u00a0\t":
        a += 1
    while b > a and text[b - 1] in " \u00a0\t":
        b -= 1
    if b <= a or not _WORD_RE.search(text, a, b):
        return None
    return Quote(
        a,
        b,
        para,
        "full",
        text[speaker.start : speaker.end] if speaker else None,
        speaker,
        statement=-(TURN_GROUP_BASE + group),
        question=question,
        reason=reason,
    )


# ---------------------------------------------------------------------------------------------- forms


def transcript_turns(
    text: str, paras: Sequence[Span], start_group: int = 0, attributed: frozenset[int] = frozenset()
) -> list[Quote]:
    """Labelled turns ("С.Донской: …") and the paragraphs that continue them until the next label: inside a
    transcript of three or more labels every paragraph between two labels continues the turn; elsewhere (and
    after the last label) only a paragraph talking in the first or second person does."""
    # (the first paragraph is the headline or the lead: "Песков: Кремль не видит угрозы" there is a
    # headline, and a headline is never a quote unless marked)
    named = _surnames_of_people(text)
    labels = {i: lab for i, p in enumerate(paras) if i > 0 and (lab := label_at(text, p, named)) is not None}
    if not any(not (lab.role_only or lab.question or lab.answer) for lab in labels.values()):
        # "Судья: Алексей Пестов (Казань)." in a match report: a role alone labels a turn only in a transcript
        # that labels someone by name
        labels = {i: lab for i, lab in labels.items() if not lab.role_only}
    if not labels:
        return []
    dense = len(labels) >= 3
    order = sorted(labels)
    interviewee: Span | None = None
    interviewer: Span | None = None
    if any(lab.question for lab in labels.values()):
        interviewee, interviewer = _interviewee(text, paras, order[0])
    surnames = {
        text[lab.name.start : lab.name.end].split()[-1].split(".")[-1].lower()[:5]
        for lab in labels.values()
        if not (lab.question or lab.answer)
    }
    out: list[Quote] = []
    group = start_group
    holders: dict[str, Span] = {}  # role lemma → the name of the label that gave it
    for i in order:
        lab = labels[i]
        if lab.role and not lab.role_only and not lab.question:
            holders.setdefault(lab.role, lab.name)
    for n, i in enumerate(order):
        lab = labels[i]
        nxt = order[n + 1] if n + 1 < len(order) else len(paras)
        # ("Вопрос:" / "Ответ:": the interviewer and the interviewee the intro names, where it does)
        # (an outlet's label, "Интерфакс:", asks as the outlet: no person, as before)
        label_word = text[lab.name.start : lab.name.end].split()[0]
        # ("Корр.": an abbreviation as written, not a lemma — "корр" would read as "корра")
        label_key = label_word[:-1].lower() if label_word.endswith(".") else lemma(label_word)
        asker = interviewer if label_key in INTERVIEWER_LABELS else None
        speaker = asker if lab.question else interviewee if lab.answer else lab.name
        if lab.role_only and lab.role in holders:
            speaker = holders[lab.role]  # "Губернатор:" after "Павел Зорин (губернатор края):"
        why = "turn: labelled " + ("question" if lab.question else "answer")
        q = _part(text, lab.content, paras[i].end, i, speaker, group, lab.question, why)
        if q is None:
            continue
        out.append(q)
        if lab.question:
            # "Интерфакс: вопрос?" then the answer in paragraphs of its own, unlabelled: the interviewee's
            group += 1
            for j in range(i + 1, min(nxt, i + 1 + MAX_CONTINUATION)):
                p = paras[j]
                if (
                    _dash_start(text, p) is not None
                    or _LABEL_RE.match(text, p.start, min(p.end, p.start + 260))
                    or _own_quote(text, p)
                    or j in attributed
                ):
                    break
                if not _sentence_like(text, p):
                    continue
                if nxt == len(paras) and not _speaks(text, p):
                    break  # after the last question, only words in the first person are still the answer
                c = _part(text, p.start, p.end, j, interviewee, group, False, "turn: answer to a labelled question")
                if c is not None:
                    out.append(c)
            group += 1
            continue
        between = nxt < len(paras) and nxt - i - 1 <= MAX_CONTINUATION
        for j in range(i + 1, min(nxt, i + 1 + MAX_CONTINUATION)):
            p = paras[j]
            if (
                _dash_start(text, p) is not None
                or _LABEL_RE.match(text, p.start, min(p.end, p.start + 260))
                or _own_quote(text, p)
                or j in attributed
            ):
                break  # another party's turn, even one whose label is no person ("Голос Америки: …")
            if not _sentence_like(text, p):
                break
            if not (
                _speaks(text, p)
                or (dense and between and not _names_speaker(text, p, surnames) and not _reports_someone(text, p))
            ):
                break
            c = _part(text, p.start, p.end, j, speaker, group, lab.question, "turn: continues the labelled turn")
            if c is not None:
                out.append(c)
        group += 1
    return out


def _interviewee(text: str, paras: Sequence[Span], first: int) -> tuple[Span | None, Span | None]:
    """(interviewee, interviewer) mentions from the intro before the first question: "Корреспондент Илья
    Жегулев поговорил с Валерией Касамарой" (the "с" phrase, the subject), "взял интервью у X", "X дал
    интервью …". (None, None) when the intro does not say: the answers then stay unattributed."""
    from .nlp import parse_sentences
    from .syntax import Sent, Tok

    lo = max(0, first - 3)
    spans = []
    for p in paras[lo:first]:
        for m in re.finditer(r"[^.!?…]+[.!?…]*", text[p.start : p.end]):
            spans.append((p.start + m.start(), p.start + m.end()))
    verbs = CONVERSATION_VERBS | INTERVIEWEE_VERBS | INTERVIEW_OBJECT_VERBS
    cands = [(a, b) for a, b in spans if any(lemma(w.group()) in verbs for w in _WORD_RE.finditer(text, a, b))]
    for ptoks in reversed(parse_sentences(text, cands[-4:])):
        toks = [Tok(t.start, t.stop, t.text, t.head, t.rel, lemma(t.text), "") for t in ptoks]
        kids: list[list[int]] = [[] for _ in toks]
        for i, t in enumerate(toks):
            if 0 <= t.head < len(toks):
                kids[t.head].append(i)
        s = Sent(0, 0, 0, toks, kids)
        for v, t in enumerate(toks):
            subj = _named_subject(s, kids, v)
            if t.lemma in CONVERSATION_VERBS:
                for k in kids[v]:
                    case = next((c for c in kids[k] if toks[c].rel == "case"), None)
                    if case is not None and toks[case].lemma in ("с", "у") and toks[k].rel in ("obl", "nmod"):
                        if t.lemma in ("взять", "брать") and not any(toks[c].lemma in INTERVIEW_NOUNS for c in kids[v]):
                            continue
                        a, b = _mention_bounds(s, k)
                        a += 1 if toks[a].lemma in ("с", "у") else 0
                        return s.span(a, b), (s.span(*s.subtree(subj)) if subj is not None else None)
            if t.lemma in INTERVIEW_OBJECT_VERBS:
                obj = next((c for c in kids[v] if toks[c].rel == "obj"), None)
                if obj is not None:
                    return s.span(*_mention_bounds(s, obj)), (s.span(*s.subtree(subj)) if subj is not None else None)
            if t.lemma in INTERVIEWEE_VERBS and subj is not None:
                if any(toks[c].lemma in INTERVIEW_NOUNS for c in kids[v]):
                    return s.span(*s.subtree(subj)), None
                # "X рассказал корреспонденту «Интерфакса» Анне Зуевой, почему …": the addressee asks
                addressee = next((c for c in kids[v] if toks[c].rel == "iobj"), None)
                if addressee is not None:
                    return s.span(*s.subtree(subj)), s.span(*s.subtree(addressee))
    return None, None


def _named_subject(s, kids: list[list[int]], v: int) -> int | None:
    """The subject of the verb ``toks[v]``: of two the parse gives it ("Ее бессменный | руководитель Тамара
    Гогоберидзе рассказала": an adjective read as a subject of its own), the one whose words hold a name."""
    subjects = [k for k in kids[v] if s.toks[k].rel == "nsubj"]
    for k in subjects:
        a, b = s.subtree(k)
        if any(s.toks[i].text[:1].isupper() for i in range(max(a, 1), b)):  # (the sentence's first word aside)
            return k
    return subjects[0] if subjects else None


_ADDRESS_RE = re.compile(r"([А-ЯЁ][а-яё-]+)(?:[ \u00a0]([А-ЯЁ][а-яё-]+))?,[ \u00a0]")


def _address(text: str, a: int, b: int) -> Span | None:
    """ "— Сергей Викторович, что пошло не так?": a question opening with the name of the one it is put to (a
    first name, with a patronymic or a surname) — in a press conference of several, the one who answers."""
    m = _ADDRESS_RE.match(text, a, b)
    if m is None or not any("Name" in p.tag and p.tag.case == "nomn" for p in parses(m.group(1))):
        return None
    if m.group(2) and not _name_word(m.group(2)):
        return None
    return Span(m.start(), m.end() - 2)


def _mention_bounds(s, k: int) -> tuple[int, int]:
    """The bounds of the interviewee's mention headed by token ``k``: a pronoun is itself alone ("поговорила
    с ним о гастролях": the parse may hang "о гастролях" on the pronoun), a noun phrase its subtree."""
    if s.toks[k].text.lower() in PRONOUNS:
        return k, k + 1
    return s.subtree(k)


#: a mention that joins two names ("Драган Петрович и капитан команды Олег Рябцев"): two people interviewed
_TWO_NAMED = re.compile(r"[А-ЯЁ][а-яё-]+[ \u00a0]+и[ \u00a0]+(?:[а-яё-]+[ \u00a0]+|«[^«»]{1,30}»[ \u00a0]+){0,4}[А-ЯЁ]")


def _names_another(text: str, said: Span, interviewee: Span | None) -> bool:
    """Does an interview answer's own attribution ("— …, — сказал Петрович.") say who speaks better than the
    interview does? When it names someone, or a role, by words the intro's interviewee mention lacks, or when
    that mention names two people (a press conference of two); not when it is a pronoun ("— сказал он") or
    repeats a word of that mention (the interviewee's surname, "— усмехается Оганесян"). A role for the
    interviewee the intro words differently ("— смеется худрук" of the "художественный руководитель") is then
    the resolver's to match, or to leave unattributed."""
    if interviewee is None:
        return True
    who = text[interviewee.start : interviewee.end]
    if _TWO_NAMED.search(who):
        return True
    stems = {w.lower()[:5] for w in _WORD_RE.findall(who)}
    words = _WORD_RE.findall(text, said.start, said.end)
    if not words or all(w.lower() in PRONOUNS for w in words):
        return False  # "— сказал он": the interviewee
    # a name, or a role the intro's mention does not give ("— добавил заместитель министра" of two at the table):
    # its first word, the head ("заместитель", not the "министра" it governs)
    return words[0].lower()[:5] not in stems


def _answer_goes_on(text: str, paras: Sequence[Span], dashes: Sequence[int], n: int) -> bool:
    """ "— Нет. Это слухи … ¶ — Мы обсуждали обмен опытом, не животными. ¶ — Что будет с вольером?": where the
    alternation would make a question of a dash paragraph that asks nothing, right after an answer that asks
    nothing, the answer may go on over two paragraphs — else every turn after it changes sides. It does when
    that reading fits the turns ahead better: over the next dash paragraphs, fewer questions that ask nothing and
    answers that ask ("— В Архангельске говорят, что вы … ¶ — Это слухи. …, зачем нам ее отдавать? ¶ — А старые
    теплоходы куда?": the interviewer's statement, its answer asking back — the turns ahead fit as they are)."""
    asks = [text[paras[i].end - 1] == "?" for i in dashes[n - 1 : n + _RESYNC_WINDOW]]
    if len(asks) < 3 or asks[0] or asks[1]:
        return False
    ahead = asks[1:]
    as_is = sum(a != (k % 2 == 0) for k, a in enumerate(ahead))  # questions at n, n+2, …
    going_on = sum(a != (k % 2 == 1) for k, a in enumerate(ahead))  # the answer at n, questions at n+1, n+3, …
    return going_on < as_is


#: how many dash paragraphs ahead :func:`_answer_goes_on` weighs
_RESYNC_WINDOW = 7


def interview_turns(
    text: str,
    paras: Sequence[Span],
    start_group: int = 0,
    attributed: frozenset[int] = frozenset(),
    own: Mapping[int, Span] | None = None,
) -> list[Quote]:
    """A dash interview: four or more paragraphs opened by a dialogue dash, at least one a question ending in
    "?", none attributed ("— …, — сказал он" is a dialogue, not an interview). Questions and answers
    alternate: a dash paragraph ending in "?" or following an answer is a question, one following a question
    an answer; unmarked paragraphs after an answer continue it. ``own``: the speaker mention of the scanner's
    attributed quote in a paragraph, by paragraph (see :func:`_names_another`)."""
    dashes = [i for i, p in enumerate(paras) if _dash_start(text, p) is not None]
    if len(dashes) < 4:
        return []
    asks = [i for i in dashes if text[paras[i].end - 1] == "?"]
    dash_said = [i for i in dashes if re.search(r"[,.!?…]\s*[—–-]\s+[а-яё]", text[paras[i].start + 2 : paras[i].end])]
    if not asks or len(dash_said) * 3 > len(dashes):
        return []
    own = own or {}
    interviewee, interviewer = _interviewee(text, paras, dashes[0])
    out: list[Quote] = []
    group = start_group
    state = "answer"  # what the previous dash paragraph was
    addressed: Span | None = None  # the name the last question opened with

    for n, i in enumerate(dashes):
        p = paras[i]
        # strict alternation: in an argument both sides end with "?" ("— Я тоже делал селфи. Это
        # преступление?" / "— Когда вы проходите рамку …, это странно?")
        is_q = state == "answer"
        if is_q and n > 0 and _answer_goes_on(text, paras, dashes, n):
            is_q = False
        state = "question" if is_q else "answer"
        start = _dash_start(text, p)
        if is_q:
            addressed = _address(text, start or p.start, p.end)
        if i in own and i in dash_said and _names_another(text, own[i], interviewee):
            continue  # "— Только побед, — сказал Петрович.": the line's own attribution names who speaks
        speaker = interviewer if is_q else (addressed or interviewee)
        q = _part(
            text,
            start or p.start,
            p.end,
            i,
            speaker,
            group,
            is_q,
            "turn: interview " + ("question" if is_q else "answer"),
        )
        if q is None:
            continue
        out.append(q)
        if not is_q:
            nxt = dashes[n + 1] if n + 1 < len(dashes) else len(paras)
            # the answerer's name words (their first five letters, as _names_speaker compares them)
            named = (
                {w.lower()[:5] for w in _WORD_RE.findall(text, speaker.start, speaker.end) if w[:1].isupper()}
                if speaker is not None
                else set()
            )
            for j in range(i + 1, min(nxt, i + 1 + MAX_CONTINUATION)):
                if (
                    _LABEL_RE.match(text, paras[j].start, min(paras[j].end, paras[j].start + 260))
                    or _own_quote(text, paras[j])
                    or j in attributed
                ):
                    break
                if not _sentence_like(text, paras[j]):
                    if nxt < len(paras):
                        continue  # a caption or subheading inside the answer: skipped, the answer goes on
                    break
                if (_names_speaker(text, paras[j], named) or _source_phrase(text, paras[j])) and not _speaks(
                    text, paras[j]
                ):
                    break  # "Гастрольный график, по словам Полозова, …": the author speaks of the interviewee
                if nxt == len(paras) and not _speaks(text, paras[j]):
                    break
                c = _part(
                    text, paras[j].start, paras[j].end, j, speaker, group, False, "turn: continues the interview answer"
                )
                if c is not None:
                    out.append(c)
        group += 1
    return out


def colon_blocks(text: str, paras: Sequence[Span], start_group: int = 0) -> list[Quote]:
    """«Глава МИД заявил:» closing a paragraph and an unmarked paragraph after it: that paragraph is the
    speaker's words (and the next ones while they talk in the first person). The speaker is the subject of
    the speech verb before the colon."""
    from .syntax import parse, speaker_of, speaker_span

    out: list[Quote] = []
    group = start_group
    for i in range(len(paras) - 1):
        p, nxt = paras[i], paras[i + 1]
        if (
            text[p.end - 1] != ":"
            or text[nxt.start] in '«"„“'
            or _dash_start(text, nxt) is not None
            or label_at(text, nxt) is not None
        ):
            continue
        a = _last_sentence_start(text, p)
        if not any(lemma(w.group()) in SPEECH_VERBS for w in _WORD_RE.finditer(text, a, p.end)):
            continue
        s = parse(text, [(a, p.end, i)])[0]
        v = next((k for k in range(len(s.toks) - 1, -1, -1) if s.toks[k].lemma in SPEECH_VERBS), None)
        if v is None:
            continue
        who = speaker_span(s, speaker_of(s, v))
        parts = [nxt] + [
            paras[j]
            for j in range(i + 2, min(len(paras), i + 4))
            if _speaks(text, paras[j]) and not _own_quote(text, paras[j])
        ]
        for k, part in enumerate(parts):
            if k and parts[k - 1] is not paras[i + k]:
                break
            q = _part(text, part.start, part.end, i + 1 + k, who, group, False, "turn: block after a colon")
            if q is not None:
                out.append(
                    Quote(
                        q.start,
                        q.end,
                        q.paragraph,
                        "full",
                        q.speaker,
                        q.speaker_span,
                        s.toks[v].text,
                        Span(s.toks[v].start, s.toks[v].stop),
                        q.statement,
                        reason=q.reason,
                    )
                )
        group += 1
    return out


def _unmarked_headline(text: str, q: Quote) -> bool:
    """A quote in the first paragraph (the headline) that no quotation mark delimits ("Песков: Кремль не видит
    угрозы"): a headline is never a quote unless marked."""
    if q.paragraph != 0:
        return False
    before = text[q.start - 1] if q.start > 0 else ""
    after = text[q.end] if q.end < len(text) else ""
    return before not in QUOTE_CHARS and after not in QUOTE_CHARS


def find_turns(text: str, paragraphs: Sequence[Span], direct: Sequence[Quote]) -> list[Quote]:
    """The direct quotes with turn statements merged in: a paragraph that is a turn is the turn's (the mark
    scanner's quotes inside it are nested marks of the turn's words, or the scanner's own dash/label quote of
    the same paragraph, whose attribution the turn now carries)."""
    if not paragraphs:
        return list(direct)
    # a paragraph holding a quote with its own attribution ("Путин сказал: «Мы»") is the author's: no turn
    # continues over it
    # (the speaker quoting themselves, "я сказал: «…»", or a cue without a mention stays inside the turn)
    attributed = frozenset(
        q.paragraph
        for q in direct
        if q.kind == "full"
        and q.cue is not None
        and q.speaker_span is not None
        and text[q.speaker_span.start : q.speaker_span.end].lower() not in FIRST_SECOND_PERSON
    )
    turns = transcript_turns(text, paragraphs, 0, attributed)
    taken = {q.paragraph for q in turns}
    own = {
        q.paragraph: q.speaker_span
        for q in direct
        if q.kind == "full" and q.cue is not None and q.speaker_span is not None and q.paragraph in attributed
    }
    interview = _split_as_attributed(interview_turns(text, paragraphs, 100_000, attributed, own), direct, own)
    turns += [q for q in interview if q.paragraph not in taken]
    taken = {q.paragraph for q in turns}
    more = colon_blocks(text, paragraphs, 200_000)
    covered = {q.paragraph for q in direct}
    turns += [q for q in more if q.paragraph not in taken and q.paragraph not in covered]
    taken = {q.paragraph for q in turns}
    # A question is a statement when the interview names who asks; an outlet's or an unnamed
    # interviewer's questions ("Голос Америки: …", "Вопрос: …") are left out (their paragraphs stay taken).
    turns = [q for q in turns if not q.question or q.speaker_span is not None]
    kept = [q for q in direct if q.paragraph not in taken and not _unmarked_headline(text, q)]
    kept = [_interview_headline(text, paragraphs, q, interview) for q in kept]
    return sorted(kept + turns, key=lambda q: (q.start, q.end))


def _split_as_attributed(turns: list[Quote], direct: Sequence[Quote], own: Mapping[int, Span]) -> list[Quote]:
    """ "— Пока нет, — развел руками Ерёмин. — Но я оптимист.": an interview answer whose line carries its own
    attribution is the interviewee's (the turn says who), in the parts the scanner cut around that attribution
    (the attribution is no part of the words said)."""
    out: list[Quote] = []
    for t in turns:
        parts = [q for q in direct if q.paragraph == t.paragraph and q.kind == "full"] if t.paragraph in own else []
        if t.question or not parts or t.reason != "turn: interview answer":
            out.append(t)
            continue
        out.extend(
            replace(
                q,
                speaker=t.speaker,
                speaker_span=t.speaker_span,
                statement=t.statement,
                reason="turn: interview answer, cut around its own attribution",
            )
            for q in parts
        )
    return out


def _interview_headline(text: str, paragraphs: Sequence[Span], q: Quote, interview: Sequence[Quote]) -> Quote:
    """«Ледник отступает быстрее, чем мы считали» over an interview: a quoted headline that names no one is the
    interviewee's words (as the intro names them)."""
    if not interview or q.paragraph != 0 or q.kind != "full" or q.speaker_span is not None or q.cue is not None:
        return q
    who, _ = _interviewee(text, paragraphs, interview[0].paragraph)
    if who is None or text[who.start : who.end].lower() in PRONOUNS:
        return q  # (a pronoun, "поговорил с ней", has no antecedent before the headline)
    return replace(
        q, speaker=text[who.start : who.end], speaker_span=who, reason="the interviewee's words as the headline"
    )


# ---------------------------------------------------------------------------------------------- paragraph quotes

_SIGNATURE_RE = re.compile(r"[—–-][ \u00a0]+((?:[A-ZА-ЯЁ][\w’'\-]*\.?[ \u00a0]?){1,3})(?=,|$|\s\()")


def _last_sentence_start(text: str, p: Span) -> int:
    """Where the paragraph's last sentence starts (after its last . ! ? …), at most 600 characters back."""
    lo = max(p.start, p.end - 600)
    return max(lo, *(text.rfind(c, lo, p.end) + 1 for c in ".!?…"))


def _fills(text: str, p: Span, q: Quote) -> bool:
    """The quote is its paragraph: outside it only marks, punctuation and spaces."""
    outside = text[p.start : q.start] + text[q.end : p.end]
    return not _WORD_RE.search(outside)


def _intro_before(text: str, prev: Span) -> tuple[Span, Span] | None:
    """(speaker, cue) of «… актриса попросила:» closing the paragraph before: the subject of the speech verb."""
    from .syntax import parse, speaker_of, speaker_span

    if text[prev.end - 1] != ":":
        return None
    a = _last_sentence_start(text, prev)
    s = parse(text, [(a, prev.end, 0)])[0]
    v = next((k for k in range(len(s.toks) - 1, -1, -1) if s.toks[k].lemma in SPEECH_VERBS), None)
    if v is None:
        return None
    who = speaker_span(s, speaker_of(s, v))
    return (who, Span(s.toks[v].start, s.toks[v].stop)) if who is not None else None


def _attribution_after(text: str, nxt: Span) -> tuple[Span, Span | None] | None:
    """(speaker, cue) of the paragraph after that attributes it: «заявил после инаугурации Рамзан Кадыров.»
    (a speech verb in lower case opening it), or a signature line «— Татьяна Скригонюк, заместитель …»."""
    from .syntax import parse, speaker_of, speaker_span

    m = _SIGNATURE_RE.match(text, nxt.start, nxt.end)
    if m is not None and all(_name_word(w) for w in m.group(1).split()):
        return Span(m.start(1), m.start(1) + len(m.group(1).rstrip())), None
    w = _WORD_RE.match(text, nxt.start, nxt.end)
    if w is None or not w.group()[:1].islower() or lemma(w.group()) not in SPEECH_VERBS:
        return None
    end = re.search(r"[.!?…]|$", text[nxt.start : nxt.end])
    s = parse(text, [(nxt.start, nxt.start + (end.end() if end else 0) or nxt.end, 0)])[0]
    if not s.toks:
        return None
    who = speaker_span(s, speaker_of(s, 0))
    if who is None:
        # a parse without a subject ("заявил после инаугурации Рамзан Кадыров."): the first nominative name
        names = [
            k
            for k, t in enumerate(s.toks)
            if k > 0
            and t.text[:1].isupper()
            and _name_word(t.text)
            and any(p.tag.case == "nomn" for p in parses(t.text))
        ]
        if names:
            k = names[0]
            j = k + 1
            while j < len(s.toks) and s.toks[j].text[:1].isupper() and _name_word(s.toks[j].text):
                j += 1
            who = s.span(k, j)
    return (who, Span(s.toks[0].start, s.toks[0].stop)) if who is not None else None


def _new_dash_turn(text: str, paragraphs: Sequence[Span], pi: int) -> bool:
    """ "— …, — улыбнулся тренер. ¶ — Вы довольны игрой Ершова?": a dash paragraph that asks after one that does
    not (or answers after one that asks) is another speaker's turn, never the speaker before going on; one that
    goes on as the one before did (an eyewitness's second paragraph, "— Я сразу позвонил в 112.") may be."""
    here, before = paragraphs[pi], paragraphs[pi - 1]
    if _dash_start(text, here) is None or _dash_start(text, before) is None:
        return False
    return (text[here.end - 1] == "?") != (text[before.end - 1] == "?")


def attribute_paragraph_quotes(text: str, paragraphs: Sequence[Span], quotes: Sequence[Quote]) -> list[Quote]:
    """A quote that is a paragraph of its own, without attribution, is attributed by the paragraphs around it:
    a colon introduction closing the paragraph before (:func:`_intro_before`), an attribution opening the one
    after (:func:`_attribution_after`), or else the speaker of the statements of the paragraph before, when
    they have one mention ("…, заявив, что …» / «Ветеран футбола уверен, что …" then «…»): a paragraph-long
    quote continues who was just speaking. Other parts of the same statement get the same speaker."""
    from dataclasses import replace

    out = list(quotes)
    by_para: dict[int, list[int]] = {}
    parts: dict[int, list[int]] = {}  # statement id → its parts (one scan, not one per quote)
    for i, q in enumerate(out):
        by_para.setdefault(q.paragraph, []).append(i)
        if q.statement is not None:
            parts.setdefault(q.statement, []).append(i)

    def key(span: Span) -> str:
        """Who a mention names, roughly: its last capitalised word's stem ("аналитика Романа Коноплева" and
        "Роман Коноплев" are one), else its words."""
        caps = [w for w in _WORD_RE.findall(text, span.start, span.end) if w[:1].isupper()]
        return caps[-1].lower()[:5] if caps else text[span.start : span.end].lower()

    def mentions_before(pi: int) -> set[str]:
        spans = (out[j].speaker_span for j in by_para.get(pi - 1, []))
        return {key(s) for s in spans if s is not None}

    for i, q in enumerate(out):
        if (
            q.kind == "full"
            and q.cue is None
            and q.speaker_span is not None
            and 0 < q.paragraph < len(paragraphs)
            and not paragraphs[q.paragraph].start <= q.speaker_span.start < paragraphs[q.paragraph].end
            and len(mentions_before(q.paragraph)) > 1
        ):
            # the scanner carried a speaker over from the paragraph before, where two people spoke: abstain
            out[i] = replace(
                q, speaker=None, speaker_span=None, reason="turn: two speakers in the paragraph before: abstained"
            )
            continue
        if q.kind != "full" or q.speaker_span is not None or q.cue is not None or q.question:
            continue
        pi = q.paragraph
        if pi <= 1 or pi >= len(paragraphs) or not _fills(text, paragraphs[pi], q):
            continue  # (the headline and the lead are never continued from before)
        found: tuple[Span, Span | None] | None = _intro_before(text, paragraphs[pi - 1])
        why = "turn: introduced at the end of the paragraph before"
        if found is None and pi + 1 < len(paragraphs):
            found = _attribution_after(text, paragraphs[pi + 1])
            why = "turn: attributed by the paragraph after"
        if found is None and len(mentions_before(pi)) == 1 and not _new_dash_turn(text, paragraphs, pi):
            m = next(s for j in reversed(by_para.get(pi - 1, [])) if (s := out[j].speaker_span))
            found, why = (m, None), "turn: continues the speaker of the paragraph before"
        if found is None:
            continue
        who, cue = found
        group = parts.get(q.statement, [i]) if q.statement is not None else [i]
        for j in group:
            out[j] = replace(
                out[j],
                speaker=text[who.start : who.end],
                speaker_span=who,
                cue=text[cue.start : cue.end] if cue else out[j].cue,
                cue_span=cue or out[j].cue_span,
                reason=why,
            )
    return out
