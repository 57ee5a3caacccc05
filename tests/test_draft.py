"""What the draft extractor finds in short texts: every kind of quotation
and attribution, what is not a quotation, speakers as actors with roles and
aliases, time references and what is not one, and the review API."""

from __future__ import annotations

import datetime as dt

import pytest

from quizapp.banks import load_bank_text
from quizapp.draft import (
    UNRESOLVED_SPEAKER,
    Draft,
    DraftEditError,
    bank_text,
    draft_article,
    parse_article,
)
from quizapp.model import Bank, BankError


def draft(text: str, fmt: str = "text") -> Draft:
    return draft_article(parse_article(text, fmt), reference_year=2020)  # type: ignore[arg-type]


def said(result: Draft) -> list[tuple[str, str | None]]:
    """(quote text, speaker's name) of every drafted quote."""
    names = {actor.id: actor.name for actor in result.actors}
    return [(q.text, names.get(q.speaker) if q.speaker else None) for q in result.quotes]


def render(result: Draft) -> str:
    return bank_text(
        result, bank_id="t", title="T", article_name="a.txt", check_command="quizapp check"
    )


# ------------------------------------------------------------------ quotes


@pytest.mark.parametrize(
    "text",
    [
        "“We will win,” said Anna Berg, the party’s leader.",
        '"We will win," said Anna Berg, the party\'s leader.',
        "‘We will win,’ said Anna Berg, the party’s leader.",
        "'We will win,' said Anna Berg, the party's leader.",
        "“We will win,” Anna Berg, the party’s leader, said on Monday.",
        "Anna Berg, the party’s leader, said: “We will win.”",
        "Anna Berg, the party’s leader, said that “We will win.”",
        "Anna Berg, the party’s leader, reports, “We will win.”",
    ],
)
def test_quotes_in_any_marks_with_attribution_before_or_after(text: str) -> None:
    result = draft(text)
    assert [(quote.rstrip("."), who) for quote, who in said(result)] == [
        ("We will win", "Anna Berg")
    ]
    berg = result.actors[0]
    assert berg.kind == "person"
    assert berg.role in ("party’s leader", "party's leader")


def test_a_quote_of_several_paragraphs_keeps_its_speaker() -> None:
    text = (
        "Mara Quint said the closure had hurt her trade.\n\n"
        "“People say the harbour is dying. It is not dying,” she said. “It is starved.\n\n"
        "“Give us a bridge.\n\n"
        "“And you will see this street come back to life.”\n\n"
        "The council did not reply."
    )
    assert said(draft(text)) == [
        ("People say the harbour is dying. It is not dying", "Mara Quint"),
        ("It is starved.", "Mara Quint"),
        ("Give us a bridge.", "Mara Quint"),
        ("And you will see this street come back to life.", "Mara Quint"),
    ]


def test_a_nested_quote_stays_inside_its_quote() -> None:
    text = "“When she told me, ‘Our history is in a glass case,’ I wept,” said Aurelie Sossa."
    assert said(draft(text)) == [
        ("When she told me, ‘Our history is in a glass case,’ I wept", "Aurelie Sossa")
    ]


def test_fragments_in_reported_speech_take_the_speaker_of_the_sentence() -> None:
    text = (
        "Northline Energy Corp. said it would appeal. In a statement, the company called "
        "the ruling “a fabrication” and said the pipeline was “safe by design.”\n\n"
        "These disputes “have created resentment,” so decisions “are marinated in anger,” "
        "Soner Cagaptay, director of the Turkish Research Program, told reporters."
    )
    assert said(draft(text)) == [
        ("a fabrication", "Northline Energy Corp"),
        ("safe by design.", "Northline Energy Corp"),
        ("have created resentment", "Soner Cagaptay"),
        ("are marinated in anger", "Soner Cagaptay"),
    ]


def test_an_untagged_quote_continues_the_previous_speaker() -> None:
    text = (
        "“I support a new bridge,” Peter Hollis said. “What I cannot support is a promise.”\n\n"
        "“Nobody has checked the numbers.”"
    )
    assert [who for _, who in said(draft(text))] == ["Peter Hollis"] * 3


def test_pronouns_go_to_the_latest_person_who_fits() -> None:
    text = (
        "Mayor Elena Varga met Thomas Berger, the chief engineer, on Tuesday. "
        "“We will rebuild it,” she said. “The deck moves in high winds,” he added.\n\n"
        "Councillor Ahmed Qureshi praised Ellery, whom he called “a formidable opponent.”"
    )
    assert said(draft(text)) == [
        ("We will rebuild it", "Elena Varga"),
        ("The deck moves in high winds", "Thomas Berger"),
        ("a formidable opponent.", "Ahmed Qureshi"),
    ]


def test_titles_scare_quotes_and_headlines_are_not_quotes() -> None:
    text = (
        "‘A victory for the river’: court halts pipeline\n\n"
        "Ivo Brandt wrote a history of the port, “Tides and Timber,” in 2015. "
        "The film “The Bronze Door” closed within a month. "
        "Critics dismissed the so-called “reset” and its “peace dividend” as talk. "
        "“We will appeal,” Ivo Brandt said."
    )
    result = draft(text)
    assert said(result) == [("We will appeal", "Ivo Brandt")]
    assert {(item.text, item.reason) for item in result.skipped} == {
        ("A victory for the river", "heading"),
        ("Tides and Timber", "title"),
        ("The Bronze Door", "title"),
        ("reset", "scare quote"),
        ("peace dividend", "scare quote"),
    }


def test_an_unresolved_speaker_is_written_with_a_marker_check_rejects() -> None:
    result = draft("“Nobody knows who said this, and nobody will ever find out.”")
    assert said(result) == [("Nobody knows who said this, and nobody will ever find out.", None)]
    assert result.quotes[0].notes
    loaded = load_bank_text(render(result), "t.toml")
    assert isinstance(loaded, BankError)
    assert any(UNRESOLVED_SPEAKER in problem.message for problem in loaded.problems)


# ------------------------------------------------------------------ actors


def test_speakers_become_actors_with_roles_and_aliases() -> None:
    text = (
        "Russian President Vladimir Putin’s goal is clear. “A winner is Putin,” said Ross "
        "Wilson, who served as U.S. ambassador to Turkey from 2005-2008. “It is a disaster,” "
        "Wilson said. “Turkey is an ally,” Soner Cagaptay, director of the Turkish Research "
        "Program at the Washington Institute, told reporters. “So be it,” said Cagaptay."
    )
    actors = {actor.name: actor for actor in draft(text).actors}
    assert actors["Vladimir Putin"].role == "Russian President"
    assert actors["Vladimir Putin"].aliases == ("Putin",)
    assert actors["Ross Wilson"].role == "former U.S. ambassador to Turkey"
    assert actors["Ross Wilson"].aliases == ("Wilson",)
    assert actors["Soner Cagaptay"].role.startswith("director of the Turkish Research Program")
    assert actors["Soner Cagaptay"].aliases == ("Cagaptay",)


def test_variants_of_one_name_are_merged() -> None:
    text = (
        "The Foreign Ministry rejected the report on Monday. “It is false,” the ministry said. "
        "Turkey bought the system. Ankara says the deal is done, and Turkey will not go back."
    )
    actors = {actor.name: actor for actor in draft(text).actors}
    assert actors["Foreign Ministry"].aliases == ("the ministry",)
    assert actors["Turkey"].aliases == ("Ankara",)
    assert said(draft(text)) == [("It is false", "Foreign Ministry")]


def test_places_and_passing_names_are_not_actors() -> None:
    text = (
        "Fethullah Gulen now resides in Pennsylvania. Engineers say the deck moves. "
        "The talks were held at the Civic Centre near the Black Sea."
    )
    assert [actor.name for actor in draft(text).actors] == ["Fethullah Gulen"]


# ------------------------------------------------------------------ dates


def test_time_references_become_events() -> None:
    text = (
        "On July 12, 2019, the first parts arrived. The plant opened on March 3 and closed "
        "in May 2021. It was built in 1962, extended in the 1990s and sold in the late 19th "
        "century plans. Work stopped in September and resumed on Tuesday. The rift goes "
        "back to Soviet times and the postwar years."
    )
    events = {event.when: event for event in draft(text).events}
    assert list(events) == [
        "July 12, 2019",
        "March 3",
        "May 2021",
        "1962",
        "the 1990s",
        "the late 19th century",
        "September",
        "Tuesday",
        "Soviet times",
        "the postwar years",
    ]
    assert (events["July 12, 2019"].date, events["July 12, 2019"].approximate) == (
        dt.date(2019, 7, 12),
        False,
    )
    assert (events["March 3"].date, events["March 3"].approximate) == (dt.date(2020, 3, 3), True)
    assert (events["1962"].year, events["1962"].approximate) == (1962, False)
    assert (events["the 1990s"].sort_year, events["the 1990s"].approximate) == (1990, True)
    assert events["Soviet times"].approximate
    assert events["1962"].source == (
        "It was built in 1962, extended in the 1990s and sold in the late 19th century plans."
    )
    assert "1962" not in events["1962"].what


def test_ages_durations_and_counts_are_not_dates() -> None:
    text = (
        "He joined at the age of 34 and spent 98 years of life on the island. A 34-year-old "
        "pharmacist, aged 52, said 1,500 troops and 2000 people came for 20 years. "
        "She is in her 50s."
    )
    assert draft(text).events == []


# ------------------------------------------------------------------ review


def test_a_draft_is_reviewed_item_by_item() -> None:
    result = draft(
        "“We will win,” said Anna Berg. “They will lose,” said Tom Hale. The vote was held in 2016."
    )
    hale = next(actor for actor in result.actors if actor.name == "Tom Hale")
    quote = result.quotes[1]
    result.edit(quote.id, speaker=result.actors[0].id)
    result.edit(hale.id, role="challenger")
    result.reject(hale.id)
    event = result.events[0]
    result.edit(event.id, year=2017, sort_year=2017)
    with pytest.raises(DraftEditError):
        result.edit(quote.id, speaker="nobody")
    with pytest.raises(DraftEditError):
        result.edit(hale.id, role=" ")
    with pytest.raises(DraftEditError):
        result.edit(event.id, year=0)
    with pytest.raises(DraftEditError):
        result.edit(event.id, span=None)
    loaded = load_bank_text(render(result), "t.toml")
    assert isinstance(loaded, Bank)
    assert [actor.name for actor in loaded.actors] == ["Anna Berg"]
    assert {q.speaker for q in loaded.quotes} == {result.actors[0].id}
    assert loaded.events[0].year == 2017
    result.accept(hale.id)
    result.edit(quote.id, speaker=hale.id)
    result.reject(hale.id)
    loaded = load_bank_text(render(result), "t.toml")
    assert isinstance(loaded, BankError)  # the quote's speaker was rejected


def test_spans_point_into_the_article_text() -> None:
    result = draft("“We will win,” said Anna Berg. Berg spoke in 2016.")
    text = result.article.text
    quote, actor, event = result.quotes[0], result.actors[0], result.events[0]
    assert text[quote.span.start : quote.span.end] == "We will win"
    assert [text[s.start : s.end] for s in actor.mentions] == ["Anna Berg", "Berg"]
    assert text[event.span.start : event.span.end] == "2016"
    assert text[event.source_span.start : event.source_span.end] == event.source


# ------------------------------------------------------------------ HTML


def test_html_keeps_paragraphs_and_never_takes_scripts_or_styles() -> None:
    page = (
        "<html><head><title>Court halts pipeline</title><style>p::before "
        '{content: "“Styled,” said Style Sheet."}</style>'
        '<script>var s = "“Scripted,” said Java Script.";</script></head>'
        "<body><nav>Home &middot; News</nav><h1>Court halts pipeline</h1>"
        "<p>&ldquo;We will appeal,&rdquo; said Daniel Reyes, the <em>company&rsquo;s</em> "
        "vice president.</p><p>The hearing is set for November&nbsp;3.</p>"
        "<footer>&copy; 2022 Courier</footer></body></html>"
    )
    result = draft(page, "html")
    assert result.article.text == (
        "Court halts pipeline\n\n“We will appeal,” said Daniel Reyes, the company’s vice "
        "president.\n\nThe hearing is set for November 3.\n"
    )
    assert result.title == "Court halts pipeline"
    assert said(result) == [("We will appeal", "Daniel Reyes")]
    assert [event.when for event in result.events] == ["November 3"]


def test_an_editorial_gets_its_writer_as_an_author_actor() -> None:
    text = (
        "Diplomacy won’t be easy. “It is a huge disaster,” Ross Wilson told an editorial "
        "writer. “It is a mess,” said Soner Cagaptay."
    )
    result = draft(text)
    author = result.actors[0]
    assert (author.name, author.author, author.source) == (
        "the editorial writer",
        True,
        "an editorial writer",
    )
    loaded = load_bank_text(render(result), "t.toml")
    assert isinstance(loaded, Bank)
    assert [actor.name for actor in loaded.actors if actor.author] == ["the editorial writer"]
    assert not any(actor.author for actor in draft("“We won,” said Anna Berg.").actors)


def test_stand_in_roles_and_short_quotes_make_fewer_questions() -> None:
    result = draft(
        "Ivo Brandt wrote to the Harbour Trust in 2019. The Harbour Trust’s lawyers said "
        "nothing. Ivo Brandt called the plan “a wish list” and said: “We will appeal the "
        "decision.”"
    )
    trust = next(actor for actor in result.actors if actor.name == "Harbour Trust")
    assert trust.generate is False and any("generate = false" in note for note in trust.notes)
    assert [(quote.text, quote.generate) for quote in result.quotes] == [
        ("a wish list", ("speaker",)),
        ("We will appeal the decision.", True),
    ]
    loaded = load_bank_text(render(result), "t.toml")
    assert isinstance(loaded, Bank)
