"""A generated corpus of bad banks beside good ones: nothing raises, the good
banks always load.

More than 250 bad bank files (TOML syntax, a wrong type at every key, every
limit, special files, odd paths, markup and escape sequences in every field)
go through ``quizapp check`` and through `discover_banks`, the loader the TUI
uses. Every bad file must come back as located problems of its own (never a
traceback, never an "internal error"), the two good banks beside them must
load, and everything ``check`` prints must be terminal-safe.
"""

from __future__ import annotations

import copy
import datetime as dt
import errno
import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from quizapp.banks import discover_banks, load_bank
from quizapp.cli import main
from quizapp.model import Bank, BankError
from tests.test_cli_hostile import assert_terminal_safe

DATA = Path(__file__).parent / "data" / "banks"
HOSTILE = "[b]x[/b] [@click=app.quit]y[/] \x1b[2J\x1b]0;t\x07\x9b6n \u202e ${x} \x00\x7f"
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False

BASE: dict[str, Any] = {
    "format": 1,
    "bank": {
        "id": "base",
        "title": "Base",
        "description": "A description.",
        "tags": ["t"],
        "generate": True,
        "source": {"title": "T", "author": "A", "url": "https://example.invalid", "file": "s.txt"},
    },
    "defaults": {"points": 1, "match": "lenient", "difficulty": 1},
    "actors": [
        {
            "id": "ann",
            "name": "Ann",
            "kind": "person",
            "role": "a role",
            "aliases": ["A."],
            "description": "D.",
            "source": "S.",
        },
        {"id": "bob", "name": "Bob", "kind": "person", "role": "another role"},
        {"id": "cid", "name": "Cid", "kind": "group", "role": "a third role"},
    ],
    "events": [
        {
            "id": "e1",
            "when": "then",
            "date": dt.date(2016, 7, 15),
            "approximate": False,
            "what": "W.",
            "actors": ["ann"],
            "note": "N.",
            "source": "S.",
        },
        {"id": "e2", "when": "later", "year": 2017, "what": "X."},
        {"id": "e3", "when": "last", "year": 2018, "what": "Y."},
    ],
    "quotes": [
        {
            "id": "q1",
            "text": "A quote of some words",
            "speaker": "ann",
            "context": "C.",
            "source": "S.",
        }
    ],
    "questions": [
        {
            "id": "choice",
            "type": "choice",
            "prompt": "P?",
            "choices": ["a", "b"],
            "answer": "a",
            "explanation": "E.",
            "source": "S.",
            "tags": ["t"],
            "difficulty": 2,
            "points": 2,
            "quote": "Q.",
            "about": ["ann"],
        },
        {"id": "multi", "type": "multi", "prompt": "P?", "choices": ["a", "b"], "answers": ["a"]},
        {"id": "tf", "type": "true_false", "prompt": "P?", "answer": True},
        {
            "id": "text",
            "type": "text",
            "prompt": "P?",
            "answer": "a",
            "accept": ["b"],
            "match": "exact",
        },
        {"id": "cloze", "type": "cloze", "text": "a {{b}} c", "match": "normal"},
        {
            "id": "number",
            "type": "number",
            "prompt": "P?",
            "answer": 2016,
            "tolerance": 1,
            "unit": "u",
        },
        {"id": "order", "type": "order", "prompt": "P?", "items": ["a", "b"]},
        {"id": "match", "type": "match", "prompt": "P?", "pairs": [["a", "1"], ["b", "2"]]},
    ],
}


def tables(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(label, table) for every table of a bank's data."""
    yield "top", data
    yield "bank", data["bank"]
    yield "source", data["bank"]["source"]
    yield "defaults", data["defaults"]
    for name in ("actors", "events", "quotes", "questions"):
        for index, table in enumerate(data[name]):
            yield f"{name}{index}", table


def wrong_values(value: object) -> list[object]:
    """Values of other types than ``value`` (and empty ones)."""
    if isinstance(value, bool):
        return ["yes", 1]
    if isinstance(value, int):
        return ["1", [1], True]
    if isinstance(value, str):
        return [3, ["x"], {"a": "b"}]
    if isinstance(value, list):
        return ["x", [1, 2], [" "], {"a": 1}]
    if isinstance(value, dt.date):
        return ["2016-07-15", dt.datetime(2016, 7, 15, 1, 2)]
    return ["x", 1]  # a table


def type_errors() -> Iterator[tuple[str, dict[str, Any]]]:
    """BASE with one wrong value at a time, at every key."""
    for label, table in tables(BASE):
        for key, value in table.items():
            if label == "top" and key != "format":
                continue
            for number, wrong in enumerate(wrong_values(value)):
                data = copy.deepcopy(BASE)
                dict(tables(data))[label][key] = wrong
                yield f"type-{label}-{key}-{number}", data


def hostile_text() -> Iterator[tuple[str, dict[str, Any]]]:
    """Markup and escapes in every string of BASE, with an unknown key named
    with them (so that every one of these banks has an error to report)."""
    for label, table in tables(BASE):
        for key, value in table.items():
            if isinstance(value, str) or (isinstance(value, list) and value):
                data = copy.deepcopy(BASE)
                target = dict(tables(data))[label]
                if isinstance(value, str):
                    target[key] = f"{value}{HOSTILE}"
                else:
                    target[key] = [
                        [f"{side}{HOSTILE}" for side in item]
                        if isinstance(item, list)
                        else f"{item}{HOSTILE}"
                        for item in value
                    ]
                target[f"k{HOSTILE}"] = HOSTILE
                yield f"markup-{label}-{key}", data


def limits() -> Iterator[tuple[str, dict[str, Any]]]:
    """BASE with one limit passed at a time."""
    many = [f"i{n}" for n in range(101)]
    edits: dict[str, tuple[str, str, object]] = {
        "id": ("questions0", "id", "q" * 101),
        "bank-id": ("bank", "id", "b" * 101),
        "prompt": ("questions0", "prompt", "p" * 10_001),
        "explanation": ("questions0", "explanation", "e" * 10_001),
        "description": ("bank", "description", "d" * 10_001),
        "role": ("actors0", "role", "r" * 10_001),
        "choice": ("questions0", "choices", ["a", "b" * 1_001]),
        "choices": ("questions0", "choices", many),
        "answers": ("questions1", "answers", many),
        "tags": ("questions0", "tags", many),
        "aliases": ("actors0", "aliases", many),
        "about": ("questions0", "about", many),
        "accept": ("questions3", "accept", many),
        "items": ("questions6", "items", many),
        "pairs": ("questions7", "pairs", [[f"l{n}", f"r{n}"] for n in range(101)]),
        "pair-side": ("questions7", "pairs", [["a", "1" * 1_001], ["b", "2"]]),
        "gaps": ("questions4", "text", "{{a}} " * 101),
        "points": ("questions0", "points", 1_001),
        "huge-points": ("questions0", "points", 10**400),
        "default-points": ("defaults", "points", 10**30),
        "difficulty": ("questions0", "difficulty", 10**100),
        "answer": ("questions5", "answer", 10**400),
        "answer-float": ("questions5", "answer", 1e300),
        "answer-inf": ("questions5", "answer", float("inf")),
        "answer-nan": ("questions5", "answer", float("nan")),
        "tolerance": ("questions5", "tolerance", 10**400),
        "tolerance-inf": ("questions5", "tolerance", float("inf")),
        "year": ("events1", "year", 10**30),
        "year-zero": ("events1", "year", 0),
        "year-negative": ("events1", "year", -500),
        "year-10000": ("events1", "year", 10_000),
        "format-huge": ("top", "format", 10**100),
        "format-negative": ("top", "format", -(10**100)),
        "file-nul": ("source", "file", "a\x00b.txt"),
        "file-escape": ("source", "file", "\x1b]0;t\x07.txt"),
        "file-long-name": ("source", "file", "x" * 5_000),
        "file-long-path": ("source", "file", "d/" * 2_500 + "x"),
        "file-long-part": ("source", "file", "d/" + "x" * 256 + "/y.txt"),
        "unknown-keys": ("questions0", "k", None),
    }
    for name, (label, key, value) in edits.items():
        data = copy.deepcopy(BASE)
        target = dict(tables(data))[label]
        if name == "unknown-keys":  # more problems than are kept
            target.update({f"unknown{n}": n for n in range(1_000)})
        else:
            target[key] = value
        yield f"limit-{name}", data


SYNTAX = {
    "empty": "",
    "comments-only": "# nothing\n",
    "format-only": "format = 1\n",
    "unclosed-string": 'format = 1\n[bank]\nid = "x\n',
    "unclosed-header": "format = 1\n[bank\n",
    "duplicate-key": "format = 1\nformat = 1\n",
    "duplicate-table": "format = 1\n[bank]\n[bank]\n",
    "bare-word": "format = 1\n[bank]\nid = hello\n",
    "no-value": "format = 1\n[bank]\nid =\n",
    "bad-escape": 'format = 1\n[bank]\nid = "\\q"\n',
    "surrogate-escape": 'format = 1\n[bank]\nid = "\\uD800"\n',
    "raw-control": 'format = 1\n[bank]\nid = "a\x01b"\n',
    "raw-escape": 'format = 1\n[bank]\ntitle = "\x1b[2J"\n',
    "nul": 'format = 1\n[bank]\nid = "a\x00"\n',
    "bad-date": "format = 1\n[[events]]\ndate = 2016-13-45\n",
    "deep-arrays": "format = 1\nx = " + "[" * 100_000 + "]" * 100_000 + "\n",
    "deep-tables": "format = 1\nx = " + "{a = " * 5_000 + "1" + "}" * 5_000 + "\n",
    "huge-integer": "format = 1\nx = " + "9" * 5_000 + "\n",
    "long-line": 'format = 1\n[bank]\ntitle = "' + "t" * 1_000_000 + '"\n',
    "cr-only": 'format = 1\r[bank]\rid = "x"\r',
    "array-of-tables-clash": 'format = 1\n[bank]\nid = "x"\n[[bank]]\n',
    "questions-table": 'format = 1\n[bank]\nid = "x"\ntitle = "X"\n[questions]\nid = "q"\n',
    "dotted-clash": 'format = 1\nbank.id = "x"\n[bank]\ntitle = "X"\n',
    "inline-then-table": 'format = 1\nbank = {id = "x"}\n[bank.source]\n',
    "unicode-key": 'format = 1\n[bank]\n"\u202eid" = "x"\n',
    "newer-format": "format = 2\n",
    "no-bank": 'format = 1\n[[questions]]\nid = "q"\n',
    "markup-syntax": "format = 1\n[b]x[/b]\n",
    "bom-garbage": "\ufeff\x00\x01\x02",
    "many-errors": 'format = 1\n[bank]\nid = "m"\ntitle = "M"\n'
    + "".join(f'[[questions]]\nid = "q{n}"\ntype = "choise"\n' for n in range(300)),
}


def write_corpus(folder: Path) -> tuple[list[Path], list[Path], list[Path]]:
    """Write the corpus into ``folder``: (bad files, banks that load with a
    warning, extra paths to name on the command line)."""
    bad: list[Path] = []
    generated = [*type_errors(), *hostile_text(), *limits()]
    for number, (name, data) in enumerate(generated):
        bank = data.get("bank")
        if isinstance(bank, dict) and bank.get("id") == "base":
            bank["id"] = f"corpus{number}"  # no clashes: each bank fails for its own reason
        path = folder / f"{name}.toml"
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        bad.append(path)
    for name, text in SYNTAX.items():
        path = folder / f"syntax-{name}.toml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        bad.append(path)
    (folder / "bytes-latin1.toml").write_bytes('format = 1\ntitle = "caf\xe9"\n'.encode("latin-1"))
    (folder / "bytes-binary.toml").write_bytes(bytes(range(256)) * 64)
    bad += [folder / "bytes-latin1.toml", folder / "bytes-binary.toml"]
    bad += special_files(folder)
    return bad, source_paths(folder), odd_paths(folder)


def special_files(folder: Path) -> list[Path]:
    """Bank names that are not regular files, or not readable ones."""
    os.mkfifo(folder / "special-fifo.toml")
    (folder / "special-zero.toml").symlink_to("/dev/zero")
    (folder / "special-null.toml").symlink_to("/dev/null")
    (folder / "special-folder.toml").mkdir()
    (folder / "special-loop.toml").symlink_to(folder / "special-loop.toml")
    (folder / "special-dangling.toml").symlink_to(folder / "nowhere")
    with open(folder / "special-big.toml", "wb") as big:
        big.truncate(21 * 1024 * 1024)  # sparse: no disk used
    names = [
        "special-fifo.toml",
        "special-zero.toml",
        "special-null.toml",
        "special-folder.toml",
        "special-loop.toml",
        "special-dangling.toml",
        "special-big.toml",
    ]
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(folder / "special-socket.toml"))
        names.append("special-socket.toml")
    except OSError:  # a path too long for a socket address
        pass
    finally:
        server.close()
    if not ROOT:  # root reads files whatever their mode
        locked = folder / "special-unreadable.toml"
        shutil.copy(DATA / "every-type.toml", locked)
        locked.chmod(0)
        names.append(locked.name)
    return [folder / name for name in names]


def source_paths(folder: Path) -> list[Path]:
    """Valid banks whose ``[bank.source] file`` cannot be used: each loads,
    with a warning at the key."""
    os.mkfifo(folder / "source-fifo")
    (folder / "source-loop").symlink_to(folder / "source-loop")
    targets = {
        "missing": "no-such-file.txt",
        "fifo": "source-fifo",
        "loop": "source-loop",
        "device": "/dev/zero",
        "folder": ".",
        "through-a-file": "every-type.toml/x.txt",
    }
    written = []
    for number, (name, file) in enumerate(targets.items()):
        data = copy.deepcopy(BASE)
        data["bank"]["id"] = f"source{number}"
        data["bank"]["source"]["file"] = file
        path = folder / f"source-{name}.toml"
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        written.append(path)
    return written


def odd_paths(folder: Path) -> list[Path]:
    """Bank paths a user might type that cannot even be looked up."""
    return [
        Path("a\x00b.toml"),
        folder / ("x" * 5_000 + ".toml"),
        folder / ("d" * 300) / "bank.toml",
        folder / "special-loop.toml" / "inside.toml",
    ]


@pytest.fixture(scope="module")
def corpus(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, list[Path], list[Path], list[Path]]:
    folder = tmp_path_factory.mktemp("corpus")
    for good in ("every-type.toml", "warnings-only.toml", "solar-system.txt"):
        shutil.copy(DATA / good, folder / f"aaa-{good}" if good.endswith("toml") else folder / good)
    (folder / "aaa-every-type.toml").write_text(
        (DATA / "every-type.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return (folder, *write_corpus(folder))


def test_the_corpus_is_large_and_varied(
    corpus: tuple[Path, list[Path], list[Path], list[Path]],
) -> None:
    _, bad, warned, odd = corpus
    assert len(bad) + len(odd) >= 250
    kinds = {path.name.split("-")[0] for path in bad}
    assert kinds >= {"type", "markup", "limit", "syntax", "bytes", "special"}
    assert len(warned) >= 5


def test_the_loader_reports_every_bad_file_and_loads_the_good_ones(
    corpus: tuple[Path, list[Path], list[Path], list[Path]],
) -> None:
    folder, bad, warned, odd = corpus
    results = discover_banks([folder, *odd], shipped=True, user_dir=False)
    by_path = {str(result.path): result for result in results}
    banks = [result for result in results if isinstance(result, Bank)]
    # The shipped banks and the good banks beside the corpus always load.
    assert {"solar-system", "warnings-only", "s400-actors", "s400-quotes"} <= {
        bank.id for bank in banks
    }
    for path in [*bad, *odd]:
        result = by_path[str(path)]
        assert isinstance(result, BankError), path
        assert result.problems, path
        for problem in result.problems:
            assert problem.location.line >= 1 and problem.location.col >= 1
            assert "internal error" not in problem.message, (path, problem)
    for path in warned:
        result = by_path[str(path)]
        assert isinstance(result, Bank), (path, result)
        [warning] = [w for w in result.warnings if "source file" in w.message]
        assert warning.severity == "warning"
        assert (warning.location.line, warning.location.col) > (1, 1)


def test_check_reports_every_bad_file_terminal_safe(
    corpus: tuple[Path, list[Path], list[Path], list[Path]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, bad, warned, odd = corpus
    readable_odd = [path for path in odd if "\x00" in str(path) or len(str(path)) > 4096]
    assert main(["check", str(folder), *map(str, readable_odd)]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert_terminal_safe(out)
    assert "internal error" not in out
    reported = {line.split(":", 1)[0] for line in out.splitlines()[:-1]}
    for path in [*bad, *readable_odd]:
        shown = str(path).replace("\x00", "\\u0000")
        assert shown in reported, path
    valid, broken = 2 + len(warned), len(bad) + len(readable_odd)
    assert out.splitlines()[-1].startswith(
        f"{valid + broken} banks checked: {valid} valid, {broken} with errors"
    )


def test_a_path_that_cannot_be_followed_is_that_banks_problem_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No permission, even for root: the error comes from the operating system."""
    shutil.copy(DATA / "every-type.toml", tmp_path / "a-good.toml")
    shutil.copy(DATA / "warnings-only.toml", tmp_path / "b-locked.toml")
    real_open, real_stat = os.open, os.stat

    def refuse(path: Any, *args: Any, **kwargs: Any) -> Any:
        if "locked" in str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return (real_open if refuse.opening else real_stat)(path, *args, **kwargs)  # type: ignore[attr-defined]

    def opening(path: Any, *args: Any, **kwargs: Any) -> Any:
        refuse.opening = True  # type: ignore[attr-defined]
        return refuse(path, *args, **kwargs)

    def stating(path: Any, *args: Any, **kwargs: Any) -> Any:
        refuse.opening = False  # type: ignore[attr-defined]
        return refuse(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", opening)
    monkeypatch.setattr(os, "stat", stating)
    results = discover_banks([tmp_path], shipped=False, user_dir=False)
    assert isinstance(results[0], Bank)
    assert isinstance(results[1], BankError)
    assert str(results[1].first) == f"{tmp_path / 'b-locked.toml'}:1:1: permission denied"
    # A source file that cannot be reached is a warning of its bank.
    data = copy.deepcopy(BASE)
    data["bank"]["source"]["file"] = "locked/article.txt"
    (tmp_path / "c.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    loaded = load_bank(tmp_path / "c.toml")
    assert isinstance(loaded, Bank)
    assert [w.message for w in loaded.warnings if "source file" in w.message] == [
        "source file 'locked/article.txt' cannot be used: permission denied "
        f"(looked for {tmp_path / 'locked' / 'article.txt'})"
    ]


def test_the_loader_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a bug in validation is one bank's problem, never every bank's."""
    import quizapp.banks.load as load

    shutil.copy(DATA / "every-type.toml", tmp_path / "a.toml")
    shutil.copy(DATA / "warnings-only.toml", tmp_path / "b.toml")

    def check_source_file(bank: Bank, source: object) -> Bank:
        if bank.id == "warnings-only":
            raise RuntimeError("a bug")
        return bank

    monkeypatch.setattr(load, "_check_source_file", check_source_file)
    first, second = discover_banks([tmp_path], shipped=False, user_dir=False)
    assert isinstance(first, Bank)
    assert isinstance(second, BankError)
    assert second.first.message == "internal error: RuntimeError: a bug"
