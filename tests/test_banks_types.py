"""Every question type: what a valid table builds, and every rule it breaks,
with the exact ``path:line:col: message`` reported."""

from __future__ import annotations

import pytest

from quizapp.banks import load_bank_text
from quizapp.model import (
    Bank,
    BankError,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
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

# Six lines: a question table written after it starts on line 7.
HEAD = 'format = 1\n\n[bank]\nid = "t"\ntitle = "Test bank"\n\n'
WHY = 'explanation = "Why."\nsource = "The text."\n'


def load_question(body: str) -> Question:
    """The only question of a bank made of HEAD and ``body`` (must be valid)."""
    result = load_bank_text(HEAD + body, "bank.toml")
    assert isinstance(result, Bank), [str(p) for p in result.problems]
    assert result.warnings == ()
    (question,) = result.questions
    return question


def problems(body: str) -> list[str]:
    """Every problem reported for HEAD + ``body``, as printed."""
    result = load_bank_text(HEAD + body, "bank.toml")
    if isinstance(result, BankError):
        return [str(problem) for problem in result.problems]
    return [str(problem) for problem in result.warnings]


class TestChoice:
    def test_valid(self) -> None:
        question = load_question(
            '[[questions]]\nid = "buy"\ntype = "choice"\nprompt = "Which system?"\n'
            'choices = ["S-400", "F-35", "Patriot"]\nanswer = "S-400"\n' + WHY
        )
        assert question == ChoiceQuestion(
            id="buy",
            prompt="Which system?",
            explanation="Why.",
            source="The text.",
            choices=("S-400", "F-35", "Patriot"),
            answer="S-400",
            line=7,
        )

    def test_answer_not_a_choice(self) -> None:
        assert problems(
            '[[questions]]\nid = "buy"\ntype = "choice"\nprompt = "Which system?"\n'
            'choices = ["S-400", "F-35"]\nanswer = "S-40"\n' + WHY
        ) == ["bank.toml:12:1: 'answer' 'S-40' is not one of the choices -- did you mean 'S-400'?"]

    def test_duplicate_choice_is_located_at_the_repeat(self) -> None:
        assert problems(
            '[[questions]]\nid = "buy"\ntype = "choice"\nprompt = "Which system?"\n'
            'choices = ["S-400", "F-35", "S-400"]\nanswer = "S-400"\n' + WHY
        ) == ["bank.toml:11:29: duplicate choice 'S-400'"]

    def test_one_choice_is_not_enough(self) -> None:
        assert problems(
            '[[questions]]\nid = "buy"\ntype = "choice"\nprompt = "Which system?"\n'
            'choices = ["S-400"]\nanswer = "S-400"\n' + WHY
        ) == ["bank.toml:11:1: 'choices' needs at least 2 choices, found 1"]

    def test_missing_keys_are_reported_at_the_header(self) -> None:
        assert problems('[[questions]]\nid = "buy"\ntype = "choice"\nprompt = "P?"\n' + WHY) == [
            "bank.toml:7:1: missing required key 'choices'",
            "bank.toml:7:1: missing required key 'answer'",
        ]

    def test_choice_of_the_wrong_type(self) -> None:
        assert problems(
            '[[questions]]\nid = "buy"\ntype = "choice"\nprompt = "P?"\n'
            'choices = ["S-400", 400]\nanswer = "S-400"\n' + WHY
        ) == ["bank.toml:11:21: 'choices' item 2 must be a string, found integer"]

    def test_choices_not_an_array(self) -> None:
        assert problems(
            '[[questions]]\nid = "buy"\ntype = "choice"\nprompt = "P?"\n'
            'choices = "S-400, F-35"\nanswer = "S-400"\n' + WHY
        ) == ["bank.toml:11:1: 'choices' must be an array of strings, found string"]


class TestMulti:
    def test_valid(self) -> None:
        question = load_question(
            '[[questions]]\nid = "borders"\ntype = "multi"\nprompt = "Which border Turkey?"\n'
            'choices = ["Iraq", "Syria", "Spain"]\nanswers = ["Iraq", "Syria"]\n' + WHY
        )
        assert isinstance(question, MultiQuestion)
        assert question.choices == ("Iraq", "Syria", "Spain")
        assert question.answers == ("Iraq", "Syria")

    def test_answer_outside_the_choices(self) -> None:
        assert problems(
            '[[questions]]\nid = "b"\ntype = "multi"\nprompt = "P?"\n'
            'choices = ["Iraq", "Syria", "Spain"]\nanswers = ["Iraq", "Iran"]\n' + WHY
        ) == [
            "bank.toml:12:20: 'answers' item 2 'Iran' is not one of the choices "
            "-- did you mean 'Iraq'?"
        ]

    def test_no_answers(self) -> None:
        assert problems(
            '[[questions]]\nid = "b"\ntype = "multi"\nprompt = "P?"\n'
            'choices = ["Iraq", "Syria"]\nanswers = []\n' + WHY
        ) == ["bank.toml:12:1: 'answers' must list at least one of the choices"]

    def test_repeated_answer(self) -> None:
        assert problems(
            '[[questions]]\nid = "b"\ntype = "multi"\nprompt = "P?"\n'
            'choices = ["Iraq", "Syria"]\nanswers = ["Iraq", "Iraq"]\n' + WHY
        ) == ["bank.toml:12:20: duplicate answer 'Iraq'"]

    def test_singular_answer_key_gets_a_hint(self) -> None:
        assert problems(
            '[[questions]]\nid = "b"\ntype = "multi"\nprompt = "P?"\n'
            'choices = ["Iraq", "Syria"]\nanswer = ["Iraq"]\n' + WHY
        ) == [
            "bank.toml:7:1: missing required key 'answers'",
            "bank.toml:12:1: unknown key 'answer' in a multi question -- did you mean 'answers'?",
        ]


class TestTrueFalse:
    def test_valid(self) -> None:
        question = load_question(
            '[[questions]]\nid = "july"\ntype = "true_false"\n'
            'prompt = "Delivery began on July 12."\nanswer = false\n' + WHY
        )
        assert isinstance(question, TrueFalseQuestion)
        assert question.answer is False

    def test_quoted_boolean(self) -> None:
        assert problems(
            '[[questions]]\nid = "july"\ntype = "true_false"\nprompt = "P."\nanswer = "true"\n'
            + WHY
        ) == ["bank.toml:11:1: 'answer' must be a boolean (true or false), found string"]

    def test_missing_answer(self) -> None:
        assert problems(
            '[[questions]]\nid = "july"\ntype = "true_false"\nprompt = "P."\n' + WHY
        ) == ["bank.toml:7:1: missing required key 'answer' (true or false)"]


class TestText:
    def test_valid_with_bank_default_match(self) -> None:
        question = load_question(
            '[[questions]]\nid = "cleric"\ntype = "text"\nprompt = "Which cleric?"\n'
            'answer = "Fethullah Gulen"\naccept = ["Gulen"]\n' + WHY
        )
        assert isinstance(question, TextQuestion)
        assert (question.answer, question.accept, question.match) == (
            "Fethullah Gulen",
            ("Gulen",),
            "lenient",
        )

    def test_own_match_mode(self) -> None:
        question = load_question(
            '[[questions]]\nid = "c"\ntype = "text"\nprompt = "P?"\nanswer = "A"\n'
            'match = "exact"\n' + WHY
        )
        assert isinstance(question, TextQuestion)
        assert question.match == "exact"

    def test_unknown_match_mode(self) -> None:
        assert problems(
            '[[questions]]\nid = "c"\ntype = "text"\nprompt = "P?"\nanswer = "A"\n'
            'match = "lenien"\n' + WHY
        ) == [
            "bank.toml:12:1: 'match' must be one of 'exact', 'normal', 'lenient', "
            "found 'lenien' -- did you mean 'lenient'?"
        ]

    def test_blank_answer(self) -> None:
        assert problems(
            '[[questions]]\nid = "c"\ntype = "text"\nprompt = "P?"\nanswer = "  "\n' + WHY
        ) == ["bank.toml:11:1: 'answer' must not be empty"]

    def test_empty_alternative(self) -> None:
        assert problems(
            '[[questions]]\nid = "c"\ntype = "text"\nprompt = "P?"\nanswer = "A"\n'
            'accept = ["B", ""]\n' + WHY
        ) == ["bank.toml:12:16: 'accept' item 2 is empty"]


class TestCloze:
    def test_valid_gaps_and_alternatives(self) -> None:
        question = load_question(
            '[[questions]]\nid = "winner"\ntype = "cloze"\nprompt = "Complete the quote."\n'
            'text = "Clearly a {{winner}} in all this is {{ Putin | Vladimir Putin }}"\n' + WHY
        )
        assert isinstance(question, ClozeQuestion)
        assert question.parts == ("Clearly a ", " in all this is ", "")
        assert question.gaps == (
            ClozeGap("winner"),
            ClozeGap("Putin", ("Vladimir Putin",)),
        )
        assert question.prompt == "Complete the quote."

    def test_default_prompt(self) -> None:
        one = load_question('[[questions]]\nid = "w"\ntype = "cloze"\ntext = "a {{b}} c"\n' + WHY)
        two = load_question('[[questions]]\nid = "w"\ntype = "cloze"\ntext = "{{a}} {{b}}"\n' + WHY)
        assert (one.prompt, two.prompt) == ("Fill in the gap.", "Fill in the gaps.")

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "no gaps here",
                "'text' has no gaps: mark each one as {{answer}} or {{answer|alternative}}",
            ),
            ("a {{}} b", "gap 1 is empty"),
            ("{{a}} and {{ | }}", "gap 2 is empty"),
            ("{{a||b}}", "gap 1 has an empty alternative (check the '|' separators)"),
            ("{{a {{b}} }}", "gap 1 contains another gap; gaps cannot be nested"),
            ("{{a}} {{b", "gap 2 is opened with '{{' but never closed with '}}'"),
            ("a }} b", "'}}' without a matching '{{' before it"),
        ],
    )
    def test_malformed_gaps(self, text: str, message: str) -> None:
        assert problems(f'[[questions]]\nid = "w"\ntype = "cloze"\ntext = "{text}"\n' + WHY) == [
            f"bank.toml:10:1: {message}"
        ]

    def test_missing_text(self) -> None:
        assert problems('[[questions]]\nid = "w"\ntype = "cloze"\n' + WHY) == [
            "bank.toml:7:1: missing required key 'text'"
        ]


class TestNumber:
    def test_valid(self) -> None:
        question = load_question(
            '[[questions]]\nid = "coup"\ntype = "number"\nprompt = "In what year?"\n'
            'answer = 2016\ntolerance = 1\nunit = "AD"\n' + WHY
        )
        assert isinstance(question, NumberQuestion)
        assert (question.answer, question.tolerance, question.unit) == (2016.0, 1.0, "AD")

    def test_tolerance_defaults_to_zero(self) -> None:
        question = load_question(
            '[[questions]]\nid = "pi"\ntype = "number"\nprompt = "Pi?"\nanswer = 3.14\n' + WHY
        )
        assert isinstance(question, NumberQuestion)
        assert (question.answer, question.tolerance) == (3.14, 0.0)

    @pytest.mark.parametrize(
        ("line", "message"),
        [
            ('answer = "2016"', "bank.toml:11:1: 'answer' must be a number, found string"),
            ("answer = true", "bank.toml:11:1: 'answer' must be a number, found boolean"),
            ("answer = nan", "bank.toml:11:1: 'answer' must be a finite number, found nan"),
            (
                "answer = 2016\ntolerance = -1",
                "bank.toml:12:1: 'tolerance' must be 0 or more, found -1",
            ),
        ],
    )
    def test_invalid(self, line: str, message: str) -> None:
        assert problems(
            f'[[questions]]\nid = "c"\ntype = "number"\nprompt = "Year?"\n{line}\n' + WHY
        ) == [message]


class TestOrder:
    def test_valid(self) -> None:
        question = load_question(
            '[[questions]]\nid = "eras"\ntype = "order"\nprompt = "Oldest first."\n'
            'items = ["Soviet times", "the 1950s", "2016"]\n' + WHY
        )
        assert isinstance(question, OrderQuestion)
        assert question.items == ("Soviet times", "the 1950s", "2016")

    def test_repeated_item(self) -> None:
        assert problems(
            '[[questions]]\nid = "e"\ntype = "order"\nprompt = "P."\nitems = ["a", "b", "a"]\n'
            + WHY
        ) == ["bank.toml:11:20: duplicate item 'a'"]

    def test_one_item(self) -> None:
        assert problems(
            '[[questions]]\nid = "e"\ntype = "order"\nprompt = "P."\nitems = ["a"]\n' + WHY
        ) == ["bank.toml:11:1: 'items' needs at least 2 items, found 1"]


class TestMatch:
    BODY = '[[questions]]\nid = "roles"\ntype = "match"\nprompt = "Match them."\n'

    def test_valid(self) -> None:
        question = load_question(
            self.BODY + 'pairs = [\n  ["Ross Wilson", "former ambassador"],\n'
            '  ["Soner Cagaptay", "program director"],\n]\n' + WHY
        )
        assert isinstance(question, MatchQuestion)
        assert question.pairs == (
            ("Ross Wilson", "former ambassador"),
            ("Soner Cagaptay", "program director"),
        )

    def test_repeated_left_and_right(self) -> None:
        assert problems(
            self.BODY + 'pairs = [\n  ["a", "x"],\n  ["a", "y"],\n  ["b", "x"],\n]\n' + WHY
        ) == [
            "bank.toml:13:4: 'pairs' item 2 repeats the left item 'a'",
            "bank.toml:14:9: 'pairs' item 3 repeats the right item 'x'",
        ]

    def test_malformed_pairs(self) -> None:
        assert problems(
            self.BODY + 'pairs = [\n  ["a", "x"],\n  ["b"],\n  ["c", 3],\n  "d",\n]\n' + WHY
        ) == [
            "bank.toml:13:3: 'pairs' item 2 must be a [left, right] pair of non-empty strings, "
            "found an array of 1",
            "bank.toml:14:3: 'pairs' item 3 must be a [left, right] pair of non-empty strings, "
            "found [string, integer]",
            "bank.toml:15:3: 'pairs' item 4 must be a [left, right] pair of non-empty strings, "
            "found string",
        ]

    def test_one_pair(self) -> None:
        assert problems(self.BODY + 'pairs = [["a", "x"]]\n' + WHY) == [
            "bank.toml:11:1: 'pairs' needs at least 2 pairs, found 1"
        ]


class TestOpen:
    BODY = '[[questions]]\nid = "why"\ntype = "open"\nprompt = "Why does it matter?"\n'

    def test_valid(self) -> None:
        question = load_question(
            self.BODY + 'model_answer = "Because of where Turkey lies."\n'
            'key_points = ["its neighbours", "policies are easier with Turkey"]\npoints = 2\n' + WHY
        )
        assert question == OpenQuestion(
            id="why",
            prompt="Why does it matter?",
            explanation="Why.",
            source="The text.",
            points=2,
            model_answer="Because of where Turkey lies.",
            key_points=("its neighbours", "policies are easier with Turkey"),
            line=7,
        )

    def test_key_points_are_optional(self) -> None:
        question = load_question(self.BODY + 'model_answer = "A."\n' + WHY)
        assert isinstance(question, OpenQuestion)
        assert question.key_points == ()

    def test_missing_model_answer_and_bad_key_points(self) -> None:
        assert problems(self.BODY + 'key_points = ["a", "a", ""]\n' + WHY) == [
            "bank.toml:7:1: missing required key 'model_answer'",
            "bank.toml:11:25: 'key_points' item 3 is empty",
        ]
        assert problems(self.BODY + 'model_answer = "A."\nkey_points = ["a", "a"]\n' + WHY) == [
            "bank.toml:12:20: duplicate key point 'a'"
        ]

    def test_a_list_of_points_gets_a_hint(self) -> None:
        assert problems(self.BODY + 'model_answer = "A."\npoints = ["a", "b"]\n' + WHY) == [
            "bank.toml:12:1: 'points' is what the question is worth (an integer); "
            "list what a good answer covers in 'key_points'"
        ]

    def test_keys_of_other_types_are_refused(self) -> None:
        assert problems(self.BODY + 'model_answer = "A."\nanswer = "A"\n' + WHY) == [
            "bank.toml:12:1: unknown key 'answer' in an open question "
            "-- did you mean 'model_answer'?"
        ]


class TestCommonKeys:
    def test_every_common_key(self) -> None:
        body = (
            '[[actors]]\nid = "wilson"\nname = "Ross Wilson"\nkind = "person"\nrole = "envoy"\n\n'
            '[[questions]]\nid = "q"\ntype = "true_false"\nprompt = "P."\nanswer = true\n'
            'tags = ["actors", "quotes"]\ndifficulty = 3\npoints = 2\nquote = "Q."\n'
            'about = ["wilson"]\n' + WHY
        )
        result = load_bank_text(HEAD + body, "bank.toml")
        assert isinstance(result, Bank)
        assert result.questions == (
            TrueFalseQuestion(
                id="q",
                prompt="P.",
                answer=True,
                tags=("actors", "quotes"),
                difficulty=3,
                points=2,
                quote="Q.",
                about=("wilson",),
                explanation="Why.",
                source="The text.",
                line=13,
            ),
        )

    def test_missing_explanation_and_source_are_warnings(self) -> None:
        result = load_bank_text(
            HEAD + '[[questions]]\nid = "q"\ntype = "true_false"\nprompt = "P."\nanswer = true\n',
            "bank.toml",
        )
        assert isinstance(result, Bank)
        assert [str(w) for w in result.warnings] == [
            "bank.toml:7:1: warning: question 'q' has no explanation (shown after answering)",
            "bank.toml:7:1: warning: question 'q' has no source "
            "(the excerpt that proves the answer)",
        ]
        assert [w.severity for w in result.warnings] == ["warning", "warning"]

    @pytest.mark.parametrize(
        ("line", "message"),
        [
            ('difficulty = "hard"', "'difficulty' must be an integer 1-3, found string"),
            ("difficulty = 4", "'difficulty' must be an integer 1-3, found 4"),
            ("difficulty = 2.0", "'difficulty' must be an integer 1-3, found float"),
            ("points = 0", "'points' must be an integer 1-1000, found 0"),
            ('tags = "actors"', "'tags' must be an array of strings, found string"),
            ("quote = 3", "'quote' must be a string, found integer"),
            (
                'anwser = "x"',
                "unknown key 'anwser' in a true_false question -- did you mean 'answer'?",
            ),
            (
                'choices = ["a", "b"]',
                "unknown key 'choices' in a true_false question (a key of choice, multi questions)",
            ),
        ],
    )
    def test_invalid_common_key(self, line: str, message: str) -> None:
        assert problems(
            '[[questions]]\nid = "q"\ntype = "true_false"\nprompt = "P."\nanswer = true\n'
            f"{line}\n" + WHY
        ) == [f"bank.toml:12:1: {message}"]

    def test_missing_type(self) -> None:
        assert problems('[[questions]]\nid = "q"\nprompt = "P."\n' + WHY) == [
            "bank.toml:7:1: missing required key 'type' (one of choice, multi, true_false, "
            "text, cloze, number, order, match, open)"
        ]

    def test_unknown_type(self) -> None:
        assert problems('[[questions]]\nid = "q"\ntype = "choise"\nprompt = "P."\n' + WHY) == [
            "bank.toml:9:1: unknown question type 'choise' -- did you mean 'choice'? (types: "
            "choice, multi, true_false, text, cloze, number, order, match, open)"
        ]

    def test_missing_id_and_prompt(self) -> None:
        assert problems('[[questions]]\ntype = "true_false"\nanswer = true\n' + WHY) == [
            "bank.toml:7:1: missing required key 'id'",
            "bank.toml:7:1: missing required key 'prompt'",
        ]

    def test_id_characters(self) -> None:
        assert problems(
            '[[questions]]\nid = "q 1"\ntype = "true_false"\nprompt = "P."\nanswer = true\n' + WHY
        ) == ["bank.toml:8:1: 'id' 'q 1' may only use letters, digits, '-', '_' and '.'"]

    def test_all_problems_of_several_questions_in_one_pass(self) -> None:
        assert problems(
            '[[questions]]\nid = "a"\ntype = "choice"\nprompt = "P?"\nchoices = ["x", "y"]\n'
            'answer = "z"\n' + WHY + "\n"
            '[[questions]]\nid = "b"\ntype = "number"\nprompt = "P?"\nanswer = "ten"\n' + WHY
        ) == [
            "bank.toml:12:1: 'answer' 'z' is not one of the choices",
            "bank.toml:20:1: 'answer' must be a number, found string",
        ]


class TestReject:
    def test_strings_and_tables(self) -> None:
        question = load_question(
            '[[questions]]\nid = "t"\ntype = "text"\nprompt = "P"\nanswer = "defensive"\n'
            'reject = ["offensive", { answer = "aggressive", feedback = "Too strong." }]\n' + WHY
        )
        assert isinstance(question, TextQuestion)
        assert question.reject == (
            RejectedAnswer("offensive"),
            RejectedAnswer("aggressive", "Too strong."),
        )

    def test_cloze_gaps(self) -> None:
        question = load_question(
            '[[questions]]\nid = "c"\ntype = "cloze"\ntext = "a {{b}} {{c}}"\n'
            'reject = [{ answer = "x", gap = 2 }, "y"]\n' + WHY
        )
        assert isinstance(question, ClozeQuestion)
        assert question.reject == (RejectedAnswer("x", gap=2), RejectedAnswer("y"))

    def test_every_mistake_is_located(self) -> None:
        assert problems(
            '[[questions]]\nid = "t"\ntype = "text"\nprompt = "P"\nanswer = "defensive"\n'
            'reject = [{ answr = "x" }, 3, "", "Defensive", { answer = "b", gap = 1 }]\n' + WHY
        ) == [
            "bank.toml:12:11: missing required key 'answer'",
            "bank.toml:12:13: unknown key 'answr' -- did you mean 'answer'?",
            "bank.toml:12:28: 'reject' item 2 must be a string or a "
            "{ answer = ..., feedback = ... } table, found integer",
            "bank.toml:12:31: 'reject' item 3 is empty",
            "bank.toml:12:35: 'reject' item 4 'Defensive' is also a right answer",
            "bank.toml:12:64: unknown key 'gap'",  # gaps are for cloze questions
        ]

    def test_a_gap_that_does_not_exist(self) -> None:
        assert problems(
            '[[questions]]\nid = "c"\ntype = "cloze"\ntext = "a {{b}}"\n'
            'reject = [{ answer = "x", gap = 2 }, { answer = "b", gap = 1 }]\n' + WHY
        ) == [
            "bank.toml:11:27: 'gap' must be an integer 1-1, found 2",
            "bank.toml:11:38: 'reject' item 2 'b' is also a right answer",
        ]
