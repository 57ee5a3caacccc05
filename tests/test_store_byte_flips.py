"""Random bytes flipped inside a store filled by a real quiz and study session.

After each flip, ``quizapp doctor``, ``scores`` and ``stats`` run in this
process, then every public read of the store and of a study deck and what
the TUI's Home, History, Mistakes, Study and statistics view read, and, when
the doctor found damage, ``quizapp doctor --repair``. Each must work or
report the damage: no traceback, the damaged file never deleted, and no
row that the flip left intact lost.

``python -m tests.test_store_byte_flips [CASES] [SEED]`` prints the counts.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import traceback
from collections import Counter
from pathlib import Path

import pytest

import quizapp.banks
from quizapp.model import Bank, BankError
from quizapp.store import ScoreStore, StoreError
from quizapp.store.decode import TABLES
from quizapp.store.salvage import examine
from tests.store_damage import NOW, fill_store, raw_rows, read_everything, run_cli, shipped_bank

CASES = int(os.environ.get("QUIZAPP_FLIP_CASES", "500"))
SEED = int(os.environ.get("QUIZAPP_FLIP_SEED", "16"))

#: How a case turned out; a case may count under several.
MOVED_ASIDE = "moved aside when opened (sound rows copied into a fresh database)"
SKIPPED = "damaged rows skipped by reads"
REPORTED = "damage reported by a read (StoreError)"
REPAIRED = "repaired by quizapp doctor --repair"
UNNOTICED = "no visible effect"
TRACEBACKS = "tracebacks"


def flip(data: bytes, rng: random.Random, where: list[int]) -> bytes:
    """``data`` with 1 to 4 bytes changed at random, among ``where``."""
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        damaged[rng.choice(where)] ^= rng.randint(1, 255)
    return bytes(damaged)


def run_case(
    folder: Path,
    damaged: bytes,
    original: dict[str, set[tuple[object, ...]]],
    bank: Bank,
    output: str,
) -> set[str]:
    """Everything a user can do with the damaged store, the commands printing
    in ``output`` format; what happened."""
    db = folder / "scores.sqlite3"
    db.write_bytes(damaged)
    intact = {table: rows & original[table] for table, rows in raw_rows(db).items()}
    outcome: set[str] = set()
    data_dir = ("--data-dir", str(folder))

    examined = run_cli("doctor", *data_dir)
    assert examined.status in (0, 1), examined
    for command in (
        ("scores", "--all-players", "--answers", "--format", output),
        ("stats", bank.id, "--format", output),
    ):
        run = run_cli(*command, *data_dir)
        assert run.status in (0, 1), run
        if "damaged rows in the scores database" in run.err:
            outcome.add(SKIPPED)
        if run.status == 1:
            assert "quizapp doctor" in run.err, run
            outcome.add(REPORTED)
    try:
        with ScoreStore.open(db, clock=lambda: NOW) as store:
            read_everything(store, bank)
            if store.damaged_rows:
                outcome.add(SKIPPED)
    except StoreError as exc:
        assert exc.reason == "damaged", exc
        outcome.add(REPORTED)
    if any(folder.glob("scores.sqlite3.damaged-*")):
        outcome.add(MOVED_ASIDE)
    elif examined.status == 1:
        repaired = run_cli("doctor", "--repair", *data_dir)
        assert repaired.status == 0, repaired
        assert examine(db).healthy
        outcome.add(REPAIRED)

    # The damaged file is kept: in place, or moved aside as it was.
    kept = [db, *folder.glob("scores.sqlite3.damaged-*")]
    assert any(path.read_bytes() == damaged for path in kept if path.is_file())
    # No row the flip left intact is lost (an answer needs its attempt).
    final = raw_rows(db)
    attempts = {row[0] for row in intact["attempts"]}
    for table in TABLES:
        wanted = intact[table]
        if table == "answers":
            wanted = {row for row in wanted if row[1] in attempts}  # (id, attempt_id, ...)
        assert wanted <= final[table], (table, wanted - final[table])
    return outcome or {UNNOTICED}


def flip_cases(root: Path, cases: int, seed: int) -> tuple[Counter[str], list[str]]:
    """Run ``cases`` flips; the counts per outcome and the tracebacks."""
    bank = shipped_bank()
    base = root / "filled.sqlite3"
    fill_store(base, bank)
    data = base.read_bytes()
    original = raw_rows(base)
    # Flip bytes where something is stored: the zeros are mostly free space.
    where = [i for i, byte in enumerate(data) if byte]
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    failures: list[str] = []
    # `stats BANK` looks the bank id up among the banks quizapp finds: find
    # them once, loading banks is not what is tested here.
    found = quizapp.banks.discover_banks()

    def found_before(*args: object, **kwargs: object) -> list[Bank | BankError]:
        return found

    discover = quizapp.banks.discover_banks
    quizapp.banks.discover_banks = found_before
    try:
        for case in range(cases):
            folder = root / f"case-{case}"
            folder.mkdir()
            try:
                output = ("table", "csv", "json")[case % 3]
                counts.update(run_case(folder, flip(data, rng, where), original, bank, output))
            except Exception:
                counts[TRACEBACKS] += 1
                failures.append(f"case {case} (seed {seed}):\n{traceback.format_exc()}")
            shutil.rmtree(folder)
    finally:
        quizapp.banks.discover_banks = discover
    counts["cases"] = cases
    return counts, failures


@pytest.mark.slow
def test_flipped_bytes_are_skipped_repaired_or_moved_aside_never_a_traceback(
    tmp_path: Path,
) -> None:
    counts, failures = flip_cases(tmp_path, CASES, SEED)
    print(dict(counts))
    assert failures == [], failures[0]
    assert counts["cases"] == CASES >= 500 or "QUIZAPP_FLIP_CASES" in os.environ
    # The cases exercise every way of handling damage.
    assert counts[SKIPPED] and counts[REPAIRED] and counts[MOVED_ASIDE] and counts[REPORTED]


if __name__ == "__main__":
    import tempfile

    cases = int(sys.argv[1]) if len(sys.argv) > 1 else CASES
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else SEED
    with tempfile.TemporaryDirectory() as folder:
        counts, failures = flip_cases(Path(folder), cases, seed)
    for failure in failures[:3]:
        print(failure)
    print(f"cases run: {counts['cases']} (seed {seed})")
    for label in (SKIPPED, REPAIRED, MOVED_ASIDE, REPORTED, UNNOTICED):
        print(f"  {label}: {counts[label]}")
    print(f"  {TRACEBACKS}: {counts[TRACEBACKS]}")
