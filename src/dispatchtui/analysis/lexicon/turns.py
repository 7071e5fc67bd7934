"""Data for speech turns: interviews, transcripts, colon-introduced blocks.

Lemmas are pymorphy3 normal forms, lower-case, ``ё`` written as ``е``; other entries are word forms as noted.
The rules that use them are in :mod:`dispatchtui.analysis.turns`.
"""

from __future__ import annotations

#: Verbs by which an intro says who was interviewed: "Корреспондент Илья Жегулев поговорил с Валерией
#: Касамарой", "побеседовал с", "расспросил", "взял интервью у". The "с"/"у" phrase is the interviewee.
CONVERSATION_VERBS: frozenset[str] = frozenset(
    {
        "поговорить",
        "побеседовать",
        "беседовать",
        "говорить",
        "пообщаться",
        "общаться",
        "встретиться",
        "расспросить",
        "расспрашивать",
        "спросить",
        "взять",
        "брать",
        "записать",
    }
)

#: Verbs whose direct object is the interviewee: "Обозреватель Павел Угрюмов расспросил ее о …",
#: "корреспондент проинтервьюировал министра".
INTERVIEW_OBJECT_VERBS: frozenset[str] = frozenset(
    {"расспросить", "расспрашивать", "спросить", "опросить", "интервьюировать", "проинтервьюировать"}
)

#: The interviewee is the subject: "X дал интервью «Медузе»", "X ответил на вопросы", "X рассказал «Медузе»".
INTERVIEWEE_VERBS: frozenset[str] = frozenset({"дать", "давать", "ответить", "отвечать", "рассказать"})

#: Nouns that make a conversation verb an interview: "взял интервью у", "дал интервью".
INTERVIEW_NOUNS: frozenset[str] = frozenset({"интервью", "беседа", "разговор", "вопрос"})

#: Labels of the interviewer's turns in a transcript ("Вопрос: …", "Корреспондент: …", "Корр.: …"), as lemmas
#: (an abbreviation as written, lower-case, without its full stop).
INTERVIEWER_LABELS: frozenset[str] = frozenset(
    {"вопрос", "вопр", "корреспондент", "корр", "журналист", "интервьюер", "ведущий", "ведущая", "редакция"}
)

#: Labels of the interviewee's turns when the transcript does not name them: "Ответ: …".
ANSWER_LABELS: frozenset[str] = frozenset({"ответ", "отв"})

#: Word forms of the first and second person: a paragraph holding one is someone talking (lower-case).
FIRST_SECOND_PERSON: frozenset[str] = frozenset(
    {
        "я",
        "меня",
        "мне",
        "мной",
        "мною",
        "мы",
        "нас",
        "нам",
        "нами",
        "мой",
        "моя",
        "мое",
        "моё",
        "мои",
        "моего",
        "моей",
        "моему",
        "моим",
        "моих",
        "моими",
        "мою",
        "наш",
        "наша",
        "наше",
        "наши",
        "нашего",
        "нашей",
        "нашему",
        "нашим",
        "наших",
        "нашими",
        "нашу",
        "вы",
        "вас",
        "вам",
        "вами",
        "ваш",
        "ваша",
        "ваше",
        "ваши",
        "вашего",
        "вашей",
        "вашим",
        "ваших",
        "вашу",
        "ты",
        "тебя",
        "тебе",
        "тобой",
    }
)
