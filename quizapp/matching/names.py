"""The names an actor of the bank may be given in a typed answer.

Where the right answer names an actor (it is the actor's name, or an alias
that is a short form of the name, like "Putin" for "Vladimir Putin"), the
actor's name and every alias are right too, and so are, for people, the
name with initials ("V. Putin", "R. T. Erdogan") and any of these after a
title ("President Putin", "Russian President Vladimir Putin").

An alias that is not part of the name ("Moscow" for Russia, "Washington"
for the U.S.) stands for the actor but does not make the actor's other
names right: "Russia" is not an answer to "which capital?".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quizapp.matching.fold import normalise_text, strip_leading_words
from quizapp.model import Actor

#: Titles that may come before a person's name, folded, longest first.
TITLES = tuple(
    sorted(
        (
            *("president", "vice president", "prime minister", "premier", "chancellor"),
            *("minister", "foreign minister", "secretary", "secretary of state", "senator"),
            *("ambassador", "former ambassador", "general", "king", "queen", "prince"),
            *("princess", "pope", "sheikh", "imam", "cleric", "mr", "mrs", "ms", "miss"),
            *("dr", "doctor", "professor", "prof", "sir", "dame", "lord", "lady"),
            *("director", "chairman", "chair", "governor", "mayor", "judge", "justice"),
        ),
        key=len,
        reverse=True,
    )
)
#: How many words ("Russian", "Turkish") may come before a title.
_WORDS_BEFORE_TITLE = 2


@dataclass(frozen=True, slots=True)
class NameForms:
    """Extra right answers that come from the bank's actors."""

    #: Names, aliases and initialled names of the actors the answer names.
    forms: tuple[str, ...] = ()
    #: Whether one of them is a person, whose names may follow a title.
    person: bool = False


def _core(text: str) -> str:
    return strip_leading_words(normalise_text(text))


def _is_short_form(alias: str, name: str) -> bool:
    alias_words = _core(alias).split()
    return bool(alias_words) and set(alias_words) <= set(_core(name).split())


def names_the_actor(answer: str, actor: Actor) -> bool:
    """Whether ``answer`` is ``actor``'s name or an alias that is a short form of it."""
    folded = _core(answer)
    if folded == _core(actor.name):
        return True
    return any(
        folded == _core(alias) and _is_short_form(alias, actor.name) for alias in actor.aliases
    )


def initialled(name: str) -> tuple[str, ...]:
    """``"Recep Tayyip Erdogan"`` -> ``("R. T. Erdogan", "R. Erdogan")``."""
    words = name.split()
    if len(words) < 2 or not all(word[:1].isalpha() for word in words[:-1]):
        return ()
    initials = [f"{word[0]}." for word in words[:-1]]
    forms = [" ".join((*initials, words[-1]))]
    if len(initials) > 1:
        forms.append(f"{initials[0]} {words[-1]}")
    return tuple(forms)


def actor_forms(actors: Sequence[Actor], answers: Iterable[str]) -> NameForms:
    """The names of the actors that any of ``answers`` names (see the module docstring)."""
    answers = tuple(answers)
    forms: list[str] = []
    person = False
    for actor in actors:
        if not any(names_the_actor(answer, actor) for answer in answers):
            continue
        names = (actor.name, *actor.aliases)
        forms.extend(names)
        if actor.kind == "person":
            person = True
            for name in names:
                forms.extend(initialled(name))
    return NameForms(tuple(dict.fromkeys(forms)), person)


def without_title(folded: str) -> str:
    """A folded answer without a leading title and the words before it
    ("russian president vladimir putin" -> "vladimir putin"), or "" when it
    has no title."""
    words = folded.split(" ")
    for before in range(_WORDS_BEFORE_TITLE + 1):
        rest = " ".join(words[before:])
        for title in TITLES:
            if rest.startswith(title + " "):
                return rest[len(title) + 1 :]
    return ""
