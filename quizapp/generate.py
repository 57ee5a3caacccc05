"""Questions generated from a bank's actors, events and quotes. No Textual.

Per quote: "who said this?" (``quote:<id>:speaker``) and "complete the
quote" (``quote:<id>:cloze``). Per group of up to 5 actors with roles, sorted
by id: "match each name to its role" (``actors:roles:1``, ``actors:roles:2``
...), and per actor "who is X?" (``actor:<id>:role``, with 3 or more actors).
Per group of up to 6 events in date order: "put these events in order"
(``events:order:1`` ...), and per event "when did this happen?"
(``event:<id>:when``, with 3 or more events) and, for events with a stated,
non-approximate year, "in what year?" (``event:<id>:year``).

``[bank] generate`` and each fact's ``generate`` say which of these kinds
are made (`quizapp.model.GENERATED_KINDS`); a fact left out of a kind still
serves as a wrong choice of the other questions.

Difficulty follows docs/authoring.md: recalling one stated fact (who said
this, complete the quote, who is X, when, what year) is 1; connecting
several facts (matching names to roles, ordering events) is 2.

Ids derive from fact ids, so a question's history survives reloads and edits
of other entries. Distractors come from the bank's own facts, drawn with an
RNG seeded from ``"<bank id>:<question id>"`` (stable across processes), and
never equal the answer after folding. A question that cannot get at least two
choices is left out.

The work is linear in the number of facts: the pools of wrong choices are
built once per bank, and each question draws a bounded number of
candidates from them.
"""

from __future__ import annotations

import functools
import random
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

from quizapp.display import quoted
from quizapp.grading import normalise_text
from quizapp.model import (
    Actor,
    Bank,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    Event,
    GeneratedKind,
    MatchQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    Quote,
)

#: Most distractors a generated choice question gets.
MAX_DISTRACTORS = 3
#: Most actors in one "match each name to its role" question.
MAX_MATCH_GROUP = 5
#: Most events in one "put these events in order" question.
MAX_ORDER_GROUP = 6
#: Most candidates a question looks at in one pool of wrong choices: enough to
#: see every candidate of a bank written by hand, and a bound on the work for
#: a huge one.
MAX_DRAWS = 64

T = TypeVar("T")

# Common English words of 4 letters or more (shorter words are never gaps).
_STOPWORD_TEXT = """
about above after again against also been because before being below between both could
does doing down during each either even ever every from further have having here hers
herself himself however into itself just might more most much must myself neither once
only other ours ourselves over really same shall should since some such than that their
theirs them themselves then there these they this those though through under until upon
very were what when where whether which while whom whose will with within without would
your yours yourself yourselves said says told added going back well still thing things
think thought know knew like make made many pretty quite rather something anything nothing
everything always never maybe perhaps sure come came take took want need look seem seems
"""
#: Words never chosen as a cloze gap.
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
#: A word: letters and digits, possibly joined by an apostrophe or hyphen.
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
#: The letters-and-digits parts of a word ("ISIS-held": "ISIS", "held").
_WORD_PART = re.compile(r"[^\W_]+")
_JOINERS = "'’-‐‑"
#: Quotes of at least this many words get two gaps instead of one.
LONG_QUOTE_WORDS = 12


def generate_questions(bank: Bank) -> tuple[Question, ...]:
    """All questions generated from ``bank``'s fact tables (empty when the
    bank sets ``generate = false``). Every one has ``generated=True``."""
    if not bank.generate:
        return ()
    facts = _Facts(bank)
    questions: list[Question | None] = []
    for quote in bank.quotes:
        if facts.makes(quote, "speaker"):
            questions.append(_quote_speaker(bank, facts, quote))
        if facts.makes(quote, "cloze"):
            questions.append(_quote_cloze(bank, facts, quote))
    actors = facts.actors_with_roles
    questions.extend(_actor_role_matches(bank, [a for a in actors if facts.makes(a, "roles")]))
    if len(actors) >= 3:
        role_ids = {actor.id for actor in actors}
        questions.extend(
            _actor_role(bank, facts, actor)
            for actor in bank.actors
            if actor.id in role_ids and facts.makes(actor, "role")
        )
    questions.extend(_event_orders(bank, facts))
    for event in bank.events:
        if facts.makes(event, "when"):
            questions.append(_event_when(bank, facts, event))
        if facts.makes(event, "year"):
            questions.append(_event_year(bank, event))
    return tuple(question for question in questions if question is not None)


# ---------------------------------------------------------------- helpers


class _Facts:
    """What every generated question of a bank draws on, computed once."""

    def __init__(self, bank: Bank) -> None:
        #: `normalise_text` remembered for every text of this bank: the shared
        #: cache is too small for a big bank, and each text is folded often.
        self.fold = functools.cache(normalise_text)
        self.kinds = frozenset(bank.generated_kinds)
        self.actor_by_id = {actor.id: actor for actor in reversed(bank.actors)}
        by_id = sorted(bank.actors, key=lambda a: a.id)
        #: Wrong speakers: the authors, then names by kind, then every name.
        self.names = list(self.unique(by_id, lambda a: a.name))
        self.authors = [actor for actor in self.names if actor.author]
        self.names_by_kind: dict[str, list[Actor]] = {}
        for actor in self.names:
            self.names_by_kind.setdefault(actor.kind, []).append(actor)
        #: Actors with a role, sorted by id, names and roles distinct once folded.
        self.actors_with_roles = list(
            self.unique([a for a in by_id if a.role.strip()], lambda a: a.name, lambda a: a.role)
        )
        self.roles_by_kind: dict[str, list[Actor]] = {}
        #: People's roles, and the roles of everything else.
        self.roles_by_personhood: dict[bool, list[Actor]] = {True: [], False: []}
        for actor in self.actors_with_roles:
            self.roles_by_kind.setdefault(actor.kind, []).append(actor)
            self.roles_by_personhood[actor.kind == "person"].append(actor)
        self.events_by_date = sorted(bank.events, key=lambda e: (e.sort_key, e.id))
        self.whens = list(self.unique(self.events_by_date, lambda e: e.when))
        self.event_count = len(bank.events)

    def makes(self, fact: Actor | Event | Quote, kind: GeneratedKind) -> bool:
        """Whether the bank and ``fact`` both ask for questions of ``kind``."""
        return kind in self.kinds and (fact.generate is None or kind in fact.generate)

    def unique(self, items: Sequence[T], *keys: Callable[[T], str]) -> Iterator[T]:
        """Items whose every key (folded) is not blank and differs from those
        of earlier items."""
        seen: list[set[str]] = [set() for _ in keys]
        for item in items:
            folded = [self.fold(key(item)) for key in keys]
            if all(
                value and value not in bucket for value, bucket in zip(folded, seen, strict=True)
            ):
                for value, bucket in zip(folded, seen, strict=True):
                    bucket.add(value)
                yield item

    def mentions(self, text: str, actor: Actor) -> bool:
        """Whether ``text`` names ``actor`` (by name or alias), as whole words."""
        folded = f" {self.fold(text)} "
        names = (self.fold(name) for name in (actor.name, *actor.aliases))
        return any(f" {name} " in folded for name in names if name)


def _rng(bank: Bank, question_id: str) -> random.Random:
    # Seeding with a str hashes it with SHA-512: the same in every process.
    return random.Random(f"{bank.id}:{question_id}")


def _random_indexes(rng: random.Random, count: int) -> Iterator[int]:
    """Up to `MAX_DRAWS` distinct indexes below ``count``, in random order.

    A lazy Fisher-Yates shuffle: each index costs constant time, however
    long the pool, where shuffling the whole pool would cost its length.
    """
    moved: dict[int, int] = {}
    for index in range(min(count, MAX_DRAWS)):
        other = rng.randrange(index, count)
        yield moved.get(other, other)
        moved[other] = moved.get(index, index)


class _Picker(Generic[T]):
    """Draws wrong choices for one question: never the answer, never two
    that are the same once folded, never one ``fits`` turns down."""

    def __init__(
        self,
        facts: _Facts,
        rng: random.Random,
        answer: str,
        text: Callable[[T], str],
        fits: Callable[[T], bool] = lambda _: True,
    ) -> None:
        self.fold = facts.fold
        self.rng = rng
        self.text = text
        self.fits = fits
        self.seen = {self.fold(answer)}
        self.picked: list[str] = []

    def draw(self, pool: Sequence[T], most: int = MAX_DISTRACTORS) -> None:
        """Add up to ``most`` wrong choices from ``pool``, without going past
        `MAX_DISTRACTORS` in all."""
        wanted = min(len(self.picked) + most, MAX_DISTRACTORS)
        for index in _random_indexes(self.rng, len(pool)):
            if len(self.picked) >= wanted:
                return
            item = pool[index]
            text = self.text(item)
            folded = self.fold(text)
            if folded and folded not in self.seen and self.fits(item):
                self.seen.add(folded)
                self.picked.append(text)


def _choices(rng: random.Random, answer: str, distractors: Sequence[str]) -> tuple[str, ...]:
    choices = [answer, *distractors]
    rng.shuffle(choices)
    return tuple(choices)


def _balanced_groups(items: Sequence[T], most: int) -> list[list[T]]:
    """Split ``items`` in order into the fewest groups of at most ``most``,
    sizes differing by at most one (6 items by 5 -> 3 + 3, never 5 + 1)."""
    if not items:
        return []
    count = -(-len(items) // most)
    size, extra = divmod(len(items), count)
    groups: list[list[T]] = []
    start = 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        groups.append(list(items[start:end]))
        start = end
    return groups


def _numbered(prompt: str, number: int, count: int) -> str:
    """``prompt`` with "(set 2 of 3)" before its full stop when there are
    several groups, so that no two questions of a bank ask the same thing."""
    if count == 1:
        return prompt
    return f"{prompt.removesuffix('.')} (set {number} of {count})."


def _sentence(text: str) -> str:
    """``text`` without trailing punctuation, to embed in a sentence."""
    return text.strip().rstrip(".!?;:,").rstrip()


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sources(*sources: str) -> str:
    """Distinct non-empty excerpts, one per line (each stays verbatim)."""
    return "\n".join(dict.fromkeys(source for source in sources if source))


def _described(actor: Actor) -> str:
    return f"{actor.name}, {_sentence(actor.role)}," if actor.role else actor.name


# ------------------------------------------------------------------ quotes


def _quote_speaker(bank: Bank, facts: _Facts, quote: Quote) -> ChoiceQuestion | None:
    """ "Who said this?": the wrong speakers are an author of the source
    (always, unless the author is the speaker), then people of the speaker's
    kind, then anyone else the bank names; never someone the quote names
    ("Clearly a winner in all this is Putin" is not Putin's)."""
    speaker = facts.actor_by_id.get(quote.speaker)
    if speaker is None:
        return None
    question_id = f"quote:{quote.id}:speaker"
    rng = _rng(bank, question_id)
    picker: _Picker[Actor] = _Picker(
        facts,
        rng,
        speaker.name,
        lambda a: a.name,
        lambda a: a.id != speaker.id and not facts.mentions(quote.text, a),
    )
    picker.draw(facts.authors, most=1)
    picker.draw(facts.names_by_kind.get(speaker.kind, []))
    picker.draw(facts.names)
    if not picker.picked:
        return None
    if speaker.author:
        explanation = (
            f"{_capitalised(speaker.name)} wrote this: the source's own words, not a quotation."
        )
    else:
        explanation = f"{_capitalised(_described(speaker))} said this."
    if quote.context:
        explanation += f" Context: {_sentence(quote.context)}."
    return ChoiceQuestion(
        id=question_id,
        prompt="Who said this?",
        quote=quote.text,
        choices=_choices(rng, speaker.name, picker.picked),
        answer=speaker.name,
        explanation=explanation,
        source=quote.source or quote.text,
        tags=("quotes",),
        difficulty=1,
        points=bank.defaults.points,
        generated=True,
        about=(quote.id, speaker.id),
    )


def _gap_words(text: str) -> list[tuple[int, re.Match[str]]]:
    """Words of ``text`` worth asking for, with their word positions: at least
    4 characters, not a stopword, no digit (a year is not a typo away from
    another), not joined to another word by an apostrophe or a hyphen
    ("Russia’s", "ISIS-held", "U.S.-Turkish"), and printed only once in the
    text (a gap must not be answered elsewhere in the passage)."""
    printed = Counter(normalise_text(part) for part in _WORD_PART.findall(text))
    gaps = []
    for position, word in enumerate(_WORD.finditer(text)):
        folded = normalise_text(word.group())
        unfit = (
            any(char in _JOINERS or char.isdigit() for char in word.group())
            or text[word.start() - 1 : word.start()] in tuple(_JOINERS)
            or text[word.end() : word.end() + 1] in tuple(_JOINERS)
        )
        if len(folded) >= 4 and folded not in STOPWORDS and not unfit and printed[folded] == 1:
            gaps.append((position, word))
    return gaps


def _weighted_choice(
    rng: random.Random, words: Sequence[tuple[int, re.Match[str]]]
) -> tuple[int, re.Match[str]]:
    """A word, longer words more likely: they tend to carry the meaning."""
    weights = [len(word.group()) for _, word in words]
    return rng.choices(words, weights=weights)[0]


def _quote_cloze(bank: Bank, facts: _Facts, quote: Quote) -> ClozeQuestion | None:
    question_id = f"quote:{quote.id}:cloze"
    candidates = _gap_words(quote.text)
    if not candidates:
        return None
    rng = _rng(bank, question_id)
    first_position, first = _weighted_choice(rng, candidates)
    chosen = [first]
    if len(_WORD.findall(quote.text)) >= LONG_QUOTE_WORDS:
        # Longer quotes get a second gap, with at least one word between the two.
        apart = [(pos, word) for pos, word in candidates if abs(pos - first_position) >= 2]
        if apart:
            chosen.append(_weighted_choice(rng, apart)[1])
    chosen.sort(key=lambda word: word.start())
    parts: list[str] = []
    position = 0
    for word in chosen:
        parts.append(quote.text[position : word.start()])
        position = word.end()
    parts.append(quote.text[position:])
    speaker = facts.actor_by_id.get(quote.speaker)
    if speaker is None:
        prompt, explanation = "Complete the quote.", quote.text
    elif speaker.author:
        prompt = f"Complete what {speaker.name} wrote."
        explanation = f"{_capitalised(speaker.name)} wrote: {quoted(quote.text)}"
    else:
        prompt = f"Complete what {speaker.name} said."
        explanation = f"{_capitalised(_described(speaker))} said: {quoted(quote.text)}"
    return ClozeQuestion(
        id=question_id,
        prompt=prompt,
        parts=tuple(parts),
        gaps=tuple(ClozeGap(word.group()) for word in chosen),
        match=bank.defaults.match,
        explanation=explanation,
        source=quote.source or quote.text,
        tags=("quotes",),
        difficulty=1,
        points=bank.defaults.points,
        generated=True,
        about=(quote.id,),
    )


# ------------------------------------------------------------------ actors


def _actor_role_matches(bank: Bank, actors: Sequence[Actor]) -> list[MatchQuestion]:
    if len(actors) < 2:
        return []
    groups = _balanced_groups(actors, MAX_MATCH_GROUP)
    questions = []
    for number, group in enumerate(groups, start=1):
        everyone_a_person = all(a.kind == "person" for a in group)
        prompt = (
            "Match each person to their role."
            if everyone_a_person
            else "Match each name to its role."
        )
        questions.append(
            MatchQuestion(
                id=f"actors:roles:{number}",
                prompt=_numbered(prompt, number, len(groups)),
                pairs=tuple((a.name, a.role) for a in group),
                explanation=" ".join(f"{a.name}: {_sentence(a.role)}." for a in group),
                source=_sources(*(a.source for a in group)),
                tags=("actors",),
                difficulty=2,
                points=bank.defaults.points,
                generated=True,
                about=tuple(a.id for a in group),
            )
        )
    return questions


def _actor_role(bank: Bank, facts: _Facts, actor: Actor) -> ChoiceQuestion | None:
    """ "Who is X?" among the roles of the actors with roles (see `_Facts`):
    those of X's kind first, then those of people (for a person) or of
    anything but people (for a country, a group ...), then any. A role that
    names X is never a wrong choice: it would rule itself out."""
    question_id = f"actor:{actor.id}:role"
    rng = _rng(bank, question_id)
    picker: _Picker[Actor] = _Picker(
        facts,
        rng,
        actor.role,
        lambda a: a.role,
        lambda a: a.id != actor.id and not facts.mentions(a.role, actor),
    )
    picker.draw(facts.roles_by_kind.get(actor.kind, []))
    picker.draw(facts.roles_by_personhood[actor.kind == "person"])
    picker.draw(facts.actors_with_roles)
    if not picker.picked:
        return None
    return ChoiceQuestion(
        id=question_id,
        prompt=f"Who is {actor.name}?"
        if actor.kind == "person"
        else f"Which description fits {actor.name}?",
        choices=_choices(rng, actor.role, picker.picked),
        answer=actor.role,
        explanation=" ".join(
            part for part in (f"{actor.name}: {_sentence(actor.role)}.", actor.description) if part
        ),
        source=actor.source,
        tags=("actors",),
        difficulty=1,
        points=bank.defaults.points,
        generated=True,
        about=(actor.id,),
    )


# ------------------------------------------------------------------ events


def _event_orders(bank: Bank, facts: _Facts) -> list[OrderQuestion]:
    """Events by date in groups; events sharing a date cannot be ordered, so
    only the first of them (by id) is kept, and repeats are left out."""
    wanted = [e for e in facts.events_by_date if facts.makes(e, "order")]
    events = list(facts.unique(wanted, lambda e: e.sort_key.isoformat(), lambda e: e.what))
    if len(events) < 3:
        return []
    groups = _balanced_groups(events, MAX_ORDER_GROUP)
    questions = []
    for number, group in enumerate(groups, start=1):
        steps = "; ".join(
            f"{step}. {_sentence(e.what)} ({e.when})" for step, e in enumerate(group, 1)
        )
        questions.append(
            OrderQuestion(
                id=f"events:order:{number}",
                prompt=_numbered("Put these events in order, earliest first.", number, len(groups)),
                items=tuple(_sentence(e.what) for e in group),
                explanation=f"Earliest first: {steps}.",
                source=_sources(*(e.source for e in group)),
                tags=("dates",),
                difficulty=2,
                points=bank.defaults.points,
                generated=True,
                about=tuple(e.id for e in group),
            )
        )
    return questions


def _with_note(explanation: str, event: Event) -> str:
    return f"{explanation} {event.note}" if event.note else explanation


def _event_when(bank: Bank, facts: _Facts, event: Event) -> ChoiceQuestion | None:
    if facts.event_count < 3:
        return None
    question_id = f"event:{event.id}:when"
    rng = _rng(bank, question_id)
    picker: _Picker[Event] = _Picker(
        facts, rng, event.when, lambda e: e.when, lambda e: e.sort_key != event.sort_key
    )
    picker.draw(facts.whens)
    if not picker.picked:
        return None
    return ChoiceQuestion(
        id=question_id,
        prompt=f"{_sentence(event.what)}. When did this happen?",
        choices=_choices(rng, event.when, picker.picked),
        answer=event.when,
        explanation=_with_note(f"The source gives the time as {quoted(event.when)}.", event),
        source=event.source,
        tags=("dates",),
        difficulty=1,
        points=bank.defaults.points,
        generated=True,
        about=(event.id,),
    )


def _event_year(bank: Bank, event: Event) -> NumberQuestion | None:
    if event.year is None or event.approximate:
        return None
    explanation = f"It happened in {event.year}."
    if normalise_text(event.when) != str(event.year):
        explanation = f"It happened in {event.year}; the source says {quoted(event.when)}."
    return NumberQuestion(
        id=f"event:{event.id}:year",
        prompt=f"{_sentence(event.what)}. In what year did this happen?",
        answer=float(event.year),
        explanation=_with_note(explanation, event),
        source=event.source,
        tags=("dates",),
        difficulty=1,
        points=bank.defaults.points,
        generated=True,
        about=(event.id,),
    )
