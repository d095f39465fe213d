"""An agenda's outline: numbered items with their lettered and numbered sub-items.

Agendas number their items in levels: "2. Verslagen" with "a. Mededelingen",
itself with "1. … van de voorzitter", "2. … van de gemeenten"; or "3." with
indented sub-items "1. Voorbereiden …" (web portals), or "3.1 …". Read line by
line with one counter per level, a marker counts only when it continues its
level (1 after nothing, n+1 after n; a after a number, the next letter after
a letter), so a numbered list inside an item's prose does not become items.
Numbers are written as the document's levels join: "2", "2a", "2a.1", "3.1".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .common import under_points_heading

MARKER = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<dotted>\d{1,2})\.(?P<sub>\d{1,2})\.?|(?P<num>\d{1,2})[.)]|(?P<letter>[a-z])[.)])"
    r"(?:[ \t]+(?P<title>[A-ZÀ-Ý‘'“\"(0-9][^\n]{1,200}))?[ \t]*$", re.M)
TITLE_LINE = re.compile(r"^[ \t]*(?P<title>[A-ZÀ-Ý‘'“\"(][^\n]{1,200}?)[ \t]*$", re.M)


@dataclass
class OutlineItem:
    number: str
    level: int  # 1 item, 2 sub-item, 3 sub-sub-item
    title: str
    start: int  # the marker
    title_start: int
    title_end: int


def _next_title(t: str, pos: int, end: int) -> tuple[int, int, str] | None:
    """A title on one of the next two non-blank lines ("1." on its own line, then the title)."""
    seen = 0
    while pos < end and seen < 2:
        nl = t.find("\n", pos, end)
        stop = end if nl == -1 else nl
        line = t[pos:stop]
        if line.strip():
            seen += 1
            m = TITLE_LINE.match(line)
            if m and not MARKER.match(line):
                return pos + m.start("title"), pos + m.end("title"), m.group("title")
            return None
        pos = stop + 1
    return None


def outline(t: str, start: int, end: int) -> list[OutlineItem]:
    items: list[OutlineItem] = []
    top = sub = 0
    letter = ""
    top_indent = 0
    pos = start
    while pos < end:
        nl = t.find("\n", pos, end)
        stop = end if nl == -1 else nl
        m = MARKER.match(t, pos, stop)
        if m and not (m.group("num") and top and under_points_heading(t, pos, start)):
            if m.group("title"):
                span = (m.start("title"), m.end("title"), m.group("title"))
            else:
                span = _next_title(t, stop + 1, end)
            if span:
                indent = len(m.group("indent").expandtabs(4))
                number = level = None
                if m.group("dotted"):
                    n, k = int(m.group("dotted")), int(m.group("sub"))
                    if n == top and k == sub + 1:
                        number, level, sub = f"{n}.{k}", 2, k
                elif m.group("num"):
                    n = int(m.group("num"))
                    if letter and n == sub + 1:
                        number, level, sub = f"{top}{letter}.{n}", 3, n
                    elif top and not letter and indent > top_indent and n == sub + 1:
                        number, level, sub = f"{top}.{n}", 2, n
                    elif top < n <= top + 2:
                        number, level, top, sub, letter, top_indent = str(n), 1, n, 0, "", indent
                elif top and (m.group("letter") == "a" or (letter and ord(m.group("letter")) == ord(letter) + 1)):
                    letter, sub = m.group("letter"), 0
                    number, level = f"{top}{letter}", 2
                if number:
                    items.append(OutlineItem(number, level, span[2].strip(), pos, span[0], span[1]))
        pos = stop + 1
    return items


ONE = re.compile(r"^(?P<indent>[ \t]*)1[.)][ \t]+(?P<title>[A-ZÀ-Ý‘'“\"(][^\n]{1,90}?)[ \t]*$", re.M)
TWO = re.compile(r"^[ \t]*2[.)][ \t]+\S", re.M)


def repeated_ones(t: str, start: int, end: int) -> list[OutlineItem]:
    """Items all numbered "1." — separate one-item lists of a web page — numbered by their position.

    Only short heading lines count (no final full stop), at least three of them, and no "2." anywhere.
    """
    if TWO.search(t, start, end):
        return []
    heads = [m for m in ONE.finditer(t, start, end) if not m.group("title").rstrip().endswith(".")]
    if len(heads) < 3 or len({m.group("indent") for m in heads}) > 1:
        return []
    return [OutlineItem(str(i), 1, m.group("title").strip(), m.start(), m.start("title"), m.end("title"))
            for i, m in enumerate(heads, 1)]


def sections(items: list[OutlineItem], end: int) -> list[tuple[int, int]]:
    """Each item's section: up to the next item of the same or a higher level."""
    out = []
    for i, it in enumerate(items):
        stop = next((o.start for o in items[i + 1:] if o.level <= it.level), end)
        out.append((it.start, stop))
    return out
