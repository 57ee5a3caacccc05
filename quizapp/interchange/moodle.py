"""What Moodle accepts, shared by the GIFT reader and writer: answer grades,
the ``// [id:...] [tag:...]`` metadata line, and which tags it keeps.

Moodle's question import refuses an answer grade that is not in its list
(100%, 90%, 83.33333%, ... 5%, and the same negated), and with "stop on
error" the whole file with it. Its tags have at most 50 characters and no
``<``, ``>``, backquote or control character.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "equal_shares",
    "essay_feedback",
    "essay_model_answer",
    "grade_text",
    "is_moodle_grade",
    "metadata_line",
    "moodle_tag",
    "nearest_grade",
    "read_metadata",
    "weights_from_gift",
]

#: Moodle's answer grades as fractions of full marks (its "fraction options").
_FRACTIONS = (
    1.0,
    0.9,
    0.8333333,
    0.8,
    0.75,
    0.7,
    0.6666667,
    0.6,
    0.5,
    0.4,
    0.3333333,
    0.3,
    0.25,
    0.2,
    0.1666667,
    0.1428571,
    0.125,
    0.1111111,
    0.1,
    0.05,
    0.0,
)
_GRADES = tuple(sorted({*_FRACTIONS, *(-f for f in _FRACTIONS)}))
#: How close a weight must be to a grade for Moodle to take it as that grade.
_GRADE_SLACK = 0.00001
#: How close GIFT weights must be to quizapp's own rule to be read as it.
_RULE_SLACK = 0.05


def is_moodle_grade(percent: float) -> bool:
    """Whether Moodle accepts ``percent`` (e.g. 33.33333) as an answer grade."""
    return any(abs(percent / 100 - grade) < _GRADE_SLACK for grade in _GRADES)


def nearest_grade(percent: float) -> float:
    """The Moodle grade closest to ``percent``, as a percentage."""
    return min(_GRADES, key=lambda grade: abs(percent / 100 - grade)) * 100


def grade_text(percent: float) -> str:
    """``percent`` written as GIFT reads it: ``50``, ``-12.5``, ``33.33333``."""
    text = f"{percent:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def equal_shares(rights: int) -> tuple[float, ...] | None:
    """Moodle grades for ``rights`` right answers that add up to 100% and are
    as equal as Moodle's list allows; None when there is no such set (more
    than 20 right answers: Moodle's smallest grade is 5%)."""
    if 1 <= rights <= 10:
        return (round(100 / rights, 5),) * rights
    if rights <= 20:
        # Moodle has no 1/11 .. 1/19: 10% and 5% grades, as many of each as add up to 100.
        tens = 20 - rights
        return (10.0,) * tens + (5.0,) * (rights - tens)
    return None


def weights_from_gift(weights: Sequence[float]) -> tuple[float, ...]:
    """The ``weights`` of a multi question read from GIFT answer weights:
    ``()`` when they are quizapp's own rule (each right answer 1/N, each wrong
    one -1/N), so the bank stays without weights; else the weights as read."""
    rights = sum(1 for weight in weights if weight > 0)
    if rights:
        share = 100 / rights
        if all(
            abs(weight - share) < _RULE_SLACK if weight > 0 else abs(weight + share) < _RULE_SLACK
            for weight in weights
        ):
            return ()
    return tuple(weights)


# ----------------------------------------------------------------- metadata

_ID = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f\x7f])+)\]")
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f\x7f])*)\]")
_TAG_LIMIT = 50


def read_metadata(comments: str) -> tuple[str, list[str]]:
    """The idnumber and tags that Moodle reads from a question's comment lines
    (``// [id:myid] [tag:a] [tag:b]``): the first ``[id:]``, every ``[tag:]``."""
    found = _ID.search(comments)
    idnumber = found.group(1).strip().replace("\\]", "]") if found else ""
    tags = [match.group(1).strip().replace("\\]", "]") for match in _TAG.finditer(comments)]
    return idnumber, [tag for tag in tags if tag]


def moodle_tag(tag: str) -> bool:
    """Whether Moodle keeps ``tag`` as it is written."""
    return (
        0 < len(tag) <= _TAG_LIMIT
        and " ".join(tag.split()) == tag
        and not any(char in "<>`\\" or ord(char) < 32 or ord(char) == 127 for char in tag)
    )


def metadata_line(idnumber: str, tags: Sequence[str]) -> str:
    """``// [id:...] [tag:...] ...`` (with a newline), or "" when there is nothing."""
    bits = [f"[id:{idnumber.replace(']', chr(92) + ']')}]"] if idnumber else []
    bits.extend(f"[tag:{tag.replace(']', chr(92) + ']')}]" for tag in tags)
    return "// " + " ".join(bits) + "\n" if bits else ""


# ------------------------------------------------------------------ essays

_KEY_POINTS = "Key points:"
_KEY_POINT_LINES = re.compile(r"(?:^|\n\n)Key points:((?:\n- [^\n]*)+)$")


def essay_feedback(model_answer: str, key_points: Sequence[str]) -> str:
    """An open question's model answer and key points as the general feedback
    of a Moodle essay: the answer, then ``Key points:`` and a line ``- point``
    for each."""
    if not key_points:
        return model_answer
    return f"{model_answer}\n\n{_KEY_POINTS}" + "".join(f"\n- {point}" for point in key_points)


def essay_model_answer(feedback: str) -> tuple[str, list[str]]:
    """The model answer and key points in an essay's general feedback (see
    `essay_feedback`)."""
    found = _KEY_POINT_LINES.search(feedback)
    if not found:
        return feedback, []
    points = [line[2:].strip() for line in found.group(1).split("\n") if line]
    return feedback[: found.start()].strip(), points
