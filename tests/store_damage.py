"""Helpers for the store-damage tests: a store filled by a real quiz and study
session, every read a user can trigger, and the raw rows of a database file."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from quizapp.banks import load_bank
from quizapp.cli import main
from quizapp.model import Bank, question_answer_text
from quizapp.paths import shipped_banks_dir
from quizapp.session import QuizOptions
from quizapp.store import ScoreStore
from quizapp.store.decode import TABLES
from quizapp.store.salvage import connect_read_only, present_columns, read_table
from quizapp.study import StudyDeck
from quizapp.usecases.catalog import Catalog, read_entries
from quizapp.usecases.history import read_bank_details, read_history
from quizapp.usecases.mistakes import find_mistakes
from quizapp.usecases.quiz import RecordedQuiz
from quizapp.usecases.statistics import read_statistics
from quizapp.usecases.study import open_deck, study_counts

NOW = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
PLAYER = "tester"


def shipped_bank() -> Bank:
    loaded = load_bank(shipped_banks_dir() / "s400-actors.toml")
    assert isinstance(loaded, Bank)
    return loaded


def fill_store(
    path: Path, bank: Bank, *, quizzes: Sequence[int] = (12, 8), cards: int = 10
) -> None:
    """Play quizzes as the TUI does (grade, save, feed the schedule: `RecordedQuiz`),
    leave the last one unfinished, study ``cards`` cards and cram one, set a setting."""
    with ScoreStore.open(path, clock=lambda: NOW) as store:
        for seed, count in enumerate(quizzes):
            options = QuizOptions(seed=seed, count=count)
            quiz = RecordedQuiz.start(store, PLAYER, bank, options, now=lambda: NOW)
            session = quiz.session
            last = seed == len(quizzes) - 1
            while not session.finished and not (last and session.number > count - 2):
                question = session.current
                assert question is not None
                if session.number % 4 == 0:
                    quiz.skip(3.0)
                else:
                    quiz.answer(question_answer_text(question), 7.5)
        deck = StudyDeck(bank, store, PLAYER, now=lambda: NOW)
        for n in range(cards):
            card = deck.next_card()
            if card is None:
                break
            deck.grade(card.id, 1 + n % 4, seconds=4.0)
        store.record_cram_review(PLAYER, bank.id, deck.cards[0].id, rating=3)
        store.set_setting("theme", "nord")


def read_everything(store: ScoreStore, bank: Bank) -> None:
    """Call every public read method of the store and of a study deck, and
    what Home, History, Mistakes, Study and the statistics view read (their
    use cases, which the screens call in workers)."""
    catalog = Catalog([bank])
    read_entries(catalog, store, PLAYER, lambda: NOW)
    read_history(store, PLAYER)
    read_bank_details(store, catalog, PLAYER, bank.id)
    find_mistakes(store, PLAYER, bank.id, [q.id for q in catalog.overview(bank).questions])
    study_counts(store, PLAYER, [bank], lambda: NOW)
    open_deck(bank, store, PLAYER, lambda: NOW).next_card()
    read_statistics(store, bank, None)
    for attempt in store.attempts():
        store.attempt(attempt.id)
        store.answers(attempt.id)
    store.attempts(player=PLAYER, bank_id=bank.id, finished=True)
    store.unfinished_attempts(PLAYER)
    store.players()
    store.bank_stats(PLAYER)
    store.question_stats(bank_id=bank.id)
    store.question_stats(bank_id=bank.id, player=PLAYER)
    store.tag_accuracy(player=PLAYER, bank_id=bank.id)
    store.get_setting("theme")
    store.card_states(PLAYER, bank.id)
    store.reviews(PLAYER)
    store.reviews_today(PLAYER, bank.id, NOW)
    deck = StudyDeck(bank, store, PLAYER, now=lambda: NOW)
    deck.counts()
    deck.due_cards()
    deck.new_cards()
    deck.next_card()
    deck.next_due()
    for card in deck.cards[:3]:
        deck.due_at(card.id)


@dataclass(frozen=True, slots=True)
class Run:
    """One in-process run of the CLI."""

    status: int
    out: str
    err: str


def run_cli(*args: str) -> Run:
    """``quizapp ARGS`` in this process, with stdout and stderr captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return Run(status, out.getvalue(), err.getvalue())


def raw_rows(path: Path) -> dict[str, set[tuple[object, ...]]]:
    """Every readable row of every table, as stored (without the rowid, which
    only tables with an ``id`` keep through a repair)."""
    with closing(connect_read_only(path, lenient=True)) as conn:
        found: dict[str, set[tuple[object, ...]]] = {}
        for table in TABLES:
            try:
                columns = present_columns(conn, table)
            except (sqlite3.DatabaseError, UnicodeDecodeError):
                columns = []
            rows, _ = read_table(conn, table, columns) if columns else ([], False)
            found[table] = {row[1:] for row in rows}
    return found
