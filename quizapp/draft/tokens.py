"""Words and sentences of an article, with their offsets in its text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.draft.lexicon import COMMON_WORDS, word_set

#: A word: dotted abbreviations (U.S.), or letters and digits joined by
#: apostrophes, hyphens, periods or ampersands; anything else is one mark.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_](?:[^\W_]|[’'\-.&](?=[^\W_]))*|[^\w\s]")
#: The end of a sentence: closing punctuation, closing marks, then space.
_BOUNDARY = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+[\"“‘'(\[]?[^\W_])")
_ABBREVIATIONS = word_set(
    """mr mrs ms dr st sen rep gov gen col lt capt sgt adm prof rev jr sr inc corp ltd co
    no vs etc jan feb mar apr aug sept sep oct nov dec mt ft approx e.g i.e cf fig
    messrs mme pp vol ed eds est"""
)
_POSSESSIVE = ("’s", "'s")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or a punctuation mark: ``text[start:end]``."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        """Whether the token is a word (not a punctuation mark)."""
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        """A word that starts with a capital letter."""
        return self.text[0].isupper()

    @property
    def base(self) -> str:
        """The word without a possessive ending (Turkey’s -> Turkey)."""
        if self.text.endswith(_POSSESSIVE):
            return self.text[:-2]
        if self.text.endswith("s’") or self.text.endswith("s'"):
            return self.text[:-1]
        return self.text

    @property
    def possessive(self) -> bool:
        """Whether the word ends with a possessive (’s)."""
        return self.base != self.text


def tokenize(text: str) -> list[Token]:
    """Every word and punctuation mark of ``text``, in order."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


class TokenIndex:
    """Tokens of a text, found by offset."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self._starts = [token.start for token in tokens]

    def first_at_or_after(self, offset: int) -> int:
        """The index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self._starts, offset)

    def between(self, start: int, end: int) -> range:
        """Indexes of the tokens that lie inside ``[start, end)``."""
        first = self.first_at_or_after(start)
        last = first
        while last < len(self.tokens) and self.tokens[last].end <= end:
            last += 1
        return range(first, last)


def split_sentences(
    text: str, start: int, end: int, protected: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as ``(start, end)`` spans.

    A sentence ends at ``.``, ``!``, ``?`` (and closing quotation marks)
    followed by a space and a capital, a digit or an opening mark, except
    after an abbreviation (Mr., Gen., Jan.) or an initial, and never inside
    a ``protected`` span (a quotation, when sentences are taken whole with
    the quotes they hold).
    """
    sentences = []
    begin = start
    starts = [span[0] for span in protected]
    for match in _BOUNDARY.finditer(text, start, end):
        cut = match.end()
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and protected[index][0] < match.start() and cut < protected[index][1]:
            continue
        if not _ends_sentence(text, match.start(), cut):
            continue
        sentences.append(_trimmed(text, begin, cut))
        begin = cut
    if begin < end:
        sentences.append(_trimmed(text, begin, end))
    return [span for span in sentences if span[0] < span[1]]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_sentence(text: str, stop: int, cut: int) -> bool:
    """Whether the mark at ``stop`` ends a sentence (not an abbreviation)."""
    if text[stop] != ".":
        return True
    word_start = stop
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:stop]
    if not word:
        return True
    if len(word) == 1 and word.isupper():
        return False  # an initial: "George W. Bush"
    if word.casefold() in _ABBREVIATIONS:
        return False
    if "." in word and all(part.isalpha() and len(part) <= 2 for part in word.split(".")):
        # A dotted abbreviation (U.S., U.K.) ends a sentence only before a
        # word that commonly starts one.
        following = re.match(r"\s+[\"“‘']?([^\W_]+)", text[cut : cut + 40])
        return bool(following and following.group(1).casefold() in COMMON_WORDS)
    return True
