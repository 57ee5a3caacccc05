"""Quotation marks around quotes: one rule (`quizapp.display.quoted`) for
feedback, the quotes view, who's who, the brief, study cards and generated
questions."""

from __future__ import annotations

import pytest

from quizapp.banks import discover_banks
from quizapp.brief import build_brief
from quizapp.display import quote_marks, quoted
from quizapp.generate import generate_questions
from quizapp.model import Bank
from quizapp.study import build_cards


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("are now marinated in anger", "“are now marinated in anger”"),
        # An excerpt with its own marks keeps them and gets no more.
        ("“are now marinated in anger,”", "“are now marinated in anger,”"),
        ("“Clearly a winner in all this is Putin,” said Ross Wilson.", None),
        ("Soner Cagaptay said it was “marinated in anger”.", None),
        ('"plain marks"', None),
        # A closing ’ ends possessives: it does not make a quotation.
        ("the Kurds’", "“the Kurds’”"),
        # Marks inside the text are not at its start or end.
        ("decisions “are now marinated in anger,” Soner Cagaptay", None),
    ],
)
def test_quoted_adds_marks_only_where_there_are_none(text: str, shown: str | None) -> None:
    if shown is None:
        shown = text if quote_marks(text) == ("", "") else f"“{text}”"
    assert quoted(text) == shown
    assert not quoted(text).startswith("““") and not quoted(text).endswith("””")


def test_no_quote_is_shown_in_double_marks_in_the_shipped_banks() -> None:
    """Cards, generated questions and the brief of every shipped bank."""
    for bank in discover_banks(user_dir=False):
        assert isinstance(bank, Bank)
        texts = [card.front for card in build_cards(bank, seed=1)]
        texts += [q.explanation for q in generate_questions(bank)]
        texts.append(build_brief(bank))
        for text in texts:
            assert "““" not in text and "””" not in text, text
