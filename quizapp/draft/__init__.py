"""Drafting a bank from an article, offline and deterministically: actors,
events and quotes found by rules on the standard library, each with the
verbatim excerpt that proves it. No Textual here.

The flow, for the ``draft`` command and a review screen alike::

    article = read_article(data, "article.html")   # or parse_article(text, fmt)
    draft = draft_article(article)                 # a Draft to review
    draft.reject("some-id"); draft.edit("quote-id", speaker="wilson")
    save_draft(draft, Path("bank.toml"), bank_id="bank", title="...", article=path)

Every drafted item carries its spans in ``draft.article.text`` (``mentions``,
``span``, ``source_span``), its ``notes`` (what the extractor was unsure
of) and whether it is ``accepted``.
"""

from __future__ import annotations

from quizapp.draft.article import (
    Article,
    ArticleFormat,
    ArticleProblem,
    Paragraph,
    article_format,
    decode_article,
    parse_article,
)
from quizapp.draft.extract import draft_article
from quizapp.draft.model import (
    Draft,
    DraftActor,
    DraftEditError,
    DraftEvent,
    DraftItem,
    DraftQuote,
    Skipped,
    Span,
)
from quizapp.draft.render import UNRESOLVED_SPEAKER, bank_text
from quizapp.draft.save import DraftWriteError, SavedDraft, render_draft, save_draft

__all__ = [
    "UNRESOLVED_SPEAKER",
    "Article",
    "ArticleFormat",
    "ArticleProblem",
    "Draft",
    "DraftActor",
    "DraftEditError",
    "DraftEvent",
    "DraftItem",
    "DraftQuote",
    "DraftWriteError",
    "Paragraph",
    "SavedDraft",
    "Skipped",
    "Span",
    "article_format",
    "bank_text",
    "decode_article",
    "draft_article",
    "parse_article",
    "read_article",
    "render_draft",
    "save_draft",
]


def read_article(data: bytes, name: str) -> Article:
    """The article in a file's bytes, its format told by ``name`` (``.html``,
    ``.md``, else plain text); `ArticleProblem` when it cannot be drafted
    from (empty, binary, not UTF-8, no words)."""
    return parse_article(decode_article(data), article_format(name))
