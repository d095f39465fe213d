"""Confidence per fact (``evidence.confidence``): the kind's base, shifted by its document's type.

The table is data (``data/confidence.toml``): the document type shifts
confidence, it never switches extraction off. An extractor that knows better
sets ``confidence`` on the fact itself, and that value is kept.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from ..document import Part
from .evidence import part_at


@lru_cache(maxsize=1)
def table() -> dict:
    return tomllib.loads(resources.files("regiovolger").joinpath("data/confidence.toml").read_text(encoding="utf-8"))


def publish_threshold() -> float:
    import os

    try:
        return float(os.environ.get("REGIOVOLGER_PUBLISH_CONFIDENCE", table()["publish"]))
    except ValueError:
        return float(table()["publish"])


def confidence_of(kind: str, doc_type: str | None, own: float | None = None) -> float:
    if own is not None:
        return round(max(0.0, min(1.0, own)), 2)
    conf = table()["base"].get(kind, 0.7) + table().get("shift", {}).get(kind, {}).get(doc_type or "other", 0.0)
    return round(max(0.05, min(0.99, conf)), 2)


def score_confidence(result: dict, parts: list[Part]) -> None:
    """Set ``evidence.confidence`` on every fact of ``result`` that has evidence."""
    types = {p.id: p.type for p in parts}
    for kind, facts in result.items():
        if not isinstance(facts, list) or kind in ("documents", "errors"):
            continue
        for fact in facts:
            ev = fact.get("evidence") if isinstance(fact, dict) else None
            if not isinstance(ev, dict):
                continue
            doc_type = types.get(ev.get("document")) or (part_at(parts, ev["start"]).type if parts else None)
            ev["confidence"] = confidence_of(kind, doc_type, fact.pop("confidence", None) or ev.get("confidence"))
