"""The model's values are frozen and usable as dictionary keys."""

from __future__ import annotations

import dataclasses

import pytest

from quizapp.model import ChoiceQuestion, question_answer_text

CHOICE = ChoiceQuestion(id="buy", prompt="Which system?", choices=("S-400", "F-35"), answer="S-400")


def test_values_stay_frozen_and_usable_as_keys() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        CHOICE.id = "other"  # type: ignore[misc]
    assert {CHOICE: "found"}[dataclasses.replace(CHOICE)] == "found"
    assert CHOICE.type == "choice"
    assert question_answer_text(CHOICE) == "S-400"
