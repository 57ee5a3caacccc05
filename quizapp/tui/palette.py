"""The command palette (ctrl+p): quizapp's main actions by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True, slots=True)
class PaletteCommand:
    """One palette entry: runs ``action`` (e.g. ``"app.history"``)."""

    title: str
    help: str
    action: str


HELP = PaletteCommand("Help", "Every key on every screen", "app.help")
CHANGE_THEME = PaletteCommand(
    "Change theme", "Pick a colour theme; quizapp remembers it", "app.change_theme"
)

#: The entries, in the order the palette lists them before anything is typed.
#: A new screen adds its entry here and an ``action_...`` on `QuizApp`.
PALETTE_COMMANDS: tuple[PaletteCommand, ...] = (
    PaletteCommand("New quiz", "Choose options for a quiz on the current bank", "app.new_quiz"),
    PaletteCommand("Resume quiz", "Resume the highlighted bank's unfinished quiz", "app.resume"),
    PaletteCommand("Study due cards", "Flashcards of the current bank: due, then new", "app.study"),
    PaletteCommand(
        "Review mistakes",
        "A quiz of the questions you got wrong on the current bank",
        "app.review_mistakes",
    ),
    PaletteCommand("History", "Past quizzes, score trend and weakest questions", "app.history"),
    PaletteCommand("Home", "Back to the list of banks", "app.home"),
    HELP,
    CHANGE_THEME,
    PaletteCommand("Cram", "All or one tag's cards, without changing the schedule", "app.cram"),
    PaletteCommand(
        "Who's who", "The current bank's actors, their quotes and events", "app.whos_who"
    ),
    PaletteCommand("Timeline", "The current bank's events in order", "app.timeline"),
    PaletteCommand("Quotes", "The current bank's quotes with speaker and context", "app.quotes"),
    PaletteCommand("Brief", "One page to read before a discussion", "app.brief"),
    PaletteCommand("New cards a day", "The daily limit of new study cards", "app.new_per_day"),
    PaletteCommand(
        "Statistics",
        "How everyone did on each question of the current bank (for teachers)",
        "app.statistics",
    ),
)


class QuizCommands(Provider):
    """Lists `PALETTE_COMMANDS` and fuzzy-matches what is typed against them.

    An app with other commands (the bank preview) subclasses it with its own
    `commands`."""

    commands: ClassVar[tuple[PaletteCommand, ...]] = PALETTE_COMMANDS

    def available(self, command: PaletteCommand) -> bool:
        """Whether to list ``command`` on the screen the palette was opened from."""
        return True

    def _listed(self) -> Iterator[tuple[PaletteCommand, Callable[[], object]]]:
        """The commands available here, each with what running it does."""
        for command in self.commands:
            if self.available(command):
                yield command, partial(self.app.run_action, command.action)

    async def discover(self) -> Hits:
        for command, run in self._listed():
            yield DiscoveryHit(command.title, run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, run in self._listed():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), run, help=command.help)
