"""Drafts scored against answer keys: the seed editorial and the articles of
tests/data/articles (see tests/draft_scoring.py for the key format).

Each test prints its recall and precision (``pytest -s`` shows them) and
asserts floors. The seed editorial must be drafted completely: all its
quotations with the right speakers, all its dates and every quoted or
acting person and institution.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.cli import main
from tests.conftest import ARTICLE
from tests.draft_scoring import article_path, draft_for, keys, load_key, score

OWN_KEYS = [path for path in keys() if path.name != "seed.key.toml"]
SEED_KEY = next(path for path in keys() if path.name == "seed.key.toml")

#: Floors on our own articles (targets on unseen news: 90% quotes with the
#: right speaker, 90% quote precision, 85% dates, 90% actors).
FLOORS = {
    "quote_speakers": 0.9,
    "quote_precision": 0.9,
    "date_recall": 0.85,
    "date_precision": 0.85,
    "actor_recall": 0.9,
    "actor_precision": 0.8,
}


@pytest.mark.parametrize("key_path", OWN_KEYS, ids=lambda path: path.name.removesuffix(".key.toml"))
def test_own_articles_meet_the_floors(key_path: Path) -> None:
    key = load_key(key_path)
    draft = draft_for(article_path(key_path, key))
    result = score(draft, key, key_path.name.removesuffix(".key.toml"))
    print(result.row())
    for miss in result.misses:
        print(f"    {miss}")
    for name, floor in FLOORS.items():
        ratio = getattr(result, name)
        assert ratio.value >= floor, f"{name} {ratio} is under {floor:.0%}: {result.misses}"
    drafted = {quote.text for quote in draft.quotes}
    for words in key.get("not_quotes", []):
        assert not any(words in text for text in drafted), f"“{words}” drafted as a quote"


def test_the_seed_editorial_is_drafted_completely(article_text: str) -> None:
    key = load_key(SEED_KEY)
    result = score(draft_for(ARTICLE), key, "seed")
    print(result.row())
    assert result.quote_speakers.right == result.quote_speakers.total == 9, result.misses
    assert result.quote_precision.value == 1.0, result.misses
    assert result.date_recall.value == 1.0, result.misses
    assert result.actor_recall.value == 1.0, result.misses


@pytest.mark.parametrize(
    "key_path", [*OWN_KEYS, SEED_KEY], ids=lambda path: path.name.removesuffix(".key.toml")
)
def test_every_draft_passes_check_with_its_source(
    key_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = article_path(key_path, load_key(key_path))
    if not article.is_file():
        pytest.skip(f"{article} is not available")
    bank = tmp_path / "draft.toml"
    assert main(["draft", str(article), "-o", str(bank)]) == 0
    source = article if article.suffix != ".html" else tmp_path / "draft.article.txt"
    capsys.readouterr()
    assert main(["check", str(bank), "--source", str(source)]) == 0
    assert "0 errors" in capsys.readouterr().out
