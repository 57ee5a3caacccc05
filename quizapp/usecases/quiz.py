"""A recorded quiz: grade an answer, save it and feed the study schedule in one call.

`RecordedQuiz` keeps a `QuizSession` and the score store in step. Every
answer is graded by the session and then saved in one transaction with
everything it changes (`ScoreStore.save_quiz_answers`): the attempt itself
with the first answer (a quiz left before any answer leaves nothing behind),
the study cards a wrong answer makes due now, and the attempt marked
finished with the last answer. An answer the store fails to save is kept and
saved again with the next one, or by `save_unsaved` (on leaving the quiz);
`export_unsaved` writes what could never be saved to a JSON file. It also
rebuilds an unfinished attempt from the store (resume).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.grading import Grade
from quizapp.model import Answer, Bank, question_answer_text
from quizapp.session import AnswerRecord, QuizOptions, QuizSession
from quizapp.store import AttemptSummary, ScoreStore, StoreError
from quizapp.store.quiz_writes import AnswerToSave, CardDue, NewAttempt
from quizapp.study import StudyCard, build_cards, fresh_card_json, local_now, question_cards


class ResumeError(Exception):
    """A stored attempt cannot be rebuilt (its bank changed too much)."""


class NotSaved(Exception):
    """An answer was graded but the store failed to save it (it is kept
    unsaved in the quiz, and saved again with the next answer)."""

    def __init__(self, record: AnswerRecord, reason: str) -> None:
        super().__init__(reason)
        self.record = record

    @property
    def explanation(self) -> str:
        """What to tell the student: why, and that the answer is kept."""
        return (
            f"This answer was not saved: {self}. It is kept, and saved again with your next answer."
        )


@dataclass(slots=True)
class RecordedQuiz:
    """A running quiz whose answers are saved the moment they are given."""

    store: ScoreStore
    session: QuizSession
    player: str
    #: The stored attempt's id; None until the first answer is saved.
    attempt_id: int | None = None
    #: The wall clock, for the study cards a wrong answer makes due now.
    now: Callable[[], dt.datetime] = local_now
    #: Answers graded but not saved yet (the store failed), oldest first.
    unsaved: list[AnswerRecord] = field(default_factory=list)
    _cards: tuple[StudyCard, ...] | None = None

    @classmethod
    def start(
        cls,
        store: ScoreStore,
        player: str,
        bank: Bank,
        options: QuizOptions,
        *,
        now: Callable[[], dt.datetime] = local_now,
    ) -> RecordedQuiz:
        """Build a session from ``bank``; the attempt is stored with its first answer.

        Raises ValueError when the options leave no question to ask.
        """
        session = QuizSession.from_bank(bank, options)
        if session.total == 0:
            raise ValueError("no question matches these options")
        return cls(store, session, player, now=now)

    @classmethod
    def resume(
        cls,
        store: ScoreStore,
        bank: Bank,
        attempt: AttemptSummary,
        *,
        now: Callable[[], dt.datetime] = local_now,
    ) -> RecordedQuiz:
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
                self_graded=row.self_graded,
            )
            session.restore(row.question_id, grade, row.seconds)
        if session.finished:
            # Every answer was saved but the app stopped before marking it done.
            store.finish_attempt(attempt.id)
        return cls(store, session, attempt.player, attempt.id, now=now)

    def answer(self, answer: Answer, seconds: float) -> AnswerRecord:
        """Grade ``answer`` to the current question and save it at once.

        Raises `NotSaved` (holding the graded record) when saving failed."""
        return self._save(self.session.answer(answer, seconds))

    def skip(self, seconds: float) -> AnswerRecord:
        """Skip the current question (scores 0) and save that at once."""
        return self._save(self.session.skip(seconds))

    def _save(self, record: AnswerRecord) -> AnswerRecord:
        self.unsaved.append(record)
        try:
            self.save_unsaved()
        except StoreError as error:
            raise NotSaved(record, str(error)) from None
        return record

    def save_unsaved(self) -> None:
        """Save the answers not saved yet (all in one transaction); raises
        `StoreError` when the store fails again (they stay unsaved)."""
        if not self.unsaved:
            return
        moment = self.now()
        bank = self.session.bank
        attempt: int | NewAttempt = (
            self.attempt_id
            if self.attempt_id is not None
            else NewAttempt(
                self.player,
                bank.id,
                bank.title,
                self.session.question_ids,
                self.session.options_to_dict(),
            )
        )
        answers = [self._to_save(record, moment) for record in self.unsaved]
        self.attempt_id = self.store.save_quiz_answers(
            attempt, answers, finish=self.session.finished
        )
        self.unsaved.clear()

    def _to_save(self, record: AnswerRecord, moment: dt.datetime) -> AnswerToSave:
        grade = record.grade
        cards_due: tuple[CardDue, ...] = ()
        if not grade.correct:
            # A wrong answer makes the question's study cards due now: a
            # card never studied is stored fresh, a studied one keeps its
            # memory state, and one due earlier stays so (in the store's SQL).
            if self._cards is None:
                self._cards = build_cards(self.session.bank)
            cards_due = tuple(
                CardDue(card_id, moment, fresh_card_json(card_id, moment))
                for card_id in question_cards(self._cards, record.question)
            )
        return AnswerToSave(
            question_id=record.question.id,
            given=grade.given,
            score=grade.score,
            max_score=grade.max_score,
            seconds=record.seconds,
            near_miss=grade.near_miss,
            skipped=grade.skipped,
            tags=record.question.tags,
            self_graded=grade.self_graded,
            cards_due=cards_due,
        )

    def export_unsaved(self, path: Path) -> Path:
        """Write the answers not saved to ``path`` as JSON (what the student
        answered, so nothing is lost when the store cannot be written)."""
        bank = self.session.bank
        document = {
            "player": self.player,
            "bank_id": bank.id,
            "bank_title": bank.title,
            "question_ids": list(self.session.question_ids),
            "options": self.session.options_to_dict(),
            "answers": [
                {
                    "question_id": record.question.id,
                    "given": record.grade.given,
                    "score": record.grade.score,
                    "max_score": record.grade.max_score,
                    "seconds": record.seconds,
                    "near_miss": record.grade.near_miss,
                    "skipped": record.grade.skipped,
                    "self_graded": record.grade.self_graded,
                    "tags": list(record.question.tags),
                }
                for record in self.unsaved
            ],
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
        return path

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
            kind="retry",
        )


def unsaved_path(data_dir: Path, bank_id: str, moment: dt.datetime) -> Path:
    """Where `RecordedQuiz.export_unsaved` writes the answers that could not
    be saved: ``unsaved/unsaved-<bank id>-<date and time>.json`` in the data folder."""
    safe_id = re.sub(r"[^\w.-]", "_", bank_id)
    return data_dir / "unsaved" / f"unsaved-{safe_id}-{moment.strftime('%Y%m%d-%H%M%S')}.json"


def warm_up_grading() -> None:
    """Load what grading a typed answer needs the first time: the English
    word list (about 0.2 s), read at the first near miss otherwise. Call it
    from a worker when a quiz starts."""
    from quizapp.matching.words import english_words

    english_words()


def discard_attempt(store: ScoreStore, attempt_id: int) -> None:
    """Delete an unfinished attempt and its answers (the user asked to)."""
    store.discard_attempt(attempt_id)
