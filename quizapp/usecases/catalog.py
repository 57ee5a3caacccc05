"""What the home screen says about each bank. No Textual here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.generate import generate_questions
from quizapp.model import Bank, Question


@dataclass(frozen=True, slots=True)
class BankOverview:
    """A loaded bank with its question counts."""

    bank: Bank
    #: Hand-written questions first, then generated ones.
    questions: tuple[Question, ...]
    generated: int
    #: (tag, number of questions with it), most common first.
    tag_counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        """Questions available with generated ones included."""
        return len(self.questions)

    @property
    def written(self) -> int:
        """Hand-written questions."""
        return self.total - self.generated

    def tags(self, *, include_generated: bool = True) -> tuple[tuple[str, int], ...]:
        """Tag counts over hand-written questions, plus generated ones if asked."""
        if include_generated:
            return self.tag_counts
        return _count_tags(q for q in self.questions if not q.generated)


def _count_tags(questions: Iterable[Question]) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter()
    for question in questions:
        counts.update(dict.fromkeys(question.tags, 1))
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def overview(bank: Bank) -> BankOverview:
    """Count a bank's questions (generated ones included) by tag."""
    generated = generate_questions(bank)
    questions = (*bank.questions, *generated)
    return BankOverview(
        bank=bank,
        questions=questions,
        generated=len(generated),
        tag_counts=_count_tags(questions),
    )
