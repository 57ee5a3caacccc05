"""The TOML examples of the documentation are valid.

Every fenced ```toml block of docs/bank-format.md and docs/authoring.md is
valid TOML; the ones that are whole banks (they set ``format =``) also load
without errors.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from quizapp.banks import load_bank_text
from quizapp.model import Bank

DOCS = Path(__file__).resolve().parents[1] / "docs"
_FENCE = re.compile(r"^```toml\n(.*?)^```", re.MULTILINE | re.DOTALL)
_WHOLE_BANK = re.compile(r"^format\s*=", re.MULTILINE)


def toml_blocks(name: str) -> list[tuple[int, str]]:
    """(line, text) of each ```toml block of ``docs/<name>``."""
    text = (DOCS / name).read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, match.start()) + 2, match.group(1)) for match in _FENCE.finditer(text)
    ]


BLOCKS = [
    pytest.param(block, id=f"{name}:{line}")
    for name in ("bank-format.md", "authoring.md")
    for line, block in toml_blocks(name)
]


def test_the_documents_have_examples() -> None:
    whole = [block for block in BLOCKS if _WHOLE_BANK.search(block.values[0])]
    assert len(BLOCKS) >= 15
    assert len(whole) >= 2


@pytest.mark.parametrize("block", BLOCKS)
def test_example_is_valid(block: str) -> None:
    tomllib.loads(block)
    if _WHOLE_BANK.search(block):
        loaded = load_bank_text(block, "example.toml")
        assert isinstance(loaded, Bank), "\n".join(str(p) for p in loaded.problems)
