"""Help: every key of every screen, read from the screens' own bindings (the
sections are listed in `quizapp.tui.registry`)."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.widgets import Header, Static

from quizapp.tui.registry import help_sections
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.widgets.keys_footer import KeysFooter

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
        (_key_run(keys) or " / ".join(dict.fromkeys(keys)), description)
        for description, keys in grouped.items()
    ]
    rows.extend(node_class.__dict__.get("HELP_KEYS", ()))
    return rows


class HelpScreen(AppScreen[None]):
    """Every key on every screen; escape, q or ? closes it."""

    CSS_PATH = "help.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close help", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help"):
            yield Static(
                Content(
                    "quizapp is keyboard-first; the mouse works too. Keys shown in the footer "
                    "apply to the screen you are on; greyed ones do not apply right now."
                ),
                classes="help-intro",
            )
            sections = [("Everywhere", type(self.app)), *help_sections()]
            for title, node_class in sections:
                rows = key_rows(node_class, self.app.get_key_display)
                if not rows:
                    continue
                yield Static(Content.styled(title, "bold $accent"), classes="section-title")
                lines = [
                    Content.assemble((keys.ljust(KEY_COLUMN), "bold"), description)
                    for keys, description in rows
                ]
                yield Static(Content("\n").join(lines), classes="help-keys")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Help"
        self.sub_title = "keys"
        self.query_one("#help", VerticalScroll).focus()
