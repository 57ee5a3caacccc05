"""What the quiz says after an answer and at the end: the verdict, the answer
given and the right one, why, and the results. No Textual.

Both front ends show the same words: the TUI draws each `Span` with a style
for its `Tone` (`quizapp.tui.text.line_content`), the plain quiz
(``quizapp quiz --plain``) prints the text alone. A span's text is bank or
user text or words of ours; it is never markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from quizapp.display import quoted
from quizapp.grading import Grade, normalise_text
from quizapp.model import SELF_GRADE_FRACTIONS, SELF_GRADE_LABELS, OpenQuestion, Question
from quizapp.session import AnswerRecord, QuizKind, QuizSession
from quizapp.usecases.formatting import format_duration, format_percent, format_score

#: How a span is meant to look: ``right``/``partly``/``wrong``/``skipped``
#: for a verdict, ``quote`` for a quotation (drawn between quotation marks),
#: ``label`` for the words before a value, the others as they say.
Tone = Literal[
    "",
    "bold",
    "label",
    "italic",
    "quote",
    "success",
    "accent",
    "right",
    "partly",
    "wrong",
    "skipped",
]

#: What the plain quiz and Results call the time of a quiz, and what it counts.
TIME_TAKEN = "Time answering"
TIME_NOTE = "the time reading feedback is not counted"

#: What each kind of quiz is called where it is labelled ("" for a plain quiz).
QUIZ_KIND_LABELS: dict[QuizKind, str] = {
    "quiz": "",
    "review": "Review of mistakes",
    "retry": "Retry of missed questions",
}


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text and how it is meant to look."""

    text: str
    tone: Tone = ""


#: One line of feedback.
Line = tuple[Span, ...]


def line(*parts: str | tuple[str, Tone] | Span) -> Line:
    """A `Line` from texts (no tone), (text, tone) pairs and spans."""
    return tuple(
        part if isinstance(part, Span) else Span(part) if isinstance(part, str) else Span(*part)
        for part in parts
    )


def plain(lines: Iterable[Line]) -> str:
    """The lines as plain text, one per line, quotations between quotation
    marks (for the plain quiz and for tests)."""
    return "\n".join(
        "".join(quoted(span.text) if span.tone == "quote" else span.text for span in spans)
        for spans in lines
    )


def self_grade_label(grade: Grade) -> str:
    """``All of it``, ``Some of it`` or ``None of it``: the student's own
    grade of an open answer, read back from its score."""
    fraction = grade.score / grade.max_score if grade.max_score else 0.0
    closest = min(SELF_GRADE_FRACTIONS, key=lambda g: abs(SELF_GRADE_FRACTIONS[g] - fraction))
    return dict(SELF_GRADE_LABELS)[closest]


def verdict(grade: Grade) -> Line:
    """``✓ Correct  1 / 1 points``, ``◐ Partly correct: 1 / 2 points``,
    ``✗ Wrong  0 / 1 points`` or ``→ Skipped``; a self-graded answer says so."""
    if grade.skipped:
        return line(("→ Skipped", "skipped"))
    points = f"{format_score(grade.score, grade.max_score)} points"
    own = (("  graded by you", "label"),) if grade.self_graded else ()
    if grade.verdict == "correct":
        return line(("✓ Correct", "right"), (f"  {points}", "label"), *own)
    if grade.verdict == "partial":
        return line((f"◐ Partly correct: {points}", "partly"), *own)
    return line(("✗ Wrong", "wrong"), (f"  {points}", "label"), *own)


def answer_lines(record: AnswerRecord, *, model_answer: bool = True) -> list[Line]:
    """What was given and the right answer: the form an answer was accepted
    as ("Accepted 'turkiye' as Turkey"), a near miss, the exact value of a
    number within tolerance, why a wrong answer is wrong, and a ✓ or ✗ per
    gap or pair. An open question shows what was written, the student's own
    grade and the model answer (unless not ``model_answer``: it was shown
    before the student graded their answer); its key points are `key_points`."""
    grade = record.grade
    if isinstance(record.question, OpenQuestion):
        told = _open_answer_lines(record.question, grade)
        return told if model_answer or grade.skipped else told[:-1]
    if grade.skipped:
        return [line(("Correct answer: ", "bold"), (grade.expected, "bold"))]
    lines: list[Line] = []
    if grade.correct:
        lines.append(accepted_as(grade.given, grade.expected, grade.near_miss))
        if grade.exact:
            lines.append(line(("The exact value: ", "bold"), grade.exact))
    else:
        lines.append(line(("Your answer: ", "label"), grade.given))
    lines.extend(part_lines(grade))
    if not grade.correct:
        if grade.reason and not grade.parts:
            lines.append(line(("Why: ", "label"), grade.reason))
        lines.append(line(("Correct answer: ", "bold"), (grade.expected, "bold")))
    return lines


def _open_answer_lines(question: OpenQuestion, grade: Grade) -> list[Line]:
    lines: list[Line] = []
    if not grade.skipped:
        written = Span(grade.given) if grade.given else Span("(nothing written)", "italic")
        lines.append(line(("Your answer: ", "label"), written))
        lines.append(line(("Your grade: ", "label"), self_grade_label(grade)))
    lines.append(line(("Model answer: ", "bold"), question.model_answer))
    return lines


def key_points(question: Question) -> tuple[str, ...]:
    """The points a good answer to an open question covers (none for the others)."""
    return question.key_points if isinstance(question, OpenQuestion) else ()


def accepted_as(given: str, expected: str, near_miss: bool) -> Line:
    """``Your answer: X`` when it is the right answer as written, else
    ``Accepted 'turkiye' as Turkey`` naming the canonical answer (and
    saying when it was a near miss)."""
    if normalise_text(given) == normalise_text(expected) and not near_miss:
        return line(("Your answer: ", "label"), given)
    pieces = line(("Accepted ", "success"), f"'{given}'", (" as ", "success"), (expected, "bold"))
    if near_miss:
        pieces += line((" (a near miss: mind the spelling)", "label"))
    return pieces


def part_lines(grade: Grade) -> list[Line]:
    """A ✓ or ✗ line per gap (cloze) or pair (match)."""
    lines = []
    for part in grade.parts:
        mark = Span("✓ ", "right") if part.correct else Span("✗ ", "wrong")
        given = Span(part.given) if part.given else Span("(empty)", "label")
        pieces = line(mark, (part.label, "bold"), ": ", given)
        if part.correct and normalise_text(part.given) != normalise_text(part.expected):
            pieces += line((" accepted as ", "label"), part.expected)
        elif not part.correct:
            pieces += line(("  right: ", "label"), part.expected)
            if part.reason and part.given:
                pieces += line((" — ", "label"), (part.reason, "label"))
        lines.append(pieces)
    return lines


# ------------------------------------------------------------------ results


def quiz_kind_label(kind: QuizKind) -> str:
    """What a quiz of this kind is called ("" for a plain quiz)."""
    return QUIZ_KIND_LABELS[kind]


def summary_lines(session: QuizSession) -> list[Line]:
    """The score and percentage, how the answers went and the time taken:

    ``2 / 3 points  67%`` · ``3 questions · 2 right · 1 wrong`` ·
    ``Time answering: 42 s (the time reading feedback is not counted)``."""
    records = session.records
    right = sum(1 for r in records if r.grade.correct)
    skipped = sum(1 for r in records if r.grade.skipped)
    partly = sum(1 for r in records if not r.grade.skipped and r.grade.verdict == "partial")
    wrong = len(records) - right - skipped - partly
    own = sum(1 for r in records if r.grade.self_graded)
    counts = [f"{len(records)} question{'s' if len(records) != 1 else ''}", f"{right} right"]
    if partly:
        counts.append(f"{partly} partly right")
    counts.append(f"{wrong} wrong")
    if skipped:
        counts.append(f"{skipped} skipped")
    if own:
        counts.append(f"{own} graded by you")
    return [
        line(
            (f"{format_score(session.score, session.max_score)} points", "bold"),
            "  ",
            (format_percent(session.percent), "accent"),
        ),
        line(" · ".join(counts)),
        line(
            (f"{TIME_TAKEN}: ", "label"),
            format_duration(session.seconds),
            (f" ({TIME_NOTE})", "label"),
        ),
    ]


def missed_mark(grade: Grade) -> Span:
    """``✗`` (wrong), ``◐`` (partly right) or ``→`` (skipped)."""
    if grade.skipped:
        return Span("→", "skipped")
    return Span("◐", "partly") if grade.verdict == "partial" else Span("✗", "wrong")


def missed_lines(record: AnswerRecord) -> list[Line]:
    """A missed question (after its `missed_mark`): its prompt and quote,
    the right answer, and what was given with its score."""
    grade, question = record.grade, record.question
    prompt = line(question.prompt or question.id)
    if question.quote:
        prompt += line(" ", (question.quote, "quote"))
    if grade.skipped:
        given = Span("skipped", "italic")
    elif isinstance(question, OpenQuestion) and not grade.given:
        given = Span("(nothing written)", "italic")
    else:
        given = Span(grade.given)
    score = f"  ({format_score(grade.score, grade.max_score)}"
    score += f", graded by you: {self_grade_label(grade).lower()})" if grade.self_graded else ")"
    right = "Model answer: " if isinstance(question, OpenQuestion) else "Correct answer: "
    return [
        prompt,
        line((right, "bold"), grade.expected),
        line(("You: ", "label"), given, (score, "label")),
    ]
