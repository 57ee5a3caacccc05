"""What the app tells a user about the score store itself: the warning from
opening it, the damaged rows reads skipped, and the day's backup.

The store finds these out (`quizapp.store`); Home shows them.
"""

from __future__ import annotations

import datetime as dt

from quizapp.store import ScoreStore, StoreError, daily_backup, damaged_rows_notice


def opening_warning(store: ScoreStore) -> str | None:
    """What opening the store found, for a banner: a damaged or newer file
    moved aside, or recent answers missing; None when all was well."""
    if store.warning:
        return store.warning
    if store.moved_aside is not None:
        return (
            f"The scores database could not be read; it was moved aside to "
            f"{store.moved_aside} and a fresh one was started."
        )
    return None


def damage_notice(store: ScoreStore) -> str | None:
    """ "N damaged rows ... were skipped; run `quizapp doctor`", once reads
    have skipped some (None until then)."""
    count = store.damaged_rows
    return damaged_rows_notice(count) if count else None


def back_up_today(store: ScoreStore, now: dt.datetime) -> str | None:
    """Take today's backup of the store unless one was taken today (slow:
    call it from a worker). None when done or not needed, else why it failed."""
    try:
        daily_backup(store.path, now)
    except StoreError as error:
        return f"Today's backup of the scores database was not made: {error}"
    return None
