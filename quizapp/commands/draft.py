"""``quizapp draft ARTICLE [-o BANK.toml]``: draft a bank from an article.

Reads a ``.txt``, ``.md`` or ``.html`` article (or ``-`` for standard
input), finds its actors, dates and direct quotations offline with the
rules of `quizapp.draft`, and writes a bank whose every fact carries a
verbatim excerpt, with a commented header telling the teacher what to
review. Prints what it found and where it was unsure. Nothing is written
when the article cannot be read, and no file is overwritten without
``--force``. No Textual here, except with ``--review``: the TUI's review of
the draft, imported only once the arguments are good.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from quizapp import paths
from quizapp.commands import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    error,
    notes,
    terminal_safe,
    write_stdout,
)
from quizapp.display import quoted
from quizapp.draft import (
    Article,
    ArticleProblem,
    Draft,
    DraftActor,
    DraftItem,
    DraftQuote,
    DraftWriteError,
    bank_text,
    decode_article,
    draft_article,
    parse_article,
    read_article,
    save_draft,
)
from quizapp.draft.save import BANK_ID, validate
from quizapp.files import MAX_FILE_BYTES, FileProblem, read_file, stat_path
from quizapp.usecases.draft_review import (
    DraftRequest,
    default_bank_id,
    default_output,
    default_title,
)

_HTML_START = re.compile(r"\s*(?:<!doctype html|<html|<head|<body|<p[\s>]|<div|<article)", re.I)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``quizapp draft``."""
    parser.add_argument(
        "article",
        metavar="ARTICLE",
        help="the article: a .txt, .md or .html file, or - for standard input",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="BANK.toml",
        help="the bank to write (default: ARTICLE with .toml; for standard input, "
        "the bank is printed)",
    )
    parser.add_argument(
        "--id", dest="bank_id", metavar="ID", help="the bank's id (default: from BANK.toml)"
    )
    parser.add_argument("--title", help="the bank's title (default: the article's headline)")
    parser.add_argument("--url", help="where the article was published")
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    parser.add_argument(
        "--review",
        action="store_true",
        help="review the draft in the TUI (keep or leave out each item, fix speakers, "
        "roles and dates), then save the bank and preview it",
    )


def run(args: argparse.Namespace) -> int:
    """Draft the bank; 1 when the article cannot be drafted, 2 for a usage error."""
    from_stdin = args.article == "-"
    article_path = None if from_stdin else Path(args.article)
    output: Path | None = args.output
    if output is None and article_path is not None:
        output = default_output(article_path)
        if output == article_path:
            return _usage(f"{article_path} is a .toml file; give the article, not a bank")
    if args.review and article_path is None:
        return _usage("--review needs an article file, not standard input")
    if output is not None:
        if output.suffix != ".toml":
            return _usage(f"{output}: a bank file name ends in .toml")
        # The review asks before it overwrites a file.
        if output.exists() and not args.force and not args.review:
            return _usage(f"{output} already exists; use --force to overwrite it")
    bank_id = args.bank_id or default_bank_id(output or article_path or Path("article"))
    if not BANK_ID.fullmatch(bank_id):
        return _usage(
            f"bank id '{bank_id}' may only use lower-case letters, digits, '-', '_' and '.'"
            "; choose one with --id"
        )
    if args.review:
        assert article_path is not None and output is not None
        return _review(
            DraftRequest(article_path, output, bank_id, args.title, args.url or "", args.force)
        )
    try:
        article = _read(article_path)
    except (FileProblem, ArticleProblem) as problem:
        name = "standard input" if article_path is None else str(article_path)
        return _fail(f"cannot draft from {name}: {problem}")
    draft = draft_article(article)
    if not (draft.actors or draft.events or draft.quotes):
        return _fail("found no actors, dates or quotations to draft a bank from; nothing written")
    title = args.title or default_title(draft, article_path)
    if output is None:
        return _print_bank(draft, bank_id, title, args.url or "")
    try:
        saved = save_draft(
            draft,
            output,
            bank_id=bank_id,
            title=title,
            url=args.url or "",
            article=article_path,
            force=args.force,
        )
    except DraftWriteError as problem:
        return _fail(str(problem))
    wrote = f"Wrote {output}"
    if saved.text_file is not None:
        wrote += f" and {saved.text_file} (the article's text, which the excerpts come from)"
    lines = [f"{wrote}.", *_summary(draft, str(saved.source))]
    lines.append(
        f"Next: review {output} (start with the UNSURE comments), then prove its excerpts:\n"
        f"  quizapp check {output} --source {saved.source}\n"
        f"and try it:  quizapp preview {output}"
    )
    write_stdout("".join(f"{line}\n" for line in lines))
    return EXIT_OK


def _review(request: DraftRequest) -> int:
    """Start the TUI's review of the draft (the article is drafted there)."""
    try:
        if stat_path(request.article).is_folder:
            return _usage(f"{request.article} is a folder; name an article file")
    except FileProblem as problem:
        return _fail(f"cannot draft from {request.article}: {problem}")
    from quizapp.tui.preview_app import run_draft_review  # Textual is imported only here

    return run_draft_review(request, data_dir=paths.data_dir())


def _read(path: Path | None) -> Article:
    if path is None:
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise FileProblem(f"the input is larger than the limit of {MAX_FILE_BYTES >> 20} MB")
        text = decode_article(data)
        return parse_article(text, "html" if _HTML_START.match(text) else "text")
    return read_article(read_file(path), path.name)


def _print_bank(draft: Draft, bank_id: str, title: str, url: str) -> int:
    """Standard input and no ``-o``: the bank goes to standard output, the
    summary to standard error."""
    text = bank_text(
        draft,
        bank_id=bank_id,
        title=title,
        article_name="standard input",
        check_command=f"quizapp check {bank_id}.toml --source ARTICLE.txt",
        url=url,
    )
    try:
        validate(text, f"{bank_id}.toml")
    except DraftWriteError as problem:
        return _fail(str(problem))
    write_stdout(text)
    notes(_summary(draft, "standard input"))
    return EXIT_OK


def _summary(draft: Draft, source: str) -> list[str]:
    """What the draft found, and the places it was unsure of, as lines."""
    counts = (
        f"{_count(len(draft.actors), 'actor')}, {_count(len(draft.events), 'event')}, "
        f"{_count(len(draft.quotes), 'quote')}"
    )
    lines = [f"Found {counts}."]
    lines += [f"warning: {warning}" for warning in draft.warnings]
    unsure = draft.unsure()
    if unsure:
        lines.append(f"Unsure of {_count(len(unsure), 'place')} (marked # UNSURE: in the bank):")
        for item, note in unsure:
            line = draft.article.text.count("\n", 0, item.source_span.start) + 1
            lines.append(f"  {terminal_safe(source)}:{line}: {_label(item)}: {terminal_safe(note)}")
    skipped = [item for item in draft.skipped if item.reason != "unpaired mark"]
    if skipped:
        reasons = sorted({item.reason for item in skipped})
        lines.append(
            f"Not taken as quotations: {len(skipped)} ({', '.join(reasons)}), "
            "listed at the end of the bank."
        )
    for mark in draft.skipped:
        if mark.reason == "unpaired mark":
            line = draft.article.text.count("\n", 0, mark.span.start) + 1
            lines.append(
                f"  {terminal_safe(source)}:{line}: a quotation mark is never closed: "
                f"{quoted(terminal_safe(mark.text) + '…')}"
            )
    return lines


def _label(item: DraftItem) -> str:
    if isinstance(item, DraftQuote):
        words = item.text.split()
        short = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
        return f"quote {quoted(terminal_safe(short))}"
    kind = "actor" if isinstance(item, DraftActor) else "event"
    return f"{kind} {terminal_safe(item.id)}"


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _usage(message: str) -> int:
    error("draft", message)
    return EXIT_USAGE


def _fail(message: str) -> int:
    error("draft", message)
    return EXIT_ERRORS
