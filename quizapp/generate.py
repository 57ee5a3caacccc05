"""Questions generated from a bank's actors, events and quotes. No Textual.

Per quote: "who said this?" (``quote:<id>:speaker``) and "complete the
quote" (``quote:<id>:cloze``). Per group of up to 5 actors with roles, sorted
by id: "match each name to its role" (``actors:roles:1``, ``actors:roles:2``
...), and per actor "who is X?" (``actor:<id>:role``, with 3 or more actors).
Per group of up to 6 events in date order: "put these events in order"
(``events:order:1`` ...), and per event "when did this happen?"
(``event:<id>:when``, with 3 or more events) and, for events with a stated,
non-approximate year, "in what year?" (``event:<id>:year``).

Ids derive from fact ids, so a question's history survives reloads and edits
of other entries. Distractors come from the bank's own facts, drawn with an
RNG seeded from ``"<bank id>:<question id>"`` (stable across processes), and
never equal the answer after folding. A question that cannot get at least two
choices is left out.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from quizapp.grading import normalise_text
from quizapp.model import (
    Actor,
    Bank,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    Event,
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
_APOSTROPHE = re.compile(r"['’]")
#: Quotes of at least this many words get two gaps instead of one.
LONG_QUOTE_WORDS = 12


def generate_questions(bank: Bank) -> tuple[Question, ...]:
    """All questions generated from ``bank``'s fact tables (empty when the
    bank sets ``generate = false``). Every one has ``generated=True``."""
    if not bank.generate:
        return ()
    questions: list[Question | None] = []
    for quote in bank.quotes:
        questions.append(_quote_speaker(bank, quote))
        questions.append(_quote_cloze(bank, quote))
    actors = _actors_with_roles(bank)
    questions.extend(_actor_role_matches(bank, actors))
    questions.extend(_actor_role(bank, actor, actors) for actor in bank.actors)
    questions.extend(_event_orders(bank))
    for event in bank.events:
        questions.append(_event_when(bank, event))
        questions.append(_event_year(bank, event))
    return tuple(question for question in questions if question is not None)


# ---------------------------------------------------------------- helpers


def _rng(bank: Bank, question_id: str) -> random.Random:
    # Seeding with a str hashes it with SHA-512: the same in every process.
    return random.Random(f"{bank.id}:{question_id}")


def _pick_distractors(
    rng: random.Random, answer: str, preferred: Sequence[str], others: Sequence[str] = ()
) -> list[str]:
    """Up to `MAX_DISTRACTORS` texts from ``preferred`` (then ``others``),
    none equal to ``answer`` or to each other once folded."""
    seen = {normalise_text(answer)}
    picked: list[str] = []
    for pool in (preferred, others):
        candidates: list[str] = []
        for text in pool:
            folded = normalise_text(text)
            if folded and folded not in seen:
                seen.add(folded)
                candidates.append(text)
        wanted = min(MAX_DISTRACTORS - len(picked), len(candidates))
        picked.extend(rng.sample(candidates, wanted))
    return picked


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


def _unique_by(items: Sequence[T], *keys: Callable[[T], str]) -> Iterator[T]:
    """Items whose every key (folded) differs from those of earlier items."""
    seen: list[set[str]] = [set() for _ in keys]
    for item in items:
        folded = [normalise_text(key(item)) for key in keys]
        if all(value and value not in bucket for value, bucket in zip(folded, seen, strict=True)):
            for value, bucket in zip(folded, seen, strict=True):
                bucket.add(value)
            yield item


def _sentence(text: str) -> str:
    """``text`` without trailing punctuation, to embed in a sentence."""
    return text.strip().rstrip(".!?;:,").rstrip()


def _sources(*sources: str) -> str:
    """Distinct non-empty excerpts, one per line (each stays verbatim)."""
    return "\n".join(dict.fromkeys(source for source in sources if source))


def _described(actor: Actor) -> str:
    return f"{actor.name}, {_sentence(actor.role)}," if actor.role else actor.name


# ------------------------------------------------------------------ quotes


def _quote_speaker(bank: Bank, quote: Quote) -> ChoiceQuestion | None:
    speaker = bank.actor(quote.speaker)
    if speaker is None:
        return None
    question_id = f"quote:{quote.id}:speaker"
    rng = _rng(bank, question_id)
    others = sorted((a for a in bank.actors if a.id != speaker.id), key=lambda a: a.id)
    distractors = _pick_distractors(
        rng,
        speaker.name,
        [a.name for a in others if a.kind == speaker.kind],
        [a.name for a in others if a.kind != speaker.kind],
    )
    if not distractors:
        return None
    explanation = f"{_described(speaker)} said this."
    if quote.context:
        explanation += f" Context: {_sentence(quote.context)}."
    return ChoiceQuestion(
        id=question_id,
        prompt="Who said this?",
        quote=quote.text,
        choices=_choices(rng, speaker.name, distractors),
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
    4 characters, not a stopword, no apostrophe (no "Russia’s", "it’s")."""
    gaps = []
    for position, word in enumerate(_WORD.finditer(text)):
        folded = normalise_text(word.group())
        if len(folded) >= 4 and folded not in STOPWORDS and not _APOSTROPHE.search(word.group()):
            gaps.append((position, word))
    return gaps


def _weighted_choice(
    rng: random.Random, words: Sequence[tuple[int, re.Match[str]]]
) -> tuple[int, re.Match[str]]:
    """A word, longer words more likely: they tend to carry the meaning."""
    weights = [len(word.group()) for _, word in words]
    return rng.choices(words, weights=weights)[0]


def _quote_cloze(bank: Bank, quote: Quote) -> ClozeQuestion | None:
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
    speaker = bank.actor(quote.speaker)
    prompt = f"Complete what {speaker.name} said." if speaker else "Complete the quote."
    explanation = f"{_described(speaker)} said: “{quote.text}”" if speaker else quote.text
    return ClozeQuestion(
        id=question_id,
        prompt=prompt,
        parts=tuple(parts),
        gaps=tuple(ClozeGap(word.group()) for word in chosen),
        match=bank.defaults.match,
        explanation=explanation,
        source=quote.source or quote.text,
        tags=("quotes",),
        difficulty=len(chosen) + 1,
        points=bank.defaults.points,
        generated=True,
        about=(quote.id,),
    )


# ------------------------------------------------------------------ actors


def _actors_with_roles(bank: Bank) -> list[Actor]:
    """Actors with a role, sorted by id, names and roles distinct once folded."""
    with_role = sorted((a for a in bank.actors if a.role.strip()), key=lambda a: a.id)
    return list(_unique_by(with_role, lambda a: a.name, lambda a: a.role))


def _actor_role_matches(bank: Bank, actors: Sequence[Actor]) -> list[MatchQuestion]:
    if len(actors) < 2:
        return []
    questions = []
    for number, group in enumerate(_balanced_groups(actors, MAX_MATCH_GROUP), start=1):
        everyone_a_person = all(a.kind == "person" for a in group)
        questions.append(
            MatchQuestion(
                id=f"actors:roles:{number}",
                prompt="Match each person to their role."
                if everyone_a_person
                else "Match each name to its role.",
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


def _actor_role(bank: Bank, actor: Actor, actors: Sequence[Actor]) -> ChoiceQuestion | None:
    """ "Who is X?" among the roles of ``actors`` (see `_actors_with_roles`)."""
    if len(actors) < 3 or actor not in actors:
        return None
    question_id = f"actor:{actor.id}:role"
    rng = _rng(bank, question_id)
    others = [a for a in actors if a.id != actor.id]
    distractors = _pick_distractors(
        rng,
        actor.role,
        [a.role for a in others if a.kind == actor.kind],
        [a.role for a in others if a.kind != actor.kind],
    )
    if not distractors:
        return None
    return ChoiceQuestion(
        id=question_id,
        prompt=f"Who is {actor.name}?"
        if actor.kind == "person"
        else f"Which description fits {actor.name}?",
        choices=_choices(rng, actor.role, distractors),
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


def _events_in_order(bank: Bank) -> list[Event]:
    """Events by date, leaving out ties (they cannot be ordered) and repeats."""
    ordered = sorted(bank.events, key=lambda e: (e.sort_key, e.id))
    return list(_unique_by(ordered, lambda e: e.sort_key.isoformat(), lambda e: e.what))


def _event_orders(bank: Bank) -> list[OrderQuestion]:
    events = _events_in_order(bank)
    if len(events) < 3:
        return []
    questions = []
    for number, group in enumerate(_balanced_groups(events, MAX_ORDER_GROUP), start=1):
        steps = "; ".join(
            f"{number}. {_sentence(e.what)} ({e.when})" for number, e in enumerate(group, 1)
        )
        questions.append(
            OrderQuestion(
                id=f"events:order:{number}",
                prompt="Put these events in order, earliest first.",
                items=tuple(_sentence(e.what) for e in group),
                explanation=f"Earliest first: {steps}.",
                source=_sources(*(e.source for e in group)),
                tags=("dates",),
                difficulty=3 if len(group) >= 5 else 2,
                points=bank.defaults.points,
                generated=True,
                about=tuple(e.id for e in group),
            )
        )
    return questions


def _with_note(explanation: str, event: Event) -> str:
    return f"{explanation} {event.note}" if event.note else explanation


def _event_when(bank: Bank, event: Event) -> ChoiceQuestion | None:
    if len(bank.events) < 3:
        return None
    question_id = f"event:{event.id}:when"
    rng = _rng(bank, question_id)
    others = sorted(
        (e for e in bank.events if e.id != event.id and e.sort_key != event.sort_key),
        key=lambda e: (e.sort_key, e.id),
    )
    distractors = _pick_distractors(rng, event.when, [e.when for e in others])
    if not distractors:
        return None
    return ChoiceQuestion(
        id=question_id,
        prompt=f"{_sentence(event.what)}. When did this happen?",
        choices=_choices(rng, event.when, distractors),
        answer=event.when,
        explanation=_with_note(f"The source gives the time as “{event.when}”.", event),
        source=event.source,
        tags=("dates",),
        difficulty=2,
        points=bank.defaults.points,
        generated=True,
        about=(event.id,),
    )


def _event_year(bank: Bank, event: Event) -> NumberQuestion | None:
    if event.year is None or event.approximate:
        return None
    explanation = f"It happened in {event.year}."
    if normalise_text(event.when) != str(event.year):
        explanation = f"It happened in {event.year}; the source says “{event.when}”."
    return NumberQuestion(
        id=f"event:{event.id}:year",
        prompt=f"{_sentence(event.what)}. In what year did this happen?",
        answer=float(event.year),
        explanation=_with_note(explanation, event),
        source=event.source,
        tags=("dates",),
        difficulty=2,
        points=bank.defaults.points,
        generated=True,
        about=(event.id,),
    )
