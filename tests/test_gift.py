"""Reading Moodle GIFT: every construct, malformed input, skipped questions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.banks import load_bank_text
from quizapp.banks.write import bank_to_toml
from quizapp.interchange.aiken import read_aiken
from quizapp.interchange.common import ImportResult, Note, build_bank
from quizapp.interchange.gift import read_gift
from quizapp.model import (
    Bank,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    Question,
    TextQuestion,
    TrueFalseQuestion,
)

DATA = Path(__file__).parent / "data" / "interchange"


def only(text: str) -> Question:
    """The one question ``text`` converts to, with nothing to report."""
    result = read_gift(text)
    assert result.errors == result.skipped == result.approximated == ()
    assert len(result.questions) == 1
    return result.questions[0]


def report(text: str) -> list[str]:
    return read_gift(text).report_lines("f.gift")


# ------------------------------------------------------------- question types


def test_multiple_choice_with_feedback() -> None:
    question = only(
        "::system::Which system?{\n"
        "  =S-400 # Right: a missile defense system.\n"
        "  ~F-35 # No: a fighter jet.\n"
        "  ~Patriot\n"
        "}"
    )
    assert question == ChoiceQuestion(
        id="system",
        prompt="Which system?",
        choices=("S-400", "F-35", "Patriot"),
        answer="S-400",
        explanation="Right: a missile defense system.\n\nF-35: No: a fighter jet.",
        line=1,
    )


def test_missing_word_choice_puts_a_blank_in_the_prompt() -> None:
    question = only("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert isinstance(question, ChoiceQuestion)
    assert question.prompt == "Grant is _____ in Grant's tomb."
    assert question.choices == ("buried", "entombed", "living")
    assert question.answer == "entombed"


def test_weights_equal_to_quizapps_rule_make_an_exact_multi() -> None:
    question = only("Pick {~%50%a ~%50%b ~%-50%c ~%-50%d}")
    assert isinstance(question, MultiQuestion)
    assert question.choices == ("a", "b", "c", "d")
    assert question.answers == ("a", "b")


def test_other_weights_are_approximated_with_a_note() -> None:
    result = read_gift(
        "What two people are entombed in Grant's tomb? {\n"
        "   ~%-100%No one\n"
        "   ~%50%Grant\n"
        "   ~%50%Grant's wife\n"
        "   ~%-100%Grant's father\n"
        "}"
    )
    (question,) = result.questions
    assert isinstance(question, MultiQuestion)
    assert question.answers == ("Grant", "Grant's wife")
    assert result.report_lines("f.gift") == [
        "f.gift:1:47: approximated: Moodle's weights (right 50%, 50%; wrong -100%) become "
        "quizapp's rule: each right pick earns 1/2 of the points and each wrong pick takes "
        "as much away"
    ]


def test_partial_credit_on_a_single_answer_choice_is_dropped_with_a_note() -> None:
    result = read_gift("Pick {=a ~%50%b ~c}")
    (question,) = result.questions
    assert isinstance(question, ChoiceQuestion) and question.answer == "a"
    assert result.report_lines("f.gift") == [
        "f.gift:1:6: approximated: weights dropped (b (50%)): in quizapp a choice question "
        "is simply right or wrong"
    ]


@pytest.mark.parametrize(
    ("section", "answer"), [("{T}", True), ("{TRUE}", True), ("{F}", False), ("{FALSE}", False)]
)
def test_true_false(section: str, answer: bool) -> None:
    question = only(f"::tf::Grant is buried in Grant's tomb.{section}")
    assert question == TrueFalseQuestion(
        id="tf", prompt="Grant is buried in Grant's tomb.", answer=answer, line=1
    )


def test_true_false_feedback_right_first_then_general_then_wrong() -> None:
    question = only("Ankara is the capital.{TRUE#It is.#Right.####Since 1923.}")
    assert question.explanation == "Right.\n\nSince 1923.\n\nFalse: It is."


def test_short_answer_alternatives_become_accept() -> None:
    question = only("::cleric::Which cleric?{=Fethullah Gulen =Gulen =Fethullah Gulen}")
    assert question == TextQuestion(
        id="cleric",
        prompt="Which cleric?",
        answer="Fethullah Gulen",
        accept=("Gulen",),
        match="normal",
        line=1,
    )


def test_missing_word_short_answer_becomes_a_cloze() -> None:
    question = only("::two::Two plus {=two =2} equals four.")
    assert question == ClozeQuestion(
        id="two",
        prompt="Fill in the gap.",
        parts=("Two plus ", " equals four."),
        gaps=(ClozeGap("two", ("2",)),),
        match="normal",
        line=1,
    )


def test_missing_word_answer_that_cannot_be_a_gap_stays_a_text_question() -> None:
    question = only("Write {=a|b} here.")
    assert isinstance(question, TextQuestion)
    assert question.prompt == "Write _____ here."
    assert question.answer == "a|b"


def test_short_answer_partial_credit_and_wildcards_are_reported() -> None:
    result = read_gift("Capital? {=Paris =%50%Lyon =%0%London#No, England. =P*s}")
    (question,) = result.questions
    assert isinstance(question, TextQuestion)
    assert (question.answer, question.accept) == ("Paris", ("P*s",))
    assert question.explanation == "London: No, England."
    assert result.report_lines("f.gift") == [
        "f.gift:1:18: approximated: answer 'Lyon' (50%) is left out: quizapp gives no partial "
        "credit for a typed answer",
        "f.gift:1:52: approximated: '*' in 'P*s' is a wildcard in Moodle but an ordinary "
        "character in quizapp",
    ]


@pytest.mark.parametrize(
    ("section", "answer", "tolerance"),
    [
        ("{#2016}", 2016.0, 0.0),
        ("{#1822:5}", 1822.0, 5.0),
        ("{#2000..2020}", 2010.0, 10.0),
        ("{#=2016:0 =%50%2016:2}", 2016.0, 0.0),
        ("{#=1..2 =2..4}", 2.5, 1.5),
        ("{#-1.5e1}", -15.0, 0.0),
    ],
)
def test_numerical(section: str, answer: float, tolerance: float) -> None:
    result = read_gift(f"::n::In what year?{section}")
    (question,) = result.questions
    assert question == NumberQuestion(
        id="n", prompt="In what year?", answer=answer, tolerance=tolerance, line=1
    )


def test_numerical_feedback_and_partial_answers() -> None:
    result = read_gift("Born?{#\n =1822:0 # Right.\n =%50%1822:2 # Close.\n ~# Not at all.\n}")
    (question,) = result.questions
    assert question.explanation == "Right.\n\n1822 ± 2: Close.\n\nAny other answer: Not at all."
    assert result.report_lines("f.gift") == [
        "f.gift:3:2: approximated: answer 1822 ± 2 (50%) is left out: quizapp gives no "
        "partial credit for a number"
    ]


def test_matching() -> None:
    question = only(
        "::roles::Match.{\n =Ross Wilson -> former ambassador\n =Soner Cagaptay -> director\n}"
    )
    assert question == MatchQuestion(
        id="roles",
        prompt="Match.",
        pairs=(("Ross Wilson", "former ambassador"), ("Soner Cagaptay", "director")),
        line=1,
    )


def test_matching_distractors_are_left_out_with_a_note() -> None:
    result = read_gift("Match {=a -> x =b -> y = -> z}")
    (question,) = result.questions
    assert isinstance(question, MatchQuestion)
    assert question.pairs == (("a", "x"), ("b", "y"))
    assert result.report_lines("f.gift") == [
        "f.gift:1:24: approximated: the extra answer 'z' is left out: quizapp's matching "
        "questions have no distractors"
    ]


# ------------------------------------------------------------------ the text


def test_every_escape() -> None:
    question = only(r"::e\:1::Is \~ \= \# \{ \} \: \\ ok?\nYes.{=\{x\} ~\\ ~a\:b}")
    assert question == ChoiceQuestion(
        id="e-1",
        prompt="Is ~ = # { } : \\ ok?\nYes.",
        choices=("{x}", "\\", "a:b"),
        answer="{x}",
        line=1,
    )


def test_a_backslash_before_an_ordinary_character_stays() -> None:
    assert only(r"C:\path {T}").prompt == "C:\\path"


def test_multi_line_question_joined_with_spaces() -> None:
    question = only(
        "Match the following countries\nwith their capitals.{\n =Canada -> Ottawa\n"
        " =Italy -> Rome\n}"
    )
    assert question.prompt == "Match the following countries with their capitals."


def test_html_is_turned_into_plain_text() -> None:
    question = only("[html]<p>Is <b>Ankara</b> &amp; <i>not</i> Istanbul<br>the capital?</p>{T}")
    assert question.prompt == "Is Ankara & not Istanbul\nthe capital?"


@pytest.mark.parametrize("marker", ["[markdown]", "[plain]", "[moodle]"])
def test_other_format_markers_are_dropped(marker: str) -> None:
    assert only(f"{marker}Is **this** fine?{{T}}").prompt == "Is **this** fine?"


def test_an_unknown_marker_is_text() -> None:
    assert only("[note] fine?{T}").prompt == "[note] fine?"


def test_format_marker_on_an_answer() -> None:
    question = only("[html]Pick{=[html]<b>bold</b> ~plain}")
    assert isinstance(question, ChoiceQuestion)
    assert question.choices == ("bold", "plain")


def test_general_feedback_becomes_the_explanation() -> None:
    question = only("Pick {=a ~b ####Because a.}")
    assert question.explanation == "Because a."


# --------------------------------------------------- ids, tags, comments, lines


def test_ids_from_titles_slugs_and_numbers() -> None:
    result = read_gift(
        "::Q1::A {T}\n\n::Année scolaire 2016::B {T}\n\nC {T}\n\n::q1::D {T}\n\n::Q1::E {T}"
    )
    assert [q.id for q in result.questions] == ["Q1", "annee-scolaire-2016", "q3", "q1", "Q1-2"]


def test_categories_become_tags_and_hints_add_tags() -> None:
    result = read_gift(
        "$CATEGORY: $course$/top/Default for S-400/Dates//Eras\n\n"
        "// tags: dates, coup\n"
        "::a::A {T}\n\n"
        "$CATEGORY: Quotes\n\n"
        "::b::B {T}"
    )
    assert [q.tags for q in result.questions] == [("Dates/Eras", "dates", "coup"), ("Quotes",)]


def test_a_category_line_directly_followed_by_a_question() -> None:
    (question,) = read_gift("$CATEGORY: Dates\n::a::A {T}").questions
    assert (question.id, question.tags) == ("a", ("Dates",))


def test_quizapp_hint_restores_what_gift_cannot_hold() -> None:
    question = only(
        '// quizapp: {"source": "a 2016 coup attempt", "difficulty": 2, "points": 3, '
        '"about": ["coup"], "unit": "", "tags": ["dates"]}\n'
        "::coup-year::In what year?{#2016}"
    )
    assert question == NumberQuestion(
        id="coup-year",
        prompt="In what year?",
        answer=2016.0,
        source="a 2016 coup attempt",
        difficulty=2,
        points=3,
        about=("coup",),
        tags=("dates",),
        line=2,
    )


def test_comments_are_ignored_but_slashes_inside_a_line_are_text() -> None:
    result = read_gift(
        "// a comment\n::a::See https://example.org/page {T}\n  // a comment inside the question\n"
    )
    assert [q.prompt for q in result.questions] == ["See https://example.org/page"]


def test_blank_lines_separate_questions_and_crlf_is_read() -> None:
    result = read_gift("::a::A {T}\r\n\r\n\r\n::b::B\r\n{F}\r\n")
    assert [(q.id, q.line) for q in result.questions] == [("a", 1), ("b", 4)]


def test_a_byte_order_mark_is_ignored() -> None:
    assert only("\ufeff::a::A {T}").id == "a"


# ------------------------------------------------------------------ skipped


def test_essays_and_descriptions_are_skipped_at_their_line() -> None:
    result = read_gift(
        "::a::A {T}\n\nWrite an essay on the S-400.{}\n\nDescription only.\n\n"
        "Essay with feedback {####Model answer}\n\n::b::B {F}"
    )
    assert [q.id for q in result.questions] == ["a", "b"]
    assert result.skipped == (
        Note(3, "essay questions (an empty answer section {}) have no equivalent in quizapp"),
        Note(
            5,
            "descriptions (text with no answer section {...}) have no equivalent in quizapp",
        ),
        Note(7, "essay questions (an empty answer section {}) have no equivalent in quizapp"),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Pick {=a =b ~c}",
            "f.gift:1:10: skipped: 2 answers are fully right (any one is accepted), but a "
            "quizapp choice question has one right answer",
        ),
        (
            "Pick {~a ~%0%b}",
            "f.gift:1:6: skipped: no answer has a positive weight, so no answer is right",
        ),
        (
            "Pick {=a ~a}",
            "f.gift:1:10: skipped: two answers read 'a'; quizapp needs different choices",
        ),
        (
            "Match {=a -> x =b -> x}",
            "f.gift:1:7: skipped: 'x' appears twice on the right, but quizapp pairs each item "
            "with a different one",
        ),
        (
            "Match {=a -> x = -> y}",
            "f.gift:1:7: skipped: a matching question needs at least 2 pairs",
        ),
        (
            "Year {#=1..2 =5..6}",
            "f.gift:1:6: skipped: the right answers are separate ranges, but a quizapp number "
            "question has one answer and one tolerance",
        ),
        (
            "Year {#%50%2016}",
            "f.gift:1:6: skipped: no answer earns full marks, so no answer is right",
        ),
        ("{=a =b}", "f.gift:1:1: skipped: the question has no text"),
    ],
)
def test_questions_without_an_equivalent_are_skipped(text: str, message: str) -> None:
    result = read_gift(text)
    assert result.questions == ()
    assert [line for line in result.report_lines("f.gift") if "skipped" in line] == [message]


# ---------------------------------------------------------------- malformed


def test_malformed_file_reports_every_error_at_its_place() -> None:
    result = read_gift((DATA / "malformed.gift").read_text(encoding="utf-8"))
    assert result.questions == ()
    assert result.report_lines("malformed.gift") == [
        "malformed.gift:3:1: the question's title is not closed: write ::title:: before the text",
        "malformed.gift:5:29: '{' is never closed -- a blank line ends a question, so there "
        "must be none inside the answers",
        "malformed.gift:7:9: '}' without an opening '{' (write \\} for a literal brace)",
        "malformed.gift:9:14: '}' without an opening '{' (write \\} for a literal brace)",
        "malformed.gift:11:45: a question has one answer section {...}; write \\{ and \\} for "
        "literal braces",
        "malformed.gift:13:22: a weight is a percentage from -100 to 100 between % signs, "
        "e.g. ~%50%",
        "malformed.gift:15:28: a matching answer is written =item -> its match",
        "malformed.gift:17:32: 'twenty' is not a number",
        "malformed.gift:19:33: the range 2020..2000 goes from high to low",
        "malformed.gift:21:34: the answer 'Ankara' must start with '=' (right) or '~' (wrong)",
        "malformed.gift:23:26: empty answer after '~'",
        "malformed.gift:25:20: a multiple-choice question needs at least 2 answers",
        "malformed.gift:27:13: bad quizapp comment entry 'difficulty': 5 (known keys: about, "
        "difficulty, match, points, prompt, quote, source, tags, unit)",
    ]


def test_a_bad_json_hint_is_located_where_the_json_breaks() -> None:
    assert report("// quizapp: {oops}\n::a::A {T}") == [
        "f.gift:1:14: the quizapp comment is not valid JSON: Expecting property name "
        "enclosed in double quotes"
    ]


def test_errors_do_not_stop_the_other_questions() -> None:
    result = read_gift("::a::A {T}\n\n::b::B {=x\n\n::c::C {F}")
    assert [q.id for q in result.questions] == ["a", "c"]
    assert len(result.errors) == 1


# -------------------------------------------------------------- whole files


def sample_bank(result: ImportResult) -> Bank:
    return build_bank(
        result.questions, bank_id="sample", title="Sample", source_title="Imported", match="normal"
    )


def test_sample_file_converts_every_construct() -> None:
    result = read_gift((DATA / "moodle.gift").read_text(encoding="utf-8"))
    assert result.errors == ()
    assert result.report_lines("moodle.gift") == [
        "moodle.gift:59:1: skipped: essay questions (an empty answer section {}) have no "
        "equivalent in quizapp",
        "moodle.gift:61:1: skipped: descriptions (text with no answer section {...}) have no "
        "equivalent in quizapp",
    ]
    summary = [(q.id, str(q.type), q.line) for q in result.questions]
    assert summary == [
        ("delivery-began", "true_false", 7),
        ("system", "choice", 10),
        ("q3", "choice", 17),
        ("borders", "multi", 21),
        ("cleric", "text", 30),
        ("resides", "cloze", 32),
        ("coup-year", "number", 37),
        ("ambassador-start", "number", 39),
        ("ambassador-years", "number", 41),
        ("roles", "match", 44),
        ("escapes-all-of-them", "choice", 51),
        ("q12", "true_false", 54),
        ("q13", "choice", 56),
    ]
    by_id = {q.id: q for q in result.questions}
    assert by_id["borders"].tags == ("S-400 dispute", "Context", "geography")
    assert by_id["roles"].tags == ("S-400 dispute", "Dates")
    escapes = by_id["escapes-all-of-them"]
    assert isinstance(escapes, ChoiceQuestion)
    assert escapes.prompt == "Which characters does GIFT escape with a backslash?"
    assert escapes.choices == ("~ = # { } :", "only \\", "none")
    assert escapes.explanation == "Write \\n for a line break."
    assert by_id["q12"].prompt == "Is Ankara the capital of Turkey?"


def test_sample_file_makes_a_bank_the_loader_accepts() -> None:
    result = read_gift((DATA / "moodle.gift").read_text(encoding="utf-8"))
    loaded = load_bank_text(bank_to_toml(sample_bank(result)), "sample.toml")
    assert isinstance(loaded, Bank), loaded
    assert len(loaded.questions) == 13
    # GIFT has no source excerpts: every question gets that warning, nothing else.
    sourceless = [
        w for w in loaded.warnings if w.message.endswith("(the excerpt that proves the answer)")
    ]
    assert len(sourceless) == 13
    unexplained = [w for w in loaded.warnings if w not in sourceless]
    assert [w.message for w in unexplained] == [
        f"question '{qid}' has no explanation (shown after answering)"
        for qid in (
            "delivery-began",
            "q3",
            "cleric",
            "resides",
            "coup-year",
            "ambassador-start",
            "ambassador-years",
            "roles",
            "q13",
        )
    ]


_PIECES = st.sampled_from(
    [
        *"ab ~=#{}:\\\n%-.>0123456789TF[]/$",
        *("->", "::", "####", "\n\n", "[html]", "<p>", "$CATEGORY:", "//", "TRUE", ".."),
        *("%50%", "%-100%", "{{", "}}", "|", "\r\n", "A) ", "ANSWER: A\n", "&amp;"),
        *("// tags: x", '// quizapp: {"points": 2}'),
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_any_input_converts_without_raising_into_a_loadable_bank(text: str) -> None:
    for read in (read_gift, read_aiken):
        result = read(text)
        if result.questions:
            loaded = load_bank_text(bank_to_toml(sample_bank(result)), "fuzz.toml")
            assert isinstance(loaded, Bank), [str(p) for p in loaded.problems]
