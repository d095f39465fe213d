"""Shared fixtures and corpus locations (the data directory is set by tests/environment.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
REAL = SHARED / "corpus" / "real"
SCHEMA = SHARED / "schema" / "extraction.schema.json"


@pytest.fixture(scope="session")
def schema():
    import json

    return json.loads(SCHEMA.read_text(encoding="utf-8"))
