"""Questions generated from a bank's actors, events and quotes. No Textual.

Ids are derived deterministically from fact ids (``quote:<id>:speaker``,
``quote:<id>:cloze``, ``event:<id>:when``, ``event:<id>:year``,
``events:order``, ``actors:roles`` ...) so a generated question's history
survives reloads and edits of other entries. Distractors come from the bank's
own facts, drawn with an RNG seeded from the bank id and the question id.
"""

from __future__ import annotations

from quizapp.model import Bank, Question


def generate_questions(bank: Bank) -> tuple[Question, ...]:
    """All questions generated from ``bank``'s fact tables (empty when the
    bank sets ``generate = false``). Every one has ``generated=True``."""
    raise NotImplementedError
