"""Home: every bank with its scores and study cards; start, resume or discard
a quiz, study, cram, review mistakes, or open a bank's fact views.

Home also reloads the banks (ctrl+r, or by itself when their files change),
tells what opening the score store found and the damaged rows reads skipped
(once), and takes the day's backup of the store once the first frame is up.
"""

from __future__ import annotations

import datetime as dt
import threading
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from quizapp.tui import registry
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.text import literal, literal_line, one_line
from quizapp.tui.widgets.bank_list import BankList, study_part
from quizapp.tui.widgets.keys_footer import KeysFooter
from quizapp.tui.widgets.title_bar import TitleBar
from quizapp.usecases import StoreError
from quizapp.usecases.entries import BankEntry, CatalogEntry, CatalogView, is_failed
from quizapp.usecases.formatting import format_score, format_when

if TYPE_CHECKING:
    from quizapp.model import Bank
    from quizapp.store import ScoreStore
    from quizapp.tui.app import BankLoader
    from quizapp.usecases.catalog import Catalog

#: The name of the thread that loads the banks.
LOAD_THREAD = "quizapp-load-banks"
#: How often Home looks whether a bank file changed, in seconds.
BANK_CHECK_SECONDS = 2.0
LOADING = "Loading the question banks …"
NO_BANKS = (
    "No question banks were found. Put bank files (*.toml) in your bank folder, "
    "or name files or folders on the command line: quizapp PATH ..."
)


def key_hint(name: str) -> Content:
    """``t study``: the key of the registry's action ``name`` in bold and its hint."""
    action = registry.action(name)
    assert action.key is not None and action.hint is not None
    return Content.assemble((action.key, "bold $accent"), f" {action.hint}")


def binding_state(entry: CatalogEntry | None) -> tuple[type | None, bool]:
    """What the footer's keys depend on: the kind of entry highlighted and
    whether it has an unfinished quiz (see `HomeScreen.check_action`)."""
    if entry is None:
        return None, False
    return type(entry), isinstance(entry, BankEntry) and bool(entry.unfinished)


class HomeScreen(AppScreen[None]):
    """The first screen: the banks, their scores, and what to do next."""

    BINDINGS: ClassVar[list[BindingType]] = [*registry.home_bindings()]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("↑ ↓", "Highlight a bank"),
        ("⏎ / click", "Start a quiz on the bank (or show a failed bank's errors)"),
    )

    def __init__(self) -> None:
        super().__init__()
        #: False until the entries were first read (from the store, in a worker).
        self._read_once = False
        #: The `binding_state` the footer was last refreshed for.
        self._bindings_shown: tuple[type | None, bool] | None = None
        #: True while the banks are read again.
        self._reloading = False
        #: Whether the user was told about damaged rows (once per session).
        self._damage_told = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="db-warning")
        yield BankList([], self.quiz_app.settings.now(), id="banks")
        # Scrolls when the panel has more lines than fit (a small terminal).
        with VerticalScroll(id="bank-detail"):
            yield Static(self._detail(None), id="bank-detail-text")
        yield KeysFooter()

    def _show_store_warning(self) -> None:
        """Say above the banks what opening the scores database found (a
        damaged file moved aside, answers missing), if anything."""
        store = self.quiz_app.store_if_open
        warning = self.query_one("#db-warning", Static)
        if store is None:
            # Not open before the first frame: nothing of the store is imported yet.
            warning.display = False
            return
        from quizapp.usecases.store_health import opening_warning

        text = opening_warning(store)
        warning.display = text is not None
        if text is not None:
            warning.update(literal(f"⚠ {text}"))

    def on_mount(self) -> None:
        self.sub_title = one_line(self.quiz_app.settings.player)
        self._show_store_warning()
        bank_list = self.query_one(BankList)
        if self.quiz_app.banks_loading:
            bank_list.display = False  # nothing to list until the banks are loaded
        else:
            # Banks given to the app are listed at once; their scores follow.
            bank_list.show_entries(self.quiz_app.catalog.plain_entries(), self._now())
            bank_list.focus()
        # The banks and the scores are read once the first frame is up.
        self.call_after_refresh(self._first_frame_shown)

    def _now(self) -> dt.datetime:
        return self.quiz_app.settings.now()

    def _first_frame_shown(self) -> None:
        if self.quiz_app.store_if_open is not None:
            self._back_up()  # else once the loading thread opened it
        load = self.quiz_app.load_banks
        if load is None:
            self.refresh_entries()
            self._watch_bank_files()
            return
        self._load_in_background(load, reload=False)

    def _load_in_background(self, load: BankLoader, *, reload: bool) -> None:
        """Load the banks with ``load`` in a thread (opening the scores
        database first, the first time); `BanksLoaded` comes back."""
        open_store = self.quiz_app.open_store

        def load_in_thread() -> None:
            # A daemon thread, not a worker: it only reads files, and quitting
            # while it runs must not wait for it (Textual waits for workers).
            # Opening the scores database (checks, a migration and its backup,
            # salvage) is done here too: the first frame never waits for it.
            from quizapp.usecases.catalog import Catalog

            message: Message
            try:
                store = open_store() if open_store is not None else None
            except StoreError as error:
                message = self.StoreOpened(None, str(error))
            else:
                if store is not None:
                    with suppress(RuntimeError):  # the app has closed meanwhile
                        self.post_message(self.StoreOpened(store, None))
                try:
                    message = self.BanksLoaded(Catalog.load(load), None, reload=reload)
                except Exception as error:  # a loader may fail in any way: Home says how
                    message = self.BanksLoaded(None, str(error), reload=reload)
            with suppress(RuntimeError):  # the app has closed meanwhile
                self.post_message(message)

        threading.Thread(target=load_in_thread, name=LOAD_THREAD, daemon=True).start()

    def on_screen_resume(self) -> None:
        if self._read_once:
            self.refresh_entries()

    class StoreOpened(Message):
        """The loading thread opened the scores database, or could not."""

        def __init__(self, store: ScoreStore | None, error: str | None) -> None:
            super().__init__()
            self.store = store
            self.error = error

    @on(StoreOpened)
    def _store_opened(self, event: StoreOpened) -> None:
        self.quiz_app.store_opened(event.store, event.error)
        self._show_store_warning()
        if event.store is not None:
            self._back_up()

    class BanksLoaded(Message):
        """The loading thread is done: the catalog of banks, or why it failed;
        ``reload`` when the banks were read again."""

        def __init__(self, catalog: Catalog | None, error: str | None, *, reload: bool) -> None:
            super().__init__()
            self.catalog = catalog
            self.error = error
            self.reload = reload

    @on(BanksLoaded)
    def _banks_loaded(self, event: BanksLoaded) -> None:
        if event.reload:
            self._banks_reloaded(event)
            return
        self.quiz_app.banks_loaded(event.catalog, event.error)
        if event.catalog is None:
            self._show_entries(CatalogView(()))
        else:
            self.refresh_entries()
            self._watch_bank_files()

    # ------------------------------------------------------------ reloading

    def reload_banks(self) -> None:
        """Read the bank files again (new, changed and removed ones), in a
        thread; the list follows, and a notice says what changed."""
        app = self.quiz_app
        if app.banks_loading or self._reloading:
            return
        self._reloading = True
        loader = app.bank_loader
        if loader is None:
            from quizapp.usecases.catalog import reloader

            loader = reloader(app.results)
        self._load_in_background(loader, reload=True)

    def _banks_reloaded(self, event: BanksLoaded) -> None:
        from quizapp.usecases.catalog import reload_summary

        self._reloading = False
        app = self.quiz_app
        if event.catalog is None:
            app.notify(
                f"The banks could not be reloaded: {event.error}", severity="error", markup=False
            )
            return
        summary = reload_summary(app.catalog, event.catalog)
        app.banks_loaded(event.catalog, None)
        app.notify(summary, timeout=4, markup=False)
        self.refresh_entries()

    def _watch_bank_files(self) -> None:
        """Look now and then whether a bank file changed, and reload if so."""
        self.set_interval(BANK_CHECK_SECONDS, self._look_at_bank_files)

    def _look_at_bank_files(self) -> None:
        if self.app.screen is self and not self._reloading and not self.quiz_app.banks_loading:
            self._bank_files_changed()

    class BankFilesChanged(Message):
        """A bank file, or a folder holding banks, changed since they were loaded."""

    @work(thread=True, exclusive=True, exit_on_error=False, group="bank-files")
    def _bank_files_changed(self) -> None:
        if self.quiz_app.catalog.files_changed() and not get_current_worker().is_cancelled:
            self.post_message(self.BankFilesChanged())

    @on(BankFilesChanged)
    def _reload_changed_banks(self) -> None:
        if self.app.screen is self:  # else when Home is back on top
            self.reload_banks()

    # ------------------------------------------------------------ the store

    @work(thread=True, exit_on_error=False, group="backup")
    def _back_up(self) -> None:
        """Take the day's backup of the score store (after the first frame)."""
        from quizapp.usecases.store_health import back_up_today

        app = self.quiz_app
        problem = back_up_today(app.store, app.settings.now())
        if problem is not None:
            self.post_message(self.BackupFailed(problem))

    class BackupFailed(Message):
        """The day's backup could not be made: why."""

        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    @on(BackupFailed)
    def _backup_failed(self, event: BackupFailed) -> None:
        self.quiz_app.notify(event.problem, severity="warning", timeout=10, markup=False)

    def _tell_damage(self) -> None:
        """Say once per session that reads skipped damaged rows, if they did."""
        from quizapp.usecases.store_health import damage_notice

        if self._damage_told:
            return
        notice = damage_notice(self.quiz_app.store)
        if notice is not None:
            self._damage_told = True
            self.quiz_app.notify(notice, severity="warning", timeout=15, markup=False)

    class EntriesRead(Message):
        """The worker read what Home lists."""

        def __init__(self, view: CatalogView) -> None:
            super().__init__()
            self.view = view

    def refresh_entries(self) -> None:
        """Read scores, unfinished attempts, study counts and mistakes again, in a worker."""
        self._read_entries()

    @work(thread=True, exclusive=True, exit_on_error=False, group="home-entries")
    def _read_entries(self) -> None:
        # The catalog brings the scheduler: imported in the worker, after
        # Home's first frame.
        from quizapp.usecases.catalog import read_entries

        app = self.quiz_app
        view = read_entries(app.catalog, app.store, app.settings.player, app.settings.now)
        if not get_current_worker().is_cancelled:
            self.post_message(self.EntriesRead(view))

    @on(EntriesRead)
    def _entries_read(self, event: EntriesRead) -> None:
        if event.view.error is not None:
            self.quiz_app.notify(event.view.error, severity="error", markup=False)
        self._show_entries(event.view)
        self._tell_damage()

    def _show_entries(self, view: CatalogView) -> None:
        self._read_once = True
        bank_list = self.query_one(BankList)
        bank_list.show_entries(list(view.entries), self._now())
        if not bank_list.display:
            bank_list.display = True
            bank_list.focus()
        self._show_detail(bank_list.current)

    # ------------------------------------------------------------ detail

    def _show_detail(self, entry: CatalogEntry | None) -> None:
        self.query_one("#bank-detail-text", Static).update(self._detail(entry))
        # Refreshing the keys rebuilds the footer: only when they can change.
        state = binding_state(entry)
        if state != self._bindings_shown:
            self._bindings_shown = state
            self.refresh_bindings()

    def _detail(self, entry: CatalogEntry | None) -> Content:
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
                older = len(entry.unfinished) - 1
                text += f" ({older} older unfinished: r lists them all.)"
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
                    key_hint("study"),
                    " · ",
                    key_hint("cram"),
                )
            )
        missed = entry.missed
        lines.append(
            Content.assemble(
                ("Mistakes: ", "dim"),
                f"{missed} question{'s' if missed != 1 else ''} you got wrong · ",
                key_hint("review_mistakes"),
            )
            if missed
            else Content.assemble(("Mistakes: ", "dim"), "none yet")
        )
        facts = [
            (len(bank.actors), "actor", "whos_who"),
            (len(bank.events), "event", "timeline"),
            (len(bank.quotes), "quote", "quotes"),
        ]
        parts = [
            Content.assemble(key_hint(name), f" ({count} {noun}{'s' if count != 1 else ''})")
            for count, noun, name in facts
            if count
        ]
        parts.append(key_hint("brief"))
        lines.append(Content.assemble(("Facts: ", "dim"), Content(" · ").join(parts)))
        return lines

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
    def current(self) -> CatalogEntry | None:
        """The highlighted entry."""
        return self.query_one(BankList).current

    @property
    def bank_in_view(self) -> Bank | None:
        entry = self.current
        return entry.overview.bank if isinstance(entry, BankEntry) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action != "run" or not parameters:
            return True
        entry = self.current
        name = str(parameters[0])
        if name == "show_errors":
            return is_failed(entry)
        if name == "resume":
            return True if isinstance(entry, BankEntry) and entry.unfinished else None
        if name == "discard":
            return isinstance(entry, BankEntry) and bool(entry.unfinished)
        if registry.action(name).scope == "bank":
            return isinstance(entry, BankEntry)
        return True

    def action_run(self, name: str) -> None:
        """Run the registry's action ``name``: on the highlighted bank, or the app's."""
        if registry.action(name).scope == "app":
            self.quiz_app.action_run(name)
        else:
            self.run_on_highlighted(name)

    def run_on_highlighted(self, name: str) -> None:
        """Run the registry's action ``name`` on the highlighted entry."""
        entry = self.current
        if name == "show_errors":
            self.action_show_errors()
        elif isinstance(entry, BankEntry):
            if name == "resume":
                self.action_resume()
            elif name == "discard":
                self.action_discard()
            else:
                self.quiz_app.run_on_bank(name, entry.overview.bank)

    def action_start_quiz(self) -> None:
        """Choose options for a quiz on the highlighted bank, then start it."""
        self.run_on_highlighted("new_quiz")

    def action_show_errors(self) -> None:
        """Show every problem of the highlighted failed bank."""
        entry = self.current
        if is_failed(entry):
            from quizapp.tui.dialogs.bank_errors import BankErrorsDialog

            self.quiz_app.push_screen(BankErrorsDialog(entry))

    def action_resume(self) -> None:
        """Resume the unfinished quiz on the highlighted bank (with several,
        pick one)."""
        entry = self.current
        if isinstance(entry, BankEntry) and entry.unfinished:
            self.quiz_app.resume_one_of(entry.overview.bank, entry.unfinished)

    def action_discard(self) -> None:
        """Delete the newest unfinished quiz on the highlighted bank, after asking."""
        entry = self.current
        if not (isinstance(entry, BankEntry) and entry.unfinished):
            return
        attempt = entry.unfinished[0]
        from quizapp.tui.dialogs.confirm import ConfirmDialog
        from quizapp.usecases.quiz import discard_attempt

        def discard(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                discard_attempt(self.quiz_app.store, attempt.id)
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
