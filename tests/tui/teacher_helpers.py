"""What the tests of the teacher's screens (the preview, the draft review)
share: reproducible settings, and the small article the review drafts."""

from __future__ import annotations

from pathlib import Path

from quizapp.tui.settings import AppSettings
from tests.tui.helpers import FIXED_NOW, StepClock

#: A short article of our own: three actors, three dates, three quotes, and
#: a paragraph that would be markup if it were not shown as written.
REVIEW_ARTICLE = Path(__file__).parents[1] / "data" / "review-article.txt"


def teacher_settings(data_dir: Path) -> AppSettings:
    """Settings with fixed clocks, seed and theme, for the player ``teacher``."""
    return AppSettings(
        player="teacher",
        data_dir=data_dir,
        now=lambda: FIXED_NOW,
        clock=StepClock(),
        seed=0,
        theme="textual-dark",
        cursor_blink=False,
    )
