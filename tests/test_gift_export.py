"""Writing GIFT: what Moodle gets, what it will not keep, and the round trip
back to the same bank (API level; the command line is in test_interchange_cli)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.banks import load_bank
from quizapp.commands.new import starter_text
from quizapp.interchange.common import LeftOut, Table
from quizapp.interchange.convert import import_text
from quizapp.interchange.gift import read_gift
from quizapp.interchange.gift_export import escape_gift, export_gift
from quizapp.interchange.moodle import is_moodle_grade
from quizapp.matching.fold import normalise_text
from quizapp.model import (
    Bank,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    Defaults,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OpenQuestion,
    OrderQuestion,
    Question,
    RejectedAnswer,
    TextQuestion,
    TrueFalseQuestion,
)
from quizapp.paths import shipped_banks_dir

EVERY_TYPE_BANK = Path(__file__).parent / "data" / "banks" / "every-type.toml"
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
    MultiQuestion(
        id="grant",
        prompt="Who is buried in Grant's tomb?",
        choices=("Grant", "his wife", "no one"),
        answers=("Grant", "his wife"),
        weights=(50, 50, -100),
    ),
    TrueFalseQuestion(id="july", prompt="Delivery ended on July 12.", answer=False),
    TextQuestion(
        id="cleric",
        prompt="Which cleric?",
        answer="Fethullah Gulen",
        accept=("Gulen", "F*G"),
        reject=(RejectedAnswer("Erdogan", "He is the president."),),
        match="exact",
    ),
    ClozeQuestion(
        id="winner",
        prompt="Complete the quote.",
        quote="Wilson, on the rift",
        parts=("Clearly a ", " in all this is Putin"),
        gaps=(ClozeGap("winner", ("victor",)),),
    ),
    ClozeQuestion(
        id="two-gaps",
        prompt="Fill in the gaps.",
        parts=("Clearly a ", " in all this is ", ""),
        gaps=(ClozeGap("winner"), ClozeGap("Putin")),
    ),
    NumberQuestion(id="coup", prompt="In what year?", answer=2016, points=2, unit="year"),
    NumberQuestion(id="pi", prompt="Pi to three places?", answer=3.1415, tolerance=0.0005),
    OrderQuestion(id="timeline", prompt="Oldest first.", items=("1950s", "2016")),
    MatchQuestion(
        id="roles",
        prompt="Match each person to a role.",
        pairs=(("Ross Wilson", "ambassador: 2005-2008"), ("Soner Cagaptay", "director")),
        distractors=("president",),
    ),
    TrueFalseQuestion(id="html", prompt="Is <b> a tag & more?", answer=True, tags=("a<b", "ok")),
    OpenQuestion(
        id="why",
        prompt="Why does Turkey matter to America?",
        model_answer="Because of where it lies.",
        key_points=("its neighbours", "policies are easier with Turkey on board"),
        explanation="Cagaptay's argument.",
    ),
)
BANK = Bank(id="every-type", title="Every type", questions=EVERY_TYPE)


def comparable(bank: Bank) -> Bank:
    """A bank without what a file cannot carry (its path, line numbers, warnings)."""

    def bare(items: tuple[object, ...]) -> tuple[object, ...]:
        return tuple(dataclasses.replace(item, line=0) for item in items)  # type: ignore[type-var]

    return dataclasses.replace(
        bank,
        path=None,
        warnings=(),
        actors=bare(bank.actors),  # type: ignore[arg-type]
        events=bare(bank.events),  # type: ignore[arg-type]
        quotes=bare(bank.quotes),  # type: ignore[arg-type]
        questions=bare(bank.questions),  # type: ignore[arg-type]
    )


def round_trip(bank: Bank) -> Bank:
    conversion = import_text(export_gift(bank).text, "gift", path="x.gift")
    assert conversion.bank is not None, conversion.report
    assert [line for line in conversion.report if ": error:" in line] == []
    return conversion.bank


def moodle_view(text: str) -> list[Table]:
    """The questions as Moodle reads the file: without any comment line."""
    kept = "\n".join(line for line in text.split("\n") if not line.strip().startswith("//"))
    return [piece.table for piece in read_gift(kept).pieces]


# ----------------------------------------------------------------- the text


def test_gift_text_of_every_type() -> None:
    result = export_gift(BANK)
    blocks = result.text.split("\n\n")
    assert blocks[0] == (
        "// Every type (bank every-type), written by quizapp 0.1.0.\n"
        "// Moodle: Question bank > Import > GIFT format.\n"
        "// Lines starting with //: hold what Moodle has no place for (the bank's\n"
        "// settings and facts, source excerpts, difficulty ...). Moodle ignores them;\n"
        "// quizapp import reads them back.\n"
        "//: format = 1\n"
        "//:\n"
        "//: [bank]\n"
        '//: id = "every-type"\n'
        '//: title = "Every type"'
    )
    assert blocks[1:] == [
        "// [id:system] [tag:context]\n"
        '//: source = "On July 12, Russia began delivering"\n'
        "::system::Which system\\: S-400 or \\{F-35\\}?{\n"
        "\t=S-400\n\t~F-35\n\t~Patriot \\#2\n\t####Russia delivered it \\= news.\n}",
        "// [id:borders]\n//: difficulty = 2\n::borders::Which does Turkey border?{\n"
        "\t~%33.33333%Iran\n\t~%33.33333%Iraq\n\t~%33.33333%Syria\n\t~%-33.33333%Greece\n}",
        "// [id:grant]\n::grant::Who is buried in Grant's tomb?{\n"
        "\t~%50%Grant\n\t~%50%his wife\n\t~%-100%no one\n}",
        "// [id:july]\n::july::Delivery ended on July 12.{FALSE}",
        '// [id:cleric]\n//: match = "exact"\n::cleric::Which cleric?{\n'
        "\t=Fethullah Gulen\n\t=Gulen\n\t=F\\*G\n\t=%0%Erdogan#He is the president.\n}",
        '// [id:winner]\n//: quote = "Wilson, on the rift"\n//: prompt = "Complete the quote."\n'
        "::winner::Wilson, on the rift\\nComplete the quote.\\nClearly a {=winner =victor}"
        " in all this is Putin",
        "// Not for Moodle: GIFT's missing-word questions have one gap, this cloze has 2.\n"
        '//: [[questions]]\n//: id = "two-gaps"\n//: type = "cloze"\n'
        '//: text = "Clearly a {{winner}} in all this is {{Putin}}"',
        '// [id:coup]\n//: unit = "year"\n//: points = 2\n::coup::In what year?{#2016}',
        "// [id:pi]\n::pi::Pi to three places?{#3.1415:0.0005}",
        "// Not for Moodle: GIFT has no ordering questions.\n"
        '//: [[questions]]\n//: id = "timeline"\n//: type = "order"\n'
        '//: prompt = "Oldest first."\n//: items = [\n//:     "1950s",\n//:     "2016",\n//: ]',
        "// [id:roles]\n::roles::Match each person to a role.{\n"
        "\t=Ross Wilson -> ambassador\\: 2005-2008\n\t=Soner Cagaptay -> director\n"
        "\t= -> president\n}",
        '// [id:html] [tag:ok]\n//: tags = [\n//:     "a<b",\n//:     "ok",\n//: ]\n'
        "::html::[plain]Is <b> a tag & more?{TRUE}",
        '// [id:why]\n//: explanation = "Cagaptay\'s argument."\n'
        "::why::Why does Turkey matter to America?{####Because of where it lies.\\n\\n"
        "Key points\\:\\n- its neighbours\\n- policies are easier with Turkey on board}\n",
    ]
    assert result.written == 11
    assert result.left_out == (
        LeftOut("two-gaps", "GIFT's missing-word questions have one gap, this cloze has 2"),
        LeftOut("timeline", "GIFT has no ordering questions"),
    )
    assert result.approximated == ()


def test_what_moodle_will_not_keep_is_said_once() -> None:
    assert export_gift(BANK).not_kept == (
        "Moodle will not keep (quizapp import reads it back from the //: lines):",
        "  - typo tolerance (lenient matching of typed answers): 1 question; Moodle accepts only "
        "the listed answers, ignoring case",
        "  - exact matching of typed answers: 1 question; Moodle ignores case",
        "  - source excerpts: 1 question",
        "  - difficulty: 1 question above 1",
        "  - points: 1 question worth more than 1 (Moodle gives each its default mark)",
        "  - units: 1 question",
        "  - self-grading: 1 question (an open question becomes an essay a teacher grades)",
        "  - tags Moodle cannot hold (over 50 characters, or with <, >, ` or \\): 1 question",
    )


def test_facts_and_bank_settings_are_in_what_moodle_will_not_keep() -> None:
    bank = load_bank(EVERY_TYPE_BANK)
    assert isinstance(bank, Bank)
    assert export_gift(bank).not_kept[-2:] == (
        "  - facts: 2 actors, 2 events, 1 quote, and the questions quizapp generates from them",
        "  - the bank's description and source",
    )


# ------------------------------------------------------------ what Moodle gets


def test_moodle_reads_each_question_as_quizapp_means_it() -> None:
    tables = {table["id"]: table for table in moodle_view(export_gift(BANK).text)}
    assert tables["system"]["choices"] == ["S-400", "F-35", "Patriot #2"]
    assert tables["cleric"]["accept"] == ["Gulen", "F*G"]  # \* is a literal star for Moodle
    assert tables["cleric"]["reject"] == [{"answer": "Erdogan", "feedback": "He is the president."}]
    assert tables["html"]["prompt"] == "Is <b> a tag & more?"  # [plain]: shown as written
    assert tables["roles"]["distractors"] == ["president"]
    assert "two-gaps" not in tables and "timeline" not in tables


def test_text_with_html_characters_is_marked_plain() -> None:
    questions = (
        ChoiceQuestion(id="a", prompt="Is 1 < 2?", choices=("yes", "no"), answer="yes"),
        ChoiceQuestion(id="b", prompt="Pick", choices=("AT&T", "IBM"), answer="IBM"),
        ChoiceQuestion(id="c", prompt="Pick", choices=("x", "y"), answer="x"),
    )
    text = export_gift(Bank(id="b", title="B", questions=questions)).text
    assert "::a::[plain]Is 1 < 2?{" in text
    assert "::b::[plain]Pick{" in text
    assert "::c::Pick{" in text


def test_a_star_in_a_short_answer_is_escaped() -> None:
    question = TextQuestion(id="t", prompt="Multiply", answer="2*3", accept=("two*three",))
    text = export_gift(Bank(id="b", title="B", questions=(question,))).text
    assert "\t=2\\*3\n\t=two\\*three\n" in text


def _weights(text: str) -> list[float]:
    return [float(weight) for weight in re.findall(r"~%(-?[\d.]+)%", text)]


def test_eleven_right_answers_get_moodle_grades_that_add_up_to_100() -> None:
    choices = tuple(f"c{n}" for n in range(13))
    question = MultiQuestion(id="m", prompt="Pick", choices=choices, answers=choices[:11])
    bank = Bank(id="b", title="B", questions=(question,))
    result = export_gift(bank)
    weights = _weights(result.text)
    assert all(is_moodle_grade(weight) for weight in weights)
    assert weights == [10.0] * 9 + [5.0] * 2 + [-10.0] * 2
    assert result.approximated == (
        LeftOut(
            "m",
            "Moodle has no grade of 1/11: the right choices weigh 10% or 5% and the wrong "
            "ones -10%",
        ),
    )
    assert round_trip(bank).questions[0].weights == ()  # type: ignore[union-attr]


def test_weights_that_are_not_moodle_grades_are_rounded_for_moodle_only() -> None:
    question = MultiQuestion(
        id="m", prompt="Pick", choices=("a", "b", "c"), answers=("a", "b"), weights=(63, 37, -13)
    )
    bank = Bank(id="b", title="B", questions=(question,))
    result = export_gift(bank)
    assert _weights(result.text) == [60.0, 40.0, -12.5]
    assert result.approximated == (
        LeftOut(
            "m",
            "weights that are not Moodle grades are rounded: 'a' 63% -> 60%, 'b' 37% -> 40%, "
            "'c' -13% -> -12.5%",
        ),
    )
    assert comparable(round_trip(bank)).questions == (question,)


def test_more_right_answers_than_moodle_can_weigh_are_left_out() -> None:
    choices = tuple(f"c{n}" for n in range(22))
    question = MultiQuestion(id="m", prompt="Pick", choices=choices, answers=choices[:21])
    result = export_gift(Bank(id="b", title="B", questions=(question,)))
    assert result.left_out == (
        LeftOut(
            "m",
            "Moodle's smallest grade is 5%, so its multiple-answer questions have at most 20 "
            "right answers; this one has 21",
        ),
    )


def test_numeric_ranges_are_written_cleanly() -> None:
    conversion = import_text("::pi::Pi?{#3.141..3.142}", "gift")
    assert conversion.bank is not None
    assert "::pi::Pi?{#3.1415:0.0005}" in export_gift(conversion.bank).text


def test_a_cloze_whose_gap_ends_the_passage_is_a_short_answer_for_moodle_only() -> None:
    question = ClozeQuestion(
        id="c", prompt="", parts=("The capital is ", ""), gaps=(ClozeGap("Ankara"),)
    )
    bank = Bank(id="b", title="B", questions=(question,))
    result = export_gift(bank)
    assert result.approximated == (
        LeftOut("c", "the gap ends the passage, so Moodle reads it as a short-answer question"),
    )
    assert moodle_view(result.text)[0]["type"] == "text"
    back = comparable(round_trip(bank)).questions[0]
    assert isinstance(back, ClozeQuestion)
    assert (back.parts, back.gaps) == (question.parts, question.gaps)


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
    assert comparable(round_trip(bank)).questions == bank.questions


def test_texts_that_look_like_syntax_are_protected() -> None:
    question = ChoiceQuestion(
        id="c",
        prompt="[html] <b>not html</b>",
        choices=("%50% off", "[plain] x", "// not a comment", "T"),
        answer="%50% off",
    )
    bank = Bank(id="b", title="B", questions=(question,))
    assert moodle_view(export_gift(bank).text)[0]["choices"] == list(question.choices)
    assert comparable(round_trip(bank)).questions == (question,)


def test_metadata_in_carried_strings_is_hidden_from_moodle() -> None:
    question = TrueFalseQuestion(id="t", prompt="P", answer=True, source="see [tag:x] [id:y]")
    text = export_gift(Bank(id="b", title="B", questions=(question,))).text
    assert "[tag:x]" not in text and "[id:y]" not in text
    assert comparable(round_trip(Bank(id="b", title="B", questions=(question,)))).questions == (
        question,
    )


def test_a_title_with_line_breaks_stays_in_its_comment() -> None:
    bank = Bank(
        id="b",
        title="One\n::x::Two{T}",
        questions=(TrueFalseQuestion(id="t", prompt="P", answer=True),),
    )
    assert [table["id"] for table in moodle_view(export_gift(bank).text)] == ["t"]
    assert round_trip(bank).title == "One\n::x::Two{T}"


def test_refused_answers_with_long_or_multi_line_feedback_come_back() -> None:
    question = TextQuestion(
        id="t",
        prompt="How did the U.S. react?",
        answer="defensive",
        reject=(
            RejectedAnswer("offensive", "It reacted to protect itself. " * 5),
            RejectedAnswer("aggressive", "Two lines:\nnot this one."),
            RejectedAnswer("hostile"),
        ),
    )
    bank = Bank(id="b", title="B", questions=(question,))
    assert comparable(round_trip(bank)).questions == (question,)


def test_escape_gift() -> None:
    assert escape_gift("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


# -------------------------------------------------------------- round trips


def test_round_trip_of_every_type() -> None:
    assert comparable(round_trip(BANK)) == comparable(BANK)


@pytest.mark.parametrize(
    "path",
    [*sorted(shipped_banks_dir().glob("*.toml")), EVERY_TYPE_BANK],
    ids=lambda path: path.stem,
)
def test_round_trip_of_the_shipped_banks_and_the_every_type_bank(path: Path) -> None:
    bank = load_bank(path)
    assert isinstance(bank, Bank)
    text = export_gift(bank).text
    back = round_trip(bank)
    assert comparable(back) == comparable(bank)
    assert export_gift(back).text == text


def test_round_trip_of_the_starter_bank(tmp_path: Path) -> None:
    starter = tmp_path / "starter.toml"
    starter.write_text(starter_text("starter", "Starter"), encoding="utf-8")
    bank = load_bank(starter)
    assert isinstance(bank, Bank)
    assert comparable(round_trip(bank)) == comparable(bank)


_CHARS = "ab ~=#{}:\\/%[]-><&*é|\n\t\r"
_TEXT = st.text(alphabet=_CHARS, min_size=1, max_size=12).filter(str.strip)
_WORD = st.text(alphabet="abcé-~=#:%*<&", min_size=1, max_size=6).filter(
    lambda text: text.strip() == text and "->" not in text
)
_TAG = st.text(alphabet="ab <`]\\", min_size=1, max_size=5).filter(str.strip)


@st.composite
def _rejects(draw: st.DrawFn, right: list[str]) -> tuple[RejectedAnswer, ...]:
    """Answers refused on purpose: words no right answer folds to."""
    words = st.sampled_from(["offensive", "aggressive", "Ankara", "la défense", "x*y"])
    refused = draw(st.lists(words, max_size=2, unique=True))
    folded = {normalise_text(text) for text in right}
    return tuple(
        RejectedAnswer(word, draw(st.one_of(st.just(""), _TEXT)))
        for word in refused
        if normalise_text(word) not in folded
    )


@st.composite
def _questions(draw: st.DrawFn, number: int) -> Question:
    common = {
        "id": f"q{number}",
        "prompt": draw(_TEXT),
        "explanation": draw(st.one_of(st.just(""), _TEXT)),
        "source": draw(st.one_of(st.just(""), _TEXT)),
        "tags": tuple(draw(st.lists(_TAG, max_size=3, unique=True))),
        "difficulty": draw(st.integers(1, 3)),
        "points": draw(st.integers(1, 3)),
        "quote": draw(st.one_of(st.just(""), _TEXT)),
    }
    kinds = ["choice", "multi", "tf", "text", "cloze", "number", "match", "open"]
    kind = draw(st.sampled_from(kinds))
    if kind == "open":
        return OpenQuestion(
            **common,
            model_answer=draw(_TEXT),
            key_points=tuple(draw(st.lists(_TEXT, max_size=3, unique=True))),
        )
    if kind in ("choice", "multi"):
        choices = tuple(draw(st.lists(_TEXT, min_size=2, max_size=5, unique=True)))
        if kind == "choice":
            return ChoiceQuestion(**common, choices=choices, answer=draw(st.sampled_from(choices)))
        rights = draw(st.lists(st.sampled_from(choices), min_size=1, unique=True))
        answers = tuple(c for c in choices if c in rights)
        weights: tuple[float, ...] = ()
        if draw(st.booleans()):
            weights = tuple(
                draw(st.floats(0.5, 100)) if c in rights else draw(st.floats(-100, 0))
                for c in choices
            )
            weights = tuple(round(w, 3) for w in weights)
        return MultiQuestion(**common, choices=choices, answers=answers, weights=weights)
    if kind == "tf":
        return TrueFalseQuestion(**common, answer=draw(st.booleans()))
    match = draw(st.sampled_from(["exact", "normal", "lenient"]))
    if kind == "text":
        answers = draw(st.lists(_TEXT, min_size=1, max_size=3, unique=True))
        return TextQuestion(
            **common,
            answer=answers[0],
            accept=tuple(answers[1:]),
            reject=draw(_rejects(answers)),
            match=match,
        )
    if kind == "cloze":
        words = draw(st.lists(_WORD, min_size=1, max_size=3, unique=True))
        before = draw(st.text(alphabet="ab ~=#:%<é\n", max_size=8))
        after = draw(st.text(alphabet="ab ~=#:%<é\n", max_size=8))
        common["prompt"] = draw(st.sampled_from(["Fill in the gap.", "Complete it."]))
        return ClozeQuestion(
            **common,
            parts=(before, after),
            gaps=(ClozeGap(words[0], tuple(words[1:])),),
            reject=draw(_rejects(words)),
            match=match,
        )
    if kind == "number":
        answer = draw(st.floats(-1e6, 1e6, allow_nan=False))
        tolerance = draw(st.one_of(st.just(0.0), st.floats(0, 100)))
        return NumberQuestion(**common, answer=answer, tolerance=tolerance)
    lefts = draw(st.lists(_TEXT, min_size=2, max_size=4, unique=True))
    rights = draw(st.lists(_TEXT, min_size=len(lefts) + 1, max_size=len(lefts) + 2, unique=True))
    return MatchQuestion(
        **common,
        pairs=tuple(zip(lefts, rights, strict=False)),
        distractors=tuple(rights[len(lefts) :]),
    )


@st.composite
def _banks(draw: st.DrawFn) -> Bank:
    count = draw(st.integers(1, 4))
    questions = tuple(draw(_questions(number)) for number in range(count))
    match = draw(st.sampled_from(["exact", "normal", "lenient"]))
    return Bank(
        id="b",
        title=draw(_TEXT),
        description=draw(st.one_of(st.just(""), _TEXT)),
        defaults=Defaults(match=match),
        questions=questions,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(_banks())
def test_any_bank_survives_a_gift_round_trip(bank: Bank) -> None:
    text = export_gift(bank).text
    back = round_trip(bank)
    assert comparable(back).questions == comparable(bank).questions
    assert (back.title, back.description, back.defaults) == (
        bank.title,
        bank.description,
        bank.defaults,
    )
    assert export_gift(back).text == text
