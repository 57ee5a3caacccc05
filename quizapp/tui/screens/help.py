"""Help: every key of every screen, read from the screens' own bindings (the
sections are listed in `quizapp.tui.registry`). It opens at the section of
the screen it was opened from."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from quizapp.tui.registry import help_sections
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.widgets.hanging_lines import HangingLines
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.title_bar import TitleBar

KEY_COLUMN = 22


def _key_run(keys: list[str]) -> str | None:
    """``1–9`` or ``a–z`` for a run of consecutive digits or letters."""
    if len(keys) < 3:
        return None
    for alphabet in (string.digits, string.ascii_lowercase):
        if all(len(k) == 1 and k in alphabet for k in keys):
            start = alphabet.index(keys[0])
            if "".join(keys) == alphabet[start : start + len(keys)]:
                return f"{keys[0]}–{keys[-1]}"
    return None


def key_rows(
    node_class: type[DOMNode], key_display: Callable[[Binding], str]
) -> list[tuple[str, str]]:
    """(keys, description) for the bindings and extra help keys a class
    declares itself (inherited ones are listed under the parent class). A
    binding's tooltip, when it has one, is the longer description used."""
    bindings: Iterable[BindingType] = node_class.__dict__.get("BINDINGS", ())
    grouped: dict[str, list[str]] = {}
    for binding in bindings:
        if not isinstance(binding, Binding):
            key, action, *rest = binding
            binding = Binding(key, action, rest[0] if rest else "")
        description = binding.tooltip or binding.description
        for key in binding.key.split(","):
            display = key_display(Binding(key.strip(), binding.action, binding.description))
            grouped.setdefault(description, []).append(display)
    rows = [
        (_key_run(list(dict.fromkeys(keys))) or " / ".join(dict.fromkeys(keys)), description)
        for description, keys in grouped.items()
    ]
    rows.extend(node_class.__dict__.get("HELP_KEYS", ()))
    return rows


def section_for(screen: Screen[object] | None, sections: list[tuple[str, type]]) -> int | None:
    """The index of the section about ``screen``: the one of the focused
    widget or a widget holding it (an answer widget, say) if one has a
    section, else the screen's own."""
    if screen is None:
        return None
    nodes = screen.focused.ancestors_with_self if screen.focused is not None else [screen]
    for node in nodes:
        for index, (_, node_class) in enumerate(sections):
            if isinstance(node, node_class):
                return index
    return None


def key_line(keys: str, description: str) -> tuple[Content, Content]:
    """The keys in bold in their column, and what they do (wrapped lines hang
    under the description)."""
    return Content.styled(f"{keys.ljust(KEY_COLUMN - 1)} ", "bold"), Content(description)


class HelpScreen(AppScreen[None]):
    """Every key on every screen, scrolled to the section of ``about`` (the
    screen it was opened from); escape, q, ? or f1 closes it."""

    CSS_PATH = "help.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "app.pop_screen", "Close help", id="help.close"),
    ]

    def __init__(self, about: Screen[object] | None = None) -> None:
        super().__init__()
        self.about = about
        #: The index among the sections (after "Everywhere") to open at.
        self.opens_at: int | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="help"):
            yield Static(
                Content(
                    "quizapp is keyboard-first; the mouse works too. Keys shown in the footer "
                    "apply to the screen you are on; greyed ones do not apply right now."
                ),
                classes="help-intro",
            )
            sections = [("Everywhere", type(self.app)), *help_sections()]
            self.opens_at = section_for(self.about, sections)
            for index, (title, node_class) in enumerate(sections):
                rows = key_rows(node_class, self.app.get_key_display)
                if not rows:
                    continue
                yield Static(
                    Content.styled(title, "bold $accent"),
                    classes="section-title",
                    id=f"help-section-{index}",
                )
                lines = [key_line(keys, description) for keys, description in rows]
                yield HangingLines(lines, classes="help-keys")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Help"
        self.sub_title = "keys"
        self.query_one("#help", VerticalScroll).focus()
        if self.opens_at is not None:
            self.call_after_refresh(self._open_at_section)

    def _open_at_section(self) -> None:
        found = self.query(f"#help-section-{self.opens_at}")
        if found:
            self.query_one("#help", VerticalScroll).scroll_to_widget(
                found.first(), animate=False, top=True
            )
