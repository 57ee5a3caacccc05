"""Properties of grading over the shipped banks (and the test banks).

- Every keyed answer, and every form a bank lists for it, passes, however
  a student cases or spaces it.
- No other word of the English word list within the typo distance of an
  answer passes: a typo that makes another real word is another answer.
- Over 200 seeds, the keyed choice's position on a flashcard and in a quiz
  is spread evenly.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.banks import load_bank
from quizapp.display import display_order
from quizapp.generate import generate_questions
from quizapp.grading import BankTerms, bank_terms, grade_answer
from quizapp.matching.fold import normalise_text, strip_leading_words, typo_tolerance
from quizapp.matching.numbers import format_number
from quizapp.matching.words import (
    real_words_near,
    same_word_in_plural,
    same_word_spelt_differently,
)
from quizapp.model import (
    Answer,
    Bank,
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
)
from quizapp.paths import shipped_banks_dir
from quizapp.session import QuizOptions, QuizSession
from quizapp.study import build_cards

TEST_BANKS = (
    Path(__file__).parent / "data" / "banks" / "every-type.toml",
    Path(__file__).parent / "data" / "grading" / "grading-names.toml",
)


@functools.cache
def banks() -> tuple[tuple[Bank, BankTerms], ...]:
    paths = [*sorted(shipped_banks_dir().glob("*.toml")), *TEST_BANKS]
    loaded = [load_bank(path) for path in paths]
    return tuple((bank, bank_terms(bank)) for bank in loaded if isinstance(bank, Bank))


def all_questions() -> Iterator[tuple[Bank, BankTerms, Question]]:
    for bank, terms in banks():
        for question in (*bank.questions, *generate_questions(bank)):
            yield bank, terms, question


def keyed_answer(question: Question) -> Answer:
    """The bank's own right answer, in the shape a widget sends."""
    match question:
        case ChoiceQuestion(answer=answer) | TextQuestion(answer=answer):
            return answer
        case MultiQuestion(answers=answers):
            return frozenset(answers)
        case TrueFalseQuestion(answer=answer):
            return answer
        case NumberQuestion(answer=answer, unit=unit):
            return f"{format_number(answer)} {unit}".strip()
        case ClozeQuestion(gaps=gaps):
            return tuple(gap.answer for gap in gaps)
        case OrderQuestion(items=items):
            return items
        case MatchQuestion(pairs=pairs):
            return pairs
        case OpenQuestion():
            return OpenAnswer("all")
    raise AssertionError(question)


def test_every_keyed_answer_passes() -> None:
    for bank, terms, question in all_questions():
        grade = grade_answer(question, keyed_answer(question), terms)
        assert grade.correct and not grade.near_miss, (bank.id, question.id, grade)


# Typed forms: (bank, terms, mode, right forms of the gap or answer, one of them).
TypedForm = tuple[BankTerms, MatchMode, tuple[str, ...], str]


def typed_forms() -> list[TypedForm]:
    forms: list[TypedForm] = []
    for _, terms, question in all_questions():
        if isinstance(question, TextQuestion):
            accepted = (question.answer, *question.accept)
            forms.extend((terms, question.match, accepted, form) for form in accepted)
        elif isinstance(question, ClozeQuestion):
            for gap in question.gaps:
                accepted = (gap.answer, *gap.accept)
                forms.extend((terms, question.match, accepted, form) for form in accepted)
    return forms


def grade_typed(terms: BankTerms, mode: MatchMode, accepted: tuple[str, ...], typed: str) -> bool:
    question = TextQuestion(id="t", prompt="?", answer=accepted[0], accept=accepted[1:], match=mode)
    return grade_answer(question, typed, terms).correct


STUDENT_WAYS = [
    str.lower,
    str.upper,
    str.title,
    lambda text: f"  {text} ",
    lambda text: f"{text}.",
    lambda text: f"{text}!",
    lambda text: text.replace(" ", "  "),
    lambda text: f"the {text}",
    lambda text: f"in {text}",
]


@given(form=st.sampled_from(typed_forms()), way=st.sampled_from(STUDENT_WAYS))
def test_listed_forms_pass_as_students_type_them(form: TypedForm, way: object) -> None:
    terms, mode, accepted, right = form
    if mode == "exact":
        assert grade_typed(terms, mode, accepted, f" {right} ")
        return
    typed = way(right)  # type: ignore[operator]
    if typed.startswith(("the ", "in ")) and normalise_text(right).split()[0] in (
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "during",
        "to",
    ):
        return  # "the the ...": a student types one article, not two
    assert grade_typed(terms, mode, accepted, typed), (accepted, typed)


# ------------------------------------------------------ real words refused


def same_word(a: str, b: str) -> bool:
    return a == b or same_word_in_plural(a, b) or same_word_spelt_differently(a, b)


def neighbour_cases() -> list[tuple[BankTerms, tuple[str, ...], str]]:
    """(terms, right forms, a typed answer that swaps one word of a right
    form for another real word within the typo distance)."""
    cases: set[tuple[BankTerms, tuple[str, ...], str]] = set()
    for terms, mode, accepted, right in typed_forms():
        if mode == "exact":
            continue  # normal forms are tried as if lenient: it only refuses more
        cores = [strip_leading_words(normalise_text(form)) for form in accepted]
        core = strip_leading_words(normalise_text(right))
        tolerance = typo_tolerance(len(core))
        words = core.split()
        for position, word in enumerate(words):
            if len(word) < 4 or not word.isalpha():
                continue
            # Every swap for a single-word answer; one edit per word of a phrase.
            distance = tolerance if len(words) == 1 else 1
            for other in real_words_near(word, distance):
                typed = " ".join([*words[:position], other, *words[position + 1 :]])
                if any(same_word(other, w) for c in cores for w in c.split()):
                    continue
                if typed in cores or not re.fullmatch(r"[a-z ]+", typed):
                    continue
                cases.add((terms, accepted, typed))
    return sorted(cases, key=lambda case: (case[1], case[2]))


@pytest.mark.slow
def test_no_other_real_word_within_the_typo_distance_passes() -> None:
    cases = neighbour_cases()
    assert len(cases) > 400
    passed = [
        (accepted[0], typed)
        for terms, accepted, typed in cases
        if grade_typed(terms, "lenient", accepted, typed)
    ]
    assert passed == []


# ------------------------------------------------------ choices spread out


def choice_questions() -> list[tuple[Bank, ChoiceQuestion]]:
    return [
        (bank, question)
        for bank, _, question in all_questions()
        if isinstance(question, ChoiceQuestion) and not question.generated
    ]


def assert_spread(positions: Counter[int], choices: int, seeds: int) -> None:
    assert set(positions) == set(range(choices)), positions
    expected = seeds / choices
    for count in positions.values():
        assert expected / 2 <= count <= expected * 1.5, positions


@pytest.mark.parametrize("seeds", [200])
def test_the_keyed_choice_moves_in_a_quiz(seeds: int) -> None:
    for bank, question in choice_questions():
        positions: Counter[int] = Counter()
        for seed in range(seeds):
            shown = QuizSession(bank, [question], seed=seed).display_choices(question)
            positions[shown.index(question.answer)] += 1
        assert_spread(positions, len(question.choices), seeds)


@pytest.mark.parametrize("seeds", [200])
def test_the_keyed_choice_moves_on_a_flashcard(seeds: int) -> None:
    for bank, question in choice_questions()[:12]:
        positions: Counter[int] = Counter()
        bullets = [f"- {choice}" for choice in question.choices]
        for seed in range(seeds):
            (card,) = [c for c in build_cards(bank, seed=seed) if c.id == f"q:{question.id}"]
            lines = [line for line in card.front.splitlines() if line in bullets]
            positions[lines.index(f"- {question.answer}")] += 1
        assert_spread(positions, len(question.choices), seeds)


def test_flashcards_and_quizzes_use_one_order() -> None:
    bank, question = choice_questions()[0]
    session = QuizSession.from_bank(bank, QuizOptions(seed=5, question_ids=(question.id,)))
    (card,) = [c for c in build_cards(bank, seed=5) if c.id == f"q:{question.id}"]
    shown = display_order(question, 5)
    assert session.display_choices(question) == shown
    assert card.front.endswith("\n".join(f"- {choice}" for choice in shown))
