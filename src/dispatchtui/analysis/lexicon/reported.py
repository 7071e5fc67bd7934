"""Data for reported (indirect) speech: the words that make a sentence someone's statement in the author's words.

All words are lemmas (pymorphy3 normal forms via :func:`dispatchtui.analysis.morph.lemma`), lower-case, ``ё``
written as ``е``. The rules that use them are in :mod:`dispatchtui.analysis.reported`.
"""

from __future__ import annotations

from .speech import SAYING

#: Verbs of saying and of stance that take a что/чтобы/ли clause: "заявил, что …", "считает, что …".
#: (Not factives of discovery: "стало известно", "выяснилось", "оказалось" are no one's statement.)
SAY_VERBS: frozenset[str] = SAYING | frozenset(
    {
        "бояться",
        "верить",
        "высказывать",
        "гарантировать",
        "докладывать",
        "допускать",
        "допустить",
        "доложить",
        "думать",
        "известить",
        "надеяться",
        "ожидать",
        "намекать",
        "намекнуть",
        "настоять",
        "озвучивать",
        "озвучить",
        "опасаться",
        "описать",
        "описывать",
        "оповестить",
        "опровергнуть",
        "опубликовать",
        "отрицать",
        "отчитаться",
        "подозревать",
        "попросить",
        "предсказать",
        "предсказывать",
        "просить",
        "публиковать",
        "рассчитывать",
        "сигнализировать",
        "согласиться",
        "соглашаться",
        "сомневаться",
        "счесть",
        "убедиться",
    }
)

#: Short adjectives of stance: "уверен, что …", "убеждена, что …".
STANCE_ADJS: frozenset[str] = frozenset({"уверенный", "убежденный", "согласный", "убедить"})

#: Impersonal and passive forms whose speaker is a document or nobody: "сообщается, что", "говорится в
#: сообщении, что", "отмечается, что", "было подчеркнуто, что", "сказано в решении".
IMPERSONAL_VERBS: frozenset[str] = frozenset(
    {
        "сообщаться",
        "говориться",
        "отмечаться",
        "указываться",
        "подчеркиваться",
        "утверждаться",
        "заявляться",
        "констатироваться",
        "сказать",
        "подчеркнуть",
        "отметить",
        "указать",
        "заявить",
        "сообщить",
        "объявить",
        "объявляться",
        "уточняться",
        "следовать",
        "значиться",
        "поясняться",
        "считаться",
        "предполагаться",
    }
)

#: Light verb + noun that together say: "выразил уверенность, что", "высказал мнение, что",
#: "сделал заявление о том, что".
LIGHT_VERBS: frozenset[str] = frozenset(
    {
        "выразить",
        "выражать",
        "высказать",
        "высказывать",
        "сделать",
        "делать",
        "озвучить",
        "сохранять",
        "сохранить",
        "дать",
        "давать",
    }
)
STANCE_NOUNS: frozenset[str] = frozenset(
    {
        "уверенность",
        "надежда",
        "опасение",
        "мнение",
        "предположение",
        "заявление",
        "сомнение",
        "убеждение",
        "понять",
        "уверение",
        "обещание",
        "гарантия",
        "предупреждение",
        "оптимизм",
        "объяснение",
    }
)

#: "по словам X", "по мнению X", "по данным X", "по оценке X": the noun after "по" (dative lemma).
SOURCE_NOUNS: frozenset[str] = frozenset(
    {
        "слово",
        "мнение",
        "данные",
        "сообщение",
        "информация",
        "оценка",
        "подсчет",
        "прогноз",
        "версия",
        "утверждение",
        "заявление",
        "сведение",
        "расчет",
        "признание",
        "убеждение",
        "предположение",
        "словам",
        "результат",
        "наблюдение",
        "мысль",
        "выражение",
    }
)

#: "на его взгляд, …", "на взгляд экспертов, …": the view nouns after "на" that make it an attribution.
VIEW_NOUNS: frozenset[str] = frozenset({"взгляд"})

#: "согласно X": the source nouns that make "согласно …" an attribution (not "согласно закону").
ACCORDING_NOUNS: frozenset[str] = frozenset(
    {
        "данные",
        "заявление",
        "сообщение",
        "информация",
        "оценка",
        "подсчет",
        "прогноз",
        "версия",
        "отчет",
        "доклад",
        "исследование",
        "опрос",
        "расчет",
        "теория",
        "пророчество",
        "словам",
        "слово",
        "мнение",
        "сведение",
        "сводка",
        "источник",
        "утверждение",
        "официальный",
        # a register's or a case's papers ("согласно выписке из ЕГРЮЛ", "согласно материалам дела")
        "выписка",
        "документ",
        "материал",
    }
)

#: Words opening a sentence that points back at the one before: "Об этом заявил X", "Такое мнение
#: высказал X", "Это подтвердил X", "Так считает X".
BACK_POINTERS: frozenset[str] = frozenset({"этот", "это", "такой", "так", "о", "об", "том"})

#: Complementizers that open the reported clause.
COMPLEMENTIZERS: frozenset[str] = frozenset({"что", "чтобы", "будто", "якобы"})

#: Sentence openers that are no part of a statement's content: connectives and discourse words before the
#: content or a source phrase ("Однако, по словам X, …", "Тем временем, сообщает X, …", "Например, …").
OPENERS: frozenset[str] = frozenset(
    {
        "однако",
        "также",
        "а",
        "и",
        "но",
        "кроме",
        "того",
        "при",
        "этом",
        "впрочем",
        "между",
        "тем",
        "временем",
        "вместе",
        "с",
        "в",
        "свою",
        "очередь",
        "же",
        "ранее",
        "позднее",
        "теперь",
        "например",
        "причем",
        "причём",
    }
)


#: The verbs a medium relays someone's words with ("Как передаёт агентство, он заявил, что …": the statement is his).
RELAY_VERBS: frozenset[str] = frozenset({"передавать", "передать", "писать", "сообщать", "информировать"})


#: Verbs of perception and memory that take a "как" clause as their object: "слышала, как X говорил сыну",
#: "видел, как мэр обещал", "помнит, как директор успокаивал" — a "как" after them opens what was heard or
#: recalled, not the parenthetical source of "…, как сообщил X".
PERCEIVE_VERBS: frozenset[str] = frozenset(
    {
        "слышать",
        "услышать",
        "видеть",
        "увидеть",
        "помнить",
        "запомнить",
        "вспоминать",
        "вспомнить",
        "наблюдать",
        "замечать",
        "заметить",
        "чувствовать",
        "почувствовать",
    }
)


#: Verbs whose negation states a view, the negation part of the cue: "не исключает, что …" (= допускает; without
#: "не" no statement: "исключил из списка"), "не сомневается, что …" (= уверен; "сомневаться" alone is already a
#: verb of stance in :data:`SAY_VERBS`, this gives its cue the "не").
NEGATED_SAY_VERBS: frozenset[str] = frozenset({"исключать", "исключить", "сомневаться", "усомниться"})


#: Words opening a subordinate clause: a parenthetical source right after one ("…, когда, как утверждал X, она
#: …") is the source of that clause alone.
SUBORDINATORS: frozenset[str] = frozenset(
    {"когда", "если", "хотя", "поскольку", "пока", "где", "куда", "откуда", "потому", "ибо", "который", "что"}
)
