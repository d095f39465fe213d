"""Actions that decisions and letters ask of someone.

Reads a decision that charges someone ("het college opdracht te geven …
uiterlijk 1 oktober … aan te bieden", "op te dragen", "te verzoeken") and the
requests and intentions of letters and memos (``action_prose``), the latter
as reviewed candidates with a lower confidence.
"""

from __future__ import annotations

import re

from ...document import Part, Text
from ..action_prose import CONFIDENCE as REQUEST_CONFIDENCE, prose_actions
from ..sentences import clean, sentence_spans
from .facts import make_action, overlaps
from .owners import ROLE

# a decision that charges someone: "het college opdracht te geven ... uiterlijk 1 oktober ... aan te bieden"
CHARGE = re.compile(
    rf"(?P<owner>{ROLE}(?:\s+van\s+(?:[\w&]+\s+){{0,3}}?[\w&]+)?)\s+(?:opdracht\s+te\s+geven|op\s+te\s+dragen|te\s+verzoeken)\s+"
    r"(?P<what>[^;]+?)(?=;|\.\s*(?:\n|$)|\n\s*\n|\n\s*(?:\d{1,2}|[A-Z])[.)]\s)", re.S)


def charges(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    t = text.text
    out = []
    for m in CHARGE.finditer(t, part.start, part.end):
        s, e = m.start(), m.end()
        if overlaps(s, e, taken):
            continue
        owner = re.sub(r"^(?:Het|De)\b", lambda x: x.group(0).lower(), clean(m.group("owner")))
        out.append(make_action(text, parts, part, s, e, m.group("what"), [owner]))
        taken.append((s, e))
    return out


def requests(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """Requests and intentions in letters and memos, as reviewed candidates."""
    found = []
    for s, e in sentence_spans(text.text, part.start, part.end):
        if overlaps(s, e, taken) or e - s > 400:
            continue
        hit = prose_actions(text.text[s:e], part.type)
        if hit:
            a = make_action(text, parts, part, s, e, hit[1], [hit[0]])
            a["confidence"] = REQUEST_CONFIDENCE
            found.append(a)
            taken.append((s, e))
    return found
