"""Cram mode: go through cards once, for the night before a discussion.

A `CramSession` never reads or writes a schedule: it takes plain cards and
keeps its self-grades in memory, for the summary at the end. A card graded
Again goes back to the end of the queue, so the session ends only when every
card has been recalled at least once (or the user stops).
"""

from __future__ import annotations

import random
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.study.cards import StudyCard, cards_with_tag
from quizapp.study.deck import check_rating

AGAIN = 1


@dataclass(frozen=True, slots=True)
class CramSummary:
    """How a cram session went. Ratings are the first given to each card."""

    #: Cards in the session.
    total: int
    #: Cards graded at least once.
    graded: int
    #: Rating (1-4) -> how many cards got it first time round.
    ratings: dict[int, int]
    #: Ids of the cards graded Again first time round, in the order seen.
    missed: tuple[str, ...]
    #: How many times a card came back after an Again.
    repeats: int


class CramSession:
    """A pass over ``cards`` (only those tagged ``tag``, if given).

    With ``seed`` the order is shuffled reproducibly; without, the cards keep
    their order. The schedule is never touched.
    """

    def __init__(
        self,
        cards: Iterable[StudyCard],
        *,
        tag: str | None = None,
        seed: int | None = None,
    ) -> None:
        chosen = list(cards_with_tag(cards, tag))
        if seed is not None:
            random.Random(seed).shuffle(chosen)
        self.cards: tuple[StudyCard, ...] = tuple(chosen)
        self._queue: deque[StudyCard] = deque(chosen)
        self._first: dict[str, int] = {}
        self._repeats = 0

    @property
    def current(self) -> StudyCard | None:
        """The card to show now, or None when the session is over."""
        return self._queue[0] if self._queue else None

    @property
    def finished(self) -> bool:
        """True when every card has been recalled."""
        return not self._queue

    @property
    def remaining(self) -> int:
        """Cards still to show, counting those coming back after an Again."""
        return len(self._queue)

    def grade(self, rating: int) -> None:
        """Self-grade the current card (1 Again, 2 Hard, 3 Good, 4 Easy) and
        move on; Again sends it to the end of the queue."""
        check_rating(rating)
        if not self._queue:
            raise RuntimeError("the cram session is finished")
        card = self._queue.popleft()
        if card.id in self._first:
            self._repeats += 1
        else:
            self._first[card.id] = rating
        if rating == AGAIN:
            self._queue.append(card)

    def summary(self) -> CramSummary:
        """The ratings so far (a session may be summarised before it ends)."""
        counts = Counter(self._first.values())
        return CramSummary(
            total=len(self.cards),
            graded=len(self._first),
            ratings={rating: counts.get(rating, 0) for rating in (1, 2, 3, 4)},
            missed=tuple(card_id for card_id, rating in self._first.items() if rating == AGAIN),
            repeats=self._repeats,
        )
