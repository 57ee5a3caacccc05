"""``quizapp draft``: what it writes and prints, and how it refuses bad input
without writing anything."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from quizapp.banks import load_bank
from quizapp.cli import main
from quizapp.generate import generate_questions
from quizapp.model import Bank

ARTICLES = Path(__file__).parent / "data" / "articles"
HARBOUR = ARTICLES / "harbour-bridge.txt"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_drafts_a_bank_next_to_the_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "harbour.txt"
    article.write_bytes(HARBOUR.read_bytes())
    status, out, _ = run(["draft", str(article), "--url", "https://example.org/h"], capsys)
    assert status == 0
    bank = load_bank(tmp_path / "harbour.toml")
    assert isinstance(bank, Bank)
    assert bank.id == "harbour"
    assert bank.title.startswith("Council backs rebuild")
    assert bank.source is not None
    assert (bank.source.file, bank.source.url) == ("harbour.txt", "https://example.org/h")
    assert bank.generate and generate_questions(bank)
    assert f"Found {len(bank.actors)} actors, {len(bank.events)} events, " in out
    assert f"{len(bank.quotes)} quotes." in out
    assert "Unsure of" in out and "harbour.txt:3: " in out
    assert f"quizapp check {tmp_path / 'harbour.toml'} --source {article}" in out
    header = (tmp_path / "harbour.toml").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("# Drafted by `quizapp draft` from harbour.txt")


def test_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = tmp_path / "out.toml"
    bank.write_text("keep me", encoding="utf-8")
    status, _, err = run(["draft", str(HARBOUR), "-o", str(bank), "--id", "h"], capsys)
    assert status == 2
    assert "already exists; use --force" in err
    assert bank.read_text(encoding="utf-8") == "keep me"
    assert main(["draft", str(HARBOUR), "-o", str(bank), "--id", "h", "--force"]) == 0
    assert isinstance(load_bank(bank), Bank)


def test_html_gets_its_text_written_beside_the_bank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "ruling.toml"
    status, out, _ = run(["draft", str(ARTICLES / "pipeline-ruling.html"), "-o", str(bank)], capsys)
    assert status == 0
    text = tmp_path / "ruling.article.txt"
    assert f"and {text} (the article's text" in out
    assert "tracking" not in text.read_text(encoding="utf-8")
    assert main(["check", str(bank), "--source", str(text)]) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Caf\u00e9 owners said “no”.".encode("latin-1", "replace"), "not UTF-8 (byte 0x"),
        (b"1234 5678 -- ... !!!", "the article has no text"),
    ],
)
def test_bad_articles_get_a_clear_message_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    article = tmp_path / "bad.txt"
    article.write_bytes(content)
    status, out, err = run(["draft", str(article)], capsys)
    assert status == 1
    assert err.startswith(f"quizapp draft: cannot draft from {article}: ")
    assert message in err
    assert out == ""
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.txt"]


def test_a_missing_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["draft", str(tmp_path / "nope.txt")], capsys)
    assert (status, err.strip()) == (
        1,
        f"quizapp draft: cannot draft from {tmp_path / 'nope.txt'}: no such file",
    )
    assert list(tmp_path.iterdir()) == []


def test_an_article_without_quotes_gets_actors_events_and_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "plain.txt"
    article.write_text(
        "The Riverside City Council voted on Tuesday to rebuild the bridge, which opened in "
        "1962. Mayor Elena Varga signed the order in March 2021. The Harbour Trust approved "
        "the design in 2019, and the council will publish its funding plan in September.\n",
        encoding="utf-8",
    )
    status, out, _ = run(["draft", str(article)], capsys)
    assert status == 0
    assert "warning: no quotations found: the bank has actors and events only" in out
    bank = load_bank(tmp_path / "plain.toml")
    assert isinstance(bank, Bank)
    assert not bank.quotes
    assert {actor.name for actor in bank.actors} == {
        "Riverside City Council",
        "Elena Varga",
        "Harbour Trust",
    }
    assert [event.when for event in bank.events] == [
        "Tuesday",
        "1962",
        "March 2021",
        "2019",
        "September",
    ]


@pytest.mark.slow
def test_a_one_megabyte_article_is_drafted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraphs = HARBOUR.read_text(encoding="utf-8").split("\n\n")[1:]
    body = "\n\n".join(paragraphs)
    article = tmp_path / "long.txt"
    article.write_text((body + "\n\n") * (1_000_000 // len(body.encode()) + 1), encoding="utf-8")
    assert article.stat().st_size > 1_000_000
    status, out, _ = run(["draft", str(article)], capsys)
    assert status == 0  # the bank was checked with the loader before it was written
    assert out.startswith(f"Wrote {tmp_path / 'long.toml'}.")


def test_standard_input_prints_the_bank(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HARBOUR.read_bytes())))
    status, out, err = run(["draft", "-", "--id", "harbour"], capsys)
    assert status == 0
    assert out.startswith("# Drafted by `quizapp draft` from standard input.")
    assert 'id = "harbour"' in out
    assert "file = " not in out  # no text file is written beside a printed bank
    assert "Found " in err


def test_standard_input_to_a_file_keeps_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HARBOUR.read_bytes())))
    bank = tmp_path / "in.toml"
    status, _, _ = run(["draft", "-", "-o", str(bank)], capsys)
    assert status == 0
    assert main(["check", str(bank), "--source", str(tmp_path / "in.article.txt")]) == 0


def test_an_unresolved_speaker_makes_check_fail_until_it_is_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "anon.txt"
    article.write_text(
        "The Harbour Trust met in 2019.\n\n“Nobody knows who said this, or why.”\n",
        encoding="utf-8",
    )
    status, out, _ = run(["draft", str(article)], capsys)
    assert status == 0
    assert "anon.txt:3: quote “Nobody knows who said this, or …”: " in out
    status, out, _ = run(["check", str(tmp_path / "anon.toml")], capsys)
    assert status == 1
    assert "'speaker' 'UNRESOLVED' is not an actor of this bank" in out


def test_a_bad_id_or_output_name_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(
        ["draft", str(HARBOUR), "-o", str(tmp_path / "x.toml"), "--id", "A B"], capsys
    )
    assert status == 2 and "bank id 'A B'" in err
    status, _, err = run(["draft", str(HARBOUR), "-o", str(tmp_path / "x.txt")], capsys)
    assert status == 2 and "ends in .toml" in err
    assert list(tmp_path.iterdir()) == []


def test_review_starts_the_tui_on_the_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp import paths
    from quizapp.tui import preview_app
    from quizapp.usecases.draft_review import DraftRequest

    started: list[tuple[DraftRequest, Path]] = []

    def run_draft_review(request: DraftRequest, *, data_dir: Path) -> int:
        started.append((request, data_dir))
        return 0

    monkeypatch.setattr(preview_app, "run_draft_review", run_draft_review)
    bank = tmp_path / "out.toml"
    bank.write_text("keep me", encoding="utf-8")
    # An existing bank is no refusal here: the review asks before saving over it.
    assert run(["draft", str(HARBOUR), "--review", "-o", str(bank), "--url", "u"], capsys)[0] == 0
    request, data_dir = started[0]
    assert request == DraftRequest(HARBOUR, bank, "out", None, "u", force=False)
    assert data_dir == paths.data_dir()  # QUIZAPP_DATA_DIR
    assert bank.read_text(encoding="utf-8") == "keep me"

    status, _, err = run(["draft", "-", "--review"], capsys)
    assert (status, err) == (
        2,
        "quizapp draft: --review needs an article file, not standard input\n",
    )
    status, _, err = run(["draft", str(tmp_path / "nope.txt"), "--review"], capsys)
    assert status == 1 and "cannot draft from" in err and "nope.txt" in err
    status, _, err = run(["draft", str(tmp_path), "--review", "-o", str(bank)], capsys)
    assert status == 2 and "is a folder; name an article file" in err
    assert len(started) == 1
