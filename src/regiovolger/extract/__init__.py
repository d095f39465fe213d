"""extract: parts → facts, each with evidence, in the JSON contract.

``extract`` assembles the contract of ``shared/schema/extraction.schema.json``.
Each kind of fact has its own module; keys whose issue has not landed yet are
present and empty.
"""

from __future__ import annotations

from ..document import Part, Text
from .amounts import find_amounts
from .evidence import evidence
from .municipalities import current_successor, find_municipalities, summarise

SCHEMA_ID = "regiovolger.extraction/1"

LATER_KEYS = ("meetings", "agenda_items", "decisions", "actions", "commitments", "key_dates",
              "projects", "people", "organisations")


def _number(value) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def extract_amounts(text: Text, parts: list[Part]) -> list[dict]:
    return [
        {
            "text": m.text,
            "value_eur": _number(m.value_eur),
            "max_eur": _number(m.max_eur),
            "role": m.role,
            "evidence": evidence(text, parts, m.start, m.end),
        }
        for m in find_amounts(text.text)
    ]


def extract_municipalities(text: Text, parts: list[Part]) -> list[dict]:
    """One entry per municipality, with the evidence of its first mention and its successor."""
    mentions = find_municipalities(text.text)
    first = {}
    for m in mentions:
        first.setdefault(m.cbs_code, m)
    entries = summarise(mentions)
    for entry in entries:
        m = first[entry["cbs_code"]]
        successor = current_successor(m.cbs_code)
        entry["successor"] = successor.cbs_code if successor and successor.cbs_code != m.cbs_code else None
        entry["evidence"] = evidence(text, parts, m.start, m.end)
    return entries


def extract(text: Text, parts: list[Part], source: dict) -> dict:
    result: dict = {
        "schema": SCHEMA_ID,
        "source": source,
        "documents": [p.as_contract() for p in parts],
    }
    for key in LATER_KEYS:
        result[key] = []
    result["amounts"] = extract_amounts(text, parts)
    result["municipalities"] = extract_municipalities(text, parts)
    return result
