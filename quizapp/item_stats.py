"""Item statistics of a bank: one row per question, hardest first.

Shared by ``quizapp stats`` and the teacher's statistics view in the TUI.
No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.display import prompt_with_quote
from quizapp.model import Bank
from quizapp.store import QuestionStats


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One question's line: its statistics (None when untried) and prompt."""

    question_id: str
    prompt: str
    stats: QuestionStats | None

    def record(self) -> dict[str, object]:
        """A JSON-able dict: question_id, prompt, tries, correct, skipped,
        facility (0..1, None when untried), avg_seconds, most_common_wrong,
        self_graded (tries the students graded themselves)."""
        s = self.stats
        return {
            "question_id": self.question_id,
            "prompt": self.prompt,
            "tries": s.tries if s else 0,
            "correct": s.correct if s else 0,
            "skipped": s.skipped if s else 0,
            "facility": round(s.facility, 3) if s else None,
            "avg_seconds": round(s.avg_seconds, 1) if s else None,
            "most_common_wrong": s.most_common_wrong if s else None,
            "self_graded": s.self_graded if s else 0,
        }


def item_rows(stats: list[QuestionStats], bank: Bank | None) -> list[ItemRow]:
    """Tried questions hardest first (lowest facility, then most tries), then,
    when the bank is known, its hand-written questions nobody has tried."""
    prompts = bank_prompts(bank) if bank else {}
    ordered = sorted(stats, key=lambda s: (s.facility, -s.tries, s.question_id))
    rows = [ItemRow(s.question_id, prompts.get(s.question_id, ""), s) for s in ordered]
    tried = {s.question_id for s in stats}
    if bank:
        rows += [ItemRow(q.id, prompts[q.id], None) for q in bank.questions if q.id not in tried]
    return rows


def bank_prompts(bank: Bank) -> dict[str, str]:
    """Question id -> prompt, generated questions included; a question
    shown with a quote ("Who said this?") has the quote after its prompt."""
    from quizapp.generate import generate_questions

    # Hand-written questions last, so their prompts win over any generated id.
    questions = (*generate_questions(bank), *bank.questions)
    return {q.id: prompt_with_quote(q) for q in questions}
