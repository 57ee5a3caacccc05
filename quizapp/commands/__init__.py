"""Sub-commands of the ``quizapp`` CLI, one module each (see `quizapp.cli`)."""
