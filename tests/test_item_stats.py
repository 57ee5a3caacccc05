"""Item statistics rows, shared by ``quizapp stats`` and the TUI's statistics view."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from quizapp.banks import load_bank, load_bank_text
from quizapp.item_stats import ItemRow, bank_prompts, item_rows
from quizapp.model import Bank
from quizapp.store import QuestionStats

BANKS = Path(__file__).parent / "tui" / "banks"


def every_type() -> Bank:
    bank = load_bank(BANKS / "every_type.toml")
    assert isinstance(bank, Bank)
    return bank


def stats(question_id: str, tries: int, correct: int, wrong: str | None = None) -> QuestionStats:
    return QuestionStats(
        bank_id="tui-every-type",
        question_id=question_id,
        tries=tries,
        correct=correct,
        last_correct=False,
        avg_seconds=12.34,
        most_common_wrong=wrong,
        skipped=1 if tries > correct else 0,
    )


def test_tried_questions_hardest_first_then_untried_in_bank_order() -> None:
    tried = [stats("system", 2, 2), stats("coup-year", 4, 1), stats("analyst", 2, 0, "Gulen")]
    rows = item_rows(tried, every_type())
    assert [(row.question_id, row.stats is not None) for row in rows] == [
        ("analyst", True),
        ("coup-year", True),
        ("system", True),
        ("neighbours", False),
        ("delivery", False),
        ("winner", False),
        ("timeline", False),
        ("roles", False),
        ("skipped", False),
    ]
    assert rows[0].prompt == "Which analyst directs the Turkish Research Program?"
    assert rows[-1] == ItemRow(
        "skipped", "Which alliance is Turkey a member of? “a NATO ally”", None
    )


def test_without_the_bank_only_the_tried_questions_without_prompts() -> None:
    rows = item_rows([stats("gone", 3, 3), stats("x", 1, 0)], None)
    assert rows == [ItemRow("x", "", stats("x", 1, 0)), ItemRow("gone", "", stats("gone", 3, 3))]


def test_record_has_the_csv_and_json_columns() -> None:
    assert ItemRow("analyst", "Who?", stats("analyst", 3, 1, "Gulen")).record() == {
        "question_id": "analyst",
        "prompt": "Who?",
        "tries": 3,
        "correct": 1,
        "skipped": 1,
        "facility": 0.333,
        "avg_seconds": 12.3,
        "most_common_wrong": "Gulen",
        "self_graded": 0,
    }
    assert ItemRow("roles", "Match", None).record() == {
        "question_id": "roles",
        "prompt": "Match",
        "tries": 0,
        "correct": 0,
        "skipped": 0,
        "facility": None,
        "avg_seconds": None,
        "most_common_wrong": None,
        "self_graded": 0,
    }


def test_prompts_include_generated_questions() -> None:
    text = (BANKS / "every_type.toml").read_text(encoding="utf-8")
    text = text.replace("generate = false", "generate = true") + (
        '\n[[actors]]\nid = "putin"\nname = "Vladimir Putin"\nkind = "person"\n'
        'role = "Russian president"\n\n[[actors]]\nid = "erdogan"\n'
        'name = "Recep Tayyip Erdogan"\nkind = "person"\nrole = "Turkish president"\n'
    )
    bank = load_bank_text(text, "every_type.toml")
    assert isinstance(bank, Bank)
    prompts = bank_prompts(bank)
    assert prompts["actors:roles:1"] == "Match each person to their role."
    assert prompts["system"] == "Which system did Turkey buy from Russia?"


def test_the_stats_command_leaves_textual_out() -> None:
    code = (
        "import sys\n"
        "from quizapp.cli import main\n"
        f"main(['stats', {str(BANKS / 'every_type.toml')!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.splitlines()[-1] == "[]"
