"""Questions generated from a bank's actors, events and quotes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.generate import MAX_DISTRACTORS, STOPWORDS, generate_questions
from quizapp.grading import grade_answer, normalise_text
from quizapp.model import (
    Actor,
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    Defaults,
    Event,
    MatchQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    Quote,
)

ACTORS = (
    Actor(
        "wilson",
        "Ross Wilson",
        "person",
        "former U.S. ambassador to Turkey",
        source="Ross Wilson, who served as U.S. ambassador to Turkey from 2005-2008",
    ),
    Actor(
        "cagaptay",
        "Soner Cagaptay",
        "person",
        "director of the Turkish Research Program",
        source="Soner Cagaptay, director of the Turkish Research Program",
    ),
    Actor("erdogan", "Recep Tayyip Erdogan", "person", "Turkish President"),
    Actor("putin", "Vladimir Putin", "person", "Russian President"),
    Actor("gulen", "Fethullah Gulen", "person", "a Turkish cleric"),
    Actor("trump-admin", "The Trump administration", "government", "the U.S. administration"),
    Actor("global-mn", "Global Minnesota", "institution", "where Wilson is board chair"),
)
EVENTS = (
    Event(
        "delivery",
        "July 12",
        dt.date(2019, 7, 12),
        "Russia began delivering components of the S-400.",
        source="On July 12, Russia began delivering components",
    ),
    Event("coup", "2016", dt.date(2016, 7, 15), "A coup attempt in Turkey", year=2016),
    Event(
        "ambassador",
        "2005-2008",
        dt.date(2005, 1, 1),
        "Wilson served as ambassador",
        year=2005,
        approximate=True,
    ),
    Event(
        "soviet",
        "Soviet times",
        dt.date(1950, 1, 1),
        "Russia set out to divide the alliance",
        approximate=True,
        note="The key is an estimate.",
    ),
    Event("cornerstone", "the 1950s", dt.date(1955, 1, 1), "The relationship became a cornerstone"),
)
QUOTES = (
    Quote("winner", "Clearly a winner in all this is Putin", "wilson", context="Putin's goals"),
    Quote(
        "mission",
        "It’s been Russia’s mission going back to Soviet times to divide the alliance, "
        "and Putin is succeeding.",
        "wilson",
        source="“It’s been Russia’s mission going back to Soviet times",
    ),
    Quote("resentment", "have really created deep resentment in both capitals", "cagaptay"),
)
BANK = Bank(id="s400", title="S-400", actors=ACTORS, events=EVENTS, quotes=QUOTES)


def by_id(bank: Bank = BANK) -> dict[str, Question]:
    return {question.id: question for question in generate_questions(bank)}


def test_ids_in_order() -> None:
    assert [q.id for q in generate_questions(BANK)] == [
        "quote:winner:speaker",
        "quote:winner:cloze",
        "quote:mission:speaker",
        "quote:mission:cloze",
        "quote:resentment:speaker",
        "quote:resentment:cloze",
        "actors:roles:1",
        "actors:roles:2",
        "actor:wilson:role",
        "actor:cagaptay:role",
        "actor:erdogan:role",
        "actor:putin:role",
        "actor:gulen:role",
        "actor:trump-admin:role",
        "actor:global-mn:role",
        "events:order:1",
        "event:delivery:when",
        "event:coup:when",
        "event:coup:year",
        "event:ambassador:when",
        "event:soviet:when",
        "event:cornerstone:when",
    ]


def test_every_question_is_marked_generated_and_tagged() -> None:
    tags = {"quote": "quotes", "actors": "actors", "actor": "actors", "events": "dates"}
    tags["event"] = "dates"
    for question in generate_questions(BANK):
        assert question.generated
        assert question.about
        assert question.explanation
        assert question.tags == (tags[question.id.split(":")[0]],)
        assert 1 <= question.difficulty <= 3
        assert question.points == 1


def test_who_said_this() -> None:
    question = by_id()["quote:winner:speaker"]
    assert isinstance(question, ChoiceQuestion)
    assert question.prompt == "Who said this?"
    assert question.quote == "Clearly a winner in all this is Putin"
    assert question.answer == "Ross Wilson"
    assert question.about == ("winner", "wilson")
    assert question.explanation == (
        "Ross Wilson, former U.S. ambassador to Turkey, said this. Context: Putin's goals."
    )
    assert question.source == question.quote  # no excerpt of its own: the quote itself
    # Three people as distractors (people are preferred to institutions).
    assert len(question.choices) == 1 + MAX_DISTRACTORS
    people = {a.name for a in ACTORS if a.kind == "person"}
    assert set(question.choices) <= people
    assert by_id()["quote:mission:speaker"].source == QUOTES[1].source


def test_speaker_distractors_fall_back_to_other_kinds() -> None:
    bank = dataclasses.replace(BANK, actors=ACTORS[:2] + ACTORS[5:])
    question = by_id(bank)["quote:winner:speaker"]
    assert isinstance(question, ChoiceQuestion)
    assert sorted(question.choices) == [
        "Global Minnesota",
        "Ross Wilson",
        "Soner Cagaptay",
        "The Trump administration",
    ]


def test_complete_the_quote() -> None:
    questions = by_id()
    short = questions["quote:winner:cloze"]
    assert isinstance(short, ClozeQuestion)
    assert short.prompt == "Complete what Ross Wilson said."
    assert len(short.gaps) == 1
    long = questions["quote:mission:cloze"]
    assert isinstance(long, ClozeQuestion)
    assert len(long.gaps) == 2  # 17 words: two gaps
    for question in (short, long):
        passage = question.parts[0] + "".join(
            gap.answer + part for gap, part in zip(question.gaps, question.parts[1:], strict=True)
        )
        assert passage in {q.text for q in QUOTES}
        for gap in question.gaps:
            assert len(gap.answer) >= 4
            assert normalise_text(gap.answer) not in STOPWORDS
            assert "’" not in gap.answer
        # Gaps never touch: at least one word between them.
        assert all(part.strip() for part in question.parts[1:-1])
        assert grade_answer(question, tuple(g.answer for g in question.gaps)).correct


def test_cloze_gap_choice_skips_stopwords_and_possessives() -> None:
    quote = Quote("q", "It’s Russia’s and they were there with this", "wilson")
    bank = dataclasses.replace(BANK, quotes=(quote,))
    assert "quote:q:cloze" not in by_id(bank)
    assert "quote:q:speaker" in by_id(bank)


def test_match_people_to_roles_in_balanced_groups() -> None:
    questions = by_id()
    first, second = questions["actors:roles:1"], questions["actors:roles:2"]
    assert isinstance(first, MatchQuestion) and isinstance(second, MatchQuestion)
    # Seven actors, sorted by id, split 4 + 3 rather than 5 + 2.
    assert first.about == ("cagaptay", "erdogan", "global-mn", "gulen")
    assert second.about == ("putin", "trump-admin", "wilson")
    assert second.pairs == (
        ("Vladimir Putin", "Russian President"),
        ("The Trump administration", "the U.S. administration"),
        ("Ross Wilson", "former U.S. ambassador to Turkey"),
    )
    # Two groups: each prompt says which, so no two questions ask the same.
    assert first.prompt == "Match each name to its role (set 1 of 2)."
    assert second.prompt == "Match each name to its role (set 2 of 2)."
    assert second.source == "Ross Wilson, who served as U.S. ambassador to Turkey from 2005-2008"
    people = dataclasses.replace(BANK, actors=ACTORS[:5])
    only = by_id(people)["actors:roles:1"]
    assert only.prompt == "Match each person to their role."
    assert "actors:roles:2" not in by_id(people)


def test_who_is() -> None:
    question = by_id()["actor:putin:role"]
    assert isinstance(question, ChoiceQuestion)
    assert question.prompt == "Who is Vladimir Putin?"
    assert question.answer == "Russian President"
    assert question.explanation == "Vladimir Putin: Russian President."
    roles = {a.role for a in ACTORS if a.kind == "person"}
    assert set(question.choices) <= roles
    assert by_id()["actor:global-mn:role"].prompt == "Which description fits Global Minnesota?"
    described = dataclasses.replace(ACTORS[3], description="He leads Russia.")
    bank = dataclasses.replace(BANK, actors=(*ACTORS[:3], described, *ACTORS[4:]))
    assert by_id(bank)["actor:putin:role"].explanation == (
        "Vladimir Putin: Russian President. He leads Russia."
    )


def test_who_is_needs_three_actors() -> None:
    bank = dataclasses.replace(BANK, actors=ACTORS[:2], quotes=())
    assert [q.id for q in generate_questions(bank) if q.id.startswith("actor")] == [
        "actors:roles:1"
    ]


def test_put_events_in_order() -> None:
    question = by_id()["events:order:1"]
    assert isinstance(question, OrderQuestion)
    assert question.items == (
        "Russia set out to divide the alliance",
        "The relationship became a cornerstone",
        "Wilson served as ambassador",
        "A coup attempt in Turkey",
        "Russia began delivering components of the S-400",
    )
    assert question.explanation.startswith(
        "Earliest first: 1. Russia set out to divide the alliance (Soviet times); "
    )
    assert question.source == "On July 12, Russia began delivering components"
    assert question.difficulty == 2  # connecting several dates, however many


def test_events_order_groups_and_ties() -> None:
    events = tuple(
        Event(f"e{n:02}", str(1990 + n), dt.date(1990 + n, 1, 1), f"Thing {n}") for n in range(13)
    )
    tie = Event("tie", "same day", dt.date(1990, 1, 1), "Another thing that day")
    bank = Bank(id="b", title="B", events=(*events, tie))
    orders = [q for q in generate_questions(bank) if isinstance(q, OrderQuestion)]
    # 13 orderable events (the tie is left out) in groups of at most 6: 5 + 4 + 4.
    assert [q.id for q in orders] == ["events:order:1", "events:order:2", "events:order:3"]
    assert [len(q.items) for q in orders] == [5, 4, 4]
    assert [item for q in orders for item in q.items] == [f"Thing {n}" for n in range(13)]


def test_when_did_this_happen() -> None:
    question = by_id()["event:soviet:when"]
    assert isinstance(question, ChoiceQuestion)
    assert question.prompt == "Russia set out to divide the alliance. When did this happen?"
    assert question.answer == "Soviet times"
    assert set(question.choices) <= {e.when for e in EVENTS}
    assert len(question.choices) == 4
    assert question.explanation == (
        "The source gives the time as “Soviet times”. The key is an estimate."
    )


def test_in_what_year_only_for_stated_years() -> None:
    questions = by_id()
    year = questions["event:coup:year"]
    assert isinstance(year, NumberQuestion)
    assert (year.answer, year.tolerance) == (2016.0, 0.0)
    assert year.prompt == "A coup attempt in Turkey. In what year did this happen?"
    assert year.explanation == "It happened in 2016."
    assert grade_answer(year, "2016").correct
    assert "event:ambassador:year" not in questions  # approximate
    assert "event:delivery:year" not in questions  # no year stated


def test_distractors_never_equal_the_answer() -> None:
    twins = (
        *ACTORS,
        Actor("wilson2", "ROSS WILSON", "person", "Former U.S. Ambassador to Turkey!"),
    )
    bank = dataclasses.replace(BANK, actors=twins)
    for question in generate_questions(bank):
        if isinstance(question, ChoiceQuestion):
            folded = [normalise_text(choice) for choice in question.choices]
            assert len(set(folded)) == len(folded), question.id
            assert question.answer in question.choices
            assert question.choices.count(question.answer) == 1


def test_distractors_come_from_the_bank() -> None:
    names = {a.name for a in ACTORS}
    roles = {a.role for a in ACTORS}
    whens = {e.when for e in EVENTS}
    for question in generate_questions(BANK):
        if isinstance(question, ChoiceQuestion):
            pool = {"speaker": names, "role": roles, "when": whens}[question.id.split(":")[-1]]
            assert set(question.choices) <= pool


def test_questions_without_two_choices_are_left_out() -> None:
    bank = Bank(
        id="lonely",
        title="Lonely",
        actors=(ACTORS[0],),
        quotes=(QUOTES[0],),
    )
    assert [q.id for q in generate_questions(bank)] == ["quote:winner:cloze"]


def test_answer_is_not_always_the_first_choice() -> None:
    choices = [q for q in generate_questions(BANK) if isinstance(q, ChoiceQuestion)]
    assert {q.choices.index(q.answer) for q in choices} != {0}


def test_same_bank_same_questions() -> None:
    assert generate_questions(BANK) == generate_questions(BANK)
    rebuilt = Bank(id="s400", title="S-400", actors=ACTORS, events=EVENTS, quotes=QUOTES)
    assert generate_questions(rebuilt) == generate_questions(BANK)


def test_same_questions_in_another_process() -> None:
    script = (
        "from tests.test_generate import BANK\n"
        "from quizapp.generate import generate_questions\n"
        "print(repr(generate_questions(BANK)))\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
            cwd=Path(__file__).resolve().parents[1],
        ).stdout
        for seed in ("1", "2")
    }
    assert runs == {repr(generate_questions(BANK)) + "\n"}


def test_the_bank_id_seeds_the_distractors() -> None:
    other = dataclasses.replace(BANK, id="another-bank")
    ours = [q for q in generate_questions(BANK) if isinstance(q, ChoiceQuestion)]
    theirs = [q for q in generate_questions(other) if isinstance(q, ChoiceQuestion)]
    assert [q.id for q in ours] == [q.id for q in theirs]
    assert [q.choices for q in ours] != [q.choices for q in theirs]


def unchanged_except(before: Bank, after: Bank, fact_id: str) -> set[str]:
    """Ids of generated questions that differ between the banks, checking
    that they are all about ``fact_id``."""
    old, new = by_id(before), by_id(after)
    assert old.keys() == new.keys()
    changed = {qid for qid in old if old[qid] != new[qid]}
    assert all(fact_id in new[qid].about for qid in changed), changed
    return changed


def test_editing_a_quote_leaves_other_questions_alone() -> None:
    edited = dataclasses.replace(QUOTES[2], text="have really created deep anger in both capitals")
    after = dataclasses.replace(BANK, quotes=(QUOTES[0], QUOTES[1], edited))
    assert unchanged_except(BANK, after, "resentment") == {
        "quote:resentment:speaker",
        "quote:resentment:cloze",
    }


def test_editing_an_event_leaves_other_questions_alone() -> None:
    edited = dataclasses.replace(EVENTS[1], what="The failed coup", source="a 2016 coup")
    after = dataclasses.replace(BANK, events=(EVENTS[0], edited, *EVENTS[2:]))
    assert unchanged_except(BANK, after, "coup") == {
        "events:order:1",
        "event:coup:when",
        "event:coup:year",
    }


def test_editing_a_role_changes_only_that_text_elsewhere() -> None:
    old_role, new_role = "Russian President", "President of Russia"
    edited = dataclasses.replace(ACTORS[3], role=new_role)
    after = dataclasses.replace(BANK, actors=(*ACTORS[:3], edited, *ACTORS[4:]))
    before_questions, after_questions = by_id(BANK), by_id(after)
    showing_the_role = 0
    for qid, question in before_questions.items():
        if "putin" in question.about:
            continue
        edited_question = after_questions[qid]
        if isinstance(question, ChoiceQuestion) and old_role in question.choices:
            # The same distractors were drawn; only the edited text differs.
            renamed = tuple(new_role if c == old_role else c for c in question.choices)
            assert renamed == edited_question.choices  # type: ignore[union-attr]
            showing_the_role += 1
        else:
            assert edited_question == question, qid
    assert showing_the_role >= 1


def test_reordering_facts_in_the_file_keeps_distractors() -> None:
    shuffled = dataclasses.replace(BANK, actors=ACTORS[::-1], events=EVENTS[::-1])
    old, new = by_id(BANK), by_id(shuffled)
    assert old.keys() == new.keys()
    for qid in old:
        assert old[qid] == new[qid], qid


def test_generation_turned_off() -> None:
    assert generate_questions(dataclasses.replace(BANK, generate=False)) == ()


def test_bank_defaults_apply() -> None:
    bank = dataclasses.replace(BANK, defaults=Defaults(points=2, match="normal"))
    questions = generate_questions(bank)
    assert {q.points for q in questions} == {2}
    assert {q.match for q in questions if isinstance(q, ClozeQuestion)} == {"normal"}


def test_empty_bank() -> None:
    assert generate_questions(Bank(id="empty", title="Empty")) == ()


# ------------------------------------------------------------ what is made


def test_the_bank_chooses_the_kinds_it_generates() -> None:
    bank = dataclasses.replace(BANK, generated_kinds=("speaker", "when"))
    kinds = {q.id.split(":")[-1] for q in generate_questions(bank)}
    assert kinds == {"speaker", "when"}


def test_a_fact_can_turn_off_its_own_questions() -> None:
    quiet_quote = dataclasses.replace(QUOTES[0], generate=("speaker",))
    quiet_actor = dataclasses.replace(ACTORS[3], generate=())
    quiet_event = dataclasses.replace(EVENTS[1], generate=("when",))
    bank = dataclasses.replace(
        BANK,
        quotes=(quiet_quote, *QUOTES[1:]),
        actors=(*ACTORS[:3], quiet_actor, *ACTORS[4:]),
        events=(EVENTS[0], quiet_event, *EVENTS[2:]),
    )
    questions = by_id(bank)
    assert "quote:winner:speaker" in questions and "quote:winner:cloze" not in questions
    assert "actor:putin:role" not in questions
    assert all("putin" not in q.about for q in questions.values() if q.id.startswith("actors:"))
    assert "event:coup:when" in questions and "event:coup:year" not in questions
    assert "coup" not in questions["events:order:1"].about
    # A fact left out of its own questions is still a wrong choice elsewhere.
    roles = {c for q in questions.values() if q.id.endswith(":role") for c in q.choices}  # type: ignore[union-attr]
    assert "Russian President" in roles


# ------------------------------------------------------------ who said this


WRITER = Actor("writer", "the editorial writer", "person", "author of the editorial", author=True)


def test_the_author_is_always_a_wrong_speaker() -> None:
    bank = dataclasses.replace(BANK, actors=(*ACTORS, WRITER))
    for quote in QUOTES:
        question = by_id(bank)[f"quote:{quote.id}:speaker"]
        assert isinstance(question, ChoiceQuestion)
        assert len(question.choices) == 4
        assert "the editorial writer" in question.choices
        assert "Global Minnesota" not in question.choices  # people first


def test_no_one_the_quote_names_is_a_wrong_speaker() -> None:
    putin = dataclasses.replace(ACTORS[3], aliases=("Putin",))
    bank = dataclasses.replace(BANK, actors=(*ACTORS[:3], putin, *ACTORS[4:], WRITER))
    for seed in range(20):
        question = by_id(dataclasses.replace(bank, id=f"seed-{seed}"))["quote:winner:speaker"]
        assert isinstance(question, ChoiceQuestion)
        assert "Vladimir Putin" not in question.choices  # "... a winner in all this is Putin"
        assert len(question.choices) == 4


def test_the_authors_own_words() -> None:
    claim = Quote("wrongly", "chose wrongly", "writer")
    bank = dataclasses.replace(BANK, actors=(*ACTORS, WRITER), quotes=(claim,))
    question = by_id(bank)["quote:wrongly:speaker"]
    assert isinstance(question, ChoiceQuestion)
    assert question.answer == "the editorial writer"
    assert question.explanation == (
        "The editorial writer wrote this: the source's own words, not a quotation."
    )
    assert by_id(bank)["quote:wrongly:cloze"].prompt == "Complete what the editorial writer wrote."


# ------------------------------------------------------------ fair choices


@pytest.mark.parametrize(
    ("text", "never"),
    [
        # "Turkey" is printed twice; "ISIS-held" and "U.S.-Turkish" are joined.
        (
            "Turkey is an important ally; it borders ISIS-held territory, so it is much "
            "easier with Turkey on board",
            {"Turkey", "ISIS", "held", "ISIS-held"},
        ),
        (
            "what’s happened is deeply damaging to American interests, it’s deeply "
            "damaging to U.S.-Turkish relations",
            {"damaging", "deeply", "Turkish"},
        ),
        ("going back to the 1950s in that part of the world", {"1950s"}),
    ],
)
def test_cloze_gaps_are_never_given_away(text: str, never: set[str]) -> None:
    for seed in range(20):
        bank = dataclasses.replace(BANK, id=f"seed-{seed}", quotes=(Quote("q", text, "wilson"),))
        question = by_id(bank)["quote:q:cloze"]
        assert isinstance(question, ClozeQuestion)
        assert {gap.answer for gap in question.gaps}.isdisjoint(never)


def test_a_role_naming_the_actor_is_never_a_wrong_choice() -> None:
    actors = (
        Actor("turkey", "Turkey", "country", "buyer of the S-400", aliases=("Ankara",)),
        Actor("us", "the U.S.", "country", "country allied with Turkey"),
        Actor("russia", "Russia", "country", "seller of the S-400"),
        Actor("iran", "Iran", "country", "neighbour Ankara borders"),
        Actor("syria", "Syria", "country", "another neighbour"),
    )
    for seed in range(20):
        bank = Bank(id=f"seed-{seed}", title="T", actors=actors)
        question = by_id(bank)["actor:turkey:role"]
        assert isinstance(question, ChoiceQuestion)
        assert "country allied with Turkey" not in question.choices
        assert "neighbour Ankara borders" not in question.choices
        assert len(question.choices) == 3  # Russia's and Syria's roles


def test_a_large_bank_is_generated() -> None:
    # Not a timing: see benchmarks/bench_generate.py. Every actor still gets
    # four choices drawn from the bank.
    actors = tuple(Actor(f"a{n}", f"Person {n}", "person", f"role number {n}") for n in range(3000))
    questions = generate_questions(Bank(id="big", title="Big", actors=actors))
    roles = [q for q in questions if isinstance(q, ChoiceQuestion)]
    assert len(roles) == 3000
    assert {len(q.choices) for q in roles} == {4}
