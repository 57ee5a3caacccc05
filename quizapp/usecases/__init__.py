"""The application layer: what the screens and commands ask for, without Textual.

The TUI's screens call these use cases from Textual workers and show what
they return; the core below (model, banks, grading, session, study, store)
knows nothing of screens. Nothing here imports Textual or ``quizapp.tui``.

- `catalog`: the banks found, their overviews, per-bank scores, unfinished
  quizzes, study counts and mistakes, read in one go for Home.
- `quiz`: a recorded quiz (grade, save and feed the study schedule in one call).
- `study`: study sessions, their counts and the daily limit of new cards.
- `mistakes`: the questions a player got wrong, for a review.
- `history`: a player's past quizzes, per bank.
- `statistics`: how everyone did on each question (for teachers).
- `watched_bank`: a bank file loaded for the preview and compared on each save.
- `formatting`: numbers, durations and dates as the screens show them.

A use case that fails because the score store does raises `StoreError`
(re-exported here, so the screens need not import the store).
"""

from quizapp.errors import StoreError

__all__ = ["StoreError"]
