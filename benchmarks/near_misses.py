"""How many of the shipped banks' near misses each grading rule refuses.

Run: ``python benchmarks/near_misses.py [--examples N]``.

The near misses are what a student might type for the typed answers of the
shipped banks (text questions and cloze gaps, generated ones included):
every right form with one of its words swapped for a word-list word within
the typo distance (one edit per word of a phrase, up to the tolerance for a
one-word answer), with a negating prefix added to or dropped from a word
where that makes a real word, with a digit changed, and, for dates, with
the day or decade moved by one. Of those, the ones that typo tolerance
alone accepts (what quizapp accepted in ``lenient`` mode before these
rules) are counted, then graded with the rules and counted by the rule that
refuses them, or as still accepted (a plural, a British spelling).

Two tables: the answers the banks mark ``lenient``, and every typed answer
as if it were ``lenient`` (some shipped date and number answers use
``normal`` only because typo tolerance used to take "July 13" for
"July 12"). Prints the tables; nothing here asserts a number.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from quizapp.banks import discover_banks
from quizapp.generate import generate_questions
from quizapp.grading import BankTerms, bank_terms
from quizapp.matching.fold import (
    ARTICLES,
    LEADING_PREPOSITIONS,
    edit_distance,
    normalise_text,
    typo_tolerance,
)
from quizapp.matching.text import RULES, match_text
from quizapp.matching.words import NEGATING_PREFIXES, english_words, real_words_near
from quizapp.model import Bank, ClozeQuestion, TextQuestion


def typed_forms(bank: Bank, every_mode: bool) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(question id, right forms) of every typed answer of ``bank`` in
    lenient mode (in any mode with ``every_mode``)."""
    for question in (*bank.questions, *generate_questions(bank)):
        if isinstance(question, TextQuestion):
            if every_mode or question.match == "lenient":
                yield question.id, (question.answer, *question.accept)
        elif isinstance(question, ClozeQuestion) and (every_mode or question.match == "lenient"):
            for gap in question.gaps:
                yield question.id, (gap.answer, *gap.accept)


def variants(form: str) -> set[str]:
    """What a student might type for ``form``: see the module docstring."""
    words = normalise_text(form).split()
    tolerance = typo_tolerance(len(" ".join(words)))
    found: set[str] = set()
    for position, word in enumerate(words):

        def swap(other: str, position: int = position) -> str:
            return " ".join([*words[:position], other, *words[position + 1 :]])

        if word.isalpha() and len(word) >= 3 and word not in (*ARTICLES, *LEADING_PREPOSITIONS):
            distance = tolerance if len(words) == 1 else 1
            found.update(swap(other) for other in real_words_near(word, max(distance, 1)))
            for prefix in NEGATING_PREFIXES:
                if prefix + word in english_words():
                    found.add(swap(prefix + word))
                if word.startswith(prefix) and word[len(prefix) :] in english_words():
                    found.add(swap(word[len(prefix) :]))
        for match in re.finditer(r"\d", word):
            digit = int(match.group())
            for other in {(digit + 1) % 10, (digit - 1) % 10}:
                changed = word[: match.start()] + str(other) + word[match.end() :]
                found.add(swap(changed))
    day = re.fullmatch(r"([a-z]+) (\d{1,2})", " ".join(words))
    if day:
        found.update(f"{day.group(1)} {int(day.group(2)) + step}" for step in (-1, 1))
    decade = re.fullmatch(r"(?:the )?(\d{3})0s", " ".join(words))
    if decade:
        found.update(f"the {int(decade.group(1)) + step}0s" for step in (-1, 1))
    found.discard(" ".join(words))
    return found


def accepted_by_typo_tolerance_alone(typed: str, forms: tuple[str, ...]) -> bool:
    """What quizapp accepted before the rules: a folded form within the typo
    tolerance of the whole folded form (articles included)."""
    folded = normalise_text(typed)
    for form in forms:
        right = normalise_text(form)
        tolerance = typo_tolerance(len(right))
        if folded == right or (tolerance and edit_distance(folded, right, tolerance) <= tolerance):
            return True
    return False


def table(banks: list[Bank], every_mode: bool, examples_per_rule: int) -> None:
    refused: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    near_misses = 0
    for bank in banks:
        terms: BankTerms = bank_terms(bank)
        for question_id, forms in typed_forms(bank, every_mode):
            right = {normalise_text(form) for form in forms}
            for form in forms:
                for typed in sorted(variants(form)):
                    if typed in right or not accepted_by_typo_tolerance_alone(typed, forms):
                        continue
                    near_misses += 1
                    result = match_text(typed, forms, "lenient", terms=terms)
                    rule = "still accepted" if result.accepted else result.rule or "other"
                    refused[rule] += 1
                    if len(examples[rule]) < examples_per_rule:
                        examples[rule].append(f"'{typed}' for '{form}' ({bank.id}/{question_id})")
    which = "every typed answer, as if lenient" if every_mode else "answers the banks mark lenient"
    print(f"{which}: {near_misses} near misses accepted by typo tolerance alone")
    print(f"  {'rule':<15} {'refused':>7}  examples")
    for rule in (*RULES, "other", "still accepted"):
        if rule in ("reject", "no typos", "other") and not refused[rule]:
            continue
        print(f"  {rule:<15} {refused[rule]:>7}  {'; '.join(examples[rule])}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2, help="examples shown per rule")
    args = parser.parse_args()
    banks = sorted(
        (bank for bank in discover_banks() if isinstance(bank, Bank)), key=lambda b: b.id
    )
    table(banks, every_mode=False, examples_per_rule=args.examples)
    table(banks, every_mode=True, examples_per_rule=args.examples)


if __name__ == "__main__":
    main()
