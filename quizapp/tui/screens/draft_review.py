"""The review of a bank drafted from an article (``quizapp draft ARTICLE
--review``, and "New bank from an article…" on Home).

The article is drafted in a worker. Every drafted actor, event and quote is
listed; the highlighted one shows what the bank will say about it, what the
draft was unsure of, and the article around it with its words highlighted.
The teacher keeps or leaves out each item and fixes a role, a speaker or a
date; saving writes the bank (asking before overwriting a file) and opens
it in the preview. The rules are in `quizapp.draft` and
`quizapp.usecases.draft_review`; this screen shows them.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from quizapp.tui.screens.base import AppScreen
from quizapp.tui.text import literal, literal_line, one_line
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.title_bar import TitleBar
from quizapp.usecases.draft_review import (
    DraftProblem,
    DraftRequest,
    ReviewRow,
    article_window,
    attention,
    date_text,
    item_fields,
    open_draft,
    review_rows,
    save_review,
    speaker_choices,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from textual.app import App

    from quizapp.draft import Draft, DraftItem, SavedDraft
    from quizapp.usecases.watched_bank import PreviewLoad

#: Marks an item kept in the bank, and one left out (not by colour alone).
KEPT_MARK = "✓"
LEFT_OUT_MARK = "✗"
#: Marks an item the teacher should check.
UNSURE_MARK = "!"
#: The headings of the list, by kind of item.
HEADINGS = {"actor": "Actors", "event": "Events", "quote": "Quotes"}

#: How the article shows an item's excerpt (the sentence), and its own words.
EXCERPT_STYLE = "underline"
MARK_STYLE = "bold reverse"


def row_prompt(row: ReviewRow) -> Content:
    """``✓! Vladimir Putin``: kept (✓) or left out (✗), unsure (!), the label."""
    return Content.assemble(
        (KEPT_MARK if row.accepted else LEFT_OUT_MARK, "bold" if row.accepted else "bold $error"),
        (UNSURE_MARK if row.unsure else " ", "bold $warning"),
        " ",
        literal_line(row.label, "" if row.accepted else "dim strike"),
    )


def heading_prompt(kind: str, rows: list[ReviewRow]) -> Content:
    """``Quotes · 9 (2 left out)``."""
    count = sum(1 for row in rows if row.kind == kind)
    left_out = sum(1 for row in rows if row.kind == kind and not row.accepted)
    text = f"{HEADINGS[kind]} · {count}"
    if left_out:
        text += f" ({left_out} left out)"
    return Content.styled(text, "bold $text-muted")


def window_content(draft: Draft, item: DraftItem) -> Content:
    """The article around ``item``: its excerpt underlined, its own words
    (the quote, the date, each naming of the actor) in reverse."""
    window = article_window(draft, item)
    cuts = sorted(
        {0, len(window.text), window.source.start, window.source.end}
        | {edge for mark in window.marks for edge in (mark.start, mark.end)}
    )
    parts: list[Content] = [Content("…")] if window.cut_before else []
    for start, end in pairwise(cuts):
        styles = []
        if window.source.start <= start and end <= window.source.end:
            styles.append(EXCERPT_STYLE)
        if any(mark.start <= start and end <= mark.end for mark in window.marks):
            styles.append(MARK_STYLE)
        parts.append(literal(window.text[start:end], " ".join(styles)))
    if window.cut_after:
        parts.append(Content("…"))
    return Content.assemble(*parts)


def item_content(draft: Draft, item: DraftItem) -> Content:
    """What the bank will say about ``item``, and what to check about it."""
    kind = type(item).__name__.removeprefix("Draft")
    state = "kept" if item.accepted else "left out"
    lines = [
        Content.assemble((kind, "bold"), (f" · {state} · id ", "dim"), literal_line(item.id, "dim"))
    ]
    for label, value in item_fields(draft, item):
        lines.append(Content.assemble((f"{label}: ", "dim"), literal_line(value)))
    for note in attention(draft, item):
        lines.append(Content.assemble((f"{UNSURE_MARK} ", "bold $warning"), literal_line(note)))
    return Content("\n").join(lines)


class DraftReviewScreen(AppScreen[None]):
    """Drafts ``request.article`` and lets the teacher review the draft."""

    CSS_PATH = "draft_review.tcss"
    #: The screen has the class ``-narrow`` below 80 columns. (Textual
    #: declares it so that it cannot be annotated as a ClassVar here.)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "Keep", tooltip="Keep the item in the bank", id="draft.accept"),
        Binding("x", "reject", "Leave out", tooltip="Leave the item out", id="draft.reject"),
        Binding(
            "e",
            "fix",
            "Fix",
            tooltip="Fix the actor's role, the quote's speaker or the event's date",
            id="draft.fix",
        ),
        Binding(
            "space",
            "toggle_kept",
            "Keep / leave out",
            tooltip="Keep or leave out the highlighted item",
            show=False,
            id="draft.toggle",
        ),
        Binding(
            "u",
            "next_unsure",
            "Next !",
            tooltip="The next item to check",
            show=False,  # the status line says so
            id="draft.unsure",
        ),
        Binding(
            "ctrl+s",
            "save",
            "Save",
            tooltip="Write the bank, then preview it",
            priority=True,
            id="draft.save",
        ),
        Binding(
            "escape",
            "leave",
            "Back",
            tooltip="Leave the review without saving (asks first)",
            id="draft.leave",
        ),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓", "Highlight an item: the article shows it"),
        ("tab", "Between the list and the article, to scroll it"),
    )

    class Drafted(Message):
        """The worker drafted the article (``draft``), or could not (``problem``)."""

        def __init__(self, draft: Draft | None, problem: str | None) -> None:
            super().__init__()
            self.draft = draft
            self.problem = problem

    class Saved(Message):
        """The worker wrote the bank and loaded it for the preview."""

        def __init__(self, saved: SavedDraft, load: PreviewLoad) -> None:
            super().__init__()
            self.saved = saved
            self.load = load

    class NotSaved(Message):
        """The worker could not write the bank; ``existing`` is the file it
        would overwrite, when that is why."""

        def __init__(self, problem: str, existing: Path | None) -> None:
            super().__init__()
            self.problem = problem
            self.existing = existing

    def __init__(self, request: DraftRequest) -> None:
        super().__init__()
        self.request = request
        #: The draft under review (None until drafted).
        self.draft: Draft | None = None
        #: What each row of the list shows: an item, or the heading of a kind.
        self._listed: list[ReviewRow | str] = []
        #: The item id of each row of the list (None for a heading).
        self._row_ids: list[str | None] = []
        #: The teacher changed something since the review started (or was saved).
        self.changed = False
        #: What the last save wrote.
        self.saved: SavedDraft | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="review-status")
        with Horizontal(id="review"):
            yield OptionList(id="review-items")
            with Vertical(id="review-main"):
                yield Static(id="review-item")
                with VerticalScroll(id="review-article"):
                    yield Static(id="review-excerpt")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Review the draft"
        self.sub_title = one_line(f"{self.request.article} → {self.request.output}")
        self._status(Content.styled(f"Drafting from {one_line(str(self.request.article))}…", "dim"))
        self.query_one("#review-article").display = False
        self._draft()

    # ------------------------------------------------------------ drafting

    @work(thread=True, exclusive=True, exit_on_error=False, group="draft")
    def _draft(self) -> None:
        # A 20,000-word article takes a second or two: not on the app's thread.
        try:
            message = self.Drafted(open_draft(self.request.article), None)
        except DraftProblem as problem:
            message = self.Drafted(None, str(problem))
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @on(Drafted)
    def _drafted(self, event: Drafted) -> None:
        if event.draft is None:
            self._status(literal(f"✗ {event.problem}", "bold $error"))
            self.notify(event.problem or "", severity="error", markup=False)
            return
        self.draft = event.draft
        self.query_one("#review-article").display = True
        self._fill_list()
        items = self.query_one("#review-items", OptionList)
        items.focus()
        unsure = [i for i, e in enumerate(self._listed) if isinstance(e, ReviewRow) and e.unsure]
        items.highlighted = unsure[0] if unsure else self._row_ids.index(self.draft.items()[0].id)
        self.refresh_bindings()

    # ------------------------------------------------------------ showing

    def _rows(self) -> list[ReviewRow]:
        return review_rows(self.draft) if self.draft is not None else []

    def _entries(self, rows: list[ReviewRow]) -> list[ReviewRow | str]:
        """What the list shows, in order: each kind's heading (the kind), then its rows."""
        entries: list[ReviewRow | str] = []
        for kind in HEADINGS:
            of_kind = [row for row in rows if row.kind == kind]
            if of_kind:
                entries += [kind, *of_kind]
        return entries

    def _fill_list(self) -> None:
        rows = self._rows()
        self._listed = self._entries(rows)
        self._row_ids = [e.item_id if isinstance(e, ReviewRow) else None for e in self._listed]
        self.query_one("#review-items", OptionList).set_options(
            Option(heading_prompt(entry, rows), disabled=True)
            if isinstance(entry, str)
            else Option(row_prompt(entry))
            for entry in self._listed
        )
        self._status_counts(rows)

    def _update_list(self) -> None:
        """Show again the rows that changed and the headings (the items
        stay in place: a draft of a long article has a thousand of them)."""
        rows = self._rows()
        entries = self._entries(rows)
        items = self.query_one("#review-items", OptionList)
        for index, (before, now) in enumerate(zip(self._listed, entries, strict=True)):
            if isinstance(now, str):
                items.replace_option_prompt_at_index(index, heading_prompt(now, rows))
            elif now != before:
                items.replace_option_prompt_at_index(index, row_prompt(now))
        self._listed = entries
        self._status_counts(rows)

    def _status(self, content: Content) -> None:
        self.query_one("#review-status", Static).update(content)

    def _status_counts(self, rows: list[ReviewRow]) -> None:
        kept = sum(1 for row in rows if row.accepted)
        unsure = sum(1 for row in rows if row.unsure)
        parts = [f"{kept} of {len(rows)} kept"]
        if unsure:
            parts.append(f"{UNSURE_MARK} {unsure} to check (u)")
        if self.saved is not None and not self.changed:
            parts.append(f"saved as {one_line(str(self.saved.bank))}")
        else:
            parts.append(f"ctrl+s writes {one_line(str(self.request.output))}")
        self._status(Content(" · ".join(parts)))

    @property
    def item(self) -> DraftItem | None:
        """The highlighted item."""
        highlighted = self.query_one("#review-items", OptionList).highlighted
        if self.draft is None or highlighted is None or highlighted >= len(self._row_ids):
            return None
        item_id = self._row_ids[highlighted]
        return self.draft.item(item_id) if item_id is not None else None

    def _show_item(self) -> None:
        item, draft = self.item, self.draft
        if item is None or draft is None:
            return
        self.query_one("#review-item", Static).update(item_content(draft, item))
        self.query_one("#review-excerpt", Static).update(window_content(draft, item))
        self.query_one("#review-article", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#review-items")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_item()
        self.refresh_bindings()

    def _changed(self) -> None:
        """Show what the teacher just changed, in the list and the item."""
        self.changed = True
        self._update_list()
        self._show_item()

    # ------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("accept", "reject", "fix", "toggle_kept"):
            return self.item is not None
        if action in ("next_unsure", "save"):
            return self.draft is not None
        if action == "leave":
            return self.app.screen_stack[0] is not self
        return True

    def action_accept(self) -> None:
        """Keep the highlighted item; the teacher has checked it."""
        item = self.item
        if self.draft is not None and item is not None:
            self.draft.accept(item.id, checked=True)
            self._changed()

    def action_reject(self) -> None:
        """Leave the highlighted item out of the bank."""
        item = self.item
        if self.draft is not None and item is not None:
            self.draft.reject(item.id)
            self._changed()

    def action_toggle_kept(self) -> None:
        """Keep a left-out item, or leave out a kept one."""
        item = self.item
        if item is not None and item.accepted:
            self.action_reject()
        else:
            self.action_accept()

    def action_next_unsure(self) -> None:
        """Highlight the next item to check (from the top after the last)."""
        items = self.query_one("#review-items", OptionList)
        count = len(self._listed)
        start = items.highlighted if items.highlighted is not None else -1
        for step in range(1, count + 1):
            index = (start + step) % count
            entry = self._listed[index]
            if isinstance(entry, ReviewRow) and entry.unsure:
                items.highlighted = index
                return
        self.notify("Nothing left to check.", timeout=3)

    def action_fix(self) -> None:
        """Fix the highlighted actor's role, quote's speaker or event's date."""
        from quizapp.draft import DraftActor, DraftEditError, DraftEvent
        from quizapp.tui.dialogs.draft_fix import DateDialog, RoleDialog, SpeakerDialog

        draft, item = self.draft, self.item
        if draft is None or item is None:
            return
        item_id = item.id

        def apply(change: Callable[[], object]) -> str | None:
            try:
                change()
            except DraftEditError as error:
                return str(error)
            return None

        def fixed(done: bool | None) -> None:
            if done:
                self._changed()

        if isinstance(item, DraftActor):
            self.app.push_screen(
                RoleDialog(
                    item.name, item.role, lambda role: apply(lambda: draft.set_role(item_id, role))
                ),
                fixed,
            )
        elif isinstance(item, DraftEvent):
            self.app.push_screen(
                DateDialog(
                    item.when,
                    date_text(item),
                    item.approximate,
                    lambda date, approximate: apply(
                        lambda: draft.set_date(item_id, date, approximate=approximate)
                    ),
                ),
                fixed,
            )
        else:
            self.app.push_screen(
                SpeakerDialog(
                    item.text,
                    speaker_choices(draft),
                    item.speaker,
                    lambda actor_id: apply(lambda: draft.set_speaker(item_id, actor_id)),
                ),
                fixed,
            )

    def action_save(self) -> None:
        """Write the bank (asking first when quotes have no speaker), then preview it."""
        from quizapp.tui.dialogs.confirm import ConfirmDialog

        draft = self.draft
        if draft is None:
            return
        unresolved = len(draft.unresolved_quotes())
        if not unresolved:
            self._save(draft.snapshot(), force=False)
            return
        quotes = "1 kept quote has" if unresolved == 1 else f"{unresolved} kept quotes have"
        message = Content(
            f"{quotes} no speaker. The bank will not load until each has one: "
            "quizapp check and the preview list them. Save anyway?"
        )

        def answered(save: bool | None) -> None:
            if save:
                self._save(draft.snapshot(), force=False)

        self.app.push_screen(
            ConfirmDialog("Quotes without a speaker", message, yes="Save"), answered
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="draft-save")
    def _save(self, draft: Draft, *, force: bool) -> None:
        from quizapp.draft import DraftWriteError
        from quizapp.usecases.watched_bank import load_preview

        try:
            saved = save_review(draft, self.request, force=force)
        except DraftWriteError as error:
            self.post_message(self.NotSaved(str(error), error.existing))
            return
        self.post_message(self.Saved(saved, load_preview(saved.bank)))

    @on(NotSaved)
    def _not_saved(self, event: NotSaved) -> None:
        from quizapp.tui.dialogs.confirm import ConfirmDialog

        draft = self.draft
        if event.existing is None or draft is None:
            self.notify(event.problem, title="Not saved", severity="error", markup=False)
            return

        def answered(overwrite: bool | None) -> None:
            if overwrite:
                self._save(draft.snapshot(), force=True)

        self.app.push_screen(
            ConfirmDialog(
                "Overwrite the file?",
                Content.assemble(
                    literal_line(str(event.existing)), " already exists. Write the bank over it?"
                ),
                yes="Overwrite",
            ),
            answered,
        )

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        from quizapp.tui.screens.bank_preview import PreviewScreen

        wrote = f"Wrote {event.saved.bank}"
        if event.saved.text_file is not None:
            wrote += f" and the article's text, {event.saved.text_file}"
        self.notify(wrote + ".", title="Saved", markup=False)
        self.changed = False
        self.saved = event.saved
        self._status_counts([e for e in self._listed if isinstance(e, ReviewRow)])
        # Esc in the preview comes back here, to review again and save over it.
        self.app.push_screen(PreviewScreen(event.load, event.saved.bank))

    def action_leave(self) -> None:
        """Back to Home; asks first when the review would be lost."""
        from quizapp.tui.dialogs.confirm import ConfirmDialog

        if not self.changed:
            self.dismiss()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()

        self.app.push_screen(
            ConfirmDialog(
                "Leave the review?",
                Content("What you kept, left out and fixed is lost: the bank is not saved."),
                yes="Leave",
            ),
            answered,
        )


def ask_for_article(app: App[None]) -> None:
    """Home's "New bank from an article…": ask for the article and the
    bank file, then review the draft."""
    from quizapp.tui.dialogs.draft_fix import NewBankDialog

    def review(request: DraftRequest | None) -> None:
        if request is not None:
            app.push_screen(DraftReviewScreen(request))

    app.push_screen(NewBankDialog(), review)
