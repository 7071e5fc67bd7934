"""The quote scanner: direct speech in a dispatch, with its speaker mention and cue words.

``find_quotes(text, paragraphs, sentences)`` returns :class:`~dispatchtui.model.Quote` objects whose
``start``/``end`` cover the quoted words without the quotation marks. The scan is linear:

1. **Pairing.** Quotation marks are collected per paragraph and paired with a stack. Straight
   quotes get their direction from the neighbouring characters; nested quotes stay inside the outer
   one; a quote left open at a paragraph end continues into the next paragraph when that paragraph
   re-opens the same mark (translated style) or closes a mark it never opened (Russian style). A
   closing mark with nothing open is remembered as a quote whose opening mark was lost.
2. **Paragraph forms.** Dialogue paragraphs (``— Мы готовы, — сказал он.``) and transcript
   paragraphs (``В.Путин: …``) are speech without marks.
3. **Classification.** Every quoted region is either speech or a name/scare quote. Speech needs a
   signal: an attribution after the closing mark (``», — сказал он``), an attribution inside
   (``«…, — заявил он. — …»``), a colon introduction, a whole sentence of clause-like words, or a
   reported clause (``отметил, что «…»``). Short name-like content, an organization noun before the
   mark or ``так называемый`` make it a name.

Every look-around is bounded (a fixed number of characters), so thousands of marks or a
megabyte-long paragraph cost linear time. Nothing here raises on odd input.

One module per stage; the rule words are data in :mod:`..lexicon.quotes` and :mod:`..lexicon.speech`:

==============  ======================================================================================
module          stage
==============  ======================================================================================
``tokens``      words and tokens of a bounded window, the cached morphology, the shared word tests
``marks``       mark families, direction of straight quotes, pairing with a stack, regions, lost openings
``speakers``    the speaker mention after / before a cue verb, an organization by place, an addressee
``cues``        cue verbs, attribution clauses after, inside and in the next sentence, the introduction
``classify``    statement or name/scare quote, full or fragment
``forms``       paragraph forms (speech without marks), one function per form
``scan``        :func:`find_quotes`: the stages in order, overlaps, speakers inherited in a run
==============  ======================================================================================

One named function per Russian form:

============================================  =================================  ============================================
form                                          function                           test (tests/test_quotes.py unless noted)
============================================  =================================  ============================================
«…», — сказал он / «…», сказал он / «…», —    :func:`.cues._attr_after`          ``test_guillemets_dash_attribution``
говорится в сообщении                                                            ``test_comma_without_dash``
                                                                                 ``test_document_cue*``
«…», — описала впечатления шахматистка (any   :func:`.cues._attr_by_shape`       ``test_any_finite_verb_*``
finite verb, its subject after it)                                               (tests/test_turns.py)
«…, — заявил он. — …» (the attribution        :func:`.cues._split`               ``test_interrupted_quote_*``
inside the marks)
«…». Об этом заявил X / «…». Так считает X /  :func:`.cues._next_sentence_attr`  ``test_attribution_in_next_*``
«…». Так, по словам X, …                                                         ``test_next_sentence_so*``
X заявил: «…» / Слова X: «…» (a colon         :func:`.cues._intro` (colon),      ``test_colon_introduction*``
introduction)                                 :func:`.cues._colon_subject`       ``test_colon_without_speech_verb_*``
X отметил, что «…» / По словам X, «…» / Как   :func:`.cues._intro` (clause),     ``test_reported_clause_*``
заявил X, «…» (a reported clause)             :func:`.cues._according_attr`      ``test_po_slovam``
                                                                                 ``test_po_ego_slovam``
                                                                                 ``test_kak_zayavil_*``
X назвал ситуацию «…» (a fragment in the      :func:`.cues._intro` (verb),       ``test_fragment_*``
author's sentence)                            :func:`.classify._statement_kind`
«… ¶ «…» (translated style) / «… ¶ …»         :func:`.marks._carried_in`         ``test_multi_paragraph_*``
(Russian style): a quote over paragraphs                                         ``test_carried_quote_*``
Мы готовы», — сказал он (the opening mark     :func:`.scan._lost_opening`        ``test_lost_opening_mark*``
lost)
компания «Газпром» / так называемый «…» /     :func:`.classify._is_name_quote`   ``test_names_titles_and_scare_*``
«Война и мир» (names and scare quotes: not
speech)
«— Мы готовы, — сказал он.» (a dialogue       :func:`.forms.form_dialogue`       ``test_dialogue_paragraph*``
paragraph with its own attribution)
«— Почему …? / — Потому что …» (unattributed  :func:`.forms.form_dialogue_run`   ``test_interview_questions_and_*``
dash paragraphs in a dialogue run; a dash                                        ``test_dash_*_not_dialogue``
list is none)
«Он поддержал тренера. — Он дал нам всё, —    :func:`.forms.form_inline_dialogue` ``test_inline_dialogue_*``
заявил футболист.» (a dialogue dash inside a
paragraph, after the author's sentence)
«В.Путин: Мы готовы.» (a transcript label     :func:`.forms.form_transcript`     ``test_transcript_*``
naming a person)                                                                 ``test_colon_after_a_common_noun_*``
«С.Донской: …» and the paragraphs continuing  :func:`..turns.transcript_turns`   ``test_transcript_*`` (tests/test_turns.py)
the turn; «Вопрос: …» (transcript turns)
«— Почему вы …? / — Для меня …» (interview    :func:`..turns.interview_turns`    ``test_interview_*`` (tests/test_turns.py)
answers and questions, named by the intro)
«X заявил:» closing a paragraph, the next     :func:`..turns.colon_blocks`       ``test_colon_block_*`` (tests/test_turns.py)
paragraph unmarked
============================================  =================================  ============================================

The last three are in :mod:`dispatchtui.analysis.turns` (run after this scanner, on its output).
"""  # noqa: E501 - the form table is wider than a line; wrapped, it would not read as a table

from __future__ import annotations

from .marks import QUOTE_MARKS
from .scan import find_quotes
from .tokens import _info, _tokens  # noqa: F401  (tests count their calls)

__all__ = ["find_quotes", "QUOTE_MARKS"]
