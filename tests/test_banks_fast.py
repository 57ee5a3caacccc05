"""The quick path for valid question and fact tables agrees with the full check.

`fast_question` must build a question exactly when the full, reporting
check finds nothing to report, and build the same question; `fast_actor`,
`fast_event` and `fast_quote` the same for facts. "The same" includes the
object's ``__dict__``, which the quick path fills directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.banks.checker import Checker
from quizapp.banks.fast import (
    fast_actor,
    fast_event,
    fast_facts,
    fast_question,
    fast_questions,
    fast_quote,
)
from quizapp.banks.locate import SourceMap, Where
from quizapp.banks.validate import _actor, _checked_question, _event, _quote
from quizapp.model import MATCH_MODES, Actor, Defaults, Event, Question, Quote

WHY = {"explanation": "Why.", "source": "The text."}
TEMPLATES: list[dict[str, Any]] = [
    {"id": "c", "type": "choice", "prompt": "P?", "choices": ["a", "b"], "answer": "a", **WHY},
    {"id": "m", "type": "multi", "prompt": "P?", "choices": ["a", "b", "c"], "answers": ["a"]},
    {"id": "t", "type": "true_false", "prompt": "P.", "answer": True, **WHY},
    {"id": "x", "type": "text", "prompt": "P?", "answer": "A", "accept": ["B"], "match": "exact"},
    {"id": "z", "type": "cloze", "text": "a {{b|c}} d {{e}}", **WHY},
    {"id": "n", "type": "number", "prompt": "P?", "answer": 2016, "tolerance": 0.5, "unit": "y"},
    {"id": "o", "type": "order", "prompt": "P.", "items": ["a", "b", "c"], **WHY},
    {"id": "p", "type": "match", "prompt": "P.", "pairs": [["a", "1"], ["b", "2"]], **WHY},
]
KEYS = sorted(
    {key for template in TEMPLATES for key in template}
    | {"tags", "difficulty", "points", "quote", "about", "explanation", "source", "anwser"}
)
strings = st.sampled_from(["", " ", "a", "b", "c", "1", "S-400", "q 1", "{{a}}", "{{}}", "x}}"])
scalars = st.one_of(
    strings,
    st.integers(-2, 4),
    st.sampled_from([0.0, 1.5, -1.0, float("nan"), float("inf"), True, False]),
    st.just(dt.date(2016, 7, 15)),
    st.sampled_from(["choice", "multi", "cloze", "match", "exact", "lenient", "fuzzy"]),
)
values = st.one_of(
    scalars,
    st.lists(strings, max_size=4),
    st.lists(scalars, max_size=3),
    st.lists(st.lists(strings, max_size=3), max_size=3),
    st.dictionaries(strings, scalars, max_size=2),
)


@st.composite
def question_tables(draw: st.DrawFn) -> dict[str, Any]:
    """A valid template, often left valid, else changed a few keys at a time."""
    table = dict(draw(st.sampled_from(TEMPLATES)))
    if draw(st.booleans()):
        table.update(WHY)
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(KEYS))
        if draw(st.booleans()) and key in table:
            del table[key]
        else:
            table[key] = draw(values)
    return table


def full_check(table: dict[str, Any], defaults: Defaults) -> tuple[Question | None, int]:
    """The full check's question and its number of problems."""
    checker = Checker("bank.toml", SourceMap("", {}))
    question = _checked_question(checker, table, ("questions", 0), defaults)
    return question, len(checker.problems)


def quick(table: dict[str, Any], defaults: Defaults) -> Question | None:
    (question,) = fast_questions([table], [1], defaults)
    return question


defaults_strategy = st.builds(
    Defaults,
    points=st.integers(1, 3),
    match=st.sampled_from(MATCH_MODES),
    difficulty=st.integers(1, 3),
)


@settings(max_examples=600, deadline=None)
@given(table=question_tables(), defaults=defaults_strategy)
def test_quick_path_builds_exactly_what_the_full_check_accepts(
    table: dict[str, Any], defaults: Defaults
) -> None:
    full, problems = full_check(table, defaults)
    fast = quick(table, defaults)
    if problems:
        assert fast is None
    else:
        assert full is not None
        assert fast == full
        assert list(vars(fast).items()) == list(vars(full).items())


def test_every_template_takes_the_quick_path() -> None:
    for template in TEMPLATES:
        table = {**template, **WHY}
        question = fast_question(table, Defaults(), 1)
        full = full_check(table, Defaults())[0]
        assert question is not None, template
        assert question == full
        assert list(vars(question).items()) == list(vars(full).items())


def test_wrong_types_fall_back_without_raising() -> None:
    tables: list[object] = [
        {"id": 3, "type": "text", "prompt": "P?", "answer": "A", **WHY},
        {"id": "a", "type": "text", "prompt": "P?", "answer": "A", "tags": ["x", 2], **WHY},
        "not a table",
        {**TEMPLATES[0], **WHY},
    ]
    built = fast_questions(tables, [1, 2, 3, 4], Defaults())
    assert built[:3] == [None, None, None]
    assert built[3] is not None
    assert built[3].line == 4


FACT_TEMPLATES: dict[str, dict[str, Any]] = {
    "actors": {
        "id": "wilson",
        "name": "Ross Wilson",
        "kind": "person",
        "role": "envoy",
        "aliases": ["Wilson"],
        "description": "A former ambassador.",
        "source": "said Ross Wilson",
    },
    "events": {
        "id": "delivery",
        "when": "July 12",
        "date": dt.date(2019, 7, 12),
        "year": 2019,
        "what": "Delivery began.",
        "approximate": False,
        "actors": ["wilson"],
        "note": "",
        "source": "On July 12",
    },
    "quotes": {
        "id": "winner",
        "text": "Clearly a winner",
        "speaker": "wilson",
        "context": "On the deal",
        "source": "",
    },
}
FACT_KEYS = sorted({key for table in FACT_TEMPLATES.values() for key in table} | {"nmae"})
fact_values = st.one_of(
    values,
    st.sampled_from(
        [
            dt.date(2016, 7, 15),
            dt.datetime(2016, 7, 15, 12, 0),
            dt.time(12, 0),
            2016,
            2019,
            0,
            10_000,
            -5,
        ]
    ),
)
FullReader = Callable[[Checker, dict[str, Any], Where, int], object]
FULL_READERS: dict[str, FullReader] = {"actors": _actor, "events": _event, "quotes": _quote}
QUICK_READERS = {"actors": fast_actor, "events": fast_event, "quotes": fast_quote}


@st.composite
def fact_tables(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A valid fact table, often left valid, else changed a few keys at a time."""
    name = draw(st.sampled_from(sorted(FACT_TEMPLATES)))
    table = dict(FACT_TEMPLATES[name])
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(FACT_KEYS))
        if draw(st.booleans()) and key in table:
            del table[key]
        else:
            table[key] = draw(fact_values)
    return name, table


@settings(max_examples=600, deadline=None)
@given(named_table=fact_tables())
def test_quick_facts_are_exactly_what_the_full_check_accepts(
    named_table: tuple[str, dict[str, Any]],
) -> None:
    name, table = named_table
    checker = Checker("bank.toml", SourceMap("", {}))
    full = FULL_READERS[name](checker, table, (name, 0), 7)
    (fast,) = fast_facts([table], [7], QUICK_READERS[name])
    if checker.problems:
        assert fast is None
    else:
        assert fast == full
        assert list(vars(fast).items()) == list(vars(full).items())


def test_every_fact_template_takes_the_quick_path() -> None:
    built = [
        fast_actor(FACT_TEMPLATES["actors"], 3),
        fast_event(FACT_TEMPLATES["events"], 4),
        fast_quote(FACT_TEMPLATES["quotes"], 5),
    ]
    assert built == [
        Actor(
            id="wilson",
            name="Ross Wilson",
            kind="person",
            role="envoy",
            aliases=("Wilson",),
            description="A former ambassador.",
            source="said Ross Wilson",
            line=3,
        ),
        Event(
            id="delivery",
            when="July 12",
            sort_key=dt.date(2019, 7, 12),
            what="Delivery began.",
            year=2019,
            actors=("wilson",),
            source="On July 12",
            line=4,
        ),
        Quote(
            id="winner", text="Clearly a winner", speaker="wilson", context="On the deal", line=5
        ),
    ]


def test_an_event_with_only_a_year_sorts_on_new_year() -> None:
    table = {"id": "coup", "when": "2016", "year": 2016, "what": "A coup attempt."}
    event = fast_event(table, 9)
    assert event is not None
    assert (event.sort_key, event.year, event.line) == (dt.date(2016, 1, 1), 2016, 9)
