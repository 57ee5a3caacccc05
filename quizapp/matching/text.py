"""`match_text`: a typed answer against its right forms, with the reason for a refusal.

The rules, in the order they are tried (``exact`` mode uses the first two
only, comparing the text as typed):

1. an answer the bank refuses on purpose (``reject``) is wrong, with the
   bank's feedback;
2. an answer equal to a right form is right. Forms are folded
   (`normalise_text`), a leading preposition and article are ignored
   ("in Pennsylvania", "the Kurdish militias"), and so are spaces
   (``S400`` == ``S-400``) and British or American spelling
   ("defence"). Where the answer names an actor of the bank, the
   actor's names are right forms too, also after a title (`names`);
3. where the answer is a day or a decade, any English form of the same day
   or decade is right and any other day or decade wrong (`dates`);
4. in ``lenient`` mode, a typo (`typo_tolerance` edits) of a right form is
   right, a near miss, unless the typo makes a number different (digits
   must match exactly), another real word ("offensive" for "defensive") or
   the word with a negating prefix added or removed ("sensitivity" for
   "insensitivity"). In ``normal`` mode no typo is right, and the reason
   says which of these it was, or that the answer must be spelt right.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.matching.dates import Day, Decade, read_date, same_date
from quizapp.matching.fold import (
    edit_distance,
    normalise_text,
    strip_leading_words,
    typo_tolerance,
)
from quizapp.matching.names import actor_forms, without_title
from quizapp.matching.words import (
    american,
    is_real_word,
    negating_prefix,
    same_word_in_plural,
    same_word_spelt_differently,
)
from quizapp.model import Actor, MatchMode, RejectedAnswer

#: Why an answer that matched no rule is wrong.
NOT_ACCEPTED = "not one of the accepted answers"
_DIGITS = re.compile(r"\d+")

#: The rules that can refuse a typed answer, as `TextMatch.rule` names them.
RULES = ("reject", "date", "digits", "negation", "real word", "no typos")


@dataclass(frozen=True, slots=True)
class TextMatch:
    """How a typed answer compares with its right forms."""

    accepted: bool
    #: Accepted only thanks to typo tolerance (``lenient`` mode).
    near_miss: bool = False
    #: The right form it matched ("" when not accepted).
    matched: str = ""
    #: Why it was refused ("" when accepted).
    reason: str = ""
    #: Which rule refused it (one of `RULES`), "" when none did in particular.
    rule: str = ""


@dataclass(frozen=True, slots=True)
class BankTerms:
    """What a bank adds to the comparison: its own words (names such as
    "Cagaptay" count as real words) and its actors (`names`)."""

    words: frozenset[str] = frozenset()
    actors: tuple[Actor, ...] = ()


def _core(text: str) -> str:
    return strip_leading_words(normalise_text(text))


def _american(folded: str) -> str:
    return " ".join(american(word) for word in folded.split())


def _compact(folded: str) -> str:
    return folded.replace(" ", "")


def match_text(
    given: str,
    accepted: Sequence[str],
    mode: MatchMode,
    *,
    rejected: Sequence[RejectedAnswer] = (),
    terms: BankTerms | None = None,
) -> TextMatch:
    """Compare ``given`` with the right forms ``accepted`` (the answer first)
    in ``mode``; see the module docstring for the rules.

    An accepted form that folds to nothing (say ``"?!"``) is compared exactly.
    """
    if mode == "exact":
        return _match_exactly(given, accepted, rejected)
    terms = terms or BankTerms()
    folded = normalise_text(given)
    if not folded:
        for form in accepted:
            if not normalise_text(form) and given.strip() == form.strip():
                return TextMatch(True, matched=form)
        return TextMatch(False, reason=NOT_ACCEPTED)
    core = strip_leading_words(folded)
    for refused in rejected:
        if _core(refused.answer) in (core, folded) or _compact(_core(refused.answer)) == _compact(
            core
        ):
            return TextMatch(False, reason=_refused_on_purpose(given, refused), rule="reject")
    names = actor_forms(terms.actors, accepted)
    forms = list(dict.fromkeys((*accepted, *names.forms)))
    typed = [core]
    untitled = without_title(core) if names.person else ""
    if untitled:
        typed.append(untitled)
    spelt = [_american(text) for text in typed]
    for form in forms:
        right = _core(form)
        if not right:
            continue
        if any(text == right or _compact(text) == _compact(right) for text in typed):
            return TextMatch(True, matched=form)
        if _american(right) in spelt:
            return TextMatch(True, matched=form)
    dated = _match_date(given, core, accepted)
    if dated is not None:
        return dated
    typo = _match_typo(typed, forms, terms.words)
    if mode == "lenient" or not typo.accepted:
        return typo
    # normal mode takes no typo, but says how close the answer came.
    reason = f"'{given.strip()}' is close to '{typo.matched}', but this answer must be spelt right"
    return TextMatch(False, reason=reason, rule="no typos")


def _match_exactly(
    given: str, accepted: Sequence[str], rejected: Sequence[RejectedAnswer]
) -> TextMatch:
    typed = unicodedata.normalize("NFC", given.strip())
    for refused in rejected:
        if typed == unicodedata.normalize("NFC", refused.answer.strip()):
            return TextMatch(False, reason=_refused_on_purpose(given, refused), rule="reject")
    for form in accepted:
        if typed == unicodedata.normalize("NFC", form.strip()):
            return TextMatch(True, matched=form)
    return TextMatch(False, reason=NOT_ACCEPTED)


def _refused_on_purpose(given: str, refused: RejectedAnswer) -> str:
    return refused.feedback or f"'{given.strip()}' is not accepted for this question"


def _match_date(given: str, core: str, accepted: Sequence[str]) -> TextMatch | None:
    """The verdict of the date rule, or None when it does not apply."""
    for form in accepted:
        right = read_date(form)
        if right is None:
            continue
        typed = read_date(given)
        if typed is not None:
            if same_date(typed, right):
                return TextMatch(True, matched=form)
            kind = "day" if isinstance(right, Day) else "decade"
            reason = f"'{given.strip()}' is a different {kind} from '{form}'"
            return TextMatch(False, reason=reason, rule="date")
        if isinstance(right, Decade) and right.century_known and core == str(right.start):
            return TextMatch(True, matched=form)  # a decade named by its first year
        return None
    return None


def _match_typo(
    typed: Sequence[str], forms: Sequence[str], bank_words: frozenset[str]
) -> TextMatch:
    refusal: tuple[str, str] | None = None
    for form in forms:
        right = _core(form)
        tolerance = typo_tolerance(len(right))
        if not tolerance:
            continue
        for text in typed:
            if edit_distance(text, right, tolerance) > tolerance:
                continue
            why = why_not_a_typo(text, right, bank_words)
            if why is None:
                return TextMatch(True, near_miss=True, matched=form)
            refusal = refusal or why
    if refusal is not None:
        rule, reason = refusal
        return TextMatch(False, reason=reason, rule=rule)
    return TextMatch(False, reason=NOT_ACCEPTED)


def why_not_a_typo(
    typed: str, right: str, bank_words: frozenset[str] = frozenset()
) -> tuple[str, str] | None:
    """Why ``typed``, a few edits from ``right`` (both folded), is not a typo
    of it, as ``(rule, reason)``; None when it is one."""
    if _DIGITS.findall(typed) != _DIGITS.findall(right):
        return "digits", f"'{typed}' has other digits than '{right}': numbers must match exactly"
    typed_words, right_words = typed.split(), right.split()
    if len(typed_words) == len(right_words):
        pairs = [(t, r) for t, r in zip(typed_words, right_words, strict=True) if t != r]
    else:
        prefix = negating_prefix(_compact(typed), _compact(right))
        if prefix:
            return "negation", _negation(typed, right, prefix)
        pairs = [(t, _closest(t, right_words)) for t in typed_words if t not in right_words]
    for typed_word, right_word in pairs:
        prefix = negating_prefix(typed_word, right_word)
        if prefix:
            return "negation", _negation(typed_word, right_word, prefix)
        if same_word_in_plural(typed_word, right_word) or same_word_spelt_differently(
            typed_word, right_word
        ):
            continue
        if is_real_word(typed_word, bank_words):
            return "real word", f"'{typed_word}' is a different word from '{right_word}'"
    return None


def _closest(word: str, candidates: Sequence[str]) -> str:
    return min(candidates, key=lambda candidate: edit_distance(word, candidate))


def _negation(typed: str, right: str, prefix: str) -> str:
    if len(typed) > len(right):
        return f"'{typed}' adds '{prefix}-' to '{right}' and may mean the opposite"
    return f"'{typed}' drops the '{prefix}-' of '{right}' and may mean the opposite"
