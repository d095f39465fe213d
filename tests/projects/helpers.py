"""Shared helpers: run extraction on a seed or on a text written in the test."""

from __future__ import annotations

import json
import os
from pathlib import Path

from regiovolger.document import Part, Text
from regiovolger.extract.projects import extract_projects

from tests.conftest import SEEDS  # noqa: E402
GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("REGIOVOLGER_REGENERATE_GOLDEN") == "1"

# The fields a golden file keeps per project (evidence offsets are checked separately).
GOLDEN_KEYS = ("name", "kind", "programme", "programme_line", "size", "hours_per_week", "administrative_clients",
               "applicant", "start", "end", "total_cost_eur", "cofinancing_eur", "requested_eur", "budget_eur",
               "municipalities", "municipality_codes", "organisations", "assessment")


def run_text(s: str, part_type: str = "programme", title: str | None = None) -> list[dict]:
    text = Text(text=s, pages=[], media_type="text/plain")
    return extract_projects(text, [Part("p1", part_type, title, None, None, 0, len(s))])


def run_seed(name: str) -> tuple[Text, list[dict]]:
    from regiovolger.read import read_file
    from regiovolger.segment import segment

    path = next(SEEDS.glob(f"{name}_*.txt"))
    text = read_file(path)
    return text, extract_projects(text, segment(text))


def golden_view(projects: list[dict]) -> list[dict]:
    return [{k: p.get(k) for k in GOLDEN_KEYS} for p in projects]


def load_golden(name: str, projects: list[dict]) -> list[dict]:
    import pytest

    path = GOLDEN / f"{name}.json"
    if not REGENERATE and not path.exists():
        pytest.fail(f"golden file {path.name} missing: run with REGIOVOLGER_REGENERATE_GOLDEN=1 on purpose")
    if REGENERATE:
        path.write_text(json.dumps(golden_view(projects), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return json.loads(path.read_text(encoding="utf-8"))


def by_name(projects: list[dict], fragment: str) -> dict:
    hits = [p for p in projects if fragment.lower() in p["name"].lower()]
    assert hits, f"no project named like {fragment!r} in {[p['name'] for p in projects]}"
    return hits[0]
