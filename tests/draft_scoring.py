"""Scoring drafts against answer keys (tests/data/articles/*.key.toml).

A key lists an article's quotations (a part of the text and the speaker's
name), its actors (name and aliases; ``required = false`` for names a draft
may list but need not) and its time references (``when`` as written, with
``count`` when one wording makes several events, ``required = false`` for
optional ones), and ``not_quotes``: quoted words that are no quotation.

Run ``python -m tests.draft_scoring`` from the project to print the scores
of every key with what was missed and what was drafted wrongly.
"""

from __future__ import annotations

import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizapp.draft import Draft, draft_article, read_article

ARTICLES = Path(__file__).parent / "data" / "articles"
REPO_ROOT = Path(__file__).resolve().parents[1]


def fold(text: str) -> str:
    """Case, accents, quote marks and a leading "the" folded away."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))
    text = " ".join(text.casefold().split())
    return text.removeprefix("the ").rstrip(".")


@dataclass
class Ratio:
    """Right over total, as recall or precision."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """The ratio; 1.0 when there is nothing to count."""
        return self.right / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.right}/{self.total} ({self.value:.0%})"


@dataclass
class Score:
    """How a draft compares with its key."""

    name: str
    quote_speakers: Ratio = field(default_factory=Ratio)  # found with the right speaker
    quote_precision: Ratio = field(default_factory=Ratio)
    date_recall: Ratio = field(default_factory=Ratio)
    date_precision: Ratio = field(default_factory=Ratio)
    actor_recall: Ratio = field(default_factory=Ratio)
    actor_precision: Ratio = field(default_factory=Ratio)
    misses: list[str] = field(default_factory=list)

    def row(self) -> str:
        """One line of the score table."""
        return (
            f"{self.name:<22} quotes+speaker {self.quote_speakers!s:<12} "
            f"quote precision {self.quote_precision!s:<12} dates {self.date_recall!s:<12} "
            f"date precision {self.date_precision!s:<12} actors {self.actor_recall!s:<12} "
            f"actor precision {self.actor_precision}"
        )


def load_key(path: Path) -> dict[str, Any]:
    """A key file's data."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def article_path(key_path: Path, key: dict[str, Any]) -> Path:
    """The article a key is about (relative to the key, or to the project)."""
    name = str(key["article"])
    if name.startswith("../shared/"):
        return REPO_ROOT / name
    return key_path.parent / name


def draft_for(path: Path) -> Draft:
    """The draft of the article at ``path``, with a fixed reference year."""
    return draft_article(read_article(path.read_bytes(), path.name), reference_year=2020)


def _names(actor: dict[str, Any]) -> set[str]:
    return {fold(actor["name"]), *(fold(alias) for alias in actor.get("aliases", []))}


def score(draft: Draft, key: dict[str, Any], name: str) -> Score:
    """Compare ``draft`` with ``key``."""
    result = Score(name)
    key_actors = key.get("actors", [])
    drafted_names = {
        actor.id: {fold(actor.name), *map(fold, actor.aliases)} for actor in draft.actors
    }
    # Quotes: each key quote is found when a drafted quote holds its text (or
    # the other way round); right when the speaker is one of its names.
    matched: set[str] = set()
    for quote in key.get("quotes", []):
        wanted = fold(quote["text"])
        candidates = [
            q
            for q in draft.quotes
            if wanted in fold(q.text) or (fold(q.text) in wanted and len(fold(q.text)) > 3)
        ]
        speaker_names = next(
            (_names(a) for a in key_actors if fold(a["name"]) == fold(quote["speaker"])),
            {fold(quote["speaker"])},
        )
        result.quote_speakers.total += 1
        for candidate in candidates:
            matched.add(candidate.id)
        right = [
            c
            for c in candidates
            if c.speaker is not None and drafted_names.get(c.speaker, set()) & speaker_names
        ]
        if right:
            result.quote_speakers.right += 1
        elif candidates:
            result.misses.append(
                f"quote “{quote['text'][:40]}”: "
                f"speaker {candidates[0].speaker}, not {quote['speaker']}"
            )
        else:
            result.misses.append(f"quote “{quote['text'][:40]}” not found")
    result.quote_precision = Ratio(len(matched), len(draft.quotes))
    for quote in draft.quotes:
        if quote.id not in matched:
            result.misses.append(f"not a quote in the key: “{quote.text[:50]}”")
    # Dates: by wording; a wording counts as many times as the key says.
    drafted_whens: dict[str, int] = {}
    for event in draft.events:
        drafted_whens[fold(event.when)] = drafted_whens.get(fold(event.when), 0) + 1
    optional = 0
    for date in key.get("dates", []):
        count = int(date.get("count", 1))
        have = drafted_whens.get(fold(date["when"]), 0)
        took = min(count, have)
        drafted_whens[fold(date["when"])] = have - took
        if date.get("required", True):
            result.date_recall.total += count
            result.date_recall.right += took
            if took < count:
                result.misses.append(f"date “{date['when']}” not found")
        else:
            optional += took
    extra = {when: n for when, n in drafted_whens.items() if n}
    result.misses.extend(f"not a date in the key: “{when}”" for when in extra)
    result.date_precision = Ratio(len(draft.events) - sum(extra.values()), len(draft.events))
    # Actors: found when a drafted name or alias is one of the key's names.
    for actor in key_actors:
        names = _names(actor)
        found = any(names & drafted for drafted in drafted_names.values())
        if actor.get("required", True):
            result.actor_recall.total += 1
            result.actor_recall.right += int(found)
            if not found:
                result.misses.append(f"actor {actor['name']} not found")
    good = 0
    for actor in draft.actors:
        if any(_names(known) & drafted_names[actor.id] for known in key_actors):
            good += 1
        else:
            result.misses.append(f"not an actor in the key: {actor.name} ({actor.kind})")
    result.actor_precision = Ratio(good, len(draft.actors))
    return result


def keys() -> list[Path]:
    """Every answer key."""
    return sorted(ARTICLES.glob("*.key.toml"))


def main() -> int:
    """Print the score of every key whose article is there, with its misses."""
    for key_path in keys():
        key = load_key(key_path)
        path = article_path(key_path, key)
        if not path.is_file():
            print(f"{key_path.name}: article {path} missing")
            continue
        result = score(draft_for(path), key, key_path.name.removesuffix(".key.toml"))
        print(result.row())
        for miss in result.misses:
            print(f"    {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
