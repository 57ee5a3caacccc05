"""A checkbox and a radio button whose state shows as a mark, not only as a
colour: Textual draws the same ``▐X▌`` / ``▐●▌`` on and off, in two colours,
which a colour-blind user or a monochrome terminal cannot tell apart."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox, RadioButton


class MarkedCheckbox(Checkbox):
    """A checkbox drawn ``▐X▌`` when ticked and ``▐ ▌`` when not."""

    def render(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super().render()


class MarkedRadioButton(RadioButton):
    """A radio button drawn ``▐●▌`` when chosen and ``▐ ▌`` when not."""

    def render(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super().render()
