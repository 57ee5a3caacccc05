"""``[[questions]]`` tables -> question objects, one reader per type."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

from quizapp.banks.checker import Checker, Table, describe, did_you_mean, too_long, type_name
from quizapp.banks.keys import ALLOWED_KEYS, COMMON_KEYS, REJECT_KEYS, TYPE_KEYS
from quizapp.banks.limits import MAX_ITEM, MAX_ITEMS, MAX_POINTS
from quizapp.banks.locate import Where
from quizapp.matching.fold import normalise_text, strip_leading_words
from quizapp.model import (
    MATCH_MODES,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    Defaults,
    MatchMode,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OpenQuestion,
    OrderQuestion,
    Question,
    QuestionType,
    RejectedAnswer,
    TextQuestion,
    TrueFalseQuestion,
)

_EVERY_KEY = COMMON_KEYS.union(*TYPE_KEYS.values())
_TYPE_LIST = ", ".join(TYPE_KEYS)
MATCH_BY_NAME: dict[str, MatchMode] = {mode: mode for mode in MATCH_MODES}


class Common(TypedDict):
    """The fields every question type shares, read once per table (the GIFT
    importer builds them too)."""

    id: str
    prompt: str
    explanation: str
    source: str
    tags: tuple[str, ...]
    difficulty: int
    points: int
    quote: str
    about: tuple[str, ...]
    line: int


Reader = Callable[[Checker, Table, Where, Defaults, Common], Question]


def read_question(c: Checker, table: Table, where: Where, defaults: Defaults) -> Question | None:
    """The question in ``table``; None when its type is missing or unknown.
    Problems are recorded in ``c`` either way."""
    kind = table.get("type")
    reader = _READERS.get(kind) if type(kind) is str else None
    if reader is None or type(kind) is not str:
        _report_type(c, table, where, kind)
    else:
        _unknown_keys(c, table, where, kind)
    if kind == QuestionType.OPEN and type(table.get("points")) is list:
        c.error(
            (*where, "points"),
            "'points' is what the question is worth (an integer); "
            "list what a good answer covers in 'key_points'",
        )
        table = {key: value for key, value in table.items() if key != "points"}
    common = Common(
        id=c.ident(table, where),
        prompt=c.text(table, where, "prompt", required=kind != QuestionType.CLOZE),
        explanation=c.text(table, where, "explanation"),
        source=c.text(table, where, "source"),
        tags=c.texts(table, where, "tags") or (),
        difficulty=c.integer(table, where, "difficulty", 1, 3, defaults.difficulty),
        points=c.integer(table, where, "points", 1, MAX_POINTS, defaults.points),
        quote=c.text(table, where, "quote"),
        about=c.texts(table, where, "about") or (),
        line=c.line(where),
    )
    return None if reader is None else reader(c, table, where, defaults, common)


def parse_cloze(text: str) -> tuple[tuple[str, ...], tuple[ClozeGap, ...]] | str:
    """Split a cloze passage into parts and gaps (``{{answer|alternative}}``),
    or say what is wrong with its gaps."""
    parts: list[str] = []
    gaps: list[ClozeGap] = []
    position = 0
    while True:
        opening = text.find("{{", position)
        closing = text.find("}}", position)
        if closing != -1 and (opening == -1 or closing < opening):
            return "'}}' without a matching '{{' before it"
        if opening == -1:
            break
        closing = text.find("}}", opening + 2)
        if closing == -1:
            return f"gap {len(gaps) + 1} is opened with '{{{{' but never closed with '}}}}'"
        inner = text[opening + 2 : closing]
        if "{{" in inner:
            return f"gap {len(gaps) + 1} contains another gap; gaps cannot be nested"
        if len(gaps) == MAX_ITEMS:
            return f"'text' has more than {MAX_ITEMS} gaps; the limit is {MAX_ITEMS}"
        alternatives = [alternative.strip() for alternative in inner.split("|")]
        if not any(alternatives):
            return f"gap {len(gaps) + 1} is empty"
        if not all(alternatives):
            return f"gap {len(gaps) + 1} has an empty alternative (check the '|' separators)"
        parts.append(text[position:opening])
        gaps.append(ClozeGap(alternatives[0], tuple(alternatives[1:])))
        position = closing + 2
    if not gaps:
        return "'text' has no gaps: mark each one as {{answer}} or {{answer|alternative}}"
    parts.append(text[position:])
    return tuple(parts), tuple(gaps)


def _report_type(c: Checker, table: Table, where: Where, kind: object) -> None:
    if kind is None:
        c.error(where, f"missing required key 'type' (one of {_TYPE_LIST})")
    elif type(kind) is not str:
        c.error((*where, "type"), f"'type' must be a string, found {type_name(kind)}")
    else:
        hint = did_you_mean(kind, TYPE_KEYS)
        c.error(
            (*where, "type"), f"unknown question type {describe(kind)}{hint} (types: {_TYPE_LIST})"
        )
    c.unknown_keys(table, where, _EVERY_KEY)


def _unknown_keys(c: Checker, table: Table, where: Where, kind: str) -> None:
    allowed = ALLOWED_KEYS[kind]
    if table.keys() <= allowed:
        return
    for key in table:
        if key not in allowed:
            owners = [name for name, keys in TYPE_KEYS.items() if key in keys]
            elsewhere = f" (a key of {', '.join(owners)} questions)" if owners else ""
            hint = did_you_mean(key, allowed)
            article = "an" if kind[0] in "aeiou" else "a"
            message = f"unknown key {describe(key)} in {article} {kind} question{hint or elsewhere}"
            c.error((*where, key), message)


def _items(c: Checker, table: Table, where: Where, key: str, what: str) -> tuple[str, ...]:
    """A required array of at least 2 distinct strings."""
    items = c.texts(table, where, key, required=True)
    if items is None:
        return ()
    if len(items) < 2:
        c.error((*where, key), f"'{key}' needs at least 2 {what}s, found {len(items)}")
    c.distinct(where, key, items, what)
    return items


def _match_mode(c: Checker, table: Table, where: Where, defaults: Defaults) -> MatchMode:
    return MATCH_BY_NAME[c.choice_of(table, where, "match", MATCH_MODES, defaults.match)]


def _read_choice(
    c: Checker, table: Table, where: Where, defaults: Defaults, common: Common
) -> Question:
    choices = _items(c, table, where, "choices", "choice")
    answer = c.text(table, where, "answer", required=True)
    if answer and choices and answer not in choices:
        hint = did_you_mean(answer, choices)
        c.error((*where, "answer"), f"'answer' {describe(answer)} is not one of the choices{hint}")
    return ChoiceQuestion(**common, choices=choices, answer=answer)


def _read_multi(
    c: Checker, table: Table, where: Where, defaults: Defaults, common: Common
) -> Question:
    choices = _items(c, table, where, "choices", "choice")
    answers = c.texts(table, where, "answers", required=True)
    if answers is not None and not answers:
        c.error((*where, "answers"), "'answers' must list at least one of the choices")
    answers = answers or ()
    c.distinct(where, "answers", answers, "answer")
    known = set(choices)
    for number, answer in enumerate(answers):
        if choices and answer not in known:
            hint = did_you_mean(answer, choices)
            c.error(
                (*where, "answers", number),
                f"'answers' item {number + 1} {describe(answer)} is not one of the choices{hint}",
            )
    weights = _weights(c, table, where, choices, answers)
    return MultiQuestion(**common, choices=choices, answers=answers, weights=weights)


def _weights(
    c: Checker, table: Table, where: Where, choices: tuple[str, ...], answers: tuple[str, ...]
) -> tuple[float, ...]:
    """A multi question's ``weights``: one percentage per choice, positive
    exactly for the ``answers``; ``()`` when absent or empty."""
    value = table.get("weights")
    if value is None:
        return ()
    if type(value) is not list:
        c.error(
            (*where, "weights"),
            f"'weights' must be an array of numbers (one per choice), found {type_name(value)}",
        )
        return ()
    weights: list[float] = []
    for number, item in enumerate(value):
        at = (*where, "weights", number)
        if type(item) is not int and type(item) is not float:
            c.error(at, f"'weights' item {number + 1} must be a number, found {type_name(item)}")
        elif not -100 <= item <= 100:
            c.error(at, f"'weights' item {number + 1} must be from -100 to 100, found {item}")
        else:
            weights.append(float(item))
    if len(weights) != len(value) or not weights:
        return ()
    if len(weights) != len(choices):
        c.error(
            (*where, "weights"),
            f"'weights' needs one weight per choice: {len(choices)} choices, "
            f"{len(weights)} weights",
        )
        return ()
    right = set(answers)
    consistent = True
    for number, (choice, weight) in enumerate(zip(choices, weights, strict=True)):
        if (weight > 0) != (choice in right):
            consistent = False
            listed = "is" if choice in right else "is not"
            c.error(
                (*where, "weights", number),
                f"'weights' item {number + 1} gives {describe(choice)} {weight:g}, but it "
                f"{listed} in 'answers' (the answers are the choices with a positive weight)",
            )
    total = sum(weight for weight in weights if weight > 0)
    if consistent and abs(total - 100) > 0.01:
        effect = (
            "no set of picks earns full points"
            if total < 100
            else "picking only some of them earns full points"
        )
        c.warning(
            (*where, "weights"),
            f"the right choices' weights add up to {total:g}, not 100: {effect}",
        )
    return tuple(weights)


def _read_true_false(
    c: Checker, table: Table, where: Where, defaults: Defaults, common: Common
) -> Question:
    return TrueFalseQuestion(**common, answer=c.flag(table, where, "answer"))


def _read_text(
    c: Checker, table: Table, where: Where, defaults: Defaults, common: Common
) -> Question:
    answer = c.text(table, where, "answer", required=True)
    accept = c.texts(table, where, "accept") or ()
    match = _match_mode(c, table, where, defaults)
    reject = _rejects(c, table, where, [(answer, *accept)])
    return TextQuestion(**common, answer=answer, accept=accept, match=match, reject=reject)


def _read_cloze(
    c: Checker, table: Table, where: Where, defaults: Defaults, common: Common
) -> Question:
    text = c.text(table, where, "text", required=True)
    parts: tuple[str, ...] = ("",)
    gaps: tuple[ClozeGap, ...] = ()
    if text:
        parsed = parse_cloze(text)
        if isinstance(parsed, str):
            c.error((*where, "text"), parsed)
        else:
            parts, gaps = parsed
    if "prompt" not in table:
        common["prompt"] = "Fill in the gap." if len(gaps) == 1 else "Fill in the gaps."
    match = _match_mode(c, table, where, defaults)
    reject = _rejects(c, table, where, [(gap.answer, *gap.accept) for gap in gaps], cloze=True)
    return ClozeQuestion(**common, parts=parts, gaps=gaps, match=match, reject=reject)


def _rejects(
    c: Checker,
    table: Table,
    where: Where,
    right: list[tuple[str, ...]],
    *,
    cloze: bool = False,
) -> tuple[RejectedAnswer, ...]:
    """The ``reject`` list: answers refused on purpose, each a string or a
    table ``{ answer = "...", feedback = "..." }`` (cloze: and ``gap = N``).
    ``right`` holds the right forms (per gap for a cloze): none may be refused."""
    value = table.get("reject")
    if value is None:
        return ()
    form = "{ answer = ..., feedback = ... }"
    if type(value) is not list:
        c.error(
            (*where, "reject"),
            f"'reject' must be an array of answers (strings or {form} tables), "
            f"found {type_name(value)}",
        )
        return ()
    if not c.at_most(where, "reject", value):
        return ()
    allowed = REJECT_KEYS if cloze else REJECT_KEYS - {"gap"}
    rejected: list[tuple[int, RejectedAnswer]] = []
    for number, item in enumerate(value):
        at = (*where, "reject", number)
        if type(item) is str:
            if len(item) > MAX_ITEM:
                c.error(at, too_long(f"'reject' item {number + 1}", item, MAX_ITEM))
            elif item.strip():
                rejected.append((number, RejectedAnswer(item)))
            else:
                c.error(at, f"'reject' item {number + 1} is empty")
            continue
        if type(item) is not dict:
            c.error(
                at,
                f"'reject' item {number + 1} must be a string or a {form} table, "
                f"found {type_name(item)}",
            )
            continue
        c.unknown_keys(item, at, allowed)
        answer = c.text(item, at, "answer", required=True, limit=MAX_ITEM)
        feedback = c.text(item, at, "feedback")
        gap = c.integer(item, at, "gap", 1, max(len(right), 1), 0) if cloze else 0
        if answer:
            rejected.append((number, RejectedAnswer(answer, feedback, gap or None)))
    for number, refused in rejected:
        folded = strip_leading_words(normalise_text(refused.answer))
        forms = right if refused.gap is None else right[refused.gap - 1 : refused.gap]
        if any(strip_leading_words(normalise_text(f)) == folded for gap in forms for f in gap):
            c.error(
                (*where, "reject", number),
                f"'reject' item {number + 1} {describe(refused.answer)} is also a right answer",
            )
    return tuple(refused for _, refused in rejected)


def _read_number(
    c: Checker, table: Table, where: Where, defaults: Defaults, common: Common
) -> Question:
    answer = c.number(table, where, "answer", required=True)
    tolerance = c.number(table, where, "tolerance", required=False, minimum=0.0)
    unit = c.text(table, where, "unit")
    return NumberQuestion(**common, answer=answer, tolerance=tolerance, unit=unit)


def _read_order(
    c: Checker, table: Table, where: Where, defaults: Defaults, common: Common
) -> Question:
    return OrderQuestion(**common, items=_items(c, table, where, "items", "item"))


def _read_match(
    c: Checker, table: Table, where: Where, defaults: Defaults, common: Common
) -> Question:
    value = table.get("pairs")
    if value is None:
        c.error(where, "missing required key 'pairs'")
        return MatchQuestion(**common, pairs=())
    if type(value) is not list:
        c.error(
            (*where, "pairs"),
            f"'pairs' must be an array of [left, right] pairs, found {type_name(value)}",
        )
        return MatchQuestion(**common, pairs=())
    if not c.at_most(where, "pairs", value):
        return MatchQuestion(**common, pairs=())
    pairs: list[tuple[str, str]] = []
    for number, item in enumerate(value):
        if type(item) is list and len(item) == 2 and all(_filled(side) for side in item):
            pairs.append((item[0], item[1]))
            for side, text in enumerate(item):
                if len(text) > MAX_ITEM:
                    label = f"'pairs' item {number + 1}"
                    c.error((*where, "pairs", number, side), too_long(label, text, MAX_ITEM))
        else:
            c.error(
                (*where, "pairs", number),
                f"'pairs' item {number + 1} must be a [left, right] pair of non-empty strings, "
                f"found {_pair_found(item)}",
            )
    if len(pairs) == len(value):
        if len(pairs) < 2:
            c.error((*where, "pairs"), f"'pairs' needs at least 2 pairs, found {len(pairs)}")
        for side, name in ((0, "left"), (1, "right")):
            seen: set[str] = set()
            for number, pair in enumerate(pairs):
                if pair[side] in seen:
                    c.error(
                        (*where, "pairs", number, side),
                        f"'pairs' item {number + 1} repeats the {name} item {describe(pair[side])}",
                    )
                seen.add(pair[side])
    distractors = c.texts(table, where, "distractors") or ()
    c.distinct(where, "distractors", distractors, "distractor")
    rights = {right for _, right in pairs}
    for number, item in enumerate(distractors):
        if item in rights:
            c.error(
                (*where, "distractors", number),
                f"'distractors' item {number + 1} {describe(item)} is the right item of a pair",
            )
    return MatchQuestion(**common, pairs=tuple(pairs), distractors=distractors)


def _read_open(
    c: Checker, table: Table, where: Where, defaults: Defaults, common: Common
) -> Question:
    model_answer = c.text(table, where, "model_answer", required=True)
    key_points = c.texts(table, where, "key_points") or ()
    c.distinct(where, "key_points", key_points, "key point")
    return OpenQuestion(**common, model_answer=model_answer, key_points=key_points)


def _filled(value: object) -> bool:
    return type(value) is str and bool(value.strip())


def _pair_found(item: object) -> str:
    if type(item) is not list:
        return type_name(item)
    if len(item) != 2:
        return f"an array of {len(item)}"
    sides = ("empty string" if type(s) is str and not s.strip() else type_name(s) for s in item)
    return f"[{', '.join(sides)}]"


_READERS: dict[str, Reader] = {
    QuestionType.CHOICE: _read_choice,
    QuestionType.MULTI: _read_multi,
    QuestionType.TRUE_FALSE: _read_true_false,
    QuestionType.TEXT: _read_text,
    QuestionType.CLOZE: _read_cloze,
    QuestionType.NUMBER: _read_number,
    QuestionType.ORDER: _read_order,
    QuestionType.MATCH: _read_match,
    QuestionType.OPEN: _read_open,
}
