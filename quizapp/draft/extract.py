"""From an analysed article to a `Draft`: which entities become actors, with
what role and excerpt; events from time references; quotes with speakers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from quizapp.draft.actors import Entity, acts
from quizapp.draft.article import Article
from quizapp.draft.dates import TimeReference, find_time_references
from quizapp.draft.document import Document, analyse
from quizapp.draft.model import Draft, DraftActor, DraftEvent, DraftQuote, Skipped, Span
from quizapp.draft.quotes import FoundQuote, find_quotes
from quizapp.draft.roles import Role, find_role, role_from_action
from quizapp.draft.tokens import split_sentences

#: Longest excerpt of a sentence, in words, kept around what it proves.
_EXCERPT_WORDS = 45
_NOT_ID = re.compile(r"[^a-z0-9]+")
#: Quotes of this many words or fewer get no "complete the quote" question.
_SHORT_QUOTE = 3
#: How an article says it is an editorial or a column.
_EDITORIAL = re.compile(
    r"\b(?:an?|the|this|our)\s+(?P<kind>editorial\s+writer|editorial\s+board|editorial|"
    r"columnist|op-ed)\b",
    re.IGNORECASE,
)
_LEADING_PREPOSITION = re.compile(
    r"(?:\b(?:in|on|since|from|by|until|till|during|of|at|back\s+to|to|through|before|after|"
    r"around|between)\s+)?$",
    re.IGNORECASE,
)
_FALLBACK_ROLES = {
    "person": "person named in the article",
    "country": "country named in the article",
    "government": "government named in the article",
    "group": "group named in the article",
}


class _Ids:
    """Unique ids for the facts of one bank, made from their names."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def allocate(self, text: str, fallback: str) -> str:
        folded = unicodedata.normalize("NFKD", text)
        ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch))
        base = _NOT_ID.sub("-", ascii_only.casefold()).strip("-")[:40].strip("-") or fallback
        candidate, number = base, 2
        while candidate in self._used:
            candidate, number = f"{base}-{number}", number + 1
        self._used.add(candidate)
        return candidate


def draft_article(article: Article, *, reference_year: int | None = None) -> Draft:
    """Draft the actors, events and quotes of ``article``.

    ``reference_year`` is the year assumed for dates the article gives
    without one ("July 12", "on Tuesday"); by default the latest year the
    article states, else the current year. Every such date is marked
    approximate with a note saying so.
    """
    document = analyse(article)
    roles: dict[int, Role | None] = {
        id(entity): find_role(document, entity) for entity in document.entities
    }

    def role_of(entity: Entity) -> str:
        role = roles.get(id(entity))
        return role.text if role else ""

    found = find_quotes(document, role_of)
    quotes = [quote for quote in found if quote.verdict == "quote"]
    for quote in quotes:
        if quote.speaker is not None:
            quote.speaker.quoted = True
    ids = _Ids()
    author = _author(document, ids)
    actors = _actors(document, roles, ids)
    actor_ids = {id(entity): actor.id for entity, actor in actors}
    draft_quotes = [_quote(document, quote, actor_ids, ids) for quote in quotes]
    events = _events(document, reference_year, ids)
    skipped = [
        Skipped(
            document.text[quote.text_start : quote.text_end],
            Span(quote.text_start, quote.text_end),
            quote.verdict,
        )
        for quote in found
        if quote.verdict != "quote"
    ]
    skipped.extend(
        Skipped(
            document.text[mark.offset : mark.offset + 40].split("\n")[0],
            Span(mark.offset, mark.offset + 1),
            "unpaired mark",
        )
        for mark in document.unpaired
    )
    warnings = []
    if not draft_quotes:
        warnings.append("no quotations found: the bank has actors and events only")
    if not actors:
        warnings.append("no actors found")
    if not events:
        warnings.append("no dates found")
    return Draft(
        article=article,
        title=article.title,
        actors=([author] if author else []) + [actor for _, actor in actors],
        events=events,
        quotes=draft_quotes,
        skipped=skipped,
        warnings=warnings,
    )


# ------------------------------------------------------------------ actors


def _included(document: Document, entity: Entity, has_role: bool) -> bool:
    """Whether the entity is an actor: it speaks, or it is named in the
    article's own voice and (for countries and unknowns) acts there."""
    if entity.quoted:
        return True
    outside = entity.outside_quotes
    if not outside or entity.kind == "work":
        return False
    acting = any(acts(document.tokens, m.lead, m.last, m.possessive) for m in outside) or any(
        acts(document.tokens, r.first, r.last, False) for r in entity.references if not r.in_quote
    )
    if entity.kind == "person" and all(m.shape_only for m in entity.mentions):
        # Capitalised words alone ("Red Creek pipeline") need more to be a person.
        return acting or has_role or len(entity.mentions) >= 2
    if entity.kind == "person":
        return True
    named = len(outside) + sum(1 for r in entity.references if not r.in_quote)
    if entity.kind in ("institution", "government"):
        # Named once, in passing ("at the Civic Centre"), is not acting.
        return acting or named >= 2 or has_role
    if all(len(m.words) == 1 and m.sentence_initial for m in outside):
        return False  # "Engineers say ...": a capital only because a sentence starts there
    if entity.kind == "country":
        return acting or len(outside) >= 3
    return acting


def _actors(
    document: Document, roles: dict[int, Role | None], ids: _Ids
) -> list[tuple[Entity, DraftActor]]:
    chosen = [
        entity
        for entity in document.entities
        if _included(document, entity, roles.get(id(entity)) is not None)
    ]
    chosen.sort(key=lambda entity: entity.mentions[0].start)
    actors = []
    for entity in chosen:
        notes: list[str] = []
        kind = entity.kind
        if kind == "unknown":
            kind = "institution"
            notes.append("kind guessed: check whether this is a person, an institution ...")
        elif kind == "country" and all(m.kind == "capital" for m in entity.mentions):
            kind = "government"
        role = roles.get(id(entity))
        first = (entity.outside_quotes or entity.mentions)[0]
        if role is None:
            for mention in entity.outside_quotes:
                if not mention.possessive and acts(
                    document.tokens, mention.lead, mention.last, False
                ):
                    role = role_from_action(document.text, document.tokens, mention)
                    if role is not None:
                        break
            if role is not None:
                notes.append("role drafted from what it does in the article: rewrite it")
        if role is not None:
            role_text = role.text
            excerpt = _excerpt(document.text, role.start, role.end)
        else:
            role_text = _FALLBACK_ROLES.get(kind, "institution named in the article")
            notes.append("no role found in the article: write one, then remove `generate = false`")
            excerpt = _sentence_excerpt(document, first.lead_offset, first.end)
        name = entity.name
        last_word = name.split()[-1] if kind == "person" else name
        actor = DraftActor(
            id=ids.allocate(last_word.removeprefix("the "), "actor"),
            name=name,
            kind=kind,
            role=" ".join(role_text.split()),
            aliases=tuple(alias for alias in entity.aliases if alias.strip()),
            source=excerpt[0],
            source_span=excerpt[1],
            mentions=tuple(
                sorted(
                    [Span(m.start, m.end) for m in entity.mentions]
                    + [Span(r.start, r.end) for r in entity.references],
                    key=lambda span: span.start,
                )
            ),
            notes=tuple(notes),
            # A stand-in role makes poor "who is X?" questions until it is written.
            generate=role is not None,
        )
        actors.append((entity, actor))
    return actors


def _author(document: Document, ids: _Ids) -> DraftActor | None:
    """The writer of an article that calls itself an editorial or a column:
    an actor, so that "who said this?" tells its own claims from quotes."""
    found = _EDITORIAL.search(document.text)
    if found is None:
        return None
    kind = found.group("kind").casefold()
    name = {"editorial writer": "the editorial writer", "editorial board": "the editorial board"}
    return DraftActor(
        id=ids.allocate("author", "author"),
        name=name.get(" ".join(kind.split()), "the author"),
        kind="person",
        role="writer of the article, whose own claims it makes without quotation marks",
        aliases=(),
        source=" ".join(found.group().split()),
        source_span=Span(found.start(), found.end()),
        mentions=(Span(found.start(), found.end()),),
        notes=(
            "the article reads like an editorial or a column: its writer is an actor, "
            "so “who said this?” offers it; delete it if the article only reports",
        ),
        author=True,
    )


# ------------------------------------------------------------------ quotes


def _quote(
    document: Document, quote: FoundQuote, actor_ids: dict[int, str], ids: _Ids
) -> DraftQuote:
    text = document.text[quote.text_start : quote.text_end]
    speaker = actor_ids.get(id(quote.speaker)) if quote.speaker is not None else None
    notes = list(quote.notes)
    if speaker is None and not notes:
        notes.append("speaker not found")
    start, end = quote.excerpt
    excerpt, span = _excerpt(document.text, start, end, limit=200)
    words = re.findall(r"[^\W_]+", text.casefold())
    short = len(text.split()) <= _SHORT_QUOTE
    return DraftQuote(
        id=ids.allocate("-".join(words[:4]), "quote"),
        text=" ".join(text.split()),
        speaker=speaker,
        context="",
        source=excerpt,
        source_span=span,
        span=Span(quote.text_start, quote.text_end),
        attribution=quote.how if speaker is not None else "",
        notes=tuple(notes),
        # Completing a quote of a few words gives it away: ask only who said it.
        generate=("speaker",) if short else True,
    )


# ------------------------------------------------------------------ events


def _stated_year(references: Iterable[TimeReference]) -> int | None:
    years = [reference.year for reference in references if reference.year is not None]
    return max(years) if years else None


def _events(document: Document, reference_year: int | None, ids: _Ids) -> list[DraftEvent]:
    text = document.text
    references: list[tuple[TimeReference, tuple[int, int]]] = []
    for paragraph in document.article.paragraphs:
        if paragraph.heading:
            continue
        sentences = split_sentences(text, paragraph.start, paragraph.end)
        for reference in find_time_references(text, paragraph.start, paragraph.end):
            sentence = next(
                (s for s in sentences if s[0] <= reference.start < s[1]),
                (paragraph.start, paragraph.end),
            )
            references.append((reference, sentence))
    stated = _stated_year(reference for reference, _ in references)
    assumed = reference_year or stated or dt.date.today().year
    why = (
        f"{assumed}, the latest year the article names, is assumed"
        if reference_year is None and stated is not None
        else f"{assumed} is assumed"
    )
    events: list[DraftEvent] = []
    seen: set[tuple[str, tuple[int, int], str]] = set()
    for reference, sentence in references:
        key = (reference.when.casefold(), sentence, reference.kind)
        if key in seen:
            continue
        seen.add(key)
        events.append(_event(document, reference, sentence, assumed, why, ids))
    _distinct_whats(events)
    return events


def _event(
    document: Document,
    reference: TimeReference,
    sentence: tuple[int, int],
    assumed: int,
    why: str,
    ids: _Ids,
) -> DraftEvent:
    text = document.text
    excerpt, source_span = _excerpt(text, sentence[0], sentence[1], around=reference)
    what = _what(text, sentence, reference)
    notes: list[str] = []
    year, date, sort_year, approximate, note = reference.year, None, None, False, ""
    if reference.kind == "date":
        month, day = reference.month or 1, reference.day or 1
        if year is None:
            date, approximate = _safe_date(assumed, month, day), True
            note = f"Approximate: the article gives no year for {reference.when}; {why}."
            notes.append(f"no year given for {reference.when}; {why}")
        else:
            date = _safe_date(year, month, day)
    elif reference.kind in ("year", "range-start", "range-end"):
        sort_year = year
        if reference.kind == "range-start":
            what = f"Start of {reference.when}: {what}"
        elif reference.kind == "range-end":
            what = f"End of {reference.when}: {what}"
    elif reference.kind == "month":
        date, approximate = _safe_date(assumed, reference.month or 1, 1), True
        note = f"Approximate: the article names only the month; {why}."
    elif reference.kind == "weekday":
        sort_year, approximate = assumed, True
        note = f"Approximate: the article names only the day of the week; {why}."
        notes.append(f"only a weekday: {reference.when}; {why}")
    elif reference.unknown_era or reference.sort_year is None:
        sort_year, approximate = assumed, True
        note = "Approximate: quizapp does not know when this era was; set the year."
        notes.append(f"unknown era “{reference.when}”: set its year")
    else:
        sort_year, approximate = reference.sort_year, True
        what_kind = {"decade": "the decade", "century": "the century"}.get(reference.kind, "an era")
        note = f"Approximate: the article names only {what_kind}; the year sorts it."
    when_slug = reference.when.removeprefix("the ").removeprefix("The ")
    suffix = {"range-start": "-start", "range-end": "-end"}.get(reference.kind, "")
    return DraftEvent(
        id=ids.allocate(when_slug + suffix, "event"),
        when=" ".join(reference.when.split()),
        what=what,
        year=year,
        date=date,
        sort_year=sort_year,
        approximate=approximate,
        note=note,
        source=excerpt,
        source_span=source_span,
        span=Span(reference.start, reference.end),
        notes=tuple(notes),
    )


def _safe_date(year: int, month: int, day: int) -> dt.date:
    """A date, or the month's first day when the day does not exist (Feb 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 1)


def _what(text: str, sentence: tuple[int, int], reference: TimeReference) -> str:
    """The sentence without the time reference (and its preposition), so a
    question about when it happened does not give the answer away."""
    before = text[sentence[0] : reference.start]
    before = before[: _LEADING_PREPOSITION.search(before).start()]  # type: ignore[union-attr]
    after = text[reference.end : sentence[1]]
    joined = " ".join(f"{before.rstrip()} {after.lstrip()}".split())
    joined = re.sub(r"\s+([,.;:!?])", r"\1", joined).strip(" ,;:")
    joined = re.sub(r",\s*,", ",", joined)
    words = joined.split()
    if len(words) > _EXCERPT_WORDS:
        joined = " ".join(words[:_EXCERPT_WORDS]) + " …"
    return joined[:1].upper() + joined[1:] if joined else text[sentence[0] : sentence[1]]


def _distinct_whats(events: list[DraftEvent]) -> None:
    """Events drafted from one sentence get their ``when`` added to ``what``,
    so each can be told apart in an order question."""
    counts: dict[str, int] = {}
    for event in events:
        counts[event.what] = counts.get(event.what, 0) + 1
    for index, event in enumerate(events):
        if counts[event.what] > 1 and not event.what.startswith(("Start of", "End of")):
            events[index] = dataclasses.replace(event, what=f"{event.what} ({event.when})")


# ---------------------------------------------------------------- excerpts


def _excerpt(
    text: str,
    start: int,
    end: int,
    *,
    around: TimeReference | None = None,
    limit: int = _EXCERPT_WORDS,
) -> tuple[str, Span]:
    """``text[start:end]`` with whitespace runs as one space; when longer
    than ``limit`` words, only the words around ``around`` (still verbatim)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > limit and around is not None:
        centre = next(
            (i for i, w in enumerate(words) if start + w.end() > around.start), len(words) // 2
        )
        first = max(0, min(centre - limit // 2, len(words) - limit))
        words = words[first : first + limit]
    if not words:
        return "", Span(start, end)
    excerpt_start = start + words[0].start()
    excerpt_end = start + words[-1].end()
    return " ".join(text[excerpt_start:excerpt_end].split()), Span(excerpt_start, excerpt_end)


def _sentence_excerpt(document: Document, start: int, end: int) -> tuple[str, Span]:
    sentence = document.sentence_at(start)
    words = list(re.finditer(r"\S+", document.text[sentence[0] : sentence[1]]))
    if len(words) <= _EXCERPT_WORDS:
        return _excerpt(document.text, sentence[0], sentence[1])
    reference = TimeReference(start, end, "", None)
    return _excerpt(document.text, sentence[0], sentence[1], around=reference)
