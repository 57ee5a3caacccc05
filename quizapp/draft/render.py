"""A `Draft` as the text of a bank file: a commented header telling the
teacher what to review, ``[bank]`` with generated questions on, the
accepted facts with their verbatim excerpts, and ``# UNSURE:`` comments
where the extractor was not sure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from quizapp.banks.write import toml_string
from quizapp.display import quoted
from quizapp.draft.model import Draft, DraftActor, DraftEvent, DraftQuote

#: The speaker written for a quote whose speaker is unknown: `quizapp check`
#: reports it as an error ("not an actor of this bank") until it is set.
UNRESOLVED_SPEAKER = "UNRESOLVED"


def _value(value: str | int | bool | dt.date | Iterable[str]) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return toml_string(value)
    return "[" + ", ".join(toml_string(item) for item in value) + "]"


def _line(key: str, value: str | int | bool | dt.date | Iterable[str]) -> str:
    return f"{key} = {_value(value)}"


def _comment(text: str) -> str:
    """A comment line; line breaks in ``text`` stay inside the comment."""
    return "# " + " ".join(text.split())


def header(draft: Draft, article_name: str, check_command: str) -> list[str]:
    """The comment block that opens a drafted bank."""
    unsure = len(draft.unsure())
    unresolved = len(draft.unresolved_quotes())
    lines = [
        f"# Drafted by `quizapp draft` from {' '.join(article_name.split())}.",
        "# This is a draft: read it against the article before you use it.",
        "#",
        "# - Every actor, event and quote was found by rules, not by a person:",
        "#   delete what is wrong, fix what is close, add what is missing.",
    ]
    if unsure:
        lines += [
            f"# - Lines starting with `# UNSURE:` mark the {unsure} places where the draft",
            "#   was not sure; remove each comment once you have checked it.",
        ]
    if unresolved:
        lines += [
            f'# - {unresolved} quote(s) have speaker = "{UNRESOLVED_SPEAKER}": the draft could not',
            "#   tell who said them. `quizapp check` reports each as an error until",
            "#   you set the speaker to an actor's id.",
        ]
    lines += [
        "# - Roles and each event's `what` come from the article's sentences:",
        "#   rewrite them in a few words. Keep every `source` and quote `text`",
        "#   exactly as the article has them (they are verbatim excerpts).",
        "# - Dates the article gives without a year are `approximate`; their",
        "#   `note` says which year was assumed to sort them.",
        "# - Questions are generated from the facts (`generate = true`); add your",
        "#   own [[questions]] at the end.",
        "# - Prove every excerpt against the article, then try the bank:",
        f"#     {check_command}",
    ]
    return lines


def bank_text(
    draft: Draft,
    *,
    bank_id: str,
    title: str,
    article_name: str,
    check_command: str,
    url: str = "",
    source_file: str = "",
) -> str:
    """The drafted bank as TOML: the accepted items, each with its notes."""
    accepted_actors = draft.accepted_actor_ids()
    out = header(draft, article_name, check_command)
    out += ["", "format = 1", "", "[bank]", _line("id", bank_id), _line("title", title)]
    out.append(_line("description", f"Drafted from {' '.join(article_name.split())}."))
    out.append(_line("generate", True))
    out += ["", "[bank.source]", _line("title", draft.title or title)]
    if url:
        out.append(_line("url", url))
    if source_file:
        out.append(_line("file", source_file))
    actors = [actor for actor in draft.actors if actor.accepted]
    events = [event for event in draft.events if event.accepted]
    quotes = [quote for quote in draft.quotes if quote.accepted]
    if actors:
        out += ["", "# " + "-" * 66 + " actors"]
        for actor in actors:
            out += ["", *_actor(actor)]
    if events:
        out += ["", "# " + "-" * 66 + " events"]
        for event in events:
            out += ["", *_event(event)]
    if quotes:
        out += ["", "# " + "-" * 66 + " quotes"]
        for quote in quotes:
            out += ["", *_quote(quote, accepted_actors)]
    skipped = [item for item in draft.skipped if item.reason != "unpaired mark"]
    if skipped:
        out += [
            "",
            "# Quoted words not taken as quotations (add any that are as [[quotes]]):",
        ]
        out += [_comment(f"- {quoted(item.text)} ({item.reason})") for item in skipped]
    return "\n".join(out) + "\n"


def _notes(notes: Iterable[str]) -> list[str]:
    return [_comment(f"UNSURE: {note}") for note in notes]


def _generate(value: bool | tuple[str, ...]) -> list[str]:
    return [] if value is True else [_line("generate", value)]


def _actor(actor: DraftActor) -> list[str]:
    lines = [*_notes(actor.notes), "[[actors]]"]
    lines += [_line("id", actor.id), _line("name", actor.name), _line("kind", actor.kind)]
    if actor.author:
        lines.append(_line("author", True))
    lines.append(_line("role", actor.role))
    lines += _generate(actor.generate)
    if actor.aliases:
        lines.append(_line("aliases", actor.aliases))
    if actor.source:
        lines.append(_line("source", actor.source))
    return lines


def _event(event: DraftEvent) -> list[str]:
    lines = [*_notes(event.notes), "[[events]]", _line("id", event.id), _line("when", event.when)]
    if event.date is not None:
        lines.append(_line("date", event.date))
        if event.year is not None and event.year == event.date.year:
            lines.append(_line("year", event.year))
    else:
        year = event.year if event.sort_year is None else event.sort_year
        if year is not None:
            lines.append(_line("year", year))
    if event.approximate:
        lines.append(_line("approximate", True))
    lines.append(_line("what", event.what))
    if event.note:
        lines.append(_line("note", event.note))
    if event.source:
        lines.append(_line("source", event.source))
    return lines


def _quote(quote: DraftQuote, actors: set[str]) -> list[str]:
    speaker = quote.speaker if quote.speaker in actors else None
    notes = list(quote.notes)
    if speaker is None and quote.speaker is not None:
        notes.append(f"the speaker {quote.speaker} was rejected: set another one")
    lines = [*_notes(notes), "[[quotes]]", _line("id", quote.id), _line("text", quote.text)]
    lines.append(_line("speaker", speaker or UNRESOLVED_SPEAKER))
    lines += _generate(quote.generate)
    if quote.context:
        lines.append(_line("context", quote.context))
    if quote.source:
        lines.append(_line("source", quote.source))
    return lines
