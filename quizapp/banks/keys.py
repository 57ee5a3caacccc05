"""The keys each table of a bank file may have (bank format 1)."""

from __future__ import annotations

from quizapp.model import QuestionType

TOP_KEYS = frozenset({"format", "bank", "defaults", "actors", "events", "quotes", "questions"})
BANK_KEYS = frozenset({"id", "title", "description", "tags", "generate", "source"})
SOURCE_KEYS = frozenset({"title", "author", "url", "file"})
DEFAULTS_KEYS = frozenset({"points", "match", "difficulty"})
ACTOR_KEYS = frozenset(
    {"id", "name", "kind", "role", "aliases", "description", "source", "author", "generate"}
)
EVENT_KEYS = frozenset(
    {"id", "when", "date", "year", "approximate", "what", "actors", "note", "source", "generate"}
)
QUOTE_KEYS = frozenset({"id", "text", "speaker", "context", "source", "generate"})

#: The keys every question has.
COMMON_KEYS = frozenset(
    {"id", "type", "prompt", "explanation", "source", "tags", "difficulty", "points"}
    | {"quote", "about"}
)
#: The keys of each question type besides `COMMON_KEYS`.
TYPE_KEYS: dict[str, frozenset[str]] = {
    QuestionType.CHOICE: frozenset({"choices", "answer"}),
    QuestionType.MULTI: frozenset({"choices", "answers", "weights"}),
    QuestionType.TRUE_FALSE: frozenset({"answer"}),
    QuestionType.TEXT: frozenset({"answer", "accept", "match", "reject"}),
    QuestionType.CLOZE: frozenset({"text", "match", "reject"}),
    QuestionType.NUMBER: frozenset({"answer", "tolerance", "unit"}),
    QuestionType.ORDER: frozenset({"items"}),
    QuestionType.MATCH: frozenset({"pairs", "distractors"}),
    QuestionType.OPEN: frozenset({"model_answer", "key_points"}),
}
#: The keys of a table in a ``reject`` list (``gap``: cloze questions only).
REJECT_KEYS = frozenset({"answer", "feedback", "gap"})
#: Every key a question of each type may have.
ALLOWED_KEYS = {name: COMMON_KEYS | keys for name, keys in TYPE_KEYS.items()}
