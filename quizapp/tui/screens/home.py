"""Home: every bank with its scores and study cards; start, resume or discard
a quiz, study, cram, review mistakes, or open a bank's fact views."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Header, Static

from quizapp.store import StoreError
from quizapp.tui import collector
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.text import literal, literal_line, one_line
from quizapp.tui.widgets.bank_list import BankEntry, BankList, HomeEntry, is_failed, study_part
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.usecases.formatting import format_score, format_when

if TYPE_CHECKING:
    from quizapp.model import Bank

#: Actions that need a loaded bank highlighted.
BANK_ACTIONS = frozenset(
    {
        "start_quiz",
        "study",
        "cram",
        "whos_who",
        "timeline",
        "quotes",
        "brief",
        "review_mistakes",
        "statistics",
    }
)

LOADING = "Loading the question banks …"
NO_BANKS = (
    "No question banks were found. Put bank files (*.toml) in your bank folder, "
    "or name files or folders on the command line: quizapp PATH ..."
)


def key_hint(key: str, label: str) -> Content:
    """``t study``: a key in bold and what it does."""
    return Content.assemble((key, "bold $accent"), f" {label}")


def binding_state(entry: HomeEntry | None) -> tuple[type | None, bool]:
    """What the footer's keys depend on: the kind of entry highlighted and
    whether it has an unfinished quiz (see `HomeScreen.check_action`)."""
    if entry is None:
        return None, False
    return type(entry), isinstance(entry, BankEntry) and bool(entry.unfinished)


class HomeScreen(AppScreen[None]):
    """The first screen: the banks, their scores, and what to do next."""

    #: Home's styles are the app's own (``app.tcss``): none to read.
    CSS_PATH = None

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "s",
            "start_quiz",
            "Start quiz",
            tooltip="Choose options and start a quiz on the highlighted bank",
            id="home.start",
        ),
        Binding(
            "t",
            "study",
            "Study",
            tooltip="Study the highlighted bank's due cards, then new ones",
            id="home.study",
        ),
        Binding(
            "m",
            "review_mistakes",
            "Mistakes",
            tooltip="A quiz of the questions you got wrong on the highlighted bank",
            id="home.mistakes",
        ),
        Binding(
            "r",
            "resume",
            "Resume",
            tooltip="Resume the highlighted bank's unfinished quiz",
            id="home.resume",
        ),
        Binding(
            "x",
            "discard",
            "Discard",
            tooltip="Discard the highlighted bank's unfinished quiz (asks first)",
            id="home.discard",
        ),
        Binding(
            "e",
            "show_errors",
            "Errors",
            tooltip="Every problem of the highlighted bank that could not be loaded",
            id="home.errors",
        ),
        Binding(
            "h",
            "app.history",
            "History",
            tooltip="Your past quizzes, score trend and weakest questions",
            id="home.history",
        ),
        Binding(
            "c",
            "cram",
            "Cram",
            show=False,
            tooltip="Cram the highlighted bank's cards; your study schedule is left alone",
            id="home.cram",
        ),
        Binding(
            "w",
            "whos_who",
            "Who's who",
            show=False,
            tooltip="Who's who: the bank's actors, with their quotes and events",
            id="home.whos_who",
        ),
        Binding(
            "l",
            "timeline",
            "Timeline",
            show=False,
            tooltip="Timeline: the bank's events in order",
            id="home.timeline",
        ),
        Binding(
            "o",
            "quotes",
            "Quotes",
            show=False,
            tooltip="Quotes: every quote with its speaker and context",
            id="home.quotes",
        ),
        Binding(
            "b",
            "brief",
            "Brief",
            show=False,
            tooltip="Brief: one page to read before a discussion",
            id="home.brief",
        ),
        Binding(
            "i",
            "statistics",
            "Statistics",
            show=False,
            tooltip="Statistics: how everyone did on each question of the highlighted bank",
            id="home.statistics",
        ),
        Binding(
            "n",
            "app.new_per_day",
            "New cards a day",
            show=False,
            tooltip="Change the daily limit of new study cards",
            id="home.new_per_day",
        ),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓", "Highlight a bank"),
        ("⏎ / click", "Start a quiz on the bank (or show a failed bank's errors)"),
    )

    def __init__(self) -> None:
        super().__init__()
        #: True from compose until the first resume (the app's start).
        self._composed = True
        #: Bank id -> questions this player got wrong, read when first shown.
        self._missed: dict[str, int] = {}
        #: The `binding_state` the footer was last refreshed for.
        self._bindings_shown: tuple[type | None, bool] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        warning = self.quiz_app.store.warning
        if self.quiz_app.store.moved_aside is not None:
            text = warning or (
                f"The scores database could not be read; it was moved aside to "
                f"{self.quiz_app.store.moved_aside} and a fresh one was started."
            )
            yield Static(literal(f"⚠ {text}"), id="db-warning")
        bank_list = BankList(self._entries(), self.quiz_app.settings.now(), id="banks")
        yield bank_list
        yield Static(
            self._detail(bank_list.entries[0] if bank_list.entries else None), id="bank-detail"
        )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = one_line(self.quiz_app.settings.player)
        bank_list = self.query_one(BankList)
        bank_list.display = not self.quiz_app.banks_loading  # nothing to list yet
        bank_list.focus()
        self.call_after_refresh(self._first_frame_shown)

    def _first_frame_shown(self) -> None:
        """What waits for the first frame: collecting garbage again (paused
        by ``quizapp`` while the app starts), then loading the banks (Home
        says they are loading) or counting their study cards."""
        collector.resume()
        if self.quiz_app.banks_loading:
            self.quiz_app.start_loading_banks()
        else:
            self._show_study_counts()

    def on_screen_resume(self) -> None:
        if self._composed:
            self._composed = False  # the list was just built: nothing changed since
            return
        self.refresh_entries()

    def refresh_entries(self) -> None:
        """Reload scores, unfinished attempts and study counts from the store."""
        self._missed.clear()
        self._show_entries(self._with_study_counts(self._entries()))

    def _show_study_counts(self) -> None:
        """Add the study counts to the entries listed."""
        self._show_entries(self._with_study_counts(self.query_one(BankList).entries))

    def _show_entries(self, entries: list[HomeEntry]) -> None:
        bank_list = self.query_one(BankList)
        bank_list.show_entries(entries, self.quiz_app.settings.now())
        if not bank_list.display and not self.quiz_app.banks_loading:
            bank_list.display = True  # hidden while the banks were loading
            bank_list.focus()
        self._show_detail(bank_list.current)

    def _with_study_counts(self, entries: list[HomeEntry]) -> list[HomeEntry]:
        """``entries`` with every loaded bank's study cards counted (those
        that could not be counted are left without)."""
        counts = self.quiz_app.study_counts(
            [entry.overview.bank for entry in entries if isinstance(entry, BankEntry)]
        )
        return [
            dataclasses.replace(entry, study=counts.get(entry.overview.bank.id))
            if isinstance(entry, BankEntry)
            else entry
            for entry in entries
        ]

    def _entries(self) -> list[HomeEntry]:
        """The entries with scores and unfinished quizzes (study cards not counted)."""
        app = self.quiz_app
        if not app.results:
            return []
        from quizapp.model import BankError  # imported by now, with the banks

        player = app.settings.player
        try:
            stats = app.store.bank_stats(player)
            unfinished = app.store.unfinished_attempts(player)
        except StoreError as error:
            app.notify(str(error), severity="error", markup=False)
            stats, unfinished = {}, []
        entries: list[HomeEntry] = []
        for result in app.results:
            if isinstance(result, BankError):
                entries.append(result)
                continue
            entries.append(
                BankEntry(
                    overview=app.overview(result),
                    stats=stats.get(result.id),
                    unfinished=tuple(a for a in unfinished if a.bank_id == result.id),
                )
            )
        return entries

    # ------------------------------------------------------------ detail

    def _show_detail(self, entry: HomeEntry | None) -> None:
        self.query_one("#bank-detail", Static).update(self._detail(entry))
        # Refreshing the keys rebuilds the footer: only when they can change.
        state = binding_state(entry)
        if state != self._bindings_shown:
            self._bindings_shown = state
            self.refresh_bindings()

    def _detail(self, entry: HomeEntry | None) -> Content:
        if entry is None:
            app = self.quiz_app
            if app.banks_loading:
                return Content(LOADING)
            if app.load_error is not None:
                return Content(f"The question banks could not be loaded: {app.load_error}")
            return Content(NO_BANKS)
        if is_failed(entry):
            count = len(entry.problems)
            return Content.assemble(
                literal_line(str(entry.path), "bold"),
                "\n",
                f"{count} problem{'s' if count != 1 else ''}. ",
                ("Press Enter or e to see ", "dim"),
                ("them all." if count != 1 else "it.", "dim"),
            )
        return self._bank_detail(entry)

    def _bank_detail(self, entry: BankEntry) -> Content:
        bank = entry.overview.bank
        lines: list[Content] = []
        if bank.description:
            lines.append(literal(bank.description))
        if bank.source is not None and bank.source.title:
            lines.append(Content.assemble(("Source: ", "dim"), literal_line(bank.source.title)))
        tags = entry.overview.tag_counts
        if tags:
            lines.append(
                Content.assemble(
                    ("Tags: ", "dim"),
                    Content(" · ").join(
                        Content.assemble(literal_line(tag), f" {count}") for tag, count in tags
                    ),
                )
            )
        lines.extend(self._study_detail(entry))
        if entry.unfinished:
            latest = entry.unfinished[0]
            started = format_when(latest.started_at, self.quiz_app.settings.now())
            text = (
                f"Unfinished quiz from {started}: {latest.answered} of {latest.total} answered, "
                f"score {format_score(latest.score, latest.max_score)}. "
                "Press r to resume it or x to discard it."
            )
            if len(entry.unfinished) > 1:
                text += f" ({len(entry.unfinished) - 1} older unfinished.)"
            lines.append(Content.styled(text, "$warning"))
        return Content("\n").join(lines)

    def _study_detail(self, entry: BankEntry) -> list[Content]:
        """What there is to study and review, with the keys that open it."""
        bank = entry.overview.bank
        lines: list[Content] = []
        if entry.study is not None:
            lines.append(
                Content.assemble(
                    ("Study: ", "dim"),
                    study_part(entry.study),
                    " today · ",
                    key_hint("t", "study"),
                    " · ",
                    key_hint("c", "cram"),
                )
            )
        missed = self._missed_questions(entry)
        lines.append(
            Content.assemble(
                ("Mistakes: ", "dim"),
                f"{missed} question{'s' if missed != 1 else ''} you got wrong · ",
                key_hint("m", "review them"),
            )
            if missed
            else Content.assemble(("Mistakes: ", "dim"), "none yet")
        )
        facts = [
            (len(bank.actors), "actor", "w", "who's who"),
            (len(bank.events), "event", "l", "timeline"),
            (len(bank.quotes), "quote", "o", "quotes"),
        ]
        parts = [
            Content.assemble(key_hint(key, label), f" ({count} {noun}{'s' if count != 1 else ''})")
            for count, noun, key, label in facts
            if count
        ]
        parts.append(key_hint("b", "brief"))
        lines.append(Content.assemble(("Facts: ", "dim"), Content(" · ").join(parts)))
        return lines

    def _missed_questions(self, entry: BankEntry) -> int:
        """How many of the bank's questions this player got wrong at least
        once (read once until the entries are refreshed)."""
        bank_id = entry.overview.bank.id
        if bank_id not in self._missed:
            bank_questions = {question.id for question in entry.overview.questions}
            try:
                stats = self.quiz_app.store.question_stats(
                    bank_id=bank_id, player=self.quiz_app.settings.player
                )
            except StoreError:
                return 0
            self._missed[bank_id] = sum(
                1 for s in stats if s.missed and s.question_id in bank_questions
            )
        return self._missed[bank_id]

    @on(BankList.Highlighted)
    def _highlighted(self, event: BankList.Highlighted) -> None:
        self._show_detail(event.entry)

    @on(BankList.Chosen)
    def _chosen(self, event: BankList.Chosen) -> None:
        if is_failed(event.entry):
            self.action_show_errors()
        else:
            self.action_start_quiz()

    # ------------------------------------------------------------ actions

    @property
    def current(self) -> HomeEntry | None:
        """The highlighted entry."""
        return self.query_one(BankList).current

    @property
    def bank_in_view(self) -> Bank | None:
        entry = self.current
        return entry.overview.bank if isinstance(entry, BankEntry) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        entry = self.current
        if action in BANK_ACTIONS:
            return isinstance(entry, BankEntry)
        if action == "show_errors":
            return is_failed(entry)
        if action == "resume":
            return True if isinstance(entry, BankEntry) and entry.unfinished else None
        if action == "discard":
            return isinstance(entry, BankEntry) and bool(entry.unfinished)
        return True

    def action_start_quiz(self) -> None:
        """Choose options for a quiz on the highlighted bank, then start it."""
        entry = self.current
        if isinstance(entry, BankEntry):
            self.quiz_app.open_quiz_options(entry.overview.bank)

    def _open(self, view: str) -> None:
        entry = self.current
        if isinstance(entry, BankEntry):
            self.quiz_app.open_bank_view(view, entry.overview.bank)

    def action_study(self) -> None:
        """Study the highlighted bank's due cards, then new ones."""
        self._open("study")

    def action_cram(self) -> None:
        """Cram the highlighted bank's cards, leaving the schedule alone."""
        self._open("cram")

    def action_whos_who(self) -> None:
        """Every actor of the highlighted bank."""
        self._open("whos_who")

    def action_timeline(self) -> None:
        """The highlighted bank's events in order."""
        self._open("timeline")

    def action_quotes(self) -> None:
        """The highlighted bank's quotes."""
        self._open("quotes")

    def action_brief(self) -> None:
        """The one-page brief of the highlighted bank."""
        self._open("brief")

    def action_statistics(self) -> None:
        """Everyone's results on each question of the highlighted bank."""
        self._open("statistics")

    def action_review_mistakes(self) -> None:
        """A quiz of the questions got wrong on the highlighted bank."""
        entry = self.current
        if isinstance(entry, BankEntry):
            self.quiz_app.review_mistakes(entry.overview.bank)

    def action_show_errors(self) -> None:
        """Show every problem of the highlighted failed bank."""
        entry = self.current
        if is_failed(entry):
            from quizapp.tui.dialogs.bank_errors import BankErrorsDialog

            self.quiz_app.push_screen(BankErrorsDialog(entry))

    def action_resume(self) -> None:
        """Resume the newest unfinished quiz on the highlighted bank."""
        entry = self.current
        if isinstance(entry, BankEntry) and entry.unfinished:
            self.quiz_app.resume_quiz(entry.overview.bank, entry.unfinished[0])

    def action_discard(self) -> None:
        """Delete the newest unfinished quiz on the highlighted bank, after asking."""
        entry = self.current
        if not (isinstance(entry, BankEntry) and entry.unfinished):
            return
        attempt = entry.unfinished[0]
        from quizapp.tui.dialogs.confirm import ConfirmDialog

        def discard(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                self.quiz_app.store.discard_attempt(attempt.id)
            except StoreError as error:
                self.quiz_app.notify(str(error), severity="error", markup=False)
            self.refresh_entries()

        message = Content.assemble(
            "The unfinished quiz on ",
            literal_line(entry.overview.bank.title, "bold"),
            f" ({attempt.answered} of {attempt.total} answered) and its answers will be deleted.",
        )
        self.quiz_app.push_screen(
            ConfirmDialog("Discard this quiz?", message, yes="Discard", no="Keep"), discard
        )
