"""Writing a reviewed draft: the bank, and the article's text beside it when
the article was HTML or came from standard input (the excerpts are proved
against that text). Checked with the bank loader first, written atomically:
nothing is left half-written."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from quizapp.banks import load_bank_text
from quizapp.banks.write import write_text_atomically
from quizapp.draft.model import Draft
from quizapp.draft.render import UNRESOLVED_SPEAKER, bank_text
from quizapp.model import BankError

BANK_ID = re.compile(r"[a-z0-9_.-]+")


class DraftWriteError(Exception):
    """The draft could not be written; ``str(error)`` says why.

    ``existing`` is the file that would have been overwritten, when that is
    why (saving again with ``force`` overwrites it)."""

    def __init__(self, message: str, *, existing: Path | None = None) -> None:
        super().__init__(message)
        self.existing = existing


@dataclass(frozen=True, slots=True)
class SavedDraft:
    """What `save_draft` wrote."""

    bank: Path
    #: The article's text, written beside the bank (None when the article
    #: is a text or Markdown file the bank points to).
    text_file: Path | None
    #: The file the excerpts are proved against: ``quizapp check BANK --source FILE``.
    source: Path


def text_file_for(bank: Path) -> Path:
    """Where the article's text is written beside ``bank``: ``x.toml`` -> ``x.article.txt``."""
    return bank.with_name(f"{bank.stem}.article.txt")


def render_draft(
    draft: Draft,
    bank: Path,
    *,
    bank_id: str,
    title: str,
    url: str = "",
    article: Path | None = None,
) -> tuple[str, Path]:
    """The bank text for ``bank`` and the file its excerpts come from: the
    ``article`` itself when it is a text or Markdown file, else the article
    text to write beside the bank."""
    if article is not None and article.suffix.lower() not in (".html", ".htm", ".xhtml"):
        source = article
    else:
        source = text_file_for(bank)
    relative = os.path.relpath(source.absolute(), bank.absolute().parent)
    name = article.name if article is not None else "standard input"
    text = bank_text(
        draft,
        bank_id=bank_id,
        title=title,
        article_name=name,
        check_command=f"quizapp check {bank} --source {source}",
        url=url,
        source_file=Path(relative).as_posix(),
    )
    return text, source


def validate(text: str, path: str) -> None:
    """Raise `DraftWriteError` when the bank text has errors other than the
    speakers the teacher must fill in."""
    loaded = load_bank_text(text, path)
    if isinstance(loaded, BankError):
        problems = [
            str(problem)
            for problem in loaded.problems
            if problem.severity == "error" and UNRESOLVED_SPEAKER not in problem.message
        ]
        if problems:
            raise DraftWriteError(
                "the draft is not a valid bank; nothing written:\n  " + "\n  ".join(problems)
            )


def save_draft(
    draft: Draft,
    bank: Path,
    *,
    bank_id: str,
    title: str,
    url: str = "",
    article: Path | None = None,
    force: bool = False,
) -> SavedDraft:
    """Write the accepted items of ``draft`` as the bank ``bank``.

    ``article`` is the file the draft was made from (None for standard
    input). Raises `DraftWriteError` when a file would be overwritten
    without ``force``, the id is not valid, the bank would not load, or a
    file cannot be written.
    """
    if bank.suffix != ".toml":
        raise DraftWriteError(f"{bank}: a bank file name ends in .toml")
    if not BANK_ID.fullmatch(bank_id):
        raise DraftWriteError(
            f"bank id '{bank_id}' may only use lower-case letters, digits, '-', '_' and '.'"
        )
    text, source = render_draft(draft, bank, bank_id=bank_id, title=title, url=url, article=article)
    text_file = source if source == text_file_for(bank) else None
    for path in (bank, text_file):
        if path is not None and path.is_dir():
            raise DraftWriteError(f"{path} is a folder")
        if path is not None and path.exists() and not force:
            raise DraftWriteError(
                f"{path} already exists; use --force to overwrite it", existing=path
            )
    validate(text, str(bank))
    try:
        if text_file is not None:
            write_text_atomically(text_file, draft.article.text)
        write_text_atomically(bank, text)
    except OSError as exc:
        if text_file is not None:
            text_file.unlink(missing_ok=True)
        raise DraftWriteError(f"cannot write {exc.filename or bank}: {exc.strerror}") from None
    return SavedDraft(bank, text_file, source)
