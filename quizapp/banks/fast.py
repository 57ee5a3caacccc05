"""The quick path for question and fact tables that are entirely right.

Most tables of a bank are valid, and checking them key by key with located
messages costs more than parsing them. `fast_question` builds the question
of a table only when every rule holds and nothing needs a warning, using
plain type checks and no bookkeeping; for anything else it returns None and
`quizapp.banks.questions.read_question` does the full, reporting check.
`fast_actor`, `fast_event` and `fast_quote` do the same for the fact tables
(their full checks are in `quizapp.banks.validate`).

They must never accept a table the full check would report a problem in,
and must build exactly the same object: ``tests/test_banks_fast.py``
compares the two on generated tables.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, MutableSequence, Sequence
from typing import Any, TypeVar

from quizapp.banks.checker import ID_PATTERN
from quizapp.banks.keys import ACTOR_KEYS, ALLOWED_KEYS, EVENT_KEYS, QUOTE_KEYS
from quizapp.banks.questions import MATCH_BY_NAME, parse_cloze
from quizapp.model import (
    Actor,
    ChoiceQuestion,
    ClozeQuestion,
    Defaults,
    Event,
    MatchMode,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    QuestionType,
    Quote,
    TextQuestion,
    TrueFalseQuestion,
)

T = TypeVar("T")

_valid_id = ID_PATTERN.fullmatch
_strip = str.strip
#: The model's classes are frozen dataclasses without slots: an object built
#: here gets its fields by filling its ``__dict__`` in one call, several times
#: faster than the generated ``__init__`` (one ``object.__setattr__`` per
#: field). The ``__dict__`` ends up as ``__init__`` leaves it: the init fields
#: in field order; a question's ``type`` (not an init field) is read from its
#: class.
_new = object.__new__
#: An empty array, the value of an absent optional array key.
_EMPTY: list[str] = []
# Values are checked here with plain type tests and the TypeErrors that str
# methods raise, so tables are typed loosely.
Table = Mapping[str, Any]
#: The `QuestionBase` fields of one question, in field order.
Common = dict[str, Any]
_Builder = Callable[[Table, Defaults, Common], Question | None]


def fast_questions(
    tables: MutableSequence[object],
    lines: Sequence[int],
    defaults: Defaults,
    note: Callable[[Question], object] = lambda question: None,
) -> list[Question | None]:
    """For each table, its question if it is valid and warrants no warning,
    else None. ``lines`` are the tables' header lines.

    Work that needs every question (such as checking ids) is cheapest while
    each one is still in the CPU cache: ``note(question)`` is called as soon
    as it is built. For the same reason ``tables`` is consumed: a table a
    question was built from is replaced by None, so that its memory is freed
    at once and reused for the next objects.
    """
    built: list[Question | None] = []
    append = built.append
    for index, line in enumerate(lines):
        table = tables[index]
        try:
            question = fast_question(table, defaults, line) if type(table) is dict else None
        except (TypeError, KeyError):  # the full check will say what is wrong
            question = None
        if question is not None:
            tables[index] = None
            note(question)
        append(question)
    return built


def fast_facts(
    tables: MutableSequence[object],
    lines: Sequence[int],
    build: Callable[[Table, int], T | None],
    note: Callable[[T], object] = lambda fact: None,
) -> list[T | None]:
    """For each table, its fact built with ``build(table, line)`` (`fast_actor`,
    `fast_event` or `fast_quote`) if it is valid, else None; ``note`` and
    ``tables`` as in `fast_questions`."""
    built: list[T | None] = []
    append = built.append
    for index, line in enumerate(lines):
        table = tables[index]
        try:
            fact = build(table, line) if type(table) is dict else None
        except TypeError:
            fact = None
        if fact is not None:
            tables[index] = None
            note(fact)
        append(fact)
    return built


def fast_actor(table: Table, line: int) -> Actor | None:
    """The actor of a valid ``[[actors]]`` table, else None (may raise TypeError)."""
    if not ACTOR_KEYS.issuperset(table):
        return None
    get: Callable[..., Any] = table.get
    identifier = get("id")
    name = get("name")
    kind = get("kind")
    role = get("role")
    aliases = get("aliases", _EMPTY)
    description = get("description", "")
    source = get("source", "")
    if (
        not _valid_id(identifier)
        or not _strip(name)
        or not _strip(kind)
        or not _strip(role)
        or type(aliases) is not list
        or not all(map(_strip, aliases))
        or type(description) is not str
        or type(source) is not str
    ):
        return None
    actor = _new(Actor)
    actor.__dict__.update(
        id=identifier,
        name=name,
        kind=kind,
        role=role,
        aliases=tuple(aliases),
        description=description,
        source=source,
        line=line,
    )
    return actor


def fast_event(table: Table, line: int) -> Event | None:
    """The event of a valid ``[[events]]`` table, else None (may raise TypeError)."""
    if not EVENT_KEYS.issuperset(table):
        return None
    get: Callable[..., Any] = table.get
    identifier = get("id")
    when = get("when")
    what = get("what")
    date = get("date")
    year = get("year")
    approximate = get("approximate", False)
    actors = get("actors", _EMPTY)
    note = get("note", "")
    source = get("source", "")
    if (
        not _valid_id(identifier)
        or not _strip(when)
        or not _strip(what)
        or type(approximate) is not bool
        or type(actors) is not list
        or not all(map(_strip, actors))
        or type(note) is not str
        or type(source) is not str
    ):
        return None
    if type(date) is dt.date:
        if year is not None and (type(year) is not int or year != date.year):
            return None
        sort_key, year = date, date.year
    elif date is None and type(year) is int and dt.MINYEAR <= year <= dt.MAXYEAR:
        sort_key = dt.date(year, 1, 1)
    else:
        return None
    event = _new(Event)
    event.__dict__.update(
        id=identifier,
        when=when,
        sort_key=sort_key,
        what=what,
        year=year,
        approximate=approximate,
        actors=tuple(actors),
        note=note,
        source=source,
        line=line,
    )
    return event


def fast_quote(table: Table, line: int) -> Quote | None:
    """The quote of a valid ``[[quotes]]`` table, else None (may raise TypeError)."""
    if not QUOTE_KEYS.issuperset(table):
        return None
    get: Callable[..., Any] = table.get
    identifier = get("id")
    text = get("text")
    speaker = get("speaker")
    context = get("context", "")
    source = get("source", "")
    if (
        not _valid_id(identifier)
        or not _strip(text)
        or not _strip(speaker)
        or type(context) is not str
        or type(source) is not str
    ):
        return None
    quote = _new(Quote)
    quote.__dict__.update(
        id=identifier, text=text, speaker=speaker, context=context, source=source, line=line
    )
    return quote


def fast_question(table: Table, defaults: Defaults, line: int) -> Question | None:
    """The question of ``table`` if it is valid and warrants no warning, else
    None. May raise TypeError for a value of the wrong type, KeyError for a
    missing key."""
    get: Callable[..., Any] = table.get
    # An unhashable type (an array, a table) raises TypeError here.
    spec = _SPECS.get(get("type"))
    if spec is None:
        return None
    allowed, needs_prompt, build = spec
    if not allowed.issuperset(table):
        return None
    # Without an explanation or a source, the full check warns: KeyError.
    identifier = get("id")
    explanation = table["explanation"]
    source = table["source"]
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
        or not all(map(_strip, tags + about))
        or type(difficulty) is not int
        or not 1 <= difficulty <= 3
        or type(points) is not int
        or points < 1
    ):
        return None
    if prompt is None and not needs_prompt:
        prompt = ""  # a cloze: the builder fills in the default once the gaps are known
    elif not _strip(prompt) and needs_prompt:
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
        "generated": False,
        "about": tuple(about),
        "line": line,
    }
    return build(table, defaults, common)


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
    if (type(value) is int or type(value) is float) and math.isfinite(value):
        return float(value)
    return None


def _choice(table: Table, defaults: Defaults, common: Common) -> Question | None:
    choices = _distinct(table.get("choices"))
    answer = table.get("answer")
    if choices is None or type(answer) is not str or answer not in choices:
        return None
    question = _new(ChoiceQuestion)
    question.__dict__.update(common, choices=choices, answer=answer)
    return question


def _multi(table: Table, defaults: Defaults, common: Common) -> Question | None:
    choices = _distinct(table.get("choices"))
    answers = _strings(table.get("answers"))
    if (
        choices is None
        or not answers
        or len(set(answers)) != len(answers)
        or not set(choices).issuperset(answers)
    ):
        return None
    question = _new(MultiQuestion)
    question.__dict__.update(common, choices=choices, answers=answers)
    return question


def _true_false(table: Table, defaults: Defaults, common: Common) -> Question | None:
    answer = table.get("answer")
    if type(answer) is not bool:
        return None
    question = _new(TrueFalseQuestion)
    question.__dict__.update(common, answer=answer)
    return question


def _text(table: Table, defaults: Defaults, common: Common) -> Question | None:
    answer = table.get("answer")
    accept = _strings(table.get("accept", _EMPTY))
    match = _match_mode(table, defaults)
    if type(answer) is not str or not answer.strip() or accept is None or match is None:
        return None
    question = _new(TextQuestion)
    question.__dict__.update(common, answer=answer, accept=accept, match=match)
    return question


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
    question = _new(ClozeQuestion)
    question.__dict__.update(common, parts=parts, gaps=gaps, match=match)
    return question


def _number(table: Table, defaults: Defaults, common: Common) -> Question | None:
    answer = _finite(table.get("answer"))
    tolerance = _finite(table.get("tolerance", 0.0))
    unit = table.get("unit", "")
    if answer is None or tolerance is None or tolerance < 0 or type(unit) is not str:
        return None
    question = _new(NumberQuestion)
    question.__dict__.update(common, answer=answer, tolerance=tolerance, unit=unit)
    return question


def _order(table: Table, defaults: Defaults, common: Common) -> Question | None:
    items = _distinct(table.get("items"))
    if items is None:
        return None
    question = _new(OrderQuestion)
    question.__dict__.update(common, items=items)
    return question


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
    question = _new(MatchQuestion)
    question.__dict__.update(common, pairs=tuple(pairs))
    return question


_BUILDERS: dict[QuestionType, _Builder] = {
    QuestionType.CHOICE: _choice,
    QuestionType.MULTI: _multi,
    QuestionType.TRUE_FALSE: _true_false,
    QuestionType.TEXT: _text,
    QuestionType.CLOZE: _cloze,
    QuestionType.NUMBER: _number,
    QuestionType.ORDER: _order,
    QuestionType.MATCH: _match,
}
#: By type name (plain strings: a StrEnum key costs more to look up): the
#: allowed keys, whether ``prompt`` is required, and the builder.
_SPECS: dict[str, tuple[frozenset[str], bool, _Builder]] = {
    kind.value: (ALLOWED_KEYS[kind], kind is not QuestionType.CLOZE, build)
    for kind, build in _BUILDERS.items()
}
