"""A bank as CSV for a spreadsheet, and back: the layout, defused formulas,
what a spreadsheet may do to the file, problems located at row and column."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quizapp.banks import load_bank
from quizapp.interchange.common import LeftOut
from quizapp.interchange.convert import Conversion, import_text
from quizapp.interchange.csv_bank import QUESTION_COLUMNS, export_csv
from quizapp.model import (
    Bank,
    ChoiceQuestion,
    Defaults,
    MatchQuestion,
    MultiQuestion,
    Question,
    RejectedAnswer,
    TextQuestion,
    TrueFalseQuestion,
)
from quizapp.paths import shipped_banks_dir
from tests.test_gift_export import BANK, EVERY_TYPE_BANK, _banks, comparable


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def convert(text: str) -> Conversion:
    return import_text(text, "csv", path="f.csv")


def by_column(text: str) -> list[dict[str, str]]:
    header, *body = rows(text)
    return [{key: value for key, value in zip(header, row, strict=True) if value} for row in body]


# ---------------------------------------------------------------- the layout


def test_utf8_with_a_byte_order_mark_and_a_line_end_after_each_row() -> None:
    text = export_csv(BANK).text
    assert text.startswith("\ufefftype,id,prompt,choices,answer,answers,weights,accept,")
    assert text.endswith("\n") and "\r" not in text


def test_one_row_per_question_with_every_field() -> None:
    records = by_column(export_csv(BANK).text)
    assert records[0] == {"type": "bank", "id": "every-type", "title": "Every type"}
    questions = {record["id"]: record for record in records[1:]}
    assert questions["system"] == {
        "type": "choice",
        "id": "system",
        "prompt": "Which system: S-400 or {F-35}?",
        "choices": "S-400\nF-35\nPatriot #2",
        "answer": "S-400",
        "explanation": "Russia delivered it = news.",
        "source": "On July 12, Russia began delivering",
        "tags": "context",
    }
    assert questions["grant"]["answers"] == "Grant\nhis wife"
    assert questions["grant"]["weights"] == "50\n50\n-100"
    assert questions["cleric"]["accept"] == "Gulen\nF*G"
    assert questions["cleric"]["match"] == "exact"
    assert questions["winner"]["text"] == "Clearly a {{winner|victor}} in all this is Putin"
    assert questions["winner"]["quote"] == "Wilson, on the rift"
    assert questions["coup"]["unit"] == "year"
    assert questions["pi"]["tolerance"] == "0.0005"
    assert questions["timeline"]["items"] == "1950s\n2016"
    assert questions["roles"]["pairs"] == (
        "Ross Wilson → ambassador: 2005-2008\nSoner Cagaptay → director"
    )
    assert questions["roles"]["distractors"] == "president"
    assert questions["july"]["answer"] == "false"


def test_question_columns_always_and_fact_columns_when_used() -> None:
    header = rows(export_csv(BANK).text)[0]
    assert header == [*QUESTION_COLUMNS, "title"]
    bank = load_bank(EVERY_TYPE_BANK)
    assert isinstance(bank, Bank)
    header = rows(export_csv(bank).text)[0]
    assert header[len(QUESTION_COLUMNS) :] == [
        "title",
        "description",
        "source.title",
        "source.file",
        "name",
        "kind",
        "role",
        "aliases",
        "when",
        "date",
        "year",
        "approximate",
        "what",
        "actors",
        "note",
        "speaker",
        "context",
    ]
    types = [row[0] for row in rows(export_csv(bank).text)[1:]]
    facts = ["actor", "actor", "event", "event", "quote"]
    assert types == ["bank", *(str(q.type) for q in bank.questions), *facts]


def test_cells_that_spreadsheets_would_run_are_defused_and_read_back() -> None:
    questions = (
        TextQuestion(id="f", prompt='=HYPERLINK("x")', answer="-5", explanation="@SUM(A1)"),
        TextQuestion(id="g", prompt="+1+1", answer="-x", explanation="'=already quoted"),
    )
    bank = Bank(id="b", title="B", questions=questions)
    text = export_csv(bank).text
    records = by_column(text)
    assert [(r["prompt"], r["answer"], r["explanation"]) for r in records[1:]] == [
        ('\'=HYPERLINK("x")', "-5", "'@SUM(A1)"),
        ("'+1+1", "'-x", "''=already quoted"),
    ]
    back = convert(text).bank
    assert back is not None
    assert comparable(back).questions == questions


def test_items_csv_cannot_hold_are_left_out_with_the_reason() -> None:
    questions = (
        ChoiceQuestion(id="c", prompt="P", choices=("one\ntwo", "three"), answer="three"),
        MatchQuestion(id="m", prompt="P", pairs=(("a → b", "1"), ("c", "2"))),
    )
    result = export_csv(Bank(id="b", title="B", questions=questions))
    assert result.written == 0
    assert result.left_out == (
        LeftOut("c", "an item of 'choices' is empty or has a line break, which CSV cannot hold"),
        LeftOut("m", "the left item 'a → b' of a pair contains '→', which CSV cannot hold"),
    )


# ---------------------------------------------------------- reading it back


@pytest.mark.parametrize(
    "path",
    [*sorted(shipped_banks_dir().glob("*.toml")), EVERY_TYPE_BANK],
    ids=lambda path: path.stem,
)
def test_round_trip_of_the_shipped_banks_and_the_every_type_bank(path: Path) -> None:
    bank = load_bank(path)
    assert isinstance(bank, Bank)
    text = export_csv(bank).text
    conversion = convert(text)
    assert conversion.bank is not None, conversion.report
    assert comparable(conversion.bank) == comparable(bank)
    assert export_csv(conversion.bank).text == text


def test_what_a_spreadsheet_may_do_semicolons_capitals_column_order_true_and_blank_rows() -> None:
    text = (
        "Prompt;ID;Type;Answer;Choices\r\n"
        ";;;;\r\n"
        "Is it?;t;true_false;TRUE;\r\n"
        'Pick;c;choice;b;"a\r\nb\r\n"\r\n'
    )
    conversion = convert(text)
    assert conversion.report == ()
    assert conversion.bank is not None
    assert [dataclasses.replace(q, line=0) for q in conversion.bank.questions] == [
        TrueFalseQuestion(id="t", prompt="Is it?", answer=True),
        ChoiceQuestion(id="c", prompt="Pick", choices=("a", "b"), answer="b"),
    ]
    assert (conversion.bank.id, conversion.bank.title) == ("imported", "f.csv")


def test_refused_answers_are_lines_of_inline_tables() -> None:
    question = TextQuestion(
        id="t",
        prompt="How did the U.S. react?",
        answer="defensive",
        reject=(
            RejectedAnswer("offensive", 'It reacted to "protect" itself.'),
            RejectedAnswer("x"),
        ),
    )
    text = export_csv(Bank(id="b", title="B", questions=(question,))).text
    assert by_column(text)[1]["reject"] == (
        '{ answer = "offensive", feedback = "It reacted to \\"protect\\" itself." }\nx'
    )
    back = convert(text).bank
    assert back is not None
    assert comparable(back).questions == (question,)


def test_an_arrow_typed_as_two_characters_separates_a_pair() -> None:
    text = 'type,id,prompt,pairs\nmatch,m,P,"a -> 1\nb -> 2"\n'
    bank = convert(text).bank
    assert bank is not None
    assert bank.questions[0].pairs == (("a", "1"), ("b", "2"))  # type: ignore[union-attr]


def test_problems_are_located_at_row_and_column() -> None:
    text = (
        "type,id,prompt,choices,answer,difficulty,colour\n"
        "choice,a,Pick,x\ny,z,1,red\n"
        "choice,b,Pick,x\ny,x,five,\n"
        ",c,no type,,,,\n"
        "chioce,d,P,,,,\n"
        "text,e,P,,E,2,\n"
    ).replace("x\ny", '"x\ny"')
    conversion = convert(text)
    assert conversion.report == (
        "f.csv:1:7: error: unknown column 'colour'",
        "f.csv:2:5: error: question 'a': 'answer' 'z' is not one of the choices",
        "f.csv:3:6: error: question 'b': 'difficulty' must be an integer 1-3, found string",
        "f.csv:4:1: error: the row has no type (a question type, or bank, actor, event or quote)",
        "f.csv:5:1: error: question 'd': unknown question type 'chioce' -- did you mean "
        "'choice'? (types: choice, multi, true_false, text, cloze, number, order, match, open)",
    )
    assert conversion.bank is not None
    assert [q.id for q in conversion.bank.questions] == ["e"]


def test_a_bank_row_sets_the_bank() -> None:
    text = (
        "type,id,title,source.title,defaults.match,prompt,answer\n"
        "bank,my-bank,My bank,A text,exact,,\n"
        "text,t,,,,Capital?,Ankara\n"
        "bank,again,,,,,\n"
    )
    conversion = convert(text)
    assert conversion.report == ("f.csv:4:1: error: a second bank row (there is one per file)",)
    bank = conversion.bank
    assert bank is not None
    assert (bank.id, bank.title, bank.defaults) == ("my-bank", "My bank", Defaults(match="exact"))
    assert bank.source is not None and bank.source.title == "A text"


def test_a_file_without_a_type_column() -> None:
    conversion = convert("id,prompt\nq,P\n")
    assert conversion.report == (
        "f.csv:1:1: error: no 'type' column: each row needs its type (choice, text, ...)",
    )
    assert conversion.failure == "no question of the file could be converted"


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(_banks())
def test_any_bank_survives_a_csv_round_trip(bank: Bank) -> None:
    result = export_csv(bank)
    kept = {q.id for q in bank.questions} - {item.question_id for item in result.left_out}
    assume(kept)
    conversion = convert(result.text)
    assert conversion.bank is not None, conversion.report
    expected: list[Question] = [q for q in bank.questions if q.id in kept]
    assert list(comparable(conversion.bank).questions) == expected
    assert export_csv(conversion.bank).text == result.text


def test_multi_weights_survive_the_csv_round_trip() -> None:
    question = MultiQuestion(
        id="m", prompt="P", choices=("a", "b", "c"), answers=("a",), weights=(100, -12.5, 0)
    )
    bank = Bank(id="b", title="B", questions=(question,))
    back = convert(export_csv(bank).text).bank
    assert back is not None
    assert comparable(back).questions == (question,)


@given(st.text(alphabet="=+-@'\t\r ab1.", max_size=8).filter(str.strip))
def test_any_text_survives_the_formula_defusing(text: str) -> None:
    bank = Bank(id="b", title="B", questions=(TextQuestion(id="t", prompt=text, answer="a"),))
    back = convert(export_csv(bank).text).bank
    assert back is not None
    assert back.questions[0].prompt == text
