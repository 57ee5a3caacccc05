"""Names in an article: runs of capitalised words, split into a title
("Russian President") and a name ("Vladimir Putin"), and sorted by kind.

A mention is one place a name is written. `quizapp.draft.actors` merges
the mentions of one person or institution into an actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from quizapp.draft.lexicon import (
    COMMON_WORDS,
    COUNTRY_BY_CAPITAL,
    COUNTRY_BY_NAME,
    DEMONYMS,
    FIRST_NAMES,
    GOVERNMENT_HEADS,
    GROUP_NOUNS,
    HONORIFICS,
    LAW_WORDS,
    MONTHS,
    ORGANISATION_HEADS,
    ORGANISATION_WORDS,
    PLACE_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
    WEEKDAYS,
    Country,
    word_set,
)
from quizapp.draft.tokens import Token

#: Lower-case words that may join the capitalised words of one name.
_CONNECTORS = word_set("of de del della da do dos das du van von der den bin ibn al el la le")
#: Connectors allowed only inside the name of an organisation.
_ORGANISATION_CONNECTORS = word_set("for on and")
#: Lower-case words that may stand in a role before a name ("former ambassador").
_ROLE_MODIFIERS = word_set(
    """former then acting deputy senior chief opposition veteran retired longtime top lead
    foreign defense defence interior finance prime vice state local regional national
    party union campaign company government military police army security energy trade
    health education economy justice environment executive managing general special
    independent outgoing incoming interim assistant associate political"""
)
#: Plural nouns that make a demonym a group ("Kurdish militias").
_GROUP_PLURALS = word_set(
    """officials militias rebels forces troops lawmakers diplomats authorities leaders
    protesters fighters militants groups negotiators prosecutors police investigators
    regulators ministers generals officers"""
)
_PLACE_NOUNS = word_set(
    "town city village region province state island county district port capital suburb"
)
_PLACE_CONTEXT = word_set("at for of from in")


@dataclass(slots=True)
class Mention:
    """One place the article names someone or something."""

    #: Offsets of the name itself (no title, no possessive ending).
    start: int
    end: int
    name: str
    #: Token indexes of the name's first and last word.
    first: int
    last: int
    #: "person", "country", "capital", "institution", "government", "group",
    #: "place" or "unknown".
    kind: str
    #: Words of a title before the name ("Russian President"), and where they start.
    title: str = ""
    title_start: int = -1
    title_first: int = -1
    honorific: str = ""
    possessive: bool = False
    in_quote: bool = False
    #: The name's first word starts a sentence (so its capital proves little).
    sentence_initial: bool = False
    #: A person only by the shape of the name ("Soner Cagaptay"): no title,
    #: no known first name. Such a name needs more to be an actor.
    shape_only: bool = False
    country: Country | None = None
    #: Words of the name, honorific and title left out.
    words: tuple[str, ...] = field(default=())

    @property
    def lead(self) -> int:
        """Token index where the mention begins, title included."""
        return self.title_first if self.title_first >= 0 else self.first

    @property
    def lead_offset(self) -> int:
        """Offset where the mention begins, title included."""
        return self.title_start if self.title_start >= 0 else self.start


def _is_name_word(token: Token) -> bool:
    text = token.text
    if not text[0].isupper() or any(ch.isdigit() for ch in text):
        return False
    # "Soviet-era", "Russian-made", "ISIS-held": an adjective, not a name.
    parts = token.base.replace("’", "-").replace("'", "-").split("-")
    return all(part[:1].isupper() or len(part) <= 2 for part in parts if part)


def adjacent(text: str, left: Token, right: Token) -> bool:
    """Whether two tokens are separated by spaces only (no paragraph break)."""
    gap = text[left.end : right.start]
    return (gap == "" or gap.isspace()) and "\n\n" not in gap and len(gap) <= 3


def find_mentions(
    text: str,
    tokens: Sequence[Token],
    sentence_initial: set[int],
    in_quote: Sequence[bool],
) -> list[Mention]:
    """Every name of the text, in order. ``sentence_initial`` holds the
    indexes of tokens that start a sentence (or a quotation); ``in_quote``
    tells for each token whether it is inside quotation marks."""
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        if not _is_name_word(tokens[index]):
            index += 1
            continue
        if _dateline(text, tokens, index, sentence_initial):
            index += 1
            continue
        last = _chunk_end(text, tokens, index)
        mention = _mention(text, tokens, index, last, sentence_initial)
        if mention is not None:
            mention.in_quote = in_quote[mention.first]
            mention.sentence_initial = mention.lead in sentence_initial
            mentions.append(mention)
            last = max(last, mention.last)
        index = last + 1
    _add_lower_case_roles(tokens, mentions)
    mentions.extend(_unnamed_institutions(text, tokens, in_quote))
    mentions.sort(key=lambda mention: mention.start)
    return mentions


def _unnamed_institutions(
    text: str, tokens: Sequence[Token], in_quote: Sequence[bool]
) -> list[Mention]:
    """ "Iceland's civil protection agency": an institution the text describes
    instead of naming, after a possessive name."""
    found = []
    for index, token in enumerate(tokens):
        if not (token.possessive and token.capitalised):
            continue
        last = index + 1
        while (
            last < len(tokens)
            and last - index <= 4
            and tokens[last].text.islower()
            and tokens[last].base not in ORGANISATION_HEADS
        ):
            last += 1
        if last >= len(tokens) or last == index + 1 or last - index > 4:
            continue
        head = tokens[last]
        if head.base not in ORGANISATION_HEADS or not head.text.islower():
            continue
        words = tuple(t.base for t in tokens[index + 1 : last + 1])
        start, end = tokens[index + 1].start, head.start + len(head.base)
        found.append(
            Mention(
                start=start,
                end=end,
                name=text[start:end],
                first=index + 1,
                last=last,
                kind="institution",
                possessive=head.possessive,
                in_quote=in_quote[index + 1],
                words=words,
            )
        )
    return found


def _dateline(text: str, tokens: Sequence[Token], index: int, sentence_initial: set[int]) -> bool:
    """ "LEEDS, England —", "ASTANA -": a place in capitals opening a paragraph."""
    token = tokens[index]
    if not token.text.isupper() or len(token.text) < 3 or index not in sentence_initial:
        return False
    line_start = text.rfind("\n", 0, token.start) + 1
    return not text[line_start : token.start].strip() and bool(
        re.match(r"[A-Z ]*(?:,[^.\n]{0,30})?\s*[—–-]\s", text[token.start : token.start + 60])
    )


def _chunk_end(text: str, tokens: Sequence[Token], first: int) -> int:
    """The index of the last token of the run of name words from ``first``."""
    last = first
    organisation = tokens[first].base in ORGANISATION_WORDS
    while not tokens[last].possessive or _possessive_inside(text, tokens, last):
        following = last + 1
        if following >= len(tokens) or not adjacent(text, tokens[last], tokens[following]):
            break
        word = tokens[following]
        if word.text == "." and (
            len(tokens[last].text) == 1
            or f"{tokens[last].text}." in HONORIFICS
            or tokens[last].text in ("St", "Mt", "Ft")
        ):
            # An initial or a courtesy title: "George W. Bush", "Mr. Wilson".
            after = following + 1
            if after < len(tokens) and _is_name_word(tokens[after]):
                last = after
                continue
            break
        if _is_name_word(word):
            last = following
            organisation = organisation or word.base in ORGANISATION_WORDS
            continue
        joined = _connector_span(text, tokens, following, organisation)
        if joined is None:
            break
        last = joined
    return last


def _possessive_inside(text: str, tokens: Sequence[Token], index: int) -> bool:
    """ "St. James's University Hospital", "King's College": a possessive
    inside the name of an institution."""
    following = index + 1
    if following >= len(tokens) or not adjacent(text, tokens[index], tokens[following]):
        return False
    for position in range(following, min(len(tokens), following + 3)):
        if not _is_name_word(tokens[position]):
            return False
        if tokens[position].base in ORGANISATION_WORDS:
            return True
    return False


def _connector_span(text: str, tokens: Sequence[Token], at: int, organisation: bool) -> int | None:
    """The index of the name word after a connector at ``at`` ("of", "of the"),
    or None when the words there do not join two parts of one name."""
    word = tokens[at].text
    allowed = word in _CONNECTORS or (organisation and word in _ORGANISATION_CONNECTORS)
    if not allowed:
        return None
    following = at + 1
    if word == "of" and following < len(tokens) and tokens[following].text == "the":
        following += 1
    if following >= len(tokens) or not adjacent(text, tokens[following - 1], tokens[following]):
        return None
    if not _is_name_word(tokens[following]) or tokens[following].base in COUNTRY_BY_NAME:
        # "of Russia" after a title is a role ("President of Russia"), kept apart.
        return following if tokens[following].base in COUNTRY_BY_NAME and organisation else None
    return following


def _mention(
    text: str, tokens: Sequence[Token], first: int, last: int, sentence_initial: set[int]
) -> Mention | None:
    """The mention made of tokens ``first``..``last``, or None when they
    are no name (common words at a sentence start, a month, a demonym)."""
    while first <= last and (
        _common(tokens[first]) and (first in sentence_initial or first == last)
    ):
        first += 1
    words = [tokens[i] for i in range(first, last + 1) if tokens[i].text != "."]
    if not words:
        return None
    while len(words) > 1 and (
        (words[-1].base in MONTHS and words[-1].base != "May") or words[-1].base in WEEKDAYS
    ):
        words.pop()  # "Published September 14": the date is no part of a name
        while len(words) > 1 and words[-1].text in _CONNECTORS | _ORGANISATION_CONNECTORS:
            words.pop()
        last = tokens.index(words[-1], first)
    bases = [word.base for word in words]
    if all(base in MONTHS or base in WEEKDAYS for base in bases):
        return None
    honorific = ""
    if f"{bases[0]}." in HONORIFICS or bases[0] in HONORIFICS:
        honorific = bases[0]
        words, bases = words[1:], bases[1:]
        first = tokens.index(words[0], first) if words else first
        if not words:
            return None
    title_words, words = _split_title(words)
    bases = [word.base for word in words]
    if len(bases) == 1 and bases[0] in DEMONYMS and not title_words:
        return _group(text, tokens, first, last)
    name_start, name_end = words[0].start, words[-1].start + len(words[-1].base)
    name = text[name_start:name_end]
    mention = Mention(
        start=name_start,
        end=name_end,
        name=name,
        first=tokens.index(words[0], first),
        last=last,
        kind="unknown",
        honorific=honorific,
        possessive=words[-1].possessive,
        words=tuple(bases),
    )
    if title_words:
        mention.title = text[title_words[0].start : title_words[-1].end]
        mention.title_start = title_words[0].start
        mention.title_first = tokens.index(title_words[0], max(0, first - 1))
    mention.kind = _kind(tokens, mention)
    if mention.kind == "person" and re.match(r",\s*\d{1,3},", text[mention.end : mention.end + 8]):
        mention.shape_only = False  # "Harold Finch, 71,": an age, so a person
    if mention.kind in ("country", "capital"):
        lookup = COUNTRY_BY_NAME if mention.kind == "country" else COUNTRY_BY_CAPITAL
        mention.country = lookup[_without_the(name)]
    _government(text, tokens, mention)
    return mention


_CONTRACTION = re.compile(r"[’'](?:s|re|m|ll|ve|d|t)$", re.IGNORECASE)


def _common(token: Token) -> bool:
    """A common word ("The", "It’s", "Don’t"), never a name on its own."""
    word = _CONTRACTION.sub("", token.text).casefold()
    return word in COMMON_WORDS or word.removesuffix("n") in COMMON_WORDS


def _without_the(name: str) -> str:
    return name[4:] if name.startswith(("the ", "The ")) else name


def _split_title(words: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split "Russian President Vladimir Putin" into a title and a name: the
    title ends at its last title word, when a person's name follows."""
    for split in range(len(words) - 1, 0, -1):
        if not _is_title_word(words[split - 1].base):
            continue
        rest = [word.base for word in words[split:]]
        if (
            len(rest) > 4
            or not all(base[:1].isupper() for base in rest)
            or any(
                base in ORGANISATION_WORDS
                or base in PLACE_WORDS
                or base in TITLE_WORDS
                or base in DEMONYMS
                or base in COUNTRY_BY_NAME
                for base in rest
            )
        ):
            return [], words
        return words[:split], words[split:]
    return [], words


def _is_title_word(word: str) -> bool:
    """ "President", "Conservator": a word of a title before a name."""
    return word in TITLE_WORDS or word.casefold() in ROLE_NOUNS


def _kind(tokens: Sequence[Token], mention: Mention) -> str:
    name = _without_the(mention.name)
    bases = mention.words
    if name in COUNTRY_BY_NAME:
        return "country"
    if name in COUNTRY_BY_CAPITAL and not mention.title:
        return "capital"
    if any(base in LAW_WORDS for base in bases[-1:]):
        return "work"  # a law or a treaty: "the Clean Water Act"
    if any(base in ORGANISATION_WORDS for base in bases):
        return "institution"
    if all(base.isupper() and len(base) >= 2 for base in bases):
        return "institution"  # an acronym: NATO, ISIS
    if any(base in PLACE_WORDS for base in bases):
        return "place"
    if (
        mention.first >= 2
        and tokens[mention.first - 1].text == "of"
        and tokens[mention.first - 2].text in _PLACE_NOUNS
    ):
        return "place"  # "the fishing town of Grindavik"
    if mention.title or mention.honorific:
        return "person"
    if len(bases) >= 2 and bases[0] in FIRST_NAMES:
        return "person"
    if any(base in LAW_WORDS for base in bases):
        return "work"
    if 2 <= len(bases) <= 4 and all(
        base[0].isupper() and not base.isupper() and base not in DEMONYMS for base in bases
    ):
        before = tokens[mention.first - 1].text if mention.first > 0 else ""
        if before in _PLACE_CONTEXT:
            return "unknown"
        mention.shape_only = True
        return "person"
    return "unknown"


def _government(text: str, tokens: Sequence[Token], mention: Mention) -> None:
    """ "the Trump administration", "the Johnson government": a name and a
    lower-case head make a government."""
    following = mention.last + 1
    if (
        following >= len(tokens)
        or mention.possessive
        or mention.kind
        not in (
            "unknown",
            "person",
            "country",
        )
    ):
        return
    head = tokens[following]
    if head.base not in GOVERNMENT_HEADS or not adjacent(text, tokens[mention.last], head):
        return
    mention.end = head.start + len(head.base)
    mention.name = text[mention.start : mention.end]
    mention.words = (*mention.words, head.base)
    mention.last = following
    mention.possessive = head.possessive
    mention.kind = "government"
    mention.country = None


def _group(text: str, tokens: Sequence[Token], first: int, last: int) -> Mention | None:
    """A demonym and a plural noun: "Kurdish militias", "Turkish officials"."""
    following = last + 1
    if following >= len(tokens) or not adjacent(text, tokens[last], tokens[following]):
        return None
    noun = tokens[following]
    if noun.base in GOVERNMENT_HEADS:
        kind = "government"
    elif noun.base in _GROUP_PLURALS or noun.base in GROUP_NOUNS:
        kind = "group"
    else:
        return None
    start, end = tokens[first].start, noun.start + len(noun.base)
    return Mention(
        start=start,
        end=end,
        name=text[start:end],
        first=first,
        last=following,
        kind=kind,
        possessive=noun.possessive,
        words=(tokens[first].base, noun.base),
    )


def _add_lower_case_roles(tokens: Sequence[Token], mentions: list[Mention]) -> None:
    """ "former ambassador Ross Wilson": lower-case role words right before a
    person's name become its title."""
    for mention in mentions:
        if mention.title or mention.kind not in ("person", "unknown"):
            continue
        index = mention.first - (2 if mention.honorific else 1)
        words: list[Token] = []
        has_noun = False
        while index >= 0 and tokens[index].is_word and len(words) < 6:
            token = tokens[index]
            lowered = token.text.casefold()
            if lowered in ROLE_NOUNS and not token.capitalised:
                has_noun = True
            elif not (
                lowered in _ROLE_MODIFIERS
                or token.base in TITLE_WORDS
                or token.base in DEMONYMS
                or token.base in COUNTRY_BY_NAME
                or (token.capitalised and token.base in ORGANISATION_WORDS)
                or (words and token.capitalised and index > 0 and tokens[index - 1].is_word)
            ):
                break
            words.insert(0, token)
            index -= 1
        while words and words[-1].text.casefold() not in ROLE_NOUNS:
            words.pop()
        if has_noun and words:
            mention.title = " ".join(word.text for word in words)
            mention.title_start = words[0].start
            mention.title_first = tokens.index(words[0], max(0, index))
            mention.kind = "person"
