"""The JSON Schema of bank format 1 agrees with the bank validator.

Editors validate a TOML bank against the schema after turning it into JSON
data (dates become text). For every bank here, the schema accepts it if and
only if the validator finds no error -- except for the rules only the
validator can check, which are listed (and documented in
docs/bank-format.md, "Editor support").
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from typing import Any

import jsonschema
import pytest

from quizapp.banks import load_bank_text
from quizapp.commands.new import starter_text
from quizapp.model import Bank, BankError
from quizapp.paths import shipped_banks_dir
from quizapp.schema import SCHEMA_FILE_NAME, schema_path, schema_text

SCHEMA = json.loads(schema_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())

BASE = """\
format = 1

[bank]
id = "base"
title = "Base"

[[actors]]
id = "wilson"
name = "Ross Wilson"
kind = "person"
role = "former U.S. ambassador to Turkey"

[[events]]
id = "coup"
when = "2016"
year = 2016
what = "A coup attempt"
actors = ["wilson"]

[[quotes]]
id = "winner"
text = "Clearly a winner in all this is Putin"
speaker = "wilson"

[[questions]]
id = "system"
type = "choice"
prompt = "Which system?"
choices = ["S-400", "F-35"]
answer = "S-400"
explanation = "Russia began delivering it."
source = "Russia began delivering components of its advanced S-400"
"""


FACTS_ONLY = BASE[: BASE.index("[[questions]]")]


def as_json(value: Any) -> Any:
    """TOML data as an editor hands it to a JSON Schema: dates and times as text."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def schema_errors(text: str) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(as_json(tomllib.loads(text)))]


def loads(text: str) -> Bank | BankError:
    return load_bank_text(text, "bank.toml")


def edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def question(body: str) -> str:
    """BASE with one more question table."""
    return f'{BASE}\n[[questions]]\nexplanation = "E"\nsource = "S"\n{body}\n'


def test_the_schema_is_a_valid_2020_12_schema_shipped_in_the_package() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema_path().name == SCHEMA_FILE_NAME
    assert schema_path().parent.name == "schema"
    assert schema_path().parent.parent.name == "quizapp"


def test_shipped_banks_and_the_starter_are_valid_for_both() -> None:
    texts = [
        path.read_text(encoding="utf-8") for path in sorted(shipped_banks_dir().glob("*.toml"))
    ]
    texts.append(starter_text("starter", "Starter"))
    texts.append(starter_text("starter", "Starter", with_schema=True))
    assert len(texts) >= 3
    for text in texts:
        assert isinstance(loads(text), Bank)
        assert schema_errors(text) == []


VALID = {
    "base": BASE,
    "minimal": 'format = 1\n[bank]\nid = "m"\ntitle = "M"\n[[questions]]\nid = "q"\n'
    'type = "text"\nprompt = "P"\nanswer = "A"\n',
    "event with a date": edit("year = 2016", "date = 2016-07-15"),
    "event with both": edit("year = 2016", "date = 2016-07-15\nyear = 2016"),
    "facts only": FACTS_ONLY,
    "defaults": edit(
        "[[actors]]", '[defaults]\npoints = 2\nmatch = "exact"\ndifficulty = 3\n\n[[actors]]'
    ),
    "cloze without prompt": question('id = "c"\ntype = "cloze"\ntext = "a {{b|c}} d"'),
    "number": question('id = "n"\ntype = "number"\nprompt = "P"\nanswer = 2.5\ntolerance = 0.5'),
    "order": question('id = "o"\ntype = "order"\nprompt = "P"\nitems = ["a", "b"]'),
    "match": question('id = "m"\ntype = "match"\nprompt = "P"\npairs = [["a", "1"], ["b", "2"]]'),
    "multi": question(
        'id = "m"\ntype = "multi"\nprompt = "P"\nchoices = ["a", "b"]\nanswers = ["b"]'
    ),
    "true_false": question('id = "t"\ntype = "true_false"\nprompt = "P"\nanswer = false'),
    "multi with weights": question(
        'id = "m"\ntype = "multi"\nprompt = "P"\nchoices = ["a", "b", "c"]\n'
        'answers = ["a", "b"]\nweights = [50, 50.0, -100]'
    ),
    "multi with no weights": question(
        'id = "m"\ntype = "multi"\nprompt = "P"\nchoices = ["a", "b"]\nanswers = ["b"]\n'
        "weights = []"
    ),
    "match with distractors": question(
        'id = "m"\ntype = "match"\nprompt = "P"\npairs = [["a", "1"], ["b", "2"]]\n'
        'distractors = ["3", "4"]'
    ),
    "text with reject": question(
        'id = "t"\ntype = "text"\nprompt = "P"\nanswer = "defensive"\n'
        'reject = ["offensive", { answer = "aggressive", feedback = "Too strong." }]'
    ),
    "cloze with reject": question(
        'id = "c"\ntype = "cloze"\ntext = "a {{b}} {{c}}"\n'
        'reject = [{ answer = "x", gap = 2, feedback = "No." }, "y"]'
    ),
    "every limit reached": question(
        f'id = "{"n" * 100}"\ntype = "number"\nprompt = "{"p" * 10_000}"\npoints = 1000\n'
        "answer = -1_000_000_000_000_000\ntolerance = 1e15\n"
        "tags = [" + ", ".join(f'"{n:03}{"t" * 997}"' for n in range(100)) + "]"
    ),
    "open": question(
        'id = "o"\ntype = "open"\nprompt = "P"\nmodel_answer = "M"\nkey_points = ["a", "b"]'
    ),
    "generation switches": edit('title = "Base"', 'title = "Base"\ngenerate = ["speaker"]')
    .replace('role = "former', 'author = true\ngenerate = false\nrole = "former')
    .replace("year = 2016", 'year = 2016\ngenerate = ["when", "year"]')
    .replace('speaker = "wilson"', 'speaker = "wilson"\ngenerate = true'),
    "open without key points": question(
        'id = "o"\ntype = "open"\nprompt = "P"\nmodel_answer = "M"\npoints = 3'
    ),
}


@pytest.mark.parametrize("text", VALID.values(), ids=VALID.keys())
def test_valid_banks_are_valid_for_both(text: str) -> None:
    assert isinstance(loads(text), Bank)
    assert schema_errors(text) == []


#: Each bank breaks one rule the schema expresses.
INVALID = {
    "missing format": edit("format = 1\n", ""),
    "newer format": edit("format = 1", "format = 2"),
    "missing title": edit('title = "Base"\n', ""),
    "blank title": edit('title = "Base"', 'title = "  "'),
    "title not a string": edit('title = "Base"', "title = 3"),
    "bank id with capitals": edit('id = "base"', 'id = "Base"'),
    "question id with a space": edit('id = "system"', 'id = "the system"'),
    "unknown top-level key": edit("format = 1\n", "format = 1\nanwser = 1\n"),
    "unknown bank key": edit('title = "Base"', 'title = "Base"\ncolour = "red"'),
    "unknown source key": edit(
        'title = "Base"', 'title = "Base"\n[bank.source]\ntitle = "T"\npages = 3'
    ),
    "source without title": edit('title = "Base"', 'title = "Base"\n[bank.source]\nauthor = "A"'),
    "unknown question key": edit('answer = "S-400"', 'answer = "S-400"\nanwser = "S-400"'),
    "key of another type": edit('answer = "S-400"', 'answer = "S-400"\nitems = ["a", "b"]'),
    "unknown question type": edit('type = "choice"', 'type = "choise"'),
    "missing type": edit('type = "choice"\n', ""),
    "bad match mode": edit("[[actors]]", '[defaults]\nmatch = "fuzzy"\n\n[[actors]]'),
    "difficulty out of range": edit('answer = "S-400"', 'answer = "S-400"\ndifficulty = 4'),
    "zero points": edit('answer = "S-400"', 'answer = "S-400"\npoints = 0'),
    "one choice": edit('choices = ["S-400", "F-35"]', 'choices = ["S-400"]'),
    "repeated choice": edit('choices = ["S-400", "F-35"]', 'choices = ["S-400", "S-400"]'),
    "blank choice": edit('choices = ["S-400", "F-35"]', 'choices = ["S-400", " "]'),
    "missing prompt": edit('prompt = "Which system?"\n', ""),
    "tags not strings": edit('answer = "S-400"', 'answer = "S-400"\ntags = [1]'),
    "text without answer": question('id = "t"\ntype = "text"\nprompt = "P"'),
    "true_false answer as text": question(
        'id = "t"\ntype = "true_false"\nprompt = "P"\nanswer = "true"'
    ),
    "negative tolerance": question(
        'id = "n"\ntype = "number"\nprompt = "P"\nanswer = 1\ntolerance = -1'
    ),
    "number answer as text": question('id = "n"\ntype = "number"\nprompt = "P"\nanswer = "2016"'),
    "cloze without a gap": question('id = "c"\ntype = "cloze"\ntext = "no gap here"'),
    "multi without answers": question(
        'id = "m"\ntype = "multi"\nprompt = "P"\nchoices = ["a", "b"]\nanswers = []'
    ),
    "order with one item": question('id = "o"\ntype = "order"\nprompt = "P"\nitems = ["a"]'),
    "match with one pair": question('id = "m"\ntype = "match"\nprompt = "P"\npairs = [["a", "1"]]'),
    "pair of three": question(
        'id = "m"\ntype = "match"\nprompt = "P"\npairs = [["a", "1", "x"], ["b", "2"]]'
    ),
    "actor without role": edit('role = "former U.S. ambassador to Turkey"\n', ""),
    "unknown actor key": edit('kind = "person"', 'kind = "person"\nage = 60'),
    "event without date or year": edit("year = 2016\n", ""),
    "event date not a date": edit("year = 2016", 'date = "July 12"'),
    "year zero": edit("year = 2016", "year = 0"),
    "approximate as text": edit("year = 2016", 'year = 2016\napproximate = "yes"'),
    "quote without speaker": edit('speaker = "wilson"\n', ""),
    "questions as a table": BASE.replace("[[questions]]", "[questions]"),
    "weight above 100": question(
        'id = "m"\ntype = "multi"\nprompt = "P"\nchoices = ["a", "b"]\nanswers = ["a"]\n'
        "weights = [150, 0]"
    ),
    "weight as text": question(
        'id = "m"\ntype = "multi"\nprompt = "P"\nchoices = ["a", "b"]\nanswers = ["a"]\n'
        'weights = ["100", 0]'
    ),
    "101 distractors": question(
        'id = "m"\ntype = "match"\nprompt = "P"\npairs = [["a", "1"], ["b", "2"]]\n'
        "distractors = [" + ", ".join(f'"d{n}"' for n in range(101)) + "]"
    ),
    "repeated distractor": question(
        'id = "m"\ntype = "match"\nprompt = "P"\npairs = [["a", "1"], ["b", "2"]]\n'
        'distractors = ["3", "3"]'
    ),
    "weights on a choice question": edit('answer = "S-400"', 'answer = "S-400"\nweights = [1, 0]'),
    "reject not an array": question(
        'id = "t"\ntype = "text"\nprompt = "P"\nanswer = "a"\nreject = "b"'
    ),
    "blank reject": question('id = "t"\ntype = "text"\nprompt = "P"\nanswer = "a"\nreject = [" "]'),
    "reject table without answer": question(
        'id = "t"\ntype = "text"\nprompt = "P"\nanswer = "a"\nreject = [{ feedback = "f" }]'
    ),
    "unknown reject key": question(
        'id = "t"\ntype = "text"\nprompt = "P"\nanswer = "a"\n'
        'reject = [{ answer = "b", why = "f" }]'
    ),
    "reject gap in a text question": question(
        'id = "t"\ntype = "text"\nprompt = "P"\nanswer = "a"\nreject = [{ answer = "b", gap = 1 }]'
    ),
    "reject gap 0": question(
        'id = "c"\ntype = "cloze"\ntext = "a {{b}}"\nreject = [{ answer = "x", gap = 0 }]'
    ),
    "reject in a choice question": edit('answer = "S-400"', 'answer = "S-400"\nreject = ["F-35"]'),
    # The limits (docs/bank-format.md, "Limits").
    "an id of 101 characters": edit('id = "system"', f'id = "{"s" * 101}"'),
    "a bank id of 101 characters": edit('id = "base"', f'id = "{"b" * 101}"'),
    "a prompt of 10,001 characters": edit('prompt = "Which system?"', f'prompt = "{"p" * 10_001}"'),
    "a choice of 1,001 characters": edit('"F-35"]', f'"F-35", "{"c" * 1_001}"]'),
    "101 choices": edit('"F-35"]', '"F-35", ' + ", ".join(f'"c{n}"' for n in range(99)) + "]"),
    "101 tags": edit(
        'answer = "S-400"', 'answer = "S-400"\ntags = [' + ", ".join(['"t"'] * 101) + "]"
    ),
    "1,001 points": edit('answer = "S-400"', 'answer = "S-400"\npoints = 1001'),
    "default points over 1,000": edit("[[actors]]", "[defaults]\npoints = 5000\n\n[[actors]]"),
    "an infinite number": question('id = "n"\ntype = "number"\nprompt = "P"\nanswer = inf'),
    "a number answer over 10^15": question(
        'id = "n"\ntype = "number"\nprompt = "P"\nanswer = 1e16'
    ),
    "a huge integer answer": question(
        f'id = "n"\ntype = "number"\nprompt = "P"\nanswer = {10**40}'
    ),
    "a tolerance over 10^15": question(
        'id = "n"\ntype = "number"\nprompt = "P"\nanswer = 1\ntolerance = 1e300'
    ),
    "101 pairs": question(
        'id = "m"\ntype = "match"\nprompt = "P"\npairs = ['
        + ", ".join(f'["l{n}", "r{n}"]' for n in range(101))
        + "]"
    ),
    "a source file path of 4,001 characters": edit(
        'title = "Base"', f'title = "Base"\n[bank.source]\ntitle = "T"\nfile = "{"d/" * 2000}a"'
    ),
    "unknown bank generated kind": edit('title = "Base"', 'title = "Base"\ngenerate = ["who"]'),
    "a quote kind on an event": edit("year = 2016", 'year = 2016\ngenerate = ["speaker"]'),
    "a repeated kind": edit(
        'speaker = "wilson"', 'speaker = "wilson"\ngenerate = ["cloze", "cloze"]'
    ),
    "author as text": edit('kind = "person"', 'kind = "person"\nauthor = "yes"'),
    "open without model answer": question('id = "o"\ntype = "open"\nprompt = "P"'),
    "open with a blank model answer": question(
        'id = "o"\ntype = "open"\nprompt = "P"\nmodel_answer = " "'
    ),
    "open with an answer": question(
        'id = "o"\ntype = "open"\nprompt = "P"\nmodel_answer = "M"\nanswer = "A"'
    ),
    "open with a repeated key point": question(
        'id = "o"\ntype = "open"\nprompt = "P"\nmodel_answer = "M"\nkey_points = ["a", "a"]'
    ),
    "open with points as a list": question(
        'id = "o"\ntype = "open"\nprompt = "P"\nmodel_answer = "M"\npoints = ["a"]'
    ),
    "open with 101 key points": question(
        'id = "o"\ntype = "open"\nprompt = "P"\nmodel_answer = "M"\nkey_points = ['
        + ", ".join(f'"k{n}"' for n in range(101))
        + "]"
    ),
}


@pytest.mark.parametrize("text", INVALID.values(), ids=INVALID.keys())
def test_invalid_banks_are_invalid_for_both(text: str) -> None:
    assert isinstance(loads(text), BankError)
    assert schema_errors(text) != []


#: Rules the schema cannot express: the validator alone reports these, and
#: docs/bank-format.md lists them.
VALIDATOR_ONLY = {
    "answer not among the choices": edit('answer = "S-400"', 'answer = "Patriot"'),
    "multi answers not among the choices": question(
        'id = "m"\ntype = "multi"\nprompt = "P"\nchoices = ["a", "b"]\nanswers = ["c"]'
    ),
    "an id used twice": edit('id = "system"', 'id = "wilson"'),
    "speaker is not an actor": edit('speaker = "wilson"', 'speaker = "putin"'),
    "event actor is not an actor": edit('actors = ["wilson"]', 'actors = ["gulen"]'),
    "about names no fact": edit('answer = "S-400"', 'answer = "S-400"\nabout = ["nothing"]'),
    "year does not match date": edit("year = 2016", "date = 2016-07-15\nyear = 2017"),
    "date in quotes": edit("year = 2016", 'date = "2016-07-15"'),
    "nothing to ask": 'format = 1\n[bank]\nid = "e"\ntitle = "E"\n',
    "facts but generation off": FACTS_ONLY.replace(
        'title = "Base"', 'title = "Base"\ngenerate = false'
    ),
    "a repeated pair item": question(
        'id = "m"\ntype = "match"\nprompt = "P"\npairs = [["a", "1"], ["b", "1"]]'
    ),
    "an empty gap": question('id = "c"\ntype = "cloze"\ntext = "a {{ }} b"'),
    "an unclosed gap": question('id = "c"\ntype = "cloze"\ntext = "a {{b}} c {{d"'),
    "a whole float for an integer": edit('answer = "S-400"', 'answer = "S-400"\npoints = 2.0'),
    "a weight per choice": question(
        'id = "m"\ntype = "multi"\nprompt = "P"\nchoices = ["a", "b"]\nanswers = ["a"]\n'
        "weights = [100]"
    ),
    "a positive weight on a wrong choice": question(
        'id = "m"\ntype = "multi"\nprompt = "P"\nchoices = ["a", "b"]\nanswers = ["a"]\n'
        "weights = [100, 10]"
    ),
    "a distractor that is a right item": question(
        'id = "m"\ntype = "match"\nprompt = "P"\npairs = [["a", "1"], ["b", "2"]]\n'
        'distractors = ["2"]'
    ),
    "not a number": question('id = "n"\ntype = "number"\nprompt = "P"\nanswer = nan'),
    "a cloze text with 101 gaps": question(
        f'id = "c"\ntype = "cloze"\ntext = "{"a {{b}} " * 101}"'
    ),
    "a source file with a NUL byte": edit(
        'title = "Base"', 'title = "Base"\n[bank.source]\ntitle = "T"\nfile = "a\\u0000b.txt"'
    ),
    "a source file name of 256 bytes": edit(
        'title = "Base"', f'title = "Base"\n[bank.source]\ntitle = "T"\nfile = "{"n" * 256}"'
    ),
}


@pytest.mark.parametrize("text", VALIDATOR_ONLY.values(), ids=VALIDATOR_ONLY.keys())
def test_rules_only_the_validator_checks(text: str) -> None:
    assert isinstance(loads(text), BankError)
    assert schema_errors(text) == []


def test_schema_errors_name_the_problem() -> None:
    assert schema_errors(edit('id = "base"', 'id = "Base"')) == [
        "'Base' does not match '^[a-z0-9_.-]+$'"
    ]
    assert schema_errors(edit('title = "Base"', 'title = "Base"\ncolour = "red"')) == [
        "Additional properties are not allowed ('colour' was unexpected)"
    ]
