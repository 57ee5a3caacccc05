"""``quizapp check PATH...``: validate bank files and folders.

Prints one ``path:line:col: message`` line per problem (warnings marked
``warning:``) and a summary, or with ``--format json`` one JSON document.
``--source TEXTFILE`` also checks that every source excerpt and quote text
appears verbatim in that text. Exit status: 0 every bank is valid, 1 a bank
has errors (or warnings, with ``--strict``), 2 usage error.

No Textual on this path: it starts in tens of milliseconds.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from quizapp.banks import check_source_excerpts, discover_banks
from quizapp.commands import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, emit, error, terminal_safe
from quizapp.files import FileProblem, read_text, stat_path
from quizapp.model import Bank, BankError, BankProblem


@dataclass(frozen=True, slots=True)
class FileReport:
    """The outcome of checking one file."""

    path: str
    bank_id: str | None
    problems: tuple[BankProblem, ...]

    @property
    def errors(self) -> int:
        """How many problems are errors."""
        return sum(1 for problem in self.problems if problem.severity == "error")

    @property
    def warnings(self) -> int:
        """How many problems are warnings."""
        return len(self.problems) - self.errors


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``quizapp check``."""
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="bank files, or folders whose *.toml files are checked",
    )
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json"),
        default="text",
        help="text: one path:line:col: message line per problem and a summary (default); "
        "json: one document for tools",
    )
    parser.add_argument(
        "--source",
        type=Path,
        metavar="TEXTFILE",
        help="also check that every source excerpt and quote text appears verbatim "
        "(whitespace aside) in this UTF-8 text",
    )
    parser.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings as well as errors"
    )


def run(args: argparse.Namespace) -> int:
    """Check the banks named in ``args``; return the exit status."""
    paths: list[Path] = args.paths
    for path in paths:
        try:
            stat_path(path)
        except FileProblem as problem:
            if problem.missing:
                return _usage_error(f"no such file or folder: {path}")
            # Anything else (a loop, no permission ...) is reported as the bank's problem.
    source_text: str | None = None
    if args.source is not None:
        try:
            source_text = read_text(args.source)
        except FileProblem as problem:
            return _usage_error(f"cannot read --source {args.source}: {problem}")
    results = discover_banks(paths, shipped=False, user_dir=False)
    if not results:
        return _usage_error(f"no *.toml bank files in {', '.join(map(str, paths))}")
    reports = [_report(result, source_text) for result in results]
    strict: bool = args.strict
    if args.output_format == "json":
        emit(lambda out: _write_json(out, reports, strict))
    else:
        emit(lambda out: _write_text(out, reports, strict))
    failed = any(r.errors for r in reports) or (strict and any(r.warnings for r in reports))
    return EXIT_ERRORS if failed else EXIT_OK


def _report(result: Bank | BankError, source_text: str | None) -> FileReport:
    if isinstance(result, BankError):
        return FileReport(str(result.path), None, result.problems)
    problems = list(result.warnings)
    if source_text is not None:
        problems.extend(check_source_excerpts(result, source_text))
        problems.sort(key=lambda problem: (problem.location.line, problem.location.col))
    return FileReport(str(result.path), result.id, tuple(problems))


def summary_line(reports: list[FileReport], strict: bool) -> str:
    """``3 banks checked: 2 valid, 1 with errors (4 errors, 1 warning)``."""
    errors = sum(report.errors for report in reports)
    warnings = sum(report.warnings for report in reports)
    broken = sum(1 for report in reports if report.errors)
    line = (
        f"{_count(len(reports), 'bank')} checked: {len(reports) - broken} valid, "
        f"{broken} with errors ({_count(errors, 'error')}, {_count(warnings, 'warning')})"
    )
    if strict and warnings:
        line += "; with --strict, warnings fail the check"
    return line


def _write_text(out: TextIO, reports: list[FileReport], strict: bool) -> None:
    for report in reports:
        for problem in report.problems:
            out.write(terminal_safe(str(problem)) + "\n")  # one line, whatever it holds
    out.write(summary_line(reports, strict) + "\n")


def _write_json(out: TextIO, reports: list[FileReport], strict: bool) -> None:
    import json

    document = {
        "files": [
            {
                "path": report.path,
                "bank": report.bank_id,
                "valid": not report.errors,
                "errors": report.errors,
                "warnings": report.warnings,
                "problems": [
                    {
                        "path": problem.location.path,
                        "line": problem.location.line,
                        "col": problem.location.col,
                        "severity": problem.severity,
                        "message": problem.message,
                    }
                    for problem in report.problems
                ],
            }
            for report in reports
        ],
        "summary": {
            "checked": len(reports),
            "valid": sum(1 for report in reports if not report.errors),
            "with_errors": sum(1 for report in reports if report.errors),
            "errors": sum(report.errors for report in reports),
            "warnings": sum(report.warnings for report in reports),
            "strict": strict,
        },
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _usage_error(message: str) -> int:
    error("check", f"error: {message}")
    return EXIT_USAGE
