"""Reviewing a bank drafted from an article before it is saved
(``quizapp draft ARTICLE --review``, and "New bank from an article…" on
Home). No Textual here.

The screen asks for a `DraftRequest` (`draft_request` checks what a
teacher typed), drafts the article with `open_draft` in a worker, lists
`review_rows`, shows the highlighted item's `item_fields`, `attention`
and `article_window`, changes the `quizapp.draft.Draft` itself (accept,
reject, `set_speaker`, `set_role`, `set_date`) and writes it with
`save_review`. The defaults for a bank's file, id and title are the same
as ``quizapp draft``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from quizapp.display import quoted
from quizapp.draft import (
    ArticleProblem,
    Draft,
    DraftActor,
    DraftEvent,
    DraftItem,
    DraftQuote,
    SavedDraft,
    Span,
    draft_article,
    read_article,
    save_draft,
)
from quizapp.draft.save import BANK_ID
from quizapp.files import FileProblem, read_file, stat_path
from quizapp.interchange.common import slugify

ItemKind = Literal["actor", "event", "quote"]

#: The words of a quote shown in its row, and with the item.
LABEL_WORDS = 6
QUOTE_WORDS = 24
#: How much of the article shows before and after an item's excerpt, in characters.
WINDOW_BEFORE = 400
WINDOW_AFTER = 1200


# ------------------------------------------------------------------ defaults


def default_output(article: Path) -> Path:
    """The bank written for ``article`` when none is named: beside it, ``.toml``."""
    return article.with_suffix(".toml")


def default_bank_id(path: Path) -> str:
    """The bank id drawn from a file name: ``s400-draft.toml`` -> ``s400-draft``."""
    stem = path.stem.lower()
    return stem if BANK_ID.fullmatch(stem) else (slugify(path.stem) or "draft")


def default_title(draft: Draft, article: Path | None) -> str:
    """The article's own headline, else words from its file name."""
    if draft.title:
        return draft.title
    if article is None:
        return "Drafted bank"
    words = " ".join(re.split(r"[-_.\s]+", article.stem)).strip()
    return words[:1].upper() + words[1:] if words else "Drafted bank"


class RequestError(ValueError):
    """What a teacher typed cannot be drafted from or saved to; says why."""


@dataclass(frozen=True, slots=True)
class DraftRequest:
    """An article to draft a bank from, and where to write the bank."""

    article: Path
    output: Path
    bank_id: str
    #: None: the article's headline, else words from its file name.
    title: str | None = None
    url: str = ""
    #: Overwrite an existing bank without asking.
    force: bool = False


def draft_request(article: str, output: str = "") -> DraftRequest:
    """The request for the paths a teacher typed (``output`` empty: the
    default); `RequestError` says what is wrong with them."""
    article_path = Path(article.strip()).expanduser()
    if not article.strip():
        raise RequestError("name the article to draft from")
    try:
        if stat_path(article_path).is_folder:
            raise RequestError(f"{article_path} is a folder; name an article file")
    except FileProblem as problem:
        raise RequestError(f"{article_path}: {problem}") from None
    output_path = Path(output.strip()).expanduser() if output.strip() else None
    output_path = output_path or default_output(article_path)
    if output_path.suffix != ".toml":
        raise RequestError(f"{output_path}: a bank file name ends in .toml")
    if output_path == article_path:
        raise RequestError(f"{article_path} is a .toml file; name the article, not a bank")
    if output_path.is_dir():
        raise RequestError(f"{output_path} is a folder")
    return DraftRequest(article_path, output_path, default_bank_id(output_path))


class DraftProblem(Exception):
    """The article cannot be drafted from; ``str(problem)`` says why."""


def open_draft(article: Path) -> Draft:
    """Read and draft ``article`` (slow for a long one: call it in a worker);
    `DraftProblem` when there is nothing to review."""
    try:
        draft = draft_article(read_article(read_file(article), article.name))
    except (FileProblem, ArticleProblem) as problem:
        raise DraftProblem(f"cannot draft from {article}: {problem}") from None
    if not (draft.actors or draft.events or draft.quotes):
        raise DraftProblem(f"found no actors, dates or quotations in {article}")
    return draft


def save_review(draft: Draft, request: DraftRequest, *, force: bool = False) -> SavedDraft:
    """Write the accepted items as the request's bank (`DraftWriteError`
    says why not; its ``existing`` is set when the bank exists and neither
    ``force`` nor the request's allows overwriting it)."""
    return save_draft(
        draft,
        request.output,
        bank_id=request.bank_id,
        title=request.title or default_title(draft, request.article),
        url=request.url,
        article=request.article,
        force=force or request.force,
    )


# ------------------------------------------------------------------ the list


def item_kind(item: DraftItem) -> ItemKind:
    """``actor``, ``event`` or ``quote``."""
    if isinstance(item, DraftActor):
        return "actor"
    return "event" if isinstance(item, DraftEvent) else "quote"


def shorten_quote(text: str, words: int = LABEL_WORDS) -> str:
    """The first ``words`` words of a quote, with ``…`` when there are more."""
    found = text.split()
    return " ".join(found[:words]) + (" …" if len(found) > words else "")


def item_label(draft: Draft, item: DraftItem) -> str:
    """One line for the item: an actor's name, an event's wording, a quote's
    first words and its speaker."""
    if isinstance(item, DraftActor):
        return item.name
    if isinstance(item, DraftEvent):
        return item.when
    return f"{quoted(shorten_quote(item.text))} {speaker_name(draft, item)}"


def speaker_name(draft: Draft, quote: DraftQuote) -> str:
    """The speaker's name, or ``(no speaker)``."""
    if quote.speaker is None:
        return "(no speaker)"
    actor = draft.item(quote.speaker)
    return actor.name if isinstance(actor, DraftActor) else quote.speaker


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One drafted item in the review list."""

    item_id: str
    kind: ItemKind
    label: str
    accepted: bool
    #: The teacher should look at it (`attention` says why).
    unsure: bool


def review_rows(draft: Draft) -> list[ReviewRow]:
    """Every item, actors then events then quotes, in the draft's order."""
    actors = draft.accepted_actor_ids()
    return [
        ReviewRow(
            item.id,
            item_kind(item),
            item_label(draft, item),
            item.accepted,
            bool(_attention(item, actors)),
        )
        for item in draft.items()
    ]


def attention(draft: Draft, item: DraftItem) -> list[str]:
    """What the teacher should check about the item: what the extractor was
    unsure of, and a kept quote without a speaker the bank will have."""
    return _attention(item, draft.accepted_actor_ids())


def _attention(item: DraftItem, actors: set[str]) -> list[str]:
    found = list(item.notes)
    if isinstance(item, DraftQuote) and item.accepted and item.speaker not in actors:
        if item.speaker is None:
            found.append("no speaker: set one, or the bank will not load")
        else:
            found.append(f"the speaker {item.speaker} is rejected: set another one")
    return found


# ------------------------------------------------------------------ one item


def date_text(event: DraftEvent) -> str:
    """The event's date as the teacher types it: ``2016-07-12``, ``2016`` or ``""``."""
    if event.date is not None:
        return event.date.isoformat()
    year = event.sort_year if event.sort_year is not None else event.year
    return str(year) if year is not None else ""


def item_fields(draft: Draft, item: DraftItem) -> list[tuple[str, str]]:
    """(label, value) lines describing the item as the bank will have it."""
    if isinstance(item, DraftActor):
        fields = [("Name", item.name), ("Kind", item.kind), ("Role", item.role or "(none)")]
        if item.aliases:
            fields.append(("Also", "; ".join(item.aliases)))
        fields.append(("Named", _times(len(item.mentions))))
    elif isinstance(item, DraftEvent):
        when = date_text(item) or "(no date)"
        if item.approximate:
            when += ", approximate"
        fields = [("When", item.when), ("Date", when), ("What", item.what)]
        if item.note:
            fields.append(("Note", item.note))
    else:
        speaker = speaker_name(draft, item)
        if item.speaker is not None:
            speaker += f" ({item.speaker})"
        # The article below shows the whole quote.
        fields = [("Speaker", speaker), ("Quote", shorten_quote(item.text, QUOTE_WORDS))]
        if item.context:
            fields.append(("Context", item.context))
    return fields


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def speaker_choices(draft: Draft) -> list[tuple[str, str]]:
    """(id, "name — role") of every actor a quote may be given to."""
    accepted = draft.accepted_actor_ids()
    return [
        (actor.id, f"{actor.name} — {actor.role}" if actor.role else actor.name)
        for actor in draft.actors
        if actor.id in accepted
    ]


@dataclass(frozen=True, slots=True)
class ArticleWindow:
    """A part of the article around an item, with the item's spans in it
    (offsets into ``text``)."""

    text: str
    #: Where ``text`` starts in the article.
    start: int
    #: The sentence(s) the item's excerpt is.
    source: Span
    #: The item's own words: the quote, the date, every naming of the actor.
    marks: tuple[Span, ...]
    cut_before: bool
    cut_after: bool


def article_window(
    draft: Draft, item: DraftItem, *, before: int = WINDOW_BEFORE, after: int = WINDOW_AFTER
) -> ArticleWindow:
    """The article from the start of the paragraph holding the item's
    excerpt (at most ``before`` characters earlier) to the end of the next
    paragraph (at most ``after`` characters past the excerpt), cut at spaces."""
    text = draft.article.text
    source = item.source_span
    paragraphs = draft.article.paragraphs
    start = max((p.start for p in paragraphs if p.start <= source.start), default=0)
    following = [p.end for p in paragraphs if p.end >= source.end]
    end = following[1] if len(following) > 1 else (following[0] if following else len(text))
    if source.start - start > before:
        start = _word_start(text, source.start - before, source.start)
    if end - source.end > after:
        end = _word_end(text, source.end + after, source.end)
    marks = item.mentions if isinstance(item, DraftActor) else (item.span,)
    inside = tuple(
        Span(max(m.start, start) - start, min(m.end, end) - start)
        for m in marks
        if m.end > start and m.start < end
    )
    return ArticleWindow(
        text[start:end],
        start,
        Span(max(source.start, start) - start, min(source.end, end) - start),
        inside,
        cut_before=start > 0 and not any(p.start == start for p in paragraphs),
        cut_after=end < len(text.rstrip()) and not any(p.end == end for p in paragraphs),
    )


def _word_start(text: str, position: int, limit: int) -> int:
    """The start of the first word at or after ``position`` (not past ``limit``)."""
    space = text.find(" ", position, limit)
    return space + 1 if space != -1 else position


def _word_end(text: str, position: int, limit: int) -> int:
    """The end of the last word before ``position`` (not before ``limit``)."""
    space = text.rfind(" ", limit, position)
    return space if space != -1 else position
