"""Folding typed text, leading words that do not count, and typo distance."""

from __future__ import annotations

import functools
import re
import unicodedata

#: Letters that have no Unicode decomposition but read as a plain Latin letter.
_EXTRA_FOLDS = str.maketrans(
    {"ı": "i", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th"}
)
_SPACES = re.compile(r"\s+")

#: Articles ignored at the start of a typed answer ("the Kurdish militias").
ARTICLES = ("the", "a", "an")
#: Prepositions ignored at the start of a typed answer ("in Pennsylvania",
#: "on July 12"). Only those that never change what a place or date names:
#: "before 2016" or "since 2016" are not "2016".
LEADING_PREPOSITIONS = ("in", "on", "at", "during")


@functools.lru_cache(maxsize=4096)
def normalise_text(text: str) -> str:
    """Fold a text answer for comparison.

    NFKD with combining marks (accents) removed, case folded, punctuation,
    hyphens and other separators turned into spaces, whitespace collapsed and
    stripped: ``normalise_text("  Erdoğan's S-400! ") == "erdogan s s 400"``.
    Symbols such as ``+`` or ``%`` are kept.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_EXTRA_FOLDS)
    out: list[str] = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category.startswith("M"):
            continue
        if category.startswith(("P", "Z", "C")):
            out.append(" ")
        else:
            out.append(char)
    return _SPACES.sub(" ", "".join(out)).strip()


def strip_leading_words(folded: str) -> str:
    """A folded answer without a leading preposition and article
    (`LEADING_PREPOSITIONS`, `ARTICLES`): ``"in the 1950s"`` -> ``"1950s"``.

    Something always remains: ``"the"`` alone stays ``"the"``. "a" and "an"
    are articles only before a word (``"a 10"`` stays: it may be the A-10).
    """
    words = folded.split(" ")
    start = 0
    if len(words) > start + 1 and words[start] in LEADING_PREPOSITIONS:
        start += 1
    if len(words) > start + 1 and words[start] in ARTICLES:
        following = words[start + 1]
        if words[start] == "the" or following[:1].isalpha():
            start += 1
    return " ".join(words[start:])


def typo_tolerance(folded_length: int) -> int:
    """How many typos `lenient` accepts in an answer of this folded length:
    none up to 3 characters, 1 up to 7, 2 beyond."""
    if folded_length <= 3:
        return 0
    return 1 if folded_length <= 7 else 2


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): insertions,
    deletions, substitutions and swaps of two adjacent characters each count 1.

    With ``limit``, any distance above it is reported as ``limit + 1``. The
    work is then linear: only the cells within ``limit`` of the diagonal are
    computed, after a common beginning and end are set aside, so a long
    answer compared with a long right answer costs ``len * (2 * limit + 1)``.
    """
    start = 0
    shortest = min(len(a), len(b))
    while start < shortest and a[start] == b[start]:
        start += 1
    end = 0
    while end < shortest - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start : len(a) - end], b[start : len(b) - end]
    if limit is None:
        limit = max(len(a), len(b))  # no distance is larger
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if not a or not b:
        return max(len(a), len(b))
    too_far = limit + 1
    width = 2 * limit + 1
    # Row i keeps the cells j = i - limit + k for k in range(width); cells
    # further from the diagonal are at least `too_far` away.
    previous2: list[int] = []
    previous = [k - limit if limit <= k <= limit + len(b) else too_far for k in range(width)]
    for i, char_a in enumerate(a, start=1):
        current = [too_far] * width
        for k in range(width):
            j = i - limit + k
            if j < 0 or j > len(b):
                continue
            if j == 0:
                current[k] = min(i, too_far)
                continue
            char_b = b[j - 1]
            value = previous[k] + (char_a != char_b)
            if k + 1 < width:
                value = min(value, previous[k + 1] + 1)
            if k:
                value = min(value, current[k - 1] + 1)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[k] + 1)
            current[k] = min(value, too_far)
        # Each row only grows from the two rows above it, so once both are
        # past the limit every later row is too.
        if min(current) == too_far and min(previous) >= limit:
            return too_far
        previous2, previous = previous, current
    return previous[len(b) - len(a) + limit]
