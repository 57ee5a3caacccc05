"""Study: a bank's flashcards for one player, their counts, and the daily
limit of new cards. The scheduling itself is `quizapp.study`'s."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from quizapp.model import Bank, OpenQuestion, SelfGrade
from quizapp.store import ScoreStore, StoreError
from quizapp.study import (
    DEFAULT_NEW_PER_DAY,
    NEW_PER_DAY_SETTING,
    StudyCard,
    StudyCounts,
    StudyDeck,
    new_per_day_setting,
    question_card_id,
)
from quizapp.usecases.formatting import format_short_interval


def new_per_day(store: ScoreStore) -> int:
    """The daily limit of new cards (the default when the store fails)."""
    try:
        return new_per_day_setting(store)
    except StoreError:
        return DEFAULT_NEW_PER_DAY


def set_new_per_day(store: ScoreStore, limit: int) -> None:
    """Keep a new daily limit of new cards; raises `StoreError`."""
    if limit < 0:
        raise ValueError(f"the daily limit of new cards is 0 or more, not {limit}")
    store.set_setting(NEW_PER_DAY_SETTING, str(limit))


def open_deck(
    bank: Bank, store: ScoreStore, player: str, now: Callable[[], dt.datetime]
) -> StudyDeck:
    """The bank's study deck for ``player``, with the daily limit kept in the store."""
    return StudyDeck(bank, store, player, now=now, new_per_day=new_per_day(store))


def grade_waits(deck: StudyDeck, card_id: str) -> dict[int, str] | None:
    """When each grade (1 Again to 4 Easy) would bring the card back, in a
    few characters (``{1: "1m", 2: "6m", 3: "10m", 4: "8d"}``); None when the
    card's state cannot be read."""
    try:
        intervals = deck.next_intervals(card_id)
    except StoreError:
        return None
    return {rating: format_short_interval(wait) for rating, wait in intervals.items()}


#: The rating an open question's card gets from the student's own grade of
#: their answer: all of the model answer covered is Good, some is Hard, none
#: is Again (the card comes back soon).
SELF_GRADE_RATINGS: dict[SelfGrade, int] = {"all": 3, "some": 2, "none": 1}


def open_question(bank: Bank, card: StudyCard) -> OpenQuestion | None:
    """The open question ``card`` asks, if it is one: its card is answered
    as in a quiz (written or thought through, then graded all/some/none)."""
    if card.kind != "question":
        return None
    for question in bank.questions:
        if isinstance(question, OpenQuestion) and question_card_id(question.id) == card.id:
            return question
    return None


def never_studied(deck: StudyDeck, store: ScoreStore) -> int:
    """How many of the deck's cards were never studied (new cards waiting)."""
    stored = store.card_states(deck.player, deck.bank.id)
    return sum(1 for card in deck.cards if card.id not in stored)


def study_counts(
    store: ScoreStore, player: str, banks: Iterable[Bank], now: Callable[[], dt.datetime]
) -> dict[str, StudyCounts]:
    """Cards due now and new cards left for today, by bank id; banks whose
    cards could not be counted (the store failed) are left out."""
    to_count = list(banks)
    if not to_count:
        return {}
    try:
        limit = new_per_day_setting(store)
    except StoreError:
        return {}
    counts: dict[str, StudyCounts] = {}
    for bank in to_count:
        deck = StudyDeck(bank, store, player, now=now, new_per_day=limit)
        try:
            counts[bank.id] = deck.counts()
        except StoreError:
            continue
    return counts
