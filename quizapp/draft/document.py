"""The analysed article every extraction step reads: tokens, quoted spans,
sentences, names and the actors they belong to."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from quizapp.draft.actors import Entity, Reference, merge_mentions
from quizapp.draft.article import Article
from quizapp.draft.marks import QuotedSpan, Unpaired, find_quoted_spans
from quizapp.draft.names import Mention, find_mentions
from quizapp.draft.tokens import Token, TokenIndex, split_sentences, tokenize


@dataclass(slots=True)
class Document:
    """An article with everything the extractors share."""

    article: Article
    tokens: list[Token]
    index: TokenIndex
    #: For each token: inside a quotation?
    in_quote: list[bool]
    spans: list[QuotedSpan]
    unpaired: list[Unpaired]
    #: Sentences that keep each quotation whole (attribution works on them).
    sentences: list[tuple[int, int]]
    mentions: list[Mention]
    entities: list[Entity]
    owner: dict[int, Entity]
    _sentence_starts: list[int] = field(default_factory=list)
    _mention_by_last: dict[int, Mention] = field(default_factory=dict)
    _mention_by_lead: dict[int, Mention] = field(default_factory=dict)
    _reference_by_last: dict[int, tuple[Reference, Entity]] = field(default_factory=dict)
    _reference_by_first: dict[int, tuple[Reference, Entity]] = field(default_factory=dict)
    _mention_starts: list[int] = field(default_factory=list)
    _named: tuple[list[int], list[Entity]] = field(default_factory=lambda: ([], []))

    @property
    def text(self) -> str:
        """The article text all offsets refer to."""
        return self.article.text

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The (quote-keeping) sentence holding ``offset``."""
        position = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[max(0, position)]

    def mention_ending_at(self, token: int) -> Mention | None:
        """The mention whose last token is ``token``."""
        return self._mention_by_last.get(token)

    def mention_starting_at(self, token: int) -> Mention | None:
        """The mention whose first token (title included) is ``token``."""
        return self._mention_by_lead.get(token)

    def reference_ending_at(self, token: int) -> tuple[Reference, Entity] | None:
        """A lower-case reference ("the ministry") whose last token is ``token``."""
        return self._reference_by_last.get(token)

    def reference_starting_at(self, token: int) -> tuple[Reference, Entity] | None:
        """A lower-case reference whose first token is ``token``."""
        return self._reference_by_first.get(token)

    def mention_starts(self) -> list[int]:
        """The offset of every mention, in order (for bisecting)."""
        if len(self._mention_starts) != len(self.mentions):
            self._mention_starts = [mention.start for mention in self.mentions]
        return self._mention_starts

    def named_actors(self) -> tuple[list[int], list[Entity]]:
        """Offsets and entities of every mention and reference outside
        quotations, in text order."""
        if not self._named[0]:
            pairs = [
                (mention.start, entity)
                for mention in self.mentions
                if not mention.in_quote and (entity := self.entity_of(mention)) is not None
            ]
            pairs += [
                (reference.start, entity)
                for entity in self.entities
                for reference in entity.references
                if not reference.in_quote
            ]
            pairs.sort(key=lambda pair: pair[0])
            self._named = ([start for start, _ in pairs], [entity for _, entity in pairs])
        return self._named

    def entity_of(self, mention: Mention) -> Entity | None:
        """The entity a mention belongs to (None for places)."""
        return self.owner.get(id(mention))


def analyse(article: Article) -> Document:
    """Tokenise the article, pair its quotation marks, split its sentences,
    find its names and merge them into entities."""
    text = article.text
    tokens = tokenize(text)
    index = TokenIndex(tokens)
    spans, unpaired = find_quoted_spans(text, article.paragraphs)
    in_quote = [False] * len(tokens)
    for span in spans:
        for position in index.between(span.text_start, span.text_end):
            in_quote[position] = True
    protected: list[list[tuple[int, int]]] = [[] for _ in article.paragraphs]
    for span in spans:
        protected[span.paragraph].append((span.start, span.end))
    sentences: list[tuple[int, int]] = []
    for number, paragraph in enumerate(article.paragraphs):
        sentences.extend(split_sentences(text, paragraph.start, paragraph.end, protected[number]))
    sentence_initial = {index.first_at_or_after(start) for start, _ in sentences}
    for start, _ in split_sentences(text, 0, len(text)):
        sentence_initial.add(index.first_at_or_after(start))
    for span in spans:
        sentence_initial.add(index.first_at_or_after(span.text_start))
    for number, token in enumerate(tokens[:-1]):
        if token.text in ':—–(“‘"' or token.text == "'":
            sentence_initial.add(number + 1)
    headings = [(p.start, p.end) for p in article.paragraphs if p.heading]
    mentions = [
        mention
        for mention in find_mentions(text, tokens, sentence_initial, in_quote)
        if not any(start <= mention.start < end for start, end in headings)
    ]
    entities, owner = merge_mentions(text, tokens, mentions, in_quote)
    document = Document(
        article, tokens, index, in_quote, spans, unpaired, sentences, mentions, entities, owner
    )
    document._sentence_starts = [start for start, _ in sentences]
    for mention in mentions:
        document._mention_by_last[mention.last] = mention
        document._mention_by_lead[mention.lead] = mention
        document._mention_by_lead.setdefault(mention.first, mention)
    for entity in entities:
        for reference in entity.references:
            document._reference_by_last[reference.last] = (reference, entity)
            document._reference_by_first[reference.first] = (reference, entity)
    return document
