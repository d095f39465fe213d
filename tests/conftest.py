"""Shared fixtures. The store is pointed at a temporary data directory before Django starts."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("REGIOVOLGER_DATA_DIR", tempfile.mkdtemp(prefix="regiovolger-test-"))
os.environ.setdefault("REGIOVOLGER_LANG", "nl")

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
REAL = SHARED / "corpus" / "real"
SCHEMA = SHARED / "schema" / "extraction.schema.json"


@pytest.fixture(scope="session")
def schema():
    import json

    return json.loads(SCHEMA.read_text(encoding="utf-8"))
