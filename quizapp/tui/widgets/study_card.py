"""A flashcard: what to recall and the front; the answer, why and the source once revealed."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quizapp.study import CARD_KIND_HINTS, RATING_LABELS, StudyCard
from quizapp.tui.text import literal
from quizapp.tui.widgets.question_view import quote_content

#: The name of each kind of card, above its front.
CARD_KIND_NAMES = {"question": "Question", "actor": "Who's who", "event": "When", "quote": "Quote"}


def rating_keys(waits: Mapping[int, str] | None = None) -> Content:
    """``1 Again · 2 Hard · 3 Good · 4 Easy`` with the keys in bold; with
    ``waits``, when each grade brings the card back: ``1 Again 1m · ...``."""
    return Content(" · ").join(
        Content.assemble(
            (str(rating), "bold $accent"),
            f" {label}",
            (f" {waits[rating]}", "italic") if waits and rating in waits else "",
        )
        for rating, label in RATING_LABELS.items()
    )


def card_front(card: StudyCard) -> Content:
    """The front: a quote card's quotation (marks included) as a quote,
    anything else as written."""
    if card.kind == "quote":
        return quote_content(card.front)
    return literal(card.front, "bold")


def back_content(card: StudyCard) -> Content:
    """The back: its first paragraph (the answer) stands out, details follow."""
    answer, _, details = card.back.partition("\n\n")
    if not details:
        return literal(answer, "bold $success")
    return Content.assemble(literal(answer, "bold $success"), "\n\n", literal(details))


class StudyCardView(Vertical):
    """Shows one `StudyCard`; `show` replaces it, `reveal` turns it over.

    The view holds no study rule: the screen decides what to show and when.
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        #: The card on show (None before the first `show`).
        self.card: StudyCard | None = None
        #: Whether "show in context" applies to the card (mentioned once revealed).
        self.context = False
        self.revealed = False

    def compose(self) -> ComposeResult:
        yield Static(id="card-kind")
        yield Static(id="card-front")
        with Vertical(id="card-back"):
            yield Static(id="card-answer")
            yield Static(id="card-explanation")
            yield Static(Content.styled("From the source", "bold dim"), id="card-source-label")
            yield Static(id="card-source", classes="quote")
        yield Static(id="card-hint")

    def on_mount(self) -> None:
        self.query_one("#card-back").display = False

    def show(self, card: StudyCard, *, context: bool = False) -> None:
        """Show ``card`` face up; ``context`` says "show in context" applies to it."""
        self.card = card
        self.context = context
        self.revealed = False
        hint = CARD_KIND_HINTS[card.kind]
        self.query_one("#card-kind", Static).update(
            Content.assemble((CARD_KIND_NAMES[card.kind].upper(), "bold $accent"), f"  {hint}")
        )
        self.query_one("#card-front", Static).update(card_front(card))
        self.query_one("#card-back").display = False
        self.query_one("#card-hint", Static).update(
            Content.assemble(
                ("Think of the answer, then press ", "dim"),
                ("space", "bold"),
                (" to see it.", "dim"),
            )
        )

    def reveal(self, waits: Mapping[int, str] | None = None) -> None:
        """Turn the card over: the answer, the explanation and the source;
        ``waits`` says when each grade would bring the card back."""
        card = self.card
        if card is None:
            return
        self.revealed = True
        self.query_one("#card-answer", Static).update(back_content(card))
        explanation = self.query_one("#card-explanation", Static)
        explanation.update(literal(card.explanation))
        explanation.display = bool(card.explanation)
        self.query_one("#card-source-label").display = bool(card.source)
        source = self.query_one("#card-source", Static)
        source.update(quote_content(card.source) if card.source else Content())
        source.display = bool(card.source)
        self.query_one("#card-back").display = True
        hint = [Content.assemble(("How well did you recall it? ", "dim"), rating_keys(waits))]
        if self.context:
            hint.append(
                Content.assemble(
                    ("Press ", "dim"), ("c", "bold"), (" to read it in the source.", "dim")
                )
            )
        self.query_one("#card-hint", Static).update(Content("\n").join(hint))
