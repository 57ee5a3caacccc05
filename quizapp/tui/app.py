"""QuizApp: the Textual application, built by `create_app`.

The app holds the banks, the score store and the settings it was given and
moves between screens. It can be given its banks, or a function that loads
them: then Home comes up first, saying the banks are loading, and they are
loaded in a thread and listed as soon as they are ready. Only the home
screen's module is imported at start; the others, the domain model and the
bank loader are imported when first needed, which keeps startup close to
that of a bare Textual app.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar, TypeAlias

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.message import Message
from textual.screen import Screen

from quizapp.store import ScoreStore, StoreError
from quizapp.tui.screens.base import AppScreen, BankScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.settings import AppSettings

if TYPE_CHECKING:
    from textual.theme import Theme

    # Needed only once the banks are loaded or a quiz starts: not imported
    # before the first frame.
    from quizapp.model import Bank, LoadResult
    from quizapp.session import AnswerRecord, QuizOptions
    from quizapp.store import AttemptSummary
    from quizapp.study import StudyCounts
    from quizapp.tui.screens.quiz import QuizScreen
    from quizapp.usecases.catalog import BankOverview

#: Loads the banks to show, and the bank files that failed to load.
BankLoader: TypeAlias = Callable[[], "Sequence[LoadResult]"]
#: What the loading thread hands over: the results and their overviews by bank.
LoadedBanks: TypeAlias = "tuple[tuple[LoadResult, ...], dict[int, BankOverview]]"
#: The name of the thread that loads the banks.
LOAD_THREAD = "quizapp-load-banks"
#: The store setting that remembers the chosen theme.
THEME_SETTING = "theme"
#: How long the damaged-database warning stays up, in seconds.
WARNING_SECONDS = 30.0


#: The screens `QuizApp.open_bank_view` opens, by view name: (module, class),
#: imported the first time one is opened. Each takes the bank it shows.
BANK_VIEWS: dict[str, tuple[str, str]] = {
    "study": ("quizapp.tui.screens.study", "StudyScreen"),
    "cram": ("quizapp.tui.screens.cram", "CramScreen"),
    "whos_who": ("quizapp.tui.screens.whos_who", "WhosWhoScreen"),
    "timeline": ("quizapp.tui.screens.timeline", "TimelineScreen"),
    "quotes": ("quizapp.tui.screens.quotes", "QuotesScreen"),
    "brief": ("quizapp.tui.screens.brief", "BriefScreen"),
    "statistics": ("quizapp.tui.screens.stats", "StatsScreen"),
}


def quiz_commands() -> type[Provider]:
    """quizapp's palette commands, imported when the palette first opens."""
    from quizapp.tui.palette import QuizCommands

    return QuizCommands


class QuizApp(App[None]):
    """The quiz TUI. Build it with `create_app`."""

    #: What every screen shares, and Home's styles; the other screens name
    #: theirs (`quizapp.tui.screens.base.SCREEN_CSS`). Typed as in Textual,
    #: so that subclasses may add style sheets.
    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = ["app.tcss"]
    TITLE = "quizapp"
    COMMANDS = App.COMMANDS | {quiz_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
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
        store: ScoreStore,
        settings: AppSettings,
        *,
        load_banks: BankLoader | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.results: tuple[LoadResult, ...] = ()
        #: The loaded banks by id (the first one, when two share an id).
        self.banks_by_id: dict[str, Bank] = {}
        self._overviews: dict[int, BankOverview] = {}
        self.set_results(results)
        #: Loads the banks after the first frame (None: they were given).
        self._load_banks = load_banks
        self._loading_started = False
        #: Why the banks could not be loaded, if they could not.
        self.load_error: str | None = None
        self._remembered_theme: str | None = None
        # Set before the styles are first worked out (see `_start_with_theme`).
        self._apply_remembered_theme()

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # "Change theme" is among quizapp's own commands (`QuizCommands`).
        for command in super().get_system_commands(screen):
            if command.title != "Theme":
                yield command

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.store.moved_aside is not None:
            message = self.store.warning or (
                f"The scores database could not be read. It was moved aside to "
                f"{self.store.moved_aside} and a fresh one was started."
            )
            self.notify(
                message,
                title="Scores database replaced",
                severity="warning",
                timeout=WARNING_SECONDS,
                markup=False,
            )

    # ------------------------------------------------------------ data

    @property
    def banks_loading(self) -> bool:
        """True until the banks the app was started to load are loaded."""
        return self._load_banks is not None

    class BanksLoaded(Message):
        """The loading thread is done: the banks and their overviews, or the
        error that stopped it."""

        def __init__(self, loaded: LoadedBanks | None, error: Exception | None) -> None:
            super().__init__()
            self.loaded = loaded
            self.error = error

    def start_loading_banks(self) -> None:
        """Load the banks in a thread (Home calls this after its first
        frame); `_banks_loaded` lists them when they are ready.

        The thread is a daemon that only reads files: quitting while it
        runs does not wait for it.
        """
        loader = self._load_banks
        if loader is None or self._loading_started:
            return
        self._loading_started = True

        def load() -> None:
            try:
                # Home reads scores and counts study cards as soon as the
                # banks are listed: the store's queries and the scheduler are
                # imported here, off the screen's thread.
                import quizapp.store.queries
                import quizapp.study  # noqa: F401
                from quizapp.model import Bank
                from quizapp.usecases.catalog import overview

                results = tuple(loader())
                overviews = {id(r): overview(r) for r in results if isinstance(r, Bank)}
            except Exception as error:
                message = self.BanksLoaded(None, error)
            else:
                message = self.BanksLoaded((results, overviews), None)
            with suppress(RuntimeError):  # the app has closed meanwhile
                self.post_message(message)  # thread-safe

        threading.Thread(target=load, name=LOAD_THREAD, daemon=True).start()

    @on(BanksLoaded)
    def _banks_loaded(self, event: BanksLoaded) -> None:
        self._load_banks = None
        if event.loaded is not None:
            results, overviews = event.loaded
            self.set_results(results)
            self._overviews.update(overviews)
        else:
            self.load_error = str(event.error)
            self.notify(
                f"The question banks could not be loaded: {self.load_error}",
                severity="error",
                markup=False,
            )
        home = self.home
        if home is not None:
            home.refresh_entries()

    def set_results(self, results: Sequence[LoadResult]) -> None:
        """The banks, and the bank files that failed to load, the app knows."""
        self.results = tuple(results)
        self.banks_by_id = {}
        if self.results:
            from quizapp.model import Bank  # imported by now, with the banks

            for result in self.results:
                if isinstance(result, Bank):
                    self.banks_by_id.setdefault(result.id, result)
        # Forget the overviews of banks no longer shown (each keeps its bank).
        known = {id(result) for result in self.results}
        self._overviews = {k: v for k, v in self._overviews.items() if k in known}

    def overview(self, bank: Bank) -> BankOverview:
        """The bank's questions (generated ones included) and counts, computed once."""
        key = id(bank)
        known = self._overviews.get(key)
        if known is None or known.bank is not bank:
            from quizapp.usecases.catalog import overview

            known = self._overviews[key] = overview(bank)
        return known

    def question_prompt(self, bank_id: str, question_id: str) -> str:
        """A question's prompt (with its quote, if it has one), or its id
        when its bank or the question is gone."""
        bank = self.banks_by_id.get(bank_id)
        if bank is not None:
            for question in self.overview(bank).questions:
                if question.id == question_id:
                    prompt = question.prompt or question_id
                    # "Who said this?" says little without its quote.
                    return f"{prompt} “{question.quote}”" if question.quote else prompt
        return question_id

    # ------------------------------------------------------------ theme

    def _apply_remembered_theme(self) -> None:
        try:
            self._remembered_theme = self.store.get_setting(THEME_SETTING)
        except StoreError:
            self._remembered_theme = None
        theme = self.settings.theme or self._remembered_theme
        if theme and theme != self.theme and theme in self.available_themes:
            self._start_with_theme(theme)

    def _start_with_theme(self, theme: str) -> None:
        """Make ``theme`` the app's theme before it starts.

        This does what setting `App.theme` does (its watcher), except work
        out the styles again: nothing has been styled yet, and that would
        parse every style sheet a second time (some 10 ms at startup).
        """
        self.set_reactive(App.theme, theme)
        dark = self.current_theme.dark
        self.set_class(True, f"-theme-{theme}", update=False)
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        # Textual 8's watcher does this too (ANSI colours for a light or dark theme).
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self._remembered_theme or theme.name != self.theme:
            return
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
        """Ask for the options of a new quiz on ``bank``, then start it."""
        from quizapp.tui.dialogs.quiz_options import QuizOptionsDialog

        def start(options: QuizOptions | None) -> None:
            if options is not None:
                self.start_quiz(bank, options)

        self.push_screen(QuizOptionsDialog(self.overview(bank), seed=self.settings.seed), start)

    def start_quiz(self, bank: Bank, options: QuizOptions, *, replace: bool = False) -> None:
        """Start and record a quiz; ``replace`` swaps it for the current screen."""
        from quizapp.tui.screens.quiz import QuizScreen
        from quizapp.usecases.quiz import RecordedQuiz

        try:
            quiz = RecordedQuiz.start(self.store, self.settings.player, bank, options)
        except (ValueError, StoreError) as error:
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
            quiz = RecordedQuiz.resume(self.store, bank, attempt)
        except (ResumeError, StoreError) as error:
            self.notify(
                f"This quiz cannot be resumed: {error}. Press x to discard it.",
                severity="error",
                markup=False,
            )
            return
        self.push_screen(QuizScreen(quiz))

    # ------------------------------------------------------------ study

    def study_counts(self, banks: Iterable[Bank]) -> dict[str, StudyCounts]:
        """Cards due now and new cards left for today, by bank id; banks whose
        cards could not be counted (the store failed) are left out."""
        to_count = list(banks)
        if not to_count:
            return {}
        from quizapp.study import StudyDeck, new_per_day_setting

        try:
            new_per_day = new_per_day_setting(self.store)
        except StoreError:
            return {}
        counts: dict[str, StudyCounts] = {}
        for bank in to_count:
            deck = StudyDeck(
                bank,
                self.store,
                self.settings.player,
                now=self.settings.now,
                new_per_day=new_per_day,
            )
            try:
                counts[bank.id] = deck.counts()
            except StoreError:
                continue
        return counts

    def feed_schedule(self, bank: Bank, record: AnswerRecord) -> None:
        """A quiz answer that is not fully right makes its study cards due now
        (`quizapp.study.record_quiz_result`); a right one changes nothing."""
        from quizapp.study import record_quiz_result

        try:
            record_quiz_result(
                bank,
                self.store,
                self.settings.player,
                record.question.id,
                record.grade.correct,
                self.settings.now(),
            )
        except StoreError as error:
            self.notify(
                f"The study schedule could not be updated: {error}",
                severity="error",
                markup=False,
            )

    def open_bank_view(self, view: str, bank: Bank) -> None:
        """Push the study screen or fact view named ``view`` (a key of
        `BANK_VIEWS`) for ``bank``; ``statistics`` shows everyone's answers."""
        if view not in BANK_VIEWS:
            raise ValueError(f"unknown view {view!r}")
        module, name = BANK_VIEWS[view]
        screen_class: type[BankScreen] = getattr(importlib.import_module(module), name)
        self.push_screen(screen_class(bank))

    def review_mistakes(self, bank: Bank) -> None:
        """Offer a quiz of the questions this player got wrong on ``bank``."""
        from quizapp.tui.dialogs.review_mistakes import ReviewMistakesDialog
        from quizapp.usecases.mistakes import ReviewOrder, find_mistakes, review_options

        question_ids = [question.id for question in self.overview(bank).questions]
        try:
            mistakes = find_mistakes(self.store, self.settings.player, bank.id, question_ids)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
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

        self.push_screen(
            ReviewMistakesDialog(
                bank.title, mistakes, lambda question_id: self.question_prompt(bank.id, question_id)
            ),
            start,
        )

    def edit_new_per_day(self) -> None:
        """Ask for the daily limit of new study cards and store it. Screens
        showing study counts read it again when they are back on top."""
        from quizapp.study import NEW_PER_DAY_SETTING, new_per_day_setting
        from quizapp.tui.dialogs.study_limit import NewPerDayDialog

        try:
            current = new_per_day_setting(self.store)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return

        def save(limit: int | None) -> None:
            if limit is None or limit == current:
                return
            try:
                self.store.set_setting(NEW_PER_DAY_SETTING, str(limit))
            except StoreError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.notify(f"At most {limit} new cards a day.", timeout=3)

        self.push_screen(NewPerDayDialog(current), save)

    # ------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            home = self.home
            return home is not None and self.screen is home and home.check_action(action, ())
        return True

    def action_help(self) -> None:
        """Show every key on every screen."""
        from quizapp.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_history(self) -> None:
        """Show this player's history, opened on the current bank."""
        from quizapp.tui.screens.history import HistoryScreen

        if not isinstance(self.screen, HistoryScreen):
            bank = self.current_bank()
            self.push_screen(HistoryScreen(bank.id if bank is not None else None))

    def action_home(self) -> None:
        """Back to the list of banks."""
        self._back_home()

    def action_new_quiz(self) -> None:
        """Options for a new quiz on the current bank."""
        bank = self.current_bank()
        if bank is None:
            self.notify(self._no_bank("start a quiz on"), severity="warning")
            return
        self._back_home(lambda: self.open_quiz_options(bank))

    def _no_bank(self, what: str) -> str:
        """Why there is no bank to ``what`` (for a command that needs one)."""
        if self.banks_loading:
            return "The banks are still loading; try again in a moment."
        return f"There is no bank to {what}."

    def _on_current_bank(self, then: Callable[[Bank], object], what: str) -> None:
        """Back to Home, then ``then(bank)`` for the current bank."""
        bank = self.current_bank()
        if bank is None:
            self.notify(self._no_bank(what), severity="warning")
            return
        self._back_home(lambda: then(bank))

    def action_study(self) -> None:
        """Study the current bank's due cards."""
        self._on_current_bank(lambda bank: self.open_bank_view("study", bank), "study")

    def action_cram(self) -> None:
        """Cram the current bank's cards."""
        self._on_current_bank(lambda bank: self.open_bank_view("cram", bank), "cram")

    def action_whos_who(self) -> None:
        """Who's who of the current bank."""
        self._on_current_bank(lambda bank: self.open_bank_view("whos_who", bank), "show")

    def action_timeline(self) -> None:
        """Timeline of the current bank."""
        self._on_current_bank(lambda bank: self.open_bank_view("timeline", bank), "show")

    def action_quotes(self) -> None:
        """Quotes of the current bank."""
        self._on_current_bank(lambda bank: self.open_bank_view("quotes", bank), "show")

    def action_brief(self) -> None:
        """Brief of the current bank."""
        self._on_current_bank(lambda bank: self.open_bank_view("brief", bank), "show")

    def action_statistics(self) -> None:
        """How everyone did on each question of the current bank."""
        self._on_current_bank(
            lambda bank: self.open_bank_view("statistics", bank), "show statistics of"
        )

    def action_review_mistakes(self) -> None:
        """A quiz of the questions got wrong on the current bank."""
        self._on_current_bank(self.review_mistakes, "review")

    def action_new_per_day(self) -> None:
        """Change the daily limit of new study cards."""
        self.edit_new_per_day()

    def action_resume(self) -> None:
        """Resume the unfinished quiz of the highlighted bank."""
        home = self.home
        if home is not None and self.screen is home:
            home.action_resume()

    async def action_quit(self) -> None:
        """Quit; a quiz in progress asks first (its answers are kept)."""
        quiz = self._quiz_in_progress()
        if quiz is None:
            self.exit()
        else:
            quiz.confirm_leave(self.exit)


def create_app(
    results: Sequence[LoadResult],
    store: ScoreStore,
    settings: AppSettings,
    *,
    load_banks: BankLoader | None = None,
) -> QuizApp:
    """The one way to build the app, used by the command line and the tests.

    The app shows ``results``, or when ``load_banks`` is given, what it
    returns: it is called in a thread once Home is on screen.
    """
    return QuizApp(results, store, settings, load_banks=load_banks)
