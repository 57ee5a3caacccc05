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
import json
import math
import re
from dataclasses import dataclass, field
from typing import NoReturn, TypedDict

from quizapp.banks.write import default_cloze_prompt
from quizapp.interchange.common import (
    ImportResult,
    Note,
    QuestionIds,
    html_to_text,
    unique,
)
from quizapp.model import (
    MATCH_MODES,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    MatchMode,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    Question,
    TextQuestion,
    TrueFalseQuestion,
)

__all__ = ["read_gift"]

FORMATS = ("moodle", "html", "plain", "markdown")
#: Stands for the answer section inside a question's text while it is tidied.
_GAP = "\ue000"
_BLANK = "_____"
_ESCAPABLE = frozenset("\\n~=#{}:")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_WEIGHT = re.compile(r"-?\d+(?:\.\d+)?")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
#: Moodle's own category names that say nothing about the questions.
_CATEGORY_NOISE = re.compile(r"\$\w+\$|top|default for .*", re.IGNORECASE)


def read_gift(text: str) -> ImportResult:
    """Convert the GIFT document ``text`` into quizapp questions.

    Every malformed question is reported as an error and every question with
    no quizapp equivalent as skipped, each at its line and column; the rest
    are converted. Imported typed answers use match mode ``normal``, which is
    how Moodle compares short answers (case ignored, no typo tolerance).
    """
    return _Reader(text).run()


class _Stop(Exception):
    """Ends the reading of one question: an error or a skip at ``offset``."""

    def __init__(self, kind: str, offset: int, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.offset = offset
        self.message = message


def _error(offset: int, message: str) -> NoReturn:
    raise _Stop("error", offset, message)


def _skip(offset: int, message: str) -> NoReturn:
    raise _Stop("skip", offset, message)


def _clean(text: str) -> str:
    """Spaces collapsed in each line, lines stripped, at most one empty line."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


class _Block:
    """One question's lines (comments blanked out) and which characters are
    live GIFT syntax, i.e. not escaped with a backslash."""

    def __init__(self, text: str, start: int, comments: list[tuple[int, str]]) -> None:
        self.text = text
        self.start = start
        self.comments = comments
        self.live = [True] * len(text)
        self.escape = [False] * len(text)
        i = 0
        while i < len(text):
            if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
                self.live[i] = self.live[i + 1] = False
                self.escape[i] = True
                i += 2
            else:
                i += 1

    def find(self, sub: str, start: int, end: int) -> int:
        """The first live ``sub`` in ``start:end``, or -1."""
        i = self.text.find(sub, start, end)
        while i >= 0 and not all(self.live[i : i + len(sub)]):
            i = self.text.find(sub, i + 1, end)
        return i

    def rfind(self, sub: str, start: int, end: int) -> int:
        """The last live ``sub`` in ``start:end``, or -1."""
        i = self.text.rfind(sub, start, end)
        while i >= 0 and not all(self.live[i : i + len(sub)]):
            i = self.text.rfind(sub, start, i + len(sub) - 1)
        return i

    def skip_space(self, i: int, end: int | None = None) -> int:
        end = len(self.text) if end is None else end
        while i < end and self.text[i].isspace():
            i += 1
        return i

    def split(self, start: int, end: int, markers: str) -> list[tuple[str, int, int]]:
        """``start:end`` cut before each live marker: (marker, from, to) with
        the marker excluded; the first piece has marker ""."""
        pieces: list[tuple[str, int, int]] = []
        marker, piece_start = "", start
        for i in range(start, end):
            if self.text[i] in markers and self.live[i]:
                pieces.append((marker, piece_start, i))
                marker, piece_start = self.text[i], i + 1
        pieces.append((marker, piece_start, end))
        return pieces

    def unescape(self, start: int, end: int) -> str:
        """The characters of ``start:end`` as text: escapes resolved, ``\\n``
        a line break, the file's own line breaks turned into spaces."""
        out: list[str] = []
        i = start
        while i < end:
            if self.escape[i]:
                escaped = self.text[i + 1]
                out.append("\n" if escaped == "n" else escaped)
                i += 2
            else:
                char = self.text[i]
                out.append(" " if char == "\n" else char)
                i += 1
        return "".join(out)

    def format_at(self, start: int, end: int, default: str) -> tuple[str, int]:
        """The ``[format]`` marker at the start of ``start:end``, if any, and
        where the text after it starts."""
        i = self.skip_space(start, end)
        if i < end and self.text[i] == "[":
            close = self.text.find("]", i, end)
            if close > 0 and self.text[i + 1 : close] in FORMATS:
                return self.text[i + 1 : close], close + 1
        return default, start

    def render(self, start: int, end: int, default: str = "moodle") -> str:
        """Plain text of ``start:end``: format marker applied, escapes resolved."""
        fmt, start = self.format_at(start, end, default)
        raw = self.unescape(start, end)
        return html_to_text(raw) if fmt == "html" else _clean(raw)


@dataclass
class _Answer:
    """One answer of an answer section."""

    marker: str
    offset: int
    text: str
    weight: float | None
    feedback: str


@dataclass
class _Extras:
    """What comment hints add to a question."""

    tags: list[str] = field(default_factory=list)
    source: str = ""
    difficulty: int = 1
    points: int = 1
    quote: str = ""
    about: tuple[str, ...] = ()
    unit: str = ""
    match: MatchMode = "normal"
    prompt: str = ""


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
        for block in self._blocks():
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

    def _blocks(self) -> list[_Block]:
        """Runs of non-blank lines; comment lines are kept as blanks (so
        offsets still match the file) and collected for hints."""
        blocks: list[_Block] = []
        pieces: list[str] = []
        comments: list[tuple[int, str]] = []
        start = offset = 0
        for line in self.text.split("\n"):
            stripped = line.strip()
            if stripped:
                if not pieces:
                    start, comments = offset, []
                if stripped.startswith("//"):
                    body = line[line.index("//") + 2 :]
                    at = offset - start + len(line) - len(body.lstrip())
                    comments.append((at, body.strip()))
                    line = " " * len(line)
                pieces.append(line)
            elif pieces:
                blocks.append(_Block("\n".join(pieces), start, comments))
                pieces = []
            offset += len(line) + 1
        if pieces:
            blocks.append(_Block("\n".join(pieces), start, comments))
        return blocks

    def _read_block(self, block: _Block) -> None:
        text = block.text
        i = block.skip_space(0)
        if i == len(text):
            return
        if text.startswith("$CATEGORY:", i) and block.live[i + 9]:
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            self.category = _category_tags(block.unescape(i + 10, end))
            i = block.skip_space(end)
            if i == len(text):
                return
        self.ordinal += 1
        approximated: list[tuple[int, str]] = []
        try:
            question = self._question(block, i, approximated)
        except _Stop as stop:
            note = self._note(block.start + stop.offset, stop.message)
            (self.errors if stop.kind == "error" else self.skipped).append(note)
            return
        self.questions.append(question)
        self.approximated.extend(self._note(block.start + at, why) for at, why in approximated)

    def _question(self, block: _Block, i: int, approx: list[tuple[int, str]]) -> Question:
        text, end = block.text, len(block.text)
        extras = self._extras(block)
        first = i
        title = ""
        if text.startswith("::", i) and block.live[i] and block.live[i + 1]:
            close = block.find("::", i + 2, end)
            if close < 0:
                _error(i, "the question's title is not closed: write ::title:: before the text")
            title = _clean(block.unescape(i + 2, close))
            i = block.skip_space(close + 2)
        opening, closing = block.find("{", i, end), block.find("}", i, end)
        if opening < 0 and closing < 0:
            _skip(
                first,
                "descriptions (text with no answer section {...}) have no equivalent in quizapp",
            )
        if closing >= 0 and (opening < 0 or closing < opening):
            _error(closing, "'}' without an opening '{' (write \\} for a literal brace)")
        if closing < 0:
            _error(
                opening,
                "'{' is never closed -- a blank line ends a question, "
                "so there must be none inside the answers",
            )
        for stray in (block.find("{", closing + 1, end), block.find("}", closing + 1, end)):
            if stray >= 0:
                _error(
                    stray,
                    "a question has one answer section {...}; write \\{ and \\} for literal braces",
                )
        fmt, text_start = block.format_at(i, opening, "moodle")
        raw = block.unescape(text_start, opening) + _GAP + block.unescape(closing + 1, end)
        passage = html_to_text(raw) if fmt == "html" else _clean(raw)
        missing_word = bool(passage.partition(_GAP)[2].strip())
        if not missing_word:
            passage = passage.replace(_GAP, "").strip()
        passage = _strip_prefix(passage, extras.quote)

        general_at = block.rfind("####", opening + 1, closing)
        general = block.render(general_at + 4, closing, fmt) if general_at >= 0 else ""
        answers_end = general_at if general_at >= 0 else closing
        span = (opening + 1, answers_end)
        body = block.unescape(*span).strip()
        start = block.skip_space(span[0], span[1])
        if not body:
            _skip(
                first, "essay questions (an empty answer section {}) have no equivalent in quizapp"
            )
        if not passage.replace(_GAP, "").strip():
            _skip(first, "the question has no text")

        base = _Base(
            title=title,
            ordinal=self.ordinal,
            prompt=passage.replace(_GAP, _BLANK),
            general=general,
            line=self._note(block.start + first, "").line,
            extras=extras,
            tags=unique([*self.category, *extras.tags]),
        )
        match _kind(block, span):
            case "numerical":
                return self._numerical(block, (start + 1, span[1]), fmt, base, approx)
            case "choice":
                return self._choice(block, span, fmt, base, approx)
            case "match":
                return self._match(block, span, fmt, base, approx)
            case "true_false":
                return self._true_false(block, span, fmt, base)
        return self._short(block, span, fmt, base, passage if missing_word else "", approx)

    # ------------------------------------------------------------------ hints

    def _extras(self, block: _Block) -> _Extras:
        extras = _Extras()
        for offset, comment in block.comments:
            label, _, value = comment.partition(":")
            if label.strip().casefold() == "tags" and value:
                extras.tags.extend(tag.strip() for tag in value.split(",") if tag.strip())
            elif label.strip() == "quizapp" and value:
                at = offset + len(label) + 1 + len(value) - len(value.lstrip())
                _apply_hint(extras, value.strip(), at)
        return extras

    # ------------------------------------------------------------- the types

    def _answers(
        self, block: _Block, span: tuple[int, int], markers: str, fmt: str
    ) -> list[_Answer]:
        pieces = block.split(span[0], span[1], markers)
        _, lead_start, lead_end = pieces[0]
        lead = block.unescape(lead_start, lead_end).strip()
        if lead:
            at = block.skip_space(lead_start, lead_end)
            kinds = "'=' (right) or '~' (wrong)" if "~" in markers else "'='"
            _error(at, f"the answer {_quoted(lead)} must start with {kinds}")
        return [self._answer(block, marker, start, end, fmt) for marker, start, end in pieces[1:]]

    def _answer(self, block: _Block, marker: str, start: int, end: int, fmt: str) -> _Answer:
        text = block.text
        weight: float | None = None
        i = block.skip_space(start, end)
        if i < end and text[i] == "%":
            close = text.find("%", i + 1, end)
            value = text[i + 1 : close].strip() if close > 0 else ""
            if close < 0 or not _WEIGHT.fullmatch(value) or abs(float(value)) > 100:
                _error(i, "a weight is a percentage from -100 to 100 between % signs, e.g. ~%50%")
            weight = float(value)
            start = close + 1
        hash_at = block.find("#", start, end)
        answer = block.render(start, hash_at if hash_at >= 0 else end, fmt)
        if not answer:
            _error(start - 1, f"empty answer after '{marker}'")
        feedback = block.render(hash_at + 1, end, fmt) if hash_at >= 0 else ""
        return _Answer(marker, start - 1, answer, weight, feedback)

    def _choice(
        self,
        block: _Block,
        span: tuple[int, int],
        fmt: str,
        base: _Base,
        approx: list[tuple[int, str]],
    ) -> Question:
        answers = self._answers(block, span, "=~", fmt)
        if len(answers) < 2:
            _error(span[0] - 1, "a multiple-choice question needs at least 2 answers")
        for answer in answers:
            if answer.marker == "=" and answer.weight is not None:
                _error(answer.offset, "'=' marks a right answer; write ~%50% for partial credit")
        _no_duplicates(answers, "quizapp needs different choices")
        choices = tuple(answer.text for answer in answers)
        weights = [100.0 if a.marker == "=" else (a.weight or 0.0) for a in answers]
        if any(answer.marker == "=" for answer in answers):
            rights = [a for a, w in zip(answers, weights, strict=True) if w >= 100]
            if len(rights) > 1:
                _skip(
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
                approx.append(
                    (
                        span[0] - 1,
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
            _skip(span[0] - 1, "no answer has a positive weight, so no answer is right")
        share = 100 / len(rights)
        exact = all(abs(w - share) < 0.05 if w > 0 else abs(w + share) < 0.05 for w in weights)
        if not exact:
            approx.append((span[0] - 1, _multi_weights_note(weights, len(rights))))
        return MultiQuestion(
            **base.common(self.ids, _explain(answers, rights, base.general)),
            choices=choices,
            answers=tuple(a.text for a in rights),
        )

    def _true_false(self, block: _Block, span: tuple[int, int], fmt: str, base: _Base) -> Question:
        pieces = [(start, end) for _, start, end in block.split(span[0], span[1], "#")]
        value = _TRUE_FALSE[block.unescape(*pieces[0]).strip()]
        wrong = block.render(*pieces[1], fmt) if len(pieces) > 1 else ""
        # A third '#' belongs to the right answer's feedback (Moodle splits at most twice).
        right = block.render(pieces[2][0], span[1], fmt) if len(pieces) > 2 else ""
        other = "False" if value else "True"
        explanation = _join([right, base.general, f"{other}: {wrong}" if wrong else ""])
        return TrueFalseQuestion(**base.common(self.ids, explanation), answer=value)

    def _short(
        self,
        block: _Block,
        span: tuple[int, int],
        fmt: str,
        base: _Base,
        passage: str,
        approx: list[tuple[int, str]],
    ) -> Question:
        answers = self._answers(block, span, "=", fmt)
        full = [a for a in answers if a.weight is None or a.weight >= 100]
        for answer in answers:
            if answer.weight is not None and 0 < answer.weight < 100:
                approx.append(
                    (
                        answer.offset,
                        f"answer {_quoted(answer.text)} ({answer.weight:g}%) is left "
                        "out: quizapp gives no partial credit for a typed answer",
                    )
                )
        if not full:
            _skip(span[0] - 1, "no answer earns full marks, so no answer is right")
        for answer in full:
            if "*" in answer.text:
                approx.append(
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

    def _numerical(
        self,
        block: _Block,
        span: tuple[int, int],
        fmt: str,
        base: _Base,
        approx: list[tuple[int, str]],
    ) -> Question:
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
            _error(span[0] - 1, "a numerical question needs an answer, e.g. {#2016}")
        answers = [self._answer(block, marker or "#", s, e, fmt) for marker, s, e in pieces]
        right: list[tuple[float, float]] = []
        for answer in answers:
            value, tolerance, answer.text = _numeric(answer)
            if answer.weight is None or answer.weight >= 100:
                right.append((value, tolerance))
            elif answer.weight > 0:
                approx.append(
                    (
                        answer.offset,
                        f"answer {answer.text} ({answer.weight:g}%) is left out: "
                        "quizapp gives no partial credit for a number",
                    )
                )
        if not right:
            _skip(span[0] - 1, "no answer earns full marks, so no answer is right")
        value, tolerance = right[0]
        if len(right) > 1:
            ranges = sorted((v - t, v + t) for v, t in right)
            low, high = ranges[0]
            for next_low, next_high in ranges[1:]:
                if next_low > high:
                    _skip(
                        span[0] - 1,
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

    def _match(
        self,
        block: _Block,
        span: tuple[int, int],
        fmt: str,
        base: _Base,
        approx: list[tuple[int, str]],
    ) -> Question:
        pieces = block.split(span[0], span[1], "=")
        lead = block.unescape(pieces[0][1], pieces[0][2]).strip()
        if lead:
            at = block.skip_space(pieces[0][1])
            _error(at, f"the matching answer {_quoted(lead)} must start with '='")
        pairs: list[tuple[str, str]] = []
        for _, start, end in pieces[1:]:
            arrow = block.find("->", start, end)
            if arrow < 0:
                _error(start - 1, "a matching answer is written =item -> its match")
            left = block.render(start, arrow, fmt)
            right = _clean(block.unescape(arrow + 2, end))
            if not right:
                _error(arrow, "nothing after '->'")
            if left:
                pairs.append((left, right))
            else:
                approx.append(
                    (
                        start - 1,
                        f"the extra answer {_quoted(right)} is left out: quizapp's "
                        "matching questions have no distractors",
                    )
                )
        if len(pieces) < 3:
            _error(span[0] - 1, "a matching question needs at least 2 answers")
        if len(pairs) < 2:
            _skip(span[0] - 1, "a matching question needs at least 2 pairs")
        for side, name in ((0, "left"), (1, "right")):
            seen = [pair[side] for pair in pairs]
            twice = next((item for item in seen if seen.count(item) > 1), None)
            if twice is not None:
                _skip(
                    span[0] - 1,
                    f"{_quoted(twice)} appears twice on the {name}, but quizapp pairs "
                    "each item with a different one",
                )
        return MatchQuestion(**base.common(self.ids, base.general), pairs=tuple(pairs))


class _Common(TypedDict):
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


@dataclass
class _Base:
    """What every converted question has, before its type is known."""

    title: str
    ordinal: int
    prompt: str
    general: str
    line: int
    extras: _Extras
    tags: tuple[str, ...]

    def common(self, ids: QuestionIds, explanation: str) -> _Common:
        """Keyword arguments every question class of the model takes."""
        return _Common(
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


def _kind(block: _Block, span: tuple[int, int]) -> str:
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


def _category_tags(category: str) -> list[str]:
    """Tags from a ``$CATEGORY:`` path (Moodle writes a '/' in a name as '//')."""
    parts = category.replace("//", "\0").split("/")
    names = (part.replace("\0", "/").strip() for part in parts)
    return [name for name in names if name and not _CATEGORY_NOISE.fullmatch(name)]


_HINT_TEXTS = ("source", "quote", "unit", "prompt")


def _apply_hint(extras: _Extras, value: str, offset: int) -> None:
    """Fill ``extras`` from a ``// quizapp: {json}`` comment."""
    try:
        data = json.loads(value)
    except json.JSONDecodeError as exc:
        _error(offset + exc.pos, f"the quizapp comment is not valid JSON: {exc.msg}")
    if not isinstance(data, dict):
        _error(offset, "the quizapp comment must hold a JSON object {...}")
    for key, item in data.items():
        if key in _HINT_TEXTS and isinstance(item, str):
            setattr(extras, key, item)
        elif key in ("tags", "about") and _strings(item):
            if key == "tags":
                extras.tags.extend(item)
            else:
                extras.about = tuple(item)
        elif key == "difficulty" and type(item) is int and 1 <= item <= 3:
            extras.difficulty = item
        elif key == "points" and type(item) is int and item >= 1:
            extras.points = item
        elif key == "match" and item in MATCH_MODES:
            extras.match = item
        else:
            known = ", ".join(
                sorted({*_HINT_TEXTS, "tags", "about", "difficulty", "points", "match"})
            )
            _error(offset, f"bad quizapp comment entry {key!r}: {item!r} (known keys: {known})")


def _strings(item: object) -> bool:
    return isinstance(item, list) and all(isinstance(text, str) for text in item)


def _strip_prefix(text: str, prefix: str) -> str:
    """``text`` without a first line equal to ``prefix`` (how an export puts
    a question's quote or a cloze's prompt in front of its text)."""
    prefix = _clean(prefix)
    if prefix and text.startswith(prefix + "\n"):
        return text[len(prefix) + 1 :]
    return text


def _no_duplicates(answers: list[_Answer], why: str) -> None:
    seen: set[str] = set()
    for answer in answers:
        if answer.text in seen:
            _skip(answer.offset, f"two answers read {_quoted(answer.text)}; {why}")
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
            _error(answer.offset, f"the range {text} goes from high to low")
        return (low + high) / 2, (high - low) / 2, f"{low:g} to {high:g}"
    value_text, colon, tolerance_text = text.partition(":")
    value = _parse_number(value_text, answer)
    tolerance = abs(_parse_number(tolerance_text, answer)) if colon else 0.0
    return value, tolerance, f"{value:g} ± {tolerance:g}" if tolerance else f"{value:g}"


def _parse_number(text: str, answer: _Answer) -> float:
    text = text.strip()
    if not _NUMBER.fullmatch(text) or not math.isfinite(float(text)):
        _error(answer.offset, f"{_quoted(text) if text else 'nothing'} is not a number")
    return float(text)
