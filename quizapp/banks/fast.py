"""The quick path for question tables that are entirely right.

Most tables of a bank are valid, and checking them key by key with located
messages costs more than parsing them. `fast_question` builds the question
of a table only when every rule holds and nothing needs a warning, using
plain type checks and no bookkeeping; for anything else it returns None and
`quizapp.banks.questions.read_question` does the full, reporting check.

It must never accept a table the full check would report a problem in, and
must build exactly the same question: ``tests/test_banks_fast.py`` compares
the two on generated tables.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from quizapp.banks.checker import ID_PATTERN
from quizapp.banks.questions import ALLOWED_KEYS, MATCH_BY_NAME, Common, parse_cloze
from quizapp.model import (
    ChoiceQuestion,
    ClozeQuestion,
    Defaults,
    MatchMode,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    QuestionType,
    TextQuestion,
    TrueFalseQuestion,
)

_valid_id = ID_PATTERN.fullmatch
_strip = str.strip
#: An empty array, the value of an absent optional array key.
_EMPTY: list[str] = []
# Plain strings: comparing with a StrEnum member costs several times more.
_CLOZE = str(QuestionType.CLOZE.value)
# Values are checked here with plain type tests and the TypeErrors that str
# methods raise, so tables are typed loosely.
Table = Mapping[str, Any]
_Builder = Callable[[Table, Defaults, Common], Question | None]


def fast_questions(
    tables: Sequence[object], lines: Sequence[int], defaults: Defaults
) -> list[Question | None]:
    """For each table, its question if it is valid and warrants no warning,
    else None. ``lines`` are the tables' header lines."""
    built: list[Question | None] = []
    append = built.append
    for table, line in zip(tables, lines, strict=True):
        try:
            append(fast_question(table, defaults, line) if type(table) is dict else None)
        except TypeError:  # a value of the wrong type: the full check will say which
            append(None)
    return built


def fast_question(table: Table, defaults: Defaults, line: int) -> Question | None:
    """The question of ``table`` if it is valid and warrants no warning, else
    None. May raise TypeError for a value of the wrong type."""
    get: Callable[..., Any] = table.get
    kind = get("type")
    builder = _BUILDERS.get(kind) if type(kind) is str else None
    if builder is None or not table.keys() <= ALLOWED_KEYS[kind]:
        return None
    identifier = get("id")
    explanation = get("explanation")
    source = get("source")
    quote = get("quote", "")
    prompt = get("prompt")
    tags = get("tags", _EMPTY)
    about = get("about", _EMPTY)
    difficulty = get("difficulty", defaults.difficulty)
    points = get("points", defaults.points)
    # str.strip and the regex raise TypeError for anything but a string
    # (None included); all(map(...)) checks every item in one C-level pass.
    if (
        not _valid_id(identifier)
        or not _strip(explanation)
        or not _strip(source)
        or type(quote) is not str
        or type(tags) is not list
        or type(about) is not list
        or not all(map(_strip, tags))
        or not all(map(_strip, about))
        or type(difficulty) is not int
        or not 1 <= difficulty <= 3
        or type(points) is not int
        or points < 1
    ):
        return None
    if prompt is None and kind == _CLOZE:
        prompt = ""  # the builder fills in the default once the gaps are known
    elif not _strip(prompt) and kind != _CLOZE:
        return None
    common: Common = {
        "id": identifier,
        "prompt": prompt,
        "explanation": explanation,
        "source": source,
        "tags": tuple(tags),
        "difficulty": difficulty,
        "points": points,
        "quote": quote,
        "about": tuple(about),
        "line": line,
    }
    return builder(table, defaults, common)


def _strings(value: object) -> tuple[str, ...] | None:
    """``value`` as a tuple if it is an array of non-blank strings (may raise
    TypeError)."""
    if type(value) is not list or not all(map(_strip, value)):
        return None
    return tuple(value)


def _distinct(value: object) -> tuple[str, ...] | None:
    """At least 2 distinct non-blank strings."""
    items = _strings(value)
    if items is None or len(items) < 2 or len(set(items)) != len(items):
        return None
    return items


def _match_mode(table: Table, defaults: Defaults) -> MatchMode | None:
    mode = table.get("match")
    if mode is None:
        return defaults.match
    return MATCH_BY_NAME.get(mode) if type(mode) is str else None


def _finite(value: object) -> float | None:
    """A finite number (an integer or float, not a boolean)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def _choice(table: Table, defaults: Defaults, common: Common) -> Question | None:
    choices = _distinct(table.get("choices"))
    answer = table.get("answer")
    if choices is None or type(answer) is not str or answer not in choices:
        return None
    return ChoiceQuestion(**common, choices=choices, answer=answer)


def _multi(table: Table, defaults: Defaults, common: Common) -> Question | None:
    choices = _distinct(table.get("choices"))
    answers = _strings(table.get("answers"))
    if (
        choices is None
        or not answers
        or len(set(answers)) != len(answers)
        or not set(answers) <= set(choices)
    ):
        return None
    return MultiQuestion(**common, choices=choices, answers=answers)


def _true_false(table: Table, defaults: Defaults, common: Common) -> Question | None:
    answer = table.get("answer")
    if type(answer) is not bool:
        return None
    return TrueFalseQuestion(**common, answer=answer)


def _text(table: Table, defaults: Defaults, common: Common) -> Question | None:
    answer = table.get("answer")
    accept = _strings(table.get("accept", _EMPTY))
    match = _match_mode(table, defaults)
    if type(answer) is not str or not answer.strip() or accept is None or match is None:
        return None
    return TextQuestion(**common, answer=answer, accept=accept, match=match)


def _cloze(table: Table, defaults: Defaults, common: Common) -> Question | None:
    text = table.get("text")
    match = _match_mode(table, defaults)
    if type(text) is not str or match is None:
        return None
    parsed = parse_cloze(text)
    if isinstance(parsed, str):
        return None
    parts, gaps = parsed
    if "prompt" not in table:
        common["prompt"] = "Fill in the gap." if len(gaps) == 1 else "Fill in the gaps."
    return ClozeQuestion(**common, parts=parts, gaps=gaps, match=match)


def _number(table: Table, defaults: Defaults, common: Common) -> Question | None:
    answer = _finite(table.get("answer"))
    tolerance = _finite(table.get("tolerance", 0.0))
    unit = table.get("unit", "")
    if answer is None or tolerance is None or tolerance < 0 or type(unit) is not str:
        return None
    return NumberQuestion(**common, answer=answer, tolerance=tolerance, unit=unit)


def _order(table: Table, defaults: Defaults, common: Common) -> Question | None:
    items = _distinct(table.get("items"))
    if items is None:
        return None
    return OrderQuestion(**common, items=items)


def _match(table: Table, defaults: Defaults, common: Common) -> Question | None:
    value = table.get("pairs")
    if type(value) is not list or len(value) < 2:
        return None
    pairs: list[tuple[str, str]] = []
    for pair in value:
        if type(pair) is not list or len(pair) != 2 or _strings(pair) is None:
            return None
        pairs.append((pair[0], pair[1]))
    lefts = {left for left, _ in pairs}
    rights = {right for _, right in pairs}
    if len(lefts) != len(pairs) or len(rights) != len(pairs):
        return None
    return MatchQuestion(**common, pairs=tuple(pairs))


_BUILDERS: dict[str, _Builder] = {
    QuestionType.CHOICE: _choice,
    QuestionType.MULTI: _multi,
    QuestionType.TRUE_FALSE: _true_false,
    QuestionType.TEXT: _text,
    QuestionType.CLOZE: _cloze,
    QuestionType.NUMBER: _number,
    QuestionType.ORDER: _order,
    QuestionType.MATCH: _match,
}
