"""Helpers for the TUI tests: reproducible apps, test banks, screen text."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from quizapp.model import LoadResult
from quizapp.store import ScoreStore
from quizapp.tui.app import QuizApp, create_app
from quizapp.tui.settings import AppSettings
from tests.helpers import (  # noqa: F401  (shared with the tests without screens)
    BANKS,
    FIXED_NOW,
    SEED,
    TAGS,
    StoreClock,
    load,
    open_store,
    record_quiz,
)

SECONDS_PER_READ = 5.0
SIZE = (100, 30)
#: The questions of tests/tui/banks/every_type.toml, one of each type, in the bank's order.
EVERY_TYPE = (
    "system",
    "neighbours",
    "delivery",
    "analyst",
    "coup-year",
    "winner",
    "timeline",
    "roles",
    "skipped",
)


class StepClock:
    """A monotonic clock that moves on by ``step`` seconds each time it is read."""

    def __init__(self, step: float = SECONDS_PER_READ) -> None:
        self.value = 0.0
        self.step = step

    def __call__(self) -> float:
        value = self.value
        self.value += self.step
        return value


def make_app(
    results: list[LoadResult],
    store: ScoreStore,
    *,
    player: str = "tester",
    theme: str | None = "textual-dark",
) -> QuizApp:
    """An app as the command line builds it, with fixed clocks and seed, and
    a fixed theme unless ``theme`` is None (then the remembered one is used)."""
    settings = AppSettings(
        player=player,
        data_dir=store.path.parent,
        now=lambda: FIXED_NOW,
        clock=StepClock(),
        seed=SEED,
        theme=theme,
        cursor_blink=False,
    )
    return create_app(results, store, settings)


_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[^)]*-line-(\d+)\)">(.*?)</text>'
)


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the workers started so far are done, their messages handled
    and what they changed laid out (a table sizes its columns a refresh later)."""
    await wait_for_workers(pilot)
    await pilot.pause(0)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def wait_for_workers(pilot: Pilot[None]) -> None:
    """Wait until the workers are done, and those their messages started too
    (the last one's messages may be pending)."""
    for _ in range(20):
        if all(worker.is_finished for worker in pilot.app.workers):
            return
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def wait_for_banks(app: QuizApp, pilot: Pilot[None], timeout: float = 10.0) -> None:
    """Wait until Home's worker has loaded the banks and Home has shown them."""
    for _ in range(int(timeout / 0.01)):
        if not app.banks_loading:
            break
        await pilot.pause(0.01)
    assert not app.banks_loading, "the banks did not load"
    await settle(pilot)


async def until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Wait (a few seconds at most) until ``condition`` holds: for what the app
    does a refresh or more after a worker's message, like scrolling to a widget."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"never happened: {what}")


def screen_text(app: QuizApp) -> str:
    """What the terminal shows now, as plain text lines (from the SVG screenshot)."""
    svg = app.export_screenshot()
    cell_width = 12.2  # the screenshot's width of one terminal cell
    rows: dict[int, list[tuple[float, str]]] = {}
    for x, line, text in _TEXT.findall(svg):
        rows.setdefault(int(line), []).append((float(x), html.unescape(text)))
    lines = []
    for number in range(max(rows, default=-1) + 1):
        row = ""
        for x, text in sorted(rows.get(number, [])):
            row = row.ljust(round(x / cell_width)) + text.replace("\xa0", " ")
        lines.append(row.rstrip())
    return "\n".join(lines)


async def shown(pilot: Pilot[None], selector: str | None = None) -> str:
    """`screen_text` once pending messages, layout and animations have
    settled; with ``selector``, only the part of the screen inside that
    widget of the current screen (its lines joined with spaces)."""
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, QuizApp)
    text = screen_text(app)
    if selector is None:
        return text
    region = app.screen.query_one(selector).content_region
    lines = text.splitlines()[region.y : region.y + region.height]
    return flat(" ".join(line[region.x : region.x + region.width] for line in lines))


async def palette_lists(pilot: Pilot[None], text: str, tries: int = 100) -> str:
    """The command palette's entries (title and help, one per line) once one
    of them holds ``text`` (the palette searches in the background)."""
    from textual.command import CommandList

    listed = ""
    for _ in range(tries):
        await pilot.pause()
        options = pilot.app.screen.query_one(CommandList).options
        listed = "\n".join(str(option.prompt) for option in options)
        if text in listed:
            break
        await pilot.pause(0.02)
    return listed


def flat(text: str) -> str:
    """``text`` with all runs of whitespace made one space (wrapped lines joined)."""
    return " ".join(text.split())


async def open_new_quiz(
    pilot: Pilot[None], *, shuffle: bool = False, count: int | None = None
) -> None:
    """From Home: open the options of the highlighted bank and start a quiz
    (unticking Shuffle unless asked; of the first ``count`` questions when
    given), as a user would with the keyboard. The number field has the
    focus and may hold the number last chosen."""
    from textual.widgets import Checkbox

    await pilot.press("enter")
    await settle(pilot)  # the unfinished quizzes and last options are read first
    await pilot.press("ctrl+u")  # clear the number field
    if count is not None:
        await pilot.press(*str(count))
    if pilot.app.screen.query_one("#shuffle", Checkbox).value != shuffle:
        # From the number field back to Cancel, Start, then Shuffle.
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "space", "tab")
    await pilot.press("enter")
    await pilot.pause()


async def open_quiz_at(pilot: Pilot[None], *question_ids: str) -> None:
    """From Home: start a quiz of just these questions of the highlighted
    bank, in this order, without going through the options dialog. For
    tests about a question screen, not about reaching it."""
    from quizapp.session import QuizOptions

    await settle(pilot)
    app = pilot.app
    assert isinstance(app, QuizApp)
    bank = app.current_bank()
    assert bank is not None
    options = QuizOptions(question_ids=question_ids, shuffle=False, seed=SEED)
    app.start_quiz(bank, options)
    await settle(pilot)


def record_notices(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app tells the user in notifications from now on, in order
    (they are recorded instead of shown)."""
    told: list[str] = []

    def notify(self: QuizApp, message: str, **kwargs: object) -> None:
        told.append(message)

    monkeypatch.setattr(QuizApp, "notify", notify)
    return told
