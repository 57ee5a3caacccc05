"""The footer of every quizapp screen: Textual's `Footer`, rebuilt only when
the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.widgets import Footer


class KeysFooter(Footer):
    """A `Footer` that skips rebuilding its keys when they are what it shows.

    Textual's footer removes and mounts all its keys again each time a screen
    refreshes its bindings, and a screen does so several times when it opens
    (focus, the screen stack, what the screen itself refreshes): with ten
    keys that is 10-20 ms each time, for the same keys.
    """

    def __init__(self) -> None:
        super().__init__()
        #: What the keys were last built from (None: never built).
        self._built_from: Hashable | None = None

    def _keys(self) -> Hashable:
        """What `Footer.compose` builds the keys from: the bindings it shows
        and the palette's (the hidden ones change with every move of focus)."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return (
            self.show_command_palette,
            tuple(
                (key, active.binding, active.enabled, active.tooltip)
                for key, active in self.screen.active_bindings.items()
                if active.binding.show or key == palette
            ),
        )

    def fit_width(self, width: int, *, compact_below: int, palette_below: int) -> bool:
        """Pack the keys closer below ``compact_below`` columns, and leave out
        the palette's key (ctrl+p still works) below ``palette_below``, so
        that ``?`` and ``^q`` stay in view. True when the screen must refresh
        its bindings for the footer to show the change."""
        self.compact = width < compact_below
        show_palette = width >= palette_below
        if self.show_command_palette == show_palette:
            return False
        self.show_command_palette = show_palette
        return True

    def compose(self) -> ComposeResult:
        """Textual's keys, made compact or not before they are styled.

        A key starts compact and is told the footer's setting once mounted,
        which restyles every key of a footer that is not compact, each time
        the keys are built: telling each key first spares that. (The
        palette's key is not told: it stays compact.)
        """
        for widget in super().compose():
            compact = getattr(type(widget), "compact", None)  # a key's, not a label's
            if isinstance(compact, Reactive) and not widget.has_class("-command-palette"):
                widget.set_reactive(compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    async def recompose(self) -> None:
        """Build the keys again, unless they would be the same or cannot be
        seen: a screen covered by another refreshes its bindings when it is
        shown again, and its keys are built then."""
        if self.is_attached and not self.screen.is_active:
            return
        keys = self._keys() if self.is_attached else None
        if keys is not None and keys == self._built_from:
            return
        await super().recompose()
        # A footer not ready to show keys yet builds none: build it next time.
        self._built_from = keys if self.children else None
