"""Spaced repetition of a bank's study cards with FSRS, stored per player.

A `StudyDeck` joins three things: the cards of a bank (`build_cards`), the
card states kept in the scores database (through the `StudyStore` protocol,
which `quizapp.store.ScoreStore` implements) and an `fsrs.Scheduler`. It
holds no state of its own between calls: every question it answers reads the
store, and every grade is written at once, in one transaction, with its
review log. Time comes from the injected ``now`` callable, so tests can move
the clock.

Rules:

- A card with no stored state is *new*. At most ``new_per_day`` new cards are
  introduced per day and bank; the new ones first reviewed since the start of
  the day (midnight in the time zone of the datetimes ``now`` returns, local
  time by default) count against that limit. A card a wrong quiz answer made
  due before it was studied is not new: its first review uses no allowance.
- A card with a state is *due* when its due time has come. Due cards are
  taken most overdue first, then new cards in `build_cards` order.
- The due time the store keeps is authoritative: a wrong quiz answer moves
  it to now without a review (`quizapp.usecases.quiz.RecordedQuiz`, with
  `question_cards` and `fresh_card_json`), and the deck honours that.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple, Protocol

import fsrs

from quizapp.model import Bank, Question
from quizapp.study.cards import StudyCard, build_cards, cards_with_tag, question_card_id

UTC = dt.UTC

#: Self-grades, as keys 1-4 in study mode.
RATING_LABELS: dict[int, str] = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}

#: The settings key (`ScoreStore.get_setting`) of the daily limit of new cards.
NEW_PER_DAY_SETTING = "study.new_per_day"
DEFAULT_NEW_PER_DAY = 20


class CardRow(Protocol):
    """A stored card state, as `StudyStore.card_states` returns it."""

    @property
    def card_id(self) -> str: ...

    @property
    def state_json(self) -> str: ...

    @property
    def due(self) -> dt.datetime: ...


class StudyStore(Protocol):
    """The part of the scores database study mode needs (see `quizapp.store`)."""

    def card_states(self, player: str, bank_id: str, /) -> Mapping[str, CardRow]:
        """Card id -> stored state, for one player and bank."""
        ...

    def save_review(
        self,
        player: str,
        bank_id: str,
        card_id: str,
        /,
        *,
        state_json: str,
        due: dt.datetime,
        rating: int,
        log_json: str,
        reviewed_at: dt.datetime | None = None,
        introduced: bool = True,
    ) -> object:
        """Store a card's new state and its review log in one transaction;
        ``reviewed_at`` is the time the review counts as made; ``introduced``
        when the card was new (it counts against the day's new cards)."""
        ...

    def reviews_today(self, player: str, bank_id: str, since: dt.datetime, /) -> int:
        """How many new cards of the bank had their first-ever review since
        ``since`` (reviews saved with ``introduced``)."""
        ...


class SettingsStore(Protocol):
    """Where the daily limit of new cards is kept (`ScoreStore` settings)."""

    def get_setting(self, key: str, default: str | None = None, /) -> str | None: ...


class StudyCounts(NamedTuple):
    """What Home shows per bank: cards due now, and new cards left today."""

    due: int
    new: int


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """The result of grading one card."""

    card_id: str
    rating: int
    #: When the card is due next (UTC).
    due: dt.datetime
    #: ``due`` minus the time of the review.
    interval: dt.timedelta


def local_now() -> dt.datetime:
    """The current time, aware, in the local time zone (the default clock)."""
    return dt.datetime.now().astimezone()


def new_per_day_setting(store: SettingsStore) -> int:
    """The daily limit of new cards from the settings (default 20; a value
    that is not a whole number >= 0 falls back to the default)."""
    raw = store.get_setting(NEW_PER_DAY_SETTING, None)
    try:
        value = int(raw) if raw is not None else DEFAULT_NEW_PER_DAY
    except ValueError:
        return DEFAULT_NEW_PER_DAY
    return value if value >= 0 else DEFAULT_NEW_PER_DAY


def check_rating(rating: int) -> fsrs.Rating:
    """The fsrs rating for a self-grade 1-4; ValueError for anything else."""
    if isinstance(rating, bool) or rating not in RATING_LABELS:
        raise ValueError(
            f"rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not {rating!r}"
        )
    return fsrs.Rating(rating)


def _aware(moment: dt.datetime) -> dt.datetime:
    """``moment`` with a time zone; a naive value is taken as local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def _utc(moment: dt.datetime) -> dt.datetime:
    # fsrs insists on tzinfo being exactly datetime.UTC.
    return _aware(moment).astimezone(UTC)


def _fsrs_card_id(card_id: str) -> int:
    """A stable integer for fsrs's own ``card_id`` field (ours is a string)."""
    return int.from_bytes(hashlib.blake2b(card_id.encode(), digest_size=6).digest(), "big")


def _load_state(row: CardRow) -> fsrs.Card | None:
    """The fsrs card stored in ``row``, due at the row's due time; None when
    the stored JSON is unreadable (the card is then studied as new)."""
    try:
        card = fsrs.Card.from_json(row.state_json)
    except (ValueError, KeyError, TypeError, AttributeError, ArithmeticError, RecursionError):
        # Damaged JSON can hold anything (a list, an infinite id, deep nesting).
        return None
    card.due = _utc(row.due)
    return card


class StudyDeck:
    """The study cards of one bank for one player, scheduled with FSRS.

    ``tag`` restricts the deck to the cards carrying that tag. ``now``
    returns the current time (aware; naive values are taken as local time).
    ``scheduler`` defaults to ``fsrs.Scheduler()``.
    """

    def __init__(
        self,
        bank: Bank,
        store: StudyStore,
        player: str,
        *,
        now: Callable[[], dt.datetime] = local_now,
        new_per_day: int = DEFAULT_NEW_PER_DAY,
        scheduler: fsrs.Scheduler | None = None,
        tag: str | None = None,
    ) -> None:
        if new_per_day < 0:
            raise ValueError(f"new_per_day must be >= 0, not {new_per_day}")
        self.bank = bank
        self.player = player
        self.new_per_day = new_per_day
        self._store = store
        self._now = now
        self._scheduler = scheduler if scheduler is not None else fsrs.Scheduler()
        self._cards = cards_with_tag(build_cards(bank), tag)
        self._by_id = {card.id: card for card in self._cards}

    @property
    def cards(self) -> tuple[StudyCard, ...]:
        """Every card of the deck, in the order new cards are introduced."""
        return self._cards

    def card(self, card_id: str) -> StudyCard:
        """The card with this id (KeyError if the deck has none)."""
        return self._by_id[card_id]

    def counts(self) -> StudyCounts:
        """Cards due now and new cards that may still be introduced today
        (the lengths of `due_cards` and `new_cards`, the card states read once)."""
        rows = self._store.card_states(self.player, self.bank.id)
        now = _utc(self._now())
        due = sum(1 for state in self._states(rows).values() if state.due <= now)
        never_studied = sum(1 for card in self._cards if card.id not in rows)
        return StudyCounts(due, min(never_studied, self.new_left_today()))

    def due_cards(self) -> list[StudyCard]:
        """Studied cards whose due time has come, most overdue first."""
        now = _utc(self._now())
        states = self._states(self._store.card_states(self.player, self.bank.id))
        due = [(card.due, card_id) for card_id, card in states.items() if card.due <= now]
        order = {card.id: index for index, card in enumerate(self._cards)}
        due.sort(key=lambda item: (item[0], order[item[1]]))
        return [self._by_id[card_id] for _, card_id in due]

    def new_cards(self) -> list[StudyCard]:
        """The never-studied cards that may be introduced today, in order."""
        allowance = self.new_left_today()
        if allowance == 0:
            return []
        states = self._stored_ids()
        return [card for card in self._cards if card.id not in states][:allowance]

    def new_left_today(self) -> int:
        """How many more new cards the daily limit allows today."""
        introduced = self._store.reviews_today(self.player, self.bank.id, self.day_start())
        return max(0, self.new_per_day - introduced)

    def next_card(self) -> StudyCard | None:
        """The card to study now: the most overdue one, else the next new one
        the daily limit allows, else None."""
        due = self.due_cards()
        if due:
            return due[0]
        new = self.new_cards()
        return new[0] if new else None

    def next_due(self) -> dt.datetime | None:
        """When the next studied card falls due (UTC), None if none is stored.
        After a session, the time to come back ("again in 10 minutes")."""
        states = self._states(self._store.card_states(self.player, self.bank.id))
        dues = [card.due for card in states.values()]
        return min(dues) if dues else None

    def due_at(self, card_id: str) -> dt.datetime | None:
        """When this card is due (UTC), or None while it is new."""
        state = self._state(card_id)
        return state.due if state is not None else None

    def grade(self, card_id: str, rating: int, *, seconds: float | None = None) -> ReviewOutcome:
        """Self-grade a card: 1 Again, 2 Hard, 3 Good, 4 Easy.

        Runs the FSRS scheduler and stores the card's new state and the review
        log in one transaction. ``seconds`` is how long the user took. Raises
        KeyError for a card not in the deck, ValueError for a bad rating.
        """
        fsrs_rating = check_rating(rating)
        self.card(card_id)
        now = _utc(self._now())
        row = self._store.card_states(self.player, self.bank.id).get(card_id)
        # A card with a stored state (one a quiz made due, say) is not new.
        introduced = row is None
        state = _load_state(row) if row is not None else None
        if state is None:
            state = fsrs.Card(card_id=_fsrs_card_id(card_id), due=now)
        duration = round(seconds * 1000) if seconds is not None else None
        new_state, log = self._scheduler.review_card(
            state, fsrs_rating, review_datetime=now, review_duration=duration
        )
        self._store.save_review(
            self.player,
            self.bank.id,
            card_id,
            state_json=new_state.to_json(),
            due=new_state.due,
            rating=int(fsrs_rating),
            log_json=log.to_json(),
            reviewed_at=now,
            introduced=introduced,
        )
        return ReviewOutcome(card_id, int(fsrs_rating), new_state.due, new_state.due - now)

    def next_intervals(self, card_id: str) -> dict[int, dt.timedelta]:
        """How long until the card comes back after each grade (1 Again to
        4 Easy), as `grade` would schedule it now, before the scheduler's
        random fuzz of a few percent; nothing is stored. Shown on the grades,
        as Anki does. KeyError for a card not in the deck."""
        self.card(card_id)
        now = _utc(self._now())
        state = self._state(card_id)
        if state is None:
            state = fsrs.Card(card_id=_fsrs_card_id(card_id), due=now)
        exact = copy.copy(self._scheduler)
        exact.enable_fuzzing = False
        intervals: dict[int, dt.timedelta] = {}
        for rating in RATING_LABELS:
            after, _ = exact.review_card(state, fsrs.Rating(rating), review_datetime=now)
            intervals[rating] = after.due - now
        return intervals

    def day_start(self) -> dt.datetime:
        """The start of today (UTC value of midnight in ``now``'s time zone)."""
        local = _aware(self._now())
        return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)

    def _stored_ids(self) -> set[str]:
        return set(self._store.card_states(self.player, self.bank.id))

    def _state(self, card_id: str) -> fsrs.Card | None:
        """The stored fsrs state of one of this deck's cards (None while it is
        new, or when it is not in the deck or its state is unreadable)."""
        if card_id not in self._by_id:
            return None
        row = self._store.card_states(self.player, self.bank.id).get(card_id)
        return _load_state(row) if row is not None else None

    def _states(self, rows: Mapping[str, CardRow]) -> dict[str, fsrs.Card]:
        """The fsrs states in ``rows`` of this deck's cards (cards no longer in
        the bank and unreadable states are left out)."""
        states: dict[str, fsrs.Card] = {}
        for card_id, row in rows.items():
            if card_id in self._by_id and (state := _load_state(row)) is not None:
                states[card_id] = state
        return states


def quiz_card_ids(bank: Bank, question_id: str) -> tuple[str, ...]:
    """The study cards a quiz question stands for.

    A hand-written question has its own card. A generated question (see
    `quizapp.generate`) stands for the cards of the facts it is about, e.g.
    ``quote:<id>`` for ``quote:<id>:speaker``. Unknown ids give ().
    """
    if any(question.id == question_id for question in bank.questions):
        return (question_card_id(question_id),)
    from quizapp.generate import generate_questions

    generated = next((q for q in generate_questions(bank) if q.id == question_id), None)
    if generated is None:
        return ()
    return question_cards(build_cards(bank), generated)


def question_cards(cards: Iterable[StudyCard], question: Question) -> tuple[str, ...]:
    """`quiz_card_ids` for a question already at hand, given its bank's cards."""
    if not question.generated:
        return (question_card_id(question.id),)
    fact_cards = {card.about[0]: card.id for card in cards if card.kind != "question"}
    return tuple(fact_cards[fact] for fact in question.about if fact in fact_cards)


def fresh_card_json(card_id: str, due: dt.datetime) -> str:
    """The stored state of a card never studied, made due at ``due``."""
    return fsrs.Card(card_id=_fsrs_card_id(card_id), due=_utc(due)).to_json()
