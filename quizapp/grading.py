"""Answer normalisation and checking, with partial credit. No Textual here.

Contract (implemented by the grading work):

- ``normalise_text(text)``: NFKD, accents stripped (Erdoğan == Erdogan),
  casefold, punctuation / hyphens / whitespace normalised.
- ``grade_answer(question, answer)`` returns a `Grade`. ``answer`` is of the
  shape documented at `quizapp.model.Answer` for the question's type, or None
  for a skipped question (score 0).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from quizapp.model import Answer, Question

Verdict = Literal["correct", "partial", "wrong"]


@dataclass(frozen=True, slots=True)
class Grade:
    """The result of checking one answer."""

    score: float
    max_score: float
    #: The canonical right answer, as plain text to show.
    expected: str
    #: What was given, as plain text (stored and shown back).
    given: str
    #: True when a text answer was accepted only thanks to typo tolerance.
    near_miss: bool = False
    skipped: bool = False

    @property
    def correct(self) -> bool:
        """Full marks."""
        return self.max_score > 0 and self.score >= self.max_score

    @property
    def verdict(self) -> Verdict:
        """correct / partial / wrong."""
        if self.correct:
            return "correct"
        return "partial" if self.score > 0 else "wrong"


def normalise_text(text: str) -> str:
    """Fold a text answer for comparison (see module docstring)."""
    raise NotImplementedError


def grade_answer(question: Question, answer: Answer | None) -> Grade:
    """Grade ``answer`` to ``question``; None means skipped."""
    raise NotImplementedError
