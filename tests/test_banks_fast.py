"""The quick path for valid question tables agrees with the full check.

`fast_question` must build a question exactly when the full, reporting
check finds nothing to report, and build the same question.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.banks.checker import Checker
from quizapp.banks.fast import fast_question, fast_questions
from quizapp.banks.locate import SourceMap
from quizapp.banks.validate import _checked_question
from quizapp.model import MATCH_MODES, Defaults, Question

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


def test_every_template_takes_the_quick_path() -> None:
    for template in TEMPLATES:
        table = {**template, **WHY}
        question = fast_question(table, Defaults(), 1)
        assert question is not None, template
        assert question == full_check(table, Defaults())[0]


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
