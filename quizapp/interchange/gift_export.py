"""quizapp questions -> Moodle GIFT.

Every type GIFT can hold is written: choice, multi (weights 100/N for each
right choice and -100/N for each wrong one, which is quizapp's own rule),
true_false, text, number (with its tolerance), match, and a cloze with one
gap (a missing-word short answer). Cloze passages with several gaps and
order and open questions are left out, each with its reason.

The question id becomes the GIFT title, the explanation the general
feedback. What GIFT cannot hold (tags, source excerpt, difficulty, points,
unit ...) goes in a ``// quizapp: {json}`` comment that Moodle ignores and
`quizapp.interchange.gift.read_gift` reads back, so a round trip keeps it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from quizapp import __version__
from quizapp.banks.write import default_cloze_prompt
from quizapp.interchange.common import ExportResult, LeftOut
from quizapp.model import (
    Bank,
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OpenQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
    TrueFalseQuestion,
)

__all__ = ["escape_gift", "export_gift"]

_SPECIAL = "~=#{}:"
_FORMAT_MARKERS = ("[moodle]", "[html]", "[plain]", "[markdown]")


def escape_gift(text: str) -> str:
    """``text`` with GIFT's special characters escaped and line breaks as ``\\n``."""
    out = text.replace("\\", "\\\\").replace("\r\n", "\n").replace("\r", "\n")
    for char in _SPECIAL:
        out = out.replace(char, "\\" + char)
    return out.replace("\n", "\\n")


def _text(text: str) -> str:
    """An escaped text that Moodle reads as written. One that starts like a
    format marker (``[html]``) or a weight (``%50%``) gets an explicit
    ``[moodle]`` marker in front, after which both are plain text."""
    escaped = escape_gift(text)
    if text.lstrip().startswith((*_FORMAT_MARKERS, "%")):
        return "[moodle]" + escaped
    return escaped


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _weight(share: float) -> str:
    return f"{share:.5f}".rstrip("0").rstrip(".")


def _cloze_prompt(question: ClozeQuestion) -> bool:
    """Whether a cloze has a prompt of its own (not the loader's default)."""
    return question.prompt not in ("", default_cloze_prompt(len(question.gaps)))


def _hint(question: Question) -> str:
    """The ``// quizapp:`` comment for what GIFT cannot hold, or ""."""
    data: dict[str, object] = {}
    if question.tags:
        data["tags"] = list(question.tags)
    if question.source:
        data["source"] = question.source
    if question.difficulty != 1:
        data["difficulty"] = question.difficulty
    if question.points != 1:
        data["points"] = question.points
    if question.quote:
        data["quote"] = question.quote
    if question.about:
        data["about"] = list(question.about)
    if isinstance(question, NumberQuestion) and question.unit:
        data["unit"] = question.unit
    if isinstance(question, TextQuestion | ClozeQuestion) and question.match != "normal":
        data["match"] = question.match
    if isinstance(question, ClozeQuestion) and _cloze_prompt(question):
        data["prompt"] = question.prompt
    if not data:
        return ""
    return "// quizapp: " + json.dumps(data, ensure_ascii=False) + "\n"


def _answers(lines: Iterable[str], explanation: str) -> str:
    body = "".join(f"\t{line}\n" for line in lines)
    if explanation:
        body += f"\t####{_text(explanation)}\n"
    return "{\n" + body + "}"


def _why_not(question: Question) -> str:
    """Why ``question`` cannot be written as GIFT, or ""."""
    if isinstance(question, OrderQuestion):
        return "GIFT has no ordering questions"
    if isinstance(question, OpenQuestion):
        return "open questions are not written as GIFT yet"
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
    return ""


def _question_gift(question: Question) -> str:
    """One question as GIFT (the title line, the text and the answers)."""
    prompt = f"{question.quote}\n{question.prompt}" if question.quote else question.prompt
    head = f"::{escape_gift(question.id)}::"
    explanation = question.explanation
    match question:
        case ChoiceQuestion(choices=choices, answer=answer):
            lines = [("=" if c == answer else "~") + _text(c) for c in choices]
            return head + _text(prompt) + _answers(lines, explanation)
        case MultiQuestion(choices=choices, answers=answers):
            share = _weight(100 / len(answers))
            lines = [
                f"~%{share}%{_text(c)}" if c in answers else f"~%-{share}%{_text(c)}"
                for c in choices
            ]
            return head + _text(prompt) + _answers(lines, explanation)
        case TrueFalseQuestion(answer=answer):
            feedback = f"####{_text(explanation)}" if explanation else ""
            return head + _text(prompt) + "{" + ("TRUE" if answer else "FALSE") + feedback + "}"
        case TextQuestion(answer=answer, accept=accept):
            lines = ["=" + _text(text) for text in (answer, *accept)]
            return head + _text(prompt) + _answers(lines, explanation)
        case NumberQuestion(answer=answer, tolerance=tolerance):
            value = _number(answer) + (f":{_number(tolerance)}" if tolerance else "")
            feedback = f"####{_text(explanation)}" if explanation else ""
            return head + _text(prompt) + "{#" + value + feedback + "}"
        case MatchQuestion(pairs=pairs):
            lines = [f"={_text(left)} -> {escape_gift(right)}" for left, right in pairs]
            return head + _text(prompt) + _answers(lines, explanation)
        case ClozeQuestion(parts=parts, gaps=gaps):
            gap = gaps[0]
            lines = ["=" + _text(text) for text in (gap.answer, *gap.accept)]
            before = f"{question.prompt}\n{parts[0]}" if _cloze_prompt(question) else parts[0]
            if question.quote:
                before = f"{question.quote}\n{before}"
            section = " ".join(lines)
            if explanation:
                section += f" ####{_text(explanation)}"
            return head + _text(before) + "{" + section + "}" + _text(parts[1])
    raise AssertionError(f"not writable as GIFT: {question!r}")


def export_gift(bank: Bank, questions: Iterable[Question] | None = None) -> ExportResult:
    """``questions`` (default: the bank's hand-written ones) as a GIFT document."""
    chosen = tuple(bank.questions if questions is None else questions)
    out = [
        f"// {bank.title} (bank {bank.id}), written by quizapp {__version__}.\n",
        "// Moodle: Question bank > Import > GIFT format.\n",
    ]
    left_out: list[LeftOut] = []
    approximated: list[LeftOut] = []
    written = 0
    for question in chosen:
        reason = _why_not(question)
        if reason:
            left_out.append(LeftOut(question.id, reason))
            continue
        if isinstance(question, ClozeQuestion) and not question.parts[1].strip():
            approximated.append(
                LeftOut(
                    question.id,
                    "the gap ends the passage, so GIFT reads it as a short-answer question",
                )
            )
        out.append("\n" + _hint(question) + _question_gift(question) + "\n")
        written += 1
    return ExportResult("".join(out), written, tuple(left_out), tuple(approximated))
