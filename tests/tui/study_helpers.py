"""Banks and source texts for the study-mode TUI tests, written into a test's tmp_path."""

from __future__ import annotations

from pathlib import Path

from quizapp.banks import load_bank
from quizapp.model import Bank

#: A source text long enough that the excerpt about the coup starts below the
#: first screen of the context reader.
FILLER = [
    f"Paragraph {number} of background that has nothing to do with the questions."
    for number in range(1, 31)
]
SOURCE_TEXT = "\n\n".join(
    [
        "A Turkish purchase of a Russian-made missile-defense system threatens to deepen "
        "the divide between Ankara and Washington.",
        "On July 12, Russia began delivering components of its advanced S-400 missile "
        "defense system.",
        *FILLER,
        # A line break inside the excerpt: it still matches the one-line excerpt.
        "Erdogan perceives U.S. insensitivity over a 2016\ncoup attempt, which he believes "
        "was plotted in part by Fethullah Gulen.",
        "“Clearly a winner in all this is Putin,” said Ross Wilson.",
        "The end.",
    ]
)

STUDY_BANK = """\
format = 1

[bank]
id = "study-views"
title = "Study views"
description = "Facts of every kind for the study screens."
tags = ["test"]
generate = false

[bank.source]
title = "A test editorial"
file = "article.txt"

[[actors]]
id = "putin"
name = "Vladimir Putin"
kind = "person"
role = "Russian President"
description = "Called the winner of the dispute."
source = "Clearly a winner in all this is Putin"

[[actors]]
id = "wilson"
name = "Ross Wilson"
kind = "person"
role = "former U.S. ambassador to Turkey"
aliases = ["Wilson"]

[[actors]]
id = "gulen"
name = "Fethullah Gulen"
kind = "person"
role = "Turkish cleric living in Pennsylvania"
source = "Fethullah Gulen"

[[events]]
id = "delivery"
when = "July 12"
date = 2019-07-12
what = "Russia began delivering S-400 components"
note = "The year is not in the article."
source = "On July 12, Russia began delivering components"

[[events]]
id = "coup"
when = "2016"
year = 2016
what = "A coup attempt in Turkey"
actors = ["gulen"]
source = "a 2016 coup attempt"

[[events]]
id = "soviet"
when = "Soviet times"
year = 1950
approximate = true
what = "Russia began trying to divide the alliance"
note = "Approximate: the article gives no date."

[[quotes]]
id = "winner"
text = "Clearly a winner in all this is Putin"
speaker = "wilson"
context = "on who gains from the S-400 sale"

[[questions]]
id = "system"
type = "choice"
prompt = "Which system did Turkey buy from Russia?"
choices = ["S-400", "F-35"]
answer = "S-400"
explanation = "The editorial is about the S-400."
source = "its advanced S-400 missile defense system"
tags = ["context"]

[[questions]]
id = "missing-excerpt"
type = "true_false"
prompt = "The article mentions Greenland."
answer = false
explanation = "It does not."
source = "Greenland is mentioned here"
tags = ["context"]
"""

HOSTILE_BANK = """\
format = 1

[bank]
id = "hostile-study"
title = "[b]Hostile[/b] [@click=app.quit]study[/]"
generate = false

[[actors]]
id = "markup"
name = "[@click=app.quit]Quitter[/]"
kind = "[b]person[/b]"
role = "[/ breaks \\u001b[31mred markup"
description = "[link=https://example.invalid]link[/link] $title"

[[events]]
id = "escape"
when = "[@click=app.quit]now[/]"
year = 2000
what = "\\u001b[2J cleared [/"
actors = ["markup"]
note = "[i]note[/i]"

[[quotes]]
id = "quote"
text = "[@click=app.quit]quoted[/] [/"
speaker = "markup"
context = "\\u001b]0;title\\u0007 [b]context[/b]"

[[questions]]
id = "q"
type = "text"
prompt = "Type [/ or [@click=app.quit]x[/]"
answer = "[b]x[/b]"
explanation = "[@click=app.quit]why[/] \\u001b[31m"
source = "[/source]"
tags = ["[red]tag[/red]"]
"""


def write_bank(directory: Path, text: str, name: str = "bank.toml") -> Bank:
    """Write bank ``text`` to ``directory`` and load it (it must be valid)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    bank = load_bank(path)
    assert isinstance(bank, Bank), bank
    return bank


def study_bank(directory: Path, *, with_source: bool = True) -> Bank:
    """The study-views bank; its article is written next to it unless told not to."""
    if with_source:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "article.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    return write_bank(directory, STUDY_BANK)


def hostile_bank(directory: Path) -> Bank:
    """A bank whose every fact tries markup, actions and escape sequences."""
    return write_bank(directory, HOSTILE_BANK, "hostile.toml")
