"""How bank text is shown, one rule each for quizzes, flashcards, the fact
views, the brief and previews: the order of a question's options, and the
quotation marks around a quote. No Textual.

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

#: Marks a text may open with that make it a quotation already.
_OPENING_MARKS = '“‘«„"'
#: Marks a text may end with (before a last full stop or comma) that do too.
#: Not ’: it ends plural possessives ("the Kurds’").
_CLOSING_MARKS = '”»"'
#: Punctuation that may follow a closing mark: “Go.”, or “Go”.
_AFTER_CLOSING = ".,;:!?…"


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
    # Solved: an order question's items in order, or each left item of a
    # match question beside its partner (the distractors come after them).
    solved = len(question.pairs) if isinstance(question, MatchQuestion) else len(items)
    if isinstance(question, (OrderQuestion, MatchQuestion)) and shown[:solved] == list(
        items[:solved]
    ):
        # Rotating a sequence of distinct items moves every one of them.
        shown = shown[1:] + shown[:1]
    return tuple(shown)


def quote_marks(text: str) -> tuple[str, str]:
    """The marks to put before and after ``text`` to show it as a quotation:
    “ and ”, or none when it carries its own (it opens with a quotation mark,
    or ends with one, perhaps before a full stop), so an excerpt such as
    ``“are now marinated in anger,”`` is never shown as ``““…””``."""
    stripped = text.strip()
    if stripped and stripped[0] in _OPENING_MARKS:
        return "", ""
    end = stripped.rstrip(_AFTER_CLOSING)[-1:]
    if end and end in _CLOSING_MARKS:
        return "", ""
    return "“", "”"


def prompt_with_quote(question: Question) -> str:
    """A question's prompt with its quote after it, if it has one: "Who said
    this?" says little without its quote."""
    return f"{question.prompt} {quoted(question.quote)}" if question.quote else question.prompt


def quoted(text: str) -> str:
    """``text`` as a quotation: between “ and ” unless it has its own marks
    (see `quote_marks`). Every place that shows a quote uses this."""
    opening, closing = quote_marks(text)
    return f"{opening}{text}{closing}"
