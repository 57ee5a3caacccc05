"""Pausing Python's garbage collector while the TUI starts.

Starting the TUI allocates a few hundred thousand objects that live as long
as the app: Textual's modules and classes, its styles, Home's widgets. The
collector goes through them again and again as they are made (some 100
collections, 10 to 25 ms of a start of 200 ms) and frees next to nothing
(some 1,500 objects). So
``quizapp`` pauses it before importing Textual (`pause`), and Home resumes
it once its first frame is up (`resume`), after freezing what exists by
then: later collections leave those objects alone (and the little garbage
made while starting is never freed). No Textual here.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop collecting until `resume` (nothing changes if collection is off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Collect again, if `pause` stopped it; what exists now is frozen."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
