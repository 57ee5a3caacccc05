"""Moodle GIFT -> quizapp questions.

The reader follows GIFT as Moodle documents and reads it:

- questions are separated by blank lines; a question may span several lines
  (joined with spaces; ``\\n`` is a line break);
- lines starting with ``//`` are comments; ``$CATEGORY: a/b`` sets the
  category of the questions that follow (its parts become tags);
- ``::title::`` names a question (its id here), ``[html]``, ``[markdown]``,
  ``[plain]`` and ``[moodle]`` give a text's format (the marker is dropped;
  HTML is turned into plain text);
- ``\\~ \\= \\# \\{ \\} \\: \\\\`` are literal characters;
- the answer section ``{...}``: ``=right ~wrong`` (multiple choice; with
  ``~%50%`` weights and no ``=``, several answers are right), ``{T}`` or
  ``{FALSE}``, ``{=a =b}`` (short answer), ``{#2016}``, ``{#2016:1}``,
  ``{#2000..2020}`` (numerical), ``{=cat -> food ...}`` (matching), ``{}``
  (essay); with no section the text is a description. Text after the
  section makes a missing-word question (the section becomes ``_____``).
- ``#feedback`` after an answer, ``####general feedback`` at the end.

Comment hints (ignored by Moodle): ``// tags: a, b`` inside a question adds
tags, and ``// quizapp: {json}``, written by ``quizapp export``, carries what
GIFT cannot (source excerpt, difficulty, points, quote, unit ...).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from quizapp.banks.questions import Common
from quizapp.banks.write import default_cloze_prompt
from quizapp.interchange.common import ImportResult, Note, QuestionIds, html_to_text, unique
from quizapp.interchange.gift_syntax import (
    Block,
    Extras,
    Stop,
    category_tags,
    clean,
    error,
    read_hints,
    skip,
    split_blocks,
)
from quizapp.model import (
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    Question,
    TextQuestion,
    TrueFalseQuestion,
)

__all__ = ["read_gift"]

#: Stands for the answer section inside a question's text while it is tidied.
_GAP = "\ue000"
_BLANK = "_____"
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_WEIGHT = re.compile(r"-?\d+(?:\.\d+)?")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def read_gift(text: str) -> ImportResult:
    """Convert the GIFT document ``text`` into quizapp questions.

    Every malformed question is reported as an error and every question with
    no quizapp equivalent as skipped, each at its line and column; the rest
    are converted. Imported typed answers use match mode ``normal``, which is
    how Moodle compares short answers (case ignored, no typo tolerance).
    """
    return _Reader(text).run()


@dataclass
class _Answer:
    """One answer of an answer section."""

    marker: str
    offset: int
    text: str
    weight: float | None
    feedback: str


class _Reader:
    def __init__(self, text: str) -> None:
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        self.text = text.replace(_GAP, "")
        self.line_starts = [0, *(match.end() for match in re.finditer("\n", self.text))]
        self.ids = QuestionIds()
        self.category: list[str] = []
        self.ordinal = 0
        self.questions: list[Question] = []
        self.errors: list[Note] = []
        self.skipped: list[Note] = []
        self.approximated: list[Note] = []

    def run(self) -> ImportResult:
        for block in split_blocks(self.text):
            self._read_block(block)
        return ImportResult(
            questions=tuple(self.questions),
            errors=tuple(self.errors),
            skipped=tuple(self.skipped),
            approximated=tuple(self.approximated),
        )

    def _note(self, offset: int, message: str) -> Note:
        line = bisect.bisect_right(self.line_starts, offset)
        return Note(line, message, offset - self.line_starts[line - 1] + 1)

    def _read_block(self, block: Block) -> None:
        text = block.text
        i = block.skip_space(0)
        if i == len(text):
            return
        if text.startswith("$CATEGORY:", i) and block.live[i + 9]:
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            self.category = category_tags(block.unescape(i + 10, end))
            i = block.skip_space(end)
            if i == len(text):
                return
        self.ordinal += 1
        approximated: list[tuple[int, str]] = []
        try:
            question = self._question(block, i, approximated)
        except Stop as stop:
            note = self._note(block.start + stop.offset, stop.message)
            (self.errors if stop.kind == "error" else self.skipped).append(note)
            return
        self.questions.append(question)
        self.approximated.extend(self._note(block.start + at, why) for at, why in approximated)

    def _question(self, block: Block, i: int, approx: list[tuple[int, str]]) -> Question:
        text, end = block.text, len(block.text)
        extras = read_hints(block)
        first = i
        title = ""
        if text.startswith("::", i) and block.live[i] and block.live[i + 1]:
            close = block.find("::", i + 2, end)
            if close < 0:
                error(i, "the question's title is not closed: write ::title:: before the text")
            title = clean(block.unescape(i + 2, close))
            i = block.skip_space(close + 2)
        opening, closing = block.find("{", i, end), block.find("}", i, end)
        if opening < 0 and closing < 0:
            skip(
                first,
                "descriptions (text with no answer section {...}) have no equivalent in quizapp",
            )
        if closing >= 0 and (opening < 0 or closing < opening):
            error(closing, "'}' without an opening '{' (write \\} for a literal brace)")
        if closing < 0:
            error(
                opening,
                "'{' is never closed -- a blank line ends a question, "
                "so there must be none inside the answers",
            )
        for stray in (block.find("{", closing + 1, end), block.find("}", closing + 1, end)):
            if stray >= 0:
                error(
                    stray,
                    "a question has one answer section {...}; write \\{ and \\} for literal braces",
                )
        fmt, text_start = block.format_at(i, opening, "moodle")
        raw = block.unescape(text_start, opening) + _GAP + block.unescape(closing + 1, end)
        passage = html_to_text(raw) if fmt == "html" else clean(raw)
        missing_word = bool(passage.partition(_GAP)[2].strip())
        if not missing_word:
            passage = passage.replace(_GAP, "").strip()
        passage = _strip_prefix(passage, extras.quote)

        general_at = block.rfind("####", opening + 1, closing)
        general = block.render(general_at + 4, closing, fmt) if general_at >= 0 else ""
        answers_end = general_at if general_at >= 0 else closing
        span = (opening + 1, answers_end)
        body = block.unescape(*span).strip()
        if not body:
            skip(
                first, "essay questions (an empty answer section {}) have no equivalent in quizapp"
            )
        if not passage.replace(_GAP, "").strip():
            skip(first, "the question has no text")

        base = _Base(
            title=title,
            ordinal=self.ordinal,
            prompt=passage.replace(_GAP, _BLANK),
            general=general,
            line=self._note(block.start + first, "").line,
            extras=extras,
            tags=unique([*self.category, *extras.tags]),
        )
        section = _Section(block, span, fmt, base, approx)
        match _kind(block, span):
            case "numerical":
                return self._numerical(section)
            case "choice":
                return self._choice(section)
            case "match":
                return self._match(section)
            case "true_false":
                return self._true_false(section)
        return self._short(section, passage if missing_word else "")

    # ------------------------------------------------------------- the types

    def _answers(self, section: _Section, markers: str) -> list[_Answer]:
        block, span = section.block, section.span
        pieces = block.split(span[0], span[1], markers)
        _, lead_start, lead_end = pieces[0]
        lead = block.unescape(lead_start, lead_end).strip()
        if lead:
            at = block.skip_space(lead_start, lead_end)
            kinds = "'=' (right) or '~' (wrong)" if "~" in markers else "'='"
            error(at, f"the answer {_quoted(lead)} must start with {kinds}")
        return [self._answer(section, marker, start, end) for marker, start, end in pieces[1:]]

    def _answer(self, section: _Section, marker: str, start: int, end: int) -> _Answer:
        block, fmt = section.block, section.fmt
        text = block.text
        marker_at = start - 1
        weight: float | None = None
        i = block.skip_space(start, end)
        if i < end and text[i] == "%":
            close = text.find("%", i + 1, end)
            value = text[i + 1 : close].strip() if close > 0 else ""
            if close < 0 or not _WEIGHT.fullmatch(value) or abs(float(value)) > 100:
                error(i, "a weight is a percentage from -100 to 100 between % signs, e.g. ~%50%")
            weight = float(value)
            start = close + 1
        hash_at = block.find("#", start, end)
        answer = block.render(start, hash_at if hash_at >= 0 else end, fmt)
        if not answer:
            error(marker_at, f"empty answer after '{marker}'")
        feedback = block.render(hash_at + 1, end, fmt) if hash_at >= 0 else ""
        return _Answer(marker, marker_at, answer, weight, feedback)

    def _choice(self, section: _Section) -> Question:
        base = section.base
        answers = self._answers(section, "=~")
        if len(answers) < 2:
            error(section.brace, "a multiple-choice question needs at least 2 answers")
        for answer in answers:
            if answer.marker == "=" and answer.weight is not None:
                error(answer.offset, "'=' marks a right answer; write ~%50% for partial credit")
        _no_duplicates(answers, "quizapp needs different choices")
        choices = tuple(answer.text for answer in answers)
        weights = [100.0 if a.marker == "=" else (a.weight or 0.0) for a in answers]
        if any(answer.marker == "=" for answer in answers):
            rights = [a for a, w in zip(answers, weights, strict=True) if w >= 100]
            if len(rights) > 1:
                skip(
                    rights[1].offset,
                    f"{len(rights)} answers are fully right (any one is accepted), "
                    "but a quizapp choice question has one right answer",
                )
            dropped = [
                f"{a.text} ({w:g}%)"
                for a, w in zip(answers, weights, strict=True)
                if 0 < abs(w) < 100
            ]
            if dropped:
                section.approx.append(
                    (
                        section.brace,
                        f"weights dropped ({', '.join(dropped)}): in quizapp a "
                        "choice question is simply right or wrong",
                    )
                )
            return ChoiceQuestion(
                **base.common(self.ids, _explain(answers, rights, base.general)),
                choices=choices,
                answer=rights[0].text,
            )
        rights = [a for a, w in zip(answers, weights, strict=True) if w > 0]
        if not rights:
            skip(section.brace, "no answer has a positive weight, so no answer is right")
        share = 100 / len(rights)
        exact = all(abs(w - share) < 0.05 if w > 0 else abs(w + share) < 0.05 for w in weights)
        if not exact:
            section.approx.append((section.brace, _multi_weights_note(weights, len(rights))))
        return MultiQuestion(
            **base.common(self.ids, _explain(answers, rights, base.general)),
            choices=choices,
            answers=tuple(a.text for a in rights),
        )

    def _true_false(self, section: _Section) -> Question:
        block, span, fmt, base = section.block, section.span, section.fmt, section.base
        pieces = [(start, end) for _, start, end in block.split(span[0], span[1], "#")]
        value = _TRUE_FALSE[block.unescape(*pieces[0]).strip()]
        wrong = block.render(*pieces[1], fmt) if len(pieces) > 1 else ""
        # A third '#' belongs to the right answer's feedback (Moodle splits at most twice).
        right = block.render(pieces[2][0], span[1], fmt) if len(pieces) > 2 else ""
        other = "False" if value else "True"
        explanation = _join([right, base.general, f"{other}: {wrong}" if wrong else ""])
        return TrueFalseQuestion(**base.common(self.ids, explanation), answer=value)

    def _short(self, section: _Section, passage: str) -> Question:
        """A short answer, or with ``passage`` (the text around the answer
        section) a missing-word question."""
        base = section.base
        answers = self._answers(section, "=")
        full = [a for a in answers if a.weight is None or a.weight >= 100]
        for answer in answers:
            if answer.weight is not None and 0 < answer.weight < 100:
                section.partial_credit_dropped(answer, _quoted(answer.text), "a typed answer")
        if not full:
            skip(section.brace, "no answer earns full marks, so no answer is right")
        for answer in full:
            if "*" in answer.text:
                section.approx.append(
                    (
                        answer.offset,
                        f"'*' in {_quoted(answer.text)} is a wildcard in Moodle "
                        "but an ordinary character in quizapp",
                    )
                )
        texts = unique([a.text for a in full])
        explanation = _explain(answers, full, base.general)
        before, _, after = passage.partition(_GAP)
        if passage and _fits_cloze(texts, before, after):
            prompt = base.extras.prompt or default_cloze_prompt(1)
            before = _strip_prefix(before, prompt)
            common = base.common(self.ids, explanation)
            common["prompt"] = prompt
            return ClozeQuestion(
                **common,
                parts=(before, after),
                gaps=(ClozeGap(texts[0], texts[1:]),),
                match=base.extras.match,
            )
        return TextQuestion(
            **base.common(self.ids, explanation),
            answer=texts[0],
            accept=texts[1:],
            match=base.extras.match,
        )

    def _numerical(self, section: _Section) -> Question:
        block, fmt, base, brace = section.block, section.fmt, section.base, section.brace
        span = (block.skip_space(*section.span) + 1, section.span[1])  # after the leading '#'
        other = ""
        tilde = block.find("~", span[0], span[1])
        if tilde >= 0:
            hash_at = block.find("#", tilde, span[1])
            other = block.render(hash_at + 1, span[1], fmt) if hash_at >= 0 else ""
            span = (span[0], tilde)
        pieces = block.split(span[0], span[1], "=")
        if not block.unescape(pieces[0][1], pieces[0][2]).strip():
            pieces = pieces[1:]
        if not pieces:
            error(brace, "a numerical question needs an answer, e.g. {#2016}")
        answers = [self._answer(section, marker or "#", s, e) for marker, s, e in pieces]
        right: list[tuple[float, float]] = []
        for answer in answers:
            value, tolerance, answer.text = _numeric(answer)
            if answer.weight is None or answer.weight >= 100:
                right.append((value, tolerance))
            elif answer.weight > 0:
                section.partial_credit_dropped(answer, answer.text, "a number")
        if not right:
            skip(brace, "no answer earns full marks, so no answer is right")
        value, tolerance = right[0]
        if len(right) > 1:
            ranges = sorted((v - t, v + t) for v, t in right)
            low, high = ranges[0]
            for next_low, next_high in ranges[1:]:
                if next_low > high:
                    skip(
                        brace,
                        "the right answers are separate ranges, but a quizapp number "
                        "question has one answer and one tolerance",
                    )
                high = max(high, next_high)
            value, tolerance = (low + high) / 2, (high - low) / 2
        full = [a for a in answers if a.weight is None or a.weight >= 100]
        explanation = _explain(answers, full, base.general)
        if other:
            explanation = _join([explanation, f"Any other answer: {other}"])
        return NumberQuestion(
            **base.common(self.ids, explanation),
            answer=value,
            tolerance=tolerance,
            unit=base.extras.unit,
        )

    def _match(self, section: _Section) -> Question:
        block, span, fmt, base = section.block, section.span, section.fmt, section.base
        pieces = block.split(span[0], span[1], "=")
        lead = block.unescape(pieces[0][1], pieces[0][2]).strip()
        if lead:
            at = block.skip_space(pieces[0][1])
            error(at, f"the matching answer {_quoted(lead)} must start with '='")
        pairs: list[tuple[str, str]] = []
        for _, start, end in pieces[1:]:
            arrow = block.find("->", start, end)
            if arrow < 0:
                error(start - 1, "a matching answer is written =item -> its match")
            left = block.render(start, arrow, fmt)
            right = clean(block.unescape(arrow + 2, end))
            if not right:
                error(arrow, "nothing after '->'")
            if left:
                pairs.append((left, right))
            else:
                section.approx.append(
                    (
                        start - 1,
                        f"the extra answer {_quoted(right)} is left out: quizapp's "
                        "matching questions have no distractors",
                    )
                )
        if len(pieces) < 3:
            error(section.brace, "a matching question needs at least 2 answers")
        if len(pairs) < 2:
            skip(section.brace, "a matching question needs at least 2 pairs")
        for side, name in ((0, "left"), (1, "right")):
            seen = [pair[side] for pair in pairs]
            twice = next((item for item in seen if seen.count(item) > 1), None)
            if twice is not None:
                skip(
                    section.brace,
                    f"{_quoted(twice)} appears twice on the {name}, but quizapp pairs "
                    "each item with a different one",
                )
        return MatchQuestion(**base.common(self.ids, base.general), pairs=tuple(pairs))


@dataclass
class _Base:
    """What every converted question has, before its type is known."""

    title: str
    ordinal: int
    prompt: str
    general: str
    line: int
    extras: Extras
    tags: tuple[str, ...]

    def common(self, ids: QuestionIds, explanation: str) -> Common:
        """Keyword arguments every question class of the model takes."""
        return Common(
            id=ids.allocate(self.title, self.ordinal),
            prompt=self.prompt,
            explanation=explanation,
            source=self.extras.source,
            tags=self.tags,
            difficulty=self.extras.difficulty,
            points=self.extras.points,
            quote=self.extras.quote,
            about=self.extras.about,
            line=self.line,
        )


@dataclass
class _Section:
    """A question's answer section ``{...}`` as it is converted."""

    block: Block
    #: Where the answers are: from after the '{' to the general feedback or '}'.
    span: tuple[int, int]
    #: The format of the question's text, which its answers share.
    fmt: str
    base: _Base
    #: (offset, why) for each liberty taken in converting the question.
    approx: list[tuple[int, str]]

    @property
    def brace(self) -> int:
        """Where the '{' is."""
        return self.span[0] - 1

    def partial_credit_dropped(self, answer: _Answer, label: str, kind: str) -> None:
        """Note that ``answer`` (named ``label``), worth part of the points, is
        left out: quizapp gives no partial credit for ``kind``."""
        self.approx.append(
            (
                answer.offset,
                f"answer {label} ({answer.weight:g}%) is left out: "
                f"quizapp gives no partial credit for {kind}",
            )
        )


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


def _strip_prefix(text: str, prefix: str) -> str:
    """``text`` without a first line equal to ``prefix`` (how an export puts
    a question's quote or a cloze's prompt in front of its text)."""
    prefix = clean(prefix)
    if prefix and text.startswith(prefix + "\n"):
        return text[len(prefix) + 1 :]
    return text


def _no_duplicates(answers: list[_Answer], why: str) -> None:
    seen: set[str] = set()
    for answer in answers:
        if answer.text in seen:
            skip(answer.offset, f"two answers read {_quoted(answer.text)}; {why}")
        seen.add(answer.text)


def _quoted(text: str) -> str:
    flat = " ".join(text.split())
    return f"'{flat[:57]}...'" if len(flat) > 60 else f"'{flat}'"


def _join(parts: list[str]) -> str:
    return "\n\n".join(part for part in parts if part)


def _explain(answers: list[_Answer], rights: list[_Answer], general: str) -> str:
    """The explanation: the right answers' feedback first, then the general
    feedback, then each other answer's feedback after that answer."""
    right = [answer.feedback for answer in rights]
    others = [f"{a.text}: {a.feedback}" for a in answers if a not in rights and a.feedback]
    return _join([*right, general, *others])


def _multi_weights_note(weights: list[float], rights: int) -> str:
    right = ", ".join(f"{w:g}%" for w in weights if w > 0)
    wrong = ", ".join(sorted({f"{w:g}%" for w in weights if w <= 0}))
    share = f"1/{rights}" if rights > 1 else "all"
    return (
        f"Moodle's weights (right {right}; wrong {wrong or 'none'}) become quizapp's rule: "
        f"each right pick earns {share} of the points and each wrong pick takes as much away"
    )


def _fits_cloze(answers: tuple[str, ...], before: str, after: str) -> bool:
    """Whether a missing-word answer can be written as a cloze gap ``{{a|b}}``."""
    marks = ("{{", "}}")
    if any(mark in part for mark in marks for part in (before, after)):
        return False
    return not any("|" in text or "{" in text or "}" in text for text in answers)


def _numeric(answer: _Answer) -> tuple[float, float, str]:
    """A numerical answer's value, tolerance and a readable label:
    ``2016``, ``2016:1`` (value and tolerance) or ``2000..2020`` (a range)."""
    text = answer.text
    if ".." in text[1:]:
        low_text, _, high_text = text.partition("..")
        low, high = _parse_number(low_text, answer), _parse_number(high_text, answer)
        if low > high:
            error(answer.offset, f"the range {text} goes from high to low")
        return (low + high) / 2, (high - low) / 2, f"{low:g} to {high:g}"
    value_text, colon, tolerance_text = text.partition(":")
    value = _parse_number(value_text, answer)
    tolerance = abs(_parse_number(tolerance_text, answer)) if colon else 0.0
    return value, tolerance, f"{value:g} ± {tolerance:g}" if tolerance else f"{value:g}"


def _parse_number(text: str, answer: _Answer) -> float:
    text = text.strip()
    if not _NUMBER.fullmatch(text) or not math.isfinite(float(text)):
        error(answer.offset, f"{_quoted(text) if text else 'nothing'} is not a number")
    return float(text)
