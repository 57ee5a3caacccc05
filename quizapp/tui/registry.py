"""Every view and action of the app, declared once.

Home's key bindings and key hints, the command palette and the help screen's
sections are generated from `ACTIONS` and `HELP_SECTIONS`. Adding a view of a
bank is one `Action` with its ``screen``: it gets a key on Home, a palette
command, an ``app.run('name')`` action that opens it for the current bank
from any screen, and a section in the help.

Screens are named by module and class and imported when first opened, so
this module imports no screen.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding

#: Where an action applies: ``bank``, to the current bank (Home's highlighted
#: one, or the bank of the screen on top); ``home``, to Home's highlighted
#: entry only; ``app``, anywhere.
Scope = Literal["bank", "home", "app"]


@dataclass(frozen=True, slots=True)
class Action:
    """One thing a user can do, with its key on Home and its palette entry."""

    #: The name of the action (``app.run('name')``; Home's ``run('name')``).
    name: str
    #: The palette title (None: not in the palette).
    title: str | None
    #: The longer description: palette help, tooltip, help screen.
    help: str
    scope: Scope = "bank"
    #: Its key on Home (None: none).
    key: str | None = None
    #: The footer's short label (the title when None).
    label: str | None = None
    #: Shown in Home's footer (the others are in the help, the palette and
    #: the hints of Home's panel). Few, so that ``?`` and ``^q`` fit at 60 columns.
    footer: bool = False
    #: Home's key hint, e.g. ``t study`` (None: none).
    hint: str | None = None
    #: The screen that shows the view, (module, class), for a view of a bank;
    #: it takes the bank. None: `QuizApp` does the action itself.
    screen: tuple[str, str] | None = None
    #: The help screen's title of the view's section.
    section: str | None = None

    def binding(self) -> Binding:
        """Home's binding for the action (it has a ``key``)."""
        assert self.key is not None
        return Binding(
            self.key,
            f"run('{self.name}')",
            self.label or self.title or self.name,
            show=self.footer,
            tooltip=self.help,
            id=f"home.{self.name}",
        )


def _screen(module: str, name: str) -> tuple[str, str]:
    return (f"quizapp.tui.screens.{module}", name)


#: In the order of Home's keys, and of the palette before anything is typed.
ACTIONS: tuple[Action, ...] = (
    Action(
        "new_quiz",
        "New quiz",
        "Choose options and start a quiz on the current bank",
        key="s",
        label="Start quiz",
        footer=True,
    ),
    Action(
        "study",
        "Study due cards",
        "Study the current bank's due cards, then new ones",
        key="t",
        label="Study",
        footer=True,
        hint="study",
        screen=_screen("study", "StudyScreen"),
        section="Study (flashcards)",
    ),
    Action(
        "review_mistakes",
        "Review mistakes",
        "A quiz of the questions you got wrong on the current bank",
        key="m",
        label="Mistakes",
        hint="review them",
    ),
    Action(
        "resume",
        "Resume quiz",
        "Resume the highlighted bank's unfinished quiz",
        scope="home",
        key="r",
        label="Resume",
        footer=True,
    ),
    Action(
        "discard",
        None,
        "Discard the highlighted bank's unfinished quiz (asks first)",
        scope="home",
        key="x",
        label="Discard",
    ),
    Action(
        "show_errors",
        None,
        "Every problem of the highlighted bank that could not be loaded",
        scope="home",
        key="e",
        label="Errors",
        footer=True,
    ),
    Action(
        "history",
        "History",
        "Your past quizzes, score trend and weakest questions",
        scope="app",
        key="h",
        footer=True,
    ),
    Action(
        "cram",
        "Cram",
        "Cram the current bank's cards; your study schedule is left alone",
        key="a",
        hint="cram",
        screen=_screen("cram", "CramScreen"),
        section="Cram",
    ),
    Action(
        "whos_who",
        "Who's who",
        "Who's who: the bank's actors, with their quotes and events",
        key="w",
        hint="who's who",
        screen=_screen("whos_who", "WhosWhoScreen"),
        section="Who's who",
    ),
    Action(
        "timeline",
        "Timeline",
        "Timeline: the bank's events in order",
        key="l",
        hint="timeline",
        screen=_screen("timeline", "TimelineScreen"),
        section="Timeline",
    ),
    Action(
        "quotes",
        "Quotes",
        "Quotes: every quote with its speaker and context",
        key="o",
        hint="quotes",
        screen=_screen("quotes", "QuotesScreen"),
        section="Quotes",
    ),
    Action(
        "brief",
        "Brief",
        "Brief: one page to read before a discussion",
        key="b",
        hint="brief",
        screen=_screen("brief", "BriefScreen"),
        section="Brief",
    ),
    Action(
        "statistics",
        "Statistics",
        "Statistics: how everyone did on each question of the bank (for teachers)",
        key="i",
        screen=_screen("stats", "StatsScreen"),
        section="Statistics (for teachers)",
    ),
    Action(
        "draft_article",
        "New bank from an article…",
        "Draft a bank from an article: review its actors, dates and quotes, then save it",
        scope="app",
        key="d",
    ),
    Action(
        "new_per_day",
        "New cards a day",
        "Change the daily limit of new study cards",
        scope="app",
        key="n",
    ),
    Action(
        "reload_banks",
        "Reload banks",
        "Read the bank files again: new, changed and removed banks (Home also notices by itself)",
        scope="app",
        key="ctrl+r",
    ),
    Action("home", "Home", "Back to the list of banks", scope="app"),
    Action("help", "Help", "Every key on every screen", scope="app"),
    Action("change_theme", "Change theme", "Pick a colour theme; quizapp remembers it", "app"),
)

#: The actions by name.
BY_NAME: dict[str, Action] = {action.name: action for action in ACTIONS}


def action(name: str) -> Action:
    """The action called ``name`` (KeyError for an unknown one)."""
    return BY_NAME[name]


def home_bindings() -> list[Binding]:
    """Home's key bindings: every action with a key."""
    return [a.binding() for a in ACTIONS if a.key is not None]


def screen_class(name: str) -> type:
    """The screen class of the view called ``name`` (imported now)."""
    found = BY_NAME[name].screen
    if found is None:
        raise ValueError(f"{name!r} is not a view of a bank")
    module, class_name = found
    screen: type = getattr(importlib.import_module(module), class_name)
    return screen


#: The help screen's sections besides the views', (title, module, class),
#: in the order a user meets them; the views' come before "Show in context".
_SECTIONS_BEFORE_VIEWS: tuple[tuple[str, str, str], ...] = (
    ("Home", "quizapp.tui.screens.home", "HomeScreen"),
    ("New quiz options", "quizapp.tui.dialogs.quiz_options", "QuizOptionsDialog"),
    ("A bank's errors", "quizapp.tui.dialogs.bank_errors", "BankErrorsDialog"),
    ("Quiz", "quizapp.tui.screens.quiz", "QuizScreen"),
    ("One answer (choice)", "quizapp.tui.widgets.choice_list", "ChoiceList"),
    ("True or false", "quizapp.tui.widgets.choice_list", "TrueFalseChoice"),
    ("Select all that apply (multi)", "quizapp.tui.widgets.multi_choice", "MultiChoiceList"),
    ("Typed answers (text, number)", "quizapp.tui.widgets.typed_answer", "TypedAnswer"),
    ("Fill in the gaps (cloze)", "quizapp.tui.widgets.cloze_answer", "ClozeAnswer"),
    ("Put in order (order)", "quizapp.tui.widgets.order_list", "OrderList"),
    ("Pair them up (match)", "quizapp.tui.widgets.match_board", "MatchBoard"),
    ("Open questions (open)", "quizapp.tui.widgets.open_answer", "OpenQuestionAnswer"),
    ("Feedback", "quizapp.tui.screens.feedback", "FeedbackScreen"),
    ("Results", "quizapp.tui.screens.results", "ResultsScreen"),
    ("History", "quizapp.tui.screens.history", "HistoryScreen"),
    ("Review mistakes", "quizapp.tui.dialogs.review_mistakes", "ReviewMistakesDialog"),
    ("Unsaved answers", "quizapp.tui.dialogs.unsaved", "UnsavedAnswersDialog"),
    ("New cards a day", "quizapp.tui.dialogs.study_limit", "NewPerDayDialog"),
)
_SECTIONS_AFTER_VIEWS: tuple[tuple[str, str, str], ...] = (
    ("Show in context", "quizapp.tui.screens.context_reader", "ContextReaderScreen"),
    ("Bank preview (quizapp preview BANK)", "quizapp.tui.screens.bank_preview", "PreviewScreen"),
    ("Draft review", "quizapp.tui.screens.draft_review", "DraftReviewScreen"),
    ("Yes / no questions", "quizapp.tui.dialogs.confirm", "ConfirmDialog"),
    ("Help", "quizapp.tui.screens.help", "HelpScreen"),
)


def help_sections() -> list[tuple[str, type]]:
    """(title, class) of every screen, dialog and widget that has keys of
    its own, in the order a user meets them (imported now). The keys that
    work everywhere are the App's, listed first by the help screen."""
    views = [(a.section or a.name, *a.screen) for a in ACTIONS if a.screen is not None]
    found: list[tuple[str, type]] = []
    for title, module, class_name in (*_SECTIONS_BEFORE_VIEWS, *views, *_SECTIONS_AFTER_VIEWS):
        found.append((title, getattr(importlib.import_module(module), class_name)))
    return found
