"""The banks quizapp ships: valid, faithful to the editorial, and complete.

Tests that compare the banks with the editorial use the `article_text`
fixture: they skip when the article is not available (a user's own clone)
and fail when CI is set.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from quizapp.banks import check_source_excerpts, load_bank
from quizapp.generate import generate_questions
from quizapp.grading import grade_answer, normalise_text
from quizapp.model import (
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OpenQuestion,
    OrderQuestion,
    Question,
    QuestionType,
    TextQuestion,
    TrueFalseQuestion,
)
from quizapp.paths import shipped_banks_dir
from tests.conftest import ARTICLE

#: Bank id -> the tag every hand-written question of that bank carries.
EXPECTED_BANKS = {
    "s400-actors": "actors",
    "s400-argument": "argument",
    "s400-dates": "dates",
    "s400-dispute": "context",
    "s400-quotes": "quotes",
}
SOURCE_TITLE = "Editorial: Turkey's S-400 purchase and the rift with Washington"
MIN_HAND_WRITTEN = 120
MIN_PER_TYPE = 3
#: The key order every table of a shipped bank follows, so teachers who copy
#: an entry find each key where they expect it.
KEY_ORDER = {
    "actors": (
        "id", "name", "kind", "author", "role", "aliases", "description", "source", "generate",
    ),
    "events": (
        "id", "when", "date", "year", "approximate", "what", "actors", "note", "source",
        "generate",
    ),
    "quotes": ("id", "text", "speaker", "context", "source", "generate"),
    "questions": (
        "id", "type", "prompt", "quote",
        "choices", "answer", "answers", "accept", "text", "match", "tolerance", "unit",
        "items", "pairs", "model_answer", "key_points",
        "explanation", "source", "tags", "difficulty", "points", "about",
    ),
}  # fmt: skip
#: Longest `source` excerpt (one line of a `source`), in characters: about
#: one long sentence.
MAX_EXCERPT = 250
#: Most questions of one bank on one fact with the same tags (see
#: `questions_per_fact`).
MAX_PER_FACT = 3


def bank_files() -> list[Path]:
    """The shipped bank files, sorted by name."""
    return sorted(shipped_banks_dir().glob("*.toml"))


@cache
def load_shipped(path: Path) -> Bank:
    """The bank in ``path``; fails the test with every problem if it has errors."""
    result = load_bank(path)
    if not isinstance(result, Bank):
        pytest.fail("\n".join(str(problem) for problem in result.problems))
    return result


def shipped_banks() -> list[Bank]:
    """Every shipped bank, loaded."""
    return [load_shipped(path) for path in bank_files()]


def fact_ids(bank: Bank) -> set[str]:
    """Ids of the bank's actors, events and quotes."""
    return (
        {actor.id for actor in bank.actors}
        | {event.id for event in bank.events}
        | {quote.id for quote in bank.quotes}
    )


def sources(bank: Bank) -> list[tuple[str, str]]:
    """(id, source excerpt) of every fact and hand-written question of ``bank``."""
    return [
        *((actor.id, actor.source) for actor in bank.actors),
        *((event.id, event.source) for event in bank.events),
        *((quote.id, quote.source) for quote in bank.quotes),
        *((question.id, question.source) for question in bank.questions),
    ]


def folded(texts: Iterable[str]) -> list[str]:
    """``texts`` folded the way typed answers are compared."""
    return [normalise_text(text) for text in texts]


def in_article(excerpt: str, article: str) -> bool:
    """Whether ``excerpt`` occurs in ``article``, runs of whitespace aside."""
    return " ".join(excerpt.split()) in " ".join(article.split())


# ------------------------------------------------------------ loading


def test_the_five_banks_are_shipped_one_per_file() -> None:
    banks = shipped_banks()
    assert sorted(bank.id for bank in banks) == sorted(EXPECTED_BANKS)
    for bank in banks:
        assert bank.path is not None
        assert bank.path.name == f"{bank.id}.toml"


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_bank_loads_with_no_errors_and_no_warnings(path: Path) -> None:
    result = load_bank(path)
    assert isinstance(result, Bank), "\n".join(map(str, result.problems))
    assert [str(warning) for warning in result.warnings] == []


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_bank_names_the_editorial_and_describes_itself(path: Path) -> None:
    bank = load_shipped(path)
    assert bank.title.startswith("S-400 dispute: ")
    assert bank.description
    assert EXPECTED_BANKS[bank.id] in bank.tags
    assert bank.source is not None
    assert bank.source.title == SOURCE_TITLE
    # The editorial has no byline or address, and it is not shipped.
    assert (bank.source.author, bank.source.url, bank.source.file) == ("", "", "")


def test_the_article_is_not_shipped_and_excerpts_stay_short() -> None:
    assert sorted(path.name for path in shipped_banks_dir().glob("*.txt")) == []
    # Excerpts stay short: a clause or a sentence, never a paragraph.
    long_excerpts = [
        (bank.id, item_id, len(excerpt))
        for bank in shipped_banks()
        for item_id, source in sources(bank)
        for excerpt in source.splitlines()
        if len(excerpt) > MAX_EXCERPT
    ]
    assert long_excerpts == []


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_keys_come_in_the_same_order_everywhere(path: Path) -> None:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    out_of_order = []
    for table, order in KEY_ORDER.items():
        for entry in document.get(table, []):
            keys = list(entry)
            if keys != sorted(keys, key=order.index):
                out_of_order.append((table, entry["id"], keys))
    assert out_of_order == []


# ------------------------------------------------------------ faithful to the editorial


def test_quizapp_check_with_the_article_reports_no_problem(article_text: str) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "quizapp",
            "check",
            str(shipped_banks_dir()),
            "--source",
            str(ARTICLE),
            "--strict",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    count = len(bank_files())
    assert completed.stderr == ""
    assert completed.stdout == (
        f"{count} banks checked: {count} valid, 0 with errors (0 errors, 0 warnings)\n"
    )
    assert completed.returncode == 0


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_every_excerpt_and_quote_is_verbatim_in_the_article(path: Path, article_text: str) -> None:
    bank = load_shipped(path)
    assert [str(problem) for problem in check_source_excerpts(bank, article_text)] == []


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_actor_names_and_event_times_are_the_articles_wording(
    path: Path, article_text: str
) -> None:
    bank = load_shipped(path)
    article = article_text.casefold()
    # Names may start a sentence in the article ("The Trump administration").
    # The author is named as students would say it ("the editorial writer").
    named = [a for a in bank.actors if not a.author]
    assert [a.name for a in named if not in_article(a.name.casefold(), article)] == []
    assert [e.when for e in bank.events if not in_article(e.when, article_text)] == []


def test_a_changed_excerpt_is_caught(article_text: str) -> None:
    bank = load_shipped(shipped_banks_dir() / "s400-quotes.toml")
    quote = bank.quotes[0]
    assert in_article(quote.text, article_text)
    # One word inserted in the article: the quote is no longer verbatim there.
    altered = article_text.replace(quote.text, quote.text.replace(" ", " indeed ", 1))
    problems = check_source_excerpts(bank, altered)
    assert problems, "check_source_excerpts accepted a quote missing from the text"
    assert all(problem.location.path == str(bank.path) for problem in problems)


# ------------------------------------------------------------ facts


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_every_fact_has_a_source_excerpt(path: Path) -> None:
    bank = load_shipped(path)
    facts = [(item_id, source) for item_id, source in sources(bank) if item_id in fact_ids(bank)]
    assert len(facts) == len(fact_ids(bank))
    assert [item_id for item_id, source in facts if not source.strip()] == []


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_every_quote_speaker_is_an_actor_of_the_same_bank(path: Path) -> None:
    bank = load_shipped(path)
    actors = {actor.id for actor in bank.actors}
    assert [(q.id, q.speaker) for q in bank.quotes if q.speaker not in actors] == []


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_quote_excerpts_name_the_speaker(path: Path) -> None:
    # The excerpt is what proves the answer to "Who said this?".
    bank = load_shipped(path)
    unnamed = []
    for quote in bank.quotes:
        speaker = bank.actor(quote.speaker)
        assert speaker is not None
        if speaker.author:
            continue  # the editorial's own sentence: no one is named saying it
        names = (speaker.name, *speaker.aliases)
        if not any(name in quote.source for name in names):
            unnamed.append(quote.id)
    assert unnamed == []


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_a_countrys_role_says_it_is_a_country(path: Path) -> None:
    # Generated "Who is X?" questions draw wrong choices from other actors'
    # roles: "worried about its jets" alone would fit the U.S. government as
    # well as the U.S., and "buyer of the S-400" Erdogan as well as Turkey.
    bank = load_shipped(path)
    vague = [a.id for a in bank.actors if a.kind == "country" and "country" not in a.role]
    assert vague == []


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_approximate_events_say_why_in_their_note(path: Path) -> None:
    bank = load_shipped(path)
    for event in bank.events:
        if event.approximate:
            assert event.note.startswith("Approximate: "), event.id
        else:
            assert event.year is not None and event.when == str(event.year), event.id


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_about_names_only_facts_of_the_bank(path: Path) -> None:
    bank = load_shipped(path)
    known = fact_ids(bank)
    unknown = [(q.id, fact) for q in bank.questions for fact in q.about if fact not in known]
    assert unknown == []


def covered_facts(bank: Bank) -> dict[str, str]:
    """Fact id -> why it is not covered well enough ("" when it is).

    A fact needs two questions of different types; at most one of the two
    may be generated.
    """
    generated = generate_questions(bank)
    hand_types: dict[str, set[QuestionType]] = {fact: set() for fact in fact_ids(bank)}
    generated_types: dict[str, set[QuestionType]] = {fact: set() for fact in fact_ids(bank)}
    for types, questions in ((hand_types, bank.questions), (generated_types, generated)):
        for question in questions:
            for fact in question.about:
                types.setdefault(fact, set()).add(question.type)
    verdicts = {}
    for fact, hand in hand_types.items():
        with_generated = hand | generated_types[fact]
        if not hand:
            verdicts[fact] = "no hand-written question"
        elif len(with_generated) < 2:
            verdicts[fact] = f"only {sorted(map(str, with_generated))}"
        else:
            verdicts[fact] = ""
    return verdicts


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_every_fact_is_asked_in_two_question_types(path: Path) -> None:
    bank = load_shipped(path)
    verdicts = covered_facts(bank)
    assert {fact: why for fact, why in verdicts.items() if why} == {}


def test_coverage_counts_generated_questions_at_most_once() -> None:
    bank = load_shipped(shipped_banks_dir() / "s400-quotes.toml")
    quote = bank.quotes[0]
    # Keep only generated coverage for the first quote: two generated types
    # (choice and cloze) must not be enough.
    questions = tuple(q for q in bank.questions if quote.id not in q.about)
    assert covered_facts(replace(bank, questions=questions))[quote.id] == (
        "no hand-written question"
    )


# ------------------------------------------------------------ questions


def hand_written() -> list[tuple[Bank, Question]]:
    """(bank, question) for every hand-written question of every shipped bank."""
    return [(bank, question) for bank in shipped_banks() for question in bank.questions]


def test_enough_hand_written_questions_of_every_type() -> None:
    questions = [question for _, question in hand_written()]
    assert len(questions) >= MIN_HAND_WRITTEN
    by_type = Counter(question.type for question in questions)
    assert {str(kind): by_type[kind] for kind in QuestionType if by_type[kind] < MIN_PER_TYPE} == {}


def test_difficulties_are_spread() -> None:
    by_difficulty = Counter(question.difficulty for _, question in hand_written())
    assert sorted(by_difficulty) == [1, 2, 3]
    # Each level holds at least a tenth of the questions.
    assert min(by_difficulty.values()) * 10 >= sum(by_difficulty.values())
    for bank in shipped_banks():
        assert {question.difficulty for question in bank.questions} == {1, 2, 3}, bank.id


def test_every_question_explains_cites_tags_and_names_its_facts() -> None:
    missing = [
        (bank.id, question.id)
        for bank, question in hand_written()
        if not (
            question.explanation.strip()
            and question.source.strip()
            and question.tags
            and question.about
        )
    ]
    assert missing == []


def test_every_question_carries_its_banks_tag() -> None:
    untagged = [
        (bank.id, question.id)
        for bank, question in hand_written()
        if EXPECTED_BANKS[bank.id] not in question.tags
    ]
    assert untagged == []


def test_choices_are_distinct_and_contain_the_answer() -> None:
    for bank, question in hand_written():
        where = f"{bank.id}:{question.id}"
        match question:
            case ChoiceQuestion(choices=choices, answer=answer):
                assert answer in choices, where
                assert len(set(folded(choices))) == len(choices), where
            case MultiQuestion(choices=choices, answers=answers):
                assert set(answers) <= set(choices), where
                assert len(set(folded(choices))) == len(choices), where
                # At least one wrong choice, or "select all" would always win.
                assert len(answers) < len(choices), where
            case MatchQuestion(pairs=pairs):
                assert len(set(folded(left for left, _ in pairs))) == len(pairs), where
                assert len(set(folded(right for _, right in pairs))) == len(pairs), where
            case OrderQuestion(items=items):
                assert len(set(folded(items))) == len(items), where
            case TextQuestion(answer=answer, accept=accept):
                assert normalise_text(answer) not in folded(accept), where
            case _:
                pass


def test_true_false_statements_are_not_all_the_same_answer() -> None:
    answers = Counter(
        question.answer for _, question in hand_written() if isinstance(question, TrueFalseQuestion)
    )
    assert answers[True] >= MIN_PER_TYPE
    assert answers[False] >= MIN_PER_TYPE


def test_question_ids_do_not_look_like_generated_ones() -> None:
    # Generated ids contain ":"; hand-written ones must never collide with them.
    assert [question.id for _, question in hand_written() if ":" in question.id] == []


def test_typed_answers_are_accepted_and_numbers_need_no_typo_tolerance() -> None:
    for bank, question in hand_written():
        where = f"{bank.id}:{question.id}"
        match question:
            case TextQuestion(answer=answer, accept=accept):
                answers = [answer, *accept]
                for given in answers:
                    assert grade_answer(question, given).correct, (where, given)
            case ClozeQuestion(gaps=gaps):
                answers = [gap.answer for gap in gaps]
                assert grade_answer(question, tuple(answers)).correct, where
            case _:
                continue
        # "July 13" is one typo away from "July 12": digits are never near misses.
        if any(char.isdigit() for text in answers for char in text):
            assert question.match != "lenient", where


def test_a_wrong_date_is_not_taken_for_a_typo() -> None:
    bank = load_shipped(shipped_banks_dir() / "s400-dates.toml")
    questions = {question.id: question for question in bank.questions}
    assert grade_answer(questions["delivery-date"], "12 July").correct
    assert grade_answer(questions["delivery-date"], "July 13").verdict == "wrong"
    assert grade_answer(questions["cornerstone-decade"], "1950s").correct
    assert grade_answer(questions["cornerstone-decade"], "the 1960s").verdict == "wrong"


@pytest.mark.parametrize(
    ("bank_id", "question_id", "given", "verdict"),
    [
        ("s400-dates", "delivery-date", "12th July", "correct"),
        ("s400-dates", "delivery-date", "on July 12", "correct"),
        ("s400-dates", "cornerstone-decade", "the 1950's", "correct"),
        ("s400-dates", "cornerstone-decade", "the '50s", "correct"),
        ("s400-actors", "who-bought", "Türkiye", "correct"),
        ("s400-actors", "kurdish-partners", "the Kurdish militia", "correct"),
        ("s400-actors", "kurdish-partners", "Kurdish fighters", "correct"),
        ("s400-actors", "kurdish-partners", "Kurds", "correct"),
        ("s400-actors", "russian-president", "President Putin", "correct"),
        ("s400-actors", "isis-named", "Islamic State", "correct"),
        ("s400-actors", "alliance-target", "the alliance", "correct"),
        ("s400-actors", "alliance-target", "NATO", "wrong"),
        ("s400-actors", "alliance-target", "the Eastern alliance", "wrong"),
        ("s400-quotes", "marinated-in", "danger", "wrong"),
        ("s400-dispute", "us-reaction", "offensive", "wrong"),
        ("s400-dispute", "f35", "F35s", "correct"),
        ("s400-dispute", "f35", "F-16", "wrong"),
    ],
)
def test_usual_ways_of_writing_an_answer_are_accepted(
    bank_id: str, question_id: str, given: str, verdict: str
) -> None:
    bank = load_shipped(shipped_banks_dir() / f"{bank_id}.toml")
    question = next(question for question in bank.questions if question.id == question_id)
    assert grade_answer(question, given).verdict == verdict


def test_the_cloze_of_cagaptays_title_takes_the_name_with_the() -> None:
    bank = load_shipped(shipped_banks_dir() / "s400-actors.toml")
    question = next(question for question in bank.questions if question.id == "cagaptay-title")
    given = ("Turkish Research Program", "The Washington Institute of Near East Policy")
    assert grade_answer(question, given).correct


# ------------------------------------------------------------ repetition


def shown_prompt(question: Question) -> str:
    """What a student reads as the question: the quote shown above it, the
    prompt, and a cloze's passage with its gaps blanked."""
    text = f"“{question.quote}” {question.prompt}" if question.quote else question.prompt
    if isinstance(question, ClozeQuestion):
        text += " " + "_____".join(question.parts)
    return normalise_text(text)


def every_question() -> list[tuple[Bank, Question]]:
    """(bank, question) for every question of every shipped bank, generated
    ones included."""
    return [
        (bank, question)
        for bank in shipped_banks()
        for question in (*bank.questions, *generate_questions(bank))
    ]


def test_no_two_questions_share_a_prompt() -> None:
    seen: dict[str, str] = {}
    repeated = []
    for bank, question in every_question():
        key = shown_prompt(question)
        where = f"{bank.id}:{question.id}"
        if key in seen:
            repeated.append((seen[key], where))
        seen.setdefault(key, where)
    assert repeated == []


def questions_per_fact(bank: Bank) -> Counter[tuple[str, tuple[str, ...]]]:
    """How many questions (hand-written and generated) ask about each fact
    with each set of tags. A question asks about the first fact of its
    `about`; questions that test different things about a fact carry
    different tags."""
    return Counter(
        (question.about[0], tuple(sorted(question.tags)))
        for question in (*bank.questions, *generate_questions(bank))
        if question.about
    )


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_at_most_three_questions_per_fact(path: Path) -> None:
    counts = questions_per_fact(load_shipped(path))
    assert {key: count for key, count in counts.items() if count > MAX_PER_FACT} == {}


def test_a_fourth_question_on_a_fact_is_caught() -> None:
    bank = load_shipped(shipped_banks_dir() / "s400-dates.toml")
    (fact, tags), count = questions_per_fact(bank).most_common(1)[0]
    first = next(
        q for q in bank.questions if q.about[:1] == (fact,) and tuple(sorted(q.tags)) == tags
    )
    copies = tuple(replace(first, id=f"copy-{n}") for n in range(MAX_PER_FACT + 1 - count))
    assert (
        questions_per_fact(replace(bank, questions=(*bank.questions, *copies)))[(fact, tags)]
        == MAX_PER_FACT + 1
    )


@pytest.mark.parametrize("path", bank_files(), ids=lambda path: path.stem)
def test_who_said_this_offers_four_plausible_speakers(path: Path) -> None:
    bank = load_shipped(path)
    people = {actor.name for actor in bank.actors if actor.kind == "person"}
    authors = {actor.name for actor in bank.actors if actor.author}
    speakers = [q for q in generate_questions(bank) if q.id.endswith(":speaker")]
    assert len(speakers) == len(bank.quotes)
    for question in speakers:
        assert isinstance(question, ChoiceQuestion)
        assert len(question.choices) == 4, question.id
        assert set(question.choices) <= people, question.id
        assert authors <= set(question.choices), question.id


def test_generated_clozes_never_give_a_gap_away() -> None:
    for bank, question in every_question():
        if not (question.generated and isinstance(question, ClozeQuestion)):
            continue
        passage = normalise_text(" ".join(question.parts))
        for gap in question.gaps:
            assert f" {normalise_text(gap.answer)} " not in f" {passage} ", (bank.id, question.id)
            assert "-" not in gap.answer and "’" not in gap.answer, (bank.id, question.id)


def test_role_questions_are_asked_in_one_bank_only() -> None:
    banks = {bank.id for bank, question in every_question() if question.id.startswith("actor")}
    assert banks == {"s400-actors"}


# ------------------------------------------------------------ the argument bank


def argument_bank() -> Bank:
    return load_shipped(shipped_banks_dir() / "s400-argument.toml")


def test_the_argument_bank_asks_about_the_argument() -> None:
    bank = argument_bank()
    assert len([q for q in bank.questions if "argument" in q.tags]) >= 25
    opens = [q for q in bank.questions if isinstance(q, OpenQuestion)]
    assert len(opens) >= 5
    for question in opens:
        assert question.model_answer.strip() and len(question.key_points) >= 3, question.id
        assert question.source.strip() and question.difficulty == 3, question.id
    # Every point the discussion needs is asked (see the bank's comments).
    asked = {tag for question in bank.questions for tag in question.tags}
    assert {
        "thesis", "ranking", "statements", "framing", "choice", "stance", "agreement",
        "judgement", "diplomacy", "voices", "discussion",
    } <= asked  # fmt: skip


def test_the_argument_bank_has_a_select_all_of_kinds_of_statement() -> None:
    questions = {q.id: q for q in argument_bank().questions}
    judgements = questions["own-judgements"]
    assert isinstance(judgements, MultiQuestion)
    assert 1 < len(judgements.answers) < len(judgements.choices)


def test_the_editorials_own_sentences_are_the_writers() -> None:
    bank = argument_bank()
    (writer,) = [actor for actor in bank.actors if actor.author]
    assert {quote.speaker for quote in bank.quotes} == {writer.id}
