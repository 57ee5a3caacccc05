"""Roles of actors, in the article's own words: a title before the name
("Russian President Vladimir Putin"), an apposition after it ("Soner
Cagaptay, director of the Turkish Research Program at ..."), a relative
clause ("Ross Wilson, who served as U.S. ambassador to Turkey"), or one
before it ("a Turkish cleric, Fethullah Gulen").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.draft.actors import Entity
from quizapp.draft.document import Document
from quizapp.draft.lexicon import FRAGMENT_VERBS, ROLE_NOUNS, SPEECH_VERBS, word_set
from quizapp.draft.names import Mention
from quizapp.draft.tokens import Token

#: Words that cannot start an apposition giving a role.
_NOT_ROLE_START = word_set(
    """who which whose whom that as and but or said says told added according if when while
    because although though where since after before in on at for with from by to he she
    it they we i you this these those his her its their our is was are were has have had
    will would can could may might also then meanwhile however"""
)
#: "who served as ...": verbs of a relative clause and what the role becomes.
_RELATIVE = re.compile(
    r"(?:who|which)\s+(?:(?:now|currently|previously|once|also|later)\s+)?"
    r"(?P<verb>is|was|serves|served|has\s+served|works|worked|heads|headed|leads|led|runs|ran|"
    r"directs|directed|chairs|chaired)\s+(?:as\s+)?"
    r"(?P<role>(?:(?:[A-Z]\.){2,}|[^,;.()“”\"]|\.(?=\S))+)",
)
_CLAUSE = re.compile(
    r",\s*(?:\d{1,3},\s*)?who\s+(?P<role>(?:(?:has|have|had)\s+(?:been\s+)?|is\s+|was\s+)?[a-z]+(?:s|ed|ing)\b(?:(?:[A-Z]\.){2,}|[^,;.()“”\"]|[.,](?=\d))+)"
)
_PAST = frozenset({"was", "served", "has served", "worked", "headed", "led", "ran", "directed",
                   "chaired"})  # fmt: skip
_HEADS = {"heads": "head of", "headed": "head of", "leads": "leader of", "led": "leader of",
          "runs": "head of", "ran": "head of", "directs": "director of",
          "directed": "director of", "chairs": "chair of", "chaired": "chair of"}  # fmt: skip
_TRAILING_TIME = re.compile(
    r"\s+(?:from|since|until|between|in|during)\s+(?:the\s+)?"
    r"(?:\d{4}|\w+\s+\d{4}|\d{4}s|[A-Z][a-z]+\.?(?:\s+\d{1,2})?)\b.*$"
)
_MAX_ROLE_TOKENS = 16
#: Words that end an apposition: a speech verb, a relative pronoun.
_ROLE_ENDS = SPEECH_VERBS | word_set("who which whose whom")


@dataclass(frozen=True, slots=True)
class Role:
    """An actor's role and the excerpt of the text that gives it."""

    text: str
    #: Offsets of the excerpt (name and role together).
    start: int
    end: int
    #: How it was found: "title", "apposition", "relative", "before", "clause".
    how: str


def find_role(document: Document, entity: Entity) -> Role | None:
    """The first role the text gives ``entity``, from its mentions outside
    quotations in order."""
    for mention in entity.outside_quotes:
        for finder in (_title, _apposition, _relative, _before):
            role = finder(document, mention)
            if role is not None:
                return role
    return None


def _title(document: Document, mention: Mention) -> Role | None:
    if not mention.title:
        return None
    return Role(mention.title, mention.title_start, mention.end, "title")


def _apposition_end(tokens: Sequence[Token], first: int) -> int | None:
    """The index of the token closing an apposition that starts at ``first``
    (a comma, or the end of the sentence), or None when it runs too long."""
    depth = 0
    for index in range(first, min(len(tokens), first + _MAX_ROLE_TOKENS + 1)):
        token = tokens[index].text
        if token in '(“"‘':
            depth += 1
        elif token in ")”’":
            depth = max(0, depth - 1)
        elif depth == 0 and (token in ",;.:!?—–" or (index > first and token in _ROLE_ENDS)):
            return index
    return None


def _apposition(document: Document, mention: Mention) -> Role | None:
    """ "NAME, director of X, said": the words between commas after a name."""
    text, tokens = document.text, document.tokens
    index = mention.last + 1
    if index >= len(tokens) or tokens[index].text != "," or mention.possessive:
        return None
    first = index + 1
    # An age first ("Jane Doe, 54, a teacher") is skipped.
    if first + 1 < len(tokens) and tokens[first].text.isdigit() and tokens[first + 1].text == ",":
        first += 2
    if first >= len(tokens):
        return None
    opening = tokens[first].text
    if opening.casefold() in _NOT_ROLE_START or not opening[0].isalpha():
        return None
    content = first + 1 if opening.casefold() in ("the", "a", "an") else first
    other = document.mention_starting_at(content)
    if other is not None and document.entity_of(other) is not document.entity_of(mention):
        return None  # "Turkey, the U.S. and the West": a list of names
    end = _apposition_end(tokens, first)
    if end is None or end == first:
        return None
    words = [token.text for token in tokens[first:end]]
    lowered = [word.casefold() for word in words]
    if any(word.isdigit() for word in words) and len(words) <= 3:
        return None  # an age: "Ellery, now 79, watched"
    # "Wilson, Cagaptay and ..." is a list, not a role: a capitalised
    # apposition must hold a role word ("Director of ...").
    capitalised = words[0][0].isupper() and words[0].casefold() not in ("the", "a", "an")
    if capitalised and not any(word in ROLE_NOUNS for word in lowered):
        return None
    if any(word in SPEECH_VERBS or word in FRAGMENT_VERBS for word in lowered):
        return None
    start_offset, end_offset = tokens[first].start, tokens[end - 1].end
    role = _strip_article(text[start_offset:end_offset])
    return Role(role, mention.lead_offset, end_offset, "apposition")


def _relative(document: Document, mention: Mention) -> Role | None:
    """ "NAME, who served as U.S. ambassador ..." -> "former U.S. ambassador ..."."""
    text = document.text
    after = mention.end + (2 if mention.possessive else 0)
    found = re.match(r",\s*(?:\d{1,3},\s*)?" + _RELATIVE.pattern, text[after : after + 200])
    if mention.possessive:
        return None
    if not found:
        return _relative_clause(text, mention, after)
    role = _TRAILING_TIME.sub("", found.group("role").strip())
    verb = " ".join(found.group("verb").split())
    if not role or len(role.split()) > _MAX_ROLE_TOKENS:
        return None
    if verb in _HEADS:
        role = f"{_HEADS[verb]} {role}"
    elif verb == "works" or verb == "worked":
        role = f"works {role}" if verb == "works" else f"worked {role}"
    role = _strip_article(role)
    if verb in _PAST and not role.startswith("former"):
        role = f"former {role}"
    end = after + found.start("role") + len(found.group("role").rstrip())
    return Role(role, mention.lead_offset, end, "relative")


def _relative_clause(text: str, mention: Mention, after: int) -> Role | None:
    """ "NAME, who farms 3,000 hectares near the border," -> the clause as the role."""
    found = _CLAUSE.match(text, after, min(len(text), after + 200))
    if not found:
        return None
    role = _TRAILING_TIME.sub("", found.group("role").strip())
    if len(role.split()) < 2 or len(role.split()) > _MAX_ROLE_TOKENS:
        return None
    end = found.start("role") + len(role)
    return Role(role, mention.lead_offset, end, "relative")


def _before(document: Document, mention: Mention) -> Role | None:
    """ "a Turkish cleric, Fethullah Gulen,": a role with an article, then a
    comma, then the name."""
    text, tokens = document.text, document.tokens
    index = mention.lead - 1
    if index < 1 or tokens[index].text != ",":
        return None
    start = index - 1
    while start >= 0 and index - start <= 6 and not _opens_role(tokens[start]):
        if not tokens[start].is_word:
            return None
        start -= 1
    if start < 0 or not _opens_role(tokens[start]):
        return None
    owner = tokens[start].possessive  # "Benin's culture minister, Aurelie Sossa"
    words = [token.text.casefold() for token in tokens[start + 1 : index]]
    if not words or not any(
        word in ROLE_NOUNS or word.endswith(("ist", "er", "or", "ic")) for word in words[-1:]
    ):
        return None
    role_start = tokens[start].start if owner else tokens[start + 1].start
    role = text[role_start : tokens[index - 1].end]
    return Role(role, tokens[start].start, mention.end, "before")


def _opens_role(token: Token) -> bool:
    """An article, or a possessive ("Benin's"), can open a role before a name."""
    return token.text.casefold() in ("a", "an", "the") or (token.possessive and token.capitalised)


def role_from_action(text: str, tokens: Sequence[Token], mention: Mention) -> Role | None:
    """What an actor does in the first sentence it acts in, as a stand-in
    role ("began delivering components of its S-400 system")."""
    index = mention.last + 1
    words: list[Token] = []
    while index < len(tokens) and len(words) < 12:
        token = tokens[index]
        if token.text in ',;.:!?“”"()—–':
            break
        words.append(token)
        index += 1
    if len(words) < 3 or not words[0].text[0].islower():
        return None
    role = text[words[0].start : words[-1].end]
    return Role(role, mention.lead_offset, words[-1].end, "clause")


def _strip_article(role: str) -> str:
    for article in ("a ", "an ", "the "):
        if role.casefold().startswith(article):
            return role[len(article) :]
    return role
