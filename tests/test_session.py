"""QuizSession: selection, order, answers, score, results, resume."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from quizapp.banks import load_bank
from quizapp.grading import Grade
from quizapp.model import (
    Actor,
    Bank,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    Event,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    QuestionType,
    Quote,
    TextQuestion,
    TrueFalseQuestion,
)
from quizapp.paths import shipped_banks_dir
from quizapp.session import (
    FILL_FIRST,
    NUMBER_FIRST,
    TICK_FIRST,
    TYPE_FIRST,
    UNTAGGED,
    AnswerRecord,
    QuizOptions,
    QuizSession,
    SessionFinished,
    TagScore,
    covered_facts,
    not_yet_a_number,
    not_yet_an_answer,
)

CHOICE = ChoiceQuestion(
    id="bought",
    prompt="Which system did Turkey buy from Russia?",
    choices=("S-400", "F-35", "Patriot", "THAAD"),
    answer="S-400",
    tags=("context",),
)
MULTI = MultiQuestion(
    id="borders",
    prompt="Which does Turkey border?",
    choices=("Iraq", "Syria", "Iran", "Greece", "Spain"),
    answers=("Iraq", "Syria", "Iran"),
    tags=("context",),
    points=3,
)
TRUE_FALSE = TrueFalseQuestion(
    id="delivery", prompt="Russia began delivering on July 12.", answer=True, tags=("dates",)
)
TEXT = TextQuestion(
    id="cleric",
    prompt="Which cleric?",
    answer="Fethullah Gulen",
    accept=("Gulen",),
    tags=("actors",),
)
NUMBER = NumberQuestion(
    id="coup", prompt="Year of the coup attempt?", answer=2016, tags=("dates", "context")
)
ORDER = OrderQuestion(
    id="timeline", prompt="Oldest first.", items=("Soviet times", "the 1950s", "2016", "July 12")
)
MATCH = MatchQuestion(
    id="who",
    prompt="Match each person to their role.",
    pairs=(
        ("Ross Wilson", "former ambassador"),
        ("Soner Cagaptay", "program director"),
        ("Vladimir Putin", "Russian President"),
    ),
    tags=("actors",),
    points=2,
)
CLOZE = ClozeQuestion(
    id="winner",
    prompt="Complete the quote.",
    parts=("Clearly a ", " in all this is ", ""),
    gaps=(ClozeGap("winner"), ClozeGap("Putin")),
    tags=("quotes",),
)
QUESTIONS: tuple[Question, ...] = (CHOICE, MULTI, TRUE_FALSE, TEXT, NUMBER, ORDER, MATCH, CLOZE)
BANK = Bank(
    id="s400",
    title="S-400",
    questions=QUESTIONS,
    actors=(
        Actor("wilson", "Ross Wilson", "person", "former U.S. ambassador to Turkey"),
        Actor("cagaptay", "Soner Cagaptay", "person", "director of a research program"),
        Actor("putin", "Vladimir Putin", "person", "Russian President"),
    ),
    events=(
        Event("coup-event", "2016", dt.date(2016, 7, 15), "A coup attempt", year=2016),
        Event("delivery-event", "July 12", dt.date(2019, 7, 12), "Deliveries began"),
    ),
    quotes=(Quote("winner-quote", "Clearly a winner in all this is Putin", "wilson"),),
)
IN_ORDER = QuizOptions(shuffle=False, include_generated=False)


def session_of(*questions: Question, **options: object) -> QuizSession:
    bank = dataclasses.replace(BANK, questions=questions)
    return QuizSession.from_bank(bank, dataclasses.replace(IN_ORDER, **options))  # type: ignore[arg-type]


# -------------------------------------------------------------- selection


def test_in_bank_order_without_shuffling() -> None:
    session = QuizSession.from_bank(BANK, IN_ORDER)
    assert session.questions == QUESTIONS
    assert session.question_ids == tuple(q.id for q in QUESTIONS)
    assert session.total == 8
    assert session.bank is BANK


def test_generated_questions_follow_the_hand_written_ones() -> None:
    session = QuizSession.from_bank(BANK, QuizOptions(shuffle=False))
    assert session.questions[:8] == QUESTIONS
    assert session.question_ids[8:] == (
        "quote:winner-quote:speaker",
        "quote:winner-quote:cloze",
        "actors:roles:1",
        "actor:wilson:role",
        "actor:cagaptay:role",
        "actor:putin:role",
        "event:coup-event:year",
    )
    assert all(q.generated for q in session.questions[8:])


def test_a_hand_written_question_wins_over_a_generated_one_with_its_id() -> None:
    mine = dataclasses.replace(CHOICE, id="quote:winner-quote:speaker")
    bank = dataclasses.replace(BANK, questions=(mine,))
    session = QuizSession.from_bank(bank, QuizOptions(shuffle=False))
    assert session.question_ids.count("quote:winner-quote:speaker") == 1
    assert session.questions[0] is mine


def test_filter_by_tags() -> None:
    session = QuizSession.from_bank(BANK, dataclasses.replace(IN_ORDER, tags=("dates", "quotes")))
    assert session.question_ids == ("delivery", "coup", "winner")


def test_filter_by_types() -> None:
    types = (QuestionType.TEXT, QuestionType.MATCH)
    session = QuizSession.from_bank(BANK, dataclasses.replace(IN_ORDER, types=types))
    assert session.question_ids == ("cleric", "who")


def test_tag_and_type_filters_combine() -> None:
    options = QuizOptions(
        shuffle=False, tags=("actors",), types=(QuestionType.CHOICE, QuestionType.MATCH)
    )
    assert QuizSession.from_bank(BANK, options).question_ids == (
        "who",
        "actors:roles:1",
        "actor:wilson:role",
        "actor:cagaptay:role",
        "actor:putin:role",
    )


def test_question_ids_fix_the_selection_and_order() -> None:
    ids = ("coup", "nope", "bought", "coup", "quote:winner-quote:speaker")
    options = QuizOptions(question_ids=ids, seed=5)  # shuffle is on, but ids fix the order
    session = QuizSession.from_bank(BANK, options)
    assert session.question_ids == ("coup", "bought", "quote:winner-quote:speaker")


def test_count_cuts_after_shuffling() -> None:
    session = QuizSession.from_bank(BANK, QuizOptions(count=5, seed=11))
    everything = QuizSession.from_bank(BANK, QuizOptions(seed=11))
    assert session.total == 5
    assert session.question_ids == everything.question_ids[:5]
    assert QuizSession.from_bank(BANK, dataclasses.replace(IN_ORDER, count=100)).total == 8


def test_count_must_be_positive() -> None:
    with pytest.raises(ValueError, match="count must be at least 1, not 0"):
        QuizOptions(count=0)


def test_no_matching_question_gives_an_empty_finished_session() -> None:
    session = QuizSession.from_bank(BANK, QuizOptions(tags=("nothing",)))
    assert (session.total, session.finished, session.current) == (0, True, None)
    assert (session.score, session.max_score, session.percent) == (0.0, 0.0, 0.0)


# ---------------------------------------------------------------- seeding


def test_same_seed_same_quiz() -> None:
    first = QuizSession.from_bank(BANK, QuizOptions(seed=42))
    second = QuizSession.from_bank(BANK, QuizOptions(seed=42))
    assert first.question_ids == second.question_ids
    assert first.seed == 42
    for question in first.questions:
        assert first.display_choices(question) == second.display_choices(question)


def test_different_seeds_shuffle_differently() -> None:
    orders = {QuizSession.from_bank(BANK, QuizOptions(seed=seed)).question_ids for seed in range(5)}
    assert len(orders) == 5
    assert all(sorted(order) == sorted(next(iter(orders))) for order in orders)


def test_a_random_seed_is_reported_and_reproduces_the_quiz() -> None:
    session = QuizSession.from_bank(BANK)
    assert isinstance(session.seed, int)
    assert session.options.seed == session.seed
    again = QuizSession.from_bank(BANK, QuizOptions(seed=session.seed))
    assert again.question_ids == session.question_ids


# ---------------------------------------------------------------- options


def test_options_round_trip_through_json() -> None:
    options = QuizOptions(
        tags=("actors", "dates"),
        types=(QuestionType.CLOZE, QuestionType.NUMBER),
        count=7,
        shuffle=False,
        shuffle_choices=False,
        seed=1234,
        include_generated=False,
        question_ids=("a", "b"),
        kind="review",
    )
    data = json.loads(json.dumps(options.to_dict()))
    assert data == {
        "tags": ["actors", "dates"],
        "types": ["cloze", "number"],
        "count": 7,
        "shuffle": False,
        "shuffle_choices": False,
        "seed": 1234,
        "include_generated": False,
        "question_ids": ["a", "b"],
        "kind": "review",
    }
    assert QuizOptions.from_dict(data) == options
    # Options stored before quizzes had kinds, or with a kind unknown here, are quizzes.
    assert QuizOptions.from_dict({**data, "kind": "exam"}).kind == "quiz"
    del data["kind"]
    assert QuizOptions.from_dict(data).kind == "quiz"


def test_session_options_carry_the_seed_used() -> None:
    session = QuizSession.from_bank(BANK, QuizOptions(count=3))
    stored = json.loads(json.dumps(session.options_to_dict()))
    assert stored["seed"] == session.seed
    rebuilt = QuizSession.from_bank(BANK, QuizOptions.from_dict(stored))
    assert rebuilt.question_ids == session.question_ids


def test_options_from_dict_defaults_and_unknown_keys() -> None:
    assert QuizOptions.from_dict({}) == QuizOptions()
    assert QuizOptions.from_dict({"count": 3, "later_option": 1}) == QuizOptions(count=3)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"count": "3"}, "option 'count' must be an integer or null, not '3'"),
        ({"seed": True}, "option 'seed' must be an integer or null, not True"),
        ({"shuffle": "yes"}, "option 'shuffle' must be true or false, not 'yes'"),
        ({"tags": "actors"}, "option 'tags' must be a list of strings, not 'actors'"),
        ({"types": ["essay"]}, "option 'types': unknown question type 'essay'"),
        ({"count": 0}, "count must be at least 1, not 0"),
    ],
)
def test_options_from_dict_rejects_bad_values(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError) as error:
        QuizOptions.from_dict(data)
    assert str(error.value) == message


# -------------------------------------------------------------- answering


def test_answering_every_type() -> None:
    session = QuizSession.from_bank(BANK, IN_ORDER)
    answers = [
        "S-400",
        frozenset({"Iraq", "Syria"}),
        True,
        "gulen",
        "2,016",
        ("Soviet times", "the 1950s", "July 12", "2016"),
        (
            ("Ross Wilson", "former ambassador"),
            ("Soner Cagaptay", "Russian President"),
            ("Vladimir Putin", "program director"),
        ),
        ("winer", "Putin"),
    ]
    positions = []
    for answer in answers:
        positions.append((session.index, session.number))
        record = session.answer(answer, seconds=2.0)  # type: ignore[arg-type]
        assert isinstance(record, AnswerRecord)
    assert positions == [(i, i + 1) for i in range(8)]
    assert [r.grade.score for r in session.records] == [1.0, 2.0, 1.0, 1.0, 1.0, 0.75, 2 / 3, 1.0]
    assert session.records[-1].grade.near_miss
    assert session.finished
    assert session.current is None
    assert (session.index, session.number) == (8, 8)
    assert session.score == pytest.approx(1 + 2 + 1 + 1 + 1 + 0.75 + 2 / 3 + 1)
    assert session.max_score == session.total_points == 11.0
    assert session.seconds == 16.0


def test_running_score_counts_only_what_was_asked() -> None:
    session = session_of(CHOICE, MULTI, TEXT)
    assert (session.score, session.max_score, session.total_points) == (0.0, 0.0, 5.0)
    session.answer("S-400")
    session.answer(frozenset({"Iraq"}))
    assert (session.score, session.max_score) == (2.0, 4.0)
    assert session.percent == 50.0
    assert not session.finished


def test_skip_scores_zero_and_moves_on() -> None:
    session = session_of(CHOICE, TEXT)
    record = session.skip(seconds=1.5)
    assert record.skipped
    assert record.grade == Grade(0.0, 1.0, "S-400", "", skipped=True)
    assert record.seconds == 1.5
    assert session.current is TEXT
    assert (session.score, session.max_score) == (0.0, 1.0)


def test_finished_session_refuses_answers() -> None:
    session = session_of(CHOICE)
    session.answer("F-35")
    assert session.finished
    with pytest.raises(SessionFinished, match="the quiz is finished"):
        session.answer("S-400")
    with pytest.raises(SessionFinished):
        session.skip()
    assert len(session.records) == 1


# ---------------------------------------------------------------- results


def test_per_tag_breakdown() -> None:
    session = session_of(CHOICE, MULTI, NUMBER, ORDER, TEXT)
    session.answer("S-400")  # context 1/1
    session.answer(frozenset({"Iraq", "Syria", "Greece"}))  # context 1/3
    session.answer("2015")  # dates and context 0/1
    session.answer(ORDER.items)  # untagged 1/1
    session.skip()  # actors 0/1
    assert session.per_tag() == [
        TagScore("actors", 0.0, 1.0, 1),
        TagScore("context", 2.0, 5.0, 3),
        TagScore("dates", 0.0, 1.0, 1),
        TagScore(UNTAGGED, 1.0, 1.0, 1),
    ]
    assert session.per_tag()[1].percent == 40.0


def test_missed_lists_wrong_partial_and_skipped() -> None:
    session = session_of(CHOICE, MULTI, TRUE_FALSE, TEXT)
    session.answer("S-400")
    session.answer(frozenset({"Iraq"}))
    session.skip()
    session.answer("Gulen")
    assert [r.question.id for r in session.missed()] == ["borders", "delivery"]


# ----------------------------------------------------------------- resume


def test_restore_replays_stored_answers() -> None:
    session = session_of(CHOICE, TEXT, NUMBER)
    stored = Grade(1.0, 1.0, "S-400", "S-400")
    session.restore("bought", stored, seconds=3.0)
    assert session.records == (AnswerRecord(CHOICE, stored, 3.0),)
    assert session.current is TEXT
    session.answer("Gulen")
    assert session.score == 2.0


def test_restore_must_match_the_current_question() -> None:
    session = session_of(CHOICE, TEXT)
    with pytest.raises(ValueError, match="cannot restore an answer to 'cleric'"):
        session.restore("cleric", Grade(1.0, 1.0, "", ""))
    assert session.records == ()
    session.skip()
    session.skip()
    with pytest.raises(SessionFinished):
        session.restore("bought", Grade(1.0, 1.0, "", ""))


def test_resume_rebuilds_the_same_quiz_from_stored_ids_and_options() -> None:
    original = QuizSession.from_bank(BANK, QuizOptions(count=6))
    stored_options = json.loads(json.dumps(original.options_to_dict()))
    options = dataclasses.replace(
        QuizOptions.from_dict(stored_options), question_ids=original.question_ids
    )
    resumed = QuizSession.from_bank(BANK, options)
    assert resumed.question_ids == original.question_ids
    for question in original.questions:
        assert resumed.display_choices(question) == original.display_choices(question)


# --------------------------------------------------------- display order


def test_display_choices_per_type() -> None:
    session = session_of(*QUESTIONS, shuffle_choices=False)
    assert session.display_choices(CHOICE) == CHOICE.choices
    assert session.display_choices(MULTI) == MULTI.choices
    # Order and match questions never start solved, even unshuffled.
    assert session.display_choices(ORDER) == (*ORDER.items[1:], ORDER.items[0])
    assert session.display_choices(MATCH) == (
        "program director",
        "Russian President",
        "former ambassador",
    )
    for question in (TRUE_FALSE, TEXT, NUMBER, CLOZE):
        assert session.display_choices(question) == ()


def test_display_choices_shuffled_and_stable() -> None:
    session = session_of(*QUESTIONS, seed=3)
    for question in (CHOICE, MULTI, ORDER, MATCH):
        shown = session.display_choices(question)
        assert shown == session.display_choices(question)
        assert sorted(shown) == sorted(
            session_of(question, shuffle_choices=False).display_choices(question)
        )
    # Over many seeds the first choice is not always the same.
    firsts = {session_of(CHOICE, seed=seed).display_choices(CHOICE)[0] for seed in range(20)}
    assert firsts == set(CHOICE.choices)


def test_display_choices_depend_on_the_question_id() -> None:
    session = session_of(CHOICE, seed=1)
    orders = {session.display_choices(dataclasses.replace(CHOICE, id=f"q{n}")) for n in range(20)}
    assert len(orders) > 1


@pytest.mark.parametrize("size", [2, 3, 4, 6])
def test_order_questions_never_start_solved(size: int) -> None:
    question = OrderQuestion(id="o", prompt="?", items=tuple(f"item {n}" for n in range(size)))
    starts = set()
    for seed in range(200):
        shown = session_of(question, seed=seed).display_choices(question)
        assert shown != question.items
        assert sorted(shown) == sorted(question.items)
        starts.add(shown)
    if size == 2:
        assert starts == {("item 1", "item 0")}
    else:
        assert len(starts) > 1


# ------------------------------------------------------------ one per fact


def test_a_quiz_asks_about_each_fact_once() -> None:
    dates = load_bank(shipped_banks_dir() / "s400-dates.toml")
    assert isinstance(dates, Bank)
    for seed in range(100):
        session = QuizSession.from_bank(dates, QuizOptions(count=6, seed=seed))
        assert session.total == 6
        generated = [q for q in session.questions if q.generated]
        for question in generated:
            others = [q for q in session.questions if q is not question]
            clash = [q.id for q in others if covered_facts(q) & covered_facts(question)]
            assert clash == [], (seed, question.id)


def test_more_questions_than_facts_repeat_facts() -> None:
    dates = load_bank(shipped_banks_dir() / "s400-dates.toml")
    assert isinstance(dates, Bank)
    everything = QuizSession.from_bank(dates, QuizOptions(seed=1))
    nearly = QuizSession.from_bank(dates, QuizOptions(seed=1, count=everything.total - 1))
    assert nearly.total == everything.total - 1
    # The questions keep the quiz's shuffled order.
    order = {qid: n for n, qid in enumerate(everything.question_ids)}
    assert [order[qid] for qid in nearly.question_ids] == sorted(
        order[qid] for qid in nearly.question_ids
    )


def test_covered_facts() -> None:
    assert covered_facts(CHOICE) == frozenset(CHOICE.about)
    year = dataclasses.replace(NUMBER, id="event:coup:year", generated=True, about=("coup",))
    speaker = dataclasses.replace(
        CHOICE, id="quote:winner:speaker", generated=True, about=("winner", "wilson")
    )
    order = dataclasses.replace(ORDER, id="events:order:1", generated=True, about=("a", "b"))
    assert covered_facts(year) == {"coup"}
    assert covered_facts(speaker) == {"winner"}  # the quote, not its speaker
    assert covered_facts(order) == frozenset()


def test_empty_answers_are_not_answers_yet() -> None:
    assert not_yet_an_answer("  ") == TYPE_FIRST
    assert not_yet_an_answer(frozenset()) == TICK_FIRST
    assert not_yet_an_answer(("", " ")) == FILL_FIRST
    assert not_yet_an_answer(("winner", "")) == ""
    assert not_yet_an_answer(frozenset({"Iraq"})) == ""
    assert not_yet_a_number("") == TYPE_FIRST
    assert not_yet_a_number("eight yeers", "years") == NUMBER_FIRST
    assert not_yet_a_number("−3,5") == ""
    assert not_yet_a_number("1" * 20_000 + "x") == NUMBER_FIRST


@pytest.mark.parametrize("distractors", [0, 1, 2])
@pytest.mark.parametrize("size", [2, 3, 4])
def test_match_questions_never_start_solved(size: int, distractors: int) -> None:
    question = MatchQuestion(
        id="m",
        prompt="?",
        pairs=tuple((f"left {n}", f"right {n}") for n in range(size)),
        distractors=tuple(f"decoy {n}" for n in range(distractors)),
    )
    rights = tuple(right for _, right in question.pairs)
    for seed in range(400):
        shown = session_of(question, seed=seed).display_choices(question)
        # Each left item is shown beside the right item of the same row.
        assert shown[:size] != rights
        assert sorted(shown) == sorted(rights + question.distractors)
