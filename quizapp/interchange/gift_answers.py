"""GIFT answer sections -> question tables, one converter per question type.

Each converter reads the answers of a `Section` as Moodle's importer does
(weights, feedback, markers, empty answers) and builds the question table
of the bank format, or stops with an error or a skip (`quizapp.interchange.
gift_syntax.Stop`). `quizapp.interchange.gift` finds the sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from quizapp.banks.write import default_cloze_prompt
from quizapp.interchange.common import Table, quoted, unique
from quizapp.interchange.gift_syntax import Block, error, skip
from quizapp.interchange.moodle import essay_model_answer, weights_from_gift
from quizapp.interchange.text import Changes, clean
from quizapp.matching.fold import normalise_text, strip_leading_words

__all__ = ["BLANK", "GAP", "Base", "Section", "answer_table", "strip_prefix"]

#: Stands for the answer section inside a question's text while it is tidied.
GAP = "\ue000"
#: What Moodle puts in the text in place of a missing-word answer section.
BLANK = "_____"
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
#: Moodle's pattern for an answer weight: %50%, %-33.33333%, %5.%.
_WEIGHT = re.compile(r"%(-*)(\d{1,2}\.?\d*)%")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


@dataclass
class _Answer:
    """One answer of an answer section."""

    marker: str
    offset: int
    text: str
    #: The answer's weight in percent (100 for a right answer).
    weight: float
    feedback: str


@dataclass
class Base:
    """What every converted question has, before its type is known."""

    id: str
    prompt: str
    general: str
    tags: list[str]
    #: Keys from the question's comment lines, which win over what is read.
    extras: Table

    def table(self, kind: str, explanation: str, **fields: Any) -> Table:
        """The question's table: id, type, prompt, ``fields``, explanation, tags."""
        table: Table = {"id": self.id, "type": kind, "prompt": self.prompt, **fields}
        if explanation:
            table["explanation"] = explanation
        if self.tags:
            table["tags"] = self.tags
        return table


@dataclass
class Section:
    """A question's answer section ``{...}`` as it is converted."""

    block: Block
    #: Where the answers are: from after the '{' to the general feedback or '}'.
    span: tuple[int, int]
    #: The format of the question's text, which its answers share.
    fmt: str
    base: Base
    #: (offset, why) for each liberty taken in converting the question.
    approx: list[tuple[int, str]]
    changes: Changes

    @property
    def brace(self) -> int:
        """Where the '{' is."""
        return self.span[0] - 1

    def note(self, offset: int, message: str) -> None:
        """Note a liberty taken at ``offset``."""
        self.approx.append((offset, message))

    def partial_credit_dropped(self, answer: _Answer, label: str, kind: str) -> None:
        """Note that ``answer`` (named ``label``), worth part of the points, is
        left out: quizapp gives no partial credit for ``kind``."""
        self.note(
            answer.offset,
            f"answer {label} ({answer.weight:g}%) is left out: "
            f"quizapp gives no partial credit for {kind}",
        )

    def answers(self, markers: str, lead_weight: float, *, typed: bool = False) -> list[_Answer]:
        """The answers of the section, cut before each live marker. Text before
        the first marker is an answer too, of weight ``lead_weight`` (as Moodle
        reads it). Empty answers are left out, as Moodle does."""
        block = self.block
        answers: list[_Answer] = []
        for marker, start, end in block.split(self.span[0], self.span[1], markers):
            at = start - 1 if marker else block.skip_space(start, end)
            if not marker and not block.unescape(start, end).strip():
                continue
            answer = self._answer(marker, at, start, end, lead_weight, typed)
            if answer is not None:
                answers.append(answer)
        return answers

    def _answer(
        self, marker: str, at: int, start: int, end: int, lead_weight: float, typed: bool
    ) -> _Answer | None:
        block, text = self.block, self.block.text
        i = block.skip_space(start, end)
        weight = 100.0 if marker == "=" and not typed else lead_weight
        if marker != "=" or typed:
            found = _WEIGHT.match(text, i, end)
            if found and found.group(1) and len(found.group(1)) > 1:
                error(i, "a weight has one '-' at most, e.g. ~%-50%")
            if found and all(block.live[i : found.end()]):
                weight = float(found.group(1) + found.group(2))
                if not -100 <= weight <= 100:
                    error(i, f"the weight {weight:g}% is outside -100% to 100%")
                start = found.end()
            elif text.startswith("%", i):
                self.note(
                    i,
                    "this answer starts with '%' but not with a weight such as %50%, so, as "
                    "Moodle does, the '%...' is part of its text",
                )
        elif _WEIGHT.match(text, i, end):
            self.note(
                i,
                "a weight after '=' is text: as Moodle does, this is a fully right answer "
                "whose text starts with '%' (write ~%50% for partial credit)",
            )
        hash_at = block.find("#", start, end)
        stop = hash_at if hash_at >= 0 else end
        if typed:
            # Moodle keeps typed answers as plain strings: a format marker is dropped.
            begin = block.format_at(start, stop, self.fmt)[1]
            value = clean(block.unescape(begin, stop))
        else:
            value = block.render(start, stop, self.fmt, self.changes)
        if not value:
            self.note(at, f"an empty answer after '{marker or '{'}' is left out, as Moodle does")
            return None
        feedback = block.render(hash_at + 1, end, self.fmt, self.changes) if hash_at >= 0 else ""
        return _Answer(marker, at, value, weight, feedback)


def answer_table(section: Section, passage: str, *, essay: bool) -> Table:
    """The question table of an answer section, of the type Moodle reads it
    as; ``passage`` is the text around a missing-word section ("" when the
    section ends the question), ``essay`` whether the section is empty."""
    if essay:
        return _essay(section.base)
    match _kind(section.block, section.span):
        case "numerical":
            return _numerical(section)
        case "choice":
            return _choice(section)
        case "match":
            return _match(section)
        case "true_false":
            return _true_false(section)
    return _short(section, passage)


def _kind(block: Block, span: tuple[int, int]) -> str:
    """The question type an answer section stands for, decided as Moodle does."""
    start = block.skip_space(*span)
    if block.text[start] == "#" and block.live[start]:
        return "numerical"
    if block.find("~", *span) >= 0:
        return "choice"
    if block.find("=", *span) >= 0 and block.find("->", *span) >= 0:
        return "match"
    hash_at = block.find("#", *span)
    if block.unescape(span[0], hash_at if hash_at >= 0 else span[1]).strip() in _TRUE_FALSE:
        return "true_false"
    return "short"


def _choice(section: Section) -> Table:
    base = section.base
    answers = section.answers("=~", 0.0)
    if len(answers) < 2:
        error(section.brace, "a multiple-choice question needs at least 2 answers")
    _no_duplicates(answers, "quizapp needs different choices")
    choices = [answer.text for answer in answers]
    if any(answer.marker == "=" for answer in answers):
        rights = [index for index, a in enumerate(answers) if a.weight >= 100]
        if len(rights) > 1:
            skip(
                answers[rights[1]].offset,
                f"{len(rights)} answers are fully right (any one is accepted), "
                "but a quizapp choice question has one right answer",
            )
        dropped = [f"{a.text} ({a.weight:g}%)" for a in answers if 0 < abs(a.weight) < 100]
        if dropped:
            section.note(
                section.brace,
                f"weights dropped ({', '.join(dropped)}): in quizapp a "
                "choice question is simply right or wrong",
            )
        return base.table(
            "choice",
            _explain(answers, set(rights), base.general),
            choices=choices,
            answer=choices[rights[0]],
        )
    weights = [answer.weight for answer in answers]
    rights = [index for index, weight in enumerate(weights) if weight > 0]
    if not rights:
        skip(section.brace, "no answer has a positive weight, so no answer is right")
    table = base.table(
        "multi",
        _explain(answers, set(rights), base.general),
        choices=choices,
        answers=[choices[index] for index in rights],
    )
    kept = weights_from_gift(weights)
    if kept:
        table["weights"] = [_whole(weight) for weight in kept]
    return table


def _essay(base: Base) -> Table:
    """A Moodle essay as an open question: its general feedback is the model
    answer (and key points, as `quizapp.interchange.moodle.essay_feedback` writes them)."""
    model_answer, key_points = essay_model_answer(base.general)
    table = base.table("open", "", model_answer=model_answer)
    if key_points:
        table["key_points"] = key_points
    return table


def _true_false(section: Section) -> Table:
    block, span, fmt, base = section.block, section.span, section.fmt, section.base
    pieces = [(start, end) for _, start, end in block.split(span[0], span[1], "#")]
    value = _TRUE_FALSE[block.unescape(*pieces[0]).strip()]
    changes = section.changes
    wrong = block.render(*pieces[1], fmt, changes) if len(pieces) > 1 else ""
    # A third '#' belongs to the right answer's feedback (Moodle splits at most twice).
    right = block.render(pieces[2][0], span[1], fmt, changes) if len(pieces) > 2 else ""
    other = "False" if value else "True"
    explanation = _join([right, base.general, f"{other}: {wrong}" if wrong else ""])
    return base.table("true_false", explanation, answer=value)


def _short(section: Section, passage: str) -> Table:
    """A short answer, or with ``passage`` (the text around the answer
    section) a missing-word question. Answers worth nothing (or less) are
    refused on purpose, with their feedback: a ``reject`` list."""
    base = section.base
    answers = section.answers("=", 100.0, typed=True)
    if not answers:
        error(section.brace, "a short-answer question needs an answer")
    full = [index for index, a in enumerate(answers) if a.weight >= 100]
    for answer in answers:
        if 0 < answer.weight < 100:
            section.partial_credit_dropped(answer, quoted(answer.text), "a typed answer")
    if not full:
        skip(section.brace, "no answer earns full marks, so no answer is right")
    texts = unique([_literal(section, answers[index]) for index in full])
    right_forms = {_folded(text) for text in texts}
    elsewhere: set[int] = set()
    reject: list[str | Table] = []
    for index, answer in enumerate(answers):
        if answer.weight > 0:
            continue
        if answer.text == "*":  # Moodle's "any other answer"
            elsewhere.add(index)
            continue
        if "*" in answer.text.replace("\\*", ""):
            _literal(section, answer)  # noted; its feedback stays in the explanation
            continue
        refused = answer.text.replace("\\*", "*")
        if _folded(refused) in right_forms:
            section.note(
                answer.offset,
                f"the wrong answer {quoted(refused)} reads as a right one in quizapp, which "
                "ignores case and punctuation: left out",
            )
            continue
        if answer.weight < 0:
            section.note(
                answer.offset, f"the penalty of {quoted(refused)} ({answer.weight:g}%) is dropped"
            )
        reject.append(
            {"answer": refused, "feedback": answer.feedback} if answer.feedback else refused
        )
        elsewhere.add(index)
    explanation = _explain(answers, set(full), base.general, frozenset(elsewhere))
    catch_all = [a.feedback for a in answers if a.text == "*" and a.weight <= 0 and a.feedback]
    if catch_all:
        explanation = _join([explanation, f"Any other answer: {catch_all[0]}"])
    before, _, after = passage.partition(GAP)
    if passage and _fits_cloze(texts, before, after):
        prompt = base.extras.get("prompt")
        prompt = prompt if isinstance(prompt, str) and prompt else default_cloze_prompt(1)
        before = strip_prefix(before, prompt)
        table = base.table(
            "cloze", explanation, text=before + "{{" + "|".join(texts) + "}}" + after
        )
        del table["prompt"]
    else:
        table = base.table("text", explanation, answer=texts[0])
        if len(texts) > 1:
            table["accept"] = texts[1:]
    if reject:
        table["reject"] = reject
    return table


def _literal(section: Section, answer: _Answer) -> str:
    """A typed answer as quizapp reads it: ``\\*`` is a star; a bare ``*``, a
    wildcard for Moodle, is an ordinary character (noted)."""
    if "*" in answer.text.replace("\\*", ""):
        section.note(
            answer.offset,
            f"'*' in {quoted(answer.text)} is a wildcard in Moodle but an ordinary "
            "character in quizapp",
        )
    return answer.text.replace("\\*", "*")


def _folded(text: str) -> str:
    """``text`` as the bank check compares a refused answer with the right ones."""
    return strip_leading_words(normalise_text(text))


def _numerical(section: Section) -> Table:
    block, fmt, base, brace = section.block, section.fmt, section.base, section.brace
    begin = block.skip_space(*section.span) + 1  # after the leading '#'
    span = (begin, section.span[1])
    other = ""
    tilde = block.find("~", span[0], span[1])
    if tilde >= 0:
        hash_at = block.find("#", tilde, span[1])
        other = block.render(hash_at + 1, span[1], fmt, section.changes) if hash_at >= 0 else ""
        span = (span[0], tilde)
    inner = Section(block, span, fmt, base, section.approx, section.changes)
    answers = inner.answers("=", 100.0, typed=True)
    if not answers:
        error(brace, "a numerical question needs an answer, e.g. {#2016}")
    right: list[tuple[Decimal, Decimal]] = []
    for answer in answers:
        low, high, answer.text = _numeric(answer)
        if answer.weight >= 100:
            right.append((low, high))
        elif answer.weight > 0:
            section.partial_credit_dropped(answer, answer.text, "a number")
    if not right:
        skip(brace, "no answer earns full marks, so no answer is right")
    right.sort()
    low, high = right[0]
    for next_low, next_high in right[1:]:
        if next_low > high:
            skip(
                brace,
                "the right answers are separate ranges, but a quizapp number "
                "question has one answer and one tolerance",
            )
        high = max(high, next_high)
    full = {index for index, answer in enumerate(answers) if answer.weight >= 100}
    explanation = _explain(answers, full, base.general)
    if other:
        explanation = _join([explanation, f"Any other answer: {other}"])
    fields: Table = {"answer": _decimal((low + high) / 2)}
    if high > low:
        fields["tolerance"] = _decimal((high - low) / 2)
    return base.table("number", explanation, **fields)


def _match(section: Section) -> Table:
    block, fmt, base = section.block, section.fmt, section.base
    pieces = [
        piece for piece in block.split(*section.span, "=") if piece[0] or _filled(block, piece)
    ]
    if len(pieces) < 2:
        error(section.brace, "a matching question needs at least 2 answers")
    pairs: list[list[str]] = []
    distractors: list[str] = []
    for marker, start, end in pieces:
        at = start - 1 if marker else block.skip_space(start, end)
        arrow = block.find("->", start, end)
        if arrow < 0:
            error(at, "a matching answer is written =item -> its match")
        left = block.render(start, arrow, fmt, section.changes)
        right = clean(block.unescape(arrow + 2, end))
        if not right:
            error(arrow, "nothing after '->'")
        if left:
            pairs.append([left, right])
        else:
            distractors.append(right)
    if len(pairs) < 2:
        skip(section.brace, "a matching question needs at least 2 pairs")
    for side, name in ((0, "left"), (1, "right")):
        twice = _first_repeat([pair[side] for pair in pairs])
        if twice is not None:
            skip(
                section.brace,
                f"{quoted(twice)} appears twice on the {name}, but quizapp pairs "
                "each item with a different one",
            )
    rights = {right for _, right in pairs}
    extra = [item for item in unique(distractors) if item not in rights]
    if len(extra) < len(distractors):
        section.note(
            section.brace,
            "extra answers that repeat an item on the right are left out (Moodle shows "
            "each right item once)",
        )
    fields: Table = {"pairs": pairs}
    if extra:
        fields["distractors"] = extra
    return base.table("match", base.general, **fields)


def _filled(block: Block, piece: tuple[str, int, int]) -> bool:
    return bool(block.unescape(piece[1], piece[2]).strip())


def _first_repeat(items: list[str]) -> str | None:
    seen: set[str] = set()
    for item in items:
        if item in seen:
            return item
        seen.add(item)
    return None


def strip_prefix(text: str, prefix: object) -> str:
    """``text`` without a first line equal to ``prefix`` (how an export puts
    a question's quote or a cloze's prompt in front of its text)."""
    if not isinstance(prefix, str):
        return text
    prefix = clean(prefix)
    if prefix and text.startswith(prefix + "\n"):
        return text[len(prefix) + 1 :]
    return text


def _no_duplicates(answers: list[_Answer], why: str) -> None:
    seen: set[str] = set()
    for answer in answers:
        if answer.text in seen:
            skip(answer.offset, f"two answers read {quoted(answer.text)}; {why}")
        seen.add(answer.text)


def _join(parts: list[str]) -> str:
    return "\n\n".join(part for part in parts if part)


def _explain(
    answers: list[_Answer], rights: set[int], general: str, elsewhere: frozenset[int] = frozenset()
) -> str:
    """The explanation: the right answers' feedback first, then the general
    feedback, then each other answer's feedback after that answer (but for
    the answers whose feedback is kept ``elsewhere``)."""
    right = [answers[index].feedback for index in sorted(rights)]
    others = [
        f"{a.text}: {a.feedback}"
        for index, a in enumerate(answers)
        if index not in rights and index not in elsewhere and a.feedback
    ]
    return _join([*right, general, *others])


def _fits_cloze(answers: list[str], before: str, after: str) -> bool:
    """Whether a missing-word answer can be written as a cloze gap ``{{a|b}}``."""
    marks = ("{{", "}}")
    if any(mark in part for mark in marks for part in (before, after)):
        return False
    if before.endswith("{") or after.startswith("}"):
        return False
    return not any("|" in text or "{" in text or "}" in text for text in answers)


def _whole(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def _decimal(value: Decimal) -> int | float:
    """A decimal as a TOML number: an integer when it is whole (and exact as a float)."""
    if value == value.to_integral_value() and abs(value) < 2**53:
        return int(value)
    return float(value)


def _numeric(answer: _Answer) -> tuple[Decimal, Decimal, str]:
    """A numerical answer as the range of right values and a readable label:
    ``2016``, ``2016:1`` (value and tolerance) or ``2000..2020`` (a range).
    Decimal arithmetic keeps ``3.141..3.142`` as 3.1415 ± 0.0005."""
    text = answer.text
    if ".." in text[1:]:
        low_text, _, high_text = text.partition("..")
        low, high = _parse_number(low_text, answer), _parse_number(high_text, answer)
        if low > high:
            error(answer.offset, f"the range {text} goes from high to low")
        return low, high, f"{low} to {high}"
    value_text, colon, tolerance_text = text.partition(":")
    if colon and not value_text.strip():
        error(answer.offset, f"{quoted(text)} is not a number")
    value = _parse_number(value_text, answer)
    tolerance = abs(_parse_number(tolerance_text, answer)) if colon else Decimal(0)
    label = f"{value} ± {tolerance}" if tolerance else f"{value}"
    return value - tolerance, value + tolerance, label


def _parse_number(text: str, answer: _Answer) -> Decimal:
    text = text.strip()
    if _NUMBER.fullmatch(text):
        try:
            number = Decimal(text)
        except InvalidOperation:
            pass
        else:
            if number.is_finite() and abs(number) < Decimal("1e300"):
                return number
    shown = quoted(text) if text else "nothing"
    error(answer.offset, f"{shown} is not a number (Moodle would accept any answer here)")
