"""A drafted bank under review: the actors, events and quotes found in an
article, each with the spans of the article text it comes from, whether the
teacher keeps it, and what the extractor was unsure of.

`Draft` is what a review screen works on: list the items with their spans
highlighted in ``draft.article.text``, `Draft.accept` / `Draft.reject` them,
fix a speaker, a role or a date (`Draft.set_speaker`, `Draft.set_role`,
`Draft.set_date`, or any field with `Draft.edit`), then write the accepted
items with `quizapp.draft.render.bank_text` (or `quizapp.draft.save_draft`).
An item the teacher has checked (accepted on purpose, or fixed) loses its
notes: the bank gets no ``# UNSURE:`` comment for it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from quizapp.draft.article import Article


class DraftEditError(ValueError):
    """An edit a draft item cannot take (an unknown speaker, a bad year)."""


@dataclass(frozen=True, slots=True)
class Span:
    """``article.text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DraftActor:
    """A person, institution, country ... the article names and that acts or
    speaks in it."""

    id: str
    name: str
    kind: str
    role: str
    aliases: tuple[str, ...]
    #: Verbatim excerpt naming the actor (with its role when found).
    source: str
    source_span: Span
    #: Every place the article names the actor.
    mentions: tuple[Span, ...]
    #: What the extractor was unsure of, for the teacher.
    notes: tuple[str, ...] = ()
    accepted: bool = True
    #: The writer of the article (an editorial's): offered in every "who said this?".
    author: bool = False
    #: The generated questions made from this actor: True (all), False, or kinds.
    generate: bool | tuple[str, ...] = True


@dataclass(frozen=True, slots=True)
class DraftEvent:
    """A time reference of the article and the sentence it is in."""

    id: str
    #: The article's own wording: "July 12", "the 1950s", "Soviet times".
    when: str
    what: str
    #: The year the article states, if any.
    year: int | None
    #: A full date to sort by (``approximate`` when the article gives no year).
    date: dt.date | None
    #: The year to sort by when there is no ``date``.
    sort_year: int | None
    approximate: bool
    note: str
    #: The sentence holding the time reference, verbatim.
    source: str
    source_span: Span
    #: The time reference itself.
    span: Span
    notes: tuple[str, ...] = ()
    accepted: bool = True


@dataclass(frozen=True, slots=True)
class DraftQuote:
    """A direct quotation and who said it."""

    id: str
    #: The quoted words, verbatim, without the quotation marks.
    text: str
    #: The speaker's actor id; None when the extractor could not tell.
    speaker: str | None
    context: str
    #: The sentence(s) holding the quote and its attribution, verbatim.
    source: str
    source_span: Span
    #: The quoted words in the article.
    span: Span
    #: How the speaker was found: "after" ("…,” X said), "before" (X said: “…”),
    #: "sentence" (another quote of the sentence names X), "continuation",
    #: "pronoun", or "" when unresolved.
    attribution: str = ""
    notes: tuple[str, ...] = ()
    accepted: bool = True
    #: The generated questions made from this quote: True (all), False, or kinds.
    generate: bool | tuple[str, ...] = True


DraftItem = DraftActor | DraftEvent | DraftQuote
T = TypeVar("T", DraftActor, DraftEvent, DraftQuote)


@dataclass(frozen=True, slots=True)
class Skipped:
    """Quoted words that were not taken as a quotation, and why."""

    text: str
    span: Span
    #: "title" (of a book, film ...), "scare quote", "heading", "unpaired mark".
    reason: str


@dataclass(slots=True)
class Draft:
    """Everything drafted from one article, ready for review."""

    article: Article
    title: str
    actors: list[DraftActor]
    events: list[DraftEvent]
    quotes: list[DraftQuote]
    skipped: list[Skipped] = field(default_factory=list)
    #: Warnings about the whole draft ("no quotations found").
    warnings: list[str] = field(default_factory=list)

    def snapshot(self) -> Draft:
        """A copy that later reviews do not change (to save it from another thread)."""
        return dataclasses.replace(
            self,
            actors=list(self.actors),
            events=list(self.events),
            quotes=list(self.quotes),
            skipped=list(self.skipped),
            warnings=list(self.warnings),
        )

    def items(self) -> list[DraftItem]:
        """Every drafted item: actors, then events, then quotes."""
        return [*self.actors, *self.events, *self.quotes]

    def item(self, item_id: str) -> DraftItem:
        """The item with id ``item_id`` (KeyError when there is none)."""
        for item in self.items():
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def accept(self, item_id: str, *, checked: bool = False) -> None:
        """Keep the item in the bank; ``checked``: the teacher has checked
        it, so what the extractor was unsure of no longer applies."""
        item = dataclasses.replace(self.item(item_id), accepted=True)
        self._replace(dataclasses.replace(item, notes=()) if checked else item)

    def reject(self, item_id: str) -> None:
        """Leave the item out of the bank. A quote whose speaker is rejected
        is written with the unresolved-speaker marker."""
        self._replace(dataclasses.replace(self.item(item_id), accepted=False))

    def edit(self, item_id: str, **changes: Any) -> DraftItem:
        """Change fields of an item (a quote's ``speaker``, an actor's
        ``role``, an event's ``year``/``date``/``approximate`` ...) and
        return it. Raises `DraftEditError` for a change that cannot be
        written: an unknown field, a speaker that is not an actor's id, an
        empty name or role, a year outside 1-9999."""
        item = self.item(item_id)
        names = {f.name for f in dataclasses.fields(item)}
        unknown = sorted(set(changes) - names - {"id", "mentions", "span", "source_span"})
        fixed = sorted(set(changes) & {"id", "mentions", "span", "source_span"})
        if unknown or fixed:
            raise DraftEditError(f"cannot change {', '.join(unknown + fixed)} of {item_id}")
        speaker = changes.get("speaker")
        if speaker is not None and speaker not in {actor.id for actor in self.actors}:
            raise DraftEditError(f"no actor has the id {speaker!r}")
        for key in ("name", "role", "when", "what", "text"):
            if key in changes and not str(changes[key]).strip():
                raise DraftEditError(f"{key} must not be empty")
        for key in ("year", "sort_year"):
            value = changes.get(key)
            if value is not None and not (isinstance(value, int) and 1 <= value <= 9999):
                raise DraftEditError(f"{key} must be a year from 1 to 9999")
        edited = dataclasses.replace(item, **changes)
        if isinstance(edited, DraftEvent) and (edited.date, edited.sort_year, edited.year) == (
            None,
            None,
            None,
        ):
            raise DraftEditError("an event needs a date or a year")
        self._replace(edited)
        return edited

    def set_speaker(self, quote_id: str, actor_id: str) -> DraftQuote:
        """The teacher's speaker for a quote: one of the accepted actors."""
        quote = self.item(quote_id)
        if not isinstance(quote, DraftQuote):
            raise DraftEditError(f"{quote_id} is not a quote")
        if actor_id in {actor.id for actor in self.actors} - self.accepted_actor_ids():
            raise DraftEditError(f"{actor_id} is rejected: accept it first")
        edited = self.edit(quote_id, speaker=actor_id, notes=())
        assert isinstance(edited, DraftQuote)
        return edited

    def set_role(self, actor_id: str, role: str) -> DraftActor:
        """The teacher's role for an actor; its generated questions come
        back on (a draft without a role turns them off)."""
        actor = self.item(actor_id)
        if not isinstance(actor, DraftActor):
            raise DraftEditError(f"{actor_id} is not an actor")
        generate = True if actor.generate is False else actor.generate
        edited = self.edit(actor_id, role=" ".join(role.split()), generate=generate, notes=())
        assert isinstance(edited, DraftActor)
        return edited

    def set_date(self, event_id: str, text: str, *, approximate: bool) -> DraftEvent:
        """The teacher's date for an event, typed as ``2016-07-12`` or
        ``2016`` (see `parse_date`). An exact date is one the article
        states; an approximate one only sorts the event. The event's note
        stays only when the date is unchanged."""
        event = self.item(event_id)
        if not isinstance(event, DraftEvent):
            raise DraftEditError(f"{event_id} is not an event")
        value = parse_date(text)
        date = value if isinstance(value, dt.date) else None
        year = value.year if isinstance(value, dt.date) else value
        unchanged = (date, None if date else year, approximate) == (
            event.date,
            None if event.date else (event.sort_year or event.year),
            event.approximate,
        )
        edited = self.edit(
            event_id,
            date=date,
            year=None if approximate else year,
            sort_year=None if date else year,
            approximate=approximate,
            note=event.note if unchanged else "",
            notes=(),
        )
        assert isinstance(edited, DraftEvent)
        return edited

    def unresolved_quotes(self) -> list[DraftQuote]:
        """The accepted quotes the bank will have no speaker for (none found,
        or the speaker was rejected): `quizapp check` reports each one."""
        actors = self.accepted_actor_ids()
        return [q for q in self.quotes if q.accepted and q.speaker not in actors]

    def accepted_actor_ids(self) -> set[str]:
        """Ids of the actors the bank will have."""
        return {actor.id for actor in self.actors if actor.accepted}

    def unsure(self) -> list[tuple[DraftItem, str]]:
        """Every (item, note) the teacher should look at, in text order."""
        found = [(item, note) for item in self.items() for note in item.notes]
        return sorted(found, key=lambda pair: pair[0].source_span.start)

    def _replace(self, item: DraftItem) -> None:
        if isinstance(item, DraftActor):
            _swap(self.actors, item)
        elif isinstance(item, DraftEvent):
            _swap(self.events, item)
        else:
            _swap(self.quotes, item)


_ISO_DATE = re.compile(r"(\d{1,4})-(\d{1,2})-(\d{1,2})")


def parse_date(text: str) -> dt.date | int:
    """A date typed by the teacher: ``2016-07-12`` (a `datetime.date`) or a
    year from 1 to 9999 (an int); `DraftEditError` for anything else."""
    typed = text.strip()
    found = _ISO_DATE.fullmatch(typed)
    try:
        if found:
            return dt.date(*(int(part) for part in found.groups()))
        if typed.isdigit() and 1 <= int(typed) <= 9999:
            return int(typed)
    except ValueError:
        raise DraftEditError(f"{typed} is not a date") from None
    raise DraftEditError(f"type a date as 2016-07-12 or a year as 2016, not {typed!r}")


def _swap(items: list[T], item: T) -> None:
    """Put ``item`` in place of the item of ``items`` with its id."""
    for index, known in enumerate(items):
        if known.id == item.id:
            items[index] = item
            return
    raise KeyError(item.id)
