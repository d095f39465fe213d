"""Decisions as points of a list: adopted proposals and points under a deciding sentence.

Reads the points of a proposed decision ("Voorgesteld besluit", "Beslispunten")
that the outcome under it adopts ("Besluit: Aangenomen."), and the points of a
list opened by a deciding sentence ("… besluiten zij als volgt: - … aan te
merken; - … te blijven beschouwen"), each an infinitive clause.
"""

from __future__ import annotations

import re

from ...document import Part, Text
from ..sentences import INFINITIVE_CLAUSE, LIST_MARKER
from .blocks import block_end, bullets
from .facts import DRAFT_HEADING, INFINITIVE, make_decision, overlaps, trim

# a proposed decision under its heading, adopted by the outcome after it ("Voorgesteld besluit" … "Besluit: Aangenomen.")
PROPOSED_HEADING = re.compile(r"(?im)^[ \t]*(?:voorgesteld\s+besluit|ontwerp-?\s*besluit|beslispunten|besluitpunten)\s*:?[ \t]*$")
# the heading of the points a decision list records as decided
LISTED_HEADING = re.compile(r"(?im)^[ \t]*(?:beslispunten|besluitpunten|besluiten|besluit)\s*:?[ \t]*$")
OUTCOME_HEADING = re.compile(r"(?im)^[ \t]*(?:besluit|uitkomst|besluitvorming|stemuitslag)\s*:?[ \t]*$")
ADOPTED = re.compile(r"(?i)^\W*(?:aangenomen|conform(?:\s+(?:voorstel|besloten|vastgesteld))?|akkoord|vastgesteld"
                     r"|unaniem|(?:het\s+)?voorstel\s+is\s+(?:\w+\s+){0,4}?aangenomen|als\s+hamerstuk)\b")
REJECTED = re.compile(r"(?i)\b(?:verworpen|aangehouden|ingetrokken|afgewezen|niet\s+aangenomen|uitgesteld|van\s+de\s+agenda)\b")



def adopted_proposals(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """The points of a proposed decision that the outcome under it adopts, each a decision of its own."""
    t = text.text
    found = []
    for m in PROPOSED_HEADING.finditer(t, part.start, part.end):
        body_end = block_end(t, m.end(), part.end, True)
        outcome = OUTCOME_HEADING.search(t, body_end, min(part.end, body_end + 400))
        if not outcome:
            continue
        after = t[outcome.end():min(part.end, outcome.end() + 200)].strip()
        if not ADOPTED.match(after) or REJECTED.search(after.split("\n")[0]):
            continue
        for a, b in bullets(t, m.end(), body_end, numbered=True):
            a, b = trim(t, a, b)
            if b - a < 8 or overlaps(a, b, taken):
                continue
            found.append(make_decision(text, parts, a, b))
            taken.append((a, b))
        taken.append((outcome.start(), outcome.end() + len(after)))  # "Aangenomen." is said of these points
    return found



def listed_points(text: Text, parts: list[Part], part: Part, taken: list[tuple[int, int]]) -> list[dict]:
    """In a decision list, the points under "Beslispunten" (or "Besluit" as a heading) are what was decided:
    "1. In te stemmen met …", "2. Kennis te nemen van …" — each infinitive clause a decision. In any record,
    points under "Besluit" that an outcome line closes ("Conform.", "Akkoord.") were decided too."""
    t = text.text
    found = []
    for m in LISTED_HEADING.finditer(t, part.start, part.end):
        body_end = block_end(t, m.end(), part.end, True)
        after = t[body_end:min(part.end, body_end + 120)].strip()
        if part.type != "decision_list" and not (ADOPTED.match(after) and not REJECTED.search(after.split("\n")[0])):
            continue
        for a, b in bullets(t, m.end(), body_end, numbered=True):
            a, b = trim(t, a, b)
            marker = LIST_MARKER.match(t, a, b)  # a single point, or a lettered one inside a point ("a. … te verlenen")
            a = marker.end() if marker else a
            if b - a < 8 or overlaps(a, b, taken) or not INFINITIVE_CLAUSE.search(t[a:b]):
                continue
            found.append(make_decision(text, parts, a, b))
            taken.append((a, b))
    return found


# a point of a list: "- toezeggingen … als "voldaan" aan te merken;", "a. het plan vast te stellen"
POINT = re.compile(r"(?m)^[ \t]*(?:[-•–*▪]|[a-z][.)]|\d{1,2}[.)])[ \t]+(?P<body>\S[^\n]*)$")
# the sentence opening such a list decides: "… besluiten zij als volgt:", "De raad besluit:"
DECIDING_LEAD = re.compile(r"(?i)\b(?:besl(?:uit|uiten|oot|oten)|stem(?:t|men|de|den)\s+(?:\w+\s+){0,3}?in|gaat|gaan"
                           r"|ging|gingen)\b[^.\n]{0,80}:\s*$")


def points_after(text: Text, parts: list[Part], part: Part, found: list[dict],
                  taken: list[tuple[int, int]]) -> list[dict]:
    """The points of a list opened by a deciding sentence ("… besluiten zij als volgt: - … aan te merken;
    - … te blijven beschouwen"): each point that is a decision clause (an infinitive) is a decision."""
    t = text.text
    ends = {d["evidence"]["end"] for d in found}
    out = []
    pos = part.start
    while True:
        m = POINT.search(t, pos, part.end)
        if m is None:
            break
        run = [m]
        while True:
            nxt = POINT.match(t, run[-1].end() + 1) if run[-1].end() + 1 < part.end else None
            if nxt is None:
                break
            run.append(nxt)
        pos = run[-1].end()
        points = [p for p in run if INFINITIVE.search(p.group("body"))]
        if len(points) < 2 or len(points) < len(run) / 2:
            continue
        lead = t[max(part.start, m.start() - 300):m.start()].rstrip()
        after_decision = any(0 <= m.start() - e <= 3 for e in ends)
        if not (after_decision or DECIDING_LEAD.search(lead)) or DRAFT_HEADING.search(t, part.start, m.start()):
            continue
        for p in points:
            a, b = p.start("body"), p.end("body")
            if not overlaps(a, b, taken):
                out.append(make_decision(text, parts, a, b))
                taken.append((a, b))
    return out
