"""``quizapp new``: the starter bank and the command that writes it."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from quizapp.banks import check_source_excerpts, load_bank
from quizapp.cli import main
from quizapp.commands.new import default_bank_id, default_title, starter_text
from quizapp.model import Bank, QuestionType
from quizapp.schema import SCHEMA_FILE_NAME, schema_path
from tests.test_schema import as_json


def write_starter(tmp_path: Path, *args: str) -> Path:
    path = tmp_path / "my-bank.toml"
    assert main(["new", str(path), *args]) == 0
    return path


def test_starter_passes_check_with_no_problem_at_all(tmp_path: Path) -> None:
    bank = load_bank(write_starter(tmp_path))
    assert isinstance(bank, Bank), bank
    assert bank.warnings == ()
    assert main(["check", str(tmp_path / "my-bank.toml"), "--strict"]) == 0


def test_starter_excerpts_are_verbatim_in_the_article(tmp_path: Path, article_text: str) -> None:
    path = write_starter(tmp_path)
    bank = load_bank(path)
    assert isinstance(bank, Bank)
    assert check_source_excerpts(bank, article_text) == []


def test_starter_has_every_question_type_and_fact_table(tmp_path: Path) -> None:
    bank = load_bank(write_starter(tmp_path))
    assert isinstance(bank, Bank)
    assert sorted(str(q.type) for q in bank.questions) == sorted(str(t) for t in QuestionType)
    assert bank.actors and bank.events and bank.quotes
    assert {e.approximate for e in bank.events} == {True, False}
    assert {e.year is None for e in bank.events} == {False}
    assert bank.source is not None and bank.generate


def test_starter_explains_each_question_type(tmp_path: Path) -> None:
    text = write_starter(tmp_path).read_text(encoding="utf-8")
    for kind in QuestionType:
        comment = f"# {kind}: "
        assert comment in text, comment
        assert text.index(comment) < text.index(f'type = "{kind}"')
    for table in ("[bank]", "[bank.source]", "[defaults]", "[[actors]]", "[[events]]"):
        assert table in text
    assert "[[quotes]]" in text and "[[questions]]" in text


def test_output_and_defaults_from_the_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "European_Capitals 2024.toml"
    assert main(["new", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Wrote {path}: a starter bank with an example of every question type.",
        "Next steps:",
        f"  1. Edit {path}: replace the examples with your own facts and questions;",
        "     the comments explain each key.",
        f"  2. Check it:  quizapp check {path}",
        f"     and prove every excerpt against your text:  quizapp check {path} --source TEXT.txt",
        f"  3. Try it:    quizapp {path}",
        "  4. Share it:  give others the file, or export it for Moodle:  "
        f"quizapp export {path} --format gift",
    ]
    bank = load_bank(path)
    assert isinstance(bank, Bank)
    assert (bank.id, bank.title) == ("european-capitals-2024", "European Capitals 2024")


def test_id_and_title_options_are_written_as_toml_strings(tmp_path: Path) -> None:
    path = write_starter(tmp_path, "--id", "s400.mine", "--title", 'Say "hi" \\ to Ankara')
    bank = load_bank(path)
    assert isinstance(bank, Bank)
    assert (bank.id, bank.title) == ("s400.mine", 'Say "hi" \\ to Ankara')


@pytest.mark.parametrize(
    ("name", "bank_id", "title"),
    [
        ("capitals.toml", "capitals", "Capitals"),
        ("s400_dates.toml", "s400_dates", "S400 dates"),
        ("Année-1.toml", "annee-1", "Année 1"),
    ],
)
def test_default_id_and_title(name: str, bank_id: str, title: str) -> None:
    assert (default_bank_id(Path(name)), default_title(Path(name))) == (bank_id, title)


def test_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bank.toml"
    path.write_text("mine", encoding="utf-8")
    assert main(["new", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"quizapp new: {path} already exists; use --force to overwrite it\n"
    )
    assert path.read_text(encoding="utf-8") == "mine"
    assert main(["new", str(path), "--force"]) == 0
    assert isinstance(load_bank(path), Bank)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x.txt"], "x.txt: a bank file name ends in .toml (quizapp loads *.toml files)"),
        (
            ["x.toml", "--id", "My Bank"],
            "bank id 'My Bank' may only use lower-case letters, digits, '-', '_' and '.'",
        ),
        (["x.toml", "--title", "  "], "the title must not be empty"),
    ],
)
def test_usage_errors(
    args: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", *args]) == 2
    assert capsys.readouterr().err == f"quizapp new: {message}\n"
    assert list(tmp_path.iterdir()) == []


def test_with_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_starter(tmp_path, "--with-schema")
    schema_copy = tmp_path / SCHEMA_FILE_NAME
    assert capsys.readouterr().out.splitlines()[1] == (
        f"Wrote {schema_copy}: editors that read the #:schema line check the bank as you type."
    )
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#:schema ./bank-v1.schema.json\n# A quizapp question bank")
    assert schema_copy.read_bytes() == schema_path().read_bytes()
    bank = load_bank(path)
    assert isinstance(bank, Bank) and bank.warnings == ()
    schema = json.loads(schema_copy.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(as_json(tomllib.loads(text)))) == []


def test_with_schema_never_replaces_another_schema_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema_copy = tmp_path / SCHEMA_FILE_NAME
    schema_copy.write_text("{}", encoding="utf-8")
    bank = tmp_path / "bank.toml"
    assert main(["new", str(bank), "--with-schema"]) == 2
    assert capsys.readouterr() == (
        "",
        f"quizapp new: {schema_copy} already exists; use --force to overwrite it\n",
    )
    assert schema_copy.read_text(encoding="utf-8") == "{}"
    assert not bank.exists()  # nothing written when one of the two files is refused
    assert main(["new", str(bank), "--with-schema", "--force"]) == 0
    assert schema_copy.read_bytes() == schema_path().read_bytes()
    capsys.readouterr()
    # A second bank in the same folder keeps the schema that is already there.
    assert main(["new", str(tmp_path / "second.toml"), "--with-schema"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        f"Kept {schema_copy}: it is already this version's schema."
    )


def test_without_schema_the_starter_explains_the_option() -> None:
    text = starter_text("b", "B")
    assert not text.startswith("#:schema")
    assert "`quizapp new FILE --with-schema`" in text
    assert '"#:schema ./bank-v1.schema.json"' in text


def test_teacher_commands_do_not_import_textual(tmp_path: Path) -> None:
    import subprocess
    import sys

    bank = tmp_path / "b.toml"
    script = (
        "import sys\n"
        "from quizapp.cli import main\n"
        f"assert main(['new', {str(bank)!r}]) == 0\n"
        f"assert main(['export', {str(bank)!r}, '--format', 'gift', '--generated']) == 0\n"
        "import quizapp.commands.import_, quizapp.interchange.aiken\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
