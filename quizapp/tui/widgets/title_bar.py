"""The title line at the top of every quizapp screen."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

#: The icon on the left; a click on it opens the command palette.
ICON = "⭘"
#: Columns kept for the icon on the left and left blank on the right, as in
#: Textual's `Header` (whose right-hand columns are for a clock).
ICON_WIDTH = 8
RIGHT_WIDTH = 10


class TitleBar(Widget):
    """The screen's title and sub-title (or the app's), centred on one line,
    with ⭘ on the left to open the command palette: the line Textual's
    `Header` draws, drawn by one widget instead of four.

    The header's four widgets are styled, laid out and retitled one by one
    as a screen opens; Home's first frame is about 5 ms sooner with this one
    (`benchmarks/bench_startup.py`, see docs/tui.md).
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._retitled, init=False)
            self.watch(node, "sub_title", self._retitled, init=False)

    def _retitled(self) -> None:
        self.refresh()

    @property
    def heading(self) -> Content:
        """The title and sub-title shown, formatted by the app."""
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return app.format_title(title, sub_title)

    def render(self) -> Content:
        room = max(self.size.width - ICON_WIDTH - RIGHT_WIDTH, 0)
        title = self.heading.rstrip().truncate(room, ellipsis=True)
        left = (room - title.cell_length) // 2
        return Content.assemble(
            f" {ICON}".ljust(ICON_WIDTH),
            title.pad(left, room - left - title.cell_length),
            " " * RIGHT_WIDTH,
        )

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
