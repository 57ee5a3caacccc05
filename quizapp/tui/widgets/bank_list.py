"""The banks on the home screen: loaded ones with scores, failed ones with errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quizapp.tui.text import literal_line
from quizapp.usecases.entries import BankEntry, CatalogEntry, is_failed
from quizapp.usecases.formatting import format_percent, format_when

if TYPE_CHECKING:
    # The banks, and with them the model, are loaded after the first frame:
    # none of these is imported at startup.
    from quizapp.study import StudyCounts
    from quizapp.usecases.entries import BankOverview

#: Tags shown on a bank's row; the rest are summed up as "+N more".
ROW_TAGS = 3


def count_line(overview: BankOverview) -> Content:
    """``24 questions (12 generated) · actors 10 · dates 6 · +2 more``."""
    total = overview.total
    text = f"{total} question{'s' if total != 1 else ''}"
    if overview.generated:
        text += f" ({overview.generated} generated)"
    parts = [Content(text)]
    for tag, count in overview.tag_counts[:ROW_TAGS]:
        parts.append(Content.assemble(literal_line(tag), f" {count}"))
    hidden = len(overview.tag_counts) - ROW_TAGS
    if hidden > 0:
        parts.append(Content(f"+{hidden} more tag{'s' if hidden != 1 else ''}"))
    return Content(" · ").join(parts)


def study_part(counts: StudyCounts) -> Content:
    """``3 due · 5 new cards``, the due count stressed when there are some."""
    due = Content.styled(f"{counts.due} due", "bold $accent" if counts.due else "")
    return Content.assemble(due, f" · {counts.new} new card{'s' if counts.new != 1 else ''}")


def score_line(entry: BankEntry, now: dt.datetime) -> Content:
    """Best and last score, when last played, any unfinished quiz, and the
    study cards due now and new today."""
    stats = entry.stats
    if stats is None:
        text = Content.styled("not played yet", "italic")
    else:
        text = Content(
            f"best {format_percent(stats.best_percent)} · "
            f"last {format_percent(stats.last_percent)} · "
            f"played {format_when(stats.last_played, now)}"
        )
    if entry.unfinished:
        latest = entry.unfinished[0]
        text = Content.assemble(
            text,
            " · ",
            (f"unfinished quiz: {latest.answered} of {latest.total} answered", "bold $warning"),
        )
    if entry.study is not None:
        text = Content.assemble(text, " · ", study_part(entry.study))
    return text


def entry_prompt(entry: CatalogEntry, now: dt.datetime) -> Content:
    """The three lines that show one entry."""
    if is_failed(entry):
        count = len(entry.problems)
        return Content.assemble(
            ("✗ ", "bold $error"),
            literal_line(entry.path.name, "bold $error"),
            (" could not be loaded", "$error"),
            "\n  ",
            literal_line(str(entry.first)),
            "\n  ",
            (
                f"{count} problem{'s' if count != 1 else ''}; press Enter to see "
                f"{'it' if count == 1 else 'them all'}",
                "dim",
            ),
        )
    return Content.assemble(
        literal_line(entry.overview.bank.title, "bold"),
        "\n  ",
        count_line(entry.overview),
        "\n  ",
        score_line(entry, now),
    )


def _options(entries: Sequence[CatalogEntry], now: dt.datetime) -> list[Option | None]:
    options: list[Option | None] = []
    for index, entry in enumerate(entries):
        if index:
            options.append(None)  # a divider line
        options.append(Option(entry_prompt(entry, now)))
    return options


class BankList(OptionList):
    """Every bank found: enter or a click chooses one."""

    class Highlighted(Message):
        """The highlighted entry changed."""

        def __init__(self, entry: CatalogEntry) -> None:
            super().__init__()
            self.entry = entry

    class Chosen(Message):
        """An entry was chosen (enter or click)."""

        def __init__(self, entry: CatalogEntry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(
        self,
        entries: Sequence[CatalogEntry],
        now: dt.datetime,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(*_options(entries, now), id=id, classes=classes)
        self.entries = list(entries)

    def on_mount(self) -> None:
        if self.entries:
            self.highlighted = 0

    def show_entries(self, entries: Sequence[CatalogEntry], now: dt.datetime) -> None:
        """Replace the list, keeping the highlight on the same row if possible."""
        keep = self.highlighted
        self.entries = list(entries)
        self.set_options(_options(self.entries, now))
        if self.entries:
            self.highlighted = min(keep or 0, len(self.entries) - 1)

    @property
    def current(self) -> CatalogEntry | None:
        """The highlighted entry."""
        index = self.highlighted
        return self.entries[index] if index is not None and index < len(self.entries) else None

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index < len(self.entries):
            self.post_message(self.Highlighted(self.entries[event.option_index]))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.entries):
            self.post_message(self.Chosen(self.entries[event.option_index]))
