"""Direct quotations and their speakers.

Every outermost quoted span is first attributed from the words around it,
in its own sentence: after it ("…,” Wilson said", "…,” said Ross Wilson, who
...") or before it ("Wilson added that, “…”", "calling it “a fabrication”").
Then it is judged: a title of a work, a scare-quoted term or a headline is
no quotation. Quotes still without a speaker take the speaker of another
quote of their sentence, then of the quote just before them (a
continuation); pronouns go to the latest person named before them who fits.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from quizapp.draft.actors import Entity, Reference, acts
from quizapp.draft.document import Document
from quizapp.draft.lexicon import (
    ADVERBS,
    FRAGMENT_VERBS,
    GROUP_NOUNS,
    ORGANISATION_HEADS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    word_set,
)
from quizapp.draft.marks import QuotedSpan
from quizapp.draft.names import Mention

_PRONOUNS = word_set("he she they it we i who")
_DETERMINERS = word_set("a an the one another two three several some many other his her its their")
#: Words before a quoted span that make it the title of a work.
_TITLE_CUES = word_set(
    """book novel film movie documentary play musical opera song album single series show
    episode poem essay article column op-ed report study paper memoir biography titled
    entitled headline headlined exhibition painting podcast chapter anthem hymn ballet
    symphony sitcom drama thriller comedy game bestseller best-seller history novella
    collection volume guide manifesto slogan"""
)
_SCARE_CUES = re.compile(
    r"(?:so[- ]called|dubbed|nicknamed|known\s+as|the\s+word|the\s+term)\s*$", re.I
)
#: Words that may follow a speech verb before the quote ("told reporters:").
_LEAD_IN = re.compile(r"^[^“”\"]{0,60}[:,]?$")
_TERM_DETERMINERS = word_set("the a an its their his her our")
_SMALL_WORDS = word_set("a an the and or but of in on at to for with by from as is vs nor")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?;,]")
#: Quotes of at most this many words need a speech verb to count.
_SHORT = 3


@dataclass(slots=True)
class Speaker:
    """Who said a quote, as the text refers to them."""

    #: "mention", "reference", "pronoun" or "phrase".
    kind: str
    start: int
    end: int
    entity: Entity | None = None
    word: str = ""


@dataclass(slots=True)
class FoundQuote:
    """A quoted span, what it is, and who said it."""

    span: QuotedSpan
    text_start: int
    text_end: int
    #: "quote", "title", "scare quote" or "heading".
    verdict: str = "quote"
    speaker: Entity | None = None
    #: How the speaker was found (see `quizapp.draft.model.DraftQuote`).
    how: str = ""
    #: Offsets of the attribution words (speaker and verb), when there are any.
    cue: tuple[int, int] | None = None
    notes: list[str] = field(default_factory=list)
    #: The speaker as written, before it is resolved.
    reference: Speaker | None = None

    @property
    def excerpt(self) -> tuple[int, int]:
        """Offsets of the quote with its marks and its attribution."""
        if self.cue is None:
            return self.span.start, self.span.end
        return min(self.span.start, self.cue[0]), max(self.span.end, self.cue[1])


def find_quotes(document: Document, role_of: Callable[[Entity], str]) -> list[FoundQuote]:
    """Every outermost quoted span, judged and attributed, in text order.
    ``role_of`` gives an actor's role, to resolve "the minister said"."""
    text = document.text
    found = [_trimmed(text, span) for span in document.spans]
    for number, quote in enumerate(found):
        previous = found[number - 1].span if number > 0 else None
        following = found[number + 1].span if number + 1 < len(found) else None
        _attribute(document, quote, previous, following)
        quote.verdict = _verdict(document, quote)
    quotes = [quote for quote in found if quote.verdict in ("quote", "short")]
    for quote in quotes:
        if quote.reference is not None:
            _resolve(document, quote, role_of)
    _share_within_sentences(document, quotes)
    for quote in quotes:
        if quote.verdict == "short":
            # A few quoted words whose speaker is unknown are a term, not a quote.
            quote.verdict = "quote" if quote.speaker is not None else "scare quote"
    _continue_speakers(document, [quote for quote in quotes if quote.verdict == "quote"])
    return found


def _trimmed(text: str, span: QuotedSpan) -> FoundQuote:
    """The quote's words without surrounding spaces or a trailing comma."""
    start, end = span.text_start, span.text_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",—–"):
        end -= 1
    return FoundQuote(span, start, end)


# ------------------------------------------------------------ attribution


def _attribute(
    document: Document,
    quote: FoundQuote,
    previous: QuotedSpan | None,
    following: QuotedSpan | None,
) -> None:
    """Find the words naming the speaker in the quote's own sentence."""
    span = quote.span
    sentence_start, sentence_end = document.sentence_at(span.start)
    if span.continuation:
        return
    after_end = sentence_end
    if following is not None and following.start < after_end:
        after_end = following.start
    after = document.index.between(span.end, after_end)
    found = _after(document, after.start, after.stop)
    how = "after"
    if found is None:
        before_start = sentence_start
        if previous is not None and previous.end > before_start:
            before_start = previous.end
        before = document.index.between(before_start, span.start)
        found = _before(document, before.start, before.stop)
        how = "before"
    if found is not None:
        speaker, cue_start, cue_end = found
        quote.reference = speaker
        quote.how = how
        quote.cue = (cue_start, cue_end)


def _after(document: Document, first: int, stop: int) -> tuple[Speaker, int, int] | None:
    """ "…,” said X" / "…,” X said" / "…,” according to X"."""
    tokens = document.tokens
    index = first
    while index < stop and tokens[index].text in ",—–-":
        index += 1
    if index >= stop:
        return None
    verb = _skip_adverbs(document, index, stop)
    if verb < stop and tokens[verb].text in SPEECH_VERBS:
        found = _subject_at(document, verb + 1, stop)
        if found is not None:
            speaker, last = found
            return speaker, tokens[index].start, tokens[last].end
        return None
    if tokens[index].text.casefold() == "according" and index + 1 < stop:
        found = _subject_at(document, index + 2, stop)
        if found is not None:
            speaker, last = found
            return speaker, tokens[index].start, tokens[last].end
        return None
    found = _subject_at(document, index, stop)
    if found is None:
        return None
    speaker, last = found
    verb = last + 1
    if verb < stop and tokens[verb].text == ",":
        closing = _next_comma(document, verb + 1, stop)
        if closing is None:
            return None
        verb = closing + 1
    verb = _skip_adverbs(document, verb, stop)
    if verb < stop and tokens[verb].text in SPEECH_VERBS:
        return speaker, tokens[index].start, tokens[verb].end
    return None


def _before(document: Document, first: int, stop: int) -> tuple[Speaker, int, int] | None:
    """ "X said: “…”", "X added that, “…”", "X called it “…”", "According to X, “…”"."""
    tokens = document.tokens
    if first >= stop:
        return None
    verbs = [
        index
        for index in range(first, stop)
        if tokens[index].text in FRAGMENT_VERBS and not document.in_quote[index]
    ]
    if not verbs:
        for index in range(first, stop - 1):
            if tokens[index].text.casefold() == "according" and tokens[index + 1].text == "to":
                found = _subject_at(document, index + 2, stop)
                if found is not None:
                    speaker, last = found
                    return speaker, tokens[index].start, tokens[last].end
        return None
    verb = verbs[-1]
    found = _subject_before(document, verb - 1, first)
    if found is None:
        found = _sentence_subject(document, first, verb)
    if found is None:
        return None
    speaker, subject_first = found
    return speaker, tokens[subject_first].start, tokens[verb].end


def _skip_adverbs(document: Document, index: int, stop: int) -> int:
    tokens = document.tokens
    while (
        index < stop
        and (tokens[index].text in ADVERBS or tokens[index].text.endswith("ly"))
        and tokens[index].text not in SPEECH_VERBS
    ):
        index += 1
    return index


def _next_comma(document: Document, index: int, stop: int) -> int | None:
    for position in range(index, min(stop, index + 30)):
        if document.tokens[position].text == ",":
            return position
        if document.tokens[position].text in ".;!?":
            return None
    return None


def _subject_at(document: Document, index: int, stop: int) -> tuple[Speaker, int] | None:
    """The speaker named from token ``index`` on, and its last token."""
    tokens = document.tokens
    if index >= stop:
        return None
    mention = document.mention_starting_at(index)
    if mention is not None and not mention.in_quote:
        return _of_mention(document, mention), mention.last
    reference = document.reference_starting_at(index)
    if reference is not None:
        return _of_reference(reference), reference[0].last
    word = tokens[index].text.casefold()
    if word in _PRONOUNS and word != "who":
        return Speaker("pronoun", tokens[index].start, tokens[index].end, word=word), index
    # "a spokesman for the Foreign Ministry", "one official", "the minister"
    position = index
    if word in _DETERMINERS:
        position += 1
    owner = document.mention_starting_at(position)
    if (
        owner is not None
        and not owner.in_quote
        and owner.kind != "person"
        and owner.last + 1 < stop
        and tokens[owner.last + 1].text.casefold() in GROUP_NOUNS
    ):
        return _of_mention(document, owner), owner.last + 1  # "a Kremlin spokesman"
    for head in range(position, min(stop, position + 4)):
        lowered = tokens[head].text.casefold()
        if not tokens[head].is_word:
            return None
        if lowered in GROUP_NOUNS or lowered in ROLE_NOUNS or lowered in ORGANISATION_HEADS:
            institution = _owner_after(document, head + 1, stop)
            if institution is not None:
                return institution
            return Speaker("phrase", tokens[index].start, tokens[head].end, word=lowered), head
    return None


def _owner_after(document: Document, index: int, stop: int) -> tuple[Speaker, int] | None:
    """ "(a spokesman) for the Foreign Ministry": the institution after for/of/at."""
    tokens = document.tokens
    if index >= stop or tokens[index].text not in ("for", "of", "at", "with"):
        return None
    index += 1
    if index < stop and tokens[index].text == "the":
        reference = document.reference_starting_at(index)
        if reference is not None:
            return _of_reference(reference), reference[0].last
        index += 1
    mention = document.mention_starting_at(index) if index < stop else None
    if mention is None or mention.in_quote:
        return None
    return _of_mention(document, mention), mention.last


def _subject_before(document: Document, index: int, floor: int) -> tuple[Speaker, int] | None:
    """The speaker whose name ends at token ``index`` (reading leftwards past
    adverbs and one aside between commas), and its first token."""
    tokens = document.tokens
    while index >= floor and (tokens[index].text in ADVERBS or tokens[index].text.endswith("ly")):
        index -= 1
    if index >= floor and tokens[index].text == ",":
        # "Benin's culture minister, Aurelie Sossa, described ...": the name
        # between commas is the speaker.
        named = document.mention_ending_at(index - 1)
        if (
            named is not None
            and not named.in_quote
            and named.lead - 1 >= floor
            and tokens[named.lead - 1].text == ","
        ):
            return _of_mention(document, named), named.lead
        opening = index - 1
        while opening >= floor and tokens[opening].text not in ",.;!?":
            opening -= 1
        if opening >= floor and tokens[opening].text == ",":
            index = opening - 1
        else:
            return None
    if index < floor:
        return None
    mention = document.mention_ending_at(index)
    if mention is not None and not mention.in_quote:
        return _of_mention(document, mention), mention.lead
    reference = document.reference_ending_at(index)
    if reference is not None:
        return _of_reference(reference), reference[0].first
    word = tokens[index].text.casefold()
    if word == "who":
        return _subject_before(document, index - 1, floor)
    if word in _PRONOUNS:
        return Speaker("pronoun", tokens[index].start, tokens[index].end, word=word), index
    if word in GROUP_NOUNS or word in ROLE_NOUNS or word in ORGANISATION_HEADS:
        owner = document.mention_ending_at(index - 1)
        if owner is not None and not owner.in_quote and owner.kind != "person":
            # "a Department of Health spokesperson", "a Kremlin official"
            return _of_mention(document, owner), owner.lead
        start = index
        while start - 1 >= floor and tokens[start - 1].is_word and index - start < 3:
            if tokens[start - 1].text.casefold() in ("said", "and", "but"):
                break
            start -= 1
        return Speaker("phrase", tokens[start].start, tokens[index].end, word=word), start
    return None


def _sentence_subject(document: Document, first: int, verb: int) -> tuple[Speaker, int] | None:
    """The first named actor of the words before a participle ("The ministry
    rejected the report, calling it “…”")."""
    for index in range(first, verb):
        if document.in_quote[index]:
            continue
        mention = document.mention_starting_at(index)
        if (
            mention is not None
            and not mention.in_quote
            and mention.kind != "place"
            and not (len(mention.words) == 1 and mention.sentence_initial)
        ):
            return _of_mention(document, mention), index
        reference = document.reference_starting_at(index)
        if reference is not None:
            return _of_reference(reference), index
        if document.tokens[index].text.casefold() in ("he", "she", "they", "it"):
            token = document.tokens[index]
            return Speaker("pronoun", token.start, token.end, word=token.text.casefold()), index
    return None


def _of_reference(reference: tuple[Reference, Entity]) -> Speaker:
    ref, entity = reference
    return Speaker("reference", ref.start, ref.end, entity)


def _of_mention(document: Document, mention: Mention) -> Speaker:
    return Speaker("mention", mention.start, mention.end, document.entity_of(mention))


# ---------------------------------------------------------------- verdict


def _verdict(document: Document, quote: FoundQuote) -> str:
    """ "quote", or why the span is not one: "heading", "title", "scare quote"."""
    text = document.text
    span = quote.span
    if document.article.paragraphs[span.paragraph].heading:
        return "heading"
    words = text[quote.text_start : quote.text_end].split()
    if not any(ch.isalpha() for ch in text[quote.text_start : quote.text_end]):
        return "scare quote"
    if span.continues or span.continuation:
        return "quote"
    before_words = _words_before(document, span.start, 6)
    direct = quote.how == "after" or (quote.how == "before" and _lead_in(document, quote))
    if _SCARE_CUES.search(text[max(0, span.start - 20) : span.start]):
        return "scare quote"
    if (
        len(words) <= _SHORT
        and before_words[-1:]
        and before_words[-1] in _TERM_DETERMINERS
        and not (before_words[-2:-1] and before_words[-2] in FRAGMENT_VERBS)
    ):
        return "scare quote"  # a term: resembled the “Reykjanes fires” of ...
    if len(words) <= 12 and not direct and any(word in _TITLE_CUES for word in before_words):
        return "title"
    if (
        quote.how != "after"
        and _title_case(words)
        and not _SENTENCE_PUNCTUATION.search(text[quote.text_start : quote.text_end])
    ):
        return "title"
    if len(words) <= _SHORT:
        return "short"  # a quote only once its speaker is known
    return "quote"


def _lead_in(document: Document, quote: FoundQuote) -> bool:
    """Whether the speech verb before the quote leads straight into it."""
    if quote.cue is None:
        return False
    between = document.text[quote.cue[1] : quote.span.start]
    return bool(_LEAD_IN.match(between.strip())) and len(between.split()) <= 6


def _words_before(document: Document, offset: int, count: int) -> list[str]:
    index = document.index.first_at_or_after(offset)
    tokens = document.tokens[max(0, index - count) : index]
    return [token.text.casefold() for token in tokens if token.is_word]


def _title_case(words: list[str]) -> bool:
    """ "War and Peace", "The Cherry Orchard": every word but small ones capitalised."""
    if len(words) < 2 or len(words) > 10:
        return False
    letters = [word.strip("‘’'\"“”()") for word in words]
    return all(
        word[:1].isupper() or (word.casefold() in _SMALL_WORDS and index > 0)
        for index, word in enumerate(letters)
        if word
    )


# ------------------------------------------------------------- resolution


def _resolve(document: Document, quote: FoundQuote, role_of: Callable[[Entity], str]) -> None:
    """Turn the speaker as written into an actor."""
    reference = quote.reference
    assert reference is not None
    if reference.kind in ("mention", "reference"):
        quote.speaker = reference.entity
        if quote.speaker is None:
            quote.notes.append("the speaker is a place name")
        return
    if reference.kind == "pronoun":
        quote.speaker = _pronoun(document, reference.word, reference.start)
        quote.how = "pronoun"
        if quote.speaker is None:
            quote.notes.append(f"nobody fits “{reference.word}” before this quote")
        elif reference.word == "they":
            quote.notes.append("“they” was taken for the latest group named before it")
        return
    quote.speaker = _by_role(document, reference.word, reference.start, role_of)
    if quote.speaker is None:
        phrase = document.text[reference.start : reference.end]
        quote.notes.append(f"the speaker, “{phrase}”, is not a named actor")
    else:
        quote.notes.append(
            f"“{document.text[reference.start : reference.end]}” was taken for {quote.speaker.name}"
        )


def _mentions_before(document: Document, offset: int) -> Iterator[tuple[int, Entity]]:
    """(offset, entity) of every named actor before ``offset``, latest first,
    quotations left out."""
    offsets, entities = document.named_actors()
    for position in range(bisect.bisect_left(offsets, offset) - 1, -1, -1):
        yield offsets[position], entities[position]


def _pronoun(document: Document, word: str, offset: int) -> Entity | None:
    """The actor the pronoun at ``offset`` stands for: the first of its
    sentence that fits (its subject: "Qureshi ... whom he called"), else the
    latest one named before it that fits."""
    sentence_start = document.sentence_at(offset)[0]
    in_sentence: list[tuple[int, Entity]] = []
    earlier: Iterator[tuple[int, Entity]] = iter(())
    before = _mentions_before(document, offset)
    for pair in before:
        if pair[0] < sentence_start:
            earlier = itertools.chain([pair], before)
            break
        in_sentence.append(pair)
    wanted = {"he": "male", "she": "female"}.get(word)
    for _, entity in itertools.chain(reversed(in_sentence), earlier):
        if word in ("he", "she", "i", "we"):
            # A person whose sex the text does not show fits either pronoun.
            if entity.kind == "person" and entity.gender in (None, wanted or entity.gender):
                return entity
        elif entity.kind in ("institution", "government", "country", "group"):
            return entity
    return None


def _by_role(
    document: Document, noun: str, offset: int, role_of: Callable[[Entity], str]
) -> Entity | None:
    """ "the minister said": the latest person before whose role has that noun."""
    if noun in GROUP_NOUNS and noun not in ROLE_NOUNS:
        return None
    for _, entity in _mentions_before(document, offset):
        if entity.kind == "person" and noun in role_of(entity).casefold().split():
            return entity
    return None


# ---------------------------------------------------------- shared speakers


def _share_within_sentences(document: Document, quotes: list[FoundQuote]) -> None:
    """A quote with no attribution of its own takes that of another quote of
    its sentence ("these disputes “…,” so ... “…,” Cagaptay told ...")."""
    by_sentence: dict[tuple[int, int], list[FoundQuote]] = {}
    for quote in quotes:
        by_sentence.setdefault(document.sentence_at(quote.span.start), []).append(quote)
    for group in by_sentence.values():
        attributed = [quote for quote in group if quote.how and quote.reference is not None]
        for quote in group:
            if quote.how or quote.span.continuation or not attributed:
                continue
            nearest = min(attributed, key=lambda other: abs(other.span.start - quote.span.start))
            quote.speaker = nearest.speaker
            quote.how = "sentence"
            quote.cue = nearest.cue
            quote.notes.extend(note for note in nearest.notes if note not in quote.notes)


def _continue_speakers(document: Document, quotes: list[FoundQuote]) -> None:
    """Quotes still without a speaker: the rest of a quote of several
    paragraphs, or a quote right after another, goes on with its speaker."""
    previous: FoundQuote | None = None
    for quote in quotes:
        if not quote.how:
            _continue_from(document, quote, previous)
        previous = quote


def _continue_from(document: Document, quote: FoundQuote, previous: FoundQuote | None) -> None:
    if quote.span.continuation and previous is not None:
        quote.speaker, quote.how = previous.speaker, "continuation"
        return
    near = previous is not None and quote.span.paragraph - previous.span.paragraph <= 1
    subject = _new_subject(document, previous.span.end if previous else 0, quote.span.start)
    previous_speaker = previous.speaker if previous is not None else None
    if subject is not None and (not near or subject[1] is not previous_speaker):
        paragraph = document.article.paragraphs[quote.span.paragraph]
        if subject[0] >= paragraph.start or near:
            quote.speaker, quote.how = subject[1], "continuation"
            quote.notes.append(
                f"no speaker next to the quote; {subject[1].name} acts just before it"
            )
            return
    if near and previous is not None:
        quote.speaker, quote.how = previous.speaker, "continuation"
        if previous.speaker is None:
            quote.notes.append("continues a quote whose speaker is unknown")
        return
    quote.notes.append("no speaker found near the quote")


def _new_subject(document: Document, start: int, end: int) -> tuple[int, Entity] | None:
    """The latest person or institution that acts between two quotes."""
    found = None
    first = document.index.first_at_or_after(start)
    starts = document.mention_starts()
    for mention in document.mentions[bisect.bisect_left(starts, start) :]:
        if mention.start >= end:
            break
        if mention.in_quote:
            continue
        entity = document.entity_of(mention)
        if entity is None or entity.kind not in ("person", "institution", "government"):
            continue
        if (
            mention.first >= first
            and acts(document.tokens, mention.lead, mention.last, mention.possessive)
            and not mention.possessive
        ):
            found = (mention.start, entity)
    return found
