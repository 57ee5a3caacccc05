"""Study mode without the TUI: flashcards, FSRS scheduling, cram. No Textual.

Public API (what the study views build on)::

    build_cards(bank) -> tuple[StudyCard, ...]
        One card per fact and per hand-written question, ids ``actor:<id>``,
        ``event:<id>``, ``quote:<id>``, ``q:<question id>``; plain text, never
        markup. ``CARD_KIND_HINTS[card.kind]`` says what to recall.

    deck = StudyDeck(bank, store, player, *, now=local_now, new_per_day=20,
                     scheduler=None, tag=None)
        deck.counts() -> StudyCounts(due, new)     # Home, per bank
        deck.next_card() -> StudyCard | None       # due first, then new
        deck.due_cards() / deck.new_cards() -> list[StudyCard]
        deck.grade(card_id, rating, seconds=None) -> ReviewOutcome
            rating 1 Again, 2 Hard, 3 Good, 4 Easy (RATING_LABELS); stored
            at once with its review log
        deck.next_due() -> datetime | None         # "come back at ..."
        deck.due_at(card_id) -> datetime | None

    new_per_day_setting(store) -> int              # settings key NEW_PER_DAY_SETTING

    cram = CramSession(cards, *, tag=None, seed=None)
        cram.current, cram.grade(rating), cram.finished, cram.remaining,
        cram.summary() -> CramSummary              # never touches a schedule

    question_cards(cards, question), quiz_card_ids(bank, question_id)
        the cards a wrong quiz answer makes due now: its own card, or a
        generated question's fact cards (`quizapp.usecases.quiz` saves
        them with the answer); fresh_card_json(card_id, due) for a card
        never studied

``store`` is anything implementing `StudyStore` (`quizapp.store.ScoreStore`).
"""

from quizapp.study.cards import (
    CARD_KIND_HINTS,
    CardKind,
    StudyCard,
    build_cards,
    cards_with_tag,
    question_card_id,
)
from quizapp.study.cram import CramSession, CramSummary
from quizapp.study.deck import (
    DEFAULT_NEW_PER_DAY,
    NEW_PER_DAY_SETTING,
    RATING_LABELS,
    CardRow,
    ReviewOutcome,
    SettingsStore,
    StudyCounts,
    StudyDeck,
    StudyStore,
    fresh_card_json,
    local_now,
    new_per_day_setting,
    question_cards,
    quiz_card_ids,
)

__all__ = [
    "CARD_KIND_HINTS",
    "DEFAULT_NEW_PER_DAY",
    "NEW_PER_DAY_SETTING",
    "RATING_LABELS",
    "CardKind",
    "CardRow",
    "CramSession",
    "CramSummary",
    "ReviewOutcome",
    "SettingsStore",
    "StudyCard",
    "StudyCounts",
    "StudyDeck",
    "StudyStore",
    "build_cards",
    "cards_with_tag",
    "fresh_card_json",
    "local_now",
    "new_per_day_setting",
    "question_card_id",
    "question_cards",
    "quiz_card_ids",
]
