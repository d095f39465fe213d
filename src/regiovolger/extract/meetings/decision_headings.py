"""Items of a decision list written as headings: a title line, then the body's decision.

College and executive decision lists often carry no numbers: "Aanbestedingsstrategie centrale
huisvesting" on a line of its own, then "Het college heeft besloten: …" or "Gedeputeerde Staten
kennen … toe". The heading is an item when the next paragraph opens with the deciding body or a
"Besluit:" label. Points listed under "Het college heeft besloten:" are that decision's points,
never agenda items of their own.
"""

from __future__ import annotations

import re

from ..sentences import lines as _lines

# a paragraph that states the body's decision
OPENER = re.compile(
    r"(?i)^[ \t]*(?:besluit(?:en)?\s*:|(?:het\s+college|gedeputeerde\s+staten|gs|b\s*&\s*w|burgemeester\s+en\s+wethouders"
    r"|het\s+(?:dagelijks|algemeen)\s+bestuur|de\s+(?:gemeente)?raad|provinciale\s+staten|de\s+provincie)\b[^\n]{0,80}?"
    r"\b(?:besl\w*|kent|kennen|verleent|verlenen|stemt|stemmen|stelt|stellen|neemt|nemen|geeft|geven|draagt|dragen"
    r"|heeft|hebben|gaat|gaan|keurt|keuren|wijst|wijzen|trekt|trekken))")
# a line that ends by introducing decision points
INTRODUCES_POINTS = re.compile(r"(?i)\b(?:besl(?:uit|uiten|oten|oot)|stelt\s+voor|stellen\s+voor|besluitpunten)\b[^\n]{0,40}:\s*$")
_TITLE = re.compile(r"[ \t]*(?P<title>[A-ZÀ-Ý‘'“\"(0-9][^\n]{2,160}?)[ \t]*$")
_NOT_TITLE = re.compile(r"(?i)^(?:wethouder|burgemeester|gedeputeerde|portefeuillehouder|besluitenlijst|datum|aanwezig"
                        r"|afwezig)\b")


def decision_headings(t: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, title) of each heading whose next paragraph decides; empty unless there are two."""
    lines = _lines(t, start, end)
    heads: list[tuple[int, int, str]] = []
    for i, (a, b) in enumerate(lines):
        m = _TITLE.match(t, a, b)
        if not m or (i and t[lines[i - 1][0]:lines[i - 1][1]].strip()):
            continue  # a heading stands after a blank line
        title = m.group("title")
        if title.endswith((":", ";", ",")) or len(title.split()) > 16 or _NOT_TITLE.match(title) \
                or OPENER.match(title):
            continue
        nxt = next((t[x:y] for x, y in lines[i + 1:] if t[x:y].strip()), "")
        if OPENER.match(nxt):
            heads.append((m.start("title"), m.end("title"), title))
    return heads if len(heads) >= 2 else []


_POINT = re.compile(r"(?m)^[ \t]*(\d{1,2})[.)][ \t]")


def decision_points(t: str, cand_start: int, floor: int) -> bool:
    """Whether the numbered line at cand_start is a point of a decision introduced just above it: the
    intro ("Het college heeft besloten:") is followed by points numbered 1, 2, … up to this one."""
    pos = cand_start
    for _ in range(60):  # back over the points above, their wrapped lines and the blank lines between them
        prev_end = t.rfind("\n", floor, pos)
        if prev_end == -1:
            return False
        prev_start = max(t.rfind("\n", floor, prev_end) + 1, floor)
        line = t[prev_start:prev_end]
        pos = prev_start
        stripped = line.strip()
        if not stripped or re.match(r"\d{1,2}[.)]\s", stripped) or stripped[:1].islower():
            continue
        if not INTRODUCES_POINTS.search(line):
            return False
        line_end = t.find("\n", cand_start)
        numbers = [int(m.group(1)) for m in _POINT.finditer(t, prev_end, line_end if line_end != -1 else len(t))]
        return bool(numbers) and numbers == list(range(1, len(numbers) + 1))
    return False
