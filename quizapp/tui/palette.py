"""The command palette (ctrl+p): quizapp's actions by name (from `quizapp.tui.registry`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual.command import DiscoveryHit, Hit, Hits, Provider

from quizapp.tui.registry import ACTIONS, action


@dataclass(frozen=True, slots=True)
class PaletteCommand:
    """One palette entry: runs ``action`` (e.g. ``"app.history"``)."""

    title: str
    help: str
    action: str


def run_command(name: str) -> PaletteCommand:
    """The palette entry of the registry's action ``name``."""
    found = action(name)
    assert found.title is not None, f"{name} is not in the palette"
    return PaletteCommand(found.title, found.help, f"app.run('{name}')")


HELP = run_command("help")
CHANGE_THEME = run_command("change_theme")

#: The entries, in the order the palette lists them before anything is typed:
#: every action of the registry that has a title.
PALETTE_COMMANDS: tuple[PaletteCommand, ...] = tuple(
    run_command(entry.name) for entry in ACTIONS if entry.title is not None
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
