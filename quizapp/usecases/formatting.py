"""Numbers, durations and dates as the screens show them. No Textual here."""

from __future__ import annotations

import datetime as dt


def format_points(value: float) -> str:
    """``2``, ``1.5``, ``0.33``: points without needless decimals."""
    return f"{round(value, 2):g}"


def format_score(score: float, max_score: float) -> str:
    """``7.5 / 10``."""
    return f"{format_points(score)} / {format_points(max_score)}"


def format_percent(percent: float) -> str:
    """``75%`` (rounded to a whole percent)."""
    return f"{round(percent):d}%"


def format_duration(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``1 h 02 min``."""
    total = round(max(seconds, 0.0))
    if total < 60:
        return f"{total} s"
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def format_when(moment: dt.datetime, now: dt.datetime) -> str:
    """A moment in the local time of ``now``: ``today 14:05``,
    ``yesterday 09:12``, ``12 May 14:05`` (this year) or ``12 May 2024``."""
    local = moment.astimezone(now.tzinfo) if now.tzinfo else moment.astimezone()
    today = now.date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return f"today {clock}"
    if local.date() == today - dt.timedelta(days=1):
        return f"yesterday {clock}"
    day = f"{local.day} {local.strftime('%b')}"
    if local.year == today.year:
        return f"{day} {clock}"
    return f"{day} {local.year}"


def format_date(moment: dt.datetime, now: dt.datetime) -> str:
    """A moment as a fixed-width local date and time: ``2025-05-12 14:05``."""
    local = moment.astimezone(now.tzinfo) if now.tzinfo else moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M")


def format_interval(interval: dt.timedelta) -> str:
    """A wait as a person says it: ``now``, ``1 min``, ``25 min``, ``3 h``, ``4 days``."""
    seconds = interval.total_seconds()
    if seconds < 30:
        return "now"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours = round(seconds / 3600)
    if hours < 24:
        return f"{hours} h"
    days = round(seconds / 86400)
    return f"{days} day{'s' if days != 1 else ''}"


def format_short_interval(interval: dt.timedelta) -> str:
    """A wait in a few characters, as Anki shows it on its grades: ``<1m``,
    ``10m``, ``3h``, ``8d``, ``2mo``, ``1.5y``."""
    seconds = interval.total_seconds()
    if seconds < 60:
        return "<1m"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30)}mo"
    return f"{round(days / 365, 1):g}y"


_BARS = "▁▂▃▄▅▆▇█"


def text_sparkline(values: list[float], low: float = 0.0, high: float = 1.0) -> str:
    """One bar character per value, scaled from ``low`` to ``high``."""
    span = high - low or 1.0
    bars = []
    for value in values:
        level = (min(max(value, low), high) - low) / span
        bars.append(_BARS[min(int(level * len(_BARS)), len(_BARS) - 1)])
    return "".join(bars)


#: Eighths of a cell, from one eighth to a full block.
_EIGHTHS = " ▁▂▃▄▅▆▇█"


def score_chart(percents: list[float], height: int = 3) -> list[str]:
    """Scores (0 to 100) as a bar chart on a fixed scale from 0% to 100%,
    ``height`` rows high, one column per score, with its axis labelled::

        100% ┤  ▆█
             │ ▄██
          0% ┤▁███

    Every score shows at least an eighth of a cell, so a 0% is still seen.
    ``height`` is at least 2 (a row for each end of the scale).
    """
    height = max(height, 2)
    levels = height * 8
    filled = [max(1, round(min(max(p, 0.0), 100.0) / 100 * levels)) for p in percents]
    rows = []
    for row in range(height):
        base = (height - 1 - row) * 8  # eighths below this row
        cells = "".join(_EIGHTHS[min(max(f - base, 0), 8)] for f in filled)
        label = "100% ┤" if row == 0 else "  0% ┤" if row == height - 1 else "     │"
        rows.append(label + cells)
    return rows
