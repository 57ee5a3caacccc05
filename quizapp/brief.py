"""A one-page Markdown brief of a bank, to read before a discussion. No Textual.

Sections, in this order, each left out when the bank has nothing for it:

1. ``# <title>``, then ``Source: ...`` (title, author, URL) and the bank's
   description as an opening paragraph.
2. ``## Key actors``: every actor, in file order, as ``name — role``.
3. ``## Timeline``: every event, oldest first (ties keep file order), with the
   source's own wording of when it happened and its note (which says, say,
   that the source does not order two events) in brackets.
4. ``## Key quotes``: every quote with its speaker and context.
5. ``## Points of dispute``: every hand-written question tagged ``dispute``
   or ``context`` (the tags authors give questions about what is at stake),
   in file order, each as one statement: a true statement (true_false) as
   written; a false one and a cloze question as their explanation, the
   author's own words for what is right (when missing: "Not so: ..." and the
   passage with its gaps filled in); any other question as
   ``prompt — answer``. Repeats are listed once. The bank description is not
   repeated here: it already opens the brief. Open questions are not points
   of dispute: they have a section of their own.
6. ``## For discussion``: every open question, in file order, in bold, with
   the key points a good answer covers as a list under it.

Bank text is untrusted but this is plain Markdown, not markup anyone
executes: control characters are dropped and every field is collapsed onto
one line so odd text cannot break the list structure or the terminal.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from quizapp.display import quoted
from quizapp.model import (
    Bank,
    ClozeQuestion,
    OpenQuestion,
    Question,
    TrueFalseQuestion,
    question_answer_text,
)

#: Question tags whose questions become points of dispute.
DISPUTE_TAGS = ("dispute", "context")


def plain(text: str) -> str:
    """``text`` on one line: control characters removed, whitespace collapsed."""
    kept = "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in text
    )
    return " ".join(kept.split())


def build_brief(bank: Bank) -> str:
    """The brief of ``bank`` as Markdown (see the module docstring)."""
    blocks = [_heading(bank)]
    for title, lines in (
        ("Key actors", _actors(bank)),
        ("Timeline", _timeline(bank)),
        ("Key quotes", _quotes(bank)),
        ("Points of dispute", _disputes(bank)),
        ("For discussion", _discussion(bank)),
    ):
        if lines:
            blocks.append(f"## {title}\n\n" + "\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def dispute_questions(bank: Bank) -> tuple[Question, ...]:
    """The hand-written questions the brief lists as points of dispute."""
    return tuple(
        q
        for q in bank.questions
        if any(tag in DISPUTE_TAGS for tag in q.tags) and not isinstance(q, OpenQuestion)
    )


def _heading(bank: Bank) -> str:
    lines = [f"# {plain(bank.title) or bank.id}"]
    if bank.source is not None:
        parts = [plain(bank.source.title), plain(bank.source.author)]
        source = ", ".join(part for part in parts if part)
        if bank.source.url:
            source += f" <{plain(bank.source.url)}>"
        lines.append(f"\nSource: {source.strip()}")
    if plain(bank.description):
        lines.append(f"\n{plain(bank.description)}")
    return "\n".join(lines)


def _actors(bank: Bank) -> list[str]:
    return [f"- **{plain(actor.name)}** — {plain(actor.role)}" for actor in bank.actors]


def _timeline(bank: Bank) -> list[str]:
    events = sorted(bank.events, key=lambda event: event.sort_key)
    lines = []
    for event in events:
        line = f"- **{plain(event.when)}** — {plain(event.what)}"
        if plain(event.note):
            line += f" ({plain(event.note)})"
        lines.append(line)
    return lines


def _quotes(bank: Bank) -> list[str]:
    lines = []
    for quote in bank.quotes:
        speaker = bank.actor(quote.speaker)
        name = plain(speaker.name) if speaker is not None else plain(quote.speaker)
        line = f"- {quoted(plain(quote.text))} — {name}"
        if plain(quote.context):
            line += f" ({plain(quote.context)})"
        lines.append(line)
    return lines


def dispute_point(question: Question) -> str:
    """One question as a point of dispute: a statement where the question is
    one, else the question and its answer (see the module docstring)."""
    match question:
        case TrueFalseQuestion(answer=True):
            return plain(question.prompt)
        case TrueFalseQuestion():
            return plain(question.explanation) or f"Not so: {plain(question.prompt)}"
        case ClozeQuestion(parts=parts, gaps=gaps):
            if plain(question.explanation):
                return plain(question.explanation)
            filled = [parts[0]]
            for gap, part in zip(gaps, parts[1:], strict=True):
                filled += [gap.answer, part]
            return plain("".join(filled))
    return f"{plain(question.prompt)} — {plain(question_answer_text(question))}"


def discussion_questions(bank: Bank) -> tuple[OpenQuestion, ...]:
    """The open questions the brief lists under "For discussion", in file order."""
    return tuple(q for q in bank.questions if isinstance(q, OpenQuestion))


def _discussion(bank: Bank) -> list[str]:
    lines = []
    for question in discussion_questions(bank):
        lines.append(f"- **{plain(question.prompt)}**")
        lines.extend(f"  - {plain(point)}" for point in question.key_points)
    return lines


def save_brief(bank: Bank, folder: Path) -> Path:
    """Write the brief of ``bank`` to ``folder/<bank id>.md`` (the folder is
    made if need be) and return the file; raises OSError."""
    path = folder / f"{bank.id}.md"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(build_brief(bank), encoding="utf-8")
    return path


def _disputes(bank: Bank) -> list[str]:
    # Several questions may make the same point in the same words.
    points = dict.fromkeys(dispute_point(question) for question in dispute_questions(bank))
    return [f"- {point}" for point in points if point]
