"""Actions: who is to do what, by when.

Forms: "Actie J. Jansen" / "Actie allen" / "Actie: secretariaat" after the
sentence it concerns, "(actie)" with its owner read from the sentence, "X zal
...", "X gaat ...", "Hij zal ..." (the person named before), "Hiervoor zal de
provincie ...", and sections headed "Actiepunten", "Actielijst",
"Vervolgafspraken": bullet lists or tables (Nr / Actie / Wie / Wanneer /
Status), also when PDF extraction flattened the table into lines.
Due dates: "voor 1 oktober", "uiterlijk week 12", "eind oktober" (due null
when the day is unknown; the text is kept in ``due_text``); ``status``
(open/done) when the document says so.
"""

from __future__ import annotations

import re

from ...document import Part, Text
from ..sentences import parts_of
from .charges import charges, requests
from .doers import agreed_action
from .facts import MARKER_TYPES, RECORD_TYPES, due_of, status_of
from .owners import split_owners
from .prose import prose
from .sections import sections
from .table_cells import action_columns

__all__ = ["agreed_action", "due_of", "extract_actions", "split_owners", "status_of"]


def _content(words: str, owners: list[str]) -> set[str]:
    """Content words of an action (6-letter stems), without its owners' words."""
    own = {w[:6] for o in owners for w in re.findall(r"\w{4,}", o.lower())}
    return {w[:6] for w in re.findall(r"\w{4,}", words.lower())} - own - {"voor", "over", "naar", "met", "door"}


def _same_task(a: dict, b: dict) -> bool:
    """A bullet in the minutes that repeats a row of the action list (same owner, mostly the same words)."""
    oa = {re.sub(r"^(?:de|het)\s+", "", o.lower()) for o in a["owners"]}
    ob = {re.sub(r"^(?:de|het)\s+", "", o.lower()) for o in b["owners"]}
    if oa and ob and not oa & ob:
        return False
    ca, cb = _content(a["text"], a["owners"]), _content(b["text"], b["owners"])
    shared = ca & cb
    return len(shared) >= 2 and len(shared) * 2 >= min(len(ca), len(cb))


def extract_actions(text: Text, parts: list[Part]) -> list[dict]:
    """Actions in ``text``, in text order, ids "a1", "a2", …"""
    out: list[dict] = []
    for part in parts_of(parts, text):
        taken: list[tuple[int, int]] = []
        found: list[dict] = []
        if part.type in MARKER_TYPES:
            found = sections(text, parts, part, taken)
            for a in found:
                a["_table"] = True
            found += action_columns(text, parts, part, taken)
        if part.type in RECORD_TYPES:
            found += charges(text, parts, part, taken)
        # prose is read in every document type ("De minister zal … sturen" in a letter is an action too);
        # outside minutes and action lists its confidence is lower (data/confidence.toml)
        found += prose(text, parts, part, taken)
        # requests, intentions and announced steps, in every type, as reviewed candidates
        found += requests(text, parts, part, taken)
        out += found
    listed = [a for a in out if a.get("_table")]
    out = [a for a in out if a.get("_table") or not any(_same_task(a, b) for b in listed)]
    for a in out:
        a.pop("_table", None)
    out.sort(key=lambda a: a["evidence"]["start"])
    for i, a in enumerate(out, 1):
        a["id"] = f"a{i}"
    return out
