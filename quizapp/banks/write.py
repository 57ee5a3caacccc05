"""Model -> TOML: write a `Bank` back as a bank file (format 1) with tomli-w.

What is written loads back into an equal bank: `load_bank_text(bank_to_toml(b))`
gives the same facts and questions (line numbers aside). Generated questions
are not written, since quizapp makes them again from the fact tables; keys
that hold their default value are left out so the file stays short.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import tomli_w

from quizapp.model import (
    ALL_GENERATED_KINDS,
    Actor,
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    Defaults,
    Event,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OpenQuestion,
    OrderQuestion,
    Question,
    Quote,
    RejectedAnswer,
    TextQuestion,
    TrueFalseQuestion,
)

__all__ = [
    "bank_to_dict",
    "bank_to_toml",
    "cloze_text",
    "default_cloze_prompt",
    "question_to_dict",
    "table_to_toml",
    "toml_string",
    "write_bank",
    "write_text_atomically",
]


_ARRAYS = ("actors", "events", "quotes", "questions")


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string literal, quotes included."""
    line = tomli_w.dumps({"v": value})
    return line[len("v = ") :].rstrip("\n")


def cloze_text(question: ClozeQuestion) -> str:
    """The ``text`` key of a cloze question: its parts with ``{{answer|alt}}`` gaps."""
    pieces = [question.parts[0]]
    for gap, after in zip(question.gaps, question.parts[1:], strict=True):
        pieces.append("{{" + "|".join((gap.answer, *gap.accept)) + "}}")
        pieces.append(after)
    return "".join(pieces)


def default_cloze_prompt(gaps: int) -> str:
    """The prompt the loader gives a cloze question that has none."""
    return "Fill in the gap." if gaps == 1 else "Fill in the gaps."


def _number(value: float) -> int | float:
    """Whole numbers are written as integers (``2016``, not ``2016.0``)."""
    return int(value) if float(value).is_integer() else value


def _put(table: dict[str, Any], key: str, value: Any) -> None:
    """Set ``key`` unless ``value`` is empty (``""``, ``()``)."""
    if value != "" and value != ():
        table[key] = list(value) if isinstance(value, tuple) else value


def _actor(actor: Actor) -> dict[str, Any]:
    table: dict[str, Any] = {"id": actor.id, "name": actor.name, "kind": actor.kind}
    if actor.author:
        table["author"] = True
    table["role"] = actor.role
    _put(table, "aliases", actor.aliases)
    _put(table, "description", actor.description)
    _put(table, "source", actor.source)
    _put_generate(table, actor.generate)
    return table


def _put_generate(table: dict[str, Any], kinds: tuple[str, ...] | None) -> None:
    """A fact's ``generate`` key: left out for every kind, false for none."""
    if kinds is not None:
        table["generate"] = list(kinds) if kinds else False


def _event(event: Event) -> dict[str, Any]:
    table: dict[str, Any] = {"id": event.id, "when": event.when}
    if event.year is not None and event.sort_key == dt.date(event.year, 1, 1):
        table["year"] = event.year
    else:
        table["date"] = event.sort_key
    if event.approximate:
        table["approximate"] = True
    table["what"] = event.what
    _put(table, "actors", event.actors)
    _put(table, "note", event.note)
    _put(table, "source", event.source)
    _put_generate(table, event.generate)
    return table


def _quote(quote: Quote) -> dict[str, Any]:
    table: dict[str, Any] = {"id": quote.id, "text": quote.text, "speaker": quote.speaker}
    _put(table, "context", quote.context)
    _put(table, "source", quote.source)
    _put_generate(table, quote.generate)
    return table


def _rejected(rejected: RejectedAnswer) -> str | dict[str, Any]:
    """A ``reject`` item: the answer alone, or a table when it has feedback or a gap."""
    if not rejected.feedback and rejected.gap is None:
        return rejected.answer
    table: dict[str, Any] = {"answer": rejected.answer}
    _put(table, "feedback", rejected.feedback)
    if rejected.gap is not None:
        table["gap"] = rejected.gap
    return table


def _type_fields(question: Question, table: dict[str, Any], defaults: Defaults) -> None:
    """The keys particular to the question's type."""
    match question:
        case ChoiceQuestion():
            table["choices"] = list(question.choices)
            table["answer"] = question.answer
        case MultiQuestion():
            table["choices"] = list(question.choices)
            table["answers"] = list(question.answers)
            _put(table, "weights", tuple(_number(weight) for weight in question.weights))
        case TrueFalseQuestion():
            table["answer"] = question.answer
        case TextQuestion():
            table["answer"] = question.answer
            _put(table, "accept", question.accept)
            if question.match != defaults.match:
                table["match"] = question.match
            _put(table, "reject", tuple(_rejected(r) for r in question.reject))
        case ClozeQuestion():
            table["text"] = cloze_text(question)
            if question.match != defaults.match:
                table["match"] = question.match
            _put(table, "reject", tuple(_rejected(r) for r in question.reject))
        case NumberQuestion():
            table["answer"] = _number(question.answer)
            if question.tolerance:
                table["tolerance"] = _number(question.tolerance)
            _put(table, "unit", question.unit)
        case OrderQuestion():
            table["items"] = list(question.items)
        case MatchQuestion():
            table["pairs"] = [list(pair) for pair in question.pairs]
            _put(table, "distractors", question.distractors)
        case OpenQuestion():
            table["model_answer"] = question.model_answer
            _put(table, "key_points", question.key_points)


def question_to_dict(question: Question, defaults: Defaults | None = None) -> dict[str, Any]:
    """One ``[[questions]]`` table; keys equal to the bank defaults are left out."""
    defaults = defaults if defaults is not None else Defaults()
    table: dict[str, Any] = {"id": question.id, "type": str(question.type)}
    if not isinstance(question, ClozeQuestion) or question.prompt not in (
        "",
        default_cloze_prompt(len(question.gaps)),
    ):
        table["prompt"] = question.prompt
    _put(table, "quote", question.quote)
    _type_fields(question, table, defaults)
    _put(table, "explanation", question.explanation)
    _put(table, "source", question.source)
    _put(table, "tags", question.tags)
    if question.difficulty != defaults.difficulty:
        table["difficulty"] = question.difficulty
    if question.points != defaults.points:
        table["points"] = question.points
    _put(table, "about", question.about)
    return table


def bank_to_dict(bank: Bank) -> dict[str, Any]:
    """The bank as the plain data of a format-1 file (dates stay `datetime.date`)."""
    head: dict[str, Any] = {"id": bank.id, "title": bank.title}
    _put(head, "description", bank.description)
    _put(head, "tags", bank.tags)
    if not bank.generate:
        head["generate"] = False
    elif bank.generated_kinds != ALL_GENERATED_KINDS:
        head["generate"] = list(bank.generated_kinds)
    if bank.source is not None:
        source: dict[str, Any] = {"title": bank.source.title}
        _put(source, "author", bank.source.author)
        _put(source, "url", bank.source.url)
        _put(source, "file", bank.source.file)
        head["source"] = source
    data: dict[str, Any] = {"format": bank.format, "bank": head}
    if bank.defaults != Defaults():
        data["defaults"] = {
            "points": bank.defaults.points,
            "match": bank.defaults.match,
            "difficulty": bank.defaults.difficulty,
        }
    _put(data, "actors", tuple(_actor(actor) for actor in bank.actors))
    _put(data, "events", tuple(_event(event) for event in bank.events))
    _put(data, "quotes", tuple(_quote(quote) for quote in bank.quotes))
    written = tuple(
        question_to_dict(question, bank.defaults)
        for question in bank.questions
        if not question.generated
    )
    _put(data, "questions", written)
    return data


def bank_to_toml(bank: Bank, *, header: str = "") -> str:
    """The bank as TOML text; ``header`` (comment lines) is put first.

    Facts and questions are always written as ``[[questions]]`` tables, one
    after the other, the way authors write them (tomli-w alone would put
    short ones in an inline array).
    """
    data = bank_to_dict(bank)
    arrays = {name: data.pop(name) for name in _ARRAYS if name in data}
    chunks = [table_to_toml(data)]
    for name, tables in arrays.items():
        chunks.extend(f"\n[[{name}]]\n" + table_to_toml(table) for table in tables)
    if header and not header.endswith("\n"):
        header += "\n"
    return header + "".join(chunks)


def table_to_toml(table: dict[str, Any]) -> str:
    """One table's keys as TOML. Text with line breaks is written over several
    lines, unless it holds a carriage return, which a multi-line string would lose.

    An array holding tables (``reject``) is written as an array of inline
    tables, one per line: tomli-w would write a long or multi-line one as
    ``[[key]]`` sections, which after a ``[[questions]]`` header would no
    longer belong to the question.
    """
    nested = {key: value for key, value in table.items() if _holds_tables(value)}
    plain = {key: value for key, value in table.items() if key not in nested}
    text = tomli_w.dumps(plain, multiline_strings=not _has_carriage_return(plain))
    for key, items in nested.items():
        rows = "".join(f"    {_inline(item)},\n" for item in items)
        text += f"{key} = [\n{rows}]\n"
    return text


def _holds_tables(value: object) -> bool:
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def _inline(value: object) -> str:
    """``value`` on one line: an inline table, a string, a number or a boolean."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_inline(item)}" for key, item in value.items()) + " }"
    if isinstance(value, str):
        return toml_string(value)
    return tomli_w.dumps({"v": value})[len("v = ") :].rstrip("\n")


def _has_carriage_return(value: object) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_carriage_return(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_carriage_return(item) for item in value)
    return False


def write_bank(bank: Bank, path: Path, *, header: str = "") -> None:
    """Write the bank to ``path`` atomically (a reader never sees half a file)."""
    write_text_atomically(path, bank_to_toml(bank, header=header))


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8 through a temporary file renamed
    into place: a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A plain open() (not mkstemp) so the file gets the usual umask permissions.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
