"""Decisions that were taken, with their kind, amount and vote.

A decision is recorded in minutes and decision lists ("Het verslag is
akkoord", "wordt ongewijzigd vastgesteld", "stemt in met", "neemt kennis
van", "Besloten wordt", "Besluit: ...", "De raad besluit unaniem: ...",
"amendement A1 wordt aangenomen", "in samenspraak wordt een termijn
afgesproken").  A proposal is not a decision: "stelt voor", "Voorstel:",
"U wordt geadviseerd in te stemmen" and an empty "Besluit:" field decide
nothing.  A proposal only records a decision when it is a signed
raadsbesluit/statenbesluit ("Aldus besloten in de openbare vergadering").
"""

from __future__ import annotations

from ...document import Part, Text
from ..sentences import parts_of, sentence_spans
from .blocks import decision_blocks
from .facts import RECORD_TYPES, about_of, first_amount, kind_of, vote_of
from .points import adopted_proposals, listed_points, points_after
from .prose import decided_sentences
from .reported import body_acts, reported_decisions
from .table_rows import decision_tables

__all__ = ["about_of", "extract_decisions", "first_amount", "kind_of", "sentence_spans", "vote_of"]


def extract_decisions(text: Text, parts: list[Part]) -> list[dict]:
    """Decisions taken in ``text``, in text order, ids "d1", "d2", …"""
    out: list[dict] = []
    for part in parts_of(parts, text):
        taken: list[tuple[int, int]] = []
        found = decision_tables(text, parts, part, taken) if part.type in RECORD_TYPES else []
        found += adopted_proposals(text, parts, part, taken)  # any type: the outcome under it says it was taken
        found += listed_points(text, parts, part, taken)
        found += decision_blocks(text, parts, part, taken)
        # minutes and decision lists record decisions in many forms; every other document is read as
        # well, for decisions it reports in the perfect tense ("Gedeputeerde Staten hebben op 17 juli
        # besloten …"), with a lower confidence (data/confidence.toml)
        if part.type in RECORD_TYPES:
            found += decided_sentences(text, parts, part, taken)
            if part.type == "other":
                # a news item reports decisions taken earlier ("…, heeft de gemeenteraad eerder dit jaar besloten")
                found += reported_decisions(text, parts, part, taken)
        else:
            # the type shifts confidence, it does not switch reading off: a paragraph of a proposal or
            # letter whose subject is the deciding body in the present tense is read too
            found += reported_decisions(text, parts, part, taken)
            if part.type != "proposal":  # a proposal's "Provinciale Staten stellen … vast" is what it proposes
                found += body_acts(text, parts, part, taken)
        found += points_after(text, parts, part, found, taken)
        out += found
    out.sort(key=lambda d: d["evidence"]["start"])
    for i, d in enumerate(out, 1):
        d["id"] = f"d{i}"
    return out
