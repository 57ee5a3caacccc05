"""The views built from a bank's facts: who's who, timeline, quotes and the brief."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from quizapp.banks import load_bank
from quizapp.brief import build_brief
from quizapp.model import Bank
from quizapp.paths import shipped_banks_dir
from quizapp.store import ScoreStore
from quizapp.tui.screens.brief import BriefScreen
from quizapp.tui.screens.quotes import QuotesScreen
from quizapp.tui.screens.timeline import TimelineScreen
from quizapp.tui.screens.whos_who import WhosWhoScreen
from tests.tui.helpers import SIZE, flat, load, make_app, open_quiz_at, record_notices, shown
from tests.tui.study_helpers import STUDY_BANK, hostile_bank, study_bank, write_bank


async def test_whos_who_lists_every_actor_with_quotes_and_events(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(WhosWhoScreen(bank))
        text = await shown(pilot)
        assert "Study views — Who's who" in text
        assert "3 actors" in text
        # Each actor is drawn with a bar down its left side.
        listed = (await shown(pilot, "#whos-list")).replace("█ ", "")
        assert listed == (
            "Vladimir Putin person Russian President Called the winner of the dispute. "
            "Ross Wilson person former U.S. ambassador to Turkey Also: Wilson "
            "Said “Clearly a winner in all this is Putin” — on who gains from the S-400 sale "
            "Fethullah Gulen person Turkish cleric living in Pennsylvania "
            "Takes part in 2016 A coup attempt in Turkey"
        )


async def test_typing_filters_whos_who(store: ScoreStore, tmp_path: Path) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = WhosWhoScreen(bank)
        await app.push_screen(screen)
        assert screen.focused is screen.query_one("#whos-search", Input)

        async def names() -> list[str]:
            await pilot.pause()
            return [
                bank.actors[index].name
                for index, entry in enumerate(screen.query(".actor"))
                if entry.display
            ]

        # Accents, case and punctuation do not count (as in typed answers).
        await pilot.press(*"GÜLEN")
        assert await names() == ["Fethullah Gulen"]
        assert "1 of 3 match “GÜLEN”" in await shown(pilot)
        # Roles, quotes and events are searched too; every word must match.
        await pilot.press(*["backspace"] * 5, *"pennsylvania")
        assert await names() == ["Fethullah Gulen"]
        await pilot.press("ctrl+u", *"winner")
        assert await names() == ["Vladimir Putin", "Ross Wilson"]
        await pilot.press(*" s400")
        assert await names() == ["Ross Wilson"]
        await pilot.press("ctrl+u", *"coup")
        assert await names() == ["Fethullah Gulen"]
        await pilot.press("ctrl+u", *"putin wilson")
        assert await names() == ["Ross Wilson"]

        await pilot.press("ctrl+u", *"nobody")
        assert await names() == []
        text = await shown(pilot)
        assert "0 of 3" in text
        assert "No actor matches “nobody”." in text

        await pilot.press("ctrl+u")
        assert await names() == ["Vladimir Putin", "Ross Wilson", "Fethullah Gulen"]
        assert "3 actors" in await shown(pilot)

        # Enter moves to the list; ctrl+f back to the search field.
        await pilot.press("enter")
        assert screen.focused is screen.query_one("#whos-list")
        await pilot.press("ctrl+f")
        assert screen.focused is screen.query_one("#whos-search", Input)


async def test_the_timeline_lists_events_in_order_with_the_sources_wording(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(TimelineScreen(bank))
        text = await shown(pilot)
        assert "Study views — Timeline" in text
        rows = [line.strip() for line in text.splitlines()[1:-1] if line.strip()]
        assert rows == [
            "Soviet times  │  Russia began trying to divide the alliance",
            "≈ approximate  │  Approximate: the article gives no date.",
            "2016  │  A coup attempt in Turkey",
            "│  With: Fethullah Gulen",
            "July 12  │  Russia began delivering S-400 components",
            "│  The year is not in the article.",
        ]


async def test_quotes_are_shown_as_quotes_with_speaker_and_context(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(QuotesScreen(bank))
        text = await shown(pilot, "#quotes")
        assert text == (
            "█ “Clearly a winner in all this is Putin” "
            "— Ross Wilson, former U.S. ambassador to Turkey "
            "on who gains from the S-400 sale"
        )


async def test_views_of_a_bank_without_those_facts_say_so(store: ScoreStore) -> None:
    (bank,) = load("every_type.toml")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        for screen, message in (
            (WhosWhoScreen, "This bank lists no actors."),
            (TimelineScreen, "This bank lists no events."),
            (QuotesScreen, "This bank lists no quotes."),
        ):
            await app.push_screen(screen(bank))  # type: ignore[arg-type]
            assert message in await shown(pilot)
            await pilot.press("escape")
            await pilot.pause()


OPEN_QUESTION = """
[[questions]]
id = "why"
type = "open"
prompt = "Why does the sale matter to the alliance, and who gains from it?"
model_answer = "It divides the alliance, and Putin gains."
key_points = [
  "the divide between Ankara and Washington, which the whole editorial is about from start to end",
  "Putin",
]
tags = ["discussion"]
"""


async def test_the_brief_shows_every_section_copies_and_saves_the_markdown(
    store: ScoreStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study_bank(tmp_path / "banks")  # its article
    bank = write_bank(tmp_path / "banks", STUDY_BANK + OPEN_QUESTION)
    told = record_notices(monkeypatch)
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(BriefScreen(bank))
        text = await shown(pilot)
        assert "Study views — Brief" in text
        body = [line.strip() for line in text.splitlines()[1:-1] if line.strip()]
        assert body[:16] == [
            "Study views",
            "Source: A test editorial",
            "Facts of every kind for the study screens.",
            "Key actors",
            "• Vladimir Putin — Russian President",
            "• Ross Wilson — former U.S. ambassador to Turkey",
            "• Fethullah Gulen — Turkish cleric living in Pennsylvania",
            "Timeline",
            "• Soviet times — Russia began trying to divide the alliance",
            "• 2016 — A coup attempt in Turkey",
            "• July 12 — Russia began delivering S-400 components",
            "Key quotes",
            "• “Clearly a winner in all this is Putin” — Ross Wilson (on who gains from the "
            "S-400 sale)",
            "Points of dispute",
            "• Which system did Turkey buy from Russia? — S-400",
            "• It does not.",
        ]
        # The open questions, with the points a good answer covers.
        await pilot.press("end")
        body = [line.rstrip() for line in (await shown(pilot)).splitlines()]
        at = body.index("  For discussion")
        assert body[at + 1 : at + 5] == [
            "  • Why does the sale matter to the alliance, and who gains from it?",
            "    – the divide between Ankara and Washington, which the whole editorial is "
            "about from start to",
            "      end",
            "    – Putin",
        ]
        # Wrapped lines hang under the text of their bullet in a narrow terminal.
        await pilot.resize_terminal(60, 24)
        await pilot.press("home")
        body = [line.rstrip() for line in (await shown(pilot)).splitlines()]
        at = body.index("  • Fethullah Gulen — Turkish cleric living in")
        assert body[at + 1] == "    Pennsylvania"
        at = body.index("  • “Clearly a winner in all this is Putin” — Ross")
        assert body[at + 1] == "     Wilson (on who gains from the S-400 sale)"

        # y says what is known: the terminal was asked to copy; ctrl+s saves a file.
        await pilot.press("y")
        assert app.clipboard == build_brief(bank)
        assert "sent to your terminal" in told[-1] and "press ctrl+s to save it" in told[-1]
        assert "The brief was copied" not in told[-1]
        await pilot.press("ctrl+s")
        saved = app.settings.data_dir / "briefs" / "study-views.md"
        assert saved.read_text(encoding="utf-8") == build_brief(bank)
        assert told[-1] == f"The brief was saved as {saved}"


async def test_whos_who_quotes_hang_under_their_first_word(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=(60, 24)) as pilot:
        await app.push_screen(WhosWhoScreen(bank))
        lines = [line.rstrip() for line in (await shown(pilot)).splitlines()]
        said = next(i for i, line in enumerate(lines) if "“Clearly a winner" in line)
        assert lines[said].endswith("  “Clearly a winner in all this is Putin”  — on")
        # The context goes on under the quote's first word, inside the card's bar.
        assert lines[said + 1].endswith("who gains from the S-400 sale")
        assert lines[said + 1].index("who") == lines[said].index("Clearly")


async def test_hostile_facts_are_shown_literally_in_every_view(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = hostile_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        expected = {
            WhosWhoScreen: [
                "[@click=app.quit]Quitter[/]  [b]person[/b]",
                "[/ breaks red markup",
                "[link=https://example.invalid]link[/link] $title",
                "“[@click=app.quit]quoted[/] [/”  — [b]context[/b]",
                "[@click=app.quit]now[/]  cleared [/",
            ],
            TimelineScreen: [
                # The when column is narrow: a long wording wraps.
                "[@click=app.quit]now  │   cleared [/",
                "[/]  │  With: [@click=app.quit]Quitter[/]",
                "│  [i]note[/i]",
            ],
            QuotesScreen: [
                "“[@click=app.quit]quoted[/] [/”",
                "— [@click=app.quit]Quitter[/], [/ breaks red markup",
                "[b]context[/b]",
            ],
            BriefScreen: [
                "[b]Hostile[/b] [@click=app.quit]study[/]",
                "• [@click=app.quit]Quitter[/] — [/ breaks red markup",
                "• [@click=app.quit]now[/] — cleared [/",
                "• “[@click=app.quit]quoted[/] [/” — [@click=app.quit]Quitter[/] ([b]context[/b])",
            ],
        }
        for screen_class, lines in expected.items():
            screen = screen_class(bank)
            await app.push_screen(screen)
            text = await shown(pilot)
            assert "\x1b" not in text and "]0;title" not in text
            for line in lines:
                assert line in text, (screen_class.__name__, line, text)
            await pilot.click("Static")
            await pilot.pause()
            assert app.is_running and app.screen is screen
            await pilot.press("escape")
            await pilot.pause()


async def test_a_quote_that_carries_its_own_marks_gets_no_second_pair(store: ScoreStore) -> None:
    bank = load_bank(shipped_banks_dir() / "s400-quotes.toml")
    assert isinstance(bank, Bank)
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(QuotesScreen(bank))
        text = await shown(pilot)
        assert "“Clearly a winner in all this is Putin" in text
        assert "““" not in text and "””" not in text
        await pilot.press("escape")
        # The feedback quotes the source, which opens with its own mark.
        await open_quiz_at(pilot, "damaging-what")
        await pilot.press("ctrl+s")
        text = flat(await shown(pilot))
        assert "“I think what’s happened is deeply damaging to American interests," in text
        assert "““" not in text and "””" not in text
