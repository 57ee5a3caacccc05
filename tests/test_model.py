"""The model's shared equality, hashing and repr (`quizapp.model.Value`)
behave exactly as the methods `dataclasses` would generate."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from quizapp import model
from quizapp.grading import Grade
from quizapp.model import (
    Actor,
    Bank,
    BankProblem,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    Event,
    Location,
    Value,
)
from quizapp.session import QuizOptions
from quizapp.store.rows import BankStats

CHOICE = ChoiceQuestion(id="buy", prompt="Which system?", choices=("S-400", "F-35"), answer="S-400")
SAMPLES: list[Value] = [
    Location("bank.toml", 3, 7),
    BankProblem(Location("bank.toml", 3), "bad", "warning"),
    Actor(id="wilson", name="Ross Wilson", kind="person", role="envoy", aliases=("Wilson",)),
    Event(id="coup", when="2016", sort_key=dt.date(2016, 1, 1), what="A coup.", year=2016),
    CHOICE,
    ClozeQuestion(id="z", prompt="Fill.", parts=("a ", ""), gaps=(ClozeGap("b", ("c",)),)),
    Bank(id="t", title="T", questions=(CHOICE,), path=Path("t.toml")),
    Grade(score=1.0, max_score=1.0, expected="S-400", given="S 400", near_miss=True),
    QuizOptions(count=5, seed=3),
    BankStats("t", 2, 100.0, 50.0, dt.datetime(2026, 5, 1, tzinfo=dt.UTC)),
]


def generated_twin(value: Value) -> object:
    """The same value as an instance of a dataclass with generated methods."""
    cls = type(value)
    twin = dataclasses.make_dataclass(
        cls.__qualname__,
        [(f.name, object) for f in dataclasses.fields(cls)],  # type: ignore[arg-type]
        frozen=True,
    )
    return twin(*(getattr(value, f.name) for f in dataclasses.fields(cls)))  # type: ignore[arg-type]


@pytest.mark.parametrize("value", SAMPLES, ids=lambda value: type(value).__name__)
def test_repr_and_hash_are_those_dataclasses_generate(value: Value) -> None:
    twin = generated_twin(value)
    assert repr(value) == repr(twin)
    assert hash(value) == hash(twin)


@pytest.mark.parametrize("value", SAMPLES, ids=lambda value: type(value).__name__)
def test_equal_exactly_when_every_field_is(value: Value) -> None:
    assert value == dataclasses.replace(value)  # type: ignore[type-var]
    assert hash(value) == hash(dataclasses.replace(value))  # type: ignore[type-var]
    first = dataclasses.fields(value)[0]  # type: ignore[arg-type]
    changed = dataclasses.replace(value, **{first.name: None})  # type: ignore[type-var]
    assert value != changed
    assert value != generated_twin(value)  # another class is never equal


def test_values_stay_frozen_and_usable_as_keys() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        CHOICE.id = "other"  # type: ignore[misc]
    assert {CHOICE: "found"}[dataclasses.replace(CHOICE)] == "found"
    assert CHOICE.type == "choice"


def test_every_model_dataclass_shares_the_methods() -> None:
    classes = [
        cls
        for cls in vars(model).values()
        if isinstance(cls, type)
        and dataclasses.is_dataclass(cls)
        and cls.__module__ == model.__name__
    ]
    assert len(classes) == 19
    for cls in classes:
        assert issubclass(cls, Value), cls
        assert {"__eq__", "__hash__", "__repr__"}.isdisjoint(vars(cls)), cls
