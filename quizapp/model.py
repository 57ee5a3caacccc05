"""The domain model: banks, facts and questions as frozen dataclasses.

Nothing here imports Textual or does I/O. A `Bank` is what the loader in
`quizapp.banks` builds from one TOML file after validating it; every other
part of quizapp (generation, grading, sessions, the store, the TUI) works on
these values only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal, TypeAlias

#: The newest bank format this version of quizapp understands.
FORMAT_VERSION = 1

MatchMode = Literal["exact", "normal", "lenient"]
MATCH_MODES: tuple[MatchMode, ...] = ("exact", "normal", "lenient")


class QuestionType(StrEnum):
    """The `type` key of a ``[[questions]]`` table."""

    CHOICE = "choice"
    MULTI = "multi"
    TRUE_FALSE = "true_false"
    TEXT = "text"
    CLOZE = "cloze"
    NUMBER = "number"
    ORDER = "order"
    MATCH = "match"
    OPEN = "open"


@dataclass(frozen=True)
class Location:
    """A place in a bank file, 1-based line and column."""

    path: str
    line: int
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class BankProblem:
    """One problem found in a bank file, reported as ``path:line:col: message``.

    ``severity`` is ``"error"`` (the bank cannot be used) or ``"warning"``
    (the bank loads, but an author should look).
    """

    location: Location
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.location}: {prefix}{self.message}"


@dataclass(frozen=True)
class SourceInfo:
    """What a bank was derived from (``[bank.source]``)."""

    title: str
    author: str = ""
    url: str = ""
    #: Optional text file, relative to the bank file, enabling "show in context".
    file: str = ""


@dataclass(frozen=True)
class Defaults:
    """Per-bank defaults for questions (``[defaults]``)."""

    points: int = 1
    match: MatchMode = "lenient"
    difficulty: int = 1


# --------------------------------------------------------------------- facts

#: A kind of question `quizapp.generate` makes from the fact tables: from
#: quotes "who said this?" (speaker) and "complete the quote" (cloze); from
#: actors "match names to roles" (roles) and "who is X?" (role); from events
#: "put in order" (order), "when?" (when) and "in what year?" (year).
GeneratedKind = Literal["speaker", "cloze", "roles", "role", "order", "when", "year"]
#: The kinds each fact table gives, in the order they are generated.
GENERATED_KINDS: dict[str, tuple[GeneratedKind, ...]] = {
    "quotes": ("speaker", "cloze"),
    "actors": ("roles", "role"),
    "events": ("order", "when", "year"),
}
#: Every generated kind, in the order they are generated.
ALL_GENERATED_KINDS: tuple[GeneratedKind, ...] = (
    *GENERATED_KINDS["quotes"],
    *GENERATED_KINDS["actors"],
    *GENERATED_KINDS["events"],
)


@dataclass(frozen=True)
class Actor:
    """A person, institution or government the source names (``[[actors]]``)."""

    id: str
    name: str
    #: "person", "institution", "government", "country", "group", ...
    kind: str
    #: The role or description the source gives, in the author's words.
    role: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    source: str = ""
    line: int = 0
    #: The author of the source (an editorial's writer): always offered as a
    #: wrong speaker of a "who said this?" question, so that the source's own
    #: claims and the opinions it quotes are told apart.
    author: bool = False
    #: The kinds of generated question made from this actor (None: every kind
    #: the bank makes; ``()``: none). See `GENERATED_KINDS`.
    generate: tuple[GeneratedKind, ...] | None = None


@dataclass(frozen=True)
class Event:
    """A time reference in the source (``[[events]]``).

    ``when`` is the source's own wording ("July 12", "Soviet times");
    ``sort_key`` orders events and is a date or a year. ``note`` says, for
    instance, that a key is approximate because the source gives no date.
    """

    id: str
    when: str
    sort_key: dt.date
    what: str
    #: The year the source states for this event, if it states one.
    year: int | None = None
    #: True when ``sort_key`` is an estimate (the source gives no exact date).
    approximate: bool = False
    actors: tuple[str, ...] = ()
    note: str = ""
    source: str = ""
    line: int = 0
    #: The kinds of generated question made from this event (as for `Actor`).
    generate: tuple[GeneratedKind, ...] | None = None


@dataclass(frozen=True)
class Quote:
    """A direct quotation (``[[quotes]]``); ``speaker`` is an actor id."""

    id: str
    text: str
    speaker: str
    context: str = ""
    source: str = ""
    line: int = 0
    #: The kinds of generated question made from this quote (as for `Actor`).
    generate: tuple[GeneratedKind, ...] | None = None


# ----------------------------------------------------------------- questions


@dataclass(frozen=True, kw_only=True)
class QuestionBase:
    """Fields every question has, hand-written or generated."""

    id: str
    prompt: str
    explanation: str = ""
    #: A verbatim excerpt of the source text that proves the answer.
    source: str = ""
    tags: tuple[str, ...] = ()
    difficulty: int = 1
    points: int = 1
    #: Shown above the prompt, e.g. the quote a "who said this" question asks about.
    quote: str = ""
    #: True for questions made by `quizapp.generate` from the fact tables.
    generated: bool = False
    #: Ids of the actors / events / quotes this question is about.
    about: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True, kw_only=True)
class ChoiceQuestion(QuestionBase):
    """One right answer among ``choices``."""

    choices: tuple[str, ...]
    answer: str
    type: Literal[QuestionType.CHOICE] = field(default=QuestionType.CHOICE, init=False)


@dataclass(frozen=True, kw_only=True)
class MultiQuestion(QuestionBase):
    """Select all that apply: ``answers`` is a non-empty subset of ``choices``.

    ``weights``, when given, holds one percentage (-100 to 100) per choice,
    as Moodle does: a pick earns its choice's weight, and the answers are the
    choices with a positive weight. Without weights, each right pick earns
    1/len(answers) and each wrong pick takes as much away.
    """

    choices: tuple[str, ...]
    answers: tuple[str, ...]
    weights: tuple[float, ...] = ()
    type: Literal[QuestionType.MULTI] = field(default=QuestionType.MULTI, init=False)


@dataclass(frozen=True, kw_only=True)
class TrueFalseQuestion(QuestionBase):
    """A statement that is true or false."""

    answer: bool
    type: Literal[QuestionType.TRUE_FALSE] = field(default=QuestionType.TRUE_FALSE, init=False)


@dataclass(frozen=True)
class RejectedAnswer:
    """An answer a bank refuses on purpose (``reject``), with the feedback
    that says why ("'offensive' is the opposite of 'defensive'")."""

    answer: str
    feedback: str = ""
    #: Cloze questions: the gap (1-based) it is refused in; None: every gap.
    gap: int | None = None


@dataclass(frozen=True, kw_only=True)
class TextQuestion(QuestionBase):
    """A short free answer; ``accept`` lists alternatives, ``reject`` answers
    refused on purpose."""

    answer: str
    accept: tuple[str, ...] = ()
    match: MatchMode = "lenient"
    reject: tuple[RejectedAnswer, ...] = ()
    type: Literal[QuestionType.TEXT] = field(default=QuestionType.TEXT, init=False)


@dataclass(frozen=True)
class ClozeGap:
    """One gap of a cloze passage: the answer and its accepted alternatives."""

    answer: str
    accept: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ClozeQuestion(QuestionBase):
    """A passage with gaps to type.

    In the bank, ``text`` marks gaps as ``{{answer}}`` or
    ``{{answer|alternative|...}}``. The model keeps the passage split into
    ``parts``: ``len(parts) == len(gaps) + 1`` and the passage reads
    ``parts[0] gap0 parts[1] gap1 ... parts[-1]``.
    """

    parts: tuple[str, ...]
    gaps: tuple[ClozeGap, ...]
    match: MatchMode = "lenient"
    reject: tuple[RejectedAnswer, ...] = ()
    type: Literal[QuestionType.CLOZE] = field(default=QuestionType.CLOZE, init=False)


@dataclass(frozen=True, kw_only=True)
class NumberQuestion(QuestionBase):
    """A numeric answer, right within ``tolerance`` (years: tolerance 0)."""

    answer: float
    tolerance: float = 0.0
    unit: str = ""
    type: Literal[QuestionType.NUMBER] = field(default=QuestionType.NUMBER, init=False)


@dataclass(frozen=True, kw_only=True)
class OrderQuestion(QuestionBase):
    """Put ``items`` in order; the bank lists them in the correct order."""

    items: tuple[str, ...]
    type: Literal[QuestionType.ORDER] = field(default=QuestionType.ORDER, init=False)


@dataclass(frozen=True, kw_only=True)
class MatchQuestion(QuestionBase):
    """Pair each left item with its right item; ``pairs`` are the right pairs.

    ``distractors`` are extra right-hand items that match no left item.
    """

    pairs: tuple[tuple[str, str], ...]
    distractors: tuple[str, ...] = ()
    type: Literal[QuestionType.MATCH] = field(default=QuestionType.MATCH, init=False)


@dataclass(frozen=True, kw_only=True)
class OpenQuestion(QuestionBase):
    """A discussion question: no answer is checked by quizapp.

    The student answers (in writing or only in their head), then sees
    ``model_answer`` and ``key_points`` and grades their own answer with an
    `OpenAnswer`: all, some or none of it.
    """

    model_answer: str
    #: What a good answer covers, one point per item (may be empty).
    key_points: tuple[str, ...] = ()
    type: Literal[QuestionType.OPEN] = field(default=QuestionType.OPEN, init=False)


Question: TypeAlias = (
    ChoiceQuestion
    | MultiQuestion
    | TrueFalseQuestion
    | TextQuestion
    | ClozeQuestion
    | NumberQuestion
    | OrderQuestion
    | MatchQuestion
    | OpenQuestion
)

#: How a student grades their own answer to an open question.
SelfGrade = Literal["all", "some", "none"]
#: The share of full marks of each self-grade.
SELF_GRADE_FRACTIONS: dict[SelfGrade, float] = {"all": 1.0, "some": 0.5, "none": 0.0}
#: Each self-grade as a student picks it, in the order offered.
SELF_GRADE_LABELS: tuple[tuple[SelfGrade, str], ...] = (
    ("all", "All of it"),
    ("some", "Some of it"),
    ("none", "None of it"),
)


@dataclass(frozen=True)
class OpenAnswer:
    """An answer to an open question: the student's own verdict on it.

    ``grade`` says how much of the model answer and its key points the
    student's answer covered; ``text`` is what they wrote ("" when they
    only thought an answer through).
    """

    grade: SelfGrade
    text: str = ""


#: What a user gives for each question type (see `quizapp.grading`):
#: choice -> str (the chosen choice); multi -> frozenset[str];
#: true_false -> bool; text -> str; number -> str (as typed);
#: cloze -> tuple[str, ...] (one per gap); order -> tuple[str, ...] (items in
#: the user's order); match -> tuple[tuple[str, str], ...] (left, right pairs);
#: open -> `OpenAnswer` (self-graded).
Answer: TypeAlias = (
    str | bool | frozenset[str] | tuple[str, ...] | tuple[tuple[str, str], ...] | OpenAnswer
)


# ---------------------------------------------------------------------- bank


@dataclass(frozen=True)
class Bank:
    """One validated question bank (one TOML file)."""

    id: str
    title: str
    format: int = FORMAT_VERSION
    description: str = ""
    tags: tuple[str, ...] = ()
    source: SourceInfo | None = None
    defaults: Defaults = Defaults()
    #: Whether questions are generated from the fact tables (``[bank] generate``).
    generate: bool = True
    #: The kinds of question generated (``[bank] generate`` as a list).
    generated_kinds: tuple[GeneratedKind, ...] = ALL_GENERATED_KINDS
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    #: The hand-written questions, in file order.
    questions: tuple[Question, ...] = ()
    #: The file the bank was loaded from (None for banks built in code).
    path: Path | None = None
    #: Warnings found while loading (a bank with errors is never built).
    warnings: tuple[BankProblem, ...] = ()

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def source_path(self) -> Path | None:
        """The path of ``[bank.source] file`` (relative to the bank's folder),
        if the bank names one.

        Joined from the names alone, with no file system access, so it never
        fails: whether the file may be shown and can be read is for
        `quizapp.banks.excerpts.context_source` to find out.
        """
        if self.source is None or not self.source.file or self.path is None:
            return None
        return self.path.parent / self.source.file


@dataclass(frozen=True)
class BankError:
    """A bank file that could not be loaded, with every problem found in it."""

    path: Path
    problems: tuple[BankProblem, ...]

    @property
    def first(self) -> BankProblem:
        """The first problem, for one-line summaries."""
        return self.problems[0]


#: What loading one file gives: a bank, or the reasons it is not one.
LoadResult: TypeAlias = Bank | BankError


def question_answer_text(question: Question) -> str:
    """The canonical right answer of a question as one line of plain text."""
    match question:
        case ChoiceQuestion(answer=answer) | TextQuestion(answer=answer):
            return answer
        case MultiQuestion(answers=answers):
            return "; ".join(answers)
        case TrueFalseQuestion(answer=answer):
            return "True" if answer else "False"
        case NumberQuestion(answer=answer, unit=unit):
            try:
                text = f"{answer:g}"
            except OverflowError:  # an integer too large for a float
                text = "(a number too large to show)"
            return f"{text} {unit}".strip()
        case ClozeQuestion(gaps=gaps):
            return "; ".join(gap.answer for gap in gaps)
        case OrderQuestion(items=items):
            return " → ".join(items)
        case MatchQuestion(pairs=pairs):
            return "; ".join(f"{left} → {right}" for left, right in pairs)
        case OpenQuestion(model_answer=model_answer):
            return " ".join(model_answer.split())
    raise AssertionError(f"unknown question {question!r}")
