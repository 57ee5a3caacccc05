"""Real words: the English word list, negating prefixes and plural endings.

A typo that turns the answer into another real word is not a typo: it is a
different answer ("offensive" for "defensive"). The word list is the English
dictionary of pyspellchecker (about 160,000 words with their inflections:
"trains", "created"), read from the package's own data, never from the
network, the first time a near miss needs it (about 0.1 s).
"""

from __future__ import annotations

import functools
import re

#: Prefixes that turn a word into its opposite ("insensitivity").
NEGATING_PREFIXES = ("anti", "non", "dis", "un", "in", "im", "ir", "il", "a")
#: Endings that make the plural (or third person) of a word: "militia" and
#: "militias" are the same word for grading.
PLURAL_ENDINGS = ("s", "es")


@functools.cache
def english_words() -> frozenset[str]:
    """Every word of the English word list, lower case."""
    from spellchecker import SpellChecker  # imported only when a near miss needs it

    return frozenset(word.casefold() for word in SpellChecker(language="en"))


def _edits(word: str) -> set[str]:
    """Every string one edit (a letter dropped, swapped, changed or added) from ``word``."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {left + right[1:] for left, right in splits if right}
        | {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
        | {left + c + right[1:] for left, right in splits if right for c in letters}
        | {left + c + right for left, right in splits for c in letters}
    )


def real_words_near(word: str, edits: int) -> frozenset[str]:
    """The English words (other than ``word``) within ``edits`` (1 or 2)
    typos of a folded word: what the real-word rule refuses in its place.
    For tests and benchmarks: it costs about 0.2 s for a long word and 2 edits."""
    words = english_words()
    near = _edits(word)
    found = {candidate for candidate in near if candidate in words}
    if edits > 1:
        for candidate in near:
            found.update(other for other in _edits(candidate) if other in words)
    found.discard(word)
    return frozenset(found)


def is_real_word(word: str, bank_words: frozenset[str] = frozenset()) -> bool:
    """Whether a folded word is an English word or one of the bank's own words."""
    return word in bank_words or word in english_words()


def negating_prefix(typed: str, answer: str) -> str:
    """The negating prefix that ``typed`` adds to ``answer`` or drops from it
    ("" when it does neither): ``negating_prefix("sensitivity", "insensitivity")``
    is ``"in"``."""
    longer, shorter = (typed, answer) if len(typed) > len(answer) else (answer, typed)
    for prefix in NEGATING_PREFIXES:
        if shorter and longer == prefix + shorter:
            return prefix
    return ""


def same_word_in_plural(a: str, b: str) -> bool:
    """Whether two folded words differ only by a plural ending ("militia", "militias")."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer == shorter + ending for ending in PLURAL_ENDINGS)


#: British spellings and their American forms (applied to both words being
#: compared, so either spelling of a word is the same word).
_SPELLINGS = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(?<=\w{3})our(?=s?$|ed$|ing$|ite|able|ful)", "or"),  # colour, favourite
        (r"(?<=\w{2})is(?=e$|es$|ed$|ing$|ation)", "iz"),  # organise, organisation
        (r"(?<=\w{2})ys(?=e$|es$|ed$|ing$)", "yz"),  # analyse
        (r"(?<=\w{2})tre(?=s?$)", "ter"),  # centre, metres
        (r"(?<=\w{3})ence(?=s?$)", "ense"),  # defence, licence
        (r"(?<=\w{3})ogue(?=s?$)", "og"),  # catalogue
    )
)


def american(word: str) -> str:
    """A folded word in American spelling: ``defence`` -> ``defense``."""
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


def same_word_spelt_differently(a: str, b: str) -> bool:
    """Whether two folded words are British and American spellings of one word."""
    return american(a) == american(b)
