"""A grading battery written from a student's side, over the shipped banks.

Each case is what a student might type and the verdict a teacher expects:
right answers in the forms students write them, and wrong answers close in
spelling (opposites, other real words, neighbouring numbers and dates).
Verdicts: ``right`` (full marks, no typo), ``near`` (full marks as a near
miss), ``partial`` and ``wrong``.

Most cases are decided by the grading rules themselves, not by a bank's
``accept`` list, so that widening an accept list does not flip them, and
the shipped banks' typed answers are graded in ``lenient`` mode whatever
the bank sets: lenient is where a typo could let a wrong answer through
(``normal`` only refuses more). The issue's own examples are all here.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import Literal

import pytest

from quizapp.banks import load_bank
from quizapp.commands.grade import find_question
from quizapp.grading import BankTerms, Grade, bank_terms, grade_answer
from quizapp.model import Answer, Bank, ClozeGap, ClozeQuestion, Question, TextQuestion
from quizapp.paths import shipped_banks_dir

TEST_BANKS = (
    Path(__file__).parent / "data" / "banks" / "every-type.toml",
    Path(__file__).parent / "data" / "grading" / "grading-names.toml",
)
Expected = Literal["right", "near", "partial", "wrong"]


@functools.cache
def bank(bank_id: str) -> Bank:
    for path in (*shipped_banks_dir().glob("*.toml"), *TEST_BANKS):
        loaded = load_bank(path)
        if isinstance(loaded, Bank) and loaded.id == bank_id:
            return loaded
    raise LookupError(bank_id)


@functools.cache
def terms(bank_id: str) -> BankTerms:
    return bank_terms(bank(bank_id))


SHIPPED = ("s400-actors", "s400-argument", "s400-dates", "s400-dispute", "s400-quotes")


def question(bank_id: str, question_id: str) -> Question:
    """The question; a shipped typed one in lenient mode (see the module docstring)."""
    found = find_question(bank(bank_id), question_id)
    assert found is not None, f"{bank_id}/{question_id}"
    if bank_id in SHIPPED and isinstance(found, (TextQuestion, ClozeQuestion)):
        return dataclasses.replace(found, match="lenient")
    return found


def verdict(grade: Grade) -> Expected:
    if grade.correct:
        return "near" if grade.near_miss else "right"
    return "partial" if grade.score > 0 else "wrong"


R, N, P, W = "right", "near", "partial", "wrong"

# (bank, question, answer, expected)
CASES: list[tuple[str, str, Answer, Expected]] = [
    # --- s400-actors
    ("s400-actors", "who-bought", "Turkey", R),
    ("s400-actors", "who-bought", "turkey", R),
    ("s400-actors", "who-bought", "Türkiye", R),
    ("s400-actors", "who-bought", "turkiye", R),
    ("s400-actors", "who-bought", "in Turkey", R),
    ("s400-actors", "who-bought", "Turky", N),
    ("s400-actors", "who-bought", "Ankara", R),
    ("s400-actors", "who-bought", "turnkey", W),
    ("s400-actors", "who-bought", "Russia", W),
    ("s400-actors", "who-bought", "Greece", W),
    ("s400-actors", "tilt-toward", "Moscow", R),
    ("s400-actors", "tilt-toward", "moscow", R),
    ("s400-actors", "tilt-toward", "Moscw", N),
    ("s400-actors", "tilt-toward", "Russia", W),
    ("s400-actors", "tilt-toward", "Ankara", W),
    ("s400-actors", "tilt-toward", "Washington", W),
    ("s400-actors", "russian-president", "Vladimir Putin", R),
    ("s400-actors", "russian-president", "Putin", R),
    ("s400-actors", "russian-president", "President Putin", R),
    ("s400-actors", "russian-president", "V. Putin", R),
    ("s400-actors", "russian-president", "Russian President Vladimir Putin", R),
    ("s400-actors", "russian-president", "President Vladimir Putin", R),
    ("s400-actors", "russian-president", "Vladimir Putn", N),
    ("s400-actors", "russian-president", "Putn", N),
    ("s400-actors", "russian-president", "Erdogan", W),
    ("s400-actors", "russian-president", "President Erdogan", W),
    ("s400-actors", "russian-president", "Medvedev", W),
    ("s400-actors", "coup-cleric", "Fethullah Gulen", R),
    ("s400-actors", "coup-cleric", "Gulen", R),
    ("s400-actors", "coup-cleric", "Gülen", R),
    ("s400-actors", "coup-cleric", "Fethullah Gülen", R),
    ("s400-actors", "coup-cleric", "F. Gulen", R),
    ("s400-actors", "coup-cleric", "Mr Gulen", R),
    ("s400-actors", "coup-cleric", "Fetullah Gulen", N),
    ("s400-actors", "coup-cleric", "Galen", W),
    ("s400-actors", "coup-cleric", "Gulden", W),
    ("s400-actors", "coup-cleric", "Erdogan", W),
    ("s400-actors", "wilson-now", "Global Minnesota", R),
    ("s400-actors", "wilson-now", "global minnesota", R),
    ("s400-actors", "wilson-now", "Global Minesota", N),
    ("s400-actors", "wilson-now", "Minnesota", W),
    ("s400-actors", "kurdish-partners", "Kurdish militias", R),
    ("s400-actors", "kurdish-partners", "the Kurdish militias", R),
    ("s400-actors", "kurdish-partners", "kurdish militia", R),
    ("s400-actors", "kurdish-partners", "Kurdish militas", N),
    ("s400-actors", "kurdish-partners", "Turkish militias", W),
    ("s400-actors", "kurdish-partners", "Kurdish military", W),
    ("s400-actors", "isis-named", "ISIS", R),
    ("s400-actors", "isis-named", "Isis", R),
    ("s400-actors", "isis-named", "IRIS", W),
    ("s400-actors", "isis-named", "ISIS-held", W),
    ("s400-actors", "alliance-target", "the Western alliance", R),
    ("s400-actors", "alliance-target", "Western alliance", R),
    ("s400-actors", "alliance-target", "the West", R),
    ("s400-actors", "alliance-target", "western aliance", N),
    ("s400-actors", "alliance-target", "Eastern alliance", W),
    ("s400-actors", "alliance-target", "the East", W),
    ("s400-argument", "voices-count", "2", R),
    ("s400-argument", "voices-count", "two", R),
    ("s400-argument", "voices-count", "2 people", R),
    ("s400-argument", "voices-count", "two people", R),
    ("s400-argument", "voices-count", "3", W),
    ("s400-argument", "voices-count", "three", W),
    ("s400-argument", "voices-count", "a couple", W),
    # --- s400-dates
    ("s400-dates", "delivery-date", "July 12", R),
    ("s400-dates", "delivery-date", "12 July", R),
    ("s400-dates", "delivery-date", "July 12th", R),
    ("s400-dates", "delivery-date", "the 12th of July", R),
    ("s400-dates", "delivery-date", "Jul 12", R),
    ("s400-dates", "delivery-date", "Jul. 12", R),
    ("s400-dates", "delivery-date", "July twelfth", R),
    ("s400-dates", "delivery-date", "on the 12th of July", R),
    ("s400-dates", "delivery-date", "on July 12", R),
    ("s400-dates", "delivery-date", "12th July", R),
    ("s400-dates", "delivery-date", "July the 12th", R),
    ("s400-dates", "delivery-date", "July 13", W),
    ("s400-dates", "delivery-date", "June 12", W),
    ("s400-dates", "delivery-date", "July 21", W),
    ("s400-dates", "delivery-date", "12 June", W),
    ("s400-dates", "delivery-date", "the 13th of July", W),
    ("s400-dates", "delivery-date", "July", W),
    ("s400-dates", "coup-year", "2016", R),
    ("s400-dates", "coup-year", "in 2016", R),
    ("s400-dates", "coup-year", "two thousand and sixteen", R),
    ("s400-dates", "coup-year", "2017", W),
    ("s400-dates", "coup-year", "2015", W),
    ("s400-dates", "coup-year", "2006", W),
    ("s400-dates", "coup-year", "twenty sixteen?", W),
    ("grading-names", "start-year", "2005", R),
    ("grading-names", "start-year", "in 2005", R),
    ("grading-names", "start-year", "2008", W),
    ("grading-names", "start-year", "2004", W),
    ("grading-names", "term", ("2005", "2008"), R),
    ("grading-names", "term", ("in 2005", "2008"), R),
    ("grading-names", "term", ("2005", "2009"), P),
    ("grading-names", "term", ("2006", "2008"), P),
    ("grading-names", "term", ("2008", "2005"), W),
    ("grading-names", "era", ("Soviet times",), R),
    ("grading-names", "era", ("the Soviet era",), R),
    ("grading-names", "era", ("soviet tims",), N),
    ("grading-names", "era", ("Tsarist times",), W),
    ("s400-dates", "cornerstone-decade", "the 1950s", R),
    ("s400-dates", "cornerstone-decade", "1950s", R),
    ("s400-dates", "cornerstone-decade", "the '50s", R),
    ("s400-dates", "cornerstone-decade", "the fifties", R),
    ("s400-dates", "cornerstone-decade", "in the 1950s", R),
    ("s400-dates", "cornerstone-decade", "1950's", R),
    ("s400-dates", "cornerstone-decade", "the nineteen fifties", R),
    ("s400-dates", "cornerstone-decade", "1950", R),
    ("s400-dates", "cornerstone-decade", "the 1960s", W),
    ("s400-dates", "cornerstone-decade", "the 1940s", W),
    ("s400-dates", "cornerstone-decade", "the sixties", W),
    ("s400-dates", "cornerstone-decade", "1955", W),
    ("s400-dates", "cyprus-place", "Cyprus", R),
    ("s400-dates", "cyprus-place", "in Cyprus", R),
    ("s400-dates", "cyprus-place", "Cyprs", N),
    ("s400-dates", "cyprus-place", "Cyrus", W),
    ("s400-dates", "cyprus-place", "Crete", W),
    ("s400-dates", "years-between", "8", R),
    ("s400-dates", "years-between", "eight", R),
    ("s400-dates", "years-between", "8 years", R),
    ("s400-dates", "years-between", "eight years", R),
    ("s400-dates", "years-between", "9", W),
    ("s400-dates", "years-between", "7 years", W),
    ("s400-dates", "years-between", "8 months", W),
    ("s400-dates", "coup-year", "2,016", R),
    # --- s400-dispute
    ("s400-dispute", "f35", "F-35", R),
    ("s400-dispute", "f35", "F35", R),
    ("s400-dispute", "f35", "f 35", R),
    ("s400-dispute", "f35", "the F-35", R),
    ("s400-dispute", "f35", "F-36", W),
    ("s400-dispute", "f35", "F-16", W),
    ("s400-dispute", "f35", "F-22", W),
    ("s400-dispute", "us-reaction", "defensive", R),
    ("s400-dispute", "us-reaction", "Defensive", R),
    ("s400-dispute", "us-reaction", "a defensive reaction", R),
    ("s400-dispute", "us-reaction", "defensiv", N),
    ("s400-dispute", "us-reaction", "defesnive", N),
    ("s400-dispute", "us-reaction", "offensive", W),
    ("s400-dispute", "us-reaction", "indefensive", W),
    ("s400-dispute", "us-reaction", "aggressive", W),
    ("s400-dispute", "arms-sales", "U.S. arms sales", R),
    ("s400-dispute", "arms-sales", "US arms sales", R),
    ("s400-dispute", "arms-sales", "arms sales", R),
    ("s400-dispute", "arms-sales", "arms sale", N),
    ("s400-dispute", "arms-sales", "farm sales", W),
    ("s400-dispute", "arms-sales", "arms sails", W),
    ("s400-dispute", "arms-sales", "alms sales", W),
    ("s400-dispute", "arms-sales", "arms deals", W),
    ("grading-names", "residence", "Pennsylvania", R),
    ("grading-names", "residence", "in Pennsylvania", R),
    ("grading-names", "residence", "Pensylvania", N),
    ("grading-names", "residence", "Pennsilvania", N),
    ("grading-names", "residence", "Transylvania", W),
    ("grading-names", "residence", "Philadelphia", W),
    ("s400-dispute", "new-strains", "new strains", R),
    ("s400-dispute", "new-strains", "New strains", R),
    ("s400-dispute", "new-strains", "new strain", R),
    ("s400-dispute", "new-strains", "new strians", N),
    ("s400-dispute", "new-strains", "new trains", W),
    ("s400-dispute", "new-strains", "new stains", W),
    ("s400-dispute", "new-strains", "new straits", W),
    ("s400-dispute", "new-strains", "new sprains", W),
    ("s400-dispute", "coup-grievance", ("insensitivity", "cleric"), R),
    ("s400-dispute", "coup-grievance", ("insensitivty", "cleric"), N),
    ("s400-dispute", "coup-grievance", ("sensitivity", "cleric"), P),
    ("s400-dispute", "coup-grievance", ("indifference", "cleric"), P),
    ("s400-dispute", "coup-grievance", ("insensitivity", "Gulen"), P),
    ("s400-dispute", "coup-grievance", ("", ""), W),
    ("s400-dispute", "the-choice", ("missile-defense", "fighter jets"), R),
    ("s400-dispute", "the-choice", ("missile defense", "jets"), R),
    ("s400-dispute", "the-choice", ("missile defence", "fighter jets"), R),
    ("s400-dispute", "the-choice", ("missile offense", "fighter jets"), P),
    ("s400-dispute", "the-choice", ("missile-defense", "fighter jet"), R),
    # --- s400-quotes
    ("s400-quotes", "soviet-mission-aim", "to divide the alliance", R),
    ("s400-quotes", "soviet-mission-aim", "to sell weapons to Turkey", W),
    ("s400-quotes", "marinated-in", "anger", R),
    ("s400-quotes", "marinated-in", "Anger", R),
    ("s400-quotes", "marinated-in", "angr", N),
    ("s400-quotes", "marinated-in", "danger", W),
    ("s400-quotes", "marinated-in", "angel", W),
    ("s400-quotes", "marinated-in", "hanger", W),
    ("s400-quotes", "marinated-in", "ranger", W),
    ("s400-quotes", "marinated-in", "rage", W),
    ("grading-names", "decade-year", "1950", R),
    ("grading-names", "decade-year", "1950s", R),
    ("grading-names", "decade-year", "the 1950s", R),
    ("grading-names", "decade-year", "the fifties", R),
    ("grading-names", "decade-year", "1960", W),
    ("grading-names", "decade-year", "the 1960s", W),
    ("grading-names", "decade-year", "1945", W),
    ("grading-names", "neighbours", "4", R),
    ("grading-names", "neighbours", "four", R),
    ("grading-names", "neighbours", "4 countries", R),
    ("grading-names", "neighbours", "five", W),
    ("grading-names", "neighbours", "3", W),
    ("grading-names", "neighbours", "forty", W),
    ("grading-names", "neighbours", "fourteen", W),
    ("s400-quotes", "severe-cloze", ("severe", "developments"), R),
    ("s400-quotes", "severe-cloze", ("severe", "development"), N),
    ("s400-quotes", "severe-cloze", ("several", "developments"), P),
    ("s400-quotes", "severe-cloze", ("sever", "developments"), P),
    ("s400-quotes", "severe-cloze", ("serious", "developments"), P),
    ("s400-quotes", "severe-cloze", ("severe", "developmnts"), N),
    ("s400-quotes", "resentment-cloze", ("resentment",), R),
    ("s400-quotes", "resentment-cloze", ("resentments",), N),
    ("s400-quotes", "resentment-cloze", ("resentmnt",), N),
    ("s400-quotes", "resentment-cloze", ("presentment",), W),
    ("s400-quotes", "resentment-cloze", ("resent",), W),
    # --- every-type.toml
    ("solar-system", "closest", "Mercury", R),
    ("solar-system", "closest", "Venus", W),
    ("solar-system", "giants", frozenset({"Jupiter", "Saturn"}), R),
    ("solar-system", "giants", frozenset({"Jupiter"}), P),
    ("solar-system", "giants", frozenset({"Jupiter", "Saturn", "Mars"}), P),
    ("solar-system", "giants", frozenset({"Mars"}), W),
    ("solar-system", "red", True, R),
    ("solar-system", "red", False, W),
    ("solar-system", "farthest", "Neptune", R),
    ("solar-system", "farthest", "neptune", R),
    ("solar-system", "farthest", "Neptun", W),  # normal mode: no typos
    ("solar-system", "farthest", "Uranus", W),
    ("solar-system", "farthest", "Pluto", W),
    ("solar-system", "quote", ("fixed", "invisible"), R),
    ("solar-system", "quote", ("fixed", "unseen"), R),
    ("solar-system", "quote", ("fixd", "invisible"), N),
    ("solar-system", "quote", ("fixed", "invisibel"), N),
    ("solar-system", "quote", ("fixed", "visible"), P),
    ("solar-system", "quote", ("mixed", "invisible"), P),
    ("solar-system", "planets", "8", R),
    ("solar-system", "planets", "eight", R),
    ("solar-system", "planets", "8 planets", R),
    ("solar-system", "planets", "eight planets", R),
    ("solar-system", "planets", "nine", W),
    ("solar-system", "planets", "9", W),
    ("solar-system", "size", ("Jupiter", "Saturn"), R),
    ("solar-system", "size", ("Saturn", "Jupiter"), W),
    (
        "solar-system",
        "who",
        (
            ("Mercury", "closest to the Sun"),
            ("Neptune", "farthest from the Sun"),
            ("Mars", "the Red Planet"),
        ),
        R,
    ),
    (
        "solar-system",
        "who",
        (
            ("Mercury", "farthest from the Sun"),
            ("Neptune", "closest to the Sun"),
            ("Mars", "the Red Planet"),
        ),
        P,
    ),
    ("solar-system", "event:pluto:year", "2006", R),
    ("solar-system", "event:pluto:year", "two thousand and six", R),
    ("solar-system", "event:pluto:year", "2005", W),
    # --- grading-names.toml: actor aliases and answers refused on purpose
    ("grading-names", "group", "ISIS", R),
    ("grading-names", "group", "Islamic State", R),
    ("grading-names", "group", "the Islamic State", R),
    ("grading-names", "group", "ISIL", R),
    ("grading-names", "group", "Daesh", R),
    ("grading-names", "group", "IRIS", W),
    ("grading-names", "president", "Erdogan", R),
    ("grading-names", "president", "Recep Tayyip Erdogan", R),
    ("grading-names", "president", "President Erdogan", R),
    ("grading-names", "president", "Turkish President Erdogan", R),
    ("grading-names", "president", "R. T. Erdogan", R),
    ("grading-names", "president", "Erdogn", N),
    ("grading-names", "capital", "Moscow", R),
    ("grading-names", "capital", "Russia", W),  # an alias that is not a short form
    ("grading-names", "reaction", "defensive", R),
    ("grading-names", "reaction", "offensive", W),
    ("grading-names", "reaction", "Aggressive", W),
    ("grading-names", "grievance", ("insensitivity", "cleric"), R),
    ("grading-names", "grievance", ("indifference", "cleric"), P),
    ("grading-names", "distance", "600", R),
    ("grading-names", "distance", "620 km", R),
    ("grading-names", "distance", "six hundred", R),
    ("grading-names", "distance", "700", W),
    ("grading-names", "distance", "600 miles", W),
]

#: Gaps of the quotes' generated cloze questions: (bank, right word, typed, expected).
#: Each is graded as a one-gap cloze with the bank's words, so that a new
#: choice of gap by the generator does not change what is tested.
GAP_CASES: list[tuple[str, str, str, Expected]] = [
    ("s400-quotes", "mend", "mend", R),
    ("s400-quotes", "mend", "send", W),
    ("s400-quotes", "mend", "bend", W),
    ("s400-quotes", "mend", "mned", N),
    ("s400-quotes", "part", "part", R),
    ("s400-quotes", "part", "port", W),
    ("s400-quotes", "part", "park", W),
    ("s400-quotes", "part", "apart", W),
    ("s400-quotes", "winner", "wiener", W),
    ("s400-quotes", "winner", "winer", N),
    ("s400-quotes", "winner", "Winner", R),
    ("s400-quotes", "winner", "winter", W),
    ("s400-quotes", "created", "cremated", W),
    ("s400-quotes", "created", "creatd", N),
    ("s400-quotes", "created", "treated", W),
    ("s400-quotes", "severe", "several", W),
    ("s400-quotes", "severe", "sever", W),
    ("s400-quotes", "severe", "sevire", N),
    ("s400-quotes", "marinated", "marinted", N),
    ("s400-quotes", "marinated", "marinated", R),
    ("s400-quotes", "succeeding", "succeding", N),
    ("s400-quotes", "alliance", "allience", N),
    ("s400-quotes", "alliance", "alliances", N),
    ("s400-quotes", "relationship", "relatinship", N),
    ("s400-quotes", "relationship", "relationships", N),
    ("s400-quotes", "happened", "happend", N),
    ("s400-quotes", "eruption", "eruptoin", N),
    ("s400-quotes", "damaging", "damaing", N),
    ("s400-quotes", "ISIS-held", "ISIS held", R),
    ("s400-quotes", "to divide the alliance", "divide the alliance", W),
    ("s400-quotes", "to divide the alliance", "to divide the aliance", N),
    ("s400-quotes", "to divide the alliance", "to unite the alliance", W),
    ("s400-quotes", "ISIS-held", "IRIS-held", W),
]


def test_the_battery_is_large() -> None:
    assert len(CASES) + len(GAP_CASES) >= 200


@pytest.mark.parametrize(("bank_id", "question_id", "answer", "expected"), CASES)
def test_battery(bank_id: str, question_id: str, answer: Answer, expected: Expected) -> None:
    grade = grade_answer(question(bank_id, question_id), answer, terms(bank_id))
    assert verdict(grade) == expected, grade
    if expected == "wrong":
        assert grade.reason
    if expected in ("right", "near") and isinstance(answer, str):
        assert grade.matched


@pytest.mark.parametrize(("bank_id", "right", "typed", "expected"), GAP_CASES)
def test_generated_cloze_gaps(bank_id: str, right: str, typed: str, expected: Expected) -> None:
    gap = ClozeQuestion(
        id="gap", prompt="?", parts=("", ""), gaps=(ClozeGap(right),), match="lenient"
    )
    grade = grade_answer(gap, (typed,), terms(bank_id))
    assert verdict(grade) == expected, grade


@pytest.mark.parametrize(
    ("bank_id", "question_id", "answer", "reason"),
    [
        (
            "s400-dispute",
            "us-reaction",
            "offensive",
            "'offensive' is a different word from 'defensive'",
        ),
        (
            "s400-dispute",
            "coup-grievance",
            ("sensitivity", "cleric"),
            "gap 1: 'sensitivity' drops the 'in-' of 'insensitivity' and may mean the opposite",
        ),
        (
            "s400-dispute",
            "new-strains",
            "new trains",
            "'trains' is a different word from 'strains'",
        ),
        (
            "s400-dispute",
            "f35",
            "F-36",
            "'f 36' has other digits than 'f 35': numbers must match exactly",
        ),
        ("s400-dates", "delivery-date", "July 13", "'July 13' is a different day from 'July 12'"),
        (
            "s400-dates",
            "cornerstone-decade",
            "the sixties",
            "'the sixties' is a different decade from 'the 1950s'",
        ),
        ("s400-dates", "years-between", "9", "9 is not 8 years"),
        ("grading-names", "decade-year", "1960s", "1960 is not 1950"),
        (
            "grading-names",
            "reaction",
            "offensive",
            "The U.S. reacted to protect itself: defensive.",
        ),
        (
            "grading-names",
            "reaction",
            "aggressive",
            "'aggressive' is not accepted for this question",
        ),
        ("grading-names", "distance", "700", "700 is not 600 km ± 50"),
    ],
)
def test_reasons(bank_id: str, question_id: str, answer: Answer, reason: str) -> None:
    grade = grade_answer(question(bank_id, question_id), answer, terms(bank_id))
    assert grade.reason == reason


def test_digits_must_match_in_lenient_mode_too() -> None:
    gap = ClozeQuestion(
        id="g", prompt="?", parts=("", ""), gaps=(ClozeGap("F-35 fighter jets"),), match="lenient"
    )
    grade = grade_answer(gap, ("F-36 fighter jets",))
    assert not grade.correct
    assert "numbers must match exactly" in grade.reason


def test_accepted_forms_name_what_they_matched() -> None:
    grade = grade_answer(question("s400-actors", "who-bought"), "turkiye", terms("s400-actors"))
    assert (grade.matched, grade.expected) == ("Türkiye", "Turkey")
    near = grade_answer(question("grading-names", "distance"), "620 km", terms("grading-names"))
    assert (near.correct, near.exact) == (True, "600 km")
    cloze = grade_answer(
        question("s400-dispute", "coup-grievance"),
        ("insensitivty", "clerik"),
        terms("s400-dispute"),
    )
    assert [(part.correct, part.near_miss, part.matched) for part in cloze.parts] == [
        (True, True, "insensitivity"),
        (True, True, "cleric"),
    ]
