"""Bad bank files from the hostile corpus beside good ones: Home lists the
good banks, and each bad file as ✗ with its located problem."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from quizapp.banks import discover_banks
from quizapp.model import Bank, BankError
from quizapp.store import ScoreStore
from quizapp.tui.dialogs.bank_errors import BankErrorsDialog
from tests.test_hostile_corpus import HOSTILE, SYNTAX
from tests.tui.helpers import BANKS, make_app, settle, shown

#: A handful of the corpus's syntax errors, and hostile text where a bank's
#: title belongs with a question missing its answer.
BAD = ("unclosed-string", "raw-escape", "markup-syntax", "duplicate-table", "many-errors")
HOSTILE_BANK = f"""format = 1
[bank]
id = "hostile"
title = "{HOSTILE.encode("unicode_escape").decode()}"
[[questions]]
id = "q"
type = "choice"
prompt = "[@click=app.quit]Quit[/]"
choices = ["a", "b"]
"""


async def test_home_lists_good_banks_and_each_bad_file_with_its_problem(
    store: ScoreStore, tmp_path: Path
) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "aaa-good.toml").write_bytes((BANKS / "every_type.toml").read_bytes())
    for name in BAD:
        (folder / f"syntax-{name}.toml").write_text(SYNTAX[name], encoding="utf-8")
    (folder / "zzz-hostile.toml").write_text(HOSTILE_BANK, encoding="utf-8")
    (folder / "zzz-binary.toml").write_bytes(bytes(range(256)) * 8)
    results = discover_banks([folder], shipped=False, user_dir=False)
    failed = [r for r in results if isinstance(r, BankError)]
    assert [r.path.name for r in results if isinstance(r, Bank)] == ["aaa-good.toml"]
    assert len(failed) == len(BAD) + 2

    app = make_app(results, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = await shown(pilot)
        assert "Every question type" in text
        listed = app.screen.query_one("#banks", OptionList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        for error in failed:
            (entry,) = [p for p in prompts if f"✗ {error.path.name} could not be loaded" in p]
            # Its first problem, located as path:line:col, never markup.
            assert f"{error.first.location.line}:{error.first.location.col}: " in entry
            assert str(error.first).split(": ", 1)[1].split("\n")[0][:40] in " ".join(entry.split())
        # The good bank still starts a quiz; a bad one shows all its problems.
        many = next(i for i, error in enumerate(failed) if "many-errors" in error.path.name)
        await pilot.press(*["down"] * (many + 1), "enter")
        await pilot.pause()
        assert isinstance(app.screen, BankErrorsDialog)
        problems = await shown(pilot, ".problems")
        assert "syntax-many-errors.toml:" in problems.replace(" ", "")
        assert app.is_running  # no markup in a title or prompt quit the app
