"""Finding banks: shipped, the user's folder, paths given; broken files next
to good ones; the same file twice; two files with one bank id."""

from __future__ import annotations

import shutil
from pathlib import Path

from quizapp.banks import discover_banks
from quizapp.model import Bank, BankError
from quizapp.paths import banks_dir, shipped_banks_dir

DATA = Path(__file__).parent / "data" / "banks"


def bank_text(bank_id: str) -> str:
    return (
        f'format = 1\n[bank]\nid = "{bank_id}"\ntitle = "Bank {bank_id}"\n\n'
        '[[questions]]\nid = "q"\ntype = "true_false"\nprompt = "P."\nanswer = true\n'
        'explanation = "E."\nsource = "S."\n'
    )


def summary(results: list[Bank | BankError]) -> list[tuple[str, str]]:
    """(file name, bank id or "error") per result, in order."""
    return [
        (
            result.path.name if result.path else "?",
            result.id if isinstance(result, Bank) else "error",
        )
        for result in results
    ]


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(bank_text("a"), encoding="utf-8")
    (tmp_path / "b.toml").write_text("format = 1\n[bank\n", encoding="utf-8")
    (tmp_path / "c.toml").write_text(bank_text("c"), encoding="utf-8")
    results = discover_banks([tmp_path], shipped=False, user_dir=False)
    assert summary(results) == [("a.toml", "a"), ("b.toml", "error"), ("c.toml", "c")]
    broken = results[1]
    assert isinstance(broken, BankError)
    assert broken.first.location.line == 2


def test_folders_are_scanned_for_toml_files_sorted_by_name(tmp_path: Path) -> None:
    for name in ("b.toml", "a.toml", "notes.txt", ".#a.toml", "c.TOML.bak"):
        (tmp_path / name).write_text(bank_text(name.split(".")[0] or "hidden"), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.toml").write_text(bank_text("d"), encoding="utf-8")
    results = discover_banks([tmp_path], shipped=False, user_dir=False)
    assert summary(results) == [("a.toml", "a"), ("b.toml", "b")]


def test_the_same_file_twice_is_loaded_once(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(bank_text("a"), encoding="utf-8")
    results = discover_banks(
        [tmp_path, path, tmp_path / "." / "a.toml"], shipped=False, user_dir=False
    )
    assert summary(results) == [("a.toml", "a")]


def test_a_second_file_with_the_same_bank_id_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "first.toml").write_text(bank_text("same"), encoding="utf-8")
    (tmp_path / "second.toml").write_text(bank_text("same"), encoding="utf-8")
    results = discover_banks([tmp_path], shipped=False, user_dir=False)
    assert summary(results) == [("first.toml", "same"), ("second.toml", "error")]
    clash = results[1]
    assert isinstance(clash, BankError)
    assert [str(problem) for problem in clash.problems] == [
        f"{tmp_path / 'second.toml'}:3:1: bank id 'same' is already used by "
        f"{tmp_path / 'first.toml'}; give this bank another id"
    ]


def test_a_missing_path_is_an_error_result(tmp_path: Path) -> None:
    missing = tmp_path / "gone.toml"
    results = discover_banks([missing], shipped=False, user_dir=False)
    assert summary(results) == [("gone.toml", "error")]
    assert isinstance(results[0], BankError)
    assert str(results[0].first) == f"{missing}:1:1: no such file"


def test_user_folder_is_read_but_never_created() -> None:
    folder = banks_dir()
    assert not folder.exists()
    assert discover_banks(shipped=False) == []
    assert not folder.exists()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(bank_text("mine"), encoding="utf-8")
    assert summary(discover_banks(shipped=False)) == [("mine.toml", "mine")]


def test_shipped_banks_come_first_then_user_banks_then_paths(tmp_path: Path) -> None:
    folder = banks_dir(create=True)
    (folder / "mine.toml").write_text(bank_text("mine"), encoding="utf-8")
    extra = tmp_path / "extra.toml"
    extra.write_text(bank_text("extra"), encoding="utf-8")
    results = discover_banks([extra])
    shipped = sorted(path.name for path in shipped_banks_dir().glob("*.toml"))
    names = [name for name, _ in summary(results)]
    assert names == [*shipped, "mine.toml", "extra.toml"]
    assert all(isinstance(result, Bank) for result in results)


def test_fixture_folder(tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    shutil.copytree(DATA, folder)
    results = discover_banks([folder], shipped=False, user_dir=False)
    assert summary(results) == [
        ("broken.toml", "error"),
        ("every-type.toml", "solar-system"),
        ("syntax-error.toml", "error"),
        ("warnings-only.toml", "warnings-only"),
    ]
    every_type = results[1]
    assert isinstance(every_type, Bank)
    assert every_type.source_path() == folder / "solar-system.txt"
    assert {question.type for question in every_type.questions} == {
        "choice",
        "multi",
        "true_false",
        "text",
        "cloze",
        "number",
        "order",
        "match",
    }
