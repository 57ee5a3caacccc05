"""The order in which a question's options are shown: one rule for quizzes,
flashcards and previews. No Textual.

Choices (choice, multi), the items of an order question and the right
column of a match question are shuffled with a seed (one per quiz attempt,
per study session or per preview) and the question's id, so an attempt
shows each question the same way every time it is drawn, and the bank's
order (which lists a choice question's answer first, and an order
question's items solved) gives nothing away. An order question never starts
in its solved order and a match question's right column never lines up with
its left column, shuffled or not.
"""

from __future__ import annotations

import random

from quizapp.model import ChoiceQuestion, MatchQuestion, MultiQuestion, OrderQuestion, Question


def bank_order(question: Question) -> tuple[str, ...]:
    """The options of ``question`` as the bank lists them: choices, items to
    order or the right column of pairs (then the distractors); ``()`` for the
    other types."""
    match question:
        case ChoiceQuestion(choices=choices) | MultiQuestion(choices=choices):
            return choices
        case OrderQuestion(items=items):
            return items
        case MatchQuestion(pairs=pairs, distractors=distractors):
            return (*(right for _, right in pairs), *distractors)
    return ()


def display_order(question: Question, seed: int | str, *, shuffle: bool = True) -> tuple[str, ...]:
    """The options of ``question`` in the order to show them (see the module
    docstring); without ``shuffle``, in the bank's order except that order
    and match questions are still never shown solved."""
    items = bank_order(question)
    shown = list(items)
    if shuffle:
        random.Random(f"{seed}:{question.id}").shuffle(shown)
    if isinstance(question, (OrderQuestion, MatchQuestion)) and tuple(shown) == items:
        # Rotating a sequence of distinct items moves every one of them.
        shown = shown[1:] + shown[:1]
    return tuple(shown)
