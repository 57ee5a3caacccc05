"""A bank's questions as CSV, one row per question, for a spreadsheet.

Columns: id, type, prompt, answer, tags, difficulty, points, explanation,
source. ``answer`` is the right answer as one line of text (see
`quizapp.model.question_answer_text`); a cloze's prompt shows its passage
with ``_____`` for each gap; tags are joined with ``"; "``.

Bank text is untrusted, and spreadsheets run a cell that starts with ``=``,
``+``, ``-`` or ``@`` as a formula: such a cell gets a leading ``'`` (which
spreadsheets hide), unless it is a plain number such as ``-5``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from quizapp.interchange.common import ExportResult
from quizapp.model import Bank, ClozeQuestion, Question, question_answer_text

__all__ = ["CSV_COLUMNS", "export_csv"]

CSV_COLUMNS = (
    "id",
    "type",
    "prompt",
    "answer",
    "tags",
    "difficulty",
    "points",
    "explanation",
    "source",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def _cell(text: str) -> str:
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _prompt(question: Question) -> str:
    if not isinstance(question, ClozeQuestion):
        return question.prompt
    passage = "_____".join(question.parts)
    return f"{question.prompt}\n{passage}" if question.prompt else passage


def export_csv(bank: Bank, questions: Iterable[Question] | None = None) -> ExportResult:
    """``questions`` (default: the bank's hand-written ones) as CSV text
    with a header row (RFC 4180: comma separated, CRLF line ends)."""
    chosen = tuple(bank.questions if questions is None else questions)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for question in chosen:
        writer.writerow(
            [
                _cell(question.id),
                str(question.type),
                _cell(_prompt(question)),
                _cell(question_answer_text(question)),
                _cell("; ".join(question.tags)),
                question.difficulty,
                question.points,
                _cell(question.explanation),
                _cell(question.source),
            ]
        )
    return ExportResult(out.getvalue(), len(chosen))
