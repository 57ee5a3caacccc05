"""QuizSession: the pure state machine of one quiz. No Textual here.

A session holds an ordered list of questions, the answers given so far and
the score. The TUI asks it for the current question, passes it answers, and
shows what it reports; it never decides a quiz rule itself.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from quizapp.display import display_order
from quizapp.generate import generate_questions
from quizapp.grading import BankTerms, Grade, bank_terms, grade_answer, read_number
from quizapp.model import (
    Answer,
    Bank,
    Question,
    QuestionType,
)

#: The tag `QuizSession.per_tag` files untagged questions under.
UNTAGGED = "untagged"


#: What the answer widgets say when an answer is submitted empty.
TYPE_FIRST = "Type an answer first, or skip the question."
TICK_FIRST = "Tick at least one option first, or skip the question."
FILL_FIRST = "Fill in a gap first, or skip the question."
NUMBER_FIRST = "Type a number (2016, 3,5 or eight, say), or skip the question."


def not_yet_an_answer(answer: Answer) -> str:
    """Why ``answer`` cannot be submitted yet ("" when it can): nothing typed
    (text, number), ticked (multi) or filled in (every gap of a cloze empty).
    A widget shows this and keeps the question, so a stray Enter never
    scores 0."""
    if isinstance(answer, str):
        return TYPE_FIRST if not answer.strip() else ""
    if isinstance(answer, frozenset):
        return TICK_FIRST if not answer else ""
    if isinstance(answer, tuple) and all(isinstance(item, str) for item in answer):
        return FILL_FIRST if not any(str(item).strip() for item in answer) else ""
    return ""


def not_yet_a_number(typed: str, unit: str = "") -> str:
    """Why ``typed`` cannot be submitted to a number question ("" when it
    can): it is empty, or `read_number` (the grader's own reader) cannot
    read it."""
    if not typed.strip():
        return TYPE_FIRST
    return NUMBER_FIRST if read_number(typed, unit) is None else ""


#: What a quiz is for: a quiz chosen in the options, a review of the
#: player's mistakes on a bank, or a retry of the questions a quiz missed.
QuizKind = Literal["quiz", "review", "retry"]


def quiz_kind(options: Mapping[str, Any]) -> QuizKind:
    """The kind of a stored quiz, from its options as `QuizOptions.to_dict`
    wrote them ("quiz" when they do not say, or say something unknown)."""
    kind = options.get("kind")
    if kind == "review":
        return "review"
    return "retry" if kind == "retry" else "quiz"


class SessionFinished(RuntimeError):
    """Raised when a finished session is asked to take another answer."""


@dataclass(frozen=True, slots=True)
class QuizOptions:
    """How to build a quiz from a bank.

    Steps, in order: hand-written questions plus generated ones
    (``include_generated``); keep those with any of ``tags`` and of one of
    ``types``; with ``question_ids``, keep only those, in that order (the
    question order is then fixed and ``shuffle`` does not apply to it);
    otherwise shuffle when ``shuffle``; then keep the first ``count``,
    passing over a question about a fact already asked about (see
    `select_questions`) while there are others.
    """

    #: Keep only questions carrying any of these tags (empty: all).
    tags: tuple[str, ...] = ()
    #: Keep only these question types (empty: all).
    types: tuple[QuestionType, ...] = ()
    #: At most this many questions (None: all).
    count: int | None = None
    #: Shuffle the question order.
    shuffle: bool = True
    #: Shuffle choices (choice/multi), the starting order of order items and
    #: the right-hand column of match questions.
    shuffle_choices: bool = True
    #: Seed for reproducible order (None: random).
    seed: int | None = None
    #: Add questions generated from the bank's fact tables.
    include_generated: bool = True
    #: Restrict to these question ids, in this order (retry missed, review).
    question_ids: tuple[str, ...] = ()
    #: What the quiz is for (it is labelled so in the quiz, Results and History).
    kind: QuizKind = "quiz"

    def __post_init__(self) -> None:
        if self.count is not None and self.count < 1:
            raise ValueError(f"count must be at least 1, not {self.count}")

    def to_dict(self) -> dict[str, object]:
        """The options as a JSON-able dict (see `from_dict`)."""
        return {
            "tags": list(self.tags),
            "types": [str(question_type) for question_type in self.types],
            "count": self.count,
            "shuffle": self.shuffle,
            "shuffle_choices": self.shuffle_choices,
            "seed": self.seed,
            "include_generated": self.include_generated,
            "question_ids": list(self.question_ids),
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> QuizOptions:
        """Options from `to_dict`'s output. Missing keys take their defaults
        and unknown keys are ignored; a value of the wrong type raises
        ValueError naming the key."""
        defaults = cls()

        def flag(key: str, default: bool) -> bool:
            value = data.get(key, default)
            if not isinstance(value, bool):
                raise ValueError(f"option {key!r} must be true or false, not {value!r}")
            return value

        def optional_int(key: str, default: int | None) -> int | None:
            value = data.get(key, default)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise ValueError(f"option {key!r} must be an integer or null, not {value!r}")
            return value

        def strings(key: str) -> tuple[str, ...]:
            value = data.get(key, [])
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"option {key!r} must be a list of strings, not {value!r}")
            return tuple(value)

        types = []
        for name in strings("types"):
            try:
                types.append(QuestionType(name))
            except ValueError:
                raise ValueError(f"option 'types': unknown question type {name!r}") from None
        return cls(
            tags=strings("tags"),
            types=tuple(types),
            count=optional_int("count", defaults.count),
            shuffle=flag("shuffle", defaults.shuffle),
            shuffle_choices=flag("shuffle_choices", defaults.shuffle_choices),
            seed=optional_int("seed", defaults.seed),
            include_generated=flag("include_generated", defaults.include_generated),
            question_ids=strings("question_ids"),
            kind=quiz_kind(data),
        )


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answered (or skipped) question of a session."""

    question: Question
    grade: Grade
    seconds: float = 0.0

    @property
    def skipped(self) -> bool:
        """The question was skipped."""
        return self.grade.skipped


@dataclass(frozen=True, slots=True)
class TagScore:
    """Score within one tag."""

    tag: str
    score: float
    max_score: float
    answered: int

    @property
    def percent(self) -> float:
        """Score as a percentage of the tag's points (0 when there are none)."""
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


def covered_facts(question: Question) -> frozenset[str]:
    """The ids of the facts (actors, events, quotes) a question asks about.

    A generated question asks about the one fact its id names
    (``event:<id>:year``, ``quote:<id>:speaker``, ``actor:<id>:role``); one
    made from a group of facts (``events:order:1``, ``actors:roles:1``) asks
    how they relate, and covers none alone. A hand-written question covers
    the facts of its ``about``.
    """
    if not question.generated:
        return frozenset(question.about)
    kind, _, rest = question.id.partition(":")
    fact, _, _ = rest.partition(":")
    if kind in ("event", "quote", "actor") and fact:
        return frozenset({fact})
    return frozenset()


def _one_per_fact(pool: Sequence[Question], count: int) -> list[Question]:
    """``count`` questions of ``pool``, in pool order, that never ask about
    the same fact twice where a generated question is involved, as long as
    there are enough of them; the others fill what is left."""
    first: list[Question] = []
    later: list[Question] = []
    hand_written: set[str] = set()
    generated: set[str] = set()
    for question in pool:
        facts = covered_facts(question)
        # Two hand-written questions about one fact ask different things on purpose.
        clash = facts & generated if not question.generated else facts & (hand_written | generated)
        if clash or len(first) >= count:
            later.append(question)
            continue
        first.append(question)
        (generated if question.generated else hand_written).update(facts)
    chosen = {id(question) for question in (*first, *later[: count - len(first)])}
    return [question for question in pool if id(question) in chosen]


def questions_matching(questions: Iterable[Question], options: QuizOptions) -> list[Question]:
    """The questions of ``questions`` a quiz with ``options`` chooses from,
    in order: generated ones only with ``include_generated``, then those with
    any of the ``tags`` and of one of the ``types``."""
    wanted_tags, wanted_types = set(options.tags), set(options.types)
    return [
        question
        for question in questions
        if (options.include_generated or not question.generated)
        and (not wanted_tags or wanted_tags.intersection(question.tags))
        and (not wanted_types or question.type in wanted_types)
    ]


def select_questions(bank: Bank, options: QuizOptions, seed: int) -> list[Question]:
    """The questions of a quiz on ``bank`` in order (see `QuizOptions`).

    A quiz of fewer questions than the pool never asks about the same fact
    twice (`covered_facts`) when a generated question is involved, unless
    the bank has too few distinct facts for the count asked.
    """
    pool: list[Question] = list(bank.questions)
    if options.include_generated:
        # A hand-written question keeps its id even if a generated one has it too.
        taken = {q.id for q in pool}
        pool.extend(q for q in generate_questions(bank) if q.id not in taken)
    pool = questions_matching(pool, options)
    if options.question_ids:
        by_id = {q.id: q for q in pool}
        pool = [by_id[qid] for qid in dict.fromkeys(options.question_ids) if qid in by_id]
        return pool if options.count is None else pool[: options.count]
    if options.shuffle:
        random.Random(seed).shuffle(pool)
    if options.count is None or options.count >= len(pool):
        return pool
    return _one_per_fact(pool, options.count)


class QuizSession:
    """One quiz over a fixed, ordered list of questions."""

    def __init__(
        self,
        bank: Bank,
        questions: Sequence[Question],
        *,
        seed: int = 0,
        options: QuizOptions | None = None,
    ) -> None:
        self._bank = bank
        self._questions = tuple(questions)
        self._seed = seed
        self._options = dataclasses.replace(options or QuizOptions(), seed=seed)
        self._records: list[AnswerRecord] = []
        self._terms: BankTerms | None = None

    @classmethod
    def from_bank(cls, bank: Bank, options: QuizOptions = QuizOptions()) -> QuizSession:
        """Select, order and (optionally) generate questions from ``bank``.

        When ``options.seed`` is None a random seed is drawn; `seed` and
        `options` report it so the same quiz can be rebuilt.
        """
        seed = options.seed if options.seed is not None else random.randrange(2**31)
        return cls(bank, select_questions(bank, options, seed), seed=seed, options=options)

    # ----------------------------------------------------------- the quiz

    @property
    def bank(self) -> Bank:
        """The bank the questions come from."""
        return self._bank

    @property
    def questions(self) -> tuple[Question, ...]:
        """All questions of the quiz, in the order they are asked."""
        return self._questions

    @property
    def question_ids(self) -> tuple[str, ...]:
        """The ids of `questions`, in order (stored to resume the quiz)."""
        return tuple(question.id for question in self._questions)

    @property
    def options(self) -> QuizOptions:
        """The options the quiz was built with, ``seed`` set to the one used."""
        return self._options

    def options_to_dict(self) -> dict[str, object]:
        """`options` as a JSON-able dict; `QuizOptions.from_dict` reads it back."""
        return self._options.to_dict()

    @property
    def seed(self) -> int:
        """The seed that ordered the questions and shuffles the choices."""
        return self._seed

    @property
    def total(self) -> int:
        """How many questions the quiz has."""
        return len(self._questions)

    @property
    def index(self) -> int:
        """0-based position of the current question (`total` when finished)."""
        return len(self._records)

    @property
    def number(self) -> int:
        """1-based position of the current question, for "3 of 10"
        (`total` when finished)."""
        return min(self.index + 1, self.total)

    @property
    def finished(self) -> bool:
        """Every question has been answered or skipped."""
        return self.index >= self.total

    @property
    def current(self) -> Question | None:
        """The question to answer now, or None when finished."""
        return None if self.finished else self._questions[self.index]

    def display_choices(self, question: Question) -> tuple[str, ...]:
        """Choices (choice/multi), initial item order (order) or right column
        (match: the pairs' right items and the distractors) in the order to
        display, shuffled with the session seed when ``shuffle_choices`` was
        set and stable for a given question; order
        and match questions never start solved (`quizapp.display`). Other
        question types have no choices: ``()``."""
        return display_order(question, self._seed, shuffle=self._options.shuffle_choices)

    # ------------------------------------------------------------ answers

    def _next(self) -> Question:
        question = self.current
        if question is None:
            raise SessionFinished(f"the quiz is finished: all {self.total} questions are done")
        return question

    def grade(self, question: Question, answer: Answer | None) -> Grade:
        """Grade ``answer`` to ``question`` with the bank's terms (its words
        and actors), without recording it (a preview)."""
        if self._terms is None:
            self._terms = bank_terms(self._bank)
        return grade_answer(question, answer, self._terms)

    def answer(self, answer: Answer, seconds: float = 0.0) -> AnswerRecord:
        """Grade ``answer`` to the current question and move on.

        Raises `SessionFinished` when there is no current question."""
        question = self._next()
        record = AnswerRecord(question, self.grade(question, answer), seconds)
        self._records.append(record)
        return record

    def skip(self, seconds: float = 0.0) -> AnswerRecord:
        """Skip the current question (scores 0) and move on."""
        question = self._next()
        record = AnswerRecord(question, self.grade(question, None), seconds)
        self._records.append(record)
        return record

    def restore(self, question_id: str, grade: Grade, seconds: float = 0.0) -> None:
        """Replay a stored answer to the current question (resume).

        Raises ValueError when ``question_id`` is not the current question's
        id, and `SessionFinished` when there is none."""
        question = self._next()
        if question.id != question_id:
            raise ValueError(
                f"cannot restore an answer to {question_id!r}: "
                f"the current question is {question.id!r}"
            )
        self._records.append(AnswerRecord(question, grade, seconds))

    # ------------------------------------------------------------ results

    @property
    def records(self) -> tuple[AnswerRecord, ...]:
        """Answered and skipped questions so far, in order."""
        return tuple(self._records)

    @property
    def score(self) -> float:
        """Points scored so far."""
        return sum(record.grade.score for record in self._records)

    @property
    def max_score(self) -> float:
        """Points of the questions answered or skipped so far."""
        return sum(record.grade.max_score for record in self._records)

    @property
    def total_points(self) -> float:
        """Points of every question of the quiz."""
        return float(sum(question.points for question in self._questions))

    @property
    def percent(self) -> float:
        """`score` as a percentage of `max_score` (0 before any answer)."""
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def seconds(self) -> float:
        """Time spent on the answers so far."""
        return sum(record.seconds for record in self._records)

    def per_tag(self) -> list[TagScore]:
        """Score per tag of the questions answered so far, sorted by tag;
        untagged questions count under `UNTAGGED`. A question with several
        tags counts in each."""
        totals: dict[str, tuple[float, float, int]] = {}
        for record in self._records:
            for tag in dict.fromkeys(record.question.tags or (UNTAGGED,)):
                score, max_score, answered = totals.get(tag, (0.0, 0.0, 0))
                totals[tag] = (
                    score + record.grade.score,
                    max_score + record.grade.max_score,
                    answered + 1,
                )
        return [TagScore(tag, *totals[tag]) for tag in sorted(totals)]

    def missed(self) -> list[AnswerRecord]:
        """Records without full marks: wrong, partly right or skipped."""
        return [record for record in self._records if not record.grade.correct]
