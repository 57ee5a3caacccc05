"""Actors from mentions: the mentions of one person, institution or country
merged ("Ross Wilson" / "Wilson", "the Foreign Ministry" / "the ministry",
"Russia" / "Moscow"), with a kind, a gender where the text shows one, and
whether they act in the story.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from quizapp.draft.lexicon import (
    ACTION_WORDS,
    ADVERBS,
    FEMALE_NAMES,
    FRAGMENT_VERBS,
    MALE_NAMES,
    ORGANISATION_HEADS,
    PLACE_PREPOSITIONS,
    SPEECH_VERBS,
    Country,
)
from quizapp.draft.names import Mention
from quizapp.draft.tokens import Token

#: Lower-case heads that also refer to names without that word in them.
_HEAD_SYNONYMS = {
    "company": ("Company", "Corp", "Corporation", "Inc", "Ltd", "Group", "Holdings", "LLC"),
    "firm": ("Company", "Corp", "Corporation", "Inc", "Ltd", "Group", "Holdings", "LLC"),
    "government": ("Government", "administration", "government", "Cabinet"),
    "administration": ("Administration", "administration"),
    "newspaper": ("Times", "Post", "Journal", "Gazette", "Herald", "Tribune", "Guardian"),
    "paper": ("Times", "Post", "Journal", "Gazette", "Herald", "Tribune", "Guardian"),
    "team": ("Team", "Club", "United", "City", "FC"),
}
_MALE_HONORIFICS = frozenset({"Mr", "Mr.", "Messrs", "Messrs."})
_FEMALE_HONORIFICS = frozenset({"Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mme", "Mme."})


@dataclass(slots=True, eq=False)
class Reference:
    """A lower-case reference to an actor ("the ministry"): ``text[start:end]``."""

    start: int
    end: int
    text: str
    first: int
    last: int
    in_quote: bool


@dataclass(slots=True, eq=False)
class Entity:
    """One person, institution, country ... with every place it is named."""

    kind: str
    mentions: list[Mention]
    country: Country | None = None
    references: list[Reference] = field(default_factory=list)
    gender: str | None = None
    #: Set when the entity speaks in a quote.
    quoted: bool = False

    @property
    def outside_quotes(self) -> list[Mention]:
        """Mentions in the article's own voice, not inside a quotation."""
        return [mention for mention in self.mentions if not mention.in_quote]

    @property
    def name(self) -> str:
        """The name to show: a person's fullest name, a country's most used name."""
        named = self.outside_quotes or self.mentions
        if self.kind == "country" and self.country is not None:
            variants = [m.name for m in named if m.kind == "country"]
            if variants:
                return max(variants, key=lambda name: (variants.count(name), -variants.index(name)))
        return max(
            (m.name for m in named), key=lambda name: (len(name.split()), -_first(named, name))
        )

    @property
    def aliases(self) -> list[str]:
        """Other names the article uses for the entity, in order of use."""
        seen = {self.name.casefold()}
        aliases = []
        for text in [m.name for m in self.mentions] + [r.text for r in self.references]:
            if text.casefold() not in seen:
                seen.add(text.casefold())
                aliases.append(text)
        return aliases


def _first(mentions: Sequence[Mention], name: str) -> int:
    return next(index for index, mention in enumerate(mentions) if mention.name == name)


def merge_mentions(
    text: str, tokens: Sequence[Token], mentions: Sequence[Mention], in_quote: Sequence[bool]
) -> tuple[list[Entity], dict[int, Entity]]:
    """Entities from mentions, and each mention's entity by ``id(mention)``.

    Multi-word names are merged first; a single word then joins the person
    whose last name it is (the latest one named before it), a capital joins
    its country, an acronym joins the institution it abbreviates.
    """
    entities: list[Entity] = []
    owner: dict[int, Entity] = {}
    by_key: dict[str, Entity] = {}
    persons: _Persons = {}

    def add(mention: Mention, entity: Entity) -> None:
        entity.mentions.append(mention)
        owner[id(mention)] = entity

    def new(mention: Mention, kind: str, key: str) -> Entity:
        entity = Entity(kind, [], country=mention.country)
        entities.append(entity)
        by_key[key] = entity
        add(mention, entity)
        return entity

    singles: list[Mention] = []
    places = {mention.name for mention in mentions if mention.kind == "place"}
    for mention in mentions:
        if mention.kind == "place" or (mention.kind == "unknown" and mention.name in places):
            continue
        if mention.kind in ("country", "capital") and mention.country is not None:
            key = f"country:{mention.country.name}"
            if key in by_key:
                add(mention, by_key[key])
            else:
                new(mention, "country", key)
            continue
        if mention.kind == "person" and (len(mention.words) >= 2 or mention.title):
            match = _person_for(persons, mention)
            if match is None:
                match = new(mention, "person", f"person:{' '.join(mention.words)}")
            else:
                add(mention, match)
            persons.setdefault(mention.words[-1], []).append((mention.start, match, mention.words))
            continue
        if len(mention.words) == 1 and mention.kind in ("unknown", "person"):
            singles.append(mention)
            continue
        key = f"name:{mention.name.casefold().removeprefix('the ')}"
        acronym = _acronym_owner(text, entities, mention)
        if acronym is not None:
            add(mention, acronym)
        elif key in by_key:
            add(mention, by_key[key])
        else:
            new(mention, mention.kind, key)
    for mention in singles:
        person = _person_by_last_name(persons, mention)
        if person is not None:
            add(mention, person)
            continue
        acronym = _acronym_owner(text, entities, mention)
        if acronym is not None:
            add(mention, acronym)
            continue
        plural = _plural_owner(entities, mention)
        if plural is not None:
            add(mention, plural)
            continue
        key = f"name:{mention.name.casefold()}"
        if key in by_key:
            add(mention, by_key[key])
        else:
            new(mention, mention.kind, key)
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.start)
        if entity.kind == "unknown" and any(m.kind == "person" for m in entity.mentions):
            entity.kind = "person"
        entity.gender = _gender(entity)
    _add_references(text, tokens, entities, in_quote)
    return entities, owner


#: Persons by the last word of their names: (offset, entity, words) of each mention.
_Persons = dict[str, list[tuple[int, Entity, tuple[str, ...]]]]


def _person_for(persons: _Persons, mention: Mention) -> Entity | None:
    """The person a multi-word name names again ("Tayyip Erdogan" for
    "Recep Tayyip Erdogan", "President Putin" for "Vladimir Putin"), or None."""
    words = mention.words
    for _, person, known in reversed(persons.get(words[-1], [])):
        shorter, longer = sorted((known, words), key=len)
        if len(shorter) >= 2 and longer[-len(shorter) :] == shorter:
            return person
        if len(words) == 1 and mention.title:
            return person
    return None


def _person_by_last_name(persons: _Persons, mention: Mention) -> Entity | None:
    """The person named last before ``mention`` whose last name it is (else
    the first one named after it)."""
    best: tuple[int, Entity] | None = None
    for start, person, known in persons.get(mention.words[0], []):
        if len(known) < 2:
            continue
        rank = start if start < mention.start else -start
        if best is None or rank > best[0]:
            best = (rank, person)
    return best[1] if best else None


def _initials(words: Sequence[str]) -> str:
    return "".join(word[0] for word in words if word[:1].isupper())


def _acronym_owner(text: str, entities: Sequence[Entity], mention: Mention) -> Entity | None:
    """The institution an acronym abbreviates: named just before it in
    brackets ("... Organization (NATO)") or by its initials."""
    name = mention.name
    if not (name.isupper() and 2 <= len(name) <= 8):
        return None
    for entity in reversed(entities):
        if entity.kind not in ("institution", "government", "unknown", "group"):
            continue
        for known in entity.mentions:
            bracketed = text[known.end : known.end + len(name) + 4]
            if re.match(rf"\s*\(\s*{re.escape(name)}\s*\)", bracketed):
                return entity
            if len(known.words) >= 2 and _initials(known.words) == name:
                return entity
    return None


def _plural_owner(entities: Sequence[Entity], mention: Mention) -> Entity | None:
    """ "the Greens" for the "Green Party": a plural of a party's first word."""
    word = mention.words[0]
    for entity in entities:
        if entity.kind != "institution":
            continue
        for known in entity.mentions:
            if len(known.words) >= 2 and f"{known.words[0]}s" == word:
                return entity
    return None


def _gender(entity: Entity) -> str | None:
    if entity.kind != "person":
        return None
    for mention in entity.mentions:
        if mention.honorific in _MALE_HONORIFICS:
            return "male"
        if mention.honorific in _FEMALE_HONORIFICS:
            return "female"
    for mention in entity.mentions:
        if len(mention.words) >= 2:
            if mention.words[0] in FEMALE_NAMES:
                return "female"
            if mention.words[0] in MALE_NAMES:
                return "male"
    return None


def _add_references(
    text: str, tokens: Sequence[Token], entities: Sequence[Entity], in_quote: Sequence[bool]
) -> None:
    """ "the ministry" refers to the latest institution named before it whose
    name has that head (or a synonym of it)."""
    named: dict[str, list[tuple[int, Entity]]] = {}
    for entity in entities:
        if entity.kind in ("institution", "government"):
            for mention in entity.mentions:
                for word in mention.words:
                    named.setdefault(word, []).append((mention.start, entity))
    starts = {word: [start for start, _ in pairs] for word, pairs in named.items()}
    for pairs in named.values():
        pairs.sort(key=lambda pair: pair[0])
    for word in starts:
        starts[word] = [start for start, _ in named[word]]
    for index in range(len(tokens) - 1):
        if tokens[index].text.casefold() != "the":
            continue
        head = tokens[index + 1]
        if head.capitalised or head.base not in ORGANISATION_HEADS:
            continue
        heads = (head.base.capitalize(), head.base, *_HEAD_SYNONYMS.get(head.base, ()))
        latest: tuple[int, Entity] | None = None
        for word in heads:
            position = bisect.bisect_left(starts.get(word, []), tokens[index].start) - 1
            if position >= 0 and (latest is None or named[word][position][0] > latest[0]):
                latest = named[word][position]
        if latest is None:
            continue
        target = latest[1]
        end = head.start + len(head.base)
        target.references.append(
            Reference(
                tokens[index].start,
                end,
                text[tokens[index].start : end],
                index,
                index + 1,
                in_quote[index],
            )
        )


def acts(tokens: Sequence[Token], first: int, last: int, possessive: bool) -> bool:
    """Whether the name in tokens ``first``..``last`` acts in its sentence:
    it is the subject of a verb, a possessor ("Turkey’s purchase"), or the
    agent of a passive ("plotted by ...")."""
    if possessive:
        return True
    previous = first - 1
    if previous > 0 and tokens[previous].text.casefold() == "the":
        previous -= 1
    before = tokens[previous].text.casefold() if previous >= 0 else ""
    if before == "by":
        return True
    if before in PLACE_PREPOSITIONS:
        return False
    index = last + 1
    for _ in range(2):
        # "Erdogan, as he has so often ..., chose", "Harold Finch, 71, who
        # has been waiting ..., said": look past up to two asides.
        if index >= len(tokens) or tokens[index].text != ",":
            break
        closing = next(
            (i for i in range(index + 1, min(len(tokens), index + 30)) if tokens[i].text in ",.;"),
            None,
        )
        if closing is None or tokens[closing].text != ",":
            return False
        index = closing + 1
    while (
        index < len(tokens)
        and (tokens[index].text.endswith("ly") or tokens[index].text in ADVERBS)
        and tokens[index].text not in ACTION_WORDS
    ):
        index += 1
    if index >= len(tokens):
        return False
    word = tokens[index].text
    if not word[:1].islower():
        return False
    if word in ACTION_WORDS or word in SPEECH_VERBS or word in FRAGMENT_VERBS:
        return True
    return len(word) > 3 and (
        word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))
    )
