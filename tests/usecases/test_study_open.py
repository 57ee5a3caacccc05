"""Open questions in study: the card is found as the open question it asks,
and the student's all / some / none becomes a rating for the schedule."""

from __future__ import annotations

from pathlib import Path

from quizapp.banks import load_bank
from quizapp.model import SELF_GRADE_LABELS, Bank
from quizapp.study import build_cards
from quizapp.usecases.study import SELF_GRADE_RATINGS, open_question

BANK = """\
format = 1
[bank]
id = "open-and-not"
title = "Open and not"
[[questions]]
id = "why"
type = "open"
prompt = "Why does the sale matter?"
model_answer = "It divides the alliance."
key_points = ["the divide"]
[[questions]]
id = "who"
type = "text"
prompt = "Who sold it?"
answer = "Russia"
"""


def test_the_card_of_an_open_question_is_answered_as_one(tmp_path: Path) -> None:
    path = tmp_path / "bank.toml"
    path.write_text(BANK, encoding="utf-8")
    bank = load_bank(path)
    assert isinstance(bank, Bank)
    cards = {card.id: card for card in build_cards(bank)}
    question = open_question(bank, cards["q:why"])
    assert question is not None and question.model_answer == "It divides the alliance."
    assert open_question(bank, cards["q:who"]) is None


def test_all_some_none_are_good_hard_again() -> None:
    assert {grade: SELF_GRADE_RATINGS[grade] for grade, _ in SELF_GRADE_LABELS} == {
        "all": 3,
        "some": 2,
        "none": 1,
    }
