"""quizapp: a terminal quiz and study app.

This module holds the version only and imports nothing heavy, so that
``quizapp --version`` and the non-TUI commands start fast.
"""

__version__ = "0.1.0"
