"""Grading an answer to any question, with partial credit and the reasons. No Textual.

- `grade_answer(question, answer, terms)` returns a `Grade`. ``answer`` has
  the shape documented at `quizapp.model.Answer` for the question's type, or
  is None for a skipped question. A wrong shape is simply a wrong answer:
  grading never raises for anything a UI could send, nor for any number a
  bank can hold.
- ``terms`` (`bank_terms(bank)`) is what the bank adds to typed answers:
  its own words and its actors' names. Without it, typed answers are
  compared with their right forms and the English word list only.
- Typed text is compared by `quizapp.matching.text.match_text` (the rules
  are listed there and in ``docs/bank-format.md``); typed numbers are read
  by `quizapp.matching.numbers.read_number`.

A `Grade` carries what feedback needs: the verdict and score, the right
form an answer was accepted as (``matched``), why it was refused
(``reason``), the exact value of a number accepted within its tolerance
(``exact``) and a mark per gap of a cloze or per pair of a match question
(``parts``).

Partial credit (as a fraction of the question's ``points``):

- multi: (right picks - wrong picks) / right answers, never below zero; with
  ``weights``, the sum of the picked choices' weights / 100, from 0 to 1;
- order: the longest run of items in the right relative order (longest
  increasing subsequence) / items, counting only when at least 2 are in order;
- match: right pairs / pairs (a left item paired with a distractor is wrong);
- cloze: right gaps / gaps;
- open: the student's own grade of their answer: all 1, some 0.5, none 0
  (`quizapp.model.SELF_GRADE_FRACTIONS`); such a grade is ``self_graded``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from quizapp.matching.dates import Decade, decade_start, read_date
from quizapp.matching.fold import edit_distance, normalise_text, typo_tolerance
from quizapp.matching.numbers import format_number, read_number
from quizapp.matching.text import BankTerms, TextMatch, match_text
from quizapp.model import (
    SELF_GRADE_FRACTIONS,
    Answer,
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OpenAnswer,
    OpenQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
    TrueFalseQuestion,
    question_answer_text,
)

__all__ = [
    "BankTerms",
    "Grade",
    "PartMark",
    "TextMatch",
    "Verdict",
    "bank_terms",
    "edit_distance",
    "grade_answer",
    "longest_increasing_run",
    "match_text",
    "normalise_text",
    "parse_number",
    "read_number",
    "typo_tolerance",
]

Verdict = Literal["correct", "partial", "wrong"]

#: A question's points count as at most this many (``quizapp check`` refuses
#: more), so that no score overflows.
MAX_POINTS = 1_000_000

#: The one number reader, under the name older callers use.
parse_number = read_number


@dataclass(frozen=True, slots=True)
class PartMark:
    """The mark of one gap of a cloze or one pair of a match question."""

    #: ``gap 1`` ... for a gap, the left item for a pair.
    label: str
    #: What was given for it ("" when nothing was).
    given: str
    #: The right answer for it.
    expected: str
    correct: bool
    near_miss: bool = False
    #: The right form it was accepted as ("" when wrong).
    matched: str = ""
    #: Why it was refused ("" when right).
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Grade:
    """The result of checking one answer."""

    score: float
    max_score: float
    #: The canonical right answer, as plain text to show.
    expected: str
    #: What was given, as plain text (stored and shown back).
    given: str
    #: True when a typed answer was accepted only thanks to typo tolerance.
    near_miss: bool = False
    skipped: bool = False
    #: The right form the answer was accepted as ("turkiye" as "Türkiye");
    #: per gap, joined with "; ", for a cloze. "" when nothing was accepted.
    matched: str = ""
    #: Why the answer was refused, or what it missed ("" when right).
    reason: str = ""
    #: A number accepted within its tolerance: the exact right value.
    exact: str = ""
    #: A mark per gap (cloze) or per pair (match), in question order.
    parts: tuple[PartMark, ...] = field(default=())
    #: True when the student graded the answer themself (open questions).
    self_graded: bool = False

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


# ------------------------------------------------------------- bank terms


def _bank_texts(bank: Bank) -> Iterator[str]:
    for actor in bank.actors:
        yield from (actor.name, *actor.aliases, actor.role)
    for event in bank.events:
        yield from (event.when, event.what)
    for quote in bank.quotes:
        yield quote.text
    for question in bank.questions:
        yield question.prompt
        yield question_answer_text(question)
        match question:
            case ChoiceQuestion(choices=choices) | MultiQuestion(choices=choices):
                yield from choices
            case TextQuestion(accept=accept):
                yield from accept
            case ClozeQuestion(parts=parts, gaps=gaps):
                yield from parts
                for gap in gaps:
                    yield from gap.accept


def bank_terms(bank: Bank) -> BankTerms:
    """What ``bank`` adds to the grading of typed answers: the words of its
    names, facts and questions, and its actors."""
    words = {
        word
        for text in _bank_texts(bank)
        for word in normalise_text(text).split()
        if len(word) > 1 and word.isalpha()
    }
    return BankTerms(frozenset(words), bank.actors)


# ----------------------------------------------------------------- shapes


def _render(answer: object) -> str:
    """Any answer as readable plain text (used for shapes a question does not expect)."""
    if isinstance(answer, bool):
        return "True" if answer else "False"
    if isinstance(answer, str):
        return answer.strip()
    if isinstance(answer, (frozenset, set)):
        return "; ".join(sorted(_render(item) for item in answer))
    if isinstance(answer, (tuple, list)):
        if answer and all(_as_pair(item) is not None for item in answer):
            return "; ".join(f"{item[0]} → {item[1]}" for item in answer)
        return "; ".join(_render(item) for item in answer)
    if isinstance(answer, float):
        return f"{answer:g}"
    try:
        return str(answer)
    except ValueError:  # an int with more digits than Python will print
        return "(a number too long to show)"


def _as_strings(answer: object) -> tuple[str, ...] | None:
    if isinstance(answer, (tuple, list)) and all(isinstance(item, str) for item in answer):
        return tuple(answer)
    return None


def _as_pair(item: object) -> tuple[str, str] | None:
    if (
        isinstance(item, (tuple, list))
        and len(item) == 2
        and isinstance(item[0], str)
        and isinstance(item[1], str)
    ):
        return (item[0], item[1])
    return None


def _as_pairs(answer: object) -> tuple[tuple[str, str], ...] | None:
    if not isinstance(answer, (tuple, list)):
        return None
    pairs = [_as_pair(item) for item in answer]
    if any(pair is None for pair in pairs):
        return None
    return tuple(pair for pair in pairs if pair is not None)


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _as_float(value: object) -> float | None:
    """A finite float for a number of any size (an int too large for a float
    is None, like infinities and NaN)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def longest_increasing_run(positions: Sequence[int]) -> int:
    """Length of the longest strictly increasing subsequence of ``positions``."""
    tails: list[int] = []
    for position in positions:
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if tails[middle] < position:
                low = middle + 1
            else:
                high = middle
        if low == len(tails):
            tails.append(position)
        else:
            tails[low] = position
    return len(tails)


# ---------------------------------------------------------------- grading


@dataclass(frozen=True, slots=True)
class _Outcome:
    """A fraction of full marks and what was given, before scaling."""

    fraction: float
    given: str
    near_miss: bool = False
    matched: str = ""
    reason: str = ""
    exact: str = ""
    parts: tuple[PartMark, ...] = ()
    self_graded: bool = False


def _wrong_shape(answer: object) -> _Outcome:
    return _Outcome(0.0, _render(answer), reason="not an answer to this type of question")


def _grade_choice(question: ChoiceQuestion, answer: object) -> _Outcome:
    if not isinstance(answer, str):
        return _wrong_shape(answer)
    if answer == question.answer:
        return _Outcome(1.0, answer, matched=answer)
    return _Outcome(0.0, answer, reason=f"'{answer}' is not the right choice")


def _grade_multi(question: MultiQuestion, answer: object) -> _Outcome:
    if isinstance(answer, (frozenset, set, tuple, list)) and all(
        isinstance(item, str) for item in answer
    ):
        picks = set(answer)
    else:
        return _wrong_shape(answer)
    shown = [choice for choice in question.choices if choice in picks]
    shown += sorted(picks - set(question.choices))
    if question.weights:
        earned = sum(
            w for c, w in zip(question.choices, question.weights, strict=True) if c in picks
        )
        fraction = min(1.0, max(0.0, earned / 100))
        reason = f"the picked choices' weights add up to {earned:g}%" if fraction < 1 else ""
        return _Outcome(fraction, "; ".join(shown), reason=reason)
    right_answers = set(question.answers)
    right = len(picks & right_answers)
    wrong = len(picks - right_answers)
    fraction = max(0, right - wrong) / len(right_answers) if right_answers else 0.0
    reason = ""
    if right < len(right_answers) or wrong:
        reason = f"{right} of the {len(right_answers)} right choices picked"
        if wrong:
            reason += f", and {wrong} wrong one{'s' if wrong > 1 else ''}"
    return _Outcome(fraction, "; ".join(shown), reason=reason)


def _grade_true_false(question: TrueFalseQuestion, answer: object) -> _Outcome:
    if not isinstance(answer, bool):
        return _wrong_shape(answer)
    if answer == question.answer:
        return _Outcome(1.0, _render(answer), matched=_render(answer))
    return _Outcome(0.0, _render(answer), reason=f"the statement is {_render(question.answer)}")


def _text_outcome(result: TextMatch, given: str) -> _Outcome:
    return _Outcome(
        1.0 if result.accepted else 0.0,
        given,
        result.near_miss,
        matched=result.matched,
        reason=result.reason,
    )


def _grade_text(question: TextQuestion, answer: object, terms: BankTerms | None) -> _Outcome:
    if not isinstance(answer, str):
        return _wrong_shape(answer)
    result = match_text(
        answer,
        (question.answer, *question.accept),
        question.match,
        rejected=question.reject,
        terms=terms,
    )
    return _text_outcome(result, answer.strip())


def _read_typed_number(question: NumberQuestion, typed: str, right: float) -> float | None:
    value = read_number(typed, question.unit)
    if value is None:
        decade = read_date(typed)
        if isinstance(decade, Decade) and right.is_integer() and abs(right) < 10_000:
            value = float(decade_start(decade, int(right)))
    return value


def _grade_number(question: NumberQuestion, answer: object) -> _Outcome:
    right = _as_float(question.answer)
    if isinstance(answer, str):
        given = answer.strip()
        value = _read_typed_number(question, answer, right) if right is not None else None
        if value is None and right is not None:
            return _Outcome(0.0, given, reason=f"'{given}' is not a number")
    elif isinstance(answer, (int, float)) and not isinstance(answer, bool):
        value, given = _as_float(answer), _render(answer)
    else:
        return _wrong_shape(answer)
    if right is None:
        return _Outcome(0.0, given, reason="this question's answer is not a usable number")
    if value is None:
        return _Outcome(0.0, given, reason=f"'{given}' is not a number quizapp can compare")
    try:
        tolerance = float(question.tolerance)
    except OverflowError:
        tolerance = math.inf
    # A little slack so that 0.1 + 0.2 counts as 0.3.
    slack = 1e-9 * max(1.0, abs(right))
    expected = question_answer_text(question)
    if abs(value - right) <= tolerance + slack:
        exact = expected if value != right else ""
        return _Outcome(1.0, given, matched=expected, exact=exact)
    margin = f" ± {format_number(tolerance)}" if tolerance else ""
    return _Outcome(0.0, given, reason=f"{format_number(value)} is not {expected}{margin}")


def _grade_cloze(question: ClozeQuestion, answer: object, terms: BankTerms | None) -> _Outcome:
    typed = (answer,) if isinstance(answer, str) else _as_strings(answer)
    if typed is None or not question.gaps:
        return _wrong_shape(answer)
    parts: list[PartMark] = []
    for number, gap in enumerate(question.gaps, start=1):
        given = typed[number - 1].strip() if number <= len(typed) else ""
        rejected = tuple(r for r in question.reject if r.gap is None or r.gap == number)
        result = match_text(
            given, (gap.answer, *gap.accept), question.match, rejected=rejected, terms=terms
        )
        reason = result.reason if given else "left empty"
        parts.append(
            PartMark(
                label=f"gap {number}",
                given=given,
                expected=gap.answer,
                correct=result.accepted,
                near_miss=result.near_miss,
                matched=result.matched,
                reason="" if result.accepted else reason,
            )
        )
    right = sum(part.correct for part in parts)
    return _Outcome(
        right / len(parts),
        "; ".join(text.strip() for text in typed),
        any(part.near_miss for part in parts),
        matched="; ".join(part.matched for part in parts) if right == len(parts) else "",
        reason="; ".join(f"{part.label}: {part.reason}" for part in parts if not part.correct),
        parts=tuple(parts),
    )


def _grade_order(question: OrderQuestion, answer: object) -> _Outcome:
    typed = _as_strings(answer)
    if typed is None or not question.items:
        return _wrong_shape(answer)
    position = {item: index for index, item in enumerate(question.items)}
    positions = [position[item] for item in _dedupe(typed) if item in position]
    run = longest_increasing_run(positions)
    fraction = run / len(question.items) if run >= 2 else 0.0
    reason = ""
    if fraction < 1:
        reason = f"{run if run >= 2 else 0} of the {len(question.items)} items in the right order"
    return _Outcome(fraction, " → ".join(typed), reason=reason)


def _grade_match(question: MatchQuestion, answer: object) -> _Outcome:
    pairs = _as_pairs(answer)
    if pairs is None or not question.pairs:
        return _wrong_shape(answer)
    chosen: dict[str, str] = {}
    for left, right_item in pairs:
        chosen.setdefault(left, right_item)  # only the first pairing of a left item counts
    parts = tuple(
        PartMark(
            label=left,
            given=chosen.get(left, ""),
            expected=right_item,
            correct=chosen.get(left) == right_item,
            matched=right_item if chosen.get(left) == right_item else "",
        )
        for left, right_item in question.pairs
    )
    right = sum(part.correct for part in parts)
    given = "; ".join(f"{left} → {right_item}" for left, right_item in pairs)
    reason = f"{right} of the {len(parts)} pairs right" if right < len(parts) else ""
    return _Outcome(right / len(parts), given, reason=reason, parts=parts)


def _grade_open(question: OpenQuestion, answer: object) -> _Outcome:
    if not isinstance(answer, OpenAnswer) or answer.grade not in SELF_GRADE_FRACTIONS:
        return _wrong_shape(answer)
    return _Outcome(SELF_GRADE_FRACTIONS[answer.grade], answer.text.strip(), self_graded=True)


def _outcome(question: Question, answer: object, terms: BankTerms | None) -> _Outcome:
    match question:
        case ChoiceQuestion():
            return _grade_choice(question, answer)
        case MultiQuestion():
            return _grade_multi(question, answer)
        case TrueFalseQuestion():
            return _grade_true_false(question, answer)
        case TextQuestion():
            return _grade_text(question, answer, terms)
        case NumberQuestion():
            return _grade_number(question, answer)
        case ClozeQuestion():
            return _grade_cloze(question, answer, terms)
        case OrderQuestion():
            return _grade_order(question, answer)
        case MatchQuestion():
            return _grade_match(question, answer)
        case OpenQuestion():
            return _grade_open(question, answer)
    raise AssertionError(f"unknown question {question!r}")


def question_points(question: Question) -> float:
    """The question's points as a float, at most `MAX_POINTS`."""
    return float(min(max(question.points, 0), MAX_POINTS))


def grade_answer(
    question: Question, answer: Answer | None, terms: BankTerms | None = None
) -> Grade:
    """Grade ``answer`` to ``question``; None means skipped.

    The score is the fraction of full marks (see the module docstring)
    times the question's points (`question_points`); ``expected`` is the
    canonical answer and ``given`` a plain-text rendering of what was given
    ("" when skipped). ``terms`` are the question's bank's (`bank_terms`).
    """
    points = question_points(question)
    expected = question_answer_text(question)
    if answer is None:
        return Grade(0.0, points, expected, "", skipped=True)
    outcome = _outcome(question, answer, terms)
    return Grade(
        score=points * outcome.fraction,
        max_score=points,
        expected=expected,
        given=outcome.given,
        near_miss=outcome.near_miss,
        matched=outcome.matched,
        reason=outcome.reason,
        exact=outcome.exact,
        parts=outcome.parts,
        self_graded=outcome.self_graded,
    )
