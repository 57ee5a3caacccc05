"""Show in context: the source text scrolled to the excerpt, with the excerpt highlighted."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quizapp.store import ScoreStore
from quizapp.tui.screens.context_reader import (
    HIGHLIGHT,
    ContextReaderScreen,
    paragraph_spans,
    source_file,
)
from tests.tui.helpers import SIZE, make_app, settle, shown, until, wait_for_workers
from tests.tui.study_helpers import study_bank, write_bank


def test_paragraph_spans_skip_blank_lines() -> None:
    text = "\n\nFirst line\nstill first.\n  \n\nSecond.\n\n\n"
    assert [text[start:end] for start, end in paragraph_spans(text)] == [
        "First line\nstill first.",
        "Second.",
    ]


def test_source_file_needs_an_existing_file(tmp_path: Path) -> None:
    bank = study_bank(tmp_path / "banks", with_source=False)
    assert bank.source_path() == (tmp_path / "banks" / "article.txt").resolve()
    assert source_file(bank) is None
    (tmp_path / "banks" / "article.txt").mkdir()
    assert source_file(bank) is None
    (tmp_path / "banks" / "article.txt").rmdir()
    (tmp_path / "banks" / "article.txt").write_text("text", encoding="utf-8")
    assert source_file(bank) == bank.source_path()


def highlighted(static: Static) -> list[str]:
    """The parts of a paragraph drawn in the excerpt's style."""
    content = static.content
    assert isinstance(content, Content)
    spans = [span for span in content.spans if span.style == HIGHLIGHT]
    return [content.plain[span.start : span.end] for span in spans]


async def test_the_reader_scrolls_to_the_excerpt_and_highlights_it(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = ContextReaderScreen(bank, "a 2016 coup attempt")
        await app.push_screen(screen)
        # Scrolled down to it (a refresh after the text is shown): the
        # article's first paragraphs are out of view.
        await wait_for_workers(pilot)
        scroll = screen.query_one("#context-text", VerticalScroll)
        await until(pilot, lambda: scroll.scroll_y > 0, "the reader scrolls to the excerpt")
        text = await shown(pilot)
        assert "A test editorial — in context" in text
        assert "The excerpt is highlighted. (article.txt)" in text
        (paragraph,) = screen.query(".excerpt").results(Static)
        assert highlighted(paragraph) == ["a 2016\ncoup attempt"]
        assert str(paragraph.content).startswith("Erdogan perceives")
        assert "Erdogan perceives U.S. insensitivity over a 2016" in text
        assert "A Turkish purchase" not in text

        await pilot.press("home")
        text = await shown(pilot)
        assert "A Turkish purchase" in text and "Erdogan perceives" not in text
        await pilot.press("e")
        assert "Erdogan perceives" in await shown(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


async def test_an_excerpt_not_in_the_text_is_reported(store: ScoreStore, tmp_path: Path) -> None:
    bank = study_bank(tmp_path / "banks")
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = ContextReaderScreen(bank, "Greenland is mentioned here")
        await app.push_screen(screen)
        text = await shown(pilot)
        assert (
            "⚠ The excerpt was not found in the source text: “Greenland is mentioned here”" in text
        )
        assert "A Turkish purchase" in text  # the text from the top
        assert not screen.query(".excerpt")
        assert screen.check_action("to_excerpt", ()) is None


async def test_a_missing_source_file_is_reported_not_raised(
    store: ScoreStore, tmp_path: Path
) -> None:
    bank = study_bank(tmp_path / "banks", with_source=False)
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = ContextReaderScreen(bank, "a 2016 coup attempt")
        await app.push_screen(screen)
        await settle(pilot)
        status = screen.query_one("#context-status", Static).content
        assert str(status) == "The source text 'article.txt' was not found."
        assert not screen.query(".paragraph")


async def test_hostile_source_text_is_shown_literally(store: ScoreStore, tmp_path: Path) -> None:
    directory = tmp_path / "banks"
    directory.mkdir()
    (directory / "article.txt").write_text(
        "[@click=app.quit]Quit[/] and [/ unbalanced.\n\n"
        "\x1b[31mRed\x1b[0m text with [b]the excerpt[/b] inside.\n",
        encoding="utf-8",
    )
    bank = write_bank(
        directory,
        """format = 1
[bank]
id = "hostile-source"
title = "Hostile source"
[bank.source]
title = "[b]Source[/b]"
file = "article.txt"
[[questions]]
id = "q"
type = "true_false"
prompt = "True?"
answer = true
source = "[b]the excerpt[/b]"
""",
    )
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        screen = ContextReaderScreen(bank, "[b]the excerpt[/b]")
        await app.push_screen(screen)
        text = await shown(pilot)
        assert "[b]Source[/b] — in context" in text
        assert "[@click=app.quit]Quit[/] and [/ unbalanced." in text
        assert "Red text with [b]the excerpt[/b] inside." in text
        (paragraph,) = screen.query(".excerpt").results(Static)
        assert highlighted(paragraph) == ["[b]the excerpt[/b]"]
        await pilot.click(".paragraph")
        await pilot.pause()
        assert app.is_running


async def test_a_long_source_shows_a_window_and_one_outside_the_folder_only_when_named(
    store: ScoreStore, tmp_path: Path
) -> None:
    """The reader goes through `quizapp.banks.excerpts`: a file outside the
    bank's folder is refused unless named on the command line, and a long
    text is shown around the excerpt, cut where marked."""
    outside = tmp_path / "elsewhere" / "article.txt"
    outside.parent.mkdir()
    filler = "\n\n".join(f"Filler paragraph {n} " + "words " * 40 for n in range(200))
    outside.write_text(f"{filler}\n\nThe needle is here.\n\n{filler}", encoding="utf-8")
    bank = study_bank(tmp_path / "banks", with_source=False)
    (tmp_path / "banks" / "article.txt").symlink_to(outside)
    assert source_file(bank) is None
    assert source_file(bank, [outside]) == outside
    app = make_app([bank], store)
    async with app.run_test(size=SIZE) as pilot:
        refused = ContextReaderScreen(bank, "The needle")
        await app.push_screen(refused)
        await settle(pilot)
        assert "is outside the bank's folder" in await shown(pilot, "#context-status")
        await pilot.press("escape")
        # Several excerpts, one per line: shown at the first found.
        screen = ContextReaderScreen(bank, "not in the text\nThe needle is", named=[outside])
        await app.push_screen(screen)
        await settle(pilot)
        (paragraph,) = screen.query(".excerpt").results(Static)
        assert highlighted(paragraph) == ["The needle is"]
        shown_text = "".join(str(s.content) for s in screen.query(".paragraph").results(Static))
        assert 4_000 < len(shown_text) < 12_000 < len(outside.read_text(encoding="utf-8"))
        assert len(screen.query(".cut")) == 2  # […] before and after
