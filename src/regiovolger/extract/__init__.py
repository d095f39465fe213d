"""extract: parts → facts, each with evidence, in the JSON contract.

``extract`` assembles the contract of ``shared/schema/extraction.schema.json``.
Each kind of fact has its own module; keys whose issue has not landed yet are
present and empty.
"""

from __future__ import annotations

from ..document import Part, Text
from .actions import extract_actions
from .amounts import find_amounts
from .commitments import extract_commitments
from .decisions import extract_decisions
from .evidence import evidence
from .key_dates import extract_key_dates
from .linking import link_to_meetings
from .meetings import extract_meetings
from .municipalities import current_successor, find_municipalities, summarise
from .organisations import extract_organisations
from .people import extract_people
from .projects import extract_projects

SCHEMA_ID = "regiovolger.extraction/1"


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
    result["meetings"], result["agenda_items"] = extract_meetings(text, parts)
    result["decisions"] = extract_decisions(text, parts)
    result["actions"] = extract_actions(text, parts)
    result["commitments"] = extract_commitments(text, parts)
    result["key_dates"] = extract_key_dates(text, parts)
    link_to_meetings(result)
    result["projects"] = extract_projects(text, parts)
    result["amounts"] = extract_amounts(text, parts)
    result["municipalities"] = extract_municipalities(text, parts)
    # people and organisations gather names from the facts above as well as from the text
    result["people"] = extract_people(text, parts, result)
    result["organisations"] = extract_organisations(text, parts, result)
    return result
