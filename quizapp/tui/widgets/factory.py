"""The answer widget for each question type, and a question put on screen with it."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widget import Widget
from textual.widgets import Input, TextArea

from quizapp.model import (
    ChoiceQuestion,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OpenQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
    TrueFalseQuestion,
)
from quizapp.tui.widgets.answer import AnswerWidget
from quizapp.tui.widgets.choice_list import ChoiceList, TrueFalseChoice
from quizapp.tui.widgets.cloze_answer import ClozeAnswer
from quizapp.tui.widgets.match_board import MatchBoard
from quizapp.tui.widgets.multi_choice import MultiChoiceList
from quizapp.tui.widgets.open_answer import OpenQuestionAnswer
from quizapp.tui.widgets.order_list import OrderList
from quizapp.tui.widgets.question_view import QuestionView
from quizapp.tui.widgets.typed_answer import TypedAnswer


def answer_widget(question: Question, display: Sequence[str]) -> AnswerWidget:
    """The widget that takes an answer to ``question``.

    ``display`` is what the quiz session orders for display: the choices
    (choice, multi), the starting order of the items (order) or the right
    column (match); it is ignored for the other types.
    """
    widget_id = "answer"
    match question:
        case ChoiceQuestion():
            return ChoiceList(display, id=widget_id)
        case MultiQuestion():
            return MultiChoiceList(display, id=widget_id)
        case TrueFalseQuestion():
            return TrueFalseChoice(id=widget_id)
        case TextQuestion():
            return TypedAnswer(id=widget_id)
        case NumberQuestion(unit=unit):
            return TypedAnswer(numeric=True, unit=unit, id=widget_id)
        case ClozeQuestion(parts=parts):
            return ClozeAnswer(parts, id=widget_id)
        case OrderQuestion():
            return OrderList(display, id=widget_id)
        case MatchQuestion(pairs=pairs):
            return MatchBoard([left for left, _ in pairs], display, id=widget_id)
        case OpenQuestion(model_answer=model_answer, key_points=key_points):
            return OpenQuestionAnswer(model_answer, key_points, id=widget_id)
    raise AssertionError(f"no answer widget for {question!r}")


async def mount_question(
    container: Widget,
    question: Question,
    display: Sequence[str],
    *,
    cursor_blink: bool,
    footer_keys: bool = True,
) -> AnswerWidget:
    """Replace what ``container`` holds with ``question`` (its `QuestionView`,
    id ``question``) and its answer widget (id ``answer``), which is returned.
    ``display`` is as for `answer_widget`; the answer's keys show in the
    footer unless not ``footer_keys`` (`AnswerWidget.footer_keys`)."""
    await container.remove_children()
    widget = answer_widget(question, display)
    widget.footer_keys = footer_keys
    await container.mount(QuestionView(question, id="question"), widget)
    for text_input in widget.query(Input):
        text_input.cursor_blink = cursor_blink
    for text_area in widget.query(TextArea):
        text_area.cursor_blink = cursor_blink
    return widget
