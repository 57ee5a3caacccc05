"""The base of the widgets that take an answer to one question."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button

from quizapp.model import Answer


def footer_binding(
    key: str, action: str, argument: object, description: str, keys: str, tooltip: str
) -> Binding:
    """The binding that shows a run of keys in the footer (``keys``, such as
    ``1–9``) as ``description``. Bound to the first of them, it runs
    ``action(argument)`` as that key's own binding does, which the widget
    binds too, left out of the footer: with `AnswerWidget.footer_keys` off,
    this one is disabled and the key falls through to that one."""
    return Binding(
        key,
        f"footer_key({action!r}, {argument!r})",
        description,
        key_display=keys,
        tooltip=tooltip,
        id=f"footer.{action}",
    )


def mouse_button(label: str, button_id: str) -> Button:
    """A compact button for the mouse that never takes the focus (its keys
    work from anywhere in the answer widget)."""
    button = Button(label, id=button_id, compact=True)
    button.can_focus = False
    return button


class AnswerWidget(Vertical):
    """Shows the answer options of one question and posts `Answered` once.

    Subclasses hold the state of what is being answered (the choice
    highlighted, the order of items, the pairs made) and nothing else: the
    screen grades the answer through the quiz session.
    """

    class Answered(Message):
        """The user gave an answer (shape: see `quizapp.model.Answer`)."""

        def __init__(self, widget: AnswerWidget, answer: Answer) -> None:
            super().__init__()
            self.widget = widget
            self.answer = answer

        @property
        def control(self) -> AnswerWidget:
            """The widget that took the answer."""
            return self.widget

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.answered = False
        #: Show the answer's own keys (1–9, a–z ...) in the footer: a screen
        #: with many keys of its own (the preview) leaves them to the help.
        self.footer_keys = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "footer_key":
            # Off, the key falls through to its twin left out of the footer.
            name, argument = parameters
            return self.footer_keys and bool(self.check_action(str(name), (argument,)))
        return True

    def action_footer_key(self, name: str, argument: object) -> None:
        """Run the action ``name(argument)``: what a key shown in the footer
        does (see `footer_binding`)."""
        getattr(self, f"action_{name}")(argument)

    def submit(self, answer: Answer) -> None:
        """Post the answer, once; later input is ignored."""
        if self.answered:
            return
        self.answered = True
        # Subclasses nest their own `Answered` (ChoiceList.Answered, ...).
        self.post_message(self.Answered(self, answer))

    def focus_answer(self) -> None:
        """Focus the part of the widget the user types or moves in first."""
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return
