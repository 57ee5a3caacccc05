"""Moodle GIFT -> the tables of a quizapp bank.

The reader follows GIFT as Moodle's importer reads it (``question/format/
gift/format.php``), and where Moodle accepts odd input it does what Moodle
does, with a note:

- questions are separated by blank lines; a question may span several lines
  (joined with spaces; ``\\n`` is a line break);
- lines starting with ``//`` are comments; Moodle reads ``[id:...]`` and
  ``[tag:...]`` in them, which become the question's id and tags;
  ``$CATEGORY: a/b`` sets the category of the questions that follow (its
  parts become tags); a question in the same block as ``$CATEGORY:`` is part
  of the category's name for Moodle, so it is skipped;
- ``::title::`` names a question (its id, when there is no ``[id:]``); an
  unclosed title is text; ``[html]``, ``[markdown]``, ``[plain]`` and
  ``[moodle]`` give a text's format, and texts are turned into plain text
  (`quizapp.interchange.text`), with one note per question saying what was
  changed;
- ``\\~ \\= \\# \\{ \\} \\: \\\\`` are literal characters;
- the answer section is the first ``{`` to the first ``}``: ``=right
  ~wrong`` (multiple choice; with ``~%50%`` weights and no ``=``, several
  answers are right and keep their weights), ``{T}`` or ``{FALSE}``,
  ``{=a =b}`` (short answer), ``{#2016}``, ``{#2016:1}``, ``{#2000..2020}``
  (numerical), ``{=cat -> food = -> extra}`` (matching, with distractors),
  ``{####model answer}`` (an essay: an open question, its general feedback
  the model answer); with no section the text is a description. Text after
  the section makes a missing-word question (the section becomes ``_____``).
- ``#feedback`` after an answer, ``####general feedback`` at the end.

quizapp's exports add comment lines that Moodle ignores: ``//:`` lines hold
TOML -- the bank's settings and facts, and questions GIFT cannot hold, in
blocks of their own; inside a question, keys of that question (source
excerpt, difficulty, points, quote, unit ...). Older exports wrote these as
``// quizapp: {json}``, which is read too.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from quizapp.banks.reader import parse_toml
from quizapp.banks.write import default_cloze_prompt
from quizapp.interchange.common import (
    ARRAYS,
    ImportResult,
    Note,
    Origin,
    Piece,
    QuestionIds,
    Table,
    quoted,
    unique,
)
from quizapp.interchange.gift_syntax import Block, Stop, error, skip, split_blocks
from quizapp.interchange.moodle import essay_model_answer, read_metadata, weights_from_gift
from quizapp.interchange.text import Changes, clean, to_plain_text
from quizapp.model import BankProblem

__all__ = ["read_gift"]

#: Stands for the answer section inside a question's text while it is tidied.
_GAP = "\ue000"
_BLANK = "_____"
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
#: Moodle's pattern for an answer weight: %50%, %-33.33333%, %5.%.
_WEIGHT = re.compile(r"%(-*)(\d{1,2}\.?\d*)%")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_HEADER = re.compile(r"\s*\[\[\s*([A-Za-z_]+)\s*\]\]")
_SINGULAR = {"actors": "actor", "events": "event", "quotes": "quote", "questions": "question"}
_HEAD_KEYS = ("format", "bank", "defaults")
_CARRIED_KEY = re.compile(r'\s*([A-Za-z0-9_-]+|"[^"]*")\s*=')
#: Moodle's own category names that say nothing about the questions.
_CATEGORY_NOISE = re.compile(r"\$\w+\$|top|default for .*", re.IGNORECASE)


def read_gift(text: str) -> ImportResult:
    """Read the GIFT document ``text`` into the tables of a bank.

    Every malformed question is reported as an error and every question with
    no quizapp equivalent as skipped, each at its line and column; the rest
    are converted. Typed answers are compared in match mode ``normal`` unless
    the file says otherwise: it is how Moodle compares short answers (case
    ignored, no typo tolerance).
    """
    return _Reader(text).run()


@dataclass
class _Answer:
    """One answer of an answer section."""

    marker: str
    offset: int
    text: str
    #: The answer's weight in percent (100 for a right answer).
    weight: float
    feedback: str


def category_tags(category: str) -> list[str]:
    """Tags from a ``$CATEGORY:`` path (Moodle writes a '/' in a name as '//')."""
    parts = category.replace("//", "\0").split("/")
    names = (part.replace("\0", "/").strip() for part in parts)
    return [name for name in names if name and not _CATEGORY_NOISE.fullmatch(name)]


class _Reader:
    def __init__(self, text: str) -> None:
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        self.text = text.replace(_GAP, "")
        self.line_starts = [0, *(match.end() for match in re.finditer("\n", self.text))]
        self.ids = QuestionIds()
        self.category: list[str] = []
        self.ordinal = 0
        self.pieces: list[Piece] = []
        self.head: Table | None = None
        self.head_origin: Origin | None = None
        self.errors: list[Note] = []
        self.skipped: list[Note] = []
        self.approximated: list[Note] = []

    def run(self) -> ImportResult:
        blocks = split_blocks(self.text)
        carried = [self._carried(block) for block in blocks]
        for block, data in zip(blocks, carried, strict=True):
            self._reserve_ids(block, data)
        for block, data in zip(blocks, carried, strict=True):
            if block.is_blank:
                if data:
                    self._bank_tables(block, data)
            elif data is not None or not block.comments.carried:
                self._read_block(block, data or {})
            # else: the question's //: lines are broken (reported): it is left out.
        return ImportResult(
            pieces=tuple(self.pieces),
            head=self.head,
            head_origin=self.head_origin,
            errors=tuple(self.errors),
            skipped=tuple(self.skipped),
            approximated=tuple(self.approximated),
            match="normal",
        )

    def _note(self, offset: int, message: str) -> Note:
        line = bisect.bisect_right(self.line_starts, offset)
        return Note(line, message, offset - self.line_starts[line - 1] + 1)

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    # -------------------------------------------------------- carried lines

    def _carried(self, block: Block) -> Table | None:
        """The TOML of a block's ``//:`` lines, or None (a syntax error is reported)."""
        lines = block.comments.carried
        if not lines:
            return None
        parsed = parse_toml("\n".join(text for _, text in lines), "")
        if isinstance(parsed, BankProblem):
            index = min(parsed.location.line, len(lines)) - 1
            at = lines[index][0] + parsed.location.col - 1
            self.errors.append(self._note(at, f"in the //: lines: {parsed.message}"))
            return None
        return parsed

    def _places(self, block: Block) -> tuple[tuple[str, int, int], ...]:
        """(key, line, column) of each key a question's ``//:`` lines set."""
        places = []
        for offset, text in block.comments.carried:
            found = _CARRIED_KEY.match(text)
            if found:
                note = self._note(offset + found.start(1), "")
                places.append((found.group(1).strip('"'), note.line, note.col))
        return tuple(places)

    def _reserve_ids(self, block: Block, data: Table | None) -> None:
        """Keep the ids the carried tables use from being given to questions."""
        if not data:
            return
        if not block.is_blank and isinstance(data.get("id"), str):
            self.ids.reserve(data["id"])
        for name in ARRAYS:
            tables = data.get(name)
            if block.is_blank and isinstance(tables, list):
                for table in tables:
                    if isinstance(table, dict) and isinstance(table.get("id"), str):
                        self.ids.reserve(table["id"])

    def _bank_tables(self, block: Block, data: Table) -> None:
        """A block of ``//:`` lines only: the bank's settings, facts and
        questions GIFT cannot hold."""
        lines = block.comments.carried
        first = lines[0][0]
        headers: dict[str, list[int]] = {}
        for offset, text in lines:
            header = _HEADER.match(text)
            if header:
                headers.setdefault(header.group(1), []).append(offset)
        for key, value in data.items():
            if key in _HEAD_KEYS:
                if self.head is None:
                    self.head, self.head_origin = {}, Origin(self._line(first), "the bank")
                if key in self.head:
                    self.errors.append(self._note(first, f"'{key}' is set a second time"))
                else:
                    self.head[key] = value
            elif key in ARRAYS and isinstance(value, list):
                offsets = headers.get(key, [])
                for index, table in enumerate(value):
                    at = offsets[index] if index < len(offsets) else first
                    if not isinstance(table, dict):
                        self.errors.append(self._note(at, f"each entry of '{key}' must be a table"))
                        continue
                    name = table.get("id")
                    label = f"{_SINGULAR[key]} {quoted(name) if isinstance(name, str) else ''}"
                    where = self._note(at, "")
                    origin = Origin(where.line, label.strip(), col=where.col)
                    self.pieces.append(Piece(key, table, origin))
            else:
                known = ", ".join([*_HEAD_KEYS, *(f"[[{name}]]" for name in ARRAYS)])
                self.errors.append(
                    self._note(first, f"unknown key '{key}' in the //: lines (known: {known})")
                )

    # -------------------------------------------------------------- blocks

    def _read_block(self, block: Block, carried: Table) -> None:
        text = block.text
        i = block.skip_space(0)
        if text.startswith("$CATEGORY:", i) and block.live[i + 9]:
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            self.category = category_tags(block.unescape(i + 10, end))
            rest = block.skip_space(end)
            if rest < len(text):
                self.skipped.append(
                    self._note(
                        block.start + rest,
                        "Moodle reads this question as part of the name of the $CATEGORY "
                        "before it, which it follows without a blank line",
                    )
                )
            if carried:
                self._bank_tables(block, carried)
            return
        self.ordinal += 1
        if "type" in carried:
            # The whole question is in its //: lines (its GIFT text is Moodle's version).
            line = self._line(block.start + i)
            label = f"question {quoted(str(carried.get('id')))}"
            self.pieces.append(
                Piece("questions", carried, Origin(line, label, self._places(block)))
            )
            return
        changes = Changes()
        approximated: list[tuple[int, str]] = []
        try:
            table = self._question(block, i, carried, changes, approximated)
        except Stop as stop:
            note = self._note(block.start + stop.offset, stop.message)
            (self.errors if stop.kind == "error" else self.skipped).append(note)
            return
        if changes.note():
            approximated.insert(0, (i, changes.note()))
        line = self._line(block.start + i)
        label = f"question {quoted(str(table.get('id')))}"
        self.pieces.append(Piece("questions", table, Origin(line, label, self._places(block))))
        self.approximated.extend(self._note(block.start + at, why) for at, why in approximated)

    def _extras(self, block: Block, carried: Table) -> tuple[Table, list[str]]:
        """The question keys its comment lines give -- ``// quizapp: {json}``
        (older exports) and ``//:`` lines, which win -- and the tags of its
        ``// tags: a, b`` lines."""
        extras: Table = {}
        tags: list[str] = []
        for offset, comment in block.comments.other:
            label, _, value = comment.partition(":")
            if label.strip() == "quizapp" and value.strip():
                try:
                    data = json.loads(value.strip())
                except json.JSONDecodeError as exc:
                    at = offset + len(label) + 1 + len(value) - len(value.lstrip()) + exc.pos
                    error(
                        at - block.start,
                        f"the quizapp comment is not valid JSON: {exc.msg}",
                    )
                if not isinstance(data, dict) or not _tomlable(data):
                    error(
                        offset - block.start,
                        "the quizapp comment must hold a JSON object {...} without nulls",
                    )
                extras.update(data)
            elif label.strip().casefold() == "tags" and value.strip():
                tags.extend(tag.strip() for tag in value.split(",") if tag.strip())
        extras.update(carried)
        return extras, tags

    def _question(
        self,
        block: Block,
        i: int,
        carried: Table,
        changes: Changes,
        approx: list[tuple[int, str]],
    ) -> Table:
        text, end = block.text, len(block.text)
        extras, comment_tags = self._extras(block, carried)
        idnumber, moodle_tags = read_metadata(block.comments.text)
        first = i
        title = ""
        if text.startswith("::", i) and block.live[i] and block.live[i + 1]:
            close = block.find("::", i + 2, end)
            if close < 0:
                approx.append(
                    (
                        i,
                        "the title has no closing '::', so, as Moodle does, the '::' is dropped "
                        "and the rest is the question's text",
                    )
                )
                i = block.skip_space(i + 2)
            else:
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
        stray = [block.find("{", closing + 1, end), block.find("}", closing + 1, end)]
        if max(stray) >= 0:
            approx.append(
                (
                    min(at for at in stray if at >= 0),
                    "only the first {...} is an answer section: Moodle shows the braces after "
                    "it as text, and so does quizapp",
                )
            )
        fmt, text_start = block.format_at(i, opening, "moodle")
        raw = block.unescape(text_start, opening) + _GAP + block.unescape(closing + 1, end)
        passage = clean(_strip_prefix(to_plain_text(raw, fmt, changes), extras.get("quote")))
        # Moodle: no blank when the answer section ends the question.
        missing_word = bool(text[closing + 1 :].strip())
        if not missing_word:
            passage = clean(passage.replace(_GAP, ""))

        general_at = block.rfind("####", opening + 1, closing)
        general = block.render(general_at + 4, closing, fmt, changes) if general_at >= 0 else ""
        span = (opening + 1, general_at if general_at >= 0 else closing)
        if not passage.replace(_GAP, "").strip():
            skip(first, "the question has no text")
        essay = not block.unescape(*span).strip()
        if essay and not general:
            skip(
                first,
                "this essay has no general feedback ({####...}) to be the model answer that a "
                "quizapp open question shows after answering; add one to import it",
            )

        tags = unique([*self.category, *moodle_tags, *comment_tags])
        given = extras.get("id")
        base = _Base(
            id=given
            if isinstance(given, str)
            else self.ids.allocate(idnumber or title, self.ordinal),
            prompt=passage.replace(_GAP, _BLANK),
            general=general,
            tags=tags,
            extras=extras,
        )
        section = _Section(block, span, fmt, base, approx, changes)
        if essay:
            table = _essay(base)
            table.update(extras)
            return table
        match _kind(block, span):
            case "numerical":
                table = _numerical(section)
            case "choice":
                table = _choice(section)
            case "match":
                table = _match(section)
            case "true_false":
                table = _true_false(section)
            case _:
                table = _short(section, passage if missing_word else "")
        table.update(extras)
        return table


@dataclass
class _Base:
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


def _choice(section: _Section) -> Table:
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


def _essay(base: _Base) -> Table:
    """A Moodle essay as an open question: its general feedback is the model
    answer (and key points, as `quizapp.interchange.moodle.essay_feedback` writes them)."""
    model_answer, key_points = essay_model_answer(base.general)
    table = base.table("open", "", model_answer=model_answer)
    if key_points:
        table["key_points"] = key_points
    return table


def _true_false(section: _Section) -> Table:
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


def _short(section: _Section, passage: str) -> Table:
    """A short answer, or with ``passage`` (the text around the answer
    section) a missing-word question."""
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
    texts: list[str] = []
    for index in full:
        answer = answers[index]
        literal = answer.text.replace("\\*", "\ue001")
        if "*" in literal:
            section.note(
                answer.offset,
                f"'*' in {quoted(answer.text)} is a wildcard in Moodle but an ordinary "
                "character in quizapp",
            )
        texts.append(literal.replace("\ue001", "*"))
    texts = unique(texts)
    explanation = _explain(answers, set(full), base.general)
    before, _, after = passage.partition(_GAP)
    if passage and _fits_cloze(texts, before, after):
        prompt = base.extras.get("prompt")
        prompt = prompt if isinstance(prompt, str) and prompt else default_cloze_prompt(1)
        before = _strip_prefix(before, prompt)
        table = base.table(
            "cloze", explanation, text=before + "{{" + "|".join(texts) + "}}" + after
        )
        del table["prompt"]
        return table
    fields: Table = {"answer": texts[0]}
    if len(texts) > 1:
        fields["accept"] = texts[1:]
    return base.table("text", explanation, **fields)


def _numerical(section: _Section) -> Table:
    block, fmt, base, brace = section.block, section.fmt, section.base, section.brace
    begin = block.skip_space(*section.span) + 1  # after the leading '#'
    span = (begin, section.span[1])
    other = ""
    tilde = block.find("~", span[0], span[1])
    if tilde >= 0:
        hash_at = block.find("#", tilde, span[1])
        other = block.render(hash_at + 1, span[1], fmt, section.changes) if hash_at >= 0 else ""
        span = (span[0], tilde)
    inner = _Section(block, span, fmt, base, section.approx, section.changes)
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


def _match(section: _Section) -> Table:
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


def _strip_prefix(text: str, prefix: object) -> str:
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


def _explain(answers: list[_Answer], rights: set[int], general: str) -> str:
    """The explanation: the right answers' feedback first, then the general
    feedback, then each other answer's feedback after that answer."""
    right = [answers[index].feedback for index in sorted(rights)]
    others = [
        f"{a.text}: {a.feedback}"
        for index, a in enumerate(answers)
        if index not in rights and a.feedback
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


def _tomlable(value: object) -> bool:
    """Whether JSON data can be written as TOML (it has no null)."""
    if isinstance(value, dict):
        return all(_tomlable(item) for item in value.values())
    if isinstance(value, list):
        return all(_tomlable(item) for item in value)
    return value is not None


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
