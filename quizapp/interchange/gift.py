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

from quizapp.banks.reader import parse_toml
from quizapp.interchange.common import (
    ARRAYS,
    TOML_KEY,
    ImportResult,
    Note,
    Origin,
    Piece,
    QuestionIds,
    Table,
    quoted,
    unique,
)
from quizapp.interchange.gift_answers import BLANK, GAP, Base, Section, answer_table, strip_prefix
from quizapp.interchange.gift_syntax import Block, Stop, error, skip, split_blocks
from quizapp.interchange.moodle import read_metadata
from quizapp.interchange.text import Changes, clean, to_plain_text
from quizapp.model import BankProblem

__all__ = ["read_gift"]

_HEADER = re.compile(r"\s*\[\[\s*([A-Za-z_]+)\s*\]\]")
_SINGULAR = {"actors": "actor", "events": "event", "quotes": "quote", "questions": "question"}
_HEAD_KEYS = ("format", "bank", "defaults")
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


def category_tags(category: str) -> list[str]:
    """Tags from a ``$CATEGORY:`` path (Moodle writes a '/' in a name as '//')."""
    parts = category.replace("//", "\0").split("/")
    names = (part.replace("\0", "/").strip() for part in parts)
    return [name for name in names if name and not _CATEGORY_NOISE.fullmatch(name)]


class _Reader:
    def __init__(self, text: str) -> None:
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        self.text = text.replace(GAP, "")
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
            found = TOML_KEY.match(text)
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
        raw = block.unescape(text_start, opening) + GAP + block.unescape(closing + 1, end)
        passage = clean(strip_prefix(to_plain_text(raw, fmt, changes), extras.get("quote")))
        # Moodle: no blank when the answer section ends the question.
        missing_word = bool(text[closing + 1 :].strip())
        if not missing_word:
            passage = clean(passage.replace(GAP, ""))

        general_at = block.rfind("####", opening + 1, closing)
        general = block.render(general_at + 4, closing, fmt, changes) if general_at >= 0 else ""
        span = (opening + 1, general_at if general_at >= 0 else closing)
        if not passage.replace(GAP, "").strip():
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
        base = Base(
            id=given
            if isinstance(given, str)
            else self.ids.allocate(idnumber or title, self.ordinal),
            prompt=passage.replace(GAP, BLANK),
            general=general,
            tags=tags,
            extras=extras,
        )
        section = Section(block, span, fmt, base, approx, changes)
        table = answer_table(section, passage if missing_word else "", essay=essay)
        table.update(extras)
        return table


def _tomlable(value: object) -> bool:
    """Whether JSON data can be written as TOML (it has no null)."""
    if isinstance(value, dict):
        return all(_tomlable(item) for item in value.values())
    if isinstance(value, list):
        return all(_tomlable(item) for item in value)
    return value is not None
