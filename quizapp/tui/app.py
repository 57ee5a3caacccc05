"""QuizApp: the Textual application, built by `create_app`.

The app is a navigator: it holds the bank catalog, the score store and the
settings it was given, and opens screens. What a screen shows is read by the
application layer (`quizapp.usecases`) in a worker. The app can be given its
banks, or a function that loads them: then Home comes up first, saying the
banks are loading, and loads them in a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar, TypeAlias

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from quizapp.tui import registry
from quizapp.tui.screens.base import AppScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.settings import THEME_SETTING, AppSettings
from quizapp.usecases import StoreError

if TYPE_CHECKING:
    from textual.theme import Theme

    from quizapp.model import Bank, LoadResult
    from quizapp.session import QuizOptions
    from quizapp.store import AttemptSummary, ScoreStore
    from quizapp.tui.screens.quiz import QuizScreen
    from quizapp.usecases.catalog import Catalog
    from quizapp.usecases.mistakes import Mistake, ReviewOrder
    from quizapp.usecases.quiz_start import QuizStart

#: Loads the banks to show, and the bank files that failed to load.
BankLoader: TypeAlias = Callable[[], "Sequence[LoadResult]"]
#: Opens the scores database (raises `StoreError` when it cannot be used).
StoreOpener: TypeAlias = Callable[[], "ScoreStore"]
#: How long the damaged-database warning stays up, in seconds.
WARNING_SECONDS = 30.0


def quiz_commands() -> type[Provider]:
    """quizapp's palette commands; Textual calls this when the palette opens,
    so the palette is not imported before the first frame."""
    from quizapp.tui.palette import QuizCommands

    return QuizCommands


class QuizApp(App[None]):
    """The quiz TUI. Build it with `create_app`."""

    CSS_PATH = "app.tcss"
    TITLE = "quizapp"
    COMMANDS = App.COMMANDS | {quiz_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "run('help')", "Help", id="app.help"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
    ]
    HELP_KEYS: tuple[tuple[str, str], ...] = (
        ("^p", "Command palette: quizzes, study, cram, fact views, history, statistics ..."),
        ("tab / shift+tab", "Move between the parts of a screen"),
        ("mouse", "Click options, buttons and list items; the wheel scrolls"),
    )

    def __init__(
        self,
        results: Sequence[LoadResult],
        store: ScoreStore | None,
        settings: AppSettings,
        *,
        load_banks: BankLoader | None = None,
        open_store: StoreOpener | None = None,
        remembered_theme: str | None = None,
    ) -> None:
        super().__init__()
        if store is None and (open_store is None or load_banks is None):
            raise ValueError("without a store, the app needs open_store and load_banks")
        self._store = store
        self.settings = settings
        self._given = tuple(results)
        self._catalog: Catalog | None = None
        #: Loads the banks once Home is up (None: they were given, or are loaded).
        self.load_banks = load_banks
        #: Loads the banks again when asked to reload them (None: the given
        #: banks' files are read again).
        self.bank_loader = load_banks
        #: Opens the store with the banks, once Home is up (None: given, or open).
        self.open_store = open_store if store is None else None
        #: Why the banks could not be loaded, if they could not.
        self.load_error: str | None = None
        #: A quiz to start once the banks are loaded: (bank id, options).
        self._quiz_on_start: tuple[str, QuizOptions] | None = None
        #: Why the scores database could not be opened (the app then exits).
        self.store_error: str | None = None
        if store is not None:
            try:
                remembered_theme = store.get_setting(THEME_SETTING)
            except StoreError:
                remembered_theme = None
        self._remembered_theme = remembered_theme
        theme = self.settings.theme or self._remembered_theme
        if theme and theme in self.available_themes:
            self._start_with_theme(theme)

    def _start_with_theme(self, name: str) -> None:
        """Start with the theme ``name``, styled once.

        Setting `App.theme` restyles the app in a second pass after the
        first; before anything is styled that pass is wasted (8-10 ms of the
        first frame, `benchmarks/bench_startup.py`). So the value is set
        without its watcher, and the style sheet is given the theme's
        variables and the app its classes, as the watcher would.
        """
        self.set_reactive(App.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        dark = self.current_theme.dark
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        self.add_class(f"-theme-{name}", update=False)

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # "Change theme" is among quizapp's own commands (`QuizCommands`).
        for command in super().get_system_commands(screen):
            if command.title != "Theme":
                yield command

    @property
    def store(self) -> ScoreStore:
        """The scores database. When the app opens it itself (`open_store`),
        it is open once the banks are loaded: nothing that needs it runs before."""
        if self._store is None:
            raise RuntimeError("the scores database is not open yet: the banks are loading")
        return self._store

    @property
    def store_if_open(self) -> ScoreStore | None:
        """The scores database, or None while it is not open yet."""
        return self._store

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if not self.banks_loading:
            self.call_after_refresh(self._start_quiz_on_start)
        if self._store is not None:
            self._warn_about_store()

    def _warn_about_store(self) -> None:
        """Say what opening the scores database found (a damaged file moved
        aside, answers missing), if anything."""
        from quizapp.usecases.store_health import opening_warning

        message = opening_warning(self.store)
        if message is not None:
            replaced = self.store.moved_aside is not None
            self.notify(
                message,
                title="Scores database replaced" if replaced else "Scores database",
                severity="warning",
                timeout=WARNING_SECONDS,
                markup=False,
            )

    # ------------------------------------------------------------ banks

    @property
    def banks_loading(self) -> bool:
        """True until the banks the app was started to load are loaded."""
        return self.load_banks is not None

    @property
    def catalog(self) -> Catalog:
        """The banks shown, with their overviews. Built when first asked for:
        the model and the bank catalog are not imported before Home's first frame."""
        if self._catalog is None:
            from quizapp.usecases.catalog import Catalog

            self._catalog = Catalog(self._given)
        return self._catalog

    @property
    def results(self) -> tuple[LoadResult, ...]:
        """The banks, and the bank files that failed to load, the app shows."""
        return self.catalog.results

    @property
    def banks_by_id(self) -> dict[str, Bank]:
        """The loaded banks by id (the first one, when two share an id)."""
        return self.catalog.banks_by_id

    def set_results(self, results: Sequence[LoadResult]) -> None:
        """Show these banks and failed bank files from now on."""
        self._given = tuple(results)
        self._catalog = None

    def store_opened(self, store: ScoreStore | None, error: str | None) -> None:
        """Home's loader opened the scores database, or could not (``error``):
        then the app exits, and ``quizapp`` prints the error."""
        self.open_store = None
        if store is None:
            self.store_error = error
            self.exit(return_code=1)
            return
        self._store = store
        if self.theme != self._remembered_theme:  # chosen while the store was opening
            self._remember_theme(self.current_theme)
        self._warn_about_store()

    def banks_loaded(self, catalog: Catalog | None, error: str | None) -> None:
        """Home's worker loaded the banks (``catalog``), or failed to (``error``)."""
        self.load_banks = None
        if catalog is not None:
            self._catalog = catalog
            self.call_after_refresh(self._start_quiz_on_start)
        else:
            self.load_error = error
            self.notify(
                f"The question banks could not be loaded: {error}", severity="error", markup=False
            )

    def start_quiz_when_loaded(self, bank_id: str, options: QuizOptions) -> None:
        """Start a quiz on the bank ``bank_id`` as soon as the banks are
        loaded, over Home (``quizapp quiz BANK`` opens the TUI so)."""
        self._quiz_on_start = (bank_id, options)

    def _start_quiz_on_start(self) -> None:
        if self._quiz_on_start is None:
            return
        bank_id, options = self._quiz_on_start
        self._quiz_on_start = None
        bank = self.banks_by_id.get(bank_id)
        if bank is None:
            self.notify(f"There is no bank {bank_id!r} to quiz on.", severity="error", markup=False)
        else:
            self.start_quiz(bank, options)

    # ------------------------------------------------------------ theme

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self._remembered_theme or theme.name != self.theme:
            return
        if self._store is None:
            return  # saved once the store is open (`store_opened`)
        try:
            self.store.set_setting(THEME_SETTING, theme.name)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._remembered_theme = theme.name

    # ------------------------------------------------------------ navigation

    @property
    def home(self) -> HomeScreen | None:
        """The home screen (the bottom of the screen stack)."""
        bottom = self.screen_stack[0] if self.screen_stack else None
        return bottom if isinstance(bottom, HomeScreen) else None

    def _quiz_in_progress(self) -> QuizScreen | None:
        from quizapp.tui.screens.quiz import QuizScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, QuizScreen) and screen.in_progress:
                return screen
        return None

    def current_bank(self) -> Bank | None:
        """The bank of the topmost screen about one: a quiz, its results, the
        bank picked in History or highlighted on Home."""
        for screen in reversed(self.screen_stack):
            bank = screen.bank_in_view if isinstance(screen, AppScreen) else None
            if bank is not None:
                return bank
        return None

    def _back_home(self, then: Callable[[], object] | None = None) -> None:
        """Pop every screen above Home (asking first if a quiz is running)."""

        def pop_all() -> None:
            while len(self.screen_stack) > 1:
                self.pop_screen()
            if then is not None:
                self.call_after_refresh(then)

        quiz = self._quiz_in_progress()
        if quiz is not None:
            quiz.confirm_leave(pop_all)
        else:
            pop_all()

    def open_quiz_options(self, bank: Bank) -> None:
        """Start a new quiz on ``bank``: first ask whether to resume an
        unfinished quiz on it, if there is one, then for the options (the
        last ones chosen for the bank, read with the unfinished quizzes in a
        worker)."""
        self._prepare_quiz(bank)

    class QuizPrepared(Message):
        """The worker read what starting a quiz on a bank needs (or failed to)."""

        def __init__(self, bank: Bank, start: QuizStart | None, error: str | None) -> None:
            super().__init__()
            self.bank = bank
            self.start = start
            self.error = error

    @work(thread=True, exclusive=True, exit_on_error=False, group="quiz-start")
    def _prepare_quiz(self, bank: Bank) -> None:
        from quizapp.usecases.quiz_start import prepare_quiz

        try:
            message = self.QuizPrepared(
                bank, prepare_quiz(self.store, self.settings.player, bank), None
            )
        except StoreError as error:
            message = self.QuizPrepared(bank, None, str(error))
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @on(QuizPrepared)
    def _quiz_prepared(self, event: QuizPrepared) -> None:
        from quizapp.tui.dialogs.unfinished import ResumeChoice, ResumeOrNewDialog

        bank, start = event.bank, event.start
        if start is None:
            self.notify(event.error or "", severity="error", markup=False)
            self._ask_quiz_options(bank, None)
            return
        if not start.unfinished:
            self._ask_quiz_options(bank, start.options)
            return

        def chosen(choice: ResumeChoice | None) -> None:
            if choice == "resume":
                self.resume_one_of(bank, start.unfinished)
            elif choice == "new":
                self._ask_quiz_options(bank, start.options)

        self.push_screen(
            ResumeOrNewDialog(bank.title, start.unfinished, self.settings.now()), chosen
        )

    def _ask_quiz_options(self, bank: Bank, remembered: QuizOptions | None) -> None:
        from quizapp.tui.dialogs.quiz_options import QuizOptionsDialog
        from quizapp.usecases.quiz_start import remember_options

        def start(options: QuizOptions | None) -> None:
            if options is None:
                return
            try:
                remember_options(self.store, bank.id, options)
            except StoreError as error:  # the quiz starts all the same
                self.notify(f"The options were not kept: {error}", markup=False)
            self.start_quiz(bank, options)

        self.push_screen(
            QuizOptionsDialog(
                self.catalog.overview(bank), seed=self.settings.seed, remembered=remembered
            ),
            start,
        )

    def start_quiz(self, bank: Bank, options: QuizOptions, *, replace: bool = False) -> None:
        """Start a recorded quiz (stored from its first answer); ``replace``
        swaps it for the current screen."""
        from quizapp.tui.screens.quiz import QuizScreen
        from quizapp.usecases.quiz import RecordedQuiz

        try:
            quiz = RecordedQuiz.start(
                self.store, self.settings.player, bank, options, now=self.settings.now
            )
        except ValueError as error:
            self.notify(f"The quiz could not start: {error}", severity="error", markup=False)
            return
        if replace:
            self.switch_screen(QuizScreen(quiz))
        else:
            self.push_screen(QuizScreen(quiz))

    def resume_quiz(self, bank: Bank, attempt: AttemptSummary) -> None:
        """Rebuild an unfinished attempt and carry on where it stopped."""
        from quizapp.tui.screens.quiz import QuizScreen
        from quizapp.usecases.quiz import RecordedQuiz, ResumeError

        try:
            quiz = RecordedQuiz.resume(self.store, bank, attempt, now=self.settings.now)
        except (ResumeError, StoreError) as error:
            self.notify(
                f"This quiz cannot be resumed: {error}. Press x to discard it.",
                severity="error",
                markup=False,
            )
            return
        self.push_screen(QuizScreen(quiz))

    def resume_one_of(self, bank: Bank, unfinished: Sequence[AttemptSummary]) -> None:
        """Resume the one unfinished quiz on ``bank``, or let the user pick
        one when there are several (newest first)."""
        if len(unfinished) == 1:
            self.resume_quiz(bank, unfinished[0])
        elif unfinished:
            self._pick_unfinished([(attempt, bank) for attempt in unfinished])

    class UnfinishedRead(Message):
        """The worker read every unfinished quiz of the player (or failed to)."""

        def __init__(self, attempts: list[AttemptSummary], error: str | None) -> None:
            super().__init__()
            self.attempts = attempts
            self.error = error

    def pick_unfinished(self) -> None:
        """List every unfinished quiz of the player to resume one (read in a
        worker); say so when there is none."""
        self._read_unfinished()

    @work(thread=True, exclusive=True, exit_on_error=False, group="unfinished")
    def _read_unfinished(self) -> None:
        from quizapp.usecases.quiz_start import unfinished_quizzes

        try:
            message = self.UnfinishedRead(
                unfinished_quizzes(self.store, self.settings.player), None
            )
        except StoreError as error:
            message = self.UnfinishedRead([], str(error))
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @on(UnfinishedRead)
    def _unfinished_read(self, event: UnfinishedRead) -> None:
        from quizapp.usecases.quiz_start import resumable

        if event.error is not None:
            self.notify(event.error, severity="error", markup=False)
        elif not event.attempts:
            self.notify("There is no unfinished quiz to resume.", timeout=4)
        else:
            self._pick_unfinished(resumable(event.attempts, self.banks_by_id))

    def _pick_unfinished(self, quizzes: Sequence[tuple[AttemptSummary, Bank | None]]) -> None:
        from quizapp.tui.dialogs.unfinished import UnfinishedQuizzesDialog

        banks = {attempt.id: bank for attempt, bank in quizzes if bank is not None}

        def picked(attempt: AttemptSummary | None) -> None:
            if attempt is not None:
                self.resume_quiz(banks[attempt.id], attempt)

        self.push_screen(UnfinishedQuizzesDialog(quizzes, self.settings.now()), picked)

    def open_bank_view(self, view: str, bank: Bank) -> None:
        """Push the screen of the registry's view ``view`` for ``bank``."""
        found = registry.BY_NAME.get(view)
        if found is None or found.screen is None:
            raise ValueError(f"unknown view {view!r}")
        self.push_screen(registry.screen_class(view)(bank))

    # ------------------------------------------------------------ mistakes

    class MistakesFound(Message):
        """The worker read the player's mistakes on a bank (or failed to)."""

        def __init__(self, bank: Bank, mistakes: list[Mistake], error: str | None) -> None:
            super().__init__()
            self.bank = bank
            self.mistakes = mistakes
            self.error = error

    def review_mistakes(self, bank: Bank) -> None:
        """Offer a quiz of the questions this player got wrong on ``bank``
        (they are read in a worker)."""
        self._find_mistakes(bank)

    @work(thread=True, exclusive=True, exit_on_error=False, group="mistakes")
    def _find_mistakes(self, bank: Bank) -> None:
        from quizapp.usecases.mistakes import find_mistakes

        question_ids = [question.id for question in self.catalog.overview(bank).questions]
        try:
            mistakes = find_mistakes(self.store, self.settings.player, bank.id, question_ids)
        except StoreError as error:
            message = self.MistakesFound(bank, [], str(error))
        else:
            message = self.MistakesFound(bank, mistakes, None)
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @on(MistakesFound)
    def _mistakes_found(self, event: MistakesFound) -> None:
        from quizapp.tui.dialogs.review_mistakes import ReviewMistakesDialog
        from quizapp.usecases.mistakes import review_options

        bank, mistakes = event.bank, event.mistakes
        if event.error is not None:
            self.notify(event.error, severity="error", markup=False)
            return
        if not mistakes:
            self.notify(
                "No mistakes to review on this bank yet: every answer you gave was right.",
                timeout=4,
            )
            return

        def start(choice: tuple[ReviewOrder, int] | None) -> None:
            if choice is not None:
                order, count = choice
                self.start_quiz(bank, review_options(mistakes, order, count, self.settings.seed))

        catalog = self.catalog
        self.push_screen(
            ReviewMistakesDialog(
                bank.title,
                mistakes,
                lambda question_id: catalog.question_prompt(bank.id, question_id),
            ),
            start,
        )

    def edit_new_per_day(self) -> None:
        """Ask for the daily limit of new study cards and store it. Screens
        showing study counts read it again when they are back on top."""
        from quizapp.tui.dialogs.study_limit import NewPerDayDialog
        from quizapp.usecases.study import new_per_day, set_new_per_day

        current = new_per_day(self.store)

        def save(limit: int | None) -> None:
            if limit is None or limit == current:
                return
            try:
                set_new_per_day(self.store, limit)
            except StoreError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.notify(f"At most {limit} new cards a day.", timeout=3)

        self.push_screen(NewPerDayDialog(current), save)

    # ------------------------------------------------------------ actions

    def _home_can(self, name: str) -> bool:
        """Whether Home is on screen and its action ``name`` applies."""
        home = self.home
        return home is not None and self.screen is home and bool(home.check_action("run", (name,)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "run" and parameters and str(parameters[0]) == "resume":
            return True  # with nothing to resume on Home, the palette lists or says why
        if action == "run" and parameters and registry.BY_NAME.get(str(parameters[0])):
            found = registry.action(str(parameters[0]))
            if found.scope == "home":
                home = self.home
                return (
                    home is not None
                    and self.screen is home
                    and home.check_action(action, parameters)
                )
        return True

    def action_run(self, name: str) -> None:
        """Run the registry's action ``name`` (a view opens on the current bank)."""
        found = registry.action(name)
        if name == "resume" and not self._home_can(name):
            self.pick_unfinished()
            return
        if found.scope == "home":
            home = self.home
            if home is not None and self.screen is home:
                home.run_on_highlighted(name)
            return
        if found.scope == "app":
            self._run_app_action(name)
            return
        bank = self.current_bank()
        if bank is None:
            self.notify(self._no_bank(found.label or found.title or name), severity="warning")
            return
        self._back_home(lambda: self.run_on_bank(name, bank))

    def run_on_bank(self, name: str, bank: Bank) -> None:
        """Run the registry's action ``name`` on ``bank`` from where the user is."""
        if name == "new_quiz":
            self.open_quiz_options(bank)
        elif name == "review_mistakes":
            self.review_mistakes(bank)
        else:
            self.open_bank_view(name, bank)

    def _run_app_action(self, name: str) -> None:
        if name in ("history", "new_per_day") and self._store is None:
            self.notify("The banks are still loading; try again in a moment.", severity="warning")
            return
        if name == "help":
            from quizapp.tui.screens.help import HelpScreen

            if not isinstance(self.screen, HelpScreen):
                self.push_screen(HelpScreen(self.screen))
        elif name == "history":
            from quizapp.tui.screens.history import HistoryScreen

            if not isinstance(self.screen, HistoryScreen):
                bank = self.current_bank()
                self.push_screen(HistoryScreen(bank.id if bank is not None else None))
        elif name == "home":
            self._back_home()
        elif name == "change_theme":
            self.action_change_theme()
        elif name == "new_per_day":
            self.edit_new_per_day()
        elif name == "reload_banks":
            if self.home is not None:
                self.home.reload_banks()
        elif name == "draft_article":
            from quizapp.tui.screens.draft_review import ask_for_article

            ask_for_article(self)
        else:
            raise ValueError(f"unknown action {name!r}")

    def _no_bank(self, what: str) -> str:
        """Why there is no bank for ``what`` (an action that needs one)."""
        if self.banks_loading:
            return "The banks are still loading; try again in a moment."
        return f"There is no bank for {what} yet."

    async def action_quit(self) -> None:
        """Quit; a quiz in progress asks first (its answers are kept)."""
        quiz = self._quiz_in_progress()
        if quiz is None:
            self.exit()
        else:
            quiz.confirm_leave(self.exit)


def create_app(
    results: Sequence[LoadResult],
    store: ScoreStore | None,
    settings: AppSettings,
    *,
    load_banks: BankLoader | None = None,
    open_store: StoreOpener | None = None,
    remembered_theme: str | None = None,
) -> QuizApp:
    """The one way to build the app, used by the command line and the tests.

    The app shows ``results``, or when ``load_banks`` is given, what it
    returns: Home calls it in a thread once it is on screen. Without a
    ``store``, that thread opens it first with ``open_store`` (the first
    frame then waits for neither), and ``remembered_theme`` is the theme to
    start with.
    """
    return QuizApp(
        results,
        store,
        settings,
        load_banks=load_banks,
        open_store=open_store,
        remembered_theme=remembered_theme,
    )
