"""Answer normalisation and checking, with partial credit. No Textual here.

- `normalise_text` folds a typed answer: NFKD with accents stripped
  (Erdoğan == Erdogan), case folded, punctuation and hyphens turned into
  spaces, runs of whitespace collapsed.
- `match_text` compares a typed answer with its accepted forms in one of the
  match modes (exact / normal / lenient) and says whether it was accepted
  only thanks to typo tolerance.
- `grade_answer(question, answer)` returns a `Grade`. ``answer`` has the
  shape documented at `quizapp.model.Answer` for the question's type, or is
  None for a skipped question. A wrong shape is simply a wrong answer:
  grading never raises for anything a UI could send.

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

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from quizapp.model import (
    SELF_GRADE_FRACTIONS,
    Answer,
    ChoiceQuestion,
    ClozeQuestion,
    MatchMode,
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


# ------------------------------------------------------------------- text

#: Letters that have no Unicode decomposition but read as a plain Latin letter.
_EXTRA_FOLDS = str.maketrans(
    {"ı": "i", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th"}
)
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def normalise_text(text: str) -> str:
    """Fold a text answer for comparison.

    NFKD with combining marks (accents) removed, case folded, punctuation,
    hyphens and other separators turned into spaces, whitespace collapsed and
    stripped: ``normalise_text("  Erdoğan's S-400! ") == "erdogan s s 400"``.
    Symbols such as ``+`` or ``%`` are kept.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_EXTRA_FOLDS)
    out: list[str] = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category.startswith("M"):
            continue
        if category.startswith(("P", "Z", "C")):
            out.append(" ")
        else:
            out.append(char)
    return _SPACES.sub(" ", "".join(out)).strip()


def typo_tolerance(folded_length: int) -> int:
    """How many typos `lenient` accepts in an answer of this folded length:
    none up to 3 characters, 1 up to 7, 2 beyond."""
    if folded_length <= 3:
        return 0
    return 1 if folded_length <= 7 else 2


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): insertions,
    deletions, substitutions and swaps of two adjacent characters each count 1.

    With ``limit``, any distance above it is reported as ``limit + 1``, which
    lets long, clearly different answers be rejected early.
    """
    if limit is None:
        limit = max(len(a), len(b))  # no distance is larger
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    # Only cells within `limit` of the diagonal can stay within the limit; the
    # others hold `too_far`, and every value is capped there.
    too_far = limit + 1
    previous2: list[int] = []
    previous = [min(j, too_far) for j in range(len(b) + 1)]
    for i, char_a in enumerate(a, start=1):
        current = [too_far] * (len(b) + 1)
        current[0] = min(i, too_far)
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            char_b = b[j - 1]
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, too_far)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        # Each row only grows from the two rows above it, so once both are
        # past the limit every later row is too.
        if min(current) == too_far and min(previous) >= limit:
            return too_far
        previous2, previous = previous, current
    return previous[-1]


@dataclass(frozen=True, slots=True)
class TextMatch:
    """How a typed answer compares with its accepted forms."""

    accepted: bool
    #: Accepted only thanks to typo tolerance (``lenient`` mode).
    near_miss: bool = False
    #: The accepted form it matched ("" when not accepted).
    matched: str = ""


def match_text(given: str, accepted: Sequence[str], mode: MatchMode) -> TextMatch:
    """Compare ``given`` with each of ``accepted`` in ``mode``.

    - ``exact``: equal as typed, only surrounding whitespace ignored;
    - ``normal``: equal after `normalise_text`, or equal once spaces are
      removed from both folded forms (``S400`` == ``S-400`` == ``s 400``);
    - ``lenient``: as ``normal``, or within `typo_tolerance` edits of a folded
      accepted form (measured on that form's length): a near miss.

    An accepted form that folds to nothing (say ``"?!"``) is compared exactly.
    """
    typed = unicodedata.normalize("NFC", given.strip())
    if mode == "exact":
        for form in accepted:
            if typed == unicodedata.normalize("NFC", form.strip()):
                return TextMatch(True, matched=form)
        return TextMatch(False)

    folded = normalise_text(given)
    compact = folded.replace(" ", "")
    folded_forms = [(form, normalise_text(form)) for form in accepted]
    for form, folded_form in folded_forms:
        if not folded_form:
            if typed == form.strip():
                return TextMatch(True, matched=form)
        elif folded == folded_form or compact == folded_form.replace(" ", ""):
            return TextMatch(True, matched=form)
    if mode == "lenient" and folded:
        for form, folded_form in folded_forms:
            tolerance = typo_tolerance(len(folded_form))
            if tolerance and edit_distance(folded, folded_form, tolerance) <= tolerance:
                return TextMatch(True, near_miss=True, matched=form)
    return TextMatch(False)


# ----------------------------------------------------------------- numbers

# Compiled when a number is first graded (and cached by re), not at start-up.
_THOUSANDS = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?"
_DECIMAL_COMMA = r"[+-]?\d+,\d+"
_NUMBER = r"[+-]?(?:\d+(?:_\d+)*\.?\d*|\.\d+)(?:e[+-]?\d+)?"
_DIGIT_GROUP_SPACES = r"(?<=\d)[ \u00a0\u202f\u2009'](?=\d{3}\b)"
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-"})


def parse_number(text: str, unit: str = "") -> float | None:
    """Read a typed number, or None when it is not one.

    Accepts surrounding spaces, a trailing dot (``2016.``), thousands
    separators (``2,016``, ``1 000``, ``1'000``), a decimal comma (``3,5``),
    exponents (``1e3``), Unicode minus signs and full-width digits, and
    ``unit`` after the number (``12 km``). NaN and infinities are not numbers.
    """
    value = unicodedata.normalize("NFKC", text).translate(_MINUS_SIGNS).strip().casefold()
    folded_unit = unit.strip().casefold()
    if folded_unit and value.endswith(folded_unit):
        value = value[: -len(folded_unit)].rstrip()
    value = re.sub(_DIGIT_GROUP_SPACES, "", value)
    if re.fullmatch(_THOUSANDS, value):
        value = value.replace(",", "")
    elif re.fullmatch(_DECIMAL_COMMA, value):
        value = value.replace(",", ".")
    if not re.fullmatch(_NUMBER, value):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


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
    self_graded: bool = False


def _grade_choice(question: ChoiceQuestion, answer: object) -> _Outcome:
    if not isinstance(answer, str):
        return _Outcome(0.0, _render(answer))
    return _Outcome(1.0 if answer == question.answer else 0.0, answer)


def _grade_multi(question: MultiQuestion, answer: object) -> _Outcome:
    if isinstance(answer, (frozenset, set, tuple, list)) and all(
        isinstance(item, str) for item in answer
    ):
        picks = set(answer)
    else:
        return _Outcome(0.0, _render(answer))
    shown = [choice for choice in question.choices if choice in picks]
    shown += sorted(picks - set(question.choices))
    if question.weights:
        earned = sum(
            w for c, w in zip(question.choices, question.weights, strict=True) if c in picks
        )
        return _Outcome(min(1.0, max(0.0, earned / 100)), "; ".join(shown))
    right_answers = set(question.answers)
    right = len(picks & right_answers)
    wrong = len(picks - right_answers)
    fraction = max(0, right - wrong) / len(right_answers) if right_answers else 0.0
    return _Outcome(fraction, "; ".join(shown))


def _grade_true_false(question: TrueFalseQuestion, answer: object) -> _Outcome:
    if not isinstance(answer, bool):
        return _Outcome(0.0, _render(answer))
    return _Outcome(1.0 if answer == question.answer else 0.0, _render(answer))


def _grade_text(question: TextQuestion, answer: object) -> _Outcome:
    if not isinstance(answer, str):
        return _Outcome(0.0, _render(answer))
    result = match_text(answer, (question.answer, *question.accept), question.match)
    return _Outcome(1.0 if result.accepted else 0.0, answer.strip(), result.near_miss)


def _grade_number(question: NumberQuestion, answer: object) -> _Outcome:
    if isinstance(answer, str):
        value = parse_number(answer, question.unit)
        given = answer.strip()
    elif isinstance(answer, (int, float)) and not isinstance(answer, bool):
        try:
            value = float(answer) if math.isfinite(answer) else None
        except OverflowError:  # an int too large for a float
            value = None
        given = _render(answer)
    else:
        return _Outcome(0.0, _render(answer))
    if value is None:
        return _Outcome(0.0, given)
    # A little slack so that 0.1 + 0.2 counts as 0.3.
    slack = 1e-9 * max(1.0, abs(question.answer))
    right = abs(value - question.answer) <= question.tolerance + slack
    return _Outcome(1.0 if right else 0.0, given)


def _grade_cloze(question: ClozeQuestion, answer: object) -> _Outcome:
    typed = (answer,) if isinstance(answer, str) else _as_strings(answer)
    if typed is None or not question.gaps:
        return _Outcome(0.0, _render(answer))
    right = 0
    near_miss = False
    for index, gap in enumerate(question.gaps):
        if index >= len(typed):
            break
        result = match_text(typed[index], (gap.answer, *gap.accept), question.match)
        right += result.accepted
        near_miss = near_miss or result.near_miss
    given = "; ".join(text.strip() for text in typed)
    return _Outcome(right / len(question.gaps), given, near_miss)


def _grade_order(question: OrderQuestion, answer: object) -> _Outcome:
    typed = _as_strings(answer)
    if typed is None or not question.items:
        return _Outcome(0.0, _render(answer))
    position = {item: index for index, item in enumerate(question.items)}
    positions = [position[item] for item in _dedupe(typed) if item in position]
    run = longest_increasing_run(positions)
    fraction = run / len(question.items) if run >= 2 else 0.0
    return _Outcome(fraction, " → ".join(typed))


def _grade_match(question: MatchQuestion, answer: object) -> _Outcome:
    pairs = _as_pairs(answer)
    if pairs is None or not question.pairs:
        return _Outcome(0.0, _render(answer))
    right_of = dict(question.pairs)
    judged: set[str] = set()
    right = 0
    for left, right_item in pairs:
        if left in judged:
            continue
        judged.add(left)
        right += left in right_of and right_of[left] == right_item
    given = "; ".join(f"{left} → {right_item}" for left, right_item in pairs)
    return _Outcome(right / len(question.pairs), given)


def _grade_open(question: OpenQuestion, answer: object) -> _Outcome:
    if not isinstance(answer, OpenAnswer) or answer.grade not in SELF_GRADE_FRACTIONS:
        return _Outcome(0.0, _render(answer))
    return _Outcome(SELF_GRADE_FRACTIONS[answer.grade], answer.text.strip(), self_graded=True)


def _outcome(question: Question, answer: object) -> _Outcome:
    match question:
        case ChoiceQuestion():
            return _grade_choice(question, answer)
        case MultiQuestion():
            return _grade_multi(question, answer)
        case TrueFalseQuestion():
            return _grade_true_false(question, answer)
        case TextQuestion():
            return _grade_text(question, answer)
        case NumberQuestion():
            return _grade_number(question, answer)
        case ClozeQuestion():
            return _grade_cloze(question, answer)
        case OrderQuestion():
            return _grade_order(question, answer)
        case MatchQuestion():
            return _grade_match(question, answer)
        case OpenQuestion():
            return _grade_open(question, answer)
    raise AssertionError(f"unknown question {question!r}")


def grade_answer(question: Question, answer: Answer | None) -> Grade:
    """Grade ``answer`` to ``question``; None means skipped.

    The score is the fraction of full marks (see the module docstring)
    times ``question.points``; ``expected`` is the canonical answer and
    ``given`` a plain-text rendering of what was given ("" when skipped).
    """
    points = float(question.points)
    expected = question_answer_text(question)
    if answer is None:
        return Grade(0.0, points, expected, "", skipped=True)
    outcome = _outcome(question, answer)
    return Grade(
        score=points * outcome.fraction,
        max_score=points,
        expected=expected,
        given=outcome.given,
        near_miss=outcome.near_miss,
        self_graded=outcome.self_graded,
    )
