"""The top level, ``[bank]``, ``[defaults]`` and the fact tables: what they
build and every rule they break, with exact locations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quizapp.banks import load_bank_text
from quizapp.model import (
    Actor,
    Bank,
    BankError,
    Defaults,
    Event,
    Quote,
    SourceInfo,
    TextQuestion,
)

HEAD = 'format = 1\n\n[bank]\nid = "t"\ntitle = "Test bank"\n\n'
QUESTION = (
    '[[questions]]\nid = "q"\ntype = "text"\nprompt = "P?"\nanswer = "A"\n'
    'explanation = "Why."\nsource = "The text."\n'
)
WILSON = '[[actors]]\nid = "wilson"\nname = "Ross Wilson"\nkind = "person"\nrole = "envoy"\n'


def load(text: str) -> Bank:
    result = load_bank_text(text, "bank.toml")
    assert isinstance(result, Bank), [str(p) for p in result.problems]
    assert result.warnings == ()
    return result


def problems(text: str) -> list[str]:
    result = load_bank_text(text, "bank.toml")
    assert isinstance(result, BankError), "expected problems"
    return [str(problem) for problem in result.problems]


class TestTopLevel:
    def test_a_complete_bank(self) -> None:
        bank = load(
            "format = 1\n\n"
            '[bank]\nid = "s400"\ntitle = "S-400"\ndescription = "Who is who."\n'
            'tags = ["turkey"]\ngenerate = false\n\n'
            '[bank.source]\ntitle = "Editorial"\nauthor = "Staff"\nurl = "https://example.org"\n'
            'file = "article.txt"\n\n'
            '[defaults]\npoints = 2\nmatch = "normal"\ndifficulty = 3\n\n' + QUESTION
        )
        assert (bank.id, bank.title, bank.description, bank.tags, bank.generate) == (
            "s400",
            "S-400",
            "Who is who.",
            ("turkey",),
            False,
        )
        assert bank.source == SourceInfo("Editorial", "Staff", "https://example.org", "article.txt")
        assert bank.defaults == Defaults(points=2, match="normal", difficulty=3)
        assert bank.path == Path("bank.toml")
        assert bank.format == 1

    def test_defaults_apply_to_questions_that_do_not_say(self) -> None:
        bank = load(HEAD + '[defaults]\npoints = 2\nmatch = "exact"\ndifficulty = 3\n\n' + QUESTION)
        (question,) = bank.questions
        assert isinstance(question, TextQuestion)
        assert (question.points, question.match, question.difficulty) == (2, "exact", 3)

    def test_without_defaults(self) -> None:
        bank = load(HEAD + QUESTION)
        assert bank.defaults == Defaults()
        question = bank.questions[0]
        assert isinstance(question, TextQuestion)
        assert (question.points, question.match, question.difficulty) == (1, "lenient", 1)

    def test_missing_format(self) -> None:
        assert problems('[bank]\nid = "t"\ntitle = "T"\n\n' + QUESTION) == [
            "bank.toml:1:1: missing required key 'format' (write format = 1 at the top)"
        ]

    def test_newer_format_is_the_only_problem_reported(self) -> None:
        assert problems('format = 2\n[bank]\nid = "t"\nnew_key = 1\n') == [
            "bank.toml:1:1: this bank needs a newer quizapp (format 2; this version reads format 1)"
        ]

    @pytest.mark.parametrize(
        ("line", "message"),
        [
            ('format = "1"', "'format' must be an integer, found string"),
            ("format = 0", "'format' must be 1, found 0"),
        ],
    )
    def test_bad_format(self, line: str, message: str) -> None:
        assert problems(f'{line}\n[bank]\nid = "t"\ntitle = "T"\n\n' + QUESTION) == [
            f"bank.toml:1:1: {message}"
        ]

    def test_unknown_top_level_key(self) -> None:
        assert problems(
            HEAD.replace("format = 1\n", 'format = 1\nquestion = "x"\n') + QUESTION
        ) == ["bank.toml:2:1: unknown key 'question' -- did you mean 'questions'?"]

    def test_missing_bank_table(self) -> None:
        assert problems("format = 1\n\n" + QUESTION) == [
            "bank.toml:1:1: missing required table [bank]"
        ]

    def test_bank_keys(self) -> None:
        assert problems(
            'format = 1\n[bank]\nid = "Bad Id"\ntitel = "T"\ngenerate = "yes"\n\n' + QUESTION
        ) == [
            "bank.toml:2:1: missing required key 'title'",
            "bank.toml:3:1: 'id' 'Bad Id' may only use lower-case letters, digits, "
            "'-', '_' and '.'",
            "bank.toml:4:1: unknown key 'titel' -- did you mean 'title'?",
            "bank.toml:5:1: 'generate' must be true, false or an array of question kinds "
            "(speaker, cloze, roles, role, order, when, year), found string",
        ]

    def test_source_needs_a_title(self) -> None:
        assert problems(HEAD + '[bank.source]\nfile = "a.txt"\nauthr = "x"\n\n' + QUESTION) == [
            "bank.toml:7:1: missing required key 'title'",
            "bank.toml:9:1: unknown key 'authr' -- did you mean 'author'?",
        ]

    def test_defaults_keys(self) -> None:
        assert problems(
            HEAD
            + '[defaults]\npoints = 0\nmatch = "fuzzy"\ndifficulty = 9\nshuffle = true\n\n'
            + QUESTION
        ) == [
            "bank.toml:8:1: 'points' must be an integer 1-1000, found 0",
            "bank.toml:9:1: 'match' must be one of 'exact', 'normal', 'lenient', found 'fuzzy'",
            "bank.toml:10:1: 'difficulty' must be an integer 1-3, found 9",
            "bank.toml:11:1: unknown key 'shuffle'",
        ]

    def test_a_bank_needs_questions_or_facts(self) -> None:
        assert problems(HEAD) == [
            "bank.toml:3:1: the bank has no questions: add [[questions]] tables, "
            "or facts ([[actors]], [[events]], [[quotes]]) to generate questions from"
        ]
        assert problems(
            HEAD.replace('title = "Test bank"', 'title = "T"\ngenerate = false') + WILSON
        )

    def test_facts_alone_are_enough_when_generating(self) -> None:
        bank = load(HEAD + WILSON)
        assert bank.questions == ()
        assert bank.actors == (Actor("wilson", "Ross Wilson", "person", "envoy", line=7),)

    def test_questions_must_be_an_array_of_tables(self) -> None:
        top = 'format = 1\nquestions = {}\n[bank]\nid = "t"\ntitle = "T"\n'
        assert problems(top.format('"none"')) == [
            "bank.toml:2:1: 'questions' must be an array of tables ([[questions]]), found string"
        ]
        assert problems(top.format("[1]")) == [
            "bank.toml:2:14: each entry of 'questions' must be a table, found integer"
        ]

    def test_inline_question_tables_are_located(self) -> None:
        assert problems(
            "format = 1\nquestions = [\n"
            '  {id = "q", type = "text", prompt = "P?", anwser = "A"},\n]\n'
            '[bank]\nid = "t"\ntitle = "T"\n'
        ) == [
            "bank.toml:3:3: missing required key 'answer'",
            "bank.toml:3:3: warning: question 'q' has no explanation (shown after answering)",
            "bank.toml:3:3: warning: question 'q' has no source "
            "(the excerpt that proves the answer)",
            "bank.toml:3:44: unknown key 'anwser' in a text question -- did you mean 'answer'?",
        ]


class TestActors:
    def test_valid(self) -> None:
        bank = load(
            HEAD + WILSON + 'aliases = ["Wilson"]\ndescription = "A diplomat."\n'
            'source = "said Ross Wilson"\n\n' + QUESTION
        )
        assert bank.actors == (
            Actor(
                id="wilson",
                name="Ross Wilson",
                kind="person",
                role="envoy",
                aliases=("Wilson",),
                description="A diplomat.",
                source="said Ross Wilson",
                line=7,
            ),
        )

    def test_missing_and_unknown_keys(self) -> None:
        assert problems(HEAD + '[[actors]]\nid = "w"\nnmae = "Ross"\n\n' + QUESTION) == [
            "bank.toml:7:1: missing required key 'name'",
            "bank.toml:7:1: missing required key 'kind'",
            "bank.toml:7:1: missing required key 'role'",
            "bank.toml:9:1: unknown key 'nmae' -- did you mean 'name'?",
        ]


class TestEvents:
    def test_date_and_year(self) -> None:
        bank = load(
            HEAD + WILSON + "\n"
            '[[events]]\nid = "delivery"\nwhen = "July 12"\ndate = 2019-07-12\n'
            'what = "Russia began delivering the S-400."\nactors = ["wilson"]\n'
            'source = "On July 12"\n\n'
            '[[events]]\nid = "soviet"\nwhen = "Soviet times"\nyear = 1950\napproximate = true\n'
            'what = "Russia sought to divide the alliance."\nnote = "The text gives no year."\n\n'
            + QUESTION
        )
        assert bank.events == (
            Event(
                id="delivery",
                when="July 12",
                sort_key=dt.date(2019, 7, 12),
                what="Russia began delivering the S-400.",
                year=2019,
                actors=("wilson",),
                source="On July 12",
                line=13,
            ),
            Event(
                id="soviet",
                when="Soviet times",
                sort_key=dt.date(1950, 1, 1),
                what="Russia sought to divide the alliance.",
                year=1950,
                approximate=True,
                note="The text gives no year.",
                line=21,
            ),
        )

    def test_year_agreeing_with_date(self) -> None:
        bank = load(
            HEAD + '[[events]]\nid = "e"\nwhen = "then"\ndate = 2016-07-15\nyear = 2016\n'
            'what = "x"\n\n' + QUESTION
        )
        assert (bank.events[0].sort_key, bank.events[0].year) == (dt.date(2016, 7, 15), 2016)

    @pytest.mark.parametrize(
        ("lines", "message"),
        [
            ("", "bank.toml:7:1: missing 'date' or 'year' (the event's place on the timeline)"),
            (
                'date = "2016-07-15"',
                "bank.toml:10:1: 'date' must be a date such as 2016-07-15, found string",
            ),
            (
                "date = 2016-07-15T10:00:00",
                "bank.toml:10:1: 'date' must be a date such as 2016-07-15, found date-time",
            ),
            (
                "year = 2016.5",
                "bank.toml:10:1: 'year' must be an integer such as 2016, found float",
            ),
            ("year = 0", "bank.toml:10:1: 'year' must be between 1 and 9999, found 0"),
            (
                "date = 2016-07-15\nyear = 2015",
                "bank.toml:11:1: 'year' 2015 does not match 'date' 2016-07-15",
            ),
        ],
    )
    def test_sort_key_problems(self, lines: str, message: str) -> None:
        assert problems(
            HEAD + f'[[events]]\nid = "e"\nwhen = "then"\n{lines}\nwhat = "x"\n\n' + QUESTION
        ) == [message]

    def test_actors_must_be_actors(self) -> None:
        assert problems(
            HEAD + WILSON + '\n[[events]]\nid = "e"\nwhen = "then"\nyear = 2016\nwhat = "x"\n'
            'actors = ["wilson", "wilsn", "e"]\n\n' + QUESTION
        ) == [
            "bank.toml:18:21: 'actors' item 2 'wilsn' is not an actor of this bank "
            "-- did you mean 'wilson'?",
            "bank.toml:18:30: 'actors' item 3 'e' is not an actor of this bank",
        ]


class TestQuotes:
    def test_valid(self) -> None:
        bank = load(
            HEAD
            + WILSON
            + '\n[[quotes]]\nid = "winner"\ntext = "Clearly a winner in all this is Putin"\n'
            'speaker = "wilson"\ncontext = "On Russia"\nsource = "said Ross Wilson"\n\n' + QUESTION
        )
        assert bank.quotes == (
            Quote(
                id="winner",
                text="Clearly a winner in all this is Putin",
                speaker="wilson",
                context="On Russia",
                source="said Ross Wilson",
                line=13,
            ),
        )

    def test_speaker_must_be_an_actor(self) -> None:
        assert problems(
            HEAD
            + WILSON
            + '\n[[quotes]]\nid = "w"\ntext = "Clearly"\nspeaker = "wilsno"\n\n'
            + QUESTION
        ) == [
            "bank.toml:16:1: 'speaker' 'wilsno' is not an actor of this bank "
            "-- did you mean 'wilson'?"
        ]

    def test_missing_keys(self) -> None:
        assert problems(HEAD + '[[quotes]]\nid = "w"\n\n' + QUESTION) == [
            "bank.toml:7:1: missing required key 'text'",
            "bank.toml:7:1: missing required key 'speaker'",
        ]


class TestGenerationSwitches:
    def test_the_bank_and_each_fact_choose_what_is_generated(self) -> None:
        bank = load(
            HEAD.replace('title = "Test bank"', 'title = "T"\ngenerate = ["speaker", "role"]')
            + WILSON
            + 'author = true\ngenerate = ["role"]\n\n'
            + '[[events]]\nid = "e"\nwhen = "2016"\nyear = 2016\nwhat = "W"\ngenerate = false\n\n'
            + '[[quotes]]\nid = "q"\ntext = "T"\nspeaker = "wilson"\ngenerate = true\n'
        )
        assert (bank.generate, bank.generated_kinds) == (True, ("speaker", "role"))
        assert (bank.actors[0].author, bank.actors[0].generate) == (True, ("role",))
        assert (bank.events[0].generate, bank.quotes[0].generate) == ((), None)

    def test_wrong_kinds_are_located(self) -> None:
        assert problems(
            HEAD.replace('title = "Test bank"', 'title = "T"\ngenerate = ["speakr", 3]')
            + WILSON
            + 'author = "yes"\ngenerate = ["role", "cloze", "role"]\n\n'
            + '[[quotes]]\nid = "q"\ntext = "T"\nspeaker = "wilson"\ngenerate = "all"\n'
        ) == [
            "bank.toml:6:13: 'generate' item 1 'speakr' is not a kind of question made from "
            "the fact tables -- did you mean 'speaker'? "
            "(kinds: speaker, cloze, roles, role, order, when, year)",
            "bank.toml:6:23: 'generate' item 2 integer is not a kind of question made from "
            "the fact tables (kinds: speaker, cloze, roles, role, order, when, year)",
            "bank.toml:13:1: 'author' must be a boolean (true or false), found string",
            "bank.toml:14:21: 'generate' item 2 'cloze' is not a kind of question made from "
            "actors (kinds: roles, role)",
            "bank.toml:14:30: duplicate kind 'role'",
            "bank.toml:20:1: 'generate' must be true, false or an array of question kinds "
            "(speaker, cloze), found string",
        ]


class TestIdsAndReferences:
    def test_ids_are_unique_across_facts_and_questions(self) -> None:
        assert problems(HEAD + WILSON + "\n" + QUESTION.replace('id = "q"', 'id = "wilson"')) == [
            "bank.toml:14:1: duplicate id 'wilson': already used on line 8"
        ]

    def test_the_later_table_in_the_file_is_the_duplicate(self) -> None:
        assert problems(HEAD + QUESTION + "\n" + WILSON.replace('"wilson"', '"q"')) == [
            "bank.toml:16:1: duplicate id 'q': already used on line 8"
        ]

    def test_about_names_facts(self) -> None:
        assert problems(
            HEAD + WILSON + "\n" + QUESTION + 'about = ["wilson", "willson", "nobody"]\n'
        ) == [
            "bank.toml:20:20: 'about' item 2 'willson' is not an actor, event or quote of this "
            "bank -- did you mean 'wilson'?",
            "bank.toml:20:31: 'about' item 3 'nobody' is not an actor, event or quote of this bank",
        ]

    def test_about_may_name_questions_of_no_kind(self) -> None:
        bank = load(HEAD + WILSON + "\n" + QUESTION + 'about = ["wilson"]\n')
        assert bank.questions[0].about == ("wilson",)


class TestKeyStyles:
    """Keys written as dotted keys, quoted keys or inline tables are located too."""

    def test_dotted_and_quoted_keys(self) -> None:
        assert problems('format = 1\nbank.id = "t"\nbank."title" = 3\n\n' + QUESTION) == [
            "bank.toml:3:1: 'title' must be a string, found integer"
        ]

    def test_inline_source_table(self) -> None:
        assert problems(
            HEAD.replace('title = "Test bank"\n', 'title = "T"\nsource = { titl = "x" }\n')
            + QUESTION
        ) == [
            "bank.toml:6:1: missing required key 'title'",
            "bank.toml:6:12: unknown key 'titl' -- did you mean 'title'?",
        ]

    def test_multiline_strings_before_the_problem(self) -> None:
        assert problems(
            HEAD + '[[questions]]\nid = "q"\ntype = "text"\nprompt = """\nA prompt\n'
            "[[questions]]\nthat looks like a header.\n\"\"\"\nexplanation = '''\nWhy\n'''\n"
            'source = "S"\nanswer = 5\n'
        ) == ["bank.toml:19:1: 'answer' must be a string, found integer"]
