"""The size limits of bank format 1, in one place.

``docs/bank-format.md`` ("Limits") explains them to bank authors and the
JSON Schema (``quizapp/schema/bank-v1.schema.json``) repeats them for
editors; ``tests/test_schema.py`` checks that the two agree. They keep a
careless or hostile bank from making quizapp slow or crash, far above what a
real bank needs.
"""

from __future__ import annotations

#: Characters in an id (of a bank, a fact or a question).
MAX_ID = 100
#: Characters in a text value: a prompt, an explanation, a source excerpt ...
MAX_TEXT = 10_000
#: Characters in one item of an array: a choice, a tag, an alias, a side of a pair ...
MAX_ITEM = 1_000
#: Items in an array (choices, answers, items, pairs, accept, tags, aliases,
#: about, actors) and gaps in a cloze text.
MAX_ITEMS = 100
#: The largest ``points`` of a question.
MAX_POINTS = 1_000
#: The largest size of a number question's ``answer`` and ``tolerance``:
#: every whole number up to it is exact in the 64-bit floats quizapp compares.
MAX_NUMBER = 10**15
#: Characters in ``[bank.source] file``: a path, as file systems allow.
MAX_PATH = 4_000
#: Bytes (UTF-8) in one folder or file name of ``[bank.source] file``: what
#: common file systems allow.
MAX_NAME_BYTES = 255
#: Problems reported for one bank file; the rest are counted.
MAX_PROBLEMS = 200
