"""Study cards: one flashcard per hand-written question and per fact of a bank.

Card ids are derived from the ids in the bank file (``q:<question id>``,
``actor:<id>``, ``event:<id>``, ``quote:<id>``), never from a card's
position or text, so editing or removing one entry keeps every other card's
schedule and history.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from quizapp.display import display_order, quoted
from quizapp.model import (
    Actor,
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    Event,
    MatchQuestion,
    MultiQuestion,
    OpenQuestion,
    OrderQuestion,
    Question,
    Quote,
    question_answer_text,
)

CardKind = Literal["question", "actor", "event", "quote"]

#: What the user is asked to recall for each kind of card, for a view to show
#: above the front.
CARD_KIND_HINTS: dict[CardKind, str] = {
    "question": "Answer the question.",
    "actor": "Who or what is this?",
    "event": "When did this happen?",
    "quote": "Who said this, and about what?",
}

#: The tag every fact card carries, the same words hand-written questions use,
#: so cramming the tag "dates" covers date questions and event cards alike.
FACT_TAGS: dict[CardKind, str] = {"actor": "actors", "event": "dates", "quote": "quotes"}

#: Shown in place of each gap of a cloze passage.
CLOZE_BLANK = "_____"


@dataclass(frozen=True, slots=True)
class StudyCard:
    """One flashcard: plain text on both sides (bank text, never markup)."""

    #: Stable id: ``q:<question id>``, ``actor:<id>``, ``event:<id>`` or ``quote:<id>``.
    id: str
    kind: CardKind
    #: What the user sees first.
    front: str
    #: What the user should have recalled.
    back: str
    #: Why the answer is right (hand-written questions), shown with the back.
    explanation: str = ""
    #: The verbatim excerpt of the source text the card comes from.
    source: str = ""
    tags: tuple[str, ...] = ()
    #: Ids of the actors, events and quotes the card is about.
    about: tuple[str, ...] = ()


def question_card_id(question_id: str) -> str:
    """The id of the study card of the hand-written question ``question_id``."""
    return f"q:{question_id}"


def build_cards(bank: Bank, seed: int | None = None) -> tuple[StudyCard, ...]:
    """Every study card of ``bank``, in the order new cards are introduced.

    ``seed`` orders the choices and items shown on question cards
    (`quizapp.display`); None draws one, so each study session shows them
    in its own order.

    Facts come first, so a learner meets the people, dates and quotes before
    the questions about them: actors in file order, events in time order,
    quotes in file order, then the hand-written questions in file order.
    Generated questions get no cards of their own: the fact cards already
    cover what they ask.
    """
    cards: list[StudyCard] = [actor_card(actor) for actor in bank.actors]
    events = sorted(bank.events, key=lambda event: event.sort_key)
    cards.extend(event_card(event) for event in events)
    cards.extend(quote_card(bank, quote) for quote in bank.quotes)
    if seed is None:
        seed = random.randrange(2**31)
    cards.extend(question_card(question, seed) for question in bank.questions)
    return tuple(cards)


def cards_with_tag(cards: Iterable[StudyCard], tag: str | None) -> tuple[StudyCard, ...]:
    """The cards carrying ``tag`` (all of them when ``tag`` is None or empty)."""
    if not tag:
        return tuple(cards)
    return tuple(card for card in cards if tag in card.tags)


def actor_card(actor: Actor) -> StudyCard:
    """Front: the name. Back: the role and kind, aliases and description."""
    lines = [f"{actor.role} ({actor.kind})"]
    if actor.aliases:
        lines.append("Also: " + ", ".join(actor.aliases))
    if actor.description:
        lines.append(actor.description)
    return StudyCard(
        id=f"actor:{actor.id}",
        kind="actor",
        front=actor.name,
        back="\n\n".join(lines),
        source=actor.source,
        tags=(FACT_TAGS["actor"],),
        about=(actor.id,),
    )


def event_card(event: Event) -> StudyCard:
    """Front: what happened. Back: the source's wording of when, and the note."""
    back = event.when if not event.note else f"{event.when}\n\n{event.note}"
    return StudyCard(
        id=f"event:{event.id}",
        kind="event",
        front=event.what,
        back=back,
        source=event.source,
        tags=(FACT_TAGS["event"],),
        about=(event.id, *event.actors),
    )


def quote_card(bank: Bank, quote: Quote) -> StudyCard:
    """Front: the quotation. Back: the speaker's name and the context."""
    speaker = bank.actor(quote.speaker)
    name = speaker.name if speaker is not None else quote.speaker
    back = name if not quote.context else f"{name}\n\n{quote.context}"
    return StudyCard(
        id=f"quote:{quote.id}",
        kind="quote",
        front=quoted(quote.text),
        back=back,
        source=quote.source,
        tags=(FACT_TAGS["quote"],),
        about=(quote.id, quote.speaker),
    )


def question_card(question: Question, seed: int = 0) -> StudyCard:
    """Front: the quote (if any) and the prompt, with what the prompt refers
    to (choices and items to order, in the order ``seed`` gives them, the
    left items to pair, the cloze passage). Back: the canonical answer; for
    an open question, the model answer and the key points a good answer
    covers."""
    blocks = [quoted(question.quote)] if question.quote else []
    blocks.extend(block for block in _question_body(question, seed) if block)
    return StudyCard(
        id=question_card_id(question.id),
        kind="question",
        front="\n\n".join(blocks),
        back=_question_back(question),
        explanation=question.explanation,
        source=question.source,
        tags=question.tags,
        about=question.about,
    )


def _question_back(question: Question) -> str:
    if isinstance(question, OpenQuestion) and question.key_points:
        points = "A good answer covers:\n" + _bullets(question.key_points)
        return f"{question.model_answer}\n\n{points}"
    if isinstance(question, OpenQuestion):
        return question.model_answer
    return question_answer_text(question)


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _question_body(question: Question, seed: int) -> list[str]:
    match question:
        case ChoiceQuestion() | MultiQuestion() | OrderQuestion():
            return [question.prompt, _bullets(display_order(question, seed))]
        case MatchQuestion(pairs=pairs):
            return [question.prompt, _bullets(left for left, _ in pairs)]
        case ClozeQuestion(parts=parts):
            return [question.prompt, CLOZE_BLANK.join(parts)]
    return [question.prompt]
