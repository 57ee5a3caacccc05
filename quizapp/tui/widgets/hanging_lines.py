"""Lines with a hanging indent: a marker (a bullet, a key) and text that wraps
under itself rather than under the marker."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget


class HangingLines(Widget):
    """Shows ``(marker, text)`` pairs, one after the other: each text starts
    after its marker and its wrapped lines are indented as far, so bullets,
    quotes and keys stand out in a narrow terminal too. The width of each
    marker is its indent."""

    DEFAULT_CSS = """
    HangingLines {
        height: auto;
    }
    """

    def __init__(
        self,
        lines: Sequence[tuple[Content, Content]],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.lines = tuple(lines)
        self._wrapped: tuple[int, list[Content]] | None = None

    def wrapped(self, width: int) -> list[Content]:
        """The lines as shown ``width`` cells wide."""
        if self._wrapped is not None and self._wrapped[0] == width:
            return self._wrapped[1]
        shown: list[Content] = []
        for marker, text in self.lines:
            indent = marker.cell_length
            rows = text.wrap(max(width - indent, 1)) or [Content()]
            shown.append(Content.assemble(marker, rows[0]))
            shown.extend(Content.assemble(" " * indent, row) for row in rows[1:])
        self._wrapped = (width, shown)
        return shown

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.wrapped(width))

    def render(self) -> Content:
        return Content("\n").join(self.wrapped(self.content_region.width))
