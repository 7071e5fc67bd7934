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
"""
from __future__ import annotations

from .marks import QUOTE_MARKS
from .scan import find_quotes
from .tokens import _info, _tokens  # noqa: F401  (tests count their calls)

__all__ = ["find_quotes", "QUOTE_MARKS"]
