"""Shared fixtures. The store is pointed at a temporary data directory before Django starts."""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from pathlib import Path

import pytest

os.environ.setdefault("REGIOVOLGER_DATA_DIR", tempfile.mkdtemp(prefix="regiovolger-test-"))
os.environ.setdefault("REGIOVOLGER_LANG", "nl")

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
REAL = SHARED / "corpus" / "real"
SCHEMA = SHARED / "schema" / "extraction.schema.json"

TOKEN = re.compile(r"[\w€’'%-]+", re.UNICODE)


def tokens(s: str) -> Counter:
    return Counter(TOKEN.findall(s))


def token_recall(expected: str, got: str) -> float:
    """Multiset recall of the expected word tokens in what was read back."""
    want = tokens(expected)
    have = tokens(got)
    total = sum(want.values())
    hit = sum(min(n, have[t]) for t, n in want.items())
    return hit / total if total else 1.0


def seed_paragraphs(n_chars: int = 2500, seed: str = "001") -> str:
    """Running prose from a seed file: non-empty lines joined, about ``n_chars`` long."""
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    lines = [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()]
    out, size = [], 0
    for line in lines:
        if len(line) > 40:
            out.append(line)
            size += len(line)
        if size >= n_chars:
            break
    return "\n".join(out)


DIACRITICS = "Café-overleg: de financiële coördinatie in Noord-Brabant kost € 147.824,-- per jaar; ideeën zijn welkom, zei ’t college."


@pytest.fixture
def seed_text():
    return seed_paragraphs


@pytest.fixture(scope="session")
def schema():
    import json

    return json.loads(SCHEMA.read_text(encoding="utf-8"))
