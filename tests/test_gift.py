"""Reading Moodle GIFT: every construct of Moodle's documentation, the odd
input Moodle accepts, what is kept, skipped or noted, and malformed files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.grading import grade_answer
from quizapp.interchange.convert import Conversion, import_text
from quizapp.model import (
    Bank,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OpenQuestion,
    Question,
    RejectedAnswer,
    TextQuestion,
    TrueFalseQuestion,
)

DATA = Path(__file__).parent / "data" / "interchange"


def convert(text: str, *, strict: bool = False) -> Conversion:
    return import_text(text, "gift", path="f.gift", strict=strict)


def questions(text: str) -> list[Question]:
    bank = convert(text).bank
    assert bank is not None
    return [dataclasses.replace(q, line=0) for q in bank.questions]


def only(text: str) -> Question:
    """The one question ``text`` converts to, with nothing to report."""
    conversion = convert(text)
    assert conversion.report == ()
    (question,) = questions(text)
    return question


def report(text: str) -> list[str]:
    return list(convert(text).report)


# ------------------------------------------------------ every construct


def test_every_construct_of_moodles_documentation() -> None:
    conversion = import_text(
        (DATA / "every-construct.gift").read_text(encoding="utf-8"),
        "gift",
        path="every-construct.gift",
    )
    assert conversion.report == (
        "every-construct.gift:49:2: approximated: answer 'Fethullah' (50%) is left out: "
        "quizapp gives no partial credit for a typed answer",
        "every-construct.gift:70:2: approximated: answer 2008 ± 2 (50%) is left out: "
        "quizapp gives no partial credit for a number",
        "every-construct.gift:89:1: approximated: converted to plain text: HTML formatting removed",
        "every-construct.gift:91:1: approximated: converted to plain text: Markdown formatting "
        "removed",
        "every-construct.gift:97:1: approximated: converted to plain text: HTML formatting removed",
        "every-construct.gift:100:1: skipped: this essay has no general feedback ({####...}) to "
        "be the model answer that a quizapp open question shows after answering; add one to "
        "import it",
        "every-construct.gift:104:1: skipped: descriptions (text with no answer section {...}) "
        "have no equivalent in quizapp",
    )
    bank = conversion.bank
    assert bank is not None
    assert [(q.id, str(q.type)) for q in bank.questions] == [
        ("delivery-began", "true_false"),
        ("buyer", "true_false"),
        ("seller", "true_false"),
        ("ally", "true_false"),
        ("system", "choice"),
        ("q6", "choice"),
        ("q7", "choice"),
        ("borders", "multi"),
        ("alliance-aim", "multi"),
        ("cleric", "text"),
        ("resides", "cloze"),
        ("coup-year", "number"),
        ("ambassador-start", "number"),
        ("ambassador-years", "number"),
        ("pi", "number"),
        ("ambassador-end", "number"),
        ("roles", "match"),
        ("escapes-all-of-them", "choice"),
        ("line-break", "true_false"),
        ("q20", "true_false"),
        ("q21", "choice"),
        ("q22", "true_false"),
        ("q23", "true_false"),
        ("per-answer", "choice"),
        ("q26", "open"),
    ]
    by_id = {q.id: dataclasses.replace(q, line=0) for q in bank.questions}
    assert [by_id[i].answer for i in ("delivery-began", "buyer", "seller", "ally")] == [  # type: ignore[union-attr]
        False,
        True,
        False,
        True,
    ]
    assert by_id["buyer"].explanation == "Yes: Turkey is the buyer.\n\nFalse: No, it did buy it."
    assert by_id["q7"].prompt == "Turkey was slated to buy the _____ fighter jet."
    assert by_id["borders"] == MultiQuestion(
        id="borders",
        prompt="Which does Cagaptay list among Turkey's neighbors?",
        choices=("Iran", "Iraq", "Syria", "Greece"),
        answers=("Iran", "Iraq", "Syria"),
        weights=(33.33333, 33.33333, 33.33333, -100),
        explanation="He also names Russia, across the Black Sea.\n\nGreece: Not in his list.",
        tags=("S-400 dispute", "Context"),
    )
    assert by_id["alliance-aim"].tags == ("S-400 dispute", "Context", "quotes", "Putin] and Russia")
    assert by_id["alliance-aim"].weights == ()  # type: ignore[union-attr]
    assert by_id["cleric"] == TextQuestion(
        id="cleric",
        prompt="Which cleric does Erdogan blame in part for the coup attempt?",
        answer="Fethullah Gulen",
        accept=("Gulen",),
        match="normal",
        reject=(RejectedAnswer("Erdogan", "No: Erdogan is the president."),),
        explanation="Fethullah: Give his family name too.",
        tags=("S-400 dispute", "Context"),
    )
    assert by_id["resides"] == ClozeQuestion(
        id="resides",
        prompt="Fill in the gap.",
        parts=("Fethullah Gulen now resides in ", "."),
        gaps=(ClozeGap("Pennsylvania", ("PA",)),),
        match="normal",
        tags=("S-400 dispute", "Context"),
    )
    numbers = [(by_id[i].answer, by_id[i].tolerance) for i in ("coup-year", "ambassador-start")]  # type: ignore[union-attr]
    assert numbers == [(2016, 0), (2006, 1)]
    assert (by_id["pi"].answer, by_id["pi"].tolerance) == (3.1415, 0.0005)  # type: ignore[union-attr]
    assert by_id["ambassador-end"].explanation == (
        "Right.\n\n2008 ± 2: Close.\n\nAny other answer: He served from 2005 to 2008."
    )
    assert by_id["roles"].distractors == ("U.S. Secretary of State",)  # type: ignore[union-attr]
    escapes = by_id["escapes-all-of-them"]
    assert isinstance(escapes, ChoiceQuestion)
    assert escapes.prompt == "Which characters does GIFT escape with a backslash?"
    assert escapes.choices == ("~ = # { } :", "only \\", "none")
    assert escapes.explanation == "Write \\n for a line break."
    assert by_id["line-break"].prompt == "First line\nsecond line."
    assert by_id["q20"].prompt == "Is Ankara the capital of Turkey?"
    assert by_id["q21"].prompt == 'Who said "Clearly a winner in all this is Putin"?'
    assert by_id["q22"].prompt == "Is <b> shown as written in plain text?"
    assert by_id["per-answer"].choices == ("S-400", "<b>F-35</b>")  # type: ignore[union-attr]
    assert by_id["coup-year"].tags == ("S-400 dispute", "Dates")
    assert by_id["q26"] == OpenQuestion(
        id="q26",
        prompt="Explain Wilson's view.",
        model_answer="A good answer names Putin as the winner.",
        tags=("S-400 dispute", "Dates"),
    )


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
    )


@pytest.mark.parametrize(
    ("section", "answer"), [("{T}", True), ("{TRUE}", True), ("{F}", False), ("{FALSE}", False)]
)
def test_true_false(section: str, answer: bool) -> None:
    question = only(f"::tf::Grant is buried in Grant's tomb.{section}")
    assert question == TrueFalseQuestion(
        id="tf", prompt="Grant is buried in Grant's tomb.", answer=answer
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
    )


def test_missing_word_short_answer_becomes_a_cloze() -> None:
    question = only("::two::Two plus {=two =2} equals four.")
    assert question == ClozeQuestion(
        id="two",
        prompt="Fill in the gap.",
        parts=("Two plus ", " equals four."),
        gaps=(ClozeGap("two", ("2",)),),
        match="normal",
    )


def test_missing_word_answer_that_cannot_be_a_gap_stays_a_text_question() -> None:
    question = only("Write {=a|b} here.")
    assert isinstance(question, TextQuestion)
    assert question.prompt == "Write _____ here."
    assert question.answer == "a|b"


@pytest.mark.parametrize(
    ("section", "answer", "tolerance"),
    [
        ("{#2016}", 2016.0, 0.0),
        ("{#1822:5}", 1822.0, 5.0),
        ("{#2000..2020}", 2010.0, 10.0),
        ("{#=2016:0 =%50%2016:2}", 2016.0, 0.0),
        ("{#=1..2 =2..4}", 2.5, 1.5),
        ("{#-1.5e1}", -15.0, 0.0),
        ("{#3.141..3.142}", 3.1415, 0.0005),
        ("{#0.1:0.2}", 0.1, 0.2),
    ],
)
def test_numerical(section: str, answer: float, tolerance: float) -> None:
    (question,) = questions(f"::n::In what year?{section}")
    assert question == NumberQuestion(
        id="n", prompt="In what year?", answer=answer, tolerance=tolerance
    )


def test_matching_with_distractors_keeps_them() -> None:
    question = only("::roles::Match.{=Wilson -> ambassador =Cagaptay -> director = -> minister}")
    assert question == MatchQuestion(
        id="roles",
        prompt="Match.",
        pairs=(("Wilson", "ambassador"), ("Cagaptay", "director")),
        distractors=("minister",),
    )


def test_a_first_pair_without_equals_is_a_pair_as_in_moodle() -> None:
    question = only("Match {a -> x =b -> y}")
    assert question.pairs == (("a", "x"), ("b", "y"))  # type: ignore[union-attr]


# ------------------------------------------------------- weights and credit


def test_multi_weights_are_kept_and_graded_as_moodle_does() -> None:
    question = only(
        "What two people are entombed in Grant's tomb? {\n"
        "   ~%-100%No one\n"
        "   ~%50%Grant\n"
        "   ~%50%Grant's wife\n"
        "   ~%-100%Grant's father\n"
        "}"
    )
    assert isinstance(question, MultiQuestion)
    assert question.answers == ("Grant", "Grant's wife")
    assert question.weights == (-100, 50, 50, -100)
    assert grade_answer(question, frozenset({"Grant"})).score == 0.5
    assert grade_answer(question, frozenset({"Grant", "No one"})).score == 0.0


def test_weights_equal_to_quizapps_rule_make_a_multi_without_weights() -> None:
    question = only("Pick {~%50%a ~%50%b ~%-50%c ~%-50%d}")
    assert isinstance(question, MultiQuestion)
    assert (question.answers, question.weights) == (("a", "b"), ())


def test_partial_credit_on_a_single_answer_choice_is_dropped_with_a_note() -> None:
    (question,) = questions("Pick {=a ~%50%b ~%-50%c}")
    assert isinstance(question, ChoiceQuestion) and question.answer == "a"
    assert report("Pick {=a ~%50%b ~%-50%c}") == [
        "f.gift:1:6: approximated: weights dropped (b (50%), c (-50%)): in quizapp a choice "
        "question is simply right or wrong"
    ]


def test_short_answer_partial_credit_and_wildcards_are_reported() -> None:
    text = "Capital? {=Paris =%50%Lyon =%0%London#No, England. =P*s =P\\*s}"
    (question,) = questions(text)
    assert isinstance(question, TextQuestion)
    assert (question.answer, question.accept) == ("Paris", ("P*s",))
    assert question.reject == (RejectedAnswer("London", "No, England."),)
    assert report(text) == [
        "f.gift:1:18: approximated: answer 'Lyon' (50%) is left out: quizapp gives no partial "
        "credit for a typed answer",
        "f.gift:1:52: approximated: '*' in 'P*s' is a wildcard in Moodle but an ordinary "
        "character in quizapp",
    ]


def test_wrong_short_answers_are_refused_with_their_feedback() -> None:
    text = (
        "Capital? {=Paris =%0%London#No, England. =%-50%Lyon#No. =%0%paris#Case. "
        "=%0%L*n#Wild. =%0%*#Try a city in France.}"
    )
    (question,) = questions(text)
    assert isinstance(question, TextQuestion)
    assert question.reject == (
        RejectedAnswer("London", "No, England."),
        RejectedAnswer("Lyon", "No."),
    )
    assert question.explanation == (
        "paris: Case.\n\nL*n: Wild.\n\nAny other answer: Try a city in France."
    )
    assert report(text) == [
        "f.gift:1:42: approximated: the penalty of 'Lyon' (-50%) is dropped",
        "f.gift:1:57: approximated: the wrong answer 'paris' reads as a right one in quizapp, "
        "which ignores case and punctuation: left out",
        "f.gift:1:73: approximated: '*' in 'L*n' is a wildcard in Moodle but an ordinary "
        "character in quizapp",
    ]


def test_numerical_feedback_and_partial_answers() -> None:
    text = "Born?{#\n =1822:0 # Right.\n =%50%1822:2 # Close.\n ~# Not at all.\n}"
    (question,) = questions(text)
    assert question.explanation == "Right.\n\n1822 ± 2: Close.\n\nAny other answer: Not at all."
    assert report(text) == [
        "f.gift:3:2: approximated: answer 1822 ± 2 (50%) is left out: quizapp gives no "
        "partial credit for a number"
    ]


# ------------------------------------------ what Moodle accepts, quizapp does


def test_equals_then_a_weight_is_a_right_answer_whose_text_starts_with_it() -> None:
    text = "Half?{=%50%half ~wrong}"
    (question,) = questions(text)
    assert isinstance(question, ChoiceQuestion)
    assert (question.choices, question.answer) == (("%50%half", "wrong"), "%50%half")
    assert report(text) == [
        "f.gift:1:8: approximated: a weight after '=' is text: as Moodle does, this is a fully "
        "right answer whose text starts with '%' (write ~%50% for partial credit)"
    ]


def test_a_weight_moodle_does_not_read_is_text() -> None:
    text = "Pick {~%+50%a ~%50%b}"
    (question,) = questions(text)
    assert isinstance(question, MultiQuestion)
    assert question.choices == ("%+50%a", "b")
    assert (question.answers, question.weights) == (("b",), (0, 50))
    assert report(text) == [
        "f.gift:1:1: warning: question 'q1': the right choices' weights add up to 50, not 100: "
        "no set of picks earns full points",
        "f.gift:1:8: approximated: this answer starts with '%' but not with a weight such as "
        "%50%, so, as Moodle does, the '%...' is part of its text",
    ]


def test_an_unclosed_title_is_text() -> None:
    text = "::unclosed title text{T}"
    (question,) = questions(text)
    assert question == TrueFalseQuestion(id="q1", prompt="unclosed title text", answer=True)
    assert report(text) == [
        "f.gift:1:1: approximated: the title has no closing '::', so, as Moodle does, the '::' "
        "is dropped and the rest is the question's text"
    ]


def test_a_question_in_the_category_block_is_swallowed_as_moodle_does() -> None:
    text = "$CATEGORY: Dates\n::a::A {T}\n\n::b::B {F}"
    assert [(q.id, q.tags) for q in questions(text)] == [("b", ("Dates",))]
    assert report(text) == [
        "f.gift:2:1: skipped: Moodle reads this question as part of the name of the $CATEGORY "
        "before it, which it follows without a blank line"
    ]


def test_braces_after_the_answer_section_are_text() -> None:
    text = "Pick one {=a ~b} or another {=c}."
    (question,) = questions(text)
    assert question.prompt == "Pick one _____ or another {=c}."
    assert report(text) == [
        "f.gift:1:29: approximated: only the first {...} is an answer section: Moodle shows the "
        "braces after it as text, and so does quizapp"
    ]


def test_empty_answers_are_left_out_as_moodle_does() -> None:
    text = "Pick {=a ~b ~}"
    (question,) = questions(text)
    assert question.choices == ("a", "b")  # type: ignore[union-attr]
    assert report(text) == [
        "f.gift:1:13: approximated: an empty answer after '~' is left out, as Moodle does"
    ]


def test_text_before_the_first_marker_is_an_answer_as_in_moodle() -> None:
    assert only("Capital? {Paris =Lyon}").accept == ("Lyon",)  # type: ignore[union-attr]
    assert report("Capital? {Ankara ~Istanbul}") == [
        "f.gift:1:10: skipped: no answer has a positive weight, so no answer is right"
    ]


def test_a_line_holding_only_0_ends_a_question_as_in_moodle() -> None:
    assert [q.id for q in questions("::a::A {T}\n0\n::b::B {F}")] == ["a", "b"]


# --------------------------------------------------------------- the text


def test_every_escape() -> None:
    question = only(r"::e\:1::Is \~ \= \# \{ \} \: \\ ok?\nYes.{=\{x\} ~\\ ~a\:b}")
    assert question == ChoiceQuestion(
        id="e-1",
        prompt="Is ~ = # { } : \\ ok?\nYes.",
        choices=("{x}", "\\", "a:b"),
        answer="{x}",
    )


def test_a_backslash_before_an_ordinary_character_stays() -> None:
    assert only(r"C:\path {T}").prompt == "C:\\path"


def test_multi_line_question_joined_with_spaces() -> None:
    question = only(
        "Match the following countries\nwith their capitals.{\n =Canada -> Ottawa\n"
        " =Italy -> Rome\n}"
    )
    assert question.prompt == "Match the following countries with their capitals."


def test_html_links_images_and_superscripts_with_one_note() -> None:
    text = (
        '[html]<p>Listen to <a href="https://example.org/a.mp3">this</a>: in what year?'
        '<img src="x.png" alt="a chart"> (10<sup>3</sup> + 2<sup>-1</sup>)</p>{#2016}'
    )
    (question,) = questions(text)
    assert question.prompt == (
        "Listen to this (https://example.org/a.mp3): in what year?"
        "[image: a chart] (x.png) (10³ + 2⁻¹)"
    )
    assert report(text) == [
        "f.gift:1:1: approximated: converted to plain text: 2 superscripts written as ¹²³ or "
        "^(...); 1 link written as 'text (url)'; 1 image written as '[image: alt] (url)'"
    ]


def test_html_in_unmarked_text_is_converted_too() -> None:
    (question,) = questions("Is <b>Ankara</b> &amp; <i>not</i> Istanbul<br>the capital?{T}")
    assert question.prompt == "Is Ankara & not Istanbul\nthe capital?"


def test_markdown_emphasis_is_removed() -> None:
    (question,) = questions("[markdown]Who is buried in **Grant's tomb**?{=no one}")
    assert question.prompt == "Who is buried in Grant's tomb?"


def test_answers_share_the_questions_format_and_may_have_their_own() -> None:
    (question,) = questions("[html]Pick{=<b>bold</b> ~[plain]<i>as written</i>}")
    assert question.choices == ("bold", "<i>as written</i>")  # type: ignore[union-attr]


def test_a_typed_answer_is_plain_text_in_any_format() -> None:
    (question,) = questions("[html]Which tag?{=<b>}")
    assert question.answer == "<b>"  # type: ignore[union-attr]


def test_an_unknown_marker_is_text() -> None:
    assert only("[note] fine?{T}").prompt == "[note] fine?"


# --------------------------------------------------- ids, tags, comments


def test_ids_from_idnumbers_titles_slugs_and_numbers() -> None:
    text = (
        "::Q1::A {T}\n\n::Année scolaire 2016::B {T}\n\nC {T}\n\n::q1::D {T}\n\n::Q1::E {T}\n\n"
        "// [id:my-id] [id:second]\n::title::F {T}\n\n// [id:not an id]\nG {T}"
    )
    assert [q.id for q in questions(text)] == [
        "Q1",
        "annee-scolaire-2016",
        "q3",
        "q1",
        "Q1-2",
        "my-id",
        "not-an-id",
    ]


def test_moodle_tags_categories_and_tag_comments() -> None:
    text = (
        "$CATEGORY: $course$/top/Default for S-400/Dates//Eras\n\n"
        "// question: 12  name: a\n// [id:a] [tag:coup] [tag: with spaces ] [tag:]\n"
        "// tags: dates, coup\n"
        "::a::A {T}\n\n"
        "$CATEGORY: Quotes\n\n"
        "::b::B {T}"
    )
    assert [q.tags for q in questions(text)] == [
        ("Dates/Eras", "coup", "with spaces", "dates"),
        ("Quotes",),
    ]


def test_carried_lines_give_what_gift_cannot_hold() -> None:
    question = only(
        '//: source = "a 2016 coup attempt"\n//: difficulty = 2\n//: points = 3\n'
        '//: unit = "year"\n//: tags = ["dates"]\n'
        "::coup-year::In what year?{#2016}"
    )
    assert question == NumberQuestion(
        id="coup-year",
        prompt="In what year?",
        answer=2016.0,
        source="a 2016 coup attempt",
        difficulty=2,
        points=3,
        unit="year",
        tags=("dates",),
    )


def test_the_json_comments_of_older_exports_are_read() -> None:
    question = only(
        '// quizapp: {"source": "a 2016 coup attempt", "difficulty": 2, "tags": ["dates"]}\n'
        "::coup-year::In what year?{#2016}"
    )
    assert (question.source, question.difficulty, question.tags) == (
        "a 2016 coup attempt",
        2,
        ("dates",),
    )


def test_comments_are_ignored_but_slashes_inside_a_line_are_text() -> None:
    text = "// a comment\n::a::See https://example.org/page {T}\n  // a comment inside\n"
    assert [q.prompt for q in questions(text)] == ["See https://example.org/page"]


def test_blank_lines_separate_questions_and_crlf_is_read() -> None:
    conversion = convert("::a::A {T}\r\n\r\n\r\n::b::B\r\n{F}\r\n")
    assert conversion.bank is not None
    assert [q.id for q in conversion.bank.questions] == ["a", "b"]


def test_a_byte_order_mark_is_ignored() -> None:
    assert only("\ufeff::a::A {T}").id == "a"


# ------------------------------------------------------------------ skipped


def test_an_essay_is_an_open_question_its_general_feedback_the_model_answer() -> None:
    question = only(
        "::why::Why does Turkey matter?{####Because of where it lies.\\n\\nKey points\\:"
        "\\n- its neighbours\\n- policies are easier with Turkey}"
    )
    assert question == OpenQuestion(
        id="why",
        prompt="Why does Turkey matter?",
        model_answer="Because of where it lies.",
        key_points=("its neighbours", "policies are easier with Turkey"),
    )


def test_essays_without_a_model_answer_and_descriptions_are_skipped_at_their_line() -> None:
    text = (
        "::a::A {T}\n\nWrite an essay on the S-400.{}\n\nDescription only.\n\n"
        "Essay with feedback {####Model answer}\n\n::b::B {F}"
    )
    assert [q.id for q in questions(text)] == ["a", "q4", "b"]
    assert report(text) == [
        "f.gift:3:1: skipped: this essay has no general feedback ({####...}) to be the model "
        "answer that a quizapp open question shows after answering; add one to import it",
        "f.gift:5:1: skipped: descriptions (text with no answer section {...}) have no "
        "equivalent in quizapp",
    ]


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
    conversion = convert(text)
    assert conversion.bank is None
    assert [line for line in conversion.report if "skipped" in line] == [message]


# ---------------------------------------------------------------- malformed


def test_malformed_questions_are_each_reported_at_their_place_and_left_out() -> None:
    conversion = import_text(
        (DATA / "malformed.gift").read_text(encoding="utf-8"), "gift", path="malformed.gift"
    )
    assert conversion.report == (
        "malformed.gift:5:29: error: '{' is never closed -- a blank line ends a question, so "
        "there must be none inside the answers",
        "malformed.gift:7:9: error: '}' without an opening '{' (write \\} for a literal brace)",
        "malformed.gift:9:14: error: '}' without an opening '{' (write \\} for a literal brace)",
        "malformed.gift:11:22: error: a weight has one '-' at most, e.g. ~%-50%",
        "malformed.gift:13:28: error: a matching answer is written =item -> its match",
        "malformed.gift:15:33: error: 'twenty' is not a number (Moodle would accept any answer "
        "here)",
        "malformed.gift:17:34: error: the range 2020..2000 goes from high to low",
        "malformed.gift:19:20: error: a multiple-choice question needs at least 2 answers",
        "malformed.gift:21:22: error: the weight 150% is outside -100% to 100%",
        "malformed.gift:23:5: error: question 'bad-hint': 'difficulty' must be an integer 1-3, "
        "found 5",
        "malformed.gift:26:14: error: in the //: lines: TOML syntax error: invalid value: text "
        'must be in quotes, e.g. answer = "Paris"',
        "malformed.gift:29:5: error: question 'no-fact': 'about' item 1 'pluto' is not an actor, "
        "event or quote of this bank",
    )
    assert conversion.bank is not None
    assert [q.id for q in conversion.bank.questions] == ["good"]
    assert conversion.errors == 12


def test_strict_refuses_the_whole_file() -> None:
    text = (DATA / "malformed.gift").read_text(encoding="utf-8")
    conversion = import_text(text, "gift", path="malformed.gift", strict=True)
    assert (conversion.bank, conversion.failure) == (None, "12 errors (--strict)")
    assert len(conversion.report) == 12


def test_a_bad_json_comment_is_located_where_the_json_breaks() -> None:
    assert report("// quizapp: {oops}\n::a::A {T}\n\n::b::B {T}") == [
        "f.gift:1:14: error: the quizapp comment is not valid JSON: Expecting property name "
        "enclosed in double quotes"
    ]


def test_bank_tables_in_carried_lines_are_checked_and_named() -> None:
    text = (
        '//: format = 1\n//: [bank]\n//: id = "b"\n//: title = "B"\n//:\n'
        '//: [[actors]]\n//: id = "wilson"\n//: name = "Ross Wilson"\n//: kind = "person"\n'
        "//:\n"
        '//: [[quotes]]\n//: id = "winner"\n//: text = "Clearly a winner"\n'
        '//: speaker = "wilson"\n\n'
        '//: about = ["winner"]\n::a::A {T}'
    )
    conversion = convert(text)
    assert conversion.report == (
        "f.gift:6:5: error: actor 'wilson': missing required key 'role'",
        "f.gift:11:5: error: quote 'winner': 'speaker' 'wilson' is not an actor of this bank",
        "f.gift:16:5: error: question 'a': 'about' item 1 'winner' is not an actor, event or "
        "quote of this bank",
    )
    assert conversion.bank is None
    assert conversion.failure == "no question of the file could be converted"


def test_unknown_keys_in_bank_lines() -> None:
    assert report('//: colour = "red"\n\n::a::A {T}') == [
        "f.gift:1:5: error: unknown key 'colour' in the //: lines (known: format, bank, "
        "defaults, [[actors]], [[events]], [[quotes]], [[questions]])"
    ]


# -------------------------------------------------------------- any input


_PIECES = st.sampled_from(
    [
        *"ab ~=#{}:\\\n%-.>0123456789TF[]/$*",
        *("->", "::", "####", "\n\n", "[html]", "<p>", "$CATEGORY:", "//", "TRUE", ".."),
        *("%50%", "%-100%", "{{", "}}", "|", "\r\n", "&amp;", "<sup>", "**", "\n0\n"),
        *("// tags: x", '// quizapp: {"points": 2}', "// [id:x] [tag:y]", "//: points = 2"),
        *('//: [[questions]]\n//: id = "o"\n//: type = "order"\n', "//: x = [\n"),
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_any_input_converts_without_raising(text: str) -> None:
    conversion = convert(text)
    assert (conversion.bank is None) == bool(conversion.failure)
    if conversion.bank is not None:
        assert isinstance(conversion.bank, Bank)
