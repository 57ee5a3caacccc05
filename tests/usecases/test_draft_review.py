"""Reviewing a drafted bank (`quizapp.usecases.draft_review` and the review
API of `quizapp.draft.Draft`): the paths a teacher types, the rows and what
to check, the article around an item, the fixes, and saving."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from quizapp.banks import load_bank
from quizapp.cli import main
from quizapp.draft import DraftEditError, DraftEvent, DraftWriteError
from quizapp.model import Bank
from quizapp.usecases.draft_review import (
    DraftProblem,
    DraftRequest,
    RequestError,
    article_window,
    attention,
    date_text,
    default_bank_id,
    draft_request,
    item_fields,
    open_draft,
    review_rows,
    save_review,
    speaker_choices,
)

ARTICLE = Path(__file__).parents[1] / "data" / "review-article.txt"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour vote.txt"
    shutil.copy(ARTICLE, path)
    return path


def test_the_paths_a_teacher_types(article: Path, tmp_path: Path) -> None:
    request = draft_request(f"  {article}  ")
    assert request == DraftRequest(article, tmp_path / "harbour vote.toml", "harbour-vote")
    assert draft_request(str(article), str(tmp_path / "Bank.toml")).bank_id == "bank"
    for typed, output, message in [
        ("", "", "name the article to draft from"),
        (str(tmp_path / "nope.txt"), "", "no such file"),
        (str(tmp_path), "", "is a folder; name an article file"),
        (str(article), str(tmp_path / "bank.txt"), "a bank file name ends in .toml"),
        (str(article), str(article), "a bank file name ends in .toml"),
        (str(article), str(tmp_path), "a bank file name ends in .toml"),
    ]:
        with pytest.raises(RequestError, match=message):
            draft_request(typed, output)
    bank = tmp_path / "bank.toml"
    bank.write_text("x", encoding="utf-8")
    with pytest.raises(RequestError, match="name the article, not a bank"):
        draft_request(str(bank))
    assert default_bank_id(Path("Ünïcode Draft!.toml")) == "unicode-draft"


def test_an_article_with_nothing_to_review(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DraftProblem, match=r"cannot draft from .*empty.txt: the file is empty"):
        open_draft(empty)
    plain = tmp_path / "plain.txt"
    plain.write_text("it was quiet and nothing at all happened here.\n", encoding="utf-8")
    with pytest.raises(DraftProblem, match="found no actors, dates or quotations"):
        open_draft(plain)


def test_rows_say_what_to_check_and_fixes_clear_it(article: Path) -> None:
    draft = open_draft(article)
    rows = review_rows(draft)
    assert [(row.kind, row.label, row.unsure) for row in rows] == [
        ("actor", "Anna Berg", False),
        ("actor", "Tom Hale", False),
        ("actor", "Harbour Trust", True),
        ("event", "March 3, 2021", False),
        ("event", "2024", False),
        ("event", "June 5", True),
        ("quote", "“We will finish it by 2024” Anna Berg", False),
        ("quote", "“It is a waste of money” Tom Hale", False),
        ("quote", "“Nobody asked the fishermen” Tom Hale", False),
    ]
    trust = draft.item("harbour-trust")
    assert attention(draft, trust) == ["role drafted from what it does in the article: rewrite it"]
    assert item_fields(draft, trust) == [
        ("Name", "Harbour Trust"),
        ("Kind", "institution"),
        ("Role", "met to discuss the plan"),
        ("Named", "once"),
    ]
    # A role the teacher writes replaces the drafted one; the item is checked.
    draft.set_role("harbour-trust", "  the  port's board ")
    assert draft.item("harbour-trust").notes == ()
    assert item_fields(draft, draft.item("harbour-trust"))[2] == ("Role", "the port's board")
    with pytest.raises(DraftEditError, match="role must not be empty"):
        draft.set_role("harbour-trust", " ")

    # The date: as typed (exact), a year (approximate), or refused.
    june = draft.item("june-5")
    assert isinstance(june, DraftEvent) and date_text(june) == "2024-06-05"
    assert item_fields(draft, june)[1] == ("Date", "2024-06-05, approximate")
    exact = draft.set_date("june-5", "2021-06-05", approximate=False)
    assert (exact.date, exact.year, exact.approximate, exact.note, exact.notes) == (
        dt.date(2021, 6, 5),
        2021,
        False,
        "",
        (),
    )
    rough = draft.set_date("june-5", " 2021 ", approximate=True)
    assert (rough.date, rough.year, rough.sort_year, date_text(rough)) == (None, None, 2021, "2021")
    for typed, message in [
        ("June 5", "type a date as 2016-07-12 or a year as 2016"),
        ("2021-02-30", "2021-02-30 is not a date"),
        ("0", "type a date"),
    ]:
        with pytest.raises(DraftEditError, match=message):
            draft.set_date("june-5", typed, approximate=False)

    # Leaving out a speaker leaves their quotes without one, to be set.
    draft.reject("hale")
    waste = draft.item("it-is-a-waste")
    assert [quote.id for quote in draft.unresolved_quotes()] == [
        "it-is-a-waste",
        "nobody-asked-the-fishermen",
    ]
    assert attention(draft, waste) == ["the speaker hale is rejected: set another one"]
    assert [choice for choice, _ in speaker_choices(draft)] == ["berg", "harbour-trust"]
    with pytest.raises(DraftEditError, match="hale is rejected: accept it first"):
        draft.set_speaker("nobody-asked-the-fishermen", "hale")
    draft.set_speaker("nobody-asked-the-fishermen", "berg")
    assert [quote.id for quote in draft.unresolved_quotes()] == ["it-is-a-waste"]
    # Accepting an item on purpose: the teacher has checked it.
    draft.accept("hale", checked=True)
    assert not draft.unresolved_quotes()
    assert not any(row.unsure for row in review_rows(draft))


def test_the_article_around_an_item(article: Path) -> None:
    draft = open_draft(article)
    quote = draft.item("it-is-a-waste")
    window = article_window(draft, quote)
    assert window.text.startswith("Tom Hale, leader of the opposition, disagreed.")
    assert window.text.endswith("a voice shouted from the gallery.")  # and the next paragraph
    assert window.text[window.source.start : window.source.end] == (
        "“It is a waste of money,” Hale said"
    )
    assert [window.text[m.start : m.end] for m in window.marks] == ["It is a waste of money"]
    assert not (window.cut_before or window.cut_after)
    berg = article_window(draft, draft.item("berg"))
    assert [berg.text[m.start : m.end] for m in berg.marks] == ["Anna Berg"]

    # A long paragraph is cut at spaces, a bounded distance from the excerpt.
    cut = article_window(draft, quote, before=10, after=10)
    assert cut.text == "“It is a waste of money,” Hale said.\n\n“Nobody"
    assert cut.cut_before and cut.cut_after
    assert cut.text[cut.source.start : cut.source.end].startswith("“It is a waste")


def test_saving_never_overwrites_without_asking(article: Path, tmp_path: Path) -> None:
    draft = open_draft(article)
    draft.reject("2024")
    request = draft_request(str(article))
    request.output.write_text("keep me", encoding="utf-8")
    with pytest.raises(DraftWriteError) as raised:
        save_review(draft, request)
    assert raised.value.existing == request.output
    assert request.output.read_text(encoding="utf-8") == "keep me"

    snapshot = draft.snapshot()
    draft.reject("berg")  # after the snapshot: not in the bank saved
    saved = save_review(snapshot, request, force=True)
    bank = load_bank(saved.bank)
    assert isinstance(bank, Bank)
    assert (bank.id, bank.title) == ("harbour-vote", "Harbour vote splits the council")
    assert [actor.id for actor in bank.actors] == ["berg", "hale", "harbour-trust"]
    assert "2024" not in [event.id for event in bank.events]
    assert main(["check", str(saved.bank), "--source", str(article)]) == 0
