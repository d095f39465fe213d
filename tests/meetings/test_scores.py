"""Precision and recall of meeting facts stay where they were measured.

The scorer of benchmarks/score_meetings.py against hand-written expected facts:
the corpus (seeds and real files; target ≥ 0.9) and the three held-out sets of
documents in other house styles (a floor against regressions).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("score_meetings", ROOT / "benchmarks" / "score_meetings.py")
scorer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scorer)

pytestmark = pytest.mark.slow

SETS = [
    ("corpus", ROOT / "tests" / "meetings" / "expected", scorer.CORPUS, 0.9),
    ("heldout", ROOT / "tests" / "heldout" / "expected", ROOT / "tests" / "heldout" / "docs", 0.8),
    ("heldout2", ROOT / "tests" / "heldout2" / "expected", ROOT / "tests" / "heldout2" / "docs", 0.8),
    ("heldout3", ROOT / "tests" / "heldout3" / "expected", ROOT / "tests" / "heldout3" / "docs", 0.8),
]


@pytest.mark.parametrize("name,expected,docs,floor", SETS, ids=[s[0] for s in SETS])
def test_precision_and_recall_per_kind(name, expected, docs, floor):
    _, totals = scorer.score_folder(expected, docs)
    assert {"attendees", "decisions", "actions"} <= totals.keys()
    low = {}
    for kind, (hit, got, exp) in totals.items():
        precision = hit / got if got else 1.0
        recall = hit / exp if exp else 1.0
        if min(precision, recall) < floor:
            low[kind] = (round(precision, 2), round(recall, 2))
    assert low == {}, f"{name}: below {floor}: {low}"
