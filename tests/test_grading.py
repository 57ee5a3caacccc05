"""Grading: text folding, match modes, numbers, partial credit, odd answer shapes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.grading import (
    Grade,
    edit_distance,
    grade_answer,
    longest_increasing_run,
    match_text,
    normalise_text,
    parse_number,
    typo_tolerance,
)
from quizapp.model import (
    ChoiceQuestion,
    ClozeGap,
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


def text_q(
    answer: str, *, accept: tuple[str, ...] = (), match: MatchMode = "lenient"
) -> TextQuestion:
    return TextQuestion(id="t", prompt="?", answer=answer, accept=accept, match=match)


CHOICE = ChoiceQuestion(id="c", prompt="?", choices=("S-400", "F-35", "Patriot"), answer="S-400")
MULTI = MultiQuestion(
    id="m",
    prompt="Which border Turkey?",
    choices=("Iraq", "Syria", "Iran", "Greece", "Spain"),
    answers=("Iraq", "Syria", "Iran"),
)
TRUE_FALSE = TrueFalseQuestion(id="tf", prompt="Russia began delivering on July 12.", answer=True)
NUMBER = NumberQuestion(id="n", prompt="Coup attempt year?", answer=2016)
ORDER = OrderQuestion(id="o", prompt="Oldest first", items=("A", "B", "C", "D", "E"))
MATCH = MatchQuestion(
    id="p",
    prompt="Match",
    pairs=(
        ("Ross Wilson", "former U.S. ambassador"),
        ("Soner Cagaptay", "program director"),
        ("Fethullah Gulen", "cleric"),
        ("Vladimir Putin", "Russian President"),
    ),
)
CLOZE = ClozeQuestion(
    id="z",
    prompt="Complete the quote.",
    parts=("Clearly a ", " in all this is ", ""),
    gaps=(ClozeGap("winner"), ClozeGap("Putin", ("Vladimir Putin",))),
)
OPEN = OpenQuestion(
    id="why",
    prompt="Why does Turkey matter to America?",
    model_answer="Policies are easier to carry out with Turkey on board.",
    key_points=("where Turkey lies",),
    points=2,
)
ALL_QUESTIONS: tuple[Question, ...] = (
    OPEN,
    CHOICE,
    MULTI,
    TRUE_FALSE,
    text_q("Erdogan"),
    NUMBER,
    ORDER,
    MATCH,
    CLOZE,
)


# ------------------------------------------------------------- normalising


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Erdoğan", "erdogan"),
        ("  Recep   Tayyip\tErdoğan ", "recep tayyip erdogan"),
        ("S-400", "s 400"),
        ("s 400", "s 400"),
        ("S400", "s400"),
        ("U.S.", "u s"),
        ("Russia’s mission!", "russia s mission"),
        ("“Putin”", "putin"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("Kılıçdaroğlu", "kilicdaroglu"),
        ("İstanbul", "istanbul"),
        ("ﬁve", "five"),
        ("C++", "c++"),
        ("", ""),
        ("?!", ""),
    ],
)
def test_normalise_text(raw: str, folded: str) -> None:
    assert normalise_text(raw) == folded


@pytest.mark.parametrize(("length", "tolerance"), [(1, 0), (3, 0), (4, 1), (7, 1), (8, 2), (30, 2)])
def test_typo_tolerance_scales_with_length(length: int, tolerance: int) -> None:
    assert typo_tolerance(length) == tolerance


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("abc", "", 3),
        ("kitten", "sitting", 3),
        ("cagaptay", "cagaptai", 1),
        ("gulen", "glune", 2),  # two swaps
        ("erdogan", "edrogan", 1),  # a swap of neighbours counts once
        ("ca", "abc", 3),  # optimal string alignment, not full Damerau
    ],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


def test_edit_distance_limit_caps_the_result() -> None:
    assert edit_distance("abcdefgh", "stuvwxyz", limit=2) == 3
    assert edit_distance("ca", "abbb", limit=2) == 3
    assert edit_distance("cagaptay", "cagaptai", limit=2) == 1


def reference_distance(a: str, b: str) -> int:
    """Optimal string alignment distance, the textbook full-table way."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        table[i][0] = i
    for j in range(len(b) + 1):
        table[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


short_words = st.text(alphabet="abcd", max_size=9)


@given(a=short_words, b=short_words, limit=st.integers(min_value=0, max_value=4))
def test_edit_distance_matches_the_reference(a: str, b: str, limit: int) -> None:
    distance = reference_distance(a, b)
    assert edit_distance(a, b) == distance
    assert edit_distance(a, b, limit) == min(distance, limit + 1)


# ------------------------------------------------------------------- text


@pytest.mark.parametrize(
    ("mode", "typed", "verdict", "near_miss"),
    [
        ("exact", "Erdoğan", "correct", False),
        ("exact", "  Erdoğan ", "correct", False),
        ("exact", "Erdogan", "wrong", False),
        ("exact", "erdoğan", "wrong", False),
        ("normal", "Erdogan", "correct", False),
        ("normal", "ERDOĞAN!", "correct", False),
        ("normal", "Erdgan", "wrong", False),
        ("lenient", "erdogan", "correct", False),
        ("lenient", "Erdgan", "correct", True),
        ("lenient", "Edrogan", "correct", True),
        ("lenient", "Erdgn", "wrong", False),
    ],
)
def test_text_modes(mode: MatchMode, typed: str, verdict: str, near_miss: bool) -> None:
    grade = grade_answer(text_q("Erdoğan", match=mode), typed)
    assert (grade.verdict, grade.near_miss) == (verdict, near_miss)
    assert grade.expected == "Erdoğan"
    assert grade.given == typed.strip()


@pytest.mark.parametrize("typed", ["S-400", "S400", "s 400", "s-400", "S–400", " s400 "])
@pytest.mark.parametrize("mode", ["normal", "lenient"])
def test_hyphens_and_spacing_do_not_matter_in_normal_and_lenient(
    mode: MatchMode, typed: str
) -> None:
    grade = grade_answer(text_q("S-400", match=mode), typed)
    assert grade.correct
    assert not grade.near_miss


def test_exact_mode_keeps_hyphens() -> None:
    question = text_q("S-400", match="exact")
    assert grade_answer(question, "S-400").correct
    assert not grade_answer(question, "S400").correct
    assert not grade_answer(question, "s-400").correct


def test_near_miss_only_in_lenient_mode() -> None:
    lenient = grade_answer(text_q("Cagaptay"), "Cagaptai")
    assert lenient == Grade(1.0, 1.0, "Cagaptay", "Cagaptai", near_miss=True, matched="Cagaptay")
    for mode in ("normal", "exact"):
        grade = grade_answer(text_q("Cagaptay", match=mode), "Cagaptai")  # type: ignore[arg-type]
        assert (grade.score, grade.given, grade.near_miss) == (0.0, "Cagaptai", False)
        assert grade.reason in (
            "'Cagaptai' is close to 'Cagaptay', but this answer must be spelt right",
            "not one of the accepted answers",  # exact mode looks at no typo
        )


def test_short_answers_get_no_typo_tolerance() -> None:
    question = text_q("ISIS")  # 4 characters: one typo allowed
    assert grade_answer(question, "ISIL").near_miss
    short = text_q("F35")  # 3 characters: none
    assert not grade_answer(short, "F36").correct
    assert grade_answer(short, "f-35").correct
    assert not grade_answer(text_q("UN"), "US").correct


def test_long_answers_allow_two_typos_but_not_three() -> None:
    question = text_q("Fethullah Gulen")
    assert grade_answer(question, "Fetulah Gulen").near_miss  # two typos
    assert not grade_answer(question, "Fetulah Gulan").correct  # three


def test_accept_alternatives() -> None:
    question = text_q("Fethullah Gulen", accept=("Gulen", "Gülen"))
    exact = grade_answer(question, "gülen")
    assert exact.correct and not exact.near_miss
    assert exact.expected == "Fethullah Gulen"
    assert grade_answer(question, "Gulenn").near_miss
    assert not grade_answer(question, "Fethullah").correct


def test_an_exact_alternative_beats_a_near_miss_of_an_earlier_one() -> None:
    question = text_q("Ankara", accept=("Ankaro",))
    grade = grade_answer(question, "Ankaro")
    assert grade.correct and not grade.near_miss


def test_empty_and_punctuation_only_answers() -> None:
    assert not grade_answer(text_q("Putin"), "").correct
    assert not grade_answer(text_q("Putin"), "  ...  ").correct
    assert grade_answer(text_q("?!"), " ?! ").correct
    assert not grade_answer(text_q("?!"), "!?").correct


def test_match_text_reports_the_matched_form() -> None:
    result = match_text("Vladimir Putn", ["Putin", "Vladimir Putin"], "lenient")
    assert (result.accepted, result.near_miss, result.matched) == (True, True, "Vladimir Putin")


# ----------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("2016", 2016.0),
        (" 2016 ", 2016.0),
        ("2016.", 2016.0),
        ("2,016", 2016.0),
        ("1,000,000", 1_000_000.0),
        ("1 000", 1000.0),
        ("1e3", 1000.0),
        ("1E3", 1000.0),
        ("−5", -5.0),
        ("-5", -5.0),
        ("+7", 7.0),
        ("3,5", 3.5),
        ("0.25", 0.25),
        (".5", 0.5),
        ("２０１６", 2016.0),
        ("1_000", 1000.0),
    ],
)
def test_parse_number(typed: str, value: float) -> None:
    assert parse_number(typed) == value


@pytest.mark.parametrize(
    "typed",
    ["", " ", "abc", "twenty sixteen", "2016-07", "1,2,3", "nan", "inf", "-infinity", "1e999", "-"],
)
def test_parse_number_rejects_garbage(typed: str) -> None:
    assert parse_number(typed) is None


def test_parse_number_strips_the_unit() -> None:
    assert parse_number("12 km", "km") == 12.0
    assert parse_number("12KM", "km") == 12.0
    assert parse_number("12 mi", "km") is None


@pytest.mark.parametrize("typed", ["2016", "2,016", "2016.", " 2016 ", "2.016e3"])
def test_number_answers(typed: str) -> None:
    grade = grade_answer(NUMBER, typed)
    assert grade == Grade(1.0, 1.0, "2016", typed.strip(), matched="2016")


@pytest.mark.parametrize("typed", ["2015", "twenty sixteen", "", "2016 or 2017", "1e999"])
def test_wrong_or_garbled_numbers_are_wrong(typed: str) -> None:
    grade = grade_answer(NUMBER, typed)
    assert grade.verdict == "wrong"
    assert grade.given == typed.strip()


def test_number_tolerance() -> None:
    question = NumberQuestion(id="n", prompt="?", answer=2005, tolerance=2)
    assert grade_answer(question, "2003").correct
    assert grade_answer(question, "2007").correct
    assert not grade_answer(question, "2008").correct
    assert not grade_answer(question, "2002.9").correct


def test_number_float_rounding_is_forgiven() -> None:
    question = NumberQuestion(id="n", prompt="0.1 + 0.2?", answer=0.3)
    assert grade_answer(question, "0.30000000000000004").correct
    assert grade_answer(question, "0.3").correct
    assert not grade_answer(question, "0.31").correct


def test_numbers_given_as_numbers() -> None:
    assert grade_answer(NUMBER, 2016).correct  # type: ignore[arg-type]
    assert grade_answer(NUMBER, 2016.0).given == "2016"  # type: ignore[arg-type]
    assert not grade_answer(NUMBER, float("nan")).correct  # type: ignore[arg-type]
    assert not grade_answer(NUMBER, 10**400).correct  # type: ignore[arg-type]
    assert grade_answer(NUMBER, 10**5000).given == "(a number too long to show)"  # type: ignore[arg-type]


def test_number_with_unit() -> None:
    question = NumberQuestion(id="n", prompt="Range?", answer=400, unit="km")
    grade = grade_answer(question, "400 km")
    assert grade == Grade(1.0, 1.0, "400 km", "400 km", matched="400 km")


# ---------------------------------------------------------- choice and t/f


def test_choice() -> None:
    assert grade_answer(CHOICE, "S-400") == Grade(1.0, 1.0, "S-400", "S-400", matched="S-400")
    wrong = grade_answer(CHOICE, "F-35")
    assert (wrong.score, wrong.given, wrong.reason) == (
        0.0,
        "F-35",
        "'F-35' is not the right choice",
    )
    # Choices are picked, not typed: no folding.
    assert not grade_answer(CHOICE, "s-400").correct


def test_true_false() -> None:
    assert grade_answer(TRUE_FALSE, True) == Grade(1.0, 1.0, "True", "True", matched="True")
    wrong = grade_answer(TRUE_FALSE, False)
    assert (wrong.score, wrong.given, wrong.reason) == (0.0, "False", "the statement is True")
    assert not grade_answer(TRUE_FALSE, "True").correct


# ---------------------------------------------------------- partial credit


@pytest.mark.parametrize(
    ("picks", "score", "given"),
    [
        ({"Iraq", "Syria", "Iran"}, 1.0, "Iraq; Syria; Iran"),
        ({"Iran", "Iraq"}, 2 / 3, "Iraq; Iran"),
        ({"Iraq"}, 1 / 3, "Iraq"),
        ({"Iraq", "Syria", "Iran", "Greece"}, 2 / 3, "Iraq; Syria; Iran; Greece"),
        ({"Iraq", "Greece"}, 0.0, "Iraq; Greece"),
        ({"Iraq", "Greece", "Spain"}, 0.0, "Iraq; Greece; Spain"),
        (set(), 0.0, ""),
        ({"Iraq", "Mars"}, 0.0, "Iraq; Mars"),
    ],
)
def test_multi_partial_credit(picks: set[str], score: float, given: str) -> None:
    grade = grade_answer(MULTI, frozenset(picks))
    assert grade.score == score
    assert grade.given == given
    assert grade.expected == "Iraq; Syria; Iran"


@pytest.mark.parametrize(
    ("order", "score"),
    [
        (("A", "B", "C", "D", "E"), 1.0),
        (("B", "A", "C", "D", "E"), 4 / 5),
        (("E", "A", "B", "C", "D"), 4 / 5),
        (("C", "D", "E", "A", "B"), 3 / 5),
        (("B", "A", "D", "C", "E"), 3 / 5),
        (("E", "D", "C", "B", "A"), 0.0),  # nothing in order: LIS of 1 counts 0
        (("E", "D", "C", "A", "B"), 2 / 5),
        (("A", "B"), 2 / 5),  # missing items count as out of place
        (("A", "A", "B", "C", "D"), 4 / 5),  # a repeated item counts once
        (("A", "X", "B", "C", "D", "E"), 1.0),  # unknown items are ignored
    ],
)
def test_order_partial_credit(order: tuple[str, ...], score: float) -> None:
    grade = grade_answer(ORDER, order)
    assert grade.score == score
    assert grade.given == " → ".join(order)
    assert grade.expected == "A → B → C → D → E"


def test_order_of_two() -> None:
    question = OrderQuestion(id="o", prompt="?", items=("first", "second"))
    assert grade_answer(question, ("first", "second")).correct
    assert grade_answer(question, ("second", "first")).score == 0.0


def test_longest_increasing_run() -> None:
    assert longest_increasing_run([]) == 0
    assert longest_increasing_run([3, 1, 2, 0, 4]) == 3
    assert longest_increasing_run([2, 2, 2]) == 1


def test_match_partial_credit() -> None:
    (w, wr), (c, cr), (g, gr), (p, pr) = MATCH.pairs
    assert grade_answer(MATCH, MATCH.pairs).correct
    swapped = ((w, cr), (c, wr), (g, gr), (p, pr))
    grade = grade_answer(MATCH, swapped)
    assert grade.score == 0.5
    assert grade.verdict == "partial"
    assert grade.given == (
        "Ross Wilson → program director; Soner Cagaptay → former U.S. ambassador; "
        "Fethullah Gulen → cleric; Vladimir Putin → Russian President"
    )
    assert grade.expected.startswith("Ross Wilson → former U.S. ambassador; ")
    # Only the first pairing of a left item counts; missing pairs count as wrong.
    assert grade_answer(MATCH, ((g, gr), (g, pr))).score == 0.25
    assert grade_answer(MATCH, ((g, pr), (g, gr))).score == 0.0
    assert grade_answer(MATCH, ()).score == 0.0


def test_cloze_per_gap() -> None:
    assert grade_answer(CLOZE, ("winner", "Putin")).correct
    assert grade_answer(CLOZE, ("Winner", "vladimir putin")).correct
    half = grade_answer(CLOZE, ("loser", "Putin"))
    assert (half.score, half.expected, half.given) == (0.5, "winner; Putin", "loser; Putin")
    assert [(part.label, part.given, part.correct) for part in half.parts] == [
        ("gap 1", "loser", False),
        ("gap 2", "Putin", True),
    ]
    near = grade_answer(CLOZE, ("winer", "Putin"))
    assert (near.score, near.near_miss) == (1.0, True)
    partial_near = grade_answer(CLOZE, ("winer", "Obama"))
    assert (partial_near.score, partial_near.near_miss) == (0.5, True)
    assert grade_answer(CLOZE, ("winner",)).score == 0.5  # a missing gap is wrong


def test_cloze_uses_the_question_match_mode() -> None:
    exact = ClozeQuestion(
        id="z", prompt="?", parts=("a ", ""), gaps=(ClozeGap("winner"),), match="exact"
    )
    assert grade_answer(exact, ("winner",)).correct
    assert not grade_answer(exact, ("Winner",)).correct
    assert grade_answer(exact, "winner").correct  # one gap may come as a plain string


@pytest.mark.parametrize(("verdict", "score"), [("all", 2.0), ("some", 1.0), ("none", 0.0)])
def test_open_questions_are_self_graded(verdict: str, score: float) -> None:
    grade = grade_answer(OPEN, OpenAnswer(verdict, "  Because of its neighbours. "))  # type: ignore[arg-type]
    assert (grade.score, grade.max_score, grade.self_graded) == (score, 2.0, True)
    assert grade.given == "Because of its neighbours."
    assert grade.expected == "Policies are easier to carry out with Turkey on board."


def test_an_open_answer_only_thought_through_and_a_wrong_shape() -> None:
    assert grade_answer(OPEN, OpenAnswer("some")).given == ""
    typed = grade_answer(OPEN, "my answer")
    assert (typed.score, typed.self_graded) == (0.0, False)
    assert not grade_answer(OPEN, None).self_graded
    assert not grade_answer(CHOICE, "S-400").self_graded
    unknown = grade_answer(OPEN, OpenAnswer("most"))  # type: ignore[arg-type]
    assert (unknown.score, unknown.self_graded) == (0.0, False)


# ----------------------------------------------------------------- scaling


def test_points_scale_the_score() -> None:
    question = MultiQuestion(
        id="m", prompt="?", choices=MULTI.choices, answers=MULTI.answers, points=3
    )
    grade = grade_answer(question, frozenset({"Iraq", "Syria"}))
    assert (grade.score, grade.max_score, grade.verdict) == (2.0, 3.0, "partial")
    full = grade_answer(question, frozenset(MULTI.answers))
    assert (full.score, full.max_score, full.correct) == (3.0, 3.0, True)


def test_skipped() -> None:
    for question in ALL_QUESTIONS:
        grade = grade_answer(question, None)
        assert grade.skipped
        assert (grade.score, grade.given, grade.verdict) == (0.0, "", "wrong")
        assert grade.max_score == question.points


# ------------------------------------------------------------ wrong shapes


@pytest.mark.parametrize(
    ("question", "answer", "given"),
    [
        (CHOICE, True, "True"),
        (CHOICE, ("S-400",), "S-400"),
        (MULTI, "Iraq", "Iraq"),
        (TRUE_FALSE, "yes", "yes"),
        (text_q("Putin"), frozenset({"Putin"}), "Putin"),
        (NUMBER, True, "True"),
        (ORDER, "A", "A"),
        (ORDER, (("A", "B"),), "A → B"),
        (MATCH, ("Ross Wilson", "cleric"), "Ross Wilson; cleric"),
        (CLOZE, frozenset({"winner"}), "winner"),
    ],
)
def test_wrong_shapes_are_wrong_not_errors(question: Question, answer: object, given: str) -> None:
    grade = grade_answer(question, answer)  # type: ignore[arg-type]
    assert grade.score == 0.0
    assert grade.given == given
    assert not grade.skipped


answers = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4).map(tuple) | st.frozensets(st.text(max_size=6), max_size=4)
    ),
    max_leaves=8,
)


@given(question=st.sampled_from(ALL_QUESTIONS), answer=answers)
def test_grading_never_raises(question: Question, answer: object) -> None:
    grade = grade_answer(question, answer)  # type: ignore[arg-type]
    assert 0.0 <= grade.score <= grade.max_score
    assert isinstance(grade.given, str)
