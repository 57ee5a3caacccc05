"""A quiz session tied to its stored attempt. No Textual here.

`RecordedQuiz` keeps a `QuizSession` and the score store in step: every
answer is graded by the session and committed to the store before anything
is shown, and the attempt is marked finished with the last answer. It also
rebuilds an unfinished attempt from the store (resume).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from quizapp.grading import Grade
from quizapp.model import Answer, Bank, question_answer_text
from quizapp.session import AnswerRecord, QuizOptions, QuizSession
from quizapp.store import AttemptSummary, ScoreStore, StoreError


class ResumeError(Exception):
    """A stored attempt cannot be rebuilt (its bank changed too much)."""


class NotSaved(Exception):
    """An answer was graded but the store failed to save it."""

    def __init__(self, record: AnswerRecord, reason: str) -> None:
        super().__init__(reason)
        self.record = record


@dataclass(slots=True)
class RecordedQuiz:
    """A running quiz whose answers are saved the moment they are given."""

    store: ScoreStore
    session: QuizSession
    attempt_id: int

    @classmethod
    def start(
        cls, store: ScoreStore, player: str, bank: Bank, options: QuizOptions
    ) -> RecordedQuiz:
        """Build a session from ``bank`` and record a new attempt for it.

        Raises ValueError when the options leave no question to ask.
        """
        session = QuizSession.from_bank(bank, options)
        if session.total == 0:
            raise ValueError("no question matches these options")
        attempt_id = store.start_attempt(
            player, bank.id, bank.title, session.question_ids, session.options_to_dict()
        )
        return cls(store, session, attempt_id)

    @classmethod
    def resume(cls, store: ScoreStore, bank: Bank, attempt: AttemptSummary) -> RecordedQuiz:
        """Rebuild an unfinished attempt: same questions, order and seed, with
        the stored answers replayed. Raises `ResumeError` when that is no
        longer possible."""
        try:
            options = QuizOptions.from_dict(attempt.options)
        except (KeyError, TypeError, ValueError) as error:
            raise ResumeError(f"the stored quiz options cannot be read ({error})") from None
        options = dataclasses.replace(options, question_ids=attempt.question_ids)
        session = QuizSession.from_bank(bank, options)
        if session.total == 0:
            raise ResumeError("none of its questions is in the bank any more")
        asked = set(session.question_ids)
        for row in store.answers(attempt.id):
            if row.question_id not in asked:
                continue  # the question was removed from the bank since
            question = session.current
            if question is None or question.id != row.question_id:
                raise ResumeError("its questions no longer match the bank")
            grade = Grade(
                score=row.score,
                max_score=row.max_score,
                expected=question_answer_text(question),
                given=row.given,
                near_miss=row.near_miss,
                skipped=row.skipped,
            )
            session.restore(row.question_id, grade, row.seconds)
        if session.finished:
            # Every answer was saved but the app stopped before marking it done.
            store.finish_attempt(attempt.id)
        return cls(store, session, attempt.id)

    def answer(self, answer: Answer, seconds: float) -> AnswerRecord:
        """Grade ``answer`` to the current question and save it at once.

        Raises `NotSaved` (holding the graded record) when saving failed."""
        return self._save(self.session.answer(answer, seconds))

    def skip(self, seconds: float) -> AnswerRecord:
        """Skip the current question (scores 0) and save that at once."""
        return self._save(self.session.skip(seconds))

    def _save(self, record: AnswerRecord) -> AnswerRecord:
        grade = record.grade
        try:
            self.store.record_answer(
                self.attempt_id,
                record.question.id,
                given=grade.given,
                score=grade.score,
                max_score=grade.max_score,
                seconds=record.seconds,
                near_miss=grade.near_miss,
                skipped=grade.skipped,
                tags=record.question.tags,
            )
            if self.session.finished:
                self.store.finish_attempt(self.attempt_id)
        except StoreError as error:
            raise NotSaved(record, str(error)) from None
        return record

    def retry_options(self, seed: int | None = None) -> QuizOptions | None:
        """Options for a quiz of only the questions missed here, in the same
        order, or None when nothing was missed. ``seed`` reshuffles choices
        (None: a fresh random seed)."""
        missed = tuple(record.question.id for record in self.session.missed())
        if not missed:
            return None
        return dataclasses.replace(
            self.session.options,
            question_ids=missed,
            count=None,
            tags=(),
            types=(),
            shuffle=False,
            include_generated=True,
            seed=seed,
        )
