"""Exporting banks as GIFT, Aiken and CSV; GIFT round trips; the export command."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.banks import load_bank
from quizapp.cli import main
from quizapp.commands.new import starter_text
from quizapp.interchange.aiken import export_aiken, read_aiken
from quizapp.interchange.common import LeftOut
from quizapp.interchange.csv_export import export_csv
from quizapp.interchange.gift import read_gift
from quizapp.interchange.gift_export import escape_gift, export_gift
from quizapp.model import (
    Bank,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OpenQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
    TrueFalseQuestion,
)
from quizapp.paths import shipped_banks_dir

EVERY_TYPE: tuple[Question, ...] = (
    ChoiceQuestion(
        id="system",
        prompt="Which system: S-400 or {F-35}?",
        choices=("S-400", "F-35", "Patriot #2"),
        answer="S-400",
        explanation="Russia delivered it = news.",
        tags=("context",),
        source="On July 12, Russia began delivering",
    ),
    MultiQuestion(
        id="borders",
        prompt="Which does Turkey border?",
        choices=("Iran", "Iraq", "Syria", "Greece"),
        answers=("Iran", "Iraq", "Syria"),
        difficulty=2,
    ),
    TrueFalseQuestion(id="july", prompt="Delivery ended on July 12.", answer=False),
    TextQuestion(id="cleric", prompt="Which cleric?", answer="Fethullah Gulen", accept=("Gulen",)),
    ClozeQuestion(
        id="winner",
        prompt="Complete the quote.",
        quote="Wilson, on the rift",
        parts=("Clearly a ", " in all this is Putin"),
        gaps=(ClozeGap("winner", ("victor",)),),
        match="exact",
    ),
    ClozeQuestion(
        id="two-gaps",
        prompt="Fill in the gaps.",
        parts=("Clearly a ", " in all this is ", ""),
        gaps=(ClozeGap("winner"), ClozeGap("Putin")),
    ),
    NumberQuestion(id="coup", prompt="In what year?", answer=2016, points=2, unit="year"),
    NumberQuestion(id="pi", prompt="Pi to two places?", answer=3.14, tolerance=0.005),
    OrderQuestion(id="timeline", prompt="Oldest first.", items=("1950s", "2016")),
    MatchQuestion(
        id="roles",
        prompt="Match each person to a role.",
        pairs=(("Ross Wilson", "ambassador: 2005-2008"), ("Soner Cagaptay", "director")),
        about=("wilson", "cagaptay"),
    ),
)
BANK = Bank(id="every-type", title="Every type", questions=EVERY_TYPE)


def comparable(question: Question) -> Question:
    """A question without what a file cannot carry (its line number)."""
    return dataclasses.replace(question, line=0)


# ----------------------------------------------------------------------- GIFT


def test_gift_text_of_every_type() -> None:
    result = export_gift(BANK)
    assert result.text == (
        "// Every type (bank every-type), written by quizapp 0.1.0.\n"
        "// Moodle: Question bank > Import > GIFT format.\n"
        "\n"
        '// quizapp: {"tags": ["context"], "source": "On July 12, Russia began delivering"}\n'
        "::system::Which system\\: S-400 or \\{F-35\\}?{\n"
        "\t=S-400\n"
        "\t~F-35\n"
        "\t~Patriot \\#2\n"
        "\t####Russia delivered it \\= news.\n"
        "}\n"
        "\n"
        '// quizapp: {"difficulty": 2}\n'
        "::borders::Which does Turkey border?{\n"
        "\t~%33.33333%Iran\n"
        "\t~%33.33333%Iraq\n"
        "\t~%33.33333%Syria\n"
        "\t~%-33.33333%Greece\n"
        "}\n"
        "\n"
        "::july::Delivery ended on July 12.{FALSE}\n"
        "\n"
        '// quizapp: {"match": "lenient"}\n'
        "::cleric::Which cleric?{\n"
        "\t=Fethullah Gulen\n"
        "\t=Gulen\n"
        "}\n"
        "\n"
        '// quizapp: {"quote": "Wilson, on the rift", "match": "exact", '
        '"prompt": "Complete the quote."}\n'
        "::winner::Wilson, on the rift\\nComplete the quote.\\nClearly a {=winner =victor}"
        " in all this is Putin\n"
        "\n"
        '// quizapp: {"points": 2, "unit": "year"}\n'
        "::coup::In what year?{#2016}\n"
        "\n"
        "::pi::Pi to two places?{#3.14:0.005}\n"
        "\n"
        '// quizapp: {"about": ["wilson", "cagaptay"]}\n'
        "::roles::Match each person to a role.{\n"
        "\t=Ross Wilson -> ambassador\\: 2005-2008\n"
        "\t=Soner Cagaptay -> director\n"
        "}\n"
    )
    assert result.written == 8
    assert result.left_out == (
        LeftOut("two-gaps", "GIFT's missing-word questions have one gap, this cloze has 2"),
        LeftOut("timeline", "GIFT has no ordering questions"),
    )


def test_gift_round_trip_keeps_every_question_it_can_hold() -> None:
    back = read_gift(export_gift(BANK).text)
    assert back.errors == back.skipped == back.approximated == ()
    expected = [q for q in EVERY_TYPE if q.id not in ("two-gaps", "timeline")]
    assert [comparable(q) for q in back.questions] == [comparable(q) for q in expected]


def test_gift_round_trip_of_the_shipped_banks_and_the_starter(tmp_path: Path) -> None:
    starter = tmp_path / "starter.toml"
    starter.write_text(starter_text("starter", "Starter"), encoding="utf-8")
    files = [*sorted(shipped_banks_dir().glob("*.toml")), starter]
    assert len(files) >= 2
    for file in files:
        bank = load_bank(file)
        assert isinstance(bank, Bank), bank
        result = export_gift(bank)
        back = read_gift(result.text)
        assert back.errors == back.skipped == back.approximated == (), file
        left_out = {item.question_id for item in result.left_out}
        kept = [comparable(q) for q in bank.questions if q.id not in left_out]
        assert [comparable(q) for q in back.questions] == kept, file
        for question in bank.questions:
            if question.id in left_out:
                assert isinstance(question, OrderQuestion | ClozeQuestion | OpenQuestion)


def test_gift_leaves_out_arrows_that_moodle_would_misread() -> None:
    bank = Bank(
        id="b",
        title="B",
        questions=(
            TextQuestion(id="t", prompt="Arrow?", answer="a -> b"),
            MatchQuestion(id="m", prompt="Match", pairs=(("x -> y", "1"), ("z", "2"))),
        ),
    )
    result = export_gift(bank)
    assert result.written == 0
    assert result.left_out == (
        LeftOut("t", "an answer contains '->', which GIFT reads as a matching pair"),
        LeftOut("m", "an item contains '->', which GIFT reads as the arrow of a pair"),
    )


def test_gift_cloze_with_its_gap_at_the_end_is_approximated() -> None:
    bank = Bank(
        id="b",
        title="B",
        questions=(
            ClozeQuestion(
                id="c", prompt="", parts=("The capital is ", ""), gaps=(ClozeGap("Ankara"),)
            ),
        ),
    )
    result = export_gift(bank)
    assert result.approximated == (
        LeftOut("c", "the gap ends the passage, so GIFT reads it as a short-answer question"),
    )
    (question,) = read_gift(result.text).questions
    assert isinstance(question, TextQuestion)
    assert (question.prompt, question.answer) == ("The capital is", "Ankara")


def test_escape_gift() -> None:
    assert escape_gift("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_texts_that_look_like_syntax_are_protected() -> None:
    question = ChoiceQuestion(
        id="c",
        prompt="[html] <b>not html</b>",
        choices=("%50% off", "[plain] x", "// not a comment", "T"),
        answer="%50% off",
    )
    text = export_gift(Bank(id="b", title="B", questions=(question,))).text
    (back,) = read_gift(text).questions
    assert comparable(back) == comparable(question)


_WORD = st.text(alphabet="ab~=#{}:\\/%[]-> é", min_size=1, max_size=8).map(str.strip).filter(bool)
_PHRASE = st.lists(_WORD, min_size=1, max_size=4).map(" ".join).map(lambda s: " ".join(s.split()))


@settings(max_examples=150, deadline=None)
@given(
    prompt=_PHRASE,
    choices=st.lists(_PHRASE, min_size=2, max_size=5, unique=True),
    explanation=st.one_of(st.just(""), _PHRASE),
)
def test_any_choice_text_survives_a_round_trip(
    prompt: str, choices: list[str], explanation: str
) -> None:
    question = ChoiceQuestion(
        id="q", prompt=prompt, choices=tuple(choices), answer=choices[-1], explanation=explanation
    )
    result = read_gift(export_gift(Bank(id="b", title="B", questions=(question,))).text)
    assert result.errors == result.skipped == ()
    assert [comparable(q) for q in result.questions] == [comparable(question)]


# ---------------------------------------------------------------------- Aiken


def test_aiken_text_and_left_out() -> None:
    result = export_aiken(BANK)
    assert result.text == (
        "Which system: S-400 or {F-35}?\nA) S-400\nB) F-35\nC) Patriot #2\nANSWER: A\n"
    )
    assert result.written == 1
    assert [item.question_id for item in result.left_out] == [
        q.id for q in EVERY_TYPE if q.id != "system"
    ]
    assert result.left_out[0] == LeftOut(
        "borders", "Aiken holds single-answer choice questions only, not multi"
    )


def test_aiken_limits() -> None:
    many = tuple(f"choice {n}" for n in range(27))
    questions = (
        ChoiceQuestion(id="many", prompt="Pick", choices=many, answer="choice 3"),
        ChoiceQuestion(
            id="looks", prompt="A) starts like an option", choices=("x", "y"), answer="y"
        ),
        ChoiceQuestion(
            id="quoted",
            prompt="Who said\nthis?",
            quote="Clearly a winner",
            choices=("Ross Wilson", "Soner Cagaptay"),
            answer="Ross Wilson",
        ),
    )
    result = export_aiken(Bank(id="b", title="B", questions=questions))
    assert result.left_out == (
        LeftOut("many", "Aiken has letters for 26 options, this question has 27"),
        LeftOut("looks", "the question starts like an Aiken option or ANSWER line"),
    )
    assert result.text == (
        "Clearly a winner — Who said this?\nA) Ross Wilson\nB) Soner Cagaptay\nANSWER: A\n"
    )


def test_aiken_round_trip() -> None:
    choices = tuple(q for q in EVERY_TYPE if isinstance(q, ChoiceQuestion))
    back = read_aiken(export_aiken(BANK).text)
    assert back.errors == ()
    assert [(q.prompt, q.choices, q.answer) for q in back.questions] == [
        (q.prompt, q.choices, q.answer) for q in choices
    ]


# ------------------------------------------------------------------------ CSV


def test_csv_one_row_per_question() -> None:
    result = export_csv(BANK)
    rows = list(csv.reader(io.StringIO(result.text, newline="")))
    assert result.text.endswith("\r\n")
    assert rows[0] == [
        "id",
        "type",
        "prompt",
        "answer",
        "tags",
        "difficulty",
        "points",
        "explanation",
        "source",
    ]
    assert rows[1] == [
        "system",
        "choice",
        "Which system: S-400 or {F-35}?",
        "S-400",
        "context",
        "1",
        "1",
        "Russia delivered it = news.",
        "On July 12, Russia began delivering",
    ]
    assert [row[:4] for row in rows[2:]] == [
        ["borders", "multi", "Which does Turkey border?", "Iran; Iraq; Syria"],
        ["july", "true_false", "Delivery ended on July 12.", "False"],
        ["cleric", "text", "Which cleric?", "Fethullah Gulen"],
        ["winner", "cloze", "Complete the quote.\nClearly a _____ in all this is Putin", "winner"],
        [
            "two-gaps",
            "cloze",
            "Fill in the gaps.\nClearly a _____ in all this is _____",
            "winner; Putin",
        ],
        ["coup", "number", "In what year?", "2016 year"],
        ["pi", "number", "Pi to two places?", "3.14"],
        ["timeline", "order", "Oldest first.", "1950s → 2016"],
        [
            "roles",
            "match",
            "Match each person to a role.",
            "Ross Wilson → ambassador: 2005-2008; Soner Cagaptay → director",
        ],
    ]
    assert rows[7][6] == "2"
    assert result.written == len(EVERY_TYPE)


def test_csv_cells_that_spreadsheets_would_run_are_defused() -> None:
    questions = (
        TextQuestion(id="f", prompt='=HYPERLINK("x")', answer="-5", explanation="@SUM(A1)"),
        TextQuestion(id="g", prompt="+1+1", answer="-x", explanation="-2.5"),
    )
    rows = list(
        csv.reader(io.StringIO(export_csv(Bank(id="b", title="B", questions=questions)).text))
    )
    assert [row[2:4] + row[7:8] for row in rows[1:]] == [
        ['\'=HYPERLINK("x")', "-5", "'@SUM(A1)"],
        ["'+1+1", "'-x", "-2.5"],
    ]


# -------------------------------------------------------------------- command


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    path = tmp_path / "starter.toml"
    path.write_text(starter_text("starter", "Starter"), encoding="utf-8")
    return path


def test_export_command_to_stdout(starter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(starter), "--format", "aiken"]) == 0
    out, err = capsys.readouterr()
    assert out == (
        "Which system did Russia begin delivering to Turkey on July 12?\n"
        "A) S-400\nB) F-35\nC) Patriot\nANSWER: A\n"
    )
    assert err.splitlines() == [
        "left out borders: Aiken holds single-answer choice questions only, not multi",
        "left out severe-speaker: Aiken holds single-answer choice questions only, not true_false",
        "left out cleric: Aiken holds single-answer choice questions only, not text",
        "left out winner-cloze: Aiken holds single-answer choice questions only, not cloze",
        "left out coup-year: Aiken holds single-answer choice questions only, not number",
        "left out timeline: Aiken holds single-answer choice questions only, not order",
        "left out roles: Aiken holds single-answer choice questions only, not match",
        "left out why-turkey-matters: Aiken holds single-answer choice questions only, not open",
        "exported 1 of 9 questions as aiken",
    ]


def test_export_command_to_a_file(
    starter: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "bank.gift"
    assert main(["export", str(starter), "--format", "gift", "-o", str(out_file)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == f"exported 6 of 9 questions as gift to {out_file}"
    assert read_gift(out_file.read_text(encoding="utf-8")).errors == ()
    assert main(["export", str(starter), "--format", "gift", "-o", str(out_file)]) == 2
    assert capsys.readouterr().err == (
        f"quizapp export: {out_file} already exists; use --force to overwrite it\n"
    )
    assert main(["export", str(starter), "--format", "csv", "-o", str(out_file), "--force"]) == 0
    assert out_file.read_bytes().startswith(b"id,type,prompt,answer,tags,")


def test_export_generated_questions_too(starter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(starter), "--format", "csv", "--generated"]) == 0
    out, err = capsys.readouterr()
    ids = [row[0] for row in csv.reader(io.StringIO(out))][1:]
    assert ids[:8] == [
        "system",
        "borders",
        "severe-speaker",
        "cleric",
        "winner-cloze",
        "coup-year",
        "timeline",
        "roles",
    ]
    assert len(ids) > 8
    assert err == f"exported {len(ids)} of {len(ids)} questions as csv\n"


def test_export_takes_a_bank_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "s400-quotes", "--format", "gift"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("// S-400 dispute: the quotes (bank s400-quotes)")
    assert err.splitlines()[-1].startswith("exported ")
    assert main(["export", "s400-quotez", "--format", "gift"]) == 2
    assert capsys.readouterr().err.startswith(
        "quizapp export: unknown bank id 's400-quotez'\nknown bank ids:\n"
    )


def test_export_command_refuses_a_broken_bank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\n[bank]\nid = "b"\n', encoding="utf-8")
    assert main(["export", str(broken), "--format", "gift"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == f"quizapp export: {broken} has errors; nothing exported"
    assert f"{broken}:2:1: missing required key 'title'" in err


def test_export_command_when_nothing_fits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "order.toml"
    bank.write_text(
        'format = 1\n[bank]\nid = "o"\ntitle = "O"\n\n[[questions]]\nid = "t"\ntype = "order"\n'
        'prompt = "Order"\nitems = ["a", "b"]\nexplanation = "a first"\nsource = "a, b"\n',
        encoding="utf-8",
    )
    assert main(["export", str(bank), "--format", "aiken"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "left out t: Aiken holds single-answer choice questions only, not order",
        f"quizapp export: no question of {bank} fits aiken",
    ]
