"""Study mode core: cards, FSRS scheduling glue, the daily new-card limit,
quiz results feeding the schedule, and cram mode."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fsrs
import pytest

from quizapp.display import display_order
from quizapp.model import (
    Actor,
    Bank,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    Event,
    MatchQuestion,
    NumberQuestion,
    OpenQuestion,
    OrderQuestion,
    Quote,
    TextQuestion,
)
from quizapp.session import QuizOptions
from quizapp.store import ScoreStore
from quizapp.study import (
    CARD_KIND_HINTS,
    CramSession,
    CramSummary,
    StudyCard,
    StudyCounts,
    StudyDeck,
    build_cards,
    new_per_day_setting,
    quiz_card_ids,
)
from quizapp.study.cards import question_card
from quizapp.usecases.formatting import format_short_interval
from quizapp.usecases.quiz import RecordedQuiz
from quizapp.usecases.study import grade_waits

START = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


def make_bank() -> Bank:
    """A small bank with a fact of every kind and several question types."""
    return Bank(
        id="study-test",
        title="Study test",
        actors=(
            Actor(
                id="wilson",
                name="Ross Wilson",
                kind="person",
                role="former U.S. ambassador to Turkey",
                aliases=("Wilson",),
                description="Now board chair at Global Minnesota.",
                source="said Ross Wilson",
            ),
            Actor(id="putin", name="Vladimir Putin", kind="person", role="Russian President"),
        ),
        events=(
            Event(
                id="delivery",
                when="July 12",
                sort_key=dt.date(2019, 7, 12),
                what="Russia began delivering S-400 components",
                note="The year is not in the article.",
            ),
            Event(
                id="coup",
                when="2016",
                sort_key=dt.date(2016, 7, 15),
                what="A coup attempt in Turkey",
                year=2016,
                actors=("putin",),
            ),
        ),
        quotes=(
            Quote(
                id="winner",
                text="Clearly a winner in all this is Putin",
                speaker="wilson",
                context="who gains from the rift",
            ),
        ),
        questions=(
            ChoiceQuestion(
                id="system",
                prompt="Which system did Turkey buy?",
                choices=("S-400", "F-35"),
                answer="S-400",
                explanation="Russia delivers the S-400.",
                source="its advanced S-400 missile defense system",
                tags=("context",),
                about=("delivery",),
            ),
            TextQuestion(
                id="cleric",
                prompt="Which cleric does Erdogan blame?",
                answer="Fethullah Gulen",
                tags=("actors",),
            ),
            ClozeQuestion(
                id="winner-cloze",
                prompt="Complete the quote.",
                parts=("Clearly a ", " in all this is ", ""),
                gaps=(ClozeGap("winner"), ClozeGap("Putin")),
                quote="",
                tags=("quotes",),
            ),
            OrderQuestion(
                id="oldest",
                prompt="Oldest first.",
                items=("the 1950s", "2016", "July 12"),
                tags=("dates",),
            ),
            MatchQuestion(
                id="roles",
                prompt="Match each person to their role.",
                pairs=(("Ross Wilson", "ambassador"), ("Soner Cagaptay", "director")),
                tags=("actors",),
            ),
            NumberQuestion(
                id="coup-year",
                prompt="In what year was the coup attempt?",
                answer=2016,
                quote="a 2016 coup attempt",
                tags=("dates",),
            ),
        ),
    )


@dataclass(frozen=True)
class Row:
    card_id: str
    state_json: str
    due: dt.datetime


class MemoryStore:
    """An in-memory `StudyStore`, the same contract as `ScoreStore`."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], Row] = {}
        #: (player, bank id, card id, rating, reviewed at), oldest first.
        self.reviews: list[tuple[str, str, str, int, dt.datetime]] = []
        #: (player, bank id, card id) of the cards whose first review introduced them.
        self.introduced: set[tuple[str, str, str]] = set()

    def card_states(self, player: str, bank_id: str) -> dict[str, Row]:
        return {c: row for (p, b, c), row in self.rows.items() if (p, b) == (player, bank_id)}

    def save_review(
        self,
        player: str,
        bank_id: str,
        card_id: str,
        *,
        state_json: str,
        due: dt.datetime,
        rating: int,
        log_json: str,
        reviewed_at: dt.datetime | None = None,
        introduced: bool = True,
    ) -> None:
        assert reviewed_at is not None
        assert json.loads(log_json)["review_datetime"] == reviewed_at.isoformat()
        self.rows[player, bank_id, card_id] = Row(card_id, state_json, due)
        self.reviews.append((player, bank_id, card_id, rating, reviewed_at))
        if introduced:
            self.introduced.add((player, bank_id, card_id))

    def reviews_today(self, player: str, bank_id: str, since: dt.datetime) -> int:
        first: dict[str, dt.datetime] = {}
        for p, b, card_id, _, at in self.reviews:
            if (p, b) == (player, bank_id):
                first.setdefault(card_id, at)
        return sum(
            1
            for card_id, at in first.items()
            if at >= since and (player, bank_id, card_id) in self.introduced
        )

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return default


class Clock:
    """A clock tests move by hand."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


DeckFactory = Callable[..., StudyDeck]


@pytest.fixture
def make_deck(store: MemoryStore, clock: Clock) -> DeckFactory:
    def factory(bank: Bank | None = None, **options: object) -> StudyDeck:
        options.setdefault("scheduler", fsrs.Scheduler(enable_fuzzing=False))
        return StudyDeck(bank or make_bank(), store, "ana", now=clock, **options)  # type: ignore[arg-type]

    return factory


# ------------------------------------------------------------------ cards


def test_card_ids_in_introduction_order() -> None:
    ids = [card.id for card in build_cards(make_bank())]
    assert ids == [
        "actor:wilson",
        "actor:putin",
        "event:coup",  # events in time order: 2016 before July 12 (2019)
        "event:delivery",
        "quote:winner",
        "q:system",
        "q:cleric",
        "q:winner-cloze",
        "q:oldest",
        "q:roles",
        "q:coup-year",
    ]


def test_fact_cards() -> None:
    cards = {card.id: card for card in build_cards(make_bank())}
    assert cards["actor:wilson"] == StudyCard(
        id="actor:wilson",
        kind="actor",
        front="Ross Wilson",
        back="former U.S. ambassador to Turkey (person)\n\nAlso: Wilson\n\n"
        "Now board chair at Global Minnesota.",
        source="said Ross Wilson",
        tags=("actors",),
        about=("wilson",),
    )
    assert cards["actor:putin"].back == "Russian President (person)"
    assert cards["event:delivery"] == StudyCard(
        id="event:delivery",
        kind="event",
        front="Russia began delivering S-400 components",
        back="July 12\n\nThe year is not in the article.",
        tags=("dates",),
        about=("delivery",),
    )
    assert cards["event:coup"].back == "2016"
    assert cards["event:coup"].about == ("coup", "putin")
    assert cards["quote:winner"] == StudyCard(
        id="quote:winner",
        kind="quote",
        front="“Clearly a winner in all this is Putin”",
        back="Ross Wilson\n\nwho gains from the rift",
        tags=("quotes",),
        about=("winner", "wilson"),
    )
    assert CARD_KIND_HINTS["quote"] == "Who said this, and about what?"


def test_question_cards() -> None:
    bank = make_bank()
    cards = {card.id: card for card in build_cards(bank, seed=1)}
    questions = {question.id: question for question in bank.questions}
    # Choices and items are shown in the order quizapp.display gives for the seed.
    system_choices = display_order(questions["system"], 1)
    assert sorted(system_choices) == ["F-35", "S-400"]
    assert cards["q:system"] == StudyCard(
        id="q:system",
        kind="question",
        front="Which system did Turkey buy?\n\n" + "\n".join(f"- {c}" for c in system_choices),
        back="S-400",
        explanation="Russia delivers the S-400.",
        source="its advanced S-400 missile defense system",
        tags=("context",),
        about=("delivery",),
    )
    assert cards["q:cleric"].front == "Which cleric does Erdogan blame?"
    assert cards["q:cleric"].back == "Fethullah Gulen"
    assert cards["q:winner-cloze"].front == (
        "Complete the quote.\n\nClearly a _____ in all this is _____"
    )
    assert cards["q:winner-cloze"].back == "winner; Putin"
    # Items to order are never shown in the answer's order.
    items = display_order(questions["oldest"], 1)
    assert items != questions["oldest"].items  # type: ignore[union-attr]
    assert cards["q:oldest"].front == "Oldest first.\n\n" + "\n".join(f"- {i}" for i in items)
    assert cards["q:oldest"].back == "the 1950s → 2016 → July 12"
    assert cards["q:roles"].front == (
        "Match each person to their role.\n\n- Ross Wilson\n- Soner Cagaptay"
    )
    assert cards["q:roles"].back == "Ross Wilson → ambassador; Soner Cagaptay → director"
    assert cards["q:coup-year"].front == (
        "“a 2016 coup attempt”\n\nIn what year was the coup attempt?"
    )
    assert cards["q:coup-year"].back == "2016"


def test_open_question_card_shows_the_model_answer_and_key_points() -> None:
    question = OpenQuestion(
        id="why",
        prompt="Why does Turkey matter to America?",
        model_answer="Policies are easier to carry out with Turkey on board.",
        key_points=("where Turkey lies", "the Black Sea"),
        tags=("argument",),
    )
    card = question_card(question)
    assert (card.id, card.kind, card.front) == (
        "q:why",
        "question",
        "Why does Turkey matter to America?",
    )
    assert card.back == (
        "Policies are easier to carry out with Turkey on board.\n\n"
        "A good answer covers:\n- where Turkey lies\n- the Black Sea"
    )
    assert question_card(dataclasses.replace(question, key_points=())).back == (
        "Policies are easier to carry out with Turkey on board."
    )


def test_card_ids_stable_when_another_card_is_edited(make_deck: DeckFactory) -> None:
    bank = make_bank()
    deck = make_deck(bank)
    for card in deck.cards:
        deck.grade(card.id, 4)
    before = {card.id: deck.due_at(card.id) for card in deck.cards}

    system, *rest = bank.questions
    edited = dataclasses.replace(
        bank,
        questions=(dataclasses.replace(system, prompt="What did Turkey buy?"), *rest),
        actors=(dataclasses.replace(bank.actors[0], role="ambassador"), bank.actors[1]),
    )
    edited_deck = make_deck(edited)
    assert [card.id for card in edited_deck.cards] == [card.id for card in deck.cards]
    assert edited_deck.card("q:system").front.startswith("What did Turkey buy?")
    assert {card.id: edited_deck.due_at(card.id) for card in edited_deck.cards} == before

    # Removing a question leaves every other card's schedule as it was.
    shorter = dataclasses.replace(bank, questions=bank.questions[1:])
    shorter_deck = make_deck(shorter)
    assert "q:system" not in {card.id for card in shorter_deck.cards}
    assert {card.id: shorter_deck.due_at(card.id) for card in shorter_deck.cards} == {
        card_id: due for card_id, due in before.items() if card_id != "q:system"
    }


# ------------------------------------------------------------- scheduling


def test_again_comes_back_sooner_than_easy(make_deck: DeckFactory, clock: Clock) -> None:
    deck = make_deck()
    again = deck.grade("actor:wilson", 1)
    easy = deck.grade("actor:putin", 4)
    assert again.due == START + dt.timedelta(minutes=1)
    assert again.interval == dt.timedelta(minutes=1)
    assert easy.due > START + dt.timedelta(days=1)
    assert deck.due_at("actor:wilson") == again.due
    assert deck.due_at("actor:putin") == easy.due

    # The same holds for cards that have already graduated to review.
    for card_id in ("event:coup", "event:delivery"):
        deck.grade(card_id, 4)
    clock.advance(days=30)
    lapse = deck.grade("event:coup", 1)
    recall = deck.grade("event:delivery", 4)
    assert lapse.due - clock.now == dt.timedelta(minutes=10)  # relearning step
    assert recall.due - clock.now > dt.timedelta(days=30)


def test_grade_stores_state_and_log(make_deck: DeckFactory, store: MemoryStore) -> None:
    deck = make_deck()
    outcome = deck.grade("quote:winner", 3, seconds=4.5)
    row = store.card_states("ana", "study-test")["quote:winner"]
    assert row.due == outcome.due == START + dt.timedelta(minutes=10)
    state = fsrs.Card.from_json(row.state_json)
    assert state.state == fsrs.State.Learning
    assert state.last_review == START
    assert store.reviews == [("ana", "study-test", "quote:winner", 3, START)]


def test_bad_grades_are_refused(make_deck: DeckFactory, store: MemoryStore) -> None:
    deck = make_deck()
    for rating in (0, 5, True):
        with pytest.raises(ValueError, match="rating must be 1 \\(Again\\)"):
            deck.grade("actor:wilson", rating)
    with pytest.raises(KeyError):
        deck.grade("actor:nobody", 3)
    assert store.rows == {}


def test_counts_and_fsrs_order(make_deck: DeckFactory, clock: Clock) -> None:
    deck = make_deck()
    assert deck.counts() == StudyCounts(due=0, new=11)
    assert deck.next_card() == deck.card("actor:wilson")

    deck.grade("actor:wilson", 3)  # due in 10 minutes
    deck.grade("actor:putin", 1)  # due in 1 minute
    deck.grade("event:coup", 2)  # due in 5.5 minutes
    assert deck.counts() == (0, 8)
    assert deck.next_card() == deck.card("event:delivery")  # nothing due: the next new card
    assert deck.next_due() == START + dt.timedelta(minutes=1)

    clock.advance(minutes=20)
    assert [card.id for card in deck.due_cards()] == ["actor:putin", "event:coup", "actor:wilson"]
    assert deck.counts() == (3, 8)
    assert deck.next_card() == deck.card("actor:putin")


def test_new_card_daily_limit(make_deck: DeckFactory, clock: Clock) -> None:
    deck = make_deck(new_per_day=2)
    assert [card.id for card in deck.new_cards()] == ["actor:wilson", "actor:putin"]
    deck.grade("actor:wilson", 4)
    assert deck.counts() == (0, 1)
    deck.grade("actor:putin", 4)
    assert deck.counts() == (0, 0)
    assert deck.new_cards() == []
    assert deck.next_card() is None

    # Reviewing an already studied card later the same day uses no allowance.
    clock.advance(hours=12)
    assert clock.now.date() == START.date()
    assert deck.new_left_today() == 0

    # A new day, a new allowance.
    clock.advance(hours=3)
    assert deck.new_left_today() == 2
    assert [card.id for card in deck.new_cards()] == ["event:coup", "event:delivery"]


def test_the_day_starts_at_midnight_in_the_clocks_time_zone(store: MemoryStore) -> None:
    tokyo = dt.timezone(dt.timedelta(hours=9))
    clock = Clock(dt.datetime(2025, 3, 1, 23, 30, tzinfo=tokyo))
    deck = StudyDeck(make_bank(), store, "ana", now=clock, new_per_day=1)
    assert deck.day_start() == dt.datetime(2025, 2, 28, 15, 0, tzinfo=dt.UTC)
    deck.grade("actor:wilson", 4)
    assert deck.new_left_today() == 0
    clock.advance(minutes=31)  # past midnight in Tokyo, still March 1 in UTC
    assert deck.new_left_today() == 1


def test_zero_new_cards_per_day(make_deck: DeckFactory) -> None:
    deck = make_deck(new_per_day=0)
    assert deck.counts() == (0, 0)
    assert deck.next_card() is None
    with pytest.raises(ValueError, match="new_per_day must be >= 0"):
        make_deck(new_per_day=-1)


def test_tag_deck(make_deck: DeckFactory) -> None:
    deck = make_deck(tag="dates")
    assert [card.id for card in deck.cards] == [
        "event:coup",
        "event:delivery",
        "q:oldest",
        "q:coup-year",
    ]


@pytest.mark.parametrize(
    "damaged",
    ["{not json", "[1, 2]", '{"card_id": 1e999}', "[" * 5000, '"a string"'],
)
def test_unreadable_state_is_studied_as_new(
    make_deck: DeckFactory, store: MemoryStore, damaged: str
) -> None:
    deck = make_deck()
    deck.grade("actor:wilson", 4)
    key = ("ana", "study-test", "actor:wilson")
    store.rows[key] = dataclasses.replace(store.rows[key], state_json=damaged)
    assert deck.due_at("actor:wilson") is None
    assert deck.counts() == (0, 10)
    assert deck.grade("actor:wilson", 3).interval == dt.timedelta(minutes=10)


def test_players_and_banks_are_separate(make_deck: DeckFactory, store: MemoryStore) -> None:
    deck = make_deck()
    deck.grade("actor:wilson", 4)
    other = StudyDeck(make_bank(), store, "ben", now=Clock())
    assert other.due_at("actor:wilson") is None
    assert other.counts() == (0, 11)


def test_new_per_day_setting() -> None:
    class Settings:
        def __init__(self, value: str | None) -> None:
            self.value = value

        def get_setting(self, key: str, default: str | None = None) -> str | None:
            assert key == "study.new_per_day"
            return self.value if self.value is not None else default

    assert new_per_day_setting(Settings(None)) == 20
    assert new_per_day_setting(Settings("5")) == 5
    assert new_per_day_setting(Settings("0")) == 0
    assert new_per_day_setting(Settings("lots")) == 20
    assert new_per_day_setting(Settings("-3")) == 20


# ---------------------------------------------------------- quiz results


def test_the_cards_a_wrong_quiz_answer_makes_due() -> None:
    bank = make_bank()
    assert quiz_card_ids(bank, "quote:winner:speaker") == ("quote:winner", "actor:wilson")
    assert quiz_card_ids(bank, "event:coup:year") == ("event:coup",)
    assert quiz_card_ids(bank, "system") == ("q:system",)
    assert quiz_card_ids(bank, "no-such-question") == ()


# ------------------------------------------------------------------ cram


def test_cram_goes_through_a_tag_and_requeues_again() -> None:
    cram = CramSession(build_cards(make_bank()), tag="dates")
    seen = []
    for rating in (1, 3, 2, 4, 3):
        assert cram.current is not None
        seen.append(cram.current.id)
        cram.grade(rating)
    assert seen == ["event:coup", "event:delivery", "q:oldest", "q:coup-year", "event:coup"]
    assert cram.finished
    assert cram.current is None
    assert cram.summary() == CramSummary(
        total=4,
        graded=4,
        ratings={1: 1, 2: 1, 3: 1, 4: 1},
        missed=("event:coup",),
        repeats=1,
    )
    with pytest.raises(RuntimeError, match="finished"):
        cram.grade(3)


def test_cram_shuffles_reproducibly() -> None:
    cards = build_cards(make_bank())
    first = CramSession(cards, seed=7)
    second = CramSession(cards, seed=7)
    assert first.cards == second.cards
    assert sorted(card.id for card in first.cards) == sorted(card.id for card in cards)
    assert CramSession(cards).cards == cards
    assert first.remaining == len(cards)


def test_cram_leaves_the_schedule_untouched(
    make_deck: DeckFactory, store: MemoryStore, clock: Clock
) -> None:
    deck = make_deck()
    deck.grade("actor:wilson", 4)
    deck.grade("q:system", 1)
    rows, reviews = dict(store.rows), list(store.reviews)
    counts = deck.counts()

    cram = CramSession(deck.cards)
    while not cram.finished:
        cram.grade(4)
    assert cram.summary().graded == len(deck.cards)
    assert store.rows == rows
    assert store.reviews == reviews
    assert deck.counts() == counts


# ---------------------------------------------------------------- imports


def test_study_and_brief_do_not_import_textual() -> None:
    code = (
        "import sys, quizapp.study, quizapp.brief, quizapp.commands.brief; "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ------------------------------------------------------ the real ScoreStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "scores.sqlite3"


def real_deck(store: ScoreStore, clock: Clock, **options: Any) -> StudyDeck:
    options.setdefault("scheduler", fsrs.Scheduler(enable_fuzzing=False))
    return StudyDeck(make_bank(), store, "ana", now=clock, **options)


def test_state_survives_a_restart(db_path: Path, clock: Clock) -> None:
    with ScoreStore.open(db_path) as store:
        deck = real_deck(store, clock)
        deck.grade("actor:wilson", 4)
        deck.grade("quote:winner", 1)
        clock.advance(minutes=2)
        deck.grade("quote:winner", 3)
        dues = {card.id: deck.due_at(card.id) for card in deck.cards}
        counts = deck.counts()

    with ScoreStore.open(db_path) as store:
        assert store.moved_aside is None
        deck = real_deck(store, clock)
        assert {card.id: deck.due_at(card.id) for card in deck.cards} == dues
        assert dues["actor:wilson"] == START + dt.timedelta(days=8)
        assert dues["quote:winner"] == clock.now + dt.timedelta(minutes=10)
        assert deck.counts() == counts == (0, 9)
        reviews = store.reviews("ana", "study-test")
        assert [(r.card_id, r.rating, r.reviewed_at) for r in reviews] == [
            ("actor:wilson", 4, START),
            ("quote:winner", 1, START),
            ("quote:winner", 3, START + dt.timedelta(minutes=2)),
        ]
        log = fsrs.ReviewLog.from_json(reviews[-1].log_json)
        assert log.rating == fsrs.Rating.Good
        # The restored state carries on where it left off: a second Good ends
        # learning (a card started afresh would be back in 10 minutes).
        clock.advance(minutes=10)
        assert deck.grade("quote:winner", 3).interval == dt.timedelta(days=1)


def test_daily_limit_with_the_real_store(db_path: Path, clock: Clock) -> None:
    with ScoreStore.open(db_path) as store:
        store.set_setting("study.new_per_day", "2")
        deck = real_deck(store, clock, new_per_day=new_per_day_setting(store))
        deck.grade("actor:wilson", 3)
        deck.grade("actor:putin", 3)
        assert deck.counts() == (0, 0)
        clock.advance(minutes=10)
        deck.grade("actor:wilson", 3)  # a second review: no new card used
        assert deck.new_left_today() == 0
        clock.advance(days=1)
        # Putin's learning step is due; Wilson graduated to a review days away.
        assert [card.id for card in deck.due_cards()] == ["actor:putin"]
        assert deck.counts() == (1, 2)


def test_cram_leaves_the_real_store_untouched(db_path: Path, clock: Clock) -> None:
    with ScoreStore.open(db_path) as store:
        deck = real_deck(store, clock)
        deck.grade("actor:wilson", 4)
        deck.grade("q:system", 2)
        states, reviews = store.card_states("ana", "study-test"), store.reviews("ana")
        cram = CramSession(deck.cards, seed=1)
        for rating in [1, 1] + [3] * len(deck.cards):
            cram.grade(rating)
        assert cram.finished
        assert cram.summary().repeats == 2
        assert store.card_states("ana", "study-test") == states
        assert store.reviews("ana") == reviews


def test_a_wrong_quiz_answer_makes_its_cards_due_and_keeps_their_memory(
    db_path: Path, clock: Clock
) -> None:
    bank = make_bank()
    with ScoreStore.open(db_path) as store:
        deck = real_deck(store, clock, new_per_day=1)
        deck.grade("q:cleric", 4)
        clock.advance(hours=3)
        assert deck.due_cards() == []
        options = QuizOptions(question_ids=("cleric", "roles", "system"), seed=1)
        quiz = RecordedQuiz.start(store, "ana", bank, options, now=clock)
        quiz.skip(1.0)  # a studied card: due now, its memory state kept
        quiz.skip(1.0)  # a card never studied: stored fresh, due now
        quiz.answer("S-400", 1.0)  # right: changes nothing
        assert [card.id for card in deck.due_cards()] == ["q:cleric", "q:roles"]
        state = fsrs.Card.from_json(store.card_states("ana", bank.id)["q:cleric"].state_json)
        assert state.state == fsrs.State.Review and state.last_review == START
        assert "q:system" not in store.card_states("ana", bank.id)
        assert len(store.reviews("ana")) == 1  # no review was made up
        # The day's new card went to q:cleric; the fresh card is not a new one.
        assert deck.counts() == (2, 0)
        assert deck.grade("q:roles", 3).interval == dt.timedelta(minutes=10)


def test_reviewing_cards_a_quiz_made_due_leaves_the_new_cards(db_path: Path, clock: Clock) -> None:
    """Due 3 · New 3 stays New 3 once the three due cards are reviewed; a
    review stored before the store knew which cards were new still counts."""
    bank = make_bank()
    with ScoreStore.open(db_path) as store:
        deck = real_deck(store, clock, new_per_day=3)
        options = QuizOptions(question_ids=("cleric", "roles", "system"), seed=1)
        quiz = RecordedQuiz.start(store, "ana", bank, options, now=clock)
        for _ in range(3):
            quiz.skip(1.0)  # wrong answers: their cards, never studied, due now
        assert deck.counts() == (3, 3)
        for _ in range(3):
            card = deck.next_card()
            assert card is not None and card.kind == "question"
            deck.grade(card.id, 4)
        assert deck.counts() == (0, 3)
        assert deck.new_left_today() == 3
        deck.grade("actor:wilson", 3)  # a new card uses the allowance
        assert deck.counts() == (0, 2)
        with sqlite3.connect(db_path) as conn:  # as written before schema v5
            conn.execute("UPDATE reviews SET introduced = NULL")
        assert deck.new_left_today() == 0


def test_each_grade_says_when_the_card_comes_back(db_path: Path, clock: Clock) -> None:
    with ScoreStore.open(db_path) as store:
        deck = real_deck(store, clock)
        waits = deck.next_intervals("actor:wilson")
        assert waits == {
            1: dt.timedelta(minutes=1),
            2: dt.timedelta(minutes=5, seconds=30),
            3: dt.timedelta(minutes=10),
            4: dt.timedelta(days=8),
        }
        assert store.reviews("ana") == []  # a preview stores nothing
        assert grade_waits(deck, "actor:wilson") == {1: "1m", 2: "6m", 3: "10m", 4: "8d"}
        assert deck.grade("actor:wilson", 4).interval == waits[4]
        clock.advance(days=8)
        waits = deck.next_intervals("actor:wilson")
        assert waits[1] < waits[2] < waits[3] < waits[4]
        assert deck.grade("actor:wilson", 3).interval == waits[3]


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(20, "<1m"), (600, "10m"), (3 * 3600, "3h"), (8 * 86400, "8d"), (70 * 86400, "2mo")],
)
def test_waits_are_short_on_the_grades(seconds: int, shown: str) -> None:
    assert format_short_interval(dt.timedelta(seconds=seconds)) == shown
    assert format_short_interval(dt.timedelta(days=547)) == "1.5y"
