"""The footer of every quizapp screen: the screen's keys on one line, drawn
by one widget."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen

#: The line left of the palette's key, on the right.
SEPARATOR = "▏"


class Key(NamedTuple):
    """A key the footer shows, and what a click on it presses."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


class Group(NamedTuple):
    """Keys shown together: a key alone, or the keys of a binding group
    (shown without their descriptions, followed by the group's)."""

    keys: tuple[Key, ...]
    label: str = ""
    compact: bool = False


#: What the footer shows: the screen's keys, then the palette's, if shown.
Keys = tuple[tuple[Group, ...], Key | None]


@dataclass(frozen=True)
class _Box:
    """Parts of the line side by side, and the blank columns before the
    next box."""

    parts: tuple[tuple[str, str, Key | None], ...]  # (text, component class, key)
    after: int = 0

    @property
    def width(self) -> int:
        return sum(cell_len(text) for text, _, _ in self.parts)


class KeysFooter(Widget, can_focus=False):
    """The keys of the screen's shown bindings as Textual's `Footer` shows
    them (grouped keys, greyed keys that do not apply now, the palette's key
    on the right), drawn by one widget.

    Textual's footer is a widget per key, all removed and mounted again each
    time the screen's keys change; styling and laying them out took about a
    fifth of the processor time of the quiz's screens (see docs/tui.md).

    The line fits the width: it packs the keys closer, then leaves out the
    palette's key (ctrl+p still works), so that the screen's last keys (`?`
    and `^q`) stay in view. A click on a key presses it, and a key shows its
    tooltip under the mouse.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {  # noqa: RUF012  (a plain set in Textual's Widget)
        "keys-footer--item",
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--label",
        "keys-footer--separator",
        "keys-footer--hover",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        width: 1fr;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .keys-footer--item {
            background: $footer-item-background;
        }
        .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keys-footer--description, .keys-footer--label {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keys-footer--separator {
            color: $foreground 20%;
        }
        .keys-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        #: What the line shows (None until the screen has shown its keys).
        self.keys: Keys | None = None
        #: Where each key is on the line last drawn: (start, end, key).
        self._spots: list[tuple[int, int, Key]] = []
        self._hovered: Key | None = None

    # ------------------------------------------------------------ the keys

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        if self.screen.is_active:  # mounted once the screen was shown
            self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        """Draw the line again if its keys changed. Under another screen, the
        line stays as it was: a screen refreshes its bindings when shown."""
        if not (self.app.app_focus and self.is_attached and screen.is_active):
            return
        keys = read_keys(screen)
        if keys != self.keys:
            self.keys = keys
            self.refresh()

    # ------------------------------------------------------------ the line

    def render(self) -> Text:
        self._spots = []
        if self.keys is None:
            return Text()
        groups, palette = self.keys
        width = self.size.width
        # The first that fits: spaced out, packed, packed without ^p.
        for compact, with_palette in ((False, True), (True, True), (True, False)):
            left = _boxes(groups, compact)
            right = _palette_box(palette) if with_palette and palette is not None else []
            if _width(left) + _width(right) <= width:
                break
        return self._draw(left, right, width)

    def _draw(self, left: list[_Box], right: list[_Box], width: int) -> Text:
        base = self.rich_style
        styles = {
            name: self.get_component_rich_style(f"keys-footer--{name}")
            for name in ("item", "key", "description", "label", "separator")
        }
        hover = self.get_component_rich_style("keys-footer--hover")
        line = Text(no_wrap=True, overflow="crop", end="")
        room = max(width - _width(right), 0)
        for boxes, end in ((left, room), (right, width)):
            part = Text(no_wrap=True, overflow="crop", end="")
            start = line.cell_len
            for box, gap in _placed(boxes):
                part.append(" " * gap, base)
                for text, name, key in box.parts:
                    if start + part.cell_len < end and key is not None:
                        column = start + part.cell_len
                        self._spots.append((column, min(column + cell_len(text), end), key))
                    style = styles[name or "item"] if name or key else base
                    if key is not None and not key.enabled:
                        style += Style(dim=True)
                    if key is not None and key == self._hovered:
                        style = hover + style + Style(bgcolor=hover.bgcolor)
                    part.append(text, style)
            part.truncate(end - start, pad=True)
            part.stylize_before(base)
            line.append_text(part)
        return line

    # ------------------------------------------------------------ the mouse

    def _key_at(self, x: int) -> Key | None:
        for start, end, key in self._spots:
            if start <= x < end:
                return key
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self._key_at(event.x))

    def on_leave(self) -> None:
        self._hover(None)

    def _hover(self, key: Key | None) -> None:
        if key != self._hovered:
            self._hovered = key
            self.tooltip = key.tooltip or None if key is not None else None
            self.refresh()


def read_keys(screen: Screen[object]) -> Keys:
    """The keys `Footer` shows for the screen's active bindings: the first
    key of each action whose binding is shown, grouped as their bindings
    are, and the palette's key."""
    app = screen.app

    def shown(binding: Binding, enabled: bool, tooltip: str) -> Key:
        display = app.get_key_display(binding)
        return Key(binding.key, display, binding.description, enabled, tooltip)

    first = {}
    for _node, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in first:
            first[binding.action] = (binding.group, shown(binding, enabled, tooltip))
    groups: list[Group] = []
    for group, members in groupby(first.values(), lambda member: member[0]):
        keys = tuple(key for _, key in members)
        if group is not None and len(keys) > 1:
            # A group's keys show its description; their own is the tooltip.
            keys = tuple(key._replace(tooltip=key.tooltip or key.description) for key in keys)
            groups.append(Group(keys, group.description, group.compact))
        else:
            groups.extend(Group((key,)) for key in keys)
    palette = None
    active = screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
    if app.ENABLE_COMMAND_PALETTE and active is not None:
        _node, binding, enabled, _tooltip = active
        palette = shown(binding, enabled, binding.tooltip or binding.description)
    return tuple(groups), palette


def _boxes(groups: tuple[Group, ...], compact: bool) -> list[_Box]:
    """The screen's keys as `Footer` lays them out, packed closer when
    ``compact`` (a group's label is always followed by a blank)."""
    boxes = []
    for group in groups:
        if not group.label:
            (key,) = group.keys
            if not key.description:
                parts: tuple[tuple[str, str, Key | None], ...] = ((key.display, "key", key),)
            elif compact:
                parts = ((key.display, "key", key), (f" {key.description}", "description", key))
            else:
                parts = (
                    (f" {key.display} ", "key", key),
                    (f"{key.description} ", "description", key),
                )
            boxes.append(_Box(parts, after=int(compact)))
            continue
        if group.compact:  # the keys side by side after a blank
            parts = ((" ", "", None), *((key.display, "key", key) for key in group.keys))
            boxes.append(_Box(parts, after=1))
        else:  # the keys with a blank around each
            parts = ((" ", "", None),)
            for key in group.keys:
                parts += ((key.display, "key", key), (" ", "", None))
            boxes.append(_Box(parts))
        boxes.append(_Box(((group.label, "label", None),), after=1))
    return boxes


def _palette_box(key: Key) -> list[_Box]:
    """The palette's key, packed, after a line."""
    parts = (
        (SEPARATOR, "separator", None),
        (key.display, "key", key),
        (f" {key.description}", "description", key),
        (" ", "", key),
    )
    return [_Box(parts)]


def _placed(boxes: list[_Box]) -> Iterator[tuple[_Box, int]]:
    """Each box with the blank columns before it."""
    after = 0
    for box in boxes:
        yield box, after
        after = box.after


def _width(boxes: list[_Box]) -> int:
    return sum(gap + box.width for box, gap in _placed(boxes))
