"""Writing banks as TOML: what is written loads back into the same bank."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.banks import load_bank, load_bank_text
from quizapp.banks.write import bank_to_dict, bank_to_toml, toml_string, write_bank
from quizapp.commands.new import starter_text
from quizapp.model import (
    Actor,
    Bank,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    Defaults,
    Event,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OpenQuestion,
    OrderQuestion,
    Quote,
    RejectedAnswer,
    SourceInfo,
    TextQuestion,
    TrueFalseQuestion,
)
from quizapp.paths import shipped_banks_dir


def comparable(bank: Bank) -> Bank:
    """``bank`` without what depends on where it was read (lines, path, warnings)."""
    return dataclasses.replace(
        bank,
        actors=tuple(dataclasses.replace(actor, line=0) for actor in bank.actors),
        events=tuple(dataclasses.replace(event, line=0) for event in bank.events),
        quotes=tuple(dataclasses.replace(quote, line=0) for quote in bank.quotes),
        questions=tuple(dataclasses.replace(question, line=0) for question in bank.questions),
        path=None,
        warnings=(),
    )


def reload(bank: Bank) -> Bank:
    loaded = load_bank_text(bank_to_toml(bank), "written.toml")
    assert isinstance(loaded, Bank), loaded
    return loaded


FULL = Bank(
    id="full",
    title="Every key",
    description='Quotes " and \\ backslashes, "multi-line"\ntext, and ünïcödé.',
    tags=("turkey", "s-400"),
    source=SourceInfo(
        title="Editorial", author="An editor", url="https://example.org", file="a.txt"
    ),
    defaults=Defaults(points=2, match="normal", difficulty=2),
    generate=False,
    actors=(
        Actor(
            id="wilson",
            name="Ross Wilson",
            kind="person",
            role="ambassador",
            aliases=("Wilson",),
            description="2005-2008",
            source="Ross Wilson, who served",
            author=True,
            generate=("role",),
        ),
    ),
    events=(
        Event(
            id="coup", when="2016", sort_key=dt.date(2016, 1, 1), year=2016, what="A coup attempt"
        ),
        Event(
            id="delivery",
            when="July 12",
            sort_key=dt.date(2017, 7, 12),
            year=2017,
            approximate=True,
            what="Deliveries begin",
            actors=("wilson",),
            note="no year given",
            source="On July 12",
            generate=(),
        ),
    ),
    quotes=(
        Quote(
            id="winner",
            text="Clearly a winner",
            speaker="wilson",
            context="gains",
            source="x",
            generate=("cloze", "speaker"),
        ),
    ),
    questions=(
        ChoiceQuestion(
            id="c",
            prompt="P",
            choices=("a", "b"),
            answer="b",
            explanation="E",
            source="S",
            tags=("t",),
            difficulty=3,
            points=1,
            quote="Q",
            about=("coup",),
        ),
        MultiQuestion(
            id="m", prompt="P", choices=("a", "b", "c"), answers=("a", "c"), difficulty=2, points=2
        ),
        TrueFalseQuestion(id="tf", prompt="P", answer=False, difficulty=2, points=2),
        TextQuestion(
            id="t",
            prompt="P",
            answer="Gulen",
            accept=("Fethullah Gulen",),
            match="exact",
            reject=(RejectedAnswer("Galen"), RejectedAnswer("Erdogan", "He blames Gulen.")),
            difficulty=2,
            points=2,
        ),
        ClozeQuestion(
            id="z",
            prompt="Fill in the gaps.",
            parts=("A ", " b ", "."),
            gaps=(ClozeGap("x", ("y",)), ClozeGap("w")),
            match="normal",
            reject=(RejectedAnswer("v", gap=2), RejectedAnswer("u", "Not u.")),
            difficulty=2,
            points=2,
        ),
        ClozeQuestion(
            id="z2",
            prompt="Complete it.",
            parts=("", " end"),
            gaps=(ClozeGap("x"),),
            match="lenient",
            difficulty=2,
            points=2,
        ),
        NumberQuestion(
            id="n", prompt="P", answer=3.5, tolerance=0.25, unit="km", difficulty=2, points=2
        ),
        NumberQuestion(id="n2", prompt="P", answer=2016, difficulty=2, points=2),
        OrderQuestion(id="o", prompt="P", items=("a", "b", "c"), difficulty=2, points=2),
        MatchQuestion(id="mt", prompt="P", pairs=(("a", "1"), ("b", "2")), difficulty=2, points=2),
        OpenQuestion(
            id="op",
            prompt="Why?",
            model_answer="Because.\nOn two lines.",
            key_points=("one", "two"),
            difficulty=3,
            points=3,
        ),
        OpenQuestion(id="op2", prompt="Why not?", model_answer="M", difficulty=2, points=2),
    ),
)


def test_every_key_round_trips() -> None:
    assert comparable(reload(FULL)) == comparable(FULL)


def test_the_kinds_a_bank_generates_round_trip() -> None:
    some = dataclasses.replace(FULL, generate=True, generated_kinds=("when", "speaker"))
    assert comparable(reload(some)) == comparable(some)
    assert bank_to_dict(some)["bank"]["generate"] == ["when", "speaker"]


def test_shipped_banks_and_the_starter_round_trip() -> None:
    files = sorted(shipped_banks_dir().glob("*.toml"))
    assert files
    banks = [load_bank(file) for file in files]
    banks.append(load_bank_text(starter_text("starter", "Starter"), "starter.toml"))
    for bank in banks:
        assert isinstance(bank, Bank), bank
        assert comparable(reload(bank)) == comparable(bank)


def test_defaults_are_left_out_and_whole_numbers_written_as_integers() -> None:
    bank = Bank(
        id="small",
        title="Small",
        questions=(
            NumberQuestion(id="n", prompt="Year?", answer=2016.0, tolerance=0.0),
            ClozeQuestion(
                id="z", prompt="Fill in the gap.", parts=("a ", ""), gaps=(ClozeGap("b"),)
            ),
        ),
    )
    assert bank_to_toml(bank) == (
        "format = 1\n"
        "\n"
        "[bank]\n"
        'id = "small"\n'
        'title = "Small"\n'
        "\n"
        "[[questions]]\n"
        'id = "n"\n'
        'type = "number"\n'
        'prompt = "Year?"\n'
        "answer = 2016\n"
        "\n"
        "[[questions]]\n"
        'id = "z"\n'
        'type = "cloze"\n'
        'text = "a {{b}}"\n'
    )


def test_generated_questions_are_not_written() -> None:
    generated = ChoiceQuestion(
        id="quote:w:speaker", prompt="Who?", choices=("a", "b"), answer="a", generated=True
    )
    bank = dataclasses.replace(FULL, questions=(*FULL.questions, generated))
    assert "quote:w:speaker" not in bank_to_toml(bank)


def test_header_comes_first() -> None:
    text = bank_to_toml(FULL, header="# made by hand")
    assert text.startswith("# made by hand\nformat = 1\n")


def test_toml_string() -> None:
    assert toml_string('say "hi"\\') == '"say \\"hi\\"\\\\"'
    assert toml_string("tab\tbell\x07") == '"tab\tbell\\u0007"'


def test_write_bank_replaces_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "bank.toml"
    write_bank(FULL, path)
    assert path.read_text(encoding="utf-8") == bank_to_toml(FULL)
    write_bank(dataclasses.replace(FULL, title="Renamed"), path)
    loaded = load_bank(path)
    assert isinstance(loaded, Bank) and loaded.title == "Renamed"
    assert sorted(p.name for p in path.parent.iterdir()) == ["bank.toml"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=30,
).filter(lambda text: bool(text.strip()))


@settings(max_examples=100, deadline=None)
@given(
    prompt=_TEXT, answer=_TEXT, explanation=st.text(max_size=40), tags=st.lists(_TEXT, max_size=3)
)
def test_any_text_round_trips(prompt: str, answer: str, explanation: str, tags: list[str]) -> None:
    bank = Bank(
        id="any",
        title=prompt,
        questions=(
            TextQuestion(
                id="q", prompt=prompt, answer=answer, explanation=explanation, tags=tuple(tags)
            ),
        ),
    )
    assert comparable(reload(bank)) == comparable(bank)
