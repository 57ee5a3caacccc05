"""quizapp questions -> Moodle GIFT, for Moodle and back for quizapp.

Every type GIFT can hold is written: choice, multi (with Moodle grades),
true_false, text, number (with its tolerance), match (with its
distractors), a cloze with one gap (a missing-word short answer) and open
(an essay whose general feedback is the model answer and its key points).
Order questions and clozes with several gaps are left out for Moodle, each
with its reason. The file is written for Moodle's importer as it reads GIFT:

- the question id is the GIFT title and Moodle's idnumber, tags Moodle can
  keep are Moodle tags: ``// [id:system] [tag:dates]``;
- the explanation is the general feedback; an answer a text or cloze
  question refuses on purpose (``reject``) is a short answer worth 0% with
  its feedback;
- a question with ``<``, ``>`` or ``&`` in a text is marked ``[plain]``, so
  Moodle shows it as written rather than as HTML; ``*`` in a short answer is
  escaped (``\\*``), as Moodle's wildcard;
- weights are taken from Moodle's list of grades.

Everything else goes in ``//:`` comment lines (TOML), which Moodle ignores
and `quizapp.interchange.gift.read_gift` reads back: the bank's settings and
facts first, each question's extras (source excerpt, difficulty, points,
unit, ...) before it, and the questions left out for Moodle in full at their
place. When Moodle's version of a question would read back differently
(spaces it collapses, a gap that ends the passage ...), the question is
carried in full as well. So importing the file gives back the same bank.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from quizapp import __version__
from quizapp.banks.write import bank_to_toml, default_cloze_prompt, question_to_dict, table_to_toml
from quizapp.interchange.common import ExportResult, LeftOut, Table, plural
from quizapp.interchange.gift_syntax import CARRIED, escape_gift
from quizapp.interchange.moodle import (
    equal_shares,
    essay_feedback,
    grade_text,
    is_moodle_grade,
    metadata_line,
    moodle_tag,
    nearest_grade,
)
from quizapp.model import (
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    Defaults,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OpenQuestion,
    OrderQuestion,
    Question,
    RejectedAnswer,
    TextQuestion,
    TrueFalseQuestion,
)

__all__ = ["escape_gift", "export_gift"]

_FORMAT_MARKERS = ("[moodle]", "[html]", "[plain]", "[markdown]")
#: The keys a question's GIFT text itself holds; the others are carried.
_IN_GIFT = frozenset(
    {"id", "type", "prompt", "explanation", "tags", "choices", "answer", "answers", "weights"}
    | {"accept", "text", "tolerance", "pairs", "distractors", "model_answer", "key_points"}
    | {"reject"}
)


def export_gift(bank: Bank, questions: Iterable[Question] | None = None) -> ExportResult:
    """``questions`` (default: the bank's hand-written ones) as a GIFT document."""
    chosen = tuple(bank.questions if questions is None else questions)
    out = [_head(bank)]
    left_out: list[LeftOut] = []
    approximated: list[LeftOut] = []
    written = 0
    for question in chosen:
        expected = question_to_dict(question, bank.defaults)
        reason = _why_not(question)
        if reason:
            left_out.append(LeftOut(question.id, reason))
            out.append(f"\n// Not for Moodle: {reason}.\n{_carried('[[questions]]')}")
            out.append(_carried(table_to_toml(expected)))
            continue
        body, notes = _question_gift(question)
        block = _block(question, expected, body)
        if _read_back(block) != expected:
            notes = notes or [_difference(question, block, expected)]
            block = metadata_line(question.id, _moodle_tags(question)) + _carried(
                table_to_toml(expected)
            )
            block += body + "\n"
        approximated.extend(LeftOut(question.id, note) for note in notes)
        out.append("\n" + block)
        written += 1
    omitted = {item.question_id for item in left_out}
    return ExportResult(
        "".join(out),
        written,
        tuple(left_out),
        tuple(approximated),
        _not_kept(bank, [q for q in chosen if q.id not in omitted]),
    )


def _head(bank: Bank) -> str:
    head = bank_to_toml(dataclasses.replace(bank, questions=()))
    title = " ".join(bank.title.split())  # a line break would end the comment
    return (
        f"// {title} (bank {bank.id}), written by quizapp {__version__}.\n"
        "// Moodle: Question bank > Import > GIFT format.\n"
        "// Lines starting with //: hold what Moodle has no place for (the bank's\n"
        "// settings and facts, source excerpts, difficulty ...). Moodle ignores them;\n"
        "// quizapp import reads them back.\n" + _carried(head)
    )


def _carried(toml: str) -> str:
    """TOML text as ``//:`` lines. ``[id:`` and ``[tag:`` inside its strings are
    written ``\\u005B...`` so that Moodle, which reads every comment line of a
    question, does not take them for its metadata."""
    toml = toml.replace("[id:", "\\u005Bid:").replace("[tag:", "\\u005Btag:")
    lines = toml.rstrip("\n").split("\n")
    return "".join(f"{CARRIED} {line}\n" if line else f"{CARRIED}\n" for line in lines)


def _moodle_tags(question: Question) -> list[str]:
    return [tag for tag in question.tags if moodle_tag(tag)]


def _block(question: Question, expected: Table, body: str) -> str:
    """The comment lines and GIFT text of a question written for Moodle."""
    tags = _moodle_tags(question)
    extras = {key: value for key, value in expected.items() if key not in _IN_GIFT}
    if isinstance(question, ClozeQuestion) and "prompt" in expected:
        extras["prompt"] = expected["prompt"]  # written before the passage; told apart by it
    if isinstance(question, OpenQuestion) and "explanation" in expected:
        extras["explanation"] = expected["explanation"]  # the general feedback is the model answer
    if len(tags) != len(question.tags):
        extras["tags"] = list(question.tags)
    head = metadata_line(question.id, tags)
    if extras:
        head += _carried(table_to_toml(extras))
    return head + body + "\n"


def _read_back(block: str) -> Table | None:
    """The question table quizapp reads from ``block``, or None."""
    from quizapp.interchange.gift import read_gift

    result = read_gift(block)
    if result.errors or result.skipped or len(result.pieces) != 1:
        return None
    table = result.pieces[0].table
    return {key: _plain(value) for key, value in table.items()}


def _plain(value: Any) -> Any:
    """Tuples as lists, as a question's table has them."""
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _difference(question: Question, block: str, expected: Table) -> str:
    """Why Moodle's version of ``question`` differs from quizapp's, said briefly."""
    if isinstance(question, ClozeQuestion) and not question.parts[1].strip():
        return "the gap ends the passage, so Moodle reads it as a short-answer question"
    read = _read_back(block) or {}
    keys = sorted(key for key in {*expected, *read} if expected.get(key) != read.get(key))
    return (
        f"Moodle reads its {', '.join(keys) or 'text'} differently (spaces or line breaks "
        "GIFT cannot hold); quizapp keeps the exact question in the //: lines"
    )


def _why_not(question: Question) -> str:
    """Why ``question`` cannot be written as GIFT, or ""."""
    if isinstance(question, OrderQuestion):
        return "GIFT has no ordering questions"
    if isinstance(question, ClozeQuestion) and len(question.gaps) > 1:
        return f"GIFT's missing-word questions have one gap, this cloze has {len(question.gaps)}"
    typed: tuple[str, ...] = ()
    if isinstance(question, TextQuestion):
        typed = (question.answer, *question.accept)
    elif isinstance(question, ClozeQuestion):
        typed = (question.gaps[0].answer, *question.gaps[0].accept)
    if any("->" in text for text in typed):
        return "an answer contains '->', which GIFT reads as a matching pair"
    if isinstance(question, MatchQuestion) and any("->" in left for left, _ in question.pairs):
        return "an item contains '->', which GIFT reads as the arrow of a pair"
    if (
        isinstance(question, MultiQuestion)
        and not question.weights
        and equal_shares(len(question.answers)) is None
    ):
        return (
            "Moodle's smallest grade is 5%, so its multiple-answer questions have at "
            f"most 20 right answers; this one has {len(question.answers)}"
        )
    return ""


# ------------------------------------------------------------------ writing


def _texts(question: Question) -> list[str]:
    """Every text of ``question`` that Moodle shows."""
    texts = [question.prompt, question.quote, question.explanation]
    match question:
        case ChoiceQuestion(choices=choices) | MultiQuestion(choices=choices):
            texts.extend(choices)
        case MatchQuestion(pairs=pairs, distractors=distractors):
            texts.extend(item for pair in pairs for item in pair)
            texts.extend(distractors)
        case ClozeQuestion(parts=parts):
            texts.extend(parts)
        case OpenQuestion(model_answer=model_answer, key_points=key_points):
            texts.extend((model_answer, *key_points))
    if isinstance(question, TextQuestion | ClozeQuestion):
        texts.extend(refused.feedback for refused in question.reject)
    return texts


class _Writer:
    """Writes the texts of one question in its format: ``plain`` when a text
    holds ``<``, ``>`` or ``&`` (Moodle would take it for HTML), else Moodle's
    default format."""

    def __init__(self, question: Question) -> None:
        html_like = any(char in text for text in _texts(question) for char in "<>&")
        self.marker = "[plain]" if html_like else ""

    def text(self, text: str, *, weighted: bool = False) -> str:
        """An escaped text that Moodle reads as written. One that starts like a
        format marker (``[html]``), or an answer that starts like a weight
        (``%50%``), gets an explicit marker in front; then both are text."""
        escaped = escape_gift(text)
        if text.lstrip().startswith(_FORMAT_MARKERS) or (weighted and text.lstrip()[:1] == "%"):
            return (self.marker or "[moodle]") + escaped
        return escaped

    def prompt(self, text: str) -> str:
        """The question's text, with the question's format marker."""
        escaped = escape_gift(text)
        if self.marker or text.lstrip().startswith(_FORMAT_MARKERS):
            return (self.marker or "[moodle]") + escaped
        return escaped

    def typed(self, text: str) -> str:
        """A short answer: Moodle's ``*`` wildcard escaped."""
        return self.text(text, weighted=True).replace("*", "\\*")


def _answers(lines: Iterable[str], explanation: str, write: _Writer) -> str:
    body = "".join(f"\t{line}\n" for line in lines)
    if explanation:
        body += f"\t####{write.text(explanation)}\n"
    return "{\n" + body + "}"


def _refused(refused: RejectedAnswer, write: _Writer) -> str:
    """A ``reject`` item as Moodle holds it: an answer worth 0% with its feedback."""
    feedback = f"#{write.text(refused.feedback)}" if refused.feedback else ""
    return f"=%0%{write.typed(refused.answer)}{feedback}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _multi_weights(question: MultiQuestion) -> tuple[list[float], list[str]]:
    """The Moodle grade of each choice of a multi question, and notes on the
    grades that differ from quizapp's."""
    if question.weights:
        grades = [
            weight if is_moodle_grade(weight) else nearest_grade(weight)
            for weight in question.weights
        ]
        changed = [
            f"{choice!r} {weight:g}% -> {grade_text(grade)}%"
            for choice, weight, grade in zip(
                question.choices, question.weights, grades, strict=True
            )
            if grade != weight
        ]
        notes = (
            [f"weights that are not Moodle grades are rounded: {', '.join(changed)}"]
            if changed
            else []
        )
        return grades, notes
    rights = len(question.answers)
    shares = list(equal_shares(rights) or ())
    penalty = -round(100 / rights, 5) if rights <= 10 else -nearest_grade(100 / rights)
    grades = [
        shares.pop(0) if choice in question.answers else penalty for choice in question.choices
    ]
    notes = []
    if rights > 10:
        notes.append(
            f"Moodle has no grade of 1/{rights}: the right choices weigh 10% or 5% and "
            f"the wrong ones {grade_text(penalty)}%"
        )
    return grades, notes


def _weight(grade: float, exact: bool) -> str:
    """A weight as written after ``~``: the bank's own number when Moodle
    accepts it, else Moodle's grade."""
    return _number(grade) if exact and "e" not in _number(grade) else grade_text(grade)


def _question_gift(question: Question) -> tuple[str, list[str]]:
    """One question as GIFT (the title, the text and the answers), and notes
    on what Moodle gets differently."""
    write = _Writer(question)
    prompt = f"{question.quote}\n{question.prompt}" if question.quote else question.prompt
    head = f"::{escape_gift(question.id)}::"
    explanation = question.explanation
    feedback = f"####{write.text(explanation)}" if explanation else ""
    match question:
        case ChoiceQuestion(choices=choices, answer=answer):
            lines = [("=" if c == answer else "~") + write.text(c, weighted=True) for c in choices]
            return head + write.prompt(prompt) + _answers(lines, explanation, write), []
        case MultiQuestion(choices=choices):
            grades, notes = _multi_weights(question)
            exact = bool(question.weights)
            lines = [
                f"~%{_weight(grade, exact)}%{write.text(choice, weighted=True)}"
                for choice, grade in zip(choices, grades, strict=True)
            ]
            return head + write.prompt(prompt) + _answers(lines, explanation, write), notes
        case TrueFalseQuestion(answer=answer):
            section = "{" + ("TRUE" if answer else "FALSE") + feedback + "}"
            return head + write.prompt(prompt) + section, []
        case TextQuestion(answer=answer, accept=accept, reject=reject):
            lines = ["=" + write.typed(text) for text in (answer, *accept)]
            lines.extend(_refused(refused, write) for refused in reject)
            return head + write.prompt(prompt) + _answers(lines, explanation, write), []
        case NumberQuestion(answer=answer, tolerance=tolerance):
            value = _number(answer) + (f":{_number(tolerance)}" if tolerance else "")
            return head + write.prompt(prompt) + "{#" + value + feedback + "}", []
        case MatchQuestion(pairs=pairs, distractors=distractors):
            lines = [f"={write.text(left)} -> {escape_gift(right)}" for left, right in pairs]
            lines.extend(f"= -> {escape_gift(item)}" for item in distractors)
            return head + write.prompt(prompt) + _answers(lines, explanation, write), []
        case ClozeQuestion(parts=parts, gaps=gaps):
            gap = gaps[0]
            own_prompt = question.prompt not in ("", default_cloze_prompt(1))
            before = f"{question.prompt}\n{parts[0]}" if own_prompt else parts[0]
            if question.quote:
                before = f"{question.quote}\n{before}"
            typed = ["=" + write.typed(text) for text in (gap.answer, *gap.accept)]
            section = " ".join([*typed, *(_refused(refused, write) for refused in question.reject)])
            section += f" {feedback}" if feedback else ""
            # No format marker after the answer section: Moodle would show it as text.
            return head + write.prompt(before) + "{" + section + "}" + escape_gift(parts[1]), []
        case OpenQuestion(model_answer=model_answer, key_points=key_points):
            # An essay: Moodle shows its general feedback once the question is answered.
            return head + write.prompt(prompt) + "{####" + write.text(
                essay_feedback(model_answer, key_points)
            ) + "}", []
    raise AssertionError(f"not writable as GIFT: {question!r}")


# ------------------------------------------------------------- not kept


def _not_kept(bank: Bank, written: Sequence[Question]) -> tuple[str, ...]:
    """What Moodle will not keep of the bank and the ``written`` questions."""
    typed = [q for q in written if isinstance(q, TextQuestion | ClozeQuestion)]
    counts = [
        (
            sum(1 for q in typed if q.match == "lenient"),
            "typo tolerance (lenient matching of typed answers): {}; Moodle accepts only "
            "the listed answers, ignoring case",
        ),
        (
            sum(1 for q in typed if q.match == "exact"),
            "exact matching of typed answers: {}; Moodle ignores case",
        ),
        (sum(1 for q in written if q.source), "source excerpts: {}"),
        (sum(1 for q in written if q.difficulty != 1), "difficulty: {} above 1"),
        (
            sum(1 for q in written if q.points != 1),
            "points: {} worth more than 1 (Moodle gives each its default mark)",
        ),
        (sum(1 for q in written if isinstance(q, NumberQuestion) and q.unit), "units: {}"),
        (sum(1 for q in written if q.about), "links to the facts ('about'): {}"),
        (
            sum(1 for q in written if isinstance(q, OpenQuestion)),
            "self-grading: {} (an open question becomes an essay a teacher grades)",
        ),
        (
            sum(1 for q in written if [t for t in q.tags if not moodle_tag(t)]),
            "tags Moodle cannot hold (over 50 characters, or with <, >, ` or \\): {}",
        ),
    ]
    lines = [template.format(plural(count, "question")) for count, template in counts if count]
    facts = [
        plural(len(items), name)
        for items, name in ((bank.actors, "actor"), (bank.events, "event"), (bank.quotes, "quote"))
        if items
    ]
    if facts:
        lines.append(f"facts: {', '.join(facts)}, and the questions quizapp generates from them")
    settings = [
        name
        for name, present in (
            ("description", bank.description),
            ("source", bank.source is not None),
            ("defaults", bank.defaults != Defaults()),
        )
        if present
    ]
    if settings:
        lines.append(f"the bank's {' and '.join(settings)}")
    if not lines:
        return ()
    return (
        "Moodle will not keep (quizapp import reads it back from the //: lines):",
        *(f"  - {line}" for line in lines),
    )
