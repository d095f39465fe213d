"""extract: parts → facts, each with evidence, in the JSON contract.

``extract`` assembles the contract of ``shared/schema/extraction.schema.json``
by running every fact kind of ``registry.KINDS`` in order. One kind's
extractor failing on a file costs only that kind: the other facts are kept and
the failure is recorded under ``errors`` (partial success, never a failed file).
"""

from __future__ import annotations

import logging

from ..document import Part, Text
from .confidence import score_confidence
from .linking import link_to_meetings
from .ranker import add_ranked
from .registry import KINDS, LINKED
from .view import reading_view, requote

SCHEMA_ID = "regiovolger.extraction/1"
log = logging.getLogger(__name__)


def extract(text: Text, parts: list[Part], source: dict) -> dict:
    result: dict = {
        "schema": SCHEMA_ID,
        "source": source,
        "documents": [p.as_contract() for p in parts],
    }
    errors: list[dict] = []
    original, text = text.text, reading_view(text)
    for kind in KINDS:
        if kind.extract is None:
            continue
        try:
            produced = kind.extract(text, parts, result)
        except Exception as exc:  # noqa: BLE001 - one kind failing must not cost the others
            log.warning("extractor %s failed on %s: %s", kind.key, source.get("path"), exc)
            errors.append({"kind": kind.key, "error": f"{type(exc).__name__}: {exc}"[:300]})
            produced = {}
        if isinstance(produced, list):
            produced = {kind.key: produced}
        for key in (kind.key, *kind.also):
            result[key] = produced.get(key, [])
    try:
        add_ranked(text, parts, result)  # sentences the rules did not read, ranked by the trained model
    except Exception as exc:  # noqa: BLE001 - the ranked candidates are extra: the rules' facts stay
        log.warning("ranker failed on %s: %s", source.get("path"), exc)
        errors.append({"kind": "ranker", "error": f"{type(exc).__name__}: {exc}"[:300]})
    link_to_meetings(result, LINKED)
    if text.text is not original:
        requote(result, original)
    score_confidence(result, parts)
    result["errors"] = errors
    return result
